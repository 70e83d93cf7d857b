"""Tests of greenchain.processes.milling."""

from __future__ import annotations

import inspect
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from greenchain import Q_
from greenchain.data.tables import parse_number, read_table
from greenchain.errors import InputError, OutOfRangeError, UnverifiedDataWarning
from greenchain.processes import milling
from greenchain.processes.milling import (
    ball_mill_specific_energy,
    batch_vs_continuous,
    milling_figures,
    wet_vs_dry_route,
)
from greenchain.processes.steam import liquid_enthalpy, saturation_properties


# ------------------------------------------------------------------ data file
@pytest.fixture
def taoci163_2014_dry_vs_wet_powder():
    """dry-granulation-2014 (taoci163 2014 interview, 博晖机电), per tonne of powder, as in
    green_criteria.md C6 and sector_verification.md K3: wet route coal 60-100 kg, electricity
    60-80 kWh; dry route coal 0, electricity 40-60 kWh."""
    return {"wet_kwh": (60, 80), "wet_coal_kg": (60, 100), "dry_kwh": (40, 60), "dry_coal": 0}


def test_milling_file_rows(taoci163_2014_dry_vs_wet_powder):
    ref = taoci163_2014_dry_vs_wet_powder
    rows = {r["key"]: r for r in read_table("milling_ceramics.csv")}

    def rng(key):
        return parse_number(rows[key]["low"]), parse_number(rows[key]["high"])

    assert rng("wet_route.electricity") == ref["wet_kwh"]
    assert rng("wet_route.coal") == ref["wet_coal_kg"]
    assert rng("dry_route.electricity") == ref["dry_kwh"]
    assert parse_number(rows["dry_route.coal"]["value"]) == ref["dry_coal"]
    assert rng("ballmill.continuous_vs_batch_saving") == (0.20, 0.25)
    assert rows["ballmill.continuous_vs_batch_saving"]["status"] == "official"
    assert rows["ballmill.continuous_vs_batch_saving"]["source_id"] == "continuous-ballmill-2016"
    assert rows["dry_route.overall_saving"]["source_id"] == "dry-granulation-2017"
    assert parse_number(rows["dry_route.overall_saving"]["low"]) == 0.47
    for key in (
        "wet_route.electricity",
        "wet_route.coal",
        "dry_route.electricity",
        "dry_route.coal",
    ):
        assert rows[key]["source_id"] == "dry-granulation-2014"
        assert rows[key]["status"] == "unverified"
    assert set(milling_figures()) == set(rows)


# ------------------------------------------------------------------ specific energy
def test_ball_mill_specific_energy():
    assert ball_mill_specific_energy(400, 12).m_as("kWh/t") == pytest.approx(400 / 12)
    assert ball_mill_specific_energy(Q_(2400, "kWh"), Q_(40, "t")).m == pytest.approx(60)
    imp = ball_mill_specific_energy(Q_(400, "kW").to("hp"), Q_(12, "t/h").to("lb/h"))
    assert imp.m_as("kWh/t") == pytest.approx(400 / 12, rel=1e-9)
    with pytest.raises(OutOfRangeError, match="throughput"):
        ball_mill_specific_energy(400, 0)
    with pytest.raises(OutOfRangeError, match="power"):
        ball_mill_specific_energy(-1, 10)


# ------------------------------------------------------------------ continuous milling
def test_batch_vs_continuous_uses_published_range():
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnverifiedDataWarning)  # official figure: no warning
        r = batch_vs_continuous(Q_(70, "kWh/t"))
    assert r.saving_fraction.low.m == 0.20 and r.saving_fraction.high.m == 0.25
    assert r.energy_after.low.m_as("kWh/t") == pytest.approx(70 * 0.75)
    assert r.energy_after.high.m_as("kWh/t") == pytest.approx(70 * 0.80)
    assert r.saving.low.m + r.energy_after.high.m == pytest.approx(70)
    assert (r.source_id, r.status) == ("continuous-ballmill-2016", "official")


def test_batch_vs_continuous_keeps_units_and_user_fraction():
    r = batch_vs_continuous(Q_(2, "GWh"), saving_fraction=Q_(10, "percent"))
    assert r.energy_after.low.m_as("GWh") == pytest.approx(1.8)
    assert r.status == "user"
    with pytest.raises(OutOfRangeError, match="saving_fraction"):
        batch_vs_continuous(70, saving_fraction=1.5)
    with pytest.raises(OutOfRangeError, match="energy"):
        batch_vs_continuous(-70)


