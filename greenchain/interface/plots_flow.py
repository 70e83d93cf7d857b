"""Energy-flow (Sankey) diagram and monthly energy profile of a plant.

:func:`energy_flows` turns a plant's energy account into flows from carriers to uses
(``energy[].use``) and from uses to products (``energy[].product``, or "not
allocated to a product"), in tce on the equal-value basis of the result, so that the
carriers add up. :func:`energy_sankey` draws them with matplotlib patches (three
columns of nodes joined by bands whose widths are the flows); :func:`monthly_profile`
draws stacked bars of energy by month and carrier from records with a ``period``
column.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import greenchain as gc
>>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
>>> flows = energy_flows(plant.data, plant.energy())
>>> sorted(set(flows["stage"]))
['carrier_use', 'use_product']
>>> ax = energy_sankey(flows)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from greenchain.errors import InputError
from greenchain.interface.labels import label
from greenchain.interface.plots import chart_language, new_axes

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["energy_flows", "energy_sankey", "monthly_energy", "monthly_profile"]

_TEXT: dict[str, tuple[str, str]] = {
    "sankey": ("Energy flow [tce, equal value]", "能源流向 [tce，当量值]"),
    "carriers": ("Energy carriers", "能源品种"),
    "uses": ("Uses", "用途"),
    "products": ("Products", "产品"),
    "monthly": ("Energy by month [tce]", "逐月能源消费量 [tce]"),
    "month": ("Month", "月份"),
    "tce": ("Energy [tce]", "能源消费量 [tce]"),
}
_COLOURS = (
    "#ef6c00",
    "#1565c0",
    "#2e7d32",
    "#6a1b9a",
    "#c62828",
    "#00838f",
    "#9e9d24",
    "#5d4037",
)


def _t(key: str, lang: str) -> str:
    return _TEXT[key][lang == "zh"]


def energy_flows(data: Any, energy: Any, names: dict[str, str] | None = None) -> pd.DataFrame:
    """Flows from carriers to uses and from uses to products [tce].

    Parameters
    ----------
    data : PlantData
        The plant file (its product ids: a ``product`` that is not one is unallocated).
    energy : EnergyResult
        ``plant.energy()``: its ``activities`` give ``carrier``, ``use``, ``product``,
        ``direction`` and ``tce`` per energy entry.
    names : dict, optional
        Product id -> name to show (e.g. the Chinese names); ids otherwise.

    Returns
    -------
    pandas.DataFrame
        Columns ``stage`` (``carrier_use`` or ``use_product``), ``source``,
        ``target`` and ``tce``. Only energy brought in is drawn (exports are deducted
        in the total, not drawn); an entry without a ``use`` goes through ``no_use``,
        one without a ``product`` to ``unallocated``. Both stages sum to the energy
        brought in.
    """
    a = energy.activities
    if "direction" in a.columns:
        a = a[a["direction"] != "export"]
    ids = {p.id for p in getattr(data, "products", [])}
    names = names or {}
    frame = pd.DataFrame(
        {
            "carrier": a["carrier"].astype(str).to_numpy(),
            "use": [u if isinstance(u, str) and u else "no_use" for u in a.get("use", [])],
            "product": [
                names.get(p, p) if isinstance(p, str) and p in ids else "unallocated"
                for p in a.get("product", [None] * len(a))
            ],
            "tce": a["tce"].to_numpy(dtype=float),
        }
    )
    frame = frame[frame["tce"] > 0]
    first = frame.groupby(["carrier", "use"], sort=False)["tce"].sum().reset_index()
    second = frame.groupby(["use", "product"], sort=False)["tce"].sum().reset_index()
    return pd.concat(
        [
            first.rename(columns={"carrier": "source", "use": "target"}).assign(
                stage="carrier_use"
            ),
            second.rename(columns={"use": "source", "product": "target"}).assign(
                stage="use_product"
            ),
        ],
        ignore_index=True,
    )[["stage", "source", "target", "tce"]]


def _nodes(values: dict[str, float], x: float, scale: float, gap: float) -> dict[str, list[float]]:
    """Node boxes ``name -> [x, bottom, height]`` stacked from the top of a column."""
    out: dict[str, list[float]] = {}
    top = 1.0
    for name, v in values.items():
        h = v * scale
        out[name] = [x, top - h, h]
        top -= h + gap
    return out


def _band(
    ax: Axes, x0: float, y0: tuple[float, float], x1: float, y1: tuple[float, float], colour: str
) -> None:
    """A band from ``x0`` (bottom, top ``y0``) to ``x1`` (``y1``) with smooth edges."""
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path

    xm = (x0 + x1) / 2
    verts = [
        (x0, y0[1]),
        (xm, y0[1]),
        (xm, y1[1]),
        (x1, y1[1]),
        (x1, y1[0]),
        (xm, y1[0]),
        (xm, y0[0]),
        (x0, y0[0]),
        (x0, y0[1]),
    ]
    codes = [Path.MOVETO, *[Path.CURVE4] * 3, Path.LINETO, *[Path.CURVE4] * 3, Path.CLOSEPOLY]
    ax.add_patch(PathPatch(Path(verts, codes), facecolor=colour, alpha=0.45, lw=0))


def energy_sankey(flows: pd.DataFrame, ax: Axes | None = None, lang: str = "en") -> Axes:
    """Sankey diagram of :func:`energy_flows`: carriers → uses → products [tce].

    Parameters
    ----------
    flows : pandas.DataFrame
        :func:`energy_flows` (``stage``, ``source``, ``target``, ``tce``).
    ax : matplotlib Axes, optional
        Axes to draw on; a new figure when omitted.
    lang : {"en", "zh"}
        Label language (ids through :func:`greenchain.interface.labels.label`).

    Returns
    -------
    matplotlib.axes.Axes
        One rectangle per node (``ax.patches`` also holds the bands).
    """
    lang = chart_language(lang)
    if not {"stage", "source", "target", "tce"} <= set(flows.columns) or not len(flows):
        raise InputError("expected energy_flows() with at least one flow", field="flows")
    ax = new_axes(ax, size=(7.5, 4.2))
    first = flows[flows["stage"] == "carrier_use"]
    second = flows[flows["stage"] == "use_product"]
    total = float(first["tce"].sum())
    columns = [
        first.groupby("source", sort=False)["tce"].sum().sort_values(ascending=False),
        first.groupby("target", sort=False)["tce"].sum().sort_values(ascending=False),
        second.groupby("target", sort=False)["tce"].sum().sort_values(ascending=False),
    ]
    gap = 0.03
    most = max(len(c) for c in columns)
    scale = (1.0 - gap * (most - 1)) / total if total > 0 else 0.0
    width = 0.06
    xs = (0.0, 0.38, 0.74)
    boxes = [_nodes(c.to_dict(), x, scale, gap) for c, x in zip(columns, xs, strict=True)]
    colours = {c: _COLOURS[i % len(_COLOURS)] for i, c in enumerate(columns[0].index)}
    use_colour = {
        u: colours.get(first[first["target"] == u].sort_values("tce")["source"].iloc[-1], "grey")
        for u in columns[1].index
    }
    from matplotlib.patches import Rectangle

    for stage, (left, right, colour_of) in enumerate(
        ((boxes[0], boxes[1], colours), (boxes[1], boxes[2], use_colour))
    ):
        part = first if stage == 0 else second
        out_used = {k: 0.0 for k in left}
        in_used = {k: 0.0 for k in right}
        for row in part.sort_values("tce", ascending=False).itertuples():
            h = float(row.tce) * scale
            lx, lb, lh = left[row.source]
            rx, rb, rh = right[row.target]
            ltop = lb + lh - out_used[row.source]
            rtop = rb + rh - in_used[row.target]
            out_used[row.source] += h
            in_used[row.target] += h
            _band(ax, lx + width, (ltop - h, ltop), rx, (rtop - h, rtop), colour_of[row.source])
    from greenchain.interface.report_format import format_number

    for i, column in enumerate(boxes):
        for name, (x, bottom, h) in column.items():
            colour = colours.get(name, "#607d8b") if i == 0 else "#455a64"
            ax.add_patch(Rectangle((x, bottom), width, h, facecolor=colour, lw=0))
            value = columns[i][name]
            text = f"{label(name, lang)}  {format_number(value, lang, decimals=0)}"
            if total > 0:
                text += f" ({value / total:.0%})"
            ax.text(x + width + 0.01, bottom + h / 2, text, va="center", fontsize="small")
    for x, key in zip(xs, ("carriers", "uses", "products"), strict=True):
        ax.text(x + width / 2, 1.04, _t(key, lang), ha="center", fontsize="small", weight="bold")
    ax.set_xlim(-0.01, 1.06)
    ax.set_ylim(min(b[1] for c in boxes for b in c.values()) - 0.02, 1.1)
    ax.axis("off")
    ax.set_title(_t("sankey", lang))
    return ax


def monthly_energy(records: pd.DataFrame, source: str | None = None) -> pd.DataFrame:
    """Energy by month and carrier [tce] of records with a ``period`` (or ``month``) column.

    Parameters
    ----------
    records : pandas.DataFrame
        Activity records as for :func:`greenchain.accounting.energy.from_records`
        (``carrier``, ``amount``, ``unit``) plus ``period`` (``2024-01`` …) or ``month``.
    source : str, optional
        The records' file name, named in messages.

    Returns
    -------
    pandas.DataFrame
        Columns ``period``, ``carrier`` and ``tce``, sorted by period.

    Raises
    ------
    InputError
        No ``period`` or ``month`` column, or records the energy account refuses.
    """
    from greenchain.accounting import energy

    column = next((c for c in ("period", "month") if c in records.columns), None)
    if column is None:
        raise InputError("monthly records need a 'period' or 'month' column", field="period")
    result = energy.from_records(records, source=source)
    a = result.activities.assign(period=records[column].astype(str).to_numpy())
    out = a.groupby(["period", "carrier"], sort=True)["tce"].sum().reset_index()
    return out[["period", "carrier", "tce"]]


def monthly_profile(table: pd.DataFrame, ax: Axes | None = None, lang: str = "en") -> Axes:
    """Stacked bars of energy by month and carrier [tce] (:func:`monthly_energy`).

    Parameters
    ----------
    table : pandas.DataFrame
        ``period``, ``carrier`` and ``tce`` columns.
    ax : matplotlib Axes, optional
        Axes to draw on; a new figure when omitted.
    lang : {"en", "zh"}
        Label language.

    Returns
    -------
    matplotlib.axes.Axes
        One bar per month and carrier.
    """
    lang = chart_language(lang)
    if not {"period", "carrier", "tce"} <= set(table.columns) or not len(table):
        raise InputError("expected a table with period, carrier and tce", field="table")
    ax = new_axes(ax, size=(7.5, 3.8))
    wide = table.pivot_table(index="period", columns="carrier", values="tce", aggfunc="sum")
    wide = wide.fillna(0.0).sort_index()
    x = np.arange(len(wide))
    bottom = np.zeros(len(wide))
    for i, carrier in enumerate(wide.columns):
        values = wide[carrier].to_numpy(dtype=float)
        ax.bar(
            x,
            values,
            bottom=bottom,
            color=_COLOURS[i % len(_COLOURS)],
            label=label(carrier, lang),
        )
        bottom += values
    ax.set_xticks(x)
    ax.set_xticklabels([str(p) for p in wide.index], rotation=45, ha="right", fontsize="small")
    ax.set_xlabel(_t("month", lang))
    ax.set_ylabel(_t("tce", lang))
    ax.set_title(_t("monthly", lang))
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax
