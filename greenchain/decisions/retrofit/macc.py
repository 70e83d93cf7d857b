"""Marginal abatement cost curve (MACC) of retrofit measures, and the rows it may stack.

:func:`curve_rows` picks the rows of a
:func:`~greenchain.decisions.retrofit.assess.plant_retrofits` table that a curve or a
waterfall can stack; :func:`macc` draws them. matplotlib is imported inside :func:`macc` only, so importing this module (or
``greenchain.decisions.retrofit``) never loads a plotting backend.

Note that ``greenchain.decisions.retrofit.macc`` is the *function* once the package is imported
(the package re-exports it under the module's name); use ``from greenchain.decisions.retrofit
import macc``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from greenchain.errors import InputError

__all__ = ["macc", "curve_rows"]


def _column(results: Any, column: str, argument: str) -> Any:
    try:
        return results[column]
    except (KeyError, IndexError, TypeError) as exc:
        raise InputError(
            f"results has no column {column!r} (set {argument}= to the right name)",
            field=argument,
        ) from exc


def _floats(values: Any, column: str) -> np.ndarray:
    try:
        return np.asarray(values, dtype=float)
    except (TypeError, ValueError) as exc:
        raise InputError("must hold plain numbers", field=column) from exc


def macc(
    results: Any,
    ax: Any = None,
    *,
    label_column: str = "measure",
    abatement_column: str = "co2_avoided_t",
    cost_column: str = "abatement_cost",
) -> Any:
    """Draw the marginal abatement cost curve of a set of measures.

    Each measure is a bar whose width is its yearly abatement and whose height is its
    cost per tonne abated; bars are sorted by ascending cost and placed edge to edge,
    so the x axis is the cumulative abatement. Measures that save money have negative
    cost and are drawn below the axis.

    Parameters
    ----------
    results : pandas.DataFrame or mapping of columns
        One row per measure.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when omitted.
    label_column : str, default "measure"
        Column with the measure names (bar labels).
    abatement_column : str, default "co2_avoided_t"
        Column with the abatement of each measure per year, > 0 [t].
    cost_column : str, default "abatement_cost"
        Column with the cost of abatement, in currency per tonne CO2 abated, e.g. minus
        the annualised net saving divided by the abatement.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on; ``ax.patches`` are the bars in drawing (cost) order.

    Raises
    ------
    InputError
        A column is missing, a value is not a finite number, there are no measures, or
        some measures have zero or negative abatement (they cannot be drawn; the message
        names them).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> df = pd.DataFrame({"measure": ["VFD", "kiln heat recovery"],
    ...                    "co2_avoided_t": [120.0, 800.0],
    ...                    "abatement_cost": [150.0, -60.0]})
    >>> ax = macc(df)
    >>> [float(p.get_width()) for p in ax.patches]
    [800.0, 120.0]
    """
    labels = [str(v) for v in _column(results, label_column, "label_column")]
    width = _floats(_column(results, abatement_column, "abatement_column"), abatement_column)
    cost = _floats(_column(results, cost_column, "cost_column"), cost_column)
    if len(labels) == 0:
        raise InputError("no measures to draw", field="results")
    for name, values in ((abatement_column, width), (cost_column, cost)):
        bad = ~np.isfinite(values)
        if bad.any():
            names = ", ".join(labels[i] for i in np.flatnonzero(bad))
            raise InputError(f"not a finite number for: {names}", field=name)
    not_drawable = width <= 0
    if not_drawable.any():
        names = ", ".join(labels[i] for i in np.flatnonzero(not_drawable))
        raise InputError(
            f"zero or negative abatement cannot be drawn on a MACC: {names}",
            field=abatement_column,
        )

    order = np.argsort(cost, kind="stable")
    width, cost = width[order], cost[order]
    labels = [labels[i] for i in order]
    left = np.concatenate(([0.0], np.cumsum(width)[:-1]))

    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots()
    colors = np.where(cost < 0, "tab:green", "tab:red")
    ax.bar(
        left, cost, width=width, align="edge", color=list(colors), edgecolor="white", linewidth=0.8
    )
    ax.axhline(0.0, color="black", linewidth=0.8)
    span = float(np.ptp(np.append(cost, 0.0))) or 1.0
    for x, w, h, text in zip(left, width, cost, labels, strict=True):
        offset = 0.02 * span if h >= 0 else -0.02 * span
        ax.text(
            x + w / 2,
            h + offset,
            text,
            rotation=90,
            ha="center",
            va="bottom" if h >= 0 else "top",
            fontsize="small",
        )
    ax.set_xlim(0.0, float(left[-1] + width[-1]))
    ax.set_xlabel("Abatement [t CO$_2$/yr]")
    ax.set_ylabel("Abatement cost [currency/t CO$_2$]")
    ax.set_title("Marginal abatement cost curve")
    return ax


def curve_rows(table: pd.DataFrame, *, co2_column: str = "co2_avoided_t") -> pd.DataFrame:
    """Rows of a :func:`~greenchain.decisions.retrofit.assess.plant_retrofits` table that a
    MAC curve or waterfall can stack.

    Keeps the measures evaluated in the table's own interaction mode (package
    increments; an alternative evaluated alone would count its stream twice) that avoid
    CO2 (``co2_column`` > 0) and have an abatement cost.

    Parameters
    ----------
    table : pandas.DataFrame
        A :func:`~greenchain.decisions.retrofit.assess.plant_retrofits` table.
    co2_column : str, default "co2_avoided_t"
        The abatement column: ``co2_avoided_t`` (location-based) or
        ``co2_avoided_market_t``.

    Returns
    -------
    pandas.DataFrame
        The rows kept, in the table's order.

    Examples
    --------
    >>> import warnings, greenchain as gc
    >>> from greenchain.decisions.retrofit import plant_retrofits
    >>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     rows = curve_rows(plant_retrofits(plant))
    >>> "dry_granulation" in set(rows["measure"])  # an alternative, evaluated alone
    False
    """
    mode = table.attrs.get("totals", {}).get("interaction", "package")
    co2 = pd.to_numeric(table[co2_column], errors="coerce")
    cost = pd.to_numeric(table["abatement_cost"], errors="coerce")
    return table[(co2 > 0) & cost.notna() & (table["evaluated"] == mode)]
