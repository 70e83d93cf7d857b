"""Organisational GHG inventory: GB/T 32150 categories and GHG Protocol scopes.

:func:`from_records` takes a table of activity rows (one row per meter reading,
invoice or month) and returns an :class:`InventoryResult`. It is vectorised: rows
are grouped by carrier, unit, region and year, each group is converted once and
handed to the methods of :mod:`greenchain.accounting.emissions` as arrays, so a million rows
take seconds, not hours. ``Plant.inventory()`` builds the records from a plant
file and calls it.

Categories (GB/T 32150-2015 §7 / -2025 §7.5): ``fuel_combustion``,
``industrial_process``, ``purchased_electricity``, ``purchased_heat`` and
``exported_energy`` (deducted). Scopes (GHG Protocol): ``scope_1`` (combustion
and process), ``scope_2`` location-based and market-based.

Examples
--------
>>> import pandas as pd
>>> records = pd.DataFrame({"carrier": ["natural_gas", "electricity"],
...                         "amount": [4e6, 2.5e7], "unit": ["m^3", "kWh"],
...                         "region": "Fujian", "year": 2023})
>>> result = from_records(records, non_co2=False)
>>> round(result.total.m_as("tCO2e"), 1)
19176.3
"""

from __future__ import annotations

import functools
import warnings
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pint

from greenchain.accounting import emissions
from greenchain.accounting.records import plant_records
from greenchain.data import factors
from greenchain.data.gwp import DEFAULT_AR, gwp_factor, normalise_report
from greenchain.data.plant_file import PlantData
from greenchain.errors import GreenchainError, InputError, UnitError
from greenchain.units import Q_, parse_quantity, unit_of

__all__ = [
    "from_records",
    "plant_inventory",
    "process_emissions",
    "InventoryResult",
    "CATEGORIES",
    "SPECIAL_CARRIERS",
]

#: Gas label of rows valued with an explicit CO2e factor (counted with GWP 1).
EXPLICIT_GAS = "CO2e (explicit factor)"
CATEGORIES = (
    "fuel_combustion",
    "industrial_process",
    "purchased_electricity",
    "purchased_heat",
    "exported_energy",
)
SPECIAL_CARRIERS = ("electricity", "heat", "steam", "hot_water")
_GREEN_SUPPLY = ("green_certificate", "direct_green", "onsite_renewable")
_MOBILE_USES = ("vehicles", "vehicle", "mobile", "transport")
_GASES = ("CO2", "CH4", "N2O")


