"""``greenchain portfolio RECORDS --plants PLANTS``: many plants, on pandas or Dask.

::

    greenchain portfolio RECORDS --plants PLANTS [--by plant_id,year]
                         [--what inventory|energy|both] [--regime NAME|FILE]
                         [--basis equal_value|equivalent_value] [--coal-rate G]
                         [--duplicates raise|keep|drop] [--engine auto|pandas|dask]
                         [--scheduler ADDRESS] [--quiet] -o OUT.parquet|csv|xlsx

``RECORDS`` is a Parquet file or directory, or a CSV file, of readings (``plant_id``,
``timestamp`` or ``period``, ``carrier``, ``amount``, ``unit``); ``PLANTS`` the plant
registry (``plant_id``, ``region``, ``sector``, optional ``timezone``). With the
``dask`` extra installed the records are read partition by partition (out of core) and
a progress bar is shown on standard error; ``--scheduler tcp://host:8786`` runs on a
``dask.distributed`` cluster. The output has one row per group; a workbook adds the
coverage of each series, the duplicates and the factors used.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from typing import Any

from greenchain.data.vocabulary import ENERGY_BASES, REGIMES
from greenchain.errors import InputError
from greenchain.interface.cli._output import Parents

__all__ = ["add_parser", "run"]

_SUFFIXES = (".parquet", ".csv", ".xlsx")


def add_parser(subparsers: Any, parents: Parents) -> None:
    """Add the ``portfolio`` subcommand.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        The main parser's subparsers.
    parents : Parents
        The shared parent parsers.

    Returns
    -------
    None
    """
    p = subparsers.add_parser(
        "portfolio", help="inventory or energy of many plants from meter readings (Dask-ready)"
    )
    p.add_argument("records", help="Parquet file or directory, or CSV file, of readings")
    p.add_argument("--plants", required=True, help="plant registry (Parquet or CSV)")
    p.add_argument(
        "--by", default="plant_id,year", help="plant_id, sector, region, year, quarter, month"
    )
    p.add_argument("--what", default="inventory", choices=("inventory", "energy", "both"))
    p.add_argument(
        "--regime",
        default=None,
        metavar="NAME|FILE",
        help="reporting regime: " + ", ".join(REGIMES) + ", or a regime YAML file",
    )
    p.add_argument("--basis", default="equal_value", choices=ENERGY_BASES)
    p.add_argument(
        "--coal-rate",
        type=float,
        default=None,
        help="generation coal rate for --basis equivalent_value [gce/kWh]",
    )
    p.add_argument("--duplicates", default="raise", choices=("raise", "keep", "drop"))
    p.add_argument("--engine", default="auto", choices=("auto", "pandas", "dask"))
    p.add_argument("--scheduler", default=None, metavar="ADDRESS", help="dask.distributed address")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("-o", "--output", required=True, help="OUT.parquet, OUT.csv or OUT.xlsx")
    p.set_defaults(run=run)


def _engine(args: argparse.Namespace) -> str:
    if args.engine != "auto":
        return str(args.engine)
    if args.scheduler or importlib.util.find_spec("dask") is not None:
        return "dask"
    return "pandas"


def _write(table: Any, path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        table.to_parquet(path, index=False)
    elif suffix == ".csv":
        from greenchain.interface.io.excel.export import inert

        # a CSV is opened in a spreadsheet: text such as "=HYPERLINK(...)" stays text
        safe = table.copy()
        for column in safe.select_dtypes(include=["object", "string"]).columns:
            safe[column] = safe[column].map(inert)
        safe.to_csv(path, index=False)
    else:
        from greenchain.interface.io.excel.export import export_tables

        checks = table.checks
        export_tables(
            path,
            portfolio=table,
            coverage=checks.coverage.assign(interval=checks.coverage["interval"].astype(str)),
            duplicates=checks.duplicates,
            factors=checks.factors,
            warnings={"warning": list(table.warnings)},
        )


def run(args: argparse.Namespace) -> int:
    """Compute the portfolio of ``args.records`` and write ``args.output``.

    Parameters
    ----------
    args : argparse.Namespace
        Parsed arguments of the ``portfolio`` subcommand.

    Returns
    -------
    int
        The exit status (0).
    """
    out = Path(args.output)
    if out.suffix.lower() not in _SUFFIXES:
        raise InputError(
            f"the output must end in {', '.join(_SUFFIXES)}, got {out.name!r}", field="--output"
        )
    if args.basis == "equivalent_value" and args.coal_rate is None:
        raise InputError(
            "--basis equivalent_value needs the generation coal rate, e.g. --coal-rate 300.7",
            field="--coal-rate",
        )
    from greenchain.accounting import portfolio
    from greenchain.units import Q_

    engine = _engine(args)
    records = portfolio.read_records(args.records, engine=engine)
    plants = portfolio.read_plants(args.plants)
    common: dict[str, Any] = {
        "plants": plants,
        "by": args.by,
        "duplicates": args.duplicates,
        "scheduler": args.scheduler,
        "progress": engine == "dask" and not args.quiet,
    }
    tables = []
    if args.what in ("inventory", "both"):
        tables.append(portfolio.inventory(records, regime=args.regime, **common))
    if args.what in ("energy", "both"):
        if args.coal_rate is not None:
            common["generation_coal_rate"] = Q_(args.coal_rate, "g/kWh")
        tables.append(portfolio.energy(records, basis=args.basis, **common))
    table = tables[0]
    if len(tables) == 2:
        keys = [c for c in tables[1].columns if c != "tce"]
        merged = type(table)(table.merge(tables[1], on=keys, how="outer"))
        merged.checks = table.checks
        merged.warnings = list(dict.fromkeys([*table.warnings, *tables[1].warnings]))
        table = merged
    _write(table, out)
    gaps, dups = table.checks.gaps, table.checks.duplicates
    print(
        f"wrote {out} ({len(table):,} rows by {args.by}; {len(gaps):,} series with gaps or "
        f"overlaps; {len(dups):,} duplicated readings)"
    )
    for text in table.warnings:
        print(f"warning: {text}", file=sys.stderr)
    return 0
