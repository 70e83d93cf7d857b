"""Read the cited standard tables shipped in ``factors/`` (no pandas needed).

A *table* is a CSV file named after its source (``motors_gb18613-2020.csv``)
whose opening ``#`` lines describe it, and whose every row carries
``source_id`` (an id in ``factors/sources.yaml``), ``source_ref`` (table or
clause) and ``status`` (``official``, ``transcribed``, ``derived`` or
``unverified``). Physics and grading modules read such tables through
:func:`read_table`; the rows are validated once and cached.

Examples
--------
>>> rows = read_table("limits_gb21252-2023.csv")
>>> rows[0]["status"]
'transcribed'
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path
from typing import Any

from greenchain._resources import data_path
from greenchain.data.vocabulary import STATUSES  # the verification statuses, best first
from greenchain.data.yaml_safe import safe_load
from greenchain.errors import DataError

__all__ = ["read_table", "keyed_rows", "sources", "STATUSES", "parse_number"]


@cache
def sources() -> dict[str, dict[str, Any]]:
    """Return the bibliography ``factors/sources.yaml`` as ``{id: entry}``.

    Each entry has ``id``, ``document`` (the short citation used as ``dataset``),
    ``title``, ``publisher``, ``year``, ``tables`` (what greenchain uses), ``url``,
    ``status`` and ``verified_via``. Read once and cached.

    Returns
    -------
    dict
        Source id -> entry (a dict).

    Raises
    ------
    DataError
        An entry without id, a duplicate id or an unknown status (all listed).

    Examples
    --------
    >>> sources()["gbt32150-2015"]["document"]
    'GB/T 32150-2015'
    """
    path = data_path("sources.yaml")
    with open(path, encoding="utf-8") as fh:
        entries = safe_load(fh) or []
    out: dict[str, dict[str, Any]] = {}
    problems = []
    for i, entry in enumerate(entries):
        sid = entry.get("id")
        if not sid:
            problems.append(f"entry {i}: missing id")
        elif sid in out:
            problems.append(f"entry {i}: duplicate id {sid!r}")
        elif entry.get("status") not in STATUSES:
            problems.append(f"entry {i} ({sid}): status {entry.get('status')!r} not in {STATUSES}")
        else:
            out[sid] = entry
    if problems:
        raise DataError(f"{path}:\n  " + "\n  ".join(problems))
    return out


def parse_number(text: str) -> float | None:
    """Parse a numeric cell; an empty cell is ``None`` (never zero).

    Parameters
    ----------
    text : str
        The cell text; surrounding blanks are ignored.

    Returns
    -------
    float or None

    Raises
    ------
    ValueError
        The text is not a number.

    Examples
    --------
    >>> parse_number(" 1.5 "), parse_number("")
    (1.5, None)
    """
    text = text.strip()
    return None if text == "" else float(text)


@cache
def _read(path: Path) -> tuple[dict[str, str], ...]:
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.lstrip().startswith("#")]
    reader = csv.DictReader(lines)
    rows = tuple(dict(row) for row in reader)
    known = sources()
    problems = []
    for number, row in enumerate(rows, start=2):
        for column in ("source_id", "status"):
            if column not in row:
                raise DataError(f"{path}: missing column {column!r}")
        if row["status"] not in STATUSES:
            problems.append(f"row {number}: status {row['status']!r} not in {STATUSES}")
        if row["source_id"] not in known:
            problems.append(f"row {number}: unknown source_id {row['source_id']!r}")
    if problems:
        raise DataError(f"{path}:\n  " + "\n  ".join(problems))
    return rows


def read_table(name: str) -> list[dict[str, str]]:
    """Return the validated rows of the shipped table ``factors/<name>``.

    Cells are strings; use :func:`parse_number` for numeric columns.

    Parameters
    ----------
    name : str
        File name in ``factors/``, e.g. ``"limits_gb21252-2023.csv"``.

    Returns
    -------
    list of dict
        One dict per row, column -> cell text (a fresh copy on every call).

    Raises
    ------
    DataError
        If a row has an unknown ``source_id`` or status (all problems listed), or the
        ``source_id`` or ``status`` column is missing.

    Examples
    --------
    >>> rows = read_table("limits_gb21252-2023.csv")
    >>> rows[0]["source_id"], rows[0]["status"]
    ('gb21252-2023', 'transcribed')
    """
    return [dict(row) for row in _read(data_path(name))]


def keyed_rows(
    name: str, numeric: tuple[str, ...] = ("value", "low", "high")
) -> dict[str, dict[str, Any]]:
    """Rows of a ``key``-indexed table as ``{key: row}``, ``numeric`` columns parsed.

    Empty numeric cells become ``None`` (never zero).

    Parameters
    ----------
    name : str
        File name in ``factors/`` of a table with a ``key`` column.
    numeric : tuple of str, default ("value", "low", "high")
        Columns to parse with :func:`parse_number` (those the table has).

    Returns
    -------
    dict
        ``key`` -> row (column -> cell, numbers parsed).

    Raises
    ------
    DataError
        As :func:`read_table`.

    Examples
    --------
    >>> keyed_rows("steam_conventions.csv")["steam.reference_enthalpy"]["value"]
    83.74
    """
    out: dict[str, dict[str, Any]] = {}
    for row in read_table(name):
        parsed: dict[str, Any] = dict(row)
        for column in numeric:
            if column in row:
                parsed[column] = parse_number(row[column])
        out[row["key"]] = parsed
    return out