@dataclass
class InventoryResult:
    """A plant or portfolio inventory with its audit trail.

    ``activities`` holds one row per input row with the emission of each gas
    [t], the CO2e [t] (location-based and market-based), the category, scope and
    the factors used; the summary methods aggregate it.
    """

    activities: pd.DataFrame
    factors_used: list[factors.Factor]
    warnings: list[str]
    options: dict[str, Any]
    group_columns: list[str] = field(default_factory=list)

    @property
    def total(self) -> pint.Quantity:
        """Total emissions [tCO2e] (GB/T 32150: combustion + process + purchased − exported)."""
        return Q_(float(self.activities["co2e_t"].sum()), "tCO2e")

    def by_category(self) -> pd.DataFrame:
        """Emissions by GB/T 32150 category [t]; rows sum to :attr:`total`."""
        a = self.activities
        out = a.groupby("category", observed=True)[["co2_t", "ch4_t", "n2o_t", "co2e_t"]].sum()
        out = out.reindex([c for c in CATEGORIES if c in set(out.index)])
        return out.reset_index()

    def by_scope(self) -> pd.DataFrame:
        """Scope 1, scope 2 location-based and scope 2 market-based [tCO2e].

        Exported energy is not a scope (GHG Protocol); it is shown on its own row so that
        scope 1 + scope 2 (location) − exported = total.
        """
        a = self.activities
        s1 = a.loc[a["scope"] == "scope_1", "co2e_t"].sum()
        s2 = a.loc[a["scope"] == "scope_2", "co2e_t"].sum()
        s2m = a.loc[a["scope"] == "scope_2", "co2e_market_t"].sum()
        exported = a.loc[a["category"] == "exported_energy", "co2e_t"].sum()
        return pd.DataFrame(
            {
                "scope": ["scope_1", "scope_2_location", "scope_2_market", "exported_energy"],
                "co2e_t": [float(s1), float(s2), float(s2m), float(exported)],
            }
        )

    def by_gas(self) -> pd.DataFrame:
        """Mass of each gas [t], its GWP and CO2e [t]."""
        ar = self.options["gwp"]
        rows = []
        for gas in _GASES:
            mass = float(self.activities[f"{gas.lower()}_t"].sum())
            g = 1.0 if gas == "CO2" else _gwp_value(gas, ar)
            rows.append({"gas": gas, "mass_t": mass, "gwp": g, "co2e_t": mass * g})
        others = self.activities[self.activities["other_t"] > 0]
        for gas, group in others.groupby("other_gas"):
            mass = float(group["other_t"].sum())
            g = _gwp_value(str(gas), ar)
            rows.append({"gas": str(gas), "mass_t": mass, "gwp": g, "co2e_t": mass * g})
        return pd.DataFrame(rows)

    def by(self, column: str) -> pd.DataFrame:
        """Emissions [tCO2e] by any grouping column (``plant_id``, ``period``, ``use`` ...)
        and category."""
        if column not in self.activities.columns:
            raise InputError(
                f"no column {column!r}; available: {self.group_columns}", field="column"
            )
        table = self.activities.pivot_table(
            index=column,
            columns="category",
            values="co2e_t",
            aggfunc="sum",
            fill_value=0.0,
            observed=True,
        )
        table["total"] = table.sum(axis=1)
        return table.reset_index()

    @property
    def records(self) -> pd.DataFrame:
        """The audit trail: one row per activity × gas with the factors behind it."""
        a = self.activities
        keep = [
            c for c in a.columns if (not c.endswith("_t") or c == "co2e_t") and c != "other_gas"
        ]
        frames = []
        for gas in _GASES:
            mass = a[f"{gas.lower()}_t"]
            sel = mass != 0
            if gas != "CO2" and not sel.any():
                continue
            part = a.loc[sel, [c for c in keep if c != "co2e_t"]].copy()
            part.insert(0, "activity", a.index[sel])
            part["gas"] = gas
            part["mass_t"] = mass[sel].to_numpy()
            g = 1.0 if gas == "CO2" else _gwp_value(gas, self.options["gwp"])
            part["gwp"] = g
            part["co2e_t"] = part["mass_t"] * g
            frames.append(part)
        others = a[a["other_t"] > 0]
        if len(others):
            part = others[[c for c in keep if c != "co2e_t"]].copy()
            part.insert(0, "activity", others.index)
            part["gas"] = others["other_gas"].to_numpy()
            part["mass_t"] = others["other_t"].to_numpy()
            part["gwp"] = [_gwp_value(str(gas), self.options["gwp"]) for gas in part["gas"]]
            part["co2e_t"] = others["co2e_t"].to_numpy()
            frames.append(part)
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    def monte_carlo(self, plant: Any = None, n: int = 10_000, seed: Any = None) -> Any:
        """Monte Carlo of the inventory total: factor uncertainties from the database and
        activity uncertainties from the plant file's ``energy[].uncertainty``.

        See :func:`greenchain.accounting.product_footprint.inventory_monte_carlo`.
        """
        from greenchain.accounting.product_footprint import inventory_monte_carlo

        return inventory_monte_carlo(self, plant, n=n, seed=seed)

    def factor_table(self) -> pd.DataFrame:
        """Every factor used, with its dataset, table, status and source id."""
        rows = {(f.key, f.dataset, f.region, f.year, f.basis): f for f in self.factors_used}
        return pd.DataFrame(
            [
                {
                    "key": f.key,
                    "value": f.value,
                    "unit": f.unit,
                    "dataset": f.dataset,
                    "source_ref": f.source_ref,
                    "region": f.region,
                    "year": f.year,
                    "basis": f.basis,
                    "status": f.status,
                    "source_id": f.source_id,
                    "origin": f.origin,
                }
                for f in rows.values()
            ]
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable summary."""
        return {
            "total_tco2e": self.total.magnitude,
            "by_category": {
                r["category"]: r["co2e_t"] for r in self.by_category().to_dict("records")
            },
            "by_scope": {r["scope"]: r["co2e_t"] for r in self.by_scope().to_dict("records")},
            "by_gas": {
                r["gas"]: {"mass_t": r["mass_t"], "gwp": r["gwp"], "co2e_t": r["co2e_t"]}
                for r in self.by_gas().to_dict("records")
            },
            "options": dict(self.options),
            "unverified_factors": sorted(
                {f"{f.key} ({f.dataset})" for f in self.factors_used if f.status == "unverified"}
            ),
            "warnings": list(self.warnings),
        }


def _gwp_value(gas: str, ar: str) -> float:
    if gas == EXPLICIT_GAS:
        return 1.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(gwp_factor(gas, ar).value)


class _Collector:
    """Collects warnings and factors while the inventory is built."""

    def __init__(self) -> None:
        self.factors: list[factors.Factor] = []
        self.warnings: list[str] = []

    def note(self, caught: list[warnings.WarningMessage]) -> None:
        for w in caught:
            text = str(w.message)
            if text not in self.warnings:
                self.warnings.append(text)


class _Table:
    """Integer codes of the record columns, computed once (fast for millions of rows)."""

    def __init__(self, records: pd.DataFrame, source: str | None):
        self.records = records
        self.source = source
        self.n = len(records)

    def codes(
        self, name: str, default: Any = None, rows: np.ndarray | None = None
    ) -> tuple[np.ndarray, list[Any]]:
        """Factorise a column: (codes, uniques); missing values get ``default``'s code.

        With ``rows``, only those rows are factorised (the others get code -1).
        """
        if name in self.records.columns and rows is not None:
            sub, uniques = pd.factorize(self.records[name].to_numpy()[rows], use_na_sentinel=True)
            codes = np.full(self.n, -1, dtype=np.intp)
            codes[rows] = sub
            values = [u.strip() if isinstance(u, str) else u for u in uniques]
            if default is not None and (sub < 0).any():
                values = [*values, default]
                codes[rows] = np.where(sub < 0, len(values) - 1, sub)
            return codes, values
        if name in self.records.columns:
            codes, uniques = pd.factorize(self.records[name], use_na_sentinel=True)
            values = [u.strip() if isinstance(u, str) else u for u in uniques]
        else:
            codes, values = np.full(self.n, -1, dtype=np.intp), []
        if default is not None and (codes < 0).any():
            values = [*values, default]
            codes = np.where(codes < 0, len(values) - 1, codes)
        return codes, values

    def where(self, rows: np.ndarray) -> str:
        """Name the rows (plant-file paths or record numbers) for an error message."""
        idx = np.asarray(rows)[:5]
        if "_path" in self.records.columns:
            text = ", ".join(str(self.records["_path"].iloc[i]) for i in idx)
        else:
            text = "records row " + ", ".join(str(i) for i in idx)
        return text + (f" in {self.source}" if self.source else "")

    def fail(self, exc: GreenchainError, rows: np.ndarray, field: str | None = None) -> None:
        """Re-raise ``exc`` naming the field and the rows it came from."""
        raise type(exc)(
            getattr(exc, "message", str(exc)),
            field=field or getattr(exc, "field", None),
            source=self.where(rows),
        ) from None


def _groups(codes: np.ndarray, rows: np.ndarray) -> list[np.ndarray]:
    """Split ``rows`` by ``codes[rows]`` with one stable sort (no mask per group)."""
    if len(rows) == 0:
        return []
    keys = codes[rows]
    if len(keys) and 0 <= keys.min() and keys.max() < 2**15:
        keys = keys.astype(np.int16)  # numpy sorts 16-bit keys by radix: O(n)
    order = np.argsort(keys, kind="stable")
    cuts = np.flatnonzero(np.diff(keys[order])) + 1
    return [rows[part] for part in np.split(order, cuts)]


@functools.cache
def _conversion(unit: str, target: str) -> float | None:
    """Factor from ``unit`` to ``target``; None when the dimensions differ."""
    try:
        return float(Q_(1.0, unit_of(unit)).m_as(target))
    except pint.errors.DimensionalityError:
        return None


def _convert(
    table: _Table,
    unit_codes: np.ndarray,
    units: list[Any],
    rows: np.ndarray,
    amount: np.ndarray,
    target: str,
    carrier: str,
) -> np.ndarray:
    """Amounts of ``rows`` in ``target``; a unit of the wrong dimension names its rows."""
    lut = np.full(len(units), np.nan)
    for code in np.unique(unit_codes[rows]):
        unit_rows = rows[unit_codes[rows] == code]
        try:
            factor = _conversion(str(units[code]), target)
        except UnitError as exc:
            table.fail(exc, unit_rows, "unit")
        if factor is None:
            table.fail(
                UnitError(
                    f"a {units[code]!r} amount cannot be used for carrier "
                    f"{carrier!r} (expects {target}-compatible units)"
                ),
                unit_rows,
                "unit",
            )
        lut[code] = factor
    return amount[rows] * lut[unit_codes[rows]]


def _validate(records: pd.DataFrame, table: _Table) -> np.ndarray:
    missing = [c for c in ("carrier", "amount", "unit") if c not in records.columns]
    if missing:
        raise InputError(
            f"records need columns carrier, amount, unit; missing {missing}",
            field="records",
            source=table.source,
        )
    amount = pd.to_numeric(records["amount"], errors="coerce").to_numpy(dtype=float)
    bad = ~np.isfinite(amount)
    if bad.any():
        table.fail(
            InputError("amount is missing, not a number or not finite"),
            np.flatnonzero(bad),
            "amount",
        )
    neg = amount < 0
    if neg.any():
        table.fail(InputError("amount must not be negative"), np.flatnonzero(neg), "amount")
    return amount


def _numeric(records: pd.DataFrame, name: str) -> np.ndarray:
    if name not in records.columns:
        return np.full(len(records), np.nan)
    return pd.to_numeric(records[name], errors="coerce").to_numpy(dtype=float)


class _Out:
    """Per-row results as numeric arrays and a small label table (no object columns)."""

    def __init__(self, n: int):
        self.co2 = np.zeros(n)
        self.ch4 = np.zeros(n)
        self.n2o = np.zeros(n)
        self.market_zero = np.zeros(n, dtype=bool)
        self.explicit = np.zeros(n)  # CO2e [t] of rows valued with an explicit factor
        self.category = np.full(n, -1, dtype=np.int8)
        self.label = np.full(n, -1, dtype=np.int32)
        self.labels: list[tuple[str, str, str]] = []  # (factor_key, dataset, status)

    def set(
        self, rows: np.ndarray, category: str | np.ndarray, key: str, dataset: str, status: str
    ) -> None:
        self.labels.append((key, dataset, status))
        self.label[rows] = len(self.labels) - 1
        self.category[rows] = CATEGORIES.index(category) if isinstance(category, str) else category

    def column(self, i: int) -> pd.Categorical:
        values = sorted({lab[i] for lab in self.labels})
        lut = np.array([values.index(lab[i]) for lab in self.labels] + [-1], dtype=np.int32)
        return pd.Categorical.from_codes(lut[self.label], categories=values)


def _fuels(
    t: _Table,
    amount: np.ndarray,
    carrier: tuple,
    unit: tuple,
    rows_all: np.ndarray,
    fuel_dataset: str,
    non_co2: bool,
    collector: _Collector,
    out: _Out,
) -> None:
    c_codes, carriers = carrier
    u_codes, units = unit
    d_codes, datasets = t.codes("dataset", fuel_dataset)
    if not datasets:
        d_codes, datasets = np.zeros(t.n, dtype=np.intp), [fuel_dataset]
    key = c_codes.astype(np.int64) * len(datasets) + d_codes
    use_codes, uses = t.codes("use", "")
    mobile = np.isin(use_codes, [i for i, u in enumerate(uses) if str(u).lower() in _MOBILE_USES])
    measured = {
        name: (
            _numeric(t.records, f"measured_{name}")
            if f"measured_{name}" in t.records.columns
            else None
        )
        for name in ("ncv", "carbon_content", "oxidation_rate")
    }
    for rows in _groups(key, rows_all):
        fuel, dataset = str(carriers[c_codes[rows[0]]]), str(datasets[d_codes[rows[0]]])
        try:
            params = emissions.fuel_parameters(fuel, dataset)
        except InputError as exc:
            t.fail(exc, rows, "carrier")
        basis = params.basis_unit
        fc = _convert(t, u_codes, units, rows, amount, basis, fuel)
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
            _worst(f.status for f in params.used()),
        )
        if not non_co2:
            continue
        stationary = ~mobile[rows]
        if not stationary.all():
            collector.warnings.append(
                f"{fuel}: CH4/N2O of mobile combustion (use=vehicles) not included "
                "(IPCC mobile defaults are not shipped); CO2 is"
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
    t: _Table,
    amount: np.ndarray,
    unit: tuple,
    out: _Out,
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
    for rows in _groups(f_codes, np.flatnonzero(f_codes >= 0)):
        text = str(texts[f_codes[rows[0]]])
        try:
            factor, label = _explicit_factor(text)
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


def _worst(statuses: Any) -> str:
    order = {s: i for i, s in enumerate(("official", "transcribed", "derived", "unverified"))}
    return max(statuses, key=lambda s: order[s])


def _electricity(
    t: _Table,
    amount: np.ndarray,
    unit: tuple,
    rows_all: np.ndarray,
    grid_basis: str,
    grid_year: int | None,
    is_export: np.ndarray,
    collector: _Collector,
    out: _Out,
) -> None:
    if len(rows_all) == 0:
        return
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
    mwh[rows_all] = _convert(t, u_codes, units, rows_all, amount, "MWh", "electricity")
    supply_codes, supplies = t.codes("supply", "grid", rows=rows_all)
    green = np.isin(supply_codes, [i for i, s in enumerate(supplies) if s in _GREEN_SUPPLY])
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
    for rows in _groups(key, rows_all):
        region, year = regions[r_codes[rows[0]]], int(years[y_codes[rows[0]]])
        try:
            f = factors.grid_electricity(region=str(region), year=year, basis=grid_basis)
            out.co2[rows] = emissions.purchased_electricity(
                mwh[rows], region=str(f.region), year=int(f.year or year), basis=grid_basis
            ).m_as("tCO2")
        except GreenchainError as exc:
            t.fail(exc, rows, getattr(exc, "field", None) or "region")
        collector.factors.append(f)
        category = np.where(
            is_export[rows],
            CATEGORIES.index("exported_energy"),
            CATEGORIES.index("purchased_electricity"),
        )
        out.set(rows, category, f.key, f"{f.dataset} {f.year} {f.region}", f.status)
        out.market_zero[rows] = green[rows] & ~is_export[rows]


def _heat(
    t: _Table,
    amount: np.ndarray,
    carrier: tuple,
    unit: tuple,
    rows_all: np.ndarray,
    is_export: np.ndarray,
    collector: _Collector,
    out: _Out,
) -> None:
    if len(rows_all) == 0:
        return
    c_codes, carriers = carrier
    u_codes, units = unit
    heat_factor = factors.get("heat.purchased")
    key = c_codes.astype(np.int64) * max(len(units), 1) + u_codes
    for rows in _groups(key, rows_all):
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
                values = _numeric(t.records, column)[rows]
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
            out.co2[rows] = emissions.purchased_heat(gj).m_as("tCO2")
        except GreenchainError as exc:
            t.fail(exc, rows)
        category = np.where(
            is_export[rows], CATEGORIES.index("exported_energy"), CATEGORIES.index("purchased_heat")
        )
        out.set(rows, category, heat_factor.key, heat_factor.dataset, heat_factor.status)
    collector.factors.append(heat_factor)


def from_records(
    records: pd.DataFrame,
    *,
    gwp: str = DEFAULT_AR,
    fuel_dataset: str = emissions.DEFAULT_FUEL_DATASET,
    grid_basis: str = "average",
    grid_year: int | None = None,
    non_co2: bool = True,
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
        (fuel parameter set per row), ``measured_ncv`` [GJ/t or GJ/Nm3],
        ``measured_carbon_content`` [tC/GJ], ``measured_oxidation_rate`` [-],
        ``enthalpy`` [kJ/kg] for steam given by mass, ``temperature`` [degC] for hot water
        given by mass, ``use``, and any grouping columns (``plant_id``, ``period``…).
    gwp : str, default "AR6"
        GWP set for CH4 and N2O (``SAR``, ``AR4``, ``AR5``, ``AR6``).
    fuel_dataset : str, default "GB/T 32150-2015"
        Default fuel parameter set.
    grid_basis : str, default "average"
        Grid electricity factor basis.
    grid_year : int, optional
        Grid factor year for all rows (default: each row's ``year``). An unpublished
        year falls back to the latest earlier one, with a warning in the result.
    non_co2 : bool, default True
        Add CH4 and N2O from stationary combustion (IPCC 2006 Table 2.3 defaults).
    source : str, optional
        Name of the file the records came from (used in error messages).
    process : pandas.DataFrame, optional
        Process emissions already computed by :func:`process_emissions` (rows with
        ``co2_t``, ``ch4_t``, ``n2o_t``, ``co2e_t`` …); appended as ``industrial_process``.

    Returns
    -------
    InventoryResult
    """
    ar = normalise_report(gwp)
    if not isinstance(records.index, pd.RangeIndex) or records.index.start != 0:
        records = records.reset_index(drop=True)
    t = _Table(records, source)
    amount = _validate(records, t)
    collector = _Collector()
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
    out = _Out(len(records))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _fuels(t, amount, carrier, unit, fuel_rows, fuel_dataset, non_co2, collector, out)
        _electricity(
            t,
            amount,
            unit,
            np.flatnonzero(kind == 1),
            grid_basis,
            grid_year,
            is_export,
            collector,
            out,
        )
        _heat(t, amount, carrier, unit, np.flatnonzero(kind == 2), is_export, collector, out)
        _explicit_factors(t, amount, unit, out, explicit_category, is_export)
    collector.note(caught)

    g_ch4, g_n2o = _gwp_value("CH4", ar), _gwp_value("N2O", ar)
    if non_co2 and (out.ch4.any() or out.n2o.any()):
        collector.factors.extend(gwp_factor(gas, ar) for gas in ("CH4", "N2O"))
    sign = np.where(is_export, -1.0, 1.0)
    co2, ch4, n2o = out.co2 * sign, out.ch4 * sign, out.n2o * sign
    explicit = out.explicit * sign
    co2e = co2 + ch4 * g_ch4 + n2o * g_n2o + explicit
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
            "co2e_market_t": np.where(out.market_zero, 0.0, co2e),
            "other_gas": pd.Categorical.from_codes(
                np.where(out.explicit != 0, 0, -1), categories=[EXPLICIT_GAS]
            ),
            "other_t": explicit,
            "factor_key": out.column(0),
            "dataset": out.column(1),
            "status": out.column(2),
        }
    )
    for c in keep:
        activities[c] = records[c].to_numpy()
    if process is not None and len(process):
        activities = pd.concat([activities, process.drop(columns="factors")], ignore_index=True)
        for used in process["factors"]:
            collector.factors.extend(used)
        for c in ("carrier", "unit", "category", "scope", "factor_key", "dataset", "status"):
            activities[c] = activities[c].astype("category")
        activities["category"] = activities["category"].cat.set_categories(CATEGORIES)
    options = {
        "gwp": ar,
        "fuel_dataset": fuel_dataset,
        "grid_basis": grid_basis,
        "grid_year": grid_year,
        "non_co2": non_co2,
    }
    if out.market_zero.any():
        collector.warnings.append(
            "market-based scope 2: green-certificate and direct green electricity at zero; "
            "the remainder uses the location grid factor (no residual mix is published)"
        )
    unverified = sorted(
        {f"{f.key} ({f.dataset})" for f in collector.factors if f.status == "unverified"}
    )
    if unverified:
        collector.warnings.append("results use unverified factors: " + ", ".join(unverified))
    for text in collector.warnings:
        warnings.warn(
            text,
            factors.FallbackWarning
            if "using" in text
            else factors.UnverifiedDataWarning
            if "unverified" in text
            else UserWarning,
            stacklevel=2,
        )
    groups = [
        c
        for c in keep
        if not c.startswith(("measured_", "_")) and c not in ("enthalpy", "temperature")
    ]
    return InventoryResult(activities, collector.factors, collector.warnings, options, groups)


