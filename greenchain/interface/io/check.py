"""Check a plant file or workbook and list every problem at once, without any analysis.

:func:`check_plant` (``greenchain check FILE``) reads the file, validates it against
the plant-file schema and looks every name up in the shipped tables: carriers, the
region, gases, fabric classes, equipment kinds and model-input keys, and measure ids.
Each problem names its cell (``energy!A4``) in a workbook or its path
(``energy[3].carrier``) in a YAML or JSON file.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from greenchain.data.plant_file import PlantData, validation_error
from greenchain.errors import GreenchainError, collect_caveats

__all__ = ["check_plant"]

_EQUIPMENT_BASE = ("id", "kind", "energy", "count", "share", "hours")


def _model_keys() -> tuple[dict[str, set[str]], dict[str, str]]:
    """(kind -> model-input keys, measure id -> Chinese name) from the catalogue."""
    from greenchain.decisions.retrofit.catalogue import EQUIPMENT_KINDS, load_catalogue

    keys: dict[str, set[str]] = {k: set(_EQUIPMENT_BASE) for k in EQUIPMENT_KINDS}
    catalogue = load_catalogue()
    for m in catalogue.values():
        spec = m.saving.model if m.saving is not None else None
        if spec is None:
            continue
        names = {*spec.inputs.values(), *spec.optional.values(), *spec.divide_by}
        for kind in m.equipment:
            keys.setdefault(kind, set(_EQUIPMENT_BASE)).update(names)
    return keys, {m.id: m.name_zh for m in catalogue.values()}


def _entries(raw: dict[str, Any], section: str) -> list[tuple[int, dict[str, Any]]]:
    value = raw.get(section)
    if not isinstance(value, list):
        return []
    return [(i, e) for i, e in enumerate(value) if isinstance(e, dict)]


def _lookups(raw: dict[str, Any]) -> list[tuple[str, str]]:
    """``(path, message)`` of every name the shipped tables do not know."""
    from greenchain.data.factors import normalise_region
    from greenchain.data.gwp import gwp_factor
    from greenchain.data.names import choices_text, to_id

    found: list[tuple[str, str]] = []
    plant = raw.get("plant") if isinstance(raw.get("plant"), dict) else {}
    if isinstance(plant, dict) and isinstance(plant.get("region"), str):
        try:
            normalise_region(plant["region"])
        except GreenchainError as exc:
            found.append(("plant.region", exc.message))
    for i, e in _entries(raw, "energy"):
        carrier = e.get("carrier")
        if (
            isinstance(carrier, str)
            and e.get("factor") is None
            and to_id("carrier", carrier) is None
        ):
            found.append(
                (
                    f"energy[{i}].carrier",
                    f"unknown carrier {carrier!r}; valid / 可选: {choices_text('carrier')} "
                    "(or give an explicit factor)",
                )
            )
    for i, e in _entries(raw, "process_emissions"):
        gas = e.get("gas")
        if isinstance(gas, str) and e.get("factor") is None:
            try:
                with collect_caveats():  # a look-up, not a result: no warning
                    gwp_factor(to_id("gas", gas) or gas, "AR6")
            except GreenchainError:
                found.append(
                    (
                        f"process_emissions[{i}].gas",
                        f"no GWP for gas {gas!r}; known: {choices_text('gas')}",
                    )
                )
    keys, measures = _model_keys()
    known = set().union(*keys.values())
    for i, e in _entries(raw, "equipment"):
        kind = e.get("kind")
        if kind not in keys:
            found.append(
                (
                    f"equipment[{i}].kind",
                    f"unknown equipment kind {kind!r}; valid: {', '.join(keys)}",
                )
            )
            continue
        for key in e:  # a near miss of a model input is a typo (other keys may be notes)
            close = difflib.get_close_matches(str(key), sorted(keys[kind]), n=1, cutoff=0.85)
            if key not in known and close:
                found.append(
                    (
                        f"equipment[{i}].{key}",
                        f"unknown key {key!r} for a {kind}; did you mean {close[0]!r}? valid: "
                        f"{', '.join(sorted(keys[kind]))}",
                    )
                )
    options = raw.get("retrofit_options")
    for mid in options if isinstance(options, dict) else {}:
        if mid not in measures:
            valid = ", ".join(f"{m} {zh}" for m, zh in measures.items())
            found.append((f"retrofit_options.{mid}", f"unknown measure {mid!r}; valid: {valid}"))
    return found


def check_plant(path: str | Path) -> list[str]:
    """Every problem of a plant file or workbook, each naming its cell or path.

    Reads and validates the file and looks up its names (carriers, region, gases,
    fabric classes, equipment kinds and keys, measure ids); runs no analysis.

    Parameters
    ----------
    path : str or Path
        A ``.yaml``/``.yml``, ``.json``, ``.xlsx`` or ``.xlsm`` plant file.

    Returns
    -------
    list of str
        ``"energy!A4: unknown carrier 'natral_gas'; valid / 可选: ..."`` lines; empty when
        the file has no problem.

    Raises
    ------
    InputError
        The file is missing or cannot be read at all (not a workbook, malformed YAML).

    Examples
    --------
    >>> import greenchain as gc
    >>> check_plant(gc.example_path("dyeing_mill.yaml"))
    []
    """
    from greenchain.interface.io import read_plant_data
    from greenchain.interface.io.plant_files import measure_ids

    path = Path(path)
    cells = None
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from greenchain.interface.io.excel import read_workbook

        raw, cells = read_workbook(path, locations=True)
        cells.rename_measures(raw)
        problems = list(cells.problems)
    else:
        raw, problems = read_plant_data(path), []
    named = list(raw.get("retrofit_options") or {}) if isinstance(raw, dict) else []
    raw = measure_ids(raw)
    try:
        PlantData.model_validate(raw)
    except ValidationError as exc:
        error = validation_error(exc, path.name)
        translated = cells.translate(error) if cells is not None else error
        problems += getattr(translated, "problems", None) or [
            f"{translated.field}: {translated.message}"
        ]
    renamed = dict(zip(raw.get("retrofit_options") or {}, named, strict=False))
    for where, message in _lookups(raw):
        head, _, mid = where.partition(".")
        if cells is None and head == "retrofit_options" and mid in renamed:
            where = f"retrofit_options.{renamed[mid]}"  # name the key as written
        cell = cells.locate(where) if cells is not None else None
        line = f"{cell or where}: {message}"
        if line not in problems:
            problems.append(line)
    return problems
