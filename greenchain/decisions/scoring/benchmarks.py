"""Lead and base values (引领值 / 基准值) of green-factory indicators, as CSV benchmark files.

GB/T 36132-2025 clause 4.4.3 defines the lead value as the level covering the top 5 %
of the industry and the base value as the industry average. The standard itself fixes
numbers only where it points to another standard (Table C.1 rows 1, 4 and 6); they ship
in ``factors/benchmarks_gbt36132-2025.csv``, which the scheme names in its
``benchmarks_file``. The other rows need the industry's values: an industry standard's
or the user's, given in a file with the same columns and passed as
``score(..., benchmarks="my_benchmarks.csv")`` (or ``greenchain score --benchmarks``).

Columns (lines starting with ``#`` are comments):

``indicator``
    The indicator id of the scheme.
``lead``, ``base``
    A number in ``unit``, a reference id resolved for the plant
    (``energy_limit_level1``), or empty (keep the scheme's value).
``unit``
    The unit of the numbers; ``{product}`` stands for the unit of product.
``status``
    ``official`` | ``transcribed`` | ``derived`` | ``unverified``.
``source_id``, ``source_ref``, ``notes``
    Where the values come from (a user file may name any source).

Examples
--------
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "dyeing.csv"
>>> _ = path.write_text("indicator,lead,base,unit,status,source_id,source_ref,notes\\n"
...                     "water_reuse_rate,50,40,percent,unverified,mine,board minutes,\\n")
>>> b = load_benchmarks(path)
>>> b["water_reuse_rate"].lead, b["water_reuse_rate"].base, b["water_reuse_rate"].status
(50.0, 40.0, 'unverified')
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from greenchain._resources import data_path
from greenchain.data.tables import STATUSES
from greenchain.errors import InputError

__all__ = ["BENCHMARK_COLUMNS", "Benchmark", "load_benchmarks", "merge_benchmarks"]

#: Columns of a benchmark file, in order (``notes`` may be left out).
BENCHMARK_COLUMNS = (
    "indicator",
    "lead",
    "base",
    "unit",
    "status",
    "source_id",
    "source_ref",
    "notes",
)
_REFERENCE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Benchmark:
    """Lead and base value of one indicator from a benchmark file.

    Attributes
    ----------
    indicator : str
        The indicator id.
    lead, base : float, str or None
        A number in ``unit``, a reference id, or None (keep the scheme's value).
    unit : str
        Unit of the numbers (may contain ``{product}``).
    status : str
        Verification status of the values.
    source_id, source_ref : str
        Where they come from.
    file : str
        The file they were read from.
    """

    indicator: str
    lead: float | str | None
    base: float | str | None
    unit: str
    status: str
    source_id: str
    source_ref: str
    file: str


def _value(text: str | None, where: str, problems: list[str]) -> float | str | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        if _REFERENCE.match(text):
            return text
        problems.append(f"{where}: {text!r} is neither a number nor a reference id")
        return None


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.lstrip().startswith("#")]
    return [dict(r) for r in csv.DictReader(lines)]


def load_benchmarks(path: str | Path) -> dict[str, Benchmark]:
    """Read a benchmark file (see the module docstring for its columns).

    Parameters
    ----------
    path : str or Path
        The CSV file.

    Returns
    -------
    dict
        ``{indicator id: Benchmark}``.

    Raises
    ------
    InputError
        Missing file or columns, a bad status or value, or an indicator given twice:
        every problem at once, with the file and row number.
    """
    path = Path(path)
    source = str(path)
    if not path.is_file():
        raise InputError("benchmark file not found", field="benchmarks", source=source)
    rows = _rows(path)
    missing = [c for c in BENCHMARK_COLUMNS[:-1] if rows and c not in rows[0]]
    if missing:
        raise InputError(
            f"missing columns {', '.join(missing)} (columns: {', '.join(BENCHMARK_COLUMNS)})",
            field="benchmarks",
            source=source,
        )
    out: dict[str, Benchmark] = {}
    problems: list[str] = []
    for number, row in enumerate(rows, start=2):
        where = f"row {number}"
        ind = (row.get("indicator") or "").strip()
        status = (row.get("status") or "").strip()
        if not ind:
            problems.append(f"{where}: no indicator")
            continue
        if ind in out:
            problems.append(f"{where}: indicator {ind!r} given twice")
        if status not in STATUSES:
            problems.append(f"{where}: status {status!r} not in {', '.join(STATUSES)}")
        lead = _value(row.get("lead"), f"{where}.lead", problems)
        base = _value(row.get("base"), f"{where}.base", problems)
        if lead is None and base is None:
            problems.append(f"{where}: neither lead nor base given")
        out[ind] = Benchmark(
            indicator=ind,
            lead=lead,
            base=base,
            unit=(row.get("unit") or "").strip() or "dimensionless",
            status=status,
            source_id=(row.get("source_id") or "").strip(),
            source_ref=(row.get("source_ref") or "").strip(),
            file=path.name,
        )
    if problems:
        raise InputError(
            "bad benchmark file:\n  " + "\n  ".join(problems), field="benchmarks", source=source
        )
    return out


def merge_benchmarks(
    data: Mapping[str, Any], folder: Path | None = None
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Fill a scheme's indicators with the lead and base values of its ``benchmarks_file``.

    Parameters
    ----------
    data : mapping
        The scheme file's content, as read from YAML.
    folder : Path, optional
        The scheme file's folder; the benchmark file is looked up there, then in
        ``factors/``.

    Returns
    -------
    tuple
        ``(data, problems)``: the scheme data with ``leading``, ``benchmark``, their
        statuses and ``thresholds_source_id`` / ``thresholds_source_ref`` filled in, and
        ``(yaml_path, message)`` problems (unknown indicator, unit differing from the
        indicator's, a value the scheme already sets).
    """
    name = data.get("benchmarks_file") if isinstance(data, Mapping) else None
    if not name:
        return dict(data) if isinstance(data, Mapping) else data, []
    path = folder / str(name) if folder is not None else None
    if path is None or not path.is_file():
        path = data_path(str(name))
    try:
        table = load_benchmarks(path)
    except InputError as exc:
        return dict(data), [("benchmarks_file", str(exc))]
    out = dict(data)
    indicators = [dict(i) if isinstance(i, Mapping) else i for i in data.get("indicators") or []]
    index = {i.get("id"): n for n, i in enumerate(indicators) if isinstance(i, dict)}
    problems: list[tuple[str, str]] = []
    for ind_id, b in table.items():
        if ind_id not in index:
            problems.append(("benchmarks_file", f"{path.name}: unknown indicator {ind_id!r}"))
            continue
        ind = indicators[index[ind_id]]
        where = f"indicators[{index[ind_id]}]"
        if str(ind.get("unit")) != b.unit:
            problems.append(
                (
                    f"{where}.unit",
                    f"{path.name} gives {ind_id} in {b.unit!r}, not {ind.get('unit')!r}",
                )
            )
        for key, value in (("leading", b.lead), ("benchmark", b.base)):
            if value is None:
                continue
            if ind.get(key) is not None:
                problems.append((f"{where}.{key}", f"also given in {path.name}: give it once"))
            ind[key], ind[f"{key}_status"] = value, b.status
        ind["thresholds_source_id"] = b.source_id
        ind["thresholds_source_ref"] = b.source_ref
    out["indicators"] = indicators
    return out, problems
