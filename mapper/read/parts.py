"""A corpus cut into parts that can be read apart: for workers, or a chunk at a time.

:func:`plan_parts` walks the inputs once (as :func:`~mapper.read_reports` does) and
cuts the files, in their reading order, into :class:`ReportPart` s: a run of small
files, one CSV or JSON Lines table, or a few row groups of a Parquet file (read from
its footer, never its rows). :func:`read_part` reads one part exactly as
:func:`~mapper.read_reports` would have read those files, folder ``index.csv`` and
all; reading every part in order gives the same reports, problems and warnings,
except that a report id used again in a later part is only caught when the parts
are put back together (``mapper.scale`` does that, naming both places).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mapper.errors import ReportError
from mapper.read.columnar import (
    binary_reader,
    expand_globs,
    frame_entries,
    parquet_row_counts,
    read_parquet,
)
from mapper.read.fields import Entry
from mapper.read.published import Dating
from mapper.read.reports import MAX_TABLE_BYTES, READERS, ReportSet, read_files
from mapper.read.reports import _report as settle_report
from mapper.read.walk import collect_files

if TYPE_CHECKING:
    import pandas as pd

#: Reports a part aims at: enough to keep a worker busy for a second or so.
PART_REPORTS = 1000


@dataclass(frozen=True, slots=True)
class ReportPart:
    """Some files to read together, or some row groups of one Parquet file.

    ``size`` is the number of reports expected (a file counts one, a table its rows
    when known), for progress and balance only.
    """

    files: tuple[str, ...]
    row_groups: tuple[int, ...] | None = None
    size: int = 0


@dataclass(slots=True)
class CorpusPlan:
    """The parts of a corpus, and what walking it found (missing inputs, link loops)."""

    parts: list[ReportPart] = field(default_factory=list)
    problems: list[ReportError] = field(default_factory=list)
    warnings: list[ReportError] = field(default_factory=list)


def plan_parts(
    paths: str | Path | Iterable[str | Path],
    *,
    exclude: Iterable[str | Path] = (),
    part_reports: int = PART_REPORTS,
) -> CorpusPlan:
    """Cut a corpus into parts of about *part_reports* reports, in reading order.

    Parameters
    ----------
    paths
        Files, folders and globs, as for :func:`~mapper.read_reports`.
    exclude
        Files never read (the table a command is about to write).
    part_reports
        Reports a part aims at. Parquet files are cut by row group; a CSV or JSON
        Lines table is one part; small files are grouped.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    plan = CorpusPlan()
    left_out = {os.path.realpath(path) for path in exclude}
    files = [
        path
        for path in collect_files(expand_globs(paths), plan.problems, plan.warnings)
        if os.path.realpath(path) not in left_out
    ]
    run: list[str] = []

    def close_run() -> None:
        if run:
            plan.parts.append(ReportPart(tuple(run), size=len(run)))
            run.clear()

    for path in files:
        if path.name.lower().endswith(".parquet"):
            close_run()
            plan.parts.extend(_parquet_parts(path, part_reports))
        elif binary_reader(path) is not None or _is_table(path):
            close_run()
            plan.parts.append(ReportPart((str(path),), size=part_reports))
        else:
            run.append(str(path))
            if len(run) >= part_reports:
                close_run()
    close_run()
    return plan


def read_part(part: ReportPart, *, published: str | dt.date | None = None) -> ReportSet:
    """Read one part as :func:`~mapper.read_reports` reads those files (see the module)."""
    result = ReportSet()
    dating = Dating.for_run(published)
    files = [Path(name) for name in part.files]
    if part.row_groups is None:
        read_files(files, result, dating)
    else:
        groups = part.row_groups

        def read_groups(path: Path, warnings: list[ReportError]) -> list[Entry | ReportError]:
            return read_parquet(path, groups)

        read_files(files, result, dating, read_groups)
    return result


def read_frame(
    frame: pd.DataFrame, *, label: str = "frame", published: str | dt.date | None = None
) -> ReportSet:
    """Read the reports of a data frame, one a row, as a report table's rows are read.

    Parameters
    ----------
    frame
        Columns ``text`` and, when known, ``id``, ``published``, ``title``, ``url``
        and ``source``; others are ignored.
    label
        Names the frame in problems and warnings (``label:row``), and gives a row
        without an id the id ``<label>-<row>``, rows counted from 1.
    published
        As for :func:`~mapper.read_reports`.
    """
    result = ReportSet()
    dating = Dating.for_run(published)
    where = Path(label)
    seen: dict[str, int | None] = {}
    for item in frame_entries(label, frame):
        if isinstance(item, ReportError):
            result.problems.append(item)
            continue
        report = settle_report(where, item, {}, result.warnings, dating)
        if report.report_id in seen:
            reason = (
                f"duplicate report id {report.report_id!r} (first used by "
                f"{label}:{seen[report.report_id]}); not read: give it its own id"
            )
            result.problems.append(ReportError(label, reason, line=item.line))
            continue
        seen[report.report_id] = item.line
        result.reports.append(report)
    return result


def _parquet_parts(path: Path, part_reports: int) -> list[ReportPart]:
    """One part per run of row groups holding about *part_reports* rows."""
    counts = parquet_row_counts(path)
    if isinstance(counts, ReportError) or not counts or _too_large(path):
        return [ReportPart((str(path),), size=1)]  # read whole, to name what is wrong
    parts: list[ReportPart] = []
    groups: list[int] = []
    rows = 0
    for group, count in enumerate(counts):
        groups.append(group)
        rows += count
        if rows >= part_reports:
            parts.append(ReportPart((str(path),), tuple(groups), rows))
            groups, rows = [], 0
    if groups:
        parts.append(ReportPart((str(path),), tuple(groups), rows))
    return parts


def _too_large(path: Path) -> bool:
    """Whether the single-process reader refuses *path* for its size; so must a part."""
    try:
        return path.stat().st_size > MAX_TABLE_BYTES
    except OSError:
        return True


def _is_table(path: Path) -> bool:
    reader = READERS.get(path.suffix.lower())
    return reader is not None and reader.table
