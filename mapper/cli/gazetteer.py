"""``mapper gazetteer lookup|check|unmatched``: look into and curate the gazetteer."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from gazetteer import check_file, load_gazetteer, shared_names


def register(subparsers: Any) -> None:
    """Add the ``gazetteer`` command group."""
    parser = subparsers.add_parser("gazetteer", help="look up, check and curate place names")
    group = parser.add_subparsers(dest="gazetteer_command", required=True, metavar="ACTION")

    lookup = group.add_parser("lookup", help="ranked candidates for a place name")
    lookup.add_argument("name", help="a place name in any spelling")
    lookup.add_argument("--limit", type=int, default=10, help="at most this many (default 10)")
    lookup.add_argument("--json", action="store_true", help="print JSON instead of a table")
    add_gazetteer_option(lookup)
    lookup.set_defaults(func=run_lookup)

    check = group.add_parser("check", help="validate a gazetteer file (default: the bundled data)")
    check.add_argument("file", nargs="?", help="a places CSV or GeoJSON file")
    check.set_defaults(func=run_check)

    unmatched = group.add_parser(
        "unmatched", help="place-like names in reports that the gazetteer lacks"
    )
    unmatched.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders")
    unmatched.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")
    add_gazetteer_option(unmatched)
    unmatched.set_defaults(func=run_unmatched)


def add_gazetteer_option(parser: argparse.ArgumentParser) -> None:
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
        for row in rows:
            print(
                f"{row['score']:5.1f}  {row['id']:<24} {row['name']:<28} {row['kind']:<14}"
                f" {row['latitude']:9.5f} {row['longitude']:9.5f}"
                f"  parent={row['parent'] or '-'}  source={row['source']}"
            )
    return 0 if rows else 1


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

    gazetteer = load_gazetteer(*args.gazetteer)
    reports = read_reports(args.paths)
    for problem in [*reports.problems, *reports.warnings]:
        print(f"mapper: {problem}", file=sys.stderr)
    for name, count in unmatched_names(reports, gazetteer)[: args.limit]:
        print(f"{count:6d}  {name}")
    return 0
