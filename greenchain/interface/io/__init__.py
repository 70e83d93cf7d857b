"""Readers for plant files: YAML, JSON and the Excel template.

:func:`load_plant` is the entry point (also exported as ``greenchain.load_plant``).
YAML is read with a safe loader only (:mod:`greenchain.data.yaml_safe`; no duplicate
keys, bounded aliases, :mod:`~greenchain.interface.io.limits`). Every problem in the file is reported
in one :class:`~greenchain.errors.InputError` that names the path of the field
(``energy[3].amount``) and the file; for an Excel workbook it names the cell
(``energy!C5 in plant.xlsx``), also when the error surfaces later in an analysis.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from greenchain.errors import InputError
from greenchain.interface.io.plant_files import FileLocator, parse_plant, read_text_plant_data

if TYPE_CHECKING:
    from greenchain.interface.plant import Plant

__all__ = ["load_plant", "read_plant_data", "parse_plant", "workbook_error"]

_EXCEL_SUFFIXES = (".xlsx", ".xlsm")


def read_plant_data(path: str | Path) -> dict[str, Any]:
    """Read a plant file into plain Python data (no validation).

    Parameters
    ----------
    path : str or Path
        A ``.yaml``/``.yml``, ``.json``, ``.xlsx`` or ``.xlsm`` plant file.

    Returns
    -------
    dict
        The file's mapping, as :func:`parse_plant` takes it.

    Raises
    ------
    InputError
        File missing, malformed YAML or JSON (with line and column), or not a mapping.

    Examples
    --------
    >>> import greenchain as gc
    >>> data = read_plant_data(gc.example_path("tile_plant.yaml"))
    >>> list(data)[:3]
    ['plant', 'products', 'energy']
    """
    path = Path(path)
    if not path.is_file():
        raise InputError("file not found", source=str(path))
    suffix = path.suffix.lower()
    if suffix in _EXCEL_SUFFIXES:
        from greenchain.interface.io.excel import read_workbook

        return read_workbook(path)
    return read_text_plant_data(path)


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
    return Plant(data, source=str(path), locator=FileLocator(path.name))


def _load_workbook(path: Path) -> Plant:
    """Load an Excel plant file; errors name the cell (``energy!C5``), also later ones."""
    from greenchain.interface.io.excel import read_workbook
    from greenchain.interface.plant import Plant

    if not path.is_file():
        raise InputError("file not found", source=str(path))
    raw, cells = read_workbook(path, locations=True)
    cells.rename_measures(raw)
    try:
        data = parse_plant(raw, source=path.name)
    except InputError as exc:
        error = cells.translate(exc)
        if not cells.problems:
            raise error from None
        found = getattr(error, "problems", None) or [f"{error.field}: {error.message}"]
        raise workbook_error([*cells.problems, *found], path.name) from None
    if cells.problems:
        raise workbook_error(cells.problems, path.name)
    return Plant(data, source=str(path), locator=cells)


def workbook_error(problems: list[str], source: str) -> InputError:
    """One InputError listing every problem of a workbook (``"cell: message"`` lines).

    Parameters
    ----------
    problems : list of str
        The problems, each naming its cell.
    source : str
        The workbook's file name.

    Returns
    -------
    InputError
        With ``problems`` set; ``field`` is the cell when there is one problem.

    Examples
    --------
    >>> str(workbook_error(["能源!A1: unknown sheet '能源'"], "mill.xlsx"))
    "能源!A1 in mill.xlsx: unknown sheet '能源'"
    """
    if len(problems) == 1:
        cell, _, message = problems[0].partition(": ")
        error = InputError(message, field=cell, source=source)
        error.cell = cell  # type: ignore[attr-defined]
    else:
        text = f"{len(problems)} problems:\n  " + "\n  ".join(problems)
        error = InputError(text, source=source)
    error.problems = list(problems)  # type: ignore[attr-defined]
    return error
