"""``greenchain inventory PLANT``: the GHG inventory of a plant file.

::

    greenchain inventory PLANT [--gwp AR6] [--grid-basis average] [--grid-year Y]
                               [--format table|json|csv]

The table is by category, then by scope; JSON is the full result; CSV is one row per
activity record.
"""

from __future__ import annotations

import argparse
from typing import Any

from greenchain.interface.cli._output import Parents, emit

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any, parents: Parents) -> None:
    """Add the ``inventory`` subcommand.

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
        "inventory",
        parents=[parents.format, parents.gwp, parents.grid_basis],
        help="GHG inventory of a plant file",
    )
    p.add_argument("plant")
    p.add_argument("--grid-year", type=int, default=None)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the inventory of ``args.plant``.

    Parameters
    ----------
    args : argparse.Namespace
        Parsed arguments of the ``inventory`` subcommand.

    Returns
    -------
    int
        The exit status (0).
    """
    from greenchain.interface.io import load_plant

    plant = load_plant(args.plant)
    options = {"gwp": args.gwp, "grid_basis": args.grid_basis}
    if args.grid_year is not None:
        options["grid_year"] = args.grid_year
    result = plant.inventory(**options)
    summary = result.to_dict()
    table = result.by_category()
    if args.format == "table":
        title = (
            f"{plant.name}: {result.total.magnitude:,.1f} tCO2e "
            f"(GWP {result.options['gwp']}, grid basis {args.grid_basis})"
        )
        emit(args, table, summary, title)
        print()
        print(result.by_scope().to_string(index=False, float_format="{:,.3f}".format))
    else:
        emit(args, result.records if args.format == "csv" else table, summary)
    return 0
