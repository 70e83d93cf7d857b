"""The greenchain exception and warning hierarchy.

Every error greenchain raises on purpose derives from :class:`GreenchainError`.
Errors about user input name the field and, where known, where it came from
(``energy[3].amount in plant.yaml``) so a consultant can find the cell to fix.

Examples
--------
>>> from greenchain.errors import InputError
>>> raise InputError("must not be negative", field="energy[3].amount", source="plant.yaml")
Traceback (most recent call last):
...
greenchain.errors.InputError: energy[3].amount in plant.yaml: must not be negative
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

__all__ = [
    "GreenchainError",
    "InputError",
    "UnitError",
    "OutOfRangeError",
    "FactorNotFound",
    "AmbiguousFactor",
    "DataError",
    "GreenchainWarning",
    "UnverifiedDataWarning",
    "FallbackWarning",
    "IncompleteScoreWarning",
    "reraise_as_field",
]


class GreenchainError(Exception):
    """Base class of every error greenchain raises deliberately.

    Parameters
    ----------
    message : str
        What is wrong.
    field : str, optional
        The field or argument at fault, e.g. ``"energy[3].amount"``.
    source : str, optional
        Where the value came from: a file name, ``sheet!cell`` or a row.
    """

    def __init__(self, message: str = "", *, field: str | None = None, source: str | None = None):
        self.message = message
        self.field = field
        self.source = source
        super().__init__(self._text())

    def _text(self) -> str:
        where = self.field or ""
        if self.source:
            where = f"{where} in {self.source}" if where else str(self.source)
        return f"{where}: {self.message}" if where else self.message

    def __str__(self) -> str:
        return self._text()


class InputError(GreenchainError, ValueError):
    """Bad user data: a value, a missing field, an unknown name."""


class UnitError(InputError):
    """A quantity has the wrong dimension (e.g. kWh given for a fuel mass)."""


class OutOfRangeError(InputError):
    """A value lies outside the range where a model or table is valid."""


class FactorNotFound(GreenchainError, LookupError):
    """No factor matches a lookup; ``candidates`` lists the closest keys."""

    def __init__(
        self,
        message: str = "",
        candidates: Sequence[str] = (),
        *,
        field: str | None = None,
        source: str | None = None,
    ):
        self.candidates = list(candidates)
        if self.candidates and "Closest:" not in message:
            message = f"{message}. Closest: {', '.join(self.candidates)}"
        super().__init__(message, field=field, source=source)


class AmbiguousFactor(GreenchainError, LookupError):
    """A lookup matches several factors; ``candidates`` lists them all."""

    def __init__(
        self,
        message: str = "",
        candidates: Sequence[str] = (),
        *,
        field: str | None = None,
        source: str | None = None,
    ):
        self.candidates = list(candidates)
        if self.candidates and not message.endswith("; ".join(self.candidates)):
            message = f"{message}: " + "; ".join(self.candidates)
        super().__init__(message, field=field, source=source)


class DataError(GreenchainError):
    """A shipped or user data file is broken; the message lists every problem."""


class GreenchainWarning(UserWarning):
    """Base class of greenchain warnings."""


class UnverifiedDataWarning(GreenchainWarning):
    """A value whose source is marked ``unverified`` was used."""


class FallbackWarning(GreenchainWarning):
    """A default or fallback was used in place of what was asked (e.g. grid year)."""


class IncompleteScoreWarning(GreenchainWarning):
    """A green-factory score is incomplete: an indicator had no data, points or
    thresholds, or a gate was not passed."""


@contextmanager
def reraise_as_field(field: str) -> Iterator[None]:
    """Re-raise an :class:`OutOfRangeError` from an inner call as one naming ``field``.

    Used where a public argument is passed to a lower-level model (e.g. a steam property
    call) whose own argument name would mean nothing to the caller.
    """
    try:
        yield
    except OutOfRangeError as exc:
        raise OutOfRangeError(exc.message, field=field) from exc
