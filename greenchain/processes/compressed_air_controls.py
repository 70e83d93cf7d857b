r"""Compressed air: part-load control curves, baseline energy, and the system profile from logged power.

A compressor's power at part load depends on its control: **load/unload**
alternates between full-load power and an unloaded power (with a large receiver
the average is linear in the load); **modulation** (inlet throttling) follows
:math:`P = P_{nl} + (P_{fl} - P_{nl})\,C^{e}` with :math:`P_{nl}` the power at
zero delivery; **variable speed** falls roughly linearly from full load to the
power at minimum speed, below which it load/unloads; **start/stop** is
proportional to the load. These curves take the machine's own points (full-load,
no-load or unloaded power, minimum-speed point) as inputs: greenchain ships no
generic control-curve coefficients, since the published ones (CAGI data sheets,
the DOE sourcebook's typical curves) are per machine or US-typical.

:func:`compressor_system_profile` turns logged power readings (kW at a fixed
interval, as a clamp-on logger gives them) into energy, average and peak power,
load factor and the time spent in each load band, the first step of a
compressed-air audit (GB/T 16665 / ISO 11011 system assessment).

Examples
--------
>>> round(float(modulation_power(0.5, 100, 70).m_as("kW")), 1)
85.0
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pint

from greenchain.errors import InputError, OutOfRangeError
from greenchain.units import QuantityLike, check_range, fraction, magnitude, nonnegative, quantity

__all__ = [
    "load_unload_power",
    "modulation_power",
    "variable_speed_power",
    "start_stop_power",
    "compressor_energy",
    "SystemProfile",
    "compressor_system_profile",
]


def _load(load: QuantityLike) -> np.ndarray:
    return check_range(magnitude(load, "", "load"), "load", low=0, high=1)


def _full_load(full_load_power: QuantityLike) -> np.ndarray:
    return check_range(
        magnitude(full_load_power, "kW", "full_load_power"),
        "full_load_power",
        low=0,
        low_inclusive=False,
        unit="kW",
    )


def _below_full(value: QuantityLike, name: str, full: np.ndarray) -> np.ndarray:
    v = nonnegative(value, "kW", name)
    if np.any(v > full):
        raise OutOfRangeError("must not exceed full_load_power", field=name)
    return v


def load_unload_power(
    load: QuantityLike, full_load_power: QuantityLike, unloaded_power: QuantityLike
) -> pint.Quantity:
    r"""Average power of a load/unload compressor with ample storage.

    Parameters
    ----------
    load : float, array-like or Quantity
        Delivered air over full-load capacity [dimensionless], 0 to 1.
    full_load_power : float, array-like or Quantity
        Input power when loaded [kW], > 0.
    unloaded_power : float, array-like or Quantity
        Input power when running unloaded [kW], 0 to ``full_load_power``
        (measured, or from the machine's data sheet).

    Returns
    -------
    Quantity
        Average input power [kW].

    Notes
    -----
    .. math:: P = C\,P_{fl} + (1 - C)\,P_{ul}

    With small storage the blow-down and reload times raise the average above
    this line (MEASUR's ``Compressors_LoadUnload`` models them); measure the
    loaded share of time where that matters.

    References
    ----------
    US DOE, *Improving Compressed Air System Performance: A Sourcebook for
    Industry*, 3rd ed. (2016), "Compressor controls"; US DOE MEASUR,
    AMO-Tools-Suite ``src/calculator/util/CompressedAir.cpp`` (``OperatingCost``).

    Examples
    --------
    >>> load_unload_power(0.6, 100, 30)
    <Quantity(72.0, 'kilowatt')>
    """
    c = _load(load)
    full = _full_load(full_load_power)
    unloaded = _below_full(unloaded_power, "unloaded_power", full)
    return quantity(c * full + (1 - c) * unloaded, "kW")


def modulation_power(
    load: QuantityLike,
    full_load_power: QuantityLike,
    no_load_power: QuantityLike,
    exponent: QuantityLike = 1.0,
) -> pint.Quantity:
    r"""Power of a compressor under modulation (inlet-throttling) control.

    Parameters
    ----------
    load : float, array-like or Quantity
        Delivered air over full-load capacity [dimensionless], 0 to 1.
    full_load_power : float, array-like or Quantity
        Input power at full load [kW], > 0.
    no_load_power : float, array-like or Quantity
        Input power extrapolated to zero delivery on the modulation line [kW],
        0 to ``full_load_power`` (from the machine's data or two measured
        points).
    exponent : float, default 1.0
        Curve exponent :math:`e` [dimensionless], > 0 (1: linear, MEASUR's
        default).

    Returns
    -------
    Quantity
        Input power [kW].

    Notes
    -----
    .. math:: P = P_{nl} + (P_{fl} - P_{nl})\,C^{e}

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/util/Compressors.cpp``
    (``Compressors_ModulationWOUnload::calculateFromPerC``); US DOE, *Improving
    Compressed Air System Performance: A Sourcebook for Industry*, 3rd ed. (2016).

    Examples
    --------
    >>> modulation_power([0.5, 1.0], 100, 70).m_as("kW")
    array([ 85., 100.])
    """
    c = _load(load)
    full = _full_load(full_load_power)
    no_load = _below_full(no_load_power, "no_load_power", full)
    e = check_range(magnitude(exponent, "", "exponent"), "exponent", low=0, low_inclusive=False)
    return quantity(no_load + (full - no_load) * c**e, "kW")


def variable_speed_power(
    load: QuantityLike,
    full_load_power: QuantityLike,
    minimum_load: QuantityLike,
    minimum_speed_power: QuantityLike,
    unloaded_power: QuantityLike = 0.0,
) -> pint.Quantity:
    r"""Power of a variable-speed compressor, with load/unload below its minimum speed.

    Parameters
    ----------
    load : float, array-like or Quantity
        Delivered air over full-load capacity [dimensionless], 0 to 1.
    full_load_power : float, array-like or Quantity
        Input power at full speed [kW], > 0.
    minimum_load : float or Quantity
        Delivery at minimum speed over full-load capacity [dimensionless],
        (0, 1) (from the data sheet, e.g. a CAGI VSD sheet).
    minimum_speed_power : float or Quantity
        Input power at minimum speed [kW], 0 to ``full_load_power``.
    unloaded_power : float or Quantity, default 0.0
        Input power when unloaded below minimum speed [kW].

    Returns
    -------
    Quantity
        Input power [kW].

    Notes
    -----
    Linear between the data-sheet points above the minimum load
    :math:`C_{min}`, load/unload between :math:`(C_{min}, P_{min})` and
    :math:`(0, P_{ul})` below it:

    .. math:: P = P_{min} + (P_{fl} - P_{min})\frac{C - C_{min}}{1 - C_{min}}
        \quad (C \ge C_{min}), \qquad
        P = P_{ul} + (P_{min} - P_{ul})\frac{C}{C_{min}} \quad (C < C_{min})

    References
    ----------
    CAGI, *Rotary Compressor Performance Verification Data Sheet* (variable
    frequency drive); US DOE, *Improving Compressed Air System Performance: A
    Sourcebook for Industry*, 3rd ed. (2016), "Compressor controls".

    Examples
    --------
    >>> variable_speed_power([0.2, 0.6, 1.0], 100, 0.3, 35).m_as("kW").round(2)
    array([ 23.33,  62.86, 100.  ])
    """
    c = _load(load)
    full = _full_load(full_load_power)
    c_min = fraction(minimum_load, "minimum_load")
    if np.any(c_min >= 1):
        raise OutOfRangeError("must be below 1", field="minimum_load")
    p_min = _below_full(minimum_speed_power, "minimum_speed_power", full)
    p_ul = _below_full(unloaded_power, "unloaded_power", full)
    above = p_min + (full - p_min) * (c - c_min) / (1 - c_min)
    below = p_ul + (p_min - p_ul) * c / c_min
    return quantity(np.where(c >= c_min, above, below), "kW")


def start_stop_power(load: QuantityLike, full_load_power: QuantityLike) -> pint.Quantity:
    r"""Average power of a start/stop compressor: full power while running, none when stopped.

    Parameters
    ----------
    load : float, array-like or Quantity
        Delivered air over full-load capacity [dimensionless], 0 to 1.
    full_load_power : float, array-like or Quantity
        Input power when running [kW], > 0.

    Returns
    -------
    Quantity
        Average input power [kW].

    Notes
    -----
    .. math:: P = C\,P_{fl}

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/util/Compressors.cpp``
    (``Compressors_StartStop``, with equal full-load and maximum power).

    Examples
    --------
    >>> start_stop_power(0.4, 55)
    <Quantity(22.0, 'kilowatt')>
    """
    return quantity(_load(load) * _full_load(full_load_power), "kW")


def compressor_energy(power: QuantityLike, hours: QuantityLike) -> pint.Quantity:
    r"""Electricity used by compressors over their operating hours (a baseline).

    Parameters
    ----------
    power : float, array-like or Quantity
        Input power of each compressor [kW], >= 0; an array is summed.
    hours : float, array-like or Quantity
        Operating hours [h], >= 0, one per compressor or shared.

    Returns
    -------
    Quantity
        Energy [kWh].

    Notes
    -----
    .. math:: E = \sum_i P_i\,t_i

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite
    ``src/calculator/util/CompressedAirPressureReduction.cpp`` (baseline energy
    use) and ``tests/cpp/CompressedAirPressureReduction.unit.cpp``.

    Examples
    --------
    >>> compressor_energy([500, 250], 8640)
    <Quantity(6480000.0, 'kilowatt_hour')>
    """
    p = nonnegative(power, "kW", "power")
    t = nonnegative(hours, "h", "hours")
    return quantity(float(np.sum(np.broadcast_arrays(p, t)[0] * t)), "kWh")


@dataclass(frozen=True)
class SystemProfile:
    """Result of :func:`compressor_system_profile`.

    Attributes
    ----------
    energy : Quantity [kWh]
    duration : Quantity [h]
    average_power, peak_power : Quantity [kW]
    load_factor : Quantity [dimensionless]
        Average over full-load power.
    band_edges : Quantity [dimensionless]
        Edges of the load bands (shares of full-load power).
    hours_in_band : Quantity [h]
        Time in each band (one fewer than the edges).
    energy_in_band : Quantity [kWh]
    """

    energy: pint.Quantity
    duration: pint.Quantity
    average_power: pint.Quantity
    peak_power: pint.Quantity
    load_factor: pint.Quantity
    band_edges: pint.Quantity
    hours_in_band: pint.Quantity
    energy_in_band: pint.Quantity


def compressor_system_profile(
    power_readings: QuantityLike,
    interval: QuantityLike,
    full_load_power: QuantityLike,
    band_edges: Sequence[float] = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0),
) -> SystemProfile:
    r"""Energy, load factor and time at each load from logged compressor power.

    Parameters
    ----------
    power_readings : array-like or Quantity
        Average power over each logging interval [kW], >= 0 (one compressor or
        the sum of a plant's compressors).
    interval : float or Quantity
        Logging interval [h], > 0 (``Q_(1, "min")`` is accepted).
    full_load_power : float or Quantity
        Full-load power of the machine or plant [kW], > 0; readings above it are
        counted in the top band.
    band_edges : sequence of float, default (0, 0.2, 0.4, 0.6, 0.8, 1.0)
        Edges of the load bands as shares of full-load power [dimensionless],
        increasing, from 0.

    Returns
    -------
    SystemProfile

    Raises
    ------
    InputError
        Fewer than one reading, or band edges not increasing from 0.

    Notes
    -----
    .. math:: E = \Delta t \sum_k P_k, \qquad \bar P = E/(n\,\Delta t), \qquad
        LF = \bar P / P_{fl}

    References
    ----------
    ISO 11011:2013, *Compressed air - Energy efficiency - Assessment* (demand
    profile from logged data); US DOE MEASUR, AMO-Tools-Suite log-tool system
    profile (day-type power profiles).

    Examples
    --------
    >>> p = compressor_system_profile([50, 75, 100, 25], 0.25, 100)
    >>> p.energy, p.load_factor
    (<Quantity(62.5, 'kilowatt_hour')>, <Quantity(0.625, 'dimensionless')>)
    """
    readings = np.atleast_1d(nonnegative(power_readings, "kW", "power_readings")).ravel()
    if readings.size == 0:
        raise InputError("give at least one power reading", field="power_readings")
    dt = float(
        check_range(
            magnitude(interval, "h", "interval"), "interval", low=0, low_inclusive=False, unit="h"
        )
    )
    full = float(_full_load(full_load_power))
    edges = np.asarray(band_edges, dtype=float)
    if edges.size < 2 or edges[0] != 0 or np.any(np.diff(edges) <= 0):
        raise InputError("band edges must increase from 0", field="band_edges")
    share = readings / full
    index = np.clip(np.searchsorted(edges, share, side="right") - 1, 0, edges.size - 2)
    hours = np.bincount(index, minlength=edges.size - 1) * dt
    energy_band = np.bincount(index, weights=readings, minlength=edges.size - 1) * dt
    energy = float(readings.sum() * dt)
    duration = readings.size * dt
    return SystemProfile(
        energy=quantity(energy, "kWh"),
        duration=quantity(duration, "h"),
        average_power=quantity(energy / duration, "kW"),
        peak_power=quantity(float(readings.max()), "kW"),
        load_factor=quantity(energy / duration / full, "dimensionless"),
        band_edges=quantity(edges, "dimensionless"),
        hours_in_band=quantity(hours.astype(float), "h"),
        energy_in_band=quantity(energy_band, "kWh"),
    )
