"""The matrix LCA engine: ``A s = f``, inventory ``g = B s``, score ``C g``.

A generic matrix LCA engine
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
import pandas as pd
import scipy.sparse as sp

from greenchain.accounting.lca._solver import (
    LCAResult,
    System,
    demand_vector,
    finite_value,
    label_vector,
    lca_result,
)
from greenchain.errors import InputError

__all__ = ["LCAResult", "LCAMatrices", "matrix_lca", "build_matrices"]

_KINDS = ("production", "technosphere", "biosphere")


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

        Parameters
        ----------
        amounts : mapping
            ``{product label: amount}``, each amount in the unit its product is
            defined in (e.g. t of tile).

        Returns
        -------
        numpy.ndarray
            ``f`` ordered as :attr:`products`.

        Examples
        --------
        >>> m = build_matrices([
        ...     {"kind": "production", "row": "tile", "col": "kiln", "amount": 1},
        ...     {"kind": "production", "row": "steam", "col": "boiler", "amount": 1},
        ... ])
        >>> m.demand_vector({"tile": 2})
        array([2., 0.])
        """
        return label_vector(amounts, self.products, "demand")

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

        Parameters
        ----------
        values : mapping
            ``{flow label: value}``, e.g. GWP100 per unit of each flow (kgCO2e per kg).
        strict : bool, default False
            Require a value for every flow.
        name : str, default "characterisation"
            What the vector is, named in messages.

        Returns
        -------
        numpy.ndarray
            The values ordered as :attr:`flows`.

        Examples
        --------
        >>> m = build_matrices([
        ...     {"kind": "production", "row": "tile", "col": "kiln", "amount": 1},
        ...     {"kind": "biosphere", "row": "CO2", "col": "kiln", "amount": 0.2},
        ...     {"kind": "biosphere", "row": "CH4", "col": "kiln", "amount": 0.001},
        ... ])
        >>> m.flow_vector({"CO2": 1, "CH4": 27.0})
        array([ 1., 27.])
        """
        if strict:
            missing = [label for label in self.flows if label not in values]
            if missing:
                raise InputError(f"no value for flows {missing!r}", field=name)
        return label_vector(values, self.flows, name)


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
        ``A``, products x activities, in units of each product per unit of activity:
        production positive, inputs negative.
    biosphere : array-like or scipy sparse, shape (m, n)
        ``B``, biosphere flows x activities, in units of each flow per unit of activity.
    characterisation : array-like, length m, or (m, m) diagonal matrix
        ``C``, impact per unit of each flow, e.g. GWP100 [kgCO2e/kg].
    demand : array-like, length n, or mapping {product row index: amount}
        Final demand ``f``, in the unit of each product.
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
    system = System(technosphere, biosphere, characterisation, normalisation, weighting)
    f = demand_vector(demand, system.n)
    return lca_result(system, system.solve(f))


def _records(exchanges: Any) -> tuple[list, list, list, np.ndarray]:

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
        [finite_value(a, f"exchanges[{i}].amount") for i, a in enumerate(amounts)], dtype=float
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
          ``amount`` = output, in product units per unit of activity, usually 1;
        * ``technosphere``: an input of product ``row`` to activity ``col``, given
          as the positive amount consumed (Brightway's convention); it enters ``A``
          with a minus sign;
        * ``biosphere``: flow ``row`` emitted (or taken) by activity ``col``, in
          flow units per unit of activity.

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
