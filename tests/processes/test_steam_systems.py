"""Tests of greenchain.processes.steam_systems (and the old boilers import path)."""

from __future__ import annotations

import inspect

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from greenchain import Q_
from greenchain.data.tables import parse_number, read_table
from greenchain.errors import InputError, OutOfRangeError, UnitError
from greenchain.processes import boilers, steam_systems
from greenchain.processes.steam import saturation_properties
from greenchain.processes.steam_systems import (
    blowdown_heat_recovery,
    condensate_return_saving,
    economiser_saving,
    steam_line_heat_loss,
)


# ------------------------------------------------------------------ steam-line heat loss
@pytest.fixture
def amo_heat_loss_unit_cpp():
    """US DOE MEASUR, AMO-Tools-Suite tests/cpp/HeatLoss.unit.cpp (commit 15208321).
    Energy flows in kJ/h."""
    return [
        {
            "P_MPa": 2.418,
            "T_K": 521.0,
            "h": None,
            "flow_kg_h": 5434.0,
            "loss": 0.0244,
            "inlet": 15_642_967.3486,
            "outlet": 15_261_278.9453459,
            "heat_loss": 381_688.4,
        },
        {
            "P_MPa": 5.1414,
            "T_K": None,
            "h": 2000.0,
            "flow_kg_h": 36_011.0,
            "loss": 0.0311,
            "inlet": 72_022_000.0,
            "outlet": 69_782_115.79,
            "heat_loss": 2_239_884.2,
        },
    ]


def test_amo_heat_loss(amo_heat_loss_unit_cpp):
    for case in amo_heat_loss_unit_cpp:
        if case["T_K"] is not None:
            r = steam_line_heat_loss(
                case["flow_kg_h"], case["P_MPa"], Q_(case["T_K"], "K"), loss_fraction=case["loss"]
            )
        else:
            r = steam_line_heat_loss(
                case["flow_kg_h"], case["P_MPa"], enthalpy=case["h"], loss_fraction=case["loss"]
            )
        assert r.inlet_energy.m_as("kJ/h") == pytest.approx(case["inlet"], rel=1e-6)
        assert r.outlet_energy.m_as("kJ/h") == pytest.approx(case["outlet"], rel=1e-6)
        assert r.heat_loss.m_as("kJ/h") == pytest.approx(case["heat_loss"], rel=1e-6)


def test_heat_loss_errors():
    with pytest.raises(InputError, match="exactly one"):
        steam_line_heat_loss(1000, 1.0, loss_fraction=0.01)
    with pytest.raises(OutOfRangeError, match="loss_fraction"):
        steam_line_heat_loss(1000, 1.0, 200, loss_fraction=1.0)
    with pytest.raises(OutOfRangeError, match="pressure"):
        steam_line_heat_loss(1000, 150, 200, loss_fraction=0.01)


# ------------------------------------------------------------------ economiser
def test_economiser_doe_rule_is_one_point_per_40F():
    rows = {r["key"]: r for r in read_table("boiler_rules_doe.csv")}
    assert rows["economiser.flue_temperature_drop_per_step"]["source_id"] == "doe-steam-tip3"
    r = economiser_saving(1000, Q_(40, "delta_degF"), boiler_efficiency=0.80)
    assert r.efficiency_gain.m == pytest.approx(0.01, rel=1e-12)
    assert r.method == "doe_rule" and r.status == "official"
    # the SI statement of the same rule: about 1 point per 22 degC
    r22 = economiser_saving(1000, Q_(22, "delta_degC"), boiler_efficiency=0.80)
    assert r22.efficiency_gain.m == pytest.approx(0.01, rel=0.02)
    # fuel for the same output: F' = F eta / (eta + d_eta)
    assert r.fuel_saving.m == pytest.approx(1000 * (1 - 0.80 / 0.81), rel=1e-12)


def test_economiser_typical_range_plausibility():
    """A 110 K flue cooling (e.g. 260 -> 150 degC) on an 80 % boiler lands in the DOE
    tip sheet's typical 5-10 % fuel saving (plausibility, not a fit)."""
    row = next(
        r
        for r in read_table("boiler_rules_doe.csv")
        if r["key"] == "economiser.typical_fuel_saving"
    )
    low, high = parse_number(row["low"]), parse_number(row["high"])
    r = economiser_saving(5000, 110, boiler_efficiency=0.80)
    assert low <= r.fuel_saving_fraction.m <= high


