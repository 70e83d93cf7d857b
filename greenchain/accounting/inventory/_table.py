"""The vectorised record table behind :func:`~greenchain.accounting.inventory.from_records`:
shared constants, validation, unit conversion by group, and the collector of factors
and caveats."""

from __future__ import annotations

import functools
from typing import Any

import numpy as np
import pandas as pd
import pint

from greenchain.data import factors
from greenchain.data.gwp import gwp_factor
from greenchain.errors import GreenchainError, InputError, UnitError, collect_caveats
from greenchain.units import Q_, parse_quantity, unit_of

EXPLICIT_GAS = "CO2e (explicit factor)"
CATEGORIES = (
    "fuel_combustion",
    "industrial_process",
    "purchased_electricity",
    "purchased_heat",
    "exported_energy",
)
SPECIAL_CARRIERS = ("electricity", "heat", "steam", "hot_water")
GREEN_SUPPLY = ("green_certificate", "direct_green", "onsite_renewable")
MOBILE_USES = ("vehicles", "vehicle", "mobile", "transport")
GASES = ("CO2", "CH4", "N2O")


def gwp_value(gas: str, ar: str) -> float:
    if gas == EXPLICIT_GAS:
        return 1.0
    with collect_caveats():  # the inventory lists unverified GWPs once, with its factors
        # a gas the report lacks (SAR NF3) takes the value its process row used
        return float(gwp_factor(gas, ar, fallback=True).value)


class Collector:
    """Collects the factors used while the inventory is built."""

    def __init__(self) -> None:
        self.factors: list[factors.Factor] = []


class RecordTable:
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
            # take the rows first: converting a whole (Arrow-backed) column costs more
            sub, uniques = pd.factorize(self.records[name].take(rows), use_na_sentinel=True)
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


def group_rows(codes: np.ndarray, rows: np.ndarray) -> list[np.ndarray]:
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
def conversion_factor(unit: str, target: str) -> float | None:
    """Factor from ``unit`` to ``target``; None when the dimensions differ."""
    try:
        return float(Q_(1.0, unit_of(unit)).m_as(target))
    except pint.errors.DimensionalityError:
        return None


def convert_amounts(
    table: RecordTable,
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
            factor = conversion_factor(str(units[code]), target)
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


def validate_records(records: pd.DataFrame, table: RecordTable) -> np.ndarray:
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


def numeric_column(records: pd.DataFrame, name: str) -> np.ndarray:
    if name not in records.columns:
        return np.full(len(records), np.nan)
    return pd.to_numeric(records[name], errors="coerce").to_numpy(dtype=float)


class Valued:
    """Per-row results as numeric arrays and a small label table (no object columns)."""

    def __init__(self, n: int):
        self.co2 = np.zeros(n)
        self.ch4 = np.zeros(n)
        self.n2o = np.zeros(n)
        self.market_zero = np.zeros(n, dtype=bool)
        self.market_co2 = np.full(n, np.nan)  # market-based CO2 [t] of the remainder, if set
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


def worst_status(statuses: Any) -> str:
    order = {s: i for i, s in enumerate(("official", "transcribed", "derived", "unverified"))}
    return max(statuses, key=lambda s: order[s])


def explicit_factor(value: Any) -> tuple[pint.Quantity, str]:
    """An explicit factor given as a Quantity, ``"2.2 kgCO2e/m^3"`` or a factor key."""
    if isinstance(value, pint.Quantity):
        return _not_offset(value), f"{value:~P}"
    text = str(value)
    try:
        q = parse_quantity(text)
    except (GreenchainError, pint.errors.PintError, ValueError):
        f = factors.get(text)
        return f.quantity, f"{f.key} ({f.dataset})"
    return _not_offset(q), text


def _not_offset(q: pint.Quantity) -> pint.Quantity:
    """``q``, unless its unit is an offset one (degC): no factor is a temperature."""
    try:
        q * Q_(1.0, "m")  # an offset unit (degC) cannot be multiplied
    except pint.errors.OffsetUnitCalculusError:
        raise UnitError(
            f"{q:~P} is a temperature, not an emission factor", field="factor"
        ) from None
    return q
