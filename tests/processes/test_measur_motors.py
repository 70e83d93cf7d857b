"""MEASUR's motor-efficiency engine tests reproduced with the NEMA part-load curves.

Vectors copied verbatim from US DOE MEASUR, AMO-Tools-Suite (commit
15208321994df88e18db1180d67e061406d85172): ``tests/cpp/MotorEfficiency.unit.cpp`` and
``tests/wasm/motor/wasm-motor-test.js`` (``nemaTest``). Tolerances: Catch v1.9.4
``Approx`` for C++, ``testNumberValue`` (|a - b| < 0.005) for JS. MEASUR's rated
power is in hp (``Q_(x, "hp")``), its speed in rpm at 60 Hz. The curves are US data
(NEMA MG 1 classes as fitted by MEASUR); see ``nema_part_load_efficiency``.
"""

from __future__ import annotations

import pytest

from greenchain import Q_
from greenchain.errors import InputError, OutOfRangeError
from greenchain.processes.motors_nema import (
    nema_full_load_amps,
    nema_motor_current,
    nema_motor_performance,
    nema_part_load_efficiency,
)

FLT_EPSILON = 1.1920928955078125e-07  # IEEE 754 single-precision machine epsilon


def catch_approx(actual: float, expected: float) -> bool:
    """Catch v1.9.4 ``Approx`` with its default epsilon (100 FLT_EPSILON) and scale 1."""
    actual, expected = float(actual), float(expected)
    return abs(actual - expected) < 100 * FLT_EPSILON * (1 + max(abs(actual), abs(expected)))


CLASSES = {"EE": "energy_efficient", "SE": "standard", "PE": "premium", "SP": "specified"}


def eff(cls, rpm, hp, load, specified=None):
    """MotorEfficiency(FREQ60, rpm, class, hp).calculate(load[, specified]) as a fraction."""
    return nema_part_load_efficiency(
        load, Q_(hp, "hp"), rpm, CLASSES[cls], specified_efficiency=specified,
        convention="measur",
    ).m_as("")  # fmt: skip


def test_motor_efficiency_200_hp():
    expected = [0.0, 0.930393384, 0.949504131, 0.9569034, 0.956259245, 0.946696653]
    for load, value in zip([0, 0.25, 0.5, 0.75, 1, 1.25], expected, strict=True):
        assert catch_approx(eff("EE", 1785, 200, load), value), load


def test_motor_efficiency_100_hp():
    expected = [0.0, 0.921519665, 0.946047805, 0.951033931, 0.949413679, 0.939919542]
    for load, value in zip([0, 0.25, 0.5, 0.75, 1, 1.25], expected, strict=True):
        assert catch_approx(eff("EE", 1785, 100, load), value), load


@pytest.fixture
def motor_efficiency_unit_cpp_calculate_motor_efficiencies():
    """TEST_CASE "Calculate Motor Efficiencies": (class, rpm, hp, load, specified, expected)."""
    return [
        ("EE", 1785, 100, 0.5, None, 0.9460478053),
        ("EE", 1985, 100, 0.5, None, 0.936657639),
        ("EE", 2285, 110, 0.5, None, 0.9382004043),
        ("EE", 2585, 120, 0.5, None, 0.9395868071),
        ("EE", 2885, 150, 0.5, None, 0.9404486692),
        ("SE", 1285, 100, 0.5, None, 0.9184557213),
        ("SE", 1600, 120, 0.5, None, 0.9213249265),
        ("SE", 1600, 150, 0.1, None, 0.780716097),
        ("SE", 1600, 150, 0.9, None, 0.9350877877),
        ("SE", 1600, 150, 0.2, None, 0.8671487126),
        ("SE", 1600, 150, 0.25, None, 0.8867837736),
        ("SP", 1600, 150, 0.25, 0.25, 0.2371623657),
        ("SP", 1600, 150, 0.25, 0.35, 0.332027312),
        ("SP", 1600, 150, 0.25, 0.55, 0.5217572046),
        ("SP", 1600, 150, 0.25, 0.75, 0.7114870972),
        ("SP", 1600, 150, 0.25, 0.85, 0.8063520435),
        ("SP", 1600, 150, 0.25, 0.95, 0.9226247725),
        ("SP", 1600, 150, 0.05, 0.25, 0.0689209016),
        ("SP", 1600, 150, 0.15, 0.35, 0.2448123855),
        ("SP", 1600, 150, 0.35, 0.55, 0.53252116),
        ("SP", 1600, 150, 0.55, 0.85, 0.8441439051),
        ("SP", 1600, 150, 0.75, 0.95, 0.95082302895),
        ("SP", 1600, 150, 1, 0.95, 0.95),
        ("SP", 1600, 150, 1.25, 0.95, 0.9405),
        ("SP", 1600, 150, 1.5, 0.95, 0.9223230289),
    ]


