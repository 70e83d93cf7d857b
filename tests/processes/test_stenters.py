"""Tests of greenchain.processes.stenters (and the old dyeing import path).

No published test vector exists for stenter heat balances, so these tests check closed
balances, unit invariance and that a recovery never exceeds its stream.
"""

from __future__ import annotations

import inspect

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from greenchain import Q_
from greenchain.errors import InputError, OutOfRangeError
from greenchain.processes import dyeing, stenters
from greenchain.processes.steam import dry_air_enthalpy, liquid_enthalpy, steam_properties
from greenchain.processes.stenters import stenter_drying_energy, stenter_exhaust_heat_recovery

# ------------------------------------------------------------------ drying
STENTER = dict(
    fabric_temperature=25,
    exhaust_temperature=150,
    ambient_temperature=25,
    fabric_specific_heat=1.3,
    efficiency=0.85,
)


def test_stenter_balance_closes():
    r = stenter_drying_energy(
        1200, 0.65, 0.07, exhaust_humidity=0.10, ambient_humidity=0.01, **STENTER
    )
    m_w = 1200 * 0.58
    assert r.water_evaporated.m == pytest.approx(m_w, rel=1e-12)
    assert r.air_flow.m == pytest.approx(m_w / 0.09, rel=1e-12)
    parts = r.evaporation_heat + r.fabric_heat + r.air_heat
    assert parts.m == pytest.approx(r.useful_heat.m, rel=1e-12)
    assert r.heat_input.m == pytest.approx(r.useful_heat.m / 0.85, rel=1e-12)
    h_v = steam_properties(0.000611212677444, temperature=Q_(150, "degC")).enthalpy.m
    assert r.evaporation_heat.m == pytest.approx(
        m_w * (h_v - liquid_enthalpy(25).m) / 3600, rel=1e-12
    )
    dh_air = dry_air_enthalpy(150).m - dry_air_enthalpy(25).m
    assert r.air_heat.m > r.air_flow.m * dh_air / 3600


def test_stenter_air_flow_routes_agree():
    via_humidity = stenter_drying_energy(
        1000, 0.6, 0.08, exhaust_humidity=0.12, ambient_humidity=0.012, **STENTER
    )
    via_flow = stenter_drying_energy(
        1000, 0.6, 0.08, exhaust_air_flow=via_humidity.air_flow, ambient_humidity=0.012, **STENTER
    )
    assert via_flow.heat_input.m == pytest.approx(via_humidity.heat_input.m, rel=1e-12)


def test_stenter_per_length_and_units():
    r = stenter_drying_energy(1000, 0.6, 0.08, exhaust_air_flow=9000, fabric_speed=50, **STENTER)
    # kW / (m/min) -> kJ per m -> kgce per 100 m
    expected = r.heat_input.m * 60 / 50 * 100 / 29_307.6
    assert r.energy_per_length.m_as("kgce/hundred_metre") == pytest.approx(expected, rel=1e-12)
    imp = stenter_drying_energy(
        Q_(1000, "kg/h").to("lb/h"),
        0.6,
        0.08,
        exhaust_air_flow=Q_(9000, "kg/h").to("lb/h"),
        fabric_temperature=Q_(77, "degF"),
        exhaust_temperature=Q_(302, "degF"),
        ambient_temperature=Q_(77, "degF"),
        fabric_specific_heat=1.3,
        efficiency=0.85,
    )
    assert imp.heat_input.m_as("kW") == pytest.approx(r.heat_input.m_as("kW"), rel=1e-9)


def test_stenter_errors():
    with pytest.raises(InputError, match="exhaust_air_flow"):
        stenter_drying_energy(1000, 0.6, 0.08, **STENTER)
    with pytest.raises(InputError, match="ambient_humidity"):
        stenter_drying_energy(1000, 0.6, 0.08, exhaust_humidity=0.1, **STENTER)
    with pytest.raises(OutOfRangeError, match="moisture_out"):
        stenter_drying_energy(1000, 0.6, 0.7, exhaust_air_flow=9000, **STENTER)
    with pytest.raises(OutOfRangeError, match="efficiency"):
        stenter_drying_energy(
            1000, 0.6, 0.08, exhaust_air_flow=9000, **{**STENTER, "efficiency": 1.5}
        )
    with pytest.raises(OutOfRangeError, match="exhaust_humidity"):
        stenter_drying_energy(
            1000, 0.6, 0.08, exhaust_humidity=0.01, ambient_humidity=0.02, **STENTER
        )


def test_stenter_exhaust_heat_recovery():
    r = stenter_exhaust_heat_recovery(8000, 150, 25, 0.6, heater_efficiency=0.8)
    dh = dry_air_enthalpy(150).m - dry_air_enthalpy(25).m
    assert r.heat_recovered.m == pytest.approx(0.6 * 8000 * dh / 3600, rel=1e-12)
    assert r.fuel_saving.m == pytest.approx(r.heat_recovered.m / 0.8, rel=1e-12)
    # humid exhaust with equal dry-air flows: the fresh air is the smaller capacity stream
    humid = stenter_exhaust_heat_recovery(8000, 150, 25, 0.6, exhaust_humidity=0.1)
    assert humid.heat_recovered.m == pytest.approx(r.heat_recovered.m, rel=1e-12)
    with pytest.raises(OutOfRangeError, match="effectiveness"):
        stenter_exhaust_heat_recovery(8000, 150, 25, -0.1)


@settings(max_examples=25, deadline=None)
@given(
    m=st.floats(0, 3e4),
    th=st.floats(60, 220),
    eps=st.floats(0, 1),
    y=st.floats(0, 0.3),
    fresh=st.floats(0, 3e4),
)
def test_stenter_recovery_within_stream(m, th, eps, y, fresh):
    r = stenter_exhaust_heat_recovery(m, th, 20, eps, exhaust_humidity=y, fresh_air_flow=fresh)
    dh_a = dry_air_enthalpy(th).m - dry_air_enthalpy(20).m
    available = m * dh_a / 3600  # sensible heat of the dry air alone, a lower bound
    assert 0 <= r.heat_recovered.m <= r.heat_max.m * (1 + 1e-12) + 1e-12
    assert r.heat_max.m <= available * (1 + y * 2.0) + 1e-9  # vapour cp < 2 x air cp per kg


# ------------------------------------------------------------------ the old import path
@pytest.mark.parametrize("name", stenters.__all__)
def test_old_dyeing_path_warns_and_gives_the_same_object(name):
    with pytest.warns(DeprecationWarning, match=rf"dyeing\.{name} moved to .*stenters"):
        old = getattr(dyeing, name)
    assert old is getattr(stenters, name)


def test_dyeing_has_no_other_new_attributes():
    with pytest.raises(AttributeError, match="no_such_name"):
        dyeing.no_such_name  # noqa: B018
    assert not set(stenters.__all__) & set(dyeing.__all__)


# ------------------------------------------------------------------ documentation
def test_every_public_function_has_a_doctest():
    for name in stenters.__all__:
        obj = getattr(stenters, name)
        if inspect.isfunction(obj):
            assert ">>>" in (obj.__doc__ or ""), name
