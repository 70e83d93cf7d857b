r"""US NEMA-class motor curves (MEASUR): part-load efficiency, full-load amps, current vs load.

**US data.** These are US DOE MEASUR's fits to NEMA MG 1 motor classes
(standard, energy efficient, premium; 60 Hz, hp ratings) from the MotorMaster+
database, shipped as ``factors/motor_part_load_nema_amo.csv`` and
``factors/motor_current_nema_amo.csv`` (transcribed from AMO-Tools-Suite). They
are the only public part-load source greenchain has found; GB 18613-2020, the
Chinese equivalent, gives full-load efficiency levels only
(:func:`greenchain.processes.motors.gb18613_efficiency`). For a Chinese motor,
scale the curve shape to its GB 18613 or nameplate full-load efficiency with
``efficiency_class="specified"``, or use its own test points with
:func:`greenchain.processes.motors.part_load_efficiency`; use its nameplate
current with :func:`nema_motor_current`.

Examples
--------
>>> from greenchain import Q_
>>> round(float(nema_part_load_efficiency(0.75, Q_(200, "hp"), 1785).m_as("percent")), 2)
95.69
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pint

from greenchain.data.tables import parse_number, read_table
from greenchain.errors import InputError, OutOfRangeError
from greenchain.processes._common import MEASUR_KW_PER_HP, is_measur
from greenchain.units import Q_, QuantityLike, check_range, fraction, magnitude, quantity

__all__ = [
    "NEMA_EFFICIENCY_CLASSES",
    "nema_part_load_efficiency",
    "nema_full_load_amps",
    "FullLoadAmps",
    "nema_motor_current",
    "MotorPerformance",
    "nema_motor_performance",
    "MotorLoadEstimate",
    "nema_load_estimate",
]


# ---------------------------------------------------------------- NEMA part load (US data)
#: Efficiency classes of :func:`nema_part_load_efficiency` (NEMA MG 1, US).
NEMA_EFFICIENCY_CLASSES = ("standard", "energy_efficient", "premium", "specified")
_NEMA_TABLE = "motor_part_load_nema_amo.csv"
# MEASUR's no-load loss as a share of the loss at 25 % load (MotorEfficiency.cpp, kWloss0 =
# 0.8 kWloss25) and its 125 % load point as 0.99 of full-load efficiency
# (calculate25intervals): model assumptions of the source, not sourced elsewhere.
_MEASUR_NO_LOAD_LOSS_SHARE = 0.8
_MEASUR_OVERLOAD_RATIO = 0.99


def _nema_poles(speed_rpm: float, frequency_hz: float) -> int:
    """MEASUR's pole count from nameplate speed (``src/calculator/motor/Poles.cpp``)."""
    for poles in (2, 4, 6, 8, 10, 12):
        top = 120.0 * frequency_hz / poles  # synchronous speed [rpm]
        if 0.9 * top <= speed_rpm <= top:
            return poles
    if speed_rpm > 3600:
        return 2
    return int(min(12, np.floor(np.floor(7200 / speed_rpm) / 2) * 2))


def _nema_points(efficiency_class: str, rated_hp: float, poles: int) -> np.ndarray:
    """Efficiency at 25, 50, 75, 100 and 125 % load of a NEMA class (MEASUR's fits)."""
    pole_index = poles // 2 - 1
    if efficiency_class == "premium":
        pole_index = min(pole_index, 2)
    rng = "up_to_125" if rated_hp <= 125 else "above_125"
    points = {}
    for row in read_table(_NEMA_TABLE):
        if (
            row["efficiency_class"] == efficiency_class
            and row["rated_power_range"] == rng
            and int(row["pole_index"]) == pole_index
        ):
            a = [float(parse_number(row[f"a{k}"]) or 0.0) for k in range(5)]
            points[int(row["load_percent"])] = (
                a[0] + a[1] * np.exp(-a[2] * rated_hp) + a[3] * np.exp(-a[4] * rated_hp)
            ) / 100.0
    if len(points) != 4:
        raise OutOfRangeError(
            f"no NEMA fit for {poles} poles in class {efficiency_class}", field="speed"
        )
    full = points[100]
    return np.array([points[25], points[50], points[75], full, _MEASUR_OVERLOAD_RATIO * full])


