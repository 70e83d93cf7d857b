"""Read a filled workbook back into plant data, recording every cell."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, overload

import yaml

from greenchain.errors import InputError
from greenchain.interface.io.excel._locations import CellMap, _letter
from greenchain.interface.io.excel._schema import (
    _SKIP_SHEETS,
    _TEXT,
    SECTIONS,
    _blank,
    _coerce,
    _col_kind,
    _get,
    _header_key,
    _openpyxl,
    _set,
    _Sheet,
    _sheet,
)
from greenchain.interface.io.limits import MAX_FILE_BYTES, check_tree
from greenchain.units import shorten

# --------------------------------------------------------------------------- reading


def _fail(message: str, sheet: str, col: int, row: int, file: str) -> InputError:
    err = InputError(message, field=f"{sheet}!{_letter(col)}{row}", source=file)
    err.cell = err.field  # type: ignore[attr-defined]
    return err


def _read_entry(
    sheet: _Sheet,
    cells: list[tuple[str, Any]],
    units: dict[str, Any],
    path: str,
    out: CellMap,
) -> dict[str, Any]:
    """Build one entry from ``(key, cell)`` pairs, recording every cell under ``path``."""
    entry: dict[str, Any] = {}
    for key, cell in cells:
        unit = units.get(key)
        kind = _col_kind(sheet, key)
        try:
            value = _coerce(cell.value, kind, unit.value if unit is not None else None)
        except yaml.YAMLError as exc:
            problem = str(getattr(exc, "problem", None) or exc).splitlines()[0]
            raise _fail(
                f"cannot read as YAML: {problem}", sheet.name, cell.column, cell.row, out.file
            ) from None
        _set(entry, key, value)
        where = f"{path}.{key}" if path else key
        out.cells[where] = (sheet.name, cell.column, cell.row)
        is_number = isinstance(cell.value, int | float) and not isinstance(cell.value, bool)
        if unit is not None and not _blank(unit.value) and is_number:
            out.units[where] = (sheet.name, unit.column, unit.row, str(unit.value).strip())
    return entry


def _known(sheet: _Sheet, key: str) -> bool:
    """Whether a column (or form field) key belongs to the sheet's section."""
    if any(c.key == key for c in sheet.columns) or sheet.key == key:
        return True
    model: Any = sheet.model
    if model is None:
        return False
    if model.model_config.get("extra") == "allow":
        return True
    parts = key.split(".")
    if parts[0] not in model.model_fields:
        return False
    if len(parts) == 1:
        return True
    return _col_kind(sheet, key) != "any" or _col_kind(sheet, parts[0]) in ("dict", "yaml", "any")


def _valid_keys(sheet: _Sheet) -> str:
    keys = [c.key for c in sheet.columns]
    if sheet.model is not None:
        keys += [k for k in sheet.model.model_fields if k not in keys]
    return ", ".join(f"{k} {_TEXT.get(k, ('',))[0]}".strip() for k in keys)


def _unknown(sheet: _Sheet, key: str, col: int, row: int, out: CellMap) -> None:
    what = "field" if sheet.layout == "form" else "column"
    out.problems.append(
        f"{sheet.name}!{_letter(col)}{row}: unknown {what} {key!r}; valid: {_valid_keys(sheet)}"
    )


def _read_form(ws: Any, sheet: _Sheet, out: CellMap) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    seen: dict[str, int] = {}
    for row in ws.iter_rows(min_row=2, max_col=3):
        first = row[0].value
        if _blank(first) or str(first).lstrip().startswith("#"):
            continue
        key = _header_key(first)
        if key in seen:  # the second row would silently replace the first
            out.problems.append(
                f"{sheet.name}!A{row[0].row}: field {key!r} written twice "
                f"(first in {sheet.name}!A{seen[key]}); keep one"
            )
            continue
        seen[key] = row[0].row
        if not _known(sheet, key):
            _unknown(sheet, key, row[0].column, row[0].row, out)
            continue
        value = row[1] if len(row) > 1 else None
        unit = row[2] if len(row) > 2 else None
        if value is None:
            continue
        path = f"{sheet.name}.{key}"
        if _blank(value.value):
            out.cells[path] = (sheet.name, value.column, value.row)  # for "Field required"
            continue
        units = {key: unit} if unit is not None and not _blank(unit.value) else {}
        part = _read_entry(sheet, [(key, value)], units, sheet.name, out)
        _set(entry, key, _get(part, key))
    return entry


