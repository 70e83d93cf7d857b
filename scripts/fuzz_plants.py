"""Fuzz the plant-file readers and analyses with mutated plant files.

Each case mutates one example plant file (a value replaced by a wrong type, a
negative, zero, huge, NaN or infinite number, a nonsense or wrong unit, an unknown
name, a long string, a missing or extra key, a deep nesting), writes it as YAML,
JSON or the Excel template (a cell changed, a column written twice), sometimes breaks
the text itself (a key written twice, a YAML alias bomb, bytes that are not UTF-8, a
truncated file, a unit that hangs pint, a 100,000-character amount), and runs ``load_plant``, ``inventory``, ``energy``, ``product_footprint``,
``retrofits`` and ``green_factory_score`` on it. Every outcome is classified:

- ``typed_located``: a ``GreenchainError`` whose message names a field and the file;
- ``typed_unlocated``: a ``GreenchainError`` without field or file;
- ``untyped``: any other exception (a traceback a user cannot act on);
- ``absurd``: accepted, but a NaN or an infinity came out;
- ``slow``: no answer within the time limit (20 s): the case runs in a worker process
  that is killed when the limit passes, so a hang is counted and the run goes on;
- ``clean``: accepted with finite results.

Run ``python scripts/fuzz_plants.py --cases 2000 --seed 1``; ``--json FILE`` keeps the
counts of a shard and ``--merge A.json B.json`` prints the table of several shards. The
suite runs a small budget of the same generator (``tests/test_fuzz.py``).
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import multiprocessing
import random
import resource
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
    "5 m^3^3^3^3",
    "1" * 5000,
    "9" * 5000 + " t",
    "<script>alert(1)</script>",
    '=HYPERLINK("http://x")',
    "5 kWh" + " " * 100_000,
)
FORMATS = ("yaml", "json", "xlsx")
#: The outcomes the issue wants at zero.
BAD_OUTCOMES = ("typed_unlocated", "untyped", "absurd", "slow")
#: Breakages of the written text (YAML and JSON).
TEXT_BREAKS = ("duplicate_key", "alias_bomb", "not_utf8", "truncate", "long_amount", "huge_int")
#: Sectors of the Excel template for each example plant.
SECTOR = {"tile_plant.yaml": "ceramics", "dyeing_mill.yaml": "dyeing", "shoe_factory.yaml": "shoes"}
ANALYSES = ("inventory", "energy", "product_footprint", "retrofits", "green_factory_score")
#: The rows of the outcome table, and their labels (the issue's wording).
OUTCOMES = {
    "typed_located": "typed error naming field and file",
    "typed_unlocated": "typed error lacking field or file",
    "untyped": "untyped exception",
    "absurd": "accepted with NaN or inf",
    "slow": "no answer within the time limit",
    "clean": "accepted cleanly",
}
#: Address-space limit of a worker (bytes): a memory blow-up is an error, not a swap storm.
WORKER_MEMORY = 3 * 2**30


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


def break_text(text: str, fmt: str, rng: random.Random) -> tuple[bytes, str]:
    """The text of a plant file broken in one of the ways of ``TEXT_BREAKS``."""
    kind = rng.choice(TEXT_BREAKS)
    if kind == "duplicate_key":  # a second energy section: the first must not vanish
        if fmt == "json":
            text = text.replace("{", '{"energy": [], ', 1)
        else:
            text = text + "\nenergy: []\n"
    elif kind == "alias_bomb" and fmt == "yaml":
        lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
        for i in range(1, 10):
            refs = ", ".join([f"*a{i - 1}"] * 9)
            lines.append(f"a{i}: &a{i} [{refs}]")
        text = text + "\nbomb:\n" + "\n".join("  " + line for line in lines) + "\n"
    elif kind == "not_utf8":
        at = rng.randrange(len(text))
        return text[:at].encode() + b"\xff\xfe\xc3(" + text[at:].encode(), kind
    elif kind == "truncate":
        text = text[: rng.randrange(len(text))]
    elif kind == "long_amount":
        text = text.replace("amount: ", "amount: " + "1" * 100_000, 1).replace(
            '"amount": "', '"amount": "' + "1" * 100_000, 1
        )
    elif kind == "huge_int":
        text = text.replace("year: 20", "year: " + "9" * 5000, 1).replace(
            '"year": 20', '"year": ' + "9" * 5000, 1
        )
    return text.encode("utf-8"), kind


def _workbooks(folder: Path) -> dict[str, Path]:
    """The filled Excel template of each example plant (written once per run)."""
    from greenchain.interface.io.excel import write_template

    return {
        name: write_template(folder / f"base_{sector}.xlsx", sector=sector, force=True)
        for name, sector in SECTOR.items()
    }


def mutate_workbook(base: Path, out: Path, rng: random.Random) -> str:
    """Write ``base`` to ``out`` with one cell changed or one column header written twice."""
    import openpyxl

    wb = openpyxl.load_workbook(base)
    sheets = [ws for ws in wb.worksheets if not ws.title.startswith(("_", "README"))]
    ws = rng.choice(sheets)
    if ws.max_row < 1 or ws.max_column < 1:
        wb.save(out)
        return f"{ws.title} unchanged"
    if rng.random() < 0.1:  # a column written twice: the second must not replace the first
        col = rng.randrange(1, ws.max_column + 1)
        ws.cell(row=1, column=ws.max_column + 1, value=ws.cell(row=1, column=col).value)
        for row in range(2, ws.max_row + 1):
            ws.cell(row=row, column=ws.max_column, value=ws.cell(row=row, column=col).value)
        wb.save(out)
        return f"{ws.title} column {col} written twice"
    row = rng.randrange(1, ws.max_row + 1)
    col = rng.randrange(1, ws.max_column + 1)
    value = rng.choice(BAD_VALUES)
    if isinstance(value, list | dict | type(None)) or (
        isinstance(value, float) and not math.isfinite(value)
    ):
        value = str(value)
    if isinstance(value, str):
        value = value[:32_000]  # an Excel cell holds at most 32,767 characters
    ws.cell(row=row, column=col, value=value)
    wb.save(out)
    return f"{ws.title}!{openpyxl.utils.get_column_letter(col)}{row} = {str(value)[:30]!r}"


def make_case(
    originals: dict[str, dict[str, Any]],
    workbooks: dict[str, Path] | None,
    folder: Path,
    i: int,
    rng: random.Random,
    formats: tuple[str, ...] = FORMATS,
) -> tuple[Path, str] | None:
    """Write the ``i``-th fuzzed plant file; its path and a description (None if unwritable)."""
    name = rng.choice(PLANTS)
    fmt = rng.choice(formats)
    path = folder / f"case{i}.{fmt}"
    if fmt == "xlsx":
        if workbooks is None:
            return None
        what = mutate_workbook(workbooks[name], path, rng)
        return path, f"{name} [xlsx] {what}"
    data, what = mutate(originals[name], rng)
    try:
        text = json.dumps(data, allow_nan=True) if fmt == "json" else yaml.safe_dump(data)
    except (ValueError, RecursionError):
        return None
    raw = text.encode("utf-8")
    if rng.random() < 0.15:
        raw, kind = break_text(text, fmt, rng)
        what = f"{what}; text {kind}"
    path.write_bytes(raw)
    return path, f"{name} [{fmt}] {what}"


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


def _serve(conn: Any, limit: float) -> None:
    """Worker loop: classify each plant file the parent sends, until it sends None."""
    try:
        resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY, WORKER_MEMORY))
    except (ValueError, OSError):  # pragma: no cover - a platform without the limit
        pass
    while True:
        path = conn.recv()
        if path is None:
            return
        try:
            answer = run_case(Path(path), limit)
        except BaseException as exc:  # noqa: BLE001 - MemoryError and the like
            answer = ("untyped", f"{type(exc).__name__} in the worker: {str(exc)[:120]}")
        conn.send(answer)


class Worker:
    """One killable worker process: a case that gives no answer in time is killed.

    ``concurrent.futures`` cannot stop a running call; a ``multiprocessing`` process
    with a pipe can be killed and replaced, so a hang costs ``limit`` seconds and is
    counted as ``slow``.

    Parameters
    ----------
    limit : float
        Seconds a case may take before the worker is killed.
    """

    def __init__(self, limit: float):
        self.limit = limit
        self.context = multiprocessing.get_context(
            "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        )
        self._start()

    def _start(self) -> None:
        self.conn, child = self.context.Pipe()
        self.process = self.context.Process(target=_serve, args=(child, self.limit), daemon=True)
        self.process.start()
        child.close()

    def run(self, path: Path) -> tuple[str, str]:
        """The outcome of one case: the worker's answer, ``slow``, or a dead worker."""
        self.conn.send(str(path))
        if self.conn.poll(self.limit + min(self.limit, 5.0)):  # grace for the pipe
            try:
                return self.conn.recv()  # type: ignore[no-any-return]
            except EOFError:
                self.process.join(1.0)
                code = self.process.exitcode
                self.restart()
                return "untyped", f"the worker died (exit code {code})"
        self.restart()
        return "slow", f"no answer within {self.limit:g} s (worker killed)"

    def restart(self) -> None:
        """Kill the worker (if alive) and start a fresh one."""
        self.process.kill()
        self.process.join()
        self.conn.close()
        self._start()

    def close(self) -> None:
        """Stop the worker."""
        try:
            self.conn.send(None)
        except (BrokenPipeError, OSError):
            pass
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def fuzz(
    cases: int,
    seed: int,
    folder: Path,
    formats: tuple[str, ...] = FORMATS,
    limit: float = 20.0,
    progress: int = 0,
    isolate: bool = True,
) -> tuple[Counter, dict[str, list[str]]]:
    """Run ``cases`` mutated plant files; counts by outcome and examples of each.

    With ``isolate`` (the default) each case runs in a worker process killed after
    ``limit`` seconds without an answer; otherwise in this process (a hang blocks).
    """
    rng = random.Random(seed)
    originals = {
        name: yaml.safe_load(Path(gc.example_path(name)).read_text(encoding="utf-8"))
        for name in PLANTS
    }
    counts: Counter = Counter()
    examples: dict[str, list[str]] = {}
    folder.mkdir(parents=True, exist_ok=True)
    workbooks = _workbooks(folder) if "xlsx" in formats else None
    worker = Worker(limit) if isolate else None
    try:
        _run_cases(
            cases,
            rng,
            originals,
            workbooks,
            folder,
            formats,
            limit,
            progress,
            worker,
            counts,
            examples,
        )
    finally:
        if worker is not None:
            worker.close()
    return counts, examples


