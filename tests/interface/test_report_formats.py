"""Issue 17: a report a consultant can hand to a client, in HTML, Markdown, Word and PDF.

The zh report of the dyeing mill is checked in each format: no ``None`` or ``NaN``
and no number with more than 4 decimal places outside the audit appendix, Chinese
statuses and names, the PDF with pages and text, the Word file opened by python-docx.
"""

import re
import unicodedata
import warnings
from pathlib import Path

import pytest

import greenchain as gc
from greenchain.interface.cli import main
from greenchain.interface.report_format import (
    format_money,
    format_number,
    format_percent,
    format_unit,
    view_table,
)
from greenchain.interface.report_pdf import chromium_path

LONG_DECIMAL = re.compile(r"\d\.\d{5,}")
MISSING = re.compile(r"\b(None|NaN|nan)\b")
AUDIT_ZH = "审计附录"
CHROMIUM = chromium_path()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (bash scripts/setup_browser.sh); PDF output needs it",
)


def _mill():
    return gc.load_plant(gc.example_path("dyeing_mill.yaml"))


def _write(tmp_path_factory, fmt, lang="zh"):
    path = tmp_path_factory.mktemp(f"report_{fmt}") / f"mill_{lang}.{fmt}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _mill().report(path, lang=lang, format=fmt)


def _check_body(text: str) -> None:
    """No None/NaN and no number with more than 4 decimals (text before the appendix)."""
    assert AUDIT_ZH in text
    body = text[: text.index(AUDIT_ZH)]
    assert not MISSING.findall(body), MISSING.findall(body)[:5]
    assert not LONG_DECIMAL.findall(body), LONG_DECIMAL.findall(body)[:5]
    for chinese in ("晋江某印染厂", "染色机织物", "符合限值", "万元", "水泵风机变频调速"):
        assert chinese in body, chinese
    for english in ("plant_data", "dyed_woven_fabric", "vfd_pumps_fans", "unanswered"):
        assert english not in body, english  # ids and statuses are shown in Chinese


@pytest.fixture(scope="module")
def zh_html(tmp_path_factory):
    return _write(tmp_path_factory, "html")


