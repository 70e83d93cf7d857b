"""``greenchain footprint PLANT --product ID [...]``: product carbon footprint.

::

    greenchain footprint PLANT --product ID [--allocation mass|area|economic|physical]
                         [--boundary cradle_to_gate|gate_to_gate]
                         [--electricity lifecycle|grid] [--year Y] [--gwp AR6]
                         [--fuel-supply DATASET|none] [--monte-carlo N] [--seed S] [--pact] [--format table|json|csv]

``--fuel-supply`` names the factor set of the fuels' supply chains in a cradle-to-gate
footprint (default ``DESNZ 2025``, the UK well-to-tank factors; ``none`` leaves them
out). ``--pact`` prints the PACT (Pathfinder) style JSON of the footprint; ``--format csv``
prints the contributions table.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

# The choices come from the light vocabulary module (no pydantic, no pandas), so that
# building the parser does not load the footprint engine.
from greenchain.data.vocabulary import ALLOCATIONS, BOUNDARIES
from greenchain.data.vocabulary import FOOTPRINT_ELECTRICITY as ELECTRICITY
from greenchain.errors import InputError
from greenchain.interface.cli._output import Parents, emit, render_table

__all__ = ["add_parser", "run", "ALLOCATIONS", "BOUNDARIES", "ELECTRICITY"]


def add_parser(subparsers: Any, parents: Parents) -> None:
    """Add the ``footprint`` subcommand.

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
        "footprint",
        parents=[parents.format, parents.gwp],
        help="product carbon footprint (ISO 14067 / GB/T 24067)",
    )
    p.add_argument("plant")
    p.add_argument("--product", default=None, help="product id (default: the only product)")
    p.add_argument("--allocation", choices=ALLOCATIONS, default=None)
    p.add_argument("--boundary", choices=BOUNDARIES, default=None)
    p.add_argument("--electricity", choices=ELECTRICITY, default="lifecycle")
    p.add_argument("--year", type=int, default=None, help="electricity factor year")
    p.add_argument(
        "--fuel-supply",
        default="DESNZ 2025",
        metavar="DATASET",
        help="factor set of the fuels' supply chains (default: DESNZ 2025; 'none': leave out)",
    )
    p.add_argument("--monte-carlo", type=int, default=0, metavar="N", help="Monte Carlo draws")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--pact", action="store_true", help="print PACT (Pathfinder) style JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the carbon footprint of one product of ``args.plant``.

    Parameters
    ----------
    args : argparse.Namespace
        Parsed arguments of the ``footprint`` subcommand.

    Returns
    -------
    int
        The exit status (0).
    """
    from greenchain.interface.io import load_plant

    plant = load_plant(args.plant)
    product = args.product
    if product is None:
        ids = [p.id for p in plant.data.products]
        if len(ids) != 1:
            raise InputError(f"give --product (one of {ids})", field="--product")
        product = ids[0]
    result = plant.product_footprint(
        product,
        allocation=args.allocation,
        boundary=args.boundary,
        electricity=args.electricity,
        gwp=args.gwp,
        year=args.year,
        fuel_supply=None if args.fuel_supply.lower() == "none" else args.fuel_supply,
    )
    if args.pact:
        print(json.dumps(result.to_pact(), ensure_ascii=False, indent=2))
        return 0
    summary = result.to_dict()
    mc = None
    if args.monte_carlo:
        mc = result.monte_carlo(n=args.monte_carlo, seed=args.seed)
        summary["monte_carlo"] = mc.to_dict()
    table = result.contributions
    if args.format != "table":
        emit(args, table, summary)
        return 0
    e = result.electricity
    title = (
        f"{plant.name} - {result.product_name}: {result.per_declared_unit:,.3f} kgCO2e per "
        f"{result.declared_unit:~P} ({result.boundary}; allocation {result.allocation['method']}; "
        f"electricity {e['basis']} {e.get('factor')} {e.get('unit') or ''} {e.get('year') or ''}; "
        f"{result.fuel_supply_statement})"
    )
    emit(args, table, summary, title)
    print()
    print(render_table(result.by_stage()))
    if mc is not None:
        print(
            f"\nMonte Carlo (n={mc.n}): mean {mc.mean:,.3f}, median {mc.median:,.3f}, "
            f"P5 {mc.p5:,.3f}, P95 {mc.p95:,.3f} kgCO2e per {result.declared_unit:~P}"
        )
        ctv = mc.contribution_to_variance
        if ctv is not None and ctv.sum() > 0:
            top = ctv[ctv > 0].sort_values(ascending=False).head(8)
            print("contribution to variance:")
            for name, share in top.items():
                print(f"  {name}: {share:.1%}")
    return 0
