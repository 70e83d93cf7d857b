r"""Compressed-air receiver tanks: usable capacity and sizing (general, dedicated, metered, bridging).

A receiver stores air between two pressures; the free air it can give up is
its volume times the pressure swing over atmospheric pressure (Boyle's law at
constant temperature). Sizing inverts that: the volume that delivers a given
free-air volume over an allowed pressure drop. These are the five receiver
calculators of US DOE MEASUR (``ReceiverTank`` in AMO-Tools-Suite
``src/calculator/util/CompressedAir.cpp``), reproduced in
``tests/processes/test_measur_compressed_air.py``.

SI physics is the default: volumes in m³, pressures as Quantities (plain numbers
in kPa), atmospheric pressure 101.325 kPa unless given. ``convention="measur"``
reproduces MEASUR's figures exactly: MEASUR rounds 1 ft³ to 7.48 US gallons
(exact 7.4805) and hard-codes 14.7 psia in the usable capacity; the result is
still a Quantity (in m³), so ``.to("gallon")`` gives MEASUR's number.

Examples
--------
>>> from greenchain import Q_
>>> receiver_usable_capacity(Q_(2.5, "m^3"), Q_(7.5, "bar"), Q_(6.5, "bar"))
<Quantity(2.467..., 'meter ** 3')>
"""

from __future__ import annotations

import numpy as np
import pint

from greenchain.errors import OutOfRangeError
from greenchain.processes._common import (
    MEASUR_ATMOSPHERE_PSI,
    MEASUR_GALLONS_PER_CUBIC_FOOT,
    is_measur,
)
from greenchain.units import Q_, QuantityLike, check_range, magnitude, nonnegative, quantity

__all__ = [
    "receiver_usable_capacity",
    "receiver_size_general",
    "receiver_size_dedicated_storage",
    "receiver_size_metered_storage",
    "receiver_size_bridging",
]

# Standard atmosphere, 101.325 kPa (ISO 2533; 1 atm = 101 325 Pa exactly).
_STANDARD_ATMOSPHERE_KPA = 101.325
# m³ per US gallon (231 in³ exactly) and per ft³ (0.3048³ exactly): unit definitions.
_M3_PER_GALLON = Q_(1, "gallon").m_as("m^3")
_M3_PER_FT3 = Q_(1, "ft^3").m_as("m^3")


def _measur_ft3_to_m3(cubic_feet: np.ndarray) -> np.ndarray:
    """MEASUR's gallons (7.48 per ft³) expressed in m³."""
    return cubic_feet * MEASUR_GALLONS_PER_CUBIC_FOOT * _M3_PER_GALLON


def _atmosphere(atmospheric_pressure: QuantityLike | None) -> np.ndarray:
    if atmospheric_pressure is None:
        return np.asarray(_STANDARD_ATMOSPHERE_KPA)
    return check_range(
        magnitude(atmospheric_pressure, "kPa", "atmospheric_pressure"),
        "atmospheric_pressure",
        low=0,
        low_inclusive=False,
        unit="kPa",
    )


def _drop(high: QuantityLike, low: QuantityLike, high_name: str, low_name: str) -> np.ndarray:
    """A positive pressure difference [kPa] (gauge or absolute, the same for both)."""
    d = magnitude(high, "kPa", high_name) - magnitude(low, "kPa", low_name)
    if np.any(d <= 0):
        raise OutOfRangeError(f"{high_name} must be above {low_name}", field=high_name)
    return d


def _positive_drop(value: QuantityLike, name: str) -> np.ndarray:
    return check_range(magnitude(value, "kPa", name), name, low=0, low_inclusive=False, unit="kPa")


def _volume(si_m3: np.ndarray, measur_ft3: np.ndarray, measur: bool) -> pint.Quantity:
    return quantity(_measur_ft3_to_m3(measur_ft3) if measur else si_m3, "m^3")


