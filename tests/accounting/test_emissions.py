"""Emission methods against values recomputed from the reference factors."""

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import greenchain as gc
from greenchain.accounting import emissions
from greenchain.errors import InputError, UnitError, UnverifiedDataWarning

Q_ = gc.Q_

# factors.md 2.3 / peers.md G-2: EF = NCV x CC x OF x 44/12 for the 2015 set.
GBT32150_2015_DERIVED_EF = [
    ("natural_gas", Q_(1e4, "m^3"), 21.6219),  # t CO2 per 10^4 Nm3
    ("diesel", Q_(1, "t"), 3.0959),
    ("bituminous_coal", Q_(1, "t"), 1.7417),
    ("anthracite", Q_(1, "t"), 2.5215),
    ("lpg", Q_(1, "t"), 3.1013),
    ("fuel_oil", Q_(1, "t"), 3.1705),
]


@pytest.mark.parametrize(("fuel", "amount", "expected"), GBT32150_2015_DERIVED_EF)
def test_fuel_combustion_2015_set(fuel, amount, expected):
    assert emissions.fuel_combustion(fuel, amount).m_as("tCO2") == pytest.approx(expected, abs=5e-5)


def test_gasoline_2013_set_matches_independent_calculator():
    """factors.md 2.2: a public calculator uses 3.04254 tCO2/t = 44.80 x 0.0189 x 0.98 x 44/12."""
    ef = emissions.fuel_combustion("gasoline", Q_(1, "t"), dataset="NDRC 2013").m_as("tCO2")
    assert ef == pytest.approx(3.04254, abs=5e-5)


def test_measured_parameters_override_one_by_one():
    base = emissions.fuel_combustion("natural_gas", 1e4)
    ncv = emissions.fuel_combustion("natural_gas", 1e4, ncv=Q_(36, "MJ/m^3"))
    assert ncv.m_as("tCO2") == pytest.approx(base.m_as("tCO2") * 36 / 38.931, rel=1e-12)
    of = emissions.fuel_combustion("natural_gas", 1e4, oxidation_rate=1.0)
    assert of.m_as("tCO2") == pytest.approx(base.m_as("tCO2") / 0.99, rel=1e-12)


def test_fuel_units_checked():
    with pytest.raises(UnitError, match="volume"):
        emissions.fuel_combustion("natural_gas", Q_(5, "t"))
    with pytest.raises(UnitError, match="mass"):
        emissions.fuel_combustion("diesel", Q_(5, "m^3"))
    with pytest.raises(UnitError, match="amount"):
        emissions.fuel_combustion("diesel", Q_(5, "kWh"))
    with pytest.raises(InputError, match="fuel"):
        emissions.fuel_combustion("unobtainium", 5)
    with pytest.raises(InputError, match="amount"):
        emissions.fuel_combustion("diesel", -1)
    with pytest.raises(InputError, match="oxidation_rate"):
        emissions.fuel_combustion("diesel", 1, oxidation_rate=1.2)


def test_non_co2_from_ipcc_table_2_3():
    """IPCC 2006 Table 2.3: natural gas 1 kg CH4/TJ and 0.1 kg N2O/TJ; coal 10 and 1.5."""
    gas = emissions.combustion_non_co2("natural_gas", Q_(1e4, "m^3"))
    assert gas["CH4"].m_as("kg") == pytest.approx(0.38931)  # 0.38931 TJ x 1 kg/TJ
    coal = emissions.combustion_non_co2("bituminous_coal", Q_(1000, "t"))
    tj = 1000 * 19.570 / 1000
    assert coal["CH4"].m_as("kg") == pytest.approx(tj * 10)
    assert coal["N2O"].m_as("kg") == pytest.approx(tj * 1.5)


@pytest.mark.parametrize(
    ("region", "year", "basis", "factor"),
    [
        ("Fujian", 2021, "average", 0.4711),
        ("Zhejiang", 2022, "average", 0.5153),
        ("Jiangsu", 2023, "average", 0.5827),
        ("North China", 2022, "average", 0.6776),
        ("南方", 2023, "average", 0.4042),
        ("national", 2021, "fossil", 0.8426),
        ("national", 2022, "excluding_market_nonfossil", 0.5856),
    ],
)
def test_purchased_electricity_by_province_grid_and_basis(region, year, basis, factor):
    out = emissions.purchased_electricity(Q_(2000, "MWh"), region=region, year=year, basis=basis)
    assert out.m_as("tCO2") == pytest.approx(2000 * factor)


