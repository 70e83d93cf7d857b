"""Constants shared by the product-footprint modules."""

from __future__ import annotations

import re

from greenchain.data.vocabulary import ALLOCATIONS, BOUNDARIES, FOOTPRINT_ELECTRICITY

__all__ = [
    "STAGES",
    "BOUNDARIES",
    "ALLOCATIONS",
    "ELECTRICITY_BASES",
    "MATERIAL_LISTS",
    "FACTOR_KEY",
    "PACT_UNITS",
]

STAGES = (
    "materials",
    "packaging",
    "transport",
    "plant energy",
    "fuel supply",
    "process",
    "waste",
)
#: footprint electricity option -> grid-factor basis of the inventory
ELECTRICITY_BASES = dict(zip(FOOTPRINT_ELECTRICITY, ("lifecycle", "average"), strict=True))
MATERIAL_LISTS = ("materials", "packaging", "waste")
# a factor key, optionally with its dataset: "fuel.diesel.co2_factor (IPCC 2006)"
FACTOR_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_\-]+)+)\s*(?:\((.+)\))?$")
# PACT Technical Specification v2 declared units (enumerated), by pint dimension
PACT_UNITS = {
    "[mass]": ("kilogram", "kg"),
    "[length] ** 2": ("square meter", "m^2"),
    "[length] ** 3": ("cubic meter", "m^3"),
    "[energy]": ("kilowatt hour", "kWh"),
}
