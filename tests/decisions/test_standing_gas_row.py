"""The GB 21252 standing names a level flip under the other natural-gas row (#13, Q1/Q6)."""

from __future__ import annotations

import warnings

import greenchain as gc
from greenchain.decisions.scoring.standing import plant_standing


def test_tile_standing_warns_that_the_gas_row_flips_the_level():
    plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = plant_standing(plant)
    row = table.set_index("product").loc["porcelain_tile"]
    assert row["standing"] == 2  # the default (oil-field) row, 4.782 kgce/m2
    flips = [w for w in table.attrs["warnings"] if "natural_gas_gasfield" in w]
    assert len(flips) == 1
    assert "grade 2 at 4.782" in flips[0] and "1 at 4.406" in flips[0]


def test_no_gas_row_warning_without_natural_gas():
    plant = gc.load_plant(gc.example_path("dyeing_mill.yaml"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = plant_standing(plant)
    assert not [w for w in table.attrs["warnings"] if "natural-gas row" in w]
