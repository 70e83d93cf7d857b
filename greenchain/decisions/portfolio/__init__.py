"""Decisions over many plants: what a city bureau or a multi-site group asks of a portfolio.

The inputs are plain pandas DataFrames of the shape the portfolio engine
(:mod:`greenchain.accounting.portfolio`: ``inventory`` → ``co2e_t``, ``energy`` →
``tce``) returns — one row per plant and period with ``plant_id``, ``year`` or ``month``,
``tce`` and/or ``co2e_t``, ``sector``, ``region`` — and a production table ``plant_id,
period, product, amount, unit``. Nothing here reads the engine's internals.

* Standings and rankings (:mod:`~greenchain.decisions.portfolio.rankings`):
  :func:`specific_energy`, :func:`rank` (rank, percentile, bottom share, year-on-year
  change within sector and region), :func:`norm_standing` (GB 21252-2023 and the dyeing
  norm per plant and year), :func:`norm_limits`.
* Budgets (:mod:`~greenchain.decisions.portfolio.budgets`): :func:`budget_status`.
* Verified savings, GB/T 28750 with the statistics of ASHRAE Guideline 14
  (:mod:`~greenchain.decisions.portfolio.savings`): :func:`baseline_model`,
  :func:`baseline_models`, :func:`verified_savings`, :func:`mv_criteria`.
* The energy-carbon platform functions of GB/T 36132-2025 indicator 4
  (:mod:`~greenchain.decisions.portfolio.platform`): :func:`platform_functions`.

Also reached as ``greenchain.bureau``.
"""

from __future__ import annotations

from greenchain.decisions.portfolio.budgets import budget_status
from greenchain.decisions.portfolio.frames import specific_energy
from greenchain.decisions.portfolio.platform import platform_functions
from greenchain.decisions.portfolio.rankings import norm_limits, norm_standing, rank
from greenchain.decisions.portfolio.savings import (
    BaselineModel,
    baseline_model,
    baseline_models,
    mv_criteria,
    verified_savings,
)

__all__ = [
    "specific_energy",
    "rank",
    "norm_standing",
    "norm_limits",
    "budget_status",
    "BaselineModel",
    "baseline_model",
    "baseline_models",
    "verified_savings",
    "mv_criteria",
    "platform_functions",
]
