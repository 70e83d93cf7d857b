"""Green-factory scoring schemes as data: the YAML schema, its validation and the loader.

A *scheme* is one way of scoring a factory: GB/T 36132-2025 (the national
通则 in force since 2025-12-31), the superseded GB/T 36132-2018 (still the
structure of many industry and provincial schemes), or a user file with the same
schema (a province's or an industry's variant). Shipped schemes live in
``factors/criteria/<id>.yaml``; :func:`load_scheme` reads them by name or reads a
user file by path, validates it with the pydantic models below and reports
**every** problem at once, naming the file and the YAML path
(``indicators[3].points``).

Schema
------
Top level (one mapping):

``id``
    Lower-case id, e.g. ``gbt36132-2025``; ``aliases`` lists other names
    :func:`load_scheme` accepts (``"GB/T 36132-2025"``). Names are compared after
    removing spaces and ``/`` and lower-casing.
``name_en``, ``name_zh``, ``document``, ``edition``
    Display names, the citation (``GB/T 36132-2025``) and the edition (``"2025"``).
``source_id``, ``status``, ``notes``
    Bibliography id (``factors/sources.yaml`` or the scheme's own ``sources``)
    and the status of the scheme's structure.
``method``
    ``points_sum`` (total = sum of indicator scores; GB/T 36132-2025) or
    ``weighted_areas`` (Y = sum over areas of weight x share of the area's points
    obtained; GB/T 36132-2018). ``method_status`` and ``method_ref`` give the
    status and the clause of that rule.
``sources``
    Optional extra bibliography entries (``id``, ``document``, ``title``,
    ``url``, ``status``, ``notes``) for a user scheme whose source is not in
    ``factors/sources.yaml``.
``areas``
    First-level areas: ``id``, ``name_en``, ``name_zh``, ``weight`` (only for
    ``weighted_areas``) with ``weight_status``, ``source_ref``, ``notes``.
``gates``
    Hard requirements (veto): ``id``, ``name_en``, ``name_zh``, ``source_id``
    (defaults to the scheme's), ``source_ref``, ``status``, ``notes``. A failed or
    unanswered gate makes the factory ineligible whatever its score.
``indicators``
    The scored items, each with:

    * ``id``, ``row`` (row number in the source table), ``area``, ``group_en`` /
      ``group_zh`` (second-level indicator), ``name_en``, ``name_zh``;
    * ``type``: ``forward`` (higher is better), ``reverse`` (lower is better) or
      ``qualitative`` (answered from an evidence checklist);
    * ``unit``: a unit string the greenchain registry parses (``kgce/m^2``,
      ``percent``, ``wan_yuan/m^2``, ``dimensionless``). ``{product}`` stands for
      the unit of product (``kgce/{product}``) and is filled in by the caller
      (``score(..., product_unit="m^2")``). ``min`` / ``max`` give the valid
      range in that unit (a share cannot exceed 100 %);
    * ``formula`` with ``formula_status``;
    * ``scoring`` with ``scoring_status``: ``linear`` (default: zero at the
      benchmark, full points at the leading value, linear between) or ``threshold``
      (full points when the value meets ``benchmark``; no leading value);
    * ``benchmark`` / ``leading`` with ``benchmark_status`` / ``leading_status``:
      a number in ``unit``, or a *reference* id (``energy_limit_level2``) that
      the caller resolves (``score(..., references={...})``), or empty;
      ``thresholds_source_id`` / ``thresholds_source_ref`` when they come from
      another document;
    * ``points`` with ``points_status`` (empty when no source gives them: the
      engine then leaves the indicator out of the total unless the caller
      supplies points);
    * ``one_of``: indicators sharing this group id are alternatives (e.g. energy
      per unit product *or* per output value); exactly one is scored;
    * ``bands`` with ``band_by`` (``quantity``, ``unit``): thresholds that depend
      on a plant quantity, e.g. the renewable share banded by annual energy use
      (``min`` inclusive, ``max`` exclusive);
    * ``count_items``: for a count indicator, the list of things counted (the
      caller may pass the list of item ids instead of the count);
    * ``checklist`` (qualitative only): evidence items ``id``, ``name_en``,
      ``name_zh``, ``mandatory`` (a 2018 必选 item) with ``mandatory_status``;
    * ``source_id``, ``source_ref``, ``status``, ``notes``.

Every weight, point value and threshold that is present carries its status
(``official`` | ``transcribed`` | ``derived`` | ``unverified``); a status without a
value is an error too. Ids of gates and checklist items share one namespace (the
keys of an evidence file); a checklist item may reuse its own indicator's id.

Examples
--------
>>> from greenchain.decisions.scoring import load_scheme
>>> s = load_scheme("GB/T 36132-2025")
>>> s.id, s.method, len(s.areas)
('gbt36132-2025', 'points_sum', 5)
>>> sorted({i.row for i in s.indicators}) == list(range(1, 19))
True
>>> load_scheme("gbt36132-2018").area("performance").weight
30.0
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeGuard

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from greenchain._resources import data_path
from greenchain.data.tables import STATUSES, sources
from greenchain.errors import DataError, InputError, UnitError
from greenchain.units import unit_of

__all__ = [
    "Scheme",
    "Area",
    "Gate",
    "Indicator",
    "ChecklistItem",
    "Band",
    "BandBy",
    "CountItem",
    "SourceEntry",
    "SchemeError",
    "load_scheme",
    "available_schemes",
    "PRODUCT",
]

Status = Literal["official", "transcribed", "derived", "unverified"]
IndicatorType = Literal["forward", "reverse", "qualitative"]

#: Placeholder for the unit of product inside an indicator unit (``kgce/{product}``).
PRODUCT = "{product}"
_ID = r"^[a-z][a-z0-9_]*$"
_SCHEME_ID = r"^[a-z0-9][a-z0-9_.-]*$"
_REFERENCE = re.compile(_ID)


class SchemeError(DataError):
    """A scheme file is broken; ``problems`` lists ``(yaml_path, message)`` pairs."""

    def __init__(self, source: str, problems: list[tuple[str, str]]):
        self.source = source
        self.problems = problems
        lines = "\n  ".join(f"{path}: {msg}" if path else msg for path, msg in problems)
        n = len(problems)
        super().__init__(f"{source}: {n} problem{'s' if n != 1 else ''} in scheme:\n  {lines}")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceEntry(_Model):
    """A bibliography entry carried by a user scheme (same fields as ``sources.yaml``)."""

    id: str = Field(pattern=_SCHEME_ID)
    document: str
    title: str | None = None
    url: str | None = None
    status: Status
    notes: str | None = None


class Area(_Model):
    """A first-level area (一级指标)."""

    id: str = Field(pattern=_ID)
    name_en: str
    name_zh: str
    weight: float | None = Field(default=None, gt=0)
    weight_status: Status | None = None
    source_ref: str | None = None
    notes: str | None = None


class Gate(_Model):
    """A hard requirement (veto): failing or not answering it fails the scheme."""

    id: str = Field(pattern=_ID)
    name_en: str
    name_zh: str
    source_id: str | None = None
    source_ref: str | None = None
    status: Status
    notes: str | None = None


class ChecklistItem(_Model):
    """One evidence item of a qualitative indicator (answered yes / partial / no / na)."""

    id: str = Field(pattern=_ID)
    name_en: str
    name_zh: str
    mandatory: bool = False
    mandatory_status: Status | None = None
    notes: str | None = None


class CountItem(_Model):
    """One of the things a count indicator counts (e.g. a platform function)."""

    id: str = Field(pattern=_ID)
    name_en: str
    name_zh: str


class BandBy(_Model):
    """The plant quantity that selects an indicator's band (``score(context=...)``)."""

    quantity: str = Field(pattern=_ID)
    unit: str
    name_en: str
    name_zh: str


