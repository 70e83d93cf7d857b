"""Tests of greenchain.processes.combustion.

Published values: US DOE MEASUR (ORNL-AMO/AMO-Tools-Suite, commit 15208321) unit tests,
as recomputed in shared/reference/peers.md A-4 and A-5. The available-heat correlation
(A-3) has no published vector here: its checks are hand computations stated below.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from greenchain import Q_
from greenchain.errors import InputError, OutOfRangeError, UnitError
from greenchain.processes.combustion import (
    available_heat,
    efficiency_improvement,
    energy_equivalency_electric,
    energy_equivalency_fuel,
    excess_air_from_o2,
    flue_gas_loss,
    gas_heating_value,
    gas_specific_gravity,
)

# ----------------------------------------------------------------------------- fixtures


@pytest.fixture
def amo_gas_flue_gas_material_unit_cpp():
    """AMO tests/cpp/GasFlueGasMaterial.unit.cpp, "Calculate Heat Loss for flue gas Losses"
    (peers.md A-5): composition in vol % -> HHV [Btu/lb], HHV [Btu/scf], SG."""
    return {
        "Typical Natural Gas - US": (
            {
                "CH4": 87,
                "C2H6": 8.5,
                "N2": 3.6,
                "H2": 0.4,
                "C3H8": 0,
                "C4H10+CnH2n": 0,
                "H2O": 0,
                "CO": 0,
                "CO2": 0.4,
                "SO2": 0,
                "O2": 0.1,
            },
            22030.67089880065,
            1032.445,
            0.6571206283343215,
        ),
        "Blast Furnace Gas": (
            {
                "CH4": 0.1,
                "C2H6": 0,
                "N2": 56.4,
                "H2": 2.4,
                "C3H8": 0,
                "C4H10+CnH2n": 0,
                "H2O": 3.4,
                "CO": 23.3,
                "CO2": 14.4,
                "SO2": 0,
                "O2": 0,
            },
            1080.6848266529887,
            83.605,
            1.0870540901007706,
        ),
        "CH4": ({"CH4": 100}, 23875.0, 1012.0, 0.5943242442),
    }


@pytest.fixture
def amo_energy_equivalency_unit_cpp():
    """AMO tests/cpp/EnergyEquivalency.unit.cpp (peers.md A-4)."""
    return {
        "electric": {
            "fuel_fired_efficiency": 6.59,
            "electric_efficiency": 50,
            "fuel_input_mmbtu_h": 87.3,
            "expected_kw": 3371.2686785819,
        },
        "fuel": {
            "electric_efficiency": 52.3,
            "fuel_fired_efficiency": 58.9,
            "electric_input_kw": 700,
            "expected_mmbtu_h": 2.1213910017,
        },
    }


def _percent(composition):
    return {k: Q_(v, "percent") for k, v in composition.items()}


# ----------------------------------------------------------------------------- A-5 gases


@pytest.mark.parametrize("name", ["Typical Natural Gas - US", "Blast Furnace Gas", "CH4"])
def test_gas_heating_value_and_sg_reproduce_amo(amo_gas_flue_gas_material_unit_cpp, name):
    composition, hhv_mass, hhv_volume, sg = amo_gas_flue_gas_material_unit_cpp[name]
    hv = gas_heating_value(_percent(composition))
    assert hv.per_mass.m_as("Btu/lb") == pytest.approx(hhv_mass, rel=1e-6)
    assert hv.per_standard_volume.m_as("Btu/scf") == pytest.approx(hhv_volume, rel=1e-6)
    # the volume values are printed to three decimals
    assert hv.per_standard_volume.m_as("Btu/scf") == pytest.approx(hhv_volume, abs=5e-4)
    assert gas_specific_gravity(_percent(composition)).m == pytest.approx(sg, rel=1e-6)


def test_gas_composition_as_fractions_equals_percent(amo_gas_flue_gas_material_unit_cpp):
    composition = amo_gas_flue_gas_material_unit_cpp["Typical Natural Gas - US"][0]
    fractions = {k: v / 100 for k, v in composition.items()}
    a = gas_heating_value(fractions)
    b = gas_heating_value(_percent(composition))
    assert a.per_mass.m == pytest.approx(b.per_mass.m, rel=1e-12)
    assert gas_specific_gravity(fractions).m == pytest.approx(
        gas_specific_gravity(_percent(composition)).m, rel=1e-12
    )


def test_gas_heating_value_is_vectorised():
    hv = gas_heating_value({"CH4": [1.0, 0.5], "H2": [0.0, 0.5]})
    # 50/50 by volume: HHV_V = 0.5*1012 + 0.5*325 = 668.5 Btu/scf
    np.testing.assert_allclose(hv.per_standard_volume.m_as("Btu/scf"), [1012.0, 668.5])
    # by mass: w_CH4 = 0.042417/(0.042417+0.005331); HHV = w*23875 + (1-w)*61095
    w = 0.042417 / (0.042417 + 0.005331)
    assert hv.per_mass.m_as("Btu/lb")[1] == pytest.approx(w * 23875 + (1 - w) * 61095, rel=1e-12)


def test_heating_value_converts_to_si_and_normal_volume():
    hv = gas_heating_value({"CH4": 1.0})
    # 23 875 Btu/lb x 1055.056 J/Btu / 0.45359237 kg/lb = 55.5326 MJ/kg
    assert hv.per_mass.m_as("MJ/kg") == pytest.approx(23875 * 1055.056 / 0.45359237 / 1e6)
    # 1012 Btu per ft3 at 60 degF and 14.7 psia, moved to 0 degC and 101.325 kPa (ideal gas)
    per_m3_60f = 1012 * 1055.056 / 0.3048**3 / 1e6
    t_scf = (60 - 32) / 1.8 + 273.15  # 60 degF in K
    state = (101.325 * t_scf) / (14.7 * 6.894757293168 * 273.15)
    assert hv.per_normal_volume.m_as("MJ/Nm3") == pytest.approx(per_m3_60f * state, rel=1e-12)
    assert hv.per_normal_volume.m_as("MJ/Nm3") == pytest.approx(39.84, rel=1e-3)


def test_gas_composition_errors():
    with pytest.raises(InputError, match="composition"):
        gas_heating_value({"CH4": 87, "C2H6": 13})  # percent given as plain numbers
    with pytest.raises(InputError, match="XE"):
        gas_heating_value({"XE": 1.0})
    with pytest.raises(OutOfRangeError, match="CO2"):
        gas_specific_gravity({"CH4": 1.1, "CO2": -0.1})
    with pytest.raises(InputError, match="composition"):
        gas_heating_value({})
    with pytest.raises(UnitError, match="CH4"):
        gas_heating_value({"CH4": Q_(1, "kg")})


# -----------------------------------------------------------------------------


def test_energy_equivalency_reproduces_amo(amo_energy_equivalency_unit_cpp):
    e = amo_energy_equivalency_unit_cpp["electric"]
    p = energy_equivalency_electric(
        Q_(e["fuel_input_mmbtu_h"] * 1e6, "Btu/h"),
        Q_(e["fuel_fired_efficiency"], "percent"),
        Q_(e["electric_efficiency"], "percent"),
        convention="measur",
    )
    assert p.m_as("kW") == pytest.approx(e["expected_kw"], rel=1e-6)
    f = amo_energy_equivalency_unit_cpp["fuel"]
    q = energy_equivalency_fuel(
        Q_(f["electric_input_kw"], "kW"),
        Q_(f["electric_efficiency"], "percent"),
        Q_(f["fuel_fired_efficiency"], "percent"),
        convention="measur",
    )
    assert q.m_as("Btu/h") / 1e6 == pytest.approx(f["expected_mmbtu_h"], rel=1e-6)


def test_energy_equivalency_exact_convention():
    # exact: P = Q * eta_ff / eta_el with no rounding of the kWh
    p = energy_equivalency_electric(Q_(1, "MW"), 0.4, 0.8)
    assert p.m_as("kW") == pytest.approx(500.0)
    measur = energy_equivalency_electric(Q_(1, "MW"), 0.4, 0.8, convention="measur")
    # MEASUR's 3413 Btu/kWh against pint's kWh in Btu
    assert (p / measur).m_as("") == pytest.approx(3413 / Q_(1, "kWh").m_as("Btu"), rel=1e-12)
    # round trip
    back = energy_equivalency_fuel(p, 0.8, 0.4)
    assert back.m_as("kW") == pytest.approx(1000.0)


def test_energy_equivalency_errors():
    with pytest.raises(OutOfRangeError, match="electric_efficiency"):
        energy_equivalency_electric(100, 0.5, 0)
    with pytest.raises(OutOfRangeError, match="fuel_fired_efficiency"):
        energy_equivalency_electric(100, 1.2, 0.5)
    with pytest.raises(InputError, match="convention"):
        energy_equivalency_fuel(100, 0.5, 0.5, convention="imperial")
    with pytest.raises(UnitError, match="fuel_input"):
        energy_equivalency_electric(Q_(1, "kg"), 0.5, 0.5)


# -----------------------------------------------------------------------------


def test_excess_air_from_o2_hand_values():
    # x = 0.03: 8.52381*0.03 / (2 - 9.52381*0.03) = 0.2557143 / 1.7142857 = 0.1491667
    assert excess_air_from_o2(0.03).m == pytest.approx(0.2557143 / 1.7142857, rel=1e-6)
    assert excess_air_from_o2(Q_(3, "percent")).m == pytest.approx(0.14916668, rel=1e-6)
    assert excess_air_from_o2(0).m == 0
    np.testing.assert_allclose(excess_air_from_o2([0.0, 0.03]).m, [0.0, 0.14916668], rtol=1e-6)


@pytest.mark.parametrize("bad", [0.21, 0.25, -0.01, 3, Q_(21, "percent"), Q_(30, "percent")])
def test_excess_air_rejects_o2_at_or_above_21_percent(bad):
    with pytest.raises(OutOfRangeError, match="flue_o2"):
        excess_air_from_o2(bad)


def test_available_heat_hand_value():
    # Tf = 1600 degF, EA = 0.10, Ta = 60 degF:
    # c = 0.017828518 + 0.000002556*60 = 0.017981878
    # heat input = 95 - 0.025*1600 = 55
    # air correction = -(-1.07891327 + 0.017981878*1600)*0.10 = -2.769209153
    # combustion-air correction = (-1.078913827 + 0.017981878*60)*1.10 = -1.2617e-6
    # AH = 55 - 2.769209153 - 0.0000012617 = 52.230789585 % of HHV
    c = 0.017828518 + 0.000002556 * 60
    expected = 55 - (-1.07891327 + c * 1600) * 0.10 + (-1.078913827 + c * 60) * 1.10
    assert expected == pytest.approx(52.230789585, rel=1e-9)
    ah = available_heat(Q_(1600, "degF"), 0.10, Q_(60, "degF"))
    assert ah.m == pytest.approx(expected / 100, rel=1e-12)
    assert flue_gas_loss(Q_(1600, "degF"), 0.10, Q_(60, "degF")).m == pytest.approx(
        1 - expected / 100, rel=1e-12
    )


def test_available_heat_si_and_imperial_agree():
    imperial = available_heat(Q_(1600, "degF"), Q_(10, "percent"), Q_(60, "degF"))
    celsius = available_heat((1600 - 32) / 1.8, 0.1, (60 - 32) / 1.8)
    kelvin = available_heat(
        Q_((1600 - 32) / 1.8 + 273.15, "K"), 0.1, Q_((60 - 32) / 1.8 + 273.15, "K")
    )
    assert celsius.m == pytest.approx(imperial.m, rel=1e-12)
    assert kelvin.m == pytest.approx(imperial.m, rel=1e-12)


def test_available_heat_out_of_range():
    with pytest.raises(OutOfRangeError, match="flue_temperature"):
        available_heat(Q_(4000, "degF"), 0.1, 20)  # 95 - 100 < 0
    with pytest.raises(OutOfRangeError, match="combustion_air_temperature"):
        available_heat(1000, 0.1, Q_(-300, "degC"))
    with pytest.raises(OutOfRangeError, match="excess_air"):
        available_heat(1000, -0.1, 20)


def test_efficiency_improvement_hand_value():
    # O2 5 % -> 2 %, flue 1100 degC -> 1100 degC, air 20 degC
    r = efficiency_improvement(
        Q_(5, "percent"), Q_(2, "percent"), 1100, 1100, 20, 20, Q_(10e6, "Btu/h")
    )
    tf, ta = 1100 * 1.8 + 32, 20 * 1.8 + 32  # 2012 degF, 68 degF
    c = 0.017828518 + 0.000002556 * ta

    def ah(x):
        ea = 8.52381 * x / (2 - 9.52381 * x)
        return (95 - 0.025 * tf) - (-1.07891327 + c * tf) * ea + (-1.078913827 + c * ta) * (1 + ea)

    s = (ah(0.02) - ah(0.05)) / ah(0.02)
    assert r.current_available_heat.m == pytest.approx(ah(0.05) / 100, rel=1e-12)
    assert r.new_available_heat.m == pytest.approx(ah(0.02) / 100, rel=1e-12)
    assert r.fuel_savings.m == pytest.approx(s, rel=1e-12)
    assert r.new_input.units == Q_(1, "Btu/h").units
    assert r.new_input.m == pytest.approx(10e6 * (1 - s), rel=1e-12)
    assert (r.current_input - r.new_input).m == pytest.approx(r.saving.m)


def test_efficiency_improvement_keeps_the_input_dimension():
    energy = efficiency_improvement(0.05, 0.02, 900, 900, 20, 20, Q_(100, "GJ"))
    power = efficiency_improvement(0.05, 0.02, 900, 900, 20, 20, 100)
    assert energy.new_input.check("[energy]") and energy.new_input.units == Q_(1, "GJ").units
    assert power.new_input.units == Q_(1, "kW").units
    assert energy.new_input.m == pytest.approx(power.new_input.m)
    with pytest.raises(UnitError, match="current_input"):
        efficiency_improvement(0.05, 0.02, 900, 900, 20, 20, Q_(100, "kg"))


def test_efficiency_improvement_no_change_saves_nothing():
    r = efficiency_improvement(0.04, 0.04, 800, 800, 30, 30, 1000)
    assert r.fuel_savings.m == 0 and r.new_input.m == 1000


def test_efficiency_improvement_bad_input_names_the_argument():
    with pytest.raises(OutOfRangeError, match="new_o2|flue_o2"):
        efficiency_improvement(0.05, 0.22, 900, 900, 20, 20, 100)
    with pytest.raises(OutOfRangeError, match="new_flue_temperature"):
        efficiency_improvement(0.05, 0.02, 900, Q_(-1, "K"), 20, 20, 100)
    with pytest.raises(OutOfRangeError, match="current_input"):
        efficiency_improvement(0.05, 0.02, 900, 900, 20, 20, -5)


@given(
    o2_cur=st.floats(0.0, 0.10),
    trim=st.floats(0.0, 1.0),
    tf=st.floats(100.0, 1200.0),
    ta=st.floats(-20.0, 100.0),
    q=st.floats(0.0, 1e5),
)
def test_lower_o2_saves_between_zero_and_the_input(o2_cur, trim, tf, ta, q):
    o2_new = o2_cur * trim
    r = efficiency_improvement(o2_cur, o2_new, tf, tf, ta, ta, q)
    assert 0.0 <= r.fuel_savings.m < 1.0
    assert -1e-9 <= r.saving.m <= q + 1e-9
    assert math.isclose(r.new_input.m + r.saving.m, q, rel_tol=1e-12, abs_tol=1e-9)
