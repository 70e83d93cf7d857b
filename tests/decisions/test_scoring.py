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
    "no_violation_3y": True,
    "green_management": True,
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
    # Table C.1: 14 rows, 100 points, 30/30/16/16/8, all from the standard's text
    assert sorted({i.row for i in s.indicators}) == list(range(1, 15))
    for ind in s.indicators:
        assert ind.type in ("forward", "reverse", "qualitative")
        assert (ind.unit is None) == (ind.type == "qualitative")
        assert ind.status == ind.points_status == "official"
        assert ind.source_ref.startswith("Table C.1 row")
    qualitative = sorted(i.row for i in s.indicators if i.type == "qualitative")
    assert qualitative == [9, 12, 13]
    reverse = sorted({i.row for i in s.indicators if i.type == "reverse"})
    assert reverse == [1, 2, 5, 6, 11]
    by_row = {i.row: i.points for i in s.indicators}
    assert [by_row[r] for r in range(1, 15)] == [8, 8, 8, 6, 8, 8, 8, 6, 6, 4, 6, 8, 8, 8]
    assert sum(by_row.values()) == 100
    per_area = {}
    for ind in {i.row: i for i in s.indicators}.values():
        per_area[ind.area] = per_area.get(ind.area, 0) + ind.points
    assert list(per_area.values()) == [30, 30, 16, 16, 8]
    assert "Annex C" in s.points_note and "示例" in s.points_note
    # Annex B formulas cited on every quantitative row
    assert all(
        "Annex B" in i.source_ref
        for i in s.indicators
        if i.type != "qualitative" and i.row not in (4, 10)
    )
    # clause 4.4.3 lead/base where the standard defines them (benchmarks_gbt36132-2025.csv)
    row1 = s.indicator("energy_intensity_product")
    assert (row1.benchmark, row1.leading) == ("energy_limit_level2", "energy_limit_level1")
    assert row1.thresholds_source_ref == "Table C.1 row 1; clause 4.4.3"
    row4 = s.indicator("energy_carbon_platform")
    assert (row4.leading, row4.benchmark) == (8, 0) and len(row4.count_items) == 12
    row6 = s.indicator("water_intensity_product")
    assert (row6.benchmark, row6.leading) == ("water_quota_general", "water_quota_advanced")
    others = [i for i in s.indicators if i.id not in {row1.id, row4.id, row6.id}]
    assert all(i.benchmark is None and i.leading is None for i in others)
    # clause 4.2: exactly three basic requirements; the systems are evidence items of c)
    assert [(g.id, g.clause, g.status) for g in s.gates] == [
        ("no_violation_3y", "4.2 a)", "official"),
        ("green_management", "4.2 b)", "official"),
        ("management_systems", "4.2 c)", "official"),
    ]
    assert [i.id for i in s.gate("management_systems").items] == [
        "quality_management_system",
        "energy_management_system",
        "environmental_management_system",
        "ohs_management_system",
    ]
    assert "discharge_permit" not in [g.id for g in s.gates]


def test_2018_structure_and_statuses():
    s = load_scheme("GB/T 36132-2018")
    assert [(a.id, a.weight, a.weight_status) for a in s.areas] == [
        ("infrastructure", 20, "transcribed"),
        ("management", 15, "derived"),
        ("energy_resources", 15, "unverified"),
        ("products", 10, "derived"),
        ("emissions", 10, "derived"),
        ("performance", 30, "unverified"),
    ]
    assert all(g.source_id == "gbt36132-2018-s3" for g in s.gates)
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
    gates = dict(GATES_2025, no_violation_3y=False)
    r = score(
        "GB/T 36132-2025",
        {"energy_intensity_product": Q_(5.0, "kgce/m^2")},
        gates=gates,
        references=gb21252_2023_tile_e02,
        product_unit="m^2",
    )
    assert r.gates_passed is False and r.eligible is False
    assert r.failed_gates == ["no_violation_3y"]
    assert r.total == pytest.approx(4.0)
    assert r.assessable_total == 8.0 and r.max_total == 100.0
    assert any("no_violation_3y" in w for w in r.warnings)
    assert r.by_gate.set_index("gate").loc["no_violation_3y", "status"] == "failed"


