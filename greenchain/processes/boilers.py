"""Steam boilers and steam systems: fuel input, efficiency, heat-recovery measures, grading.

Energy balances on water and steam use IAPWS-IF97 through
:mod:`greenchain.processes.steam`. Conventions for plain numbers: mass flows
in kg/h, pressures in MPa **absolute** (convert gauge readings with
:func:`~greenchain.processes.steam.gauge_to_absolute`), temperatures in degC,
temperature differences in K, energy rates returned in kW, annual energies in
GJ. Efficiencies and fractions are plain numbers in [0, 1] (a Quantity in
``percent`` is accepted).

The rules of thumb (US DOE Steam Tip Sheet #3) live in
``factors/boiler_rules_doe.csv``; the GB 24500-2020 efficiency grades in
``factors/boilers_gb24500-2020.csv``.

Examples
--------
>>> r = fuel_input(10_000, 1.1, feedwater_pressure=0.12, blowdown_fraction=0.05,
...                combustion_efficiency=0.85, steam_quality=1)
>>> round(float(r.fuel_energy.m_as("MW")), 3)
7.71
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import pint

from greenchain.data.tables import keyed_rows, parse_number, read_table
from greenchain.errors import InputError, OutOfRangeError, reraise_as_field
from greenchain.processes._levels import BELOW_LIMIT, level_from_thresholds
from greenchain.processes.steam import (
    liquid_enthalpy,
    saturation_properties,
    steam_properties,
)
from greenchain.units import Q_, check_range, magnitude
from greenchain.units import temperature as to_temperature

__all__ = [
    "BoilerFuelInput",
    "EconomiserSaving",
    "BlowdownRecovery",
    "CondensateSaving",
    "SteamLineHeatLoss",
    "fuel_input",
    "direct_efficiency",
    "indirect_efficiency",
    "economiser_saving",
    "blowdown_heat_recovery",
    "condensate_return_saving",
    "steam_line_heat_loss",
    "gb24500_level",
    "gb24500_boiler_types",
    "MEETS_LIMIT",
]

_SECONDS_PER_HOUR = 3600.0  # kJ/h -> kW


#: Returned by :func:`gb24500_level` for an electric boiler at or above its minimum.
MEETS_LIMIT = "meets limit"
# A value equal to a tabulated percentage within this relative tolerance meets it
# (0.92 meets 92 % whatever float route the user's 92 % took); same as _levels' default.
_LEVEL_RTOL = 1e-9


def _fraction(
    value: Any,
    name: str,
    *,
    low: float = 0.0,
    high: float = 1.0,
    low_inclusive: bool = True,
    high_inclusive: bool = True,
) -> np.ndarray:
    arr = magnitude(value, "", name)
    return check_range(
        arr, name, low=low, high=high, low_inclusive=low_inclusive, high_inclusive=high_inclusive
    )


def _efficiency(value: Any, name: str) -> np.ndarray:
    return _fraction(value, name, low=0.0, low_inclusive=False)


def _flow(value: Any, name: str) -> np.ndarray:
    return check_range(magnitude(value, "kg/h", name), name, low=0.0, unit="kg/h")


def _delta_t(value: Any, name: str) -> np.ndarray:
    """A temperature difference in K (= delta_degC); absolute temperatures raise UnitError."""
    return magnitude(value, "delta_degC", name)


# ------------------------------------------------------------------ fuel input (B-1)
@dataclass(frozen=True)
class BoilerFuelInput:
    """Result of :func:`fuel_input`; energy rates in kW, flows in kg/h."""

    steam_enthalpy: pint.Quantity
    blowdown_enthalpy: pint.Quantity
    feedwater_enthalpy: pint.Quantity
    feedwater_flow: pint.Quantity
    blowdown_flow: pint.Quantity
    boiler_duty: pint.Quantity
    fuel_energy: pint.Quantity


def fuel_input(
    steam_flow: Any,
    steam_pressure: Any,
    *,
    feedwater_pressure: Any,
    blowdown_fraction: Any,
    combustion_efficiency: Any,
    steam_quality: Any = None,
    steam_temperature: Any = None,
) -> BoilerFuelInput:
    """Fuel energy of a steam boiler with blowdown and deaerated feedwater.

    Parameters
    ----------
    steam_flow : numeric or Quantity [kg/h]
        Steam leaving the boiler.
    steam_pressure : numeric or Quantity [MPa]
        Absolute steam (drum) pressure.
    feedwater_pressure : numeric or Quantity [MPa]
        Absolute deaerator pressure; the feedwater is saturated liquid at it.
    blowdown_fraction : numeric
        Blowdown as a fraction of the feedwater flow, 0 <= b < 1.
    combustion_efficiency : numeric
        Fraction of the fuel energy transferred to the water, 0 < eta <= 1.
    steam_quality : numeric, optional
        Steam quality (saturated steam: 1).
    steam_temperature : numeric or Quantity [degC], optional
        Steam temperature (superheated steam). Give exactly one of
        ``steam_quality`` and ``steam_temperature``.

    Returns
    -------
    BoilerFuelInput
        Steam, blowdown and feedwater enthalpies [kJ/kg], feedwater and blowdown
        flows [kg/h], boiler duty and fuel energy [kW].

    Raises
    ------
    InputError
        If not exactly one of ``steam_quality``/``steam_temperature`` is given.
    OutOfRangeError
        For blowdown outside [0, 1), efficiency outside (0, 1] or a steam state
        outside IAPWS-IF97.

    Notes
    -----
    .. math::

        \\dot m_{fw} = \\frac{\\dot m_s}{1-b},\\qquad \\dot m_{bd} = b\\,\\dot m_{fw}

        \\dot Q = \\dot m_s h_s + \\dot m_{bd} h_f(p_s) - \\dot m_{fw} h_f(p_{da}),
        \\qquad \\dot F = \\dot Q / \\eta_c

    The blowdown leaves as saturated liquid at the steam pressure.

    References
    ----------
    US DOE MEASUR (ORNL-AMO AMO-Tools-Suite), ``Boiler`` model and
    ``tests/cpp/Boiler.unit.cpp`` (peers.md B-1).

    Examples
    --------
    >>> r = fuel_input(20_000, 1.1, feedwater_pressure=0.12, blowdown_fraction=0.04,
    ...                combustion_efficiency=0.88, steam_temperature=250)
    >>> round(float(r.feedwater_flow.m), 1), round(float(r.boiler_duty.m_as("MW")), 3)
    (20833.3, 13.969)
    """
    if (steam_quality is None) == (steam_temperature is None):
        raise InputError(
            "give exactly one of steam_quality or steam_temperature",
            field="steam_quality, steam_temperature",
        )
    m_s = _flow(steam_flow, "steam_flow")
    b = _fraction(blowdown_fraction, "blowdown_fraction", high_inclusive=False)
    eta = _efficiency(combustion_efficiency, "combustion_efficiency")
    p_s = magnitude(steam_pressure, "MPa", "steam_pressure")
    p_da = magnitude(feedwater_pressure, "MPa", "feedwater_pressure")
    if steam_temperature is not None:
        t_s = to_temperature(steam_temperature, "degC", "steam_temperature")
    try:
        if steam_quality is not None:
            state = steam_properties(p_s, quality=steam_quality)
        else:
            state = steam_properties(p_s, temperature=Q_(t_s, "degC"))
        h_bd = saturation_properties(p_s).liquid_enthalpy.m_as("kJ/kg")
    except OutOfRangeError as exc:
        raise OutOfRangeError(exc.message, field=_rename(exc.field, "steam_")) from exc
    with reraise_as_field("feedwater_pressure"):
        h_fw = saturation_properties(p_da).liquid_enthalpy.m_as("kJ/kg")
    h_s = state.enthalpy.m_as("kJ/kg")
    m_fw = m_s / (1.0 - b)
    m_bd = m_fw * b
    duty = (m_s * h_s + m_bd * h_bd - m_fw * h_fw) / _SECONDS_PER_HOUR
    if np.any(duty < 0):
        raise OutOfRangeError(
            "steam enthalpy is below the feedwater enthalpy", field="steam_temperature"
        )
    return BoilerFuelInput(
        steam_enthalpy=Q_(h_s, "kJ/kg"),
        blowdown_enthalpy=Q_(np.broadcast_to(h_bd, np.shape(h_s)).copy(), "kJ/kg"),
        feedwater_enthalpy=Q_(h_fw, "kJ/kg"),
        feedwater_flow=Q_(m_fw, "kg/h"),
        blowdown_flow=Q_(m_bd, "kg/h"),
        boiler_duty=Q_(duty, "kW"),
        fuel_energy=Q_(duty / eta, "kW"),
    )


def _rename(field: str | None, prefix: str) -> str:
    """Map steam-module argument names (pressure, temperature) to this module's names."""
    names = [n.strip() for n in (field or "").split(",") if n.strip()]
    return ", ".join(prefix + n for n in names) or prefix + "state"


