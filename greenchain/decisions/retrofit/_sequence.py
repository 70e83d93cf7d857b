"""A retrofit package evaluated in sequence, on the plant state each measure leaves.

A helper module of :mod:`greenchain.decisions.retrofit` (its names are public to the
package, which is the only user). :func:`run_sequence` applies the members of a package
one after another in package order (catalogue ``order``: process demand 10, conversion
efficiency 20, heat recovery 30, energy supply 40; ties keep catalogue order). Each
measure is evaluated by the same process models as alone, but on the plant data the
previous measures left:

* the energy entries reduced by the savings so far (a model fed with the stream, such as
  the kiln's fuel input, sees the smaller stream; a saving found as a fraction is a
  fraction of what is left);
* the equipment state changed by the catalogue's ``sets`` (after O2 trim the kiln's
  ``flue_o2`` is the trim target, after cooling-air reuse its combustion air is the
  preheated air);
* measures that share a mechanism (catalogue ``overlaps``, either way) save together the
  larger of their savings on a stream, not both: a later one adds only the part of its
  saving beyond the earlier ones (nothing when they save as much), and each leaves the
  equipment state the others' ``sets`` describe (pulse firing, whose saving is largely
  excess-air control, leaves the kiln at O2 trim's target O2 when the plant gives it:
  otherwise a package with pulse firing and cooling-air reuse would evaluate the reuse
  at the old excess air, and adding O2 trim to it would raise its energy use);
* a measure that ``draws_on`` a waste-heat source takes at most the heat left in it
  (:mod:`~greenchain.decisions.retrofit._heat`); a larger draw is scaled down, with its
  saving, and a caveat says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from greenchain.decisions.retrofit._effects import Context, Effect, effect_caveats
from greenchain.decisions.retrofit._heat import available_heat, heat_drawn
from greenchain.decisions.retrofit._projects import effect_of
from greenchain.decisions.retrofit.catalogue import Measure
from greenchain.errors import GreenchainWarning, caveat

__all__ = ["Step", "Sequence", "run_sequence", "scaled_effect", "budget_table", "overlap"]


@dataclass
class Step:
    """One measure of a package, evaluated on the state the previous ones left.

    Attributes
    ----------
    measure : Measure
        The measure.
    effect : Effect
        Its effect on that state (fractions of the entries as they were then).
    counted : bool
        Whether it is counted in the package.
    note : str or None
        Why it is not counted, or how it was limited.
    heat_source : str or None
        The waste-heat source it draws on.
    heat_drawn_gj : float or None
        Heat it takes from that source [GJ/yr], after any scaling.
    kept : float
        Share of its saving kept by the heat budget [-].
    scale, moved : numpy.ndarray or None
        Share of each baseline ``energy[]`` entry left, and moved to on-site generation,
        after it [-].
    """

    measure: Measure
    effect: Effect
    counted: bool
    note: str | None = None
    heat_source: str | None = None
    heat_drawn_gj: float | None = None
    kept: float = 1.0
    scale: np.ndarray | None = None
    moved: np.ndarray | None = None


@dataclass
class Sequence:
    """A package evaluated in sequence.

    Attributes
    ----------
    steps : list of Step
        One per member with a saving, in package order.
    scale, moved : numpy.ndarray
        Share of each baseline ``energy[]`` entry left, and moved to on-site PV [-].
    equipment : list
        The ``equipment[]`` entries in the state the package left (catalogue ``sets``).
    budget : dict
        Source -> ``{available_gj, drawn_gj, measures, reason}``.
    """

    steps: list[Step]
    scale: np.ndarray
    moved: np.ndarray
    equipment: list[Any]
    budget: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def counted(self) -> list[Step]:
        """The steps counted in the package."""
        return [s for s in self.steps if s.counted]


def scaled_effect(eff: Effect, kept: float) -> Effect:
    """A copy of an effect with every fraction multiplied by ``kept``.

    Parameters
    ----------
    eff : Effect
        The effect.
    kept : float
        Share kept [-].

    Returns
    -------
    Effect
    """
    if kept >= 1.0:
        return eff
    out = Effect(**{**eff.__dict__})
    out.fractions = {i: f * kept for i, f in eff.fractions.items()}
    return out


def _beyond(eff: Effect, previous: list[Step]) -> Effect:
    """An overlapping measure's effect reduced to the part beyond the measures it overlaps.

    On each entry the overlapping measures together save the larger of their savings,
    not both: with :math:`r` the share the earlier ones left, the later one's fraction
    :math:`f` becomes :math:`\\max(0, 1 - (1 - f)/r)`.
    """
    out = Effect(**{**eff.__dict__})
    fractions = {}
    for i, f in eff.fractions.items():
        r = 1.0
        for st in previous:
            r *= 1.0 - st.effect.fractions.get(i, 0.0) * st.kept
        fractions[i] = max(0.0, 1.0 - (1.0 - f) / r) if r > 0 else 0.0
    out.fractions = {i: f for i, f in fractions.items() if f > 0}
    return out


def _apply_sets(equipment: list[Any], m: Measure, ctx: Context) -> list[Any]:
    """The equipment in the state the measure leaves (catalogue ``sets``).

    The ``sets`` of the measures sharing its mechanism (``overlaps``, either way) apply
    first, with the values the plant gives for them; the measure's own ``sets`` last.
    """
    sources = [o for o in ctx.catalogue.values() if o.sets and overlap(m, o)]
    equipment = list(equipment)
    for src in [*sources, m] if m.sets else sources:
        _, extras = ctx.option(src)
        for k, eq in enumerate(equipment):
            if eq.kind not in src.equipment:
                continue
            own = eq.model_extra or {}
            update = {}
            for key, option_key in src.sets.items():
                if option_key in extras:
                    update[key] = extras[option_key]
                elif option_key in own:
                    update[key] = own[option_key]
            if update:
                equipment[k] = eq.model_copy(update=update)
    return equipment


def overlap(a: Measure, b: Measure | None) -> bool:
    """Whether two measures share a mechanism (either names the other in ``overlaps``).

    Parameters
    ----------
    a, b : Measure
        The measures (``b`` may be None: no overlap).

    Returns
    -------
    bool
    """
    return b is not None and b.id != a.id and (b.id in a.overlaps or a.id in b.overlaps)


def run_sequence(
    base: Context,
    members: list[Measure],
    catalogue: Mapping[str, Measure] | None = None,
) -> Sequence:
    """Apply the members of a package one after another, each on the state left before.

    Parameters
    ----------
    base : Context
        The baseline.
    members : list of Measure
        The package, in package order.
    catalogue : mapping, optional
        The catalogue (default: the baseline's).

    Returns
    -------
    Sequence
    """
    n = len(base.data.energy)
    scale, moved = np.ones(n), np.zeros(n)
    budget = available_heat(base)
    steps: list[Step] = []
    applied: list[str] = []
    equipment, ctx = list(base.equipment), base
    for m in members:
        if applied:
            ctx = base.after(scale, moved, equipment, catalogue)
        eff = effect_of(ctx, m)
        effect_caveats(eff)
        if not eff.found:
            continue
        over = [st.measure.id for st in steps if st.counted and overlap(m, st.measure)]
        note = None
        if over:
            eff = _beyond(eff, [st for st in steps if st.counted and st.measure.id in over])
            note = (
                f"overlaps {', '.join(over)} (catalogue `overlaps`): the same mechanism, so it "
                "adds only the part of its saving beyond them"
            )
            if not any(f > 0 for f in eff.fractions.values()):
                note = (
                    f"overlaps {', '.join(over)} (catalogue `overlaps`): the same mechanism, "
                    "which already saves as much; not counted again in the package"
                )
                caveat(f"retrofit package: {m.id} {note}", GreenchainWarning, field="measures")
                steps.append(Step(m, eff, False, note))
                continue
        step = Step(m, eff, True, note)
        if m.draws_on is not None:
            _draw(ctx, step, budget)
        eff = scaled_effect(eff, step.kept)
        for i, f in eff.fractions.items():
            if i >= n:
                continue
            if eff.shift:
                moved[i] += f * scale[i]
            scale[i] *= 1.0 - f
        applied.append(m.id)
        # the equipment as the previous measures left it, then this measure's `sets`
        equipment = _apply_sets(equipment, m, ctx)
        step.scale, step.moved = scale.copy(), moved.copy()
        steps.append(step)
    return Sequence(steps, scale, moved, equipment, budget)


def _draw(ctx: Context, step: Step, budget: dict[str, dict[str, Any]]) -> None:
    """Check a measure's draw on its heat source; scale it down to the heat left."""
    m = step.measure
    assert m.draws_on is not None
    src = m.draws_on.source
    step.heat_source = src
    heat = heat_drawn(ctx, step.effect, m.draws_on.heat)
    entry = budget[src]
    entry["measures"].append(m.id)
    if heat is None:
        step.note = f"heat drawn from {src} not computed"
        return
    avail = entry["available_gj"]
    if avail is None or not np.isfinite(avail):
        step.heat_drawn_gj = heat
        entry["drawn_gj"] += heat
        step.note = f"available heat of {src} not computed ({entry['reason']}): draw not checked"
        return
    left = max(avail - entry["drawn_gj"], 0.0)
    if heat > left + 1e-9 * max(avail, 1.0):
        step.kept = left / heat if heat > 0 else 0.0
        step.note = (
            f"needs {heat:,.0f} GJ/yr of {src} but {left:,.0f} GJ/yr are left of "
            f"{avail:,.0f}: saving scaled to {step.kept:.1%}"
        )
        caveat(
            f"retrofit package: {m.id} {step.note} (heat budget)",
            GreenchainWarning,
            field=f"retrofit_options.{m.id}",
        )
        heat = left
    step.heat_drawn_gj = heat
    entry["drawn_gj"] += heat


def budget_table(seq: Sequence) -> pd.DataFrame:
    """The heat budget of a package evaluated in sequence, one row per source.

    Parameters
    ----------
    seq : Sequence
        From :func:`~greenchain.decisions.retrofit._sequence.run_sequence`.

    Returns
    -------
    pandas.DataFrame
        ``source``, ``available_gj``, ``drawn_gj``, ``left_gj`` [GJ/yr], ``measures``
        (ids drawing on it, in package order, comma-separated) and ``reason``.
    """
    rows = []
    for src, b in seq.budget.items():
        avail, drawn = float(b["available_gj"]), float(b["drawn_gj"])
        rows.append(
            {
                "source": src,
                "available_gj": avail,
                "drawn_gj": drawn,
                "left_gj": avail - drawn,
                "measures": ", ".join(b["measures"]) or None,
                "reason": b["reason"],
            }
        )
    return pd.DataFrame(
        rows, columns=["source", "available_gj", "drawn_gj", "left_gj", "measures", "reason"]
    )
