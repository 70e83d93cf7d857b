"""The one pint unit registry of greenchain, and input coercion helpers.

Every module imports ``ureg`` and ``Q_`` from here; no other registry is ever
created. greenchain's own units (``kgce``, ``tce``, ``tCO2e``, ``Nm3``, ``kt`` as
kilotonne, ``CNY`` ...) are defined, with their sources, in ``factors/units.txt``.

The helpers :func:`magnitude` and :func:`temperature` are the boundary used by
every public function: they accept a pint Quantity in any compatible unit, or a
plain number (scalar, list, ndarray, Series) read in the documented unit, and
return a float ndarray in that unit. Wrong dimensions raise
:class:`~greenchain.errors.UnitError` and non-finite values raise
:class:`~greenchain.errors.InputError`, each naming the argument. On top of them,
:func:`fraction` and :func:`nonnegative` read the two most common kinds of
argument, and :func:`quantity` wraps computed magnitudes back into a Quantity.
Nothing is clamped: a value out of range raises
:class:`~greenchain.errors.OutOfRangeError` naming the argument.

:data:`QuantityLike` is the type of every argument that accepts a quantity.

Examples
--------
>>> from greenchain import Q_
>>> Q_(1, "tce").to("GJ")
<Quantity(29.3076, 'gigajoule')>
>>> Q_(1, "kt").to("kg")
<Quantity(1000000.0, 'kilogram')>
>>> float(magnitude(Q_(1, "t"), "kg", "amount"))
1000.0
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Sequence
from typing import Any, TypeAlias

import numpy as np
import pint

from greenchain._resources import data_path
from greenchain.errors import InputError, OutOfRangeError, UnitError

__all__ = [
    "ureg",
    "Q_",
    "magnitude",
    "temperature",
    "check_range",
    "unit_of",
    "quantity",
    "parse_quantity",
    "fraction",
    "nonnegative",
    "read_quantity",
    "read_rate",
    "normalise_unit_text",
    "shorten",
    "MAX_QUANTITY_TEXT",
    "QuantityLike",
]

#: What a quantity argument accepts: a pint Quantity in any compatible unit, a plain
#: number or array (read in the documented unit), or a string such as ``"4000 m^3"``.
QuantityLike: TypeAlias = pint.Quantity | float | int | np.ndarray | str | Sequence[float]


class _Registry(pint.UnitRegistry):
    """pint's registry with every parsed unit expression remembered.

    pint caches a parsed unit only when the text is a defined name (``kWh`` is not:
    it is a prefix and a name), so ``Q_(x, "MWh")`` re-parses the text each time, about
    a millisecond with this registry's prefixes: per row of a plant of 100,000 energy
    entries, that was most of the cost of the analyses. The results are the same
    (a parsed ``UnitsContainer`` is immutable); the memo is dropped when units are
    defined (``define``, ``load_definitions``) and when it holds ``_PARSED_MAX``
    expressions.
    """

    _PARSED_MAX = 4096

    def define(self, definition: Any) -> Any:  # noqa: D102 - pint's, and the memo dropped
        self.__dict__.pop("_greenchain_parsed", None)
        return super().define(definition)

    def load_definitions(self, file: Any, is_resource: bool = False) -> Any:  # noqa: D102
        self.__dict__.pop("_greenchain_parsed", None)
        try:
            return super().load_definitions(file, is_resource)
        finally:
            self.__dict__.pop("_greenchain_parsed", None)

    def _parse_units_as_container(
        self, input_string: str, as_delta: bool = True, case_sensitive: bool = True
    ) -> Any:
        memo: dict[Any, Any] = self.__dict__.setdefault("_greenchain_parsed", {})
        key = (input_string, as_delta, case_sensitive)
        found = memo.get(key)
        if found is None:
            found = super()._parse_units_as_container(input_string, as_delta, case_sensitive)
            if len(memo) >= self._PARSED_MAX:
                memo.clear()
            memo[key] = found
        return found


def _build_registry() -> pint.UnitRegistry:
    # GREENCHAIN_UNITS_CACHE=<folder> turns on pint's disk cache (faster start-up);
    # it is off by default so that importing greenchain writes nothing to disk.
    cache = os.environ.get("GREENCHAIN_UNITS_CACHE") or None
    registry: pint.UnitRegistry = _Registry(cache_folder=cache, on_redefinition="ignore")
    registry.load_definitions(str(data_path("units.txt")))
    registry.formatter.default_format = "~P"
    return registry


ureg: pint.UnitRegistry = _build_registry()
Q_ = ureg.Quantity
pint.set_application_registry(ureg)


def unit_of(unit: str | pint.Unit) -> pint.Unit:
    """Parse a unit string with the greenchain registry, raising :class:`UnitError`.

    Parsed units are cached (pint re-parses strings such as ``"MWh"`` on every use).

    Parameters
    ----------
    unit : str or pint.Unit
        A unit expression such as ``"kWh"`` or ``"kgce/t"``; a ``pint.Unit`` is
        returned as it is.

    Returns
    -------
    pint.Unit

    Raises
    ------
    UnitError
        If the expression does not parse in the greenchain registry.

    Examples
    --------
    >>> unit_of("kgce/t")
    <Unit('kilogram_coal_equivalent / metric_ton')>
    """
    if isinstance(unit, pint.Unit):
        return unit
    try:
        return _parse_unit(unit) if isinstance(unit, str) else ureg.Unit(unit)
    except (
        pint.errors.UndefinedUnitError,
        pint.errors.DefinitionSyntaxError,
        ValueError,
        AttributeError,
        TypeError,
        AssertionError,
    ) as exc:
        raise UnitError(f"cannot parse unit {unit!r}") from exc


#: Cached parser of unit strings (units are immutable; failures are not cached).
_parse_unit = functools.lru_cache(maxsize=1024)(ureg.Unit)


_NUMBER_UNIT = re.compile(r"^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(.*?)\s*$")
#: A comma between digit groups: 7,500,000 (also after NFKC of the full-width comma).
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
#: m3, cm2, km2 ... written without a caret (not Nm3, which is its own unit, nor 万m3).
_BARE_POWER = re.compile(r"(?<![\w^])([kcdm]?m)([23])(?![\w.])")
#: 万m^3, 万 Nm3: the 万 units are single names in factors/units.txt.
_WAN = re.compile(r"万\s*(N?m)\s*(?:\^|\*\*)\s*([23])|万\s+")


#: The longest text read as a quantity (``"7,500,000 Nm³/h"`` is 15); longer text is
#: refused before pint sees it (pint's parser is not linear in the length).
MAX_QUANTITY_TEXT = 200
#: The most characters of a user's value an error message repeats.
MAX_ECHO = 60
#: A power of a power (``m^3^3``): pint evaluates the tower exactly.
_POWER_OF_POWER = re.compile(r"(?:\^|\*\*)\s*[-+(]*\s*[\d.]+\s*\)*\s*(?:\^|\*\*)")
#: An exponent of more than two digits (``m^999``).
_BIG_POWER = re.compile(r"(?:\^|\*\*)\s*[-+(]*\s*\d{3,}")


def shorten(value: Any, limit: int = MAX_ECHO) -> str:
    """The ``repr`` of a user value, cut to ``limit`` characters for an error message.

    Parameters
    ----------
    value : any
        The value to show.
    limit : int, default 60
        The most characters to keep.

    Returns
    -------
    str
        ``repr(value)``, or its first characters followed by ``… (N characters)``.

    Examples
    --------
    >>> shorten("5 t")
    "'5 t'"
    >>> shorten("x" * 500)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… (500 characters)"
    """
    size = len(value) if isinstance(value, str | bytes | list | dict | tuple) else None
    text = repr(value[: 2 * limit] if isinstance(value, str) else value)
    if len(text) <= limit and (size is None or size <= 2 * limit):
        return text
    count = f" ({size} characters)" if isinstance(value, str) else ""
    return f"{text[: limit - 1]}…{count}"


def normalise_unit_text(text: str) -> str:
    """Rewrite a quantity as people type it into the form pint reads.

    The one normaliser at the input boundary (every text quantity passes through
    :func:`parse_quantity`): Unicode NFKC (superscripts ``m³`` → ``m3``, full-width
    ``８％`` → ``8%``, ``℃`` → ``°C``), thousands separators removed
    (``7,500,000``), ``m3``/``m2`` read as ``m^3``/``m^2`` (``Nm3`` stays normal cubic
    metres), the minus sign and the middle dot made ASCII. Chinese unit names
    (``万kWh``, ``万m3``, ``吨标煤``, ``元``, ``千瓦时``, ``度`` ...) are pint definitions
    in ``factors/units.txt``, not rewritten here.

    Parameters
    ----------
    text : str
        A number and unit (``"7,500,000 m³"``) or a unit (``"元/m³"``).

    Returns
    -------
    str
        The text pint parses (``"7500000 m^3"``, ``"元/m^3"``).

    Examples
    --------
    >>> normalise_unit_text("7,500,000 Nm³")
    '7500000 Nm3'
    >>> normalise_unit_text("75 万m³"), normalise_unit_text("4.2 元/m3")
    ('75 万m3', '4.2 元/m^3')
    """
    out = unicodedata.normalize("NFKC", text).strip()
    out = out.replace("\u2212", "-").replace("·", "*").replace("×", "*")
    out = _THOUSANDS.sub("", out)
    out = _WAN.sub(lambda m: f"万{m.group(1)}{m.group(2)}" if m.group(1) else "万", out)
    return _BARE_POWER.sub(r"\1^\2", out)


def parse_quantity(text: str) -> pint.Quantity:
    """Read ``"4000 m^3"``, ``"90 degC"``, ``"750 万kWh"`` or ``"8%"`` as a Quantity.

    The text passes through :func:`normalise_unit_text` first (superscripts,
    thousands separators, ``m3``); Chinese unit names are pint definitions.

    Parameters
    ----------
    text : str
        A number followed by a unit, or any expression pint can evaluate.

    Returns
    -------
    pint.Quantity

    Examples
    --------
    >>> parse_quantity("90 degC").to("K")
    <Quantity(363.15, 'kelvin')>
    >>> parse_quantity("750 万kWh").to("MWh")
    <Quantity(7500.0, 'megawatt_hour')>
    >>> parse_quantity("7,500,000 m³").to("wan_Nm3")
    <Quantity(750.0, 'ten_thousand_normal_cubic_meter')>
    """
    if len(text) > MAX_QUANTITY_TEXT:
        raise UnitError(
            f"a quantity is at most {MAX_QUANTITY_TEXT} characters, got {len(text)}: "
            f"{shorten(text)}"
        )
    text = normalise_unit_text(text)
    power = _POWER_OF_POWER.search(text) or _BIG_POWER.search(text)
    if power:  # pint would compute 3^3^3^3 exactly, for ever
        raise UnitError(f"unit exponent {power.group(0)!r} is not a unit a plant file needs")
    match = _NUMBER_UNIT.match(text)
    if match:  # number then unit: no arithmetic on offset units
        number, unit = match.groups()
        value = int(number) if re.fullmatch(r"[+-]?\d+", number) else float(number)
        return Q_(value, unit_of(unit) if unit else "")
    return Q_(text)


def read_quantity(value: Any, name: str, *, source: str | None = None) -> Any:
    """Parse a text quantity (``"220 degC"``, ``"4000 m^3"``); other values pass through.

    Parameters
    ----------
    value : str or any
        Text to parse; anything else is returned unchanged.
    name : str
        Argument name used in error messages.
    source : str, optional
        File (or sheet and cell) the value came from, for error messages.

    Returns
    -------
    pint.Quantity or any
        The parsed Quantity, or ``value`` itself when it is not text.

    Raises
    ------
    InputError
        Naming ``name`` (and ``source``) when the text cannot be read.

    Examples
    --------
    >>> read_quantity("220 degC", "temperature")
    <Quantity(220, 'degree_Celsius')>
    >>> read_quantity(3.0, "amount")
    3.0
    """
    if not isinstance(value, str):
        return value
    try:
        return parse_quantity(value.strip())
    except Exception as exc:  # pint raises many unrelated types on bad text
        raise InputError(
            f"cannot read {shorten(value)} as a quantity", field=name, source=source
        ) from exc


def magnitude(value: Any, unit: Any, name: str, *, allow_nan: bool = False) -> np.ndarray:
    """Return ``value`` as a float ndarray expressed in ``unit``.

    Parameters
    ----------
    value : Quantity, str, numeric or array-like
        A pint Quantity in any unit of the same dimension as ``unit``, a string
        such as ``"4000 m^3"``, or plain numbers read in ``unit``.
    unit : str or pint.Unit
        The documented unit of the argument.
    name : str
        Argument name used in error messages.
    allow_nan : bool, default False
        Accept NaN (used for optional columns).

    Returns
    -------
    numpy.ndarray
        Magnitudes in ``unit`` (0-d for scalars).

    Raises
    ------
    UnitError
        If ``value`` carries a unit of another dimension.
    InputError
        If ``value`` is not numeric or not finite.
    """
    target = unit_of(unit)
    value = read_quantity(value, name)
    if isinstance(value, pint.Quantity):
        try:
            out = value.m_as(target)
        except pint.errors.DimensionalityError as exc:
            raise UnitError(
                f"expected a quantity convertible to {target:~P}, got {value.units:~P}",
                field=name,
            ) from exc
    else:
        out = value
    try:
        arr = np.asarray(out, dtype=float)
    except (TypeError, ValueError) as exc:
        raise InputError(f"expected a number, got {value!r}", field=name) from exc
    if not allow_nan and not np.all(np.isfinite(arr)):
        raise InputError("must be a finite number (got NaN or infinity)", field=name)
    return arr


def temperature(value: Any, unit: str, name: str) -> np.ndarray:
    """Like :func:`magnitude` for absolute temperatures, rejecting values below 0 K.

    Plain numbers are read in ``unit`` (e.g. ``"degC"``); a Quantity in degF or K
    is converted. Differences of temperature should use ``delta_degC`` or K.

    Parameters
    ----------
    value : Quantity, str, numeric or array-like
        An absolute temperature: a Quantity in any temperature unit, or plain
        numbers read in ``unit``.
    unit : str
        The documented unit of the argument (``"degC"``, ``"K"`` ...).
    name : str
        Argument name used in error messages.

    Returns
    -------
    numpy.ndarray
        Temperatures in ``unit``.

    Raises
    ------
    OutOfRangeError
        If a temperature is below absolute zero.

    Examples
    --------
    >>> from greenchain import Q_
    >>> float(temperature(Q_(300, "K"), "degC", "temperature"))
    26.85...
    """
    arr = magnitude(value, unit, name)
    kelvin = Q_(arr, unit).m_as("K")
    if np.any(kelvin < 0):
        raise OutOfRangeError("temperature below absolute zero", field=name)
    return arr


def check_range(
    values: np.ndarray,
    name: str,
    *,
    low: float | None = None,
    high: float | None = None,
    low_inclusive: bool = True,
    high_inclusive: bool = True,
    unit: str = "",
) -> np.ndarray:
    """Raise :class:`OutOfRangeError` naming ``name`` if any value is outside the range.

    Nothing is clamped: the values are returned unchanged when they pass.

    Parameters
    ----------
    values : numpy.ndarray or array-like
        Magnitudes to check (already in the unit of ``low`` and ``high``).
    name : str
        Argument name used in error messages.
    low : float, optional
        Lower bound; no lower bound if omitted.
    high : float, optional
        Upper bound; no upper bound if omitted.
    low_inclusive : bool, default True
        Whether ``low`` itself is allowed.
    high_inclusive : bool, default True
        Whether ``high`` itself is allowed.
    unit : str, default ""
        Unit label appended to the bounds in error messages.

    Returns
    -------
    numpy.ndarray
        ``values`` as a float array, unchanged.

    Raises
    ------
    OutOfRangeError
        Naming ``name``, for the first value outside the range.

    Examples
    --------
    >>> import numpy as np
    >>> check_range(np.array([0.5, 2.0]), "ratio", low=0, low_inclusive=False)
    array([0.5, 2. ])
    """
    arr = np.asarray(values, dtype=float)
    suffix = f" {unit}" if unit else ""
    if low is not None:
        bad = arr < low if low_inclusive else arr <= low
        if np.any(bad):
            op = ">=" if low_inclusive else ">"
            raise OutOfRangeError(
                f"must be {op} {low}{suffix}, got {arr[bad].ravel()[0]:g}", field=name
            )
    if high is not None:
        bad = arr > high if high_inclusive else arr >= high
        if np.any(bad):
            op = "<=" if high_inclusive else "<"
            raise OutOfRangeError(
                f"must be {op} {high}{suffix}, got {arr[bad].ravel()[0]:g}", field=name
            )
    return arr


def quantity(values: Any, unit: str | pint.Unit) -> pint.Quantity:
    """Wrap computed magnitudes as a Quantity; 0-d results become plain floats.

    Functions end with ``return quantity(result, "tCO2")`` so that a scalar input
    gives a scalar Quantity and an array input an array Quantity.

    Parameters
    ----------
    values : numeric or array-like
        Computed magnitudes, in ``unit``.
    unit : str or pint.Unit
        Their unit.

    Returns
    -------
    pint.Quantity
        A scalar Quantity for 0-d input, else an array Quantity.

    Examples
    --------
    >>> import numpy as np
    >>> quantity(np.asarray(2.5), "kW")
    <Quantity(2.5, 'kilowatt')>
    """
    arr = np.asarray(values, dtype=float)
    return Q_(float(arr) if arr.ndim == 0 else arr, unit)


def fraction(
    value: QuantityLike,
    name: str,
    *,
    low_inclusive: bool = False,
    high_inclusive: bool = True,
) -> np.ndarray:
    """A fraction between 0 and 1: a plain number, or a Quantity in percent.

    The default interval, 0 excluded and 1 included, suits efficiencies; shares,
    losses and effectiveness take ``low_inclusive=True``.

    Parameters
    ----------
    value : float, array-like or Quantity
        The fraction [dimensionless]; ``Q_(85, "percent")`` is read as 0.85.
    name : str
        Argument name used in error messages.
    low_inclusive : bool, default False
        Whether 0 itself is allowed.
    high_inclusive : bool, default True
        Whether 1 itself is allowed.

    Returns
    -------
    numpy.ndarray
        The fractions, unchanged.

    Raises
    ------
    UnitError
        If ``value`` carries a unit that is not dimensionless.
    OutOfRangeError
        Naming ``name``, for a value outside the interval; nothing is clamped.

    Examples
    --------
    >>> from greenchain import Q_
    >>> float(fraction(Q_(85, "percent"), "efficiency"))
    0.85
    >>> float(fraction(0, "losses", low_inclusive=True))
    0.0
    """
    arr = magnitude(value, "", name)
    bad = (arr < 0 if low_inclusive else arr <= 0) | (arr > 1 if high_inclusive else arr >= 1)
    if np.any(bad):
        interval = f"{'[' if low_inclusive else '('}0, 1{']' if high_inclusive else ')'}"
        raise OutOfRangeError(
            f"must be in {interval}, got {arr[bad].ravel()[0]:g} (give a fraction, or a "
            "Quantity in percent)",
            field=name,
        )
    return arr


def nonnegative(value: QuantityLike, unit: str | pint.Unit, name: str) -> np.ndarray:
    """Read a quantity that cannot be negative (a mass, a flow, hours, a heat capacity).

    Parameters
    ----------
    value : float, array-like or Quantity
        A Quantity in any unit of the dimension of ``unit``, or plain numbers read
        in ``unit``.
    unit : str or pint.Unit
        The documented unit of the argument.
    name : str
        Argument name used in error messages.

    Returns
    -------
    numpy.ndarray
        Magnitudes in ``unit``, all >= 0.

    Raises
    ------
    UnitError
        If ``value`` carries a unit of another dimension.
    OutOfRangeError
        Naming ``name``, for a negative value; nothing is clamped.

    Examples
    --------
    >>> from greenchain import Q_
    >>> float(nonnegative(Q_(2, "t/h"), "kg/h", "steam_flow"))
    2000.0
    """
    return check_range(magnitude(value, unit, name), name, low=0.0, unit=str(unit))


def read_rate(value: Any, name: str, *, source: str | None = None) -> Any:
    """Read a rate or fraction as people write it: ``0.08``, ``"8%"``, ``"8 %"``.

    A plain number above 1 is refused with a hint ("did you mean 8 %?"): a
    discount rate typed as 8 must never be read as 800 %. Percent text and
    Quantities in percent are converted to a fraction. ``None`` passes through, and
    so do values of other types (the schema's own checks then name them).

    Parameters
    ----------
    value : float, str or pint.Quantity
        The rate [dimensionless]: a fraction, or text/Quantity in percent.
    name : str
        Field name used in error messages.
    source : str, optional
        File (or sheet and cell) the value came from, for error messages.

    Returns
    -------
    float or any
        The fraction (``0.08``), or ``value`` unchanged when it is not a number.

    Raises
    ------
    OutOfRangeError
        A number above 1 without a percent sign, naming ``name``.
    InputError
        Text that is not a number or a percentage.

    Examples
    --------
    >>> read_rate("8%", "discount_rate"), read_rate(0.08, "discount_rate")
    (0.08, 0.08)
    >>> read_rate(8, "discount_rate")
    Traceback (most recent call last):
    ...
    greenchain.errors.OutOfRangeError: discount_rate: 8 is a fraction of 800 %; did you mean 8 %? Write 0.08 or 8%
    """
    if isinstance(value, str):
        value = read_quantity(value, name, source=source)
    if isinstance(value, pint.Quantity) and value.units == ureg.dimensionless:  # "8"
        value = value.magnitude
    elif isinstance(value, pint.Quantity):
        if not value.dimensionless:
            raise UnitError(f"expected a fraction or a percentage, got {value:~P}", field=name)
        return round(float(value.m_as("")), 12)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    if value > 1:
        raise OutOfRangeError(
            f"{value:g} is a fraction of {value * 100:g} %; did you mean {value:g} %? "
            f"Write {value / 100:g} or {value:g}%",
            field=name,
            source=source,
        )
    return value
