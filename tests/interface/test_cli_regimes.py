"""``greenchain inventory --regime`` and the national-only grid bases (issue 13, E3)."""

import json
import subprocess
import sys
import warnings

import pytest

import greenchain as gc
from greenchain.data.vocabulary import REGIMES
from greenchain.interface.cli import build_parser, main

TILE = str(gc.example_path("tile_plant.yaml"))


def _json(capsys, *args):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert main(["inventory", TILE, "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_regime_fujian_ets_runs(capsys):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert main(["inventory", TILE, "--regime", "fujian_ets"]) == 0
    captured = capsys.readouterr()
    out = captured.out
    assert "regime fujian_ets" in out and "grid basis ets" in out
    assert "outside the fujian_ets boundary: carbonate_decomposition 1,334.8 tCO2e" in out
    assert "national" in captured.err  # the caveat on the national ETS factor, on stderr


def test_grid_basis_ets_runs_for_a_provincial_plant(capsys):
    out = _json(capsys, "--grid-basis", "ets")
    assert out["total_tco2e"] == pytest.approx(55_887, abs=0.5)  # method_review §1.4
    assert any("national" in w for w in out["warnings"])


def test_explicit_options_override_the_regime(capsys):
    out = _json(capsys, "--regime", "fujian_ets", "--grid-basis", "average")
    assert out["total_tco2e"] == pytest.approx(51_377.3, abs=0.05)  # method_review §1.4
    assert out["options"]["regime"] == "fujian_ets"
    assert out["options"]["overridden"] == ["grid_basis"]


def test_regime_choices_are_kept_when_options_are_not_given(capsys):
    out = _json(capsys, "--regime", "ndrc_guideline")
    assert out["options"]["gwp"] == "SAR" and out["options"]["overridden"] == []
    assert out["total_tco2e"] == pytest.approx(52_712.1, abs=0.05)  # method_review §1.4


def test_no_regime_keeps_the_default_output(capsys):
    out = _json(capsys)
    assert "regime" not in out["options"]
    assert out["total_tco2e"] == pytest.approx(52_753.99, abs=0.005)


def test_unknown_regime_is_a_one_line_error(capsys):
    assert main(["inventory", TILE, "--regime", "nowhere_ets"]) != 0
    err = capsys.readouterr().err
    assert "regime" in err and "fujian_ets" in err and "Traceback" not in err


def test_parser_defaults_and_help():
    args = build_parser().parse_args(["inventory", "x", "--regime", "iso14064"])
    assert (args.regime, args.gwp, args.grid_basis, args.given) == (
        "iso14064",
        "AR6",
        "average",
        (),
    )
    args = build_parser().parse_args(["inventory", "x", "--gwp", "AR5"])
    assert args.given == ("gwp",)


def test_help_lists_regimes_without_importing_accounting():
    code = (
        "import sys, contextlib, io\n"
        "from greenchain.interface.cli import build_parser\n"
        "buf = io.StringIO()\n"
        "with contextlib.redirect_stdout(buf):\n"
        "    try:\n"
        "        build_parser().parse_args(['inventory', '--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(buf.getvalue())\n"
        "print(sorted(m for m in sys.modules if m.startswith('greenchain.accounting')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert all(name in out for name in REGIMES)
    assert out.strip().endswith("[]")