class Band(_Model):
    """A band of an indicator: ``min <= quantity < max`` (either end may be open)."""

    id: str = Field(pattern=_ID)
    name_en: str
    name_zh: str
    min: float | None = None
    max: float | None = None
    status: Status
    benchmark: float | str | None = None
    benchmark_status: Status | None = None
    leading: float | str | None = None
    leading_status: Status | None = None
    notes: str | None = None


class Indicator(_Model):
    """A scored indicator (quantitative or qualitative); see the module docstring."""

    id: str = Field(pattern=_ID)
    row: int | None = Field(default=None, ge=1)
    area: str
    group_en: str | None = None
    group_zh: str | None = None
    name_en: str
    name_zh: str
    type: IndicatorType
    unit: str | None = None
    min: float | None = None
    max: float | None = None
    formula: str | None = None
    formula_status: Status | None = None
    scoring: Literal["linear", "threshold"] | None = None
    scoring_status: Status | None = None
    one_of: str | None = Field(default=None, pattern=_ID)
    benchmark: float | str | None = None
    benchmark_status: Status | None = None
    leading: float | str | None = None
    leading_status: Status | None = None
    thresholds_source_id: str | None = None
    thresholds_source_ref: str | None = None
    band_by: BandBy | None = None
    bands: tuple[Band, ...] = ()
    count_items: tuple[CountItem, ...] = ()
    points: float | None = Field(default=None, ge=0)
    points_status: Status | None = None
    checklist: tuple[ChecklistItem, ...] = ()
    source_id: str | None = None
    source_ref: str | None = None
    status: Status
    notes: str | None = None

    @property
    def direction(self) -> str | None:
        """``higher_is_better``, ``lower_is_better`` or None (qualitative)."""
        return {"forward": "higher_is_better", "reverse": "lower_is_better"}.get(self.type)

    @property
    def rule(self) -> str:
        """The scoring rule: ``linear``, ``threshold`` or ``checklist``."""
        if self.type == "qualitative":
            return "checklist"
        return self.scoring or "linear"


