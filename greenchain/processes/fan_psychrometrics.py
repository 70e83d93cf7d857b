r"""Base gas density of a fan's air: MEASUR's psychrometric model (FSAT field test).

MEASUR's fan field test (AMCA 203) starts from the density of the moist air at the
fan's reference plane, computed from the dry-bulb temperature, the static and
barometric pressures and one humidity reading (relative humidity, dew point or
wet-bulb temperature). :func:`base_gas_density` ports that model: ASHRAE
(Hyland-Wexler) saturation pressure, humidity ratio, degree of saturation, specific
volume, enthalpy, dew point and wet bulb, in MEASUR's I-P equations with its
coefficients and rounded conversions (``factors/fan_psychrometrics_amo.csv``).
Inputs and outputs are Quantities; plain numbers are read in SI.

Examples
--------
>>> from greenchain import Q_
>>> air = base_gas_density(Q_(70, "degF"), Q_(26.62, "inH2O"), Q_(29.92, "inHg"),
...                        relative_humidity=0.60)
>>> air.gas_density.to("lb/ft^3")
<Quantity(0.079357..., 'pound / foot ** 3')>
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

from greenchain.data.tables import parse_number, read_table
from greenchain.errors import InputError, OutOfRangeError
from greenchain.units import (
    Q_,
    QuantityLike,
    check_range,
    fraction,
    magnitude,
    quantity,
    temperature,
)

__all__ = ["base_gas_density", "BaseGasDensity"]

_TABLE = "fan_psychrometrics_amo.csv"
_RANKINE_OFFSET = 459.67  # degF to degR, exact by definition
_ICE_POINT_K = 273.15  # K, exact by definition


@cache
def _c() -> dict[str, float]:
    return {
        row["parameter"]: float(parse_number(row["value"]) or 0.0) for row in read_table(_TABLE)
    }


def _saturation_pressure(t_f: float) -> float:
    """Saturation pressure of water [inHg] at t [degF], MEASUR's form."""
    c = _c()
    tk = (t_f + _RANKINE_OFFSET) * c["kelvin_per_rankine"]
    if tk < _ICE_POINT_K:
        ln_p = (
            c["c1"] / tk
            + c["c2"]
            + tk * c["c3"]
            + tk * tk * (c["c4"] + tk * (c["c5"] + c["c6"] * tk))
            + c["c7"] * math.log(tk)
        )
    else:
        ln_p = (
            c["c8"] / tk
            + c["c9"]
            + tk * (c["c10"] + tk * (c["c11"] + tk * c["c12"]))
            + c["c13"] * math.log(tk)
        )
    return math.exp(ln_p) * (c["inhg_per_atm"] / c["pa_per_atm"])


def _ratio_from_wet_bulb(t_f: float, twb_f: float, cp: float, p_in: float) -> float:
    c = _c()
    ps_wb = _saturation_pressure(twb_f)
    w_star = c["molar_mass_ratio"] * ps_wb / (p_in - ps_wb)
    return ((c["wb_latent"] - (1 - c["vapour_cp"]) * twb_f) * w_star - cp * (t_f - twb_f)) / (
        c["wb_latent"] + c["vapour_cp"] * t_f - twb_f
    )


def _wet_bulb(t_f: float, rh: float, p_in: float) -> float:
    """MEASUR's Newton iteration for the wet bulb [degF]."""
    c = _c()
    pw = _saturation_pressure(t_f) * rh
    w_target = (c["rh_vapour_molar_mass"] / c["rh_air_molar_mass"]) * pw / (p_in - pw)
    cp, step, tol = c["wet_bulb_cp"], c["wet_bulb_step"], c["wet_bulb_tolerance"]
    twb = t_f
    w_new = _ratio_from_wet_bulb(t_f, twb, cp, p_in)

    def error() -> float:
        return abs((w_new - w_target) / w_target) if w_target > 0 else abs(w_new)

    for _ in range(200):
        if error() <= tol:
            return twb
        w_low = _ratio_from_wet_bulb(t_f, twb - step, cp, p_in)
        twb -= (w_new - w_target) / ((w_new - w_low) / step)
        w_new = _ratio_from_wet_bulb(t_f, twb, cp, p_in)
    raise OutOfRangeError("wet-bulb iteration did not converge", field="dry_bulb")


