"""Electric motors: GB 18613-2020 efficiency levels, upgrade and rewind decisions, metering.

The efficiency levels of three-phase low-voltage motors come from GB 18613-2020
Table 1 (``factors/motors_gb18613-2020.csv``, 42 rated powers from 0.12 to
1000 kW, 2/4/6/8 poles, levels 1-3, transcribed). Only the tabulated ratings are
covered: a rated power that is not a row of the table raises
:class:`~greenchain.errors.OutOfRangeError` (no interpolation between or beyond
rows). The savings functions are closed-form; the replace-versus-rewind and
multimeter calculations follow US DOE MEASUR (AMO-Tools-Desktop and
AMO-Tools-Suite).

Efficiencies are plain fractions in (0, 1] or Quantities in ``percent``; every
efficiency this module returns is a Quantity in percent.

Examples
--------
>>> gb18613_efficiency(11, 4, 3)
<Quantity(91.4, 'percent')>
>>> gb18613_level(0.95, 11, 4)
1
>>> round(upgrade_savings(11, 0.914, 0.946, 4000).m_as("kWh"), 1)
1628.4
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import pint

from greenchain.data.tables import parse_number, read_table
from greenchain.errors import InputError, OutOfRangeError
from greenchain.processes._levels import level_from_thresholds
from greenchain.units import QuantityLike, check_range, fraction, magnitude, nonnegative, quantity

__all__ = [
    "gb18613_efficiency",
    "gb18613_level",
    "upgrade_savings",
    "replace_vs_rewind",
    "ReplaceRewind",
    "meter_power",
    "meter_energy",
    "part_load_efficiency",
]

_TABLE = "motors_gb18613-2020.csv"
_POLES = (2, 4, 6, 8)


# ---------------------------------------------------------------- GB 18613-2020
@cache
def _gb18613() -> tuple[np.ndarray, np.ndarray]:
    """Return (rated powers [kW], efficiency [%] of shape (power, poles 2/4/6/8, level 1-3))."""
    rows = read_table(_TABLE)
    powers = np.array(sorted({float(r["rated_power_kw"]) for r in rows}))
    table = np.full((powers.size, len(_POLES), 3), np.nan)
    for r in rows:
        i = int(np.searchsorted(powers, float(r["rated_power_kw"])))
        j = _POLES.index(int(r["poles"]))
        value = parse_number(r["efficiency_percent"])
        table[i, j, int(r["level"]) - 1] = np.nan if value is None else value
    return powers, table


def _power_index(rated_power: QuantityLike) -> np.ndarray:
    kw = nonnegative(rated_power, "kW", "rated_power")
    powers, _ = _gb18613()
    idx = np.clip(np.searchsorted(powers, kw), 0, powers.size - 1)
    lower = np.clip(idx - 1, 0, powers.size - 1)
    pick = np.where(np.abs(powers[lower] - kw) < np.abs(powers[idx] - kw), lower, idx)
    ok = np.isclose(powers[pick], kw, rtol=1e-6, atol=0)
    if not np.all(ok):
        bad = kw[~ok].ravel()[0]
        listed = ", ".join(f"{p:g}" for p in powers)
        raise OutOfRangeError(
            f"{bad:g} kW is not a rated power of GB 18613-2020 Table 1 (listed: {listed} kW); "
            "greenchain does not interpolate between rows",
            field="rated_power",
        )
    return pick


def _pole_index(poles: Any) -> np.ndarray:
    arr = magnitude(poles, "", "poles")
    ok = np.isin(arr, _POLES)
    if not np.all(ok):
        raise OutOfRangeError(f"must be 2, 4, 6 or 8, got {arr[~ok].ravel()[0]:g}", field="poles")
    return np.searchsorted(np.array(_POLES), arr)


def _level_index(level: Any) -> np.ndarray:
    arr = np.asarray(level)
    try:
        arr = arr.astype(float)
    except (TypeError, ValueError) as exc:
        raise InputError(f"must be 1, 2 or 3, got {level!r}", field="level") from exc
    if not np.all(np.isin(arr, (1, 2, 3))):
        raise OutOfRangeError(f"must be 1, 2 or 3, got {level!r}", field="level")
    return arr.astype(int) - 1


def gb18613_efficiency(rated_power: QuantityLike, poles: Any, level: Any) -> pint.Quantity:
    """Minimum efficiency of a motor for a GB 18613-2020 energy-efficiency level.

    Parameters
    ----------
    rated_power : float, array-like or Quantity
        Rated output power [kW]; must be one of the ratings of Table 1
        (0.12 ... 1000 kW).
    poles : int or array-like
        Number of poles: 2, 4, 6 or 8.
    level : int or array-like
        Energy-efficiency level: 1 (best), 2 or 3 (minimum allowable value).

    Returns
    -------
    Quantity
        Rated efficiency [percent].

    Raises
    ------
    OutOfRangeError
        ``rated_power`` not a row of the table (no interpolation), ``poles``
        not 2/4/6/8, ``level`` not 1/2/3.

    Notes
    -----
    Values from ``factors/motors_gb18613-2020.csv`` (Table 1, status
    ``transcribed``). Secondary summaries give the top of the table as one
    "≥ 200 kW" row (4 poles: 97.4 / 96.7 / 96.0 %); the transcription lists the
    ratings 200, 250, 280, 315, 355, 400, 450, 500, 560, 630, 710, 800, 900 and
    1000 kW separately, with those same 4-pole values. Only these ratings are
    accepted: 220 kW or 1100 kW raises, because nothing in the transcription
    says how the standard treats intermediate ratings.

    References
    ----------
    GB 18613-2020 电动机能效限定值及能效等级, Table 1 (via the public
    transcription adgo07/EquipEffi ``motor_lv.json``).

    Examples
    --------
    >>> gb18613_efficiency(11, 4, [1, 2, 3])
    <Quantity([94.6 93.3 91.4], 'percent')>
    >>> gb18613_efficiency(250, 4, 1)
    <Quantity(97.4, 'percent')>
    """
    i = _power_index(rated_power)
    j = _pole_index(poles)
    k = _level_index(level)
    i, j, k = np.broadcast_arrays(i, j, k)
    _, table = _gb18613()
    return quantity(table[i, j, k], "percent")


def gb18613_level(efficiency: QuantityLike, rated_power: QuantityLike, poles: Any) -> Any:
    """GB 18613-2020 energy-efficiency level reached by a motor.

    Parameters
    ----------
    efficiency : float, array-like or Quantity
        Rated (nameplate or tested) efficiency [dimensionless], 0 < eta <= 1, or a
        Quantity in percent.
    rated_power : float, array-like or Quantity
        Rated output power [kW], a rating of Table 1.
    poles : int or array-like
        Number of poles: 2, 4, 6 or 8.

    Returns
    -------
    int, str or numpy.ndarray
        ``1``, ``2``, ``3`` or ``"below limit"``
        (:data:`greenchain.processes._levels.BELOW_LIMIT`).

    Notes
    -----
    A motor is at level *k* when its efficiency is at or above the level-*k*
    value of Table 1 (see :func:`gb18613_efficiency`).

    References
    ----------
    GB 18613-2020, Table 1 (transcribed).

    Examples
    --------
    >>> gb18613_level(0.933, 11, 4)
    2
    >>> from greenchain import Q_
    >>> gb18613_level(Q_(90, "percent"), 11, 4)
    'below limit'
    """
    eta = fraction(efficiency, "efficiency") * 100.0
    i = _power_index(rated_power)
    j = _pole_index(poles)
    i, j = np.broadcast_arrays(i, j)
    _, table = _gb18613()
    eta, thresholds = np.broadcast_arrays(eta[..., np.newaxis], table[i, j])
    return level_from_thresholds(eta[..., 0], thresholds, higher_is_better=True)


# ---------------------------------------------------------------- savings
def upgrade_savings(
    shaft_power: QuantityLike,
    efficiency_old: QuantityLike,
    efficiency_new: QuantityLike,
    hours: QuantityLike,
) -> pint.Quantity:
    """Electricity saved by replacing a motor with a more efficient one.

    Parameters
    ----------
    shaft_power : float, array-like or Quantity
        Mechanical power delivered to the load [kW] (the same before and after).
    efficiency_old : float, array-like or Quantity
        Efficiency of the existing motor at that load [dimensionless], 0 < eta <= 1,
        or a Quantity in percent.
    efficiency_new : float, array-like or Quantity
        Efficiency of the new motor at that load [dimensionless], as
        ``efficiency_old``.
    hours : float, array-like or Quantity
        Operating time [h], e.g. ``8760`` for a year of continuous running.

    Returns
    -------
    Quantity
        Electricity saved [kWh]; negative if the new motor is less efficient.

    Notes
    -----
    .. math:: \\Delta E = P_{shaft}\\left(\\frac{1}{\\eta_{old}} - \\frac{1}{\\eta_{new}}\\right) t

    References
    ----------
    US DOE MEASUR (AMO-Tools-Desktop), motor replace-existing calculator.

    Examples
    --------
    >>> upgrade_savings(55, 0.946, 0.965, 4000)
    <Quantity(4578.86..., 'kilowatt_hour')>
    """
    p = nonnegative(shaft_power, "kW", "shaft_power")
    old = fraction(efficiency_old, "efficiency_old")
    new = fraction(efficiency_new, "efficiency_new")
    t = nonnegative(hours, "h", "hours")
    return quantity(p * (1.0 / old - 1.0 / new) * t, "kWh")


@dataclass(frozen=True)
class ReplaceRewind:
    """Result of :func:`replace_vs_rewind` (energies per year of ``hours``).

    Attributes
    ----------
    existing_energy, new_energy, rewound_energy : Quantity
        Electricity use of the existing, a new and the rewound motor [kWh].
    savings : Quantity
        ``existing_energy - new_energy`` [kWh].
    incremental_savings : Quantity
        ``rewound_energy - new_energy`` [kWh]: what buying new saves over rewinding.
    cost_savings : float or numpy.ndarray
        ``savings`` times the electricity price [currency].
    simple_payback : float or numpy.ndarray
        ``purchase_cost / cost_savings`` [years of ``hours``].
    incremental_payback : float or numpy.ndarray
        ``(purchase_cost - rewind_cost) / (price * incremental_savings)`` [years].
    """

    existing_energy: Any
    new_energy: Any
    rewound_energy: Any
    savings: Any
    incremental_savings: Any
    cost_savings: Any
    simple_payback: Any
    incremental_payback: Any


def _plain(values: np.ndarray) -> Any:
    arr = np.asarray(values, dtype=float)
    return arr.item() if arr.ndim == 0 else arr


def replace_vs_rewind(
    rated_power: QuantityLike,
    load_factor: QuantityLike,
    hours: QuantityLike,
    efficiency_existing: QuantityLike,
    efficiency_new: QuantityLike,
    rewind_efficiency_loss: QuantityLike,
    purchase_cost: QuantityLike,
    rewind_cost: QuantityLike,
    electricity_price: QuantityLike,
) -> ReplaceRewind:
    """Compare buying a new motor with rewinding the failed one.

    Parameters
    ----------
    rated_power : float, array-like or Quantity
        Rated output power of the motor [kW] (a Quantity in hp is converted
        exactly, 0.7457 kW/hp).
    load_factor : float or array-like
        Mean load as a fraction of rated power [dimensionless], 0 < L <= 1.5.
    hours : float, array-like or Quantity
        Operating hours per year [h].
    efficiency_existing : float, array-like or Quantity
        Efficiency of the existing motor before it failed, at that load
        [dimensionless], 0 < eta <= 1, or a Quantity in percent.
    efficiency_new : float, array-like or Quantity
        Efficiency of the new motor at that load [dimensionless], as
        ``efficiency_existing``.
    rewind_efficiency_loss : float, array-like or Quantity
        Efficiency lost by rewinding [dimensionless], as a fraction (``0.01`` =
        1 point) or a Quantity in percent.
    purchase_cost : float or array-like
        Cost of a new motor [CNY]; plain numbers may be in any currency used for
        all three money arguments.
    rewind_cost : float or array-like
        Cost of the rewind [CNY], in the currency of ``purchase_cost``.
    electricity_price : float, array-like or Quantity
        Price of electricity [CNY/kWh], in the same currency.

    Returns
    -------
    ReplaceRewind
        Energies [kWh] per year, money in the currency of the inputs and paybacks
        [year].

    Raises
    ------
    OutOfRangeError
        Efficiencies outside (0, 1], a rewind loss that leaves no efficiency,
        negative costs or price.

    Notes
    -----
    .. math::
        E = \\frac{P_r \\, L \\, t}{\\eta}, \\quad
        \\eta_{rewound} = \\eta_{existing} - \\Delta\\eta_{rewind}

    MEASUR converts horsepower with 0.746 kW/hp; give ``rated_power`` in kW
    (``150 * 0.746``) to reproduce its figures exactly.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Desktop
    ``src/app/calculator/motors/replace-existing/replace-existing.service.ts``.

    Examples
    --------
    >>> r = replace_vs_rewind(111.9, 0.75, 8760, 0.92, 0.96, 0.01, 13000, 8000, 0.06)
    >>> round(r.savings.m_as("kWh"), 3), round(r.simple_payback, 3)
    (33296.332, 6.507)
    """
    p = nonnegative(rated_power, "kW", "rated_power")
    load = check_range(
        magnitude(load_factor, "", "load_factor"),
        "load_factor",
        low=0,
        high=1.5,
        low_inclusive=False,
    )
    t = nonnegative(hours, "h", "hours")
    eta_old = fraction(efficiency_existing, "efficiency_existing")
    eta_new = fraction(efficiency_new, "efficiency_new")
    loss = nonnegative(rewind_efficiency_loss, "", "rewind_efficiency_loss")
    eta_rw = eta_old - loss
    if np.any(eta_rw <= 0):
        raise OutOfRangeError(
            "leaves no efficiency after rewinding", field="rewind_efficiency_loss"
        )
    buy = nonnegative(purchase_cost, "CNY", "purchase_cost")
    rewind = nonnegative(rewind_cost, "CNY", "rewind_cost")
    price = nonnegative(electricity_price, "CNY/kWh", "electricity_price")

    useful = p * load * t
    e_old, e_new, e_rw = useful / eta_old, useful / eta_new, useful / eta_rw
    savings = e_old - e_new
    extra = e_rw - e_new
    money = price * savings
    with np.errstate(divide="ignore", invalid="ignore"):
        payback = np.where(money > 0, buy / money, np.inf)
        extra_money = price * extra
        payback_extra = np.where(extra_money > 0, (buy - rewind) / extra_money, np.inf)
    return ReplaceRewind(
        existing_energy=quantity(e_old, "kWh"),
        new_energy=quantity(e_new, "kWh"),
        rewound_energy=quantity(e_rw, "kWh"),
        savings=quantity(savings, "kWh"),
        incremental_savings=quantity(extra, "kWh"),
        cost_savings=_plain(money),
        simple_payback=_plain(payback),
        incremental_payback=_plain(payback_extra),
    )


# ---------------------------------------------------------------- metering
def meter_power(
    voltage: QuantityLike, current: QuantityLike, power_factor: QuantityLike, phases: int = 3
) -> pint.Quantity:
    """Real power from a multimeter reading of voltage, current and power factor.

    Parameters
    ----------
    voltage : float, array-like or Quantity
        RMS voltage [V]; line-to-line for three phases.
    current : float, array-like or Quantity
        RMS line current [A].
    power_factor : float or array-like
        Power factor [dimensionless], 0 < PF <= 1.
    phases : {3, 1}
        Three-phase (balanced) or single-phase supply.

    Returns
    -------
    Quantity
        Real power [kW].

    Notes
    -----
    .. math:: P = \\sqrt{3}\\, V I \\cos\\varphi \\;\\text{(three-phase)}, \\qquad
              P = V I \\cos\\varphi \\;\\text{(single-phase)}

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``tests/cpp/ElectricityReduction.unit.cpp``
    (multimeter reading).

    Examples
    --------
    >>> meter_power(800, 40, 0.85)
    <Quantity(47.111781..., 'kilowatt')>
    """
    v = nonnegative(voltage, "V", "voltage")
    i = nonnegative(current, "A", "current")
    pf = fraction(power_factor, "power_factor")
    if phases not in (1, 3):
        raise OutOfRangeError(f"must be 1 or 3, got {phases!r}", field="phases")
    factor = np.sqrt(3.0) if phases == 3 else 1.0  # sqrt(3): line-to-line voltage, balanced load
    return quantity(factor * v * i * pf / 1000.0, "kW")


def meter_energy(
    voltage: QuantityLike,
    current: QuantityLike,
    power_factor: QuantityLike,
    hours: QuantityLike,
    phases: int = 3,
) -> pint.Quantity:
    """Electricity used over ``hours`` at the power given by :func:`meter_power`.

    Parameters
    ----------
    voltage : float, array-like or Quantity
        RMS voltage [V]; line-to-line for three phases.
    current : float, array-like or Quantity
        RMS line current [A].
    power_factor : float or array-like
        Power factor [dimensionless], 0 < PF <= 1.
    hours : float, array-like or Quantity
        Operating time [h].
    phases : {3, 1}
        Three-phase (balanced) or single-phase supply.

    Returns
    -------
    Quantity
        Energy [kWh].

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``tests/cpp/ElectricityReduction.unit.cpp``.

    Examples
    --------
    >>> meter_energy(800, 40, 0.85, 8640, phases=1)
    <Quantity(235008.0..., 'kilowatt_hour')>
    """
    p = meter_power(voltage, current, power_factor, phases).m_as("kW")
    return quantity(p * nonnegative(hours, "h", "hours"), "kWh")


# ---------------------------------------------------------------- part load
def part_load_efficiency(
    load_factor: QuantityLike, load_points: QuantityLike, efficiency_points: QuantityLike
) -> pint.Quantity:
    """Motor efficiency at part load, interpolated in the user's own test points.

    No sourced part-load curve for GB 18613 motors was found; the US NEMA-class
    curves are in :mod:`greenchain.processes.motors_nema`. Give the motor's
    measured or catalogue points; the efficiency is interpolated linearly
    between them and never extrapolated.

    Parameters
    ----------
    load_factor : float or array-like
        Load as a fraction of rated output [dimensionless].
    load_points : array-like
        Load fractions of the known points [dimensionless], strictly increasing.
    efficiency_points : array-like or Quantity
        Efficiencies at ``load_points`` [dimensionless], 0 < eta <= 1, or a Quantity
        in percent.

    Returns
    -------
    Quantity
        Efficiency [percent].

    Raises
    ------
    OutOfRangeError
        ``load_factor`` outside ``[min(load_points), max(load_points)]``.
    InputError
        Fewer than two points, mismatched lengths, or points not increasing.

    Examples
    --------
    >>> part_load_efficiency(0.6, [0.25, 0.5, 0.75, 1.0], [0.90, 0.93, 0.94, 0.935])
    <Quantity(93.4, 'percent')>
    """
    x = magnitude(load_factor, "", "load_factor")
    xp = magnitude(load_points, "", "load_points")
    fp = fraction(efficiency_points, "efficiency_points")
    if xp.ndim != 1 or xp.size < 2 or fp.shape != xp.shape:
        raise InputError(
            "need two or more points, with one efficiency per load point", field="load_points"
        )
    if np.any(np.diff(xp) <= 0):
        raise InputError("must be strictly increasing", field="load_points")
    check_range(x, "load_factor", low=float(xp[0]), high=float(xp[-1]))
    return quantity(np.interp(x, xp, fp) * 100.0, "percent")
