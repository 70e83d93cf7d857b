"""Names as people write them: Chinese names of fuels, carriers, sectors, fabrics, gases.

A plant file may say ``天然气`` for ``natural_gas``, ``电力`` for ``electricity``,
``印染`` for the sector ``dyeing`` and ``晋江`` for a plant in Fujian. The Chinese
names come from the shipped tables, never from code: fuel names are the ``name_zh``
of the fuel factor rows (``天然气低位发热量`` → ``天然气``), the other kinds are in
``factors/names_zh.csv`` (fabric classes: ``dyeing-norm-2017_fabric-classes.csv``), and Fujian prefectures and counties with their province in
``factors/regions_fujian_gbt2260.csv`` (GB/T 2260 codes). Every row carries a
source and a status.

:func:`to_id` maps a name to its id (``None`` when unknown); :func:`resolve` raises
an :class:`~greenchain.errors.InputError` listing the valid choices in both
languages; :func:`read_year` reads ``2024年``. The ``*_validator`` functions are
the plant-file schema's ``BeforeValidator`` hooks.

Examples
--------
>>> to_id("carrier", "天然气"), to_id("carrier", "电力"), to_id("sector", "印染")
('natural_gas', 'electricity', 'dyeing')
>>> region_province("晋江"), read_year("2024年")
('Fujian', 2024)
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache
from typing import Any

from greenchain.data.tables import read_table
from greenchain.errors import InputError

__all__ = [
    "KINDS",
    "choices",
    "to_id",
    "resolve",
    "choices_text",
    "region_province",
    "unknown_region",
    "county_aliases",
    "read_year",
    "year_validator",
    "sector_validator",
    "carrier_validator",
    "gas_validator",
]

#: The kinds of names: ``carrier`` includes every fuel id and the four non-fuel carriers.
KINDS = ("fuel", "carrier", "sector", "fabric", "gas")
_FUEL_FILES = (
    "fuels_gbt32150-2015.csv",
    "fuels_ndrc-2013.csv",
    "fuels_gbt32151.34-2024.csv",
    "fuels_ipcc2006.csv",
)
_FUEL_KEY = re.compile(r"^fuel\.([a-z0-9_]+)\.ncv$")
_SPECIAL = ("electricity", "heat", "steam", "hot_water")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", str(text)).strip().casefold()


@cache
def _table() -> dict[str, tuple[tuple[str, str, tuple[str, ...]], ...]]:
    """kind -> ((id, name_zh, aliases), ...), in table order."""
    out: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {k: [] for k in KINDS}
    seen: set[str] = set()
    for name in _FUEL_FILES:
        for row in read_table(name):
            m = _FUEL_KEY.match(row["key"])
            if m and m.group(1) not in seen:
                seen.add(m.group(1))
                zh = row["name_zh"].removesuffix("低位发热量").strip()
                out["fuel"].append((m.group(1), zh, ()))
    for row in read_table("dyeing-norm-2017_fabric-classes.csv"):
        aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
        out["fabric"].append((row["fabric"], row["name_zh"], aliases))
    for row in read_table("names_zh.csv"):
        aliases = tuple(a.strip() for a in row["aliases"].split(";") if a.strip())
        out[row["kind"]].append((row["id"], row["name_zh"], aliases))
    out["carrier"] = [r for r in out["carrier"] if r[0] in _SPECIAL] + out["fuel"]
    return {k: tuple(v) for k, v in out.items()}


@cache
def _lookup(kind: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for ident, zh, aliases in _table()[kind]:
        for name in (ident, zh, *aliases):
            if name:
                out.setdefault(_fold(name), ident)
    return out


def choices(kind: str) -> list[tuple[str, str]]:
    """The ids of a kind of name with their Chinese names.

    Parameters
    ----------
    kind : str
        One of :data:`KINDS`.

    Returns
    -------
    list of (str, str)
        ``(id, Chinese name)`` in table order.

    Examples
    --------
    >>> choices("sector")[:2]
    [('ceramics', '陶瓷'), ('dyeing', '印染')]
    """
    return [(ident, zh) for ident, zh, _ in _table()[kind]]


def choices_text(kind: str) -> str:
    """The valid choices of a kind in both languages, for error messages.

    Parameters
    ----------
    kind : str
        One of :data:`KINDS`.

    Returns
    -------
    str
        ``"ceramics 陶瓷, dyeing 印染, ..."``.

    Examples
    --------
    >>> choices_text("sector")[:31]
    'ceramics 陶瓷, dyeing 印染, textile'
    """
    return ", ".join(f"{ident} {zh}".strip() for ident, zh in choices(kind))


def to_id(kind: str, value: Any) -> str | None:
    """The id a name stands for: the id itself, its Chinese name or an alias.

    Parameters
    ----------
    kind : str
        One of :data:`KINDS`.
    value : any
        The name as written (any case; full-width characters allowed).

    Returns
    -------
    str or None
        The id, or ``None`` when the name is unknown.

    Examples
    --------
    >>> to_id("fuel", "柴油"), to_id("gas", "R-134a"), to_id("fabric", "针织"), to_id("sector", "x")
    ('diesel', 'HFC-134a', 'yarn_knit', None)
    """
    if not isinstance(value, str) or not value.strip():
        return None
    return _lookup(kind).get(_fold(value))


def resolve(kind: str, value: Any, *, field: str | None = None, source: str | None = None) -> str:
    """Like :func:`to_id`, but an unknown name raises an error listing the valid ones.

    Parameters
    ----------
    kind : str
        One of :data:`KINDS`.
    value : any
        The name as written.
    field : str, optional
        The field named in the error (default: ``kind``).
    source : str, optional
        The file (or cell) named in the error.

    Returns
    -------
    str
        The id.

    Raises
    ------
    InputError
        Unknown name; the message lists every valid id with its Chinese name.

    Examples
    --------
    >>> resolve("sector", "陶瓷")
    'ceramics'
    """
    ident = to_id(kind, value)
    if ident is None:
        raise InputError(
            f"unknown {kind} {value!r}; valid / 可选: {choices_text(kind)}",
            field=field or kind,
            source=source,
        )
    return ident


@cache
def county_aliases() -> dict[str, str]:
    """Prefecture and county names (any spelling in the table) -> province English name.

    Returns
    -------
    dict
        Case-folded name -> province, from ``factors/regions_fujian_gbt2260.csv``.

    Examples
    --------
    >>> county_aliases()["晋江市"], county_aliases()["quanzhou"]
    ('Fujian', 'Fujian')
    """
    out: dict[str, str] = {}
    for row in read_table("regions_fujian_gbt2260.csv"):
        names = [row["name_zh"], row["name_en"], row["code"], *row["aliases"].split(";")]
        for name in names:
            if name.strip():
                out[_fold(name)] = row["province"]
    return out


def region_province(name: Any) -> str | None:
    """The province of a prefecture or county (``晋江`` → ``Fujian``), else ``None``.

    Parameters
    ----------
    name : any
        A prefecture or county name, Chinese or pinyin, with or without 市/县.

    Returns
    -------
    str or None
        The province's English name as in ``factors/regions_cn.csv``.

    Examples
    --------
    >>> region_province("石狮市"), region_province("Atlantis")
    ('Fujian', None)
    """
    if not isinstance(name, str):
        return None
    return county_aliases().get(_fold(name))


def unknown_region(region: str, aliases: dict[str, str], rows: dict[str, dict[str, str]]) -> str:
    """The message for an unknown region: close names, then every region in both languages.

    Parameters
    ----------
    region : str
        The region as written.
    aliases : dict
        Case-folded alias -> English name (``factors/regions_cn.csv`` and the counties).
    rows : dict
        English name -> row of ``factors/regions_cn.csv``.

    Returns
    -------
    str
        ``"unknown region 'Atlantis'; valid / 可选: China 全国, ..."``.

    Examples
    --------
    >>> unknown_region("Fujan", {"fujian": "Fujian"}, {"Fujian": {"name_zh": "福建"}})
    "unknown region 'Fujan'; did you mean Fujian?; valid / 可选: Fujian 福建, or a Fujian prefecture or county (泉州, 晋江 ...)"
    """
    close = difflib.get_close_matches(region, sorted(set(aliases.values())), n=5, cutoff=0.5)
    valid = ", ".join(f"{name} {row['name_zh']}" for name, row in rows.items())
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return (
        f"unknown region {region!r}{hint}; valid / 可选: {valid}, "
        "or a Fujian prefecture or county (泉州, 晋江 ...)"
    )


_YEAR = re.compile(r"^\s*(\d{4})\s*(?:年(?:度)?)?\s*$")


def read_year(value: Any) -> Any:
    """Read a year written ``2024``, ``"2024"``, ``"2024年"`` or ``2024.0``.

    Parameters
    ----------
    value : any
        The year as written; other values pass through for the schema to refuse.

    Returns
    -------
    int or any
        The year, or ``value`` unchanged.

    Examples
    --------
    >>> read_year("2024年"), read_year(2023.0), read_year("２０２２")
    (2024, 2023, 2022)
    """
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        m = _YEAR.match(unicodedata.normalize("NFKC", value))
        if m:
            return int(m.group(1))
    return value


def year_validator(value: Any) -> Any:
    """Schema hook: :func:`read_year`.

    Parameters
    ----------
    value : any
        The year as written.

    Returns
    -------
    int or any
        The year, or ``value`` unchanged.

    Examples
    --------
    >>> year_validator("2024年")
    2024
    """
    return read_year(value)


def sector_validator(value: Any) -> Any:
    """Schema hook: a sector's Chinese name or alias becomes its id; errors list both.

    Parameters
    ----------
    value : any
        The sector as written.

    Returns
    -------
    str or any
        The sector id, or ``value`` unchanged when it is not text.

    Raises
    ------
    ValueError
        An unknown sector, listing the valid ones in both languages.

    Examples
    --------
    >>> sector_validator("印染")
    'dyeing'
    """
    if not isinstance(value, str):
        return value
    ident = to_id("sector", value)
    if ident is None:
        raise ValueError(f"unknown sector {value!r}; valid / 可选: {choices_text('sector')}")
    return ident


def carrier_validator(value: Any) -> Any:
    """Schema hook: a carrier's Chinese name (``天然气``, ``电力``) becomes its id.

    Unknown names pass unchanged: a carrier with an explicit ``factor`` may be any
    label, and the accounting names an unknown fuel with its cell.

    Parameters
    ----------
    value : any
        The carrier as written.

    Returns
    -------
    str or any
        The id, or ``value`` unchanged.

    Examples
    --------
    >>> carrier_validator("天然气"), carrier_validator("biogas")
    ('natural_gas', 'biogas')
    """
    return to_id("carrier", value) or value


def gas_validator(value: Any) -> Any:
    """Schema hook: a gas's Chinese name or refrigerant number becomes its id.

    Parameters
    ----------
    value : any
        The gas as written (``R-134a``, ``四氟乙烷``, ``HFC-134a``).

    Returns
    -------
    str or any
        The id, or ``value`` unchanged when unknown.

    Examples
    --------
    >>> gas_validator("R-134a"), gas_validator("R-410A")
    ('HFC-134a', 'R-410A')
    """
    return to_id("gas", value) or value
