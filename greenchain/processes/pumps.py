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

import numpy as np
import pint

from greenchain.data.tables import parse_number, read_table
from greenchain.errors import InputError
from greenchain.processes._common import MEASUR_KW_PER_HP, MEASUR_PUMP_CONSTANT, is_measur
from greenchain.processes.affinity import VfdSavings, measured_efficiency, vfd_savings
from greenchain.units import Q_, QuantityLike, check_range, magnitude, nonnegative, quantity

__all__ = [
    "fluid_power",
    "pump_efficiency",
    "PumpEfficiency",
    "pump_specific_speed",
    "specific_speed_correction",
    "achievable_pump_efficiency",
    "AchievableEfficiency",
    "PUMP_STYLES",
    "pump_head",
    "PumpHead",
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
    convention: str = "si",
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
    convention : {"si", "measur"}, default "si"
        ``"si"``: :math:`\rho g Q H`. ``"measur"``: MEASUR's
        ``0.746 Q[gpm] H[ft] SG / 3961.38``, which mixes its rounded 0.746 kW/hp
        with the exact-hp constant 3961.38 and gives 4.0e-4 more; use it to
        reproduce MEASUR's figures.

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

    MEASUR (``convention="measur"``):
    :math:`P_f[kW] = 0.746\,Q[gpm]\,H[ft]\,SG/3961.38`.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``include/calculator/pump/FluidPower.h`` and
    ``tests/cpp/FluidPower.unit.cpp`` (same formula in US units); Hydraulic
    Institute, *Pump Life Cycle Costs* (2001), water horsepower.

    Examples
    --------
    >>> fluid_power(360, 50)
    <Quantity(49.0..., 'kilowatt')>
    >>> from greenchain import Q_
    >>> fluid_power(Q_(1000, "gallon/minute"), Q_(280, "ft"), 1.02, convention="measur")
    <Quantity(53.7836..., 'kilowatt')>
    """
    measur = is_measur(convention)
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
    if measur:
        gpm = Q_(q, "m^3/s").m_as("gallon/minute")
        feet = Q_(h, "m").m_as("ft")
        sg_measur = rho / WATER_DENSITY.m_as("kg/m^3")
        return quantity(MEASUR_KW_PER_HP * gpm * feet * sg_measur / MEASUR_PUMP_CONSTANT, "kW")
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
    convention: str = "si",
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
    convention : {"si", "measur"}, default "si"
        Passed to :func:`fluid_power`; ``"measur"`` reproduces MEASUR's pump
        efficiency (4.0e-4 above the SI figure).

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
        fluid_power(flow, head, specific_gravity, convention=convention),
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


_SPECIFIC_SPEED_TABLE = "pump_specific_speed_correction_amo.csv"
# MEASUR's head-tool conventions (AMO-Tools-Suite include/calculator/pump/HeadTool.h and
# src/calculator/pump/HeadTool.cpp): psi per ft of water (20 degC water, rounded), gravity
# in ft/s^2 and gpm per ft^3/s, as written there.
_MEASUR_PSI_PER_FT_WATER = 0.432750001
_MEASUR_GRAVITY_FT_S2 = 32.1740
_MEASUR_GPM_PER_CFS = 448.8311693


def pump_specific_speed(
    speed: QuantityLike, flow: QuantityLike, head: QuantityLike, stages: QuantityLike = 1
) -> pint.Quantity:
    r"""Specific speed of a centrifugal pump in US units (rpm, gpm, ft), as the HI curves use it.

    Parameters
    ----------
    speed : float, array-like or Quantity
        Pump speed [rpm], > 0.
    flow : float, array-like or Quantity
        Flow at the best-efficiency point [m³/h], > 0.
    head : float, array-like or Quantity
        Total head [m], > 0.
    stages : float or array-like, default 1
        Number of stages [dimensionless], >= 1.

    Returns
    -------
    Quantity
        :math:`N_s` [dimensionless], in US customary units (SI :math:`n_q` is
        :math:`N_s/51.65`).

    Notes
    -----
    .. math:: N_s = \frac{n\,\sqrt{Q[gpm]}}{(H[ft]/z)^{3/4}}

    References
    ----------
    Hydraulic Institute, ANSI/HI 1.3, *Rotodynamic Centrifugal Pumps for Design and
    Application*; US DOE MEASUR, AMO-Tools-Suite
    ``src/calculator/pump/OptimalSpecificSpeedCorrection.cpp`` (comment).

    Examples
    --------
    >>> from greenchain import Q_
    >>> pump_specific_speed(1780, Q_(1840, "gallon/minute"), Q_(174.85, "ft"), 2)
    <Quantity(2670.5..., 'dimensionless')>
    """
    n = check_range(magnitude(speed, "rpm", "speed"), "speed", low=0, low_inclusive=False)
    q = check_range(magnitude(flow, "m^3/h", "flow"), "flow", low=0, low_inclusive=False)
    h = check_range(magnitude(head, "m", "head"), "head", low=0, low_inclusive=False)
    z = check_range(magnitude(stages, "", "stages"), "stages", low=1)
    gpm = Q_(q, "m^3/h").m_as("gallon/minute")
    feet = Q_(h, "m").m_as("ft")
    return quantity(n * np.sqrt(gpm) / (feet / z) ** 0.75, "dimensionless")


def specific_speed_correction(
    specific_speed: QuantityLike, vertical_turbine: bool = False
) -> pint.Quantity:
    r"""Efficiency lost by a centrifugal pump whose specific speed is off the optimum.

    Parameters
    ----------
    specific_speed : float, array-like or Quantity
        :math:`N_s` in US units [dimensionless] (:func:`pump_specific_speed`), > 0.
    vertical_turbine : bool, default False
        Use the vertical-turbine curve instead of the one for every other style.

    Returns
    -------
    Quantity
        Efficiency correction [dimensionless] (a share of 1, e.g. 0.05 for 5
        points), to subtract from the nominal achievable efficiency.

    Notes
    -----
    .. math:: \Delta\eta = \max\left(0, \sum_{k=0}^{6} c_k N_s^k\right)/100

    with one fit below and one from 2530 (4550 for vertical turbines)
    (``factors/pump_specific_speed_correction_amo.csv``).

    References
    ----------
    Hydraulic Institute, ANSI/HI 1.3 (efficiency correction for specific speed);
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/pump/OptimalSpecificSpeedCorrection.cpp``
    and ``tests/cpp/OptimalSpecificSpeedCorrection.unit.cpp``.

    Examples
    --------
    >>> specific_speed_correction(680)
    <Quantity(0.0502003..., 'dimensionless')>
    """
    ns = check_range(
        magnitude(specific_speed, "", "specific_speed"),
        "specific_speed",
        low=0,
        low_inclusive=False,
    )
    group = "vertical_turbine" if vertical_turbine else "other"
    rows = {
        r["specific_speed_range"]: r
        for r in read_table(_SPECIFIC_SPEED_TABLE)
        if r["pump_group"] == group
    }
    threshold = float(parse_number(rows["below"]["threshold"]) or 0.0)

    def poly(row: dict[str, str]) -> np.ndarray:
        coefficients = [float(parse_number(row[f"c{k}"]) or 0.0) for k in range(7)]
        return np.asarray(sum(c * ns**k for k, c in enumerate(coefficients)))

    value = np.where(ns < threshold, poly(rows["below"]), poly(rows["from"]))
    return quantity(np.maximum(value, 0.0) / 100.0, "dimensionless")


_ACHIEVABLE_TABLE = "pump_achievable_efficiency_amo.csv"
#: Pump styles of :func:`achievable_pump_efficiency` (MEASUR's ``Pump::Style``).
PUMP_STYLES = (
    "end_suction_slurry",
    "end_suction_sewage",
    "end_suction_stock",
    "end_suction_submersible_sewage",
    "api_double_suction",
    "multistage_boiler_feed",
    "end_suction_ansi_api",
    "axial_flow",
    "double_suction",
    "vertical_turbine",
    "large_end_suction",
)


@dataclass(frozen=True)
class AchievableEfficiency:
    """Result of :func:`achievable_pump_efficiency`.

    Attributes
    ----------
    average : Quantity
        Average achievable efficiency of the style at the flow [dimensionless].
    maximum : Quantity
        Maximum achievable efficiency (average times the deviation factor)
        [dimensionless].
    """

    average: Any
    maximum: Any


def achievable_pump_efficiency(pump_style: str, flow: QuantityLike) -> AchievableEfficiency:
    r"""Average and maximum achievable efficiency of a pump style at a flow (MEASUR's fits).

    **US data**: MEASUR's fits to the Hydraulic Institute's curves
    (``factors/pump_achievable_efficiency_amo.csv``), before the specific-speed
    correction (:func:`specific_speed_correction`).

    Parameters
    ----------
    pump_style : str
        One of :data:`PUMP_STYLES`.
    flow : float, array-like or Quantity
        Pump flow rate [m³/h], > 0.

    Returns
    -------
    AchievableEfficiency
        ``average`` and ``maximum`` efficiency [dimensionless].

    Raises
    ------
    InputError
        Unknown ``pump_style``.
    OutOfRangeError
        Non-positive flow.

    Notes
    -----
    With :math:`Q` in gpm, per flow range of the style:

    .. math:: \eta_{avg} = a + b\,e^{-c Q} + d\,e^{-e Q} \;[\%], \qquad
        \eta_{max} = \eta_{avg}\left(1 + \frac{a' + b'\,e^{-c' \log_{10} Q}
        + d'\,e^{-e' \log_{10} Q}}{100}\right)

    References
    ----------
    Hydraulic Institute, ANSI/HI 1.3; US DOE MEASUR, AMO-Tools-Suite
    ``src/calculator/pump/OptimalPrePumpEff.cpp``, ``OptimalDeviationFactor.cpp``,
    ``PumpEfficiency.cpp`` and ``tests/wasm/psat/wasm-psat-test.js`` (``pumpEfficiency``).

    Examples
    --------
    >>> from greenchain import Q_
    >>> achievable_pump_efficiency("end_suction_ansi_api", Q_(2000, "gallon/minute")).average
    <Quantity(0.839708..., 'dimensionless')>
    """
    if pump_style not in PUMP_STYLES:
        raise InputError(f"pump_style must be one of {PUMP_STYLES}", field="pump_style")
    q = check_range(magnitude(flow, "m^3/h", "flow"), "flow", low=0, low_inclusive=False)
    gpm = Q_(q, "m^3/h").m_as("gallon/minute")
    rows = read_table(_ACHIEVABLE_TABLE)

    def fit(row: dict[str, str], x: np.ndarray) -> np.ndarray:
        a, b, c, d, e = (float(parse_number(row[k]) or 0.0) for k in "abcde")
        return np.asarray(a + b * np.exp(-c * x) + d * np.exp(-e * x))

    average = np.full_like(gpm, np.nan)
    for row in (r for r in rows if r["pump_style"] == pump_style):
        low = parse_number(row["flow_from"])
        high = parse_number(row["flow_below"])
        inside = np.ones_like(gpm, dtype=bool)
        if low is not None:
            inside &= gpm >= low
        if high is not None:
            inside &= gpm < high
        average = np.where(inside, fit(row, gpm), average)
    deviation = next(r for r in rows if r["pump_style"] == "deviation_factor")
    factor = 1.0 + fit(deviation, np.log10(gpm)) / 100.0
    return AchievableEfficiency(
        average=quantity(average / 100.0, "dimensionless"),
        maximum=quantity(average * factor / 100.0, "dimensionless"),
    )


@dataclass(frozen=True)
class PumpHead:
    """Result of :func:`pump_head`; every term in metres of the pumped liquid.

    Attributes
    ----------
    elevation, pressure, velocity, suction_loss, discharge_loss, total : Quantity [m]
    """

    elevation: pint.Quantity
    pressure: pint.Quantity
    velocity: pint.Quantity
    suction_loss: pint.Quantity
    discharge_loss: pint.Quantity
    total: pint.Quantity


def pump_head(
    flow: QuantityLike,
    suction_pressure: QuantityLike,
    discharge_pressure: QuantityLike,
    suction_diameter: QuantityLike,
    discharge_diameter: QuantityLike,
    *,
    suction_elevation: QuantityLike = 0,
    discharge_elevation: QuantityLike = 0,
    suction_loss_coefficient: QuantityLike = 0,
    discharge_loss_coefficient: QuantityLike = 0,
    specific_gravity: QuantityLike = 1.0,
    suction_tank: bool = False,
    convention: str = "si",
) -> PumpHead:
    r"""Operating head of a pump from gauge readings (MEASUR's head tool).

    Parameters
    ----------
    flow : float, array-like or Quantity
        Flow rate [m³/h], >= 0.
    suction_pressure : float, array-like or Quantity
        Suction gauge pressure [kPa]; with ``suction_tank=True`` the gas
        over-pressure of the suction tank.
    discharge_pressure : float, array-like or Quantity
        Discharge gauge pressure [kPa].
    suction_diameter : float, array-like or Quantity
        Inside diameter of the suction pipe [mm], > 0.
    discharge_diameter : float, array-like or Quantity
        Inside diameter of the discharge pipe [mm], > 0.
    suction_elevation : float, array-like or Quantity, default 0
        Elevation of the suction gauge, or of the tank's liquid surface [m].
    discharge_elevation : float, array-like or Quantity, default 0
        Elevation of the discharge gauge [m].
    suction_loss_coefficient : float, default 0
        Loss coefficient of the suction line between tank or gauge and pump
        [dimensionless], in velocity heads.
    discharge_loss_coefficient : float, default 0
        Loss coefficient of the discharge line up to the gauge [dimensionless].
    specific_gravity : float, default 1.0
        Density relative to water at 20 °C [dimensionless], > 0.
    suction_tank : bool, default False
        Suction from a tank (liquid at rest at its surface) instead of a gauge
        on the suction pipe.
    convention : {"si", "measur"}, default "si"
        ``"measur"`` uses MEASUR's 0.432750001 psi/ft, 32.1740 ft/s² and
        448.8311693 gpm/(ft³/s).

    Returns
    -------
    PumpHead
        Elevation, pressure, velocity and loss heads and their total [m].

    Notes
    -----
    .. math::
        H = \Delta z + \frac{\Delta p}{\rho g} + \frac{v_d^2 - v_s^2}{2g}
        + K_s\frac{v_s^2}{2g} + K_d\frac{v_d^2}{2g}

    with :math:`v_s = 0` in the velocity term for a suction tank.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/pump/HeadTool.cpp`` and
    ``tests/cpp/HeadTool.unit.cpp``; Hydraulic Institute, ANSI/HI 14.6, *Rotodynamic
    Pumps for Hydraulic Performance Acceptance Tests* (head from gauge readings).

    Examples
    --------
    >>> from greenchain import Q_
    >>> r = pump_head(Q_(2000, "gallon/minute"), Q_(115, "psi"), Q_(124, "psi"),
    ...               Q_(17.9, "inch"), Q_(10, "inch"), suction_loss_coefficient=1,
    ...               discharge_loss_coefficient=1, suction_tank=True, convention="measur")
    >>> round(float(r.total.m_as("ft")), 6)
    22.972866
    """
    measur = is_measur(convention)
    q = nonnegative(flow, "m^3/h", "flow") / 3600.0  # m3/s
    dp = magnitude(discharge_pressure, "kPa", "discharge_pressure") - magnitude(
        suction_pressure, "kPa", "suction_pressure"
    )
    d_s = check_range(
        magnitude(suction_diameter, "mm", "suction_diameter"), "suction_diameter", low=0,
        low_inclusive=False,
    ) / 1000.0  # fmt: skip
    d_d = check_range(
        magnitude(discharge_diameter, "mm", "discharge_diameter"), "discharge_diameter", low=0,
        low_inclusive=False,
    ) / 1000.0  # fmt: skip
    dz = magnitude(discharge_elevation, "m", "discharge_elevation") - magnitude(
        suction_elevation, "m", "suction_elevation"
    )
    k_s = nonnegative(suction_loss_coefficient, "", "suction_loss_coefficient")
    k_d = nonnegative(discharge_loss_coefficient, "", "discharge_loss_coefficient")
    sg = check_range(
        magnitude(specific_gravity, "", "specific_gravity"), "specific_gravity", low=0,
        low_inclusive=False,
    )  # fmt: skip
    if measur:
        to_ft = Q_(1, "m").m_as("ft")
        flow_cfs = Q_(q, "m^3/s").m_as("gallon/minute") / _MEASUR_GPM_PER_CFS
        g = _MEASUR_GRAVITY_FT_S2
        v_s = flow_cfs / (np.pi * (d_s * to_ft) ** 2 / 4.0)
        v_d = flow_cfs / (np.pi * (d_d * to_ft) ** 2 / 4.0)
        pressure = Q_(dp, "kPa").m_as("psi") / _MEASUR_PSI_PER_FT_WATER / sg / to_ft  # m
        vh_s = v_s**2 / 2.0 / g / to_ft
        vh_d = v_d**2 / 2.0 / g / to_ft
    else:
        g = STANDARD_GRAVITY.m_as("m/s^2")
        v_s = q / (np.pi * d_s**2 / 4.0)
        v_d = q / (np.pi * d_d**2 / 4.0)
        pressure = dp * 1000.0 / (sg * WATER_DENSITY.m_as("kg/m^3") * g)
        vh_s = v_s**2 / 2.0 / g
        vh_d = v_d**2 / 2.0 / g
    velocity = vh_d if suction_tank else vh_d - vh_s
    suction_loss = k_s * vh_s
    discharge_loss = k_d * vh_d
    total = dz + pressure + velocity + suction_loss + discharge_loss
    return PumpHead(
        elevation=quantity(dz, "m"),
        pressure=quantity(pressure, "m"),
        velocity=quantity(velocity, "m"),
        suction_loss=quantity(suction_loss, "m"),
        discharge_loss=quantity(discharge_loss, "m"),
        total=quantity(total, "m"),
    )
