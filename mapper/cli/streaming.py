"""``mapper extract`` in one process with memory that does not grow with the reports.

A run that writes the raw mentions (``--no-merge``) to a ``.csv`` or ``.jsonl`` table
or a Parquet folder (:mod:`mapper.table.dataset`), with no filter, reads, extracts and
writes a part of the corpus at a time (:func:`mapper.scale.extract_corpus` writing into
a :class:`mapper.table.TableStream`). On a cluster (``--workers``, ``--scheduler``) the
workers read and extract, and this process writes each part's rows as they come, while
the workers go on with the next parts, instead of the whole table at the end.
The table and the summary are the ones the run gives holding everything; the file
replaces the target only when the run completes (not when no report could be read,
nor when ``--strict`` stops it). Any other run holds its table, as merging,
filtering and the other formats need the whole of it.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from typing import Any

from mapper.cli.progress import counted, phase
from mapper.cli.scale_options import open_client, wants_cluster
from mapper.table import TableStream, streamable


def streams(args: argparse.Namespace) -> bool:
    """Whether ``mapper extract`` with *args* streams its table."""
    filters = (getattr(args, name, None) for name in ("since", "until", "weapon"))
    return (
        bool(getattr(args, "no_merge", False))
        and getattr(args, "format", "table") == "table"
        and streamable(args.output)
        and not any(filters)
    )


def run_streaming(args: argparse.Namespace) -> int:
    """Run a streaming ``mapper extract``, on a cluster if asked; the exit status."""
    from gazetteer import load_gazetteer
    from mapper.cli.inputs import check_paths

    check_paths(args.paths)
    with contextlib.ExitStack() as stack:
        if not wants_cluster(args):
            return _stream(args, None, load_gazetteer(*args.gazetteer))
        client = stack.enter_context(open_client(workers=args.workers, scheduler=args.scheduler))
        # The workers load the gazetteer files once each: it is not sent to them.
        return _stream(args, client, args.gazetteer or None)


def _stream(args: argparse.Namespace, client: Any, gazetteer: Any) -> int:
    """Read, extract and write part by part, on *client*'s cluster if any."""
    from mapper.cli.extract import report_run
    from mapper.scale import extract_corpus

    with (
        TableStream(args.output) as table,
        phase(args, "reading, extracting and writing", "extracted", "reports") as streaming,
    ):
        extraction = extract_corpus(
            args.paths,
            client=client,
            gazetteer=gazetteer,
            published=args.published,
            exclude=(args.output, *sorted(args.output.glob("*.parquet"))),
            progress=False if args.quiet else None,
            write=table.write,
            encode=table.encoder,
        )
        streaming.count = extraction.n_reports
        if not report_run(args, "extract", extraction):
            return 2
        table.commit()
    if not args.quiet:
        print(f"wrote {counted(table.rows, 'incident row')} to {args.output}", file=sys.stderr)
    return 0
