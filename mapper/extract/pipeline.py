"""Driving extraction over many reports, and accounting for what each one gave.

The per-report step, :func:`extract_one`, is pure and shares no state, so the loop
in :func:`run_extraction` can later become a Dask bag or partition map unchanged.
A report whose extraction raises is recorded as ``failed`` with the reason, and
the run goes on: one odd text must not cost a long run its other reports.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from mapper.errors import ReportError
from mapper.extract.posts import signed_posts
from mapper.extract.publication import check_date, unresolved_warning
from mapper.read import Report, ReportSet, read_reports
from mapper.table import check_figures, incident_frame

if TYPE_CHECKING:
    from gazetteer import Gazetteer

#: ``Outcome.status`` values, in the order the summary counts them.
STATUSES: tuple[str, ...] = ("incidents", "none", "unreadable", "failed")

#: Report fields copied onto every incident row. ``published`` is kept beside the
#: documented columns because merging uses it to tell follow-ups from first reports.
REPORT_COLUMNS: tuple[str, ...] = ("title", "url", "source", "published")

Source = ReportSet | Iterable[Report] | str | Path | Sequence[str | Path]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one report (or one unreadable input) gave.

    ``status`` is ``"incidents"`` (``n_incidents`` > 0), ``"none"``, ``"unreadable"``
    (the input gave no report; ``reason`` says why) or ``"failed"`` (extraction
    raised; ``reason`` names the error). ``warnings`` name the relative dates its
    publication date left unresolved, and the implausible figures
    (:func:`~mapper.table.check_figures`) and dates after publication
    (:func:`~mapper.extract.publication.check_date`) that were left empty.
    """

    report_id: str | None
    path: str
    line: int | None
    status: str
    n_incidents: int = 0
    reason: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        """``path:line``, or the path alone."""
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    def __reduce__(self) -> tuple[type[Outcome], tuple[Any, ...]]:
        # A part's outcomes travel from a worker: rebuilt from their fields in order (the
        # slots are the fields), a third of the time a frozen dataclass's state by name
        # takes.
        return Outcome, tuple(map(self.__getattribute__, self.__slots__))


@dataclass(slots=True)
class Tally:
    """Outcomes counted instead of kept: what a summary needs of a run too long to hold
    an outcome a report.

    ``counts`` has the outcomes of each status, ``incidents`` their incidents, and
    ``named`` the outcomes a summary names (``unreadable`` and ``failed``), in order.
    ``len()`` is the number of outcomes counted.
    """

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    incidents: int = 0
    named: list[Outcome] = field(default_factory=list)

    @classmethod
    def of(cls, outcomes: Iterable[Outcome]) -> Tally:
        """The tally of *outcomes*."""
        tally = cls()
        for outcome in outcomes:
            tally.add(outcome)
        return tally

    def add(self, outcome: Outcome) -> None:
        """Count *outcome*, keeping it if a summary names it."""
        self.counts[outcome.status] += 1
        self.incidents += outcome.n_incidents
        if outcome.status in _NAMED:
            self.named.append(outcome)

    def extend(self, later: Tally) -> None:
        """Count the outcomes of *later*, which come after these."""
        for status, count in later.counts.items():
            self.counts[status] += count
        self.incidents += later.incidents
        self.named.extend(later.named)

    @property
    def n_reports(self) -> int:
        """Reports that were read (whatever they gave)."""
        return len(self) - self.counts["unreadable"]

    def __len__(self) -> int:
        return sum(self.counts.values())


#: The statuses of the outcomes a summary names one by one.
_NAMED = ("unreadable", "failed")


@dataclass(frozen=True, slots=True)
class Extraction:
    """The result of a run: the raw incident table and one outcome per input."""

    incidents: pd.DataFrame
    outcomes: list[Outcome]
    warnings: list[ReportError] = field(default_factory=list)

    @property
    def n_reports(self) -> int:
        """Reports that were read (whatever they gave)."""
        return sum(outcome.status != "unreadable" for outcome in self.outcomes)


def extract(
    reports: Source, *, gazetteer: Gazetteer | None = None, progress: bool | None = None
) -> pd.DataFrame:
    """Extract every incident mention from some reports.

    Parameters
    ----------
    reports
        A :class:`~mapper.ReportSet`, any iterable of :class:`~mapper.Report`, or
        files and folders for :func:`~mapper.read_reports` (to date reports that give
        no publication date, read them with its ``published=`` first).
    gazetteer
        Places to resolve names against; the bundled gazetteer when None.
    progress
        Show a progress bar on stderr; by default only when stderr is a terminal.

    Returns
    -------
    pandas.DataFrame
        One row per incident mention with the columns of :mod:`mapper.table.schema`,
        ``incident_id`` ``<report_id>-<n>`` in text order, and the report's
        ``title``, ``url``, ``source`` and ``published``. Use
        :func:`run_extraction` to also learn which reports gave nothing.
    """
    return run_extraction(reports, gazetteer=gazetteer, progress=progress).incidents


def run_extraction(
    reports: Source, *, gazetteer: Gazetteer | None = None, progress: bool | None = None
) -> Extraction:
    """Extract incidents and account for every report; see :func:`extract`.

    Returns
    -------
    Extraction
        ``.incidents`` (the table), ``.outcomes`` (one :class:`Outcome` per
        unreadable input, then one per report in report order) and ``.warnings``.
    """
    report_set = _as_report_set(reports)
    if gazetteer is None:
        from gazetteer import default_gazetteer

        gazetteer = default_gazetteer()
    rows: list[dict[str, Any]] = []
    outcomes = [_unreadable(problem) for problem in report_set.problems]
    for report_rows, outcome in _progress(
        (extract_one(report, gazetteer) for report in report_set.reports),
        total=len(report_set.reports),
        enabled=progress,
    ):
        rows.extend(report_rows)
        outcomes.append(outcome)
    incidents = incident_frame(rows)
    for column in REPORT_COLUMNS:
        if column not in incidents.columns:  # no rows: keep the table's shape anyway
            incidents[column] = pd.Series(dtype="string")
        incidents[column] = incidents[column].astype("string")
    figures = [ReportError(o.path, w, line=o.line) for o in outcomes for w in o.warnings]
    return Extraction(incidents, outcomes, [*report_set.warnings, *figures])


