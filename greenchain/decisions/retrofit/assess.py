"""Retrofit assessment: measure savings on the plant's own energy streams, packages, finance.

A measure acts on *streams*: the plant's ``energy[]`` entries selected by carrier and
``use`` label (and by the labels its equipment draws on). Its saving on each entry is a
fraction of that entry, obtained in this order of precedence:

1. the plant's own ``retrofit_options.<id>.saving_fraction`` (a measured or quoted
   value, a fraction of the whole stream the measure acts on);
2. the process model named in the catalogue, fed from the plant's ``equipment`` entries
   (and the measure's targets in ``retrofit_options.<id>``), when all inputs are given;
3. the catalogue fraction (with its source and status; unverified values warn);
4. otherwise no saving: ``None`` with the reason.

Measures on the same entry combine **multiplicatively** in package order (the
catalogue's ``order``: process demand 10, conversion efficiency 20, heat recovery 30,
energy supply 40; ties keep catalogue order): after measures with fractions
:math:`f_1 \\dots f_k` an entry keeps :math:`a \\prod_j (1 - f_j)`, and measure *k* is
credited :math:`a \\prod_{j<k}(1 - f_j)\\,f_k`. The package never saves more than the
stream, and nothing is counted twice. Energy, CO2 and money come from applying the
savings to the plant's energy entries and re-running ``Plant.energy()`` and
``Plant.inventory()`` (no formula is re-implemented here); money uses ``prices``.
Finance is :func:`greenchain.decisions.finance.evaluate` with the plant's ``finance`` defaults.

Examples
--------
>>> import warnings
>>> import greenchain as gc
>>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")
...     table = plant_retrofits(plant, ["continuous_ball_mill"])
>>> round(table.loc[0, "energy_saved_tce"], 1)
206.5
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pint

from greenchain.data.plant_file import EnergyEntry
from greenchain.decisions import finance, grading
from greenchain.decisions.retrofit.catalogue import Measure, get_measure, load_catalogue
from greenchain.errors import (
    GreenchainWarning,
    InputError,
    OutOfRangeError,
    UnverifiedDataWarning,
)
from greenchain.units import Q_

if TYPE_CHECKING:
    from greenchain.interface.plant import Plant

from greenchain.decisions.retrofit._effects import (
    _GJ_PER_TCE,
    _NOISE,
    _Context,
    _Effect,
    _effect,
    _label,
    _unique,
)

__all__ = [
    "SUMMARY_COLUMNS",
    "curve_rows",
    "plant_retrofits",
    "apply_package",
    "package_summary",
    "limit_levels",
    "COLUMNS",
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
    "energy_saved_tce",
    "energy_saved_gj",
    "electricity_saved_kwh",
    "co2_avoided_t",
    "co2_avoided_market_t",
    "annual_savings",
    "capex",
    "capex_source",
    "lifetime",
    "simple_payback_years",
    "npv",
    "irr",
    "abatement_cost",
    "reason",
    "note",
)
_PV_LABEL = "rooftop_pv"


# ------------------------------------------------------------------------------ states
def _state(plant: Plant, effects: list[_Effect]) -> tuple[np.ndarray, np.ndarray]:
    """Remaining share and share moved to on-site PV of each entry after ``effects``."""
    n = len(plant.data.energy)
    scale, moved = np.ones(n), np.zeros(n)
    for eff in effects:
        for i, f in eff.fractions.items():
            if eff.shift:
                # On-site generation is a fixed yield (a share of the baseline), not a
                # share of what the other measures leave: it moves f of the baseline.
                if f > scale[i] + 1e-12:
                    raise OutOfRangeError(
                        "on-site generation exceeds the grid electricity left after the "
                        "other measures of the package",
                        field=f"retrofit_options.{eff.measure.id}.generation",
                    )
                moved[i] += f
                scale[i] -= f
            else:
                scale[i] *= 1.0 - f
    return scale, moved


def _build(plant: Plant, scale: np.ndarray, moved: np.ndarray, ids: list[str]) -> Plant:
    from greenchain.interface.plant import Plant as PlantClass

    data = plant.data.model_copy(deep=True)
    energy = []
    pv_kwh = 0.0
    for i, e in enumerate(data.energy):
        pv_kwh += float(e.amount.m_as("kWh")) * moved[i] if moved[i] else 0.0
        if scale[i] != 1.0:
            note = (
                f"reduced by retrofit package ({', '.join(ids)}) to {scale[i]:.6g} of the baseline"
            )
            e = e.model_copy(update={"amount": e.amount * float(scale[i]), "notes": note})
        energy.append(e)
    if pv_kwh > 0:
        energy.append(
            EnergyEntry(
                carrier="electricity",
                amount=Q_(pv_kwh, "kWh"),
                use=_PV_LABEL,
                supply="onsite_renewable",
                notes="on-site PV generation moved from grid supply by the retrofit package",
            )
        )
    return PlantClass(data.model_copy(update={"energy": energy}), source=plant.source)


@dataclass
class _Totals:
    tce: float
    co2e: float
    co2e_market: float
    electricity_kwh: float
    cost: float
    unpriced: set[str]
    amounts: list[float]
    carriers: list[str]
    inventory: Any
    energy: Any


def _totals(p: Plant, opts: dict[str, Any], messages: list[str]) -> _Totals:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        inv = p.inventory(**opts.get("inventory_options", {}))
        en = p.energy(**opts.get("energy_options", {}))
    for w in caught:
        text = str(w.message)
        if text not in messages:
            messages.append(text)
    currency = p.data.plant.currency
    cost, unpriced, amounts, kwh = 0.0, set(), [], 0.0
    for i, e in enumerate(p.data.energy):
        amounts.append(float(e.amount.magnitude))
        if e.carrier == "electricity":
            kwh += float(e.amount.m_as("kWh"))
        if e.supply == "onsite_renewable":
            continue  # generated on site: not bought
        price = p.data.prices.get(e.carrier)
        if price is None:
            unpriced.add(e.carrier)
            continue
        try:
            cost += float((e.amount * Q_(price)).m_as(currency))
        except (pint.errors.DimensionalityError, pint.errors.UndefinedUnitError):
            raise InputError(
                f"a price in {Q_(price).units:~P} does not fit energy[{i}] in "
                f"{e.amount.units:~P} (money in {currency})",
                field=f"prices.{e.carrier}",
                source=p.source_name,
            ) from None
    return _Totals(
        float(en.total.m_as("tce")),
        float(inv.total.m_as("tCO2e")),
        float(inv.activities["co2e_market_t"].sum()),
        kwh,
        cost,
        unpriced,
        amounts,
        [e.carrier for e in p.data.energy],
        inv,
        en,
    )


def _delta(before: _Totals, after: _Totals) -> tuple[dict[str, Any], str | None]:
    """Savings from state ``before`` to state ``after``; money None (with why) if unpriced."""

    def clean(x: float, ref: float) -> float:
        return 0.0 if abs(x) <= _NOISE * max(abs(ref), 1.0) else x

    tce = clean(before.tce - after.tce, before.tce)
    out: dict[str, Any] = {
        "energy_saved_tce": tce,
        "energy_saved_gj": tce * _GJ_PER_TCE,
        "electricity_saved_kwh": clean(
            before.electricity_kwh - after.electricity_kwh, before.electricity_kwh
        ),
        "co2_avoided_t": clean(before.co2e - after.co2e, before.co2e),
        "co2_avoided_market_t": clean(before.co2e_market - after.co2e_market, before.co2e_market),
    }
    changed = {c for i, c in enumerate(before.carriers) if before.amounts[i] != after.amounts[i]}
    unpriced = sorted(changed & (before.unpriced | after.unpriced))
    if unpriced:
        out["annual_savings"] = None
        return out, f"annual_savings: no price for {', '.join(unpriced)} in prices"
    out["annual_savings"] = clean(before.cost - after.cost, before.cost)
    return out, None


# ------------------------------------------------------------------------------ finance
def _capex(plant: Plant, m: Measure, opt: Any) -> tuple[float | None, str | None, str | None]:
    currency = plant.data.plant.currency
    try:
        if opt is not None and opt.capex is not None:
            v = opt.capex
            value = float(v.m_as(currency)) if isinstance(v, pint.Quantity) else float(v)
            return value, "plant file" + (f" ({opt.source})" if opt.source else ""), None
        if m.capex is not None:
            c = m.capex
            units = sum(eq.count for eq in plant.data.equipment if eq.kind == c.equipment)
            if units == 0:
                return None, None, f"capex: the catalogue capex is per {c.equipment}; none listed"
            value = float(Q_(c.per_unit * units, c.currency).m_as(currency))
            year = f", {c.year} price" if c.year else ""
            text = f"catalogue {c.per_unit:g} {c.currency}/{c.equipment} x {units} "
            return value, text + f"({c.source_id}, {c.status}{year})", None
    except (pint.errors.DimensionalityError, pint.errors.UndefinedUnitError):
        raise InputError(
            f"capex cannot be expressed in the plant currency {currency!r}",
            field=f"retrofit_options.{m.id}.capex",
            source=plant.source_name,
        ) from None
    return None, None, f"capex: capex not sourced, give retrofit_options.{m.id}.capex"


def _finance(
    plant: Plant,
    m: Measure,
    opt: Any,
    savings: float | None,
    co2: float | None,
    terms: dict[str, Any],
    default_lifetime: int | None,
) -> tuple[dict[str, Any], list[str]]:
    reasons: list[str] = []
    capex, capex_source, why = _capex(plant, m, opt)
    if why:
        reasons.append(why)
    lifetime = (opt.lifetime if opt is not None else None) or m.lifetime or default_lifetime
    row: dict[str, Any] = {
        "capex": capex,
        "capex_source": capex_source,
        "lifetime": lifetime,
        "simple_payback_years": None,
        "npv": None,
        "irr": None,
        "abatement_cost": None,
    }
    if savings is None:
        reasons.append("finance: no annual savings to evaluate")
        return row, reasons
    if capex is None:
        reasons.append("simple_payback_years, npv, irr, abatement_cost: need the capex")
        return row, reasons
    if lifetime is None:
        # simple payback is C/S whatever the lifetime: evaluate's convention over 1 year
        r = finance.evaluate(capex, savings, lifetime=1, discount_rate=terms["discount_rate"])
        row["simple_payback_years"] = r.simple_payback
        if r.simple_payback is None:
            reasons.append(f"simple_payback_years: {r.reason['simple_payback']}")
        reasons.append(
            f"npv, irr, abatement_cost: lifetime not sourced, give retrofit_options.{m.id}.lifetime"
        )
        return row, reasons
    debt_term = terms["debt_term"] if terms["debt_ratio"] > 0 else 0
    if debt_term > lifetime:
        r = finance.evaluate(capex, savings, lifetime=1, discount_rate=terms["discount_rate"])
        row["simple_payback_years"] = r.simple_payback
        reasons.append(
            f"npv, irr, abatement_cost: finance.debt_term ({debt_term} yr) is longer than "
            f"the lifetime ({lifetime} yr)"
        )
        return row, reasons
    r = finance.evaluate(capex, savings, lifetime=lifetime, **{**terms, "debt_term": debt_term})
    row.update(simple_payback_years=r.simple_payback, npv=r.npv, irr=r.irr)
    for key, name in (("simple_payback", "simple_payback_years"), ("irr", "irr")):
        if key in r.reason:
            reasons.append(f"{name}: {r.reason[key]}")
    if co2 is None or co2 <= 0:
        reasons.append(
            "abatement_cost: no CO2 abated on this basis"
            + (
                " (the measure changes market-based scope 2 only: co2_basis='market')"
                if m.effect == "supply_shift"
                else ""
            )
        )
    else:
        crf = finance.capital_recovery_factor(terms["discount_rate"], lifetime)
        row["abatement_cost"] = -r.npv * crf / co2
    return row, reasons


# ------------------------------------------------------------------------------ measures
def _order_key(cat: Mapping[str, Measure]) -> Any:
    index = {mid: i for i, mid in enumerate(cat)}
    return lambda m: (m.order, index.get(m.id, len(index)))


def _applicable(ctx: _Context, m: Measure) -> bool:
    sector = ctx.plant.data.plant.sector
    if sector in m.sectors:
        return True
    if "all" not in m.sectors:
        return False
    opt, extras = ctx.option(m)
    groups, kinds = ctx.groups(m, extras)
    return bool(groups) and (m.stream.use is not None or bool(kinds) or not m.equipment)


def _resolve(ctx: _Context, measures: Any, *, package: bool) -> tuple[list[Measure], bool]:
    """The measures in package order, and whether they were chosen explicitly."""
    cat = ctx.catalogue
    chosen: list[Measure]
    explicit = measures is not None
    if measures is None and package:
        selected = [mid for mid, o in ctx.plant.data.retrofit_options.items() if o.selected]
        if selected:
            measures, explicit = selected, True
    if measures is None:
        chosen = [m for m in cat.values() if _applicable(ctx, m)]
    else:
        if isinstance(measures, str | Measure):
            measures = [measures]
        chosen = []
        for item in measures:
            if isinstance(item, Measure):
                chosen.append(item)
                continue
            for mid in str(item).split(","):
                if mid.strip():
                    chosen.append(get_measure(mid.strip(), cat))
        if not chosen:
            raise InputError("no measures given", field="measures")
    unique = {m.id: m for m in chosen}
    return sorted(unique.values(), key=_order_key(cat)), explicit


def _package(ms: list[Measure], strict: bool) -> tuple[list[Measure], dict[str, str]]:
    members: list[Measure] = []
    left_out: dict[str, str] = {}
    for m in ms:
        clash = [p.id for p in members if m.id in p.excludes or p.id in m.excludes]
        if clash and strict:
            raise InputError(
                f"{clash[0]} and {m.id} are alternatives (catalogue `excludes`): choose one",
                field="measures",
            )
        if clash:
            left_out[m.id] = clash[0]
        else:
            members.append(m)
    return members, left_out


def _setup(plant: Plant, catalogue: Any) -> _Context:
    if catalogue is None:
        cat: Mapping[str, Measure] = load_catalogue()
    elif isinstance(catalogue, Mapping):
        cat = catalogue
    else:
        cat = load_catalogue(catalogue)
    return _Context(plant, cat)


def _terms(plant: Plant, options: dict[str, Any]) -> dict[str, Any]:
    terms = plant.data.finance.model_dump()
    for key in list(terms):
        if options.get(key) is not None:
            terms[key] = options[key]
    return terms


def _warn(eff: _Effect, messages: list[str]) -> None:
    m = eff.measure
    if "unverified" in eff.statuses and "catalogue" in eff.methods:
        text = (
            f"retrofit measure {m.id}: the catalogue saving is unverified "
            f"({m.source_id}: {m.source_ref}); give a measured value in "
            f"retrofit_options.{m.id}.saving_fraction"
        )
        warnings.warn(text, UnverifiedDataWarning, stacklevel=3)
        messages.append(text)
    elif "unverified" in eff.statuses:
        text = f"retrofit measure {m.id}: its process model used unverified data"
        warnings.warn(text, UnverifiedDataWarning, stacklevel=3)
        messages.append(text)
    for note in eff.notes:
        if "published maximum" in note:
            text = f"retrofit measure {m.id}: {note}"
            warnings.warn(text, GreenchainWarning, stacklevel=3)
            messages.append(text)


def _fraction_summary(ctx: _Context, eff: _Effect) -> tuple[Any, Any, Any]:
    total = float(sum(ctx.gj[i] for i in eff.entries))
    if not eff.found or total <= 0:
        return None, None, None

    def weighted(values: dict[int, Any]) -> float | None:
        if any(values.get(i) is None for i in eff.fractions):
            return None
        return float(sum(values[i] * ctx.gj[i] for i in eff.fractions)) / total

    return weighted(eff.fractions), weighted(eff.low), weighted(eff.high)


def _source_text(eff: _Effect) -> str | None:
    m = eff.measure
    parts = []
    if "user" in eff.methods:
        parts.append("plant file")
    if "model" in eff.methods and m.saving and m.saving.model:
        parts.append("model " + m.saving.model.function.removeprefix("greenchain.processes."))
    if "catalogue" in eff.methods:
        parts.append(str(m.source_id))
    return "; ".join(parts) or None


# ------------------------------------------------------------------------------ public
def plant_retrofits(
    plant: Plant,
    measures: Any = None,
    *,
    interaction: str = "package",
    co2_basis: str = "location",
    lifetime: int | None = None,
    catalogue: Any = None,
    inventory_options: dict[str, Any] | None = None,
    energy_options: dict[str, Any] | None = None,
    **finance_options: Any,
) -> pd.DataFrame:
    """Assess retrofit measures on a plant's own baseline; one row per measure.

    Parameters
    ----------
    plant : Plant
        The plant (its ``energy``, ``equipment``, ``prices``, ``finance`` and
        ``retrofit_options`` sections are used).
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
        Lifetime [years] for measures whose ``retrofit_options.<id>.lifetime`` is not
        given (no lifetime is sourced in the catalogue).
    catalogue : mapping or path(s), optional
        A catalogue from :func:`~greenchain.decisions.retrofit.catalogue.load_catalogue`, or user
        catalogue files to load with the shipped one.
    inventory_options, energy_options : dict, optional
        Passed to ``Plant.inventory()`` and ``Plant.energy()`` (e.g. ``{"gwp": "AR5"}``).
    **finance_options
        ``discount_rate``, ``escalation``, ``debt_ratio``, ``debt_rate``, ``debt_term``
        overriding the plant's ``finance`` section.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS`: ``measure``, ``energy_saved_tce``, ``energy_saved_gj``,
        ``electricity_saved_kwh``, ``co2_avoided_t`` [t CO2e/yr], ``annual_savings``
        [currency/yr], ``capex``, ``simple_payback_years``, ``npv``, ``irr``,
        ``abatement_cost`` [currency per t CO2e; negative = saves money], the saving's
        ``saving_status``, ``stream``, ``saving_fraction`` (of the stream the measure acts
        on, alone), ``saving_low``/``saving_high`` and ``reason`` (why any value is
        ``None``), ranked by abatement cost (``None`` last). Numeric columns hold Python
        floats or ``None`` (object dtype), never NaN. ``table.attrs`` holds
        ``warnings`` and the package ``totals``.

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
    """
    if interaction not in ("package", "alone"):
        raise InputError("must be 'package' or 'alone'", field="interaction")
    if co2_basis not in ("location", "market"):
        raise InputError("must be 'location' or 'market'", field="co2_basis")
    ctx = _setup(plant, catalogue)
    ms, _ = _resolve(ctx, measures, package=False)
    opts = {"inventory_options": inventory_options or {}, "energy_options": energy_options or {}}
    terms = _terms(plant, finance_options)
    messages: list[str] = []
    effects = {m.id: _effect(ctx, m) for m in ms}
    for eff in effects.values():
        _warn(eff, messages)
    members, left_out = _package(ms, strict=False)
    base = _totals(plant, opts, messages)
    deltas: dict[str, tuple[dict[str, Any], str | None]] = {}
    evaluated: dict[str, str] = {}
    final = base
    if interaction == "package":
        applied: list[_Effect] = []
        for m in members:
            if not effects[m.id].found:
                continue
            applied.append(effects[m.id])
            now = _totals(
                _build(plant, *_state(plant, applied), [e.measure.id for e in applied]),
                opts,
                messages,
            )
            deltas[m.id], evaluated[m.id] = _delta(final, now), "package"
            final = now
    for m in ms:
        if m.id not in deltas and effects[m.id].found:
            alone = _build(plant, *_state(plant, [effects[m.id]]), [m.id])
            deltas[m.id], evaluated[m.id] = _delta(base, _totals(alone, opts, messages)), "alone"
    rows = []
    for m in ms:
        eff = effects[m.id]
        opt = ctx.option(m)[0]
        d, money_reason = deltas.get(m.id, ({}, None))
        reasons = list(eff.reasons)
        notes = list(eff.notes)
        if m.id in left_out:
            notes.append(f"alternative to {left_out[m.id]}: evaluated alone, not in the package")
        if not eff.found:
            reasons.append("no saving: energy, CO2 and finance not computed")
        if money_reason:
            reasons.append(money_reason)
        co2 = d.get("co2_avoided_t") if co2_basis == "location" else d.get("co2_avoided_market_t")
        fin, why = _finance(plant, m, opt, d.get("annual_savings"), co2, terms, lifetime)
        if not eff.found:
            why = [w for w in why if w.startswith("capex:")]
        frac, low, high = _fraction_summary(ctx, eff)
        partial = eff.found and any(i not in eff.fractions for i in eff.entries)
        method = "+".join(_unique(eff.methods)) or "missing"
        rows.append(
            {
                "measure": m.id,
                "name": m.name_en,
                "name_zh": m.name_zh,
                "stream": ", ".join(
                    _unique(
                        f"{ctx.entries[i].carrier}:{_label(ctx.entries[i].use)}"
                        for i in sorted(eff.fractions)
                    )
                )
                or ", ".join(eff.labels)
                or None,
                "evaluated": evaluated.get(m.id),
                "saving_method": method + (" (partial)" if partial else ""),
                "saving_status": "+".join(_unique(eff.statuses)) or "missing",
                "saving_source": _source_text(eff),
                "saving_fraction": frac,
                "saving_low": low,
                "saving_high": high,
                **{k: d.get(k) for k in COLUMNS[11:17]},
                **fin,
                "reason": "; ".join(_unique(reasons + why)) or None,
                "note": "; ".join(_unique(notes)) or None,
            }
        )
    table = pd.DataFrame(rows, columns=list(COLUMNS), dtype=object)
    if len(table):
        cost = [math.inf if v is None else v for v in table["abatement_cost"]]
        order = sorted(range(len(table)), key=lambda i: cost[i])
        table = table.iloc[order].reset_index(drop=True)
    table.attrs["warnings"] = _unique(messages)
    table.attrs["totals"] = {
        "interaction": interaction,
        "co2_basis": co2_basis,
        "package": [m.id for m in members if effects[m.id].found],
        "baseline": _totals_dict(base),
        "after_package": _totals_dict(final) if interaction == "package" else None,
    }
    return table


def _totals_dict(t: _Totals) -> dict[str, float]:
    return {
        "energy_tce": t.tce,
        "co2e_t": t.co2e,
        "co2e_market_t": t.co2e_market,
        "electricity_kwh": t.electricity_kwh,
        "energy_cost": t.cost,
    }


def _package_effects(
    plant: Plant, measures: Any, catalogue: Any
) -> tuple[_Context, list[_Effect], dict[str, str]]:
    ctx = _setup(plant, catalogue)
    ms, explicit = _resolve(ctx, measures, package=True)
    members, _ = _package(ms, strict=explicit)
    effects, skipped = [], {}
    for m in members:
        eff = _effect(ctx, m)
        _warn(eff, [])
        if eff.found:
            effects.append(eff)
        else:
            skipped[m.id] = "; ".join(eff.reasons) or "no saving"
    if skipped:
        warnings.warn(
            "retrofit package: no saving for " + ", ".join(skipped) + " (not counted)",
            GreenchainWarning,
            stacklevel=3,
        )
    return ctx, effects, skipped


def apply_package(plant: Plant, measures: Any = None, *, catalogue: Any = None) -> Plant:
    """A new Plant whose energy entries are reduced by a retrofit package.

    Parameters
    ----------
    plant : Plant
        The baseline plant; it is not changed.
    measures : list of str, str or None
        Measure ids; ``None``: the measures marked ``selected: true`` in
        ``retrofit_options``, else every applicable measure (alternatives resolved in
        package order). Measures without a saving are skipped with a warning.
    catalogue : mapping or path(s), optional
        As in :func:`plant_retrofits`.

    Returns
    -------
    Plant
        A copy whose ``energy[]`` amounts are multiplied by :math:`\\prod_j (1 - f_j)`
        (on-site PV adds an ``onsite_renewable`` electricity entry).

    Raises
    ------
    InputError
        Unknown measure, or two alternatives (``excludes``) named together.

    Examples
    --------
    >>> import greenchain as gc
    >>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
    >>> after = apply_package(plant, ["continuous_ball_mill"])
    >>> after.data.energy[3].amount, plant.data.energy[3].amount
    (<Quantity(6720.0, 'megawatt_hour')>, <Quantity(8400, 'megawatt_hour')>)
    """
    _, effects, _ = _package_effects(plant, measures, catalogue)
    return _build(plant, *_state(plant, effects), [e.measure.id for e in effects])


def package_summary(
    plant: Plant,
    measures: Any = None,
    *,
    catalogue: Any = None,
    inventory_options: dict[str, Any] | None = None,
    energy_options: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Combined effect of a retrofit package: before/after energy, emissions and cost.

    Parameters
    ----------
    plant, measures, catalogue
        As in :func:`apply_package`.
    inventory_options, energy_options : dict, optional
        Passed to ``Plant.inventory()`` and ``Plant.energy()``.

    Returns
    -------
    dict
        ``measures`` (ids applied, in order), ``not_counted`` (id -> reason),
        ``before``/``after`` (``energy_tce``, ``co2e_t``, ``co2e_market_t``,
        ``electricity_kwh``, ``energy_cost``), ``saved`` (the differences, as the columns
        of :func:`plant_retrofits`), ``by_stream`` (one dict per ``energy[]`` entry with
        ``amount_before``, ``amount_after``, ``unit``, ``fraction_saved``), the
        ``inventory_before``/``inventory_after`` and ``energy_before``/``energy_after``
        results, ``plant_after`` and ``warnings``.

    Examples
    --------
    >>> import warnings
    >>> import greenchain as gc
    >>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     s = package_summary(plant, ["continuous_ball_mill", "boiler_economiser"])
    >>> s["measures"], list(s["not_counted"])
    (['continuous_ball_mill'], ['boiler_economiser'])
    """
    ctx, effects, skipped = _package_effects(plant, measures, catalogue)
    ids = [e.measure.id for e in effects]
    scale, moved = _state(plant, effects)
    after_plant = _build(plant, scale, moved, ids)
    opts = {"inventory_options": inventory_options or {}, "energy_options": energy_options or {}}
    messages: list[str] = []
    before, after = _totals(plant, opts, messages), _totals(after_plant, opts, messages)
    saved, why = _delta(before, after)
    if why:
        messages.append(why)
    by_stream = [
        {
            "entry": f"energy[{i}]",
            "carrier": e.carrier,
            "use": e.use,
            "unit": f"{e.amount.units:~}",
            "amount_before": float(e.amount.magnitude),
            "amount_after": float(e.amount.magnitude) * float(scale[i]),
            "moved_to_onsite_pv": float(e.amount.magnitude) * float(moved[i]),
            "fraction_saved": 1.0 - float(scale[i]) - float(moved[i]),
        }
        for i, e in enumerate(plant.data.energy)
    ]
    return {
        "measures": ids,
        "not_counted": skipped,
        "before": _totals_dict(before),
        "after": _totals_dict(after),
        "saved": saved,
        "by_stream": by_stream,
        "inventory_before": before.inventory,
        "inventory_after": after.inventory,
        "energy_before": before.energy,
        "energy_after": after.energy,
        "plant_after": after_plant,
        "warnings": messages,
    }


