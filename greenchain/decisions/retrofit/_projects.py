"""Projects already installed (plant file ``projects``), netted out of a measure's saving.

A helper module of :mod:`greenchain.decisions.retrofit`. A project naming a catalogue
``measure`` with ``installed_on`` (a fraction of the measure's equipment, or
``"4 of 8 stenters"``) leaves the measure the rest of the equipment: its saving
fractions are multiplied by ``1 - installed``. A project naming a measure without
``installed_on`` is not netted out (its scope is unknown) and a caveat says so.
"""

from __future__ import annotations

import re

from greenchain.decisions.retrofit._effects import Context, Effect, measure_effect
from greenchain.decisions.retrofit.catalogue import Measure
from greenchain.errors import GreenchainWarning, InputError, caveat

__all__ = ["installed_share", "effect_of"]

_OF = re.compile(r"^\s*(\d+(?:\.\d+)?)\s+of\s+(\d+(?:\.\d+)?)\b")


def installed_share(ctx: Context, m: Measure) -> tuple[float, list[str]]:
    """Share of a measure already installed by the plant's projects, and the notes.

    Parameters
    ----------
    ctx : Context
        The plant state.
    m : Measure
        The measure.

    Returns
    -------
    tuple
        ``(share [-], notes)``.

    Raises
    ------
    InputError
        An ``installed_on`` that is neither a fraction nor ``"N of M ..."``, or above 1.
    """
    share, notes = 0.0, []
    for j, p in enumerate(ctx.data.projects):
        if p.measure != m.id:
            continue
        where = f"projects[{j}].installed_on"
        if p.installed_on is None:
            text = (
                f"project {p.name!r} ({p.year}) installed {m.id} on an unknown part of the plant: "
                f"not netted out; give {where} (a fraction or 'N of M <equipment>')"
            )
            caveat(f"retrofit measure {m.id}: {text}", GreenchainWarning, field=where)
            notes.append(text)
            continue
        if isinstance(p.installed_on, str):
            match = _OF.match(p.installed_on)
            if not match or float(match.group(2)) <= 0:
                raise InputError(
                    f"expected a fraction or 'N of M <equipment>', got {p.installed_on!r}",
                    field=where,
                    source=ctx.source,
                )
            value = float(match.group(1)) / float(match.group(2))
        else:
            value = float(p.installed_on)
        if not 0.0 <= value <= 1.0:
            raise InputError(
                f"must be between 0 and 1, got {value:g}", field=where, source=ctx.source
            )
        share += value
        notes.append(
            f"project {p.name!r} ({p.year}) already installed it on {p.installed_on}: "
            f"counted on the remaining {1 - min(share, 1.0):.0%}"
        )
    if share > 1.0 + 1e-9:
        raise InputError(
            f"the projects install {m.id} on more than the whole plant ({share:.0%})",
            field="projects",
            source=ctx.source,
        )
    return min(share, 1.0), notes


def effect_of(ctx: Context, m: Measure) -> Effect:
    """A measure's effect on a state, net of the projects already installed.

    Parameters
    ----------
    ctx : Context
        The plant state.
    m : Measure
        The measure.

    Returns
    -------
    Effect
        :func:`~greenchain.decisions.retrofit._effects.measure_effect` with its
        fractions multiplied by ``1 - installed``.
    """
    eff = measure_effect(ctx, m)
    share, notes = installed_share(ctx, m)
    eff.notes.extend(notes)
    eff.installed = share
    if share > 0 and not eff.shift:
        eff.fractions = {i: f * (1.0 - share) for i, f in eff.fractions.items()}
        eff.low = {i: None if v is None else v * (1.0 - share) for i, v in eff.low.items()}
        eff.high = {i: None if v is None else v * (1.0 - share) for i, v in eff.high.items()}
        if share >= 1.0:
            eff.fractions = {}
            eff.reasons.append("already installed on the whole plant (projects)")
    return eff
