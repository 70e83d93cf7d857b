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

from greenchain.accounting.inventory._table import CATEGORIES, EXPLICIT_GAS, SPECIAL_CARRIERS
from greenchain.accounting.inventory.monte_carlo import inventory_monte_carlo
from greenchain.accounting.inventory.process import process_emissions
from greenchain.accounting.inventory.result import InventoryResult
from greenchain.accounting.inventory.valuation import from_records
from greenchain.accounting.records import plant_records
from greenchain.data.plant_file import PlantData

__all__ = [
    "from_records",
    "plant_inventory",
    "process_emissions",
    "inventory_monte_carlo",
    "InventoryResult",
    "CATEGORIES",
    "SPECIAL_CARRIERS",
    "EXPLICIT_GAS",
]


def plant_inventory(data: PlantData, source: str | None = None, **options: Any) -> InventoryResult:
    """GHG inventory of a plant file: its energy, exports and process emissions.

    Parameters
    ----------
    data : PlantData
        Validated plant data.
    source : str, optional
        The plant file's name, named in messages.
    **options
        As :func:`from_records` (``gwp``, ``grid_basis``, ``grid_year``, ...).

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
    process = process_emissions(
        data.process_emissions, gwp=options.get("gwp", "AR6"), source=source
    )
    return from_records(plant_records(data, source), source=source, process=process, **options)
