"""greenchain: carbon accounting and green manufacturing for light-industry and
building-material plants (ceramic tiles, dyeing and finishing, shoes and apparel,
food).

Every number greenchain ships names its source and verification status; every
result can list the factors it used.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from greenchain._resources import example_path
from greenchain.gwp import gwp
from greenchain.units import Q_, ureg

__version__ = "0.1.0"

__all__ = ["Q_", "ureg", "__version__", "gwp", "load_plant", "example_path"]

# Submodules load on first attribute access so that `import greenchain` stays light
# (no pandas-heavy or plotting module is imported until used).
_SUBMODULES = {
    "errors",
    "factors",
    "units",
    "emissions",
    "energy",
    "inventory",
    "footprint",
    "uncertainty",
    "finance",
    "grading",
    "retrofit",
    "scoring",
    "processes",
    "model",
    "io",
    "plant",
    "plots",
    "report",
    "cli",
    "excel",
    "product_footprint",
    "tables",
}


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return import_module(f"greenchain.{name}")
    if name == "load_plant":
        return import_module("greenchain.io").load_plant
    raise AttributeError(f"module 'greenchain' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _SUBMODULES | {"load_plant"})
