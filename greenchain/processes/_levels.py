"""Shared return convention of the ``<standard>_level`` grading functions.

Chinese energy-efficiency standards (GB 18613 motors, GB 19153 air compressors,
GB 20052 transformers, GB 24500 boilers ...) grade equipment in three levels:
level 1 is the best, level 3 is the minimum allowable value (能效限定值). Every
``*_level`` function in :mod:`greenchain.processes` returns the integer ``1``,
``2`` or ``3``, or the string :data:`BELOW_LIMIT` when the equipment does not
reach level 3. Array input gives an ``object`` ndarray of those values.

Examples
--------
>>> level_from_thresholds(0.95, [0.96, 0.94, 0.92], higher_is_better=True)
2
>>> level_from_thresholds(9.0, [6.6, 7.1, 7.9], higher_is_better=False)
'below limit'
>>> level_from_thresholds([0.97, 0.90], [0.96, 0.94, 0.92], higher_is_better=True)
array([1, 'below limit'], dtype=object)
"""

from __future__ import annotations

from typing import Any

import numpy as np

from greenchain.errors import InputError

__all__ = ["BELOW_LIMIT", "LEVELS", "level_from_thresholds", "worst_level"]

#: Returned when the equipment does not reach level 3 (the minimum allowable value).
BELOW_LIMIT = "below limit"

#: The grades, best first.
LEVELS = (1, 2, 3)

_RANK = {1: 1, 2: 2, 3: 3, BELOW_LIMIT: 4}


def _unwrap(out: np.ndarray) -> Any:
    return out.item() if out.ndim == 0 else out


def level_from_thresholds(
    value: Any, thresholds: Any, higher_is_better: bool, *, rtol: float = 1e-9
) -> Any:
    """Grade ``value`` against the level-1, level-2 and level-3 thresholds.

    Parameters
    ----------
    value : float or array-like
        The measured or rated figure, in the unit of ``thresholds``.
    thresholds : array-like, shape (..., 3)
        Level 1, 2 and 3 values, in that order (broadcast against ``value``).
        ``NaN`` or ``None`` marks a level the standard does not define ("–");
        that level cannot be reached.
    higher_is_better : bool
        ``True`` for efficiencies (value must be at or above the threshold),
        ``False`` for losses and specific power (at or below).
    rtol : float, default 1e-9
        Relative tolerance: a value equal to a threshold within ``rtol`` meets
        it (so that 0.914 meets a tabulated 91.4 % despite binary rounding).

    Returns
    -------
    int, str or numpy.ndarray
        ``1``, ``2``, ``3`` or :data:`BELOW_LIMIT`; an ``object`` array for
        array input.

    Raises
    ------
    InputError
        If the last axis of ``thresholds`` does not hold three values.

    Examples
    --------
    >>> level_from_thresholds(0.914, [0.946, 0.933, 0.914], higher_is_better=True)
    3
    >>> level_from_thresholds(6.9, [None, 7.3, 8.1], higher_is_better=False)
    2
    """
    raw = np.asarray(thresholds, dtype=object)
    missing = np.asarray(np.frompyfunc(lambda x: x is None, 1, 1)(raw), dtype=bool)
    table: np.ndarray = np.where(missing, np.nan, raw).astype(np.float64)
    if table.ndim == 0 or table.shape[-1] != 3:
        raise InputError(
            "must hold three values (levels 1, 2, 3) on its last axis", field="thresholds"
        )
    val: np.ndarray = np.asarray(value, dtype=np.float64)[..., np.newaxis]
    val, table = np.broadcast_arrays(val, table)
    tol = rtol * np.abs(table)
    with np.errstate(invalid="ignore"):
        meets = val >= table - tol if higher_is_better else val <= table + tol
    meets &= ~np.isnan(table)
    out = np.full(meets.shape[:-1], BELOW_LIMIT, dtype=object)
    for level in reversed(LEVELS):  # worst first, so the best level met wins
        out[meets[..., level - 1]] = level
    return _unwrap(out)


def worst_level(*levels: Any) -> Any:
    """Return the worst of several gradings (e.g. no-load and load loss).

    Parameters
    ----------
    *levels : int, str or array-like
        Results of :func:`level_from_thresholds` (broadcast together).

    Returns
    -------
    int, str or numpy.ndarray
        The largest level number, :data:`BELOW_LIMIT` if any is below the limit.

    Examples
    --------
    >>> worst_level(1, 2)
    2
    >>> worst_level(1, BELOW_LIMIT)
    'below limit'
    """
    if not levels:
        raise InputError("needs at least one grading", field="levels")
    arrays = np.broadcast_arrays(*(np.asarray(lv, dtype=object) for lv in levels))
    rank = np.vectorize(lambda x: _RANK[x], otypes=[int])
    ranks = np.stack([rank(a) for a in arrays])
    worst = ranks.max(axis=0)
    inverse = {r: lv for lv, r in _RANK.items()}
    out = np.empty(worst.shape, dtype=object)
    for r, lv in inverse.items():
        out[worst == r] = lv
    return _unwrap(out)
