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

from greenchain.data.tables import parse_number, read_table
from greenchain.errors import InputError, OutOfRangeError, caveat
from greenchain.processes._common import MEASUR_FAN_CONSTANT, MEASUR_KW_PER_HP, is_measur
from greenchain.processes.affinity import VfdSavings, measured_efficiency, vfd_savings
from greenchain.units import Q_, QuantityLike, check_range, magnitude, nonnegative, quantity

__all__ = [
    "fan_air_power",
    "fan_efficiency",
    "FanEfficiency",
    "fan_energy_index",
    "fan_compressibility_factor",
    "FAN_TYPES",
    "optimal_fan_efficiency",
    "vfd_savings",
    "VfdSavings",
]

_FEI_TABLE = "fan_energy_index_amo.csv"

# Ratio of specific heats of dry air near room temperature (ideal diatomic gas, 7/5).
_AIR_HEAT_CAPACITY_RATIO = 1.4
# MEASUR's in. of water per in. of mercury in CompressibilityFactor.h (pint: 13.595).
_MEASUR_INWC_PER_INHG = 13.63


def _fei_constants() -> dict[str, float]:
    # every value cell is filled (an empty cell would give 0 and fail the FEI tests)
    return {
        row["parameter"]: float(parse_number(row["value"]) or 0.0) for row in read_table(_FEI_TABLE)
    }


