"""A whole corpus over Dask: plan the parts, extract them on the workers, combine.

:func:`extract_corpus` walks the inputs once on the client (files, folders, globs,
Parquet footers: no report is read there), sends each :class:`~mapper.read.ReportPart`
to a worker as one task, and combines the results in reading order
(:func:`~mapper.scale.combine.combine_parts`), so the table and the summary are the
single-process run's. Without a client the parts run one after another in this
process, with no Dask at all; given a writer, each part's rows go to it as they come,
so that only the accounting is held (a single process that streams).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from gazetteer import Gazetteer
from mapper.read import CorpusPlan, plan_parts
from mapper.scale.combine import CorpusExtraction, PartCombiner, combine_parts
from mapper.scale.partition import GazetteerSpec, PartResult, extract_part, incident_meta
from mapper.scale.trim import trim_memory
from mapper.table import EncodedRows

if TYPE_CHECKING:
    from distributed import Client

#: Reports a part aims at when the corpus is cut for workers.
PART_REPORTS = 500


def extract_corpus(
    paths: str | Path | Iterable[str | Path],
    *,
    client: Client | None = None,
    gazetteer: Gazetteer | Iterable[str | Path] | None = None,
    published: str | dt.date | None = None,
    exclude: Iterable[str | Path] = (),
    part_reports: int = PART_REPORTS,
    progress: bool | None = None,
    write: Callable[[Any], object] | None = None,
    encode: Callable[[pd.DataFrame], EncodedRows] | None = None,
) -> CorpusExtraction:
    """Extract every incident of a corpus on a Dask cluster, accounting for every report.

    Parameters
    ----------
    paths
        Files, folders and globs, as for :func:`~mapper.read_reports`: report files,
        CSV, JSON Lines (``.jsonl.gz`` too) and Parquet tables.
    client
        A ``distributed.Client``; None runs the parts one after another here.
    gazetteer
        A :class:`~gazetteer.Gazetteer` (sent to each worker once), gazetteer files
        to layer over the bundled one (each worker loads them once), or None.
    published
        The publication date of reports that give none, as for
        :func:`~mapper.read_reports`.
    exclude
        Files never read (the table about to be written).
    part_reports
        Reports a task aims at; Parquet files are cut by row group.
    progress
        A progress bar of parts done on stderr; by default when it is a terminal.
    write
        When given, called with each part's raw incident rows in reading order, as
        soon as they are in (an empty table for a part without any, and once when
        there is no part), instead of gathering them: no part's rows or reports are
        held beyond it, only the accounting (:class:`mapper.table.TableStream`'s
        ``write`` streams them to a file). The outcomes are then counted, not kept
        (a :class:`~mapper.extract.Tally`), and the ids and warnings are kept on disk
        (:mod:`mapper.scale.ledger`): memory does not grow with the reports.
    encode
        With *write*: what each part's rows are turned into where they are extracted
        (on the workers), before *write* is given them (a
        :class:`mapper.table.TableStream`'s ``encoder``, for its ``write``).

    Returns
    -------
    CorpusExtraction
        ``.incidents``, ``.outcomes``, ``.warnings`` and ``.n_reports``, equal to
        :func:`~mapper.extract.run_extraction` on the same inputs; with *write*,
        ``.incidents`` is empty (the rows went to *write*) and ``.outcomes`` is a
        :class:`~mapper.extract.Tally`, which :func:`~mapper.extract.format_summary`
        prints the same.

    Examples
    --------
    >>> from distributed import Client, LocalCluster  # doctest: +SKIP
    >>> with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, \\
    ...         Client(cluster) as client:  # doctest: +SKIP
    ...     run = extract_corpus(["archive/2021-*.parquet"], client=client)
    >>> print(format_summary(run.outcomes, run.warnings))  # doctest: +SKIP
    """
    plan = plan_parts(paths, exclude=exclude, part_reports=part_reports)
    spec: GazetteerSpec = (
        gazetteer
        if gazetteer is None or isinstance(gazetteer, Gazetteer)
        else tuple(str(path) for path in gazetteer)
    )
    encode = None if write is None else encode
    if client is None:
        results: Iterator[PartResult] = (
            extract_part(part, gazetteer=spec, published=published, encode=encode)
            for part in plan.parts
        )
    else:
        results = _on_cluster(client, plan, spec, published, encode)
    shown = show_progress(results, total=len(plan.parts), enabled=progress)
    if write is None:
        return combine_parts(list(shown), problems=plan.problems, warnings=plan.warnings)
    combiner = PartCombiner(problems=plan.problems, warnings=plan.warnings, keep_outcomes=False)
    empty = incident_meta()
    if not plan.parts:
        write(empty if encode is None else encode(empty))
    for result in shown:
        write(combiner.add(result))
        del result
        trim_memory()
    return combiner.extraction(empty)


def _on_cluster(
    client: Client,
    plan: CorpusPlan,
    spec: GazetteerSpec,
    published: str | dt.date | None,
    encode: Callable[[pd.DataFrame], EncodedRows] | None,
) -> Iterator[PartResult]:
    """Each part's result, in plan order, as the cluster finishes them."""
    from distributed import as_completed

    gazetteer: Any = spec
    if isinstance(spec, Gazetteer):
        gazetteer = client.scatter(spec, broadcast=True)
    futures = client.map(
        extract_part,
        plan.parts,
        gazetteer=gazetteer,
        published=published,
        encode=encode,
        pure=False,
    )
    order = {future.key: index for index, future in enumerate(futures)}
    finished: dict[int, PartResult] = {}
    following = 0
    try:
        for future in as_completed(futures):
            finished[order[future.key]] = future.result()
            future.release()
            while following in finished:
                yield finished.pop(following)
                following += 1
    finally:
        client.cancel(futures)


def show_progress(
    results: Iterator[PartResult], *, total: int, enabled: bool | None
) -> Iterator[PartResult]:
    """Pass *results* through, showing parts done, reports and incidents, and the rate."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield from results
        return
    from tqdm import tqdm

    reports = incidents = 0
    with tqdm(total=total, unit="part", file=sys.stderr, dynamic_ncols=True) as bar:
        for result in results:
            reports += len(result.outcomes)
            incidents += len(result.incidents)
            bar.set_postfix(reports=reports, incidents=incidents, refresh=False)
            bar.update()
            yield result
