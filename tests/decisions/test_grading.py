"""Tests of greenchain.decisions.grading (GB 21252-2023, dyeing norms, equipment dispatcher)."""

from __future__ import annotations

import importlib
import warnings

import numpy as np
import pytest

from greenchain import Q_
from greenchain.data.tables import read_table
from greenchain.decisions.grading import (
    BELOW_LIMIT,
    EQUIPMENT_GRADERS,
    dyeing_norm_check,
    gb21252_level,
    gb21252_limits,
    gb21252_products,
    grade_equipment,
    product_limits,
)
from greenchain.errors import (
    FactorNotFound,
    InputError,
    OutOfRangeError,
    UnitError,
    UnverifiedDataWarning,
)

# GB 21252-2023 levels 1/2/3 as transcribed in shared/reference/factors.md section 6
# (adgo07/ECQuota-Insight gb-21252-2023.json): (product, water absorption %, unit, levels).
gb21252_2023_factors_md = [
    ("dry_pressed_tile", 0.1, "kgce/m^2", (4.5, 5.5, 7.0)),  # Table 1, E <= 0.2 %
    ("dry_pressed_tile", 0.3, "kgce/m^2", (4.0, 4.9, 6.5)),  # Table 1, 0.2 < E <= 0.5 %
    ("dry_pressed_tile", 5.0, "kgce/m^2", (3.4, 3.7, 4.6)),  # Table 1, 0.5 < E <= 10 %
    ("dry_pressed_tile", 12.0, "kgce/m^2", (3.2, 3.5, 4.5)),  # Table 1, E > 10 %
    ("ceramic_panel", None, "kgce/m^2", (6.0, 8.7, 13.2)),  # Table 3
    ("extruded_tile_dry_hung_panel", None, "kgce/t", (226, 238, 253)),  # Table 4
    ("sanitary_ware", 0.2, "kgce/t", (350, 500, 630)),  # Table 5, E <= 0.3 %
    ("sanitary_ware", 1.0, "kgce/t", (300, 460, 610)),  # Table 5, E > 0.3 %
    ("alumina_balls", None, "kgce/t", (295, 320, 370)),  # Table 6, 90 series
]


def test_table_provenance():
    rows = read_table("limits_gb21252-2023.csv")
    assert len(rows) == len(gb21252_2023_factors_md)
    assert {r["source_id"] for r in rows} == {"gb21252-2023"}
    assert {r["status"] for r in rows} == {"transcribed"}
    assert set(gb21252_products()) == {p for p, *_ in gb21252_2023_factors_md}


@pytest.mark.parametrize("product, absorption, unit, levels", gb21252_2023_factors_md)
def test_limits_match_published(product, absorption, unit, levels):
    lim = gb21252_limits(product, absorption)
    got = [lim.level_1, lim.level_2, lim.level_3]
    for q, expected in zip(got, levels, strict=True):
        assert q.m_as(unit) == pytest.approx(expected, rel=1e-12)
    assert lim.source_id == "gb21252-2023"
    assert lim.status == "transcribed"


@pytest.mark.parametrize("product, absorption, unit, levels", gb21252_2023_factors_md)
def test_level_exactly_at_each_level_value(product, absorption, unit, levels):
    l1, l2, l3 = levels
    grade = lambda v: gb21252_level(v, product=product, water_absorption=absorption)  # noqa: E731
    assert grade(0.0) == 1
    assert grade(l1) == 1
    assert grade(l1 * (1 + 1e-6)) == 2
    assert grade(l2) == 2
    assert grade(l2 * (1 + 1e-6)) == 3
    assert grade(l3) == 3
    assert grade(l3 * (1 + 1e-6)) == BELOW_LIMIT == "below limit"


# Water-absorption class boundaries: bands are (min, max]. The energy value is chosen so
# that the neighbouring class would give another level.
@pytest.mark.parametrize(
    "absorption, energy, level",
    [
        (0.0, 4.5, 1),  # E <= 0.2 %: 4.5 is level 1
        (0.2, 4.5, 1),  # exactly 0.2 % still E <= 0.2 % (in 0.2-0.5 % 4.5 would be level 2)
        (0.2 + 1e-9, 4.5, 2),  # just above 0.2 %: 0.2 < E <= 0.5 % (4.0 / 4.9 / 6.5)
        (0.5, 4.0, 1),  # exactly 0.5 %: 0.2-0.5 % class (in 0.5-10 % 4.0 would be level 3)
        (0.5 + 1e-9, 4.0, 3),  # just above 0.5 %: 0.5 < E <= 10 % (3.4 / 3.7 / 4.6)
        (10.0, 3.4, 1),  # exactly 10 %: 0.5-10 % class (in > 10 % 3.4 would be level 2)
        (10.0 + 1e-9, 3.4, 2),  # just above 10 %: E > 10 % (3.2 / 3.5 / 4.5)
        (10.0, 4.6, 3),
        (10.0 + 1e-9, 4.6, BELOW_LIMIT),
    ],
)
def test_tile_water_absorption_boundaries(absorption, energy, level):
    assert gb21252_level(energy, product="dry_pressed_tile", water_absorption=absorption) == level


