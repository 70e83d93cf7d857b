"""Activity records valued: fuels, electricity, heat and explicit factors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from greenchain.accounting import emissions
from greenchain.accounting.inventory._table import (
    CATEGORIES,
    EXPLICIT_GAS,
    GREEN_SUPPLY,
    MOBILE_USES,
    SPECIAL_CARRIERS,
    Collector,
    RecordTable,
    Valued,
    convert_amounts,
    explicit_factor,
    group_rows,
    gwp_value,
    numeric_column,
    validate_records,
    worst_status,
)
from greenchain.accounting.inventory.grid_statement import grid_statement
from greenchain.accounting.inventory.regime import (
    RegimeSettings,
    apply_boundary,
    credit_certificates,
    resolve_regime,
)
from greenchain.accounting.inventory.result import InventoryResult
from greenchain.accounting.records import NO_ENERGY
from greenchain.data import factors
from greenchain.data.gwp import gwp_factor, normalise_report
from greenchain.errors import (
    GreenchainError,
    GreenchainWarning,
    InputError,
    UnitError,
    UnverifiedDataWarning,
    caveat,
    collect_caveats,
    emit_caveats,
)
from greenchain.units import Q_, unit_of

__all__ = ["from_records"]


def _fuels(
    t: RecordTable,
    amount: np.ndarray,
    carrier: tuple,
    unit: tuple,
    rows_all: np.ndarray,
    fuel_dataset: str,
    non_co2: bool,
    collector: Collector,
    out: Valued,
) -> None:
    c_codes, carriers = carrier
    u_codes, units = unit
    d_codes, datasets = t.codes("dataset", fuel_dataset)
    if not datasets:
        d_codes, datasets = np.zeros(t.n, dtype=np.intp), [fuel_dataset]
    key = c_codes.astype(np.int64) * len(datasets) + d_codes
    use_codes, uses = t.codes("use", "")
    mobile = np.isin(use_codes, [i for i, u in enumerate(uses) if str(u).lower() in MOBILE_USES])
    measured = {
        name: (
            numeric_column(t.records, f"measured_{name}")
            if f"measured_{name}" in t.records.columns
            else None
        )
        for name in ("ncv", "carbon_content", "oxidation_rate")
    }
    for rows in group_rows(key, rows_all):
        fuel, dataset = str(carriers[c_codes[rows[0]]]), str(datasets[d_codes[rows[0]]])
        try:
            params = emissions.fuel_parameters(fuel, dataset)
        except InputError as exc:
            t.fail(exc, rows, "carrier")
        basis = params.basis_unit
        fc = convert_amounts(t, u_codes, units, rows, amount, basis, fuel)
        defaults = {
            "ncv": params.ncv_per_basis,
            "carbon_content": params.carbon_content.quantity.m_as("tC/GJ"),
            "oxidation_rate": params.oxidation_rate.quantity.m_as(""),
        }
        values: dict[str, Any] = {}
        for k, default in defaults.items():
            given = measured[k]
            values[k] = (
                default if given is None else np.where(np.isnan(given[rows]), default, given[rows])
            )
        try:
            out.co2[rows] = emissions.fuel_combustion(
                fuel,
                Q_(fc, basis),
                dataset=dataset,
                ncv=values["ncv"],
                carbon_content=values["carbon_content"],
                oxidation_rate=values["oxidation_rate"],
            ).m_as("tCO2")
        except GreenchainError as exc:
            t.fail(exc, rows)
        collector.factors.extend(params.used())
        out.set(
            rows,
            "fuel_combustion",
            f"fuel.{fuel}",
            dataset,
            worst_status(f.status for f in params.used()),
        )
        if not non_co2:
            continue
        stationary = ~mobile[rows]
        if not stationary.all():
            caveat(
                f"{fuel}: CH4/N2O of mobile combustion (use=vehicles) not included "
                "(IPCC mobile defaults are not shipped); CO2 is",
                UserWarning,
                field="use",
            )
        if stationary.any():
            srows = rows[stationary]
            ncv = values["ncv"]
            gases = emissions.combustion_non_co2(
                fuel,
                Q_(fc[stationary], basis),
                dataset=dataset,
                ncv=ncv[stationary] if isinstance(ncv, np.ndarray) else ncv,
            )
            if gases:
                out.ch4[srows] = gases["CH4"].m_as("t")
                out.n2o[srows] = gases["N2O"].m_as("t")
                ipcc = emissions.IPCC_FUEL[fuel]
                collector.factors.extend(
                    emissions.ipcc_non_co2_factor(ipcc, g) for g in ("CH4", "N2O")
                )


def _explicit_factors(
    t: RecordTable,
    amount: np.ndarray,
    unit: tuple,
    out: Valued,
    category: np.ndarray,
    is_export: np.ndarray,
) -> None:
    """Rows with an explicit ``factor`` (a value with unit, or a factor key): their CO2e is
    amount x factor, replacing the database factors of the row (all gases together)."""
    if "factor" not in t.records.columns:
        return
    f_codes, texts = t.codes("factor")
    u_codes, units = unit
    s_codes, statuses = t.codes("factor_status", "unverified")
    for rows in group_rows(f_codes, np.flatnonzero(f_codes >= 0)):
        text = str(texts[f_codes[rows[0]]])
        try:
            factor, label = explicit_factor(text)
            for code in np.unique(u_codes[rows]):
                part = rows[u_codes[rows] == code]
                q = Q_(amount[part], unit_of(str(units[code]))) * factor
                if not q.check("[mass]"):
                    raise UnitError(
                        f"factor {text!r} times an amount in {units[code]!r} is not a mass of CO2e",
                        field="factor",
                    )
                out.explicit[part] = q.m_as("t")
        except GreenchainError as exc:
            t.fail(exc, rows, "factor")
        status = str(statuses[s_codes[rows[0]]])
        cats = np.where(is_export[rows], CATEGORIES.index("exported_energy"), category[rows])
        out.set(rows, cats, "explicit factor", label, status)


def _electricity(
    t: RecordTable,
    amount: np.ndarray,
    unit: tuple,
    rows_all: np.ndarray,
    s: RegimeSettings,
    is_export: np.ndarray,
    collector: Collector,
    out: Valued,
) -> None:
    if len(rows_all) == 0:
        return
    grid_basis, grid_year = s.grid_basis, s.grid_year
    u_codes, units = unit
    r_codes, regions = t.codes("region", rows=rows_all)
    if (r_codes[rows_all] < 0).any():
        t.fail(
            InputError("electricity rows need a region (province, grid or 'national')"),
            rows_all[r_codes[rows_all] < 0],
            "region",
        )
    if grid_year is not None:
        y_codes, years = np.zeros(t.n, dtype=np.intp), [grid_year]
    else:
        y_codes, years = t.codes("year", rows=rows_all)
        if (y_codes[rows_all] < 0).any():
            t.fail(
                InputError("electricity rows need a year (or pass grid_year)"),
                rows_all[y_codes[rows_all] < 0],
                "year",
            )
    mwh = np.zeros(t.n)
    mwh[rows_all] = convert_amounts(t, u_codes, units, rows_all, amount, "MWh", "electricity")
    supply_codes, supplies = t.codes("supply", "grid", rows=rows_all)
    green = np.isin(supply_codes, [i for i, s in enumerate(supplies) if s in GREEN_SUPPLY])
    # Electricity generated and used on site is not purchased electricity (GB/T 32150
    # 7.5.6; GHG Protocol scope 2): no grid emissions on either basis.
    onsite = np.isin(supply_codes, [i for i, s in enumerate(supplies) if s == "onsite_renewable"])
    own = rows_all[onsite[rows_all] & ~is_export[rows_all]]
    if len(own):
        out.set(
            own,
            "purchased_electricity",
            "none (on-site renewable generation)",
            "on-site generation",
            "official",
        )
        rows_all = rows_all[~(onsite[rows_all] & ~is_export[rows_all])]
    key = r_codes.astype(np.int64) * max(len(years), 1) + y_codes
    for rows in group_rows(key, rows_all):
        region, year = regions[r_codes[rows[0]]], int(years[y_codes[rows[0]]])
        category = np.where(
            is_export[rows],
            CATEGORIES.index("exported_energy"),
            CATEGORIES.index("purchased_electricity"),
        )
        out.market_zero[rows] = green[rows] & ~is_export[rows]
        if s.grid_factor is not None:  # a fixed value of the regime file
            out.co2[rows] = mwh[rows] * s.grid_factor.m_as("tCO2/MWh")
            label = f"{s.grid_factor:~P} ({s.regime.id if s.regime else 'regime'})"
            out.set(rows, category, "electricity.grid", label, "unverified")
            continue
        try:
            f = factors.grid_electricity(region=str(region), year=year, basis=grid_basis)
            out.co2[rows] = emissions.purchased_electricity(
                mwh[rows], region=str(f.region), year=int(f.year or year), basis=grid_basis
            ).m_as("tCO2")
            if s.market_remainder != "location":
                m = factors.grid_electricity(str(region), year, basis=s.market_remainder)
                out.market_co2[rows] = mwh[rows] * Q_(m.value, m.unit).m_as("tCO2/MWh")
                collector.factors.append(m)
        except GreenchainError as exc:
            t.fail(exc, rows, getattr(exc, "field", None) or "region")
        collector.factors.append(f)
        out.set(rows, category, f.key, f"{f.dataset} {f.year} {f.region}", f.status)


def _heat(
    t: RecordTable,
    amount: np.ndarray,
    carrier: tuple,
    unit: tuple,
    rows_all: np.ndarray,
    is_export: np.ndarray,
    collector: Collector,
    out: Valued,
    fixed: Any = None,
) -> None:
    if len(rows_all) == 0:
        return
    c_codes, carriers = carrier
    u_codes, units = unit
    heat_factor = factors.get("heat.purchased")
    heat_factor_value = None if fixed is None else fixed.m_as("tCO2/GJ")
    key = c_codes.astype(np.int64) * max(len(units), 1) + u_codes
    for rows in group_rows(key, rows_all):
        kind, u = str(carriers[c_codes[rows[0]]]), str(units[u_codes[rows[0]]])
        try:
            q = Q_(1.0, unit_of(u))
            if q.check("[energy]"):
                gj = amount[rows] * q.m_as("GJ")
            elif q.check("[mass]") and kind in ("steam", "hot_water"):
                column, unit_name, method = (
                    ("enthalpy", "kJ/kg", emissions.steam_heat)
                    if kind == "steam"
                    else ("temperature", "degC", emissions.hot_water_heat)
                )
                values = numeric_column(t.records, column)[rows]
                if np.isnan(values).any():
                    raise InputError(
                        f"{kind} given by mass needs its {column} [{unit_name}]", field=column
                    )
                gj = method(Q_(amount[rows] * q.m_as("t"), "t"), Q_(values, unit_name)).m_as("GJ")
            else:
                raise UnitError(
                    f"a {u!r} amount cannot be used for {kind!r} (give energy, "
                    "or mass with enthalpy/temperature)",
                    field="unit",
                )
            out.co2[rows] = emissions.purchased_heat(gj, factor=heat_factor_value).m_as("tCO2")
        except GreenchainError as exc:
            t.fail(exc, rows)
        category = np.where(
            is_export[rows], CATEGORIES.index("exported_energy"), CATEGORIES.index("purchased_heat")
        )
        if fixed is None:
            out.set(rows, category, heat_factor.key, heat_factor.dataset, heat_factor.status)
        else:
            out.set(rows, category, heat_factor.key, f"{fixed:~P} (regime)", "unverified")
    if fixed is None:
        collector.factors.append(heat_factor)


def from_records(
    records: pd.DataFrame,
    *,
    gwp: str | None = None,
    fuel_dataset: str | None = None,
    grid_basis: str | None = None,
    grid_year: int | None = None,
    non_co2: bool | None = None,
    regime: str | Path | None = None,
    source: str | None = None,
    process: pd.DataFrame | None = None,
) -> InventoryResult:
    """Compute an inventory from a table of activity records.

    Parameters
    ----------
    records : pandas.DataFrame
        One row per activity. Required columns: ``carrier`` (a fuel id such as
        ``natural_gas``, or ``electricity``, ``heat``, ``steam``, ``hot_water``),
        ``amount`` (a number ≥ 0) and ``unit`` (e.g. ``"t"``, ``"m^3"``, ``"kWh"``,
        ``"GJ"``). Optional: ``region`` and ``year`` (electricity), ``direction``
        (``import`` default or ``export``), ``supply`` (electricity: ``grid``,
        ``green_certificate``, ``direct_green``, ``onsite_renewable``), ``dataset``
        (fuel parameter set per row), ``measured_ncv`` [GJ/t] or [GJ/Nm3],
        ``measured_carbon_content`` [tC/GJ], ``measured_oxidation_rate`` [-],
        ``enthalpy`` [kJ/kg] for steam given by mass, ``temperature`` [degC] for hot water
        given by mass, ``use``, and any grouping columns (``plant_id``, ``period``…).
    gwp : str, optional
        GWP set for CH4 and N2O (``SAR``, ``AR4``, ``AR5``, ``AR6``); default the regime's
        choice, else ``"AR6"``.
    fuel_dataset : str, optional
        Default fuel parameter set; default the regime's choice, else ``"GB/T 32150-2015"``.
    grid_basis : str, optional
        Grid electricity factor basis; default the regime's choice, else ``"average"``.
        The national-only bases (``ets``, ``excluding_market_nonfossil``) use the national
        factor for a plant in any province, with a caveat.
    grid_year : int, optional
        Grid factor year for all rows (default: each row's ``year``). An unpublished
        year falls back to the latest earlier one, with a warning in the result.
    non_co2 : bool, optional
        Add CH4 and N2O from stationary combustion (IPCC 2006 Table 2.3 defaults); default
        the regime's choice, else True.
    regime : str or Path, optional
        Reporting regime: ``gbt32150`` (the same as no regime), ``ndrc_guideline``,
        ``fujian_ets``, ``ghg_protocol``, ``iso14064``, or the path of a regime file
        (:mod:`greenchain.data.regimes`). It fixes the gases, GWP set, grid basis, boundary
        and the treatment of exports, certificates and heat; options given explicitly
        override its choice (``options["overridden"]`` lists them).
    source : str, optional
        Name of the file the records came from (used in error messages).
    process : pandas.DataFrame, optional
        Process emissions already computed by :func:`process_emissions` (rows with
        ``co2_t``, ``ch4_t``, ``n2o_t``, ``co2e_t`` …); appended as ``industrial_process``.

    Returns
    -------
    InventoryResult
        ``options`` names the regime (``options["regime"]``, None without one) and, with
        one, every choice applied and what its boundary excluded (``options["excluded"]``).

    Examples
    --------
    >>> import pandas as pd
    >>> records = pd.DataFrame({"carrier": ["natural_gas"], "amount": [1e6],
    ...                         "unit": ["m^3"]})
    >>> r = from_records(records, regime="ndrc_guideline")
    >>> r.options["regime"], r.options["gwp"], round(r.total.m_as("tCO2e"), 1)
    ('ndrc_guideline', 'SAR', 2162.2)
    """
    given = {
        "gwp": gwp,
        "fuel_dataset": fuel_dataset,
        "grid_basis": grid_basis,
        "grid_year": grid_year,
        "non_co2": non_co2,
    }
    with collect_caveats() as caught:
        if not len(records):
            caveat(NO_ENERGY, GreenchainWarning, field="energy")
        settings = resolve_regime(regime, given)
        result = _value_records(records, settings, source=source, process=process)
    result.caveats = list(caught)
    result.warnings = [c.message for c in caught]
    emit_caveats(caught)
    return result


def _value_records(
    records: pd.DataFrame,
    s: RegimeSettings,
    *,
    source: str | None = None,
    process: pd.DataFrame | None = None,
) -> InventoryResult:
    """Value the records; the caveats raised go to the enclosing collector."""
    ar = normalise_report(s.gwp)
    fuel_dataset, non_co2 = s.fuel_dataset, s.non_co2
    if not isinstance(records.index, pd.RangeIndex) or records.index.start != 0:
        records = records.reset_index(drop=True)
    t = RecordTable(records, source)
    amount = validate_records(records, t)
    collector = Collector()
    carrier = t.codes("carrier")
    unit = t.codes("unit")
    if (carrier[0] < 0).any() or (unit[0] < 0).any():
        t.fail(
            InputError("carrier and unit must be given on every row"),
            np.flatnonzero((carrier[0] < 0) | (unit[0] < 0)),
            "carrier",
        )
    d_codes, directions = t.codes("direction", "import")
    bad = [i for i, d in enumerate(directions) if d not in ("import", "export")]
    if bad:
        t.fail(
            InputError("direction must be 'import' or 'export'"),
            np.flatnonzero(np.isin(d_codes, bad)),
            "direction",
        )
    is_export = np.isin(d_codes, [i for i, d in enumerate(directions) if d == "export"])
    # 0 fuel, 1 electricity, 2 heat/steam/hot water: integer codes, no string compares
    kind_lut = np.array(
        [1 if c == "electricity" else 2 if c in SPECIAL_CARRIERS else 0 for c in carrier[1]],
        dtype=np.int8,
    )
    kind = kind_lut[carrier[0]]
    # rows with an explicit factor are valued by it alone (any carrier, even one the
    # database does not know); kind 3 keeps them out of the database groups
    has_factor = (t.codes("factor")[0] >= 0) if "factor" in records.columns else None
    category_of_kind = np.array(
        [
            CATEGORIES.index("fuel_combustion"),
            CATEGORIES.index("purchased_electricity"),
            CATEGORIES.index("purchased_heat"),
        ],
        dtype=np.int8,
    )
    explicit_category = category_of_kind[kind]
    if has_factor is not None:
        kind = np.where(has_factor, 3, kind)
    fuel_rows = np.flatnonzero(kind == 0)
    if is_export[fuel_rows].any():
        t.fail(
            InputError("only electricity, heat, steam or hot water can be exported"),
            fuel_rows[is_export[fuel_rows]],
            "direction",
        )
    out = Valued(len(records))
    _fuels(t, amount, carrier, unit, fuel_rows, fuel_dataset, non_co2, collector, out)
    _electricity(
        t,
        amount,
        unit,
        np.flatnonzero(kind == 1),
        s,
        is_export,
        collector,
        out,
    )
    _heat(
        t,
        amount,
        carrier,
        unit,
        np.flatnonzero(kind == 2),
        is_export,
        collector,
        out,
        s.heat_factor,
    )
    _explicit_factors(t, amount, unit, out, explicit_category, is_export)

    g_ch4, g_n2o = gwp_value("CH4", ar), gwp_value("N2O", ar)
    if non_co2 and (out.ch4.any() or out.n2o.any()):
        collector.factors.extend(gwp_factor(gas, ar) for gas in ("CH4", "N2O"))
    sign = np.where(is_export, -1.0, 1.0)
    co2, ch4, n2o = out.co2 * sign, out.ch4 * sign, out.n2o * sign
    explicit = out.explicit * sign
    co2e = co2 + ch4 * g_ch4 + n2o * g_n2o + explicit
    market = np.where(np.isnan(out.market_co2), co2e, out.market_co2 * sign)
    co2e, market = credit_certificates(
        co2e, np.where(out.market_zero, 0.0, market), out.market_zero, s
    )
    scope_lut = np.array([0, 0, 1, 1, 2], dtype=np.int8)  # by CATEGORIES order
    keep = [c for c in records.columns if c not in ("amount", "unit", "carrier")]
    activities = pd.DataFrame(
        {
            "carrier": pd.Categorical.from_codes(carrier[0], categories=carrier[1]),
            "amount": amount,
            "unit": pd.Categorical.from_codes(unit[0], categories=unit[1]),
            "category": pd.Categorical.from_codes(out.category, categories=CATEGORIES),
            "scope": pd.Categorical.from_codes(
                scope_lut[out.category], categories=["scope_1", "scope_2", "none"]
            ),
            "co2_t": co2,
            "ch4_t": ch4,
            "n2o_t": n2o,
            "co2e_t": co2e,
            "co2e_market_t": market,
            "other_gas": pd.Categorical.from_codes(
                np.where(out.explicit != 0, 0, -1), categories=[EXPLICIT_GAS]
            ),
            "other_t": explicit,
            "factor_key": out.column(0),
            "dataset": out.column(1),
            "status": out.column(2),
        }
    )
    for c in keep:  # the column's own array: no round trip of (Arrow) strings via objects
        activities[c] = records[c].array
    if process is not None and len(process):
        emit_caveats(process.attrs.get("caveats", ()))  # e.g. a GWP taken from a later report
        activities = pd.concat([activities, process.drop(columns="factors")], ignore_index=True)
        for used in process["factors"]:
            collector.factors.extend(used)
        for c in ("carrier", "unit", "category", "scope", "factor_key", "dataset", "status"):
            activities[c] = activities[c].astype("category")
        activities["category"] = activities["category"].cat.set_categories(CATEGORIES)
    activities, memo = apply_boundary(activities, s)
    options = {**s.options(), "gwp": ar}
    if s.regime is not None or memo["excluded"]:
        options.update(memo)
    options["grid"] = grid_statement(collector.factors, options)
    if out.market_zero.any() and s.certificates == "market_based":
        caveat(
            "market-based scope 2: green-certificate and direct green electricity at zero; "
            + (
                "the remainder uses the location grid factor (no residual mix is published)"
                if s.market_remainder == "location"
                else "the remainder uses MEE's national factor excluding market-traded "
                "non-fossil electricity (no residual mix is published)"
            ),
            UserWarning,
            field="supply",
        )
    unverified = sorted(
        {f"{f.key} ({f.dataset})" for f in collector.factors if f.status == "unverified"}
    )
    if unverified:
        caveat("results use unverified factors: " + ", ".join(unverified), UnverifiedDataWarning)
    groups = [
        c
        for c in keep
        if not c.startswith(("measured_", "_")) and c not in ("enthalpy", "temperature")
    ]
    return InventoryResult(activities, collector.factors, [], options, groups)
