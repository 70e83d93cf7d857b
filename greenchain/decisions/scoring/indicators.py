"""Green-factory indicators computed from a plant file, and the plant's score.

The indicator values come from the modules that already compute them — the
inventory (carbon), the energy accounting (comprehensive energy, intensity),
GB 21252 grading (benchmark and leading values for tiles) — and from the plant
file's ``site``, ``water``, ``waste``, ``projects``, ``economics`` and
``green_factory`` sections. Nothing is computed a second time here.

Definitions used (each documented with its indicator):

* renewable share = renewable electricity (on-site, direct green supply and green
  certificates) at equal value / comprehensive energy × 100 %;
* water reuse rate = water reused / (reused + withdrawal) × 100 % (or / total use
  when ``water.total_use`` is given) — the 工业用水重复利用率 definition;
* solid-waste utilisation = utilised / (generated + stock utilised) × 100 %;
* plot ratio = floor area / land area; building coefficient = building footprint /
  land area × 100 %; output value per land = output value / land area;
* retrofit projects per year = projects in the last three years / 3; investment
  share = their investment / ``economics.fixed_investment`` × 100 %.

Every function takes the plant data (:class:`~greenchain.data.plant_file.PlantData`,
with ``source=`` the file name for messages) or a plant, whose data and file name are
used. The what-if of a retrofit package is
:func:`greenchain.decisions.scoring.with_measures.score_with_measures`.

Examples
--------
>>> import warnings, greenchain as gc
>>> data = gc.load_plant(gc.example_path("tile_plant.yaml")).data
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")
...     values = plant_indicators(data)
>>> round(values["plot_ratio"].m_as(""), 2), round(values["building_coefficient"].m, 1)
(0.7, 45.0)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pint

from greenchain.accounting.energy import EnergyResult, plant_energy
from greenchain.accounting.inventory import InventoryResult, plant_inventory
from greenchain.data.plant_file import PlantData, PlantLike, Product, plant_data
from greenchain.decisions.grading import product_limits
from greenchain.decisions.scoring.engine import score
from greenchain.decisions.scoring.evidence import load_evidence
from greenchain.decisions.scoring.result import ScoreResult
from greenchain.decisions.scoring.schemes import Scheme, load_scheme
from greenchain.errors import collect_caveats, emit_caveats
from greenchain.units import Q_

__all__ = ["plant_indicators", "plant_references", "plant_score"]

_GREEN_SUPPLY = ("onsite_renewable", "direct_green", "green_certificate")


def _ratio(num: Any, den: Any, unit: str) -> pint.Quantity | None:
    if num is None or den is None:
        return None
    den_q = den if isinstance(den, pint.Quantity) else Q_(den, "")
    if den_q.magnitude == 0:
        return None
    return (num / den_q).to(unit)


def _graded_products(data: PlantData) -> list[tuple[Product, Any]]:
    """The products graded against GB 21252 (their limits), in plant-file order."""
    out = []
    for p in data.products:
        limits = product_limits(p)
        if limits is not None and limits.kind == "gb21252":
            out.append((p, limits))
    return out


def plant_references(
    data: PlantData | PlantLike,
    energy: EnergyResult | None = None,
    *,
    source: str | None = None,
) -> dict[str, Any]:
    """Benchmark/leading references from the national limit standards (GB 21252-2023).

    For up to three products with ``attributes.limit_product`` (the top three by
    energy), the level values are combined with each product's energy (tce) as
    weight, the same weights the 2025 indicator table prescribes for the value.

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
    dict
        ``energy_limit_level1``, ``energy_limit_level2``, ``energy_limit_level3``
        (Quantities in the products' limit unit); empty when no product is graded.

    Examples
    --------
    >>> import greenchain as gc
    >>> data = gc.load_plant(gc.example_path("tile_plant.yaml")).data
    >>> plant_references(data)["energy_limit_level2"]
    <Quantity(5.5, 'kilogram_coal_equivalent / meter ** 2')>
    """
    data, source = plant_data(data, source)
    graded = _graded_products(data)
    if not graded:
        return {}
    if energy is None:
        energy = plant_energy(data, source)
    weights, levels = [], []
    for p, product in graded:
        limits = product.limits()
        weights.append(energy.product_energy(p.id).m_as("tce"))
        levels.append((limits.level_1, limits.level_2, limits.level_3))
    order = sorted(range(len(graded)), key=lambda i: -weights[i])[:3]
    total = sum(weights[i] for i in order) or 1.0
    out = {}
    for level in (1, 2, 3):
        unit = levels[order[0]][level - 1].units
        out[f"energy_limit_level{level}"] = sum(
            levels[i][level - 1].to(unit) * weights[i] / total for i in order
        )
    return out


def plant_indicators(
    data: PlantData | PlantLike,
    *,
    inventory: InventoryResult | None = None,
    energy: EnergyResult | None = None,
    source: str | None = None,
) -> dict[str, Any]:
    """Compute every indicator the plant file supports; missing data gives ``None``.

    Parameters
    ----------
    data : PlantData or Plant
        The plant data (or a plant, whose ``data`` is used).
    inventory : InventoryResult, optional
        The plant's inventory (computed when omitted).
    energy : EnergyResult, optional
        The plant's energy account (computed when omitted).
    source : str, optional
        The plant file's name, named in messages (default: the plant's).

    Returns
    -------
    dict
        ``{indicator_id: Quantity or None}`` with the ids of both schemes; the scoring
        engine reports ``None`` as "no data" (scored zero and listed in gaps).
    """
    d, source = plant_data(data, source)
    inventory = inventory if inventory is not None else plant_inventory(d, source)
    energy = energy if energy is not None else plant_energy(d, source)
    out: dict[str, Any] = {}
    output_value = d.economics.output_value
    total_tce = energy.total

    products = [p for p, _ in _graded_products(d)]
    if products:
        weights = {p.id: energy.product_energy(p.id).m_as("tce") for p in products}
        top = sorted(products, key=lambda p: -weights[p.id])[:3]
        total = sum(weights[p.id] for p in top) or 1.0
        unit = energy.intensity(top[0].id).units
        out["energy_intensity_product"] = sum(
            energy.intensity(p.id).to(unit) * weights[p.id] / total for p in top
        )
        out["energy_per_product"] = out["energy_intensity_product"]
    elif output_value is not None:
        out["energy_intensity_output_value"] = _ratio(total_tce, output_value, "kgce/wan_yuan")
    if "energy_per_product" not in out and len(d.products) == 1:
        out["energy_per_product"] = energy.intensity(d.products[0].id)
    out["carbon_intensity_output_value"] = _ratio(inventory.total, output_value, "kgCO2e/wan_yuan")
    if len(d.products) == 1:
        out["carbon_per_product"] = _ratio(
            inventory.total, d.products[0].output, f"kgCO2e/({d.products[0].output.units:~})"
        )
    acts = energy.activities
    green = acts["supply"].isin(_GREEN_SUPPLY) if "supply" in acts.columns else None
    if green is not None and total_tce.magnitude > 0:
        out["renewable_share"] = Q_(
            float(acts.loc[green, "tce"].sum()) / total_tce.magnitude * 100, "percent"
        )
    platform = d.green_factory.get("platform_functions")
    out["energy_carbon_platform"] = list(platform) if platform is not None else None
    water = d.water
    out["water_intake_output_value"] = _ratio(water.withdrawal, output_value, "m^3/wan_yuan")
    if water.reused is not None and (water.total_use is not None or water.withdrawal is not None):
        den = water.total_use if water.total_use is not None else water.reused + water.withdrawal
        out["water_reuse_rate"] = _ratio(water.reused, den, "percent")
        out["wastewater_reuse_rate"] = None  # needs treated-wastewater data, not water reuse
    waste = d.waste
    if waste.generated is not None and waste.utilised is not None:
        den = waste.generated + (
            waste.stock_utilised if waste.stock_utilised is not None else 0 * waste.generated
        )
        out["solid_waste_utilisation"] = _ratio(waste.utilised, den, "percent")
    if "advanced_equipment" in d.green_factory:
        out["advanced_equipment_count"] = Q_(len(d.green_factory["advanced_equipment"]), "")
    year = d.plant.year
    recent = [p for p in d.projects if year - 3 < p.year <= year]
    if d.projects:
        out["retrofit_projects_per_year"] = Q_(len(recent) / 3, "")
    invested = [p.investment for p in recent if p.investment is not None]
    if invested and d.economics.fixed_investment is not None:
        out["retrofit_investment_share"] = _ratio(
            sum(invested[1:], invested[0]), d.economics.fixed_investment, "percent"
        )
    if "emission_concentration_margin" in d.green_factory:
        out["emission_concentration_margin"] = Q_(
            float(d.green_factory["emission_concentration_margin"]), "percent"
        )
    if d.products:
        with_fp = sum(1 for p in d.products if p.footprint is not None)
        out["carbon_footprint_share"] = Q_(with_fp / len(d.products) * 100, "percent")
    site = d.site
    out["output_value_per_land"] = _ratio(output_value, site.land_area, "wan_yuan/m^2")
    out["building_coefficient"] = _ratio(site.building_footprint, site.land_area, "percent")
    out["plot_ratio"] = _ratio(site.floor_area, site.land_area, "")
    if len(d.products) == 1 and site.land_area is not None:
        p = d.products[0]
        out["output_per_land"] = _ratio(p.output, site.land_area, f"({p.output.units:~})/m^2")
    return out


def _plant_evidence(data: PlantData, scheme: Scheme) -> Any:
    """The plant file's ``green_factory.evidence`` for ``scheme``.

    Evidence may be keyed by scheme (``{gbt36132-2025: {...}, "GB/T 36132-2018": {...}}``)
    because gate and item ids differ between schemes; an unkeyed mapping is used as is.
    """
    evidence = data.green_factory.get("evidence")
    if not isinstance(evidence, dict):
        return evidence
    names = {scheme.id, scheme.document}
    keyed = [k for k in evidence if k in names or str(k).startswith(("gbt", "GB/T"))]
    if not keyed:
        return evidence
    for key in keyed:
        if key in names:
            return evidence[key]
    return None


def _scheme_references(scheme: Scheme) -> set[str]:
    refs = set()
    for ind in scheme.indicators:
        for value in (getattr(ind, "benchmark", None), getattr(ind, "leading", None)):
            if isinstance(value, str):
                refs.add(value)
    return refs


def plant_score(
    data: PlantData | PlantLike,
    scheme: str | Path | Scheme = "GB/T 36132-2025",
    *,
    evidence: Any = None,
    source: str | None = None,
    **options: Any,
) -> ScoreResult:
    """Score a plant against a green-factory scheme.

    Parameters
    ----------
    data : PlantData or Plant
        The plant data (``greenchain.load_plant(path).data``), or a plant, whose
        ``data`` is used.
    scheme : str, Path or Scheme
        ``"GB/T 36132-2025"`` (default), ``"GB/T 36132-2018"`` or a user scheme file.
    evidence : str, Path or mapping, optional
        Checklist answers and gate results (YAML file, see
        :func:`greenchain.decisions.scoring.load_evidence`); defaults to the plant file's
        ``green_factory.evidence`` mapping when present.
    source : str, optional
        The plant file's name, named in messages (default: the plant's).
    **options
        Passed to :func:`greenchain.decisions.scoring.score` (``points``, ``benchmarks``,
        ``references``, ``strict`` …); explicit ``indicators`` override computed ones.

    Returns
    -------
    ScoreResult

    Warns
    -----
    IncompleteScoreWarning, UnverifiedDataWarning
        As :func:`greenchain.decisions.scoring.score`; the inventory's and energy
        account's warnings are passed on too.

    Examples
    --------
    >>> import warnings
    >>> import greenchain as gc
    >>> data = gc.load_plant(gc.example_path("tile_plant.yaml")).data
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     result = plant_score(data)
    >>> result.gates_passed, round(result.total, 2) <= result.max_total
    (True, True)
    """
    data, source = plant_data(data, source)
    scheme_obj = scheme if isinstance(scheme, Scheme) else load_scheme(scheme)
    with collect_caveats() as caught:
        inventory, energy = plant_inventory(data, source), plant_energy(data, source)
        indicators = plant_indicators(data, inventory=inventory, energy=energy, source=source)
        indicators.update(options.pop("indicators", {}) or {})
        known = {ind.id for ind in scheme_obj.indicators}
        chosen: dict[str, Any] = {}
        groups: dict[str, str] = {}
        for ind in scheme_obj.indicators:
            if ind.id not in indicators:
                continue
            group = getattr(ind, "one_of", None)
            if group:
                if group in groups:  # keep the first alternative with data
                    if indicators[ind.id] is None or chosen.get(groups[group]) is not None:
                        continue
                    chosen.pop(groups[group], None)
                groups[group] = ind.id
            chosen[ind.id] = indicators[ind.id]
        chosen = {k: v for k, v in chosen.items() if k in known}
        references = {
            k: v
            for k, v in plant_references(data, energy, source=source).items()
            if k in _scheme_references(scheme_obj)
        }
        references.update(options.pop("references", {}) or {})
        if evidence is None:
            evidence = _plant_evidence(data, scheme_obj)
        elif isinstance(evidence, str | Path):
            evidence = load_evidence(evidence)
        product_unit = None
        if len(data.products) == 1 and isinstance(data.products[0].output, pint.Quantity):
            product_unit = f"{data.products[0].output.units:~}"
        bands = {ind.band_by.quantity for ind in scheme_obj.indicators if ind.band_by is not None}
        context = {"annual_energy_use": energy.total} if "annual_energy_use" in bands else {}
        context.update(options.pop("context", {}) or {})
        result = score(
            scheme_obj,
            chosen,
            evidence=evidence,
            references=references,
            context=context,
            product_unit=options.pop("product_unit", product_unit),
            **options,
        )
    emit_caveats(caught)
    return result
