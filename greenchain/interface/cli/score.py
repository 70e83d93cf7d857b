"""``greenchain score PLANT [--scheme ...] [--evidence FILE] [--format ...]``."""

from __future__ import annotations

import argparse
from typing import Any


def _score(args: argparse.Namespace) -> int:
    from greenchain.interface.cli import emit
    from greenchain.interface.io import load_plant

    plant = load_plant(args.plant)
    result = plant.green_factory_score(args.scheme, evidence=args.evidence)
    table = result.by_indicator[
        ["indicator", "area", "value", "unit", "benchmark", "leading", "points", "score", "status"]
    ]
    gates = "passed" if result.gates_passed else "FAILED: " + ", ".join(result.failed_gates)
    title = (
        f"{plant.name}: {result.total:.2f} of {result.max_total:.2f} "
        f"({result.scheme.document}); gates {gates}"
    )
    emit(args, table, result.to_dict(), title)
    if args.format == "table":
        print("\nLargest gaps:")
        print(result.gaps.head(8).to_string(index=False))
    return 0


def register(
    subparsers: Any, format_parent: argparse.ArgumentParser, commands: dict[str, Any]
) -> None:
    """Add the ``score`` subcommand."""
    p = subparsers.add_parser(
        "score", parents=[format_parent], help="green-factory score (GB/T 36132)"
    )
    p.add_argument("plant")
    p.add_argument(
        "--scheme",
        default="GB/T 36132-2025",
        help="GB/T 36132-2025 (default), GB/T 36132-2018, or a scheme YAML file",
    )
    p.add_argument("--evidence", default=None, help="evidence YAML (checklist answers, gates)")
    commands["score"] = _score