class Scheme(_Model):
    """A validated green-factory scoring scheme (see the module docstring for the schema)."""

    id: str = Field(pattern=_SCHEME_ID)
    name_en: str
    name_zh: str
    document: str
    edition: str
    aliases: tuple[str, ...] = ()
    source_id: str
    status: Status
    method: Literal["points_sum", "weighted_areas"]
    method_status: Status
    method_ref: str | None = None
    notes: str | None = None
    sources: tuple[SourceEntry, ...] = ()
    areas: tuple[Area, ...]
    gates: tuple[Gate, ...] = ()
    indicators: tuple[Indicator, ...]

    @model_validator(mode="after")
    def _cross_references(self, info: Any) -> Scheme:
        if info.context and info.context.get("skip_cross_check"):
            return self
        problems = check_scheme_data(self.model_dump(mode="python"))
        if problems:
            raise ValueError("; ".join(f"{p}: {m}" for p, m in problems))
        return self

    # ---- look-ups (no validation logic here) ------------------------------------
    def area(self, area_id: str) -> Area:
        """Return the area ``area_id`` (:class:`InputError` if unknown).

        Parameters
        ----------
        area_id : str
            The area's id.

        Returns
        -------
        Area
        """
        return _lookup({a.id: a for a in self.areas}, area_id, "area")

    def indicator(self, indicator_id: str) -> Indicator:
        """Return the indicator ``indicator_id`` (:class:`InputError` if unknown).

        Parameters
        ----------
        indicator_id : str
            The indicator's id.

        Returns
        -------
        Indicator
        """
        return _lookup({i.id: i for i in self.indicators}, indicator_id, "indicator")

    def gate(self, gate_id: str) -> Gate:
        """Return the gate ``gate_id`` (:class:`InputError` if unknown).

        Parameters
        ----------
        gate_id : str
            The gate's id.

        Returns
        -------
        Gate
        """
        return _lookup({g.id: g for g in self.gates}, gate_id, "gate")

    def checklist_items(self) -> dict[str, tuple[Indicator, ChecklistItem]]:
        """Return ``{item_id: (indicator, item)}`` for every checklist item."""
        return {c.id: (i, c) for i in self.indicators for c in i.checklist}

    def evidence_ids(self) -> list[str]:
        """Ids an evidence file may name: every gate and checklist item."""
        return [g.id for g in self.gates] + list(self.checklist_items())

    def source_ids(self) -> set[str]:
        """Every bibliography id the scheme cites."""
        out = {self.source_id}
        for seq in (self.gates, self.indicators):
            out |= {x.source_id for x in seq if x.source_id}
        out |= {i.thresholds_source_id for i in self.indicators if i.thresholds_source_id}
        return out


def _lookup(table: Mapping[str, Any], key: str, what: str) -> Any:
    if key in table:
        return table[key]
    close = difflib.get_close_matches(key, list(table), n=3)
    hint = f"; closest: {', '.join(close)}" if close else ""
    raise InputError(f"unknown {what} {key!r}{hint}", field=what)


# ------------------------------------------------------------------------- cross checks
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
        sid = g.get("source_id")
        if sid is not None and sid not in known:
            out.append((f"gates[{i}].source_id", f"unknown source_id {sid!r}"))

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


# ------------------------------------------------------------------------------ loading
def _normalise(name: str) -> str:
    text = name.strip().lower().replace("\u2014", "-").replace("\u2013", "-")
    return re.sub(r"[\s/]", "", text)


