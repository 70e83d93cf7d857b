"""How each retrofit measure acts on the plant: saving effects per energy stream."""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pint

from greenchain.data.plant_file import ENERGY_CARRIERS_SPECIAL, EnergyEntry
from greenchain.decisions.retrofit.catalogue import Measure, _function
from greenchain.errors import (
    GreenchainError,
    InputError,
    OutOfRangeError,
    UnverifiedDataWarning,
)
from greenchain.units import Q_, read_quantity

if TYPE_CHECKING:
    from greenchain.interface.plant import Plant


_GJ_PER_TCE = float(Q_(1.0, "tce").m_as("GJ"))  # 29.3076 GJ per tce (GB/T 2589)
_HOURS_PER_YEAR = 8760.0  # a 365-day year; only scales a fraction model's power input
_OPTION_KEYS = {"uses", "coverage", "generation"}
_NUMBER_UNIT = re.compile(r"^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(.*?)\s*$")
# Differences below this share of the baseline are round-off of the re-run (not savings).
_NOISE = 1e-12


# ------------------------------------------------------------------------------ effects
@dataclass
class _Effect:
    """A measure's saving fraction on each energy entry, alone on the baseline."""

    measure: Measure
    fractions: dict[int, float] = field(default_factory=dict)
    low: dict[int, float | None] = field(default_factory=dict)
    high: dict[int, float | None] = field(default_factory=dict)
    methods: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    entries: list[int] = field(default_factory=list)
    shift: bool = False

    @property
    def found(self) -> bool:
        return bool(self.fractions)


def _value(raw: Any, where: str, source: str | None = None) -> Any:
    """Read a plant-file value: ``"220 degC"`` and ``{value, unit}`` become Quantities."""
    if isinstance(raw, str):
        match = _NUMBER_UNIT.match(raw)
        if not match:
            return raw
        if not match.group(2):
            return float(match.group(1))
        return read_quantity(raw, where, source=source)
    if isinstance(raw, dict) and set(raw) == {"value", "unit"}:
        return _value(f"{raw['value']} {raw['unit']}", where, source)
    if isinstance(raw, list):
        return [_value(v, where, source) for v in raw]
    return raw


def _fraction_input(raw: Any, where: str, source: str | None) -> float:
    value = _value(raw, where, source)
    try:
        f = float(value.m_as("") if isinstance(value, pint.Quantity) else value)
    except (TypeError, ValueError, pint.errors.DimensionalityError):
        raise InputError(f"must be a fraction, got {raw!r}", field=where, source=source) from None
    if not 0.0 <= f <= 1.0:
        raise OutOfRangeError(f"must be in [0, 1], got {f:g}", field=where, source=source)
    return f


class _Context:
    """Baseline data shared by the effects of one assessment."""

    def __init__(self, plant: Plant, catalogue: Mapping[str, Measure]):
        self.plant = plant
        self.catalogue = catalogue
        self.source = plant.source_name
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tce = plant.energy(basis="equal_value").activities["tce"].to_numpy()
        # Stream sizes [GJ]: energy amounts (kWh, GJ) converted exactly; fuels by their
        # GB/T 2589 standard-coal coefficient (1 tce = 29.3076 GJ).
        self.gj = np.array(
            [
                float(e.amount.m_as("GJ")) if e.amount.check("[energy]") else t * _GJ_PER_TCE
                for e, t in zip(plant.data.energy, tce, strict=False)
            ]
        )
        self.entries = list(plant.data.energy)
        self.equipment = list(plant.data.equipment)
        _check_options(plant, catalogue)

    def option(self, m: Measure) -> tuple[Any, dict[str, Any]]:
        opt = self.plant.data.retrofit_options.get(m.id)
        return opt, dict(opt.model_extra or {}) if opt is not None else {}

    def carrier_ok(self, m: Measure, e: EnergyEntry) -> bool:
        wanted = m.stream.carrier
        if wanted is None:
            return True
        special = e.carrier in ENERGY_CARRIERS_SPECIAL
        return (
            e.carrier in wanted
            or ("fuel" in wanted and not special)
            or ("thermal" in wanted and e.carrier != "electricity")
        )

    def groups(
        self, m: Measure, extras: dict[str, Any]
    ) -> tuple[dict[str | None, list[int]], list]:
        """Entry indices of the stream, by ``use`` label, and the equipment of the kinds."""
        kinds = [(k, eq) for k, eq in enumerate(self.equipment) if eq.kind in m.equipment]
        ok = [
            i
            for i, e in enumerate(self.entries)
            if self.carrier_ok(m, e) and (m.stream.supply is None or e.supply in m.stream.supply)
        ]
        plant_labels = _unique(self.entries[i].use for i in ok)
        eq_labels = _unique(eq.energy for _, eq in kinds)
        if "uses" in extras:
            uses = extras["uses"]
            if not isinstance(uses, list) or not all(isinstance(u, str) for u in uses):
                raise InputError(
                    "must be a list of energy[].use labels",
                    field=f"retrofit_options.{m.id}.uses",
                    source=self.source,
                )
            labels: list[str | None] = list(uses)
        elif m.saving is not None and m.saving.applies_to == "equipment":
            labels = eq_labels
        elif m.stream.use is None:
            labels = eq_labels if m.equipment and kinds else plant_labels
        else:
            labels = _unique([u for u in m.stream.use if u in plant_labels] + eq_labels)
        out = {lab: [i for i in ok if self.entries[i].use == lab] for lab in labels}
        return {lab: idx for lab, idx in out.items() if idx}, kinds

    def share(self, k: int, label: str | None) -> float | None:
        eq = self.equipment[k]
        extra = eq.model_extra or {}
        if "share" in extra:
            return _fraction_input(extra["share"], f"equipment[{k}].share", self.source)
        on_label = [e for e in self.equipment if e.energy == label]
        return 1.0 if len(on_label) == 1 else None