def test_calculate_motor_efficiencies(motor_efficiency_unit_cpp_calculate_motor_efficiencies):
    for (
        cls,
        rpm,
        hp,
        load,
        specified,
        expected,
    ) in motor_efficiency_unit_cpp_calculate_motor_efficiencies:
        assert catch_approx(eff(cls, rpm, hp, load, specified), expected), (cls, rpm, hp, load)


def _intervals(cls, rpm, hp):
    """calculate25intervals(): the curve at 25, 50, 75, 100 and 125 % load."""
    return [eff(cls, rpm, hp, load) for load in (0.25, 0.5, 0.75, 1.0, 1.25)]


def test_calculate_motor25_efficiencies():
    cases = [
        (("EE", 1780, 100), [0.9215196653, 0.9460478053, 0.9510339314, 0.9494136792, 0.9399195424]),
        (("EE", 1780, 120), [0.9241840076, 0.9475057386, 0.9529291531, 0.9518554564, 0.9423369019]),
        (("EE", 1780, 290), [0.9353383999, 0.9516372151, 0.9584322705, 0.9578040944, 0.9482260535]),
        (("EE", 2400, 100), [0.9045636369, 0.9366576390, 0.9445673713, 0.9436768567, 0.9342400881]),
        (("EE", 3880, 100), [0.9045636369, 0.9366576390, 0.9445673713, 0.9436768567, 0.9342400881]),
        (("SE", 1780, 50), [0.8509115247, 0.9036358682, 0.9142885586, 0.9138935683, 0.9047546326]),
        (("SE", 1780, 100), [0.8731490357, 0.9184557213, 0.9281311155, 0.9293990866, 0.9201050957]),
        (("SE", 1780, 150), [0.8867837736, 0.9242760124, 0.9338556716, 0.9347855116, 0.9254376565]),
        (("SE", 1780, 250), [0.9071879002, 0.9326659464, 0.9416871700, 0.9424751293, 0.933050378]),
        (("SE", 3200, 125), [0.8476517473, 0.9070133723, 0.9196222911, 0.9189355966, 0.9097462406]),
    ]  # fmt: skip
    for args, expected in cases:
        for got, want in zip(_intervals(*args), expected, strict=True):
            assert catch_approx(got, want), (args, got, want)


def test_motor_efficiency25_premium():
    cases = [
        (200, [0.9351618364, 0.9635434578, 0.9645106139, 0.9612112999, 0.9515991869]),
        (7.5, [0.8630684058, 0.9145841785, 0.921334108, 0.9153351555, 0.9061818039]),
        (10, [0.8716755415, 0.9191159795, 0.924712152, 0.9187215894, 0.9095343735]),
        (8.75, [0.867531194, 0.9173686836, 0.9233015806, 0.9170659857, 0.9078953258]),
    ]
    for hp, expected in cases:
        for got, want in zip(_intervals("PE", 1780, hp), expected, strict=True):
            assert catch_approx(got, want), (hp, got, want)


def test_wasm_motor_nema_test():
    value = eff("EE", 1200, 200, 1) * 100
    assert abs(value - 95.33208465291122) < 0.005


def test_specified_default_corrects_measur_index_slip():
    """With the standard curve scaled, MEASUR puts its 125 % point at 100 % load; the
    default convention keeps the 100 % point, so full load returns the specified value."""
    si = nema_part_load_efficiency(1.0, Q_(150, "hp"), 1600, "specified", specified_efficiency=0.55)
    assert si.m_as("") == pytest.approx(0.55)
    measur = eff("SP", 1600, 150, 1.0, 0.55)
    assert measur == pytest.approx(0.55 * 0.99)


def test_nema_errors():
    with pytest.raises(OutOfRangeError, match="load_factor"):
        nema_part_load_efficiency(1.6, 100, 1480)
    with pytest.raises(InputError, match="specified_efficiency"):
        nema_part_load_efficiency(0.5, 100, 1480, "specified")
    with pytest.raises(InputError, match="efficiency_class"):
        nema_part_load_efficiency(0.5, 100, 1480, "IE3")
    with pytest.raises(OutOfRangeError, match="line_frequency"):
        nema_part_load_efficiency(0.5, 100, 1480, line_frequency=55)


