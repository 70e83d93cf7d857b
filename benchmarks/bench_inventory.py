"""Benchmark: inventory.from_records on 1,000,000 mixed activity records.

Compares, in the same run:

Each timing is the best of three runs.

(a) a hand-written numpy baseline that does the same arithmetic with the lookups
    pre-joined: string columns factorised to integer codes, factors gathered from
    small pre-computed tables (CO2 per canonical unit x unit conversion), multiplied
    and summed — no validation, no audit trail, no warnings;
(b) a per-row pint loop (Quantity(amount, unit) x Quantity(factor)), timed on
    10,000 rows and compared per row.

Prints wall times, the ratios and peak memory (ru_maxrss). Machines are shared and
noisy: read the ratios, not the absolute times. Run: ``make bench`` or
``.venv/bin/python benchmarks/bench_inventory.py [--rows N]``.
"""

from __future__ import annotations

import argparse
import resource
import time
import warnings

import numpy as np
import pandas as pd

import greenchain as gc
from greenchain.accounting import emissions, inventory
from greenchain.data import factors

FUELS = {  # fuel id -> (units, weights)
    "natural_gas": ("m^3", "Nm3", "wan_Nm3"),
    "diesel": ("t", "kg"),
    "gasoline": ("t", "kg"),
    "lpg": ("t", "kg"),
    "fuel_oil": ("t",),
    "bituminous_coal": ("t",),
    "anthracite": ("t",),
    "coke": ("t",),
    "kerosene": ("t", "kg"),
    "crude_oil": ("t",),
}
OTHER = {"electricity": ("kWh", "MWh"), "heat": ("GJ", "MJ")}
YEARS = (2021, 2022, 2023)


