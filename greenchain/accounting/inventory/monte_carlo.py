"""Monte Carlo of a plant inventory: each row's emission as a product of uncertain parameters."""

from __future__ import annotations

import math
from typing import Any, Protocol

import numpy as np
import pandas as pd

from greenchain.accounting import emissions
from greenchain.accounting.uncertainty import MonteCarloResult
from greenchain.accounting.uncertainty.terms import (
    TermModel,
    distribution_from_spec,
    factor_distribution,
)
from greenchain.data import factors
from greenchain.data.plant_file import PlantData, PlantLike, plant_data
from greenchain.errors import InputError, collect_caveats


class InventoryLike(Protocol):
    """What the Monte Carlo reads of an inventory result (an ``InventoryResult``)."""

    activities: pd.DataFrame
    factors_used: list[factors.Factor]
    options: dict[str, Any]


__all__ = ["inventory_monte_carlo", "row_terms"]


def single_uncertain_factor(used: list[factors.Factor], key: str) -> factors.Factor | None:
    """The factor ``key`` if exactly one was used and it has an uncertainty.

    Parameters
    ----------
    used : list of Factor
        The factors an inventory used (``InventoryResult.factors_used``).
    key : str
        Factor key, e.g. ``"electricity.grid"`` or ``"heat.purchased"``.

    Returns
    -------
    Factor or None
        The one factor of that key (a single dataset, region, year and basis) when it
        states an uncertainty; ``None`` when none or several were used, or it has none.
    """
    found = {(f.key, f.dataset, f.region, f.year, f.basis): f for f in used if f.key == key}
    if len(found) == 1:
        f = next(iter(found.values()))
        return f if f.uncertainty is not None else None
    return None


def row_terms(
    inv: InventoryLike, data: PlantData | None, model: TermModel, source: str | None = None
) -> list[tuple[int, list[tuple[float, tuple[str, ...]]]]]:
    """Each inventory row's CO2e [t] as terms ``weight * prod(params)``.

    The amount of each row is a parameter (with ``energy[].uncertainty`` when given);
    database factors with an uncertainty (fuel NCV, carbon content, oxidation, a single
    grid or heat factor) are parameters shared by every row using them.

    Parameters
    ----------
    inv : InventoryResult
        The inventory whose rows are expanded.
    data : PlantData, optional
        The plant data whose ``energy[].uncertainty`` describes the amounts.
    model : TermModel
        Receives the parameters.
    source : str, optional
        The plant file's name, for messages.

    Returns
    -------
    list
        ``(row index, [(weight, parameter names), ...])`` for every row with an emission.
    """
    acts = inv.activities
    specs: dict[str, Any] = {}
    if data is not None:
        specs = {f"energy[{i}]": e.uncertainty for i, e in enumerate(data.energy)}
    fuel_dataset = inv.options.get("fuel_dataset", emissions.DEFAULT_FUEL_DATASET)
    shared = {
        k: single_uncertain_factor(inv.factors_used, k)
        for k in ("electricity.grid", "heat.purchased")
    }
    paths = acts["_path"].tolist() if "_path" in acts.columns else [None] * len(acts)
    # the columns as lists, once: a DataFrame lookup per row and column cost ~20 us
    col = {c: acts[c].tolist() for c in acts.columns if isinstance(c, str)}
    none = [None] * len(acts)
    fuels: dict[tuple[str, str], Any] = {}
    out: list[tuple[int, list[tuple[float, tuple[str, ...]]]]] = []
    for idx in range(len(acts)):
        co2e = float(col["co2e_t"][idx])
        if not co2e or not math.isfinite(co2e):
            continue
        path = str(paths[idx]) if isinstance(paths[idx], str) else f"records[{idx}]"
        category = str(col["category"][idx])
        if category == "industrial_process":
            out.append((idx, [(1.0, (model.param(path, co2e),))]))
            continue
        amount, unit = float(col["amount"][idx]), str(col["unit"][idx])
        where = f"{path}.uncertainty"
        dist = (
            distribution_from_spec(specs.get(path), amount, unit, where, source) if data else None
        )
        a = model.param(f"{path}.amount", amount, dist)
        if col["factor_key"][idx] == "explicit factor":  # amount x a fixed factor
            out.append((idx, [(co2e / amount, (a,))]))
            continue
        if category == "fuel_combustion":
            ds = col.get("dataset", none)[idx]
            ds = ds if isinstance(ds, str) and ds else fuel_dataset
            carrier = str(col["carrier"][idx])
            if (carrier, ds) not in fuels:  # looked up once per fuel and dataset
                with collect_caveats():  # the inventory already carries these caveats
                    try:
                        fuels[carrier, ds] = emissions.fuel_parameters(carrier, ds)
                    except InputError:
                        fuels[carrier, ds] = emissions.fuel_parameters(carrier, fuel_dataset)
            params = fuels[carrier, ds]
            unc: list[tuple[str, str]] = []
            for name in ("ncv", "carbon_content", "oxidation_rate"):
                f = getattr(params, name)
                name_col = f"measured_{name}"
                measured = col.get(name_col, none)[idx]
                if f.uncertainty is None or (measured is not None and pd.notna(measured)):
                    continue
                unc.append(
                    (name, model.param(f"{f.key} ({f.dataset})", f.value, factor_distribution(f)))
                )
            co2 = float(col["co2_t"][idx])
            full: tuple[str, ...] = (a, *(p for _, p in unc))
            terms = [(co2 / model.value(full), full)] if co2 else []
            rest = co2e - co2
            if rest:
                ncv_only: tuple[str, ...] = (a, *(p for n, p in unc if n == "ncv"))
                terms.append((rest / model.value(ncv_only), ncv_only))
        else:
            key = "electricity.grid" if col["carrier"][idx] == "electricity" else "heat.purchased"
            used = shared.get(key)
            params_: tuple[str, ...] = (a,)
            if used is not None:
                label = f"{used.key} ({used.dataset}, {used.region}, {used.year})"
                params_ = (a, model.param(label, used.value, factor_distribution(used)))
            terms = [(co2e / model.value(params_), params_)]
        out.append((idx, terms))
    return out


