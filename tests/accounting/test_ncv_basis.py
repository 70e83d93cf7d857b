"""One heating value per fuel entry, and the GB/T 2589 natural-gas row (issue #13, Q1/Q6).

Hand checks (method_review.md §1.2-1.4):

* dyeing mill, 16 000 t bituminous coal:
  - GB/T 2589 raw-coal row 0.7143 kgce/kg: 16 000 x 0.7143           = 11 428.8 tce
  - the inventory's NCV 19.570 GJ/t: 16 000 x 19.570 / 29.3076       = 10 683.918 tce
  - rest of the plant (electricity 25 000 MWh x 0.1229 = 3 072.5 tce; steam
    5 000 t x (2 780 - 83.74) kJ/kg x 0.03412 kgce/MJ = 459.982 tce) = 3 532.482 tce
  - totals 14 961.28 (default) and 14 216.40 tce (``ncv_basis="inventory"``).
* tile plant, 19.5 M m^3 natural gas, 6 M m^2:
  - oil-field row 1.3300: 19.5e6 x 1.3300 / 1000 = 25 935 tce of 28 690.75 -> 4.782 kgce/m^2
  - gas-field row 1.2143: 19.5e6 x 1.2143 / 1000 = 23 678.85 tce; the plant
    28 690.75 - 25 935 + 23 678.85 = 26 434.6 tce -> 4.406 kgce/m^2
  - GB 21252-2023 dry-pressed tile E <= 0.5 %: level 1 <= 4.5, level 2 <= 5.5: 2 -> 1.
"""

from __future__ import annotations

import warnings

import pytest

import greenchain as gc
from greenchain.accounting.energy import coefficient, inventory_coefficient
from greenchain.decisions.grading import product_limits
from greenchain.errors import InputError

REST = 25_000 * 0.1229 + 5_000 * (2780 - 83.74) * 0.03412 / 1000


def _quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


@pytest.fixture(scope="module")
def dyeing():
    return gc.load_plant(gc.example_path("dyeing_mill.yaml"))


@pytest.fixture(scope="module")
def tile():
    return gc.load_plant(gc.example_path("tile_plant.yaml"))


def test_dyeing_default_keeps_gbt2589(dyeing):
    e = _quiet(dyeing.energy)
    assert e.options["ncv_basis"] == "gbt2589"
    assert e.total.m_as("tce") == pytest.approx(16_000 * 0.7143 + REST, rel=1e-9)
    assert e.total.m_as("tce") == pytest.approx(14_961.28, abs=0.01)


def test_dyeing_inventory_ncv(dyeing):
    e = _quiet(dyeing.energy, ncv_basis="inventory")
    assert e.total.m_as("tce") == pytest.approx(16_000 * 19.570 / 29.3076 + REST, rel=1e-9)
    assert e.total.m_as("tce") == pytest.approx(14_216.40, abs=0.01)
    coal = e.activities[e.activities["carrier"] == "bituminous_coal"].iloc[0]
    assert "19.57 GJ/t" in coal["coefficient_note"] and "+7.0 %" in coal["coefficient_note"]
    # the inventory uses the same NCV for the same coal
    inv = _quiet(dyeing.inventory)
    row = inv.activities[inv.activities["carrier"] == "bituminous_coal"].iloc[0]
    assert row["co2_t"] == pytest.approx(16_000 * 19.570 * 0.0261 * 0.93 * 44 / 12, rel=1e-9)


def test_rows_that_agree_keep_the_printed_coefficient():
    # diesel 1.4571 vs 42.652 / 29.3076 = 1.45532 (0.12 %): the same heating value
    c, _, note = coefficient("diesel", ncv_basis="inventory")
    assert c.m_as("kgce/kg") == 1.4571 and "GB/T 2589" in note
    c, _, note = coefficient("natural_gas", ncv_basis="inventory")
    assert c.m_as("kgce/Nm3") == 1.3300 and "natural_gas_oilfield" in note
    coef, ncv = inventory_coefficient("bituminous_coal")
    assert coef.m_as("kgce/kg") == pytest.approx(19.570 / 29.3076, rel=1e-12)


def test_gas_row_named_and_the_other_row(tile):
    e = _quiet(tile.energy)
    assert e.natural_gas_row == "natural_gas_oilfield"
    assert e.options["natural_gas_row"] == "oilfield"
    g = e.other_gas_row()
    assert g.natural_gas_row == "natural_gas_gasfield"
    assert g.total.m_as("tce") == pytest.approx(
        e.total.m_as("tce") - 19.5e6 * (1.3300 - 1.2143) / 1000, rel=1e-12
    )
    assert g.intensity("porcelain_tile").m_as("kgce/m^2") == pytest.approx(4.406, abs=5e-4)
    direct = _quiet(tile.energy, natural_gas_row="gasfield")
    assert direct.total.m_as("tce") == pytest.approx(g.total.m_as("tce"), rel=1e-12)
    assert direct.other_gas_row().total.m_as("tce") == pytest.approx(e.total.m_as("tce"))


def test_tile_level_flips_with_a_caveat(tile):
    e = _quiet(tile.energy)
    limits = product_limits(tile.data.products[0])
    with pytest.warns(UserWarning, match="natural-gas row"):
        c = e.gas_row_check("porcelain_tile", lambda x: limits.standing(x)["level"])
    assert (c["grade"], c["grade_other"], c["changes"]) == (2, 1, True)
    assert c["intensity"].m_as("kgce/m^2") == pytest.approx(28_690.75 / 6000, abs=1e-3)


def test_dyeing_grade_does_not_depend_on_the_gas_row(dyeing):
    e = _quiet(dyeing.energy)
    limits = product_limits(dyeing.data.products[0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        c = e.gas_row_check(dyeing.data.products[0].id, lambda x: limits.standing(x)["level"])
    assert c["row"] is None and not c["changes"]


def test_contradictory_options():
    with pytest.raises(InputError, match="two heating values"):
        coefficient("natural_gas", ncv_basis="inventory", natural_gas_row="gasfield")
    with pytest.raises(InputError):
        coefficient("natural_gas", ncv_basis="measured")
