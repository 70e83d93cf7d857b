"""Issue 17: what the client-grade report contains beyond the inventory.

Energy flow (Sankey) whose flows conserve, the monthly profile (only when monthly
readings are given), the main-equipment list with grades, the data source of every
activity in the audit appendix, caveats in client language, no English left in the
zh report outside the audit appendix; and a plant typed in Chinese units and names
(``tests/fixtures/snack_zh.yaml``) through the same zh checks in HTML (headless
Chromium), Word and PDF.
"""

import html as htmllib
import re
import unicodedata
import warnings
from pathlib import Path

import pandas as pd
import pytest

import greenchain as gc
from greenchain.interface.plots_flow import energy_flows, monthly_energy
from greenchain.interface.report import build_report
from greenchain.interface.report_caveats import CAVEAT_KINDS, plain_caveats, plain_reason
from greenchain.interface.report_pdf import chromium_path
from greenchain.interface.report_sections import equipment_table, monthly_records

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SNACK = FIXTURES / "snack_zh.yaml"
SNACK_MONTHLY = FIXTURES / "snack_zh_monthly.csv"
AUDIT_ZH = "审计附录"
LONG_DECIMAL = re.compile(r"\d\.\d{5,}")
MISSING = re.compile(r"\b(None|NaN|nan)\b")
CHROMIUM = chromium_path()
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")

#: ASCII words allowed in the zh report: proper names, units and chemical formulas.
ALLOWED = {
    "greenchain",  # the software's name
    "UTC",  # time zone of the stamp
    "tce",
    "kgce",
    "tCO",
    "kgCO",
    "MWh",
    "kWh",
    "GWh",
    "kVA",
    "HFC",
    "HCFC",
    "PFC",
}
#: Standard numbers are kept as they are (GB/T 32150, ISO 14067, GB 21252-2023).
STANDARD = re.compile(r"\b(?:GB/T|GB|ISO|IPCC|HJ|DB\d*)\s*\d[\d.\-]*")


def _quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


def _plant(name):
    return gc.load_plant(SNACK if name == "snack" else gc.example_path(name))


def _body_text(page: str) -> str:
    """The visible text of an HTML report before the audit appendix."""
    page = re.sub(r'<section id="(audit|warnings)".*?</section>', " ", page, flags=re.S)
    page = re.sub(r"<(svg|style|head).*?</\1>", " ", page, flags=re.S)
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", page))


def english_words(text: str) -> list[str]:
    """ASCII words of three letters or more that are not on the allow-list."""
    text = STANDARD.sub(" ", text)
    words = re.findall(r"[A-Za-z]{3,}", text)
    return sorted({w for w in words if w not in ALLOWED})


# ---------------------------------------------------------------- energy flow
@pytest.mark.parametrize("example", ["dyeing_mill.yaml", "tile_plant.yaml", "shoe_factory.yaml"])
def test_energy_flows_conserve(example):
    plant = _plant(example)
    energy = _quiet(plant.energy)
    flows = energy_flows(plant.data, energy)
    first = flows[flows["stage"] == "carrier_use"]
    second = flows[flows["stage"] == "use_product"]
    imported = energy.activities.loc[energy.activities["tce"] > 0, "tce"].sum()
    assert first["tce"].sum() == pytest.approx(imported, rel=1e-12)  # sum in
    assert second["tce"].sum() == pytest.approx(imported, rel=1e-12)  # sum out
    into = first.groupby("target")["tce"].sum()  # every use: in = out
    out_of = second.groupby("source")["tce"].sum()
    assert into.sort_index().to_dict() == pytest.approx(out_of.sort_index().to_dict())
    by_carrier = energy.by_carrier().set_index("carrier")["tce"]
    assert first.groupby("source")["tce"].sum().to_dict() == pytest.approx(by_carrier.to_dict())


