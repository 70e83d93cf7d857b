"""Waste-heat recovery uses after US DOE MEASUR's process-heat calculators.

Complements :mod:`greenchain.processes.waste_heat` (exhaust heat, hot water, absorption
chillers) with:

* :func:`air_heating_from_exhaust`: an exhaust-to-air exchanger heating process or
  drying air, with the flue-gas flow computed from the fuel's composition;
* :func:`water_heating_with_steam`: low-pressure steam (flash or exhaust steam) heating
  process water, with the boiling-margin limit and the boiler-side savings;
* :func:`cascade_heat`: the exhaust of a high-temperature furnace (a kiln) used as heat
  supply of a lower-temperature process (a dryer), and the fuel that process saves;
* :func:`feedwater_heating_from_flue`: a boiler economiser preheating feedwater with the
  flue gas, and the fuel it saves;
* :func:`condensing_heat_recovery`: a condensing economiser cooling a gas-fired boiler's
  or furnace's flue gas below its dew point, sensible and latent heat recovered.

Steam and water properties come from IAPWS-IF97 through
:mod:`greenchain.processes.steam` (the one wrapper of ``iapws``).

Examples
--------
>>> from greenchain import Q_
>>> r = water_heating_with_steam(Q_(0.1565, "MPa"), 340.2, Q_(285.93, "K"),
...     Q_(0.515, "MPa"), 2.7255, Q_(285.93, "K"), Q_(0.2048, "MPa"),
...     water_heater_efficiency=0.72, boiler_efficiency=0.8)
>>> print(r.water_outlet_temperature.to("K"))
352.30... K
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pint

from greenchain.errors import OutOfRangeError, reraise_as_field
from greenchain.processes._common import ExcessAirMethod, flue_o2_fraction, to_degF
from greenchain.processes.combustion import gas_specific_gravity
from greenchain.processes.flue_gas import gas_available_heat
from greenchain.processes.steam import (
    saturation_properties,
    saturation_temperature,
    steam_properties,
)
from greenchain.units import Q_, QuantityLike, fraction, magnitude, nonnegative, temperature

__all__ = [
    "AirHeating",
    "air_heating_from_exhaust",
    "SteamWaterHeating",
    "water_heating_with_steam",
    "CascadeHeat",
    "cascade_heat",
    "CondensingRecovery",
    "condensing_heat_recovery",
    "FeedwaterHeating",
    "feedwater_heating_from_flue",
]

# MEASUR's water-side constants, AMO-Tools-Suite src/calculator/processHeat/WaterHeatingUsingSteam.cpp:
# volumetric heat capacity of water 4.1796 kJ/(kg K) x 1000 kg/m3, and the boiling margin: the
# water may be heated to at most 0.96328 of its saturation temperature in kelvin.
_WATER_CP = 4.1796  # kJ/(kg K)
_WATER_DENSITY = 1000.0  # kg/m3
_BOILING_MARGIN = 0.96328

# MEASUR's condensing-recovery fits, AMO-Tools-Suite include/calculator/processHeat/
# AirWaterCoolingUsingFlue.h: fraction of the flue water condensed
# 1 - 9e-7 T^3.0136 / (2.8082 - 0.1168 O2%) (T in degF at the exchanger outlet), latent heat
# of natural-gas flue water 0.00935 x 1087 % of the HHV per unit fraction condensed, and air
# at 0.0763 lb/scf for the flue-gas mass.
_CONDENSE_A, _CONDENSE_EXP, _CONDENSE_B, _CONDENSE_C = 9e-7, 3.0136, 2.8082, 0.1168
_LATENT_WATER_PER_HHV, _LATENT_HEAT_BTU_LB = 0.00935, 1087.0
_AIR_LB_PER_SCF = 0.0763

# MEASUR's specific heat of feedwater [kJ/(kg K)], a polynomial in T [K] (highest power first),
# AMO-Tools-Suite src/calculator/processHeat/WaterHeatingUsingFlue.cpp.
_FEEDWATER_CP = (
    3.26658e-13,
    -8.38033377e-10,
    8.83910920876e-07,
    -0.000490348083986228,
    0.150847712358072,
    -24.3962399473808,
    1624.65179353148,
)


def _kelvin(value: QuantityLike, name: str) -> np.ndarray:
    """Absolute temperature in K (plain numbers read in degC)."""
    return Q_(temperature(value, "degC", name), "degC").m_as("K")


# ----------------------------------------------------------------------------- air heating
@dataclass(frozen=True)
class AirHeating:
    """An exhaust-to-air heat exchanger (MEASUR ``AirHeatingUsingExhaust``)."""

    #: Heat moved to the air [kW].
    heat_recovered: pint.Quantity
    #: Exhaust temperature leaving the exchanger [degC].
    exhaust_outlet_temperature: pint.Quantity
    #: Fuel the air heater no longer burns [kW] (gross input).
    fuel_saving: pint.Quantity
    #: Heat-capacity rate of the exhaust [kW/K].
    exhaust_heat_capacity_rate: pint.Quantity
    #: Heat-capacity rate of the air [kW/K].
    air_heat_capacity_rate: pint.Quantity


def air_heating_from_exhaust(
    fuel_input: QuantityLike,
    heating_value: QuantityLike,
    stoichiometric_air: QuantityLike,
    excess_air: QuantityLike,
    flue_temperature: QuantityLike,
    air_flow: QuantityLike,
    air_inlet_temperature: QuantityLike,
    *,
    exhaust_heat_capacity: QuantityLike,
    air_heat_capacity: QuantityLike,
    effectiveness: QuantityLike,
    heater_efficiency: QuantityLike,
) -> AirHeating:
    """Air heated by the exhaust of a gas-fired furnace through a heat exchanger.

    Parameters
    ----------
    fuel_input : float, array-like or Quantity
        Gross (HHV) firing rate of the furnace [kW].
    heating_value : float, array-like or Quantity
        Higher heating value of the fuel per standard volume [MJ/m^3]; e.g.
        ``gas_heating_value(...).per_standard_volume``.
    stoichiometric_air : float, array-like or Quantity
        Air per fuel volume at zero excess air [dimensionless], e.g.
        :func:`greenchain.processes.flue_gas.gas_stoichiometric_air`.
    excess_air : float, array-like or Quantity
        Excess air [dimensionless], a fraction, >= 0.
    flue_temperature : float, array-like or Quantity
        Exhaust temperature entering the exchanger [degC].
    air_flow : float, array-like or Quantity
        Air flow to heat, standard volume [m^3/h]; ``Q_(4000, "scf/min")`` accepted.
    air_inlet_temperature : float, array-like or Quantity
        Air temperature entering the exchanger [degC].
    exhaust_heat_capacity : float, array-like or Quantity
        Volumetric heat capacity of the exhaust [kJ/m^3/K] at the standard state of the
        volumes (MEASUR: 0.021 Btu/(scf °F)).
    air_heat_capacity : float, array-like or Quantity
        Volumetric heat capacity of the air [kJ/m^3/K] (MEASUR: 0.0186 Btu/(scf °F)).
    effectiveness : float, array-like or Quantity
        Heat-exchanger effectiveness [dimensionless], between 0 and 1.
    heater_efficiency : float, array-like or Quantity
        Efficiency of the heater the recovered heat replaces [dimensionless].

    Returns
    -------
    AirHeating
        Heat recovered, exhaust outlet temperature, fuel saving and both
        heat-capacity rates.

    Notes
    -----
    .. math::

        \\dot V_{flue} = \\frac{\\dot Q_{fuel}}{HHV_V}\\,[1 + (1 + EA)\\,A_s], \\quad
        C_{flue} = \\dot V_{flue}\\,c_{flue}, \\quad C_{air} = \\dot V_{air}\\,c_{air}

        \\dot Q = \\varepsilon\\,\\min(C_{flue}, C_{air})\\,(T_f - T_{air}), \\quad
        T_{out} = T_f - \\dot Q / C_{flue}, \\quad \\dot F = \\dot Q/\\eta_{heater}

    MEASUR's ``AirHeatingUsingExhaust.cpp`` multiplies :math:`C_{flue}` by a further
    :math:`T_f/1000` (°F), which has no physical basis (a heat-capacity rate does not
    grow with the temperature in °F); its test values are this function's
    :math:`C_{flue}` times :math:`T_f[°F]/1000` (shown in
    ``docs/processes/measur-process-heating.md``).

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/processHeat/AirHeatingUsingExhaust.cpp``;
    tests ``tests/cpp/ProcessHeat.unit.cpp``. US DOE, *Waste Heat Reduction and Recovery
    for Improving Furnace Efficiency, Productivity and Emissions Performance* (2004).

    Examples
    --------
    >>> r = air_heating_from_exhaust(2000, 37.8, 9.57, 0.3, 350, 20000, 20,
    ...     exhaust_heat_capacity=1.4, air_heat_capacity=1.25, effectiveness=0.6,
    ...     heater_efficiency=0.85)
    >>> print(r.heat_recovered.to("kW"), r.exhaust_outlet_temperature, sep="; ")
    197.13... kW; 152.0... °C
    """
    q_fuel = nonnegative(fuel_input, "kW", "fuel_input")
    hv = nonnegative(heating_value, "MJ/m^3", "heating_value")
    if np.any(hv <= 0):
        raise OutOfRangeError("must be > 0", field="heating_value")
    stoich = nonnegative(stoichiometric_air, "", "stoichiometric_air")
    ea = nonnegative(excess_air, "", "excess_air")
    tf = temperature(flue_temperature, "degC", "flue_temperature")
    ta = temperature(air_inlet_temperature, "degC", "air_inlet_temperature")
    if np.any(tf < ta):
        raise OutOfRangeError("must not be below air_inlet_temperature", field="flue_temperature")
    v_air = nonnegative(air_flow, "m^3/h", "air_flow")
    c_flue_v = nonnegative(exhaust_heat_capacity, "kJ/m^3/K", "exhaust_heat_capacity")
    c_air_v = nonnegative(air_heat_capacity, "kJ/m^3/K", "air_heat_capacity")
    eff = fraction(effectiveness, "effectiveness")
    eta = fraction(heater_efficiency, "heater_efficiency")
    fuel_m3_h = q_fuel * 3.6 / hv  # kW -> MJ/h, over MJ/m3
    c_flue = fuel_m3_h * (1 + (1 + ea) * stoich) * c_flue_v / 3600.0  # kW/K
    c_air = v_air * c_air_v / 3600.0
    q = eff * np.minimum(c_flue, c_air) * (tf - ta)
    with np.errstate(divide="ignore", invalid="ignore"):
        t_out = np.where(c_flue > 0, tf - q / np.where(c_flue > 0, c_flue, 1.0), tf)
    return AirHeating(
        heat_recovered=Q_(q, "kW"),
        exhaust_outlet_temperature=Q_(t_out, "degC"),
        fuel_saving=Q_(q / eta, "kW"),
        exhaust_heat_capacity_rate=Q_(c_flue, "kW/K"),
        air_heat_capacity_rate=Q_(c_air, "kW/K"),
    )


# ----------------------------------------------------------------------------- steam to water
@dataclass(frozen=True)
class SteamWaterHeating:
    """Process water heated with low-pressure steam (MEASUR ``WaterHeatingUsingSteam``)."""

    #: Water temperature leaving the heater [K].
    water_outlet_temperature: pint.Quantity
    #: Saturation temperature of the water at its outlet pressure [K].
    water_boiling_temperature: pint.Quantity
    #: True where the boiling margin limits the water temperature (steam bypassed).
    boiling_limited: np.ndarray
    #: Steam not needed, bypassing the heater [kg/h].
    bypass_steam_flow: pint.Quantity
    #: Saturated-vapour enthalpy of the steam [kJ/kg].
    steam_enthalpy: pint.Quantity
    #: Saturated-liquid enthalpy of the condensate [kJ/kg].
    condensate_enthalpy: pint.Quantity
    #: Enthalpy of the boiler's make-up water [kJ/kg].
    makeup_water_enthalpy: pint.Quantity
    #: Heat given to the water [kW].
    heat_gain: pint.Quantity
    #: Fuel the water heater no longer burns over ``operating_hours`` [kJ].
    water_heater_energy_saved: pint.Quantity
    #: Boiler fuel saved by returning the condensate instead of make-up water [kJ].
    boiler_energy_saved: pint.Quantity
    #: Make-up water saved over ``operating_hours`` [m^3].
    water_saved: pint.Quantity


def water_heating_with_steam(
    steam_pressure: QuantityLike,
    steam_flow: QuantityLike,
    water_inlet_temperature: QuantityLike,
    water_outlet_pressure: QuantityLike,
    water_flow: QuantityLike,
    makeup_water_temperature: QuantityLike,
    makeup_water_pressure: QuantityLike,
    *,
    water_heater_efficiency: QuantityLike,
    boiler_efficiency: QuantityLike,
    operating_hours: QuantityLike = 7000.0,
) -> SteamWaterHeating:
    """Process water heated by condensing low-pressure steam, and what it saves (MEASUR).

    Parameters
    ----------
    steam_pressure : float, array-like or Quantity
        Absolute pressure of the (saturated) steam [MPa].
    steam_flow : float, array-like or Quantity
        Steam flow available [kg/h].
    water_inlet_temperature : float, array-like or Quantity
        Water temperature entering [degC].
    water_outlet_pressure : float, array-like or Quantity
        Absolute water pressure at the outlet [MPa] (sets its boiling point).
    water_flow : float, array-like or Quantity
        Water flow [m^3/h].
    makeup_water_temperature : float, array-like or Quantity
        Temperature of the boiler's make-up water [degC].
    makeup_water_pressure : float, array-like or Quantity
        Absolute pressure of the make-up water [MPa].
    water_heater_efficiency : float, array-like or Quantity
        Efficiency of the water heater the steam replaces [dimensionless].
    boiler_efficiency : float, array-like or Quantity
        Boiler efficiency [dimensionless].
    operating_hours : float, array-like or Quantity, default 7000.0
        Operating time the savings are summed over [h]; MEASUR's tests use 7000 and
        8000 h.

    Returns
    -------
    SteamWaterHeating
        Outlet temperature (limited by the boiling margin), the enthalpies, the heat
        gain, the bypass steam, and energy and water saved.

    Notes
    -----
    With :math:`h_g, h_f` the saturated vapour and liquid enthalpies at the steam
    pressure, :math:`c = 4.1796` kJ/(kg K), water density 1000 kg/m³:

    .. math::

        T_{out} = T_{in} + \\frac{(h_g - h_f)\\,\\dot m_s}{1000\\,c\\,\\dot V_w},
        \\qquad T_{out} \\le 0.96328\\,T_{sat}(p_{w})\\ [K]

    When limited, :math:`\\dot Q = 1000\\,c\\,\\dot V_w (T_{out} - T_{in})` and the bypass
    steam is :math:`\\dot m_s - \\dot Q/(h_g - h_f)`. Savings over :math:`t` hours:
    water heater :math:`\\dot Q t/\\eta_{wh}`; boiler
    :math:`(\\dot m_s - \\dot m_{bp})(h_f - h_{mu})\\,t/\\eta_b`; water
    :math:`(\\dot m_s - \\dot m_{bp})\\,t/1000` m³.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/processHeat/WaterHeatingUsingSteam.cpp``;
    tests ``tests/cpp/ProcessHeat.unit.cpp`` and ``tests/wasm/wasm-processHeat-test.js``.
    IAPWS-IF97 through :mod:`greenchain.processes.steam`.

    Examples
    --------
    >>> r = water_heating_with_steam(0.17, 227, 12.8, 0.27, 0.68, 12.8, 0.2,
    ...     water_heater_efficiency=0.7, boiler_efficiency=0.7, operating_hours=8000)
    >>> print(r.water_outlet_temperature.to("degC"), r.bypass_steam_flow, sep="; ")
    115.16... °C; 95.68... kg/h
    """
    ps = Q_(nonnegative(steam_pressure, "MPa", "steam_pressure"), "MPa")
    ms = nonnegative(steam_flow, "kg/h", "steam_flow")
    t_in = _kelvin(water_inlet_temperature, "water_inlet_temperature")
    pw = Q_(nonnegative(water_outlet_pressure, "MPa", "water_outlet_pressure"), "MPa")
    vw = nonnegative(water_flow, "m^3/h", "water_flow")
    if np.any(vw <= 0):
        raise OutOfRangeError("must be > 0", field="water_flow")
    t_mu = _kelvin(makeup_water_temperature, "makeup_water_temperature")
    p_mu = Q_(nonnegative(makeup_water_pressure, "MPa", "makeup_water_pressure"), "MPa")
    eta_wh = fraction(water_heater_efficiency, "water_heater_efficiency")
    eta_b = fraction(boiler_efficiency, "boiler_efficiency")
    hours = nonnegative(operating_hours, "h", "operating_hours")
    with reraise_as_field("steam_pressure"):
        sat = saturation_properties(ps)
    with reraise_as_field("water_outlet_pressure"):
        t_boil = saturation_temperature(pw).m_as("K")
    with reraise_as_field("makeup_water_pressure"):
        h_mu = steam_properties(p_mu, temperature=Q_(t_mu, "K")).enthalpy.m_as("kJ/kg")
    h_g = sat.vapour_enthalpy.m_as("kJ/kg")
    h_f = sat.liquid_enthalpy.m_as("kJ/kg")
    capacity = _WATER_CP * _WATER_DENSITY * vw  # kJ/(h K)
    t_out = t_in + (h_g - h_f) * ms / capacity
    t_limit = _BOILING_MARGIN * t_boil
    limited = t_out >= t_limit
    t_out = np.where(limited, t_limit, t_out)
    gain = np.where(limited, capacity * (t_out - t_in), (h_g - h_f) * ms)  # kJ/h
    bypass = np.where(limited, ms - gain / (h_g - h_f), 0.0)
    used = ms - bypass
    return SteamWaterHeating(
        water_outlet_temperature=Q_(t_out, "K"),
        water_boiling_temperature=Q_(t_boil, "K"),
        boiling_limited=np.asarray(limited),
        bypass_steam_flow=Q_(bypass, "kg/h"),
        steam_enthalpy=Q_(h_g, "kJ/kg"),
        condensate_enthalpy=Q_(h_f, "kJ/kg"),
        makeup_water_enthalpy=Q_(h_mu, "kJ/kg"),
        heat_gain=Q_(gain / 3600.0, "kW"),
        water_heater_energy_saved=Q_(gain * hours / eta_wh, "kJ"),
        boiler_energy_saved=Q_(used * (h_f - h_mu) * hours / eta_b, "kJ"),
        water_saved=Q_(used * hours / _WATER_DENSITY, "m^3"),
    )


# ----------------------------------------------------------------------------- cascade
@dataclass(frozen=True)
class CascadeHeat:
    """High-temperature exhaust used by a lower-temperature process (MEASUR ``CascadeHeatHighToLow``)."""

    #: Heat taken from the primary exhaust [kW].
    heat_recovered: pint.Quantity
    #: Fuel the secondary process would burn for the same heat [kW].
    equivalent_fuel: pint.Quantity
    #: Fuel saved per hour of joint operation [kW]: the smaller of ``equivalent_fuel`` and
    #: the secondary firing rate.
    fuel_saving: pint.Quantity


def cascade_heat(
    exhaust_heat_capacity_rate: QuantityLike,
    primary_exhaust_temperature: QuantityLike,
    secondary_exhaust_temperature: QuantityLike,
    secondary_available_heat: QuantityLike,
    secondary_fuel_input: QuantityLike,
) -> CascadeHeat:
    """Fuel a lower-temperature process saves when it runs on a furnace's exhaust (MEASUR).

    Parameters
    ----------
    exhaust_heat_capacity_rate : float, array-like or Quantity
        Heat-capacity rate of the primary exhaust, flow times specific heat [kW/K]
        (e.g. :attr:`AirHeating.exhaust_heat_capacity_rate`).
    primary_exhaust_temperature : float, array-like or Quantity
        Exhaust temperature of the high-temperature (primary) furnace [degC].
    secondary_exhaust_temperature : float, array-like or Quantity
        Exhaust temperature of the secondary process [degC]: the primary exhaust cannot
        give heat below it.
    secondary_available_heat : float, array-like or Quantity
        Available heat of the secondary burners [dimensionless], between 0 and 1 (e.g.
        :func:`greenchain.processes.flue_gas.gas_available_heat`).
    secondary_fuel_input : float, array-like or Quantity
        Gross firing rate of the secondary process [kW]: the most it can save.

    Returns
    -------
    CascadeHeat
        Heat recovered, equivalent secondary fuel, and the fuel saving.

    Notes
    -----
    .. math::

        \\dot Q = C_{pri}\\,(T_{pri} - T_{sec}), \\qquad
        \\dot F_{eq} = \\dot Q / AH_{sec}, \\qquad \\dot F_{saved} = \\min(\\dot F_{eq}, \\dot F_{sec})

    Multiply by the hours both run (MEASUR: the smaller of the two operating times) for
    the energy saved.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/processHeat/CascadeHeatHighToLow.cpp``;
    tests ``tests/cpp/ProcessHeat.unit.cpp``. US DOE Process Heating Sourcebook (2007),
    cascading heat.

    Examples
    --------
    >>> r = cascade_heat(3.2, 400, 150, 0.8, 1500)
    >>> print(r.heat_recovered, r.fuel_saving, sep="; ")
    800.0 kW; 1000.0 kW
    """
    c = nonnegative(exhaust_heat_capacity_rate, "kW/K", "exhaust_heat_capacity_rate")
    t1 = to_degF(primary_exhaust_temperature, "primary_exhaust_temperature")
    t2 = to_degF(secondary_exhaust_temperature, "secondary_exhaust_temperature")
    if np.any(t1 < t2):
        raise OutOfRangeError(
            "must not be below secondary_exhaust_temperature", field="primary_exhaust_temperature"
        )
    ah = fraction(secondary_available_heat, "secondary_available_heat")
    f_sec = magnitude(secondary_fuel_input, "kW", "secondary_fuel_input")
    q = c * (t1 - t2) / 1.8  # degF difference -> K
    f_eq = q / ah
    return CascadeHeat(
        heat_recovered=Q_(q, "kW"),
        equivalent_fuel=Q_(f_eq, "kW"),
        fuel_saving=Q_(np.minimum(f_eq, f_sec), "kW"),
    )


# ----------------------------------------------------------------------------- condensing
@dataclass(frozen=True)
class CondensingRecovery:
    """A condensing flue-gas heat exchanger (MEASUR ``AirWaterCoolingUsingFlue``)."""

    #: Excess air [dimensionless] from the flue O2.
    excess_air: pint.Quantity
    #: Mass flow of the flue gas [kg/h] (MEASUR: lb/h).
    flue_gas_flow: pint.Quantity
    #: Mean specific heat of the flue gas [kJ/kg/K].
    flue_gas_specific_heat: pint.Quantity
    #: Fraction of the flue gas's water condensed [dimensionless], 0 above the dew point.
    condensed_fraction: pint.Quantity
    #: Available heat (thermal efficiency) without recovery [dimensionless].
    available_heat: pint.Quantity
    #: Latent heat recovered as a fraction of the HHV input [dimensionless].
    latent_gain: pint.Quantity
    #: Available heat with the latent heat recovered [dimensionless].
    available_heat_with_latent: pint.Quantity
    #: Latent heat recovered [kW].
    latent_heat_recovered: pint.Quantity
    #: Sensible heat recovered cooling the flue gas [kW].
    sensible_heat_recovered: pint.Quantity


def condensing_heat_recovery(
    composition: Mapping[str, QuantityLike],
    fuel_input: QuantityLike,
    flue_inlet_temperature: QuantityLike,
    flue_outlet_temperature: QuantityLike,
    *,
    flue_o2: QuantityLike,
    combustion_air_temperature: QuantityLike,
    fuel_temperature: QuantityLike,
    ambient_temperature: QuantityLike,
    fuel_specific_gravity: QuantityLike | None = None,
    method: ExcessAirMethod = "exact",
) -> CondensingRecovery:
    """Sensible and latent heat a condensing economiser recovers from gas-fired flue gas.

    Parameters
    ----------
    composition : mapping of str to float, array-like or Quantity
        Volume fraction of each fuel-gas component [dimensionless], as for
        :func:`greenchain.processes.flue_gas.gas_flue_o2`.
    fuel_input : float, array-like or Quantity
        Gross (HHV) firing rate [kW].
    flue_inlet_temperature : float, array-like or Quantity
        Flue-gas temperature entering the exchanger [degC].
    flue_outlet_temperature : float, array-like or Quantity
        Flue-gas temperature leaving the exchanger [degC].
    flue_o2 : float, array-like or Quantity
        O2 in the flue gas [dimensionless].
    combustion_air_temperature : float, array-like or Quantity
        Combustion-air temperature [degC].
    fuel_temperature : float, array-like or Quantity
        Fuel temperature [degC].
    ambient_temperature : float, array-like or Quantity
        Reference (ambient) temperature [degC].
    fuel_specific_gravity : float, array-like or Quantity, optional
        Fuel density relative to air [dimensionless] for the flue-gas mass; default
        computed from ``composition``. MEASUR uses 0.6 for every gas.
    method : {"exact", "measur"}, default "exact"
        How excess air is found from ``flue_o2``.

    Returns
    -------
    CondensingRecovery
        Excess air, flue-gas flow and specific heat, condensed fraction, efficiencies
        and the sensible and latent heat recovered.

    Notes
    -----
    With temperatures in °F, :math:`x` the flue O2 in percent and :math:`HHV_V` in
    Btu/scf:

    .. math::

        f_c = 1 - \\frac{9\\times10^{-7}\\,T_{out}^{3.0136}}{2.8082 - 0.1168\\,x},
        \\qquad \\eta_{LH} = f_c \\cdot 0.00935 \\cdot 1087 / 100

        \\dot m_{flue} = \\frac{\\dot Q}{HHV_V}\\,0.0763\\,[SG + A_s(1 + EA)], \\qquad
        \\dot Q_{sens} = \\dot m_{flue}\\,c_p\\,(T_{in} - T_{out}), \\qquad
        \\dot Q_{lat} = \\eta_{LH}\\,\\dot Q

    :math:`f_c` is MEASUR's empirical fit; where it is negative (outlet above the dew
    point) nothing condenses and it is reported as 0. Available heat, excess air,
    :math:`A_s` and :math:`c_p` come from
    :func:`greenchain.processes.flue_gas.gas_available_heat` at the inlet temperature.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``include/calculator/processHeat/AirWaterCoolingUsingFlue.h``;
    tests ``tests/cpp/ProcessHeat.unit.cpp``. US DOE, *Use Low-Grade Waste Steam/Flue Gas
    to Power Absorption Chillers* and condensing-economiser tip sheets (AMO).

    Examples
    --------
    >>> gas = {"CH4": 0.95, "C2H6": 0.03, "N2": 0.02}
    >>> r = condensing_heat_recovery(gas, 5000, 150, 50, flue_o2=0.03,
    ...     combustion_air_temperature=20, fuel_temperature=15, ambient_temperature=15)
    >>> print(r.condensed_fraction, r.latent_heat_recovered, sep="; ")
    0.290...; 147.4... kW
    """
    q = nonnegative(fuel_input, "kW", "fuel_input")
    t_in = to_degF(flue_inlet_temperature, "flue_inlet_temperature")
    t_out = to_degF(flue_outlet_temperature, "flue_outlet_temperature")
    if np.any(t_out > t_in):
        raise OutOfRangeError(
            "must not be above flue_inlet_temperature", field="flue_outlet_temperature"
        )
    o2 = flue_o2_fraction(flue_o2)
    combustion = gas_available_heat(
        composition,
        flue_inlet_temperature,
        flue_o2=o2,
        combustion_air_temperature=combustion_air_temperature,
        fuel_temperature=fuel_temperature,
        ambient_temperature=ambient_temperature,
        method=method,
    )
    if fuel_specific_gravity is None:
        sg = gas_specific_gravity(composition).m_as("")
    else:
        sg = nonnegative(fuel_specific_gravity, "", "fuel_specific_gravity")
    ea = combustion.excess_air.m_as("")
    stoich = combustion.stoichiometric_air.m_as("")
    hhv = combustion.heating_value.m_as("Btu/scf")
    cp = combustion.flue_gas_specific_heat.m_as("Btu/lb/delta_degF")
    fc = 1 - (_CONDENSE_A * t_out**_CONDENSE_EXP) / (_CONDENSE_B - _CONDENSE_C * o2 * 100)
    fc = np.maximum(fc, 0.0)  # documented: above the dew point nothing condenses
    latent = fc * _LATENT_WATER_PER_HHV * _LATENT_HEAT_BTU_LB / 100
    q_btu_h = Q_(q, "kW").m_as("Btu/h")
    flow_lb_h = q_btu_h / hhv * _AIR_LB_PER_SCF * (sg + stoich * (1 + ea))
    sensible_btu_h = cp * (t_in - t_out) * flow_lb_h
    ah = combustion.available_heat.m_as("")
    return CondensingRecovery(
        excess_air=Q_(ea, ""),
        flue_gas_flow=Q_(Q_(flow_lb_h, "lb/h").m_as("kg/h"), "kg/h"),
        flue_gas_specific_heat=Q_(Q_(cp, "Btu/lb/delta_degF").m_as("kJ/kg/K"), "kJ/kg/K"),
        condensed_fraction=Q_(fc, ""),
        available_heat=Q_(ah, ""),
        latent_gain=Q_(latent, ""),
        available_heat_with_latent=Q_(ah + latent, ""),
        latent_heat_recovered=Q_(q * latent, "kW"),
        sensible_heat_recovered=Q_(Q_(sensible_btu_h, "Btu/h").m_as("kW"), "kW"),
    )


# ----------------------------------------------------------------------------- feedwater
@dataclass(frozen=True)
class FeedwaterHeating:
    """Boiler feedwater heated by the flue gas in an economiser (MEASUR ``WaterHeatingUsingFlue``)."""

    #: Boiler efficiency: the available heat at the flue temperature [dimensionless].
    boiler_efficiency: pint.Quantity
    #: Flue-gas mass flow [kg/h].
    flue_gas_flow: pint.Quantity
    #: Steam enthalpy [kJ/kg].
    steam_enthalpy: pint.Quantity
    #: Feedwater enthalpy at the exchanger inlet [kJ/kg].
    feedwater_enthalpy: pint.Quantity
    #: Steam flow [kg/h].
    steam_flow: pint.Quantity
    #: Feedwater flow, steam plus blowdown [kg/h].
    feedwater_flow: pint.Quantity
    #: Specific heat of the flue gas [kJ/kg/K].
    flue_gas_specific_heat: pint.Quantity
    #: Specific heat of the feedwater [kJ/kg/K].
    feedwater_specific_heat: pint.Quantity
    #: Heat recovered into the feedwater [kW].
    heat_recovered: pint.Quantity
    #: Flue-gas temperature leaving the economiser [K].
    flue_outlet_temperature: pint.Quantity
    #: Feedwater temperature leaving the economiser [K].
    feedwater_outlet_temperature: pint.Quantity
    #: Boiler fuel saved [kW], heat recovered over the boiler efficiency.
    fuel_saving: pint.Quantity


def _feedwater_cp(kelvin: np.ndarray) -> np.ndarray:
    return np.asarray(sum(c * kelvin ** (6 - i) for i, c in enumerate(_FEEDWATER_CP)), dtype=float)


def feedwater_heating_from_flue(
    composition: Mapping[str, QuantityLike],
    boiler_rating: QuantityLike,
    flue_temperature: QuantityLike,
    *,
    flue_o2: QuantityLike,
    combustion_air_temperature: QuantityLike,
    fuel_temperature: QuantityLike,
    ambient_temperature: QuantityLike,
    heating_value: QuantityLike,
    steam_pressure: QuantityLike,
    feedwater_temperature: QuantityLike,
    blowdown: QuantityLike,
    effectiveness: QuantityLike,
    steam_temperature: QuantityLike | None = None,
    combustion_air_moisture: QuantityLike = 0.0,
    method: ExcessAirMethod = "exact",
) -> FeedwaterHeating:
    """Boiler feedwater preheated by the flue gas in an economiser, and the fuel it saves.

    Parameters
    ----------
    composition : mapping of str to float, array-like or Quantity
        Volume fraction of each fuel-gas component [dimensionless].
    boiler_rating : float, array-like or Quantity
        Boiler fuel input (HHV) [kW]; MEASUR gives it in GJ/h.
    flue_temperature : float, array-like or Quantity
        Flue-gas temperature leaving the boiler, entering the economiser [degC].
    flue_o2 : float, array-like or Quantity
        O2 in the flue gas [dimensionless].
    combustion_air_temperature : float, array-like or Quantity
        Combustion-air temperature [degC].
    fuel_temperature : float, array-like or Quantity
        Fuel temperature [degC].
    ambient_temperature : float, array-like or Quantity
        Reference (ambient) temperature [degC].
    heating_value : float, array-like or Quantity
        Higher heating value of the fuel per volume [kJ/m^3] (MEASUR: kJ/Nm3), giving the
        fuel's volume flow.
    steam_pressure : float, array-like or Quantity
        Absolute steam pressure [MPa].
    feedwater_temperature : float, array-like or Quantity
        Feedwater temperature entering the economiser [degC].
    blowdown : float, array-like or Quantity
        Blowdown as a fraction of the feedwater [dimensionless].
    effectiveness : float, array-like or Quantity
        Economiser effectiveness [dimensionless], between 0 and 1.
    steam_temperature : float, array-like or Quantity, optional
        Temperature of superheated steam [degC]; saturated steam when omitted.
    combustion_air_moisture : float, array-like or Quantity, default 0.0
        Moisture of the combustion air [dimensionless], mass of water per mass of air.
    method : {"exact", "measur"}, default "exact"
        How excess air is found from ``flue_o2``.

    Returns
    -------
    FeedwaterHeating
        Boiler efficiency, flows, enthalpies, specific heats, heat recovered, outlet
        temperatures and the fuel saving.

    Notes
    -----
    With :math:`AH` from :func:`greenchain.processes.flue_gas.gas_available_heat` and
    :math:`m_p` its flue-gas mass per fuel volume:

    .. math::

        \\dot m_{fg} = m_p\\,\\frac{\\dot Q}{HHV_V}, \\qquad
        \\dot m_s = \\frac{\\dot Q\\,AH\\,(1 - b)}{h_s - h_{fw}}, \\qquad
        \\dot m_{fw} = \\dot m_s (1 + b)

        C_{fg} = \\dot m_{fg} c_{fg}, \\quad C_{fw} = \\dot m_{fw} c_{fw}, \\quad
        \\dot Q_r = \\varepsilon \\min(C_{fg}, C_{fw})(T_{fg} - T_{fw})

    with :math:`h_s` and :math:`h_{fw}` from IAPWS-IF97 (feedwater as compressed liquid at
    the steam pressure) and :math:`c_{fw}` MEASUR's polynomial in :math:`T_{fw}` [K].
    MEASUR's flue-gas mass per fuel volume is per scf (60 °F) while its heating value is
    per Nm³ (0 °C); greenchain keeps that pairing so that the flows agree.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/processHeat/WaterHeatingUsingFlue.cpp``;
    tests ``tests/cpp/ProcessHeat.unit.cpp``. IAPWS-IF97 through
    :mod:`greenchain.processes.steam`.

    Examples
    --------
    >>> from greenchain import Q_
    >>> r = feedwater_heating_from_flue({"CH4": 0.95, "C2H6": 0.03, "N2": 0.02},
    ...     Q_(50, "GJ/h"), 250, flue_o2=0.03, combustion_air_temperature=25,
    ...     fuel_temperature=15, ambient_temperature=15, heating_value=Q_(39000, "kJ/m^3"),
    ...     steam_pressure=1.0, feedwater_temperature=105, blowdown=0.03, effectiveness=0.6)
    >>> print(r.heat_recovered.to("kW"), r.fuel_saving.to("kW"), sep="; ")
    489.7... kW; 608.6... kW
    """
    q = nonnegative(boiler_rating, "kW", "boiler_rating")
    hv = nonnegative(heating_value, "kJ/m^3", "heating_value")
    if np.any(hv <= 0):
        raise OutOfRangeError("must be > 0", field="heating_value")
    b = fraction(blowdown, "blowdown", low_inclusive=True, high_inclusive=False)
    eff = fraction(effectiveness, "effectiveness")
    combustion = gas_available_heat(
        composition,
        flue_temperature,
        flue_o2=flue_o2,
        combustion_air_temperature=combustion_air_temperature,
        fuel_temperature=fuel_temperature,
        ambient_temperature=ambient_temperature,
        combustion_air_moisture=combustion_air_moisture,
        method=method,
    )
    ah = combustion.available_heat.m_as("")
    t_fg = _kelvin(flue_temperature, "flue_temperature")
    t_fw = _kelvin(feedwater_temperature, "feedwater_temperature")
    if np.any(t_fw >= t_fg):
        raise OutOfRangeError("must be below flue_temperature", field="feedwater_temperature")
    p = Q_(nonnegative(steam_pressure, "MPa", "steam_pressure"), "MPa")
    with reraise_as_field("steam_pressure"):
        if steam_temperature is None:
            h_s = steam_properties(p, quality=1.0).enthalpy.m_as("kJ/kg")
        else:
            t_s = Q_(_kelvin(steam_temperature, "steam_temperature"), "K")
            h_s = steam_properties(p, temperature=t_s).enthalpy.m_as("kJ/kg")
    with reraise_as_field("feedwater_temperature"):
        h_fw = steam_properties(p, temperature=Q_(t_fw, "K")).enthalpy.m_as("kJ/kg")
    q_kj_h = q * 3600.0
    m_products = combustion.flue_gas_mass_per_fuel_volume.m_as("kg/m^3")
    flow_fg = m_products * q_kj_h / hv  # kg/h
    flow_s = q_kj_h * ah * (1 - b) / (h_s - h_fw)
    flow_fw = flow_s * (1 + b)
    cp_fg = combustion.flue_gas_specific_heat.m_as("kJ/kg/K")
    cp_fw = _feedwater_cp(t_fw)
    c_fg = cp_fg * flow_fg  # kJ/(h K)
    c_fw = cp_fw * flow_fw
    q_r = eff * np.minimum(c_fg, c_fw) * (t_fg - t_fw)  # kJ/h
    return FeedwaterHeating(
        boiler_efficiency=Q_(ah, ""),
        flue_gas_flow=Q_(flow_fg, "kg/h"),
        steam_enthalpy=Q_(h_s, "kJ/kg"),
        feedwater_enthalpy=Q_(h_fw, "kJ/kg"),
        steam_flow=Q_(flow_s, "kg/h"),
        feedwater_flow=Q_(flow_fw, "kg/h"),
        flue_gas_specific_heat=Q_(cp_fg, "kJ/kg/K"),
        feedwater_specific_heat=Q_(cp_fw, "kJ/kg/K"),
        heat_recovered=Q_(q_r / 3600.0, "kW"),
        flue_outlet_temperature=Q_(t_fg - q_r / c_fg, "K"),
        feedwater_outlet_temperature=Q_(t_fw + q_r / c_fw, "K"),
        fuel_saving=Q_(q_r / 3600.0 / ah, "kW"),
    )
