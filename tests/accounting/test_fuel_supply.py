"""Fuel supply chains in cradle-to-gate product footprints (issue #13, E1).

Published rows (UK government GHG conversion factors 2025, sheet "WTT- fuels",
kg CO2e per kWh, net CV): natural gas 0.03347, LNG 0.07214, diesel (100 % mineral)
0.06291, coal (industrial) 0.05925.

Tile plant by hand (examples/data/tile_plant.yaml, 6,000,000 m^2, one product):

* natural gas 19,500,000 m^3 x 389.31 GJ / 10^4 Nm^3 = 759,154.5 GJ
  = 210,876,250 kWh x 0.03347 kg/kWh                       = 7,058,028.1 kgCO2e
* diesel 120 t x 42.652 GJ/t = 5,118.24 GJ = 1,421,733.3 kWh x 0.06291
                                                            = 89,441.2 kgCO2e
* per m^2: (7,058,028.1 + 89,441.2) / 6,000,000             = 1.19124 kgCO2e/m^2
"""

from __future__ import annotations

import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

import greenchain as gc
from greenchain import Q_
from greenchain.accounting.fuel_supply import (
    fuel_energy,
    fuel_supply_emissions,
    supply_chain_factor,
    supply_datasets,
)
from greenchain.data import factors
from greenchain.data.plant_file import PlantData
from greenchain.errors import InputError
from greenchain.interface.plant import Plant

GAS_KWH = 19_500_000 * 389.31 / 10_000 / 0.0036
DIESEL_KWH = 120 * 42.652 / 0.0036
TILE_SUPPLY = (GAS_KWH * 0.03347 + DIESEL_KWH * 0.06291) / 6_000_000


def _quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


@pytest.fixture(scope="module")
def tile():
    return gc.load_plant(gc.example_path("tile_plant.yaml"))


@pytest.mark.parametrize(
    ("fuel", "value", "row"),
    [
        ("natural_gas", 0.03347, "Natural gas"),
        ("lng", 0.07214, "LNG"),
        ("diesel", 0.06291, "Diesel (100% mineral diesel)"),
        ("bituminous_coal", 0.05925, "Coal (industrial)"),
        ("lpg", 0.02736, "LPG"),
        ("fuel_oil", 0.06291, "Fuel oil"),
    ],
)
def test_published_rows(fuel, value, row):
    f = _quiet(supply_chain_factor, fuel)
    assert f is not None
    assert f.value == value  # five decimals as published
    assert f.unit == "kgCO2e/kWh" and f.basis == "net_cv"
    assert row in f.source_ref and f.dataset == "DESNZ 2025"
    assert f.status == "unverified"


def test_fuels_without_a_row_have_none():
    for fuel in ("coke", "coke_oven_gas", "blast_furnace_gas", "refinery_gas", "crude_oil"):
        assert supply_chain_factor(fuel) is None


def test_hand_numbers():
    assert GAS_KWH * 0.03347 == pytest.approx(7_058_028.1, abs=0.1)
    assert DIESEL_KWH * 0.06291 == pytest.approx(89_441.2, abs=0.1)
    assert TILE_SUPPLY == pytest.approx(1.19124, abs=1e-5)


def test_function_against_hand_value():
    q = _quiet(fuel_supply_emissions, "natural_gas", Q_(19_500_000, "m^3"))
    assert q.m_as("kgCO2e") == pytest.approx(GAS_KWH * 0.03347, rel=1e-12)
    assert fuel_energy("diesel", Q_(120, "t")).m_as("GJ") == pytest.approx(5118.24, rel=1e-12)


def test_measured_ncv_replaces_the_default():
    q = _quiet(fuel_supply_emissions, "diesel", Q_(1, "t"), ncv=Q_(36, "GJ/t"))
    assert q.m_as("kgCO2e") == pytest.approx(36 / 0.0036 * 0.06291, rel=1e-12)


