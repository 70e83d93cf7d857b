"""Plots of a green-factory :class:`~greenchain.decisions.scoring.ScoreResult`.

matplotlib is imported inside the functions only, so importing
:mod:`greenchain.decisions.scoring` stays light. Each function takes ``ax=None`` (a new
figure is made) and returns the Axes.

Examples
--------
>>> import warnings
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from greenchain.decisions.scoring import score, area_radar, gap_chart
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")
...     r = score("GB/T 36132-2018", evidence={"buildings_mandatory": "yes"})
>>> area_radar(r).name
'polar'
>>> len(gap_chart(r, top=5).patches)
5
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from greenchain.errors import InputError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from greenchain.decisions.scoring.engine import ScoreResult

__all__ = ["area_radar", "gap_chart"]


def area_radar(result: ScoreResult, ax: Axes | None = None, *, lang: str = "en") -> Axes:
    """Plot the share of points obtained per area, as a radar (or bars below 3 areas).

    Parameters
    ----------
    result : ScoreResult
        Output of :func:`~greenchain.decisions.scoring.score`.
    ax : matplotlib Axes, optional
        A polar Axes (``subplot_kw={"projection": "polar"}``) for 3 areas or more;
        any Axes for fewer. A new figure when omitted.
    lang : {"en", "zh"}
        Area labels in English or Chinese (Chinese needs a CJK font).

    Returns
    -------
    matplotlib.axes.Axes

    Notes
    -----
    The share is points obtained / points available in the area [%] over the
    indicators that could be scored; areas with nothing scorable are drawn at 0
    and labelled "n/a".
    """
    import matplotlib.pyplot as plt

    df = result.by_area
    names = df["name_zh" if lang == "zh" else "name_en"].tolist()
    share = (df["share"] * 100.0).to_numpy(dtype=float)
    labels = [f"{n}\n(n/a)" if np.isnan(s) else n for n, s in zip(names, share, strict=True)]
    values = np.nan_to_num(share, nan=0.0)
    title = f"{result.scheme.document}: {result.total:.1f} of {result.max_total:.1f}"
    if not result.gates_passed:
        title += " (gates not passed)"
    if len(values) < 3:
        if ax is None:
            _, ax = plt.subplots()
        ax.bar(labels, values, color="tab:green")
        ax.set_ylim(0, 100)
        ax.set_ylabel("share of area points obtained [%]")
        ax.set_title(title)
        return ax
    if ax is None:
        _, ax = plt.subplots(subplot_kw={"projection": "polar"})
    elif ax.name != "polar":
        raise InputError(
            "a radar needs a polar Axes: plt.subplots(subplot_kw={'projection': 'polar'})",
            field="ax",
        )
    angles = np.linspace(0.0, 2.0 * np.pi, len(values), endpoint=False)
    closed_a = np.append(angles, angles[0])
    closed_v = np.append(values, values[0])
    ax.plot(closed_a, closed_v, color="tab:green")
    ax.fill(closed_a, closed_v, color="tab:green", alpha=0.25)
    ax.set_xticks(angles)
    ax.set_xticklabels(labels)
    ax.set_ylim(0, 100)
    ax.set_title(title)
    return ax


def gap_chart(
    result: ScoreResult, ax: Axes | None = None, top: int = 10, *, lang: str = "en"
) -> Axes:
    """Plot the indicators with the most points still available, largest first.

    Parameters
    ----------
    result : ScoreResult
        Output of :func:`~greenchain.decisions.scoring.score`.
    ax : matplotlib Axes, optional
        Axes to draw on; a new figure when omitted.
    top : int, default 10
        Number of indicators shown.
    lang : {"en", "zh"}
        Indicator labels in English or Chinese.

    Returns
    -------
    matplotlib.axes.Axes

    Notes
    -----
    Bars show ``total_gain`` from :attr:`ScoreResult.gaps`: the rise in the total
    if the indicator reached full points (points for GB/T 36132-2025, weight x
    gap / area points for GB/T 36132-2018). Indicators whose gap is unknown (no
    points or thresholds) are not drawn; they are listed in ``result.gaps``.
    """
    import matplotlib.pyplot as plt

    if top < 1:
        raise InputError(f"must be >= 1, got {top}", field="top")
    gaps = result.gaps[result.gaps["total_gain"].notna()].head(top)
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 0.4 * max(len(gaps), 3) + 1))
    labels: list[Any] = []
    if lang == "zh":
        zh = result.by_indicator.set_index("indicator")["name_zh"]
        labels = [zh[i] for i in gaps["indicator"]]
    else:
        labels = [f"{n} ({i})" for n, i in zip(gaps["name_en"], gaps["indicator"], strict=True)]
    y = np.arange(len(gaps))
    ax.barh(y, gaps["total_gain"].to_numpy(dtype=float), color="tab:orange")
    ax.set_yticks(y)
    ax.set_yticklabels(labels)
    ax.invert_yaxis()
    ax.set_xlabel("points available toward the total")
    ax.set_title(f"{result.scheme.document}: largest gaps")
    if gaps.empty:
        ax.text(
            0.5, 0.5, "no gaps with known points", ha="center", va="center", transform=ax.transAxes
        )
    return ax
