"""``mapper extract`` in one process with memory that does not grow with the reports.

A run that writes the raw mentions (``--no-merge``) to a ``.csv`` or ``.jsonl`` table
or a Parquet folder (:mod:`mapper.table.dataset`),
with no filter and no cluster, reads, extracts and writes a part of the corpus at a
time (:func:`mapper.scale.extract_corpus` with no client, writing into a
:class:`mapper.table.TableStream`).
The table and the summary are the ones the run gives holding everything; the file
replaces the target only when the run completes (not when no report could be read,
nor when ``--strict`` stops it). Any other run holds its table, as merging,
filtering and the other formats need the whole of it.
"""

from __future__ import annotations

import argparse
import sys

from mapper.cli.progress import counted, phase
from mapper.cli.scale_options import wants_cluster
from mapper.table import TableStream, streamable


def streams(args: argparse.Namespace) -> bool:
    """Whether ``mapper extract`` with *args* streams its table."""
    filters = (getattr(args, name, None) for name in ("since", "until", "weapon"))
    return (
        bool(getattr(args, "no_merge", False))
        and getattr(args, "format", "table") == "table"
        and streamable(args.output)
        and not wants_cluster(args)
        and not any(filters)
    )


def run_streaming(args: argparse.Namespace) -> int:
    """Run a streaming ``mapper extract``; the exit status."""
    from gazetteer import load_gazetteer
    from mapper.cli.extract import report_run
    from mapper.cli.inputs import check_paths
    from mapper.scale import extract_corpus

    check_paths(args.paths)
    gazetteer = load_gazetteer(*args.gazetteer)
    with (
        TableStream(args.output) as table,
        phase(args, "reading, extracting and writing", "extracted", "reports") as streaming,
    ):
        extraction = extract_corpus(
            args.paths,
            gazetteer=gazetteer,
            published=args.published,
            exclude=(args.output, *sorted(args.output.glob("*.parquet"))),
            progress=False if args.quiet else None,
            write=table.write,
        )
        streaming.count = extraction.n_reports
        if not report_run(args, "extract", extraction):
            return 2
        table.commit()
    if not args.quiet:
        print(f"wrote {counted(table.rows, 'incident row')} to {args.output}", file=sys.stderr)
    return 0
