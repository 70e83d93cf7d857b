"""Steam boilers: fuel input, direct and indirect efficiency, GB 24500-2020 grades.

Energy balances on water and steam use IAPWS-IF97 through
:mod:`greenchain.processes.steam`. Conventions for plain numbers: mass flows
in kg/h, pressures in MPa **absolute** (convert gauge readings with
:func:`~greenchain.processes.steam.gauge_to_absolute`), temperatures in degC,
energy rates returned in kW. Efficiencies and fractions are plain numbers between
0 and 1 (a Quantity in ``percent`` is accepted).

The GB 24500-2020 efficiency grades live in ``factors/boilers_gb24500-2020.csv``.
The heat-recovery measures around the boiler (economiser, blowdown heat recovery,
condensate return, steam-line loss) are in :mod:`greenchain.processes.steam_systems`.

Examples
--------
>>> r = fuel_input(10_000, 1.1, feedwater_pressure=0.12, blowdown_fraction=0.05,
...                combustion_efficiency=0.85, steam_quality=1)
>>> round(float(r.fuel_energy.m_as("MW")), 3)
7.71
"""

from __future__ import annotations

import importlib
import warnings
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import pint

from greenchain.data.tables import parse_number, read_table
from greenchain.errors import InputError, OutOfRangeError, reraise_as_field
from greenchain.processes._common import SECONDS_PER_HOUR
from greenchain.processes._levels import BELOW_LIMIT, level_from_thresholds
from greenchain.processes.steam import saturation_properties, steam_properties
from greenchain.units import Q_, QuantityLike, check_range, fraction, magnitude, nonnegative
from greenchain.units import temperature as to_temperature

__all__ = [
    "BoilerFuelInput",
    "fuel_input",
    "direct_efficiency",
    "indirect_efficiency",
    "gb24500_level",
    "gb24500_boiler_types",
    "MEETS_LIMIT",
]

#: Returned by :func:`gb24500_level` for an electric boiler at or above its minimum.
MEETS_LIMIT = "meets limit"
# A value equal to a tabulated percentage within this relative tolerance meets it
# (0.92 meets 92 % whatever float route the user's 92 % took); same as _levels' default.
_LEVEL_RTOL = 1e-9

# The steam-system measures that lived here until 0.2 (see __getattr__ below).
_MOVED_TO_STEAM_SYSTEMS = frozenset(
    {
        "EconomiserSaving",
        "BlowdownRecovery",
        "CondensateSaving",
        "SteamLineHeatLoss",
        "economiser_saving",
        "blowdown_heat_recovery",
        "condensate_return_saving",
        "steam_line_heat_loss",
    }
)


def __getattr__(name: str) -> Any:
    """Resolve the names that moved to :mod:`greenchain.processes.steam_systems`, with a warning."""
    if name in _MOVED_TO_STEAM_SYSTEMS:
        # One-release deprecation shim: the old import path keeps working, with a
        # DeprecationWarning, for one release; then this function goes. The module is
        # imported here, not at the top, so that importing boilers does not load it.
        warnings.warn(
            f"greenchain.processes.boilers.{name} moved to greenchain.processes.steam_systems",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module("greenchain.processes.steam_systems"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ------------------------------------------------------------------ fuel input
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
    steam_flow: QuantityLike,
    steam_pressure: QuantityLike,
    *,
    feedwater_pressure: QuantityLike,
    blowdown_fraction: QuantityLike,
    combustion_efficiency: QuantityLike,
    steam_quality: QuantityLike | None = None,
    steam_temperature: QuantityLike | None = None,
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
        Blowdown as a fraction of the feedwater flow [dimensionless], 0 <= b < 1.
    combustion_efficiency : numeric
        Fraction of the fuel energy transferred to the water [dimensionless],
        0 < eta <= 1.
    steam_quality : numeric, optional
        Steam quality [dimensionless] (saturated steam: 1).
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
        For blowdown outside 0 <= b < 1, efficiency outside 0 < eta <= 1 or a steam
        state outside IAPWS-IF97.

    Notes
    -----
    .. math::

        \\dot m_{fw} = \\frac{\\dot m_s}{1-b},\\qquad \\dot m_{bd} = b\\,\\dot m_{fw}

        \\dot Q = \\dot m_s h_s + \\dot m_{bd} h_f(p_s) - \\dot m_{fw} h_f(p_{da}),
        \\qquad \\dot F = \\dot Q / \\eta_c

    The blowdown leaves as saturated liquid at the steam pressure.

    References
    ----------
    US DOE MEASUR (ORNL-AMO AMO-Tools-Suite), ``Boiler`` model and its tests,
    ``tests/cpp/Boiler.unit.cpp``.

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
    m_s = nonnegative(steam_flow, "kg/h", "steam_flow")
    b = fraction(blowdown_fraction, "blowdown_fraction", low_inclusive=True, high_inclusive=False)
    eta = fraction(combustion_efficiency, "combustion_efficiency")
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
    duty = (m_s * h_s + m_bd * h_bd - m_fw * h_fw) / SECONDS_PER_HOUR
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
def direct_efficiency(heat_output: QuantityLike, fuel_input: QuantityLike) -> pint.Quantity:
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
    flue_loss: QuantityLike,
    radiation_loss: QuantityLike,
    blowdown_loss: QuantityLike = 0.0,
    unburnt_loss: QuantityLike = 0.0,
    other_losses: QuantityLike = 0.0,
) -> pint.Quantity:
    """Boiler efficiency by the indirect (heat-loss) method.

    Parameters
    ----------
    flue_loss : numeric
        Dry and moist flue-gas loss [dimensionless], a fraction of the fuel input.
    radiation_loss : numeric
        Radiation and convection (shell) loss [dimensionless], a fraction.
    blowdown_loss : numeric, default 0
        Blowdown loss [dimensionless], a fraction (0 when it is counted as output or
        absent).
    unburnt_loss : numeric, default 0
        Unburnt gas and carbon in ash (chemical and mechanical incomplete
        combustion) [dimensionless], a fraction; 0 for a gas boiler with no CO.
    other_losses : numeric, default 0
        Any further loss (ash sensible heat ...) [dimensionless], a fraction.

    Returns
    -------
    Quantity [dimensionless]

    Raises
    ------
    OutOfRangeError
        If a loss is outside 0 to 1 or the losses sum to 1 or more.

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
    arrays = [fraction(v, k, low_inclusive=True) for k, v in losses.items()]
    total = np.sum(np.broadcast_arrays(*arrays), axis=0)
    check_range(total, "losses (sum)", high=1.0, high_inclusive=False)
    return Q_(1.0 - total, "dimensionless")


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


def gb24500_level(
    efficiency: QuantityLike, boiler_type: str, capacity: QuantityLike | None = None
) -> Any:
    """Energy-efficiency level of an industrial boiler under GB 24500-2020.

    Parameters
    ----------
    efficiency : numeric or Quantity
        Design thermal efficiency [dimensionless], a fraction (0.90) or a Quantity in
        percent. Above 1 only for ``gas_condensing`` (net calorific value basis).
    boiler_type : str
        One of :func:`gb24500_boiler_types` (e.g. ``"gas"``,
        ``"coal_grate_bituminous_II"``, ``"biomass"``, ``"electric"``).
    capacity : numeric or Quantity [t/h], optional
        Rated evaporation of a steam boiler [t/h], or a Quantity of power
        (thermal power of a hot-water boiler, [MW]). Required for grate-fired
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
