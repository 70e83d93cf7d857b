r"""A small steam-system balance: boiler, header, PRV, users, condensate flash and feedwater.

:func:`steam_system_balance` chains the components of
:mod:`greenchain.processes.steam_components` into the steam system of a typical
dyehouse or finishing mill::

    boiler --(line loss)--> HP header --> HP users (stenters, ...)
                                  \--> PRV --> LP header --> LP users (dyeing machines)
    users' condensate (returned share) --> flash tank --> flash steam (vented or reused)
                                                     \--> liquid + make-up water --> feedwater
    boiler blowdown --> drain

Every stream is an IAPWS-IF97 state (:mod:`greenchain.processes.steam`) with its
mass and energy flow, and the balance reports its closure: the boiler duty plus
the make-up water's energy against the heat given to users, the losses and the
streams leaving the system. It closes to round-off because each component
conserves mass and energy. Feedwater-pump work is not modelled.

Examples
--------
>>> b = steam_system_balance(1.1, 3000, 0.5, 5000, condensate_return=0.6)
>>> round(float(b.closure.m_as("")), 9)
0.0
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pint

from greenchain.errors import InputError
from greenchain.processes.steam import STANDARD_ATMOSPHERE_MPA, steam_properties
from greenchain.processes.steam_components import (
    SteamFlow,
    flash_tank,
    header,
    heat_loss,
    pressure_reducing_valve,
    steam_flow,
)
from greenchain.units import QuantityLike, fraction, magnitude, nonnegative, quantity

__all__ = ["SteamSystemBalance", "steam_system_balance"]


@dataclass(frozen=True)
class SteamSystemBalance:
    """Result of :func:`steam_system_balance`.

    Attributes
    ----------
    streams : dict of str to SteamFlow
        Every stream: ``boiler_steam``, ``high_pressure_steam`` (after the line
        loss), ``high_pressure_users``, ``prv_outlet``, ``low_pressure_users``,
        ``high_pressure_condensate``, ``low_pressure_condensate``,
        ``returned_condensate``, ``lost_condensate``, ``flash_steam``,
        ``flash_liquid``, ``makeup_water``, ``feedwater``, ``blowdown``.
    boiler_duty : Quantity [kW]
        Heat the boiler gives the water.
    fuel_energy : Quantity [kW]
        Boiler duty over the combustion efficiency.
    heat_to_users : dict of str to Quantity [kW]
        Heat given by condensing steam in the HP and LP users.
    losses : dict of str to Quantity [kW]
        Line heat loss, and the energy flows leaving as flash steam, lost
        condensate and blowdown.
    energy_in, energy_out : Quantity [kW]
        Boiler duty plus make-up water; heat to users plus losses.
    closure : Quantity [dimensionless]
        (energy_in - energy_out) / energy_in.
    """

    streams: dict[str, SteamFlow]
    boiler_duty: pint.Quantity
    fuel_energy: pint.Quantity
    heat_to_users: dict[str, pint.Quantity]
    losses: dict[str, pint.Quantity]
    energy_in: pint.Quantity
    energy_out: pint.Quantity
    closure: pint.Quantity


def _kw(flow: SteamFlow) -> float:
    return float(np.asarray(flow.energy_flow.m_as("kW")))


def _kg_h(flow: SteamFlow) -> float:
    return float(np.asarray(flow.mass_flow.m_as("kg/h")))


def steam_system_balance(
    boiler_pressure: QuantityLike,
    high_pressure_demand: QuantityLike,
    low_pressure: QuantityLike,
    low_pressure_demand: QuantityLike,
    *,
    steam_temperature: QuantityLike | None = None,
    combustion_efficiency: QuantityLike = 1.0,
    blowdown_fraction: QuantityLike = 0.0,
    line_loss: QuantityLike = 0.0,
    condensate_return: QuantityLike = 0.0,
    flash_pressure: QuantityLike = STANDARD_ATMOSPHERE_MPA,
    makeup_temperature: QuantityLike = 20.0,
) -> SteamSystemBalance:
    r"""Mass and energy balance of a two-pressure process steam system.

    Parameters
    ----------
    boiler_pressure : float or Quantity
        Absolute boiler and HP-header pressure [MPa].
    high_pressure_demand : float or Quantity
        Steam taken by the HP users [kg/h], >= 0.
    low_pressure : float or Quantity
        Absolute LP-header pressure after the PRV [MPa], below ``boiler_pressure``.
    low_pressure_demand : float or Quantity
        Steam taken by the LP users through the PRV [kg/h], >= 0.
    steam_temperature : float or Quantity, optional
        Boiler outlet temperature [degC] for superheated steam; saturated
        vapour if omitted.
    combustion_efficiency : float or Quantity, default 1.0
        Boiler efficiency [dimensionless], above 0 and at most 1; only scales ``fuel_energy``.
    blowdown_fraction : float or Quantity, default 0.0
        Blowdown as a share of the feedwater [dimensionless], from 0 to below 1.
    line_loss : float or Quantity, default 0.0
        Heat lost between boiler and HP header as a share of the steam's energy
        flow [dimensionless] (MEASUR's heat-loss convention).
    condensate_return : float or Quantity, default 0.0
        Share of the users' condensate returned to the flash tank
        [dimensionless], 0 to 1.
    flash_pressure : float or Quantity, default 0.101325
        Absolute pressure of the condensate flash tank and feedwater tank [MPa].
    makeup_temperature : float or Quantity, default 20.0
        Make-up water temperature [degC] (plain numbers in degC).

    Returns
    -------
    SteamSystemBalance
        Streams, boiler duty and fuel, heat to users, losses and the closure.

    Raises
    ------
    InputError
        ``low_pressure`` not below ``boiler_pressure``, or a zero total demand.

    Notes
    -----
    Users condense their steam to saturated liquid at their header pressure.
    With :math:`\dot m_s = \dot m_{HP} + \dot m_{LP}`, feedwater
    :math:`\dot m_{fw} = \dot m_s/(1 - b)` and blowdown :math:`b\,\dot m_{fw}`
    (saturated liquid at the boiler pressure):

    .. math::
        Q_{boiler} = \dot m_s h_s + \dot m_{bd} h_{bd} - \dot m_{fw} h_{fw}, \qquad
        Q_{boiler} + \dot m_{mu} h_{mu} = \sum Q_{users} + Q_{line}
        + \dot E_{flash} + \dot E_{lost\,cond} + \dot E_{bd}

    The components are :func:`~greenchain.processes.steam_components.heat_loss`,
    :func:`~greenchain.processes.steam_components.pressure_reducing_valve`,
    :func:`~greenchain.processes.steam_components.header` and
    :func:`~greenchain.processes.steam_components.flash_tank`.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/ssmt/`` (the SSMT components and
    ``service/SteamModelCalculator.cpp``); US DOE, *Improving Steam System
    Performance: A Sourcebook for Industry*, 2nd ed. (2012).

    Examples
    --------
    >>> b = steam_system_balance(1.1, 3000, 0.5, 5000, condensate_return=0.6,
    ...                          combustion_efficiency=0.8, blowdown_fraction=0.05)
    >>> round(float(b.fuel_energy.m_as("MW")), 2)
    7.1
    """
    p_hp = float(np.asarray(magnitude(boiler_pressure, "MPa", "boiler_pressure")))
    p_lp = float(np.asarray(magnitude(low_pressure, "MPa", "low_pressure")))
    if not p_lp < p_hp:
        raise InputError("must be below boiler_pressure", field="low_pressure")
    m_hp = float(np.asarray(nonnegative(high_pressure_demand, "kg/h", "high_pressure_demand")))
    m_lp = float(np.asarray(nonnegative(low_pressure_demand, "kg/h", "low_pressure_demand")))
    if m_hp + m_lp <= 0:
        raise InputError(
            "the total steam demand must be positive",
            field="high_pressure_demand, low_pressure_demand",
        )
    eta = fraction(combustion_efficiency, "combustion_efficiency")
    b = float(np.asarray(fraction(blowdown_fraction, "blowdown_fraction", low_inclusive=True)))
    if b >= 1:
        raise InputError("must be below 1", field="blowdown_fraction")
    r = float(np.asarray(fraction(condensate_return, "condensate_return", low_inclusive=True)))

    m_steam = m_hp + m_lp
    if steam_temperature is None:
        boiler_state = steam_properties(p_hp, quality=1)
    else:
        boiler_state = steam_properties(p_hp, temperature=steam_temperature)
    line = heat_loss(boiler_state, m_steam, line_loss)
    hp_state = line.outlet.state
    hp_users = steam_flow(hp_state, m_hp)
    prv = pressure_reducing_valve(hp_state, m_lp, p_lp)
    hp_cond = steam_flow(steam_properties(p_hp, quality=0), m_hp)
    lp_cond = steam_flow(steam_properties(p_lp, quality=0), m_lp)

    # returned condensate: both streams mixed at the flash-tank pressure, then flashed
    cond_mass = [m_hp * r, m_lp * r]
    lost = [m_hp * (1 - r), m_lp * (1 - r)]
    mixed = header(flash_pressure, [hp_cond.state, lp_cond.state], cond_mass) if r > 0 else None
    p_flash = steam_properties(flash_pressure, quality=0).pressure
    if mixed is not None:
        flash = flash_tank(mixed.outlet.state, mixed.outlet.mass_flow, p_flash)
        flash_steam, flash_liquid = flash.vapour, flash.liquid
        returned = mixed.outlet
    else:
        flash_steam = steam_flow(steam_properties(p_flash, quality=1), 0.0)
        flash_liquid = steam_flow(steam_properties(p_flash, quality=0), 0.0)
        returned = steam_flow(steam_properties(p_flash, quality=0), 0.0)
    lost_energy = lost[0] * float(hp_cond.state.enthalpy.m_as("kJ/kg")) + lost[1] * float(
        lp_cond.state.enthalpy.m_as("kJ/kg")
    )
    lost_condensate = SteamFlow(
        mass_flow=quantity(sum(lost), "kg/h"),
        energy_flow=quantity(lost_energy, "kJ/h"),
        state=lp_cond.state,
    )

    m_fw = m_steam / (1 - b)
    m_makeup = m_fw - _kg_h(flash_liquid)
    makeup = steam_flow(steam_properties(p_flash, temperature=makeup_temperature), m_makeup)
    feed = header(p_flash, [flash_liquid.state, makeup.state], [_kg_h(flash_liquid), m_makeup])
    feedwater = feed.outlet
    blowdown = steam_flow(steam_properties(p_hp, quality=0), b * m_fw)
    boiler_steam = line.inlet

    duty = _kw(boiler_steam) + _kw(blowdown) - _kw(feedwater)
    heat_hp = _kw(hp_users) - _kw(hp_cond)
    heat_lp = _kw(prv.outlet) - _kw(lp_cond)
    losses = {
        "line_loss": float(np.asarray(line.heat_loss.m_as("kW"))),
        "flash_steam": _kw(flash_steam),
        "lost_condensate": _kw(lost_condensate),
        "blowdown": _kw(blowdown),
    }
    energy_in = duty + _kw(makeup)
    energy_out = heat_hp + heat_lp + sum(losses.values())
    streams = {
        "boiler_steam": boiler_steam,
        "high_pressure_steam": line.outlet,
        "high_pressure_users": hp_users,
        "prv_outlet": prv.outlet,
        "low_pressure_users": prv.outlet,
        "high_pressure_condensate": hp_cond,
        "low_pressure_condensate": lp_cond,
        "returned_condensate": returned,
        "lost_condensate": lost_condensate,
        "flash_steam": flash_steam,
        "flash_liquid": flash_liquid,
        "makeup_water": makeup,
        "feedwater": feedwater,
        "blowdown": blowdown,
    }
    return SteamSystemBalance(
        streams=streams,
        boiler_duty=quantity(duty, "kW"),
        fuel_energy=quantity(duty / eta, "kW"),
        heat_to_users={
            "high_pressure": quantity(heat_hp, "kW"),
            "low_pressure": quantity(heat_lp, "kW"),
        },
        losses={k: quantity(v, "kW") for k, v in losses.items()},
        energy_in=quantity(energy_in, "kW"),
        energy_out=quantity(energy_out, "kW"),
        closure=quantity((energy_in - energy_out) / energy_in, "dimensionless"),
    )
