"""``greenchain report PLANT -o FILE [--lang en|zh] [--format html|md]``."""

from __future__ import annotations

import argparse
from typing import Any


def _report(args: argparse.Namespace) -> int:
    from greenchain.interface.io import load_plant

    plant = load_plant(args.plant)
    fmt = args.report_format or ("md" if args.output.endswith(".md") else "html")
    path = plant.report(
        args.output, lang=args.lang, format=fmt, scheme=args.scheme, evidence=args.evidence
    )
    print(f"report written: {path}")
    return 0


def register(
    subparsers: Any, format_parent: argparse.ArgumentParser, commands: dict[str, Any]
) -> None:
    """Add the ``report`` subcommand."""
    p = subparsers.add_parser("report", help="write the plant report (HTML or Markdown)")
    p.add_argument("plant")
    p.add_argument("-o", "--output", required=True, help="report file (.html or .md)")
    p.add_argument("--lang", choices=("en", "zh"), default="en")
    p.add_argument("--format", dest="report_format", choices=("html", "md"), default=None)
    p.add_argument("--scheme", default="GB/T 36132-2025")
    p.add_argument("--evidence", default=None)
    p.set_defaults(format="table")
    commands["report"] = _report