# ------------------------------------------------------------------ efficiencies
def direct_efficiency(heat_output: Any, fuel_input: Any) -> pint.Quantity:
    """Boiler efficiency by the direct (input-output) method.

    Parameters
    ----------
    heat_output : numeric or Quantity [kW]
        Useful heat delivered (e.g. ``fuel_input(...).boiler_duty``); any
        energy or power unit, the same dimension as ``fuel_input``.
    fuel_input : numeric or Quantity [kW]
        Fuel energy supplied (mass x calorific value), > 0.

    Returns
    -------
    Quantity [dimensionless]

    Notes
    -----
    :math:`\\eta = Q_{out} / Q_{fuel}` (GB/T 10180 "正平衡"; ASME PTC 4
    input-output method). Values above 1 are possible only for condensing
    boilers rated on the net calorific value and are not rejected.

    Examples
    --------
    >>> from greenchain import Q_
    >>> float(direct_efficiency(Q_(8.5, "MW"), Q_(10, "MW")).m)
    0.85
    """
    unit = "kW"
    if isinstance(fuel_input, pint.Quantity) and fuel_input.check("[energy]"):
        unit = "kJ"
    q_in = magnitude(fuel_input, unit, "fuel_input")
    check_range(q_in, "fuel_input", low=0.0, low_inclusive=False, unit=unit)
    q_out = magnitude(heat_output, unit, "heat_output")
    check_range(q_out, "heat_output", low=0.0, unit=unit)
    return Q_(q_out / q_in, "dimensionless")


