"""``mapper extract PATH... -o incidents.csv``: reports in, incident table out.

Prints a summary to stderr: how many reports gave incidents, none, or could not be
read, then one ``path:line: reason`` line per input that gave nothing. ``--quiet``
drops the progress bar and the counts line but never the list of unreadable
inputs: those are errors the user has to see. ``--published DATE`` dates the reports
that give no publication date of their own (``mtime``: each file's modification day);
by default they stay undated, and a warning names the relative dates ("on Tuesday")
left unresolved. Exit status: 0 when the run completed (even with unreadable inputs,
which are listed), 2 on a usage error (a ``--published`` value that is not a date is
one, found before anything is read) or when no report at all could be read.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mapper.cli.gazetteer import add_gazetteer_option
from mapper.cli.inputs import (
    PATHS_HELP,
    add_filter_options,
    add_strict_option,
    apply_filters,
    check_paths,
    check_strict,
)
from mapper.cli.outputs import add_format_option, dataset_folder, table_path, write_table
from mapper.cli.progress import counted, phase
from mapper.cli.scale_options import (
    add_scale_options,
    extract_on_cluster,
    open_client,
    wants_cluster,
)
from mapper.cli.streaming import run_streaming, streams
from mapper.extract import format_summary, problem_lines, run_extraction
from mapper.read import ReportSet, given_publication_date, read_reports
from mapper.table import FORMATS

if TYPE_CHECKING:
    import pandas as pd

    from gazetteer import Gazetteer
    from mapper.scale import ExtractionResult


def register(subparsers: Any) -> None:
    """Add the ``extract`` command."""
    parser = subparsers.add_parser(
        "extract",
        help="extract incidents from reports into a table",
        description=(
            "Read reports (.txt, .md, .html, .csv, .jsonl; folders walked), extract "
            "incidents and write them as .csv, .geojson, .jsonl, .xlsx, .kml or .parquet "
            "(--format acled: ACLED's columns). Merges reports of "
            "the same attack unless --no-merge. Relative dates ('on Tuesday') count from "
            "each report's publication date; see --published for reports without one."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help=PATHS_HELP)
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        type=table_path,
        metavar="FILE",
        help="the table to write; its extension picks the format (.csv, .geojson, .jsonl, "
        ".xlsx, .kml, .parquet; NAME.parquet/ writes a folder of Parquet parts)",
    )
    parser.add_argument(
        "--no-merge", action="store_true", help="keep one row per mention, unmerged"
    )
    parser.add_argument(
        "--quiet",
        action="store_true",
        help="no progress bar or counts; unreadable inputs are still listed",
    )
    add_format_option(parser)
    add_published_option(parser)
    add_strict_option(parser)
    add_filter_options(parser)
    add_gazetteer_option(parser)
    add_scale_options(parser)
    parser.set_defaults(func=run_extract)


def add_published_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--published DATE|mtime``, checked when the arguments are parsed."""
    parser.add_argument(
        "--published",
        type=_publication_date,
        metavar="DATE",
        help="publication date for reports that give none of their own (YYYY-MM-DD or "
        "YYYY-MM; a report's own date always wins), or 'mtime' for each such file's "
        "modification day; by default they stay undated",
    )


