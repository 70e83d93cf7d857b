"""Waste-heat recovery: heat recoverable from exhaust gas, and what it can do.

Plain vectorised functions after the US DOE MEASUR process-heat calculators
(AMO-Tools-Suite ``src/calculator/processHeat/``): the heat an exchanger recovers
from a furnace exhaust, the hot-water flow it can heat, the cooling and displaced
electricity of an absorption chiller driven by it, and the temperature rise of an
air stream (drying air, combustion air). Water properties come from IAPWS-IF97 and
dry-air properties from the Lemmon et al. (2000) equation of state, both through
:mod:`greenchain.processes.steam` (the one wrapper of the ``iapws`` package).

Heat arguments are a power (a rate, plain numbers in kW) or an energy (an amount over
a period); results keep that choice: a power gives flows, an energy gives amounts.

Examples
--------
>>> from greenchain import Q_
>>> print(recoverable_exhaust_heat(Q_(2, "MW"), 0.55, 0.6))
0.54 MW
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import pint

from greenchain.errors import OutOfRangeError, UnitError, reraise_as_field
from greenchain.processes._common import heat_stream
from greenchain.processes.steam import (
    AIR_T_MAX_K,
    SaturationState,
    dry_air_density,
    dry_air_enthalpy,
    saturation_properties,
)
from greenchain.units import Q_, QuantityLike, check_range, fraction, magnitude, temperature

__all__ = [
    "recoverable_exhaust_heat",
    "HotWaterFlow",
    "hot_water_flow",
    "AbsorptionChiller",
    "absorption_chiller",
    "air_sensible_heat",
    "heat_to_air",
]

# MEASUR's volumetric heat capacity of water, 8.335 Btu/(US gal . degF) (8.335 lb/gal x
# 1 Btu/(lb . degF)); AMO-Tools-Suite src/calculator/processHeat/WaterHeatingUsingExhaust.cpp.
_MEASUR_WATER_HEAT_CAPACITY = Q_(8.335, "Btu/gallon/delta_degF")

_NORMAL_K = 273.15  # 0 degC, the reference of Nm3 (factors/units.txt)


# ----------------------------------------------------------------------------- properties
def _air_enthalpy(kelvin: np.ndarray, field: str) -> np.ndarray:
    """Specific enthalpy of dry air at 1 atm [kJ/kg] (reference state of iapws)."""
    with reraise_as_field(field):
        return dry_air_enthalpy(Q_(kelvin, "K")).m_as("kJ/kg")


@cache
def _air_normal_density() -> float:
    """Density of dry air at 0 degC and 101.325 kPa [kg/m3] (Lemmon et al. 2000)."""
    return float(dry_air_density(Q_(_NORMAL_K, "K")).m_as("kg/m^3"))


def _saturated_liquid(kelvin: np.ndarray, field: str) -> SaturationState:
    """Saturated water at ``kelvin`` (IAPWS-IF97); its liquid enthalpy and density are used."""
    with reraise_as_field(field):
        return saturation_properties(temperature=Q_(kelvin, "K"))


def _air_mass(air_flow: QuantityLike, name: str) -> tuple[np.ndarray, bool]:
    """Air mass [kg] or mass flow [kg/s] (plain numbers: kg/h); volumes read as Nm3."""
    if isinstance(air_flow, str):
        air_flow = Q_(air_flow)
    if isinstance(air_flow, pint.Quantity):
        for unit, factor, rate in (
            ("kg/s", 1.0, True),
            ("kg", 1.0, False),
            ("m^3/s", _air_normal_density(), True),
            ("m^3", _air_normal_density(), False),
        ):
            if air_flow.check(Q_(1, unit).dimensionality):
                arr = magnitude(air_flow, unit, name) * factor
                return check_range(arr, name, low=0), rate
        raise UnitError(
            f"expected an air mass, mass flow, normal volume or volume flow, got "
            f"{air_flow.units:~P}",
            field=name,
        )
    arr = magnitude(air_flow, "kg/h", name) / 3600.0
    return check_range(arr, name, low=0), True


# ----------------------------------------------------------------------------- exhaust
def recoverable_exhaust_heat(
    heat_input: QuantityLike, available_heat: QuantityLike, effectiveness: QuantityLike
) -> pint.Quantity:
    """Heat a heat exchanger recovers from a furnace's exhaust (MEASUR E-1).

    Parameters
    ----------
    heat_input : float, array-like or Quantity
        Fuel heat input of the furnace [kW]; any power or energy Quantity is accepted.
    available_heat : float, array-like or Quantity
        Available heat of the furnace [dimensionless], between 0 and 1, e.g. from
        :func:`greenchain.processes.combustion.available_heat`.
    effectiveness : float, array-like or Quantity
        Heat-exchanger effectiveness [dimensionless], between 0 and 1.

    Returns
    -------
    Quantity
        Recovered heat, in the unit of ``heat_input``.

    Raises
    ------
    OutOfRangeError
        If a fraction lies outside 0 to 1 or ``heat_input`` is negative.

    Notes
    -----
    .. math:: Q_{rec} = (1 - AH)\\,Q_{in}\\,\\varepsilon

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/processHeat/WaterHeatingUsingExhaust.cpp``
    (``recoveredHeat``), tested in ``tests/cpp/ProcessHeat.unit.cpp``.

    Examples
    --------
    >>> from greenchain import Q_
    >>> print(recoverable_exhaust_heat(Q_(10, "GJ"), Q_(45, "percent"), 0.7))
    3.85 GJ
    """
    q, unit = heat_stream(heat_input, "heat_input")
    check_range(q, "heat_input", low=0)
    ah = fraction(available_heat, "available_heat", low_inclusive=True)
    eps = fraction(effectiveness, "effectiveness", low_inclusive=True)
    return Q_((1.0 - ah) * q * eps, unit)


# ----------------------------------------------------------------------------- hot water
@dataclass(frozen=True)
class HotWaterFlow:
    """Result of :func:`hot_water_flow`: flows (for a power) or amounts (for an energy)."""

    #: Mass flow [kg/h] (or mass [kg] for an energy).
    mass: pint.Quantity
    #: Volume flow [m3/h] (or volume [m3]) of the water at its inlet temperature.
    volume: pint.Quantity


def hot_water_flow(
    heat: QuantityLike,
    temperature_rise: QuantityLike,
    *,
    inlet_temperature: QuantityLike | None = None,
) -> HotWaterFlow:
    """Water flow that a recovered heat raises by a given temperature.

    Parameters
    ----------
    heat : float, array-like or Quantity
        Heat delivered to the water [kW]; any power or energy Quantity is accepted.
    temperature_rise : float, array-like or Quantity
        Temperature rise of the water [K], > 0; ``delta_degC`` or ``delta_degF``
        Quantities are accepted.
    inlet_temperature : float, array-like or Quantity, optional
        Water inlet temperature [degC]. When given, saturated-liquid enthalpies and
        density from IAPWS-IF97 are used (the pressure effect on liquid water is
        neglected). When omitted, MEASUR's constant volumetric heat capacity
        8.335 Btu/(US gal.degF) is used and ``mass`` is derived from it at
        8.335 lb/gal.

    Returns
    -------
    HotWaterFlow
        ``mass`` [kg/h] and ``volume`` [m³/h] (an energy gives [kg] and [m³]).

    Raises
    ------
    OutOfRangeError
        If ``temperature_rise`` is not positive, or the water leaves the liquid range
        of IAPWS-IF97 (triple point to critical point).

    Notes
    -----
    .. math::

        \\dot m = \\frac{Q}{h_f(T_{in} + \\Delta T) - h_f(T_{in})}, \\qquad
        \\dot V = \\dot m / \\rho_f(T_{in})

    or, with MEASUR's constant, :math:`\\dot V = Q / (8.335\\,\\Delta T)` in US units.

    References
    ----------
    IAPWS-IF97 (through :mod:`greenchain.processes.steam`); US DOE MEASUR,
    AMO-Tools-Suite ``src/calculator/processHeat/WaterHeatingUsingExhaust.cpp``
    (``hotWaterFlow``), tested in ``tests/cpp/ProcessHeat.unit.cpp``.

    Examples
    --------
    >>> from greenchain import Q_
    >>> flow = hot_water_flow(Q_(100, "kW"), Q_(10, "K"), inlet_temperature=Q_(70, "degC"))
    >>> print(flow.mass.to("t/h"))
    8.5855... t/h
    """
    q, unit = heat_stream(heat, "heat")
    check_range(q, "heat", low=0)
    rate = Q_(1, unit).check("[power]")
    dt = magnitude(temperature_rise, "delta_degC", "temperature_rise")
    check_range(dt, "temperature_rise", low=0, low_inclusive=False, unit="K")
    q_kw = Q_(q, unit).m_as("kW" if rate else "kJ")
    if inlet_temperature is None:
        volume = Q_(q_kw, "kW" if rate else "kJ") / (
            _MEASUR_WATER_HEAT_CAPACITY * Q_(dt, "delta_degC")
        )
        vol_m3 = volume.m_as("m^3/h" if rate else "m^3")
        mass_kg = Q_(vol_m3, "m^3").m_as("gallon") * Q_(8.335, "lb").m_as("kg")  # 8.335 lb/gal
    else:
        t_in = Q_(temperature(inlet_temperature, "degC", "inlet_temperature"), "degC").m_as("K")
        water_in = _saturated_liquid(t_in, "inlet_temperature")
        h_in = water_in.liquid_enthalpy.m_as("kJ/kg")
        rho_in = water_in.liquid_density.m_as("kg/m^3")
        h_out = _saturated_liquid(t_in + dt, "temperature_rise").liquid_enthalpy.m_as("kJ/kg")
        mass = q_kw / (h_out - h_in)  # kg/s or kg
        mass_kg = mass * 3600.0 if rate else mass
        vol_m3 = mass_kg / rho_in
    return HotWaterFlow(
        mass=Q_(mass_kg, "kg/h" if rate else "kg"),
        volume=Q_(vol_m3, "m^3/h" if rate else "m^3"),
    )


# ----------------------------------------------------------------------------- chiller
@dataclass(frozen=True)
class AbsorptionChiller:
    """Result of :func:`absorption_chiller` (in the unit of ``heat``)."""

    #: Cooling produced, :math:`Q \\cdot COP_{abs}`; ``.to("refrigeration_ton")`` for tons.
    cooling: pint.Quantity
    #: Usable chiller capacity, ``cooling * chiller_efficiency``.
    capacity: pint.Quantity
    #: Electricity an electric (vapour-compression) chiller would have used for it.
    displaced_electricity: pint.Quantity


def absorption_chiller(
    heat: QuantityLike,
    cop_absorption: QuantityLike,
    *,
    cop_electric: QuantityLike,
    chiller_efficiency: QuantityLike = 1.0,
) -> AbsorptionChiller:
    """Cooling from recovered heat in an absorption chiller, and the electricity it displaces.

    Parameters
    ----------
    heat : float, array-like or Quantity
        Heat driving the chiller [kW]; any power or energy Quantity is accepted.
    cop_absorption : float, array-like or Quantity
        Coefficient of performance of the absorption chiller [dimensionless], > 0.
    cop_electric : float, array-like or Quantity
        Coefficient of performance of the electric chiller it replaces
        [dimensionless], > 0.
    chiller_efficiency : float, array-like or Quantity, default 1.0
        Share of the cooling the absorption chiller delivers as capacity
        [dimensionless], 0 < eta <= 1 (MEASUR's "chiller efficiency"); 1 applies no
        derating.

    Returns
    -------
    AbsorptionChiller
        ``cooling``, ``capacity`` and ``displaced_electricity`` in the unit of ``heat``.

    Notes
    -----
    .. math::

        Q_c = Q\\,COP_{abs}, \\quad C = Q_c\\,\\eta_{ch}, \\quad
        P_{el} = Q_c\\,\\eta_{ch} / COP_{el}

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/processHeat/WaterHeatingUsingExhaust.cpp``
    (``tonsRefrigeration``, ``capacityChiller``, ``electricalEnergy``), tested in
    ``tests/cpp/ProcessHeat.unit.cpp``.

    Examples
    --------
    >>> from greenchain import Q_
    >>> r = absorption_chiller(Q_(500, "kW"), 0.7, cop_electric=5.0, chiller_efficiency=0.9)
    >>> print(r.cooling, r.capacity, r.displaced_electricity, sep="; ")
    350.0 kW; 315.0 kW; 63.0 kW
    >>> print(r.cooling.to("refrigeration_ton"))
    99.52... refrigeration_ton
    """
    q, unit = heat_stream(heat, "heat")
    check_range(q, "heat", low=0)
    cop_abs = check_range(
        magnitude(cop_absorption, "", "cop_absorption"),
        "cop_absorption",
        low=0,
        low_inclusive=False,
    )
    cop_el = check_range(
        magnitude(cop_electric, "", "cop_electric"), "cop_electric", low=0, low_inclusive=False
    )
    eta = fraction(chiller_efficiency, "chiller_efficiency")
    cooling = q * cop_abs
    return AbsorptionChiller(
        cooling=Q_(cooling, unit),
        capacity=Q_(cooling * eta, unit),
        displaced_electricity=Q_(cooling * eta / cop_el, unit),
    )


# ----------------------------------------------------------------------------- air
def air_sensible_heat(
    air_flow: QuantityLike, air_temperature: QuantityLike, reference_temperature: QuantityLike
) -> pint.Quantity:
    """Heat carried by a dry-air stream above a reference temperature.

    Parameters
    ----------
    air_flow : float, array-like or Quantity
        Air mass flow [kg/h] for plain numbers; a mass [kg], a volume flow or a
        volume are accepted, volumes read at normal conditions (0 degC, 101.325 kPa:
        ``Nm3``).
    air_temperature : float, array-like or Quantity
        Temperature of the air [degC].
    reference_temperature : float, array-like or Quantity
        Reference (ambient) temperature [degC].

    Returns
    -------
    Quantity
        Heat, [kW] for a flow and [MJ] for an amount; negative when the air is colder
        than the reference.

    Notes
    -----
    .. math:: Q = \\dot m\\,[h(T) - h(T_{ref})]

    with the enthalpy of dry air at 101.325 kPa from Lemmon et al. (2000).

    References
    ----------
    Lemmon, E. W., Jacobsen, R. T., Penoncello, S. G., Friend, D. G. (2000).
    Thermodynamic properties of air and mixtures of nitrogen, argon and oxygen from
    60 to 2000 K at pressures to 2000 MPa. J. Phys. Chem. Ref. Data 29, 331,
    doi:10.1063/1.1285884 (``iapws.humidAir.Air``).

    Examples
    --------
    >>> from greenchain import Q_
    >>> print(air_sensible_heat(Q_(10, "t/h"), 200, 25))
    492.70... kW
    """
    mass, rate = _air_mass(air_flow, "air_flow")
    t = Q_(temperature(air_temperature, "degC", "air_temperature"), "degC").m_as("K")
    t_ref = Q_(temperature(reference_temperature, "degC", "reference_temperature"), "degC").m_as(
        "K"
    )
    dh = _air_enthalpy(t, "air_temperature") - _air_enthalpy(t_ref, "reference_temperature")
    heat = mass * dh  # kW or kJ
    return Q_(heat, "kW") if rate else Q_(heat / 1000.0, "MJ")


def heat_to_air(
    heat: QuantityLike, air_flow: QuantityLike, *, inlet_temperature: QuantityLike
) -> pint.Quantity:
    """Temperature rise of a dry-air stream that takes up a given heat.

    Parameters
    ----------
    heat : float, array-like or Quantity
        Heat given to the air [kW], >= 0; any power or energy Quantity is accepted.
    air_flow : float, array-like or Quantity
        Air mass flow [kg/h] for plain numbers, or a normal volume flow (``Nm3/h``);
        an energy ``heat`` needs an air mass or normal volume.
    inlet_temperature : float, array-like or Quantity
        Air inlet temperature [degC].

    Returns
    -------
    Quantity
        Temperature rise [delta_degC].

    Raises
    ------
    UnitError
        If ``heat`` and ``air_flow`` are not both rates or both amounts.
    OutOfRangeError
        If ``air_flow`` is not positive or the air leaves 60-2000 K.

    Notes
    -----
    Solves :math:`h(T_{in} + \\Delta T) - h(T_{in}) = Q / \\dot m` for
    :math:`\\Delta T` with the dry-air enthalpy of Lemmon et al. (2000), by fixed-point
    iteration on the mean specific heat.

    References
    ----------
    Lemmon et al. (2000), doi:10.1063/1.1285884 (``iapws.humidAir.Air``). MEASUR's
    ``AirHeatingUsingExhaust.cpp`` uses a constant 0.0186 Btu/(scf.degF) instead.

    Examples
    --------
    >>> from greenchain import Q_
    >>> print(heat_to_air(Q_(500, "kW"), Q_(20, "t/h"), inlet_temperature=25))
    89.20... Δ°C
    """
    q, unit = heat_stream(heat, "heat")
    check_range(q, "heat", low=0)
    heat_is_rate = Q_(1, unit).check("[power]")
    mass, rate = _air_mass(air_flow, "air_flow")
    check_range(mass, "air_flow", low=0, low_inclusive=False)
    if heat_is_rate != rate:
        raise UnitError("heat and air_flow must both be rates or both be amounts", field="air_flow")
    specific = Q_(q, unit).m_as("kW" if rate else "kJ") / mass  # kJ/kg
    t_in = Q_(temperature(inlet_temperature, "degC", "inlet_temperature"), "degC").m_as("K")
    specific, t_in = np.broadcast_arrays(specific, t_in)
    h_in = _air_enthalpy(t_in, "inlet_temperature")
    dt = specific / 1.0  # first guess with 1 kJ/(kg K)
    for _ in range(60):
        t_out = t_in + dt
        if np.any(t_out > AIR_T_MAX_K):
            raise OutOfRangeError("the air would leave 60-2000 K", field="heat")
        h_out = _air_enthalpy(t_out, "heat")
        with np.errstate(invalid="ignore", divide="ignore"):
            cp_mean = np.where(dt > 0, (h_out - h_in) / dt, 1.0)
        new_dt = np.where(specific > 0, specific / cp_mean, 0.0)
        done = np.all(np.abs(new_dt - dt) <= 1e-10 * np.maximum(1.0, np.abs(dt)))
        dt = new_dt
        if done:
            break
    return Q_(dt, "delta_degC")
