"""The result of green-factory scoring: :class:`ScoreResult`, gaps and warning texts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from greenchain.decisions.scoring.schemes import Scheme
from greenchain.errors import Caveat

__all__ = ["ScoreResult"]

#: Statuses of assessed indicators: their points enter the total and the assessable total.
COUNTED = ("scored", "incomplete")
#: Statuses of indicators that cannot be assessed (data, points or lead/base missing):
#: their points are not counted, never scored zero; ``reason`` says why.
UNSCORABLE = ("no data", "no points", "no thresholds")


def _plain(v: Any) -> Any:
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_plain(x) for x in v]
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float) and not np.isfinite(v):
        return None
    if v is pd.NA or v is None:
        return None
    return v


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [_plain(rec) for rec in df.astype(object).to_dict("records")]


@dataclass(frozen=True, eq=False)
class ScoreResult:
    """Outcome of :func:`greenchain.decisions.scoring.score`.

    Attributes
    ----------
    scheme : Scheme
        The scheme scored against.
    total : float
        Points achieved: the sum of indicator scores (``points_sum``) or
        Y = Σ weight × area share (``weighted_areas``), over the assessed indicators.
    max_total : float
        All points of the scheme (100 for GB/T 36132-2025), assessable or not.
    gates_passed : bool
        False if any gate failed or was not answered.
    failed_gates : list of str
        Ids of failed or unanswered gates.
    failed_mandatory : list of str
        Mandatory (必选) checklist items not answered ``yes``.
    complete : bool
        True when every applicable indicator was assessed.
    by_indicator : DataFrame
        One row per indicator: indicator, area, value, unit, benchmark, leading,
        points, score, status, then name_en, name_zh, type, rule, band, fraction,
        points_status, thresholds_status, assessable, reason, note. ``status`` is one
        of ``scored``, ``incomplete`` (assessed), ``no data``, ``no points``,
        ``no thresholds`` (not assessable: ``score`` is NaN and ``reason`` says why),
        ``not applicable``, ``alternative not used``.
    by_area : DataFrame
        area, name_en, name_zh, weight, weight_status, max_points, points (of the
        assessed indicators), score, share, weighted, n_indicators, n_not_totalled.
    by_gate : DataFrame
        One row per gate (per clause 4.2 item for GB/T 36132-2025): gate, clause,
        name_en, name_zh, status (passed / failed / unanswered), evidence, items
        (the answers of the gate's evidence items), missing, source_status.
    checklist : DataFrame
        One row per checklist item: item, indicator, area, mandatory, answer,
        value, evidence.
    gaps : DataFrame
        Indicators short of full points: indicator, area, name_en, status,
        points, score, gap (= points − score), total_gain (the gain in the total,
        = gap for points_sum, weight × gap / area points for weighted_areas),
        sorted by total_gain then gap, descending (unknown gaps last).
    warnings : list of str
        Everything the caller must know: gates, missing data, indicators left out
        of the total, and every unverified weight, point value or threshold used.
    caveats : list of Caveat
        The same texts with their warning category
        (:class:`~greenchain.errors.IncompleteScoreWarning` or
        :class:`~greenchain.errors.UnverifiedDataWarning`).
    assessable_total : float
        Points of the assessed indicators (area weights of the assessed areas for
        ``weighted_areas``): ``total`` is out of this.
    notes : list of str
        What a reader must know about the scheme itself (GB/T 36132-2025: the points
        are the example weights of Table C.1), and what was taken from greenchain's
        own results.
    """

    scheme: Scheme
    total: float
    max_total: float
    gates_passed: bool
    failed_gates: list[str]
    failed_mandatory: list[str]
    complete: bool
    by_indicator: pd.DataFrame
    by_area: pd.DataFrame
    by_gate: pd.DataFrame
    checklist: pd.DataFrame
    gaps: pd.DataFrame
    warnings: list[str] = field(default_factory=list)
    caveats: list[Caveat] = field(default_factory=list, repr=False)
    assessable_total: float = float("nan")
    notes: list[str] = field(default_factory=list)

    @property
    def eligible(self) -> bool:
        """True when every gate passed and every mandatory item was met."""
        return self.gates_passed and not self.failed_mandatory

    def to_dict(self) -> dict[str, Any]:
        """Return the result as JSON-serialisable built-in types (NaN becomes None)."""
        return {
            "scheme": self.scheme.id,
            "scheme_document": self.scheme.document,
            "method": self.scheme.method,
            "total": _plain(self.total),
            "assessable_total": _plain(self.assessable_total),
            "max_total": _plain(self.max_total),
            "gates_passed": self.gates_passed,
            "failed_gates": list(self.failed_gates),
            "failed_mandatory": list(self.failed_mandatory),
            "eligible": self.eligible,
            "complete": self.complete,
            "by_indicator": _records(self.by_indicator),
            "by_area": _records(self.by_area),
            "by_gate": _records(self.by_gate),
            "checklist": _records(self.checklist),
            "gaps": _records(self.gaps),
            "warnings": list(self.warnings),
            "notes": list(self.notes),
        }

    def __repr__(self) -> str:
        flags = [] if self.gates_passed else [f"gates failed: {', '.join(self.failed_gates)}"]
        if self.failed_mandatory:
            flags.append(f"{len(self.failed_mandatory)} mandatory items not met")
        if not self.complete:
            flags.append("incomplete")
        extra = f" ({'; '.join(flags)})" if flags else ""
        return (
            f"<ScoreResult {self.scheme.document}: {self.total:.2f} of "
            f"{self.assessable_total:.2f} assessable ({self.max_total:.2f} in all){extra}>"
        )


def gaps_table(by_indicator: pd.DataFrame, by_area: pd.DataFrame, weighted: bool) -> pd.DataFrame:
    """Indicators short of full points, largest gain in the total first (see ScoreResult.gaps).

    Parameters
    ----------
    by_indicator : pandas.DataFrame
        ``ScoreResult.by_indicator``.
    by_area : pandas.DataFrame
        ``ScoreResult.by_area``.
    weighted : bool
        Whether the scheme totals weighted areas (GB/T 36132-2018).

    Returns
    -------
    pandas.DataFrame
        ``indicator``, ``area``, ``name_en``, ``status``, ``points``, ``score``, ``gap``,
        ``total_gain``, ``reason`` (why a gap is unknown: the indicator is not assessable).
    """
    df = by_indicator[~by_indicator["status"].isin(["not applicable", "alternative not used"])]
    df = df[["indicator", "area", "name_en", "status", "points", "score", "reason"]].copy()
    df["gap"] = df["points"] - df["score"]
    if weighted:
        area = by_area.set_index("area")
        factor = df["area"].map(area["weight"] / area["points"].where(area["points"] > 0))
        df["total_gain"] = df["gap"] * factor
    else:
        df["total_gain"] = df["gap"]
    df = df[df["gap"].isna() | (df["gap"] > 1e-12)]
    df = df.sort_values(["total_gain", "gap"], ascending=False, na_position="last", kind="stable")
    columns = ["indicator", "area", "name_en", "status", "points", "score", "gap", "total_gain"]
    return df[[*columns, "reason"]].reset_index(drop=True)


def _names(ids: Any) -> str:
    return ", ".join(str(i) for i in ids)


def messages(
    scheme: Scheme,
    by_indicator: pd.DataFrame,
    by_area: pd.DataFrame,
    by_gate: pd.DataFrame,
    failed_mandatory: list[str],
    missing_ref: list[str],
    used: dict[str, list[str]],
    weighted: bool,
) -> tuple[list[str], list[str]]:
    """Return ``(notes, unverified)``: texts about gates and data, and the unverified values used.

    Parameters
    ----------
    scheme : Scheme
        The scheme scored against.
    by_indicator, by_area, by_gate : pandas.DataFrame
        The result's tables.
    failed_mandatory : list of str
        Mandatory checklist items not met.
    missing_ref : list of str
        Answers given without an evidence reference.
    used : dict
        ``points`` and ``thresholds``: the indicators whose unverified values were used.
    weighted : bool
        Whether the scheme totals weighted areas (GB/T 36132-2018).

    Returns
    -------
    tuple of list of str
        ``(notes, unverified)``.
    """
    msgs: list[str] = []
    status = by_indicator["status"]
    failed = by_gate[by_gate["status"] != "passed"]
    if not failed.empty:
        parts = [f"{g} ({s})" for g, s in zip(failed["gate"], failed["status"], strict=True)]
        msgs.append(f"gates not passed (veto; total computed but not eligible): {_names(parts)}")
    if failed_mandatory:
        msgs.append(f"mandatory items not met (not eligible): {_names(failed_mandatory)}")
    nodata = by_indicator[(status == "no data") & by_indicator["points"].notna()]
    zero = nodata[nodata["assessable"].astype(bool)]["indicator"]
    if not zero.empty:
        msgs.append(f"no data, scored 0 (the scheme's rule): {_names(zero)}")
    out = nodata[~nodata["assessable"].astype(bool)]["indicator"]
    if not out.empty:
        msgs.append(f"not assessable, no data (points not counted): {_names(out)}")
    nopts = by_indicator[
        (status == "no points") | ((status == "no data") & by_indicator["points"].isna())
    ]
    if not nopts.empty:
        msgs.append(
            "not assessable, no points in the scheme (pass points={...}): "
            f"{_names(nopts['indicator'])}"
        )
    nothr = by_indicator[status == "no thresholds"]
    if not nothr.empty:
        msgs.append(
            "not assessable, no lead/base value (supply a benchmark file): "
            f"{_names(nothr['indicator'])}"
        )
    incomplete = by_indicator[status == "incomplete"]["indicator"]
    if not incomplete.empty:
        msgs.append(f"checklist partly answered (unanswered items score 0): {_names(incomplete)}")
    banded = by_indicator[by_indicator["note"].fillna("").str.contains("band unknown")]
    if not banded.empty:
        msgs.append(f"band unknown: {_names(banded['indicator'])} (pass context=...)")
    if missing_ref:
        msgs.append(f"answers without an evidence reference: {_names(missing_ref)}")

    unverified: list[str] = []
    if scheme.method_status == "unverified":
        unverified.append("the scheme's scoring rule is unverified (see Scheme.method_ref)")
    if weighted:
        uw = by_area[(by_area["weight_status"] == "unverified") & by_area["share"].notna()]
        if not uw.empty:
            unverified.append(
                "area weights unverified: "
                + _names(f"{a} {w:g}" for a, w in zip(uw["area"], uw["weight"], strict=True))
            )
    if used["points"]:
        unverified.append(f"points unverified: {_names(used['points'])}")
    if used["thresholds"]:
        unverified.append(f"benchmark/leading values unverified: {_names(used['thresholds'])}")
    rules = [
        i.id
        for i in scheme.indicators
        if i.scoring_status == "unverified"
        and i.id in set(by_indicator.loc[status == "scored", "indicator"])
    ]
    if rules:
        unverified.append(f"scoring rule unverified for: {_names(rules)}")
    flags = [
        c.id for i in scheme.indicators for c in i.checklist if c.mandatory_status == "unverified"
    ]
    if (
        flags
        and not by_indicator[(by_indicator["type"] == "qualitative") & status.isin(COUNTED)].empty
    ):
        unverified.append("mandatory/optional flags of checklist items unverified")
    return msgs, unverified