def test_tile_footprint_includes_fuel_supply(tile):
    r = _quiet(tile.product_footprint, "porcelain_tile")
    r0 = _quiet(tile.product_footprint, "porcelain_tile", fuel_supply=None)
    stages = r.by_stage().set_index("stage")["kgco2e"]
    assert stages["fuel supply"] == pytest.approx(TILE_SUPPLY, rel=1e-9)
    assert r.per_declared_unit == pytest.approx(r0.per_declared_unit + TILE_SUPPLY, rel=1e-12)
    assert round(r0.per_declared_unit, 2) == 11.41  # combustion only, as before
    assert "fuel supply" not in set(r0.by_stage()["stage"])
    assert r.options["fuel_supply"] == "DESNZ 2025"
    assert "DESNZ 2025" in r.fuel_supply_statement and "unverified" in r.fuel_supply_statement
    assert r0.fuel_supply_statement == "fuel supply chains not included"
    pact = r.to_pact()
    assert "DESNZ 2025" in str(pact)


def test_audit_appendix_lists_each_upstream_factor(tile):
    r = _quiet(tile.product_footprint, "porcelain_tile")
    rows = r.factors[r.factors["stage"] == "fuel supply"].set_index("item")
    assert set(rows.index) == {"natural_gas", "diesel"}
    assert rows.loc["natural_gas", "value"] == 0.03347
    assert "WTT- fuels" in rows.loc["natural_gas", "source"]
    assert set(rows["status"]) == {"unverified"}
    assert any("natural_gas ((plant))" in w for w in r.warnings)  # results say unverified


def test_gate_to_gate_leaves_fuel_supply_out(tile):
    r = _quiet(tile.product_footprint, "porcelain_tile", boundary="gate_to_gate")
    assert "fuel supply" not in set(r.by_stage()["stage"])
    assert r.options["fuel_supply"] is None
    assert "gate to gate" in r.fuel_supply_statement


def test_unknown_dataset_is_an_error(tile):
    with pytest.raises(InputError) as err:
        _quiet(tile.product_footprint, "porcelain_tile", fuel_supply="no such set")
    assert err.value.field == "fuel_supply"
    assert "DESNZ 2025" in str(err.value)


def test_fuel_without_factor_is_named():
    data = PlantData.model_validate(
        {
            "plant": {"name": "Coke user", "region": "Fujian", "year": 2023},
            "products": [{"id": "x", "name": "X", "output": "1000 t"}],
            "energy": [{"carrier": "coke", "amount": "100 t"}],
        }
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        r = Plant(data).product_footprint("x")
    assert "fuel supply" not in set(r.by_stage()["stage"])
    assert any("coke" in str(w.message) and "supply chain" in str(w.message) for w in caught)


def test_user_supply_chain_set(tmp_path, tile):
    path = tmp_path / "cn_supply.csv"
    row = (
        "fuel.natural_gas.supply_chain,Natural gas upstream (user),,10,kgCO2e/GJ,"
        "My CN set,mine,,,,,CO2e,official,,,,"
    )
    path.write_text(",".join(factors.COLUMNS) + "\n" + row + "\n", encoding="utf-8")
    factors.load_user(path)
    try:
        assert "My CN set" in supply_datasets()
        r = _quiet(tile.product_footprint, "porcelain_tile", fuel_supply="my cn set")
        stages = r.by_stage().set_index("stage")["kgco2e"]
        gas_gj = 19_500_000 * 389.31 / 10_000
        assert stages["fuel supply"] == pytest.approx(gas_gj * 10 / 6_000_000, rel=1e-9)
        assert any("diesel" in w and "supply chain" in w for w in r.warnings)
    finally:
        factors.clear_user()


@given(
    amount=st.floats(min_value=0, max_value=1e9, allow_nan=False),
    k=st.floats(min_value=0, max_value=100, allow_nan=False),
)
def test_linear_and_non_negative(amount, k):
    one = _quiet(fuel_supply_emissions, "lng", Q_(amount, "t")).m_as("kgCO2e")
    scaled = _quiet(fuel_supply_emissions, "lng", Q_(amount * k, "t")).m_as("kgCO2e")
    assert one >= 0
    assert scaled == pytest.approx(k * one, rel=1e-9, abs=1e-6)
