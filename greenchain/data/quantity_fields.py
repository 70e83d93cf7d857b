"""Quantity fields of the plant file: dimension, sign and plausible range (data layer).

Every amount in a plant file is checked once, at load, so that a wrong unit, a
temperature unit where an amount is meant, or a magnitude beyond any plant is an
error naming the field and the file, never a pint exception three layers down.

- every amount: finite, not negative, a written number of at most ``MAX_NUMBER``,
  no offset unit (``degC``, ``degF``) unless the field is a temperature, and within
  ``PLAUSIBLE`` for its dimension (in SI base units);
- a field declared with :func:`measure` also has one dimension (``[volume]``) and,
  optionally, a documented unit in which a bare number is read.

The limits are listed in ``docs/developers/architecture.md``, "Limits on plant files".

Examples
--------
>>> check_amount("5 degC")
Traceback (most recent call last):
...
ValueError: '5 degC' is a temperature; a temperature unit cannot be an amount (write K for a difference)
>>> check_amount("200 MWh")
<Quantity(200, 'megawatt_hour')>
"""

from __future__ import annotations

import functools
import math
from typing import Any

import pint

from greenchain.units import Q_, parse_quantity, shorten, ureg

__all__ = [
    "MAX_NUMBER",
    "PLAUSIBLE",
    "check_amount",
    "check_measure",
    "measure",
    "check_profile",
    "check_green_factory",
    "check_attributes",
    "NUMERIC_ATTRIBUTES",
    "TEXT_ATTRIBUTES",
    "check_exports",
    "check_currency",
    "check_mass_per_output",
]

#: The largest number a plant file may write for any amount, in any unit.
MAX_NUMBER = 1e15
#: The largest amount of a dimension any plant could have, in SI base units:
#: energy 10^18 J (278 TWh), mass 10^12 kg (1 Gt), volume 10^12 m^3, area 10^10 m^2
#: (10,000 km^2), length 10^9 m, money 10^13 CNY.
PLAUSIBLE: dict[str, float] = {
    "[energy]": 1e18,
    "[mass]": 1e12,
    "[volume]": 1e12,
    "[area]": 1e10,
    "[length]": 1e9,
    "[currency]": 1e13,
}


def _read(value: Any) -> Any:
    """A Quantity or a number from the forms a plant file allows."""
    if value is None or isinstance(value, pint.Quantity):
        return value
    if isinstance(value, bool):
        raise ValueError("expected a quantity, got a boolean")
    if isinstance(value, int | float):
        return value
    if isinstance(value, str):
        try:
            return parse_quantity(value.strip())
        except Exception as exc:
            raise ValueError(f"cannot read {shorten(value)} as a quantity") from exc
    if isinstance(value, dict) and set(value) == {"value", "unit"}:
        number, unit = value["value"], value["unit"]
        if isinstance(number, bool) or not isinstance(number, int | float | str):
            raise ValueError(f"value must be a number, got {shorten(number)}")
        if not isinstance(unit, str):
            raise ValueError(f"unit must be text, got {shorten(unit)}")
        try:
            return Q_(float(number), parse_quantity(f"1 {unit.strip()}").units)
        except Exception as exc:
            raise ValueError(f"cannot read {shorten(value)} as a quantity") from exc
    raise ValueError(
        f"expected a quantity such as '100 t' or {{value, unit}}, got {shorten(value)}"
    )


