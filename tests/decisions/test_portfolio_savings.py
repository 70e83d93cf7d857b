"""Verified savings (GB/T 28750 with ASHRAE Guideline 14 statistics): greenchain.decisions.portfolio.savings.

No published worked example with its numbers was found in reach (ASHRAE Guideline 14
and IPMVP are not public; EVO's Q&A pages give no data set). The regression is checked
on a constructed case whose answer is known exactly (energy = 100 + 2 x production,
reporting period 10 % less), and on a noisy case against scipy.stats.linregress and
numpy.polyfit; the uncertainty formula is recomputed from its terms.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from greenchain.decisions.portfolio import (
    baseline_model,
    baseline_models,
    mv_criteria,
    verified_savings,
)
from greenchain.errors import GreenchainWarning, InputError, UnverifiedDataWarning


def _quiet(fn, *args, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kw)


def _exact() -> pd.DataFrame:
    production = np.array([40.0, 55, 60, 72, 80, 85, 90, 95, 100, 110, 118, 125])
    return pd.DataFrame({"production": production, "tce": 100.0 + 2.0 * production})


def test_exact_baseline_recovers_the_line():
    model = baseline_model(_exact())
    assert model.coefficients["intercept"] == pytest.approx(100.0, abs=1e-9)
    assert model.coefficients["production"] == pytest.approx(2.0, abs=1e-12)
    assert model.r2 == pytest.approx(1.0)
    assert model.cv_rmse == 0.0 and model.nmbe == 0.0 and model.rmse == 0.0
    assert math.isinf(model.t_stats["production"])
    assert (model.n, model.p) == (12, 2)


def test_exact_savings_ten_percent_and_zero_uncertainty():
    base = _exact()
    model = baseline_model(base)
    reporting = base.assign(production=base["production"] + 5.0)
    reporting["tce"] = 0.9 * (100.0 + 2.0 * reporting["production"])
    out = _quiet(verified_savings, model, reporting).iloc[0]
    adjusted = float((100.0 + 2.0 * reporting["production"]).sum())
    assert out["adjusted_baseline"] == pytest.approx(adjusted, rel=1e-12)
    assert out["actual"] == pytest.approx(0.9 * adjusted, rel=1e-12)
    assert out["savings"] == pytest.approx(0.1 * adjusted, rel=1e-9)
    assert out["savings_percent"] == pytest.approx(10.0, rel=1e-9)
    assert out["uncertainty"] == 0.0 and out["fsu_percent"] == 0.0
    assert out["lower"] == out["upper"] == out["savings"]
    assert bool(out["meets_fsu_criterion"])


def _noisy(seed: int = 7, n: int = 24):
    rng = np.random.default_rng(seed)
    x = rng.uniform(800.0, 1500.0, n)
    hdd = rng.uniform(0.0, 300.0, n)
    y = 350.0 + 0.42 * x + 0.8 * hdd + rng.normal(0.0, 25.0, n)
    return pd.DataFrame({"production": x, "hdd": hdd, "tce": y})


def test_noisy_single_driver_matches_linregress_and_polyfit():
    frame = _noisy()
    model = baseline_model(frame)
    lr = stats.linregress(frame["production"], frame["tce"])
    slope, intercept = np.polyfit(frame["production"], frame["tce"], 1)
    assert model.coefficients["production"] == pytest.approx(lr.slope, rel=1e-10)
    assert model.coefficients["intercept"] == pytest.approx(lr.intercept, rel=1e-10)
    assert model.coefficients["production"] == pytest.approx(slope, rel=1e-10)
    assert model.coefficients["intercept"] == pytest.approx(intercept, rel=1e-10)
    assert model.r2 == pytest.approx(lr.rvalue**2, rel=1e-10)
    assert model.standard_errors["production"] == pytest.approx(lr.stderr, rel=1e-9)
    assert model.standard_errors["intercept"] == pytest.approx(lr.intercept_stderr, rel=1e-9)
    assert model.t_stats["production"] == pytest.approx(lr.slope / lr.stderr, rel=1e-9)
    # Guideline 14 statistics with n - p
    fitted = lr.intercept + lr.slope * frame["production"]
    residual = frame["tce"] - fitted
    rmse = math.sqrt(float((residual**2).sum()) / (len(frame) - 2))
    assert model.cv_rmse == pytest.approx(100 * rmse / frame["tce"].mean(), rel=1e-9)
    assert abs(model.nmbe) < 1e-9  # OLS with an intercept has zero mean residual


def test_degree_days_add_a_driver():
    frame = _noisy()
    model = baseline_model(frame, degree_days="hdd")
    x = np.column_stack([np.ones(len(frame)), frame["production"], frame["hdd"]])
    beta = np.linalg.lstsq(x, frame["tce"], rcond=None)[0]
    assert model.drivers == ("production", "hdd") and model.p == 3
    assert [model.coefficients[k] for k in ("intercept", "production", "hdd")] == pytest.approx(
        beta, rel=1e-10
    )


def test_uncertainty_formula_from_its_terms():
    frame = _noisy()
    model = baseline_model(frame)
    reporting = frame.iloc[:12].copy()
    reporting["tce"] *= 0.85
    out = _quiet(verified_savings, model, reporting, confidence=0.9).iloc[0]
    t = stats.t.ppf(0.95, model.n - model.p)
    adjusted = float(model.predict(reporting).sum())
    expected = 1.26 * t * (model.cv_rmse / 100) * math.sqrt((1 + 2 / model.n) / 12) * adjusted
    assert out["t"] == pytest.approx(t) and out["uncertainty"] == pytest.approx(expected)
    assert out["fsu_percent"] == pytest.approx(100 * expected / out["savings"])
    assert pd.isna(out["meets_fsu_criterion"])  # the criterion is stated at 68 %
    other = _quiet(verified_savings, model, reporting, confidence=0.9, interval="other").iloc[0]
    assert other["uncertainty"] == pytest.approx(expected / 1.26)


def test_criteria_are_sourced_and_flagged_unverified():
    rows = mv_criteria()
    assert rows["fsu_correction_monthly"]["value"] == 1.26
    assert {r["status"] for r in rows.values()} == {"unverified"}
    with pytest.warns(UnverifiedDataWarning, match="Guideline 14"):
        verified_savings(baseline_model(_exact()), _exact())


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(6, 36))
def test_savings_of_the_baseline_period_itself_are_zero(seed, n):
    frame = _noisy(seed, n)
    model = baseline_model(frame, degree_days="hdd")
    out = _quiet(verified_savings, model, frame).iloc[0]
    assert abs(out["savings"]) <= 1e-9 * out["adjusted_baseline"]
    assert out["uncertainty"] >= 0


def test_per_plant_models_and_savings():
    a, b = _exact().assign(plant_id="A"), _noisy().assign(plant_id="B")
    models = baseline_models(pd.concat([a, b]))
    assert sorted(models) == ["A", "B"] and models["A"].plant_id == "A"
    reporting = pd.concat([a.assign(tce=a["tce"] * 0.8), b])
    out = _quiet(verified_savings, models, reporting).set_index("plant_id")
    assert out.loc["A", "savings_percent"] == pytest.approx(20.0)
    assert abs(out.loc["B", "savings"]) < 1e-6
    with pytest.raises(InputError, match="no baseline model"):
        _quiet(verified_savings, models, reporting.assign(plant_id="C"))


def test_extrapolation_is_counted_and_warned():
    model = baseline_model(_exact())
    reporting = pd.DataFrame({"production": [30.0, 100.0, 200.0], "tce": [150.0, 290.0, 480.0]})
    with pytest.warns(GreenchainWarning, match="outside the baseline range"):
        out = verified_savings(model, reporting)
    assert out.loc[0, "outside_baseline_range"] == 2


def test_errors_name_what_is_wrong():
    with pytest.raises(InputError) as info:
        baseline_model(_exact().drop(columns="production"))
    assert info.value.field == "frame.production"
    bad = _exact().astype({"tce": object})
    bad.loc[4, "tce"] = "?"
    with pytest.raises(InputError, match="row 4") as info:
        baseline_model(bad)
    assert info.value.field == "frame.tce"
    with pytest.raises(InputError) as info:
        baseline_model(_exact().iloc[:2])
    assert "need more than 2" in str(info.value)
    with pytest.raises(InputError) as info:
        baseline_model(_exact().assign(production=5.0))
    assert info.value.field == "drivers"
    with pytest.raises(InputError, match="baseline_models"):
        baseline_model(pd.concat([_exact().assign(plant_id="A"), _exact().assign(plant_id="B")]))
    model = baseline_model(_exact())
    with pytest.raises(InputError) as info:
        verified_savings(model, _exact(), confidence=1.5)
    assert info.value.field == "confidence"
    with pytest.raises(InputError) as info:
        verified_savings(model, _exact(), interval="weekly")
    assert info.value.field == "interval"
    with pytest.raises(InputError) as info:
        _quiet(verified_savings, model, _exact().drop(columns="production"))
    assert info.value.field == "reporting_frame.production"
