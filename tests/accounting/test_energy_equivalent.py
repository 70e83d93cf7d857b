"""Equivalent value (等价值) of purchased heat with a stated heat-supply rate (issue 13, Q7)."""

import warnings

import pytest

import greenchain as gc
from greenchain import Q_
from greenchain.accounting.energy import coefficient
from greenchain.errors import FallbackWarning, OutOfRangeError, collect_caveats

DYEING = gc.example_path("dyeing_mill.yaml")


def _energy(**options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return gc.load_plant(DYEING).energy(**options)


def test_dyeing_equivalent_value_with_boiler_efficiency_0_80():
    """method_review §1.4: steam at a 0.80 supplier boiler efficiency -> 19,521 tce."""
    base = _energy(basis="equivalent_value", generation_coal_rate=300.7)
    assert base.total.m_as("tce") == pytest.approx(19_406.28, abs=0.005)  # review §1.2
    rate = Q_(34.12 / 0.80, "kg/GJ")  # heat equal value 0.03412 kgce/MJ / 0.80
    r = _energy(basis="equivalent_value", generation_coal_rate=300.7, heat_supply_rate=rate)
    assert r.total.m_as("tce") == pytest.approx(19_521, abs=0.5)
    assert r.options["heat_supply_rate"] == rate


def test_heat_stays_at_equal_value_and_says_so():
    with collect_caveats() as caught:
        coef, f, note = coefficient("steam", basis="equivalent_value")
    assert coef.m_as("kgce/MJ") == pytest.approx(0.03412)
    assert [c.category for c in caught] == [FallbackWarning]
    assert "heat_supply_rate" in caught[0].message
    # equal value: no caveat, and a rate is not used
    with collect_caveats() as caught:
        coef, _, _ = coefficient("heat", heat_supply_rate=50)
    assert not caught and coef.m_as("kgce/MJ") == pytest.approx(0.03412)


def test_heat_supply_rate_must_be_positive():
    with pytest.raises(OutOfRangeError):
        coefficient("heat", basis="equivalent_value", heat_supply_rate=0)


def test_equal_value_default_unchanged():
    assert _energy().total.m_as("tce") == pytest.approx(14_961.28, abs=0.005)  # review §1.2
