"""Tests for greenchain.processes.transformers."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from greenchain import Q_
from greenchain.data.tables import read_table
from greenchain.errors import InputError, OutOfRangeError
from greenchain.processes import transformers as tr
from greenchain.processes._levels import BELOW_LIMIT


@pytest.fixture
def green_criteria_6_3():
    """greenchain research notes, green_criteria.md 6.3 (GB 20052-2024 Table 1, [F S26])."""
    return [  # kVA, core, connection, P0 levels 1-3, Pk levels 1-3 [kW]
        (100, "silicon_steel", "Dyn11", (0.12, 0.135, 0.15), (1.14, 1.265, 1.58)),
        (250, "silicon_steel", "Dyn11", (0.23, 0.26, 0.29), (2.30, 2.56, 3.20)),
        (250, "amorphous", "Dyn11", (0.11, 0.14, 0.14), (2.59, 2.735, 3.20)),
        (1600, "amorphous", "Yyn0", (0.50, 0.63, 0.63), (11.745, 12.4, 14.5)),
        (2000, "silicon_steel", "Yyn0", (1.085, 1.225, 1.36), (13.18, 14.64, 18.3)),
        (2500, "silicon_steel", "Yyn0", (1.28, 1.44, 1.60), (15.27, 16.96, 21.2)),
    ]


@pytest.fixture
def amo_power_factor_unit_cpp():
    """AMO-Tools-Suite tests/cpp/PowerFactor.unit.cpp (peers.md C-7).

    peers.md prints these to 4 decimals (the angle to 7), so they are compared
    to half a unit of the last digit.
    """
    return {
        "apparent_power": 100,
        "real_power": 87,
        "target_power_factor": 0.95,
        "reactive_power": 49.3052,
        "phase_angle": 29.5413605,
        "target_apparent_power": 91.5789,
        "apparent_power_reduction": 8.4211,
        "target_reactive_power": 28.5955,
        "capacitor": 20.7097,
    }


# ---------------------------------------------------------------- loss model
def test_losses_and_energy():
    assert tr.losses(1.36, 18.3, 0.6).m_as("kW") == pytest.approx(1.36 + 0.36 * 18.3, rel=1e-12)
    assert tr.annual_energy_loss(1.36, 18.3, 0.6, 8760).m_as("kWh") == pytest.approx(
        (1.36 + 0.36 * 18.3) * 8760, rel=1e-12
    )
    watts = tr.losses(Q_(1360, "W"), Q_(18.3, "kW"), Q_(60, "percent"))
    assert watts.m_as("kW") == pytest.approx(tr.losses(1.36, 18.3, 0.6).m_as("kW"), rel=1e-12)
    year = tr.annual_energy_loss(1.36, 18.3, 0.6, Q_(365, "day"))
    assert year.m_as("kWh") == pytest.approx(
        tr.annual_energy_loss(1.36, 18.3, 0.6, 8760).m_as("kWh"), rel=1e-12
    )


def test_loss_errors():
    with pytest.raises(OutOfRangeError, match="load_factor"):
        tr.losses(1, 10, -0.1)
    with pytest.raises(OutOfRangeError, match="no_load_loss"):
        tr.losses(-1, 10, 0.5)
    with pytest.raises(OutOfRangeError, match="hours"):
        tr.annual_energy_loss(1, 10, 0.5, -5)
    with pytest.raises(OutOfRangeError, match="load_loss"):
        tr.economic_load_factor(1, 0)


@given(p0=st.floats(0, 10), pk=st.floats(0, 50), b1=st.floats(0, 2), b2=st.floats(0, 2))
def test_losses_monotone_in_load_factor(p0, pk, b1, b2):
    lo, hi = sorted((b1, b2))
    assert tr.losses(p0, pk, lo).m_as("kW") <= tr.losses(p0, pk, hi).m_as("kW") + 1e-12
    assert tr.losses(p0, pk, lo).m_as("kW") >= p0 - 1e-12


def test_economic_load_factor_maximises_efficiency():
    p0, pk, s_r = 1.085, 13.18, 2000.0
    beta_ec = tr.economic_load_factor(p0, pk).m_as("")
    assert beta_ec == pytest.approx(np.sqrt(p0 / pk), rel=1e-12)
    beta = np.linspace(0.05, 1.2, 20001)
    out = beta * s_r
    eff = out / (out + tr.losses(p0, pk, beta).m_as("kW"))
    assert beta[np.argmax(eff)] == pytest.approx(beta_ec, abs=1e-4)


# ---------------------------------------------------------------- GB 20052-2024
def test_table_rows():
    rows = read_table("transformers_gb20052-2024.csv")
    assert len(rows) == 62 * 3
    assert {r["source_id"] for r in rows} == {"gb20052-2024"}


def test_green_criteria_rows(green_criteria_6_3):
    for kva, core, connection, p0, pk in green_criteria_6_3:
        for level in (1, 2, 3):
            got = tr.gb20052_losses(kva, core, connection, level)
            assert got.no_load_loss.m_as("kW") == pytest.approx(p0[level - 1], rel=1e-12)
            assert got.load_loss.m_as("kW") == pytest.approx(pk[level - 1], rel=1e-12)


def test_gb20052_losses_inputs():
    a = tr.gb20052_losses(Q_(0.25, "MVA"), "非晶合金", "Yzn11", 2)
    b = tr.gb20052_losses(250, "amorphous", "Dyn11/Yzn11", 2)
    assert a.load_loss.m_as("kW") == b.load_loss.m_as("kW") == 2.735
    vec = tr.gb20052_losses([100, 200], "silicon_steel", "Yyn0", 1).load_loss.m_as("kW")
    np.testing.assert_allclose(vec, [1.08, 1.87])
    with pytest.raises(OutOfRangeError, match="rated_power"):
        tr.gb20052_losses(2100, "silicon_steel", "Yyn0", 1)
    with pytest.raises(OutOfRangeError, match="only Yyn0"):
        tr.gb20052_losses(1000, "silicon_steel", "Dyn11", 1)
    with pytest.raises(InputError, match="core"):
        tr.gb20052_losses(1000, "ferrite", "Yyn0", 1)
    with pytest.raises(InputError, match="connection"):
        tr.gb20052_losses(1000, "amorphous", "Dd0", 1)
    with pytest.raises(OutOfRangeError, match="level"):
        tr.gb20052_losses(1000, "amorphous", "Yyn0", 4)


def test_gb20052_level_needs_both_losses():
    args = (2000, "silicon_steel", "Yyn0")
    assert tr.gb20052_level(1.085, 13.18, *args) == 1  # exactly at the level-1 limits
    assert tr.gb20052_level(1.0, 14.0, *args) == 2  # P0 level 1, Pk level 2
    assert tr.gb20052_level(1.3, 13.0, *args) == 3
    assert tr.gb20052_level(1.4, 13.0, *args) == BELOW_LIMIT
    assert tr.gb20052_level(1.0, 18.4, *args) == BELOW_LIMIT
    assert list(tr.gb20052_level([1.0, 1.3], [13.0, 13.0], *args)) == [1, 3]
    assert (
        tr.gb20052_level(Q_(1085, "W"), Q_(13180, "W"), Q_(2, "MVA"), "silicon_steel", "Yyn0") == 1
    )


def test_upgrade_reference_case():
    """green_criteria.md 6.3 [D]: 2000 kVA, beta 0.6, level 3 -> 1 saves 2.12 kW, ~18,550 kWh/yr.

    Exactly: (1.36 - 1.085) + 0.36 (18.3 - 13.18) = 2.1182 kW; x 8760 h = 18,555.432 kWh.
    """
    r = tr.upgrade_savings(2000, "silicon_steel", "Yyn0", 3, 1, 0.6, 8760)
    assert r.power.m_as("kW") == pytest.approx(2.1182, rel=1e-12)
    assert r.energy.m_as("kWh") == pytest.approx(18_555.432, rel=1e-12)
    assert r.power.m_as("kW") == pytest.approx(2.12, abs=0.005)
    assert r.energy.m_as("kWh") == pytest.approx(18_550, rel=1e-3)
    with pytest.raises(OutOfRangeError, match="to_level"):
        tr.upgrade_savings(2000, "silicon_steel", "Yyn0", 1, 3, 0.6, 8760)


_ROWS = sorted(
    {
        (float(r["rated_power_kva"]), r["core"], r["connection"])
        for r in read_table("transformers_gb20052-2024.csv")
    }
)


@given(
    row=st.sampled_from(_ROWS),
    levels=st.sampled_from(
        [pair for pair in itertools.product((1, 2, 3), repeat=2) if pair[1] <= pair[0]]
    ),
    beta=st.floats(0, 1.5),
    hours=st.floats(0, 8760),
)
def test_upgrade_savings_non_negative(row, levels, beta, hours):
    kva, core, connection = row
    r = tr.upgrade_savings(kva, core, connection, levels[0], levels[1], beta, hours)
    assert r.power.m_as("kW") >= -1e-12
    assert r.energy.m_as("kWh") >= -1e-9


# ---------------------------------------------------------------- power factor (C-7)
def _check_pf(r, case):
    assert r.reactive_power.m_as("kVA") == pytest.approx(case["reactive_power"], abs=5e-5)
    assert r.phase_angle.m_as("degree") == pytest.approx(case["phase_angle"], abs=5e-8)
    assert r.target_apparent_power.m_as("kVA") == pytest.approx(
        case["target_apparent_power"], abs=5e-5
    )
    assert r.apparent_power_reduction.m_as("kVA") == pytest.approx(
        case["apparent_power_reduction"], abs=5e-5
    )
    assert r.target_reactive_power.m_as("kVA") == pytest.approx(
        case["target_reactive_power"], abs=5e-5
    )
    assert r.capacitor.m_as("kVA") == pytest.approx(case["capacitor"], abs=5e-5)


def test_power_factor_correction(amo_power_factor_unit_cpp):
    case = amo_power_factor_unit_cpp
    r = tr.power_factor_correction(
        apparent_power=case["apparent_power"],
        real_power=case["real_power"],
        target_power_factor=case["target_power_factor"],
    )
    _check_pf(r, case)
    assert r.power_factor.m_as("") == pytest.approx(0.87, rel=1e-12)


def test_power_factor_any_two_inputs(amo_power_factor_unit_cpp):
    case = amo_power_factor_unit_cpp
    ref = tr.power_factor_correction(apparent_power=100, real_power=87, target_power_factor=0.95)
    values = {
        "apparent_power": Q_(100, "kVA"),
        "real_power": Q_(87000, "W"),
        "reactive_power": ref.reactive_power,
        "power_factor": Q_(87, "percent"),
    }
    for a, b in itertools.combinations(values, 2):
        r = tr.power_factor_correction(target_power_factor=0.95, **{a: values[a], b: values[b]})
        _check_pf(r, case)
        assert r.capacitor.m_as("kVA") == pytest.approx(ref.capacitor.m_as("kVA"), rel=1e-9)


def test_power_factor_errors():
    with pytest.raises(InputError, match="exactly two"):
        tr.power_factor_correction(apparent_power=100, target_power_factor=0.95)
    with pytest.raises(InputError, match="exactly two"):
        tr.power_factor_correction(
            apparent_power=100, real_power=87, power_factor=0.87, target_power_factor=0.95
        )
    with pytest.raises(OutOfRangeError, match="real_power"):
        tr.power_factor_correction(apparent_power=100, real_power=120, target_power_factor=0.95)
    with pytest.raises(OutOfRangeError, match="target_power_factor"):
        tr.power_factor_correction(apparent_power=100, real_power=97, target_power_factor=0.95)
    with pytest.raises(OutOfRangeError, match="power_factor"):
        tr.power_factor_correction(real_power=87, power_factor=1.3, target_power_factor=0.95)
