"""Tests of greenchain.processes.waste_heat.

MEASUR's E-1 (AMO tests/cpp/ProcessHeat.unit.cpp, WaterHeatingUsingExhaust) publishes
no vector in shared/reference/peers.md: the checks below are the E-1 formulas computed
by hand, IAPWS-IF97 closures, and invariants (recovered heat never exceeds the input,
SI and US inputs agree).
"""

from __future__ import annotations

import iapws
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from greenchain import Q_
from greenchain.errors import OutOfRangeError, UnitError
from greenchain.processes.combustion import available_heat
from greenchain.processes.waste_heat import (
    absorption_chiller,
    air_sensible_heat,
    heat_to_air,
    hot_water_flow,
    recoverable_exhaust_heat,
)


def test_recoverable_exhaust_heat_hand_value():
    # (1 - 0.45) x 10 MMBtu/h x 0.8 = 4.4 MMBtu/h
    q = recoverable_exhaust_heat(Q_(10e6, "Btu/h"), Q_(45, "percent"), Q_(80, "percent"))
    assert q.m_as("Btu/h") == pytest.approx(4.4e6, rel=1e-12)
    assert q.units == Q_(1, "Btu/h").units
    assert recoverable_exhaust_heat(100, 0.5, 1).m_as("kW") == pytest.approx(50.0)
    energy = recoverable_exhaust_heat(Q_(3, "GJ"), 0.5, 0.5)
    assert energy.check("[energy]") and energy.m_as("GJ") == pytest.approx(0.75)


def test_recoverable_exhaust_heat_with_phast_available_heat():
    ah = available_heat(900, 0.2, 25)
    q = recoverable_exhaust_heat(Q_(2, "MW"), ah, 0.6)
    assert q.m_as("MW") == pytest.approx((1 - ah.m) * 2 * 0.6, rel=1e-12)


@pytest.mark.parametrize("bad", [-0.1, 1.1, Q_(150, "percent")])
def test_effectiveness_outside_unit_interval(bad):
    with pytest.raises(OutOfRangeError, match="effectiveness"):
        recoverable_exhaust_heat(100, 0.5, bad)


def test_recoverable_exhaust_heat_errors():
    with pytest.raises(OutOfRangeError, match="available_heat"):
        recoverable_exhaust_heat(100, 1.5, 0.5)
    with pytest.raises(OutOfRangeError, match="heat_input"):
        recoverable_exhaust_heat(-100, 0.5, 0.5)
    with pytest.raises(UnitError, match="heat_input"):
        recoverable_exhaust_heat(Q_(1, "kg"), 0.5, 0.5)


@given(q=st.floats(0.0, 1e7), ah=st.floats(0.0, 1.0), eps=st.floats(0.0, 1.0))
def test_recovered_heat_never_exceeds_the_input(q, ah, eps):
    r = recoverable_exhaust_heat(q, ah, eps).m
    assert 0.0 <= r <= q


# ----------------------------------------------------------------------------- hot water


def test_hot_water_flow_closes_with_iapws():
    flow = hot_water_flow(Q_(500, "kW"), Q_(15, "K"), inlet_temperature=75)
    h_in = iapws.IAPWS97(T=348.15, x=0).h
    h_out = iapws.IAPWS97(T=363.15, x=0).h
    rho_in = iapws.IAPWS97(T=348.15, x=0).rho
    # m (kg/s) x (h_out - h_in) (kJ/kg) = 500 kW
    assert flow.mass.m_as("kg/s") * (h_out - h_in) == pytest.approx(500, rel=1e-12)
    assert flow.volume.m_as("m^3/h") == pytest.approx(flow.mass.m_as("kg/h") / rho_in, rel=1e-12)


def test_hot_water_flow_measur_constant():
    # MEASUR: gal/h = Q [Btu/h] / (dT [degF] x 8.335)
    flow = hot_water_flow(Q_(1e6, "Btu/h"), Q_(20, "delta_degF"))
    assert flow.volume.m_as("gallon/hour") == pytest.approx(1e6 / (20 * 8.335), rel=1e-9)
    assert flow.mass.m_as("lb/h") == pytest.approx(1e6 / (20 * 8.335) * 8.335, rel=1e-9)


def test_hot_water_flow_si_and_imperial_agree():
    si = hot_water_flow(Q_(100, "kW"), Q_(10, "K"), inlet_temperature=60)
    us = hot_water_flow(
        Q_(100, "kW").to("Btu/h"), Q_(18, "delta_degF"), inlet_temperature=Q_(140, "degF")
    )
    assert us.mass.m_as("kg/h") == pytest.approx(si.mass.m_as("kg/h"), rel=1e-9)
    amount = hot_water_flow(Q_(100, "kWh"), Q_(10, "K"), inlet_temperature=60)
    assert amount.mass.m_as("kg") == pytest.approx(si.mass.m_as("kg/h"), rel=1e-12)


