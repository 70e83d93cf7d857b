"""Plots of plant results: bars drawn, languages, CJK font fallback, lazy import."""

import subprocess
import sys
import warnings

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.axes import Axes

import greenchain as gc
from greenchain.decisions.grading import gb21252_limits
from greenchain.errors import FallbackWarning, InputError
from greenchain.interface import plots
from greenchain.units import Q_

MEASURES = pd.DataFrame(  # illustrative
    {
        "measure": ["kiln heat recovery", "VFD on fans", "rooftop PV"],
        "co2_avoided_t": [5000.0, 500.0, 1500.0],
        "abatement_cost": [-1800.0, -1500.0, 200.0],
    }
)


@pytest.fixture(scope="module")
def plant():
    return gc.load_plant(gc.example_path("tile_plant.yaml"))


@pytest.fixture(scope="module")
def inventory(plant):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return plant.inventory()


@pytest.fixture(autouse=True)
def _close_figures():
    with matplotlib.rc_context():  # use_cjk_font changes rcParams: restore them
        yield
    plt.close("all")


@pytest.fixture
def no_cjk(monkeypatch):
    monkeypatch.setattr(plots, "_find_cjk_font", lambda: None)


@pytest.fixture
def fake_cjk(monkeypatch):
    monkeypatch.setattr(plots, "_find_cjk_font", lambda: "DejaVu Sans")


def test_emissions_by_category(inventory):
    ax = plots.emissions_by_category(inventory)
    assert isinstance(ax, Axes)
    table = inventory.by_category()
    assert len(ax.patches) == len(table) == 3
    widths = sorted(p.get_width() for p in ax.patches)
    assert widths == pytest.approx(sorted(table["co2e_t"]))
    assert [t.get_text() for t in ax.get_yticklabels()][0] == "Fuel combustion"


def test_emissions_by_scope_and_given_axes(inventory):
    _, ax = plt.subplots()
    assert plots.emissions_by_scope(inventory, ax=ax) is ax
    assert len(ax.patches) == len(inventory.by_scope())
    # a by_scope table works as well
    assert len(plots.emissions_by_scope(inventory.by_scope()).patches) == len(inventory.by_scope())


def test_energy_by_carrier(plant):
    result = plant.energy()
    ax = plots.energy_by_carrier(result)
    assert len(ax.patches) == len(result.by_carrier()) == 3
    assert sum(p.get_width() for p in ax.patches) == pytest.approx(result.total.m_as("tce"))


def test_bad_input_table():
    with pytest.raises(InputError, match="inventory"):
        plots.emissions_by_category(pd.DataFrame({"x": [1]}))


def test_retrofit_waterfall(inventory):
    base = inventory.total
    ax = plots.retrofit_waterfall(base, MEASURES)
    assert len(ax.patches) == len(MEASURES) + 2
    first, last = ax.patches[0], ax.patches[-1]
    assert first.get_height() == pytest.approx(base.m_as("tCO2e"))
    assert last.get_height() == pytest.approx(base.m_as("tCO2e") - 7000.0)
    # each measure floats from the running level down by its avoided amount
    assert ax.patches[1].get_y() + ax.patches[1].get_height() == pytest.approx(first.get_height())
    assert ax.patches[1].get_height() == pytest.approx(5000.0)
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels[0] == "Baseline" and labels[-1] == "After" and labels[1] == "kiln heat recovery"


def test_retrofit_waterfall_errors():
    with pytest.raises(InputError, match="more than the baseline"):
        plots.retrofit_waterfall(1000.0, MEASURES)
    bad = MEASURES.assign(co2_avoided_t=[1.0, None, 2.0])
    with pytest.raises(InputError, match="VFD on fans"):
        plots.retrofit_waterfall(1e5, bad)
    with pytest.raises(InputError, match="avoided_column"):
        plots.retrofit_waterfall(1e5, MEASURES, avoided_column="saved")


def test_mac_curve():
    ax = plots.mac_curve(MEASURES)
    assert len(ax.patches) == len(MEASURES)
    assert ax.patches[0].get_height() == pytest.approx(-1800.0)  # cheapest first
    assert ax.get_title() == "Marginal abatement cost curve"


def test_limit_standing(plant):
    limits = gb21252_limits("dry_pressed_tile", 0.1)
    value = plant.energy().intensity("porcelain_tile")
    ax = plots.limit_standing(value, limits)
    assert len(ax.patches) == 4
    widths = [p.get_width() for p in ax.patches]
    assert widths[:3] == pytest.approx([4.5, 5.5, 7.0])
    assert widths[3] == pytest.approx(value.m_as("kgce/m^2"))
    assert "meets level 2" in ax.get_title()
    above = plots.limit_standing(Q_(8.0, "kgce/m^2"), limits)
    assert "does not meet the limit" in above.get_title()
    # a mapping of levels and a value in another unit
    mj = plots.limit_standing(
        Q_(4.0, "kgce/m^2").to("MJ/m^2"),
        {"level_1": limits.level_1, "level_2": limits.level_2, "level_3": limits.level_3},
    )
    assert "meets level 1" in mj.get_title()
    with pytest.raises(InputError, match="level_2"):
        plots.limit_standing(4.0, {"level_1": limits.level_1})


