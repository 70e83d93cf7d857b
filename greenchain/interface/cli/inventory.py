"""``greenchain inventory PLANT``: the GHG inventory of a plant file.

::

    greenchain inventory PLANT [--regime NAME|FILE] [--gwp AR6] [--grid-basis average]
                               [--grid-year Y] [--format table|json|csv]

``--regime`` applies a reporting regime (``gbt32150``, ``ndrc_guideline``, ``fujian_ets``,
``ghg_protocol``, ``iso14064`` or a regime file); ``--gwp`` and ``--grid-basis`` given
explicitly override the regime's choice. The table is by category, then by scope; JSON is
the full result; CSV is one row per activity record.
"""

from __future__ import annotations

import argparse
from typing import Any

from greenchain.data.vocabulary import DEFAULT_GWP_REPORT, GWP_REPORTS, REGIMES
from greenchain.interface.cli._output import INVENTORY_GRID_BASES, Parents, emit, render_table

__all__ = ["add_parser", "run"]


class _Given(argparse.Action):
    """Store the value and remember that the option was given (it overrides the regime)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        setattr(namespace, self.dest, values)
        namespace.given = (*getattr(namespace, "given", ()), self.dest)


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
        parents=[parents.format],
        help="GHG inventory of a plant file",
    )
    p.add_argument("plant")
    p.add_argument(
        "--regime",
        default=None,
        metavar="NAME|FILE",
        help="reporting regime: " + ", ".join(REGIMES) + ", or a regime YAML file",
    )
    # Own --gwp and --grid-basis (same defaults and choices as the shared parents) that
    # record whether they were given: only options given explicitly override a regime.
    p.add_argument(
        "--gwp",
        default=DEFAULT_GWP_REPORT,
        action=_Given,
        help="GWP set: " + ", ".join(GWP_REPORTS) + " (default: the regime's, else AR6)",
    )
    p.add_argument(
        "--grid-basis",
        default="average",
        choices=INVENTORY_GRID_BASES,
        action=_Given,
        help="grid factor basis (default: the regime's, else average)",
    )
    p.add_argument("--grid-year", type=int, default=None)
    p.set_defaults(run=run, given=())


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
    given = set(getattr(args, "given", ()))
    options: dict[str, Any] = {}
    if args.regime is not None:
        options["regime"] = args.regime
    for name in ("gwp", "grid_basis"):
        if name in given or args.regime is None:
            options[name] = getattr(args, name)
    if args.grid_year is not None:
        options["grid_year"] = args.grid_year
    result = plant.inventory(**options)
    summary = result.to_dict()
    table = result.by_category()
    if args.format == "table":
        regime = result.options.get("regime")
        title = (
            f"{plant.name}: {result.total.magnitude:,.1f} tCO2e "
            f"(GWP {result.options['gwp']}, grid basis {result.options['grid_basis']}"
            + (f", regime {regime}" if regime else "")
            + ")"
        )
        emit(args, table, summary, title)
        print()
        print(render_table(result.by_scope()))
        excluded = result.options.get("excluded") or {}
        for item, value in excluded.items():
            print(f"outside the {regime or 'default'} boundary: {item} {value:,.1f} tCO2e")
    else:
        emit(args, result.records if args.format == "csv" else table, summary)
    return 0
