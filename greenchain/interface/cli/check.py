"""The ``check`` subcommand: list every problem of a plant file or workbook.

::

    greenchain check FILE

Validates a YAML, JSON or Excel plant file (:func:`greenchain.interface.io.check.check_plant`)
and prints one line per problem, each naming its cell (``energy!A4``) or path, without
running any analysis. Exit status 0 when the file has no problem, 2 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from greenchain.interface.cli._output import Parents

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any, parents: Parents) -> None:
    """Add the ``check`` subcommand.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        The main parser's subparsers.
    parents : Parents
        The shared parent parsers (unused: ``check`` has no options of them).

    Returns
    -------
    None
    """
    p = subparsers.add_parser(
        "check",
        help="list every problem of a plant file or workbook (no analysis)",
        description=(
            "Validate a plant file (.yaml, .json or .xlsx) and list every problem at once, "
            "each with its cell or path. Example: greenchain check mill.xlsx"
        ),
    )
    p.add_argument("file", help="plant file (.yaml, .json or .xlsx)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``check``: print the problems, one a line.

    Parameters
    ----------
    args : argparse.Namespace
        Parsed arguments of the ``check`` subcommand.

    Returns
    -------
    int
        0 when the file has no problem, 2 otherwise.
    """
    from greenchain.interface.io.check import check_plant

    problems = check_plant(args.file)
    name = args.file
    if not problems:
        print(f"{name}: no problems found / 未发现问题")
        return 0
    for line in problems:
        print(line)
    print(f"{name}: {len(problems)} problem(s) / 个问题", file=sys.stderr)
    return 2
