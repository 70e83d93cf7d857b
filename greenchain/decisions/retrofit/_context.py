"""The baseline of a retrofit assessment: plant data, catalogue and stream sizes.

A helper module of :mod:`greenchain.decisions.retrofit` (its names are public to the
package, which is the only user). :func:`context` loads the catalogue and checks the
plant's ``retrofit_options`` and equipment loads once; a :class:`Context` holds the
baseline the measures' effects are found on, and :meth:`Context.after` the plant as a
package's measures so far left it (the baseline scaled, see
:mod:`~greenchain.decisions.retrofit._state`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pint

from greenchain.accounting.energy import plant_energy
from greenchain.accounting.records import plant_records
from greenchain.data.plant_file import ENERGY_CARRIERS_SPECIAL, PlantData
from greenchain.decisions.retrofit._loads import check_equipment_loads
from greenchain.decisions.retrofit._state import moved_kwh, pv_entry
from greenchain.decisions.retrofit.catalogue import Measure, load_catalogue
from greenchain.errors import InputError, OutOfRangeError, collect_caveats
from greenchain.units import Q_, read_quantity

__all__ = [
    "GJ_PER_TCE",
    "Context",
    "context",
    "unique",
    "use_label",
    "option_value",
    "fraction_input",
]

#: GJ per tce (GB/T 2589: 29.3076 GJ).
GJ_PER_TCE = float(Q_(1.0, "tce").m_as("GJ"))
_GJ_PER_KWH = float(Q_(1.0, "kWh").m_as("GJ"))
_OPTION_KEYS = {"uses", "coverage", "generation"}
_NUMBER_UNIT = re.compile(r"^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(.*?)\s*$")


def option_value(raw: Any, where: str, source: str | None = None) -> Any:
    """Read a plant-file value: ``"220 degC"`` and ``{value, unit}`` become Quantities."""
    if isinstance(raw, str):
        match = _NUMBER_UNIT.match(raw)
        if not match:
            return raw
        if not match.group(2):
            return float(match.group(1))
        return read_quantity(raw, where, source=source)
    if isinstance(raw, dict) and set(raw) == {"value", "unit"}:
        return option_value(f"{raw['value']} {raw['unit']}", where, source)
    if isinstance(raw, list):
        return [option_value(v, where, source) for v in raw]
    return raw


@functools.lru_cache(maxsize=256)
def _gj_per(units: Any) -> float | None:
    """GJ in one of ``units``, or None when they are not an energy."""
    one = Q_(1.0, units)
    return float(one.m_as("GJ")) if one.check("[energy]") else None


def fraction_input(raw: Any, where: str, source: str | None) -> float:
    """A plant-file fraction in [0, 1] (a number, ``"80 %"`` or ``"0.8"``).

    Raises
    ------
    InputError
        Not a fraction; :class:`~greenchain.errors.OutOfRangeError` outside [0, 1].
    """
    value = option_value(raw, where, source)
    try:
        f = float(value.m_as("") if isinstance(value, pint.Quantity) else value)
    except (TypeError, ValueError, pint.errors.DimensionalityError):
        raise InputError(f"must be a fraction, got {raw!r}", field=where, source=source) from None
    if not 0.0 <= f <= 1.0:
        raise OutOfRangeError(f"must be in [0, 1], got {f:g}", field=where, source=source)
    return f


class Context:
    """Baseline data shared by the effects of one assessment.

    Parameters
    ----------
    data : PlantData
        The baseline plant data.
    source : str or None
        The plant file's name, named in messages.
    catalogue : mapping
        Measure id -> :class:`~greenchain.decisions.retrofit.catalogue.Measure`.
    """

    def __init__(self, data: PlantData, source: str | None, catalogue: Mapping[str, Measure]):
        self.data = data
        self.catalogue = catalogue
        self.source = source
        #: the baseline's activity records, built once for the assessment
        self.records = plant_records(data, source)
        with collect_caveats():  # the stream sizes only: their caveats are not the result's
            energy = plant_energy(data, source, records=self.records, basis="equal_value")
            tce = energy.activities["tce"].to_numpy()
        # Stream sizes [GJ]: energy amounts (kWh, GJ) converted exactly; fuels by their
        # GB/T 2589 standard-coal coefficient (1 tce = 29.3076 GJ).
        to_gj = [_gj_per(e.amount.units) for e in data.energy]  # one pint check per unit
        self.gj = np.array(
            [
                float(e.amount.magnitude) * k if k is not None else t * GJ_PER_TCE
                for e, t, k in zip(data.energy, tce, to_gj, strict=False)
            ]
        )
        self.entries = list(data.energy)
        self.scale = np.ones(len(self.entries))
        self.equipment = list(data.equipment)
        self._index_entries()
        _check_options(data, source, catalogue)

    def _index_entries(self) -> None:
        """Entry indices by (carrier, supply, use), in file order: a measure's stream is
        chosen among a handful of keys, not among 100,000 entries."""
        keys: dict[tuple[str, str, str | None], list[int]] = {}
        for i, e in enumerate(self.entries):
            keys.setdefault((e.carrier, e.supply, e.use), []).append(i)
        self._keys = keys

    def after(
        self,
        scale: np.ndarray,
        moved: np.ndarray,
        equipment: list[Any],
        catalogue: Mapping[str, Measure] | None = None,
    ) -> Context:
        """This baseline after some measures, without re-running the accounting.

        Parameters
        ----------
        scale, moved : numpy.ndarray
            Share of each baseline ``energy[]`` entry left, and moved to on-site
            generation [-].
        equipment : list
            The ``equipment[]`` entries in the state the measures left.
        catalogue : mapping, optional
            The catalogue (default: this context's).

        Returns
        -------
        Context
            ``entries`` are the baseline's (same carriers and uses; an entry's amount
            now is its amount times ``scale``), followed by the on-site generation
            entry when some electricity was moved; ``gj`` are the stream sizes now.
        """
        new = object.__new__(Context)
        new.records = self.records
        new.data = self.data.model_copy(update={"equipment": list(equipment)})
        new.catalogue = catalogue if catalogue is not None else self.catalogue
        new.source = self.source
        n = len(self.data.energy)
        new.entries = list(self.entries[:n])
        new.scale = np.asarray(scale, dtype=float)[:n].copy()
        new.gj = self.gj[:n] * new.scale
        new.equipment = list(equipment)
        new._keys = self._keys
        pv_kwh = moved_kwh(new.entries, moved)
        if pv_kwh > 0:
            new.entries.append(pv_entry(pv_kwh))
            new.scale = np.append(new.scale, 1.0)
            new.gj = np.append(new.gj, pv_kwh * _GJ_PER_KWH)
            new._keys = {k: list(v) for k, v in self._keys.items()}
            e = new.entries[n]
            new._keys.setdefault((e.carrier, e.supply, e.use), []).append(n)
        return new

    def kwh(self, idx: list[int]) -> float:
        """Electricity of the ``energy[]`` entries ``idx`` in this state [kWh].

        Parameters
        ----------
        idx : list of int
            Indices of electricity entries.

        Returns
        -------
        float
        """
        return float(sum(self.gj[i] for i in idx)) / _GJ_PER_KWH

    def option(self, m: Measure) -> tuple[Any, dict[str, Any]]:
        """The plant's ``retrofit_options`` entry of a measure and its extra keys.

        Parameters
        ----------
        m : Measure
            The measure.

        Returns
        -------
        tuple
            ``(option or None, extra keys)``.
        """
        opt = self.data.retrofit_options.get(m.id)
        return opt, dict(opt.model_extra or {}) if opt is not None else {}

    @staticmethod
    def carrier_ok(m: Measure, carrier: str) -> bool:
        """Whether an energy carrier is one the measure acts on.

        Parameters
        ----------
        m : Measure
            The measure.
        carrier : str
            An ``energy[].carrier``.

        Returns
        -------
        bool
        """
        wanted = m.stream.carrier
        if wanted is None:
            return True
        special = carrier in ENERGY_CARRIERS_SPECIAL
        return (
            carrier in wanted
            or ("fuel" in wanted and not special)
            or ("thermal" in wanted and carrier != "electricity")
        )

    def groups(
        self, m: Measure, extras: dict[str, Any]
    ) -> tuple[dict[str | None, list[int]], list]:
        """Entry indices of the stream, by ``use`` label, and the equipment of the kinds.

        Parameters
        ----------
        m : Measure
            The measure.
        extras : dict
            The extra keys of the measure's ``retrofit_options`` entry.

        Returns
        -------
        tuple
            ``({use label: [energy index, ...]}, [(equipment index, entry), ...])``.
        """
        kinds = [(k, eq) for k, eq in enumerate(self.equipment) if eq.kind in m.equipment]
        by_use: dict[str | None, list[list[int]]] = {}
        for (carrier, supply, use), idx in self._keys.items():
            if self.carrier_ok(m, carrier) and (
                m.stream.supply is None or supply in m.stream.supply
            ):
                by_use.setdefault(use, []).append(idx)
        ok_by_use = {use: sorted(i for idx in lists for i in idx) for use, lists in by_use.items()}
        plant_labels = sorted(ok_by_use, key=lambda use: ok_by_use[use][0])  # first seen
        eq_labels = unique(eq.energy for _, eq in kinds)
        if "uses" in extras:
            uses = extras["uses"]
            if not isinstance(uses, list) or not all(isinstance(u, str) for u in uses):
                raise InputError(
                    "must be a list of energy[].use labels",
                    field=f"retrofit_options.{m.id}.uses",
                    source=self.source,
                )
            labels: list[str | None] = list(uses)
        elif m.saving is not None and m.saving.applies_to == "equipment":
            labels = eq_labels
        elif m.stream.use is None:
            labels = eq_labels if m.equipment and kinds else plant_labels
        else:
            labels = unique([u for u in m.stream.use if u in plant_labels] + eq_labels)
        out = {lab: ok_by_use.get(lab, []) for lab in labels}
        return {lab: list(idx) for lab, idx in out.items() if idx}, kinds

    def share(self, k: int, label: str | None) -> float | None:
        """The share of an energy stream an equipment entry draws.

        Parameters
        ----------
        k : int
            Index of the ``equipment[]`` entry.
        label : str or None
            The ``use`` label of the stream.

        Returns
        -------
        float or None
            Its ``share`` [-]; 1 when it is the only entry on the label; ``None`` when
            several share the label and none gives its share.
        """
        eq = self.equipment[k]
        extra = eq.model_extra or {}
        if "share" in extra:
            return fraction_input(extra["share"], f"equipment[{k}].share", self.source)
        on_label = [e for e in self.equipment if e.energy == label]
        return 1.0 if len(on_label) == 1 else None


def unique(values: Iterable[Any]) -> list[Any]:
    """The values in first-seen order, each once.

    Parameters
    ----------
    values : iterable
        Hashable or not.

    Returns
    -------
    list
    """
    out: list[Any] = []
    for v in values:
        if v not in out:
            out.append(v)
    return out


def use_label(use: str | None) -> str:
    """An energy ``use`` label as shown in tables (``"(no use)"`` for none).

    Parameters
    ----------
    use : str or None
        The label.

    Returns
    -------
    str
    """
    return "(no use)" if use is None else use


def _check_options(data: PlantData, source: str | None, catalogue: Mapping[str, Measure]) -> None:
    for mid, opt in data.retrofit_options.items():
        if mid not in catalogue:
            raise InputError(
                f"unknown measure {mid!r}; known: {', '.join(sorted(catalogue))}",
                field=f"retrofit_options.{mid}",
                source=source,
            )
        m = catalogue[mid]
        allowed = set(_OPTION_KEYS)
        if m.saving is not None and m.saving.model is not None:
            spec = m.saving.model
            allowed |= set(spec.inputs.values()) | set(spec.optional.values())
            allowed |= set(spec.divide_by) | {"hours"}
        unknown = sorted(set(opt.model_extra or {}) - allowed)
        if unknown:
            raise InputError(
                f"unknown key(s) {', '.join(unknown)}; allowed: capex, lifetime, "
                f"saving_fraction, selected, source, {', '.join(sorted(allowed))}",
                field=f"retrofit_options.{mid}",
                source=source,
            )


def context(data: PlantData, source: str | None, catalogue: Any = None) -> Context:
    """The baseline of one assessment, with the catalogue loaded.

    Parameters
    ----------
    data : PlantData
        The baseline plant data.
    source : str or None
        The plant file's name, named in messages.
    catalogue : mapping or path(s), optional
        A catalogue from :func:`~greenchain.decisions.retrofit.catalogue.load_catalogue`,
        or user catalogue files to load with the shipped one.

    Returns
    -------
    Context
    """
    if catalogue is None:
        cat: Mapping[str, Measure] = load_catalogue()
    elif isinstance(catalogue, Mapping):
        cat = catalogue
    else:
        cat = load_catalogue(catalogue)
    check_equipment_loads(data, source)  # equipment ratings must fit their stream
    return Context(data, source, cat)
