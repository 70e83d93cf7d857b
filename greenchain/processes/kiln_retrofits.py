"""Kiln retrofit effect models: cooling-air reuse, insulation, O2 trim, pulse control.

Each function returns a :class:`RetrofitSaving` whose saving never exceeds the fuel
stream it acts on. They build on :mod:`greenchain.processes.kilns` (wall losses) and
:mod:`greenchain.processes.combustion` (available heat).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pint

from greenchain.data.tables import parse_number, read_table
from greenchain.errors import InputError, OutOfRangeError, UnverifiedDataWarning, caveat
from greenchain.processes._common import heat_stream, phast_combustion_air_term, to_degF
from greenchain.processes.combustion import (
    EfficiencyImprovement,
    efficiency_improvement,
    excess_air_from_o2,
)
from greenchain.processes.kilns import wall_loss
from greenchain.units import Q_, QuantityLike, check_range, fraction

__all__ = [
    "RetrofitSaving",
    "cooling_air_reuse_saving",
    "insulation_saving",
    "o2_trim_saving",
    "pulse_combustion_saving",
]


# ----------------------------------------------------------------------------- retrofits
@dataclass(frozen=True)
class RetrofitSaving:
    """Effect of a retrofit measure on the stream it acts on.

    ``0 <= saving <= baseline`` always holds; ``new = baseline - saving``.
    """

    #: The stream the measure acts on (fuel input, or wall loss for insulation).
    baseline: pint.Quantity
    new: pint.Quantity
    saving: pint.Quantity
    saving_fraction: pint.Quantity
    #: Fuel saved (insulation with ``available_heat`` only), else None.
    fuel_saving: pint.Quantity | None = None
    #: Heat that preheating the combustion air takes (cooling-air reuse only).
    preheat_duty: pint.Quantity | None = None
    #: The PHAST calculation behind the saving, where there is one.
    detail: EfficiencyImprovement | None = None
    #: Range of the default saving fraction, when a default was used.
    saving_fraction_range: tuple[float, float] | None = None
    #: Source ids (factors/sources.yaml) of the method and defaults used.
    sources: tuple[str, ...] = ()
    #: True when an ``unverified`` default was used.
    unverified: bool = False


def _from_improvement(result: EfficiencyImprovement, **extra: Any) -> RetrofitSaving:
    return RetrofitSaving(
        baseline=result.current_input,
        new=result.new_input,
        saving=result.saving,
        saving_fraction=result.fuel_savings,
        detail=result,
        sources=("amo-tools-suite",),
        **extra,
    )


def cooling_air_reuse_saving(
    fuel_input: QuantityLike,
    *,
    flue_o2: QuantityLike,
    flue_temperature: QuantityLike,
    combustion_air_temperature: QuantityLike,
    preheated_air_temperature: QuantityLike,
    cooling_heat_available: QuantityLike | None = None,
) -> RetrofitSaving:
    """Fuel saved by feeding hot cooling-zone air to the burners as combustion air.

    Parameters
    ----------
    fuel_input : float, array-like or Quantity
        Current fuel input [kW]; any power or energy Quantity is accepted.
    flue_o2 : float, array-like or Quantity
        Dry flue-gas O2 [dimensionless], a fraction or a Quantity in percent,
        unchanged by the measure.
    flue_temperature : float, array-like or Quantity
        Flue-gas temperature [degC], unchanged by the measure.
    combustion_air_temperature : float, array-like or Quantity
        Current combustion-air temperature [degC].
    preheated_air_temperature : float, array-like or Quantity
        Temperature of the recovered air at the burners [degC],
        >= ``combustion_air_temperature``.
    cooling_heat_available : float, array-like or Quantity, optional
        Heat the cooling zone can give [kW], or any Quantity of the kind of
        ``fuel_input``, e.g.
        ``KilnEnergyBalance.recoverable_cooling_heat``; when given, a preheat that
        needs more heat raises :class:`OutOfRangeError`.

    Returns
    -------
    RetrofitSaving
        Fuel saving, with ``preheat_duty`` (heat the preheat takes, from the
        correlation's combustion-air term) and the PHAST ``detail``.

    Notes
    -----
    The saving is :func:`greenchain.processes.combustion.efficiency_improvement` with
    only the combustion-air temperature changed. The preheat duty is the rise of the
    correlation's combustion-air term times the new fuel input,

    .. math::

        Q_{pre} = Q_{new}\\,[C(T_p) - C(T_a)]/100, \\quad
        C(T) = (-1.078913827 + c(T)\\,T)\\,(1 + EA)

    Mezquita et al. (2014) report kiln savings up to 17 % from this measure in a
    roller-kiln case study.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/furnace/EfficiencyImprovement.cpp``
    (tests in ``tests/cpp/EfficiencyImprovement.unit.cpp``); Mezquita et al. (2014),
    doi:10.1016/j.applthermaleng.2014.01.002.

    Examples
    --------
    >>> from greenchain import Q_
    >>> r = cooling_air_reuse_saving(Q_(5, "MW"), flue_o2=Q_(8, "percent"),
    ...                              flue_temperature=200, combustion_air_temperature=25,
    ...                              preheated_air_temperature=200)
    >>> print(r.saving_fraction.to("percent"))
    9.9678... %
    >>> print(r.preheat_duty.to("kW"))
    418.41... kW
    """
    ta = to_degF(combustion_air_temperature, "combustion_air_temperature")
    tp = to_degF(preheated_air_temperature, "preheated_air_temperature")
    if np.any(np.asarray(tp) < np.asarray(ta)):
        raise OutOfRangeError(
            "must not be below combustion_air_temperature", field="preheated_air_temperature"
        )
    try:
        result = efficiency_improvement(
            flue_o2,
            flue_o2,
            flue_temperature,
            flue_temperature,
            combustion_air_temperature,
            preheated_air_temperature,
            fuel_input,
        )
    except OutOfRangeError as exc:
        if exc.field != "new_flue_temperature":
            raise
        # only the air temperature changed: the preheat took the correlation out of range
        raise OutOfRangeError(exc.message, field="preheated_air_temperature") from exc
    ea = result.current_excess_air.m
    duty = result.new_input * (
        (phast_combustion_air_term(tp, ea) - phast_combustion_air_term(ta, ea)) / 100.0
    )
    if cooling_heat_available is not None:
        avail, unit = heat_stream(cooling_heat_available, "cooling_heat_available")
        if np.any(duty.m_as(unit) > avail):
            raise OutOfRangeError(
                "preheating to this temperature needs more heat than the cooling zone gives "
                "(cooling_heat_available)",
                field="preheated_air_temperature",
            )
    return _from_improvement(result, preheat_duty=duty)


def insulation_saving(
    area: QuantityLike,
    surface_temperature_before: QuantityLike,
    surface_temperature_after: QuantityLike,
    ambient_temperature: QuantityLike,
    *,
    wind_speed: QuantityLike = 0,
    emissivity: QuantityLike = 0.9,
    emissivity_after: QuantityLike | None = None,
    condition_factor: QuantityLike = 1.394,
    correction_factor: QuantityLike = 1.0,
    available_heat: QuantityLike | None = None,
) -> RetrofitSaving:
    """Wall-loss saving of better kiln insulation (surface temperature before and after).

    Parameters
    ----------
    area : float, array-like or Quantity
        Outer surface area [m²].
    surface_temperature_before : float, array-like or Quantity
        Mean outer-surface temperature before the retrofit [degC].
    surface_temperature_after : float, array-like or Quantity
        Mean outer-surface temperature after the retrofit [degC].
    ambient_temperature : float, array-like or Quantity
        Ambient temperature [degC].
    wind_speed : float, array-like or Quantity, default 0
        Air velocity over the surface [m/s], as in
        :func:`~greenchain.processes.kilns.wall_loss`.
    emissivity : float, array-like or Quantity, default 0.9
        Surface emissivity before the retrofit [dimensionless], between 0 and 1.
    emissivity_after : float, array-like or Quantity, optional
        Surface emissivity after the retrofit (new cladding) [dimensionless]; default
        ``emissivity``.
    condition_factor : float, array-like or Quantity, default 1.394
        Surface shape and orientation factor [dimensionless], as in
        :func:`~greenchain.processes.kilns.wall_loss`.
    correction_factor : float, array-like or Quantity, default 1.0
        Multiplier applied to both wall losses [dimensionless], > 0.
    available_heat : float, array-like or Quantity, optional
        Available heat of the firing [dimensionless], 0 < AH <= 1: each unit of heat
        not lost through the wall saves :math:`1/AH` units of fuel.

    Returns
    -------
    RetrofitSaving
        ``baseline`` and ``new`` wall loss [kW], ``saving`` [kW] and, with
        ``available_heat``, ``fuel_saving`` [kW].

    Raises
    ------
    InputError
        If the state after loses more heat than the state before.

    Notes
    -----
    .. math:: \\Delta Q = Q_{wall}(T_{before}) - Q_{wall}(T_{after}), \\quad
              \\Delta Q_{fuel} = \\Delta Q / AH

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/losses/WallLosses.cpp`` (tests in
    ``tests/cpp/WallLosses.unit.cpp``).

    Examples
    --------
    >>> r = insulation_saving(800, 95, 55, 25, available_heat=0.6)
    >>> print(r.saving, r.fuel_saving, sep="; ")
    499.12... kW; 831.87... kW
    """
    before = wall_loss(
        area,
        surface_temperature_before,
        ambient_temperature,
        wind_speed=wind_speed,
        emissivity=emissivity,
        condition_factor=condition_factor,
        correction_factor=correction_factor,
    )
    after = wall_loss(
        area,
        surface_temperature_after,
        ambient_temperature,
        wind_speed=wind_speed,
        emissivity=emissivity if emissivity_after is None else emissivity_after,
        condition_factor=condition_factor,
        correction_factor=correction_factor,
    )
    saving = before - after
    if np.any(saving.m < 0):
        raise InputError(
            "the state after the retrofit loses more heat than before",
            field="surface_temperature_after",
        )
    fuel_saving = None
    if available_heat is not None:
        ah = fraction(available_heat, "available_heat")
        fuel_saving = saving / ah
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(before.m > 0, saving.m / np.where(before.m > 0, before.m, 1.0), 0.0)
    return RetrofitSaving(
        baseline=before,
        new=after,
        saving=saving,
        saving_fraction=Q_(share, ""),
        fuel_saving=fuel_saving,
        sources=("amo-tools-suite",),
    )


def o2_trim_saving(
    fuel_input: QuantityLike,
    *,
    current_o2: QuantityLike,
    new_o2: QuantityLike,
    flue_temperature: QuantityLike,
    combustion_air_temperature: QuantityLike,
    new_flue_temperature: QuantityLike | None = None,
) -> RetrofitSaving:
    """Fuel saved by trimming excess air (O2 measurement and burner control).

    Parameters
    ----------
    fuel_input : float, array-like or Quantity
        Current fuel input [kW]; any power or energy Quantity is accepted.
    current_o2 : float, array-like or Quantity
        Dry flue-gas O2 before the trim [dimensionless], a fraction or a Quantity in
        percent.
    new_o2 : float, array-like or Quantity
        Dry flue-gas O2 after the trim [dimensionless], <= ``current_o2``.
    flue_temperature : float, array-like or Quantity
        Flue-gas temperature [degC], >= ``combustion_air_temperature``.
    combustion_air_temperature : float, array-like or Quantity
        Combustion-air temperature [degC].
    new_flue_temperature : float, array-like or Quantity, optional
        Flue-gas temperature after the trim [degC], <= ``flue_temperature``; default
        unchanged.

    Returns
    -------
    RetrofitSaving
        Fuel saving with the PHAST ``detail``.

    Notes
    -----
    :func:`greenchain.processes.combustion.efficiency_improvement` with the O2 (and
    optionally the flue temperature) changed. With the flue hotter than the
    combustion air, less excess air always raises the available heat, so
    :math:`0 \\le s < 1`.

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``src/calculator/furnace/EfficiencyImprovement.cpp``
    (tests in ``tests/cpp/EfficiencyImprovement.unit.cpp``).

    Examples
    --------
    >>> from greenchain import Q_
    >>> r = o2_trim_saving(Q_(5, "MW"), current_o2=Q_(10, "percent"),
    ...                    new_o2=Q_(4, "percent"), flue_temperature=220,
    ...                    combustion_air_temperature=25)
    >>> print(r.saving.to("kW"))
    229.08... kW
    """
    x_cur = excess_air_from_o2(current_o2).m
    x_new = excess_air_from_o2(new_o2).m
    if np.any(np.asarray(x_new) > np.asarray(x_cur)):
        raise OutOfRangeError("must not exceed current_o2", field="new_o2")
    tf = to_degF(flue_temperature, "flue_temperature")
    ta = to_degF(combustion_air_temperature, "combustion_air_temperature")
    if np.any(np.asarray(tf) < np.asarray(ta)):
        raise OutOfRangeError(
            "must not be above flue_temperature", field="combustion_air_temperature"
        )
    if new_flue_temperature is None:
        new_flue_temperature = flue_temperature
    elif np.any(np.asarray(to_degF(new_flue_temperature, "new_flue_temperature")) > tf):
        raise OutOfRangeError("must not exceed flue_temperature", field="new_flue_temperature")
    result = efficiency_improvement(
        current_o2,
        new_o2,
        flue_temperature,
        new_flue_temperature,
        combustion_air_temperature,
        combustion_air_temperature,
        fuel_input,
    )
    return _from_improvement(result)


def _measure_default(key: str) -> dict[str, Any]:
    for row in read_table("measures_defaults.csv"):
        if row["key"] == key:
            return row
    raise InputError(f"no default {key!r} in factors/measures_defaults.csv", field=key)


def pulse_combustion_saving(
    fuel_input: QuantityLike, saving_fraction: QuantityLike | None = None
) -> RetrofitSaving:
    """Fuel saved by pulse (frequency-modulated) burner control, as a parameterised model.

    Parameters
    ----------
    fuel_input : float, array-like or Quantity
        Current fuel input of the burners so controlled [kW]; any power or energy
        Quantity is accepted.
    saving_fraction : float, array-like or Quantity, optional
        Fuel saving [dimensionless], between 0 and 1. Give a measured or guaranteed value where
        there is one. When omitted, the default of ``factors/measures_defaults.csv``
        row ``pulse_combustion.saving_fraction`` is used (0.05, the low end of the
        5-15 % that vendors claim); that default is **unverified**: no quantified saving
        was found in papers, catalogues or case studies, and using it emits
        :class:`~greenchain.errors.UnverifiedDataWarning`.

    Returns
    -------
    RetrofitSaving
        Fuel saving; ``unverified`` and ``saving_fraction_range`` are set when the
        default was used.

    Notes
    -----
    .. math:: \\Delta Q = s\\,Q_{fuel}

    Pulse firing runs each burner at full rate for a variable share of each cycle,
    keeping flame velocity and temperature uniformity at low load (mechanism only).

    References
    ----------
    Kiltel, pulsed-combustion comparison table, http://kiltel.com/pulsedcomb_table.htm;
    Frahme, pulse-firing paper, http://www.frahme.com/pulsepaper.htm (source id
    ``pulse-firing-descriptions``).

    Examples
    --------
    >>> from greenchain import Q_
    >>> print(pulse_combustion_saving(Q_(2, "MW"), saving_fraction=0.08).saving)
    0.16 MW
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     r = pulse_combustion_saving(Q_(2, "MW"))
    >>> print(r.saving, r.unverified, r.saving_fraction_range)
    0.1 MW True (0.05, 0.15)
    """
    q, unit = heat_stream(fuel_input, "fuel_input")
    check_range(q, "fuel_input", low=0)
    fraction_range = None
    unverified = False
    sources: tuple[str, ...] = ()
    if saving_fraction is None:
        row = _measure_default("pulse_combustion.saving_fraction")
        share = np.asarray(parse_number(row["value"]), dtype=float)
        low, high = parse_number(row["low"]), parse_number(row["high"])
        fraction_range = (low, high) if low is not None and high is not None else None
        sources = (row["source_id"],)
        if row["status"] == "unverified":
            unverified = True
            caveat(
                f"pulse_combustion_saving uses the unverified default saving fraction "
                f"{row['value']} (source {row['source_id']}: {row['source_ref']}); give "
                "saving_fraction from a measurement or a guarantee",
                UnverifiedDataWarning,
            )
    else:
        share = fraction(saving_fraction, "saving_fraction", low_inclusive=True)
    saving = q * share
    return RetrofitSaving(
        baseline=Q_(q + 0.0 * saving, unit),
        new=Q_(q - saving, unit),
        saving=Q_(saving, unit),
        saving_fraction=Q_(share + 0.0 * saving, ""),
        saving_fraction_range=fraction_range,
        sources=sources,
        unverified=unverified,
    )
