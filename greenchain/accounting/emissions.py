"""Emission methods of GB/T 32150 and the NDRC sector guidelines.

Each function takes activity data as a pint Quantity (any compatible unit) or plain numbers in
the documented unit (scalars, arrays or Series) and returns a Quantity (t CO2, t CH4 or t CO2e).
Factors come from :mod:`greenchain.data.factors` and cite their table in
``factors/sources.yaml``; measured values (实测值) passed as arguments override the defaults one
by one, as GB/T 32150 prescribes. Every function cites its standard, clause and table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pint

from greenchain.data import factors
from greenchain.data.gwp import DEFAULT_AR, gwp_factor
from greenchain.errors import InputError, UnitError, caveat
from greenchain.units import Q_, check_range, magnitude, quantity

__all__ = [
    "FuelParameters",
    "fuel_parameters",
    "fuel_combustion",
    "combustion_non_co2",
    "purchased_electricity",
    "purchased_electricity_market_based",
    "purchased_heat",
    "steam_heat",
    "hot_water_heat",
    "carbonate_decomposition",
    "carbonate_id",
    "wastewater_ch4",
    "refrigerant_leakage",
    "DEFAULT_FUEL_DATASET",
    "IPCC_FUEL",
    "ipcc_non_co2_factor",
    "CO2_PER_C",
]

#: Default Chinese fuel parameter set.
DEFAULT_FUEL_DATASET = "GB/T 32150-2015"
#: Mass ratio CO2/C as the guidelines write it (44/12).
CO2_PER_C = 44.0 / 12.0

# Chinese fuel ids -> the IPCC 2006 fuel whose Tier 1 CH4/N2O defaults apply
# (classification by IPCC 2006 Vol. 2 Table 1.1 fuel definitions; no numbers here).
IPCC_FUEL = {
    "natural_gas": "natural_gas",
    "lng": "natural_gas",
    "lpg": "lpg",
    "diesel": "diesel",
    "gasoline": "gasoline",
    "kerosene": "kerosene",
    "fuel_oil": "fuel_oil",
    "crude_oil": "crude_oil",
    "naphtha": "naphtha",
    "petroleum_coke": "petroleum_coke",
    "refinery_gas": "refinery_gas",
    "anthracite": "anthracite",
    "bituminous_coal": "bituminous_coal",
    "sub_bituminous_coal": "sub_bituminous_coal",
    "lignite": "lignite",
    "cleaned_coal": "bituminous_coal",
    "other_washed_coal": "bituminous_coal",
    "raw_coal": "bituminous_coal",
    "briquettes": "bituminous_coal",
    "coke": "coke",
    "coal_tar": "coal_tar",
    "coke_oven_gas": "coke_oven_gas",
    "blast_furnace_gas": "blast_furnace_gas",
}

_CARBONATES = {
    "caco3": "caco3",
    "calcite": "caco3",
    "calcium_carbonate": "caco3",
    "aragonite": "caco3",
    "mgco3": "mgco3",
    "magnesite": "mgco3",
    "magnesium_carbonate": "mgco3",
    "camg_co3_2": "camg_co3_2",
    "camg(co3)2": "camg_co3_2",
    "dolomite": "camg_co3_2",
    "feco3": "feco3",
    "siderite": "feco3",
    "mnco3": "mnco3",
    "rhodochrosite": "mnco3",
    "na2co3": "na2co3",
    "soda_ash": "na2co3",
    "nahco3": "nahco3",
    "baco3": "baco3",
    "li2co3": "li2co3",
    "k2co3": "k2co3",
    "srco3": "srco3",
}


@dataclass(frozen=True)
class FuelParameters:
    """The default factors of one fuel in one dataset, and its amount basis.

    Attributes
    ----------
    fuel, dataset : str
        Fuel id (``"natural_gas"``) and parameter set (``"GB/T 32150-2015"``).
    ncv, carbon_content, oxidation_rate : Factor
        Net calorific value (低位发热量) [GJ/t] or [GJ/wan_Nm3] (gaseous fuels), carbon content
        per unit heat (单位热值含碳量) [tC/GJ] (IPCC 2006: [tC/TJ]), oxidation rate (碳氧化率) [-].
    """

    fuel: str
    dataset: str
    ncv: factors.Factor
    carbon_content: factors.Factor
    oxidation_rate: factors.Factor

    @property
    def basis_unit(self) -> str:
        """``"t"`` for fuels measured by mass, ``"Nm3"`` for fuels measured by volume."""
        q = Q_(1.0, self.ncv.unit)
        return "t" if q.check("[energy]/[mass]") else "Nm3"

    @property
    def ncv_per_basis(self) -> float:
        """NCV per ``basis_unit``: [GJ/t] or [GJ/Nm3]."""
        return float(Q_(self.ncv.value, self.ncv.unit).m_as(f"GJ/{self.basis_unit}"))

    def used(self) -> list[factors.Factor]:
        """The factors ``[ncv, carbon_content, oxidation_rate]``, for an audit trail."""
        return [self.ncv, self.carbon_content, self.oxidation_rate]


def fuel_parameters(fuel: str, dataset: str = DEFAULT_FUEL_DATASET) -> FuelParameters:
    """Look up the NCV, carbon content per heat and oxidation rate of a fuel.

    Parameters
    ----------
    fuel : str
        Fuel id, e.g. ``"natural_gas"``, ``"diesel"``; one the dataset lacks raises
        :class:`~greenchain.errors.InputError` listing the fuels it has.
    dataset : str, default "GB/T 32150-2015"
        Default parameter set: ``"GB/T 32150-2015"`` [1]_, ``"NDRC 2013"`` [2]_,
        ``"GB/T 32151.34-2024"`` [3]_ or ``"IPCC 2006"`` [4]_.

    Returns
    -------
    FuelParameters

    References
    ----------
    .. [1] GB/T 32150-2015, Annex B, Table B.1, fossil-fuel defaults (public transcription;
       attribution to Table B.1 unverified; LNG and refinery-gas rows in conflict).
    .. [2] NDRC 2013 chemical-industry guideline (中国化工生产企业温室气体排放核算方法与报告指南), Annex 2.
    .. [3] GB/T 32151.34-2024, Annex C, Table C.1.
    .. [4] IPCC 2006 Guidelines, Vol. 2, Ch. 1, Tables 1.2 (NCV), 1.3 (carbon content), 1.4 (OF 1).

    Examples
    --------
    >>> p = fuel_parameters("diesel")
    >>> p.ncv.value, p.ncv.unit, p.carbon_content.value, p.oxidation_rate.value, p.basis_unit
    (42.652, 'GJ/t', 0.0202, 0.98, 't')
    """
    try:
        return FuelParameters(
            fuel,
            dataset,
            *(
                factors.get(f"fuel.{fuel}.{p}", dataset=dataset)
                for p in ("ncv", "carbon_content", "oxidation_rate")
            ),
        )
    except (factors.FactorNotFound, factors.AmbiguousFactor) as exc:
        known = sorted(
            {
                k.split(".")[1]
                for k in factors.search(dataset=dataset)["key"]
                if k.startswith("fuel.")
            }
        )
        raise InputError(
            f"unknown fuel {fuel!r} in dataset {dataset!r}; known fuels: {', '.join(known)}",
            field="fuel",
        ) from exc


def _fuel_amount(params: FuelParameters, amount: Any) -> np.ndarray:
    basis = params.basis_unit
    if isinstance(amount, pint.Quantity) and not amount.check(
        "[mass]" if basis == "t" else "[length]**3"
    ):
        kind = "mass" if basis == "t" else "volume"
        raise UnitError(
            f"fuel {params.fuel!r} is measured by {kind} (NCV in "
            f"{params.ncv.unit}); got {amount.units:~P}",
            field="amount",
        )
    arr = magnitude(amount, basis, "amount")
    check_range(arr, "amount", low=0)
    return arr


def _override(
    value: Any, default: factors.Factor, unit: str, name: str, basis: str | None = None
) -> np.ndarray:
    if value is None:
        return np.asarray(Q_(default.value, default.unit).m_as(unit))
    arr = magnitude(value, unit, name)
    check_range(arr, name, low=0, low_inclusive=False)
    return arr


def fuel_combustion(
    fuel: str,
    amount: Any,
    *,
    dataset: str = DEFAULT_FUEL_DATASET,
    ncv: Any = None,
    carbon_content: Any = None,
    oxidation_rate: Any = None,
) -> pint.Quantity:
    r"""CO2 from burning a fossil fuel (GB/T 32150 emission-factor method).

    Parameters
    ----------
    fuel : str
        Fuel id, e.g. ``"natural_gas"``, ``"diesel"``, ``"bituminous_coal"``.
    amount : Quantity or array_like
        Fuel consumed, FC, by mass or volume as the fuel's NCV requires: plain numbers in [t]
        (solid and liquid fuels) or [Nm3] (gaseous fuels); [m^3] is read as [Nm3]; another
        dimension raises :class:`~greenchain.errors.UnitError`.
    dataset : str, default "GB/T 32150-2015"
        Default parameter set (see :func:`fuel_parameters`).
    ncv : Quantity or array_like, optional
        Measured net calorific value (实测低位发热量) [GJ/t] or [GJ/Nm3].
    carbon_content : Quantity or array_like, optional
        Measured carbon content per unit heat [tC/GJ].
    oxidation_rate : Quantity or array_like, optional
        Measured carbon oxidation rate [-], in (0, 1].

    Returns
    -------
    Quantity [tCO2]

    Notes
    -----
    .. math:: E = FC \times NCV \times CC \times OF \times 44/12

    The emission-factor method of [1]_ (clauses 7.2.2 and 7.5.2 of [2]_): activity data [GJ]
    times emission factor [tCO2/GJ]; a measured NCV, CC or OF replaces the default of ``dataset``.

    References
    ----------
    .. [1] GB/T 32150-2015, emission-factor method; fuel defaults of Annex B, Table B.1
       (public transcription; attribution to Table B.1 unverified).
    .. [2] GB/T 32150-2025, clauses 7.2.2 and 7.5.2.

    Examples
    --------
    >>> from greenchain import Q_
    >>> fuel_combustion("diesel", Q_(100, "t"))
    <Quantity(309.59..., 'tonne_CO2')>
    """
    params = fuel_parameters(fuel, dataset)
    fc = _fuel_amount(params, amount)
    basis = params.basis_unit
    ncv_v = _override(ncv, params.ncv, f"GJ/{basis}", "ncv")
    cc = _override(carbon_content, params.carbon_content, "tC/GJ", "carbon_content")
    of = _override(oxidation_rate, params.oxidation_rate, "", "oxidation_rate")
    check_range(of, "oxidation_rate", high=1)
    return quantity(fc * ncv_v * cc * of * CO2_PER_C, "tCO2")


def combustion_non_co2(
    fuel: str,
    amount: Any,
    *,
    dataset: str = DEFAULT_FUEL_DATASET,
    ncv: Any = None,
    sector: str = "manufacturing",
) -> dict[str, pint.Quantity]:
    r"""CH4 and N2O from stationary combustion (IPCC 2006 Tier 1 defaults).

    Parameters
    ----------
    fuel : str
        Fuel id of ``dataset``, mapped to an IPCC fuel by :data:`IPCC_FUEL` (IPCC Table 1.1).
    amount : Quantity or array_like
        Fuel consumed, FC: plain numbers in [t] or [Nm3], as for :func:`fuel_combustion`.
    dataset : str, default "GB/T 32150-2015"
        Parameter set giving the NCV (see :func:`fuel_parameters`).
    ncv : Quantity or array_like, optional
        Measured net calorific value [GJ/t] or [GJ/Nm3].
    sector : {"manufacturing", "energy_industries"}, default "manufacturing"
        Emission factors of Table 2.3 or Table 2.2 of [1]_.

    Returns
    -------
    dict
        ``{"CH4": Quantity [t], "N2O": Quantity [t]}``; empty if no default is shipped for the
        fuel (a :class:`~greenchain.errors.FallbackWarning` caveat says so).

    Notes
    -----
    .. math:: E_g = FC \times NCV \times EF_g, \qquad g \in \{CH_4, N_2O\}

    with :math:`FC \times NCV` in TJ and :math:`EF_g` [kg/TJ] the IPCC Tier 1 default.

    References
    ----------
    .. [1] IPCC 2006 Guidelines, Vol. 2, Ch. 2, Table 2.2 (energy industries) and Table 2.3
       (manufacturing industries and construction).

    Examples
    --------
    >>> from greenchain import Q_
    >>> out = combustion_non_co2("natural_gas", Q_(1e6, "m^3"))
    >>> round(out["CH4"].m_as("kg"), 3), round(out["N2O"].m_as("kg"), 4)
    (38.931, 3.8931)
    """
    params = fuel_parameters(fuel, dataset)
    fc = _fuel_amount(params, amount)
    ncv_v = _override(ncv, params.ncv, f"GJ/{params.basis_unit}", "ncv")
    energy_tj = fc * ncv_v / 1000.0
    ipcc = IPCC_FUEL.get(fuel)
    out: dict[str, pint.Quantity] = {}
    if ipcc is None:
        caveat(
            f"no IPCC CH4/N2O default mapped for fuel {fuel!r}; CO2 only",
            factors.FallbackWarning,
        )
        return out
    try:
        used = {gas: ipcc_non_co2_factor(ipcc, gas, sector) for gas in ("CH4", "N2O")}
    except factors.FactorNotFound:
        caveat(
            f"no IPCC 2006 {sector} CH4/N2O default shipped for {ipcc!r} (fuel {fuel!r}); CO2 only",
            factors.FallbackWarning,
        )
        return out
    for gas, f in used.items():
        out[gas] = quantity(energy_tj * Q_(f.value, f.unit).m_as("kg/TJ") / 1000.0, "t")
    return out


def ipcc_non_co2_factor(ipcc_fuel: str, gas: str, sector: str = "manufacturing") -> factors.Factor:
    """The IPCC 2006 CH4 or N2O factor [kg/TJ] of an IPCC fuel for a sector table.

    Parameters
    ----------
    ipcc_fuel : str
        IPCC fuel id, a value of :data:`IPCC_FUEL` (``"natural_gas"``, ``"lignite"``).
    gas : {"CH4", "N2O"}
        The gas (case-insensitive).
    sector : {"manufacturing", "energy_industries"}, default "manufacturing"
        Table 2.3 or Table 2.2 of [1]_.

    Returns
    -------
    Factor
        Raises :class:`~greenchain.errors.FactorNotFound` if the table has no default.

    References
    ----------
    .. [1] IPCC 2006 Guidelines, Vol. 2, Ch. 2, Tables 2.2 and 2.3.

    Examples
    --------
    >>> ipcc_non_co2_factor("natural_gas", "CH4").value
    1.0
    """
    return factors.get(f"fuel.{ipcc_fuel}.{gas.lower()}_factor", dataset="IPCC 2006", basis=sector)


def purchased_electricity(
    amount: Any, *, region: str = "national", year: int, basis: str = "average"
) -> pint.Quantity:
    r"""CO2 of purchased electricity, location-based (GHG Protocol scope 2).

    Parameters
    ----------
    amount : Quantity or array_like
        Electricity bought from the grid [MWh] (any energy unit as a Quantity).
    region : str, default "national"
        Province, regional grid or ``"national"`` (English or Chinese).
    year : int
        Data year of the grid factor (an unpublished year falls back to an earlier one, warning).
    basis : str, default "average"
        Grid-factor basis (see :func:`greenchain.data.factors.grid_electricity`).

    Returns
    -------
    Quantity [tCO2]

    Notes
    -----
    :math:`E = AD_{elec} \times EF_{grid}` ([1]_; :math:`EF_{grid}` [tCO2/MWh] from [2]_), the
    location-based method of [3]_.

    References
    ----------
    .. [1] GB/T 32150-2025, clause 7.5.6.
    .. [2] MEE and NBS announcements on electricity CO2 emission factors: 公告2024年第12号
       (2021), 公告2024年第33号 (2022), 公告2025年第47号 (2023).
    .. [3] WRI/WBCSD, GHG Protocol Scope 2 Guidance, 2015.

    Examples
    --------
    >>> round(purchased_electricity(1000, region="华东", year=2022).m_as("tCO2"), 1)
    561.7
    """
    mwh = magnitude(amount, "MWh", "amount")
    check_range(mwh, "amount", low=0)
    f = factors.grid_electricity(region=region, year=year, basis=basis)
    return quantity(mwh * Q_(f.value, f.unit).m_as("tCO2/MWh"), "tCO2")


def purchased_electricity_market_based(
    amount: Any,
    green_amount: Any = 0,
    *,
    region: str = "national",
    year: int,
    basis: str = "average",
) -> pint.Quantity:
    r"""CO2 of purchased electricity, market-based (GHG Protocol scope 2).

    Parameters
    ----------
    amount : Quantity or array_like
        All electricity bought [MWh].
    green_amount : Quantity or array_like, default 0
        Part of ``amount`` covered by green certificates (绿证) or green supply [MWh], ≤ ``amount``.
    region, year, basis
        Grid factor, as for :func:`purchased_electricity`.

    Returns
    -------
    Quantity [tCO2]

    Notes
    -----
    :math:`E = (AD_{elec} - AD_{green}) \times EF_{grid}`, the market-based method of [1]_; the
    remainder takes the grid factor, as China publishes no residual mix (results say so).

    References
    ----------
    .. [1] WRI/WBCSD, GHG Protocol Scope 2 Guidance, 2015.

    Examples
    --------
    >>> round(purchased_electricity_market_based(1000, 400, region="Fujian",
    ...       year=2023).m_as("tCO2"), 2)
    252.66
    """
    total = magnitude(amount, "MWh", "amount")
    green = magnitude(green_amount, "MWh", "green_amount")
    check_range(green, "green_amount", low=0)
    if np.any(green > total):
        raise InputError(
            "green electricity exceeds the electricity purchased", field="green_amount"
        )
    return purchased_electricity(total - green, region=region, year=year, basis=basis)


def purchased_heat(amount: Any, *, factor: Any = None) -> pint.Quantity:
    r"""CO2 of purchased heat [tCO2].

    Parameters
    ----------
    amount : Quantity or array_like
        Heat bought [GJ] (steam or hot water by mass: :func:`steam_heat`, :func:`hot_water_heat`).
    factor : Quantity or float, optional
        Measured supplier factor [tCO2/GJ], preferred by [1]_; default 0.11 [tCO2/GJ] of [1]_.

    Returns
    -------
    Quantity [tCO2]

    Notes
    -----
    .. math:: E = AD_{heat} \times EF_{heat}

    References
    ----------
    .. [1] GB/T 32150-2025, clauses 7.5.6-7.5.7.

    Examples
    --------
    >>> purchased_heat(1000).m_as("tCO2")
    110.0
    """
    gj = magnitude(amount, "GJ", "amount")
    check_range(gj, "amount", low=0)
    ef: Any
    if factor is None:
        ef = factors.get("heat.purchased").quantity.m_as("tCO2/GJ")
    else:
        ef = check_range(magnitude(factor, "tCO2/GJ", "factor"), "factor", low=0)
    return quantity(gj * ef, "tCO2")


def steam_heat(mass: Any, enthalpy: Any) -> pint.Quantity:
    r"""Heat of steam by the Chinese guideline convention [1]_ (unverified: it warns).

    Parameters
    ----------
    mass : Quantity or array_like
        Steam mass, :math:`M` [t].
    enthalpy : Quantity or array_like
        Specific enthalpy of the steam, :math:`h` [kJ/kg].

    Returns
    -------
    Quantity [GJ]

    Notes
    -----
    .. math:: AD = M \times (h - 83.74\ \mathrm{kJ/kg}) \times 10^{-3}

    References
    ----------
    .. [1] NDRC 2015 guideline for other industrial enterprises
       (工业其他行业企业温室气体排放核算方法与报告指南), purchased steam (unverified).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(): warnings.simplefilter("ignore"); q = steam_heat(10, 2777.1)
    >>> round(float(q.m_as("GJ")), 3)
    26.934
    """
    from greenchain.processes.steam import heat_from_steam

    return heat_from_steam(mass, enthalpy).to("GJ")


def hot_water_heat(mass: Any, temperature: Any) -> pint.Quantity:
    r"""Heat of hot water by the Chinese guideline convention [1]_ (unverified: it warns).

    Parameters
    ----------
    mass : Quantity or array_like
        Hot-water mass, :math:`M` [t].
    temperature : Quantity or array_like
        Hot-water temperature, :math:`T` [degC].

    Returns
    -------
    Quantity [GJ]

    Notes
    -----
    .. math:: AD = M \, (T - 20\,^\circ\mathrm{C}) \cdot 4.1868\,\mathrm{kJ/(kg\,K)} \cdot 10^{-3}

    References
    ----------
    .. [1] NDRC 2015 guideline for other industrial enterprises, purchased hot water
       (unverified).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(): warnings.simplefilter("ignore"); q = hot_water_heat(100, 80)
    >>> round(float(q.m_as("GJ")), 4)
    25.1208
    """
    from greenchain.processes.steam import heat_from_hot_water

    return heat_from_hot_water(mass, temperature).to("GJ")


def carbonate_id(name: str) -> str:
    """Map a carbonate formula or mineral name to its factor key id.

    Parameters
    ----------
    name : str
        Formula or mineral, any case: ``"CaCO3"``, ``"calcite"``, ``"dolomite"``,
        ``"CaMg(CO3)2"``, ``"soda ash"``, ``"Li2CO3"`` ... (others raise InputError).

    Returns
    -------
    str
        The id of the ``carbonate.<id>`` factor.

    References
    ----------
    .. [1] IPCC 2006 Guidelines, Vol. 3, Ch. 2, Table 2.1; GB/T 32151.34-2024, Annex C, Table C.2.

    Examples
    --------
    >>> carbonate_id("CaCO3"), carbonate_id("Dolomite")
    ('caco3', 'camg_co3_2')
    """
    key = str(name).strip().lower().replace(" ", "_")
    if key not in _CARBONATES:
        raise InputError(
            f"unknown carbonate {name!r}; known: CaCO3, MgCO3, CaMg(CO3)2, "
            "FeCO3, MnCO3, Na2CO3, NaHCO3, BaCO3, Li2CO3, K2CO3, SrCO3",
            field="fractions",
        )
    return _CARBONATES[key]


def carbonate_decomposition(
    raw_material: Any,
    fractions: Mapping[str, Any],
    *,
    dataset: str = "IPCC 2006",
    calcination_fraction: float = 1.0,
    utilisation: float = 1.0,
) -> pint.Quantity:
    r"""Process CO2 from carbonates decomposing in the kiln (ceramics) [tCO2].

    Parameters
    ----------
    raw_material : Quantity or array_like
        Raw material (body) consumed, :math:`M` [t].
    fractions : mapping
        Mass fraction :math:`X_i` [-] of each carbonate (names as :func:`carbonate_id` reads
        them), e.g. ``{"CaCO3": 0.05, "MgCO3": 0.01}``; each and their sum at most 1.
    dataset : {"IPCC 2006", "GB/T 32151.34-2024"}, default "IPCC 2006"
        Stoichiometric factors :math:`EF_i` [tCO2/t] of [1]_, or the rounded values of [2]_.
    calcination_fraction : float, default 1.0
        Fraction calcined, :math:`f_c` [-] (IPCC: 1.0 unless measured).
    utilisation : float, default 1.0
        Raw-material utilisation rate (原料利用率), :math:`u` [-], as one implementation of [3]_.

    Returns
    -------
    Quantity [tCO2]

    Notes
    -----
    .. math:: E = M \times u \times f_c \times \sum_i X_i \, EF_i

    References
    ----------
    .. [1] IPCC 2006 Guidelines, Vol. 3, Ch. 2, Table 2.1.
    .. [2] GB/T 32151.34-2024, Annex C, Table C.2.
    .. [3] NDRC 2013 ceramics guideline (中国陶瓷生产企业温室气体排放核算方法与报告指南),
       process emissions (unverified).

    Examples
    --------
    >>> round(carbonate_decomposition(1000, {"CaCO3": 0.05}).m_as("tCO2"), 4)
    21.9855
    """
    mass = magnitude(raw_material, "t", "raw_material")
    check_range(mass, "raw_material", low=0)
    cf = check_range(
        magnitude(calcination_fraction, "", "calcination_fraction"),
        "calcination_fraction",
        low=0,
        high=1,
    )
    u = check_range(magnitude(utilisation, "", "utilisation"), "utilisation", low=0, high=1)
    if not fractions:
        raise InputError("give at least one carbonate fraction", field="fractions")
    total_fraction: Any = 0.0
    ef_sum: Any = 0.0
    for name, x in fractions.items():
        xv = check_range(
            magnitude(x, "", f"fractions[{name}]"), f"fractions[{name}]", low=0, high=1
        )
        total_fraction = total_fraction + xv
        f = factors.get(f"carbonate.{carbonate_id(name)}", dataset=dataset)
        ef_sum = ef_sum + xv * Q_(f.value, f.unit).m_as("tCO2/t")
    if np.any(np.asarray(total_fraction) > 1 + 1e-12):
        raise InputError("carbonate fractions sum to more than 1", field="fractions")
    return quantity(mass * u * cf * ef_sum, "tCO2")


def wastewater_ch4(
    volume: Any = None,
    cod_in: Any = None,
    cod_out: Any = None,
    *,
    organics: Any = None,
    sludge: Any = 0,
    b0: Any = None,
    mcf: Any = None,
    system: str | None = None,
    recovered: Any = 0,
) -> pint.Quantity:
    r"""CH4 from anaerobic wastewater treatment (dyeing and food plants) [t CH4].

    Parameters
    ----------
    volume : Quantity or array_like, optional
        Wastewater treated, :math:`W` [m^3], with ``cod_in`` and ``cod_out`` (or ``organics``).
    cod_in, cod_out : Quantity or array_like, optional
        COD before and after treatment [mg/L]; ``cod_out`` at most ``cod_in``.
    organics : Quantity or array_like, optional
        Organics removed, :math:`TOW` [kg] of COD, instead of the three above.
    sludge : Quantity or array_like, default 0
        Organics removed as sludge, :math:`S` [kg] of COD (at most :math:`TOW`).
    b0 : Quantity or array_like, optional
        Maximum CH4 producing capacity :math:`B_0` [kg/kg] (kg CH4/kg COD); default 0.25 [1]_.
    mcf : Quantity or array_like, optional
        Methane correction factor [-], between 0 and 1; give it or ``system``.
    system : str, optional
        Treatment system with a default MCF in Table 6.8 of [1]_, e.g. ``"anaerobic_reactor"``
        (0.8), ``"anaerobic_shallow_lagoon"`` (0.2), ``"aerobic_well_managed"`` (0).
    recovered : Quantity or array_like, default 0
        CH4 recovered (flared or used), :math:`R` [kg] (at most the CH4 generated).

    Returns
    -------
    Quantity [t]
        CH4 emitted.

    Notes
    -----
    .. math:: E = \left[(TOW - S)\,B_0\,MCF - R\right] \times 10^{-3}, \quad
              TOW = W\,(COD_{in} - COD_{out}) \times 10^{-3}

    (m³ × mg/L = g): the industrial method of [1]_, with TOW the COD removed as Chinese
    implementations of the NDRC sector guidelines take it (guideline text unverified).

    References
    ----------
    .. [1] IPCC 2006 Guidelines, Vol. 5, Ch. 6: industrial default :math:`B_0` = 0.25 kg CH4/kg
       COD; Table 6.8, MCF of industrial wastewater.

    Examples
    --------
    >>> round(wastewater_ch4(100000, 2000, 200, system="anaerobic_reactor").m_as("t"), 3)
    36.0
    """
    if organics is None:
        if volume is None or cod_in is None or cod_out is None:
            raise InputError("give volume, cod_in and cod_out, or organics", field="organics")
        w = check_range(magnitude(volume, "m^3", "volume"), "volume", low=0)
        c_in = check_range(magnitude(cod_in, "mg/L", "cod_in"), "cod_in", low=0)
        c_out = check_range(magnitude(cod_out, "mg/L", "cod_out"), "cod_out", low=0)
        if np.any(c_out > c_in):
            raise InputError("cod_out exceeds cod_in", field="cod_out")
        tow = w * (c_in - c_out) * 1e-3  # m^3 × mg/L = g; /1000 -> kg
    else:
        tow = check_range(magnitude(organics, "kg", "organics"), "organics", low=0)
    s = check_range(magnitude(sludge, "kg", "sludge"), "sludge", low=0)
    if np.any(s > tow):
        raise InputError("organics removed as sludge exceed the organics load", field="sludge")
    if b0 is None:
        f = factors.get("wastewater.b0")
        b0v = np.asarray(Q_(f.value, f.unit).m_as("kg/kg"))
    else:
        b0v = check_range(magnitude(b0, "kg/kg", "b0"), "b0", low=0)
    if mcf is None:
        if system is None:
            raise InputError("give mcf or a treatment system", field="mcf")
        mcf_v = np.asarray(factors.get(f"wastewater.mcf.{system}").value)
    else:
        mcf_v = check_range(magnitude(mcf, "", "mcf"), "mcf", low=0, high=1)
    generated = (tow - s) * b0v * mcf_v
    r = check_range(magnitude(recovered, "kg", "recovered"), "recovered", low=0)
    if np.any(r > generated + 1e-9):
        raise InputError("recovered CH4 exceeds the CH4 generated", field="recovered")
    return quantity((generated - r) / 1000.0, "t")


def refrigerant_leakage(gas: str, amount: Any, *, ar: str = DEFAULT_AR) -> pint.Quantity:
    r"""CO2e of refrigerant or other gas leaked [tCO2e].

    Parameters
    ----------
    gas : str
        Gas name, e.g. ``"HFC-134a"``, ``"SF6"`` (see :func:`greenchain.data.gwp.gwp`).
    amount : Quantity or array_like
        Mass leaked or refilled, :math:`m` [kg].
    ar : {"SAR", "AR4", "AR5", "AR6"}, default "AR6"
        IPCC assessment report of the GWP100 [1]_; unverified values warn.

    Returns
    -------
    Quantity [tCO2e]

    Notes
    -----
    .. math:: E = m \times GWP_{100} \times 10^{-3}

    References
    ----------
    .. [1] IPCC AR6 WG1 Table 7.SM.7; AR5 WG1 Table 8.A.1; AR4 WG1 Table 2.14; SAR.

    Examples
    --------
    >>> refrigerant_leakage("HFC-134a", 10, ar="AR4").m_as("tCO2e")  # 10 kg, GWP 1430
    14.3
    """
    kg = check_range(magnitude(amount, "kg", "amount"), "amount", low=0)
    g = gwp_factor(gas, ar)
    return quantity(kg * g.value / 1000.0, "tCO2e")
