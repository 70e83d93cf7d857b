"""Uncertainty of footprints: distributions, vectorised sampling and Monte Carlo.

* :class:`Distribution` describes one uncertain parameter (``none``, ``normal``,
  ``lognormal``, ``uniform``, ``triangular`` or ``ci95``);
* :func:`sample` draws ``n`` values of ``k`` parameters at once, as a ``(k, n)``
  array, grouped by kind (no Python loop per draw);
* :func:`monte_carlo_linear` propagates independent parameter uncertainty through a
  footprint that is a weighted sum of products of parameters
  (``sum_t w_t * factor_t * activity_t``), and splits its variance among the
  parameters exactly (Shapley effects of the ANOVA decomposition);
* :func:`monte_carlo_matrix` samples every uncertain entry of the technosphere and
  biosphere matrices of :func:`greenchain.accounting.lca.matrix_lca` (Brightway's
  ``use_distributions=True`` Monte Carlo), solving all draws in batches.

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

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from greenchain.accounting.lca import (
    _demand,
    _preconditioner,
    _refine,
    _result,
    _solve_direct,
    _System,
)
from greenchain.errors import InputError, OutOfRangeError

__all__ = [
    "Distribution",
    "MonteCarloResult",
    "sample",
    "monte_carlo_linear",
    "monte_carlo_matrix",
    "Z95",
]

#: Standard normal quantile of 0.975 (two-sided 95 % interval), scipy.stats.norm.ppf(0.975).
Z95 = 1.959963984540054

KINDS = ("none", "normal", "lognormal", "uniform", "triangular", "ci95")
_FIXED, _NORMAL, _LOGNORMAL, _UNIFORM, _TRIANGULAR = range(5)


def _num(x: Any, name: str) -> float:
    try:
        out = float(x)
    except (TypeError, ValueError) as exc:
        raise InputError(f"expected a number, got {x!r}", field=name) from exc
    if not math.isfinite(out):
        raise InputError("must be a finite number (got NaN or infinity)", field=name)
    return out


@dataclass(frozen=True)
class Distribution:
    """The uncertainty of one parameter; build it with the class methods.

    ``kind`` is one of ``none``, ``normal``, ``lognormal``, ``uniform``,
    ``triangular``, ``ci95``. ``value`` is the point value used outside Monte Carlo:
    the mean (normal), the geometric mean = median (lognormal), the mode (triangular),
    the reported value (others). ``scale`` is the sd (normal) or sigma of ``ln x``
    (lognormal); ``low`` and ``high`` bound uniform and triangular supports and are
    the 2.5 % and 97.5 % points of ``ci95``.
    """

    kind: str
    value: float
    scale: float | None = None
    low: float | None = None
    high: float | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise InputError(
                f"kind must be one of {KINDS}, got {self.kind!r}", field="distribution.kind"
            )
        object.__setattr__(self, "value", _num(self.value, "distribution.value"))
        for name in ("scale", "low", "high"):
            v = getattr(self, name)
            if v is not None:
                object.__setattr__(self, name, _num(v, f"distribution.{name}"))
        k, v = self.kind, self.value
        if k in ("normal", "lognormal"):
            if self.scale is None or self.scale < 0:
                raise OutOfRangeError(
                    f"{k} needs scale >= 0, got {self.scale}", field="distribution.scale"
                )
            if k == "lognormal" and v == 0:
                raise OutOfRangeError(
                    "lognormal geometric mean must not be 0", field="distribution.value"
                )
        if k in ("uniform", "triangular", "ci95"):
            if self.low is None or self.high is None:
                raise InputError(f"{k} needs low and high", field="distribution.low")
            if not self.low <= v <= self.high:
                raise OutOfRangeError(
                    f"{k} needs low <= value <= high, got {self.low} <= {v} <= {self.high}",
                    field="distribution.value",
                )
        if k == "ci95" and not self._symmetric() and self.low <= 0:  # type: ignore[operator]
            raise OutOfRangeError(
                f"an asymmetric 95 % interval [{self.low}, {self.high}] around {v} can only "
                "be fitted as a lognormal when low > 0; give a triangular or normal "
                "distribution explicitly",
                field="distribution.low",
            )

    # ------------------------------------------------------------------ constructors
    @classmethod
    def fixed(cls, value: float) -> Distribution:
        """No uncertainty (kind ``none``)."""
        return cls("none", value)

    @classmethod
    def normal(cls, mean: float, sd: float) -> Distribution:
        """Normal with ``mean`` and standard deviation ``sd`` (not truncated)."""
        return cls("normal", mean, scale=sd)

    @classmethod
    def lognormal(
        cls, geometric_mean: float, *, gsd: float | None = None, sigma: float | None = None
    ) -> Distribution:
        """Lognormal with median ``geometric_mean`` and either ``gsd`` or ``sigma``.

        ``gsd`` is the geometric standard deviation (>= 1; ecoinvent's pedigree
        "SD^2" is its square), ``sigma = ln(gsd)`` the standard deviation of
        ``ln(x)``. A negative ``geometric_mean`` gives the mirror image
        (``-exp(N(ln|gm|, sigma))``), like stats_arrays' ``negative`` flag.
        """
        if (gsd is None) == (sigma is None):
            raise InputError("give exactly one of gsd and sigma", field="distribution.gsd")
        if gsd is not None:
            gsd = _num(gsd, "distribution.gsd")
            if gsd < 1:
                raise OutOfRangeError(f"gsd must be >= 1, got {gsd}", field="distribution.gsd")
            sigma = math.log(gsd)
        return cls("lognormal", geometric_mean, scale=sigma)

    @classmethod
    def uniform(cls, low: float, high: float, value: float | None = None) -> Distribution:
        """Uniform on ``[low, high]``; ``value`` defaults to the midpoint."""
        low, high = _num(low, "distribution.low"), _num(high, "distribution.high")
        return cls("uniform", (low + high) / 2 if value is None else value, low=low, high=high)

    @classmethod
    def triangular(cls, low: float, mode: float, high: float) -> Distribution:
        """Triangular on ``[low, high]`` with ``mode`` (the point value)."""
        return cls("triangular", mode, low=low, high=high)

    @classmethod
    def from_bounds(cls, kind: str, value: float, low: float, high: float) -> Distribution:
        """From a source's uncertainty ``kind`` and its ``low`` and ``high`` bounds.

        The bounds of ``ci95``, ``range``, ``normal`` and ``lognormal`` are read as a
        95 % interval (IPCC 2006, see :meth:`ci95`): ``ci95`` and ``range`` give
        :meth:`ci95`; ``normal`` the mean ``value`` with sd ``(high - low) / 3.92``;
        ``lognormal`` the median ``value`` with sigma ``ln(high / low) / 3.92``
        (``low > 0``). ``uniform`` and ``triangular`` (mode ``value``) use the bounds
        as their support. This is the form of greenchain's factor tables.

        Examples
        --------
        >>> Distribution.from_bounds("range", 10.0, 8.0, 12.0).kind
        'ci95'
        """
        low, high = _num(low, "distribution.low"), _num(high, "distribution.high")
        if kind in ("ci95", "range"):
            return cls.ci95(value, low, high)
        if kind in ("normal", "lognormal") and not low <= _num(value, "value") <= high:
            raise OutOfRangeError(
                f"value {value} outside [{low}, {high}]", field="distribution.value"
            )
        if kind == "normal":
            return cls.normal(value, (high - low) / (2 * Z95))
        if kind == "lognormal":
            if low <= 0:
                raise OutOfRangeError("lognormal bounds need low > 0", field="distribution.low")
            return cls.lognormal(value, sigma=math.log(high / low) / (2 * Z95))
        if kind == "uniform":
            return cls.uniform(low, high, value)
        if kind == "triangular":
            return cls.triangular(low, value, high)
        raise InputError(f"unknown uncertainty kind {kind!r}", field="distribution.kind")

    @classmethod
    def ci95(cls, value: float, low: float, high: float) -> Distribution:
        """A value with a 95 % confidence interval ``[low, high]``.

        Sampled as a normal (sd = (high - low) / (2 x 1.96)) when the interval is
        symmetric about ``value`` (to 1e-9 of its width), else as a lognormal fitted
        to the two bounds as its 2.5 % and 97.5 % points (median ``sqrt(low*high)``,
        sigma = ln(high/low) / (2 x 1.96)), which needs ``low > 0``. With an
        asymmetric interval the point value is then not the median of the samples.

        References
        ----------
        IPCC (2006) *2006 IPCC Guidelines for National Greenhouse Gas Inventories*,
        Vol. 1, Ch. 3 "Uncertainties" (Frey, Penman et al.): ranges of emission
        factors and activity data are read as 95 % confidence intervals, and
        positive, skewed quantities are represented by lognormal distributions.
        """
        return cls("ci95", value, low=low, high=high)

    # ------------------------------------------------------------------ properties
    def _symmetric(self) -> bool:
        lo, hi, v = self.low, self.high, self.value
        return abs((hi - v) - (v - lo)) <= 1e-9 * (hi - lo)  # type: ignore[operator]

    def _params(self) -> tuple[int, float, float, float, float]:
        """(code, p1, p2, p3, sign) of the distribution actually sampled."""
        k, v = self.kind, self.value
        if self.is_fixed:
            return _FIXED, v, 0.0, 0.0, 1.0
        if k == "normal":
            return _NORMAL, v, self.scale, 0.0, 1.0  # type: ignore[return-value]
        if k == "lognormal":
            return _LOGNORMAL, math.log(abs(v)), self.scale, 0.0, math.copysign(1.0, v)  # type: ignore[return-value]
        if k == "uniform":
            return _UNIFORM, self.low, self.high, 0.0, 1.0  # type: ignore[return-value]
        if k == "triangular":
            return _TRIANGULAR, self.low, v, self.high, 1.0  # type: ignore[return-value]
        lo, hi = self.low, self.high  # ci95
        if self._symmetric():
            return _NORMAL, v, (hi - lo) / (2 * Z95), 0.0, 1.0  # type: ignore[operator]
        mu = 0.5 * (math.log(lo) + math.log(hi))  # type: ignore[arg-type]
        return _LOGNORMAL, mu, math.log(hi / lo) / (2 * Z95), 0.0, 1.0  # type: ignore[operator]

    @property
    def is_fixed(self) -> bool:
        """True for kind ``none`` and for a zero spread (sd 0, sigma 0, low == high)."""
        if self.kind == "none":
            return True
        if self.kind in ("normal", "lognormal"):
            return self.scale == 0
        return self.low == self.high

    @property
    def mean(self) -> float:
        """Mean of the sampled distribution."""
        code, p1, p2, p3, sign = self._params()
        if code == _LOGNORMAL:
            return sign * math.exp(p1 + p2 * p2 / 2)
        if code == _UNIFORM:
            return (p1 + p2) / 2
        if code == _TRIANGULAR:
            return (p1 + p2 + p3) / 3
        return p1

    @property
    def variance(self) -> float:
        """Variance of the sampled distribution."""
        code, p1, p2, p3, _ = self._params()
        if code == _NORMAL:
            return p2 * p2
        if code == _LOGNORMAL:
            return math.expm1(p2 * p2) * math.exp(2 * p1 + p2 * p2)
        if code == _UNIFORM:
            return (p2 - p1) ** 2 / 12
        if code == _TRIANGULAR:
            return (p1 * p1 + p2 * p2 + p3 * p3 - p1 * p2 - p1 * p3 - p2 * p3) / 18
        return 0.0


@dataclass(frozen=True, eq=False)
class _Compiled:
    """Struct-of-arrays form of k distributions, for vectorised sampling."""

    code: np.ndarray
    p1: np.ndarray
    p2: np.ndarray
    p3: np.ndarray
    sign: np.ndarray
    value: np.ndarray
    mean: np.ndarray
    var: np.ndarray

    @classmethod
    def of(cls, dists: Sequence[Distribution]) -> _Compiled:
        rows = [d._params() for d in dists]
        arr = np.array(rows, dtype=float).reshape(len(rows), 5)
        return cls(
            code=arr[:, 0].astype(np.int8),
            p1=arr[:, 1],
            p2=arr[:, 2],
            p3=arr[:, 3],
            sign=arr[:, 4],
            value=np.array([d.value for d in dists], dtype=float),
            mean=np.array([d.mean for d in dists], dtype=float),
            var=np.array([d.variance for d in dists], dtype=float),
        )

    @property
    def uncertain(self) -> np.ndarray:
        return self.code != _FIXED

    def draw(self, n: int, rng: np.random.Generator) -> np.ndarray:
        k = self.code.size
        out = np.empty((k, n))
        fixed = np.flatnonzero(self.code == _FIXED)
        out[fixed] = self.value[fixed, None]  # exactly the point value
        # fixed kind order, so the same inputs and seed give the same draws
        for code in (_NORMAL, _LOGNORMAL, _UNIFORM, _TRIANGULAR):
            idx = np.flatnonzero(self.code == code)
            if idx.size == 0:
                continue
            p1, p2 = self.p1[idx, None], self.p2[idx, None]
            if code == _NORMAL:
                out[idx] = p1 + p2 * rng.standard_normal((idx.size, n))
            elif code == _LOGNORMAL:
                out[idx] = self.sign[idx, None] * np.exp(
                    p1 + p2 * rng.standard_normal((idx.size, n))
                )
            elif code == _UNIFORM:
                out[idx] = rng.uniform(p1, p2, size=(idx.size, n))
            else:
                out[idx] = rng.triangular(p1, p2, self.p3[idx, None], size=(idx.size, n))
        return out


def _rng(seed: Any) -> np.random.Generator:
    if isinstance(seed, np.random.Generator):
        return seed
    return np.random.default_rng(seed)


def _count(n: Any) -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise OutOfRangeError(f"must be a positive integer, got {n!r}", field="n")
    return int(n)


def sample(
    distributions: Sequence[Distribution] | Mapping[Hashable, Distribution],
    n: int,
    rng: np.random.Generator | int | None = None,
) -> np.ndarray:
    """Draw ``n`` samples of each of ``k`` parameters at once.

    Parameters
    ----------
    distributions : sequence or mapping of Distribution
        ``k`` parameters (a mapping is read in its order).
    n : int
        Number of draws.
    rng : numpy.random.Generator, int or None
        Generator, or a seed for ``numpy.random.default_rng``.

    Returns
    -------
    numpy.ndarray, shape (k, n)
        Row ``i`` holds the draws of parameter ``i``. A fixed parameter's row is
        exactly its value.

    Notes
    -----
    Parameters are grouped by kind and each group is drawn with one numpy call, in
    the fixed order normal, lognormal, uniform, triangular: the same inputs and seed
    always give the same array.

    Examples
    --------
    >>> x = sample([Distribution.normal(10, 1), Distribution.fixed(3)], 4, rng=0)
    >>> x.shape
    (2, 4)
    >>> x[1]
    array([3., 3., 3., 3.])
    """
    dists = list(distributions.values() if isinstance(distributions, Mapping) else distributions)
    for i, d in enumerate(dists):
        if not isinstance(d, Distribution):
            raise InputError(f"expected a Distribution, got {d!r}", field=f"distributions[{i}]")
    return _Compiled.of(dists).draw(_count(n), _rng(rng))


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
def _items(obj: Any, name: str) -> list[tuple[Any, Any]]:
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
        Point values of all k parameters [each in its own unit].
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
    n = _count(n)
    names: list[str] = []
    point: list[float] = []
    for name, v in _items(values, "values"):
        if name in names:
            raise InputError("duplicate parameter name", field=f"values[{name!r}]")
        names.append(name)
        point.append(_num(v, f"values[{name!r}]"))
    index = {name: i for i, name in enumerate(names)}
    dists: list[Distribution] = [Distribution.fixed(v) for v in point]
    for name, d in _items(distributions, "distributions"):
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
    for key, w in _items(weights, "weights"):
        params = key if isinstance(key, tuple) else (key,)
        for p in params:
            if p not in index:
                raise InputError(f"parameter {p!r} not in values", field=f"weights[{key!r}]")
        if len(set(params)) != len(params) or not params:
            raise InputError("a term must name each parameter once", field=f"weights[{key!r}]")
        terms.append((_num(w, f"weights[{key!r}]"), tuple(index[p] for p in params)))

    comp = _Compiled.of(dists)
    uncertain = comp.uncertain
    fixed_terms = [(w, p) for w, p in terms if not uncertain[list(p)].any()]
    random_terms = [(w, p) for w, p in terms if uncertain[list(p)].any()]
    constant = math.fsum(w * math.prod(comp.value[list(p)]) for w, p in fixed_terms)
    deterministic = constant + math.fsum(
        w * math.prod(comp.value[list(p)]) for w, p in random_terms
    )

    rng = _rng(seed)
    samples = np.full(n, constant)
    used = sorted({j for _, p in random_terms for j in p})
    if random_terms:
        local = {j: i for i, j in enumerate(used)}
        sub = _Compiled.of([dists[j] for j in used])
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
def _positions(matrix: sp.csr_array, spec: Any, name: str) -> tuple[np.ndarray, list[Distribution]]:
    """Data-array positions of the (row, col) keys of ``spec`` in canonical CSR ``matrix``."""
    if spec is None:
        return np.zeros(0, dtype=np.int64), []
    items = _items(spec, name)
    n_cols = matrix.shape[1]
    rows = np.repeat(np.arange(matrix.shape[0], dtype=np.int64), np.diff(matrix.indptr))
    keys = rows * n_cols + matrix.indices
    wanted = np.empty(len(items), dtype=np.int64)
    dists = []
    for i, (key, d) in enumerate(items):
        if not (isinstance(key, tuple) and len(key) == 2):
            raise InputError("keys are (row, col) index pairs", field=f"{name}[{key!r}]")
        r, c = int(key[0]), int(key[1])
        if not (0 <= r < matrix.shape[0] and 0 <= c < n_cols):
            raise InputError("index outside the matrix", field=f"{name}[{key!r}]")
        if not isinstance(d, Distribution):
            raise InputError(
                f"expected a Distribution, got {type(d).__name__}", field=f"{name}[{key!r}]"
            )
        wanted[i] = r * n_cols + c
        dists.append(d)
    pos = np.searchsorted(keys, wanted)
    bad = (pos >= keys.size) | (keys[np.minimum(pos, keys.size - 1)] != wanted)
    if bad.any():
        key = items[int(np.flatnonzero(bad)[0])][0]
        raise InputError("not a stored entry of the matrix", field=f"{name}[{key!r}]")
    if np.unique(pos).size != pos.size:
        raise InputError("an entry is given twice", field=name)
    entry = matrix.data[pos]
    value = np.array([d.value for d in dists])
    off = np.abs(value - entry) > 1e-9 * np.maximum(np.abs(entry), np.abs(value))
    if off.any():
        i = int(np.flatnonzero(off)[0])
        raise InputError(
            f"distribution value {value[i]} differs from the matrix entry {entry[i]}",
            field=f"{name}[{items[i][0]!r}]",
        )
    return pos, dists


def monte_carlo_matrix(
    technosphere: Any,
    biosphere: Any,
    characterisation: Any,
    demand: Any,
    *,
    technosphere_uncertainty: Mapping | None = None,
    biosphere_uncertainty: Mapping | None = None,
    n: int = 1000,
    seed: np.random.Generator | int | None = None,
    method: str = "iterative",
    rtol: float = 1e-12,
    max_iter: int = 30,
    batch_size: int | None = None,
) -> MonteCarloResult:
    """Monte Carlo LCA with every uncertain entry of ``A`` and ``B`` resampled per draw.

    Parameters
    ----------
    technosphere, biosphere, characterisation, demand
        As for :func:`greenchain.accounting.lca.matrix_lca`.
    technosphere_uncertainty, biosphere_uncertainty : mapping {(row, col): Distribution}
        Distributions of stored entries of ``A`` and ``B``, by index. A distribution's
        ``value`` must equal the signed matrix entry (inputs of ``A`` are negative: use
        ``Distribution.normal(-0.3, 0.03)`` or a lognormal with a negative geometric
        mean). Entries not listed stay fixed.
    n : int, default 1000
        Number of draws.
    seed : int, numpy.random.Generator or None
        Same seed, same inputs, same ``batch_size`` -> identical samples.
    method : {"iterative", "direct"}
        ``"direct"``: a fresh sparse LU of each draw's ``A``. ``"iterative"`` (default):
        all draws of a batch are solved together by iterative refinement from the
        deterministic supply, preconditioned with the deterministic ``A`` (see Notes);
        a draw that does not converge within ``max_iter`` is solved directly.
    rtol : float, default 1e-12
        Iterative stopping rule: the relative size (max-norm) of the last correction
        to each draw's supply.
    max_iter : int, default 30
        Iterations before a draw falls back to the direct solve.
    batch_size : int, optional
        Draws per batch (default: as many as keep each batch's arrays near 40 MB).

    Returns
    -------
    MonteCarloResult
        Score samples and statistics; ``contribution_to_variance`` is None;
        ``info`` holds solver statistics (iterations, direct fallbacks).

    Notes
    -----
    For each draw ``d`` the sampled values are written into copies of the data
    arrays of ``A`` and ``B``; the sparsity pattern is shared by all draws. The
    iterative method solves ``A_d s_d = f`` by

    .. math:: s^{(k+1)} = s^{(k)} + A_0^{-1} (f - A_d s^{(k)}), \\quad s^{(0)} = s_0,

    for all draws of a batch at once, where ``A_0^{-1}`` is applied with the LU
    factors of the deterministic ``A`` (or, when those factors are dense anyway and
    the system is small, its explicit inverse, as one matrix product). The error
    contracts by about the relative size of the perturbation per step. A draw stops
    after a step
    ``||s^{(k+1)} - s^{(k)}||_inf <= rtol ||s^{(k+1)}||_inf``; as each step is at most
    0.9 times the previous one (else the draw is solved directly), the remaining
    error of the supply is then below ``9 rtol`` relative, and in practice about
    ``rtol`` times the contraction factor. The preconditioner changes the number of
    steps, not the answer.

    Characterisation factors, normalisation and weighting are not sampled.

    Examples
    --------
    >>> import numpy as np
    >>> a = np.array([[1.0, 0.0], [-0.5, 1.0]])
    >>> b = np.array([[1.0, 0.0], [0.0, 2.0]])
    >>> r = monte_carlo_matrix(a, b, [1, 10], {0: 1}, n=500, seed=1,
    ...     technosphere_uncertainty={(1, 0): Distribution.normal(-0.5, 0.05)})
    >>> r.deterministic
    11.0
    >>> round(r.mean, 1)
    11.0
    """
    n = _count(n)
    if method not in ("iterative", "direct"):
        raise InputError(f"method must be 'iterative' or 'direct', got {method!r}", field="method")
    rtol = _num(rtol, "rtol")
    if rtol <= 0:
        raise OutOfRangeError("must be > 0", field="rtol")
    system = _System(technosphere, biosphere, characterisation)
    f = _demand(demand, system.n)
    det = _result(system, system.solve(f))
    a, b = system.technosphere, system.biosphere
    pos_a, dists_a = _positions(a, technosphere_uncertainty, "technosphere_uncertainty")
    pos_b, dists_b = _positions(b, biosphere_uncertainty, "biosphere_uncertainty")
    keep_a = np.array([not d.is_fixed for d in dists_a], dtype=bool)
    keep_b = np.array([not d.is_fixed for d in dists_b], dtype=bool)
    pos_a, pos_b = pos_a[keep_a], pos_b[keep_b]
    comp_a = _Compiled.of([d for d in dists_a if not d.is_fixed])
    comp_b = _Compiled.of([d for d in dists_b if not d.is_fixed])
    info: dict[str, Any] = {"method": method, "rtol": rtol, "direct_solves": 0}
    info.update(iterations_max=0, iterations_mean=0.0, uncertain_technosphere=int(pos_a.size))
    info["uncertain_biosphere"] = int(pos_b.size)
    if pos_a.size == 0 and pos_b.size == 0:  # nothing to sample: exactly deterministic
        return MonteCarloResult(samples=np.full(n, det.score), deterministic=det.score, info=info)

    rng = _rng(seed)
    nnz = a.nnz + b.nnz + 2 * system.n
    batch = int(batch_size) if batch_size else max(1, min(n, 5_000_000 // nnz))
    h = system.weights @ b  # score per unit supply, when B is not sampled
    b_rows = np.repeat(np.arange(b.shape[0]), np.diff(b.indptr))
    wb = system.weights[b_rows]  # weight of each stored B entry
    a_cols = a.indices
    s0 = det.supply
    pre: Any = None
    iterations: list[np.ndarray] = []
    samples = np.empty(n)
    a_draw = a.copy()  # one matrix whose data array is overwritten for each direct solve

    def direct(data: np.ndarray, draw: int) -> np.ndarray:
        a_draw.data[:] = data
        return _solve_direct(a_draw, f, f"draw {draw}")

    for start in range(0, n, batch):
        k = min(batch, n - start)
        if pos_a.size:
            data_a = np.repeat(a.data[:, None], k, axis=1)
            data_a[pos_a] = comp_a.draw(k, rng)
        if pos_b.size:
            data_b = np.repeat(b.data[:, None], k, axis=1)
            data_b[pos_b] = comp_b.draw(k, rng)
        if pos_a.size == 0:
            supply = np.repeat(s0[:, None], k, axis=1)
        elif method == "direct":
            supply = np.column_stack([direct(data_a[:, d], start + d) for d in range(k)])
            info["direct_solves"] += k
        else:
            if pre is None:
                pre, info["preconditioner"] = _preconditioner(system)
            supply, its, failed = _refine(data_a, a_cols, a.indptr, f, s0, pre, rtol, max_iter)
            iterations.append(its)
            for d in np.flatnonzero(failed):
                supply[:, d] = direct(data_a[:, d], start + d)
            info["direct_solves"] += int(failed.sum())
        if pos_b.size:
            samples[start : start + k] = np.sum((wb[:, None] * data_b) * supply[b.indices], axis=0)
        else:
            samples[start : start + k] = h @ supply
    if iterations:
        its = np.concatenate(iterations)
        info["iterations_max"] = int(its.max())
        info["iterations_mean"] = float(its.mean())
    return MonteCarloResult(samples=samples, deterministic=det.score, info=info)
