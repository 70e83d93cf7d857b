r"""Emission methods of GB/T 32150 and the NDRC sector guidelines.

Each function takes activity data as a pint Quantity (any compatible unit) or
plain numbers in the documented unit — scalars, arrays or Series — and returns a
Quantity (t CO2, t CH4 or t CO2e). Factors come from :mod:`greenchain.data.factors`
and cite their table in ``factors/sources.yaml``; measured values (实测值) passed as
arguments override the defaults one by one, as GB/T 32150 prescribes.

================================  =================================================
Function                          Method and source
================================  =================================================
:func:`fuel_combustion`           CO2, emission-factor method, GB/T 32150-2015
                                  (fuel defaults of Annex B); NDRC 2013;
                                  GB/T 32151.34-2024 Table C.1; IPCC 2006
                                  Vol. 2 Ch. 1 Tables 1.2-1.4
:func:`combustion_non_co2`        CH4 and N2O, IPCC 2006 Vol. 2 Ch. 2 Tables 2.2/2.3
:func:`purchased_electricity`     grid factors of the MEE/NBS announcements
:func:`purchased_heat`            default 0.11 tCO2/GJ, GB/T 32150-2025 cl. 7.5.6-7.5.7
:func:`steam_heat`,               heat content by the NDRC 2015 convention
:func:`hot_water_heat`            (unverified)
:func:`carbonate_decomposition`   IPCC 2006 Vol. 3 Ch. 2 Table 2.1;
                                  GB/T 32151.34-2024 Table C.2
:func:`wastewater_ch4`            IPCC 2006 Vol. 5 Ch. 6, B0 and Table 6.8 MCF
:func:`refrigerant_leakage`       GWP100 of the IPCC assessment reports
================================  =================================================

Examples
--------
>>> from greenchain import Q_
>>> round(fuel_combustion("natural_gas", Q_(4e6, "m^3")).m_as("tCO2"), 1)
8648.8
>>> round(purchased_electricity(Q_(1000, "MWh"), region="Fujian", year=2023).m_as("tCO2"), 1)
421.1
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
    r"""The default factors of one fuel in one dataset, and its amount basis.

    Returned by :func:`fuel_parameters`; :func:`fuel_combustion` and
    :func:`combustion_non_co2` use it.

    Attributes
    ----------
    fuel : str
        Fuel id, e.g. ``"natural_gas"``.
    dataset : str
        Parameter set the factors come from, e.g. ``"GB/T 32150-2015"``.
    ncv : Factor
        Net calorific value (低位发热量) in the unit the dataset prints: [GJ/t] for
        solid and liquid fuels, [GJ/wan_Nm3] (10^4 Nm³) for gaseous fuels.
    carbon_content : Factor
        Carbon content per unit heat (单位热值含碳量) [tC/GJ] (IPCC 2006: [tC/TJ]).
    oxidation_rate : Factor
        Carbon oxidation rate (碳氧化率) [-].
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
        """NCV in GJ per ``basis_unit``."""
        return float(Q_(self.ncv.value, self.ncv.unit).m_as(f"GJ/{self.basis_unit}"))

    def used(self) -> list[factors.Factor]:
        r"""The three factors, for an audit trail.

        Returns
        -------
        list of Factor
            ``[ncv, carbon_content, oxidation_rate]``.
        """
        return [self.ncv, self.carbon_content, self.oxidation_rate]