def _read_table(ws: Any, sheet: _Sheet, out: CellMap) -> Any:
    header = {c.column: _header_key(c.value) for c in ws[1] if not _blank(c.value)}
    first_col: dict[str, int] = {}
    for col, key in list(header.items()):
        if key in first_col:  # the second column would silently replace the first
            out.problems.append(
                f"{sheet.name}!{_letter(col)}1: column {key!r} written twice "
                f"(first in {sheet.name}!{_letter(first_col[key])}1); keep one"
            )
            del header[col]
        else:
            first_col[key] = col
    keys = set(header.values())
    unit_keys = {k for k in keys if k.endswith("_unit") and k[:-5] in keys}
    for col, key in list(header.items()):
        if key not in unit_keys and not _known(sheet, key):
            _unknown(sheet, key, col, 1, out)
            del header[col]
    out.columns[sheet.name] = {k: c for c, k in header.items()}
    entries: list[Any] = []
    mapping: dict[str, Any] = {}
    for row in ws.iter_rows(min_row=2):
        first = row[0].value if row else None
        if isinstance(first, str) and first.lstrip().startswith("#"):
            continue
        present = {header[c.column]: c for c in row if c.column in header and not _blank(c.value)}
        if not present:
            continue
        units = {k[:-5]: c for k, c in present.items() if k in unit_keys}
        pairs = [(k, c) for k, c in present.items() if k not in unit_keys]
        r = row[0].row
        if sheet.shape == "list":
            path = f"{sheet.name}[{len(entries)}]"
            out.rows[path] = (sheet.name, r)
            entries.append(_read_entry(sheet, pairs, units, path, out))
            continue
        key_cell = present.get(str(sheet.key))
        col = out.columns[sheet.name].get(str(sheet.key), 1)
        if key_cell is None:
            raise _fail(f"{sheet.key} is missing", sheet.name, col, r, out.file)
        name = str(_coerce(key_cell.value, "text", None))
        if name in mapping:
            raise _fail(f"duplicate {sheet.key} {name!r}", sheet.name, col, r, out.file)
        path = f"{sheet.name}.{name}"
        out.rows[path] = (sheet.name, r)
        out.keys[path] = (sheet.name, key_cell.column, r)
        pairs = [(k, c) for k, c in pairs if k != sheet.key]
        if sheet.model is None:  # a plain value per key (prices)
            value_key = sheet.columns[1].key
            value_pairs = [(k, c) for k, c in pairs if k == value_key]
            entry = _read_entry(sheet, value_pairs, units, sheet.name, out)
            for k, c in pairs:
                if k != value_key:
                    raise _fail(f"unexpected column {k!r}", sheet.name, c.column, r, out.file)
            if value_key in entry:
                mapping[name] = entry[value_key]
                out.cells[path] = out.cells.pop(f"{sheet.name}.{value_key}")
                if f"{sheet.name}.{value_key}" in out.units:
                    out.units[path] = out.units.pop(f"{sheet.name}.{value_key}")
        else:
            mapping[name] = _read_entry(sheet, pairs, units, path, out)
            out.cells[path] = out.keys[path]  # an unknown measure id names its key cell
    return entries if sheet.shape == "list" else mapping


@overload
def read_workbook(path: str | Path, *, locations: Literal[False] = ...) -> dict[str, Any]: ...


@overload
def read_workbook(
    path: str | Path, *, locations: Literal[True]
) -> tuple[dict[str, Any], CellMap]: ...


def read_workbook(path: str | Path, *, locations: bool = False) -> Any:
    """Read a filled template into plain plant data (no validation).

    Parameters
    ----------
    path : str or Path
        A workbook made by :func:`write_template` (``.xlsx`` or ``.xlsm``).
    locations : bool, default False
        Also return the :class:`CellMap` recording the cell of every value.

    Returns
    -------
    dict or (dict, CellMap)
        The same structure a YAML plant file gives: a value with a unit cell becomes
        the text ``"11000000 m^3"``.

    Raises
    ------
    InputError
        openpyxl missing, the file is not a workbook, or a cell cannot be read (a
        key missing or repeated in a mapping sheet, bad YAML text, over a size limit of
        :mod:`greenchain.interface.io.limits`); names the cell. A column or form field
        written twice is listed among the workbook's problems (naming both cells).

    Notes
    -----
    Formulas are read through the values Excel or WPS saved with them; a workbook
    written by a program and never opened in a spreadsheet has none.
    """
    openpyxl = _openpyxl()
    path = Path(path)
    if not path.is_file():
        raise InputError("file not found", source=str(path))
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(
            f"file of {size:,} bytes; a plant file is at most {MAX_FILE_BYTES:,} bytes",
            field="(file)",
            source=path.name,
        )
    try:
        wb = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # zipfile, XML and openpyxl errors on a broken file
        raise InputError(
            f"not a readable Excel workbook ({shorten(str(exc))})", field="(file)", source=path.name
        ) from None
    out = CellMap(path.name)
    data: dict[str, Any] = {}
    try:
        for ws in wb.worksheets:
            name = ws.title
            if name in _SKIP_SHEETS or name.startswith(("_", "#")):
                continue
            out.sheets[name] = f"{name}!A1"
            if name not in SECTIONS:
                valid = ", ".join(f"{k} {_TEXT.get(k, ('',))[0]}".strip() for k in SECTIONS)
                out.problems.append(f"{name}!A1: unknown sheet {name!r}; sheets are {valid}")
                continue
            sheet = _sheet(name)
            value = (_read_form if sheet.layout == "form" else _read_table)(ws, sheet, out)
            if value or name == "plant":
                data[name] = value
    except RecursionError:
        raise InputError(
            "a cell holds text nested too deeply", field="(file)", source=path.name
        ) from None
    finally:
        wb.close()
    check_tree(data, path.name)
    return (data, out) if locations else data