_LEVEL_RANK = {1: 1, 2: 2, 3: 3, grading.BELOW_LIMIT: 4, "meets limit": 1, "above limit": 2}


def limit_levels(
    plant: Plant,
    measures: Any = None,
    *,
    catalogue: Any = None,
    energy_options: dict[str, Any] | None = None,
) -> pd.DataFrame:
    """Specific energy and limit level of each graded product before and after a package.

    Products with ``attributes.limit_product`` (GB 21252-2023, with ``water_absorption``
    and ``thickness_factor``) are graded with :func:`greenchain.decisions.grading.gb21252_level`;
    products with ``attributes.fabric`` against the 2017 dyeing norm with
    :func:`greenchain.decisions.grading.dyeing_norm_check` (``meets limit`` / ``above limit``).

    Parameters
    ----------
    plant, measures, catalogue
        As in :func:`apply_package`.
    energy_options : dict, optional
        Passed to ``Plant.energy()``.

    Returns
    -------
    pandas.DataFrame
        ``product``, ``standard``, ``unit``, ``specific_energy_before``,
        ``specific_energy_after``, ``level_before``, ``level_after``, ``change``
        (``better``, ``same``, ``worse``), ``limit`` (level 3 or the norm's limit),
        ``status`` and ``reason``.

    Examples
    --------
    >>> import warnings
    >>> import greenchain as gc
    >>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     t = limit_levels(plant)  # the measures marked `selected` in the plant file
    >>> t[["level_before", "level_after", "change"]].values.tolist()
    [[2, 1, 'better']]
    """
    after = apply_package(plant, measures, catalogue=catalogue)
    options = energy_options or {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        e0, e1 = plant.energy(**options), after.energy(**options)
    rows = []
    for p in plant.data.products:
        a = p.attributes
        if "limit_product" not in a and "fabric" not in a:
            continue
        row: dict[str, Any] = {"product": p.id, "reason": None}
        try:
            s0, s1 = e0.intensity(p.id), e1.intensity(p.id)
        except InputError as exc:
            row.update(standard=None, reason=str(exc))
            rows.append(row)
            continue
        if "limit_product" in a:
            kw = {
                "product": a["limit_product"],
                "water_absorption": a.get("water_absorption"),
                "thickness_factor": a.get("thickness_factor", 1.0),
            }
            lim = grading.gb21252_limits(
                kw["product"], kw["water_absorption"], kw["thickness_factor"]
            )
            unit = f"{lim.level_3.units:~}"
            row.update(
                standard="GB 21252-2023",
                unit=unit,
                specific_energy_before=float(s0.m_as(unit)),
                specific_energy_after=float(s1.m_as(unit)),
                level_before=grading.gb21252_level(s0, **kw),
                level_after=grading.gb21252_level(s1, **kw),
                limit=float(lim.level_3.magnitude),
                status=lim.status,
            )
        else:
            edition = str(a.get("norm_edition", "2017"))
            t0 = grading.dyeing_norm_check(s0, fabric=a["fabric"], edition=edition)
            t1 = grading.dyeing_norm_check(s1, fabric=a["fabric"], edition=edition)
            r0, r1 = t0.iloc[0], t1.iloc[0]
            row.update(
                standard=f"dyeing norm {edition} ({a['fabric']})",
                unit=r0["unit"],
                specific_energy_before=float(r0["value"]),
                specific_energy_after=float(r1["value"]),
                level_before="meets limit" if r0["passed"] else "above limit",
                level_after="meets limit" if r1["passed"] else "above limit",
                limit=float(r0["limit_value"]),
                status=r0["status"],
            )
        b, f = _LEVEL_RANK[row["level_before"]], _LEVEL_RANK[row["level_after"]]
        row["change"] = "better" if f < b else "same" if f == b else "worse"
        rows.append(row)
    columns = [
        "product",
        "standard",
        "unit",
        "specific_energy_before",
        "specific_energy_after",
        "level_before",
        "level_after",
        "change",
        "limit",
        "status",
        "reason",
    ]
    return pd.DataFrame(rows, columns=columns, dtype=object)


def curve_rows(table: pd.DataFrame, *, co2_column: str = "co2_avoided_t") -> pd.DataFrame:
    """Rows of a :func:`plant_retrofits` table that a MAC curve or waterfall can stack.

    Keeps the measures evaluated in the table's own interaction mode (package
    increments; an alternative evaluated alone would count its stream twice) that avoid
    CO2 (``co2_column`` > 0) and have an abatement cost.

    Examples
    --------
    >>> import warnings, greenchain as gc
    >>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     rows = curve_rows(plant_retrofits(plant))
    >>> "dry_granulation" in set(rows["measure"])  # an alternative, evaluated alone
    False
    """
    mode = table.attrs.get("totals", {}).get("interaction", "package")
    return table[
        table[co2_column].map(lambda v: v is not None and v > 0)
        & table["abatement_cost"].map(lambda v: v is not None)
        & (table["evaluated"] == mode)
    ]
