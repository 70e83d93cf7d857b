r"""Pitot traverse of a fan duct: mean velocity pressure and the 75 % rule (MEASUR, AMCA 203).

A fan field test measures the velocity pressure at a grid of points across a duct
with a Pitot tube. :func:`traverse_velocity_pressure` gives the plane's mean velocity
pressure, the square of the mean root velocity pressure (so that it gives the mean
velocity), and the share of points above a tenth of the largest reading: AMCA 203
asks that at least 75 % of the readings be above that for a usable traverse plane.
It ports MEASUR's ``VelocityPressureTraverseData`` (``include/fans/Planar.h``).

Examples
--------
>>> from greenchain import Q_
>>> r = traverse_velocity_pressure(Q_([[0.5, 0.6], [0.7, 0.8]], "inH2O"), 1.0)
>>> round(float(r.velocity_pressure.m_as("inH2O")), 4)
0.6451
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from greenchain.errors import InputError, caveat
from greenchain.units import QuantityLike, check_range, magnitude, quantity

__all__ = ["TraverseResult", "traverse_velocity_pressure"]

# AMCA 203 usability test: a reading counts when above this share of the largest one
# (and at least 75 % of the readings should count).
_LOW_READING_SHARE = 0.1


@dataclass(frozen=True)
class TraverseResult:
    """Result of :func:`traverse_velocity_pressure`.

    Attributes
    ----------
    velocity_pressure : Quantity
        Mean velocity pressure of the plane [Pa], :math:`(\\overline{\\sqrt{p_v}})^2`.
    share_above_tenth : Quantity
        Share of readings above a tenth of the largest one [dimensionless]
        (MEASUR's ``percent75Rule``; AMCA 203 wants at least 0.75).
    """

    velocity_pressure: Any
    share_above_tenth: Any


def traverse_velocity_pressure(
    readings: QuantityLike, pitot_coefficient: QuantityLike = 1.0
) -> TraverseResult:
    r"""Mean velocity pressure of a Pitot traverse and its AMCA 203 usability share.

    Parameters
    ----------
    readings : array-like or Quantity
        Velocity-pressure readings, one row per traverse line [Pa].
    pitot_coefficient : float, default 1.0
        Pitot-tube coefficient [dimensionless], > 0; readings are multiplied by
        its square.

    Returns
    -------
    TraverseResult
        Mean velocity pressure and the share of readings above a tenth of the largest.

    Raises
    ------
    InputError
        Readings not a two-dimensional table, or no positive reading.

    Notes
    -----
    .. math:: p_v = \left(\frac{1}{N}\sum_i \sqrt{C^2 p_{v,i}}\right)^2

    Zero or negative readings (reverse flow) count as zero in the mean, as AMCA 203
    and MEASUR do; a ``UserWarning`` says so when there are any.

    References
    ----------
    AMCA 203-90, *Field Performance Measurement of Fan Systems*, section 9; US DOE
    MEASUR, AMO-Tools-Suite ``include/fans/Planar.h`` (``VelocityPressureTraverseData``)
    and ``tests/wasm/fan/wasm-fan-test.js`` (``getVelocityPressureData``).

    Examples
    --------
    >>> r = traverse_velocity_pressure([[150.0, 160.0], [10.0, 170.0]], 0.9)
    >>> round(float(r.share_above_tenth.m_as("")), 2)
    0.75
    """
    pv = np.asarray(magnitude(readings, "Pa", "readings"), dtype=float)
    if pv.ndim != 2 or pv.size == 0:
        raise InputError("needs a table of readings, one row per traverse line", field="readings")
    c = float(
        check_range(
            magnitude(pitot_coefficient, "", "pitot_coefficient"), "pitot_coefficient", low=0,
            low_inclusive=False,
        )
    )  # fmt: skip
    if np.any(pv <= 0):
        caveat(
            f"{int(np.sum(pv <= 0))} zero or negative readings counted as zero (AMCA 203)",
            UserWarning,
            field="readings",
        )
    pv = np.where(pv > 0, pv * c**2, 0.0)
    if not np.any(pv > 0):
        raise InputError("needs at least one positive reading", field="readings")
    mean = np.sum(np.sqrt(pv)) / pv.size
    share = np.sum(pv > _LOW_READING_SHARE * np.max(pv)) / pv.size
    return TraverseResult(
        velocity_pressure=quantity(mean**2, "Pa"),
        share_above_tenth=quantity(share, "dimensionless"),
    )
