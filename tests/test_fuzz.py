"""Fuzzed plant files: every outcome is a finite result or a located greenchain error.

The generator is ``scripts/fuzz_plants.py`` (issue 22): it mutates the three example
plants (wrong types, missing and extra keys, negative, huge, NaN and infinite amounts,
wrong and nonsense units, long strings, deep nesting), writes them as YAML, JSON or the
Excel template, sometimes breaks the text (duplicate keys, an alias bomb, bytes that
are not UTF-8, truncation), and runs ``load_plant`` and every analysis, each case in a
worker process killed when it gives no answer in time. A fixed seed and ~30 s here;
``GREENCHAIN_SLOW=1 pytest -m slow tests/test_fuzz.py`` runs 2,000 cases.
"""

from __future__ import annotations

import importlib.util
import os
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BAD = ("typed_unlocated", "untyped", "absurd", "slow")


def _fuzzer():
    spec = importlib.util.spec_from_file_location(
        "fuzz_plants", ROOT / "scripts" / "fuzz_plants.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _check(counts, examples):
    bad = {k: examples.get(k, [])[:5] for k in BAD if counts.get(k)}
    assert not bad, f"outcomes {dict(counts)}; examples: {bad}"


@pytest.mark.parametrize(
    ("formats", "cases", "seed"),
    [(("yaml", "json"), 150, 22), (("xlsx",), 25, 22)],
    ids=["text", "excel"],
)
def test_fuzzed_plant_files_fail_cleanly(tmp_path, formats, cases, seed):
    counts, examples = _fuzzer().fuzz(cases, seed, tmp_path, formats, limit=10.0)
    _check(counts, examples)
    assert counts["typed_located"] > cases / 3 and counts["clean"] > 0  # the mutations bite


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("GREENCHAIN_SLOW"), reason="set GREENCHAIN_SLOW=1")
def test_fuzzed_plant_files_long_run(tmp_path):
    counts, examples = _fuzzer().fuzz(2000, 2026, tmp_path, limit=20.0)
    _check(counts, examples)


def _fake_case(path, limit):
    if "hang" in str(path):
        time.sleep(60)
    if "die" in str(path):
        os._exit(9)
    return "clean", ""


def test_a_hanging_case_is_counted_and_the_run_goes_on():
    fuzzer = _fuzzer()
    fuzzer.run_case = _fake_case  # the forked worker runs this one
    worker = fuzzer.Worker(1.0)
    try:
        start = time.perf_counter()
        outcomes = [worker.run(Path(name))[0] for name in ("a", "hang", "b", "die", "c")]
    finally:
        worker.close()
    assert outcomes == ["clean", "slow", "clean", "untyped", "clean"]
    assert time.perf_counter() - start < 10


def test_outcome_table_is_markdown_per_format():
    from collections import Counter

    counts = Counter(
        {"clean": 3, "clean [yaml]": 1, "clean [xlsx]": 2, "slow": 1, "slow [json]": 1}
    )
    text = _fuzzer().table(counts, ("yaml", "json", "xlsx"))
    assert "| no answer within the time limit | 0 | 1 | 0 | 1 |" in text
    assert "| accepted cleanly | 1 | 0 | 2 | 3 |" in text
    assert text.splitlines()[-1] == "| **cases** | 1 | 1 | 2 | 4 |"
