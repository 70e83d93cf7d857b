"""YAML read with the safe constructor, parsed by libyaml when PyYAML has it.

Every YAML file greenchain reads (shipped data, regime, catalogue, evidence and scheme
files, plant files) goes through :data:`SafeLoader`: libyaml's scanner and parser (C,
an event state machine without recursion) under PyYAML's Python composer and
``SafeConstructor``. It builds exactly what ``yaml.safe_load`` builds, about six times
faster on the shipped files; the composer stays in Python so that deep nesting ends in
a ``RecursionError`` the readers report, not in a crash of libyaml's recursive C
composer. Without libyaml it is ``yaml.SafeLoader``.

Examples
--------
>>> safe_load("a: [1, 2]")
{'a': [1, 2]}
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

import yaml

__all__ = ["SafeLoader", "safe_load"]


def _libyaml_safe_loader() -> Any:
    """A safe loader whose scanner and parser are libyaml's, if built."""
    try:
        from yaml._yaml import CParser
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        return yaml.SafeLoader

    class LibyamlSafeLoader(
        yaml.composer.Composer,
        CParser,
        yaml.constructor.SafeConstructor,
        yaml.resolver.Resolver,
    ):
        """libyaml's scanner and parser under Python's composer and safe constructor."""

        def __init__(self, stream: Any):
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    return LibyamlSafeLoader


if TYPE_CHECKING:  # the same interface as the pure-Python safe loader
    SafeLoader = yaml.SafeLoader
else:
    SafeLoader = _libyaml_safe_loader()


def safe_load(stream: str | IO[str]) -> Any:
    """Parse YAML text or an open text file with :data:`SafeLoader`.

    Parameters
    ----------
    stream : str or file
        The YAML text, or a file opened for reading text.

    Returns
    -------
    any
        What ``yaml.safe_load`` returns for it.

    Raises
    ------
    yaml.YAMLError
        Malformed YAML, as ``yaml.safe_load``.
    """
    return yaml.load(stream, Loader=SafeLoader)  # noqa: S506 - a SafeLoader
