"""Product carbon footprints (greenchain.accounting.product_footprint) and their Monte Carlo."""

from __future__ import annotations

import copy
import json
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import greenchain as gc
from greenchain.accounting.product_footprint import (
    FootprintResult,
    inventory_monte_carlo,
)
from greenchain.errors import (
    FactorNotFound,
    FallbackWarning,
    InputError,
    UnitError,
    UnverifiedDataWarning,
)
from greenchain.interface.cli import main
from greenchain.interface.io import parse_plant
from greenchain.interface.plant import Plant

# MEE electricity carbon-footprint (life-cycle) factors, factors/grid_mee.csv
LIFECYCLE_2023 = 0.6205  # kgCO2e/kWh
LIFECYCLE_2024 = 0.5777
FUJIAN_AVERAGE_2023 = 0.4211  # kgCO2/kWh, MEE/NBS provincial average (inventory factor)
SHOE = str(gc.example_path("shoe_factory.yaml"))
TILE = str(gc.example_path("tile_plant.yaml"))


@pytest.fixture(autouse=True)
def _quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnverifiedDataWarning)
        yield


def _plant(data: dict) -> Plant:
    return Plant(parse_plant(data, source="test.yaml"), source="test.yaml")


def _two_products() -> dict:
    """Two tile products with explicit factors; 100 MWh shared, 10 MWh metered to a."""
    return {
        "plant": {"name": "Hand check", "region": "Fujian", "year": 2023},
        "products": [
            {
                "id": "a",
                "name": "Tile A",
                "output": "1000 m^2",
                "mass": "10 kg/m^2",
                "value": "50 wan_yuan",
                "footprint": {
                    "declared_unit": "1 m^2",
                    "materials": [{"name": "clay", "amount": "10 kg", "factor": "0.1 kgCO2e/kg"}],
                },
            },
            {
                "id": "b",
                "name": "Tile B",
                "output": "500 m^2",
                "mass": "20 kg/m^2",
                "value": "50 wan_yuan",
                "footprint": {
                    "declared_unit": "1 m^2",
                    "materials": [{"name": "clay", "amount": "20 kg", "factor": "0.1 kgCO2e/kg"}],
                },
            },
        ],
        "energy": [
            {"carrier": "electricity", "amount": "100 MWh"},
            {"carrier": "electricity", "amount": "10 MWh", "product": "a"},
        ],
    }


# ----------------------------------------------------------------------------- hand checks
# Shared electricity: 100 000 kWh x 0.6205 = 62 050 kgCO2e; metered to a: 10 000 x 0.6205
# = 6 205 kg. Materials: a 10 kg x 0.1 = 1.0, b 20 kg x 0.1 = 2.0 kgCO2e/m^2.
#
# Mass: a 1000 m^2 x 10 kg/m^2 = 10 t, b 500 x 20 = 10 t -> shares 0.5 / 0.5
#   a = 1.0 + 62 050 x 0.5 / 1000 + 6 205 / 1000 = 1.0 + 31.025 + 6.205 = 38.23
#   b = 2.0 + 62 050 x 0.5 / 500                  = 2.0 + 62.05         = 64.05
# Area: a 1000 m^2, b 500 m^2 -> shares 2/3, 1/3 (the same 41.3667 kg per m^2 each)
#   a = 1.0 + 62 050 / 1500 + 6.205 = 48.571667
#   b = 2.0 + 62 050 / 1500         = 43.366667
HAND = {
    "mass": {"a": 38.23, "b": 64.05},
    "area": {"a": 1.0 + 62050 / 1500 + 6.205, "b": 2.0 + 62050 / 1500},
    "economic": {"a": 38.23, "b": 64.05},  # equal values 50 / 50 wan yuan -> 0.5 / 0.5
}


@pytest.mark.parametrize("method", ["mass", "area", "economic"])
@pytest.mark.parametrize("pid", ["a", "b"])
def test_hand_checked_allocation(method, pid):
    why = "test: equal market values" if method == "economic" else None
    r = _plant(_two_products()).product_footprint(pid, allocation=method, justification=why)
    assert isinstance(r, FootprintResult)
    assert r.per_unit.m_as("kgCO2e/m^2") == pytest.approx(HAND[method][pid], rel=1e-12)
    assert r.allocation["method"] == method