def _loc_path(loc: tuple[Any, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def _sort_key(path: str) -> list[Any]:
    """Natural order of YAML paths: ``indicators[2]`` before ``indicators[10]``."""
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", path)]


def _describe(path: str, data: Mapping[str, Any]) -> str:
    """Append the id of the list element a path points into: ``indicators[3] (id x)``."""
    m = re.match(r"^(areas|gates|indicators)\[(\d+)\]", path)
    if not m:
        return path
    try:
        item = data[m.group(1)][int(m.group(2))]
        return f"{path} [id {item['id']}]"
    except (KeyError, IndexError, TypeError):
        return path


def _parse(data: Any, source: str) -> Scheme:
    if not isinstance(data, Mapping):
        raise SchemeError(source, [("", "a scheme file must be a YAML mapping")])
    problems = check_scheme_data(data)
    try:
        scheme = Scheme.model_validate(data, context={"skip_cross_check": True})
    except ValidationError as exc:
        scheme = None
        for err in exc.errors():
            msg = err["msg"]
            if err["type"] == "extra_forbidden":
                msg = "unknown field (typo?)"
            elif err["type"] == "tuple_type":
                msg = "must be a list"
            problems.append((_loc_path(err["loc"]), msg))
    if problems:
        seen: dict[tuple[str, str], None] = {}
        for path, msg in sorted(problems, key=lambda p: _sort_key(p[0])):
            seen.setdefault((_describe(path, data), msg), None)
        raise SchemeError(source, list(seen))
    assert scheme is not None
    return scheme


@cache
def _read_file(path: Path, mtime: float) -> Scheme:
    del mtime  # part of the cache key only: an edited user file is re-read
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        raise SchemeError(str(path), [("", f"not valid YAML: {exc}")]) from exc
    return _parse(data, str(path))


@cache
def _shipped() -> dict[str, tuple[str, Path]]:
    """``{normalised name: (display name, path)}`` for the schemes in factors/criteria."""
    index: dict[str, tuple[str, Path]] = {}
    folder = data_path("criteria")
    for path in sorted(folder.glob("*.yaml")):
        with open(path, encoding="utf-8") as fh:
            head = yaml.safe_load(fh) or {}
        display = str(head.get("document") or path.stem)
        for name in [path.stem, str(head.get("id", path.stem)), *(head.get("aliases") or [])]:
            index[_normalise(name)] = (display, path)
    return index


def available_schemes() -> dict[str, str]:
    """Return ``{scheme id: document}`` for the shipped schemes.

    Examples
    --------
    >>> available_schemes()
    {'gbt36132-2018': 'GB/T 36132-2018', 'gbt36132-2025': 'GB/T 36132-2025'}
    """
    return {path.stem: display for display, path in sorted(set(_shipped().values()))}


def load_scheme(name_or_path: str | Path | Scheme) -> Scheme:
    """Load a shipped scheme by name, or a user scheme file by path.

    Parameters
    ----------
    name_or_path : str, Path or Scheme
        ``"GB/T 36132-2025"``, ``"gbt36132-2025"``, ``"GB/T 36132-2018"`` ...
        (spaces, ``/`` and case are ignored), or the path of a YAML file with the
        same schema (see the module docstring). A :class:`Scheme` is returned as is.

    Returns
    -------
    Scheme
        The validated scheme (immutable; shipped schemes are cached).

    Raises
    ------
    InputError
        For an unknown name (the message lists the available schemes) or a
        missing file.
    SchemeError
        (a :class:`~greenchain.errors.DataError`) listing every validation
        problem with the file and the YAML path, e.g. ``indicators[3].points``.

    Examples
    --------
    >>> load_scheme("GB/T 36132-2018").method
    'weighted_areas'
    >>> load_scheme("GB/T 36132-2030")
    Traceback (most recent call last):
    ...
    greenchain.errors.InputError: scheme: unknown scheme 'GB/T 36132-2030'; available: ...
    """
    if isinstance(name_or_path, Scheme):
        return name_or_path
    if not isinstance(name_or_path, str | Path):
        raise InputError(
            f"expected a scheme name or path, got {type(name_or_path).__name__}", field="scheme"
        )
    text = str(name_or_path)
    looks_like_path = isinstance(name_or_path, Path) or text.lower().endswith((".yaml", ".yml"))
    if not looks_like_path:
        hit = _shipped().get(_normalise(text))
        if hit is not None:
            return _read_file(hit[1], hit[1].stat().st_mtime)
        if not Path(text).is_file():
            names = ", ".join(f"{doc} ({sid})" for sid, doc in available_schemes().items())
            raise InputError(
                f"unknown scheme {text!r}; available: {names}, or the path of a "
                "YAML file with the same schema",
                field="scheme",
            )
    path = Path(text).expanduser()
    if not path.is_file():
        raise InputError(f"scheme file not found: {path}", field="scheme")
    return _read_file(path.resolve(), path.stat().st_mtime)