def _publication_date(value: str) -> str:
    """``--published``'s value, checked; a bad one is a usage error (exit status 2)."""
    try:
        return given_publication_date(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def run_extract(args: argparse.Namespace) -> int:
    """Run ``mapper extract``; return the exit status."""
    with dataset_folder(args.output):
        return _run_extract(args)


def _run_extract(args: argparse.Namespace) -> int:
    """Run ``mapper extract`` once the output folder, if one is asked for, is there."""
    if streams(args):
        return run_streaming(args)
    result = extract_for_cli(args, command="extract", table=args.output)
    if result is None:
        return 2
    incidents, gazetteer = result
    with phase(args, "writing", "wrote", "rows", len(incidents)):
        write_table(incidents, args.output, args.format, gazetteer)
    if not args.quiet:
        print(f"wrote {counted(len(incidents), 'incident row')} to {args.output}", file=sys.stderr)
    return 0


def extract_for_cli(
    args: argparse.Namespace, *, command: str, table: Path | None
) -> tuple[pd.DataFrame, Gazetteer] | None:
    """Read, extract and (unless ``--no-merge``) merge for a command, printing the summary.

    Returns the incidents and the gazetteer used, or None when the command must stop
    with exit status 2 (an unknown table extension, or no report could be read); the
    reason has been printed. *table* is the incident table the command will write: it
    is never read as a report.
    """
    if table is not None and table.suffix.lower() not in FORMATS:
        known = ", ".join(sorted(FORMATS))
        print(
            f"mapper {command}: error: {table}: an incident table must end in {known}",
            file=sys.stderr,
        )
        return None
    check_paths(args.paths)
    from gazetteer import load_gazetteer

    gazetteer = load_gazetteer(*args.gazetteer)
    with contextlib.ExitStack() as stack:
        client = None
        if wants_cluster(args):  # --workers / --scheduler: the same run on a Dask cluster
            client = stack.enter_context(
                open_client(workers=args.workers, scheduler=args.scheduler)
            )
        incidents = _extract_and_merge(args, command, table, gazetteer, client)
    return None if incidents is None else (apply_filters(incidents, args), gazetteer)


def _extract_and_merge(
    args: argparse.Namespace,
    command: str,
    table: Path | None,
    gazetteer: Gazetteer,
    client: Any,
) -> pd.DataFrame | None:
    """The raw or merged incidents, on *client*'s cluster when there is one; the summary
    printed. None when no report could be read."""
    extraction: ExtractionResult
    if client is not None:
        with phase(args, "extracting on the cluster", "extracted", "reports") as extracting:
            extraction = extract_on_cluster(args, client, table=table)
            extracting.count = extraction.n_reports
    else:
        with phase(args, "reading", "read", "reports") as reading:
            reports = read_reports(args.paths, published=args.published)
            if table is not None:
                reports = _without(reports, table)
            reading.count = len(reports.reports)
        with phase(args, "extracting", "extracted", "reports", reading.count):
            extraction = run_extraction(
                reports, gazetteer=gazetteer, progress=False if args.quiet else None
            )
    if not report_run(args, command, extraction):
        return None
    if args.no_merge:
        return extraction.incidents
    from mapper.merge import merge_incidents

    raw = extraction.incidents
    with phase(args, "merging", "merged", "mentions", len(raw)):
        return merge_incidents(raw, gazetteer=gazetteer, client=client)


def _without(reports: ReportSet, output: Path) -> ReportSet:
    """Leave out the output table itself: a re-run into the report folder must not read it."""
    # os.path.realpath, unlike Path.resolve() on Python 3.11, does not raise on a link loop.
    target = os.path.realpath(output)

    def other(path: str) -> bool:  # nor a part of a Parquet folder it replaces
        real = os.path.realpath(path)
        return real != target and not real.startswith(target + os.sep)

    return ReportSet(
        reports=[r for r in reports.reports if other(r.path)],
        problems=[p for p in reports.problems if other(p.path)],
        warnings=reports.warnings,
    )


def report_run(args: argparse.Namespace, command: str, extraction: ExtractionResult) -> bool:
    """Print the run's summary; False when no report could be read (said so).

    Raises
    ------
    StrictError
        Under ``--strict``, when an input could not be used.
    """
    if args.quiet:
        lines = problem_lines(extraction.outcomes, extraction.warnings)
    else:
        lines = format_summary(extraction.outcomes, extraction.warnings).split("\n")
    for line in lines:
        print(line, file=sys.stderr)
    if extraction.n_reports == 0:
        print(f"mapper {command}: error: no report could be read; nothing written", file=sys.stderr)
        return False
    check_strict(args, extraction.outcomes)
    return True