def process_emissions(
    entries: list[Any], *, gwp: str = DEFAULT_AR, source: str | None = None
) -> pd.DataFrame:
    """Compute process emissions of plant-file ``process_emissions`` entries.

    Each entry (a :class:`greenchain.data.plant_file.ProcessEmission`) is computed by the matching
    method of :mod:`greenchain.accounting.emissions`. Returns one row per entry with ``co2_t``,
    ``ch4_t``, ``n2o_t``, ``co2e_t``, ``co2e_market_t``, the category
    ``industrial_process``, scope 1, the factor key, dataset and status, and a
    ``factors`` column listing the factors used.
    """
    ar = normalise_report(gwp)
    rows = []
    for i, e in enumerate(entries):
        where = f"process_emissions[{i}]"
        co2 = ch4 = n2o = other = other_t = 0.0
        status: str | None = None
        gas_label = e.gas
        base_name, base = _process_base(e)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", factors.UnverifiedDataWarning)
                if e.factor is not None:  # an explicit CO2e factor replaces the method
                    factor, dataset = _explicit_factor(e.factor)
                    q = base * factor
                    if not q.check("[mass]"):
                        raise UnitError(
                            f"factor {dataset!r} times {base_name} ({base.units:~P}) "
                            "is not a mass of CO2e",
                            field="factor",
                        )
                    other = other_t = float(q.m_as("t"))
                    used, key, status, gas_label = (
                        [],
                        "explicit factor",
                        e.factor_status,
                        EXPLICIT_GAS,
                    )
                elif e.type == "carbonate_decomposition":
                    dataset = e.dataset or "IPCC 2006"
                    co2 = emissions.carbonate_decomposition(
                        e.raw_material,
                        e.fractions,
                        dataset=dataset,
                        calcination_fraction=e.calcination_fraction,
                        utilisation=e.utilisation,
                    ).m_as("tCO2")
                    used = [
                        factors.get(f"carbonate.{emissions.carbonate_id(n)}", dataset=dataset)
                        for n in e.fractions
                    ]
                    key = "carbonate"
                elif e.type == "wastewater_ch4":
                    ch4 = emissions.wastewater_ch4(
                        e.volume,
                        e.cod_in,
                        e.cod_out,
                        organics=e.organics,
                        sludge=e.sludge or 0,
                        b0=e.b0,
                        mcf=e.mcf,
                        system=e.system,
                        recovered=e.recovered or 0,
                    ).m_as("t")
                    used = [] if e.b0 is not None else [factors.get("wastewater.b0")]
                    if e.mcf is None:
                        used.append(factors.get(f"wastewater.mcf.{e.system}"))
                    used.append(gwp_factor("CH4", ar))
                    dataset, key = "IPCC 2006", "wastewater"
                else:  # refrigerant_leakage
                    g = gwp_factor(e.gas, ar)
                    other = emissions.refrigerant_leakage(e.gas, e.amount, ar=ar).m_as("tCO2e")
                    other_t = other / g.value
                    used, dataset, key = [g], g.dataset, g.key
        except GreenchainError as exc:
            field = f"{where}.{exc.field}" if getattr(exc, "field", None) else where
            raise type(exc)(getattr(exc, "message", str(exc)), field=field, source=source) from None
        co2e = co2 + ch4 * _gwp_value("CH4", ar) + n2o * _gwp_value("N2O", ar) + other
        rows.append(
            {
                "carrier": e.type,
                "amount": float(base.magnitude),
                "unit": f"{base.units:~}",
                "category": "industrial_process",
                "scope": "scope_1",
                "co2_t": co2,
                "ch4_t": ch4,
                "n2o_t": n2o,
                "co2e_t": co2e,
                "co2e_market_t": co2e,
                "other_gas": gas_label if other else None,
                "other_t": other_t,
                "factor_key": key,
                "dataset": dataset,
                "status": status or (_worst(f.status for f in used) if used else "official"),
                "use": e.name or e.type,
                "_path": where,
                "factors": used,
            }
        )
    return pd.DataFrame(rows)


