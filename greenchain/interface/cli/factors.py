"""``greenchain factors``: search the cited factor database.

::

    greenchain factors search [TEXT] [--dataset D] [--region R] [--status S]
                              [--format table|json|csv]
    greenchain factors datasets [--format ...]
"""

from __future__ import annotations

import argparse
from typing import Any

from greenchain.interface.cli._output import Parents, emit

__all__ = ["add_parser", "run"]

#: Columns printed by ``factors search``.
COLUMNS = ["key", "value", "unit", "dataset", "region", "year", "basis", "status"]


def add_parser(subparsers: Any, parents: Parents) -> None:
    """Add the ``factors`` subcommand.

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
        "factors", parents=[parents.format], help="search the factor database"
    )
    p.add_argument("action", choices=("search", "datasets"))
    p.add_argument("text", nargs="?", default=None)
    p.add_argument("--dataset")
    p.add_argument("--region")
    p.add_argument("--status")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """List the datasets, or the factors matching the text and filters.

    Parameters
    ----------
    args : argparse.Namespace
        Parsed arguments of the ``factors`` subcommand.

    Returns
    -------
    int
        The exit status (0).
    """
    from greenchain.data import factors

    if args.action == "datasets":
        table = factors.datasets()
        emit(args, table, {"datasets": table.to_dict("records")})
        return 0
    filters = {
        k: v
        for k, v in (("dataset", args.dataset), ("region", args.region), ("status", args.status))
        if v
    }
    table = factors.search(args.text, **filters)
    emit(args, table[COLUMNS], {"factors": table[COLUMNS].to_dict("records")})
    return 0
