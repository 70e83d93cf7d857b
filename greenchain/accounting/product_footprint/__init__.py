"""Product carbon footprints of plant products (ISO 14067 / GB/T 24067).

:func:`product_footprint` turns a plant file into the footprint of one product per
declared unit (``1 m^2`` of tile, ``1 pair`` of shoes):

* every product is an activity producing one declared unit. Its materials,
  purchased parts, packaging and process waste (``products[].footprint``) each carry a
  factor (a factor key or an explicit value such as ``"2.2 kgCO2e/kg"``); transport
  legs count distance x mass x a factor per t.km; an intermediate made in the same
  plant (``made_in_plant: <product id>``) is a technosphere input, and the system is
  solved with :func:`greenchain.accounting.lca.matrix_lca`, so bills of materials of any
  depth work;
* the plant's energy and process emissions come from the inventory machinery
  (:func:`greenchain.accounting.inventory.from_records`, :func:`~greenchain.accounting.inventory.process_emissions`)
  with electricity valued at the life-cycle (carbon-footprint) factor, and are
  allocated to products: sub-metered entries go to their product, the rest is shared
  by mass, area, economic value or declared physical shares.

Uncertainty format (plant file)
-------------------------------
``energy[].uncertainty``, ``materials[].uncertainty`` (also packaging and waste) and
``transport[].uncertainty`` take one mapping::

    {kind: normal, sd: "5 %"}          # sd relative ("5 %") or absolute ("0.01 kg")
    {kind: lognormal, gsd: 1.2}        # or sigma: 0.18 (sd of ln x)
    {kind: uniform, low: 0.20 kg, high: 0.26 kg}
    {kind: triangular, low: "10 %", high: "15 %"}   # mode = the value
    {kind: ci95, low: ..., high: ...}  # 95 % interval (IPCC reading)
    {kind: none}

``low``/``high`` are absolute bounds (a Quantity, or a number in the value's unit) or
a percentage, read as the deviation below (``low``) or above (``high``) the value. A
mapping describes the amount (a transport leg: the distance). To describe an explicit
factor as well, nest: ``{amount: {kind: normal, sd: "5 %"}, factor: {kind: uniform,
low: "30 %", high: "30 %"}}`` (transport: ``distance`` and ``factor``). Factors from
the database bring their own uncertainty (``Factor.uncertainty``, e.g. IPCC 95 %
bounds), read with :meth:`greenchain.accounting.uncertainty.Distribution.from_bounds`.

Examples
--------
>>> from greenchain.data.plant_file import PlantData
>>> from greenchain.interface.plant import Plant
>>> data = PlantData.model_validate({
...     "plant": {"name": "Demo", "region": "Fujian", "year": 2023},
...     "products": [{"id": "tile", "name": "Tile", "output": "1000 m^2",
...                   "footprint": {"declared_unit": "1 m^2", "materials": [
...                       {"name": "clay", "amount": "20 kg", "factor": "0.01 kgCO2e/kg"}]}}],
...     "energy": [{"carrier": "electricity", "amount": "10 MWh"}]})
>>> r = Plant(data).product_footprint("tile")  # warns: the clay factor is unverified
>>> round(r.per_unit.m_as("kgCO2e/m^2"), 4)     # 20 x 0.01 + 10000 x 0.6205 / 1000
6.405
>>> r.electricity["basis"], r.electricity["factor"], r.allocation["method"]
('lifecycle', 0.6205, 'single product')
"""

from __future__ import annotations

import math
import warnings
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pint

from greenchain.accounting import emissions
from greenchain.accounting import inventory as inventory_mod
from greenchain.accounting.lca import LCAResult, build_matrices, matrix_lca
from greenchain.accounting.uncertainty import MonteCarloResult
from greenchain.data import factors
from greenchain.data.gwp import normalise_report
from greenchain.errors import (
    AmbiguousFactor,
    FactorNotFound,
    FallbackWarning,
    InputError,
    UnitError,
    UnverifiedDataWarning,
)
from greenchain.units import Q_, unit_of

if TYPE_CHECKING:
    from greenchain.interface.plant import Plant

