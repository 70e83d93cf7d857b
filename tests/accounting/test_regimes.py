"""Reporting regimes (issue 13): each regime on each example plant, against method_review.md.

Published values are from ``method_review.md`` §1.2 (greenchain = hand recomputation) and
§1.4 (how totals move under each choice); tolerances match the digits printed there. Values
marked "derived" are the review's components recombined (stated in each row).
"""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest
import yaml

import greenchain as gc
from greenchain import Q_
from greenchain.accounting import emissions
from greenchain.accounting.inventory import from_records
from greenchain.data import regimes
from greenchain.data.tables import sources
from greenchain.data.vocabulary import REGIMES
from greenchain.errors import DataError, InputError, collect_caveats

TILE, DYEING, SHOE = "tile_plant.yaml", "dyeing_mill.yaml", "shoe_factory.yaml"


def _plant(name):
    return gc.load_plant(gc.example_path(name))


def _inventory(name, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _plant(name).inventory(**options)


def _scope(result, scope):
    table = result.by_scope()
    return float(table.loc[table["scope"] == scope, "co2e_t"].item())


# ----------------------------------------------------------------- the regime files
def test_every_shipped_regime_is_valid_and_cited():
    folder = Path(regimes.regime_path("gbt32150")).parent
    assert sorted(p.stem for p in folder.glob("*.yaml")) == sorted(REGIMES)
    known = sources()
    for name in REGIMES:
        r = regimes.load_regime(name)
        assert r.id == name
        assert r.source_id in known
        for choice in r.choices().values():
            assert choice.source_id in known
            assert choice.status in ("official", "transcribed", "derived", "unverified")


def test_fujian_ets_regime_states_its_scope():
    r = regimes.load_regime("fujian_ets")
    assert r.gases.value == ["CO2"]
    assert r.boundary.value["carbonate_decomposition"] is False
    assert r.boundary.value["fuel_combustion"] and r.boundary.value["purchased_heat"]
    assert r.grid.basis == "ets" and r.grid.status == "unverified"
    assert "not found" in r.grid.note


def test_bad_regime_file_lists_every_problem_with_file_and_key(tmp_path):
    raw = yaml.safe_load(regimes.regime_path("fujian_ets").read_text(encoding="utf-8"))
    raw["gwp"]["value"] = "AR9"
    raw["boundary"]["value"]["kilns"] = True
    raw["exports"]["value"] = "sometimes"
    del raw["grid"]["source_id"]
    path = tmp_path / "province.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as exc:
        regimes.load_regime(path)
    text = str(exc.value)
    assert "province.yaml" in text
    for key in ("gwp.value", "boundary.value", "exports.value", "grid.source_id"):
        assert key in text, key


def test_unknown_regime_names_the_field_and_the_choices():
    with pytest.raises(InputError) as exc:
        _inventory(TILE, regime="shanghai_ets")
    assert exc.value.field == "regime"
    assert all(name in str(exc.value) for name in REGIMES)


def test_user_regime_file_with_its_own_grid_factor(tmp_path):
    """A provincial rule the database lacks: the user's file gives the value."""
    raw = yaml.safe_load(regimes.regime_path("fujian_ets").read_text(encoding="utf-8"))
    raw["id"] = "my_province"
    raw["grid"]["factor"] = "0.5 tCO2/MWh"
    raw["grid"]["source_id"] = "my-province-notice"  # user files may cite their own sources
    path = tmp_path / "my_province.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    r = _inventory(TILE, regime=path)
    assert r.options["regime"] == "my_province"
    by_cat = r.by_category().set_index("category")["co2e_t"]
    assert by_cat["purchased_electricity"] == pytest.approx(21_000 * 0.5)
    assert "0.5" in r.options["grid_factor"]
    assert set(r.activities.loc[r.activities["category"] == "purchased_electricity", "status"]) == {
        "unverified"
    }


# ----------------------------------------------------------------- default unchanged
@pytest.mark.parametrize("plant", [TILE, DYEING, SHOE])
def test_gbt32150_is_the_default_behaviour(plant):
    default, stated = _inventory(plant), _inventory(plant, regime="gbt32150")
    assert "regime" not in default.options  # no regime: today's options, unchanged
    assert stated.options["regime"] == "gbt32150" and stated.options["overridden"] == []
    cols = ["co2_t", "ch4_t", "n2o_t", "co2e_t", "co2e_market_t"]
    pd.testing.assert_frame_equal(default.activities[cols], stated.activities[cols])
    assert stated.total.m_as("tCO2e") == default.total.m_as("tCO2e")


# ----------------------------------------------------------------- published values
# (plant, regime, extra options, total tCO2e, tolerance, where the value comes from)
PUBLISHED = [
    (TILE, "gbt32150", {}, 52_753.99, 0.005, "§1.2 total"),
    (TILE, "ndrc_guideline", {}, 52_712.1, 0.05, "§1.4 tile CO2 only (NDRC ceramics scope)"),
    (TILE, "fujian_ets", {"grid_basis": "average"}, 51_377.3, 0.05, "§1.4 Fujian-ETS scope"),
    # derived: §1.4 Fujian-ETS scope − 21,000 MWh × 0.4211 + 21,000 MWh × 0.5703 (ETS 2022)
    (TILE, "fujian_ets", {}, 51_377.29 - 8_843.10 + 11_976.30, 0.05, "derived"),
    (TILE, "ghg_protocol", {}, 52_753.99, 0.005, "§1.2 total (location-based)"),
    (TILE, "iso14064", {}, 52_753.99, 0.005, "§1.2 total"),
    (DYEING, "gbt32150", {}, 41_855.65, 0.005, "§1.2 total"),
    (DYEING, "ndrc_guideline", {}, 41_175.6, 0.05, "§1.4 dyeing NDRC-style"),
    (DYEING, "gbt32150", {"gwp": "SAR"}, 41_419.5, 0.05, "§1.4 dyeing SAR"),
    # §1.2 CO2 mass: the dyeing mill has no process CO2, so the Fujian scope at the
    # provincial factor is its CO2 mass
    (DYEING, "fujian_ets", {"grid_basis": "average"}, 39_878.44, 0.005, "§1.2 CO2 mass"),
    # derived: + 25,000 MWh × (0.5703 − 0.4211)
    (DYEING, "fujian_ets", {}, 39_878.44 + 25_000 * (0.5703 - 0.4211), 0.01, "derived"),
    (DYEING, "ghg_protocol", {}, 41_855.65, 0.005, "§1.2 total (location-based)"),
    (DYEING, "iso14064", {}, 41_855.65, 0.005, "§1.2 total"),
    (SHOE, "gbt32150", {}, 1_014.12, 0.005, "§1.2 total"),
    (SHOE, "ghg_protocol", {}, 1_014.12, 0.005, "§1.2 total"),
    (SHOE, "iso14064", {}, 1_014.12, 0.005, "§1.2 total"),
    # derived: §1.2 fuel 205.61 less its CH4/N2O (95,000 Nm3 x 38.931 MJ/Nm3 = 3.698 TJ at
    # 1 / 0.1 kg/TJ, GWP 27.9 / 273: 0.204 t), electricity 808.51 t at 0.4211 -> at 0.5703
    (SHOE, "fujian_ets", {}, 205.61 - 0.204 + 808.51 / 0.4211 * 0.5703, 0.05, "derived"),
]


@pytest.mark.parametrize(
    ("plant", "regime", "options", "total", "tol", "where"),
    PUBLISHED,
    ids=[f"{p[0].split('.')[0]}-{p[1]}-{p[5]}" for p in PUBLISHED],
)
def test_regime_totals_against_the_review(plant, regime, options, total, tol, where):
    r = _inventory(plant, regime=regime, **options)
    assert r.options["regime"] == regime
    assert r.total.m_as("tCO2e") == pytest.approx(total, abs=tol)


@pytest.mark.parametrize("plant", [TILE, DYEING, SHOE])
@pytest.mark.parametrize("regime", REGIMES)
def test_every_regime_runs_on_every_plant_and_names_itself(plant, regime):
    r = _inventory(plant, regime=regime)
    assert r.options["regime"] == regime
    assert r.options["regime_file"].endswith(f"{regime}.yaml")
    s1, s2 = _scope(r, "scope_1"), _scope(r, "scope_2_location")
    assert s1 + s2 - _scope(r, "exported_energy") == pytest.approx(r.total.m_as("tCO2e"))
    if "CH4" not in r.options["gases"]:
        assert float(r.activities["ch4_t"].sum()) == 0.0


def test_dyeing_ghg_protocol_market_remainder_at_national_excluding_market_nonfossil():
    """§1.4: remainder at 0.6096 (2023): market-based scope 2 15,503.7 t (Q4)."""
    r = _inventory(DYEING, regime="ghg_protocol")
    assert _scope(r, "scope_2_market") == pytest.approx(15_503.7, abs=0.05)
    assert _scope(r, "scope_2_location") == pytest.approx(12_010.44, abs=0.005)
    assert any("excluding market-traded" in w for w in r.warnings)
    # the default keeps greenchain's location remainder (§1.2: 11,168.24)
    assert _scope(_inventory(DYEING), "scope_2_market") == pytest.approx(11_168.24, abs=0.005)


def test_ndrc_guideline_does_not_credit_certificates():
    r = _inventory(DYEING, regime="ndrc_guideline")
    assert _scope(r, "scope_2_market") == pytest.approx(_scope(r, "scope_2_location"))


def test_explicit_option_overrides_the_regime_and_the_result_says_so():
    r = _inventory(TILE, regime="fujian_ets", grid_basis="average", gwp="AR6")
    assert r.options["grid_basis"] == "average"
    assert r.options["overridden"] == ["grid_basis"]  # AR6 is the regime's own choice
    assert r.options["excluded"] == {"carbonate_decomposition": pytest.approx(1_334.80, abs=0.005)}


def test_fujian_ets_uses_national_ets_factor_with_a_caveat():
    r = _inventory(TILE, regime="fujian_ets")
    assert any("national" in w and "Fujian" in w for w in r.warnings)
    assert any("unverified choices" in w for w in r.warnings)
    by_cat = r.by_category().set_index("category")["co2e_t"]
    assert by_cat["purchased_electricity"] == pytest.approx(21_000 * 0.5703)
    assert "industrial_process" not in by_cat.index


def test_explicit_non_co2_brings_combustion_ch4_back():
    r = _inventory(TILE, regime="ndrc_guideline", non_co2=True)
    assert r.options["overridden"] == ["non_co2"]
    assert float(r.activities["ch4_t"].sum()) > 0


def test_exports_memo_under_ghg_protocol_deducted_under_gbt32150():
    records = pd.DataFrame(
        {
            "carrier": ["natural_gas", "electricity"],
            "amount": [1e6, 1000.0],
            "unit": ["m^3", "MWh"],
            "direction": ["import", "export"],
            "region": "Fujian",
            "year": 2023,
        }
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gb = from_records(records, regime="gbt32150", non_co2=False)
        ghg = from_records(records, regime="ghg_protocol", non_co2=False)
    gas = 2162.189  # 1e6 Nm3 x 2.162189 kgCO2/Nm3 (review §1.1)
    assert gb.total.m_as("tCO2e") == pytest.approx(gas - 421.1, abs=0.01)
    assert ghg.total.m_as("tCO2e") == pytest.approx(gas, abs=0.01)
    assert ghg.options["exported_memo_t"] == pytest.approx(421.1)


# ----------------------------------------------------------------- E3, E2, Q9
@pytest.mark.parametrize(
    ("basis", "factor"), [("ets", 0.5703), ("excluding_market_nonfossil", 0.6096)]
)
def test_national_only_grid_bases_work_for_a_provincial_plant(basis, factor):
    """E3: §1.4 'ETS 0.5703 -> 55,887 t'; the caveat says the factor is national."""
    r = _inventory(TILE, grid_basis=basis)
    expected = 52_753.99 - 8_843.10 + 21_000 * factor
    assert r.total.m_as("tCO2e") == pytest.approx(expected, abs=0.01)
    assert any("national" in w for w in r.warnings)
    if basis == "ets":
        assert r.total.m_as("tCO2e") == pytest.approx(55_887, abs=0.5)


def test_lng_default_dataset_gives_gbt32151_34_row():
    """E2: 1,000 t LNG -> 2,831.3 tCO2 (±0.1 %) with the default dataset."""
    with collect_caveats() as caught:
        co2 = emissions.fuel_combustion("lng", Q_(1000, "t")).m_as("tCO2")
    assert co2 == pytest.approx(2_831.3, rel=1e-3)
    assert not [c for c in caught if "lng" in c.message]  # no longer an unverified row
    p = emissions.fuel_parameters("lng")
    assert (p.ncv.value, p.carbon_content.value, p.oxidation_rate.value) == (51.498, 0.0153, 0.98)
    assert p.ncv.source_id == "gbt32151.34-2024"


@pytest.mark.parametrize(
    ("fuel", "ch4", "n2o"),
    [
        ("coke", 10, 1.5),
        ("petroleum_coke", 3, 0.6),
        ("kerosene", 3, 0.6),
        ("refinery_gas", 1, 0.1),
        ("coke_oven_gas", 1, 0.1),
        ("naphtha", 3, 0.6),
    ],
)
def test_ipcc_table_2_3_rows_ship_unverified(fuel, ch4, n2o):
    """Q9: the review's [M] values, shipped as unverified; results say so."""
    assert emissions.ipcc_non_co2_factor(fuel, "CH4").value == ch4
    assert emissions.ipcc_non_co2_factor(fuel, "N2O").value == n2o
    assert emissions.ipcc_non_co2_factor(fuel, "CH4").status == "unverified"
    dataset = "GB/T 32151.34-2024" if fuel == "naphtha" else "GB/T 32150-2015"
    amount = "1e6 m^3" if fuel == "coke_oven_gas" else "100 t"
    value, unit = amount.split()
    records = pd.DataFrame(
        {"carrier": [fuel], "amount": [float(value)], "unit": [unit], "dataset": [dataset]}
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = from_records(records)
    assert float(r.activities["ch4_t"].sum()) > 0
    assert not any("gives no" in w or "default shipped" in w for w in r.warnings)
    assert any(f"fuel.{fuel}.ch4_factor" in w for w in r.warnings)


def test_regime_file_can_be_copied_and_loaded_from_a_path(tmp_path):
    path = tmp_path / "copy.yaml"
    shutil.copy(regimes.regime_path("ndrc_guideline"), path)
    r = _inventory(DYEING, regime=str(path))
    assert r.total.m_as("tCO2e") == pytest.approx(41_175.6, abs=0.05)
