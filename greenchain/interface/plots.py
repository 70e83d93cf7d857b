"""Plots of plant results: emissions, energy, retrofits, GB 21252 standing, scores.

Green-factory scores: :func:`area_radar` (the share of points per area; also
reachable as :func:`score_radar`) and :func:`gap_chart` (the indicators with the most
points still available) draw a :class:`~greenchain.decisions.scoring.ScoreResult`.

Every function takes ``ax=None`` (a new figure is made when omitted), returns the
matplotlib Axes it drew on, and labels in English (``lang="en"``) or Chinese
(``lang="zh"``). matplotlib is imported inside the functions only, so importing
this module never loads a plotting backend.

Chinese labels need a CJK font: :func:`use_cjk_font` looks for one (Noto Sans
CJK, Source Han Sans, WenQuanYi, SimHei, Microsoft YaHei, PingFang …) and puts it
first in matplotlib's ``font.sans-serif``. When none is installed, ``lang="zh"``
falls back to English labels with one :class:`~greenchain.errors.FallbackWarning`
per plot, instead of drawing empty boxes.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import greenchain as gc
>>> from greenchain import plots
>>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
>>> ax = plots.energy_by_carrier(plant.energy())
>>> len(ax.patches)  # one bar per carrier
3
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from greenchain.errors import FallbackWarning, InputError, caveat
from greenchain.interface.labels import label
from greenchain.units import check_range, magnitude

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "emissions_by_category",
    "emissions_by_scope",
    "energy_by_carrier",
    "retrofit_waterfall",
    "mac_curve",
    "limit_standing",
    "area_radar",
    "score_radar",
    "gap_chart",
    "use_cjk_font",
    "chart_language",
    "new_axes",
]

#: CJK fonts looked for, in order of preference (matplotlib family names).
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Source Han Sans",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "STHeiti",
    "Noto Sans CJK JP",
    "Noto Sans CJK TC",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "SimSun",
    "AR PL UMing CN",
    "Droid Sans Fallback",
)
_CJK_HINTS = ("CJK", "Han Sans", "Han Serif", "WenQuanYi", "YaHei", "SimHei", "Heiti", "PingFang")

_TEXT: dict[str, tuple[str, str]] = {
    "by_category": ("GHG emissions by category", "温室气体排放（按类别）"),
    "by_scope": ("GHG emissions by scope", "温室气体排放（按范围）"),
    "tco2e": ("Emissions [t CO$_2$e]", "排放量 [t CO$_2$e]"),
    "by_carrier": ("Energy consumption by carrier", "综合能源消费量（按品种）"),
    "tce": ("Energy [tce]", "能源消费量 [tce]"),
    "waterfall": ("Emissions before and after retrofits", "改造前后的排放"),
    "baseline": ("Baseline", "基准"),
    "after": ("After", "改造后"),
    "tco2e_yr": ("Emissions [t CO$_2$e/yr]", "年排放量 [t CO$_2$e/年]"),
    "macc": ("Marginal abatement cost curve", "边际减排成本曲线"),
    "macc_x": ("Abatement [t CO$_2$/yr]", "减排量 [t CO$_2$/年]"),
    "macc_y": ("Abatement cost [CNY/t CO$_2$]", "减排成本 [元/t CO$_2$]"),
    "level_1": ("Level 1", "1级"),
    "level_2": ("Level 2", "2级"),
    "level_3": ("Level 3 (limit)", "3级（限定值）"),
    "plant": ("This plant", "本厂"),
    "limits": ("GB 21252-2023 energy consumption per unit product", "GB 21252-2023 单位产品能耗"),
    "specific": ("Specific energy", "单位产品综合能耗"),
    "meets": ("meets level {}", "达到{}级"),
    "fails": ("above level 3: does not meet the limit", "高于3级：未达到限定值"),
    "score": ("Share of points per area", "各方面得分率"),
    "share": ("Share of points [%]", "得分率 [%]"),
    "na": ("n/a", "无数据"),
    "gain": ("points available toward the total", "可提升的总分"),
    "gaps": ("largest gaps", "主要差距"),
    "no_gaps": ("no gaps with known points", "没有可计算分值的差距"),
}


def _find_cjk_font() -> str | None:
    """Name of an installed CJK font known to matplotlib, or None."""
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in names:
            return name
    for name in sorted(names):
        if any(hint in name for hint in _CJK_HINTS):
            return name
    return None


def use_cjk_font() -> str | None:
    """Make matplotlib draw Chinese text with an installed CJK font.

    Puts the first font of :data:`CJK_FONTS` that is installed (or any font whose
    name says CJK, Han Sans, WenQuanYi …) at the head of ``rcParams["font.sans-serif"]``
    and turns off ``axes.unicode_minus`` (most CJK fonts lack the Unicode minus).

    Returns
    -------
    str or None
        The font used, or None when no CJK font is installed (nothing is changed).
    """
    name = _find_cjk_font()
    if name is None:
        return None
    import matplotlib

    fonts = list(matplotlib.rcParams["font.sans-serif"])
    if not fonts or fonts[0] != name:
        matplotlib.rcParams["font.sans-serif"] = [name, *[f for f in fonts if f != name]]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return name


def chart_language(lang: str) -> str:
    """Validate a chart language; for "zh" set up a CJK font or fall back to English.

    Parameters
    ----------
    lang : {"en", "zh"}
        The language asked for.

    Returns
    -------
    str
        ``lang``, or ``"en"`` when Chinese was asked for and no CJK font is installed
        (with a caveat: labels are drawn in English rather than as empty boxes).

    Raises
    ------
    InputError
        ``lang`` is neither ``"en"`` nor ``"zh"`` (field ``lang``).
    """
    if lang not in ("en", "zh"):
        raise InputError(f"must be 'en' or 'zh', got {lang!r}", field="lang")
    if lang == "zh" and use_cjk_font() is None:
        caveat(
            "no CJK font installed (e.g. Noto Sans CJK SC, WenQuanYi Micro Hei, SimHei): "
            "labels drawn in English",
            FallbackWarning,
            field="lang",
        )
        return "en"
    return lang


def _t(key: str, lang: str) -> str:
    return _TEXT[key][lang == "zh"]


def _label(key: Any, lang: str) -> str:
    return label(key, lang)


def new_axes(ax: Axes | None, *, polar: bool = False, size: tuple[float, float] = (7, 4)) -> Axes:
    """The axes a chart draws on: ``ax`` itself, or those of a new figure.

    Parameters
    ----------
    ax : matplotlib Axes or None
        Axes the caller gave.
    polar : bool, default False
        A polar projection for the new axes (radar charts).
    size : tuple of float, default (7, 4)
        Size of the new figure [in].

    Returns
    -------
    matplotlib.axes.Axes
    """
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=size, subplot_kw={"projection": "polar"} if polar else None)
    return ax


def _table(obj: Any, method: str, columns: tuple[str, ...], name: str) -> pd.DataFrame:
    df = getattr(obj, method)() if hasattr(obj, method) else obj
    if not isinstance(df, pd.DataFrame) or not set(columns) <= set(df.columns):
        raise InputError(
            f"expected a result with {method}() or a DataFrame with columns {list(columns)}",
            field=name,
        )
    return df


def _column(table: Any, column: str, argument: str) -> np.ndarray:
    try:
        values = table[column]
    except (KeyError, IndexError, TypeError) as exc:
        raise InputError(
            f"has no column {column!r} (set {argument}= to the right name)", field=argument
        ) from exc
    return np.asarray(values)


def _hbars(ax: Axes, labels: list[str], values: np.ndarray, texts: list[str], color: Any) -> None:
    y = np.arange(len(values))
    bars = ax.barh(y, values, color=color)
    ax.set_yticks(y)
    ax.set_yticklabels(labels)
    ax.invert_yaxis()
    ax.bar_label(bars, labels=texts, padding=3, fontsize="small")
    ax.margins(x=0.2)


def emissions_by_category(inventory: Any, ax: Axes | None = None, lang: str = "en") -> Axes:
    """Bar chart of the inventory by GB/T 32150 category [t CO2e], one bar per category.

    Parameters
    ----------
    inventory : InventoryResult or DataFrame
        ``plant.inventory()``, or its ``by_category()`` table (``category``, ``co2e_t``).
    ax : matplotlib Axes, optional
        Axes to draw on; a new figure when omitted.
    lang : {"en", "zh"}
        Label language.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.patches`` are the bars, in table order.
    """
    lang = chart_language(lang)
    df = _table(inventory, "by_category", ("category", "co2e_t"), "inventory")
    values = df["co2e_t"].to_numpy(dtype=float)
    ax = new_axes(ax)
    labels = [_label(c, lang) for c in df["category"]]
    total = values.sum()
    texts = [f"{v:,.0f}" + (f" ({v / total:.0%})" if total > 0 else "") for v in values]
    _hbars(ax, labels, values, texts, "tab:red")
    ax.set_xlabel(_t("tco2e", lang))
    ax.set_title(_t("by_category", lang))
    return ax


def emissions_by_scope(inventory: Any, ax: Axes | None = None, lang: str = "en") -> Axes:
    """Bar chart of the inventory by scope [t CO2e], one bar per row of ``by_scope()``.

    Scope 2 appears twice, location-based and market-based (alternatives, not to be
    added); exported energy is the deduction (zero or negative).

    Parameters
    ----------
    inventory : InventoryResult or DataFrame
        ``plant.inventory()``, or its ``by_scope()`` table (``scope``, ``co2e_t``).
    ax : matplotlib Axes, optional
        Axes to draw on; a new figure when omitted.
    lang : {"en", "zh"}
        Label language.

    Returns
    -------
    matplotlib.axes.Axes
    """
    lang = chart_language(lang)
    df = _table(inventory, "by_scope", ("scope", "co2e_t"), "inventory")
    values = df["co2e_t"].to_numpy(dtype=float)
    ax = new_axes(ax)
    colors = ["tab:red" if s == "scope_1" else "tab:purple" for s in df["scope"]]
    _hbars(
        ax, [_label(s, lang) for s in df["scope"]], values, [f"{v:,.0f}" for v in values], colors
    )
    ax.axvline(0.0, color="black", linewidth=0.8)
    ax.set_xlabel(_t("tco2e", lang))
    ax.set_title(_t("by_scope", lang))
    return ax


def energy_by_carrier(energy_result: Any, ax: Axes | None = None, lang: str = "en") -> Axes:
    """Bar chart of comprehensive energy consumption by carrier [tce] with shares.

    Parameters
    ----------
    energy_result : EnergyResult or DataFrame
        ``plant.energy()``, or its ``by_carrier()`` table (``carrier``, ``tce``).
    ax : matplotlib Axes, optional
        Axes to draw on; a new figure when omitted.
    lang : {"en", "zh"}
        Label language.

    Returns
    -------
    matplotlib.axes.Axes
        One bar per carrier.
    """
    lang = chart_language(lang)
    df = _table(energy_result, "by_carrier", ("carrier", "tce"), "energy_result")
    values = df["tce"].to_numpy(dtype=float)
    total = values.sum()
    ax = new_axes(ax)
    texts = [f"{v:,.0f}" + (f" ({v / total:.0%})" if total > 0 else "") for v in values]
    _hbars(ax, [_label(c, lang) for c in df["carrier"]], values, texts, "tab:orange")
    ax.set_xlabel(_t("tce", lang))
    ax.set_title(_t("by_carrier", lang))
    return ax


def retrofit_waterfall(
    baseline_tco2e: Any,
    retrofit_table: Any,
    ax: Axes | None = None,
    lang: str = "en",
    *,
    label_column: str = "measure",
    avoided_column: str = "co2_avoided_t",
) -> Axes:
    """Waterfall from the baseline through each measure's avoided CO2 to the result.

    Parameters
    ----------
    baseline_tco2e : float or Quantity
        Emissions before the measures in a year [t], e.g. ``plant.inventory().total``.
    retrofit_table : DataFrame or mapping of columns
        One row per measure with ``measure`` and ``co2_avoided_t`` (CO2 avoided per
        year [t]).
    ax : matplotlib Axes, optional
        Axes to draw on; a new figure when omitted.
    lang : {"en", "zh"}
        Label language.
    label_column, avoided_column : str
        Column names of the measure labels and the avoided emissions.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.patches``: the baseline bar, one floating bar per measure (in table
        order), the bar after the measures.

    Raises
    ------
    InputError
        A column is missing, an avoided amount is not a finite number (the message
        names the measures), or the measures avoid more than the baseline.

    Notes
    -----
    after = baseline − Σ avoided. The avoided amounts are added, so give them for a
    package evaluated measure after measure; savings of overlapping measures
    computed each on the original baseline overstate the total. A negative avoided
    amount (a measure that adds emissions) is drawn upwards in red.
    """
    lang = chart_language(lang)
    base = float(magnitude(baseline_tco2e, "tCO2e", "baseline_tco2e"))
    labels = [str(v) for v in _column(retrofit_table, label_column, "label_column")]
    raw = _column(retrofit_table, avoided_column, "avoided_column")
    avoided = pd.to_numeric(pd.Series(raw), errors="coerce").to_numpy(dtype=float)
    bad = ~np.isfinite(avoided)
    if bad.any():
        names = ", ".join(labels[i] for i in np.flatnonzero(bad))
        raise InputError(f"not a finite number for: {names}", field=avoided_column)
    after = base - avoided.sum()
    if after < 0:
        raise InputError(
            f"the measures avoid {avoided.sum():,.0f} t, more than the baseline {base:,.0f} t",
            field=avoided_column,
        )
    level = base - np.cumsum(avoided)
    bottoms = np.concatenate(([0.0], np.minimum(level, level + avoided), [0.0]))
    heights = np.concatenate(([base], np.abs(avoided), [after]))
    colors = ["tab:gray", *("tab:green" if a >= 0 else "tab:red" for a in avoided), "tab:blue"]
    ax = new_axes(ax, size=(max(6.0, 0.8 * len(labels) + 3), 4.5))
    x = np.arange(len(heights))
    ax.bar(x, heights, bottom=bottoms, color=colors, edgecolor="white")
    texts = [f"{base:,.0f}", *(f"−{a:,.0f}" if a >= 0 else f"+{-a:,.0f}" for a in avoided)]
    for xi, top, text in zip(x, bottoms + heights, [*texts, f"{after:,.0f}"], strict=True):
        ax.text(float(xi), float(top), text, ha="center", va="bottom", fontsize="small")
    ax.set_xticks(x)
    ax.set_xticklabels([_t("baseline", lang), *labels, _t("after", lang)], rotation=30, ha="right")
    ax.set_ylabel(_t("tco2e_yr", lang))
    ax.set_title(_t("waterfall", lang))
    return ax


def mac_curve(
    retrofit_table: Any, ax: Axes | None = None, lang: str = "en", **columns: str
) -> Axes:
    """Marginal abatement cost curve of the measures (see :func:`greenchain.decisions.retrofit.macc`).

    Parameters
    ----------
    retrofit_table : DataFrame or mapping of columns
        One row per measure: ``measure``, ``co2_avoided_t`` (CO2 avoided per year [t])
        and ``abatement_cost`` (currency per tonne CO2 abated).
    ax : matplotlib Axes, optional
        Axes to draw on; a new figure when omitted.
    lang : {"en", "zh"}
        Label language (axis labels and title; measure names as given).
    **columns
        ``label_column``, ``abatement_column``, ``cost_column`` passed to ``macc``.

    Returns
    -------
    matplotlib.axes.Axes
        One bar per measure, sorted by cost.
    """
    # from the module: the package attribute ``macc`` may be rebound to the module by an
    # old-path import (greenchain.retrofit.macc)
    from greenchain.decisions.retrofit.macc import macc

    lang = chart_language(lang)
    ax = macc(retrofit_table, new_axes(ax, size=(8, 6)), **columns)
    ax.margins(y=0.6)  # room for the rotated measure names above and below the bars
    ax.set_xlabel(_t("macc_x", lang))
    ax.set_ylabel(_t("macc_y", lang))
    ax.set_title(_t("macc", lang))
    return ax


def _level(limits: Any, i: int) -> Any:
    key = f"level_{i}"
    value = limits.get(key) if isinstance(limits, Mapping) else getattr(limits, key, None)
    if value is None:
        raise InputError(f"has no {key} (give gb21252_limits(...) or a mapping)", field="limits")
    return value


def limit_standing(value: Any, limits: Any, ax: Axes | None = None, lang: str = "en") -> Axes:
    """The plant's specific energy against the GB 21252-2023 level 1, 2 and 3 values.

    Parameters
    ----------
    value : float or Quantity
        The plant's energy consumption per unit product, e.g.
        ``plant.energy().intensity("porcelain_tile")``; a plain number is read in the
        unit of the limits.
    limits : GB21252Limits or mapping
        From :func:`greenchain.decisions.grading.gb21252_limits` (``level_1``, ``level_2``,
        ``level_3`` as Quantities).
    ax : matplotlib Axes, optional
        Axes to draw on; a new figure when omitted.
    lang : {"en", "zh"}
        Label language.

    Returns
    -------
    matplotlib.axes.Axes
        Four bars: level 1, level 2, level 3 and the plant; the title says which
        level the plant meets (level 1 is the most stringent, level 3 the limit).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from greenchain.decisions.grading import gb21252_limits
    >>> ax = limit_standing(4.78, gb21252_limits("dry_pressed_tile", 0.1))
    >>> len(ax.patches), ax.get_title().splitlines()[-1]
    (4, 'This plant: 4.78 kgce/m² — meets level 2')
    """
    lang = chart_language(lang)
    levels = [_level(limits, i) for i in (1, 2, 3)]
    unit = getattr(levels[0], "units", "kgce/m^2")
    bounds = [float(magnitude(q, unit, f"limits.level_{i}")) for i, q in enumerate(levels, 1)]
    own = float(magnitude(value, unit, "value"))
    met = next((i for i, b in enumerate(bounds, 1) if own <= b), None)
    standing = _t("meets", lang).format(met) if met else _t("fails", lang)
    ax = new_axes(ax, size=(7, 3.2))
    unit_text = f"{unit:~P}" if not isinstance(unit, str) else unit
    labels = [_t(f"level_{i}", lang) for i in (1, 2, 3)] + [_t("plant", lang)]
    colors = ["tab:green", "gold", "tab:orange", "tab:blue" if met else "tab:red"]
    values = np.array([*bounds, own])
    _hbars(ax, labels, values, [f"{v:.3g}" for v in values], colors)
    ax.set_xlabel(f"{_t('specific', lang)} [{unit_text}]")
    ax.set_title(f"{_t('limits', lang)}\n{_t('plant', lang)}: {own:.3g} {unit_text} — {standing}")
    return ax


def area_radar(
    result: Any,
    ax: Axes | None = None,
    lang: str = "en",
    *,
    labels: Mapping[str, str] | None = None,
    title: str | None = None,
) -> Axes:
    """Radar of the share of points obtained per area (bars when fewer than 3 areas).

    Parameters
    ----------
    result : ScoreResult, DataFrame, Series or mapping
        A :class:`~greenchain.decisions.scoring.ScoreResult` (its ``by_area`` table,
        titled with the total); a ``ScoreResult.by_area`` table (``area``, ``share``,
        ``name_en``, ``name_zh``); or area id -> share of its points obtained, between
        0 and 1 (NaN: nothing scorable, drawn at 0 and labelled n/a).
    ax : matplotlib Axes, optional
        A polar Axes (``subplot_kw={"projection": "polar"}``) for 3 areas or more; any
        Axes for fewer. A new figure when omitted.
    lang : {"en", "zh"}
        Label language.
    labels : mapping, optional
        Area id -> label shown (default: the table's area names, else the names known
        to greenchain, else the id).
    title : str, optional
        Title (default: the scheme and total of a ``ScoreResult``, else "Share of
        points per area").

    Returns
    -------
    matplotlib.axes.Axes
        Radar: ``ax.lines[0]`` holds the n areas plus the closing point; bars: one
        patch per area.

    Raises
    ------
    InputError
        A share outside 0 to 1, no areas, or a radar asked on a non-polar Axes.

    Notes
    -----
    The share is points obtained / points available in the area over the indicators
    that could be scored.

    Examples
    --------
    >>> import warnings
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from greenchain.decisions.scoring import score
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     r = score("GB/T 36132-2018", evidence={"buildings_mandatory": "yes"})
    >>> area_radar(r).name
    'polar'
    >>> len(area_radar({"energy": 0.4, "water": 0.9}).patches)  # two areas: bars
    2
    """
    lang = chart_language(lang)
    names: dict[str, str] = dict(labels or {})
    heading = title
    area_scores = result
    by_area = getattr(result, "by_area", None)
    if isinstance(by_area, pd.DataFrame):  # a ScoreResult
        area_scores = by_area
        if heading is None:
            heading = f"{result.scheme.document}: {result.total:.1f} of {result.max_total:.1f}"
            if not result.gates_passed:
                heading += " (gates not passed)"
    if isinstance(area_scores, pd.DataFrame):
        if not {"area", "share"} <= set(area_scores.columns):
            raise InputError("a table needs columns area and share", field="result")
        col = "name_zh" if lang == "zh" else "name_en"
        if col in area_scores.columns:
            names = {**dict(zip(area_scores["area"], area_scores[col], strict=True)), **names}
        series = pd.Series(area_scores["share"].to_numpy(), index=area_scores["area"])
    else:
        series = pd.Series(area_scores)
    if series.empty:
        raise InputError("no areas to draw", field="result")
    share = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float)
    missing = np.isnan(share)
    check_range(share[~missing], "result", low=0, high=1)
    text = [str(names.get(k, _label(k, lang))) for k in series.index]
    text = [f"{t}\n({_t('na', lang)})" if m else t for t, m in zip(text, missing, strict=True)]
    values = np.nan_to_num(share, nan=0.0) * 100.0
    heading = heading or _t("score", lang)
    if len(values) < 3:
        ax = new_axes(ax, size=(5, 4))
        ax.bar(np.arange(len(values)), values, color="tab:green", tick_label=text)
        ax.set_ylim(0, 100)
        ax.set_ylabel(_t("share", lang))
        ax.set_title(heading)
        return ax
    ax = new_axes(ax, polar=True, size=(6, 6))
    if ax.name != "polar":
        raise InputError(
            "a radar needs a polar Axes: plt.subplots(subplot_kw={'projection': 'polar'})",
            field="ax",
        )
    angles = np.linspace(0.0, 2.0 * np.pi, len(values), endpoint=False)
    closed_a, closed_v = np.append(angles, angles[0]), np.append(values, values[0])
    ax.plot(closed_a, closed_v, color="tab:green", marker="o")
    ax.fill(closed_a, closed_v, color="tab:green", alpha=0.25)
    ax.set_xticks(angles)
    ax.set_xticklabels(text)
    ax.set_ylim(0, 100)
    ax.set_title(heading)
    return ax


#: The same radar under its earlier name.
score_radar = area_radar


def gap_chart(result: Any, ax: Axes | None = None, top: int = 10, *, lang: str = "en") -> Axes:
    """Plot the indicators with the most points still available, largest first.

    Parameters
    ----------
    result : ScoreResult
        Output of :func:`~greenchain.decisions.scoring.score` or
        ``Plant.green_factory_score()``.
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

    Examples
    --------
    >>> import warnings
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from greenchain.decisions.scoring import score
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     r = score("GB/T 36132-2018", evidence={"buildings_mandatory": "yes"})
    >>> len(gap_chart(r, top=5).patches)
    5
    """
    if top < 1:
        raise InputError(f"must be >= 1, got {top}", field="top")
    lang = chart_language(lang)
    gaps = result.gaps[result.gaps["total_gain"].notna()].head(top)
    ax = new_axes(ax, size=(7, 0.4 * max(len(gaps), 3) + 1))
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
    ax.set_xlabel(_t("gain", lang))
    ax.set_title(f"{result.scheme.document}: {_t('gaps', lang)}")
    if gaps.empty:
        ax.text(0.5, 0.5, _t("no_gaps", lang), ha="center", va="center", transform=ax.transAxes)
    return ax