def check_amount(value: Any, *, temperature: bool = False) -> Any:
    """Read and check one amount of a plant file (the rules of the module docstring).

    Parameters
    ----------
    value : str, mapping, number or pint.Quantity
        An amount as written in a plant file (``"4 t"``, ``{value, unit}``, ``4``).
    temperature : bool, default False
        The field is a temperature: offset units are allowed, the sign is not checked
        (the absolute temperature must be above 0 K instead).

    Returns
    -------
    pint.Quantity or number
        The Quantity (a dimensionless one as its number) or the number.

    Raises
    ------
    ValueError
        Naming the problem; pydantic adds the field and the loader the file.

    Examples
    --------
    >>> check_amount("1e30 kgCO2e/kg")
    Traceback (most recent call last):
    ...
    ValueError: 1e+30 is beyond any plant (at most 1e+15)
    """
    q = _read(value)
    if q is None:
        raise ValueError("a value is required here")
    facts = _unit_facts(q.units) if isinstance(q, pint.Quantity) else None
    if facts is not None and facts[0]:  # unitless: "7,500,000"
        q, facts = q.magnitude, None
    number = q.magnitude if isinstance(q, pint.Quantity) else q
    if not isinstance(number, int | float):
        return q
    if isinstance(number, int) and abs(number) > MAX_NUMBER:  # before float(): no overflow
        raise ValueError(f"{len(str(abs(number)))}-digit number is beyond any plant")
    if not math.isfinite(number):
        raise ValueError("must be a finite number")
    if abs(number) > MAX_NUMBER:
        raise ValueError(f"{number:g} is beyond any plant (at most {MAX_NUMBER:g})")
    if not isinstance(q, pint.Quantity):
        if number < 0 and not temperature:
            raise ValueError("must not be negative")
        return q
    assert facts is not None
    _, offset, dimension, high, to_base = facts
    if temperature:
        if q.check("[temperature]") and float(q.to("K").magnitude) < 0:
            raise ValueError(f"{q:~P} is below absolute zero")
        return q
    if offset:
        raise ValueError(
            f"{shorten(value)} is a temperature; a temperature unit cannot be an amount"
            " (write K for a difference)"
        )
    if number < 0:
        raise ValueError("must not be negative")
    if dimension is not None and number * to_base > high:
        base = ureg.Quantity(1, q.units).to_base_units().units
        raise ValueError(f"{q:~P} is beyond any plant (at most {high:g} {base:~P} for {dimension})")
    return q


@functools.lru_cache(maxsize=4096)
def _unit_facts(units: Any) -> tuple[bool, bool, str | None, float, float]:
    """What :func:`check_amount` needs of a unit, computed once per unit.

    ``(unitless, offset unit, its PLAUSIBLE dimension or None, that bound, factor to
    SI base units)``: a plant file of 100,000 entries has a handful of units, and pint's
    dimension checks cost tens of microseconds each.
    """
    one = ureg.Quantity(1, units)
    offset = not getattr(one, "_is_multiplicative", True)
    for dimension, high in PLAUSIBLE.items():
        if one.check(dimension):
            to_base = 0.0 if offset else float(one.to_base_units().magnitude)
            return bool(one.unitless), offset, dimension, high, to_base
    return bool(one.unitless), offset, None, math.inf, 0.0


def check_measure(
    value: Any,
    dimension: str,
    unit: str | None = None,
    *,
    temperature: bool = False,
    example: str | None = None,
) -> Any:
    """Check an amount that must have one dimension; read a bare number in ``unit``.

    Parameters
    ----------
    value : str, mapping, number or pint.Quantity
        The amount as written.
    dimension : str
        Its pint dimension, e.g. ``"[volume]"`` or ``"[energy]/[mass]"``; alternatives
        are separated by ``|`` (``"[energy]/[mass] | [energy]/[volume]"``).
    unit : str, optional
        The documented unit: a bare number becomes a Quantity in it (else it stays a
        number, read in the field's documented unit downstream).
    temperature : bool, default False
        The field is a temperature (see :func:`check_amount`).
    example : str, optional
        When given, a bare number is an error showing this example (the unit is
        ambiguous, e.g. CNY or 万元).

    Returns
    -------
    pint.Quantity or number

    Raises
    ------
    ValueError
        Wrong dimension, or any problem of :func:`check_amount`.

    Examples
    --------
    >>> check_measure("5 t", "[volume]", "m^3")
    Traceback (most recent call last):
    ...
    ValueError: expected a [volume] in a unit such as m^3, got 5 t
    >>> check_measure(12, "[volume]", "m^3")
    <Quantity(12, 'meter ** 3')>
    """
    q = check_amount(value, temperature=temperature)
    if not isinstance(q, pint.Quantity):
        if example is not None:
            raise ValueError(f"give a unit, e.g. {example!r}; a bare {q:g} is ambiguous")
        return Q_(q, unit) if unit is not None else q
    if not any(q.check(d.strip()) for d in dimension.split("|")):
        like = f" in a unit such as {unit}" if unit else ""
        raise ValueError(f"expected a {dimension}{like}, got {q:~P}")
    return q


