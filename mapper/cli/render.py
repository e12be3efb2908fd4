"""``mapper render INCIDENTS -o map.html``: a reviewed or edited table in, map out.

The table may be .csv, .geojson or .jsonl. The map is one standalone HTML file that
opens with no network, unless ``--cdn``. The map options and the writing of the file
serve ``mapper build`` too.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mapper.cli.gazetteer import add_gazetteer_option
from mapper.errors import IncidentTableError, MapperError


def add_map_options(parser: argparse.ArgumentParser) -> None:
    """Add the options of the map that ``build`` and ``render`` write."""
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
    """Add the ``render`` command."""
    render = subparsers.add_parser(
        "render",
        help="incident table in (.csv, .geojson, .jsonl), interactive map out",
        description="Draw a reviewed or edited incident table as an interactive HTML map.",
    )
    render.add_argument("table", type=Path, metavar="INCIDENTS", help="the incident table")
    add_map_options(render)
    render.set_defaults(func=run_render)


def save_map(incidents: Any, args: argparse.Namespace, gazetteer: Any) -> None:
    """Render ``incidents`` with the command's map options and write ``args.output``.

    The map is written atomically: a failed or interrupted write leaves any old map.
    """
    from mapper.render import render
    from mapper.table import write_atomically

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
    html = fmap.get_root().render()
    try:
        write_atomically(args.output, html)
    except OSError as error:
        raise MapperError(
            f"{args.output}: cannot write the map: {error.strerror or error}"
            " (any map already there is left as it was)"
        ) from None


def run_render(args: argparse.Namespace) -> int:
    """Run ``mapper render``; return the exit status."""
    from mapper.table import read_incidents

    incidents = read_incidents(args.table)
    gazetteer = None
    if args.gazetteer:
        from gazetteer import load_gazetteer

        gazetteer = load_gazetteer(*args.gazetteer)
    save_map(incidents, args, gazetteer)
    return 0
