"""Activity records from a plant file: one row per energy or export entry.

The plant file (:class:`~greenchain.data.plant_file.PlantData`) lists energy bought,
made and exported; the accounting functions (:func:`greenchain.inventory.from_records`,
:func:`greenchain.energy.from_records`) work on a table of activity records. This module
is the one place that turns the first into the second.

Examples
--------
>>> import greenchain as gc
>>> data = gc.load_plant(gc.example_path("tile_plant.yaml")).data
>>> plant_records(data)[["carrier", "amount", "unit"]].head(2)
       carrier      amount    unit
0  natural_gas  11000000.0  m ** 3
1  natural_gas   6500000.0  m ** 3
"""

from __future__ import annotations

import functools
from typing import Any

import pandas as pd
import pint

from greenchain.accounting.emissions import DEFAULT_FUEL_DATASET, fuel_parameters
from greenchain.data.plant_file import PlantData
from greenchain.errors import InputError

__all__ = ["plant_records", "entry_records", "OPTIONAL_COLUMNS", "NO_ENERGY"]

#: The caveat of a plant file without energy entries (its results are zero).
NO_ENERGY = "no energy[] entries: the plant's energy use and the emissions of energy are zero"

#: Record columns that are dropped when no row uses them (they would only clutter the
#: audit trail).
OPTIONAL_COLUMNS = ("dataset", "factor", "factor_status")


def plant_records(
    data: PlantData, source: str | None = None, *, keep_empty: bool = False
) -> pd.DataFrame:
    """The plant's energy and export entries as activity records (one row each).

    Parameters
    ----------
    data : PlantData
        Validated plant data.
    source : str, optional
        The plant file's name, named in error messages.
    keep_empty : bool, default False
        Keep the optional columns ``dataset``, ``factor`` and ``factor_status`` even
        when no row uses them.

    Returns
    -------
    pandas.DataFrame
        One row per ``energy[]`` and ``exports[]`` entry with ``carrier``, ``amount``,
        ``unit``, ``region``, ``year``, ``direction`` (``import``/``export``), ``use``,
        ``product``, ``supply``, measured fuel properties (``measured_ncv`` [GJ per
        unit of the fuel's basis], ``measured_carbon_content`` [tC/GJ],
        ``measured_oxidation_rate`` [-]), steam ``enthalpy`` [kJ/kg] and
        ``temperature`` [°C], an explicit ``factor`` and its status, and ``_path``,
        the entry's place in the file (``energy[3]``) for messages.

    Raises
    ------
    InputError
        An amount given without a unit.
    """
    # built column by column: a DataFrame from 100,000 row dicts costs seconds
    columns: dict[str, list[Any]] = {name: [] for name in _COLUMNS}
    _add_rows(columns, data, "energy", list(data.energy), 0, source)
    _add_rows(columns, data, "exports", list(data.exports), 0, source)
    records = pd.DataFrame(columns)  # no entries: the columns, no rows
    if keep_empty:
        return records
    empty = [c for c in OPTIONAL_COLUMNS if c in records.columns and records[c].isna().all()]
    return records.drop(columns=empty)


def entry_records(data: PlantData, entries: list[Any], start: int) -> pd.DataFrame:
    """Records of energy entries added to a plant's data, as ``energy[start]`` onwards.

    Parameters
    ----------
    data : PlantData
        The plant data the entries are added to (its region and year are used).
    entries : list of EnergyEntry
        The new entries.
    start : int
        Index of the first in ``energy[]``.

    Returns
    -------
    pandas.DataFrame
        The rows :func:`plant_records` would give the entries in that data, with every
        column (``keep_empty=True``).
    """
    columns: dict[str, list[Any]] = {name: [] for name in _COLUMNS}
    _add_rows(columns, data, "energy", entries, start, None)
    return pd.DataFrame(columns)


def _add_rows(
    columns: dict[str, list[Any]],
    data: PlantData,
    section: str,
    entries: list[Any],
    start: int,
    source: str | None,
) -> None:
    """Append the records of ``entries`` (``section[start + i]``) to ``columns``.

    Column by column (a comprehension per column is several times faster than a tuple
    per entry: 100,000 entries are read on every analysis).
    """
    for i, e in enumerate(entries, start):
        if not isinstance(e.amount, pint.Quantity):
            raise InputError(
                "give the amount with a unit, e.g. '1200 t' or '350000 kWh'",
                field=f"{section}[{i}].amount",
                source=source,
            )
    n = len(entries)
    p = data.plant
    exports = section == "exports"
    measured = [getattr(e, "measured", None) for e in entries]
    add = {
        "carrier": [e.carrier for e in entries],
        "amount": [float(e.amount.magnitude) for e in entries],
        "unit": [_unit_text(e.amount.units) for e in entries],
        "region": [p.region] * n,
        "year": [p.year] * n,
        "direction": ["export" if exports else "import"] * n,
        "use": [getattr(e, "use", None) for e in entries],
        "product": [getattr(e, "product", None) for e in entries],
        "supply": [getattr(e, "supply", "grid") for e in entries],
        "dataset": [getattr(e, "dataset", None) for e in entries],
        "measured_ncv": [_ncv(m, e) if m else None for m, e in zip(measured, entries, strict=True)],
        "measured_carbon_content": [
            _magnitude(m.carbon_content, "tC/GJ") if m else None for m in measured
        ],
        "measured_oxidation_rate": [m.oxidation_rate if m else None for m in measured],
        "enthalpy": [_magnitude(e.enthalpy, "kJ/kg") for e in entries],
        "temperature": [_magnitude(e.temperature, "degC") for e in entries],
        "_path": [f"{section}[{i}]" for i in range(start, start + n)],
        "factor": [_factor_text(getattr(e, "factor", None)) for e in entries],
        "factor_status": [getattr(e, "factor_status", None) for e in entries],
    }
    for name in _COLUMNS:
        columns[name].extend(add[name])


#: The columns of the records, in order.
_COLUMNS = (
    "carrier",
    "amount",
    "unit",
    "region",
    "year",
    "direction",
    "use",
    "product",
    "supply",
    "dataset",
    "measured_ncv",
    "measured_carbon_content",
    "measured_oxidation_rate",
    "enthalpy",
    "temperature",
    "_path",
    "factor",
    "factor_status",
)


@functools.lru_cache(maxsize=1024)
def _unit_text(units: Any) -> str:
    """A unit's short text (``MWh``), once per unit: pint formats it in ~0.2 ms."""
    return f"{units:~}"


def _magnitude(value: Any, unit: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, pint.Quantity):
        return float(value.m_as(unit))
    return float(value)


def _ncv(measured: Any, entry: Any) -> float | None:
    if measured is None or measured.ncv is None:
        return None
    basis = fuel_parameters(entry.carrier, entry.dataset or DEFAULT_FUEL_DATASET).basis_unit
    return _magnitude(measured.ncv, f"GJ/{basis}")


def _factor_text(value: Any) -> str | None:
    """An explicit factor as text for the records table (a key, or value and unit)."""
    if value is None:
        return None
    if isinstance(value, pint.Quantity):
        return f"{value.magnitude!r} {value.units}"
    return str(value)
