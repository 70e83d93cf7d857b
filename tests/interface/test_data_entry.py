"""Data entry as Chinese plants keep their books (issue 16): sector workbooks, Chinese
units and names, no overwritten client files."""

import hashlib
import warnings

import numpy as np
import openpyxl
import pytest

from greenchain.data.plant_file import PlantData
from greenchain.errors import InputError
from greenchain.interface.cli import main
from greenchain.interface.io import excel, load_plant, parse_plant
from greenchain.interface.io.check import check_plant
from greenchain.interface.plant import Plant
from greenchain.units import parse_quantity


def _quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


def _col(ws, key):
    for cell in ws[1]:
        if cell.value and str(cell.value).split()[0].rstrip("*") == key:
            return cell.column
    raise KeyError(key)


def _row(ws, key):
    for cell in ws["A"]:
        if cell.value and str(cell.value).split()[0].rstrip("*") == key:
            return cell.row
    raise KeyError(key)


def _fill(ws, row, values):
    for key, value in values.items():
        ws.cell(row=row, column=_col(ws, key), value=value)


def _form(ws, values):
    for key, (value, unit) in values.items():
        r = _row(ws, key)
        ws.cell(row=r, column=2, value=value)
        ws.cell(row=r, column=3, value=unit)


# The knit mill of user_review.md section 2.1, as the consultant types it ...
def _consultant_workbook(path):
    excel.write_template(path, sector="dyeing", example=False)
    wb = openpyxl.load_workbook(path)
    _form(
        wb["plant"],
        {
            "name": ("Jinjiang Hengtai knit mill (fictional)", None),
            "name_zh": ("晋江恒泰针织印染有限公司（虚构）", None),
            "region": ("晋江", None),
            "year": ("2024年", None),
            "sector": ("印染", None),
        },
    )
    _fill(
        wb["products"],
        3,
        {
            "id": "knit",
            "name": "Dyed cotton knit fabric",
            "output": "12,000",
            "output_unit": "吨",
            "value": 54000,
            "value_unit": "万元",
            "attributes.fabric": "yarn_knit",
        },
    )
    energy = wb["energy"]
    _fill(energy, 3, {"carrier": "天然气", "amount": 750, "amount_unit": "万m³", "use": "boiler"})
    _fill(energy, 4, {"carrier": "天然气", "amount": "1,800,000 Nm³", "use": "stenter"})
    _fill(energy, 5, {"carrier": "电力", "amount": 2300, "amount_unit": "万kWh", "use": "grid"})
    _fill(energy, 6, {"carrier": "柴油", "amount": 40, "amount_unit": "吨", "use": "vehicles"})
    _fill(wb["prices"], 3, {"carrier": "天然气", "price": 4.2, "price_unit": "元/m3"})
    _fill(wb["prices"], 4, {"carrier": "电力", "price": "0.72 元/千瓦时"})
    _form(wb["finance"], {"discount_rate": ("8%", None)})
    equipment = wb["equipment"]
    _fill(
        equipment,
        3,
        {
            "id": "jets",
            "kind": "dyeing_machine",
            "energy": "boiler",
            "count": 40,
            "share": "45%",
            "batch_mass": 400,
            "batch_mass_unit": "kg",
            "liquor_ratio": 8,
            "start_temperature": 25,
            "start_temperature_unit": "℃",
            "dye_temperature": 98,
            "dye_temperature_unit": "℃",
        },
    )
    _fill(
        equipment,
        4,
        {
            "id": "stenters",
            "kind": "stenter",
            "energy": "stenter",
            "count": 8,
            "share": 1,
            "hours": 6500,
            "hours_unit": "小时",
            "exhaust_air_flow": 5000,
            "exhaust_air_flow_unit": "kg/h",
            "exhaust_temperature": 160,
            "exhaust_temperature_unit": "℃",
        },
    )
    wb.save(path)
    return path


