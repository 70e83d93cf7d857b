r"""A NEMA-class motor at a required shaft power: MEASUR's "modified" (optimised) motor.

MEASUR's PSAT and FSAT "modified" results run the same motor at the shaft power
the optimised pump or fan needs. :func:`nema_optimal_motor_power` ports that step
(``OptimalMotorPower.cpp``): it walks MEASUR's NEMA curves
(:mod:`greenchain.processes.motors_nema`, **US data**) on a 1 % load grid up to the
required shaft power and interpolates efficiency, current and input power between the
two grid points around it.

Examples
--------
>>> from greenchain import Q_
>>> r = nema_optimal_motor_power(Q_(200.507050278 * 0.746, "kW"), Q_(200, "hp"), 1780,
...                              460, 460, convention="measur")
>>> round(float(r.efficiency.m_as("percent")), 6)
95.621107
"""

from __future__ import annotations

import numpy as np
import pint

from greenchain.errors import InputError, OutOfRangeError
from greenchain.processes._common import MEASUR_KW_PER_HP, MEASUR_NEMA_VOLTAGE, is_measur
from greenchain.processes.motors_nema import (
    MotorLoadEstimate,
    nema_full_load_amps,
    nema_part_load_efficiency,
)
from greenchain.units import QuantityLike, check_range, magnitude, quantity

__all__ = ["nema_optimal_motor_power"]

_GRID_STEP = 0.01  # MEASUR's load step (1 %), the grid of OptimalMotorPower.cpp
_MAX_LOAD = 1.5  # highest load of MEASUR's curves


def _current_at(load: float, points: np.ndarray) -> float:
    """MEASUR's current against load from its six points at 0, 25, ..., 125 % load."""
    loads = np.array([0.0, 0.25, 0.5, 0.75, 1.0, 1.25])
    if load < 0.251:
        sel = slice(0, 3)
    elif load < 1.251:
        sel = slice(1, 6)
    else:
        sel = slice(3, 6)
    x, y = loads[sel], points[sel]
    return float(np.polyval(np.polyfit(x, y, x.size - 1), min(load, _MAX_LOAD)))


