"""Fuzz the plant-file readers and analyses with mutated plant files.

Each case mutates one example plant file (a value replaced by a wrong type, a
negative, zero, huge, NaN or infinite number, a nonsense or wrong unit, an unknown
name, a long string, a missing or extra key, a deep nesting), writes it as YAML or
JSON, and runs ``load_plant``, ``inventory``, ``energy``, ``product_footprint``,
``retrofits`` and ``green_factory_score`` on it. Every outcome is classified:

- ``typed_located``: a ``GreenchainError`` whose message names a field and the file;
- ``typed_unlocated``: a ``GreenchainError`` without field or file;
- ``untyped``: any other exception (a traceback a user cannot act on);
- ``absurd``: accepted, but a NaN, an infinity or a negative total came out;
- ``slow``: a case that took longer than the time limit;
- ``clean``: accepted with finite results.

Run ``python scripts/fuzz_plants.py --cases 2000 --seed 1``; the suite runs a small
budget of the same generator (``tests/test_fuzz.py``).
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import random
import time
import traceback
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

import greenchain as gc
from greenchain.errors import GreenchainError

PLANTS = ("tile_plant.yaml", "dyeing_mill.yaml", "shoe_factory.yaml")
BAD_VALUES: tuple[Any, ...] = (
    -1,
    0,
    1e308,
    -1e308,
    float("nan"),
    float("inf"),
    "",
    "abc",
    "1e400 t",
    "-5 t",
    "5 kWh/m",
    "5 degC",
    "nan t",
    "inf kWh",
    "3 parsecs",
    "12 furlong/fortnight",
    "x" * 5000,
    [],
    {},
    [1, 2, 3],
    {"value": 1},
    True,
    None,
    "万kWh",
    "10 10 10",
    "((((((((((1))))))))))",
)
ANALYSES = ("inventory", "energy", "product_footprint", "retrofits", "green_factory_score")


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path to a leaf or container inside a plant mapping."""
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


def _set(node: Any, path: tuple, value: Any) -> None:
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


def _delete(node: Any, path: tuple) -> None:
    for key in path[:-1]:
        node = node[key]
    if isinstance(node, dict):
        node.pop(path[-1], None)
    elif isinstance(node, list) and path[-1] < len(node):
        node.pop(path[-1])


def mutate(data: dict[str, Any], rng: random.Random) -> tuple[dict[str, Any], str]:
    """One mutation of a plant mapping, and a short description of it."""
    data = copy.deepcopy(data)
    path = rng.choice(_paths(data))
    kind = rng.random()
    if kind < 0.65:
        value = rng.choice(BAD_VALUES)
        _set(data, path, value)
        return data, f"{'.'.join(map(str, path))} = {str(value)[:30]!r}"
    if kind < 0.8:
        _delete(data, path)
        return data, f"delete {'.'.join(map(str, path))}"
    if kind < 0.9:
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        if isinstance(parent, dict):
            parent["unexpected_key"] = 1
        return data, f"extra key at {'.'.join(map(str, path[:-1]))}"
    deep: Any = 1
    for _ in range(rng.choice((50, 500))):
        deep = [deep]
    _set(data, path, deep)
    return data, f"deep nesting at {'.'.join(map(str, path))}"


def _finite(value: Any) -> bool:
    """Whether every number in a result summary is finite."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_finite(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return all(_finite(v) for v in value)
    return True


def _located(exc: GreenchainError) -> bool:
    """Whether an error names the file and a field (its own, or each listed problem's)."""
    if not exc.source:
        return False
    if exc.field:
        return True
    lines = str(exc).splitlines()[1:]  # "N problems:" then one "path: message" per line
    return bool(lines) and all(":" in line and line.strip()[:1].isalpha() for line in lines)


def run_case(path: Path, limit: float = 20.0) -> tuple[str, str]:
    """Classify the worst outcome of loading and analysing one plant file."""
    start = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            plant = gc.load_plant(path)
            for name in ANALYSES:
                if name == "product_footprint":
                    for product in plant.data.products:
                        result = plant.product_footprint(product.id)
                        if not math.isfinite(result.per_unit.magnitude):
                            return "absurd", f"footprint {product.id} = {result.per_unit}"
                    continue
                result = getattr(plant, name)()
                if name in ("inventory", "energy"):
                    total = result.total.magnitude
                    if not math.isfinite(total):
                        return "absurd", f"{name} total = {total}"
                    if not _finite(result.to_dict()):
                        return "absurd", f"{name} summary holds NaN or inf"
                if time.perf_counter() - start > limit:
                    return "slow", f"{name} after {time.perf_counter() - start:.1f} s"
    except GreenchainError as exc:
        return ("typed_located" if _located(exc) else "typed_unlocated"), (
            f"{type(exc).__name__}: {str(exc)[:300]}"
        )
    except RecursionError:
        return "untyped", "RecursionError"
    except Exception as exc:  # noqa: BLE001 - the point is to catch what escapes
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        return "untyped", f"{type(exc).__name__} at {where}: {str(exc)[:120]}"
    if time.perf_counter() - start > limit:
        return "slow", f"{time.perf_counter() - start:.1f} s"
    return "clean", ""


def fuzz(cases: int, seed: int, folder: Path) -> tuple[Counter, dict[str, list[str]]]:
    """Run ``cases`` mutated plant files; counts by outcome and examples of each."""
    rng = random.Random(seed)
    originals = {
        name: yaml.safe_load(Path(gc.example_path(name)).read_text(encoding="utf-8"))
        for name in PLANTS
    }
    counts: Counter = Counter()
    examples: dict[str, list[str]] = {}
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(cases):
        name = rng.choice(PLANTS)
        data, what = mutate(originals[name], rng)
        fmt = rng.choice(("yaml", "json"))
        path = folder / f"case{i}.{fmt}"
        try:
            text = json.dumps(data, allow_nan=True) if fmt == "json" else yaml.safe_dump(data)
        except (ValueError, RecursionError):
            continue
        path.write_text(text, encoding="utf-8")
        outcome, detail = run_case(path)
        counts[outcome] += 1
        examples.setdefault(outcome, [])
        if len(examples[outcome]) < 40:
            examples[outcome].append(f"{name} [{fmt}] {what}: {detail}")
        path.unlink()
    return counts, examples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--folder", default="build/fuzz")
    parser.add_argument("--show", default="untyped,absurd,slow,typed_unlocated")
    args = parser.parse_args()
    counts, examples = fuzz(args.cases, args.seed, Path(args.folder))
    for outcome in ("typed_located", "typed_unlocated", "untyped", "absurd", "slow", "clean"):
        print(f"{outcome:16s} {counts.get(outcome, 0):6d}")
    for outcome in args.show.split(","):
        for line in examples.get(outcome, []):
            print(f"[{outcome}] {line}")


if __name__ == "__main__":
    main()
