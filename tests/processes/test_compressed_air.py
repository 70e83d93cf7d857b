"""Tests for greenchain.processes.compressed_air."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from greenchain import Q_
from greenchain.data.tables import parse_number, read_table
from greenchain.errors import InputError, OutOfRangeError, UnverifiedDataWarning
from greenchain.processes import compressed_air as ca
from greenchain.processes._levels import BELOW_LIMIT

CFM = "ft^3/min"
KW_PER_CFM = "kW/(ft^3/min)"


@pytest.fixture
def amo_leak_survey_unit_cpp():
    """AMO-Tools-Suite tests/cpp/CompressedAirLeakSurvey.unit.cpp (peers.md D-2), exact values.

    All methods use 8640 h and 0.16 kW/cfm (electricity factor 0.16/60 kWh per scf).
    """
    return {
        "hours": 8640,
        "specific_power": Q_(0.16, KW_PER_CFM),
        "estimate": {"scfm": 0.1, "scf_per_year": 51_840, "kwh": 138.24},
        "orifice": {
            "air_temperature": Q_(550, "degF"),
            "atmosphere": Q_(14.7, "psi"),
            "cd": 1.0,
            "diameter": Q_(0.375, "inch"),
            "line": Q_(100, "psi"),
            "number": 4,
            "scfm": 1_295.1250307181,
            "scf_per_year": 671_392_815.92,
            "kwh": 1_790_380.8424647,
        },
        "bag": {
            "height": Q_(15, "inch"),
            "diameter": Q_(10, "inch"),
            "fill_time": 12,
            "number": 2,
            "scfm": 6.8176923906,
            "kwh": 9_424.7779607694,
        },
        "decibel": {
            "line": Q_(130, "psi"),
            "db": 25,
            "pressures": Q_([150, 125], "psi"),
            "readings": [20, 30],
            "table": Q_([[1.04, 1.85], [1.2, 1.65]], CFM),
            "scfm": 1.429,
            "kwh": 1_975.4496,
        },
    }


def orifice_ratio():
    """greenchain / MEASUR for the orifice method.

    MEASUR uses R = 53.34 ft·lbf/(lbm·°R) and g_c = 32.2 ft/s² (flow ∝ sqrt(R g_c));
    greenchain uses R = 287.05287 J/(kg·K) in SI. The ratio is 0.99971 (-2.9e-4).
    """
    r_measur = Q_(53.34, "ft*lbf/(lb*degR)").m_as("J/(kg*K)")
    g_n = Q_(1, "gravity").m_as("ft/s^2")
    return math.sqrt(ca.AIR_GAS_CONSTANT.m_as("J/(kg*K)") / (r_measur * 32.2 / g_n))


# ---------------------------------------------------------------- leak survey (D-2)
def test_leak_estimate(amo_leak_survey_unit_cpp):
    case = amo_leak_survey_unit_cpp
    flow = ca.leak_estimate(Q_(case["estimate"]["scfm"], CFM))
    r = ca.leak_energy(flow, case["hours"], case["specific_power"])
    assert r.volume.m_as("ft^3") == pytest.approx(case["estimate"]["scf_per_year"], rel=1e-6)
    assert r.energy.m_as("kWh") == pytest.approx(case["estimate"]["kwh"], rel=1e-6)


def test_leak_bag(amo_leak_survey_unit_cpp):
    case, bag = amo_leak_survey_unit_cpp, amo_leak_survey_unit_cpp["bag"]
    flow = ca.leak_bag(bag["height"], bag["diameter"], bag["fill_time"], bag["number"])
    assert flow.m_as(CFM) == pytest.approx(bag["scfm"], rel=1e-6)
    r = ca.leak_energy(flow, case["hours"], case["specific_power"])
    assert r.energy.m_as("kWh") == pytest.approx(bag["kwh"], rel=1e-6)
    si = ca.leak_bag(bag["height"].m_as("m"), bag["diameter"].m_as("m"), Q_(0.2, "min"), 2)
    assert si.m_as("m^3/min") == pytest.approx(flow.m_as("m^3/min"), rel=1e-12)


def test_leak_decibel(amo_leak_survey_unit_cpp):
    case, dec = amo_leak_survey_unit_cpp, amo_leak_survey_unit_cpp["decibel"]
    flow = ca.leak_decibel(dec["line"], dec["db"], dec["pressures"], dec["readings"], dec["table"])
    assert flow.m_as(CFM) == pytest.approx(dec["scfm"], rel=1e-6)
    r = ca.leak_energy(flow, case["hours"], case["specific_power"])
    assert r.energy.m_as("kWh") == pytest.approx(dec["kwh"], rel=1e-6)
    si = ca.leak_decibel(
        dec["line"].m_as("kPa"),
        25,
        dec["pressures"].m_as("kPa"),
        [20, 30],
        dec["table"].m_as("m^3/min"),
    )
    assert si.m_as(CFM) == pytest.approx(dec["scfm"], rel=1e-9)


def test_leak_decibel_table_corners_and_range(amo_leak_survey_unit_cpp):
    dec = amo_leak_survey_unit_cpp["decibel"]
    corner = ca.leak_decibel(Q_(150, "psi"), 30, dec["pressures"], dec["readings"], dec["table"])
    assert corner.m_as(CFM) == pytest.approx(1.85, rel=1e-12)
    with pytest.raises(OutOfRangeError, match="line_pressure"):
        ca.leak_decibel(Q_(160, "psi"), 25, dec["pressures"], dec["readings"], dec["table"])
    with pytest.raises(OutOfRangeError, match="decibels"):
        ca.leak_decibel(Q_(130, "psi"), 35, dec["pressures"], dec["readings"], dec["table"])
    with pytest.raises(InputError, match="flow_table"):
        ca.leak_decibel(Q_(130, "psi"), 25, dec["pressures"], dec["readings"], [1, 2])


def test_leak_orifice(amo_leak_survey_unit_cpp):
    case, ori = amo_leak_survey_unit_cpp, amo_leak_survey_unit_cpp["orifice"]
    flow = ca.leak_orifice(
        ori["line"],
        ori["diameter"],
        ori["air_temperature"],
        atmospheric_pressure=ori["atmosphere"],
        discharge_coefficient=ori["cd"],
        number=ori["number"],
    )
    ratio = orifice_ratio()
    assert flow.m_as(CFM) == pytest.approx(ori["scfm"] * ratio, rel=1e-9)  # same formula
    assert flow.m_as(CFM) == pytest.approx(ori["scfm"], rel=3e-4)  # constants differ, see above
    r = ca.leak_energy(flow, case["hours"], case["specific_power"])
    assert r.volume.m_as("ft^3") == pytest.approx(ori["scf_per_year"] * ratio, rel=1e-9)
    assert r.energy.m_as("kWh") == pytest.approx(ori["kwh"] * ratio, rel=1e-9)


def test_leak_orifice_units_and_choking():
    imperial = ca.leak_orifice(Q_(100, "psi"), Q_(0.375, "inch"), Q_(70, "degF"))
    si = ca.leak_orifice(
        Q_(100, "psi").m_as("kPa"), Q_(0.375, "inch").m_as("mm"), Q_(70, "degF").m_as("degC")
    )
    assert imperial.m_as("m^3/min") == pytest.approx(si.m_as("m^3/min"), rel=1e-12)
    with pytest.raises(OutOfRangeError, match="line_pressure"):
        ca.leak_orifice(50, 3, 20)  # 151 kPa abs: below the critical ratio 1.89
    with pytest.raises(OutOfRangeError, match="air_temperature"):
        ca.leak_orifice(600, 3, -300)
    with pytest.raises(OutOfRangeError, match="discharge_coefficient"):
        ca.leak_orifice(600, 3, 20, discharge_coefficient=1.2)


@given(p=st.floats(100, 2000), d=st.floats(0.5, 10), n=st.integers(1, 20))
def test_leak_orifice_scales(p, d, n):
    one = ca.leak_orifice(p, d, 20).m_as("m^3/min")
    assert ca.leak_orifice(p, d, 20, number=n).m_as("m^3/min") == pytest.approx(n * one)
    assert ca.leak_orifice(p, 2 * d, 20).m_as("m^3/min") == pytest.approx(4 * one)


def test_leak_energy_units():
    si = ca.leak_energy(1.2, 6000, 6.6)
    imperial = ca.leak_energy(
        Q_(1.2, "m^3/min").to(CFM), Q_(250, "day"), Q_(6.6, "kW/(m^3/min)").to(KW_PER_CFM)
    )
    assert imperial.energy.m_as("kWh") == pytest.approx(si.energy.m_as("kWh"), rel=1e-12)
    assert imperial.volume.m_as("m^3") == pytest.approx(si.volume.m_as("m^3"), rel=1e-12)


# ---------------------------------------------------------------- pressure reduction (D-1)
def test_pressure_reduction_formula():
    """Recomputed from the adiabatic work ratio (peers.md D-1; reference values held back)."""
    p_atm, c = 101.325, 0.4 / 1.4
    r, x = (800 + p_atm) / p_atm, (700 + p_atm) / p_atm
    expected = 75 * (1 - (x**c - 1) / (r**c - 1)) * 6000
    got = ca.pressure_reduction_savings(75, 6000, 800, 700)
    assert got.m_as("kWh") == pytest.approx(expected, rel=1e-12)
    measur_k = ca.pressure_reduction_savings(75, 6000, 800, 700, heat_capacity_ratio=1.395)
    c = 0.395 / 1.395
    assert measur_k.m_as("kWh") == pytest.approx(
        75 * (1 - (x**c - 1) / (r**c - 1)) * 6000, rel=1e-12
    )


def test_pressure_reduction_units_and_atmosphere():
    si = ca.pressure_reduction_savings(
        75,
        6000,
        Q_(116, "psi").m_as("kPa"),
        Q_(100, "psi").m_as("kPa"),
        atmospheric_pressure=Q_(14.7, "psi").m_as("kPa"),
    )
    imperial = ca.pressure_reduction_savings(
        Q_(75, "kW").to("hp"),
        Q_(6000, "h"),
        Q_(116, "psi"),
        Q_(100, "psi"),
        atmospheric_pressure=Q_(14.7, "psi"),
    )
    assert imperial.m_as("kWh") == pytest.approx(si.m_as("kWh"), rel=1e-12)
    # the given atmospheric pressure is used in both ratios: at altitude the saving changes
    high = ca.pressure_reduction_savings(75, 6000, 800, 700, atmospheric_pressure=80)
    assert high.m_as("kWh") != pytest.approx(
        ca.pressure_reduction_savings(75, 6000, 800, 700).m_as("kWh"), rel=1e-6
    )


def test_pressure_reduction_errors():
    with pytest.raises(OutOfRangeError, match="proposed_pressure"):
        ca.pressure_reduction_savings(75, 6000, 700, 800)
    with pytest.raises(OutOfRangeError, match="rated_pressure"):
        ca.pressure_reduction_savings(75, 6000, 0, 0)
    with pytest.raises(OutOfRangeError, match="hours"):
        ca.pressure_reduction_savings(75, -1, 800, 700)


@given(
    rated=st.floats(100, 1500),
    cut=st.floats(0, 1),
    power=st.floats(1, 500),
    hours=st.floats(0, 8760),
)
def test_pressure_reduction_bounded(rated, cut, power, hours):
    saved = ca.pressure_reduction_savings(power, hours, rated, rated * (1 - cut)).m_as("kWh")
    assert -1e-9 <= saved <= power * hours * (1 + 1e-12)


# ---------------------------------------------------------------- load/unload (D-3)
def test_load_unload_energy():
    got = ca.load_unload_energy(90, 0.3, 8000, 0.7, 0.95, 0.9)
    assert got.m_as("kWh") == pytest.approx(90 * 8000 * (0.7 / 0.95 + 0.3 * 0.3 / 0.9), rel=1e-12)
    fully_loaded = ca.load_unload_energy(90, 0.3, 8000, 1.0, 0.95, 0.9)
    assert fully_loaded.m_as("kWh") == pytest.approx(90 * 8000 / 0.95, rel=1e-12)
    imperial = ca.load_unload_energy(
        Q_(90, "kW").to("hp"),
        Q_(30, "percent"),
        Q_(8000, "h"),
        0.7,
        Q_(95, "percent"),
        Q_(90, "percent"),
    )
    assert imperial.m_as("kWh") == pytest.approx(got.m_as("kWh"), rel=1e-12)
    with pytest.raises(OutOfRangeError, match="loaded_fraction"):
        ca.load_unload_energy(90, 0.3, 8000, 1.2, 0.95, 0.9)
    with pytest.raises(OutOfRangeError, match="motor_efficiency_unloaded"):
        ca.load_unload_energy(90, 0.3, 8000, 0.7, 0.95, 0)


# ---------------------------------------------------------------- GB 19153-2019
@pytest.fixture
def green_criteria_6_2():
    """greenchain research notes, green_criteria.md 6.2 ([F S26]); None = '–'."""
    return [  # kW, MPa, cooling, level 1, 2, 3
        (37, 0.8, "air", None, 7.3, 8.1),
        (37, 0.8, "liquid", None, 7.0, 7.8),
        (45, 0.7, "air", 6.1, 6.6, 7.3),
        (45, 0.8, "air", 6.6, 7.1, 7.9),
        (45, 0.8, "liquid", 6.3, 6.8, 7.6),
        (45, 1.0, "air", 7.3, 8.0, 8.8),
    ]


def test_table_rows_and_empty_cells():
    rows = read_table("compressors_gb19153-2019.csv")
    assert len(rows) == 28 * 6 * 2 * 3
    values = [parse_number(r["specific_power_kw_per_m3_min"]) for r in rows]
    empty = [r for r, v in zip(rows, values, strict=True) if v is None]
    assert len(empty) == 8 * 6 * 3  # liquid-cooled 1.5-15 kW: '-' in the standard
    assert all(r["cooling"] == "liquid" for r in empty)
    assert 0.0 not in values  # an empty cell is never zero
    unverified = [r for r in rows if r["status"] == "unverified"]
    assert {(r["motor_power_kw"], r["level"]) for r in unverified} == {("37", "1")}


def test_green_criteria_rows(green_criteria_6_2):
    for kw, mpa, cooling, *levels in green_criteria_6_2:
        for level, value in enumerate(levels, start=1):
            if value is None:  # the notes' '-' is a conflict, see test_unverified_row
                continue
            assert ca.gb19153_limit(kw, mpa, cooling, level).m_as("kW/(m^3/min)") == value


def test_unverified_row_warns():
    with pytest.warns(UnverifiedDataWarning, match="37 kW"):
        assert ca.gb19153_limit(37, 0.8, "air", 1).m_as("kW/(m^3/min)") == 6.7
    with pytest.warns(UnverifiedDataWarning):
        assert ca.gb19153_level(6.5, 37, 0.8, "air") == 1
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert ca.gb19153_level(7.0, 37, 0.8, "air") == 2  # level 1 not used: no warning


def test_gb19153_level():
    assert ca.gb19153_level(6.6, 45, 0.8, "air") == 1  # at the limit
    assert ca.gb19153_level(7.0, 45, 0.8, "风冷") == 2
    assert ca.gb19153_level(7.9, 45, 0.8, "air") == 3
    assert ca.gb19153_level(8.0, 45, 0.8, "air") == BELOW_LIMIT
    assert list(ca.gb19153_level([6.0, 7.5], 45, 0.8, "liquid")) == [1, 3]
    sp = ca.specific_power(Q_(45, "kW"), Q_(240, CFM))
    imperial = ca.gb19153_level(sp, Q_(45, "kW").to("hp"), Q_(8, "bar"), "air")
    assert imperial == ca.gb19153_level(sp.m_as("kW/(m^3/min)"), 45, 0.8, "air")


def test_gb19153_errors():
    with pytest.raises(OutOfRangeError, match="cooling"):  # '-' at every level
        ca.gb19153_level(5.0, 15, 0.8, "liquid")
    with pytest.raises(OutOfRangeError, match="motor_power"):
        ca.gb19153_level(5.0, 40, 0.8, "air")
    with pytest.raises(OutOfRangeError, match="pressure"):
        ca.gb19153_level(5.0, 45, 0.75, "air")
    with pytest.raises(InputError, match="cooling"):
        ca.gb19153_level(5.0, 45, 0.8, "oil")
    with pytest.raises(OutOfRangeError, match="level"):
        ca.gb19153_limit(45, 0.8, "air", 0)
    with pytest.raises(OutOfRangeError, match="free_air_delivery"):
        ca.specific_power(45, 0)


def test_gb19153_table_consistent():
    table = ca._gb19153()
    for vals, _ in table.values():
        defined = vals[~np.isnan(vals)]
        assert np.all(np.diff(defined) > 0)  # level 1 < level 2 < level 3
