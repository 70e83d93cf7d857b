"""Green-factory scoring engine: linear indicator scores, gates, checklists, totals.

The engine works on plain inputs: a mapping of indicator id to value (a number in
the scheme's unit, a pint Quantity, ``None`` for no data, or
:data:`NOT_APPLICABLE`), an evidence mapping for the checklist items and the gates
(:mod:`greenchain.decisions.scoring.evidence`), and optional overrides of benchmark/leading
values and points. It never clamps or guesses silently: every indicator without
data, points or thresholds is listed in :attr:`ScoreResult.warnings` and
:attr:`ScoreResult.gaps`, and a warning names it.

Rules
-----
Quantitative indicator *i* with value *x*, benchmark *B*, leading value *L* and
points *w* (``scoring: linear``; GB/T 36132-2025 clause 5.2: full points at or
better than the lead value, zero short of the base value, in between the linear
proportion method the clause recommends):

.. math::

    s_i = w \\cdot \\min\\left(1, \\max\\left(0, \\frac{x - B}{L - B}\\right)\\right)

which is zero at or worse than *B* and *w* at or beyond *L*, for both directions
(*L* > *B* when higher is better, *L* < *B* when lower is better).
``scoring: threshold`` (GB/T 36132-2018 performance indicators): *w* when *x*
meets *B* (≥ for forward, ≤ for reverse), else 0.

Qualitative indicator: :math:`s_i = w \\cdot \\sum_k a_k / n`, answers
:math:`a_k` = 1 (yes), 0.5 (partial), 0 (no or unanswered) over its *n*
applicable checklist items.

Totals: ``points_sum`` schemes (2025) add the scores, :math:`T = \\sum_i s_i`;
``weighted_areas`` schemes (2018) use :math:`Y = \\sum_a W_a \\cdot S_a / P_a`
with area weight :math:`W_a`, points obtained :math:`S_a` and points available
:math:`P_a`. Not assessable is not zero: an indicator without data, points or
lead/base values is left out of both the score and the assessable points
(``assessable_total``; ``reason`` says why, ``complete`` is then False), while
``max_total`` keeps every point of the scheme (100 for GB/T 36132-2025). A scheme
with ``no_data: zero`` (GB/T 36132-2018) scores missing data 0 instead.

Gates (basic requirements, one-vote veto) are checked first: a failed or
unanswered gate sets ``gates_passed`` False and names the gate; the total is
still computed. In a 2018 scheme, a mandatory (必选) checklist item not answered
``yes`` makes the factory not eligible (``failed_mandatory``).

Examples
--------
A dry-pressed porcelain tile plant (E <= 0.2 %) at 5.0 kgce/m^2, scored against
GB 21252-2023 level 1 (4.5) as leading value and level 2 (5.5) as benchmark:

>>> import warnings
>>> from greenchain import Q_
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")
...     r = score("GB/T 36132-2025",
...               {"energy_intensity_product": Q_(5.0, "kgce/m^2")},
...               references={"energy_limit_level1": 4.5, "energy_limit_level2": 5.5},
...               product_unit="m^2", gates={"no_violation_3y": True})
>>> float(r.by_indicator.set_index("indicator").loc["energy_intensity_product", "score"])
4.0
>>> r.gates_passed, r.complete
(False, False)
"""

from __future__ import annotations

import difflib
import textwrap
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pint

from greenchain.decisions.scoring.benchmarks import Benchmark, load_benchmarks
from greenchain.decisions.scoring.evidence import ANSWER_VALUES, Evidence, as_evidence, check_ids
from greenchain.decisions.scoring.gates import gate_table
from greenchain.decisions.scoring.result import (
    COUNTED,
    ScoreResult,
    gaps_table,
    messages,
)
from greenchain.decisions.scoring.schemes import PRODUCT, Indicator, Scheme, load_scheme
from greenchain.errors import (
    Caveat,
    IncompleteScoreWarning,
    InputError,
    OutOfRangeError,
    UnverifiedDataWarning,
    emit_caveats,
)
from greenchain.units import Q_, check_range, magnitude, read_quantity, unit_of

__all__ = [
    "linear_score",
    "score",
    "ScoreResult",
    "NOT_APPLICABLE",
    "DIRECTIONS",
    "IncompleteScoreWarning",
]

