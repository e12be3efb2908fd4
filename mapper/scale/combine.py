"""Putting part results back together: one summary, one table, ids unique across parts.

Parts are combined in reading order, so the table and the summary come out as the
single-process run gives them. What walking the inputs found comes first; a problem or
warning that several parts met (a folder's ``index.csv`` is read by each part holding
one of its files) is kept once; a report id that an earlier part already used is a
problem naming both places, and the later report gives no rows, as
:func:`~mapper.read_reports` does within one run.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import pandas as pd

from mapper.errors import ReportError
from mapper.scale.partition import PartResult, Problem, incident_meta, unreadable_outcomes


class ExtractionResult(Protocol):
    """What a run gives, on one process or many: a :class:`CorpusExtraction`, or the
    ``Extraction`` of :func:`~mapper.extract.run_extraction`."""

    @property
    def incidents(self) -> pd.DataFrame: ...

    @property
    def outcomes(self) -> Sequence[Any]: ...

    @property
    def warnings(self) -> Sequence[ReportError]: ...

    @property
    def n_reports(self) -> int: ...


@dataclass(frozen=True, slots=True)
class CorpusExtraction:
    """A corpus extracted in parts: what :func:`~mapper.extract.run_extraction` gives.

    ``incidents`` is the raw table, ``outcomes`` one ``Outcome`` per input (the
    unreadable ones first, then each report in reading order) and ``warnings`` what
    reports lost; :func:`~mapper.extract.format_summary` prints them.
    """

    incidents: pd.DataFrame
    outcomes: list[Any] = field(default_factory=list)
    warnings: list[ReportError] = field(default_factory=list)

    @property
    def n_reports(self) -> int:
        """Reports that were read (whatever they gave)."""
        return sum(outcome.status != "unreadable" for outcome in self.outcomes)


def combine_parts(
    results: Iterable[PartResult],
    *,
    problems: Iterable[ReportError] = (),
    warnings: Iterable[ReportError] = (),
) -> CorpusExtraction:
    """Combine part results, in reading order, into one extraction.

    Parameters
    ----------
    results
        Every part's result, in the order of the parts.
    problems, warnings
        What walking the inputs found (missing inputs, link loops); they come first.
    """
    combiner = PartCombiner(problems=problems, warnings=warnings)
    frames = [frame for frame in map(combiner.add, results) if len(frame)]
    incidents = pd.concat(frames, ignore_index=True) if frames else incident_meta()
    return combiner.extraction(incidents)


class PartCombiner:
    """Part results taken one at a time, in reading order: :func:`combine_parts` for a
    caller that writes each part's rows as they come instead of holding them."""

    def __init__(
        self, *, problems: Iterable[ReportError] = (), warnings: Iterable[ReportError] = ()
    ) -> None:
        self.problems = _Unique(problems)
        self.warnings = _Unique(warnings)
        # id -> the outcome of its first use (kept anyway), not its place as text: a
        # streamed run holds this for every report.
        self.first_use: dict[str, Any] = {}
        self.outcomes: list[Any] = []

    def add(self, result: PartResult) -> pd.DataFrame:
        """Account for a part's reports; its incident rows, without those of reports
        whose id an earlier part used."""
        # A part names its own first use of an id it holds twice; an earlier part's is
        # the first use of the run.
        first_use = self.first_use
        part_problems = [
            ReportError(path, _first_of_run(reason, first_use), line=line)
            for path, reason, line in result.problems
        ]
        ranks = {name: rank for rank, name in enumerate(result.files)}
        dropped: set[str] = set()
        for outcome in result.outcomes:
            first = first_use.get(outcome.report_id)
            if first is None:
                first_use[outcome.report_id] = outcome
                self.outcomes.append(outcome)
                continue
            reason = (
                f"duplicate report id {outcome.report_id!r} (first used by {first.where}); "
                "not read: rename the file or give it its own id"
            )
            _insert(part_problems, ReportError(outcome.path, reason, line=outcome.line), ranks)
            dropped.add(outcome.report_id)
        self.problems.extend(part_problems)
        self.warnings.extend(
            ReportError(path, reason, line=line) for path, reason, line in result.warnings
        )
        frame = result.incidents
        return frame[~frame["report_id"].isin(dropped)] if dropped else frame

    def extraction(self, incidents: pd.DataFrame) -> CorpusExtraction:
        """The extraction of every part added, with *incidents* as its table."""
        outcomes = self.outcomes
        figures = [ReportError(o.path, w, line=o.line) for o in outcomes for w in o.warnings]
        return CorpusExtraction(
            incidents,
            [*unreadable_outcomes(self.problems.items), *outcomes],
            [*self.warnings.items, *figures],
        )


def _insert(problems: list[ReportError], new: ReportError, ranks: dict[str, int]) -> None:
    """Put *new* where reading order puts it: after the problems of earlier files and lines."""
    key = (ranks.get(new.path, -1), new.line or 0)
    for index, problem in enumerate(problems):
        rank = ranks.get(problem.path)
        if rank is not None and (rank, problem.line or 0) > key:
            problems.insert(index, new)
            return
    problems.append(new)


class _Unique:
    """Errors in first-seen order, each ``(path, line, reason)`` once."""

    def __init__(self, errors: Iterable[ReportError] = ()) -> None:
        self.items: list[ReportError] = []
        self._seen: set[Problem] = set()
        self.extend(errors)

    def extend(self, errors: Iterable[ReportError]) -> None:
        for error in errors:
            key = (error.path, error.reason, error.line)
            if key not in self._seen:
                self._seen.add(key)
                self.items.append(error)


_DUPLICATE = re.compile(r"^duplicate report id (?P<id>.+?) \(first used by (?P<where>.+?)\); ")


def _first_of_run(reason: str, first_use: dict[str, Any]) -> str:
    """*reason*, naming the run's first use of a duplicate id when an earlier part had it."""
    found = _DUPLICATE.match(reason)
    if found is None:
        return reason
    try:
        report_id = ast.literal_eval(found["id"])
    except (ValueError, SyntaxError):
        return reason
    first = first_use.get(report_id) if isinstance(report_id, str) else None
    if first is None:
        return reason
    start, end = found.span("where")
    return reason[:start] + first.where + reason[end:]
