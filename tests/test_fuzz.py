"""Fuzzed plant files: every outcome is a finite result or a located greenchain error.

The generator is ``scripts/fuzz_plants.py`` (issue 22): it mutates the three example
plants (wrong types, missing and extra keys, negative, huge, NaN and infinite amounts,
wrong and nonsense units, long strings, deep nesting), writes them as YAML, JSON or the
Excel template, sometimes breaks the text (duplicate keys, an alias bomb, bytes that
are not UTF-8, truncation), and runs ``load_plant`` and every analysis. A fixed seed
and ~30 s here; ``GREENCHAIN_SLOW=1 pytest -m slow tests/test_fuzz.py`` runs 2,000 cases.
"""

from __future__ import annotations

import importlib.util
import os
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
