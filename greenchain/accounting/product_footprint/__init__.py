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
  with electricity valued at the life-cycle (carbon-footprint) factor and, in a
  cradle-to-gate footprint, the supply chains of the fuels (``fuel_supply``:
  extraction, processing, transport; :mod:`greenchain.accounting.fuel_supply`), and
  are allocated to products: sub-metered entries go to their product, the rest is
  shared by mass, area, economic value or declared physical shares.

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

from typing import Any

import pint

from greenchain.accounting.fuel_supply import DEFAULT_SUPPLY_DATASET, check_supply_dataset
from greenchain.accounting.inventory.monte_carlo import inventory_monte_carlo, row_terms
from greenchain.accounting.product_footprint._constants import (
    ALLOCATIONS,
    BOUNDARIES,
    ELECTRICITY_BASES,
    STAGES,
)
from greenchain.accounting.product_footprint.allocation import allocate
from greenchain.accounting.product_footprint.fuel_rows import supply_terms
from greenchain.accounting.product_footprint.materials import product_terms
from greenchain.accounting.product_footprint.plant_rows import (
    ActivityRows,
    inventory_at_basis,
    row_flow,
    row_product,
)
from greenchain.accounting.product_footprint.result import FootprintResult
from greenchain.accounting.product_footprint.sensitivity import allocation_sensitivity
from greenchain.accounting.product_footprint.solve import (
    electricity_info,
    factor_table,
    solve_product,
)
from greenchain.accounting.product_footprint.system import ProductSystem
from greenchain.accounting.uncertainty.terms import Term, TermModel, field_error
from greenchain.data.gwp import normalise_report
from greenchain.data.plant_file import PlantData, PlantLike, plant_data
from greenchain.errors import (
    InputError,
    UnverifiedDataWarning,
    caveat,
    collect_caveats,
    emit_caveats,
)
from greenchain.units import Q_

#: the justification the sensitivity runs give economic allocation (never reported)
SENSITIVITY_ONLY = "allocation sensitivity run (ISO 14067:2018 6.4.6.2)"

__all__ = [
    "product_footprint",
    "inventory_monte_carlo",
    "FootprintResult",
    "STAGES",
    "BOUNDARIES",
    "ALLOCATIONS",
]


def product_footprint(
    plant: PlantData | PlantLike,
    product_id: str,
    *,
    allocation: str | None = None,
    boundary: str | None = None,
    electricity: str = "lifecycle",
    gwp: str = "AR6",
    year: int | None = None,
    justification: str | None = None,
    fuel_supply: str | None = DEFAULT_SUPPLY_DATASET,
) -> FootprintResult:
    """Carbon footprint of one plant product per declared unit (ISO 14067 / GB/T 24067).

    Parameters
    ----------
    plant : PlantData or Plant
        The plant data, or a plant (``greenchain.load_plant``).
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
    justification : str, optional
        Why economic allocation is used (ISO 14067:2018 6.4.6.2 step 3); overrides the
        plant file's ``allocation.justification``. Economic allocation without either
        is an error naming ``allocation.justification``.
    fuel_supply : str or None, default "DESNZ 2025"
        Factor set for the supply chains of the fuels burnt in the plant (extraction,
        processing, liquefaction, transport: stage ``fuel supply``), counted in a
        cradle-to-gate footprint so that fuels and electricity (life-cycle factor) are
        on the same basis. The shipped set is the UK government's well-to-tank factors,
        status ``unverified`` (no official Chinese set was found); a user factor file
        can supply another (keys ``fuel.<fuel>.supply_chain``). ``None`` leaves the
        fuel supply chains out (the result says so).

    Returns
    -------
    FootprintResult
        With :attr:`~FootprintResult.allocation_sensitivity`: the per-unit footprint
        under each allocation method whose data the plant file holds, when plant
        emissions are shared among several products.

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
    (12.6, 'single product')
    >>> r.by_stage()["stage"].tolist()
    ['materials', 'packaging', 'transport', 'plant energy', 'fuel supply', 'process']
    >>> round(product_footprint(plant, "porcelain_tile", fuel_supply=None).per_declared_unit, 2)
    11.41
    """
    data, source = plant_data(plant)
    args = (data, source, product_id)
    with collect_caveats() as caught:

        def footprint(method: str | None, why: str | None) -> FootprintResult:
            return _footprint(
                *args, method, boundary, electricity, gwp, year, fuel_supply, justification=why
            )

        result = footprint(allocation, justification)
        method = result.allocation["method"]
        if method in ALLOCATIONS:

            def run(other: str) -> tuple[float, float]:
                r = footprint(other, SENSITIVITY_ONLY)
                return r.per_declared_unit, r.allocation["shares"].get(product_id, 0.0)

            result.allocation_sensitivity = allocation_sensitivity(
                run,
                method,
                result.per_declared_unit,
                result.allocation["shares"].get(product_id, 0.0),
            )
    result.caveats = list(caught)
    result.warnings = [c.message for c in caught]
    emit_caveats(caught)
    return result


