r"""Fans: air power, measured fan efficiency, and speed control.

Air power is computed in SI, :math:`P = Q\,(p_{out} - p_{in} - p_v)\,K_p`.
MEASUR/FSAT writes it as ``0.746 * Q[cfm] * Δp[inWC] * Kp / 6362`` [kW]. Its
constant implies 1 inWC = 248.46 Pa, while pint's ``inH2O`` (conventional, water
at 4 °C) is 249.09 Pa, so a call with pressures in ``inH2O`` gives 0.25 % more
than MEASUR; with pressures in pascals there is no such ambiguity.

:func:`vfd_savings` (from :mod:`greenchain.processes.affinity`) is re-exported
here for convenience.

Examples
--------
>>> fan_air_power(20000, 500, 2500, 0.98)
<Quantity(10.88..., 'kilowatt')>
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pint

from greenchain.errors import OutOfRangeError
from greenchain.processes.affinity import VfdSavings, measured_efficiency, vfd_savings
from greenchain.units import QuantityLike, check_range, magnitude, nonnegative, quantity

__all__ = ["fan_air_power", "fan_efficiency", "FanEfficiency", "vfd_savings", "VfdSavings"]


def fan_air_power(
    flow: QuantityLike,
    inlet_pressure: QuantityLike,
    outlet_pressure: QuantityLike,
    compressibility_factor: QuantityLike,
    velocity_pressure: QuantityLike = 0,
) -> pint.Quantity:
    r"""Power given to the air by a fan.

    Parameters
    ----------
    flow : float, array-like or Quantity
        Volumetric flow rate at the fan inlet [m³/h].
    inlet_pressure : float, array-like or Quantity
        Gauge pressure at the fan inlet [Pa]; usually negative (suction).
    outlet_pressure : float, array-like or Quantity
        Gauge pressure at the fan outlet [Pa].
    compressibility_factor : float or array-like
        :math:`K_p`, the compressibility coefficient [dimensionless], > 0 (close to
        1 for ordinary fans; see ISO 5801 / AMCA 210).
    velocity_pressure : float, array-like or Quantity, default 0
        Velocity pressure subtracted from the rise [Pa], as in MEASUR's FSAT.

    Returns
    -------
    Quantity
        Air power [kW].

    Raises
    ------
    OutOfRangeError
        Negative flow, non-positive ``compressibility_factor``, or a pressure
        rise (after the velocity pressure) below zero, reported on
        ``outlet_pressure``.

    Notes
    -----
    .. math:: P_{air} = Q\,(p_{out} - p_{in} - p_v)\,K_p

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``tests/cpp/FluidPower.unit.cpp`` ("Calculate
    Fluid Power for Pumps and Fans").

    Examples
    --------
    >>> from greenchain import Q_
    >>> fan_air_power(Q_(129691, "ft^3/min"), Q_(-16.36, "inH2O"), Q_(1.1, "inH2O"), 0.988)
    <Quantity(263.002..., 'kilowatt')>
    """
    q = nonnegative(flow, "m^3/h", "flow") / 3600.0  # m3/s
    p_in = magnitude(inlet_pressure, "Pa", "inlet_pressure")
    p_out = magnitude(outlet_pressure, "Pa", "outlet_pressure")
    p_v = magnitude(velocity_pressure, "Pa", "velocity_pressure")
    kp = check_range(
        magnitude(compressibility_factor, "", "compressibility_factor"),
        "compressibility_factor",
        low=0,
        low_inclusive=False,
    )
    rise = p_out - p_in - p_v
    if np.any(rise < 0):
        raise OutOfRangeError(
            "is below the inlet pressure plus the velocity pressure (negative pressure rise)",
            field="outlet_pressure",
        )
    return quantity(q * rise * kp / 1000.0, "kW")


@dataclass(frozen=True)
class FanEfficiency:
    """Result of :func:`fan_efficiency`.

    Attributes
    ----------
    air_power : Quantity
        Power given to the air [kW].
    shaft_power : Quantity
        Motor output (fan input) power [kW].
    efficiency : Quantity
        Fan efficiency [percent].
    energy : Quantity or None
        Electricity drawn over ``hours`` [kWh] (``None`` without ``hours``).
    """

    air_power: Any
    shaft_power: Any
    efficiency: Any
    energy: Any = None


def fan_efficiency(
    flow: QuantityLike,
    inlet_pressure: QuantityLike,
    outlet_pressure: QuantityLike,
    compressibility_factor: QuantityLike,
    measured_power: QuantityLike,
    motor_efficiency: QuantityLike,
    velocity_pressure: QuantityLike = 0,
    *,
    hours: QuantityLike | None = None,
) -> FanEfficiency:
    r"""Fan efficiency from a field measurement of flow, pressures and motor input power.

    Parameters
    ----------
    flow : float, array-like or Quantity
        Volumetric flow rate at the fan inlet [m³/h].
    inlet_pressure : float, array-like or Quantity
        Gauge pressure at the fan inlet [Pa].
    outlet_pressure : float, array-like or Quantity
        Gauge pressure at the fan outlet [Pa].
    compressibility_factor : float or array-like
        :math:`K_p` [dimensionless], > 0, as for :func:`fan_air_power`.
    measured_power : float, array-like or Quantity
        Electrical input power of the motor [kW].
    motor_efficiency : float, array-like or Quantity
        Motor efficiency at this load [dimensionless], 0 < eta <= 1, or a Quantity
        in percent.
    velocity_pressure : float, array-like or Quantity, default 0
        Velocity pressure subtracted from the rise [Pa].
    hours : float or Quantity, optional
        Operating time [h] for the ``energy`` result.

    Returns
    -------
    FanEfficiency

    Raises
    ------
    OutOfRangeError
        As :func:`fan_air_power`, plus ``motor_efficiency`` outside (0, 1],
        non-positive ``measured_power``, or a fan efficiency above 100 %.

    Notes
    -----
    .. math::
        P_{shaft} = P_{measured}\,\eta_{motor}, \qquad
        \eta_{fan} = P_{air} / P_{shaft}, \qquad E = P_{measured}\, t

    The air power :math:`P_{air}` is :func:`fan_air_power`; the rest is
    :func:`greenchain.processes.affinity.measured_efficiency`.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``tests/cpp/Results.unit.cpp`` ("Fan Output
    existing").

    Examples
    --------
    >>> r = fan_efficiency(220000, -4075, 274, 0.988, 460, 0.9578, hours=8760)
    >>> r.efficiency, r.energy.to("MWh")
    (<Quantity(59.598..., 'percent')>, <Quantity(4029.6, 'megawatt_hour')>)
    """
    r = measured_efficiency(
        fan_air_power(
            flow, inlet_pressure, outlet_pressure, compressibility_factor, velocity_pressure
        ),
        measured_power,
        motor_efficiency,
        hours=hours,
        machine="fan",
    )
    return FanEfficiency(
        air_power=r.output_power,
        shaft_power=r.shaft_power,
        efficiency=r.efficiency,
        energy=r.energy,
    )