def indirect_efficiency(
    *,
    flue_loss: Any,
    radiation_loss: Any,
    blowdown_loss: Any = 0.0,
    unburnt_loss: Any = 0.0,
    other_losses: Any = 0.0,
) -> pint.Quantity:
    """Boiler efficiency by the indirect (heat-loss) method.

    Parameters
    ----------
    flue_loss : numeric
        Dry and moist flue-gas loss, fraction of the fuel input.
    radiation_loss : numeric
        Radiation and convection (shell) loss, fraction.
    blowdown_loss : numeric, default 0
        Blowdown loss, fraction (0 when it is counted as output or absent).
    unburnt_loss : numeric, default 0
        Unburnt gas and carbon in ash (chemical and mechanical incomplete
        combustion), fraction; 0 for a gas boiler with no CO.
    other_losses : numeric, default 0
        Any further loss (ash sensible heat ...), fraction.

    Returns
    -------
    Quantity [dimensionless]

    Raises
    ------
    OutOfRangeError
        If a loss is outside [0, 1] or the losses sum to 1 or more.

    Notes
    -----
    :math:`\\eta = 1 - \\sum_i q_i` (GB/T 10180 "反平衡"; ASME PTC 4
    energy-balance method).

    Examples
    --------
    >>> float(indirect_efficiency(flue_loss=0.12, radiation_loss=0.02, unburnt_loss=0.03).m)
    0.83
    """
    losses = {
        "flue_loss": flue_loss,
        "radiation_loss": radiation_loss,
        "blowdown_loss": blowdown_loss,
        "unburnt_loss": unburnt_loss,
        "other_losses": other_losses,
    }
    arrays = [_fraction(v, k) for k, v in losses.items()]
    total = np.sum(np.broadcast_arrays(*arrays), axis=0)
    check_range(total, "losses (sum)", high=1.0, high_inclusive=False)
    return Q_(1.0 - total, "dimensionless")


