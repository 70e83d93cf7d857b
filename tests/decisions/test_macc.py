"""Tests of the marginal abatement cost curve (greenchain.decisions.retrofit.macc)."""

from __future__ import annotations

import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from greenchain.decisions.retrofit import macc  # noqa: E402
from greenchain.errors import InputError  # noqa: E402

# Illustrative measures (test input, not factors).
MEASURES = pd.DataFrame(
    {
        "measure": ["kiln heat recovery", "VFD on fans", "dry granulation", "PV roof"],
        "co2_avoided_t": [800.0, 120.0, 2500.0, 300.0],
        "abatement_cost": [-60.0, -150.0, 40.0, 210.0],
    }
)


@pytest.fixture
def ax():
    fig, axes = plt.subplots()
    yield axes
    plt.close(fig)


def test_widths_sum_to_total_abatement(ax):
    out = macc(MEASURES, ax)
    assert out is ax
    widths = [p.get_width() for p in out.patches]
    assert len(widths) == len(MEASURES)
    assert sum(widths) == pytest.approx(MEASURES["co2_avoided_t"].sum())


def test_sorted_ascending_edge_to_edge(ax):
    macc(MEASURES, ax)
    heights = np.array([p.get_height() for p in ax.patches])
    lefts = np.array([p.get_x() for p in ax.patches])
    widths = np.array([p.get_width() for p in ax.patches])
    np.testing.assert_allclose(heights, [-150.0, -60.0, 40.0, 210.0])
    assert np.all(np.diff(heights) >= 0)
    assert lefts[0] == 0.0
    np.testing.assert_allclose(lefts[1:], np.cumsum(widths)[:-1])
    np.testing.assert_allclose(widths, [120.0, 800.0, 2500.0, 300.0])
    # negative costs below the axis
    assert all(p.get_y() + p.get_height() < 0 for p in ax.patches[:2])


def test_new_figure_when_no_axes():
    out = macc(MEASURES)
    try:
        assert len(out.patches) == 4
    finally:
        plt.close(out.figure)


def test_custom_columns(ax):
    df = MEASURES.rename(columns={"measure": "name", "co2_avoided_t": "t", "abatement_cost": "c"})
    macc(df, ax, label_column="name", abatement_column="t", cost_column="c")
    assert len(ax.patches) == 4


def test_zero_or_negative_abatement_named(ax):
    df = pd.concat(
        [
            MEASURES,
            pd.DataFrame(
                {
                    "measure": ["LED", "fuel switch"],
                    "co2_avoided_t": [0.0, -5.0],
                    "abatement_cost": [10.0, 20.0],
                }
            ),
        ]
    )
    with pytest.raises(InputError, match="co2_avoided_t") as info:
        macc(df, ax)
    assert "LED" in str(info.value) and "fuel switch" in str(info.value)
    assert "PV roof" not in str(info.value)


def test_bad_columns(ax):
    with pytest.raises(InputError, match="cost_column"):
        macc(MEASURES.drop(columns="abatement_cost"), ax)
    bad = MEASURES.assign(abatement_cost=[1.0, np.nan, 2.0, 3.0])
    with pytest.raises(InputError, match="VFD on fans"):
        macc(bad, ax)
    with pytest.raises(InputError, match="results"):
        macc(MEASURES.iloc[0:0], ax)


def test_import_does_not_load_pyplot():
    code = (
        "import sys\n"
        "import greenchain.decisions.retrofit\n"
        "import greenchain.decisions.retrofit.macc\n"
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
