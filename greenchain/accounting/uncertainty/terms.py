"""Footprints as polynomials of named uncertain parameters, and the plant-file specs
of their uncertainty.

A footprint (of a product, or of a plant inventory) is a sum of terms
``weight * prod(params)``; :class:`TermModel` collects the parameters (with their
:class:`~greenchain.accounting.uncertainty.Distribution`), the terms and the edges of
in-plant supply chains, and samples the total with
:func:`~greenchain.accounting.uncertainty.monte_carlo_linear`. The readers turn a plant
file's ``uncertainty:`` mappings (``{kind: normal, sd: '5 %'}``) into distributions,
naming the field and file of any mistake.
"""

from __future__ import annotations

__all__ = [
    "Term",
    "Edge",
    "TermModel",
    "field_error",
    "unit_quantity",
    "distribution_from_spec",
    "split_uncertainty",
    "factor_distribution",
]

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pint

from greenchain.accounting.uncertainty.distributions import Distribution
from greenchain.accounting.uncertainty.linear import monte_carlo_linear
from greenchain.data import factors
from greenchain.errors import (
    GreenchainError,
    InputError,
    UnitError,
)
from greenchain.units import read_quantity, unit_of, ureg


# ============================================================================ model
@dataclass
class Term:
    """``weight * prod(params)`` kgCO2e per declared unit of ``activity``, on ``flow``."""

    activity: str
    flow: tuple[str, str]
    weight: float
    params: tuple[str, ...]


@dataclass
class Edge:
    """``weight * param`` declared units of ``child`` per declared unit of ``parent``."""

    parent: str
    child: str
    weight: float
    param: str


class TermModel:
    """The product system as a polynomial of named parameters (for the solve and MC)."""

    def __init__(self) -> None:
        self.values: dict[str, float] = {}
        self.dists: dict[str, Distribution] = {}
        self.terms: list[Term] = []
        self.edges: list[Edge] = []

    def param(self, name: str, value: float, dist: Distribution | None = None) -> str:
        """Register parameter ``name`` (once: a later call keeps the first value).

        Parameters
        ----------
        name : str
            Parameter name, e.g. ``"energy[3].amount"`` or ``"fuel.diesel.ncv (IPCC 2006)"``.
        value : float
            Point value, in the parameter's own unit.
        dist : Distribution, optional
            Its uncertainty; None or a fixed distribution leaves it fixed.

        Returns
        -------
        str
            ``name``, to use in a term.

        Examples
        --------
        >>> m = TermModel()
        >>> m.param("a", 2.0, Distribution.normal(2.0, 0.1)), m.param("a", 5.0)
        ('a', 'a')
        >>> m.values
        {'a': 2.0}
        """
        if name not in self.values:
            self.values[name] = float(value)
            if dist is not None and not dist.is_fixed:
                self.dists[name] = dist
        return name

    def value(self, params: tuple[str, ...]) -> float:
        """The product of the point values of ``params`` (1.0 for none).

        Parameters
        ----------
        params : tuple of str
            Registered parameter names.

        Returns
        -------
        float
        """
        return math.prod(self.values[p] for p in params)

    def expand(self, root: str) -> dict[tuple[str, ...], float]:
        """Footprint of one declared unit of ``root`` as {params: weight} (paths expanded).

        Parameters
        ----------
        root : str
            The activity (product id) whose terms, and those of the in-plant products it
            uses through :attr:`edges`, are expanded.

        Returns
        -------
        dict
            ``{parameter names: weight}``; each edge's parameter joins the names of
            the child's terms, and its weight multiplies theirs.
        """
        by_activity: dict[str, list[Term]] = {}
        for t in self.terms:
            by_activity.setdefault(t.activity, []).append(t)
        children: dict[str, list[Edge]] = {}
        for e in self.edges:
            children.setdefault(e.parent, []).append(e)
        out: dict[tuple[str, ...], float] = {}
        stack: list[tuple[str, tuple[str, ...], float]] = [(root, (), 1.0)]
        while stack:
            activity, path, coef = stack.pop()
            for t in by_activity.get(activity, []):
                key = path + t.params
                out[key] = out.get(key, 0.0) + coef * t.weight
            for e in children.get(activity, []):
                stack.append((e.child, path + (e.param,), coef * e.weight))
        return out

    def monte_carlo(self, weights: dict[tuple[str, ...], float], n: int, seed: Any) -> Any:
        """Sample ``sum weight * prod(params)`` with :func:`monte_carlo_linear`.

        Parameters
        ----------
        weights : dict
            ``{parameter names: weight}``, e.g. from :meth:`expand`; the weight is in
            the unit of the result per unit of the product of the parameters.
        n : int
            Number of draws.
        seed : int, numpy.random.Generator or None
            Same seed, same inputs -> identical samples.

        Returns
        -------
        MonteCarloResult
            An empty ``weights`` gives samples of exactly 0.

        Examples
        --------
        >>> m = TermModel()
        >>> a = m.param("a", 2.0, Distribution.normal(2.0, 0.1))
        >>> m.monte_carlo({(a,): 10.0}, 100, 0).deterministic
        20.0
        """
        used = {p for key in weights for p in key}
        values = {p: v for p, v in self.values.items() if p in used}  # registration order
        dists = {p: d for p, d in self.dists.items() if p in used}
        if not weights:
            values, weights = {"(nothing)": 0.0}, {("(nothing)",): 1.0}
        return monte_carlo_linear(values, dists, weights, n=n, seed=seed)