# ------------------------------------------------------------------ rules table
def _rules() -> dict[str, dict[str, Any]]:
    return keyed_rows("boiler_rules_doe.csv")


def _rule_value(key: str, unit: str) -> float:
    row = _rules()[key]
    return float(Q_(row["value"], row["unit"]).m_as(unit))


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
    fuel_input: Any,
    flue_temperature_drop: Any,
    *,
    boiler_efficiency: Any,
    flue_gas_flow: Any = None,
    flue_gas_specific_heat: Any = None,
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
        Current boiler efficiency, 0 < eta <= 1.
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
    f = magnitude(fuel_input, "kW", "fuel_input")
    check_range(f, "fuel_input", low=0.0, low_inclusive=False, unit="kW")
    dt = check_range(
        _delta_t(flue_temperature_drop, "flue_temperature_drop"),
        "flue_temperature_drop",
        low=0.0,
        unit="K",
    )
    eta = _efficiency(boiler_efficiency, "boiler_efficiency")
    if (flue_gas_flow is None) != (flue_gas_specific_heat is None):
        raise InputError(
            "give both flue_gas_flow and flue_gas_specific_heat, or neither",
            field="flue_gas_flow, flue_gas_specific_heat",
        )
    if flue_gas_flow is not None:
        m_g = _flow(flue_gas_flow, "flue_gas_flow")
        cp = magnitude(flue_gas_specific_heat, "kJ/(kg*K)", "flue_gas_specific_heat")
        check_range(cp, "flue_gas_specific_heat", low=0.0, low_inclusive=False)
        gain = m_g * cp * dt / _SECONDS_PER_HOUR / f
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
    blowdown_flow: Any,
    boiler_pressure: Any,
    *,
    makeup_temperature: Any,
    boiler_efficiency: Any,
    flash_pressure: Any = None,
    heat_exchanger_effectiveness: Any = 0.0,
    makeup_flow: Any = None,
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
        0 < eta <= 1; converts recovered heat to fuel saved.
    flash_pressure : numeric or Quantity [MPa], optional
        Absolute flash-tank pressure (below the boiler pressure); no flash tank
        if omitted.
    heat_exchanger_effectiveness : numeric, default 0
        Effectiveness of the blowdown/makeup heat exchanger (0: none).
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
    m_bd = _flow(blowdown_flow, "blowdown_flow")
    p_b = magnitude(boiler_pressure, "MPa", "boiler_pressure")
    eta = _efficiency(boiler_efficiency, "boiler_efficiency")
    eps = _fraction(heat_exchanger_effectiveness, "heat_exchanger_effectiveness")
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
        m_min = np.minimum(m_liq, _flow(makeup_flow, "makeup_flow"))
    q_flash = m_flash * (h_g - h_mu) / _SECONDS_PER_HOUR
    q_hx = eps * m_min * (h_liq - h_mu) / _SECONDS_PER_HOUR
    recovered = q_flash + q_hx
    available = m_bd * (h_bd - h_mu) / _SECONDS_PER_HOUR
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
    condensate_flow: Any,
    condensate_temperature: Any,
    makeup_temperature: Any,
    boiler_efficiency: Any,
    hours: Any,
    flash_loss: Any = 0.0,
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
        0 < eta <= 1.
    hours : numeric or Quantity [h]
        Operating hours (a year is stated explicitly, e.g. 8000).
    flash_loss : numeric, default 0
        Fraction of the condensate lost as flash steam, 0 <= f < 1.

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
    (``doe-steam-tip8``): worked example reproduced in ``tests/test_boilers.py``.

    Examples
    --------
    >>> from greenchain import Q_
    >>> r = condensate_return_saving(Q_(10_000, "lb/h"), Q_(180, "degF"), Q_(55, "degF"),
    ...                              0.80, 8000, flash_loss=0.12)
    >>> round(float(r.fuel_saving.m_as("GJ")))
    11600
    """
    m = _flow(condensate_flow, "condensate_flow")
    t_c = to_temperature(condensate_temperature, "degC", "condensate_temperature")
    t_m = to_temperature(makeup_temperature, "degC", "makeup_temperature")
    eta = _efficiency(boiler_efficiency, "boiler_efficiency")
    t = check_range(magnitude(hours, "h", "hours"), "hours", low=0.0, unit="h")
    f = _fraction(flash_loss, "flash_loss", high_inclusive=False)
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


# ------------------------------------------------------------------ steam line loss (B-3)
@dataclass(frozen=True)
class SteamLineHeatLoss:
    """Result of :func:`steam_line_heat_loss`; enthalpies in kJ/kg, rates in kW."""

    inlet_enthalpy: pint.Quantity
    outlet_enthalpy: pint.Quantity
    inlet_energy: pint.Quantity
    outlet_energy: pint.Quantity
    heat_loss: pint.Quantity


def steam_line_heat_loss(
    steam_flow: Any,
    pressure: Any,
    temperature: Any = None,
    enthalpy: Any = None,
    *,
    loss_fraction: Any,
) -> SteamLineHeatLoss:
    """Heat lost by a steam line (or any steam-carrying equipment) as a fraction of its inflow.

    Parameters
    ----------
    steam_flow : numeric or Quantity [kg/h]
    pressure : numeric or Quantity [MPa]
        Absolute pressure at the inlet.
    temperature : numeric or Quantity [degC], optional
        Inlet temperature.
    enthalpy : numeric or Quantity [kJ/kg], optional
        Inlet specific enthalpy (give exactly one of temperature and enthalpy).
    loss_fraction : numeric
        Fraction of the inlet energy flow lost, 0 <= f < 1.

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
    ``tests/cpp/HeatLoss.unit.cpp`` (peers.md B-3).

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
    m = _flow(steam_flow, "steam_flow")
    f = _fraction(loss_fraction, "loss_fraction", high_inclusive=False)
    p = magnitude(pressure, "MPa", "pressure")
    if temperature is not None:
        t = to_temperature(temperature, "degC", "temperature")
        state = steam_properties(p, temperature=Q_(t, "degC"))
    else:
        state = steam_properties(p, enthalpy=enthalpy)
    h = state.enthalpy.m_as("kJ/kg")
    e_in = m * h / _SECONDS_PER_HOUR
    return SteamLineHeatLoss(
        inlet_enthalpy=Q_(h, "kJ/kg"),
        outlet_enthalpy=Q_(h * (1.0 - f), "kJ/kg"),
        inlet_energy=Q_(e_in, "kW"),
        outlet_energy=Q_(e_in * (1.0 - f), "kW"),
        heat_loss=Q_(e_in * f, "kW"),
    )


