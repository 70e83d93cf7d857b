"""Retrofit decisions: the measure catalogue, measure effects on a plant, packages, ranking.

* :func:`load_catalogue`, :func:`get_measure`: the measure catalogue
  (``factors/measures/*.yaml``, :mod:`greenchain.decisions.retrofit.catalogue`);
* :func:`plant_retrofits`: savings, CO2, money, payback, NPV, IRR and abatement cost of
  each measure on the plant's own energy streams, ranked by abatement cost;
* :func:`apply_package`, :func:`package_summary`: a plant after a package of measures,
  and the before/after inventory and energy;
* :func:`limit_levels`: GB 21252 / dyeing-norm standing before and after a package;
* :func:`macc`: the marginal abatement cost curve of a results table, and
  :func:`curve_rows`: the rows of a results table that a curve or waterfall can stack.

Importing this package loads neither matplotlib nor the catalogue files (both are read
on first use).
"""

from __future__ import annotations

from greenchain.decisions.retrofit.assess import (
    apply_package,
    curve_rows,
    limit_levels,
    package_summary,
    plant_retrofits,
)
from greenchain.decisions.retrofit.catalogue import get_measure, load_catalogue
from greenchain.decisions.retrofit.macc import macc

__all__ = [
    "macc",
    "load_catalogue",
    "get_measure",
    "plant_retrofits",
    "apply_package",
    "package_summary",
    "limit_levels",
    "curve_rows",
]