# ... and the same mill written in SI units and ids
_SI = {
    "plant": {
        "name": "Jinjiang Hengtai knit mill (fictional)",
        "name_zh": "晋江恒泰针织印染有限公司（虚构）",
        "region": "Fujian",
        "year": 2024,
        "sector": "dyeing",
    },
    "products": [
        {
            "id": "knit",
            "name": "Dyed cotton knit fabric",
            "output": "12000 t",
            "value": "540000000 CNY",
            "attributes": {"fabric": "yarn_knit"},
        }
    ],
    "energy": [
        {"carrier": "natural_gas", "amount": "7500000 m^3", "use": "boiler"},
        {"carrier": "natural_gas", "amount": "1800000 Nm3", "use": "stenter"},
        {"carrier": "electricity", "amount": "23000 MWh", "use": "grid"},
        {"carrier": "diesel", "amount": "40 t", "use": "vehicles"},
    ],
    "prices": {"natural_gas": "4.2 CNY/m^3", "electricity": "0.72 CNY/kWh"},
    "finance": {"discount_rate": 0.08},
    "equipment": [
        {
            "id": "jets",
            "kind": "dyeing_machine",
            "energy": "boiler",
            "count": 40,
            "share": 0.45,
            "batch_mass": "400 kg",
            "liquor_ratio": 8,
            "start_temperature": "25 degC",
            "dye_temperature": "98 degC",
        },
        {
            "id": "stenters",
            "kind": "stenter",
            "energy": "stenter",
            "count": 8,
            "share": 1,
            "hours": "6500 h",
            "exhaust_air_flow": "5000 kg/h",
            "exhaust_temperature": "160 degC",
        },
    ],
}


@pytest.fixture(scope="module")
def mill(tmp_path_factory):
    return _consultant_workbook(tmp_path_factory.mktemp("mill") / "mill.xlsx")


def test_consultant_workbook_gives_the_si_inventory(mill):
    typed = load_plant(mill)
    si = Plant(parse_plant(_SI, source="mill.yaml"), source="mill.yaml")
    a, b = _quiet(typed.inventory), _quiet(si.inventory)
    assert a.total.m_as("tCO2e") == pytest.approx(b.total.m_as("tCO2e"), rel=1e-12)
    assert a.total.m_as("tCO2e") > 0
    ca = a.by_category().set_index("category")["co2e_t"]
    cb = b.by_category().set_index("category")["co2e_t"]
    assert ca.to_dict() == pytest.approx(cb.to_dict(), rel=1e-12)
    ea, eb = _quiet(typed.energy), _quiet(si.energy)
    assert ea.total.m_as("tce") == pytest.approx(eb.total.m_as("tce"), rel=1e-12)
    ra, rb = _quiet(typed.retrofits), _quiet(si.retrofits)  # 8% and 45% read as fractions
    assert list(ra["measure"]) == list(rb["measure"])
    for column in ra.select_dtypes("number").columns:
        assert np.allclose(ra[column], rb[column], rtol=1e-9, equal_nan=True), column


def test_consultant_workbook_values_are_read_as_meant(mill):
    data = load_plant(mill).data
    assert (data.plant.region, data.plant.year, data.plant.sector) == ("晋江", 2024, "dyeing")
    assert [e.carrier for e in data.energy] == [
        "natural_gas",
        "natural_gas",
        "electricity",
        "diesel",
    ]
    assert data.energy[0].amount.m_as("m^3") == pytest.approx(7.5e6)
    assert data.energy[1].amount.m_as("Nm3") == pytest.approx(1.8e6)
    assert data.energy[2].amount.m_as("MWh") == pytest.approx(23000)
    assert data.products[0].output.m_as("t") == pytest.approx(12000)
    assert data.products[0].value.m_as("CNY") == pytest.approx(5.4e8)
    assert data.finance.discount_rate == pytest.approx(0.08)
    assert set(data.prices) == {"natural_gas", "electricity"}
    assert data.prices["electricity"].m_as("CNY/kWh") == pytest.approx(0.72)
    stenter = data.equipment[1].model_extra  # model inputs are read by the models
    assert parse_quantity(stenter["exhaust_temperature"]).m_as("degC") == pytest.approx(160)
    assert data.equipment[0].model_extra["share"] == "45%"  # read by the model as 0.45
    assert check_plant(mill) == []


