"""The cited factor database.

Every emission factor, fuel parameter, grid factor, standard-coal coefficient
and GWP that greenchain ships lives in a CSV file under ``factors/`` (one file
per source document and edition) and names its source in
``factors/sources.yaml``. This module loads those files lazily (on first use),
validates every row with pydantic (all problems reported together, with file and
row), and answers lookups.

Key convention
--------------
``family.id.parameter``, snake_case:

* ``fuel.<fuel_id>.ncv | carbon_content | oxidation_rate`` (Chinese default sets),
  plus ``co2_factor``, ``ch4_factor``, ``n2o_factor`` (IPCC 2006);
* ``electricity.grid`` with ``basis`` ``average`` | ``fossil`` |
  ``excluding_market_nonfossil`` (MEE/NBS CO2 series), ``ets`` (ETS reporting values)
  and ``lifecycle`` (carbon-footprint factors, for product footprints only);
* ``heat.purchased``; ``standard_coal.<carrier>`` (GB/T 2589);
  ``carbonate.<id>``; ``gwp.<gas>``; ``wastewater.b0``, ``wastewater.mcf.<system>``.

User factors (same columns) are added with :func:`load_user`; they take
precedence over shipped ones and are marked ``origin="user"``.

Examples
--------
>>> from greenchain import factors
>>> f = factors.get("fuel.natural_gas.ncv", dataset="GB/T 32150-2015")
>>> f.value, f.unit, f.status
(389.31, 'GJ/wan_Nm3', 'transcribed')
>>> factors.grid_electricity(region="福建", year=2023).value
0.4211
"""

from __future__ import annotations

import csv
import difflib
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import pint
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from greenchain._resources import data_path, data_root
from greenchain.data.names import county_aliases, unknown_region
from greenchain.data.tables import STATUSES, sources
from greenchain.data.vocabulary import GRID_BASES
from greenchain.errors import (
    AmbiguousFactor,
    DataError,
    FactorNotFound,
    FallbackWarning,
    InputError,
    UnverifiedDataWarning,
    caveat,
)
from greenchain.units import Q_, unit_of

__all__ = [
    "Factor",
    "Uncertainty",
    "get",
    "grid_electricity",
    "search",
    "datasets",
    "load_user",
    "clear_user",
    "table",
    "normalise_region",
    "COLUMNS",
]

#: Columns of every factor file, in order.
COLUMNS = (
    "key",
    "name_en",
    "name_zh",
    "value",
    "unit",
    "dataset",
    "source_id",
    "source_ref",
    "region",
    "year",
    "basis",
    "gas",
    "status",
    "uncertainty",
    "low",
    "high",
    "notes",
)
_UNCERTAINTY_KINDS = ("ci95", "range", "normal", "lognormal", "uniform", "triangular")


@dataclass(frozen=True)
class Uncertainty:
    """Uncertainty of a factor as given by its source.

    Attributes
    ----------
    kind : str
        ``"ci95"`` (95 % confidence interval), ``"range"`` (tabulated range) or a distribution.
    low, high : float
        Bounds, in the factor's unit.
    """

    kind: str
    low: float
    high: float


