"""Export result tables (inventory, energy, retrofits, score) to Excel."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pint

from greenchain.errors import GreenchainError, InputError, collect_caveats
from greenchain.interface.io.excel._locations import _letter
from greenchain.interface.io.excel._schema import _openpyxl, _to_cell, xlsx_path

# --------------------------------------------------------------------------- export


def _frame(table: Any, name: str) -> pd.DataFrame:
    if isinstance(table, pd.Series):
        table = table.to_frame(name=table.name if table.name is not None else "value")
    elif not isinstance(table, pd.DataFrame):
        try:
            table = pd.DataFrame(table)
        except (TypeError, ValueError) as exc:
            raise InputError(
                f"cannot write a {type(table).__name__} as a table", field=name
            ) from exc
    if not isinstance(table.index, pd.RangeIndex) or table.index.name is not None:
        table = table.reset_index()
    return table


def _value(v: Any) -> Any:
    if isinstance(v, pint.Quantity):
        return f"{v.magnitude:g} {v.units:~}"
    if isinstance(v, np.generic):
        v = v.item()
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float):
        return v if math.isfinite(v) else (None if math.isnan(v) else str(v))
    if isinstance(v, pd.Timestamp):
        return v.tz_localize(None).to_pydatetime() if v.tzinfo else v.to_pydatetime()
    if isinstance(v, str):
        return inert(v)
    if isinstance(v, bool | int | dt.datetime | dt.date):
        return v
    if isinstance(v, dict | list | tuple):
        return inert(_to_cell(v if not isinstance(v, tuple) else list(v)) if _plain(v) else str(v))
    return inert(str(v))


#: The first characters that make a spreadsheet read a cell as a formula (also after
#: a tab or carriage return, which some spreadsheets skip).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(text: Any) -> Any:
    """Text a spreadsheet shows as text: a leading ``'`` before ``= + - @`` (formula injection).

    A plant name such as ``=HYPERLINK("http://…")`` must not become a live formula in
    the exported workbook or a CSV opened in a spreadsheet. Numbers (and text that is a
    number, like ``-5``) are left as they are.

    Parameters
    ----------
    text : any
        A cell value.

    Returns
    -------
    any
        ``text`` with a ``'`` in front when it is text starting with a formula character.

    Examples
    --------
    >>> print(inert("=1+1"), inert("-5"), inert("tile"), inert(3))
    '=1+1 -5 tile 3
    """
    if not isinstance(text, str) or not text.startswith(FORMULA_STARTS):
        return text
    try:
        float(text)
    except ValueError:
        return "'" + text
    return text


def _plain(v: Any) -> bool:
    if isinstance(v, dict):
        return all(_plain(x) for x in v.values())
    if isinstance(v, list | tuple):
        return all(_plain(x) for x in v)
    return v is None or isinstance(v, bool | int | float | str)


def _title(name: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "_", str(name)).strip("'") or "sheet"
    title, n = base[:31], 1
    while title.lower() in used:
        n += 1
        title = f"{base[: 31 - len(str(n)) - 1]}_{n}"
    used.add(title.lower())
    return title


def export_tables(path: str | Path, **tables: Any) -> Path:
    """Write tables to an Excel workbook, one sheet per keyword.

    Parameters
    ----------
    path : str or Path
        The ``.xlsx`` file to write (overwritten).
    **tables : DataFrame, Series or mapping of columns
        Sheet name -> table (``inventory=result.by_category()``). A named or
        non-default index is written as columns; Quantities as ``"value unit"`` text.

    Returns
    -------
    Path
        The file written.

    Examples
    --------
    >>> import tempfile, pathlib, openpyxl, pandas as pd
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "r.xlsx"
    >>> _ = export_tables(out, by_scope=pd.DataFrame({"scope": ["scope_1"], "co2e_t": [1.5]}))
    >>> openpyxl.load_workbook(out)["by_scope"]["B2"].value
    1.5
    """
    openpyxl = _openpyxl()
    from openpyxl.styles import Font

    path = xlsx_path(path)
    if not tables:
        raise InputError("give at least one table, e.g. inventory=df", field="tables")
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for name, table in tables.items():
        df = _frame(table, name)
        ws = wb.create_sheet(_title(name, used))
        ws.append([inert(str(c)) for c in df.columns])
        for row in df.itertuples(index=False, name=None):
            ws.append([_value(v) for v in row])
        for i, c in enumerate(df.columns, start=1):
            ws.cell(row=1, column=i).font = Font(bold=True)
            ws.column_dimensions[_letter(i)].width = min(max(len(str(c)) + 2, 12), 45)
        ws.freeze_panes = "A2"
    wb.save(path)
    return path


def _optional(plant: Any, name: str, notes: list[tuple[str, Any]]) -> Any:
    method = getattr(plant, name, None)
    if method is None:
        notes.append((name, "not available in this version"))
        return None
    try:
        return method()
    except (ImportError, GreenchainError, NotImplementedError) as exc:
        notes.append((name, f"not exported: {exc}"))
        return None


def export_results(plant: Any, path: str | Path, **options: Any) -> Path:
    """Write a plant's results to one workbook.

    Sheets: ``summary``, ``inventory_by_category``, ``inventory_by_scope``,
    ``inventory_by_gas``, ``inventory_records`` (audit trail: one row per activity and
    gas with its factor), ``factors``, ``energy_by_carrier``, ``energy_by_use``, then
    ``retrofits`` and ``score_by_area``, ``score_by_indicator``, ``score_gaps`` when
    those analyses are available and succeed (the summary says why not otherwise),
    and ``warnings``.

    Parameters
    ----------
    plant : Plant
        From :func:`greenchain.load_plant`.
    path : str or Path
        The ``.xlsx`` file to write.
    **options
        Passed to ``plant.inventory`` (``gwp``, ``grid_basis`` …).

    Returns
    -------
    Path
        The file written.
    """
    _openpyxl()
    from greenchain import __version__

    notes: list[tuple[str, Any]] = []
    with collect_caveats() as caught:
        inv = plant.inventory(**options)
        energy = plant.energy()
        retrofits = _optional(plant, "retrofits", notes)
        score = _optional(plant, "green_factory_score", notes)
    p = plant.data.plant
    summary: list[tuple[str, Any]] = [
        ("plant", p.name),
        ("region", p.region),
        ("year", p.year),
        ("source", plant.source_name),
        ("inventory total [tCO2e]", float(inv.total.m_as("tCO2e"))),
        *((f"inventory option {k}", v) for k, v in inv.options.items()),
        ("energy total [tce]", float(energy.total.m_as("tce"))),
    ]
    for product in plant.data.products:
        try:
            q = energy.intensity(product.id)
            summary.append((f"specific energy {product.id} [{q.units:~}]", float(q.magnitude)))
        except GreenchainError as exc:
            summary.append((f"specific energy {product.id}", f"not computed: {exc}"))
    summary += [*notes, ("greenchain version", __version__)]
    tables: dict[str, Any] = {
        "summary": pd.DataFrame(summary, columns=["item", "value"]),
        "inventory_by_category": inv.by_category(),
        "inventory_by_scope": inv.by_scope(),
        "inventory_by_gas": inv.by_gas(),
        "inventory_records": inv.records,
        "factors": inv.factor_table(),
        "energy_by_carrier": energy.by_carrier(),
        "energy_by_use": energy.by("use") if "use" in energy.activities else energy.by_carrier(),
    }
    if isinstance(retrofits, pd.DataFrame | Mapping):
        tables["retrofits"] = retrofits
    for attr in ("by_area", "by_indicator", "gaps"):
        if isinstance(getattr(score, attr, None), pd.DataFrame):
            tables[f"score_{attr}"] = getattr(score, attr)
    texts = [*inv.warnings, *energy.warnings, *getattr(score, "warnings", [])]
    texts += [c.message for c in caught]
    tables["warnings"] = pd.DataFrame({"warning": list(dict.fromkeys(texts))})
    return export_tables(path, **tables)