def _html_text(html: str) -> str:
    html = re.sub(r"<svg.*?</svg>", " ", html, flags=re.S)
    html = re.sub(r"<style.*?</style>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_zh_html_is_formatted_and_chinese(zh_html):
    html = zh_html.read_text(encoding="utf-8")
    _check_body(_html_text(html))
    assert html.count("<svg") >= 5  # charts inline
    assert "561942.239439" not in html and "1.45295" not in html
    assert 'class="card failed"' in html  # failed gates are not shown in green
    assert "tCO₂e" in html and "元/tCO₂e" in html and "kgce/百米" in html


def test_zh_markdown_is_formatted(tmp_path_factory):
    text = _write(tmp_path_factory, "md").read_text(encoding="utf-8")
    _check_body(text)
    assert "| 措施 |" in text and "[万元]" in text


def test_zh_docx_opens_in_python_docx(tmp_path_factory):
    docx = pytest.importorskip("docx")
    path = _write(tmp_path_factory, "docx")
    document = docx.Document(str(path))
    parts = []
    for item in document.iter_inner_content():  # paragraphs and tables in document order
        if hasattr(item, "rows"):
            parts += [cell.text for row in item.rows for cell in row.cells]
        else:
            parts.append(item.text)
    text = "\n".join(parts)
    _check_body(text)
    assert len(document.tables) >= 10
    assert len(document.inline_shapes) >= 5  # the charts as pictures


@needs_chromium
def test_zh_pdf_has_pages_and_text(tmp_path_factory):
    pypdf = pytest.importorskip("pypdf")
    path = _write(tmp_path_factory, "pdf")
    assert path.read_bytes().startswith(b"%PDF")
    reader = pypdf.PdfReader(str(path))
    assert len(reader.pages) >= 3
    # CJK fonts map some glyphs to Kangxi radicals; NFKC gives the usual characters
    text = unicodedata.normalize("NFKC", "\n".join(p.extract_text() for p in reader.pages))
    text = re.sub(r"\s+([₂₄])\s*", r"\1", text)
    assert "碳排放与能源报告" in text
    body = text[: text.index(AUDIT_ZH)]
    assert not MISSING.findall(body) and not LONG_DECIMAL.findall(body)


@pytest.mark.browser
@needs_chromium
def test_zh_html_in_headless_chromium(zh_html):
    """What a reader sees in a browser: Chinese, rounded, every chart drawn."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(Path(zh_html).resolve().as_uri())
        page.wait_for_load_state("load")
        shown = page.evaluate(
            "() => [...document.querySelectorAll('section:not(.appendix)')]"
            ".map(s => s.innerText).join('\\n')"
        )
        charts = page.locator(".chart svg").count()
        overflow = page.evaluate("() => document.documentElement.scrollWidth")
        browser.close()
    _check_body(shown + "\n" + AUDIT_ZH)
    assert charts >= 5
    assert overflow <= 1280  # wide tables scroll inside the page, not the page


def test_cli_writes_docx_from_the_suffix(tmp_path, capsys):
    out = tmp_path / "mill.docx"
    path = str(gc.example_path("dyeing_mill.yaml"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert main(["report", path, "-o", str(out), "--lang", "zh"]) == 0
    assert out.read_bytes()[:2] == b"PK" and "report written" in capsys.readouterr().out


def test_english_report_is_formatted(tmp_path_factory):
    text = _write(tmp_path_factory, "md", lang="en").read_text(encoding="utf-8")
    body = text[: text.index("Audit appendix")]
    assert not MISSING.findall(body) and not LONG_DECIMAL.findall(body)
    assert "Capex [CNY]" in body and "Abatement cost [CNY/tCO₂e]" in body
    assert "Variable-speed drives" in body or "VFD" in body or "drive" in body.lower()


def test_formatting_helpers():
    assert format_number(561942.239439) == "561,942"
    assert format_number(None) == format_number(float("nan")) == ""
    assert format_percent(1.45295) == "145.3%"
    assert format_money(12_000_000.0, "zh") == "1,200"
    assert format_unit("kgce/m ** 2") == "kgce/m²"
    assert format_unit("CNY/tCO2e", "zh") == "元/tCO₂e"
    import pandas as pd

    view = view_table(pd.DataFrame({"name": ["<b>x</b>"], "value": [0.123456789]}))
    assert view.rows == [["<b>x</b>", "0.1235"]]  # escaped by the template, not here
    audit = view_table(pd.DataFrame({"value": [0.123456789]}), audit=True)
    assert audit.rows == [["0.123456789"]]


def test_user_strings_stay_escaped_in_the_template(tmp_path):
    import yaml

    data = yaml.safe_load(gc.example_path("dyeing_mill.yaml").read_text(encoding="utf-8"))
    data["plant"]["name"] = data["plant"]["name_zh"] = "<script>alert(1)</script> & Co"
    source = tmp_path / "evil.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    plant = gc.load_plant(source)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        html = plant.report(tmp_path / "r.html", lang="zh", charts=False).read_text("utf-8")
        md = plant.report(tmp_path / "r.md", format="md").read_text("utf-8")
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert "<script" not in md and "&lt;script&gt;" in md


def test_consultancy_logo_and_sign_off(tmp_path):
    import numpy as np
    from matplotlib.image import imsave

    logo = tmp_path / "logo.png"
    imsave(logo, np.zeros((8, 16, 3)))
    plant = _mill()
    options = {"lang": "zh", "charts": False, "consultancy": "晋江某节能咨询公司", "logo": logo}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        html = plant.report(tmp_path / "r.html", **options).read_text("utf-8")
        docx_path = plant.report(tmp_path / "r.docx", format="docx", **options)
        with pytest.raises(gc.errors.InputError, match="logo"):
            plant.report(tmp_path / "x.html", logo=tmp_path / "logo.gif")
    assert 'src="data:image/png;base64,' in html and "晋江某节能咨询公司" in html
    assert 'id="signoff"' in html and "编制" in html and "审核" in html and "批准" in html
    docx = pytest.importorskip("docx")
    document = docx.Document(str(docx_path))
    assert len(document.inline_shapes) == 1  # the logo (no charts)
    assert "晋江某节能咨询公司" in "\n".join(p.text for p in document.paragraphs[:3])
