"""The inventory result and its summaries (by category, scope, gas)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pint

from greenchain.accounting.inventory._table import (
    CATEGORIES,
    GASES,
    gwp_value,
)
from greenchain.accounting.inventory.monte_carlo import inventory_monte_carlo
from greenchain.accounting.uncertainty import MonteCarloResult
from greenchain.data import factors
from greenchain.errors import Caveat, InputError
from greenchain.units import Q_

__all__ = ["InventoryResult"]


@dataclass
class InventoryResult:
    """A plant or portfolio inventory with its audit trail.

    ``activities`` holds one row per input row with the emission of each gas
    [t], the CO2e [t] (location-based and market-based), the category, scope and
    the factors used; the summary methods aggregate it.
    """

    activities: pd.DataFrame
    factors_used: list[factors.Factor]
    warnings: list[str]
    options: dict[str, Any]
    group_columns: list[str] = field(default_factory=list)
    #: the caveats behind ``warnings``, with their category and field
    caveats: list[Caveat] = field(default_factory=list)

    @property
    def total(self) -> pint.Quantity:
        """Total emissions [tCO2e] (GB/T 32150: combustion + process + purchased − exported)."""
        return Q_(float(self.activities["co2e_t"].sum()), "tCO2e")

    def by_category(self) -> pd.DataFrame:
        """Emissions by GB/T 32150 category [t]; rows sum to :attr:`total`."""
        a = self.activities
        out = a.groupby("category", observed=True)[["co2_t", "ch4_t", "n2o_t", "co2e_t"]].sum()
        out = out.reindex([c for c in CATEGORIES if c in set(out.index)])
        return out.reset_index()

    def by_scope(self) -> pd.DataFrame:
        """Scope 1, scope 2 location-based and scope 2 market-based [tCO2e].

        Exported energy is not a scope (GHG Protocol); it is shown on its own row so that
        scope 1 + scope 2 (location) − exported = total.
        """
        a = self.activities
        s1 = a.loc[a["scope"] == "scope_1", "co2e_t"].sum()
        s2 = a.loc[a["scope"] == "scope_2", "co2e_t"].sum()
        s2m = a.loc[a["scope"] == "scope_2", "co2e_market_t"].sum()
        exported = a.loc[a["category"] == "exported_energy", "co2e_t"].sum()
        return pd.DataFrame(
            {
                "scope": ["scope_1", "scope_2_location", "scope_2_market", "exported_energy"],
                "co2e_t": [float(s1), float(s2), float(s2m), float(exported)],
            }
        )

    def by_gas(self) -> pd.DataFrame:
        """Mass of each gas [t], its GWP and CO2e [t]."""
        ar = self.options["gwp"]
        rows = []
        for gas in GASES:
            mass = float(self.activities[f"{gas.lower()}_t"].sum())
            g = 1.0 if gas == "CO2" else gwp_value(gas, ar)
            rows.append({"gas": gas, "mass_t": mass, "gwp": g, "co2e_t": mass * g})
        others = self.activities[self.activities["other_t"] > 0]
        for gas, group in others.groupby("other_gas"):
            mass = float(group["other_t"].sum())
            g = gwp_value(str(gas), ar)
            rows.append({"gas": str(gas), "mass_t": mass, "gwp": g, "co2e_t": mass * g})
        return pd.DataFrame(rows)

    def by(self, column: str) -> pd.DataFrame:
        """Emissions [tCO2e] by any grouping column (``plant_id``, ``period``, ``use`` ...)
        and category.

        Parameters
        ----------
        column : str
            A column of :attr:`activities`, e.g. one of :attr:`group_columns`.

        Returns
        -------
        pandas.DataFrame
            One row per value of ``column``, one column per category present and
            ``total`` [tCO2e].

        Examples
        --------
        >>> import greenchain as gc
        >>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
        >>> table = plant.inventory().by("use")
        >>> round(table.loc[table["use"] == "kiln", "total"].item())
        23808
        """
        if column not in self.activities.columns:
            raise InputError(
                f"no column {column!r}; available: {self.group_columns}", field="column"
            )
        table = self.activities.pivot_table(
            index=column,
            columns="category",
            values="co2e_t",
            aggfunc="sum",
            fill_value=0.0,
            observed=True,
        )
        table["total"] = table.sum(axis=1)
        return table.reset_index()

    @property
    def records(self) -> pd.DataFrame:
        """The audit trail: one row per activity × gas with the factors behind it."""
        a = self.activities
        keep = [
            c for c in a.columns if (not c.endswith("_t") or c == "co2e_t") and c != "other_gas"
        ]
        frames = []
        for gas in GASES:
            mass = a[f"{gas.lower()}_t"]
            sel = mass != 0
            if gas != "CO2" and not sel.any():
                continue
            part = a.loc[sel, [c for c in keep if c != "co2e_t"]].copy()
            part.insert(0, "activity", a.index[sel])
            part["gas"] = gas
            part["mass_t"] = mass[sel].to_numpy()
            g = 1.0 if gas == "CO2" else gwp_value(gas, self.options["gwp"])
            part["gwp"] = g
            part["co2e_t"] = part["mass_t"] * g
            frames.append(part)
        others = a[a["other_t"] > 0]
        if len(others):
            part = others[[c for c in keep if c != "co2e_t"]].copy()
            part.insert(0, "activity", others.index)
            part["gas"] = others["other_gas"].to_numpy()
            part["mass_t"] = others["other_t"].to_numpy()
            part["gwp"] = [gwp_value(str(gas), self.options["gwp"]) for gas in part["gas"]]
            part["co2e_t"] = others["co2e_t"].to_numpy()
            frames.append(part)
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    def monte_carlo(self, plant: Any = None, n: int = 10_000, seed: Any = None) -> MonteCarloResult:
        """Monte Carlo of the inventory total: factor uncertainties from the database and
        activity uncertainties from the plant file's ``energy[].uncertainty``.

        See :func:`greenchain.accounting.inventory.inventory_monte_carlo`.

        Parameters
        ----------
        plant : PlantData or Plant, optional
            The plant whose ``energy[].uncertainty`` describes the activity data.
        n : int, default 10000
            Number of draws.
        seed : int, numpy.random.Generator or None
            Same seed, same inputs -> identical samples.
        """
        return inventory_monte_carlo(self, plant, n=n, seed=seed)

    def factor_table(self) -> pd.DataFrame:
        """Every factor used, with its dataset, table, status and source id."""
        rows = {(f.key, f.dataset, f.region, f.year, f.basis): f for f in self.factors_used}
        return pd.DataFrame(
            [
                {
                    "key": f.key,
                    "value": f.value,
                    "unit": f.unit,
                    "dataset": f.dataset,
                    "source_ref": f.source_ref,
                    "region": f.region,
                    "year": f.year,
                    "basis": f.basis,
                    "status": f.status,
                    "source_id": f.source_id,
                    "origin": f.origin,
                }
                for f in rows.values()
            ]
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable summary."""
        return {
            "total_tco2e": self.total.magnitude,
            "by_category": {
                r["category"]: r["co2e_t"] for r in self.by_category().to_dict("records")
            },
            "by_scope": {r["scope"]: r["co2e_t"] for r in self.by_scope().to_dict("records")},
            "by_gas": {
                r["gas"]: {"mass_t": r["mass_t"], "gwp": r["gwp"], "co2e_t": r["co2e_t"]}
                for r in self.by_gas().to_dict("records")
            },
            "options": dict(self.options),
            "unverified_factors": sorted(
                {f"{f.key} ({f.dataset})" for f in self.factors_used if f.status == "unverified"}
            ),
            "warnings": list(self.warnings),
        }
