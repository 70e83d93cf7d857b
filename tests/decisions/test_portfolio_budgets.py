"""Annual energy and carbon budgets (greenchain.decisions.portfolio.budgets).

Both projection methods are checked on profiles whose year-end values follow by hand.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from greenchain.decisions.portfolio import budget_status
from greenchain.decisions.portfolio.budgets import NO_DATA, PRIOR_YEAR_PROFILE, YTD_MEAN
from greenchain.errors import GreenchainWarning, InputError


def _monthly() -> pd.DataFrame:
    rows = []
    # plant A: 2023 complete, 50 tce a month in Jan-Jun and 100 in Jul-Dec (900 tce)
    for m in range(1, 13):
        tce = 50.0 if m <= 6 else 100.0
        rows.append({"plant_id": "A", "month": f"2023-{m:02d}", "tce": tce, "co2e_t": 2 * tce})
    # 2024 Jan-Apr: 60 tce a month; months after as_of (May) must be ignored
    for m in range(1, 6):
        rows.append({"plant_id": "A", "month": f"2024-{m:02d}", "tce": 60.0, "co2e_t": 120.0})
    # plant B: no previous year; Jan, Feb and Apr reported (March missing)
    for m in (1, 2, 4):
        rows.append({"plant_id": "B", "month": f"2024-{m:02d}", "tce": 10.0, "co2e_t": 20.0})
    return pd.DataFrame(rows)


def _budgets() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "plant_id": ["A", "B"],
            "year": [2024, 2024],
            "tce_budget": [1000.0, 200.0],
            "co2e_t_budget": [2500.0, None],
        }
    )


def _status(**kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = budget_status(_monthly(), _budgets(), as_of="2024-04", **kw)
    return table.set_index("plant_id"), caught


def test_prior_year_profile_projection_by_hand():
    t, _ = _status()
    a = t.loc["A"]
    # actual Jan-Apr 2024 = 240; 2023 same months = 200, so r = 1.2;
    # 2023 May-Dec = 2 x 50 + 6 x 100 = 700; projection = 240 + 1.2 x 700 = 1080
    assert a["tce_actual"] == 240.0
    assert a["tce_projection"] == pytest.approx(1080.0)
    assert a["tce_method"] == PRIOR_YEAR_PROFILE
    assert a["tce_used_percent"] == pytest.approx(24.0)
    assert a["tce_projected_percent"] == pytest.approx(108.0)
    assert a["tce_over"] and a["flagged"]
    # carbon: same profile doubled, 2160 < 2500: not over
    assert a["co2e_t_projection"] == pytest.approx(2160.0) and not a["co2e_t_over"]
    assert a["months_reported"] == 4 and a["missing_months"] == ""


def test_ytd_mean_projection_and_missing_month_caveat():
    t, caught = _status()
    b = t.loc["B"]
    # 3 months reported, 30 tce: mean 10; 9 other months (March and May-Dec): 30 + 90 = 120
    assert b["tce_actual"] == 30.0 and b["tce_projection"] == pytest.approx(120.0)
    assert b["tce_method"] == YTD_MEAN and not b["flagged"]
    assert b["months_reported"] == 3 and b["missing_months"] == "2024-03"
    assert pd.isna(b["co2e_t_budget"]) and not b["co2e_t_over"]
    assert any("2024-03" in str(w.message) and w.category is GreenchainWarning for w in caught)


def test_incomplete_prior_year_falls_back_to_the_mean():
    monthly = _monthly()
    monthly = monthly[monthly["month"] != "2023-08"]
    t = budget_status(monthly, _budgets(), as_of="2024-04").set_index("plant_id")
    assert t.loc["A", "tce_method"] == YTD_MEAN
    assert t.loc["A", "tce_projection"] == pytest.approx(240.0 * 3)


def test_as_of_december_projection_equals_actual():
    months = [f"2024-{m:02d}" for m in range(1, 13)]
    monthly = pd.DataFrame({"plant_id": "A", "month": months, "tce": 10.0})
    budgets = pd.DataFrame({"plant_id": ["A"], "year": [2024], "tce_budget": [100.0]})
    t = budget_status(monthly, budgets, as_of=pd.Period("2024-12", "M"))
    assert t.loc[0, "tce_actual"] == t.loc[0, "tce_projection"] == 120.0
    assert bool(t.loc[0, "flagged"])


def test_budget_without_data():
    budgets = pd.DataFrame({"plant_id": ["Z"], "year": [2024], "tce_budget": [1.0]})
    with pytest.warns(GreenchainWarning, match="no monthly data"):
        t = budget_status(_monthly(), budgets, as_of="2024-04")
    assert t.loc[0, "tce_method"] == NO_DATA and pd.isna(t.loc[0, "tce_projection"])
    assert not t.loc[0, "flagged"]


def test_errors():
    with pytest.raises(InputError) as info:
        budget_status(
            _monthly(), _budgets().drop(columns=["tce_budget", "co2e_t_budget"]), as_of="2024-04"
        )
    assert info.value.field == "budgets.tce_budget"
    with pytest.raises(InputError) as info:
        budget_status(_monthly().drop(columns="co2e_t"), _budgets(), as_of="2024-04")
    assert info.value.field == "monthly.co2e_t"
    with pytest.raises(InputError) as info:
        budget_status(_monthly(), _budgets(), as_of="the spring")
    assert info.value.field == "as_of"
    twice = pd.concat([_budgets(), _budgets().iloc[[0]]])
    with pytest.raises(InputError, match="two budgets"):
        budget_status(_monthly(), twice, as_of="2024-04")
    bad = _monthly()
    bad.loc[2, "month"] = "2023-13"
    with pytest.raises(InputError) as info:
        budget_status(bad, _budgets(), as_of="2024-04")
    assert info.value.field == "monthly.month" and "row 2" in str(info.value)
    negative = _monthly()
    negative.loc[0, "tce"] = -1.0
    with pytest.raises(InputError, match="negative"):
        budget_status(negative, _budgets(), as_of="2024-04")
