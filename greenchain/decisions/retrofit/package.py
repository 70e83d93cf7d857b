"""A retrofit package applied to the plant data: the data after, and the totals before and after.

A package is a list of measures applied in catalogue order (``order``: process demand
10, conversion efficiency 20, heat recovery 30, energy supply 40; ties keep catalogue
order). Measures on the same ``energy[]`` entry combine **multiplicatively**: after
measures with fractions :math:`f_1 \\dots f_k` the entry keeps
:math:`a \\prod_j (1 - f_j)`. On-site generation (``rooftop_pv``) moves a fixed share
of the baseline grid electricity to an ``onsite_renewable`` entry.

Nothing is re-implemented here: energy and CO2 before and after come from
:func:`greenchain.accounting.energy.plant_energy` and
:func:`greenchain.accounting.inventory.plant_inventory` run on the data before and
after; money from the plant's ``prices``.

Examples
--------
>>> import greenchain as gc
>>> data = gc.load_plant(gc.example_path("tile_plant.yaml")).data
>>> after = package_data(data, ["continuous_ball_mill"])
>>> after.energy[3].amount, data.energy[3].amount
(<Quantity(6720.0, 'megawatt_hour')>, <Quantity(8400, 'megawatt_hour')>)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pint

from greenchain.accounting.energy import EnergyResult, plant_energy
from greenchain.accounting.inventory import InventoryResult, plant_inventory
from greenchain.accounting.records import plant_records
from greenchain.data.plant_file import PlantData, PlantLike, plant_data
from greenchain.decisions.retrofit._checks import water_saved, water_value
from greenchain.decisions.retrofit._effects import (
    GJ_PER_TCE,
    NOISE,
    Context,
    Effect,
    context,
    measure_effect,
    package_members,
    resolve_measures,
    unique,
)
from greenchain.decisions.retrofit._sequence import Sequence, budget_table, run_sequence
from greenchain.decisions.retrofit._state import PV_USE, moved_kwh, pv_entry, records_after
from greenchain.decisions.retrofit.tariffs import reference_price
from greenchain.errors import (
    Caveat,
    GreenchainWarning,
    InputError,
    OutOfRangeError,
    caveat,
    collect_caveats,
    emit_caveats,
)
from greenchain.units import Q_

__all__ = [
    "package_data",
    "apply_package",
    "package_summary",
    "remaining_shares",
    "data_after",
    "Totals",
    "plant_totals",
    "totals_after",
    "savings",
    "PV_USE",
    "package_sequence",
]


# ------------------------------------------------------------------------------ states
def remaining_shares(data: PlantData, effects: list[Effect]) -> tuple[np.ndarray, np.ndarray]:
    """Share of each energy entry left, and share moved to on-site PV, after ``effects``.

    Parameters
    ----------
    data : PlantData
        The baseline plant data.
    effects : list of Effect
        The measures' effects, in package order.

    Returns
    -------
    tuple of numpy.ndarray
        ``(scale, moved)``: one value per ``energy[]`` entry, fractions of the baseline
        amount [-].

    Raises
    ------
    OutOfRangeError
        On-site generation larger than the grid electricity the other measures leave.
    """
    n = len(data.energy)
    scale, moved = np.ones(n), np.zeros(n)
    for eff in effects:
        for i, f in eff.fractions.items():
            if eff.shift:
                # On-site generation is a fixed yield (a share of the baseline), not a
                # share of what the other measures leave: it moves f of the baseline.
                if f > scale[i] + 1e-12:
                    raise OutOfRangeError(
                        "on-site generation exceeds the grid electricity left after the "
                        "other measures of the package",
                        field=f"retrofit_options.{eff.measure.id}.generation",
                    )
                moved[i] += f
                scale[i] -= f
            else:
                scale[i] *= 1.0 - f
    return scale, moved


def data_after(
    data: PlantData, scale: np.ndarray, moved: np.ndarray, measures: list[str]
) -> PlantData:
    """The plant data with each energy entry scaled, and on-site PV added.

    Parameters
    ----------
    data : PlantData
        The baseline plant data; it is not changed.
    scale, moved : numpy.ndarray
        From :func:`remaining_shares` [-].
    measures : list of str
        Ids of the measures applied (named in the entries' ``notes``).

    Returns
    -------
    PlantData
        A deep copy with the new ``energy[]`` entries.
    """
    # a deep copy of all but the energy entries, which are copied one by one (a deep
    # copy of 100,000 entries and their Quantities took most of a package's time)
    new = data.model_copy(update={"energy": []}).model_copy(deep=True)
    energy = []
    pv_kwh = moved_kwh(list(data.energy), moved)
    for i, e in enumerate(data.energy):
        if scale[i] != 1.0:
            note = (
                f"reduced by retrofit package ({', '.join(measures)}) to {scale[i]:.6g} of the "
                "baseline"
            )
            e = e.model_copy(update={"amount": e.amount * float(scale[i]), "notes": note})
        else:
            e = e.model_copy()
        energy.append(e)
    if pv_kwh > 0:
        energy.append(pv_entry(pv_kwh))
    return new.model_copy(update={"energy": energy})


# ------------------------------------------------------------------------------ totals
@dataclass
class Totals:
    """Energy, emissions and energy cost of one state of the plant (before or after).

    Attributes
    ----------
    tce : float
        Comprehensive energy [tce].
    co2e : float
        Location-based inventory total [t].
    co2e_market : float
        Market-based inventory total [t].
    electricity_kwh : float
        Electricity of every ``energy[]`` entry [kWh].
    cost : float
        Energy bought, in the plant currency (entries without a price left out).
    unpriced : set of str
        Carriers without a price.
    amounts : numpy.ndarray
        Magnitude of each ``energy[]`` amount.
    carriers : list of str
        Carrier of each ``energy[]`` entry.
    inventory : InventoryResult
        The inventory of this state.
    energy : EnergyResult
        The energy account of this state.
    warnings : list of str
        The texts of the inventory's and energy account's warnings.
    """

    tce: float
    co2e: float
    co2e_market: float
    electricity_kwh: float
    cost: float
    unpriced: set[str]
    amounts: np.ndarray
    carriers: list[str]
    inventory: InventoryResult
    energy: EnergyResult
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, float]:
        """``energy_tce``, ``co2e_t``, ``co2e_market_t``, ``electricity_kwh``, ``energy_cost``."""
        return {
            "energy_tce": self.tce,
            "co2e_t": self.co2e,
            "co2e_market_t": self.co2e_market,
            "electricity_kwh": self.electricity_kwh,
            "energy_cost": self.cost,
        }


def plant_totals(
    data: PlantData,
    source: str | None = None,
    *,
    records: pd.DataFrame | None = None,
    inventory_options: dict[str, Any] | None = None,
    energy_options: dict[str, Any] | None = None,
) -> Totals:
    """Energy, emissions and energy cost of the plant data.

    Parameters
    ----------
    data : PlantData
        The plant data (baseline or after a package).
    source : str, optional
        The plant file's name, named in messages.
    records : pandas.DataFrame, optional
        The plant's activity records when already built (default
        :func:`~greenchain.accounting.records.plant_records` of ``data``); a state after
        a package passes the baseline's data with the records of
        :func:`totals_after`.
    inventory_options, energy_options : dict, optional
        Passed to :func:`~greenchain.accounting.inventory.plant_inventory` and
        :func:`~greenchain.accounting.energy.plant_energy`.

    Returns
    -------
    Totals

    Raises
    ------
    InputError
        A price that does not fit its energy entry's unit.
    """
    if records is None:
        records = plant_records(data, source)
    inv = plant_inventory(data, source, records=records, **(inventory_options or {}))
    en = plant_energy(data, source, records=records, **(energy_options or {}))
    currency = data.plant.currency
    cost, unpriced, kwh = 0.0, set(), 0.0
    energy = records[records["direction"] == "import"] if len(records) else records
    amounts = energy["amount"].to_numpy(dtype=float) if len(energy) else np.zeros(0)
    carriers = energy["carrier"].tolist() if len(energy) else []
    # amounts summed by carrier and unit, converted once per group (a pint product and
    # conversion per entry cost ~0.1 ms: seconds for 100,000 entries, on every re-run)
    if len(energy):
        electric = energy[energy["carrier"] == "electricity"]
        for unit, total in electric.groupby("unit", sort=False)["amount"].sum().items():
            kwh += float(Q_(float(total), str(unit)).m_as("kWh"))
        bought = energy[energy["supply"] != "onsite_renewable"]
        groups = bought.groupby(["carrier", "unit"], sort=False)
        sums = groups["amount"].sum()
        first = groups["_path"].first()
    else:
        sums = first = pd.Series(dtype=float)
    prices: dict[str, Any] = {}
    for (carrier, unit), total in sums.items():
        if carrier not in prices:
            prices[carrier] = data.prices.get(carrier) or reference_price(data, carrier)
        price = prices[carrier]
        if price is None:
            unpriced.add(carrier)
            continue
        try:
            cost += float((Q_(float(total), str(unit)) * Q_(price)).m_as(currency))
        except (pint.errors.DimensionalityError, pint.errors.UndefinedUnitError):
            raise InputError(
                f"a price in {Q_(price).units:~P} does not fit {first[(carrier, unit)]} in "
                f"{Q_(1.0, str(unit)).units:~P} (money in {currency})",
                field=f"prices.{carrier}",
                source=source,
            ) from None
    return Totals(
        float(en.total.m_as("tce")),
        float(inv.total.m_as("tCO2e")),
        float(inv.activities["co2e_market_t"].sum()),
        kwh,
        cost,
        unpriced,
        amounts,
        carriers,
        inv,
        en,
        unique([*inv.warnings, *en.warnings]),
    )


def totals_after(
    data: PlantData,
    records: pd.DataFrame,
    scale: np.ndarray,
    moved: np.ndarray,
    source: str | None = None,
    *,
    inventory_options: dict[str, Any] | None = None,
    energy_options: dict[str, Any] | None = None,
) -> Totals:
    """Totals of the plant after a package, from the baseline's data and records.

    The same as :func:`plant_totals` of :func:`data_after` (the records are the
    baseline's with the amounts scaled, :mod:`~greenchain.decisions.retrofit._state`),
    without rebuilding the plant data entry by entry.

    Parameters
    ----------
    data : PlantData
        The baseline plant data.
    records : pandas.DataFrame
        Its :func:`~greenchain.accounting.records.plant_records`.
    scale, moved : numpy.ndarray
        From :func:`remaining_shares` or a package's sequence [-].
    source : str, optional
        The plant file's name, named in messages.
    inventory_options, energy_options : dict, optional
        As in :func:`plant_totals`.

    Returns
    -------
    Totals
    """
    after = records_after(data, records, scale, moved_kwh(list(data.energy), moved))
    return plant_totals(
        data,
        source,
        records=after,
        inventory_options=inventory_options,
        energy_options=energy_options,
    )


def savings(before: Totals, after: Totals) -> tuple[dict[str, float | None], str | None]:
    """Savings from one state to another; money ``None`` (with why) if a carrier is unpriced.

    Parameters
    ----------
    before, after : Totals
        The two states.

    Returns
    -------
    tuple
        ``({energy_saved_tce, energy_saved_gj, electricity_saved_kwh, co2_avoided_t,
        co2_avoided_market_t, annual_savings}, reason or None)``; differences below
        ``1e-12`` of the baseline (round-off of the re-run) are zero.
    """

    def clean(x: float, ref: float) -> float:
        return 0.0 if abs(x) <= NOISE * max(abs(ref), 1.0) else x

    tce = clean(before.tce - after.tce, before.tce)
    out: dict[str, float | None] = {
        "energy_saved_tce": tce,
        "energy_saved_gj": tce * GJ_PER_TCE,
        "electricity_saved_kwh": clean(
            before.electricity_kwh - after.electricity_kwh, before.electricity_kwh
        ),
        "co2_avoided_t": clean(before.co2e - after.co2e, before.co2e),
        "co2_avoided_market_t": clean(before.co2e_market - after.co2e_market, before.co2e_market),
    }
    changed = {c for i, c in enumerate(before.carriers) if before.amounts[i] != after.amounts[i]}
    unpriced = sorted(changed & (before.unpriced | after.unpriced))
    if unpriced:
        out["annual_savings"] = None
        return out, f"annual_savings: no price for {', '.join(unpriced)} in prices"
    out["annual_savings"] = clean(before.cost - after.cost, before.cost)
    return out, None


# ------------------------------------------------------------------------------ packages
def package_sequence(ctx: Context, measures: Any) -> tuple[Sequence, dict[str, str]]:
    """The package evaluated in sequence, and the members not counted (id -> why).

    Parameters
    ----------
    ctx : Context
        The baseline.
    measures : list of str, str or None
        As in :func:`package_data`.

    Returns
    -------
    tuple
        ``(sequence, {id: reason})``.
    """
    ms, explicit = resolve_measures(ctx, measures, package=True)
    members, _ = package_members(ms, strict=explicit)
    seq = run_sequence(ctx, members)
    done = {s.measure.id: s for s in seq.steps}
    skipped = {}
    for m in members:
        if m.id not in done:
            skipped[m.id] = "; ".join(measure_effect(ctx, m).reasons) or "no saving"
        elif not done[m.id].counted:
            skipped[m.id] = done[m.id].note or "not counted"
    no_saving = [mid for mid in skipped if mid not in done]
    if no_saving:
        caveat(
            "retrofit package: no saving for " + ", ".join(no_saving) + " (not counted)",
            GreenchainWarning,
            field="measures",
        )
    return seq, skipped


def package_data(
    data: PlantData | PlantLike,
    measures: Any = None,
    *,
    catalogue: Any = None,
    source: str | None = None,
) -> PlantData:
    """The plant data after a retrofit package: energy entries reduced, on-site PV added.

    Parameters
    ----------
    data : PlantData or Plant
        The baseline plant data (or a plant, whose ``data`` is used); it is not changed.
    measures : list of str, str or None
        Measure ids; ``None``: the measures marked ``selected: true`` in
        ``retrofit_options``, else every applicable measure (alternatives resolved in
        package order). Measures without a saving are skipped with a warning.
    catalogue : mapping or path(s), optional
        A catalogue from :func:`~greenchain.decisions.retrofit.catalogue.load_catalogue`,
        or user catalogue files to load with the shipped one.
    source : str, optional
        The plant file's name, named in messages (default: the plant's).

    Returns
    -------
    PlantData
        A copy whose ``energy[]`` amounts are multiplied by :math:`\\prod_j (1 - f_j)`
        (on-site PV adds an ``onsite_renewable`` electricity entry).

    Raises
    ------
    InputError
        Unknown measure, or two alternatives (``excludes``) named together.

    Warns
    -----
    UnverifiedDataWarning
        A measure's saving rests on an unverified value.
    GreenchainWarning
        Measures of the package without a saving (not counted).

    Examples
    --------
    >>> import greenchain as gc
    >>> data = gc.load_plant(gc.example_path("tile_plant.yaml")).data
    >>> after = package_data(data, ["continuous_ball_mill", "kiln_o2_control"])
    >>> round(after.energy[3].amount.m_as("MWh"))
    6720
    """
    base, source = plant_data(data, source)
    with collect_caveats() as caught:
        ctx = context(base, source, catalogue)
        seq, _ = package_sequence(ctx, measures)
        new = _after(base, seq)
    emit_caveats(caught)
    return new


def _add_water(ctx: Context, seq: Sequence, saved: dict[str, Any]) -> None:
    """Water the package saves [m3/yr] and its value, added to its annual savings."""
    m3, value, priced = 0.0, 0.0, True
    for st in seq.counted:
        w, _ = water_saved(ctx, st.effect, st.kept)
        if w is None:
            continue
        m3 += w
        discharge = bool(st.measure.water and st.measure.water.discharge)
        v, _ = water_value(ctx.data, w, discharge, ctx.source)
        priced = priced and v is not None
        value += v or 0.0
    saved["water_saved_m3"] = m3
    saved["water_value"] = value if priced else None
    if priced and value and saved.get("annual_savings") is not None:
        saved["annual_savings"] += value


def _after(base: PlantData, seq: Sequence) -> PlantData:
    """The data after a package: entries scaled, equipment in the state the package left."""
    new = data_after(base, seq.scale, seq.moved, [s.measure.id for s in seq.counted])
    return new.model_copy(update={"equipment": list(seq.equipment)})


def apply_package(plant: Any, measures: Any = None, *, catalogue: Any = None) -> Any:
    """A plant after a retrofit package: a new ``Plant`` for a plant, ``PlantData`` for data.

    Parameters
    ----------
    plant : Plant or PlantData
        The baseline; it is not changed. A plant (any object with ``data``,
        ``source_name`` and ``with_data()``) keeps its file name and cell locator.
    measures : list of str, str or None
        As in :func:`package_data`.
    catalogue : mapping or path(s), optional
        As in :func:`package_data`.

    Returns
    -------
    Plant or PlantData
        ``plant.with_data(package_data(...))`` for a plant, the new data for data.

    Raises
    ------
    InputError
        Unknown measure, or two alternatives (``excludes``) named together.

    Examples
    --------
    >>> import greenchain as gc
    >>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
    >>> after = apply_package(plant, ["continuous_ball_mill"])
    >>> type(after).__name__, after.source == plant.source
    ('Plant', True)
    >>> after.data.energy[3].amount, plant.data.energy[3].amount
    (<Quantity(6720.0, 'megawatt_hour')>, <Quantity(8400, 'megawatt_hour')>)
    """
    new = package_data(plant, measures, catalogue=catalogue)
    if isinstance(plant, PlantData):
        return new
    with_data = getattr(plant, "with_data", None)
    return with_data(new) if callable(with_data) else new


def package_summary(
    data: PlantData | PlantLike,
    measures: Any = None,
    *,
    catalogue: Any = None,
    inventory_options: dict[str, Any] | None = None,
    energy_options: dict[str, Any] | None = None,
    source: str | None = None,
) -> dict[str, Any]:
    """Combined effect of a retrofit package: before/after energy, emissions and cost.

    Parameters
    ----------
    data, measures, catalogue, source
        As in :func:`package_data`.
    inventory_options, energy_options : dict, optional
        Passed to :func:`~greenchain.accounting.inventory.plant_inventory` and
        :func:`~greenchain.accounting.energy.plant_energy` (e.g. ``{"gwp": "AR5"}``).

    Returns
    -------
    dict
        ``measures`` (ids applied, in order), ``not_counted`` (id -> reason),
        ``before``/``after`` (``energy_tce``, ``co2e_t``, ``co2e_market_t``,
        ``electricity_kwh``, ``energy_cost``), ``saved`` (the differences, as the columns
        of :func:`~greenchain.decisions.retrofit.assess.plant_retrofits`), ``by_stream``
        (one dict per ``energy[]`` entry with ``amount_before``, ``amount_after``,
        ``unit``, ``fraction_saved``), the ``inventory_before``/``inventory_after`` and
        ``energy_before``/``energy_after`` results, ``data_after`` (the
        :class:`~greenchain.data.plant_file.PlantData` after), ``plant_after`` (a
        plant's :meth:`with_data` of it for a plant, else the data), ``warnings`` (texts)
        and ``caveats`` (:class:`~greenchain.errors.Caveat`).

    Examples
    --------
    >>> import warnings
    >>> import greenchain as gc
    >>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     s = package_summary(plant, ["continuous_ball_mill", "boiler_economiser"])
    >>> s["measures"], list(s["not_counted"])
    (['continuous_ball_mill'], ['boiler_economiser'])
    """
    base, source = plant_data(data, source)
    options = {"inventory_options": inventory_options, "energy_options": energy_options}
    with collect_caveats() as caught:
        ctx = context(base, source, catalogue)
        seq, skipped = package_sequence(ctx, measures)
        scale, moved = seq.scale, seq.moved
        ids = [s.measure.id for s in seq.counted]
        new = _after(base, seq)
        records = ctx.records
        before = plant_totals(base, source, records=records, **options)
        after = totals_after(base, records, scale, moved, source, **options)
        saved, why = savings(before, after)
        if why:
            caveat(f"retrofit package: {why}", GreenchainWarning, field="prices")
        _add_water(ctx, seq, saved)
    caveats: list[Caveat] = list(caught)
    texts = unique([c.message for c in caveats] + before.warnings + after.warnings)
    by_stream = [
        {
            "entry": f"energy[{i}]",
            "carrier": e.carrier,
            "use": e.use,
            "unit": f"{e.amount.units:~}",
            "amount_before": float(e.amount.magnitude),
            "amount_after": float(e.amount.magnitude) * float(scale[i]),
            "moved_to_onsite_pv": float(e.amount.magnitude) * float(moved[i]),
            "fraction_saved": 1.0 - float(scale[i]) - float(moved[i]),
        }
        for i, e in enumerate(base.energy)
    ]
    with_data = getattr(data, "with_data", None)
    emit_caveats(caveats)
    return {
        "measures": ids,
        "not_counted": skipped,
        "before": before.as_dict(),
        "after": after.as_dict(),
        "saved": saved,
        "by_stream": by_stream,
        "inventory_before": before.inventory,
        "inventory_after": after.inventory,
        "energy_before": before.energy,
        "energy_after": after.energy,
        "data_after": new,
        "plant_after": with_data(new) if callable(with_data) else new,
        "sequence": [
            {
                "measure": st.measure.id,
                "counted": st.counted,
                "heat_source": st.heat_source,
                "heat_drawn_gj": st.heat_drawn_gj,
                "kept": st.kept,
                "note": st.note,
            }
            for st in seq.steps
        ],
        "heat_budget": budget_table(seq),
        "warnings": texts,
        "caveats": caveats,
    }