def test_allocation_recorded():
    r = _plant(_two_products()).product_footprint("a", allocation="area")
    assert r.allocation["shares"] == pytest.approx({"a": 2 / 3, "b": 1 / 3})
    assert r.allocation["basis"] == {"a": "1000 m^2", "b": "500 m^2"}


def test_total_is_per_unit_times_output():
    r = _plant(_two_products()).product_footprint("b", allocation="mass")
    assert r.total.m_as("tCO2e") == pytest.approx(64.05 * 500 / 1000, rel=1e-12)
    # both products together carry the whole plant and all materials
    a = _plant(_two_products()).product_footprint("a", allocation="mass")
    plant_t = 110 * LIFECYCLE_2023  # 110 MWh x 0.6205 t/MWh
    materials_t = (1000 * 1.0 + 500 * 2.0) / 1000
    assert a.total.m_as("t") + r.total.m_as("t") == pytest.approx(plant_t + materials_t)


@pytest.mark.parametrize("method", ["mass", "area"])
def test_contributions_sum_to_per_unit(method):
    r = _plant(_two_products()).product_footprint("a", allocation=method)
    c = r.contributions
    assert list(c.columns) == ["stage", "item", "product", "kgco2e", "share"]
    assert c["kgco2e"].sum() == pytest.approx(r.per_unit.m_as("kgCO2e/m^2"), rel=1e-12)
    assert c["share"].sum() == pytest.approx(1.0)
    by_stage = r.by_stage().set_index("stage")["kgco2e"]
    assert by_stage["materials"] == pytest.approx(1.0)


def test_electricity_basis_changes_only_electricity():
    data = _two_products()
    data["energy"].append({"carrier": "natural_gas", "amount": "10000 m^3"})
    plant = _plant(data)
    life = plant.product_footprint("a", allocation="mass")
    grid = plant.product_footprint("a", allocation="mass", electricity="grid")
    assert life.electricity["basis"] == "lifecycle"
    assert life.electricity["factor"] == LIFECYCLE_2023
    assert life.electricity["region"] == "China"
    assert grid.electricity["basis"] == "average"
    assert grid.electricity["factor"] == FUJIAN_AVERAGE_2023
    lt = life.to_frame().set_index(["stage", "item"])["kgco2e"]
    gt = grid.to_frame().set_index(["stage", "item"])["kgco2e"]
    assert list(lt.index) == list(gt.index)
    elec = ("plant energy", "electricity")
    for key in lt.index:
        if key != elec:
            assert lt[key] == pytest.approx(gt[key], rel=1e-12)
    # electricity scales with the factor: (31.025 + 6.205) x 0.4211 / 0.6205
    assert gt[elec] == pytest.approx(37.23 * FUJIAN_AVERAGE_2023 / LIFECYCLE_2023, rel=1e-12)


def test_electricity_year_and_fallback():
    plant = _plant(_two_products())
    r = plant.product_footprint("b", allocation="mass", year=2024)
    assert r.electricity["factor"] == LIFECYCLE_2024
    with pytest.warns(FallbackWarning, match="2025; using 2024"):
        r = plant.product_footprint("b", allocation="mass", year=2025)
    assert r.electricity["year"] == 2024 and r.electricity["requested_year"] == 2025
    assert any("using 2024" in w for w in r.warnings)


def test_fuel_uses_inventory_co2e_including_ch4_n2o():
    data = _two_products()
    data["energy"] = [{"carrier": "natural_gas", "amount": "10000 m^3", "product": "b"}]
    plant = _plant(data)
    inv = plant.inventory()
    r = plant.product_footprint("b", allocation="mass")
    frame = r.to_frame().set_index(["stage", "item"])
    gas = frame.loc[("plant energy", "natural_gas"), "kgco2e"]
    co2e_t = float(inv.activities["co2e_t"].sum())
    assert co2e_t > float(inv.activities["co2_t"].sum())  # CH4 and N2O as CO2e
    assert gas == pytest.approx(co2e_t * 1000 / 500, rel=1e-12)


