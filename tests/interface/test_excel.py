"""Excel template, reading it back with cell-named errors, exports and the CLI."""

import sys
import warnings

import openpyxl
import pandas as pd
import pytest

import greenchain as gc
from greenchain.data.plant_file import EnergyEntry, PlantData
from greenchain.errors import InputError, UnitError
from greenchain.interface.cli import main
from greenchain.interface.io import excel, load_plant, parse_plant, read_plant_data
from greenchain.interface.plant import Plant
from greenchain.units import Q_

TILE = gc.example_path("tile_plant.yaml")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The template with the example tile plant's rows (written once)."""
    return excel.write_template(tmp_path_factory.mktemp("xl") / "tile.xlsx")


@pytest.fixture
def workbook(template, tmp_path):
    """A copy of the filled template to edit: yields (openpyxl workbook, save function)."""
    wb = openpyxl.load_workbook(template)
    path = tmp_path / "tile.xlsx"

    def save():
        wb.save(path)
        return path

    return wb, save


def col(ws, key):
    """Column letter of a header key in a table sheet."""
    for cell in ws[1]:
        if cell.value and str(cell.value).split()[0].rstrip("*") == key:
            return cell.column_letter
    raise KeyError(key)


def quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


# ------------------------------------------------------------------ template


def test_template_has_a_sheet_per_section_and_bilingual_headers(template):
    wb = openpyxl.load_workbook(template)
    assert wb.sheetnames == ["README", *PlantData.model_fields]
    required = {"plant", "products", "energy", "exports", "process_emissions", "equipment"}
    required |= {"prices", "finance", "site", "water", "waste", "projects", "economics"}
    assert required | {"retrofit_options"} <= set(wb.sheetnames)
    energy = wb["energy"]
    headers = [c.value for c in energy[1]]
    assert "amount* 数量" in headers and "amount_unit 单位" in headers
    assert {"measured.ncv", "measured.ncv_unit"} <= {h.split()[0] for h in headers}
    assert str(energy["A2"].value).startswith("# ")  # the description row is a note
    assert "/" in energy["B2"].value  # English / Chinese description
    fractions = [c.value for c in wb["process_emissions"][1] if "fractions." in str(c.value)]
    assert fractions and fractions[0].startswith("fractions.CaCO3")
    readme = "\n".join(str(c.value) for c in wb["README"]["A"] if c.value)
    assert "HOW TO FILL IN" in readme and "填写说明" in readme


def test_template_columns_follow_the_schema(template):
    ws = openpyxl.load_workbook(template)["energy"]
    keys = {str(c.value).split()[0].rstrip("*").split(".")[0] for c in ws[1] if c.value}
    assert set(EnergyEntry.model_fields) <= keys


def test_template_example_rows_are_the_tile_plant(template):
    wb = openpyxl.load_workbook(template)
    ws = wb["energy"]
    assert (ws["A3"].value, ws[col(ws, "amount") + "3"].value) == ("natural_gas", 11000000)
    assert ws[col(ws, "amount_unit") + "3"].value == "m^3"
    assert wb["plant"]["B2"].value == "Jinjiang porcelain tile plant (example)"


def test_template_without_example(tmp_path):
    path = excel.write_template(tmp_path / "empty.xlsx", example=False)
    wb = openpyxl.load_workbook(path)
    assert wb["energy"].max_row == 2 and wb["plant"]["B2"].value is None
    with pytest.raises(InputError, match=r"3 problems:\n  plant!B2: Field required\n  plant!B3"):
        load_plant(path)


def test_template_needs_xlsx_name(tmp_path):
    with pytest.raises(InputError, match=r"\.xlsx"):
        excel.write_template(tmp_path / "plant.xls")


# ------------------------------------------------------------------ round trip


def test_round_trip_gives_the_yaml_results(template):
    yaml_plant, xlsx_plant = load_plant(TILE), load_plant(template)
    assert isinstance(xlsx_plant, Plant) and type(xlsx_plant) is type(yaml_plant)
    assert isinstance(xlsx_plant.locator, excel.CellMap)
    assert yaml_plant.locator.file == "tile_plant.yaml"  # later errors name the YAML file
    assert xlsx_plant.data == yaml_plant.data
    inv_x, inv_y = quiet(xlsx_plant.inventory), quiet(yaml_plant.inventory)
    assert inv_x.total.m_as("tCO2e") == pytest.approx(inv_y.total.m_as("tCO2e"), rel=1e-12)
    e_x, e_y = quiet(xlsx_plant.energy), quiet(yaml_plant.energy)
    assert e_x.total.m_as("tce") == pytest.approx(e_y.total.m_as("tce"), rel=1e-12)


