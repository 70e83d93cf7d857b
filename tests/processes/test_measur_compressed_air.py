"""MEASUR's compressed-air engine tests reproduced: receiver tanks, baseline energy.

Vectors copied verbatim from US DOE MEASUR, AMO-Tools-Suite (commit
15208321994df88e18db1180d67e061406d85172): ``tests/cpp/CompressedAir.unit.cpp``
("ReceiverTank - Useable Air Capacity", "ReceiverTank - Size Calculation") and
``tests/wasm/standalone/wasm-standalone-test.js`` (``usableAirCapacity``,
``receiverTankSize``). Tolerances are MEASUR's: Catch v1.9.4 ``Approx`` for C++,
``testNumberValue`` (|a - b| < 0.005) for JS. MEASUR's units: gallons, psi, cfm,
minutes, ft, ft/s. ``convention="measur"`` selects MEASUR's 7.48 gal/ft³ and 14.7 psia.
"""

from __future__ import annotations

import pytest

from greenchain import Q_
from greenchain.errors import InputError, OutOfRangeError
from greenchain.processes.compressed_air_controls import (
    compressor_energy,
    compressor_system_profile,
    load_unload_power,
    modulation_power,
    start_stop_power,
    variable_speed_power,
)
from greenchain.processes.compressed_air_receivers import (
    receiver_size_bridging,
    receiver_size_dedicated_storage,
    receiver_size_general,
    receiver_size_metered_storage,
    receiver_usable_capacity,
)

FLT_EPSILON = 1.1920928955078125e-07  # IEEE 754 single-precision machine epsilon


def catch_approx(actual: float, expected: float) -> bool:
    """Catch v1.9.4 ``Approx`` with its default epsilon (100 FLT_EPSILON) and scale 1."""
    actual, expected = float(actual), float(expected)
    return abs(actual - expected) < 100 * FLT_EPSILON * (1 + max(abs(actual), abs(expected)))


def js_value(actual: float, expected: float) -> bool:
    """MEASUR's JS ``testNumberValue``: absolute difference below 0.005."""
    return abs(float(actual) - float(expected)) < 0.005


def psi(x):
    return Q_(x, "psi")


def usable(tank_gal, p_in, p_out):
    return receiver_usable_capacity(
        Q_(tank_gal, "gallon"), psi(p_in), psi(p_out), convention="measur"
    ).m_as("ft^3")


def general(demand_ft3, drop, atm):
    return receiver_size_general(
        Q_(demand_ft3, "ft^3"), psi(drop), psi(atm), convention="measur"
    ).m_as("gallon")


def dedicated(minutes, cfm, atm, p_i, p_f):
    return receiver_size_dedicated_storage(
        Q_(minutes, "min"), Q_(cfm, "ft^3/min"), psi(p_i), psi(p_f), psi(atm), convention="measur"
    ).m_as("gallon")


def metered(minutes, cfm, atm, p_i, p_f, metered_cfm):
    return receiver_size_metered_storage(
        Q_(minutes, "min"),
        Q_(cfm, "ft^3/min"),
        Q_(metered_cfm, "ft^3/min"),
        psi(p_i),
        psi(p_f),
        psi(atm),
        convention="measur",
    ).m_as("gallon")


def bridging(distance_ft, speed_ft_s, atm, demand_cfm, drop):
    return receiver_size_bridging(
        Q_(distance_ft, "ft"),
        Q_(speed_ft_s, "ft/s"),
        Q_(demand_cfm, "ft^3/min"),
        psi(drop),
        psi(atm),
        convention="measur",
    ).m_as("gallon")


@pytest.fixture
def compressed_air_unit_cpp_receiver_tank_useable_air_capacity():
    """(tankSize gal, airPressureIn psi, airPressureOut psi) -> usable capacity scf."""
    return [
        ((660, 110, 100), 60.0240096038),
        ((760, 110, 100), 69.1185565135),
        ((760, 150, 100), 345.5927825676),
        ((760, 150, 130), 138.237113027),
    ]