def _chain() -> dict:
    """slip -> body -> tile, physical shares 0.2 / 0.3 / 0.5 of 10 MWh."""
    return {
        "plant": {"name": "Chain", "region": "Fujian", "year": 2023},
        "products": [
            {
                "id": "tile",
                "name": "Tile",
                "output": "1000 m^2",
                "footprint": {
                    "declared_unit": "1 m^2",
                    "energy_share": 0.5,
                    "materials": [
                        {"name": "body", "amount": "2 kg", "made_in_plant": "body"},
                        {"name": "glaze", "amount": "0.5 kg", "factor": "1.0 kgCO2e/kg"},
                    ],
                },
            },
            {
                "id": "body",
                "name": "Pressed body",
                "output": "2000 kg",
                "footprint": {
                    "declared_unit": "1 kg",
                    "energy_share": 0.3,
                    "materials": [
                        {"name": "slip", "amount": "500 g", "made_in_plant": "slip"},
                        {"name": "additive", "amount": "0.1 kg", "factor": "2.0 kgCO2e/kg"},
                    ],
                },
            },
            {
                "id": "slip",
                "name": "Slip",
                "output": "1 t",
                "footprint": {
                    "declared_unit": "1 kg",
                    "energy_share": 0.2,
                    "materials": [{"name": "clay", "amount": "1.1 kg", "factor": "0.05 kgCO2e/kg"}],
                },
            },
        ],
        "energy": [{"carrier": "electricity", "amount": "10 MWh"}],
    }


def test_three_level_chain_solved():
    # electricity 10 000 kWh x 0.6205 = 6 205 kg, by physical shares per unit of output:
    #   slip  0.2 x 6205 / 1000 kg = 1.241   + clay 1.1 x 0.05 = 0.055     -> 1.296 /kg
    #   body  0.3 x 6205 / 2000 kg = 0.93075 + additive 0.1 x 2 = 0.2
    #         + 0.5 kg slip x 1.296 = 0.648                                -> 1.77875 /kg
    #   tile  0.5 x 6205 / 1000 m2 = 3.1025  + glaze 0.5 x 1 = 0.5
    #         + 2 kg body x 1.77875 = 3.5575                               -> 7.16 /m2
    plant = _plant(_chain())
    assert plant.product_footprint("slip").per_unit.m_as("kgCO2e/kg") == pytest.approx(1.296)
    assert plant.product_footprint("body").per_unit.m_as("kgCO2e/kg") == pytest.approx(1.77875)
    r = plant.product_footprint("tile")
    assert r.allocation["method"] == "physical"
    assert r.per_unit.m_as("kgCO2e/m^2") == pytest.approx(7.16, rel=1e-12)
    np.testing.assert_allclose(r.lca.supply, [1.0, 2.0, 1.0][::-1], rtol=1e-12)  # slip, body, tile
    # mass balance: the tile's output carries all plant electricity and all materials
    assert r.total.m_as("kgCO2e") == pytest.approx(6205 + 1000 * 0.055 + 2000 * 0.2 + 1000 * 0.5)
    by = r.contributions.groupby("product")["kgco2e"].sum()
    assert by["slip"] == pytest.approx(2 * 0.5 * 1.296)
    assert r.contributions["kgco2e"].sum() == pytest.approx(7.16)


def test_gate_to_gate_counts_plant_and_waste_only():
    data = _chain()
    data["products"][0]["footprint"]["waste"] = [
        {
            "name": "scrap",
            "amount": "0.2 kg",
            "factor": "0.5 kgCO2e/kg",
            "transport": [{"distance": "50 km", "mode": "truck", "factor": "0.1 kgCO2e/(t*km)"}],
        }
    ]
    r = _plant(data).product_footprint("tile", boundary="gate_to_gate")
    assert set(r.contributions["stage"]) == {"plant energy", "waste"}
    # electricity of all three in-plant steps (6.205 kg per m^2 of tile) + scrap 0.1
    assert r.per_unit.m_as("kgCO2e/m^2") == pytest.approx(6.205 + 0.1)
    full = _plant(data).product_footprint("tile")
    assert full.by_stage().set_index("stage").loc["transport", "kgco2e"] == pytest.approx(
        0.2 * 50 * 0.1 / 1000
    )