def test_score_radar():
    scores = {
        "energy_low_carbon": 0.4,
        "resource_efficiency": 0.7,
        "clean_production": 0.55,
        "green_products": float("nan"),
        "intensive_land_use": 1.0,
    }
    ax = plots.score_radar(scores)
    assert ax.name == "polar"
    assert len(ax.lines[0].get_xdata()) == len(scores) + 1  # closed polygon
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels[0] == "Low-carbon energy" and labels[3].endswith("(n/a)")
    bars = plots.score_radar(pd.Series({"a": 0.2, "b": 0.9}))
    assert bars.name != "polar" and len(bars.patches) == 2
    assert bars.patches[1].get_height() == pytest.approx(90.0)


def test_score_radar_from_by_area_table_and_errors():
    table = pd.DataFrame(
        {
            "area": ["x", "y", "z"],
            "share": [0.1, 0.2, 0.3],
            "name_en": ["X area", "Y area", "Z area"],
            "name_zh": ["甲", "乙", "丙"],
        }
    )
    ax = plots.score_radar(table)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["X area", "Y area", "Z area"]
    with pytest.raises(InputError, match="result"):
        plots.score_radar({"a": 1.2, "b": 0.5, "c": 0.1})
    _, flat = plt.subplots()
    with pytest.raises(InputError, match="polar"):
        plots.score_radar(table, ax=flat)


def test_one_radar_under_two_names():
    assert plots.score_radar is plots.area_radar


def test_area_radar_and_gap_chart_of_a_score_result():
    from greenchain.decisions.scoring import score

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = score("GB/T 36132-2018", evidence={"buildings_mandatory": "yes"})
    ax = plots.area_radar(r)
    assert ax.name == "polar" and ax.get_title().startswith("GB/T 36132-2018: ")
    assert len(ax.lines[0].get_xdata()) == len(r.by_area) + 1
    assert [t.get_text().split("\n")[0] for t in ax.get_xticklabels()] == list(r.by_area["name_en"])
    assert len(plots.gap_chart(r, top=4).patches) == 4
    with pytest.raises(InputError, match="top"):
        plots.gap_chart(r, top=0)
    plt.close("all")


def test_bad_language(inventory):
    with pytest.raises(InputError, match="lang"):
        plots.emissions_by_category(inventory, lang="fr")


def test_chinese_with_a_cjk_font(inventory, fake_cjk):
    with warnings.catch_warnings():
        warnings.simplefilter("error", FallbackWarning)
        ax = plots.emissions_by_category(inventory, lang="zh")
    assert ax.get_title() == "温室气体排放（按类别）"
    assert [t.get_text() for t in ax.get_yticklabels()][0] == "化石燃料燃烧"
    assert matplotlib.rcParams["font.sans-serif"][0] == "DejaVu Sans"
    assert matplotlib.rcParams["axes.unicode_minus"] is False
    assert plots.use_cjk_font() == "DejaVu Sans"


def test_chinese_without_a_cjk_font_falls_back_to_english(inventory, no_cjk):
    before = list(matplotlib.rcParams["font.sans-serif"])
    with pytest.warns(FallbackWarning, match="no CJK font") as record:
        ax = plots.emissions_by_category(inventory, lang="zh")
    assert len(record) == 1
    assert ax.get_title() == "GHG emissions by category"
    assert plots.use_cjk_font() is None
    assert list(matplotlib.rcParams["font.sans-serif"]) == before
    with pytest.warns(FallbackWarning):
        ax = plots.mac_curve(MEASURES, lang="zh")
    assert ax.get_title() == "Marginal abatement cost curve"


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")  # the fake CJK font
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_plot_in_both_languages(inventory, plant, fake_cjk, lang):
    energy = plant.energy()
    limits = gb21252_limits("dry_pressed_tile", 0.1)
    axes = [
        plots.emissions_by_category(inventory, lang=lang),
        plots.emissions_by_scope(inventory, lang=lang),
        plots.energy_by_carrier(energy, lang=lang),
        plots.retrofit_waterfall(inventory.total, MEASURES, lang=lang),
        plots.mac_curve(MEASURES, lang=lang),
        plots.limit_standing(energy.intensity("porcelain_tile"), limits, lang=lang),
        plots.score_radar({"energy_low_carbon": 0.4, "clean_production": 0.5, "x": 1}, lang=lang),
    ]
    for ax in axes:
        assert isinstance(ax, Axes) and ax.get_title()
        ax.figure.canvas.draw()


def test_real_font_lookup_returns_a_name_or_none():
    found = plots._find_cjk_font()
    assert found is None or isinstance(found, str)


def test_import_does_not_load_pyplot():
    code = (
        "import sys, greenchain.interface.plots; "
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot imported'; "
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
