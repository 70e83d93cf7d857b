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

__all__ = [
    "FORMATS",
    "INVENTORY_GRID_BASES",
    "DEFAULT_SCHEME",
    "WIDTH",
    "HEADERS",
    "Parents",
    "make_parents",
    "emit",
    "render_table",
    "warn",
]

#: Width of the tables printed in ``table`` format (a 100-column terminal).
WIDTH = 100

#: Headers with units of the result columns printed in ``table`` format.
HEADERS = {
    "co2e_t": "CO2e [t]",
    "co2_t": "CO2 [t]",
    "ch4_t": "CH4 [t]",
    "n2o_t": "N2O [t]",
    "mass_t": "mass [t]",
    "tce": "energy [tce]",
    "share": "share [%]",
    "energy_saved_tce": "saved [tce/yr]",
    "co2_avoided_t": "avoided [tCO2e/yr]",
    "annual_savings": "savings [CNY/yr]",
    "capex": "capex [CNY]",
    "simple_payback_years": "payback [yr]",
    "npv": "NPV [CNY]",
    "irr": "IRR [%]",
    "abatement_cost": "cost [CNY/tCO2e]",
    "kgco2e": "kgCO2e",
}
_PERCENT = ("share", "irr")
_TEXT_WIDTH = 28  # text columns wrap at this width

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
        if title:
            print(title)
        print(render_table(table))
    warn(summary.get("warnings", []) if isinstance(summary, dict) else [])


def warn(messages: Any) -> None:
    """Print caveats on stderr, one ``warning:`` line each (every output format).

    Parameters
    ----------
    messages : iterable of str
        The result's caveats.

    Returns
    -------
    None
    """
    for text in messages or []:
        print(f"warning: {text}", file=sys.stderr)


def _cell(column: str, value: Any) -> str:
    """A value as printed in a table: blanks for missing, separators, % for rates."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    if type(value).__name__ in ("NAType", "NaTType"):
        return ""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        if hasattr(value, "item") and getattr(value, "ndim", 1) == 0:
            return _cell(column, value.item())
        return str(value)
    if column in _PERCENT:
        return f"{value:.1%}"
    if isinstance(value, int) or abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:,.3f}".rstrip("0").rstrip(".")
    return f"{value:.4g}"


def render_table(table: pd.DataFrame, width: int = WIDTH) -> str:
    """``table`` as text that fits ``width`` columns.

    Headers carry units (:data:`HEADERS`), numbers have thousands separators and at
    most 3 decimals (4 significant digits below 1), blanks replace NaN and None, rates
    are percentages. Text columns wrap at 28 characters; columns that still do not fit
    continue in a second block that repeats the first column.

    Parameters
    ----------
    table : pandas.DataFrame
        The table to print.
    width : int, default 100
        Columns of the terminal.

    Returns
    -------
    str
    """
    import textwrap

    columns = [str(c) for c in table.columns]
    if not columns:
        return ""
    cells = {c: [_cell(c, v) for v in table[c].tolist()] for c in columns}
    numeric = {c: table[c].dtype.kind in "iuf" for c in columns}
    heads = {c: HEADERS.get(c, c) for c in columns}
    sizes = {c: max([len(heads[c])] + [len(x) for x in cells[c]]) for c in columns}
    for c in columns:
        if not numeric[c]:
            sizes[c] = min(sizes[c], _TEXT_WIDTH, width)
        else:
            sizes[c] = max(max([len(x) for x in cells[c]] or [0]), min(len(heads[c]), 12))
    groups: list[list[str]] = [[columns[0]]]
    used = sizes[columns[0]]
    for c in columns[1:]:
        if used + 2 + sizes[c] > width and len(groups[-1]) > 1:
            groups.append([columns[0]])
            used = sizes[columns[0]]
        groups[-1].append(c)
        used += 2 + sizes[c]

    def wrap(text: str, size: int) -> list[str]:
        return textwrap.wrap(text, size, break_on_hyphens=False) or [""]

    def line(parts: list[list[str]], group: list[str]) -> list[str]:
        height = max(len(p) for p in parts)
        out = []
        for i in range(height):
            row = []
            for c, p in zip(group, parts, strict=True):
                text = p[i] if i < len(p) else ""
                row.append(text.rjust(sizes[c]) if numeric[c] else text.ljust(sizes[c]))
            out.append("  ".join(row).rstrip())
        return out

    blocks = []
    for group in groups:
        lines = line([wrap(heads[c], sizes[c]) for c in group], group)
        for r in range(len(table)):
            lines += line(
                [[cells[c][r]] if numeric[c] else wrap(cells[c][r], sizes[c]) for c in group],
                group,
            )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


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
