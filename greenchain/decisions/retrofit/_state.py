"""The plant after some retrofit measures, as the baseline scaled entry by entry.

A helper module of :mod:`greenchain.decisions.retrofit` (its names are public to the
package, which is the only user). Every measure acts on the plant by scaling energy
entries (``scale``, the share of each baseline ``energy[]`` entry left) and by moving a
share of grid electricity to on-site generation (``moved``). A state of the plant is
therefore the baseline and these two arrays: its activity records are the baseline's
with the amounts multiplied (:func:`records_after`), without rebuilding the plant data
entry by entry. At 100,000 energy entries rebuilding the data and its records for each
measure of a package took most of a retrofit assessment.

The results are those of the plant data after the package
(:func:`~greenchain.decisions.retrofit.package.data_after`): the records of that data
equal :func:`records_after` of the baseline records (a test checks it).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from greenchain.accounting.records import entry_records
from greenchain.data.plant_file import EnergyEntry, PlantData
from greenchain.units import Q_

__all__ = ["PV_USE", "PV_NOTE", "moved_kwh", "pv_entry", "records_after"]

#: ``use`` label of the energy entry that on-site generation adds.
PV_USE = "rooftop_pv"

#: ``notes`` of that entry.
PV_NOTE = "on-site PV generation moved from grid supply by the retrofit package"


def moved_kwh(entries: list[Any], moved: np.ndarray) -> float:
    """Electricity moved to on-site generation [kWh]: amounts times ``moved``, summed.

    Parameters
    ----------
    entries : list of EnergyEntry
        The baseline ``energy[]`` entries.
    moved : numpy.ndarray
        Share of each entry moved [-].

    Returns
    -------
    float
        Summed by unit and converted once per unit (a conversion per entry costs about
        0.1 ms).
    """
    by_unit: dict[Any, float] = {}
    for i in np.flatnonzero(moved):
        amount = entries[i].amount
        by_unit[amount.units] = by_unit.get(amount.units, 0.0) + float(amount.magnitude) * float(
            moved[i]
        )
    return float(sum(Q_(total, units).m_as("kWh") for units, total in by_unit.items()))


def pv_entry(kwh: float) -> EnergyEntry:
    """The ``onsite_renewable`` electricity entry a package adds for on-site generation.

    Parameters
    ----------
    kwh : float
        Electricity generated [kWh/yr].

    Returns
    -------
    EnergyEntry
    """
    return EnergyEntry(
        carrier="electricity",
        amount=Q_(kwh, "kWh"),
        use=PV_USE,
        supply="onsite_renewable",
        notes=PV_NOTE,
    )


def records_after(
    data: PlantData, records: pd.DataFrame, scale: np.ndarray, pv_kwh: float
) -> pd.DataFrame:
    """The activity records of the plant after a package, from the baseline's.

    Parameters
    ----------
    data : PlantData
        The baseline plant data.
    records : pandas.DataFrame
        Its :func:`~greenchain.accounting.records.plant_records`: the ``energy[]``
        entries first, in order, then the exports.
    scale : numpy.ndarray
        Share of each ``energy[]`` entry left [-].
    pv_kwh : float
        Electricity moved to on-site generation [kWh/yr]; when positive, the record of
        the entry of :func:`pv_entry` follows the energy entries (``energy[n]``).

    Returns
    -------
    pandas.DataFrame
        A new table; ``records`` is not changed.
    """
    n = len(data.energy)
    amount = records["amount"].to_numpy(dtype=float, copy=True)
    amount[:n] *= scale[:n]
    out = records.assign(amount=amount)
    if pv_kwh <= 0:
        return out
    pv = entry_records(data, [pv_entry(pv_kwh)], n)[list(records.columns)]
    pv = pv.astype(records.dtypes.to_dict())
    return pd.concat([out.iloc[:n], pv, out.iloc[n:]], ignore_index=True)
