"""Hostile and careless plant files (issue 22): each targeted defect keeps a test.

Duplicate keys (YAML, JSON, workbook columns), the unit that hung pint, the YAML alias
bomb, files that are not UTF-8, deep nesting, long values (bounded and not echoed in
full), offset and wrong units at load, absurd magnitudes, finance lifetimes, report
escaping (HTML and Markdown, also in headless Chromium), spreadsheet formula injection
in the Excel export, and the CLI: one line and a non-zero exit on bad input, and no
folder created for ``-o``.
"""

from __future__ import annotations

import json
import shutil
import time
import warnings
from pathlib import Path

import openpyxl
import pytest
import yaml

import greenchain as gc
from greenchain.decisions.finance import evaluate
from greenchain.errors import GreenchainError, InputError, OutOfRangeError, UnitError
from greenchain.interface.cli import main
from greenchain.interface.io.excel import export_tables, write_template
from greenchain.interface.io.limits import MAX_DEPTH, MAX_STRING
from greenchain.units import parse_quantity

TILE = gc.example_path("tile_plant.yaml")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCRIPT = '<script>alert("x")</script><img src=x onerror="alert(1)">'


def _tile() -> dict:
    return yaml.safe_load(Path(TILE).read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: dict, name: str = "plant.yaml") -> Path:
    path = tmp_path / name
    text = json.dumps(data) if name.endswith(".json") else yaml.safe_dump(data, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return path


def _error(path: Path) -> GreenchainError:
    with pytest.raises(GreenchainError) as info:
        gc.load_plant(path)
    return info.value


# ------------------------------------------------------------------ no data lost


def test_duplicate_yaml_key_names_both_lines(tmp_path):
    path = tmp_path / "plant.yaml"
    path.write_text(Path(TILE).read_text(encoding="utf-8") + "\nenergy: []\n", encoding="utf-8")
    error = _error(path)
    assert isinstance(error, InputError) and error.source == "plant.yaml"
    assert error.field == "energy" and "duplicate key 'energy' (first on line" in str(error)


def test_duplicate_json_key_names_its_lines(tmp_path):
    path = tmp_path / "plant.json"
    path.write_text(
        json.dumps(_tile(), indent=1).replace("{", '{\n"energy": [],', 1), encoding="utf-8"
    )
    error = _error(path)
    assert error.field == "energy" and error.source == "plant.json"
    assert "duplicate key 'energy' (lines 2, " in str(error)


def test_duplicate_workbook_column_names_both_cells(tmp_path):
    base = write_template(tmp_path / "base.xlsx", sector="ceramics")
    wb = openpyxl.load_workbook(base)
    ws = wb["energy"]
    extra = ws.max_column + 1
    for row in range(1, ws.max_row + 1):
        ws.cell(row=row, column=extra, value=ws.cell(row=row, column=2).value)
    wb.save(tmp_path / "dup.xlsx")
    error = _error(tmp_path / "dup.xlsx")
    assert error.source == "dup.xlsx" and "column 'amount' written twice" in str(error)
    assert "energy!B1" in str(error)


def test_nan_and_infinity_in_json_are_refused(tmp_path):
    path = tmp_path / "plant.json"
    path.write_text(json.dumps(_tile()).replace('"11000000 m^3"', "NaN", 1), encoding="utf-8")
    assert "NaN is not a number" in str(_error(path))


# ------------------------------------------------------------------ bounded work


def test_power_tower_unit_is_refused_at_once():
    start = time.perf_counter()
    for text in ("5 m^3^3^3^3", "5 m**3**3**3", "1 kg^99999"):
        with pytest.raises(UnitError, match="exponent"):
            parse_quantity(text)
    assert time.perf_counter() - start < 1


def test_long_quantity_text_is_refused_quickly_and_not_echoed(tmp_path):
    data = _tile()
    data["energy"][0]["amount"] = "1" * 100_000 + " t"
    start = time.perf_counter()
    error = _error(_write(tmp_path, data))
    assert time.perf_counter() - start < 5
    assert error.source == "plant.yaml" and "energy[0].amount" in str(error)
    assert len(str(error)) < 300  # the value is not repeated in full


def test_yaml_alias_bomb_is_refused_quickly(tmp_path):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    path = tmp_path / "bomb.yaml"
    path.write_text("plant:\n" + "\n".join("  " + line for line in lines), encoding="utf-8")
    start = time.perf_counter()
    error = _error(path)
    assert time.perf_counter() - start < 5
    assert error.source == "bomb.yaml" and "alias" in str(error)


def test_deep_nesting_is_an_error_naming_the_path(tmp_path):
    data = _tile()
    deep: object = 1
    for _ in range(500):
        deep = [deep]
    data["equipment"][0]["throttling"] = deep
    error = _error(_write(tmp_path, data, "plant.json"))
    assert error.source == "plant.json" and error.field.startswith("equipment[0].throttling")
    assert f"more than {MAX_DEPTH} levels" in str(error)


def test_long_text_is_refused(tmp_path):
    data = _tile()
    data["plant"]["name"] = "x" * (MAX_STRING + 1)
    error = _error(_write(tmp_path, data))
    assert error.field == "plant.name" and error.source == "plant.yaml"


def test_text_that_is_not_utf8_names_the_file_and_line(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes(Path(TILE).read_text(encoding="utf-8").encode("gb18030"))
    error = _error(path)
    assert error.source == "gbk.yaml" and "not UTF-8" in str(error) and "line" in str(error)


def test_huge_integer_is_an_error(tmp_path):
    path = tmp_path / "plant.json"
    path.write_text(json.dumps(_tile()).replace('"year": 2023', '"year": ' + "9" * 5000))
    assert _error(path).source == "plant.json"


def test_finance_lifetime_is_bounded():
    with pytest.raises(OutOfRangeError, match="at most 100 years"):
        evaluate(1000, 300, lifetime=10**9, discount_rate=0.08)


# ------------------------------------------------------------------ validate at the boundary


@pytest.mark.parametrize(
    ("where", "value", "needle"),
    [
        (("energy", 0, "amount"), "5 degC", "temperature unit cannot be an amount"),
        (("energy", 0, "amount"), "1e30 t", "beyond any plant"),
        (("energy", 0, "amount"), [1, 2, 3], "expected a quantity"),
        (("energy", 0, "amount"), None, "a value is required"),
        (("water", "reused"), "5 degC", "temperature"),
        (("water", "withdrawal"), "5 t", "expected a [volume]"),
        (("site", "land_area"), "3 kWh", "expected a [area]"),
        (("equipment", 5, "duty_profile"), [[1.0, []]], "pair of numbers"),
        (("products", 0, "attributes", "limit_product"), {"value": 1}, "must be a name"),
        (("green_factory", "platform_functions"), [1, None], "list of names"),
        (("economics", "output_value"), 36000, "give a unit"),
        (("plant", "currency"), "5 m^3^3^3^3", "currency unit"),
        (("energy", 0, "measured"), {"carbon_content": "5 万kWh"}, "expected a [mass]/[energy]"),
    ],
)
def test_wrong_values_are_errors_at_load_naming_field_and_file(tmp_path, where, value, needle):
    data = _tile()
    node = data
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    error = _error(_write(tmp_path, data))
    assert isinstance(error, InputError) and error.source == "plant.yaml"
    path = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in where).lstrip(".")
    assert path.split(".")[0] in str(error) and needle in str(error)


def test_exports_beyond_what_the_plant_could_supply_are_an_error(tmp_path):
    data = _tile()
    data["exports"] = [{"carrier": "heat", "amount": "1000000000 GJ"}]
    error = _error(_write(tmp_path, data))
    assert error.source == "plant.yaml" and "exports[0].amount: exports of 1e+09 GJ" in str(error)
    data["exports"] = [{"carrier": "electricity", "amount": "1000 MWh"}]  # plausible: allowed
    assert gc.load_plant(_write(tmp_path, data)).data.exports[0].amount.magnitude == 1000


def test_unknown_evidence_item_names_the_scheme_section_and_file(tmp_path):
    data = _tile()
    data["green_factory"]["evidence"]["gbt36132-2025"]["no_such_item"] = True
    error = _error(_write(tmp_path, data))
    assert error.field == "green_factory.evidence.gbt36132-2025" and error.source == "plant.yaml"


def test_later_errors_name_the_yaml_file(tmp_path):
    data = _tile()
    data["retrofit_options"].setdefault("rooftop_pv", {})["generation"] = "5 t"
    plant = gc.load_plant(_write(tmp_path, data))
    with warnings.catch_warnings(), pytest.raises(GreenchainError) as info:
        warnings.simplefilter("ignore")
        plant.retrofits()
    assert info.value.source == "plant.yaml" and info.value.field


# ------------------------------------------------------------------ reports and exports


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    data = _tile()
    data["plant"]["name"] = SCRIPT + " [x](javascript:alert(2))"
    data["products"][0]["name"] = SCRIPT
    data["energy"][0]["notes"] = SCRIPT
    return gc.load_plant(_write(tmp_path_factory.mktemp("hostile"), data))


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_report_escapes_user_strings(hostile, tmp_path, fmt):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = hostile.report(tmp_path / f"r.{fmt}", format=fmt, charts=False)
    text = Path(out).read_text(encoding="utf-8")
    assert "<script>alert" not in text and "<img src=x" not in text
    assert "&lt;script&gt;" in text


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_reports_fire_no_script_in_headless_chromium(hostile, tmp_path):
    import markdown
    from playwright.sync_api import sync_playwright

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        page_html = Path(hostile.report(tmp_path / "r.html", charts=False))
        md = Path(hostile.report(tmp_path / "r.md", format="md")).read_text(encoding="utf-8")
    page_md = tmp_path / "md.html"
    page_md.write_text(markdown.markdown(md, extensions=["tables"]), encoding="utf-8")
    fired: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page()
        page.on("dialog", lambda d: (fired.append(d.message), d.dismiss()))
        for file in (page_html, page_md):
            page.goto(file.resolve().as_uri())
            page.wait_for_load_state("load")
            assert page.locator("script").count() == 0 or file == page_html
            assert "<script>" in page.locator("body").inner_text()  # shown as text
        browser.close()
    assert fired == []


def test_markdown_report_makes_no_link_from_user_text(hostile, tmp_path):
    import markdown

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        md = Path(hostile.report(tmp_path / "r.md", format="md")).read_text(encoding="utf-8")
    assert 'href="javascript:' not in markdown.markdown(md, extensions=["tables"])


def test_excel_export_neutralises_formulas(tmp_path):
    import pandas as pd

    frame = pd.DataFrame(
        {"name": ['=HYPERLINK("http://x","y")', "+1+1", "@SUM(A1)", "-A1", "tile"], "v": range(5)}
    )
    out = export_tables(tmp_path / "t.xlsx", table=frame)
    ws = openpyxl.load_workbook(out)["table"]
    cells = [ws.cell(row=r, column=1) for r in range(2, 7)]
    assert all(c.data_type == "s" for c in cells)
    assert [c.value for c in cells] == [
        '\'=HYPERLINK("http://x","y")',
        "'+1+1",
        "'@SUM(A1)",
        "'-A1",
        "tile",
    ]


def test_excel_export_of_a_hostile_plant_has_no_formula(tmp_path):
    data = _tile()
    data["plant"]["name"] = "=1+1"
    data["products"][0]["id"] = "=cmd"
    for option in data["retrofit_options"].values():
        option.pop("product", None)
    path = _write(tmp_path, data)
    assert main(["export", str(path), "-o", str(tmp_path / "out.xlsx")]) == 0
    wb = openpyxl.load_workbook(tmp_path / "out.xlsx")
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate}"


