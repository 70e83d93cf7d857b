"""Standard coal equivalent and comprehensive energy consumption (GB/T 2589)."""

import warnings

import pandas as pd
import pytest

import greenchain as gc
from greenchain.accounting import energy
from greenchain.errors import InputError, UnitError

Q_ = gc.Q_


@pytest.mark.parametrize(
    ("amount", "carrier", "expected_tce"),
    [
        (Q_(1e6, "kWh"), "electricity", 122.9),  # GB/T 2589-2020 Table A.2: 0.1229 kgce/kWh
        (Q_(1000, "t"), "raw_coal", 714.3),  # GB/T 2589-2008: 0.7143 kgce/kg
        (Q_(1000, "t"), "diesel", 1457.1),  # 1.4571 kgce/kg
        (Q_(1e4, "m^3"), "natural_gas", 13.3),  # oil-field gas row 1.3300 kgce/m3
        (Q_(1e4, "m^3"), "natural_gas_gasfield", 12.143),  # gas-field row 1.2143
        (Q_(100, "t"), "lng", 175.72),  # GB/T 2589-2020: 1.7572 kgce/kg
        (Q_(1000, "GJ"), "heat", 34.12),
    ],  # 0.03412 kgce/MJ
)
def test_gbt2589_coefficients(amount, carrier, expected_tce):
    assert energy.standard_coal(amount, carrier).m_as("tce") == pytest.approx(expected_tce)


def test_equivalent_value_needs_generation_coal_rate():
    with pytest.raises(InputError, match="generation_coal_rate"):
        energy.standard_coal(Q_(1, "MWh"), "electricity", basis="equivalent_value")
    out = energy.standard_coal(
        Q_(1, "MWh"), "electricity", basis="equivalent_value", generation_coal_rate=Q_(300, "g/kWh")
    )
    assert out.m_as("kgce") == pytest.approx(300)


def test_measured_ncv():
    out = energy.standard_coal(Q_(1, "t"), "bituminous_coal", ncv=Q_(29.3076, "GJ/t"))
    assert out.m_as("tce") == pytest.approx(1.0)


def test_fuel_without_gbt2589_row_uses_its_ncv():
    coef, factor, note = energy.coefficient("anthracite")
    assert "NCV" in note and factor.key == "fuel.anthracite.ncv"
    assert coef.m_as("kgce/kg") == pytest.approx(26.7 / 29.3076)


def test_units_checked():
    with pytest.raises(UnitError):
        energy.standard_coal(Q_(1, "kWh"), "diesel")
    with pytest.raises(UnitError):
        energy.standard_coal(100, "diesel")


def test_plant_energy_and_intensity():
    plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
    result = plant.energy()
    expected = 19.5e6 * 1.33 / 1000 + 21e6 * 0.1229 / 1000 + 120 * 1.4571
    assert result.total.m_as("tce") == pytest.approx(expected)
    assert result.intensity("porcelain_tile").m_as("kgce/m^2") == pytest.approx(
        expected * 1000 / 6e6
    )
    assert result.by_carrier()["share"].sum() == pytest.approx(1.0)
    by_use = result.by("use").set_index("use")["tce"]
    assert by_use["kiln"] == pytest.approx(11e6 * 1.33 / 1000)
    assert result.per_output_value().m_as("tce/wan_yuan") == pytest.approx(expected / 24000)


def test_dyeing_intensity_per_hundred_metres():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = gc.load_plant(gc.example_path("dyeing_mill.yaml")).energy()
    q = result.intensity("dyed_woven_fabric")
    assert q.m_as("kgce/hundred_metre") == pytest.approx(result.total.m_as("kgce") / 600000)


def test_multi_product_needs_a_share():
    recs = pd.DataFrame({"carrier": ["electricity"], "amount": [1000.0], "unit": ["kWh"]})
    result = energy.from_records(recs)
    result.products = {
        "a": {"output": Q_(10, "t"), "energy_share": None},
        "b": {"output": Q_(10, "t"), "energy_share": None},
    }
    with pytest.raises(InputError, match="energy_share"):
        result.intensity("a")
    assert result.intensity("a", share=0.25).m_as("kgce/t") == pytest.approx(
        1000 * 0.1229 * 0.25 / 10
    )