def _footprint(
    data: PlantData,
    source: str | None,
    product_id: str,
    allocation: str | None,
    boundary: str | None,
    electricity: str,
    gwp: str,
    year: int | None,
    fuel_supply: str | None,
    justification: str | None = None,
) -> FootprintResult:
    ctx = ProductSystem(data, source)
    p = data.product(product_id, source=source)
    spec = p.footprint
    boundary = boundary or (spec.boundary if spec is not None else "cradle_to_gate")
    if boundary not in BOUNDARIES:
        raise InputError(
            f"boundary must be one of {BOUNDARIES}, got {boundary!r}", field="boundary"
        )
    if electricity not in ELECTRICITY_BASES:
        raise InputError(
            f"electricity must be one of {tuple(ELECTRICITY_BASES)}, got {electricity!r}",
            field="electricity",
        )
    ar = normalise_report(gwp)
    audit: list[dict[str, Any]] = []
    model = TermModel()
    chain = ctx.chain(product_id)
    inv = inventory_at_basis(data, source, ELECTRICITY_BASES[electricity], ar, year)
    rows = row_terms(inv, data, model, source)
    supply: dict[int, tuple[float, tuple[str, ...]]] = {}
    if fuel_supply is not None:
        fuel_supply = check_supply_dataset(fuel_supply)
    if fuel_supply is not None and boundary == "cradle_to_gate":
        supply, supply_audit, missing = supply_terms(inv, rows, model, fuel_supply)
        audit.extend(supply_audit)
        if missing:
            caveat(
                f"no supply-chain factor in {fuel_supply!r} for {', '.join(missing)}: "
                "the supply chain of these fuels is not counted",
                UserWarning,
                field="fuel_supply",
            )
    acts = ActivityRows(inv.activities)
    row_products = {idx: row_product(acts, idx, ctx) for idx, _ in rows}
    needed = any(row_products[idx] is None for idx, _ in rows)
    alloc = allocate(ctx, allocation, chain, needed, justification)
    if alloc.get("justification") == SENSITIVITY_ONLY:
        del alloc["justification"]
    shares = alloc["shares"]
    if alloc.get("unallocated", 0.0) > 1e-9:
        caveat(
            f"physical shares leave {100 * alloc['unallocated']:.1f} % of the shared plant "
            "emissions allocated to no product",
            UserWarning,
            field="footprint.energy_share",
        )
    notes: list[str] = []
    for pid in chain:
        for idx, terms in rows:
            owner = row_products[idx]
            share = (1.0 if owner == pid else 0.0) if owner else shares.get(pid, 0.0)
            if share == 0:
                continue
            mult = 1000.0 * share / ctx.output[pid]  # tCO2e -> kgCO2e per declared unit
            flow = row_flow(acts, idx)
            for weight, params in terms:
                model.terms.append(Term(pid, flow, weight * mult, params))
            if idx in supply:
                weight, params = supply[idx]
                item = ("fuel supply", str(acts.cell(idx, "carrier")))
                model.terms.append(Term(pid, item, weight * mult, params))
        product_terms(ctx, pid, boundary, model, audit, notes)
    for note in notes:
        caveat(note, UserWarning)
    lca, contributions = solve_product(ctx, product_id, chain, model)
    unverified = sorted(
        f"{r['item']} ({r['product']})" for r in audit if r["status"] == "unverified"
    )
    if unverified:
        caveat("unverified upstream factors: " + ", ".join(unverified), UnverifiedDataWarning)
    if electricity == "lifecycle" and any(
        getattr(e, "supply", "grid") != "grid" for e in data.energy
    ):
        caveat(
            "electricity with green certificates or direct green supply is counted "
            "at the life-cycle grid factor (contractual instruments not applied)",
            UserWarning,
            field="supply",
        )
    i = ctx.index[product_id]
    return FootprintResult(
        product_id=product_id,
        product_name=p.name,
        plant_name=data.plant.name,
        region=data.plant.region,
        year=data.plant.year,
        declared_unit=ctx.declared[product_id],
        output=ctx.output[product_id],
        per_unit=Q_(lca.score, "kgCO2e") / ctx.declared[product_id],
        boundary=boundary,
        contributions=contributions,
        factors=factor_table(audit, inv),
        allocation=alloc,
        electricity=electricity_info(inv, electricity, year or data.plant.year),
        options={
            "gwp": ar,
            "electricity": electricity,
            "year": year,
            "fuel_supply": fuel_supply if boundary == "cradle_to_gate" else None,
        },
        warnings=[],
        primary_data_share=primary_data_share(spec, i, source),
        reference_period=spec.reference_period if spec is not None else None,
        product_mass=p.mass if isinstance(p.mass, pint.Quantity) else None,
        lca=lca,
        _model=model,
    )


def primary_data_share(spec: Any, i: int, source: str | None) -> float | None:
    """The product's share of primary (measured) data, checked to lie between 0 and 1.

    Parameters
    ----------
    spec : ProductFootprint or None
        The product's ``footprint`` section (None: no share).
    i : int
        Index of the product in ``products``, for the field named in errors.
    source : str, optional
        The plant file's name.

    Returns
    -------
    float or None
        ``footprint.primary_data_share`` [-], or None if not given.
    """
    share = spec.primary_data_share if spec is not None else None
    if share is not None and not 0 <= share <= 1:
        raise field_error(
            source,
            f"products[{i}].footprint.primary_data_share",
            f"primary_data_share must be a fraction in [0, 1], got {share}",
        )
    return share
