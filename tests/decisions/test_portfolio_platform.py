"""The twelve energy-carbon platform functions of GB/T 36132-2025 indicator 4."""

from __future__ import annotations

import pytest

from greenchain.decisions.portfolio import platform_functions
from greenchain.decisions.portfolio.platform import ANALYSES
from greenchain.decisions.scoring import load_scheme
from greenchain.errors import InputError


def test_the_table_matches_the_scheme_count_items():
    table = platform_functions([])
    indicator = load_scheme("GB/T 36132-2025").indicator("energy_carbon_platform")
    items = [(i.id, i.name_zh, i.name_en) for i in indicator.count_items]
    assert list(zip(table["id"], table["name_zh"], table["name_en"], strict=True)) == items
    assert table["no"].tolist() == list(range(1, 13))
    assert set(table["status"]) == {"official"} and set(table["source_id"]) == {
        "gbt36132-2025-text"
    }
    assert table.attrs["count"] == 0 and not table["provided"].any()


def test_provided_from_what_was_computed():
    table = platform_functions(["energy", "inventory", "rank", "budget_status"]).set_index("id")
    provided = set(table.index[table["provided"]])
    assert provided == {
        "energy_query",
        "consumption_intensity_calculation",
        "efficiency_benchmarking",
        "energy_carbon_budget",
        "carbon_accounting",
    }
    assert table.loc["efficiency_benchmarking", "by"] == "rank"
    everything = platform_functions(ANALYSES)
    # supply chain, balance/optimisation, verification support and carbon assets: not provided
    assert everything.attrs["count"] == 8


def test_unknown_analysis():
    with pytest.raises(InputError) as info:
        platform_functions(["telepathy"])
    assert info.value.field == "computed" and "budget_status" in str(info.value)
