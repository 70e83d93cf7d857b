"""How each retrofit measure acts on the plant: saving effects per energy stream.

A helper module of :mod:`greenchain.decisions.retrofit` (the ``processes/_levels.py``
pattern): its names are public to the package, which is the only user. A
:class:`~greenchain.decisions.retrofit._context.Context` holds the plant state the
effects are found on (:mod:`~greenchain.decisions.retrofit._context`); :func:`resolve_measures` and
:func:`package_members` choose the measures and their package order;
:func:`measure_effect` finds each measure's saving fraction on every energy entry.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pint

from greenchain.decisions.retrofit._context import (
    GJ_PER_TCE,
    Context,
    context,
    fraction_input,
    option_value,
    unique,
    use_label,
)
from greenchain.decisions.retrofit._inputs import (
    PROFILE_ARGUMENTS,
    check_quantity_arguments,
    is_sequence,
    operating_hours,
)
from greenchain.decisions.retrofit.catalogue import (
    Measure,
    get_measure,
    model_function,
)
from greenchain.errors import (
    GreenchainError,
    GreenchainWarning,
    InputError,
    OutOfRangeError,
    UnitError,
    UnverifiedDataWarning,
    caveat,
    collect_caveats,
)
from greenchain.units import Q_, shorten

__all__ = [
    "GJ_PER_TCE",
    "NOISE",
    "Effect",
    "Context",
    "context",
    "resolve_measures",
    "package_members",
    "measure_effect",
    "effect_caveats",
    "unique",
    "use_label",
]

#: Differences below this share of the baseline are round-off of the re-run (not savings).
NOISE = 1e-12
_HOURS_PER_YEAR = 8760.0  # a 365-day year; only scales a fraction model's power input


# ------------------------------------------------------------------------------ effects
@dataclass
class Effect:
    """A measure's saving fraction on each energy entry, alone on the baseline.

    Attributes
    ----------
    measure : Measure
        The catalogue measure.
    fractions : dict
        ``energy[]`` index -> saving fraction of that entry [-].
    low, high : dict
        ``energy[]`` index -> low and high end of the fraction (``None``: no range).
    methods, statuses : list of str
        How the fraction was found (``user``, ``model``, ``catalogue``, ``missing``) and
        the status of its data.
    reasons, notes : list of str
        Why a saving is missing; what the reader should know.
    labels : list of str
        The ``use`` labels of the stream.
    entries : list of int
        The ``energy[]`` entries of the stream.
    shift : bool
        On-site generation moving grid electricity (``supply_shift``), not a saving.
    results : list of tuple
        ``(equipment index or None, count, model result, hours or None)`` per model call.
    installed : float
        Share already installed by the plant's ``projects`` (netted out) [-].
    """

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
    results: list[tuple[int | None, int, Any, Any]] = field(default_factory=list)
    installed: float = 0.0

    @property
    def found(self) -> bool:
        return bool(self.fractions)


def measure_effect(ctx: Context, m: Measure) -> Effect:
    """A measure's saving fraction on each energy entry of the baseline, alone.

    The fraction comes from the plant's ``retrofit_options.<id>.saving_fraction``, else
    the catalogue's process model fed from the plant's equipment, else the catalogue
    fraction; otherwise the effect has no fractions and says why.

    Parameters
    ----------
    ctx : Context
        The baseline.
    m : Measure
        The measure.

    Returns
    -------
    Effect
    """
    eff = Effect(m, shift=m.effect == "supply_shift")
    opt, extras = ctx.option(m)
    groups, kinds = ctx.groups(m, extras)
    eff.labels = [use_label(lab) for lab in groups]
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
        fraction_input(extras["coverage"], f"retrofit_options.{m.id}.coverage", ctx.source)
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


def _shift(ctx: Context, eff: Effect, groups: dict, extras: dict[str, Any]) -> None:
    m = eff.measure
    where = f"retrofit_options.{m.id}.generation"
    if "generation" not in extras:
        eff.methods.append("missing")
        eff.reasons.append(f"no yield is sourced: give {where} (electricity per year)")
        return
    gen = option_value(extras["generation"], where, ctx.source)
    if not isinstance(gen, pint.Quantity) or not gen.check("[energy]"):
        raise InputError("give the yearly generation as an energy, e.g. '3000 MWh'", field=where)
    idx = [i for ids in groups.values() for i in ids]
    grid = ctx.kwh(idx)
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
    ctx: Context, m: Measure, names: Mapping[str, str], extras: dict, eq_k: int | None
) -> tuple[dict[str, Any], list[str], dict[str, str]]:
    """Model arguments from retrofit_options, then the equipment entry; missing keys."""
    got: dict[str, Any] = {}
    missing: list[str] = []
    where: dict[str, str] = {}
    eq_extra = (ctx.equipment[eq_k].model_extra or {}) if eq_k is not None else {}
    for arg, key in names.items():
        if key in extras:
            path = f"retrofit_options.{m.id}.{key}"
            got[arg], where[arg] = option_value(extras[key], path, ctx.source), path
        elif key in eq_extra:
            path = f"equipment[{eq_k}].{key}"
            got[arg], where[arg] = option_value(eq_extra[key], path, ctx.source), path
        else:
            missing.append(key)
    return got, missing, where


def _model_group(
    ctx: Context,
    eff: Effect,
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
            f"{use_label(label)}: several {'/'.join(m.equipment)} entries; give the model inputs "
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
            incomplete.append(f"{name}: {', '.join(unique(missing))}")
            continue
        args.update(opt_args)
        where.update(opt_where)
        hours = more.get("hours")
        if spec.stream_argument:
            h = _HOURS_PER_YEAR if hours is None else operating_hours(hours, more_where, ctx.source)
            if h == 0:
                raise OutOfRangeError(
                    "must be above 0 h", field=more_where["hours"], source=ctx.source
                )
            gj = stream_gj * float(share or 0.0) / count
            args[spec.stream_argument] = Q_(gj / h, "GJ/h").to("kW")
        result = _call(ctx, m, spec.function, args, where, eff)
        out = getattr(result, spec.result) if spec.result else result
        eff.results.append((k, count, result, hours))
        if out is None:  # an optional input the result needs was left blank
            incomplete.append(f"{name}: {', '.join(spec.optional.values())} (no {spec.result})")
            continue
        if spec.result_is == "fraction":
            f = float(Q_(out).m_as(""))
            total += float(share or 0.0) * f
        else:
            q = Q_(out)
            if q.check("[power]"):
                if hours is None:
                    incomplete.append(f"{name}: hours")
                    continue
                q = q * Q_(operating_hours(hours, more_where, ctx.source), "h")
            for d in spec.divide_by:
                eta = fraction_input(more[d], more_where[d], ctx.source)
                if eta == 0:
                    raise OutOfRangeError("must be above 0", field=more_where[d], source=ctx.source)
                q = q / eta
            total += float(q.m_as("GJ")) * count / stream_gj if stream_gj > 0 else math.inf
        used += 1
    if incomplete:
        fn = spec.function.rsplit(".", 1)[1]
        how = "counts only complete units; inputs missing for" if used else "not used, missing"
        log.append(f"{use_label(label)}: model {fn} {how} " + "; ".join(incomplete))
    if not used:
        return None
    if total < -NOISE or total > 1.0 + 1e-9:
        raise OutOfRangeError(
            f"measure {m.id}: the model saving is {total:.1%} of stream "
            f"{use_label(label)!r}; it must lie between 0 and the stream (check the equipment "
            "inputs and shares)",
            field=f"retrofit_options.{m.id}",
            source=ctx.source,
        )
    eff.methods.append("model")
    eff.statuses.append("plant_data")
    return max(total, 0.0)


def _call(ctx: Context, m: Measure, path: str, args: dict, where: dict, eff: Effect) -> Any:
    for name, value in args.items():
        if is_sequence(value) and name not in PROFILE_ARGUMENTS:
            raise InputError(
                f"{m.id}: expected one value, got {shorten(value)}",
                field=where.get(name, name),
                source=ctx.source,
            )
    check_quantity_arguments(model_function(path), args, where, ctx.source)
    with collect_caveats() as caught:  # the model's caveats become the effect's notes
        try:
            result = model_function(path)(**args)
        except (pint.errors.DimensionalityError, pint.errors.OffsetUnitCalculusError) as exc:
            # a plant-file value with a unit of the wrong kind reached the model
            raise UnitError(
                f"{m.id} ({path.rsplit('.', 1)[1]}): {exc}",
                field=", ".join(str(where.get(n, n)) for n in args),
                source=ctx.source,
            ) from None
        except GreenchainError as exc:
            arg = getattr(exc, "field", None)
            raise type(exc)(
                f"{m.id} ({path.rsplit('.', 1)[1]}): {getattr(exc, 'message', str(exc))}",
                field=where.get(str(arg), arg),
                source=ctx.source,
            ) from None
    for c in caught:
        if issubclass(c.category, UnverifiedDataWarning):
            eff.statuses.append("unverified")
            eff.notes.append(f"model used unverified data: {c.message}")
    return result


def _catalogue_group(
    ctx: Context, eff: Effect, label: str | None, idx: list[int], kinds: list, coverage: float
) -> bool:
    m = eff.measure
    assert m.saving is not None
    spec = m.saving.by_use.get(label or "") or m.saving.fraction
    if spec is None:
        eff.reasons.append(
            f"{use_label(label)}: no sourced saving; give the model inputs or "
            f"retrofit_options.{m.id}.saving_fraction"
        )
        return False
    scale = coverage
    if m.saving.applies_to == "equipment":
        on_label = [(k, eq) for k, eq in kinds if eq.energy == label]
        shares = [ctx.share(k, label) for k, _ in on_label]
        if not on_label or None in shares:
            eff.reasons.append(
                f"{use_label(label)}: give `share` (of energy {use_label(label)!r}) on the "
                f"{'/'.join(m.equipment)} entries"
            )
            return False
        scale *= min(sum(s for s in shares if s is not None), 1.0 + 1e-12)
        if sum(s for s in shares if s is not None) > 1.0 + 1e-9:
            raise OutOfRangeError(
                f"shares of the {'/'.join(m.equipment)} entries on {use_label(label)!r} add up "
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


# ------------------------------------------------------------------------------ measures
def _order_key(cat: Mapping[str, Measure]) -> Any:
    index = {mid: i for i, mid in enumerate(cat)}
    return lambda m: (m.order, index.get(m.id, len(index)))


def _applicable(ctx: Context, m: Measure) -> bool:
    sector = ctx.data.plant.sector
    if sector in m.sectors:
        return True
    if "all" not in m.sectors:
        return False
    opt, extras = ctx.option(m)
    groups, kinds = ctx.groups(m, extras)
    return bool(groups) and (m.stream.use is not None or bool(kinds) or not m.equipment)


def resolve_measures(ctx: Context, measures: Any, *, package: bool) -> tuple[list[Measure], bool]:
    """The measures in package order, and whether they were chosen explicitly.

    Parameters
    ----------
    ctx : Context
        The baseline.
    measures : list of str, str, Measure or None
        Measure ids (a list, or ``"id1,id2"``) or measures; ``None``: the measures
        marked ``selected`` in ``retrofit_options`` when ``package``, else every measure
        applicable to the plant.
    package : bool
        Whether a package is being built (``selected`` measures are its default).

    Returns
    -------
    tuple
        ``(measures sorted by catalogue order, explicit)``.
    """
    cat = ctx.catalogue
    chosen: list[Measure]
    explicit = measures is not None
    if measures is None and package:
        selected = [mid for mid, o in ctx.data.retrofit_options.items() if o.selected]
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
    by_id = {m.id: m for m in chosen}
    return sorted(by_id.values(), key=_order_key(cat)), explicit


def package_members(ms: list[Measure], strict: bool) -> tuple[list[Measure], dict[str, str]]:
    """The measures that form a package, and the alternatives left out of it.

    Parameters
    ----------
    ms : list of Measure
        The measures, in package order.
    strict : bool
        Raise when two alternatives (catalogue ``excludes``) are named together, instead
        of leaving the later one out.

    Returns
    -------
    tuple
        ``(members, {left-out id: the member it is an alternative to})``.

    Raises
    ------
    InputError
        ``strict`` and two alternatives among ``ms``.
    """
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


def effect_caveats(eff: Effect) -> None:
    """Raise the caveats of one effect: an unverified saving, a published maximum.

    Parameters
    ----------
    eff : Effect
        The effect of one measure.
    """
    m = eff.measure
    where = f"retrofit_options.{m.id}"
    if "unverified" in eff.statuses and "catalogue" in eff.methods:
        caveat(
            f"retrofit measure {m.id}: the catalogue saving is unverified "
            f"({m.source_id}: {m.source_ref}); give a measured value in "
            f"retrofit_options.{m.id}.saving_fraction",
            UnverifiedDataWarning,
            field=where,
        )
    elif "unverified" in eff.statuses:
        caveat(
            f"retrofit measure {m.id}: its process model used unverified data",
            UnverifiedDataWarning,
            field=where,
        )
    for note in eff.notes:
        if "published maximum" in note:
            caveat(f"retrofit measure {m.id}: {note}", GreenchainWarning, field=where)
