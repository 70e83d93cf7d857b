"""Tests of the retrofit catalogue and assessment (greenchain.decisions.retrofit)."""

from __future__ import annotations

import json
import math
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import greenchain as gc  # noqa: E402
from greenchain.data.tables import STATUSES, read_table, sources  # noqa: E402
from greenchain.decisions.retrofit import (  # noqa: E402
    apply_package,
    get_measure,
    limit_levels,
    load_catalogue,
    macc,
    package_summary,
    plant_retrofits,
)
from greenchain.decisions.retrofit._effects import Effect  # noqa: E402
from greenchain.decisions.retrofit.assess import (  # noqa: E402
    COLUMNS,
    NUMERIC_COLUMNS,
    OPTIONAL_NUMERIC_COLUMNS,
)
from greenchain.decisions.retrofit.catalogue import EQUIPMENT_KINDS, catalogue_table  # noqa: E402
from greenchain.decisions.retrofit.package import package_data, remaining_shares  # noqa: E402
from greenchain.errors import (  # noqa: E402
    Caveat,
    DataError,
    GreenchainWarning,
    InputError,
    UnverifiedDataWarning,
)
from greenchain.interface.cli import main  # noqa: E402
from greenchain.interface.io import parse_plant, read_plant_data  # noqa: E402
from greenchain.interface.plant import Plant  # noqa: E402
from greenchain.processes.kiln_retrofits import cooling_air_reuse_saving  # noqa: E402
from greenchain.processes.motors import upgrade_savings  # noqa: E402

TILE = gc.example_path("tile_plant.yaml")
DYEING = gc.example_path("dyeing_mill.yaml")
BINDING = (
    "measure",
    "energy_saved_tce",
    "co2_avoided_t",
    "annual_savings",
    "capex",
    "simple_payback_years",
    "npv",
    "irr",
    "abatement_cost",
    "saving_status",
    "stream",
    "saving_fraction",
    "saving_low",
    "saving_high",
    "reason",
)
KILN_TCE = 14630.0  # energy[0] of the example tile plant (GB/T 2589 natural gas), test_energy


def quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


def plant_from(path: Path, **sections) -> Plant:
    """The example plant with some sections replaced (test input)."""
    data = read_plant_data(path)
    data.update(sections)
    return Plant(parse_plant(data, source=path.name), source=str(path))


@pytest.fixture(scope="module")
def tables(tile, dyeing):
    return {"tile": quiet(plant_retrofits, tile), "dyeing": quiet(plant_retrofits, dyeing)}


# ------------------------------------------------------------------------------ catalogue
def test_catalogue_has_the_three_files_and_the_measures_of_the_issue():
    cat = load_catalogue()
    files = {m.file for m in cat.values()}
    assert files == {
        "measures/ceramics.yaml",
        "measures/dyeing.yaml",
        "measures/cross_cutting.yaml",
    }
    for mid in (
        "kiln_cooling_air_reuse",
        "kiln_waste_heat_to_dryers",
        "continuous_ball_mill",
        "dry_granulation",
        "kiln_insulation",
        "kiln_o2_control",
        "pulse_combustion",
        "waste_recycling",
        "dyeing_low_liquor_ratio",
        "dyeing_airflow",
        "dyeing_wastewater_heat_recovery",
        "stenter_heat_recovery",
        "dyeing_machine_insulation",
        "condensate_return",
        "cold_pad_batch",
        "boiler_economiser",
        "boiler_blowdown_recovery",
        "motor_upgrade",
        "vfd_pumps_fans",
        "compressed_air_leaks",
        "compressed_air_pressure_reduction",
        "transformer_upgrade",
        "rooftop_pv",
    ):
        m = cat[mid]
        assert m.name_en and m.name_zh and m.sectors and m.origin == "shipped"


