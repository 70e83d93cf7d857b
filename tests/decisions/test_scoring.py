"""Tests of greenchain.decisions.scoring: schemes, linear scoring, gates, evidence, totals, plots.

Published values used as tests:

* GB 21252-2023 Table 1 (dry-pressed tile, E <= 0.2 %): level 1 = 4.5, level 2 = 5.5
  kgce/m^2, which GB/T 36132-2025 row 1 uses as leading and benchmark value
  (green_criteria.md 7.1; sector_verification.md 2.1).
* GB/T 36132-2025 indicator table (third-party transcription): 18 rows, points 8/8/8/6 for
  rows 1-4, lead value 8 for row 4, renewable-share bands 3 000 / 5 000 / 10 000 tce.
* GB/T 36132-2018 first-level weights 20/15/15/10/10/30 (recalled, status unverified).
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from greenchain import Q_
from greenchain.data.tables import sources
from greenchain.decisions.scoring import (
    NOT_APPLICABLE,
    IncompleteScoreWarning,
    SchemeError,
    ScoreResult,
    available_schemes,
    linear_score,
    load_evidence,
    load_scheme,
    score,
)
from greenchain.errors import (
    DataError,
    InputError,
    OutOfRangeError,
    UnitError,
    UnverifiedDataWarning,
)

pytestmark = pytest.mark.filterwarnings("ignore::greenchain.errors.GreenchainWarning")

GATES_2025 = {
    "discharge_permit": True,
    "no_major_accident_3y": True,
    "quality_management_system": True,
    "environmental_management_system": True,
    "energy_management_system": True,
    "ohs_management_system": True,
}
GATES_2018 = {"compliance_and_stakeholders": True, "basic_management_responsibility": True}


@pytest.fixture
def gb21252_2023_tile_e02():
    """GB 21252-2023 Table 1, dry-pressed tile E <= 0.2 %: level 1 / level 2 [kgce/m^2]."""
    return {"energy_limit_level1": Q_(4.5, "kgce/m^2"), "energy_limit_level2": Q_(5.5, "kgce/m^2")}


def _all_yes_2018():
    scheme = load_scheme("GB/T 36132-2018")
    return {item: ("yes", "ref") for item in scheme.checklist_items()}


# ------------------------------------------------------------------------- linear_score
LOWER = dict(benchmark=5.5, leading=4.5, points=8, direction="lower_is_better")
HIGHER = dict(benchmark=20.0, leading=60.0, points=8, direction="higher_is_better")


@pytest.mark.parametrize(
    "value, expected",
    [(5.5, 0.0), (4.5, 8.0), (5.0, 4.0), (4.0, 8.0), (6.0, 0.0)],
    ids=["at-benchmark", "at-leading", "between", "beyond-leading", "worse-than-benchmark"],
)
def test_linear_score_lower_is_better(value, expected):
    assert linear_score(value, **LOWER) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize(
    "value, expected", [(20.0, 0.0), (60.0, 8.0), (40.0, 4.0), (80.0, 8.0), (10.0, 0.0)]
)
def test_linear_score_higher_is_better(value, expected):
    assert linear_score(value, **HIGHER) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize(
    "values",
    [
        [6.0, 5.5, 5.0, 4.5, 4.0],
        np.array([6.0, 5.5, 5.0, 4.5, 4.0]),
        pd.Series([6.0, 5.5, 5.0, 4.5, 4.0]),
    ],
)
def test_linear_score_vectorised(values):
    out = linear_score(values, **LOWER)
    assert isinstance(out, np.ndarray)
    np.testing.assert_allclose(out, [0, 0, 4, 8, 8])


def test_linear_score_vectorised_thresholds():
    out = linear_score(
        5.0, benchmark=[5.5, 6.0], leading=[4.5, 5.0], points=8, direction="lower_is_better"
    )
    np.testing.assert_allclose(out, [4.0, 8.0])


def test_linear_score_unit_invariance():
    si = linear_score(
        Q_(5.0, "kgce/m^2"),
        benchmark=Q_(5.5, "kgce/m^2"),
        leading=Q_(4.5, "kgce/m^2"),
        points=8,
        direction="lower_is_better",
    )
    mj = linear_score(
        Q_(5.0 * 29.3076, "MJ/m^2"),
        benchmark=Q_(5.5, "kgce/m^2"),
        leading=Q_(4.5 * 29.3076e-3, "GJ/m^2"),
        points=8,
        direction="lower_is_better",
    )
    assert si == pytest.approx(4.0)
    assert mj == pytest.approx(si, rel=1e-9)
    # plain thresholds are read in the value's unit
    assert linear_score(
        Q_(50, "percent"), benchmark=20, leading=60, points=8, direction="higher_is_better"
    ) == pytest.approx(6.0)


def test_linear_score_rejects_equal_benchmark_and_leading():
    with pytest.raises(InputError, match="equal"):
        linear_score(5.0, benchmark=5.0, leading=5.0, points=8, direction="lower_is_better")
    with pytest.raises(InputError, match="equal"):
        linear_score(
            [1.0, 2.0],
            benchmark=[1.0, 3.0],
            leading=[2.0, 3.0],
            points=1,
            direction="higher_is_better",
        )


@pytest.mark.parametrize(
    "direction, benchmark, leading",
    [("lower_is_better", 4.5, 5.5), ("higher_is_better", 60.0, 20.0)],
)
def test_linear_score_rejects_leading_on_wrong_side(direction, benchmark, leading):
    with pytest.raises(InputError, match="leading"):
        linear_score(5.0, benchmark=benchmark, leading=leading, points=8, direction=direction)


def test_linear_score_bad_arguments():
    with pytest.raises(InputError, match="direction"):
        linear_score(5.0, benchmark=5.5, leading=4.5, points=8, direction="reverse")
    with pytest.raises(UnitError, match="benchmark"):
        linear_score(
            Q_(5.0, "kgce/m^2"),
            benchmark=Q_(5.5, "kg"),
            leading=4.5,
            points=8,
            direction="lower_is_better",
        )
    with pytest.raises(OutOfRangeError, match="points"):
        linear_score(5.0, benchmark=5.5, leading=4.5, points=-1, direction="lower_is_better")
    with pytest.raises(InputError, match="value"):
        linear_score(
            float("nan"), benchmark=5.5, leading=4.5, points=8, direction="lower_is_better"
        )


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@given(
    b=finite,
    span=st.floats(min_value=1e-3, max_value=1e5),
    points=st.floats(min_value=0, max_value=100),
    x1=finite,
    x2=finite,
    higher=st.booleans(),
)
def test_linear_score_bounded_and_monotone(b, span, points, x1, x2, higher):
    direction = "higher_is_better" if higher else "lower_is_better"
    lead = b + span if higher else b - span
    lo, hi = sorted((x1, x2))
    s_lo = linear_score(lo, benchmark=b, leading=lead, points=points, direction=direction)
    s_hi = linear_score(hi, benchmark=b, leading=lead, points=points, direction=direction)
    for s in (s_lo, s_hi):
        assert -1e-12 <= s <= points + 1e-9
    if higher:
        assert s_lo <= s_hi + 1e-9
    else:
        assert s_hi <= s_lo + 1e-9


@settings(max_examples=40, deadline=None)
@given(
    x1=st.floats(min_value=0, max_value=100),
    x2=st.floats(min_value=0, max_value=100),
    e1=st.floats(min_value=0, max_value=20),
    e2=st.floats(min_value=0, max_value=20),
)
def test_score_engine_bounded_and_monotone(x1, x2, e1, e2):
    """Through score(): forward renewable share rises, reverse energy intensity falls."""
    scheme = load_scheme("GB/T 36132-2025")
    kwargs = dict(
        benchmarks={"renewable_share": (10, 40), "energy_intensity_output_value": (15, 5)},
        gates=GATES_2025,
    )
    lo_x, hi_x = sorted((x1, x2))
    lo_e, hi_e = sorted((e1, e2))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = score(
            scheme, {"renewable_share": lo_x, "energy_intensity_output_value": lo_e}, **kwargs
        )
        b = score(
            scheme, {"renewable_share": hi_x, "energy_intensity_output_value": hi_e}, **kwargs
        )
    sa, sb = (r.by_indicator.set_index("indicator")["score"] for r in (a, b))
    for s in (sa, sb):
        assert 0 <= s["renewable_share"] <= 8 and 0 <= s["energy_intensity_output_value"] <= 8
    assert sa["renewable_share"] <= sb["renewable_share"] + 1e-9
    assert sa["energy_intensity_output_value"] >= sb["energy_intensity_output_value"] - 1e-9
    assert 0 <= a.total <= a.max_total


# ------------------------------------------------------------------------------ schemes
@pytest.mark.parametrize("name", sorted(available_schemes()))
def test_shipped_scheme_validates_and_cites_known_sources(name):
    scheme = load_scheme(name)
    known = set(sources())
    assert scheme.source_ids() <= known, scheme.source_ids() - known


@pytest.mark.parametrize(
    "spelling, scheme_id",
    [
        ("GB/T 36132-2025", "gbt36132-2025"),
        ("gbt36132-2025", "gbt36132-2025"),
        ("GB/T36132\u20142025", "gbt36132-2025"),
        ("gb/t 36132-2018", "gbt36132-2018"),
        ("GB/T 36132-2018", "gbt36132-2018"),
    ],
)
def test_load_scheme_spellings(spelling, scheme_id):
    assert load_scheme(spelling).id == scheme_id


def test_unknown_scheme_lists_available():
    with pytest.raises(InputError, match="GB/T 36132-2018.*GB/T 36132-2025"):
        load_scheme("GB/T 36132-2030")
    with pytest.raises(InputError, match="not found"):
        load_scheme("no_such_scheme.yaml")


def test_2025_indicator_table_complete():
    s = load_scheme("GB/T 36132-2025")
    assert [a.name_zh for a in s.areas] == [
        "能源低碳化",
        "资源高效化",
        "生产洁净化",
        "产品绿色化",
        "用地集约化",
    ]
    assert sorted({i.row for i in s.indicators}) == list(range(1, 19))
    for ind in s.indicators:
        assert ind.type in ("forward", "reverse", "qualitative")
        assert (ind.unit is None) == (ind.type == "qualitative")
    qualitative = sorted(i.row for i in s.indicators if i.type == "qualitative")
    assert qualitative == [5, 6, 14]
    reverse = sorted({i.row for i in s.indicators if i.type == "reverse"})
    assert reverse == [1, 2, 7]
    # points 8/8/8/6 for rows 1-4, found only in a third-party transcription
    by_row = {i.row: i for i in s.indicators}
    assert [by_row[r].points for r in (1, 2, 3, 4)] == [8, 8, 8, 6]
    assert all(by_row[r].points_status == "unverified" for r in (1, 2, 3, 4))
    assert all(i.points is None and i.points_status is None for i in s.indicators if i.row > 4)
    # row 1: lead = level 1, base = level 2 of the energy-limit standard (a reference)
    row1 = s.indicator("energy_intensity_product")
    assert (row1.benchmark, row1.leading) == ("energy_limit_level2", "energy_limit_level1")
    # row 3 banded by annual energy use, no thresholds per band
    row3 = s.indicator("renewable_share")
    assert row3.band_by.unit == "tce"
    assert sorted((b.min or 0, b.max or np.inf) for b in row3.bands) == [
        (0, 3000),
        (3000, 5000),
        (5000, 10000),
        (10000, np.inf),
    ]
    assert all(b.benchmark is None and b.leading is None for b in row3.bands)
    # row 4: lead value 8 of 12 platform functions
    row4 = s.indicator("energy_carbon_platform")
    assert row4.leading == 8 and row4.benchmark is None and len(row4.count_items) == 12
    assert len(s.gates) == 6 and all(g.status == "unverified" for g in s.gates)


def test_2018_structure_and_statuses():
    s = load_scheme("GB/T 36132-2018")
    assert [(a.id, a.weight, a.weight_status) for a in s.areas] == [
        ("infrastructure", 20, "unverified"),
        ("management", 15, "unverified"),
        ("energy_resources", 15, "unverified"),
        ("products", 10, "unverified"),
        ("emissions", 10, "unverified"),
        ("performance", 30, "unverified"),
    ]
    assert [g.name_zh for g in s.gates] == ["合规性与相关方要求", "基础管理职责"]
    items = [c for _, c in s.checklist_items().values()]
    assert all(c.mandatory_status == "unverified" for c in items)
    assert any(c.mandatory for c in items) and any(not c.mandatory for c in items)
    performance = [i for i in s.indicators if i.area == "performance"]
    assert len({i.one_of or i.id for i in performance}) == 12
    assert all(i.formula and i.formula_status for i in performance)
    assert all(
        i.points_status == "unverified" and "equal share placeholder" in i.notes
        for i in s.indicators
    )
    bc = s.indicator("building_coefficient")
    assert (bc.benchmark, bc.benchmark_status, bc.thresholds_source_id) == (
        30,
        "official",
        "land-use-control",
    )


USER_SCHEME = """
id: demo-province-2026
name_en: Demo provincial green-factory scheme
name_zh: 示例省绿色工厂评价
document: Demo scheme 2026
edition: "2026"
source_id: demo-notice
status: unverified
method: points_sum
method_status: unverified
sources:
  - {id: demo-notice, document: "Demo notice 2026", status: unverified}
