"""The factor database: loading, lookups, user factors, integrity."""

import hashlib
import warnings

import pytest

import greenchain as gc
from greenchain._resources import data_root
from greenchain.data import factors
from greenchain.data.tables import sources
from greenchain.errors import (
    AmbiguousFactor,
    DataError,
    FactorNotFound,
    FallbackWarning,
    InputError,
    UnverifiedDataWarning,
)

HEADER = ",".join(factors.COLUMNS)

# GB/T 32150-2015 fuel table as listed in the reference notes (factors.md 2.1).
FUELS_2015 = [
    "anthracite",
    "bituminous_coal",
    "lignite",
    "cleaned_coal",
    "other_washed_coal",
    "petroleum_coke",
    "coke",
    "crude_oil",
    "fuel_oil",
    "gasoline",
    "diesel",
    "kerosene",
    "lng",
    "lpg",
    "refinery_gas",
    "coal_tar",
    "coke_oven_gas",
    "blast_furnace_gas",
    "converter_gas",
    "other_gas",
    "natural_gas",
]


@pytest.fixture(autouse=True)
def _no_user_factors():
    factors.clear_user()
    yield
    factors.clear_user()


def test_every_shipped_row_validates_and_cites_a_known_source():
    table = factors.table()
    assert len(table) > 300
    assert set(table["source_id"]) <= set(sources())
    assert set(table["status"]) <= {"official", "transcribed", "derived", "unverified"}


def test_every_unit_parses():
    for unit in factors.table()["unit"].unique():
        gc.Q_(1, unit)


@pytest.mark.parametrize("fuel", FUELS_2015)
def test_2015_set_has_all_combustion_parameters(fuel):
    for parameter in ("ncv", "carbon_content", "oxidation_rate"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UnverifiedDataWarning)
            f = factors.get(f"fuel.{fuel}.{parameter}", dataset="GB/T 32150-2015")
        assert f.value > 0


def test_natural_gas_2015_set_values():
    """GB/T 32150-2015 Annex B / GB/T 32151.34-2024 Table C.1: 389.31, 0.0153, 0.99."""
    ncv = factors.get("fuel.natural_gas.ncv", dataset="GB/T 32150-2015")
    cc = factors.get("fuel.natural_gas.carbon_content", dataset="GB/T 32150-2015")
    of = factors.get("fuel.natural_gas.oxidation_rate", dataset="GB/T 32150-2015")
    assert (ncv.value, cc.value, of.value) == (389.31, 0.0153, 0.99)
    ef = (ncv.quantity * cc.quantity * of.quantity * gc.Q_(44 / 12, "tCO2/tC")).to("tCO2/wan_Nm3")
    assert ef.magnitude == pytest.approx(21.6219, rel=1e-5)  # factors.md 2.3


@pytest.mark.parametrize(
    ("region", "year", "expected"),
    [
        ("Fujian", 2022, 0.4092),
        ("福建", 2023, 0.4211),
        ("East China", 2022, 0.5617),
        ("华东", 2023, 0.5500),
        ("national", 2021, 0.5568),
        ("全国", 2022, 0.5366),
        ("China", 2023, 0.5306),
    ],
)
def test_grid_factors_match_reference_notes(region, year, expected):
    f = factors.grid_electricity(region=region, year=year, basis="average")
    assert f.value == expected
    assert gc.Q_(1, f.unit).to("tCO2/MWh").magnitude == pytest.approx(1.0)


def test_grid_bases_are_distinct():
    fossil = factors.grid_electricity("national", 2023, basis="fossil").value
    excl = factors.grid_electricity("national", 2023, basis="excluding_market_nonfossil").value
    assert (fossil, excl) == (0.8273, 0.6096)
    assert factors.grid_electricity("national", 2024, basis="lifecycle").value == 0.5777


def test_grid_year_fallback_warns():
    with pytest.warns(FallbackWarning, match="2023"):
        f = factors.grid_electricity("Fujian", 2025)
    assert f.year == 2023
    with pytest.warns(FallbackWarning):
        assert factors.grid_electricity("Fujian").year == 2023


def test_grid_unknown_region_and_basis():
    with pytest.raises(InputError, match="region"):
        factors.grid_electricity("Atlantis", 2023)
    with pytest.raises(InputError, match="basis"):
        factors.grid_electricity("Fujian", 2023, basis="marginal")
    with pytest.raises(FactorNotFound):
        factors.grid_electricity("Fujian", 2010)


