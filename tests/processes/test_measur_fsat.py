"""MEASUR's FSAT (fan) engine tests reproduced with ``convention="measur"``.

Vectors copied verbatim from US DOE MEASUR, AMO-Tools-Suite (commit
15208321994df88e18db1180d67e061406d85172): ``tests/cpp/FluidPower.unit.cpp``,
``Results.unit.cpp`` ("Fan Output existing/modified"), ``Fan.unit.cpp``
("FanEnergyIndex"), ``CompressibilityFactor.unit.cpp`` and
``tests/wasm/fan/wasm-fan-test.js`` (``resultsExisting``). Tolerances: Catch v1.9.4
``Approx`` for C++, ``testNumberValue`` (|a - b| < 0.005) for JS. MEASUR's units: cfm,
in. of water (pint ``inH2O``), inHg, lb/ft³, hp (shaft, 0.746 kW/hp), kW, MWh.
MEASUR's motor efficiency, power factor and current come from its NEMA-based motor
curves, not ported: MEASUR's own motor efficiency is passed in where needed.
"""

from __future__ import annotations

import pytest

from greenchain import Q_
from greenchain.errors import OutOfRangeError
from greenchain.processes._common import MEASUR_KW_PER_HP
from greenchain.processes.affinity import required_power
from greenchain.processes.fans import (
    fan_air_power,
    fan_compressibility_factor,
    fan_efficiency,
    fan_energy_index,
)

FLT_EPSILON = 1.1920928955078125e-07  # IEEE 754 single-precision machine epsilon


def catch_approx(actual: float, expected: float) -> bool:
    """Catch v1.9.4 ``Approx`` with its default epsilon (100 FLT_EPSILON) and scale 1."""
    actual, expected = float(actual), float(expected)
    return abs(actual - expected) < 100 * FLT_EPSILON * (1 + max(abs(actual), abs(expected)))


def js_value(actual: float, expected: float) -> bool:
    """MEASUR's JS ``testNumberValue``: absolute difference below 0.005."""
    return abs(float(actual) - float(expected)) < 0.005


def cfm(x):
    return Q_(x, "ft^3/min")


def inwc(x):
    return Q_(x, "inH2O")


@pytest.fixture
def fluid_power_unit_cpp_fans():
    """FluidPower(cfm, inlet inWC, outlet inWC, Kp, velocity pressure) -> kW."""
    return [
        ((2000, 20, 25, 1.4), 1.6416221314),
        ((1200, 25, 35, 1.4), 1.9699465577),
        ((129691, -16.36, 1.1, 0.988), 262.3349690747),
        ((151961, -8.92, 2.28, 0.995), 198.5721824055),
    ]


def test_fluid_power_fans(fluid_power_unit_cpp_fans):
    for (q, p_in, p_out, kp), expected in fluid_power_unit_cpp_fans:
        power = fan_air_power(cfm(q), inwc(p_in), inwc(p_out), kp, convention="measur")
        assert catch_approx(power.m_as("kW"), expected), q
        # SI default: pint's inH2O is 249.09 Pa, MEASUR's implied inWC 248.46 Pa (+0.25 %)
        si = fan_air_power(cfm(q), inwc(p_in), inwc(p_out), kp).m_as("kW")
        assert si / expected == pytest.approx(1.00254, abs=1e-4)


# Results.unit.cpp "Fan Output existing": 460 kW measured, MEASUR's motor efficiency
FAN_MOTOR_EFFICIENCY = 0.9578351108


def _fan_existing():
    return fan_efficiency(
        cfm(129691), inwc(-16.36), inwc(1.1), 0.988, 460, FAN_MOTOR_EFFICIENCY,
        hours=8760, convention="measur",
    )  # fmt: skip


def test_fan_output_existing():
    r = _fan_existing()
    assert catch_approx(r.efficiency.m_as(""), 0.595398315)
    assert catch_approx(r.shaft_power.m_as("kW") / MEASUR_KW_PER_HP, 590.622186263)
    assert catch_approx(r.energy.m_as("MWh"), 4029.6)
    assert catch_approx(r.energy.m_as("MWh") * 0.06, 241.776)  # annualCost, 0.06 $/kWh x 1000
    fei = fan_energy_index(cfm(129691), inwc(-16.36), inwc(1.1), Q_(0.07024, "lb/ft^3"), 460)
    assert catch_approx(fei.m_as(""), 0.9718906186)


def test_wasm_fan_results_existing():
    """wasm-fan-test.js resultsExisting(): as the C++ case, with airDensity 1.02 (lb/ft3)."""
    r = _fan_existing()
    assert js_value(r.efficiency.m_as("percent"), 59.5398315)
    assert js_value(r.shaft_power.m_as("kW") / MEASUR_KW_PER_HP, 590.622186263)
    assert js_value(r.energy.m_as("MWh"), 4029.6)
    assert js_value(r.energy.m_as("MWh") * 0.06, 241.776)
    fei = fan_energy_index(cfm(129691), inwc(-16.36), inwc(1.1), Q_(1.02, "lb/ft^3"), 460)
    assert js_value(fei.m_as(""), 1.247872)


