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
    assert f"{total:,.0f} tCO₂e" in text  # units as people write them
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
    assert "CO₂e [t]" in md.read_text(encoding="utf-8")
    assert md.read_text(encoding="utf-8").startswith("# Jinjiang porcelain tile plant")
    with pytest.raises(InputError, match="lang"):
        tile.report(tmp_path / "x.html", lang="fr")
    with pytest.raises(InputError, match="format"):
        tile.report(tmp_path / "x.rtf", format="rtf")


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


# ------------------------------------------------------------------ issue 15: norms, score
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_report_shows_dyeing_norm_standing_and_score_out_of_100(lang, tmp_path):
    plant = gc.load_plant(gc.example_path("dyeing_mill.yaml"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        path = plant.report(tmp_path / f"mill_{lang}.md", lang=lang, format="md", charts=False)
    text = path.read_text(encoding="utf-8")
    if lang == "zh":
        assert "印染行业规范条件（2017版）对标" in text
        assert "单位产品新鲜水取水量" in text and "水重复利用率" in text and "符合限值" in text
        assert "得分 / 可评价分值 / 总分" in text and "4.2 c)" in text
        assert "无法评价" in text
    else:
        assert "Standing against the printing and dyeing industry norm" in text
        assert "Fresh water per unit product" in text and "meets the limit" in text
        assert "/ 100" in text and "Basic requirements (veto)" in text
        assert "not assessable" in text and "Annex C" in text
    per_100m = "百米" if lang == "zh" else "100 m"  # units as people write them
    assert f"kgce/{per_100m}" in text and f"t/{per_100m}" in text


def test_report_knit_mill_without_mass_names_field_and_file(tmp_path):
    fixtures = Path(__file__).parents[1] / "fixtures"
    plant = gc.load_plant(fixtures / "knit_mill_no_mass.yaml")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        path = plant.report(tmp_path / "knit.md", format="md", charts=False)
    text = path.read_text(encoding="utf-8")
    assert "products[dyed_knit_fabric].mass in knit_mill_no_mass.yaml" in text
