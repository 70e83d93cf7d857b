"""The portfolio engine: pandas and Dask agree, one plant equals ``from_records``, local
time, duplicates and gaps reported, bad input named."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import greenchain as gc
from greenchain.accounting import energy as energy_module
from greenchain.accounting import inventory as inventory_module
from greenchain.accounting import portfolio
from greenchain.errors import InputError

dd = pytest.importorskip("dask.dataframe")

CARRIERS = (("electricity", "kWh", 500.0), ("natural_gas", "m^3", 80.0), ("heat", "GJ", 2.0))


def _plants(n: int = 4) -> pd.DataFrame:
    regions = ["Fujian", "Zhejiang", "Guangdong", "Jiangsu"]
    return pd.DataFrame(
        {
            "plant_id": [f"P{i:02d}" for i in range(n)],
            "region": [regions[i % 4] for i in range(n)],
            "sector": ["ceramics" if i % 2 else "textiles" for i in range(n)],
        }
    )


def _records(plants: pd.DataFrame, hours: int = 500, start: str = "2023-03-01", seed: int = 0):
    rng = np.random.default_rng(seed)
    ts = pd.date_range(start, periods=hours, freq="h", tz="UTC")
    frames = []
    for p in plants["plant_id"]:
        for carrier, unit, scale in CARRIERS:
            frames.append(
                pd.DataFrame(
                    {
                        "plant_id": p,
                        "timestamp": ts,
                        "carrier": carrier,
                        "amount": rng.uniform(0, scale, hours),
                        "unit": unit,
                    }
                )
            )
    return pd.concat(frames, ignore_index=True)


def _quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


def _same(a: pd.DataFrame, b: pd.DataFrame, columns) -> None:
    keys = [c for c in a.columns if c not in columns]
    pd.testing.assert_frame_equal(a[keys], b[keys], check_dtype=False)
    for c in columns:
        np.testing.assert_allclose(a[c].to_numpy(), b[c].to_numpy(), rtol=1e-9, atol=1e-12)


# -- one code path, two engines ------------------------------------------------------


def test_pandas_and_dask_threads_agree():
    plants = _plants()
    records = _records(plants)
    a = _quiet(portfolio.inventory, records, plants=plants, by=("plant_id", "month"))
    b = _quiet(
        portfolio.inventory,
        dd.from_pandas(records, npartitions=5),
        plants=plants,
        by=("plant_id", "month"),
    )
    _same(a, b, portfolio.INVENTORY_COLUMNS)
    pd.testing.assert_frame_equal(a.checks.coverage, b.checks.coverage, check_dtype=False)
    assert a.warnings == b.warnings
    assert len(pd.concat([a, b])) == 2 * len(a)  # results still concatenate


def test_pandas_and_distributed_local_cluster_agree():
    distributed = pytest.importorskip("distributed")
    plants = _plants(6)
    records = _records(plants, hours=400)
    by = ("sector", "region", "quarter")
    a = _quiet(portfolio.inventory, records, plants=plants, by=by, regime="ghg_protocol")
    e = _quiet(portfolio.energy, records, plants=plants, by=by)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        ddf = dd.from_pandas(records, npartitions=4)
        b = _quiet(
            portfolio.inventory,
            ddf,
            plants=plants,
            by=by,
            regime="ghg_protocol",
            scheduler=cluster.scheduler_address,
        )
        f = _quiet(portfolio.energy, ddf, plants=plants, by=by, scheduler=cluster.scheduler_address)
    _same(a, b, portfolio.INVENTORY_COLUMNS)
    _same(e, f, portfolio.ENERGY_COLUMNS)
    assert len(a) == 4 * 1 and a["co2e_t"].gt(0).all()


# -- one plant and one year equals from_records ----------------------------------------


@pytest.mark.parametrize("regime", [None, "fujian_ets"])
def test_single_plant_year_equals_from_records(regime):
    plants = _plants(1)
    records = _records(plants, hours=24 * 60, start="2023-02-01")
    table = _quiet(portfolio.inventory, records, plants=plants, regime=regime)
    assert table[["plant_id", "year"]].values.tolist() == [["P00", 2023]]
    rows = records.assign(region="Fujian", year=2023)[
        ["carrier", "amount", "unit", "region", "year"]
    ]
    ref = _quiet(inventory_module.from_records, rows, regime=regime)
    scopes = ref.by_scope().set_index("scope")["co2e_t"]
    got = table.iloc[0]
    assert got["co2e_t"] == pytest.approx(ref.total.m_as("tCO2e"), rel=1e-9)
    for gas in ("co2_t", "ch4_t", "n2o_t"):
        assert got[gas] == pytest.approx(ref.activities[gas].sum(), rel=1e-9, abs=1e-12)
    assert got["scope_1_tco2e"] == pytest.approx(scopes["scope_1"], rel=1e-9)
    assert got["scope_2_location_tco2e"] == pytest.approx(scopes["scope_2_location"], rel=1e-9)
    assert got["scope_2_market_tco2e"] == pytest.approx(scopes["scope_2_market"], rel=1e-9)
    assert set(table.warnings) == set(ref.warnings)
    tce = _quiet(portfolio.energy, records, plants=plants).iloc[0]["tce"]
    assert tce == pytest.approx(
        _quiet(energy_module.from_records, rows).total.m_as("tce"), rel=1e-9
    )


# -- time zones, periods ---------------------------------------------------------------


def test_reading_in_plant_time_zone():
    plants = pd.DataFrame(
        {
            "plant_id": ["SH", "UTC"],
            "region": "Fujian",
            "sector": "x",
            "timezone": ["Asia/Shanghai", "UTC"],
        }
    )
    records = pd.DataFrame(
        {
            "plant_id": ["SH", "UTC"],
            "timestamp": ["2024-12-31T20:00Z", "2024-12-31T20:00Z"],
            "carrier": "natural_gas",
            "amount": 100.0,
            "unit": "m^3",
        }
    )
    table = _quiet(portfolio.inventory, records, plants=plants, by=("plant_id", "month"))
    assert table[["plant_id", "month"]].values.tolist() == [["SH", "2025-01"], ["UTC", "2024-12"]]
    # without a zone, a timestamp is the plant's local time
    naive = records.assign(timestamp=["2024-12-31 20:00", "2024-12-31 20:00"])
    table = _quiet(portfolio.inventory, naive, plants=plants, by=("plant_id", "year"))
    assert table["year"].tolist() == [2024, 2024]


def test_periods_and_a_period_longer_than_the_grouping():
    plants = _plants(1)
    records = pd.DataFrame(
        {
            "plant_id": "P00",
            "period": ["2023-01", "2023-02", "2023-04"],
            "carrier": "electricity",
            "amount": 1e5,
            "unit": "kWh",
        }
    )
    table = _quiet(portfolio.energy, records, plants=plants, by=("plant_id", "quarter"))
    assert table["quarter"].tolist() == ["2023Q1", "2023Q2"]
    gaps = table.checks.gaps
    assert gaps[["series", "missing", "interval"]].values.tolist() == [
        ["electricity", 1, "1 months"]
    ]
    yearly = records.assign(period="2023")
    with pytest.raises(InputError, match="longer than the grouping") as exc:
        _quiet(portfolio.energy, yearly, plants=plants, by=("plant_id", "month"), duplicates="keep")
    assert exc.value.field == "period"


# -- duplicates and gaps ---------------------------------------------------------------


def test_duplicates_raise_keep_or_drop_and_are_reported():
    plants = _plants(1)
    records = _records(plants, hours=48)
    twice = pd.concat([records, records.iloc[[0, 1]]], ignore_index=True)
    with pytest.raises(InputError, match="2 duplicate readings") as exc:
        _quiet(portfolio.inventory, twice, plants=plants)
    assert exc.value.field == "timestamp" and "records row" in str(exc.value)
    base = _quiet(portfolio.inventory, records, plants=plants)["co2e_t"].item()
    kept = _quiet(portfolio.inventory, twice, plants=plants, duplicates="keep")
    dropped = _quiet(portfolio.inventory, twice, plants=plants, duplicates="drop")
    extra = _quiet(portfolio.inventory, records.iloc[[0, 1]], plants=plants)["co2e_t"].item()
    assert kept["co2e_t"].item() == pytest.approx(base + extra, rel=1e-9)
    assert dropped["co2e_t"].item() == pytest.approx(base, rel=1e-9)
    for table in (kept, dropped):
        dups = table.checks.duplicates
        assert dups[["plant_id", "copies"]].values.tolist() == [["P00", 2], ["P00", 2]]
        assert any("duplicated" in w for w in table.warnings)


def test_gaps_reported_never_filled():
    plants = _plants(1)
    records = _records(plants, hours=100)
    holes = records.drop(index=[10, 11, 12, 50, 51]).reset_index(drop=True)  # electricity
    table = _quiet(portfolio.inventory, holes, plants=plants)
    gaps = table.checks.gaps
    assert gaps[["series", "expected", "missing", "status"]].values.tolist() == [
        ["electricity", 100, 5, "gaps"]
    ]
    assert gaps["interval"].item() == pd.Timedelta("1h")
    assert len(table.checks.coverage) == 3
    assert any("gaps" in w for w in table.warnings)
    alone = _quiet(portfolio.inventory, records.drop(index=[10, 11, 12, 50, 51]), plants=plants)
    assert table["co2e_t"].item() == pytest.approx(alone["co2e_t"].item(), rel=1e-12)


# -- bad input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field", "text"),
    [
        (lambda r: r.drop(columns="unit"), "unit", "missing unit"),
        (lambda r: r.drop(columns="timestamp"), "timestamp", "timestamp or period"),
        (lambda r: r.assign(amount=r["amount"].where(r.index != 7, -1.0)), "amount", "row 7"),
        (lambda r: r.assign(plant_id=r["plant_id"].where(r.index != 3, "ZZ")), "plant_id", "'ZZ'"),
        (
            lambda r: r.assign(timestamp=r["timestamp"].astype(str).where(r.index != 2, "soon")),
            "timestamp",
            "row 2",
        ),  # fmt: skip
        (
            lambda r: r.assign(carrier=r["carrier"].where(r.index != 4, "unobtainium")),
            "carrier",
            "row",
        ),  # fmt: skip
        (lambda r: r.assign(unit=r["unit"].where(r.index != 5, "kg")), "unit", "row"),
    ],
)
def test_bad_records_name_column_and_row(change, field, text):
    plants = _plants(1)
    records = change(_records(plants, hours=10))
    with pytest.raises(InputError) as exc:
        _quiet(portfolio.inventory, records, plants=plants)
    assert exc.value.field == field
    assert text in str(exc.value)


def test_bad_registry_and_options():
    records = _records(_plants(1), hours=3)
    bad_zone = _plants(1).assign(timezone="Mars/Olympus")
    with pytest.raises(InputError, match="time zone") as exc:
        portfolio.inventory(records, plants=bad_zone)
    assert exc.value.field == "timezone"
    twice = pd.concat([_plants(1), _plants(1)])
    with pytest.raises(InputError, match="more than once"):
        portfolio.inventory(records, plants=twice)
    with pytest.raises(InputError, match="missing region"):
        portfolio.inventory(records, plants=_plants(1).drop(columns="region"))
    with pytest.raises(InputError, match="by must be") as exc:
        portfolio.inventory(records, plants=_plants(1), by=("plant_id", "week"))
    assert exc.value.field == "by"
    with pytest.raises(InputError, match="unknown option"):
        portfolio.inventory(records, plants=_plants(1), basis="equal_value")
    with pytest.raises(InputError, match="duplicates must be"):
        portfolio.energy(records, plants=_plants(1), duplicates="sum")


def test_dask_error_names_partition():
    plants = _plants(1)
    records = _records(plants, hours=40)
    records.loc[len(records) - 1, "amount"] = np.nan
    with pytest.raises(InputError, match="partition 3") as exc:
        _quiet(portfolio.inventory, dd.from_pandas(records, npartitions=4), plants=plants)
    assert exc.value.field == "amount"


def test_without_the_extra_the_pandas_path_works(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "dask.dataframe", None)
    monkeypatch.setitem(sys.modules, "distributed", None)
    plants = _plants(1)
    records = _records(plants, hours=5)
    assert len(_quiet(portfolio.inventory, records, plants=plants)) == 1
    with pytest.raises(portfolio.MissingExtra, match=r"greenchain\[dask\]"):
        portfolio.inventory(records, plants=plants, scheduler="tcp://127.0.0.1:1")
    with pytest.raises(ImportError, match=r"greenchain\[dask\]"):
        portfolio.read_records("x.parquet", engine="dask")


# -- readers ---------------------------------------------------------------------------


def test_parquet_and_csv_readers_both_engines(tmp_path):
    plants = _plants(2)
    records = _records(plants, hours=30)
    records.to_parquet(tmp_path / "r.parquet")
    records.assign(timestamp=records["timestamp"].dt.strftime("%Y-%m-%dT%H:%MZ")).to_csv(
        tmp_path / "r.csv", index=False
    )
    plants.to_csv(tmp_path / "plants.csv", index=False)
    reg = portfolio.read_plants(tmp_path / "plants.csv")
    assert reg["timezone"].tolist() == ["Asia/Shanghai"] * 2
    ref = _quiet(portfolio.inventory, records, plants=plants, by="plant_id,month")
    for name in ("r.parquet", "r.csv"):
        for engine in ("pandas", "dask"):
            frame = portfolio.read_records(tmp_path / name, engine=engine)
            got = _quiet(portfolio.inventory, frame, plants=reg, by="plant_id,month")
            _same(ref, got, portfolio.INVENTORY_COLUMNS)
    with pytest.raises(InputError, match="missing carrier"):
        records.drop(columns="carrier").to_csv(tmp_path / "bad.csv", index=False)
        portfolio.read_records(tmp_path / "bad.csv")
    with pytest.raises(InputError, match="parquet"):
        portfolio.read_records(tmp_path / "r.txt")


def test_short_name():
    assert gc.portfolio.inventory is portfolio.inventory


# -- property: months add up to the year ------------------------------------------------


@settings(max_examples=25)
@given(
    amounts=st.lists(st.floats(0, 1e6, allow_nan=False), min_size=1, max_size=40),
    offsets=st.lists(st.integers(0, 365 * 24 - 1), min_size=1, max_size=40, unique=True),
)
def test_months_sum_to_the_year(amounts, offsets):
    n = min(len(amounts), len(offsets))
    plants = _plants(1)
    ts = pd.Timestamp("2023-01-01") + pd.to_timedelta(np.asarray(offsets[:n]), unit="h")
    records = pd.DataFrame(
        {
            "plant_id": "P00",
            "timestamp": ts,
            "carrier": "electricity",
            "amount": amounts[:n],
            "unit": "kWh",
        }
    )
    months = _quiet(portfolio.inventory, records, plants=plants, by=("plant_id", "month"))
    year = _quiet(portfolio.inventory, records, plants=plants, by=("plant_id", "year"))
    assert months["co2e_t"].sum() == pytest.approx(year["co2e_t"].sum(), rel=1e-9, abs=1e-9)
    tce_m = _quiet(portfolio.energy, records, plants=plants, by="month")["tce"].sum()
    tce_y = _quiet(portfolio.energy, records, plants=plants, by="year")["tce"].sum()
    assert tce_m == pytest.approx(tce_y, rel=1e-9, abs=1e-9)
