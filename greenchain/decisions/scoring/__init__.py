"""Green-factory scoring (绿色工厂评价): schemes as data, a scoring engine, a plant's score.

Schemes
    GB/T 36132-2025 (the national 通则: the 14 indicators and 100 example points of
    Annex C Table C.1, the three basic requirements of clause 4.2, lead/base scoring
    of clause 5.2) and the superseded GB/T 36132-2018 (basic requirements + six
    weighted areas)
    ship as YAML in ``factors/criteria/``; a province's or an industry's variant is
    a user YAML file with the same schema (:mod:`greenchain.decisions.scoring.schemes`).
Engine
    :func:`score` checks the gates (veto), scores quantitative indicators with
    :func:`linear_score` between benchmark and leading value, qualitative ones from
    an evidence checklist (:func:`load_evidence`), and totals per area and overall
    in a :class:`ScoreResult`: points achieved (``total``), points of the assessable
    indicators (``assessable_total``), all points (``max_total``), one row per gate
    (``by_gate``), the gaps to full points and every warning. Not assessable is not
    zero: an indicator without data or lead/base values says why.
Benchmarks
    The industry's lead and base values as a CSV file
    (:mod:`greenchain.decisions.scoring.benchmarks`).
A plant's score
    :func:`~greenchain.decisions.scoring.indicators.plant_score` computes the
    indicators from the plant data (:mod:`greenchain.decisions.scoring.indicators`);
    :func:`~greenchain.decisions.scoring.with_measures.score_with_measures` rescores
    it after a retrofit package.
Plots
    :func:`greenchain.interface.plots.area_radar` and
    :func:`greenchain.interface.plots.gap_chart` draw a :class:`ScoreResult`.

Every shipped weight, point value and threshold carries its verification status;
a value no source gives is left empty and the indicator is not assessable (and
named) unless the caller supplies it.

Examples
--------
>>> from greenchain.decisions.scoring import linear_score, load_scheme
>>> linear_score(5.0, benchmark=5.5, leading=4.5, points=8, direction="lower_is_better")
4.0
>>> load_scheme("GB/T 36132-2025").indicator("energy_carbon_platform").leading
8.0
>>> sum(i.points for i in load_scheme("GB/T 36132-2025").indicators if i.id[-13:] != "_output_value")
100.0
"""

from __future__ import annotations

from greenchain.decisions.scoring.engine import (
    DIRECTIONS,
    NOT_APPLICABLE,
    IncompleteScoreWarning,
    ScoreResult,
    linear_score,
    score,
)
from greenchain.decisions.scoring.evidence import (
    ANSWER_VALUES,
    Evidence,
    EvidenceEntry,
    load_evidence,
)
from greenchain.decisions.scoring.schemes import Scheme, SchemeError, available_schemes, load_scheme

__all__ = [
    "linear_score",
    "score",
    "ScoreResult",
    "NOT_APPLICABLE",
    "DIRECTIONS",
    "IncompleteScoreWarning",
    "load_scheme",
    "available_schemes",
    "Scheme",
    "SchemeError",
    "load_evidence",
    "Evidence",
    "EvidenceEntry",
    "ANSWER_VALUES",
]
