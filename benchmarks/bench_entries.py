"""Benchmark: cost against the number of energy entries, load and every analysis.

The example tile plant with its six energy entries split into N metered entries each
(N = 1,000 / 10,000 / 100,000 in all; the amounts differ entry by entry and add up to
the example's, so every size describes the same plant). For each size the script
writes the plant file (YAML, optionally JSON), times ``load_plant`` and each analysis
(inventory, energy, product footprint, retrofits, green-factory score) in one process,
and prints seconds, microseconds per entry and the ratio 100k/10k (linear is 10).
Baselines measured in the same run on the same entries: ``yaml.safe_load`` of the same
file with the C loader (parsing alone) and a pandas ``groupby`` of the amounts by carrier
(the least any analysis must do). The totals are printed to show the sizes agree.

Run: ``.venv/bin/python benchmarks/bench_entries.py [--sizes 1000,10000,100000]
[--json] [--profile SIZE:STEP]``. Never asserted anywhere: read the ratios.
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import json
import pstats
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

import greenchain as gc

STEPS = ("load", "inventory", "energy", "product_footprint", "retrofits", "green_factory_score")


def plant_with_entries(n: int) -> dict[str, Any]:
    """The tile plant with its energy entries split into ``n`` entries in all."""
    base = yaml.safe_load(Path(gc.example_path("tile_plant.yaml")).read_text(encoding="utf-8"))
    data = copy.deepcopy(base)
    entries = base["energy"]
    per = max(n // len(entries), 1)
    weights = [(j % 7) + 1 for j in range(per)]
    total_w = sum(weights)
    out = []
    for e in entries:
        number, unit = str(e["amount"]).split(" ", 1)
        for j in range(per):
            amount = float(number) * weights[j] / total_w
            out.append({**e, "amount": f"{amount:.10g} {unit}"})
    data["energy"] = out[:n] if len(out) >= n else out
    return data


def write(data: dict[str, Any], folder: Path, n: int, fmt: str) -> Path:
    """The plant file of ``n`` entries in ``fmt`` (``yaml`` or ``json``)."""
    path = folder / f"plant_{n}.{fmt}"
    if fmt == "json":
        path.write_text(json.dumps(data), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def run_steps(path: Path) -> tuple[dict[str, float], dict[str, float]]:
    """Seconds of each step on one file, and the totals the analyses give."""
    seconds: dict[str, float] = {}
    totals: dict[str, float] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start = time.perf_counter()
        plant = gc.load_plant(path)
        seconds["load"] = time.perf_counter() - start
        for step in STEPS[1:]:
            start = time.perf_counter()
            if step == "product_footprint":
                result = [plant.product_footprint(p.id) for p in plant.data.products]
                totals[step] = sum(float(r.per_unit.magnitude) for r in result)
            else:
                result = getattr(plant, step)()
                if step in ("inventory", "energy"):
                    totals[step] = float(result.total.magnitude)
                elif step == "retrofits":
                    totals[step] = float(len(result))
            seconds[step] = time.perf_counter() - start
    return seconds, totals


def baselines(path: Path, data: dict[str, Any]) -> dict[str, float]:
    """Same-run baselines: C YAML parsing of the file; a pandas groupby of the amounts."""
    out: dict[str, float] = {}
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    start = time.perf_counter()
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        json.loads(text)
    else:
        yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    out["parse only"] = time.perf_counter() - start
    start = time.perf_counter()
    frame = pd.DataFrame(data["energy"])
    parts = frame["amount"].str.split(" ", n=1, expand=True)
    frame["value"] = parts[0].astype(float)
    frame.groupby(["carrier", parts[1]])["value"].sum()
    out["pandas groupby"] = time.perf_counter() - start
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--json", action="store_true", help="also time JSON plant files")
    parser.add_argument("--profile", help="SIZE:STEP, e.g. 10000:load: print a cProfile")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    formats = ("yaml", "json") if args.json else ("yaml",)
    folder = Path(tempfile.mkdtemp(prefix="bench_entries_"))
    if args.profile:
        size, step = args.profile.split(":")
        path = write(plant_with_entries(int(size)), folder, int(size), "yaml")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            plant = gc.load_plant(path) if step != "load" else None
            profiler = cProfile.Profile()
            profiler.enable()
            if step == "load":
                gc.load_plant(path)
            elif step == "product_footprint":
                for p in plant.data.products:  # type: ignore[union-attr]
                    plant.product_footprint(p.id)  # type: ignore[union-attr]
            else:
                getattr(plant, step)()
            profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
        return
    rows: dict[tuple[str, int], dict[str, float]] = {}
    run_steps(Path(gc.example_path("tile_plant.yaml")))  # warm-up: imports, caches
    for fmt in formats:
        for n in sizes:
            data = plant_with_entries(n)
            path = write(data, folder, n, fmt)
            seconds, totals = run_steps(path)
            seconds.update(baselines(path, data))
            rows[(fmt, n)] = seconds
            print(
                f"{fmt} {n:>7,} entries: "
                + ", ".join(f"{k} {v:.3f} s" for k, v in seconds.items())
                + " | totals "
                + ", ".join(f"{k} {v:.6g}" for k, v in totals.items()),
                flush=True,
            )
    for fmt in formats:
        print(f"\n### {fmt}\n")
        ratio_head = f"ratio {sizes[-1]:,}/{sizes[-2]:,}" if len(sizes) > 1 else "ratio"
        print(
            "| step | " + " | ".join(f"{n:,} (s)" for n in sizes) + " | µs per entry at "
            f"{sizes[-1]:,} | {ratio_head} |"
        )
        print("| --- | " + " | ".join("---:" for _ in sizes) + " | ---: | ---: |")
        for step in (*STEPS, "parse only", "pandas groupby"):
            values = [rows[(fmt, n)][step] for n in sizes]
            ratio = values[-1] / values[-2] if len(values) > 1 and values[-2] > 0 else float("nan")
            print(
                f"| {step} | "
                + " | ".join(f"{v:.3f}" for v in values)
                + f" | {values[-1] / sizes[-1] * 1e6:.1f} | {ratio:.1f} |"
            )


if __name__ == "__main__":
    main()