@settings(max_examples=30, deadline=None)
@given(e=st.floats(0, 1e6), s=st.floats(0, 1))
def test_continuous_saving_within_stream(e, s):
    r = batch_vs_continuous(e, saving_fraction=s)
    assert 0 <= r.saving.high.m <= e * (1 + 1e-12)


# ------------------------------------------------------------------ wet vs dry
def test_wet_vs_dry_warns_and_reports_status():
    with pytest.warns(UnverifiedDataWarning, match="dry-granulation-2014") as record:
        r = wet_vs_dry_route(Q_(300, "t"))
    assert len([w for w in record if w.category is UnverifiedDataWarning]) == 1
    assert r.status["wet_route.coal"] == "unverified"
    assert r.status["dry_route.overall_saving"] == "official"
    assert r.sources["dry_route.overall_saving"] == "dry-granulation-2017"
    assert r.water_evaporated is None and r.overall_saving is None


def test_wet_vs_dry_ranges(taoci163_2014_dry_vs_wet_powder):
    ref = taoci163_2014_dry_vs_wet_powder
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnverifiedDataWarning)
        r = wet_vs_dry_route(300)
    assert r.wet_electricity.low.m_as("kWh") == 300 * ref["wet_kwh"][0]
    assert r.dry_coal.high.m == 0
    # interval arithmetic: low = wet low - dry high; high = wet high - dry low
    assert r.electricity_saving.low.m == 300 * (60 - 60)
    assert r.electricity_saving.high.m == 300 * (80 - 40)
    assert r.coal_saving.low.m_as("t") == pytest.approx(18)
    assert r.reported_overall_saving_min.m == 0.47


def test_wet_vs_dry_spray_dryer_water_balance():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnverifiedDataWarning)
        r = wet_vs_dry_route(
            1,
            slip_moisture=0.35,
            powder_moisture=0.06,
            slip_temperature=25,
            coal_calorific_value=Q_(5000, "kcal/kg"),
        )
    water = (1 - 0.06) / (1 - 0.35) - 1  # t of water per t of powder
    assert r.water_evaporated.m_as("t") == pytest.approx(water, rel=1e-9)
    sat100 = saturation_properties(temperature=Q_(100, "degC"))
    heat = water * 1000 * (sat100.vapour_enthalpy.m - liquid_enthalpy(25).m) / 1e6  # GJ
    assert r.evaporation_heat.m_as("GJ") == pytest.approx(heat, rel=1e-6)
    # the implied spray-dryer efficiency of the published coal figures is below 1
    assert 0 < r.implied_spray_dryer_efficiency.low.m < r.implied_spray_dryer_efficiency.high.m
    assert r.implied_spray_dryer_efficiency.high.m < 1


@pytest.mark.parametrize("ncv", [10.0, 20.9, 29.3076])
def test_wet_vs_dry_consistent_with_reported_overall_saving(ncv):
    """Cross-source plausibility: with any coal of 10 MJ/kg or more, the per-tonne figures
    (dry-granulation-2014) imply an overall saving no lower than the >= 47 % reported by the
    association (dry-granulation-2017), with electricity at its calorific value."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnverifiedDataWarning)
        r = wet_vs_dry_route(1, coal_calorific_value=ncv)
    assert r.overall_saving.low.m >= r.reported_overall_saving_min.m
    assert r.overall_saving.high.m <= 1


def test_wet_vs_dry_errors():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnverifiedDataWarning)
        with pytest.raises(InputError, match="slip_moisture"):
            wet_vs_dry_route(1, slip_moisture=0.35)
        with pytest.raises(OutOfRangeError, match="powder_mass"):
            wet_vs_dry_route(-1)
        with pytest.raises(OutOfRangeError, match="coal_calorific_value"):
            wet_vs_dry_route(1, coal_calorific_value=0)
        with pytest.raises(OutOfRangeError, match="powder_moisture"):
            wet_vs_dry_route(1, slip_moisture=0.05, powder_moisture=0.06, slip_temperature=25)


# ------------------------------------------------------------------ documentation
def test_every_public_function_has_a_doctest():
    for name in milling.__all__:
        obj = getattr(milling, name)
        if inspect.isfunction(obj):
            assert ">>>" in (obj.__doc__ or ""), name
