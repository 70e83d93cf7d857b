"""Checks on the shipped emission-factor data files in ``factors/``.

The files are read with the :mod:`csv` module directly (not through
``greenchain.data.factors``) so that the data can be validated on its own.
Published values are the tests: each spot value below is quoted from the
source named in the comment, with a tolerance matching the printed digits.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest
import yaml

from greenchain import Q_

FACTORS = Path(__file__).resolve().parents[2] / "factors"

COLUMNS = [
    "key",
    "name_en",
    "name_zh",
    "value",
    "unit",
    "dataset",
    "source_id",
    "source_ref",
    "region",
    "year",
    "basis",
    "gas",
    "status",
    "uncertainty",
    "low",
    "high",
    "notes",
]
REGION_COLUMNS = [
    "name_en",
    "name_zh",
    "kind",
    "grid",
    "code",
    "aliases",
    "source_id",
    "source_ref",
    "status",
]
FACTOR_FILES = [
    "fuels_gbt32150-2015.csv",
    "fuels_ndrc-2013.csv",
    "fuels_gbt32151.34-2024.csv",
    "fuels_ipcc2006.csv",
    "grid_mee.csv",
    "heat_gbt32150-2025.csv",
    "standard_coal_gbt2589.csv",
    "carbonates.csv",
    "gwp_ipcc.csv",
    "wastewater_ipcc2006.csv",
]
ALL_FILES = FACTOR_FILES + ["regions_cn.csv"]
STATUSES = {"official", "transcribed", "derived", "unverified"}
DATASETS = {
    "GB/T 32150-2015",
    "NDRC 2013",
    "GB/T 32151.34-2024",
    "IPCC 2006",
    "GB/T 2589-2008",
    "GB/T 2589-2020",
    "GB 30251-2024",
    "NBS yearbook 2023",
    "MEE/NBS grid CO2",
    "MEE ETS grid",
    "MEE electricity footprint",
    "GB/T 32150-2025",
    "IPCC SAR",
    "IPCC AR4",
    "IPCC AR5",
    "IPCC AR6",
}
GRIDS = {
    "North China",
    "Northeast China",
    "East China",
    "Central China",
    "Northwest China",
    "South China",
    "Southwest China",
}
C_TO_CO2 = 44.0 / 12.0  # molar-mass ratio CO2/C


def _read(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with open(FACTORS / name, encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.lstrip().startswith("#")]
    reader = csv.DictReader(lines)
    return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def sources() -> set[str]:
    with open(FACTORS / "sources.yaml", encoding="utf-8") as fh:
        return {entry["id"] for entry in yaml.safe_load(fh)}


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    out = []
    for name in FACTOR_FILES:
        for row in _read(name)[1]:
            out.append({**row, "_file": name})
    return out


def find(rows, key, dataset=None, region=None, year=None, basis=None):
    """Return the single row matching the given fields."""
    hits = [
        r
        for r in rows
        if r["key"] == key
        and (dataset is None or r["dataset"] == dataset)
        and (region is None or r["region"] == region)
        and (year is None or r["year"] == str(year))
        and (basis is None or r["basis"] == basis)
    ]
    assert len(hits) == 1, (key, dataset, region, year, basis, len(hits))
    return hits[0]


def value(rows, key, **kw) -> float:
    return float(find(rows, key, **kw)["value"])


# ---------------------------------------------------------------- structure


@pytest.mark.parametrize("name", ALL_FILES)
def test_file_exists_and_opens_with_a_source_comment(name):
    text = (FACTORS / name).read_text(encoding="utf-8")
    assert text.startswith("#"), "first lines must be # comments naming the source"


@pytest.mark.parametrize("name", FACTOR_FILES)
def test_columns_and_order(name):
    header, data = _read(name)
    assert header == COLUMNS
    assert data, f"{name} has no rows"
    for row in data:
        assert None not in row, f"{name}: extra cells in row {row}"
        assert all(row[c] is not None for c in COLUMNS), f"{name}: short row {row}"


def test_regions_columns():
    header, data = _read("regions_cn.csv")
    assert header == REGION_COLUMNS
    assert data


@pytest.mark.parametrize("name", ALL_FILES)
def test_source_ids_are_in_bibliography(name, sources):
    for row in _read(name)[1]:
        assert row["source_id"] in sources, (name, row["source_id"])


@pytest.mark.parametrize("name", ALL_FILES)
def test_status_valid(name):
    for row in _read(name)[1]:
        assert row["status"] in STATUSES, (name, row["status"])


def test_units_parse(rows):
    for unit in sorted({r["unit"] for r in rows}):
        Q_(1, unit)  # raises if greenchain's registry cannot parse it


def test_values_numeric_and_datasets_known(rows):
    for r in rows:
        assert r["value"].strip(), r
        assert math.isfinite(float(r["value"])), r
        assert r["dataset"] in DATASETS, r["dataset"]
        assert r["region"], r
        if r["year"]:
            assert 2000 < int(r["year"]) < 2100


def test_keys_are_well_formed(rows):
    families = {"fuel", "electricity", "heat", "standard_coal", "carbonate", "gwp", "wastewater"}
    for r in rows:
        parts = r["key"].split(".")
        assert parts[0] in families, r["key"]
        assert all(p and p == p.lower() and " " not in p for p in parts), r["key"]


def test_no_duplicate_rows(rows):
    seen = set()
    for r in rows:
        ident = (r["key"], r["dataset"], r["region"], r["year"], r["basis"])
        assert ident not in seen, ident
        seen.add(ident)


def test_bounds(rows):
    for r in rows:
        assert r["uncertainty"] in {"", "ci95", "range"}, r
        if r["uncertainty"]:
            assert r["low"] and r["high"], r
        if r["low"] or r["high"]:
            assert r["uncertainty"], r
            low, high, v = float(r["low"]), float(r["high"]), float(r["value"])
            assert low <= v <= high, (r["key"], r["dataset"], low, v, high)


def test_parameter_units_have_the_right_dimension(rows):
    expected = {
        "ncv": ("GJ/t", "GJ/wan_Nm3"),
        "carbon_content": ("tC/GJ",),
        "oxidation_rate": ("dimensionless",),
        "co2_factor": ("kgCO2/TJ",),
        "ch4_factor": ("kgCH4/TJ",),
        "n2o_factor": ("kgN2O/TJ",),
    }
    for r in rows:
        if r["key"].startswith("fuel."):
            param = r["key"].split(".")[2]
            ok = [u for u in expected[param] if Q_(1, r["unit"]).is_compatible_with(u)]
            assert ok, (r["key"], r["unit"])
        elif r["key"] == "electricity.grid":
            assert Q_(1, r["unit"]).is_compatible_with("kgCO2/kWh"), r["unit"]
        elif r["key"].startswith("gwp.") or r["key"].startswith("wastewater.mcf."):
            assert Q_(1, r["unit"]).dimensionless, r["unit"]
        if r["key"].endswith("oxidation_rate") or r["key"].startswith("wastewater.mcf."):
            assert 0 <= float(r["value"]) <= 1, r


def test_grid_basis_dataset_and_units(rows):
    for r in rows:
        if r["key"] != "electricity.grid":
            continue
        assert r["year"], r
        if r["basis"] in {"average", "fossil", "excluding_market_nonfossil"}:
            assert (r["dataset"], r["unit"], r["gas"]) == ("MEE/NBS grid CO2", "kgCO2/kWh", "CO2")
        elif r["basis"] == "ets":
            assert (r["dataset"], r["unit"], r["status"]) == (
                "MEE ETS grid",
                "tCO2/MWh",
                "unverified",
            )
        elif r["basis"] == "lifecycle":
            assert (r["dataset"], r["unit"], r["gas"]) == (
                "MEE electricity footprint",
                "kgCO2e/kWh",
                "CO2e",
            )
        else:
            pytest.fail(f"unknown grid basis {r['basis']!r}")


# ---------------------------------------------------------------- fuel sets


def _fuels(rows, dataset):
    out: dict[str, set[str]] = {}
    for r in rows:
        if r["dataset"] == dataset and r["key"].startswith("fuel."):
            _, fuel, param = r["key"].split(".")
            out.setdefault(fuel, set()).add(param)
    return out


@pytest.mark.parametrize("dataset", ["GB/T 32150-2015", "NDRC 2013", "GB/T 32151.34-2024"])
def test_every_chinese_default_fuel_has_three_parameters(rows, dataset):
    fuels = _fuels(rows, dataset)
    assert fuels
    for fuel, params in fuels.items():
        assert params == {"ncv", "carbon_content", "oxidation_rate"}, (dataset, fuel, params)


def test_2015_set_fuel_list(rows):
    assert set(_fuels(rows, "GB/T 32150-2015")) == {
        "anthracite",
        "bituminous_coal",
        "lignite",
        "cleaned_coal",
        "other_washed_coal",
        "other_coal_products",
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
    }


def test_2015_set_published_values(rows):
    ds = "GB/T 32150-2015"
    # natural gas 389.31 GJ/10^4 Nm3, 0.0153 tC/GJ, 0.99 (2015 set = GB/T 32151.34-2024 C.1)
    ng = find(rows, "fuel.natural_gas.ncv", dataset=ds)
    assert (float(ng["value"]), ng["unit"]) == (389.31, "GJ/wan_Nm3")
    assert value(rows, "fuel.natural_gas.carbon_content", dataset=ds) == 0.0153
    assert value(rows, "fuel.natural_gas.oxidation_rate", dataset=ds) == 0.99
    # diesel 42.652 GJ/t, 0.0202 tC/GJ, 0.98
    assert value(rows, "fuel.diesel.ncv", dataset=ds) == 42.652
    assert value(rows, "fuel.diesel.carbon_content", dataset=ds) == 0.0202
    assert value(rows, "fuel.diesel.oxidation_rate", dataset=ds) == 0.98
    # verification corrections
    assert value(rows, "fuel.petroleum_coke.oxidation_rate", dataset=ds) == 0.98
    lng = [
        find(rows, f"fuel.lng.{p}", dataset=ds) for p in ("ncv", "carbon_content", "oxidation_rate")
    ]
    # method_review E2: the disputed 44.2/0.0172 row gave way to GB/T 32151.34-2024 C.1
    assert [float(r["value"]) for r in lng] == [51.498, 0.0153, 0.98]
    assert all(r["status"] == "transcribed" and r["source_id"] == "gbt32151.34-2024" for r in lng)
    rg = find(rows, "fuel.refinery_gas.oxidation_rate", dataset=ds)
    assert (float(rg["value"]), rg["status"]) == (0.98, "unverified")
    assert "CONFLICT" in rg["notes"]


def test_gbt32151_34_table_c1(rows):
    ds = "GB/T 32151.34-2024"
    assert value(rows, "fuel.lng.ncv", dataset=ds) == 51.498
    assert value(rows, "fuel.lng.carbon_content", dataset=ds) == 0.0153
    assert value(rows, "fuel.lng.oxidation_rate", dataset=ds) == 0.98
    assert value(rows, "fuel.refinery_gas.oxidation_rate", dataset=ds) == 0.99
    assert value(rows, "fuel.briquettes.oxidation_rate", dataset=ds) == 0.90
    assert value(rows, "fuel.other_coal_products.oxidation_rate", dataset=ds) == 0.98
    for fuel in ("naphtha", "coal_tar", "crude_benzene", "other_petroleum_products"):
        assert fuel in _fuels(rows, ds)


def test_2013_set_oxidation_rates_are_fractions(rows):
    assert value(rows, "fuel.anthracite.oxidation_rate", dataset="NDRC 2013") == 0.94
    assert value(rows, "fuel.carbide_furnace_gas.ncv", dataset="NDRC 2013") == 111.19


def _ef(rows, fuel, dataset):
    """EF = NCV x CC x OF x 44/12 (tCO2 per t or per 10^4 Nm3), factors.md formula 1.4."""
    p = {
        k: value(rows, f"fuel.{fuel}.{k}", dataset=dataset)
        for k in ("ncv", "carbon_content", "oxidation_rate")
    }
    return p["ncv"] * p["carbon_content"] * p["oxidation_rate"] * C_TO_CO2


@pytest.mark.parametrize(
    ("fuel", "dataset", "published"),
    [
        # factors.md section 2.3 (2015 set)
        ("natural_gas", "GB/T 32150-2015", 21.6219),
        ("diesel", "GB/T 32150-2015", 3.0959),
        ("bituminous_coal", "GB/T 32150-2015", 1.7417),
        ("anthracite", "GB/T 32150-2015", 2.5215),
        ("lpg", "GB/T 32150-2015", 3.1013),
        ("fuel_oil", "GB/T 32150-2015", 3.1705),
        # factors_verification.md section 2: LNG and refinery-gas conflicts
        ("lng", "GB/T 32151.34-2024", 2.8313),
        ("lng", "GB/T 32150-2015", 2.8313),  # E2: the C.1 row (was 2.7318, disputed)
        ("lng", "NDRC 2013", 2.3253),
        ("refinery_gas", "GB/T 32150-2015", 3.0082),
        ("refinery_gas", "GB/T 32151.34-2024", 3.0389),
        # independent calculator, 2013 set gasoline (factors.md section 2.2)
        ("gasoline", "NDRC 2013", 3.04254),
    ],
)
def test_recomputed_emission_factors(rows, fuel, dataset, published):
    assert _ef(rows, fuel, dataset) == pytest.approx(published, rel=1e-4)


def test_natural_gas_ef_per_nm3(rows):
    ef = Q_(_ef(rows, "natural_gas", "GB/T 32150-2015"), "tCO2/wan_Nm3")
    assert ef.to("kgCO2/Nm3").magnitude == pytest.approx(2.162189, rel=1e-6)


# ---------------------------------------------------------------- IPCC


def test_ipcc_natural_gas_ncv_with_bounds(rows):
    r = find(rows, "fuel.natural_gas.ncv", dataset="IPCC 2006")
    assert (float(r["value"]), float(r["low"]), float(r["high"])) == (48.0, 46.5, 50.4)
    assert (r["uncertainty"], r["unit"]) == ("ci95", "GJ/t")
    co2 = find(rows, "fuel.natural_gas.co2_factor", dataset="IPCC 2006")
    assert (float(co2["value"]), float(co2["low"]), float(co2["high"])) == (56100, 54300, 58300)


def test_ipcc_co2_factor_equals_carbon_content(rows):
    # Table 1.4 = Table 1.3 x 44/12 x 1000, rounded to 3 significant figures
    for r in rows:
        if r["dataset"] == "IPCC 2006" and r["key"].endswith(".co2_factor"):
            fuel = r["key"].split(".")[1]
            cc = value(rows, f"fuel.{fuel}.carbon_content", dataset="IPCC 2006")
            assert float(r["value"]) == pytest.approx(cc * C_TO_CO2 * 1000, rel=6e-3), fuel


def test_ipcc_ch4_n2o_tables(rows):
    ds = "IPCC 2006"
    assert value(rows, "fuel.bituminous_coal.ch4_factor", dataset=ds, basis="manufacturing") == 10
    assert (
        value(rows, "fuel.bituminous_coal.ch4_factor", dataset=ds, basis="energy_industries") == 1
    )
    assert value(rows, "fuel.bituminous_coal.n2o_factor", dataset=ds, basis="manufacturing") == 1.5
    assert value(rows, "fuel.natural_gas.n2o_factor", dataset=ds, basis="manufacturing") == 0.1
    diesel = find(rows, "fuel.diesel.ch4_factor", dataset=ds, basis="manufacturing")
    assert float(diesel["value"]) == 3 and "dissent" in diesel["notes"]
    for r in rows:
        if r["key"].endswith(("ch4_factor", "n2o_factor")):
            assert r["basis"] in {"manufacturing", "energy_industries"}, r


# ---------------------------------------------------------------- electricity and heat


@pytest.mark.parametrize(
    ("region", "year", "published"),
    [
        ("China", 2021, 0.5568),
        ("China", 2022, 0.5366),
        ("China", 2023, 0.5306),
        ("Fujian", 2022, 0.4092),
        ("Fujian", 2023, 0.4211),
        ("East China", 2022, 0.5617),
        ("East China", 2023, 0.5500),
    ],
)
def test_grid_published_values(rows, region, year, published):
    r = find(
        rows,
        "electricity.grid",
        dataset="MEE/NBS grid CO2",
        region=region,
        year=year,
        basis="average",
    )
    assert float(r["value"]) == published


def test_national_grid_statuses(rows):
    for year in (2021, 2022, 2023):
        assert (
            find(rows, "electricity.grid", region="China", year=year, basis="average")["status"]
            == "official"
        )
    assert value(rows, "electricity.grid", region="China", year=2022, basis="fossil") == 0.8325
    assert (
        value(
            rows, "electricity.grid", region="China", year=2023, basis="excluding_market_nonfossil"
        )
        == 0.6096
    )


def test_grid_coverage(rows):
    _, regions = _read("regions_cn.csv")
    provinces = {r["name_en"] for r in regions if r["kind"] == "province"}
    for year in ("2021", "2022", "2023"):
        covered = {
            r["region"]
            for r in rows
            if r["key"] == "electricity.grid" and r["year"] == year and r["basis"] == "average"
        }
        assert GRIDS <= covered, year
        assert covered - GRIDS - {"China"} == provinces - {"Tibet"}, year


def test_ets_and_lifecycle_rows(rows):
    assert value(rows, "electricity.grid", year=2021, basis="ets") == 0.5810
    assert value(rows, "electricity.grid", year=2022, basis="ets") == 0.5703
    lc23 = find(rows, "electricity.grid", year=2023, basis="lifecycle")
    lc24 = find(rows, "electricity.grid", year=2024, basis="lifecycle")
    assert (float(lc23["value"]), float(lc24["value"])) == (0.6205, 0.5777)
    assert lc23["status"] == lc24["status"] == "official"


def test_heat_default(rows):
    r = find(rows, "heat.purchased")
    assert (float(r["value"]), r["unit"], r["dataset"]) == (0.11, "tCO2/GJ", "GB/T 32150-2025")


# ---------------------------------------------------------------- standard coal


def test_electricity_equal_value(rows):
    r = find(rows, "standard_coal.electricity", dataset="GB/T 2589-2020")
    assert (float(r["value"]), r["unit"], r["basis"]) == (0.1229, "kgce/kWh", "equal_value")
    # The printed 0.1229 follows the kcal column (860 kcal/kWh over 7 000 kcal/kgce = 0.12286);
    # 3 600 kJ over greenchain's 29 307.6 kJ/kgce gives 0.12284 (rounds to 0.1228).
    assert 860 / 7000 == pytest.approx(float(r["value"]), abs=5e-5)
    assert Q_(1, "kWh").to("kgce").magnitude == pytest.approx(float(r["value"]), rel=1e-3)


def test_standard_coal_rows(rows):
    assert value(rows, "standard_coal.heat", dataset="GB/T 2589-2020") == 0.03412
    lng = value(rows, "standard_coal.lng", dataset="GB/T 2589-2020")
    assert Q_(51.498, "MJ").to("kgce").magnitude == pytest.approx(lng, abs=5e-5)
    assert value(rows, "standard_coal.natural_gas_gasfield", dataset="GB/T 2589-2008") == 1.2143
    ng = find(rows, "standard_coal.natural_gas", dataset="NBS yearbook 2023")
    assert (float(ng["low"]), float(ng["high"]), ng["uncertainty"]) == (1.1000, 1.3300, "range")
    slime = find(rows, "standard_coal.slime", dataset="GB/T 2589-2008")
    assert (float(slime["low"]), float(slime["high"])) == (0.2857, 0.4286)
    assert value(rows, "standard_coal.steam_10mpa", dataset="GB 30251-2024") == 92
    assert find(rows, "standard_coal.steam_10mpa")["unit"] == "kgoe/t"


# ---------------------------------------------------------------- carbonates, GWP, wastewater


def test_carbonates(rows):
    caco3 = value(rows, "carbonate.caco3", dataset="IPCC 2006")
    assert caco3 == pytest.approx(44.009 / 100.086, abs=1e-5)  # molar masses CO2 / CaCO3
    assert value(rows, "carbonate.caco3", dataset="GB/T 32151.34-2024") == 0.440
    assert value(rows, "carbonate.mgco3", dataset="GB/T 32151.34-2024") == 0.522
    for r in rows:
        if r["key"].startswith("carbonate.") and r["dataset"] == "IPCC 2006":
            rounded = value(rows, r["key"], dataset="GB/T 32151.34-2024")
            assert round(float(r["value"]), 3) == rounded, r["key"]


def test_gwp(rows):
    ch4 = find(rows, "gwp.ch4", dataset="IPCC AR6")
    n2o = find(rows, "gwp.n2o", dataset="IPCC AR6")
    assert (float(ch4["value"]), float(n2o["value"])) == (27.9, 273)
    assert ch4["status"] == n2o["status"] == "transcribed"
    assert value(rows, "gwp.ch4", dataset="IPCC SAR") == 21
    assert find(rows, "gwp.ch4", dataset="IPCC AR5")["status"] == "unverified"
    for r in rows:
        if r["key"].startswith("gwp."):
            assert (r["basis"], r["unit"], r["region"]) == ("GWP100", "kgCO2e/kg", "global")


def test_wastewater(rows):
    assert value(rows, "wastewater.b0") == 0.25
    assert value(rows, "wastewater.mcf.anaerobic_reactor") == 0.8
    assert value(rows, "wastewater.mcf.aerobic_well_managed") == 0


# ---------------------------------------------------------------- regions


def test_regions():
    _, regions = _read("regions_cn.csv")
    kinds = [r["kind"] for r in regions]
    assert (
        kinds.count("national") == 1 and kinds.count("grid") == 7 and kinds.count("province") == 31
    )
    assert {r["name_en"] for r in regions if r["kind"] == "grid"} == GRIDS
    provinces = {r["name_en"]: r for r in regions if r["kind"] == "province"}
    codes = [r["code"] for r in provinces.values()]
    assert len(set(codes)) == 31 and all(len(c) == 2 and c.isdigit() for c in codes)
    assert provinces["Fujian"]["grid"] == "East China"
    assert provinces["Fujian"]["code"] == "35"
    assert "福建省" in provinces["Fujian"]["aliases"].split(";")
    assert provinces["Jiangxi"]["grid"] == "Central China"
    assert provinces["Inner Mongolia"]["grid"] == ""
    east = {n for n, r in provinces.items() if r["grid"] == "East China"}
    assert east == {"Shanghai", "Jiangsu", "Zhejiang", "Anhui", "Fujian"}
    for r in provinces.values():
        assert r["grid"] in GRIDS | {""}