def test_read_plant_data_reads_xlsx_as_plain_data(template):
    data = read_plant_data(template)
    assert data["energy"][0] == {"carrier": "natural_gas", "amount": "11000000 m^3", "use": "kiln"}
    assert data["process_emissions"][0]["fractions"] == {"CaCO3": 0.015, "MgCO3": 0.005}
    assert data["products"][0]["attributes"]["limit_product"] == "dry_pressed_tile"
    assert data["prices"]["natural_gas"] == "3.6 CNY/m^3"


def test_cell_map_records_every_value(template):
    _, cells = excel.read_workbook(template, locations=True)
    assert cells.locate("energy[0].amount") == "energy!B3"
    assert cells.locate("plant.year") == "plant!B4"
    assert cells.locate("prices.electricity") == "prices!B4"
    assert cells.locate("process_emissions[0].fractions") == "process_emissions!F3:G3"
    recorded = set(cells.cells.values()) | set(cells.keys.values())
    recorded |= {u[:3] for u in cells.units.values()}
    wb = openpyxl.load_workbook(template)
    for ws in wb.worksheets[1:]:
        form = ws["A1"].value == "field 字段"
        for row in ws.iter_rows(min_row=2 if form else 3, max_col=2 if form else None):
            for c in row[1:] if form else row:
                if c.value is not None and not str(c.value).startswith("#"):
                    unit_col = str(ws.cell(1, c.column).value).split()[0].endswith("_unit")
                    assert unit_col or (ws.title, c.column, c.row) in recorded, c.coordinate


# ------------------------------------------------------------------ errors name cells


def test_negative_amount_names_the_cell(workbook):
    wb, save = workbook
    ws = wb["energy"]
    ws[col(ws, "amount") + "5"] = -5
    with pytest.raises(InputError) as info:
        load_plant(save())
    assert str(info.value) == "energy!B5 in tile.xlsx: must not be negative"
    assert info.value.path == "energy[2].amount"


def test_unreadable_unit_names_the_unit_cell(workbook):
    wb, save = workbook
    ws = wb["energy"]
    ws[col(ws, "amount_unit") + "5"] = "kgg"
    with pytest.raises(InputError, match=r"energy!C5 in tile\.xlsx: cannot read the unit 'kgg'"):
        load_plant(save())


def test_wrong_dimension_unit_names_the_unit_cell(workbook):
    wb, save = workbook
    ws = wb["energy"]
    ws[col(ws, "amount_unit") + "5"] = "kWh"  # natural gas in kWh
    plant = load_plant(save())
    with pytest.raises(UnitError, match=r"^energy!C5 in tile\.xlsx: .*'kWh'"):
        quiet(plant.inventory)


def test_a_package_keeps_the_cell_locator(workbook):
    """apply_package returns plant.with_data(...): later errors still name cells."""
    wb, save = workbook
    wb["plant"]["B3"] = "Atlantis"  # energy works without a grid region; the inventory not
    plant = load_plant(save())
    for after in (
        quiet(gc.retrofit.apply_package, plant, ["continuous_ball_mill"]),
        quiet(plant.apply_package, ["continuous_ball_mill"]),
    ):
        assert type(after) is Plant and after is not plant
        assert after.locator is plant.locator and after.source == plant.source
        assert after.data.energy[3].amount.m_as("MWh") == pytest.approx(8400 * 0.8)
        with pytest.raises(InputError, match=r"^plant!B3 in tile\.xlsx: unknown region"):
            quiet(after.inventory)


def test_unknown_carrier_names_the_cell(workbook):
    wb, save = workbook
    wb["energy"]["A4"] = "natral_gas"
    plant = load_plant(save())
    with pytest.raises(InputError, match=r"^energy!A4 in tile\.xlsx: unknown fuel 'natral_gas'"):
        quiet(plant.inventory)
    with pytest.raises(InputError, match=r"^energy!A4 in tile\.xlsx"):
        quiet(plant.energy)


