"""``greenchain score PLANT [--scheme ...] [--evidence FILE] [--format ...]``.

Scores a plant file against a green-factory scheme (GB/T 36132): the title gives the
points achieved, the points of the assessable indicators and all points (100 for
GB/T 36132-2025), then one line per basic requirement (clause 4.2 a, b, c); the table
lists each indicator's value, lead and base values, points, score and status, and why an
indicator is not assessable; then the largest gaps. ``--benchmarks FILE`` supplies the
industry's lead and base values (a CSV with the columns of
``factors/benchmarks_gbt36132-2025.csv``).
"""

from __future__ import annotations

import argparse
import textwrap
from typing import Any

from greenchain.interface.cli._output import DEFAULT_SCHEME, WIDTH, Parents, emit, render_table

__all__ = ["add_parser", "run"]

#: Columns of the per-indicator table.
COLUMNS = [
    "indicator",
    "area",
    "value",
    "unit",
    "benchmark",
    "leading",
    "points",
    "score",
    "status",
    "reason",
]


def add_parser(subparsers: Any, parents: Parents) -> None:
    """Add the ``score`` subcommand.

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
        "score", parents=[parents.format], help="green-factory score (GB/T 36132)"
    )
    p.add_argument("plant")
    p.add_argument(
        "--scheme",
        default=DEFAULT_SCHEME,
        help="GB/T 36132-2025 (default), GB/T 36132-2018, or a scheme YAML file",
    )
    p.add_argument("--evidence", default=None, help="evidence YAML (checklist answers, gates)")
    p.add_argument(
        "--benchmarks",
        default=None,
        help="CSV of lead/base values (columns of factors/benchmarks_gbt36132-2025.csv)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the green-factory score of ``args.plant``.

    Parameters
    ----------
    args : argparse.Namespace
        Parsed arguments of the ``score`` subcommand.

    Returns
    -------
    int
        The exit status (0).
    """
    from greenchain.interface.io import load_plant

    plant = load_plant(args.plant)
    options = {"benchmarks": args.benchmarks} if getattr(args, "benchmarks", None) else {}
    result = plant.green_factory_score(args.scheme, evidence=args.evidence, **options)
    table = result.by_indicator[COLUMNS]
    table = table[table["status"] != "alternative not used"]
    gates = "passed" if result.gates_passed else "FAILED: " + ", ".join(result.failed_gates)
    title = (
        f"{plant.name}: {result.total:.2f} points achieved of {result.assessable_total:.2f} "
        f"assessable ({result.max_total:.0f} in all, {result.scheme.document}); gates {gates}"
    )
    emit(args, table, result.to_dict(), title)
    if args.format == "table":
        print("\nBasic requirements:")
        for row in result.by_gate.to_dict("records"):
            clause = f"{row['clause']} " if isinstance(row.get("clause"), str) else ""
            missing = f" (missing: {row['missing']})" if isinstance(row.get("missing"), str) else ""
            text = f"  {clause}{row['gate']}: {row['status']}{missing}"
            print(textwrap.fill(text, WIDTH, subsequent_indent="      "))
        for note in result.notes:
            print(textwrap.fill(f"note: {note}", WIDTH, subsequent_indent="      "))
        print("\nLargest gaps:")
        print(render_table(result.gaps.head(8)))
    return 0
