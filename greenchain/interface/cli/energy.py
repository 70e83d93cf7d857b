"""``greenchain energy PLANT``: comprehensive energy consumption (GB/T 2589).

::

    greenchain energy PLANT [--basis equal_value|equivalent_value] [--coal-rate G]
                            [--heat-supply-rate KG] [--format table|json|csv]

``--basis equivalent_value`` (等价值) values electricity at the grid's generation coal
rate (``--coal-rate``, grams of standard coal per kWh, required) and purchased heat at
the heat-supply coal rate (``--heat-supply-rate``, kg of standard coal per GJ; without
it heat stays at its equal value, with a caveat).

The table is by carrier, followed by each product's energy intensity; JSON adds the
intensities (or why one could not be computed).
"""

from __future__ import annotations

import argparse
from typing import Any

from greenchain.data.vocabulary import ENERGY_BASES
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
    p.add_argument("--basis", default="equal_value", choices=ENERGY_BASES)
    p.add_argument(
        "--coal-rate",
        type=float,
        default=None,
        help="generation coal rate for --basis equivalent_value [gce/kWh], e.g. 300.7",
    )
    p.add_argument(
        "--heat-supply-rate",
        type=float,
        default=None,
        help="heat-supply coal rate for --basis equivalent_value [kgce/GJ]",
    )
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
    from greenchain.units import Q_

    plant = load_plant(args.plant)
    if args.basis == "equivalent_value" and args.coal_rate is None:
        raise InputError(
            "--basis equivalent_value needs the generation coal rate, e.g. --coal-rate 300.7",
            field="--coal-rate",
        )
    options: dict[str, Any] = {"basis": args.basis}
    if args.coal_rate is not None:
        options["generation_coal_rate"] = Q_(args.coal_rate, "g/kWh")
    if args.heat_supply_rate is not None:
        options["heat_supply_rate"] = Q_(args.heat_supply_rate, "kg/GJ")
    result = plant.energy(**options)
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
