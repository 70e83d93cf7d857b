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

import yaml

from greenchain._resources import data_path
from greenchain.errors import DataError

__all__ = ["read_table", "keyed_rows", "sources", "STATUSES", "parse_number"]

#: The verification statuses, from best to worst.
STATUSES = ("official", "transcribed", "derived", "unverified")


@cache
def sources() -> dict[str, dict[str, Any]]:
    """Return the bibliography ``factors/sources.yaml`` as ``{id: entry}``."""
    path = data_path("sources.yaml")
    with open(path, encoding="utf-8") as fh:
        entries = yaml.safe_load(fh) or []
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
    """Parse a numeric cell; an empty cell is ``None`` (never zero)."""
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

    Raises
    ------
    DataError
        If a row has an unknown ``source_id`` or status (all problems listed).
    """
    return [dict(row) for row in _read(data_path(name))]


def keyed_rows(
    name: str, numeric: tuple[str, ...] = ("value", "low", "high")
) -> dict[str, dict[str, Any]]:
    """Rows of a ``key``-indexed table as ``{key: row}``, ``numeric`` columns parsed.

    Empty numeric cells become ``None`` (never zero).
    """
    out: dict[str, dict[str, Any]] = {}
    for row in read_table(name):
        parsed: dict[str, Any] = dict(row)
        for column in numeric:
            if column in row:
                parsed[column] = parse_number(row[column])
        out[row["key"]] = parsed
    return out
