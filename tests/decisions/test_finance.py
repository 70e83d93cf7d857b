"""Tests of greenchain.decisions.finance (RETScreen financing convention, peers.md R-1)."""

from __future__ import annotations

import numpy as np
import numpy_financial as npf
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from greenchain import Q_
from greenchain.decisions.finance import (
    FinanceResult,
    capital_recovery_factor,
    evaluate,
    evaluate_many,
    levelised_cost_of_conserved_energy,
    risk,
    sensitivity,
)
from greenchain.errors import InputError, OutOfRangeError

# Textbook case: invest 1000, receive 300 a year for 5 years, discount at 8 %.
TEXTBOOK = [-1000.0, 300.0, 300.0, 300.0, 300.0, 300.0]


# --------------------------------------------------------------------------- NPV / IRR
def test_npv_irr_textbook_against_numpy_financial():
    r = evaluate(1000, 300, lifetime=5, discount_rate=0.08)
    assert isinstance(r, FinanceResult)
    assert r.npv == pytest.approx(npf.npv(0.08, TEXTBOOK), rel=1e-12)
    assert r.irr == pytest.approx(npf.irr(TEXTBOOK), rel=1e-12)
    # 300 x annuity factor (1 - 1.08^-5)/0.08 = 300 x 3.99271 = 1197.813 -> NPV 197.813
    assert r.npv == pytest.approx(197.813011, rel=1e-8)
    assert r.irr == pytest.approx(0.152382, rel=1e-5)
    # without debt the equity stream is the project stream
    assert r.equity_irr == pytest.approx(r.irr, rel=1e-12)
    assert r.reason == {}


def test_escalated_stream_against_numpy_financial():
    r = evaluate(1000, 300, lifetime=5, discount_rate=0.08, escalation=0.05)
    flows = [-1000.0] + [300.0 * 1.05**t for t in range(1, 6)]
    assert r.npv == pytest.approx(npf.npv(0.08, flows), rel=1e-12)
    assert r.irr == pytest.approx(npf.irr(flows), rel=1e-12)
    np.testing.assert_allclose(r.cash_flows["project_cash_flow"], flows, rtol=1e-12)


def test_equity_irr_against_numpy_financial():
    r = evaluate(
        1000, 300, lifetime=5, discount_rate=0.08, debt_ratio=0.5, debt_rate=0.10, debt_term=2
    )
    payment = -npf.pmt(0.10, 2, 500)
    flows = [-500.0, 300 - payment, 300 - payment, 300.0, 300.0, 300.0]
    assert r.equity_irr == pytest.approx(npf.irr(flows), rel=1e-12)
    np.testing.assert_allclose(r.cash_flows["equity_cash_flow"], flows, rtol=1e-12)
    # the project NPV and IRR are all-equity: the debt does not change them
    assert r.npv == pytest.approx(npf.npv(0.08, TEXTBOOK), rel=1e-12)
    assert r.irr == pytest.approx(npf.irr(TEXTBOOK), rel=1e-12)


def test_cash_flow_table_layout():
    r = evaluate(1000, 300, lifetime=5, discount_rate=0.08)
    cf = r.cash_flows
    assert isinstance(cf, pd.DataFrame)
    assert list(cf.index) == [0, 1, 2, 3, 4, 5]
    assert cf.index.name == "year"
    for column in ("savings", "debt_payment", "equity_cash_flow", "cumulative"):
        assert column in cf.columns
    np.testing.assert_allclose(cf["cumulative"], np.cumsum(cf["equity_cash_flow"]))


# --------------------------------------------------------------------------- escalation
def test_escalation_applied_from_year_one():
    r = evaluate(1000, 300, lifetime=5, discount_rate=0.08, escalation=0.05)
    savings = r.cash_flows["savings"]
    assert savings[0] == 0.0
    assert savings[1] == pytest.approx(300 * 1.05)  # 315: first year escalated once
    assert savings[5] == pytest.approx(300 * 1.05**5)
    # simple payback uses the unescalated first-year savings: 1000 / 300
    assert r.simple_payback == pytest.approx(1000 / 300)


