"""The greenchain command line."""

import json

import pytest

import greenchain as gc
from greenchain.interface.cli import main

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
