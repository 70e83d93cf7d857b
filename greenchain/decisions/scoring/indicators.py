"""Green-factory indicators computed from a plant file, and the plant's score.

The indicator values come from the modules that already compute them — the
inventory (carbon), the energy accounting (comprehensive energy, intensity),
GB 21252 grading (benchmark and leading values for tiles) — and from the plant
file's ``site``, ``water``, ``waste``, ``projects``, ``economics`` and
``green_factory`` sections. Nothing is computed a second time here.

Definitions used (each documented with its indicator):

* renewable share = renewable electricity (on-site, direct green supply and green
  certificates) at equal value / comprehensive energy × 100 %;
* water reuse rate = water reused / (reused + withdrawal) × 100 % (GB/T 36132-2025
  Annex B formula B.10; / total use when only ``water.total_use`` is given);
* solid-waste utilisation = utilised / (generated + stock utilised) × 100 %;
* plot ratio = floor area / land area; building coefficient = building footprint /
  land area × 100 %; output value per land = output value / land area;
* retrofit projects per year = projects in the last three years / 3; investment
  share = their investment / (3 × the year's ``economics.output_value``) × 100 %
  (GB/T 36132-2025 Table C.1 row 10: the output value of the same three years).

What greenchain computes counts (GB/T 36132-2025 rows 4 and 13):
:func:`recognised_functions` lists the energy-carbon platform functions greenchain
performed for the plant, and :func:`footprint_evidence` answers "product carbon
footprint quantified" from the footprints it can compute.

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

import functools
from pathlib import Path
from typing import Any

import pint

from greenchain.accounting.energy import EnergyResult, plant_energy
from greenchain.accounting.inventory import InventoryResult, plant_inventory
from greenchain.accounting.product_footprint import product_footprint
from greenchain.accounting.records import plant_records
from greenchain.data.plant_file import PlantData, PlantLike, Product, plant_data
from greenchain.decisions.grading import product_limits
from greenchain.decisions.scoring.benchmarks import load_benchmarks
from greenchain.decisions.scoring.engine import score
from greenchain.decisions.scoring.evidence import EvidenceEntry, as_evidence, load_evidence
from greenchain.decisions.scoring.result import ScoreResult
from greenchain.decisions.scoring.schemes import Scheme, load_scheme
from greenchain.errors import GreenchainError, collect_caveats, emit_caveats
from greenchain.units import Q_

__all__ = [
    "plant_indicators",
    "plant_references",
    "plant_score",
    "recognised_functions",
    "footprint_evidence",
]

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
    if not sum(weights[i] for i in order) > 0:  # no energy on them: equal weights
        weights = [1.0] * len(weights)
    total = sum(weights[i] for i in order)
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
        single = d.products[0]
        unit_p = f"({single.output.units:~})"
        out["carbon_per_product"] = _ratio(inventory.total, single.output, f"kgCO2e/{unit_p}")
        out["carbon_intensity_product"] = out["carbon_per_product"]
        out["water_intensity_product"] = _ratio(d.water.withdrawal, single.output, f"m^3/{unit_p}")
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
    out["water_intensity_output_value"] = out["water_intake_output_value"]
    if water.reused is not None and (water.total_use is not None or water.withdrawal is not None):
        den = water.reused + water.withdrawal if water.withdrawal is not None else water.total_use
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
    if invested and output_value is not None:
        out["retrofit_investment_share"] = _ratio(
            sum(invested[1:], invested[0]), 3 * output_value, "percent"
        )
    site = d.site
    out["output_value_per_land"] = _ratio(output_value, site.land_area, "wan_yuan/m^2")
    out["land_output_value"] = out["output_value_per_land"]
    out["building_coefficient"] = _ratio(site.building_footprint, site.land_area, "percent")
    out["plot_ratio"] = _ratio(site.floor_area, site.land_area, "")
    if len(d.products) == 1 and site.land_area is not None:
        p = d.products[0]
        out["output_per_land"] = _ratio(p.output, site.land_area, f"({p.output.units:~})/m^2")
        out["land_output_product"] = out["output_per_land"]
    return out


def recognised_functions(
    data: PlantData | PlantLike,
    energy: EnergyResult | None = None,
    *,
    source: str | None = None,
) -> dict[str, str]:
    """Energy-carbon platform functions (GB/T 36132-2025 row 4) greenchain performs for the plant.

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
        ``{function id: what greenchain computed}``: energy consumption and intensity
        (the GB/T 2589 account), carbon emissions (the GB/T 32150 inventory),
        energy-efficiency benchmarking (a product graded against GB 21252 or the dyeing
        norm) and carbon-footprint accounting (a product footprint it can compute).

    Examples
    --------
    >>> import warnings, greenchain as gc
    >>> data = gc.load_plant(gc.example_path("dyeing_mill.yaml")).data
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     sorted(recognised_functions(data))
    ['carbon_accounting', 'carbon_footprint_accounting', 'consumption_intensity_calculation', 'efficiency_benchmarking']
    """
    d, source = plant_data(data, source)
    return _functions(d, _footprints(d, source))


def _functions(d: PlantData, footprints: list[str]) -> dict[str, str]:
    """:func:`recognised_functions` with the computable footprints already known."""
    out = {
        "consumption_intensity_calculation": "greenchain energy account (GB/T 2589)",
        "carbon_accounting": "greenchain GHG inventory (GB/T 32150)",
    }
    graded = [p.id for p in d.products if product_limits(p) is not None]
    if graded:
        out["efficiency_benchmarking"] = "greenchain limit standing of " + ", ".join(graded)
    if footprints:
        out["carbon_footprint_accounting"] = "greenchain product footprint of " + ", ".join(
            footprints
        )
    return out


def _footprints(data: PlantData, source: str | None) -> list[str]:
    """Products whose carbon footprint greenchain can compute from the plant data."""
    done = []
    with collect_caveats():
        for p in data.products:
            if p.footprint is None:
                continue
            try:
                product_footprint(data, p.id)
            except GreenchainError:
                continue
            done.append(p.id)
    return done


def footprint_evidence(data: PlantData | PlantLike, *, source: str | None = None) -> Any:
    """Answer GB/T 36132-2025 row 13 (product carbon footprint) from greenchain's footprints.

    Parameters
    ----------
    data : PlantData or Plant
        The plant data (or a plant, whose ``data`` is used).
    source : str, optional
        The plant file's name, named in messages (default: the plant's).

    Returns
    -------
    EvidenceEntry or None
        ``yes`` when greenchain computes the footprint (ISO 14067 / GB/T 24067) of every
        product, ``partial`` when of some, None when of none.
    """
    d, source = plant_data(data, source)
    return _footprint_entry(d, _footprints(d, source))


def _footprint_entry(d: PlantData, done: list[str]) -> Any:
    """:func:`footprint_evidence` with the computable footprints already known."""
    if not done:
        return None
    answer = "yes" if len(done) == len(d.products) else "partial"
    ref = "greenchain product footprint (GB/T 24067 / ISO 14067): " + ", ".join(done)
    return EvidenceEntry(answer, ref)


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
    recognise: bool = True,
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
    recognise : bool, default True
        Count what greenchain computed for the plant: the platform functions of
        :func:`recognised_functions` (row 4), the footprints of
        :func:`footprint_evidence` (row 13) and ``green_factory.advanced_equipment``
        (row 9), unless the evidence answers them. Each is named in ``result.notes``.
    source : str, optional
        The plant file's name, named in messages (default: the plant's).
    **options
        Passed to :func:`greenchain.decisions.scoring.score` (``points``, ``benchmarks``
        — a mapping or a benchmark CSV file —, ``references``, ``strict`` …); explicit
        ``indicators`` override computed ones.

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
    >>> result.max_total, result.total <= result.assessable_total <= result.max_total
    (100.0, True)
    >>> result.by_gate["clause"].tolist()
    ['4.2 a)', '4.2 b)', '4.2 c)']
    """
    data, source = plant_data(data, source)
    scheme_obj = scheme if isinstance(scheme, Scheme) else load_scheme(scheme)
    notes: list[str] = []

    @functools.cache
    def footprints() -> list[str]:  # the computable footprints, found once when needed
        return _footprints(data, source)

    with collect_caveats() as caught:
        records = plant_records(data, source)  # built once for both accounts
        inventory = plant_inventory(data, source, records=records)
        energy = plant_energy(data, source, records=records)
        indicators = plant_indicators(data, inventory=inventory, energy=energy, source=source)
        known = {ind.id for ind in scheme_obj.indicators}
        if recognise and "energy_carbon_platform" in known:
            declared = data.green_factory.get("platform_functions")
            found = _functions(data, footprints())
            added = {k: v for k, v in found.items() if k not in (declared or [])}
            indicators["energy_carbon_platform"] = sorted({*(declared or []), *found})
            if added:
                notes.append(
                    "row 4 counts functions greenchain performed for the plant: "
                    + "; ".join(f"{k} ({v})" for k, v in added.items())
                )
        explicit = options.pop("indicators", {}) or {}
        indicators.update(explicit)
        benchmarks = options.pop("benchmarks", None)
        if isinstance(benchmarks, str | Path):
            benchmarks = load_benchmarks(benchmarks)
        chosen = _alternatives(scheme_obj, indicators, set(benchmarks or {}), set(explicit))
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
        if recognise:
            evidence = _recognised_evidence(data, scheme_obj, evidence, footprints, notes)
        product_unit = None
        if len(data.products) == 1 and isinstance(data.products[0].output, pint.Quantity):
            product_unit = f"{data.products[0].output.units:~}"
        bands = {ind.band_by.quantity for ind in scheme_obj.indicators if ind.band_by is not None}
        context = {"annual_energy_use": energy.total} if "annual_energy_use" in bands else {}
        context.update(options.pop("context", {}) or {})
        if "retrofit_investment_share" in chosen and "retrofit_investment_share" not in explicit:
            notes.append(
                "row 10 takes the output value of the last 3 years as 3 x "
                "economics.output_value of the evaluation year"
            )
        result = score(
            scheme_obj,
            chosen,
            evidence=evidence,
            benchmarks=benchmarks,
            references=references,
            context=context,
            product_unit=options.pop("product_unit", product_unit),
            **options,
        )
    emit_caveats(caught)
    result.notes.extend(notes)
    return result


