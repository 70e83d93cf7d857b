"""Tests of greenchain.processes.boilers."""

from __future__ import annotations

import inspect

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from greenchain import Q_
from greenchain.data.tables import parse_number, read_table
from greenchain.errors import InputError, OutOfRangeError, UnitError
from greenchain.processes import boilers
from greenchain.processes.boilers import (
    direct_efficiency,
    fuel_input,
    gb24500_boiler_types,
    gb24500_level,
    indirect_efficiency,
)
from greenchain.processes.steam import gauge_to_absolute, saturation_properties, steam_properties


# ------------------------------------------------------------------ fuel input (MEASUR Boiler)
def _fuel(**kw):
    base = dict(
        feedwater_pressure=0.12, blowdown_fraction=0.05, combustion_efficiency=0.85, steam_quality=1
    )
    base.update(kw)
    return base


def test_fuel_input_balances_close():
    r = fuel_input(10_000, 1.1, **_fuel())
    # mass balance: feedwater = steam + blowdown
    assert r.feedwater_flow.m == pytest.approx(10_000 + r.blowdown_flow.m, rel=1e-12)
    assert r.blowdown_flow.m == pytest.approx(0.05 * r.feedwater_flow.m, rel=1e-12)
    # energy balance recomputed from independent property calls (kJ/h -> kW)
    h_s = steam_properties(1.1, quality=1).enthalpy.m
    h_bd = saturation_properties(1.1).liquid_enthalpy.m
    h_fw = saturation_properties(0.12).liquid_enthalpy.m
    duty = (10_000 * h_s + r.blowdown_flow.m * h_bd - r.feedwater_flow.m * h_fw) / 3600
    assert r.boiler_duty.m_as("kW") == pytest.approx(duty, rel=1e-12)
    assert r.fuel_energy.m * 0.85 == pytest.approx(r.boiler_duty.m, rel=1e-12)


def test_fuel_input_without_blowdown_is_steam_minus_feedwater():
    r = fuel_input(3600, 1.0, **_fuel(blowdown_fraction=0, combustion_efficiency=1))
    assert r.boiler_duty.m_as("kW") == pytest.approx(
        r.steam_enthalpy.m - r.feedwater_enthalpy.m, rel=1e-12
    )


def test_fuel_input_superheated_matches_steam_table():
    r = fuel_input(5000, 2.0, **_fuel(steam_quality=None, steam_temperature=300))
    assert r.steam_enthalpy.m == pytest.approx(
        steam_properties(2.0, temperature=Q_(300, "degC")).enthalpy.m, rel=1e-12
    )


def test_fuel_input_si_vs_imperial():
    si = fuel_input(
        Q_(20_000, "lb/h").to("kg/h"),
        gauge_to_absolute(Q_(150, "psi")).to("MPa"),
        feedwater_pressure=gauge_to_absolute(Q_(5, "psi")).to("MPa"),
        blowdown_fraction=0.04,
        combustion_efficiency=0.82,
        steam_temperature=Q_(450, "degF").to("degC"),
    )
    imp = fuel_input(
        Q_(20_000, "lb/h"),
        gauge_to_absolute(Q_(150, "psi")),
        feedwater_pressure=gauge_to_absolute(Q_(5, "psi")),
        blowdown_fraction=Q_(4, "percent"),
        combustion_efficiency=0.82,
        steam_temperature=Q_(450, "degF"),
    )
    assert imp.fuel_energy.m_as("Btu/h") == pytest.approx(si.fuel_energy.m_as("Btu/h"), rel=1e-9)


def test_fuel_input_vectorised():
    r = fuel_input([5000, 10_000], [0.8, 1.2], **_fuel())
    one = fuel_input(10_000, 1.2, **_fuel())
    assert r.fuel_energy.m[1] == pytest.approx(one.fuel_energy.m, rel=1e-12)


@settings(max_examples=25, deadline=None)
@given(
    flow=st.floats(1, 1e5), b=st.floats(0, 0.2), eta=st.floats(0.5, 1.0), scale=st.floats(0.1, 10)
)
def test_fuel_input_scales_with_flow(flow, b, eta, scale):
    a = fuel_input(flow, 1.0, **_fuel(blowdown_fraction=b, combustion_efficiency=eta))
    c = fuel_input(flow * scale, 1.0, **_fuel(blowdown_fraction=b, combustion_efficiency=eta))
    assert c.fuel_energy.m == pytest.approx(scale * a.fuel_energy.m, rel=1e-9)
    assert a.fuel_energy.m >= a.boiler_duty.m > 0


