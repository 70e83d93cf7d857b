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

from collections.abc import Callable
from typing import Literal, cast

import numpy as np
import pint

from greenchain.errors import InputError, OutOfRangeError, UnitError, caveat, reraise_as_field
from greenchain.processes.steam import (
    P_SAT_MIN_MPA,
    dry_air_enthalpy,
    liquid_enthalpy,
    steam_properties,
)
from greenchain.units import Q_, QuantityLike, fraction, magnitude, read_quantity, temperature

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
    "COMPOSITION_SUM_TOLERANCE",
    "normalise_composition",
    "ExcessAirMethod",
    "RANKINE_OFFSET",
    "measur_molar_cp",
    "water_saturation_enthalpy",
    "water_dew_point",
    "flue_o2_fraction",
    "measur_excess_air_search",
]

#: How excess air is found from a flue-O2 reading: solved exactly, or MEASUR's search.
ExcessAirMethod = Literal["exact", "measur"]

#: degF -> degR offset as PHAST rounds it (AMO-Tools-Suite, RAD_CONSTANT = 460).
RANKINE_OFFSET = 460.0

# Flue-gas property fits of MEASUR's GasFlueGasMaterial.h / SolidLiquidFlueGasMaterial.cpp
# (AMO-Tools-Suite, commit 15208321): molar heat capacities [Btu/(lbmol R)], T in degR, as
# (a, b, c, kind): kind "sqrt" is a + b/sqrt(T) + c/T, kind "inverse" is a + b/T + c/T^2.
_MOLAR_CP = {
    "O2": (11.515, -172.0, 1530.0, "sqrt"),
    "H2O": (19.86, -597.0, 7500.0, "sqrt"),
    "N2": (9.47, -3.47e3, 1.07e6, "inverse"),
    "CO2": (16.2, -6.53e3, 1.41e6, "inverse"),
}
# Saturated-vapour enthalpy [Btu/lb] and dew point [degF] of the flue-gas water as functions
# of its partial pressure p [atm] times 29.926 inHg/atm: 1096.7 (29.926 p)^0.013 and
# 36.009 ln(29.926 p) + 81.054 (MEASUR's fits, GasFlueGasMaterial.cpp).
_INHG_PER_ATM = 29.926
_HSAT = (1096.7, 0.013)
_TSAT = (36.009, 81.054)
# MEASUR's excess-air search: start from the natural-gas relation 8.52381 x / (2 - 9.52381 x),
# step 1 % of the excess air, stop within 2 % of the O2 reading, at most 100 steps.
_EA_NUMERATOR, _EA_DENOMINATOR = 8.52381, 9.52381
_SEARCH_STEP, _SEARCH_TOLERANCE, _SEARCH_ITERATIONS = 0.01, 0.02, 100
_AIR_O2 = 0.21  # O2 in air by volume, PHAST's rounding

#: A composition (fuel gas by volume, solid or liquid fuel by mass) may sum to 1 within
#: this tolerance; it is then rescaled to 1 with a caveat, as MEASUR rescales (``compAdjByVol``).
COMPOSITION_SUM_TOLERANCE = 0.02

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


def normalise_composition(
    fractions: dict[str, np.ndarray], field: str = "composition"
) -> dict[str, np.ndarray]:
    """Rescale fractions to sum to 1: with a caveat within 2 %, an error beyond.

    Parameters
    ----------
    fractions : dict of str to numpy.ndarray
        Component -> fraction [dimensionless] (volume or mass), already checked >= 0.
    field : str, default "composition"
        Argument name used in the caveat and in error messages.

    Returns
    -------
    dict of str to numpy.ndarray
        The fractions divided by their sum.

    Raises
    ------
    InputError
        If the fractions sum to more than 2 % away from 1 (percent given as plain
        numbers, a missing component ...), naming ``field``.

    Notes
    -----
    :math:`\\bar x_i = x_i / \\sum_j x_j`, accepted when
    :math:`|\\sum_j x_j - 1| \\le 0.02`; a sum off by more than :math:`10^{-6}` is
    reported with a :class:`UserWarning` caveat naming ``field``.

    Examples
    --------
    >>> import numpy as np
    >>> x = normalise_composition({"CH4": np.asarray(0.9), "N2": np.asarray(0.1)})
    >>> float(x["CH4"])
    0.9
    """
    total = np.asarray(sum(fractions.values()))
    off = np.abs(total - 1.0)
    if np.any(off > COMPOSITION_SUM_TOLERANCE + 1e-12):
        raise InputError(
            f"fractions sum to {total.ravel()[np.argmax(off.ravel())]:g}, more than 2 % away "
            "from 1; give fractions (0.87) or Quantities in percent (Q_(87, 'percent'))",
            field=field,
        )
    if np.any(off > 1e-6):
        caveat(
            f"fractions sum to {total.ravel()[np.argmax(off.ravel())]:.6g}, not 1; rescaled to "
            "1 as MEASUR does",
            UserWarning,
            field=field,
        )
    return {name: value / total for name, value in fractions.items()}


