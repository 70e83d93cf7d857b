"""Helpers shared by several physics modules (public to :mod:`greenchain.processes` only).

Like :mod:`greenchain.processes._levels`, this module is private to the package: its
names are public so that sibling modules import them, and no other layer should.
It holds the input readers that are physics-specific (a heat that may be a rate or
an amount, an absolute temperature in degF for the PHAST correlations), the
combustion-air term of the PHAST available-heat correlation that both
:mod:`~greenchain.processes.combustion` and :mod:`~greenchain.processes.kiln_retrofits`
evaluate, and the water, vapour and air enthalpies (through
:mod:`greenchain.processes.steam`, the one IAPWS wrapper) whose errors name the
caller's argument.
"""

from __future__ import annotations

from typing import cast

import numpy as np
import pint

from greenchain.errors import UnitError, reraise_as_field
from greenchain.processes.steam import (
    P_SAT_MIN_MPA,
    dry_air_enthalpy,
    liquid_enthalpy,
    steam_properties,
)
from greenchain.units import Q_, QuantityLike, magnitude, read_quantity, temperature

__all__ = [
    "SECONDS_PER_HOUR",
    "AIR_CP_INTERCEPT",
    "AIR_CP_SLOPE",
    "COMBUSTION_AIR_CORRECTION",
    "to_degF",
    "heat_stream",
    "phast_air_cp",
    "phast_combustion_air_term",
    "water_enthalpy",
    "vapour_enthalpy",
    "air_enthalpy",
]

#: kJ/h per kW: divides an energy flow in kJ/h to give kW.
SECONDS_PER_HOUR = 3600.0

# PHAST natural-gas available-heat correlation, combustion-air terms: US DOE MEASUR,
# AMO-Tools-Suite src/calculator/furnace/EfficiencyImprovement.cpp and O2Enrichment.cpp.
AIR_CP_INTERCEPT = 0.017828518  # "air specific heat" term, % of HHV per degF
AIR_CP_SLOPE = 0.000002556  # its rise per degF of combustion air
COMBUSTION_AIR_CORRECTION = -1.078913827  # combustion-air correction constant


def to_degF(value: QuantityLike, name: str) -> np.ndarray:
    """Absolute temperature (plain numbers in degC) as a float ndarray in degF.

    Parameters
    ----------
    value : float, array-like or Quantity
        Absolute temperature [degC]; any temperature Quantity is accepted.
    name : str
        Argument name used in error messages.

    Returns
    -------
    numpy.ndarray
        Temperatures [degF].

    Examples
    --------
    >>> float(to_degF(100, "temperature"))
    212.0...
    """
    return Q_(temperature(value, "degC", name), "degC").m_as("degF")


def heat_stream(value: QuantityLike, name: str) -> tuple[np.ndarray, pint.Unit]:
    """Read a power or an energy (plain numbers in kW); return magnitudes and their unit.

    Parameters
    ----------
    value : float, array-like or Quantity
        A heat rate [kW], or any power or energy Quantity, whose unit is kept.
    name : str
        Argument name used in error messages.

    Returns
    -------
    tuple of numpy.ndarray and pint.Unit
        The magnitudes and their unit (``kW`` for plain numbers).

    Raises
    ------
    UnitError
        If ``value`` is neither a power nor an energy.

    Examples
    --------
    >>> from greenchain import Q_
    >>> heat_stream(Q_(3, "GJ"), "heat")
    (array(3.), <Unit('gigajoule')>)
    """
    value = read_quantity(value, name)
    if isinstance(value, pint.Quantity):
        if not (value.check("[power]") or value.check("[energy]")):
            raise UnitError(f"expected a power or an energy, got {value.units:~P}", field=name)
        unit = cast(pint.Unit, value.units)
        return magnitude(value, unit, name), unit
    return magnitude(value, "kW", name), cast(pint.Unit, Q_(1, "kW").units)