@pytest.mark.parametrize(
    "absorption, energy, level",
    [
        (0.3, 350, 1),
        (0.3, 500, 2),
        (0.3 + 1e-9, 350, 2),
        (0.3 + 1e-9, 500, 3),
        (0.3, 630, 3),
        (0.3 + 1e-9, 630, BELOW_LIMIT),
    ],
)
def test_sanitary_ware_boundary(absorption, energy, level):
    assert gb21252_level(energy, product="sanitary_ware", water_absorption=absorption) == level


def test_water_absorption_as_quantity():
    assert (
        gb21252_level(4.5, product="dry_pressed_tile", water_absorption=Q_(0.002, "")) == 1
    )  # 0.2 %


def test_thickness_factor_scales_limits():
    base = gb21252_limits("dry_pressed_tile", 0.1)
    thick = gb21252_limits("dry_pressed_tile", 0.1, thickness_factor=1.1)
    for a, b in zip(
        (base.level_1, base.level_2, base.level_3),
        (thick.level_1, thick.level_2, thick.level_3),
        strict=True,
    ):
        assert b.m_as("kgce/m^2") == pytest.approx(1.1 * a.m_as("kgce/m^2"), rel=1e-12)
    # 4.5 x 1.1 = 4.95 is level 1 with the factor, level 2 without
    assert (
        gb21252_level(4.95, product="dry_pressed_tile", water_absorption=0.1, thickness_factor=1.1)
        == 1
    )
    assert gb21252_level(4.95, product="dry_pressed_tile", water_absorption=0.1) == 2
    # 7.0 x 1.1 = 7.7: level 3 with the factor, below the limit without
    assert (
        gb21252_level(7.7, product="dry_pressed_tile", water_absorption=0.1, thickness_factor=1.1)
        == 3
    )
    assert gb21252_level(7.7, product="dry_pressed_tile", water_absorption=0.1) == BELOW_LIMIT
    panel = gb21252_limits("ceramic_panel", thickness_factor=1.2)
    assert panel.level_3.m_as("kgce/m^2") == pytest.approx(13.2 * 1.2)


def test_thickness_factor_rejected_where_not_defined():
    with pytest.raises(InputError, match="thickness_factor"):
        gb21252_level(300, product="sanitary_ware", water_absorption=0.1, thickness_factor=1.1)
    with pytest.raises(OutOfRangeError, match="thickness_factor"):
        gb21252_level(4, product="ceramic_panel", thickness_factor=0)


@pytest.mark.parametrize("kgce", [3.0, 4.5, 5.0, 5.5, 6.9, 7.5])
def test_unit_conversion_gives_same_level(kgce):
    mj = Q_(kgce * 29.3076, "MJ/m^2")  # 1 kgce = 29.3076 MJ (GB/T 2589)
    a = gb21252_level(kgce, product="dry_pressed_tile", water_absorption=0.1)
    b = gb21252_level(Q_(kgce, "kgce/m^2"), product="dry_pressed_tile", water_absorption=0.1)
    c = gb21252_level(mj, product="dry_pressed_tile", water_absorption=0.1)
    assert a == b == c


def test_unit_conversion_per_tonne():
    assert (
        gb21252_level(Q_(0.5 * 29.3076, "GJ/t"), product="sanitary_ware", water_absorption=0.1) == 2
    )  # 500 kgce/t
    with pytest.raises(UnitError, match="specific_energy"):
        gb21252_level(Q_(5, "kgce/m^2"), product="sanitary_ware", water_absorption=0.1)


def test_array_input():
    out = gb21252_level(
        np.array([4.0, 5.0, 6.0, 8.0]), product="dry_pressed_tile", water_absorption=0.1
    )
    assert list(out) == [1, 2, 3, BELOW_LIMIT]
    mixed = gb21252_level(4.0, product="dry_pressed_tile", water_absorption=[0.1, 0.3, 5, 12])
    # E = 0.1 %: 4.5/5.5/7.0; 0.3 %: 4.0/4.9/6.5; 5 %: 3.4/3.7/4.6; 12 %: 3.2/3.5/4.5
    assert list(mixed) == [1, 1, 3, 3]