def fan_air_power(
    flow: QuantityLike,
    inlet_pressure: QuantityLike,
    outlet_pressure: QuantityLike,
    compressibility_factor: QuantityLike,
    velocity_pressure: QuantityLike = 0,
    *,
    convention: str = "si",
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
    convention : {"si", "measur"}, default "si"
        ``"si"``: :math:`Q\,\Delta p\,K_p`. ``"measur"``: MEASUR's
        ``0.746 Q[cfm] dp[inWC] Kp / 6362`` with pressures read in pint's
        ``inH2O`` (pass MEASUR's inWC figures as ``Q_(x, "inH2O")``); its constant
        implies 1 inWC = 248.46 Pa, so the result is 0.25 % below the SI figure.

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

    MEASUR (``convention="measur"``):
    :math:`P[kW] = 0.746\,Q[cfm]\,(p_{out} - p_{in} - p_v)[inWC]\,K_p/6362`.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``include/calculator/pump/FluidPower.h`` and
    ``tests/cpp/FluidPower.unit.cpp`` ("Calculate Fluid Power for Pumps and
    Fans"); AMCA 203-90, *Field Performance Measurement of Fan Systems*.

    Examples
    --------
    >>> from greenchain import Q_
    >>> fan_air_power(Q_(129691, "ft^3/min"), Q_(-16.36, "inH2O"), Q_(1.1, "inH2O"), 0.988)
    <Quantity(263.002..., 'kilowatt')>
    >>> fan_air_power(Q_(129691, "ft^3/min"), Q_(-16.36, "inH2O"), Q_(1.1, "inH2O"), 0.988,
    ...               convention="measur")
    <Quantity(262.334..., 'kilowatt')>
    """
    measur = is_measur(convention)
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
    if measur:
        cfm = Q_(q, "m^3/s").m_as("ft^3/min")
        inwc = Q_(rise, "Pa").m_as("inH2O")
        return quantity(MEASUR_KW_PER_HP * cfm * inwc * kp / MEASUR_FAN_CONSTANT, "kW")
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
    convention: str = "si",
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
    convention : {"si", "measur"}, default "si"
        Passed to :func:`fan_air_power`; ``"measur"`` reproduces MEASUR's fan
        efficiency.

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
            flow,
            inlet_pressure,
            outlet_pressure,
            compressibility_factor,
            velocity_pressure,
            convention=convention,
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


def fan_energy_index(
    flow: QuantityLike,
    inlet_pressure: QuantityLike,
    outlet_pressure: QuantityLike,
    gas_density: QuantityLike,
    measured_power: QuantityLike,
) -> pint.Quantity:
    r"""Fan energy index (FEI): reference electrical power over the measured power.

    Parameters
    ----------
    flow : float, array-like or Quantity
        Volumetric flow rate [m³/h], >= 0.
    inlet_pressure : float, array-like or Quantity
        Gauge pressure at the fan inlet [Pa].
    outlet_pressure : float, array-like or Quantity
        Gauge pressure at the fan outlet [Pa].
    gas_density : float, array-like or Quantity
        Density of the gas at the fan inlet [kg/m³], > 0.
    measured_power : float, array-like or Quantity
        Electrical input power of the motor [kW], > 0.

    Returns
    -------
    Quantity
        FEI [dimensionless]; above 1 the fan system uses less power than the
        AMCA 208 reference.

    Notes
    -----
    With :math:`Q` in cfm, :math:`P` in in. wg and :math:`\rho` in lb/ft³
    (``factors/fan_energy_index_amo.csv``):

    .. math::
        H_{ref} = \frac{(Q + 250)(P + 0.4\,\rho/0.075)}{6343 \times 0.66}\ [hp],
        \quad \eta_t = 0.96\left(\frac{H_{ref}}{H_{ref} + 2.2}\right)^{0.05},
        \quad FEI = \frac{0.7457\,H_{ref}}{\eta_t\,\eta_m\,P_{measured}}

    and :math:`\eta_m` the AMCA 208 reference motor-efficiency polynomial in
    :math:`\log_{10}` of the reference power in kW (0.962 from 185 kW).
    Pressures convert to in. wg with pint's ``inH2O`` (exact unit conversion).

    References
    ----------
    ANSI/AMCA 208-18, *Calculation of the Fan Energy Index*; US DOE MEASUR,
    AMO-Tools-Suite ``include/fans/FanEnergyIndex.h`` and ``tests/cpp/Fan.unit.cpp``
    ("FanEnergyIndex").

    Examples
    --------
    >>> from greenchain import Q_
    >>> fan_energy_index(Q_(129691, "ft^3/min"), Q_(-16, "inH2O"), Q_(1, "inH2O"),
    ...                  Q_(0.07024, "lb/ft^3"), 450)
    <Quantity(0.96786..., 'dimensionless')>
    """
    c = _fei_constants()
    cfm = Q_(nonnegative(flow, "m^3/h", "flow"), "m^3/h").m_as("ft^3/min")
    rise = Q_(
        magnitude(outlet_pressure, "Pa", "outlet_pressure")
        - magnitude(inlet_pressure, "Pa", "inlet_pressure"),
        "Pa",
    ).m_as("inH2O")
    rho = Q_(
        check_range(
            magnitude(gas_density, "kg/m^3", "gas_density"),
            "gas_density",
            low=0,
            low_inclusive=False,
        ),
        "kg/m^3",
    ).m_as("lb/ft^3")
    power = check_range(
        magnitude(measured_power, "kW", "measured_power"),
        "measured_power",
        low=0,
        low_inclusive=False,
        unit="kW",
    )
    ref_hp = (
        (cfm + c["flow_offset"])
        * (rise + c["pressure_offset"] * rho / c["standard_density"])
        / (c["fan_constant"] * c["target_efficiency"])
    )
    ref_kw = ref_hp * c["kw_per_hp"]
    eta_t = (
        c["transmission_a"]
        * (ref_hp / (ref_hp + c["transmission_b"])) ** c["transmission_exponent"]
    )
    x = np.log10(np.maximum(ref_kw, np.finfo(float).tiny))
    poly = c["motor_a4"] * x**4 + c["motor_a3"] * x**3 + c["motor_a2"] * x**2
    poly = poly + c["motor_a1"] * x + c["motor_a0"]
    eta_m = np.where(ref_kw < c["motor_power_limit"], poly, c["motor_efficiency_max"])
    return quantity(ref_kw / eta_t / eta_m / power, "dimensionless")


def fan_compressibility_factor(
    shaft_power: QuantityLike,
    inlet_pressure: QuantityLike,
    outlet_pressure: QuantityLike,
    barometric_pressure: QuantityLike,
    flow: QuantityLike,
    heat_capacity_ratio: QuantityLike = _AIR_HEAT_CAPACITY_RATIO,
    *,
    convention: str = "si",
) -> pint.Quantity:
    r"""Compressibility coefficient :math:`K_p` of a fan from its shaft power and pressures.

    Parameters
    ----------
    shaft_power : float, array-like or Quantity
        Fan shaft power [kW], > 0.
    inlet_pressure : float, array-like or Quantity
        Gauge pressure at the fan inlet [Pa].
    outlet_pressure : float, array-like or Quantity
        Gauge pressure at the fan outlet [Pa].
    barometric_pressure : float, array-like or Quantity
        Absolute barometric pressure [kPa], > 0.
    flow : float, array-like or Quantity
        Volumetric flow rate at the fan inlet [m³/h], > 0.
    heat_capacity_ratio : float, default 1.4
        Ratio of specific heats of the gas [dimensionless], > 1.
    convention : {"si", "measur"}, default "si"
        ``"measur"`` evaluates MEASUR's US form with its 6362 cfm·inWC/hp and
        13.63 inWC/inHg (shaft power read in hp, pressures in ``inH2O``, the
        barometer in ``inHg``).

    Returns
    -------
    Quantity
        :math:`K_p` [dimensionless], the input of :func:`fan_air_power`.

    Raises
    ------
    OutOfRangeError
        Non-positive power, flow or barometric pressure; ``heat_capacity_ratio``
        not above 1; an outlet pressure not above the inlet pressure.

    Notes
    -----
    ISO 5801 / AMCA 210, with :math:`p_1` the absolute inlet pressure:

    .. math:: x = \frac{p_2 - p_1}{p_1}, \qquad
        z = \frac{\gamma - 1}{\gamma}\,\frac{P_{shaft}}{Q\,p_1}, \qquad
        K_p = \frac{\ln(1 + x)}{x}\,\frac{z}{\ln(1 + z)}

    References
    ----------
    ISO 5801:2017, *Fans - Performance testing using standardized airways*;
    US DOE MEASUR, AMO-Tools-Suite ``include/fans/CompressibilityFactor.h`` and
    ``tests/cpp/CompressibilityFactor.unit.cpp``.

    Examples
    --------
    >>> from greenchain import Q_
    >>> fan_compressibility_factor(Q_(566, "hp"), Q_(-16.36, "inH2O"), Q_(1.1, "inH2O"),
    ...     Q_(29.36, "inHg"), Q_(129691, "ft^3/min"), convention="measur")
    <Quantity(0.98799..., 'dimensionless')>
    """
    measur = is_measur(convention)
    power = check_range(
        magnitude(shaft_power, "kW", "shaft_power"), "shaft_power", low=0, low_inclusive=False
    )
    p_in = magnitude(inlet_pressure, "Pa", "inlet_pressure")
    p_out = magnitude(outlet_pressure, "Pa", "outlet_pressure")
    baro = check_range(
        magnitude(barometric_pressure, "kPa", "barometric_pressure"),
        "barometric_pressure",
        low=0,
        low_inclusive=False,
    )
    q = check_range(magnitude(flow, "m^3/h", "flow"), "flow", low=0, low_inclusive=False)
    gamma = check_range(
        magnitude(heat_capacity_ratio, "", "heat_capacity_ratio"),
        "heat_capacity_ratio",
        low=1,
        low_inclusive=False,
    )
    if np.any(p_out <= p_in):
        raise OutOfRangeError("must be above inlet_pressure", field="outlet_pressure")
    if measur:
        inwc = Q_(1, "Pa").m_as("inH2O")
        p1 = p_in * inwc + _MEASUR_INWC_PER_INHG * Q_(baro, "kPa").m_as("inHg")
        x = (p_out - p_in) * inwc / p1
        hp = Q_(power, "kW").m_as("hp")
        cfm = Q_(q, "m^3/h").m_as("ft^3/min")
        z = (MEASUR_FAN_CONSTANT * hp / cfm) / p1 * ((gamma - 1) / gamma)
    else:
        p1 = p_in + baro * 1000.0  # Pa absolute
        x = (p_out - p_in) / p1
        z = (gamma - 1) / gamma * (power * 1000.0) / (q / 3600.0 * p1)
    return quantity(np.log1p(x) * z / (np.log1p(z) * x), "dimensionless")


_OPTIMAL_TABLE = "fan_optimal_efficiency_amo.csv"
#: Fan types of :func:`optimal_fan_efficiency` (SISW single inlet, DIDW double inlet).
FAN_TYPES = (
    "airfoil_sisw",
    "backward_curved_sisw",
    "radial_sisw",
    "radial_tip_sisw",
    "backward_inclined_sisw",
    "airfoil_didw",
    "backward_curved_didw",
    "backward_inclined_didw",
    "vane_axial",
    "air_handling",
    "material_handling",
    "long_shavings",
)


def optimal_fan_efficiency(
    fan_type: str,
    speed: QuantityLike,
    flow: QuantityLike,
    inlet_pressure: QuantityLike,
    outlet_pressure: QuantityLike,
    compressibility_factor: QuantityLike = 1.0,
) -> pint.Quantity:
    r"""Best achievable efficiency of a fan type at its duty's specific speed (MEASUR's curves).

    **US data**: MEASUR's fits to US fan catalogues
    (``factors/fan_optimal_efficiency_amo.csv``).

    Parameters
    ----------
    fan_type : str
        One of :data:`FAN_TYPES`.
    speed : float or Quantity
        Fan speed [rpm], > 0.
    flow : float, array-like or Quantity
        Volumetric flow at the inlet [m³/h], > 0.
    inlet_pressure : float, array-like or Quantity
        Gauge pressure at the fan inlet [Pa].
    outlet_pressure : float, array-like or Quantity
        Gauge pressure at the fan outlet [Pa], above the inlet pressure.
    compressibility_factor : float, default 1.0
        :math:`K_p` [dimensionless], > 0.

    Returns
    -------
    Quantity
        Efficiency [dimensionless].

    Raises
    ------
    InputError
        Unknown ``fan_type``.

    Notes
    -----
    .. math:: N_s = \frac{n\,\sqrt{Q[cfm]}}{\Delta p[in.\,wg]^{3/4}\,K_p^{1/4}}

    then a polynomial in :math:`N_s` below the type's transition and
    :math:`a + b e^{c N_s} + d e^{e N_s}` above. A specific speed outside the
    fitted range is evaluated at the nearest end, as MEASUR does, with a
    ``UserWarning``.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``include/fans/OptimalFanEfficiency.h`` and
    ``tests/cpp/OptimalFanEfficiency.unit.cpp``; AMCA 201-02, *Fans and Systems*.

    Examples
    --------
    >>> from greenchain import Q_
    >>> optimal_fan_efficiency("airfoil_sisw", 1180, Q_(40000, "ft^3/min"), Q_(-9, "inH2O"),
    ...                        Q_(1, "inH2O"), 0.995)
    <Quantity(0.80561..., 'dimensionless')>
    """
    rows = {row["fan_type"]: row for row in read_table(_OPTIMAL_TABLE)}
    if fan_type not in rows:
        raise InputError(f"fan_type must be one of {FAN_TYPES}", field="fan_type")
    row = rows[fan_type]

    def number(key: str) -> float | None:
        return parse_number(row[key])

    n = check_range(magnitude(speed, "rpm", "speed"), "speed", low=0, low_inclusive=False)
    q = check_range(magnitude(flow, "m^3/h", "flow"), "flow", low=0, low_inclusive=False)
    rise = magnitude(outlet_pressure, "Pa", "outlet_pressure") - magnitude(
        inlet_pressure, "Pa", "inlet_pressure"
    )
    if np.any(rise <= 0):
        raise OutOfRangeError("must be above inlet_pressure", field="outlet_pressure")
    kp = check_range(
        magnitude(compressibility_factor, "", "compressibility_factor"),
        "compressibility_factor",
        low=0,
        low_inclusive=False,
    )
    cfm = Q_(q, "m^3/h").m_as("ft^3/min")
    inwc = Q_(rise, "Pa").m_as("inH2O")
    ns = n * np.sqrt(cfm) / (inwc**0.75 * kp**0.25)
    low, high = (
        float(number("min_specific_speed") or 0.0),
        float(number("max_specific_speed") or 0.0),
    )
    if np.any(ns < low) or np.any(ns > high):
        caveat(
            f"specific speed outside the fitted range {low:g}-{high:g} of {fan_type}; "
            "evaluated at the nearest end, as MEASUR does",
            UserWarning,
            field="flow",
        )
    ns = np.clip(ns, low, high)
    poly = sum((number(f"c{k}") or 0.0) * ns**k for k in range(11))
    transition = number("transition")
    if transition is None:
        value = poly
    else:
        ea, eb, ec, ed, ee = (float(number(f"e_{x}") or 0.0) for x in "abcde")
        expo = ea + eb * np.exp(ec * ns) + ed * np.exp(ee * ns)
        value = np.where(ns < transition, poly, expo)
    return quantity(value, "dimensionless")