def _unique(values: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    for v in values:
        if v not in out:
            out.append(v)
    return out


def _label(label: str | None) -> str:
    return "(no use)" if label is None else label


def _check_options(plant: Plant, catalogue: Mapping[str, Measure]) -> None:
    for mid, opt in plant.data.retrofit_options.items():
        if mid not in catalogue:
            raise InputError(
                f"unknown measure {mid!r}; known: {', '.join(sorted(catalogue))}",
                field=f"retrofit_options.{mid}",
                source=plant.source_name,
            )
        m = catalogue[mid]
        allowed = set(_OPTION_KEYS)
        if m.saving is not None and m.saving.model is not None:
            spec = m.saving.model
            allowed |= set(spec.inputs.values()) | set(spec.optional.values())
            allowed |= set(spec.divide_by) | {"hours"}
        unknown = sorted(set(opt.model_extra or {}) - allowed)
        if unknown:
            raise InputError(
                f"unknown key(s) {', '.join(unknown)}; allowed: capex, lifetime, "
                f"saving_fraction, selected, source, {', '.join(sorted(allowed))}",
                field=f"retrofit_options.{mid}",
                source=plant.source_name,
            )


def _effect(ctx: _Context, m: Measure) -> _Effect:
    eff = _Effect(m, shift=m.effect == "supply_shift")
    opt, extras = ctx.option(m)
    groups, kinds = ctx.groups(m, extras)
    eff.labels = [_label(lab) for lab in groups]
    eff.entries = [i for idx in groups.values() for i in idx]
    if not groups:
        by_kind = m.equipment and (
            (m.saving is not None and m.saving.applies_to == "equipment") or m.stream.use is None
        )
        carriers = ", ".join(m.stream.carrier) if m.stream.carrier else "any"
        uses = ", ".join(m.stream.use) if m.stream.use else "the labels its equipment draws on"
        if m.stream.use == []:
            uses = f"the labels given in retrofit_options.{m.id}.uses"
        if by_kind and not kinds:
            eff.reasons.append(
                f"needs {'/'.join(m.equipment)} entries in equipment (energy = the energy[].use "
                "label they draw on)"
            )
        else:
            eff.reasons.append(f"no energy[] entry matches carrier ({carriers}) and use ({uses})")
        eff.methods.append("missing")
        return eff
    if eff.shift:
        _shift(ctx, eff, groups, extras)
        return eff
    if opt is not None and opt.saving_fraction is not None:
        for idx in groups.values():
            for i in idx:
                eff.fractions[i], eff.low[i], eff.high[i] = opt.saving_fraction, None, None
        eff.methods.append("user")
        eff.statuses.append("user")
        if opt.source:
            eff.notes.append(f"saving fraction from the plant file ({opt.source})")
        return eff
    coverage = (
        _fraction_input(extras["coverage"], f"retrofit_options.{m.id}.coverage", ctx.source)
        if "coverage" in extras
        else 1.0
    )
    for label, idx in groups.items():
        log: list[str] = []
        value = _model_group(ctx, eff, label, idx, kinds, extras, log)
        if value is None:
            found = _catalogue_group(ctx, eff, label, idx, kinds, coverage)
            (eff.notes if found else eff.reasons).extend(log)
            continue
        eff.notes.extend(log)
        for i in idx:
            eff.fractions[i], eff.low[i], eff.high[i] = value, None, None
    return eff


def _shift(ctx: _Context, eff: _Effect, groups: dict, extras: dict[str, Any]) -> None:
    m = eff.measure
    where = f"retrofit_options.{m.id}.generation"
    if "generation" not in extras:
        eff.methods.append("missing")
        eff.reasons.append(f"no yield is sourced: give {where} (electricity per year)")
        return
    gen = _value(extras["generation"], where, ctx.source)
    if not isinstance(gen, pint.Quantity) or not gen.check("[energy]"):
        raise InputError("give the yearly generation as an energy, e.g. '3000 MWh'", field=where)
    idx = [i for ids in groups.values() for i in ids]
    grid = sum(float(ctx.entries[i].amount.m_as("kWh")) for i in idx)
    f = float(gen.m_as("kWh")) / grid if grid > 0 else math.inf
    if f > 1.0:
        raise OutOfRangeError(
            f"{gen:~P} is more than the grid electricity it would replace ({grid:,.0f} kWh)",
            field=where,
            source=ctx.source,
        )
    for i in idx:
        eff.fractions[i], eff.low[i], eff.high[i] = f, None, None
    eff.methods.append("user")
    eff.statuses.append("user")


def _inputs(
    ctx: _Context, m: Measure, names: Mapping[str, str], extras: dict, eq_k: int | None
) -> tuple[dict[str, Any], list[str], dict[str, str]]:
    """Model arguments from retrofit_options, then the equipment entry; missing keys."""
    got: dict[str, Any] = {}
    missing: list[str] = []
    where: dict[str, str] = {}
    eq_extra = (ctx.equipment[eq_k].model_extra or {}) if eq_k is not None else {}
    for arg, key in names.items():
        if key in extras:
            path = f"retrofit_options.{m.id}.{key}"
            got[arg], where[arg] = _value(extras[key], path, ctx.source), path
        elif key in eq_extra:
            path = f"equipment[{eq_k}].{key}"
            got[arg], where[arg] = _value(eq_extra[key], path, ctx.source), path
        else:
            missing.append(key)
    return got, missing, where


def _model_group(
    ctx: _Context,
    eff: _Effect,
    label: str | None,
    idx: list[int],
    kinds: list,
    extras: dict,
    log: list[str],
) -> float | None:
    """Stream fraction of one label group from the process model, or None (not usable)."""
    m = eff.measure
    spec = m.saving.model if m.saving else None
    if spec is None:
        return None
    on_label = [(k, eq) for k, eq in kinds if eq.energy == label]
    keys = set(spec.inputs.values()) | set(spec.optional.values()) | set(spec.divide_by)
    if not on_label and not keys & set(extras):
        return None  # no plant data for the model: not an attempt
    if spec.per_unit:
        units: list[tuple[int | None, int]] = [(k, eq.count) for k, eq in on_label]
    elif len(on_label) <= 1:
        units = [(on_label[0][0] if on_label else None, 1)]
    else:
        log.append(
            f"{_label(label)}: several {'/'.join(m.equipment)} entries; give the model inputs "
            f"of {spec.function.rsplit('.', 1)[1]} in retrofit_options.{m.id}"
        )
        return None
    stream_gj = float(sum(ctx.gj[i] for i in idx))
    extra_keys = {"hours": "hours", **{k: k for k in spec.divide_by}}
    total, used, incomplete = 0.0, 0, []
    for k, count in units:
        args, missing, where = _inputs(ctx, m, spec.inputs, extras, k)
        opt_args, _, opt_where = _inputs(ctx, m, spec.optional, extras, k)
        more, _, more_where = _inputs(ctx, m, extra_keys, extras, k)
        missing += [d for d in spec.divide_by if d not in more]
        share: float | None = 1.0  # a plant-level evaluation covers the whole stream
        if k is not None and (spec.result_is == "fraction" or spec.stream_argument):
            share = ctx.share(k, label)
            if share is None:
                missing.append("share")
        name = f"equipment[{k}] ({ctx.equipment[k].id})" if k is not None else "the plant"
        if missing:
            incomplete.append(f"{name}: {', '.join(_unique(missing))}")
            continue
        args.update(opt_args)
        where.update(opt_where)
        hours = more.get("hours")
        if spec.stream_argument:
            h = _HOURS_PER_YEAR if hours is None else float(Q_(hours, "h").m_as("h"))
            gj = stream_gj * float(share or 0.0) / count
            args[spec.stream_argument] = Q_(gj / h, "GJ/h").to("kW")
        result = _call(ctx, m, spec.function, args, where, eff)
        out = getattr(result, spec.result) if spec.result else result
        if spec.result_is == "fraction":
            f = float(Q_(out).m_as(""))
            total += float(share or 0.0) * f
        else:
            q = Q_(out)
            if q.check("[power]"):
                if hours is None:
                    incomplete.append(f"{name}: hours")
                    continue
                q = q * Q_(hours, "h")
            for d in spec.divide_by:
                eta = _fraction_input(more[d], more_where[d], ctx.source)
                if eta == 0:
                    raise OutOfRangeError("must be above 0", field=more_where[d], source=ctx.source)
                q = q / eta
            total += float(q.m_as("GJ")) * count / stream_gj if stream_gj > 0 else math.inf
        used += 1
    if incomplete:
        fn = spec.function.rsplit(".", 1)[1]
        how = "counts only complete units; inputs missing for" if used else "not used, missing"
        log.append(f"{_label(label)}: model {fn} {how} " + "; ".join(incomplete))
    if not used:
        return None
    if total < -_NOISE or total > 1.0 + 1e-9:
        raise OutOfRangeError(
            f"measure {m.id}: the model saving is {total:.1%} of stream "
            f"{_label(label)!r}; it must lie between 0 and the stream (check the equipment "
            "inputs and shares)",
            field=f"retrofit_options.{m.id}",
            source=ctx.source,
        )
    eff.methods.append("model")
    eff.statuses.append("plant_data")
    return max(total, 0.0)


def _call(ctx: _Context, m: Measure, path: str, args: dict, where: dict, eff: _Effect) -> Any:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = _function(path)(**args)
        except GreenchainError as exc:
            arg = getattr(exc, "field", None)
            raise type(exc)(
                f"{m.id} ({path.rsplit('.', 1)[1]}): {getattr(exc, 'message', str(exc))}",
                field=where.get(str(arg), arg),
                source=ctx.source,
            ) from None
    for w in caught:
        if issubclass(w.category, UnverifiedDataWarning):
            eff.statuses.append("unverified")
            eff.notes.append(f"model used unverified data: {w.message}")
    return result


def _catalogue_group(
    ctx: _Context, eff: _Effect, label: str | None, idx: list[int], kinds: list, coverage: float
) -> bool:
    m = eff.measure
    assert m.saving is not None
    spec = m.saving.by_use.get(label or "") or m.saving.fraction
    if spec is None:
        eff.reasons.append(
            f"{_label(label)}: no sourced saving; give the model inputs or "
            f"retrofit_options.{m.id}.saving_fraction"
        )
        return False
    scale = coverage
    if m.saving.applies_to == "equipment":
        on_label = [(k, eq) for k, eq in kinds if eq.energy == label]
        shares = [ctx.share(k, label) for k, _ in on_label]
        if not on_label or None in shares:
            eff.reasons.append(
                f"{_label(label)}: give `share` (of energy {_label(label)!r}) on the "
                f"{'/'.join(m.equipment)} entries"
            )
            return False
        scale *= min(sum(s for s in shares if s is not None), 1.0 + 1e-12)
        if sum(s for s in shares if s is not None) > 1.0 + 1e-9:
            raise OutOfRangeError(
                f"shares of the {'/'.join(m.equipment)} entries on {_label(label)!r} add up "
                "to more than 1",
                field="equipment.share",
                source=ctx.source,
            )
    for i in idx:
        eff.fractions[i] = spec.value * scale
        eff.low[i] = None if spec.low is None else spec.low * scale
        eff.high[i] = None if spec.high is None else spec.high * scale
    eff.methods.append("catalogue")
    eff.statuses.append(str(m.status))
    bound = {
        "upper_bound": "is the published maximum ('up to'); the plant's saving is likely lower",
        "lower_bound": "is a published lower bound ('or more')",
        "low_end": "is the low end of the published range",
    }.get(spec.bound)
    if bound:
        eff.notes.append(f"catalogue fraction {spec.value:g} {bound}")
    return True
