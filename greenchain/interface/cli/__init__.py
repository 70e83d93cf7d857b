"""The ``greenchain`` command line.

::

    greenchain inventory PLANT [--gwp AR6] [--grid-basis average] [--grid-year Y]
                               [--format table|json|csv]
    greenchain energy PLANT [--basis equal_value] [--format ...]
    greenchain factors search [TEXT] [--dataset D] [--region R] [--format ...]
    greenchain factors datasets
    greenchain footprint PLANT --product ID [...]
    greenchain retrofit PLANT [...]
    greenchain score PLANT [...]
    greenchain report PLANT -o FILE [...]
    greenchain template FILE.xlsx | export PLANT -o FILE.xlsx
    greenchain portfolio RECORDS --plants PLANTS [--by plant_id,month] -o OUT.parquet
    greenchain --version

One module per command (:data:`COMMANDS`); each has ``add_parser(subparsers,
parents)`` and ``run(args) -> int``, and imports its engine inside ``run``, so that
``greenchain --help`` loads neither pandas nor the accounting and decisions layers.

Errors print one line naming the field and file, and exit with status 2 (bad
input) or 1 (other greenchain errors); never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Sequence

from greenchain import __version__
from greenchain.errors import GreenchainError, InputError
from greenchain.interface.cli import (
    check,
    energy,
    excel,
    factors,
    footprint,
    inventory,
    portfolio,
    report,
    retrofit,
    score,
)
from greenchain.interface.cli._output import emit, make_parents

__all__ = ["main", "build_parser", "emit", "COMMANDS"]

#: The command modules, in the order ``--help`` lists them (``excel`` adds
#: ``template`` and ``export``).
COMMANDS = (
    inventory,
    energy,
    factors,
    footprint,
    retrofit,
    score,
    report,
    excel,
    check,
    portfolio,
)


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser of every command.

    Returns
    -------
    argparse.ArgumentParser
        The ``greenchain`` parser; the parsed arguments carry the command's ``run``.
    """
    parser = argparse.ArgumentParser(
        prog="greenchain",
        description=(
            "Carbon accounting and green manufacturing: inventories, energy, footprints, "
            "retrofits and green-factory scores from a plant file."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    parents = make_parents()
    for command in COMMANDS:
        command.add_parser(sub, parents)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Parameters
    ----------
    argv : sequence of str, optional
        The arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        The exit status: 0 on success, 2 for bad input (a
        :class:`~greenchain.errors.InputError`, or bad arguments), 1 for other
        greenchain errors, 3 for an internal error (a defect, shown in one line;
        ``GREENCHAIN_DEBUG=1`` shows the traceback).
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    with warnings.catch_warnings():
        # Warnings are part of each result and printed (or serialised) by the command.
        warnings.simplefilter("ignore")
        try:
            return int(args.run(args))
        except GreenchainError as exc:
            print("greenchain: error: " + " | ".join(str(exc).splitlines()), file=sys.stderr)
            return 2 if isinstance(exc, InputError) else 1
        except BrokenPipeError:
            # `greenchain ... | head`: the reader has gone; not an error
            return 0
        except (OSError, UnicodeError) as exc:
            # a file that cannot be read or written: the user's to fix, one line
            print(f"greenchain: error: {exc}", file=sys.stderr)
            return 2
        except Exception as exc:  # noqa: BLE001 - a defect of greenchain, reported in one line
            if os.environ.get("GREENCHAIN_DEBUG"):
                raise
            print(
                f"greenchain: internal error ({type(exc).__name__}: {exc}); please report it "
                "with the input file (GREENCHAIN_DEBUG=1 shows the traceback)",
                file=sys.stderr,
            )
            return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
