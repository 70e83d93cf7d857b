"""Tests of greenchain.processes.steam_network: the chained steam-system balance."""

from __future__ import annotations

import pytest

from greenchain import Q_
from greenchain.errors import InputError, OutOfRangeError
from greenchain.processes.steam import saturation_properties
from greenchain.processes.steam_network import steam_system_balance


def kg_h(flow):
    return float(flow.mass_flow.m_as("kg/h"))


@pytest.mark.parametrize("condensate_return", [0.0, 0.6, 1.0])
def test_balance_closes(condensate_return):
    b = steam_system_balance(
        1.1, 3500, 0.5, 6000, combustion_efficiency=0.8, blowdown_fraction=0.05,
        line_loss=0.02, condensate_return=condensate_return,
    )  # fmt: skip
    assert abs(b.closure.m_as("")) < 1e-12
    s = b.streams
    # mass: feedwater = steam + blowdown = flash liquid + make-up
    assert kg_h(s["feedwater"]) == pytest.approx(9500 / 0.95)
    assert kg_h(s["feedwater"]) == pytest.approx(kg_h(s["flash_liquid"]) + kg_h(s["makeup_water"]))
    assert kg_h(s["returned_condensate"]) == pytest.approx(9500 * condensate_return)
    assert b.fuel_energy.m_as("kW") == pytest.approx(b.boiler_duty.m_as("kW") / 0.8)


def test_users_heat_is_latent_at_saturation():
    b = steam_system_balance(1.0, 1000, 0.4, 0)
    sat = saturation_properties(1.0)
    latent = (sat.vapour_enthalpy - sat.liquid_enthalpy).m_as("kJ/kg")
    assert b.heat_to_users["high_pressure"].m_as("kW") == pytest.approx(1000 * latent / 3600)
    assert b.heat_to_users["low_pressure"].m_as("kW") == 0


def test_superheated_boiler_and_units():
    b = steam_system_balance(
        Q_(1.6, "MPa"), Q_(2, "t/h"), Q_(0.6, "MPa"), Q_(3, "t/h"),
        steam_temperature=Q_(250, "degC"), condensate_return=0.5,
    )  # fmt: skip
    assert b.streams["boiler_steam"].state.temperature.m_as("degC") == pytest.approx(250)
    assert abs(b.closure.m_as("")) < 1e-12


def test_errors():
    with pytest.raises(InputError, match="low_pressure"):
        steam_system_balance(0.5, 100, 0.8, 100)
    with pytest.raises(InputError, match="demand"):
        steam_system_balance(1.0, 0, 0.5, 0)
    with pytest.raises(OutOfRangeError, match="condensate_return"):
        steam_system_balance(1.0, 100, 0.5, 100, condensate_return=1.5)
