"""What the commands check before any work: input paths, filters, ``--strict``.

* :func:`check_paths`: every PATH must be there; a URL or ``-`` (standard input) gets
  a message saying what to do instead;
* :func:`add_filter_options` / :func:`apply_filters`: ``--since``, ``--until`` and
  ``--weapon`` on ``extract``, ``build`` and ``render``, checked when the arguments
  are parsed;
* :func:`add_strict_option` / :func:`check_strict`: ``--strict`` turns any unreadable
  or failed input into exit status 1.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from mapper.errors import MapperError
from mapper.table import WEAPONS, date_period, filter_incidents

if TYPE_CHECKING:
    from mapper.extract import Tally

#: What PATH may be, for the commands' help.
PATHS_HELP = (
    "report files or folders (.txt, .md, .html, .csv, .jsonl; folders are walked); "
    "not URLs, and not '-' (save standard input to a .jsonl file first)"
)
_URL_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


class UsageError(MapperError):
    """A command given something it cannot use; exit status 2."""

    exit_status = 2


class StrictError(MapperError):
    """``--strict`` and an input that could not be used; exit status 1."""

    exit_status = 1


def check_paths(paths: Iterable[str]) -> None:
    """Refuse, before any work, a PATH that is not there, a URL or ``-``.

    Raises
    ------
    UsageError
        Naming the first such path and what to do instead.
    """
    for path in paths:
        if path == "-":
            raise UsageError(
                "'-': reports are not read from standard input; save them to a file "
                '(one JSON object a line with a "text" key, as .jsonl) and pass that'
            )
        if _URL_RE.match(path):
            raise UsageError(
                f"{path}: a URL; mapper reads only local files (nothing goes online): "
                "save the page as .html and pass the file"
            )
        if not os.path.lexists(path):
            raise UsageError(f"{path}: no such file or folder")


def add_strict_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--strict``."""
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit with status 1, writing nothing, when any input is unreadable or "
        "fails (for pipelines); by default such inputs are listed and the run goes on",
    )


def check_strict(args: argparse.Namespace, outcomes: Sequence[Any] | Tally) -> None:
    """Stop a ``--strict`` run that could not use every input.

    Raises
    ------
    StrictError
        When ``args.strict`` is set and an outcome is ``unreadable`` or ``failed``.
    """
    from mapper.extract import named_outcomes

    bad = named_outcomes(outcomes)
    if getattr(args, "strict", False) and bad:
        inputs = "input" if len(bad) == 1 else "inputs"
        raise StrictError(f"{len(bad)} {inputs} could not be used (--strict); nothing written")


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--since DATE``, ``--until DATE`` and ``--weapon W`` (repeatable)."""
    group = parser.add_argument_group(
        "filters", "keep some incidents (after merging, when the command merges)"
    )
    group.add_argument(
        "--since",
        type=_date,
        metavar="DATE",
        help="keep incidents that may fall on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY; "
        "an incident dated only by month or year is kept when that period overlaps)",
    )
    group.add_argument(
        "--until", type=_date, metavar="DATE", help="keep incidents that may fall on or before DATE"
    )
    group.add_argument(
        "--weapon",
        action="append",
        type=_weapons,
        default=[],
        metavar="W",
        help=f"keep incidents with this weapon (repeatable, or comma-separated): "
        f"{', '.join(WEAPONS)}",
    )


def apply_filters(incidents: Any, args: argparse.Namespace) -> Any:
    """The incidents the filter options keep; says how many, unless ``--quiet``."""
    since, until = getattr(args, "since", None), getattr(args, "until", None)
    weapons = [w for group in getattr(args, "weapon", None) or [] for w in group]
    if since is None and until is None and not weapons:
        return incidents
    if since is not None and until is not None and date_period(until)[1] < date_period(since)[0]:
        raise UsageError(f"--until {until} is before --since {since}")
    kept = filter_incidents(incidents, since=since, until=until, weapons=weapons)
    if not getattr(args, "quiet", False):
        given = [f"--since {since}" if since else "", f"--until {until}" if until else ""]
        given += [f"--weapon {','.join(weapons)}"] if weapons else []
        undated = int(incidents["date"].isna().sum()) if since or until else 0
        note = f"; {undated} undated left out" if undated else ""
        print(
            f"kept {len(kept)} of {len(incidents)} incidents ({' '.join(g for g in given if g)}"
            f"{note})",
            file=sys.stderr,
        )
    return kept


def _date(value: str) -> str:
    try:
        date_period(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return value.strip()


def _weapons(value: str) -> list[str]:
    weapons = [w.strip().lower() for w in value.split(",") if w.strip()]
    unknown = [w for w in weapons if w not in WEAPONS]
    if unknown or not weapons:
        raise argparse.ArgumentTypeError(
            f"unknown weapon {(unknown or [value])[0]!r}: use {', '.join(WEAPONS)}"
        )
    return weapons
