"""Benchmark: the portfolio inventory out of core, on Dask, from Parquet on disk.

Generates synthetic hourly readings for N plants x one year (4 meters per plant:
electricity, natural gas, coal, purchased heat; 8,760 hours) to Parquet files of about
1 M rows each, written plant chunk by plant chunk so that generation stays small in
memory. The default, 3,000 plants, is 105 M rows. Then, in the same run:

(a) a numpy floor: each file read with pyarrow, CO2 by pre-joined factor tables
    (amount x factor of carrier, unit and the plant's province), local month by a fixed
    +8 h, summed by plant and month with ``bincount`` — no validation, no audit, one core;
(b) ``greenchain.portfolio.inventory(..., by=("plant_id", "month"))`` on a
    ``dask.distributed.LocalCluster`` with 2 workers (1 thread each), on a tenth of the
    files and on all of them (scaling), then with 1 worker on all (speed-up).

Prints rows/s, wall time, the workers' CPU time and rows per CPU-second against the
floor's (the ratio that survives a shared machine), and peak memory: the client's RSS and
each worker's (``ru_maxrss`` of the worker process, plus the peak of the sampled sum of
client and workers). Totals of CO2 must agree with the floor to 1e-9. Machines are
shared and noisy: read the ratios. Run::

    .venv/bin/python benchmarks/bench_portfolio.py --rows 10_000_000
    .venv/bin/python benchmarks/bench_portfolio.py            # 3,000 plants, ~105 M rows

The Parquet files go to ``--dir`` (default a temporary directory) and are deleted at
the end unless ``--keep``.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import tempfile
import threading
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import psutil
import pyarrow as pa
import pyarrow.parquet as pq

import greenchain as gc
from greenchain.accounting import emissions
from greenchain.data import factors

HOURS = 8760
METERS = (  # carrier, unit, mean amount per hour
    ("electricity", "kWh", 2_000.0),
    ("natural_gas", "m^3", 150.0),
    ("bituminous_coal", "t", 0.2),
    ("heat", "GJ", 1.5),
)
YEAR = 2023


def provinces() -> list[str]:
    found = factors.search(key="electricity.grid", basis="average", year=YEAR)["region"]
    return sorted({str(r) for r in found if "China" not in str(r)})


def generate(directory: Path, plants: int, rows_per_file: int, seed: int = 0) -> pd.DataFrame:
    """Write the readings; return the plant registry."""
    rng = np.random.default_rng(seed)
    regions = provinces()
    registry = pd.DataFrame(
        {
            "plant_id": [f"P{i:05d}" for i in range(plants)],
            "region": rng.choice(regions, plants),
            "sector": rng.choice(["ceramics", "textiles", "shoes", "food"], plants),
        }
    )
    local = pd.date_range(f"{YEAR}-01-01", periods=HOURS, freq="h", tz="Asia/Shanghai")
    ts = local.tz_convert("UTC").as_unit("ns").asi8
    per_file = max(1, rows_per_file // (HOURS * len(METERS)))
    carriers = pa.array([m[0] for m in METERS])
    units = pa.array([m[1] for m in METERS])
    for k, first in enumerate(range(0, plants, per_file)):
        ids = registry["plant_id"].to_numpy()[first : first + per_file]
        n = len(ids) * len(METERS) * HOURS
        plant_code = np.repeat(np.arange(len(ids), dtype=np.int32), len(METERS) * HOURS)
        meter_code = np.tile(np.repeat(np.arange(len(METERS), dtype=np.int32), HOURS), len(ids))
        scale = np.array([m[2] for m in METERS])[meter_code]
        table = pa.table(
            {
                "plant_id": pa.DictionaryArray.from_arrays(plant_code, pa.array(ids)),
                "timestamp": pa.array(
                    np.tile(ts, len(ids) * len(METERS)), pa.timestamp("ns", "UTC")
                ),
                "carrier": pa.DictionaryArray.from_arrays(meter_code, carriers),
                "amount": rng.uniform(0.5, 1.5, n) * scale,
                "unit": pa.DictionaryArray.from_arrays(meter_code, units),
            }
        )
        pq.write_table(table, directory / f"part-{k:05d}.parquet", row_group_size=rows_per_file)
    return registry


def numpy_floor(files: list[Path], registry: pd.DataFrame) -> tuple[float, float]:
    """(CO2 total [t], seconds, CPU seconds): the same CO2 with pre-joined factors, file by
    file."""
    t0, c0 = time.perf_counter(), time.process_time()
    region_of = dict(zip(registry["plant_id"], registry["region"], strict=True))
    grid = {r: factors.grid_electricity(r, YEAR).value for r in set(region_of.values())}
    ef = {}
    for carrier, unit, _ in METERS:
        if carrier == "electricity":
            ef[carrier] = gc.Q_(1, unit).m_as("MWh")
        elif carrier == "heat":
            ef[carrier] = gc.Q_(1, unit).m_as("GJ") * factors.get("heat.purchased").value
        else:
            p = emissions.fuel_parameters(carrier)
            ef[carrier] = (
                gc.Q_(1, unit).m_as(p.basis_unit)
                * p.ncv_per_basis
                * p.carbon_content.value
                * p.oxidation_rate.value
                * 44
                / 12
            )
    total = 0.0
    for f in files:
        t = pq.read_table(f)
        plant = t["plant_id"].combine_chunks()
        carrier = t["carrier"].combine_chunks()
        ids = plant.dictionary.to_pylist()
        names = carrier.dictionary.to_pylist()
        p_codes = plant.indices.to_numpy()
        c_codes = carrier.indices.to_numpy()
        per_carrier = np.array([ef[c] for c in names])
        is_elec = np.array([c == "electricity" for c in names])[c_codes]
        grid_of_plant = np.array([grid[region_of[i]] for i in ids])
        factor = per_carrier[c_codes] * np.where(is_elec, grid_of_plant[p_codes], 1.0)
        co2 = t["amount"].to_numpy() * factor
        stamp = t["timestamp"].to_numpy().astype("datetime64[ns]") + np.timedelta64(8, "h")
        month = stamp.astype("datetime64[M]").astype(np.int64)
        key = p_codes.astype(np.int64) * 10_000 + (month - month.min())
        _, inverse = np.unique(key, return_inverse=True)
        total += float(np.bincount(inverse, weights=co2).sum())
    return total, time.perf_counter() - t0, time.process_time() - c0


class Sampler:
    """Peak RSS of this process and of the cluster's worker processes (sampled)."""

    def __init__(self, pids: list[int]):
        self.procs = [psutil.Process(os.getpid())] + [psutil.Process(p) for p in pids]
        self.peak_client = 0
        self.peak_total = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            rss = []
            for p in self.procs:
                try:
                    rss.append(p.memory_info().rss)
                except psutil.Error:
                    rss.append(0)
            self.peak_client = max(self.peak_client, rss[0])
            self.peak_total = max(self.peak_total, sum(rss))
            self._stop.wait(0.2)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_cluster(files: list[Path], registry: pd.DataFrame, workers: int) -> dict:
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            memory_limit="8GB",
            dashboard_address=":0",
        ) as cluster,
        Client(cluster) as client,
    ):
        pids = list(client.run(os.getpid).values())
        cpu0 = sum(client.run(_cpu_seconds).values())
        records = dd.read_parquet([str(f) for f in files])
        with Sampler(pids) as sampler:
            t0 = time.perf_counter()
            table = gc.portfolio.inventory(
                records, plants=registry, by=("plant_id", "month"), non_co2=False, scheduler=client
            )
            wall = time.perf_counter() - t0
        maxrss = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        cpu = sum(client.run(_cpu_seconds).values()) - cpu0
    rows = sum(pq.ParquetFile(f).metadata.num_rows for f in files)
    return {
        "workers": workers,
        "rows": rows,
        "wall": wall,
        "rate": rows / wall,
        "cpu": cpu,
        "co2": float(table["co2_t"].sum()),
        "groups": len(table),
        "client_mb": sampler.peak_client / 2**20,
        "worker_mb": [v / 1024 for v in maxrss.values()],
        "total_mb": sampler.peak_total / 2**20,
    }


