"""Tests of greenchain.processes.steam (the IAPWS-IF97 wrapper) and .heat_conventions."""

from __future__ import annotations

import ast
import inspect
import warnings
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from greenchain import Q_
from greenchain.data.tables import read_table
from greenchain.errors import InputError, OutOfRangeError, UnitError, UnverifiedDataWarning
from greenchain.processes import heat_conventions, steam
from greenchain.processes.steam import (
    dry_air_density,
    dry_air_enthalpy,
    gauge_to_absolute,
    heat_from_hot_water,
    heat_from_steam,
    liquid_density,
    liquid_enthalpy,
    saturation_pressure,
    saturation_properties,
    saturation_temperature,
    steam_conventions,
    steam_properties,
)


# ------------------------------------------------------------------ published vectors
@pytest.fixture
def amo_steam_properties_unit_cpp():
    """AMO-Tools-Suite tests/cpp/SteamProperties.unit.cpp, TEST_CASE
    "waterPropertiesPressureTemperature" (commit 15208321): the IAPWS-IF97
    verification points, as recomputed in peers.md B-2. (P MPa, T K) -> values."""
    return [
        {"P": 3.0, "T": 300.0, "h": 115.3312730214, "s": 0.3922947924, "region": 1},
        {
            "P": 3.0,
            "T": 500.0,
            "h": 975.542239097,
            "s": 2.5804191201,
            "v": 0.001202418,
            "region": 1,
        },
        {"P": 80.0, "T": 300.0, "h": 184.142828, "s": 0.368563852, "region": 1},
        {
            "P": 25.58,
            "T": 650.0,
            "h": 1863.5039931841,
            "s": 4.0543976678954,
            "rho": 499.93601366213,
            "region": 3,
        },
    ]


@pytest.fixture
def amo_saturated_properties_unit_cpp():
    """AMO-Tools-Suite tests/cpp/SaturatedProperties.unit.cpp (peers.md B-2)."""
    return {"T_sat_20MPa_K": 638.8959115457, "P_sat_300K_MPa": 0.0035365894}


def test_amo_steam_properties_points(amo_steam_properties_unit_cpp):
    for point in amo_steam_properties_unit_cpp:
        s = steam_properties(Q_(point["P"], "MPa"), temperature=Q_(point["T"], "K"))
        assert s.enthalpy.m_as("kJ/kg") == pytest.approx(point["h"], rel=1e-6)
        assert s.entropy.m_as("kJ/(kg*K)") == pytest.approx(point["s"], rel=1e-6)
        assert int(s.region) == point["region"]
        if "v" in point:
            assert s.specific_volume.m_as("m^3/kg") == pytest.approx(point["v"], rel=1e-6)
        if "rho" in point:
            assert s.density.m_as("kg/m^3") == pytest.approx(point["rho"], rel=1e-6)


def test_amo_steam_properties_vectorised(amo_steam_properties_unit_cpp):
    pts = amo_steam_properties_unit_cpp
    s = steam_properties([p["P"] for p in pts], temperature=Q_([p["T"] for p in pts], "K"))
    np.testing.assert_allclose(s.enthalpy.m_as("kJ/kg"), [p["h"] for p in pts], rtol=1e-6)
    assert s.enthalpy.shape == (4,)
    assert list(s.region) == [1, 1, 1, 3]


def test_amo_saturation(amo_saturated_properties_unit_cpp):
    ref = amo_saturated_properties_unit_cpp
    assert saturation_temperature(20).m_as("K") == pytest.approx(ref["T_sat_20MPa_K"], rel=1e-6)
    assert saturation_pressure(Q_(300, "K")).m_as("MPa") == pytest.approx(
        ref["P_sat_300K_MPa"], rel=1e-6
    )


def test_saturation_broadcasts_2d():
    p = np.array([[0.5, 1.0], [2.0, 4.0]])
    t = saturation_temperature(p)
    assert t.shape == (2, 2)
    assert t.m[0, 1] == pytest.approx(saturation_temperature(1.0).m, rel=1e-12)


# ------------------------------------------------------------------ self-derived checks
@settings(max_examples=40, deadline=None)
@given(st.floats(min_value=274.0, max_value=645.0))
def test_saturation_round_trip(t_k):
    p = saturation_pressure(Q_(t_k, "K"))
    assert saturation_temperature(p).m_as("K") == pytest.approx(t_k, rel=1e-6)


