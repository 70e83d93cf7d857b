"""The plant report: content, self-containment, languages, and a real browser."""

import shutil
import warnings
from pathlib import Path

import numpy as np
import pytest

import greenchain as gc
from greenchain.errors import InputError
from greenchain.interface.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def html_report(tile, tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "report.html"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return tile.report(path)


def test_report_sections_and_numbers(html_report, tile):
    text = html_report.read_text(encoding="utf-8")
    for key in (
        "summary",
        "inventory",
        "energy",
        "footprints",
        "retrofits",
        "score",
        "audit",
        "warnings",
    ):
        assert f'id="{key}"' in text
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        total = tile.inventory().total.magnitude
    assert f"{total:,.0f} tCO2e" in text
    assert "fuel.natural_gas.ncv" in text  # audit appendix lists the factors
    assert "GB/T 32150-2015" in text


def test_report_is_self_contained(html_report):
    text = html_report.read_text(encoding="utf-8")
    assert "<script" not in text
    for marker in ('src="http', "src='http", 'href="http', "@import", "url(http"):
        assert marker not in text


def test_chinese_and_markdown(tile, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        zh = tile.report(tmp_path / "zh.html", lang="zh", charts=False)
        md = tile.report(tmp_path / "r.md", format="md")
    zh_text = zh.read_text(encoding="utf-8")
    assert "温室气体排放核算" in zh_text
    assert "排放类别" in zh_text and "化石燃料燃烧" in zh_text  # headers and ids translated
    assert "CO2e [t]" in md.read_text(encoding="utf-8")
    assert md.read_text(encoding="utf-8").startswith("# Jinjiang porcelain tile plant")
    with pytest.raises(InputError, match="lang"):
        tile.report(tmp_path / "x.html", lang="fr")
    with pytest.raises(InputError, match="format"):
        tile.report(tmp_path / "x.pdf", format="pdf")


def test_report_cli(tmp_path, capsys):
    out = tmp_path / "cli.html"
    assert main(["report", str(gc.example_path("dyeing_mill.yaml")), "-o", str(out)]) == 0
    assert out.is_file() and "report written" in capsys.readouterr().out


@pytest.mark.browser
@pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (see scripts/setup_browser.sh)"
)
def test_report_in_headless_chromium(html_report, tmp_path):
    """Load the report in a real browser: no console errors, a non-blank first screen."""
    from matplotlib.image import imread
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    shot = tmp_path / "first_screen.png"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))
        page.goto(Path(html_report).resolve().as_uri())
        page.wait_for_load_state("load")
        assert page.locator("h1").first.inner_text().startswith("Jinjiang")
        assert page.locator("table").count() >= 5
        page.screenshot(path=str(shot))
        browser.close()
    assert errors == []
    pixels = imread(shot)
    assert pixels.shape[0] == 900 and pixels.shape[1] == 1280
    assert float(np.std(pixels[..., :3])) > 0.05  # not a blank page
