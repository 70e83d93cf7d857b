"""The fuel supply chains of a plant's inventory rows, as product-footprint terms."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from greenchain.accounting import emissions
from greenchain.accounting.fuel_supply import fuel_energy, supply_chain_factor
from greenchain.accounting.inventory import InventoryResult
from greenchain.accounting.uncertainty.terms import TermModel
from greenchain.errors import collect_caveats
from greenchain.units import Q_

__all__ = ["supply_terms"]

Terms = list[tuple[float, tuple[str, ...]]]


def supply_terms(
    inv: InventoryResult,
    rows: list[tuple[int, Terms]],
    model: TermModel,
    supply_dataset: str,
) -> tuple[dict[int, tuple[float, tuple[str, ...]]], list[dict[str, Any]], list[str]]:
    """The supply-chain emission of every fuel row, proportional to its amount.

    Parameters
    ----------
    inv : InventoryResult
        The plant inventory (its ``fuel_combustion`` rows are expanded).
    rows : list
        ``(row index, terms)`` of :func:`greenchain.accounting.inventory.row_terms`; the
        first parameter of a fuel row's terms is its amount.
    model : TermModel
        The footprint's parameters (the amounts are shared with the combustion terms).
    supply_dataset : str
        Supply-chain factor set, e.g. ``"DESNZ 2025"``.

    Returns
    -------
    terms : dict
        Row index -> ``(weight, params)`` giving the row's supply-chain emission [tCO2e].
    audit : list of dict
        One factor-table row per fuel used (stage ``fuel supply``).
    missing : list of str
        Fuels burnt for which the set has no factor (their supply chain is not counted).
    """
    acts = inv.activities
    fuel_dataset = inv.options.get("fuel_dataset", emissions.DEFAULT_FUEL_DATASET)
    out: dict[int, tuple[float, tuple[str, ...]]] = {}
    audit: dict[str, dict[str, Any]] = {}
    missing: list[str] = []
    # the columns as lists, once (a DataFrame lookup per row and column cost ~20 us),
    # and the energy of one unit of each fuel, unit, dataset and NCV, once
    col = {c: acts[c].tolist() for c in acts.columns if isinstance(c, str)}
    none = [None] * len(acts)
    per_unit: dict[tuple[Any, ...], Any] = {}
    factors: dict[str, Any] = {}  # fuel -> its supply-chain factor, looked up once
    for idx, terms in rows:
        if str(col["category"][idx]) != "fuel_combustion" or not terms:
            continue
        fuel = str(col["carrier"][idx])
        if fuel not in factors:
            factors[fuel] = supply_chain_factor(fuel, supply_dataset)
        factor = factors[fuel]
        if factor is None:
            if fuel not in missing:
                missing.append(fuel)
            continue
        ds = col.get("dataset", none)[idx]
        ds = ds if isinstance(ds, str) and ds else fuel_dataset
        measured = col.get("measured_ncv", none)[idx]
        ncv = float(measured) if measured is not None and pd.notna(measured) else None
        amount = float(col["amount"][idx])
        key = (fuel, str(col["unit"][idx]), ds, ncv)
        if key not in per_unit:  # tCO2e per unit of amount: proportional to the amount
            with collect_caveats():  # the inventory already carries the fuel's caveats
                energy = fuel_energy(fuel, Q_(1.0, key[1]), dataset=ds, ncv=ncv)
            per_unit[key] = float((energy * Q_(factor.value, factor.unit)).m_as("tCO2e"))
        t = per_unit[key] * amount
        if not t or not math.isfinite(t):
            continue
        a = terms[0][1][0]
        out[idx] = (t / model.value((a,)), (a,))
        audit.setdefault(
            fuel,
            {
                "product": "(plant)",
                "stage": "fuel supply",
                "item": fuel,
                "factor": factor.key,
                "value": factor.value,
                "unit": factor.unit,
                "source": f"{factor.dataset}, {factor.source_ref}",
                "status": factor.status,
            },
        )
    return out, list(audit.values()), missing
