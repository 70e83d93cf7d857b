"""Checks on the plant-file values a retrofit model receives: one value where one is
meant, hours as hours. Shared by the retrofit modules."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pint

from greenchain.errors import InputError, UnitError
from greenchain.units import Q_, shorten

__all__ = ["PROFILE_ARGUMENTS", "operating_hours", "is_sequence"]

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