def measure(
    dimension: str,
    unit: str | None = None,
    *,
    temperature: bool = False,
    example: str | None = None,
) -> Any:
    """The validator of a schema field holding one kind of quantity.

    Parameters
    ----------
    dimension : str
        The pint dimension (``"[mass]"``).
    unit : str, optional
        The documented unit a bare number is read in (see :func:`check_measure`).
    temperature : bool, default False
        The field is a temperature.
    example : str, optional
        A bare number is an error showing this example (see :func:`check_measure`).

    Returns
    -------
    callable
        For ``Annotated[Any, BeforeValidator(measure(...))]``; its ``is_quantity``
        attribute tells the Excel template to give the field a unit column.

    Examples
    --------
    >>> from typing import Annotated, Any
    >>> from pydantic import BaseModel, BeforeValidator
    >>> class Site(BaseModel):
    ...     area: Annotated[Any, BeforeValidator(measure("[area]", "m^2"))]
    >>> Site(area="2 km^2").area.to("m^2")
    <Quantity(2000000.0, 'meter ** 2')>
    """

    def _check(value: Any) -> Any:
        return check_measure(value, dimension, unit, temperature=temperature, example=example)

    _check.is_quantity = True  # type: ignore[attr-defined]  # the Excel template's unit column
    return _check


def _number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return math.isfinite(value) and abs(value) <= MAX_NUMBER
    if isinstance(value, str):
        try:
            check_amount(value)
        except ValueError:
            return False
        return True
    return isinstance(value, pint.Quantity)


def check_profile(value: Any, name: str) -> Any:
    """Check an equipment profile: ``[[flow fraction, hours], ...]``, a mapping or a list.

    ``duty_profile`` is pairs (or a mapping ``{fraction: hours}``); ``throttling`` and
    ``profile`` are lists of numbers. Numbers may be written as quantities (``"2000 h"``).

    Parameters
    ----------
    value : any
        The value written in the plant file.
    name : str
        The key (``duty_profile``, ``throttling`` or ``profile``).

    Returns
    -------
    any
        ``value`` unchanged.

    Raises
    ------
    ValueError
        The shape or a number is wrong.

    Examples
    --------
    >>> check_profile([[1.0, 2000], [0.8, 4000]], "duty_profile")
    [[1.0, 2000], [0.8, 4000]]
    >>> check_profile([[1.0, []]], "duty_profile")
    Traceback (most recent call last):
    ...
    ValueError: duty_profile[0] must be a pair of numbers (flow fraction, hours), got [1.0, []]
    """
    if value is None:
        return value
    if name == "duty_profile":
        if isinstance(value, dict):
            pairs = list(value.items())
        elif isinstance(value, list):
            pairs = value
        else:
            raise ValueError(f"{name} must be [[flow fraction, hours], ...], got {shorten(value)}")
        for i, pair in enumerate(pairs):
            ok = isinstance(pair, list | tuple) and len(pair) == 2 and all(map(_number, pair))
            if not ok:
                raise ValueError(
                    f"{name}[{i}] must be a pair of numbers (flow fraction, hours), "
                    f"got {shorten(pair)}"
                )
        return value
    if not isinstance(value, list) or not all(map(_number, value)):
        raise ValueError(f"{name} must be a list of numbers, got {shorten(value)}")
    return value


def check_green_factory(value: Any) -> Any:
    """Check the shapes of ``green_factory``: lists of names, a mapping of evidence.

    Parameters
    ----------
    value : dict
        The ``green_factory`` section.

    Returns
    -------
    dict
        ``value`` unchanged.

    Raises
    ------
    ValueError
        ``platform_functions`` not a list of text, ``advanced_equipment`` not a list, or
        ``evidence`` not a mapping.

    Examples
    --------
    >>> check_green_factory({"platform_functions": ["energy_query", None]})
    Traceback (most recent call last):
    ...
    ValueError: platform_functions must be a list of names, got ['energy_query', None]
    """
    if not isinstance(value, dict):
        return value
    names = value.get("platform_functions")
    if names is not None and (
        not isinstance(names, list) or not all(isinstance(n, str) for n in names)
    ):
        raise ValueError(f"platform_functions must be a list of names, got {shorten(names)}")
    equipment = value.get("advanced_equipment")
    if equipment is not None and not isinstance(equipment, list):
        raise ValueError(f"advanced_equipment must be a list, got {shorten(equipment)}")
    evidence = value.get("evidence")
    if evidence is not None and not isinstance(evidence, dict):
        raise ValueError(
            f"evidence must be a mapping of item id to answer, got {shorten(evidence)}"
        )
    return value


#: Product attributes the models read as numbers.
NUMERIC_ATTRIBUTES = ("thickness_factor", "water_absorption", "liquor_ratio", "energy_share")
#: Product attributes the models read as names.
TEXT_ATTRIBUTES = ("limit_product", "fabric")


def check_attributes(value: Any) -> Any:
    """Check the product attributes the models read as numbers or names.

    Parameters
    ----------
    value : dict
        ``products[].attributes``.

    Returns
    -------
    dict
        ``value`` unchanged.

    Raises
    ------
    ValueError
        Naming the attribute whose value is not a finite number or quantity
        (``thickness_factor`` …) or not text (``limit_product``, ``fabric``).

    Examples
    --------
    >>> check_attributes({"thickness_factor": "abc"})
    Traceback (most recent call last):
    ...
    ValueError: thickness_factor must be a number, got 'abc'
    """
    for key in NUMERIC_ATTRIBUTES:
        if key in value and value[key] is not None and not _number(value[key]):
            raise ValueError(f"{key} must be a number, got {shorten(value[key])}")
    for key in TEXT_ATTRIBUTES:
        if key in value and value[key] is not None and not isinstance(value[key], str):
            raise ValueError(f"{key} must be a name, got {shorten(value[key])}")
    return value


#: Upper bounds of energy per unit of a fuel or of steam, to bound exports: no fuel
#: holds more than 60 MJ/kg (hydrogen aside, natural gas is about 50) or 40 GJ/m^3
#: (liquid fuels about 35; gases about 0.04), no steam more than 4 GJ/t.
MAX_ENERGY_PER_MASS = Q_(60, "MJ/kg")
MAX_ENERGY_PER_VOLUME = Q_(40, "GJ/m^3")
MAX_STEAM_ENERGY_PER_MASS = Q_(4, "GJ/t")


def _energy_bound(amount: Any, per_mass: Any) -> float | None:
    """The most energy [J] an amount could hold; None when it cannot be bounded."""
    if not isinstance(amount, pint.Quantity):
        return None
    if amount.check("[energy]"):
        return float(amount.to("J").magnitude)
    if amount.check("[mass]"):
        return float((amount * per_mass).to("J").magnitude)
    if amount.check("[volume]"):
        return float((amount * MAX_ENERGY_PER_VOLUME).to("J").magnitude)
    return None


