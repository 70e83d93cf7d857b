r"""A fan curve moved to other conditions (speed, density, barometer): MEASUR's fan-curve tool.

A fan's catalogue or test curve (flow, pressure, power at one speed and gas density)
is converted to the site's speed, density and barometric pressure with the fan laws,
corrected for compressibility as AMCA 803 / the AMCA field-performance method does:
:math:`K_p` and :math:`K_{pc}` are iterated until their ratio settles.
:func:`fan_curve_conversion` ports MEASUR's ``FanCurve`` (base-curve and rated-point
forms, which are the same computation), in its I-P equations with its rounded
constants (6362 cfm·inWC/hp, 13.63 inWC/inHg, 1096 for the velocity pressure).

Examples
--------
>>> from greenchain import Q_
>>> r = fan_curve_conversion(Q_([72050], "ft^3/min"), Q_([20.3], "inH2O"), Q_([349], "hp"),
...     Q_(0.0308, "lb/ft^3"), 1180, Q_(0.0332, "lb/ft^3"), 1187, Q_(29.36, "inHg"),
...     Q_(29.36, "inHg"), -0.93736, Q_(34, "ft^2"), Q_(12.7, "ft^2"))
>>> round(float(r.efficiency[0].m_as("")), 6)
0.648485
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from greenchain.errors import InputError, OutOfRangeError
from greenchain.processes._common import (
    MEASUR_FAN_CONSTANT,
    MEASUR_FAN_VELOCITY_CONSTANT,
    MEASUR_INWC_PER_INHG,
)
from greenchain.units import Q_, QuantityLike, check_range, magnitude, quantity

__all__ = ["FAN_CURVE_TYPES", "FanCurve", "fan_curve_conversion"]

#: Pressure of the curve: fan static, static pressure rise, or fan total.
FAN_CURVE_TYPES = ("fan_static_pressure", "static_pressure_rise", "fan_total_pressure")
_ITERATIONS = 7  # MEASUR's iteration count
_KP_TOLERANCE = 0.00001  # MEASUR's convergence of Kp / Kpc


@dataclass(frozen=True)
class FanCurve:
    """Result of :func:`fan_curve_conversion`, one value per curve point.

    Attributes
    ----------
    flow : Quantity
        Flow at the new conditions [m³/h].
    pressure : Quantity
        Pressure (of the curve's type) at the new conditions [Pa].
    power : Quantity
        Shaft power at the new conditions [kW].
    efficiency : Quantity
        Fan efficiency of the point [dimensionless].
    """

    flow: Any
    pressure: Any
    power: Any
    efficiency: Any


def _positive(value: QuantityLike, unit: str, name: str) -> float:
    arr = check_range(magnitude(value, unit, name), name, low=0, low_inclusive=False)
    if np.ndim(arr) != 0:
        raise InputError("must be a single value", field=name)
    return float(arr)


def _kp(pt: float, pt1: float, baro: float, gamma: float, hp: float, cfm: float) -> float:
    x = pt / (pt1 + MEASUR_INWC_PER_INHG * baro)
    z = (
        ((gamma - 1) / gamma)
        * (MEASUR_FAN_CONSTANT * hp / cfm)
        / (pt1 + MEASUR_INWC_PER_INHG * baro)
    )
    return (math.log(1 + x) / x) * (z / math.log(1 + z))


def fan_curve_conversion(
    flow: QuantityLike,
    pressure: QuantityLike,
    power: QuantityLike,
    density: QuantityLike,
    speed: QuantityLike,
    corrected_density: QuantityLike,
    corrected_speed: QuantityLike,
    barometric_pressure: QuantityLike,
    corrected_barometric_pressure: QuantityLike,
    inlet_pressure_factor: float,
    inlet_area: QuantityLike,
    outlet_area: QuantityLike,
    *,
    curve_type: str = "fan_static_pressure",
    heat_capacity_ratio: float = 1.4,
    corrected_heat_capacity_ratio: float = 1.4,
) -> FanCurve:
    r"""Fan curve points converted to another speed, gas density and barometric pressure (MEASUR).

    Parameters
    ----------
    flow : array-like or Quantity
        Flow of each curve point [m³/h], >= 0.
    pressure : array-like or Quantity
        Pressure of each point, of ``curve_type`` [Pa].
    power : array-like or Quantity
        Shaft power of each point [kW], > 0.
    density : float or Quantity
        Gas density of the curve [kg/m³], > 0.
    speed : float or Quantity
        Fan speed of the curve [rpm], > 0.
    corrected_density : float or Quantity
        Gas density at the new conditions [kg/m³], > 0.
    corrected_speed : float or Quantity
        Fan speed at the new conditions [rpm], > 0.
    barometric_pressure : float or Quantity
        Barometric pressure of the curve [kPa], > 0.
    corrected_barometric_pressure : float or Quantity
        Barometric pressure at the new conditions [kPa], > 0.
    inlet_pressure_factor : float
        Inlet total pressure over fan total pressure [dimensionless] (MEASUR's
        ``pt1Factor``, negative for a fan drawing from the room).
    inlet_area : float or Quantity
        Inlet flow area [m²], > 0.
    outlet_area : float or Quantity
        Outlet flow area [m²], > 0.
    curve_type : {"fan_static_pressure", "static_pressure_rise", "fan_total_pressure"}
        The pressure the curve gives.
    heat_capacity_ratio : float, default 1.4
        Ratio of specific heats of the curve's gas [dimensionless].
    corrected_heat_capacity_ratio : float, default 1.4
        Ratio of specific heats at the new conditions [dimensionless].

    Returns
    -------
    FanCurve
        Flow, pressure, power and efficiency of each point at the new conditions.

    Raises
    ------
    InputError
        Unknown ``curve_type``; flow, pressure and power of different lengths.

    Notes
    -----
    With :math:`r_n = n_c / n`, :math:`r_\rho = \rho_c / \rho`:
    :math:`Q_c = Q\,r_n\,K_p/K_{pc}`, :math:`p_c = p\,r_n^2 r_\rho K_p/K_{pc}`,
    :math:`H_c = H\,r_n^3 r_\rho K_p/K_{pc}`, with :math:`K_p` from the total
    pressure (static plus outlet velocity pressure :math:`\rho (Q/A_2/1096)^2` for
    a static curve) and the barometer (ISO 5801 form), iterated up to 7 times
    until :math:`K_p/K_{pc}` changes by less than 1e-5. Efficiency is
    :math:`Q\,p\,K_p / (6362\,H)` on the curve's own point. A point at zero flow
    takes :math:`K_p/K_{pc} = 1` and zero efficiency, as MEASUR does.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/fans/FanCurve.cpp``, ``include/fans/FanCurve.h``
    and ``tests/cpp/Fan.unit.cpp`` "FanCurve"; AMCA 803, *Industrial Process/Power
    Generation Fans: Site Performance Test Standard*.

    Examples
    --------
    >>> from greenchain import Q_
    >>> r = fan_curve_conversion(Q_([0], "ft^3/min"), Q_([22.3], "inH2O"), Q_([115], "hp"),
    ...     Q_(0.0308, "lb/ft^3"), 1180, Q_(0.0332, "lb/ft^3"), 1187, Q_(29.36, "inHg"),
    ...     Q_(29.36, "inHg"), -0.93736, Q_(34, "ft^2"), Q_(12.7, "ft^2"))
    >>> round(float(r.pressure[0].m_as("inH2O")), 4)
    24.3237
    """
    if curve_type not in FAN_CURVE_TYPES:
        raise InputError(f"curve_type must be one of {FAN_CURVE_TYPES}", field="curve_type")
    cfm = np.atleast_1d(
        Q_(check_range(magnitude(flow, "m^3/h", "flow"), "flow", low=0), "m^3/h").m_as("ft^3/min")
    )
    inwc = np.atleast_1d(Q_(magnitude(pressure, "Pa", "pressure"), "Pa").m_as("inH2O"))
    hp = np.atleast_1d(
        Q_(
            check_range(magnitude(power, "kW", "power"), "power", low=0, low_inclusive=False),
            "kW",
        ).m_as("hp")
    )
    if not cfm.shape == inwc.shape == hp.shape or cfm.ndim != 1:
        raise InputError("flow, pressure and power need one value per point", field="flow")
    lb_ft3 = "lb/ft^3"
    rho = Q_(_positive(density, "kg/m^3", "density"), "kg/m^3").m_as(lb_ft3)
    rho_c = Q_(_positive(corrected_density, "kg/m^3", "corrected_density"), "kg/m^3").m_as(lb_ft3)
    n = _positive(speed, "rpm", "speed")
    n_c = _positive(corrected_speed, "rpm", "corrected_speed")
    pb = Q_(_positive(barometric_pressure, "kPa", "barometric_pressure"), "kPa").m_as("inHg")
    pb_c = Q_(
        _positive(corrected_barometric_pressure, "kPa", "corrected_barometric_pressure"), "kPa"
    ).m_as("inHg")
    a1 = Q_(_positive(inlet_area, "m^2", "inlet_area"), "m^2").m_as("ft^2")
    a2 = Q_(_positive(outlet_area, "m^2", "outlet_area"), "m^2").m_as("ft^2")
    g = _positive(heat_capacity_ratio, "", "heat_capacity_ratio")
    g_c = _positive(corrected_heat_capacity_ratio, "", "corrected_heat_capacity_ratio")
    if g <= 1 or g_c <= 1:
        name = "heat_capacity_ratio" if g <= 1 else "corrected_heat_capacity_ratio"
        raise OutOfRangeError("must be above 1", field=name)
    rn, rr = n_c / n, rho_c / rho
    rows = []
    for q, p, h in zip(cfm, inwc, hp, strict=True):
        kp = kp_c = 1.0
        pv1 = rho * (q / a1 / MEASUR_FAN_VELOCITY_CONSTANT) ** 2
        pv2 = rho * (q / a2 / MEASUR_FAN_VELOCITY_CONSTANT) ** 2
        if curve_type == "fan_static_pressure":
            pt = p + pv2
        elif curve_type == "static_pressure_rise":
            pt = p + pv2 - pv1
        else:
            pt = p
        for _ in range(_ITERATIONS):
            ratio = kp / kp_c
            q_c = q * rn * ratio
            p_c = p * rn**2 * rr * ratio
            pt_c = pt * rn**2 * rr * ratio
            h_c = h * rn**3 * rr * ratio
            if q == 0:  # MEASUR: no compressibility at zero flow
                rows.append((0.0, p_c, h_c, 0.0))
                break
            kp = _kp(pt, inlet_pressure_factor * pt, pb, g, h, q)
            kp_c = _kp(pt_c, inlet_pressure_factor * pt_c, pb_c, g_c, h_c, q_c)
            if abs(ratio - kp / kp_c) < _KP_TOLERANCE:
                rows.append((q_c, p_c, h_c, q * p * kp / (MEASUR_FAN_CONSTANT * h)))
                break
        else:
            raise InputError(
                f"Kp did not settle in {_ITERATIONS} iterations at {q:g} cfm", field="flow"
            )
    q_out, p_out, h_out, eff = (np.array(col) for col in zip(*rows, strict=True))
    return FanCurve(
        flow=quantity(Q_(q_out, "ft^3/min").m_as("m^3/h"), "m^3/h"),
        pressure=quantity(Q_(p_out, "inH2O").m_as("Pa"), "Pa"),
        power=quantity(Q_(h_out, "hp").m_as("kW"), "kW"),
        efficiency=quantity(eff, "dimensionless"),
    )
