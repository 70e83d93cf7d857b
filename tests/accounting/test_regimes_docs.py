"""docs/methods/regimes.md: its tables are generated from the code and its example runs.

Run ``GREENCHAIN_UPDATE_DOCS=1 pytest tests/accounting/test_regimes_docs.py`` to rewrite
the generated blocks after a deliberate change.
"""

from __future__ import annotations

import doctest
import os
import re
import warnings
from pathlib import Path

import greenchain as gc
from greenchain.accounting.inventory import compare_regimes, regimes_markdown
from greenchain.data.regimes import load_regime
from greenchain.data.vocabulary import REGIMES

PAGE = Path(__file__).resolve().parents[2] / "docs" / "methods" / "regimes.md"
BLOCK = re.compile(
    r"(<!-- generated: (?P<name>[^ ]+) -->\n)(?P<body>.*?)(<!-- end generated -->)", re.S
)


def _value(name, choice):
    if name == "grid":
        text = f"{choice.basis}, {choice.year}" + (f", {choice.factor}" if choice.factor else "")
    elif name == "boundary":
        out = [k for k, v in choice.value.items() if not v]
        text = "all" if not out else "without " + ", ".join(out)
    elif isinstance(choice.value, list):
        text = ", ".join(choice.value)
    else:
        text = str(choice.value)
    return f"{text} ({choice.status})"


def choices_markdown():
    loaded = [load_regime(r) for r in REGIMES]
    lines = ["| Choice | " + " | ".join(f"`{r}`" for r in REGIMES) + " |"]
    lines.append("| --- |" + " --- |" * len(REGIMES))
    for name in loaded[0].choices():
        cells = [_value(name, r.choices()[name]) for r in loaded]
        lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def generated():
    out = {"choices": choices_markdown()}
    for plant in ("tile_plant.yaml", "dyeing_mill.yaml"):
        data = gc.load_plant(gc.example_path(plant)).data
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out[plant] = regimes_markdown(compare_regimes(data))
    return out


def test_generated_blocks_are_current():
    text = PAGE.read_text(encoding="utf-8")
    blocks = generated()
    assert {m["name"] for m in BLOCK.finditer(text)} == set(blocks)
    new = BLOCK.sub(lambda m: m[1] + blocks[m["name"]] + "\n" + m[4], text)
    if os.environ.get("GREENCHAIN_UPDATE_DOCS"):
        PAGE.write_text(new, encoding="utf-8")
    assert new == text, "docs/methods/regimes.md is out of date (see the module docstring)"


def test_page_examples_run():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = doctest.testfile(
            str(PAGE),
            module_relative=False,
            optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS,
        )
    assert result.attempted >= 5 and result.failed == 0