def nema_part_load_efficiency(
    load_factor: QuantityLike,
    rated_power: QuantityLike,
    speed: QuantityLike,
    efficiency_class: str = "energy_efficient",
    *,
    line_frequency: QuantityLike = 60,
    specified_efficiency: QuantityLike | None = None,
    convention: str = "si",
) -> pint.Quantity:
    r"""Part-load efficiency of a US NEMA-class induction motor (MEASUR's motor curves).

    **US data.** The curves are MEASUR's fits to NEMA MG 1 motor classes
    (standard, energy efficient, premium; 60 Hz, hp ratings) from the
    MotorMaster+ database (``factors/motor_part_load_nema_amo.csv``, transcribed
    from AMO-Tools-Suite); they are the only public part-load source greenchain
    has. For a Chinese motor, the equivalent reference is GB 18613-2020 at full
    load only (:func:`gb18613_efficiency`); use ``efficiency_class="specified"``
    with that full-load efficiency to scale the NEMA curve shape to it, or
    :func:`greenchain.processes.motors.part_load_efficiency` with the motor's own
    test points.

    Parameters
    ----------
    load_factor : float, array-like or Quantity
        Shaft load over rated power [dimensionless], 0 to 1.5.
    rated_power : float or Quantity
        Rated (nameplate) output [kW]; ``Q_(200, "hp")`` for US ratings.
    speed : float or Quantity
        Nameplate full-load speed [rpm], > 0 (gives the pole count).
    efficiency_class : {"standard", "energy_efficient", "premium", "specified"}
        NEMA class; ``"specified"`` scales the closer of the standard and
        energy-efficient curves to ``specified_efficiency`` at full load.
    line_frequency : float or Quantity, default 60
        Supply frequency [Hz], 50 or 60 (the fits themselves are 60 Hz data).
    specified_efficiency : float or Quantity, optional
        Full-load efficiency [dimensionless] for ``efficiency_class="specified"``.
    convention : {"si", "measur"}, default "si"
        ``"measur"`` reproduces MEASUR's index slip for a specified efficiency
        scaled from the standard curve (its 100 % point takes the 125 % value).

    Returns
    -------
    Quantity
        Efficiency [percent].

    Raises
    ------
    InputError
        Unknown class, or ``specified_efficiency`` given or missing against the class.
    OutOfRangeError
        ``load_factor`` outside 0 to 1.5 (MEASUR clamps above 1.5; greenchain refuses).

    Notes
    -----
    At 25-100 % load :math:`\eta = (a_0 + a_1 e^{-a_2 P} + a_3 e^{-a_4 P})/100`
    (:math:`P` in hp); at 125 % :math:`0.99\,\eta_{100}`. Below 25 % load the
    losses fall linearly to 80 % of the 25 %-load loss at no load,
    :math:`\eta = P_s/(P_s + L)`; from 25 to 125 % a fourth-order polynomial
    through the five points, above 125 % a second-order one through the 75, 100
    and 125 % points.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/motor/MotorEfficiency.cpp``,
    ``Poles.cpp``, ``util/CurveFitVal.cpp`` and ``tests/cpp/MotorEfficiency.unit.cpp``;
    NEMA MG 1-2016, *Motors and Generators*; US DOE MotorMaster+;
    GB 18613-2020 for the Chinese full-load levels.

    Examples
    --------
    >>> from greenchain import Q_
    >>> nema_part_load_efficiency(0.5, Q_(200, "hp"), 1785)
    <Quantity(94.95..., 'percent')>
    """
    measur = is_measur(convention)
    if efficiency_class not in NEMA_EFFICIENCY_CLASSES:
        raise InputError(
            f"efficiency_class must be one of {NEMA_EFFICIENCY_CLASSES}", field="efficiency_class"
        )
    if (efficiency_class == "specified") != (specified_efficiency is not None):
        raise InputError(
            'give specified_efficiency exactly when efficiency_class="specified"',
            field="specified_efficiency",
        )
    lf = check_range(magnitude(load_factor, "", "load_factor"), "load_factor", low=0, high=1.5)
    rated_hp = float(
        check_range(
            magnitude(rated_power, "hp", "rated_power") if isinstance(rated_power, pint.Quantity)
            else Q_(magnitude(rated_power, "kW", "rated_power"), "kW").m_as("hp"),
            "rated_power", low=0, low_inclusive=False,
        )
    )  # fmt: skip
    rpm = float(check_range(magnitude(speed, "rpm", "speed"), "speed", low=0, low_inclusive=False))
    hz = float(magnitude(line_frequency, "Hz", "line_frequency"))
    if hz not in (50.0, 60.0):
        raise OutOfRangeError("must be 50 or 60 Hz", field="line_frequency")
    poles = _nema_poles(rpm, hz)
    if specified_efficiency is not None:  # efficiency_class == "specified" (checked above)
        target = float(fraction(specified_efficiency, "specified_efficiency"))
        ee = _nema_points("energy_efficient", rated_hp, poles)
        se = _nema_points("standard", rated_hp, poles)
        if abs(ee[3] - target) > abs(se[3] - target):
            eff = se * target / se[3]
            if measur:  # MEASUR's {se0, se1, se2, se4, se4} x C (MotorEfficiency.cpp)
                eff[3] = eff[4]
        else:
            eff = ee * target / ee[3]
    else:
        eff = _nema_points(efficiency_class, rated_hp, poles)
    loss25 = (1.0 / eff[0] - 1.0) * 0.25  # per unit of rated power
    loss0 = _MEASUR_NO_LOAD_LOSS_SHARE * loss25
    low = lf / (loss0 + lf * 100.0 * (loss25 - loss0) / 25.0 + lf)
    mid = np.polyval(np.polyfit([0.25, 0.5, 0.75, 1.0, 1.25], eff, 4), lf)
    high = np.polyval(np.polyfit([0.75, 1.0, 1.25], eff[2:], 2), lf)
    value = np.where(lf < 0.251, low, np.where(lf < 1.251, mid, high))
    return quantity(value * 100.0, "percent")


