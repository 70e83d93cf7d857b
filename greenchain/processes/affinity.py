r"""What pumps and fans share: the affinity-law model of speed control, and measured efficiency.

A variable-speed drive (VSD/VFD) lets a pump or fan deliver part flow by slowing
down instead of throttling a valve or damper. :func:`vfd_savings` compares the two
over a duty profile (flow fractions and hours). The speed-control side is physics
(affinity laws and a system curve with a static-head share); the throttled side
is **not** modelled: it depends on the machine's full-speed curve, so its power
at each duty point is an input (or ``"bypass"``, where the machine always runs
at its design point).

:func:`measured_efficiency` turns a field measurement (the power a machine gives
its fluid and the electrical input of its motor) into the machine's efficiency;
:func:`greenchain.processes.pumps.pump_efficiency` and
:func:`greenchain.processes.fans.fan_efficiency` use it.

Examples
--------
>>> r = vfd_savings(100, {0.9: 1000, 0.8: 1000, 0.7: 1000}, throttling="bypass",
...                 drive_efficiency=1.0)
>>> r.vfd_power.m_as("kW").round(1)
array([72.9, 51.2, 34.3])
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pint

from greenchain.data.tables import parse_number, read_table
from greenchain.errors import InputError, OutOfRangeError
from greenchain.processes._common import MEASUR_KW_PER_HP, is_measur
from greenchain.units import (
    Q_,
    QuantityLike,
    check_range,
    fraction,
    magnitude,
    nonnegative,
    quantity,
)

__all__ = [
    "vfd_savings",
    "VfdSavings",
    "system_head",
    "measured_efficiency",
    "MeasuredEfficiency",
    "DRIVES",
    "DrivePower",
    "drive_output_power",
    "drive_input_power",
    "required_power",
    "RequiredPower",
]


def system_head(
    flow_fraction: QuantityLike, static_head_fraction: QuantityLike = 0.0
) -> pint.Quantity:
    r"""Head (or pressure) the system needs at part flow, as a fraction of design head.

    Parameters
    ----------
    flow_fraction : float or array-like
        Flow as a fraction of design flow [dimensionless], between 0 and 1.
    static_head_fraction : float, default 0
        Share of the design head that does not depend on flow (lift, back
        pressure) [dimensionless], between 0 and 1.

    Returns
    -------
    Quantity
        Head fraction [dimensionless].

    Notes
    -----
    .. math:: h(q) = H_s + (1 - H_s)\,q^2

    The friction part varies with the square of flow (fully turbulent flow).

    Examples
    --------
    >>> system_head(0.5, 0.3)
    <Quantity(0.475, 'dimensionless')>
    """
    q = check_range(magnitude(flow_fraction, "", "flow_fraction"), "flow_fraction", low=0, high=1)
    hs = check_range(
        magnitude(static_head_fraction, "", "static_head_fraction"),
        "static_head_fraction",
        low=0,
        high=1,
    )
    return quantity(hs + (1.0 - hs) * q**2, "")


@dataclass(frozen=True)
class VfdSavings:
    """Result of :func:`vfd_savings`.

    Attributes
    ----------
    flow_fraction : numpy.ndarray
        Duty points, fractions of design flow.
    hours : Quantity
        Hours at each duty point [h].
    speed : Quantity
        Speed fraction at each duty point [dimensionless]: ``sqrt(h(q))``, the
        least speed that develops the system head (exact for ``H_s = 0``,
        where it equals ``q``; a real, drooping pump curve needs a little more).
    throttled_power, vfd_power : Quantity
        Input power at each duty point without and with speed control [kW].
    throttled_energy, vfd_energy, savings : Quantity
        Totals over the profile [kWh]; ``savings`` can be negative (drive
        losses at full flow).
    """

    flow_fraction: Any
    hours: Any
    speed: Any
    throttled_power: Any
    vfd_power: Any
    throttled_energy: Any
    vfd_energy: Any
    savings: Any


def _profile(duty_profile: Any) -> tuple[np.ndarray, np.ndarray]:
    if isinstance(duty_profile, Mapping):
        flows = list(duty_profile.keys())
        hours = list(duty_profile.values())
    else:
        try:
            pairs = list(duty_profile)
            flows = [pair[0] for pair in pairs]
            hours = [pair[1] for pair in pairs]
        except (TypeError, IndexError, KeyError) as exc:
            raise InputError(
                "give a mapping {flow fraction: hours} or (flow fraction, hours) pairs",
                field="duty_profile",
            ) from exc
    if not flows:
        raise InputError("has no duty points", field="duty_profile")
    q = np.array([magnitude(f, "", "duty_profile flow fraction") for f in flows], dtype=float)
    t = np.array([magnitude(h, "h", "duty_profile hours") for h in hours], dtype=float)
    if q.ndim != 1 or t.ndim != 1:
        raise InputError(
            "each duty point needs one flow fraction and one number of hours", field="duty_profile"
        )
    check_range(q, "duty_profile flow fraction", low=0, high=1)
    check_range(t, "duty_profile hours", low=0, unit="h")
    return q, t


def vfd_savings(
    rated_power: QuantityLike,
    duty_profile: Any,
    *,
    throttling: Any,
    drive_efficiency: QuantityLike,
    static_head_fraction: QuantityLike = 0.0,
) -> VfdSavings:
    r"""Electricity saved by speed control instead of throttling, over a duty profile.

    Parameters
    ----------
    rated_power : float or Quantity
        Input power at the design point (full speed, design flow) [kW].
    duty_profile : mapping or sequence of pairs
        A mapping ``{flow fraction: hours}`` or a sequence of ``(flow fraction,
        hours)`` pairs; flow as a fraction of design flow, between 0 and 1, and
        hours [h] (numbers or Quantities).
    throttling : "bypass" or array-like
        Input power without speed control at each duty point, either as
        fractions of ``rated_power`` (plain numbers, in duty-profile order) or
        as power Quantities. Read them from the machine's full-speed power curve
        or measure them; greenchain ships no throttling curve. ``"bypass"``
        means the machine always runs at its design point (bypass or
        recirculation control), so the throttled power is ``rated_power``.
    drive_efficiency : float or Quantity
        Efficiency of the variable-speed drive [dimensionless], 0 < eta <= 1.
        Required: the often quoted 2-4 % drive loss is unverified, so greenchain
        gives no default.
    static_head_fraction : float, default 0
        Share of the design head that is static, ``H_s`` [dimensionless], between
        0 and 1.

    Returns
    -------
    VfdSavings
        Power per duty point and energy totals.

    Raises
    ------
    OutOfRangeError
        Flow fractions outside 0 to 1, negative hours, ``static_head_fraction``
        outside 0 to 1, ``drive_efficiency`` not in (0, 1].
    InputError
        ``throttling`` of the wrong length or kind.

    Notes
    -----
    With speed control the operating point follows the system curve

    .. math:: h(q) = H_s + (1 - H_s)\,q^2

    and, holding pump (fan) and motor efficiency at their design values, the
    input power is the hydraulic power ratio divided by the drive efficiency:

    .. math:: \frac{P_{vsd}}{P_{rated}} = \frac{q\,h(q)}{\eta_{drive}}

    With no static head this is the affinity law :math:`P \propto n^3` with
    :math:`n = q`. The speed reported is :math:`n = \sqrt{h(q)}`. Holding the
    machine efficiency constant is optimistic where static head dominates
    (the pump then works far from its best-efficiency point); treat results
    for large ``H_s`` as an upper bound on savings.

    Examples
    --------
    Pump with 30 % static head, throttled powers read from its curve:

    >>> r = vfd_savings(75, [(1.0, 2000), (0.8, 3000), (0.6, 3000)],
    ...                 throttling=[1.0, 0.93, 0.85], drive_efficiency=0.97,
    ...                 static_head_fraction=0.3)
    >>> round(r.savings.m_as("kWh"))
    180232
    """
    p_rated = nonnegative(rated_power, "kW", "rated_power")
    if p_rated.ndim != 0:
        raise InputError("must be a single power", field="rated_power")
    q, t = _profile(duty_profile)
    eta = fraction(drive_efficiency, "drive_efficiency")
    h = system_head(q, static_head_fraction).m_as("")

    if isinstance(throttling, str):
        if throttling != "bypass":
            raise InputError(
                f"must be 'bypass' or the throttled powers, got {throttling!r}", field="throttling"
            )
        p_thr = np.full_like(q, float(p_rated))
    else:
        if isinstance(throttling, pint.Quantity) and throttling.check("[power]"):
            p_thr = magnitude(throttling, "kW", "throttling")
        else:
            p_thr = magnitude(throttling, "", "throttling") * p_rated
        if p_thr.shape != q.shape:
            raise InputError(
                f"needs one value per duty point ({q.size}), got shape {p_thr.shape}",
                field="throttling",
            )
        check_range(p_thr, "throttling", low=0)

    p_vsd = p_rated * q * h / eta
    e_thr = float(np.sum(p_thr * t))
    e_vsd = float(np.sum(p_vsd * t))
    return VfdSavings(
        flow_fraction=q,
        hours=quantity(t, "h"),
        speed=quantity(np.sqrt(h), ""),
        throttled_power=quantity(p_thr, "kW"),
        vfd_power=quantity(p_vsd, "kW"),
        throttled_energy=quantity(e_thr, "kWh"),
        vfd_energy=quantity(e_vsd, "kWh"),
        savings=quantity(e_thr - e_vsd, "kWh"),
    )


@dataclass(frozen=True)
class MeasuredEfficiency:
    """Result of :func:`measured_efficiency`.

    Attributes
    ----------
    output_power : Quantity
        Power the machine gives its fluid [kW].
    shaft_power : Quantity
        Motor output (machine input) power [kW].
    efficiency : Quantity
        Machine efficiency [percent].
    energy : Quantity or None
        Electricity drawn over ``hours`` [kWh] (``None`` without ``hours``).
    """

    output_power: pint.Quantity
    shaft_power: pint.Quantity
    efficiency: pint.Quantity
    energy: pint.Quantity | None = None


def measured_efficiency(
    output_power: QuantityLike,
    measured_power: QuantityLike,
    motor_efficiency: QuantityLike,
    *,
    hours: QuantityLike | None = None,
    machine: str = "machine",
) -> MeasuredEfficiency:
    r"""Efficiency of a motor-driven machine from its output power and the motor's input power.

    Parameters
    ----------
    output_power : float, array-like or Quantity
        Power the machine gives its fluid [kW], e.g. the fluid power of a pump
        (:func:`greenchain.processes.pumps.fluid_power`) or the air power of a fan
        (:func:`greenchain.processes.fans.fan_air_power`), >= 0.
    measured_power : float, array-like or Quantity
        Electrical input power of the motor [kW], > 0.
    motor_efficiency : float, array-like or Quantity
        Motor efficiency at this load [dimensionless], 0 < eta <= 1, or a Quantity
        in percent (from the motor's test data or
        :func:`greenchain.processes.motors.part_load_efficiency`).
    hours : float or Quantity, optional
        Operating time [h] for the ``energy`` result.
    machine : str, default "machine"
        What the machine is (``"pump"``, ``"fan"`` ...), for the error message.

    Returns
    -------
    MeasuredEfficiency
        Output, shaft power [kW], efficiency [percent] and energy [kWh] or None.

    Raises
    ------
    OutOfRangeError
        ``motor_efficiency`` not in (0, 1], non-positive ``measured_power``,
        negative ``output_power`` or ``hours``, or inputs implying a machine
        efficiency above 100 % (named ``measured_power``).

    Notes
    -----
    .. math::
        P_{shaft} = P_{measured}\,\eta_{motor}, \qquad
        \eta = P_{out} / P_{shaft}, \qquad E = P_{measured}\, t

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``tests/cpp/Results.unit.cpp`` ("PSATResultsPremium
    existing" for pumps, "Fan Output existing" for fans).

    Examples
    --------
    >>> r = measured_efficiency(40, 60, 0.95, hours=1000, machine="pump")
    >>> r.efficiency, r.energy
    (<Quantity(70.175..., 'percent')>, <Quantity(60000.0, 'kilowatt_hour')>)
    """
    out = nonnegative(output_power, "kW", "output_power")
    p_in = check_range(
        magnitude(measured_power, "kW", "measured_power"),
        "measured_power",
        low=0,
        low_inclusive=False,
        unit="kW",
    )
    shaft = p_in * fraction(motor_efficiency, "motor_efficiency")
    eff = out / shaft
    if np.any(eff > 1):
        raise OutOfRangeError(
            f"implies a {machine} efficiency above 100 % (check the measured inputs and power)",
            field="measured_power",
        )
    energy = None
    if hours is not None:
        energy = quantity(p_in * nonnegative(hours, "h", "hours"), "kWh")
    return MeasuredEfficiency(
        output_power=quantity(out, "kW"),
        shaft_power=quantity(shaft, "kW"),
        efficiency=quantity(eff * 100.0, "percent"),
        energy=energy,
    )


# ------------------------------------------------------------------ drives (belts)
#: Drive types of :func:`drive_output_power` / :func:`drive_input_power`.
DRIVES = ("direct", "v_belt", "notched_v_belt", "synchronous_belt", "specified")
_BELT_TABLE = "belt_drive_losses_amo.csv"
# The mechanical horsepower in kW (550 ft lbf/s; pint's "hp"): the belt-loss fits are in hp.
_KW_PER_HP = Q_(1, "hp").m_as("kW")


@dataclass(frozen=True)
class DrivePower:
    """Result of :func:`drive_output_power` and :func:`drive_input_power`.

    Attributes
    ----------
    motor_shaft_power : Quantity
        Power at the motor shaft [kW].
    driven_shaft_power : Quantity
        Power at the pump or fan shaft [kW].
    efficiency : Quantity
        Drive efficiency [dimensionless].
    """

    motor_shaft_power: pint.Quantity
    driven_shaft_power: pint.Quantity
    efficiency: pint.Quantity


def _kw_per_hp(convention: str) -> float:
    return MEASUR_KW_PER_HP if is_measur(convention) else _KW_PER_HP


def _belt_loss_share(drive: str, reference: str, power_hp: np.ndarray) -> np.ndarray:
    for row in read_table(_BELT_TABLE):
        if row["drive"] == drive and row["reference"] == reference:
            a1, b1, a2, b2, a3, avg = (
                float(parse_number(row[c]) or 0.0)  # every cell is filled (checked in tests)
                for c in ("a1", "b1", "a2", "b2", "a3", "average_loss_percent")
            )
            curve = a1 * np.exp(b1 * power_hp) + a2 * np.exp(b2 * power_hp) + a3
            return np.asarray(curve * (avg / 7.0) / 100.0)  # 7 %: the V-belt average loss
    raise InputError(f"drive must be one of {DRIVES}", field="drive")


def _drive_args(drive: str, drive_efficiency: QuantityLike | None) -> np.ndarray | None:
    if drive not in DRIVES:
        raise InputError(f"drive must be one of {DRIVES}", field="drive")
    if (drive == "specified") != (drive_efficiency is not None):
        raise InputError(
            'give drive_efficiency exactly when drive="specified"', field="drive_efficiency"
        )
    if drive_efficiency is None:
        return None
    return fraction(drive_efficiency, "drive_efficiency")


def drive_output_power(
    motor_shaft_power: QuantityLike,
    drive: str = "direct",
    drive_efficiency: QuantityLike | None = None,
    *,
    convention: str = "si",
) -> DrivePower:
    r"""Power reaching a pump or fan shaft through a direct, belt or specified drive.

    Parameters
    ----------
    motor_shaft_power : float, array-like or Quantity
        Motor output power [kW], > 0.
    drive : {"direct", "v_belt", "notched_v_belt", "synchronous_belt", "specified"}
        Drive type.
    drive_efficiency : float or Quantity, optional
        Drive efficiency [dimensionless] for ``drive="specified"`` (only then).
    convention : {"si", "measur"}, default "si"
        The belt fits are in hp: ``"si"`` converts with the mechanical hp
        (0.7457 kW), ``"measur"`` with MEASUR's 0.746 kW/hp.

    Returns
    -------
    DrivePower
        Motor and driven shaft power [kW] and the drive efficiency.

    Notes
    -----
    Belt loss as a share of the motor shaft power :math:`P` (in hp):

    .. math:: \frac{BL}{P} = \left(0.68759\,e^{-0.019791 P} + 3.7558\,e^{-0.21507 P}
        + 3.9963\right)\frac{\bar L}{7}\,\frac{1}{100}

    with :math:`\bar L` = 7, 5, 2 % for V, notched V and synchronous belts
    (``factors/belt_drive_losses_amo.csv``).

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/pump/PumpShaftPower.cpp`` and
    ``tests/cpp/Results.unit.cpp`` ("PSAT pump shaft power"); AMCA 203-90,
    *Field Performance Measurement of Fan Systems*, Appendix L; US DOE AMO Motor
    Systems Tip Sheet #5 (belt drives).

    Examples
    --------
    >>> from greenchain import Q_
    >>> drive_output_power(Q_(50, "hp"), "notched_v_belt").driven_shaft_power.to("hp")
    <Quantity(48.481..., 'horsepower')>
    """
    _kw_per_hp(convention)
    eta = _drive_args(drive, drive_efficiency)
    p = check_range(
        magnitude(motor_shaft_power, "kW", "motor_shaft_power"),
        "motor_shaft_power",
        low=0,
        low_inclusive=False,
        unit="kW",
    )
    if drive == "direct":
        share = np.zeros_like(p)
    elif eta is not None:
        share = 1.0 - eta
    else:
        share = _belt_loss_share(drive, "motor_shaft", p / _kw_per_hp(convention))
    return DrivePower(
        motor_shaft_power=quantity(p, "kW"),
        driven_shaft_power=quantity(p * (1.0 - share), "kW"),
        efficiency=quantity(np.broadcast_to(1.0 - share, np.shape(p)) * 1.0, "dimensionless"),
    )


def drive_input_power(
    driven_shaft_power: QuantityLike,
    drive: str = "direct",
    drive_efficiency: QuantityLike | None = None,
    *,
    convention: str = "si",
) -> DrivePower:
    r"""Motor shaft power a pump or fan needs through a direct, belt or specified drive.

    Parameters
    ----------
    driven_shaft_power : float, array-like or Quantity
        Power the pump or fan shaft needs [kW], > 0.
    drive : {"direct", "v_belt", "notched_v_belt", "synchronous_belt", "specified"}
        Drive type.
    drive_efficiency : float or Quantity, optional
        Drive efficiency [dimensionless] for ``drive="specified"`` (only then).
    convention : {"si", "measur"}, default "si"
        The belt fits are in hp: ``"si"`` converts with the mechanical hp
        (0.7457 kW), ``"measur"`` with MEASUR's 0.746 kW/hp.

    Returns
    -------
    DrivePower
        Motor and driven shaft power [kW] and the drive efficiency.

    Notes
    -----
    Belt loss as a share of the driven shaft power :math:`P` (in hp), MEASUR's
    second fit:

    .. math:: s = \left(0.7489574\,e^{-0.02067997 P} + 4.136368\,e^{-0.226025 P}
        + 4.162707\right)\frac{\bar L}{7}\,\frac{1}{100}, \qquad
        P_{motor} = P (1 + s), \qquad \eta = 1/(1 + s)

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/motor/OptimalMotorShaftPower.cpp``;
    AMCA 203-90, Appendix L; US DOE AMO Motor Systems Tip Sheet #5.

    Examples
    --------
    >>> round(float(drive_input_power(100, "v_belt").motor_shaft_power.m_as("kW")), 2)
    104.21
    """
    _kw_per_hp(convention)
    eta = _drive_args(drive, drive_efficiency)
    p = check_range(
        magnitude(driven_shaft_power, "kW", "driven_shaft_power"),
        "driven_shaft_power",
        low=0,
        low_inclusive=False,
        unit="kW",
    )
    if drive == "direct":
        motor, efficiency = p, np.ones_like(p)
    elif eta is not None:
        motor, efficiency = p / eta, np.broadcast_to(eta, np.shape(p)) * 1.0
    else:
        s = _belt_loss_share(drive, "driven_shaft", p / _kw_per_hp(convention))
        motor, efficiency = p * (1.0 + s), 1.0 / (1.0 + s)
    return DrivePower(
        motor_shaft_power=quantity(motor, "kW"),
        driven_shaft_power=quantity(p, "kW"),
        efficiency=quantity(efficiency, "dimensionless"),
    )


@dataclass(frozen=True)
class RequiredPower:
    """Result of :func:`required_power`.

    Attributes
    ----------
    driven_shaft_power, motor_shaft_power, motor_power : Quantity
        Pump or fan shaft power, motor shaft power and motor input power [kW].
    drive_efficiency : Quantity [dimensionless]
    energy : Quantity or None
        Electricity over ``hours`` [kWh] (``None`` without ``hours``).
    """

    driven_shaft_power: pint.Quantity
    motor_shaft_power: pint.Quantity
    motor_power: pint.Quantity
    drive_efficiency: pint.Quantity
    energy: pint.Quantity | None = None


def required_power(
    output_power: QuantityLike,
    machine_efficiency: QuantityLike,
    motor_efficiency: QuantityLike,
    *,
    drive: str = "direct",
    drive_efficiency: QuantityLike | None = None,
    hours: QuantityLike | None = None,
    convention: str = "si",
) -> RequiredPower:
    r"""Power a pump or fan of a given efficiency draws: MEASUR's "modified" (optimised) case.

    Parameters
    ----------
    output_power : float, array-like or Quantity
        Fluid or air power the machine must deliver [kW], >= 0
        (:func:`greenchain.processes.pumps.fluid_power`,
        :func:`greenchain.processes.fans.fan_air_power`).
    machine_efficiency : float, array-like or Quantity
        Efficiency of the new or optimised pump or fan [dimensionless], above 0 and at most 1
        (a catalogue or achievable efficiency).
    motor_efficiency : float, array-like or Quantity
        Motor efficiency at the resulting load [dimensionless], above 0 and at most 1, from the
        motor's test data or :func:`greenchain.processes.motors.part_load_efficiency`.
    drive : {"direct", "v_belt", "notched_v_belt", "synchronous_belt", "specified"}
        Drive between motor and machine (:func:`drive_input_power`).
    drive_efficiency : float or Quantity, optional
        Drive efficiency [dimensionless] for ``drive="specified"``.
    hours : float or Quantity, optional
        Operating time [h] for ``energy``.
    convention : {"si", "measur"}, default "si"
        Passed to :func:`drive_input_power`.

    Returns
    -------
    RequiredPower

    Notes
    -----
    .. math:: P_{shaft} = P_{out}/\eta_m, \qquad
        P_{motor\,shaft} = P_{shaft}/\eta_{drive}, \qquad
        P_{in} = P_{motor\,shaft}/\eta_{motor}, \qquad E = P_{in}\,t

    MEASUR takes the motor efficiency from its NEMA-based motor curves at the
    resulting load; greenchain takes it as an input (those curves are US data).

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/results/Results.cpp`` (``calculateModified``)
    and ``tests/cpp/Results.unit.cpp`` ("PSATResults existing and modified",
    "Fan Output modified").

    Examples
    --------
    >>> r = required_power(75.0, 0.80, 0.95, hours=8760)
    >>> r.motor_power, r.energy
    (<Quantity(98.684..., 'kilowatt')>, <Quantity(864473.6..., 'kilowatt_hour')>)
    """
    out = nonnegative(output_power, "kW", "output_power")
    shaft = out / fraction(machine_efficiency, "machine_efficiency")
    drive_result = drive_input_power(
        np.maximum(shaft, np.finfo(float).tiny), drive, drive_efficiency, convention=convention
    )
    motor_shaft = np.where(shaft > 0, drive_result.motor_shaft_power.m_as("kW"), 0.0)
    motor_power = motor_shaft / fraction(motor_efficiency, "motor_efficiency")
    energy = None
    if hours is not None:
        energy = quantity(motor_power * nonnegative(hours, "h", "hours"), "kWh")
    return RequiredPower(
        driven_shaft_power=quantity(shaft, "kW"),
        motor_shaft_power=quantity(motor_shaft, "kW"),
        motor_power=quantity(motor_power, "kW"),
        drive_efficiency=drive_result.efficiency,
        energy=energy,
    )
