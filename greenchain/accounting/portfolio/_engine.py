"""The portfolio engine: each partition is valued by the vectorised core
(:func:`greenchain.accounting.inventory.from_records`,
:func:`greenchain.accounting.energy.from_records`) and summed by group; the partial sums
are combined by a groupby-sum, in pandas or in Dask (one code path, two engines)."""

from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from greenchain.accounting import energy as energy_module
from greenchain.accounting import inventory as inventory_module
from greenchain.accounting.portfolio._frames import (
    Context,
    prepare,
    prepared_meta,
    require_dask,
    series_codes,
    text_keys,
)
from greenchain.errors import GreenchainError, caveat, collect_caveats

__all__ = [
    "Checks",
    "PortfolioTable",
    "INVENTORY_COLUMNS",
    "ENERGY_COLUMNS",
    "value_sums",
    "coverage_partial",
    "duplicate_rows",
    "kinds_partial",
    "run",
]

#: The summed columns of a portfolio inventory [t] or [tCO2e].
INVENTORY_COLUMNS = (
    "co2e_t",
    "co2_t",
    "ch4_t",
    "n2o_t",
    "co2e_market_t",
    "scope_1_tco2e",
    "scope_2_location_tco2e",
    "scope_2_market_tco2e",
    "exported_tco2e",
)
#: The summed column of a portfolio energy balance [tce].
ENERGY_COLUMNS = ("tce",)
_SERIES = ["plant_id", "series"]
_COVERAGE_AGG = {"readings": "sum", "distinct": "sum", "first": "min", "last": "max", "step": "min"}
_VALUATION = ("use", "supply", "direction")


@dataclass(frozen=True, eq=False)
class Checks:
    """What a portfolio run found in its records, kept in ``result.checks``.

    Compared by identity, so that results holding it can still be concatenated and merged.

    Attributes
    ----------
    coverage : pandas.DataFrame
        One row per plant and series (meter, else carrier): ``first`` and ``last`` reading
        (local time), ``interval`` (the shortest step), ``readings``, ``distinct`` times,
        ``expected`` readings from first to last, ``missing`` and ``status``
        (``complete``, ``gaps``, or ``overlap``: more distinct times than the interval
        allows, i.e. irregular readings or one time in two partitions).
    gaps : pandas.DataFrame
        The rows of ``coverage`` that are not complete (never filled).
    duplicates : pandas.DataFrame
        Each plant, series and local time read more than once, with its ``copies``.
    factors : pandas.DataFrame
        The factors used (key, value, unit, dataset, region, year, status, source).
    """

    coverage: pd.DataFrame
    gaps: pd.DataFrame
    duplicates: pd.DataFrame
    factors: pd.DataFrame


class PortfolioTable(pd.DataFrame):
    """A portfolio result: a DataFrame, one row per group, that also carries
    :attr:`checks` (coverage, gaps, duplicates, factors), :attr:`caveats` and
    :attr:`warnings` (kept out of ``attrs``, so ``to_parquet`` and ``concat`` work)."""

    _metadata = ["checks", "caveats", "warnings"]

    @property
    def _constructor(self) -> type[PortfolioTable]:
        return PortfolioTable


def _columns(kind: str) -> tuple[str, ...]:
    return INVENTORY_COLUMNS if kind == "inventory" else ENERGY_COLUMNS


def _sums_meta(ctx: Context, kind: str) -> pd.DataFrame:
    base = text_keys(prepared_meta(ctx))
    cols = {k: base[k] for k in ctx.by}
    cols.update({c: pd.Series([], dtype=float) for c in _columns(kind)})
    return pd.DataFrame(cols)


