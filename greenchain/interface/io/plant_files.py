"""YAML and JSON plant files: read safely, validate, report every problem at once.

Shared by :func:`greenchain.interface.io.load_plant` and the Excel template (which
fills its example sheets from the YAML example), so neither imports the other.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from greenchain.data.plant_file import PlantData, validation_error
from greenchain.errors import GreenchainError, InputError
from greenchain.interface.io.limits import check_tree, load_json, load_yaml, read_utf8

__all__ = ["read_text_plant_data", "parse_plant", "measure_ids", "check_evidence", "FileLocator"]

_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def read_text_plant_data(path: str | Path) -> dict[str, Any]:
    """Read a YAML or JSON plant file into plain Python data (no validation).

    YAML is read with a ``yaml.SafeLoader`` that refuses duplicate keys and bounds
    aliases, JSON without duplicate keys, NaN or Infinity; text must be UTF-8 and the
    data within the limits of :mod:`greenchain.interface.io.limits`.

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
        File missing, not UTF-8, malformed YAML or JSON (with line and column), a
        duplicate key, over a size limit, or not a mapping.

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
    text = read_utf8(path)
    data = load_json(text, path.name) if suffix == ".json" else load_yaml(text, path.name)
    check_tree(data, path.name)
    if not isinstance(data, dict):
        raise InputError(
            "a plant file must be a mapping with a 'plant' section",
            field="(root)",
            source=path.name,
        )
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
        plant = PlantData.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, source) from None
    check_evidence(plant, source)
    return plant


def check_evidence(plant: PlantData, source: str | None = None) -> None:
    """Check ``green_factory.evidence`` at load: every answer, and each scheme's item ids.

    Evidence keyed by a scheme (``gbt36132-2025: {...}``) is checked against that
    scheme's items; unkeyed evidence only for its answers (the scheme is chosen when
    scoring).

    Parameters
    ----------
    plant : PlantData
        Validated plant data.
    source : str, optional
        The file name, named in error messages.

    Returns
    -------
    None

    Raises
    ------
    InputError
        Naming ``green_factory.evidence[.<scheme>]`` and the file.

    Examples
    --------
    >>> data = parse_plant({"plant": {"name": "Demo", "region": "Fujian", "year": 2023}})
    >>> check_evidence(data, "plant.yaml") is None
    True
    """
    evidence = plant.green_factory.get("evidence")
    if not isinstance(evidence, dict) or not evidence:
        return
    from greenchain.decisions.scoring.evidence import as_evidence, check_ids
    from greenchain.decisions.scoring.schemes import load_scheme

    keyed = [k for k in evidence if str(k).startswith(("gbt", "GB/T"))]
    parts: dict[str | None, Any] = {k: evidence[k] for k in keyed} if keyed else {None: evidence}
    for key, answers in parts.items():
        field = "green_factory.evidence" + (f".{key}" if key is not None else "")
        try:
            checked = as_evidence(answers, source)
            if key is None:
                continue
            try:
                scheme = load_scheme(str(key))
            except GreenchainError:
                continue  # a scheme greenchain does not ship: checked when scoring with it
            check_ids(checked, scheme)
        except InputError as exc:
            raise InputError(exc.message, field=field, source=source) from None


class FileLocator:
    """The locator of a YAML or JSON plant: errors of later analyses name the file.

    A :class:`~greenchain.interface.plant.Plant` passes every greenchain error of its
    methods through ``translate``; an error that names no file gets this one.

    Parameters
    ----------
    file : str
        The plant file's name.

    Examples
    --------
    >>> from greenchain.errors import GreenchainError, InputError
    >>> str(FileLocator("mill.yaml").translate(InputError("bad", field="capex")))
    'capex in mill.yaml: bad'
    """

    def __init__(self, file: str):
        self.file = file

    def translate(self, exc: GreenchainError) -> GreenchainError:
        """``exc`` naming the plant file when it names no file.

        Parameters
        ----------
        exc : GreenchainError
            An error of an analysis of the plant.

        Returns
        -------
        GreenchainError
            A copy of the same class with ``source`` set, or ``exc`` itself.

        Examples
        --------
        >>> from greenchain.errors import GreenchainError, InputError
        >>> FileLocator("a.yaml").translate(InputError("bad", source="b.csv")).source
        'b.csv'
        """
        if exc.source:
            return exc
        new = copy.copy(exc)
        new.source = self.file
        new.args = (str(new),)
        return new


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