def test_wasm_fan_results_modified():
    """wasm-fan-test.js resultsModified(): fan efficiency 59.5398315 %, MEASUR's motor
    efficiency 95.783511 % passed in."""
    air = fan_air_power(cfm(129691), inwc(-16.36), inwc(1.1), 0.988, convention="measur")
    r = required_power(air, 0.595398315, 0.95783511, hours=8760, convention="measur")
    assert js_value(r.motor_shaft_power.m_as("kW") / MEASUR_KW_PER_HP, 590.622186263)
    assert js_value(r.driven_shaft_power.m_as("kW") / MEASUR_KW_PER_HP, 590.622186263)
    assert js_value(r.motor_power.m_as("kW"), 460.000144)
    assert js_value(r.energy.m_as("MWh"), 4029.601262)
    assert js_value(r.energy.m_as("MWh") * 0.06, 241.776076)
    fei = fan_energy_index(cfm(129691), inwc(-16.36), inwc(1.1), Q_(1.02, "lb/ft^3"), r.motor_power)
    assert js_value(fei.m_as(""), 1.247872)


def test_fan_output_modified():
    """Results.unit.cpp "Fan Output modified": fan efficiency 0.595398315 specified."""
    air = fan_air_power(cfm(129691), inwc(-16.36), inwc(1.1), 0.988, convention="measur")
    r = required_power(air, 0.595398315, 0.9578351072, hours=8760, convention="measur")
    assert catch_approx(r.driven_shaft_power.m_as("kW") / MEASUR_KW_PER_HP, 590.622186263)
    assert catch_approx(r.motor_shaft_power.m_as("kW") / MEASUR_KW_PER_HP, 590.622186263)
    assert catch_approx(r.motor_power.m_as("kW"), 460.0001440224)
    assert catch_approx(r.energy.m_as("MWh"), 4029.6012616363)
    assert catch_approx(r.energy.m_as("MWh") * 0.06, 241.7760756982)
    fei = fan_energy_index(
        cfm(129691), inwc(-16.36), inwc(1.1), Q_(0.07024, "lb/ft^3"), r.motor_power
    )
    assert catch_approx(fei.m_as(""), 0.9718903143)


def test_fan_energy_index():
    """Fan.unit.cpp "FanEnergyIndex"."""
    rho = Q_(0.07024, "lb/ft^3")
    assert catch_approx(
        fan_energy_index(cfm(129691), inwc(-16), inwc(1), rho, 450).m_as(""), 0.9678686743
    )
    assert catch_approx(
        fan_energy_index(cfm(80364), inwc(-9), inwc(1), rho, 150).m_as(""), 1.0776769184
    )


def test_compressibility_factor():
    """CompressibilityFactor.unit.cpp "Calculate Compressibility Factor"."""
    vectors = [
        ((300, -8.5, 3, 29, 1000, 1.4), 1.5795535958),
        ((566, -16.36, 1.1, 29.36, 129691, 1.4), 0.9879934727),
        ((623, -8.92, 2.28, 29.36, 151961, 1.4), 0.9953146218),
    ]
    for (hp, p_in, p_out, baro, q, k), expected in vectors:
        kp = fan_compressibility_factor(
            Q_(hp, "hp"), inwc(p_in), inwc(p_out), Q_(baro, "inHg"), cfm(q), k,
            convention="measur",
        )  # fmt: skip
        assert catch_approx(kp.m_as(""), expected), hp
        si = fan_compressibility_factor(
            Q_(hp, "hp"), inwc(p_in), inwc(p_out), Q_(baro, "inHg"), cfm(q), k
        )
        assert si.m_as("") == pytest.approx(expected, rel=2e-4)


def test_wasm_fan_compressibility_factor():
    """wasm-fan-test.js compressibilityFactor(): the three C++ inputs."""
    for (hp, p_in, p_out, baro, q), expected in [
        ((300, -8.5, 3, 29, 1000), 1.5795535958),
        ((566, -16.36, 1.1, 29.36, 129691), 0.9879934727),
        ((623, -8.92, 2.28, 29.36, 151961), 0.9953146218),
    ]:
        kp = fan_compressibility_factor(
            Q_(hp, "hp"), inwc(p_in), inwc(p_out), Q_(baro, "inHg"), cfm(q), 1.4,
            convention="measur",
        )  # fmt: skip
        assert js_value(kp.m_as(""), expected)


def test_compressibility_errors():
    with pytest.raises(OutOfRangeError, match="outlet_pressure"):
        fan_compressibility_factor(10, 100, 50, 101.3, 1000)
    with pytest.raises(OutOfRangeError, match="heat_capacity_ratio"):
        fan_compressibility_factor(10, 0, 50, 101.3, 1000, 1.0)
