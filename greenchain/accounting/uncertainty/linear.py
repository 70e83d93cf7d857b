"""Monte Carlo of a footprint that is a sum of products of parameters, with Shapley effects."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd

from greenchain.accounting.uncertainty.distributions import (
    CompiledDistributions,
    Distribution,
    draw_count,
    finite_number,
    make_rng,
)
from greenchain.errors import InputError

__all__ = ["MonteCarloResult", "monte_carlo_linear"]


@dataclass(frozen=True, eq=False)
class MonteCarloResult:
    """Monte Carlo samples of a footprint and their summary.

    Attributes
    ----------
    samples : numpy.ndarray, shape (n,)
        The footprint in each draw.
    deterministic : float
        The footprint with every parameter at its point value.
    mean, median, p5, p95, std : float
        Sample statistics (``std`` with ddof=1; percentiles by linear interpolation).
    contribution_to_variance : pandas.Series or None
        Share of the variance due to each parameter, summing to 1 (all 0 when there
        is no variance). Only :func:`monte_carlo_linear` computes it.
    info : dict
        Method details (expected mean and std, solver statistics).
    """

    samples: np.ndarray
    deterministic: float
    contribution_to_variance: pd.Series | None = None
    info: dict = field(default_factory=dict)
    n: int = field(init=False)
    mean: float = field(init=False)
    median: float = field(init=False)
    p5: float = field(init=False)
    p95: float = field(init=False)
    std: float = field(init=False)

    def __post_init__(self) -> None:
        s = self.samples
        p5, median, p95 = np.percentile(s, [5, 50, 95])
        std = float(np.std(s, ddof=1)) if s.size > 1 else 0.0
        stats = {"n": int(s.size), "mean": float(np.mean(s)), "median": float(median),
                 "p5": float(p5), "p95": float(p95), "std": std}  # fmt: skip
        for key, value in stats.items():
            object.__setattr__(self, key, value)

    def to_dict(self) -> dict[str, Any]:
        """Summary as plain Python values (the samples themselves are left out)."""
        ctv = self.contribution_to_variance
        return {
            "n": self.n,
            "deterministic": self.deterministic,
            "mean": self.mean,
            "median": self.median,
            "p5": self.p5,
            "p95": self.p95,
            "std": self.std,
            "contribution_to_variance": None
            if ctv is None
            else {str(k): float(v) for k, v in ctv.items()},
        }


# ------------------------------------------------------------------ linear models
def named_items(obj: Any, name: str) -> list[tuple[Any, Any]]:
    """The ``(key, value)`` items of a mapping or Series, in order.

    Parameters
    ----------
    obj : mapping or pandas.Series
        The named values.
    name : str
        The argument named in the :class:`~greenchain.errors.InputError` raised for
        anything else.

    Returns
    -------
    list of tuple

    Examples
    --------
    >>> named_items({"a": 1.0}, "values")
    [('a', 1.0)]
    """
    if isinstance(obj, (Mapping, pd.Series)):
        return list(obj.items())
    raise InputError(f"expected a mapping or a pandas Series, got {type(obj).__name__}", field=name)


def _shapley(
    terms: list[tuple[float, tuple[int, ...]]], mean: np.ndarray, var: np.ndarray
) -> tuple[np.ndarray, float, float]:
    """Exact variance decomposition of ``Y = sum_t w_t prod_{j in t} X_j``.

    With independent X_j = mu_j + d_j, Y expands into orthogonal products of the d_j:
    ``Y - E[Y] = sum_U c_U prod_{j in U} d_j`` with
    ``c_U = sum_{t contains U} w_t prod_{j in t minus U} mu_j``, so
    ``Var Y = sum_U c_U^2 prod_{j in U} var_j`` (the ANOVA decomposition). The Shapley
    effect of parameter i shares each component equally among its members:
    ``Sh_i = sum_{U contains i} V_U / |U|`` (Owen 2014). Returns (Sh, Var Y, E[Y]).
    """
    coef: dict[tuple[int, ...], float] = {}
    expected = 0.0
    for w, params in terms:
        expected += w * math.prod(mean[list(params)])
        for size in range(1, len(params) + 1):
            for subset in combinations(params, size):
                rest = [j for j in params if j not in subset]
                key = tuple(sorted(subset))
                coef[key] = coef.get(key, 0.0) + w * math.prod(mean[rest])
    shares = np.zeros(mean.size)
    total = 0.0
    for key, c in coef.items():
        v = c * c * math.prod(var[list(key)])
        if v:
            total += v
            shares[list(key)] += v / len(key)
    return shares, total, expected


def monte_carlo_linear(
    values: Mapping[str, float] | pd.Series,
    distributions: Mapping[str, Distribution],
    weights: Mapping[str | tuple[str, ...], float] | pd.Series,
    *,
    n: int = 10_000,
    seed: np.random.Generator | int | None = None,
) -> MonteCarloResult:
    """Monte Carlo of a footprint that is a weighted sum of products of parameters.

    Parameters
    ----------
    values : mapping or Series {name: value}
        Point values of all k parameters, each in its own unit.
    distributions : mapping {name: Distribution}
        Uncertainty of the uncertain parameters; those not listed are fixed. A
        distribution's ``value`` must equal ``values[name]`` (rel. 1e-9).
    weights : mapping or Series {name or tuple of names: weight}
        The model ``footprint = sum_t weight_t * prod_{j in t} param_j``: a key
        ``"x"`` is the linear term ``w * x``, a key ``("ef", "activity")`` the term
        ``w * ef * activity``. A parameter may appear in several terms (it is then one
        random variable), but only once within a term.
    n : int, default 10000
        Number of draws.
    seed : int, numpy.random.Generator or None
        Same seed, same inputs -> identical samples.

    Returns
    -------
    MonteCarloResult
        ``samples``, the statistics, ``contribution_to_variance`` (Series by
        parameter name, in the order of ``values``, summing to 1) and ``info`` with the
        exact ``expected_mean`` and ``expected_std`` of the model.

    Notes
    -----
    Terms whose parameters are all fixed are summed once; with no uncertainty every
    sample equals the deterministic value exactly.

    ``contribution_to_variance`` is exact, from the distributions (not the samples).
    For a linear model (every term one parameter) it is
    ``var_i / var_total`` with ``var_i = (sum of the weights of i)^2 var(param_i)``.
    For products of independent parameters the variance also has interaction parts
    (e.g. ``w^2 var(ef) var(activity)``); each is shared equally among the
    parameters involved (the Shapley effect, which for independent inputs is
    ``sum_{U contains i} V_U / |U|`` over the ANOVA components ``V_U``).

    References
    ----------
    Owen A.B. (2014) Sobol' indices and Shapley value. *SIAM/ASA J. Uncertainty
    Quantification* 2:245-251, doi:10.1137/130936233.

    Examples
    --------
    >>> r = monte_carlo_linear({"a": 2.0, "b": 5.0}, {"a": Distribution.normal(2.0, 0.3)},
    ...                        {"a": 10.0, "b": 1.0}, n=1000, seed=0)
    >>> r.deterministic
    25.0
    >>> r.contribution_to_variance.to_dict()
    {'a': 1.0, 'b': 0.0}
    """
    n = draw_count(n)
    names: list[str] = []
    point: list[float] = []
    for name, v in named_items(values, "values"):
        if name in names:
            raise InputError("duplicate parameter name", field=f"values[{name!r}]")
        names.append(name)
        point.append(finite_number(v, f"values[{name!r}]"))
    index = {name: i for i, name in enumerate(names)}
    dists: list[Distribution] = [Distribution.fixed(v) for v in point]
    for name, d in named_items(distributions, "distributions"):
        if name not in index:
            raise InputError("not a parameter in values", field=f"distributions[{name!r}]")
        if not isinstance(d, Distribution):
            raise InputError(
                f"expected a Distribution, got {type(d).__name__}", field=f"distributions[{name!r}]"
            )
        v = point[index[name]]
        if abs(d.value - v) > 1e-9 * max(abs(v), abs(d.value)):
            raise InputError(
                f"distribution value {d.value} differs from values[{name!r}] = {v}",
                field=f"distributions[{name!r}]",
            )
        dists[index[name]] = d
    terms: list[tuple[float, tuple[int, ...]]] = []
    for key, w in named_items(weights, "weights"):
        params = key if isinstance(key, tuple) else (key,)
        for p in params:
            if p not in index:
                raise InputError(f"parameter {p!r} not in values", field=f"weights[{key!r}]")
        if len(set(params)) != len(params) or not params:
            raise InputError("a term must name each parameter once", field=f"weights[{key!r}]")
        terms.append((finite_number(w, f"weights[{key!r}]"), tuple(index[p] for p in params)))

    comp = CompiledDistributions.of(dists)
    uncertain = comp.uncertain
    fixed_terms = [(w, p) for w, p in terms if not uncertain[list(p)].any()]
    random_terms = [(w, p) for w, p in terms if uncertain[list(p)].any()]
    constant = math.fsum(w * math.prod(comp.value[list(p)]) for w, p in fixed_terms)
    deterministic = constant + math.fsum(
        w * math.prod(comp.value[list(p)]) for w, p in random_terms
    )

    rng = make_rng(seed)
    samples = np.full(n, constant)
    used = sorted({j for _, p in random_terms for j in p})
    if random_terms:
        local = {j: i for i, j in enumerate(used)}
        sub = CompiledDistributions.of([dists[j] for j in used])
        by_arity: dict[int, list[tuple[float, tuple[int, ...]]]] = {}
        for w, p in random_terms:
            by_arity.setdefault(len(p), []).append((w, tuple(local[j] for j in p)))
        chunk = max(1, 4_000_000 // len(used))
        for start in range(0, n, chunk):
            stop = min(n, start + chunk)
            x = sub.draw(stop - start, rng)
            for group in by_arity.values():
                w = np.array([t[0] for t in group])
                idx = np.array([t[1] for t in group])
                prod = x[idx[:, 0]]
                for col in range(1, idx.shape[1]):
                    prod = prod * x[idx[:, col]]
                samples[start:stop] += w @ prod

    shares, var_total, expected = _shapley(terms, comp.mean, comp.var)
    ctv = pd.Series(
        shares / var_total if var_total > 0 else np.zeros(len(names)),
        index=pd.Index(names, name="parameter"),
        name="contribution_to_variance",
    )
    info = {"method": "monte_carlo_linear", "expected_mean": expected}
    info.update(expected_std=math.sqrt(var_total), uncertain_parameters=len(used))
    return MonteCarloResult(
        samples=samples, deterministic=deterministic, contribution_to_variance=ctv, info=info
    )


# ------------------------------------------------------------------ matrix models
