r"""Centrifugal air compressors at part load: MEASUR's load/unload, modulation and blow-off curves.

A centrifugal compressor's power against delivered air depends on its control.
These functions port MEASUR's three centrifugal control classes
(``Compressors.cpp``): **load/unload** (straight line from no-load power at zero
flow to full load), **modulation with unload** (inlet modulation down to the
unload point, then unloaded) and **blow-off** (constant power below the surge
limit, the surplus blown off). Each takes the machine's own points (full load,
no load, unload point, surge flow) and either the measured power or the measured
capacity, and returns the other with the fractions of full load.
:func:`discharge_pressure_capacity` gives the full-load capacity at another
discharge pressure from the machine's capacity-pressure points, as MEASUR's
"adjust for discharge pressure" does.

Capacities are actual flows at the inlet; plain numbers are read in m³/min.

Examples
--------
>>> from greenchain import Q_
>>> r = centrifugal_load_unload(452.3, Q_(3138, "ft^3/min"), 71.3, power=0.36 * 452.3)
>>> round(float(r.capacity.m_as("ft^3/min")), 2)
753.84
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from greenchain.errors import InputError, OutOfRangeError
from greenchain.units import QuantityLike, check_range, magnitude, quantity

__all__ = [
    "CentrifugalPartLoad",
    "centrifugal_load_unload",
    "centrifugal_modulation_unload",
    "centrifugal_blow_off",
    "discharge_pressure_capacity",
]

_FLOW = "m^3/min"


@dataclass(frozen=True)
class CentrifugalPartLoad:
    """Result of the centrifugal part-load functions.

    Attributes
    ----------
    power : Quantity
        Compressor input power [kW].
    capacity : Quantity
        Air delivered to the system [m³/min].
    power_fraction : Quantity
        Power over full-load power [dimensionless].
    capacity_fraction : Quantity
        Capacity over full-load capacity [dimensionless].
    blow_off : Quantity or None
        Air blown off [m³/min] (:func:`centrifugal_blow_off` only).
    blow_off_fraction : Quantity or None
        Air blown off over full-load capacity [dimensionless] (blow-off only).
    """

    power: Any
    capacity: Any
    power_fraction: Any
    capacity_fraction: Any
    blow_off: Any = None
    blow_off_fraction: Any = None


def _positive(value: QuantityLike, unit: str, name: str) -> float:
    arr = check_range(magnitude(value, unit, name), name, low=0, low_inclusive=False)
    if np.ndim(arr) != 0:
        raise InputError("must be a single value", field=name)
    return float(arr)


def _reading(power: QuantityLike | None, capacity: QuantityLike | None) -> tuple[str, float]:
    if (power is None) == (capacity is None):
        raise InputError("give exactly one of power and capacity", field="power")
    if power is not None:
        value = check_range(magnitude(power, "kW", "power"), "power", low=0)
        name = "power"
    else:
        value = check_range(magnitude(capacity, _FLOW, "capacity"), "capacity", low=0)
        name = "capacity"
    if np.ndim(value) != 0:
        raise InputError("must be a single value", field=name)
    return name, float(value)


def _result(
    per_kw: float, c_per: float, kw_fl: float, c_out: float, **extra: float
) -> CentrifugalPartLoad:
    blow = extra.get("blow_off")
    blow_per = extra.get("blow_off_fraction")
    return CentrifugalPartLoad(
        power=quantity(per_kw * kw_fl, "kW"),
        capacity=quantity(c_out, _FLOW),
        power_fraction=quantity(per_kw, "dimensionless"),
        capacity_fraction=quantity(c_per, "dimensionless"),
        blow_off=None if blow is None else quantity(blow, _FLOW),
        blow_off_fraction=None if blow_per is None else quantity(blow_per, "dimensionless"),
    )


def centrifugal_load_unload(
    full_load_power: QuantityLike,
    full_load_capacity: QuantityLike,
    no_load_power: QuantityLike,
    *,
    power: QuantityLike | None = None,
    capacity: QuantityLike | None = None,
) -> CentrifugalPartLoad:
    r"""Capacity from power, or power from capacity, of a load/unload centrifugal compressor.

    Parameters
    ----------
    full_load_power : float or Quantity
        Input power at full load [kW], > 0.
    full_load_capacity : float or Quantity
        Capacity at full load [m³/min], > 0.
    no_load_power : float or Quantity
        Input power unloaded (zero delivery) [kW], below ``full_load_power``.
    power : float or Quantity, optional
        Measured input power [kW]; give this or ``capacity``.
    capacity : float or Quantity, optional
        Measured capacity [m³/min].

    Returns
    -------
    CentrifugalPartLoad

    Raises
    ------
    InputError
        Not exactly one of ``power`` and ``capacity``.
    OutOfRangeError
        Non-positive full-load point; ``no_load_power`` not below full-load power.

    Notes
    -----
    .. math:: \frac{C}{C_{fl}} = \frac{P/P_{fl} - P_{nl}/P_{fl}}{1 - P_{nl}/P_{fl}}

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/util/Compressors.cpp``
    (``Compressors_Centrifugal_LoadUnload``), ``tests/cpp/Compressors.unit.cpp`` and
    ``tests/wasm/compressorCalc/wasm-compressorsCalc-test.js``.

    Examples
    --------
    >>> r = centrifugal_load_unload(452.3, 88.86, 71.3, capacity=0.24 * 88.86)
    >>> round(float(r.power.m_as("kW")), 2)
    162.74
    """
    kw_fl = _positive(full_load_power, "kW", "full_load_power")
    c_fl = _positive(full_load_capacity, _FLOW, "full_load_capacity")
    kw_nl = float(magnitude(no_load_power, "kW", "no_load_power"))
    if not 0 <= kw_nl < kw_fl:
        raise OutOfRangeError("must be from 0 to below full_load_power", field="no_load_power")
    per_nl = kw_nl / kw_fl
    kind, value = _reading(power, capacity)
    if kind == "power":
        per_kw = value / kw_fl
        c_per = (per_kw - per_nl) * (1.0 / (1 - per_nl))
    else:
        c_per = value / c_fl
        per_kw = ((1 - per_nl) / 1.0) * c_per + per_nl
    return _result(per_kw, c_per, kw_fl, c_fl * c_per)


def centrifugal_modulation_unload(
    full_load_power: QuantityLike,
    full_load_capacity: QuantityLike,
    no_load_power: QuantityLike,
    max_capacity: QuantityLike,
    unload_power: QuantityLike,
    unload_capacity: QuantityLike,
    *,
    power: QuantityLike | None = None,
    capacity: QuantityLike | None = None,
) -> CentrifugalPartLoad:
    r"""Capacity from power, or power from capacity, of a centrifugal compressor with modulation and unload.

    Parameters
    ----------
    full_load_power : float or Quantity
        Input power at full load (rated discharge pressure) [kW], > 0.
    full_load_capacity : float or Quantity
        Capacity at full load [m³/min], > 0.
    no_load_power : float or Quantity
        Input power unloaded [kW].
    max_capacity : float or Quantity
        Capacity at maximum full flow (modulation fully open) [m³/min], > 0.
    unload_power : float or Quantity
        Input power at the unload point [kW].
    unload_capacity : float or Quantity
        Capacity at the unload point [m³/min], > 0.
    power : float or Quantity, optional
        Measured input power [kW]; give this or ``capacity``.
    capacity : float or Quantity, optional
        Measured capacity [m³/min].

    Returns
    -------
    CentrifugalPartLoad

    Raises
    ------
    InputError
        Not exactly one of ``power`` and ``capacity``.
    OutOfRangeError
        Non-positive full-load, maximum or unload capacity or full-load power.

    Notes
    -----
    Below the unload power the capacity falls linearly to zero at the no-load
    power; above it, it rises linearly from the unload capacity to the maximum
    capacity at full-load power (fractions of :math:`C_{max}` above the unload
    point, as MEASUR writes them). From a capacity, MEASUR tests the capacity
    fraction against the **power** fraction at unload (``CPer < kWPer_ul``); that
    is kept, to reproduce its figures.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/util/Compressors.cpp``
    (``Compressors_Centrifugal_ModulationUnload``), ``tests/cpp/Compressors.unit.cpp``
    and ``tests/wasm/compressorCalc/wasm-compressorsCalc-test.js``.

    Examples
    --------
    >>> r = centrifugal_modulation_unload(452.3, 3138, 71.3, 3005, 411.9, 2731, power=425.162)
    >>> round(float(r.capacity.m_as("m^3/min")), 2)
    2820.95
    """
    kw_fl = _positive(full_load_power, "kW", "full_load_power")
    c_fl = _positive(full_load_capacity, _FLOW, "full_load_capacity")
    c_max = _positive(max_capacity, _FLOW, "max_capacity")
    c_ul = _positive(unload_capacity, _FLOW, "unload_capacity")
    per_nl = float(magnitude(no_load_power, "kW", "no_load_power")) / kw_fl
    per_ul = float(magnitude(unload_power, "kW", "unload_power")) / kw_fl
    per_max = 1.0
    c_per_max, c_per_ul, c_per_ul_b = c_max / c_fl, c_ul / c_fl, c_ul / c_max
    kind, value = _reading(power, capacity)
    if kind == "power":
        per_kw = value / kw_fl
        if per_kw <= per_nl:
            c_per = 0.0
        elif per_kw < per_ul:
            c_per = (per_kw - per_nl) * (c_per_ul / (per_ul - per_nl))
        else:
            slope = (1 - c_per_ul_b) / (per_max - per_ul)
            c_per = slope * per_kw + (1 - slope)
        c_out = (c_fl if c_per < c_per_ul_b else c_max) * c_per
    else:
        c_per = value / c_fl
        per_kw = 1.0
        if c_per < per_ul:  # MEASUR compares with the power fraction here
            per_kw = ((per_ul - per_nl) / c_per_ul) * c_per + per_nl
        elif c_per < c_per_max:
            slope = (per_max - per_ul) / (c_per_max - c_per_ul)
            per_kw = slope * c_per + per_max - slope * c_per_max
        c_out = c_fl * c_per
    return _result(per_kw, c_per, kw_fl, c_out)


def centrifugal_blow_off(
    full_load_power: QuantityLike,
    full_load_capacity: QuantityLike,
    blow_off_power: QuantityLike,
    surge_flow: QuantityLike,
    *,
    power: QuantityLike | None = None,
    capacity: QuantityLike | None = None,
    blow_off_fraction: QuantityLike | None = None,
) -> CentrifugalPartLoad:
    r"""Capacity and blow-off from power, or power from capacity, of a blow-off centrifugal compressor.

    Parameters
    ----------
    full_load_power : float or Quantity
        Input power at full load [kW], > 0.
    full_load_capacity : float or Quantity
        Capacity at full load [m³/min], > 0.
    blow_off_power : float or Quantity
        Input power at the blow-off (surge) point [kW], below full-load power.
    surge_flow : float or Quantity
        Flow at the surge limit [m³/min], > 0 and below full-load capacity.
    power : float or Quantity, optional
        Measured input power [kW]; give this or ``capacity``.
    capacity : float or Quantity, optional
        Measured capacity delivered to the system [m³/min].
    blow_off_fraction : float or Quantity, optional
        Air blown off over full-load capacity [dimensionless]; needed with
        ``power`` at or below the blow-off power, where power does not tell it.

    Returns
    -------
    CentrifugalPartLoad
        With ``blow_off`` and ``blow_off_fraction``.

    Raises
    ------
    InputError
        Not exactly one of ``power`` and ``capacity``; ``blow_off_fraction``
        missing where needed.
    OutOfRangeError
        Blow-off point not below full load.

    Notes
    -----
    Above the blow-off power, capacity and power are linear between the surge
    point and full load and nothing is blown off; at or below it the compressor
    runs at the blow-off power, delivering the surge flow less what is blown off.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/util/Compressors.cpp``
    (``Compressors_Centrifugal_BlowOff``), ``tests/cpp/Compressors.unit.cpp`` and
    ``tests/wasm/compressorCalc/wasm-compressorsCalc-test.js``.

    Examples
    --------
    >>> r = centrifugal_blow_off(452.3, 3138, 370.9, 2510, capacity=31.38)
    >>> round(float(r.blow_off.m_as("m^3/min")), 2)
    2478.62
    """
    kw_fl = _positive(full_load_power, "kW", "full_load_power")
    c_fl = _positive(full_load_capacity, _FLOW, "full_load_capacity")
    per_blow = _positive(blow_off_power, "kW", "blow_off_power") / kw_fl
    c_per_blow = _positive(surge_flow, _FLOW, "surge_flow") / c_fl
    if per_blow >= 1:
        raise OutOfRangeError("must be below full_load_power", field="blow_off_power")
    if c_per_blow >= 1:
        raise OutOfRangeError("must be below full_load_capacity", field="surge_flow")
    kind, value = _reading(power, capacity)
    if kind == "power":
        per_kw = value / kw_fl
        if per_kw <= per_blow:
            if blow_off_fraction is None:
                raise InputError("needed at or below the blow-off power", field="blow_off_fraction")
            blow_per_in = float(
                check_range(
                    magnitude(blow_off_fraction, "", "blow_off_fraction"),
                    "blow_off_fraction",
                    low=0,
                )
            )
            c_per = c_per_blow - blow_per_in
        else:
            c_per = ((1 - c_per_blow) / (1 - per_blow)) * (
                per_kw - 1 + ((1 - per_blow) / (1 - c_per_blow))
            )
        blow_per = c_per_blow - c_per
    else:
        c_per = value / c_fl
        blow_per = 0.0
        if c_per < c_per_blow:
            per_kw = per_blow
            blow_per = c_per_blow - c_per
        else:
            slope = (1 - per_blow) / (1 - c_per_blow)
            per_kw = slope * c_per + 1 - slope
    return _result(
        per_kw, c_per, kw_fl, c_fl * c_per, blow_off=blow_per * c_fl, blow_off_fraction=blow_per
    )


def discharge_pressure_capacity(
    pressures: QuantityLike, capacities: QuantityLike, pressure: QuantityLike
) -> Any:
    r"""Capacity of a centrifugal compressor at a discharge pressure from its own points.

    Parameters
    ----------
    pressures : array-like or Quantity
        Discharge pressures of the machine's points [kPa] (gauge), three or more.
    capacities : array-like or Quantity
        Capacities at those pressures [m³/min].
    pressure : float, array-like or Quantity
        Discharge pressure wanted [kPa] (gauge).

    Returns
    -------
    Quantity
        Capacity [m³/min], on the least-squares quadratic through the points.

    Raises
    ------
    InputError
        Fewer than three points, or pressures and capacities of different lengths.

    Notes
    -----
    MEASUR's "adjust for discharge pressure" (``CurveFitVal`` of degree 2); pass the
    result as ``full_load_capacity`` (and ``max_capacity``) of the functions above.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``include/calculator/util/Compressors.h``
    (``AdjustDischargePressure``) and ``src/calculator/util/CurveFitVal.cpp``.

    Examples
    --------
    >>> from greenchain import Q_
    >>> c = discharge_pressure_capacity(Q_([91, 100, 117], "psi"), [3200, 3138, 2885],
    ...                                 Q_(100, "psi"))
    >>> round(float(c.m_as("m^3/min")), 6)
    3138.0
    """
    p = np.atleast_1d(magnitude(pressures, "kPa", "pressures"))
    c = np.atleast_1d(magnitude(capacities, _FLOW, "capacities"))
    if p.ndim != 1 or p.size < 3 or p.shape != c.shape:
        raise InputError("needs three or more pressures and as many capacities", field="pressures")
    coefficients = np.polyfit(p, c, 2)
    return quantity(np.polyval(coefficients, magnitude(pressure, "kPa", "pressure")), _FLOW)