from greenchain.accounting.product_footprint._allocation import _allocation
from greenchain.accounting.product_footprint._constants import (
    _ELECTRICITY,
    _KEY,
    _LISTS,
    ALLOCATIONS,
    BOUNDARIES,
    STAGES,
)
from greenchain.accounting.product_footprint._model import (
    _as_quantity,
    _distribution,
    _Edge,
    _err,
    _factor_dist,
    _Model,
    _split_uncertainty,
    _Term,
)
from greenchain.accounting.product_footprint._result import FootprintResult

__all__ = [
    "product_footprint",
    "inventory_monte_carlo",
    "FootprintResult",
    "STAGES",
    "BOUNDARIES",
    "ALLOCATIONS",
]


# ============================================================================ products
class _Plant:
    """Product lookup, declared units and outputs of one plant."""

    def __init__(self, plant: Plant):
        self.plant = plant
        self.products = list(plant.data.products)
        self.index = {p.id: i for i, p in enumerate(self.products)}
        self.declared: dict[str, pint.Quantity] = {}
        self.output: dict[str, float] = {}
        for i, p in enumerate(self.products):
            self.declared[p.id], self.output[p.id] = self._unit_output(p, i)

    def _unit_output(self, p: Any, i: int) -> tuple[pint.Quantity, float]:
        where = f"products[{i}]"
        out = p.output
        if out is None or (out.magnitude if isinstance(out, pint.Quantity) else out) <= 0:
            raise _err(
                self.plant,
                f"{where}.output",
                f"product {p.id!r} has no output (annual output > 0 needed)",
            )
        if p.footprint is not None:
            declared = _as_quantity(
                p.footprint.declared_unit,
                f"{where}.footprint.declared_unit",
                f"product {p.id!r}: declared unit",
                self.plant,
            )
        else:
            declared = Q_(1.0, out.units) if isinstance(out, pint.Quantity) else Q_(1.0, "piece")
        if declared.magnitude <= 0:
            raise _err(
                self.plant,
                f"{where}.footprint.declared_unit",
                f"product {p.id!r}: declared unit must be > 0",
            )
        if not isinstance(out, pint.Quantity):
            return declared, float(out) / float(declared.magnitude)
        try:
            return declared, float((out / declared).m_as(""))
        except pint.errors.DimensionalityError:
            raise _err(
                self.plant,
                f"{where}.output",
                f"product {p.id!r}: output {out:~P} cannot be expressed in its declared unit "
                f"{declared:~P}",
                UnitError,
            ) from None

    def chain(self, root: str) -> list[str]:
        """``root`` and every product made in the plant that it uses, children first."""
        order: list[str] = []
        state: dict[str, str] = {}

        def visit(pid: str, trail: list[str]) -> None:
            if state.get(pid) == "done":
                return
            if state.get(pid) == "active":
                raise _err(
                    self.plant,
                    "made_in_plant",
                    "products made in the plant form a loop: " + " -> ".join([*trail, pid]),
                )
            state[pid] = "active"
            for where, m in self.inputs(pid):
                if m.made_in_plant is None:
                    continue
                if m.made_in_plant not in self.index:
                    raise _err(
                        self.plant,
                        f"{where}.made_in_plant",
                        f"product {pid!r}: {m.name!r} is made in plant "
                        f"{m.made_in_plant!r}, which is not a product id "
                        f"(products are {list(self.index)})",
                    )
                visit(m.made_in_plant, [*trail, pid])
            state[pid] = "done"
            order.append(pid)

        visit(root, [])
        return order

    def inputs(self, pid: str) -> list[tuple[str, Any]]:
        i = self.index[pid]
        spec = self.products[i].footprint
        if spec is None:
            return []
        return [
            (f"products[{i}].footprint.{name}[{k}]", m)
            for name in _LISTS
            for k, m in enumerate(getattr(spec, name))
        ]


# ============================================================================ plant rows
def _plant_inventory(
    plant: Plant, basis: str, ar: str, year: int | None
) -> inventory_mod.InventoryResult:
    """The plant inventory with electricity at ``basis`` (life-cycle: national factor)."""
    records = plant.records()
    if records.empty:
        records = pd.DataFrame({"carrier": [], "amount": [], "unit": []})
    if "dataset" in records.columns and records["dataset"].isna().all():
        records = records.drop(columns="dataset")
    if basis == "lifecycle" and len(records):
        records.loc[records["carrier"] == "electricity", "region"] = "national"
    process = inventory_mod.process_emissions(
        plant.data.process_emissions, gwp=ar, source=plant.source_name
    )
    return inventory_mod.from_records(
        records,
        gwp=ar,
        grid_basis=basis,
        grid_year=year,
        source=plant.source_name,
        process=process,
    )