def fuel_parameters(fuel: str, dataset: str = DEFAULT_FUEL_DATASET) -> FuelParameters:
    r"""Look up the NCV, carbon content per heat and oxidation rate of a fuel.

    Parameters
    ----------
    fuel : str
        Fuel id, e.g. ``"natural_gas"``, ``"diesel"``, ``"bituminous_coal"``.
    dataset : str, default "GB/T 32150-2015"
        Default parameter set: ``"GB/T 32150-2015"``, ``"NDRC 2013"``,
        ``"GB/T 32151.34-2024"`` or ``"IPCC 2006"`` (see Notes).

    Returns
    -------
    FuelParameters
        The three factors, with their sources, and the amount basis (``"t"`` or
        ``"Nm3"``).

    Raises
    ------
    InputError
        The dataset has no such fuel; the message lists the fuels it has.

    Notes
    -----
    The datasets are the default-parameter tables of [1]_ (the "2015 set"), of the
    NDRC 2013 chemical guideline [2]_ (the "2013 set", which differs from the 2015 set
    in several rows), of GB/T 32151.34-2024 [3]_ and of the IPCC 2006 Guidelines [4]_
    (Tier 1 oxidation factor 1). :func:`greenchain.data.factors.datasets` lists them
    with their verification status.

    References
    ----------
    .. [1] GB/T 32150-2015, *General guideline of greenhouse gas emissions accounting
       and reporting for industrial enterprises* (工业企业温室气体排放核算和报告通则),
       AQSIQ/SAC, 2015, Annex B, Table B.1 (fossil-fuel default parameters). The
       shipped rows are a public transcription; their attribution to Table B.1 rather
       than to the NDRC 2015 guideline annex is unverified, and the LNG and refinery-gas
       rows conflict between transcriptions.
    .. [2] NDRC, *Guidelines for GHG accounting and reporting - Chinese chemical
       production enterprises (trial)* (中国化工生产企业温室气体排放核算方法与报告指南（试行）),
       2013, Annex 2 (附录二).
    .. [3] GB/T 32151.34-2024, *Requirements of greenhouse gas emissions accounting and
       reporting - Part 34: Carbon materials*, SAMR/SAC, 2024, Annex C, Table C.1.
    .. [4] IPCC, *2006 IPCC Guidelines for National Greenhouse Gas Inventories*,
       Vol. 2 Energy, Ch. 1, Table 1.2 (NCV), Table 1.3 (carbon content) and Table 1.4
       (CO2 emission factors, Tier 1 oxidation factor).

    Examples
    --------
    >>> p = fuel_parameters("diesel")
    >>> p.ncv.value, p.ncv.unit, p.carbon_content.value, p.oxidation_rate.value
    (42.652, 'GJ/t', 0.0202, 0.98)
    >>> p.basis_unit, p.ncv.source_ref
    ('t', 'Annex B Table B.1')
    >>> fuel_parameters("natural_gas").ncv.unit
    'GJ/wan_Nm3'
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
        Fuel consumed, FC, by mass or by volume as the fuel's NCV requires; plain
        numbers are read in [t] (solid and liquid fuels) or [Nm3] (gaseous fuels). An
        amount in [m^3] is read as [Nm3].
    dataset : str, default "GB/T 32150-2015"
        Default parameter set: ``"GB/T 32150-2015"``, ``"NDRC 2013"``,
        ``"GB/T 32151.34-2024"`` or ``"IPCC 2006"`` (see :func:`fuel_parameters`).
    ncv : Quantity or array_like, optional
        Measured net calorific value (实测低位发热量) [GJ/t] or [GJ/Nm3], replacing the
        dataset's default.
    carbon_content : Quantity or array_like, optional
        Measured carbon content per unit heat (单位热值含碳量) [tC/GJ].
    oxidation_rate : Quantity or array_like, optional
        Measured carbon oxidation rate (碳氧化率) [-], in (0, 1].

    Returns
    -------
    Quantity
        Emissions [tCO2].

    Raises
    ------
    UnitError
        A volume given for a mass-based fuel or the reverse (or an energy amount).
    InputError
        Unknown fuel, negative or non-finite amount, non-positive measured value or an
        oxidation rate above 1.

    Notes
    -----
    The emission-factor method of GB/T 32150-2015 [1]_ (clauses 7.2.2 and 7.5.2 of the
    2025 revision [2]_):

    .. math:: E = FC \times NCV \times CC \times OF \times \frac{44}{12}

    with the activity data :math:`AD = FC \times NCV` [GJ] and the emission factor
    :math:`EF = CC \times OF \times 44/12` [tCO2/GJ]. Each of NCV, CC and OF is the
    measured value when given, else the default of ``dataset`` ([1]_, [3]_, [4]_, [5]_).
    Arrays are computed element-wise.

    References
    ----------
    .. [1] GB/T 32150-2015, *General guideline of greenhouse gas emissions accounting
       and reporting for industrial enterprises* (工业企业温室气体排放核算和报告通则),
       AQSIQ/SAC, 2015: emission-factor method; fossil-fuel default parameters of
       Annex B, Table B.1 (public transcription; the attribution of the shipped table
       to Table B.1 is unverified).
    .. [2] GB/T 32150-2025 (revision of [1]_), SAMR/SAC, 2025, clause 7.2.2
       (emission-factor method) and clause 7.5.2 (fuel combustion emissions).
    .. [3] NDRC, *Guidelines for GHG accounting and reporting - Chinese chemical
       production enterprises (trial)*, 2013, Annex 2 (附录二).
    .. [4] GB/T 32151.34-2024, *Requirements of greenhouse gas emissions accounting and
       reporting - Part 34: Carbon materials*, SAMR/SAC, 2024, Annex C, Table C.1.
    .. [5] IPCC, *2006 IPCC Guidelines for National Greenhouse Gas Inventories*,
       Vol. 2 Energy, Ch. 1, Tables 1.2, 1.3 and 1.4.

    Examples
    --------
    >>> from greenchain import Q_
    >>> fuel_combustion("diesel", Q_(100, "t"))
    <Quantity(309.59..., 'tonne_CO2')>

    A measured NCV replaces the default; the other two parameters stay defaults:

    >>> round(fuel_combustion("natural_gas", Q_(1e6, "m^3"), ncv=Q_(36, "MJ/m^3")).m_as("tCO2"), 1)
    1999.4
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
        Fuel id of ``dataset``, e.g. ``"natural_gas"``; it is mapped to an IPCC fuel by
        :data:`IPCC_FUEL`.
    amount : Quantity or array_like
        Fuel consumed, FC: plain numbers in [t] (solid and liquid fuels) or [Nm3]
        (gaseous fuels), as in :func:`fuel_combustion`.
    dataset : str, default "GB/T 32150-2015"
        Parameter set giving the NCV (see :func:`fuel_parameters`).
    ncv : Quantity or array_like, optional
        Measured net calorific value [GJ/t] or [GJ/Nm3], replacing the default.
    sector : {"manufacturing", "energy_industries"}, default "manufacturing"
        IPCC emission-factor table: Table 2.3 (manufacturing industries and
        construction) or Table 2.2 (energy industries).

    Returns
    -------
    dict
        ``{"CH4": Quantity [t], "N2O": Quantity [t]}``; empty if IPCC gives no default
        for the fuel.

    Raises
    ------
    UnitError, InputError
        As :func:`fuel_combustion`.

    Warns
    -----
    FallbackWarning
        The fuel has no IPCC fuel mapped, or the table has no default for it; CO2
        only is then reported. Issued through :func:`greenchain.errors.caveat`: kept
        with the enclosing result when called inside one (e.g. an inventory).

    Notes
    -----
    .. math:: E_g = FC \times NCV \times EF_g, \qquad g \in \{CH_4, N_2O\}

    with the energy :math:`FC \times NCV` in TJ and :math:`EF_g` in kg/TJ from [1]_.
    The NCV is the Chinese dataset's (or the measured one) while :math:`EF_g` is the
    IPCC Tier 1 default. Chinese fuel ids are mapped to IPCC fuels by the fuel
    definitions of [2]_.

    References
    ----------
    .. [1] IPCC, *2006 IPCC Guidelines for National Greenhouse Gas Inventories*,
       Vol. 2 Energy, Ch. 2 Stationary combustion, Table 2.2 (energy industries) and
       Table 2.3 (manufacturing industries and construction), CH4 and N2O default
       emission factors [kg/TJ].
    .. [2] IPCC, *2006 IPCC Guidelines*, Vol. 2 Energy, Ch. 1, Table 1.1 (definitions
       of fuel types).

    Examples
    --------
    >>> from greenchain import Q_
    >>> out = combustion_non_co2("natural_gas", Q_(1e6, "m^3"))
    >>> round(out["CH4"].m_as("kg"), 3), round(out["N2O"].m_as("kg"), 4)
    (38.931, 3.8931)
    >>> round(combustion_non_co2("diesel", 100, sector="energy_industries")["CH4"].m_as("kg"), 4)
    12.7956
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
            f"IPCC 2006 gives no {sector} CH4/N2O default for {ipcc!r} (fuel {fuel!r}); CO2 only",
            factors.FallbackWarning,
        )
        return out
    for gas, f in used.items():
        out[gas] = quantity(energy_tj * Q_(f.value, f.unit).m_as("kg/TJ") / 1000.0, "t")
    return out


def ipcc_non_co2_factor(ipcc_fuel: str, gas: str, sector: str = "manufacturing") -> factors.Factor:
    r"""The IPCC 2006 CH4 or N2O emission factor of an IPCC fuel for a sector table.

    Parameters
    ----------
    ipcc_fuel : str
        IPCC fuel id, one of the values of :data:`IPCC_FUEL` (e.g. ``"natural_gas"``,
        ``"bituminous_coal"``).
    gas : {"CH4", "N2O"}
        The gas (case-insensitive).
    sector : {"manufacturing", "energy_industries"}, default "manufacturing"
        Table 2.3 (manufacturing industries and construction) or Table 2.2 (energy
        industries) of [1]_.

    Returns
    -------
    Factor
        The emission factor [kg/TJ] (unit ``kgCH4/TJ`` or ``kgN2O/TJ``) with its source.

    Raises
    ------
    FactorNotFound
        The table has no default for that fuel and gas.

    References
    ----------
    .. [1] IPCC, *2006 IPCC Guidelines for National Greenhouse Gas Inventories*,
       Vol. 2 Energy, Ch. 2 Stationary combustion, Tables 2.2 and 2.3.

    Examples
    --------
    >>> f = ipcc_non_co2_factor("natural_gas", "CH4")
    >>> f.value, f.unit, f.source_ref
    (1.0, 'kgCH4/TJ', 'Vol.2 Ch.2 Table 2.3')
    """
    return factors.get(f"fuel.{ipcc_fuel}.{gas.lower()}_factor", dataset="IPCC 2006", basis=sector)


def purchased_electricity(
    amount: Any, *, region: str = "national", year: int, basis: str = "average"
) -> pint.Quantity:
    r"""CO2 of purchased electricity, location-based (GHG Protocol scope 2).

    Parameters
    ----------
    amount : Quantity or array_like
        Electricity bought from the grid, :math:`AD_{elec}` [MWh] (any energy unit as a
        Quantity).
    region : str, default "national"
        Province, regional grid or ``"national"`` (English or Chinese).
    year : int
        Data year of the grid factor; an unpublished year falls back to the latest
        earlier one with a warning.
    basis : str, default "average"
        Grid-factor basis (see :func:`greenchain.data.factors.grid_electricity`):
        ``"average"``, ``"fossil"``, ``"excluding_market_nonfossil"``, ``"ets"`` or
        ``"lifecycle"``.

    Returns
    -------
    Quantity
        Emissions [tCO2].

    Raises
    ------
    InputError
        Negative amount, unknown region or basis.
    FactorNotFound
        No factor for the region in or before ``year``.

    Warns
    -----
    FallbackWarning
        ``year`` is not published and an earlier year is used.

    Notes
    -----
    .. math:: E_{elec} = AD_{elec} \times EF_{grid}

    as in GB/T 32150-2025 clause 7.5.6 [1]_, with :math:`EF_{grid}` [tCO2/MWh] the
    MEE/NBS factor of the region and year [2]_. This is the location-based method of
    the GHG Protocol [3]_; :func:`purchased_electricity_market_based` gives the
    market-based one.

    References
    ----------
    .. [1] GB/T 32150-2025, *General guideline of greenhouse gas emissions accounting
       and reporting for industrial enterprises*, SAMR/SAC, 2025, clause 7.5.6
       (purchased electricity and heat).
    .. [2] Ministry of Ecology and Environment and National Bureau of Statistics,
       announcements on the electricity CO2 emission factors of 2021 (公告2024年第12号),
       2022 (公告2024年第33号) and 2023 (公告2025年第47号): national, regional-grid and
       provincial factors.
    .. [3] WRI/WBCSD, *GHG Protocol Scope 2 Guidance*, 2015 (location-based method).

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

    Electricity covered by green-electricity certificates (绿证) or direct green
    supply counts at zero; the remainder uses the grid factor, because China
    publishes no residual-mix factor (results state this assumption).

    Parameters
    ----------
    amount : Quantity or array_like
        All electricity bought, :math:`AD_{elec}` [MWh].
    green_amount : Quantity or array_like, default 0
        Part of ``amount`` covered by green certificates or green supply,
        :math:`AD_{green}` [MWh].
    region : str, default "national"
        Province, regional grid or ``"national"`` (English or Chinese).
    year : int
        Data year of the grid factor (see :func:`purchased_electricity`).
    basis : str, default "average"
        Grid-factor basis (see :func:`greenchain.data.factors.grid_electricity`).

    Returns
    -------
    Quantity
        Emissions [tCO2].

    Raises
    ------
    InputError
        ``green_amount`` negative or larger than ``amount``.

    Notes
    -----
    .. math:: E_{elec} = (AD_{elec} - AD_{green}) \times EF_{grid}

    The market-based method of [1]_, with the grid factor of [2]_ standing in for a
    residual mix.

    References
    ----------
    .. [1] WRI/WBCSD, *GHG Protocol Scope 2 Guidance*, 2015 (market-based method).
    .. [2] Ministry of Ecology and Environment and National Bureau of Statistics,
       announcements on the electricity CO2 emission factors (公告2024年第12号,
       公告2024年第33号, 公告2025年第47号).

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
    r"""CO2 of purchased heat: heat times a factor (default 0.11 tCO2/GJ).

    Parameters
    ----------
    amount : Quantity or array_like
        Heat bought, :math:`AD_{heat}` [GJ]; for steam or hot water measured by mass use
        :func:`steam_heat` or :func:`hot_water_heat` first.
    factor : Quantity or float, optional
        Measured supplier emission factor :math:`EF_{heat}` [tCO2/GJ]; default the
        0.11 tCO2/GJ of [1]_.

    Returns
    -------
    Quantity
        Emissions [tCO2].

    Raises
    ------
    InputError
        Negative amount or factor.

    Notes
    -----
    .. math:: E_{heat} = AD_{heat} \times EF_{heat}

    [1]_ prefers a measured factor (热力实测优先) and gives 0.11 tCO2/GJ as the default.

    References
    ----------
    .. [1] GB/T 32150-2025, *General guideline of greenhouse gas emissions accounting
       and reporting for industrial enterprises*, SAMR/SAC, 2025, clauses 7.5.6-7.5.7
       (purchased heat default emission factor).

    Examples
    --------
    >>> purchased_heat(1000).m_as("tCO2")
    110.0
    >>> from greenchain import Q_
    >>> purchased_heat(Q_(500, "GJ"), factor=Q_(95, "kgCO2/GJ")).m_as("tCO2")
    47.5
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
    r"""Heat content of steam by the Chinese guideline convention [GJ].

    Delegates to :func:`greenchain.processes.steam.heat_from_steam`.

    Parameters
    ----------
    mass : Quantity or array_like
        Steam mass, :math:`M_{st}` [t].
    enthalpy : Quantity or array_like
        Specific enthalpy of the steam at its measured pressure and temperature,
        :math:`h` [kJ/kg].

    Returns
    -------
    Quantity
        Heat, :math:`AD_{st}` [GJ].

    Warns
    -----
    UnverifiedDataWarning
        Always: the reference enthalpy comes from [1]_, whose text was not verified.

    Notes
    -----
    .. math:: AD_{st} = M_{st} \times (h - 83.74\ \mathrm{kJ/kg}) \times 10^{-3}

    83.74 kJ/kg = 4.1868 kJ/(kg K) x 20 K, the enthalpy of water at 20 °C on the old
    (International Table) steam-table basis.

    References
    ----------
    .. [1] NDRC, *Guidelines for GHG accounting and reporting - other industrial
       enterprises (trial)* (工业其他行业企业温室气体排放核算方法与报告指南（试行）), 2015,
       conversion of purchased steam to heat (status unverified).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     q = steam_heat(10, 2777.1)
    >>> round(float(q.m_as("GJ")), 3)
    26.934
    """
    from greenchain.processes.steam import heat_from_steam

    return heat_from_steam(mass, enthalpy).to("GJ")


def hot_water_heat(mass: Any, temperature: Any) -> pint.Quantity:
    r"""Heat content of hot water by the Chinese guideline convention [GJ].

    Delegates to :func:`greenchain.processes.steam.heat_from_hot_water`.

    Parameters
    ----------
    mass : Quantity or array_like
        Hot-water mass, :math:`M_w` [t].
    temperature : Quantity or array_like
        Hot-water temperature, :math:`T_w` [degC] (at least the 20 °C reference).

    Returns
    -------
    Quantity
        Heat, :math:`AD_w` [GJ].

    Warns
    -----
    UnverifiedDataWarning
        Always: the reference temperature and specific heat come from [1]_, whose text
        was not verified.

    Notes
    -----
    .. math:: AD_w = M_w \times (T_w - 20\ ^\circ\mathrm{C}) \times
              4.1868\ \mathrm{kJ/(kg\,K)} \times 10^{-3}

    References
    ----------
    .. [1] NDRC, *Guidelines for GHG accounting and reporting - other industrial
       enterprises (trial)* (工业其他行业企业温室气体排放核算方法与报告指南（试行）), 2015,
       conversion of purchased hot water to heat (status unverified).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     q = hot_water_heat(100, 80)
    >>> round(float(q.m_as("GJ")), 4)
    25.1208
    """
    from greenchain.processes.steam import heat_from_hot_water

    return heat_from_hot_water(mass, temperature).to("GJ")


def carbonate_id(name: str) -> str:
    r"""Map a carbonate formula or mineral name to its factor key id.

    Parameters
    ----------
    name : str
        Formula or mineral name, case-insensitive: ``"CaCO3"``, ``"calcite"``,
        ``"MgCO3"``, ``"dolomite"``, ``"CaMg(CO3)2"``, ``"FeCO3"``, ``"MnCO3"``,
        ``"Na2CO3"``, ``"soda ash"``, ``"NaHCO3"``, ``"BaCO3"``, ``"Li2CO3"``,
        ``"K2CO3"``, ``"SrCO3"`` ...

    Returns
    -------
    str
        The id of the ``carbonate.<id>`` factor, e.g. ``"caco3"``.

    Raises
    ------
    InputError
        Unknown carbonate; the message lists the known ones.

    Notes
    -----
    The carbonates are those of IPCC 2006 Vol. 3 Ch. 2 Table 2.1 [1]_ and of
    GB/T 32151.34-2024 Table C.2 [2]_.

    References
    ----------
    .. [1] IPCC, *2006 IPCC Guidelines for National Greenhouse Gas Inventories*,
       Vol. 3 Industrial Processes and Product Use, Ch. 2 Mineral industry emissions,
       Table 2.1 (emission factors of common carbonates).
    .. [2] GB/T 32151.34-2024, *Requirements of greenhouse gas emissions accounting and
       reporting - Part 34: Carbon materials*, SAMR/SAC, 2024, Annex C, Table C.2.

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
        Mass fraction :math:`X_i` [-] of each carbonate in the raw material, e.g.
        ``{"CaCO3": 0.05, "MgCO3": 0.01}`` (fractions or percent Quantities; names as
        :func:`carbonate_id` reads them). They must sum to at most 1.
    dataset : {"IPCC 2006", "GB/T 32151.34-2024"}, default "IPCC 2006"
        Stoichiometric emission factors :math:`EF_i` [tCO2/t] of [1]_ or the rounded
        Chinese values of [2]_ (which add NaHCO3, BaCO3, Li2CO3, K2CO3 and SrCO3).
    calcination_fraction : float, default 1.0
        Fraction of the carbonate calcined, :math:`f_c` [-] (IPCC: 1.0 unless measured).
    utilisation : float, default 1.0
        Raw-material utilisation rate (原料利用率), :math:`u` [-]. One public
        implementation of the NDRC ceramics guideline [3]_ multiplies by it; the
        guideline text is unverified.

    Returns
    -------
    Quantity
        Emissions [tCO2].

    Raises
    ------
    InputError
        No fraction given, an unknown carbonate, a fraction, ``calcination_fraction`` or
        ``utilisation`` outside [0, 1] or fractions summing above 1.

    Notes
    -----
    .. math:: E = M \times u \times f_c \times \sum_i X_i \, EF_i

    :math:`EF_i` is the CO2 released per tonne of carbonate, the ratio of molar masses
    (for CaCO3, 44.009/100.086 = 0.43971 tCO2/t in [1]_, 0.440 in [2]_). A Fujian
    pilot-ETS ceramics report counts no process CO2; a GB/T 32150 inventory does.

    References
    ----------
    .. [1] IPCC, *2006 IPCC Guidelines for National Greenhouse Gas Inventories*,
       Vol. 3 Industrial Processes and Product Use, Ch. 2 Mineral industry emissions,
       Table 2.1 (emission factors of common carbonates).
    .. [2] GB/T 32151.34-2024, *Requirements of greenhouse gas emissions accounting and
       reporting - Part 34: Carbon materials*, SAMR/SAC, 2024, Annex C, Table C.2.
    .. [3] NDRC, *Guidelines for GHG accounting and reporting - Chinese ceramics
       production enterprises (trial)* (中国陶瓷生产企业温室气体排放核算方法与报告指南（试行）),
       2013, process emissions from carbonate decomposition (status unverified).

    Examples
    --------
    >>> round(carbonate_decomposition(1000, {"CaCO3": 0.05}).m_as("tCO2"), 4)
    21.9855
    >>> round(carbonate_decomposition(1000, {"CaCO3": 0.05},
    ...       dataset="GB/T 32151.34-2024").m_as("tCO2"), 4)
    22.0
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

    Give either ``volume`` with ``cod_in`` and ``cod_out``, or the organics removed,
    ``organics``, directly.

    Parameters
    ----------
    volume : Quantity or array_like, optional
        Wastewater treated, :math:`W` [m^3].
    cod_in : Quantity or array_like, optional
        COD of the wastewater entering treatment, :math:`COD_{in}` [mg/L].
    cod_out : Quantity or array_like, optional
        COD of the treated effluent, :math:`COD_{out}` [mg/L] (at most ``cod_in``).
    organics : Quantity or array_like, optional
        Organics removed, :math:`TOW` [kg] of COD; replaces ``volume``, ``cod_in`` and
        ``cod_out``.
    sludge : Quantity or array_like, default 0
        Organics removed as sludge, :math:`S` [kg] of COD (at most :math:`TOW`).
    b0 : Quantity or array_like, optional
        Maximum CH4 producing capacity, :math:`B_0` [kg/kg] (kg CH4 per kg COD);
        default 0.25, the IPCC default for industrial wastewater [1]_.
    mcf : Quantity or array_like, optional
        Methane correction factor, :math:`MCF` [-] in [0, 1]; give it or ``system``.
    system : str, optional
        Treatment system whose default MCF [1]_ (Table 6.8) is used:
        ``"sea_river_lake_discharge"`` (0.1), ``"aerobic_well_managed"`` (0),
        ``"aerobic_overloaded"`` (0.3), ``"anaerobic_digester"`` (0.8),
        ``"anaerobic_reactor"`` (0.8), ``"anaerobic_shallow_lagoon"`` (0.2) or
        ``"anaerobic_deep_lagoon"`` (0.8).
    recovered : Quantity or array_like, default 0
        CH4 recovered (flared or used), :math:`R` [kg] of CH4 (at most the CH4
        generated).

    Returns
    -------
    Quantity
        Emissions [t] of CH4 (multiply by :func:`greenchain.gwp` for CO2e).

    Raises
    ------
    InputError
        Neither ``organics`` nor all of ``volume``, ``cod_in`` and ``cod_out``; neither
        ``mcf`` nor ``system``; ``cod_out`` above ``cod_in``; sludge above the organics
        load; recovery above the CH4 generated; a negative value.
    FactorNotFound
        Unknown ``system``.

    Notes
    -----
    The industrial-wastewater method of IPCC 2006 Vol. 5 Ch. 6 [1]_:

    .. math::

        E = \left[(TOW - S) \times EF - R\right] \times 10^{-3}, \qquad
        EF = B_0 \times MCF, \qquad
        TOW = W \times (COD_{in} - COD_{out}) \times 10^{-3}

    with :math:`TOW`, :math:`S` and :math:`R` in kg and :math:`E` in t
    (m³ × mg/L = g). Taking :math:`TOW` as the COD removed by the plant's treatment
    follows the Chinese implementations of the NDRC sector guidelines, which also use
    :math:`B_0` = 0.25 kg CH4/kg COD; the guideline text itself was not verified.

    References
    ----------
    .. [1] IPCC, *2006 IPCC Guidelines for National Greenhouse Gas Inventories*,
       Vol. 5 Waste, Ch. 6 Wastewater treatment and discharge: industrial wastewater
       default :math:`B_0` = 0.25 kg CH4/kg COD, and Table 6.8 (default MCF values for
       industrial wastewater) (public transcriptions).

    Examples
    --------
    >>> round(wastewater_ch4(100000, 2000, 200, system="anaerobic_reactor").m_as("t"), 3)
    36.0
    >>> from greenchain import Q_
    >>> wastewater_ch4(organics=Q_(180, "t"), sludge=Q_(20, "t"), mcf=0.8,
    ...                recovered=Q_(10, "t")).m_as("t")
    22.0
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
    r"""CO2e of refrigerant or other greenhouse gas leaked.

    Parameters
    ----------
    gas : str
        Gas name, e.g. ``"HFC-134a"``, ``"R-410A"`` components, ``"SF6"``, ``"CH4"``
        (see :func:`greenchain.data.gwp.gwp`).
    amount : Quantity or array_like
        Mass of gas leaked or refilled, :math:`m` [kg].
    ar : {"SAR", "AR4", "AR5", "AR6"}, default "AR6"
        IPCC assessment report of the GWP100.

    Returns
    -------
    Quantity
        Emissions [tCO2e].

    Raises
    ------
    InputError
        Negative amount, unknown report, or no GWP for the gas in that report.

    Warns
    -----
    UnverifiedDataWarning
        The GWP used is marked unverified in ``factors/gwp_ipcc.csv``.

    Notes
    -----
    .. math:: E = m \times GWP_{100} \times 10^{-3}

    with :math:`GWP_{100}` [kgCO2e/kg] from [1]_ (AR6), [2]_ (AR5), [3]_ (AR4) or
    [4]_ (SAR).

    References
    ----------
    .. [1] IPCC AR6 WG1 (2021), Chapter 7 Supplementary Material, Table 7.SM.7, and
       Table 7.15.
    .. [2] IPCC AR5 WG1 (2013), Table 8.A.1 (GWP100 without climate-carbon feedback).
    .. [3] IPCC AR4 WG1 (2007), Table 2.14.
    .. [4] IPCC Second Assessment Report (1995), GWP100.

    Examples
    --------
    >>> refrigerant_leakage("HFC-134a", 10, ar="AR4").m_as("tCO2e")  # 10 kg, GWP 1430
    14.3

    The AR6 value of HFC-134a (1530) is marked unverified, so it warns:

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     e = refrigerant_leakage("HFC-134a", 10)
    >>> e.m_as("tCO2e"), caught[0].category.__name__
    (15.3, 'UnverifiedDataWarning')
    """
    kg = check_range(magnitude(amount, "kg", "amount"), "amount", low=0)
    g = gwp_factor(gas, ar)
    return quantity(kg * g.value / 1000.0, "tCO2e")
