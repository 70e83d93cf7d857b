"""Water, steam and dry-air properties: greenchain's one wrapper of IAPWS-IF97 (iapws).

This module is greenchain's single wrapper around the `iapws
<https://github.com/jjgomera/iapws>`_ package: IAPWS-IF97 for water and steam,
and the Lemmon et al. (2000) equation of state for dry air that iapws also
ships. The iapws functions are scalar, so every call goes through one helper,
:func:`_iapws_map`, which broadcasts the arguments and loops over them. That
loop is the only place in greenchain where a scalar property call is repeated
element by element, and this is the only module that imports iapws: the other
physics modules (boilers, steam systems, dyeing, stenters, dryers, waste heat)
call the vectorised functions below.

Pressures are **absolute** (use :func:`gauge_to_absolute` for gauge readings
such as ``psig`` or the Chinese 表压). Plain numbers are read in MPa, degC
and kJ/kg; Quantities in any compatible unit are accepted (pass
``Q_(300, "K")`` for kelvin). Temperatures are returned in K.

A state outside the IAPWS-IF97 range of validity raises
:class:`~greenchain.errors.OutOfRangeError` naming the argument: 273.15 K <= T
<= 1073.15 K for p <= 100 MPa, and 1073.15 K < T <= 2273.15 K for p <= 50 MPa;
saturation states between 273.15 K (611.213 Pa) and the critical point
(647.096 K, 22.064 MPa).

The Chinese guideline conventions for the heat in purchased steam and hot water
(:func:`heat_from_steam`, :func:`heat_from_hot_water`, :func:`steam_conventions`)
are reporting conventions, not IAPWS physics; they live in
:mod:`greenchain.processes.heat_conventions` and are re-exported here.

Examples
--------
>>> from greenchain import Q_
>>> state = steam_properties(Q_(3, "MPa"), temperature=Q_(300, "K"))
>>> round(float(state.enthalpy.m_as("kJ/kg")), 6)
115.331273
>>> round(float(saturation_temperature(Q_(1.0, "MPa")).m_as("degC")), 2)
179.88
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pint
from iapws import IAPWS97
from iapws import _iapws as _iapws_constants
from iapws import iapws97 as _if97
from iapws.humidAir import Air

from greenchain.errors import InputError, OutOfRangeError
from greenchain.processes.heat_conventions import (  # re-exported: they lived here until 0.2
    heat_from_hot_water,
    heat_from_steam,
    steam_conventions,
)
from greenchain.units import Q_, QuantityLike, check_range, magnitude, read_quantity
from greenchain.units import temperature as to_temperature

__all__ = [
    "SteamState",
    "SaturationState",
    "steam_properties",
    "saturation_temperature",
    "saturation_pressure",
    "saturation_properties",
    "liquid_enthalpy",
    "liquid_density",
    "dry_air_enthalpy",
    "dry_air_density",
    "gauge_to_absolute",
    "heat_from_steam",
    "heat_from_hot_water",
    "steam_conventions",
]

# --- Range of validity of IAPWS-IF97 (IAPWS R7-97(2012), section 1, Figure 1) ----------
# These bound the formulation itself; they are not adjustable parameters.
T_MIN_K = 273.15  # lower temperature bound of IF97
T_REGION2_MAX_K = 1073.15  # upper bound of regions 1-3; region 5 above
T_MAX_K = 2273.15  # upper bound of region 5
P_MAX_MPA = 100.0  # upper pressure bound for T <= 1073.15 K
P_REGION5_MAX_MPA = 50.0  # upper pressure bound of region 5
P_SAT_MIN_MPA = _if97.Pmin  # IF97 saturation pressure at 273.15 K (611.213 Pa)
P_CRIT_MPA = _if97.Pc  # critical pressure 22.064 MPa (IAPWS R2-83)
T_CRIT_K = _if97.Tc  # critical temperature 647.096 K (IAPWS R2-83)
RHO_CRIT = _iapws_constants.rhoc  # critical density 322 kg/m3 (IAPWS R2-83)
# Lemmon et al. (2000) dry-air equation of state: valid 60 K to 2000 K (paper title).
AIR_T_MIN_K = 60.0
AIR_T_MAX_K = 2000.0
# Standard atmosphere, 101.325 kPa (CGPM 1954, resolution 4; ISO 2533).
STANDARD_ATMOSPHERE_MPA = 0.101325


@dataclass(frozen=True)
class SteamState:
    """A water or steam state (IAPWS-IF97); arrays broadcast over the inputs.

    Attributes
    ----------
    pressure : Quantity [MPa]
    temperature : Quantity [K]
    enthalpy : Quantity [kJ/kg]
    entropy : Quantity [kJ/(kg K)]
    specific_volume : Quantity [m^3/kg]
    density : Quantity [kg/m^3]
    quality : Quantity [dimensionless]
        Vapour mass fraction in the two-phase region (IF97 region 4); NaN
        elsewhere.
    region : numpy.ndarray of int
        IF97 region (1 liquid, 2 vapour, 3 near-critical, 4 saturation, 5 high T).
    phase : numpy.ndarray of str
        Phase label reported by iapws (``"Liquid"``, ``"Two phases"`` ...).
    """

    pressure: pint.Quantity
    temperature: pint.Quantity
    enthalpy: pint.Quantity
    entropy: pint.Quantity
    specific_volume: pint.Quantity
    density: pint.Quantity
    quality: pint.Quantity
    region: np.ndarray
    phase: np.ndarray


@dataclass(frozen=True)
class SaturationState:
    """Saturated liquid and vapour at one pressure or temperature (IAPWS-IF97).

    Attributes
    ----------
    pressure : Quantity [MPa]
    temperature : Quantity [K]
    liquid_enthalpy, vapour_enthalpy, latent_heat : Quantity [kJ/kg]
    liquid_entropy, vapour_entropy : Quantity [kJ/(kg K)]
    liquid_density, vapour_density : Quantity [kg/m^3]
    """

    pressure: pint.Quantity
    temperature: pint.Quantity
    liquid_enthalpy: pint.Quantity
    vapour_enthalpy: pint.Quantity
    latent_heat: pint.Quantity
    liquid_entropy: pint.Quantity
    vapour_entropy: pint.Quantity
    liquid_density: pint.Quantity
    vapour_density: pint.Quantity


# ------------------------------------------------------------------ the one scalar loop
def _iapws_map(
    func: Callable[..., tuple[Any, ...]],
    arrays: dict[str, np.ndarray],
    dtypes: tuple[type, ...],
) -> tuple[np.ndarray, ...]:
    """Evaluate a scalar iapws call element by element over broadcast arrays.

    This is the only loop over property calls in greenchain: iapws works on
    Python floats, so vectorising it means calling it once per element. Repeated
    input combinations (common in plant data) are evaluated once. Inputs are
    range-checked before this point so that errors name the argument; a failure
    inside iapws is still reported as :class:`OutOfRangeError` naming all the
    arguments of the state.

    Parameters
    ----------
    func : callable
        Takes one float per entry of ``arrays`` (in order) and returns a tuple
        with one value per entry of ``dtypes``.
    arrays : dict of str to ndarray
        Argument name -> magnitudes (broadcast together).
    dtypes : tuple of type
        dtype of each output array.
    """
    names = list(arrays)
    try:
        broadcast = np.broadcast_arrays(*(np.asarray(a, dtype=float) for a in arrays.values()))
    except ValueError as exc:
        raise InputError("arguments cannot be broadcast together", field=", ".join(names)) from exc
    shape = broadcast[0].shape
    flat = np.stack([arr.ravel() for arr in broadcast], axis=1)
    unique, inverse = np.unique(flat, axis=0, return_inverse=True)
    results: list[np.ndarray] = [np.empty(len(unique), dtype=dt) for dt in dtypes]
    for row, values in enumerate(unique.tolist()):
        try:
            result = func(*values)
        except InputError:
            raise
        except (NotImplementedError, ValueError, ZeroDivisionError, OverflowError) as exc:
            raise OutOfRangeError(
                "state outside the IAPWS-IF97 range of validity: "
                + ", ".join(f"{n}={v:g}" for n, v in zip(names, values, strict=True)),
                field=", ".join(names),
            ) from exc
        for out, value in zip(results, result, strict=True):
            out[row] = value
    return tuple(out[inverse.ravel()].reshape(shape) for out in results)


def _solved(state: Any, names: str) -> Any:
    """Return an iapws state, raising if iapws flagged it as not solved."""
    if getattr(state, "status", 1) != 1:
        raise OutOfRangeError(
            f"state outside the IAPWS-IF97 range of validity ({getattr(state, 'msg', '')})",
            field=names,
        )
    return state


# ------------------------------------------------------------------ range checks
def _check_pressure(p: np.ndarray, name: str, *, saturation: bool = False) -> None:
    check_range(p, name, low=0.0, low_inclusive=False, unit="MPa")
    if saturation:
        check_range(p, name, low=P_SAT_MIN_MPA, high=P_CRIT_MPA, unit="MPa")
    else:
        check_range(p, name, high=P_MAX_MPA, unit="MPa")


def _check_temperature(t: np.ndarray, name: str, *, saturation: bool = False) -> None:
    high = T_CRIT_K if saturation else T_MAX_K
    check_range(t, name, low=T_MIN_K, high=high, unit="K")


def _pressure(value: QuantityLike, name: str) -> np.ndarray:
    return magnitude(value, "MPa", name)


def _kelvin(value: QuantityLike, name: str) -> np.ndarray:
    """Absolute temperature [K]: plain numbers are degC; a Quantity converts directly."""
    value = read_quantity(value, name)
    if isinstance(value, pint.Quantity):
        return to_temperature(value, "K", name)
    return Q_(to_temperature(value, "degC", name), "degC").m_as("K")


# ------------------------------------------------------------------ public functions
def steam_properties(
    pressure: QuantityLike,
    temperature: QuantityLike | None = None,
    quality: QuantityLike | None = None,
    *,
    enthalpy: QuantityLike | None = None,
    entropy: QuantityLike | None = None,
) -> SteamState:
    """Properties of water or steam at a pressure and one more state variable.

    Parameters
    ----------
    pressure : numeric or Quantity [MPa]
        Absolute pressure.
    temperature : numeric or Quantity [degC], optional
        Temperature (single-phase states).
    quality : numeric, optional
        Vapour mass fraction [dimensionless], 0 (saturated liquid) to 1 (saturated
        vapour).
    enthalpy : numeric or Quantity [kJ/kg], optional
        Specific enthalpy (IAPWS reference: internal energy and entropy of the
        saturated liquid at the triple point are zero).
    entropy : numeric or Quantity [kJ/(kg*K)], optional
        Specific entropy (same reference). Exactly one of ``temperature``,
        ``quality``, ``enthalpy`` and ``entropy`` must be given.

    Returns
    -------
    SteamState
        Temperature, pressure, enthalpy, entropy, specific volume, density,
        quality, IF97 region and phase, broadcast over the inputs.

    Raises
    ------
    InputError
        If not exactly one of ``temperature``, ``quality``, ``enthalpy``,
        ``entropy`` is given.
    OutOfRangeError
        If the state is outside IAPWS-IF97 (the message names the argument).

    Notes
    -----
    Computed with ``iapws.IAPWS97``, which implements the IAPWS-IF97 regions
    1-5 and their backward equations; (p, h) and (p, s) states are solved
    exactly (the returned enthalpy or entropy equals the input). On the
    saturation line a (p, T) pair is ambiguous; give the quality instead.

    References
    ----------
    IAPWS R7-97(2012), Revised Release on the IAPWS Industrial Formulation 1997
    for the Thermodynamic Properties of Water and Steam, tables 5, 15, 33 (the
    verification values reproduced in ``tests/test_steam.py``).

    Examples
    --------
    >>> from greenchain import Q_
    >>> s = steam_properties(Q_(1.0, "MPa"), quality=1)
    >>> round(float(s.temperature.m_as("degC")), 2), round(float(s.enthalpy.m_as("kJ/kg")), 1)
    (179.88, 2777.1)
    >>> str(s.phase)
    'Vapour'
    >>> round(float(steam_properties(8, entropy=6).temperature.m_as("K")), 2)
    600.48
    """
    given = {
        "temperature": temperature,
        "quality": quality,
        "enthalpy": enthalpy,
        "entropy": entropy,
    }
    present = {k: v for k, v in given.items() if v is not None}
    if len(present) != 1:
        raise InputError(
            "give exactly one of temperature, quality, enthalpy or entropy",
            field=", ".join(given),
        )
    p = _pressure(pressure, "pressure")
    check_range(p, "pressure", low=0.0, low_inclusive=False, unit="MPa")
    ((kind, value),) = present.items()
    if kind == "temperature":
        t = _kelvin(value, "temperature")
        _check_temperature(t, "temperature")
        p_b, t_b = np.broadcast_arrays(p, t)
        check_range(p_b[t_b <= T_REGION2_MAX_K], "pressure", high=P_MAX_MPA, unit="MPa")
        check_range(p_b[t_b > T_REGION2_MAX_K], "pressure", high=P_REGION5_MAX_MPA, unit="MPa")
        second = t

        def call(pv: float, sv: float) -> Any:
            return IAPWS97(P=pv, T=sv)

    elif kind == "quality":
        x = magnitude(value, "", "quality")
        check_range(x, "quality", low=0.0, high=1.0)
        _check_pressure(p, "pressure", saturation=True)
        second = x

        def call(pv: float, sv: float) -> Any:
            return IAPWS97(P=pv, x=sv)

    elif kind == "enthalpy":
        h = magnitude(value, "kJ/kg", "enthalpy")
        check_range(p, "pressure", high=P_MAX_MPA, unit="MPa")
        second = h

        def call(pv: float, sv: float) -> Any:
            return IAPWS97(P=pv, h=sv)

    else:
        s_in = magnitude(value, "kJ/(kg*K)", "entropy")
        check_range(p, "pressure", high=P_MAX_MPA, unit="MPa")
        second = s_in

        def call(pv: float, sv: float) -> Any:
            return IAPWS97(P=pv, s=sv)

    names = f"pressure, {kind}"

    def one(pv: float, sv: float) -> tuple[Any, ...]:
        st = _solved(call(pv, sv), names)
        x_val = st.x if st.region == 4 else np.nan
        return (st.P, st.T, st.h, st.s, st.v, st.rho, x_val, st.region, st.phase)

    out = _iapws_map(one, {"pressure": p, kind: second}, (float,) * 7 + (int, object))
    phase = out[8].astype(str)
    return SteamState(
        pressure=Q_(out[0], "MPa"),
        temperature=Q_(out[1], "K"),
        enthalpy=Q_(out[2], "kJ/kg"),
        entropy=Q_(out[3], "kJ/(kg*K)"),
        specific_volume=Q_(out[4], "m^3/kg"),
        density=Q_(out[5], "kg/m^3"),
        quality=Q_(out[6], "dimensionless"),
        region=out[7],
        phase=phase,
    )


def saturation_temperature(pressure: QuantityLike) -> pint.Quantity:
    """Saturation (boiling) temperature of water at an absolute pressure.

    Parameters
    ----------
    pressure : numeric or Quantity [MPa]
        Absolute pressure, 611.213 Pa to 22.064 MPa.

    Returns
    -------
    Quantity [K]

    Notes
    -----
    IAPWS-IF97 region 4, backward saturation-temperature equation (eq. 31).

    References
    ----------
    IAPWS R7-97(2012), section 8.2, table 35.

    Examples
    --------
    >>> round(float(saturation_temperature(20).m), 10)
    638.8959115457
    """
    p = _pressure(pressure, "pressure")
    _check_pressure(p, "pressure", saturation=True)
    (t,) = _iapws_map(lambda pv: (_if97._TSat_P(pv),), {"pressure": p}, (float,))
    return Q_(t, "K")


def saturation_pressure(temperature: QuantityLike) -> pint.Quantity:
    """Saturation (vapour) pressure of water at a temperature.

    Parameters
    ----------
    temperature : numeric or Quantity [degC]
        273.15 K to 647.096 K (0 to 373.946 degC).

    Returns
    -------
    Quantity [MPa]

    Notes
    -----
    IAPWS-IF97 region 4, saturation-pressure equation (eq. 30).

    References
    ----------
    IAPWS R7-97(2012), section 8.1, table 35.

    Examples
    --------
    >>> from greenchain import Q_
    >>> round(float(saturation_pressure(Q_(300, "K")).m), 10)
    0.0035365894
    >>> round(float(saturation_pressure(100).m_as("kPa")), 3)
    101.418
    """
    t = _kelvin(temperature, "temperature")
    _check_temperature(t, "temperature", saturation=True)
    (p,) = _iapws_map(lambda tv: (_if97._PSat_T(tv),), {"temperature": t}, (float,))
    return Q_(p, "MPa")


def saturation_properties(
    pressure: QuantityLike | None = None, *, temperature: QuantityLike | None = None
) -> SaturationState:
    """Saturated liquid and vapour properties, from a pressure or a temperature.

    Parameters
    ----------
    pressure : numeric or Quantity [MPa], optional
        Absolute saturation pressure.
    temperature : numeric or Quantity [degC], optional
        Saturation temperature. Give exactly one of the two.

    Returns
    -------
    SaturationState
        Including the latent heat of vaporisation ``h_g - h_f``.

    Examples
    --------
    >>> s = saturation_properties(0.101325)
    >>> round(float(s.latent_heat.m_as("kJ/kg")), 1)
    2256.5
    """
    if pressure is not None and temperature is None:
        value = _pressure(pressure, "pressure")
        _check_pressure(value, "pressure", saturation=True)
        name = "pressure"

        def call(v: float, x: float) -> Any:
            return IAPWS97(P=v, x=x)

    elif temperature is not None and pressure is None:
        value = _kelvin(temperature, "temperature")
        _check_temperature(value, "temperature", saturation=True)
        name = "temperature"

        def call(v: float, x: float) -> Any:
            return IAPWS97(T=v, x=x)

    else:
        raise InputError(
            "give exactly one of pressure or temperature", field="pressure, temperature"
        )

    def one(v: float) -> tuple[float, ...]:
        liq = _solved(call(v, 0.0), name)
        vap = _solved(call(v, 1.0), name)
        return (liq.P, liq.T, liq.h, vap.h, liq.s, vap.s, liq.rho, vap.rho)

    o = _iapws_map(one, {name: value}, (float,) * 8)
    return SaturationState(
        pressure=Q_(o[0], "MPa"),
        temperature=Q_(o[1], "K"),
        liquid_enthalpy=Q_(o[2], "kJ/kg"),
        vapour_enthalpy=Q_(o[3], "kJ/kg"),
        latent_heat=Q_(o[3] - o[2], "kJ/kg"),
        liquid_entropy=Q_(o[4], "kJ/(kg*K)"),
        vapour_entropy=Q_(o[5], "kJ/(kg*K)"),
        liquid_density=Q_(o[6], "kg/m^3"),
        vapour_density=Q_(o[7], "kg/m^3"),
    )


def _liquid_state(
    temperature_k: np.ndarray, pressure_mpa: np.ndarray | None, name: str
) -> tuple[np.ndarray, ...]:
    """Enthalpy [kJ/kg] and density [kg/m3] of liquid water (vectorised)."""
    if pressure_mpa is None:
        _check_temperature(temperature_k, name, saturation=True)

        def one(tv: float) -> tuple[float, float]:
            st = _solved(IAPWS97(T=tv, x=0.0), name)
            return st.h, st.rho

        return _iapws_map(one, {name: temperature_k}, (float, float))
    _check_temperature(temperature_k, name)
    _check_pressure(pressure_mpa, "pressure")

    def one_pt(tv: float, pv: float) -> tuple[float, float]:
        st = _solved(IAPWS97(P=pv, T=tv), f"{name}, pressure")
        if st.region not in (1, 4) and not (st.region == 3 and st.rho > RHO_CRIT):
            # region 3 denser than the critical density is liquid-like
            raise OutOfRangeError(f"water is not liquid at {tv:g} K and {pv:g} MPa", field=name)
        return st.h, st.rho

    return _iapws_map(one_pt, {name: temperature_k, "pressure": pressure_mpa}, (float, float))


def liquid_enthalpy(
    temperature: QuantityLike, pressure: QuantityLike | None = None
) -> pint.Quantity:
    """Specific enthalpy of liquid water (IAPWS-IF97).

    Parameters
    ----------
    temperature : numeric or Quantity [degC]
        Water temperature.
    pressure : numeric or Quantity [MPa], optional
        Absolute pressure. If omitted, the saturated liquid at ``temperature``
        is used (the usual approximation for condensate, feedwater, dye liquor
        and wastewater: pressure changes enthalpy of a liquid by about
        v*dp, 1 kJ/kg per MPa).

    Returns
    -------
    Quantity [kJ/kg]

    Raises
    ------
    OutOfRangeError
        If the state is not liquid or is outside IAPWS-IF97.

    Examples
    --------
    >>> round(float(liquid_enthalpy(20).m), 2)
    83.92
    >>> round(float(liquid_enthalpy(20, pressure=3).m), 2)
    86.7
    """
    t = _kelvin(temperature, "temperature")
    p = None if pressure is None else _pressure(pressure, "pressure")
    h, _ = _liquid_state(t, p, "temperature")
    return Q_(h, "kJ/kg")


def liquid_density(
    temperature: QuantityLike, pressure: QuantityLike | None = None
) -> pint.Quantity:
    """Density of liquid water (IAPWS-IF97); saturated liquid if no pressure is given.

    Parameters
    ----------
    temperature : numeric or Quantity [degC]
        Water temperature.
    pressure : numeric or Quantity [MPa], optional
        Absolute pressure; the saturated liquid at ``temperature`` if omitted.

    Returns
    -------
    Quantity [kg/m^3]

    Examples
    --------
    >>> round(float(liquid_density(20).m), 1)
    998.2
    """
    t = _kelvin(temperature, "temperature")
    p = None if pressure is None else _pressure(pressure, "pressure")
    _, rho = _liquid_state(t, p, "temperature")
    return Q_(rho, "kg/m^3")


def _dry_air(
    temperature: QuantityLike, pressure: QuantityLike | None, attribute: str
) -> np.ndarray:
    """One property of dry air (``"h"`` [kJ/kg] or ``"rho"`` [kg/m3]), vectorised."""
    t = _kelvin(temperature, "temperature")
    check_range(t, "temperature", low=AIR_T_MIN_K, high=AIR_T_MAX_K, unit="K")
    if pressure is None:
        p = np.asarray(STANDARD_ATMOSPHERE_MPA)
    else:
        p = _pressure(pressure, "pressure")
        check_range(p, "pressure", low=0.0, low_inclusive=False, unit="MPa")

    def one(tv: float, pv: float) -> tuple[float]:
        return (getattr(_solved(Air(T=tv, P=pv), "temperature, pressure"), attribute),)

    (value,) = _iapws_map(one, {"temperature": t, "pressure": p}, (float,))
    return value


def dry_air_enthalpy(
    temperature: QuantityLike, pressure: QuantityLike | None = None
) -> pint.Quantity:
    """Specific enthalpy of dry air (Lemmon et al. 2000 equation of state, via iapws).

    Only differences of this enthalpy are meaningful (the reference state is
    that of iapws' ``Air`` class).

    Parameters
    ----------
    temperature : numeric or Quantity [degC]
        60 K to 2000 K.
    pressure : numeric or Quantity [MPa], optional
        Absolute pressure; the standard atmosphere (0.101325 MPa) if omitted.

    Returns
    -------
    Quantity [kJ/kg]

    References
    ----------
    E. W. Lemmon, R. T. Jacobsen, S. G. Penoncello, D. G. Friend, Thermodynamic
    properties of air and mixtures of nitrogen, argon and oxygen from 60 to
    2000 K at pressures to 2000 MPa, J. Phys. Chem. Ref. Data 29 (2000) 331,
    doi:10.1063/1.1285884.

    Examples
    --------
    >>> dh = dry_air_enthalpy(150) - dry_air_enthalpy(25)
    >>> round(float(dh.m_as("kJ/kg")), 1)
    126.3
    """
    return Q_(_dry_air(temperature, pressure, "h"), "kJ/kg")


def dry_air_density(
    temperature: QuantityLike, pressure: QuantityLike | None = None
) -> pint.Quantity:
    """Density of dry air (Lemmon et al. 2000 equation of state, via iapws).

    Parameters
    ----------
    temperature : numeric or Quantity [degC]
        60 K to 2000 K.
    pressure : numeric or Quantity [MPa], optional
        Absolute pressure; the standard atmosphere (0.101325 MPa) if omitted.

    Returns
    -------
    Quantity [kg/m^3]

    References
    ----------
    Lemmon et al. (2000), doi:10.1063/1.1285884 (``iapws.humidAir.Air``).

    Examples
    --------
    >>> round(float(dry_air_density(0).m), 4)
    1.2931
    """
    return Q_(_dry_air(temperature, pressure, "rho"), "kg/m^3")


def gauge_to_absolute(
    pressure: QuantityLike, atmospheric_pressure: QuantityLike | None = None
) -> pint.Quantity:
    """Convert a gauge pressure (psig, 表压) to an absolute pressure.

    Parameters
    ----------
    pressure : numeric or Quantity [MPa]
        Gauge pressure (pint has no ``psig`` unit: pass ``Q_(150, "psi")``).
    atmospheric_pressure : numeric or Quantity [MPa], optional
        Local atmospheric pressure; the standard atmosphere 101.325 kPa if omitted.

    Returns
    -------
    Quantity [MPa]
        Absolute pressure.

    Examples
    --------
    >>> from greenchain import Q_
    >>> round(float(gauge_to_absolute(Q_(100, "psi")).m), 6)
    0.790801
    >>> float(gauge_to_absolute(1.0).m)
    1.101325
    """
    p = _pressure(pressure, "pressure")
    atm = (
        np.asarray(STANDARD_ATMOSPHERE_MPA)
        if atmospheric_pressure is None
        else _pressure(atmospheric_pressure, "atmospheric_pressure")
    )
    check_range(atm, "atmospheric_pressure", low=0.0, low_inclusive=False, unit="MPa")
    absolute = p + atm
    check_range(absolute, "pressure", low=0.0, unit="MPa (absolute)")
    return Q_(absolute, "MPa")
