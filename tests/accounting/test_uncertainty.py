"""Tests of greenchain.accounting.uncertainty: distributions, sampling and Monte Carlo."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from greenchain.accounting.lca import matrix_lca, monte_carlo_matrix
from greenchain.accounting.uncertainty import (
    Z95,
    Distribution,
    monte_carlo_linear,
    sample,
)
from greenchain.errors import InputError, OutOfRangeError

D = Distribution


# ----------------------------------------------------------------------------- distributions
@pytest.mark.parametrize(
    "dist",
    [
        D.normal(10, 2),
        D.lognormal(5, gsd=1.5),
        D.lognormal(-5, sigma=0.3),
        D.uniform(2, 6),
        D.triangular(1, 2, 6),
        D.ci95(10, 8, 12),
        D.ci95(10, 5, 30),
    ],
    ids=repr,
)
def test_moments_match_samples(dist):
    x = sample([dist], 400_000, rng=3)[0]
    assert x.mean() == pytest.approx(dist.mean, rel=5e-3)
    assert x.var() == pytest.approx(dist.variance, rel=2e-2)


def test_ci95_symmetric_is_normal():
    d = D.ci95(10, 8, 12)
    code, mean, sd, *_ = d._params()
    assert (mean, sd) == (10, pytest.approx(4 / (2 * Z95)))
    assert Z95 == pytest.approx(1.959963984540054, rel=1e-15)


def test_ci95_asymmetric_is_lognormal_fitted_to_bounds():
    x = sample([D.ci95(10, 5, 30)], 400_000, rng=1)[0]
    assert np.percentile(x, 2.5) == pytest.approx(5, rel=1e-2)
    assert np.percentile(x, 97.5) == pytest.approx(30, rel=1e-2)
    assert np.median(x) == pytest.approx(math.sqrt(150), rel=1e-2)


def test_lognormal_negative_is_mirrored():
    x = sample([D.lognormal(-2, sigma=0.1)], 1000, rng=0)[0]
    assert np.all(x < 0)
    assert np.median(x) == pytest.approx(-2, rel=2e-2)


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (lambda: D.normal(1, -0.1), "scale"),
        (lambda: D.lognormal(0, sigma=0.1), "geometric mean"),
        (lambda: D.lognormal(1, gsd=0.9), "gsd"),
        (lambda: D.lognormal(1), "exactly one"),
        (lambda: D.uniform(1, 2, value=3), "low <= value <= high"),
        (lambda: D.triangular(1, 0, 2), "low <= value <= high"),
        (lambda: D.ci95(1, -1, 5), "asymmetric"),
        (lambda: D("beta", 1), "kind"),
        (lambda: D.normal(float("nan"), 1), "finite"),
        (lambda: D.from_bounds("lognormal", 1, 0, 2), "low > 0"),
        (lambda: D.from_bounds("poisson", 1, 0, 2), "unknown"),
    ],
)
def test_bad_distributions(make, match):
    with pytest.raises(InputError, match=match):
        make()


def test_from_bounds():
    assert D.from_bounds("range", 10, 8, 12) == D.ci95(10, 8, 12)
    assert D.from_bounds("normal", 10, 8, 12).scale == pytest.approx(4 / (2 * Z95))
    assert D.from_bounds("lognormal", 10, 5, 20).scale == pytest.approx(math.log(4) / (2 * Z95))
    assert D.from_bounds("uniform", 10, 8, 13) == D.uniform(8, 13, 10)
    assert D.from_bounds("triangular", 10, 8, 13) == D.triangular(8, 10, 13)


def test_zero_spread_is_fixed():
    for d in (D.normal(3, 0), D.lognormal(3, sigma=0), D.uniform(3, 3), D.ci95(3, 3, 3)):
        assert d.is_fixed
        assert np.all(sample([d], 10, rng=0) == 3.0)


# ----------------------------------------------------------------------------- sample
def test_sample_shape_seed_and_fixed_rows():
    dists = {"a": D.normal(1, 0.1), "b": D.fixed(7), "c": D.triangular(0, 1, 3)}
    x = sample(dists, 50, rng=42)
    assert x.shape == (3, 50)
    assert np.all(x[1] == 7.0)
    np.testing.assert_array_equal(x, sample(list(dists.values()), 50, rng=42))
    assert not np.array_equal(x, sample(dists, 50, rng=43))


@pytest.mark.parametrize("n", [0, -3, 2.5, True])
def test_sample_bad_n(n):
    with pytest.raises(OutOfRangeError, match="n"):
        sample([D.normal(1, 1)], n)


# ----------------------------------------------------------------------------- linear MC
@pytest.fixture(scope="module")
def plant():
    """Made-up plant: three fuels/electricity, factor x activity, plus a process term."""
    values = {
        "ef_a": 2.0, "act_a": 120.0, "ef_b": 0.6, "act_b": 900.0,
        "ef_c": 3.1, "act_c": 15.0, "process": 40.0,
    }  # fmt: skip
    dists = {
        "ef_a": D.ci95(2.0, 1.9, 2.1),
        "act_a": D.normal(120.0, 3.0),
        "ef_b": D.ci95(0.6, 0.5, 0.7),
        "act_b": D.uniform(850.0, 950.0, 900.0),
        "ef_c": D.lognormal(3.1, gsd=1.1),
        "act_c": D.triangular(14.0, 15.0, 16.0),
        "process": D.normal(40.0, 4.0),
    }
    weights = {("ef_a", "act_a"): 1.0, ("ef_b", "act_b"): 1.0, ("ef_c", "act_c"): 1.0}
    weights["process"] = 1.0
    return values, dists, weights


def test_linear_zero_uncertainty_exact(plant):
    values, _, weights = plant
    r = monte_carlo_linear(values, {}, weights, n=1000, seed=0)
    assert r.deterministic == pytest.approx(2 * 120 + 0.6 * 900 + 3.1 * 15 + 40, rel=1e-12)
    assert np.all(r.samples == r.deterministic)
    assert r.std == 0
    assert r.contribution_to_variance.sum() == 0
    zero = {k: D.normal(v, 0) for k, v in values.items()}
    assert np.all(monte_carlo_linear(values, zero, weights, n=10).samples == r.deterministic)


def test_linear_mean_within_one_percent(plant):
    values, dists, weights = plant
    r = monte_carlo_linear(values, dists, weights, n=10_000, seed=12345)
    assert r.mean == pytest.approx(r.deterministic, rel=0.01)
    assert r.p5 < r.median < r.p95
    assert r.std == pytest.approx(r.info["expected_std"], rel=0.05)
    assert r.mean == pytest.approx(r.info["expected_mean"], rel=0.005)


def test_asymmetric_ci95_shifts_the_mean():
    # documented: an asymmetric interval is fitted as a lognormal whose median is
    # sqrt(low * high), not the point value
    d = D.ci95(0.6, 0.5, 0.75)
    r = monte_carlo_linear({"ef": 0.6}, {"ef": d}, {"ef": 900.0}, n=10_000, seed=1)
    assert r.info["expected_mean"] == pytest.approx(900 * d.mean, rel=1e-12)
    assert d.mean > 0.6 * 1.02
    assert r.mean == pytest.approx(900 * d.mean, rel=0.005)


def test_linear_model_normal_only_mean():
    values = {f"x{i}": float(i + 1) for i in range(20)}
    dists = {k: D.normal(v, 0.1 * v) for k, v in values.items()}
    weights = {k: 2.0 for k in values}
    r = monte_carlo_linear(values, dists, weights, n=10_000, seed=7)
    assert r.mean == pytest.approx(r.deterministic, rel=0.01)


def test_linear_same_seed_identical(plant):
    values, dists, weights = plant
    r1 = monte_carlo_linear(values, dists, weights, n=2000, seed=99)
    r2 = monte_carlo_linear(values, dists, weights, n=2000, seed=99)
    np.testing.assert_array_equal(r1.samples, r2.samples)
    assert r1.to_dict() == r2.to_dict()
    r3 = monte_carlo_linear(values, dists, weights, n=2000, seed=100)
    assert not np.array_equal(r1.samples, r3.samples)


def test_contribution_to_variance_linear_formula():
    values = {"a": 2.0, "b": 5.0, "c": 1.0}
    dists = {"a": D.normal(2.0, 0.3), "b": D.uniform(4.0, 6.0), "c": D.fixed(1.0)}
    weights = {"a": 10.0, "b": -3.0, "c": 4.0}
    r = monte_carlo_linear(values, dists, weights, n=100, seed=0)
    var_a, var_b = 10.0**2 * 0.09, 3.0**2 * (2.0**2 / 12)
    ctv = r.contribution_to_variance
    assert list(ctv.index) == ["a", "b", "c"]
    assert ctv["a"] == pytest.approx(var_a / (var_a + var_b), rel=1e-12)
    assert ctv["b"] == pytest.approx(var_b / (var_a + var_b), rel=1e-12)
    assert ctv["c"] == 0
    assert ctv.sum() == pytest.approx(1, rel=1e-12)


def test_contribution_to_variance_product_by_hand():
    # Y = F * A, F ~ N(2, 0.1), A ~ N(100, 2): V_F = 100^2 0.01 = 100, V_A = 2^2 4 = 16,
    # interaction 0.01 * 4 = 0.04 shared equally (Shapley).
    dists = {"F": D.normal(2.0, 0.1), "A": D.normal(100.0, 2.0)}
    r = monte_carlo_linear({"F": 2.0, "A": 100.0}, dists, {("F", "A"): 1.0}, n=50_000, seed=3)
    total = 100 + 16 + 0.04
    assert r.contribution_to_variance["F"] == pytest.approx(100.02 / total, rel=1e-12)
    assert r.contribution_to_variance["A"] == pytest.approx(16.02 / total, rel=1e-12)
    assert r.info["expected_std"] == pytest.approx(math.sqrt(total), rel=1e-12)
    assert r.std == pytest.approx(math.sqrt(total), rel=0.02)


def test_shared_parameter_is_one_variable():
    # one grid factor G used by two products: Y = G*a + G*b = G*(a+b), fully correlated
    values = {"G": 0.6, "a": 100.0, "b": 300.0}
    r = monte_carlo_linear(
        values, {"G": D.normal(0.6, 0.06)}, {("G", "a"): 1.0, ("G", "b"): 1.0}, n=50_000, seed=5
    )
    assert r.info["expected_std"] == pytest.approx(400 * 0.06, rel=1e-12)
    assert r.std == pytest.approx(24.0, rel=0.02)
    assert r.contribution_to_variance["G"] == pytest.approx(1.0)


@settings(max_examples=40, deadline=None)
@given(
    k=st.integers(1, 12),
    seed=st.integers(0, 2**31),
    products=st.booleans(),
)
def test_contribution_to_variance_sums_to_one(k, seed, products):
    rng = np.random.default_rng(seed)
    values = {f"p{i}": float(rng.uniform(0.5, 5)) for i in range(2 * k)}
    dists = {n: D.normal(v, v * rng.uniform(0.01, 0.3)) for n, v in values.items()}
    if products:
        weights = {(f"p{2 * i}", f"p{2 * i + 1}"): float(rng.uniform(-2, 2)) for i in range(k)}
    else:
        weights = {n: float(rng.uniform(-2, 2)) for n in values}
    r = monte_carlo_linear(values, dists, weights, n=10, seed=seed)
    assert r.contribution_to_variance.sum() == pytest.approx(1.0, rel=1e-9)
    assert (r.contribution_to_variance >= 0).all()


def test_to_dict_is_json(plant):
    values, dists, weights = plant
    d = monte_carlo_linear(values, dists, weights, n=500, seed=1).to_dict()
    assert set(d) == {
        "n", "deterministic", "mean", "median", "p5", "p95", "std", "contribution_to_variance",
    }  # fmt: skip
    json.dumps(d)
    assert d["n"] == 500


@pytest.mark.parametrize(
    ("values", "dists", "weights", "match"),
    [
        ({"a": 1.0}, {"a": D.normal(2.0, 0.1)}, {"a": 1.0}, "differs from values"),
        ({"a": 1.0}, {"b": D.normal(1.0, 0.1)}, {"a": 1.0}, "distributions\\['b'\\]"),
        ({"a": 1.0}, {}, {("a", "z"): 1.0}, "parameter 'z' not in values"),
        ({"a": 1.0}, {}, {("a", "a"): 1.0}, "each parameter once"),
        ({"a": 1.0}, {"a": 1.0}, {"a": 1.0}, "expected a Distribution"),
        ({"a": "x"}, {}, {"a": 1.0}, "expected a number"),
        ([1.0], {}, {"a": 1.0}, "values: expected a mapping"),
    ],
)
def test_linear_bad_input(values, dists, weights, match):
    with pytest.raises(InputError, match=match):
        monte_carlo_linear(values, dists, weights, n=10)


# ----------------------------------------------------------------------------- matrix MC
F1_A = np.array([[1.0, 0.0], [-0.5, 1.0]])
F1_B = np.array([[1.0, 0.0], [0.0, 2.0]])


def test_matrix_zero_uncertainty_equals_deterministic():
    det = matrix_lca(F1_A, F1_B, [1, 10], {0: 1}).score
    r = monte_carlo_matrix(F1_A, F1_B, [1, 10], {0: 1}, n=100, seed=0)
    assert np.all(r.samples == det)
    fixed = {(1, 0): D.normal(-0.5, 0.0), (0, 0): D.fixed(1.0)}
    r = monte_carlo_matrix(
        F1_A, F1_B, [1, 10], {0: 1}, n=100, seed=0, technosphere_uncertainty=fixed
    )
    assert np.all(r.samples == det)


def test_matrix_f1_moments():
    # score = 1 + 10 * 2 * x with x ~ N(0.5, 0.05): mean 11, sd 1
    r = monte_carlo_matrix(
        F1_A, F1_B, [1, 10], {0: 1}, n=10_000, seed=2,
        technosphere_uncertainty={(1, 0): D.normal(-0.5, 0.05)},
    )  # fmt: skip
    assert r.mean == pytest.approx(11, rel=0.01)
    assert r.std == pytest.approx(1, rel=0.03)


def test_matrix_biosphere_only_mean():
    # score linear in B: E[score] = 1 + 10 * E[B_22] * 0.5 with a lognormal B_22
    d = D.lognormal(2.0, sigma=0.2)
    r = monte_carlo_matrix(
        F1_A, F1_B, [1, 10], {0: 1}, n=10_000, seed=4, biosphere_uncertainty={(1, 1): d}
    )
    assert r.mean == pytest.approx(1 + 5 * d.mean, rel=0.01)


def _synthetic(n, seed, upstream):
    rng = np.random.default_rng(seed)
    cons = np.repeat(np.arange(n), 4)
    if upstream:  # near-triangular: suppliers after the consumer, a few loops
        sup = np.where(
            (rng.random(cons.size) < 0.97) & (cons < n - 1),
            np.minimum(cons + 1 + rng.integers(0, 20, cons.size), n - 1),
            rng.integers(0, n, cons.size),
        )
    else:
        sup = rng.integers(0, n, cons.size)
    keep = sup != cons
    pairs = np.unique(np.column_stack([sup[keep], cons[keep]]), axis=0)
    amount = rng.uniform(0.01, 0.2, len(pairs))
    a = sp.csr_array(
        (np.r_[np.ones(n), -amount], (np.r_[np.arange(n), pairs[:, 0]], np.r_[np.arange(n), pairs[:, 1]])),
        shape=(n, n),
    )  # fmt: skip
    b = sp.csr_array(rng.uniform(0, 3, (5, n)) * (rng.random((5, n)) < 0.5))
    tech = {
        (int(r), int(c)): D.normal(-x, 0.1 * x) for (r, c), x in zip(pairs, amount, strict=True)
    }
    bb = b.tocoo()
    bio = {
        (int(r), int(c)): D.lognormal(v, sigma=0.2)
        for r, c, v in zip(bb.row, bb.col, bb.data, strict=True)
    }
    return a, b, rng.uniform(0, 10, 5), {0: 1.0}, tech, bio


@pytest.mark.parametrize(
    ("n", "upstream", "preconditioner"), [(60, False, "dense inverse"), (400, True, "sparse LU")]
)
def test_matrix_iterative_equals_direct(n, upstream, preconditioner):
    a, b, c, f, tech, bio = _synthetic(n, 11, upstream)
    kw = dict(technosphere_uncertainty=tech, biosphere_uncertainty=bio, seed=8, n=40)
    it = monte_carlo_matrix(a, b, c, f, **kw)
    direct = monte_carlo_matrix(a, b, c, f, method="direct", **kw)
    assert it.info["preconditioner"] == preconditioner
    assert it.info["direct_solves"] == 0
    assert direct.info["direct_solves"] == 40
    np.testing.assert_allclose(it.samples, direct.samples, rtol=1e-10)
    assert it.deterministic == matrix_lca(a, b, c, f).score


def test_matrix_fallback_to_direct():
    a, b, c, f, tech, bio = _synthetic(60, 3, False)
    kw = dict(technosphere_uncertainty=tech, seed=1, n=20)
    forced = monte_carlo_matrix(a, b, c, f, max_iter=1, **kw)
    assert forced.info["direct_solves"] == 20
    direct = monte_carlo_matrix(a, b, c, f, method="direct", **kw)
    np.testing.assert_allclose(forced.samples, direct.samples, rtol=1e-12)


def test_matrix_same_seed_identical():
    a, b, c, f, tech, bio = _synthetic(60, 5, False)
    kw = dict(technosphere_uncertainty=tech, biosphere_uncertainty=bio, n=50)
    r1 = monte_carlo_matrix(a, b, c, f, seed=21, **kw)
    r2 = monte_carlo_matrix(a, b, c, f, seed=21, **kw)
    np.testing.assert_array_equal(r1.samples, r2.samples)
    batched = monte_carlo_matrix(a, b, c, f, seed=21, batch_size=7, **kw)
    assert batched.n == 50
    assert batched.contribution_to_variance is None


@pytest.mark.parametrize(
    ("kw", "match"),
    [
        ({"technosphere_uncertainty": {(0, 1): D.normal(0, 1)}}, "not a stored entry"),
        ({"technosphere_uncertainty": {(1, 0): D.normal(-0.4, 0.1)}}, "differs from the matrix"),
        ({"technosphere_uncertainty": {(5, 0): D.normal(-0.4, 0.1)}}, "outside the matrix"),
        ({"biosphere_uncertainty": {1: D.normal(2, 0.1)}}, "index pairs"),
        ({"biosphere_uncertainty": {(1, 1): 2.0}}, "expected a Distribution"),
        ({"method": "gmres"}, "method"),
        ({"rtol": 0}, "rtol"),
    ],
)
def test_matrix_bad_input(kw, match):
    with pytest.raises(InputError, match=match):
        monte_carlo_matrix(F1_A, F1_B, [1, 10], {0: 1}, n=5, **kw)
