"""``greenchain energy PLANT``: comprehensive energy consumption (GB/T 2589).

::

    greenchain energy PLANT [--basis equal_value] [--format table|json|csv]

The table is by carrier, followed by each product's energy intensity; JSON adds the
intensities (or why one could not be computed).
"""

from __future__ import annotations

import argparse
from typing import Any

from greenchain.errors import InputError
from greenchain.interface.cli._output import Parents, emit

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any, parents: Parents) -> None:
    """Add the ``energy`` subcommand.

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
        "energy", parents=[parents.format], help="comprehensive energy consumption"
    )
    p.add_argument("plant")
    p.add_argument("--basis", default="equal_value", choices=("equal_value",))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the comprehensive energy consumption of ``args.plant``.

    Parameters
    ----------
    args : argparse.Namespace
        Parsed arguments of the ``energy`` subcommand.

    Returns
    -------
    int
        The exit status (0).
    """
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
            # a product without output still gets an entry, saying why
            intensities[p.id] = {"error": str(exc)}
    summary["intensity"] = intensities
    title = f"{plant.name}: {result.total.magnitude:,.1f} tce ({args.basis})"
    emit(args, result.by_carrier(), summary, title)
    if args.format == "table":
        for pid, v in intensities.items():
            if "value" in v:
                print(f"{pid}: {v['value']:.3f} {v['unit']}")
    return 0