def _one_factor(used: list[factors.Factor], key: str) -> factors.Factor | None:
    """The factor ``key`` if exactly one was used and it has an uncertainty."""
    found = {(f.key, f.dataset, f.region, f.year, f.basis): f for f in used if f.key == key}
    if len(found) == 1:
        f = next(iter(found.values()))
        return f if f.uncertainty is not None else None
    return None


def _row_terms(
    inv: inventory_mod.InventoryResult, plant: Plant | None, model: _Model
) -> list[tuple[int, list[tuple[float, tuple[str, ...]]]]]:
    """Each inventory row's CO2e [t] as terms ``weight * prod(params)``.

    The amount of each row is a parameter (with ``energy[].uncertainty`` when given);
    database factors with an uncertainty (fuel NCV, carbon content, oxidation, a single
    grid or heat factor) are parameters shared by every row using them.
    """
    acts = inv.activities
    specs: dict[str, Any] = {}
    if plant is not None:
        specs = {f"energy[{i}]": e.uncertainty for i, e in enumerate(plant.data.energy)}
    fuel_dataset = inv.options.get("fuel_dataset", emissions.DEFAULT_FUEL_DATASET)
    shared = {k: _one_factor(inv.factors_used, k) for k in ("electricity.grid", "heat.purchased")}
    paths = acts["_path"].tolist() if "_path" in acts.columns else [None] * len(acts)
    out: list[tuple[int, list[tuple[float, tuple[str, ...]]]]] = []
    for idx in range(len(acts)):
        co2e = float(acts["co2e_t"].iat[idx])
        if not co2e or not math.isfinite(co2e):
            continue
        path = str(paths[idx]) if isinstance(paths[idx], str) else f"records[{idx}]"
        category = str(acts["category"].iat[idx])
        if category == "industrial_process":
            out.append((idx, [(1.0, (model.param(path, co2e),))]))
            continue
        amount, unit = float(acts["amount"].iat[idx]), str(acts["unit"].iat[idx])
        where = f"{path}.uncertainty"
        dist = _distribution(specs.get(path), amount, unit, where, plant) if plant else None
        a = model.param(f"{path}.amount", amount, dist)
        if acts["factor_key"].iat[idx] == "explicit factor":  # amount x a fixed factor
            out.append((idx, [(co2e / amount, (a,))]))
            continue
        if category == "fuel_combustion":
            ds = acts["dataset"].iat[idx] if "dataset" in acts.columns else None
            ds = ds if isinstance(ds, str) and ds else fuel_dataset
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    params = emissions.fuel_parameters(str(acts["carrier"].iat[idx]), ds)
                except InputError:
                    params = emissions.fuel_parameters(str(acts["carrier"].iat[idx]), fuel_dataset)
            unc: list[tuple[str, str]] = []
            for name in ("ncv", "carbon_content", "oxidation_rate"):
                f = getattr(params, name)
                col = f"measured_{name}"
                measured = acts[col].iat[idx] if col in acts.columns else None
                if f.uncertainty is None or (measured is not None and pd.notna(measured)):
                    continue
                unc.append((name, model.param(f"{f.key} ({f.dataset})", f.value, _factor_dist(f))))
            co2 = float(acts["co2_t"].iat[idx])
            full: tuple[str, ...] = (a, *(p for _, p in unc))
            terms = [(co2 / model.value(full), full)] if co2 else []
            rest = co2e - co2
            if rest:
                ncv_only: tuple[str, ...] = (a, *(p for n, p in unc if n == "ncv"))
                terms.append((rest / model.value(ncv_only), ncv_only))
        else:
            key = (
                "electricity.grid"
                if acts["carrier"].iat[idx] == "electricity"
                else "heat.purchased"
            )
            used = shared.get(key)
            params_: tuple[str, ...] = (a,)
            if used is not None:
                label = f"{used.key} ({used.dataset}, {used.region}, {used.year})"
                params_ = (a, model.param(label, used.value, _factor_dist(used)))
            terms = [(co2e / model.value(params_), params_)]
        out.append((idx, terms))
    return out


