"""Each product's standing against its national norm: GB 21252-2023 levels, the dyeing norm.

:func:`plant_standing` grades every product whose ``attributes`` name a limit standard
(:func:`greenchain.decisions.grading.product_limits`): a GB 21252-2023 product on its
specific energy (level 1, 2, 3 or below the limit); a dyeing product against every
limit the printing and dyeing industry norm (印染行业规范条件, 2017) has for its fabric
class: comprehensive energy, fresh water per unit product and the plant's water reuse
rate. Output in another unit than the norm's (knitted fabric in metres, limits per
tonne) is converted through ``products[].mass``; without it the row says so and names
the field.

Examples
--------
>>> import warnings, greenchain as gc
>>> data = gc.load_plant(gc.example_path("dyeing_mill.yaml")).data
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")
...     t = plant_standing(data)
>>> t[["limit", "standing"]].values.tolist()
[['energy', 'meets limit'], ['fresh_water', 'meets limit'], ['water_reuse', 'meets limit']]
"""

from __future__ import annotations

from functools import partial
from typing import Any

import pandas as pd

from greenchain.accounting.energy import EnergyResult, plant_energy
from greenchain.data.plant_file import PlantData, PlantLike, plant_data
from greenchain.decisions import grading
from greenchain.errors import GreenchainError, collect_caveats, emit_caveats

__all__ = ["STANDING_COLUMNS", "plant_standing"]

#: Columns of :func:`plant_standing`, in order.
STANDING_COLUMNS = (
    "product",
    "standard",
    "limit",
    "value",
    "unit",
    "comparison",
    "limit_value",
    "standing",
    "status",
    "reason",
)


def _water(data: PlantData, product: Any) -> tuple[Any, Any, str | None]:
    """Fresh water per unit of output and the reuse rate [%] (GB/T 36132-2025 B.10)."""
    water = data.water
    fresh = reuse = None
    why = None
    if water.withdrawal is None:
        why = "no water.withdrawal in the plant file"
    elif len(data.products) != 1:
        why = "water is metered plant-wide, not per product"
    else:
        fresh = water.withdrawal / product.output
    if water.reused is not None and water.withdrawal is not None:
        reuse = float((water.reused / (water.reused + water.withdrawal)).m_as("")) * 100
    return fresh, reuse, why


def _dyeing_rows(data: PlantData, p: Any, limits: Any, energy: Any) -> list[dict[str, Any]]:
    a = limits.arguments
    fresh, reuse, why = _water(data, p)
    given = {"energy": energy, "fresh_water": fresh, "water_reuse": reuse}
    specs = grading.dyeing_norm_check(
        None, fabric=a["fabric"], edition=a["edition"], water_reuse=0.0, fresh_water=0.0
    )
    specs = pd.concat(
        [grading.dyeing_norm_check(0.0, fabric=a["fabric"], edition=a["edition"]), specs]
    )
    order = {"energy": 0, "fresh_water": 1, "water_reuse": 2}
    specs = specs.sort_values("limit", key=lambda c: c.map(order), kind="stable")
    values: dict[str, float] = {}
    reasons: dict[str, str] = {}
    for spec in specs.to_dict("records"):
        limit, value = spec["limit"], given[spec["limit"]]
        if value is None:
            reasons[limit] = why if limit == "fresh_water" and why else f"no data for {limit}"
            continue
        try:
            values[limit] = (
                value if limit == "water_reuse" else limits.convert(value, spec["unit"], limit)
            )
        except GreenchainError as exc:
            reasons[limit] = str(exc)
    check = grading.dyeing_norm_check(
        values.get("energy"),
        fabric=a["fabric"],
        edition=a["edition"],
        fresh_water=values.get("fresh_water"),
        water_reuse=values.get("water_reuse"),
    ).set_index("limit")
    rows = []
    for spec in specs.to_dict("records"):
        limit = spec["limit"]
        row: dict[str, Any] = {
            "product": p.id,
            "standard": limits.standard,
            "limit": limit,
            "value": float("nan"),
            "unit": spec["unit"],
            "comparison": spec["comparison"],
            "limit_value": spec["limit_value"],
            "standing": None,
            "status": spec["status"],
            "reason": reasons.get(limit),
        }
        if limit in check.index:
            row["value"] = float(check.loc[limit, "value"])
            passed = bool(check.loc[limit, "passed"])
            row["standing"] = grading.MEETS_LIMIT if passed else grading.ABOVE_LIMIT
        rows.append(row)
    return rows


def _level(limits: Any, specific: Any) -> Any:
    """The GB 21252 level of ``specific`` under ``limits``."""
    return limits.standing(specific)["level"]


def plant_standing(
    data: PlantData | PlantLike,
    energy: EnergyResult | None = None,
    *,
    source: str | None = None,
) -> pd.DataFrame:
    """Standing of every graded product against its national norm.

    Parameters
    ----------
    data : PlantData or Plant
        The plant data (or a plant, whose ``data`` is used).
    energy : EnergyResult, optional
        The plant's energy account (computed when omitted).
    source : str, optional
        The plant file's name, named in messages (default: the plant's).

    Returns
    -------
    pandas.DataFrame
        :data:`STANDING_COLUMNS`: one row per product and limit. ``limit`` is ``level``
        for GB 21252-2023 (``standing`` 1, 2, 3 or ``below limit``, ``limit_value`` the
        level-3 value) and ``energy``, ``fresh_water``, ``water_reuse`` for the dyeing norm
        (``meets limit`` / ``above limit``); ``value`` and ``limit_value`` are floats in
        ``unit``. A row without a value says why in ``reason`` (e.g. the missing
        ``products[id].mass`` and the file).
    """
    d, source = plant_data(data, source)
    rows: list[dict[str, Any]] = []
    with collect_caveats() as caught:
        if energy is None:
            energy = plant_energy(d, source)
        for p in d.products:
            limits = grading.product_limits(p)
            if limits is None:
                continue
            try:
                specific = energy.intensity(p.id)
            except GreenchainError as exc:
                rows.append({"product": p.id, "standard": limits.standard, "reason": str(exc)})
                continue
            if limits.kind == "dyeing_norm":
                new = _dyeing_rows(d, p, limits, specific)
                for row in new:
                    if row["reason"] and source and f"in {source}" not in row["reason"]:
                        row["reason"] = row["reason"].replace(": ", f" in {source}: ", 1)
                rows += new
                continue
            s = limits.standing(specific)
            if getattr(energy, "natural_gas_row", None) is not None:
                # the level under the other GB/T 2589 natural-gas row: a caveat if it differs
                energy.gas_row_check(p.id, partial(_level, limits))
            rows.append(
                {
                    "product": p.id,
                    "standard": limits.standard,
                    "limit": "level",
                    "value": s["specific_energy"],
                    "unit": s["unit"],
                    "comparison": "<=",
                    "limit_value": s["limit"],
                    "standing": s["level"],
                    "status": s["status"],
                    "reason": None,
                }
            )
    table = pd.DataFrame(rows, columns=list(STANDING_COLUMNS))
    for column in ("value", "limit_value"):
        table[column] = table[column].astype(float)
    table.attrs["warnings"] = [c.message for c in caught]
    emit_caveats(caught)
    return table