def receiver_usable_capacity(
    tank_volume: QuantityLike,
    inlet_pressure: QuantityLike,
    outlet_pressure: QuantityLike,
    atmospheric_pressure: QuantityLike | None = None,
    *,
    convention: str = "si",
) -> pint.Quantity:
    r"""Free air a receiver gives up between two pressures (usable capacity).

    Parameters
    ----------
    tank_volume : float, array-like or Quantity
        Receiver volume [m^3], >= 0.
    inlet_pressure : float, array-like or Quantity
        Pressure of the air entering, i.e. the full-tank pressure [kPa] (gauge
        or absolute, as long as ``outlet_pressure`` is the same kind).
    outlet_pressure : float, array-like or Quantity
        Pressure of the air leaving, the lowest usable tank pressure [kPa].
    atmospheric_pressure : float, array-like or Quantity, optional
        Absolute atmospheric pressure [kPa]; 101.325 kPa by default (MEASUR:
        always 14.7 psia).
    convention : {"si", "measur"}, default "si"
        ``"measur"`` uses MEASUR's 7.48 gal/ft³ and 14.7 psia.

    Returns
    -------
    Quantity
        Usable free-air volume [m^3] at atmospheric pressure (MEASUR: scf).

    Raises
    ------
    OutOfRangeError
        ``inlet_pressure`` not above ``outlet_pressure``.

    Notes
    -----
    .. math:: V_{free} = V\,\frac{p_{in} - p_{out}}{p_{atm}}

    MEASUR: :math:`V_{free}[scf] = (V[gal]/7.48)(p_{in} - p_{out})[psi]/14.7`.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``include/calculator/util/CompressedAir.h``
    (``ReceiverTank::calculateUsableCapacity``) and ``tests/cpp/CompressedAir.unit.cpp``
    ("ReceiverTank - Useable Air Capacity"); US DOE, *Improving Compressed Air
    System Performance: A Sourcebook for Industry*, 3rd ed. (2016), storage.

    Examples
    --------
    >>> from greenchain import Q_
    >>> receiver_usable_capacity(Q_(660, "gallon"), Q_(110, "psi"), Q_(100, "psi"),
    ...                          convention="measur").to("ft^3")
    <Quantity(60.024..., 'foot ** 3')>
    """
    measur = is_measur(convention)
    v = nonnegative(tank_volume, "m^3", "tank_volume")
    d = _drop(inlet_pressure, outlet_pressure, "inlet_pressure", "outlet_pressure")
    if measur:
        gallons = v / _M3_PER_GALLON
        d_psi = Q_(d, "kPa").m_as("psi")
        cubic_feet = (gallons / MEASUR_GALLONS_PER_CUBIC_FOOT) * d_psi / MEASUR_ATMOSPHERE_PSI
        return quantity(cubic_feet * _M3_PER_FT3, "m^3")
    return quantity(v * d / _atmosphere(atmospheric_pressure), "m^3")


def receiver_size_general(
    air_demand: QuantityLike,
    allowable_pressure_drop: QuantityLike,
    atmospheric_pressure: QuantityLike | None = None,
    *,
    convention: str = "si",
) -> pint.Quantity:
    r"""Receiver volume that supplies a free-air volume within an allowed pressure drop.

    Parameters
    ----------
    air_demand : float, array-like or Quantity
        Free air the receiver must supply [m^3] at atmospheric pressure, >= 0.
    allowable_pressure_drop : float, array-like or Quantity
        Pressure drop the system tolerates [kPa], > 0.
    atmospheric_pressure : float, array-like or Quantity, optional
        Absolute atmospheric pressure [kPa]; 101.325 kPa by default.
    convention : {"si", "measur"}, default "si"
        ``"measur"`` uses MEASUR's 7.48 gal/ft³.

    Returns
    -------
    Quantity
        Receiver volume [m^3] (MEASUR: gallons).

    Notes
    -----
    .. math:: V = V_{free}\,\frac{p_{atm}}{\Delta p}

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/util/CompressedAir.cpp``
    (``ReceiverTank::calculateSize``, General) and ``tests/cpp/CompressedAir.unit.cpp``
    ("ReceiverTank - Size Calculation"); US DOE, *Improving Compressed Air System
    Performance: A Sourcebook for Industry*, 3rd ed. (2016).

    Examples
    --------
    >>> from greenchain import Q_
    >>> receiver_size_general(Q_(150, "ft^3"), Q_(3, "psi"), Q_(14.7, "psi"),
    ...                       convention="measur").to("gallon")
    <Quantity(5497.8..., 'gallon')>
    """
    measur = is_measur(convention)
    demand = nonnegative(air_demand, "m^3", "air_demand")
    drop = _positive_drop(allowable_pressure_drop, "allowable_pressure_drop")
    ratio = _atmosphere(atmospheric_pressure) / drop
    return _volume(demand * ratio, demand / _M3_PER_FT3 * ratio, measur)