# --- MEASUR's rounded US conventions, for ``convention="measur"`` -------------------
# These are not physical constants but the rounded conversion factors that US DOE
# MEASUR (AMO-Tools-Suite, commit 15208321) writes into its equations; greenchain
# uses them only when a caller asks for MEASUR's figures with convention="measur".
#: MEASUR's kW per hp, ``include/calculator/pump/FluidPower.h`` and
#: ``CompressedAir.cpp`` OperatingCost (the mechanical hp is 0.745699872 kW).
MEASUR_KW_PER_HP = 0.746
#: MEASUR's pump constant [gpm ft / hp] in ``FluidPower.h``: Q H SG / 3961.38 = hp.
MEASUR_PUMP_CONSTANT = 3961.38
#: MEASUR's fan constant [cfm inWC / hp] in ``FluidPower.h``: Q dp Kp / 6362 = hp.
MEASUR_FAN_CONSTANT = 6362.0
#: MEASUR's US gallons per cubic foot in ``CompressedAir.cpp`` ReceiverTank (exact 7.4805).
MEASUR_GALLONS_PER_CUBIC_FOOT = 7.48
#: MEASUR's atmospheric pressure [psia] hard-coded in ReceiverTank usable capacity.
MEASUR_ATMOSPHERE_PSI = 14.7
#: MEASUR's bag constant [cfm s / in³] in ``CompressedAir.cpp`` BagMethod:
#: Q = 0.0273 d² h / t (exact pi/4 x 60/1728 = 0.0272708).
MEASUR_BAG_CONSTANT = 0.0273
#: MEASUR's gas constant of air [ft lbf/(lbm degR)] in ``CompressedAirLeakSurvey.cpp``
#: OrificeMethodData (ISO 2533 air: 53.35).
MEASUR_AIR_GAS_CONSTANT = 53.34
#: MEASUR's g_c [lbm ft/(lbf s²)] next to it (standard gravity: 32.174).
MEASUR_GC = 32.2
#: MEASUR's reference voltage [V] of its NEMA current curves (``EstimateFLA.cpp``,
#: ``OptimalMotorPower.cpp``: currents at 460 V, scaled by 460 / rated voltage).
MEASUR_NEMA_VOLTAGE = 460.0
#: MEASUR's in. of water per in. of mercury in ``CompressibilityFactor.h`` and
#: ``FanCurve.cpp`` (pint: 13.595).
MEASUR_INWC_PER_INHG = 13.63
#: MEASUR's velocity-pressure constant in ``FanCurve.cpp``: p_v[inWC] = rho[lb/ft³]
#: (V[fpm] / 1096)² (exact for 1 inWC = 248.84 Pa: 1096.2).
MEASUR_FAN_VELOCITY_CONSTANT = 1096.0

#: The values of the ``convention`` keyword: SI physics (default) or MEASUR's figures.
CONVENTIONS = ("si", "measur")


def is_measur(convention: str) -> bool:
    """``True`` for ``convention="measur"``, ``False`` for ``"si"``; anything else raises.

    Parameters
    ----------
    convention : str
        ``"si"`` or ``"measur"``.

    Returns
    -------
    bool
    """
    if convention not in CONVENTIONS:
        raise InputError(f"convention must be one of {CONVENTIONS}", field="convention")
    return convention == "measur"


__all__ += [
    "MEASUR_KW_PER_HP",
    "MEASUR_PUMP_CONSTANT",
    "MEASUR_FAN_CONSTANT",
    "MEASUR_GALLONS_PER_CUBIC_FOOT",
    "MEASUR_ATMOSPHERE_PSI",
    "MEASUR_BAG_CONSTANT",
    "MEASUR_AIR_GAS_CONSTANT",
    "MEASUR_GC",
    "MEASUR_NEMA_VOLTAGE",
    "MEASUR_INWC_PER_INHG",
    "MEASUR_FAN_VELOCITY_CONSTANT",
    "CONVENTIONS",
    "is_measur",
]


