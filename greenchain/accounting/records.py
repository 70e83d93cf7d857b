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

__all__ = ["plant_records", "OPTIONAL_COLUMNS"]

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
    p = data.plant
    # built column by column: a DataFrame from 100,000 row dicts costs seconds
    columns: dict[str, list[Any]] = {name: [] for name in _COLUMNS}
    sections: list[tuple[str, list[Any]]] = [
        ("energy", list(data.energy)),
        ("exports", list(data.exports)),
    ]
    for section, entries in sections:
        for i, e in enumerate(entries):
            path = f"{section}[{i}]"
            if not isinstance(e.amount, pint.Quantity):
                raise InputError(
                    "give the amount with a unit, e.g. '1200 t' or '350000 kWh'",
                    field=f"{path}.amount",
                    source=source,
                )
            measured = getattr(e, "measured", None)
            row = (
                e.carrier,
                float(e.amount.magnitude),
                _unit_text(e.amount.units),
                p.region,
                p.year,
                "export" if section == "exports" else "import",
                getattr(e, "use", None),
                getattr(e, "product", None),
                getattr(e, "supply", "grid"),
                getattr(e, "dataset", None),
                _ncv(measured, e),
                _magnitude(measured.carbon_content, "tC/GJ") if measured else None,
                measured.oxidation_rate if measured else None,
                _magnitude(e.enthalpy, "kJ/kg"),
                _magnitude(e.temperature, "degC"),
                path,
                _factor_text(getattr(e, "factor", None)),
                getattr(e, "factor_status", None),
            )
            for name, value in zip(_COLUMNS, row, strict=True):
                columns[name].append(value)
    records = pd.DataFrame(columns) if columns["carrier"] else pd.DataFrame([])
    if keep_empty:
        return records
    empty = [c for c in OPTIONAL_COLUMNS if c in records.columns and records[c].isna().all()]
    return records.drop(columns=empty)


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