def test_sub_metered_energy_flows_to_its_product():
    plant = _plant("shoe_factory.yaml")
    flows = energy_flows(plant.data, _quiet(plant.energy), {"eva_midsole": "EVA midsole"})
    to_product = flows[(flows["stage"] == "use_product") & (flows["target"] == "EVA midsole")]
    assert list(to_product["source"]) == ["eva_foaming"]
    assert "unallocated" in set(flows["target"])


# ---------------------------------------------------------------- monthly profile
def test_examples_have_no_monthly_section():
    for example in ("dyeing_mill.yaml", "tile_plant.yaml"):
        report = _quiet(build_report, _plant(example), lang="zh", charts=False)
        assert "monthly" not in [s.key for s in report.sections]


def test_monthly_profile_from_readings_in_chinese_units():
    records = monthly_records(SNACK_MONTHLY)
    assert len(records) == 36 and set(records["carrier"]) == {
        "natural_gas",
        "electricity",
        "diesel",
    }
    table = monthly_energy(records)
    assert sorted(table["period"].unique()) == [f"2024-{m:02d}" for m in range(1, 13)]
    plant = _plant("snack")
    annual = _quiet(plant.energy).total.m_as("tce")
    assert table["tce"].sum() == pytest.approx(annual, rel=1e-9)  # the months add up
    report = _quiet(build_report, plant, lang="zh", monthly=SNACK_MONTHLY)
    monthly = next(s for s in report.sections if s.key == "monthly")
    assert [k for k, _ in monthly.blocks] == ["chart", "table"]


def test_monthly_sheet_of_the_workbook_is_read(tmp_path):
    from greenchain.interface.io import excel

    path = excel.write_template(tmp_path / "m.xlsx", monthly=True, example=False)
    import openpyxl

    wb = openpyxl.load_workbook(path)
    wb["monthly"].append(["2024-01", "电力", 50, "万kWh"])
    wb.save(path)
    frame = monthly_records(path)
    assert frame.to_dict("records") == [
        {"period": "2024-01", "carrier": "electricity", "amount": 50.0, "unit": "wan_kWh"}
    ]
    assert monthly_energy(frame)["tce"].sum() == pytest.approx(61.45)  # 0.1229 kgce/kWh


# ---------------------------------------------------------------- equipment
def test_equipment_grades_against_the_standards():
    table = equipment_table(_plant("snack").data, "zh").set_index("name")
    assert table.loc["生产线电动机", ["grade", "standard"]].tolist() == ["2级", "GB 18613-2020"]
    assert table.loc["燃气蒸汽锅炉", ["grade", "standard"]].tolist() == ["3级", "GB 24500-2020"]
    assert table.loc["螺杆空压机", ["grade", "standard"]].tolist() == ["2级", "GB 19153-2019"]
    assert table.loc["配电变压器", ["grade", "standard"]].tolist() == ["2级", "GB 20052-2024"]
    assert table.loc["配电变压器", "rating"] == "2,000 kVA"


def test_equipment_without_nameplate_data_says_what_is_missing():
    table = equipment_table(_plant("dyeing_mill.yaml").data, "en").set_index("name")
    assert table.loc["line motors", "grade"] == "not graded: needs rated power, poles"
    assert table.loc["main transformer", "grade"] == "level 3 (declared in the plant file)"
    assert table.loc["stenters", "standard"] == ""  # no efficiency-grade standard


# ---------------------------------------------------------------- data sources
def test_audit_appendix_lists_the_data_source_of_every_activity():
    report = _quiet(build_report, _plant("snack"), lang="zh", charts=False)
    audit = next(s for s in report.sections if s.key == "audit")
    tables = {c[0]: c[1] for k, c in audit.blocks if k == "table"}
    sources = tables["各项活动数据的来源"]
    assert sources["data_source"].tolist() == ["发票", "计量仪表读数", "能源统计报表"]
    mill = _quiet(build_report, _plant("dyeing_mill.yaml"), lang="en", charts=False)
    audit = next(s for s in mill.sections if s.key == "audit")
    tables = {c[0]: c[1] for k, c in audit.blocks if k == "table"}
    table = tables["Data source of each activity"]
    assert len(table) == 4 + 2  # energy entries and process emissions
    assert set(table["data_source"]) == {"not stated"}


