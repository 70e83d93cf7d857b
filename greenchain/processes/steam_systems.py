"""Steam-system measures: economiser, blowdown heat recovery, condensate return, line losses.

The heat-recovery and loss measures around a steam boiler, the family of the US DOE
Steam Tip Sheets: a feedwater economiser on the flue gas (Tip Sheet #3), heat
recovery from continuous blowdown (flash tank and heat exchanger), condensate return
(Tip Sheet #8) and the heat lost by a steam line (MEASUR's ``HeatLoss``). The boiler
itself (fuel input, efficiency, GB 24500 grades) is :mod:`greenchain.processes.boilers`.

Energy balances on water and steam use IAPWS-IF97 through
:mod:`greenchain.processes.steam`. Conventions for plain numbers: mass flows in
kg/h, pressures in MPa **absolute** (convert gauge readings with
:func:`~greenchain.processes.steam.gauge_to_absolute`), temperatures in degC,
temperature differences in K, energy rates returned in kW, annual energies in GJ.
Efficiencies and fractions are plain numbers between 0 and 1 (a Quantity in
``percent`` is accepted).

The rules of thumb (US DOE Steam Tip Sheet #3) live in
``factors/boiler_rules_doe.csv``.

Examples
--------
>>> r = economiser_saving(8000, 110, boiler_efficiency=0.80)
>>> r.method, round(float(r.fuel_saving.m), 1)
('doe_rule', 466.2)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pint

from greenchain.data.tables import keyed_rows
from greenchain.errors import InputError, OutOfRangeError, reraise_as_field
from greenchain.processes._common import SECONDS_PER_HOUR
from greenchain.processes.steam import liquid_enthalpy, saturation_properties, steam_properties
from greenchain.units import Q_, QuantityLike, check_range, fraction, magnitude, nonnegative
from greenchain.units import temperature as to_temperature

__all__ = [
    "EconomiserSaving",
    "BlowdownRecovery",
    "CondensateSaving",
    "SteamLineHeatLoss",
    "economiser_saving",
    "blowdown_heat_recovery",
    "condensate_return_saving",
    "steam_line_heat_loss",
]


def _delta_t(value: QuantityLike, name: str) -> np.ndarray:
    """A temperature difference in K (= delta_degC); absolute temperatures raise UnitError."""
    return magnitude(value, "delta_degC", name)


# ------------------------------------------------------------------ DOE rules table
def _rules() -> dict[str, dict[str, Any]]:
    return keyed_rows("boiler_rules_doe.csv")


def _rule_value(key: str, unit: str) -> float:
    row = _rules()[key]
    return float(Q_(row["value"], row["unit"]).m_as(unit))


# ------------------------------------------------------------------ economiser
@dataclass(frozen=True)
class EconomiserSaving:
    """Result of :func:`economiser_saving`."""

    efficiency_gain: pint.Quantity
    new_efficiency: pint.Quantity
    heat_recovered: pint.Quantity
    fuel_saving: pint.Quantity
    fuel_saving_fraction: pint.Quantity
    method: str
    source_id: str
    status: str


def economiser_saving(
    fuel_input: QuantityLike,
    flue_temperature_drop: QuantityLike,
    *,
    boiler_efficiency: QuantityLike,
    flue_gas_flow: QuantityLike | None = None,
    flue_gas_specific_heat: QuantityLike | None = None,
) -> EconomiserSaving:
    """Fuel saved by a feedwater economiser that cools the flue gas.

    Two methods:

    * **energy balance** (when ``flue_gas_flow`` and ``flue_gas_specific_heat``
      are given): recovered heat :math:`\\dot Q = \\dot m_g c_{p,g} \\Delta T`,
      efficiency gain :math:`\\Delta\\eta = \\dot Q / \\dot F`;
    * **DOE rule** (otherwise): +1 percentage point of efficiency per 40 degF
      (22 degC) of flue-temperature drop, from ``factors/boiler_rules_doe.csv``.

    Parameters
    ----------
    fuel_input : numeric or Quantity [kW]
        Current fuel input rate.
    flue_temperature_drop : numeric or Quantity [K]
        Reduction of the stack temperature (a difference: K or delta_degC).
    boiler_efficiency : numeric
        Current boiler efficiency [dimensionless], 0 < eta <= 1.
    flue_gas_flow : numeric or Quantity [kg/h], optional
        Measured flue-gas mass flow at the current fuel input.
    flue_gas_specific_heat : numeric or Quantity [kJ/(kg K)], optional
        Mean specific heat of the flue gas over the cooled range (from its
        measured composition); required with ``flue_gas_flow``.

    Returns
    -------
    EconomiserSaving
        Efficiency gain and new efficiency [dimensionless], heat recovered and
        fuel saving [kW] at the new operating point, saving fraction, the method,
        and the source and status of the figures used.

    Notes
    -----
    Delivering the same steam with efficiency :math:`\\eta + \\Delta\\eta`
    needs :math:`\\dot F' = \\dot F \\eta/(\\eta+\\Delta\\eta)`, so

    .. math:: \\Delta \\dot F = \\dot F\\,\\frac{\\Delta\\eta}{\\eta+\\Delta\\eta}

    The flue-gas flow scales with the fuel, so :math:`\\Delta\\eta` is
    unchanged at the new point and the heat recovered there is
    :math:`\\Delta\\eta\\,\\dot F'`. Condensation of flue-gas moisture is not
    modelled (sensible heat only).

    References
    ----------
    US DOE AMO, Steam Tip Sheet #3, Use feedwater economizers for waste heat
    recovery (2006) (``doe-steam-tip3``).

    Examples
    --------
    >>> r = economiser_saving(8000, 110, boiler_efficiency=0.80)
    >>> r.method, round(float(r.efficiency_gain.m), 4), round(float(r.fuel_saving.m), 1)
    ('doe_rule', 0.0495, 466.2)
    >>> r = economiser_saving(8000, 110, boiler_efficiency=0.80,
    ...                       flue_gas_flow=11_000, flue_gas_specific_heat=1.1)
    >>> r.method, round(float(r.fuel_saving_fraction.m), 4)
    ('energy_balance', 0.0546)
    """
    f = check_range(
        magnitude(fuel_input, "kW", "fuel_input"),
        "fuel_input",
        low=0.0,
        low_inclusive=False,
        unit="kW",
    )
    dt = check_range(
        _delta_t(flue_temperature_drop, "flue_temperature_drop"),
        "flue_temperature_drop",
        low=0.0,
        unit="K",
    )
    eta = fraction(boiler_efficiency, "boiler_efficiency")
    if (flue_gas_flow is None) != (flue_gas_specific_heat is None):
        raise InputError(
            "give both flue_gas_flow and flue_gas_specific_heat, or neither",
            field="flue_gas_flow, flue_gas_specific_heat",
        )
    if flue_gas_flow is not None:
        m_g = nonnegative(flue_gas_flow, "kg/h", "flue_gas_flow")
        cp = magnitude(flue_gas_specific_heat, "kJ/(kg*K)", "flue_gas_specific_heat")
        check_range(cp, "flue_gas_specific_heat", low=0.0, low_inclusive=False)
        gain = m_g * cp * dt / SECONDS_PER_HOUR / f
        method, source, status = "energy_balance", "measured", "user"
    else:
        step = _rule_value("economiser.flue_temperature_drop_per_step", "K")
        per_step = _rule_value("economiser.efficiency_gain_per_step", "")
        gain = dt / step * per_step
        row = _rules()["economiser.flue_temperature_drop_per_step"]
        method, source, status = "doe_rule", row["source_id"], row["status"]
    new_eta = eta + gain
    check_range(
        new_eta,
        "flue_temperature_drop",
        high=1.0,
        unit="(efficiency after the economiser would exceed 1)",
    )
    saving = f * gain / new_eta
    return EconomiserSaving(
        efficiency_gain=Q_(gain, "dimensionless"),
        new_efficiency=Q_(new_eta, "dimensionless"),
        heat_recovered=Q_(gain * (f - saving), "kW"),
        fuel_saving=Q_(saving, "kW"),
        fuel_saving_fraction=Q_(saving / f, "dimensionless"),
        method=method,
        source_id=source,
        status=status,
    )


# ------------------------------------------------------------------ blowdown recovery
@dataclass(frozen=True)
class BlowdownRecovery:
    """Result of :func:`blowdown_heat_recovery`; rates in kW, flows in kg/h."""

    flash_steam_flow: pint.Quantity
    flash_steam_heat: pint.Quantity
    heat_exchanger_heat: pint.Quantity
    heat_recovered: pint.Quantity
    heat_available: pint.Quantity
    fuel_saving: pint.Quantity


def blowdown_heat_recovery(
    blowdown_flow: QuantityLike,
    boiler_pressure: QuantityLike,
    *,
    makeup_temperature: QuantityLike,
    boiler_efficiency: QuantityLike,
    flash_pressure: QuantityLike | None = None,
    heat_exchanger_effectiveness: QuantityLike = 0.0,
    makeup_flow: QuantityLike | None = None,
) -> BlowdownRecovery:
    """Heat recovered from continuous blowdown by a flash tank and/or a heat exchanger.

    Parameters
    ----------
    blowdown_flow : numeric or Quantity [kg/h]
        Blowdown (saturated liquid at the boiler pressure).
    boiler_pressure : numeric or Quantity [MPa]
        Absolute boiler pressure.
    makeup_temperature : numeric or Quantity [degC]
        Temperature of the cold makeup water that is preheated (and the
        reference for the flash steam's useful heat).
    boiler_efficiency : numeric
        Boiler efficiency [dimensionless], 0 < eta <= 1; converts recovered heat to
        fuel saved.
    flash_pressure : numeric or Quantity [MPa], optional
        Absolute flash-tank pressure (below the boiler pressure); no flash tank
        if omitted.
    heat_exchanger_effectiveness : numeric, default 0
        Effectiveness of the blowdown/makeup heat exchanger [dimensionless], between
        0 (none) and 1.
    makeup_flow : numeric or Quantity [kg/h], optional
        Makeup-water flow through the exchanger. If omitted the blowdown liquid
        is taken as the smaller heat-capacity stream (makeup always exceeds the
        blowdown it replaces).

    Returns
    -------
    BlowdownRecovery
        Flash steam flow [kg/h]; flash steam heat, exchanger heat, total heat
        recovered, heat available (blowdown cooled to the makeup temperature)
        and fuel saving [kW].

    Notes
    -----
    Flash fraction (energy balance at the flash pressure):

    .. math:: x = \\frac{h_f(p_b) - h_f(p_{fl})}{h_{fg}(p_{fl})}

    Flash steam heat :math:`x\\dot m (h_g(p_{fl}) - h_{mu})`; exchanger heat
    :math:`\\varepsilon \\min(\\dot m_{liq}, \\dot m_{mu})(h_{liq} - h_{mu})`;
    fuel saving = heat recovered / eta. With a flash tank and
    effectiveness 1 the recovery equals the heat available.

    References
    ----------
    Cleaver-Brooks (2014), Heat recovery helps your bottom line (blowdown
    recovery up to 90 %, ``cleaver-brooks-2014``, unverified; context only).

    Examples
    --------
    >>> r = blowdown_heat_recovery(500, 1.1, makeup_temperature=20, boiler_efficiency=0.85,
    ...                            flash_pressure=0.15, heat_exchanger_effectiveness=0.7)
    >>> round(float(r.flash_steam_flow.m), 1), round(float(r.heat_recovered.m), 1)
    (70.6, 83.1)
    """
    m_bd = nonnegative(blowdown_flow, "kg/h", "blowdown_flow")
    p_b = magnitude(boiler_pressure, "MPa", "boiler_pressure")
    eta = fraction(boiler_efficiency, "boiler_efficiency")
    eps = fraction(heat_exchanger_effectiveness, "heat_exchanger_effectiveness", low_inclusive=True)
    t_mu = to_temperature(makeup_temperature, "degC", "makeup_temperature")
    with reraise_as_field("boiler_pressure"):
        h_bd = saturation_properties(p_b).liquid_enthalpy.m_as("kJ/kg")
    with reraise_as_field("makeup_temperature"):
        h_mu = liquid_enthalpy(Q_(t_mu, "degC")).m_as("kJ/kg")
    if flash_pressure is not None:
        p_fl = magnitude(flash_pressure, "MPa", "flash_pressure")
        if np.any(p_fl >= p_b):
            raise OutOfRangeError("must be below boiler_pressure", field="flash_pressure")
        with reraise_as_field("flash_pressure"):
            sat = saturation_properties(p_fl)
        h_f, h_g = sat.liquid_enthalpy.m_as("kJ/kg"), sat.vapour_enthalpy.m_as("kJ/kg")
        x = (h_bd - h_f) / (h_g - h_f)
        m_flash = x * m_bd
        h_liq = h_f
    else:
        m_flash = np.zeros_like(m_bd * h_bd)
        h_g = h_bd
        h_liq = h_bd
    if np.any(np.asarray(h_liq) <= h_mu):
        raise OutOfRangeError(
            "must be below the temperature of the blowdown liquid", field="makeup_temperature"
        )
    m_liq = m_bd - m_flash
    if makeup_flow is None:
        m_min = m_liq
    else:
        m_min = np.minimum(m_liq, nonnegative(makeup_flow, "kg/h", "makeup_flow"))
    q_flash = m_flash * (h_g - h_mu) / SECONDS_PER_HOUR
    q_hx = eps * m_min * (h_liq - h_mu) / SECONDS_PER_HOUR
    recovered = q_flash + q_hx
    available = m_bd * (h_bd - h_mu) / SECONDS_PER_HOUR
    return BlowdownRecovery(
        flash_steam_flow=Q_(m_flash, "kg/h"),
        flash_steam_heat=Q_(q_flash, "kW"),
        heat_exchanger_heat=Q_(q_hx, "kW"),
        heat_recovered=Q_(recovered, "kW"),
        heat_available=Q_(available, "kW"),
        fuel_saving=Q_(recovered / eta, "kW"),
    )


# ------------------------------------------------------------------ condensate return
@dataclass(frozen=True)
class CondensateSaving:
    """Result of :func:`condensate_return_saving` (over ``hours``)."""

    water_saving: pint.Quantity
    heat_recovered: pint.Quantity
    fuel_saving: pint.Quantity


def condensate_return_saving(
    condensate_flow: QuantityLike,
    condensate_temperature: QuantityLike,
    makeup_temperature: QuantityLike,
    boiler_efficiency: QuantityLike,
    hours: QuantityLike,
    flash_loss: QuantityLike = 0.0,
) -> CondensateSaving:
    """Fuel and water saved by returning condensate to the boiler instead of makeup water.

    Parameters
    ----------
    condensate_flow : numeric or Quantity [kg/h]
        Additional condensate returned.
    condensate_temperature : numeric or Quantity [degC]
        Temperature of the returned condensate.
    makeup_temperature : numeric or Quantity [degC]
        Temperature of the makeup water it replaces.
    boiler_efficiency : numeric
        Boiler efficiency [dimensionless], 0 < eta <= 1.
    hours : numeric or Quantity [h]
        Operating hours (a year is stated explicitly, e.g. 8000).
    flash_loss : numeric, default 0
        Fraction of the condensate lost as flash steam [dimensionless], 0 <= f < 1.

    Returns
    -------
    CondensateSaving
        Makeup water saved [t], heat recovered and fuel saved [GJ].

    Notes
    -----
    .. math:: F = (1-f)\\,\\dot m\\,t\\,\\frac{h_f(T_c) - h_f(T_{mu})}{\\eta}

    with saturated-liquid enthalpies from IAPWS-IF97. Water, sewage and
    treatment-chemical savings follow from ``water_saving`` and local prices.

    References
    ----------
    US DOE AMO, Steam Tip Sheet #8, Return condensate to the boiler
    (``doe-steam-tip8``): worked example reproduced in ``tests/test_steam_systems.py``.

    Examples
    --------
    >>> from greenchain import Q_
    >>> r = condensate_return_saving(Q_(10_000, "lb/h"), Q_(180, "degF"), Q_(55, "degF"),
    ...                              0.80, 8000, flash_loss=0.12)
    >>> round(float(r.fuel_saving.m_as("GJ")))
    11600
    """
    m = nonnegative(condensate_flow, "kg/h", "condensate_flow")
    t_c = to_temperature(condensate_temperature, "degC", "condensate_temperature")
    t_m = to_temperature(makeup_temperature, "degC", "makeup_temperature")
    eta = fraction(boiler_efficiency, "boiler_efficiency")
    t = nonnegative(hours, "h", "hours")
    f = fraction(flash_loss, "flash_loss", low_inclusive=True, high_inclusive=False)
    if np.any(t_c < t_m):
        raise OutOfRangeError(
            "must not be below makeup_temperature", field="condensate_temperature"
        )
    with reraise_as_field("condensate_temperature"):
        h_c = liquid_enthalpy(Q_(t_c, "degC")).m_as("kJ/kg")
    with reraise_as_field("makeup_temperature"):
        h_m = liquid_enthalpy(Q_(t_m, "degC")).m_as("kJ/kg")
    returned = (1.0 - f) * m * t  # kg
    heat = returned * (h_c - h_m)  # kJ
    return CondensateSaving(
        water_saving=Q_(returned / 1000.0, "t"),
        heat_recovered=Q_(heat / 1e6, "GJ"),
        fuel_saving=Q_(heat / eta / 1e6, "GJ"),
    )


# ------------------------------------------------------------------ steam line loss
@dataclass(frozen=True)
class SteamLineHeatLoss:
    """Result of :func:`steam_line_heat_loss`; enthalpies in kJ/kg, rates in kW."""

    inlet_enthalpy: pint.Quantity
    outlet_enthalpy: pint.Quantity
    inlet_energy: pint.Quantity
    outlet_energy: pint.Quantity
    heat_loss: pint.Quantity


def steam_line_heat_loss(
    steam_flow: QuantityLike,
    pressure: QuantityLike,
    temperature: QuantityLike | None = None,
    enthalpy: QuantityLike | None = None,
    *,
    loss_fraction: QuantityLike,
) -> SteamLineHeatLoss:
    """Heat lost by a steam line (or any steam-carrying equipment) as a fraction of its inflow.

    Parameters
    ----------
    steam_flow : numeric or Quantity [kg/h]
        Steam entering the line.
    pressure : numeric or Quantity [MPa]
        Absolute pressure at the inlet.
    temperature : numeric or Quantity [degC], optional
        Inlet temperature.
    enthalpy : numeric or Quantity [kJ/kg], optional
        Inlet specific enthalpy (give exactly one of temperature and enthalpy).
    loss_fraction : numeric
        Fraction of the inlet energy flow lost [dimensionless], 0 <= f < 1.

    Returns
    -------
    SteamLineHeatLoss
        Inlet and outlet enthalpies [kJ/kg]; inlet, outlet and lost energy
        flows [kW].

    Notes
    -----
    :math:`\\dot E_{in} = \\dot m h`, :math:`\\dot E_{out} = (1-f)\\dot E_{in}`,
    loss :math:`= f \\dot E_{in}` (enthalpy on the IAPWS-IF97 reference).

    References
    ----------
    US DOE MEASUR (AMO-Tools-Suite) ``HeatLoss`` and
    ``tests/cpp/HeatLoss.unit.cpp`` (both of its cases are reproduced in
    ``tests/test_steam_systems.py``).

    Examples
    --------
    >>> from greenchain import Q_
    >>> r = steam_line_heat_loss(5434, 2.418, Q_(521, "K"), loss_fraction=0.0244)
    >>> round(float(r.heat_loss.m_as("kJ/h")), 1)
    381688.4
    """
    if (temperature is None) == (enthalpy is None):
        raise InputError(
            "give exactly one of temperature or enthalpy", field="temperature, enthalpy"
        )
    m = nonnegative(steam_flow, "kg/h", "steam_flow")
    f = fraction(loss_fraction, "loss_fraction", low_inclusive=True, high_inclusive=False)
    p = magnitude(pressure, "MPa", "pressure")
    if temperature is not None:
        t = to_temperature(temperature, "degC", "temperature")
        state = steam_properties(p, temperature=Q_(t, "degC"))
    else:
        state = steam_properties(p, enthalpy=enthalpy)
    h = state.enthalpy.m_as("kJ/kg")
    e_in = m * h / SECONDS_PER_HOUR
    return SteamLineHeatLoss(
        inlet_enthalpy=Q_(h, "kJ/kg"),
        outlet_enthalpy=Q_(h * (1.0 - f), "kJ/kg"),
        inlet_energy=Q_(e_in, "kW"),
        outlet_energy=Q_(e_in * (1.0 - f), "kW"),
        heat_loss=Q_(e_in * f, "kW"),
    )
