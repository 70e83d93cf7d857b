"""The ``greenchain`` command line.

::

    greenchain inventory PLANT [--gwp AR6] [--grid-basis average] [--grid-year Y]
                               [--format table|json|csv]
    greenchain energy PLANT [--basis equal_value] [--format ...]
    greenchain factors search [TEXT] [--dataset D] [--region R] [--format ...]
    greenchain factors datasets

Errors print one line naming the field and file, and exit with status 2 (bad
input) or 1 (other greenchain errors); never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Callable, Sequence
from importlib import import_module
from typing import Any

import pandas as pd

from greenchain.errors import GreenchainError, InputError

__all__ = ["main", "build_parser", "emit"]

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def emit(
    args: argparse.Namespace, table: pd.DataFrame, summary: dict[str, Any], title: str = ""
) -> None:
    """Print a result as a table (with its warnings), JSON (``summary``) or CSV (``table``)."""
    fmt = getattr(args, "format", "table")
    if fmt == "json":
        print(json.dumps(summary, ensure_ascii=False, indent=2, default=_jsonable))
    elif fmt == "csv":
        table.to_csv(sys.stdout, index=False)
    else:
        if title:
            print(title)
        with pd.option_context(
            "display.max_rows", 200, "display.width", 120, "display.float_format", "{:,.3f}".format
        ):
            print(table.to_string(index=False))
        for text in summary.get("warnings", []):
            print(f"warning: {text}")


def _jsonable(value: Any) -> Any:
    if hasattr(value, "magnitude"):
        return f"{value:~P}"
    if hasattr(value, "item"):
        return value.item()
    return str(value)


def _inventory(args: argparse.Namespace) -> int:
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


def _energy(args: argparse.Namespace) -> int:
    from greenchain.interface.io import load_plant

    plant = load_plant(args.plant)
    result = plant.energy(basis=args.basis)
    summary = result.to_dict()
    intensities = {}
    for p in plant.data.products:
        try:
            q = result.intensity(p.id)
            intensities[p.id] = {"value": q.magnitude, "unit": f"{q.units:~}"}
        except InputError as exc:
            intensities[p.id] = {"error": str(exc)}
    summary["intensity"] = intensities
    title = f"{plant.name}: {result.total.magnitude:,.1f} tce ({args.basis})"
    emit(args, result.by_carrier(), summary, title)
    if args.format == "table":
        for pid, v in intensities.items():
            if "value" in v:
                print(f"{pid}: {v['value']:.3f} {v['unit']}")
    return 0


def _factors(args: argparse.Namespace) -> int:
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
    cols = ["key", "value", "unit", "dataset", "region", "year", "basis", "status"]
    emit(args, table[cols], {"factors": table[cols].to_dict("records")})
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser (subcommands register themselves in ``COMMANDS``)."""
    parser = argparse.ArgumentParser(
        prog="greenchain",
        description=(
            "Carbon accounting and green manufacturing: inventories, energy, footprints, "
            "retrofits and green-factory scores from a plant file."
        ),
    )
    sub = parser.add_subparsers(dest="command", required=True)
    fmt = argparse.ArgumentParser(add_help=False)
    fmt.add_argument("--format", choices=("table", "json", "csv"), default="table")

    p = sub.add_parser("inventory", parents=[fmt], help="GHG inventory of a plant file")
    p.add_argument("plant")
    p.add_argument("--gwp", default="AR6", help="GWP set: SAR, AR4, AR5, AR6")
    p.add_argument(
        "--grid-basis",
        default="average",
        choices=("average", "fossil", "excluding_market_nonfossil", "ets"),
    )
    p.add_argument("--grid-year", type=int, default=None)
    COMMANDS["inventory"] = _inventory

    p = sub.add_parser("energy", parents=[fmt], help="comprehensive energy consumption")
    p.add_argument("plant")
    p.add_argument("--basis", default="equal_value", choices=("equal_value",))
    COMMANDS["energy"] = _energy

    p = sub.add_parser("factors", parents=[fmt], help="search the factor database")
    p.add_argument("action", choices=("search", "datasets"))
    p.add_argument("text", nargs="?", default=None)
    p.add_argument("--dataset")
    p.add_argument("--region")
    p.add_argument("--status")
    COMMANDS["factors"] = _factors

    for module in _EXTENSIONS:
        try:
            mod = import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue
        mod.register(sub, fmt, COMMANDS)
    return parser


#: Modules that add subcommands: each has ``register(subparsers, format_parent, commands)``
#: which adds its parser and puts its handler in ``commands``.
_EXTENSIONS = (
    "greenchain.interface.cli.footprint",
    "greenchain.interface.cli.retrofit",
    "greenchain.interface.cli.score",
    "greenchain.interface.cli.report",
    "greenchain.interface.cli.excel",
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    with warnings.catch_warnings():
        # Warnings are part of each result and printed (or serialised) by the command.
        warnings.simplefilter("ignore")
        try:
            return COMMANDS[args.command](args)
        except GreenchainError as exc:
            print("greenchain: error: " + " | ".join(str(exc).splitlines()), file=sys.stderr)
            return 2 if isinstance(exc, InputError) else 1
        except BrokenPipeError:
            return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