@dataclass(frozen=True)
class Factor:
    """One cited factor; ``quantity`` is the value with its unit, ``source`` its bibliography entry.

    Attributes
    ----------
    key, value, unit : str, float, str
        ``family.id.parameter`` key (``"fuel.natural_gas.ncv"``), value and its unit.
    dataset, source_id, source_ref : str
        Document and edition (``"GB/T 32150-2015"``), id in ``factors/sources.yaml`` and the
        table or clause (``"Annex B Table B.1"``).
    status : {"official", "transcribed", "derived", "unverified"}
        How the value was verified (defined in ``factors/sources.yaml``).
    region, year, basis, gas : optional
        Lookup filters (``"Fujian"``, 2023, ``"average"``, ``"CO2"``).
    name_en, name_zh, notes : str
        Names and transcription notes.
    uncertainty : Uncertainty, optional
        Bounds as given by the source.
    origin, file : str
        ``"shipped"`` or ``"user"`` (:func:`load_user`), and the file the row came from.
    """

    key: str
    value: float
    unit: str
    dataset: str
    source_id: str
    status: str
    name_en: str = ""
    name_zh: str = ""
    source_ref: str = ""
    region: str | None = None
    year: int | None = None
    basis: str | None = None
    gas: str | None = None
    uncertainty: Uncertainty | None = None
    notes: str = ""
    origin: str = "shipped"
    file: str = field(default="", compare=False)

    @property
    def quantity(self) -> pint.Quantity:
        """The value as a pint Quantity (a new object on every access)."""
        return Q_(self.value, unit_of(self.unit))

    @property
    def source(self) -> dict[str, Any]:
        """The bibliography entry (``factors/sources.yaml``) this factor cites."""
        entry = sources().get(self.source_id)
        return dict(entry) if entry else {"id": self.source_id, "origin": self.origin}

    def citation(self) -> str:
        """A one-line citation: dataset, table or clause, and status.

        Examples
        --------
        >>> get("carbonate.caco3", dataset="IPCC 2006").citation()
        'IPCC 2006, Vol.3 Ch.2 Table 2.1 [transcribed]'
        """
        ref = f", {self.source_ref}" if self.source_ref else ""
        return f"{self.dataset}{ref} [{self.status}]"