def test_data_source_vocabulary_is_closed():
    from greenchain.data.plant_file import EnergyEntry

    assert EnergyEntry(carrier="diesel", amount="1 t", data_source="估算").data_source == "estimate"
    with pytest.raises(ValueError, match="data_source"):
        EnergyEntry(carrier="diesel", amount="1 t", data_source="guess")


# ---------------------------------------------------------------- caveats
def test_caveats_in_client_language_in_the_body():
    report = _quiet(build_report, _plant("dyeing_mill.yaml"), lang="zh", charts=False)
    keys = [s.key for s in report.sections]
    assert keys.index("caveats") < keys.index("audit") < keys.index("warnings")
    body = next(s for s in report.sections if s.key == "caveats")
    items = next(c for k, c in body.blocks if k == "list")
    zh = {k[3] for k in CAVEAT_KINDS}
    assert items and set(items) <= zh and len(items) == len(set(items))
    technical = next(s for s in report.sections if s.key == "warnings")
    raw = next(c for k, c in technical.blocks if k == "list")
    assert any("retrofit_options" in r or "ndrc" in r for r in raw)  # kept in the appendix
    assert not any("retrofit_options" in i or "_" in i for i in items)


def test_plain_caveats_and_reasons():
    assert plain_caveats(["market-based scope 2: ...", "market-based scope 2: x"], "en") == [
        plain_caveats(["market-based scope 2"], "en")[0]
    ]
    assert plain_caveats(["something new"], "zh") == ["其他技术说明见审计附录。"]
    reason = (
        "boiler: no sourced saving; give the model inputs or retrofit_options.x.saving_fraction; "
        "no saving: energy, CO2 and finance not computed; capex: capex not sourced, give x"
    )
    assert (
        plain_reason(reason, "zh")
        == "缺少可靠的节能量（需提供实测节能率或设备运行数据）；缺少投资额报价"
    )


# ---------------------------------------------------------------- no English in zh
@pytest.mark.parametrize("example", ["dyeing_mill.yaml", "tile_plant.yaml", "snack"])
def test_no_english_in_the_zh_report(example):
    plant = _plant(example)
    monthly = SNACK_MONTHLY if example == "snack" else None
    page = _quiet(build_report, plant, lang="zh", monthly=monthly).to_html()
    body = _body_text(page)
    assert english_words(body) == []
    assert "审计附录" in page and "energy[0]" in page  # technical detail kept in the appendix


def test_english_word_check_catches_english():
    assert english_words("GB/T 32150 ISO 14067 tCO₂e 2,000 kVA 锅炉") == []
    assert english_words("无法计算: no product has a footprint") == ["footprint", "has", "product"]


# ---------------------------------------------------------------- the snack plant in every format
def _snack(tmp_path_factory, fmt):
    path = tmp_path_factory.mktemp(f"snack_{fmt}") / f"snack_zh.{fmt}"
    return _quiet(_plant("snack").report, path, lang="zh", format=fmt, monthly=SNACK_MONTHLY)


def _check_snack_body(text: str) -> None:
    assert AUDIT_ZH in text
    body = text[: text.index(AUDIT_ZH)]
    assert not MISSING.findall(body), MISSING.findall(body)[:5]
    assert not LONG_DECIMAL.findall(body), LONG_DECIMAL.findall(body)[:5]
    for chinese in ("晋江某休闲食品有限公司", "膨化食品", "能源流向", "逐月能源消费", "2级"):
        assert chinese in body, chinese


@pytest.fixture(scope="module")
def snack_html(tmp_path_factory):
    return _snack(tmp_path_factory, "html")


