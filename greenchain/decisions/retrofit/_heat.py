"""Heat and energy budgets of a plant: waste heat available, heat drawn, equipment loads.

A helper module of :mod:`greenchain.decisions.retrofit`. Every number comes from the
plant data through the process models already used by the measures:

* ``kiln_cooling_air``: the kiln's ``cooling_heat_available`` [kW per kiln] (the
  optional input of cooling-air reuse), times ``hours`` and ``count``; else as below;
* ``kiln_cooling_air`` and ``stenter_exhaust``: sensible heat of the exhaust air above
  ambient, :func:`greenchain.processes.waste_heat.air_sensible_heat` (kiln
  ``cooling_air_flow``, ``cooling_air_temperature``; stenter ``exhaust_air_flow``,
  ``exhaust_temperature``, ``fresh_air_temperature``), times ``hours`` and ``count``;
* ``kiln_flue_gas`` and ``boiler_flue``: :math:`(1 - AH)\\,Q_{fuel}` with the PHAST
  available heat at the entry's ``flue_o2``, ``flue_temperature`` and
  ``combustion_air_temperature`` (:func:`~greenchain.processes.waste_heat.recoverable_exhaust_heat`
  with effectiveness 1) on the stream the equipment draws on;
* ``compressor_heat``: the compressors' electric input (all of it ends as heat);
* ``dye_wastewater``: the heat available in the hot wastewater cooled to the fresh-water
  temperature, :func:`greenchain.processes.dyeing.wastewater_heat_recovery`, over the
  boiler's ``hours``.

A source without its inputs has no available heat (NaN) and a reason.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pint

from greenchain.decisions.retrofit._effects import Context, Effect
from greenchain.decisions.retrofit._loads import equipment_value, hours_of, reading
from greenchain.decisions.retrofit.catalogue import HEAT_SOURCES
from greenchain.errors import GreenchainError, InputError
from greenchain.processes.combustion import available_heat as flame_available_heat
from greenchain.processes.combustion import excess_air_from_o2
from greenchain.processes.dyeing import wastewater_heat_recovery
from greenchain.processes.waste_heat import air_sensible_heat, recoverable_exhaust_heat
from greenchain.units import Q_, read_quantity, shorten

__all__ = ["available_heat", "heat_drawn"]

_NEEDS = {
    "kiln_cooling_air": "kiln entries with cooling_heat_available (or cooling_air_flow, "
    "cooling_air_temperature and ambient_temperature) and hours",
    "kiln_flue_gas": "kiln entries with flue_o2, flue_temperature and combustion_air_temperature",
    "stenter_exhaust": "stenter entries with exhaust_air_flow, exhaust_temperature, "
    "fresh_air_temperature and hours",
    "boiler_flue": "boiler entries with flue_o2, flue_temperature and combustion_air_temperature",
    "compressor_heat": "compressor entries with compressor_power and hours",
    "dye_wastewater": "hot_wastewater_flow, wastewater_temperature and fresh_water_temperature "
    "(retrofit_options.dyeing_wastewater_heat_recovery or the boiler entry) and the boiler's hours",
}


def _label_gj(ctx: Context, label: str | None) -> float:
    return float(sum(ctx.gj[i] for i, e in enumerate(ctx.entries) if e.use == label))


def available_heat(ctx: Context) -> dict[str, dict[str, Any]]:
    """Waste heat each source can give over the year, from the plant data.

    Parameters
    ----------
    ctx : Context
        The plant state (baseline).

    Returns
    -------
    dict
        Source -> ``{available_gj, drawn_gj (0), measures ([]), reason}``;
        ``available_gj`` NaN (with ``reason``) when the inputs are missing.
    """
    out: dict[str, dict[str, Any]] = {}
    for src in HEAT_SOURCES:
        total, found = 0.0, False
        for k, eq in enumerate(ctx.equipment):
            value = reading(f"equipment[{k}]", ctx.source, _source_heat, ctx, src, eq)
            if value is not None:
                total, found = total + value, True
        if src == "dye_wastewater":
            where = "retrofit_options.dyeing_wastewater_heat_recovery"
            value = reading(where, ctx.source, _wastewater_heat, ctx)
            if value is not None:
                total, found = value, True
        out[src] = {
            "available_gj": total if found else math.nan,
            "drawn_gj": 0.0,
            "measures": [],
            "reason": None if found else f"not computed: needs {_NEEDS[src]}",
        }
    return out


def _source_heat(ctx: Context, src: str, eq: Any) -> float | None:
    """Heat one equipment entry gives to a source [GJ/yr], or None."""
    kind = {
        "kiln_cooling_air": "kiln",
        "kiln_flue_gas": "kiln",
        "stenter_exhaust": "stenter",
        "boiler_flue": "boiler",
        "compressor_heat": "compressor",
    }.get(src)
    if kind is None or eq.kind != kind:
        return None
    hours = hours_of(equipment_value(eq, "hours"))
    given = equipment_value(eq, "cooling_heat_available")
    if src == "kiln_cooling_air" and given is not None and hours is not None:
        # the kiln's own figure (the optional input of cooling-air reuse), per kiln
        return float(Q_(given).m_as("kW")) * hours * eq.count * 3.6e-3
    if src in ("kiln_cooling_air", "stenter_exhaust"):
        keys = (
            ("cooling_air_flow", "cooling_air_temperature", "ambient_temperature")
            if src == "kiln_cooling_air"
            else ("exhaust_air_flow", "exhaust_temperature", "fresh_air_temperature")
        )
        flow, temp, ref = (equipment_value(eq, k) for k in keys)
        if flow is None or temp is None or ref is None or hours is None:
            return None
        power = air_sensible_heat(flow, temp, ref)
        return max(float(power.m_as("kW")), 0.0) * hours * eq.count * 3.6e-3
    if src in ("kiln_flue_gas", "boiler_flue"):
        keys = ("flue_o2", "flue_temperature", "combustion_air_temperature")
        o2, tf, ta = (equipment_value(eq, k) for k in keys)
        if o2 is None or tf is None or ta is None:
            return None
        ah = flame_available_heat(tf, excess_air_from_o2(o2), ta)
        stream = Q_(_label_gj(ctx, eq.energy), "GJ")
        return float(recoverable_exhaust_heat(stream, ah, 1.0).m_as("GJ"))
    power = equipment_value(eq, "compressor_power")
    if power is None or hours is None:
        return None
    return float(Q_(power).m_as("kW")) * hours * eq.count * 3.6e-3


def _wastewater_heat(ctx: Context) -> float | None:
    opt = ctx.data.retrofit_options.get("dyeing_wastewater_heat_recovery")
    extras = dict(opt.model_extra or {}) if opt is not None else {}
    boilers = [eq for eq in ctx.equipment if eq.kind == "boiler"]
    eq = boilers[0] if boilers else None
    keys = ("hot_wastewater_flow", "wastewater_temperature", "fresh_water_temperature")
    flow, hot, cold = (equipment_value(eq, k, extras) for k in keys)
    hours = hours_of(equipment_value(eq, "hours", extras))
    if flow is None or hot is None or cold is None or hours is None:
        return None
    result = wastewater_heat_recovery(flow, hot, cold, 1.0)
    return float(result.heat_available.m_as("kW")) * hours * 3.6e-3


def _fraction(k: int, key: str, value: Any, source: str | None) -> float:
    """An efficiency of ``equipment[k]`` as a plain fraction, or an error naming it."""
    try:
        if isinstance(value, bool) or (isinstance(value, str) and not value.strip()):
            raise TypeError(value)  # True is no efficiency; "" would parse as 1
        return float(Q_(value).m_as(""))
    except (TypeError, ValueError, pint.errors.PintError, GreenchainError):
        raise InputError(
            f"must be a fraction such as 0.9 or '90 %', got {shorten(value)}",
            field=f"equipment[{k}].{key}",
            source=source,
        ) from None


def heat_drawn(ctx: Context, eff: Effect, attribute: str | None) -> float | None:
    """Heat a measure takes from its source [GJ/yr], on the state it was evaluated on.

    Parameters
    ----------
    ctx : Context
        The state.
    eff : Effect
        The measure's effect on it.
    attribute : str or None
        The model result's heat attribute (a power per unit, times ``hours`` and
        ``count``); ``None``: the fuel saved times the ``divide_by`` efficiency of the
        equipment on the stream where given, else the fuel saved (an upper bound).

    Returns
    -------
    float or None
        None when the heat cannot be computed.
    """
    m = eff.measure
    if attribute is not None:
        total = 0.0
        for _k, count, result, hours in eff.results:
            power = getattr(result, attribute, None)
            h = hours_of(read_quantity(hours, "hours"))
            if power is None or h is None:
                return None
            total += float(np.sum(Q_(power).m_as("kW"))) * h * count * 3.6e-3
        return total if eff.results else None
    spec = m.saving.model if m.saving else None
    divide = list(spec.divide_by) if spec else []
    total = 0.0
    for i, f in eff.fractions.items():
        label = ctx.entries[i].use
        eta = 1.0
        for k, eq in enumerate(ctx.equipment):
            if eq.kind in m.equipment and eq.energy == label:
                values = [(d, equipment_value(eq, d)) for d in divide]
                if values and all(v is not None for _, v in values):
                    eta = float(np.prod([_fraction(k, d, v, ctx.source) for d, v in values]))
                break
        total += f * float(ctx.gj[i]) * eta
    return total