def test_every_shipped_number_is_sourced():
    known = sources()
    for m in load_catalogue().values():
        assert set(m.equipment) <= set(EQUIPMENT_KINDS), m.id
        has_number = m.saving is not None and (m.saving.fraction or m.saving.by_use)
        if has_number:
            assert m.source_id in known and m.status in STATUSES, m.id
        if m.source_id is not None:
            assert m.source_id in known, m.id
        if m.capex is not None:
            assert m.capex.source_id in known and m.capex.status in STATUSES
        assert m.lifetime is None, "no lifetime is sourced"
        if m.status == "unverified" or (
            m.source_id and known[m.source_id]["status"] == "unverified"
        ):
            assert m.status == "unverified", m.id


def test_catalogue_agrees_with_the_factor_tables():
    pulse = next(r for r in read_table("measures_defaults.csv") if r["key"].startswith("pulse"))
    f = get_measure("pulse_combustion").saving.fraction
    assert (f.value, f.low, f.high) == (
        float(pulse["value"]),
        float(pulse["low"]),
        float(pulse["high"]),
    )
    assert get_measure("pulse_combustion").source_id == pulse["source_id"]
    milling = {r["key"]: r for r in read_table("milling_ceramics.csv")}
    row = milling["ballmill.continuous_vs_batch_saving"]
    f = get_measure("continuous_ball_mill").saving.fraction
    assert (f.low, f.high) == (float(row["low"]), float(row["high"]))
    row = milling["dry_route.powder_preparation_saving"]
    assert get_measure("dry_granulation").saving.fraction.value == float(row["low"])


def test_compressed_air_leak_fraction_is_the_stated_derivation():
    # DOE Tip Sheet 3: leaks 20-30 % of output, target 5-10 % -> 1 - (1 - L0)/(1 - L1)
    f = get_measure("compressed_air_leaks").saving.fraction
    assert f.low == pytest.approx(1 - 0.8 / 0.9, abs=5e-4)
    assert f.high == pytest.approx(1 - 0.7 / 0.95, abs=5e-4)
    assert get_measure("compressed_air_leaks").status == "derived"


def test_catalogue_table_lists_every_measure():
    t = catalogue_table()
    assert len(t) == len(load_catalogue())
    for column in t.columns:
        assert all(v is None or v == v for v in t[column]), column  # None, never NaN


def test_unknown_measure_lists_known_ids(tile):
    with pytest.raises(InputError, match="known: .*boiler_economiser.*kiln_insulation"):
        get_measure("solar_kiln")
    with pytest.raises(InputError, match="unknown measure 'solar_kiln'; known: "):
        plant_retrofits(tile, ["solar_kiln"])


BAD_CATALOGUE = """
measures:
  - id: Bad-Id
    name_en: x
    name_zh: x
    sectors: [ceramics]
    stream: {carrier: [fuel], use: [kiln]}
    order: 10
    saving: {without_plant_data: catalogue_value, fraction: {value: 1.5}}
    source_id: mezquita-2014
    source_ref: x
    status: official
  - id: ok_id
    name_en: x
    name_zh: x
    sectors: [mining]
    stream: {carrier: [fuel], use: [kiln]}
    order: 10
    saving:
      without_plant_data: user_input
      model: {function: greenchain.processes.kilns.no_such_function, result_is: fraction}
    source_id: null
    source_ref: x
    status: null
"""


