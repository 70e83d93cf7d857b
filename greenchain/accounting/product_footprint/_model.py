"""The linear footprint model and readers of plant-file uncertainty specs."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pint

from greenchain.accounting.uncertainty import Distribution, monte_carlo_linear
from greenchain.data import factors
from greenchain.errors import (
    GreenchainError,
    InputError,
    UnitError,
)
from greenchain.units import read_quantity, unit_of, ureg

if TYPE_CHECKING:
    from greenchain.interface.plant import Plant


# ============================================================================ model
@dataclass
class _Term:
    """``weight * prod(params)`` kgCO2e per declared unit of ``activity``, on ``flow``."""

    activity: str
    flow: tuple[str, str]
    weight: float
    params: tuple[str, ...]


@dataclass
class _Edge:
    """``weight * param`` declared units of ``child`` per declared unit of ``parent``."""

    parent: str
    child: str
    weight: float
    param: str


class _Model:
    """The product system as a polynomial of named parameters (for the solve and MC)."""

    def __init__(self) -> None:
        self.values: dict[str, float] = {}
        self.dists: dict[str, Distribution] = {}
        self.terms: list[_Term] = []
        self.edges: list[_Edge] = []

    def param(self, name: str, value: float, dist: Distribution | None = None) -> str:
        if name not in self.values:
            self.values[name] = float(value)
            if dist is not None and not dist.is_fixed:
                self.dists[name] = dist
        return name

    def value(self, params: tuple[str, ...]) -> float:
        return math.prod(self.values[p] for p in params)

    def expand(self, root: str) -> dict[tuple[str, ...], float]:
        """Footprint of one declared unit of ``root`` as {params: weight} (paths expanded)."""
        by_activity: dict[str, list[_Term]] = {}
        for t in self.terms:
            by_activity.setdefault(t.activity, []).append(t)
        children: dict[str, list[_Edge]] = {}
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
        used = {p for key in weights for p in key}
        values = {p: v for p, v in self.values.items() if p in used}  # registration order
        dists = {p: d for p, d in self.dists.items() if p in used}
        if not weights:
            values, weights = {"(nothing)": 0.0}, {("(nothing)",): 1.0}
        return monte_carlo_linear(values, dists, weights, n=n, seed=seed)


# ============================================================================ reading
def _err(
    plant: Plant, where: str, message: str, cls: type[GreenchainError] = InputError
) -> GreenchainError:
    """An error naming the field ``where`` of the plant file."""
    return cls(message, field=where, source=plant.source_name)


def _as_quantity(
    value: Any, where: str, what: str, plant: Plant, example: str = "0.25 kg"
) -> pint.Quantity:
    """A plant-file value that must carry a unit (strings are parsed)."""
    if isinstance(value, str):
        try:
            value = read_quantity(value, where)
        except InputError:
            raise _err(plant, where, f"cannot read {value!r} as a quantity") from None
    if not isinstance(value, pint.Quantity) or value.units == ureg.dimensionless:
        raise _err(plant, where, f"{what}: give it with a unit, e.g. '{example}'")
    return value


def _level(x: Any, value: float, unit: Any, where: str, plant: Plant) -> tuple[float, bool]:
    """(number, relative?) of an sd/low/high entry: a percentage or an absolute amount."""
    if isinstance(x, str):
        try:
            x = read_quantity(x, where)
        except InputError:
            raise _err(plant, where, f"cannot read {x!r}") from None
    if isinstance(x, pint.Quantity):
        if x.units == ureg.percent:
            return abs(float(x.m_as(""))), True
        try:
            return float(x.m_as(unit)), False
        except pint.errors.DimensionalityError:
            raise _err(
                plant, where, f"{x:~P} is not compatible with the value's unit {unit:~P}", UnitError
            ) from None
    try:
        return float(x), False
    except (TypeError, ValueError):
        raise _err(plant, where, f"expected a number or quantity, got {x!r}") from None


_UNC_KEYS = {
    "none": set(),
    "normal": {"sd"},
    "lognormal": {"gsd", "sigma"},
    "uniform": {"low", "high"},
    "triangular": {"low", "high"},
    "ci95": {"low", "high"},
}


def _distribution(
    spec: Any, value: float, unit: Any, where: str, plant: Plant
) -> Distribution | None:
    """Read one plant-file uncertainty mapping for ``value`` [``unit``] (see module notes)."""
    if spec is None:
        return None
    unit = unit_of(unit)
    if not isinstance(spec, dict) or "kind" not in spec:
        raise _err(plant, where, "expected a mapping such as {kind: normal, sd: '5 %'}")
    kind = spec["kind"]
    if kind not in _UNC_KEYS:
        raise _err(plant, f"{where}.kind", f"kind must be one of {tuple(_UNC_KEYS)}")
    extra = set(spec) - {"kind"} - _UNC_KEYS[kind]
    missing = _UNC_KEYS[kind] - set(spec) if kind != "lognormal" else set()
    if extra or missing or (kind == "lognormal" and len(set(spec) & {"gsd", "sigma"}) != 1):
        need = "gsd or sigma" if kind == "lognormal" else ", ".join(sorted(_UNC_KEYS[kind]))
        raise _err(plant, where, f"{kind} takes {need or 'nothing else'}")
    try:
        if kind == "none":
            return None
        if kind == "normal":
            sd, rel = _level(spec["sd"], value, unit, f"{where}.sd", plant)
            return Distribution.normal(value, abs(sd) * (abs(value) if rel else 1.0))
        if kind == "lognormal":
            key = "gsd" if "gsd" in spec else "sigma"
            spread, _ = _level(spec[key], 1.0, "", f"{where}.{key}", plant)
            return Distribution.lognormal(value, **{key: spread})
        lo, lo_rel = _level(spec["low"], value, unit, f"{where}.low", plant)
        hi, hi_rel = _level(spec["high"], value, unit, f"{where}.high", plant)
        low = value - lo * abs(value) if lo_rel else lo
        high = value + hi * abs(value) if hi_rel else hi
        if kind == "uniform":
            return Distribution.uniform(low, high, value)
        if kind == "triangular":
            return Distribution.triangular(low, value, high)
        return Distribution.ci95(value, low, high)
    except GreenchainError as exc:
        if exc.source == plant.source_name and exc.field and exc.field.startswith(where):
            raise
        raise _err(plant, where, getattr(exc, "message", str(exc)), type(exc)) from None


def _split_uncertainty(spec: Any, main: str, where: str, plant: Plant) -> tuple[Any, Any]:
    """(spec of the amount/distance, spec of the factor) from a direct or nested mapping."""
    if spec is None or (isinstance(spec, dict) and "kind" in spec):
        return spec, None
    if isinstance(spec, dict) and set(spec) <= {main, "factor"}:
        return spec.get(main), spec.get("factor")
    raise _err(
        plant, where, f"expected {{kind: ...}} or {{{main}: {{kind: ...}}, factor: {{kind: ...}}}}"
    )


def _factor_dist(f: factors.Factor) -> Distribution | None:
    u = f.uncertainty
    return None if u is None else Distribution.from_bounds(u.kind, f.value, u.low, u.high)