def inventory_monte_carlo(
    inventory_result: InventoryLike,
    plant: PlantData | PlantLike | None = None,
    n: int = 10_000,
    seed: np.random.Generator | int | None = None,
) -> MonteCarloResult:
    """Monte Carlo of a plant inventory's total [tCO2e].

    Parameters
    ----------
    inventory_result : InventoryResult
        From ``Plant.inventory()`` (or :func:`greenchain.accounting.inventory.from_records`).
    plant : PlantData or Plant, optional
        The plant (data) whose ``energy[].uncertainty`` describes the activity data (matched by
        the ``_path`` column of the records). Without it only factor uncertainty is
        sampled.
    n : int, default 10000
        Number of draws.
    seed : int, numpy.random.Generator or None
        Same seed, same inputs -> identical samples.

    Returns
    -------
    MonteCarloResult
        Samples of the total [tCO2e] and ``contribution_to_variance`` by input
        (``energy[3].amount``, ``fuel.diesel.ncv (IPCC 2006)`` ...).

    Notes
    -----
    Each row's emission is linear in its amount and a product of its uncertain factors
    (fuel: ``E = FC x NCV x CC x OF x 44/12`` plus CH4 and N2O, which scale with NCV), so
    the total is a polynomial of independent parameters, sampled with
    :func:`greenchain.accounting.uncertainty.monte_carlo_linear` (vectorised). Process emissions and
    factors without a stated uncertainty are fixed.

    Examples
    --------
    >>> import greenchain as gc
    >>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
    >>> inv = plant.inventory()
    >>> r = inventory_monte_carlo(inv, plant, n=1000, seed=1)
    >>> abs(r.deterministic - inv.total.m_as("tCO2e")) < 1e-6
    True
    """
    model = TermModel()
    weights: dict[tuple[str, ...], float] = {}
    data, source = plant_data(plant) if plant is not None else (None, None)
    for _, terms in row_terms(inventory_result, data, model, source):
        for w, params in terms:
            weights[params] = weights.get(params, 0.0) + w
    r = model.monte_carlo(weights, n, seed)
    r.info["unit"] = "tCO2e"
    return r
