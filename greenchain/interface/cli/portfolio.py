"""``greenchain portfolio RECORDS --plants PLANTS``: many plants, on pandas or Dask.

::

    greenchain portfolio RECORDS --plants PLANTS [--by plant_id,year]
                         [--what inventory|energy|both] [--regime NAME|FILE]
                         [--basis equal_value|equivalent_value] [--coal-rate G]
                         [--duplicates raise|keep|drop] [--engine auto|pandas|dask]
                         [--scheduler ADDRESS] [--quiet] -o OUT.parquet|csv|xlsx
                         [--report OUT.html|md|docx|pdf [--production FILE]
                          [--budgets FILE --as-of YYYY-MM] [--bottom-share 0.1]
                          [--lang en|zh]]

``RECORDS`` is a Parquet file or directory, or a CSV file, of readings (``plant_id``,
``timestamp`` or ``period``, ``carrier``, ``amount``, ``unit``); ``PLANTS`` the plant
registry (``plant_id``, ``region``, ``sector``, optional ``timezone``). With the
``dask`` extra installed the records are read partition by partition (out of core) and
a progress bar is shown on standard error; ``--scheduler tcp://host:8786`` runs on a
``dask.distributed`` cluster. The output has one row per group; a workbook adds the
coverage of each series, the duplicates and the factors used.

``--report`` writes the portfolio report (league table, sector distributions, trends,
flagged plants, budgets): plants are ranked on specific energy within sector and
region when ``--production`` gives their output (``plant_id``, ``year`` or ``month``,
``product``, ``amount``, ``unit``), else on energy [tce]; ``--budgets`` (``plant_id``,
``year``, ``tce_budget``, ``co2e_t_budget``) with ``--as-of`` adds the budget status.
At least one of ``-o`` and ``--report`` is needed.
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
    p.add_argument("-o", "--output", default=None, help="OUT.parquet, OUT.csv or OUT.xlsx")
    p.add_argument("--report", default=None, help="portfolio report: OUT.html, .md, .docx or .pdf")
    p.add_argument("--production", default=None, help="output per plant and period (CSV)")
    p.add_argument("--budgets", default=None, help="annual budgets per plant (CSV)")
    p.add_argument("--as-of", default=None, metavar="YYYY-MM", help="month of the budget status")
    p.add_argument("--bottom-share", type=float, default=0.1, help="bottom share flagged")
    p.add_argument("--lang", default="en", choices=("en", "zh"), help="language of the report")
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
    if args.output is None and args.report is None:
        raise InputError("give -o OUT.parquet|csv|xlsx, --report OUT.html, or both", field="-o")
    if args.budgets and not args.as_of:
        raise InputError("--budgets needs --as-of YYYY-MM", field="--as-of")
    out = Path(args.output) if args.output else None
    if out is not None and out.suffix.lower() not in _SUFFIXES:
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
    if args.report:
        _report(args, portfolio, records, common)
        if out is None:
            return 0
    assert out is not None
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


def _csv(path: str, name: str) -> Any:
    import pandas as pd

    try:
        return pd.read_csv(path)
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read {path}: {exc}", field=name) from exc


def _report(args: argparse.Namespace, portfolio: Any, records: Any, common: dict) -> None:
    """Rank the plants (and their budgets) and write the portfolio report."""
    from greenchain.decisions.portfolio import budget_status, rank
    from greenchain.interface.portfolio_report import write_portfolio_report

    monthly = args.budgets is not None or (
        args.production is not None and "month" in _csv(args.production, "--production")
    )
    by = ["plant_id", "sector", "region", "month" if monthly else "year"]
    options = {**common, "by": by}
    energy = portfolio.energy(records, basis=args.basis, **options)
    carbon = portfolio.inventory(records, regime=args.regime, **options)
    keys = [c for c in by if c in energy.columns and c in carbon.columns]
    frame = energy.merge(carbon[[*keys, "co2e_t"]], on=keys)
    yearly = frame
    if monthly:
        yearly = (
            frame.assign(year=frame["month"].astype(str).str[:4].astype(int))
            .groupby(["plant_id", "sector", "region", "year"], as_index=False)[["tce", "co2e_t"]]
            .sum()
        )
    if args.production is not None:
        production = _csv(args.production, "--production")
        if "month" in production.columns:
            production = production.assign(
                year=production["month"].astype(str).str[:4].astype(int)
            ).drop(columns="month")
        league = rank(
            yearly, production=production, metric="kgce_per_unit", bottom_share=args.bottom_share
        )
    else:
        league = rank(yearly, metric="tce", bottom_share=args.bottom_share)
    league.attrs["warnings"] = list(dict.fromkeys([*energy.warnings, *carbon.warnings]))
    budgets = None
    if args.budgets is not None:
        budgets = budget_status(frame, _csv(args.budgets, "--budgets"), as_of=args.as_of)
    path = write_portfolio_report(league, args.report, budgets=budgets, lang=args.lang)
    print(f"report written: {path}")
