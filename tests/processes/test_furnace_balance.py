"""Invariants of the furnace-loss terms and the kiln heat balance (no published vectors here:
MEASUR's are in test_measur_phast.py). Checks: SI and imperial inputs agree, the balance
closes, errors name the argument."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from greenchain import Q_
from greenchain.errors import InputError, OutOfRangeError, UnitError
from greenchain.processes.furnace_losses import (
    atmosphere_loss,
    circular_opening_view_factor,
    fixture_loss,
    gas_cooling_loss,
    leakage_loss,
    opening_radiation_loss,
    rectangular_opening_view_factor,
    water_cooling_loss,
)
from greenchain.processes.kiln_balance import furnace_heat_balance
from greenchain.processes.kilns import opening_loss


def test_fixture_loss_si_equals_imperial():
    si = fixture_loss(500, 0.5, 20, 1200)
    us = fixture_loss(
        Q_(500, "kg/h").to("lb/h"),
        Q_(0.5, "kJ/kg/K").to("Btu/lb/delta_degF"),
        Q_(68, "degF"),
        Q_(2192, "degF"),
    )
    assert si.m_as("kW") == pytest.approx(500 * 0.5 * 1180 / 3600)
    assert us.m_as("kW") == pytest.approx(si.m_as("kW"))


def test_losses_are_vectorised_and_linear():
    q = gas_cooling_loss([1000, 2000], 30, 180, specific_heat=1.006, density=1.16)
    assert q.m_as("kW")[1] == pytest.approx(2 * q.m_as("kW")[0])
    assert atmosphere_loss(10, 1.3, 20, 20).m_as("kW") == 0


def test_water_cooling_loss_close_to_iapws_water():
    # 10 m3/h from 20 to 40 degC: rho ~ 995.6 kg/m3, cp 4.1868 kJ/(kg K)
    q = water_cooling_loss(10, 20, 40).m_as("kW")
    assert q == pytest.approx(10 * 995.6 * 4.18 * 20 / 3600, rel=3e-3)
    with pytest.raises(OutOfRangeError, match="outlet_temperature"):
        water_cooling_loss(10, 20, 120)


def test_leakage_loss_errors_name_the_argument():
    with pytest.raises(OutOfRangeError, match="discharge_coefficient"):
        leakage_loss(0.1, 5, 900, 25, discharge_coefficient=1.2, specific_gravity=1)
    with pytest.raises(OutOfRangeError, match="specific_gravity"):
        leakage_loss(0.1, 5, 900, 25, discharge_coefficient=0.8, specific_gravity=0)
    with pytest.raises(UnitError, match="draft_pressure"):
        leakage_loss(0.1, Q_(5, "m"), 900, 25, discharge_coefficient=0.8, specific_gravity=1)


def test_view_factors_are_fractions_and_fall_with_thickness():
    thickness = np.linspace(0.01, 1.0, 40)
    vf = circular_opening_view_factor(0.2, thickness).m_as("")
    assert np.all((vf > 0) & (vf <= 1))
    assert np.all(np.diff(vf) <= 1e-12)
    rect = rectangular_opening_view_factor(0.6, 0.2, thickness).m_as("")
    assert np.all((rect > 0) & (rect <= 1))
    with pytest.raises(OutOfRangeError, match="diameter"):
        circular_opening_view_factor(0, 0.1)


def test_opening_radiation_loss_equals_opening_loss_with_the_view_factor():
    vf = rectangular_opening_view_factor(0.4, 0.2, 0.3)
    direct = opening_loss(0.08, 1100, 25, view_factor=vf, emissivity=0.9)
    geometric = opening_radiation_loss(
        1100, 25, wall_thickness=0.3, emissivity=0.9, length=0.4, height=0.2
    )
    assert geometric.m_as("kW") == pytest.approx(direct.m_as("kW"))
    round_one = opening_radiation_loss(1100, 25, wall_thickness=0.3, emissivity=0.9, diameter=0.2)
    vf_round = circular_opening_view_factor(0.2, 0.3)
    expected = opening_loss(math.pi * 0.01, 1100, 25, view_factor=vf_round, emissivity=0.9)
    assert round_one.m_as("kW") == pytest.approx(expected.m_as("kW"))
    with pytest.raises(InputError, match="diameter"):
        opening_radiation_loss(
            1100, 25, wall_thickness=0.3, emissivity=0.9, diameter=0.2, length=0.3
        )
    with pytest.raises(InputError, match="diameter"):
        opening_radiation_loss(1100, 25, wall_thickness=0.3, emissivity=0.9, length=0.3)


@given(
    st.lists(st.floats(0.0, 5000.0), min_size=1, max_size=6),
    st.floats(0.05, 0.95),
)
def test_derived_balance_closes(loads, ah):
    terms = {f"t{i}": v for i, v in enumerate(loads)}
    b = furnace_heat_balance(terms, ah)
    total = b.heat_input.m_as("kW")
    assert abs(b.closure.m_as("kW")) <= 1e-9 * max(total, 1.0)
    assert b.total_terms.m_as("kW") == pytest.approx(
        b.total_in.m_as("kW"), abs=1e-9 * max(total, 1.0)
    )


def test_metered_balance_reports_unaccounted_heat_and_credits():
    b = furnace_heat_balance(
        {"product": 900, "walls": 120}, 0.55, fuel_input=2000, credits={"exothermic": 50}
    )
    # in: 2000 + 50; out: 1020 + 2000 * 0.45 = 1920
    assert b.closure.m_as("kW") == pytest.approx(130.0)
    assert b.relative_closure.m_as("") == pytest.approx(130.0 / 2050)
    assert sum(s.m_as("") for s in b.shares.values()) == pytest.approx(1920 / 2050)
    with pytest.raises(InputError, match="flue_gas"):
        furnace_heat_balance({"flue_gas": 10}, 0.5)
    with pytest.raises(InputError, match="terms"):
        furnace_heat_balance({}, 0.5)
    with pytest.raises(OutOfRangeError, match="available_heat"):
        furnace_heat_balance({"product": 10}, 1.5)
