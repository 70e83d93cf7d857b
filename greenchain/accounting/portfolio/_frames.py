"""Portfolio inputs: the records and plant-registry schema, the readers, and the
row-level preparation of one partition (plant lookup, local time, series, duplicates).

Shared by the modules of :mod:`greenchain.accounting.portfolio`; the names here are
public within the package (this module is private to it).
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from greenchain.errors import GreenchainError, InputError

__all__ = [
    "REQUIRED",
    "OPTIONAL",
    "BY_KEYS",
    "TIME_KEYS",
    "DEFAULT_TIMEZONE",
    "DUPLICATE_RULES",
    "MissingExtra",
    "Context",
    "require_dask",
    "is_dask",
    "read_table",
    "check_columns",
    "check_plants",
    "prepare",
    "prepared_meta",
    "series_codes",
    "copies_of",
    "text_keys",
    "where",
]

#: Columns every record needs (with ``timestamp`` or ``period`` for the time).
REQUIRED = ("plant_id", "carrier", "amount", "unit")
#: Optional record columns passed to the valuation.
OPTIONAL = ("meter", "use", "product", "supply", "direction")
#: Grouping keys accepted by ``by``.
BY_KEYS = ("plant_id", "sector", "region", "year", "quarter", "month")
TIME_KEYS = ("year", "quarter", "month")
DEFAULT_TIMEZONE = "Asia/Shanghai"
#: What to do with duplicate readings: ``raise`` (default), ``keep`` or ``drop``.
DUPLICATE_RULES = ("raise", "keep", "drop")
_EXTRA = "pip install 'greenchain[dask]'"


class MissingExtra(GreenchainError, ImportError):
    """An optional extra (``dask``) is needed and not installed."""


def require_dask() -> Any:
    """Import :mod:`dask.dataframe`, or raise :class:`MissingExtra` naming the extra."""
    try:
        import dask.dataframe as dd
    except ImportError as exc:
        raise MissingExtra(
            f"the Dask engine needs the optional 'dask' extra ({_EXTRA}: "
            "dask[dataframe], distributed, pyarrow)",
            field="records",
        ) from exc
    return dd


def is_dask(frame: Any) -> bool:
    """True for a Dask collection (checked without importing Dask)."""
    return type(frame).__module__.split(".")[0] == "dask"


@dataclass(frozen=True)
class Context:
    """Everything a partition needs, shipped once to each worker."""

    plants: pd.DataFrame
    by: tuple[str, ...]
    duplicates: str = "raise"
    source: str | None = None
    time_column: str = "timestamp"
    optional: tuple[str, ...] = ()
    options: dict[str, Any] = field(default_factory=dict)


def where(rows: np.ndarray, number: int | None, source: str | None) -> str:
    """Name rows of a partition (positions within it) for a message."""
    text = "records row " + ", ".join(str(int(i)) for i in np.asarray(rows)[:5])
    if number is not None:
        text += f" of partition {number}"
    return text + (f" in {source}" if source else "")


def read_table(path: str | Path, *, engine: str = "pandas", blocksize: Any = None) -> Any:
    """Read a Parquet file/directory or a CSV file as pandas or Dask.

    Parameters
    ----------
    path : str or Path
        ``.parquet`` (or ``.pq``, or a directory of Parquet files) or ``.csv``.
    engine : {"pandas", "dask"}, default "pandas"
        The frame type returned.
    blocksize : int or str, optional
        Dask CSV block size (default Dask's).

    Returns
    -------
    pandas.DataFrame or dask.dataframe.DataFrame
    """
    if engine == "dask":
        require_dask()
    p = Path(path)
    name = p.name.lower()
    is_csv = name.endswith((".csv", ".csv.gz"))
    if not is_csv and not (p.is_dir() or name.endswith((".parquet", ".pq")) or "*" in name):
        raise InputError(
            "give a .parquet file, a directory of Parquet files or a .csv file",
            field="records",
            source=str(path),
        )
    if not p.exists() and "*" not in name:
        raise InputError("no such file", field="records", source=str(path))
    try:
        if engine == "dask":
            dd = require_dask()
            if is_csv:
                kw = {"blocksize": blocksize} if blocksize else {}
                return dd.read_csv(str(path), **kw)
            return dd.read_parquet(str(path))
        if is_csv:
            return pd.read_csv(p)
        return pd.read_parquet(p, engine="pyarrow")
    except ImportError as exc:
        if "pyarrow" in str(exc):
            raise MissingExtra(
                f"reading Parquet needs pyarrow ({_EXTRA})", field="records", source=str(path)
            ) from exc
        raise
    except (ValueError, OSError) as exc:
        if isinstance(exc, GreenchainError):
            raise
        raise InputError(
            f"cannot read the file: {exc}".splitlines()[0], field="records", source=str(path)
        ) from None


def check_columns(columns: Any, source: str | None) -> tuple[str, tuple[str, ...]]:
    """Check the record columns; return the time column and the optional columns present."""
    cols = list(columns)
    missing = [c for c in REQUIRED if c not in cols]
    if missing:
        raise InputError(
            f"records need columns {', '.join(REQUIRED)} and timestamp or period; "
            f"missing {', '.join(missing)}",
            field=missing[0],
            source=source,
        )
    times = [c for c in ("timestamp", "period") if c in cols]
    if len(times) != 1:
        raise InputError(
            "records need exactly one of the columns timestamp or period",
            field="timestamp",
            source=source,
        )
    return times[0], tuple(c for c in OPTIONAL if c in cols)


def check_plants(plants: Any, source: str | None = None) -> pd.DataFrame:
    """Validate the plant registry; return ``plant_id, region, sector, timezone`` as text.

    Parameters
    ----------
    plants : pandas.DataFrame, str or Path
        The registry, or a Parquet/CSV file holding it.
    source : str, optional
        The registry's name, for messages.

    Returns
    -------
    pandas.DataFrame
        One row per plant, ``timezone`` filled with ``Asia/Shanghai`` where not given.
    """
    if isinstance(plants, str | Path):
        source = source or str(plants)
        plants = read_table(plants)
    if not isinstance(plants, pd.DataFrame):
        raise InputError("plants must be a DataFrame or a file", field="plants", source=source)
    src = source or "plants"
    missing = [c for c in ("plant_id", "region", "sector") if c not in plants.columns]
    if missing:
        raise InputError(
            f"the plant registry needs columns plant_id, region, sector; missing "
            f"{', '.join(missing)}",
            field=missing[0],
            source=src,
        )
    out = pd.DataFrame(index=pd.RangeIndex(len(plants)))
    for c in ("plant_id", "region", "sector"):
        blank = plants[c].isna().to_numpy() | (plants[c].astype(str).str.strip() == "").to_numpy()
        if blank.any():
            raise InputError(
                f"{c} is missing", field=c, source=f"row {int(np.flatnonzero(blank)[0])} of {src}"
            )
        out[c] = plants[c].astype(str).str.strip().to_numpy()
    dup = out["plant_id"].duplicated(keep=False).to_numpy()
    if dup.any():
        rows = ", ".join(str(int(i)) for i in np.flatnonzero(dup)[:5])
        raise InputError(
            f"plant_id {out['plant_id'][dup].iloc[0]!r} is listed more than once",
            field="plant_id",
            source=f"rows {rows} of {src}",
        )
    tz = plants["timezone"] if "timezone" in plants.columns else pd.Series([None] * len(plants))
    zones = [DEFAULT_TIMEZONE if pd.isna(z) or not str(z).strip() else str(z).strip() for z in tz]
    for i, z in enumerate(zones):
        try:
            zoneinfo.ZoneInfo(z)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise InputError(
                f"unknown time zone {z!r} (an IANA name such as 'Asia/Shanghai')",
                field="timezone",
                source=f"row {i} of {src}",
            ) from None
    out["timezone"] = zones
    return out


def prepared_meta(ctx: Context) -> pd.DataFrame:
    """The empty frame :func:`prepare` returns (column names and dtypes)."""
    text = pd.Series([], dtype="category")
    cols: dict[str, Any] = {"plant_id": text, "carrier": text, "amount": pd.Series([], dtype=float)}
    cols["unit"] = text
    for c in ctx.optional:
        cols[c] = text
    cols.update(region=text, sector=text, series=text)
    for c in TIME_KEYS:
        cols[c] = pd.Series([], dtype=np.int64)
    cols.update(slot=pd.Series([], dtype=np.int64), copies=pd.Series([], dtype=np.int64))
    return pd.DataFrame(cols)


def _text(values: pd.Series) -> pd.Series:
    """A column as a categorical of stripped text, missing values kept missing (the
    categories are converted, not the rows: fast for millions of rows)."""
    cat = values.astype("category")
    # object categories: turning codes into values is then a numpy take (the vectorised
    # core reads some columns as arrays), not a conversion of Arrow strings
    stripped = [str(v).strip() for v in cat.cat.categories]
    names = pd.Index(np.array(stripped, dtype=object), dtype=object)
    if names.duplicated().any():  # " a" and "a": one category
        uniques, inverse = np.unique(np.asarray(names, dtype=object), return_inverse=True)
        codes = cat.cat.codes.to_numpy()
        new = np.where(codes >= 0, inverse[np.maximum(codes, 0)], -1)
        return pd.Series(pd.Categorical.from_codes(new, categories=uniques))
    return cat.cat.rename_categories(names).reset_index(drop=True)


def series_codes(prep: pd.DataFrame) -> np.ndarray:
    """An integer per plant and series (meter, else carrier) of a prepared partition."""
    plant = prep["plant_id"].cat.codes.to_numpy(np.int64)
    series = prep["series"].cat.codes.to_numpy(np.int64)
    return plant * (int(series.max(initial=0)) + 1) + series


def copies_of(code: np.ndarray, slot: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per row: how many rows share its series code and slot, and whether it repeats an
    earlier one (one stable sort, no hashing of text)."""
    order = np.lexsort((slot, code))
    c, s = code[order], slot[order]
    start = np.r_[True, (c[1:] != c[:-1]) | (s[1:] != s[:-1])]
    run = np.cumsum(start) - 1
    sizes = np.bincount(run)
    copies = np.empty(len(code), dtype=np.int64)
    copies[order] = sizes[run]
    repeat = np.empty(len(code), dtype=bool)
    repeat[order] = ~start
    return copies, repeat


def _fail(message: str, rows: np.ndarray, column: str, number: int | None, ctx: Context) -> None:
    raise InputError(message, field=column, source=where(rows, number, ctx.source))


def _local_times(
    part: pd.DataFrame, plant: np.ndarray, ctx: Context, number: int | None
) -> pd.Series:
    """Each reading's wall-clock time in its plant's time zone (naive = already local)."""
    raw = part["timestamp"]
    if not pd.api.types.is_datetime64_any_dtype(raw):
        text = raw.astype(str).str.strip()
        utc = bool(text.str.contains(r"(?:Z|[+-]\d\d:?\d\d)$", regex=True).any())
        parsed = pd.to_datetime(text, format="ISO8601", errors="coerce", utc=utc)
        bad = (parsed.isna() | raw.isna()).to_numpy()
        if bad.any():
            _fail(
                "not a timestamp (ISO 8601, e.g. 2024-03-01T08:00)",
                np.flatnonzero(bad),
                "timestamp",
                number,
                ctx,
            )
        raw = parsed
    elif raw.isna().any():
        _fail(
            "timestamp is missing", np.flatnonzero(raw.isna().to_numpy()), "timestamp", number, ctx
        )
    if raw.dt.tz is None:
        return raw.astype("datetime64[ns]").reset_index(drop=True)
    zones = ctx.plants["timezone"].to_numpy()[plant]
    local = np.empty(len(raw), dtype="datetime64[ns]")
    for zone in pd.unique(zones):
        sel = zones == zone
        local[sel] = (
            raw[sel].dt.tz_convert(zone).dt.tz_localize(None).astype("datetime64[ns]").to_numpy()
        )
    return pd.Series(local)


def _periods(
    part: pd.DataFrame, ctx: Context, number: int | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Year, quarter code, month code and slot (first month's ordinal) of each ``period``."""
    codes, uniques = pd.factorize(part["period"].astype(str).str.strip())
    if (part["period"].isna().to_numpy()).any():
        _fail(
            "period is missing",
            np.flatnonzero(part["period"].isna().to_numpy()),
            "period",
            number,
            ctx,
        )
    finest = {"year": 12, "quarter": 3, "month": 1}
    need = min((finest[k] for k in ctx.by if k in finest), default=12)
    start = np.zeros(len(uniques), dtype=np.int64)
    for i, text in enumerate(uniques):
        try:
            p = pd.Period(text)
        except (ValueError, TypeError):
            _fail(
                f"not a period: {text!r} (e.g. 2024, 2024Q1, 2024-03)",
                np.flatnonzero(codes == i),
                "period",
                number,
                ctx,
            )
        first, last = p.start_time, p.end_time
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        if months > need or (first.month - 1) % need + months > need:
            _fail(
                f"period {text!r} is longer than the grouping by {'/'.join(ctx.by)} allows",
                np.flatnonzero(codes == i),
                "period",
                number,
                ctx,
            )
        start[i] = first.year * 12 + first.month - 1
    slot = start[codes]
    year = slot // 12
    month = slot % 12 + 1
    return year, year * 10 + (month - 1) // 3 + 1, year * 100 + month, slot


def prepare(part: pd.DataFrame, ctx: Context, partition_info: Any = None) -> pd.DataFrame:
    """One partition of records, checked, with its plant, local time keys and series.

    Parameters
    ----------
    part : pandas.DataFrame
        Records (one partition).
    ctx : Context
        The plant registry, grouping and rules.
    partition_info : dict, optional
        Dask's partition number (for messages).

    Returns
    -------
    pandas.DataFrame
        As :func:`prepared_meta`: the records with ``region``, ``sector``, ``year``,
        ``quarter`` (``20251``), ``month`` (``202501``), ``series`` (the meter, else the
        carrier), ``slot`` (local time [ns] or first month's ordinal) and ``copies`` (the
        readings with the same plant, series and time).
    """
    number = partition_info.get("number") if isinstance(partition_info, dict) else None
    meta = prepared_meta(ctx)
    if len(part) == 0:
        return meta
    part = part.reset_index(drop=True)
    for c in ("plant_id", "carrier", "unit"):
        blank = part[c].isna().to_numpy()
        if blank.any():
            _fail(f"{c} is missing", np.flatnonzero(blank), c, number, ctx)
    amount = pd.to_numeric(part["amount"], errors="coerce").to_numpy(dtype=float)
    bad = ~np.isfinite(amount) | (amount < 0)
    if bad.any():
        _fail(
            "amount is missing, not a number, infinite or negative",
            np.flatnonzero(bad),
            "amount",
            number,
            ctx,
        )
    ids = _text(part["plant_id"])
    lookup = pd.Index(ctx.plants["plant_id"]).get_indexer(ids.cat.categories)
    plant = lookup[ids.cat.codes.to_numpy()]
    if (plant < 0).any():
        rows = np.flatnonzero(plant < 0)
        _fail(
            f"plant_id {ids.iloc[rows[0]]!r} is not in the plant registry",
            rows,
            "plant_id",
            number,
            ctx,
        )
    out = pd.DataFrame({"plant_id": ids, "carrier": _text(part["carrier"])})
    out["amount"] = amount
    out["unit"] = _text(part["unit"])
    for c in ctx.optional:
        out[c] = _text(part[c])
    for c in ("region", "sector"):
        codes, names = pd.factorize(ctx.plants[c])
        objects = pd.Index(np.array(list(names), dtype=object), dtype=object)
        out[c] = pd.Categorical.from_codes(codes[plant], categories=objects)
    if "meter" in out.columns and out["meter"].notna().any():
        meter = out["meter"].astype(object)
        out["series"] = meter.where(meter.notna(), out["carrier"].astype(object)).astype("category")
    else:
        out["series"] = out["carrier"]
    if ctx.time_column == "timestamp":
        local = _local_times(part, plant, ctx, number)
        year = local.dt.year.to_numpy(np.int64)
        month = local.dt.month.to_numpy(np.int64)
        out["year"] = year
        out["quarter"] = year * 10 + (month - 1) // 3 + 1
        out["month"] = year * 100 + month
        out["slot"] = local.to_numpy().view(np.int64)
    else:
        out["year"], out["quarter"], out["month"], out["slot"] = _periods(part, ctx, number)
    copies, repeat = copies_of(series_codes(out), out["slot"].to_numpy(np.int64))
    out["copies"] = copies
    if (copies > 1).any():
        rows = np.flatnonzero(copies > 1)
        if ctx.duplicates == "raise":
            r = out.iloc[rows[0]]
            _fail(
                f"{int(repeat.sum())} duplicate readings (a repeat of the same "
                f"plant_id, meter or carrier, and time; first: {r['plant_id']}, "
                f"{r['series']}); pass "
                "duplicates='keep' or 'drop' to go on, they are reported either way",
                rows,
                ctx.time_column,
                number,
                ctx,
            )
        if ctx.duplicates == "drop":
            out = out.loc[~repeat].reset_index(drop=True)
    return out


def text_keys(frame: pd.DataFrame) -> pd.DataFrame:
    """A small frame with its categorical columns as plain text (for the reductions)."""
    out = frame.copy()
    text = pd.Series(["x"]).astype(str).dtype
    for c in out.columns:
        if isinstance(out[c].dtype, pd.CategoricalDtype):
            out[c] = out[c].astype(text)
    return out