def _run_cases(
    cases: int,
    rng: random.Random,
    originals: dict[str, dict[str, Any]],
    workbooks: dict[str, Path] | None,
    folder: Path,
    formats: tuple[str, ...],
    limit: float,
    progress: int,
    worker: Worker | None,
    counts: Counter,
    examples: dict[str, list[str]],
) -> None:
    for i in range(cases):
        case = make_case(originals, workbooks, folder, i, rng, formats)
        if case is None:
            continue
        path, what = case
        outcome, detail = worker.run(path) if worker is not None else run_case(path, limit)
        counts[outcome] += 1
        counts[f"{outcome} [{path.suffix[1:]}]"] += 1
        examples.setdefault(outcome, [])
        if len(examples[outcome]) < 40:
            examples[outcome].append(f"{what}: {detail}")
        path.unlink()
        if progress and (i + 1) % progress == 0:
            print(f"after {i + 1} cases: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
            for outcome in BAD_OUTCOMES:
                for line in examples.get(outcome, [])[-3:]:
                    print(f"  [{outcome}] {line[:300]}")
            print("", flush=True)


def table(counts: Counter, formats: tuple[str, ...]) -> str:
    """The outcome table, per format and in all, as Markdown."""
    lines = [
        "| outcome (worst call per case) | " + " | ".join(formats) + " | all |",
        "| --- | " + " | ".join("---:" for _ in formats) + " | ---: |",
    ]
    for outcome, label in OUTCOMES.items():
        by_format = " | ".join(f"{counts.get(f'{outcome} [{f}]', 0):,}" for f in formats)
        lines.append(f"| {label} | {by_format} | {counts.get(outcome, 0):,} |")
    total = sum(counts.get(o, 0) for o in OUTCOMES)
    per = " | ".join(f"{sum(counts.get(f'{o} [{f}]', 0) for o in OUTCOMES):,}" for f in formats)
    lines.append(f"| **cases** | {per} | {total:,} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--folder", default="build/fuzz")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--limit", type=float, default=20.0, help="seconds per case")
    parser.add_argument("--progress", type=int, default=0, help="print counts every N cases")
    parser.add_argument("--show", default="untyped,absurd,slow,typed_unlocated")
    parser.add_argument("--json", help="write the counts and examples to this file")
    parser.add_argument("--merge", nargs="+", help="print the table of these --json files")
    args = parser.parse_args()
    formats = tuple(args.formats.split(","))
    if args.merge:
        counts: Counter = Counter()
        examples: dict[str, list[str]] = {}
        for name in args.merge:
            shard = json.loads(Path(name).read_text(encoding="utf-8"))
            counts.update(shard["counts"])
            for k, v in shard["examples"].items():
                examples.setdefault(k, []).extend(v)
    else:
        counts, examples = fuzz(
            args.cases, args.seed, Path(args.folder), formats, args.limit, args.progress
        )
        if args.json:
            Path(args.json).write_text(
                json.dumps(
                    {
                        "seed": args.seed,
                        "cases": args.cases,
                        "formats": formats,
                        "counts": counts,
                        "examples": examples,
                    },
                    indent=1,
                ),
                encoding="utf-8",
            )
    print(table(counts, formats), flush=True)
    for outcome in args.show.split(","):
        for line in examples.get(outcome, []):
            print(f"[{outcome}] {line}")


if __name__ == "__main__":
    main()
