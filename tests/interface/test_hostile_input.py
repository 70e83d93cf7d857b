"""Hostile and careless plant files, the causes the fuzzer found last (issue 22).

Text where a retrofit model computes with a quantity (``recovered_air_flow: ''``, a
formula, a script), a blank optional model input, zero operating hours, and a product
mass whose unit cancels to a pure number: each is a typed error naming the field and
the file, never a pint or Python exception from inside the models or the allocator.
"""

from __future__ import annotations

import copy
import warnings
from pathlib import Path

import pytest
import yaml

import greenchain as gc
from greenchain.errors import GreenchainError, InputError, UnitError

TILE = yaml.safe_load(Path(gc.example_path("tile_plant.yaml")).read_text(encoding="utf-8"))
SHOES = yaml.safe_load(Path(gc.example_path("shoe_factory.yaml")).read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: dict, name: str = "plant.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _equipment(data: dict, equipment_id: str) -> tuple[int, dict]:
    for k, eq in enumerate(data["equipment"]):
        if eq["id"] == equipment_id:
            return k, eq
    raise AssertionError(equipment_id)


@pytest.mark.parametrize(
    "value", ["", "abc", '=HYPERLINK("http://x")', "<script>alert(1)</script>", True]
)
def test_text_where_a_model_takes_a_quantity_names_the_equipment_field(tmp_path, value):
    data = copy.deepcopy(TILE)
    k, eq = _equipment(data, "spray_dryers")
    eq["recovered_air_flow"] = value
    plant = gc.load_plant(_write(tmp_path, data))  # free-form keys: text is fine at load
    with pytest.raises(InputError) as info, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        plant.retrofits()
    error = info.value
    assert error.field == f"equipment[{k}].recovered_air_flow"
    assert error.source == "plant.yaml"
    assert "expected a number or a quantity" in str(error)


def test_text_that_is_a_name_still_reaches_the_model(tmp_path):
    data = copy.deepcopy(TILE)
    k, eq = next((i, e) for i, e in enumerate(data["equipment"]) if e["kind"] == "transformer")
    eq["core"] = "wood"
    plant = gc.load_plant(_write(tmp_path, data))
    with pytest.raises(GreenchainError) as info, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        plant.retrofits()
    assert info.value.field == f"equipment[{k}].core" and info.value.source == "plant.yaml"


def test_a_blank_optional_model_input_leaves_the_model_unused(tmp_path):
    data = copy.deepcopy(TILE)
    _, eq = _equipment(data, "roller_kilns")
    eq["available_heat"] = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = gc.load_plant(_write(tmp_path, data)).retrofits()
    assert len(table) > 0


def test_zero_operating_hours_on_a_stream_model_names_the_field(tmp_path):
    data = copy.deepcopy(TILE)
    k, eq = _equipment(data, "roller_kilns")
    eq["hours"] = 0
    with pytest.raises(GreenchainError) as info, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gc.load_plant(_write(tmp_path, data)).retrofits()
    assert info.value.field == f"equipment[{k}].hours" and info.value.source == "plant.yaml"


@pytest.mark.parametrize("value", ["0.5 kg/kg", "5 percent", "1 ppm", "3 m^2", "2 dimensionless"])
def test_product_mass_without_a_mass_is_an_error_at_load(tmp_path, value):
    data = copy.deepcopy(SHOES)
    data["products"][1]["mass"] = value
    with pytest.raises(InputError) as info:
        gc.load_plant(_write(tmp_path, data))
    assert info.value.field == "products[1].mass" and info.value.source == "plant.yaml"
    assert "mass per unit of output" in str(info.value)


def test_bare_product_mass_per_piece_is_a_unit_error_naming_the_field(tmp_path):
    data = copy.deepcopy(SHOES)
    data["products"][0]["mass"] = 0.62  # a bare number is read in kg: not per pair
    for product in data["products"]:
        product["footprint"].pop("energy_share", None)
    data["allocation"] = {"method": "mass"}
    plant = gc.load_plant(_write(tmp_path, data))
    with pytest.raises(UnitError) as info, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        plant.product_footprint(plant.data.products[0].id)
    assert info.value.field == "products[0].mass" and info.value.source == "plant.yaml"
    assert "write e.g. '0.6 kg/pair'" in str(info.value)


DYEING = yaml.safe_load(Path(gc.example_path("dyeing_mill.yaml")).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("plant", "equipment_id", "key", "value"),
    [
        ("tile", "press_and_line_motors", "shaft_power", "3 parsecs"),
        ("tile", "press_and_line_motors", "hours", "((((((((((1))))))))))"),
        ("tile", "kiln_fans", "duty_profile", [[1.0, 2000], [0.8, "万kWh"]]),
        ("dyeing", "stenters", "hours", {"value": 1}),
        ("dyeing", "chain_grate_boilers", "hours", "-5 t"),
    ],
)
def test_equipment_ratings_of_the_wrong_kind_name_the_equipment(
    tmp_path, plant, equipment_id, key, value
):
    """Found by the 10,000-case fuzz run: the equipment-load and heat-budget checks read
    ratings directly (a pint or Python exception before)."""
    data = copy.deepcopy(TILE if plant == "tile" else DYEING)
    k, eq = _equipment(data, equipment_id)
    eq[key] = value
    with pytest.raises(GreenchainError) as info, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gc.load_plant(_write(tmp_path, data)).retrofits()
    assert info.value.field.startswith(f"equipment[{k}]") and info.value.source == "plant.yaml"


def test_a_thirty_digit_integer_is_beyond_any_plant(tmp_path):
    """Python's int has no size limit; float() of it overflows: refused before that."""
    data = copy.deepcopy(TILE)
    data.setdefault("site", {})["floor_area"] = 10**29
    with pytest.raises(GreenchainError) as err:
        gc.load_plant(_write(tmp_path, data))
    message = str(err.value)
    assert "floor_area" in message and "plant.yaml" in message
    assert "30-digit number is beyond any plant" in message


def test_a_temperature_as_an_explicit_factor_is_a_unit_error(tmp_path):
    data = {
        "plant": {"name": "T", "region": "Fujian", "year": 2023},
        "energy": [{"carrier": "natural_gas", "amount": "1000 m^3", "factor": "5 degC"}],
    }
    plant = gc.load_plant(_write(tmp_path, data))
    with pytest.raises(UnitError) as err, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        plant.inventory()
    assert err.value.field is not None and "factor" in err.value.field
    assert "temperature, not an emission factor" in str(err.value)


def test_a_boolean_efficiency_in_the_heat_budget_names_the_equipment(tmp_path):
    """JSON ``true`` as a spray dryer's burner efficiency (found by the fuzzer)."""
    data = copy.deepcopy(TILE)
    k, eq = _equipment(data, "spray_dryers")
    eq["burner_efficiency"] = True
    plant = gc.load_plant(_write(tmp_path, data))
    with pytest.raises(InputError) as err, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        plant.retrofits()
    assert err.value.field == f"equipment[{k}].burner_efficiency"
    assert "plant.yaml" in str(err.value)


def test_a_plant_without_energy_entries_gives_zeros_and_says_why(tmp_path):
    # a half-filled file: `energy: []` used to stop every analysis with "records need a
    # 'carrier' column", which names nothing the user wrote
    data = copy.deepcopy(TILE)  # it has process CO2 of carbonates, which stays
    data["energy"] = []
    data.pop("exports", None)
    assert data["process_emissions"]
    plant = gc.load_plant(_write(tmp_path, data))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        inventory, energy = plant.inventory(), plant.energy()
        table = plant.retrofits()
        # GB 21252 references weighted by product energy: all zero, so equal weights
        # (they were 0 and 0, and the score stopped on "two distinct values")
        score = plant.green_factory_score()
    assert energy.total.m_as("tce") == 0.0
    row = score.by_indicator.set_index("indicator").loc["energy_intensity_product"]
    assert (row["benchmark"], row["leading"]) == (5.5, 4.5)  # GB 21252 levels 2 and 1
    # what is left are the process emissions the file gives, if any
    assert set(inventory.activities["category"]) <= {"industrial_process"}
    assert len(inventory.activities) == len(data["process_emissions"])
    assert inventory.total.m_as("tCO2e") > 0.0
    for result in (inventory, energy):
        assert any(
            c.field == "energy" and "no energy[] entries" in c.message for c in result.caveats
        )
    assert table["energy_saved_tce"].fillna(0.0).eq(0.0).all()
