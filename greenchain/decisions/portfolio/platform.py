"""The twelve functions of an energy-carbon management platform (GB/T 36132-2025 indicator 4).

GB/T 36132-2025 Table C.1 row 4 (能碳管理系统平台功能符合数量) counts the business
functions a firm's platform provides in operation (lead value 8, base value 0). The list
is shipped in ``factors/criteria/platform_functions_gbt36132-2025.csv`` (status
``official``), with greenchain's own mapping from each function to the greenchain
analyses that perform it for a plant's own data. :func:`platform_functions` says which
are provided, given what was computed.

Wiring into the green-factory score needs no change of the scoring engine: pass the ids
as an explicit indicator value,
:func:`greenchain.decisions.scoring.indicators.plant_score` with
``indicators={"energy_carbon_platform": ids}`` (explicit values override the functions
:func:`~greenchain.decisions.scoring.indicators.recognised_functions` finds, so merge
them).

Examples
--------
>>> t = platform_functions(["energy", "inventory", "budget_status"])
>>> int(t["provided"].sum()), t.loc[t["provided"], "id"].tolist()
(4, ['energy_query', 'consumption_intensity_calculation', 'energy_carbon_budget', 'carbon_accounting'])
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from greenchain.data.tables import read_table
from greenchain.errors import InputError

__all__ = ["platform_functions", "ANALYSES", "FUNCTIONS_FILE"]

#: The shipped table, relative to ``factors/``.
FUNCTIONS_FILE = "criteria/platform_functions_gbt36132-2025.csv"

#: greenchain analyses a caller can name in :func:`platform_functions`.
ANALYSES = (
    "energy",
    "inventory",
    "norm_standing",
    "rank",
    "retrofit",
    "energy_flow",
    "budget_status",
    "footprint",
    "verified_savings",
)


def platform_functions(computed: Iterable[str]) -> pd.DataFrame:
    """Which of the twelve platform functions greenchain provides, given what was computed.

    Parameters
    ----------
    computed : iterable of str
        The greenchain analyses run for the plant's own data, from :data:`ANALYSES`:
        ``energy`` (energy account), ``inventory`` (GHG inventory), ``norm_standing``,
        ``rank``, ``retrofit``, ``energy_flow``, ``budget_status``, ``footprint``,
        ``verified_savings``.

    Returns
    -------
    pandas.DataFrame
        Twelve rows in the standard's order: ``no``, ``id``, ``name_zh``, ``name_en``,
        ``provided`` (bool), ``by`` (the analyses that provide it, ``;``-separated),
        ``greenchain_analyses`` (all that could), ``source_id``, ``source_ref``,
        ``status``. ``attrs["count"]`` is the number provided (the indicator's value).

    Raises
    ------
    InputError
        An analysis not in :data:`ANALYSES` (the message lists them).
    """
    done = {str(c) for c in computed}
    unknown = sorted(done - set(ANALYSES))
    if unknown:
        raise InputError(
            f"unknown analysis {unknown[0]!r}; known: {', '.join(ANALYSES)}", field="computed"
        )
    rows = []
    for row in read_table(FUNCTIONS_FILE):
        could = [a for a in row["greenchain_analyses"].split(";") if a]
        by = [a for a in could if a in done]
        rows.append({**row, "no": int(row["no"]), "provided": bool(by), "by": ";".join(by)})
    columns = ["no", "id", "name_zh", "name_en", "provided", "by", "greenchain_analyses"]
    table = pd.DataFrame(rows)[[*columns, "source_id", "source_ref", "status"]]
    table.attrs["count"] = int(table["provided"].sum())
    return table