def test_sector_workbooks_have_the_models_columns(tmp_path):
    columns = {}
    for sector in ("ceramics", "dyeing", "shoes", "food"):
        path = excel.write_template(tmp_path / f"{sector}.xlsx", sector=sector, monthly=True)
        wb = openpyxl.load_workbook(path)
        assert {"README", "monthly", "_lists"} <= set(wb.sheetnames)
        assert wb["_lists"].sheet_state == "hidden"
        heads = [c.value for c in wb["equipment"][1]]
        columns[sector] = {str(h).split()[0] for h in heads}
        for head in heads:  # every header has a Chinese name (or is a unit column)
            assert len(str(head).split()) >= 2, head
        notes = [c.value for c in wb["equipment"][2]]
        assert all(n for n in notes)
    dyeing = {
        "batch_mass",
        "liquor_ratio",
        "dye_temperature",
        "machine_heat_capacity",
        "fabric_specific_heat",
        "steam_pressure",
        "exhaust_air_flow",
        "exhaust_temperature",
        "exhaust_humidity",
        "heater_efficiency",
        "boiler_efficiency",
        "boiler_pressure",
        "blowdown_flow",
        "makeup_temperature",
    }
    assert dyeing <= columns["dyeing"]
    assert {"flue_o2", "surface_area", "recovered_air_flow"} <= columns["ceramics"]
    assert "batch_mass" not in columns["ceramics"] and "flue_o2" not in columns["dyeing"]
    wb = openpyxl.load_workbook(tmp_path / "dyeing.xlsx")
    heads = {str(c.value).split()[0]: c.column for c in wb["products"][1] if c.value}
    assert "attributes.fabric" in heads
    # drop-downs: carriers, uses, measures, kinds, fabric, supply, system
    ranges = {
        (ws.title, str(dv.sqref).split(":")[0].rstrip("0123456789"))
        for ws in wb.worksheets
        for dv in ws.data_validations.dataValidation
    }
    letter = openpyxl.utils.get_column_letter
    for sheet, key in [
        ("energy", "carrier"),
        ("energy", "use"),
        ("energy", "supply"),
        ("retrofit_options", "measure"),
        ("equipment", "kind"),
        ("process_emissions", "system"),
        ("products", "attributes.fabric"),
    ]:
        assert (sheet, letter(_col(wb[sheet], key))) in ranges, (sheet, key)
    readme = "\n".join(str(c.value) for row in wb["README"].iter_rows() for c in row if c.value)
    assert "stenter" in readme and "小浴比染色机" in readme and "万kWh" in readme


