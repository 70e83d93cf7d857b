"""Docstrings match signatures, and every bracketed unit parses.

The fluids check (CalebBell/fluids ``tests/test_units.py::test_check_signatures``,
``fluids.units.check_module_docstring_parameters``) applied to greenchain: every module
of the package is imported, and for every public function defined in it, and every
public method of a public class defined in it, the numpydoc docstring is parsed with
:class:`numpydoc.docscrape.FunctionDoc` (classes with :class:`~numpydoc.docscrape.ClassDoc`)
and checked:

(a) the names in ``Parameters`` (and ``Other Parameters``) equal the signature's
    parameters, without ``self``/``cls``; ``*args``/``**kwargs`` are written with their
    stars and the signature's own name (``**options``); a combined entry
    ``plant, measures, catalogue : ...`` documents each of its names;
(b) every ``[...]`` in a parameter's type line or description is a unit that
    :meth:`greenchain.units.ureg.parse_units` reads (``[-]`` is dimensionless);
    text in ``literals``, ``:role:`targets``` and citations ``[1]_`` is not looked at;
(c) a function with parameters has a ``Parameters`` section.

A class docstring with a ``Parameters`` section is checked against the class's call
signature; dataclasses that document their fields under ``Attributes`` are not.
Dunder methods, private names and properties whose docstring is one line are skipped.

One test per layer folder collects every failure of that layer and asserts once, so
that a failure names the layer and lists ``module.function: missing x, extra y,
unparsable [z]`` lines. A module that cannot be imported is a failure, never a skip.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
import re
import traceback
import warnings
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest
from numpydoc.docscrape import ClassDoc, FunctionDoc, NumpyDocString

import greenchain
from greenchain.units import ureg

#: Modules not walked: the table of old import paths, whose import machinery
#: re-imports moved modules under their old names.
SKIPPED_MODULES = frozenset({"greenchain._moved"})

#: Layer folders below the kernel, bottom to top; every other module is kernel.
LAYERS = ("kernel", "data", "processes", "accounting", "decisions", "interface")

#: Bracket texts in parameter descriptions that are not units. Keep it short: write
#: intervals as "between 0 and 1" or "(0, 1)" and citations in References.
NOT_UNITS = frozenset(
    {
        "-",  # dimensionless, fluids' convention
    }
)

_BRACKET = re.compile(r"\[([^\[\]]*)\]")
# ``literal``, `default role`, :role:`target` (their brackets are code) and the reST
# citation reference [1]_ are not units.
_CODE = re.compile(r":[\w:.-]+:`[^`]*`|``.*?``|`[^`]*`|\[[^\[\]]*\]_")


def layer_of(module_name: str) -> str:
    """The layer folder of a dotted module name (``kernel`` for top-level modules)."""
    parts = module_name.split(".")
    if len(parts) > 1 and parts[1] in LAYERS[1:]:
        return parts[1]
    return "kernel"


@functools.lru_cache(maxsize=1)
def walk() -> tuple[dict[str, ModuleType], dict[str, str]]:
    """Import every module of greenchain: ``(modules by name, import errors by name)``."""
    errors: dict[str, str] = {}

    def onerror(name: str) -> None:
        errors[name] = traceback.format_exc(limit=1).strip().splitlines()[-1]

    names = ["greenchain"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for info in pkgutil.walk_packages(greenchain.__path__, "greenchain.", onerror=onerror):
            names.append(info.name)
    modules: dict[str, ModuleType] = {}
    for name in names:
        if name in SKIPPED_MODULES or name.startswith(tuple(m + "." for m in SKIPPED_MODULES)):
            continue
        if name in errors:
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                modules[name] = importlib.import_module(name)
        except Exception as exc:  # report, never skip
            errors[name] = f"{type(exc).__name__}: {exc}"
    return modules, errors


def _is_function(obj: Any) -> bool:
    return inspect.isfunction(inspect.unwrap(obj)) if callable(obj) else False


def public_objects(module: ModuleType) -> Iterator[tuple[str, Any, str]]:
    """``(qualified name, callable, kind)`` of the public functions and methods defined
    in ``module``; kind is ``"function"``, ``"method"``, ``"property"`` or ``"class"``."""
    for name, obj in sorted(vars(module).items()):
        if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
            continue
        if inspect.isclass(obj):
            yield name, obj, "class"
            for attr, member in sorted(vars(obj).items()):
                # a method copied from another module's class (functools.wraps) is
                # checked there
                inner = member.fget if isinstance(member, property) else member
                home = getattr(getattr(inner, "__func__", inner), "__module__", None)
                if attr.startswith("_") or home not in (None, module.__name__):
                    continue
                qualname = f"{name}.{attr}"
                if isinstance(member, property):
                    doc = inspect.getdoc(member) or ""
                    if member.fget is not None and len(doc.strip().splitlines()) > 1:
                        yield qualname, member.fget, "property"
                elif isinstance(member, (staticmethod, classmethod)):
                    yield qualname, member.__func__, "method"
                elif _is_function(member):
                    yield qualname, member, "method"
        elif _is_function(obj):
            yield name, obj, "function"


def signature_names(func: Callable[..., Any], kind: str) -> list[str]:
    """Parameter names as a docstring writes them: no ``self``/``cls``, starred varargs."""
    try:
        params = list(inspect.signature(func).parameters.values())
    except (TypeError, ValueError):
        return []
    if kind in ("method", "property") and params and params[0].name in ("self", "cls"):
        params = params[1:]
    names = []
    for p in params:
        if p.kind is inspect.Parameter.VAR_POSITIONAL:
            names.append("*" + p.name)
        elif p.kind is inspect.Parameter.VAR_KEYWORD:
            names.append("**" + p.name)
        else:
            names.append(p.name)
    return names


def unit_problems(text: str) -> list[str]:
    """The ``[...]`` texts of ``text`` that are neither units nor allowed non-units."""
    bad = []
    for raw in _BRACKET.findall(_CODE.sub("", text)):
        unit = " ".join(raw.split())
        if unit in NOT_UNITS:
            continue
        try:
            ureg.parse_units(unit)
        except Exception:
            bad.append(f"[{unit}]")
    return bad


def check_doc(doc: NumpyDocString, expected: list[str], require_section: bool) -> list[str]:
    """The problems of one parsed docstring against the expected parameter names."""
    entries = list(doc["Parameters"]) + list(doc["Other Parameters"])
    problems: list[str] = []
    if expected and not entries and require_section:
        problems.append("no Parameters section")
    documented: list[str] = []
    unparsable: list[str] = []
    for entry in entries:
        documented += [n.strip() for n in entry.name.split(",") if n.strip()]
        unparsable += unit_problems(entry.type + " " + " ".join(entry.desc))
    if entries or require_section:
        missing = [n for n in expected if n not in documented]
        extra = [n for n in documented if n not in expected]
        twice = sorted({n for n in documented if documented.count(n) > 1})
        if missing:
            problems.append("missing " + ", ".join(missing))
        if extra:
            problems.append("extra " + ", ".join(extra))
        if twice:
            problems.append("documented twice " + ", ".join(twice))
    if unparsable:
        problems.append("unparsable " + ", ".join(unparsable))
    return problems


def check_object(obj: Any, kind: str) -> list[str]:
    """The docstring problems of one public function, method, property or class."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if kind == "class":
                doc: NumpyDocString = ClassDoc(obj, config={"show_class_members": False})
            else:
                doc = FunctionDoc(obj)
    except Exception as exc:
        return [f"docstring does not parse ({type(exc).__name__}: {exc})"]
    if kind == "class":
        # Checked only if the class documents its constructor (pvlib style); dataclasses
        # document their fields under Attributes instead.
        return check_doc(doc, signature_names(obj, kind), require_section=False)
    return check_doc(doc, signature_names(obj, kind), require_section=True)