def phast_air_cp(air_temperature: np.ndarray) -> np.ndarray:
    """The "air specific heat" term of the PHAST correlation [% of HHV per degF].

    Parameters
    ----------
    air_temperature : numpy.ndarray
        Combustion-air temperature [degF].

    Returns
    -------
    numpy.ndarray
        :math:`c = 0.017828518 + 0.000002556\\,T_a`.

    Examples
    --------
    >>> import numpy as np
    >>> float(phast_air_cp(np.asarray(60.0)))
    0.0179...
    """
    return AIR_CP_INTERCEPT + AIR_CP_SLOPE * air_temperature


def phast_combustion_air_term(air_temperature: np.ndarray, excess_air: np.ndarray) -> np.ndarray:
    """PHAST combustion-air term [% of HHV]: the heat the combustion air brings in.

    Parameters
    ----------
    air_temperature : numpy.ndarray
        Combustion-air temperature [degF].
    excess_air : numpy.ndarray
        Excess air [dimensionless], a fraction of the stoichiometric air.

    Returns
    -------
    numpy.ndarray
        :math:`(-1.078913827 + c\\,T_a)(1 + EA)`, with :math:`c` from
        :func:`phast_air_cp`.

    Examples
    --------
    >>> import numpy as np
    >>> float(phast_combustion_air_term(np.asarray(500.0), np.asarray(0.1)))
    9.32177...
    """
    return (COMBUSTION_AIR_CORRECTION + phast_air_cp(air_temperature) * air_temperature) * (
        1.0 + excess_air
    )


def water_enthalpy(temperature: np.ndarray, name: str) -> np.ndarray:
    """Enthalpy of saturated liquid water (IAPWS-IF97), errors naming ``name``.

    Parameters
    ----------
    temperature : numpy.ndarray
        Water temperature [degC].
    name : str
        Argument name used in error messages.

    Returns
    -------
    numpy.ndarray
        Specific enthalpy [kJ/kg].

    Examples
    --------
    >>> import numpy as np
    >>> round(float(water_enthalpy(np.asarray(20.0), "t")), 2)
    83.92
    """
    with reraise_as_field(name):
        return liquid_enthalpy(Q_(temperature, "degC")).m_as("kJ/kg")


def vapour_enthalpy(temperature: np.ndarray, name: str) -> np.ndarray:
    """Enthalpy of water vapour at low partial pressure (ideal-gas limit), errors naming ``name``.

    Evaluated with IAPWS-IF97 at the saturation pressure of 273.15 K (611 Pa), where
    the vapour is an ideal gas; at a partial pressure of 20 kPa and 150 degC the IF97
    enthalpy is lower by 1.4 kJ/kg (0.05 %).

    Parameters
    ----------
    temperature : numpy.ndarray
        Vapour temperature [degC].
    name : str
        Argument name used in error messages.

    Returns
    -------
    numpy.ndarray
        Specific enthalpy [kJ/kg].

    Examples
    --------
    >>> import numpy as np
    >>> round(float(vapour_enthalpy(np.asarray(150.0), "t")), 1)
    2783.7
    """
    with reraise_as_field(name):
        return steam_properties(P_SAT_MIN_MPA, temperature=Q_(temperature, "degC")).enthalpy.m_as(
            "kJ/kg"
        )


def air_enthalpy(temperature: np.ndarray, name: str) -> np.ndarray:
    """Enthalpy of dry air at one standard atmosphere (Lemmon et al. 2000), errors naming ``name``.

    Parameters
    ----------
    temperature : numpy.ndarray
        Air temperature [degC].
    name : str
        Argument name used in error messages.

    Returns
    -------
    numpy.ndarray
        Specific enthalpy [kJ/kg] (only differences are meaningful).

    Examples
    --------
    >>> import numpy as np
    >>> dh = air_enthalpy(np.asarray(150.0), "t") - air_enthalpy(np.asarray(25.0), "t")
    >>> round(float(dh), 1)
    126.3
    """
    with reraise_as_field(name):
        return dry_air_enthalpy(Q_(temperature, "degC")).m_as("kJ/kg")
