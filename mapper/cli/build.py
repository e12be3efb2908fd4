"""``mapper build PATH... -o map.html``: reports in, map out, in one go.

It runs the whole pipeline: read, extract, merge (unless ``--no-merge``) and render,
printing the run summary to stderr like ``mapper extract``; ``--incidents FILE`` also
writes the table, for review, and ``--published`` dates reports without a publication
date as there. The map options are ``mapper render``'s.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from mapper.cli.extract import add_published_option
from mapper.cli.inputs import PATHS_HELP, add_filter_options, add_strict_option
from mapper.cli.outputs import dataset_folder, table_path
from mapper.cli.progress import counted, phase
from mapper.cli.render import add_map_options, save_map
from mapper.cli.scale_options import add_scale_options


def register(subparsers: Any) -> None:
    """Add the ``build`` command."""
    build = subparsers.add_parser(
        "build",
        help="reports in, interactive map out (extract + merge + render)",
        description="Read reports, extract and merge incidents and write an interactive "
        "HTML map that opens without a network.",
    )
    build.add_argument("paths", nargs="+", metavar="PATH", help=PATHS_HELP)
    build.add_argument(
        "--incidents",
        type=table_path,
        metavar="FILE",
        help="also write the incident table (.csv, .geojson, .jsonl, .xlsx, .kml, .parquet; "
        "NAME.parquet/ writes a folder of Parquet parts)",
    )
    build.add_argument("--no-merge", action="store_true", help="one marker per mention")
    build.add_argument(
        "--quiet", action="store_true", help="no progress or counts; problems still listed"
    )
    add_published_option(build)
    add_strict_option(build)
    add_map_options(build)
    add_filter_options(build)
    add_scale_options(build)
    build.set_defaults(func=run_build)


def run_build(args: argparse.Namespace) -> int:
    """Run ``mapper build``; return the exit status."""
    with dataset_folder(args.incidents):
        return _run_build(args)


def _run_build(args: argparse.Namespace) -> int:
    """Run ``mapper build`` once the table's folder, if one is asked for, is there."""
    from mapper.cli.extract import extract_for_cli
    from mapper.table import write_incidents

    result = extract_for_cli(args, command="build", table=args.incidents)
    if result is None:
        return 2
    incidents, gazetteer = result
    if args.incidents is not None:
        with phase(args, "writing", "wrote", "rows", len(incidents)):
            write_incidents(incidents, args.incidents)
    with phase(args, "rendering", "rendered", "incidents", len(incidents)):
        save_map(incidents, args, gazetteer)
    if not args.quiet:
        if args.incidents is not None:
            rows = counted(len(incidents), "incident row")
            print(f"wrote {rows} to {args.incidents}", file=sys.stderr)
        shown = counted(len(incidents), "incident")
        print(f"wrote a map of {shown} to {args.output}", file=sys.stderr)
    return 0
