"""Locate the shipped data folder ``factors/``.

In a wheel the folder is installed as ``greenchain/_data/factors`` (hatch
``force-include``); in an editable checkout it is ``factors/`` at the repository
root. Code never opens data by another route.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

__all__ = ["data_root", "data_path", "example_path"]


@cache
def data_root() -> Path:
    """Return the folder holding the shipped factor files.

    ``greenchain/_data/factors`` in an installed wheel, ``factors/`` at the repository
    root in an editable checkout. Cached.

    Returns
    -------
    Path

    Raises
    ------
    FileNotFoundError
        Neither folder exists (a broken installation).

    Examples
    --------
    >>> (data_root() / "sources.yaml").is_file()
    True
    """
    packaged = resources.files("greenchain") / "_data" / "factors"
    if packaged.is_dir():
        return Path(str(packaged))
    repo = Path(__file__).resolve().parent.parent / "factors"
    if repo.is_dir():
        return repo
    raise FileNotFoundError("greenchain data folder 'factors' not found")  # broken install


def data_path(*parts: str) -> Path:
    """Return the path of a shipped data file, e.g. ``data_path("units.txt")``.

    Parameters
    ----------
    *parts : str
        Path components below the data folder (``"measures"``, ``"ceramics.yaml"``).

    Returns
    -------
    Path
        The path; whether the file exists is not checked.

    Examples
    --------
    >>> data_path("measures", "ceramics.yaml").name
    'ceramics.yaml'
    """
    return data_root().joinpath(*parts)


def example_path(name: str) -> Path:
    """Return the path of a shipped example plant file.

    Parameters
    ----------
    name : str
        File name: ``"tile_plant.yaml"``, ``"dyeing_mill.yaml"`` or
        ``"shoe_factory.yaml"``.

    Returns
    -------
    Path

    Raises
    ------
    FileNotFoundError
        No example of that name.

    Examples
    --------
    >>> example_path("tile_plant.yaml").name
    'tile_plant.yaml'
    """
    packaged = resources.files("greenchain") / "_data" / "examples" / name
    if packaged.is_file():
        return Path(str(packaged))
    repo = Path(__file__).resolve().parent.parent / "examples" / "data" / name
    if repo.is_file():
        return repo
    raise FileNotFoundError(f"no example {name!r}")
