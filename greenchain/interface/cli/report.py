"""``greenchain report PLANT -o FILE [--lang en|zh] [--format html|md|docx|pdf]``.

Writes the plant report; without ``--format`` the file's suffix decides (``.md``
Markdown, ``.docx`` Word, ``.pdf`` PDF, anything else HTML). The folder of ``-o`` must
exist: none is created.
"""

from __future__ import annotations

import argparse
from typing import Any

from greenchain.interface.cli._output import DEFAULT_SCHEME, Parents
from greenchain.interface.labels import LANGUAGES

__all__ = ["add_parser", "run"]

#: ``--format`` choices of the report (not the shared table/json/csv).
REPORT_FORMATS = ("html", "md", "docx", "pdf")


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
    p = subparsers.add_parser(
        "report",
        help="write the plant report (HTML, Markdown, Word or PDF)",
        description="Write the plant report, e.g. "
        "greenchain report mill.xlsx -o mill.docx --lang zh",
    )
    p.add_argument("plant", help="plant file (.yaml, .json or .xlsx)")
    p.add_argument("-o", "--output", required=True, help="report file (.html, .md, .docx or .pdf)")
    p.add_argument("--lang", choices=LANGUAGES, default="en", help="language (default: en)")
    p.add_argument(
        "--format",
        dest="report_format",
        choices=REPORT_FORMATS,
        default=None,
        help="output format (default: from the file's suffix, else html); "
        "pdf is printed by headless Chromium",
    )
    p.add_argument(
        "--consultancy",
        default=None,
        help="name of the consultancy issuing the report, e.g. --consultancy 晋江某节能咨询公司",
    )
    p.add_argument("--logo", default=None, help="the consultancy's logo (.png or .jpg)")
    p.add_argument(
        "--monthly",
        default=None,
        help="monthly meter readings for the monthly profile: a CSV (month, carrier, amount, "
        "unit) or the workbook of 'greenchain template --monthly', e.g. --monthly readings.csv",
    )
    p.add_argument(
        "--scheme",
        default=DEFAULT_SCHEME,
        help=f"green-factory scheme of the score section (default: {DEFAULT_SCHEME})",
    )
    p.add_argument(
        "--evidence",
        default=None,
        help="evidence file for the score section, e.g. --evidence evidence.yaml",
    )
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

    Raises
    ------
    InputError
        The output's folder does not exist, or the output is a folder.
    """
    from greenchain.interface.io import load_plant
    from greenchain.interface.io.limits import output_path

    output_path(args.output)  # before the work: no folder is created for a typo
    plant = load_plant(args.plant)
    suffix = args.output.rsplit(".", 1)[-1].lower() if "." in args.output else ""
    fmt = args.report_format or (suffix if suffix in REPORT_FORMATS else "html")
    path = plant.report(
        args.output,
        lang=args.lang,
        format=fmt,
        scheme=args.scheme,
        evidence=args.evidence,
        consultancy=args.consultancy,
        logo=args.logo,
        monthly=args.monthly,
    )
    print(f"report written: {path}")
    return 0
