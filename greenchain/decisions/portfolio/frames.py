"""Input checks shared by the portfolio decisions: columns, periods, production.

The portfolio decisions read plain pandas DataFrames of the shape the portfolio engine
(:mod:`greenchain.accounting.portfolio`) returns: one row per plant and period with
``plant_id``, a period column (``year``, or ``month`` as a :class:`pandas.Period` or a
``YYYY-MM`` string) and ``tce`` and/or ``co2e_t``; production is a long table
``plant_id, period, product, amount, unit`` whose unit strings are parsed with
:mod:`greenchain.units`. Every error is an :class:`~greenchain.errors.InputError`
naming the table and the column (or row) at fault.

Examples
--------
>>> import pandas as pd
>>> period_column(pd.DataFrame({"plant_id": ["A"], "year": [2024], "tce": [1.0]}), "energy")
'year'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from greenchain.errors import InputError, UnitError
from greenchain.units import unit_of

__all__ = [
    "PERIODS",
    "require_columns",
    "period_column",
    "as_months",
    "numeric",
    "specific_energy",
    "SPECIFIC_UNITS",
]

#: Period columns a portfolio table may carry, coarse to fine.
PERIODS = ("year", "month")

#: Specific-energy (and carbon-intensity) columns :func:`specific_energy` writes:
#: column -> (source column, factor to the column's unit numerator).
SPECIFIC_UNITS = {
    "tce_per_unit": ("tce", 1.0, "tce"),
    "kgce_per_unit": ("tce", 1000.0, "kgce"),
    "co2e_t_per_unit": ("co2e_t", 1.0, "t"),
}


def require_columns(frame: Any, columns: Iterable[str], name: str) -> pd.DataFrame:
    """Check that ``frame`` is a DataFrame with ``columns``; return it.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table.
    columns : iterable of str
        Required columns.
    name : str
        The table's name in messages (``"monthly"``, ``"budgets"`` ...).

    Returns
    -------
    pandas.DataFrame
        ``frame`` itself.

    Raises
    ------
    InputError
        Not a DataFrame, or a column missing (``field`` is ``name.column``).
    """
    if not isinstance(frame, pd.DataFrame):
        raise InputError(f"must be a pandas DataFrame, got {type(frame).__name__}", field=name)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(
            f"missing column {missing[0]!r} (has: {', '.join(map(str, frame.columns))})",
            field=f"{name}.{missing[0]}",
        )
    return frame


def period_column(frame: pd.DataFrame, name: str) -> str:
    """The period column of a portfolio table: ``month`` if present, else ``year``.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table.
    name : str
        The table's name in messages.

    Returns
    -------
    str
        ``"month"`` or ``"year"``.

    Raises
    ------
    InputError
        Neither column is present.
    """
    for column in ("month", "year"):
        if column in frame.columns:
            return column
    raise InputError(
        "needs a period column: 'year' or 'month' (YYYY-MM or pandas.Period)",
        field=f"{name}.year",
    )


def as_months(values: Any, name: str) -> pd.Series:
    """Read a month column (``YYYY-MM`` strings, Periods or timestamps) as monthly Periods.

    Parameters
    ----------
    values : pandas.Series
        The column.
    name : str
        ``table.column`` named in errors.

    Returns
    -------
    pandas.Series
        ``period[M]`` dtype, same index.

    Raises
    ------
    InputError
        A value is not a month (the message names the first bad row).
    """
    series = pd.Series(values)
    if isinstance(series.dtype, pd.PeriodDtype):
        return series.dt.asfreq("M")
    out = []
    for index, value in series.items():
        try:
            out.append(pd.Period(value, freq="M"))
        except (ValueError, TypeError) as exc:
            raise InputError(
                f"row {index}: {value!r} is not a month (YYYY-MM)", field=name
            ) from exc
    return pd.Series(out, index=series.index, dtype="period[M]")


def numeric(frame: pd.DataFrame, column: str, name: str, *, allow_nan: bool = True) -> pd.Series:
    """A numeric column as floats; non-numbers are an error naming the row.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table.
    column : str
        The column.
    name : str
        The table's name in messages.
    allow_nan : bool, default True
        Whether empty cells (NaN) are accepted.

    Returns
    -------
    pandas.Series
        Float64 values.

    Raises
    ------
    InputError
        A cell that is not a number, a negative value, or NaN when not allowed.
    """
    raw = frame[column]
    values = pd.to_numeric(raw, errors="coerce").astype(float)
    bad = values.isna() & raw.notna()
    if not allow_nan:
        bad |= values.isna()
    if bad.any():
        row = bad[bad].index[0]
        raise InputError(f"row {row}: {raw.loc[row]!r} is not a number", field=f"{name}.{column}")
    negative = values < 0
    if negative.any():
        row = negative[negative].index[0]
        raise InputError(f"row {row}: must not be negative", field=f"{name}.{column}")
    return values


def _production(production: pd.DataFrame, period: str) -> pd.DataFrame:
    """Production summed per plant, period, product and unit; units checked."""
    require_columns(production, ("plant_id", period, "product", "amount", "unit"), "production")
    prod = production.copy()
    prod["amount"] = numeric(prod, "amount", "production", allow_nan=False)
    for index, unit in prod["unit"].items():
        try:
            unit_of(str(unit))
        except UnitError as exc:
            raise UnitError(f"row {index}: {exc.message}", field="production.unit") from exc
    if period == "month":
        prod["month"] = as_months(prod["month"], "production.month")
    extra = [c for c in prod.columns if c not in ("plant_id", period, "product", "amount", "unit")]
    keys = ["plant_id", period, "product", "unit"]
    summed = prod.groupby(keys, sort=True, dropna=False)["amount"].sum().reset_index()
    if extra:  # attributes of the product (limit_product, fabric, ...): first value per product
        attrs = prod.groupby(["plant_id", "product"], sort=False)[extra].first().reset_index()
        summed = summed.merge(attrs, on=["plant_id", "product"], how="left")
    return summed


def specific_energy(frame: pd.DataFrame, production: pd.DataFrame) -> pd.DataFrame:
    """Specific energy (tce and kgce per unit output) and carbon intensity per plant and period.

    Energy and carbon are per plant (or per plant and product when ``frame`` has a
    ``product`` column); production per plant, period and product. A plant-level row is
    divided by the plant's output when the plant made one product in the period, or
    several in one unit (summed: say so, ``basis`` is ``"sum of products"``). A plant
    with products in different units gets no value and a ``reason``: allocate its energy
    to products first (GB/T 36132-2025 formula B.1) and pass a ``product`` column.

    Parameters
    ----------
    frame : pandas.DataFrame
        ``plant_id``, ``year`` or ``month``, ``tce`` and/or ``co2e_t`` [t]; optionally
        ``product``, ``sector``, ``region`` (kept).
    production : pandas.DataFrame
        ``plant_id``, the same period column, ``product``, ``amount``, ``unit`` (a unit
        string such as ``"m^2"``, ``"t"``, ``"hundred_metre"``); further columns
        (``limit_product``, ``water_absorption``, ``fabric`` ...) are kept per product.

    Returns
    -------
    pandas.DataFrame
        One row per plant, period and product (or product group): the input columns,
        ``product``, ``output`` and ``unit`` of the output, ``basis``, ``reason`` and,
        for each of ``tce`` and ``co2e_t`` present, ``tce_per_unit`` [tce/unit],
        ``kgce_per_unit`` [kgce/unit] and ``co2e_t_per_unit`` [t/unit] (per the row's
        ``unit``).

    Raises
    ------
    InputError
        A missing column, a period that is not a month, a negative or non-numeric
        amount, an unknown unit.

    Examples
    --------
    >>> import pandas as pd
    >>> energy = pd.DataFrame({"plant_id": ["A"], "year": [2024], "tce": [4500.0]})
    >>> made = pd.DataFrame({"plant_id": ["A"], "year": [2024], "product": ["tile"],
    ...                      "amount": [1e6], "unit": ["m^2"]})
    >>> specific_energy(energy, made)[["product", "unit", "kgce_per_unit"]].values.tolist()
    [['tile', 'm^2', 4.5]]
    """
    period = period_column(frame, "frame")
    require_columns(frame, ("plant_id", period), "frame")
    quantities = [c for c in ("tce", "co2e_t") if c in frame.columns]
    if not quantities:
        raise InputError("needs a 'tce' or a 'co2e_t' column", field="frame.tce")
    left = frame.copy()
    for q in quantities:
        left[q] = numeric(left, q, "frame")
    if period == "month":
        left["month"] = as_months(left["month"], "frame.month")
    prod = _production(production, period)
    keys = ["plant_id", period]
    if "product" in left.columns:
        table = left.merge(prod, on=[*keys, "product"], how="left")
        table["basis"] = "product"
        table["reason"] = None
        table.loc[table["amount"].isna(), "reason"] = "no production for the product"
    else:
        units = prod.groupby(keys)["unit"].nunique().rename("n_units")
        products = prod.groupby(keys)["product"].agg(lambda s: " + ".join(sorted(map(str, s))))
        amount = prod.groupby(keys)["amount"].sum()
        unit = prod.groupby(keys)["unit"].first()
        first = prod.drop(columns=["amount", "unit", "product"]).groupby(keys).first()
        grouped = pd.concat(
            [products.rename("product"), amount, unit, units, first], axis=1
        ).reset_index()
        table = left.merge(grouped, on=keys, how="left")
        several = table["n_units"] > 1
        table.loc[several, "amount"] = np.nan
        table["basis"] = np.where(
            table["product"].astype(str).str.contains(r" \+ "), "sum of products", "product"
        )
        table["reason"] = None
        table.loc[table["n_units"].isna(), "reason"] = "no production for the plant and period"
        table.loc[several, "reason"] = (
            "products in different units: allocate energy to products (GB/T 36132-2025 "
            "formula B.1) and pass a 'product' column"
        )
        table = table.drop(columns=["n_units"])
    table = table.rename(columns={"amount": "output"})
    positive = table["output"] > 0
    table.loc[table["output"].notna() & ~positive, "reason"] = "zero output"
    for column, (source, factor, _) in SPECIFIC_UNITS.items():
        if source in table.columns:
            table[column] = np.where(positive, table[source] * factor / table["output"], np.nan)
    return table.reset_index(drop=True)