class _Row(BaseModel):
    """Validation model of one factor row (pydantic at the boundary only)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    key: str
    name_en: str = ""
    name_zh: str = ""
    value: float
    unit: str
    dataset: str
    source_id: str
    source_ref: str = ""
    region: str | None = None
    year: int | None = None
    basis: str | None = None
    gas: str | None = None
    status: Literal["official", "transcribed", "derived", "unverified"]
    uncertainty: str | None = None
    low: float | None = None
    high: float | None = None
    notes: str = ""

    @field_validator("region", "basis", "gas", "uncertainty", "year", "low", "high", mode="before")
    @classmethod
    def _empty_is_none(cls, v: Any) -> Any:
        return None if isinstance(v, str) and v.strip() == "" else v

    @field_validator("key")
    @classmethod
    def _key_shape(cls, v: str) -> str:
        parts = v.split(".")
        if len(parts) < 2 or not all(parts) or v != v.strip() or " " in v:
            raise ValueError(f"key {v!r} is not of the form family.id[.parameter]")
        return v

    @field_validator("value")
    @classmethod
    def _finite(cls, v: float) -> float:
        if not math.isfinite(v):
            raise ValueError("value must be finite")
        return v

    @field_validator("unit")
    @classmethod
    def _unit_parses(cls, v: str) -> str:
        unit_of(v)
        return v

    @field_validator("uncertainty")
    @classmethod
    def _known_kind(cls, v: str | None) -> str | None:
        if v is not None and v not in _UNCERTAINTY_KINDS:
            raise ValueError(f"uncertainty {v!r} not in {_UNCERTAINTY_KINDS}")
        return v

    @model_validator(mode="after")
    def _bounds(self) -> _Row:
        if (self.low is None) != (self.high is None):
            raise ValueError("low and high must be given together")
        if self.low is not None and self.high is not None:
            if self.uncertainty is None:
                raise ValueError("low/high given without an uncertainty kind")
            if not self.low <= self.value <= self.high:
                raise ValueError(f"value {self.value} outside [{self.low}, {self.high}]")
        return self


def _is_factor_file(path: Path) -> bool:
    with open(path, encoding="utf-8", newline="") as fh:
        for line in fh:
            if not line.lstrip().startswith("#"):
                return tuple(c.strip() for c in line.strip().split(",")) == COLUMNS
    return False


def _read_rows(path: Path, origin: str, problems: list[str]) -> list[Factor]:
    known = sources()
    with open(path, encoding="utf-8", newline="") as fh:
        numbered = [
            (i, line) for i, line in enumerate(fh, start=1) if not line.lstrip().startswith("#")
        ]
    reader = csv.DictReader([line for _, line in numbered])
    if tuple(reader.fieldnames or ()) != COLUMNS:
        problems.append(f"{path}: columns must be {','.join(COLUMNS)}")
        return []
    out = []
    for (lineno, _), raw in zip(numbered[1:], reader, strict=False):
        where = f"{path.name} line {lineno}"
        if None in raw:
            problems.append(f"{where}: more cells than columns")
            continue
        try:
            row = _Row.model_validate(raw)
        except ValidationError as exc:
            for err in exc.errors():
                loc = ".".join(str(p) for p in err["loc"]) or "row"
                problems.append(f"{where}: {loc}: {err['msg']}")
            continue
        if origin == "shipped" and row.source_id not in known:
            problems.append(f"{where}: source_id {row.source_id!r} not in sources.yaml")
            continue
        unc = None
        if row.uncertainty is not None and row.low is not None and row.high is not None:
            unc = Uncertainty(row.uncertainty, row.low, row.high)
        out.append(
            Factor(
                key=row.key,
                value=row.value,
                unit=row.unit,
                dataset=row.dataset,
                source_id=row.source_id,
                status=row.status,
                name_en=row.name_en,
                name_zh=row.name_zh,
                source_ref=row.source_ref,
                region=row.region,
                year=row.year,
                basis=row.basis,
                gas=row.gas,
                uncertainty=unc,
                notes=row.notes,
                origin=origin,
                file=str(path),
            )
        )
    return out


@cache
def _shipped() -> tuple[Factor, ...]:
    problems: list[str] = []
    rows: list[Factor] = []
    for path in sorted(data_root().glob("*.csv")):
        if _is_factor_file(path):
            rows.extend(_read_rows(path, "shipped", problems))
    _check_duplicates(rows, problems)
    if problems:
        raise DataError("invalid shipped factor data:\n  " + "\n  ".join(problems))
    return tuple(rows)


_user_rows: list[Factor] = []


def _identity(f: Factor) -> tuple[Any, ...]:
    return (f.key, f.dataset, f.region, f.year, f.basis)


def _check_duplicates(rows: Iterable[Factor], problems: list[str]) -> None:
    seen: dict[tuple[Any, ...], str] = {}
    for f in rows:
        ident = _identity(f)
        if ident in seen:
            problems.append(
                f"duplicate factor {ident} in {Path(f.file).name} "
                f"(also in {Path(seen[ident]).name})"
            )
        seen[ident] = f.file


def load_user(path: str | Path) -> int:
    r"""Add a user factor file (same columns as the shipped files).

    User factors take precedence over shipped ones with the same key and filters, and are
    marked ``origin="user"`` in results; ``source_id`` may cite the user's own source.
    :func:`clear_user` removes them.

    Parameters
    ----------
    path : str or Path
        CSV file with the columns :data:`COLUMNS` (lines starting with ``#`` are comments).

    Returns
    -------
    int
        Number of factors added.

    Raises
    ------
    InputError
        The file does not exist.
    DataError
        Listing every invalid or duplicated row with its file and line.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "supplier.csv"
    >>> row = "heat.supplier_x,Supplier X steam,,0.095,tCO2/GJ,Supplier X,sx,,,,,CO2,official,,,,"
    >>> _ = path.write_text(",".join(COLUMNS) + "\n" + row + "\n", encoding="utf-8")
    >>> load_user(path), get("heat.supplier_x").origin
    (1, 'user')
    >>> clear_user()
    """
    path = Path(path)
    if not path.is_file():
        raise InputError("file not found", field="path", source=str(path))
    problems: list[str] = []
    rows = _read_rows(path, "user", problems)
    _check_duplicates([*_user_rows, *rows], problems)
    if problems:
        raise DataError(f"invalid user factor file {path}:\n  " + "\n  ".join(problems))
    _user_rows.extend(rows)
    table.cache_clear()
    return len(rows)


def clear_user() -> None:
    """Remove all user factors added with :func:`load_user`."""
    _user_rows.clear()
    table.cache_clear()


def _all() -> list[Factor]:
    return [*_user_rows, *_shipped()]


@cache
def _regions() -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """Return (alias -> English name, English name -> row) from ``regions_cn.csv``."""
    path = data_path("regions_cn.csv")
    aliases: dict[str, str] = {"global": "global"}
    rows: dict[str, dict[str, str]] = {}
    if not path.is_file():
        return aliases, rows
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            name = row["name_en"].strip()
            rows[name] = row
            names = [name, row.get("name_zh", ""), *(row.get("aliases") or "").split(";")]
            for alias in names:
                if alias.strip():
                    aliases[alias.strip().casefold()] = name
    aliases.update({k: v for k, v in county_aliases().items() if k not in aliases})  # 晋江
    return aliases, rows


def normalise_region(region: str | None) -> str | None:
    """Map a Chinese or English region name to the name used in the factor files.

    Parameters
    ----------
    region : str or None
        Province, regional grid or country, in English or Chinese, any case
        (``"福建"``, ``"fujian"``, ``"华东"``, ``"national"``, ``"全国"``); aliases come
        from ``factors/regions_cn.csv``.

    Returns
    -------
    str or None
        The English name (``"Fujian"``, ``"East China"``, ``"China"``); ``None`` for
        ``None``.

    Raises
    ------
    InputError
        Unknown region; the message suggests close names.

    Examples
    --------
    >>> normalise_region("福建"), normalise_region("华东"), normalise_region("national")
    ('Fujian', 'East China', 'China')
    """
    if region is None:
        return None
    aliases, _ = _regions()
    key = str(region).strip().casefold()
    if key in aliases:
        return aliases[key]
    raise InputError(unknown_region(str(region), aliases, _regions()[1]), field="region")


def _describe(f: Factor) -> str:
    bits = [f.key, f.dataset]
    bits += [str(x) for x in (f.region, f.year, f.basis) if x is not None]
    bits.append(f.origin)
    return " | ".join(bits)


@cache
def _shipped_by_key() -> dict[str, list[Factor]]:
    index: dict[str, list[Factor]] = {}
    for f in _shipped():
        index.setdefault(f.key, []).append(f)
    return index


def _by_key(key: str) -> list[Factor]:
    return [*(f for f in _user_rows if f.key == key), *_shipped_by_key().get(key, ())]


def _match(
    key: str, dataset: str | None, region: str | None, year: int | None, basis: str | None
) -> list[Factor]:
    out = []
    for f in _by_key(key):
        if dataset is not None and f.dataset.casefold() != dataset.casefold():
            continue
        if region is not None and (f.region or "").casefold() != region.casefold():
            continue
        if year is not None and f.year != year:
            continue
        if basis is not None and f.basis != basis:
            continue
        out.append(f)
    return out


def _warn_if_unverified(f: Factor) -> None:
    if f.status == "unverified":
        caveat(
            f"factor {f.key} ({f.dataset}) is unverified: {f.notes or 'see sources'}",
            UnverifiedDataWarning,
        )


def get(
    key: str,
    *,
    dataset: str | None = None,
    region: str | None = None,
    year: int | None = None,
    basis: str | None = None,
) -> Factor:
    """Return the one factor matching ``key`` and the given filters.

    Parameters
    ----------
    key : str
        Factor key, e.g. ``"fuel.natural_gas.ncv"``.
    dataset : str, optional
        Source document and edition, e.g. ``"GB/T 32150-2015"`` (case-insensitive).
    region : str, optional
        Region in English or Chinese (``"Fujian"``, ``"福建"``, ``"East China"``).
    year : int, optional
        Data year (grid factors).
    basis : str, optional
        Basis (e.g. grid ``"average"``, ``"fossil"``; IPCC ``"manufacturing"``).

    Returns
    -------
    Factor
        A user factor if one matches, else the shipped one.

    Raises
    ------
    FactorNotFound
        Nothing matches; the message lists the closest keys or the available variants.
    AmbiguousFactor
        Several factors match; the message lists every candidate (never picks silently).

    Warns
    -----
    UnverifiedDataWarning
        If the factor's status is ``unverified``.

    Examples
    --------
    >>> get("fuel.diesel.ncv", dataset="GB/T 32150-2015").citation()
    'GB/T 32150-2015, Annex B Table B.1 [transcribed]'
    """
    region = normalise_region(region)
    found = _match(key, dataset, region, year, basis)
    if not found:
        same_key = _by_key(key)
        if same_key:
            variants = sorted({_describe(f) for f in same_key})[:12]
            raise FactorNotFound(
                f"no factor {key!r} with dataset={dataset!r}, "
                f"region={region!r}, year={year!r}, basis={basis!r}",
                variants,
            )
        keys = sorted({f.key for f in _all()})
        raise FactorNotFound(
            f"unknown factor key {key!r}", difflib.get_close_matches(key, keys, n=5, cutoff=0.4)
        )
    users = [f for f in found if f.origin == "user"]
    if users:
        found = users
    if len(found) > 1:
        raise AmbiguousFactor(
            f"{len(found)} factors match {key!r}; give dataset, region, year or basis",
            [_describe(f) for f in found],
        )
    _warn_if_unverified(found[0])
    return found[0]


def grid_electricity(
    region: str = "national", year: int | None = None, basis: str = "average"
) -> Factor:
    """Return the grid electricity factor for a region, data year and basis.

    Parameters
    ----------
    region : str, default "national"
        ``"national"`` / ``"全国"``, a regional grid (``"East China"``, ``"华东"``) or a province
        (``"Fujian"``, ``"福建"``).
    year : int, optional
        Data year. An unpublished year falls back to the latest earlier one, ``None`` to the
        latest published year, each with a :class:`~greenchain.errors.FallbackWarning`.
    basis : {"average", "fossil", "excluding_market_nonfossil", "ets", "lifecycle"}
        ``average`` (for purchased electricity in inventories), ``fossil`` and
        ``excluding_market_nonfossil`` are the three series of [1]_; ``ets`` the national
        value of the ETS reporting notices [2]_ (both national only: any region gets the
        national factor, with a caveat); ``lifecycle`` the footprint factor [3]_.

    Returns
    -------
    Factor
        In [kgCO2/kWh] ([tCO2/MWh] for ``ets``; [kgCO2e/kWh] for ``lifecycle``).

    Raises
    ------
    InputError, FactorNotFound
        Unknown basis or region; no factor in or before ``year``.

    References
    ----------
    .. [1] MEE and NBS announcements on electricity CO2 emission factors: 公告2024年第12号
       (2021), 公告2024年第33号 (2022), 公告2025年第47号 (2023).
    .. [2] MEE 环办气候函〔2022〕111号 (2021: 0.5810 tCO2/MWh) and the 2023 notice on
       power-sector reporting (2022: 0.5703 tCO2/MWh); both unverified.
    .. [3] MEE, NBS and NEA announcements on electricity carbon-footprint factors, 2025年第3号
       (2023) and the 2024 factors.

    Examples
    --------
    >>> grid_electricity("East China", 2022).value
    0.5617
    """
    if basis not in GRID_BASES:
        raise InputError(f"basis {basis!r} not in {GRID_BASES}", field="basis")
    name = normalise_region(region)
    candidates = [
        f
        for f in _by_key("electricity.grid")
        if f.basis == basis and (f.region or "").casefold() == (name or "").casefold()
    ]
    if not candidates and basis in ("ets", "excluding_market_nonfossil") and name != "China":
        caveat(f"the {basis} grid factor is national: using China's for {name}", FallbackWarning)
        return grid_electricity("national", year, basis)
    if not candidates:
        raise FactorNotFound(
            f"no {basis} grid factor for region {region!r}",
            sorted(
                {f.region or "" for f in _all() if f.key == "electricity.grid" and f.basis == basis}
            ),
        )
    years = sorted({f.year for f in candidates if f.year is not None})
    chosen = year
    if year is None:
        chosen = years[-1]
        caveat(
            f"grid year not given; using the latest published year {chosen} for {name} ({basis})",
            FallbackWarning,
        )
    elif year not in years:
        earlier = [y for y in years if y < year]
        if not earlier:
            raise FactorNotFound(
                f"no {basis} grid factor for {name} in or before {year}", [str(y) for y in years]
            )
        chosen = earlier[-1]
        caveat(
            f"no {basis} grid factor for {name} in {year}; using {chosen}",
            FallbackWarning,
        )
    return get("electricity.grid", region=name, year=chosen, basis=basis)


@cache
def table() -> Any:
    """Return every factor (user first, then shipped) as a pandas DataFrame.

    Used for searches and for vectorised joins (the inventory builds its lookup arrays from
    it); cached until :func:`load_user` or :func:`clear_user`, so do not modify it.

    Returns
    -------
    pandas.DataFrame
        One row per factor; columns :data:`COLUMNS` plus ``origin`` and ``file``.
    """
    import pandas as pd

    rows = []
    for f in _all():
        unc = f.uncertainty
        rows.append(
            {
                "key": f.key,
                "name_en": f.name_en,
                "name_zh": f.name_zh,
                "value": f.value,
                "unit": f.unit,
                "dataset": f.dataset,
                "source_id": f.source_id,
                "source_ref": f.source_ref,
                "region": f.region,
                "year": f.year,
                "basis": f.basis,
                "gas": f.gas,
                "status": f.status,
                "uncertainty": unc.kind if unc else None,
                "low": unc.low if unc else None,
                "high": unc.high if unc else None,
                "notes": f.notes,
                "origin": f.origin,
                "file": Path(f.file).name,
            }
        )
    df = pd.DataFrame(rows, columns=[*COLUMNS, "origin", "file"])
    df["year"] = df["year"].astype("Int64")
    return df


def search(text: str | None = None, **filters: Any) -> Any:
    """Search the factor database; return matching rows as a DataFrame.

    Parameters
    ----------
    text : str, optional
        Case-insensitive text matched against key, English and Chinese names and notes.
    **filters
        Exact matches on any column, e.g. ``dataset="IPCC 2006"``, ``status="unverified"``,
        ``region="Fujian"`` (regions accept Chinese names, datasets any case).

    Returns
    -------
    pandas.DataFrame
        The matching rows of :func:`table`, re-indexed from 0.

    Raises
    ------
    InputError
        A filter names an unknown column.

    Examples
    --------
    >>> search("natural_gas", dataset="GB/T 32150-2015")["key"].tolist()
    ['fuel.natural_gas.ncv', 'fuel.natural_gas.carbon_content', 'fuel.natural_gas.oxidation_rate']
    """
    df = table()
    unknown = set(filters) - set(df.columns)
    if unknown:
        raise InputError(
            f"unknown filter column(s) {sorted(unknown)}; columns are {list(df.columns)}",
            field="filters",
        )
    mask = df["key"].notna()
    if text:
        needle = text.casefold()
        hay = (
            df["key"].fillna("")
            + " "
            + df["name_en"].fillna("")
            + " "
            + df["name_zh"].fillna("")
            + " "
            + df["notes"].fillna("")
        ).str.casefold()
        mask &= hay.str.contains(needle, regex=False) | hay.str.contains(
            needle.replace(" ", "_"), regex=False
        )
    for column, value in filters.items():
        if column == "region":
            value = normalise_region(value)
        if column == "dataset":
            mask &= df[column].str.casefold() == str(value).casefold()
        else:
            mask &= df[column] == value
    return df[mask].reset_index(drop=True)


def datasets() -> Any:
    """List the datasets: source, title, status and how many factors of each status.

    Returns
    -------
    pandas.DataFrame
        One row per (dataset, source_id): ``dataset``, ``source_id``, ``title``,
        ``source_status``, ``n_factors``, one count column per status, ``families``
        and ``origin``.

    Examples
    --------
    >>> "GB/T 32150-2015" in set(datasets()["dataset"])
    True
    """
    import pandas as pd

    df = table()
    bib = sources()
    rows = []
    for (dataset, source_id), group in df.groupby(["dataset", "source_id"], sort=True):
        entry = bib.get(source_id, {})
        counts = group["status"].value_counts()
        rows.append(
            {
                "dataset": dataset,
                "source_id": source_id,
                "title": entry.get("title", ""),
                "source_status": entry.get("status", "user"),
                "n_factors": len(group),
                **{status: int(counts.get(status, 0)) for status in STATUSES},
                "families": ", ".join(sorted({k.split(".")[0] for k in group["key"]})),
                "origin": ", ".join(sorted(set(group["origin"]))),
            }
        )
    return pd.DataFrame(rows)