def _row_flow(acts: pd.DataFrame, idx: int) -> tuple[str, str]:
    carrier = str(acts["carrier"].iat[idx])
    category = str(acts["category"].iat[idx])
    if category == "industrial_process":
        return ("process", carrier)
    if category == "exported_energy":
        return ("plant energy", f"{carrier} (exported)")
    return ("plant energy", carrier)


def _row_product(acts: pd.DataFrame, idx: int, ctx: _Plant) -> str | None:
    path = acts["_path"].iat[idx] if "_path" in acts.columns else None
    if isinstance(path, str) and path.startswith("process_emissions["):
        i = int(path[len("process_emissions[") : -1])
        pid = ctx.plant.data.process_emissions[i].product
        if pid is not None and pid not in ctx.index:
            raise _err(
                ctx.plant,
                f"{path}.product",
                f"{pid!r} is not a product id (products are {list(ctx.index)})",
            )
        return pid
    value = acts["product"].iat[idx] if "product" in acts.columns else None
    return value if isinstance(value, str) and value else None


# ============================================================================ materials
def _factor(
    raw: Any, unc: Any, where: str, label: str, plant: Plant, model: _Model
) -> tuple[str, Any, dict[str, Any]]:
    """(parameter name, unit, audit row) of a material or transport factor."""
    if raw is None:
        raise _err(
            plant,
            f"{where}.factor",
            f"{label} has no factor; give a factor key or a value with "
            "its unit, e.g. '2.2 kgCO2e/kg' (a missing factor is never taken as zero)",
        )
    key = _KEY.match(raw.strip()) if isinstance(raw, str) else None
    if key is not None:
        try:
            f = factors.get(key.group(1), dataset=key.group(2))
        except (FactorNotFound, AmbiguousFactor) as exc:
            raise type(exc)(
                f"{label}: {exc.message}", field=f"{where}.factor", source=plant.source_name
            ) from None
        dist = _factor_dist(f)
        name = f"{f.key} ({f.dataset})"
        if unc is not None:
            dist = _distribution(unc, f.value, f.unit, f"{where}.uncertainty.factor", plant)
            name = f"{where}.factor"
        audit = {
            "factor": f.key,
            "value": f.value,
            "unit": f.unit,
            "source": f.citation(),
            "status": f.status,
        }
        return model.param(name, f.value, dist), unit_of(f.unit), audit
    q = _as_quantity(raw, f"{where}.factor", f"{label}: factor", plant, "2.2 kgCO2e/kg")
    unit = f"{q.units:~P}"
    dist = _distribution(unc, float(q.magnitude), q.units, f"{where}.uncertainty.factor", plant)
    name = model.param(f"{where}.factor", float(q.magnitude), dist)
    return name, q.units, {"factor": "explicit", "value": float(q.magnitude), "unit": unit}


def _conversion(units: list[Any], where: str, message: str, plant: Plant) -> float:
    """kgCO2e per (1 of each unit multiplied); UnitError with ``message`` if not a mass."""
    q = Q_(1.0, "")
    for u in units:
        q = q * (u if isinstance(u, pint.Quantity) else Q_(1.0, u))
    try:
        return float(q.m_as("kgCO2e"))
    except pint.errors.DimensionalityError:
        raise _err(
            plant, where, f"{message} (the product is {q.units:~P}, not kgCO2e)", UnitError
        ) from None