@pytest.mark.parametrize(
    ("kwargs", "error", "field"),
    [
        ({"blowdown_fraction": 1.0}, OutOfRangeError, "blowdown_fraction"),
        ({"blowdown_fraction": -0.1}, OutOfRangeError, "blowdown_fraction"),
        ({"combustion_efficiency": 1.2}, OutOfRangeError, "combustion_efficiency"),
        ({"combustion_efficiency": 0}, OutOfRangeError, "combustion_efficiency"),
        ({"steam_quality": 1.5}, OutOfRangeError, "steam_quality"),
        ({"steam_quality": None}, InputError, "steam_quality"),
        ({"steam_temperature": 200}, InputError, "steam_temperature"),
        (
            {"steam_quality": None, "steam_temperature": Q_(-500, "degC")},
            OutOfRangeError,
            "steam_temperature",
        ),
        ({"steam_quality": None, "steam_temperature": 2100}, OutOfRangeError, "steam_temperature"),
        ({"feedwater_pressure": 40}, OutOfRangeError, "feedwater_pressure"),
        ({"feedwater_pressure": Q_(1, "kg")}, UnitError, "feedwater_pressure"),
    ],
)
def test_fuel_input_bad_inputs(kwargs, error, field):
    with pytest.raises(error, match=field):
        fuel_input(10_000, 1.0, **_fuel(**kwargs))


def test_fuel_input_steam_state_outside_if97():
    with pytest.raises(OutOfRangeError, match="steam_pressure"):
        fuel_input(10_000, 30.0, **_fuel())  # saturated steam above the critical pressure


# ------------------------------------------------------------------ efficiencies
def test_direct_and_indirect_efficiency():
    r = fuel_input(10_000, 1.1, **_fuel(combustion_efficiency=0.8))
    assert direct_efficiency(r.boiler_duty, r.fuel_energy).m == pytest.approx(0.8)
    assert direct_efficiency(Q_(80, "GJ"), Q_(100, "GJ")).m == pytest.approx(0.8)
    eta = indirect_efficiency(
        flue_loss=0.1, radiation_loss=0.015, blowdown_loss=0.01, unburnt_loss=0.02
    )
    assert eta.m == pytest.approx(0.855)
    with pytest.raises(OutOfRangeError, match="fuel_input"):
        direct_efficiency(1, 0)
    with pytest.raises(OutOfRangeError, match="losses"):
        indirect_efficiency(flue_loss=0.7, radiation_loss=0.4)
    with pytest.raises(OutOfRangeError, match="flue_loss"):
        indirect_efficiency(flue_loss=-0.1, radiation_loss=0.01)


# ------------------------------------------------------------------ GB 24500-2020
def test_gb24500_table_matches_research_notes():
    """Rows cross-checked against green_criteria.md section 6.4 (levels 1/2/3 in %)."""
    rows = read_table("boilers_gb24500-2020.csv")
    assert all(r["source_id"] == "gb24500-2020" and r["status"] == "transcribed" for r in rows)

    def levels(key, band=0):
        r = [x for x in rows if x["key"] == key][band]
        return [parse_number(r[c]) for c in ("level_1", "level_2", "level_3")]

    assert levels("gas") == [96, 94, 92]
    assert levels("gas_condensing") == [103, 101, 98]
    assert levels("oil") == [95, 93, 90]
    assert levels("coal_chamber") == [92, 90, 88]
    assert levels("coal_grate_bituminous_II") == [85, 82, 80]
    assert levels("coal_fluidised_bed_bituminous_III") == [91, 90, 88]
    assert levels("biomass", 0) == [88, 84, 80]
    assert levels("biomass", 1) == [91, 88, 86]
    electric = next(r for r in rows if r["key"] == "electric")
    assert parse_number(electric["limit"]) == 97 and electric["level_1"] == ""


@pytest.mark.parametrize(
    ("eff", "kind", "capacity", "expected"),
    [
        (0.96, "gas", None, 1),
        (Q_(94, "percent"), "gas", None, 2),
        (0.92, "gas", None, 3),
        (0.9199, "gas", None, "below limit"),
        (1.02, "gas_condensing", None, 2),
        (0.85, "coal_grate_bituminous_II", 20, 1),
        (0.85, "coal_grate_bituminous_II", 21, 2),
        (0.85, "coal_grate_bituminous_II", Q_(14, "MW"), 1),
        (0.85, "coal_grate_bituminous_II", Q_(15, "MW"), 2),
        (0.89, "biomass", 12, 2),
        (0.97, "electric", None, "meets limit"),
        (0.969, "electric", None, "below limit"),
    ],
)
def test_gb24500_level(eff, kind, capacity, expected):
    assert gb24500_level(eff, kind, capacity) == expected


def test_gb24500_vectorised_and_errors():
    out = gb24500_level([0.96, 0.93, 0.80], "gas")
    assert out.tolist() == [1, 3, "below limit"]
    with pytest.raises(InputError, match="boiler_type") as exc:
        gb24500_level(0.9, "nuclear")
    assert "coal_chamber" in str(exc.value)
    assert "electric" in gb24500_boiler_types()
    with pytest.raises(InputError, match="capacity"):
        gb24500_level(0.9, "biomass")
    with pytest.raises(OutOfRangeError, match="efficiency"):
        gb24500_level(1.05, "gas")
    with pytest.raises(OutOfRangeError, match="efficiency"):
        gb24500_level(0, "oil")


# ------------------------------------------------------------------ documentation
def test_every_public_function_has_a_doctest():
    for name in boilers.__all__:
        obj = getattr(boilers, name)
        if inspect.isfunction(obj):
            assert ">>>" in (obj.__doc__ or ""), name
    assert np.isfinite(1.0)
