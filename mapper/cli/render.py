"""``mapper render INCIDENTS -o map.html``: a reviewed, edited or hand-made table in, map out.

The table may be .csv, .geojson, .jsonl, .xlsx or .parquet. One the mapper wrote is
drawn as it is; one made by hand needs only latitude and longitude, and what is
filled in is said (:func:`mapper.table.read_hand_made`). The map is one standalone
HTML file that opens with no network, unless ``--cdn``. The map options, checked
before any work, and the writing of the file serve ``mapper build`` too.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from mapper.cli.gazetteer import add_gazetteer_option
from mapper.cli.inputs import add_filter_options, apply_filters, check_paths
from mapper.cli.progress import counted
from mapper.errors import IncidentTableError, MapperError

#: ``--tiles`` as the CLI spells them -> the name the renderer takes (None: no tiles).
TILES: dict[str, str | None] = {
    "OpenStreetMap": "OpenStreetMap",
    "OpenStreetMap HOT": "OpenStreetMap HOT",
    "OpenTopoMap": "OpenTopoMap",
    "Esri WorldImagery": "Esri WorldImagery",
    "none": None,
}
#: The map's layer-control labels, also taken: what a user sees on the map.
_TILE_LABELS: dict[str, str | None] = {
    "humanitarian (osm hot)": "OpenStreetMap HOT",
    "topographic (opentopomap)": "OpenTopoMap",
    "satellite (esri)": "Esri WorldImagery",
    "plain": None,
    "plain (no tiles)": None,
}
#: What a map may be written as.
MAP_SUFFIXES = (".html", ".htm")


def _spelled(name: str | None) -> str:
    return "none" if name is None else repr(name) if " " in name else name


TILES_HELP = ", ".join(_spelled(name) for name in TILES)


def add_map_options(parser: argparse.ArgumentParser) -> None:
    """Add the options of the map that ``build`` and ``render`` write."""
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        type=_map_path,
        metavar="MAP",
        help="the HTML map to write (.html or .htm)",
    )
    parser.add_argument("--title", help="title shown on the map")
    parser.add_argument(
        "--tiles",
        default="OpenStreetMap",
        type=_tiles,
        help="base layer shown first: OpenStreetMap (default), 'OpenStreetMap HOT', "
        "OpenTopoMap, 'Esri WorldImagery' or none (plain offline background)",
    )
    parser.add_argument("--heat", action="store_true", help="add a heat layer")
    parser.add_argument(
        "--no-labels",
        dest="labels",
        action="store_false",
        help="leave out the place names drawn on the plain background when tiles "
        "cannot load (for a map you annotate yourself, or about 8 kB smaller)",
    )
    parser.add_argument(
        "--cdn",
        action="store_true",
        help="link Leaflet from a CDN (smaller file, needs a network to view) "
        "instead of embedding it",
    )
    add_gazetteer_option(parser)


def _map_path(value: str) -> Path:
    path = Path(value)
    if path.suffix.lower() not in MAP_SUFFIXES:
        raise argparse.ArgumentTypeError(
            f"{value}: the map is an HTML page: give a name ending in "
            f"{' or '.join(MAP_SUFFIXES)} (an image such as .png is not written)"
        )
    return path


def _tiles(value: str) -> str:
    """``--tiles``, checked: the CLI's spellings, the map's labels, or an xyzservices name."""
    folded = value.strip().lower()
    for name in TILES:
        if folded == name.lower():
            return name
    if folded in _TILE_LABELS:
        return _TILE_LABELS[folded] or "none"
    try:
        import xyzservices

        xyzservices.providers.query_name(value)
    except (ImportError, ValueError):
        raise argparse.ArgumentTypeError(f"unknown tiles {value!r}: use {TILES_HELP}") from None
    return value


def register(subparsers: Any) -> None:
    """Add the ``render`` command."""
    render = subparsers.add_parser(
        "render",
        help="incident table in (.csv, .geojson, .jsonl, .xlsx), interactive map out",
        description="Draw a reviewed, edited or hand-made incident table as an interactive "
        "HTML map. A table made by hand needs only latitude and longitude (or lat and lon); "
        "every other column is optional, and what is filled in is said.",
    )
    render.add_argument("table", type=Path, metavar="INCIDENTS", help="the incident table")
    render.add_argument(
        "--quiet", action="store_true", help="say nothing but errors (no assumptions, no counts)"
    )
    add_map_options(render)
    add_filter_options(render)
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
            labels=args.labels,
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
    from mapper.table import read_hand_made

    check_paths([str(args.table)])
    table = read_hand_made(args.table)
    if not args.quiet:
        for sentence in table.assumed:
            print(f"{args.table}: assumed: {sentence}", file=sys.stderr)
    incidents = apply_filters(table.incidents, args)
    gazetteer = None
    if args.gazetteer:
        from gazetteer import load_gazetteer

        gazetteer = load_gazetteer(*args.gazetteer)
    save_map(incidents, args, gazetteer)
    if not args.quiet:
        shown = counted(len(incidents), "incident")
        print(f"wrote a map of {shown} to {args.output}", file=sys.stderr)
    return 0