def _product_terms(
    ctx: _Plant, pid: str, boundary: str, model: _Model, audit: list[dict], notes: list[str]
) -> None:
    plant = ctx.plant
    for where, m in ctx.inputs(pid):
        listname = where.rsplit(".", 1)[1].split("[")[0]
        stage = m.stage if (listname == "materials" or m.stage != "materials") else listname
        kind = {"materials": "material"}.get(listname, listname)
        label = f"product {pid!r}, {kind} {m.name!r}"
        amount = _as_quantity(m.amount, f"{where}.amount", label, plant)
        unc_amount, unc_factor = _split_uncertainty(
            m.uncertainty, "amount", f"{where}.uncertainty", plant
        )
        dist = _distribution(
            unc_amount, float(amount.magnitude), amount.units, f"{where}.uncertainty", plant
        )
        a = model.param(f"{where}.amount", float(amount.magnitude), dist)
        counted = boundary == "cradle_to_gate" or listname == "waste"
        if m.made_in_plant is not None:
            if m.factor is not None:
                raise _err(
                    plant,
                    f"{where}.factor",
                    f"{label} is made in the plant ({m.made_in_plant!r}); give no factor",
                )
            child = ctx.declared[m.made_in_plant]
            try:
                w = float(Q_(1.0, amount.units).m_as(child.units)) / float(child.magnitude)
            except pint.errors.DimensionalityError:
                raise _err(
                    plant,
                    f"{where}.amount",
                    f"{label}: amount {amount:~P} cannot be expressed in the "
                    f"declared unit of {m.made_in_plant!r} ({child:~P})",
                    UnitError,
                ) from None
            model.edges.append(_Edge(pid, m.made_in_plant, w, a))
        elif counted:
            f, funit, row = _factor(m.factor, unc_factor, where, label, plant, model)
            conv = _conversion(
                [amount.units, funit],
                f"{where}.factor",
                f"{label}: a factor in {funit:~P} cannot be applied to an amount "
                f"in {amount.units:~P}",
                plant,
            )
            model.terms.append(_Term(pid, (stage, m.name), conv, (a, f)))
            row.setdefault("source", m.factor_source or "not given")
            row.setdefault("status", m.factor_status)
            audit.append({"product": pid, "stage": stage, "item": m.name, **row})
        if boundary != "cradle_to_gate":
            continue
        for k, leg in enumerate(m.transport):
            lw = f"{where}.transport[{k}]"
            mass = amount.units
            if not amount.check("[mass]"):
                child_p = ctx.products[ctx.index[m.made_in_plant]] if m.made_in_plant else None
                if child_p is None or not isinstance(child_p.mass, pint.Quantity):
                    raise _err(
                        plant,
                        lw,
                        f"{label}: transport needs the mass of the material; "
                        f"give its amount in kg or t (got {amount:~P})",
                        UnitError,
                    )
                mass = Q_(1.0, amount.units) * child_p.mass
            dist_q = (
                leg.distance if isinstance(leg.distance, pint.Quantity) else Q_(leg.distance, "km")
            )
            unc_d, unc_f = _split_uncertainty(
                leg.uncertainty, "distance", f"{lw}.uncertainty", plant
            )
            d = model.param(
                f"{lw}.distance",
                float(dist_q.magnitude),
                _distribution(
                    unc_d, float(dist_q.magnitude), dist_q.units, f"{lw}.uncertainty", plant
                ),
            )
            tlabel = f"{label}, transport by {leg.mode}"
            f, funit, row = _factor(leg.factor, unc_f, lw, tlabel, plant, model)
            conv = _conversion(
                [dist_q.units, mass, funit],
                f"{lw}.factor",
                f"{tlabel}: a factor in {funit:~P} cannot be applied to distance x mass",
                plant,
            )
            item = f"{m.name} ({leg.mode})"
            model.terms.append(_Term(pid, ("transport", item), conv, (d, a, f)))
            row.setdefault("source", leg.factor_source or "not given")
            row.setdefault("status", leg.factor_status)
            audit.append({"product": pid, "stage": "transport", "item": item, **row})
    if ctx.products[ctx.index[pid]].footprint is None:
        notes.append(f"product {pid!r} has no footprint section: only plant emissions counted")