def show(label: str, r: dict, floor_cpu_rate: float) -> None:
    workers = ", ".join(f"{m:,.0f}" for m in r["worker_mb"])
    cpu_rate = r["rows"] / r["cpu"]
    print(
        f"{label:<26} {r['rows']:>12,} rows  {r['wall']:8.1f} s  {r['rate']:>12,.0f} rows/s  "
        f"worker CPU {r['cpu']:7.1f} s = {cpu_rate:>10,.0f} rows/CPU-s "
        f"({floor_cpu_rate / cpu_rate:5.1f}x floor)  peak RSS client {r['client_mb']:,.0f} MB, "
        f"workers [{workers}] MB, sampled sum {r['total_mb']:,.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plants", type=int, default=3000)
    parser.add_argument("--rows", type=float, default=None, help="total rows (sets --plants)")
    parser.add_argument("--rows-per-file", type=int, default=1_000_000)
    parser.add_argument("--dir", default=None, help="where to write the Parquet files")
    parser.add_argument("--keep", action="store_true", help="keep the Parquet files")
    parser.add_argument("--skip-one-worker", action="store_true")
    parser.add_argument(
        "--one-worker-on",
        choices=("all", "tenth"),
        default="all",
        help="files for the 1-worker run (tenth: the same tenth as the scaling run)",
    )
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    plants = args.plants
    if args.rows:
        plants = max(1, round(args.rows / (HOURS * len(METERS))))
    directory = Path(args.dir or tempfile.mkdtemp(prefix="gc_portfolio_"))
    directory.mkdir(parents=True, exist_ok=True)
    try:
        t0 = time.perf_counter()
        registry = generate(directory, plants, args.rows_per_file)
        files = sorted(directory.glob("part-*.parquet"))
        rows = sum(pq.ParquetFile(f).metadata.num_rows for f in files)
        size = sum(f.stat().st_size for f in files) / 2**20
        print(
            f"generated {plants:,} plants x {len(METERS)} meters x {HOURS:,} h = {rows:,} rows "
            f"in {len(files)} Parquet files ({size:,.0f} MB) in {time.perf_counter() - t0:.0f} s"
        )
        factors.table()
        floor_total, floor_wall, floor_cpu = numpy_floor(files, registry)
        floor_rate = rows / floor_cpu
        print(
            f"{'numpy floor (1 core)':<26} {rows:>12,} rows  {floor_wall:8.1f} s  "
            f"{rows / floor_wall:>12,.0f} rows/s  CPU {floor_cpu:7.1f} s = "
            f"{floor_rate:>10,.0f} rows/CPU-s"
        )
        tenth = files[: max(1, len(files) // 10)]
        small = run_cluster(tenth, registry, 2)
        show("portfolio, 2 workers, 1/10", small, floor_rate)
        full = run_cluster(files, registry, 2)
        show("portfolio, 2 workers", full, floor_rate)
        assert abs(full["co2"] - floor_total) <= 1e-9 * floor_total, (full["co2"], floor_total)
        print(
            f"scaling {small['rows']:,} -> {full['rows']:,} rows: time x"
            f"{full['wall'] / small['wall']:.2f} for rows x{full['rows'] / small['rows']:.2f} "
            f"(rows/s {small['rate']:,.0f} -> {full['rate']:,.0f})"
        )
        if not args.skip_one_worker:
            same = full if args.one_worker_on == "all" else small
            one = run_cluster(files if args.one_worker_on == "all" else tenth, registry, 1)
            show(f"portfolio, 1 worker, {args.one_worker_on}", one, floor_rate)
            print(
                f"speed-up 1 -> 2 workers: {one['wall'] / same['wall']:.2f}x wall time "
                f"(worker CPU {one['cpu']:.0f} s -> {same['cpu']:.0f} s)"
            )
        peak = max(full["total_mb"], full["client_mb"] + sum(full["worker_mb"]))
        print(
            f"peak memory, 2 workers (client + workers, upper bound): {peak:,.0f} MB "
            "(target < 4,096 MB)"
        )
        print(f"CO2 total agrees with the numpy floor to 1e-9 ({full['co2']:,.1f} t)")
    finally:
        if not args.keep:
            shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
