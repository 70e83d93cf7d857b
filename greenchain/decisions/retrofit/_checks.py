"""Per-measure checks and values beyond energy: plausibility, water saved and its value.

A helper module of :mod:`greenchain.decisions.retrofit`:

* :func:`plausibility`: a model (or plant-file) saving outside the measure's published
  range (the catalogue fraction's ``low``/``high``, or its bound) is flagged with the
  range and its source;
* :func:`water_saved`: water a measure saves [m³/yr] where its catalogue ``water``
  entry says how (a model result such as the liquor-ratio heat balance's
  ``water_saving_fraction`` of the machines' ``water_use``, the condensate-return
  model's makeup water, or the sourced cold pad-batch fraction);
* :func:`water_value`: its value at the plant's ``prices.water`` (plus
  ``prices.wastewater`` when the water would have been discharged); no price, no value
  (and a reason): no price is assumed.
"""

from __future__ import annotations

from typing import Any

import pint

from greenchain.data.plant_file import PlantData
from greenchain.decisions.retrofit._effects import Context, Effect
from greenchain.decisions.retrofit._loads import equipment_value
from greenchain.errors import InputError
from greenchain.units import Q_

__all__ = ["plausibility", "water_saved", "water_value"]

#: density used to turn a mass of water into a volume [kg/m³] (liquid water, 1 t = 1 m³)
_WATER_KG_PER_M3 = 1000.0


def _range(spec: Any) -> tuple[float | None, float | None]:
    low = spec.low if spec.low is not None else None
    high = spec.high if spec.high is not None else None
    if low is None and spec.bound in ("low_end", "lower_bound"):
        low = spec.value
    if high is None and spec.bound == "upper_bound":
        high = spec.value
    return low, high


def plausibility(ctx: Context, eff: Effect) -> str | None:
    """Whether a model or plant-file saving lies in the measure's published range.

    Parameters
    ----------
    ctx : Context
        The state the effect was found on.
    eff : Effect
        The effect.

    Returns
    -------
    str or None
        ``"outside published range low-high (source)"`` or ``"within ..."``; None when
        the saving is the catalogue value itself or no range is published.
    """
    m = eff.measure
    if m.saving is None or not eff.found or not {"model", "user"} & set(eff.methods):
        return None
    out: list[str] = []
    within: list[str] = []
    for i, f in eff.fractions.items():
        label = ctx.entries[i].use or ""
        spec = m.saving.by_use.get(label) or m.saving.fraction
        if spec is None:
            continue
        low, high = _range(spec)
        if low is None and high is None:
            continue
        scale = 1.0
        if m.saving.applies_to == "equipment":
            shares = [
                ctx.share(k, ctx.entries[i].use)
                for k, eq in enumerate(ctx.equipment)
                if eq.kind in m.equipment and eq.energy == ctx.entries[i].use
            ]
            if shares and None not in shares:
                scale = sum(s for s in shares if s is not None) or 1.0
        value = f / scale / (1.0 - eff.installed) if eff.installed < 1 else f / scale
        text = f"{'?' if low is None else f'{low:.3g}'}-{'?' if high is None else f'{high:.3g}'}"
        bad = (low is not None and value < low - 1e-9) or (high is not None and value > high + 1e-9)
        (out if bad else within).append(f"{label}: {value:.3g} vs {text}")
    where = f"{m.source_id}: {m.source_ref.split(';')[0].strip()}"
    if out:
        return f"outside the published range ({'; '.join(out)}; {where})"
    if within:
        return f"within the published range ({'; '.join(within)}; {where})"
    return None