def _valuation_records(prep: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    cols = ["carrier", "amount", "unit", "region", "year"]
    cols += [c for c in _VALUATION if c in prep.columns]
    return prep[cols]


def _is(column: pd.Series, value: str) -> np.ndarray:
    """``column == value`` for a categorical column, on its codes (no text per row)."""
    if not isinstance(column.dtype, pd.CategoricalDtype):
        return (column.astype(object) == value).to_numpy(dtype=bool)
    categories = list(column.cat.categories)
    if value not in categories:
        return np.zeros(len(column), dtype=bool)
    return column.cat.codes.to_numpy() == categories.index(value)


def _value(records: pd.DataFrame, kind: str, options: dict[str, Any]) -> Any:
    if kind == "inventory":
        return inventory_module.from_records(records, **options)
    return energy_module.from_records(records, **options)


def value_sums(
    prep: pd.DataFrame, ctx: Context, kind: str, partition_info: Any = None
) -> pd.DataFrame:
    """Value one prepared partition and sum it by ``ctx.by``.

    Parameters
    ----------
    prep : pandas.DataFrame
        A partition as returned by :func:`~greenchain.accounting.portfolio._frames.prepare`.
    ctx : Context
        Grouping and valuation options.
    kind : {"inventory", "energy"}
        Which vectorised core values the rows.
    partition_info : dict, optional
        Dask's partition number (for messages).

    Returns
    -------
    pandas.DataFrame
        One row per group of the partition: the ``by`` keys and the summed columns.
    """
    meta = _sums_meta(ctx, kind)
    if len(prep) == 0:
        return meta
    keys = prep[list(ctx.by)]
    group = keys.groupby(list(ctx.by), sort=False, observed=True).ngroup().to_numpy()
    first = np.unique(group, return_index=True)[1]
    records = _valuation_records(prep, ctx).assign(_group=group)
    # the caveats are gathered once, on the client, from the distinct kinds of activity
    with collect_caveats():
        try:
            result = _value(records, kind, ctx.options)
        except GreenchainError as exc:
            number = partition_info.get("number") if isinstance(partition_info, dict) else None
            where = " ".join(
                t
                for t in (
                    exc.source,
                    f"of partition {number}" if number is not None else "",
                    f"in {ctx.source}" if ctx.source else "",
                )
                if t
            )
            try:
                new = type(exc)(getattr(exc, "message", str(exc)), field=exc.field, source=where)
            except TypeError:
                raise exc from None
            raise new from None
    a = result.activities
    g = a["_group"].to_numpy(np.int64)
    n = len(first)
    table = text_keys(keys.iloc[first].reset_index(drop=True))

    def add(name: str, values: np.ndarray) -> None:
        table[name] = np.bincount(g, weights=values, minlength=n)

    if kind == "inventory":
        scope = _is(a["scope"], "scope_1"), _is(a["scope"], "scope_2")
        co2e = a["co2e_t"].to_numpy(dtype=float)
        market = a["co2e_market_t"].to_numpy(dtype=float)
        for c in ("co2e_t", "co2_t", "ch4_t", "n2o_t", "co2e_market_t"):
            add(c, a[c].to_numpy(dtype=float))
        add("scope_1_tco2e", np.where(scope[0], co2e, 0.0))
        add("scope_2_location_tco2e", np.where(scope[1], co2e, 0.0))
        add("scope_2_market_tco2e", np.where(scope[1], market, 0.0))
        add("exported_tco2e", np.where(_is(a["category"], "exported_energy"), co2e, 0.0))
    else:
        add("tce", a["tce"].to_numpy(dtype=float))
    return table.astype(meta.dtypes.to_dict())[list(meta.columns)]


def _coverage_meta() -> pd.DataFrame:
    text = pd.Series(["x"]).astype(str).dtype
    return pd.DataFrame(
        {
            "plant_id": pd.Series([], dtype=text),
            "series": pd.Series([], dtype=text),
            "readings": pd.Series([], dtype=np.int64),
            "distinct": pd.Series([], dtype=np.int64),
            "first": pd.Series([], dtype=np.int64),
            "last": pd.Series([], dtype=np.int64),
            "step": pd.Series([], dtype=float),
        }
    )


def coverage_partial(prep: pd.DataFrame) -> pd.DataFrame:
    """Per plant and series of one partition: readings, distinct times, first, last and
    the shortest step between readings (in slot units).

    Parameters
    ----------
    prep : pandas.DataFrame
        A prepared partition.

    Returns
    -------
    pandas.DataFrame
        One row per ``(plant_id, series)``.
    """
    meta = _coverage_meta()
    if len(prep) == 0:
        return meta
    code = series_codes(prep)
    slot = prep["slot"].to_numpy(np.int64)
    order = np.lexsort((slot, code))
    c, s = code[order], slot[order]
    new = np.r_[True, (c[1:] != c[:-1]) | (s[1:] != s[:-1])]
    c, s = c[new], s[new]
    starts = np.flatnonzero(np.r_[True, c[1:] != c[:-1]])
    ends = np.r_[starts[1:] - 1, len(s) - 1]
    step = np.where(np.r_[False, c[1:] == c[:-1]], np.diff(s, prepend=s[0]), np.nan)
    groups = c[starts]
    first_row = np.full(int(code.max()) + 1, -1, dtype=np.int64)
    first_row[code[::-1]] = np.arange(len(code))[::-1]  # first row of each code
    rows = first_row[groups]
    out = pd.DataFrame(
        {
            "plant_id": np.asarray(prep["plant_id"].iloc[rows], dtype=object),
            "series": np.asarray(prep["series"].iloc[rows], dtype=object),
            "readings": np.bincount(code)[groups],
            "distinct": np.diff(np.r_[starts, len(s)]),
            "first": s[starts],
            "last": s[ends],
            "step": np.fmin.reduceat(step.astype(float), starts),
        }
    )
    return out.astype(meta.dtypes.to_dict())


def duplicate_rows(prep: pd.DataFrame) -> pd.DataFrame:
    """The duplicated readings of one partition: plant, series, time and copies.

    Parameters
    ----------
    prep : pandas.DataFrame
        A prepared partition.

    Returns
    -------
    pandas.DataFrame
        One row per ``(plant_id, series, slot)`` read more than once.
    """
    cols = ["plant_id", "series", "slot", "copies"]
    dup = text_keys(prep.loc[prep["copies"].to_numpy() > 1, cols])
    return dup.drop_duplicates(["plant_id", "series", "slot"])


def kinds_partial(prep: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The distinct kinds of activity of one partition (carrier, unit, region, year ...).

    Parameters
    ----------
    prep : pandas.DataFrame
        A prepared partition.
    columns : list of str
        The columns that decide how a row is valued.

    Returns
    -------
    pandas.DataFrame
        One row per distinct combination, as text.
    """
    return text_keys(prep[columns].drop_duplicates().reset_index(drop=True))


def _kinds_columns(ctx: Context) -> list[str]:
    return ["carrier", "unit", "region", "year", *[c for c in _VALUATION if c in ctx.optional]]


def _scheduler(scheduler: Any) -> tuple[Any, bool]:
    """(a distributed client or None, whether we opened it)."""
    if scheduler is None or isinstance(scheduler, str) and "://" not in scheduler:
        return None, False
    try:
        from distributed import Client
    except ImportError:
        require_dask()
        raise
    if isinstance(scheduler, Client):
        return scheduler, False
    return Client(scheduler), True


def _compute(collections: list[Any], scheduler: Any, progress: bool) -> list[Any]:
    """Compute Dask collections together (shared partitions run once)."""
    import dask

    client, opened = _scheduler(scheduler)
    try:
        if client is not None:
            futures = client.compute(collections)
            if progress:
                from distributed import progress as show

                with contextlib.redirect_stdout(sys.stderr):
                    show(futures)
            return list(client.gather(futures))
        bar: Any = contextlib.nullcontext()
        if progress:
            from dask.diagnostics import ProgressBar

            bar = ProgressBar(out=sys.stderr)
        kw = {"scheduler": scheduler} if scheduler else {}
        with bar:
            return list(dask.compute(*collections, **kw))
    finally:
        if opened:
            client.close()


def _partials(
    records: Any, ctx: Context, kind: str, scheduler: Any, progress: bool
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Group sums, coverage, duplicates and distinct kinds, on pandas or on Dask."""
    by, kinds = list(ctx.by), _kinds_columns(ctx)
    if isinstance(records, pd.DataFrame):
        prep = prepare(records, ctx)
        sums = value_sums(prep, ctx, kind).groupby(by).sum()
        cov = coverage_partial(prep).groupby(_SERIES).agg(_COVERAGE_AGG)
        return sums, cov, duplicate_rows(prep), kinds_partial(prep, kinds)
    prep = records.map_partitions(prepare, ctx, meta=prepared_meta(ctx))
    sums = prep.map_partitions(value_sums, ctx, kind, meta=_sums_meta(ctx, kind))
    cov = prep.map_partitions(coverage_partial, meta=_coverage_meta())
    dups = prep.map_partitions(duplicate_rows, meta=duplicate_rows(prepared_meta(ctx)))
    distinct = prep.map_partitions(
        kinds_partial, kinds, meta=kinds_partial(prepared_meta(ctx), kinds)
    )
    out = _compute(
        [
            sums.groupby(by).sum(split_out=1),
            cov.groupby(_SERIES).agg(_COVERAGE_AGG, split_out=1),
            dups,
            distinct.drop_duplicates(split_out=1),
        ],
        scheduler,
        progress,
    )
    return out[0], out[1], out[2], out[3]


def _time_text(frame: pd.DataFrame) -> pd.DataFrame:
    """``quarter`` 20251 -> ``2025Q1`` and ``month`` 202501 -> ``2025-01``."""
    if "quarter" in frame.columns:
        q = frame["quarter"].to_numpy(np.int64)
        frame["quarter"] = [f"{v // 10}Q{v % 10}" for v in q]
    if "month" in frame.columns:
        m = frame["month"].to_numpy(np.int64)
        frame["month"] = [f"{v // 100}-{v % 100:02d}" for v in m]
    return frame


def _coverage(cov: pd.DataFrame, time_column: str) -> pd.DataFrame:
    """Coverage per series with the interval, readings expected and missing."""
    cov = cov.reset_index().sort_values(_SERIES, ignore_index=True)
    step = cov["step"].to_numpy(float)
    span = (cov["last"] - cov["first"]).to_numpy(float)
    expected = np.where(np.isfinite(step) & (step > 0), span / np.where(step > 0, step, 1), 0) + 1
    expected = np.round(expected).astype(np.int64)
    cov["expected"] = expected
    cov["missing"] = expected - cov["distinct"].to_numpy(np.int64)
    cov["status"] = np.where(
        cov["missing"] > 0, "gaps", np.where(cov["missing"] < 0, "overlap", "complete")
    )
    if time_column == "timestamp":
        cov["first"] = pd.to_datetime(cov["first"].to_numpy(np.int64), unit="ns")
        cov["last"] = pd.to_datetime(cov["last"].to_numpy(np.int64), unit="ns")
        cov["interval"] = pd.to_timedelta(np.nan_to_num(step), unit="ns")
    else:
        first, last = cov["first"].to_numpy(np.int64), cov["last"].to_numpy(np.int64)
        cov["first"] = [f"{v // 12}-{v % 12 + 1:02d}" for v in first]
        cov["last"] = [f"{v // 12}-{v % 12 + 1:02d}" for v in last]
        cov["interval"] = [f"{int(v)} months" if v > 0 else "" for v in np.nan_to_num(step)]
    cols = [*_SERIES, "first", "last", "interval", "readings", "distinct", "expected"]
    return cov[[*cols, "missing", "status"]]


def _duplicates(dups: pd.DataFrame, time_column: str) -> pd.DataFrame:
    dups = dups.sort_values(["plant_id", "series", "slot"], ignore_index=True)
    slot = dups["slot"].to_numpy(np.int64)
    if time_column == "timestamp":
        time: Any = pd.to_datetime(slot, unit="ns")
    else:
        time = [f"{v // 12}-{v % 12 + 1:02d}" for v in slot]
    return pd.DataFrame(
        {
            "plant_id": dups["plant_id"].to_numpy(),
            "series": dups["series"].to_numpy(),
            "local_time": time,
            "copies": dups["copies"].to_numpy(np.int64),
        }
    )


def _audit(kinds: pd.DataFrame, kind: str, options: dict[str, Any]) -> pd.DataFrame:
    """Value each distinct kind of activity once (amount 1) for the caveats and factors;
    the caveats go to the enclosing collector."""
    if len(kinds) == 0:
        return pd.DataFrame()
    records = kinds.reset_index(drop=True).assign(amount=1.0)
    result = _value(records, kind, options)
    used = {(f.key, f.dataset, f.region, f.year): f for f in result.factors_used}
    return pd.DataFrame(
        [
            {
                "key": f.key,
                "value": f.value,
                "unit": f.unit,
                "dataset": f.dataset,
                "region": f.region,
                "year": f.year,
                "status": f.status,
                "source_id": f.source_id,
            }
            for f in used.values()
        ]
    )


def run(
    records: Any, ctx: Context, kind: str, *, scheduler: Any = None, progress: bool = False
) -> PortfolioTable:
    """Run a portfolio on pandas or Dask; the caveats go to the enclosing collector.

    Parameters
    ----------
    records : pandas.DataFrame or dask.dataframe.DataFrame
        The records (columns checked by the caller).
    ctx : Context
        Plants, grouping, rules and valuation options.
    kind : {"inventory", "energy"}
        What to compute.
    scheduler : str or distributed.Client, optional
        A Dask scheduler name (``threads``, ``processes``, ``synchronous``), a
        ``dask.distributed`` scheduler address or client; default Dask's.
    progress : bool, default False
        Show a progress bar on standard error (Dask only).

    Returns
    -------
    pandas.DataFrame
        One row per group, with :attr:`PortfolioTable.checks`.
    """
    sums, cov, dups, kinds = _partials(records, ctx, kind, scheduler, progress)
    by = list(ctx.by)
    table = sums.reset_index()
    table = table.sort_values(by, ignore_index=True)[[*by, *_columns(kind)]]
    table = _time_text(table)
    coverage = _coverage(cov, ctx.time_column)
    gaps = coverage[coverage["status"] != "complete"].reset_index(drop=True)
    duplicates = _duplicates(dups, ctx.time_column)
    factors = _audit(kinds, kind, ctx.options)
    if len(gaps):
        missing = int(gaps["missing"].clip(lower=0).sum())
        caveat(
            f"{int((gaps['status'] == 'gaps').sum())} series have gaps ({missing:,} readings "
            f"missing) and {int((gaps['status'] == 'overlap').sum())} overlap or are "
            "irregular; nothing was filled (see .checks.gaps)",
            UserWarning,
            field=ctx.time_column,
        )
    if len(duplicates):
        rule = "counted" if ctx.duplicates == "keep" else "dropped after the first"
        caveat(
            f"{len(duplicates):,} readings were duplicated (same plant, meter or carrier and "
            f"time); the copies were {rule} (see .checks.duplicates)",
            UserWarning,
            field=ctx.time_column,
        )
    out = PortfolioTable(table)
    out.checks = Checks(coverage, gaps, duplicates, factors)
    return out
