r"""Steam-system components: flash tank, deaerator, pressure-reducing valve, header, line loss.

Mass and energy balances of the components of an industrial steam system, on
IAPWS-IF97 states from :func:`greenchain.processes.steam.steam_properties` (the
only IAPWS wrapper). Each component takes its inlet states as
:class:`~greenchain.processes.steam.SteamState` objects (build them with
``steam_properties(p, temperature=...)``, ``quality=``, ``enthalpy=`` or
``entropy=``) and its mass flows; it returns :class:`SteamFlow` streams that
carry the mass flow, the energy flow (mass flow times specific enthalpy) and
the state. These are the components of US DOE MEASUR's Steam System Modeling
Tool (SSMT), with the same equations; its unit tests are reproduced in
``tests/processes/test_measur_ssmt.py``.

Mass flows given as plain numbers are read in kg/h; energy flows are returned
in kJ/h (MEASUR's units, so that energy flow = mass flow x specific enthalpy
in kJ/kg). Any Quantity of mass flow works (``Q_(2, "t/h")``).

Examples
--------
>>> from greenchain import Q_
>>> from greenchain.processes.steam import steam_properties
>>> out = pressure_reducing_valve(steam_properties(1.0, quality=1), 2000, 0.4)
>>> round(float(out.outlet.state.temperature.m_as("degC")), 1)
160.9
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pint

from greenchain.errors import InputError, OutOfRangeError
from greenchain.processes.steam import (
    SteamState,
    saturation_properties,
    steam_properties,
)
from greenchain.units import QuantityLike, check_range, fraction, nonnegative, quantity

__all__ = [
    "SteamFlow",
    "FlashTankResult",
    "DeaeratorResult",
    "PrvResult",
    "HeaderResult",
    "HeatLossResult",
    "steam_flow",
    "flash_tank",
    "deaerator",
    "pressure_reducing_valve",
    "header",
    "heat_loss",
]


@dataclass(frozen=True)
class SteamFlow:
    """A stream of water or steam.

    Attributes
    ----------
    mass_flow : Quantity [kg/h]
    energy_flow : Quantity [kJ/h]
        Mass flow times specific enthalpy (IAPWS reference state).
    state : SteamState
        The stream's IAPWS-IF97 state.
    """

    mass_flow: pint.Quantity
    energy_flow: pint.Quantity
    state: SteamState


def _h(state: SteamState) -> np.ndarray:
    return np.asarray(state.enthalpy.m_as("kJ/kg"), dtype=float)


def _flow(mass_kg_h: np.ndarray, state: SteamState) -> SteamFlow:
    return SteamFlow(
        mass_flow=quantity(mass_kg_h, "kg/h"),
        energy_flow=quantity(mass_kg_h * _h(state), "kJ/h"),
        state=state,
    )


def _check_state(state: object, name: str) -> SteamState:
    if not isinstance(state, SteamState):
        raise InputError(
            "expected a SteamState (from greenchain.processes.steam.steam_properties)",
            field=name,
        )
    return state


def steam_flow(state: SteamState, mass_flow: QuantityLike) -> SteamFlow:
    """A stream from a state and a mass flow (energy flow = mass flow x enthalpy).

    Parameters
    ----------
    state : SteamState
        State of the stream (:func:`~greenchain.processes.steam.steam_properties`).
    mass_flow : float, array-like or Quantity
        Mass flow [kg/h], >= 0.

    Returns
    -------
    SteamFlow

    Notes
    -----
    .. math:: \\dot E = \\dot m \\, h

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/ssmt/SteamSystemModelerTool.cpp``
    (``FluidProperties``: mass flow, energy flow, state); US DOE, *Improving
    Steam System Performance: A Sourcebook for Industry*, 2nd ed. (2012).

    Examples
    --------
    >>> from greenchain.processes.steam import steam_properties
    >>> steam_flow(steam_properties(5.1414, enthalpy=2000), 36011).energy_flow
    <Quantity(72022000.0, 'kilojoule / hour')>
    """
    return _flow(nonnegative(mass_flow, "kg/h", "mass_flow"), _check_state(state, "state"))


@dataclass(frozen=True)
class FlashTankResult:
    """Result of :func:`flash_tank`.

    Attributes
    ----------
    inlet, vapour, liquid : SteamFlow
        The inlet stream and the saturated vapour and liquid leaving the tank.
    """

    inlet: SteamFlow
    vapour: SteamFlow
    liquid: SteamFlow


def flash_tank(
    inlet: SteamState, mass_flow: QuantityLike, tank_pressure: QuantityLike
) -> FlashTankResult:
    r"""Flash a liquid or two-phase stream into saturated vapour and liquid at a lower pressure.

    Parameters
    ----------
    inlet : SteamState
        State of the incoming water or wet steam (condensate, blowdown, or a
        two-phase mixture given by its enthalpy).
    mass_flow : float, array-like or Quantity
        Inlet mass flow [kg/h], >= 0.
    tank_pressure : float, array-like or Quantity
        Absolute pressure in the tank [MPa], on the saturation line.

    Returns
    -------
    FlashTankResult
        Inlet, vapour and liquid streams (kg/h, kJ/h).

    Notes
    -----
    With :math:`h_f, h_g` the saturated liquid and vapour enthalpies at the tank
    pressure,

    .. math::
        \dot m_{liq} = \dot m_{in}\,\frac{h_{in} - h_g}{h_f - h_g}, \qquad
        \dot m_{vap} = \dot m_{in} - \dot m_{liq}

    An inlet below :math:`h_f` leaves entirely as liquid (in its inlet state,
    as MEASUR reports it); above :math:`h_g` entirely as vapour.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/ssmt/FlashTank.cpp`` and
    ``tests/cpp/FlashTank.unit.cpp``; US DOE, *Improving Steam System
    Performance: A Sourcebook for Industry*, 2nd ed. (2012), flash steam.

    Examples
    --------
    >>> from greenchain.processes.steam import steam_properties
    >>> r = flash_tank(steam_properties(4.54484, enthalpy=2000), 36133, 3.3884)
    >>> round(float(r.vapour.mass_flow.m_as("kg/h")), 3)
    19667.164
    """
    inlet = _check_state(inlet, "inlet")
    m_in = nonnegative(mass_flow, "kg/h", "mass_flow")
    sat = saturation_properties(tank_pressure)
    h_in = _h(inlet)
    h_f = sat.liquid_enthalpy.m_as("kJ/kg")
    h_g = sat.vapour_enthalpy.m_as("kJ/kg")
    x = np.clip((h_in - h_f) / (h_g - h_f), 0.0, 1.0)  # all-liquid / all-vapour limits
    m_liq = m_in * (1.0 - x)
    p_tank = sat.pressure
    subcooled = h_in < h_f
    if np.all(subcooled):
        liquid = _flow(m_liq, inlet)
    else:
        # a subcooled element leaves in its inlet state (its energy), the rest saturated
        liquid = SteamFlow(
            mass_flow=quantity(m_liq, "kg/h"),
            energy_flow=quantity(np.where(subcooled, m_in * h_in, m_liq * h_f), "kJ/h"),
            state=steam_properties(p_tank, quality=0),
        )
    return FlashTankResult(
        inlet=_flow(m_in, inlet),
        vapour=_flow(m_in - m_liq, steam_properties(p_tank, quality=1)),
        liquid=liquid,
    )


@dataclass(frozen=True)
class DeaeratorResult:
    """Result of :func:`deaerator`.

    Attributes
    ----------
    feedwater, vented_steam, inlet_water, inlet_steam : SteamFlow
        Saturated-liquid feedwater out, saturated vapour vented, make-up/condensate
        water in, heating steam in.
    """

    feedwater: SteamFlow
    vented_steam: SteamFlow
    inlet_water: SteamFlow
    inlet_steam: SteamFlow


def deaerator(
    pressure: QuantityLike,
    vent_rate: QuantityLike,
    feedwater_flow: QuantityLike,
    inlet_water: SteamState,
    inlet_steam: SteamState,
) -> DeaeratorResult:
    r"""Steam and water a deaerator needs to deliver saturated feedwater.

    Parameters
    ----------
    pressure : float, array-like or Quantity
        Absolute deaerator pressure [MPa].
    vent_rate : float, array-like or Quantity
        Vented steam as a fraction of the feedwater flow [dimensionless]
        (a Quantity in percent is accepted), 0 to 1.
    feedwater_flow : float, array-like or Quantity
        Feedwater mass flow leaving the deaerator [kg/h], >= 0.
    inlet_water : SteamState
        State of the water entering (make-up plus returned condensate).
    inlet_steam : SteamState
        State of the heating steam.

    Returns
    -------
    DeaeratorResult
        Feedwater, vented steam, inlet water and inlet steam (kg/h, kJ/h).

    Raises
    ------
    OutOfRangeError
        ``inlet_steam`` not hotter (in enthalpy) than ``inlet_water``, or a
        balance that needs a negative steam or water flow.

    Notes
    -----
    Feedwater leaves as saturated liquid (:math:`h_f`) and the vent as
    saturated vapour (:math:`h_g`) at the deaerator pressure:

    .. math::
        \dot m_v = r\,\dot m_{fw}, \qquad
        \dot m_s = \frac{\dot m_{fw} h_f + \dot m_v h_g - (\dot m_{fw} + \dot m_v) h_w}
        {h_s - h_w}, \qquad \dot m_w = \dot m_{fw} + \dot m_v - \dot m_s

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/ssmt/Deaerator.cpp`` and
    ``tests/cpp/Deaerator.unit.cpp``; US DOE, *Improving Steam System
    Performance: A Sourcebook for Industry*, 2nd ed. (2012), deaerators.

    Examples
    --------
    >>> from greenchain import Q_
    >>> from greenchain.processes.steam import steam_properties
    >>> r = deaerator(0.1998, Q_(0.4, "percent"), 41685, steam_properties(0.1235, enthalpy=100),
    ...               steam_properties(0.4777, entropy=6))
    >>> round(float(r.inlet_steam.mass_flow.m_as("kg/h")), 2)
    7546.38
    """
    inlet_water = _check_state(inlet_water, "inlet_water")
    inlet_steam = _check_state(inlet_steam, "inlet_steam")
    rate = fraction(vent_rate, "vent_rate", low_inclusive=True)
    m_fw = nonnegative(feedwater_flow, "kg/h", "feedwater_flow")
    sat = saturation_properties(pressure)
    h_f = sat.liquid_enthalpy.m_as("kJ/kg")
    h_g = sat.vapour_enthalpy.m_as("kJ/kg")
    h_w, h_s = _h(inlet_water), _h(inlet_steam)
    if np.any(h_s <= h_w):
        raise OutOfRangeError(
            "the heating steam must have a higher enthalpy than the inlet water",
            field="inlet_steam",
        )
    m_vent = rate * m_fw
    total = m_fw + m_vent
    m_steam = (m_fw * h_f + m_vent * h_g - total * h_w) / (h_s - h_w)
    m_water = total - m_steam
    if np.any(m_steam < 0) or np.any(m_water < 0):
        raise OutOfRangeError(
            "no non-negative steam and water flows close this balance "
            "(inlet water hotter than saturated feedwater, or steam too cold)",
            field="inlet_water, inlet_steam",
        )
    p_sat = sat.pressure
    return DeaeratorResult(
        feedwater=_flow(m_fw, steam_properties(p_sat, quality=0)),
        vented_steam=_flow(m_vent, steam_properties(p_sat, quality=1)),
        inlet_water=_flow(m_water, inlet_water),
        inlet_steam=_flow(m_steam, inlet_steam),
    )


@dataclass(frozen=True)
class PrvResult:
    """Result of :func:`pressure_reducing_valve`.

    Attributes
    ----------
    inlet, outlet : SteamFlow
        Steam entering and leaving.
    feedwater : SteamFlow or None
        Desuperheating water injected (``None`` without desuperheating).
    """

    inlet: SteamFlow
    outlet: SteamFlow
    feedwater: SteamFlow | None = None


def pressure_reducing_valve(
    inlet: SteamState,
    mass_flow: QuantityLike,
    outlet_pressure: QuantityLike,
    *,
    feedwater: SteamState | None = None,
    desuperheating_temperature: QuantityLike | None = None,
) -> PrvResult:
    r"""Pressure-reducing valve (PRV), with or without desuperheating.

    Parameters
    ----------
    inlet : SteamState
        Steam entering the valve.
    mass_flow : float, array-like or Quantity
        Inlet mass flow [kg/h], >= 0.
    outlet_pressure : float, array-like or Quantity
        Absolute outlet pressure [MPa].
    feedwater : SteamState, optional
        Desuperheating water; give it together with ``desuperheating_temperature``.
    desuperheating_temperature : float, array-like or Quantity, optional
        Outlet temperature after desuperheating [degC] (a Quantity in K is
        accepted).

    Returns
    -------
    PrvResult
        Inlet, outlet and (with desuperheating) feedwater streams.

    Raises
    ------
    InputError
        Only one of ``feedwater`` and ``desuperheating_temperature`` given.
    OutOfRangeError
        A desuperheating temperature that needs a negative water flow (above
        the throttled temperature, or feedwater hotter than the outlet).

    Notes
    -----
    Without desuperheating the throttling is isenthalpic,
    :math:`h_{out} = h_{in}` at :math:`p_{out}`. With desuperheating the outlet
    is at :math:`(p_{out}, T_{ds})` and the injected water follows from the
    energy balance

    .. math:: \dot m_{fw} = \dot m_{in}\,\frac{h_{in} - h_{out}}{h_{out} - h_{fw}},
        \qquad \dot m_{out} = \dot m_{in} + \dot m_{fw}

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/ssmt/PRV.cpp`` and
    ``tests/cpp/PRV.unit.cpp``; US DOE, *Improving Steam System Performance: A
    Sourcebook for Industry*, 2nd ed. (2012).

    Examples
    --------
    >>> from greenchain import Q_
    >>> from greenchain.processes.steam import steam_properties
    >>> r = pressure_reducing_valve(steam_properties(4.8794, temperature=Q_(691.5, "K")),
    ...                             37970, 4.0823)
    >>> round(float(r.outlet.state.temperature.m_as("K")), 4)
    686.0088
    """
    inlet = _check_state(inlet, "inlet")
    m_in = nonnegative(mass_flow, "kg/h", "mass_flow")
    if (feedwater is None) != (desuperheating_temperature is None):
        raise InputError(
            "give both feedwater and desuperheating_temperature, or neither",
            field="feedwater, desuperheating_temperature",
        )
    h_in = _h(inlet)
    if feedwater is None or desuperheating_temperature is None:
        out_state = steam_properties(outlet_pressure, enthalpy=quantity(h_in, "kJ/kg"))
        return PrvResult(inlet=_flow(m_in, inlet), outlet=_flow(m_in, out_state))
    feedwater = _check_state(feedwater, "feedwater")
    out_state = steam_properties(outlet_pressure, temperature=desuperheating_temperature)
    h_out, h_fw = _h(out_state), _h(feedwater)
    with np.errstate(divide="ignore", invalid="ignore"):
        m_fw = m_in * (h_in - h_out) / (h_out - h_fw)
    if np.any(~np.isfinite(m_fw)) or np.any(m_fw < 0):
        raise OutOfRangeError(
            "desuperheating would need a negative water flow (temperature above the "
            "throttled steam, or feedwater not colder than the outlet)",
            field="desuperheating_temperature",
        )
    return PrvResult(
        inlet=_flow(m_in, inlet),
        outlet=_flow(m_in + m_fw, out_state),
        feedwater=_flow(m_fw, feedwater),
    )


@dataclass(frozen=True)
class HeaderResult:
    """Result of :func:`header`.

    Attributes
    ----------
    outlet : SteamFlow
        The mixed stream at the header pressure.
    inlets : tuple of SteamFlow
        The inlet streams.
    """

    outlet: SteamFlow
    inlets: tuple[SteamFlow, ...]


def header(
    pressure: QuantityLike, inlets: Sequence[SteamState], mass_flows: Sequence[QuantityLike]
) -> HeaderResult:
    r"""Adiabatic mixing of several steam or water streams in a header.

    Parameters
    ----------
    pressure : float or Quantity
        Absolute header pressure [MPa].
    inlets : sequence of SteamState
        States of the inlet streams.
    mass_flows : sequence of float or Quantity
        Mass flow of each inlet [kg/h], >= 0, same length as ``inlets``.

    Returns
    -------
    HeaderResult
        The mixed outlet and the inlet streams.

    Raises
    ------
    InputError
        ``inlets`` and ``mass_flows`` of different lengths, or no inlet.
    OutOfRangeError
        A zero total mass flow.

    Notes
    -----
    .. math:: h_{hdr} = \frac{\sum_i \dot m_i h_i}{\sum_i \dot m_i}, \qquad
        \text{state} = (p_{hdr}, h_{hdr})

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/ssmt/Header.cpp`` and
    ``tests/cpp/Header.unit.cpp``; US DOE, *Improving Steam System Performance:
    A Sourcebook for Industry*, 2nd ed. (2012).

    Examples
    --------
    >>> from greenchain import Q_
    >>> from greenchain.processes.steam import steam_properties
    >>> hdr = header(0.173, [steam_properties(1.9332, temperature=Q_(579.8, "K")),
    ...                      steam_properties(2.8682, temperature=Q_(308.5, "K"))], [0.686, 0.5019])
    >>> round(float(hdr.outlet.state.enthalpy.m_as("kJ/kg")), 6)
    1820.064143
    """
    if len(inlets) != len(mass_flows) or not inlets:
        raise InputError(
            "give one mass flow per inlet, and at least one inlet", field="inlets, mass_flows"
        )
    streams = tuple(
        _flow(
            nonnegative(m, "kg/h", f"mass_flows[{i}]"),
            _check_state(s, f"inlets[{i}]"),
        )
        for i, (s, m) in enumerate(zip(inlets, mass_flows, strict=True))
    )
    mass = sum(np.asarray(f.mass_flow.m_as("kg/h")) for f in streams)
    energy = sum(np.asarray(f.energy_flow.m_as("kJ/h")) for f in streams)
    check_range(np.asarray(mass), "mass_flows", low=0, low_inclusive=False, unit="kg/h")
    state = steam_properties(pressure, enthalpy=quantity(energy / mass, "kJ/kg"))
    return HeaderResult(outlet=_flow(np.asarray(mass, dtype=float), state), inlets=streams)


@dataclass(frozen=True)
class HeatLossResult:
    """Result of :func:`heat_loss`.

    Attributes
    ----------
    inlet, outlet : SteamFlow
        Stream before and after the loss (same mass flow, same pressure).
    heat_loss : Quantity [kJ/h]
    """

    inlet: SteamFlow
    outlet: SteamFlow
    heat_loss: pint.Quantity


def heat_loss(inlet: SteamState, mass_flow: QuantityLike, loss: QuantityLike) -> HeatLossResult:
    r"""Heat lost from a steam line or vessel as a fraction of its energy flow.

    Parameters
    ----------
    inlet : SteamState
        State entering the line.
    mass_flow : float, array-like or Quantity
        Mass flow [kg/h], >= 0 (unchanged along the line).
    loss : float, array-like or Quantity
        Heat lost as a fraction of the inlet energy flow [dimensionless]
        (a Quantity in percent is accepted), 0 to 1.

    Returns
    -------
    HeatLossResult
        Inlet and outlet streams and the heat lost.

    Notes
    -----
    .. math:: \dot Q = f\,\dot m\,h_{in}, \qquad
        h_{out} = h_{in}(1 - f) \text{ at } p_{in}, \qquad \dot m_{out} = \dot m_{in}

    The loss is a fraction of the energy flow on the IAPWS enthalpy scale, as
    MEASUR defines it (:func:`greenchain.processes.steam_systems.steam_line_heat_loss`
    is the same loss without the outlet state).

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/ssmt/HeatLoss.cpp`` and
    ``tests/cpp/HeatLoss.unit.cpp``.

    Examples
    --------
    >>> from greenchain import Q_
    >>> from greenchain.processes.steam import steam_properties
    >>> r = heat_loss(steam_properties(2.418, temperature=Q_(521, "K")), 5434, Q_(2.44, "percent"))
    >>> round(float(r.heat_loss.m_as("kJ/h")), 1)
    381688.4
    """
    inlet = _check_state(inlet, "inlet")
    m = nonnegative(mass_flow, "kg/h", "mass_flow")
    f = fraction(loss, "loss", low_inclusive=True)
    h_in = _h(inlet)
    out_state = steam_properties(inlet.pressure, enthalpy=quantity(h_in * (1.0 - f), "kJ/kg"))
    return HeatLossResult(
        inlet=_flow(m, inlet),
        outlet=_flow(m, out_state),
        heat_loss=quantity(m * h_in * f, "kJ/h"),
    )
