"""Inventory from records and from the plant file."""

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import greenchain as gc
from greenchain.accounting import inventory
from greenchain.errors import FallbackWarning, GreenchainError, InputError, UnitError

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


def _records(**extra):
    base = {
        "carrier": ["natural_gas", "electricity", "diesel"],
        "amount": [1e6, 5e6, 50.0],
        "unit": ["m^3", "kWh", "t"],
        "region": "Fujian",
        "year": 2023,
    }
    base.update(extra)
    return pd.DataFrame(base)


def test_from_records_values_and_categories():
    r = inventory.from_records(_records(), non_co2=False)
    gas = 100 * 21.6219  # 10^6 m3 = 100 x 10^4 Nm3
    elec = 5000 * 0.4211
    diesel = 50 * 42.652 * 0.0202 * 0.98 * 44 / 12
    assert r.total.m_as("tCO2e") == pytest.approx(gas + elec + diesel, rel=1e-5)
    cats = r.by_category().set_index("category")["co2e_t"]
    assert cats["purchased_electricity"] == pytest.approx(elec)
    assert cats.sum() == pytest.approx(r.total.magnitude)


def test_non_co2_adds_ch4_n2o_with_chosen_gwp():
    ar6 = inventory.from_records(_records(), gwp="AR6")
    gases = ar6.by_gas().set_index("gas")
    assert gases.loc["CH4", "gwp"] == 27.9 and gases.loc["N2O", "gwp"] == 273
    assert ar6.by_gas()["co2e_t"].sum() == pytest.approx(ar6.total.magnitude)


@pytest.mark.parametrize(
    ("ar", "ch4", "n2o"), [("SAR", 21, 310), ("AR4", 25, 298), ("AR5", 28, 265), ("AR6", 27.9, 273)]
)
def test_gwp_aggregation_under_each_report(ar, ch4, n2o):
    r = inventory.from_records(_records(), gwp=ar)
    g = r.by_gas().set_index("gas")
    expected = g.loc["CO2", "mass_t"] + ch4 * g.loc["CH4", "mass_t"] + n2o * g.loc["N2O", "mass_t"]
    assert r.total.m_as("tCO2e") == pytest.approx(expected, rel=1e-12)


def test_scopes_add_up_without_exports():
    r = inventory.from_records(_records())
    s = r.by_scope().set_index("scope")["co2e_t"]
    assert s["scope_1"] + s["scope_2_location"] == pytest.approx(r.total.magnitude)
    assert s["exported_energy"] == 0


def test_exports_are_deducted_and_market_based_scope_2():
    recs = pd.concat(
        [
            _records(),
            pd.DataFrame(
                {
                    "carrier": ["electricity", "electricity"],
                    "amount": [1e6, 2e6],
                    "unit": ["kWh", "kWh"],
                    "region": "Fujian",
                    "year": 2023,
                    "direction": ["export", "import"],
                    "supply": ["grid", "green_certificate"],
                }
            ),
        ],
        ignore_index=True,
    )
    r = inventory.from_records(recs)
    s = r.by_scope().set_index("scope")["co2e_t"]
    assert s["exported_energy"] == pytest.approx(-1000 * 0.4211)
    assert s["scope_1"] + s["scope_2_location"] + s["exported_energy"] == pytest.approx(
        r.total.magnitude
    )
    assert s["scope_2_location"] - s["scope_2_market"] == pytest.approx(2000 * 0.4211)


def test_grid_year_fallback_is_reported():
    with pytest.warns(FallbackWarning):
        r = inventory.from_records(_records(year=2025))
    assert any("2023" in w for w in r.warnings)


def test_group_by_any_column_and_audit_trail():
    recs = _records(plant_id=["A", "A", "B"])
    r = inventory.from_records(recs)
    by = r.by("plant_id").set_index("plant_id")["total"]
    assert by.sum() == pytest.approx(r.total.magnitude)
    trail = r.records
    assert {"gas", "mass_t", "gwp", "co2e_t", "factor_key", "status"} <= set(trail.columns)
    assert trail["co2e_t"].sum() == pytest.approx(r.total.magnitude)
    assert set(r.factor_table()["key"]) >= {"fuel.natural_gas.ncv", "electricity.grid"}


def test_measured_ncv_per_row():
    recs = _records(measured_ncv=[0.036, np.nan, np.nan])  # GJ/Nm3
    base = inventory.from_records(_records(), non_co2=False)
    meas = inventory.from_records(recs, non_co2=False)
    diff = base.total.magnitude - meas.total.magnitude
    assert diff == pytest.approx(100 * 21.6219 * (1 - 36 / 38.931), rel=1e-4)