def test_unanswered_gate_fails_and_retired_ids_are_explained():
    with pytest.warns(IncompleteScoreWarning, match="discharge_permit"):
        r = score("GB/T 36132-2025", gates={"discharge_permit": True, "no_violation_3y": True})
    assert not r.gates_passed
    assert r.failed_gates == ["green_management", "management_systems"]
    assert any("discharge_permit" in w and "MIIT application rule" in w for w in r.warnings)
    rows = r.by_gate.set_index("gate")
    assert rows.loc["management_systems", "status"] == "unanswered"
    assert "ohs_management_system" in rows.loc["management_systems", "missing"]


def test_gate_c_from_its_four_systems():
    four = {k: True for k in list(GATES_2025)[2:]}
    r = score("GB/T 36132-2025", evidence={**four, "no_violation_3y": True})
    gates = r.by_gate.set_index("gate")["status"]
    assert list(gates) == ["passed", "unanswered", "passed"]
    assert len(r.by_gate) == 3 and list(r.by_gate["clause"]) == ["4.2 a)", "4.2 b)", "4.2 c)"]
    one_no = dict(four, ohs_management_system=False)
    r = score("GB/T 36132-2025", evidence=one_no)
    assert r.by_gate.set_index("gate").loc["management_systems", "status"] == "failed"


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
    text = next(w for w in r.warnings if "area weights unverified" in w)
    assert "energy_resources 15" in text and "performance 30" in text
    assert "infrastructure" not in text  # 20 % transcribed (green_schemes.md 2.2)
    assert any("points unverified" in w for w in r.warnings)


# ---------------------------------------------------------------- data, points, thresholds
def test_not_assessable_is_not_zero(gb21252_2023_tile_e02):
    with pytest.warns(IncompleteScoreWarning, match="carbon_intensity_product"):
        r = score(
            "GB/T 36132-2025",
            {"energy_intensity_product": 5.0, "carbon_intensity_output_value": None},
            references=gb21252_2023_tile_e02,
            product_unit="m^2",
            gates=GATES_2025,
        )
    row = r.by_indicator.set_index("indicator").loc["carbon_intensity_product"]
    assert row["status"] == "no data" and np.isnan(row["score"]) and not row["assessable"]
    assert row["reason"].startswith("not assessable: no data")
    assert (r.total, r.assessable_total, r.max_total) == pytest.approx((4.0, 8.0, 100.0))
    gaps = r.gaps.set_index("indicator")
    assert np.isnan(gaps.loc["carbon_intensity_product", "gap"])
    assert gaps.loc["carbon_intensity_product", "reason"].startswith("not assessable")
    assert r.gaps["total_gain"].dropna().is_monotonic_decreasing
    # NaN only on rows that say why
    scores = r.by_indicator
    assert scores.loc[scores["score"].isna(), "reason"].notna().all()
    assert not r.complete


def test_benchmark_file_supplies_industry_values(tmp_path):
    path = tmp_path / "industry.csv"
    path.write_text(
        "# an industry's values (illustrative)\n"
        "indicator,lead,base,unit,status,source_id,source_ref,notes\n"
        "water_reuse_rate,60,40,percent,unverified,board,minutes 2025,\n"
        "carbon_intensity_output_value,0.5,2.5,tCO2e/wan_yuan,transcribed,ind-std,Table 3,\n",
        encoding="utf-8",
    )
    r = score(
        "GB/T 36132-2025",
        {"water_reuse_rate": 50, "carbon_intensity_output_value": Q_(1500, "kgCO2e/wan_yuan")},
        benchmarks=str(path),
        gates=GATES_2025,
    )
    rows = r.by_indicator.set_index("indicator")
    assert rows.loc["water_reuse_rate", "score"] == pytest.approx(4.0)
    assert rows.loc["carbon_intensity_output_value", "score"] == pytest.approx(4.0)
    assert rows.loc["water_reuse_rate", "thresholds_status"].startswith("unverified (industry.csv)")
    assert (r.total, r.assessable_total) == pytest.approx((8.0, 16.0))
    assert any("water_reuse_rate" in w for w in r.warnings if "unverified" in w)
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,lead,base,unit,status,source_id,source_ref\nx,a b,1,%,maybe,,\n")
    with pytest.raises(InputError, match="bad.csv") as info:
        score("GB/T 36132-2025", benchmarks=bad)
    assert "row 2" in str(info.value) and "maybe" in str(info.value)


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


