"""Limits on plant files, and YAML and JSON parsing that loses nothing.

A plant file is read as UTF-8 and parsed so that nothing is lost and nothing runs
away: a key written twice in one mapping is an error naming both places (YAML lines,
JSON lines), YAML aliases are bounded (an alias bomb is refused, not expanded), and
the parsed data is walked once, with bounded work, to check its size. The limits
(``docs/developers/architecture.md``, "Limits on plant files"):

- file size at most ``MAX_FILE_BYTES`` (20 MB);
- text at most ``MAX_STRING`` characters per value (10,000);
- lists and mappings of at most ``MAX_ITEMS`` entries (200,000);
- nesting at most ``MAX_DEPTH`` levels (20; a plant file needs about 8);
- at most ``MAX_NODES`` values in all, counting each use of a YAML alias (2,000,000),
  and at most ``MAX_ALIASES`` alias uses (1,000).

Examples
--------
>>> check_tree({"plant": {"name": "x" * 20000}}, "plant.yaml")
Traceback (most recent call last):
...
greenchain.errors.InputError: plant.name in plant.yaml: text of 20000 characters; at most 10000
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from greenchain.data.yaml_safe import SafeLoader
from greenchain.errors import InputError
from greenchain.units import shorten

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_STRING",
    "MAX_ITEMS",
    "MAX_DEPTH",
    "MAX_NODES",
    "MAX_ALIASES",
    "read_utf8",
    "load_yaml",
    "PlantLoader",
    "load_json",
    "check_tree",
    "output_path",
]

MAX_FILE_BYTES = 20_000_000
MAX_STRING = 10_000
MAX_ITEMS = 200_000
MAX_DEPTH = 20
MAX_NODES = 2_000_000
MAX_ALIASES = 1_000


def read_utf8(path: str | Path) -> str:
    """The text of a plant file: at most ``MAX_FILE_BYTES``, decoded as UTF-8.

    Parameters
    ----------
    path : str or Path
        The file.

    Returns
    -------
    str
        Its text (a UTF-8 byte-order mark is dropped).

    Raises
    ------
    InputError
        The file is too large or not UTF-8 (naming the file and the byte offset).

    Examples
    --------
    >>> import greenchain as gc
    >>> read_utf8(gc.example_path("tile_plant.yaml")).startswith("#")
    True
    """
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(
            f"file of {size:,} bytes; a plant file is at most {MAX_FILE_BYTES:,} bytes",
            field="(file)",
            source=path.name,
        )
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            f"not UTF-8 text (byte {exc.start} on line {line}); save the file as UTF-8",
            field=f"(line {line})",
            source=path.name,
        ) from None


class _DuplicateKey(Exception):
    """A key written twice in one JSON object."""

    def __init__(self, key: str):
        self.key = key


class PlantLoader(SafeLoader):
    """A safe YAML loader that refuses duplicate keys and bounds alias uses.

    The text is scanned and parsed by libyaml when PyYAML has it (the events are the
    same as the pure-Python parser's); composing, the alias count and the duplicate-key
    check stay in Python, so they apply either way.

    Parameters
    ----------
    stream : str
        The YAML text.

    Examples
    --------
    >>> yaml.load("a: [1, 2]", Loader=PlantLoader)
    {'a': [1, 2]}
    """

    def __init__(self, stream: Any):
        super().__init__(stream)
        self._aliases = 0
        self.anchors = _Anchors(self)

    def compose_document(self) -> Any:
        """Compose one document; its anchors count their alias uses (``_Anchors``).

        Returns
        -------
        yaml.Node
        """
        self.anchors = _Anchors(self)
        return super().compose_document()

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        """Construct a mapping; a key written twice is an error naming both lines.

        Parameters
        ----------
        node : yaml.MappingNode
            The mapping.
        deep : bool, default False
            Construct the values at once.

        Returns
        -------
        dict
        """
        if isinstance(node, yaml.MappingNode):
            self.flatten_mapping(node)
            seen: dict[Any, Any] = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                try:
                    first = seen.get(key)
                except TypeError:  # an unhashable key: the base class reports it
                    continue
                if first is not None:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"duplicate key {shorten(key)} (first on line {first.line + 1}); "
                        "the second would silently replace the first",
                        key_node.start_mark,
                    )
                seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)


class _Anchors(dict):  # type: ignore[type-arg]
    """The composer's anchors: each alias use (a lookup) is counted, at most
    ``MAX_ALIASES``. Counting here, not in an override of ``compose_node``, keeps the
    cost off the other nodes (700,000 of them in a plant file of 100,000 entries)."""

    def __init__(self, loader: PlantLoader):
        super().__init__()
        self._loader = loader

    def __getitem__(self, anchor: Any) -> Any:
        loader = self._loader
        loader._aliases += 1
        if loader._aliases > MAX_ALIASES:
            raise yaml.composer.ComposerError(
                None, None, f"more than {MAX_ALIASES} uses of YAML aliases (*{anchor})", None
            )
        return super().__getitem__(anchor)


def load_yaml(text: str, source: str) -> Any:
    """Parse YAML safely: no duplicate keys, bounded aliases, a clear error otherwise.

    Parameters
    ----------
    text : str
        The YAML text.
    source : str
        The file name, for messages.

    Returns
    -------
    any
        The parsed data.

    Raises
    ------
    InputError
        Malformed YAML (with line and column), a duplicate key (naming both lines),
        too many aliases, nesting too deep for the parser, a number too long.

    Examples
    --------
    >>> load_yaml("a: 1\\nb: 2\\na: 3\\n", "plant.yaml")
    Traceback (most recent call last):
    ...
    greenchain.errors.InputError: a in plant.yaml: malformed YAML at line 3, column 1: duplicate key 'a' (first on line 1); the second would silently replace the first
    """
    try:
        return yaml.load(text, Loader=PlantLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "file"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        key = re.match(r"duplicate key '([^']*)'", str(problem))
        raise InputError(
            f"malformed YAML at {where}: {problem}",
            field=key.group(1) if key else "(file)",
            source=source,
        ) from None
    except RecursionError:
        raise InputError(
            f"nested too deeply (a plant file has at most {MAX_DEPTH} levels)",
            field="(file)",
            source=source,
        ) from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise InputError(
            f"cannot read a value: {shorten(str(exc))}", field="(file)", source=source
        ) from None


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def _key_lines(text: str, key: str) -> list[int]:
    """The lines on which ``"key":`` is written in JSON text."""
    pattern = re.compile(re.escape(json.dumps(key)) + r"\s*:")
    return [text.count("\n", 0, m.start()) + 1 for m in pattern.finditer(text)][:5]


def load_json(text: str, source: str) -> Any:
    """Parse JSON strictly: no duplicate keys, no NaN or Infinity, a clear error otherwise.

    Parameters
    ----------
    text : str
        The JSON text.
    source : str
        The file name, for messages.

    Returns
    -------
    any
        The parsed data.

    Raises
    ------
    InputError
        Malformed JSON (with line), a duplicate key (naming its lines), NaN or
        Infinity, nesting too deep, a number too long.

    Examples
    --------
    >>> load_json('{"a": 1,\\n "a": 2}', "plant.json")
    Traceback (most recent call last):
    ...
    greenchain.errors.InputError: a in plant.json: duplicate key 'a' (lines 1, 2); the second would silently replace the first
    """

    def _constant(name: str) -> Any:
        raise InputError(
            f"{name} is not a number a plant file may hold", field="(file)", source=source
        )

    try:
        return json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant)
    except InputError:
        raise
    except _DuplicateKey as exc:
        lines = ", ".join(map(str, _key_lines(text, exc.key))) or "?"
        raise InputError(
            f"duplicate key {shorten(exc.key)} (lines {lines}); "
            "the second would silently replace the first",
            field=shorten(exc.key).strip("'"),
            source=source,
        ) from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"malformed JSON at line {exc.lineno}: {exc.msg}", field="(file)", source=source
        ) from None
    except RecursionError:
        raise InputError(
            f"nested too deeply (a plant file has at most {MAX_DEPTH} levels)",
            field="(file)",
            source=source,
        ) from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise InputError(
            f"cannot read a value: {shorten(str(exc))}", field="(file)", source=source
        ) from None


def _path(parts: tuple[Any, ...]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else ("." if out else "") + str(part)[:60]
    return out or "(root)"


def check_tree(data: Any, source: str) -> None:
    """Check parsed plant data against the size limits, with bounded work.

    Parameters
    ----------
    data : any
        Parsed YAML or JSON (or a workbook's data).
    source : str
        The file name, for messages.

    Returns
    -------
    None

    Raises
    ------
    InputError
        Naming the path of the first value over a limit (text length, list length,
        nesting depth) or the file when it holds too many values.

    Examples
    --------
    >>> check_tree({"energy": [{"amount": "5 t"}]}, "plant.yaml") is None
    True
    """
    check = _TreeCheck(source)
    if isinstance(data, dict | list):
        check.count(1)
        check.walk(data, None, 0)
    elif isinstance(data, str) and len(data) > MAX_STRING:
        check.fail(f"text of {len(data)} characters; at most {MAX_STRING}", None)


class _TreeCheck:
    """The walk of :func:`check_tree`, linear in the values written.

    A container met again (a YAML alias) is not walked again: its size and height,
    kept from the first walk, are counted. Paths are built only for a message.
    """

    def __init__(self, source: str):
        self.source = source
        self.nodes = 0
        self.seen: dict[int, tuple[int, int]] = {}  # id -> (values, levels of containers)

    def fail(self, message: str, path: Any) -> None:
        parts: list[Any] = []
        while path is not None:
            path, key = path
            parts.append(key)
        raise InputError(message, field=_path(tuple(reversed(parts))), source=self.source)

    def count(self, n: int) -> None:
        self.nodes += n
        if self.nodes > MAX_NODES:
            raise InputError(
                f"more than {MAX_NODES:,} values (YAML aliases count each time they are used)",
                field="(file)",
                source=self.source,
            )

    def walk(self, node: Any, path: Any, depth: int) -> tuple[int, int]:
        """Check one container (counted by its parent); its size and height."""
        if depth >= MAX_DEPTH:
            self.fail(f"nested more than {MAX_DEPTH} levels deep", path)
        known = self.seen.get(id(node))
        if known is not None:  # the same container again: an alias
            if depth + known[1] - 1 >= MAX_DEPTH:
                self.fail(f"nested more than {MAX_DEPTH} levels deep", path)
            self.count(known[0] - 1)
            return known
        if len(node) > MAX_ITEMS:
            self.fail(f"{len(node):,} entries; at most {MAX_ITEMS:,}", path)
        self.count(len(node))
        size, height = 1, 0
        for key, value in node.items() if isinstance(node, dict) else enumerate(node):
            if isinstance(key, str) and len(key) > MAX_STRING:
                self.fail(f"a key of {len(key)} characters; at most {MAX_STRING}", path)
            if isinstance(value, dict | list):
                n, h = self.walk(value, (path, key), depth + 1)
                size, height = size + n, max(height, h)
                continue
            size += 1
            if isinstance(value, str) and len(value) > MAX_STRING:
                self.fail(f"text of {len(value)} characters; at most {MAX_STRING}", (path, key))
        self.seen[id(node)] = (size, height + 1)
        return size, height + 1


def output_path(path: str | Path, field: str = "--output") -> Path:
    """Check an output file the user named: its folder must exist, it must not be a folder.

    Nothing is written outside the path given, and no folder is created for it (a
    typo in ``-o`` must not silently make a tree of folders).

    Parameters
    ----------
    path : str or Path
        The file to write.
    field : str, default "--output"
        The option or argument named in the error.

    Returns
    -------
    Path
        ``path`` as a Path.

    Raises
    ------
    InputError
        The folder does not exist, or ``path`` is a folder.

    Examples
    --------
    >>> output_path("/no/such/folder/report.html")
    Traceback (most recent call last):
    ...
    greenchain.errors.InputError: --output: the folder /no/such/folder does not exist; create it first
    """
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path} is a folder; give a file name", field=field)
    folder = path.parent
    if not folder.is_dir():
        raise InputError(f"the folder {folder} does not exist; create it first", field=field)
    return path
