"""Allocation sensitivity of a product footprint (ISO 14067:2018 6.4.6.2).

When several allocation procedures seem applicable, ISO 14067 asks for a sensitivity
analysis showing the consequences of departing from the chosen one. This module runs
the footprint once per method whose data the plant file holds (mass: output masses;
area: outputs in m^2; economic: output values; physical: declared ``energy_share``)
and tabulates the per-unit footprint under each.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from greenchain.data.vocabulary import ALLOCATIONS
from greenchain.errors import GreenchainError, collect_caveats

__all__ = ["allocation_sensitivity", "SENSITIVITY_COLUMNS"]

#: columns of :attr:`FootprintResult.allocation_sensitivity`
SENSITIVITY_COLUMNS = ("method", "share", "per_unit", "difference", "chosen", "note")


def allocation_sensitivity(
    run: Callable[[str], tuple[float, float]],
    chosen: str,
    chosen_per_unit: float,
    chosen_share: float | None,
) -> pd.DataFrame:
    """Per-unit footprint of a product under each allocation method that has its data.

    Parameters
    ----------
    run : callable
        ``run(method)`` -> ``(per_unit, share)``: the footprint (kgCO2e per declared
        unit) and the product's share of the shared plant emissions under ``method``;
        raises a :class:`~greenchain.errors.GreenchainError` when the plant file lacks
        that method's data.
    chosen : str
        The method of the result (``mass``, ``area``, ``economic`` or ``physical``).
    chosen_per_unit : float
        The result's footprint (kgCO2e per declared unit).
    chosen_share : float, optional
        The product's share of the shared plant emissions in the result [-].

    Returns
    -------
    pandas.DataFrame
        One row per applicable method (in the order mass, area, economic, physical):
        ``method``, ``share`` (the product's share of the shared plant emissions [-]),
        ``per_unit`` (kgCO2e per declared unit), ``difference`` (relative to the chosen
        method [-]), ``chosen`` (bool) and ``note``. Caveats of the extra runs are
        dropped (the chosen run reports its own).

    Examples
    --------
    >>> def run(m):
    ...     if m == "economic":
    ...         raise GreenchainError("no value")
    ...     return {"mass": (2.0, 0.5), "area": (3.0, 0.75), "physical": (2.0, 0.5)}[m]
    >>> t = allocation_sensitivity(run, "mass", 2.0, 0.5)
    >>> t[["method", "per_unit", "difference", "chosen"]].values.tolist()
    [['mass', 2.0, 0.0, True], ['area', 3.0, 0.5, False], ['physical', 2.0, 0.0, False]]
    """
    rows = []
    for method in ALLOCATIONS:
        if method == chosen:
            rows.append((method, chosen_share, chosen_per_unit, "the result's method"))
            continue
        try:
            with collect_caveats():
                per_unit, share = run(method)
        except GreenchainError:
            continue  # the plant file lacks this method's data: not applicable
        note = "sensitivity only (no justification stated)" if method == "economic" else ""
        rows.append((method, share, per_unit, note))
    out = pd.DataFrame(
        [
            {
                "method": m,
                "share": s,
                "per_unit": v,
                "difference": (v / chosen_per_unit - 1.0) if chosen_per_unit else float("nan"),
                "chosen": m == chosen,
                "note": n,
            }
            for m, s, v, n in rows
        ],
        columns=list(SENSITIVITY_COLUMNS),
    )
    return out
