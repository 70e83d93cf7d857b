"""Organisational GHG inventory: GB/T 32150 categories and GHG Protocol scopes.

:func:`from_records` takes a table of activity rows (one row per meter reading,
invoice or month) and returns an :class:`InventoryResult`. It is vectorised: rows
are grouped by carrier, unit, region and year, each group is converted once and
handed to the methods of :mod:`greenchain.accounting.emissions` as arrays, so a million rows
take seconds, not hours. ``Plant.inventory()`` builds the records from a plant
file and calls it.

Categories (GB/T 32150-2015 §7 / -2025 §7.5): ``fuel_combustion``,
``industrial_process``, ``purchased_electricity``, ``purchased_heat`` and
``exported_energy`` (deducted). Scopes (GHG Protocol): ``scope_1`` (combustion
and process), ``scope_2`` location-based and market-based.

Examples
--------
>>> import pandas as pd
>>> records = pd.DataFrame({"carrier": ["natural_gas", "electricity"],
...                         "amount": [4e6, 2.5e7], "unit": ["m^3", "kWh"],
...                         "region": "Fujian", "year": 2023})
>>> result = from_records(records, non_co2=False)
>>> round(result.total.m_as("tCO2e"), 1)
19176.3
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from greenchain.accounting.inventory._table import CATEGORIES, EXPLICIT_GAS, SPECIAL_CARRIERS
from greenchain.accounting.inventory.monte_carlo import inventory_monte_carlo
from greenchain.accounting.inventory.process import process_emissions
from greenchain.accounting.inventory.regime import resolve_regime
from greenchain.accounting.inventory.result import InventoryResult
from greenchain.accounting.inventory.valuation import from_records
from greenchain.accounting.records import plant_records
from greenchain.data.plant_file import PlantData
from greenchain.data.vocabulary import REGIMES
from greenchain.errors import collect_caveats

__all__ = [
    "from_records",
    "plant_inventory",
    "process_emissions",
    "inventory_monte_carlo",
    "InventoryResult",
    "CATEGORIES",
    "SPECIAL_CARRIERS",
    "EXPLICIT_GAS",
    "compare_regimes",
    "regimes_markdown",
]


def plant_inventory(
    data: PlantData,
    source: str | None = None,
    *,
    records: pd.DataFrame | None = None,
    **options: Any,
) -> InventoryResult:
    """GHG inventory of a plant file: its energy, exports and process emissions.

    Parameters
    ----------
    data : PlantData
        Validated plant data.
    source : str, optional
        The plant file's name, named in messages.
    records : pandas.DataFrame, optional
        The plant's activity records when already built (default
        :func:`~greenchain.accounting.records.plant_records` of ``data``).
    **options
        As :func:`from_records` (``regime``, ``gwp``, ``grid_basis``, ``grid_year``, ...).

    Returns
    -------
    InventoryResult

    Examples
    --------
    >>> import warnings
    >>> import greenchain as gc
    >>> data = gc.load_plant(gc.example_path("dyeing_mill.yaml")).data
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     round(plant_inventory(data).total.m_as("tCO2e"))
    41856
    """
    with collect_caveats():  # the inventory reports the regime's caveats once
        gwp = resolve_regime(options.get("regime"), {"gwp": options.get("gwp")}).gwp
    process = process_emissions(data.process_emissions, gwp=gwp, source=source)
    if records is None:
        records = plant_records(data, source)
    return from_records(records, source=source, process=process, **options)


_BOUNDARY_LABELS = {
    "fuel_combustion": "fuel combustion",
    "carbonate_decomposition": "process CO2",
    "wastewater_ch4": "wastewater CH4",
    "refrigerant_leakage": "refrigerants",
    "process_fgases": "process F-gases",
    "purchased_electricity": "electricity",
    "purchased_heat": "purchased heat",
}


def _differences(options: dict[str, Any], reference: dict[str, Any]) -> str:
    """What a regime's options change against the reference regime's, in words."""
    out = []
    if options["gases"] != reference["gases"]:
        out.append("gases " + ", ".join(options["gases"]))
    if options["gwp"] != reference["gwp"]:
        out.append(f"GWP {options['gwp']}")
    if options["non_co2"] != reference["non_co2"]:
        out.append("combustion CH4/N2O " + ("counted" if options["non_co2"] else "left out"))
    if options["grid_basis"] != reference["grid_basis"]:
        out.append(f"grid basis {options['grid_basis']}")
    left_out = [_BOUNDARY_LABELS[k] for k, v in options["boundary"].items() if not v]
    if left_out:
        out.append("outside the boundary: " + ", ".join(left_out))
    for key, label in (
        ("exports", "exports"),
        ("certificates", "certificates"),
        ("market_remainder", "market-based remainder"),
    ):
        if options[key] != reference[key]:
            out.append(f"{label} {options[key].replace('_', ' ')}")
    return "; ".join(out) or "the reference"


def compare_regimes(
    data: PlantData,
    source: str | None = None,
    regimes: tuple[str, ...] = REGIMES,
    **options: Any,
) -> pd.DataFrame:
    """The same plant under several reporting regimes, side by side.

    Parameters
    ----------
    data : PlantData
        Validated plant data.
    source : str, optional
        The plant file's name, named in messages.
    regimes : tuple of str, default REGIMES
        Regime names or files; the first is the reference the others are compared with.
    **options
        Passed to every :func:`plant_inventory` call (they override each regime's choice).

    Returns
    -------
    pandas.DataFrame
        One row per regime: ``total_tco2e``, ``scope_1_tco2e``, ``scope_2_location_tco2e``,
        ``scope_2_market_tco2e``, ``excluded_tco2e`` (outside the regime's boundary),
        ``change_pct`` (total against the first regime) and ``differs`` (the choices that
        differ from the first regime's, in words). The caveats of each run are collected,
        not issued.

    Examples
    --------
    >>> import greenchain as gc
    >>> data = gc.load_plant(gc.example_path("tile_plant.yaml")).data
    >>> table = compare_regimes(data, regimes=("gbt32150", "fujian_ets"))
    >>> print(table[["regime", "total_tco2e"]].round(1).to_string(index=False))
        regime  total_tco2e
      gbt32150      52754.0
    fujian_ets      54510.5
    """
    rows = []
    reference: dict[str, Any] | None = None
    for name in regimes:
        with collect_caveats():
            result = plant_inventory(data, source, regime=name, **options)
        scopes = result.by_scope().set_index("scope")["co2e_t"]
        opts = result.options
        reference = reference or opts
        rows.append(
            {
                "regime": opts["regime"],
                "total_tco2e": result.total.m_as("tCO2e"),
                "scope_1_tco2e": float(scopes["scope_1"]),
                "scope_2_location_tco2e": float(scopes["scope_2_location"]),
                "scope_2_market_tco2e": float(scopes["scope_2_market"]),
                "excluded_tco2e": float(sum(opts["excluded"].values())),
                "differs": _differences(opts, reference),
            }
        )
    table = pd.DataFrame(rows)
    base = table["total_tco2e"].iloc[0]
    table.insert(2, "change_pct", (table["total_tco2e"] / base - 1.0) * 100.0)
    return table


def regimes_markdown(table: pd.DataFrame) -> str:
    """A :func:`compare_regimes` table as a Markdown table (tCO2e to 0.1 t, change to 0.01 %).

    Parameters
    ----------
    table : pandas.DataFrame
        As returned by :func:`compare_regimes`.

    Returns
    -------
    str
        The Markdown table, one line per regime.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"regime": ["a"], "total_tco2e": [1.0], "change_pct": [0.0],
    ...     "scope_1_tco2e": [1.0], "scope_2_location_tco2e": [0.0],
    ...     "scope_2_market_tco2e": [0.0], "excluded_tco2e": [0.0], "differs": ["-"]})
    >>> print(regimes_markdown(t).splitlines()[2])
    | `a` | 1.0 | +0.00 % | 1.0 | 0.0 | 0.0 | 0.0 | - |
    """
    lines = [
        "| Regime | Total [tCO2e] | Change | Scope 1 [tCO2e] | Scope 2 location [tCO2e] "
        "| Scope 2 market [tCO2e] | Outside the boundary [tCO2e] | What differs |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in table.to_dict("records"):
        lines.append(
            f"| `{r['regime']}` | {r['total_tco2e']:,.1f} | {r['change_pct']:+.2f} % "
            f"| {r['scope_1_tco2e']:,.1f} | {r['scope_2_location_tco2e']:,.1f} "
            f"| {r['scope_2_market_tco2e']:,.1f} | {r['excluded_tco2e']:,.1f} | {r['differs']} |"
        )
    return "\n".join(lines)
