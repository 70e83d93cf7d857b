"""``greenchain portfolio``: files in, one file out; bad input is one line, exit 2."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from greenchain.interface.cli import main


def _inputs(tmp_path, plant_id="P1"):
    ts = pd.date_range("2023-06-01", periods=48, freq="h", tz="UTC")
    records = pd.DataFrame(
        {
            "plant_id": plant_id,
            "timestamp": ts.strftime("%Y-%m-%dT%H:%MZ"),
            "carrier": "electricity",
            "amount": np.linspace(100.0, 200.0, 48),
            "unit": "kWh",
        }
    )
    plants = pd.DataFrame({"plant_id": [plant_id], "region": ["Fujian"], "sector": ["ceramics"]})
    records.to_csv(tmp_path / "records.csv", index=False)
    plants.to_csv(tmp_path / "plants.csv", index=False)
    return str(tmp_path / "records.csv"), str(tmp_path / "plants.csv")


@pytest.mark.parametrize("engine", ["pandas", "dask"])
def test_csv_in_parquet_out(tmp_path, capsys, engine):
    if engine == "dask":
        pytest.importorskip("dask.dataframe")
    records, plants = _inputs(tmp_path)
    out = tmp_path / "out.parquet"
    argv = [
        "portfolio",
        records,
        "--plants",
        plants,
        "--by",
        "plant_id,month",
        "--what",
        "both",
        "--engine",
        engine,
        "-o",
        str(out),
    ]
    assert main(argv) == 0
    table = pd.read_parquet(out)
    assert table[["plant_id", "month"]].values.tolist() == [["P1", "2023-06"]]
    assert table["co2e_t"].item() > 0 and table["tce"].item() > 0
    assert "wrote" in capsys.readouterr().out


def test_xlsx_has_coverage_and_factors(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    records, plants = _inputs(tmp_path)
    out = tmp_path / "out.xlsx"
    assert (
        main(["portfolio", records, "--plants", plants, "--engine", "pandas", "-o", str(out)]) == 0
    )
    sheets = openpyxl.load_workbook(out).sheetnames
    assert sheets[:4] == ["portfolio", "coverage", "duplicates", "factors"]


def test_csv_output_neutralises_formulas(tmp_path):
    records, plants = _inputs(tmp_path, plant_id="=HYPERLINK(1)")
    out = tmp_path / "out.csv"
    assert (
        main(["portfolio", records, "--plants", plants, "--engine", "pandas", "-o", str(out)]) == 0
    )
    assert pd.read_csv(out)["plant_id"].tolist() == ["'=HYPERLINK(1)"]


def test_bad_input_is_one_line_exit_2(tmp_path, capsys):
    records, plants = _inputs(tmp_path)
    pd.read_csv(records).drop(columns="unit").to_csv(records, index=False)
    argv = ["portfolio", records, "--plants", plants, "--engine", "pandas", "-o", "x.csv"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing unit" in err
    assert main([*argv[:-1], str(tmp_path / "x.txt")]) == 2
    assert "must end in" in capsys.readouterr().err


def test_duplicates_exit_2_unless_kept(tmp_path, capsys):
    records, plants = _inputs(tmp_path)
    frame = pd.read_csv(records)
    pd.concat([frame, frame.iloc[[3]]]).to_csv(records, index=False)
    argv = ["portfolio", records, "--plants", plants, "--engine", "pandas", "-o"]
    assert main([*argv, str(tmp_path / "a.csv")]) == 2
    assert "duplicate readings" in capsys.readouterr().err
    assert main([*argv, str(tmp_path / "a.csv"), "--duplicates", "drop"]) == 0
    assert "duplicated" in capsys.readouterr().err