def test_transport_hand_check_and_factor_trail():
    data = _two_products()
    data["products"][1]["footprint"]["materials"][0]["transport"] = [
        {
            "distance": "200 km",
            "mode": "truck",
            "factor": "0.1 kgCO2e/(t*km)",
            "factor_source": "illustrative",
        }
    ]
    r = _plant(data).product_footprint("b", allocation="mass")
    c = r.to_frame().set_index(["stage", "item"])["kgco2e"]
    assert c[("transport", "clay (truck)")] == pytest.approx(20 / 1000 * 200 * 0.1)  # 0.4
    trail = r.factors.set_index("item")
    assert trail.loc["clay (truck)", "source"] == "illustrative"
    assert trail.loc["clay", "status"] == "unverified"
    assert trail.loc["clay", "factor"] == "explicit"
    assert "electricity.grid" in set(r.factors["factor"])


def test_database_factor_key_with_dataset_and_its_uncertainty():
    # IPCC 2006 diesel CO2 factor 74 100 kgCO2/TJ, 95 % bounds 72 600-74 800
    data = _two_products()
    data["products"][0]["footprint"]["materials"].append(
        {"name": "contractor diesel", "amount": "0.0001 TJ",
         "factor": "fuel.diesel.co2_factor (IPCC 2006)"}
    )  # fmt: skip
    r = _plant(data).product_footprint("a", allocation="mass")
    c = r.to_frame().set_index("item")["kgco2e"]
    assert c["contractor diesel"] == pytest.approx(0.0001 * 74100)
    row = r.factors.set_index("item").loc["contractor diesel"]
    assert row["factor"] == "fuel.diesel.co2_factor" and row["status"] == "transcribed"
    assert "IPCC 2006" in row["source"]
    mc = r.monte_carlo(n=2000, seed=5)
    assert mc.contribution_to_variance["fuel.diesel.co2_factor (IPCC 2006)"] == pytest.approx(1.0)


def test_physical_shares_below_one_leave_emissions_unallocated():
    data = _two_products()
    data["products"][0]["footprint"]["energy_share"] = 0.5
    data["products"][1]["footprint"]["energy_share"] = 0.3
    r = _plant(data).product_footprint("a")
    assert r.allocation["unallocated"] == pytest.approx(0.2)
    assert any("20.0 %" in w and "no product" in w for w in r.warnings)
    # a = 1.0 + 0.5 x 62 050 / 1000 + 6.205
    assert r.per_declared_unit == pytest.approx(1.0 + 31.025 + 6.205)


def test_gwp_set_is_passed_to_process_emissions():
    data = _two_products()
    data["process_emissions"] = [
        {"type": "refrigerant_leakage", "gas": "HFC-134a", "amount": "10 kg", "product": "b"}
    ]
    plant = _plant(data)
    ar5 = plant.product_footprint("b", allocation="mass", gwp="AR5")
    ar6 = plant.product_footprint("b", allocation="mass", gwp="AR6")
    p5 = ar5.to_frame().set_index("stage").loc["process", "kgco2e"]
    p6 = ar6.to_frame().set_index("stage").loc["process", "kgco2e"]
    assert p5 == pytest.approx(10 * gc.gwp("HFC-134a", "AR5") / 500)
    assert p6 == pytest.approx(10 * gc.gwp("HFC-134a", "AR6") / 500)
    assert ar5.to_pact()["pcf"]["characterizationFactors"] == "AR5"


@settings(max_examples=15)
@given(kg=st.floats(0.01, 100), ef=st.floats(0.001, 10))
def test_unit_invariance_and_linearity(kg, ef):
    def per_unit(amount: str, factor: str) -> float:
        data = _two_products()
        data["products"][0]["footprint"]["materials"][0].update(amount=amount, factor=factor)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _plant(data).product_footprint("a", allocation="mass").per_declared_unit

    base = per_unit(f"{kg} kg", f"{ef} kgCO2e/kg")
    assert per_unit(f"{kg * 1000} g", f"{ef * 1000} kgCO2e/t") == pytest.approx(base, rel=1e-9)
    assert base == pytest.approx(37.23 + kg * ef, rel=1e-9)


# ----------------------------------------------------------------------------- Monte Carlo
def test_mc_without_uncertainty_equals_deterministic():
    r = _plant(_chain()).product_footprint("tile")
    mc = r.monte_carlo(n=500, seed=1)
    assert np.all(mc.samples == mc.samples[0])
    assert mc.deterministic == pytest.approx(r.per_declared_unit, rel=1e-12)
    assert mc.samples[0] == pytest.approx(r.per_declared_unit, rel=1e-12)
    assert mc.contribution_to_variance.sum() == 0


