"""The portfolio report (issue #21): league table, flagged plants, budgets, savings, formats."""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
import pytest

from greenchain.decisions.portfolio import baseline_model, budget_status, rank, verified_savings
from greenchain.errors import InputError
from greenchain.interface.cli import main
from greenchain.interface.portfolio_report import build_portfolio_report, write_portfolio_report

SECTORS = (("ceramics", "m^2", "natural_gas", "m^3"), ("dyeing", "hundred_metre", "steam", "GJ"))


def _synthetic() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Five plants per sector, 24 months; plant 4 of each sector is the least efficient."""
    rng = np.random.default_rng(7)
    plants, records, production = [], [], []
    for sector, unit, fuel, fuel_unit in SECTORS:
        for i in range(5):
            pid = f"{sector[:3].upper()}-{i}"
            plants.append({"plant_id": pid, "region": "Fujian", "sector": sector})
            for month in pd.period_range("2023-01", "2024-12", freq="M"):
                out = 10_000 * rng.uniform(0.9, 1.1)
                per_unit = 1.0 + 0.05 * i
                records.append(
                    {
                        "plant_id": pid,
                        "period": str(month),
                        "carrier": fuel,
                        "amount": 2.0 * per_unit * out,
                        "unit": fuel_unit,
                    }
                )
                records.append(
                    {
                        "plant_id": pid,
                        "period": str(month),
                        "carrier": "electricity",
                        "amount": 0.5 * per_unit * out,
                        "unit": "kWh",
                    }
                )
                production.append(
                    {
                        "plant_id": pid,
                        "month": str(month),
                        "product": "p",
                        "amount": out,
                        "unit": unit,
                    }
                )
    return pd.DataFrame(plants), pd.DataFrame(records), pd.DataFrame(production)


@pytest.fixture(scope="module")
def tables():
    import greenchain as gc

    plants, records, production = _synthetic()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        by = ("plant_id", "sector", "region", "month")
        energy = gc.portfolio.energy(records, plants=plants, by=by)
        carbon = gc.portfolio.inventory(records, plants=plants, by=by)
    monthly = energy.merge(carbon[["plant_id", "month", "co2e_t"]], on=["plant_id", "month"])
    monthly = pd.DataFrame(monthly)
    yearly = (
        monthly.assign(year=monthly["month"].astype(str).str[:4].astype(int))
        .groupby(["plant_id", "sector", "region", "year"], as_index=False)[["tce", "co2e_t"]]
        .sum()
    )
    made = production.assign(year=production["month"].str[:4].astype(int)).drop(columns="month")
    league = rank(yearly, production=made, metric="kgce_per_unit", bottom_share=0.2)
    budgets = yearly[yearly["year"] == 2023].assign(
        year=2024, tce_budget=lambda t: 0.97 * t["tce"], co2e_t_budget=lambda t: 0.97 * t["co2e_t"]
    )[["plant_id", "year", "tce_budget", "co2e_t_budget"]]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        status = budget_status(monthly, budgets, as_of="2024-09")
    return {
        "plants": plants,
        "records": records,
        "production": production,
        "monthly": monthly,
        "league": league,
        "budgets": budgets,
        "status": status,
    }


def test_league_table_flags_the_least_efficient_plant(tables):
    report = build_portfolio_report(tables["league"], charts=False)
    keys = [s.key for s in report.sections]
    assert keys == ["summary", "league", "flagged", "warnings"]
    flagged = dict(report.sections[2].blocks)["table"][1]
    assert sorted(flagged["plant_id"]) == ["CER-4", "DYE-4"]  # 0.2 x 5 plants: one each
    league = dict(report.sections[1].blocks)["table"][1]
    assert len(league) == 10
    assert set(league["bottom"]) == {"✓", ""}


def test_budgets_and_savings_sections(tables):
    monthly = tables["monthly"]
    production = tables["production"]
    cer = monthly[monthly["plant_id"] == "CER-0"].merge(
        production[["plant_id", "month", "amount"]], on=["plant_id", "month"]
    )
    cer = cer.rename(columns={"amount": "production"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = baseline_model(cer[cer["month"] < "2024-01"], energy="tce", drivers=("production",))
        saving = verified_savings(model, cer[cer["month"] >= "2024-01"])
    report = build_portfolio_report(
        tables["league"], budgets=tables["status"], savings=saving, charts=False
    )
    keys = [s.key for s in report.sections]
    assert keys == ["summary", "league", "flagged", "budgets", "savings", "warnings"]
    cards = dict((k, v) for k, v in report.sections[0].blocks[0][1])
    assert cards["Plants projected over budget"] == int(tables["status"]["flagged"].sum())
    # the plant's energy follows its output exactly: no saving, within numerical noise
    assert abs(float(saving["savings"].iloc[0])) < 1e-6 * float(saving["actual"].iloc[0])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_formats_render_without_raw_values(tables, tmp_path, lang):
    for suffix in ("html", "md", "docx"):
        path = write_portfolio_report(
            tables["league"], tmp_path / f"p.{suffix}", budgets=tables["status"], lang=lang
        )
        assert path.exists() and path.stat().st_size > 0
    html = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert html.count("<svg") == 2  # distribution and trends
    body = re.sub(r"<svg.*?</svg>", "", html, flags=re.S)
    assert "None" not in body and "NaN" not in body and "True" not in body
    assert "CER-4" in body
    if lang == "zh":
        assert "排名表" in body and "建筑陶瓷" in body and "预计超预算" in body
        assert "ceramics" not in body and "plant_id" not in body
    import docx

    document = docx.Document(str(tmp_path / "p.docx"))
    assert len(document.tables) >= 3


def test_bad_league_and_format(tables, tmp_path):
    with pytest.raises(InputError) as err:
        build_portfolio_report(pd.DataFrame({"plant_id": ["A"]}), charts=False)
    assert err.value.field == "league"
    with pytest.raises(InputError) as err:
        write_portfolio_report(tables["league"], tmp_path / "p.txt")
    assert err.value.field == "format"


def test_cli_report(tables, tmp_path, capsys):
    records = tmp_path / "records.csv"
    plants = tmp_path / "plants.csv"
    production = tmp_path / "production.csv"
    budgets = tmp_path / "budgets.csv"
    tables["records"].to_csv(records, index=False)
    tables["plants"].to_csv(plants, index=False)
    tables["production"].to_csv(production, index=False)
    tables["budgets"].to_csv(budgets, index=False)
    out = tmp_path / "bureau.html"
    args = [
        "portfolio",
        str(records),
        "--plants",
        str(plants),
        "--engine",
        "pandas",
        "--report",
        str(out),
        "--production",
        str(production),
        "--budgets",
        str(budgets),
        "--as-of",
        "2024-09",
        "--bottom-share",
        "0.2",
        "--lang",
        "zh",
    ]
    assert main(args) == 0
    html = out.read_text(encoding="utf-8")
    assert "CER-4" in html and "DYE-4" in html and "能耗与碳排放预算" in html
    assert main(args[:6] + ["--report", str(tmp_path / "r.html")]) == 0  # ranked on tce
    assert main(args[:6] + ["--budgets", str(budgets)]) == 2  # needs --as-of and an output
    assert "greenchain: error" in capsys.readouterr().err
