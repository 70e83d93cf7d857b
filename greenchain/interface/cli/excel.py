"""Excel subcommands of the ``greenchain`` command line.

::

    greenchain template FILE.xlsx [--sector ceramics|dyeing|shoes|food] [--no-example]
                                  [--monthly] [--force]
    greenchain export PLANT -o FILE.xlsx [--gwp AR6] [--grid-basis average]

``template`` writes the bilingual data-collection workbook
(:func:`greenchain.interface.io.excel.write_template`), laid out for a sector's models
with ``--sector``; it refuses to overwrite an existing file unless ``--force``. ``export`` writes a plant's results
(inventory, energy, and retrofits and green-factory score when available) to a
workbook (:func:`greenchain.interface.io.excel.export_results`). PLANT may be a YAML, JSON or
filled-in Excel plant file. The folder of ``-o`` must exist: none is created.
"""

from __future__ import annotations

import argparse
from typing import Any

from greenchain.interface.cli._output import Parents

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any, parents: Parents) -> None:
    """Add the ``template`` and ``export`` subcommands.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        The main parser's subparsers.
    parents : Parents
        The shared parent parsers (``export`` uses ``--gwp`` and ``--grid-basis``).

    Returns
    -------
    None
    """
    p = subparsers.add_parser(
        "template",
        help="write the Excel data-collection template",
        description=(
            "Write the bilingual data-collection workbook. Example: "
            "greenchain template mill.xlsx --sector dyeing"
        ),
    )
    p.add_argument("file", help="the .xlsx file to write (an existing file is kept)")
    p.add_argument(
        "--sector",
        choices=("ceramics", "dyeing", "shoes", "food"),
        help="lay out the equipment and measure columns for this sector's models",
    )
    p.add_argument(
        "--no-example", action="store_true", help="headers only, without the example rows"
    )
    p.add_argument("--monthly", action="store_true", help="add a monthly meter-reading sheet")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(run=run)

    p = subparsers.add_parser(
        "export",
        parents=[parents.gwp, parents.grid_basis],
        help="write a plant's results to an Excel workbook",
    )
    p.add_argument("plant", help="plant file (.yaml, .json or .xlsx)")
    p.add_argument("-o", "--output", required=True, help="the .xlsx file to write")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``template`` or ``export`` (``args.command`` says which).

    Parameters
    ----------
    args : argparse.Namespace
        Parsed arguments of the ``template`` or ``export`` subcommand.

    Returns
    -------
    int
        The exit status (0).
    """
    if args.command == "template":
        return _template(args)
    return _export(args)


def _template(args: argparse.Namespace) -> int:
    from greenchain.interface.io.excel import write_template

    path = write_template(
        args.file,
        example=not args.no_example,
        sector=args.sector,
        monthly=args.monthly,
        force=args.force,
    )
    rows = "without example rows" if args.no_example else "with the example plant's rows"
    print(f"wrote {path} ({args.sector or 'tile plant'} layout, {rows})")
    return 0


def _export(args: argparse.Namespace) -> int:
    from greenchain.interface.io import load_plant
    from greenchain.interface.io.excel import export_results
    from greenchain.interface.io.limits import output_path

    output_path(args.output)  # before the work: no folder is created for a typo
    plant = load_plant(args.plant)
    path = export_results(plant, args.output, gwp=args.gwp, grid_basis=args.grid_basis)
    print(f"wrote {path}")
    return 0
