"""``greenchain retrofit``: rank retrofit measures for a plant file.

::

    greenchain retrofit PLANT [--measures id1,id2] [--interaction package|alone]
                              [--co2-basis location|market] [--lifetime N]
                              [--catalogue FILE ...] [--macc OUT.png]
                              [--format table|json|csv]

The table lists each measure's savings, CO2, money, payback, NPV, IRR and abatement
cost (ranked), then the GB 21252 / dyeing-norm standing before and after the package;
JSON adds the package totals and every column; CSV is the full table. ``--macc``
writes the marginal abatement cost curve as an image.
"""

from __future__ import annotations

import argparse
import warnings
from collections.abc import Callable
from typing import Any

from greenchain.decisions.retrofit.assess import SUMMARY_COLUMNS

__all__ = ["register"]


def register(
    subparsers: Any,
    format_parent: argparse.ArgumentParser,
    commands: dict[str, Callable[[argparse.Namespace], int]],
) -> None:
    """Add the ``retrofit`` subcommand to the main parser."""
    p = subparsers.add_parser(
        "retrofit", parents=[format_parent], help="rank retrofit measures (savings, NPV, MACC)"
    )
    p.add_argument("plant")
    p.add_argument("--measures", default=None, help="comma-separated measure ids")
    p.add_argument("--interaction", choices=("package", "alone"), default="package")
    p.add_argument("--co2-basis", choices=("location", "market"), default="location")
    p.add_argument("--lifetime", type=int, default=None, help="default lifetime [years]")
    p.add_argument(
        "--catalogue", action="append", default=None, help="user measure catalogue (YAML)"
    )
    p.add_argument("--macc", default=None, help="write the MAC curve to this image file")
    commands["retrofit"] = _retrofit


def _retrofit(args: argparse.Namespace) -> int:
    from greenchain.decisions.retrofit.assess import limit_levels, plant_retrofits
    from greenchain.interface.cli import emit
    from greenchain.interface.io import load_plant

    plant = load_plant(args.plant)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = plant_retrofits(
            plant,
            args.measures,
            interaction=args.interaction,
            co2_basis=args.co2_basis,
            lifetime=args.lifetime,
            catalogue=args.catalogue,
        )
        levels = limit_levels(plant, args.measures, catalogue=args.catalogue)
    messages = list(table.attrs.get("warnings", []))
    for w in caught:
        if str(w.message) not in messages:
            messages.append(str(w.message))
    if args.macc:
        _write_macc(table, args.macc, args.co2_basis)
    summary = {
        "plant": plant.name,
        "totals": table.attrs.get("totals"),
        "measures": table.to_dict("records"),
        "limit_levels": levels.to_dict("records"),
        "warnings": messages,
    }
    if args.format == "table":
        totals = table.attrs["totals"]
        title = (
            f"{plant.name}: retrofit measures ({totals['interaction']}, ranked by abatement cost)"
        )
        emit(args, table[list(SUMMARY_COLUMNS)], summary, title)
        if len(levels):
            print()
            print(levels.drop(columns=["reason"]).to_string(index=False))
    else:
        emit(args, table, summary)
    return 0


def _write_macc(table: Any, path: str, co2_basis: str) -> None:
    """Draw the MACC of the measures that have both an abatement and a cost."""
    from matplotlib.figure import Figure

    from greenchain.decisions.retrofit.assess import curve_rows
    from greenchain.decisions.retrofit.macc import macc
    from greenchain.errors import InputError

    column = "co2_avoided_t" if co2_basis == "location" else "co2_avoided_market_t"
    drawable = curve_rows(table, co2_column=column)
    if not len(drawable):
        raise InputError("no measure has both an abatement and a cost to draw", field="--macc")
    fig = Figure(figsize=(10, 6))
    ax = fig.subplots()
    macc(drawable, ax, abatement_column=column)
    fig.tight_layout()
    fig.savefig(path)
