"""What a retrofit package does to the green-factory score: points gained, per measure.

The plant data after each measure alone and after the whole package come from
:func:`greenchain.decisions.retrofit.package.package_data`; each is rescored with
:func:`greenchain.decisions.scoring.indicators.plant_score`. Scoring sits above
retrofit in the decisions layer, so this module may import both.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from greenchain.data.plant_file import PlantData, PlantLike, plant_data
from greenchain.decisions.retrofit.assess import plant_retrofits
from greenchain.decisions.retrofit.package import package_data
from greenchain.decisions.scoring.indicators import plant_score
from greenchain.decisions.scoring.schemes import Scheme
from greenchain.errors import InputError, collect_caveats

__all__ = ["score_with_measures"]


def score_with_measures(
    data: PlantData | PlantLike,
    measures: Any,
    scheme: str | Path | Scheme = "GB/T 36132-2025",
    *,
    evidence: Any = None,
    source: str | None = None,
    **options: Any,
) -> pd.DataFrame:
    """Points gained by a retrofit package, and by each of its measures alone.

    Parameters
    ----------
    data : PlantData or Plant
        The baseline plant data (or a plant, whose ``data`` is used).
    measures : str or list of str
        Measure ids of the package.
    scheme : str, Path or Scheme
        As in :func:`~greenchain.decisions.scoring.indicators.plant_score`.
    evidence : str, Path or mapping, optional
        As in :func:`~greenchain.decisions.scoring.indicators.plant_score`.
    source : str, optional
        The plant file's name, named in messages (default: the plant's).
    **options
        Passed to :func:`~greenchain.decisions.scoring.indicators.plant_score`.

    Returns
    -------
    pandas.DataFrame
        One row per measure plus a ``package`` row: ``measure``, ``score_before``,
        ``score_after`` (points achieved), ``assessable_before``, ``assessable_after``
        (points of the assessable indicators), ``max_total`` (all points: 100 for
        GB/T 36132-2025), ``points_gained``, ``gates_passed`` (the clause 4.2 gates,
        which no retrofit changes), ``capex`` (of the measures, in the plant currency;
        NaN when one is not sourced, ``reason`` says so) and ``points_per_10k_cny``
        (points per 10 000 of capex; NaN with capex or when the package costs nothing). The warnings of the scores and packages are not repeated
        here (see ``Plant.green_factory_score`` and ``Plant.retrofits``).

    Raises
    ------
    InputError
        No measure given, or an unknown one.

    Examples
    --------
    >>> import greenchain as gc
    >>> data = gc.load_plant(gc.example_path("tile_plant.yaml")).data
    >>> t = score_with_measures(data, ["continuous_ball_mill"])
    >>> t["measure"].tolist(), bool((t["points_gained"] >= 0).all())
    (['continuous_ball_mill', 'package'], True)
    """
    base, source = plant_data(data, source)
    measures = [measures] if isinstance(measures, str) else list(measures)
    if not measures:
        raise InputError("give at least one measure", field="measures")
    with collect_caveats():  # silenced: the score's and the packages' own calls warn
        before = plant_score(base, scheme, evidence=evidence, source=source, **dict(options))
        table = plant_retrofits(base, measures, source=source).set_index("measure")
        rows = []
        for label, package in [*((m, [m]) for m in measures), ("package", measures)]:
            after_data = package_data(base, package, source=source)
            after = plant_score(
                after_data, scheme, evidence=evidence, source=source, **dict(options)
            )
            capex = table.loc[package, "capex"]
            capex_total = None if capex.isna().any() else float(capex.sum())
            gained = after.total - before.total
            rows.append(
                {
                    "measure": label,
                    "score_before": before.total,
                    "score_after": after.total,
                    "assessable_before": before.assessable_total,
                    "assessable_after": after.assessable_total,
                    "max_total": after.max_total,
                    "points_gained": gained,
                    "gates_passed": after.gates_passed,
                    "capex": capex_total,
                    "points_per_10k_cny": (gained / capex_total * 1e4 if capex_total else None),
                    "reason": None if capex_total else "capex not sourced for every measure",
                }
            )
    table = pd.DataFrame(rows)
    for column in ("capex", "points_per_10k_cny"):
        table[column] = table[column].astype(float)
    return table