@given(st.floats(min_value=0.1, max_value=1e7), st.floats(min_value=0.001, max_value=100))
def test_linear_in_amount(a, k):
    r1 = inventory.from_records(_records(amount=[a, a, a])).total.magnitude
    r2 = inventory.from_records(_records(amount=[a * k] * 3)).total.magnitude
    assert r2 == pytest.approx(r1 * k, rel=1e-9)


def test_unit_invariance_t_vs_kg():
    t = inventory.from_records(_records(unit=["m^3", "kWh", "t"], amount=[1e6, 5e6, 2.0]))
    kg = inventory.from_records(_records(unit=["Nm3", "MWh", "kg"], amount=[1e6, 5e3, 2000.0]))
    assert t.total.magnitude == pytest.approx(kg.total.magnitude, rel=1e-12)


@pytest.mark.parametrize(
    ("change", "error", "match"),
    [
        ({"amount": [-1.0, 1.0, 1.0]}, InputError, "negative"),
        ({"amount": [np.nan, 1.0, 1.0]}, InputError, "amount"),
        ({"carrier": ["unobtainium", "electricity", "diesel"]}, InputError, "unobtainium"),
        ({"unit": ["kWh", "kWh", "t"]}, UnitError, "natural_gas"),
        ({"region": "Atlantis"}, InputError, "region"),
    ],
)
def test_bad_records(change, error, match):
    with pytest.raises(error, match=match):
        inventory.from_records(_records(**change), source="meter.csv")


def test_missing_region_column():
    with pytest.raises(InputError, match="region"):
        inventory.from_records(_records().drop(columns="region"))


def test_plant_inventory_matches_hand_calculation():
    plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
    r = plant.inventory(non_co2=False)
    gas = 1950 * 21.6219
    diesel = 120 * 42.652 * 0.0202 * 0.98 * 44 / 12
    elec = 21000 * 0.4211
    carbonate = 145000 * (0.015 * 0.43971 + 0.005 * 0.52197)
    assert r.total.m_as("tCO2e") == pytest.approx(gas + diesel + elec + carbonate, rel=1e-5)
    cats = r.by_category().set_index("category")["co2e_t"]
    assert cats["industrial_process"] == pytest.approx(carbonate)