def nema_optimal_motor_power(
    shaft_power: QuantityLike,
    rated_power: QuantityLike,
    speed: QuantityLike,
    rated_voltage: QuantityLike,
    field_voltage: QuantityLike,
    *,
    efficiency_class: str = "energy_efficient",
    line_frequency: QuantityLike = 60,
    specified_efficiency: QuantityLike | None = None,
    convention: str = "si",
) -> MotorLoadEstimate:
    r"""Efficiency, power factor, current and input power of a NEMA-class motor at a shaft power.

    **US data**: MEASUR's NEMA curves (:mod:`greenchain.processes.motors_nema`).

    Parameters
    ----------
    shaft_power : float or Quantity
        Required motor shaft (output) power [kW], from 1 % to 150 % of the rating.
    rated_power : float or Quantity
        Rated output [kW]; ``Q_(200, "hp")`` for US ratings.
    speed : float or Quantity
        Nameplate speed [rpm].
    rated_voltage : float or Quantity
        Nameplate voltage [V], > 0.
    field_voltage : float or Quantity
        Supply voltage at the motor [V], > 0.
    efficiency_class : {"standard", "energy_efficient", "premium", "specified"}
        As :func:`~greenchain.processes.motors_nema.nema_part_load_efficiency`.
    line_frequency : float or Quantity, default 60
        Supply frequency [Hz], 50 or 60.
    specified_efficiency : float or Quantity, optional
        Full-load efficiency [dimensionless] for ``efficiency_class="specified"``.
    convention : {"si", "measur"}, default "si"
        ``"measur"`` reads an hp rating with MEASUR's 0.746 kW/hp (and applies
        ``nema_part_load_efficiency``'s MEASUR option).

    Returns
    -------
    MotorLoadEstimate
        Load factor, efficiency and power factor [percent], current [A], input
        power and shaft power [kW].

    Raises
    ------
    OutOfRangeError
        ``shaft_power`` below 1 % or above 150 % of ``rated_power``; non-positive
        voltages.

    Notes
    -----
    On the grid :math:`L_k = 0.01 k`, the input power is :math:`L_k P_r / \eta(L_k)`
    and the current :math:`I(L_k)\,[(V_f/V_r - 1)(1 - 2 L_k) + 1]`, with
    :math:`I` MEASUR's current curve of the class at 460 V (the closer NEMA class's,
    unscaled, for a specified efficiency, as MEASUR's ``EstimateFLA`` returns it).
    With :math:`L_1 \le L < L_1 + 0.01` bracketing the required load :math:`L`,
    efficiency, current and input power are interpolated linearly; the current is
    then scaled by :math:`460 / V_r` and
    :math:`PF = P_{in} / (\sqrt{3}\,V_f\,I)`.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/motor/OptimalMotorPower.cpp``,
    ``MotorCurrent.cpp`` (``calculateOptimalCurrent``), ``EstimateFLA.cpp``,
    ``src/results/Results.cpp`` (``calculateModified``) and ``tests/cpp/Results.unit.cpp``.

    Examples
    --------
    >>> from greenchain import Q_
    >>> r = nema_optimal_motor_power(Q_(37.1231296996 * 0.746, "kW"), Q_(30, "hp"), 1780,
    ...                              230, 236, convention="measur")
    >>> round(float(r.current.m_as("A")), 4)
    85.0201
    """
    measur = is_measur(convention)
    msp = check_range(
        magnitude(shaft_power, "kW", "shaft_power"), "shaft_power", low=0, low_inclusive=False
    )
    if np.ndim(msp) != 0:
        raise OutOfRangeError("must be a single value", field="shaft_power")
    v_rated = float(
        check_range(
            magnitude(rated_voltage, "V", "rated_voltage"), "rated_voltage", low=0,
            low_inclusive=False,
        )
    )  # fmt: skip
    v_field = float(
        check_range(
            magnitude(field_voltage, "V", "field_voltage"), "field_voltage", low=0,
            low_inclusive=False,
        )
    )  # fmt: skip
    if measur and isinstance(rated_power, pint.Quantity):
        rated_kw = float(magnitude(rated_power, "hp", "rated_power")) * MEASUR_KW_PER_HP
    else:
        rated_kw = float(magnitude(rated_power, "kW", "rated_power"))
    target = float(msp)
    if target > _MAX_LOAD * rated_kw:
        raise OutOfRangeError("above 150 % of rated_power", field="shaft_power")

    fla = nema_full_load_amps(
        rated_power, speed, efficiency_class, MEASUR_NEMA_VOLTAGE,
        line_frequency=line_frequency, specified_efficiency=specified_efficiency,
    )  # fmt: skip
    points = np.asarray(fla.currents.m_as("A"), dtype=float)
    if efficiency_class == "specified":  # MEASUR's curve is the closer class's, unscaled
        nominal = fla.nominal_efficiency
        if specified_efficiency is None or nominal is None:
            raise InputError(
                'needed with efficiency_class="specified"', field="specified_efficiency"
            )
        points = points * float(magnitude(specified_efficiency, "", "specified_efficiency"))
        points = points / float(nominal.m_as(""))

    def grid(load: float) -> tuple[float, float, float, float]:
        eff = float(
            nema_part_load_efficiency(
                load, rated_power, speed, efficiency_class, line_frequency=line_frequency,
                specified_efficiency=specified_efficiency, convention=convention,
            ).m_as("")
        )  # fmt: skip
        current = _current_at(load, points) * ((v_field / v_rated - 1) * (1 - 2 * load) + 1)
        power = load * rated_kw / eff
        return eff, current, power, power * eff

    load = _GRID_STEP  # MEASUR accumulates 0.01 steps from 0
    low = grid(load)
    if low[3] > target:
        raise OutOfRangeError("below 1 % of rated_power", field="shaft_power")
    while True:
        nxt = load + _GRID_STEP
        high = grid(nxt)
        if high[3] > target or nxt > _MAX_LOAD:
            break
        load, low = nxt, high
    eff1, cur1, pow1, msp1 = low
    eff2, cur2, pow2, msp2 = high
    index = load + ((target - msp1) / (msp2 - msp1)) / 100.0
    step = 100.0 * (index - load)
    current = (cur1 + step * (cur2 - cur1)) * MEASUR_NEMA_VOLTAGE / v_rated
    efficiency = eff1 + step * (eff2 - eff1)
    power = pow1 + step * (pow2 - pow1)
    pf = power / (current * v_field * np.sqrt(3.0) / 1000.0)
    return MotorLoadEstimate(
        load_factor=quantity(index, "dimensionless"),
        efficiency=quantity(efficiency * 100.0, "percent"),
        power_factor=quantity(pf * 100.0, "percent"),
        current=quantity(current, "A"),
        input_power=quantity(power, "kW"),
        shaft_power=quantity(target, "kW"),
    )