def test_ets_values_are_unverified():
    with pytest.warns(UnverifiedDataWarning):
        assert factors.grid_electricity("national", 2022, basis="ets").value == 0.5703
    with pytest.warns(UnverifiedDataWarning):
        assert factors.grid_electricity("national", 2021, basis="ets").value == 0.5810


def test_not_found_lists_closest_keys():
    with pytest.raises(FactorNotFound) as info:
        factors.get("fuel.natral_gas.ncv", dataset="GB/T 32150-2015")
    assert "fuel.natural_gas.ncv" in info.value.candidates


def test_not_found_with_filters_lists_variants():
    with pytest.raises(FactorNotFound) as info:
        factors.get("fuel.natural_gas.ncv", dataset="GB/T 9999")
    assert any("GB/T 32150-2015" in c for c in info.value.candidates)


def test_ambiguous_lookup_lists_candidates():
    with pytest.raises(AmbiguousFactor) as info:
        factors.get("fuel.natural_gas.ncv")
    assert len(info.value.candidates) >= 2


def test_unverified_factor_warns():
    with pytest.warns(UnverifiedDataWarning, match="refinery_gas"):
        factors.get("fuel.refinery_gas.oxidation_rate", dataset="GB/T 32150-2015")


def test_gwp_ar6_and_older_sets():
    assert gc.gwp("CH4", ar="AR6") == 27.9
    assert gc.gwp("N2O", ar="AR6") == 273
    with pytest.warns(UnverifiedDataWarning):
        assert gc.gwp("CH4", ar="SAR") == 21
    assert gc.gwp("co2") == 1
    with pytest.raises(InputError, match="gwp"):
        gc.gwp("CH4", ar="AR9")
    with pytest.raises(InputError, match="horizon"):
        gc.gwp("CH4", horizon=20)


def test_search_and_datasets():
    hits = factors.search("natural_gas", dataset="GB/T 32150-2015")
    assert "fuel.lng.ncv" in set(factors.search("natural gas", dataset="GB/T 32150-2015")["key"])
    assert set(hits["key"]) == {
        "fuel.natural_gas.ncv",
        "fuel.natural_gas.carbon_content",
        "fuel.natural_gas.oxidation_rate",
    }
    assert (factors.search(region="福建")["region"] == "Fujian").all()
    with pytest.raises(InputError, match="colour"):
        factors.search(colour="red")
    ds = factors.datasets()
    assert {"GB/T 32150-2015", "IPCC 2006", "IPCC AR6"} <= set(ds["dataset"])


def test_factor_quantity_and_source():
    f = factors.get("heat.purchased")
    assert f.quantity.to("kgCO2/GJ").magnitude == pytest.approx(110)
    assert f.source["id"] == "gbt32150-2025"
    assert "GB/T 32150-2025" in f.citation()


def test_user_factors_win_and_are_marked(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(
        HEADER + "\nfuel.natural_gas.ncv,Measured NCV,实测低位发热量,380.0,GJ/wan_Nm3,"
        "GB/T 32150-2015,lab-2024,report 12,,,,,official,,,,measured\n",
        encoding="utf-8",
    )
    assert factors.load_user(path) == 1
    f = factors.get("fuel.natural_gas.ncv", dataset="GB/T 32150-2015")
    assert (f.value, f.origin) == (380.0, "user")
    assert "user" in set(factors.table()["origin"])
    factors.clear_user()
    assert factors.get("fuel.natural_gas.ncv", dataset="GB/T 32150-2015").value == 389.31


def test_user_file_errors_are_all_reported_with_lines(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        HEADER + "\n"
        "fuel.x.ncv,x,x,abc,GJ/t,D,s,,,,,,official,,,,\n"
        "fuel.y.ncv,y,y,1,furlongs_xx,D,s,,,,,,official,,,,\n"
        "fuel.z.ncv,z,z,1,GJ/t,D,s,,,,,,maybe,,,,\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as info:
        factors.load_user(path)
    text = str(info.value)
    assert "bad.csv line 2" in text and "line 3" in text and "line 4" in text


def test_manifest_covers_shipped_files():
    root = data_root()
    manifest = root / "MANIFEST.sha256"
    listed = dict(
        reversed(line.split("  ", 1)) for line in manifest.read_text().splitlines() if line
    )
    actual = {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p != manifest and "__pycache__" not in p.parts
    }
    changed = sorted(k for k in actual.keys() | listed.keys() if actual.get(k) != listed.get(k))
    assert not changed, f"factors/ changed without `make manifest`: {changed}"