# ============================================================================ entry points
def product_footprint(
    plant: Plant,
    product_id: str,
    *,
    allocation: str | None = None,
    boundary: str | None = None,
    electricity: str = "lifecycle",
    gwp: str = "AR6",
    year: int | None = None,
) -> FootprintResult:
    """Carbon footprint of one plant product per declared unit (ISO 14067 / GB/T 24067).

    Parameters
    ----------
    plant : Plant
        The plant (``greenchain.load_plant``).
    product_id : str
        ``products[].id`` of the product.
    allocation : {"mass", "area", "economic", "physical"}, optional
        How the plant emissions that are not sub-metered are shared among products:
        by output mass (output x ``products[].mass``), output area [m^2], output value
        (``products[].value``) or declared fractions (``footprint.energy_share``,
        summing to at most 1). Default: ``physical`` if any product gives
        ``energy_share``; the whole plant when it makes one product; else
        ``allocation.method`` of the plant file; else an error.
    boundary : {"cradle_to_gate", "gate_to_gate"}, optional
        Default: the product's ``footprint.boundary`` (``cradle_to_gate``).
        ``gate_to_gate`` counts plant energy, process emissions and waste only.
    electricity : {"lifecycle", "grid"}, default "lifecycle"
        ``lifecycle``: the national electricity carbon-footprint factor [kgCO2e/kWh];
        ``grid``: the inventory's location-based (``average``) grid factor of the
        plant's region.
    gwp : str, default "AR6"
        GWP set for CH4 and N2O of combustion and process emissions.
    year : int, optional
        Electricity factor year (default: the plant year; an unpublished year falls
        back to the latest earlier one, with a warning).

    Returns
    -------
    FootprintResult

    Raises
    ------
    InputError
        A missing factor, an output of zero, physical shares summing to more than 1,
        no allocation for a multi-product plant, a loop of in-plant products; each
        names the product and the field (``products[0].footprint.materials[2].factor``).
    UnitError
        A factor that does not fit its amount (a kg factor on an m^2 amount), an output
        not convertible to the declared unit.

    Warns
    -----
    UnverifiedDataWarning
        Factors marked ``unverified`` (shipped or explicit) were used.
    FallbackWarning
        The electricity factor of an earlier year was used.

    Notes
    -----
    With ``A`` the technosphere matrix of the plant's products (1 on the diagonal,
    ``-a_ij`` for ``a_ij`` declared units of intermediate ``i`` per unit of ``j``),
    ``B`` the kgCO2e of each contribution per declared unit of each product and
    ``f`` = 1 unit of the product: ``A s = f``, footprint ``= 1^T B s``.
    Each product's direct column is

    .. math:: b_j = \\sum_m q_m EF_m + \\sum_{m,l} d_{ml} M_m EF_{ml}
              + \\frac{1000}{Q_j}\\Big(\\sum_{r \\in j} E_r + \\alpha_j \\sum_{r\\ shared} E_r\\Big)

    with ``q_m`` the amount and ``EF_m`` the factor of material, packaging or waste
    ``m``, ``d`` distance, ``M`` mass and ``EF_ml`` factor per t.km of transport leg
    ``l``, ``E_r`` the plant emissions [tCO2e] of inventory row ``r``, ``Q_j`` the
    output in declared units and ``alpha_j`` the allocation share.

    References
    ----------
    ISO 14067:2018 Greenhouse gases -- Carbon footprint of products (GB/T 24067-2024):
    declared unit, system boundary, allocation hierarchy, electricity, data quality.
    Heijungs R., Suh S. (2002) *The Computational Structure of Life Cycle Assessment*.

    Examples
    --------
    >>> import greenchain as gc
    >>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
    >>> r = product_footprint(plant, "porcelain_tile")
    >>> round(r.per_unit.m_as("kgCO2e/m^2"), 2), r.allocation["method"]
    (11.41, 'single product')
    >>> r.by_stage()["stage"].tolist()
    ['materials', 'packaging', 'transport', 'plant energy', 'process']
    """
    ctx = _Plant(plant)
    p = plant.product(product_id)
    spec = p.footprint
    boundary = boundary or (spec.boundary if spec is not None else "cradle_to_gate")
    if boundary not in BOUNDARIES:
        raise InputError(
            f"boundary must be one of {BOUNDARIES}, got {boundary!r}", field="boundary"
        )
    if electricity not in _ELECTRICITY:
        raise InputError(
            f"electricity must be one of {tuple(_ELECTRICITY)}, got {electricity!r}",
            field="electricity",
        )
    ar = normalise_report(gwp)
    notes: list[str] = []
    audit: list[dict[str, Any]] = []
    model = _Model()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        chain = ctx.chain(product_id)
        inv = _plant_inventory(plant, _ELECTRICITY[electricity], ar, year)
        rows = _row_terms(inv, plant, model)
        acts = inv.activities
        row_products = {idx: _row_product(acts, idx, ctx) for idx, _ in rows}
        needed = any(row_products[idx] is None for idx, _ in rows)
        alloc = _allocation(ctx, allocation, chain, needed)
        shares = alloc["shares"]
        if alloc.get("unallocated", 0.0) > 1e-9:
            notes.append(
                f"physical shares leave {100 * alloc['unallocated']:.1f} % of the shared plant "
                "emissions allocated to no product"
            )
        for pid in chain:
            for idx, terms in rows:
                owner = row_products[idx]
                share = (1.0 if owner == pid else 0.0) if owner else shares.get(pid, 0.0)
                if share == 0:
                    continue
                mult = 1000.0 * share / ctx.output[pid]  # tCO2e -> kgCO2e per declared unit
                flow = _row_flow(acts, idx)
                for weight, params in terms:
                    model.terms.append(_Term(pid, flow, weight * mult, params))
            _product_terms(ctx, pid, boundary, model, audit, notes)
    messages = list(inv.warnings) + notes
    for caught_warning in caught:
        text = str(caught_warning.message)
        if text not in messages and not text.startswith("results use unverified factors"):
            messages.append(text)
    lca, contributions = _solve(ctx, product_id, chain, model)
    factor_table = _factor_table(audit, inv)
    unverified = sorted(
        f"{r['item']} ({r['product']})" for r in audit if r["status"] == "unverified"
    )
    if unverified:
        messages.append("unverified upstream factors: " + ", ".join(unverified))
    if electricity == "lifecycle" and (plant.records().get("supply", pd.Series()) != "grid").any():
        messages.append(
            "electricity with green certificates or direct green supply is counted "
            "at the life-cycle grid factor (contractual instruments not applied)"
        )
    for text in messages:
        cat = (
            FallbackWarning
            if "using" in text
            else (UnverifiedDataWarning if "unverified" in text else UserWarning)
        )
        warnings.warn(text, cat, stacklevel=2)
    i = ctx.index[product_id]
    return FootprintResult(
        product_id=product_id,
        product_name=p.name,
        plant_name=plant.data.plant.name,
        region=plant.data.plant.region,
        year=plant.data.plant.year,
        declared_unit=ctx.declared[product_id],
        output=ctx.output[product_id],
        per_unit=Q_(lca.score, "kgCO2e") / ctx.declared[product_id],
        boundary=boundary,
        contributions=contributions,
        factors=factor_table,
        allocation=alloc,
        electricity=_electricity_info(inv, electricity, year or plant.data.plant.year),
        options={"gwp": ar, "electricity": electricity, "year": year},
        warnings=messages,
        primary_data_share=_primary_share(spec, i, plant),
        reference_period=spec.reference_period if spec is not None else None,
        product_mass=p.mass if isinstance(p.mass, pint.Quantity) else None,
        lca=lca,
        _model=model,
    )


