"""``greenchain report PLANT -o FILE [--lang en|zh] [--format html|md]``.

Writes the plant report; without ``--format`` the file's suffix decides (``.md`` is
Markdown, anything else HTML).
"""

from __future__ import annotations

import argparse
from typing import Any

from greenchain.interface.cli._output import DEFAULT_SCHEME, Parents
from greenchain.interface.labels import LANGUAGES

__all__ = ["add_parser", "run"]

#: ``--format`` choices of the report (not the shared table/json/csv).
REPORT_FORMATS = ("html", "md")


def add_parser(subparsers: Any, parents: Parents) -> None:
    """Add the ``report`` subcommand (it uses none of the shared parents).

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        The main parser's subparsers.
    parents : Parents
        The shared parent parsers (not used).

    Returns
    -------
    None
    """
    p = subparsers.add_parser("report", help="write the plant report (HTML or Markdown)")
    p.add_argument("plant")
    p.add_argument("-o", "--output", required=True, help="report file (.html or .md)")
    p.add_argument("--lang", choices=LANGUAGES, default="en")
    p.add_argument("--format", dest="report_format", choices=REPORT_FORMATS, default=None)
    p.add_argument("--scheme", default=DEFAULT_SCHEME)
    p.add_argument("--evidence", default=None)
    # ``format`` is the output of the other commands; set so that code reading
    # ``args.format`` sees the usual default
    p.set_defaults(run=run, format="table")


def run(args: argparse.Namespace) -> int:
    """Write the report of ``args.plant`` to ``args.output``.

    Parameters
    ----------
    args : argparse.Namespace
        Parsed arguments of the ``report`` subcommand.

    Returns
    -------
    int
        The exit status (0).
    """
    from greenchain.interface.io import load_plant

    plant = load_plant(args.plant)
    fmt = args.report_format or ("md" if args.output.endswith(".md") else "html")
    path = plant.report(
        args.output, lang=args.lang, format=fmt, scheme=args.scheme, evidence=args.evidence
    )
    print(f"report written: {path}")
    return 0
