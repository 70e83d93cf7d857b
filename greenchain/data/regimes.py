"""Reporting regimes as data: the schema and loader of ``factors/regimes/*.yaml``.

A Chinese firm files the same plant data under several regimes (GB/T 32150 enterprise
report, NDRC sector guideline, Fujian pilot ETS, GHG Protocol, ISO 14064-1) that differ in
the gases, the GWP set, the grid-factor basis, which categories are in the boundary and
how exports, certificates and purchased heat count. Each regime is one small YAML file;
every choice in it names a ``source_id`` of ``factors/sources.yaml`` and a ``status``.
The inventory (:func:`greenchain.accounting.inventory.from_records`) applies it.

Users can write their own regime file (a provincial rule) with the same keys and pass its
path wherever a regime name is accepted. Files are read with a safe loader (:mod:`greenchain.data.yaml_safe`) and every
problem is reported at once, with the file and the key.

Examples
--------
>>> r = load_regime("fujian_ets")
>>> r.grid.basis, r.boundary.value["carbonate_decomposition"], r.gases.value
('ets', False, ['CO2'])
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from greenchain._resources import data_path
from greenchain.data.tables import sources
from greenchain.data.vocabulary import GRID_BASES, GWP_REPORTS, REGIMES
from greenchain.data.yaml_safe import safe_load
from greenchain.errors import DataError, InputError
from greenchain.units import Q_

__all__ = [
    "Regime",
    "Choice",
    "load_regime",
    "regime_path",
    "BOUNDARY_ITEMS",
    "REGIME_GASES",
    "REGIMES",
]

#: Emission sources a regime puts in or out of its boundary: the GB/T 32150 categories
#: of energy, and each process type of the plant file.
BOUNDARY_ITEMS = (
    "fuel_combustion",
    "carbonate_decomposition",
    "wastewater_ch4",
    "refrigerant_leakage",
    "process_fgases",
    "purchased_electricity",
    "purchased_heat",
)
#: Gases (or gas groups) a regime can cover.
REGIME_GASES = ("CO2", "CH4", "N2O", "HFCs", "PFCs", "SF6", "NF3")
_STATUS = Literal["official", "transcribed", "derived", "unverified"]


class Choice(BaseModel):
    """One cited choice of a regime: its value, ``source_id``, ``status`` and a note."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    source_id: str
    status: _STATUS
    note: str = ""


class GasesChoice(Choice):
    """``gases``: the gases the regime counts."""

    value: list[str]

    @field_validator("value")
    @classmethod
    def _known(cls, v: list[str]) -> list[str]:
        bad = [g for g in v if g not in REGIME_GASES]
        if bad:
            raise ValueError(f"unknown gases {bad}; known: {', '.join(REGIME_GASES)}")
        if "CO2" not in v:
            raise ValueError("a regime must count CO2")
        return v


class GwpChoice(Choice):
    """``gwp``: the IPCC assessment report of the GWP set."""

    value: str

    @field_validator("value")
    @classmethod
    def _known(cls, v: str) -> str:
        if v not in GWP_REPORTS:
            raise ValueError(f"gwp {v!r} not in {GWP_REPORTS}")
        return v


class TextChoice(Choice):
    """A choice whose value is a name (``fuel_dataset``)."""

    value: str


class FlagChoice(Choice):
    """A yes/no choice (``combustion_non_co2``)."""

    value: bool


class GridChoice(Choice):
    """``grid``: the basis of the grid factor, the year rule, and optionally a fixed value.

    ``year`` is ``data_year`` (each record's year, an unpublished year falling back to the
    latest earlier one) or a fixed data year. ``factor`` (e.g. ``"0.5 tCO2/MWh"``) replaces
    the database factor for every electricity row (a provincial value the database lacks).
    """

    basis: str
    year: Literal["data_year"] | int = "data_year"
    factor: str | None = None

    @field_validator("basis")
    @classmethod
    def _known(cls, v: str) -> str:
        allowed = tuple(b for b in GRID_BASES if b != "lifecycle")
        if v not in allowed:
            raise ValueError(f"grid basis {v!r} not in {allowed}")
        return v

    @field_validator("factor")
    @classmethod
    def _parses(cls, v: str | None) -> str | None:
        if v is None:
            return v
        try:
            Q_(v).to("tCO2/MWh")
        except Exception as exc:  # pint raises several kinds; report them as one
            raise ValueError(f"factor {v!r} is not a value in tCO2/MWh ({exc})") from None
        return v


class BoundaryChoice(Choice):
    """``boundary``: which emission sources are counted (every item of BOUNDARY_ITEMS).

    ``process_fgases`` (etch/CVD gases, gas lost filling products) was added after the
    other items: a file without it takes the value of ``refrigerant_leakage``.
    """

    value: dict[str, bool]

    @field_validator("value")
    @classmethod
    def _complete(cls, v: dict[str, bool]) -> dict[str, bool]:
        if "process_fgases" not in v and "refrigerant_leakage" in v:
            v = {**v, "process_fgases": v["refrigerant_leakage"]}
        unknown = sorted(set(v) - set(BOUNDARY_ITEMS))
        missing = [k for k in BOUNDARY_ITEMS if k not in v]
        if unknown or missing:
            raise ValueError(
                f"boundary must list exactly {', '.join(BOUNDARY_ITEMS)}"
                + (f"; unknown {unknown}" if unknown else "")
                + (f"; missing {missing}" if missing else "")
            )
        return v


class ExportsChoice(Choice):
    """``exports``: exported electricity and heat ``deduct``-ed from the total (GB/T 32150),
    or reported as a ``memo`` item and not deducted (GHG Protocol)."""

    value: Literal["deduct", "memo"]