def receiver_size_dedicated_storage(
    duration: QuantityLike,
    air_flow: QuantityLike,
    initial_pressure: QuantityLike,
    final_pressure: QuantityLike,
    atmospheric_pressure: QuantityLike | None = None,
    *,
    convention: str = "si",
) -> pint.Quantity:
    r"""Receiver volume dedicated to one intermittent demand, refilled between events.

    Parameters
    ----------
    duration : float, array-like or Quantity
        Length of the demand event [min], >= 0.
    air_flow : float, array-like or Quantity
        Free-air flow the event needs [m^3/min], >= 0.
    initial_pressure : float, array-like or Quantity
        Tank pressure before the event [kPa].
    final_pressure : float, array-like or Quantity
        Lowest tank pressure at the end of the event [kPa], below
        ``initial_pressure``.
    atmospheric_pressure : float, array-like or Quantity, optional
        Absolute atmospheric pressure [kPa]; 101.325 kPa by default.
    convention : {"si", "measur"}, default "si"
        ``"measur"`` uses MEASUR's 7.48 gal/ft³.

    Returns
    -------
    Quantity
        Receiver volume [m^3].

    Notes
    -----
    .. math:: V = \frac{t\,Q\,p_{atm}}{p_i - p_f}

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/util/CompressedAir.cpp``
    (``ReceiverTank::calculateSize``, DedicatedStorage); US DOE, *Improving
    Compressed Air System Performance: A Sourcebook for Industry*, 3rd ed. (2016).

    Examples
    --------
    >>> from greenchain import Q_
    >>> receiver_size_dedicated_storage(Q_(0.5, "min"), Q_(100, "ft^3/min"), Q_(110, "psi"),
    ...     Q_(100, "psi"), Q_(14.7, "psi"), convention="measur").to("gallon")
    <Quantity(549.78..., 'gallon')>
    """
    return receiver_size_metered_storage(
        duration,
        air_flow,
        0,
        initial_pressure,
        final_pressure,
        atmospheric_pressure,
        convention=convention,
    )