def extract_one(report: Report, gazetteer: Gazetteer) -> tuple[list[dict[str, Any]], Outcome]:
    """Extract one report's incident rows and its outcome; pure, so it can run anywhere."""
    from mapper.extract.report import extract_report

    try:
        found = extract_report(report, gazetteer)
    except Exception as error:  # recorded in the outcome, never swallowed
        reason = f"extraction failed: {type(error).__name__}: {error}"
        return [], Outcome(report.report_id, report.path, report.line, "failed", 0, reason)
    rows = [
        {
            **row,
            "report_id": report.report_id,
            "incident_id": f"{report.report_id}-{number}",
            **{column: getattr(report, column) for column in REPORT_COLUMNS},
        }
        for number, row in enumerate(found, start=1)
    ]
    rows, warnings = _checked(rows, report)
    status = "incidents" if rows else "none"
    return rows, Outcome(
        report.report_id, report.path, report.line, status, len(rows), warnings=warnings
    )


def _checked(
    rows: list[dict[str, Any]], report: Report
) -> tuple[list[dict[str, Any]], tuple[str, ...]]:
    """The rows with what cannot be right left empty, and the warnings that say so.

    A figure past the ceiling is a misreading (and past 2**63 it would sink the table);
    a date after publication cannot be the attack's. The report's relative dates that
    its publication date leaves unresolved are named first.
    """
    unresolved = unresolved_warning(report.text, report.title, report.published)
    warnings = [] if unresolved is None else [unresolved]
    kept = []
    posts = signed_posts(report.text)
    for row in rows:
        row, figures = check_figures(row)
        row, dates = check_date(row, report.published, posts)
        warnings.extend(f"incident {row['incident_id']}: {w}" for w in (*figures, *dates))
        kept.append(row)
    return kept, tuple(warnings)


def _as_report_set(reports: Source) -> ReportSet:
    """Accept a ReportSet, Reports, or paths to read."""
    if isinstance(reports, ReportSet):
        return reports
    if isinstance(reports, str | Path):
        return read_reports(reports)
    items = list(reports)
    if all(isinstance(item, Report) for item in items):
        return ReportSet(reports=items)  # type: ignore[arg-type]
    if all(isinstance(item, str | Path) for item in items):
        return read_reports(items)  # type: ignore[arg-type]
    raise TypeError("reports must be a ReportSet, Reports, or file and folder paths")


def _unreadable(problem: ReportError) -> Outcome:
    return Outcome(None, problem.path, problem.line, "unreadable", 0, problem.reason)


def _progress(
    results: Iterator[tuple[list[dict[str, Any]], Outcome]], *, total: int, enabled: bool | None
) -> Iterator[tuple[list[dict[str, Any]], Outcome]]:
    """Pass *results* through, showing reports done, incidents found and the rate."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield from results
        return
    from tqdm import tqdm

    found = 0
    with tqdm(total=total, unit="report", file=sys.stderr, dynamic_ncols=True) as bar:
        for item in results:
            found += item[1].n_incidents
            bar.set_postfix(incidents=found, refresh=False)
            bar.update()
            yield item


def format_summary(
    outcomes: Sequence[Outcome] | Tally, warnings: Iterable[ReportError] = ()
) -> str:
    """Describe a run in a few lines: counts, then each input that gave nothing.

    *outcomes* may be a :class:`Tally` of them, as a streamed run keeps.

    Examples
    --------
    >>> print(format_summary([Outcome("a", "a.md", None, "incidents", 2),
    ...                       Outcome(None, "b.csv", 4, "unreadable", 0, "no report text")]))
    2 reports: 1 with incidents (2 incidents), 0 with none, 1 unreadable
    b.csv:4: unreadable: no report text
    """
    tally = outcomes if isinstance(outcomes, Tally) else Tally.of(outcomes)
    counts = tally.counts
    head = (
        f"{_plural(len(tally), 'report')}: {counts['incidents']} with incidents "
        f"({_plural(tally.incidents, 'incident')}), {counts['none']} with none, "
        f"{counts['unreadable']} unreadable"
    )
    if counts["failed"]:
        head += f", {counts['failed']} failed"
    lines = [head, *problem_lines(tally, warnings)]
    return "\n".join(lines)


def problem_lines(
    outcomes: Sequence[Outcome] | Tally, warnings: Iterable[ReportError] = ()
) -> list[str]:
    """One ``path:line: status: reason`` line per input that gave nothing, then warnings."""
    lines = [f"{o.where}: {o.status}: {o.reason}" for o in named_outcomes(outcomes)]
    for warning in warnings:
        where = f"{warning.path}:{warning.line}" if warning.line is not None else warning.path
        lines.append(f"{where}: warning: {warning.reason}")
    return [_printable(line) for line in lines]


def named_outcomes(outcomes: Sequence[Outcome] | Tally) -> list[Outcome]:
    """The outcomes of inputs that gave nothing (``unreadable``, ``failed``), in order."""
    if isinstance(outcomes, Tally):
        return outcomes.named
    return [outcome for outcome in outcomes if outcome.status in _NAMED]


def _printable(line: str) -> str:
    """Escape control characters: file names and reasons come from untrusted input."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in line)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
