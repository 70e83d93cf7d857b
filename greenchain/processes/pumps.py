r"""Centrifugal pumps: fluid power, measured pump efficiency, and speed control.

Fluid power is computed in SI, :math:`P = \rho_w \, SG \, g \, Q \, H`, with the
density of water at 20 °C. MEASUR/PSAT writes the same formula as
``0.746 * Q[gpm] * H[ft] * SG / 3961.38`` [kW]; its constant 3961.38 gpm·ft/hp
corresponds to a water density of 998.2057 kg/m³ (1.4e-6 from the value used
here), but its 0.746 kW/hp is 4.0e-4 above the exact 0.745699872 kW/hp, so
greenchain's results are 4.0e-4 lower than MEASUR's.

:func:`vfd_savings` (from :mod:`greenchain.processes.affinity`) is re-exported
here for convenience.

Examples
--------
>>> from greenchain import Q_
>>> fluid_power(Q_(1000, "gallon/minute"), Q_(280, "ft"), 1.02)
<Quantity(53.7621..., 'kilowatt')>
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pint

from greenchain.processes.affinity import VfdSavings, measured_efficiency, vfd_savings
from greenchain.units import Q_, QuantityLike, check_range, magnitude, nonnegative, quantity

__all__ = [
    "fluid_power",
    "pump_efficiency",
    "PumpEfficiency",
    "vfd_savings",
    "VfdSavings",
    "WATER_DENSITY",
    "STANDARD_GRAVITY",
]

#: Density of liquid water at 20 °C and 101.325 kPa [kg/m³], IAPWS-95
#: (``iapws.IAPWS95(T=293.15, P=0.101325).rho`` = 998.2072); the reference of
#: ``specific_gravity``.
WATER_DENSITY = Q_(998.2072, "kg/m^3")

#: Standard acceleration of gravity [m/s²] (CGPM 1901, exact).
STANDARD_GRAVITY = Q_(9.80665, "m/s^2")


def fluid_power(
    flow: QuantityLike,
    head: QuantityLike,
    specific_gravity: QuantityLike = 1.0,
    *,
    density: QuantityLike | None = None,
) -> pint.Quantity:
    r"""Power delivered to a liquid by a pump (water horsepower).

    Parameters
    ----------
    flow : float, array-like or Quantity
        Volumetric flow rate [m³/h].
    head : float, array-like or Quantity
        Total head developed [m], in metres of the pumped liquid.
    specific_gravity : float or array-like, default 1.0
        Density of the liquid relative to water at 20 °C (:data:`WATER_DENSITY`)
        [dimensionless], > 0.
    density : float, array-like or Quantity, optional
        Density of the liquid [kg/m³]; if given it replaces
        ``specific_gravity``.

    Returns
    -------
    Quantity
        Fluid power [kW].

    Raises
    ------
    OutOfRangeError
        Negative flow or head, non-positive specific gravity or density.

    Notes
    -----
    .. math:: P_f = \rho_w \, SG \, g \, Q \, H

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``tests/cpp/FluidPower.unit.cpp`` (same
    formula in US units).

    Examples
    --------
    >>> fluid_power(360, 50)
    <Quantity(49.0..., 'kilowatt')>
    """
    q = nonnegative(flow, "m^3/h", "flow") / 3600.0  # m3/s
    h = nonnegative(head, "m", "head")
    if density is None:
        sg = check_range(
            magnitude(specific_gravity, "", "specific_gravity"),
            "specific_gravity",
            low=0,
            low_inclusive=False,
        )
        rho = sg * WATER_DENSITY.m_as("kg/m^3")
    else:
        rho = check_range(
            magnitude(density, "kg/m^3", "density"), "density", low=0, low_inclusive=False
        )
    return quantity(rho * STANDARD_GRAVITY.m_as("m/s^2") * q * h / 1000.0, "kW")


@dataclass(frozen=True)
class PumpEfficiency:
    """Result of :func:`pump_efficiency`.

    Attributes
    ----------
    fluid_power : Quantity
        Power given to the liquid [kW].
    shaft_power : Quantity
        Motor output (pump input) power [kW].
    efficiency : Quantity
        Pump efficiency [percent].
    energy : Quantity or None
        Electricity drawn over ``hours`` [kWh] (``None`` without ``hours``).
    """

    fluid_power: Any
    shaft_power: Any
    efficiency: Any
    energy: Any = None


def pump_efficiency(
    flow: QuantityLike,
    head: QuantityLike,
    measured_power: QuantityLike,
    motor_efficiency: QuantityLike,
    specific_gravity: QuantityLike = 1.0,
    *,
    hours: QuantityLike | None = None,
) -> PumpEfficiency:
    r"""Pump efficiency from a field measurement of flow, head and motor input power.

    Parameters
    ----------
    flow : float, array-like or Quantity
        Volumetric flow rate [m³/h].
    head : float, array-like or Quantity
        Total head [m].
    measured_power : float, array-like or Quantity
        Electrical input power of the motor [kW].
    motor_efficiency : float, array-like or Quantity
        Motor efficiency at this load [dimensionless], 0 < eta <= 1, or a Quantity
        in percent (from the motor's test data or
        :func:`greenchain.processes.motors.part_load_efficiency`).
    specific_gravity : float or array-like, default 1.0
        Density relative to water at 20 °C [dimensionless].
    hours : float or Quantity, optional
        Operating time [h] for the ``energy`` result.

    Returns
    -------
    PumpEfficiency

    Raises
    ------
    OutOfRangeError
        ``motor_efficiency`` outside (0, 1], non-positive ``measured_power``,
        or inputs implying a pump efficiency above 100 %.

    Notes
    -----
    .. math::
        P_{shaft} = P_{measured}\,\eta_{motor}, \qquad
        \eta_{pump} = P_f / P_{shaft}, \qquad E = P_{measured}\, t

    The fluid power :math:`P_f` is :func:`fluid_power`; the rest is
    :func:`greenchain.processes.affinity.measured_efficiency`.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``tests/cpp/Results.unit.cpp``
    ("PSATResultsPremium existing").

    Examples
    --------
    >>> from greenchain import Q_
    >>> r = pump_efficiency(Q_(1840, "gallon/minute"), Q_(174.85, "ft"), 80, 0.964073613585,
    ...                     hours=8760)
    >>> r.efficiency, r.energy.to("MWh")
    (<Quantity(78.523..., 'percent')>, <Quantity(700.8, 'megawatt_hour')>)
    """
    r = measured_efficiency(
        fluid_power(flow, head, specific_gravity),
        measured_power,
        motor_efficiency,
        hours=hours,
        machine="pump",
    )
    return PumpEfficiency(
        fluid_power=r.output_power,
        shaft_power=r.shaft_power,
        efficiency=r.efficiency,
        energy=r.energy,
    )
