"""Plant inventory rows as product-footprint flows."""

from __future__ import annotations

from typing import Any

import pandas as pd

from greenchain.accounting.inventory import InventoryResult, from_records, process_emissions
from greenchain.accounting.product_footprint.system import ProductSystem
from greenchain.accounting.records import plant_records
from greenchain.accounting.uncertainty.terms import field_error
from greenchain.data.plant_file import PlantData
from greenchain.errors import collect_caveats, emit_caveats

__all__ = ["inventory_at_basis", "ActivityRows", "row_flow", "row_product"]


def inventory_at_basis(
    data: PlantData, source: str | None, basis: str, ar: str, year: int | None
) -> InventoryResult:
    """The plant inventory with electricity at ``basis`` (life-cycle: national factor).

    Parameters
    ----------
    data : PlantData
        Validated plant data.
    source : str, optional
        The plant file's name, for messages.
    basis : str
        Grid-factor basis (``lifecycle`` takes the national life-cycle factor).
    ar : str
        GWP set, e.g. ``AR6``.
    year : int, optional
        Electricity factor year (default: the plant year).

    Returns
    -------
    InventoryResult
        The energy, export and process-emission rows, with ``co2e_t`` [tCO2e].
    """
    records = plant_records(data, source, keep_empty=True)
    if records.empty:
        records = pd.DataFrame({"carrier": [], "amount": [], "unit": []})
    if "dataset" in records.columns and records["dataset"].isna().all():
        records = records.drop(columns="dataset")
    if basis == "lifecycle" and len(records):
        records.loc[records["carrier"] == "electricity", "region"] = "national"
    process = process_emissions(data.process_emissions, gwp=ar, source=source)
    with collect_caveats() as caught:
        inv = from_records(
            records,
            gwp=ar,
            grid_basis=basis,
            grid_year=year,
            source=source,
            process=process,
        )
    # a footprint is not a GB/T 32150 report: drop the inventory's grid-basis caveat
    emit_caveats(c for c in caught if c.field != "grid_basis")
    return inv


class ActivityRows:
    """An inventory's activities read cell by cell, by position.

    A DataFrame cell read costs some 20 µs (seconds over 100,000 rows, several reads a
    row); the columns the footprint reads are kept here as lists.

    Parameters
    ----------
    acts : pandas.DataFrame
        The inventory's activities.
    """

    COLUMNS = ("carrier", "category", "_path", "product")

    def __init__(self, acts: pd.DataFrame):
        self._columns = {c: acts[c].tolist() for c in self.COLUMNS if c in acts.columns}

    def cell(self, idx: int, column: str) -> Any:
        """The value of ``column`` in row ``idx``, or None without the column.

        Parameters
        ----------
        idx : int
            Position of the row.
        column : str
            The column.

        Returns
        -------
        any
        """
        values = self._columns.get(column)
        return None if values is None else values[idx]


def row_flow(acts: ActivityRows, idx: int) -> tuple[str, str]:
    """(stage, item) of inventory row ``idx`` in the footprint's contributions.

    Parameters
    ----------
    acts : ActivityRows
        The inventory's activities (``carrier`` and ``category`` columns).
    idx : int
        Position of the row.

    Returns
    -------
    (str, str)
        ``("process", carrier)`` for process emissions, else ``("plant energy", carrier)``
        (``"... (exported)"`` for exported energy).
    """
    carrier = str(acts.cell(idx, "carrier"))
    category = str(acts.cell(idx, "category"))
    if category == "industrial_process":
        return ("process", carrier)
    if category == "exported_energy":
        return ("plant energy", f"{carrier} (exported)")
    return ("plant energy", carrier)


def row_product(acts: ActivityRows, idx: int, ctx: ProductSystem) -> str | None:
    """The product inventory row ``idx`` is sub-metered to, or None if it is shared.

    Parameters
    ----------
    acts : ActivityRows
        The inventory's activities (``_path`` and ``product`` columns).
    idx : int
        Position of the row.
    ctx : ProductSystem
        The plant's products; a process emission names its product there.

    Returns
    -------
    str or None
        The product id, or None for a row shared by allocation.
    """
    path = acts.cell(idx, "_path")
    if isinstance(path, str) and path.startswith("process_emissions["):
        i = int(path[len("process_emissions[") : -1])
        pid = ctx.data.process_emissions[i].product
        if pid is not None and pid not in ctx.index:
            raise field_error(
                ctx.source,
                f"{path}.product",
                f"{pid!r} is not a product id (products are {list(ctx.index)})",
            )
        return pid
    value = acts.cell(idx, "product")
    return value if isinstance(value, str) and value else None
