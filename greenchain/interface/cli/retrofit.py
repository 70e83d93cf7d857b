"""``greenchain retrofit``: rank retrofit measures for a plant file.

::

    greenchain retrofit PLANT [--measures id1,id2] [--interaction package|alone]
                              [--co2-basis location|market] [--lifetime N]
                              [--catalogue FILE ...] [--macc OUT.png]
                              [--format table|json|csv]

The table lists each measure's savings, CO2, money, payback, NPV, IRR and abatement
cost (ranked), then the GB 21252 / dyeing-norm standing before and after the package
and every limit of the dyeing norm (energy, fresh water, water reuse) for the plant as it
is; output in metres is converted to the norm's tonnes through ``products[].mass``
(without it the error names the field and the file). JSON adds the package totals and
every column; CSV is the full table. ``--macc``
writes the marginal abatement cost curve as an image.
"""

from __future__ import annotations

import argparse
from typing import Any

# the engine's own vocabulary, from the light data layer: --help loads no engine
from greenchain.data.vocabulary import CO2_BASES
from greenchain.data.vocabulary import RETROFIT_INTERACTIONS as INTERACTIONS
from greenchain.errors import GreenchainError, InputError, collect_caveats
from greenchain.interface.cli._output import Parents, emit, render_table, warn

__all__ = ["add_parser", "run", "INTERACTIONS", "CO2_BASES"]


def add_parser(subparsers: Any, parents: Parents) -> None:
    """Add the ``retrofit`` subcommand.

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
        "retrofit", parents=[parents.format], help="rank retrofit measures (savings, NPV, MACC)"
    )
    p.add_argument("plant")
    p.add_argument("--measures", default=None, help="comma-separated measure ids")
    p.add_argument("--interaction", choices=INTERACTIONS, default="package")
    p.add_argument("--co2-basis", choices=CO2_BASES, default="location")
    p.add_argument("--lifetime", type=int, default=None, help="default lifetime [years]")
    p.add_argument(
        "--catalogue", action="append", default=None, help="user measure catalogue (YAML)"
    )
    p.add_argument("--macc", default=None, help="write the MAC curve to this image file")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the ranked retrofit measures of ``args.plant`` (and draw the MACC).

    Parameters
    ----------
    args : argparse.Namespace
        Parsed arguments of the ``retrofit`` subcommand.

    Returns
    -------
    int
        The exit status (0).
    """
    from greenchain.decisions.retrofit.assess import (
        SUMMARY_COLUMNS,
        limit_levels,
        plant_retrofits,
    )
    from greenchain.decisions.scoring.standing import plant_standing
    from greenchain.interface.io import load_plant
    from greenchain.interface.report_caveats import plain_reason

    plant = load_plant(args.plant)
    # the caveats are part of the printed result
    try:
        with collect_caveats() as caught:
            table = plant_retrofits(
                plant,
                args.measures,
                interaction=args.interaction,
                co2_basis=args.co2_basis,
                lifetime=args.lifetime,
                catalogue=args.catalogue,
            )
            levels = limit_levels(plant, args.measures, catalogue=args.catalogue)
            standing = plant_standing(plant)
    except GreenchainError as exc:
        if exc.source is None:  # name the plant file (e.g. a missing products[].mass)
            exc.source = plant.source_name or args.plant
        raise
    messages = list(table.attrs.get("warnings", []))
    messages += [c.message for c in caught if c.message not in messages]
    if args.macc:
        _write_macc(table, args.macc, args.co2_basis)
    summary = {
        "plant": plant.name,
        "totals": table.attrs.get("totals"),
        "measures": table.to_dict("records"),
        "limit_levels": levels.to_dict("records"),
        "standing": standing.to_dict("records"),
        "warnings": messages,
    }
    if args.format == "table":
        totals = table.attrs["totals"]
        title = (
            f"{plant.name}: retrofit measures ({totals['interaction']}, ranked by abatement cost)"
        )
        emit(args, table[list(SUMMARY_COLUMNS)], {}, title)
        if "reason" in table.columns and "co2_avoided_t" in table.columns:
            missing = table[table["co2_avoided_t"].isna()]
            if len(missing):
                print("\nNot evaluated, and what is missing:")
                reasons = [plain_reason(r, "en") for r in missing["reason"]]
                print(render_table(missing[["measure"]].assign(reason=reasons)))
        if len(levels):
            print()
            print(render_table(levels.drop(columns=["reason"])))
        norms = standing[standing["limit"] != "level"]
        if len(norms):
            print("\nStanding against the dyeing norm (as is):")
            shown = ["product", "limit", "value", "unit", "comparison", "limit_value"]
            print(render_table(norms[[*shown, "standing", "status"]]))
        warn(messages)
    else:
        emit(args, table, summary)
    return 0


def _write_macc(table: Any, path: str, co2_basis: str) -> None:
    """Draw the MACC of the measures that have both an abatement and a cost."""
    # Figure, not pyplot: no GUI backend, no global figure state
    from matplotlib.figure import Figure

    from greenchain.decisions.retrofit.assess import curve_rows
    from greenchain.decisions.retrofit.macc import macc

    column = "co2_avoided_t" if co2_basis == "location" else "co2_avoided_market_t"
    drawable = curve_rows(table, co2_column=column)
    if not len(drawable):
        raise InputError("no measure has both an abatement and a cost to draw", field="--macc")
    fig = Figure(figsize=(10, 6))
    ax = fig.subplots()
    macc(drawable, ax, abatement_column=column)
    fig.tight_layout()
    fig.savefig(path)
