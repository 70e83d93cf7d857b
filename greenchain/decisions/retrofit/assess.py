"""Retrofit assessment: measure savings on the plant's own energy streams, ranked by cost.

A measure acts on *streams*: the plant's ``energy[]`` entries selected by carrier and
``use`` label (and by the labels its equipment draws on). Its saving on each entry is a
fraction of that entry, obtained in this order of precedence:

1. the plant's own ``retrofit_options.<id>.saving_fraction`` (a measured or quoted
   value, a fraction of the whole stream the measure acts on);
2. the process model named in the catalogue, fed from the plant's ``equipment`` entries
   (and the measure's targets in ``retrofit_options.<id>``), when all inputs are given;
3. the catalogue fraction (with its source and status; unverified values warn);
4. otherwise no saving: NaN with the reason.

Measures on the same entry combine **multiplicatively** in package order (see
:mod:`greenchain.decisions.retrofit.package`), so the package never saves more than the
stream, and nothing is counted twice. Energy, CO2 and money come from applying the
savings to the plant data and re-running
:func:`~greenchain.accounting.energy.plant_energy` and
:func:`~greenchain.accounting.inventory.plant_inventory` (no formula is re-implemented
here); money uses ``prices``. Finance is :func:`greenchain.decisions.finance.evaluate`
with the plant's ``finance`` defaults (:mod:`greenchain.decisions.retrofit.economics`).

This module also re-exports :func:`apply_package`, :func:`package_summary`
(:mod:`~greenchain.decisions.retrofit.package`), :func:`limit_levels`
(:mod:`~greenchain.decisions.retrofit.limits`) and :func:`curve_rows`
(:mod:`~greenchain.decisions.retrofit.macc`) under their earlier home.

Examples
--------
>>> import warnings
>>> import greenchain as gc
>>> data = gc.load_plant(gc.example_path("tile_plant.yaml")).data
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")
...     table = plant_retrofits(data, ["continuous_ball_mill"])
>>> round(float(table.loc[0, "energy_saved_tce"]), 1)
206.5
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from greenchain.data.plant_file import PlantData, PlantLike, plant_data
from greenchain.data.vocabulary import CO2_BASES, RETROFIT_INTERACTIONS
from greenchain.decisions.retrofit._checks import plausibility, water_saved, water_value
from greenchain.decisions.retrofit._effects import (
    Context,
    Effect,
    context,
    effect_caveats,
    package_members,
    resolve_measures,
    unique,
    use_label,
)
from greenchain.decisions.retrofit._heat import heat_drawn
from greenchain.decisions.retrofit._projects import effect_of
from greenchain.decisions.retrofit._sequence import Step, run_sequence
from greenchain.decisions.retrofit.economics import FINANCE_COLUMNS, finance_row, finance_terms
from greenchain.decisions.retrofit.limits import limit_levels
from greenchain.decisions.retrofit.macc import curve_rows
from greenchain.decisions.retrofit.package import (
    apply_package,
    package_summary,
    plant_totals,
    remaining_shares,
    savings,
    totals_after,
)
from greenchain.errors import GreenchainWarning, InputError, caveat, collect_caveats, emit_caveats

__all__ = [
    "SUMMARY_COLUMNS",
    "COLUMNS",
    "NUMERIC_COLUMNS",
    "OPTIONAL_NUMERIC_COLUMNS",
    "plant_retrofits",
    # re-exported from their own modules
    "apply_package",
    "package_summary",
    "limit_levels",
    "curve_rows",
]

#: The columns a summary table shows (CLI table, plant report), in order.
SUMMARY_COLUMNS = (
    "measure",
    "saving_status",
    "energy_saved_tce",
    "co2_avoided_t",
    "annual_savings",
    "capex",
    "simple_payback_years",
    "npv",
    "irr",
    "abatement_cost",
)
_SAVED = (
    "energy_saved_tce",
    "energy_saved_gj",
    "electricity_saved_kwh",
    "co2_avoided_t",
    "co2_avoided_market_t",
    "annual_savings",
)
#: The package columns: whether the row is in the package evaluated in sequence, and what
#: it adds there (its saving on the plant the measures before it left).
_INCREMENTAL = (
    "incremental_energy_saved_tce",
    "incremental_co2_avoided_t",
    "incremental_annual_savings",
)
#: Water saved [m3/yr] and its value at the plant's water (and wastewater) price.
_WATER = ("water_saved_m3", "water_value")
#: Columns of :func:`plant_retrofits`, in order.
COLUMNS = (
    "measure",
    "name",
    "name_zh",
    "stream",
    "evaluated",
    "saving_method",
    "saving_status",
    "saving_source",
    "saving_fraction",
    "saving_low",
    "saving_high",
    "plausibility",
    *_SAVED,
    *_WATER,
    "in_package",
    *_INCREMENTAL,
    "heat_source",
    "heat_drawn_gj",
    *FINANCE_COLUMNS,
    "reason",
    "note",
)
#: The float columns of :func:`plant_retrofits` (NaN only where ``reason`` says why).
NUMERIC_COLUMNS = (
    "saving_fraction",
    "saving_low",
    "saving_high",
    *_SAVED,
    *_INCREMENTAL,
    *(c for c in FINANCE_COLUMNS if c != "capex_source"),
)
#: Float columns that are NaN where the measure saves no water or draws on no heat
#: source (a reason is given when it does and the value is missing).
OPTIONAL_NUMERIC_COLUMNS = (*_WATER, "heat_drawn_gj")


def _fraction_summary(ctx: Context, eff: Effect) -> tuple[Any, Any, Any]:
    total = float(sum(ctx.gj[i] for i in eff.entries))
    if not eff.found or total <= 0:
        return None, None, None

    def weighted(values: dict[int, Any]) -> float | None:
        if any(values.get(i) is None for i in eff.fractions):
            return None
        return float(sum(values[i] * ctx.gj[i] for i in eff.fractions)) / total

    return weighted(eff.fractions), weighted(eff.low), weighted(eff.high)


def _range_reason(frac: Any, low: Any, high: Any) -> str | None:
    """Why a saving found has no low or high end (a single value, or a one-sided range)."""
    if frac is None:
        return None
    missing = [name for name, v in (("saving_low", low), ("saving_high", high)) if v is None]
    if not missing:
        return None
    return f"{', '.join(missing)}: no range sourced for this saving"


def _source_text(eff: Effect) -> str | None:
    m = eff.measure
    parts = []
    if "user" in eff.methods:
        parts.append("plant file")
    if "model" in eff.methods and m.saving and m.saving.model:
        parts.append("model " + m.saving.model.function.removeprefix("greenchain.processes."))
    if "catalogue" in eff.methods:
        parts.append(str(m.source_id))
    return "; ".join(parts) or None


def plant_retrofits(
    data: PlantData | PlantLike,
    measures: Any = None,
    *,
    interaction: str = "package",
    co2_basis: str = "location",
    lifetime: int | None = None,
    catalogue: Any = None,
    inventory_options: dict[str, Any] | None = None,
    energy_options: dict[str, Any] | None = None,
    source: str | None = None,
    **finance_options: Any,
) -> pd.DataFrame:
    """Assess retrofit measures on a plant's own baseline; one row per measure.

    Parameters
    ----------
    data : PlantData or Plant
        The plant data (its ``energy``, ``equipment``, ``prices``, ``finance`` and
        ``retrofit_options`` sections are used), or a plant, whose ``data`` is used.
    measures : list of str, str or None
        Measure ids (a list, or ``"id1,id2"``); ``None``: every catalogue measure of the
        plant's sector plus the cross-cutting measures whose stream the plant has.
    interaction : {"package", "alone"}
        ``package``: the measures form a package in catalogue order and each row is the
        measure's increment after the ones before it (rows add up to the package;
        alternatives named in ``excludes`` are left out of the package and evaluated
        alone). ``alone``: each measure against the baseline by itself.
    co2_basis : {"location", "market"}
        CO2 abatement used in ``abatement_cost`` (``co2_avoided_t`` is always the
        location-based inventory total, ``co2_avoided_market_t`` the market-based one).
    lifetime : int, optional
        Lifetime [yr] for measures whose ``retrofit_options.<id>.lifetime`` is not
        given (no lifetime is sourced in the catalogue).
    catalogue : mapping or path(s), optional
        A catalogue from :func:`~greenchain.decisions.retrofit.catalogue.load_catalogue`,
        or user catalogue files to load with the shipped one.
    inventory_options, energy_options : dict, optional
        Passed to :func:`~greenchain.accounting.inventory.plant_inventory` and
        :func:`~greenchain.accounting.energy.plant_energy` (e.g. ``{"gwp": "AR5"}``).
    source : str, optional
        The plant file's name, named in messages (default: the plant's).
    **finance_options
        ``discount_rate``, ``escalation``, ``debt_ratio``, ``debt_rate``, ``debt_term``
        overriding the plant's ``finance`` section.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS`: ``measure``, ``energy_saved_tce``, ``energy_saved_gj``,
        ``electricity_saved_kwh``, ``co2_avoided_t`` (t CO2e per year),
        ``annual_savings`` (currency per year), ``capex``, ``simple_payback_years``,
        ``npv``, ``irr``, ``abatement_cost`` (currency per t CO2e; negative = saves
        money), the saving's ``saving_status``, ``stream``, ``saving_fraction`` (of the
        stream the measure acts on, alone), ``saving_low``/``saving_high`` and ``reason``
        (why any value is missing), ranked by abatement cost (missing last). The
        :data:`NUMERIC_COLUMNS` are float columns; a missing value is NaN, and only on a
        row whose ``reason`` says why. ``table.attrs`` holds ``warnings`` (texts),
        ``caveats`` (:class:`~greenchain.errors.Caveat`) and the package ``totals``.

    Warns
    -----
    UnverifiedDataWarning
        For every measure whose saving rests on an unverified value.

    Raises
    ------
    InputError
        Unknown measure id (the message lists the known ids), an unknown key in
        ``retrofit_options``, a bad equipment input (named by its path).

    Notes
    -----
    Abatement cost is RETScreen's GHG reduction cost: minus the annualised NPV over the
    yearly abatement, :math:`-\\mathrm{NPV}\\,\\mathrm{CRF}(r, N) / \\Delta CO_2`.

    Examples
    --------
    >>> import warnings
    >>> import greenchain as gc
    >>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     table = plant_retrofits(plant.data, source=plant.source_name)
    >>> table.loc[0, "measure"], table["npv"].dtype
    ('kiln_waste_heat_to_dryers', dtype('float64'))
    """
    if interaction not in RETROFIT_INTERACTIONS:
        raise InputError("must be 'package' or 'alone'", field="interaction")
    if co2_basis not in CO2_BASES:
        raise InputError("must be 'location' or 'market'", field="co2_basis")
    base_data, source = plant_data(data, source)
    options = {"inventory_options": inventory_options, "energy_options": energy_options}
    with collect_caveats() as caught:
        ctx = context(base_data, source, catalogue)
        ms, _ = resolve_measures(ctx, measures, package=False)
        terms = finance_terms(base_data, finance_options)
        effects = {m.id: effect_of(ctx, m) for m in ms}
        for eff in effects.values():
            effect_caveats(eff)
        members, left_out = package_members(ms, strict=False)
        records = ctx.records
        base = plant_totals(base_data, source, records=records, **options)
        texts = list(base.warnings)
        # the package evaluated in sequence: each member on the state the others left
        seq = run_sequence(ctx, [m for m in members if effects[m.id].found])
        steps = {st.measure.id: st for st in seq.steps}
        increments: dict[str, tuple[dict[str, Any], str | None]] = {}
        final = base
        for st in seq.counted:
            assert st.scale is not None and st.moved is not None
            now = totals_after(base_data, records, st.scale, st.moved, source, **options)
            texts += now.warnings
            increments[st.measure.id] = savings(final, now)
            final = now
        deltas: dict[str, tuple[dict[str, Any], str | None]] = {}
        evaluated: dict[str, str] = {}
        if interaction == "package":
            for mid, d in increments.items():
                deltas[mid], evaluated[mid] = d, "package"
        for m in ms:
            if m.id not in deltas and effects[m.id].found:
                left, moved = remaining_shares(base_data, [effects[m.id]])
                alone = totals_after(base_data, records, left, moved, source, **options)
                texts += alone.warnings
                deltas[m.id], evaluated[m.id] = savings(base, alone), "alone"
        rows = []
        for m in ms:
            step = steps.get(m.id)
            if evaluated.get(m.id) == "package" and step is not None:
                water = _water(ctx, step.effect, step.kept)
            else:
                water = _water(ctx, effects[m.id], 1.0)
            row = _row(
                ctx,
                effects[m.id],
                deltas.get(m.id),
                evaluated.get(m.id),
                left_out,
                terms,
                co2_basis,
                lifetime,
                water,
            )
            _package_columns(ctx, row, effects[m.id], steps.get(m.id), increments.get(m.id))
            rows.append(row)
    table = pd.DataFrame(rows, columns=list(COLUMNS), dtype=object)
    if len(table):
        cost = [math.inf if v is None else v for v in table["abatement_cost"]]
        order = sorted(range(len(table)), key=lambda i: cost[i])
        table = table.iloc[order].reset_index(drop=True)
    for column in (*NUMERIC_COLUMNS, *OPTIONAL_NUMERIC_COLUMNS):
        table[column] = table[column].astype(float)
    table["in_package"] = table["in_package"].astype(bool)
    caveats = list(caught)
    table.attrs["warnings"] = unique([c.message for c in caveats] + texts)
    table.attrs["caveats"] = caveats
    table.attrs["totals"] = {
        "interaction": interaction,
        "co2_basis": co2_basis,
        "package": [st.measure.id for st in seq.counted],
        "baseline": base.as_dict(),
        "after_package": final.as_dict() if interaction == "package" else None,
    }
    emit_caveats(caveats)
    return table


def _water(ctx: Context, eff: Effect, kept: float) -> tuple[Any, Any, list[str]]:
    """Water saved [m3/yr], its value, and the reasons either is missing."""
    m3, why = water_saved(ctx, eff, kept)
    discharge = bool(eff.measure.water and eff.measure.water.discharge)
    value, why_value = water_value(ctx.data, m3, discharge, ctx.source)
    return m3, value, [w for w in (why, why_value) if w]


def _package_columns(
    ctx: Context,
    row: dict[str, Any],
    eff: Effect,
    step: Step | None,
    increment: tuple[dict[str, Any], str | None] | None,
) -> None:
    """Fill a row's water, plausibility, heat and package columns (in place)."""
    reasons = [row["reason"]] if row["reason"] else []
    notes = [row["note"]] if row["note"] else []
    in_package = step is not None and step.counted
    row["in_package"] = in_package
    if step is not None and step.note:
        notes.append(f"in the package: {step.note}")
    row["plausibility"] = plausibility(ctx, eff)
    if row["plausibility"] and row["plausibility"].startswith("outside"):
        caveat(
            f"retrofit measure {eff.measure.id}: the saving is {row['plausibility']}",
            GreenchainWarning,
            field=f"retrofit_options.{eff.measure.id}",
        )
    # heat source and heat drawn
    src = eff.measure.draws_on.source if eff.measure.draws_on else None
    row["heat_source"] = src
    if in_package and step is not None:
        row["heat_drawn_gj"] = step.heat_drawn_gj
    elif src and eff.found:
        row["heat_drawn_gj"] = heat_drawn(ctx, eff, eff.measure.draws_on.heat)  # type: ignore[union-attr]
    else:
        row["heat_drawn_gj"] = None
    # what the row adds in the package (0 when it is not in it)
    if in_package and increment is not None and step is not None:
        d, money_why = increment
        _, step_value, _ = _water(ctx, step.effect, step.kept)
        money = d.get("annual_savings")
        if money is not None and step_value is not None:
            money += step_value
        row["incremental_energy_saved_tce"] = d.get("energy_saved_tce")
        row["incremental_co2_avoided_t"] = d.get("co2_avoided_t")
        row["incremental_annual_savings"] = money
        if money_why:
            reasons.append(f"incremental_{money_why}")
    else:
        row["incremental_energy_saved_tce"] = 0.0
        row["incremental_co2_avoided_t"] = 0.0
        row["incremental_annual_savings"] = 0.0
    row["reason"] = "; ".join(unique(reasons)) or None
    row["note"] = "; ".join(unique(notes)) or None


