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
from mapper.extract import Tally
from mapper.scale.ledger import Ledger
from mapper.scale.partition import PartResult, Problem, incident_meta, unreadable_outcomes
from mapper.table import EncodedRows


class ExtractionResult(Protocol):
    """What a run gives, on one process or many: a :class:`CorpusExtraction`, or the
    ``Extraction`` of :func:`~mapper.extract.run_extraction`."""

    @property
    def incidents(self) -> pd.DataFrame: ...

    @property
    def outcomes(self) -> Sequence[Any] | Tally: ...

    @property
    def warnings(self) -> Iterable[ReportError]: ...

    @property
    def n_reports(self) -> int: ...


@dataclass(frozen=True, slots=True)
class CorpusExtraction:
    """A corpus extracted in parts: what :func:`~mapper.extract.run_extraction` gives.

    ``incidents`` is the raw table, ``outcomes`` one ``Outcome`` per input (the
    unreadable ones first, then each report in reading order) and ``warnings`` what
    reports lost; :func:`~mapper.extract.format_summary` prints them. A streamed run
    gives a :class:`~mapper.extract.Tally` of the outcomes instead, and its warnings
    read back from disk (:class:`~mapper.scale.ledger.SpooledWarnings`).
    """

    incidents: pd.DataFrame
    outcomes: list[Any] | Tally = field(default_factory=list)
    warnings: Iterable[ReportError] = field(default_factory=list)

    @property
    def n_reports(self) -> int:
        """Reports that were read (whatever they gave)."""
        if isinstance(self.outcomes, Tally):
            return self.outcomes.n_reports
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
    frames = []
    for rows in map(combiner.add, results):
        if not isinstance(rows, pd.DataFrame):
            raise TypeError("parts encoded for a stream are for its writer, not to combine")
        if len(rows):
            frames.append(rows)
    incidents = pd.concat(frames, ignore_index=True) if frames else incident_meta()
    return combiner.extraction(incidents)


class PartCombiner:
    """Part results taken one at a time, in reading order: :func:`combine_parts` for a
    caller that writes each part's rows as they come instead of holding them.

    With *keep_outcomes* false, the outcomes are counted (a :class:`~mapper.extract.Tally`
    keeps those a summary names) and the warnings go to disk with the first use of each
    id (:class:`~mapper.scale.ledger.Ledger`): what is held does not grow with the reports.
    """

    def __init__(
        self,
        *,
        problems: Iterable[ReportError] = (),
        warnings: Iterable[ReportError] = (),
        keep_outcomes: bool = True,
    ) -> None:
        self.problems = _Unique(problems)
        self.warnings = _Unique(warnings)
        self.outcomes: list[Any] | None = [] if keep_outcomes else None
        self.tally = Tally()
        self._ledger = Ledger()

    def add(self, result: PartResult) -> pd.DataFrame | EncodedRows:
        """Account for a part's reports; its incident rows (a table, or rows encoded
        for a stream), without those of reports whose id an earlier part used."""
        # A part names its own first use of an id it holds twice; an earlier part's is
        # the first use of the run.
        ids = {o.report_id for o in result.outcomes}
        ids.update(filter(None, (_named_id(reason) for _, reason, _ in result.problems)))
        earlier = self._ledger.first_uses(ids)
        part_problems = [
            ReportError(path, _first_of_run(reason, earlier), line=line)
            for path, reason, line in result.problems
        ]
        ranks = {name: rank for rank, name in enumerate(result.files)}
        dropped: set[str] = set()
        uses: dict[str, str] = {}
        for outcome in result.outcomes:
            first = earlier.get(outcome.report_id) or uses.get(outcome.report_id)
            if first is None:
                uses[outcome.report_id] = outcome.where
                self._account(outcome)
                continue
            reason = (
                f"duplicate report id {outcome.report_id!r} (first used by {first}); "
                "not read: rename the file or give it its own id"
            )
            _insert(part_problems, ReportError(outcome.path, reason, line=outcome.line), ranks)
            dropped.add(outcome.report_id)
        self._ledger.use(uses.items())
        self.problems.extend(part_problems)
        self.warnings.extend(
            ReportError(path, reason, line=line) for path, reason, line in result.warnings
        )
        rows = result.incidents
        if not dropped:
            return rows
        if isinstance(rows, EncodedRows):
            return rows.without(dropped)
        return rows[~rows["report_id"].isin(dropped)]

    def _account(self, outcome: Any) -> None:
        """Keep or count the outcome of a report read."""
        if self.outcomes is not None:
            self.outcomes.append(outcome)
            return
        self.tally.add(outcome)
        if outcome.warnings:
            where = outcome.path, outcome.line
            self._ledger.warn(ReportError(where[0], w, line=where[1]) for w in outcome.warnings)

    def extraction(self, incidents: pd.DataFrame) -> CorpusExtraction:
        """The extraction of every part added, with *incidents* as its table."""
        unreadable = unreadable_outcomes(self.problems.items)
        outcomes = self.outcomes
        if outcomes is None:
            tally = Tally.of(unreadable)
            tally.extend(self.tally)
            return CorpusExtraction(incidents, tally, self._ledger.warnings(self.warnings.items))
        figures = [ReportError(o.path, w, line=o.line) for o in outcomes for w in o.warnings]
        return CorpusExtraction(
            incidents, [*unreadable, *outcomes], [*self.warnings.items, *figures]
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


def _named_id(reason: str) -> str | None:
    """The report id a duplicate-id problem names, or None."""
    found = _DUPLICATE.match(reason)
    if found is None:
        return None
    try:
        report_id = ast.literal_eval(found["id"])
    except (ValueError, SyntaxError):
        return None
    return report_id if isinstance(report_id, str) else None


def _first_of_run(reason: str, first_use: dict[str, str]) -> str:
    """*reason*, naming the run's first use of a duplicate id when an earlier part had it."""
    report_id = _named_id(reason)
    first = None if report_id is None else first_use.get(report_id)
    if first is None:
        return reason
    found = _DUPLICATE.match(reason)
    assert found is not None  # _named_id found it
    start, end = found.span("where")
    return reason[:start] + first + reason[end:]