@pytest.fixture
def compressed_air_unit_cpp_receiver_tank_size_calculation():
    """ReceiverTank(method, ...).calculateSize() -> gallons, in MEASUR's argument order."""
    return [
        (general, (150, 3, 14.7), 5497.8),
        (general, (190, 3, 14.7), 6963.88),
        (general, (190, 8, 14.7), 2611.455),
        (general, (190, 8, 12.7), 2256.155),
        (dedicated, (0.5, 100, 14.7, 110, 100), 549.78),
        (dedicated, (1.5, 100, 14.7, 110, 100), 1649.34),
        (dedicated, (1.5, 120, 14.7, 110, 100), 1979.208),
        (dedicated, (1.5, 120, 11.7, 110, 100), 1575.288),
        (dedicated, (1.5, 120, 11.7, 150, 100), 315.0576),
        (dedicated, (1.5, 120, 11.7, 150, 120), 525.096),
        (metered, (0.5, 900, 14.7, 100, 70, 45), 1566.873),
        (metered, (1.5, 900, 14.7, 100, 70, 45), 4700.619),
        (metered, (1.5, 800, 14.7, 100, 70, 45), 4150.839),
        (metered, (1.5, 800, 11.7, 100, 70, 45), 3303.729),
        (metered, (1.5, 800, 11.7, 120, 70, 45), 1982.2374),
        (metered, (1.5, 800, 11.7, 120, 90, 45), 3303.729),
        (metered, (1.5, 800, 11.7, 120, 90, 75), 3172.455),
        (bridging, (1000, 250, 14.7, 600, 2), 2199.12),
        (bridging, (1200, 250, 14.7, 600, 2), 2638.944),
        (bridging, (1200, 350, 14.7, 600, 2), 1884.96),
        (bridging, (1200, 350, 11.7, 600, 2), 1500.2742857143),
        (bridging, (1200, 350, 11.7, 800, 2), 2000.3657142857),
        (bridging, (1200, 350, 11.7, 800, 19), 210.56481203),
    ]


@pytest.fixture
def wasm_standalone_receiver_tank_size():
    """wasm-standalone-test.js receiverTankSize(): 9 calls."""
    return [
        (general, (150, 3, 14.7), 5497.8),
        (general, (190, 8, 12.7), 2256.155),
        (dedicated, (0.5, 100, 14.7, 110, 100), 549.78),
        (dedicated, (0.5, 100, 14.7, 110, 100), 549.78),
        (dedicated, (1.5, 120, 11.7, 150, 100), 315.0576),
        (metered, (0.5, 900, 14.7, 100, 70, 45), 1566.873),
        (metered, (1.5, 800, 11.7, 120, 90, 75), 3172.455),
        (bridging, (1000, 250, 14.7, 600, 2), 2199.12),
        (bridging, (1200, 350, 11.7, 800, 19), 210.564812),
    ]


def test_receiver_tank_useable_air_capacity(
    compressed_air_unit_cpp_receiver_tank_useable_air_capacity,
):
    for args, expected in compressed_air_unit_cpp_receiver_tank_useable_air_capacity:
        assert catch_approx(usable(*args), expected), args


def test_wasm_standalone_usable_air_capacity(
    compressed_air_unit_cpp_receiver_tank_useable_air_capacity,
):
    js = [60.024009603, 69.1185565135, 345.5927825676, 138.237113027]
    for (args, _), expected in zip(
        compressed_air_unit_cpp_receiver_tank_useable_air_capacity, js, strict=True
    ):
        assert js_value(usable(*args), expected), args


def test_receiver_tank_size_calculation(compressed_air_unit_cpp_receiver_tank_size_calculation):
    for func, args, expected in compressed_air_unit_cpp_receiver_tank_size_calculation:
        assert catch_approx(func(*args), expected), (func.__name__, args)