def _primary_share(spec: Any, i: int, plant: Plant) -> float | None:
    share = spec.primary_data_share if spec is not None else None
    if share is not None and not 0 <= share <= 1:
        raise _err(
            plant,
            f"products[{i}].footprint.primary_data_share",
            f"primary_data_share must be a fraction in [0, 1], got {share}",
        )
    return share


def _solve(
    ctx: _Plant, root: str, chain: list[str], model: _Model
) -> tuple[LCAResult, pd.DataFrame]:
    bio: dict[tuple[tuple[str, str], str], float] = {}
    for t in model.terms:
        if t.activity in chain:
            key = (t.flow, t.activity)
            bio[key] = bio.get(key, 0.0) + t.weight * model.value(t.params)
    if not bio:
        raise _err(
            ctx.plant,
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


def _factor_table(audit: list[dict[str, Any]], inv: inventory_mod.InventoryResult) -> pd.DataFrame:
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


def _electricity_info(inv: inventory_mod.InventoryResult, electricity: str, year: int) -> dict:
    basis = _ELECTRICITY[electricity]
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


def inventory_monte_carlo(
    inventory_result: inventory_mod.InventoryResult,
    plant: Plant | None = None,
    n: int = 10_000,
    seed: np.random.Generator | int | None = None,
) -> MonteCarloResult:
    """Monte Carlo of a plant inventory's total [tCO2e].

    Parameters
    ----------
    inventory_result : InventoryResult
        From ``Plant.inventory()`` (or :func:`greenchain.accounting.inventory.from_records`).
    plant : Plant, optional
        The plant whose ``energy[].uncertainty`` describes the activity data (matched by
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
    model = _Model()
    weights: dict[tuple[str, ...], float] = {}
    for _, terms in _row_terms(inventory_result, plant, model):
        for w, params in terms:
            weights[params] = weights.get(params, 0.0) + w
    r = model.monte_carlo(weights, n, seed)
    r.info["unit"] = "tCO2e"
    return r