def test_economiser_energy_balance():
    r = economiser_saving(
        Q_(8, "MW"),
        Q_(100, "delta_degC"),
        boiler_efficiency=0.85,
        flue_gas_flow=Q_(3, "kg/s"),
        flue_gas_specific_heat=1.1,
    )
    gain = 3 * 1.1 * 100 / 8000
    assert r.efficiency_gain.m == pytest.approx(gain, rel=1e-12)
    assert r.method == "energy_balance"
    # heat recovered at the new point equals the efficiency gain times the new fuel input
    assert r.heat_recovered.m == pytest.approx(gain * (8000 - r.fuel_saving.m), rel=1e-12)
    # the useful output is unchanged: F eta = F' (eta + gain)
    assert 8000 * 0.85 == pytest.approx((8000 - r.fuel_saving.m) * (0.85 + gain), rel=1e-12)


@settings(max_examples=40, deadline=None)
@given(f=st.floats(1, 1e5), dt=st.floats(0, 300), eta=st.floats(0.5, 0.85))
def test_economiser_saving_within_stream(f, dt, eta):
    r = economiser_saving(f, dt, boiler_efficiency=eta)
    assert 0 <= r.fuel_saving.m <= f


def test_economiser_errors():
    with pytest.raises(UnitError, match="flue_temperature_drop"):
        economiser_saving(1000, Q_(40, "degF"), boiler_efficiency=0.8)  # absolute, not a drop
    with pytest.raises(OutOfRangeError, match="flue_temperature_drop"):
        economiser_saving(1000, -5, boiler_efficiency=0.8)
    with pytest.raises(OutOfRangeError, match="boiler_efficiency"):
        economiser_saving(1000, 40, boiler_efficiency=1.1)
    with pytest.raises(InputError, match="flue_gas"):
        economiser_saving(1000, 40, boiler_efficiency=0.8, flue_gas_flow=100)
    with pytest.raises(OutOfRangeError, match="flue_temperature_drop"):
        economiser_saving(1000, 2000, boiler_efficiency=0.8)  # efficiency would pass 1


# ------------------------------------------------------------------ blowdown
def test_blowdown_flash_fraction():
    r = blowdown_heat_recovery(
        1000, 1.0, makeup_temperature=15, boiler_efficiency=0.8, flash_pressure=0.2
    )
    hb = saturation_properties(1.0).liquid_enthalpy.m
    fl = saturation_properties(0.2)
    x = (hb - fl.liquid_enthalpy.m) / fl.latent_heat.m
    assert r.flash_steam_flow.m == pytest.approx(1000 * x, rel=1e-12)
    assert r.heat_exchanger_heat.m == 0


def test_blowdown_balance_closes_at_full_recovery():
    r = blowdown_heat_recovery(
        800,
        1.3,
        makeup_temperature=20,
        boiler_efficiency=0.85,
        flash_pressure=0.15,
        heat_exchanger_effectiveness=1.0,
    )
    assert r.heat_recovered.m == pytest.approx(r.heat_available.m, rel=1e-9)
    assert r.fuel_saving.m == pytest.approx(r.heat_recovered.m / 0.85, rel=1e-12)
    none = blowdown_heat_recovery(800, 1.3, makeup_temperature=20, boiler_efficiency=0.85)
    assert none.heat_recovered.m == 0


@settings(max_examples=30, deadline=None)
@given(
    m=st.floats(0, 5000),
    p=st.floats(0.3, 5.0),
    pf_frac=st.floats(0.02, 0.9),
    eps=st.floats(0, 1),
    t_mu=st.floats(5, 60),
    mu=st.floats(0, 1e4),
)
def test_blowdown_recovery_within_available(m, p, pf_frac, eps, t_mu, mu):
    r = blowdown_heat_recovery(
        m,
        p,
        makeup_temperature=t_mu,
        boiler_efficiency=0.8,
        flash_pressure=max(p * pf_frac, 0.11),
        heat_exchanger_effectiveness=eps,
        makeup_flow=mu,
    )
    assert 0 <= r.heat_recovered.m <= r.heat_available.m * (1 + 1e-12) + 1e-12


def test_blowdown_errors():
    with pytest.raises(OutOfRangeError, match="flash_pressure"):
        blowdown_heat_recovery(
            100, 1.0, makeup_temperature=20, boiler_efficiency=0.8, flash_pressure=1.5
        )
    with pytest.raises(OutOfRangeError, match="heat_exchanger_effectiveness"):
        blowdown_heat_recovery(
            100, 1.0, makeup_temperature=20, boiler_efficiency=0.8, heat_exchanger_effectiveness=1.2
        )
    with pytest.raises(OutOfRangeError, match="makeup_temperature"):
        blowdown_heat_recovery(100, 1.0, makeup_temperature=Q_(-10, "K"), boiler_efficiency=0.8)