def measur_molar_cp(gas: str, rankine: np.ndarray) -> np.ndarray:
    """Molar heat capacity of a flue-gas species as MEASUR fits it [Btu/(lbmol R)].

    Parameters
    ----------
    gas : str
        ``"O2"``, ``"N2"``, ``"H2O"`` or ``"CO2"``.
    rankine : numpy.ndarray
        Temperature [degR].

    Returns
    -------
    numpy.ndarray
        :math:`c_p` [Btu/(lbmol R)].

    Notes
    -----
    O2: :math:`11.515 - 172/\\sqrt T + 1530/T`; H2O: :math:`19.86 - 597/\\sqrt T + 7500/T`;
    N2: :math:`9.47 - 3470/T + 1.07\\times10^6/T^2`; CO2:
    :math:`16.2 - 6530/T + 1.41\\times10^6/T^2`.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``include/calculator/losses/GasFlueGasMaterial.h``.

    Examples
    --------
    >>> import numpy as np
    >>> round(float(measur_molar_cp("N2", np.asarray(1000.0))), 3)
    7.07
    """
    a, b, c, kind = _MOLAR_CP[gas]
    t = np.asarray(rankine, dtype=float)
    if kind == "sqrt":
        return a + b / np.sqrt(t) + c / t
    return a + b / t + c / t**2


def water_saturation_enthalpy(partial_pressure: np.ndarray) -> np.ndarray:
    """MEASUR's enthalpy of the flue gas's water vapour at its dew point [Btu/lb].

    Parameters
    ----------
    partial_pressure : numpy.ndarray
        Partial pressure of water in the flue gas [atm] (its volume fraction at 1 atm).

    Returns
    -------
    numpy.ndarray
        :math:`1096.7\\,(29.926\\,p)^{0.013}` [Btu/lb].

    Examples
    --------
    >>> import numpy as np
    >>> round(float(water_saturation_enthalpy(np.asarray(0.15))), 1)
    1118.3
    """
    return _HSAT[0] * (np.asarray(partial_pressure) * _INHG_PER_ATM) ** _HSAT[1]


def water_dew_point(partial_pressure: np.ndarray) -> np.ndarray:
    """MEASUR's dew point of the flue gas's water vapour [degF].

    Parameters
    ----------
    partial_pressure : numpy.ndarray
        Partial pressure of water in the flue gas [atm].

    Returns
    -------
    numpy.ndarray
        :math:`36.009 \\ln(29.926\\,p) + 81.054` [degF].

    Examples
    --------
    >>> import numpy as np
    >>> round(float(water_dew_point(np.asarray(0.15))), 1)
    135.1
    """
    return _TSAT[0] * np.log(np.asarray(partial_pressure) * _INHG_PER_ATM) + _TSAT[1]


def flue_o2_fraction(flue_o2: QuantityLike) -> np.ndarray:
    """Read a flue-gas O2 content, a fraction from 0 to below 0.21.

    Parameters
    ----------
    flue_o2 : float, array-like or Quantity
        O2 in the flue gas [dimensionless]; ``Q_(3, "percent")`` accepted.

    Returns
    -------
    numpy.ndarray
        The fraction.

    Raises
    ------
    OutOfRangeError
        Naming ``flue_o2`` when negative or not below 21 %.

    Examples
    --------
    >>> float(flue_o2_fraction(0.03))
    0.03
    """
    x = fraction(flue_o2, "flue_o2", low_inclusive=True)
    if np.any(x >= _AIR_O2):
        raise OutOfRangeError("must be below 21 % (the flue gas would be air)", field="flue_o2")
    return x


def measur_excess_air_search(
    o2_of: Callable[[np.ndarray], np.ndarray], flue_o2: np.ndarray
) -> np.ndarray:
    """MEASUR's excess-air search: 1 % steps until the O2 is within 2 % of the reading.

    Parameters
    ----------
    o2_of : callable
        Flue O2 [dimensionless] as a function of the excess air [dimensionless].
    flue_o2 : numpy.ndarray
        The O2 reading [dimensionless].

    Returns
    -------
    numpy.ndarray
        Excess air [dimensionless] where the search stopped.

    Notes
    -----
    From :math:`EA_0 = 8.52381x/(2 - 9.52381x)`, :math:`EA \\leftarrow EA(1 \\mp 0.01)`
    while :math:`|x - O_2(EA)|/x \\ge 0.02`, at most 100 times (MEASUR's
    ``calculateExcessAir`` and ``calculateExcessAirFromFlueGasO2``).

    Examples
    --------
    >>> import numpy as np
    >>> float(measur_excess_air_search(lambda ea: 0.1 * ea / (1 + ea), np.asarray(0.0)))
    0.0
    """
    x = np.asarray(flue_o2, dtype=float)
    ea = np.array(_EA_NUMERATOR * x / (2.0 - _EA_DENOMINATOR * x), dtype=float)
    active = ea != 0
    for _ in range(_SEARCH_ITERATIONS):
        if not np.any(active):
            break
        o2 = o2_of(ea)
        with np.errstate(divide="ignore", invalid="ignore"):
            error = np.abs((x - o2) / x)
        active = active & ~(error < _SEARCH_TOLERANCE)
        step = np.where(o2 > x, -_SEARCH_STEP, _SEARCH_STEP) * ea
        ea = np.where(active, ea + step, ea)
    return ea