def test_unknown_product_lists_valid():
    with pytest.raises(InputError, match="product") as info:
        gb21252_level(5.0, product="porcelain")
    for name in gb21252_products():
        assert name in str(info.value)


def test_water_absorption_required_and_checked():
    with pytest.raises(InputError, match="water_absorption"):
        gb21252_level(5.0, product="dry_pressed_tile")
    with pytest.raises(InputError, match="water_absorption"):
        gb21252_level(300, product="sanitary_ware")
    with pytest.raises(InputError, match="water_absorption"):
        gb21252_level(300, product="alumina_balls", water_absorption=0.1)
    with pytest.raises(OutOfRangeError, match="water_absorption"):
        gb21252_level(5.0, product="dry_pressed_tile", water_absorption=-1)
    with pytest.raises(OutOfRangeError, match="specific_energy"):
        gb21252_level(-5.0, product="dry_pressed_tile", water_absorption=0.1)


# --------------------------------------------------------------------------- dyeing norms
def test_dyeing_table_provenance():
    rows = read_table("limits_dyeing-norm-2017.csv")
    assert {r["edition"] for r in rows} == {"2017"}  # no 2023 values (not sourced)
    woven = {r["limit"]: r for r in rows if r["fabric"] in ("woven", "all")}
    # reported from the July 2017 draft (sector_verification.md 1.2)
    assert float(woven["energy"]["value"]) == 30 and woven["energy"]["status"] == "official"
    assert float(woven["fresh_water"]["value"]) == 1.6
    assert float(woven["water_reuse"]["value"]) == 40
    others = [r for r in rows if r["fabric"] not in ("woven", "all")]
    assert others and {r["status"] for r in others} == {"unverified"}


def test_dyeing_woven_pass_fail():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # woven limits are not unverified: no warning
        t = dyeing_norm_check(30, fabric="woven", fresh_water=1.7, water_reuse=40)
    result = dict(zip(t["limit"], t["passed"], strict=True))
    assert result == {"energy": True, "fresh_water": False, "water_reuse": True}
    assert set(t["edition"]) == {"2017"}
    assert set(t["status"]) == {"official"}
    t = dyeing_norm_check(30.1, fabric="woven", water_reuse=39.9)
    assert list(t["passed"]) == [False, False]


def test_dyeing_units():
    # 30 kgce per 100 m = 0.3 kgce/m = 8.79228 MJ/m
    t = dyeing_norm_check(Q_(0.3 * 29.3076, "MJ/m"), fabric="woven")
    assert t["value"].iloc[0] == pytest.approx(30)
    assert bool(t["passed"].iloc[0])
    t = dyeing_norm_check(Q_(31, "kgce/hundred_metre"), fabric="woven", water_reuse=Q_(0.45, ""))
    assert list(t["passed"]) == [False, True]


def test_dyeing_unverified_rows_warn():
    with pytest.warns(UnverifiedDataWarning, match="yarn_knit"):
        t = dyeing_norm_check(Q_(1000, "kgce/t"), fabric="yarn_knit", fresh_water=95)
    assert list(t["passed"]) == [True, False]
    assert set(t["status"]) == {"unverified"}


def test_dyeing_2023_not_sourced():
    with pytest.raises(FactorNotFound, match="not yet sourced"):
        dyeing_norm_check(25, fabric="woven", edition="2023")


def test_dyeing_bad_input():
    with pytest.raises(InputError, match="fabric"):
        dyeing_norm_check(25, fabric="denim")
    with pytest.raises(InputError, match="edition"):
        dyeing_norm_check(25, fabric="woven", edition="2012")
    with pytest.raises(UnitError, match="specific_energy"):
        dyeing_norm_check(Q_(1, "tce/t"), fabric="woven")


# --------------------------------------------------------------------------- equipment
def test_grade_equipment_unknown_kind():
    with pytest.raises(InputError, match="kind") as info:
        grade_equipment("chiller")
    for kind in ("motor", "compressor", "transformer", "boiler"):
        assert kind in str(info.value)


def test_grade_equipment_dispatches_kwargs(monkeypatch):
    monkeypatch.setitem(EQUIPMENT_GRADERS, "motor", lambda **kw: ("graded", kw))
    assert grade_equipment("motor", rated_power=11, efficiency=0.9) == (
        "graded",
        {"rated_power": 11, "efficiency": 0.9},
    )


@pytest.mark.parametrize(
    ("kind", "module_name", "function"),
    [
        ("motor", "greenchain.processes.motors", "gb18613_level"),
        ("compressor", "greenchain.processes.compressed_air", "gb19153_level"),
        ("transformer", "greenchain.processes.transformers", "gb20052_level"),
        ("boiler", "greenchain.processes.boilers", "gb24500_level"),
    ],
)
def test_grade_equipment_real_modules(kind, module_name, function):
    """The graders are imported functions of the physics layer, not names looked up."""
    assert EQUIPMENT_GRADERS[kind] is getattr(importlib.import_module(module_name), function)


