"""Tests of greenchain.processes.dryers.

Reference values: IAPWS-IF97 saturation enthalpies through the ``iapws`` package
(the formulation's own implementation); the rest are mass- and energy-balance
invariants and unit invariance.
"""

from __future__ import annotations

import warnings

import iapws
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from greenchain import Q_
from greenchain.errors import InputError, OutOfRangeError, UnitError
from greenchain.processes.dryers import evaporation_energy, spray_dryer_energy


@pytest.fixture
def iapws_if97_saturation():
    """Saturated-water enthalpies [kJ/kg] from IAPWS-IF97 (iapws.IAPWS97)."""
    return {
        "h_g_100C": iapws.IAPWS97(T=373.15, x=1).h,
        "h_f_100C": iapws.IAPWS97(T=373.15, x=0).h,
        "h_f_20C": iapws.IAPWS97(T=293.15, x=0).h,
    }


def test_one_tonne_from_20_to_steam_at_100(iapws_if97_saturation):
    h = iapws_if97_saturation
    q = evaporation_energy(
        Q_(1, "t"), inlet_temperature=20, evaporation_temperature=100, efficiency=1
    )
    expected_mj = 1000 * (h["h_g_100C"] - h["h_f_20C"]) / 1000  # 1000 kg x kJ/kg -> MJ
    assert q.m_as("MJ") == pytest.approx(expected_mj, rel=1e-6)
    assert abs(q.m_as("MJ") - expected_mj) < 1e-6
    # about 2 591.7 MJ: latent 2 256.5 + sensible 335.2
    assert q.m_as("MJ") == pytest.approx(2591.65, rel=1e-5)


def test_default_evaporation_temperature_is_100_degc(iapws_if97_saturation):
    a = evaporation_energy(1000, inlet_temperature=20, efficiency=1)
    b = evaporation_energy(
        1000, inlet_temperature=20, evaporation_temperature=Q_(373.15, "K"), efficiency=1
    )
    assert a.m == pytest.approx(b.m, rel=1e-12)


def test_efficiency_divides_and_percent_is_accepted():
    base = evaporation_energy(500, inlet_temperature=25, efficiency=1)
    half = evaporation_energy(500, inlet_temperature=25, efficiency=Q_(50, "percent"))
    assert half.m == pytest.approx(2 * base.m, rel=1e-12)


def test_flow_gives_power_and_amount_gives_energy():
    flow = evaporation_energy(Q_(3.6, "t/h"), inlet_temperature=25, efficiency=0.6)
    amount = evaporation_energy(Q_(3.6, "t"), inlet_temperature=25, efficiency=0.6)
    assert flow.check("[power]") and amount.check("[energy]")
    # 3.6 t per hour: MJ per hour / 3.6 = kW
    assert flow.m_as("kW") == pytest.approx(amount.m_as("MJ") / 3.6, rel=1e-12)


def test_si_and_imperial_inputs_agree():
    si = evaporation_energy(Q_(1, "t"), inlet_temperature=20, efficiency=0.7)
    imperial = evaporation_energy(
        Q_(1000 / 0.45359237, "lb"),
        inlet_temperature=Q_(68, "degF"),
        evaporation_temperature=Q_(212, "degF"),
        efficiency=0.7,
    )
    assert imperial.m_as("MJ") == pytest.approx(si.m_as("MJ"), rel=1e-9)


def test_solids_add_their_sensible_heat():
    water_only = evaporation_energy(100, inlet_temperature=25, efficiency=0.8)
    with_solids = evaporation_energy(
        100,
        inlet_temperature=25,
        efficiency=0.8,
        solids=200,
        solids_cp=Q_(0.85, "kJ/(kg*K)"),
        solids_temperature_rise=Q_(60, "K"),
    )
    # 200 kg x 0.85 kJ/(kg K) x 60 K / 0.8 = 12 750 kJ = 12.75 MJ
    assert (with_solids - water_only).m_as("MJ") == pytest.approx(12.75, rel=1e-12)
    with pytest.raises(InputError, match="solids_temperature_rise"):
        evaporation_energy(100, inlet_temperature=25, efficiency=0.8, solids=200, solids_cp=0.85)
    with pytest.raises(UnitError, match="solids"):
        evaporation_energy(
            Q_(100, "kg/h"),
            inlet_temperature=25,
            efficiency=0.8,
            solids=Q_(200, "kg"),
            solids_cp=0.85,
            solids_temperature_rise=60,
        )


@pytest.mark.parametrize("bad", [0, -0.1, 1.01, Q_(120, "percent")])
def test_efficiency_out_of_range(bad):
    with pytest.raises(OutOfRangeError, match="efficiency"):
        evaporation_energy(100, inlet_temperature=25, efficiency=bad)


def test_temperature_errors_name_the_argument():
    with pytest.raises(OutOfRangeError, match="inlet_temperature"):
        evaporation_energy(100, inlet_temperature=Q_(-10, "K"), efficiency=0.5)
    with pytest.raises(OutOfRangeError, match="inlet_temperature"):
        evaporation_energy(100, inlet_temperature=120, efficiency=0.5)
    with pytest.raises(OutOfRangeError, match="evaporation_temperature"):
        evaporation_energy(100, inlet_temperature=20, evaporation_temperature=400, efficiency=0.5)
    with pytest.raises(OutOfRangeError, match="water_evaporated"):
        evaporation_energy(-1, inlet_temperature=20, efficiency=0.5)
    with pytest.raises(UnitError, match="water_evaporated"):
        evaporation_energy(Q_(1, "m"), inlet_temperature=20, efficiency=0.5)


