"""``greenchain check``: every problem of a plant file or workbook at once, with its cell."""

import shutil

import openpyxl
import pytest
import yaml

import greenchain as gc
from greenchain.interface.cli import main
from greenchain.interface.io import excel, load_plant
from greenchain.interface.io.check import check_plant


@pytest.fixture(scope="module")
def dyeing(tmp_path_factory):
    return excel.write_template(tmp_path_factory.mktemp("ck") / "dyeing.xlsx", sector="dyeing")


def test_examples_have_no_problems():
    for name in ("tile_plant.yaml", "dyeing_mill.yaml", "shoe_factory.yaml"):
        assert check_plant(gc.example_path(name)) == [], name


def test_sector_workbook_with_example_rows_has_no_problems(dyeing):
    assert check_plant(dyeing) == []


def test_every_problem_of_a_workbook_is_listed_with_its_cell(dyeing, tmp_path):
    path = shutil.copy(dyeing, tmp_path / "mill.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["energy"]["A3"] = "natral_gas"
    wb["energy"]["B4"] = -5
    wb["plant"]["B3"] = "Atlantis"
    wb["finance"]["B2"] = 8
    wb.create_sheet("能源")
    wb["products"]["A3"] = None  # a required id
    wb.save(path)
    problems = check_plant(path)
    text = "\n".join(problems)
    assert "能源!A1: unknown sheet '能源'; sheets are plant 基本信息" in text
    assert "finance!B2: 8 is a fraction of 800 %; did you mean 8 %?" in text
    assert "energy!B4: must not be negative" in text
    assert "plant!B3: unknown region 'Atlantis'" in text and "Fujian 福建" in text
    assert "energy!A3: unknown carrier 'natral_gas'; valid / 可选: electricity 电力" in text
    assert "products!A3: Field required" in text
    assert len(problems) == 6


def test_yaml_problems_name_their_path(tmp_path):
    data = yaml.safe_load(gc.example_path("dyeing_mill.yaml").read_text(encoding="utf-8"))
    data["plant"]["sector"] = "纺纱"
    data["energy"][0]["carrier"] = "煤"
    data["process_emissions"][1]["gas"] = "R-12"  # CFC-12: no GWP shipped (R-22 is known since #23)
    data["products"][0]["attributes"]["fabric"] = "towel"
    data["equipment"][0]["boiler_eficiency"] = 0.8
    data["retrofit_options"] = {"low_liquor": {"capex": "1 wan_yuan"}}
    path = tmp_path / "mill.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    problems = check_plant(path)
    paths = [p.split(": ")[0] for p in problems]
    assert paths == [
        "plant.sector",
        "products[0].attributes",
        "energy[0].carrier",
        "process_emissions[1].gas",
        "equipment[0].boiler_eficiency",
        "retrofit_options.low_liquor",
    ]
    assert "dyeing 印染" in problems[0] and "纱线、针织物" in problems[1]
    assert (
        "boiler_efficiency" in problems[4] and "dyeing_low_liquor_ratio 小浴比染色机" in problems[5]
    )


def test_cli_check(tmp_path, capsys):
    assert main(["check", str(gc.example_path("tile_plant.yaml"))]) == 0
    assert "no problems" in capsys.readouterr().out
    path = tmp_path / "bad.yaml"
    path.write_text(
        "plant: {name: x, region: 晋江, year: 2024年}\nfinance: {discount_rate: 8}\n",
        encoding="utf-8",
    )
    assert main(["check", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "finance.discount_rate: 8 is a fraction of 800 %; did you mean 8 %? Write 0.08 or 8%"
    ]
    assert "1 problem" in captured.err


def test_load_lists_reader_and_schema_problems_together(dyeing, tmp_path):
    path = shutil.copy(dyeing, tmp_path / "mill.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["energy"]["Z1"] = "amout"
    wb["finance"]["B2"] = "8"
    wb.save(path)
    with pytest.raises(gc.errors.InputError, match="2 problems") as info:
        load_plant(path)
    assert [p.split(":")[0] for p in info.value.problems] == ["energy!Z1", "finance!B2"]
