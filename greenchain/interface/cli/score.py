"""``greenchain score PLANT [--scheme ...] [--evidence FILE] [--format ...]``.

Scores a plant file against a green-factory scheme (GB/T 36132): the table lists each
indicator's value, benchmark, points and status, then the largest gaps.
"""

from __future__ import annotations

import argparse
from typing import Any

from greenchain.interface.cli._output import DEFAULT_SCHEME, Parents, emit

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
    result = plant.green_factory_score(args.scheme, evidence=args.evidence)
    table = result.by_indicator[COLUMNS]
    gates = "passed" if result.gates_passed else "FAILED: " + ", ".join(result.failed_gates)
    title = (
        f"{plant.name}: {result.total:.2f} of {result.max_total:.2f} "
        f"({result.scheme.document}); gates {gates}"
    )
    emit(args, table, result.to_dict(), title)
    if args.format == "table":
        print("\nLargest gaps:")
        print(result.gaps.head(8).to_string(index=False))
    return 0