# ------------------------------------------------------------------ command line


@pytest.mark.parametrize(
    "content",
    [
        "plant: [unclosed\n",
        "plant: {name: x, region: Fujian, year: 2023}\nplant: {name: y}\n",
        "plant: {name: x, region: Fujian, year: 2023}\nenergy:\n  - {carrier: diesel, amount: 5 degC}\n",
        "plant: {name: x, region: Fujian, year: 2023}\nenergy:\n  - {carrier: diesel, amount: 5 m^3^3^3^3}\n",
        "- just a list\n",
    ],
)
@pytest.mark.parametrize("command", ["inventory", "energy", "footprint", "retrofit", "score"])
def test_cli_bad_input_is_one_line_and_non_zero(tmp_path, capsys, content, command):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    assert main([command, str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("greenchain: error:") and "\n" not in err and "bad.yaml" in err


@pytest.mark.parametrize("command", ["report", "export"])
def test_output_into_a_missing_folder_is_an_error(tmp_path, capsys, command):
    target = tmp_path / "no" / "such" / ("r.html" if command == "report" else "r.xlsx")
    assert main([command, str(TILE), "-o", str(target)]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "no").exists()


def test_output_that_is_a_folder_is_an_error(tmp_path, capsys):
    assert main(["report", str(TILE), "-o", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
