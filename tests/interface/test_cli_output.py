"""Issue 17: the CLI as people expect it.

Warnings (caveats) on stderr in every output format, stdout keeps only the result;
tables fit a 100-column terminal with units in their headers, blanks instead of
NaN, and the reason a measure was not evaluated.
"""

import json
import warnings

import pandas as pd
import pytest

import greenchain as gc
from greenchain.interface.cli import main
from greenchain.interface.cli._output import render_table

MILL = str(gc.example_path("dyeing_mill.yaml"))
TILE = str(gc.example_path("tile_plant.yaml"))


def _run(capsys, *args):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert main(list(args)) == 0
    return capsys.readouterr()


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_warnings_go_to_stderr_in_every_format(capsys, fmt):
    out = _run(capsys, "inventory", TILE, "--format", fmt)
    assert "warning: " not in out.out
    assert "warning: " in out.err and "provincial average factor" in out.err
    if fmt == "json":
        assert json.loads(out.out)["warnings"]  # the document keeps them too
    if fmt == "csv":
        assert out.out.startswith("activity,")  # stdout stays a clean CSV


@pytest.mark.parametrize(
    "args",
    [
        ("retrofit", MILL),
        ("retrofit", TILE),
        ("score", MILL),
        ("inventory", MILL),
        ("energy", TILE),
        ("footprint", TILE, "--product", "porcelain_tile"),
    ],
)
def test_tables_fit_a_100_column_terminal(capsys, args):
    out = _run(capsys, *args).out
    title, *lines = out.splitlines()
    wide = [line for line in lines if len(line) > 100]
    assert not wide, wide[:3]
    assert "NaN" not in out and "None" not in out


def test_retrofit_table_has_units_and_says_why_not_evaluated(capsys):
    out = _run(capsys, "retrofit", MILL).out
    for header in ("saved", "[tce/yr]", "capex [CNY]", "IRR [%]", "payback [yr]"):
        assert header in out, header
    assert "Not evaluated, and what is missing:" in out
    block = out.split("Not evaluated, and what is missing:")[1]
    assert "compressed_air_pressure_redu" in block and "no investment quote" in block
    assert "%" in out  # IRR as a percentage, not a fraction


def test_render_table_wraps_text_and_splits_wide_tables():
    table = pd.DataFrame(
        {
            "measure": ["a_very_long_measure_identifier_that_goes_on", "b"],
            **{f"col{i}": [1234567.891, float("nan")] for i in range(12)},
            "irr": [0.1234, None],
        }
    )
    text = render_table(table, width=100)
    assert max(len(line) for line in text.splitlines()) <= 100
    heads = [line for line in text.splitlines() if line.startswith("measure ")]
    assert len(heads) == 3  # further blocks repeat the first column
    assert "1,234,568" in text and "12.3%" in text and "nan" not in text.lower()