def _uncertain() -> dict:
    data = _chain()
    data["energy"][0]["uncertainty"] = {"kind": "normal", "sd": "5 %"}
    tile = data["products"][0]["footprint"]["materials"]
    tile[1]["uncertainty"] = {
        "amount": {"kind": "normal", "sd": "0.05 kg"},
        "factor": {"kind": "uniform", "low": "30 %", "high": "30 %"},
    }
    slip = data["products"][2]["footprint"]["materials"]
    slip[0]["uncertainty"] = {"kind": "triangular", "low": "1.0 kg", "high": "1.3 kg"}
    data["products"][0]["footprint"]["materials"][0]["uncertainty"] = {
        "kind": "uniform",
        "low": "1.9 kg",
        "high": "2.1 kg",
    }  # the in-plant body per m^2
    return data


def test_mc_mean_close_to_deterministic_and_reproducible():
    r = _plant(_uncertain()).product_footprint("tile")
    mc = r.monte_carlo(n=10_000, seed=42)
    assert mc.n == 10_000
    assert mc.mean == pytest.approx(r.per_declared_unit, rel=0.01)
    assert mc.p5 < r.per_declared_unit < mc.p95
    assert mc.std > 0
    ctv = mc.contribution_to_variance
    assert ctv.sum() == pytest.approx(1.0)
    assert ctv["energy[0].amount"] > 0.5  # 5 % of 6.205 kg dominates
    assert ctv["products[0].footprint.materials[1].factor"] > 0
    assert ctv["products[0].footprint.materials[0].amount"] > 0  # the in-plant edge
    again = r.monte_carlo(n=10_000, seed=42)
    np.testing.assert_array_equal(mc.samples, again.samples)
    other = r.monte_carlo(n=10_000, seed=43)
    assert not np.array_equal(mc.samples, other.samples)
    assert mc.info["unit"] == "kgCO2e per 1 m²"


def test_mc_uniform_relative_factor_spread():
    # clay factor U(0.07, 0.13): sd = 0.06 / sqrt(12); x 10 kg per m^2
    data = _two_products()
    data["products"][0]["footprint"]["materials"][0]["uncertainty"] = {
        "factor": {"kind": "uniform", "low": "30 %", "high": "30 %"}
    }
    mc = _plant(data).product_footprint("a", allocation="mass").monte_carlo(n=2000, seed=0)
    assert mc.info["expected_std"] == pytest.approx(10 * 0.06 / np.sqrt(12), rel=1e-12)
    assert mc.contribution_to_variance.to_dict()[
        "products[0].footprint.materials[0].factor"
    ] == pytest.approx(1.0)


def test_inventory_monte_carlo_database_factor_uncertainty():
    # IPCC 2006 natural gas NCV 48.0 GJ/t with 95 % bounds 46.5-50.4 (factors/fuels_ipcc2006.csv)
    data = {
        "plant": {"name": "Gas", "region": "Fujian", "year": 2023},
        "energy": [
            {"carrier": "natural_gas", "amount": "100 t", "dataset": "IPCC 2006"},
            {
                "carrier": "electricity",
                "amount": "1000 MWh",
                "uncertainty": {"kind": "normal", "sd": "20 MWh"},
            },
        ],
    }
    plant = _plant(data)
    inv = plant.inventory()
    mc = inventory_monte_carlo(inv, plant, n=10_000, seed=7)
    assert mc.deterministic == pytest.approx(inv.total.m_as("tCO2e"), rel=1e-12)
    assert mc.mean == pytest.approx(mc.deterministic, rel=0.01)
    ctv = mc.contribution_to_variance
    assert ctv["fuel.natural_gas.ncv (IPCC 2006)"] > 0
    assert ctv["energy[1].amount"] > 0
    assert ctv.sum() == pytest.approx(1.0)
    # no plant: only factor uncertainty is sampled
    alone = inventory_monte_carlo(inv, None, n=1000, seed=7)
    assert "energy[1].amount" in alone.contribution_to_variance.index
    assert alone.contribution_to_variance["energy[1].amount"] == 0


def test_inventory_monte_carlo_tile_is_deterministic_without_uncertainty():
    plant = gc.load_plant(TILE)
    inv = plant.inventory()
    mc = inventory_monte_carlo(inv, plant, n=200, seed=1)
    assert np.all(mc.samples == mc.samples[0])
    assert mc.samples[0] == pytest.approx(inv.total.m_as("tCO2e"), rel=1e-12)