def _row(
    ctx: Context,
    eff: Effect,
    delta: tuple[dict[str, Any], str | None] | None,
    evaluated: str | None,
    left_out: dict[str, str],
    terms: dict[str, Any],
    co2_basis: str,
    lifetime: int | None,
    water: tuple[Any, Any, list[str]],
) -> dict[str, Any]:
    """One row of the table: the measure's saving, its effect on the plant, its finance.

    The annual savings include the value of the water saved (``water``: m3, value,
    reasons), where it is priced.
    """
    m = eff.measure
    d, money_reason = delta if delta is not None else ({}, None)
    m3, value, water_reasons = water
    if value is not None and d.get("annual_savings") is not None:
        d = {**d, "annual_savings": d["annual_savings"] + value}
    reasons = list(eff.reasons)
    notes = list(eff.notes)
    if m.id in left_out:
        notes.append(f"alternative to {left_out[m.id]}: evaluated alone, not in the package")
    if not eff.found:
        reasons.append("no saving: energy, CO2 and finance not computed")
    if money_reason:
        reasons.append(money_reason)
    reasons += water_reasons
    co2 = d.get("co2_avoided_t") if co2_basis == "location" else d.get("co2_avoided_market_t")
    fin, why = finance_row(
        ctx.data,
        m,
        d.get("annual_savings"),
        co2,
        terms,
        lifetime=lifetime,
        source=ctx.source,
        installed=eff.installed,
    )
    if not eff.found:
        why = [w for w in why if w.startswith("capex:")]
    frac, low, high = _fraction_summary(ctx, eff)
    range_reason = _range_reason(frac, low, high)
    if range_reason:
        why.append(range_reason)
    partial = eff.found and any(i not in eff.fractions for i in eff.entries)
    method = "+".join(unique(eff.methods)) or "missing"
    stream = ", ".join(
        unique(
            f"{ctx.entries[i].carrier}:{use_label(ctx.entries[i].use)}"
            for i in sorted(eff.fractions)
        )
    )
    return {
        "measure": m.id,
        "name": m.name_en,
        "name_zh": m.name_zh,
        "stream": stream or ", ".join(eff.labels) or None,
        "evaluated": evaluated,
        "saving_method": method + (" (partial)" if partial else ""),
        "saving_status": "+".join(unique(eff.statuses)) or "missing",
        "saving_source": _source_text(eff),
        "saving_fraction": frac,
        "saving_low": low,
        "saving_high": high,
        **{k: d.get(k) for k in _SAVED},
        "water_saved_m3": m3,
        "water_value": value,
        **fin,
        "reason": "; ".join(unique(reasons + why)) or None,
        "note": "; ".join(unique(notes)) or None,
    }
