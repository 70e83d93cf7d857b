"""A plant state after retrofit measures as the baseline scaled (``retrofit._state``).

The retrofit path no longer rebuilds the plant data for each measure of a package: a
state's records are the baseline's with amounts scaled, and its context the baseline's
stream sizes scaled. These tests hold the shortcut to what rebuilding gives.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import greenchain as gc
from greenchain.accounting.records import plant_records
from greenchain.decisions.retrofit._effects import context
from greenchain.decisions.retrofit._state import moved_kwh, records_after
from greenchain.decisions.retrofit.package import (
    data_after,
    package_sequence,
    plant_totals,
    totals_after,
)

PACKAGE = ["continuous_ball_mill", "kiln_o2_control", "kiln_cooling_air_reuse", "rooftop_pv"]


#: the caveats of the example plant are not what these tests are about
pytestmark = pytest.mark.filterwarnings("ignore")


@pytest.fixture(scope="module")
def tile():
    return gc.load_plant(gc.example_path("tile_plant.yaml"))


@pytest.fixture(scope="module")
def sequence(tile):
    ctx = context(tile.data, tile.source_name)
    seq, _ = package_sequence(ctx, PACKAGE)
    return ctx, seq


def test_package_moves_electricity_to_pv(sequence):
    _, seq = sequence
    assert seq.moved.sum() > 0  # the case with an added entry is exercised
    assert (seq.scale < 1).sum() >= 3


def test_records_after_equal_the_records_of_the_data_after(tile, sequence):
    _, seq = sequence
    data = tile.data
    rebuilt = plant_records(data_after(data, seq.scale, seq.moved, ["x"]))
    shortcut = records_after(
        data, plant_records(data), seq.scale, moved_kwh(list(data.energy), seq.moved)
    )
    assert list(shortcut.columns) == list(rebuilt.columns)
    assert len(shortcut) == len(data.energy) + len(data.exports) + 1
    pd.testing.assert_frame_equal(shortcut, rebuilt, check_exact=False, rtol=1e-12)
    assert shortcut.loc[len(data.energy), "supply"] == "onsite_renewable"
    # 2,400 MWh of on-site generation in the example file
    assert shortcut.loc[len(data.energy), "amount"] == pytest.approx(2.4e6, rel=1e-12)


def test_totals_after_equal_totals_of_the_data_after(tile, sequence):
    _, seq = sequence
    data = tile.data
    rebuilt = plant_totals(data_after(data, seq.scale, seq.moved, ["x"]))
    shortcut = totals_after(data, plant_records(data), seq.scale, seq.moved)
    for key, value in rebuilt.as_dict().items():
        assert shortcut.as_dict()[key] == pytest.approx(value, rel=1e-12), key
    np.testing.assert_allclose(shortcut.amounts, rebuilt.amounts, rtol=1e-12)
    assert shortcut.carriers == rebuilt.carriers


def test_context_after_scales_stream_sizes(tile, sequence):
    ctx, seq = sequence
    after = ctx.after(seq.scale, seq.moved, seq.equipment)
    rebuilt = context(data_after(tile.data, seq.scale, seq.moved, ["x"]), tile.source_name)
    np.testing.assert_allclose(after.gj, rebuilt.gj, rtol=1e-12)
    assert [e.use for e in after.entries] == [e.use for e in rebuilt.entries]
    kwh = [after.kwh([i]) for i, e in enumerate(after.entries) if e.carrier == "electricity"]
    ref = [float(e.amount.m_as("kWh")) for e in rebuilt.entries if e.carrier == "electricity"]
    np.testing.assert_allclose(kwh, ref, rtol=1e-12)
    assert tile.data.energy[3].amount.m_as("MWh") == 8400  # the baseline is not changed


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.floats(0.0, 1.0), min_size=6, max_size=6),
    st.floats(0.0, 0.9),
)
def test_records_after_any_scale(tile, shares, pv):
    data = tile.data
    n = len(data.energy)
    scale = np.resize(np.array(shares), n)
    moved = np.zeros(n)
    elec = [i for i, e in enumerate(data.energy) if e.carrier == "electricity"]
    moved[elec] = pv * scale[elec]
    scale[elec] -= moved[elec]
    rebuilt = plant_records(data_after(data, scale, moved, ["x"]))
    shortcut = records_after(data, plant_records(data), scale, moved_kwh(list(data.energy), moved))
    pd.testing.assert_frame_equal(shortcut, rebuilt, check_exact=False, rtol=1e-12)


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PLANTS = [
    *(
        gc.example_path(name)
        for name in (
            "dyeing_mill.yaml",
            "shoe_factory.yaml",
            "snack_food_plant.yaml",
            "ic_packaging_plant.yaml",
        )
    ),
    FIXTURES / "knit_mill.yaml",
    FIXTURES / "snack_zh.yaml",  # typed in Chinese: 万kWh, 万m³
]


@pytest.mark.parametrize("path", PLANTS, ids=lambda p: Path(p).stem)
def test_every_plant_default_package_equals_rebuilt_data(path):
    plant = gc.load_plant(path)
    data = plant.data
    ctx = context(data, plant.source_name)
    seq, _ = package_sequence(ctx, None)
    records = plant_records(data)
    rebuilt = plant_totals(data_after(data, seq.scale, seq.moved, ["x"]))
    shortcut = totals_after(data, records, seq.scale, seq.moved)
    for key, value in rebuilt.as_dict().items():
        assert shortcut.as_dict()[key] == pytest.approx(value, rel=1e-12, abs=1e-9), key
    pd.testing.assert_frame_equal(
        records_after(data, records, seq.scale, moved_kwh(list(data.energy), seq.moved)),
        plant_records(data_after(data, seq.scale, seq.moved, ["x"])),
        check_exact=False,
        rtol=1e-12,
    )