# --------------------------------------------------------------------------- paybacks
def test_equity_payback_without_debt():
    # cumulative: -1000, -700, -400, -100, +200 (year 4)
    # payback = 3 + 100 / 300 = 3.3333
    r = evaluate(1000, 300, lifetime=5, discount_rate=0.08)
    assert r.equity_payback == pytest.approx(3 + 100 / 300, rel=1e-12)
    assert r.simple_payback == pytest.approx(1000 / 300, rel=1e-12)


def test_equity_payback_with_escalation():
    # savings 315, 330.75, 347.2875, 364.651875
    # cumulative: -1000, -685, -354.25, -6.9625, +357.689375 (year 4)
    # payback = 3 + 6.9625 / 364.651875 = 3.019093...
    r = evaluate(1000, 300, lifetime=5, discount_rate=0.08, escalation=0.05)
    assert r.equity_payback == pytest.approx(3 + 6.9625 / 364.651875, rel=1e-12)


def test_equity_payback_with_debt():
    # debt = 0.5 x 1000 = 500 at 10 % over 2 years:
    #   payment = 500 x 0.1 x 1.1^2 / (1.1^2 - 1) = 60.5 / 0.21 = 288.095238
    # equity = 500; equity flows: 300 - 288.095238 = 11.904762 (years 1-2), 300 (years 3-5)
    # cumulative: -500, -488.095238, -476.190476, -176.190476, +123.809524 (year 4)
    # payback = 3 + 176.190476 / 300 = 3.587302
    r = evaluate(
        1000, 300, lifetime=5, discount_rate=0.08, debt_ratio=0.5, debt_rate=0.10, debt_term=2
    )
    assert r.cash_flows.loc[1, "debt_payment"] == pytest.approx(60.5 / 0.21, rel=1e-12)
    assert r.cash_flows.loc[3, "debt_payment"] == 0.0
    assert r.cash_flows.loc[0, "equity_cash_flow"] == pytest.approx(-500)
    assert r.equity_payback == pytest.approx(
        3 + (500 - 2 * (300 - 60.5 / 0.21) - 300) / 300, rel=1e-12
    )
    assert r.equity_payback == pytest.approx(3.587302, rel=1e-6)
    # simple payback ignores financing
    assert r.simple_payback == pytest.approx(1000 / 300)


def test_equity_payback_with_interest_free_debt():
    # debt 500 at 0 % over 2 years: payment 250; equity 500
    # equity flows: 50, 50, 300, 300, 300; cumulative -500, -450, -400, -100, +200
    # payback = 3 + 100 / 300
    r = evaluate(1000, 300, lifetime=5, discount_rate=0.08, debt_ratio=0.5, debt_term=2)
    assert r.cash_flows.loc[1, "debt_payment"] == pytest.approx(250)
    assert r.equity_payback == pytest.approx(3 + 100 / 300, rel=1e-12)


def test_full_debt_has_no_equity_irr_and_immediate_payback():
    r = evaluate(
        1000, 300, lifetime=5, discount_rate=0.08, debt_ratio=1.0, debt_rate=0.10, debt_term=5
    )
    assert r.equity_irr is None
    assert "equity" in r.reason["equity_irr"]
    assert r.equity_payback == 0.0  # nothing invested, every equity flow positive


def test_payback_not_reached_within_lifetime():
    # cumulative after 5 years: -1000 + 5 x 100 = -500 < 0
    r = evaluate(1000, 100, lifetime=5, discount_rate=0.08)
    assert r.equity_payback is None
    assert "lifetime" in r.reason["equity_payback"]
    assert r.simple_payback == pytest.approx(10.0)  # the formula still applies


