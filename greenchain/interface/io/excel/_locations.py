"""Cell locations of plant-file values, and errors that name them.

:class:`CellMap` is the ``locator`` of a plant read from a workbook
(``Plant(data, source, locator=cells)``): the facade hands it every greenchain error,
and it rewrites plant-data paths (``energy[3].amount``) into cells (``energy!C5``).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from greenchain.errors import GreenchainError
from greenchain.interface.io.excel._schema import _PATH

# --------------------------------------------------------------------------- locations


def _letter(col: int) -> str:
    out = ""
    while col:
        col, rest = divmod(col - 1, 26)
        out = chr(65 + rest) + out
    return out


def _parent(path: str) -> str:
    """``energy[3].amount`` -> ``energy[3]`` -> ``energy`` -> ``""``."""
    parent = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", path)
    return "" if parent == path else parent


#: Inventory record columns -> plant-file field of the same entry (``unit`` is special).
_RECORD_FIELDS = {
    "measured_ncv": "measured.ncv",
    "measured_carbon_content": "measured.carbon_content",
    "measured_oxidation_rate": "measured.oxidation_rate",
}
_PLANT_FIELDS = {"region": "plant.region", "year": "plant.year"}


@dataclass
class CellMap:
    """Where each value of a workbook came from: plant-data path -> ``sheet!B7``.

    ``translate`` rewrites a :class:`~greenchain.errors.GreenchainError` naming plant
    paths (``energy[3].amount``) into one naming cells (``energy!C5``).
    """

    file: str
    cells: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    units: dict[str, tuple[str, int, int, str]] = field(default_factory=dict)
    rows: dict[str, tuple[str, int]] = field(default_factory=dict)
    keys: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    columns: dict[str, dict[str, int]] = field(default_factory=dict)
    sheets: dict[str, str] = field(default_factory=dict)
    #: Problems found while reading (unknown sheets and columns), each ``"cell: message"``.
    problems: list[str] = field(default_factory=list)

    def __getitem__(self, path: str) -> str:
        sheet, col, row = self.cells[path]
        return f"{sheet}!{_letter(col)}{row}"

    def rename_measures(self, raw: dict[str, Any]) -> None:
        """Also record the cells of measures written by name under their ids.

        Parameters
        ----------
        raw : dict
            The plain data read from the workbook (``retrofit_options`` keyed as written).

        Returns
        -------
        None
        """
        from greenchain.interface.io.plant_files import measure_ids

        before = list(raw.get("retrofit_options") or {})
        after = list(measure_ids(raw).get("retrofit_options") or {})
        for old, new in zip(before, after, strict=False):
            if old == new:
                continue
            prefix = f"retrofit_options.{old}"
            tables: tuple[dict[str, Any], ...] = (self.cells, self.units, self.rows, self.keys)
            for table in tables:
                for key in [k for k in table if k == prefix or k.startswith(prefix + ".")]:
                    table[f"retrofit_options.{new}{key[len(prefix) :]}"] = table[key]

    def locate(self, path: str, *, fallback: bool = True) -> str | None:
        """The cell (or row span) of a plant-data path; None when unknown.

        Parameters
        ----------
        path : str
            Plant-data path, e.g. ``"energy[0].amount"``, ``"energy[0]"``,
            ``"plant.region"``.
        fallback : bool, default True
            When neither the path nor an entry above it has a cell, return the sheet of
            its section (``"energy!A1"``) instead of None.

        Returns
        -------
        str or None
            ``"energy!B3"``, a span ``"energy!A3:D3"`` for a whole entry, or None.
        """
        if path in self.cells:
            return self[path]
        kids = sorted(v for p, v in self.cells.items() if p.startswith((path + ".", path + "[")))
        if kids:
            first, last = kids[0], kids[-1]
            if first[0] == last[0] and first[2] == last[2] and first != last:
                return f"{first[0]}!{_letter(first[1])}{first[2]}:{_letter(last[1])}{last[2]}"
            return f"{first[0]}!{_letter(first[1])}{first[2]}"
        head = _parent(path)
        while head:
            if head in self.rows:
                sheet, row = self.rows[head]
                rest = path[len(head) :].lstrip(".")
                cols = self.columns.get(sheet, {})
                col = cols.get(rest, cols.get(rest.split(".")[0].split("[")[0], 1))
                return f"{sheet}!{_letter(col)}{row}"
            head = _parent(head)
        section = re.match(r"\w+", path)
        return self.sheets.get(section.group(0)) if fallback and section else None

    def _unit_cell(self, path: str) -> tuple[str, str] | None:
        if path not in self.units:
            return None
        sheet, col, row, unit = self.units[path]
        return f"{sheet}!{_letter(col)}{row}", unit

    def _problem(self, path: str, message: str) -> tuple[str | None, str, str]:
        """(cell, message, path) of one problem at ``path``."""
        unit = self._unit_cell(path)
        if unit and message.startswith("cannot read"):
            return unit[0], f"cannot read the unit {unit[1]!r}", path
        if path in ("", "(root)"):  # model-level checks name the path in the message
            found = [p for p in _PATH.findall(message) if self.locate(p, fallback=False)]
            return (self.locate(found[0]) if found else None), message, (found or [path])[0]
        return self.locate(path), message, path

    def translate(self, exc: GreenchainError) -> GreenchainError:
        """Return ``exc`` naming cells instead of plant paths (unchanged if none is known).

        Parameters
        ----------
        exc : GreenchainError
            An error whose ``field`` (or ``source``, or listed ``problems``) names plant-data
            paths.

        Returns
        -------
        GreenchainError
            A copy of the same class with ``field`` the cell (``energy!B3``), ``source`` the
            workbook and attributes ``cell`` and ``path``; ``exc`` itself when no cell is
            known or it was already translated.
        """
        if hasattr(exc, "cell") or not isinstance(exc, GreenchainError):
            return exc
        message, where, path = exc.message, None, exc.field
        problems = getattr(exc, "problems", None)
        if problems and len(problems) > 1:
            lines = []
            for text in problems:
                p, _, msg = text.partition(": ")
                cell, msg, _ = self._problem(p, msg)
                lines.append(f"{cell or p}: {msg}")
            message = f"{len(lines)} problems:\n  " + "\n  ".join(lines)
            where, path, problems = None, None, lines
        else:
            items = _PATH.findall(exc.source or "") + re.findall(
                r"\b[a-z_]+\[\d+\]", exc.source or ""
            )
            items = list(dict.fromkeys(i for i in items if i in self.rows))
            if items and exc.field and "[" not in exc.field:  # inventory records columns
                found = [self._record_cell(i, exc.field) for i in items]
                cells = [c for c in found if c]
                where = ", ".join(dict.fromkeys(cells)) or None
                path = f"{items[0]}.{exc.field}"
            elif items and not exc.field:  # a whole entry: its rows
                where = ", ".join(str(self.locate(i)) for i in items)
                path = items[0]
            else:
                where, message, path = self._problem(exc.field or "", message)
            if problems:
                problems = [f"{where or exc.field}: {message}"]
        if where is None and not problems:
            if exc.source:
                return exc
            new = copy.copy(exc)  # no cell known: name the workbook at least
            new.source = self.file
            new.args = (str(new),)
            return new
        new = copy.copy(exc)
        new.message, new.field, new.source = message, where, self.file
        new.cell, new.path = where, path  # type: ignore[attr-defined]
        if problems:
            new.problems = problems  # type: ignore[attr-defined]
        new.args = (new._text(),)
        return new

    def _record_cell(self, item: str, column: str) -> str | None:
        if column in _PLANT_FIELDS:
            return self.locate(_PLANT_FIELDS[column], fallback=False)
        if column == "unit":
            unit = self._unit_cell(f"{item}.amount")
            return unit[0] if unit else self.locate(f"{item}.amount")
        return self.locate(f"{item}.{_RECORD_FIELDS.get(column, column)}")