def _alternatives(
    scheme: Scheme, indicators: dict[str, Any], benchmarked: set[str], explicit: set[str]
) -> dict[str, Any]:
    """One value per ``one_of`` group: the one given explicitly, else the one with lead/base
    values (scheme or benchmark file), else the first with data."""
    chosen: dict[str, Any] = {}
    groups: dict[str, list[str]] = {}
    for ind in scheme.indicators:
        if ind.id not in indicators or indicators[ind.id] is None:
            continue
        if ind.one_of:
            groups.setdefault(ind.one_of, []).append(ind.id)
        else:
            chosen[ind.id] = indicators[ind.id]
    thresholds = {
        i.id for i in scheme.indicators if i.benchmark is not None or i.leading is not None
    }
    ranks = {
        i.id: 0 if i.id in explicit else 1 if i.id in benchmarked | thresholds else 2
        for i in scheme.indicators
    }
    for members in groups.values():
        best = min(members, key=lambda m: (ranks[m], members.index(m)))
        chosen[best] = indicators[best]
    return chosen


def _recognised_evidence(
    data: PlantData, scheme: Scheme, evidence: Any, footprints: Any, notes: list[str]
) -> Any:
    """The evidence with rows 9 and 13 answered from the plant data where it is silent."""
    items = scheme.checklist_items()
    given = as_evidence(evidence)
    extra: dict[str, EvidenceEntry] = {}
    if "carbon_footprint_quantified" in items and "carbon_footprint_quantified" not in given:
        entry = _footprint_entry(data, footprints())
        if entry is not None:
            extra["carbon_footprint_quantified"] = entry
            notes.append(f"row 13 answered {entry.answer!r} from {entry.evidence}")
    equipment = data.green_factory.get("advanced_equipment")
    if (
        "advanced_technology_equipment" in items
        and equipment
        and ("advanced_technology_equipment" not in given)
    ):
        ref = "green_factory.advanced_equipment: " + ", ".join(str(e) for e in equipment)
        extra["advanced_technology_equipment"] = EvidenceEntry("yes", ref)
        notes.append(f"row 9 answered 'yes' from {ref}")
    if not extra:
        return evidence
    return as_evidence({**dict(given), **extra}, source=given.source)