# ---------------------------------------------------------------- NEMA current (US data)
_NEMA_CURRENT_TABLE = "motor_current_nema_amo.csv"
_CURRENT_LOADS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.25)
# MEASUR's reference nameplate voltage of its current fits (EstimateFLA.cpp: 460 V).
_NEMA_REFERENCE_VOLTAGE = 460.0


def _current_fit(table: str, pole_index: int, rated_hp: float, load: str = "") -> float:
    for row in read_table(_NEMA_CURRENT_TABLE):
        if (
            row["table"] == table
            and int(row["pole_index"]) == pole_index
            and row["load_percent"] == load
        ):
            a = [float(parse_number(row[f"a{k}"]) or 0.0) for k in range(5)]
            return float(a[0] + a[1] * np.exp(-a[2] * rated_hp) + a[3] * np.exp(-a[4] * rated_hp))
    raise OutOfRangeError(f"no NEMA current fit for pole index {pole_index}", field="speed")


def _motor_inputs(rated_power: QuantityLike, speed: QuantityLike, line_frequency: QuantityLike):
    hp = float(
        check_range(
            magnitude(rated_power, "hp", "rated_power") if isinstance(rated_power, pint.Quantity)
            else Q_(magnitude(rated_power, "kW", "rated_power"), "kW").m_as("hp"),
            "rated_power", low=0, low_inclusive=False,
        )
    )  # fmt: skip
    rpm = float(check_range(magnitude(speed, "rpm", "speed"), "speed", low=0, low_inclusive=False))
    hz = float(magnitude(line_frequency, "Hz", "line_frequency"))
    if hz not in (50.0, 60.0):
        raise OutOfRangeError("must be 50 or 60 Hz", field="line_frequency")
    return hp, _nema_poles(rpm, hz)


def _part_load_multipliers(pole_index: int, rated_hp: float) -> np.ndarray:
    return np.array(
        [
            _current_fit("part_load_current", pole_index, rated_hp, str(int(load * 100)))
            for load in _CURRENT_LOADS
        ]
    )


@dataclass(frozen=True)
class FullLoadAmps:
    """Result of :func:`nema_full_load_amps`.

    Attributes
    ----------
    full_load_amps : Quantity [A]
        Estimated nameplate full-load current at the rated voltage.
    load_points : Quantity [dimensionless]
        0, 0.25 ... 1.25 of rated load.
    currents : Quantity [A]
        Current of the class motor at those loads, at the rated voltage.
    nominal_efficiency : Quantity [percent] or None
        Full-load efficiency of the class curve used for a specified efficiency.
    """

    full_load_amps: pint.Quantity
    load_points: pint.Quantity
    currents: pint.Quantity
    nominal_efficiency: pint.Quantity | None = None


