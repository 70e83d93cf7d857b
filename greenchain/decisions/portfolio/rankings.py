"""Standings and rankings of many plants: league tables, the bottom share, year-on-year change.

* :func:`rank`: rank and percentile of each plant within its group (by default sector
  and region, and always per period and per unit of output), the bottom share flagged,
  and the year-on-year change of the metric.
* :func:`norm_standing`: per plant, product and year, the standing against GB
  21252-2023 (ceramics) or the printing and dyeing industry norm, through
  :func:`greenchain.decisions.grading.product_limits`.
* :func:`norm_limits`: the limit standard of a product named by its kind (a GB 21252
  product key or a dyeing fabric class), without a plant file.

Conventions (see the how-to *A city bureau's portfolio*):

* rank 1 is the best plant (the lowest specific energy; ``higher_is_better=True``
  reverses); ties share the lowest rank (``method="min"``);
* ``percentile`` = 100 x rank / n: the share of the group at or better than the plant
  (the worst plant is at 100);
* the bottom share: the ``ceil(bottom_share x n)`` worst plants of each group are
  flagged, ties with the last of them included; a plant alone in its group is never
  flagged (it has no peers). The share is the user's parameter: no
  national rule fixes it for energy rankings. (The green-factory dynamic management
  removes a factory in the bottom 5 % of scores three years running — a different
  ranking, on the green-factory score, cited in ``green_criteria.md`` as secondary.)

Examples
--------
>>> import pandas as pd
>>> t = pd.DataFrame({"plant_id": list("ABCD"), "year": 2024, "sector": "ceramics",
...                   "region": "Jinjiang", "tce_per_unit": [4.0, 5.0, 3.0, 6.0]})
>>> rank(t, bottom_share=0.25)[["plant_id", "rank", "percentile", "bottom"]].values.tolist()
[['A', 2, 50.0, False], ['B', 3, 75.0, False], ['C', 1, 25.0, False], ['D', 4, 100.0, True]]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

import numpy as np
import pandas as pd

from greenchain.decisions.grading import ProductLimits, gb21252_products, product_limits
from greenchain.decisions.portfolio.frames import (
    SPECIFIC_UNITS,
    as_months,
    period_column,
    require_columns,
    specific_energy,
)
from greenchain.errors import GreenchainError, InputError, collect_caveats, emit_caveats
from greenchain.units import Q_

__all__ = ["rank", "norm_standing", "norm_limits", "RANK_COLUMNS", "STANDING_COLUMNS"]

#: Columns :func:`rank` adds.
RANK_COLUMNS = ("n", "rank", "percentile", "bottom", "previous", "yoy_change", "yoy_percent")

#: Columns of :func:`norm_standing`, in order.
STANDING_COLUMNS = (
    "plant_id",
    "year",
    "product",
    "standard",
    "specific_energy",
    "unit",
    "level",
    "limit",
    "status",
    "reason",
)


def _previous(table: pd.DataFrame, metric: str, period: str, keys: list[str]) -> pd.Series:
    """The metric of the same plant (and product) in the same period of the previous year."""
    if period == "year":
        shifted = table[period] + 1
    else:
        shifted = table[period] + 12
    prior = table[[*keys, period, metric]].copy()
    prior[period] = shifted
    prior = prior.drop_duplicates([*keys, period]).rename(columns={metric: "previous"})
    merged = table[[*keys, period]].merge(prior, on=[*keys, period], how="left")
    return pd.Series(merged["previous"].to_numpy(), index=table.index)


def rank(
    frame: pd.DataFrame,
    *,
    metric: str = "tce_per_unit",
    within: Sequence[str] = ("sector", "region"),
    bottom_share: float = 0.1,
    production: pd.DataFrame | None = None,
    higher_is_better: bool = False,
) -> pd.DataFrame:
    """Rank plants on a metric within their groups, flag the bottom share, add the YoY change.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per plant and period (and product): ``plant_id``, ``year`` or ``month``,
        the ``within`` columns and ``metric`` — or ``tce``/``co2e_t`` with
        ``production`` given, to compute the specific energy first
        (:func:`~greenchain.decisions.portfolio.frames.specific_energy`).
    metric : str, default "tce_per_unit"
        The column ranked: ``tce_per_unit``, ``kgce_per_unit``, ``co2e_t_per_unit`` or
        any numeric column (``tce``, ``co2e_t`` ...).
    within : sequence of str, default ("sector", "region")
        Grouping columns; ranks are also always per period and, for a per-unit metric,
        per unit of output (plants making m^2 are not ranked with plants making t).
        ``()`` ranks every plant of a period together.
    bottom_share : float, default 0.1
        Share of each group flagged as its bottom, between 0 and 1: the
        ``ceil(bottom_share x n)`` worst plants (none in a group of one). The user's parameter (no national rule
        sets it for energy rankings).
    production : pandas.DataFrame, optional
        ``plant_id``, period, ``product``, ``amount``, ``unit``: when given, the specific
        energy is computed from ``frame``'s ``tce``/``co2e_t`` first.
    higher_is_better : bool, default False
        Rank the highest value first (e.g. a renewable share).

    Returns
    -------
    pandas.DataFrame
        ``frame`` (or the specific-energy table) with :data:`RANK_COLUMNS`: ``n`` (plants
        ranked in the group), ``rank`` (1 = best; NaN without a value), ``percentile``
        [%], ``bottom`` (bool), ``previous`` (the metric one year earlier: the previous
        year, or the same month of the previous year), ``yoy_change`` (metric −
        previous) and ``yoy_percent`` [%]. ``attrs`` holds ``metric``, ``groups`` and
        ``bottom_share``.

    Raises
    ------
    InputError
        A missing column (named), a non-numeric metric, ``bottom_share`` outside [0, 1].
    """
    share = float(bottom_share)
    if not 0.0 <= share <= 1.0:
        raise InputError(f"must be between 0 and 1, got {bottom_share!r}", field="bottom_share")
    table = specific_energy(frame, production) if production is not None else frame.copy()
    period = period_column(table, "frame")
    per_unit = metric in SPECIFIC_UNITS
    if per_unit and metric not in table.columns and production is None:
        raise InputError(
            f"missing column {metric!r}: pass production=... (plant_id, period, product, "
            "amount, unit) to compute it, or rank on 'tce' / 'co2e_t'",
            field=f"frame.{metric}",
        )
    require_columns(table, ("plant_id", period, *within, metric), "frame")
    values = pd.to_numeric(table[metric], errors="coerce").astype(float)
    bad = values.isna() & table[metric].notna()
    if bad.any():
        row = bad[bad].index[0]
        raise InputError(
            f"row {row}: {table[metric].loc[row]!r} is not a number", field=f"frame.{metric}"
        )
    table[metric] = values
    if period == "month":
        table["month"] = as_months(table["month"], "frame.month")
    groups = [*within, period] + (["unit"] if per_unit and "unit" in table.columns else [])
    value = table[metric]
    valid = value.notna()
    grouped = value[valid].groupby([table.loc[valid, g] for g in groups], dropna=False)
    n = grouped.transform("count")
    best_first = grouped.rank(method="min", ascending=not higher_is_better)
    worst_first = grouped.rank(method="min", ascending=higher_is_better)
    table["n"] = n.reindex(table.index).astype("Int64")
    table["rank"] = best_first.reindex(table.index).astype("Int64")
    table["percentile"] = 100.0 * table["rank"].astype(float) / table["n"].astype(float)
    flagged = (worst_first <= np.ceil(share * n - 1e-9)) & (n >= 2)  # a lone plant has no peers
    table["bottom"] = flagged.reindex(table.index).fillna(False).astype(bool)
    keys = ["plant_id"] + [c for c in ("product", "unit") if c in table.columns]
    table["previous"] = _previous(table, metric, period, keys)
    table["yoy_change"] = table[metric] - table["previous"]
    with np.errstate(divide="ignore", invalid="ignore"):
        table["yoy_percent"] = np.where(
            table["previous"] > 0, 100.0 * table["yoy_change"] / table["previous"], np.nan
        )
    table.attrs.update({"metric": metric, "groups": groups, "bottom_share": share})
    return table


def norm_limits(
    kind: str,
    *,
    product_id: str = "product",
    water_absorption: Any = None,
    thickness_factor: Any = 1.0,
    edition: str = "2017",
    mass: Any = None,
) -> ProductLimits:
    """The limit standard of a product named by its kind, without a plant file.

    Parameters
    ----------
    kind : str
        A GB 21252-2023 product key (``"dry_pressed_tile"``, ``"sanitary_ware"`` ...,
        :func:`greenchain.decisions.grading.gb21252_products`) or a dyeing fabric class
        (``"woven"``, ``"yarn_knit"``, ``"silk"``, ``"worsted_wool"`` or the Chinese
        names).
    product_id : str, default "product"
        The product's name in messages.
    water_absorption : float, optional
        Water absorption E [%] (GB 21252 tiles and sanitary ware).
    thickness_factor : float, default 1.0
        GB 21252-2023 Table 2 thickness correction factor (tiles and panels).
    edition : str, default "2017"
        Edition of the dyeing norm.
    mass : str or pint.Quantity, optional
        Mass per unit of output (``"0.4 kg/m"``): converts per-metre output to the
        dyeing norm's per-tonne limits (or the reverse).

    Returns
    -------
    ProductLimits
        As :func:`greenchain.decisions.grading.product_limits` for a plant-file product
        with these attributes.

    Raises
    ------
    InputError
        An unknown kind (the message lists the GB 21252 products) or fabric.

    Examples
    --------
    >>> norm_limits("dry_pressed_tile", water_absorption=0.1).standing(4.78)["level"]
    2
    """
    if kind in gb21252_products():
        attributes: dict[str, Any] = {
            "limit_product": kind,
            "water_absorption": water_absorption,
            "thickness_factor": thickness_factor,
        }
    else:
        attributes = {"fabric": kind, "norm_edition": edition}
    quantity = Q_(mass) if isinstance(mass, str) else mass
    product = SimpleNamespace(id=product_id, attributes=attributes, mass=quantity)
    try:
        limits = product_limits(product)
    except InputError as exc:
        raise InputError(
            f"{exc.message}; or a GB 21252-2023 product: {', '.join(gb21252_products())}",
            field="kind",
        ) from exc
    if limits is None:  # pragma: no cover - a kind always names one of the two
        raise InputError(f"no limit standard for {kind!r}", field="kind")
    return limits


def _number(value: Any) -> Any:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def norm_standing(
    frame: pd.DataFrame, production: pd.DataFrame, *, edition: str = "2017"
) -> pd.DataFrame:
    """Per plant, product and year: the standing against GB 21252-2023 or the dyeing norm.

    Monthly tables are summed to years first (energy and output). The product's limit
    standard comes from columns of ``production``: ``limit_product`` (a GB 21252 key,
    with ``water_absorption`` and ``thickness_factor``) or ``fabric`` (a dyeing fabric
    class, with ``mass`` as ``"0.4 kg/m"`` when output and limits differ in unit).
    Products naming neither are left out.

    Parameters
    ----------
    frame : pandas.DataFrame
        ``plant_id``, ``year`` or ``month``, ``tce`` (comprehensive energy [tce]);
        optionally ``product`` when energy is per product.
    production : pandas.DataFrame
        ``plant_id``, the period, ``product``, ``amount``, ``unit`` and the attributes
        above.
    edition : str, default "2017"
        Edition of the dyeing norm (``norm_edition`` in ``production`` overrides it).

    Returns
    -------
    pandas.DataFrame
        :data:`STANDING_COLUMNS`: ``specific_energy`` in the standard's ``unit``,
        ``level`` (1, 2, 3 or ``"below limit"``; ``"meets limit"`` / ``"above limit"``),
        ``limit`` (the level-3 value or the norm's limit), ``status`` of the limit
        values, ``reason`` when a row could not be graded.

    Raises
    ------
    InputError
        A missing column (named); ``production`` naming neither ``limit_product`` nor
        ``fabric``.

    Warns
    -----
    UnverifiedDataWarning
        For the dyeing-norm limits marked unverified (yarn/knit, silk, worsted wool).
    """
    period = period_column(frame, "frame")
    require_columns(frame, ("plant_id", period, "tce"), "frame")
    if not {"limit_product", "fabric"} & set(production.columns):
        raise InputError(
            "needs a 'limit_product' (GB 21252-2023 product) or a 'fabric' (dyeing norm) column",
            field="production.limit_product",
        )
    energy, made = frame.copy(), production.copy()
    if period == "month":
        require_columns(made, ("month",), "production")
        energy["year"] = as_months(energy["month"], "frame.month").dt.year
        made["year"] = as_months(made["month"], "production.month").dt.year
        keys = ["plant_id", "year"] + (["product"] if "product" in energy.columns else [])
        energy = energy.groupby(keys, as_index=False)["tce"].sum()
        made = made.drop(columns=["month"])
    table = specific_energy(energy, made)
    rows: list[dict[str, Any]] = []
    with collect_caveats() as caught:
        for rec in table.to_dict("records"):
            kind = _number(rec.get("limit_product")) or _number(rec.get("fabric"))
            if kind is None:
                continue
            row: dict[str, Any] = {
                "plant_id": rec["plant_id"],
                "year": rec["year"],
                "product": rec["product"],
            }
            try:
                limits = norm_limits(
                    str(kind),
                    product_id=f"{rec['plant_id']}/{rec['product']}",
                    water_absorption=_number(rec.get("water_absorption")),
                    thickness_factor=_number(rec.get("thickness_factor")) or 1.0,
                    edition=str(_number(rec.get("norm_edition")) or edition),
                    mass=_number(rec.get("mass")),
                )
                row["standard"] = limits.standard
                if rec.get("reason") or pd.isna(rec.get("tce_per_unit")):
                    row["reason"] = rec.get("reason") or "no specific energy"
                else:
                    value = Q_(float(rec["tce_per_unit"]), f"tce/({rec['unit']})")
                    s = limits.standing(value)
                    row.update(
                        specific_energy=s["specific_energy"],
                        unit=s["unit"],
                        level=s["level"],
                        limit=s["limit"],
                        status=s["status"],
                    )
            except GreenchainError as exc:
                row["reason"] = str(exc)
            rows.append(row)
    out = pd.DataFrame(rows, columns=list(STANDING_COLUMNS))
    for column in ("specific_energy", "limit"):
        out[column] = out[column].astype(float)
    out.attrs["warnings"] = [c.message for c in caught]
    emit_caveats(caught)
    return out
