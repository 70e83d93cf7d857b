"""greenchain: carbon accounting and green manufacturing for light-industry and
building-material plants (ceramic tiles, dyeing and finishing, shoes and apparel,
food).

Every number greenchain ships names its source and verification status; every
result can list the factors it used.

The code is layered, one folder per layer, imports going only downward: the kernel
(:mod:`~greenchain.errors`, :mod:`~greenchain.units`) < ``data/`` < ``processes/``
(physics) < ``accounting/`` < ``decisions/`` < ``interface/``. The short names
``gc.inventory``, ``gc.retrofit``, ``gc.plots`` ... reach the modules in their layers.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from greenchain import _moved
from greenchain._resources import example_path

if TYPE_CHECKING:  # the lazy names, typed for the user's checker
    from greenchain.data.gwp import gwp as gwp
    from greenchain.interface.io import load_plant as load_plant
    from greenchain.interface.plant import Plant as Plant
    from greenchain.units import Q_ as Q_
    from greenchain.units import ureg as ureg

__version__ = "0.2.0.dev0"

__all__ = ["Q_", "ureg", "__version__", "gwp", "load_plant", "example_path", "Plant"]

_moved.install()

# Short names, loaded on first access so that `import greenchain` stays light (not
# even the unit registry is built until used): the module of each name in its layer.
_HOMES = {
    "errors": "greenchain.errors",
    "units": "greenchain.units",
    "tables": "greenchain.data.tables",
    "factors": "greenchain.data.factors",
    "processes": "greenchain.processes",
    "emissions": "greenchain.accounting.emissions",
    "fgases": "greenchain.accounting.fgases",
    "energy": "greenchain.accounting.energy",
    "inventory": "greenchain.accounting.inventory",
    "lca": "greenchain.accounting.lca",
    "portfolio": "greenchain.accounting.portfolio",
    "uncertainty": "greenchain.accounting.uncertainty",
    "product_footprint": "greenchain.accounting.product_footprint",
    "finance": "greenchain.decisions.finance",
    "grading": "greenchain.decisions.grading",
    "bureau": "greenchain.decisions.portfolio",
    "retrofit": "greenchain.decisions.retrofit",
    "scoring": "greenchain.decisions.scoring",
    "io": "greenchain.interface.io",
    "excel": "greenchain.interface.io.excel",
    "labels": "greenchain.interface.labels",
    "plots": "greenchain.interface.plots",
    "report": "greenchain.interface.report",
    "cli": "greenchain.interface.cli",
}
# Names that moved or were renamed: they work, with a DeprecationWarning, until 0.3.
_DEPRECATED = {
    "footprint": "greenchain.accounting.lca",
    "model": "greenchain.data.plant_file",
    "plant": "greenchain.interface.plant",
}
# Objects (not modules) reached from the top level.
_OBJECTS = {
    "Q_": ("greenchain.units", "Q_"),
    "ureg": ("greenchain.units", "ureg"),
    "gwp": ("greenchain.data.gwp", "gwp"),
    "load_plant": ("greenchain.interface.io", "load_plant"),
    "Plant": ("greenchain.interface.plant", "Plant"),
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return import_module(_HOMES[name])
    if name in _OBJECTS:
        module, attribute = _OBJECTS[name]
        value = getattr(import_module(module), attribute)
        globals()[name] = value
        return value
    if name in _DEPRECATED:
        import warnings

        warnings.warn(
            f"greenchain.{name} moved to {_DEPRECATED[name]}; the old name works until 0.3",
            DeprecationWarning,
            stacklevel=2,
        )
        return import_module(_DEPRECATED[name])
    raise AttributeError(f"module 'greenchain' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOMES) | set(_OBJECTS))
