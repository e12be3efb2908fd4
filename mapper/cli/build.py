"""``mapper build`` (reports -> map) and ``mapper render`` (incident table -> map).

``build`` runs the whole pipeline: read, extract, merge (unless ``--no-merge``) and
render, printing the run summary to stderr like ``mapper extract``; ``--incidents FILE``
also writes the table, for review. ``render`` draws a table that was reviewed or edited
(.csv, .geojson, .jsonl). Both write one standalone HTML file unless ``--cdn``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from mapper.cli.gazetteer import add_gazetteer_option
from mapper.errors import IncidentTableError, MapperError


def _add_map_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", required=True, type=Path, metavar="MAP", help="the HTML map to write"
    )
    parser.add_argument("--title", help="title shown on the map")
    parser.add_argument(
        "--tiles",
        default="OpenStreetMap",
        help="base layer shown first: OpenStreetMap (default), 'OpenStreetMap HOT', "
        "OpenTopoMap, 'Esri WorldImagery' or none (plain offline background)",
    )
    parser.add_argument("--heat", action="store_true", help="add a heat layer")
    parser.add_argument(
        "--cdn",
        action="store_true",
        help="link Leaflet from a CDN (smaller file, needs a network to view) "
        "instead of embedding it",
    )
    add_gazetteer_option(parser)


def register(subparsers: Any) -> None:
    """Add the ``build`` and ``render`` commands."""
    build = subparsers.add_parser(
        "build",
        help="reports in, interactive map out (extract + merge + render)",
        description="Read reports, extract and merge incidents and write an interactive "
        "HTML map that opens without a network.",
    )
    build.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders")
    build.add_argument(
        "--incidents",
        type=Path,
        metavar="FILE",
        help="also write the incident table (.csv, .geojson or .jsonl)",
    )
    build.add_argument("--no-merge", action="store_true", help="one marker per mention")
    build.add_argument(
        "--quiet", action="store_true", help="no progress or counts; problems still listed"
    )
    _add_map_options(build)
    build.set_defaults(func=run_build)

    render = subparsers.add_parser(
        "render",
        help="incident table in (.csv, .geojson, .jsonl), interactive map out",
        description="Draw a reviewed or edited incident table as an interactive HTML map.",
    )
    render.add_argument("table", type=Path, metavar="INCIDENTS", help="the incident table")
    _add_map_options(render)
    render.set_defaults(func=run_render)


def _save_map(incidents: Any, args: argparse.Namespace, gazetteer: Any) -> None:
    from mapper.render import render

    tiles = None if args.tiles.lower() == "none" else args.tiles
    try:
        fmap = render(
            incidents,
            title=args.title,
            tiles=tiles,
            heat=args.heat,
            cdn=args.cdn,
            gazetteer=gazetteer,
        )
    except IncidentTableError as error:
        where = getattr(args, "table", None) or "the incident table"
        raise IncidentTableError(f"{where}: {error}") from None
    try:
        args.output.write_text(fmap.get_root().render(), encoding="utf-8")
    except OSError as error:
        raise MapperError(f"{args.output}: cannot write the map: {error.strerror}") from error


def run_render(args: argparse.Namespace) -> int:
    """Run ``mapper render``; return the exit status."""
    from mapper.table import read_incidents

    incidents = read_incidents(args.table)
    gazetteer = None
    if args.gazetteer:
        from gazetteer import load_gazetteer

        gazetteer = load_gazetteer(*args.gazetteer)
    _save_map(incidents, args, gazetteer)
    return 0


def run_build(args: argparse.Namespace) -> int:
    """Run ``mapper build``; return the exit status."""
    from mapper.cli.extract import extract_for_cli
    from mapper.table import write_incidents

    result = extract_for_cli(args, command="build", table=args.incidents)
    if result is None:
        return 2
    incidents, gazetteer = result
    if args.incidents is not None:
        write_incidents(incidents, args.incidents)
    _save_map(incidents, args, gazetteer)
    if not args.quiet:
        print(f"wrote a map of {len(incidents)} incidents to {args.output}", file=sys.stderr)
    return 0