# ============================================================================ reading
def field_error(
    source: str | None, where: str, message: str, cls: type[GreenchainError] = InputError
) -> GreenchainError:
    """An error naming the field ``where`` of the plant file.

    Parameters
    ----------
    source : str, optional
        The plant file's name.
    where : str
        The field, e.g. ``"products[0].footprint.materials[2].factor"``.
    message : str
        What is wrong.
    cls : type, default InputError
        The :class:`~greenchain.errors.GreenchainError` subclass to build.

    Returns
    -------
    GreenchainError
        The error, to be raised by the caller.
    """
    return cls(message, field=where, source=source)


def unit_quantity(
    value: Any, where: str, what: str, source: str | None, example: str = "0.25 kg"
) -> pint.Quantity:
    """A plant-file value that must carry a unit (strings are parsed).

    Parameters
    ----------
    value : str or Quantity
        The value as written, e.g. ``"20 kg"``.
    where : str
        Its field, named in errors.
    what : str
        What it is, named in the error for a missing unit.
    source : str, optional
        The plant file's name.
    example : str, default "0.25 kg"
        An example value shown in the error for a missing unit.

    Returns
    -------
    Quantity

    Examples
    --------
    >>> unit_quantity("20 kg", "materials[0].amount", "clay", None)
    <Quantity(20, 'kilogram')>
    """
    if isinstance(value, str):
        try:
            value = read_quantity(value, where)
        except InputError:
            raise field_error(source, where, f"cannot read {value!r} as a quantity") from None
    if not isinstance(value, pint.Quantity) or value.units == ureg.dimensionless:
        raise field_error(source, where, f"{what}: give it with a unit, e.g. '{example}'")
    if np.ndim(value.magnitude) or not np.isfinite(value.magnitude):
        raise field_error(source, where, f"{what}: expected one finite value, got {value:~P}")
    if value.check("[temperature]"):
        raise field_error(
            source,
            where,
            f"{what}: a temperature is not an amount; give it as e.g. '{example}'",
            UnitError,
        )
    return value


def spread_level(
    x: Any, value: float, unit: Any, where: str, source: str | None
) -> tuple[float, bool]:
    """(number, relative?) of an sd/low/high entry: a percentage or an absolute amount.

    Parameters
    ----------
    x : str, float or Quantity
        The entry: ``"5 %"``, an absolute quantity or a number in ``unit``.
    value : float
        The point value the entry belongs to; not read here (a percentage is returned
        as a fraction, which the caller scales by the value).
    unit : pint.Unit or str
        Unit of the point value; an absolute quantity is converted to it.
    where : str
        Field of the entry, named in errors.
    source : str, optional
        The plant file's name.

    Returns
    -------
    (float, bool)
        The fraction (``True``: relative to the value) or the amount in ``unit``.

    Examples
    --------
    >>> spread_level("5 %", 20.0, "kg", "sd", None)
    (0.05, True)
    """
    if isinstance(x, str):
        try:
            x = read_quantity(x, where)
        except InputError:
            raise field_error(source, where, f"cannot read {x!r}") from None
    if isinstance(x, pint.Quantity):
        if x.units == ureg.percent:
            return abs(float(x.m_as(""))), True
        try:
            return float(x.m_as(unit)), False
        except pint.errors.DimensionalityError:
            raise field_error(
                source,
                where,
                f"{x:~P} is not compatible with the value's unit {unit:~P}",
                UnitError,
            ) from None
    try:
        return float(x), False
    except (TypeError, ValueError):
        raise field_error(source, where, f"expected a number or quantity, got {x!r}") from None


UNCERTAINTY_KEYS = {
    "none": set(),
    "normal": {"sd"},
    "lognormal": {"gsd", "sigma"},
    "uniform": {"low", "high"},
    "triangular": {"low", "high"},
    "ci95": {"low", "high"},
}