def test_plant_errors_name_field_and_file(tmp_path):
    text = gc.example_path("tile_plant.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("amount: 120 t", "amount: -120 t"), encoding="utf-8")
    with pytest.raises(InputError) as info:
        gc.load_plant(bad)
    assert "energy[5].amount" in str(info.value) and "bad.yaml" in str(info.value)
    bad.write_text(text.replace("amount: 120 t", "amount: 120 kWh"), encoding="utf-8")
    with pytest.raises(UnitError) as info:
        gc.load_plant(bad).inventory()
    assert "energy[5]" in str(info.value) and "bad.yaml" in str(info.value)
    bad.write_text(text.replace("region: Fujian", "region: Atlantis"), encoding="utf-8")
    with pytest.raises(GreenchainError, match="Atlantis"):
        gc.load_plant(bad).inventory()
    bad.write_text(text.replace("carrier: diesel", "carrier: unobtainium"), encoding="utf-8")
    with pytest.raises(InputError, match="unobtainium"):
        gc.load_plant(bad).inventory()
    bad.write_text("plant: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError, match="malformed YAML.*line"):
        gc.load_plant(bad)


def test_all_validation_problems_reported_at_once(tmp_path):
    bad = tmp_path / "many.yaml"
    bad.write_text(
        "plant: {name: x, region: Fujian, year: 2023, sector: ceramics, colour: red}\n"
        "energy:\n  - {carrier: diesel, amount: nan t}\n  - {carrier: diesel, amount: 'x y z'}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        gc.load_plant(bad)
    text = str(info.value)
    assert "plant.colour" in text and "energy[0].amount" in text and "energy[1].amount" in text
    assert "many.yaml" in text


def test_plant_inventory_to_dict_is_json_serialisable():
    import json

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        d = gc.load_plant(gc.example_path("dyeing_mill.yaml")).inventory().to_dict()
        # the dyeing mill's factors are all sourced since #23 (AR6 HFC-134a transcribed);
        # the snack plant's food-manufacturing MCF is unverified
        snack = gc.load_plant(gc.example_path("snack_food_plant.yaml")).inventory().to_dict()
    text = json.dumps(d) + json.dumps(snack)
    assert "total_tco2e" in text and isinstance(d["unverified_factors"], list)
    assert snack["unverified_factors"]


def test_onsite_renewable_electricity_has_no_grid_emissions():
    recs = pd.concat(
        [
            _records(),
            pd.DataFrame(
                {
                    "carrier": ["electricity"],
                    "amount": [1e6],
                    "unit": ["kWh"],
                    "region": "Fujian",
                    "year": 2023,
                    "supply": ["onsite_renewable"],
                }
            ),
        ],
        ignore_index=True,
    )
    base = inventory.from_records(_records())
    with_pv = inventory.from_records(recs)
    assert with_pv.total.magnitude == pytest.approx(base.total.magnitude)
    s = with_pv.by_scope().set_index("scope")["co2e_t"]
    assert s["scope_2_market"] == pytest.approx(s["scope_2_location"])


def test_offset_temperature_strings_in_the_plant_file(tmp_path):
    text = gc.example_path("dyeing_mill.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    enthalpy: 2780 kJ/kg", "    enthalpy: 2780 kJ/kg\n    temperature: 90 degC"
    )
    path = tmp_path / "mill.yaml"
    path.write_text(text, encoding="utf-8")
    plant = gc.load_plant(path)
    steam = [e for e in plant.data.energy if e.carrier == "steam"][0]
    assert steam.temperature.to("K").magnitude == pytest.approx(363.15)


def _plant_with(tmp_path, old, new, name="tile_plant.yaml"):
    text = gc.example_path(name).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "plant.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return gc.load_plant(path)


def test_explicit_factor_on_an_energy_entry(tmp_path):
    """energy[0]: 11e6 m3 of gas valued at 2.0 kgCO2e/m3 (a supplier's figure) = 22,000 t."""
    base = gc.load_plant(gc.example_path("tile_plant.yaml")).inventory()
    plant = _plant_with(
        tmp_path,
        "    amount: 11000000 m^3       # roller kilns (2 lines)\n",
        "    amount: 11000000 m^3\n    factor: 2.0 kgCO2e/m^3\n"
        "    factor_source: supplier report 2023\n    factor_status: official\n",
    )
    inv = plant.inventory()
    row = inv.activities[inv.activities["_path"] == "energy[0]"].iloc[0]
    assert row["co2e_t"] == pytest.approx(22000.0)
    assert row["factor_key"] == "explicit factor" and row["status"] == "official"
    assert row["category"] == "fuel_combustion"
    gases = inv.by_gas().set_index("gas")
    assert gases.loc["CO2e (explicit factor)", "co2e_t"] == pytest.approx(22000.0)
    assert gases["co2e_t"].sum() == pytest.approx(inv.total.magnitude)
    old = base.activities[base.activities["_path"] == "energy[0]"]["co2e_t"].iloc[0]
    assert inv.total.magnitude == pytest.approx(base.total.magnitude - old + 22000.0)


def test_explicit_factor_for_a_fuel_the_database_lacks():
    recs = pd.DataFrame(
        {
            "carrier": ["biomass_pellets"],
            "amount": [100.0],
            "unit": ["t"],
            "factor": ["0.05 tCO2e/t"],
        }
    )
    inv = inventory.from_records(recs)
    assert inv.total.m_as("tCO2e") == pytest.approx(5.0)
    assert inv.by_scope().set_index("scope").loc["scope_1", "co2e_t"] == pytest.approx(5.0)


def test_explicit_factor_by_key_and_unit_mismatch():
    recs = pd.DataFrame(
        {"carrier": ["heat"], "amount": [100.0], "unit": ["GJ"], "factor": ["heat.purchased"]}
    )
    assert inventory.from_records(recs).total.m_as("tCO2e") == pytest.approx(11.0)
    bad = pd.DataFrame(
        {"carrier": ["natural_gas"], "amount": [100.0], "unit": ["m^3"], "factor": ["2 kgCO2e/kg"]}
    )
    with pytest.raises(UnitError, match="factor"):
        inventory.from_records(bad, source="meters.csv")


def test_explicit_factor_on_a_process_entry(tmp_path):
    plant = _plant_with(
        tmp_path,
        "    gas: HFC-134a\n    amount: 25 kg\n",
        "    gas: HFC-134a\n    amount: 25 kg\n    factor: 1300 kgCO2e/kg\n",
        name="dyeing_mill.yaml",
    )
    inv = plant.inventory()
    row = inv.activities[inv.activities["_path"] == "process_emissions[1]"].iloc[0]
    assert row["co2e_t"] == pytest.approx(25 * 1300 / 1000)
    assert (row["amount"], row["unit"]) == (25.0, "kg")
