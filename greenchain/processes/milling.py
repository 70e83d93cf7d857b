"""Ceramic body preparation: ball-mill specific energy, continuous milling, dry vs wet route.

Ball mills take a large share of a tile plant's electricity, and the wet route
(wet milling + spray drying) also burns fuel to evaporate the slip water. The
figures per tonne of powder and the saving fractions are read from
``factors/milling_ceramics.csv``; every result reports the status of the
figures it used, and a function that uses an ``unverified`` figure emits
:class:`~greenchain.errors.UnverifiedDataWarning`. The spray-dryer water
balance and evaporation heat come from :mod:`greenchain.processes.dryers`
(IAPWS-IF97 enthalpies).

Plain numbers: power in kW, throughput in t/h, masses of powder in t,
specific energy in kWh/t, calorific values in MJ/kg, temperatures in degC.

Examples
--------
>>> round(float(ball_mill_specific_energy(400, 12).m), 2)
33.33
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pint

from greenchain.data.tables import keyed_rows
from greenchain.errors import InputError, UnverifiedDataWarning, caveat
from greenchain.processes.dryers import spray_dryer_energy
from greenchain.units import Q_, QuantityLike, check_range, fraction, magnitude, nonnegative

__all__ = [
    "Range",
    "MillingSaving",
    "WetDryComparison",
    "ball_mill_specific_energy",
    "batch_vs_continuous",
    "wet_vs_dry_route",
    "milling_figures",
]


@dataclass(frozen=True)
class Range:
    """A low-high pair of Quantities (a published range, or one derived from ranges)."""

    low: pint.Quantity
    high: pint.Quantity


def _figures() -> dict[str, dict[str, Any]]:
    return keyed_rows("milling_ceramics.csv")


def milling_figures() -> dict[str, dict[str, Any]]:
    """The rows of ``factors/milling_ceramics.csv`` as ``{key: {value, low, high, unit, ...}}``.

    Examples
    --------
    >>> f = milling_figures()["ballmill.continuous_vs_batch_saving"]
    >>> f["low"], f["high"], f["status"]
    (0.2, 0.25, 'official')
    """
    return {k: dict(v) for k, v in _figures().items()}


def _range(key: str) -> tuple[float, float]:
    """(low, high) of a row; a single value gives (value, value)."""
    row = _figures()[key]
    if row["value"] is not None:
        return row["value"], row["value"]
    return row["low"], row["high"]


def _warn_if_unverified(keys: list[str], what: str) -> dict[str, str]:
    status = {k: _figures()[k]["status"] for k in keys}
    bad = [k for k, s in status.items() if s == "unverified"]
    if bad:
        sources = sorted({_figures()[k]["source_id"] for k in bad})
        caveat(
            f"{what} uses unverified figures {', '.join(bad)} (source {', '.join(sources)})",
            UnverifiedDataWarning,
        )
    return status


# ------------------------------------------------------------------ specific energy
def ball_mill_specific_energy(power: QuantityLike, throughput: QuantityLike) -> pint.Quantity:
    """Specific electricity of a ball mill per tonne of material.

    Parameters
    ----------
    power : numeric or Quantity [kW]
        Mean electrical power drawn by the mill (or an energy Quantity over a
        period, e.g. kWh per batch).
    throughput : numeric or Quantity [t/h]
        Dry material milled per hour (or a mass Quantity over the same period).

    Returns
    -------
    Quantity [kWh/t]

    Notes
    -----
    :math:`e = P / \\dot m` (or :math:`E / m` for a batch).

    Examples
    --------
    >>> from greenchain import Q_
    >>> ball_mill_specific_energy(Q_(2400, "kWh"), Q_(40, "t"))
    <Quantity(60.0, 'kilowatt_hour / metric_ton')>
    """
    if isinstance(power, pint.Quantity) and power.check("[energy]"):
        e = nonnegative(power, "kWh", "power")
        m = magnitude(throughput, "t", "throughput")
        unit = "t"
    else:
        e = nonnegative(power, "kW", "power")
        m = magnitude(throughput, "t/h", "throughput")
        unit = "t/h"
    check_range(m, "throughput", low=0.0, low_inclusive=False, unit=unit)
    return Q_(e / m, "kWh/t")


# ------------------------------------------------------------------ continuous milling
@dataclass(frozen=True)
class MillingSaving:
    """Result of :func:`batch_vs_continuous` (energies in the unit of the input).

    ``energy_after.low`` goes with ``saving.high`` and vice versa.
    """

    energy_before: pint.Quantity
    saving_fraction: Range
    saving: Range
    energy_after: Range
    source_id: str
    status: str


def batch_vs_continuous(
    energy: QuantityLike, *, saving_fraction: QuantityLike | None = None
) -> MillingSaving:
    """Energy of continuous ball milling in place of batch mills.

    Parameters
    ----------
    energy : numeric or Quantity [kWh/t]
        Energy of the batch mills: specific energy, a period's energy or a
        power; a Quantity keeps its unit.
    saving_fraction : numeric, optional
        A plant-specific saving fraction [dimensionless], between 0 and 1; the
        published range 0.20-0.25 (``ballmill.continuous_vs_batch_saving``) if
        omitted.

    Returns
    -------
    MillingSaving
        Energy before, the saving fraction range used, the saving and the
        energy after (ranges), with the source id and status of the fraction
        (``"user"`` when given).

    Notes
    -----
    :math:`E_{cont} = (1 - s) E_{batch}`, with :math:`s` in [0.20, 0.25]: 2-4
    continuous mills in series replace many batch mills (5 continuous mills
    produce 1,300 t/day, as much as 30 batch mills of 40 t).

    References
    ----------
    Continuous ball mills at the 2016 Guangzhou ceramics fair, trade news
    report (``continuous-ballmill-2016``, official).

    Examples
    --------
    >>> r = batch_vs_continuous(70)
    >>> float(r.energy_after.low.m), float(r.energy_after.high.m), r.status
    (52.5, 56.0, 'official')
    """
    if isinstance(energy, pint.Quantity):
        unit = energy.units
        e = magnitude(energy, unit, "energy")
    else:
        unit = Q_(1, "kWh/t").units
        e = magnitude(energy, "kWh/t", "energy")
    check_range(e, "energy", low=0.0)
    if saving_fraction is None:
        low, high = _range("ballmill.continuous_vs_batch_saving")
        row = _figures()["ballmill.continuous_vs_batch_saving"]
        source, status = row["source_id"], row["status"]
        _warn_if_unverified(["ballmill.continuous_vs_batch_saving"], "batch_vs_continuous")
        s_low, s_high = np.asarray(low), np.asarray(high)
    else:
        s = fraction(saving_fraction, "saving_fraction", low_inclusive=True)
        s_low = s_high = s
        source, status = "user", "user"
    return MillingSaving(
        energy_before=Q_(e, unit),
        saving_fraction=Range(Q_(s_low, "dimensionless"), Q_(s_high, "dimensionless")),
        saving=Range(Q_(e * s_low, unit), Q_(e * s_high, unit)),
        energy_after=Range(Q_(e * (1.0 - s_high), unit), Q_(e * (1.0 - s_low), unit)),
        source_id=source,
        status=status,
    )


# ------------------------------------------------------------------ wet vs dry route
@dataclass(frozen=True)
class WetDryComparison:
    """Result of :func:`wet_vs_dry_route` for a mass of powder.

    Ranges are the published per-tonne ranges times the powder mass; savings
    use interval arithmetic (low = wet low - dry high). The spray-dryer fields
    are None unless the slip data are given; the energy fields are None
    unless ``coal_calorific_value`` is given.
    """

    wet_electricity: Range
    wet_coal: Range
    dry_electricity: Range
    dry_coal: Range
    electricity_saving: Range
    coal_saving: Range
    water_evaporated: pint.Quantity | None
    evaporation_heat: pint.Quantity | None
    wet_energy: Range | None
    dry_energy: Range | None
    overall_saving: Range | None
    implied_spray_dryer_efficiency: Range | None
    reported_overall_saving_min: pint.Quantity
    status: dict[str, str]
    sources: dict[str, str]


def wet_vs_dry_route(
    powder_mass: QuantityLike,
    *,
    slip_moisture: QuantityLike | None = None,
    powder_moisture: QuantityLike | None = None,
    slip_temperature: QuantityLike | None = None,
    coal_calorific_value: QuantityLike | None = None,
) -> WetDryComparison:
    """Compare wet milling + spray drying with dry milling + granulation for a mass of powder.

    Parameters
    ----------
    powder_mass : numeric or Quantity [t]
        Powder produced (e.g. a day's or a year's output).
    slip_moisture : numeric, optional
        Wet-basis water content of the slip [dimensionless]; with
        ``powder_moisture`` and ``slip_temperature``, it gives the water the spray
        dryer must evaporate and its theoretical heat.
    powder_moisture : numeric, optional
        Wet-basis water content of the spray-dried powder [dimensionless].
    slip_temperature : numeric or Quantity [degC], optional
        Temperature of the slip fed to the spray dryer.
    coal_calorific_value : numeric or Quantity [MJ/kg], optional
        Net calorific value of the spray-dryer coal as received, to express
        both routes in energy (electricity at its calorific equivalent
        3.6 MJ/kWh) and to infer the dryer efficiency.

    Returns
    -------
    WetDryComparison
        Electricity [kWh] and coal [kg] of each route and their savings
        (ranges); water evaporated [t] and theoretical evaporation heat [GJ];
        energy of each route [kgce] and the overall saving fraction; the
        spray-dryer efficiency implied by the published coal figures; the
        reported overall saving (>= 47 %); the status and source of each figure.

    Warns
    -----
    UnverifiedDataWarning
        Always: the per-tonne figures (``dry-granulation-2014``) are unverified.

    Notes
    -----
    Per tonne of powder: wet route 60-80 kWh and 60-100 kg coal, dry route
    40-60 kWh and no coal. The water evaporated follows from the wet-basis
    balance :math:`m_{dry} = m_{slip}(1-w_s) = m_{powder}(1-w_p)`; its heat at
    efficiency 1 is the minimum a spray dryer needs
    (:func:`greenchain.processes.dryers.spray_dryer_energy`). The implied
    efficiency is that heat divided by the coal energy. Electricity is counted
    at its calorific value; on a primary-energy (equivalent-value) basis the
    electricity share, and the saving, differ.

    References
    ----------
    Dry vs wet powder preparation per tonne of powder, industry interview
    (``dry-granulation-2014``, unverified); overall saving >= 47 % and
    powder-preparation energy -70 % (``dry-granulation-2017``, official).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     r = wet_vs_dry_route(300, slip_moisture=0.35, powder_moisture=0.06,
    ...                          slip_temperature=25, coal_calorific_value=20.9)
    >>> float(r.coal_saving.low.m_as("t")), float(r.coal_saving.high.m_as("t"))
    (18.0, 30.0)
    >>> round(float(r.implied_spray_dryer_efficiency.low.m), 2)
    0.55
    """
    m = nonnegative(powder_mass, "t", "powder_mass")
    keys = [
        "wet_route.electricity",
        "wet_route.coal",
        "dry_route.electricity",
        "dry_route.coal",
        "dry_route.overall_saving",
    ]
    status = _warn_if_unverified(keys, "wet_vs_dry_route")
    sources = {k: _figures()[k]["source_id"] for k in keys}

    def per_tonne(key: str, unit: str) -> Range:
        low, high = _range(key)
        row_unit = _figures()[key]["unit"]
        return Range(
            Q_(m * Q_(low, row_unit).m_as(f"{unit}/t"), unit),
            Q_(m * Q_(high, row_unit).m_as(f"{unit}/t"), unit),
        )

    wet_e, wet_c = per_tonne("wet_route.electricity", "kWh"), per_tonne("wet_route.coal", "kg")
    dry_e, dry_c = per_tonne("dry_route.electricity", "kWh"), per_tonne("dry_route.coal", "kg")

    def saving(a: Range, b: Range) -> Range:
        return Range(a.low - b.high, a.high - b.low)

    water = heat = None
    slip_args = (slip_moisture, powder_moisture, slip_temperature)
    if slip_moisture is not None and powder_moisture is not None and slip_temperature is not None:
        dryer = spray_dryer_energy(
            powder=Q_(m, "t"),
            slip_moisture=slip_moisture,
            powder_moisture=powder_moisture,
            efficiency=1.0,
            inlet_temperature=slip_temperature,
        )
        water = dryer.water_evaporated.to("t")
        heat = dryer.energy.to("GJ")
    elif any(v is not None for v in slip_args):
        raise InputError(
            "slip_moisture, powder_moisture and slip_temperature go together",
            field="slip_moisture, powder_moisture, slip_temperature",
        )

    wet_energy = dry_energy = overall = implied = None
    if coal_calorific_value is not None:
        ncv = check_range(
            magnitude(coal_calorific_value, "MJ/kg", "coal_calorific_value"),
            "coal_calorific_value",
            low=0.0,
            low_inclusive=False,
            unit="MJ/kg",
        )
        ncv_q = Q_(ncv, "MJ/kg")

        def energy(e: Range, c: Range) -> Range:
            return Range((e.low + c.low * ncv_q).to("kgce"), (e.high + c.high * ncv_q).to("kgce"))

        wet_energy, dry_energy = energy(wet_e, wet_c), energy(dry_e, dry_c)
        with np.errstate(divide="ignore", invalid="ignore"):
            overall = Range(
                (1.0 - dry_energy.high / wet_energy.low).to("dimensionless"),
                (1.0 - dry_energy.low / wet_energy.high).to("dimensionless"),
            )
            if heat is not None:
                implied = Range(
                    (heat / (wet_c.high * ncv_q)).to("dimensionless"),
                    (heat / (wet_c.low * ncv_q)).to("dimensionless"),
                )
    reported = _figures()["dry_route.overall_saving"]["low"]
    return WetDryComparison(
        wet_electricity=wet_e,
        wet_coal=wet_c,
        dry_electricity=dry_e,
        dry_coal=dry_c,
        electricity_saving=saving(wet_e, dry_e),
        coal_saving=saving(wet_c, dry_c),
        water_evaporated=water,
        evaporation_heat=heat,
        wet_energy=wet_energy,
        dry_energy=dry_energy,
        overall_saving=overall,
        implied_spray_dryer_efficiency=implied,
        reported_overall_saving_min=Q_(reported, "dimensionless"),
        status=status,
        sources=sources,
    )