# ----------------------------------------------------------------------------- bad input
def test_product_without_output_is_named():
    data = _two_products()
    del data["products"][1]["output"]
    with pytest.raises(InputError, match=r"products\[1\]\.output"):
        parse_plant(data, source="test.yaml")
    data["products"][1]["output"] = "0 m^2"
    with pytest.raises(InputError, match=r"products\[1\]\.output.*greater than zero"):
        parse_plant(data, source="test.yaml")
    plant = _plant(_two_products())
    plant.data.products[1].output = None  # bypassing validation (e.g. an API caller)
    with pytest.raises(InputError, match=r"products\[1\]\.output.*'b' has no output"):
        plant.product_footprint("a", allocation="mass")


def test_output_not_in_declared_unit():
    data = _two_products()
    data["products"][0]["footprint"]["declared_unit"] = "1 pair"
    with pytest.raises(UnitError, match=r"products\[0\]\.output.*'a'.*declared unit"):
        _plant(data).product_footprint("a", allocation="mass")


def test_physical_shares_above_one():
    data = _two_products()
    data["products"][0]["footprint"]["energy_share"] = 0.7
    data["products"][1]["footprint"]["energy_share"] = 0.5
    with pytest.raises(InputError, match=r"energy_share.*1\.2 > 1.*a 0\.7, b 0\.5"):
        _plant(data).product_footprint("a")


def test_physical_share_missing_for_product():
    data = _two_products()
    data["products"][1]["footprint"]["energy_share"] = 0.5
    with pytest.raises(InputError, match=r"products\[0\]\.footprint\.energy_share.*'a'"):
        _plant(data).product_footprint("a")


def test_missing_factor_is_an_error_not_zero():
    data = _two_products()
    del data["products"][0]["footprint"]["materials"][0]["factor"]
    with pytest.raises(InputError, match=r"materials\[0\]\.factor.*'a'.*'clay'.*no factor"):
        _plant(data).product_footprint("a", allocation="mass")


def test_unknown_factor_key():
    data = _two_products()
    data["products"][0]["footprint"]["materials"][0]["factor"] = "material.unobtainium"
    with pytest.raises(FactorNotFound, match=r"materials\[0\]\.factor.*'clay'"):
        _plant(data).product_footprint("a", allocation="mass")


def test_unit_mismatch_names_product_and_field():
    data = _two_products()
    data["products"][0]["footprint"]["materials"][0]["amount"] = "2 m^2"
    with pytest.raises(UnitError, match=r"materials\[0\]\.factor.*'a'.*'clay'.*kgCO2e/kg.*m²"):
        _plant(data).product_footprint("a", allocation="mass")


def test_transport_needs_mass():
    data = _two_products()
    data["products"][0]["footprint"]["materials"][0].update(
        amount="2 m^2",
        factor="0.5 kgCO2e/m^2",
        transport=[{"distance": "10 km", "mode": "truck", "factor": "0.1 kgCO2e/(t*km)"}],
    )
    with pytest.raises(UnitError, match=r"transport\[0\].*mass of the material"):
        _plant(data).product_footprint("a", allocation="mass")


def test_multi_product_plant_needs_allocation():
    with pytest.raises(InputError, match="choose an allocation"):
        _plant(_two_products()).product_footprint("a")
    data = _two_products()
    data["allocation"] = {"method": "area"}
    r = _plant(data).product_footprint("b")
    assert r.allocation["method"] == "area"


def test_allocation_data_missing():
    data = _two_products()
    del data["products"][1]["mass"]
    with pytest.raises(InputError, match=r"products\[1\]\.mass.*'b'"):
        _plant(data).product_footprint("a", allocation="mass")
    with pytest.raises(InputError, match="allocation must be one of"):
        _plant(_two_products()).product_footprint("a", allocation="volume")


def test_made_in_plant_errors():
    data = _chain()
    data["products"][0]["footprint"]["materials"][0]["made_in_plant"] = "nope"
    with pytest.raises(InputError, match=r"materials\[0\]\.made_in_plant.*'nope'"):
        _plant(data).product_footprint("tile")
    data = _chain()
    data["products"][2]["footprint"]["materials"].append(
        {"name": "recycled tile", "amount": "0.1 m^2", "made_in_plant": "tile"}
    )
    with pytest.raises(InputError, match="loop: tile -> body -> slip -> tile"):
        _plant(data).product_footprint("tile")
    data = _chain()
    data["products"][0]["footprint"]["materials"][0]["amount"] = "2 m^2"
    with pytest.raises(UnitError, match=r"materials\[0\]\.amount.*declared unit of 'body'"):
        _plant(data).product_footprint("tile")


