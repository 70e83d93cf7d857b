"""Checks on the plant-file values a retrofit model receives: one value where one is
meant, a number or quantity where the model computes with one, hours as hours. Shared
by the retrofit modules."""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable
from functools import cache
from typing import Any

import numpy as np
import pint

from greenchain.errors import InputError, UnitError
from greenchain.units import Q_, shorten

__all__ = ["PROFILE_ARGUMENTS", "operating_hours", "is_sequence", "check_quantity_arguments"]

#: model arguments that take a list (an operating profile), not one value
PROFILE_ARGUMENTS = frozenset({"duty_profile", "profile", "throttling"})


def operating_hours(value: Any, where: dict, source: str | None) -> float:
    """Operating hours of one unit [h], a scalar; anything else an error naming the field."""
    field_name = where.get("hours", "hours")
    if is_sequence(value):
        raise InputError(
            f"expected one value, got {shorten(value)}", field=field_name, source=source
        )
    try:
        hours = (
            float(Q_(value, "h").m_as("h"))
            if not isinstance(value, pint.Quantity)
            else float(value.m_as("h"))
        )
    except (
        pint.errors.DimensionalityError,
        pint.errors.OffsetUnitCalculusError,
        TypeError,
        ValueError,
    ):
        raise UnitError(
            f"expected hours, got {shorten(value)}", field=field_name, source=source
        ) from None
    if not math.isfinite(hours) or hours < 0:
        raise InputError(
            f"must be finite and not negative, got {hours}", field=field_name, source=source
        )
    return hours


def is_sequence(value: Any) -> bool:
    """A list, mapping or array where a model takes one value."""
    if isinstance(value, (list, tuple, dict, set)):
        return True
    return isinstance(value, np.ndarray | pint.Quantity) and np.ndim(value) > 0


@cache
def _quantity_parameters(function: Callable[..., Any]) -> dict[str, bool]:
    """Parameters a model computes with as quantities: name -> whether None is allowed."""
    out = {}
    for name, param in inspect.signature(function).parameters.items():
        text = str(param.annotation)
        if "QuantityLike" in text:
            out[name] = "None" in text
    return out


def check_quantity_arguments(
    function: Callable[..., Any], args: dict[str, Any], where: dict[str, str], source: str | None
) -> None:
    """Refuse text, booleans and blanks where a model takes a number or a quantity.

    The plant file's equipment and retrofit-option keys are free-form (a ``core`` or a
    note is text); only here, where a value is handed to a model, is it known that
    ``recovered_air_flow`` must be a quantity. Without this check ``''``, ``abc`` or a
    formula-like text would reach pint inside the model.

    Parameters
    ----------
    function : callable
        The model function (its ``QuantityLike`` parameters are checked).
    args : dict
        The arguments about to be passed.
    where : dict
        Argument name -> the plant-file field it came from (``equipment[1].flow``).
    source : str or None
        The plant file's name.

    Raises
    ------
    InputError
        Naming the field and the file.
    """
    quantities = _quantity_parameters(function)
    for name, value in args.items():
        if name not in quantities:
            continue
        bad = isinstance(value, str | bool) or (value is None and not quantities[name])
        if bad:
            raise InputError(
                f"expected a number or a quantity such as '20 m^3/h', got {shorten(value)}",
                field=where.get(name, name),
                source=source,
            )
