"""Portfolio accounting: many plants, readings at any grain, on pandas or on Dask.

Records are a long table, one row per reading, invoice or month: ``plant_id``,
``timestamp`` (or ``period``), ``carrier``, ``amount``, ``unit`` and optionally ``meter``,
``use``, ``product``, ``supply`` and ``direction``. A plant registry gives each plant's
``region``, ``sector`` and optionally ``timezone`` (default ``Asia/Shanghai``) and
``products``. :func:`inventory` and :func:`energy` return one row per group of ``by``
(``plant_id``, ``sector``, ``region``, ``year``, ``quarter``, ``month``).

Rules (see the how-to, *Portfolios on pandas or Dask*):

- **Time zone.** Timestamps with a zone (``2024-12-31T20:00Z``) are converted to the
  plant's zone before they are put into a month, quarter and year; timestamps without a
  zone are read as the plant's local time. The year is also the grid-factor year.
- **Duplicates.** Two readings of the same plant and meter (the carrier where no meter
  is given) at the same time are duplicates: by default an :class:`InputError`;
  ``duplicates="keep"`` counts every copy, ``"drop"`` keeps the first. Either way they
  are listed in ``result.checks.duplicates`` with a caveat.
- **Gaps.** Each series' interval is its shortest step between readings; readings
  missing between its first and last are counted in ``result.checks.gaps``
  (and ``.coverage``) with a caveat, never filled.

The work of each partition is the vectorised core
(:func:`~greenchain.accounting.inventory.from_records`,
:func:`~greenchain.accounting.energy.from_records`); partitions are combined by a
groupby-sum, in pandas or in Dask (``pip install 'greenchain[dask]'``).

Examples
--------
>>> import pandas as pd
>>> plants = pd.DataFrame({"plant_id": ["A"], "region": ["Fujian"], "sector": ["ceramics"]})
>>> records = pd.DataFrame({"plant_id": "A", "carrier": "electricity", "unit": "kWh",
...     "timestamp": ["2023-12-31T15:00Z", "2023-12-31T16:00Z"], "amount": [1000.0, 1000.0]})
>>> table = inventory(records, plants=plants, by=("plant_id", "month"))
>>> table[["month", "co2e_t"]].round(4)
     month  co2e_t
0  2023-12  0.4211
1  2024-01  0.4211
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from greenchain.accounting.portfolio._engine import (
    ENERGY_COLUMNS,
    INVENTORY_COLUMNS,
    Checks,
    PortfolioTable,
    run,
)
from greenchain.accounting.portfolio._frames import (
    BY_KEYS,
    DEFAULT_TIMEZONE,
    DUPLICATE_RULES,
    Context,
    MissingExtra,
    check_columns,
    check_plants,
    is_dask,
    read_table,
    require_dask,
)
from greenchain.errors import InputError, collect_caveats, emit_caveats

__all__ = [
    "inventory",
    "energy",
    "read_records",
    "read_plants",
    "BY_KEYS",
    "DEFAULT_TIMEZONE",
    "DUPLICATE_RULES",
    "INVENTORY_COLUMNS",
    "ENERGY_COLUMNS",
    "MissingExtra",
    "Checks",
    "PortfolioTable",
]

_INVENTORY_OPTIONS = ("gwp", "fuel_dataset", "grid_basis", "grid_year", "non_co2")
_ENERGY_OPTIONS = (
    "generation_coal_rate",
    "fuel_dataset",
    "heat_supply_rate",
    "ncv_basis",
    "natural_gas_row",
)


def read_records(path: str | Path, *, engine: str = "pandas") -> Any:
    """Read portfolio records from Parquet (pyarrow) or CSV.

    Parameters
    ----------
    path : str or Path
        A ``.parquet`` file, a directory (or glob) of Parquet files, or a ``.csv`` file.
    engine : {"pandas", "dask"}, default "pandas"
        ``dask`` reads lazily, partition by partition (out of core).

    Returns
    -------
    pandas.DataFrame or dask.dataframe.DataFrame
        The records, their columns checked.

    Raises
    ------
    InputError
        Not a Parquet or CSV file, or a required column missing (named).
    MissingExtra
        ``engine="dask"`` without the ``dask`` extra.
    """
    if engine not in ("pandas", "dask"):
        raise InputError("engine must be 'pandas' or 'dask'", field="engine")
    frame = read_table(path, engine=engine)
    check_columns(frame.columns, str(path))
    return frame


def read_plants(path: str | Path) -> pd.DataFrame:
    """Read and check a plant registry (Parquet or CSV).

    Parameters
    ----------
    path : str or Path
        The registry file: ``plant_id``, ``region``, ``sector`` and optionally
        ``timezone`` and ``products``.

    Returns
    -------
    pandas.DataFrame
        ``plant_id``, ``region``, ``sector``, ``timezone`` (``Asia/Shanghai`` where blank).
    """
    return check_plants(path, str(path))


def _by(by: str | Sequence[str]) -> tuple[str, ...]:
    keys = tuple(k.strip() for k in (by.split(",") if isinstance(by, str) else by))
    bad = [k for k in keys if k not in BY_KEYS]
    if not keys or bad or len(set(keys)) != len(keys):
        raise InputError(
            f"by must be distinct keys among {', '.join(BY_KEYS)}; got {', '.join(keys)}",
            field="by",
        )
    return keys


def _setup(
    records: Any,
    plants: Any,
    by: str | Sequence[str],
    duplicates: str,
    scheduler: Any,
    options: dict[str, Any],
) -> tuple[Any, Context]:
    source = None
    if isinstance(records, str | Path):
        source = str(records)
        records = read_table(records)
    if not (isinstance(records, pd.DataFrame) or is_dask(records)):
        raise InputError("records must be a pandas or Dask DataFrame, or a file", field="records")
    if duplicates not in DUPLICATE_RULES:
        raise InputError(
            f"duplicates must be one of {', '.join(DUPLICATE_RULES)}", field="duplicates"
        )
    keys = _by(by)
    time_column, optional = check_columns(records.columns, source)
    table = check_plants(plants)
    if scheduler is not None and isinstance(records, pd.DataFrame):
        dd = require_dask()
        records = dd.from_pandas(records, npartitions=max(1, len(records) // 1_000_000))
    elif is_dask(records):
        require_dask()
    ctx = Context(table, keys, duplicates, source, time_column, optional, options)
    return records, ctx


def _finish(table: PortfolioTable, caught: list[Any]) -> PortfolioTable:
    table.caveats = list(caught)
    table.warnings = [c.message for c in caught]
    emit_caveats(caught)
    return table


def _options(given: dict[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    bad = [k for k in given if k not in allowed]
    if bad:
        raise InputError(f"unknown option {bad[0]!r}; allowed: {', '.join(allowed)}", field=bad[0])
    return dict(given)


def inventory(
    records: Any,
    *,
    plants: Any,
    by: str | Sequence[str] = ("plant_id", "year"),
    regime: str | Path | None = None,
    duplicates: str = "raise",
    scheduler: Any = None,
    progress: bool = False,
    **options: Any,
) -> PortfolioTable:
    """GHG inventory of a portfolio: one row per group of ``by``.

    Parameters
    ----------
    records : pandas.DataFrame, dask.dataframe.DataFrame, str or Path
        The readings (see the module docstring); a file is read with pandas (use
        :func:`read_records` with ``engine="dask"`` to run out of core).
    plants : pandas.DataFrame, str or Path
        The plant registry: ``plant_id``, ``region``, ``sector``, optional ``timezone``.
    by : str or sequence of str, default ("plant_id", "year")
        Grouping keys among ``plant_id``, ``sector``, ``region``, ``year``, ``quarter``,
        ``month`` (``"plant_id,month"`` also works).
    regime : str or Path, optional
        Reporting regime, as :func:`greenchain.accounting.inventory.from_records`.
    duplicates : {"raise", "keep", "drop"}, default "raise"
        What to do with two readings of the same plant, meter (or carrier) and time.
    scheduler : str or distributed.Client, optional
        A Dask scheduler name, a ``dask.distributed`` scheduler address
        (``tcp://host:8786``) or client. With pandas records it turns them into a Dask
        frame (needs the ``dask`` extra).
    progress : bool, default False
        A progress bar on standard error (Dask only).
    **options
        ``gwp``, ``fuel_dataset``, ``grid_basis``, ``grid_year``, ``non_co2`` as
        :func:`~greenchain.accounting.inventory.from_records`.

    Returns
    -------
    pandas.DataFrame
        The ``by`` keys (``quarter`` as ``2025Q1``, ``month`` as ``2025-01``) and
        ``co2e_t``, ``co2_t``, ``ch4_t``, ``n2o_t``, ``co2e_market_t``,
        ``scope_1_tco2e``, ``scope_2_location_tco2e``, ``scope_2_market_tco2e``,
        ``exported_tco2e`` [t]: a :class:`PortfolioTable`, whose ``checks`` holds the
        ``coverage`` and ``gaps`` per plant and series, the ``duplicates`` and the
        ``factors`` used, and ``caveats`` and ``warnings`` the caveats.

    Raises
    ------
    InputError
        A missing column, a bad value (naming the column, row and partition), an
        unknown plant, or duplicate readings under ``duplicates="raise"``.
    MissingExtra
        A Dask frame or a scheduler without the ``dask`` extra.

    Examples
    --------
    >>> import pandas as pd
    >>> plants = pd.DataFrame({"plant_id": ["A", "B"], "region": "Fujian",
    ...                        "sector": ["ceramics", "textiles"]})
    >>> records = pd.DataFrame({"plant_id": ["A", "B"], "period": "2023-05",
    ...     "carrier": "natural_gas", "amount": 1e4, "unit": "m^3"})
    >>> inventory(records, plants=plants, by="sector")["co2e_t"].round(2).tolist()
    [21.64, 21.64]
    """
    opts = {"regime": regime, **_options(options, _INVENTORY_OPTIONS)}
    records, ctx = _setup(records, plants, by, duplicates, scheduler, opts)
    with collect_caveats() as caught:
        table = run(records, ctx, "inventory", scheduler=scheduler, progress=progress)
    return _finish(table, caught)


def energy(
    records: Any,
    *,
    plants: Any,
    by: str | Sequence[str] = ("plant_id", "year"),
    basis: str = "equal_value",
    duplicates: str = "raise",
    scheduler: Any = None,
    progress: bool = False,
    **options: Any,
) -> PortfolioTable:
    """Comprehensive energy consumption of a portfolio [tce]: one row per group of ``by``.

    Parameters
    ----------
    records : pandas.DataFrame, dask.dataframe.DataFrame, str or Path
        The readings, as :func:`inventory`.
    plants : pandas.DataFrame, str or Path
        The plant registry.
    by : str or sequence of str, default ("plant_id", "year")
        Grouping keys, as :func:`inventory`.
    basis : {"equal_value", "equivalent_value"}, default "equal_value"
        Electricity at equal value (当量值) or equivalent value (等价值, needs
        ``generation_coal_rate``).
    duplicates : {"raise", "keep", "drop"}, default "raise"
        As :func:`inventory`.
    scheduler : str or distributed.Client, optional
        As :func:`inventory`.
    progress : bool, default False
        As :func:`inventory`.
    **options
        ``generation_coal_rate``, ``fuel_dataset``, ``heat_supply_rate``, ``ncv_basis``,
        ``natural_gas_row`` as :func:`greenchain.accounting.energy.from_records`.

    Returns
    -------
    pandas.DataFrame
        The ``by`` keys and ``tce`` [tce], a :class:`PortfolioTable` as :func:`inventory`.

    Examples
    --------
    >>> import pandas as pd
    >>> plants = pd.DataFrame({"plant_id": ["A"], "region": "Fujian", "sector": "food"})
    >>> records = pd.DataFrame({"plant_id": "A", "period": ["2023-01", "2023-02"],
    ...     "carrier": "electricity", "amount": 1e6, "unit": "kWh"})
    >>> energy(records, plants=plants)[["year", "tce"]].round(1)
       year    tce
    0  2023  245.8
    """
    opts = {"basis": basis, **_options(options, _ENERGY_OPTIONS)}
    records, ctx = _setup(records, plants, by, duplicates, scheduler, opts)
    with collect_caveats() as caught:
        table = run(records, ctx, "energy", scheduler=scheduler, progress=progress)
    return _finish(table, caught)