def test_vectorised_over_temperatures():
    q = evaporation_energy(
        [1000, 1000], inlet_temperature=[20, 20], evaporation_temperature=[100, 60], efficiency=1
    )
    assert q.m.shape == (2,)
    h_g60 = iapws.IAPWS97(T=333.15, x=1).h
    h_f20 = iapws.IAPWS97(T=293.15, x=0).h
    assert q.m_as("MJ")[1] == pytest.approx(h_g60 - h_f20, rel=1e-9)


# ----------------------------------------------------------------------------- spray dryer


def test_spray_dryer_mass_balance_closes():
    r = spray_dryer_energy(
        Q_(10, "t"), slip_moisture=0.35, powder_moisture=0.06, efficiency=0.5, inlet_temperature=25
    )
    assert (r.powder + r.water_evaporated).m_as("kg") == pytest.approx(r.slip.m_as("kg"))
    assert r.dry_solids.m_as("kg") == pytest.approx(10000 * 0.65)
    assert (r.powder * (1 - 0.06)).m_as("kg") == pytest.approx(r.dry_solids.m_as("kg"))
    # energy is the evaporation energy of the water
    q = evaporation_energy(r.water_evaporated, inlet_temperature=25, efficiency=0.5)
    assert r.energy.m_as("MJ") == pytest.approx(q.m_as("MJ"), rel=1e-12)
    assert r.specific_energy.m_as("MJ/t") == pytest.approx(
        r.energy.m_as("MJ") / r.powder.m_as("t"), rel=1e-12
    )
    assert r.specific_energy_kgce.m_as("kgce/t") == pytest.approx(
        r.specific_energy.m_as("MJ/t") / 29.3076, rel=1e-12
    )


def test_spray_dryer_slip_and_powder_routes_agree():
    from_slip = spray_dryer_energy(
        Q_(14.4615384615, "t/h"),
        slip_moisture=0.35,
        powder_moisture=0.06,
        efficiency=0.45,
        inlet_temperature=30,
    )
    from_powder = spray_dryer_energy(
        powder=Q_(10, "t/h"),
        slip_moisture=Q_(35, "percent"),
        powder_moisture=Q_(6, "percent"),
        efficiency=0.45,
        inlet_temperature=30,
    )
    assert from_slip.powder.m_as("t/h") == pytest.approx(10.0, rel=1e-9)
    assert from_powder.energy.check("[power]")
    assert from_slip.specific_energy.m == pytest.approx(from_powder.specific_energy.m, rel=1e-9)
    # 1 t powder at 6 %: dry 0.94 t, slip 0.94/0.65 t, water 0.94/0.65 - 1 = 0.44615 t
    assert from_powder.water_per_tonne_powder.m == pytest.approx(0.94 / 0.65 - 1, rel=1e-12)


def test_spray_dryer_with_solids_heating():
    a = spray_dryer_energy(
        powder=1000, slip_moisture=0.35, powder_moisture=0.06, efficiency=0.5, inlet_temperature=25
    )
    b = spray_dryer_energy(
        powder=1000,
        slip_moisture=0.35,
        powder_moisture=0.06,
        efficiency=0.5,
        inlet_temperature=25,
        solids_cp=0.85,
        solids_temperature_rise=50,
    )
    # 940 kg dry solids x 0.85 x 50 / 0.5 = 79 900 kJ
    assert (b.energy - a.energy).m_as("kJ") == pytest.approx(79900, rel=1e-9)


def test_spray_dryer_errors():
    with pytest.raises(InputError, match="slip"):
        spray_dryer_energy(
            slip_moisture=0.3, powder_moisture=0.05, efficiency=0.5, inlet_temperature=25
        )
    with pytest.raises(InputError, match="slip"):
        spray_dryer_energy(
            1,
            powder=1,
            slip_moisture=0.3,
            powder_moisture=0.05,
            efficiency=0.5,
            inlet_temperature=25,
        )
    with pytest.raises(OutOfRangeError, match="powder_moisture"):
        spray_dryer_energy(
            1000, slip_moisture=0.05, powder_moisture=0.3, efficiency=0.5, inlet_temperature=25
        )
    with pytest.raises(OutOfRangeError, match="slip_moisture"):
        spray_dryer_energy(
            1000, slip_moisture=1.0, powder_moisture=0.3, efficiency=0.5, inlet_temperature=25
        )
    with pytest.raises(OutOfRangeError, match="efficiency"):
        spray_dryer_energy(
            1000, slip_moisture=0.35, powder_moisture=0.05, efficiency=1.5, inlet_temperature=25
        )


@given(
    slip=st.floats(1.0, 1e6),
    w_s=st.floats(0.0, 0.6),
    frac=st.floats(0.0, 1.0),
)
def test_spray_dryer_mass_balance_property(slip, w_s, frac):
    w_p = w_s * frac
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = spray_dryer_energy(
            slip, slip_moisture=w_s, powder_moisture=w_p, efficiency=0.5, inlet_temperature=25
        )
    total = (r.powder + r.water_evaporated).m_as("kg")
    assert total == pytest.approx(slip, rel=1e-12)
    assert r.water_evaporated.m >= -1e-9 * slip
    assert np.isclose(r.dry_solids.m_as("kg"), slip * (1 - w_s), rtol=1e-12)
    assert r.energy.m >= -1e-9