# ------------------------------------------------------------------ full-load amps, current
@pytest.fixture
def results_unit_cpp_estimate_fla_arrays():
    """Results.unit.cpp "EstimateFLA": EstimateFLA(hp, rpm, FREQ60, class, eff, V).calculate()
    -> current at 0, 25 ... 125 % load of the class motor (MEASUR's 460 V basis)."""
    return [
        ((50, 1800, "SE", None, 100),
         [18.8775576, 23.6212730421, 34.0613092325, 46.5048449789, 60.381474681, 75.5372248259]),
        ((150, 1800, "SE", None, 100),
         [48.6495840124, 63.249248253, 96.1954123714, 132.4400532659, 172.6294043084,
          215.9593847898]),
        ((100, 900, "SE", None, 100),
         [49.55811480809, 56.11300070569, 78.49438625307, 102.84658002297, 129.16907799852,
          159.7821494841]),
        ((100, 2900, "SE", None, 100),
         [28.6566235624, 39.6191308792, 61.8010643593, 86.8044256422, 113.8781958,
          142.6893793376]),
        ((200, 2200, "SP", 0.965, 100),
         [53.3464740091, 75.2070177891, 119.291789, 167.65708225, 219.981424828, 275.6367253]),
        ((250, 2800, "SP", 0.985, 110),
         [66.1147879039, 93.2122073949, 148.887425814, 209.314953096, 274.6608259936,
          344.15001497]),
        ((250, 2800, "EE", None, 110),
         [66.1147879039, 93.2122073949, 148.887425814, 209.314953096, 274.6608259936,
          344.15001497]),
        ((290, 1800, "EE", None, 110),
         [88.3024614572, 116.2594022102, 179.8542042707, 249.6685871227, 326.1945449939,
          408.0693757874]),
        ((1200, 900, "EE", None, 210),
         [494.2117767987, 618.953071161, 849.5097896611, 1130.1225205859, 1439.4257134111,
          1780.5696074895]),
    ]  # fmt: skip


def _fla(hp, rpm, cls, specified, volts):
    return nema_full_load_amps(
        Q_(hp, "hp"), rpm, CLASSES[cls], volts, specified_efficiency=specified
    )


def test_estimate_fla(results_unit_cpp_estimate_fla_arrays):
    for (hp, rpm, cls, specified, volts), expected in results_unit_cpp_estimate_fla_arrays:
        r = _fla(hp, rpm, cls, specified, volts)
        # back to MEASUR's calculate() array: 460 V basis, before the specified-efficiency ratio
        raw = r.currents.m_as("A") * volts / 460
        if specified is not None:
            raw = raw * specified / r.nominal_efficiency.m_as("")
        for got, want in zip(raw, expected, strict=True):
            assert catch_approx(got, want), (hp, rpm, cls, got, want)
    fla = [
        ((50, 1800, "SE", None, 100), 277.7547835326),
        ((150, 2400, "SE", None, 110), 707.6948056564),
        ((75, 2000, "EE", None, 110), 348.9439377969),
        ((175, 900, "EE", None, 220), 460.3700518143),
        ((100, 900, "SP", 0.80, 220), 312.5479443728),
        ((125, 1900, "SP", 0.90, 220), 302.2156478756),
        ((90, 900, "SP", 0.95, 120), 432.5925070407),
        ((150, 2900, "SP", 0.55, 600), 218.1935995715),
        ((200, 1780, "SP", 0.94, 460), 228.3902237064),
        ((200, 1780, "SP", 0.95, 460), 227.288340026),
    ]
    for args, expected in fla:
        assert catch_approx(_fla(*args).full_load_amps.m_as("A"), expected), args


def test_wasm_motor_est_fla():
    """wasm-motor-test.js estFla(): 200 hp, 1780 rpm at 50 Hz (8 poles by MEASUR's rule)."""
    r = nema_full_load_amps(Q_(200, "hp"), 1780, "energy_efficient", 460, line_frequency=50)
    assert abs(r.full_load_amps.m_as("A") - 225.800612262395) < 0.005


def test_motor_current():
    """MotorCurrent.unit.cpp "Motor Current": MotorCurrent(hp, rpm, FREQ60, EE, 0, load, V)
    .calculateCurrent(FLA)."""
    cases = [
        ((100, 1500, 0.25, 113.8), 42.72830),
        ((500, 1785, 0.25, 557.9), 197.4057226065),
        ((500, 1785, 0.5, 557.9), 304.6652143255),
        ((500, 1785, 0.75, 557.9), 426.5420335857),
    ]
    for (hp, rpm, load, fla), expected in cases:
        current = nema_motor_current(load, fla, Q_(hp, "hp"), rpm).m_as("A")
        assert catch_approx(current, expected), (hp, load)


def test_wasm_motor_performance():
    """wasm-motor-test.js motorPerformance(): EE 200 hp, 1780 rpm, 25 % load, 225.8 A."""
    r = nema_motor_performance(0.25, Q_(200, "hp"), 1780, 225.8, 460, convention="measur")
    assert abs(r.current_fraction.m_as("percent") - 36.1065805345533) < 0.005
    assert abs(r.efficiency.m_as("percent") - 93.03933838910918) < 0.005
    assert abs(r.power_factor.m_as("percent") - 61.718229798145316) < 0.005
    with pytest.raises(OutOfRangeError, match="load_factor"):
        nema_motor_performance(0, Q_(200, "hp"), 1780, 225.8)