def test_qualitative_rows_and_points_override():
    evidence = {"green_design_report": ("yes", "GB/T 24256 report 2024")}
    r = score("GB/T 36132-2025", evidence=evidence, gates=GATES_2025)
    row = r.by_indicator.set_index("indicator").loc["green_design"]
    assert row["status"] == "scored" and row["score"] == 8.0
    assert (r.total, r.assessable_total) == (8.0, 8.0)
    with pytest.raises(InputError, match="not assessable"):
        score("GB/T 36132-2025", evidence=evidence, gates=GATES_2025, strict=True)
    r2 = score("GB/T 36132-2025", evidence=evidence, gates=GATES_2025, points={"green_design": 5})
    assert r2.by_indicator.set_index("indicator").loc["green_design", "score"] == 5
    assert r2.total == pytest.approx(5.0) and r2.max_total == pytest.approx(97.0)


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


def test_renewable_share_percent_quantities():
    kwargs = dict(benchmarks={"renewable_share": (5, 25)}, gates=GATES_2025)
    r = score("GB/T 36132-2025", {"renewable_share": Q_(0.15, "")}, **kwargs)
    row = r.by_indicator.set_index("indicator").loc["renewable_share"]
    assert row["value"] == pytest.approx(15.0) and row["score"] == pytest.approx(4.0)
    assert row["thresholds_status"] == "user/user"
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
            "pollutant_intensity_output_value": NOT_APPLICABLE,
        },
        gates=GATES_2025,
    )
    rows = r.by_indicator.set_index("indicator")
    assert rows.loc["energy_carbon_platform", "value"] == 2
    assert rows.loc["energy_carbon_platform", "score"] == pytest.approx(6 * 2 / 8)
    assert rows.loc["energy_intensity_output_value", "status"] == "alternative not used"
    assert rows.loc["pollutant_intensity_output_value", "status"] == "not applicable"
    assert rows.loc["pollutant_intensity_product", "status"] == "alternative not used"
    assert "pollutant_intensity_output_value" not in set(r.gaps["indicator"])
    with pytest.raises(InputError, match="carbon_acounting"):
        score("GB/T 36132-2025", {"energy_carbon_platform": ["carbon_acounting"]})


def test_unknown_indicator_named():
    with pytest.raises(InputError, match="renewable_shar.*did you mean renewable_share"):
        score("GB/T 36132-2025", {"renewable_shar": 10})
    with pytest.raises(InputError, match="qualitative"):
        score("GB/T 36132-2025", {"green_design": 1})


# ----------------------------------------------------------------------------- evidence
def test_evidence_naming_unknown_item_rejected():
    with pytest.raises(InputError, match="green_desing_report"):
        score("GB/T 36132-2025", evidence={"green_desing_report": "yes"})
    with pytest.raises(InputError, match="gates.*permit_x"):
        score("GB/T 36132-2025", gates={"permit_x": True})


def test_load_evidence_file(tmp_path):
    path = tmp_path / "evidence.yaml"
    path.write_text(
        textwrap.dedent("""
        advanced_technology_equipment: {answer: yes, evidence: "energy-saving catalogue 2024"}
        green_design_report:
          answer: partial
          evidence: "design review minutes"
        carbon_footprint_quantified: {answer: no, evidence: "none"}
        no_violation_3y: {passed: yes, evidence: "safety bureau letter"}
        quality_management_system: false
        discharge_permit: true
        """),
        encoding="utf-8",
    )
    ev = load_evidence(path, scheme="GB/T 36132-2025")
    assert ev.source == str(path)
    assert ev["advanced_technology_equipment"].answer == "yes"
    r = score("GB/T 36132-2025", evidence=ev)
    rows = r.by_indicator.set_index("indicator")
    assert rows.loc["advanced_process_equipment", "score"] == pytest.approx(6.0)
    assert rows.loc["green_design", "score"] == pytest.approx(4.0)
    assert rows.loc["product_carbon_footprint", "score"] == 0.0
    assert (r.total, r.assessable_total) == pytest.approx((10.0, 22.0))
    gates = r.by_gate.set_index("gate")["status"]
    assert list(gates) == ["passed", "unanswered", "failed"]
    assert r.checklist.set_index("item").loc["green_design_report", "evidence"] == (
        "design review minutes"
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
        evidence={"green_design_report": ("yes", "ref")},
        gates=GATES_2025,
    )
    data = json.loads(json.dumps(r.to_dict(), allow_nan=False, ensure_ascii=False))
    assert data["scheme"] == "gbt36132-2025" and data["total"] == pytest.approx(12.0)
    assert (data["assessable_total"], data["max_total"]) == (16.0, 100.0)
    assert len(data["by_gate"]) == 3 and data["notes"]
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
