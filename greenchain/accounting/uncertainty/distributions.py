"""Distributions of uncertain parameters and their vectorised sampling."""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from greenchain.errors import InputError, OutOfRangeError

__all__ = ["Distribution", "sample", "Z95", "KINDS"]
#: Standard normal quantile of 0.975 (two-sided 95 % interval), scipy.stats.norm.ppf(0.975).
Z95 = 1.959963984540054

KINDS = ("none", "normal", "lognormal", "uniform", "triangular", "ci95")
_FIXED, _NORMAL, _LOGNORMAL, _UNIFORM, _TRIANGULAR = range(5)


def finite_number(x: Any, name: str) -> float:
    """``x`` as a finite float, or an :class:`~greenchain.errors.InputError` naming ``name``.

    Parameters
    ----------
    x : Any
        A number or anything ``float()`` reads (a numeric string, a numpy scalar).
    name : str
        The field named in the error.

    Returns
    -------
    float

    Examples
    --------
    >>> finite_number("2.5", "sd")
    2.5
    """
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
        object.__setattr__(self, "value", finite_number(self.value, "distribution.value"))
        for name in ("scale", "low", "high"):
            v = getattr(self, name)
            if v is not None:
                object.__setattr__(self, name, finite_number(v, f"distribution.{name}"))
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
        """No uncertainty (kind ``none``).

        Parameters
        ----------
        value : float
            The point value, in the parameter's own unit.

        Returns
        -------
        Distribution
        """
        return cls("none", value)

    @classmethod
    def normal(cls, mean: float, sd: float) -> Distribution:
        """Normal with ``mean`` and standard deviation ``sd`` (not truncated).

        Parameters
        ----------
        mean : float
            Mean, also the point value, in the parameter's own unit.
        sd : float
            Standard deviation, same unit as ``mean``, >= 0.

        Returns
        -------
        Distribution

        Examples
        --------
        >>> d = Distribution.normal(2.0, 0.1)
        >>> d.mean, round(d.variance, 4)
        (2.0, 0.01)
        """
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

        Parameters
        ----------
        geometric_mean : float
            Median and point value, in the parameter's own unit; not 0.
        gsd : float, optional
            Geometric standard deviation [-], >= 1.
        sigma : float, optional
            Standard deviation of ``ln(x)`` [-], >= 0; give ``gsd`` or ``sigma``, not both.

        Returns
        -------
        Distribution

        Examples
        --------
        >>> Distribution.lognormal(5.0, gsd=1.0).is_fixed
        True
        """
        if (gsd is None) == (sigma is None):
            raise InputError("give exactly one of gsd and sigma", field="distribution.gsd")
        if gsd is not None:
            gsd = finite_number(gsd, "distribution.gsd")
            if gsd < 1:
                raise OutOfRangeError(f"gsd must be >= 1, got {gsd}", field="distribution.gsd")
            sigma = math.log(gsd)
        return cls("lognormal", geometric_mean, scale=sigma)

    @classmethod
    def uniform(cls, low: float, high: float, value: float | None = None) -> Distribution:
        """Uniform on ``[low, high]``; ``value`` defaults to the midpoint.

        Parameters
        ----------
        low, high : float
            Bounds of the support, in the parameter's own unit.
        value : float, optional
            Point value, between ``low`` and ``high``; default the midpoint.

        Returns
        -------
        Distribution

        Examples
        --------
        >>> Distribution.uniform(0.20, 0.26).value
        0.23
        """
        low, high = finite_number(low, "distribution.low"), finite_number(high, "distribution.high")
        return cls("uniform", (low + high) / 2 if value is None else value, low=low, high=high)

    @classmethod
    def triangular(cls, low: float, mode: float, high: float) -> Distribution:
        """Triangular on ``[low, high]`` with ``mode`` (the point value).

        Parameters
        ----------
        low, mode, high : float
            Lower bound, mode and upper bound, in the parameter's own unit,
            ``low <= mode <= high``.

        Returns
        -------
        Distribution
        """
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

        Parameters
        ----------
        kind : {"ci95", "range", "normal", "lognormal", "uniform", "triangular"}
            The uncertainty kind stated by the source.
        value : float
            The point value, in the parameter's own unit.
        low, high : float
            The bounds, same unit as ``value``.

        Returns
        -------
        Distribution

        Examples
        --------
        >>> Distribution.from_bounds("range", 10.0, 8.0, 12.0).kind
        'ci95'
        """
        low, high = finite_number(low, "distribution.low"), finite_number(high, "distribution.high")
        if kind in ("ci95", "range"):
            return cls.ci95(value, low, high)
        if kind in ("normal", "lognormal") and not low <= finite_number(value, "value") <= high:
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

        Parameters
        ----------
        value : float
            The point value, in the parameter's own unit.
        low, high : float
            The 2.5 % and 97.5 % points, same unit as ``value``.

        Returns
        -------
        Distribution

        References
        ----------
        IPCC (2006) *2006 IPCC Guidelines for National Greenhouse Gas Inventories*,
        Vol. 1, Ch. 3 "Uncertainties" (Frey, Penman et al.): ranges of emission
        factors and activity data are read as 95 % confidence intervals, and
        positive, skewed quantities are represented by lognormal distributions.

        Examples
        --------
        >>> d = Distribution.ci95(10.0, 8.0, 12.0)  # symmetric: a normal
        >>> round(d.variance ** 0.5, 4)
        1.0204
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
class CompiledDistributions:
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
    def of(cls, dists: Sequence[Distribution]) -> CompiledDistributions:
        """Compile ``k`` distributions into arrays of length ``k``.

        Parameters
        ----------
        dists : sequence of Distribution
            The parameters, in the order of the rows of :meth:`draw`.

        Returns
        -------
        CompiledDistributions
        """
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
        """Draw ``n`` values of each parameter (see :func:`sample`).

        Parameters
        ----------
        n : int
            Number of draws, >= 1.
        rng : numpy.random.Generator
            The generator drawn from.

        Returns
        -------
        numpy.ndarray, shape (k, n)
            Row ``i`` holds the draws of parameter ``i``; a fixed row is its value.

        Examples
        --------
        >>> import numpy as np
        >>> c = CompiledDistributions.of([Distribution.fixed(3.0)])
        >>> c.draw(2, np.random.default_rng(0))
        array([[3., 3.]])
        """
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


def make_rng(seed: Any) -> np.random.Generator:
    """A numpy generator from a seed (a generator is returned as it is).

    Parameters
    ----------
    seed : int, numpy.random.Generator or None
        Seed for ``numpy.random.default_rng``, or a generator; None draws fresh entropy.

    Returns
    -------
    numpy.random.Generator
    """
    if isinstance(seed, np.random.Generator):
        return seed
    return np.random.default_rng(seed)


def draw_count(n: Any) -> int:
    """``n`` checked to be a positive integer (not a bool).

    Parameters
    ----------
    n : int
        Number of Monte Carlo draws.

    Returns
    -------
    int

    Raises
    ------
    OutOfRangeError
        If ``n`` is not an integer >= 1.
    """
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
    return CompiledDistributions.of(dists).draw(draw_count(n), make_rng(rng))
