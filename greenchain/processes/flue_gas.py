"""Flue gas by fuel composition: excess air <-> flue O2, available heat (US DOE MEASUR, PHAST).

Where :mod:`greenchain.processes.combustion` holds PHAST's fixed natural-gas
correlation, this module burns a fuel from its composition, as MEASUR's
``GasCompositions`` and ``SolidLiquidFlueGasMaterial`` do:

* a fuel gas from its volumetric composition (CH4, C2H6, N2, H2, C3H8, C4H10, H2O, CO,
  CO2, SO2, O2): :func:`gas_flue_o2`, :func:`gas_excess_air_from_o2` and
  :func:`gas_available_heat`;
* solid and liquid fuels (coal, biomass, heavy oil) from their ultimate analysis are in
  :mod:`greenchain.processes.solid_fuels`.

A composition summing to within 2 % of 1 is rescaled with a caveat, as MEASUR rescales
it; beyond that it is an error naming the argument.

Flue O2 follows MEASUR's stoichiometry: the O2 share of the flue-gas products by mass
(MEASUR's ``mO2 / (mH2O + mCO2 + mN2 + mO2 + mSO2)``, water included). The inverse,
excess air from a flue O2 reading, is solved exactly (``method="exact"``, the default);
``method="measur"`` repeats MEASUR's search, which starts from the natural-gas relation
and moves excess air in 1 % steps until the O2 agrees within 2 % of the reading, and
reproduces MEASUR's numbers.

Examples
--------
>>> from greenchain import Q_
>>> gas = {"CH4": 0.941, "C2H6": 0.024, "N2": 0.0141, "H2": 0.0003, "C3H8": 0.0049,
...        "C4H10": 0.0029, "CO": 0.0042, "CO2": 0.0071}
>>> print(gas_excess_air_from_o2(gas, Q_(3, "percent")).to("percent"))
15.837... %
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

import numpy as np
import pint

from greenchain.data.tables import parse_number, read_table
from greenchain.errors import DataError, InputError, OutOfRangeError
from greenchain.processes._common import (
    RANKINE_OFFSET,
    ExcessAirMethod,
    flue_o2_fraction,
    measur_excess_air_search,
    measur_molar_cp,
    normalise_composition,
    to_degF,
    water_dew_point,
    water_saturation_enthalpy,
)
from greenchain.units import Q_, QuantityLike, nonnegative

__all__ = [
    "gas_stoichiometric_air",
    "gas_flue_o2",
    "gas_excess_air_from_o2",
    "GasCombustion",
    "gas_available_heat",
]

Method = ExcessAirMethod

# ---- constants of MEASUR's GasFlueGasMaterial.cpp (AMO-Tools-Suite, commit 15208321)
_O2_IN_AIR_MASS = 0.231  # mass fraction of O2 in air (calculateMassFlueGasComponents)
_O2_IN_AIR_VOLUME = 0.209  # volume fraction of O2 in air (getProcessHeatProperties)
_O2_MOLAR_MASS = 32.0  # lb/lbmol, as MEASUR writes it
_LBMOL_PER_SCF = 0.0026365  # 1/379.3: lbmol per scf at 60 degF, 14.7 psia
_CO2_MOL_PER_LB = 0.022722  # 1/44.01
_H2O_MOL_PER_LB = 0.055506  # 1/18.016
_N2_LB_PER_SCF = 0.0744  # density of N2 at the scf state
_O2_LB_PER_SCF = 0.0846  # density of O2 at the scf state
_SCF_PER_LBMOL = 378.2  # MEASUR's molar volume in the mean-cp terms
_STD_AIR_O2, _STD_AIR_N2, _STD_AIR_H2O = 20.7, 78.3, 1.0  # % by volume of humid air
_STD_AIR_MOISTURE = 0.009  # lb water per lb air already in that standard air
_AIR_LB_PER_SCF = 0.0763  # air density at the scf state


_cp = measur_molar_cp


# ----------------------------------------------------------------------------- gas tables
@cache
def _gas_table() -> dict[str, dict[str, float]]:
    """``{component: {mw, density, hhv_volume, o2, h2o, co2}}`` from the two MEASUR tables."""
    out: dict[str, dict[str, float]] = {}

    def number(row: dict[str, str], column: str, table: str) -> float:
        value = parse_number(row[column])
        if value is None:
            raise DataError(f"{table}: {row['component']} has no {column}")
        return value

    for row in read_table("gas_components_amo.csv"):
        out[row["component"].strip().upper()] = {
            "mw": number(row, "molecular_weight", "gas_components_amo.csv"),
            "density": number(row, "density_lb_per_scf", "gas_components_amo.csv"),
            "hhv_volume": number(row, "hhv_btu_per_scf", "gas_components_amo.csv"),
        }
    for row in read_table("gas_combustion_products_amo.csv"):
        name = row["component"].strip().upper()
        if name not in out:
            raise DataError(f"gas_combustion_products_amo.csv: unknown component {name}")
        for key, column in (
            ("o2", "o2_lb_per_lbmol"),
            ("h2o", "h2o_lb_per_lbmol"),
            ("co2", "co2_lb_per_lbmol"),
        ):
            out[name][key] = number(row, column, "gas_combustion_products_amo.csv")
    return out


_ALIASES = {"C4H10+CNH2N": "C4H10", "C4H10_CNH2N": "C4H10"}


def _gas_fractions(composition: Mapping[str, QuantityLike]) -> dict[str, np.ndarray]:
    if not isinstance(composition, Mapping) or not composition:
        raise InputError("expected a mapping of component -> volume fraction", field="composition")
    table = _gas_table()
    fractions: dict[str, np.ndarray] = {}
    for key, value in composition.items():
        name = _ALIASES.get(str(key).strip().upper(), str(key).strip().upper())
        field = f"composition[{key!r}]"
        if name not in table:
            raise InputError(
                f"unknown gas component; known: {', '.join(sorted(table))}", field=field
            )
        fractions[name] = fractions.get(name, 0.0) + nonnegative(value, "", field)
    return normalise_composition(fractions, "composition")


@dataclass(frozen=True)
class _GasProducts:
    """Flue-gas masses per unit mass of fuel, ``O2 = a EA``, ``rest = b0 + b1 EA``."""

    o2_per_ea: np.ndarray
    rest: np.ndarray
    rest_per_ea: np.ndarray


def _gas_products(x: dict[str, np.ndarray]) -> _GasProducts:
    table = _gas_table()
    weight = sum(x[c] * table[c]["density"] for c in x)
    w = {c: x[c] * table[c]["density"] / weight for c in x}
    a = sum(table[c]["o2"] * w[c] / table[c]["mw"] for c in w)
    h2o = sum(table[c]["h2o"] * w[c] / table[c]["mw"] for c in w)
    co2 = sum(table[c]["co2"] * w[c] / table[c]["mw"] for c in w)
    k = (1.0 - _O2_IN_AIR_MASS) / _O2_IN_AIR_MASS
    n2_fuel = w.get("N2", 0.0)
    return _GasProducts(
        o2_per_ea=np.asarray(a),
        rest=np.asarray(h2o + co2 + k * a + n2_fuel),
        rest_per_ea=np.asarray(k * a),
    )


def _o2_of(p: _GasProducts, ea: np.ndarray) -> np.ndarray:
    o2 = p.o2_per_ea * ea
    return o2 / (p.rest + p.rest_per_ea * ea + o2)


def _solve_excess_air(p: _GasProducts, x: np.ndarray, method: str) -> np.ndarray:
    if method == "exact":
        limit = p.o2_per_ea / (p.o2_per_ea + p.rest_per_ea)
        if np.any(x >= limit):
            raise OutOfRangeError(
                f"must be below {float(np.min(limit)):.4g}, the O2 share of air on this basis",
                field="flue_o2",
            )
        return x * p.rest / (p.o2_per_ea - x * (p.o2_per_ea + p.rest_per_ea))
    if method != "measur":
        raise InputError(f"must be 'exact' or 'measur', got {method!r}", field="method")
    return measur_excess_air_search(lambda ea: _o2_of(p, ea), x)


# ----------------------------------------------------------------------------- fuel gas
def gas_stoichiometric_air(composition: Mapping[str, QuantityLike]) -> pint.Quantity:
    """Stoichiometric air of a fuel gas: volume of air per volume of fuel (MEASUR).

    Parameters
    ----------
    composition : mapping of str to float, array-like or Quantity
        Volume fraction of each component [dimensionless], as for :func:`gas_flue_o2`.

    Returns
    -------
    Quantity
        Stoichiometric air [dimensionless], m³ (or scf) of air per m³ (scf) of fuel.

    Notes
    -----
    .. math:: V_{air}/V_{fuel} = \\frac{\\sum_i x_i\\,O_i/32}{0.209}

    with :math:`O_i` the lb of O2 per lbmol of component :math:`i`
    (``factors/gas_combustion_products_amo.csv``) and 20.9 % O2 in air by volume.

    References
    ----------
    US DOE MEASUR (PHAST), AMO-Tools-Suite ``src/calculator/losses/GasFlueGasMaterial.cpp``
    (``calculateStoichometricAir``), used by ``AirHeatingUsingExhaust``.

    Examples
    --------
    >>> print(gas_stoichiometric_air({"CH4": 1.0}))
    9.569...
    """
    x = _gas_fractions(composition)
    table = _gas_table()
    o2_mol = sum(x[c] * table[c]["o2"] for c in x) / _O2_MOLAR_MASS
    return Q_(np.asarray(o2_mol / _O2_IN_AIR_VOLUME, dtype=float), "")


def gas_flue_o2(composition: Mapping[str, QuantityLike], excess_air: QuantityLike) -> pint.Quantity:
    """O2 in the flue gas of a fuel gas burnt with a given excess air (MEASUR).

    Parameters
    ----------
    composition : mapping of str to float, array-like or Quantity
        Volume fraction of each component [dimensionless] (CH4, C2H6, N2, H2, C3H8,
        C4H10, H2O, CO, CO2, SO2, O2); Quantities in percent are accepted. A sum within
        2 % of 1 is rescaled with a caveat.
    excess_air : float, array-like or Quantity
        Excess air [dimensionless], a fraction of the stoichiometric air, >= 0.

    Returns
    -------
    Quantity
        O2 share of the flue gas [dimensionless], on MEASUR's basis (mass of the
        products, water included).

    Notes
    -----
    With mass fractions :math:`w_i = x_i\\rho_i/\\sum_j x_j\\rho_j`, the O2 demand
    :math:`A = \\sum_i w_i\\,O_i/M_i`, water :math:`H = \\sum_i w_i\\,W_i/M_i`, CO2
    :math:`C = \\sum_i w_i\\,K_i/M_i` (per unit fuel mass; :math:`O_i, W_i, K_i` from
    ``factors/gas_combustion_products_amo.csv``) and :math:`k = 0.769/0.231`:

    .. math::

        m_{O_2} = A\\,EA, \\quad m_{N_2} = k A (1 + EA) + w_{N_2}, \\qquad
        O_2 = \\frac{m_{O_2}}{H + C + m_{N_2} + m_{O_2}}

    References
    ----------
    US DOE MEASUR (PHAST), AMO-Tools-Suite ``src/calculator/losses/GasFlueGasMaterial.cpp``
    (``calculateO2``, ``calculateMassFlueGasComponents``); tests
    ``tests/cpp/GasFlueGasMaterial.unit.cpp``. US DOE PHAST user manual, flue-gas losses.

    Examples
    --------
    >>> print(gas_flue_o2({"CH4": 1.0}, 0.10))
    0.01994...
    """
    p = _gas_products(_gas_fractions(composition))
    ea = nonnegative(excess_air, "", "excess_air")
    return Q_(_o2_of(p, ea), "")


def gas_excess_air_from_o2(
    composition: Mapping[str, QuantityLike], flue_o2: QuantityLike, *, method: Method = "exact"
) -> pint.Quantity:
    """Excess air of a fuel gas from the flue-gas O2 (inverse of :func:`gas_flue_o2`).

    Parameters
    ----------
    composition : mapping of str to float, array-like or Quantity
        Volume fraction of each component [dimensionless], as for :func:`gas_flue_o2`.
    flue_o2 : float, array-like or Quantity
        O2 in the flue gas [dimensionless], 0 <= x < 0.21; ``Q_(3, "percent")`` accepted.
    method : {"exact", "measur"}, default "exact"
        ``"exact"`` solves the O2 relation in closed form; ``"measur"`` repeats MEASUR's
        1 %-step search (within 2 % of the O2), which reproduces MEASUR's numbers.

    Returns
    -------
    Quantity
        Excess air [dimensionless], a fraction of the stoichiometric air.

    Raises
    ------
    OutOfRangeError
        If ``flue_o2`` is not below the O2 share of air on this basis.

    Notes
    -----
    :math:`O_2 = A\\,EA / (B_0 + B_1 EA)` (see :func:`gas_flue_o2`) is linear-fractional
    in :math:`EA`, so

    .. math:: EA = \\frac{x\\,B_0}{A - x\\,(A + B_1)}

    MEASUR instead starts from :math:`EA_0 = 8.52381x/(2 - 9.52381x)` and multiplies
    by 0.99 or 1.01 until :math:`|x - O_2(EA)|/x < 0.02`; its answer can differ from
    the exact one by up to about 2 % of the excess air.

    References
    ----------
    US DOE MEASUR (PHAST), AMO-Tools-Suite ``src/calculator/losses/GasFlueGasMaterial.cpp``
    (``calculateExcessAir``); tests ``tests/cpp/GasFlueGasMaterial.unit.cpp``.

    Examples
    --------
    >>> from greenchain import Q_
    >>> print(gas_excess_air_from_o2({"CH4": 1.0}, Q_(3, "percent")).to("percent"))
    15.789... %
    """
    p = _gas_products(_gas_fractions(composition))
    return Q_(_solve_excess_air(p, flue_o2_fraction(flue_o2), method), "")


@dataclass(frozen=True)
class GasCombustion:
    """Combustion of a fuel gas from its composition (MEASUR ``getProcessHeatProperties``)."""

    #: Available heat [dimensionless], a fraction of the gross (HHV) heat input.
    available_heat: pint.Quantity
    #: Excess air [dimensionless], a fraction of the stoichiometric air.
    excess_air: pint.Quantity
    #: O2 in the flue gas [dimensionless], on MEASUR's basis.
    flue_o2: pint.Quantity
    #: Stoichiometric air [dimensionless], volume of air per volume of fuel.
    stoichiometric_air: pint.Quantity
    #: Higher heating value of the fuel [Btu/scf].
    heating_value: pint.Quantity
    #: Mean specific heat of the flue gas [Btu/lb/delta_degF].
    flue_gas_specific_heat: pint.Quantity
    #: Mass of flue gas per standard volume of fuel [lb/ft^3] (MEASUR's ``density``).
    flue_gas_mass_per_fuel_volume: pint.Quantity


def gas_available_heat(
    composition: Mapping[str, QuantityLike],
    flue_temperature: QuantityLike,
    *,
    combustion_air_temperature: QuantityLike,
    fuel_temperature: QuantityLike,
    ambient_temperature: QuantityLike,
    flue_o2: QuantityLike | None = None,
    excess_air: QuantityLike | None = None,
    combustion_air_moisture: QuantityLike = 0.0,
    method: Method = "exact",
) -> GasCombustion:
    """Available heat of a fuel gas of any composition, with preheated air and fuel (PHAST).

    Parameters
    ----------
    composition : mapping of str to float, array-like or Quantity
        Volume fraction of each component [dimensionless], as for :func:`gas_flue_o2`.
    flue_temperature : float, array-like or Quantity
        Flue-gas temperature leaving the furnace [degC].
    combustion_air_temperature : float, array-like or Quantity
        Combustion-air temperature at the burners [degC].
    fuel_temperature : float, array-like or Quantity
        Fuel temperature at the burners [degC].
    ambient_temperature : float, array-like or Quantity
        Reference (ambient) temperature [degC]; MEASUR uses 60 degF.
    flue_o2 : float, array-like or Quantity, optional
        O2 in the flue gas [dimensionless]; give this or ``excess_air``.
    excess_air : float, array-like or Quantity, optional
        Excess air [dimensionless], a fraction of the stoichiometric air.
    combustion_air_moisture : float, array-like or Quantity, default 0.0
        Moisture of the combustion air [dimensionless], mass of water per mass of air;
        MEASUR's air already holds 0.009 (1 % by volume), only the excess adds water.
    method : {"exact", "measur"}, default "exact"
        How excess air is found from ``flue_o2`` (see :func:`gas_excess_air_from_o2`).

    Returns
    -------
    GasCombustion
        Available heat, excess air, flue O2, stoichiometric air, heating value and the
        flue gas's mean specific heat.

    Raises
    ------
    InputError
        Unless exactly one of ``flue_o2`` and ``excess_air`` is given.

    Notes
    -----
    Per scf of fuel, with volume fractions :math:`x_i`: heating value
    :math:`HHV = \\sum x_i H^V_i`; products :math:`CO_2 = \\sum x_i K_i/379.3`,
    :math:`H_2O = \\sum x_i W_i/379.3` [lb], O2 demand :math:`O = \\sum x_i O_i/32`
    [lbmol], stoichiometric air :math:`O/0.209`; flue O2 :math:`EA\\,O`, N2
    :math:`(1+EA)\\,O\\,0.791/0.209` (scf, at 0.0846 and 0.0744 lb/scf). Each product
    leaves at :math:`T_f` with its mean :math:`c_p` between :math:`T_{air}` and
    :math:`T_f` (MEASUR's Shomate-type fits); water with the saturation enthalpy
    :math:`1096.7 (29.926\\,p_{H_2O})^{0.013}` at its dew point
    :math:`36.009 \\ln(29.926\\,p_{H_2O}) + 81.054` °F. Then

    .. math::

        AH = \\frac{HHV + Q_{air} + Q_{fuel} - \\sum_j Q_j}{HHV}

    where :math:`Q_{air}` is the heat of the preheated air, with MEASUR's linear mean
    :math:`c_p` of humid air, and :math:`Q_{fuel}` the sensible heat of the fuel above
    ambient. Ported term by term from MEASUR, including its treatment of humid air: the
    water above 0.009 lb/lb, :math:`m_w = (\\phi - 0.009)\\,0.0763\\,A_s(1+EA)` per scf
    of fuel, joins the flue water and MEASUR credits :math:`m_w\\,\\bar c_{p,H_2O}(T_f - T_{air})`
    to the heat input.

    References
    ----------
    US DOE MEASUR (PHAST), AMO-Tools-Suite ``src/calculator/losses/GasFlueGasMaterial.cpp``
    (``getProcessHeatProperties``); tests ``tests/cpp/GasFlueGasMaterial.unit.cpp`` and
    ``tests/wasm/phast/wasm-phast-test.js`` (``flueGasLossesByVolume``). US DOE PHAST
    user manual, flue-gas losses.

    Examples
    --------
    >>> from greenchain import Q_
    >>> r = gas_available_heat({"CH4": 1.0}, Q_(700, "degF"), excess_air=0.1,
    ...     combustion_air_temperature=Q_(60, "degF"), fuel_temperature=Q_(60, "degF"),
    ...     ambient_temperature=Q_(60, "degF"))
    >>> print(r.available_heat)
    0.8...
    """
    x = _gas_fractions(composition)
    p = _gas_products(x)
    if (flue_o2 is None) == (excess_air is None):
        raise InputError("give exactly one of flue_o2 and excess_air", field="flue_o2")
    if excess_air is not None:
        ea = nonnegative(excess_air, "", "excess_air")
        o2_flue = _o2_of(p, ea)
    else:
        assert flue_o2 is not None
        o2_flue = flue_o2_fraction(flue_o2)
        ea = _solve_excess_air(p, o2_flue, method)
    tf = to_degF(flue_temperature, "flue_temperature")
    tca = to_degF(combustion_air_temperature, "combustion_air_temperature")
    tfuel = to_degF(fuel_temperature, "fuel_temperature")
    tamb = to_degF(ambient_temperature, "ambient_temperature")
    moisture = nonnegative(combustion_air_moisture, "", "combustion_air_moisture")
    if np.any(tf <= tamb):
        raise OutOfRangeError("must be above ambient_temperature", field="flue_temperature")

    t_in, t_out = RANKINE_OFFSET + tca, RANKINE_OFFSET + tf
    avg_o2 = (_cp("O2", t_in) + _cp("O2", t_out)) / 2 / 32
    avg_n2 = (_cp("N2", t_in) + _cp("N2", t_out)) / 2 / 28
    avg_h2o = (_cp("H2O", t_in) + _cp("H2O", t_out)) / 2 / 18
    avg_co2 = (_cp("CO2", t_in) / 44 + _cp("CO2", t_out) / 44) / 2

    def mean_air_cp(t: np.ndarray) -> np.ndarray:
        return (
            (_STD_AIR_O2 * _cp("O2", t) + _STD_AIR_N2 * _cp("N2", t) + _STD_AIR_H2O * _cp("H2O", t))
            / _SCF_PER_LBMOL
            / 100
        )

    cp_b = (mean_air_cp(t_out) - mean_air_cp(t_in)) / (tf - tamb)
    cp_a = mean_air_cp(t_out) - cp_b / tf

    table = _gas_table()
    hhv = np.asarray(sum(x[c] * table[c]["hhv_volume"] for c in x), dtype=float)
    co2_lb = np.asarray(sum(x[c] * table[c]["co2"] for c in x), dtype=float)
    h2o_lb = np.asarray(sum(x[c] * table[c]["h2o"] for c in x), dtype=float)
    o2_mol = np.asarray(sum(x[c] * table[c]["o2"] for c in x), dtype=float) / _O2_MOLAR_MASS
    co2_vol = co2_lb * _CO2_MOL_PER_LB
    h2o_vol = h2o_lb * _H2O_MOL_PER_LB
    co2_wt = co2_lb * _LBMOL_PER_SCF
    n2_per_o2 = (1 - _O2_IN_AIR_VOLUME) / _O2_IN_AIR_VOLUME
    stoich = o2_mol * (1 + n2_per_o2)
    extra = np.maximum(moisture - _STD_AIR_MOISTURE, 0.0)
    air_water = np.where(
        moisture <= _STD_AIR_MOISTURE, 0.0, extra * stoich * (1 + ea) * _AIR_LB_PER_SCF
    )
    h2o_wt = h2o_lb * _LBMOL_PER_SCF + air_water
    o2_vol = ea * o2_mol
    n2_vol = (1 + ea) * o2_mol * n2_per_o2
    n2_wt = n2_vol * _N2_LB_PER_SCF
    o2_wt = o2_vol * _O2_LB_PER_SCF
    pp_h2o = h2o_vol / (co2_vol + h2o_vol + o2_vol + n2_vol)
    h_sat = water_saturation_enthalpy(pp_h2o)
    t_sat = water_dew_point(pp_h2o)
    dt = tf - tamb
    q_h2o = (h_sat + avg_h2o * (tf - t_sat)) * 100 * h2o_wt
    q_co2 = avg_co2 * dt * 100 * co2_wt
    q_n2 = avg_n2 * dt * 100 * n2_wt
    q_o2 = avg_o2 * dt * 100 * o2_wt
    q_air = stoich * (1 + ea) * (((tca + tamb) / 2) * cp_b + cp_a) * (tca - tamb)
    q_air += air_water * avg_h2o * (tf - tca)
    total = co2_wt + h2o_wt + o2_wt + n2_wt
    cp_flue = (co2_wt * avg_co2 + h2o_wt * avg_h2o + o2_wt * avg_o2 + n2_wt * avg_n2) / total
    q_fuel = cp_flue * (tfuel - tamb)
    ah = (100 * (q_fuel + hhv + q_air) - (q_h2o + q_co2 + q_n2 + q_o2)) / (100 * hhv)
    return GasCombustion(
        available_heat=Q_(ah, ""),
        excess_air=Q_(np.asarray(ea, dtype=float), ""),
        flue_o2=Q_(np.asarray(o2_flue, dtype=float), ""),
        stoichiometric_air=Q_(np.asarray(stoich, dtype=float), ""),
        heating_value=Q_(np.asarray(hhv, dtype=float), "Btu/scf"),
        flue_gas_specific_heat=Q_(cp_flue, "Btu/lb/delta_degF"),
        flue_gas_mass_per_fuel_volume=Q_(np.asarray(total, dtype=float), "lb/ft^3"),
    )