def test_every_problem_is_listed_with_its_cell(workbook):
    wb, save = workbook
    ws = wb["energy"]
    ws[col(ws, "amount") + "5"] = -5
    wb["plant"]["B4"] = "last year"
    products = wb["products"]
    products[col(products, "output") + "3"] = None
    with pytest.raises(InputError) as info:
        load_plant(save())
    text = str(info.value)
    assert text.startswith("tile.xlsx: 3 problems:")
    assert "energy!B5: must not be negative" in text
    assert "plant!B4: Input should be a valid integer" in text
    assert "products!C3: Field required" in text


@pytest.mark.parametrize(
    ("sheet", "key", "value", "needle"),
    [
        ("process_emissions", "fractions.CaCO3", -0.1, "must not be negative"),
        ("energy", "product", "no_such_product", "is not a product id"),
        ("prices", "price", -1, "must not be negative"),
    ],
)
def test_nested_and_mapping_cells(workbook, sheet, key, value, needle):
    wb, save = workbook
    ws = wb[sheet]
    ws[col(ws, key) + "3"] = value
    with pytest.raises(InputError, match=rf"^{sheet}!{col(ws, key)}3 in tile\.xlsx: .*{needle}"):
        load_plant(save())


def test_unknown_column_and_sheet_are_errors(workbook):
    wb, save = workbook
    ws = wb["energy"]
    ws["Z1"] = "amout"
    ws["Z3"] = 5
    with pytest.raises(
        InputError,
        match=r"energy!Z1 in tile\.xlsx: unknown column 'amout'; valid: carrier 能源品种",
    ):
        load_plant(save())
    ws["Z1"] = None
    ws["Z3"] = None
    wb.create_sheet("能源")
    with pytest.raises(
        InputError, match=r"能源!A1 in tile\.xlsx: unknown sheet '能源'; sheets are plant 基本信息"
    ):
        load_plant(save())
    ws["Z1"] = "amout"
    ws[col(ws, "amount") + "5"] = -5
    with pytest.raises(InputError, match="3 problems") as info:
        load_plant(save())
    assert info.value.problems[:2] == [
        info.value.problems[0],
        info.value.problems[1],
    ] and any("energy!B5: must not be negative" in p for p in info.value.problems)


def test_cli_error_names_the_cell(workbook, capsys):
    wb, save = workbook
    ws = wb["energy"]
    ws[col(ws, "amount") + "5"] = -5
    assert main(["inventory", str(save())]) == 2
    err = capsys.readouterr().err
    assert "energy!B5 in tile.xlsx: must not be negative" in err
    assert len(err.strip().splitlines()) == 1


# ------------------------------------------------------------------ flat encodings


def test_flat_encodings(workbook):
    wb, save = workbook
    energy = wb["energy"]
    energy[col(energy, "uncertainty") + "3"] = "{kind: normal, sd: 0.05}"
    energy[col(energy, "measured.ncv") + "8"] = 43.1
    energy[col(energy, "measured.ncv_unit") + "8"] = "GJ/t"
    energy[col(energy, "amount") + "4"] = "6500000 m^3"  # whole quantity in one cell
    energy[col(energy, "amount_unit") + "4"] = None
    energy.insert_rows(5, amount=2)
    energy["A5"] = "# a note: this row is not read"  # and row 6 stays blank
    products = wb["products"]
    products[col(products, "attributes.energy_share") + "3"] = 1
    products["A3"] = 42  # a number typed in a text column
    options = wb["retrofit_options"]
    options["A3"] = "test_measure"
    options[col(options, "selected") + "3"] = "否"
    wb.create_sheet("_my_notes")["A1"] = "ignored"
    data = excel.read_workbook(save())
    assert data["energy"][0]["uncertainty"] == {"kind": "normal", "sd": 0.05}
    assert data["energy"][1]["amount"] == "6500000 m^3"
    assert len(data["energy"]) == 6
    assert data["energy"][5]["measured"] == {"ncv": "43.1 GJ/t"}
    assert data["products"][0]["id"] == "42"
    assert data["products"][0]["attributes"]["energy_share"] == 1
    assert data["retrofit_options"]["test_measure"]["selected"] is False
    assert "_my_notes" not in data
    parsed = parse_plant(data)
    assert parsed.energy[5].measured.ncv == Q_(43.1, "GJ/t")