def nema_full_load_amps(
    rated_power: QuantityLike,
    speed: QuantityLike,
    efficiency_class: str = "energy_efficient",
    rated_voltage: QuantityLike = 460,
    *,
    line_frequency: QuantityLike = 60,
    specified_efficiency: QuantityLike | None = None,
) -> FullLoadAmps:
    r"""Estimated full-load amps of a US NEMA-class motor whose nameplate current is unreadable.

    **US data** (NEMA MG 1 classes, 60 Hz, hp ratings, fitted by MEASUR;
    ``factors/motor_current_nema_amo.csv``). GB 18613-2020 has no current
    equivalent: read a Chinese motor's rated current from its nameplate.

    Parameters
    ----------
    rated_power : float or Quantity
        Rated output [kW]; ``Q_(200, "hp")`` for US ratings.
    speed : float or Quantity
        Nameplate speed [rpm].
    efficiency_class : {"standard", "energy_efficient", "premium", "specified"}
        NEMA class; ``"specified"`` takes the closer of the standard and
        energy-efficient classes and scales its current by their full-load
        efficiency over ``specified_efficiency``.
    rated_voltage : float or Quantity, default 460
        Nameplate voltage [V], > 0; the current scales as 460 V over it.
    line_frequency : float or Quantity, default 60
        Supply frequency [Hz], 50 or 60 (gives the pole count).
    specified_efficiency : float or Quantity, optional
        Full-load efficiency [dimensionless] for ``efficiency_class="specified"``.

    Returns
    -------
    FullLoadAmps

    Notes
    -----
    With :math:`f(P) = a_0 + a_1 e^{-a_2 P} + a_3 e^{-a_4 P}` (:math:`P` in hp):
    :math:`I_{basic} = P f_{basic}(P)`, :math:`I_{class} = f_{class}(P) I_{basic}`,
    :math:`I(L) = f_L(P)\,I_{class}\,460/V`, and FLA :math:`= I(100\,\%)`
    (times :math:`\eta_{class}/\eta_{specified}` for a specified efficiency).

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/motor/EstimateFLA.cpp``,
    ``include/calculator/motor/EstimateFLA.h`` and ``tests/cpp/Results.unit.cpp``
    ("EstimateFLA"); NEMA MG 1-2016; US DOE MotorMaster+.

    Examples
    --------
    >>> from greenchain import Q_
    >>> nema_full_load_amps(Q_(200, "hp"), 1780, "specified", specified_efficiency=0.94).full_load_amps
    <Quantity(228.39..., 'ampere')>
    """
    if efficiency_class not in NEMA_EFFICIENCY_CLASSES:
        raise InputError(
            f"efficiency_class must be one of {NEMA_EFFICIENCY_CLASSES}", field="efficiency_class"
        )
    if (efficiency_class == "specified") != (specified_efficiency is not None):
        raise InputError(
            'give specified_efficiency exactly when efficiency_class="specified"',
            field="specified_efficiency",
        )
    hp, poles = _motor_inputs(rated_power, speed, line_frequency)
    volts = float(
        check_range(
            magnitude(rated_voltage, "V", "rated_voltage"), "rated_voltage", low=0,
            low_inclusive=False,
        )
    )  # fmt: skip
    pole = poles // 2 - 1
    basic = hp * _current_fit("fla_basic", pole, hp)
    nominal = None
    ratio = 1.0
    if specified_efficiency is not None:
        target = float(fraction(specified_efficiency, "specified_efficiency"))
        se = float(_nema_points("standard", hp, poles)[3])
        ee = float(_nema_points("energy_efficient", hp, poles)[3])
        chosen, nominal = ("standard", se) if abs(se - target) < abs(ee - target) else (
            "energy_efficient", ee
        )  # fmt: skip
        ratio = nominal / target
    else:
        chosen = efficiency_class
    if chosen == "premium" and pole > 2:
        raise OutOfRangeError("MEASUR's premium current fit covers 2, 4 and 6 poles", field="speed")
    class_fla = _current_fit(f"{chosen}_multiplier", pole, hp) * basic
    currents = (
        _part_load_multipliers(pole, hp) * class_fla * _NEMA_REFERENCE_VOLTAGE / volts * ratio
    )
    return FullLoadAmps(
        full_load_amps=quantity(float(currents[4]), "A"),
        load_points=quantity(np.array(_CURRENT_LOADS), "dimensionless"),
        currents=quantity(currents, "A"),
        nominal_efficiency=None if nominal is None else quantity(nominal * 100.0, "percent"),
    )


