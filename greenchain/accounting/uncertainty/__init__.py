"""Uncertainty of footprints: distributions, vectorised sampling and Monte Carlo.

* :class:`Distribution` describes one uncertain parameter (``none``, ``normal``,
  ``lognormal``, ``uniform``, ``triangular`` or ``ci95``);
* :func:`sample` draws ``n`` values of ``k`` parameters at once, as a ``(k, n)``
  array, grouped by kind (no Python loop per draw);
* :func:`monte_carlo_linear` propagates independent parameter uncertainty through a
  footprint that is a weighted sum of products of parameters
  (``sum_t w_t * factor_t * activity_t``), and splits its variance among the
  parameters exactly (Shapley effects of the ANOVA decomposition);
* :func:`greenchain.accounting.lca.monte_carlo_matrix` (next to the engine it
  drives) samples every uncertain entry of the technosphere and biosphere matrices
  of :func:`greenchain.accounting.lca.matrix_lca`, solving all draws in batches.

Parameters are independent: correlations between parameters are not modelled, but a
parameter used by several terms (e.g. one grid factor for two products) is one
random variable, sampled once per draw.

Examples
--------
An emission factor (2.0 +- 0.1 kg/t, 1 sd) times an activity (100 +- 2 t):

>>> from greenchain.accounting.uncertainty import Distribution, monte_carlo_linear
>>> values = {"factor": 2.0, "activity": 100.0}
>>> dists = {"factor": Distribution.normal(2.0, 0.1),
...          "activity": Distribution.normal(100.0, 2.0)}
>>> r = monte_carlo_linear(values, dists, {("factor", "activity"): 1.0}, n=10_000, seed=1)
>>> r.deterministic
200.0
>>> round(r.mean / r.deterministic, 2)
1.0
>>> r.contribution_to_variance.round(3).to_dict()
{'factor': 0.862, 'activity': 0.138}
"""

from __future__ import annotations

from typing import Any

from greenchain.accounting.uncertainty.distributions import KINDS, Z95, Distribution, sample
from greenchain.accounting.uncertainty.linear import MonteCarloResult, monte_carlo_linear

__all__ = ["Distribution", "MonteCarloResult", "sample", "monte_carlo_linear", "Z95", "KINDS"]


def __getattr__(name: str) -> Any:
    # one-release deprecation: the matrix Monte Carlo moved to the LCA engine it drives
    if name == "monte_carlo_matrix":
        import warnings
        from importlib import import_module

        warnings.warn(
            "greenchain.uncertainty.monte_carlo_matrix moved to "
            "greenchain.accounting.lca.monte_carlo_matrix; the old name works until 0.3",
            DeprecationWarning,
            stacklevel=2,
        )
        return import_module("greenchain.accounting.lca.monte_carlo").monte_carlo_matrix
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