#: Pass as an indicator value when the indicator does not apply to the plant
#: (e.g. GB/T 36132-2025 row 13 for a plant without industrial exhaust).
NOT_APPLICABLE = "not applicable"
_NA_TEXT = {"na", "n/a", "not applicable", "not_applicable"}
DIRECTIONS = ("higher_is_better", "lower_is_better")


# ------------------------------------------------------------------------ linear score
def _reference_unit(*values: Any) -> Any:
    for v in values:
        if isinstance(v, pint.Quantity):
            return v.units
    return None


def _check_pair(b: np.ndarray, lead: np.ndarray, direction: str, name: str) -> None:
    b, lead = np.broadcast_arrays(np.asarray(b, dtype=float), np.asarray(lead, dtype=float))
    equal = b == lead
    if np.any(equal):
        raise InputError(
            f"benchmark and leading value are equal ({b[equal].ravel()[0]:g}); "
            "the linear rule needs two distinct values",
            field=f"{name}leading",
        )
    wrong = lead < b if direction == "higher_is_better" else lead > b
    if np.any(wrong):
        side = "above" if direction == "higher_is_better" else "below"
        raise InputError(
            f"the leading value ({lead[wrong].ravel()[0]:g}) must lie {side} the "
            f"benchmark ({b[wrong].ravel()[0]:g}) when {direction}",
            field=f"{name}leading",
        )


def linear_score(
    value: Any, *, benchmark: Any, leading: Any, points: Any, direction: str
) -> float | np.ndarray:
    """Score a quantitative indicator linearly between benchmark and leading value.

    Parameters
    ----------
    value : float, array-like or Quantity
        The plant's indicator value, in any unit.
    benchmark : float, array-like or Quantity
        基准值: zero points at or worse than this, in the unit of ``value``.
    leading : float, array-like or Quantity
        引领值: full points at or beyond this, in the unit of ``value``.
    points : float or array-like
        Points of the indicator [-], >= 0.
    direction : {"higher_is_better", "lower_is_better"}
        Forward (正向) or reverse (逆向) indicator.

    Returns
    -------
    float or numpy.ndarray
        Score in [0, points]; a float for scalar inputs, else broadcast arrays.

    Raises
    ------
    InputError
        If benchmark equals leading, the leading value lies on the wrong side of
        the benchmark for ``direction``, ``direction`` is unknown or a value is
        not finite.
    UnitError
        If the Quantities do not share a dimension.

    Notes
    -----
    .. math:: s = w \\cdot \\min(1, \\max(0, (x - B) / (L - B)))

    Quantities are converted to the unit of ``value`` (or of the first Quantity
    given); plain numbers are read in that unit.

    References
    ----------
    GB/T 36132-2025 clause 5.2 a)-c): full points at the lead value (引领值), zero when
    the base value (基准值) is not reached, in between "宜采用线性比例法、极差法等"
    (status official; greenchain uses the linear proportion method).

    Examples
    --------
    >>> [linear_score(x, benchmark=5.5, leading=4.5, points=8,
    ...               direction="lower_is_better") for x in (6.0, 5.5, 5.0, 4.5, 4.0)]
    [0.0, 0.0, 4.0, 8.0, 8.0]
    >>> from greenchain import Q_
    >>> linear_score(Q_(40, "percent"), benchmark=Q_(0.2, ""), leading=Q_(0.6, ""),
    ...              points=8, direction="higher_is_better")
    4.0
    """
    if direction not in DIRECTIONS:
        raise InputError(f"must be one of {DIRECTIONS}, got {direction!r}", field="direction")
    unit = _reference_unit(value, benchmark, leading) or ""
    x = magnitude(value, unit, "value")
    b = magnitude(benchmark, unit, "benchmark")
    lead = magnitude(leading, unit, "leading")
    w = check_range(magnitude(points, "", "points"), "points", low=0)
    _check_pair(b, lead, direction, "")
    out = w * np.clip((x - b) / (lead - b), 0.0, 1.0)
    return float(out) if np.ndim(out) == 0 else out


def _threshold(x: float, b: float, w: float, direction: str) -> float:
    met = x >= b if direction == "higher_is_better" else x <= b
    return w if met else 0.0


# ------------------------------------------------------------------------------ inputs
def _unknown(keys: list[str], known: list[str], what: str, arg: str) -> None:
    if not keys:
        return
    hints = []
    for key in keys:
        close = difflib.get_close_matches(str(key), known, n=2)
        hints.append(f"{key!r}" + (f" (did you mean {' or '.join(close)}?)" if close else ""))
    raise InputError(f"unknown {what}: {', '.join(hints)}", field=arg)