def test_template_refuses_to_overwrite(tmp_path, capsys):
    path = tmp_path / "client.xlsx"
    path.write_bytes(b"the client's filled workbook")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert main(["template", str(path), "--sector", "dyeing"]) != 0
    assert "the file exists" in capsys.readouterr().err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    with pytest.raises(InputError, match="the file exists"):
        excel.write_template(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert main(["template", str(path), "--sector", "dyeing", "--force"]) == 0
    assert openpyxl.load_workbook(path).sheetnames[0] == "README"


def test_template_cli_error_message(tmp_path, capsys):
    path = tmp_path / "client.xlsx"
    path.write_bytes(b"x")
    assert main(["template", str(path)]) == 2
    err = capsys.readouterr().err
    assert "the file exists" in err and "--force" in err


def test_monthly_sheet_is_not_plant_data(tmp_path):
    path = excel.write_template(tmp_path / "m.xlsx", sector="dyeing", monthly=True)
    wb = openpyxl.load_workbook(path)
    wb["monthly"].append(["2024-01", "天然气", 60, "万m³"])
    wb.save(path)
    assert "monthly" not in excel.read_workbook(path)
    _quiet(load_plant(path).inventory)


@pytest.mark.parametrize(
    ("field", "value", "needle"),
    [
        ("discount_rate", 8, "did you mean 8 %"),
        ("debt_ratio", 60, "did you mean 60 %"),
        ("discount_rate", "abc", "cannot read"),
    ],
)
def test_rates_above_one_are_refused(field, value, needle):
    with pytest.raises(Exception, match=needle):
        PlantData.model_validate(
            {"plant": {"name": "x", "region": "Fujian", "year": 2024}, "finance": {field: value}}
        )


def test_names_as_written():
    data = PlantData.model_validate(
        {
            "plant": {"name": "x", "region": "泉州", "year": "2023 年", "sector": "陶瓷"},
            "energy": [
                {"carrier": "电力", "amount": "100 度"},
                {"carrier": "烟煤", "amount": "5 吨"},
            ],
            "exports": [{"carrier": "电力", "amount": "1 万kWh"}],
            "process_emissions": [
                {"type": "refrigerant_leakage", "gas": "R-134a", "amount": "3 千克"}
            ],
            "projects": [{"name": "VFD", "year": "2022年"}],
        }
    )
    assert (data.plant.year, data.plant.sector) == (2023, "ceramics")
    assert [e.carrier for e in data.energy] == ["electricity", "bituminous_coal"]
    assert data.energy[0].amount.m_as("kWh") == pytest.approx(100)
    assert data.exports[0].carrier == "electricity"
    assert data.process_emissions[0].gas == "HFC-134a"
    assert data.projects[0].year == 2022


def test_unknown_sector_lists_both_languages():
    with pytest.raises(Exception, match="dyeing 印染"):
        PlantData.model_validate(
            {"plant": {"name": "x", "region": "Fujian", "year": 2024, "sector": "纺纱"}}
        )


def test_county_region_gives_the_province_grid_factor():
    import greenchain as gc

    a = gc.factors.grid_electricity(region="晋江", year=2023).value
    assert a == gc.factors.grid_electricity(region="Fujian", year=2023).value


def test_plant_file_reference_page_is_up_to_date():
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location(
        "plant_file_reference", root / "scripts" / "plant_file_reference.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    page = (root / "docs" / "plant-file.md").read_text(encoding="utf-8")
    assert page == module.render(), "run python scripts/plant_file_reference.py"
    for needle in (
        "`liquor_ratio`",
        "浴比",
        "`stenter`",
        "exhaust_air_flow",
        "`yarn_knit`",
        "晋江 (350582)",
        "`discount_rate`",
        "`dyeing_low_liquor_ratio`",
    ):
        assert needle in page, needle
    assert "plant-file.md" in (root / "mkdocs.yml").read_text(encoding="utf-8")


def test_measures_by_chinese_name(tmp_path):
    data = {
        "plant": {"name": "x", "region": "Fujian", "year": 2024, "sector": "dyeing"},
        "retrofit_options": {"小浴比染色机": {"selected": True, "capex": "1200 万元"}},
    }
    plant = parse_plant(data)
    assert list(plant.retrofit_options) == ["dyeing_low_liquor_ratio"]
    assert plant.retrofit_options["dyeing_low_liquor_ratio"].capex.m_as("CNY") == 1.2e7
    path = excel.write_template(tmp_path / "m.xlsx", sector="dyeing", example=False)
    wb = openpyxl.load_workbook(path)
    _form(wb["plant"], {"name": ("x", None), "region": ("福建", None), "year": (2024, None)})
    ws = wb["retrofit_options"]
    _fill(ws, 3, {"measure": "小浴比染色机", "capex": 1200, "capex_unit": "万元", "lifetime": 0})
    wb.save(path)
    with pytest.raises(InputError, match=r"^retrofit_options!D3 in m\.xlsx: .*greater than 0"):
        load_plant(path)
