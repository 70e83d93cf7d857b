"""Heat budget of a retrofit package: the waste heat each source gives and the measures take.

Each waste-heat source (kiln cooling air, kiln flue gas, stenter exhaust, boiler flue,
compressor heat, dye wastewater) has an available heat computed from the plant data with
the process models (:mod:`greenchain.decisions.retrofit._heat`). The measures of a
package that draw on a source (catalogue ``draws_on``) take the heat they need in
package order; a measure that would take more than is left is scaled down, with its
saving, and a caveat says so. So no source is ever over-drawn.

Examples
--------
>>> import warnings
>>> import greenchain as gc
>>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")
...     table = heat_budget(plant)
>>> list(table.columns)
['source', 'available_gj', 'drawn_gj', 'left_gj', 'measures', 'reason']
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from greenchain.data.plant_file import PlantData, PlantLike, plant_data
from greenchain.decisions.retrofit._effects import context, package_members, resolve_measures
from greenchain.decisions.retrofit._sequence import budget_table, run_sequence
from greenchain.errors import collect_caveats, emit_caveats

__all__ = ["heat_budget"]


def heat_budget(
    data: PlantData | PlantLike,
    measures: Any = None,
    *,
    catalogue: Any = None,
    source: str | None = None,
) -> pd.DataFrame:
    """Waste heat available from each source and drawn by the measures of a package.

    Parameters
    ----------
    data : PlantData or Plant
        The plant data, or a plant, whose data and file name are used.
    measures : list of str, str or None
        The package; ``None``: the measures the catalogue would put in the package (the
        plant's ``selected`` measures, else every applicable measure, alternatives
        resolved in package order).
    catalogue : mapping or path(s), optional
        A catalogue from :func:`~greenchain.decisions.retrofit.catalogue.load_catalogue`,
        or user catalogue files to load with the shipped one.
    source : str, optional
        The plant file's name, named in messages (default: the plant's).

    Returns
    -------
    pandas.DataFrame
        One row per source: ``source``, ``available_gj`` [GJ/yr] (NaN when the plant data
        lack its inputs, ``reason`` says which), ``drawn_gj`` [GJ/yr] (never above
        ``available_gj``), ``left_gj`` [GJ/yr], ``measures``. ``attrs["caveats"]`` holds
        the caveats (a measure scaled down by the budget among them).

    Raises
    ------
    InputError
        Unknown measure, or equipment using more than its energy stream.
    """
    base, source = plant_data(data, source)
    with collect_caveats() as caught:
        ctx = context(base, source, catalogue)
        ms, explicit = resolve_measures(ctx, measures, package=True)
        members, _ = package_members(ms, strict=explicit)
        seq = run_sequence(ctx, members)
    table = budget_table(seq)
    table.attrs["caveats"] = list(caught)
    emit_caveats(caught)
    return table