# --------------------------------------------------------------------------- missing values
def test_zero_savings_no_payback_with_reason():
    r = evaluate(1000, 0, lifetime=10, discount_rate=0.08)
    assert r.simple_payback is None
    assert r.equity_payback is None
    assert r.irr is None
    assert r.reason["simple_payback"] == "savings are zero: the investment is never recovered"
    assert r.reason["equity_payback"] == "savings are zero: the investment is never recovered"
    assert "irr" in r.reason
    assert r.npv == pytest.approx(-1000)
    for value in (r.npv,):
        assert np.isfinite(value)


def test_negative_savings_no_payback_with_reason():
    r = evaluate(1000, -50, lifetime=10, discount_rate=0.08)
    assert r.simple_payback is None and r.equity_payback is None and r.irr is None
    assert r.reason["simple_payback"].startswith("savings are negative")


def test_no_investment_has_no_irr():
    r = evaluate(0, 100, lifetime=5, discount_rate=0.08)
    assert r.irr is None and "irr" in r.reason
    assert r.simple_payback == 0.0


def test_reason_is_read_only():
    r = evaluate(1000, 0, lifetime=5, discount_rate=0.08)
    with pytest.raises(TypeError):
        r.reason["npv"] = "x"  # type: ignore[index]


# --------------------------------------------------------------------------- validation
@pytest.mark.parametrize(
    "kwargs, error, field",
    [
        ({"lifetime": 0}, OutOfRangeError, "lifetime"),
        ({"lifetime": -3}, OutOfRangeError, "lifetime"),
        ({"lifetime": 2.5}, InputError, "lifetime"),
        ({"lifetime": True}, InputError, "lifetime"),
        ({"discount_rate": -1.0}, OutOfRangeError, "discount_rate"),
        ({"escalation": -1.5}, OutOfRangeError, "escalation"),
        ({"debt_ratio": 1.2, "debt_term": 2}, OutOfRangeError, "debt_ratio"),
        ({"debt_ratio": -0.1}, OutOfRangeError, "debt_ratio"),
        ({"debt_ratio": 0.5, "debt_term": 0}, OutOfRangeError, "debt_term"),
        ({"debt_ratio": 0.5, "debt_term": 6}, OutOfRangeError, "debt_term"),
        ({"debt_ratio": 0.5, "debt_term": 2, "debt_rate": -1}, OutOfRangeError, "debt_rate"),
        ({"debt_ratio": 0.5, "debt_term": 1.5}, InputError, "debt_term"),
    ],
)
def test_bad_terms_name_the_argument(kwargs, error, field):
    base = {"lifetime": 5, "discount_rate": 0.08}
    base.update(kwargs)
    with pytest.raises(error, match=field):
        evaluate(1000, 300, **base)


def test_bad_money_names_the_argument():
    with pytest.raises(OutOfRangeError, match="capex"):
        evaluate(-1, 300, lifetime=5, discount_rate=0.08)
    with pytest.raises(InputError, match="annual_savings"):
        evaluate(1000, float("nan"), lifetime=5, discount_rate=0.08)
    with pytest.raises(InputError, match="capex"):
        evaluate([1000, 2000], 300, lifetime=5, discount_rate=0.08)


def test_percent_and_currency_quantities():
    a = evaluate(1000, 300, lifetime=5, discount_rate=0.08, escalation=0.02)
    b = evaluate(
        Q_(0.1, "wan_yuan"),
        Q_(300, "CNY"),
        lifetime=5,
        discount_rate=Q_(8, "percent"),
        escalation=Q_(2, "percent"),
    )
    assert b.npv == pytest.approx(a.npv, rel=1e-12)
    assert b.irr == pytest.approx(a.irr, rel=1e-12)


# --------------------------------------------------------------------------- properties
@given(
    capex=st.floats(1, 1e6),
    savings=st.floats(1, 1e6),
    r1=st.floats(-0.5, 1.0),
    r2=st.floats(-0.5, 1.0),
    escalation=st.floats(-0.2, 0.2),
    lifetime=st.integers(1, 30),
)
def test_npv_decreasing_in_discount_rate(capex, savings, r1, r2, escalation, lifetime):
    low, high = sorted((r1, r2))
    a = evaluate(capex, savings, lifetime=lifetime, discount_rate=low, escalation=escalation)
    b = evaluate(capex, savings, lifetime=lifetime, discount_rate=high, escalation=escalation)
    assert b.npv <= a.npv + 1e-9 * max(1.0, abs(a.npv))


