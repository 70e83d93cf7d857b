"""Verified energy savings (节能量) of a retrofit: a regression baseline and its uncertainty.

The method of GB/T 28750-2012 节能量测量和验证技术通则 as greenchain applies it — a
baseline-period model of energy on its drivers, the *adjusted baseline* (the model fed
the reporting period's drivers, 校准能耗), and the savings = adjusted baseline − actual
reporting-period energy — with the statistics of ASHRAE Guideline 14-2014 where GB/T
28750 gives none. Neither document's text was read: the sources are listed with status
``unverified`` (``factors/sources.yaml``: ``gbt28750-2012``, ``ashrae-g14-2014``) and the
how-to *A city bureau's portfolio* says which statement rests on what.

* :func:`baseline_model` fits ordinary least squares, E = b0 + b1 x1 + ... (drivers:
  production, and degree-days when given), on the baseline period of one plant, and
  reports R², CV(RMSE), NMBE and each coefficient's t-statistic;
* :func:`baseline_models` does so for every plant of a table;
* :func:`verified_savings` gives per plant the adjusted baseline, the avoided energy and
  its uncertainty by the fractional savings uncertainty of Guideline 14 (Annex B, the
  form without autocorrelation, n' = n)::

      U = c x t(1 - a/2, n - p) x CV x sqrt((1 + 2/n) / m) x E_adjusted
      FSU = U / S,   S = E_adjusted - E_actual

  with n baseline points, p parameters, m reporting points, CV = CV(RMSE) as a
  fraction and c = 1.26, the correction Guideline 14 gives for monthly data
  (``factors/mv_ashrae-g14-2014.csv``).

Statistics (n points y_i, model values ŷ_i, mean ȳ, p parameters)::

    RMSE = sqrt(sum (y_i - ŷ_i)^2 / (n - p))      CV(RMSE) = 100 x RMSE / ȳ  [%]
    NMBE = 100 x sum (y_i - ŷ_i) / ((n - p) x ȳ)  [%]     R² = 1 - SSE / SST

Examples
--------
>>> import pandas as pd
>>> base = pd.DataFrame({"production": [10.0, 20.0, 30.0, 40.0]})
>>> base["tce"] = 100 + 2 * base["production"]
>>> model = baseline_model(base)
>>> model.coefficients, round(model.r2, 12), model.cv_rmse
({'intercept': 100.0, 'production': 2.0}, 1.0, 0.0)
>>> after = pd.DataFrame({"production": [25.0, 35.0], "tce": [135.0, 153.0]})
>>> verified_savings(model, after)[["adjusted_baseline", "actual", "savings", "uncertainty"]]
   adjusted_baseline  actual  savings  uncertainty
0              320.0   288.0     32.0          0.0
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from greenchain.data.tables import keyed_rows
from greenchain.decisions.portfolio.frames import require_columns
from greenchain.errors import (
    GreenchainWarning,
    InputError,
    UnverifiedDataWarning,
    caveat,
    collect_caveats,
    emit_caveats,
)

__all__ = [
    "BaselineModel",
    "baseline_model",
    "baseline_models",
    "verified_savings",
    "mv_criteria",
    "SAVINGS_COLUMNS",
]

_CRITERIA = "mv_ashrae-g14-2014.csv"

# Relative size below which a residual or a saving is round-off (float64 has 16 digits).
_ROUND_OFF = 1e-10

#: Columns of :func:`verified_savings`, in order.
SAVINGS_COLUMNS = (
    "plant_id",
    "m",
    "adjusted_baseline",
    "actual",
    "savings",
    "savings_percent",
    "confidence",
    "t",
    "uncertainty",
    "fsu_percent",
    "lower",
    "upper",
    "n",
    "p",
    "r2",
    "cv_rmse",
    "nmbe",
    "meets_fsu_criterion",
    "outside_baseline_range",
)


def mv_criteria() -> dict[str, dict[str, Any]]:
    """The M&V statistics constants and thresholds greenchain uses, with their sources.

    Returns
    -------
    dict
        ``key`` -> row of ``factors/mv_ashrae-g14-2014.csv`` (``value`` a float,
        ``unit``, ``data_interval``, ``comparison``, ``source_id``, ``source_ref``,
        ``status``, ``notes``).

    Examples
    --------
    >>> mv_criteria()["fsu_correction_monthly"]["value"]
    1.26
    """
    return keyed_rows(_CRITERIA, numeric=("value",))


@dataclass(frozen=True)
class BaselineModel:
    """An ordinary-least-squares baseline of one plant's energy on its drivers.

    Made by :func:`baseline_model`.

    Attributes
    ----------
    plant_id : str or None
        The plant (``None`` for a table without ``plant_id``).
    energy : str
        The energy column modelled (``tce`` ...).
    drivers : tuple of str
        The driver columns, in the order of the coefficients.
    coefficients : dict
        ``intercept`` and one slope per driver [energy unit per driver unit].
    standard_errors, t_stats : dict
        Standard error and t-statistic (coefficient / standard error) of each
        coefficient; ``inf`` when the fit is exact.
    n, p : int
        Baseline points and model parameters (drivers + 1).
    r2 : float
        Coefficient of determination.
    rmse : float
        sqrt(SSE / (n − p)) [energy unit].
    cv_rmse, nmbe : float
        CV(RMSE) and NMBE [%] of Guideline 14 (both divide by n − p).
    mean : float
        Mean baseline energy ȳ [energy unit].
    ranges : dict
        Driver -> (min, max) over the baseline period.
    """

    plant_id: Any
    energy: str
    drivers: tuple[str, ...]
    coefficients: dict[str, float]
    standard_errors: dict[str, float]
    t_stats: dict[str, float]
    n: int
    p: int
    r2: float
    rmse: float
    cv_rmse: float
    nmbe: float
    mean: float
    ranges: dict[str, tuple[float, float]] = field(default_factory=dict)

    def predict(self, frame: pd.DataFrame) -> np.ndarray:
        """The model's energy for the drivers of each row of ``frame``.

        Parameters
        ----------
        frame : pandas.DataFrame
            The driver columns (:attr:`drivers`).

        Returns
        -------
        numpy.ndarray
            One value per row [energy unit].

        Raises
        ------
        InputError
            A driver column missing or not numeric.
        """
        x = _design(frame, self.drivers, "reporting_frame")
        beta = np.array(
            [self.coefficients["intercept"], *(self.coefficients[d] for d in self.drivers)]
        )
        return np.asarray(x @ beta, dtype=float)


def _design(frame: pd.DataFrame, drivers: Sequence[str], name: str) -> np.ndarray:
    """The design matrix [1, x1, x2 ...], every cell a finite number."""
    require_columns(frame, drivers, name)
    columns = [np.ones(len(frame))]
    for d in drivers:
        values = pd.to_numeric(frame[d], errors="coerce").to_numpy(dtype=float)
        bad = ~np.isfinite(values)
        if bad.any():
            row = frame.index[int(np.argmax(bad))]
            raise InputError(
                f"row {row}: {frame[d].loc[row]!r} is not a number", field=f"{name}.{d}"
            )
        columns.append(values)
    return np.column_stack(columns)


def _energy(frame: pd.DataFrame, energy: str, name: str) -> np.ndarray:
    require_columns(frame, (energy,), name)
    y = pd.to_numeric(frame[energy], errors="coerce").to_numpy(dtype=float)
    bad = ~np.isfinite(y)
    if bad.any():
        row = frame.index[int(np.argmax(bad))]
        raise InputError(
            f"row {row}: {frame[energy].loc[row]!r} is not a number", field=f"{name}.{energy}"
        )
    return y


def _one_plant(frame: pd.DataFrame, name: str) -> Any:
    if "plant_id" not in frame.columns:
        return None
    plants = frame["plant_id"].unique()
    if len(plants) > 1:
        raise InputError(
            f"holds {len(plants)} plants ({', '.join(map(str, plants[:3]))} ...): fit one "
            "plant, or use baseline_models for all",
            field=f"{name}.plant_id",
        )
    return plants[0] if len(plants) else None


def baseline_model(
    frame: pd.DataFrame,
    *,
    energy: str = "tce",
    drivers: Sequence[str] = ("production",),
    degree_days: str | None = None,
) -> BaselineModel:
    """Fit a baseline-period model of one plant's energy on its drivers (OLS).

    Parameters
    ----------
    frame : pandas.DataFrame
        The baseline period of one plant, one row per period (month, week ...): the
        ``energy`` column and the ``drivers`` (and ``degree_days``) columns; an optional
        ``plant_id`` must hold one plant.
    energy : str, default "tce"
        The energy column (any unit; the results are in it).
    drivers : sequence of str, default ("production",)
        Independent variables (production in any one unit per column).
    degree_days : str, optional
        A degree-day column added to the drivers (heating or cooling degree-days of the
        period, computed by the user).

    Returns
    -------
    BaselineModel
        Coefficients, their standard errors and t-statistics, R², CV(RMSE), NMBE.

    Raises
    ------
    InputError
        A missing column, a non-numeric cell (the row is named), several plants, too few
        points (n must exceed p), or drivers that are constant or collinear.

    Warns
    -----
    GreenchainWarning
        Zero mean energy (CV(RMSE) and NMBE undefined, NaN).

    References
    ----------
    GB/T 28750-2012 (baseline-period model, adjusted baseline); ASHRAE Guideline 14-2014
    Annex B (CV(RMSE), NMBE with n − p). Both unverified: the texts were not read.
    """
    plant = _one_plant(frame, "frame")
    names = tuple(drivers) + ((degree_days,) if degree_days else ())
    if len(set(names)) != len(names):
        raise InputError(f"a driver is named twice: {names}", field="drivers")
    x = _design(frame, names, "frame")
    y = _energy(frame, energy, "frame")
    n, p = x.shape
    if n <= p:
        raise InputError(
            f"{n} baseline points for {p} parameters: need more than {p}", field="frame"
        )
    if np.linalg.matrix_rank(x) < p:
        raise InputError(
            "the drivers are constant or collinear over the baseline period: the model "
            "cannot separate them",
            field="drivers",
        )
    beta, *_ = np.linalg.lstsq(x, y, rcond=None)
    residual = y - x @ beta
    # round-off floor: an exact fit leaves residuals of ~1e-14 x |y|; read them as zero
    residual[np.abs(residual) <= _ROUND_OFF * max(float(np.abs(y).max()), 1e-300)] = 0.0
    sse = float(residual @ residual)
    dof = n - p
    mean = float(y.mean())
    sst = float(((y - mean) ** 2).sum())
    rmse = float(np.sqrt(sse / dof))
    covariance = (sse / dof) * np.linalg.inv(x.T @ x)
    errors = np.sqrt(np.clip(np.diag(covariance), 0.0, None))
    with np.errstate(divide="ignore", invalid="ignore"):
        t_values = np.where(
            errors > 0, beta / np.where(errors > 0, errors, 1.0), np.inf * np.sign(beta)
        )
    keys = ("intercept", *names)
    with collect_caveats() as caught:
        if mean == 0:
            caveat(
                "mean baseline energy is zero: CV(RMSE) and NMBE are undefined", GreenchainWarning
            )
            cv = nmbe = float("nan")
        else:
            cv = 100.0 * rmse / mean
            nmbe = 100.0 * float(residual.sum()) / (dof * mean)
    emit_caveats(caught)
    return BaselineModel(
        plant_id=plant,
        energy=energy,
        drivers=names,
        coefficients={k: float(v) for k, v in zip(keys, beta, strict=True)},
        standard_errors={k: float(v) for k, v in zip(keys, errors, strict=True)},
        t_stats={k: float(v) for k, v in zip(keys, t_values, strict=True)},
        n=n,
        p=p,
        r2=1.0 - sse / sst if sst > 0 else float("nan"),
        rmse=rmse,
        cv_rmse=cv,
        nmbe=nmbe,
        mean=mean,
        ranges={
            d: (float(x[:, i + 1].min()), float(x[:, i + 1].max())) for i, d in enumerate(names)
        },
    )


def baseline_models(
    frame: pd.DataFrame,
    *,
    energy: str = "tce",
    drivers: Sequence[str] = ("production",),
    degree_days: str | None = None,
) -> dict[Any, BaselineModel]:
    """Fit :func:`baseline_model` for every plant of a table.

    Parameters
    ----------
    frame : pandas.DataFrame
        The baseline periods: ``plant_id`` and the columns of :func:`baseline_model`.
    energy : str, default "tce"
        The energy column.
    drivers : sequence of str, default ("production",)
        Independent variables.
    degree_days : str, optional
        A degree-day column added to the drivers.

    Returns
    -------
    dict
        ``plant_id`` -> :class:`BaselineModel`.

    Raises
    ------
    InputError
        As :func:`baseline_model`, the message naming the plant.
    """
    require_columns(frame, ("plant_id",), "frame")
    out: dict[Any, BaselineModel] = {}
    for plant, rows in frame.groupby("plant_id", sort=True):
        try:
            out[plant] = baseline_model(
                rows, energy=energy, drivers=drivers, degree_days=degree_days
            )
        except InputError as exc:
            raise InputError(f"plant {plant!r}: {exc.message}", field=exc.field) from exc
    return out


def _one_saving(
    model: BaselineModel, rows: pd.DataFrame, confidence: float, correction: float
) -> dict[str, Any]:
    adjusted = model.predict(rows)
    actual = _energy(rows, model.energy, "reporting_frame")
    m = len(rows)
    e_adj, e_act = float(adjusted.sum()), float(actual.sum())
    saving = e_adj - e_act
    if abs(saving) <= _ROUND_OFF * max(abs(e_adj), abs(e_act)):
        saving = 0.0
    t = float(stats.t.ppf(0.5 + confidence / 2.0, model.n - model.p))
    cv = model.cv_rmse / 100.0
    uncertainty = correction * t * cv * np.sqrt((1.0 + 2.0 / model.n) / m) * abs(e_adj)
    outside = np.zeros(m, dtype=bool)
    for d in model.drivers:
        lo, hi = model.ranges[d]
        values = pd.to_numeric(rows[d], errors="coerce").to_numpy(dtype=float)
        outside |= (values < lo) | (values > hi)
    fsu = 100.0 * uncertainty / abs(saving) if saving != 0 else float("nan")
    return {
        "plant_id": model.plant_id,
        "m": m,
        "adjusted_baseline": e_adj,
        "actual": e_act,
        "savings": saving,
        "savings_percent": 100.0 * saving / e_adj if e_adj else float("nan"),
        "confidence": confidence,
        "t": t,
        "uncertainty": float(uncertainty),
        "fsu_percent": fsu,
        "lower": saving - float(uncertainty),
        "upper": saving + float(uncertainty),
        "n": model.n,
        "p": model.p,
        "r2": model.r2,
        "cv_rmse": model.cv_rmse,
        "nmbe": model.nmbe,
        "outside_baseline_range": int(outside.sum()),
    }


def verified_savings(
    model: BaselineModel | Mapping[Any, BaselineModel],
    reporting_frame: pd.DataFrame,
    *,
    confidence: float = 0.68,
    interval: str = "monthly",
) -> pd.DataFrame:
    """Adjusted baseline, avoided energy and its uncertainty over a reporting period.

    Parameters
    ----------
    model : BaselineModel or mapping
        A model of :func:`baseline_model`, or ``{plant_id: model}`` of
        :func:`baseline_models` (then ``reporting_frame`` needs ``plant_id``).
    reporting_frame : pandas.DataFrame
        The reporting period (after the retrofit), one row per period: the model's
        energy column (the actual energy) and its driver columns.
    confidence : float, default 0.68
        Two-sided confidence level of the uncertainty, between 0 and 1. Guideline 14
        states its acceptance criterion (uncertainty below 50 % of the savings) at 68 %.
    interval : {"monthly", "other"}, default "monthly"
        The data interval. ``monthly`` applies the Guideline 14 correction c = 1.26 for
        monthly data; ``other`` applies none (c = 1) and says so: for daily or hourly
        data, whose residuals are autocorrelated, the form without autocorrelation
        understates the uncertainty.

    Returns
    -------
    pandas.DataFrame
        :data:`SAVINGS_COLUMNS`, one row per plant: ``m`` reporting points,
        ``adjusted_baseline``, ``actual`` and ``savings`` (adjusted − actual) [energy
        unit], ``savings_percent`` (F x 100 [%]), ``t`` (t(1 − a/2, n − p)),
        ``uncertainty`` (± at ``confidence``, energy unit), ``fsu_percent`` (uncertainty
        / savings [%]), ``lower``, ``upper``, the model's ``n``, ``p``, ``r2``,
        ``cv_rmse``, ``nmbe``, ``meets_fsu_criterion`` (FSU ≤ 50 % at 68 %; NA at another
        confidence) and ``outside_baseline_range`` (reporting rows whose drivers lie
        outside the baseline range: extrapolated).

    Raises
    ------
    InputError
        A missing column or non-numeric cell (named), a plant without a model, a
        confidence outside (0, 1), an unknown interval, an empty reporting period.

    Warns
    -----
    GreenchainWarning
        Extrapolation beyond the baseline drivers; no monthly correction.
    UnverifiedDataWarning
        The Guideline 14 constants and threshold are from secondary sources.
    """
    if not 0.0 < float(confidence) < 1.0:
        raise InputError(f"must be between 0 and 1, got {confidence!r}", field="confidence")
    if interval not in ("monthly", "other"):
        raise InputError(f"must be 'monthly' or 'other', got {interval!r}", field="interval")
    criteria = mv_criteria()
    correction = (
        float(criteria["fsu_correction_monthly"]["value"]) if interval == "monthly" else 1.0
    )
    threshold = criteria["fsu_max"]
    at = float(criteria["fsu_confidence"]["value"]) / 100.0
    if isinstance(model, BaselineModel):
        pairs = [(model, reporting_frame)]
    else:
        require_columns(reporting_frame, ("plant_id",), "reporting_frame")
        pairs = []
        for plant, rows in reporting_frame.groupby("plant_id", sort=True):
            if plant not in model:
                raise InputError(
                    f"plant {plant!r} has no baseline model", field="reporting_frame.plant_id"
                )
            pairs.append((model[plant], rows))
    rows_out = []
    with collect_caveats() as caught:
        used = [criteria["fsu_max"], criteria["fsu_confidence"]]
        used += [criteria["fsu_correction_monthly"]] if interval == "monthly" else []
        if any(r["status"] == "unverified" for r in used):
            caveat(
                "the savings uncertainty uses ASHRAE Guideline 14 constants (1.26 monthly "
                "correction, FSU <= 50 % at 68 %) read from secondary sources, not the "
                "Guideline itself (status unverified)",
                UnverifiedDataWarning,
            )
        if interval != "monthly":
            caveat(
                "no Guideline 14 correction for non-monthly data and no autocorrelation "
                "term (n' = n): the savings uncertainty may be understated",
                GreenchainWarning,
            )
        for m, rows in pairs:
            if len(rows) == 0:
                raise InputError("no rows in the reporting period", field="reporting_frame")
            out = _one_saving(m, rows, float(confidence), correction)
            fsu = out["fsu_percent"]
            out["meets_fsu_criterion"] = (
                bool(np.isfinite(fsu) and fsu <= threshold["value"] and out["savings"] > 0)
                if abs(float(confidence) - at) < 1e-12
                else pd.NA
            )
            if out["outside_baseline_range"]:
                caveat(
                    f"plant {m.plant_id!r}: {out['outside_baseline_range']} reporting rows have "
                    "drivers outside the baseline range: the adjusted baseline is extrapolated",
                    GreenchainWarning,
                )
            rows_out.append(out)
    table = pd.DataFrame(rows_out, columns=list(SAVINGS_COLUMNS))
    table.attrs["warnings"] = [c.message for c in caught]
    table.attrs["sources"] = sorted({r["source_id"] for r in criteria.values()})
    emit_caveats(caught)
    return table