def _point(
    t_f: float, ps_inwc: float, pb_inhg: float, mode: str, value: float, cp: float
) -> tuple[float, ...]:
    c = _c()
    p_in = pb_inhg + ps_inwc / c["inwc_per_inhg"]
    p_sat = _saturation_pressure(t_f)
    if mode == "relative_humidity":
        rh = value
    elif mode == "dew_point":
        rh = _saturation_pressure(value) / p_sat
    else:
        w_wb = _ratio_from_wet_bulb(t_f, value, cp, p_in)
        rh = p_in * w_wb / (c["molar_mass_ratio"] + w_wb) / p_sat
    mm = c["molar_mass_ratio"]
    w_sat = mm * p_sat / (p_in - p_sat)
    mu = rh / (1 + (1 - rh) * w_sat / mm)
    w = mu * w_sat
    v = (c["gas_constant"] * (t_f + _RANKINE_OFFSET) * (1 + c["vapour_volume_factor"] * w)) / (
        c["air_molar_mass"] * p_in * c["psi_per_inhg"]
    )
    density = (1 / v) * (1 + w)
    h = c["air_cp"] * t_f + w * (c["latent_heat"] + c["vapour_cp"] * t_f)
    if mode == "dew_point":
        dew = value
    else:
        pv_psi = p_in * c["psi_per_inhg"] * w
        alpha = math.log(pv_psi / (mm + w))
        if t_f < 32:
            dew = c["dp_ice_a"] + c["dp_ice_b"] * alpha + c["dp_ice_c"] * alpha**2
        else:
            dew = (
                c["dp_a"]
                + c["dp_b"] * alpha
                + c["dp_c"] * alpha**2
                + c["dp_d"] * alpha**3
                + c["dp_e"] * (pv_psi / (c["dew_point_molar_ratio"] + w)) ** c["dp_exponent"]
            )
    wet = value if mode == "wet_bulb" else _wet_bulb(t_f, rh, p_in)
    return density, p_in, w_sat, mu, w, v, h, dew, rh, p_sat, wet


@dataclass(frozen=True)
class BaseGasDensity:
    """Result of :func:`base_gas_density`.

    Attributes
    ----------
    gas_density : Quantity
        Density of the moist air [kg/m³].
    absolute_pressure : Quantity
        Absolute pressure at the plane [kPa].
    saturation_humidity_ratio : Quantity
        Humidity ratio at saturation [dimensionless] (kg water per kg dry air).
    degree_of_saturation : Quantity
        Humidity ratio over its saturation value [dimensionless].
    humidity_ratio : Quantity
        Humidity ratio [dimensionless] (kg water per kg dry air).
    specific_volume : Quantity
        Volume per mass of dry air [m³/kg].
    enthalpy : Quantity
        Enthalpy per mass of dry air [kJ/kg], MEASUR's zero (dry air at 0 °F).
    dew_point : Quantity
        Dew-point temperature [°C].
    relative_humidity : Quantity
        Relative humidity [dimensionless].
    saturation_pressure : Quantity
        Saturation pressure of water at the dry bulb [kPa].
    wet_bulb : Quantity
        Wet-bulb temperature [°C].
    """

    gas_density: Any
    absolute_pressure: Any
    saturation_humidity_ratio: Any
    degree_of_saturation: Any
    humidity_ratio: Any
    specific_volume: Any
    enthalpy: Any
    dew_point: Any
    relative_humidity: Any
    saturation_pressure: Any
    wet_bulb: Any


def _to_degf(value: QuantityLike, name: str) -> np.ndarray:
    return np.asarray(Q_(temperature(value, "degC", name), "degC").m_as("degF"), dtype=float)