def test_market_based_scope_2():
    loc = emissions.purchased_electricity(1000, region="Fujian", year=2023)
    mkt = emissions.purchased_electricity_market_based(1000, 250, region="Fujian", year=2023)
    assert mkt.m_as("tCO2") == pytest.approx(loc.m_as("tCO2") * 0.75)
    with pytest.raises(InputError, match="green_amount"):
        emissions.purchased_electricity_market_based(1000, 1200, region="Fujian", year=2023)


def test_purchased_heat_default_and_measured():
    assert emissions.purchased_heat(Q_(1, "TJ")).m_as("tCO2") == pytest.approx(110)
    assert emissions.purchased_heat(100, factor=Q_(90, "kgCO2/GJ")).m_as("tCO2") == 9.0


def test_steam_via_enthalpy():
    """NDRC guideline convention: AD = M (h - 83.74 kJ/kg)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnverifiedDataWarning)
        heat = emissions.steam_heat(Q_(100, "t"), Q_(2780, "kJ/kg"))
    assert heat.m_as("GJ") == pytest.approx(100 * (2780 - 83.74) / 1000)


@pytest.mark.parametrize(
    ("dataset", "caco3", "mgco3"),
    [("IPCC 2006", 0.43971, 0.52197), ("GB/T 32151.34-2024", 0.440, 0.522)],
)
def test_carbonates_ipcc_and_chinese_factors(dataset, caco3, mgco3):
    out = emissions.carbonate_decomposition(
        Q_(1000, "t"), {"CaCO3": 0.1, "magnesite": 0.02}, dataset=dataset
    )
    assert out.m_as("tCO2") == pytest.approx(1000 * (0.1 * caco3 + 0.02 * mgco3))


def test_carbonate_options_and_errors():
    full = emissions.carbonate_decomposition(100, {"dolomite": 0.1})
    half = emissions.carbonate_decomposition(100, {"CaMg(CO3)2": 0.1}, calcination_fraction=0.5)
    assert half.m_as("tCO2") == pytest.approx(full.m_as("tCO2") / 2)
    with pytest.raises(InputError, match="fractions"):
        emissions.carbonate_decomposition(100, {"CaCO3": 0.8, "MgCO3": 0.3})
    with pytest.raises(InputError, match="fractions"):
        emissions.carbonate_decomposition(100, {"unobtainium": 0.1})


def test_wastewater_ch4():
    """(TOW - S) x B0 x MCF - R with B0 = 0.25 kg CH4/kg COD (IPCC 2006)."""
    out = emissions.wastewater_ch4(
        organics=Q_(100, "t"),
        sludge=Q_(10, "t"),
        system="anaerobic_deep_lagoon",
        recovered=Q_(2, "t"),
    )
    assert out.m_as("t") == pytest.approx((100 - 10) * 0.25 * 0.8 - 2)
    with pytest.raises(InputError, match="recovered"):
        emissions.wastewater_ch4(organics=100, mcf=0.1, recovered=1000)


def test_refrigerant_leakage_uses_chosen_gwp_set():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnverifiedDataWarning)
        ar4 = emissions.refrigerant_leakage("HFC-134a", Q_(100, "kg"), ar="AR4")
    assert ar4.m_as("tCO2e") == pytest.approx(143.0)  # AR4 GWP 1430


@given(st.floats(min_value=0, max_value=1e9), st.floats(min_value=0.01, max_value=1e3))
def test_fuel_combustion_is_linear(amount, k):
    a = emissions.fuel_combustion("diesel", amount).m_as("tCO2")
    b = emissions.fuel_combustion("diesel", amount * k).m_as("tCO2")
    assert b == pytest.approx(a * k, rel=1e-9, abs=1e-9)


def test_vectorised_inputs():
    arr = emissions.fuel_combustion("diesel", np.array([1.0, 2.0, 3.0]))
    ser = emissions.fuel_combustion("diesel", pd.Series([1.0, 2.0, 3.0]))
    assert arr.m_as("tCO2") == pytest.approx(ser.m_as("tCO2"))
    assert emissions.fuel_combustion("diesel", Q_(1, "t")) == emissions.fuel_combustion(
        "diesel", Q_(1000, "kg")
    )
