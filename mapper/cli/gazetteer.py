"""``mapper gazetteer lookup|check|unmatched``: look into and curate the gazetteer.

``lookup`` prints the ranked candidates for a name as a table (or JSON): score, id,
name, kind, coordinates, parent and source, each column as wide as its widest value
(scores: see docs/gazetteer.md); it exits 1 when no place matches.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from gazetteer import check_file, load_gazetteer, shared_names
from mapper.cli.inputs import PATHS_HELP, check_paths


def register(subparsers: Any) -> None:
    """Add the ``gazetteer`` command group."""
    parser = subparsers.add_parser(
        "gazetteer",
        help="look up, check and curate place names",
        description="Look up place names in the offline gazetteer, validate gazetteer files "
        "and list the place names in reports that the gazetteer lacks.",
    )
    group = parser.add_subparsers(dest="gazetteer_command", required=True, metavar="ACTION")

    lookup = group.add_parser(
        "lookup",
        help="ranked candidates for a place name",
        description="Rank the places a name may refer to: exact names (score 100), near "
        "spellings (85 and more), then longer names: with kind words like 'Governorate' or "
        "'air base' (80), begun by the name (70), holding it (60). Exit status 1 when no "
        "place matches.",
    )
    lookup.add_argument("name", help="a place name in any spelling, or the start of one")
    lookup.add_argument("--limit", type=int, default=10, help="at most this many (default 10)")
    lookup.add_argument("--json", action="store_true", help="print JSON instead of a table")
    add_gazetteer_option(lookup)
    lookup.set_defaults(func=run_lookup)

    check = group.add_parser(
        "check",
        help="validate a gazetteer file (default: the bundled data)",
        description="Validate a places CSV or GeoJSON file, or the bundled gazetteer: every "
        "problem with its file and row; for a user file, also the names it shares with the "
        "bundled places. Exit status 1 when there is a problem.",
    )
    check.add_argument("file", nargs="?", help="a places CSV or GeoJSON file")
    check.set_defaults(func=run_check)

    unmatched = group.add_parser(
        "unmatched",
        help="place-like names in reports that the gazetteer lacks",
        description="List the place-like names in the reports (a capitalised name after "
        "'in', 'near', 'at'..., or one opening with 'al-') that no gazetteer place has, "
        "most frequent first: candidates to add with --gazetteer FILE.",
    )
    unmatched.add_argument("paths", nargs="+", metavar="PATH", help=PATHS_HELP)
    unmatched.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")
    add_gazetteer_option(unmatched)
    unmatched.set_defaults(func=run_unmatched)


def add_gazetteer_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--gazetteer FILE`` (repeatable): user places layered on the bundled ones."""
    parser.add_argument(
        "--gazetteer",
        action="append",
        default=[],
        metavar="FILE",
        help="a places CSV or GeoJSON layered on the bundled data (repeatable)",
    )


def run_lookup(args: argparse.Namespace) -> int:
    """Print the ranked candidates for ``args.name``; exit 1 when there are none."""
    gazetteer = load_gazetteer(*args.gazetteer)
    candidates = gazetteer.lookup(args.name, limit=args.limit)
    rows = [
        {
            "id": c.place.id,
            "name": c.place.name,
            "kind": c.place.kind,
            "latitude": c.place.latitude,
            "longitude": c.place.longitude,
            "parent": c.place.parent,
            "score": c.score,
            "source": c.place.source,
        }
        for c in candidates
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not rows:
        print(f"no place matches {args.name!r}")
    else:
        print(format_candidates(rows))
    return 0 if rows else 1


def format_candidates(rows: list[dict[str, Any]]) -> str:
    """The candidates as a table, two spaces between columns, each as wide as it needs.

    Examples
    --------
    >>> print(format_candidates([{"score": 100.0, "id": "biap", "kind": "airport",
    ...     "name": "Baghdad International Airport", "latitude": 33.2625,
    ...     "longitude": 44.2346, "parent": None, "source": "Wikipedia"}]))
    score  id    name                           kind     latitude  longitude  parent  source
    100.0  biap  Baghdad International Airport  airport  33.26250   44.23460  -       Wikipedia
    """
    header = ["score", "id", "name", "kind", "latitude", "longitude", "parent", "source"]
    table = [header] + [
        [
            f"{row['score']:.1f}",
            row["id"],
            row["name"],
            row["kind"],
            f"{row['latitude']:.5f}",
            f"{row['longitude']:.5f}",
            row["parent"] or "-",
            row["source"],
        ]
        for row in rows
    ]
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    numeric = {0, 4, 5}
    return "\n".join(
        "  ".join(
            cell.rjust(width) if i in numeric else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in table
    )


def run_check(args: argparse.Namespace) -> int:
    """Print every problem in the file (or the bundled data); exit 1 if any."""
    problems = check_file(args.file)
    for problem in problems:
        print(problem)
    if args.file and not problems:
        for shared in shared_names(args.file):
            print(f"note: {shared}")
    what = args.file or "bundled gazetteer"
    print(f"{what}: {len(problems)} problem(s)" if problems else f"{what}: ok")
    return 1 if problems else 0


def run_unmatched(args: argparse.Namespace) -> int:
    """Print place-like names from the reports that the gazetteer lacks."""
    from mapper.extract import unmatched_names
    from mapper.read import read_reports

    check_paths(args.paths)
    gazetteer = load_gazetteer(*args.gazetteer)
    reports = read_reports(args.paths)
    for problem in reports.problems:
        print(f"{problem.path}{_line(problem.line)}: unreadable: {problem.reason}", file=sys.stderr)
    for warning in reports.warnings:
        print(f"{warning.path}{_line(warning.line)}: warning: {warning.reason}", file=sys.stderr)
    for name, count in unmatched_names(reports, gazetteer)[: args.limit]:
        print(f"{count:6d}  {name}")
    return 0


def _line(line: int | None) -> str:
    return f":{line}" if line is not None else ""