def make_records(n: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    provinces = sorted(
        {r for r in factors.search(key="electricity.grid", basis="average", year=2023)["region"]}
        - {
            "China",
            "North China",
            "Northeast China",
            "East China",
            "Central China",
            "Northwest China",
            "South China",
            "Southwest China",
        }
    )
    carriers = list(FUELS) + list(OTHER)
    carrier = rng.choice(carriers, size=n, p=None)
    units_by_carrier = {**FUELS, **OTHER}
    unit = np.empty(n, dtype=object)
    for c in carriers:
        sel = carrier == c
        unit[sel] = rng.choice(units_by_carrier[c], size=int(sel.sum()))
    scale = {
        "m^3": 1e4,
        "Nm3": 1e4,
        "wan_Nm3": 1.0,
        "t": 10.0,
        "kg": 1e4,
        "kWh": 1e5,
        "MWh": 100.0,
        "GJ": 100.0,
        "MJ": 1e5,
    }
    amount = rng.uniform(0.1, 1.0, size=n) * np.array([scale[u] for u in unit])
    return pd.DataFrame(
        {
            "carrier": carrier,
            "amount": amount,
            "unit": unit,
            "region": rng.choice(provinces, size=n),
            "year": rng.choice(YEARS, size=n),
            "plant_id": rng.integers(0, 500, size=n),
        }
    )


def numpy_baseline(records: pd.DataFrame) -> float:
    """Same CO2 arithmetic with pre-joined factor tables (no validation or audit)."""
    c_codes, c_uni = pd.factorize(records["carrier"])
    u_codes, u_uni = pd.factorize(records["unit"])
    r_codes, r_uni = pd.factorize(records["region"])
    y_codes, y_uni = pd.factorize(records["year"])
    # small tables, built outside the hot path in a real system
    ef = np.zeros((len(c_uni), len(u_uni)))
    for i, c in enumerate(c_uni):
        for j, u in enumerate(u_uni):
            if c in FUELS and u in FUELS[c]:
                p = emissions.fuel_parameters(c)
                ef[i, j] = (
                    gc.Q_(1, u).m_as(p.basis_unit)
                    * p.ncv_per_basis
                    * p.carbon_content.value
                    * p.oxidation_rate.value
                    * 44
                    / 12
                )
            elif c == "heat" and u in OTHER["heat"]:
                ef[i, j] = gc.Q_(1, u).m_as("GJ") * 0.11
            elif c == "electricity" and u in OTHER["electricity"]:
                ef[i, j] = gc.Q_(1, u).m_as("MWh")
    grid = np.zeros((len(r_uni), len(y_uni)))
    for i, r in enumerate(r_uni):
        for j, y in enumerate(y_uni):
            grid[i, j] = factors.grid_electricity(r, int(y)).value
    is_elec = np.asarray(c_uni == "electricity")[c_codes]
    per_row = ef[c_codes, u_codes] * np.where(is_elec, grid[r_codes, y_codes], 1.0)
    co2 = records["amount"].to_numpy() * per_row
    return float(co2.sum())


def pint_loop(records: pd.DataFrame) -> float:
    """The naive way: one Quantity per row."""
    total = gc.Q_(0.0, "tCO2")
    for row in records.itertuples(index=False):
        amount = gc.Q_(row.amount, row.unit)
        if row.carrier == "electricity":
            f = factors.grid_electricity(row.region, int(row.year))
            total = total + (amount * f.quantity).to("tCO2")
        elif row.carrier == "heat":
            total = total + (amount * factors.get("heat.purchased").quantity).to("tCO2")
        else:
            p = emissions.fuel_parameters(row.carrier)
            e = amount.to(p.basis_unit) * p.ncv.quantity * p.carbon_content.quantity
            total = total + (e * p.oxidation_rate.quantity * gc.Q_(44 / 12, "tCO2/tC")).to("tCO2")
    return float(total.magnitude)


def timed(fn, *args, repeat: int = 3, **kwargs):
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn(*args, **kwargs)
        best = min(best, time.perf_counter() - t0)
    return best, out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--loop-rows", type=int, default=10_000)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    records = make_records(args.rows)
    print(
        f"records: {len(records):,} rows, {records['carrier'].nunique()} carriers, "
        f"{records['region'].nunique()} provinces, {records['year'].nunique()} years, "
        f"{records['unit'].nunique()} units"
    )
    factors.table()  # load the database once, outside the timings
    t_base, base_total = timed(numpy_baseline, records)
    t_gc, result = timed(inventory.from_records, records, non_co2=False, repeat=3)
    gc_total = float(result.activities["co2_t"].sum())
    t_full, _ = timed(inventory.from_records, records, repeat=3)
    loop = records.iloc[: args.loop_rows]
    t_loop, loop_total = timed(pint_loop, loop, repeat=3)
    t_gc_small, small = timed(inventory.from_records, loop, non_co2=False)
    assert abs(gc_total - base_total) <= 1e-9 * abs(base_total), (gc_total, base_total)
    assert abs(float(small.activities["co2_t"].sum()) - loop_total) <= 1e-9 * loop_total
    per_row_gc = t_gc / len(records)
    per_row_loop = t_loop / len(loop)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"numpy baseline (pre-joined):      {t_base:8.3f} s")
    print(
        f"greenchain from_records (CO2):    {t_gc:8.3f} s   ratio to baseline "
        f"{t_gc / t_base:5.1f}x   (target <= 10x)"
    )
    print(
        f"greenchain from_records (+CH4/N2O, audit): {t_full:8.3f} s   ratio "
        f"{t_full / t_base:5.1f}x"
    )
    print(
        f"pint loop on {len(loop):,} rows (best of 3): {t_loop:8.3f} s   "
        f"({per_row_loop * 1e6:,.1f} us/row)"
    )
    print(
        f"per-row speed-up vs pint loop:    {per_row_loop / per_row_gc:,.0f}x   (target >= 1,000x)"
    )
    print(f"peak memory (ru_maxrss):          {peak_mb:,.0f} MB   (target < 1,500 MB)")
    print("totals agree with the baseline and with the pint loop to 1e-9")


if __name__ == "__main__":
    main()
