"""Tests of the matrix LCA engine in greenchain.accounting.lca (A s = f, score = C B s)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from greenchain import Q_
from greenchain.accounting.lca import LCAResult, build_matrices, matrix_lca
from greenchain.errors import InputError, UnitError


@pytest.fixture
def bw2calc_test_basic_f1():
    """peers.md F-1: brightway2-calc tests/test_lca.py::test_basic (+ normalisation, weighting).

    Products 1, 2; activities 101, 102; flows 201, 202. (2, 101) = 0.5 is an input.
    """
    return [
        {"kind": "production", "row": 1, "col": 101, "amount": 1},
        {"kind": "production", "row": 2, "col": 102, "amount": 1},
        {"kind": "technosphere", "row": 2, "col": 101, "amount": 0.5},
        {"kind": "biosphere", "row": 201, "col": 101, "amount": 1},
        {"kind": "biosphere", "row": 202, "col": 102, "amount": 2},
    ]


def _f1(exchanges, **kw) -> LCAResult:
    m = build_matrices(exchanges)
    c = m.flow_vector({201: 1, 202: 10})
    return matrix_lca(m.technosphere, m.biosphere, c, m.demand_vector({1: 1}), **kw)


# ----------------------------------------------------------------------------- F-1
def test_f1_supply_and_score(bw2calc_test_basic_f1):
    r = _f1(bw2calc_test_basic_f1)
    np.testing.assert_allclose(r.supply, [1.0, 0.5], rtol=1e-12)
    assert r.score == pytest.approx(11, rel=1e-12)
    assert r.characterised_score == pytest.approx(11, rel=1e-12)
    np.testing.assert_allclose(r.inventory, [1.0, 1.0], rtol=1e-12)


def test_f1_normalised(bw2calc_test_basic_f1):
    m = build_matrices(bw2calc_test_basic_f1)
    r = _f1(bw2calc_test_basic_f1, normalisation=m.flow_vector({201: 10, 202: 4}))
    assert r.score == pytest.approx(50, rel=1e-12)
    assert r.characterised_score == pytest.approx(11, rel=1e-12)


def test_f1_weighted(bw2calc_test_basic_f1):
    r = _f1(bw2calc_test_basic_f1, weighting=4)
    assert r.score == pytest.approx(44, rel=1e-12)


def test_f1_normalised_and_weighted(bw2calc_test_basic_f1):
    # weighting applies to the normalised score, as in bw2calc
    r = _f1(bw2calc_test_basic_f1, normalisation=[10, 4], weighting=4)
    assert r.score == pytest.approx(200, rel=1e-12)
    assert r.contributions_by_activity.sum() == pytest.approx(200, rel=1e-12)


def test_f1_raw_matrices_dense_sparse_and_mapping():
    a = np.array([[1.0, 0.0], [-0.5, 1.0]])
    b = np.array([[1.0, 0.0], [0.0, 2.0]])
    dense = matrix_lca(a, b, [1, 10], {0: 1})
    sparse = matrix_lca(sp.csc_matrix(a), sp.csr_array(b), np.diag([1.0, 10.0]), [1.0, 0.0])
    assert dense.score == sparse.score == pytest.approx(11)
    np.testing.assert_array_equal(dense.supply, sparse.supply)


def test_f1_contributions(bw2calc_test_basic_f1):
    r = _f1(bw2calc_test_basic_f1)
    np.testing.assert_allclose(r.contributions_by_activity, [1.0, 10.0], rtol=1e-12)
    np.testing.assert_allclose(r.contributions_by_flow, [1.0, 10.0], rtol=1e-12)
    assert r.contributions_by_activity.sum() == pytest.approx(r.score, rel=1e-12)


def test_dataframe_equals_list(bw2calc_test_basic_f1):
    m1 = build_matrices(bw2calc_test_basic_f1)
    m2 = build_matrices(pd.DataFrame(bw2calc_test_basic_f1))
    assert (m1.technosphere != m2.technosphere).nnz == 0
    assert (m1.biosphere != m2.biosphere).nnz == 0
    assert m1.products == m2.products == {1: 0, 2: 1}
    assert m1.activities == {101: 0, 102: 1}
    assert m1.flows == {201: 0, 202: 1}


# ----------------------------------------------------------------------------- BOMs
@pytest.fixture(scope="module")
def three_level_chain():
    """Hand-built: tile (kiln) <- 2 body (press) <- 0.5 slip (mill, 0.8 slip per run).

    The mill also feeds a second product (glaze line) that is not demanded. Flows x, y
    are made-up test flows with characterisation 1 and 25.
    """
    return [
        {"kind": "production", "row": "tile", "col": "kiln", "amount": 1},
        {"kind": "production", "row": "body", "col": "press", "amount": 1},
        {"kind": "production", "row": "slip", "col": "mill", "amount": 0.8},
        {"kind": "production", "row": "glaze", "col": "glaze line", "amount": 1},
        {"kind": "technosphere", "row": "body", "col": "kiln", "amount": 2},
        {"kind": "technosphere", "row": "slip", "col": "press", "amount": 0.5},
        {"kind": "technosphere", "row": "slip", "col": "glaze line", "amount": 0.3},
        {"kind": "biosphere", "row": "x", "col": "kiln", "amount": 0.2},
        {"kind": "biosphere", "row": "x", "col": "press", "amount": 1},
        {"kind": "biosphere", "row": "x", "col": "mill", "amount": 3},
        {"kind": "biosphere", "row": "y", "col": "mill", "amount": 0.1},
        {"kind": "biosphere", "row": "y", "col": "glaze line", "amount": 7},
    ]


def test_three_level_chain_by_hand(three_level_chain):
    m = build_matrices(three_level_chain)
    r = matrix_lca(
        m.technosphere, m.biosphere, m.flow_vector({"x": 1, "y": 25}), m.demand_vector({"tile": 1})
    )
    act = m.activities
    # s_kiln = 1; s_press = 2; slip needed 0.5 * 2 = 1 -> s_mill = 1 / 0.8 = 1.25
    assert r.supply[act["kiln"]] == pytest.approx(1.0, rel=1e-12)
    assert r.supply[act["press"]] == pytest.approx(2.0, rel=1e-12)
    assert r.supply[act["mill"]] == pytest.approx(1.25, rel=1e-12)
    assert r.supply[act["glaze line"]] == pytest.approx(0.0, abs=1e-15)
    # x = 0.2 + 2 + 3 * 1.25 = 5.95; y = 0.1 * 1.25 = 0.125; score = 5.95 + 25 * 0.125
    assert r.inventory[m.flows["x"]] == pytest.approx(5.95, rel=1e-12)
    assert r.inventory[m.flows["y"]] == pytest.approx(0.125, rel=1e-12)
    assert r.score == pytest.approx(9.075, rel=1e-12)
    assert r.contributions_by_activity[act["mill"]] == pytest.approx(3.75 + 3.125, rel=1e-12)
    assert r.contributions_by_activity.sum() == pytest.approx(r.score, rel=1e-12)


def test_shared_intermediate(three_level_chain):
    m = build_matrices(three_level_chain)
    c = m.flow_vector({"x": 1, "y": 25})
    both = matrix_lca(m.technosphere, m.biosphere, c, m.demand_vector({"tile": 1, "glaze": 2}))
    # glaze: 7 * 25 * 2 = 350, plus slip 0.3 * 2 / 0.8 = 0.75 mill runs: 0.75 * (3 + 2.5)
    assert both.score == pytest.approx(9.075 + 350 + 0.75 * 5.5, rel=1e-12)


def test_duplicate_exchanges_are_summed(bw2calc_test_basic_f1):
    split = bw2calc_test_basic_f1[:2] + [
        {"kind": "technosphere", "row": 2, "col": 101, "amount": 0.2},
        {"kind": "technosphere", "row": 2, "col": 101, "amount": 0.3},
    ] + bw2calc_test_basic_f1[3:]  # fmt: skip
    assert _f1(split).score == pytest.approx(11, rel=1e-12)


# ----------------------------------------------------------------------------- errors
def test_singular_no_producer():
    a = np.array([[1.0, 0.0], [-0.5, 0.0]])
    with pytest.raises(InputError, match="technosphere matrix is singular"):
        matrix_lca(a, np.eye(2), [1, 1], [1, 0])


def test_singular_dependent_activities():
    a = np.array([[1.0, 2.0], [0.5, 1.0]])
    with pytest.raises(InputError, match="technosphere matrix is singular"):
        matrix_lca(a, np.eye(2), [1, 1], [1, 0])


def test_build_not_square():
    with pytest.raises(InputError, match="not square.*'steam'"):
        build_matrices(
            [
                {"kind": "production", "row": "tile", "col": "kiln", "amount": 1},
                {"kind": "technosphere", "row": "steam", "col": "kiln", "amount": 1},
            ]
        )


@pytest.mark.parametrize(
    ("exchange", "match"),
    [
        ({"kind": "output", "row": 1, "col": 101, "amount": 1}, "kind"),
        ({"kind": "biosphere", "row": 1, "col": 101, "amount": 1}, "both as product"),
        ({"kind": "biosphere", "row": 9, "col": 101, "amount": float("nan")}, "amount"),
        ({"kind": "biosphere", "row": 9, "col": 101}, "missing 'amount'"),
    ],
)
def test_build_bad_exchange(bw2calc_test_basic_f1, exchange, match):
    with pytest.raises(InputError, match=match):
        build_matrices([*bw2calc_test_basic_f1, exchange])


def test_bad_labels_and_shapes(bw2calc_test_basic_f1):
    m = build_matrices(bw2calc_test_basic_f1)
    with pytest.raises(InputError, match="demand: unknown label 3"):
        m.demand_vector({3: 1})
    with pytest.raises(InputError, match="no value for flows"):
        m.flow_vector({201: 1}, strict=True)
    a, b = m.technosphere, m.biosphere
    with pytest.raises(InputError, match="demand: row index 2 outside"):
        matrix_lca(a, b, [1, 10], {2: 1})
    with pytest.raises(InputError, match="demand.*keys are product row indices"):
        matrix_lca(a, b, [1, 10], {"1": 1})
    with pytest.raises(InputError, match="characterisation: expected length 2"):
        matrix_lca(a, b, [1, 10, 3], [1, 0])
    with pytest.raises(InputError, match="characterisation: a matrix here must be diagonal"):
        matrix_lca(a, b, np.ones((2, 2)), [1, 0])
    with pytest.raises(InputError, match="biosphere matrix has 3 columns"):
        matrix_lca(a, np.ones((2, 3)), [1, 10], [1, 0])
    with pytest.raises(InputError, match="must be square"):
        matrix_lca(np.ones((2, 3)), b, [1, 10], [1, 0])
    with pytest.raises(UnitError, match="demand"):
        matrix_lca(a, b, [1, 10], Q_([1.0, 0.0], "t"))


# ----------------------------------------------------------------------------- properties
@settings(max_examples=50, deadline=None)
@given(
    x=st.floats(-1e3, 1e3),
    y=st.floats(-1e3, 1e3),
    f1=st.lists(st.floats(0, 10), min_size=4, max_size=4),
    f2=st.lists(st.floats(0, 10), min_size=4, max_size=4),
)
def test_score_linear_in_demand(three_level_chain, x, y, f1, f2):
    m = build_matrices(three_level_chain)
    c = m.flow_vector({"x": 1, "y": 25})

    def score(f):
        return matrix_lca(m.technosphere, m.biosphere, c, f).score

    f1, f2 = np.array(f1), np.array(f2)
    lhs = score(x * f1 + y * f2)
    rhs = x * score(f1) + y * score(f2)
    scale = abs(x) * score(f1) + abs(y) * score(f2)
    assert lhs == pytest.approx(rhs, rel=1e-9, abs=1e-9 * scale + 1e-300)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(2, 30))
def test_contributions_sum_to_score(seed, n):
    rng = np.random.default_rng(seed)
    inputs = rng.uniform(0, 0.9 / n, size=(n, n)) * (rng.random((n, n)) < 0.3)
    np.fill_diagonal(inputs, 0)
    a = np.eye(n) - inputs  # columns sum to < 1.9: productive, nonsingular
    b = rng.uniform(0, 5, size=(3, n))
    f = rng.uniform(0, 2, n)
    r = matrix_lca(a, b, rng.uniform(-1, 10, 3), f)
    tol = 1e-12 * np.abs(r.contributions_by_activity).sum()
    assert r.contributions_by_activity.sum() == pytest.approx(r.score, rel=1e-9, abs=tol)
    assert r.contributions_by_flow.sum() == pytest.approx(r.score, rel=1e-9, abs=tol)
    np.testing.assert_allclose(a @ r.supply, f, rtol=1e-12, atol=1e-12)