# ------------------------------------------------------------------ GB 24500-2020 grading
@cache
def _gb24500() -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for row in read_table("boilers_gb24500-2020.csv"):
        parsed: dict[str, Any] = {k: row[k] for k in ("key", "source_ref", "status")}
        for col in (
            "capacity_steam_low",
            "capacity_steam_high",
            "capacity_power_low",
            "capacity_power_high",
            "level_1",
            "level_2",
            "level_3",
            "limit",
        ):
            value = parse_number(row[col])
            if value is not None and col in ("level_1", "level_2", "level_3", "limit"):
                value = float(Q_(value, row["unit"]).m_as(""))
            parsed[col] = value
        out.setdefault(row["key"], []).append(parsed)
    return out


def gb24500_boiler_types() -> list[str]:
    """The boiler types of GB 24500-2020 that :func:`gb24500_level` knows.

    Examples
    --------
    >>> "gas" in gb24500_boiler_types()
    True
    """
    return sorted(_gb24500())


def _band_mask(cap: np.ndarray, low: float | None, high: float | None) -> np.ndarray:
    mask = np.ones(cap.shape, dtype=bool)
    if low is not None:
        mask &= cap > low
    if high is not None:
        mask &= cap <= high
    return mask


def gb24500_level(efficiency: Any, boiler_type: str, capacity: Any = None) -> Any:
    """Energy-efficiency level of an industrial boiler under GB 24500-2020.

    Parameters
    ----------
    efficiency : numeric or Quantity
        Design thermal efficiency as a fraction (0.90) or a Quantity in percent.
        Above 1 only for ``gas_condensing`` (net calorific value basis).
    boiler_type : str
        One of :func:`gb24500_boiler_types` (e.g. ``"gas"``,
        ``"coal_grate_bituminous_II"``, ``"biomass"``, ``"electric"``).
    capacity : numeric or Quantity [t/h], optional
        Rated evaporation of a steam boiler [t/h], or a Quantity of power
        (thermal power of a hot-water boiler [MW]). Required for grate-fired
        coal and biomass boilers, whose limits depend on size.

    Returns
    -------
    int, str or numpy.ndarray of object
        1, 2 or 3 (the best level reached), or ``"below limit"``
        (:data:`greenchain.processes._levels.BELOW_LIMIT`) under level 3, the
        convention of every ``*_level`` function. Electric boilers have no
        levels: :data:`MEETS_LIMIT` (``"meets limit"``) at >= 97 %, else
        ``"below limit"``. Array inputs give an object array.

    Raises
    ------
    InputError
        Unknown ``boiler_type`` (the message lists the valid ones), or a
        missing ``capacity`` where the table needs it.
    OutOfRangeError
        Efficiency <= 0, or > 1 for a non-condensing type.

    References
    ----------
    GB 24500-2020, 工业锅炉能效限定值及能效等级, tables 1-4 and clause 5.2
    (``gb24500-2020``, transcribed; ``factors/boilers_gb24500-2020.csv``).

    Examples
    --------
    >>> gb24500_level(0.93, "gas")
    3
    >>> gb24500_level(0.83, "coal_grate_bituminous_II", capacity=10)
    2
    >>> gb24500_level([0.96, 0.85], "oil").tolist()
    [1, 'below limit']
    """
    table = _gb24500()
    if boiler_type not in table:
        raise InputError(
            f"unknown boiler type {boiler_type!r}; valid: {', '.join(sorted(table))}",
            field="boiler_type",
        )
    rows = table[boiler_type]
    eff = magnitude(efficiency, "", "efficiency")
    high = None if boiler_type == "gas_condensing" else 1.0
    check_range(eff, "efficiency", low=0.0, low_inclusive=False, high=high)
    banded = any(
        r["capacity_steam_high"] is not None or r["capacity_steam_low"] is not None for r in rows
    )
    if banded:
        if capacity is None:
            raise InputError(
                f"{boiler_type} limits depend on size: give capacity "
                "(t/h, or MW for hot-water boilers)",
                field="capacity",
            )
        if isinstance(capacity, pint.Quantity) and capacity.check("[power]"):
            cap, prefix = magnitude(capacity, "MW", "capacity"), "capacity_power"
        else:
            cap, prefix = magnitude(capacity, "t/h", "capacity"), "capacity_steam"
        check_range(cap, "capacity", low=0.0, low_inclusive=False)
        eff, cap = np.broadcast_arrays(eff, cap)
    thresholds = np.full(eff.shape + (4,), np.nan)
    for r in rows:
        mask = (
            _band_mask(cap, r[f"{prefix}_low"], r[f"{prefix}_high"])
            if banded
            else np.ones(eff.shape, dtype=bool)
        )
        thresholds[mask] = [
            r["level_1"] if r["level_1"] is not None else np.nan,
            r["level_2"] if r["level_2"] is not None else np.nan,
            r["level_3"] if r["level_3"] is not None else np.nan,
            r["limit"] if r["limit"] is not None else np.nan,
        ]
    if boiler_type == "electric":
        # no levels: only the minimum allowable value (clause 5.2); same tolerance as levels
        meets = eff >= thresholds[..., 3] * (1.0 - _LEVEL_RTOL)
        result = np.where(meets, MEETS_LIMIT, BELOW_LIMIT).astype(object)
        return result.item() if result.ndim == 0 else result
    return level_from_thresholds(eff, thresholds[..., :3], higher_is_better=True, rtol=_LEVEL_RTOL)
