"""YAML and JSON plant files: read safely, validate, report every problem at once.

Shared by :func:`greenchain.interface.io.load_plant` and the Excel template (which
fills its example sheets from the YAML example), so neither imports the other.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from greenchain.data.plant_file import PlantData, validation_error
from greenchain.errors import InputError

__all__ = ["read_text_plant_data", "parse_plant", "measure_ids"]

_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def read_text_plant_data(path: str | Path) -> dict[str, Any]:
    """Read a YAML or JSON plant file into plain Python data (no validation).

    YAML is read with ``yaml.safe_load`` only.

    Parameters
    ----------
    path : str or Path
        A ``.yaml``/``.yml`` or ``.json`` plant file.

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
    >>> list(read_text_plant_data(gc.example_path("tile_plant.yaml")))[:3]
    ['plant', 'products', 'energy']
    """
    path = Path(path)
    if not path.is_file():
        raise InputError("file not found", source=str(path))
    suffix = path.suffix.lower()
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
    """Validate plant data; raise one InputError listing every problem.

    Parameters
    ----------
    data : dict
        Plain plant data, as :func:`read_plant_data` returns it.
    source : str, optional
        The file name, named in error messages.

    Returns
    -------
    PlantData

    Raises
    ------
    InputError
        Every validation problem at once, each naming its path (``energy[3].amount``).

    Examples
    --------
    >>> parse_plant({"plant": {"name": "Demo", "region": "Fujian", "year": 2023}}).plant.name
    'Demo'
    """
    data = measure_ids(data)
    try:
        return PlantData.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, source) from None


def measure_ids(data: dict[str, Any]) -> dict[str, Any]:
    """Plant data with ``retrofit_options`` keyed by measure id, not Chinese name.

    A measure may be written by its catalogue Chinese or English name
    (``小浴比染色机``); every other key is left as it is.

    Parameters
    ----------
    data : dict
        Plain plant data.

    Returns
    -------
    dict
        ``data`` itself when nothing is renamed, else a shallow copy.

    Examples
    --------
    >>> measure_ids({"retrofit_options": {"小浴比染色机": {"selected": True}}})
    {'retrofit_options': {'dyeing_low_liquor_ratio': {'selected': True}}}
    """
    options = data.get("retrofit_options")
    if not isinstance(options, dict) or all(_ID.match(str(k)) for k in options):
        return data
    from greenchain.decisions.retrofit.catalogue import load_catalogue

    names: dict[str, str] = {}
    for m in load_catalogue().values():
        names.update({m.name_zh.strip(): m.id, m.name_en.strip().casefold(): m.id})
    renamed = {
        names.get(str(k).strip(), names.get(str(k).strip().casefold(), k)): v
        for k, v in options.items()
    }
    return {**data, "retrofit_options": renamed} if len(renamed) == len(options) else data