def test_below_limit_matches_equipment_convention():
    levels = pytest.importorskip("greenchain.processes._levels")
    assert BELOW_LIMIT == levels.BELOW_LIMIT


# --------------------------------------------------------------------------- plant products
def _product(pid, **attributes):
    from types import SimpleNamespace

    return SimpleNamespace(id=pid, attributes=attributes)


def test_product_limits_reads_the_attributes():
    tile = product_limits(_product("tile", limit_product="dry_pressed_tile", water_absorption=0.1))
    assert tile.kind == "gb21252" and tile.standard == "GB 21252-2023"
    assert tile.limits() == gb21252_limits("dry_pressed_tile", 0.1)
    assert tile.level(Q_(5.0, "kgce/m^2")) == gb21252_level(
        5.0, product="dry_pressed_tile", water_absorption=0.1
    )
    cloth = product_limits(_product("cloth", fabric="woven"))
    assert cloth.kind == "dyeing_norm" and cloth.standard == "dyeing norm 2017 (woven)"
    s = cloth.standing(28)
    assert s["level"] == "meets limit" and s["limit"] > 28
    with pytest.raises(InputError, match="no levels"):
        cloth.limits()
    assert product_limits(_product("shoe")) is None


def test_product_limits_standing_matches_the_graders():
    tile = product_limits(_product("tile", limit_product="dry_pressed_tile", water_absorption=0.1))
    s = tile.standing(Q_(150, "MJ/m^2"))
    assert s["specific_energy"] == pytest.approx(Q_(150, "MJ/m^2").m_as("kgce/m^2"))
    assert (s["level"], s["limit"], s["status"]) == (2, 7.0, "transcribed")


# --------------------------------------------------------------------------- issue 15
def test_dyeing_fabric_chinese_names_and_aliases():
    from greenchain.data.plant_file import dyeing_fabric_class

    assert dyeing_fabric_class("棉、麻、化纤及混纺机织物") == "woven"
    assert dyeing_fabric_class("纱线、针织物") == dyeing_fabric_class("针织物") == "yarn_knit"
    assert dyeing_fabric_class("真丝绸机织物（含练白）") == "silk"
    assert dyeing_fabric_class("精梳毛织物") == "worsted_wool"
    with pytest.raises(ValueError, match="纱线、针织物"):
        dyeing_fabric_class("knitt")
    t = dyeing_norm_check(28, fabric="机织物", fresh_water=1.5, water_reuse=45)
    assert set(t["fabric"]) == {"woven", "all"} and t["passed"].all()


def test_every_fabric_class_has_energy_and_fresh_water_limits():
    for fabric in ("woven", "yarn_knit", "silk", "worsted_wool"):
        t = dyeing_norm_check(0.0, fabric=fabric, fresh_water=0.0, water_reuse=100)
        assert set(t["limit"]) == {"energy", "fresh_water", "water_reuse"}


def test_dyeing_standing_converts_metres_through_the_mass():
    knit = product_limits(SimpleNamespaceProduct("knit", Q_(0.4, "kg/m"), fabric="纱线、针织物"))
    assert knit.arguments["fabric"] == "yarn_knit"
    s = knit.standing(Q_(0.5, "kgce/m"))  # 0.5 kgce/m / 0.4 kg/m = 1.25 tce/t
    assert s["unit"] == "tce/t" and s["specific_energy"] == pytest.approx(1.25)
    assert s["level"] == "above limit" and s["limit"] == 1.1
    assert knit.convert(Q_(0.036, "m^3/m"), "t/t") == pytest.approx(90.0)  # 1 t per m^3
    # woven limits per 100 m with output in tonnes: multiply by t per 100 m
    woven = product_limits(
        SimpleNamespaceProduct("cloth", Q_(0.018, "t/hundred_metre"), fabric="woven")
    )
    assert woven.convert(Q_(1500, "kgce/t"), "kgce/hundred_metre") == pytest.approx(27.0)
    bare = product_limits(SimpleNamespaceProduct("knit", None, fabric="yarn_knit"))
    with pytest.raises(InputError, match=r"products\[knit\]\.mass") as info:
        bare.standing(Q_(0.5, "kgce/m"))
    assert "per t" in str(info.value)


def SimpleNamespaceProduct(pid, mass, **attributes):  # noqa: N802 - a tiny factory
    from types import SimpleNamespace

    return SimpleNamespace(id=pid, mass=mass, attributes=attributes)
