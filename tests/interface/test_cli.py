"""The greenchain command line."""

import argparse
import ast
import inspect
import json
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import greenchain as gc
from greenchain.interface import cli
from greenchain.interface.cli import _output, build_parser, main
from greenchain.interface.cli import footprint as footprint_cli
from greenchain.interface.cli import inventory as inventory_cli
from greenchain.interface.cli import retrofit as retrofit_cli

TILE = str(gc.example_path("tile_plant.yaml"))


def test_inventory_json(capsys):
    assert main(["inventory", TILE, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"total_tco2e", "by_category", "by_scope", "warnings"} <= set(out)
    assert out["total_tco2e"] == pytest.approx(sum(out["by_category"].values()))


def test_inventory_table_and_csv(capsys):
    assert main(["inventory", TILE, "--gwp", "AR5"]) == 0
    assert "tCO2e" in capsys.readouterr().out
    assert main(["inventory", TILE, "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("activity,")


def test_energy_json(capsys):
    assert main(["energy", TILE, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["intensity"]["porcelain_tile"]["value"] == pytest.approx(4.7818, rel=1e-4)


def test_factor_search(capsys):
    assert main(["factors", "search", "--region", "福建", "--format", "csv"]) == 0
    assert "electricity.grid" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("plant: [unclosed\n", "malformed YAML"),
        (
            "plant: {name: x, region: Fujian, year: 2023}\nenergy:\n"
            "  - {carrier: diesel, amount: -5 t}\n",
            "energy[0].amount",
        ),
    ],
)
def test_errors_are_one_line_and_non_zero(tmp_path, capsys, content, needle):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    assert main(["inventory", str(path)]) == 2
    err = capsys.readouterr().err
    assert needle in err and "bad.yaml" in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_missing_file(capsys):
    assert main(["inventory", "nope.yaml"]) == 2
    assert "file not found" in capsys.readouterr().err


# ------------------------------------------------------------- parser, --version, layout
EXPECTED_COMMANDS = [
    "inventory",
    "energy",
    "factors",
    "footprint",
    "retrofit",
    "score",
    "report",
    "template",
    "export",
    "check",
    "portfolio",
]


def _fresh(code: str) -> str:
    """Run ``code`` in a fresh interpreter (nothing imported yet) and return its stdout."""
    return subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout


def test_build_parser_imports_no_engine():
    code = (
        "import sys; from greenchain.interface.cli import build_parser; build_parser(); "
        "print(sorted(m for m in sys.modules "
        "if m.startswith(('greenchain.accounting','greenchain.decisions'))))"
    )
    assert _fresh(code).strip() == "[]"


def test_help_imports_neither_engine_nor_pandas():
    code = (
        "import sys\n"
        "from greenchain.interface.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit as exc:\n"
        "    assert exc.code == 0, exc.code\n"
        "heavy = ('greenchain.accounting', 'greenchain.decisions', 'pandas', 'matplotlib')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "inventory" in result.stdout
    assert result.stderr.strip() == "[]"


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out == f"greenchain {gc.__version__}\n"


SCRIPT = Path(sys.executable).with_name("greenchain")


@pytest.mark.skipif(not SCRIPT.is_file(), reason="the console script is not installed")
def test_console_script_version():
    out = subprocess.run(
        [str(SCRIPT), "--version"], check=True, capture_output=True, text=True
    ).stdout
    assert out == f"greenchain {gc.__version__}\n"


def test_every_command_is_listed():
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert list(sub.choices) == EXPECTED_COMMANDS


def test_no_command_given_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main([])
    assert exc.value.code == 2
    assert "required" in capsys.readouterr().err


@pytest.mark.parametrize("module", cli.COMMANDS, ids=lambda m: m.__name__.rsplit(".", 1)[1])
def test_command_modules_are_light_and_self_contained(module):
    """Each command module: ``add_parser`` and ``run``; no top-level engine, no cycle."""
    assert callable(module.add_parser) and callable(module.run)
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    top: list[str] = []  # modules imported at module level
    everywhere: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            continue
        everywhere += names
        if node in tree.body:
            top += names
    assert "greenchain.interface.cli" not in everywhere  # helpers live in _output
    assert not [
        m
        for m in top
        if m.startswith(("greenchain.accounting", "greenchain.decisions", "pandas", "matplotlib"))
    ]


def test_emit_is_still_exported():
    assert cli.emit is _output.emit


# --------------------------------------------------------------- choices and defaults
def _choices(command: str, dest: str) -> tuple:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    action = next(a for a in sub.choices[command]._actions if a.dest == dest)
    return tuple(action.choices) if action.choices is not None else None


def test_choices_come_from_the_data_layer():
    from greenchain.data import factors, gwp, plant_file

    grid = tuple(b for b in factors.GRID_BASES if b != "lifecycle")
    assert _choices("inventory", "grid_basis") == grid
    assert _choices("export", "grid_basis") == grid
    assert footprint_cli.ALLOCATIONS is plant_file.ALLOCATIONS
    assert footprint_cli.BOUNDARIES is plant_file.BOUNDARIES
    assert _choices("footprint", "allocation") == plant_file.ALLOCATIONS
    assert _choices("footprint", "boundary") == plant_file.BOUNDARIES
    assert build_parser().parse_args(["inventory", "x"]).gwp == gwp.DEFAULT_AR


def test_typed_choices_match_the_engines():
    """Choices that live in the engines (not imported by the CLI) are accepted there."""
    from greenchain.decisions.retrofit.assess import plant_retrofits
    from greenchain.errors import InputError

    plant = gc.load_plant(TILE)
    for value in footprint_cli.ELECTRICITY:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            assert plant.product_footprint("porcelain_tile", electricity=value).per_declared_unit
    with pytest.raises(InputError) as exc:
        plant.product_footprint("porcelain_tile", electricity="nope")
    assert all(repr(v) in str(exc.value) for v in footprint_cli.ELECTRICITY)
    for option, values in (
        ("interaction", retrofit_cli.INTERACTIONS),
        ("co2_basis", retrofit_cli.CO2_BASES),
    ):
        with pytest.raises(InputError) as exc:
            plant_retrofits(plant, "nope", **{option: "nope"})
        assert all(repr(v) in str(exc.value) for v in values)


def test_scheme_default_matches_the_engine():
    from greenchain.interface.plant import Plant
    from greenchain.interface.report import write_report

    default = inspect.signature(Plant.green_factory_score).parameters["scheme"].default
    assert _output.DEFAULT_SCHEME == default
    assert inspect.signature(write_report).parameters["scheme"].default == default


# ------------------------------------------------------------------------------ errors
def test_other_greenchain_errors_exit_1(monkeypatch, capsys):
    from greenchain.errors import DataError

    def broken(args):
        raise DataError("factor file broken\nsecond line")

    monkeypatch.setattr(inventory_cli, "run", broken)
    assert main(["inventory", TILE]) == 1
    assert capsys.readouterr().err == "greenchain: error: factor file broken | second line\n"


def test_input_errors_exit_2(monkeypatch, capsys):
    from greenchain.errors import InputError

    def bad(args):
        raise InputError("bad value", field="--gwp")

    monkeypatch.setattr(inventory_cli, "run", bad)
    assert main(["inventory", TILE]) == 2
    err = capsys.readouterr().err
    assert err.startswith("greenchain: error: ") and len(err.splitlines()) == 1


def test_broken_pipe_is_not_an_error(monkeypatch):
    def closed(args):
        raise BrokenPipeError

    monkeypatch.setattr(inventory_cli, "run", closed)
    assert main(["inventory", TILE]) == 0


def test_unknown_gwp_set_is_one_line(capsys):
    assert main(["inventory", TILE, "--gwp", "AR9"]) == 2
    err = capsys.readouterr().err
    assert "AR9" in err and len(err.strip().splitlines()) == 1


# ------------------------------------------------------------ the moved commands, smoke
def test_energy_table(capsys):
    assert main(["energy", TILE]) == 0
    out = capsys.readouterr().out
    assert "tce (equal_value)" in out and "porcelain_tile:" in out


def test_factor_datasets_json(capsys):
    assert main(["factors", "datasets", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["datasets"]


def test_json_output_is_strict_json_without_nan():
    """A blank (NaN) in a result prints as null: the output parses with a strict reader."""
    import argparse
    import io
    import json
    from contextlib import redirect_stdout

    import numpy as np

    from greenchain.interface.cli._output import emit

    summary = {"a": float("nan"), "b": [1.0, float("inf"), np.float64("nan")], "c": np.float64(2.5)}
    out = io.StringIO()
    with redirect_stdout(out):
        emit(argparse.Namespace(format="json"), None, summary)
    text = out.getvalue()
    assert "NaN" not in text and "Infinity" not in text
    assert json.loads(text, parse_constant=lambda c: pytest.fail(c)) == {
        "a": None,
        "b": [1.0, None, None],
        "c": 2.5,
    }


def test_an_unexpected_exception_is_one_line_and_exit_3(monkeypatch, capsys):
    """A defect reaches the user as one line (no traceback) and a distinct exit status."""
    from greenchain.interface import cli
    from greenchain.interface.cli import inventory

    def broken(args):
        raise RuntimeError("boom")

    monkeypatch.setattr(inventory, "run", broken)
    monkeypatch.delenv("GREENCHAIN_DEBUG", raising=False)
    status = cli.main(["inventory", "plant.yaml"])
    err = capsys.readouterr().err
    assert status == 3
    assert err.count("\n") == 1 and "RuntimeError: boom" in err and "Traceback" not in err


def test_csv_output_neutralises_formulas(capsys):
    """Text that a spreadsheet would run as a formula is written with a leading quote."""
    import argparse

    import pandas as pd

    from greenchain.interface.cli._output import emit

    table = pd.DataFrame(
        {"name": ['=HYPERLINK("http://x")', "@SUM(A1)", "tile"], "v": [-1.0, 2.0, 3.0]}
    )
    emit(argparse.Namespace(format="csv"), table, {})
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("\"'=HYPERLINK") and lines[2].startswith("'@SUM")
    assert lines[3] == "tile,3.0" and lines[1].endswith(",-1.0")
