"""Monte Carlo of the matrix LCA: every uncertain matrix entry sampled, draws solved in batches
(Brightway's ``use_distributions=True``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import scipy.sparse as sp

from greenchain.accounting.lca._solver import (
    System,
    demand_vector,
    lca_result,
    preconditioner,
    refine,
    solve_direct,
)
from greenchain.accounting.uncertainty.distributions import (
    CompiledDistributions,
    Distribution,
    draw_count,
    finite_number,
    make_rng,
)
from greenchain.accounting.uncertainty.linear import MonteCarloResult, named_items
from greenchain.errors import InputError, OutOfRangeError

__all__ = ["monte_carlo_matrix"]


def _positions(matrix: sp.csr_array, spec: Any, name: str) -> tuple[np.ndarray, list[Distribution]]:
    """Data-array positions of the (row, col) keys of ``spec`` in canonical CSR ``matrix``."""
    if spec is None:
        return np.zeros(0, dtype=np.int64), []
    items = named_items(spec, name)
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
    n = draw_count(n)
    if method not in ("iterative", "direct"):
        raise InputError(f"method must be 'iterative' or 'direct', got {method!r}", field="method")
    rtol = finite_number(rtol, "rtol")
    if rtol <= 0:
        raise OutOfRangeError("must be > 0", field="rtol")
    system = System(technosphere, biosphere, characterisation)
    f = demand_vector(demand, system.n)
    det = lca_result(system, system.solve(f))
    a, b = system.technosphere, system.biosphere
    pos_a, dists_a = _positions(a, technosphere_uncertainty, "technosphere_uncertainty")
    pos_b, dists_b = _positions(b, biosphere_uncertainty, "biosphere_uncertainty")
    keep_a = np.array([not d.is_fixed for d in dists_a], dtype=bool)
    keep_b = np.array([not d.is_fixed for d in dists_b], dtype=bool)
    pos_a, pos_b = pos_a[keep_a], pos_b[keep_b]
    comp_a = CompiledDistributions.of([d for d in dists_a if not d.is_fixed])
    comp_b = CompiledDistributions.of([d for d in dists_b if not d.is_fixed])
    info: dict[str, Any] = {"method": method, "rtol": rtol, "direct_solves": 0}
    info.update(iterations_max=0, iterations_mean=0.0, uncertain_technosphere=int(pos_a.size))
    info["uncertain_biosphere"] = int(pos_b.size)
    if pos_a.size == 0 and pos_b.size == 0:  # nothing to sample: exactly deterministic
        return MonteCarloResult(samples=np.full(n, det.score), deterministic=det.score, info=info)

    rng = make_rng(seed)
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
        return solve_direct(a_draw, f, f"draw {draw}")

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
                pre, info["preconditioner"] = preconditioner(system)
            supply, its, failed = refine(data_a, a_cols, a.indptr, f, s0, pre, rtol, max_iter)
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
