"""Standings and rankings of many plants (greenchain.decisions.portfolio.rankings).

Hand-made frames whose ranks, percentiles, bottom flags and year-on-year changes are
worked out by hand in the comments; the norm standings are checked against the GB
21252-2023 rows shipped in ``factors/limits_gb21252-2023.csv``.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import greenchain as gc
from greenchain.decisions.grading import product_limits
from greenchain.decisions.portfolio import norm_limits, norm_standing, rank, specific_energy
from greenchain.errors import InputError, UnitError, UnverifiedDataWarning


def _league() -> pd.DataFrame:
    # two groups in 2024: ceramics/Jinjiang (5 plants) and dyeing/Jinjiang (2 plants)
    return pd.DataFrame(
        {
            "plant_id": ["A", "B", "C", "D", "E", "F", "G"],
            "year": 2024,
            "sector": ["ceramics"] * 5 + ["dyeing"] * 2,
            "region": "Jinjiang",
            "tce_per_unit": [4.0, 5.0, 3.0, 6.0, 5.0, 1.2, 0.9],
        }
    )


def test_rank_and_percentile_by_hand():
    t = rank(_league(), bottom_share=0.2).set_index("plant_id")
    # ceramics sorted: C 3.0 (1), A 4.0 (2), B = E 5.0 (3, 3 with method min), D 6.0 (5)
    assert t.loc[list("CABED"), "rank"].tolist() == [1, 2, 3, 3, 5]
    assert t.loc[list("CABED"), "percentile"].tolist() == [20.0, 40.0, 60.0, 60.0, 100.0]
    assert set(t.loc[list("ABCDE"), "n"]) == {5}
    # dyeing: G 0.9 (1 of 2), F 1.2 (2 of 2)
    assert t.loc[["G", "F"], "rank"].tolist() == [1, 2]
    assert t.loc[["G", "F"], "percentile"].tolist() == [50.0, 100.0]


def test_bottom_share_flags_ceil_share_of_each_group():
    t = rank(_league(), bottom_share=0.2).set_index("plant_id")
    # ceil(0.2 x 5) = 1 ceramics plant (D); ceil(0.2 x 2) = 1 dyeing plant (F)
    assert sorted(t.index[t["bottom"]]) == ["D", "F"]
    t = rank(_league(), bottom_share=0.4).set_index("plant_id")
    # ceil(0.4 x 5) = 2 worst: D (worst rank 1) and B = E tied (worst rank 2): all three
    assert sorted(t.index[t["bottom"]]) == ["B", "D", "E", "F"]
    assert not rank(_league(), bottom_share=0.0)["bottom"].any()


def test_a_plant_alone_in_its_group_is_not_flagged():
    t = rank(_league().iloc[[0]], bottom_share=0.5)
    assert t["rank"].tolist() == [1] and not t["bottom"].any()


def test_within_nothing_ranks_every_plant_of_the_period_together():
    t = rank(_league(), within=(), bottom_share=0.1).set_index("plant_id")
    assert t.loc["G", "rank"] == 1 and t.loc["D", "rank"] == 7
    assert t.index[t["bottom"]].tolist() == ["D"]


def test_higher_is_better_reverses():
    t = rank(_league(), metric="tce_per_unit", higher_is_better=True).set_index("plant_id")
    assert t.loc["D", "rank"] == 1 and t.loc["C", "rank"] == 5


def test_missing_value_is_not_ranked():
    frame = _league()
    frame.loc[0, "tce_per_unit"] = np.nan
    t = rank(frame).set_index("plant_id")
    assert pd.isna(t.loc["A", "rank"]) and not t.loc["A", "bottom"]
    assert t.loc["C", "n"] == 4 and t.loc["D", "rank"] == 4


def test_year_on_year_change():
    frame = pd.DataFrame(
        {
            "plant_id": ["A", "A", "B", "B", "C"],
            "year": [2023, 2024, 2023, 2024, 2024],
            "sector": "ceramics",
            "region": "Jinjiang",
            "tce_per_unit": [5.0, 4.5, 6.0, 6.6, 3.0],
        }
    )
    t = rank(frame).set_index(["plant_id", "year"])
    assert t.loc[("A", 2024), "previous"] == 5.0
    assert t.loc[("A", 2024), "yoy_change"] == pytest.approx(-0.5)
    assert t.loc[("A", 2024), "yoy_percent"] == pytest.approx(-10.0)
    assert t.loc[("B", 2024), "yoy_percent"] == pytest.approx(10.0)
    assert pd.isna(t.loc[("C", 2024), "previous"]) and pd.isna(t.loc[("A", 2023), "yoy_change"])
    # ranks are per year: A is 1st of 2 in 2023, 2nd of 3 in 2024
    assert t.loc[("A", 2023), "rank"] == 1 and t.loc[("A", 2024), "rank"] == 2


def test_monthly_year_on_year_compares_the_same_month():
    frame = pd.DataFrame(
        {
            "plant_id": "A",
            "month": ["2023-01", "2023-02", "2024-01", "2024-02"],
            "tce": [10.0, 20.0, 12.0, 15.0],
        }
    )
    t = rank(frame, metric="tce", within=())
    assert t["previous"].tolist()[2:] == [10.0, 20.0]
    assert t["yoy_percent"].tolist()[2:] == pytest.approx([20.0, -25.0])
    assert str(t["month"].dtype) == "period[M]"


def test_rank_computes_specific_energy_from_production():
    energy = pd.DataFrame(
        {
            "plant_id": ["A", "B", "C"],
            "year": 2024,
            "sector": "ceramics",
            "region": "Jinjiang",
            "tce": [4500.0, 6000.0, 300.0],
        }
    )
    made = pd.DataFrame(
        {
            "plant_id": ["A", "B", "C"],
            "year": 2024,
            "product": ["tile", "tile", "sanitary"],
            "amount": [1.0e6, 1.0e6, 500.0],
            "unit": ["m^2", "m^2", "t"],
        }
    )
    t = rank(energy, metric="kgce_per_unit", production=made).set_index("plant_id")
    assert t.loc["A", "kgce_per_unit"] == pytest.approx(4.5)
    assert t.loc["C", "kgce_per_unit"] == pytest.approx(600.0)
    # m^2 and t are ranked apart: C is alone in its unit group
    assert t.loc["A", "n"] == 2 and t.loc["C", "n"] == 1 and t.loc["C", "rank"] == 1
    assert "unit" in t.attrs["groups"]


def test_specific_energy_several_units_needs_allocation():
    energy = pd.DataFrame({"plant_id": ["A"], "year": [2024], "tce": [100.0]})
    made = pd.DataFrame(
        {
            "plant_id": ["A", "A"],
            "year": 2024,
            "product": ["tile", "balls"],
            "amount": [1e4, 10.0],
            "unit": ["m^2", "t"],
        }
    )
    t = specific_energy(energy, made)
    assert pd.isna(t.loc[0, "tce_per_unit"]) and "allocate" in t.loc[0, "reason"]
    same = made.assign(unit="t", amount=[30.0, 10.0])
    t = specific_energy(energy, same)
    assert t.loc[0, "tce_per_unit"] == pytest.approx(2.5) and t.loc[0, "basis"] == "sum of products"


def test_errors_name_the_column_and_row():
    with pytest.raises(InputError) as info:
        rank(_league().drop(columns="region"))
    assert info.value.field == "frame.region"
    with pytest.raises(InputError) as info:
        rank(_league().drop(columns="tce_per_unit"))
    assert info.value.field == "frame.tce_per_unit" and "production" in str(info.value)
    with pytest.raises(InputError) as info:
        rank(_league(), bottom_share=1.5)
    assert info.value.field == "bottom_share"
    bad = _league()
    bad["tce_per_unit"] = bad["tce_per_unit"].astype(object)
    bad.loc[3, "tce_per_unit"] = "n/a"
    with pytest.raises(InputError, match="row 3"):
        rank(bad)
    with pytest.raises(InputError) as info:
        rank(_league().drop(columns="year"))
    assert info.value.field == "frame.year"
    energy = pd.DataFrame({"plant_id": ["A"], "year": [2024], "tce": [1.0]})
    made = pd.DataFrame(
        {"plant_id": ["A"], "year": [2024], "product": ["x"], "amount": [1.0], "unit": ["bananas"]}
    )
    with pytest.raises(UnitError) as info:
        specific_energy(energy, made)
    assert info.value.field == "production.unit"
    with pytest.raises(InputError) as info:
        specific_energy(energy, made.drop(columns="amount"))
    assert info.value.field == "production.amount"


@given(
    values=st.lists(
        st.floats(min_value=0.1, max_value=100, allow_nan=False), min_size=2, max_size=12
    ),
    seed=st.integers(0, 2**16),
)
def test_rank_is_invariant_to_row_order(values, seed):
    frame = pd.DataFrame(
        {
            "plant_id": [f"P{i}" for i in range(len(values))],
            "year": 2024,
            "sector": ["ceramics", "dyeing"] * (len(values) // 2)
            + ["ceramics"] * (len(values) % 2),
            "region": "Jinjiang",
            "tce_per_unit": values,
        }
    )
    columns = ["plant_id", "rank", "percentile", "bottom", "n"]
    one = rank(frame, bottom_share=0.3)[columns].set_index("plant_id").sort_index()
    shuffled = frame.sample(frac=1.0, random_state=seed)
    two = rank(shuffled, bottom_share=0.3)[columns].set_index("plant_id").sort_index()
    pd.testing.assert_frame_equal(one, two)


# --------------------------------------------------------------------------- norm standing
def test_norm_limits_equals_the_plant_file_route():
    tile = norm_limits("dry_pressed_tile", water_absorption=0.1)
    from types import SimpleNamespace

    product = SimpleNamespace(
        id="t", attributes={"limit_product": "dry_pressed_tile", "water_absorption": 0.1}
    )
    assert tile.standing(4.78) == product_limits(product).standing(4.78)
    with pytest.raises(InputError) as info:
        norm_limits("porcelain_cups")
    assert info.value.field == "kind" and "dry_pressed_tile" in str(info.value)


def test_norm_standing_per_plant_and_year():
    energy = pd.DataFrame(
        {
            "plant_id": ["A", "A", "B"],
            "year": [2023, 2024, 2024],
            "tce": [4800.0, 4500.0, 7200.0],
        }
    )
    made = pd.DataFrame(
        {
            "plant_id": ["A", "A", "B"],
            "year": [2023, 2024, 2024],
            "product": "tile",
            "amount": 1.0e6,
            "unit": "m^2",
            "limit_product": "dry_pressed_tile",
            "water_absorption": 0.1,
        }
    )
    t = norm_standing(energy, made).set_index(["plant_id", "year"])
    # GB 21252-2023 Table 1, E <= 0.2 %: levels 4.5 / 5.5 / 7.0 kgce/m^2
    assert t.loc[("A", 2023), "specific_energy"] == pytest.approx(4.8)
    assert t.loc[("A", 2023), "level"] == 2
    assert t.loc[("A", 2024), "level"] == 1
    assert t.loc[("B", 2024), "level"] == "below limit"
    assert set(t["limit"]) == {7.0} and set(t["standard"]) == {"GB 21252-2023"}


def test_norm_standing_monthly_is_summed_to_years_and_dyeing_converts_by_mass():
    months = [f"2024-{m:02d}" for m in range(1, 13)]
    energy = pd.DataFrame({"plant_id": "K", "month": months, "tce": 100.0})
    made = pd.DataFrame(
        {
            "plant_id": "K",
            "month": months,
            "product": "knit",
            "amount": 250_000.0,
            "unit": "m",
            "fabric": "yarn_knit",
            "mass": "0.4 kg/m",
        }
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = norm_standing(energy, made)
    # 1200 tce / (3e6 m x 0.4 kg/m = 1200 t) = 1.0 tce/t
    assert t.loc[0, "year"] == 2024 and t.loc[0, "specific_energy"] == pytest.approx(1.0)
    assert t.loc[0, "unit"] == "tce/t" and t.loc[0, "level"] in ("meets limit", "above limit")
    assert any(issubclass(w.category, UnverifiedDataWarning) for w in caught)


def test_norm_standing_without_a_kind_column_names_it():
    energy = pd.DataFrame({"plant_id": ["A"], "year": [2024], "tce": [1.0]})
    made = pd.DataFrame(
        {"plant_id": ["A"], "year": [2024], "product": ["x"], "amount": [1.0], "unit": ["t"]}
    )
    with pytest.raises(InputError) as info:
        norm_standing(energy, made)
    assert info.value.field == "production.limit_product"


def test_norm_standing_row_without_output_says_why():
    energy = pd.DataFrame({"plant_id": ["A", "B"], "year": [2024, 2024], "tce": [1.0, 2.0]})
    made = pd.DataFrame(
        {
            "plant_id": ["A", "B"],
            "year": 2024,
            "product": "tile",
            "amount": [1e5, 0.0],
            "unit": "m^2",
            "limit_product": "ceramic_panel",
        }
    )
    t = norm_standing(energy, made).set_index("plant_id")
    assert t.loc["B", "reason"] == "zero output" and pd.isna(t.loc["B", "level"])


def test_short_name():
    assert gc.bureau.rank is rank