@settings(max_examples=30, deadline=None)
@given(st.floats(min_value=0.001, max_value=22.0))
def test_saturation_properties_consistent(p):
    sat = saturation_properties(p)
    assert sat.latent_heat.m > 0
    assert sat.latent_heat.m == pytest.approx(
        sat.vapour_enthalpy.m - sat.liquid_enthalpy.m, rel=1e-12
    )
    assert sat.liquid_density.m > sat.vapour_density.m
    vapour = steam_properties(p, quality=1)
    assert vapour.enthalpy.m == pytest.approx(sat.vapour_enthalpy.m, rel=1e-9)


def test_quality_mixes_linearly():
    sat = saturation_properties(1.0)
    wet = steam_properties(1.0, quality=0.9)
    expected = sat.liquid_enthalpy.m + 0.9 * sat.latent_heat.m
    assert wet.enthalpy.m == pytest.approx(expected, rel=1e-9)
    assert float(wet.quality.m) == pytest.approx(0.9)
    assert str(wet.phase) == "Two phases"


def test_enthalpy_input_inverts_temperature_input():
    s = steam_properties(2.418, temperature=Q_(521, "K"))
    back = steam_properties(2.418, enthalpy=s.enthalpy)
    assert back.temperature.m_as("K") == pytest.approx(521, rel=1e-6)


def test_liquid_enthalpy_and_density():
    assert liquid_enthalpy(100).m == pytest.approx(
        saturation_properties(temperature=Q_(100, "degC")).liquid_enthalpy.m, rel=1e-12
    )
    # compressed liquid is slightly above the saturated liquid at the same temperature
    assert liquid_enthalpy(20, pressure=3).m > liquid_enthalpy(20).m
    assert 990 < liquid_density(40).m < 1000


def test_dry_air_enthalpy_matches_cp():
    dh = dry_air_enthalpy(27.5) - dry_air_enthalpy(26.5)
    # Lemmon et al. (2000) cp of air near 300 K, 1 atm is about 1.006 kJ/(kg K)
    assert dh.m_as("kJ/kg") == pytest.approx(1.006, abs=0.002)


# ------------------------------------------------------------------ units
def test_si_and_imperial_give_the_same_state():
    si = steam_properties(Q_(1.0, "MPa"), temperature=Q_(250, "degC"))
    imp = steam_properties(Q_(1.0, "MPa").to("psi"), temperature=Q_(482, "degF"))
    assert imp.enthalpy.m_as("kJ/kg") == pytest.approx(si.enthalpy.m_as("kJ/kg"), rel=1e-6)
    assert si.enthalpy.to("Btu/lb").m == pytest.approx(si.enthalpy.m_as("kJ/kg") / 2.326, rel=1e-4)


def test_gauge_to_absolute():
    psig = gauge_to_absolute(Q_(100, "psi"))
    assert psig.m_as("kPa") == pytest.approx(689.4757 + 101.325, rel=1e-6)
    assert gauge_to_absolute(0.5, atmospheric_pressure=Q_(100, "kPa")).m == pytest.approx(0.6)
    with pytest.raises(OutOfRangeError, match="pressure"):
        gauge_to_absolute(-0.2)


# ------------------------------------------------------------------ errors
@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"pressure": 200, "temperature": 30}, "pressure"),
        ({"pressure": 60, "temperature": Q_(1500, "K")}, "pressure"),
        ({"pressure": 1, "temperature": Q_(250, "K")}, "temperature"),
        ({"pressure": 1, "temperature": Q_(2400, "K")}, "temperature"),
        ({"pressure": 1, "temperature": Q_(-300, "degC")}, "temperature"),
        ({"pressure": 30, "quality": 0.5}, "pressure"),
        ({"pressure": 1, "quality": 1.5}, "quality"),
        ({"pressure": -1, "quality": 0.5}, "pressure"),
        ({"pressure": 1, "enthalpy": 10_000}, "enthalpy"),
    ],
)
def test_outside_if97_raises_naming_argument(kwargs, field):
    with pytest.raises(OutOfRangeError, match=field):
        steam_properties(**kwargs)


def test_exactly_one_second_variable():
    with pytest.raises(InputError, match="exactly one"):
        steam_properties(1)
    with pytest.raises(InputError, match="exactly one"):
        steam_properties(1, 300, 0.5)
    with pytest.raises(InputError):
        saturation_properties(1, temperature=300)