_PROCESS_BASES = (("raw_material", "t"), ("organics", "kg"), ("volume", "m^3"), ("amount", "kg"))


def _process_base(entry: Any) -> tuple[str, pint.Quantity]:
    """The main input of a process entry (for the audit trail and explicit factors)."""
    for name, unit in _PROCESS_BASES:
        value = getattr(entry, name, None)
        if value is not None:
            return name, value if isinstance(value, pint.Quantity) else Q_(float(value), unit)
    raise InputError(
        "the entry has no main input (raw_material, organics, volume or amount)",
        field="raw_material",
    )


def _explicit_factor(value: Any) -> tuple[pint.Quantity, str]:
    """An explicit factor given as a Quantity, ``"2.2 kgCO2e/m^3"`` or a factor key."""
    if isinstance(value, pint.Quantity):
        return value, f"{value:~P}"
    text = str(value)
    try:
        return parse_quantity(text), text
    except (GreenchainError, pint.errors.PintError, ValueError):
        f = factors.get(text)
        return f.quantity, f"{f.key} ({f.dataset})"


def plant_inventory(data: PlantData, source: str | None = None, **options: Any) -> InventoryResult:
    """GHG inventory of a plant file: its energy, exports and process emissions.

    Parameters
    ----------
    data : PlantData
        Validated plant data.
    source : str, optional
        The plant file's name, named in messages.
    **options
        As :func:`from_records` (``gwp``, ``grid_basis``, ``grid_year``, ...).

    Returns
    -------
    InventoryResult

    Examples
    --------
    >>> import warnings
    >>> import greenchain as gc
    >>> data = gc.load_plant(gc.example_path("dyeing_mill.yaml")).data
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     round(plant_inventory(data).total.m_as("tCO2e"))
    41856
    """
    process = process_emissions(
        data.process_emissions, gwp=options.get("gwp", "AR6"), source=source
    )
    return from_records(plant_records(data, source), source=source, process=process, **options)