class CertificatesChoice(Choice):
    """``certificates``: green certificates and direct green supply ``not_credited``,
    credited in the ``market_based`` scope 2 only, or in the ``total``."""

    value: Literal["not_credited", "market_based", "total"]


class RemainderChoice(Choice):
    """``market_remainder``: factor of market-based electricity not covered by certificates:
    the ``location`` grid factor, or MEE's national ``excluding_market_nonfossil`` factor."""

    value: Literal["location", "excluding_market_nonfossil"]


class HeatChoice(Choice):
    """``purchased_heat``: ``default`` (0.11 tCO2/GJ of the database) or a value with unit."""

    value: str

    @field_validator("value")
    @classmethod
    def _parses(cls, v: str) -> str:
        if v == "default":
            return v
        try:
            Q_(v).to("tCO2/GJ")
        except Exception as exc:  # pint raises several kinds; report them as one
            raise ValueError(f"{v!r} is not 'default' or a value in tCO2/GJ ({exc})") from None
        return v


class Regime(BaseModel):
    """A reporting regime: every choice the inventory makes, each cited.

    Attributes
    ----------
    id, title, title_zh, description : str
        Name (``"fujian_ets"``), titles and what the regime is for.
    source_id, status : str
        The document defining the regime, and how well greenchain knows it.
    gases, gwp, fuel_dataset, combustion_non_co2, grid, boundary, exports, certificates,
    market_remainder, purchased_heat : Choice
        The choices, each with ``source_id``, ``status`` and ``note``.
    file : str
        The file it was read from.
    """

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: str
    title: str
    title_zh: str = ""
    description: str = ""
    source_id: str
    status: _STATUS
    gases: GasesChoice
    gwp: GwpChoice
    fuel_dataset: TextChoice
    combustion_non_co2: FlagChoice
    grid: GridChoice
    boundary: BoundaryChoice
    exports: ExportsChoice
    certificates: CertificatesChoice
    market_remainder: RemainderChoice
    purchased_heat: HeatChoice
    file: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> Regime:
        if self.combustion_non_co2.value and not {"CH4", "N2O"} <= set(self.gases.value):
            raise ValueError("combustion_non_co2 is true but gases lack CH4 or N2O")
        return self

    def choices(self) -> dict[str, Choice]:
        """The choices by name, in file order."""
        return {
            name: getattr(self, name)
            for name in (
                "gases",
                "gwp",
                "fuel_dataset",
                "combustion_non_co2",
                "grid",
                "boundary",
                "exports",
                "certificates",
                "market_remainder",
                "purchased_heat",
            )
        }


def regime_path(regime: str | Path) -> Path:
    """The file of a shipped regime name, or the user's regime file.

    Parameters
    ----------
    regime : str or Path
        A name of :data:`REGIMES` or the path of a YAML regime file.

    Returns
    -------
    Path

    Raises
    ------
    InputError
        Neither a shipped regime nor an existing file (the message lists the names).

    Examples
    --------
    >>> regime_path("gbt32150").name
    'gbt32150.yaml'
    """
    if str(regime) in REGIMES:
        return data_path("regimes", f"{regime}.yaml")
    path = Path(regime)
    if path.is_file():
        return path
    raise InputError(
        f"unknown regime {str(regime)!r}: give one of {', '.join(REGIMES)} or a regime file path",
        field="regime",
    )


def _problems(exc: ValidationError, where: str) -> list[str]:
    return [
        f"{where}: {'.'.join(str(p) for p in e['loc']) or 'regime'}: {e['msg']}"
        for e in exc.errors()
    ]


def _cited(raw: dict[str, Any], where: str, shipped: bool) -> list[str]:
    """source_id of the regime and of each choice must be in sources.yaml (shipped files)."""
    if not shipped:
        return []
    known = sources()
    out = []
    entries = [("source_id", raw.get("source_id"))] + [
        (f"{k}.source_id", v.get("source_id")) for k, v in raw.items() if isinstance(v, dict)
    ]
    for key, sid in entries:
        if sid is not None and sid not in known:
            out.append(f"{where}: {key}: {sid!r} not in sources.yaml")
    return out


@cache
def _load(path: str, shipped: bool, mtime_ns: int) -> Regime:  # noqa: ARG001 (cache key)
    where = str(path)
    try:
        with open(path, encoding="utf-8") as fh:
            raw = safe_load(fh)
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read regime file: {exc}", source=where) from None
    if not isinstance(raw, dict):
        raise DataError("a regime file must be a mapping of keys", source=where)
    problems = _cited(raw, where, shipped)
    try:
        regime = Regime.model_validate({**raw, "file": where})
    except ValidationError as exc:
        problems = _problems(exc, where) + problems
        regime = None
    if problems:
        raise DataError("invalid regime file:\n  " + "\n  ".join(problems), source=where)
    assert regime is not None
    return regime


def load_regime(regime: str | Path) -> Regime:
    """Read and validate a regime: a shipped name or the path of the user's YAML file.

    Parameters
    ----------
    regime : str or Path
        ``gbt32150``, ``ndrc_guideline``, ``fujian_ets``, ``ghg_protocol``, ``iso14064``,
        or a file with the same keys.

    Returns
    -------
    Regime

    Raises
    ------
    InputError
        Unknown name and no such file.
    DataError
        The file is not valid: every problem is listed, with the file and the key.

    Examples
    --------
    >>> load_regime("gbt32150").gwp.value
    'AR6'
    """
    path = regime_path(regime)
    return _load(str(path), str(regime) in REGIMES, path.stat().st_mtime_ns)