def _private(module_name: str) -> bool:
    """A ``_``-prefixed module holds helpers shared inside its package, not public API
    (``processes/_levels.py``, ``accounting/lca/_solver.py``); it is imported, not checked."""
    return any(part.startswith("_") for part in module_name.split(".")[1:])


def layer_failures(layer: str) -> list[str]:
    """Every failure of one layer: import errors, then docstring problems."""
    modules, errors = walk()
    failures = [
        f"{name}: import failed: {err}"
        for name, err in sorted(errors.items())
        if layer_of(name) == layer
    ]
    for name, module in sorted(modules.items()):
        if layer_of(name) != layer or _private(name):
            continue
        for qualname, obj, kind in public_objects(module):
            problems = check_object(obj, kind)
            if problems:
                failures.append(f"{name}.{qualname}: {'; '.join(problems)}")
    return failures


def test_every_module_imports() -> None:
    """The walk found modules in every layer and imported all of them."""
    modules, errors = walk()
    assert not errors, "modules that fail to import:\n" + "\n".join(
        f"  {name}: {err}" for name, err in sorted(errors.items())
    )
    assert {layer_of(name) for name in modules} == set(LAYERS)


@pytest.mark.parametrize("layer", LAYERS)
def test_docstrings_match_signatures(layer: str) -> None:
    """fluids' check_module_docstring_parameters, one assertion per layer."""
    failures = layer_failures(layer)
    assert not failures, f"{len(failures)} docstring failures in the {layer} layer:\n" + "\n".join(
        "  " + f for f in failures
    )


# --------------------------------------------------------------------- the checker itself


def _documented(a: float, b: float, *args: float, c: int = 0, **options: Any) -> None:
    """Example.

    Parameters
    ----------
    a, b : float
        Lengths [m] and [m^3/h].
    *args : float
        More lengths [m].
    c : int
        A count [-]; see ``table[1]``, :data:`x[0]` and [2]_.
    **options
        Passed on.
    """


def _undocumented(a: float, b: float) -> None:
    """Example.

    Parameters
    ----------
    a : float
        A length [metres of water].
    z : float
        Not a parameter.
    """


def test_checker_accepts_combined_and_starred_entries() -> None:
    assert check_object(_documented, "function") == []


def test_checker_reports_missing_extra_and_units() -> None:
    assert check_object(_undocumented, "function") == [
        "missing b",
        "extra z",
        "unparsable [metres of water]",
    ]


def test_checker_requires_a_parameters_section() -> None:
    def f(x: float) -> None:
        """One line."""

    def g() -> None:
        """One line."""

    assert check_object(f, "function") == ["no Parameters section", "missing x"]
    assert check_object(g, "function") == []


def test_layer_of() -> None:
    assert layer_of("greenchain") == "kernel"
    assert layer_of("greenchain.units") == "kernel"
    assert layer_of("greenchain.data.gwp") == "data"
    assert layer_of("greenchain.interface.io.excel.reader") == "interface"


class _Thing:
    """Example class.

    Parameters
    ----------
    size : float
        Size [m].
    """

    def __init__(self, size: float) -> None:
        self.size = size

    def scale(self, factor: float, *, unit: str = "m") -> float:
        """Example method.

        Parameters
        ----------
        factor : float
            Factor [-].
        """
        return self.size * factor


def test_checker_drops_self_and_checks_class_parameters() -> None:
    assert check_object(_Thing, "class") == []
    assert check_object(_Thing.scale, "method") == ["missing unit"]