def nema_motor_current(
    load_factor: QuantityLike,
    full_load_amps: QuantityLike,
    rated_power: QuantityLike,
    speed: QuantityLike,
    *,
    line_frequency: QuantityLike = 60,
) -> pint.Quantity:
    r"""Current of an induction motor at part load from its full-load amps (US NEMA curve shape).

    **US data**: the shape of current against load is MEASUR's fit for NEMA
    motors (``factors/motor_current_nema_amo.csv``); the nameplate full-load
    amps scale it, so a Chinese motor's own rated current can be used.

    Parameters
    ----------
    load_factor : float, array-like or Quantity
        Shaft load over rated power [dimensionless], 0 to 1.5.
    full_load_amps : float or Quantity
        Nameplate (or :func:`nema_full_load_amps`) full-load current [A], > 0.
    rated_power : float or Quantity
        Rated output [kW]; ``Q_(100, "hp")`` for US ratings.
    speed : float or Quantity
        Nameplate speed [rpm].
    line_frequency : float or Quantity, default 60
        Supply frequency [Hz], 50 or 60.

    Returns
    -------
    Quantity
        Current [A].

    Notes
    -----
    The multipliers :math:`m_L` at 0-125 % load (:func:`nema_full_load_amps`) are
    normalised to 100 % and interpolated: a quadratic through 0, 25, 50 % below
    25 % load, a quartic through 25-125 %, a quadratic through 75, 100, 125 %
    above, :math:`I(L) = I_{FL}\,m(L)/m_{100}`.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/motor/MotorCurrent.cpp`` and
    ``tests/cpp/MotorCurrent.unit.cpp``.

    Examples
    --------
    >>> from greenchain import Q_
    >>> nema_motor_current(0.25, 113.8, Q_(100, "hp"), 1500)
    <Quantity(42.728..., 'ampere')>
    """
    lf = check_range(magnitude(load_factor, "", "load_factor"), "load_factor", low=0, high=1.5)
    fla = check_range(
        magnitude(full_load_amps, "A", "full_load_amps"), "full_load_amps", low=0,
        low_inclusive=False,
    )  # fmt: skip
    hp, poles = _motor_inputs(rated_power, speed, line_frequency)
    m = _part_load_multipliers(poles // 2 - 1, hp)
    m = m / m[4]
    x = np.array(_CURRENT_LOADS)
    low = np.polyval(np.polyfit(x[:3], m[:3], 2), lf)
    mid = np.polyval(np.polyfit(x[1:], m[1:], 4), lf)
    high = np.polyval(np.polyfit(x[3:], m[3:], 2), lf)
    value = np.where(lf < 0.251, low, np.where(lf < 1.251, mid, high))
    return quantity(value * fla, "A")


@dataclass(frozen=True)
class MotorPerformance:
    """Result of :func:`nema_motor_performance`.

    Attributes
    ----------
    current : Quantity [A]
    current_fraction : Quantity [percent]
        Current over full-load amps.
    efficiency : Quantity [percent]
    power_factor : Quantity [percent]
    input_power : Quantity [kW]
    """

    current: pint.Quantity
    current_fraction: pint.Quantity
    efficiency: pint.Quantity
    power_factor: pint.Quantity
    input_power: pint.Quantity


def nema_motor_performance(
    load_factor: QuantityLike,
    rated_power: QuantityLike,
    speed: QuantityLike,
    full_load_amps: QuantityLike,
    rated_voltage: QuantityLike = 460,
    efficiency_class: str = "energy_efficient",
    *,
    line_frequency: QuantityLike = 60,
    specified_efficiency: QuantityLike | None = None,
    convention: str = "si",
) -> MotorPerformance:
    r"""Current, efficiency and power factor of a NEMA-class motor against load (US data).

    Parameters
    ----------
    load_factor : float, array-like or Quantity
        Shaft load over rated power [dimensionless], above 0 and up to 1.5.
    rated_power : float or Quantity
        Rated output [kW]; ``Q_(200, "hp")`` for US ratings.
    speed : float or Quantity
        Nameplate speed [rpm].
    full_load_amps : float or Quantity
        Nameplate full-load current [A], > 0.
    rated_voltage : float or Quantity, default 460
        Nameplate voltage [V], > 0.
    efficiency_class : {"standard", "energy_efficient", "premium", "specified"}
        As :func:`nema_part_load_efficiency`.
    line_frequency : float or Quantity, default 60
        Supply frequency [Hz], 50 or 60.
    specified_efficiency : float or Quantity, optional
        Full-load efficiency [dimensionless] for ``efficiency_class="specified"``.
    convention : {"si", "measur"}, default "si"
        ``"measur"`` converts the rated hp with MEASUR's 0.746 kW/hp in the power
        factor (and applies :func:`nema_part_load_efficiency`'s MEASUR option).

    Returns
    -------
    MotorPerformance

    Raises
    ------
    OutOfRangeError
        ``load_factor`` of 0 (the power factor at no load needs the no-load loss)
        or above 1.5.

    Notes
    -----
    .. math:: P_{in} = \frac{L\,P_{rated}}{\eta(L)}, \qquad
        PF = \frac{P_{in}}{\sqrt{3}\,V\,I(L)}

    with :math:`\eta(L)` from :func:`nema_part_load_efficiency` and :math:`I(L)`
    from :func:`nema_motor_current`.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/motor/MotorPerformance.cpp``,
    ``MotorPowerFactor.cpp`` and ``tests/wasm/motor/wasm-motor-test.js``
    (``motorPerformance``).

    Examples
    --------
    >>> from greenchain import Q_
    >>> r = nema_motor_performance(0.25, Q_(200, "hp"), 1780, 225.8, convention="measur")
    >>> round(float(r.power_factor.m_as("percent")), 2)
    61.72
    """
    measur = is_measur(convention)
    lf = check_range(
        magnitude(load_factor, "", "load_factor"), "load_factor", low=0, low_inclusive=False,
        high=1.5,
    )  # fmt: skip
    volts = check_range(
        magnitude(rated_voltage, "V", "rated_voltage"), "rated_voltage", low=0,
        low_inclusive=False,
    )  # fmt: skip
    efficiency = nema_part_load_efficiency(
        lf, rated_power, speed, efficiency_class, line_frequency=line_frequency,
        specified_efficiency=specified_efficiency, convention=convention,
    ).m_as("")  # fmt: skip
    current = nema_motor_current(
        lf, full_load_amps, rated_power, speed, line_frequency=line_frequency
    ).m_as("A")
    if measur and isinstance(rated_power, pint.Quantity):
        rated_kw = magnitude(rated_power, "hp", "rated_power") * MEASUR_KW_PER_HP
    else:
        rated_kw = magnitude(rated_power, "kW", "rated_power")
    p_in = lf * rated_kw / efficiency
    pf = p_in * 1000.0 / (np.sqrt(3.0) * volts * current)
    fla = magnitude(full_load_amps, "A", "full_load_amps")
    return MotorPerformance(
        current=quantity(current, "A"),
        current_fraction=quantity(current / fla * 100.0, "percent"),
        efficiency=quantity(efficiency * 100.0, "percent"),
        power_factor=quantity(pf * 100.0, "percent"),
        input_power=quantity(p_in, "kW"),
    )


@dataclass(frozen=True)
class MotorLoadEstimate:
    """Result of :func:`nema_load_estimate`.

    Attributes
    ----------
    load_factor : Quantity [dimensionless]
    efficiency, power_factor : Quantity [percent]
    current : Quantity [A]
    input_power, shaft_power : Quantity [kW]
    """

    load_factor: pint.Quantity
    efficiency: pint.Quantity
    power_factor: pint.Quantity
    current: pint.Quantity
    input_power: pint.Quantity
    shaft_power: pint.Quantity


def _grid_point(
    lf: float, hp: float, rpm: float, hz: float, cls: str, spec: float | None, fla: float,
    volts: float, convention: str,
) -> tuple[float, float, float, float]:  # fmt: skip
    """Current, efficiency, power factor and input power of the NEMA motor at one load."""
    current = float(nema_motor_current(lf, fla, Q_(hp, "hp"), rpm, line_frequency=hz).m_as("A"))
    eff = float(
        nema_part_load_efficiency(
            lf, Q_(hp, "hp"), rpm, cls, line_frequency=hz, specified_efficiency=spec,
            convention=convention,
        ).m_as("")
    )  # fmt: skip
    kw_per_hp = MEASUR_KW_PER_HP if is_measur(convention) else Q_(1, "hp").m_as("kW")
    if abs(lf) < 0.001:  # no load: the no-load loss over the kVA at 460 V (MEASUR)
        eff25 = float(
            nema_part_load_efficiency(
                0.25, Q_(hp, "hp"), rpm, cls, line_frequency=hz, specified_efficiency=spec,
                convention=convention,
            ).m_as("")
        )  # fmt: skip
        loss0 = _MEASUR_NO_LOAD_LOSS_SHARE * (1 / eff25 - 1) * hp * kw_per_hp * 0.25
        pf = loss0 / (_NEMA_REFERENCE_VOLTAGE * np.sqrt(3.0) * current / 1000.0)
    else:
        pf = (lf * hp * kw_per_hp) / (current * eff * volts * np.sqrt(3.0) / 1000.0)
    power = volts * current * np.sqrt(3.0) * pf / 1000.0
    return current, eff, float(pf), float(power)


def nema_load_estimate(
    rated_power: QuantityLike,
    speed: QuantityLike,
    full_load_amps: QuantityLike,
    rated_voltage: QuantityLike,
    field_voltage: QuantityLike,
    *,
    measured_power: QuantityLike | None = None,
    measured_current: QuantityLike | None = None,
    efficiency_class: str = "energy_efficient",
    line_frequency: QuantityLike = 60,
    specified_efficiency: QuantityLike | None = None,
    convention: str = "si",
) -> MotorLoadEstimate:
    r"""Load, efficiency and power factor of a NEMA-class motor from a field reading (US data).

    Parameters
    ----------
    rated_power : float or Quantity
        Rated output [kW]; ``Q_(200, "hp")`` for US ratings.
    speed : float or Quantity
        Nameplate speed [rpm].
    full_load_amps : float or Quantity
        Nameplate full-load current [A], > 0.
    rated_voltage : float or Quantity
        Nameplate voltage [V], > 0.
    field_voltage : float or Quantity
        Measured line voltage [V], > 0.
    measured_power : float or Quantity, optional
        Measured input power [kW]; give this or ``measured_current``.
    measured_current : float or Quantity, optional
        Measured line current [A].
    efficiency_class : {"standard", "energy_efficient", "premium", "specified"}
        As :func:`nema_part_load_efficiency`.
    line_frequency : float or Quantity, default 60
        Supply frequency [Hz], 50 or 60.
    specified_efficiency : float or Quantity, optional
        Full-load efficiency [dimensionless] for ``efficiency_class="specified"``.
    convention : {"si", "measur"}, default "si"
        ``"measur"`` uses MEASUR's 0.746 kW/hp (and its index slip, see
        :func:`nema_part_load_efficiency`).

    Returns
    -------
    MotorLoadEstimate

    Raises
    ------
    InputError
        Not exactly one of ``measured_power`` and ``measured_current``.
    OutOfRangeError
        A reading above the motor's value at 150 % load.

    Notes
    -----
    MEASUR's method: the input power (or current, corrected for the field voltage
    by :math:`1 + (V_f/V_r - 1)(1 - 2L)`) of the NEMA motor is evaluated on a 1 %
    load grid until it exceeds the reading; load, efficiency and power factor are
    interpolated linearly between the two grid points, and
    :math:`P_{shaft} = P_{in}\,\eta`.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/motor/MotorShaftPower.cpp`` and
    ``tests/cpp/Results.unit.cpp`` ("PSATResults - existing changed voltage").

    Examples
    --------
    >>> from greenchain import Q_
    >>> r = nema_load_estimate(Q_(200, "hp"), 1780, 225.0, 460, 480, measured_power=80,
    ...                        efficiency_class="premium", convention="measur")
    >>> round(float(r.efficiency.m_as("percent")), 4)
    96.4074
    """
    if (measured_power is None) == (measured_current is None):
        raise InputError(
            "give exactly one of measured_power and measured_current",
            field="measured_power, measured_current",
        )
    hp, _ = _motor_inputs(rated_power, speed, line_frequency)
    rpm = float(magnitude(speed, "rpm", "speed"))
    hz = float(magnitude(line_frequency, "Hz", "line_frequency"))
    fla = float(
        check_range(
            magnitude(full_load_amps, "A", "full_load_amps"), "full_load_amps", low=0,
            low_inclusive=False,
        )
    )  # fmt: skip
    v_r = float(
        check_range(
            magnitude(rated_voltage, "V", "rated_voltage"), "rated_voltage", low=0,
            low_inclusive=False,
        )
    )  # fmt: skip
    v_f = float(
        check_range(
            magnitude(field_voltage, "V", "field_voltage"), "field_voltage", low=0,
            low_inclusive=False,
        )
    )  # fmt: skip
    spec = None
    if specified_efficiency is not None:
        spec = float(fraction(specified_efficiency, "specified_efficiency"))
    is_measur(convention)
    args = (hp, rpm, hz, efficiency_class, spec, fla, v_r, convention)
    if measured_power is not None:
        field = float(
            check_range(
                magnitude(measured_power, "kW", "measured_power"), "measured_power", low=0,
                low_inclusive=False,
            )
        )  # fmt: skip
        lf = 0.01  # MEASUR steps from 1 % in float increments of 0.01
        prev = None
        while True:
            point = _grid_point(lf, *args)
            if point[3] > field or lf > 1.5:
                break
            prev = (lf, point)
            lf += 0.01
        if prev is None or lf > 1.5:
            raise OutOfRangeError(
                "is outside the motor's range on its NEMA curve", field="measured_power"
            )
        lf1, (_, eff1, pf1, p1) = prev
        lf2, (_, eff2, pf2, p2) = lf, point
        index = lf1 + ((field - p1) / (p2 - p1)) / 100
        eff = eff1 + 100 * (index - lf1) * (eff2 - eff1)
        ratio = v_f / v_r
        adj1 = pf1 / ((((ratio - 1) * (-2 * lf1 + 1)) + 1) * ratio)
        adj2 = pf2 / ((((ratio - 1) * (-2 * lf2 + 1)) + 1) * ratio)
        pf = adj1 + 100 * (index - lf1) * (adj2 - adj1)
        current = field / (v_f * np.sqrt(3.0) * pf / 1000.0)
        power = field
    else:
        field = float(
            check_range(
                magnitude(measured_current, "A", "measured_current"), "measured_current", low=0,
                low_inclusive=False,
            )
        )  # fmt: skip
        lf = 0.0
        while True:
            point = _grid_point(lf, *args)
            if point[0] > field or lf > 1.5:
                break
            lf += 0.01
        if lf > 1.5:
            raise OutOfRangeError(
                "is outside the motor's range on its NEMA curve", field="measured_current"
            )
        lf2, (c2, eff2, _, p2) = lf, point
        lf1 = lf - 0.01
        c1, eff1, _, p1 = _grid_point(lf1, *args)
        adj1 = ((v_f / v_r - 1) * (1 - 2 * lf1) + 1) * c1
        adj2 = ((v_f / v_r - 1) * (1 - 2 * lf2) + 1) * c2
        index = lf1 + ((field - adj1) / (adj2 - adj1)) / 100
        current = field
        eff = eff1 + 100 * (index - lf1) * (eff2 - eff1)
        power = p1 + 100 * (index - lf1) * (p2 - p1)
        pf = power / (current * v_f * np.sqrt(3.0) / 1000.0)
    return MotorLoadEstimate(
        load_factor=quantity(index, "dimensionless"),
        efficiency=quantity(eff * 100.0, "percent"),
        power_factor=quantity(pf * 100.0, "percent"),
        current=quantity(current, "A"),
        input_power=quantity(power, "kW"),
        shaft_power=quantity(power * eff, "kW"),
    )