@given(
    capex=st.floats(0, 1e5),
    savings=st.floats(-1e4, 1e5),
    debt_ratio=st.floats(0, 1),
    debt_rate=st.floats(0, 0.2),
    escalation=st.floats(-0.1, 0.1),
)
def test_evaluate_many_agrees_with_evaluate(capex, savings, debt_ratio, debt_rate, escalation):
    kw = {
        "lifetime": 10,
        "discount_rate": 0.07,
        "escalation": escalation,
        "debt_ratio": debt_ratio,
        "debt_rate": debt_rate,
        "debt_term": 5,
    }
    one = evaluate(capex, savings, **kw)
    many = evaluate_many([capex], [savings], with_irr=True, **kw).iloc[0]
    assert many["npv"] == pytest.approx(one.npv, rel=1e-9, abs=1e-6)
    for name in ("irr", "equity_irr", "simple_payback", "equity_payback"):
        value = getattr(one, name)
        if value is None:
            assert np.isnan(many[name])
            assert f"{name}: {one.reason[name]}" in many["reason"]
        else:
            assert many[name] == pytest.approx(value, rel=1e-9, abs=1e-9)


def test_evaluate_many_broadcasts():
    df = evaluate_many([800, 1000, 1200], 300, lifetime=5, discount_rate=0.08)
    assert len(df) == 3
    expected = [npf.npv(0.08, [-c] + [300.0] * 5) for c in (800, 1000, 1200)]
    np.testing.assert_allclose(df["npv"], expected, rtol=1e-12)
    with pytest.raises(InputError, match="capex"):
        evaluate_many([1, 2, 3], [1, 2], lifetime=5, discount_rate=0.08)


# --------------------------------------------------------------------------- LCCE
def test_capital_recovery_factor():
    # CRF = 0.08 x 1.08^5 / (1.08^5 - 1) = 0.117531 / 0.469328 = 0.250456
    assert capital_recovery_factor(0.08, 5) == pytest.approx(
        0.08 * 1.08**5 / (1.08**5 - 1), rel=1e-12
    )
    assert capital_recovery_factor(0.0, 4) == pytest.approx(0.25)


def test_lcce_hand_computed():
    # (0.250456 x 1000 + 50) / 2000 kWh = 0.150228 per kWh
    crf = 0.08 * 1.08**5 / (1.08**5 - 1)
    value = levelised_cost_of_conserved_energy(
        1000, 2000, lifetime=5, discount_rate=0.08, annual_om=50
    )
    assert value == pytest.approx((crf * 1000 + 50) / 2000, rel=1e-12)


def test_lcce_energy_units():
    a = levelised_cost_of_conserved_energy(1000, 2000, lifetime=5, discount_rate=0.08)
    b = levelised_cost_of_conserved_energy(
        1000, Q_(7.2, "GJ"), lifetime=5, discount_rate=0.08
    )  # 7.2 GJ = 2000 kWh
    assert b == pytest.approx(a, rel=1e-12)
    c = levelised_cost_of_conserved_energy(
        1000, 2, lifetime=5, discount_rate=0.08, energy_unit="MWh"
    )
    assert c == pytest.approx(1000 * a, rel=1e-12)
    with pytest.raises(OutOfRangeError, match="annual_energy_saved"):
        levelised_cost_of_conserved_energy(1000, 0, lifetime=5, discount_rate=0.08)


