"""Readers for plant files: YAML, JSON and the Excel template.

:func:`load_plant` is the entry point (also exported as ``greenchain.load_plant``).
YAML is read with ``yaml.safe_load`` only. Every problem in the file is reported
in one :class:`~greenchain.errors.InputError` that names the path of the field
(``energy[3].amount``) and the file; for an Excel workbook it names the cell
(``energy!C5 in plant.xlsx``), also when the error surfaces later in an analysis.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import ValidationError

from greenchain.data.plant_file import PlantData, validation_error
from greenchain.errors import InputError

if TYPE_CHECKING:
    from greenchain.interface.plant import Plant

__all__ = ["load_plant", "read_plant_data", "parse_plant"]

_EXCEL_SUFFIXES = (".xlsx", ".xlsm")


def read_plant_data(path: str | Path) -> dict[str, Any]:
    """Read a plant file into plain Python data (no validation)."""
    path = Path(path)
    if not path.is_file():
        raise InputError("file not found", source=str(path))
    suffix = path.suffix.lower()
    if suffix in _EXCEL_SUFFIXES:
        from greenchain.interface.io.excel import read_workbook

        return read_workbook(path)
    text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text) if suffix == ".json" else yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "file"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"malformed YAML at {where}: {problem}", source=path.name) from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"malformed JSON at line {exc.lineno}: {exc.msg}", source=path.name
        ) from None
    if not isinstance(data, dict):
        raise InputError("a plant file must be a mapping with a 'plant' section", source=path.name)
    return data


def parse_plant(data: dict[str, Any], source: str | None = None) -> PlantData:
    """Validate plant data; raise one InputError listing every problem."""
    try:
        return PlantData.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, source) from None


def load_plant(path: str | Path) -> Plant:
    """Load and validate a plant file (``.yaml``, ``.yml``, ``.json`` or ``.xlsx``).

    Parameters
    ----------
    path : str or Path
        The plant file.

    Returns
    -------
    Plant
        The facade whose methods compute the inventory, energy, footprints,
        retrofits, green-factory score and report.

    Raises
    ------
    InputError
        File missing, malformed, or invalid; the message names the field path and file.

    Examples
    --------
    >>> import greenchain as gc
    >>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
    >>> [p.id for p in plant.data.products]
    ['porcelain_tile']
    """
    from greenchain.interface.plant import Plant

    path = Path(path)
    if path.suffix.lower() in _EXCEL_SUFFIXES:
        return _load_workbook(path)
    data = parse_plant(read_plant_data(path), source=path.name)
    return Plant(data, source=str(path))


def _load_workbook(path: Path) -> Plant:
    """Load an Excel plant file; errors name the cell (``energy!C5``), also later ones."""
    from greenchain.interface.io.excel import ExcelPlant, read_workbook

    if not path.is_file():
        raise InputError("file not found", source=str(path))
    raw, cells = read_workbook(path, locations=True)
    try:
        data = parse_plant(raw, source=path.name)
    except InputError as exc:
        raise cells.translate(exc) from None
    return ExcelPlant(data, source=str(path), cells=cells)
