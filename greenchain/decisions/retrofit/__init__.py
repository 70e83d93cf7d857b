"""Retrofit decisions: the measure catalogue, measure effects on a plant, packages, ranking.

Every function takes the plant data (:class:`~greenchain.data.plant_file.PlantData`,
with ``source=`` the file name for messages) or a plant, whose data and file name are
used; none imports the ``Plant`` facade.

* :func:`load_catalogue`, :func:`get_measure`: the measure catalogue
  (``factors/measures/*.yaml``, :mod:`greenchain.decisions.retrofit.catalogue`);
* :func:`plant_retrofits`: savings, CO2, money, payback, NPV, IRR and abatement cost of
  each measure on the plant's own energy streams, ranked by abatement cost
  (:mod:`~greenchain.decisions.retrofit.assess`; :data:`SUMMARY_COLUMNS` are the
  columns a summary shows);
* :func:`package_data`, :func:`apply_package`, :func:`package_summary`: the plant data
  (or plant) after a package of measures, and the before/after inventory and energy
  (:mod:`~greenchain.decisions.retrofit.package`);
* :func:`heat_budget`: the waste heat each source gives and the measures of a package
  take (:mod:`~greenchain.decisions.retrofit.budget`);
* :func:`limit_levels`: GB 21252 / dyeing-norm standing before and after a package
  (:mod:`~greenchain.decisions.retrofit.limits`);
* :func:`macc`: the marginal abatement cost curve of a results table, and
  :func:`curve_rows`: the rows of a results table that a curve or waterfall can stack
  (:mod:`~greenchain.decisions.retrofit.macc`).

Importing this package loads neither matplotlib nor the catalogue files (both are read
on first use).
"""

from __future__ import annotations

from greenchain.decisions.retrofit.assess import SUMMARY_COLUMNS, plant_retrofits
from greenchain.decisions.retrofit.budget import heat_budget
from greenchain.decisions.retrofit.catalogue import get_measure, load_catalogue
from greenchain.decisions.retrofit.limits import limit_levels
from greenchain.decisions.retrofit.macc import curve_rows, macc
from greenchain.decisions.retrofit.package import apply_package, package_data, package_summary

__all__ = [
    "macc",
    "load_catalogue",
    "get_measure",
    "plant_retrofits",
    "SUMMARY_COLUMNS",
    "package_data",
    "apply_package",
    "package_summary",
    "limit_levels",
    "curve_rows",
    "heat_budget",
]
