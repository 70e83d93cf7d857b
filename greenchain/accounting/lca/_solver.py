"""The sparse solver behind :func:`greenchain.accounting.lca.matrix_lca` and its Monte Carlo.

Shared by :mod:`~greenchain.accounting.lca.engine` and :mod:`~greenchain.accounting.lca.monte_carlo`:
one sparse LU factorisation per system, batched solves, and iterative refinement of
perturbed systems against a fixed preconditioner.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pint
import scipy.sparse as sp
from scipy.sparse.linalg import splu

from greenchain.errors import InputError, UnitError


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


def label_vector(
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
        out[index[label]] += finite_value(amount, f"{name}[{label!r}]")
    return out


def finite_value(value: Any, name: str) -> float:
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


def as_sparse(matrix: Any, name: str) -> sp.csr_array:
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


def checked_vector(value: Any, length: int, name: str) -> np.ndarray:
    if isinstance(value, pint.Quantity):
        raise UnitError(
            "the matrix engine takes plain numbers; convert the quantity first", field=name
        )
    if sp.issparse(value) or (np.ndim(value) == 2):
        mat = as_sparse(value, name)
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


def demand_vector(demand: Any, n: int) -> np.ndarray:
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
            out[key] += finite_value(amount, f"demand[{key}]")
        return out
    if np.ndim(demand) == 0:
        raise InputError("expected a vector or a {row index: amount} mapping", field="demand")
    return checked_vector(demand, n, "demand")


class System:
    """Validated ``A``, ``B`` and the score weights; factorises ``A`` once."""

    def __init__(
        self,
        technosphere: Any,
        biosphere: Any,
        characterisation: Any,
        normalisation: Any = None,
        weighting: Any = None,
    ):
        a = as_sparse(technosphere, "technosphere")
        n_rows, n = a.shape
        if n_rows != n:
            raise InputError(
                f"technosphere matrix must be square (products x activities), got {n_rows}x{n}",
                field="technosphere",
            )
        if n == 0:
            raise InputError("technosphere matrix is empty", field="technosphere")
        b = as_sparse(biosphere, "biosphere")
        if b.shape[1] != n:
            raise InputError(
                f"biosphere matrix has {b.shape[1]} columns, technosphere has {n} activities",
                field="biosphere",
            )
        m = b.shape[0]
        c = checked_vector(characterisation, m, "characterisation")
        factor = c.copy()
        if normalisation is not None:
            factor = factor * checked_vector(normalisation, m, "normalisation")
        w = 1.0 if weighting is None else finite_value(weighting, "weighting")
        self.technosphere = a
        self.biosphere = b
        self.characterisation = c
        self.weights = w * factor  # score = weights . g
        self.weight = w
        self.n, self.m = n, m
        self._lu: Any = None

    def factorise(self) -> Any:
        if self._lu is None:
            self._lu = factorise(self.technosphere)
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


def factorise(a: sp.csr_array) -> Any:
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


def lca_result(system: System, supply: np.ndarray) -> LCAResult:
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


def solve_direct(a: sp.csr_array, f: np.ndarray, what: str) -> np.ndarray:
    """``A x = f`` with a fresh SuperLU of ``A^T``; InputError naming ``what`` if singular."""
    try:
        lu = splu(a.T.tocsc())
    except RuntimeError as exc:
        raise InputError(
            f"technosphere matrix is singular in {what} ({exc})", field="technosphere"
        ) from exc
    return lu.solve(f, trans="T")


def row_sum(data: np.ndarray, indptr: np.ndarray) -> np.ndarray:
    # rows are never empty here (checked when A is factorised), so reduceat is exact
    return np.add.reduceat(data, indptr[:-1], axis=0)


def preconditioner(system: System) -> tuple[Any, str]:
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


def refine(
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
        resid = f[:, None] - row_sum(d * s[cols], indptr)
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
