"""Old import paths of modules that moved into the layer folders (0.2).

Until 0.2 greenchain was flat (``greenchain.inventory``, ``greenchain.footprint`` ...).
Its modules now live in one folder per layer (``data/``, ``accounting/``,
``decisions/``, ``interface/``). The old dotted paths keep working for one minor
release: ``import greenchain.footprint`` returns :mod:`greenchain.accounting.lca`
itself (not a copy) and emits a :class:`DeprecationWarning` naming the new path.

:data:`MOVED` is the one table of old → new paths; a test walks it.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import warnings
from types import FrameType, ModuleType

__all__ = ["MOVED", "new_path", "MovedModuleFinder"]

#: old dotted path -> new dotted path; a path below an old one moves with it
#: (``greenchain.retrofit.catalogue`` -> ``greenchain.decisions.retrofit.catalogue``)
#: unless it has its own entry. ``greenchain.gwp`` is absent on purpose: it is the
#: :func:`greenchain.gwp` function, and the module is :mod:`greenchain.data.gwp`.
MOVED: dict[str, str] = {
    "greenchain.tables": "greenchain.data.tables",
    "greenchain.factors": "greenchain.data.factors",
    "greenchain.model": "greenchain.data.plant_file",
    "greenchain.emissions": "greenchain.accounting.emissions",
    "greenchain.energy": "greenchain.accounting.energy",
    "greenchain.inventory": "greenchain.accounting.inventory",
    "greenchain.footprint": "greenchain.accounting.lca",
    "greenchain.uncertainty": "greenchain.accounting.uncertainty",
    "greenchain.product_footprint": "greenchain.accounting.product_footprint",
    "greenchain.finance": "greenchain.decisions.finance",
    "greenchain.grading": "greenchain.decisions.grading",
    "greenchain.retrofit": "greenchain.decisions.retrofit",
    "greenchain.retrofit.cli": "greenchain.interface.cli.retrofit",
    "greenchain.scoring": "greenchain.decisions.scoring",
    "greenchain.scoring.cli": "greenchain.interface.cli.score",
    "greenchain.scoring.plots": "greenchain.interface.plots",
    # plant_indicators, plant_references, plant_score; score_with_measures is in
    # greenchain.decisions.scoring.with_measures (and Plant.score_with_measures)
    "greenchain.scoring.plant": "greenchain.decisions.scoring.indicators",
    "greenchain.plant": "greenchain.interface.plant",
    "greenchain.io": "greenchain.interface.io",
    "greenchain.excel": "greenchain.interface.io.excel",
    "greenchain.labels": "greenchain.interface.labels",
    "greenchain.plots": "greenchain.interface.plots",
    "greenchain.report": "greenchain.interface.report",
    "greenchain.cli": "greenchain.interface.cli",
    "greenchain.footprint_cli": "greenchain.interface.cli.footprint",
    "greenchain.report_cli": "greenchain.interface.cli.report",
    "greenchain.excel_cli": "greenchain.interface.cli.excel",
}


def new_path(old: str) -> str | None:
    """The new dotted path of an old module path, or None if it did not move.

    Examples
    --------
    >>> new_path("greenchain.retrofit.catalogue")
    'greenchain.decisions.retrofit.catalogue'
    >>> new_path("greenchain.processes.kilns") is None
    True
    """
    if old in MOVED:
        return MOVED[old]
    head, _, tail = old.rpartition(".")
    while head:
        if head in MOVED:
            return f"{MOVED[head]}.{old[len(head) + 1 :]}"
        head, _, _ = head.rpartition(".")
    return None


class _PackageAlias(ModuleType):
    """An old package path: every attribute is read from the package at its new path.

    A proxy rather than the package itself, so that importing an old submodule path
    (which makes Python set the submodule as an attribute of its parent) cannot
    replace a function of the real package that shares the submodule's name
    (``greenchain.retrofit.macc``, the module, against ``retrofit.macc``, the curve).
    """

    def __init__(self, name: str, target: ModuleType):
        super().__init__(name, target.__doc__)
        self.__dict__["_target"] = target
        self.__path__ = list(target.__path__)

    def __getattr__(self, name: str) -> object:
        return getattr(self.__dict__["_target"], name)

    def __dir__(self) -> list[str]:
        return dir(self.__dict__["_target"])


class _AliasLoader(importlib.abc.Loader):
    """Puts the module at the new path into ``sys.modules`` under the old name."""

    def __init__(self, target: str):
        self.target = target

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return None  # a throw-away module; exec_module swaps in the real one

    def exec_module(self, module: ModuleType) -> None:
        old = module.__name__
        warnings.warn(
            f"{old} moved to {self.target}; the old path works until greenchain 0.3",
            DeprecationWarning,
            stacklevel=_user_stacklevel(),
        )
        target = importlib.import_module(self.target)
        sys.modules[old] = _PackageAlias(old, target) if hasattr(target, "__path__") else target


def _user_stacklevel() -> int:
    """Stack level of the first frame outside the import machinery and this module."""
    frame: FrameType | None = sys._getframe(1)
    level = 1
    while frame is not None and (
        frame.f_code.co_filename.startswith("<frozen importlib")
        or frame.f_code.co_filename == __file__
    ):
        frame, level = frame.f_back, level + 1
    return level


class MovedModuleFinder(importlib.abc.MetaPathFinder):
    """Finds old greenchain module paths and aliases them to their new homes."""

    def find_spec(self, fullname, path=None, target=None):  # type: ignore[no-untyped-def]
        if not fullname.startswith("greenchain."):
            return None
        target_name = new_path(fullname)
        if target_name is None:
            return None
        return importlib.machinery.ModuleSpec(fullname, _AliasLoader(target_name))


def install() -> None:
    """Add the finder to ``sys.meta_path`` once (called by ``greenchain/__init__``)."""
    if not any(isinstance(f, MovedModuleFinder) for f in sys.meta_path):
        # first in line: the regular path finder would otherwise load a moved module's
        # file a second time under its old name (greenchain.retrofit.catalogue found
        # through the aliased parent's __path__)
        sys.meta_path.insert(0, MovedModuleFinder())