def check_exports(supplied: list[tuple[str, Any]], exported: list[tuple[str, Any]]) -> None:
    """Exports must not exceed the most energy the plant's own entries could supply.

    A plant may export more than it imports of one carrier (a net-negative total is
    allowed), but not more energy than all of its fuel, electricity and heat could
    hold at the most generous heating values (``MAX_ENERGY_PER_MASS`` …). Entries whose
    energy cannot be bounded (a bare number, an unknown unit) turn the check off.

    Parameters
    ----------
    supplied : list of (carrier, amount)
        The ``energy[]`` entries.
    exported : list of (carrier, amount)
        The ``exports[]`` entries.

    Returns
    -------
    None

    Raises
    ------
    ValueError
        Naming the exports and the bound.

    Examples
    --------
    >>> check_exports([("electricity", Q_(100, "MWh"))], [("heat", Q_(1e9, "GJ"))])
    Traceback (most recent call last):
    ...
    ValueError: exports[0].amount: exports of 1e+09 GJ exceed the 360 GJ that all energy entries could supply at most
    """
    if not exported:
        return
    total_in = 0.0
    for carrier, amount in supplied:
        per_mass = MAX_STEAM_ENERGY_PER_MASS if carrier == "steam" else MAX_ENERGY_PER_MASS
        bound = _energy_bound(amount, per_mass)
        if bound is None:
            return
        total_in += bound
    total_out = 0.0
    for carrier, amount in exported:
        per_mass = MAX_STEAM_ENERGY_PER_MASS if carrier == "steam" else MAX_ENERGY_PER_MASS
        bound = _energy_bound(amount, per_mass)
        if bound is None or not amount.check("[energy]"):
            continue  # only exports written as energy are bounded from below
        total_out += bound
        if total_out > total_in:
            where = [a for _, a in exported].index(amount)
            raise ValueError(
                f"exports[{where}].amount: exports of {total_out / 1e9:g} GJ exceed the "
                f"{total_in / 1e9:g} GJ that all energy entries could supply at most"
            )


def check_currency(value: Any) -> Any:
    """Check ``plant.currency``: a currency unit pint knows (``CNY``, ``wan_yuan``, ``USD``).

    Parameters
    ----------
    value : str
        The currency as written.

    Returns
    -------
    str
        ``value`` unchanged.

    Raises
    ------
    ValueError
        Not text, or not a unit of currency (a unit such as ``m^3^3^3`` is refused
        before pint evaluates it).

    Examples
    --------
    >>> check_currency("CNY")
    'CNY'
    >>> check_currency("5 m^3^3^3^3")
    Traceback (most recent call last):
    ...
    ValueError: currency must be a currency unit such as CNY, got '5 m^3^3^3^3'
    """
    if not isinstance(value, str):
        return value  # pydantic names the type
    try:
        ok = parse_quantity(f"1 {value.strip()}").check("[currency]")
    except Exception:
        ok = False
    if not ok:
        raise ValueError(f"currency must be a currency unit such as CNY, got {shorten(value)}")
    return value


def check_mass_per_output(value: Any) -> Any:
    """Check ``products[].mass``: a mass per unit of output (``0.62 kg/pair``).

    A bare number stays a number (read in kg per unit of output); a unit must carry
    a mass (``kg/m^2``, ``kg/pair``, ``kg``): a written unit that cancels to a pure
    number (``0.5 kg/kg``, ``5 percent``, ``1 ppm``) is refused here, at load, instead
    of reaching the allocator as a bare number.

    Parameters
    ----------
    value : str, mapping, number or pint.Quantity
        The mass as written.

    Returns
    -------
    pint.Quantity or number

    Raises
    ------
    ValueError
        A unit without a mass, or any problem of :func:`check_amount`.

    Examples
    --------
    >>> check_mass_per_output("0.62 kg/pair")
    <Quantity(0.62, 'kilogram / pair')>
    >>> check_mass_per_output("0.5 kg/kg")
    Traceback (most recent call last):
    ...
    ValueError: expected a mass per unit of output such as '0.62 kg/pair', got '0.5 kg/kg' (no mass left in the unit)
    """
    q = check_amount(value)
    written_unit = isinstance(value, dict) or (
        isinstance(value, str) and any(c.isalpha() or c == "%" for c in value)
    )
    has_mass = isinstance(q, pint.Quantity) and q.dimensionality.get("[mass]", 0) == 1
    if (isinstance(q, pint.Quantity) or written_unit) and not has_mass:
        raise ValueError(
            f"expected a mass per unit of output such as '0.62 kg/pair', got {shorten(value)}"
            + ("" if isinstance(q, pint.Quantity) else " (no mass left in the unit)")
        )
    return q


check_mass_per_output.is_quantity = True  # type: ignore[attr-defined]  # a unit column