@pytest.mark.parametrize(
    ("spec", "needle"),
    [
        ({"kind": "gaussian"}, "kind must be one of"),
        ({"kind": "normal"}, "normal takes sd"),
        ({"kind": "uniform", "low": "1 MWh", "high": "2 MWh"}, "low <= value <= high"),
        ({"kind": "normal", "sd": "1 m^2"}, "not compatible with the value's unit MWh"),
        ({"sd": "5 %"}, "expected a mapping such as"),
    ],
)
def test_bad_uncertainty_spec(spec, needle):
    data = _two_products()
    data["energy"][0]["uncertainty"] = spec
    with pytest.raises(InputError, match=rf"energy\[0\]\.uncertainty.*{needle}"):
        _plant(data).product_footprint("a", allocation="mass")


def test_bad_boundary_and_electricity():
    plant = _plant(_two_products())
    with pytest.raises(InputError, match="boundary"):
        plant.product_footprint("a", allocation="mass", boundary="cradle_to_grave")
    with pytest.raises(InputError, match="electricity"):
        plant.product_footprint("a", allocation="mass", electricity="fossil")
    with pytest.raises(InputError, match="unknown product"):
        plant.product_footprint("c")


# ----------------------------------------------------------------------------- examples
def test_shoe_example():
    plant = gc.load_plant(SHOE)
    with pytest.warns(UnverifiedDataWarning):
        r = plant.product_footprint("running_shoe")
    per_pair = r.per_unit.m_as("kgCO2e/pair")
    assert per_pair > 0
    # plausibility anchors (green_criteria.md 7.3): below the MIT 14 kg per pair
    assert per_pair < 14
    stages = r.by_stage().set_index("stage")["kgco2e"]
    assert {"materials", "packaging", "transport", "plant energy", "waste"} <= set(stages.index)
    assert (stages > 0).all()
    assert stages.sum() == pytest.approx(per_pair, rel=1e-12)
    assert r.allocation["method"] == "physical"
    assert "eva_midsole" in set(r.contributions["product"])  # made in the plant
    assert r.primary_data_share == 0.27
    mc = r.monte_carlo(n=2000, seed=3)
    assert mc.mean == pytest.approx(per_pair, rel=0.02)


def test_tile_example_footprint_and_inventory_unchanged():
    plant = gc.load_plant(TILE)
    r = plant.product_footprint("porcelain_tile")
    assert r.allocation["method"] == "single product"
    assert r.declared_unit == gc.Q_(1, "m^2")
    inv = plant.inventory()
    by = r.by_stage().set_index("stage")["kgco2e"]
    # process CO2 is the inventory's, spread over 6 000 000 m^2
    process_t = float(
        inv.activities.loc[inv.activities["category"] == "industrial_process", "co2e_t"].sum()
    )
    assert by["process"] == pytest.approx(process_t * 1000 / 6e6, rel=1e-12)
    assert r.contributions["kgco2e"].sum() == pytest.approx(r.per_declared_unit)


def test_pact_export():
    r = gc.load_plant(SHOE).product_footprint("running_shoe")
    pact = r.to_pact()
    assert {"id", "specVersion", "productIds", "companyName", "pcf", "created"} <= set(pact)
    pcf = pact["pcf"]
    keys = {
        "declaredUnit",
        "unitaryProductAmount",
        "pCfExcludingBiogenic",
        "primaryDataShare",
        "referencePeriodStart",
        "referencePeriodEnd",
        "characterizationFactors",
        "boundaryProcessesDescription",
        "crossSectoralStandardsUsed",
    }
    assert keys <= set(pcf)
    assert pcf["declaredUnit"] == "kilogram"  # a pair at products[].mass 0.62 kg
    assert pcf["unitaryProductAmount"] == pytest.approx(0.62)
    assert pcf["pCfExcludingBiogenic"] == pytest.approx(r.per_declared_unit / 0.62)
    assert pcf["primaryDataShare"] == pytest.approx(27.0)
    assert pcf["characterizationFactors"] == "AR6"
    assert pcf["referencePeriodStart"] == "2023-01-01T00:00:00Z"
    assert pact["extensions"][0]["data"]["boundary"] == "cradle_to_gate"
    json.dumps(pact)
    tile = gc.load_plant(TILE).product_footprint("porcelain_tile").to_pact()["pcf"]
    assert tile["declaredUnit"] == "square meter" and tile["unitaryProductAmount"] == 1.0
    assert tile["primaryDataShare"] is None


