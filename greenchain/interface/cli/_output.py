"""Pieces shared by the command modules: the parent parsers and :func:`emit`.

The command modules import this module, never the :mod:`greenchain.interface.cli`
package itself, so that the package can import them without a cycle. Nothing here
imports pandas at module level: building the parser (``greenchain --help``) stays light.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from greenchain.data.vocabulary import DEFAULT_GWP_REPORT as DEFAULT_AR
from greenchain.data.vocabulary import DEFAULT_SCHEME, GRID_BASES
from greenchain.data.vocabulary import GWP_REPORTS as REPORTS

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FORMATS", "INVENTORY_GRID_BASES", "DEFAULT_SCHEME", "Parents", "make_parents", "emit"]

#: Values of ``--format`` for the commands that print a result.
FORMATS = ("table", "json", "csv")

#: ``--grid-basis`` choices for inventories: every grid basis of the factor database
#: except ``lifecycle``, whose factors are for product footprints only.
INVENTORY_GRID_BASES = tuple(b for b in GRID_BASES if b != "lifecycle")


@dataclass(frozen=True)
class Parents:
    """Parent parsers holding options that several subcommands share.

    Attributes
    ----------
    format : argparse.ArgumentParser
        ``--format table|json|csv``.
    gwp : argparse.ArgumentParser
        ``--gwp`` (IPCC assessment report of the GWP set).
    grid_basis : argparse.ArgumentParser
        ``--grid-basis`` (basis of the grid electricity factor).
    """

    format: argparse.ArgumentParser
    gwp: argparse.ArgumentParser
    grid_basis: argparse.ArgumentParser


def make_parents() -> Parents:
    """Build the shared parent parsers (``add_help=False``, for ``parents=[...]``).

    Returns
    -------
    Parents
        One parent parser per shared option.
    """
    fmt = argparse.ArgumentParser(add_help=False)
    fmt.add_argument("--format", choices=FORMATS, default="table")

    gwp = argparse.ArgumentParser(add_help=False)
    # No ``choices``: the engine also accepts spellings such as "ar6" or "IPCC AR6"
    # and reports an unknown set as a one-line input error.
    gwp.add_argument("--gwp", default=DEFAULT_AR, help="GWP set: " + ", ".join(REPORTS))

    grid = argparse.ArgumentParser(add_help=False)
    grid.add_argument("--grid-basis", default="average", choices=INVENTORY_GRID_BASES)
    return Parents(format=fmt, gwp=gwp, grid_basis=grid)


def emit(
    args: argparse.Namespace, table: pd.DataFrame, summary: dict[str, Any], title: str = ""
) -> None:
    """Print a result as a table (with its warnings), JSON (``summary``) or CSV (``table``).

    Parameters
    ----------
    args : argparse.Namespace
        The parsed arguments; ``args.format`` (default ``"table"``) picks the output.
    table : pandas.DataFrame
        Printed as text for ``table`` and as CSV for ``csv``.
    summary : dict
        Printed as JSON for ``json``; for ``table`` its ``"warnings"`` are printed
        after the table.
    title : str, optional
        Printed above the table (``table`` format only).

    Returns
    -------
    None
    """
    fmt = getattr(args, "format", "table")
    if fmt == "json":
        # strict JSON: a blank (NaN) prints as null, never as the invalid NaN/Infinity
        text = json.dumps(
            _finite(summary), ensure_ascii=False, indent=2, default=_jsonable, allow_nan=False
        )
        print(text)
    elif fmt == "csv":
        from greenchain.interface.io.excel.export import inert

        # a CSV is opened in a spreadsheet: text such as "=HYPERLINK(...)" stays text
        safe = table.copy()
        for column in safe.select_dtypes(include=["object", "string"]).columns:
            safe[column] = safe[column].map(inert)
        safe.to_csv(sys.stdout, index=False)
    else:
        import pandas as pd  # loaded by the command already; kept out of --help

        if title:
            print(title)
        with pd.option_context(
            "display.max_rows", 200, "display.width", 120, "display.float_format", "{:,.3f}".format
        ):
            print(table.to_string(index=False))
        for text in summary.get("warnings", []):
            print(f"warning: {text}")


def _finite(value: Any) -> Any:
    """``value`` with every NaN or infinite float (also numpy's) and every pandas missing
    value (``pd.NA``, ``NaT``) replaced by None."""
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    if isinstance(value, float) or (hasattr(value, "item") and getattr(value, "ndim", 1) == 0):
        number = value.item() if hasattr(value, "item") else value
        if isinstance(number, float) and not math.isfinite(number):
            return None
        return number
    return value


def _jsonable(value: Any) -> Any:
    """JSON fallback: quantities as ``"1.5 t"``, numpy scalars as Python numbers."""
    if hasattr(value, "magnitude"):
        return f"{value:~P}"
    if hasattr(value, "item"):
        return value.item()
    return str(value)
