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
``points_note``
    A note every result repeats about the points (GB/T 36132-2025: the weights of
    Table C.1 are examples).
``no_data``
    ``not_assessable`` (default: an indicator without data is left out of the
    assessable points, never scored 0) or ``zero`` (it scores 0 and stays in; the
    GB/T 36132-2018 checklist convention, where an item not shown to be met scores 0).
``benchmarks_file``
    A CSV in the scheme's folder (shipped: ``factors/``) with the lead and base
    values the scheme's document defines (columns of
    :mod:`greenchain.decisions.scoring.benchmarks`); they fill the indicators'
    ``leading`` / ``benchmark``.
``retired_evidence``
    Evidence ids of an earlier version (``id``, ``note``): accepted in evidence
    files, ignored, and the note is repeated in the result.
``gates``
    Hard requirements (veto): ``id``, ``clause``, ``name_en``, ``name_zh``,
    ``items`` (evidence items ``id``, ``name_en``, ``name_zh``: the gate passes when
    every item is answered yes, fails when one is answered no), ``source_id``
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
>>> sorted({i.row for i in s.indicators}) == list(range(1, 15))
True
>>> [g.clause for g in s.gates]
['4.2 a)', '4.2 b)', '4.2 c)']
>>> load_scheme("gbt36132-2018").area("performance").weight
30.0
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from greenchain._resources import data_path
from greenchain.data.yaml_safe import safe_load
from greenchain.decisions.scoring.benchmarks import merge_benchmarks
from greenchain.decisions.scoring.checks import PRODUCT, check_scheme_data
from greenchain.errors import DataError, InputError

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
    "GateItem",
    "RetiredId",
    "SchemeError",
    "load_scheme",
    "available_schemes",
    "PRODUCT",
]

Status = Literal["official", "transcribed", "derived", "unverified"]
IndicatorType = Literal["forward", "reverse", "qualitative"]

_ID = r"^[a-z][a-z0-9_]*$"
_SCHEME_ID = r"^[a-z0-9][a-z0-9_.-]*$"


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


class GateItem(_Model):
    """An evidence item of a gate: the gate passes when every item is answered yes."""

    id: str = Field(pattern=_ID)
    name_en: str
    name_zh: str


class RetiredId(_Model):
    """An evidence id an earlier version of the scheme used: accepted, ignored, explained."""

    id: str = Field(pattern=_ID)
    note: str


class Gate(_Model):
    """A hard requirement (veto): failing or not answering it fails the scheme.

    A gate with ``items`` (e.g. the four management systems of GB/T 36132-2025 4.2 c)
    is answered directly or through its items: all ``yes`` passes, any ``no`` fails.
    """

    id: str = Field(pattern=_ID)
    clause: str | None = None
    name_en: str
    name_zh: str
    items: tuple[GateItem, ...] = ()
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
    points_note: str | None = None
    no_data: Literal["not_assessable", "zero"] = "not_assessable"
    benchmarks_file: str | None = None
    retired_evidence: tuple[RetiredId, ...] = ()
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
        """Ids an evidence file may name: gates, gate items, checklist items, retired ids."""
        items = [i.id for g in self.gates for i in g.items]
        retired = [r.id for r in self.retired_evidence]
        return [g.id for g in self.gates] + items + list(self.checklist_items()) + retired

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


def _parse(data: Any, source: str, folder: Path | None = None) -> Scheme:
    if not isinstance(data, Mapping):
        raise SchemeError(source, [("", "a scheme file must be a YAML mapping")])
    data, problems = merge_benchmarks(data, folder)
    problems += check_scheme_data(data)
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
            data = safe_load(fh)
    except yaml.YAMLError as exc:
        raise SchemeError(str(path), [("", f"not valid YAML: {exc}")]) from exc
    return _parse(data, str(path), path.parent)


@cache
def _shipped() -> dict[str, tuple[str, Path]]:
    """``{normalised name: (display name, path)}`` for the schemes in factors/criteria."""
    index: dict[str, tuple[str, Path]] = {}
    folder = data_path("criteria")
    for path in sorted(folder.glob("*.yaml")):
        with open(path, encoding="utf-8") as fh:
            head = safe_load(fh) or {}
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