def test_hot_water_flow_errors():
    with pytest.raises(OutOfRangeError, match="temperature_rise"):
        hot_water_flow(100, 0)
    with pytest.raises(OutOfRangeError, match="temperature_rise"):
        hot_water_flow(100, 300, inlet_temperature=90)  # would pass the critical point
    with pytest.raises(OutOfRangeError, match="inlet_temperature"):
        hot_water_flow(100, 10, inlet_temperature=Q_(-5, "K"))
    with pytest.raises(UnitError, match="temperature_rise"):
        hot_water_flow(100, Q_(10, "degC"))


# ----------------------------------------------------------------------------- chiller


def test_absorption_chiller_e1_formulas():
    # Q = 1 MMBtu/h, COP 0.7: cooling 0.7 MMBtu/h = 58.33 tons; x 0.9 capacity;
    # displaced electricity = 0.7e6 x 0.9 / 5.5 Btu/h
    r = absorption_chiller(
        Q_(1e6, "Btu/h"), 0.7, cop_electric=5.5, chiller_efficiency=Q_(90, "percent")
    )
    assert r.cooling.m_as("Btu/h") == pytest.approx(0.7e6)
    assert r.cooling.m_as("refrigeration_ton") == pytest.approx(0.7e6 / 12000, rel=1e-9)
    assert r.capacity.m_as("Btu/h") == pytest.approx(0.63e6)
    assert r.displaced_electricity.m_as("Btu/h") == pytest.approx(0.7e6 * 0.9 / 5.5)


def test_absorption_chiller_errors():
    with pytest.raises(OutOfRangeError, match="cop_absorption"):
        absorption_chiller(100, 0, cop_electric=5)
    with pytest.raises(OutOfRangeError, match="cop_electric"):
        absorption_chiller(100, 0.7, cop_electric=-1)
    with pytest.raises(OutOfRangeError, match="chiller_efficiency"):
        absorption_chiller(100, 0.7, cop_electric=5, chiller_efficiency=1.2)


# ----------------------------------------------------------------------------- air


def test_heat_to_air_inverts_air_sensible_heat():
    rise = heat_to_air(Q_(800, "kW"), Q_(30, "t/h"), inlet_temperature=30)
    back = air_sensible_heat(Q_(30, "t/h"), 30 + rise.m_as("delta_degC"), 30)
    assert back.m_as("kW") == pytest.approx(800, rel=1e-9)
    # dry air cp is about 1.01 kJ/(kg K) here: 800 / (30000/3600) / 1.01 = 95 K
    assert rise.m_as("K") == pytest.approx(95.0, rel=0.01)


def test_heat_to_air_units():
    by_mass = heat_to_air(Q_(100, "kW"), Q_(1293.0656, "kg/h"), inlet_temperature=20)
    by_volume = heat_to_air(Q_(100, "kW"), Q_(1000, "Nm3/h"), inlet_temperature=20)
    assert by_volume.m == pytest.approx(by_mass.m, rel=1e-6)
    imperial = heat_to_air(
        Q_(100, "kW").to("Btu/h"),
        Q_(1293.0656 / 0.45359237, "lb/h"),
        inlet_temperature=Q_(68, "degF"),
    )
    assert imperial.m_as("K") == pytest.approx(by_mass.m_as("K"), rel=1e-9)
    amount = heat_to_air(Q_(100, "kWh"), Q_(1293.0656, "kg"), inlet_temperature=20)
    assert amount.m == pytest.approx(by_mass.m, rel=1e-9)
    with pytest.raises(UnitError, match="air_flow"):
        heat_to_air(Q_(100, "kWh"), Q_(1000, "kg/h"), inlet_temperature=20)
    with pytest.raises(OutOfRangeError, match="air_flow"):
        heat_to_air(100, 0, inlet_temperature=20)
    with pytest.raises(OutOfRangeError, match="inlet_temperature"):
        heat_to_air(100, 1000, inlet_temperature=Q_(-1, "K"))
    assert heat_to_air(0, 1000, inlet_temperature=20).m == 0


def test_air_sensible_heat_is_linear_in_flow_and_vectorised():
    q = air_sensible_heat([1000, 2000], [200, 200], 25)
    assert q.m[1] == pytest.approx(2 * q.m[0], rel=1e-12)
    assert air_sensible_heat(Q_(1, "t"), 200, 25).check("[energy]")
    assert np.all(air_sensible_heat(1000, [25, 10], 25).m <= 0)
