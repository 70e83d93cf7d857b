"""Solve a product system on the matrix engine; the factor table and electricity notes."""

from __future__ import annotations

from typing import Any

import pandas as pd

from greenchain.accounting.inventory import InventoryResult
from greenchain.accounting.lca import LCAResult, build_matrices, matrix_lca
from greenchain.accounting.product_footprint._constants import ELECTRICITY_BASES, STAGES
from greenchain.accounting.product_footprint.system import ProductSystem
from greenchain.accounting.uncertainty.terms import TermModel, field_error

__all__ = ["solve_product", "factor_table", "electricity_info"]


def solve_product(
    ctx: ProductSystem, root: str, chain: list[str], model: TermModel
) -> tuple[LCAResult, pd.DataFrame]:
    """Solve the footprint of one declared unit of ``root`` and its contributions.

    Parameters
    ----------
    ctx : ProductSystem
        The plant's products.
    root : str
        The product whose footprint is asked.
    chain : list of str
        ``root`` and the in-plant products it uses, children first.
    model : TermModel
        The terms and edges of every product in ``chain``.

    Returns
    -------
    tuple
        The :class:`~greenchain.accounting.lca.LCAResult` and a table of contributions
        (``stage``, ``item``, ``product``, ``kgco2e``, ``share``).
    """
    bio: dict[tuple[tuple[str, str], str], float] = {}
    for t in model.terms:
        if t.activity in chain:
            key = (t.flow, t.activity)
            bio[key] = bio.get(key, 0.0) + t.weight * model.value(t.params)
    if not bio:
        raise field_error(
            ctx.source,
            "products",
            f"product {root!r}: nothing to count within the boundary (no "
            "plant emissions, materials or waste)",
        )
    exchanges: list[dict[str, Any]] = [
        {"kind": "production", "row": ("product", pid), "col": pid, "amount": 1.0} for pid in chain
    ]
    for e in model.edges:
        if e.parent in chain:
            amount = e.weight * model.values[e.param]
            exchanges.append(
                {
                    "kind": "technosphere",
                    "row": ("product", e.child),
                    "col": e.parent,
                    "amount": amount,
                }
            )
    for (flow, activity), amount in bio.items():
        exchanges.append(
            {"kind": "biosphere", "row": ("flow", *flow), "col": activity, "amount": amount}
        )
    m = build_matrices(exchanges)
    c = m.flow_vector(dict.fromkeys(m.flows, 1.0))
    lca = matrix_lca(m.technosphere, m.biosphere, c, m.demand_vector({("product", root): 1.0}))
    scaled = m.biosphere.toarray() * lca.supply[None, :]
    order = {s: i for i, s in enumerate(STAGES)}
    rows: list[tuple[Any, ...]] = []
    for label, k in m.flows.items():
        for col, j in m.activities.items():
            if scaled[k, j] != 0:
                rows.append((*tuple(label)[1:], col, float(scaled[k, j])))  # type: ignore[arg-type]
    df = pd.DataFrame(rows, columns=["stage", "item", "product", "kgco2e"])
    df["share"] = df["kgco2e"] / lca.score if lca.score else 0.0
    df["_order"] = df["stage"].map(lambda s: order.get(s, len(order)))
    df = df.sort_values(["_order", "kgco2e"], ascending=[True, False], kind="stable")
    return lca, df.drop(columns="_order").reset_index(drop=True)


def factor_table(audit: list[dict[str, Any]], inv: InventoryResult) -> pd.DataFrame:
    """The upstream factors (``audit``) and the plant inventory's factors in one table.

    Parameters
    ----------
    audit : list of dict
        The rows of the materials, packaging, waste and transport factors.
    inv : InventoryResult
        The plant inventory; its factors are listed as product ``(plant)``.

    Returns
    -------
    pandas.DataFrame
        Columns ``product``, ``stage``, ``item``, ``factor``, ``value``, ``unit``,
        ``source``, ``status``.
    """
    rows = list(audit)
    for r in inv.factor_table().to_dict("records"):
        family = str(r["key"]).split(".")[0]
        rows.append(
            {
                "product": "(plant)",
                "stage": "process" if family in ("carbonate", "wastewater") else "plant energy",
                "item": r["key"],
                "factor": r["key"],
                "value": r["value"],
                "unit": r["unit"],
                "source": f"{r['dataset']}, {r['source_ref']}" if r["source_ref"] else r["dataset"],
                "status": r["status"],
            }
        )
    cols = ["product", "stage", "item", "factor", "value", "unit", "source", "status"]
    return pd.DataFrame(rows, columns=cols)


def electricity_info(inv: InventoryResult, electricity: str, year: int) -> dict:
    """Which electricity factor the footprint used (basis, value, year, source).

    Parameters
    ----------
    inv : InventoryResult
        The plant inventory the footprint was built from.
    electricity : {"lifecycle", "grid"}
        The footprint's electricity option.
    year : int
        The year asked for (the factor's own year may be earlier).

    Returns
    -------
    dict
        ``basis``, ``requested_year``, ``factor`` (e.g. [kgCO2e/kWh], as ``unit``
        states), ``unit``, ``year``, ``region`` and, for a single factor, ``dataset``,
        ``source_ref`` and ``status``; lists when several grid factors were used.
    """
    basis = ELECTRICITY_BASES[electricity]
    grid = {(f.region, f.year): f for f in inv.factors_used if f.key == "electricity.grid"}
    info: dict[str, Any] = {"basis": basis, "requested_year": year}
    if len(grid) == 1:
        f = next(iter(grid.values()))
        info.update(
            factor=f.value,
            unit=f.unit,
            year=f.year,
            region=f.region,
            dataset=f.dataset,
            source_ref=f.source_ref,
            status=f.status,
        )
    elif not grid:
        info.update(
            factor=None, unit=None, year=None, region=None, note="the plant uses no electricity"
        )
    else:
        info.update(
            factor=[f.value for f in grid.values()],
            unit=next(iter(grid.values())).unit,
            year=[f.year for f in grid.values()],
            region=[f.region for f in grid.values()],
        )
    return info
