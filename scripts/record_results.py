"""Record the example plants' results, to check that a refactoring changes none of them.

Run ``python scripts/record_results.py tests/fixtures/example_results.json`` before a
change that must not move any number; ``tests/test_results_unchanged.py`` recomputes
the same quantities and compares them with this file.
"""

from __future__ import annotations

import json
import math
import sys
import warnings
from pathlib import Path
from typing import Any

import greenchain as gc

PLANTS = ("tile_plant.yaml", "dyeing_mill.yaml", "shoe_factory.yaml")
RETROFIT_COLUMNS = (
    "energy_saved_tce",
    "electricity_saved_kwh",
    "co2_avoided_t",
    "co2_avoided_market_t",
    "annual_savings",
    "capex",
    "simple_payback_years",
    "npv",
    "irr",
    "abatement_cost",
)


def _num(value: Any) -> float | None:
    """A plain float, or None for a blank (None or NaN)."""
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) else value


def _frame(df: Any, key: str, value: str) -> dict[str, float | None]:
    return {str(k): _num(v) for k, v in zip(df[key], df[value], strict=True)}


def plant_results(name: str) -> dict[str, Any]:
    """Every headline number of one example plant."""
    plant = gc.load_plant(gc.example_path(name))
    inventory, energy = plant.inventory(), plant.energy()
    out: dict[str, Any] = {
        "inventory_total_tco2e": _num(inventory.total.m_as("tCO2e")),
        "by_scope": _frame(inventory.by_scope(), "scope", "co2e_t"),
        "by_category": _frame(inventory.by_category(), "category", "co2e_t"),
        "by_gas": _frame(inventory.by_gas(), "gas", "co2e_t"),
        "energy_total_tce": _num(energy.total.m_as("tce")),
        "energy_by_carrier": _frame(energy.by_carrier(), "carrier", "tce"),
        "footprints": {},
        "retrofits": {},
        "scores": {},
    }
    for product in plant.data.products:
        fp = plant.product_footprint(product.id)
        out["footprints"][product.id] = {
            "per_unit": _num(fp.per_unit.magnitude),
            "unit": f"{fp.per_unit.units}",
        }
    table = plant.retrofits()
    for _, row in table.iterrows():
        out["retrofits"][row["measure"]] = {c: _num(row[c]) for c in RETROFIT_COLUMNS}
    summary = gc.retrofit.package_summary(plant)
    out["package"] = {
        "measures": list(summary["measures"]),
        "after": {k: _num(v) for k, v in summary["after"].items()},
    }
    levels = gc.retrofit.limit_levels(plant)
    out["levels"] = {
        str(row["product"]): {
            "before": _num(row["specific_energy_before"]),
            "after": _num(row["specific_energy_after"]),
            "level_before": str(row["level_before"]),
            "level_after": str(row["level_after"]),
        }
        for _, row in levels.iterrows()
    }
    for scheme in ("GB/T 36132-2025", "GB/T 36132-2018"):
        score = plant.green_factory_score(scheme=scheme)
        out["scores"][scheme] = {"total": _num(score.total), "max_total": _num(score.max_total)}
    return out


def main(path: str) -> None:
    warnings.simplefilter("ignore")
    results = {name: plant_results(name) for name in PLANTS}
    Path(path).write_text(json.dumps(results, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/example_results.json")