def test_saturation_range_errors():
    with pytest.raises(OutOfRangeError, match="pressure"):
        saturation_temperature(25)
    with pytest.raises(OutOfRangeError, match="temperature"):
        saturation_pressure(400)  # degC, above the critical temperature
    with pytest.raises(OutOfRangeError, match="temperature"):
        liquid_enthalpy(200, pressure=0.1)  # vapour, not liquid
    with pytest.raises(UnitError, match="pressure"):
        saturation_temperature(Q_(1, "K"))


# ------------------------------------------------------------------ Chinese conventions
def test_steam_conventions_file():
    rows = {r["key"]: r for r in read_table("steam_conventions.csv")}
    assert set(rows) == {
        "steam.reference_enthalpy",
        "hot_water.reference_temperature",
        "hot_water.specific_heat",
    }
    assert all(r["source_id"] == "ndrc-other-2015" for r in rows.values())
    assert all(r["status"] == "unverified" for r in rows.values())
    c = steam_conventions()
    assert c["steam.reference_enthalpy"]["value"].m_as("kJ/kg") == 83.74
    # 83.74 kJ/kg is 4.1868 kJ/(kg K) x 20 K (to the printed two decimals)
    cp = c["hot_water.specific_heat"]["value"].m_as("kJ/(kg*K)")
    assert cp * 20 == pytest.approx(83.74, abs=0.005)


def test_heat_from_steam_formula_and_warning():
    with pytest.warns(UnverifiedDataWarning, match="ndrc-other-2015") as record:
        q = heat_from_steam(Q_(10, "t"), Q_(2777.1, "kJ/kg"))
    assert len([w for w in record if w.category is UnverifiedDataWarning]) == 1
    assert q.m_as("GJ") == pytest.approx(10 * (2777.1 - 83.74) * 1e-3, rel=1e-12)


def test_heat_from_steam_units_and_vectors():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnverifiedDataWarning)
        si = heat_from_steam([1, 2], 2800)
        imp = heat_from_steam(Q_(2204.62262, "lb"), Q_(2800, "kJ/kg").to("Btu/lb"))
        assert si.m_as("GJ")[1] == pytest.approx(2 * si.m_as("GJ")[0])
        assert imp.m_as("GJ") == pytest.approx(si.m_as("GJ")[0], rel=1e-8)
        with pytest.raises(OutOfRangeError, match="enthalpy"):
            heat_from_steam(1, 50)
        with pytest.raises(OutOfRangeError, match="mass"):
            heat_from_steam(-1, 2800)


def test_heat_from_hot_water_formula_and_warning():
    with pytest.warns(UnverifiedDataWarning) as record:
        q = heat_from_hot_water(100, Q_(176, "degF"))
    assert len([w for w in record if w.category is UnverifiedDataWarning]) == 1
    assert q.m_as("GJ") == pytest.approx(100 * (80 - 20) * 4.1868e-3, rel=1e-9)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnverifiedDataWarning)
        with pytest.raises(OutOfRangeError, match="temperature"):
            heat_from_hot_water(1, 10)
        with pytest.raises(OutOfRangeError, match="temperature"):
            heat_from_hot_water(1, Q_(-5, "K"))


def test_heat_conventions_are_reexported_by_steam():
    for name in heat_conventions.__all__:
        assert getattr(steam, name) is getattr(heat_conventions, name)
        assert name in steam.__all__


# ------------------------------------------------------------------ the one wrapper
def test_dry_air_density_ideal_gas_limit():
    # at 0 degC and 1 atm air is nearly ideal: rho = p M / (R T), M = 28.9647 g/mol
    ideal = 101_325 * 0.0289647 / (8.314462618 * 273.15)
    assert dry_air_density(0).m_as("kg/m^3") == pytest.approx(ideal, rel=1e-3)
    assert dry_air_density(Q_(273.15, "K")).m == dry_air_density(0).m
    with pytest.raises(OutOfRangeError, match="temperature"):
        dry_air_density(Q_(50, "K"))


def test_steam_is_the_only_module_that_imports_iapws():
    """dryers and waste_heat once looped over iapws themselves; now only steam.py may."""
    folder = Path(steam.__file__).parent
    importers = set()
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            if any(n == "iapws" or n.startswith("iapws.") for n in names):
                importers.add(path.name)
    assert importers == {"steam.py"}


# ------------------------------------------------------------------ documentation
def test_every_public_function_has_a_doctest():
    for name in steam.__all__ + heat_conventions.__all__:
        obj = getattr(steam, name)
        if inspect.isfunction(obj):
            assert ">>>" in (obj.__doc__ or ""), name