areas:
  - {id: energy, name_en: Energy, name_zh: 能源}
  - {id: land, name_en: Land, name_zh: 用地}
gates:
  - {id: permit, name_en: Permit, name_zh: 排污许可, status: unverified}
indicators:
  - id: renewable
    area: energy
    name_en: Renewable share
    name_zh: 可再生能源利用率
    type: forward
    unit: percent
    benchmark: 10
    benchmark_status: unverified
    leading: 30
    leading_status: unverified
    points: 10
    points_status: unverified
    source_id: demo-notice
    status: unverified
  - id: energy_per_tile
    area: energy
    name_en: Energy per tile
    name_zh: 单位产品综合能耗
    type: reverse
    unit: kgce/m^2
    benchmark: 5.5
    benchmark_status: transcribed
    leading: 4.5
    leading_status: transcribed
    points: 8
    points_status: unverified
    source_id: demo-notice
    status: unverified
  - id: land_cases
    area: land
    name_en: Land-saving cases
    name_zh: 节地案例
    type: qualitative
    checklist:
      - {id: land_case_a, name_en: Case A, name_zh: 案例A}
      - {id: land_case_b, name_en: Case B, name_zh: 案例B}
    points: 4
    points_status: unverified
    source_id: demo-notice
    status: unverified
"""


def test_user_scheme_round_trip(tmp_path):
    path = tmp_path / "demo.yaml"
    path.write_text(USER_SCHEME, encoding="utf-8")
    scheme = load_scheme(path)
    assert scheme.id == "demo-province-2026" and load_scheme(str(path)) is scheme
    r = score(
        scheme,
        {"renewable": 20, "energy_per_tile": Q_(5.0, "kgce/m^2")},
        evidence={
            "land_case_a": ("yes", "photo 1"),
            "land_case_b": ("partial", "memo"),
            "permit": True,
        },
    )
    expected = 10 * 0.5 + 8 * 0.5 + 4 * 0.75
    assert r.total == pytest.approx(expected)
    assert r.max_total == pytest.approx(22)
    assert r.gates_passed and r.complete and r.eligible
    area = r.by_area.set_index("area")
    assert area.loc["energy", "score"] == pytest.approx(9.0)
    assert area.loc["land", "share"] == pytest.approx(0.75)
    # scoring by path string gives the same
    assert score(
        str(path),
        {"renewable": 20, "energy_per_tile": 5.0},
        evidence={"land_case_a": "yes", "land_case_b": "partial", "permit": True},
    ).total == pytest.approx(expected)


def test_scheme_errors_all_reported_with_file_and_path(tmp_path):
    broken = USER_SCHEME.replace("benchmark: 10\n", "benchmark: 30\n")  # = leading
    broken = broken.replace("points: 8\n", "points: -8\n")
    broken = broken.replace("area: land\n", "area: lnd\n")
    broken = broken.replace(
        "source_id: demo-notice\n    status: unverified\n  - id: energy",
        "source_id: nowhere\n    status: unverified\n  - id: energy",
    )
    path = tmp_path / "broken.yaml"
    path.write_text(broken + "    colour: green\n", encoding="utf-8")
    with pytest.raises(SchemeError) as info:
        load_scheme(path)
    err = info.value
    assert isinstance(err, DataError)
    text = str(err)
    assert "broken.yaml" in text
    paths = {p.split(" ")[0] for p, _ in err.problems}
    assert {
        "indicators[0].leading",
        "indicators[1].points",
        "indicators[2].area",
        "indicators[0].source_id",
        "indicators[2].colour",
    } <= paths, err.problems
    assert "[id renewable]" in text


def test_scheme_status_without_value_and_missing_status(tmp_path):
    text = USER_SCHEME.replace("    points: 4\n", "").replace(
        "    leading: 30\n    leading_status: unverified\n", "    leading: 30\n"
    )
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SchemeError) as info:
        load_scheme(path)
    paths = [p.split(" ")[0] for p, _ in info.value.problems]
    assert "indicators[0].leading_status" in paths
    assert "indicators[2].points_status" in paths


# -------------------------------------------------------------------------------- gates
def test_failed_gate_is_named_and_total_still_computed(gb21252_2023_tile_e02):
    gates = dict(GATES_2025, no_major_accident_3y=False)
    r = score(
        "GB/T 36132-2025",
        {"energy_intensity_product": Q_(5.0, "kgce/m^2")},
        gates=gates,
        references=gb21252_2023_tile_e02,
        product_unit="m^2",
    )
    assert r.gates_passed is False and r.eligible is False
    assert r.failed_gates == ["no_major_accident_3y"]
    assert r.total == pytest.approx(4.0)
    assert any("no_major_accident_3y" in w for w in r.warnings)
    assert r.by_gate.set_index("gate").loc["no_major_accident_3y", "status"] == "failed"


def test_unanswered_gate_fails():
    r = score("GB/T 36132-2025", gates={"discharge_permit": True})
    assert not r.gates_passed
    assert "quality_management_system" in r.failed_gates
    assert "discharge_permit" not in r.failed_gates


def test_all_gates_passed():
    assert score("GB/T 36132-2025", gates=GATES_2025).gates_passed


def test_2018_veto_behaves_the_same():
    evidence = _all_yes_2018()
    ok = score("GB/T 36132-2018", evidence=evidence, gates=GATES_2018)
    vetoed = score(
        "GB/T 36132-2018",
        evidence=evidence,
        gates=dict(GATES_2018, compliance_and_stakeholders=False),
    )
    assert ok.gates_passed and not vetoed.gates_passed
    assert vetoed.failed_gates == ["compliance_and_stakeholders"]
    assert vetoed.total == pytest.approx(ok.total)  # computed, flagged
    with pytest.warns(IncompleteScoreWarning, match="compliance_and_stakeholders"):
        score("GB/T 36132-2018", evidence=evidence, gates={"basic_management_responsibility": True})


def test_2018_mandatory_item_not_met_makes_ineligible():
    evidence = dict(_all_yes_2018(), metering_per_standards=("no", "audit 2024"))
    r = score("GB/T 36132-2018", evidence=evidence, gates=GATES_2018)
    assert r.gates_passed and r.failed_mandatory == ["metering_per_standards"]
    assert not r.eligible


# ------------------------------------------------------------------------- 2018 formula
def _perf_meeting_all():
    s = load_scheme("GB/T 36132-2018")
    values, bench = {}, {}
    for ind in s.indicators:
        if ind.area != "performance" or ind.id == "output_per_land":
            continue
        values[ind.id] = 10.0
        bench[ind.id] = (5.0 if ind.type == "forward" else 20.0, None)
    return values, bench


def test_2018_weighted_formula():
    values, bench = _perf_meeting_all()
    evidence = _all_yes_2018()
    full = score(
        "GB/T 36132-2018",
        values,
        evidence=evidence,
        gates=GATES_2018,
        benchmarks=bench,
        product_unit="m^2",
    )
    assert full.complete and full.total == pytest.approx(100.0)
    assert full.max_total == pytest.approx(100.0)
    # one single-item infrastructure indicator answered "no": share 5/6 of 20
    evidence["no_obsolete_equipment"] = ("no", "inspection")
    r = score(
        "GB/T 36132-2018",
        values,
        evidence=evidence,
        gates=GATES_2018,
        benchmarks=bench,
        product_unit="m^2",
    )
    assert r.total == pytest.approx(100 - 20 / 6)
    gaps = r.gaps.set_index("indicator")
    assert gaps.loc["special_equipment", "gap"] == pytest.approx(1.0)
    assert gaps.loc["special_equipment", "total_gain"] == pytest.approx(20 / 6)
    # a performance value missing the threshold scores 0 of its 1/12 share of 30
    values["energy_per_product"] = 25.0
    r2 = score(
        "GB/T 36132-2018",
        values,
        evidence=_all_yes_2018(),
        gates=GATES_2018,
        benchmarks=bench,
        product_unit="m^2",
    )
    assert r2.total == pytest.approx(100 - 30 / 12)


def test_2018_warns_weights_unverified():
    with pytest.warns(UnverifiedDataWarning, match="area weights unverified"):
        r = score("GB/T 36132-2018", evidence=_all_yes_2018(), gates=GATES_2018)
    assert any("infrastructure 20" in w for w in r.warnings)
    assert any("points unverified" in w for w in r.warnings)


# ---------------------------------------------------------------- data, points, thresholds
def test_no_data_indicator_scored_zero_listed_in_gaps_and_warned(gb21252_2023_tile_e02):
    with pytest.warns(IncompleteScoreWarning, match="carbon_intensity_output_value"):
        r = score(
            "GB/T 36132-2025",
            {"energy_intensity_product": 5.0, "carbon_intensity_output_value": None},
            references=gb21252_2023_tile_e02,
            product_unit="m^2",
            gates=GATES_2025,
        )
    row = r.by_indicator.set_index("indicator").loc["carbon_intensity_output_value"]
    assert row["status"] == "no data" and row["score"] == 0.0
    gaps = r.gaps.set_index("indicator")
    assert gaps.loc["carbon_intensity_output_value", "gap"] == pytest.approx(8.0)
    assert r.gaps["total_gain"].dropna().is_monotonic_decreasing
    assert r.max_total == pytest.approx(30.0)  # rows 1-4 have points; missing data stays in


def test_binding_result_columns():
    r = score("GB/T 36132-2025", gates=GATES_2025)
    assert isinstance(r, ScoreResult)
    assert list(r.by_indicator.columns[:9]) == [
        "indicator",
        "area",
        "value",
        "unit",
        "benchmark",
        "leading",
        "points",
        "score",
        "status",
    ]
    assert {"points", "score", "gap"} <= set(r.gaps.columns)
    assert r.scheme.id == "gbt36132-2025"


def test_indicators_without_points_left_out_unless_supplied():
    evidence = {"green_design_cases": ("yes", "case book 2024")}
    r = score("GB/T 36132-2025", evidence=evidence, gates=GATES_2025)
    row = r.by_indicator.set_index("indicator").loc["green_design_cases"]
    assert row["status"] == "no points" and np.isnan(row["score"])
    assert not r.complete
    assert any("green_design_cases" in w and "no points" in w for w in r.warnings)
    with pytest.raises(InputError, match="green_design_cases"):
        score("GB/T 36132-2025", evidence=evidence, gates=GATES_2025, strict=True)
    r2 = score(
        "GB/T 36132-2025", evidence=evidence, gates=GATES_2025, points={"green_design_cases": 5}
    )
    assert r2.by_indicator.set_index("indicator").loc["green_design_cases", "score"] == 5
    assert r2.total == pytest.approx(5.0)


def test_reference_thresholds(gb21252_2023_tile_e02):
    r = score(
        "GB/T 36132-2025",
        {"energy_intensity_product": Q_(5.0, "kgce/m^2")},
        product_unit="m^2",
        gates=GATES_2025,
    )
    row = r.by_indicator.set_index("indicator").loc["energy_intensity_product"]
    assert row["status"] == "no thresholds" and "energy_limit_level2" in row["note"]
    r = score(
        "GB/T 36132-2025",
        {"energy_intensity_product": Q_(5.0, "kgce/m^2")},
        references=gb21252_2023_tile_e02,
        product_unit="m^2",
        gates=GATES_2025,
    )
    row = r.by_indicator.set_index("indicator").loc["energy_intensity_product"]
    assert (row["benchmark"], row["leading"], row["score"]) == pytest.approx((5.5, 4.5, 4.0))
    with pytest.raises(InputError, match="energy_limit_levl1"):
        score("GB/T 36132-2025", references={"energy_limit_levl1": 4.5})


def test_benchmark_override_checked():
    with pytest.raises(InputError, match="equal"):
        score(
            "GB/T 36132-2025",
            {"carbon_intensity_output_value": 10.0},
            benchmarks={"carbon_intensity_output_value": (20.0, 20.0)},
        )
    with pytest.raises(InputError, match="leading"):
        score(
            "GB/T 36132-2025",
            {"carbon_intensity_output_value": 10.0},
            benchmarks={"carbon_intensity_output_value": (10.0, 20.0)},
        )


def test_renewable_bands_and_percent_quantities():
    kwargs = dict(benchmarks={"renewable_share": (5, 25)}, gates=GATES_2025)
    r = score(
        "GB/T 36132-2025",
        {"renewable_share": Q_(0.15, "")},
        context={"annual_energy_use": Q_(4200, "tce")},
        **kwargs,
    )
    row = r.by_indicator.set_index("indicator").loc["renewable_share"]
    assert row["band"] == "from_3000_to_5000_tce"
    assert row["value"] == pytest.approx(15.0) and row["score"] == pytest.approx(4.0)
    assert (
        score(
            "GB/T 36132-2025",
            {"renewable_share": 15},
            context={"annual_energy_use": 10000},
            **kwargs,
        )
        .by_indicator.set_index("indicator")
        .loc["renewable_share", "band"]
        == "ge_10000_tce"
    )
    r = score("GB/T 36132-2025", {"renewable_share": 15}, **kwargs)
    assert any("band unknown" in w for w in r.warnings)
    with pytest.raises(OutOfRangeError, match="renewable_share"):
        score("GB/T 36132-2025", {"renewable_share": 120}, **kwargs)
    with pytest.raises(UnitError, match="renewable_share"):
        score("GB/T 36132-2025", {"renewable_share": Q_(3, "kg")}, **kwargs)


def test_alternatives_count_items_and_not_applicable():
    with pytest.raises(InputError, match="alternatives"):
        score(
            "GB/T 36132-2025",
            {"energy_intensity_product": 5.0, "energy_intensity_output_value": 20.0},
        )
    r = score(
        "GB/T 36132-2025",
        {
            "energy_carbon_platform": ["energy_query", "carbon_accounting", "energy_query"],
            "emission_concentration_margin": NOT_APPLICABLE,
        },
        benchmarks={"energy_carbon_platform": (0, None)},
        gates=GATES_2025,
    )
    rows = r.by_indicator.set_index("indicator")
    assert rows.loc["energy_carbon_platform", "value"] == 2
    assert rows.loc["energy_carbon_platform", "score"] == pytest.approx(6 * 2 / 8)
    assert rows.loc["energy_intensity_output_value", "status"] == "alternative not used"
    assert rows.loc["emission_concentration_margin", "status"] == "not applicable"
    assert "emission_concentration_margin" not in set(r.gaps["indicator"])
    with pytest.raises(InputError, match="carbon_acounting"):
        score("GB/T 36132-2025", {"energy_carbon_platform": ["carbon_acounting"]})


def test_unknown_indicator_named():
    with pytest.raises(InputError, match="renewable_shar.*did you mean renewable_share"):
        score("GB/T 36132-2025", {"renewable_shar": 10})
    with pytest.raises(InputError, match="qualitative"):
        score("GB/T 36132-2025", {"green_design_cases": 1})


# ----------------------------------------------------------------------------- evidence
def test_evidence_naming_unknown_item_rejected():
    with pytest.raises(InputError, match="green_desing_cases"):
        score("GB/T 36132-2025", evidence={"green_desing_cases": "yes"})
    with pytest.raises(InputError, match="gates.*permit_x"):
        score("GB/T 36132-2025", gates={"permit_x": True})


def test_load_evidence_file(tmp_path):
    path = tmp_path / "evidence.yaml"
    path.write_text(
        textwrap.dedent("""
        raw_material_saving_cases: {answer: yes, evidence: "kiln batch report 2024 p.3"}
        recycled_material_cases:
          answer: partial
          evidence: "recycled glaze trial"
        green_design_cases: {answer: no, evidence: "none"}
        discharge_permit: true
        no_major_accident_3y: {passed: yes, evidence: "safety bureau letter"}
        quality_management_system: false
        """),
        encoding="utf-8",
    )
    ev = load_evidence(path, scheme="GB/T 36132-2025")
    assert ev.source == str(path)
    assert ev["raw_material_saving_cases"].answer == "yes"
    assert ev["green_design_cases"].answer == "no"
    r = score(
        "GB/T 36132-2025",
        evidence=ev,
        points={
            "raw_material_saving_cases": 2,
            "recycled_material_cases": 2,
            "green_design_cases": 2,
        },
    )
    rows = r.by_indicator.set_index("indicator")
    assert rows.loc["recycled_material_cases", "score"] == pytest.approx(1.0)
    assert rows.loc["green_design_cases", "score"] == 0.0
    gates = r.by_gate.set_index("gate")["status"]
    assert gates["discharge_permit"] == "passed" and gates["quality_management_system"] == "failed"
    assert gates["energy_management_system"] == "unanswered"
    assert r.checklist.set_index("item").loc["recycled_material_cases", "evidence"] == (
        "recycled glaze trial"
    )


def test_load_evidence_errors_name_file_and_item(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(
        "green_design_cases: {answer: maybe}\nraw_material_saving_cases: {answr: yes}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        load_evidence(path)
    text = str(info.value)
    assert "bad.yaml" in text and "green_design_cases" in text
    assert "raw_material_saving_cases" in text
    unknown = tmp_path / "unknown.yaml"
    unknown.write_text("not_an_item: yes\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown.yaml.*not_an_item"):
        load_evidence(unknown, scheme="GB/T 36132-2025")
    ev = load_evidence(unknown)  # without a scheme: rejected when scoring, naming the file
    with pytest.raises(InputError, match="unknown.yaml"):
        score("GB/T 36132-2025", evidence=ev)
    with pytest.raises(InputError, match="not found"):
        load_evidence(tmp_path / "missing.yaml")


# ------------------------------------------------------------------------------- output
def test_to_dict_is_json_serialisable(gb21252_2023_tile_e02):
    r = score(
        "GB/T 36132-2025",
        {"energy_intensity_product": 5.0},
        references=gb21252_2023_tile_e02,
        product_unit="m^2",
        evidence={"green_design_cases": ("yes", "ref")},
        gates=GATES_2025,
    )
    data = json.loads(json.dumps(r.to_dict(), allow_nan=False, ensure_ascii=False))
    assert data["scheme"] == "gbt36132-2025" and data["total"] == pytest.approx(4.0)
    assert data["gates_passed"] is True and isinstance(data["by_indicator"], list)
    assert "ScoreResult" in repr(r)


def test_import_does_not_load_pyplot():
    code = (
        "import sys, greenchain.decisions.scoring; "
        "assert not [m for m in sys.modules if m.startswith('greenchain.interface')], "
        "'scoring imports the interface'; "
        "import greenchain.interface.plots; "
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_plots(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from greenchain.interface.plots import area_radar, gap_chart

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = score("GB/T 36132-2018", evidence={"buildings_mandatory": "yes"})
    ax = area_radar(r)
    assert ax.name == "polar"
    ax = gap_chart(r, top=4)
    assert len(ax.patches) == 4
    _, flat = plt.subplots()
    with pytest.raises(InputError, match="polar"):
        area_radar(r, ax=flat)
    path = tmp_path / "demo.yaml"
    path.write_text(USER_SCHEME, encoding="utf-8")
    r2 = score(path, {"renewable": 20})
    ax = area_radar(r2)  # two areas: bars
    assert ax.name != "polar" and len(ax.patches) == 2
    plt.close("all")