def _is_na(value: Any) -> bool:
    return isinstance(value, str) and value.strip().lower() in _NA_TEXT


def _scalar(arr: np.ndarray, name: str) -> float:
    if np.ndim(arr) != 0:
        raise InputError("one value per indicator (use linear_score for arrays)", field=name)
    return float(arr)


def _as_quantity(value: Any, name: str) -> Any:
    return read_quantity(value, name)


def _convert(value: Any, unit: pint.Unit | None, name: str) -> float:
    """Magnitude of ``value`` in ``unit`` (plain numbers are read in ``unit``)."""
    value = _as_quantity(value, name)
    return _scalar(magnitude(value, unit if unit is not None else "", name), name)


class _Inputs:
    """Validated caller inputs (every unknown id is reported at once)."""

    def __init__(
        self,
        scheme: Scheme,
        indicators: Mapping[str, Any] | None,
        evidence: Any,
        gates: Mapping[str, Any] | None,
        benchmarks: Mapping[str, Any] | None,
        points: Mapping[str, Any] | None,
        references: Mapping[str, Any] | None,
        context: Mapping[str, Any] | None,
        product_unit: str | None,
    ):
        ids = [i.id for i in scheme.indicators]
        quantitative = [i.id for i in scheme.indicators if i.type != "qualitative"]
        self.values = dict(indicators or {})
        qualitative = [k for k in self.values if k in ids and k not in quantitative]
        if qualitative:
            raise InputError(
                f"{', '.join(qualitative)} qualitative: answer the checklist "
                "items in evidence= instead",
                field="indicators",
            )
        _unknown([k for k in self.values if k not in ids], quantitative, "indicator", "indicators")
        self.benchmarks: dict[str, tuple[Any, Any]] = {}
        self.benchmark_status: dict[str, str] = {}
        if isinstance(benchmarks, str | Path):
            benchmarks = load_benchmarks(benchmarks)
        for key, val in (benchmarks or {}).items():
            if isinstance(val, Benchmark):
                unit: str | None = val.unit
                if PRODUCT in val.unit:
                    filled = f"({product_unit})"
                    unit = val.unit.replace(PRODUCT, filled) if product_unit else None
                pair = tuple(
                    Q_(v, unit) if isinstance(v, float) and unit else v
                    for v in (val.base, val.lead)
                )
                self.benchmark_status[key] = f"{val.status} ({val.file})"
            elif isinstance(val, Mapping):
                pair = (val.get("benchmark"), val.get("leading"))
            elif isinstance(val, list | tuple) and len(val) == 2:
                pair = (val[0], val[1])
            else:
                raise InputError(
                    "expected (benchmark, leading); use None to keep the scheme's value",
                    field=f"benchmarks[{key!r}]",
                )
            self.benchmarks[key] = (pair[0], pair[1])
        _unknown(
            [k for k in self.benchmarks if k not in quantitative],
            quantitative,
            "quantitative indicator",
            "benchmarks",
        )
        self.points = {}
        for key, val in (points or {}).items():
            self.points[key] = float(
                check_range(magnitude(val, "", f"points[{key!r}]"), f"points[{key!r}]", low=0)
            )
        _unknown([k for k in self.points if k not in ids], ids, "indicator", "points")
        self.references = dict(references or {})
        refs = sorted(
            {
                str(v)
                for i in scheme.indicators
                for v in (
                    i.benchmark,
                    i.leading,
                    *(x for bd in i.bands for x in (bd.benchmark, bd.leading)),
                )
                if isinstance(v, str)
            }
        )
        _unknown([k for k in self.references if k not in refs], refs, "reference", "references")
        self.context = dict(context or {})
        quantities = sorted({i.band_by.quantity for i in scheme.indicators if i.band_by})
        _unknown(
            [k for k in self.context if k not in quantities],
            quantities,
            "context quantity",
            "context",
        )
        self.product_unit = None
        if product_unit is not None:
            unit_of(product_unit)
            self.product_unit = str(product_unit)
        self.evidence: Evidence = as_evidence(evidence)
        check_ids(self.evidence, scheme)
        self.gates = as_evidence(gates, source="gates=")
        gate_ids = [g.id for g in scheme.gates] + [i.id for g in scheme.gates for i in g.items]
        retired = [r.id for r in scheme.retired_evidence]
        _unknown(
            [k for k in self.gates if k not in gate_ids and k not in retired],
            gate_ids,
            "gate",
            "gates",
        )


