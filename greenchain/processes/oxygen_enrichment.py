"""Oxygen-enriched combustion: available heat and fuel saving (US DOE MEASUR, PHAST).

Enriching the combustion air with oxygen cuts the nitrogen that the flame must heat
and carry out of the stack. MEASUR's O2-enrichment calculator corrects PHAST's
natural-gas available-heat correlation
(:func:`greenchain.processes.combustion.available_heat`) for the O2 content of the
oxidant and compares a current and an enriched operating point.

Examples
--------
>>> from greenchain import Q_
>>> r = oxygen_enrichment(Q_(21, "percent"), Q_(30, "percent"),
...     flue_temperature=1200, flue_temperature_enriched=1250,
...     flue_o2=Q_(3, "percent"), flue_o2_enriched=Q_(2, "percent"),
...     combustion_air_temperature=25, combustion_air_temperature_enriched=25,
...     fuel_consumption=Q_(500, "Nm3/h"))
>>> print(r.fuel_savings.to("percent"))
26.34... %
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pint

from greenchain.errors import OutOfRangeError
from greenchain.processes._common import to_degF
from greenchain.processes.combustion import available_heat, excess_air_from_o2
from greenchain.units import Q_, QuantityLike, fraction, read_quantity

__all__ = ["OxygenEnrichment", "oxygen_enrichment", "enriched_available_heat"]

# MEASUR's enrichment correction, AMO-Tools-Suite src/calculator/furnace/O2Enrichment.cpp:
# AH += 9.38 (x - 0.21)/x * 0.02 * (T_flue - 60 F)/980 F, a fit to the PHAST charts.
_ENRICHMENT_SLOPE = 9.38
_ENRICHMENT_SCALE = 0.02
_AIR_O2 = 0.21  # O2 in air, volume fraction (PHAST's rounding)
_REFERENCE_DEGF = 60.0
_TEMPERATURE_SPAN_DEGF = 980.0


def _oxidant_o2(value: QuantityLike, name: str) -> np.ndarray:
    x = fraction(value, name)
    if np.any(x < _AIR_O2):
        raise OutOfRangeError("must be at least 21 % (air)", field=name)
    return x


def _enriched(
    oxidant_o2: np.ndarray,
    flue_temperature: QuantityLike,
    flue_o2: QuantityLike,
    air_temperature: QuantityLike,
    names: tuple[str, str, str],
) -> tuple[np.ndarray, np.ndarray]:
    """(standard available heat, enriched available heat) as fractions."""
    ea = excess_air_from_o2(flue_o2).m_as("")
    tf = to_degF(flue_temperature, names[0])
    standard = available_heat(Q_(tf, "degF"), ea, _air(air_temperature, names[2])).m_as("")
    correction = (
        _ENRICHMENT_SLOPE
        * (oxidant_o2 - _AIR_O2)
        / oxidant_o2
        * _ENRICHMENT_SCALE
        * ((tf - _REFERENCE_DEGF) / _TEMPERATURE_SPAN_DEGF)
    )
    return standard, standard + correction


def _air(value: QuantityLike, name: str) -> pint.Quantity:
    return Q_(to_degF(value, name), "degF")


def enriched_available_heat(
    oxidant_o2: QuantityLike,
    flue_temperature: QuantityLike,
    flue_o2: QuantityLike,
    combustion_air_temperature: QuantityLike,
) -> pint.Quantity:
    """Available heat of natural gas burnt with O2-enriched air (PHAST).

    Parameters
    ----------
    oxidant_o2 : float, array-like or Quantity
        O2 in the oxidant [dimensionless], between 0.21 (air) and 1 (pure oxygen).
    flue_temperature : float, array-like or Quantity
        Flue-gas temperature [degC].
    flue_o2 : float, array-like or Quantity
        O2 in the dry flue gas [dimensionless], below 0.21.
    combustion_air_temperature : float, array-like or Quantity
        Oxidant temperature at the burners [degC].

    Returns
    -------
    Quantity
        Available heat [dimensionless], a fraction of the HHV.

    Notes
    -----
    With :math:`AH_0` PHAST's air correlation
    (:func:`greenchain.processes.combustion.available_heat`, excess air from
    :func:`~greenchain.processes.combustion.excess_air_from_o2`) and temperatures in °F:

    .. math:: AH = AH_0 + 9.38\\,\\frac{x - 0.21}{x}\\,0.02\\,\\frac{T_f - 60}{980}

    References
    ----------
    US DOE MEASUR (PHAST), AMO-Tools-Suite ``src/calculator/furnace/O2Enrichment.cpp``;
    tests ``tests/cpp/O2Enrichment.unit.cpp``. US DOE, *Improving Process Heating System
    Performance: A Sourcebook for Industry* (2nd ed., 2007), oxygen enrichment.

    Examples
    --------
    >>> from greenchain import Q_
    >>> print(enriched_available_heat(1.0, Q_(1900, "degF"), Q_(1, "percent"), Q_(80, "degF"))
    ...       .to("percent"))
    74.22108552... %
    """
    x = _oxidant_o2(oxidant_o2, "oxidant_o2")
    names = ("flue_temperature", "flue_o2", "combustion_air_temperature")
    return Q_(_enriched(x, flue_temperature, flue_o2, combustion_air_temperature, names)[1], "")


@dataclass(frozen=True)
class OxygenEnrichment:
    """Current and O2-enriched operation of a natural-gas furnace (MEASUR ``O2Enrichment``)."""

    #: Available heat now [dimensionless], a fraction of the HHV.
    available_heat: pint.Quantity
    #: Available heat with enrichment [dimensionless].
    available_heat_enriched: pint.Quantity
    #: Fuel saved [dimensionless], a fraction of the current fuel use.
    fuel_savings: pint.Quantity
    #: Fuel use with enrichment, in the unit of ``fuel_consumption``.
    fuel_consumption_enriched: pint.Quantity


def oxygen_enrichment(
    oxidant_o2: QuantityLike,
    oxidant_o2_enriched: QuantityLike,
    *,
    flue_temperature: QuantityLike,
    flue_temperature_enriched: QuantityLike,
    flue_o2: QuantityLike,
    flue_o2_enriched: QuantityLike,
    combustion_air_temperature: QuantityLike,
    combustion_air_temperature_enriched: QuantityLike,
    fuel_consumption: QuantityLike,
) -> OxygenEnrichment:
    """Fuel saving of O2-enriched combustion in a natural-gas furnace (PHAST).

    Parameters
    ----------
    oxidant_o2 : float, array-like or Quantity
        O2 in the oxidant now [dimensionless], usually 0.21 (air).
    oxidant_o2_enriched : float, array-like or Quantity
        O2 in the enriched oxidant [dimensionless], up to 1 (pure oxygen).
    flue_temperature : float, array-like or Quantity
        Flue-gas temperature now [degC].
    flue_temperature_enriched : float, array-like or Quantity
        Flue-gas temperature with enrichment [degC].
    flue_o2 : float, array-like or Quantity
        O2 in the dry flue gas now [dimensionless].
    flue_o2_enriched : float, array-like or Quantity
        O2 in the dry flue gas with enrichment [dimensionless].
    combustion_air_temperature : float, array-like or Quantity
        Oxidant temperature now [degC].
    combustion_air_temperature_enriched : float, array-like or Quantity
        Oxidant temperature with enrichment [degC].
    fuel_consumption : float, array-like or Quantity
        Fuel use now, any unit (a rate or an amount) [dimensionless] for plain numbers;
        the enriched use is returned in the same unit.

    Returns
    -------
    OxygenEnrichment
        Available heat now and enriched, fuel saving and enriched fuel use.

    Notes
    -----
    With :math:`AH_0` the air correlation and :math:`AH_e` the enriched available heat
    (:func:`enriched_available_heat`),

    .. math::

        F_e = F\\,\\frac{AH_0}{AH_e}, \\qquad s = \\frac{F - F_e}{F}

    MEASUR divides the *uncorrected* current available heat :math:`AH_0` (not the
    enrichment-corrected one) by :math:`AH_e`; for a current oxidant of air the two are
    equal, and ``available_heat`` reports the corrected value.

    References
    ----------
    US DOE MEASUR (PHAST), AMO-Tools-Suite ``src/calculator/furnace/O2Enrichment.cpp``;
    tests ``tests/cpp/O2Enrichment.unit.cpp`` and ``tests/wasm/phast/wasm-phast-test.js``
    (``o2Enrichment``). US DOE Process Heating Sourcebook (2007), oxygen enrichment.

    Examples
    --------
    MEASUR's "Calculate o2 enrichment" case (fuel in MMBtu/h, read as plain numbers):

    >>> from greenchain import Q_
    >>> r = oxygen_enrichment(Q_(21, "percent"), Q_(100, "percent"),
    ...     flue_temperature=Q_(1800, "degF"), flue_temperature_enriched=Q_(1900, "degF"),
    ...     flue_o2=Q_(5, "percent"), flue_o2_enriched=Q_(1, "percent"),
    ...     combustion_air_temperature=Q_(900, "degF"),
    ...     combustion_air_temperature_enriched=Q_(80, "degF"), fuel_consumption=10)
    >>> print(r.fuel_consumption_enriched, r.fuel_savings.to("percent"), sep="; ")
    8.34941786...; 16.5058213... %
    """
    x0 = _oxidant_o2(oxidant_o2, "oxidant_o2")
    x1 = _oxidant_o2(oxidant_o2_enriched, "oxidant_o2_enriched")
    std0, ah0 = _enriched(
        x0,
        flue_temperature,
        flue_o2,
        combustion_air_temperature,
        ("flue_temperature", "flue_o2", "combustion_air_temperature"),
    )
    _, ah1 = _enriched(
        x1,
        flue_temperature_enriched,
        flue_o2_enriched,
        combustion_air_temperature_enriched,
        ("flue_temperature_enriched", "flue_o2_enriched", "combustion_air_temperature_enriched"),
    )
    fuel = read_quantity(fuel_consumption, "fuel_consumption")
    if not isinstance(fuel, pint.Quantity):
        fuel = Q_(np.asarray(fuel, dtype=float), "")
    if np.any(np.asarray(fuel.magnitude) < 0):
        raise OutOfRangeError("must be >= 0", field="fuel_consumption")
    enriched_fuel = fuel * (std0 / ah1)
    return OxygenEnrichment(
        available_heat=Q_(ah0, ""),
        available_heat_enriched=Q_(ah1, ""),
        fuel_savings=Q_(1 - std0 / ah1, ""),
        fuel_consumption_enriched=enriched_fuel,
    )