def distribution_from_spec(
    spec: Any, value: float, unit: Any, where: str, source: str | None
) -> Distribution | None:
    """Read one plant-file uncertainty mapping for ``value`` in ``unit``.

    The format is described in :mod:`greenchain.accounting.product_footprint`.

    Parameters
    ----------
    spec : dict or None
        The mapping, e.g. ``{"kind": "normal", "sd": "5 %"}``; None gives None.
    value : float
        The point value it describes, in ``unit``.
    unit : pint.Unit or str
        Unit of ``value``; absolute bounds are converted to it.
    where : str
        Field of the mapping, named in errors.
    source : str, optional
        The plant file's name.

    Returns
    -------
    Distribution or None
        None for no spec and for kind ``none``.

    Examples
    --------
    >>> d = distribution_from_spec({"kind": "normal", "sd": "5 %"}, 20.0, "kg", "u", None)
    >>> d.kind, d.value, d.scale
    ('normal', 20.0, 1.0)
    """
    if spec is None:
        return None
    unit = unit_of(unit)
    if not isinstance(spec, dict) or "kind" not in spec:
        raise field_error(source, where, "expected a mapping such as {kind: normal, sd: '5 %'}")
    kind = spec["kind"]
    if not isinstance(kind, str) or kind not in UNCERTAINTY_KEYS:
        raise field_error(source, f"{where}.kind", f"kind must be one of {tuple(UNCERTAINTY_KEYS)}")
    extra = set(spec) - {"kind"} - UNCERTAINTY_KEYS[kind]
    missing = UNCERTAINTY_KEYS[kind] - set(spec) if kind != "lognormal" else set()
    if extra or missing or (kind == "lognormal" and len(set(spec) & {"gsd", "sigma"}) != 1):
        need = "gsd or sigma" if kind == "lognormal" else ", ".join(sorted(UNCERTAINTY_KEYS[kind]))
        raise field_error(source, where, f"{kind} takes {need or 'nothing else'}")
    try:
        if kind == "none":
            return None
        if kind == "normal":
            sd, rel = spread_level(spec["sd"], value, unit, f"{where}.sd", source)
            return Distribution.normal(value, abs(sd) * (abs(value) if rel else 1.0))
        if kind == "lognormal":
            key = "gsd" if "gsd" in spec else "sigma"
            spread, _ = spread_level(spec[key], 1.0, "", f"{where}.{key}", source)
            return Distribution.lognormal(value, **{key: spread})
        lo, lo_rel = spread_level(spec["low"], value, unit, f"{where}.low", source)
        hi, hi_rel = spread_level(spec["high"], value, unit, f"{where}.high", source)
        low = value - lo * abs(value) if lo_rel else lo
        high = value + hi * abs(value) if hi_rel else hi
        if kind == "uniform":
            return Distribution.uniform(low, high, value)
        if kind == "triangular":
            return Distribution.triangular(low, value, high)
        return Distribution.ci95(value, low, high)
    except GreenchainError as exc:
        if exc.source == source and exc.field and exc.field.startswith(where):
            raise
        raise field_error(source, where, getattr(exc, "message", str(exc)), type(exc)) from None


def split_uncertainty(spec: Any, main: str, where: str, source: str | None) -> tuple[Any, Any]:
    """(spec of the amount/distance, spec of the factor) from a direct or nested mapping.

    Parameters
    ----------
    spec : dict or None
        ``{kind: ...}`` (the amount alone) or ``{main: {kind: ...}, factor: {kind: ...}}``.
    main : str
        Key of the amount in a nested mapping: ``"amount"`` or ``"distance"``.
    where : str
        Field of the mapping, named in errors.
    source : str, optional
        The plant file's name.

    Returns
    -------
    tuple
        The spec of the amount and that of the factor (each a dict or None).

    Examples
    --------
    >>> split_uncertainty({"kind": "normal", "sd": "5 %"}, "amount", "u", None)
    ({'kind': 'normal', 'sd': '5 %'}, None)
    """
    if spec is None or (isinstance(spec, dict) and "kind" in spec):
        return spec, None
    if isinstance(spec, dict) and set(spec) <= {main, "factor"}:
        return spec.get(main), spec.get("factor")
    raise field_error(
        source, where, f"expected {{kind: ...}} or {{{main}: {{kind: ...}}, factor: {{kind: ...}}}}"
    )


def factor_distribution(f: factors.Factor) -> Distribution | None:
    """The distribution of a database factor's stated uncertainty.

    Parameters
    ----------
    f : Factor
        A factor of :mod:`greenchain.data.factors`.

    Returns
    -------
    Distribution or None
        Read with :meth:`Distribution.from_bounds` from ``f.uncertainty``, in the
        factor's unit; None if the factor states none.
    """
    u = f.uncertainty
    return None if u is None else Distribution.from_bounds(u.kind, f.value, u.low, u.high)