# ------------------------------------------------------------------------------- rows
def _unit_text(unit: pint.Unit) -> str:
    return f"{unit:~P}" or "dimensionless"


def _unit_for(ind: Indicator, product_unit: str | None) -> tuple[str, str] | None:
    """``(display, parsable)`` unit of the indicator with ``{product}`` filled in."""
    assert ind.unit is not None
    if PRODUCT not in ind.unit:
        return ind.unit, ind.unit
    if not product_unit:
        return None
    return ind.unit.replace(PRODUCT, product_unit), ind.unit.replace(PRODUCT, f"({product_unit})")


def _quantitative(
    ind: Indicator, inp: _Inputs, row: dict[str, Any], notes: list[str], used: dict[str, list[str]]
) -> None:
    direction = ind.direction
    assert direction is not None
    scheme_unit = _unit_for(ind, inp.product_unit)
    unit: Any = unit_of(scheme_unit[1]) if scheme_unit else None
    row["unit"] = scheme_unit[0] if scheme_unit else ind.unit
    raw = inp.values.get(ind.id)
    name = f"indicators[{ind.id!r}]"

    # value
    x = np.nan
    if raw is None:
        row["status"] = "no data"
    elif _is_na(raw):
        row["status"] = "not applicable"
        return
    else:
        if (
            ind.count_items
            and isinstance(raw, list | tuple | set | frozenset)
            and all(isinstance(r, str) for r in raw)
        ):
            valid = [c.id for c in ind.count_items]
            _unknown([r for r in raw if r not in valid], valid, f"{ind.id} item", name)
            raw = len(set(raw))
        raw = _as_quantity(raw, name)
        if unit is None and isinstance(raw, pint.Quantity):
            unit = raw.units
            row["unit"] = _unit_text(unit)
        x = _convert(raw, unit, name)
        low = ind.min if (scheme_unit or ind.min == 0) else None
        high = ind.max if scheme_unit else None
        check_range(np.asarray(x), name, low=low, high=high, unit=str(row["unit"]))
        row["value"] = x

    # thresholds: scheme or band, then caller overrides, then references
    b_raw, l_raw = ind.benchmark, ind.leading
    statuses: list[str | None] = [ind.benchmark_status, ind.leading_status]
    if ind.bands:
        assert ind.band_by is not None
        qname = ind.band_by.quantity
        if qname not in inp.context:
            b_raw = l_raw = None
            notes.append(f"band unknown: pass context={{{qname!r}: ...}}")
        else:
            q = _convert(inp.context[qname], unit_of(ind.band_by.unit), f"context[{qname!r}]")
            band = next(
                (
                    bd
                    for bd in ind.bands
                    if (bd.min is None or q >= bd.min) and (bd.max is None or q < bd.max)
                ),
                None,
            )
            if band is None:
                raise OutOfRangeError(
                    f"{q:g} {ind.band_by.unit} lies in no band of {ind.id}",
                    field=f"context[{qname!r}]",
                )
            row["band"] = band.id
            b_raw, l_raw = band.benchmark, band.leading
            statuses = [band.benchmark_status, band.leading_status]
    if ind.id in inp.benchmarks:
        ob, ol = inp.benchmarks[ind.id]
        given = inp.benchmark_status.get(ind.id, "user")
        if ob is not None:
            b_raw, statuses[0] = ob, given
        if ol is not None:
            l_raw, statuses[1] = ol, given
    resolved = []
    for kind, val, status in (("benchmark", b_raw, statuses[0]), ("leading", l_raw, statuses[1])):
        if isinstance(val, str) and status != "user":  # a reference id
            if val in inp.references:
                val = inp.references[val]
            else:
                notes.append(f"{kind} refers to {val!r}, which has no value for this plant")
                val = None
        if val is not None:
            val = _as_quantity(val, f"benchmarks[{ind.id!r}]")
            if unit is None and isinstance(val, pint.Quantity):
                unit = val.units
                row["unit"] = _unit_text(unit)
            val = _convert(val, unit, f"{kind} of {ind.id}")
        resolved.append(val)
    b, lead = resolved
    row["benchmark"] = np.nan if b is None else b
    row["leading"] = np.nan if lead is None else lead
    rule = ind.rule
    have = b is not None and (rule == "threshold" or lead is not None)
    if have and rule == "linear":
        _check_pair(np.asarray(b), np.asarray(lead), direction, f"{ind.id}: ")
    used_status = statuses[:1] if rule == "threshold" else statuses
    row["thresholds_status"] = "/".join(str(s) for s in used_status if s) or None

    if not have:
        notes.append("no lead/base value: supply the industry's values in a benchmark file")
    if row["status"] == "no data":
        return
    if not have:
        row["status"] = "no thresholds"
        return
    assert b is not None
    frac = (
        _threshold(x, b, 1.0, direction)
        if rule == "threshold"
        else linear_score(x, benchmark=b, leading=lead, points=1, direction=direction)
    )
    row["fraction"] = frac
    row["status"] = "scored"
    if any(str(s).startswith("unverified") for s in used_status) and not np.isnan(row["points"]):
        used["thresholds"].append(ind.id)


