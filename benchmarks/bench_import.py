"""Benchmark: cost of ``import greenchain`` over pandas + pint + pydantic alone.

Each measurement runs in a fresh interpreter; the script prints the median of
several runs of (a) the baseline imports, (b) the baseline plus greenchain, and
their difference (the issue's budget is about 0.2 s). Run:
``.venv/bin/python benchmarks/bench_import.py``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys

CODE = "import time; t=time.perf_counter(); import {mods}; print(time.perf_counter()-t)"


def run(mods: str, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", CODE.format(mods=mods)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        times.append(float(out))
    return statistics.median(times)


def main() -> None:
    base = run("pandas, pint, pydantic")
    full = run("pandas, pint, pydantic, greenchain")
    alone = run("greenchain")
    print(f"import pandas + pint + pydantic:             {base:.3f} s (median of 7)")
    print(f"import pandas + pint + pydantic + greenchain: {full:.3f} s")
    print(f"greenchain's own share:                       {full - base:+.3f} s (budget ~0.2 s)")
    print(f"import greenchain alone (pandas not loaded):  {alone:.3f} s")


if __name__ == "__main__":
    main()
