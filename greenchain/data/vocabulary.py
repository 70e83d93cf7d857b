"""The fixed vocabularies of greenchain's options, in one light module.

Option values that several layers share (and that the command line offers as
choices) are defined here once, with no heavy import, so that building the command
line's parser loads neither pydantic, pandas nor the unit registry. The modules that
use them re-export them (``greenchain.data.factors.GRID_BASES`` ...).

Examples
--------
>>> from greenchain.data.vocabulary import GWP_REPORTS, DEFAULT_GWP_REPORT
>>> DEFAULT_GWP_REPORT in GWP_REPORTS
True
"""

from __future__ import annotations

__all__ = [
    "STATUSES",
    "GRID_BASES",
    "GWP_REPORTS",
    "DEFAULT_GWP_REPORT",
    "BOUNDARIES",
    "ALLOCATIONS",
    "FOOTPRINT_ELECTRICITY",
    "RETROFIT_INTERACTIONS",
    "CO2_BASES",
    "DEFAULT_SCHEME",
    "REGIMES",
]

#: Verification status of every shipped number (DESIGN.md).
STATUSES = ("official", "transcribed", "derived", "unverified")
#: Grid-electricity factor bases of the factor database.
GRID_BASES = ("average", "fossil", "excluding_market_nonfossil", "ets", "lifecycle")
#: IPCC assessment reports with GWP sets.
GWP_REPORTS = ("SAR", "AR4", "AR5", "AR6")
#: The GWP set used unless another is asked for.
DEFAULT_GWP_REPORT = "AR6"
#: Product-footprint system boundaries (ISO 14067 / GB/T 24067).
BOUNDARIES = ("cradle_to_gate", "gate_to_gate")
#: Allocation methods between co-products (ISO 14067 6.4.6).
ALLOCATIONS = ("mass", "area", "economic", "physical")
#: Electricity factor of a product footprint: the national life-cycle factor or the
#: inventory's location-based grid factor.
FOOTPRINT_ELECTRICITY = ("lifecycle", "grid")
#: How retrofit measures are evaluated: in sequence as a package, or each alone.
RETROFIT_INTERACTIONS = ("package", "alone")
#: Emissions basis of abatement: location-based or market-based scope 2.
CO2_BASES = ("location", "market")
#: The green-factory scheme scored unless another is asked for.
DEFAULT_SCHEME = "GB/T 36132-2025"
#: Reporting regimes shipped as ``factors/regimes/<name>.yaml`` (a user's regime file is
#: given by its path): GB/T 32150 enterprise report, NDRC sector guideline, Fujian pilot
#: ETS, GHG Protocol corporate standard, ISO 14064-1.
REGIMES = ("gbt32150", "ndrc_guideline", "fujian_ets", "ghg_protocol", "iso14064")
#: GB/T 2589 bases of comprehensive energy: equal value (当量值) or equivalent value (等价值).
ENERGY_BASES = ("equal_value", "equivalent_value")
