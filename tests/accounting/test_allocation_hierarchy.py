"""ISO 14067 allocation hierarchy and allocation sensitivity (issue #13, Q8).

Shoe factory (examples/data/shoe_factory.yaml), hand-checked:

* shared (not sub-metered) plant emissions, AR6, life-cycle electricity 0.6205:
  - electricity 1 500 MWh x 0.6205 t/MWh                           = 930.75 tCO2e
  - natural gas 95 000 m^3 x 0.038931 GJ/m^3                      = 3 698.445 GJ
    CO2  3 698.445 x 0.0153 tC/GJ x 0.99 x 44/12                  = 205.408 t
    CH4/N2O 3.698445 TJ x (1 kg x 27.9 + 0.1 kg x 273) / 1000     = 0.204154 t
    supply chain 3 698.445 GJ / 0.0036 GJ/kWh x 0.03347 kg/kWh    = 34.385 t
    (DESNZ 2025 well-to-tank, natural gas, kWh net CV)
  - shared total S                                                = 1 170.747 tCO2e
* sub-metered to the midsole: 420 MWh x 0.6205                     = 260.61 tCO2e
* midsole materials per pair: 0.21 kg x 2.6 + 0.21/1000 t x 250 km x 0.1
  + 0.01 kg x 1.8 = 0.546 + 0.00525 + 0.018                       = 0.56925 kgCO2e
* output 1 200 000 pairs of each product.

Midsole per pair = 0.56925 + 260.61 / 1 200 + share x S / 1 200 (t -> kg per pair):
  - physical (declared energy_share 0.2): share 0.2
  - mass: 1.2 M x 0.2 kg = 240 t vs 1.2 M x 0.62 kg = 744 t -> share 240 / 984
  - economic: 1 800 vs 14 400 wan yuan -> share 1 800 / 16 200 = 1/9
  - area: not applicable (outputs in pairs)
The running shoe consumes one midsole pair per pair, so it carries the whole plant
either way: its footprint does not depend on the method (4.3739 kgCO2e/pair).
"""

from __future__ import annotations

import warnings

import pytest

import greenchain as gc
from greenchain.data.plant_file import Allocation, PlantData
from greenchain.errors import InputError

S = (
    1500 * 0.6205
    + 95000 * 0.038931 * 0.0153 * 0.99 * 44 / 12
    + (95000 * 0.038931 / 1000 * (27.9 + 0.1 * 273) / 1000)
    + 95000 * 0.038931 / 0.0036 * 0.03347 / 1000
)
OWN = 0.56925 + 420 * 0.6205 / 1200


def _midsole(share: float) -> float:
    return OWN + share * S / 1200


HAND = {
    "physical": (0.2, _midsole(0.2)),
    "mass": (240 / 984, _midsole(240 / 984)),
    "economic": (1 / 9, _midsole(1 / 9)),
}


@pytest.fixture(scope="module")
def shoe():
    return gc.load_plant(gc.example_path("shoe_factory.yaml"))


def _quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


def test_hand_numbers():
    assert S == pytest.approx(1170.747, abs=1e-3)
    assert _midsole(0.2) == pytest.approx(0.981550, abs=1e-6)
    assert _midsole(240 / 984) == pytest.approx(1.024382, abs=1e-6)
    assert _midsole(1 / 9) == pytest.approx(0.894828, abs=1e-6)


def test_sensitivity_table_midsole(shoe):
    r = _quiet(shoe.product_footprint, "eva_midsole")
    assert r.allocation["method"] == "physical"
    assert r.allocation["hierarchy"].startswith("step 2")
    t = r.allocation_sensitivity.set_index("method")
    assert list(t.index) == ["mass", "economic", "physical"]  # no area: outputs in pairs
    for method, (share, per_unit) in HAND.items():
        assert t.loc[method, "share"] == pytest.approx(share, rel=1e-12)
        assert t.loc[method, "per_unit"] == pytest.approx(per_unit, rel=1e-9)
    assert bool(t.loc["physical", "chosen"]) and not bool(t.loc["mass", "chosen"])
    assert t.loc["physical", "per_unit"] == pytest.approx(r.per_declared_unit, rel=1e-12)
    assert t.loc["mass", "difference"] == pytest.approx(HAND["mass"][1] / HAND["physical"][1] - 1)
    assert r.to_dict()["allocation_sensitivity"][0]["method"] == "mass"


def test_running_shoe_does_not_depend_on_the_method(shoe):
    r = _quiet(shoe.product_footprint, "running_shoe")
    t = r.allocation_sensitivity
    assert len(t) == 3
    assert t["per_unit"].tolist() == pytest.approx([4.3738878] * 3, rel=1e-7)


def test_economic_needs_a_justification(shoe):
    with pytest.raises(InputError) as err:
        _quiet(shoe.product_footprint, "eva_midsole", allocation="economic")
    assert err.value.field == "allocation.justification"
    assert "shoe_factory.yaml" in str(err.value)


def test_economic_with_justification_argument(shoe):
    why = "transfer value reflects the moulding cost"
    r = _quiet(shoe.product_footprint, "eva_midsole", allocation="economic", justification=why)
    assert r.allocation["method"] == "economic"
    assert r.allocation["justification"] == why
    assert r.allocation["hierarchy"].startswith("step 3")
    assert r.per_declared_unit == pytest.approx(HAND["economic"][1], rel=1e-9)
    assert bool(r.allocation_sensitivity.set_index("method").loc["economic", "chosen"])


def test_economic_with_plant_file_justification(shoe):
    data = shoe.data.model_copy(deep=True)
    data.allocation = Allocation(method="economic", justification="no physical link")
    for p in data.products:
        p.footprint.energy_share = None
    plant = gc.Plant(data)
    r = _quiet(plant.product_footprint, "eva_midsole")
    assert r.allocation["method"] == "economic"
    assert r.allocation["justification"] == "no physical link"
    assert r.per_declared_unit == pytest.approx(HAND["economic"][1], rel=1e-9)
    # without energy_share, physical is not applicable: mass and economic only
    assert r.allocation_sensitivity["method"].tolist() == ["mass", "economic"]


def test_sub_division_only_has_no_sensitivity():
    data = PlantData.model_validate(
        {
            "plant": {"name": "Demo", "region": "Fujian", "year": 2023},
            "products": [
                {
                    "id": "a",
                    "name": "A",
                    "output": "100 m^2",
                    "footprint": {"declared_unit": "1 m^2"},
                },
                {
                    "id": "b",
                    "name": "B",
                    "output": "100 m^2",
                    "footprint": {"declared_unit": "1 m^2"},
                },
            ],
            "energy": [
                {"carrier": "electricity", "amount": "10 MWh", "product": "a"},
                {"carrier": "electricity", "amount": "20 MWh", "product": "b"},
            ],
        }
    )
    r = _quiet(gc.Plant(data).product_footprint, "a")
    assert r.allocation["method"] == "sub-metered"
    assert r.allocation["hierarchy"].startswith("step 1")
    assert r.allocation_sensitivity.empty
    assert r.per_declared_unit == pytest.approx(10_000 * 0.6205 / 100)