def receiver_size_metered_storage(
    duration: QuantityLike,
    air_flow: QuantityLike,
    metered_flow: QuantityLike,
    initial_pressure: QuantityLike,
    final_pressure: QuantityLike,
    atmospheric_pressure: QuantityLike | None = None,
    *,
    convention: str = "si",
) -> pint.Quantity:
    r"""Receiver volume for a demand partly refilled through a metering (needle) valve.

    Parameters
    ----------
    duration : float, array-like or Quantity
        Length of the demand event [min], >= 0.
    air_flow : float, array-like or Quantity
        Free-air flow the event needs [m^3/min], >= 0.
    metered_flow : float, array-like or Quantity
        Free-air flow through the metering valve during the event [m^3/min],
        >= 0 and not above ``air_flow``.
    initial_pressure : float, array-like or Quantity
        Tank pressure before the event [kPa].
    final_pressure : float, array-like or Quantity
        Lowest tank pressure at the end of the event [kPa].
    atmospheric_pressure : float, array-like or Quantity, optional
        Absolute atmospheric pressure [kPa]; 101.325 kPa by default.
    convention : {"si", "measur"}, default "si"
        ``"measur"`` uses MEASUR's 7.48 gal/ft³.

    Returns
    -------
    Quantity
        Receiver volume [m^3].

    Raises
    ------
    OutOfRangeError
        ``metered_flow`` above ``air_flow``; ``initial_pressure`` not above
        ``final_pressure``.

    Notes
    -----
    .. math:: V = \frac{t\,(Q - Q_m)\,p_{atm}}{p_i - p_f}

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/util/CompressedAir.cpp``
    (``ReceiverTank::calculateSize``, MeteredStorage); US DOE, *Improving
    Compressed Air System Performance: A Sourcebook for Industry*, 3rd ed. (2016).

    Examples
    --------
    >>> from greenchain import Q_
    >>> receiver_size_metered_storage(Q_(0.5, "min"), Q_(900, "ft^3/min"), Q_(45, "ft^3/min"),
    ...     Q_(100, "psi"), Q_(70, "psi"), Q_(14.7, "psi"), convention="measur").to("gallon")
    <Quantity(1566.87..., 'gallon')>
    """
    measur = is_measur(convention)
    t = nonnegative(duration, "min", "duration")
    q = nonnegative(air_flow, "m^3/min", "air_flow")
    qm = nonnegative(metered_flow, "m^3/min", "metered_flow")
    if np.any(qm > q):
        raise OutOfRangeError("must not exceed air_flow", field="metered_flow")
    ratio = _atmosphere(atmospheric_pressure) / _drop(
        initial_pressure, final_pressure, "initial_pressure", "final_pressure"
    )
    free = t * (q - qm)
    return _volume(free * ratio, free / _M3_PER_FT3 * ratio, measur)


def receiver_size_bridging(
    distance: QuantityLike,
    air_speed: QuantityLike,
    air_demand: QuantityLike,
    allowable_pressure_drop: QuantityLike,
    atmospheric_pressure: QuantityLike | None = None,
    *,
    convention: str = "si",
) -> pint.Quantity:
    r"""Receiver volume that bridges the delay until air from a distant compressor arrives.

    Parameters
    ----------
    distance : float, array-like or Quantity
        Pipe distance from the compressor room to the demand [m], >= 0.
    air_speed : float, array-like or Quantity
        Speed of the air in the pipe [m/s], > 0.
    air_demand : float, array-like or Quantity
        Free-air flow of the demand [m^3/min], >= 0.
    allowable_pressure_drop : float, array-like or Quantity
        Pressure drop tolerated during the delay [kPa], > 0.
    atmospheric_pressure : float, array-like or Quantity, optional
        Absolute atmospheric pressure [kPa]; 101.325 kPa by default.
    convention : {"si", "measur"}, default "si"
        ``"measur"`` uses MEASUR's 7.48 gal/ft³.

    Returns
    -------
    Quantity
        Receiver volume [m^3].

    Notes
    -----
    .. math:: V = \frac{L}{u}\,Q\,\frac{p_{atm}}{\Delta p}

    The reaction delay is the travel time :math:`L/u` of the air.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/util/CompressedAir.cpp``
    (``ReceiverTank::calculateSize``, BridgingCompressorReactionDelay); US DOE,
    *Improving Compressed Air System Performance: A Sourcebook for Industry*,
    3rd ed. (2016).

    Examples
    --------
    >>> from greenchain import Q_
    >>> receiver_size_bridging(Q_(1000, "ft"), Q_(250, "ft/s"), Q_(600, "ft^3/min"),
    ...     Q_(2, "psi"), Q_(14.7, "psi"), convention="measur").to("gallon")
    <Quantity(2199.12..., 'gallon')>
    """
    measur = is_measur(convention)
    length = nonnegative(distance, "m", "distance")
    speed = check_range(
        magnitude(air_speed, "m/s", "air_speed"), "air_speed", low=0, low_inclusive=False
    )
    q = nonnegative(air_demand, "m^3/min", "air_demand")
    drop = _positive_drop(allowable_pressure_drop, "allowable_pressure_drop")
    ratio = _atmosphere(atmospheric_pressure) / drop
    free = length / speed * q / 60.0  # s x m³/min / (60 s/min) = m³
    return _volume(free * ratio, free / _M3_PER_FT3 * ratio, measur)
