"""``greenchain energy`` on both GB/T 2589 bases (equal and equivalent value)."""

from __future__ import annotations

import json

import pytest

import greenchain as gc
from greenchain.interface.cli import main

TILE = str(gc.example_path("tile_plant.yaml"))
DYEING = str(gc.example_path("dyeing_mill.yaml"))


def _json(capsys, argv):
    assert main([*argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_equivalent_value_of_the_tile_plant(capsys):
    """method_review §1.2: 32,424.55 tce at a 300.7 gce/kWh generation coal rate."""
    out = _json(capsys, ["energy", TILE, "--basis", "equivalent_value", "--coal-rate", "300.7"])
    assert out["total_tce"] == pytest.approx(32424.55, abs=0.01)


def test_equivalent_value_with_heat_at_a_supply_rate(capsys):
    """method_review §1.4: the dyeing mill's steam at an 80 % boiler gives 19,521 tce."""
    argv = ["energy", DYEING, "--basis", "equivalent_value", "--coal-rate", "300.7"]
    out = _json(capsys, [*argv, "--heat-supply-rate", str(34.12 / 0.80)])
    assert out["total_tce"] == pytest.approx(19521, abs=0.5)


def test_equivalent_value_without_a_coal_rate_is_one_line_and_exit_2(capsys):
    assert main(["energy", TILE, "--basis", "equivalent_value"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--coal-rate" in err