def test_to_dict_is_json():
    r = _plant(_chain()).product_footprint("tile")
    d = json.loads(json.dumps(r.to_dict()))
    assert d["per_declared_unit_kgco2e"] == pytest.approx(7.16)
    assert d["allocation"]["method"] == "physical"
    assert d["electricity"]["factor"] == LIFECYCLE_2023


# ----------------------------------------------------------------------------- CLI
def test_cli_choices_match_module():
    from greenchain.accounting import product_footprint
    from greenchain.interface.cli import footprint as footprint_cli

    assert footprint_cli.ALLOCATIONS == product_footprint.ALLOCATIONS
    assert footprint_cli.BOUNDARIES == product_footprint.BOUNDARIES


def test_cli_json(capsys):
    assert (
        main(
            [
                "footprint",
                SHOE,
                "--product",
                "running_shoe",
                "--format",
                "json",
                "--monte-carlo",
                "500",
                "--seed",
                "1",
            ]
        )
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert out["per_declared_unit_kgco2e"] > 0
    assert out["monte_carlo"]["n"] == 500
    assert sum(out["by_stage"].values()) == pytest.approx(out["per_declared_unit_kgco2e"])


def test_cli_table_and_csv(capsys):
    assert main(["footprint", TILE]) == 0
    out = capsys.readouterr().out
    assert "kgCO2e per 1 m²" in out and "plant energy" in out
    assert main(["footprint", TILE, "--boundary", "gate_to_gate", "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("stage,item,product,kgco2e,share")


def test_cli_pact(capsys):
    assert main(["footprint", SHOE, "--product", "running_shoe", "--pact"]) == 0
    pact = json.loads(capsys.readouterr().out)
    assert {"productIds", "pcf"} <= set(pact)
    assert {
        "declaredUnit",
        "unitaryProductAmount",
        "pCfExcludingBiogenic",
        "primaryDataShare",
    } <= set(pact["pcf"])


def test_cli_errors(capsys, tmp_path):
    assert main(["footprint", SHOE]) == 2
    assert "--product" in capsys.readouterr().err
    data = copy.deepcopy(_two_products())
    path = tmp_path / "two.yaml"
    import yaml

    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert main(["footprint", str(path), "--product", "a"]) == 2
    err = capsys.readouterr().err
    assert "choose an allocation" in err and "two.yaml" in err
    assert main(["footprint", str(path), "--product", "a", "--allocation", "mass"]) == 0


def test_explicit_energy_factor_flows_into_the_footprint(tmp_path):
    """An explicit factor on energy[0] changes only that row's plant-energy contribution."""
    import warnings as _w

    text = gc.example_path("tile_plant.yaml").read_text(encoding="utf-8")
    old = "    amount: 11000000 m^3       # roller kilns (2 lines)\n"
    path = tmp_path / "tile.yaml"
    path.write_text(
        text.replace(old, "    amount: 11000000 m^3\n    factor: 2.0 kgCO2e/m^3\n"),
        encoding="utf-8",
    )
    with _w.catch_warnings():
        _w.simplefilter("ignore")
        base = gc.load_plant(gc.example_path("tile_plant.yaml"))
        plant = gc.load_plant(path)
        before = base.product_footprint("porcelain_tile", fuel_supply=None)
        after = plant.product_footprint("porcelain_tile", fuel_supply=None)
        old_t = base.inventory().activities.query("_path == 'energy[0]'")["co2e_t"].iloc[0]
        mc = after.monte_carlo(n=200, seed=1)
    shift = (22000.0 - old_t) * 1000 / 6e6  # kgCO2e per m2
    assert after.per_unit.magnitude == pytest.approx(before.per_unit.magnitude + shift)
    assert mc.deterministic == pytest.approx(after.per_unit.magnitude)
