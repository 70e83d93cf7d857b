"""Kilns and furnaces: surface and opening losses, an energy balance, retrofit effects.

Plain vectorised functions for roller and tunnel kilns (ceramic tiles) and other
fuel-fired furnaces:

* :func:`wall_loss` and :func:`opening_loss`, the US DOE MEASUR (PHAST) wall and
  opening correlations;
* :func:`kiln_energy_balance`, a steady-state balance of a kiln with its specific
  energy per tonne and per square metre of product, and the heat recoverable from the
  cooling zone and the flue;
* retrofit effect models (cooling-air reuse, insulation, O2 trim, pulse control) live
  in :mod:`greenchain.processes.kiln_retrofits`.

The MEASUR correlations work in US units (ft², degF, mph, Btu/h); the functions
accept any pint Quantity, convert once at the boundary and return SI Quantities.

Examples
--------
>>> from greenchain import Q_
>>> print(wall_loss(Q_(100, "m^2"), 80, 25))
71.7269... kW
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import cast

import numpy as np
import pint

from greenchain.errors import InputError, OutOfRangeError, UnitError
from greenchain.processes._common import to_degF
from greenchain.processes.combustion import excess_air_from_o2, flue_gas_loss
from greenchain.processes.waste_heat import air_sensible_heat
from greenchain.units import (
    Q_,
    QuantityLike,
    check_range,
    fraction,
    magnitude,
    nonnegative,
    read_quantity,
    temperature,
)

__all__ = [
    "wall_loss",
    "opening_loss",
    "KilnEnergyBalance",
    "kiln_energy_balance",
]

# Stefan-Boltzmann constant as PHAST uses it, 0.1713e-8 Btu/(h.ft2.degR4)
# (AMO-Tools-Suite src/calculator/losses/WallLosses.cpp and OpeningLosses.cpp).
_SIGMA_BTU = 0.1713e-8
# degF -> degR offset as PHAST rounds it (RAD_CONSTANT = 460.0 in WallLosses.h).
_RANKINE_OFFSET = 460.0
# PHAST natural-convection correlation, WallLosses.cpp (tests/cpp/WallLosses.unit.cpp).
_WALL_LENGTH_TERM = 1.0 / 24.0  # (1/24)^0.2
_WALL_LENGTH_EXPONENT = 0.2
_WALL_MEAN_EXPONENT = 0.181
_WALL_DELTA_EXPONENT = 0.266
_WALL_WIND_COEFFICIENT = 1.277  # per mph inside sqrt(1 + 1.277 v)


# ----------------------------------------------------------------------------- surface losses
def wall_loss(
    area: QuantityLike,
    surface_temperature: QuantityLike,
    ambient_temperature: QuantityLike,
    *,
    wind_speed: QuantityLike = 0,
    emissivity: QuantityLike = 0.9,
    condition_factor: QuantityLike = 1.394,
    correction_factor: QuantityLike = 1.0,
) -> pint.Quantity:
    """Heat lost by convection and radiation from a kiln's outer wall (PHAST).

    Parameters
    ----------
    area : float, array-like or Quantity
        Outer surface area [m²]; any area Quantity is accepted.
    surface_temperature : float, array-like or Quantity
        Mean measured outer-surface temperature [degC], >= ``ambient_temperature``.
    ambient_temperature : float, array-like or Quantity
        Ambient air temperature [degC].
    wind_speed : float, array-like or Quantity, default 0
        Air velocity over the surface [m/s], >= 0; ``mph`` is accepted.
    emissivity : float, array-like or Quantity, default 0.9
        Surface emissivity [dimensionless], between 0 and 1; 0.9 is MEASUR's typical
        value.
    condition_factor : float, array-like or Quantity, default 1.394
        Surface shape and orientation factor [dimensionless], > 0; 1.394 is MEASUR's
        vertical flat plate.
    correction_factor : float, array-like or Quantity, default 1.0
        Multiplier applied to the result [dimensionless], > 0.

    Returns
    -------
    Quantity
        Wall heat loss [kW].

    Raises
    ------
    OutOfRangeError
        If the surface is colder than the air, the mean of the two temperatures is
        not above 0 degF (the correlation's mean-temperature term), or a factor is out
        of range.

    Notes
    -----
    In US units (A in ft², T in degF, v in mph, Q in Btu/h):

    .. math::

        Q = \\Big[c_f \\left(\\tfrac{1}{24}\\right)^{0.2}
              \\left(\\tfrac{2}{T_a + T_s}\\right)^{0.181} (T_s - T_a)^{0.266}
              \\sqrt{1 + 1.277\\,v}\\;A\\,(T_s - T_a)
            + \\varepsilon\\,\\sigma\\,[(T_s + 460)^4 - (T_a + 460)^4]\\,A\\Big]\\,k

    with :math:`\\sigma = 0.1713\\times10^{-8}` Btu/(h ft² °R⁴).

    References
    ----------
    US DOE MEASUR (PHAST), AMO-Tools-Suite ``src/calculator/losses/WallLosses.cpp`` and
    ``include/calculator/losses/WallLosses.h``; tests in ``tests/cpp/WallLosses.unit.cpp``.

    Examples
    --------
    >>> from greenchain import Q_
    >>> print(wall_loss(Q_(1000, "ft^2"), Q_(300, "degF"), Q_(80, "degF"),
    ...                 wind_speed=Q_(5, "mph")).to("Btu/h"))
    1100136.39... Btu/h
    """
    a = Q_(nonnegative(area, "m^2", "area"), "m^2").m_as("ft^2")
    ts = to_degF(surface_temperature, "surface_temperature")
    ta = to_degF(ambient_temperature, "ambient_temperature")
    v = Q_(nonnegative(wind_speed, "m/s", "wind_speed"), "m/s").m_as("mph")
    eps = fraction(emissivity, "emissivity", low_inclusive=True)
    cf = check_range(
        magnitude(condition_factor, "", "condition_factor"),
        "condition_factor",
        low=0,
        low_inclusive=False,
    )
    corr = check_range(
        magnitude(correction_factor, "", "correction_factor"),
        "correction_factor",
        low=0,
        low_inclusive=False,
    )
    ts, ta = np.broadcast_arrays(ts, ta)
    if np.any(ts < ta):
        raise OutOfRangeError("must not be below ambient_temperature", field="surface_temperature")
    mean = (ta + ts) / 2.0
    if np.any(mean <= 0):
        raise OutOfRangeError(
            "the mean of surface and ambient temperatures must be above 0 degF for the PHAST "
            "convection correlation",
            field="ambient_temperature",
        )
    dt = ts - ta
    convection = (
        cf
        * _WALL_LENGTH_TERM**_WALL_LENGTH_EXPONENT
        * (1.0 / mean) ** _WALL_MEAN_EXPONENT
        * dt**_WALL_DELTA_EXPONENT
        * np.sqrt(1.0 + _WALL_WIND_COEFFICIENT * v)
        * a
        * dt
    )
    radiation = eps * _SIGMA_BTU * ((ts + _RANKINE_OFFSET) ** 4 - (ta + _RANKINE_OFFSET) ** 4) * a
    return Q_(Q_((convection + radiation) * corr, "Btu/h").m_as("kW"), "kW")


def opening_loss(
    area: QuantityLike,
    inside_temperature: QuantityLike,
    ambient_temperature: QuantityLike,
    *,
    view_factor: QuantityLike,
    emissivity: QuantityLike,
    open_fraction: QuantityLike = 1.0,
) -> pint.Quantity:
    """Radiation lost through an opening in a kiln or furnace wall (PHAST).

    Parameters
    ----------
    area : float, array-like or Quantity
        Area of the opening [m²]; any area Quantity is accepted.
    inside_temperature : float, array-like or Quantity
        Temperature inside the kiln at the opening [degC], >= ``ambient_temperature``.
    ambient_temperature : float, array-like or Quantity
        Ambient temperature [degC].
    view_factor : float, array-like or Quantity
        View factor of the opening through the wall thickness [dimensionless],
        between 0 and 1 (MEASUR fits it from the opening's shape and wall thickness;
        give it here).
    emissivity : float, array-like or Quantity
        Emissivity of the opening [dimensionless], between 0 and 1.
    open_fraction : float, array-like or Quantity, default 1.0
        Share of the time the opening is open [dimensionless], between 0 and 1.

    Returns
    -------
    Quantity
        Heat loss [kW]; ``.to("Btu/h")`` for MEASUR's unit.

    Notes
    -----
    In US units (A in ft², T in degF):

    .. math::

        Q = \\varepsilon\\,\\sigma\\,[(T_i + 460)^4 - (T_a + 460)^4]\\,A\\,F\\,f_{open}

    with :math:`\\sigma = 0.1713\\times10^{-8}` Btu/(h ft² °R⁴).

    References
    ----------
    US DOE MEASUR (PHAST), AMO-Tools-Suite ``src/calculator/losses/OpeningLosses.cpp``;
    ``tests/cpp/OpeningLosses.unit.cpp``.

    Examples
    --------
    MEASUR's circular opening (12 in diameter, view factor 0.70):

    >>> import math
    >>> from greenchain import Q_
    >>> q = opening_loss(Q_(math.pi / 4 * 12**2, "in^2"), Q_(1600, "degF"), Q_(75, "degF"),
    ...                  view_factor=0.70, emissivity=0.95)
    >>> print(q.to("Btu/h"))
    16038.269976... Btu/h
    """
    a = Q_(nonnegative(area, "m^2", "area"), "m^2").m_as("ft^2")
    ti = to_degF(inside_temperature, "inside_temperature")
    ta = to_degF(ambient_temperature, "ambient_temperature")
    if np.any(np.asarray(ti) < np.asarray(ta)):
        raise OutOfRangeError("must not be below ambient_temperature", field="inside_temperature")
    vf = fraction(view_factor, "view_factor", low_inclusive=True)
    eps = fraction(emissivity, "emissivity", low_inclusive=True)
    f_open = fraction(open_fraction, "open_fraction", low_inclusive=True)
    q = eps * _SIGMA_BTU * ((ti + _RANKINE_OFFSET) ** 4 - (ta + _RANKINE_OFFSET) ** 4) * a * vf
    return Q_(Q_(q * f_open, "Btu/h").m_as("kW"), "kW")


# ----------------------------------------------------------------------------- balance
@dataclass(frozen=True)
class KilnEnergyBalance:
    """Result of :func:`kiln_energy_balance` (power terms in kW).

    ``fuel_input + electricity == product_heat + flue_loss + cooling_air_loss +
    wall_loss + other`` holds to rounding. Terms that were not assessed are zero and
    their heat is part of ``other``; ``not_assessed`` names them.
    """

    fuel_input: pint.Quantity
    electricity: pint.Quantity
    total_input: pint.Quantity
    product_heat: pint.Quantity
    flue_loss: pint.Quantity
    cooling_air_loss: pint.Quantity
    wall_loss: pint.Quantity
    #: Remainder: other losses (openings, kiln cars and rollers, radiation at the ends,
    #: unassessed terms), >= 0.
    other: pint.Quantity
    #: (fuel + electricity) per tonne of product [GJ/t], calorific value of electricity.
    specific_energy_per_tonne: pint.Quantity
    specific_energy_per_tonne_kgce: pint.Quantity
    #: per square metre of product [MJ/m²] (None when no product area was given).
    specific_energy_per_m2: pint.Quantity | None
    specific_energy_per_m2_kgce: pint.Quantity | None
    #: Heat recoverable from the cooling-zone exhaust, ``cooling_air_loss * effectiveness``.
    recoverable_cooling_heat: pint.Quantity
    #: Heat recoverable from the flue, :math:`(1 - AH) Q_{fuel} \\varepsilon` (MEASUR E-1).
    recoverable_flue_heat: pint.Quantity
    not_assessed: tuple[str, ...] = field(default=())

    def terms(self) -> dict[str, pint.Quantity]:
        """The output terms of the balance, ``{name: Quantity}``."""
        return {
            "product_heat": self.product_heat,
            "flue_loss": self.flue_loss,
            "cooling_air_loss": self.cooling_air_loss,
            "wall_loss": self.wall_loss,
            "other": self.other,
        }

    def shares(self) -> dict[str, pint.Quantity]:
        """Each output term as a fraction of the total input."""
        return {name: (q / self.total_input).to("") for name, q in self.terms().items()}


def _check_route(
    direct: str, value: QuantityLike | None, parts: dict[str, QuantityLike | None]
) -> None:
    """Raise if a term is given both directly and by its parts, or by only some parts."""
    given = [name for name, v in parts.items() if v is not None]
    if value is not None and given:
        raise InputError(f"give {direct} or {' with '.join(parts)}, not both", field=direct)
    if given and len(given) < len(parts):
        missing = next(name for name, v in parts.items() if v is None)
        raise InputError(f"{' and '.join(parts)} go together; missing", field=missing)


def _fuel_power(
    fuel_input: QuantityLike | None,
    fuel_amount: QuantityLike | None,
    fuel_ncv: QuantityLike | None,
) -> np.ndarray:
    _check_route("fuel_input", fuel_input, {"fuel_amount": fuel_amount, "fuel_ncv": fuel_ncv})
    if fuel_input is not None:
        return nonnegative(fuel_input, "kW", "fuel_input")
    if fuel_amount is None or fuel_ncv is None:
        return np.asarray(0.0)
    product = _as_quantity(fuel_amount, "Nm3/h", "fuel_amount") * _as_quantity(
        fuel_ncv, "MJ/Nm3", "fuel_ncv"
    )
    if not product.check("[power]"):
        raise UnitError(
            f"fuel_amount x fuel_ncv must be a power, got {product.units:~P}", field="fuel_amount"
        )
    return magnitude(product, "kW", "fuel_amount")


def _needs_ambient(t_amb: np.ndarray | None, term: str) -> np.ndarray:
    if t_amb is None:
        raise InputError(f"the {term} needs ambient_temperature", field="ambient_temperature")
    return t_amb


def _as_quantity(value: QuantityLike, unit: str, name: str) -> pint.Quantity:
    """A non-negative Quantity (plain numbers in ``unit``), checked once."""
    value = read_quantity(value, name)
    if isinstance(value, pint.Quantity):
        given = cast(pint.Unit, value.units)
        return Q_(nonnegative(value, given, name), given)
    return Q_(nonnegative(value, unit, name), unit)


def kiln_energy_balance(
    *,
    product_mass: QuantityLike,
    fuel_input: QuantityLike | None = None,
    fuel_amount: QuantityLike | None = None,
    fuel_ncv: QuantityLike | None = None,
    electricity: QuantityLike = 0.0,
    product_area: QuantityLike | None = None,
    product_heat: QuantityLike | None = None,
    product_specific_heat: QuantityLike | None = None,
    product_temperature_rise: QuantityLike | None = None,
    flue_loss_fraction: QuantityLike | None = None,
    flue_temperature: QuantityLike | None = None,
    flue_o2: QuantityLike | None = None,
    combustion_air_temperature: QuantityLike | None = None,
    cooling_air_flow: QuantityLike | None = None,
    cooling_air_temperature: QuantityLike | None = None,
    cooling_air_specific_heat: QuantityLike | None = None,
    wall_heat_loss: QuantityLike | None = None,
    wall_area: QuantityLike | None = None,
    wall_surface_temperature: QuantityLike | None = None,
    wind_speed: QuantityLike = 0,
    emissivity: QuantityLike = 0.9,
    condition_factor: QuantityLike = 1.394,
    ambient_temperature: QuantityLike | None = None,
    recovery_effectiveness: QuantityLike = 1.0,
) -> KilnEnergyBalance:
    """Steady-state energy balance of a roller or tunnel kiln.

    All arguments are keywords and rates (per hour of operation).

    Parameters
    ----------
    product_mass : float, array-like or Quantity
        Fired product throughput [t/h], > 0.
    fuel_input : float, array-like or Quantity, optional
        Fuel energy input [kW]; or give ``fuel_amount`` and ``fuel_ncv``.
    fuel_amount : float, array-like or Quantity, optional
        Fuel flow [Nm3/h] for plain numbers; a mass flow with an NCV per kg works too.
    fuel_ncv : float, array-like or Quantity, optional
        Net calorific value of the fuel [MJ/Nm3] for plain numbers.
    electricity : float, array-like or Quantity, default 0
        Electric power of the kiln (fans, roller drives, electric heating) [kW].
    product_area : float, array-like or Quantity, optional
        Product throughput as area [m²/h]; gives the specific energy per m².
    product_heat : float, array-like or Quantity, optional
        Heat taken by the product [kW]; or give ``product_specific_heat`` and
        ``product_temperature_rise``.
    product_specific_heat : float, array-like or Quantity, optional
        Mean specific heat of the product [kJ/(kg K)].
    product_temperature_rise : float, array-like or Quantity, optional
        Temperature rise the product heat refers to [K].
    flue_loss_fraction : float, array-like or Quantity, optional
        Flue-gas loss [dimensionless], a fraction of the fuel input between 0 and 1;
        or give ``flue_temperature``
        and ``flue_o2`` (natural-gas correlation of
        :func:`greenchain.processes.combustion.flue_gas_loss`).
    flue_temperature : float, array-like or Quantity, optional
        Flue-gas temperature at the kiln exit [degC].
    flue_o2 : float, array-like or Quantity, optional
        Dry flue-gas O2 [dimensionless], a fraction or a Quantity in percent.
    combustion_air_temperature : float, array-like or Quantity, optional
        Combustion-air temperature [degC]; defaults to ``ambient_temperature``.
    cooling_air_flow : float, array-like or Quantity, optional
        Cooling-zone exhaust air flow [kg/h] for plain numbers; a normal volume flow
        (``Nm3/h``) is accepted.
    cooling_air_temperature : float, array-like or Quantity, optional
        Temperature of the cooling-zone exhaust air [degC].
    cooling_air_specific_heat : float, array-like or Quantity, optional
        Specific heat of the cooling air [kJ/(kg K)]; by default the enthalpy of dry
        air (Lemmon et al. 2000) is used.
    wall_heat_loss : float, array-like or Quantity, optional
        Wall loss [kW]; or give ``wall_area`` and ``wall_surface_temperature``
        (computed by :func:`wall_loss` with ``wind_speed``, ``emissivity`` and
        ``condition_factor``).
    wall_area : float, array-like or Quantity, optional
        Outer surface area of the kiln [m²].
    wall_surface_temperature : float, array-like or Quantity, optional
        Mean outer-surface temperature [degC].
    wind_speed : float, array-like or Quantity, default 0
        Air velocity over the wall [m/s], passed to :func:`wall_loss`.
    emissivity : float, array-like or Quantity, default 0.9
        Wall surface emissivity [dimensionless], passed to :func:`wall_loss`.
    condition_factor : float, array-like or Quantity, default 1.394
        Surface shape and orientation factor [dimensionless], passed to
        :func:`wall_loss`.
    ambient_temperature : float, array-like or Quantity, optional
        Ambient temperature [degC]; needed for the cooling-air, wall and flue terms.
    recovery_effectiveness : float, array-like or Quantity, default 1.0
        Heat-exchanger effectiveness applied to the recoverable heats
        [dimensionless], between 0 and 1; 1 gives the upper bound (all heat above
        ambient).

    Returns
    -------
    KilnEnergyBalance
        Every term [kW], the remainder ``other``, the specific energy per tonne
        ([GJ/t] and [kgce/t]) and per m² ([MJ/m²] and [kgce/m²]), and the heat
        recoverable from the cooling zone and the flue.

    Raises
    ------
    InputError
        If a term is given only in part, or the losses exceed the input
        (``other`` would be negative).

    Notes
    -----
    .. math::

        Q_{fuel} + P_{el} = Q_{product} + Q_{flue} + Q_{cool} + Q_{wall} + Q_{other}

        Q_{product} = \\dot m_p\\,c_p\\,\\Delta T, \\quad
        Q_{flue} = (1 - AH)\\,Q_{fuel}, \\quad
        Q_{cool} = \\dot m_a\\,[h(T_{cool}) - h(T_{amb})]

    The specific energy counts electricity at its calorific value (1 kWh = 3.6 MJ) and
    converts with 1 kgce = 29.3076 MJ (GB/T 2589). The PHAST flue correlation gives a
    share of the gross (HHV) input: with an NCV-based ``fuel_input`` it overstates the
    flue loss by roughly the latent heat of the water vapour, so give a measured
    ``flue_loss_fraction`` on the NCV basis where one is available.

    References
    ----------
    US DOE MEASUR (PHAST) furnace balance, AMO-Tools-Suite ``src/calculator/losses/``;
    Mezquita et al. (2014), Applied Thermal Engineering 65:102-110,
    doi:10.1016/j.applthermaleng.2014.01.002 (roller-kiln balance: more than half of
    the input leaves through the flue and cooling stacks).

    Examples
    --------
    >>> from greenchain import Q_
    >>> b = kiln_energy_balance(
    ...     product_mass=Q_(6, "t/h"), product_area=Q_(300, "m^2/h"),
    ...     fuel_amount=Q_(500, "Nm3/h"), fuel_ncv=Q_(35.6, "MJ/Nm3"), electricity=200,
    ...     product_specific_heat=1.0, product_temperature_rise=Q_(1000, "K"),
    ...     flue_temperature=200, flue_o2=Q_(8, "percent"),
    ...     cooling_air_flow=Q_(20, "t/h"), cooling_air_temperature=180,
    ...     wall_area=Q_(900, "m^2"), wall_surface_temperature=60, ambient_temperature=25)
    >>> print(b.total_input.to("kW"))
    5144.4... kW
    >>> print(b.specific_energy_per_m2_kgce)
    2.1063... kgce/m²
    """
    mass = magnitude(product_mass, "t/h", "product_mass")
    check_range(mass, "product_mass", low=0, low_inclusive=False)
    fuel = _fuel_power(fuel_input, fuel_amount, fuel_ncv)
    elec = nonnegative(electricity, "kW", "electricity")
    total = fuel + elec
    t_amb = None
    if ambient_temperature is not None:
        t_amb = temperature(ambient_temperature, "degC", "ambient_temperature")
    not_assessed: list[str] = []

    parts = {
        "product_specific_heat": product_specific_heat,
        "product_temperature_rise": product_temperature_rise,
    }
    _check_route("product_heat", product_heat, parts)
    if product_heat is not None:
        q_product = nonnegative(product_heat, "kW", "product_heat")
    elif product_specific_heat is not None and product_temperature_rise is not None:
        cp = nonnegative(product_specific_heat, "kJ/(kg*K)", "product_specific_heat")
        dt = nonnegative(product_temperature_rise, "delta_degC", "product_temperature_rise")
        q_product = mass * 1000.0 / 3600.0 * cp * dt  # t/h -> kg/s; kJ/s = kW
    else:
        raise InputError(
            "give product_heat, or product_specific_heat and product_temperature_rise",
            field="product_heat",
        )

    parts = {"flue_temperature": flue_temperature, "flue_o2": flue_o2}
    _check_route("flue_loss_fraction", flue_loss_fraction, parts)
    if flue_loss_fraction is not None:
        loss_fraction = fraction(flue_loss_fraction, "flue_loss_fraction", low_inclusive=True)
    elif flue_temperature is not None and flue_o2 is not None:
        air_t = combustion_air_temperature
        if air_t is None:
            air_t = _needs_ambient(t_amb, "flue loss (combustion_air_temperature)")
        loss_fraction = flue_gas_loss(flue_temperature, excess_air_from_o2(flue_o2), air_t).m
    else:
        loss_fraction = np.asarray(0.0)
        not_assessed.append("flue_loss")
    q_flue = loss_fraction * fuel

    parts = {
        "cooling_air_flow": cooling_air_flow,
        "cooling_air_temperature": cooling_air_temperature,
    }
    _check_route("cooling_air_loss", None, parts)
    if cooling_air_flow is None or cooling_air_temperature is None:
        q_cool = np.asarray(0.0)
        not_assessed.append("cooling_air_loss")
    elif cooling_air_specific_heat is None:
        heat = air_sensible_heat(
            cooling_air_flow, cooling_air_temperature, _needs_ambient(t_amb, "cooling-air loss")
        )
        if not heat.check("[power]"):
            raise UnitError("must be a flow (per hour)", field="cooling_air_flow")
        q_cool = heat.m_as("kW")
    else:
        flow = nonnegative(cooling_air_flow, "kg/h", "cooling_air_flow")
        cp_air = nonnegative(cooling_air_specific_heat, "kJ/(kg*K)", "cooling_air_specific_heat")
        t_cool = temperature(cooling_air_temperature, "degC", "cooling_air_temperature")
        q_cool = flow / 3600.0 * cp_air * (t_cool - _needs_ambient(t_amb, "cooling-air loss"))
    if np.any(np.asarray(q_cool) < 0):
        raise OutOfRangeError(
            "must not be below ambient_temperature", field="cooling_air_temperature"
        )

    parts = {"wall_area": wall_area, "wall_surface_temperature": wall_surface_temperature}
    _check_route("wall_heat_loss", wall_heat_loss, parts)
    if wall_heat_loss is not None:
        q_wall = nonnegative(wall_heat_loss, "kW", "wall_heat_loss")
    elif wall_area is not None and wall_surface_temperature is not None:
        q_wall = wall_loss(
            wall_area,
            wall_surface_temperature,
            _needs_ambient(t_amb, "wall loss"),
            wind_speed=wind_speed,
            emissivity=emissivity,
            condition_factor=condition_factor,
        ).m_as("kW")
    else:
        q_wall = np.asarray(0.0)
        not_assessed.append("wall_loss")

    losses = q_product + q_flue + q_cool + q_wall
    other = total - losses
    if np.any(other < -1e-9 * np.maximum(total, 1.0)):
        raise InputError(
            f"the losses ({np.asarray(losses).ravel()[0]:.6g} kW) exceed the input "
            f"({np.asarray(total).ravel()[0]:.6g} kW); check the measurements",
            field="fuel_input",
        )
    eps = fraction(recovery_effectiveness, "recovery_effectiveness", low_inclusive=True)
    per_tonne = Q_(total * 3.6 / mass, "MJ/t")  # kW / (t/h) = kJ/s * h/t = 3.6 MJ/t
    per_m2 = per_m2_kgce = None
    if product_area is not None:
        area = magnitude(product_area, "m^2/h", "product_area")
        check_range(area, "product_area", low=0, low_inclusive=False)
        per_m2 = Q_(total * 3.6 / area, "MJ/m^2")
        per_m2_kgce = per_m2.to("kgce/m^2")

    def kw(x: np.ndarray) -> pint.Quantity:
        return Q_(np.asarray(x, dtype=float) + 0.0 * total, "kW")

    return KilnEnergyBalance(
        fuel_input=kw(fuel),
        electricity=kw(elec),
        total_input=kw(total),
        product_heat=kw(q_product),
        flue_loss=kw(q_flue),
        cooling_air_loss=kw(q_cool),
        wall_loss=kw(q_wall),
        other=kw(other),
        specific_energy_per_tonne=per_tonne.to("GJ/t"),
        specific_energy_per_tonne_kgce=per_tonne.to("kgce/t"),
        specific_energy_per_m2=per_m2,
        specific_energy_per_m2_kgce=per_m2_kgce,
        recoverable_cooling_heat=kw(q_cool * eps),
        recoverable_flue_heat=kw(q_flue * eps),
        not_assessed=tuple(not_assessed),
    )