def test_bad_yaml_and_duplicate_keys_name_the_cell(workbook):
    wb, save = workbook
    energy = wb["energy"]
    energy[col(energy, "uncertainty") + "3"] = "{kind: [normal"
    with pytest.raises(InputError, match=r"energy!\w+3 in tile\.xlsx: cannot read as YAML"):
        excel.read_workbook(save())
    energy[col(energy, "uncertainty") + "3"] = None
    wb["prices"]["A4"] = "natural_gas"
    with pytest.raises(InputError, match=r"prices!A4 in tile\.xlsx: duplicate carrier"):
        excel.read_workbook(save())


def test_not_a_workbook(tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_text("plant: {}", encoding="utf-8")
    with pytest.raises(InputError, match="not a readable Excel workbook"):
        load_plant(path)
    with pytest.raises(InputError, match="file not found"):
        load_plant(tmp_path / "missing.xlsx")


def test_missing_openpyxl(monkeypatch, tmp_path, template):
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    needle = r"Excel support needs openpyxl: pip install greenchain\[excel\]"
    with pytest.raises(InputError, match=needle):
        excel.write_template(tmp_path / "t.xlsx")
    with pytest.raises(InputError, match=needle):
        load_plant(template)
    with pytest.raises(InputError, match=needle):
        excel.export_tables(tmp_path / "r.xlsx", a=pd.DataFrame({"x": [1]}))


# ------------------------------------------------------------------ export


def test_export_tables_writes_the_sheets(tmp_path):
    by_cat = pd.DataFrame({"category": ["fuel_combustion"], "co2e_t": [42576.1]})
    by_scope = pd.Series([1.0, 2.0], index=pd.Index(["scope_1", "scope_2"], name="scope"))
    odd = pd.DataFrame({"x": [Q_(3, "t"), float("nan")], "y": [[1, 2], {"a": 1}]})
    path = excel.export_tables(
        tmp_path / "r.xlsx", inventory=by_cat, by_scope=by_scope, **{"score/indicator": odd}
    )
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["inventory", "by_scope", "score_indicator"]
    assert [c.value for c in wb["inventory"][2]] == ["fuel_combustion", 42576.1]
    assert [c.value for c in wb["by_scope"][1]] == ["scope", "value"]
    assert wb["by_scope"]["A2"].value == "scope_1"
    assert wb["score_indicator"]["A2"].value == "3 t"
    assert wb["score_indicator"]["A3"].value is None
    assert wb["score_indicator"]["B2"].value == "[1, 2]"
    with pytest.raises(InputError, match="at least one table"):
        excel.export_tables(tmp_path / "e.xlsx")


def test_export_results(tmp_path):
    plant = load_plant(TILE)
    path = quiet(excel.export_results, plant, tmp_path / "results.xlsx")
    wb = openpyxl.load_workbook(path)
    for sheet in (
        "summary",
        "inventory_by_category",
        "inventory_by_scope",
        "inventory_by_gas",
        "inventory_records",
        "energy_by_carrier",
        "warnings",
    ):
        assert sheet in wb.sheetnames
    summary = {r[0]: r[1] for r in wb["summary"].iter_rows(min_row=2, values_only=True)}
    total = quiet(plant.inventory).total.m_as("tCO2e")
    assert summary["inventory total [tCO2e]"] == pytest.approx(total, rel=1e-12)
    by_cat = pd.read_excel(path, sheet_name="inventory_by_category")
    assert by_cat["co2e_t"].sum() == pytest.approx(total, rel=1e-12)


# ------------------------------------------------------------------ CLI


def test_cli_template_and_export(tmp_path, capsys):
    template = tmp_path / "plant.xlsx"
    assert main(["template", str(template)]) == 0
    assert "wrote" in capsys.readouterr().out
    assert openpyxl.load_workbook(template)["energy"]["A3"].value == "natural_gas"
    assert main(["template", str(tmp_path / "empty.xlsx"), "--no-example"]) == 0
    assert openpyxl.load_workbook(tmp_path / "empty.xlsx")["energy"].max_row == 2
    out = tmp_path / "results.xlsx"
    assert main(["export", str(template), "-o", str(out)]) == 0
    assert "inventory_by_category" in openpyxl.load_workbook(out).sheetnames
    assert main(["export", str(TILE), "-o", str(tmp_path / "r.xls")]) == 2
    assert ".xlsx" in capsys.readouterr().err
