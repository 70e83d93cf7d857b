"""Cross-field checks of green-factory scheme data (ids, statuses, units, thresholds, bands).

:func:`check_scheme_data` works on the raw YAML mapping, before the pydantic models of
:mod:`greenchain.decisions.scoring.schemes` are built, so every problem of a file can be
reported at once with its YAML path.

Examples
--------
>>> check_scheme_data({"indicators": []})
[('indicators', 'a scheme needs at least one indicator')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, TypeGuard

from greenchain.data.tables import STATUSES, sources
from greenchain.errors import UnitError
from greenchain.units import unit_of

__all__ = ["check_scheme_data", "PRODUCT"]

#: Placeholder for the unit of product inside an indicator unit (``kgce/{product}``).
PRODUCT = "{product}"
_REFERENCE = re.compile(r"^[a-z][a-z0-9_]*$")


def _is_number(x: Any) -> TypeGuard[float]:
    return isinstance(x, int | float) and not isinstance(x, bool)


def _bound(x: Any, default: float) -> float:
    return float(x) if _is_number(x) else default


def _pairs(
    obj: Mapping[str, Any], path: str, pairs: Iterable[tuple[str, str]], out: list[tuple[str, str]]
) -> None:
    """Each value present carries its status, and a status has a value."""
    for value_key, status_key in pairs:
        has_value = obj.get(value_key) is not None
        has_status = obj.get(status_key) is not None
        if has_value and not has_status:
            out.append(
                (
                    f"{path}.{status_key}",
                    f"{value_key} is given, so {status_key} ({' | '.join(STATUSES)}) is required",
                )
            )
        elif has_status and not has_value:
            out.append((f"{path}.{status_key}", f"given without a {value_key}"))


def _check_unit(unit: Any, path: str, out: list[tuple[str, str]]) -> None:
    if not isinstance(unit, str):
        return
    try:
        unit_of(unit.replace(PRODUCT, "m^2"))
    except UnitError:
        out.append((path, f"cannot parse unit {unit!r} with the greenchain registry"))


def _check_thresholds(
    obj: Mapping[str, Any], path: str, kind: Any, rule: str, out: list[tuple[str, str]]
) -> None:
    _pairs(obj, path, [("benchmark", "benchmark_status"), ("leading", "leading_status")], out)
    for key in ("benchmark", "leading"):
        val = obj.get(key)
        if isinstance(val, str) and not _REFERENCE.match(val):
            out.append(
                (
                    f"{path}.{key}",
                    f"{val!r} is neither a number nor a reference id "
                    "(lower-case letters, digits and _)",
                )
            )
    if rule == "threshold" and obj.get("leading") is not None:
        out.append((f"{path}.leading", "a threshold indicator has a benchmark only"))
    b, lead = obj.get("benchmark"), obj.get("leading")
    if rule == "linear" and _is_number(b) and _is_number(lead):
        if b == lead:
            out.append((f"{path}.leading", f"equals the benchmark ({b:g})"))
        elif kind == "forward" and lead < b:
            out.append(
                (
                    f"{path}.leading",
                    f"{lead:g} is below the benchmark {b:g} for a "
                    "forward (higher is better) indicator",
                )
            )
        elif kind == "reverse" and lead > b:
            out.append(
                (
                    f"{path}.leading",
                    f"{lead:g} is above the benchmark {b:g} for a "
                    "reverse (lower is better) indicator",
                )
            )


def check_scheme_data(data: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Return the cross-field problems of raw scheme data as ``(yaml_path, message)``.

    Tolerant of malformed data (type errors are pydantic's job): it checks ids are
    unique, areas and source ids resolve, statuses accompany values, units parse,
    thresholds sit on the right side, alternatives and bands are consistent.

    Parameters
    ----------
    data : mapping
        A scheme file's content, as read from YAML.

    Returns
    -------
    list of tuple
        ``(yaml_path, message)`` of every problem; empty when there is none.
    """
    out: list[tuple[str, str]] = []
    if not isinstance(data, Mapping):
        return [("", "a scheme file must be a mapping")]

    def seq(key: str) -> list[Mapping[str, Any]]:
        val = data.get(key) or []
        return (
            [x if isinstance(x, Mapping) else {} for x in val]
            if isinstance(val, list | tuple)
            else []
        )

    known: set[Any] = set(sources())
    known |= {s.get("id") for s in seq("sources")}
    if data.get("source_id") is not None and data.get("source_id") not in known:
        out.append(("source_id", f"unknown source_id {data.get('source_id')!r}"))

    areas = seq("areas")
    area_ids: set[Any] = set()
    for i, a in enumerate(areas):
        if a.get("id") in area_ids:
            out.append((f"areas[{i}].id", f"duplicate area id {a.get('id')!r}"))
        area_ids.add(a.get("id"))
        _pairs(a, f"areas[{i}]", [("weight", "weight_status")], out)
        if data.get("method") == "weighted_areas" and a.get("weight") is None:
            out.append((f"areas[{i}].weight", "method weighted_areas needs a weight per area"))
        if data.get("method") == "points_sum" and a.get("weight") is not None:
            out.append((f"areas[{i}].weight", "method points_sum does not use area weights"))

    evidence_ids: dict[str, str] = {}

    def claim(key: Any, path: str, owner: str | None = None) -> None:
        if key is None:
            return
        if key in evidence_ids and not (owner and key == owner):
            out.append((path, f"id {key!r} already used by {evidence_ids[key]}"))
        evidence_ids[key] = path

    for i, g in enumerate(seq("gates")):
        claim(g.get("id"), f"gates[{i}].id")
        for j, item in enumerate(g.get("items") or []):
            if isinstance(item, Mapping):
                claim(item.get("id"), f"gates[{i}].items[{j}].id")
        sid = g.get("source_id")
        if sid is not None and sid not in known:
            out.append((f"gates[{i}].source_id", f"unknown source_id {sid!r}"))

    for i, r in enumerate(seq("retired_evidence")):
        claim(r.get("id"), f"retired_evidence[{i}].id")

    ind_ids: set[Any] = set()
    groups: dict[str, list[tuple[int, Mapping[str, Any]]]] = {}
    for i, ind in enumerate(seq("indicators")):
        path = f"indicators[{i}]"
        iid, kind = ind.get("id"), ind.get("type")
        if iid in ind_ids:
            out.append((f"{path}.id", f"duplicate indicator id {iid!r}"))
        ind_ids.add(iid)
        if ind.get("area") is not None and ind.get("area") not in area_ids:
            out.append(
                (
                    f"{path}.area",
                    f"unknown area {ind.get('area')!r} "
                    f"(areas: {', '.join(sorted(str(a) for a in area_ids))})",
                )
            )
        for key in ("source_id", "thresholds_source_id"):
            sid = ind.get(key)
            if sid is not None and sid not in known:
                out.append((f"{path}.{key}", f"unknown source_id {sid!r}"))
        _pairs(
            ind,
            path,
            [
                ("points", "points_status"),
                ("formula", "formula_status"),
                ("scoring", "scoring_status"),
            ],
            out,
        )
        lo, hi = ind.get("min"), ind.get("max")
        if _is_number(lo) and _is_number(hi) and lo >= hi:
            out.append((f"{path}.max", f"max {hi:g} must exceed min {lo:g}"))
        if ind.get("one_of") is not None:
            groups.setdefault(ind["one_of"], []).append((i, ind))
        if kind == "qualitative":
            for key in (
                "unit",
                "benchmark",
                "leading",
                "scoring",
                "band_by",
                "min",
                "max",
                "one_of",
            ):
                if ind.get(key) is not None:
                    out.append((f"{path}.{key}", "not used by a qualitative indicator"))
            for key in ("bands", "count_items"):
                if ind.get(key):
                    out.append((f"{path}.{key}", "not used by a qualitative indicator"))
            checklist = ind.get("checklist") or []
            if not checklist:
                out.append((f"{path}.checklist", "a qualitative indicator needs a checklist"))
            for j, item in enumerate(checklist):
                if not isinstance(item, Mapping):
                    continue
                ipath = f"{path}.checklist[{j}]"
                claim(item.get("id"), f"{ipath}.id", owner=iid)
                if item.get("mandatory") and item.get("mandatory_status") is None:
                    out.append((f"{ipath}.mandatory_status", "a mandatory flag needs its status"))
            continue
        if kind not in ("forward", "reverse"):
            continue
        if ind.get("checklist"):
            out.append((f"{path}.checklist", "only qualitative indicators have a checklist"))
        if ind.get("unit") is None:
            out.append((f"{path}.unit", "a quantitative indicator needs a unit"))
        _check_unit(ind.get("unit"), f"{path}.unit", out)
        rule = ind.get("scoring") or "linear"
        _check_thresholds(ind, path, kind, rule, out)
        bands = [b if isinstance(b, Mapping) else {} for b in ind.get("bands") or []]
        if bands:
            if ind.get("band_by") is None:
                out.append((f"{path}.band_by", "bands need band_by (quantity and unit)"))
            elif isinstance(ind["band_by"], Mapping):
                _check_unit(ind["band_by"].get("unit"), f"{path}.band_by.unit", out)
            for key in ("benchmark", "leading"):
                if ind.get(key) is not None:
                    out.append((f"{path}.{key}", "a banded indicator gives thresholds per band"))
            band_ids: set[Any] = set()
            for j, b in enumerate(bands):
                bpath = f"{path}.bands[{j}]"
                if b.get("id") in band_ids:
                    out.append((f"{bpath}.id", f"duplicate band id {b.get('id')!r}"))
                band_ids.add(b.get("id"))
                _check_thresholds(b, bpath, kind, rule, out)
                lo, hi = b.get("min"), b.get("max")
                if _is_number(lo) and _is_number(hi) and lo >= hi:
                    out.append((f"{bpath}.max", f"max {hi:g} must exceed min {lo:g}"))
            spans = sorted(
                (_bound(b.get("min"), float("-inf")), _bound(b.get("max"), float("inf")), j)
                for j, b in enumerate(bands)
            )
            for (_, hi1, j1), (lo2, _, j2) in zip(spans, spans[1:], strict=False):
                if lo2 < hi1:
                    out.append(
                        (
                            f"{path}.bands[{j2}].min",
                            f"overlaps band {j1} (bands are min <= x < max)",
                        )
                    )
        elif ind.get("band_by") is not None:
            out.append((f"{path}.band_by", "band_by given without bands"))
        count_ids = [c.get("id") for c in ind.get("count_items") or [] if isinstance(c, Mapping)]
        if len(set(count_ids)) != len(count_ids):
            out.append((f"{path}.count_items", "duplicate count item ids"))

    for gid, members in groups.items():
        if len(members) < 2:
            i, _ = members[0]
            out.append((f"indicators[{i}].one_of", f"group {gid!r} has a single member"))
            continue
        first_i, first = members[0]
        for i, ind in members[1:]:
            for key in ("area", "type", "points", "points_status"):
                if ind.get(key) != first.get(key):
                    out.append(
                        (
                            f"indicators[{i}].{key}",
                            f"alternatives in group {gid!r} must "
                            f"share {key} (indicators[{first_i}] has {first.get(key)!r})",
                        )
                    )
    if isinstance(data.get("indicators"), list | tuple) and not data["indicators"]:
        out.append(("indicators", "a scheme needs at least one indicator"))
    return out
