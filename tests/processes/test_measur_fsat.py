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

import warnings

import pytest

from greenchain import Q_
from greenchain.errors import InputError, OutOfRangeError
from greenchain.processes._common import MEASUR_KW_PER_HP
from greenchain.processes.affinity import required_power
from greenchain.processes.fans import (
    fan_air_power,
    fan_compressibility_factor,
    fan_efficiency,
    fan_energy_index,
    optimal_fan_efficiency,
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


def test_fan_output_existing_motor():
    """Results.unit.cpp "Fan Output existing" and wasm resultsExisting(), motor side: the
    NEMA motor curves with MEASUR's load estimation from 460 kW at 460 V."""
    from greenchain.processes.motors_nema import nema_full_load_amps, nema_load_estimate

    load = nema_load_estimate(
        Q_(600, "hp"), 1180, 683.2505707137, 460, 460, measured_power=460,
        efficiency_class="energy_efficient", convention="measur",
    )  # fmt: skip
    assert catch_approx(load.efficiency.m_as(""), 0.9578351108)
    assert catch_approx(load.power_factor.m_as(""), 0.8577466651)
    assert catch_approx(load.current.m_as("A"), 673.1011529439)
    assert catch_approx(load.shaft_power.m_as("kW") / MEASUR_KW_PER_HP, 590.622186263)
    fla = nema_full_load_amps(Q_(600, "hp"), 1180, "energy_efficient", 460)
    assert catch_approx(fla.full_load_amps.m_as("A"), 683.2505707137)
    assert js_value(load.efficiency.m_as("percent"), 95.78351108)
    assert js_value(load.power_factor.m_as("percent"), 85.77466651)
    assert js_value(load.current.m_as("A"), 673.1011529439)
    assert js_value(fla.full_load_amps.m_as("A"), 683.2505707137)


# ------------------------------------------------------------------ optimal fan efficiency
FAN_TYPE_ORDER = [
    "airfoil_sisw", "backward_curved_sisw", "radial_sisw", "radial_tip_sisw",
    "backward_inclined_sisw", "airfoil_didw", "backward_curved_didw", "backward_inclined_didw",
    "vane_axial", "air_handling", "material_handling", "long_shavings",
]  # fmt: skip


def _optimal(fan_type, rpm, q, p_in, p_out, kp):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # MEASUR's end-of-range evaluation
        return optimal_fan_efficiency(fan_type, rpm, cfm(q), inwc(p_in), inwc(p_out), kp).m_as("")


def test_optimal_fan_efficiency():
    """OptimalFanEfficiency.unit.cpp: the 12 fan types at 40000 and 10000 cfm."""
    at_40000 = [0.8056103029, 0.7953321519, 0.3474991977, 0.7312425577, 0.795733737,
                0.7672457454, 0.7450780156, 0.7294332986, 0.620617052, 0.4616312646,
                0.3971050412, 0.3623692017]  # fmt: skip
    at_10000 = [0.6902100469, 0.7480133871, 0.5758852848, 0.7338991444, 0.7620531542,
                0.7013544059, 0.6998167713, 0.7294332986, 0.620617052, 0.6887947846,
                0.6473690517, 0.606953126]  # fmt: skip
    for q, expected in ((40000, at_40000), (10000, at_10000)):
        for fan_type, value in zip(FAN_TYPE_ORDER, expected, strict=True):
            got = _optimal(fan_type, 1180, q, -9, 1, 0.995)
            assert catch_approx(got, value), (fan_type, q, got, value)


def test_wasm_fan_optimal_fan_efficiency():
    cases = [
        (("airfoil_sisw", 1180, 40000, -9, 1, 0.995), 80.56103029),
        (("long_shavings", 1180, 10000, -9, 1, 0.995), 60.6953126),
        (("backward_curved_didw", 1180, 500000, -6, 1, 0.995), 29.31237501),
    ]
    for args, expected in cases:
        assert js_value(_optimal(*args) * 100, expected), args


def test_optimal_fan_efficiency_warns_outside_fit():
    with pytest.warns(UserWarning, match="specific speed"):
        optimal_fan_efficiency("airfoil_sisw", 1180, cfm(10000), inwc(-9), inwc(1), 0.995)
    with pytest.raises(InputError, match="fan_type"):
        optimal_fan_efficiency("centrifugal", 1180, 1000, 0, 500)
