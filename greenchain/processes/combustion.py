"""Combustion in fuel-fired furnaces and kilns: excess air, available heat, fuel gases.

Plain vectorised functions after the US DOE MEASUR process-heating tools (PHAST, the
AMO-Tools-Suite calculation engine): excess air from the dry flue-gas O2 content,
the natural-gas available-heat correlation and the fuel saving of O2 trim, air
preheat or a lower flue temperature, the heating value and specific gravity of a
fuel gas from its composition, and the electric/fuel-fired energy equivalency.

The correlations work in US units (degF, Btu); the functions accept any pint
Quantity and convert once at the boundary. Plain numbers are read in the unit each
docstring gives (temperatures in degC, fractions as fractions).

Examples
--------
>>> from greenchain import Q_
>>> print(excess_air_from_o2(Q_(3, "percent")).to("percent"))
14.9166... %
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Literal

import numpy as np
import pint

from greenchain.data.tables import parse_number, read_table
from greenchain.errors import DataError, InputError, OutOfRangeError
from greenchain.processes._common import (
    heat_stream,
    normalise_composition,
    phast_air_cp,
    phast_combustion_air_term,
    to_degF,
)
from greenchain.units import Q_, QuantityLike, check_range, fraction, magnitude, nonnegative

__all__ = [
    "excess_air_from_o2",
    "available_heat",
    "flue_gas_loss",
    "EfficiencyImprovement",
    "efficiency_improvement",
    "HeatingValue",
    "gas_heating_value",
    "gas_specific_gravity",
    "energy_equivalency_electric",
    "energy_equivalency_fuel",
]

# PHAST natural-gas correlations, AMO-Tools-Suite src/calculator/furnace/EfficiencyImprovement.cpp
# (and O2Enrichment.cpp); test vectors in tests/cpp/EfficiencyImprovement.unit.cpp. The
# combustion-air terms, shared with kiln_retrofits, are in processes/_common.py.
_EA_NUMERATOR = 8.52381  # excess-air relation, numerator coefficient
_EA_DENOMINATOR = 9.52381  # excess-air relation, denominator coefficient
_HEAT_INPUT_INTERCEPT = 95.0  # available heat at 0 degF flue gas, % of HHV
_HEAT_INPUT_SLOPE = -0.025  # % of HHV per degF of flue gas
_AIR_CORRECTION = -1.07891327  # flue-gas (excess-air) correction constant
# The excess-air relation has its pole where the flue gas is air: x = 2 / 9.52381 (21 % O2).
_O2_POLE = 2.0 / _EA_DENOMINATOR

# MEASUR's rounded kWh-to-Btu conversion, 1 kWh = 3413 Btu (AMO-Tools-Suite
# src/calculator/furnace/EnergyEquivalency.cpp); the exact IT value is 3412.14 Btu.
_MEASUR_BTU_PER_KWH = 3413.0

# Specific-gravity denominator of MEASUR (GasCompositions::calculateSpecificGravity):
# molar volume 22.4 L/mol times air density 1.205 g/L.
_SG_MOLAR_VOLUME = 22.4
_SG_AIR_DENSITY = 1.205

# Reference states of gas volumes (ideal-gas law): MEASUR's standard cubic foot is at
# 60 degF and 14.7 psia; greenchain's Nm3 is at 0 degC and 101.325 kPa (factors/units.txt).
_SCF_TEMPERATURE_K = (60.0 - 32.0) / 1.8 + 273.15  # 60 degF in kelvin
_SCF_PRESSURE_KPA = 14.7 * 6.894757293168  # 14.7 psia in kPa (1 psi = 6.894757 kPa)
_NORMAL_TEMPERATURE_K = 273.15  # 0 degC
_NORMAL_PRESSURE_KPA = 101.325  # standard atmosphere


# ----------------------------------------------------------------------------- helpers
def _excess_air(x: np.ndarray) -> np.ndarray:
    return _EA_NUMERATOR * x / (2.0 - _EA_DENOMINATOR * x)


def _available_heat_percent(tf: np.ndarray, ea: np.ndarray, ta: np.ndarray) -> np.ndarray:
    """PHAST available heat [% of HHV]; tf, ta in degF, ea as a fraction."""
    cp = phast_air_cp(ta)
    heat_input = _HEAT_INPUT_INTERCEPT + _HEAT_INPUT_SLOPE * tf
    air_correction = -(_AIR_CORRECTION + cp * tf) * ea
    return heat_input + air_correction + phast_combustion_air_term(ta, ea)


def _check_available_heat(ah: np.ndarray, field: str) -> np.ndarray:
    bad = (ah <= 0) | (ah > 1)
    if np.any(bad):
        raise OutOfRangeError(
            f"the PHAST correlation gives an available heat of {np.asarray(ah)[bad].ravel()[0]:g}, "
            "outside (0, 1]: flue gas too hot, or combustion air too hot for this flue "
            "temperature",
            field=field,
        )
    return ah


def _available_heat_fraction(
    tf: np.ndarray, ea: np.ndarray, ta: np.ndarray, field: str
) -> np.ndarray:
    return _check_available_heat(_available_heat_percent(tf, ea, ta) / 100.0, field)


# ----------------------------------------------------------------------------- excess air
def excess_air_from_o2(flue_o2: QuantityLike) -> pint.Quantity:
    """Excess combustion air of natural-gas firing from the dry flue-gas O2 content (PHAST).

    Parameters
    ----------
    flue_o2 : float, array-like or Quantity
        O2 content of the dry flue gas [dimensionless], a fraction, 0 <= x < 0.21; a
        Quantity in ``percent`` is accepted (``Q_(3, "percent")``).

    Returns
    -------
    Quantity
        Excess air [dimensionless], a fraction of the stoichiometric air;
        ``.to("percent")`` gives MEASUR's percentage.

    Raises
    ------
    OutOfRangeError
        If ``flue_o2`` is negative or not below 21 % (the flue gas would be air).

    Notes
    -----
    With :math:`x` the dry O2 fraction,

    .. math:: EA = \\frac{8.52381\\,x}{2 - 9.52381\\,x}

    (MEASUR writes :math:`EA\\% = 100 \\cdot 8.52381\\,x/(2 - 9.52381\\,x)`).

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/furnace/EfficiencyImprovement.cpp``
    (``getCurrentExcessAir``), tested in ``tests/cpp/EfficiencyImprovement.unit.cpp``.

    Examples
    --------
    >>> excess_air_from_o2([0.02, 0.03]).m
    array([0.0942..., 0.1491...])
    """
    x = magnitude(flue_o2, "", "flue_o2")
    check_range(x, "flue_o2", low=0)
    if np.any(x >= _O2_POLE):
        raise OutOfRangeError(
            f"must be below 21 % (0.21, the O2 content of air), got {x[x >= _O2_POLE].ravel()[0]:g}"
            "; give a fraction (0.03) or a Quantity in percent",
            field="flue_o2",
        )
    return Q_(_excess_air(x), "")


# ----------------------------------------------------------------------------- available heat
def available_heat(
    flue_temperature: QuantityLike,
    excess_air: QuantityLike,
    combustion_air_temperature: QuantityLike,
) -> pint.Quantity:
    """Available heat of a natural-gas flame: the share of the fuel's HHV left in the furnace.

    Parameters
    ----------
    flue_temperature : float, array-like or Quantity
        Temperature of the flue gas leaving the furnace [degC]; any temperature
        Quantity is accepted.
    excess_air : float, array-like or Quantity
        Excess air [dimensionless], a fraction of the stoichiometric air, >= 0; e.g.
        from :func:`excess_air_from_o2`, or a Quantity in percent.
    combustion_air_temperature : float, array-like or Quantity
        Temperature of the combustion air at the burners [degC].

    Returns
    -------
    Quantity
        Available heat [dimensionless], a fraction of the higher heating value.

    Raises
    ------
    OutOfRangeError
        If a temperature is below absolute zero, ``excess_air`` is negative, or the
        correlation leaves (0, 1] (field ``flue_temperature``).

    Notes
    -----
    With temperatures in degF and :math:`EA` as a fraction (MEASUR works in % of HHV):

    .. math::

        c = 0.017828518 + 0.000002556\\,T_a

        AH\\,[\\%] = (95 - 0.025\\,T_f) - (-1.07891327 + c\\,T_f)\\,EA
                    + (-1.078913827 + c\\,T_a)\\,(1 + EA)

    The grouping follows MEASUR's ``O2Enrichment.cpp`` and the refactored
    process-heat efficiency-improvement routine. An older revision of
    ``EfficiencyImprovement.cpp`` groups the constants differently and gives values
    about 1.08 percentage points higher; this module follows ``O2Enrichment.cpp``.
    The correlation is for natural gas; its values are fractions of the gross (HHV)
    input.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/furnace/EfficiencyImprovement.cpp`` and
    ``src/calculator/furnace/O2Enrichment.cpp``; tests in
    ``tests/cpp/EfficiencyImprovement.unit.cpp``.

    Examples
    --------
    >>> from greenchain import Q_
    >>> print(available_heat(Q_(1600, "degF"), 0.1, Q_(60, "degF")))
    0.52230...
    """
    tf = to_degF(flue_temperature, "flue_temperature")
    ta = to_degF(combustion_air_temperature, "combustion_air_temperature")
    ea = nonnegative(excess_air, "", "excess_air")
    return Q_(_available_heat_fraction(tf, ea, ta, "flue_temperature"), "")


def flue_gas_loss(
    flue_temperature: QuantityLike,
    excess_air: QuantityLike,
    combustion_air_temperature: QuantityLike,
) -> pint.Quantity:
    """Flue-gas loss of a natural-gas flame, :math:`1 - AH` (PHAST).

    Parameters
    ----------
    flue_temperature : float, array-like or Quantity
        Flue-gas temperature [degC].
    excess_air : float, array-like or Quantity
        Excess air [dimensionless], a fraction of the stoichiometric air, >= 0.
    combustion_air_temperature : float, array-like or Quantity
        Combustion-air temperature [degC].

    Returns
    -------
    Quantity
        Heat leaving with the flue gas [dimensionless], a fraction of the HHV input.

    Notes
    -----
    .. math:: L_{flue} = 1 - AH(T_f, EA, T_a)

    with :math:`AH` from :func:`available_heat`.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/furnace/EfficiencyImprovement.cpp``;
    tests in ``tests/cpp/EfficiencyImprovement.unit.cpp``.

    Examples
    --------
    >>> from greenchain import Q_
    >>> print(flue_gas_loss(Q_(1600, "degF"), Q_(10, "percent"), Q_(60, "degF")))
    0.47769...
    """
    return 1 - available_heat(flue_temperature, excess_air, combustion_air_temperature)


# ----------------------------------------------------------------------------- efficiency
@dataclass(frozen=True)
class EfficiencyImprovement:
    """Result of :func:`efficiency_improvement` (fractions are dimensionless Quantities)."""

    current_excess_air: pint.Quantity
    new_excess_air: pint.Quantity
    current_available_heat: pint.Quantity
    new_available_heat: pint.Quantity
    #: Fuel saved as a fraction of the current input (negative: the change costs fuel).
    fuel_savings: pint.Quantity
    current_input: pint.Quantity
    new_input: pint.Quantity
    #: ``current_input - new_input``, in the unit of ``current_input``.
    saving: pint.Quantity


def efficiency_improvement(
    current_o2: QuantityLike,
    new_o2: QuantityLike,
    current_flue_temperature: QuantityLike,
    new_flue_temperature: QuantityLike,
    current_air_temperature: QuantityLike,
    new_air_temperature: QuantityLike,
    current_input: QuantityLike,
) -> EfficiencyImprovement:
    """Fuel saving of O2 trim, combustion-air preheat or a lower flue temperature (PHAST).

    Parameters
    ----------
    current_o2 : float, array-like or Quantity
        Dry flue-gas O2 before [dimensionless], a fraction below 0.21, or a Quantity in
        percent.
    new_o2 : float, array-like or Quantity
        Dry flue-gas O2 after [dimensionless], as ``current_o2``.
    current_flue_temperature : float, array-like or Quantity
        Flue-gas temperature before [degC].
    new_flue_temperature : float, array-like or Quantity
        Flue-gas temperature after [degC].
    current_air_temperature : float, array-like or Quantity
        Combustion-air temperature before [degC].
    new_air_temperature : float, array-like or Quantity
        Combustion-air temperature after [degC].
    current_input : float, array-like or Quantity
        Current fuel input [kW] for plain numbers; any power or energy Quantity is
        accepted, and its unit is kept.

    Returns
    -------
    EfficiencyImprovement
        Excess air and available heat before and after, ``fuel_savings`` (fraction),
        ``new_input`` and ``saving`` in the unit of ``current_input``.

    Raises
    ------
    OutOfRangeError
        For O2 outside [0, 21 %), temperatures below absolute zero, or an available
        heat outside (0, 1].
    UnitError
        If ``current_input`` is neither a power nor an energy.

    Notes
    -----
    With :math:`AH` from :func:`available_heat`,

    .. math::

        s = \\frac{AH_{new} - AH_{current}}{AH_{new}}, \\qquad
        Q_{new} = Q_{current}\\,(1 - s)

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/furnace/EfficiencyImprovement.cpp``
    (``getNewFuelSavings``, ``getNewEnergyInput``), tests in
    ``tests/cpp/EfficiencyImprovement.unit.cpp``.

    Examples
    --------
    O2 trim from 5 % to 2 % with 20 degC air and a 1,100 degC flue:

    >>> from greenchain import Q_
    >>> r = efficiency_improvement(Q_(5, "percent"), Q_(2, "percent"), 1100, 1100, 20, 20,
    ...                            Q_(1, "MW"))
    >>> print(r.current_available_heat, r.new_available_heat)
    0.35057... 0.41548...
    >>> print(r.fuel_savings.to("percent"))
    15.6229... %
    >>> print(r.new_input)
    0.84377... MW
    """
    ea_cur = excess_air_from_o2(current_o2).m
    ea_new = excess_air_from_o2(new_o2).m
    tf_cur = to_degF(current_flue_temperature, "current_flue_temperature")
    tf_new = to_degF(new_flue_temperature, "new_flue_temperature")
    ta_cur = to_degF(current_air_temperature, "current_air_temperature")
    ta_new = to_degF(new_air_temperature, "new_air_temperature")
    q_in, unit = heat_stream(current_input, "current_input")
    check_range(q_in, "current_input", low=0)
    ah_cur = _available_heat_fraction(tf_cur, ea_cur, ta_cur, "current_flue_temperature")
    ah_new = _available_heat_fraction(tf_new, ea_new, ta_new, "new_flue_temperature")
    savings = (ah_new - ah_cur) / ah_new
    q_new = q_in * (1.0 - savings)
    return EfficiencyImprovement(
        current_excess_air=Q_(ea_cur, ""),
        new_excess_air=Q_(ea_new, ""),
        current_available_heat=Q_(ah_cur, ""),
        new_available_heat=Q_(ah_new, ""),
        fuel_savings=Q_(savings, ""),
        current_input=Q_(q_in, unit),
        new_input=Q_(q_new, unit),
        saving=Q_(q_in - q_new, unit),
    )


# ----------------------------------------------------------------------------- fuel gases
@cache
def _gas_components() -> dict[str, tuple[float, float, float, float]]:
    """``{component: (molecular weight, lb/scf, HHV Btu/lb, HHV Btu/scf)}`` from the table."""
    out = {}
    for row in read_table("gas_components_amo.csv"):

        def number(column: str, row: dict[str, str] = row) -> float:
            value = parse_number(row[column])
            if value is None:
                raise DataError(f"gas_components_amo.csv: {row['component']} has no {column}")
            return value

        out[row["component"].strip().upper()] = (
            number("molecular_weight"),
            number("density_lb_per_scf"),
            number("hhv_btu_per_lb"),
            number("hhv_btu_per_scf"),
        )
    return out


_COMPONENT_ALIASES = {"C4H10+CNH2N": "C4H10", "C4H10_CNH2N": "C4H10"}


def _composition(composition: Mapping[str, QuantityLike]) -> dict[str, np.ndarray]:
    """Normalised volume fractions ``{component: array}`` of a gas composition."""
    if not isinstance(composition, Mapping) or not composition:
        raise InputError("expected a mapping of component -> volume fraction", field="composition")
    table = _gas_components()
    fractions: dict[str, np.ndarray] = {}
    for key, value in composition.items():
        name = _COMPONENT_ALIASES.get(str(key).strip().upper(), str(key).strip().upper())
        field = f"composition[{key!r}]"
        if name not in table:
            raise InputError(
                f"unknown gas component; known: {', '.join(sorted(table))}", field=field
            )
        arr = nonnegative(value, "", field)
        fractions[name] = fractions.get(name, 0.0) + arr
    # Rescale as MEASUR does (compAdjByVol = x / total): a caveat within 2 %, an error beyond.
    return normalise_composition(fractions, "composition")


@dataclass(frozen=True)
class HeatingValue:
    """Higher heating value of a fuel gas, per mass and per volume."""

    #: HHV per mass [Btu/lb]; ``.to("MJ/kg")`` converts.
    per_mass: pint.Quantity
    #: HHV per standard cubic foot (60 degF, 14.7 psia) [Btu/scf].
    per_standard_volume: pint.Quantity
    #: HHV per normal cubic metre (0 degC, 101.325 kPa) [MJ/Nm3], ideal-gas state change.
    per_normal_volume: pint.Quantity


def gas_heating_value(composition: Mapping[str, QuantityLike]) -> HeatingValue:
    """Higher heating value of a fuel gas from its volumetric composition (MEASUR table).

    Parameters
    ----------
    composition : mapping of str to float, array-like or Quantity
        Volume (mole) fraction of each component [dimensionless]; Quantities in percent
        are accepted. Components: CH4, C2H6, N2, H2, C3H8, C4H10 (MEASUR's lumped
        "C4H10+CnH2n"), H2O, CO, CO2, SO2, O2. The fractions must sum to 1 within 0.02;
        they are rescaled to 1 as MEASUR does, with a caveat when the sum is not 1.

    Returns
    -------
    HeatingValue
        ``per_mass`` [Btu/lb], ``per_standard_volume`` [Btu/scf] and
        ``per_normal_volume`` [MJ/Nm3].

    Raises
    ------
    InputError
        For an unknown component, a negative fraction, or fractions not summing to 1.

    Notes
    -----
    With volume fractions :math:`x_i`, densities :math:`\\rho_i` [lb/scf] and component
    heating values :math:`H_i` [Btu/lb], :math:`H^V_i` [Btu/scf]:

    .. math::

        HHV_V = \\sum_i x_i H^V_i, \\qquad
        HHV_m = \\sum_i w_i H_i, \\quad w_i = \\frac{x_i \\rho_i}{\\sum_j x_j \\rho_j}

    ``per_normal_volume`` moves the standard-cubic-foot value to 0 degC and
    101.325 kPa with the ideal-gas law,
    :math:`HHV_N = HHV_V \\cdot (p_N T_s)/(p_s T_N)`. Note that pint converts
    ``Btu/scf`` to ``MJ/m**3`` as a plain volume ratio (``scf`` is a cubic foot in
    greenchain's registry), without this state change.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``include/calculator/losses/GasFlueGasMaterial.h`` and
    ``src/calculator/losses/GasFlueGasMaterial.cpp`` (``calculateHeatingValueFuel``,
    ``calculateHeatingValueFuelVolume``); component table ``factors/gas_components_amo.csv``;
    test vectors ``tests/cpp/GasFlueGasMaterial.unit.cpp``.

    Examples
    --------
    >>> hv = gas_heating_value({"CH4": 0.87, "C2H6": 0.085, "N2": 0.036, "H2": 0.004,
    ...                         "CO2": 0.004, "O2": 0.001})
    >>> print(hv.per_mass, hv.per_standard_volume, sep="; ")
    22030.67... Btu/lb; 1032.445 Btu/scf
    >>> print(hv.per_mass.to("MJ/kg"), hv.per_normal_volume, sep="; ")
    51.243... MJ/kg; 40.647... MJ/Nm3
    """
    x = _composition(composition)
    table = _gas_components()
    weight = sum(x[c] * table[c][1] for c in x)
    per_mass = sum(x[c] * table[c][1] * table[c][2] for c in x) / weight
    per_scf = sum(x[c] * table[c][3] for c in x)
    per_m3_standard = Q_(per_scf, "Btu/scf").m_as("MJ/m^3")
    state = (_NORMAL_PRESSURE_KPA * _SCF_TEMPERATURE_K) / (
        _SCF_PRESSURE_KPA * _NORMAL_TEMPERATURE_K
    )
    return HeatingValue(
        per_mass=Q_(per_mass, "Btu/lb"),
        per_standard_volume=Q_(per_scf, "Btu/scf"),
        per_normal_volume=Q_(per_m3_standard * state, "MJ/Nm3"),
    )


def gas_specific_gravity(composition: Mapping[str, QuantityLike]) -> pint.Quantity:
    """Specific gravity of a fuel gas (relative to air) from its composition (MEASUR).

    Parameters
    ----------
    composition : mapping of str to float, array-like or Quantity
        Volume fraction of each component [dimensionless], as for
        :func:`gas_heating_value`.

    Returns
    -------
    Quantity
        Specific gravity [dimensionless].

    Notes
    -----
    .. math:: SG = \\frac{\\sum_i x_i M_i}{22.4 \\times 1.205}

    with molecular weights :math:`M_i` [g/mol]; the denominator is MEASUR's (molar
    volume 22.4 L/mol times air density 1.205 g/L).

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/losses/GasFlueGasMaterial.cpp``
    (``calculateSpecificGravity``), tested in ``tests/cpp/GasFlueGasMaterial.unit.cpp``.

    Examples
    --------
    >>> print(gas_specific_gravity({"CH4": 1.0}))
    0.59432...
    """
    x = _composition(composition)
    table = _gas_components()
    molar_mass = sum(x[c] * table[c][0] for c in x)
    return Q_(molar_mass / (_SG_MOLAR_VOLUME * _SG_AIR_DENSITY), "")


# ----------------------------------------------------------------------------- equivalency
Convention = Literal["exact", "measur"]


def _check_convention(convention: str) -> None:
    if convention not in ("exact", "measur"):
        raise InputError(f"must be 'exact' or 'measur', got {convention!r}", field="convention")


def energy_equivalency_electric(
    fuel_input: QuantityLike,
    fuel_fired_efficiency: QuantityLike,
    electric_efficiency: QuantityLike,
    *,
    convention: Convention = "exact",
) -> pint.Quantity:
    """Electric power that does the work of a fuel-fired heat input (MEASUR A-4).

    Parameters
    ----------
    fuel_input : float, array-like or Quantity
        Fuel-fired heat input [kW]; any power Quantity is accepted.
    fuel_fired_efficiency : float, array-like or Quantity
        Efficiency of the fuel-fired furnace [dimensionless], 0 < eta <= 1, or a
        Quantity in percent.
    electric_efficiency : float, array-like or Quantity
        Efficiency of the electric furnace [dimensionless], 0 < eta <= 1, or a
        Quantity in percent.
    convention : {"exact", "measur"}, default "exact"
        ``"exact"`` converts units with pint (1 kWh = 3412.14 Btu); ``"measur"`` uses
        MEASUR's rounded 3413 Btu/kWh, which reproduces its published values.

    Returns
    -------
    Quantity
        Equivalent electric input [kW].

    Notes
    -----
    .. math:: P_{el} = Q_{fuel}\\,\\eta_{ff} / \\eta_{el}

    MEASUR: :math:`P[kW] = Q[MMBtu/h]\\,\\eta_{ff}/\\eta_{el} \\cdot 10^6/3413`.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/furnace/EnergyEquivalency.cpp``;
    ``tests/cpp/EnergyEquivalency.unit.cpp``.

    Examples
    --------
    >>> from greenchain import Q_
    >>> print(energy_equivalency_electric(Q_(87.3e6, "Btu/h"), Q_(6.59, "percent"),
    ...                                   Q_(50, "percent"), convention="measur"))
    3371.2686... kW
    """
    _check_convention(convention)
    q = magnitude(fuel_input, "kW", "fuel_input")
    check_range(q, "fuel_input", low=0)
    eta_ff = fraction(fuel_fired_efficiency, "fuel_fired_efficiency")
    eta_el = fraction(electric_efficiency, "electric_efficiency")
    if convention == "measur":
        btu_per_h = Q_(q, "kW").m_as("Btu/h")
        return Q_(btu_per_h * eta_ff / eta_el / _MEASUR_BTU_PER_KWH, "kW")
    return Q_(q * eta_ff / eta_el, "kW")


def energy_equivalency_fuel(
    electric_input: QuantityLike,
    electric_efficiency: QuantityLike,
    fuel_fired_efficiency: QuantityLike,
    *,
    convention: Convention = "exact",
) -> pint.Quantity:
    """Fuel-fired heat input that does the work of an electric input (MEASUR A-4).

    Parameters
    ----------
    electric_input : float, array-like or Quantity
        Electric input [kW]; any power Quantity is accepted.
    electric_efficiency : float, array-like or Quantity
        Efficiency of the electric furnace [dimensionless], 0 < eta <= 1, or a
        Quantity in percent.
    fuel_fired_efficiency : float, array-like or Quantity
        Efficiency of the fuel-fired furnace [dimensionless], 0 < eta <= 1, or a
        Quantity in percent.
    convention : {"exact", "measur"}, default "exact"
        As in :func:`energy_equivalency_electric`.

    Returns
    -------
    Quantity
        Equivalent fuel input [kW]; ``.to("Btu/h")`` for MEASUR's units.

    Notes
    -----
    .. math:: Q_{fuel} = P_{el}\\,\\eta_{el} / \\eta_{ff}

    MEASUR: :math:`Q[MMBtu/h] = P[kW]\\,\\eta_{el}/\\eta_{ff} \\cdot 0.003413`.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/furnace/EnergyEquivalency.cpp``;
    ``tests/cpp/EnergyEquivalency.unit.cpp``.

    Examples
    --------
    >>> from greenchain import Q_
    >>> q = energy_equivalency_fuel(700, Q_(52.3, "percent"), Q_(58.9, "percent"),
    ...                             convention="measur")
    >>> print(q.to("Btu/h"))
    2121391.00... Btu/h
    """
    _check_convention(convention)
    p = magnitude(electric_input, "kW", "electric_input")
    check_range(p, "electric_input", low=0)
    eta_el = fraction(electric_efficiency, "electric_efficiency")
    eta_ff = fraction(fuel_fired_efficiency, "fuel_fired_efficiency")
    if convention == "measur":
        btu_per_h = p * eta_el / eta_ff * _MEASUR_BTU_PER_KWH
        return Q_(Q_(btu_per_h, "Btu/h").m_as("kW"), "kW")
    return Q_(p * eta_el / eta_ff, "kW")
