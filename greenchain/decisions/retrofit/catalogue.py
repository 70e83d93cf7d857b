"""The retrofit measure catalogue: ``factors/measures/*.yaml`` validated with pydantic.

Each measure names the energy stream it acts on (plant ``energy[]`` entries selected by
carrier and ``use`` label), how its saving is obtained (a process-model function fed
from the plant's ``equipment`` data, else a sourced fraction, else the plant's own
input), its capex model where a source gives one, and the provenance of every number
(``source_id`` in ``factors/sources.yaml``, ``source_ref``, ``status``).

:func:`load_catalogue` reads the shipped files and, optionally, user files of the same
schema (a user measure replaces a shipped one with the same id and is marked
``origin="user"``). Every problem in every file is reported at once, each with its file
and YAML path (``measures/ceramics.yaml: measures[2].saving.fraction.high: ...``).

Examples
--------
>>> m = get_measure("boiler_economiser")
>>> m.saving.fraction.value, m.status, m.source_id
(0.05, 'official', 'doe-steam-tip3')
>>> sorted(load_catalogue())[:3]
['boiler_blowdown_recovery', 'boiler_economiser', 'cold_pad_batch']
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from greenchain._resources import data_path
from greenchain.data.plant_file import SECTORS
from greenchain.data.tables import STATUSES, sources
from greenchain.data.yaml_safe import safe_load
from greenchain.errors import DataError, InputError

__all__ = [
    "Measure",
    "StreamSpec",
    "SavingSpec",
    "ModelSpec",
    "FractionSpec",
    "CapexSpec",
    "DrawSpec",
    "WaterSpec",
    "HEAT_SOURCES",
    "load_catalogue",
    "get_measure",
    "catalogue_table",
    "model_function",
    "EQUIPMENT_KINDS",
    "SHIPPED_FILES",
]

#: The catalogue files shipped in ``factors/measures/``.
SHIPPED_FILES = ("ceramics.yaml", "dyeing.yaml", "cross_cutting.yaml")
#: Equipment kinds of :class:`greenchain.data.plant_file.Equipment` known to the shipped catalogue.
EQUIPMENT_KINDS = (
    "kiln",
    "dryer",
    "spray_dryer",
    "boiler",
    "dyeing_machine",
    "stenter",
    "ball_mill",
    "motor",
    "pump",
    "fan",
    "compressor",
    "transformer",
)
#: Carrier tokens of ``stream.carrier``: ``fuel`` = any carrier that is not electricity,
#: heat, steam or hot water; ``thermal`` = any carrier but electricity.
CARRIER_TOKENS = ("fuel", "thermal")
_Status = Literal["official", "transcribed", "derived", "unverified"]
_ID = r"^[a-z][a-z0-9_]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FractionSpec(_Strict):
    """A saving fraction of the stream (or of the equipment's share of it).

    ``bound`` says what the value is: ``estimate``; ``low_end`` (the low end of a
    published range, used as the conservative default); ``lower_bound`` (the source says
    "X % or more"); ``upper_bound`` (the source says "up to X %").
    """

    value: float = Field(ge=0, le=1)
    low: float | None = Field(default=None, ge=0, le=1)
    high: float | None = Field(default=None, ge=0, le=1)
    bound: Literal["estimate", "low_end", "lower_bound", "upper_bound"] = "estimate"

    @model_validator(mode="after")
    def _ordered(self) -> FractionSpec:
        if self.low is not None and self.low > self.value:
            raise ValueError(f"low {self.low} is above value {self.value}")
        if self.high is not None and self.high < self.value:
            raise ValueError(f"high {self.high} is below value {self.value}")
        return self


def _mapping(value: Any) -> Any:
    """A list of names means argument name = plant-data key."""
    if isinstance(value, list):
        return {str(v): str(v) for v in value}
    return value


class ModelSpec(_Strict):
    """How a process-model function is fed from the plant file and read back.

    ``inputs`` / ``optional`` map the function's argument names to keys looked up first
    in ``retrofit_options.<measure id>`` and then on the equipment entry (a list means
    the same names). ``stream_argument`` receives the equipment's mean power on the
    stream [kW]. ``result`` is the attribute of the returned object (``None``: the
    return value itself); ``result_is`` ``fraction`` (of the equipment's use of the
    stream) or ``absolute`` (an energy, or a power multiplied by the ``hours`` input).
    ``divide_by`` names efficiency inputs the absolute result is divided by (heat
    recovered -> fuel saved). ``per_unit``: the inputs describe one unit, so absolute
    results are multiplied by the equipment ``count``; ``false``: one evaluation per
    stream (a plant-level system such as condensate return).
    """

    function: str
    stream_argument: str | None = None
    inputs: dict[str, str] = {}
    optional: dict[str, str] = {}
    result: str | None = None
    result_is: Literal["fraction", "absolute"]
    divide_by: list[str] = []
    per_unit: bool = True

    @field_validator("inputs", "optional", mode="before")
    @classmethod
    def _map_inputs(cls, v: Any) -> Any:
        return _mapping(v)

    @field_validator("function")
    @classmethod
    def _importable(cls, v: str) -> str:
        model_function(v)
        return v

    @model_validator(mode="after")
    def _arguments_exist(self) -> ModelSpec:
        params = inspect.signature(model_function(self.function)).parameters
        names = list(self.inputs) + list(self.optional)
        if self.stream_argument:
            names.append(self.stream_argument)
        unknown = [n for n in names if n not in params]
        if unknown:
            raise ValueError(f"{self.function} has no argument(s) {', '.join(unknown)}")
        return self


def model_function(path: str) -> Any:
    """The process-model function a catalogue ``saving.model.function`` path names.

    Parameters
    ----------
    path : str
        Dotted path of a greenchain function,
        e.g. ``"greenchain.processes.motors.upgrade_savings"``.

    Returns
    -------
    callable
        The function.

    Raises
    ------
    ValueError
        The path is outside greenchain, cannot be imported or is not callable (the
        catalogue validator turns it into a :class:`~greenchain.errors.DataError`).

    Examples
    --------
    >>> model_function("greenchain.processes.motors.upgrade_savings").__name__
    'upgrade_savings'
    """
    module, _, name = path.rpartition(".")
    if not module.startswith("greenchain."):
        raise ValueError(f"{path!r}: the model must be a greenchain function")
    try:
        fn = getattr(import_module(module), name)
    except (ImportError, AttributeError) as exc:
        raise ValueError(f"cannot import {path!r}: {exc}") from None
    if not callable(fn):
        raise ValueError(f"{path!r} is not a function")
    return fn


class StreamSpec(_Strict):
    """The plant energy stream a measure acts on.

    ``carrier``: carrier ids or the tokens ``fuel`` / ``thermal`` (``None``: any);
    ``use``: ``energy[].use`` labels (``None``: any; the labels of the plant's equipment
    of the measure's kinds are always added); ``supply``: electricity supply types
    (``None``: any).
    """

    carrier: list[str] | None = None
    use: list[str] | None = None
    supply: list[str] | None = None


class SavingSpec(_Strict):
    """How the saving of a measure is obtained (model, fraction, or user input)."""

    applies_to: Literal["stream", "equipment"] = "stream"
    without_plant_data: Literal["catalogue_value", "user_input"]
    fraction: FractionSpec | None = None
    by_use: dict[str, FractionSpec] = {}
    model: ModelSpec | None = None

    @model_validator(mode="after")
    def _consistent(self) -> SavingSpec:
        has_value = self.fraction is not None or bool(self.by_use)
        if self.without_plant_data == "catalogue_value" and not has_value:
            raise ValueError("without_plant_data is catalogue_value but no fraction is given")
        if self.without_plant_data == "user_input" and has_value:
            raise ValueError("without_plant_data is user_input but a fraction is given")
        return self


class CapexSpec(_Strict):
    """A sourced capex model: ``per_unit`` times the count of ``equipment`` units."""

    per_unit: float = Field(gt=0)
    currency: str = "CNY"
    equipment: str
    year: int | None = None
    source_id: str
    source_ref: str
    status: _Status


#: Waste-heat sources a measure can draw on (``draws_on.source``); their available heat
#: is computed from the plant data by :func:`greenchain.decisions.retrofit.heat_budget`.
HEAT_SOURCES = (
    "kiln_cooling_air",
    "kiln_flue_gas",
    "stenter_exhaust",
    "boiler_flue",
    "compressor_heat",
    "dye_wastewater",
)


class DrawSpec(_Strict):
    """The waste-heat source a heat-recovery measure draws on, and how much it takes.

    ``heat``: the model result's attribute giving the heat taken per unit as a power
    (``preheat_duty``), multiplied by the unit's ``hours`` and ``count``; ``None``: the
    heat delivered in place of the fuel saved, i.e. the fuel saved times the unit's
    ``divide_by`` efficiency where the equipment gives it, else the fuel saved itself
    (an upper bound).
    """

    source: Literal[HEAT_SOURCES]  # type: ignore[valid-type]
    heat: str | None = None


class WaterSpec(_Strict):
    """Water a measure saves, where its model or its source gives it.

    ``result``: the model result's attribute, a fraction of the equipment's yearly
    ``water_use`` (``result_is: fraction``) or a yearly amount of water, a mass or a
    volume (``absolute``); ``fraction``: the catalogue's water-saving fraction of the
    equipment's ``water_use`` (same source as the energy saving), times ``coverage``.
    ``discharge``: the water saved would have left as wastewater (its price counts too).
    """

    result: str | None = None
    result_is: Literal["fraction", "absolute"] = "fraction"
    fraction: float | None = Field(default=None, ge=0, le=1)
    discharge: bool = True

    @model_validator(mode="after")
    def _one(self) -> WaterSpec:
        if (self.result is None) == (self.fraction is None):
            raise ValueError("give one of water.result and water.fraction")
        return self


class Measure(_Strict):
    """One retrofit measure of the catalogue.

    ``overlaps`` names measures whose mechanism this one's saving largely repeats (the
    relation holds both ways): in a package they save together the larger of their
    savings, a later one adding only what is beyond the earlier ones (nothing, and not
    counted, when they save as much), and each leaves the equipment state the others'
    ``sets`` describe.
    ``sets`` maps equipment keys to the ``retrofit_options`` keys whose values they take
    after the measure (``flue_o2: new_o2``): the state the next measures of a package
    are evaluated on. ``draws_on`` names the waste-heat source it takes heat from.

    ``order`` is the measure's place in a package (loading order): 10 process demand,
    20 conversion efficiency, 30 heat recovery, 40 energy supply; ties keep the catalogue
    order. ``source_id``/``source_ref``/``status`` give the provenance of the default
    saving (or of the method, for measures that need plant data); ``None`` only for a
    measure that ships no number at all.
    """

    id: str = Field(pattern=_ID)
    name_en: str
    name_zh: str
    sectors: list[str]
    equipment: list[str] = []
    stream: StreamSpec
    order: int = Field(ge=0)
    effect: Literal["reduce", "supply_shift"] = "reduce"
    saving: SavingSpec | None = None
    capex: CapexSpec | None = None
    lifetime: int | None = Field(default=None, gt=0)
    lifetime_source_id: str | None = None
    excludes: list[str] = []
    overlaps: list[str] = []
    sets: dict[str, str] = {}
    draws_on: DrawSpec | None = None
    water: WaterSpec | None = None
    source_id: str | None
    source_ref: str
    status: _Status | None
    notes: str | None = None
    origin: Literal["shipped", "user"] = "shipped"
    file: str | None = None

    @field_validator("sectors")
    @classmethod
    def _sectors(cls, v: list[str]) -> list[str]:
        bad = [s for s in v if s not in (*SECTORS, "all")]
        if bad or not v:
            raise ValueError(f"sectors {bad or v} not in {', '.join((*SECTORS, 'all'))}")
        return v

    @model_validator(mode="after")
    def _consistent(self) -> Measure:
        if self.effect == "reduce" and self.saving is None:
            raise ValueError("a 'reduce' measure needs a saving section")
        if self.effect == "supply_shift" and self.saving is not None:
            raise ValueError("a 'supply_shift' measure takes no saving section")
        numbers = self.saving is not None and (
            self.saving.fraction is not None or bool(self.saving.by_use)
        )
        if numbers and (self.source_id is None or self.status is None):
            raise ValueError("a measure with a catalogue fraction needs source_id and status")
        if (self.source_id is None) != (self.status is None):
            raise ValueError("give source_id and status together")
        if self.lifetime is not None and self.lifetime_source_id is None:
            raise ValueError("a catalogue lifetime needs lifetime_source_id")
        if self.saving is not None and self.saving.applies_to == "equipment":
            if not self.equipment:
                raise ValueError("applies_to: equipment needs equipment kinds")
        spec = self.saving.model if self.saving is not None else None
        keys = set(spec.inputs.values()) | set(spec.optional.values()) if spec else set()
        bad = sorted(v for v in self.sets.values() if v not in keys)
        if bad:
            raise ValueError(f"sets: {', '.join(bad)} not among the model's input keys")
        return self

    @property
    def catalogue_fraction(self) -> FractionSpec | None:
        """The stream-wide catalogue fraction (``None`` if only per-use values or none)."""
        return self.saving.fraction if self.saving else None


# ------------------------------------------------------------------------------- loading
def _loc(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif str(part).startswith(("function-", "literal[", "union[", "json-or-python")):
            continue
        else:
            out += "." + str(part)
    return out


def _read(path: Path, name: str, problems: list[str]) -> list[Measure]:
    try:
        data = safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(f"{name}: file not found")
        return []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "file"
        problems.append(f"{name}: malformed YAML at {where}")
        return []
    if not isinstance(data, dict) or not isinstance(data.get("measures"), list):
        problems.append(f"{name}: expected a mapping with a 'measures' list")
        return []
    out = []
    for i, raw in enumerate(data["measures"]):
        try:
            out.append(Measure.model_validate(raw).model_copy(update={"file": name}))
        except ValidationError as exc:
            for err in exc.errors():
                msg = err["msg"].removeprefix("Value error, ")
                problems.append(f"{name}: measures[{i}]{_loc(tuple(err['loc']))}: {msg}")
    return out


_RANK = {s: i for i, s in enumerate(STATUSES)}


def _check_sources(m: Measure, where: str, problems: list[str]) -> None:
    known = sources()
    pairs = [("source_id", m.source_id, m.status)]
    if m.capex is not None:
        pairs.append(("capex.source_id", m.capex.source_id, m.capex.status))
    if m.lifetime_source_id is not None:
        pairs.append(("lifetime_source_id", m.lifetime_source_id, None))
    for field, sid, status in pairs:
        if sid is None:
            continue
        if sid not in known:
            problems.append(f"{where}.{field}: unknown source id {sid!r} (factors/sources.yaml)")
            continue
        source_status = known[sid].get("status")
        if status is not None and source_status in _RANK and _RANK[status] < _RANK[source_status]:
            problems.append(
                f"{where}.{field}: status {status!r} is better than its source's status "
                f"{source_status!r}"
            )


def _validate_all(
    files: list[tuple[Path, str, bool]], known: Iterable[str] = ()
) -> dict[str, Measure]:
    problems: list[str] = []
    catalogue: dict[str, Measure] = {}
    places: dict[str, str] = {}
    for path, name, user in files:
        seen: set[str] = set()
        for i, m in enumerate(_read(path, name, problems)):
            where = f"{name}: measures[{i}]"
            if m.id in seen:
                problems.append(f"{where}.id: duplicate id {m.id!r} in {name}")
                continue
            seen.add(m.id)
            if not user:
                if m.id in catalogue:
                    problems.append(f"{where}.id: duplicate id {m.id!r} (also in {places[m.id]})")
                    continue
                _check_sources(m, where, problems)
            else:
                m = m.model_copy(update={"origin": "user"})
            catalogue[m.id] = m
            places[m.id] = where
    ids = set(catalogue) | set(known)
    for mid, m in catalogue.items():
        for other in m.excludes:
            if other not in ids:
                problems.append(f"{places[mid]}.excludes: unknown measure {other!r}")
        for other in m.overlaps:
            if other not in ids:
                problems.append(f"{places[mid]}.overlaps: unknown measure {other!r}")
    if problems:
        raise DataError(
            f"{len(problems)} problem(s) in the measure catalogue:\n  " + "\n  ".join(problems)
        )
    return catalogue


@cache
def _shipped() -> dict[str, Measure]:
    files = [(data_path("measures", f), f"measures/{f}", False) for f in SHIPPED_FILES]
    return _validate_all(files)


def load_catalogue(paths: Iterable[str | Path] | str | Path | None = None) -> dict[str, Measure]:
    """Load the measure catalogue: the shipped files plus optional user files.

    Parameters
    ----------
    paths : path or iterable of paths, optional
        User catalogue files (YAML with a ``measures`` list, the schema of
        :class:`Measure`). A user measure with the id of a shipped one replaces it; user
        measures are marked ``origin="user"`` and their source ids are not checked
        against the bibliography.

    Returns
    -------
    dict
        ``{id: Measure}`` in catalogue order (shipped files first).

    Raises
    ------
    DataError
        Any file broken: every problem of every file, each with the file and YAML path.

    Examples
    --------
    >>> cat = load_catalogue()
    >>> cat["pulse_combustion"].status
    'unverified'
    """
    shipped = _shipped()
    if paths is None:
        return dict(shipped)
    if isinstance(paths, str | Path):
        paths = [paths]
    user = [(Path(p), Path(p).name, True) for p in paths]
    merged = dict(shipped)
    merged.update(_validate_all(user, known=shipped))
    return merged


def get_measure(measure_id: str, catalogue: Mapping[str, Measure] | None = None) -> Measure:
    """Return one measure; an unknown id raises InputError listing the known ids.

    Parameters
    ----------
    measure_id : str
        The measure's ``id``.
    catalogue : mapping, optional
        A catalogue from :func:`load_catalogue` (default: the shipped one).

    Returns
    -------
    Measure

    Examples
    --------
    >>> get_measure("rooftop_pv").effect
    'supply_shift'
    >>> get_measure("solar_kiln")
    Traceback (most recent call last):
    ...
    greenchain.errors.InputError: measures: unknown measure 'solar_kiln'; known: ...
    """
    cat = load_catalogue() if catalogue is None else catalogue
    if measure_id not in cat:
        raise InputError(
            f"unknown measure {measure_id!r}; known: {', '.join(sorted(cat))}", field="measures"
        )
    return cat[measure_id]


def catalogue_table(catalogue: Mapping[str, Measure] | None = None) -> Any:
    """The catalogue as a DataFrame: one row per measure with its default saving and source.

    Parameters
    ----------
    catalogue : mapping, optional
        A catalogue from :func:`load_catalogue` (default: the shipped one).

    Returns
    -------
    pandas.DataFrame
        ``id``, ``name_en``, ``name_zh``, ``sectors``, ``stream``, ``model``, ``value``,
        ``low``, ``high``, ``bound``, ``by_use``, ``applies_to``, ``without_plant_data``,
        ``capex``, ``source_id``, ``status``, ``origin`` (object columns, ``None`` for a
        blank).

    Examples
    --------
    >>> t = catalogue_table()
    >>> t.loc[t["id"] == "continuous_ball_mill", ["value", "low", "high", "status"]].values.tolist()
    [[0.2, 0.2, 0.25, 'official']]
    """
    import pandas as pd

    cat = load_catalogue() if catalogue is None else catalogue
    rows = []
    for m in cat.values():
        s = m.saving
        f = s.fraction if s else None
        by_use = "; ".join(f"{u}: {v.value:g}" for u, v in (s.by_use.items() if s else ()))
        rows.append(
            {
                "id": m.id,
                "name_en": m.name_en,
                "name_zh": m.name_zh,
                "sectors": ", ".join(m.sectors),
                "stream": _stream_text(m),
                "model": s.model.function if s and s.model else None,
                "value": f.value if f else None,
                "low": f.low if f else None,
                "high": f.high if f else None,
                "bound": f.bound if f else None,
                "by_use": by_use or None,
                "applies_to": s.applies_to if s else None,
                "without_plant_data": s.without_plant_data if s else "user_input",
                "capex": f"{m.capex.per_unit:g} {m.capex.currency}/{m.capex.equipment}"
                if m.capex
                else None,
                "source_id": m.source_id,
                "status": m.status,
                "origin": m.origin,
            }
        )
    return pd.DataFrame(rows, dtype=object)


def _stream_text(m: Measure) -> str:
    carriers = ", ".join(m.stream.carrier) if m.stream.carrier else "any carrier"
    uses = ", ".join(m.stream.use) if m.stream.use else "uses of its equipment"
    if m.stream.use == []:
        uses = "uses given by the plant"
    elif m.stream.use is None and not m.equipment:
        uses = "any use"
    return f"{carriers} / {uses}"
