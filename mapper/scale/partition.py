"""Extraction of one partition of reports: a pandas frame in, its incident rows out.

:func:`extract_partition` is what a Dask user maps over a frame of reports
(``reports_ddf.map_partitions(mapper.extract_partition, meta=mapper.incident_meta())``).
:func:`extract_part` is what ``extract_corpus`` runs on a worker: it reads one
:class:`~mapper.read.ReportPart` and extracts it, keeping the outcome of every report
so the run summary can be put together from all parts. Neither imports Dask.

The gazetteer is loaded once per worker process (:func:`worker_gazetteer`): a part
names it by its files, or not at all for the bundled one, and never carries it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from gazetteer import Gazetteer, load_gazetteer
from mapper.errors import ReportError
from mapper.extract import run_extraction
from mapper.read import ReportPart, ReportSet, read_frame, read_part
from mapper.table import EncodedRows

#: How a gazetteer travels to a worker: None for the bundled one, the files to layer
#: over it, or the object itself (scattered once by ``extract_corpus``).
GazetteerSpec = Gazetteer | tuple[str, ...] | None
#: A :class:`~mapper.ReportError` as plain values ``(path, reason, line)``: it pickles.
Problem = tuple[str, str, int | None]


@dataclass(frozen=True, slots=True)
class PartResult:
    """What one part gave: its incident rows and what became of every input in it.

    ``incidents`` is the raw table, or its rows as a stream writes them when the part
    was given an encoder; ``outcomes`` has one ``Outcome`` per report read
    (``mapper.extract``'s), in order;
    ``problems`` the inputs that gave no report and ``warnings`` what a report lost in
    reading, both as :data:`Problem` tuples.
    """

    files: tuple[str, ...]
    incidents: pd.DataFrame | EncodedRows
    outcomes: list[Any]
    problems: list[Problem]
    warnings: list[Problem]


def extract_partition(
    frame: pd.DataFrame,
    *,
    gazetteer: GazetteerSpec = None,
    published: str | dt.date | None = None,
    label: str = "frame",
) -> pd.DataFrame:
    """Extract the incident mentions of a frame of reports, one report a row.

    Parameters
    ----------
    frame
        Columns ``id``, ``published``, ``title``, ``url``, ``source`` and ``text``
        (only ``text`` is required); for example a partition of a Dask DataFrame read
        from Parquet.
    gazetteer
        A :class:`~gazetteer.Gazetteer`, gazetteer files to layer over the bundled
        one (loaded once per process), or None for the bundled one.
    published
        The publication date of rows that give none, as for :func:`~mapper.read_reports`.
    label
        Names the frame in problems; a row without an id gets ``<label>-<row>``.

    Returns
    -------
    pandas.DataFrame
        The raw incident table of :func:`mapper.extract`, columns and dtypes as
        :func:`incident_meta`. Rows without text, and second uses of an id within the
        frame, give no incident (use ``extract_corpus`` for the accounting).

    Examples
    --------
    >>> import pandas as pd, mapper
    >>> frame = pd.DataFrame({"id": ["k1"], "published": ["2020-11-18"],
    ...     "text": ["Three rockets struck the Green Zone in Baghdad on Tuesday."]})
    >>> mapper.extract_partition(frame)[["incident_id", "place", "weapon"]].to_dict("records")
    [{'incident_id': 'k1-1', 'place': 'Green Zone', 'weapon': 'rocket'}]
    """
    reports = read_frame(frame, label=label, published=published)
    reports.problems = []  # the frame's own accounting is the caller's
    return run_extraction(reports, gazetteer=worker_gazetteer(gazetteer), progress=False).incidents


def incident_meta() -> pd.DataFrame:
    """An empty raw incident table: the ``meta=`` of ``map_partitions(extract_partition)``."""
    return run_extraction(ReportSet(), gazetteer=_EMPTY, progress=False).incidents


def extract_part(
    part: ReportPart,
    *,
    gazetteer: GazetteerSpec = None,
    published: str | dt.date | None = None,
    encode: Callable[[pd.DataFrame], EncodedRows] | None = None,
) -> PartResult:
    """Read and extract one part of a corpus; pure, so it runs on any worker.

    With *encode* (:attr:`mapper.table.TableStream.encoder`), the rows come back as
    the text the table is written with, made here rather than where it is written.
    """
    reports = read_part(part, published=published)
    problems = [_plain(problem) for problem in reports.problems]
    warnings = [_plain(warning) for warning in reports.warnings]
    reports.problems, reports.warnings = [], []
    extraction = run_extraction(reports, gazetteer=worker_gazetteer(gazetteer), progress=False)
    rows = extraction.incidents if encode is None else encode(extraction.incidents)
    return PartResult(part.files, rows, extraction.outcomes, problems, warnings)


def worker_gazetteer(spec: GazetteerSpec) -> Gazetteer:
    """The gazetteer *spec* names, loaded once per process when given by its files."""
    if isinstance(spec, Gazetteer):
        return spec
    return _load(tuple(spec or ()))


def unreadable_outcomes(problems: list[ReportError]) -> list[Any]:
    """The ``unreadable`` outcome of each problem, as the single-process run gives them."""
    return run_extraction(ReportSet(problems=problems), gazetteer=_EMPTY, progress=False).outcomes


@lru_cache(maxsize=4)
def _load(files: tuple[str, ...]) -> Gazetteer:
    return load_gazetteer(*files)


def _plain(error: ReportError) -> Problem:
    return (error.path, error.reason, error.line)


#: No places: for tables with no reports to resolve.
_EMPTY = Gazetteer([])