def test_wasm_standalone_receiver_tank_size(wasm_standalone_receiver_tank_size):
    for func, args, expected in wasm_standalone_receiver_tank_size:
        assert js_value(func(*args), expected), (func.__name__, args)


def test_si_convention_is_boyle():
    """SI: exact gallons and the given atmosphere; 0.0065 % above MEASUR's 7.48 gal/ft3."""
    v = receiver_size_general(Q_(150, "ft^3"), psi(3), psi(14.7)).m_as("gallon")
    assert v == pytest.approx(150 * 14.7 / 3 * 7.48051948, rel=1e-8)
    cap = receiver_usable_capacity(2.0, Q_(8, "bar"), Q_(7, "bar"))
    assert cap.m_as("m^3") == pytest.approx(2.0 * 100 / 101.325)


def test_receiver_errors():
    with pytest.raises(OutOfRangeError, match="inlet_pressure"):
        receiver_usable_capacity(1, 500, 600)
    with pytest.raises(OutOfRangeError, match="metered_flow"):
        receiver_size_metered_storage(1, 1, 2, 700, 600)
    with pytest.raises(OutOfRangeError, match="allowable_pressure_drop"):
        receiver_size_general(1, 0)
    with pytest.raises(InputError, match="convention"):
        receiver_size_general(1, 10, convention="imperial")


# ------------------------------------------------------------------ pressure-reduction baseline
def test_compressed_air_pressure_reduction_baseline():
    """CompressedAirPressureReduction.unit.cpp "... Baseline": 500 kW, 8640 h, $0.005/kWh."""
    energy = compressor_energy(500, 8640)
    assert catch_approx(energy.m_as("kWh"), 4320000.0)
    assert catch_approx(energy.m_as("kWh") * 0.005, 21600.0)


def test_compressed_air_pressure_reduction_baseline_list():
    """ "... Baseline List" (exact ``==`` in MEASUR) and its JS twin
    wasm-calculator-test.js compressedAirPressureReduction '1 - Baseline'."""
    energy = compressor_energy([500, 250, 500, 450], 8640).m_as("kWh")
    assert energy == 14688000.0
    assert energy * 0.005 == 73440.0
    assert js_value(energy, 14688000) and js_value(energy * 0.005, 73440)


# ------------------------------------------------------------------ control curves, profile
def test_control_curves():
    assert load_unload_power(0.6, 100, 30).m_as("kW") == pytest.approx(72.0)
    assert modulation_power(0.0, 100, 70).m_as("kW") == pytest.approx(70.0)
    assert modulation_power(0.5, 100, 70, 2).m_as("kW") == pytest.approx(77.5)
    vsd = variable_speed_power([0.0, 0.3, 1.0], 100, 0.3, 35, 10).m_as("kW")
    assert vsd == pytest.approx([10.0, 35.0, 100.0])
    assert start_stop_power(0.4, 55).m_as("kW") == pytest.approx(22.0)
    with pytest.raises(OutOfRangeError, match="unloaded_power"):
        load_unload_power(0.5, 100, 120)
    with pytest.raises(OutOfRangeError, match="load"):
        modulation_power(1.2, 100, 70)


def test_system_profile():
    readings = [0, 10, 45, 90, 100, 105]
    p = compressor_system_profile(Q_(readings, "kW"), Q_(15, "min"), 100)
    assert p.energy.m_as("kWh") == pytest.approx(sum(readings) / 4)
    assert p.duration.m_as("h") == pytest.approx(1.5)
    assert p.peak_power.m_as("kW") == 105
    assert list(p.hours_in_band.m_as("h")) == [0.5, 0.0, 0.25, 0.0, 0.75]
    assert p.energy_in_band.m_as("kWh").sum() == pytest.approx(p.energy.m_as("kWh"))
    with pytest.raises(InputError, match="band_edges"):
        compressor_system_profile(readings, 0.25, 100, band_edges=(0.1, 0.5))
