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

import os
import sys
import warnings
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

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
    "Caveat",
    "caveat",
    "collect_caveats",
    "emit_caveats",
    "user_stacklevel",
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

    Parameters
    ----------
    field : str
        The caller's argument or field name to put in the error.

    Yields
    ------
    None

    Raises
    ------
    OutOfRangeError
        Naming ``field``, chained to the inner error.

    Examples
    --------
    >>> with reraise_as_field("steam_pressure"):
    ...     raise OutOfRangeError("above 22.064 MPa", field="p")
    Traceback (most recent call last):
    ...
    greenchain.errors.OutOfRangeError: steam_pressure: above 22.064 MPa
    """
    try:
        yield
    except OutOfRangeError as exc:
        raise OutOfRangeError(exc.message, field=field) from exc


# -- caveats: warnings that stay with their result ---------------------------------


@dataclass(frozen=True)
class Caveat:
    """One warning attached to a result: its category, its text and the field it concerns.

    Results keep their caveats (``result.caveats``) so that a batch of plants run in a
    thread pool each carries exactly its own; ``result.warnings`` lists the messages.

    Parameters
    ----------
    category : type of Warning
        The warning class, e.g. :class:`FallbackWarning` (kept, never re-derived from
        the text).
    message : str
        What the reader should know.
    field : str, optional
        The input field the caveat concerns.
    """

    category: type[Warning]
    message: str
    field: str | None = None

    def __str__(self) -> str:
        return self.message


_SINK: ContextVar[list[Caveat] | None] = ContextVar("greenchain_caveats", default=None)
_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


def user_stacklevel() -> int:
    """The ``stacklevel`` that makes :func:`warnings.warn` point at the caller's code.

    Counts the frames, from the caller of this function outward, that belong to
    greenchain itself (or to the import machinery), so the warning names the first line
    outside the package: the user's.

    Returns
    -------
    int
    """
    frame = sys._getframe(1)
    level = 1
    while frame is not None:
        name = frame.f_code.co_filename
        if not (name.startswith(_PACKAGE_DIR) or name.startswith("<frozen")):
            return level
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    return level


def caveat(
    message: str, category: type[Warning] = UserWarning, *, field: str | None = None
) -> None:
    """Record a caveat for the result being computed, or warn if none is.

    Inside :func:`collect_caveats` (a public entry point building a result) the caveat
    is appended to that result's list, in this thread and context only; elsewhere (a
    physics function called directly) it is issued with :func:`warnings.warn`, pointing
    at the user's line. A caveat already collected (same message and category) is not
    added twice.

    Parameters
    ----------
    message : str
        What the reader should know.
    category : type of Warning, default UserWarning
        The warning class, e.g. :class:`FallbackWarning`; kept with the caveat.
    field : str, optional
        The input field the caveat concerns.

    Examples
    --------
    >>> with collect_caveats() as caught:
    ...     caveat("grid year 2024 not published; using 2023", FallbackWarning)
    >>> caught
    [Caveat(category=<class 'greenchain.errors.FallbackWarning'>, message='grid year 2024 not published; using 2023', field=None)]
    """
    sink = _SINK.get()
    if sink is None:
        warnings.warn(message, category, stacklevel=user_stacklevel())
    elif not any(c.message == message and c.category is category for c in sink):
        sink.append(Caveat(category, message, field))


@contextmanager
def collect_caveats() -> Iterator[list[Caveat]]:
    """Gather the caveats raised inside the block into a list (per thread and context).

    Nested blocks each get their own list; a public function that calls another hands
    the inner result's caveats on with :func:`emit_caveats`.

    Yields
    ------
    list of Caveat
        Filled while the block runs.
    """
    sink: list[Caveat] = []
    token = _SINK.set(sink)
    try:
        yield sink
    finally:
        _SINK.reset(token)


def emit_caveats(caveats: Iterable[Caveat]) -> None:
    """Pass caveats on: to the enclosing collector if there is one, else as warnings.

    Called once by each public entry point with its result's caveats, so a user sees
    each warning once, at their own line, and an outer computation inherits them.

    Parameters
    ----------
    caveats : iterable of Caveat
        The caveats of a result (``result.caveats``).

    Examples
    --------
    >>> with collect_caveats() as outer:
    ...     emit_caveats([Caveat(FallbackWarning, "using the 2023 grid factor")])
    >>> [c.message for c in outer]
    ['using the 2023 grid factor']
    """
    sink = _SINK.get()
    for c in caveats:
        if sink is None:
            warnings.warn(c.message, c.category, stacklevel=user_stacklevel())
        elif not any(x.message == c.message and x.category is c.category for x in sink):
            sink.append(c)
