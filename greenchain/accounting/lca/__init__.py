"""Product carbon footprints.

Engine
------
The first part of this module (section "Engine") is a generic matrix LCA engine
(Heijungs and Suh 2002; the same algebra as Brightway's ``bw2calc``): it knows
nothing about plants.

* :func:`matrix_lca` solves the technosphere system ``A s = f`` with one sparse LU
  factorisation, then computes the inventory ``g = B s``, the characterised score
  ``C g`` and the score of each activity.
* :func:`build_matrices` turns a tidy table of labelled exchanges (production,
  technosphere inputs, biosphere flows) into sparse ``A`` and ``B`` with their
  label-to-index mappings, so that multi-level bills of materials (an intermediate
  product made in the plant and used by another product) are solved exactly.

The engine works on plain numbers: each row and column of ``A`` and ``B`` is in the
unit its label was defined in (e.g. ``t`` of clinker, ``kWh`` of electricity,
``kg`` of CO2), so a pint Quantity is rejected rather than silently stripped. The
plant-facing layer attaches units to the results.

Examples
--------
Brightway's two-process test system (``bw2calc`` ``tests/test_lca.py::test_basic``):
activity 101 makes product 1 and needs 0.5 of product 2, made by activity 102.

>>> from greenchain.accounting.lca import build_matrices, matrix_lca
>>> m = build_matrices([
...     {"kind": "production", "row": 1, "col": 101, "amount": 1},
...     {"kind": "production", "row": 2, "col": 102, "amount": 1},
...     {"kind": "technosphere", "row": 2, "col": 101, "amount": 0.5},
...     {"kind": "biosphere", "row": 201, "col": 101, "amount": 1},
...     {"kind": "biosphere", "row": 202, "col": 102, "amount": 2},
... ])
>>> r = matrix_lca(m.technosphere, m.biosphere, m.flow_vector({201: 1, 202: 10}),
...                m.demand_vector({1: 1}))
>>> r.supply
array([1. , 0.5])
>>> r.score
11.0
>>> r.contributions_by_activity
array([ 1., 10.])
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pint
import scipy.sparse as sp
from scipy.sparse.linalg import splu

from greenchain.errors import InputError, UnitError

__all__ = ["LCAResult", "LCAMatrices", "matrix_lca", "build_matrices"]

# ============================================================================ Engine

_KINDS = ("production", "technosphere", "biosphere")


@dataclass(frozen=True, eq=False)
class LCAResult:
    """Result of :func:`matrix_lca`. Plain float arrays, in the units of the matrices.

    Attributes
    ----------
    supply : numpy.ndarray
        ``s``, the scaling of each activity (length n, activity order).
    inventory : numpy.ndarray
        ``g = B s``, the amount of each biosphere flow (length m, flow order).
    score : float
        ``w * (N C) . g``: the characterised score, normalised and weighted when
        ``normalisation`` and ``weighting`` were given (else ``N = 1``, ``w = 1``).
    characterised_score : float
        ``C . g``, before normalisation and weighting.
    contributions_by_activity : numpy.ndarray
        The score of each activity, ``w (N C)^T B diag(s)`` summed over flows
        (length n); sums to ``score``.
    contributions_by_flow : numpy.ndarray
        The score of each flow, ``w N C g`` (length m); sums to ``score``.
    """

    supply: np.ndarray
    inventory: np.ndarray
    score: float
    characterised_score: float
    contributions_by_activity: np.ndarray
    contributions_by_flow: np.ndarray


@dataclass(frozen=True, eq=False)
class LCAMatrices:
    """Sparse matrices built by :func:`build_matrices`, with their index mappings.

    Attributes
    ----------
    technosphere : scipy.sparse.csr_array
        ``A`` (products x activities): production positive, inputs negative.
    biosphere : scipy.sparse.csr_array
        ``B`` (flows x activities).
    products, activities, flows : dict
        Label -> row or column index, in order of first appearance (products in the
        order of their production exchanges).
    """

    technosphere: sp.csr_array
    biosphere: sp.csr_array
    products: dict[Hashable, int]
    activities: dict[Hashable, int]
    flows: dict[Hashable, int]

    def demand_vector(self, amounts: Mapping[Hashable, float]) -> np.ndarray:
        """Final demand ``f`` (length n) from ``{product label: amount}``.

        Unknown labels raise :class:`InputError`; products not named get 0.
        """
        return _label_vector(amounts, self.products, "demand")

    def flow_vector(
        self,
        values: Mapping[Hashable, float],
        *,
        strict: bool = False,
        name: str = "characterisation",
    ) -> np.ndarray:
        """A vector over biosphere flows (length m) from ``{flow label: value}``.

        Used for characterisation factors and normalisation. Flows not named get 0
        (an uncharacterised flow has no impact, as in every LCIA method) unless
        ``strict=True``, which raises :class:`InputError` listing them.
        """
        if strict:
            missing = [label for label in self.flows if label not in values]
            if missing:
                raise InputError(f"no value for flows {missing!r}", field=name)
        return _label_vector(values, self.flows, name)


def _label_vector(
    values: Mapping[Hashable, float], index: Mapping[Hashable, int], name: str
) -> np.ndarray:
    if not isinstance(values, Mapping):
        raise InputError(
            f"expected a mapping of label to amount, got {type(values).__name__}", field=name
        )
    out = np.zeros(len(index))
    for label, amount in values.items():
        if label not in index:
            raise InputError(f"unknown label {label!r}", field=name)
        out[index[label]] += _finite(amount, f"{name}[{label!r}]")
    return out


def _finite(value: Any, name: str) -> float:
    if isinstance(value, pint.Quantity):
        raise UnitError(
            "the matrix engine takes plain numbers in the units of its rows; "
            "convert the quantity first",
            field=name,
        )
    try:
        out = float(value)
    except (TypeError, ValueError) as exc:
        raise InputError(f"expected a number, got {value!r}", field=name) from exc
    if not np.isfinite(out):
        raise InputError("must be a finite number (got NaN or infinity)", field=name)
    return out


def _as_sparse(matrix: Any, name: str) -> sp.csr_array:
    """Return a canonical float64 CSR array (duplicates summed, indices sorted)."""
    if isinstance(matrix, pint.Quantity):
        raise UnitError(
            "the matrix engine takes plain numbers; convert the quantity first", field=name
        )
    if sp.issparse(matrix):
        out = sp.csr_array(matrix, dtype=float)
    else:
        try:
            dense = np.asarray(matrix, dtype=float)
        except (TypeError, ValueError) as exc:
            raise InputError(
                f"expected a numeric matrix, got {type(matrix).__name__}", field=name
            ) from exc
        if dense.ndim != 2:
            raise InputError(f"expected a 2-D matrix, got {dense.ndim} dimension(s)", field=name)
        out = sp.csr_array(dense)
    out.sum_duplicates()
    out.sort_indices()
    if not np.all(np.isfinite(out.data)):
        raise InputError("contains NaN or infinity", field=name)
    return out


def _vector(value: Any, length: int, name: str) -> np.ndarray:
    if isinstance(value, pint.Quantity):
        raise UnitError(
            "the matrix engine takes plain numbers; convert the quantity first", field=name
        )
    if sp.issparse(value) or (np.ndim(value) == 2):
        mat = _as_sparse(value, name)
        if mat.shape != (length, length):
            raise InputError(
                f"expected a vector of length {length} or a {length}x{length} "
                f"diagonal matrix, got shape {mat.shape}",
                field=name,
            )
        coo = mat.tocoo()
        if np.any((coo.row != coo.col) & (coo.data != 0)):
            raise InputError("a matrix here must be diagonal", field=name)
        return np.asarray(mat.diagonal(), dtype=float)
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as exc:
        raise InputError(f"expected numbers, got {type(value).__name__}", field=name) from exc
    if arr.ndim == 0:
        arr = np.full(length, float(arr))
    if arr.shape != (length,):
        raise InputError(f"expected length {length}, got shape {arr.shape}", field=name)
    if not np.all(np.isfinite(arr)):
        raise InputError("contains NaN or infinity", field=name)
    return arr


def _demand(demand: Any, n: int) -> np.ndarray:
    if isinstance(demand, Mapping):
        out = np.zeros(n)
        for key, amount in demand.items():
            if isinstance(key, bool) or not isinstance(key, (int, np.integer)):
                raise InputError(
                    f"keys are product row indices (int), got {key!r}; use "
                    "LCAMatrices.demand_vector for labels",
                    field="demand",
                )
            if not 0 <= key < n:
                raise InputError(f"row index {key} outside 0..{n - 1}", field="demand")
            out[key] += _finite(amount, f"demand[{key}]")
        return out
    if np.ndim(demand) == 0:
        raise InputError("expected a vector or a {row index: amount} mapping", field="demand")
    return _vector(demand, n, "demand")


class _System:
    """Validated ``A``, ``B`` and the score weights; factorises ``A`` once."""

    def __init__(
        self,
        technosphere: Any,
        biosphere: Any,
        characterisation: Any,
        normalisation: Any = None,
        weighting: Any = None,
    ):
        a = _as_sparse(technosphere, "technosphere")
        n_rows, n = a.shape
        if n_rows != n:
            raise InputError(
                f"technosphere matrix must be square (products x activities), got {n_rows}x{n}",
                field="technosphere",
            )
        if n == 0:
            raise InputError("technosphere matrix is empty", field="technosphere")
        b = _as_sparse(biosphere, "biosphere")
        if b.shape[1] != n:
            raise InputError(
                f"biosphere matrix has {b.shape[1]} columns, technosphere has {n} activities",
                field="biosphere",
            )
        m = b.shape[0]
        c = _vector(characterisation, m, "characterisation")
        factor = c.copy()
        if normalisation is not None:
            factor = factor * _vector(normalisation, m, "normalisation")
        w = 1.0 if weighting is None else _finite(weighting, "weighting")
        self.technosphere = a
        self.biosphere = b
        self.characterisation = c
        self.weights = w * factor  # score = weights . g
        self.weight = w
        self.n, self.m = n, m
        self._lu: Any = None

    def factorise(self) -> Any:
        if self._lu is None:
            self._lu = _factorise(self.technosphere)
        return self._lu

    def solve(self, f: np.ndarray) -> np.ndarray:
        supply = self.factorise().solve(f, trans="T")
        if not np.all(np.isfinite(supply)):
            raise InputError(
                "technosphere matrix is singular (the solve gave NaN or "
                "infinity): check that every product has a producing activity",
                field="technosphere",
            )
        return supply


def _factorise(a: sp.csr_array) -> Any:
    """Sparse LU of ``A^T`` (``A^T`` in CSC shares the arrays of ``A`` in CSR).

    Technosphere matrices factorise with much less fill transposed; the caller
    solves ``A x = b`` with ``lu.solve(b, trans="T")``. Raises InputError if ``A``
    is singular, naming empty rows or columns when there are some.
    """
    empty_rows = np.flatnonzero(np.diff(a.indptr) == 0)
    empty_cols = np.setdiff1d(np.arange(a.shape[1]), a.indices[a.data != 0])
    if empty_rows.size or empty_cols.size:
        raise InputError(
            "technosphere matrix is singular: "
            + (
                f"product rows {empty_rows[:10].tolist()} have no entry; "
                if empty_rows.size
                else ""
            )
            + (
                f"activity columns {empty_cols[:10].tolist()} have no entry"
                if empty_cols.size
                else ""
            ),
            field="technosphere",
        )
    try:
        return splu(a.T.tocsc())
    except RuntimeError as exc:  # SuperLU: "Factor is exactly singular"
        raise InputError(
            f"technosphere matrix is singular ({exc}): check for a product "
            "with no producing activity or linearly dependent activities",
            field="technosphere",
        ) from exc


def _result(system: _System, supply: np.ndarray) -> LCAResult:
    b = system.biosphere
    inventory = b @ supply
    by_flow = system.weights * inventory
    # score per activity: (w N C)^T B, scaled by the supply of each activity
    by_activity = (system.weights @ b) * supply
    score = float(np.sum(by_flow))
    characterised = float(system.characterisation @ inventory)
    return LCAResult(
        supply=supply,
        inventory=inventory,
        score=score,
        characterised_score=characterised,
        contributions_by_activity=by_activity,
        contributions_by_flow=by_flow,
    )


def matrix_lca(
    technosphere: Any,
    biosphere: Any,
    characterisation: Any,
    demand: Any,
    *,
    normalisation: Any = None,
    weighting: float | None = None,
) -> LCAResult:
    """Solve a matrix LCA: ``A s = f``, ``g = B s``, ``score = C . g``.

    Parameters
    ----------
    technosphere : array-like or scipy sparse, shape (n, n)
        ``A``, products x activities [unit of each product per unit of activity]:
        production positive, inputs negative.
    biosphere : array-like or scipy sparse, shape (m, n)
        ``B``, biosphere flows x activities [unit of flow per unit of activity].
    characterisation : array-like, length m, or (m, m) diagonal matrix
        ``C`` [impact unit per unit of flow], e.g. GWP100 in kg CO2e/kg.
    demand : array-like, length n, or mapping {product row index: amount}
        Final demand ``f`` [unit of each product].
    normalisation : array-like, length m, scalar or (m, m) diagonal, optional
        Per-flow normalisation factors ``N`` applied to the characterised flows, as in
        Brightway's normalisation matrix.
    weighting : float, optional
        Weighting factor ``w`` applied to the (normalised) score.

    Returns
    -------
    LCAResult
        ``supply``, ``inventory``, ``score`` (``w N C g``), ``characterised_score``
        (``C g``), ``contributions_by_activity`` and ``contributions_by_flow``.

    Raises
    ------
    InputError
        If shapes disagree, a value is not finite, or ``A`` is singular
        ("technosphere matrix is singular ...").

    Notes
    -----
    ``A s = f`` is solved with one SuperLU factorisation (``scipy.sparse.linalg.splu``)
    of ``A^T``, which has far less fill-in than ``A`` for technosphere matrices
    (bw2calc ``utils.lu_solver`` does the same). Then

    .. math:: g = B s, \\quad \\text{score} = w \\sum_k N_k C_k g_k,
              \\quad \\text{contribution}_j = w \\sum_k N_k C_k B_{kj} s_j .

    References
    ----------
    Heijungs R., Suh S. (2002) *The Computational Structure of Life Cycle Assessment*,
    Kluwer, doi:10.1007/978-94-015-9900-9. Brightway ``bw2calc`` ``LCA.lci``/``lcia``;
    test vector F-1 (``tests/test_lca.py::test_basic``, ``test_lca_with_normalization``,
    ``test_lca_with_weighting``).

    Examples
    --------
    >>> import numpy as np
    >>> a = np.array([[1.0, 0.0], [-0.5, 1.0]])
    >>> b = np.array([[1.0, 0.0], [0.0, 2.0]])
    >>> matrix_lca(a, b, [1, 10], {0: 1}).score
    11.0
    >>> matrix_lca(a, b, [1, 10], {0: 1}, normalisation=[10, 4]).score
    50.0
    >>> matrix_lca(a, b, [1, 10], {0: 1}, weighting=4).score
    44.0
    """
    system = _System(technosphere, biosphere, characterisation, normalisation, weighting)
    f = _demand(demand, system.n)
    return _result(system, system.solve(f))


def _records(exchanges: Any) -> tuple[list, list, list, np.ndarray]:
    import pandas as pd  # imported here: the engine itself needs only numpy and scipy

    if isinstance(exchanges, pd.DataFrame):
        missing = {"kind", "row", "col", "amount"} - set(exchanges.columns)
        if missing:
            raise InputError(f"missing columns {sorted(missing)}", field="exchanges")
        kinds = exchanges["kind"].tolist()
        rows = exchanges["row"].tolist()
        cols = exchanges["col"].tolist()
        amounts = exchanges["amount"].tolist()
    else:
        if isinstance(exchanges, (str, bytes, Mapping)) or not isinstance(exchanges, Iterable):
            raise InputError(
                "expected a DataFrame or a list of dicts with kind, row, col, amount",
                field="exchanges",
            )
        kinds, rows, cols, amounts = [], [], [], []
        for i, ex in enumerate(exchanges):
            if not isinstance(ex, Mapping):
                raise InputError(
                    f"expected a dict, got {type(ex).__name__}", field=f"exchanges[{i}]"
                )
            for key in ("kind", "row", "col", "amount"):
                if key not in ex:
                    raise InputError(f"missing {key!r}", field=f"exchanges[{i}]")
            kinds.append(ex["kind"])
            rows.append(ex["row"])
            cols.append(ex["col"])
            amounts.append(ex["amount"])
    values = np.array(
        [_finite(a, f"exchanges[{i}].amount") for i, a in enumerate(amounts)], dtype=float
    )
    for i, kind in enumerate(kinds):
        if kind not in _KINDS:
            raise InputError(
                f"kind must be one of {_KINDS}, got {kind!r}", field=f"exchanges[{i}].kind"
            )
    return kinds, rows, cols, values


def build_matrices(exchanges: Any) -> LCAMatrices:
    """Build sparse ``A`` and ``B`` from a tidy table of labelled exchanges.

    Parameters
    ----------
    exchanges : pandas.DataFrame or list of dict
        One exchange per row with columns ``kind``, ``row``, ``col``, ``amount``:

        * ``production``: ``row`` = product label, ``col`` = activity label,
          ``amount`` = output [product unit per unit of activity], usually 1;
        * ``technosphere``: an input of product ``row`` to activity ``col``, given
          as the positive amount consumed (Brightway's convention); it enters ``A``
          with a minus sign;
        * ``biosphere``: flow ``row`` emitted (or taken) by activity ``col``
          [flow unit per unit of activity].

        Labels are any hashable values. Repeated (row, col) pairs are summed.

    Returns
    -------
    LCAMatrices
        ``technosphere`` (``A``), ``biosphere`` (``B``) as CSR arrays and the
        ``products``, ``activities`` and ``flows`` label -> index mappings, with
        :meth:`~LCAMatrices.demand_vector` and :meth:`~LCAMatrices.flow_vector`.

    Raises
    ------
    InputError
        On a bad kind or amount, a label used both as a product and as a biosphere
        flow, or a non-square technosphere (products and activities differ in
        number).

    Examples
    --------
    A plant whose kiln uses steam made by its own boiler:

    >>> m = build_matrices([
    ...     {"kind": "production", "row": "tile", "col": "kiln", "amount": 1},
    ...     {"kind": "production", "row": "steam", "col": "boiler", "amount": 1},
    ...     {"kind": "technosphere", "row": "steam", "col": "kiln", "amount": 0.3},
    ... ])
    >>> m.technosphere.toarray()
    array([[ 1. ,  0. ],
           [-0.3,  1. ]])
    >>> m.activities
    {'kiln': 0, 'boiler': 1}
    """
    kinds, rows, cols, values = _records(exchanges)
    products: dict[Hashable, int] = {}
    activities: dict[Hashable, int] = {}
    flows: dict[Hashable, int] = {}
    for kind, row, col in zip(kinds, rows, cols, strict=True):
        activities.setdefault(col, len(activities))
        if kind == "production":
            products.setdefault(row, len(products))
    for kind, row in zip(kinds, rows, strict=True):
        if kind == "technosphere":
            products.setdefault(row, len(products))
        elif kind == "biosphere":
            flows.setdefault(row, len(flows))
    clash = [label for label in flows if label in products]
    if clash:
        raise InputError(
            f"labels used both as product and biosphere flow: {clash!r}", field="exchanges"
        )
    if len(products) != len(activities):
        produced = {r for k, r in zip(kinds, rows, strict=True) if k == "production"}
        unproduced = [p for p in products if p not in produced]
        raise InputError(
            f"technosphere is not square: {len(products)} products and {len(activities)} "
            f"activities"
            + (f"; products with no production exchange: {unproduced!r}" if unproduced else ""),
            field="exchanges",
        )
    kind_arr = np.array(kinds, dtype=object)
    tech = (kind_arr == "production") | (kind_arr == "technosphere")
    bio = kind_arr == "biosphere"
    sign = np.where(kind_arr == "technosphere", -1.0, 1.0)
    col_idx = np.array([activities[c] for c in cols], dtype=np.int64)
    t_rows = np.array([products[r] for r, t in zip(rows, tech, strict=True) if t], dtype=np.int64)
    b_rows = np.array([flows[r] for r, b in zip(rows, bio, strict=True) if b], dtype=np.int64)
    n, m = len(activities), len(flows)
    a = sp.csr_array(((sign * values)[tech], (t_rows, col_idx[tech])), shape=(n, n))
    b = sp.csr_array((values[bio], (b_rows, col_idx[bio])), shape=(m, n))
    for mat in (a, b):
        mat.sum_duplicates()
        mat.sort_indices()
    return LCAMatrices(
        technosphere=a, biosphere=b, products=products, activities=activities, flows=flows
    )


# Batched solves of perturbed technospheres (used by greenchain.accounting.uncertainty).
def _solve_direct(a: sp.csr_array, f: np.ndarray, what: str) -> np.ndarray:
    """``A x = f`` with a fresh SuperLU of ``A^T``; InputError naming ``what`` if singular."""
    try:
        lu = splu(a.T.tocsc())
    except RuntimeError as exc:
        raise InputError(
            f"technosphere matrix is singular in {what} ({exc})", field="technosphere"
        ) from exc
    return lu.solve(f, trans="T")


def _row_sum(data: np.ndarray, indptr: np.ndarray) -> np.ndarray:
    # rows are never empty here (checked when A is factorised), so reduceat is exact
    return np.add.reduceat(data, indptr[:-1], axis=0)


def _preconditioner(system: _System) -> tuple[Any, str]:
    """A function applying ``A_0^{-1}`` to a block of residuals, and its name.

    Sparse LU factors are streamed once per right-hand side; when they are dense anyway
    (heavy fill-in) and ``n`` is small, the explicit inverse is applied to a whole batch
    as one BLAS matrix product, which is several times faster. Either way it only
    changes the number of steps, not the converged answer.
    """
    lu = system.factorise()
    n = system.n
    if n <= 4000 and lu.L.nnz + lu.U.nnz > n * n / 16:
        inverse = np.linalg.inv(system.technosphere.toarray())
        return (lambda r: inverse @ r), "dense inverse"
    return (lambda r: lu.solve(r, trans="T")), "sparse LU"


def _refine(
    data: np.ndarray,
    cols: np.ndarray,
    indptr: np.ndarray,
    f: np.ndarray,
    s0: np.ndarray,
    pre: Any,
    rtol: float,
    max_iter: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Preconditioned iterative refinement of ``A_d s = f`` for all columns d of ``data``.

    Each step adds ``A_0^{-1} (f - A_d s)``; a draw stops after a step no larger than
    ``rtol * ||s||_inf``. It fails (for a direct solve) after ``max_iter`` steps or
    when a step is not at most 0.9 times the one before. Returns (supply, steps per
    draw, failed mask).
    """
    k = data.shape[1]
    supply = np.repeat(s0[:, None], k, axis=1)
    its = np.zeros(k, dtype=np.int64)
    failed = np.zeros(k, dtype=bool)
    active = np.arange(k)
    last = np.full(k, np.inf)
    tiny = np.finfo(float).tiny
    for it in range(1, max_iter + 1):
        every = active.size == k
        s = supply if every else supply[:, active]
        d = data if every else data[:, active]
        resid = f[:, None] - _row_sum(d * s[cols], indptr)
        step = pre(resid)
        s += step
        if not every:
            supply[:, active] = s
        size = np.abs(step).max(axis=0) / np.maximum(np.abs(s).max(axis=0), tiny)
        done = size <= rtol
        bad = ~done & ((it == max_iter) | (size > 0.9 * last[active]))
        its[active] = it
        failed[active[bad]] = True
        last[active] = size
        go = ~done & ~bad
        if not go.any():
            break
        active = active[go]
    return supply, its, failed


# ============================================================================ end of Engine
