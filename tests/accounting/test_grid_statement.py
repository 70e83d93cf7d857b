"""The grid basis stated in every inventory (issue #13, Q3)."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import greenchain as gc
from greenchain.accounting.inventory import from_records
from greenchain.accounting.inventory.grid_statement import region_level


def _caught(fn, *args, **kwargs):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        result = fn(*args, **kwargs)
    return result, [str(x.message) for x in w]


def _records(region: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "carrier": ["electricity"],
            "amount": [1000.0],
            "unit": ["MWh"],
            "region": region,
            "year": 2023,
        }
    )


def test_provincial_average_is_stated_and_caveated():
    r, messages = _caught(from_records, _records("Fujian"))
    g = r.options["grid"]
    assert g["basis"] == "average"
    assert g["factors"][0]["level"] == "province"
    assert g["factors"][0]["value"] == 0.4211
    assert "Fujian 2023 (province) 0.4211" in g["text"]
    assert any(m.startswith("GB/T 32150 report: electricity at the provincial") for m in messages)
    # 1 000 MWh x 0.4211 tCO2/MWh
    assert r.total.m_as("tCO2e") == pytest.approx(421.1)


def test_regional_grid_is_stated_without_caveat():
    r, messages = _caught(from_records, _records("East China"))
    assert r.options["grid"]["factors"][0]["level"] == "regional grid"
    assert not any("GB/T 32150 report" in m for m in messages)
    # East China 2023: 0.5500 kgCO2/kWh (method_review.md §1.4)
    assert r.total.m_as("tCO2e") == pytest.approx(550.0)


def test_other_regimes_state_the_basis_without_the_gbt32150_caveat():
    plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
    r, messages = _caught(plant.inventory, regime="ghg_protocol")
    assert r.options["grid"]["factors"]
    assert not any("GB/T 32150 report" in m for m in messages)
    r, messages = _caught(plant.inventory, regime="gbt32150")
    assert any("GB/T 32150 report" in m for m in messages)


def test_no_electricity():
    records = pd.DataFrame({"carrier": ["natural_gas"], "amount": [1e4], "unit": ["m^3"]})
    r, messages = _caught(from_records, records)
    assert r.options["grid"] == {"basis": "average", "factors": [], "text": "no grid electricity"}


def test_footprint_is_not_a_gbt32150_report():
    plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
    _, messages = _caught(plant.product_footprint, "porcelain_tile", electricity="grid")
    assert not any("GB/T 32150 report" in m for m in messages)


def test_region_levels():
    assert region_level("Fujian") == "province"
    assert region_level("East China") == "regional grid"
    assert region_level("national") == "national"
    assert region_level(None) == "unknown"
