"""Numbers, units and tables of the plant report, formatted for reading.

Outside the audit appendix the report shows numbers rounded for reading: thousands
separators, at most 4 decimal places, blanks instead of ``None`` or ``NaN``, rates
such as the IRR as percentages, money in CNY (English) or 万元 (Chinese). Numbers are
formatted by Babel for the report's locale (``en_US`` or ``zh_CN``). Units are written
as people write them (``tCO₂e``, ``kgce/m²``, ``元/tCO₂e``). The audit appendix keeps
the numbers as computed.

Examples
--------
>>> format_number(561942.239439), format_number(0.046971234), format_number(None)
('561,942', '0.047', '')
>>> format_percent(1.45295), format_money(12000000.0, "zh")
('145.3%', '1,200')
>>> format_unit("kgce/m ** 2"), format_unit("m^3/hundred_meter", "zh")
('kgce/m²', 'm³/百米')
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from babel.numbers import format_decimal
from babel.numbers import format_percent as babel_percent

from greenchain.interface.labels import COLUMNS, label

__all__ = [
    "LOCALES",
    "ID_COLUMNS",
    "PERCENT_COLUMNS",
    "MONEY_COLUMNS",
    "ROW_STATUS",
    "TableView",
    "format_number",
    "format_percent",
    "format_money",
    "format_unit",
    "round_text",
    "view_table",
]

#: Status values -> the colour class of a table row (passed, failed, not assessable).
ROW_STATUS = {
    "passed": "passed",
    "failed": "failed",
    "meets limit": "passed",
    "above limit": "failed",
    "below limit": "failed",
    "unanswered": "open",
    "incomplete": "open",
    "no data": "open",
    "no thresholds": "open",
    "no points": "open",
}

#: Babel locale of each report language.
LOCALES = {"en": "en_US", "zh": "zh_CN"}

#: Table columns whose values are ids with a label (category, carrier, status ...).
ID_COLUMNS = (
    "category",
    "scope",
    "carrier",
    "area",
    "stage",
    "item",
    "status",
    "standing",
    "limit",
    "saving_status",
    "comparison",
)

#: Columns holding fractions shown as percentages.
PERCENT_COLUMNS = ("irr", "share")

#: Columns holding money (CNY): 万元 in Chinese, CNY in English.
MONEY_COLUMNS = ("annual_savings", "capex", "npv")

# unit spellings: (pattern, English, Chinese), applied in order
_UNIT_WORDS: tuple[tuple[str, str, str], ...] = (
    (r"hundred_met(?:er|re)s?", "100 m", "百米"),
    (r"wan_yuan", "10⁴ CNY", "万元"),
    (r"wan_Nm(?:3|\^3)", "10⁴ Nm³", "万Nm³"),
    (r"\bpercent\b", "%", "%"),
    (r"\bdimensionless\b", "", ""),
    (r"share of checklist", "share of checklist", "清单符合比例"),
    (r"\byr\b|\byear\b", "yr", "年"),
    (r"\bCNY\b", "CNY", "元"),
)
_POWERS = {"2": "²", "3": "³"}
_LONG_DECIMAL = re.compile(r"(?<![\w.])(-?\d+\.\d{5,})(?![\d.])")


def _locale(lang: str) -> str:
    return LOCALES.get(lang, "en_US")


def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def format_number(value: Any, lang: str = "en", decimals: int | None = None) -> str:
    """A number for reading: thousands separators, at most 4 decimal places.

    Parameters
    ----------
    value : float, int or None
        The number; ``None`` and ``NaN`` give an empty string.
    lang : {"en", "zh"}, default "en"
        Report language (the Babel locale).
    decimals : int, optional
        Decimal places; by default 0 from 1000 up, 1 from 100, 2 from 1, and up to 4
        below 1 (trailing zeros dropped).

    Returns
    -------
    str

    Examples
    --------
    >>> format_number(1234567.891), format_number(12.3456), format_number(float("nan"))
    ('1,234,568', '12.35', '')
    """
    if _missing(value):
        return ""
    if isinstance(value, bool):
        return str(value)
    number = float(value)
    if math.isinf(number):
        return "∞" if number > 0 else "−∞"
    if decimals is None:
        size = abs(number)
        decimals = 0 if size >= 1000 else 1 if size >= 100 else 2 if size >= 1 else 4
    decimals = max(0, min(decimals, 4))
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    text = format_decimal(round(number, decimals), format=pattern, locale=_locale(lang))
    return "0" if text in ("-0", "−0") else text


def format_percent(value: Any, lang: str = "en") -> str:
    """A fraction as a percentage with one decimal place (``0.1897`` → ``19.0%``).

    Parameters
    ----------
    value : float or None
        The fraction; ``None`` and ``NaN`` give an empty string.
    lang : {"en", "zh"}, default "en"
        Report language (the Babel locale).

    Returns
    -------
    str

    Examples
    --------
    >>> format_percent(0.1897), format_percent(None)
    ('19.0%', '')
    """
    if _missing(value):
        return ""
    return babel_percent(float(value), format="#,##0.0%", locale=_locale(lang))


def format_money(value: Any, lang: str = "en") -> str:
    """An amount of CNY: whole yuan in English, 万元 with two decimals in Chinese.

    Parameters
    ----------
    value : float or None
        The amount [CNY]; ``None`` and ``NaN`` give an empty string.
    lang : {"en", "zh"}, default "en"
        Report language; Chinese readers get 万元 (10⁴ CNY).

    Returns
    -------
    str

    Examples
    --------
    >>> format_money(883735.2), format_money(883735.2, "zh")
    ('883,735', '88.37')
    """
    if _missing(value):
        return ""
    if lang == "zh":
        return format_number(float(value) / 1e4, lang, decimals=2)
    return format_number(value, lang, decimals=0)


def format_unit(unit: Any, lang: str = "en") -> str:
    """A unit as people write it: ``kgce/m²``, ``tCO₂e``, ``元/tCO₂e``, ``%``.

    Parameters
    ----------
    unit : str or None
        A unit as pint or a data file spells it (``m ** 3``, ``m^2``, ``tCO2e``,
        ``hundred_meter``, ``percent``).
    lang : {"en", "zh"}, default "en"
        Report language (百米, 万元, 元 in Chinese).

    Returns
    -------
    str

    Examples
    --------
    >>> format_unit("tCO2e/hundred_meter", "zh"), format_unit("CNY/tCO2e", "zh")
    ('tCO₂e/百米', '元/tCO₂e')
    """
    if _missing(unit):
        return ""
    text = str(unit)
    for pattern, en, zh in _UNIT_WORDS:
        text = re.sub(pattern, zh if lang == "zh" else en, text)
    text = text.replace("CO2", "CO₂").replace("CH4", "CH₄").replace("N2O", "N₂O")
    text = re.sub(r"\s*\*\*\s*([23])\b", lambda m: _POWERS[m.group(1)], text)
    text = re.sub(r"\^([23])\b", lambda m: _POWERS[m.group(1)], text)
    text = re.sub(r"(?<=[A-Za-z])([23])(?![\d.])", lambda m: _POWERS[m.group(1)], text)
    text = text.replace(" / ", "/")
    return text.strip()


def round_text(text: Any) -> str:
    """``text`` with numbers of more than 4 decimal places rounded to 4.

    Parameters
    ----------
    text : str
        Free text (a note, a reason, a preformatted value).

    Returns
    -------
    str

    Examples
    --------
    >>> round_text("IRR 1.45295123 and 2.5")
    'IRR 1.453 and 2.5'
    """

    def short(match: re.Match[str]) -> str:
        return f"{float(match.group(1)):.4f}".rstrip("0").rstrip(".")

    return _LONG_DECIMAL.sub(short, str(text))


@dataclass
class TableView:
    """A table ready to print: caption, headers and rows of text.

    ``numeric`` marks the columns to right-align; ``row_status`` is ``passed``,
    ``failed``, ``open`` (not assessable or not answered) or ``""`` per row, from the
    table's ``status`` column (gates and indicators are coloured by it).
    """

    caption: str
    headers: list[str]
    rows: list[list[str]]
    numeric: list[bool] = field(default_factory=list)
    row_status: list[str] = field(default_factory=list)


def _header(column: str, lang: str) -> str:
    pair = COLUMNS.get(column)  # a column's header, even where an id has the same name
    text = pair[lang == "zh"] if pair else label(column, lang)
    if column in MONEY_COLUMNS:
        text += " [万元]" if lang == "zh" else " [CNY]"
    return format_unit(text, lang) if "[" in text else text


def _cell(column: str, value: Any, lang: str, audit: bool) -> str:
    if _missing(value):
        return ""
    if audit:
        return str(value)
    if column in PERCENT_COLUMNS and isinstance(value, (int, float)):
        return format_percent(value, lang)
    if column in MONEY_COLUMNS and isinstance(value, (int, float)):
        return format_money(value, lang)
    if column == "unit":
        return format_unit(value, lang)
    if column == "simple_payback_years" and isinstance(value, (int, float)):
        return format_number(value, lang, decimals=1)
    if column in ID_COLUMNS:  # "official+plant_data": each part labelled
        return round_text("+".join(label(v, lang) for v in str(value).split("+")))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value, lang)
    if isinstance(value, (list, tuple, set)):
        return ", ".join(round_text(label(v, lang)) for v in value)
    return round_text(value)


def view_table(
    frame: pd.DataFrame, caption: str = "", lang: str = "en", *, audit: bool = False
) -> TableView:
    """``frame`` as text for reading, with headers and ids in ``lang``.

    Parameters
    ----------
    frame : pandas.DataFrame
        A result table (columns as in :data:`greenchain.interface.labels.COLUMNS`).
    caption : str, default ""
        Title of the table.
    lang : {"en", "zh"}, default "en"
        Report language.
    audit : bool, default False
        Keep numbers as computed (the audit appendix); otherwise round for reading.

    Returns
    -------
    TableView

    Examples
    --------
    >>> import pandas as pd
    >>> v = view_table(pd.DataFrame({"measure": ["a"], "irr": [1.45295], "capex": [None]}))
    >>> v.headers, v.rows
    (['Measure', 'IRR', 'Capex [CNY]'], [['a', '145.3%', '']])
    """
    columns = [str(c) for c in frame.columns]
    headers = [_header(c, lang) for c in columns]
    if len(set(headers)) != len(headers):  # never merge two columns under one header
        headers = columns
    rows = [
        [_cell(c, v, lang, audit) for c, v in zip(columns, row, strict=True)]
        for row in frame.itertuples(index=False)
    ]
    numeric = [
        frame[c].dtype.kind in "if"
        or (c in MONEY_COLUMNS + PERCENT_COLUMNS)
        or pd.to_numeric(frame[c], errors="coerce").notna().sum() > len(frame) / 2
        for c in frame.columns
    ]
    status = [""] * len(frame)
    key = "standing" if "standing" in columns else "status"
    if key in columns and not audit:
        # the column may already hold the labels (符合, not assessable ...)
        classes = {label(k, x): c for k, c in ROW_STATUS.items() for x in ("en", "zh")}
        classes.update(ROW_STATUS)
        status = [classes.get(str(v), "") for v in frame[key]]
    return TableView(caption, headers, rows, [bool(n) for n in numeric], status)
