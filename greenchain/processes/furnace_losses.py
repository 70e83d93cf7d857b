"""Furnace and kiln heat losses after US DOE MEASUR (PHAST): fixtures, leakage, gases, cooling.

Plain vectorised functions for the loss terms of a fuel-fired furnace or kiln heat
balance that :mod:`greenchain.processes.kilns` does not already hold (walls and
openings are there):

* :func:`fixture_loss`: kiln cars, setters, trays, rollers and conveyors heated with
  the load;
* :func:`leakage_loss`: hot gases exfiltrating through openings under furnace draft;
* :func:`atmosphere_loss`: a protective or process atmosphere heated through the
  furnace;
* :func:`gas_cooling_loss`, :func:`liquid_cooling_loss` and
  :func:`water_cooling_loss`: heat carried away by cooling air, oil, glycol or water;
* :func:`circular_opening_view_factor`, :func:`rectangular_opening_view_factor` and
  :func:`opening_radiation_loss`: radiation through an opening with the view factor
  computed from its geometry.

Plain numbers are read in SI (kg/h, m³/h, kJ/(kg K), degC, m); MEASUR's imperial
inputs (lb/h, scfm, gpm, Btu/(lb °F), degF, inches) are accepted as pint Quantities
and converted once at the boundary. Every loss is returned in kW; ``.to("Btu/h")``
gives MEASUR's unit.

Examples
--------
>>> from greenchain import Q_
>>> print(fixture_loss(Q_(1250, "lb/h"), Q_(0.122, "Btu/lb/delta_degF"),
...                    Q_(300, "degF"), Q_(1800, "degF")).to("Btu/h"))
228750.0... Btu/h
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pint

from greenchain.data.tables import parse_number, read_table
from greenchain.errors import DataError, InputError, OutOfRangeError
from greenchain.processes._common import to_degF
from greenchain.processes.kilns import opening_loss
from greenchain.units import Q_, QuantityLike, magnitude, nonnegative, temperature

__all__ = [
    "fixture_loss",
    "leakage_loss",
    "atmosphere_loss",
    "gas_cooling_loss",
    "liquid_cooling_loss",
    "water_cooling_loss",
    "circular_opening_view_factor",
    "rectangular_opening_view_factor",
    "opening_radiation_loss",
]

# Leakage (exfiltration) correlation of PHAST, AMO-Tools-Suite src/calculator/losses/LeakageLosses.cpp:
# orifice flow 1655 cfh per ft^2 ... (144 in^2/ft^2) per sqrt(inWC), standard state 520 degR, and the
# mean specific heat of flue gases cp = 0.2371 - 9e-6 T + 7e-8 T^2 - 3e-11 T^3 [Btu/(lb F)], T in degF,
# times 0.0793 lb/scf (flue-gas density at the standard state).
_LEAKAGE_ORIFICE = 1655.0
_SQIN_PER_SQFT = 144.0  # in^2 per ft^2 (exact)
_STANDARD_RANKINE = 520.0  # MEASUR's standard state, 60 degF in degR (460 + 60)
_RANKINE_OFFSET = 460.0  # degF -> degR as PHAST rounds it
_LEAKAGE_CP = (0.2371, -9e-6, 7e-8, -3e-11)
_LEAKAGE_DENSITY = 0.0793

# Water density correlation used by MEASUR (WaterCoolingLosses.cpp), the Tilton-Taylor form
# rho = 1000 (1 - (T + 288.9414) / (508929.2 (T + 68.12963)) (T - 3.9863)^2) kg/m^3, T in degC,
# and water's specific heat taken as 1 Btu/(lb F) (the Btu's defining property of water).
_WATER_DENSITY = (288.9414, 508929.2, 68.12963, 3.9863)
_WATER_CP = Q_(1.0, "Btu/lb/delta_degF")

# View-factor clamps of MEASUR's calculateViewFactor (OpeningLosses.cpp): ratios at or above 6
# use the curve at 6, ratios below 0.1 scale the curve at 0.1 linearly to 0.
_RATIO_MAX = 6.0
_RATIO_MIN = 0.1


def _delta(inlet: QuantityLike, outlet: QuantityLike, names: tuple[str, str]) -> np.ndarray:
    """Temperature rise ``outlet - inlet`` [K] of absolute temperatures (plain numbers in degC)."""
    return temperature(outlet, "degC", names[1]) - temperature(inlet, "degC", names[0])


def _kw(values: np.ndarray) -> pint.Quantity:
    return Q_(values, "kW")


def _stream_cooling_loss(
    flow_rate: QuantityLike,
    inlet_temperature: QuantityLike,
    outlet_temperature: QuantityLike,
    specific_heat: QuantityLike,
    density: QuantityLike,
    correction_factor: QuantityLike,
) -> pint.Quantity:
    """Heat carried off by a cooling stream: Q = V rho cp (T_out - T_in) k (gas or liquid)."""
    v = nonnegative(flow_rate, "m^3/h", "flow_rate")
    cp = nonnegative(specific_heat, "kJ/kg/K", "specific_heat")
    rho = nonnegative(density, "kg/m^3", "density")
    k = nonnegative(correction_factor, "", "correction_factor")
    dt = _delta(inlet_temperature, outlet_temperature, ("inlet_temperature", "outlet_temperature"))
    return _kw(v * rho * cp * dt * k / 3600.0)


# ----------------------------------------------------------------------------- load-like terms
def fixture_loss(
    feed_rate: QuantityLike,
    specific_heat: QuantityLike,
    initial_temperature: QuantityLike,
    final_temperature: QuantityLike,
    correction_factor: QuantityLike = 1.0,
) -> pint.Quantity:
    """Heat taken by fixtures (kiln cars, setters, trays, rollers, conveyor belts) (PHAST).

    Parameters
    ----------
    feed_rate : float, array-like or Quantity
        Mass of fixtures passing through the kiln [kg/h]; ``Q_(1250, "lb/h")`` is accepted.
    specific_heat : float, array-like or Quantity
        Mean specific heat of the fixture material [kJ/kg/K].
    initial_temperature : float, array-like or Quantity
        Temperature of the fixtures entering [degC].
    final_temperature : float, array-like or Quantity
        Temperature of the fixtures leaving (or at their hottest) [degC].
    correction_factor : float, array-like or Quantity, default 1.0
        MEASUR's correction factor [dimensionless], >= 0.

    Returns
    -------
    Quantity
        Heat loss [kW]; negative if the fixtures leave colder than they enter.

    Notes
    -----
    .. math:: Q = \\dot m\\,c_p\\,(T_f - T_i)\\,k

    References
    ----------
    US DOE MEASUR (PHAST), AMO-Tools-Suite ``src/calculator/losses/FixtureLosses.cpp``;
    tests ``tests/cpp/FixtureLosses.unit.cpp``. US DOE, *Process Heating Assessment and
    Survey Tool (PHAST) user manual*, fixture losses.

    Examples
    --------
    >>> print(fixture_loss(500, 0.5, 20, 1200))
    81.944... kW
    """
    m = nonnegative(feed_rate, "kg/h", "feed_rate")
    cp = nonnegative(specific_heat, "kJ/kg/K", "specific_heat")
    k = nonnegative(correction_factor, "", "correction_factor")
    dt = _delta(
        initial_temperature, final_temperature, ("initial_temperature", "final_temperature")
    )
    return _kw(m * cp * dt * k / 3600.0)


def atmosphere_loss(
    flow_rate: QuantityLike,
    specific_heat: QuantityLike,
    inlet_temperature: QuantityLike,
    outlet_temperature: QuantityLike,
    correction_factor: QuantityLike = 1.0,
) -> pint.Quantity:
    """Heat carried out by a furnace atmosphere (protective or process gas) (PHAST).

    Parameters
    ----------
    flow_rate : float, array-like or Quantity
        Atmosphere gas flow at standard conditions [m^3/h]; MEASUR's ``scf/h`` is accepted.
    specific_heat : float, array-like or Quantity
        Volumetric specific heat of the gas at the same standard conditions [kJ/m^3/K];
        MEASUR's ``Btu/scf/delta_degF`` is accepted.
    inlet_temperature : float, array-like or Quantity
        Temperature of the gas entering the furnace [degC].
    outlet_temperature : float, array-like or Quantity
        Temperature of the gas leaving [degC].
    correction_factor : float, array-like or Quantity, default 1.0
        MEASUR's correction factor [dimensionless], >= 0.

    Returns
    -------
    Quantity
        Heat loss [kW].

    Notes
    -----
    .. math:: Q = \\dot V\\,c_v\\,(T_{out} - T_{in})\\,k

    References
    ----------
    US DOE MEASUR (PHAST), AMO-Tools-Suite ``src/calculator/losses/Atmosphere.cpp``; tests
    ``tests/cpp/Atmosphere.unit.cpp``. US DOE PHAST user manual, atmosphere losses.

    Examples
    --------
    >>> from greenchain import Q_
    >>> print(atmosphere_loss(Q_(1200, "scf/h"), Q_(0.02, "Btu/scf/delta_degF"),
    ...                       Q_(100, "degF"), Q_(1400, "degF")).to("Btu/h"))
    31200.0... Btu/h
    """
    v = nonnegative(flow_rate, "m^3/h", "flow_rate")
    cv = nonnegative(specific_heat, "kJ/m^3/K", "specific_heat")
    k = nonnegative(correction_factor, "", "correction_factor")
    dt = _delta(inlet_temperature, outlet_temperature, ("inlet_temperature", "outlet_temperature"))
    return _kw(v * cv * dt * k / 3600.0)


def gas_cooling_loss(
    flow_rate: QuantityLike,
    inlet_temperature: QuantityLike,
    outlet_temperature: QuantityLike,
    *,
    specific_heat: QuantityLike,
    density: QuantityLike,
    correction_factor: QuantityLike = 1.0,
) -> pint.Quantity:
    """Heat removed by cooling air or another cooling gas blown through the furnace (PHAST).

    Parameters
    ----------
    flow_rate : float, array-like or Quantity
        Cooling-gas flow [m^3/h] at the state where ``density`` holds; ``Q_(2500, "scf/min")``
        is accepted.
    inlet_temperature : float, array-like or Quantity
        Temperature of the gas entering [degC].
    outlet_temperature : float, array-like or Quantity
        Temperature of the gas leaving [degC].
    specific_heat : float, array-like or Quantity
        Specific heat of the gas [kJ/kg/K].
    density : float, array-like or Quantity
        Density of the gas at the state of ``flow_rate`` [kg/m^3].
    correction_factor : float, array-like or Quantity, default 1.0
        MEASUR's correction factor [dimensionless], >= 0.

    Returns
    -------
    Quantity
        Heat loss [kW].

    Notes
    -----
    .. math:: Q = \\dot V\\,\\rho\\,c_p\\,(T_{out} - T_{in})\\,k

    MEASUR writes :math:`Q = 60\\,\\dot V_{scfm}\\,\\rho\\,c_p\\,\\Delta T\\,k`; its tests give
    :math:`\\rho = 1` and :math:`c_p = 0.02`, i.e. a volumetric heat capacity of
    0.02 Btu/(scf °F), reproduced here with ``density=Q_(1, "lb/ft^3")`` and
    ``specific_heat=Q_(0.02, "Btu/lb/delta_degF")``.

    References
    ----------
    US DOE MEASUR (PHAST), AMO-Tools-Suite ``src/calculator/losses/GasCoolingLosses.cpp``;
    tests ``tests/cpp/GasCoolingLosses.unit.cpp``. US DOE PHAST user manual, cooling losses.

    Examples
    --------
    >>> print(gas_cooling_loss(20000, 30, 180, specific_heat=1.006, density=1.16))
    972.46... kW
    """
    return _stream_cooling_loss(
        flow_rate, inlet_temperature, outlet_temperature, specific_heat, density, correction_factor
    )


def liquid_cooling_loss(
    flow_rate: QuantityLike,
    inlet_temperature: QuantityLike,
    outlet_temperature: QuantityLike,
    *,
    specific_heat: QuantityLike,
    density: QuantityLike,
    correction_factor: QuantityLike = 1.0,
) -> pint.Quantity:
    """Heat removed by a cooling liquid other than water (oil, ethylene glycol) (PHAST).

    Parameters
    ----------
    flow_rate : float, array-like or Quantity
        Liquid flow [m^3/h]; ``Q_(100, "gal/min")`` is accepted.
    inlet_temperature : float, array-like or Quantity
        Temperature of the liquid entering [degC].
    outlet_temperature : float, array-like or Quantity
        Temperature of the liquid leaving [degC].
    specific_heat : float, array-like or Quantity
        Specific heat of the liquid [kJ/kg/K].
    density : float, array-like or Quantity
        Density of the liquid [kg/m^3]; ``Q_(9.35, "lb/gal")`` is accepted.
    correction_factor : float, array-like or Quantity, default 1.0
        MEASUR's correction factor [dimensionless], >= 0.

    Returns
    -------
    Quantity
        Heat loss [kW].

    Notes
    -----
    .. math:: Q = \\dot V\\,\\rho\\,c_p\\,(T_{out} - T_{in})\\,k

    (MEASUR: :math:`60\\,\\dot V_{gpm}\\,\\rho_{lb/gal}\\,c_p\\,\\Delta T\\,k`.)

    References
    ----------
    US DOE MEASUR (PHAST), AMO-Tools-Suite ``src/calculator/losses/LiquidCoolingLosses.cpp``;
    tests ``tests/cpp/LiquidCoolingLosses.unit.cpp``. US DOE PHAST user manual.

    Examples
    --------
    >>> from greenchain import Q_
    >>> print(liquid_cooling_loss(Q_(100, "gal/min"), Q_(80, "degF"), Q_(210, "degF"),
    ...       specific_heat=Q_(0.52, "Btu/lb/delta_degF"), density=Q_(9.35, "lb/gal")
    ...       ).to("Btu/h"))
    3792360.0... Btu/h
    """
    return _stream_cooling_loss(
        flow_rate, inlet_temperature, outlet_temperature, specific_heat, density, correction_factor
    )


def water_cooling_loss(
    flow_rate: QuantityLike,
    inlet_temperature: QuantityLike,
    outlet_temperature: QuantityLike,
    correction_factor: QuantityLike = 1.0,
) -> pint.Quantity:
    """Heat removed by cooling water (doors, burner blocks, rolls, kiln-car bearings) (PHAST).

    Parameters
    ----------
    flow_rate : float, array-like or Quantity
        Water flow [m^3/h]; ``Q_(100, "gal/min")`` is accepted.
    inlet_temperature : float, array-like or Quantity
        Water inlet temperature [degC], between 0 and 100 degC.
    outlet_temperature : float, array-like or Quantity
        Water outlet temperature [degC], between 0 and 100 degC.
    correction_factor : float, array-like or Quantity, default 1.0
        MEASUR's correction factor [dimensionless], >= 0.

    Returns
    -------
    Quantity
        Heat loss [kW].

    Raises
    ------
    OutOfRangeError
        If a water temperature is outside 0-100 degC (liquid water at 1 atm).

    Notes
    -----
    With :math:`\\bar T` the mean water temperature in degC, MEASUR's density is the
    Tilton-Taylor correlation

    .. math::

        \\rho = 1000\\left[1 - \\frac{\\bar T + 288.9414}{508929.2\\,(\\bar T + 68.12963)}
                (\\bar T - 3.9863)^2\\right]

    and :math:`Q = \\dot V\\,\\rho\\,c_p\\,(T_{out} - T_{in})\\,k` with
    :math:`c_p = 1` Btu/(lb °F) = 4.1868 kJ/(kg K).

    References
    ----------
    US DOE MEASUR (PHAST), AMO-Tools-Suite ``src/calculator/losses/WaterCoolingLosses.cpp``;
    tests ``tests/cpp/WaterCoolingLosses.unit.cpp``. Tilton, L. W. and Taylor, J. K.,
    *Accurate representation of the refractivity and density of distilled water as a
    function of temperature*, J. Res. NBS 18 (1937) 205-214.

    Examples
    --------
    >>> from greenchain import Q_
    >>> print(water_cooling_loss(Q_(100, "gal/min"), Q_(80, "degF"), Q_(120, "degF")
    ...       ).to("Btu/h"))
    1989033.85... Btu/h
    """
    v = nonnegative(flow_rate, "m^3/h", "flow_rate")
    k = nonnegative(correction_factor, "", "correction_factor")
    t_in = temperature(inlet_temperature, "degC", "inlet_temperature")
    t_out = temperature(outlet_temperature, "degC", "outlet_temperature")
    for name, t in (("inlet_temperature", t_in), ("outlet_temperature", t_out)):
        if np.any((t < 0) | (t > 100)):
            raise OutOfRangeError("liquid water expected, between 0 and 100 degC", field=name)
    mean = (t_in + t_out) / 2.0
    a, b, c, d = _WATER_DENSITY
    rho = 1000.0 * (1.0 - (mean + a) / (b * (mean + c)) * (mean - d) ** 2)
    cp = _WATER_CP.m_as("kJ/kg/K")
    return _kw(v * rho * cp * (t_out - t_in) * k / 3600.0)


# ----------------------------------------------------------------------------- leakage
def leakage_loss(
    opening_area: QuantityLike,
    draft_pressure: QuantityLike,
    gas_temperature: QuantityLike,
    ambient_temperature: QuantityLike,
    *,
    discharge_coefficient: QuantityLike,
    specific_gravity: QuantityLike,
    correction_factor: QuantityLike = 1.0,
) -> pint.Quantity:
    """Heat carried out by furnace gases leaking (exfiltrating) through openings (PHAST).

    Parameters
    ----------
    opening_area : float, array-like or Quantity
        Total area of the leaking openings [m^2]; ``Q_(3, "ft^2")`` is accepted.
    draft_pressure : float, array-like or Quantity
        Furnace pressure above ambient at the openings [Pa]; ``Q_(0.1, "inH2O")`` is accepted.
    gas_temperature : float, array-like or Quantity
        Temperature of the leaking gas [degC].
    ambient_temperature : float, array-like or Quantity
        Ambient temperature [degC].
    discharge_coefficient : float, array-like or Quantity
        Flow (discharge) coefficient of the openings [dimensionless], between 0 and 1
        (MEASUR's example uses 0.8052).
    specific_gravity : float, array-like or Quantity
        Specific gravity of the furnace gas relative to air [dimensionless], > 0.
    correction_factor : float, array-like or Quantity, default 1.0
        MEASUR's correction factor [dimensionless], >= 0.

    Returns
    -------
    Quantity
        Heat loss [kW].

    Notes
    -----
    In MEASUR's units (A in ft², Δp in inWC, T in °F):

    .. math::

        \\dot V = 1655\\,C_d\\,(144\\,A)\\sqrt{\\Delta p / SG}
                  \\sqrt{\\frac{520}{460 + T_g}} \\quad [\\mathrm{scf/h}]

        \\bar T = (T_a + T_g)/2, \\qquad
        c_p = 0.2371 - 9\\times10^{-6}\\bar T + 7\\times10^{-8}\\bar T^2
              - 3\\times10^{-11}\\bar T^3

        Q = 0.0793\\,c_p\\,\\dot V\\,(T_g - T_a)\\,k \\quad [\\mathrm{Btu/h}]

    The correction factor multiplies MEASUR's result as in the other PHAST losses
    (MEASUR stores it but its ``getExfiltratedGasesHeatContent`` does not apply it; its
    tests use 1.0).

    References
    ----------
    US DOE MEASUR (PHAST), AMO-Tools-Suite ``src/calculator/losses/LeakageLosses.cpp``;
    tests ``tests/cpp/LeakageLosses.unit.cpp``. US DOE PHAST user manual, leakage losses.

    Examples
    --------
    >>> from greenchain import Q_
    >>> q = leakage_loss(Q_(3, "ft^2"), Q_(0.1, "inH2O"), Q_(1600, "degF"), Q_(80, "degF"),
    ...                  discharge_coefficient=0.8052, specific_gravity=1.02)
    >>> print(q.to("Btu/h"))
    2850767.21... Btu/h
    """
    area = nonnegative(opening_area, "ft^2", "opening_area")
    dp = nonnegative(draft_pressure, "inH2O", "draft_pressure")
    tg = to_degF(gas_temperature, "gas_temperature")
    ta = to_degF(ambient_temperature, "ambient_temperature")
    cd = nonnegative(discharge_coefficient, "", "discharge_coefficient")
    if np.any(cd > 1):
        raise OutOfRangeError("must be between 0 and 1", field="discharge_coefficient")
    sg = nonnegative(specific_gravity, "", "specific_gravity")
    if np.any(sg <= 0):
        raise OutOfRangeError("must be > 0", field="specific_gravity")
    k = nonnegative(correction_factor, "", "correction_factor")
    cfh = _LEAKAGE_ORIFICE * cd * (area * _SQIN_PER_SQFT) * np.sqrt(dp / sg)
    scfh = cfh * np.sqrt(_STANDARD_RANKINE / (_RANKINE_OFFSET + tg))
    mean = (ta + tg) / 2.0
    c0, c1, c2, c3 = _LEAKAGE_CP
    cp = c0 + c1 * mean + c2 * mean**2 + c3 * mean**3
    q = _LEAKAGE_DENSITY * cp * scfh * (tg - ta) * k
    return Q_(Q_(q, "Btu/h").m_as("kW"), "kW")


# ----------------------------------------------------------------------------- view factors
@cache
def _view_factor_curves() -> dict[int, tuple[float, ...]]:
    out: dict[int, tuple[float, ...]] = {}
    for row in read_table("opening_view_factor_amo.csv"):
        coefficients = []
        for column in ("c0", "c1", "c2", "c3", "c4", "c5"):
            value = parse_number(row[column])
            if value is None:
                raise DataError(
                    f"opening_view_factor_amo.csv: curve {row['curve']} has no {column}"
                )
            coefficients.append(value)
        out[int(row["curve"])] = tuple(coefficients)
    return out


def _curve(number: int, ratio: np.ndarray) -> np.ndarray:
    c = _view_factor_curves()[number]
    return np.asarray(sum(ci * ratio**i for i, ci in enumerate(c)), dtype=float) / 100.0


def _thickness_ratio(size: np.ndarray, thickness: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(thickness > 0, size / np.where(thickness > 0, thickness, 1.0), _RATIO_MAX)


def circular_opening_view_factor(
    diameter: QuantityLike, wall_thickness: QuantityLike
) -> pint.Quantity:
    """View factor of a round opening through a furnace wall, from its geometry (PHAST).

    Parameters
    ----------
    diameter : float, array-like or Quantity
        Diameter of the opening [m], > 0.
    wall_thickness : float, array-like or Quantity
        Thickness of the wall (the opening's depth) [m], >= 0; 0 is a hole in a thin
        sheet.

    Returns
    -------
    Quantity
        View factor [dimensionless], for :func:`greenchain.processes.kilns.opening_loss`.

    Notes
    -----
    With :math:`r = D/t`: :math:`F = f_2(6)` for :math:`r \\ge 6` (or :math:`t = 0`),
    :math:`f_2(r)` for :math:`1 \\le r < 6`, :math:`f_1(r)` for :math:`0.1 \\le r < 1`
    and :math:`f_1(0.1)\\,r/0.1` below, where :math:`f_1, f_2` are MEASUR's fitted
    polynomials (``factors/opening_view_factor_amo.csv``, curves 1 and 2).

    References
    ----------
    US DOE MEASUR (PHAST), AMO-Tools-Suite ``src/calculator/losses/OpeningLosses.cpp``
    (``calculateViewFactor``) and ``include/calculator/losses/OpeningLosses.h``
    (``viewFactorEquations``), fitted to the view-factor charts of the PHAST user manual
    (after Hottel's radiation charts); tests ``tests/cpp/OpeningLosses.unit.cpp``.

    Examples
    --------
    >>> from greenchain import Q_
    >>> print(circular_opening_view_factor(Q_(5, "in"), Q_(3, "in")))
    0.62451989...
    """
    d = nonnegative(diameter, "m", "diameter")
    if np.any(d <= 0):
        raise OutOfRangeError("must be > 0", field="diameter")
    t = nonnegative(wall_thickness, "m", "wall_thickness")
    r = np.minimum(_thickness_ratio(d, t), _RATIO_MAX)
    low = _curve(1, np.asarray(_RATIO_MIN)) * r / _RATIO_MIN
    vf = np.where(r < _RATIO_MIN, low, np.where(r < 1, _curve(1, r), _curve(2, r)))
    return Q_(vf, "")


def rectangular_opening_view_factor(
    length: QuantityLike, height: QuantityLike, wall_thickness: QuantityLike
) -> pint.Quantity:
    """View factor of a rectangular opening through a furnace wall, from its geometry (PHAST).

    Parameters
    ----------
    length : float, array-like or Quantity
        One side of the opening [m], > 0.
    height : float, array-like or Quantity
        The other side of the opening [m], > 0.
    wall_thickness : float, array-like or Quantity
        Thickness of the wall [m], >= 0.

    Returns
    -------
    Quantity
        View factor [dimensionless].

    Notes
    -----
    With :math:`s` the shorter and :math:`l` the longer side, :math:`r = s/t` (6 when
    :math:`t = 0`, capped at 6) and :math:`\\lambda = l/s`, MEASUR interpolates linearly
    in :math:`\\lambda` between its curves for :math:`\\lambda = 1, 2, 10`
    (``factors/opening_view_factor_amo.csv``: curves 3, 5, 7 for :math:`r < 1`, evaluated
    at :math:`\\max(r, 0.1)`; curves 4, 6, 8 for :math:`r \\ge 1`); beyond
    :math:`\\lambda = 10` the 10-curve is used (scaled by :math:`r/0.1` for
    :math:`r < 0.1`, as MEASUR does).

    References
    ----------
    US DOE MEASUR (PHAST), AMO-Tools-Suite ``src/calculator/losses/OpeningLosses.cpp``
    (``calculateViewFactor``) and ``include/calculator/losses/OpeningLosses.h``; tests
    ``tests/cpp/OpeningLosses.unit.cpp``.

    Examples
    --------
    >>> from greenchain import Q_
    >>> print(rectangular_opening_view_factor(Q_(10, "in"), Q_(5, "in"), Q_(2, "in")))
    0.78693359...
    """
    a = nonnegative(length, "m", "length")
    b = nonnegative(height, "m", "height")
    for name, v in (("length", a), ("height", b)):
        if np.any(v <= 0):
            raise OutOfRangeError("must be > 0", field=name)
    t = nonnegative(wall_thickness, "m", "wall_thickness")
    short = np.minimum(a, b)
    lateral = np.maximum(a, b) / short
    r = np.minimum(_thickness_ratio(short, t), _RATIO_MAX)
    thin = r < 1
    tr = np.where(thin, np.maximum(r, _RATIO_MIN), r)
    f1 = np.where(thin, _curve(3, tr), _curve(4, tr))
    f2 = np.where(thin, _curve(5, tr), _curve(6, tr))
    f10 = np.where(thin, _curve(7, tr), _curve(8, tr))
    beyond = np.where(thin, f10 * r / tr, f10)
    vf = np.where(
        lateral < 2,
        f1 + (f2 - f1) * (lateral - 1),
        np.where(lateral < 10, f2 + (f10 - f2) * (lateral - 2) / 8, beyond),
    )
    return Q_(vf, "")


def opening_radiation_loss(
    inside_temperature: QuantityLike,
    ambient_temperature: QuantityLike,
    *,
    wall_thickness: QuantityLike,
    emissivity: QuantityLike,
    diameter: QuantityLike | None = None,
    length: QuantityLike | None = None,
    height: QuantityLike | None = None,
    open_fraction: QuantityLike = 1.0,
) -> pint.Quantity:
    """Radiation through a round or rectangular opening, view factor from its geometry (PHAST).

    Parameters
    ----------
    inside_temperature : float, array-like or Quantity
        Furnace temperature at the opening [degC].
    ambient_temperature : float, array-like or Quantity
        Ambient temperature [degC].
    wall_thickness : float, array-like or Quantity
        Thickness of the wall [m].
    emissivity : float, array-like or Quantity
        Emissivity of the opening [dimensionless], between 0 and 1.
    diameter : float, array-like or Quantity, optional
        Diameter of a round opening [m]; give either this or ``length`` and ``height``.
    length : float, array-like or Quantity, optional
        One side of a rectangular opening [m].
    height : float, array-like or Quantity, optional
        The other side of a rectangular opening [m].
    open_fraction : float, array-like or Quantity, default 1.0
        Share of the time the opening is open [dimensionless], between 0 and 1.

    Returns
    -------
    Quantity
        Heat loss [kW].

    Raises
    ------
    InputError
        Unless exactly one of ``diameter`` or (``length``, ``height``) is given.

    Notes
    -----
    :math:`Q = \\varepsilon\\,\\sigma\\,[(T_i+460)^4 - (T_a+460)^4]\\,A\\,F\\,f_{open}` as in
    :func:`greenchain.processes.kilns.opening_loss`, with :math:`F` from
    :func:`circular_opening_view_factor` or :func:`rectangular_opening_view_factor`.

    References
    ----------
    US DOE MEASUR (PHAST), AMO-Tools-Suite ``src/calculator/losses/OpeningLosses.cpp``;
    tests ``tests/cpp/OpeningLosses.unit.cpp``.

    Examples
    --------
    >>> from greenchain import Q_
    >>> q = opening_radiation_loss(1100, 25, wall_thickness=0.3, emissivity=0.9,
    ...                            length=0.4, height=0.2)
    >>> print(q)
    7.3787... kW
    """
    rectangular = length is not None or height is not None
    if (diameter is None) == (not rectangular) or (
        rectangular and (length is None or height is None)
    ):
        raise InputError("give either diameter, or both length and height", field="diameter")
    if diameter is not None:
        d = magnitude(diameter, "m", "diameter")
        area = Q_(np.pi * d**2 / 4.0, "m^2")
        vf = circular_opening_view_factor(diameter, wall_thickness)
    else:
        assert length is not None and height is not None
        area = Q_(magnitude(length, "m", "length") * magnitude(height, "m", "height"), "m^2")
        vf = rectangular_opening_view_factor(length, height, wall_thickness)
    return opening_loss(
        area,
        inside_temperature,
        ambient_temperature,
        view_factor=vf,
        emissivity=emissivity,
        open_fraction=open_fraction,
    )
