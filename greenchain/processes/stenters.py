"""Stenters (tenter frames): drying energy and exhaust heat recovery.

A stenter dries and heat-sets fabric in hot air; most of its heat leaves with the
exhaust air, so its two models are the drying balance (:func:`stenter_drying_energy`:
water evaporated, fabric heat and the heating of the air drawn through) and the
air-to-air recovery of exhaust heat into the fresh air
(:func:`stenter_exhaust_heat_recovery`). Batch dyeing machines are
:mod:`greenchain.processes.dyeing`.

Water and vapour use IAPWS-IF97 and dry air the Lemmon et al. (2000) equation of
state, both through :mod:`greenchain.processes.steam`. Conventions for plain
numbers: mass flows in kg/h, temperatures in degC, energy rates in kW, specific
heats in kJ/(kg K), moisture on the dry-fabric basis in kg/kg, humidity ratios in
kg of water per kg of dry air, fabric speed in m/min. The energy per length is in
kgce per 100 m (``kgce/hundred_metre``), the sector unit, as process heat at the
machine (not boiler fuel).

Examples
--------
>>> r = stenter_exhaust_heat_recovery(7700, 150, 25, 0.6, exhaust_humidity=0.10)
>>> round(float(r.heat_recovered.m), 1)
162.1
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pint

from greenchain.errors import InputError, OutOfRangeError
from greenchain.processes._common import (
    SECONDS_PER_HOUR,
    air_enthalpy,
    vapour_enthalpy,
    water_enthalpy,
)
from greenchain.units import Q_, QuantityLike, check_range, fraction, magnitude, nonnegative
from greenchain.units import temperature as to_temperature

__all__ = [
    "StenterDrying",
    "StenterHeatRecovery",
    "stenter_drying_energy",
    "stenter_exhaust_heat_recovery",
]


# ------------------------------------------------------------------ drying
@dataclass(frozen=True)
class StenterDrying:
    """Result of :func:`stenter_drying_energy`; rates in kW, flows in kg/h."""

    water_evaporated: pint.Quantity
    air_flow: pint.Quantity
    evaporation_heat: pint.Quantity
    fabric_heat: pint.Quantity
    air_heat: pint.Quantity
    useful_heat: pint.Quantity
    heat_input: pint.Quantity
    heat_per_water: pint.Quantity
    heat_per_fabric: pint.Quantity
    energy_per_length: pint.Quantity | None


def stenter_drying_energy(
    fabric_mass_flow: QuantityLike,
    moisture_in: QuantityLike,
    moisture_out: QuantityLike,
    *,
    fabric_temperature: QuantityLike,
    exhaust_temperature: QuantityLike,
    ambient_temperature: QuantityLike,
    fabric_specific_heat: QuantityLike,
    efficiency: QuantityLike,
    exhaust_air_flow: QuantityLike | None = None,
    exhaust_humidity: QuantityLike | None = None,
    ambient_humidity: QuantityLike | None = None,
    fabric_outlet_temperature: QuantityLike | None = None,
    fabric_speed: QuantityLike | None = None,
) -> StenterDrying:
    """Heat input of a stenter (tenter frame) drying fabric, from mass and energy balances.

    Parameters
    ----------
    fabric_mass_flow : numeric or Quantity [kg/h]
        Dry fabric throughput.
    moisture_in : numeric
        Water content of the fabric entering (after padding or squeezing), on the
        dry-fabric basis [kg/kg]: kg of water per kg of dry fabric.
    moisture_out : numeric
        Water content of the fabric leaving, on the dry-fabric basis [kg/kg].
    fabric_temperature : numeric or Quantity [degC]
        Temperature of the wet fabric entering.
    exhaust_temperature : numeric or Quantity [degC]
        Temperature of the exhaust air.
    ambient_temperature : numeric or Quantity [degC]
        Temperature of the fresh air drawn in.
    fabric_specific_heat : numeric or Quantity [kJ/(kg K)]
        Of the dry fabric.
    efficiency : numeric
        Efficiency of the air heater (burner or thermal-oil/steam coil)
        [dimensionless], 0 < eta <= 1.
    exhaust_air_flow : numeric or Quantity [kg/h], optional
        Dry-air mass flow of the exhaust (= fresh air drawn in).
    exhaust_humidity : numeric, optional
        Exhaust humidity ratio [kg/kg]: kg of water per kg of dry air. With
        ``ambient_humidity`` it gives the air flow from the moisture balance. Give
        either ``exhaust_air_flow`` or ``exhaust_humidity``.
    ambient_humidity : numeric, optional
        Fresh-air humidity ratio [kg/kg], per kg of dry air; required with
        ``exhaust_humidity``; with ``exhaust_air_flow`` the heating of the
        fresh air's vapour is included when given.
    fabric_outlet_temperature : numeric or Quantity [degC], optional
        Fabric temperature at the exit; the exhaust temperature if omitted (an
        upper bound).
    fabric_speed : numeric or Quantity [m/min], optional
        To report the energy per length [kgce/hundred_metre].

    Returns
    -------
    StenterDrying
        Water evaporated and air flow [kg/h]; evaporation, fabric and air heat,
        useful heat and heat input [kW]; heat input per kg water evaporated
        [kJ/kg] and per kg dry fabric [MJ/kg]; energy per length
        [kgce/hundred_metre] or None.

    Raises
    ------
    InputError
        If neither or both of the air-flow routes are given.
    OutOfRangeError
        Moisture out above moisture in, efficiency not in (0, 1], exhaust
        humidity not above ambient, or exhaust not above ambient temperature.

    Notes
    -----
    .. math::

        \\dot m_w = \\dot m_f (X_{in} - X_{out}),\\qquad
        \\dot m_a = \\frac{\\dot m_w}{Y_{ex} - Y_{amb}}

        \\dot Q_{evap} = \\dot m_w\\,[h_v(T_{ex}) - h_w(T_f)]

        \\dot Q_{fab} = \\dot m_f\\,[c_f (T_o - T_f) + X_{out}(h_w(T_o) - h_w(T_f))]

        \\dot Q_{air} = \\dot m_a\\,[h_a(T_{ex}) - h_a(T_{amb})
                        + Y_{amb}(h_v(T_{ex}) - h_v(T_{amb}))]

        \\dot Q_{in} = (\\dot Q_{evap} + \\dot Q_{fab} + \\dot Q_{air})/\\eta

    :math:`h_v` is water vapour in the ideal-gas limit and :math:`h_w`
    liquid water (IAPWS-IF97); :math:`h_a` dry air (Lemmon et al. 2000).
    Shell losses are not modelled separately: they belong in ``efficiency``.

    References
    ----------
    Stenter exhaust heat recovery in Chinese mills: ``furun-retrofit-2011``,
    ``stenter-cost-2011``.

    Examples
    --------
    >>> r = stenter_drying_energy(1200, 0.65, 0.07, fabric_temperature=25,
    ...                           exhaust_temperature=150, ambient_temperature=25,
    ...                           fabric_specific_heat=1.3, efficiency=0.85,
    ...                           exhaust_humidity=0.10, ambient_humidity=0.01)
    >>> round(float(r.air_flow.m)), round(float(r.heat_per_water.m))
    (7733, 5238)
    """
    m_f = check_range(
        magnitude(fabric_mass_flow, "kg/h", "fabric_mass_flow"),
        "fabric_mass_flow",
        low=0.0,
        low_inclusive=False,
        unit="kg/h",
    )
    x_in = nonnegative(moisture_in, "", "moisture_in")
    x_out = nonnegative(moisture_out, "", "moisture_out")
    if np.any(np.asarray(x_out - x_in) > 0):
        raise OutOfRangeError("must not exceed moisture_in", field="moisture_out")
    t_f = to_temperature(fabric_temperature, "degC", "fabric_temperature")
    t_ex = to_temperature(exhaust_temperature, "degC", "exhaust_temperature")
    t_amb = to_temperature(ambient_temperature, "degC", "ambient_temperature")
    if np.any(np.asarray(t_ex - t_amb) <= 0):
        raise OutOfRangeError("must be above ambient_temperature", field="exhaust_temperature")
    t_o = (
        t_ex
        if fabric_outlet_temperature is None
        else to_temperature(fabric_outlet_temperature, "degC", "fabric_outlet_temperature")
    )
    c_f = nonnegative(fabric_specific_heat, "kJ/(kg*K)", "fabric_specific_heat")
    eta = fraction(efficiency, "efficiency")
    m_w = m_f * (x_in - x_out)
    y_amb = (
        np.asarray(0.0)
        if ambient_humidity is None
        else nonnegative(ambient_humidity, "", "ambient_humidity")
    )
    if exhaust_air_flow is not None and exhaust_humidity is None:
        m_a = nonnegative(exhaust_air_flow, "kg/h", "exhaust_air_flow")
    elif exhaust_humidity is not None and exhaust_air_flow is None:
        if ambient_humidity is None:
            raise InputError("required with exhaust_humidity", field="ambient_humidity")
        y_ex = nonnegative(exhaust_humidity, "", "exhaust_humidity")
        if np.any(np.asarray(y_ex - y_amb) <= 0):
            raise OutOfRangeError("must be above ambient_humidity", field="exhaust_humidity")
        m_a = m_w / (y_ex - y_amb)
    else:
        raise InputError(
            "give exactly one of exhaust_air_flow or exhaust_humidity",
            field="exhaust_air_flow, exhaust_humidity",
        )
    h_w_in = water_enthalpy(t_f, "fabric_temperature")
    h_v_ex = vapour_enthalpy(t_ex, "exhaust_temperature")
    q_evap = m_w * (h_v_ex - h_w_in)
    q_fab = m_f * (
        c_f * (t_o - t_f) + x_out * (water_enthalpy(t_o, "fabric_outlet_temperature") - h_w_in)
    )
    q_air = m_a * (
        air_enthalpy(t_ex, "exhaust_temperature")
        - air_enthalpy(t_amb, "ambient_temperature")
        + y_amb * (h_v_ex - vapour_enthalpy(t_amb, "ambient_temperature"))
    )
    useful = (q_evap + q_fab + q_air) / SECONDS_PER_HOUR
    heat_in = useful / eta
    with np.errstate(divide="ignore", invalid="ignore"):
        per_water = np.where(
            m_w > 0, heat_in * SECONDS_PER_HOUR / np.where(m_w > 0, m_w, 1), np.nan
        )
    per_length = None
    if fabric_speed is not None:
        speed = check_range(
            magnitude(fabric_speed, "m/min", "fabric_speed"),
            "fabric_speed",
            low=0.0,
            low_inclusive=False,
            unit="m/min",
        )
        per_length = (Q_(heat_in, "kW") / Q_(speed, "m/min")).to("kgce/hundred_metre")
    return StenterDrying(
        water_evaporated=Q_(m_w, "kg/h"),
        air_flow=Q_(m_a, "kg/h"),
        evaporation_heat=Q_(q_evap / SECONDS_PER_HOUR, "kW"),
        fabric_heat=Q_(q_fab / SECONDS_PER_HOUR, "kW"),
        air_heat=Q_(q_air / SECONDS_PER_HOUR, "kW"),
        useful_heat=Q_(useful, "kW"),
        heat_input=Q_(heat_in, "kW"),
        heat_per_water=Q_(per_water, "kJ/kg"),
        heat_per_fabric=Q_(heat_in * SECONDS_PER_HOUR / m_f / 1000.0, "MJ/kg"),
        energy_per_length=per_length,
    )


@dataclass(frozen=True)
class StenterHeatRecovery:
    """Result of :func:`stenter_exhaust_heat_recovery`; rates in kW."""

    heat_recovered: pint.Quantity
    heat_max: pint.Quantity
    fuel_saving: pint.Quantity | None


def stenter_exhaust_heat_recovery(
    exhaust_air_flow: QuantityLike,
    exhaust_temperature: QuantityLike,
    fresh_air_temperature: QuantityLike,
    effectiveness: QuantityLike,
    *,
    fresh_air_flow: QuantityLike | None = None,
    exhaust_humidity: QuantityLike | None = None,
    heater_efficiency: QuantityLike | None = None,
) -> StenterHeatRecovery:
    """Sensible heat recovered from stenter exhaust air into the fresh air (air-to-air exchanger).

    Parameters
    ----------
    exhaust_air_flow : numeric or Quantity [kg/h]
        Dry-air mass flow of the exhaust.
    exhaust_temperature : numeric or Quantity [degC]
        Temperature of the exhaust air at the exchanger inlet.
    fresh_air_temperature : numeric or Quantity [degC]
        Temperature of the fresh air at the exchanger inlet.
    effectiveness : numeric
        Exchanger effectiveness [dimensionless], 0 to 1.
    fresh_air_flow : numeric or Quantity [kg/h], optional
        Dry-air flow of the fresh air; equal to the exhaust if omitted.
    exhaust_humidity : numeric, optional
        Exhaust humidity ratio [kg/kg], per kg of dry air; the vapour raises the
        exhaust heat-capacity rate. Dry if omitted.
    heater_efficiency : numeric, optional
        Efficiency of the air heater [dimensionless], 0 < eta <= 1, to report the
        fuel (or steam heat) saved.

    Returns
    -------
    StenterHeatRecovery
        Heat recovered and the maximum :math:`C_{min}\\Delta T_{max}` [kW];
        fuel saving [kW] or None.

    Notes
    -----
    .. math:: \\dot Q = \\varepsilon \\min\\{\\dot m_{ex}[\\Delta h_a + Y\\Delta h_v],
              \\dot m_{fr}\\Delta h_a\\}

    with the enthalpy changes taken between the two inlet temperatures.
    Condensation in the exhaust (latent recovery) is not modelled, so the
    result is conservative for very humid exhausts; oil fumes foul the
    exchanger in practice.

    References
    ----------
    Furun dyeing system retrofit (stenter exhaust heat recovery on 10 stenters;
    ``furun-retrofit-2011``).

    Examples
    --------
    >>> r = stenter_exhaust_heat_recovery(7700, 150, 25, 0.6, exhaust_humidity=0.10,
    ...                                   heater_efficiency=0.85)
    >>> round(float(r.heat_recovered.m), 1), round(float(r.fuel_saving.m), 1)
    (162.1, 190.7)
    """
    m_ex = nonnegative(exhaust_air_flow, "kg/h", "exhaust_air_flow")
    m_fr = m_ex if fresh_air_flow is None else nonnegative(fresh_air_flow, "kg/h", "fresh_air_flow")
    t_ex = to_temperature(exhaust_temperature, "degC", "exhaust_temperature")
    t_fr = to_temperature(fresh_air_temperature, "degC", "fresh_air_temperature")
    if np.any(np.asarray(t_ex - t_fr) < 0):
        raise OutOfRangeError(
            "must not be below fresh_air_temperature", field="exhaust_temperature"
        )
    eps = fraction(effectiveness, "effectiveness", low_inclusive=True)
    y = (
        np.asarray(0.0)
        if exhaust_humidity is None
        else nonnegative(exhaust_humidity, "", "exhaust_humidity")
    )
    dh_a = air_enthalpy(t_ex, "exhaust_temperature") - air_enthalpy(t_fr, "fresh_air_temperature")
    dh_v = vapour_enthalpy(t_ex, "exhaust_temperature") - vapour_enthalpy(
        t_fr, "fresh_air_temperature"
    )
    q_max = np.minimum(m_ex * (dh_a + y * dh_v), m_fr * dh_a) / SECONDS_PER_HOUR
    q = eps * q_max
    fuel = None
    if heater_efficiency is not None:
        fuel = Q_(q / fraction(heater_efficiency, "heater_efficiency"), "kW")
    return StenterHeatRecovery(
        heat_recovered=Q_(q, "kW"), heat_max=Q_(q_max, "kW"), fuel_saving=fuel
    )
