"""A plant's standing against the national energy limits before and after a retrofit package.

Each product whose ``attributes`` name a limit standard
(:func:`greenchain.decisions.grading.product_limits`: GB 21252-2023 for
``limit_product``, the printing and dyeing industry norm for ``fabric``) is graded on
its specific energy (:meth:`greenchain.accounting.energy.EnergyResult.intensity`) on the
baseline data and on the data after the package
(:func:`greenchain.decisions.retrofit.package.package_data`).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from greenchain.accounting.energy import plant_energy
from greenchain.data.plant_file import PlantData, PlantLike, plant_data
from greenchain.decisions import grading
from greenchain.decisions.retrofit.package import package_data
from greenchain.errors import InputError, collect_caveats, emit_caveats

__all__ = ["limit_levels", "LIMIT_COLUMNS"]

#: Columns of :func:`limit_levels`, in order.
LIMIT_COLUMNS = (
    "product",
    "standard",
    "unit",
    "specific_energy_before",
    "specific_energy_after",
    "level_before",
    "level_after",
    "change",
    "limit",
    "status",
    "reason",
)
_NUMERIC = ("specific_energy_before", "specific_energy_after", "limit")
_LEVEL_RANK = {
    1: 1,
    2: 2,
    3: 3,
    grading.BELOW_LIMIT: 4,
    grading.MEETS_LIMIT: 1,
    grading.ABOVE_LIMIT: 2,
}


def limit_levels(
    data: PlantData | PlantLike,
    measures: Any = None,
    *,
    catalogue: Any = None,
    energy_options: dict[str, Any] | None = None,
    source: str | None = None,
) -> pd.DataFrame:
    """Specific energy and limit level of each graded product before and after a package.

    Products with ``attributes.limit_product`` (GB 21252-2023, with ``water_absorption``
    and ``thickness_factor``) are graded with
    :func:`greenchain.decisions.grading.gb21252_level`; products with
    ``attributes.fabric`` against the 2017 dyeing norm with
    :func:`greenchain.decisions.grading.dyeing_norm_check` (``meets limit`` /
    ``above limit``).

    Parameters
    ----------
    data : PlantData or Plant
        The baseline plant data (or a plant, whose ``data`` is used).
    measures : list of str, str or None
        As in :func:`~greenchain.decisions.retrofit.package.package_data` (``None``: the
        measures marked ``selected`` in the plant file).
    catalogue : mapping or path(s), optional
        As in :func:`~greenchain.decisions.retrofit.package.package_data`.
    energy_options : dict, optional
        Passed to :func:`~greenchain.accounting.energy.plant_energy`.
    source : str, optional
        The plant file's name, named in messages (default: the plant's).

    Returns
    -------
    pandas.DataFrame
        ``product``, ``standard``, ``unit``, ``specific_energy_before``,
        ``specific_energy_after`` (floats in ``unit``), ``level_before``,
        ``level_after``, ``change`` (``better``, ``same``, ``worse``), ``limit`` (level 3
        or the norm's limit, a float), ``status`` and ``reason`` (why a row has no
        values). ``table.attrs`` holds ``warnings`` and ``caveats``.

    Examples
    --------
    >>> import warnings
    >>> import greenchain as gc
    >>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     t = limit_levels(plant)  # the measures marked `selected` in the plant file
    >>> t[["level_before", "level_after", "change"]].values.tolist()
    [[2, 1, 'better']]
    """
    base, source = plant_data(data, source)
    options = energy_options or {}
    with collect_caveats() as caught:
        after = package_data(base, measures, catalogue=catalogue, source=source)
        with collect_caveats():  # the energy accounts' caveats are not the table's
            e0 = plant_energy(base, source, **options)
            e1 = plant_energy(after, source, **options)
        rows = []
        for p in base.products:
            limits = grading.product_limits(p)
            if limits is None:
                continue
            row: dict[str, Any] = {"product": p.id, "reason": None}
            try:
                s0, s1 = e0.intensity(p.id), e1.intensity(p.id)
            except InputError as exc:
                row.update(standard=limits.standard, reason=str(exc))
                rows.append(row)
                continue
            before, now = limits.standing(s0), limits.standing(s1)
            row.update(
                standard=before["standard"],
                unit=before["unit"],
                specific_energy_before=before["specific_energy"],
                specific_energy_after=now["specific_energy"],
                level_before=before["level"],
                level_after=now["level"],
                limit=before["limit"],
                status=before["status"],
            )
            b, f = _LEVEL_RANK[row["level_before"]], _LEVEL_RANK[row["level_after"]]
            row["change"] = "better" if f < b else "same" if f == b else "worse"
            rows.append(row)
    table = pd.DataFrame(rows, columns=list(LIMIT_COLUMNS), dtype=object)
    for column in _NUMERIC:
        table[column] = table[column].astype(float)
    table.attrs["caveats"] = list(caught)
    table.attrs["warnings"] = [c.message for c in caught]
    emit_caveats(caught)
    return table