# --------------------------------------------------------------------------- sensitivity
def test_sensitivity_table():
    t = sensitivity(1000, 300, lifetime=5, discount_rate=0.08)
    assert list(t["input"]) == ["capex"] * 3 + ["savings"] * 3 + ["price"] * 3
    assert list(t["change"]) == [-0.2, 0.0, 0.2] * 3
    base = evaluate(1000, 300, lifetime=5, discount_rate=0.08)
    np.testing.assert_allclose(t[t["change"] == 0.0]["npv"], base.npv, rtol=1e-12)
    capex = t[t["input"] == "capex"]
    np.testing.assert_allclose(capex["npv"], [base.npv + 200, base.npv, base.npv - 200])
    price = t[t["input"] == "price"]
    expected = evaluate(1000, 360, lifetime=5, discount_rate=0.08)
    assert price["npv"].iloc[2] == pytest.approx(expected.npv)
    assert price["simple_payback"].iloc[2] == pytest.approx(1000 / 360)


def test_sensitivity_discount_rate_and_errors():
    t = sensitivity(1000, 300, ranges={"discount_rate": 0.5}, lifetime=5, discount_rate=0.08)
    np.testing.assert_allclose(
        t["npv"], [npf.npv(r, TEXTBOOK) for r in (0.04, 0.08, 0.12)], rtol=1e-12
    )
    with pytest.raises(InputError, match="ranges"):
        sensitivity(1000, 300, ranges={"tax": 0.1}, lifetime=5, discount_rate=0.08)
    with pytest.raises(OutOfRangeError, match="ranges"):
        sensitivity(1000, 300, ranges={"capex": 1.5}, lifetime=5, discount_rate=0.08)


def test_sensitivity_zero_savings_reason():
    t = sensitivity(1000, 300, ranges={"savings": 1.0}, lifetime=5, discount_rate=0.08)
    row = t.iloc[0]
    assert row["annual_savings"] == 0.0
    assert np.isnan(row["simple_payback"])
    assert "savings are zero" in row["reason"]


# --------------------------------------------------------------------------- risk
@pytest.mark.parametrize("distribution", ["uniform", "triangular"])
def test_risk_same_seed_reproducible(distribution):
    kw = {"n": 2000, "lifetime": 5, "discount_rate": 0.08, "distribution": distribution}
    a = risk(1000, 300, seed=42, **kw)
    b = risk(1000, 300, seed=42, **kw)
    c = risk(1000, 300, seed=43, **kw)
    pd.testing.assert_series_equal(a.npv_percentiles, b.npv_percentiles)
    pd.testing.assert_frame_equal(a.samples, b.samples)
    assert a.probability_npv_negative == b.probability_npv_negative
    assert not a.samples.equals(c.samples)


def test_risk_summary():
    r = risk(1000, 300, n=5000, seed=1, lifetime=5, discount_rate=0.08)
    assert r.n == 5000 and len(r.samples) == 5000
    assert r.samples["capex"].between(800, 1200).all()
    assert r.samples["annual_savings"].between(240, 360).all()
    assert np.all(np.diff(r.npv_percentiles.to_numpy()) >= 0)
    assert r.probability_npv_negative == pytest.approx(np.mean(r.samples["npv"] < 0))
    assert 0 < r.probability_npv_negative < 1  # NPV spans -2.2 (capex +20 %) ... at the edges
    # the median of symmetric draws is near the base NPV (197.8)
    assert r.npv_percentiles[50.0] == pytest.approx(197.8, abs=15)


def test_risk_zero_range_is_deterministic():
    r = risk(
        1000,
        300,
        n=50,
        seed=0,
        capex_range=0,
        savings_range=0,
        lifetime=5,
        discount_rate=0.08,
        distribution="triangular",
    )
    np.testing.assert_allclose(r.samples["npv"], npf.npv(0.08, TEXTBOOK))
    assert r.probability_npv_negative == 0.0


def test_risk_bad_input():
    with pytest.raises(InputError, match="distribution"):
        risk(1000, 300, lifetime=5, discount_rate=0.08, distribution="normal")
    with pytest.raises(InputError, match="n"):
        risk(1000, 300, n=0, lifetime=5, discount_rate=0.08)
    with pytest.raises(OutOfRangeError, match="capex_range"):
        risk(1000, 300, capex_range=2, lifetime=5, discount_rate=0.08)