def _qualitative(
    ind: Indicator,
    inp: _Inputs,
    row: dict[str, Any],
    items: list[dict[str, Any]],
    failed_mandatory: list[str],
    missing_ref: list[str],
) -> None:
    applicable, answered, total = 0, 0, 0.0
    for item in ind.checklist:
        entry = inp.evidence.get(item.id)
        answer = entry.answer if entry else None
        items.append(
            {
                "item": item.id,
                "indicator": ind.id,
                "area": ind.area,
                "mandatory": item.mandatory,
                "answer": answer,
                "value": ANSWER_VALUES.get(answer or "", np.nan),
                "evidence": entry.evidence if entry else None,
            }
        )
        if item.mandatory and answer not in ("yes", "na"):
            failed_mandatory.append(item.id)
        if answer == "na":
            continue
        applicable += 1
        if entry is not None:
            answered += 1
            total += ANSWER_VALUES[entry.answer]
            if entry.evidence is None and entry.answer in ("yes", "partial"):
                missing_ref.append(item.id)
    row["unit"] = "share of checklist"
    if applicable == 0:
        row["status"] = "not applicable"
        return
    if answered == 0:
        row["status"] = "no data"
        return
    row["value"] = row["fraction"] = total / applicable
    row["status"] = "scored" if answered == applicable else "incomplete"


def _reason(ind: Indicator, status: str, notes: list[str]) -> str:
    """Why an indicator is not assessed (its points are not counted)."""
    head = {
        "no data": (
            "not answered in the evidence"
            if ind.type == "qualitative"
            else "no data in the plant file (pass indicators={...})"
        ),
        "not applicable": "not applicable to the plant",
    }.get(status)
    parts = ([head] if head else []) + notes
    return "not assessable: " + ("; ".join(parts) or status)


_Rows = tuple[
    list[dict[str, Any]], list[dict[str, Any]], list[str], list[str], dict[str, list[str]]
]


def _build_rows(scheme: Scheme, inp: _Inputs) -> _Rows:
    rows: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    failed_mandatory: list[str] = []
    missing_ref: list[str] = []
    used: dict[str, list[str]] = {"points": [], "thresholds": []}
    groups: dict[str, list[Indicator]] = {}
    for ind in scheme.indicators:
        if ind.one_of:
            groups.setdefault(ind.one_of, []).append(ind)
    active: dict[str, str] = {}
    for gid, members in groups.items():
        given = [m.id for m in members if inp.values.get(m.id) is not None]
        if len(given) > 1:
            raise InputError(
                f"{', '.join(given)} are alternatives (group {gid!r}): give one", field="indicators"
            )
        active[gid] = given[0] if given else members[0].id

    for ind in scheme.indicators:
        p = inp.points.get(ind.id, ind.points)
        p_status = "user" if ind.id in inp.points else ind.points_status
        row: dict[str, Any] = {
            "indicator": ind.id,
            "area": ind.area,
            "value": np.nan,
            "unit": None,
            "benchmark": np.nan,
            "leading": np.nan,
            "points": np.nan if p is None else float(p),
            "score": np.nan,
            "status": None,
            "name_en": ind.name_en,
            "name_zh": ind.name_zh,
            "type": ind.type,
            "rule": ind.rule,
            "band": None,
            "fraction": np.nan,
            "points_status": p_status,
            "thresholds_status": None,
            "assessable": False,
            "reason": None,
            "note": None,
        }
        notes: list[str] = []
        if ind.one_of and active[ind.one_of] != ind.id:
            row["status"] = "alternative not used"
            row["unit"] = ind.unit
            row["reason"] = f"alternative {active[ind.one_of]} used"
            rows.append(row)
            continue
        if ind.type == "qualitative":
            _qualitative(ind, inp, row, items, failed_mandatory, missing_ref)
        else:
            _quantitative(ind, inp, row, notes, used)
        if p is None:
            notes.append("no points in the scheme: pass points={...}")
            if row["status"] in COUNTED:
                row["status"] = "no points"
        if p is not None and row["status"] == "no data" and scheme.no_data == "zero":
            row["fraction"], row["assessable"] = 0.0, True
            row["score"] = 0.0
            row["reason"] = "no data: scored 0 (the scheme's rule for missing data)"
        elif p is not None and row["status"] in COUNTED:
            row["score"] = float(p) * row["fraction"]
            row["assessable"] = True
            if p_status == "unverified":
                used["points"].append(ind.id)
        else:
            row["reason"] = _reason(ind, row["status"], notes)
        row["note"] = "; ".join(notes) or None
        rows.append(row)
    return rows, items, failed_mandatory, missing_ref, used


