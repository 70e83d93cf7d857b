"""Annual energy and carbon budgets: actual to date, projection to year end, flagged plants.

:func:`budget_status` compares each plant's monthly energy (``tce``) and carbon
(``co2e_t``) with its annual budgets (用能与碳排放预算管理, one of the twelve platform
functions of GB/T 36132-2025 indicator 4).

Projection to year end (stated in each row's ``*_method``):

* ``prior_year_profile`` — when the plant reported all twelve months of the previous
  year: projection = actual to date + r x (previous year's other months), where r =
  actual to date / the previous year's same months (this year's ratio to last year);
* ``ytd_mean`` — otherwise (no or an incomplete previous year, or zero energy in its
  same months): projection = actual to date + (12 − k) x actual to date / k, k the
  months reported this year (the year-to-date monthly mean).

"Other months" are the months of the year not reported up to ``as_of`` — the months
after it, and any month before it that is missing (listed in ``missing_months``, with
a caveat: a gap is projected, never read as zero).

Examples
--------
>>> import pandas as pd
>>> monthly = pd.DataFrame({"plant_id": "A", "month": [f"2024-{m:02d}" for m in range(1, 7)],
...                         "tce": 100.0})
>>> budgets = pd.DataFrame({"plant_id": ["A"], "year": [2024], "tce_budget": [1100.0]})
>>> s = budget_status(monthly, budgets, as_of="2024-06")
>>> s[["tce_actual", "tce_projection", "tce_method", "flagged"]].values.tolist()
[[600.0, 1200.0, 'ytd_mean', True]]
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from greenchain.decisions.portfolio.frames import as_months, numeric, require_columns
from greenchain.errors import GreenchainWarning, InputError, caveat, collect_caveats, emit_caveats

__all__ = ["budget_status", "QUANTITIES", "PRIOR_YEAR_PROFILE", "YTD_MEAN", "NO_DATA"]

#: The quantities budgeted: column in the monthly table -> budget column.
QUANTITIES = {"tce": "tce_budget", "co2e_t": "co2e_t_budget"}

#: Names of the two projection methods, and of the row without data this year.
PRIOR_YEAR_PROFILE, YTD_MEAN, NO_DATA = "prior_year_profile", "ytd_mean", "no data"


def _as_of(as_of: Any) -> pd.Period:
    try:
        return pd.Period(as_of, freq="M")
    except (ValueError, TypeError) as exc:
        raise InputError(f"{as_of!r} is not a month (YYYY-MM)", field="as_of") from exc


def _project(
    this: pd.Series, prior: pd.Series | None, through: int
) -> tuple[float, float, str, list[int]]:
    """(actual, projection, method, missing months) for one plant and quantity.

    ``this`` and ``prior`` are indexed by month number 1-12 (missing months absent).
    """
    reported = [m for m in range(1, through + 1) if m in this.index and pd.notna(this[m])]
    missing = [m for m in range(1, through + 1) if m not in reported]
    actual = float(this[reported].sum()) if reported else 0.0
    others = [m for m in range(1, 13) if m not in reported]
    if not reported:
        return float("nan"), float("nan"), NO_DATA, missing
    if prior is not None and prior.notna().sum() == 12:
        base = float(prior[reported].sum())
        if base > 0:
            ratio = actual / base
            return actual, actual + ratio * float(prior[others].sum()), PRIOR_YEAR_PROFILE, missing
    mean = actual / len(reported)
    return actual, actual + mean * len(others), YTD_MEAN, missing


def budget_status(monthly: pd.DataFrame, budgets: pd.DataFrame, *, as_of: Any) -> pd.DataFrame:
    """Each plant's energy and carbon against its annual budgets, projected to year end.

    Parameters
    ----------
    monthly : pandas.DataFrame
        ``plant_id``, ``month`` (``YYYY-MM`` or :class:`pandas.Period`) and ``tce``
        and/or ``co2e_t`` [t]: the portfolio engine's table by ``("plant_id", "month")``.
        Months after ``as_of`` are ignored; the previous year's months are read for the
        profile.
    budgets : pandas.DataFrame
        ``plant_id``, ``year``, ``tce_budget`` [tce] and/or ``co2e_t_budget`` [t] (an
        empty cell: no budget for that quantity).
    as_of : str or pandas.Period
        The last month counted (``"2024-06"``); its year is the budget year.

    Returns
    -------
    pandas.DataFrame
        One row per plant with a budget for the year: ``plant_id``, ``year``,
        ``as_of``, ``months_reported``, ``missing_months``, and for each quantity ``q``
        budgeted: ``q_actual`` (year to date), ``q_projection`` (year end), ``q_method``
        (``prior_year_profile``, ``ytd_mean``, or ``no data``: NaN actual and projection), ``q_budget``, ``q_used_percent``
        (actual / budget [%]), ``q_projected_percent`` [%] and ``q_over``
        (projection > budget); ``flagged`` when any quantity is projected over budget.

    Raises
    ------
    InputError
        A missing column (named), no budget column, a plant budgeted twice for the
        year, a negative or non-numeric value, ``as_of`` not a month.

    Warns
    -----
    GreenchainWarning
        A plant with a budget but no data this year, or with months missing before
        ``as_of`` (projected, not counted as zero).
    """
    end = _as_of(as_of)
    year = end.year
    require_columns(monthly, ("plant_id", "month"), "monthly")
    require_columns(budgets, ("plant_id", "year"), "budgets")
    quantities = [q for q, b in QUANTITIES.items() if b in budgets.columns]
    if not quantities:
        raise InputError(
            "needs a 'tce_budget' or a 'co2e_t_budget' column", field="budgets.tce_budget"
        )
    for q in quantities:
        require_columns(monthly, (q,), "monthly")
    data = monthly.copy()
    data["month"] = as_months(data["month"], "monthly.month")
    for q in quantities:
        data[q] = numeric(data, q, "monthly")
    plan = budgets[pd.to_numeric(budgets["year"], errors="coerce") == year].copy()
    twice = plan["plant_id"].duplicated()
    if twice.any():
        raise InputError(
            f"plant {plan.loc[twice, 'plant_id'].iloc[0]!r} has two budgets for {year}",
            field="budgets.plant_id",
        )
    for q in quantities:
        plan[QUANTITIES[q]] = numeric(plan, QUANTITIES[q], "budgets")
    data["y"] = data["month"].dt.year
    data["m"] = data["month"].dt.month
    this_year = data[(data["y"] == year) & (data["m"] <= end.month)]
    last_year = data[data["y"] == year - 1]
    rows: list[dict[str, Any]] = []
    with collect_caveats() as caught:
        for budget in plan.to_dict("records"):
            plant = budget["plant_id"]
            row: dict[str, Any] = {"plant_id": plant, "year": year, "as_of": str(end)}
            mine = (
                this_year[this_year["plant_id"] == plant].groupby("m")[quantities].sum(min_count=1)
            )
            prior = (
                last_year[last_year["plant_id"] == plant].groupby("m")[quantities].sum(min_count=1)
            )
            if mine.empty:
                caveat(
                    f"plant {plant!r}: a budget for {year} but no monthly data up to {end}",
                    GreenchainWarning,
                )
            over = False
            missing: list[int] = []
            for q in quantities:
                actual, projection, method, missing = _project(
                    mine[q] if q in mine else pd.Series(dtype=float),
                    prior[q] if not prior.empty else None,
                    end.month,
                )
                limit = budget[QUANTITIES[q]]
                with np.errstate(divide="ignore", invalid="ignore"):
                    used = 100.0 * actual / limit if limit and limit > 0 else np.nan
                    projected = 100.0 * projection / limit if limit and limit > 0 else np.nan
                row.update(
                    {
                        f"{q}_actual": actual,
                        f"{q}_projection": projection,
                        f"{q}_method": method,
                        f"{q}_budget": limit,
                        f"{q}_used_percent": used,
                        f"{q}_projected_percent": projected,
                        f"{q}_over": bool(pd.notna(limit) and projection > limit),
                    }
                )
                over = over or row[f"{q}_over"]
            row["months_reported"] = end.month - len(missing)
            row["missing_months"] = ",".join(f"{year}-{m:02d}" for m in missing)
            if missing and not mine.empty:
                caveat(
                    f"plant {plant!r}: no data for {row['missing_months']}; projected, "
                    "not counted as zero",
                    GreenchainWarning,
                )
            row["flagged"] = over
            rows.append(row)
    leading = ["plant_id", "year", "as_of", "months_reported", "missing_months"]
    out = pd.DataFrame(rows)
    if out.empty:
        out = pd.DataFrame(columns=[*leading, "flagged"])
    columns = leading + [c for c in out.columns if c not in leading and c != "flagged"]
    out = out[[*columns, "flagged"]]
    out.attrs["warnings"] = [c.message for c in caught]
    emit_caveats(caught)
    return out