def water_saved(ctx: Context, eff: Effect, kept: float = 1.0) -> tuple[float | None, str | None]:
    """Water a measure saves over the year [m³], or None with the reason.

    Parameters
    ----------
    ctx : Context
        The state the effect was found on.
    eff : Effect
        The effect.
    kept : float, default 1
        Share of the saving kept in a package (heat budget) [-].

    Returns
    -------
    tuple
        ``(m3 or None, reason or None)``; ``(None, None)`` for a measure that saves no
        water by its catalogue entry.
    """
    m = eff.measure
    spec = m.water
    if spec is None or not eff.found:
        return None, None
    kept *= 1.0 - eff.installed  # the plant's projects already save the rest
    if spec.fraction is not None:
        if "catalogue" not in eff.methods:
            return (
                None,
                "water_saved_m3: the catalogue water fraction goes with its energy fraction",
            )
        _, extras = ctx.option(m)
        coverage = float(extras.get("coverage", 1.0))
        total, missing = 0.0, []
        for k, eq in enumerate(ctx.equipment):
            if eq.kind not in m.equipment:
                continue
            use = equipment_value(eq, "water_use")
            if use is None:
                missing.append(f"equipment[{k}] ({eq.id})")
                continue
            total += spec.fraction * coverage * _m3(use, f"equipment[{k}].water_use", ctx.source)
        if missing:
            return None, f"water_saved_m3: give water_use (m^3 per year) on {', '.join(missing)}"
        return total * kept, None
    total = 0.0
    missing = []
    for idx, _count, result, _hours in eff.results:
        out = getattr(result, str(spec.result), None)
        if out is None:
            continue
        if spec.result_is == "absolute":
            total += _m3(out, f"{m.id}.{spec.result}", ctx.source)
            continue
        unit = ctx.equipment[idx] if idx is not None else None
        use = equipment_value(unit, "water_use") if unit is not None else None
        if use is None:
            missing.append(f"equipment[{idx}] ({unit.id})" if unit is not None else "the plant")
            continue
        where = f"equipment[{idx}].water_use"
        total += float(Q_(out).m_as("")) * _m3(use, where, ctx.source)
    if missing:
        return None, f"water_saved_m3: give water_use (m^3 per year) on {', '.join(missing)}"
    if not eff.results:
        return (
            None,
            "water_saved_m3: needs the model inputs (the water saving comes from the model)",
        )
    return total * kept, None


def _m3(value: Any, where: str, source: str | None) -> float:
    q = Q_(value) if not isinstance(value, pint.Quantity) else value
    try:
        if q.check("[mass]"):
            return float(q.m_as("kg")) / _WATER_KG_PER_M3
        return float(q.m_as("m^3"))
    except pint.errors.DimensionalityError:
        raise InputError(
            f"expected a volume of water per year, got {q:~P}", field=where, source=source
        ) from None


def water_value(
    data: PlantData, m3: float | None, discharge: bool, source: str | None = None
) -> tuple[float | None, str | None]:
    """Value of the water saved at the plant's prices, or None with the reason.

    Parameters
    ----------
    data : PlantData
        The plant data (``prices.water``, ``prices.wastewater``).
    m3 : float or None
        Water saved [m³/yr].
    discharge : bool
        Whether the water saved would have been discharged (wastewater price counts).
    source : str, optional
        The plant file's name, named in messages.

    Returns
    -------
    tuple
        ``(value in the plant currency or None, reason or None)``.
    """
    if m3 is None:
        return None, None
    currency = data.plant.currency
    prices = []
    for key in ("water", "wastewater") if discharge else ("water",):
        price = data.prices.get(key)
        if price is None:
            continue
        try:
            prices.append(float(Q_(price).m_as(f"{currency}/m^3")))
        except (pint.errors.DimensionalityError, pint.errors.UndefinedUnitError):
            raise InputError(
                f"a water price must be money per m^3, got {Q_(price):~P}",
                field=f"prices.{key}",
                source=source,
            ) from None
    if "water" not in data.prices:
        return None, "water_value: no price for water in prices (no price is assumed)"
    reason = None
    if discharge and "wastewater" not in data.prices:
        reason = "water_value: no price for wastewater in prices (water only)"
    return m3 * sum(prices), reason