# ------------------------------------------------------------------------------- score
def score(
    scheme: Scheme | str,
    indicators: Mapping[str, Any] | None = None,
    *,
    evidence: Mapping[str, Any] | Evidence | None = None,
    gates: Mapping[str, Any] | None = None,
    benchmarks: Mapping[str, Any] | None = None,
    points: Mapping[str, Any] | None = None,
    references: Mapping[str, Any] | None = None,
    context: Mapping[str, Any] | None = None,
    product_unit: str | None = None,
    strict: bool = False,
) -> ScoreResult:
    """Score a plant against a green-factory scheme.

    Parameters
    ----------
    scheme : Scheme or str or Path
        A scheme or anything :func:`~greenchain.decisions.scoring.load_scheme` accepts.
    indicators : mapping, optional
        ``{indicator_id: value}`` for quantitative indicators: a number read in the
        scheme's unit (``percent`` indicators take 35 for 35 %), a Quantity in any
        compatible unit, ``None`` (no data: not assessable, named in gaps) or
        :data:`NOT_APPLICABLE`. A count indicator with ``count_items`` also takes
        the list of item ids. For a ``one_of`` group give one alternative.
    evidence : mapping or Evidence, optional
        Checklist answers and gate results (:func:`load_evidence`); an id the
        scheme does not know raises :class:`InputError` (a typo would otherwise
        silently cost points).
    gates : mapping, optional
        ``{gate_id: True/False}``; overrides gate entries in ``evidence``.
    benchmarks : mapping, str or Path, optional
        ``{indicator_id: (benchmark, leading)}`` overriding the scheme (numbers in
        the scheme's unit or Quantities; ``None`` keeps the scheme's value), or a
        benchmark CSV file (:func:`~greenchain.decisions.scoring.benchmarks.load_benchmarks`)
        with the industry's lead and base values and their status.
    points : mapping, optional
        ``{indicator_id: points}`` overriding or supplying points [-].
    references : mapping, optional
        Values of the reference ids a scheme uses as thresholds, e.g.
        ``{"energy_limit_level1": Q_(4.5, "kgce/m^2")}``.
    context : mapping, optional
        Plant quantities that select bands, e.g. ``{"annual_energy_use": Q_(4200, "tce")}``.
    product_unit : str, optional
        Unit of product replacing ``{product}`` in indicator units (``"m^2"``, ``"t"``).
    strict : bool, default False
        Raise instead of leaving indicators that cannot be assessed out of the
        total.

    Returns
    -------
    ScoreResult

    Raises
    ------
    InputError
        Unknown indicator, gate or evidence ids; conflicting alternatives; bad
        thresholds (equal, or on the wrong side); ``strict`` and incomplete.
    UnitError, OutOfRangeError
        Values in the wrong dimension or outside the indicator's valid range.

    Warns
    -----
    IncompleteScoreWarning
        Naming indicators without data, points or thresholds, and failed gates.
    UnverifiedDataWarning
        When unverified weights, points, thresholds or rules were used.

    Notes
    -----
    See the module docstring for the equations.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     r = score("GB/T 36132-2025", {"carbon_intensity_output_value": 12.0},
    ...               benchmarks={"carbon_intensity_output_value": (20.0, 10.0)},
    ...               gates={"no_violation_3y": True})
    >>> float(r.by_indicator.set_index("indicator").loc["carbon_intensity_output_value", "score"])
    6.4
    >>> r.total, r.assessable_total, r.max_total
    (6.4, 8.0, 100.0)
    >>> r.gates_passed, r.failed_gates
    (False, ['green_management', 'management_systems'])
    """
    scheme = load_scheme(scheme)
    inp = _Inputs(
        scheme, indicators, evidence, gates, benchmarks, points, references, context, product_unit
    )
    rows, items, failed_mandatory, missing_ref, used = _build_rows(scheme, inp)
    by_indicator = pd.DataFrame(rows)

    # gates
    by_gate, failed_gates, retired_notes = gate_table(scheme, inp.gates, inp.evidence)

    # areas and totals: not assessable is not zero
    status = by_indicator["status"]
    has_points = by_indicator["points"].notna() & (status != "alternative not used")
    assessed = by_indicator["assessable"].astype(bool) & by_indicator["points"].notna()
    weighted = scheme.method == "weighted_areas"
    area_rows = []
    for a in scheme.areas:
        in_area = by_indicator["area"] == a.id
        pts = float(by_indicator.loc[in_area & assessed, "points"].sum())
        sc = float(by_indicator.loc[in_area & assessed, "score"].sum())
        share = sc / pts if pts > 0 else np.nan
        area_rows.append(
            {
                "area": a.id,
                "name_en": a.name_en,
                "name_zh": a.name_zh,
                "weight": np.nan if a.weight is None else a.weight,
                "weight_status": a.weight_status,
                "max_points": float(by_indicator.loc[in_area & has_points, "points"].sum()),
                "points": pts,
                "score": sc,
                "share": share,
                "weighted": (a.weight or 0.0) * share if weighted else np.nan,
                "n_indicators": int(in_area.sum()),
                "n_not_totalled": int((in_area & has_points & ~assessed).sum()),
            }
        )
    by_area = pd.DataFrame(area_rows)
    if weighted:
        ok = by_area["share"].notna()
        total = float(by_area.loc[ok, "weighted"].sum())
        assessable_total = float(by_area.loc[ok, "weight"].sum())
        max_total = float(by_area["weight"].sum())
    else:
        total = float(by_area["score"].sum())
        assessable_total = float(by_area["points"].sum())
        max_total = float(by_area["max_points"].sum())

    not_totalled = by_indicator[
        ~status.isin(("not applicable", "alternative not used")) & ~assessed
    ]
    complete = not_totalled.empty
    if strict and not complete:
        raise InputError(
            f"cannot total: not assessable: {', '.join(not_totalled['indicator'])}",
            field="scheme",
        )

    gaps = gaps_table(by_indicator, by_area, weighted)
    notes, unverified = messages(
        scheme, by_indicator, by_area, by_gate, failed_mandatory, missing_ref, used, weighted
    )
    notes += retired_notes
    caveats = [Caveat(IncompleteScoreWarning, t) for t in notes]
    caveats += [Caveat(UnverifiedDataWarning, t) for t in unverified]
    summary = []  # one short warning per category; the full lists are in the result
    for texts, category in ((unverified, UnverifiedDataWarning), (notes, IncompleteScoreWarning)):
        if texts:
            short = "; ".join(textwrap.shorten(t, 200, placeholder=" ...") for t in texts)
            summary.append(Caveat(category, f"{scheme.document}: {short}"))
    checklist = pd.DataFrame(
        items, columns=["item", "indicator", "area", "mandatory", "answer", "value", "evidence"]
    )
    result = ScoreResult(
        scheme=scheme,
        total=total,
        max_total=max_total,
        gates_passed=not failed_gates,
        failed_gates=failed_gates,
        failed_mandatory=failed_mandatory,
        complete=complete,
        by_indicator=by_indicator,
        by_area=by_area,
        by_gate=by_gate,
        checklist=checklist,
        gaps=gaps,
        warnings=notes + unverified,
        caveats=caveats,
        assessable_total=assessable_total,
        notes=[scheme.points_note] if scheme.points_note else [],
    )
    emit_caveats(summary)
    return result