def test_catalogue_reports_all_problems_with_file_and_path(tmp_path):
    path = tmp_path / "bad_measures.yaml"
    path.write_text(BAD_CATALOGUE, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_catalogue(path)
    text = str(info.value)
    for needle in (
        "bad_measures.yaml: measures[0].id",
        "bad_measures.yaml: measures[0].saving.fraction.value",
        "bad_measures.yaml: measures[1].sectors",
        "bad_measures.yaml: measures[1].saving.model.function",
    ):
        assert needle in text
    assert text.count("\n") >= 4


def test_user_catalogue_overrides_and_is_marked(tmp_path, tile):
    path = tmp_path / "mine.yaml"
    path.write_text(
        """
measures:
  - id: pulse_combustion
    name_en: Pulse firing (our vendor's guarantee)
    name_zh: 脉冲燃烧
    sectors: [ceramics]
    equipment: [kiln]
    stream: {carrier: [fuel], use: [kiln]}
    order: 20
    excludes: [kiln_o2_control]
    saving: {without_plant_data: catalogue_value, fraction: {value: 0.08}}
    source_id: vendor-quote-2025
    source_ref: guarantee letter
    status: unverified
""",
        encoding="utf-8",
    )
    cat = load_catalogue(path)
    assert cat["pulse_combustion"].origin == "user"
    assert cat["pulse_combustion"].saving.fraction.value == 0.08
    assert cat["boiler_economiser"].origin == "shipped"
    t = quiet(plant_retrofits, tile, ["pulse_combustion"], catalogue=path)
    assert t.loc[0, "saving_fraction"] == pytest.approx(0.08)


# ------------------------------------------------------------------------------ results
@pytest.mark.parametrize("name", ["tile", "dyeing"])
def test_ranked_table_and_mac_curve(name, tables, tmp_path, tile, dyeing):
    table = tables[name]
    plant = tile if name == "tile" else dyeing
    assert set(BINDING) <= set(table.columns) and list(table.columns) == list(COLUMNS)
    costs = table["abatement_cost"].dropna().tolist()
    assert len(costs) >= 8 and costs == sorted(costs)
    assert table["abatement_cost"][len(costs) :].isna().all()  # missing costs last
    in_package = table[table["evaluated"] == "package"]
    drawable = in_package[(in_package["co2_avoided_t"] > 0) & in_package["abatement_cost"].notna()]
    pd.testing.assert_frame_equal(drawable, gc.retrofit.curve_rows(table))
    fig, ax = plt.subplots()
    macc(drawable, ax)
    out = tmp_path / f"{name}_macc.png"
    fig.savefig(out)
    plt.close(fig)
    assert out.stat().st_size > 1000 and out.read_bytes()[:4] == b"\x89PNG"
    widths = sum(p.get_width() for p in ax.patches)
    summary = quiet(package_summary, plant, table.attrs["totals"]["package"])
    assert widths == pytest.approx(float(drawable["co2_avoided_t"].sum()))
    assert widths == pytest.approx(summary["saved"]["co2_avoided_t"], rel=1e-9)
    assert summary["saved"]["co2_avoided_t"] == pytest.approx(
        float(in_package["co2_avoided_t"].sum()), rel=1e-9
    )


@pytest.mark.parametrize("name", ["tile", "dyeing"])
def test_numbers_are_floats_and_nan_only_with_a_reason(name, tables):
    table = tables[name]
    for column in NUMERIC_COLUMNS:
        assert table[column].dtype == np.float64, column
        values = table[column].to_numpy()
        assert not np.isinf(values).any(), column
        missing = np.isnan(values)
        assert table.loc[missing, "reason"].map(bool).all(), column
    for column in OPTIONAL_NUMERIC_COLUMNS:
        assert table[column].dtype == np.float64, column
    assert table["in_package"].dtype == bool
    others = set(COLUMNS) - set(NUMERIC_COLUMNS) - set(OPTIONAL_NUMERIC_COLUMNS) - {"in_package"}
    for column in others:
        assert all(v is None or isinstance(v, str) for v in table[column]), column


def test_two_measures_on_one_stream_interact(tile):
    plant = plant_from(
        TILE,
        retrofit_options={
            "kiln_cooling_air_reuse": {"saving_fraction": 0.10},
            "pulse_combustion": {"saving_fraction": 0.20},
        },
    )
    ids = ["kiln_cooling_air_reuse", "pulse_combustion"]
    together = quiet(plant_retrofits, plant, ids).set_index("measure")
    alone = quiet(plant_retrofits, plant, ids, interaction="alone").set_index("measure")
    sum_alone = alone["energy_saved_tce"].sum()
    sum_package = together["energy_saved_tce"].sum()
    assert sum_package < sum_alone
    assert sum_alone == pytest.approx(KILN_TCE * 0.30)
    # package order: pulse control (20) before heat recovery (30)
    assert sum_package == pytest.approx(KILN_TCE * (1 - 0.9 * 0.8))
    assert together.loc["pulse_combustion", "energy_saved_tce"] == pytest.approx(KILN_TCE * 0.2)
    assert together.loc["kiln_cooling_air_reuse", "energy_saved_tce"] == pytest.approx(
        KILN_TCE * 0.8 * 0.1
    )
    assert sum_package <= KILN_TCE
    assert set(together["saving_status"]) == {"user"}


def test_zero_savings_payback_is_none_with_reason():
    plant = plant_from(
        TILE,
        retrofit_options={"pulse_combustion": {"saving_fraction": 0, "capex": 1000, "lifetime": 5}},
    )
    row = quiet(plant_retrofits, plant, ["pulse_combustion"]).iloc[0]
    assert row["energy_saved_tce"] == 0 and row["annual_savings"] == 0
    assert math.isnan(row["simple_payback_years"]) and math.isnan(row["irr"])
    assert math.isnan(row["abatement_cost"])
    assert "savings are zero" in row["reason"] and "no CO2 abated" in row["reason"]


def test_capex_not_sourced_is_said(tile):
    plant = plant_from(TILE, retrofit_options={})
    row = quiet(plant_retrofits, plant, ["continuous_ball_mill"]).iloc[0]
    assert math.isnan(row["capex"]) and math.isnan(row["npv"])
    assert "capex not sourced" in row["reason"]
    assert row["energy_saved_tce"] == pytest.approx(1032.36 * 0.2)  # energy[3], test_energy


def test_lifetime_missing_keeps_simple_payback():
    plant = plant_from(TILE, retrofit_options={"continuous_ball_mill": {"capex": 1e6}})
    row = quiet(plant_retrofits, plant, ["continuous_ball_mill"]).iloc[0]
    assert row["simple_payback_years"] == pytest.approx(1e6 / row["annual_savings"])
    assert math.isnan(row["npv"]) and "lifetime not sourced" in row["reason"]
    row = quiet(plant_retrofits, plant, ["continuous_ball_mill"], lifetime=10).iloc[0]
    assert math.isfinite(row["npv"]) and row["lifetime"] == 10


def test_debt_longer_than_lifetime_is_a_reason_not_a_crash():
    plant = plant_from(
        TILE,
        finance={"discount_rate": 0.08, "debt_ratio": 0.5, "debt_rate": 0.05, "debt_term": 5},
    )
    t = quiet(plant_retrofits, plant, ["compressed_air_leaks", "continuous_ball_mill"])
    t = t.set_index("measure")
    assert math.isnan(t.loc["compressed_air_leaks", "npv"])  # lifetime 3 < debt term 5
    assert "debt_term" in t.loc["compressed_air_leaks", "reason"]
    assert math.isfinite(t.loc["compressed_air_leaks", "simple_payback_years"])
    assert math.isfinite(t.loc["continuous_ball_mill", "npv"])


def test_catalogue_capex_model_for_stenters(tables):
    row = tables["dyeing"].set_index("measure").loc["stenter_heat_recovery"]
    assert row["capex"] == pytest.approx(200000 * 6)
    assert "stenter-cost-2011" in row["capex_source"]


def test_unverified_saving_warns_and_says_so(tile):
    plant = plant_from(TILE, retrofit_options={})
    with pytest.warns(UnverifiedDataWarning, match="pulse_combustion"):
        row = plant_retrofits(plant, ["pulse_combustion"]).iloc[0]
    assert row["saving_status"] == "unverified"
    assert row["saving_fraction"] == pytest.approx(0.05)
    assert (row["saving_low"], row["saving_high"]) == pytest.approx((0.05, 0.15))


def test_model_route_matches_the_process_model(tile):
    row = quiet(plant_retrofits, tile, ["kiln_cooling_air_reuse"]).iloc[0]
    direct = cooling_air_reuse_saving(
        1000,
        flue_o2=gc.Q_(10, "percent"),
        flue_temperature=220,
        combustion_air_temperature=30,
        preheated_air_temperature=150,
    )
    assert row["saving_method"] == "model" and row["saving_status"] == "plant_data"
    assert row["saving_fraction"] == pytest.approx(float(direct.saving_fraction.m_as("")))
    motor = quiet(plant_retrofits, tile, ["motor_upgrade"]).iloc[0]
    kwh = upgrade_savings(30, 0.939, 0.961, 6000).m_as("kWh") * 30  # 30 motors (issue 14)
    assert motor["electricity_saved_kwh"] == pytest.approx(kwh, rel=1e-9)


def test_bad_equipment_input_names_its_path():
    data = read_plant_data(TILE)
    data["equipment"][0]["flue_o2"] = "10 furlong"
    plant = Plant(parse_plant(data, source="tile_plant.yaml"), source=str(TILE))
    with pytest.raises(InputError, match=r"equipment\[0\]\.flue_o2 in tile_plant.yaml"):
        quiet(plant_retrofits, plant, ["kiln_cooling_air_reuse"])


def test_retrofit_options_are_checked():
    plant = plant_from(TILE, retrofit_options={"kiln_heat": {"capex": 1}})
    with pytest.raises(InputError, match="retrofit_options.kiln_heat.*known: "):
        quiet(plant_retrofits, plant)
    plant = plant_from(TILE, retrofit_options={"kiln_o2_control": {"new_02": "6 percent"}})
    with pytest.raises(InputError, match="new_02.*allowed: .*new_o2"):
        quiet(plant_retrofits, plant)


def test_model_saving_beyond_the_stream_is_an_error():
    data = read_plant_data(TILE)
    data["equipment"][4]["count"] = 40000
    plant = Plant(parse_plant(data), source=None)
    # the equipment now uses more than its stream: refused before any model runs
    with pytest.raises(InputError, match="press_and_line_motors"):
        quiet(plant_retrofits, plant, ["motor_upgrade"])


def test_alternatives_are_kept_out_of_the_package(tile, tables):
    t = tables["tile"].set_index("measure")
    assert t.loc["dry_granulation", "evaluated"] == "alone"
    assert "alternative to continuous_ball_mill" in t.loc["dry_granulation", "note"]
    with pytest.raises(InputError, match="alternatives"):
        quiet(apply_package, tile, ["continuous_ball_mill", "dry_granulation"])


def test_rooftop_pv_lowers_scope_2_not_energy_use(tables, tile):
    """On-site generation is not purchased electricity: both scope 2 bases fall."""
    row = tables["tile"].set_index("measure").loc["rooftop_pv"]
    grid = gc.factors.grid_electricity("Fujian", 2023).value  # tCO2/MWh
    assert row["energy_saved_tce"] == 0
    assert row["co2_avoided_t"] == pytest.approx(2400 * grid, rel=1e-9)
    assert row["co2_avoided_market_t"] == pytest.approx(row["co2_avoided_t"], rel=1e-9)
    assert row["annual_savings"] > 0 and math.isfinite(row["abatement_cost"])
    market = quiet(plant_retrofits, tile, ["rooftop_pv"], co2_basis="market").iloc[0]
    assert market["abatement_cost"] == pytest.approx(row["abatement_cost"], rel=1e-9)
    after = quiet(apply_package, tile, ["rooftop_pv"])
    pv = [e for e in after.data.energy if e.supply == "onsite_renewable"]
    assert len(pv) == 1 and pv[0].amount.m_as("MWh") == pytest.approx(2400)


def test_missing_saving_gives_none_with_reason(tables):
    row = tables["tile"].set_index("measure").loc["waste_recycling"]
    assert math.isnan(row["energy_saved_tce"]) and row["saving_status"] == "missing"
    assert "retrofit_options.waste_recycling.uses" in row["reason"]


# ------------------------------------------------------------------------------ packages
def test_apply_package_leaves_the_plant_unchanged(tile):
    before = tile.records().copy()
    dump = str(tile.data.model_dump())
    after = quiet(apply_package, tile, ["continuous_ball_mill", "kiln_o2_control"])
    pd.testing.assert_frame_equal(tile.records(), before)
    assert str(tile.data.model_dump()) == dump
    assert after is not tile and after.data is not tile.data
    assert after.data.energy[3].amount.m_as("MWh") == pytest.approx(8400 * 0.8)
    assert after.data.energy[0].amount < tile.data.energy[0].amount
    assert after.data.energy[5].amount == tile.data.energy[5].amount


def test_default_package_is_the_selected_measures(tile):
    s = quiet(package_summary, tile)
    selected = [mid for mid, o in tile.data.retrofit_options.items() if o.selected]
    assert sorted(s["measures"]) == sorted(selected)
    assert s["after"]["energy_tce"] < s["before"]["energy_tce"]
    assert s["saved"]["energy_saved_tce"] == pytest.approx(
        s["before"]["energy_tce"] - s["after"]["energy_tce"]
    )
    assert s["inventory_after"].total < s["inventory_before"].total
    for row in s["by_stream"]:
        assert 0 <= row["amount_after"] <= row["amount_before"]
    json.dumps({k: s[k] for k in ("measures", "before", "after", "saved", "by_stream")})


@pytest.mark.parametrize(
    "measures",
    [
        None,
        ["kiln_cooling_air_reuse"],
        ["continuous_ball_mill"],
        ["dry_granulation", "kiln_insulation", "kiln_waste_heat_to_dryers"],
        ["rooftop_pv"],
    ],
)
def test_gb21252_level_never_gets_worse(tile, measures):
    t = quiet(limit_levels, tile, measures)
    assert len(t) == 1 and t.loc[0, "standard"] == "GB 21252-2023"
    assert t.loc[0, "specific_energy_after"] <= t.loc[0, "specific_energy_before"]
    rank = {1: 1, 2: 2, 3: 3, "below limit": 4}
    assert rank[t.loc[0, "level_after"]] <= rank[t.loc[0, "level_before"]]
    assert t.loc[0, "change"] in ("better", "same")
    assert t.loc[0, "specific_energy_before"] == pytest.approx(4.781792, rel=1e-6)


def test_dyeing_norm_before_and_after(dyeing):
    t = quiet(limit_levels, dyeing)
    assert t.loc[0, "standard"].startswith("dyeing norm 2017")
    assert t.loc[0, "specific_energy_after"] < t.loc[0, "specific_energy_before"]
    assert t.loc[0, "level_before"] == "meets limit" and t.loc[0, "change"] == "same"


# ------------------------------------------------------------------------------ properties
@given(st.lists(st.floats(0, 1), min_size=1, max_size=6))
def test_sequential_savings_stay_within_the_stream(fractions):
    effects = [Effect(get_measure("pulse_combustion"), fractions={0: f}) for f in fractions]
    scale, moved = remaining_shares(parse_plant(read_plant_data(TILE)), effects)
    remaining = 1.0
    for f in fractions:
        step = remaining * f
        assert 0.0 <= step <= remaining
        remaining -= step
    assert 0.0 <= scale[0] <= 1.0 and scale[0] == pytest.approx(np.prod([1 - f for f in fractions]))
    assert np.all(scale[1:] == 1.0) and not moved.any()


@settings(max_examples=12)
@given(
    st.floats(0, 1),
    st.floats(0, 1),
    st.sampled_from(["kiln_cooling_air_reuse", "kiln_insulation"]),
)
def test_plant_savings_within_zero_and_the_stream(f1, f2, second):
    plant = plant_from(
        TILE,
        equipment=[],
        retrofit_options={
            "pulse_combustion": {"saving_fraction": f1},
            second: {"saving_fraction": f2},
        },
    )
    table = quiet(plant_retrofits, plant, ["pulse_combustion", second])
    saved = np.array([v for v in table["energy_saved_tce"]], dtype=float)
    assert np.all(saved >= 0)
    assert saved.sum() <= KILN_TCE * (1 + 1e-12)
    assert saved.sum() == pytest.approx(KILN_TCE * (1 - (1 - f1) * (1 - f2)), abs=1e-6)


# ------------------------------------------------------------------------------ plant data
def test_functions_take_plant_data_and_source(tile):
    """The decisions layer takes PlantData (+ source); a Plant is read through plant_data()."""
    from_data = quiet(plant_retrofits, tile.data, ["continuous_ball_mill"], source="x.yaml")
    from_plant = quiet(plant_retrofits, tile, ["continuous_ball_mill"])
    pd.testing.assert_frame_equal(from_data, from_plant)
    bad = plant_from(TILE, retrofit_options={"kiln_heat": {"capex": 1}}).data
    with pytest.raises(InputError, match=r"retrofit_options\.kiln_heat in x\.yaml"):
        plant_retrofits(bad, source="x.yaml")
    s_data = quiet(package_summary, tile.data, ["continuous_ball_mill"])
    s_plant = quiet(package_summary, tile, ["continuous_ball_mill"])
    assert s_data["after"] == s_plant["after"]
    assert s_data["plant_after"] is s_data["data_after"]  # data in, data out
    assert (
        isinstance(s_plant["plant_after"], Plant) and s_plant["plant_after"].source == tile.source
    )
    pd.testing.assert_frame_equal(quiet(limit_levels, tile.data), quiet(limit_levels, tile))


def test_apply_package_returns_what_it_is_given(tile):
    after_data = quiet(apply_package, tile.data, ["continuous_ball_mill"])
    assert type(after_data) is type(tile.data)
    assert after_data == quiet(package_data, tile.data, ["continuous_ball_mill"])
    after = quiet(apply_package, tile, ["continuous_ball_mill"])
    assert type(after) is Plant and after.source == tile.source and after.data == after_data
    assert quiet(tile.apply_package, ["continuous_ball_mill"]).data == after_data

    class Facade:  # any plant-like with data, source_name and with_data()
        def __init__(self, data):
            self.data, self.source_name = data, "f.yaml"

        def with_data(self, data):
            return Facade(data)

    assert isinstance(quiet(apply_package, Facade(tile.data), ["continuous_ball_mill"]), Facade)


def test_caveats_stay_with_the_table(tile):
    plant = plant_from(TILE, retrofit_options={})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = plant_retrofits(plant, ["pulse_combustion"])
    caveats = table.attrs["caveats"]
    assert all(isinstance(c, Caveat) for c in caveats)
    unverified = [c for c in caveats if c.category is UnverifiedDataWarning]
    assert unverified and unverified[0].field == "retrofit_options.pulse_combustion"
    assert [c.message for c in caveats] == table.attrs["warnings"][: len(caveats)]
    emitted = [str(w.message) for w in caught if w.category is UnverifiedDataWarning]
    assert emitted.count(unverified[0].message) == 1  # once, at the entry point
    assert all(w.filename == __file__ for w in caught if "retrofit measure" in str(w.message))


def test_package_summary_keeps_its_caveats():
    plant = gc.load_plant(gc.example_path("shoe_factory.yaml"))
    with pytest.warns(GreenchainWarning, match="no saving for"):
        s = package_summary(plant)
    assert any("no saving for" in c.message for c in s["caveats"])
    assert [c.message for c in s["caveats"]] == s["warnings"][: len(s["caveats"])]


def test_decisions_never_import_the_interface():
    import ast

    root = Path(gc.__file__).parent / "decisions"
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n.startswith("greenchain.interface") for n in names), path


# ------------------------------------------------------------------------------ facade, CLI
def test_plant_facade_delegates(tile):
    t = quiet(tile.retrofits, ["continuous_ball_mill"])
    assert t.loc[0, "measure"] == "continuous_ball_mill"


def test_cli_json_csv_and_table(capsys, tmp_path):
    assert main(["retrofit", str(TILE), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"measures", "totals", "limit_levels", "warnings"} <= set(out)
    assert any("pulse_combustion" in w for w in out["warnings"])
    assert (
        main(["retrofit", str(DYEING), "--format", "csv", "--measures", "boiler_economiser"]) == 0
    )
    header = capsys.readouterr().out.splitlines()[0].split(",")
    assert set(BINDING) <= set(header)
    png = tmp_path / "macc.png"
    assert main(["retrofit", str(TILE), "--macc", str(png)]) == 0
    out = capsys.readouterr().out  # the abatement-cost column, its unit in the header
    assert "[CNY/tCO2e]" in out and png.stat().st_size > 1000


def test_cli_error_is_one_line(capsys):
    assert main(["retrofit", str(TILE), "--measures", "nope"]) == 2
    err = capsys.readouterr().err
    assert "unknown measure 'nope'" in err and len(err.strip().splitlines()) == 1