def base_gas_density(
    dry_bulb: QuantityLike,
    static_pressure: QuantityLike,
    barometric_pressure: QuantityLike,
    *,
    relative_humidity: QuantityLike | None = None,
    dew_point: QuantityLike | None = None,
    wet_bulb: QuantityLike | None = None,
    gas_heat_capacity: QuantityLike | None = None,
) -> BaseGasDensity:
    r"""Density and psychrometric state of a fan's air from one humidity reading (MEASUR).

    Give exactly one of ``relative_humidity``, ``dew_point`` and ``wet_bulb``.

    Parameters
    ----------
    dry_bulb : float, array-like or Quantity
        Dry-bulb temperature [°C].
    static_pressure : float, array-like or Quantity
        Gauge static pressure at the plane [Pa].
    barometric_pressure : float, array-like or Quantity
        Barometric pressure [kPa], > 0.
    relative_humidity : float, array-like or Quantity, optional
        Relative humidity [dimensionless], 0 to 1.
    dew_point : float, array-like or Quantity, optional
        Dew-point temperature [°C].
    wet_bulb : float, array-like or Quantity, optional
        Wet-bulb temperature [°C].
    gas_heat_capacity : float or Quantity, optional
        Heat capacity of the gas in the wet-bulb relation [kJ/(kg*K)]; used with
        ``wet_bulb`` only. Default MEASUR's 0.24 Btu/(lb·°F) (1.0048 kJ/(kg K)).

    Returns
    -------
    BaseGasDensity
        Density, absolute pressure, humidity ratios, degree of saturation, specific
        volume, enthalpy, dew point, relative humidity, saturation pressure, wet bulb.

    Raises
    ------
    InputError
        Not exactly one humidity reading given.
    OutOfRangeError
        Non-positive barometric pressure; relative humidity outside 0 to 1.

    Notes
    -----
    With :math:`p` the absolute pressure [inHg] and :math:`p_s` the saturation
    pressure at the dry bulb (ASHRAE, Hyland-Wexler):

    .. math:: W_s = 0.62198\,\frac{p_s}{p - p_s}, \qquad
        \mu = \frac{\phi}{1 + (1 - \phi) W_s / 0.62198}, \qquad W = \mu W_s,

    .. math:: v = \frac{R\,T\,(1 + 1.6078 W)}{M_a\,p}, \qquad \rho = \frac{1 + W}{v},
        \qquad h = 0.247\,t + W (1061 + 0.444\,t)

    (t in °F, h in Btu/lb dry air). The dew point is ASHRAE's fit; the wet bulb is
    MEASUR's Newton iteration on the psychrometer equation. The model is MEASUR's
    to the digit, rounded conversions included (``factors/fan_psychrometrics_amo.csv``).

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``include/fans/Fan203.h`` (``BaseGasDensity``),
    ``tests/cpp/Fan.unit.cpp`` "BaseGasDensity" and ``tests/wasm/fan/wasm-fan-test.js``
    ``getBaseGasDensity``; ASHRAE Handbook - Fundamentals (2017), chapter 1.

    Examples
    --------
    >>> from greenchain import Q_
    >>> air = base_gas_density(Q_(45, "degF"), 0, Q_(29.28, "inHg"), relative_humidity=0.5)
    >>> round(air.wet_bulb.m_as("degF"), 4)
    37.7031
    """
    given = {
        name: value
        for name, value in (
            ("relative_humidity", relative_humidity),
            ("dew_point", dew_point),
            ("wet_bulb", wet_bulb),
        )
        if value is not None
    }
    if len(given) != 1:
        raise InputError(
            "give exactly one of relative_humidity, dew_point and wet_bulb",
            field="relative_humidity",
        )
    mode, reading = next(iter(given.items()))
    t_f = _to_degf(dry_bulb, "dry_bulb")
    ps = Q_(magnitude(static_pressure, "Pa", "static_pressure"), "Pa").m_as("inH2O")
    pb = check_range(
        magnitude(barometric_pressure, "kPa", "barometric_pressure"),
        "barometric_pressure",
        low=0,
        low_inclusive=False,
    )
    pb = Q_(pb, "kPa").m_as("inHg")
    if mode == "relative_humidity":
        value = fraction(reading, "relative_humidity")
    else:
        value = _to_degf(reading, mode)
    if gas_heat_capacity is None:
        gas_heat_capacity = Q_(_c()["wet_bulb_cp"], "Btu/(lb*degR)")
    cp = check_range(
        magnitude(gas_heat_capacity, "kJ/(kg*K)", "gas_heat_capacity"),
        "gas_heat_capacity",
        low=0,
        low_inclusive=False,
    )
    cp = Q_(cp, "kJ/(kg*K)").m_as("Btu/(lb*degR)")
    t_b, ps_b, pb_b, v_b, cp_b = np.broadcast_arrays(t_f, ps, pb, value, cp)
    rows = [
        _point(float(a), float(b), float(c_), mode, float(d), float(e))
        for a, b, c_, d, e in zip(
            t_b.ravel(), ps_b.ravel(), pb_b.ravel(), v_b.ravel(), cp_b.ravel(), strict=True
        )
    ]
    cols = [np.array(col).reshape(t_b.shape) for col in zip(*rows, strict=True)]
    density, p_in, w_sat, mu, w, v, h, dew, rh, p_sat, wet = cols
    return BaseGasDensity(
        gas_density=quantity(Q_(density, "lb/ft^3").m_as("kg/m^3"), "kg/m^3"),
        absolute_pressure=quantity(Q_(p_in, "inHg").m_as("kPa"), "kPa"),
        saturation_humidity_ratio=quantity(w_sat, "dimensionless"),
        degree_of_saturation=quantity(mu, "dimensionless"),
        humidity_ratio=quantity(w, "dimensionless"),
        specific_volume=quantity(Q_(v, "ft^3/lb").m_as("m^3/kg"), "m^3/kg"),
        enthalpy=quantity(Q_(h, "Btu/lb").m_as("kJ/kg"), "kJ/kg"),
        dew_point=quantity(Q_(dew, "degF").m_as("degC"), "degC"),
        relative_humidity=quantity(rh, "dimensionless"),
        saturation_pressure=quantity(Q_(p_sat, "inHg").m_as("kPa"), "kPa"),
        wet_bulb=quantity(Q_(wet, "degF").m_as("degC"), "degC"),
    )
