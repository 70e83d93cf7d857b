"""Benchmark of greenchain's footprint engine against Brightway's bw2calc.

Run from the repository root (see benchmarks/README.md)::

    .venv-bench/bin/python benchmarks/bench_footprint.py

Case 1: a synthetic technosphere of N processes (default 2,000), each with about six
technosphere inputs from randomly chosen other processes (amounts 0.005-0.1 per unit
of output, so every column sums to at most 0.6 and the system is productive) and a
production diagonal of 1, about three biosphere flows per process (out of 200) and
one characterisation factor per flow. Normal uncertainty on every technosphere input
(sd 10 % of |amount|), lognormal on every emission. The identical system is solved
deterministically by greenchain and bw2calc (scores must agree to 1e-9 relative),
then Monte Carlo draws are timed on both sides.

Case 2: a plant footprint with 200 inputs, sum_i factor_i x activity_i, where only the
factors and the activity data are uncertain (greenchain.accounting.uncertainty.monte_carlo_linear).

Each side is timed ``--repeats`` times (default 3) and the best rate is kept, since
shared machines are noisy; greenchain's timings include its set-up (validation,
deterministic LU, preconditioner). ``--structure upstream`` makes 95 % of the inputs
come from processes further upstream (near-triangular, like real LCA databases).

If bw2calc cannot be imported or fails, the greenchain part still runs and the reason
is printed. All random inputs are synthetic; nothing here is emission-factor data.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
import traceback
from pathlib import Path

import numpy as np

try:
    import greenchain  # noqa: F401
except ImportError:  # not installed: use the checkout this script lives in
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import scipy.sparse as sp

from greenchain.accounting.lca import matrix_lca
from greenchain.accounting.uncertainty import Distribution, monte_carlo_linear, monte_carlo_matrix

TECH_SD = 0.10  # relative sd of technosphere inputs
BIO_SIGMA = 0.2  # sigma of ln for emissions


def make_system(
    n: int,
    inputs: int = 6,
    flows_per_process: int = 3,
    n_flows: int = 200,
    structure: str = "random",
    seed: int = 42,
) -> dict:
    """Synthetic technosphere, biosphere and characterisation as index/value arrays.

    ``structure="random"``: suppliers drawn uniformly from all other processes (many
    loops: the LU factors fill in heavily). ``"upstream"``: 95 % of suppliers have a
    higher index than the consumer (near-triangular, like real LCA databases), 5 % any.
    """
    rng = np.random.default_rng(seed)
    cons = np.repeat(np.arange(n), inputs)
    if structure == "random":
        sup = (cons + rng.integers(1, n, size=cons.size)) % n  # never the process itself
    elif structure == "upstream":
        up = rng.random(cons.size) < 0.95
        span = np.maximum(n - 1 - cons, 1)
        sup = np.where(
            up & (cons < n - 1),
            cons + 1 + (rng.random(cons.size) * span).astype(int),
            (cons + rng.integers(1, n, size=cons.size)) % n,
        )
    else:
        raise ValueError(structure)
    # drop repeated (supplier, consumer) pairs so every stored entry has one distribution
    pairs = np.unique(np.column_stack([sup, cons]), axis=0)
    sup, cons = pairs[:, 0], pairs[:, 1]
    amount = rng.uniform(0.005, 0.1, size=sup.size)  # positive input amounts
    b_col = np.repeat(np.arange(n), flows_per_process)
    b_row = np.concatenate(
        [rng.choice(n_flows, flows_per_process, replace=False) for _ in range(n)]
    )
    b_gm = 10 ** rng.uniform(-2, 1, size=b_row.size)  # geometric mean of each emission
    cf = rng.uniform(0.1, 10, size=n_flows)
    return {
        "n": n,
        "sup": sup,
        "cons": cons,
        "amount": amount,
        "b_row": b_row,
        "b_col": b_col,
        "b_gm": b_gm,
        "cf": cf,
        "n_flows": n_flows,
    }


def greenchain_inputs(s: dict) -> tuple:
    n = s["n"]
    rows = np.concatenate([np.arange(n), s["sup"]])
    cols = np.concatenate([np.arange(n), s["cons"]])
    vals = np.concatenate([np.ones(n), -s["amount"]])
    a = sp.csr_array((vals, (rows, cols)), shape=(n, n))
    b = sp.csr_array((s["b_gm"], (s["b_row"], s["b_col"])), shape=(s["n_flows"], n))
    tech_u = {
        (int(r), int(c)): Distribution.normal(-x, TECH_SD * x)
        for r, c, x in zip(s["sup"], s["cons"], s["amount"], strict=True)
    }
    bio_u = {
        (int(r), int(c)): Distribution.lognormal(g, sigma=BIO_SIGMA)
        for r, c, g in zip(s["b_row"], s["b_col"], s["b_gm"], strict=True)
    }
    return a, b, s["cf"], {0: 1.0}, tech_u, bio_u


def bw_datapackage(s: dict):
    import bw_processing as bwp

    n, nf = s["n"], s["n_flows"]
    prod_ids = np.arange(n) + 1  # product id i+1 is made by activity id i+1
    flow_ids = np.arange(nf) + 10_000_000
    dp = bwp.create_datapackage()
    t_idx = np.array(
        list(
            zip(
                np.concatenate([prod_ids, s["sup"] + 1]),
                np.concatenate([prod_ids, s["cons"] + 1]),
                strict=True,
            )
        ),
        dtype=bwp.INDICES_DTYPE,
    )
    t_data = np.concatenate([np.ones(n), s["amount"]])
    t_flip = np.concatenate([np.zeros(n, bool), np.ones(s["amount"].size, bool)])
    t_dist = np.zeros(t_data.size, dtype=bwp.UNCERTAINTY_DTYPE)
    t_dist["loc"], t_dist["scale"] = t_data, np.nan
    t_dist["shape"] = t_dist["minimum"] = t_dist["maximum"] = np.nan
    t_dist["uncertainty_type"][n:] = 3  # stats_arrays NormalUncertainty
    t_dist["scale"][n:] = TECH_SD * s["amount"]
    dp.add_persistent_vector(
        matrix="technosphere_matrix",
        indices_array=t_idx,
        data_array=t_data,
        flip_array=t_flip,
        distributions_array=t_dist,
        name="technosphere",
    )
    b_idx = np.array(
        list(zip(flow_ids[s["b_row"]], s["b_col"] + 1, strict=True)), dtype=bwp.INDICES_DTYPE
    )
    b_dist = np.zeros(s["b_gm"].size, dtype=bwp.UNCERTAINTY_DTYPE)
    b_dist["uncertainty_type"] = 2  # stats_arrays LognormalUncertainty
    b_dist["loc"], b_dist["scale"] = np.log(s["b_gm"]), BIO_SIGMA
    b_dist["shape"] = b_dist["minimum"] = b_dist["maximum"] = np.nan
    dp.add_persistent_vector(
        matrix="biosphere_matrix",
        indices_array=b_idx,
        data_array=s["b_gm"],
        distributions_array=b_dist,
        name="biosphere",
    )
    c_idx = np.array([(f, 0) for f in flow_ids], dtype=bwp.INDICES_DTYPE)
    dp.add_persistent_vector(
        matrix="characterization_matrix",
        indices_array=c_idx,
        data_array=s["cf"],
        global_index=0,
        name="characterization",
    )
    return dp


def best_rate(label: str, draws: int, times: list[float]) -> float:
    """Print and return the best of the repeated timings, in draws per second."""
    rates = sorted(draws / t for t in times)
    print(
        f"{label}: {rates[-1]:,.1f} draws/s best of {len(times)} x {draws} draws "
        f"(all: {', '.join(f'{r:,.1f}' for r in rates)})"
    )
    return rates[-1]


def timed(fn, repeats: int) -> tuple[list[float], object]:
    times, out = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return times, out


def case_matrix(args: argparse.Namespace) -> None:
    print(f"\n== Case 1: {args.processes}-process system, structure={args.structure} ==")
    s = make_system(args.processes, structure=args.structure, seed=args.seed)
    a, b, c, f, tech_u, bio_u = greenchain_inputs(s)
    print(
        f"technosphere {a.shape[0]}x{a.shape[1]}, {a.nnz} entries "
        f"({len(tech_u)} uncertain); biosphere {b.shape[0]}x{b.shape[1]}, {b.nnz} entries"
    )
    t0 = time.perf_counter()
    det = matrix_lca(a, b, c, f)
    t_det = time.perf_counter() - t0
    print(f"greenchain deterministic score {det.score:.12g} ({t_det * 1e3:.1f} ms)")

    kw = dict(technosphere_uncertainty=tech_u, biosphere_uncertainty=bio_u, seed=args.seed)
    monte_carlo_matrix(a, b, c, f, n=5, **kw)  # warm-up
    # each timed call includes its set-up: validation, deterministic LU, preconditioner
    times, mc = timed(lambda: monte_carlo_matrix(a, b, c, f, n=args.gc_draws, **kw), args.repeats)
    gc_rate = best_rate("greenchain iterative", args.gc_draws, times)
    print(
        f"  mean {mc.mean:.6g}, sd {mc.std:.4g}; iterations mean "
        f"{mc.info['iterations_mean']:.1f}, max {mc.info['iterations_max']}; direct "
        f"fallbacks {mc.info['direct_solves']}; preconditioner {mc.info.get('preconditioner')}"
    )
    times, mcd = timed(
        lambda: monte_carlo_matrix(a, b, c, f, n=args.direct_draws, method="direct", **kw), 1
    )
    direct_rate = best_rate("greenchain direct (one SuperLU per draw)", args.direct_draws, times)
    k = min(args.direct_draws, args.gc_draws)
    mci = monte_carlo_matrix(a, b, c, f, n=k, **kw)
    rel = np.max(np.abs(mci.samples - mcd.samples[:k]) / np.abs(mcd.samples[:k]))
    print(f"  iterative vs direct, same {k} draws: max relative difference {rel:.2e}")

    if args.bw_superlu:
        sys.modules["pypardiso"] = None  # type: ignore[assignment]  # bw2calc falls back
    try:
        import bw2calc
    except Exception as exc:  # ImportError, or a broken install
        print(f"bw2calc side SKIPPED: cannot import bw2calc ({type(exc).__name__}: {exc})")
        return
    try:
        solver = (
            "pypardiso" if bw2calc.PYPARDISO else "UMFPACK" if bw2calc.UMFPACK else "scipy SuperLU"
        )
        print(f"bw2calc {bw2calc.__version__} (solver {solver})")
        dp = bw_datapackage(s)
        t0 = time.perf_counter()
        lca = bw2calc.LCA(demand={1: 1.0}, data_objs=[dp])
        lca.lci()
        lca.lcia()
        t_bwd = time.perf_counter() - t0
        agree = abs(lca.score - det.score) / abs(det.score)
        print(
            f"bw2calc deterministic score {lca.score:.12g} ({t_bwd * 1e3:.1f} ms); relative "
            f"difference {agree:.2e} -> {'AGREE' if agree <= 1e-9 else 'DISAGREE'} at 1e-9"
        )
        mc_lca = bw2calc.LCA(
            demand={1: 1.0}, data_objs=[dp], use_distributions=True, seed_override=args.seed
        )
        mc_lca.lci()
        mc_lca.lcia()
        scores: list[float] = []

        def draws() -> None:
            for _ in range(args.bw_draws):
                next(mc_lca)
                scores.append(mc_lca.score)

        times, _ = timed(draws, args.repeats)
        bw_rate = best_rate("bw2calc next(lca)", args.bw_draws, times)
        print(f"  mean {np.mean(scores):.6g}, sd {np.std(scores, ddof=1):.4g}")
        print(
            f"ratio greenchain iterative / bw2calc: {gc_rate / bw_rate:,.0f}x; "
            f"greenchain direct / bw2calc: {direct_rate / bw_rate:.1f}x"
        )
    except Exception as exc:
        traceback.print_exc()
        print(f"bw2calc side SKIPPED: it failed ({type(exc).__name__}: {exc})")


def case_linear(args: argparse.Namespace) -> None:
    print("\n== Case 2: plant footprint with 200 inputs (monte_carlo_linear) ==")
    rng = np.random.default_rng(args.seed)
    k = 200
    act = rng.uniform(10, 1000, size=k)
    ef = rng.uniform(0.1, 3, size=k)
    values, dists, weights = {}, {}, {}
    for i in range(k):
        a_name, f_name = f"activity_{i}", f"factor_{i}"
        values[a_name], values[f_name] = act[i], ef[i]
        dists[a_name] = Distribution.normal(act[i], 0.05 * act[i])
        if i % 2:  # asymmetric 95 % interval -> fitted lognormal
            dists[f_name] = Distribution.ci95(ef[i], 0.8 * ef[i], 1.3 * ef[i])
        else:
            dists[f_name] = Distribution.lognormal(ef[i], gsd=1.15)
        weights[(f_name, a_name)] = 1.0
    monte_carlo_linear(values, dists, weights, n=1000, seed=1)  # warm-up
    n = args.linear_draws
    times, r = timed(lambda: monte_carlo_linear(values, dists, weights, n=n, seed=args.seed),
                     args.repeats)  # fmt: skip
    best_rate("greenchain monte_carlo_linear", n, times)
    print(
        f"deterministic {r.deterministic:.6g}; mean {r.mean:.6g} (exact "
        f"{r.info['expected_mean']:.6g}); sd {r.std:.4g} (exact "
        f"{r.info['expected_std']:.4g}); p5 {r.p5:.6g}; p95 {r.p95:.6g}; "
        f"contributions sum {r.contribution_to_variance.sum():.12f}"
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--processes", type=int, default=2000)
    p.add_argument("--structure", choices=["random", "upstream"], default="random")
    p.add_argument("--gc-draws", type=int, default=1000, help="greenchain draws per repeat")
    p.add_argument("--direct-draws", type=int, default=20)
    p.add_argument("--bw-draws", type=int, default=20, help="bw2calc draws per repeat")
    p.add_argument("--repeats", type=int, default=3, help="timings per side; best is kept")
    p.add_argument(
        "--bw-superlu", action="store_true", help="hide pypardiso: bw2calc uses scipy SuperLU"
    )
    p.add_argument("--linear-draws", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--skip-linear", action="store_true")
    args = p.parse_args()
    try:
        from threadpoolctl import threadpool_info

        blas = "; ".join(
            f"{i.get('internal_api')} {i.get('num_threads')} threads" for i in threadpool_info()
        )
    except ImportError:
        blas = "threadpoolctl not installed"
    print(
        f"Python {platform.python_version()}, numpy {np.__version__}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs; BLAS: {blas}"
    )
    case_matrix(args)
    if not args.skip_linear:
        case_linear(args)


if __name__ == "__main__":
    main()
