"""Benchmark: start-up cost of ``greenchain --help`` against a real command.

Each measurement runs the console script in a fresh process (wall clock, output
discarded); the cases are interleaved, repeated N times, and the script prints the
medians and the ratio ``--help`` / ``inventory`` of the example tile plant (the aim:
under 0.5, i.e. the help does not pay for the engines). ``import greenchain`` and a bare
interpreter are printed too, as the floor that any command pays. Run:
``.venv/bin/python benchmarks/bench_cli.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

import greenchain


def command() -> list[str]:
    """The ``greenchain`` console script, or the same entry point through the interpreter."""
    script = Path(sys.executable).with_name("greenchain")
    if script.is_file():
        return [str(script)]
    return [
        sys.executable,
        "-c",
        "import sys; from greenchain.interface.cli import main; sys.exit(main())",
    ]


def once(argv: list[str]) -> float:
    """Wall-clock seconds of one run of ``argv`` in a fresh process."""
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=11, help="runs per case (median kept)")
    repeat = parser.parse_args().repeat

    cli = command()
    tile = str(greenchain.example_path("tile_plant.yaml"))
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import greenchain'": [sys.executable, "-c", "import greenchain"],
        "greenchain --help": [*cli, "--help"],
        "greenchain inventory tile_plant.yaml": [*cli, "inventory", tile],
    }
    for argv in cases.values():  # warm the file cache; not timed
        once(argv)
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(repeat):  # interleaved, so that a noisy moment hits every case
        for name, argv in cases.items():
            times[name].append(once(argv))
    median = {name: statistics.median(t) for name, t in times.items()}

    width = max(map(len, median))
    for name, value in median.items():
        print(f"{name:<{width}}  {value:.3f} s  (median of {repeat})")
    help_, inventory = median["greenchain --help"], median["greenchain inventory tile_plant.yaml"]
    floor = median["python -c 'import greenchain'"]
    print(f"ratio --help / inventory:           {help_ / inventory:.2f}  (aim: under 0.5)")
    print(f"ratio import greenchain / inventory: {floor / inventory:.2f}  (the floor of --help)")


if __name__ == "__main__":
    main()