# ------------------------------------------------------------------ condensate (DOE tip 8)
@pytest.fixture
def doe_steam_tip8_condensate():
    """US DOE AMO Steam Tip Sheet #8 "Return condensate to the boiler" worked example
    (doe-steam-tip8): 10,000 lb/h more condensate at 180 degF,
    8,000 h/yr, boiler efficiency 80 %, makeup 55 degF, flash loss 12 %.
    Printed result: fuel saved 0.88 x 10,000 x 8,000 x (148 - 23) / 0.80 = 11,000 MMBtu/yr."""
    return {
        "flow_lb_h": 10_000,
        "t_c_F": 180,
        "t_m_F": 55,
        "hours": 8000,
        "eta": 0.80,
        "flash": 0.12,
        "fuel_MMBtu": 11_000,
        "returned_lb": 0.88 * 10_000 * 8000,
    }


def test_doe_steam_tip8_condensate(doe_steam_tip8_condensate):
    case = doe_steam_tip8_condensate
    r = condensate_return_saving(
        Q_(case["flow_lb_h"], "lb/h"),
        Q_(case["t_c_F"], "degF"),
        Q_(case["t_m_F"], "degF"),
        case["eta"],
        case["hours"],
        flash_loss=case["flash"],
    )
    fuel_mmbtu = r.fuel_saving.m_as("Btu") / 1e6
    # Tolerance 2e-2: the tip sheet rounds the enthalpies to 148 and 23 Btu/lb (3 digits) and
    # prints the result as "11,000" (2 significant figures). With IAPWS-IF97 saturated-liquid
    # enthalpies (148.01 and 23.07 Btu/lb) we get 10,994.6 MMBtu, within 5e-4 of it.
    assert fuel_mmbtu == pytest.approx(case["fuel_MMBtu"], rel=2e-2)
    assert fuel_mmbtu == pytest.approx(10_994.6, rel=1e-4)
    assert r.water_saving.m_as("lb") == pytest.approx(case["returned_lb"], rel=1e-12)


def test_condensate_si_vs_imperial(doe_steam_tip8_condensate):
    case = doe_steam_tip8_condensate
    imp = condensate_return_saving(
        Q_(case["flow_lb_h"], "lb/h"),
        Q_(180, "degF"),
        Q_(55, "degF"),
        0.8,
        Q_(8000, "h"),
        flash_loss=0.12,
    )
    si = condensate_return_saving(
        Q_(case["flow_lb_h"], "lb/h").m_as("kg/h"),
        Q_(180, "degF").m_as("degC"),
        Q_(55, "degF").m_as("degC"),
        0.8,
        8000,
        flash_loss=0.12,
    )
    assert si.fuel_saving.m_as("GJ") == pytest.approx(imp.fuel_saving.m_as("GJ"), rel=1e-9)


@settings(max_examples=40, deadline=None)
@given(m=st.floats(0, 1e5), tc=st.floats(20, 150), dt=st.floats(0, 15), f=st.floats(0, 0.5))
def test_condensate_saving_within_stream(m, tc, dt, f):
    r = condensate_return_saving(m, tc, tc - dt, 0.8, 1000, flash_loss=f)
    full = condensate_return_saving(m, tc, tc - dt, 1.0, 1000)
    assert 0 <= r.heat_recovered.m <= full.heat_recovered.m * (1 + 1e-12) + 1e-12


def test_condensate_errors():
    with pytest.raises(OutOfRangeError, match="condensate_temperature"):
        condensate_return_saving(1000, 20, 40, 0.8, 8000)
    with pytest.raises(OutOfRangeError, match="flash_loss"):
        condensate_return_saving(1000, 80, 20, 0.8, 8000, flash_loss=1)
    with pytest.raises(OutOfRangeError, match="boiler_efficiency"):
        condensate_return_saving(1000, 80, 20, 0, 8000)


# ------------------------------------------------------------------ the old import path
@pytest.mark.parametrize("name", steam_systems.__all__)
def test_old_boilers_path_warns_and_gives_the_same_object(name):
    with pytest.warns(DeprecationWarning, match=rf"boilers\.{name} moved to .*steam_systems"):
        old = getattr(boilers, name)
    assert old is getattr(steam_systems, name)


def test_old_boilers_path_from_import_warns():
    with pytest.warns(DeprecationWarning, match="steam_systems"):
        from greenchain.processes.boilers import economiser_saving as old
    assert old is economiser_saving


def test_boilers_has_no_other_new_attributes():
    with pytest.raises(AttributeError, match="no_such_name"):
        boilers.no_such_name  # noqa: B018
    assert not set(steam_systems.__all__) & set(boilers.__all__)


# ------------------------------------------------------------------ documentation
def test_every_public_function_has_a_doctest():
    for name in steam_systems.__all__:
        obj = getattr(steam_systems, name)
        if inspect.isfunction(obj):
            assert ">>>" in (obj.__doc__ or ""), name
