r"""Compressed air: leak surveys, pressure reduction, load/unload control, GB 19153-2019 grading.

Leak flows follow the four survey methods of US DOE MEASUR (estimate, bag,
ultrasonic decibel reading, choked-flow orifice) and are priced by
:func:`leak_energy` with the compressor's specific power. Pressure-reduction
and load/unload formulas are MEASUR's (see the docs page for the equations).
Air-compressor grading uses GB 19153-2019 Table 1 (oil-injected rotary,
fixed speed; ``factors/compressors_gb19153-2019.csv``, transcribed).

Flows are volumes per time at the same reference state as the specific power
(free air delivery): plain numbers are read in m³/min, the unit of
GB 19153's specific power kW/(m³/min). Gauge pressures accept plain numbers in
kPa (MPa for the GB 19153 functions, the unit of the standard) or any pressure
Quantity (``psi`` is read as gauge where the argument is gauge; pint has no
``psig``).

Examples
--------
>>> from greenchain import Q_
>>> leak_energy(Q_(0.1, "ft^3/min"), 8640, Q_(0.16, "kW/(ft^3/min)")).energy
<Quantity(138.24, 'kilowatt_hour')>
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import pint
from scipy.interpolate import RegularGridInterpolator

from greenchain.data.tables import parse_number, read_table
from greenchain.errors import InputError, OutOfRangeError, UnverifiedDataWarning, caveat
from greenchain.processes._common import (
    MEASUR_AIR_GAS_CONSTANT,
    MEASUR_BAG_CONSTANT,
    MEASUR_GC,
    is_measur,
)
from greenchain.processes._levels import level_from_thresholds
from greenchain.units import (
    Q_,
    QuantityLike,
    check_range,
    fraction,
    magnitude,
    nonnegative,
    quantity,
    temperature,
)

__all__ = [
    "leak_estimate",
    "leak_bag",
    "leak_decibel",
    "leak_orifice",
    "leak_energy",
    "LeakEnergy",
    "pressure_reduction_savings",
    "load_unload_energy",
    "specific_power",
    "gb19153_limit",
    "gb19153_level",
    "STANDARD_ATMOSPHERE",
    "AIR_GAS_CONSTANT",
]

#: Standard atmosphere [kPa] (ISO 2533; 1 atm = 101 325 Pa exactly).
STANDARD_ATMOSPHERE = Q_(101.325, "kPa")

#: Specific gas constant of dry air [J/(kg K)], ISO 2533:1975 (R* / M = 8314.32 / 28.9644).
AIR_GAS_CONSTANT = Q_(287.05287, "J/(kg*K)")

# Ratio of specific heats of dry air near room temperature (ideal diatomic gas, 7/5).
_AIR_HEAT_CAPACITY_RATIO = 1.4

_TABLE = "compressors_gb19153-2019.csv"
_FLOW = "m^3/min"


def _count(value: QuantityLike, name: str = "number") -> np.ndarray:
    arr = nonnegative(value, "", name)
    if np.any(arr != np.round(arr)):
        raise InputError("must be a whole number", field=name)
    return arr


def _k(heat_capacity_ratio: QuantityLike) -> np.ndarray:
    return check_range(
        magnitude(heat_capacity_ratio, "", "heat_capacity_ratio"),
        "heat_capacity_ratio",
        low=1,
        low_inclusive=False,
    )


# ---------------------------------------------------------------- leak flows
def leak_estimate(leak_rate: QuantityLike, number: QuantityLike = 1) -> pint.Quantity:
    """Leak flow from an estimated rate per leak (MEASUR "estimate" method).

    Parameters
    ----------
    leak_rate : float, array-like or Quantity
        Estimated flow of one leak, as free air [m³/min].
    number : int or array-like, default 1
        Number of such leaks.

    Returns
    -------
    Quantity
        Total leak flow [m³/min].

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``tests/cpp/CompressedAirLeakSurvey.unit.cpp``.

    Examples
    --------
    >>> leak_estimate(0.05, 3)
    <Quantity(0.15..., 'meter ** 3 / minute')>
    """
    q = nonnegative(leak_rate, _FLOW, "leak_rate")
    return quantity(q * _count(number), _FLOW)


def leak_bag(
    bag_height: QuantityLike,
    bag_diameter: QuantityLike,
    fill_time: QuantityLike,
    number: QuantityLike = 1,
    *,
    convention: str = "si",
) -> pint.Quantity:
    r"""Leak flow measured by filling a cylindrical bag (MEASUR "bag" method).

    Parameters
    ----------
    bag_height : float, array-like or Quantity
        Height of the filled bag, taken as a cylinder [m].
    bag_diameter : float, array-like or Quantity
        Diameter of the filled bag [m].
    fill_time : float, array-like or Quantity
        Time to fill the bag [s].
    number : int or array-like, default 1
        Number of such leaks.
    convention : {"si", "measur"}, default "si"
        ``"measur"`` uses the rounded 0.0273 cfm·s/in³ of MEASUR's standalone
        bag calculator (``CompressedAir.cpp`` BagMethod; exact
        :math:`\pi/4 \cdot 60/1728` = 0.0272708, +1.07e-3). MEASUR's leak survey
        uses the exact :math:`\pi`, as the default does.

    Returns
    -------
    Quantity
        Leak flow at atmospheric pressure [m³/min].

    Notes
    -----
    .. math:: Q = n \, \frac{\pi d^2 h / 4}{t}

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/util/CompressedAirLeakSurvey.cpp``,
    ``src/calculator/util/CompressedAir.cpp`` (BagMethod),
    ``tests/cpp/CompressedAirLeakSurvey.unit.cpp`` and ``tests/cpp/CompressedAir.unit.cpp``.

    Examples
    --------
    >>> from greenchain import Q_
    >>> leak_bag(Q_(15, "inch"), Q_(10, "inch"), 12, 2).to("ft^3/min")
    <Quantity(6.817692..., 'foot ** 3 / minute')>
    >>> leak_bag(Q_(10, "inch"), Q_(10, "inch"), 25, convention="measur").to("ft^3/min")
    <Quantity(1.092..., 'foot ** 3 / minute')>
    """
    measur = is_measur(convention)
    h = nonnegative(bag_height, "m", "bag_height")
    d = nonnegative(bag_diameter, "m", "bag_diameter")
    t = check_range(
        magnitude(fill_time, "s", "fill_time"), "fill_time", low=0, low_inclusive=False, unit="s"
    )
    flow = np.pi * d**2 / 4.0 * h / t * 60.0
    if measur:  # MEASUR's rounded constant on the same geometry
        flow = flow * MEASUR_BAG_CONSTANT / (np.pi / 4.0 * 60.0 / 1728.0)
    return quantity(_count(number) * flow, _FLOW)


def _ascending(points: np.ndarray, name: str) -> np.ndarray:
    if points.ndim != 1 or points.size < 2:
        raise InputError("needs two or more values", field=name)
    order = np.argsort(points)
    if np.any(np.diff(points[order]) <= 0):
        raise InputError("must not repeat a value", field=name)
    return order


def leak_decibel(
    line_pressure: QuantityLike,
    decibels: QuantityLike,
    pressure_points: QuantityLike,
    decibel_points: QuantityLike,
    flow_table: QuantityLike,
    number: QuantityLike = 1,
) -> pint.Quantity:
    """Leak flow from an ultrasonic reading, interpolated in the instrument's table.

    Parameters
    ----------
    line_pressure : float, array-like or Quantity
        Gauge line pressure at the leak [kPa].
    decibels : float or array-like
        Ultrasonic detector reading [dB].
    pressure_points : array-like or Quantity
        Gauge pressures of the table rows [kPa].
    decibel_points : array-like
        Readings of the table columns [dB].
    flow_table : array-like or Quantity, shape (len(pressure_points), len(decibel_points))
        Leak flow at each (pressure, reading) [m³/min], from the instrument maker.
    number : int or array-like, default 1
        Number of such leaks.

    Returns
    -------
    Quantity
        Leak flow [m³/min].

    Raises
    ------
    OutOfRangeError
        ``line_pressure`` or ``decibels`` outside the table (no extrapolation).

    Notes
    -----
    Bilinear interpolation in (pressure, reading) within the table.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``tests/cpp/CompressedAirLeakSurvey.unit.cpp``.

    Examples
    --------
    >>> from greenchain import Q_
    >>> leak_decibel(Q_(130, "psi"), 25, Q_([150, 125], "psi"), [20, 30],
    ...              Q_([[1.04, 1.85], [1.2, 1.65]], "ft^3/min")).to("ft^3/min")
    <Quantity(1.429, 'foot ** 3 / minute')>
    """
    p = magnitude(line_pressure, "kPa", "line_pressure")
    db = magnitude(decibels, "", "decibels")
    pp = magnitude(pressure_points, "kPa", "pressure_points")
    dp = magnitude(decibel_points, "", "decibel_points")
    table = nonnegative(flow_table, _FLOW, "flow_table")
    if table.shape != (pp.size, dp.size):
        raise InputError(
            f"must have shape ({pp.size}, {dp.size}) (pressures x readings), got {table.shape}",
            field="flow_table",
        )
    ip, idb = _ascending(pp, "pressure_points"), _ascending(dp, "decibel_points")
    pp, dp, table = pp[ip], dp[idb], table[np.ix_(ip, idb)]
    check_range(p, "line_pressure", low=float(pp[0]), high=float(pp[-1]), unit="kPa")
    check_range(db, "decibels", low=float(dp[0]), high=float(dp[-1]), unit="dB")
    p, db = np.broadcast_arrays(p, db)
    interp = RegularGridInterpolator((pp, dp), table, method="linear", bounds_error=True)
    flow = interp(np.stack([p.ravel(), db.ravel()], axis=-1)).reshape(p.shape)
    return quantity(flow * _count(number), _FLOW)


def leak_orifice(
    line_pressure: QuantityLike,
    orifice_diameter: QuantityLike,
    air_temperature: QuantityLike,
    *,
    atmospheric_pressure: QuantityLike = STANDARD_ATMOSPHERE,
    discharge_coefficient: QuantityLike = 1.0,
    number: QuantityLike = 1,
    heat_capacity_ratio: QuantityLike = _AIR_HEAT_CAPACITY_RATIO,
    convention: str = "si",
) -> pint.Quantity:
    r"""Leak flow through a round hole under choked (sonic) flow (MEASUR "orifice" method).

    Parameters
    ----------
    line_pressure : float, array-like or Quantity
        Gauge line pressure upstream of the hole [kPa].
    orifice_diameter : float, array-like or Quantity
        Hole diameter [mm].
    air_temperature : float, array-like or Quantity
        Air temperature in the line [°C].
    atmospheric_pressure : float or Quantity, default 101.325 kPa
        Absolute ambient pressure [kPa].
    discharge_coefficient : float, default 1.0
        :math:`C_d` [dimensionless], 0 < C_d <= 1 (1 = ideal nozzle; sharp-edged
        holes are lower).
    number : int or array-like, default 1
        Number of such leaks.
    heat_capacity_ratio : float, default 1.4
        :math:`k` of air [dimensionless], > 1.
    convention : {"si", "measur"}, default "si"
        ``"measur"`` takes MEASUR's R = 53.34 ft·lbf/(lbm·°R) with
        g_c = 32.2 ft/s² (R·g_c = 1717.5 ft²/(s²·°R)) instead of
        :data:`AIR_GAS_CONSTANT` (1716.6 ft²/(s²·°R)).

    Returns
    -------
    Quantity
        Leak flow expanded to atmospheric pressure at ``air_temperature``
        [m³/min] (MEASUR's convention).

    Raises
    ------
    OutOfRangeError
        Flow not choked: absolute line pressure below
        :math:`p_{atm}\,((k+1)/2)^{k/(k-1)}` (about 1.89 atm).

    Notes
    -----
    .. math::
        \dot m = C_d\,A\,p_0 \sqrt{\frac{k}{R T_0}}
                 \left(\frac{2}{k+1}\right)^{\frac{k+1}{2(k-1)}}, \qquad
        Q = n\,\frac{\dot m\,R\,T_0}{p_{atm}}

    with :math:`p_0` absolute and :math:`R` = :data:`AIR_GAS_CONSTANT`.
    MEASUR writes the same in US units with R = 53.34 ft·lbf/(lbm·°R) and
    g_c = 32.2 ft/s²; the results differ by 2.9e-4 relative.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/util/CompressedAirLeakSurvey.cpp``
    and ``tests/cpp/CompressedAirLeakSurvey.unit.cpp``.

    Examples
    --------
    >>> from greenchain import Q_
    >>> leak_orifice(Q_(100, "psi"), Q_(0.375, "inch"), Q_(550, "degF"),
    ...              atmospheric_pressure=Q_(14.7, "psi"), number=4).to("ft^3/min")
    <Quantity(1294.75..., 'foot ** 3 / minute')>
    >>> leak_orifice(Q_(100, "psi"), Q_(0.375, "inch"), Q_(550, "degF"),
    ...              atmospheric_pressure=Q_(14.7, "psi"), number=4,
    ...              convention="measur").to("ft^3/min")
    <Quantity(1295.12..., 'foot ** 3 / minute')>
    """
    measur = is_measur(convention)
    p_g = nonnegative(line_pressure, "kPa", "line_pressure")
    p_atm = check_range(
        magnitude(atmospheric_pressure, "kPa", "atmospheric_pressure"),
        "atmospheric_pressure",
        low=0,
        low_inclusive=False,
    )
    d = nonnegative(orifice_diameter, "mm", "orifice_diameter") / 1000.0
    t_k = Q_(temperature(air_temperature, "degC", "air_temperature"), "degC").m_as("K")
    cd = fraction(discharge_coefficient, "discharge_coefficient")
    k = _k(heat_capacity_ratio)
    p0 = p_g + p_atm
    critical = ((k + 1.0) / 2.0) ** (k / (k - 1.0))
    if np.any(p0 / p_atm < critical):
        raise OutOfRangeError(
            "too low for choked flow (absolute pressure must be at least "
            f"{float(np.max(critical)):.3f} x atmospheric)",
            field="line_pressure",
        )
    if measur:  # R g_c in ft^2/(s^2 degR), as J/(kg K)
        r_air = Q_(MEASUR_AIR_GAS_CONSTANT * MEASUR_GC, "ft^2/(s^2*degR)").m_as("J/(kg*K)")
    else:
        r_air = AIR_GAS_CONSTANT.m_as("J/(kg*K)")
    area = np.pi * d**2 / 4.0
    choke = (2.0 / (k + 1.0)) ** ((k + 1.0) / (2.0 * (k - 1.0)))
    mdot = cd * area * p0 * 1000.0 * np.sqrt(k / (r_air * t_k)) * choke  # kg/s
    q = mdot * r_air * t_k / (p_atm * 1000.0)  # m3/s at p_atm, T0
    return quantity(q * 60.0 * _count(number), _FLOW)


@dataclass(frozen=True)
class LeakEnergy:
    """Result of :func:`leak_energy`.

    Attributes
    ----------
    volume : Quantity
        Air lost over ``hours`` [m³].
    energy : Quantity
        Compressor electricity spent on it [kWh].
    """

    volume: Any
    energy: Any


def leak_energy(
    leak_flow: QuantityLike, hours: QuantityLike, specific_power: QuantityLike
) -> LeakEnergy:
    r"""Air volume and electricity lost through leaks.

    Parameters
    ----------
    leak_flow : float, array-like or Quantity
        Leak flow [m³/min], e.g. from :func:`leak_orifice`.
    hours : float, array-like or Quantity
        Time the system is pressurised [h].
    specific_power : float, array-like or Quantity
        Compressor specific power [kW/(m³/min)], on the same volume basis as
        ``leak_flow`` (see :func:`specific_power`).

    Returns
    -------
    LeakEnergy

    Notes
    -----
    .. math:: V = Q\,t, \qquad E = Q\,\mathrm{SP}\,t

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``tests/cpp/CompressedAirLeakSurvey.unit.cpp``.

    Examples
    --------
    >>> r = leak_energy(1.2, 6000, 6.6)
    >>> r.volume, r.energy
    (<Quantity(432000.0, 'meter ** 3')>, <Quantity(47520.0, 'kilowatt_hour')>)
    """
    q = nonnegative(leak_flow, _FLOW, "leak_flow")
    t = nonnegative(hours, "h", "hours")
    sp = nonnegative(specific_power, "kW/(m^3/min)", "specific_power")
    minutes = t * 60.0
    return LeakEnergy(volume=quantity(q * minutes, "m^3"), energy=quantity(q * sp * t, "kWh"))


# ---------------------------------------------------------------- operation
def pressure_reduction_savings(
    compressor_power: QuantityLike,
    hours: QuantityLike,
    rated_pressure: QuantityLike,
    proposed_pressure: QuantityLike,
    *,
    atmospheric_pressure: QuantityLike = STANDARD_ATMOSPHERE,
    heat_capacity_ratio: QuantityLike = _AIR_HEAT_CAPACITY_RATIO,
) -> pint.Quantity:
    r"""Electricity saved by lowering the compressor discharge pressure.

    Parameters
    ----------
    compressor_power : float, array-like or Quantity
        Input power at the rated pressure [kW].
    hours : float, array-like or Quantity
        Operating time [h].
    rated_pressure : float, array-like or Quantity
        Gauge discharge pressure now [kPa].
    proposed_pressure : float, array-like or Quantity
        Gauge discharge pressure after the change [kPa].
    atmospheric_pressure : float or Quantity, default 101.325 kPa
        Absolute inlet (ambient) pressure [kPa], used in both pressure ratios.
    heat_capacity_ratio : float, default 1.4
        :math:`k` of air [dimensionless]. MEASUR uses :math:`c = 0.395/1.395`, i.e.
        ``k = 1.395``.

    Returns
    -------
    Quantity
        Electricity saved [kWh].

    Raises
    ------
    OutOfRangeError
        ``proposed_pressure`` above ``rated_pressure`` or negative,
        ``rated_pressure`` not positive.

    Notes
    -----
    Adiabatic compression work scales as :math:`r^c - 1`, :math:`c = (k-1)/k`:

    .. math::
        P_{new} = P_{rated}\,\frac{x^c - 1}{r^c - 1}, \quad
        r = \frac{p_{rated} + p_{atm}}{p_{atm}}, \quad
        x = \frac{p_{new} + p_{atm}}{p_{atm}}, \quad
        \Delta E = (P_{rated} - P_{new})\,t

    MEASUR hard-codes 14.7 psia inside :math:`r`; greenchain uses
    ``atmospheric_pressure`` in both ratios.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``tests/cpp/CompressedAirPressureReduction.unit.cpp``.

    Examples
    --------
    >>> pressure_reduction_savings(75, 6000, 800, 700)
    <Quantity(32014.4..., 'kilowatt_hour')>
    """
    p = nonnegative(compressor_power, "kW", "compressor_power")
    t = nonnegative(hours, "h", "hours")
    p_rated = check_range(
        magnitude(rated_pressure, "kPa", "rated_pressure"),
        "rated_pressure",
        low=0,
        low_inclusive=False,
        unit="kPa",
    )
    p_new = nonnegative(proposed_pressure, "kPa", "proposed_pressure")
    if np.any(p_new > p_rated):
        raise OutOfRangeError(
            "is above rated_pressure (this function covers reductions only)",
            field="proposed_pressure",
        )
    p_atm = check_range(
        magnitude(atmospheric_pressure, "kPa", "atmospheric_pressure"),
        "atmospheric_pressure",
        low=0,
        low_inclusive=False,
    )
    k = _k(heat_capacity_ratio)
    c = (k - 1.0) / k
    r = (p_rated + p_atm) / p_atm
    x = (p_new + p_atm) / p_atm
    p_after = p * (x**c - 1.0) / (r**c - 1.0)
    return quantity((p - p_after) * t, "kWh")


def load_unload_energy(
    full_load_power: QuantityLike,
    unloaded_power_fraction: QuantityLike,
    hours: QuantityLike,
    loaded_fraction: QuantityLike,
    motor_efficiency_loaded: QuantityLike,
    motor_efficiency_unloaded: QuantityLike,
) -> pint.Quantity:
    r"""Electricity used by a compressor under load/unload control.

    Parameters
    ----------
    full_load_power : float, array-like or Quantity
        Shaft power when loaded (brake power) [kW].
    unloaded_power_fraction : float or array-like
        Shaft power when unloaded, as a fraction of ``full_load_power``
        [dimensionless], between 0 and 1.
    hours : float, array-like or Quantity
        Operating time [h].
    loaded_fraction : float or array-like
        Share of ``hours`` spent loaded [dimensionless], between 0 and 1.
    motor_efficiency_loaded : float, array-like or Quantity
        Motor efficiency when loaded [dimensionless], 0 < eta <= 1, or a Quantity in
        percent.
    motor_efficiency_unloaded : float, array-like or Quantity
        Motor efficiency when unloaded [dimensionless], as
        ``motor_efficiency_loaded``.

    Returns
    -------
    Quantity
        Electricity [kWh].

    Notes
    -----
    .. math::
        E = P_{fl}\,t\left[\frac{f}{\eta_{l}} + \frac{u\,(1-f)}{\eta_{u}}\right]

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``tests/wasm/standalone/wasm-standalone-test.js``
    (``operatingCost()``).

    Examples
    --------
    >>> load_unload_energy(90, 0.3, 8000, 0.7, 0.95, 0.9)
    <Quantity(602526.3..., 'kilowatt_hour')>
    """
    p = nonnegative(full_load_power, "kW", "full_load_power")
    u = fraction(unloaded_power_fraction, "unloaded_power_fraction", low_inclusive=True)
    t = nonnegative(hours, "h", "hours")
    f = fraction(loaded_fraction, "loaded_fraction", low_inclusive=True)
    eta_l = fraction(motor_efficiency_loaded, "motor_efficiency_loaded")
    eta_u = fraction(motor_efficiency_unloaded, "motor_efficiency_unloaded")
    return quantity(p * t * (f / eta_l + u * (1.0 - f) / eta_u), "kWh")


def specific_power(power: QuantityLike, free_air_delivery: QuantityLike) -> pint.Quantity:
    r"""Specific power of a compressor package, the GB 19153 efficiency indicator.

    Parameters
    ----------
    power : float, array-like or Quantity
        Package input power [kW].
    free_air_delivery : float, array-like or Quantity
        Free air delivery (volume flow at inlet conditions) [m³/min].

    Returns
    -------
    Quantity
        Specific power [kW/(m³/min)]; lower is better.

    Notes
    -----
    .. math:: \mathrm{SP} = P / Q_{FAD}

    Examples
    --------
    >>> specific_power(45, 6.8)
    <Quantity(6.617..., 'kilowatt * minute / meter ** 3')>
    """
    p = nonnegative(power, "kW", "power")
    q = check_range(
        magnitude(free_air_delivery, _FLOW, "free_air_delivery"),
        "free_air_delivery",
        low=0,
        low_inclusive=False,
    )
    return quantity(p / q, "kW/(m^3/min)")


# ---------------------------------------------------------------- GB 19153-2019
_COOLING = {
    "air": "air",
    "air-cooled": "air",
    "air_cooled": "air",
    "风冷": "air",
    "liquid": "liquid",
    "liquid-cooled": "liquid",
    "liquid_cooled": "liquid",
    "water": "liquid",
    "water-cooled": "liquid",
    "液冷": "liquid",
    "水冷": "liquid",
}


@cache
def _gb19153() -> dict[tuple[float, float, str], tuple[np.ndarray, bool]]:
    """{(motor kW, pressure MPa, cooling): (limits [3] with NaN for '-', any row unverified)}."""
    out: dict[tuple[float, float, str], list] = {}
    for r in read_table(_TABLE):
        key = (float(r["motor_power_kw"]), float(r["pressure_mpa"]), r["cooling"])
        entry = out.setdefault(key, [np.full(3, np.nan), np.zeros(3, dtype=bool)])
        value = parse_number(r["specific_power_kw_per_m3_min"])
        level = int(r["level"]) - 1
        entry[0][level] = np.nan if value is None else value
        entry[1][level] = r["status"] == "unverified"
    return {key: (vals, flags) for key, (vals, flags) in out.items()}


def _gb19153_rows(
    motor_power: QuantityLike, pressure: QuantityLike, cooling: str
) -> tuple[np.ndarray, np.ndarray]:
    """Limits (..., 3) and unverified flags (..., 3) for each (power, pressure)."""
    table = _gb19153()
    cool = _COOLING.get(str(cooling).strip().lower())
    if cool is None:
        raise InputError(f"must be 'air' or 'liquid', got {cooling!r}", field="cooling")
    kw = nonnegative(motor_power, "kW", "motor_power")
    mpa = nonnegative(pressure, "MPa", "pressure")
    kw, mpa = np.broadcast_arrays(kw, mpa)
    powers = np.array(sorted({k[0] for k in table}))
    pressures = np.array(sorted({k[1] for k in table}))

    def snap(values: np.ndarray, grid: np.ndarray, name: str, unit: str) -> np.ndarray:
        idx = np.abs(values[..., np.newaxis] - grid).argmin(axis=-1)
        ok = np.isclose(grid[idx], values, rtol=1e-6, atol=0)
        if not np.all(ok):
            listed = ", ".join(f"{g:g}" for g in grid)
            raise OutOfRangeError(
                f"{values[~ok].ravel()[0]:g} {unit} is not a row of GB 19153-2019 Table 1 "
                f"(listed: {listed} {unit}); greenchain does not interpolate or round to a row",
                field=name,
            )
        return grid[idx]

    kw_row = snap(kw, powers, "motor_power", "kW")
    mpa_row = snap(mpa, pressures, "pressure", "MPa")
    limits = np.empty(kw.shape + (3,))
    flags = np.empty(kw.shape + (3,), dtype=bool)
    for pos in np.ndindex(kw.shape):  # table lookup on floats, not a physics loop
        vals, unv = table[(float(kw_row[pos]), float(mpa_row[pos]), cool)]
        limits[pos], flags[pos] = vals, unv
    if np.all(np.isnan(limits), axis=-1).any():
        raise OutOfRangeError(
            f"GB 19153-2019 Table 1 gives no value ('-') for {cool}-cooled "
            "compressors of this motor power",
            field="cooling",
        )
    return limits, flags


def _warn_unverified(flags: np.ndarray) -> None:
    if np.any(flags):
        caveat(
            "GB 19153-2019 level-1 limit for 37 kW / 0.8 MPa is unverified: a secondary summary "
            "shows '-' where the transcription gives a value (factors/compressors_gb19153-2019.csv)",
            UnverifiedDataWarning,
        )


def gb19153_limit(
    motor_power: QuantityLike, pressure: QuantityLike, cooling: str, level: int
) -> pint.Quantity:
    """Specific-power limit of a GB 19153-2019 level (oil-injected rotary, fixed speed).

    Parameters
    ----------
    motor_power : float, array-like or Quantity
        Drive motor rated power [kW], a row of Table 1 (1.5 ... 630 kW).
    pressure : float, array-like or Quantity
        Rated gauge discharge pressure [MPa], one of 0.3, 0.5, 0.7, 0.8, 1.0, 1.25.
    cooling : {"air", "liquid"}
        Cooling (also accepts 风冷 / 液冷 / "water").
    level : {1, 2, 3}
        Energy-efficiency level.

    Returns
    -------
    Quantity
        Maximum specific power [kW/(m³/min)].

    Raises
    ------
    OutOfRangeError
        A power or pressure that is not a row of the table, or a level the
        standard leaves empty ("–").

    Warns
    -----
    UnverifiedDataWarning
        For the 37 kW / 0.8 MPa level-1 values (sources disagree).

    References
    ----------
    GB 19153-2019, Table 1 (transcribed, adgo07/EquipEffi ``compressor.json``).

    Examples
    --------
    >>> gb19153_limit(45, 0.8, "air", 1)
    <Quantity(6.6, 'kilowatt * minute / meter ** 3')>
    """
    if level not in (1, 2, 3):
        raise OutOfRangeError(f"must be 1, 2 or 3, got {level!r}", field="level")
    limits, flags = _gb19153_rows(motor_power, pressure, cooling)
    values = limits[..., level - 1]
    if np.any(np.isnan(values)):
        raise OutOfRangeError(
            f"GB 19153-2019 Table 1 has no level-{level} value ('-') here", field="level"
        )
    _warn_unverified(flags[..., level - 1])
    return quantity(values, "kW/(m^3/min)")


def gb19153_level(
    specific_power: QuantityLike, motor_power: QuantityLike, pressure: QuantityLike, cooling: str
) -> Any:
    """GB 19153-2019 energy-efficiency level of an oil-injected rotary compressor (fixed speed).

    Parameters
    ----------
    specific_power : float, array-like or Quantity
        Measured package specific power [kW/(m³/min)] (:func:`specific_power`).
    motor_power : float, array-like or Quantity
        Drive motor rated power [kW], a row of Table 1.
    pressure : float, array-like or Quantity
        Rated gauge discharge pressure [MPa], a row of Table 1.
    cooling : {"air", "liquid"}
        Cooling.

    Returns
    -------
    int, str or numpy.ndarray
        ``1``, ``2``, ``3`` or ``"below limit"``. A level left empty in the
        standard ("–") cannot be reached.

    Warns
    -----
    UnverifiedDataWarning
        When a 37 kW / 0.8 MPa level-1 value decides the grade.

    References
    ----------
    GB 19153-2019, Table 1 (transcribed).

    Examples
    --------
    >>> gb19153_level(7.0, 45, 0.8, "air")
    2
    >>> gb19153_level(8.0, 45, 0.8, "air")
    'below limit'
    """
    sp = check_range(
        magnitude(specific_power, "kW/(m^3/min)", "specific_power"),
        "specific_power",
        low=0,
        low_inclusive=False,
    )
    limits, flags = _gb19153_rows(motor_power, pressure, cooling)
    sp, limits = np.broadcast_arrays(sp[..., np.newaxis], limits)
    result = level_from_thresholds(sp[..., 0], limits, higher_is_better=False)
    meets_level1 = sp[..., 0] <= limits[..., 0] * (1 + 1e-9)
    _warn_unverified(flags[..., 0] & meets_level1)
    return result