def test_snack_zh_docx(tmp_path_factory):
    docx = pytest.importorskip("docx")
    document = docx.Document(str(_snack(tmp_path_factory, "docx")))
    parts = []
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            parts += [cell.text for row in item.rows for cell in row.cells]
        else:
            parts.append(item.text)
    _check_snack_body("\n".join(parts))
    assert len(document.tables) >= 10
    assert len(document.inline_shapes) >= 4  # Sankey, monthly, emissions, energy charts


@needs_chromium
def test_snack_zh_pdf(tmp_path_factory):
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(str(_snack(tmp_path_factory, "pdf")))
    assert len(reader.pages) >= 3
    text = unicodedata.normalize("NFKC", "\n".join(p.extract_text() for p in reader.pages))
    assert "碳排放与能源报告" in text
    body = text[: text.index(AUDIT_ZH)]
    assert not MISSING.findall(body) and not LONG_DECIMAL.findall(body)
    assert "膨化" in body and "晋江某休闲" in body  # 食 may come out as the radical ⻝


@pytest.mark.browser
@needs_chromium
def test_snack_zh_html_in_headless_chromium(snack_html):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(Path(snack_html).resolve().as_uri())
        page.wait_for_load_state("load")
        shown = page.evaluate(
            "() => [...document.querySelectorAll('section:not(.appendix)')]"
            ".map(s => s.innerText).join('\\n')"
        )
        charts = page.locator(".chart svg").count()
        flow = page.locator("#flow .chart svg").count()
        monthly = page.locator("#monthly .chart svg").count()
        browser.close()
    _check_snack_body(shown + "\n" + AUDIT_ZH)
    assert english_words(shown) == []
    assert charts >= 4 and flow == 1 and monthly == 1
    assert not errors


def test_cli_report_takes_monthly_readings(tmp_path, capsys):
    from greenchain.interface.cli import main

    out = tmp_path / "snack.html"
    args = ["report", str(SNACK), "-o", str(out), "--lang", "zh", "--monthly", str(SNACK_MONTHLY)]
    assert _quiet(main, args) == 0
    page = out.read_text(encoding="utf-8")
    assert 'id="monthly"' in page and 'id="flow"' in page and 'id="equipment"' in page
    assert isinstance(pd.read_csv(SNACK_MONTHLY), pd.DataFrame)


def test_workbook_monthly_sheet_gives_the_monthly_section(tmp_path):
    import openpyxl

    from greenchain.interface.io import excel

    path = excel.write_template(tmp_path / "tile.xlsx", monthly=True)
    wb = openpyxl.load_workbook(path)
    for month in range(1, 13):
        wb["monthly"].append([f"2023-{month:02d}", "天然气", 180, "万m³"])
    wb.save(path)
    plant = gc.load_plant(path)
    report = _quiet(build_report, plant, lang="zh", charts=False)
    assert "monthly" in [s.key for s in report.sections]
    no_sheet = excel.write_template(tmp_path / "plain.xlsx")
    report = _quiet(build_report, gc.load_plant(no_sheet), lang="zh", charts=False)
    assert "monthly" not in [s.key for s in report.sections]


def test_user_labels_in_the_new_sections_stay_escaped(tmp_path):
    import yaml

    data = yaml.safe_load(SNACK.read_text(encoding="utf-8"))
    evil = "<script>alert(1)</script>--><img src=x onerror=alert(2)>"
    data["energy"][0]["use"] = evil  # drawn in the Sankey, listed in the flow table
    data["equipment"][0]["name_zh"] = evil
    data["equipment"][0]["energy"] = evil
    source = tmp_path / "evil.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    page = _quiet(gc.load_plant(source).report, tmp_path / "r.html", lang="zh").read_text("utf-8")
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;" in page


@pytest.mark.parametrize(
    "example", ["dyeing_mill.yaml", "tile_plant.yaml", "shoe_factory.yaml", "snack"]
)
def test_every_caveat_of_the_examples_has_a_plain_sentence(example):
    from greenchain.interface.report_caveats import caveat_kind

    report = _quiet(build_report, _plant(example), lang="en", charts=False)
    assert [w for w in report.warnings if caveat_kind(w) == "other"] == []
