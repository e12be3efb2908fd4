"""Scoring the extractor (and the merge) against hand-labelled gold incidents.

The scoring rules, also in docs/extraction.md:

* A predicted incident may match a gold one of the **same report** whose place is
  the same, nested in it or around it (gazetteer containment), or within 25 km.
* Matching is **one-to-one and greedy**: all eligible pairs are sorted by (dates
  differ, distance in km, gold line order, predicted text order) and taken in that
  order while both sides are free. Equal dates (or both unknown) therefore win.
* Incident precision = matched / predicted, recall = matched / gold, F1 their
  harmonic mean, over every report under the given paths (a report with no gold
  line and no prediction costs nothing; a prediction there is a false positive).
* Over matched pairs: the share whose predicted point lies within 5 km of the gold
  point, and the exact-match accuracy of each attribute (None equals None).
* Gold lines marked ``"optional": true`` take, after the scored lines, a prediction
  that matches them: it is counted neither way, and a missed optional line costs
  nothing.
* Merge figures: predictions are merged with :func:`mapper.merge_incidents`; each
  matched raw incident carries its gold ``event`` and the merged incident it ended
  in (via ``sources``), scored by :func:`~mapper.evaluate.merging.score_merge`.
* Several parts (a gold file with its report paths each) are scored alone and pooled:
  the pooled figures count every part's pairs, as if one corpus.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from mapper.evaluate.details import describe, error_lines
from mapper.evaluate.gold import is_optional, read_gold
from mapper.evaluate.matching import Match, Matching, match_all
from mapper.extract import run_extraction
from mapper.read import read_reports

if TYPE_CHECKING:
    from gazetteer import Gazetteer

#: Attributes compared over matched pairs, in the order they are printed.
ATTRIBUTES: tuple[str, ...] = (
    "date",
    "date_precision",
    "geo_precision",
    "weapon",
    "projectiles",
    "killed",
    "injured",
    "target",
)
#: "Located" means within this distance of the gold point.
NEAR_KM = 5.0

Paths = str | Path | Iterable[str | Path]


@dataclass(frozen=True)
class EvaluationResult:
    """Scores of one evaluation run; ``format()`` gives the printed report."""

    n_reports: int
    n_gold: int
    n_predicted: int
    n_matched: int
    within_5km: float | None
    accuracy: dict[str, float | None]
    merge: dict[str, float] | None = None
    merge_note: str | None = None
    misses: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)
    #: Optional gold lines, and the predictions they absorbed (counted neither way).
    n_optional: int = 0
    n_absorbed: int = 0
    #: ``--details``: the errors grouped by kind and likely cause.
    errors: list[str] = field(default_factory=list)
    matching: Matching = field(default_factory=Matching, repr=False)
    #: Raw incident id -> (gold event, merged incident), for pooling merge scores.
    merge_pairs: dict[str, tuple[str, str]] = field(default_factory=dict, repr=False)

    @property
    def precision(self) -> float:
        """Matched predictions over all predictions (1.0 when nothing was predicted)."""
        return self.n_matched / self.n_predicted if self.n_predicted else 1.0

    @property
    def recall(self) -> float:
        """Matched gold incidents over all gold incidents (1.0 when there is no gold)."""
        return self.n_matched / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def format(self, *, details: bool = False) -> str:
        """The figures as text, one per line; with *details*, every error too."""
        lines = [
            f"reports: {self.n_reports}   gold incidents: {self.n_gold}   "
            f"predicted: {self.n_predicted}   matched: {self.n_matched}",
        ]
        if self.n_optional:
            lines.append(
                f"optional gold: {self.n_optional}, absorbing {self.n_absorbed} "
                "prediction(s), counted neither way"
            )
        lines += [
            f"incidents: precision {self.precision:.3f}  recall {self.recall:.3f}  "
            f"F1 {self.f1:.3f}",
            f"located within {NEAR_KM:g} km: {_share(self.within_5km)}",
        ]
        lines.extend(f"{name} accuracy: {_share(value)}" for name, value in self.accuracy.items())
        if self.merge is not None:
            lines.append(
                f"merge: precision {self.merge['precision']:.3f}  recall "
                f"{self.merge['recall']:.3f}  F1 {self.merge['f1']:.3f}  "
                f"exact events {self.merge['exact']:.3f}"
            )
        if self.merge_note:
            lines.append(f"merge: {self.merge_note}")
        if details:
            lines.extend(self.errors)
        return "\n".join(lines)


def evaluate(
    gold_path: str | Path,
    paths: Paths,
    *,
    gazetteer: Gazetteer | None = None,
) -> EvaluationResult:
    """Extract incidents from *paths* and score them against the gold file(s).

    Parameters
    ----------
    gold_path
        A gold ``.jsonl`` file, or a folder whose ``*.jsonl`` files are all read.
    paths
        Report files or folders; only gold lines of these reports are scored.
    gazetteer
        The gazetteer to extract with; the bundled one when None.

    Returns
    -------
    EvaluationResult

    Raises
    ------
    EvaluationError
        If a gold file is missing or a line is not a gold object (file:line named).
    """
    if gazetteer is None:
        from gazetteer import default_gazetteer

        gazetteer = default_gazetteer()
    reports = read_reports(paths)
    report_ids = {report.report_id for report in reports.reports}
    gold = [row for row in read_gold(gold_path) if row["report_id"] in report_ids]
    incidents = run_extraction(reports, gazetteer=gazetteer, progress=False).incidents
    predicted = [_plain(row) for row in incidents.to_dict("records")]
    matching = match_all(gold, predicted, gazetteer)
    merge_pairs, note = _merge_pairs(matching.matches, incidents, gazetteer)
    n_optional = sum(1 for row in gold if is_optional(row))
    return _result(
        matching,
        n_reports=len(report_ids),
        n_gold=len(gold) - n_optional,
        n_predicted=len(predicted) - len(matching.absorbed),
        n_optional=n_optional,
        merge_pairs=merge_pairs,
        merge_note=note,
        gazetteer=gazetteer,
    )


def evaluate_parts(
    parts: Sequence[tuple[str | Path, Paths]], *, gazetteer: Gazetteer | None = None
) -> tuple[list[EvaluationResult], EvaluationResult]:
    """Score each ``(gold, paths)`` part alone, and all of them pooled.

    Report ids need only be unique within a part. The pooled result counts every
    part's predictions, gold lines and matched pairs; its merge figures judge pairs of
    mentions within each part.

    Returns
    -------
    tuple
        The results of the parts, in order, and the pooled result.
    """
    if gazetteer is None:
        from gazetteer import default_gazetteer

        gazetteer = default_gazetteer()
    results = [evaluate(gold, paths, gazetteer=gazetteer) for gold, paths in parts]
    matching = Matching()
    merge_pairs: dict[str, tuple[str, str]] = {}
    for number, result in enumerate(results, start=1):
        matching.extend(result.matching)
        # Each part is merged alone: its merged ids (and events) are its own.
        merge_pairs.update(
            {
                f"{number}/{k}": (f"{number}/{event}", f"{number}/{merged}")
                for k, (event, merged) in result.merge_pairs.items()
            }
        )
    notes = {result.merge_note for result in results if result.merge_note}
    pooled = _result(
        matching,
        n_reports=sum(r.n_reports for r in results),
        n_gold=sum(r.n_gold for r in results),
        n_predicted=sum(r.n_predicted for r in results),
        n_optional=sum(r.n_optional for r in results),
        merge_pairs=merge_pairs,
        merge_note="; ".join(sorted(notes)) if notes and not merge_pairs else None,
        gazetteer=gazetteer,
    )
    return results, pooled


def _result(
    matching: Matching,
    *,
    n_reports: int,
    n_gold: int,
    n_predicted: int,
    n_optional: int,
    merge_pairs: dict[str, tuple[str, str]],
    merge_note: str | None,
    gazetteer: Gazetteer,
) -> EvaluationResult:
    from mapper.evaluate.merging import score_merge

    matches = matching.matches
    merge = None
    if merge_pairs:
        event_of = {key: event for key, (event, _) in merge_pairs.items()}
        merged_id_of = {key: merged for key, (_, merged) in merge_pairs.items()}
        merge = score_merge(event_of, merged_id_of)
    return EvaluationResult(
        n_reports=n_reports,
        n_gold=n_gold,
        n_predicted=n_predicted,
        n_matched=len(matches),
        within_5km=_mean(m.distance <= NEAR_KM for m in matches),
        accuracy={
            name: _mean(_same(m.gold.get(name), m.predicted.get(name)) for m in matches)
            for name in ATTRIBUTES
        },
        merge=merge,
        merge_note=merge_note,
        misses=[f"{g['report_id']}: missed gold {describe(g)}" for g in matching.missed]
        + [f"{p['report_id']}: spurious {describe(p)}" for p, _ in matching.extra],
        mismatches=[
            f"{m.gold['report_id']} {m.gold['event']}: {name} "
            f"{m.gold.get(name)!r} -> {m.predicted.get(name)!r}"
            for m in matches
            for name in ATTRIBUTES
            if not _same(m.gold.get(name), m.predicted.get(name))
        ],
        n_optional=n_optional,
        n_absorbed=len(matching.absorbed),
        errors=error_lines(matching, ATTRIBUTES, gazetteer, same=_same),
        matching=matching,
        merge_pairs=merge_pairs,
    )


def _merge_pairs(
    matches: list[Match], incidents: pd.DataFrame, gazetteer: Gazetteer
) -> tuple[dict[str, tuple[str, str]], str | None]:
    """Each matched raw incident's gold event and the merged incident it ended in."""
    try:
        from mapper.merge import merge_incidents
    except ImportError as error:
        return {}, f"not scored: the merge step is not available ({error})"
    if not matches:
        return {}, "not scored: no matched incident"
    merged = merge_incidents(incidents, gazetteer=gazetteer)
    merged_id_of: dict[str, str] = {}
    for merged_id, sources in zip(merged["incident_id"], merged["sources"], strict=True):
        for source in json.loads(str(sources)):
            merged_id_of[str(source["incident_id"])] = str(merged_id)
    pairs = {}
    for match in matches:
        raw_id = str(match.predicted["incident_id"])
        if raw_id in merged_id_of:
            pairs[raw_id] = (str(match.gold["event"]), merged_id_of[raw_id])
    return pairs, None


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """pandas' missing values (NA, NaN) as None, numbers as plain Python numbers."""
    plain: dict[str, Any] = {}
    for key, value in row.items():
        if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
            plain[key] = None
        elif hasattr(value, "item"):
            plain[key] = value.item()
        else:
            plain[key] = value
    return plain


def _same(gold: Any, predicted: Any) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if isinstance(gold, (int, float)) and isinstance(predicted, (int, float)):
        return float(gold) == float(predicted)
    return str(gold) == str(predicted)


def _mean(values: Iterable[bool]) -> float | None:
    items = list(values)
    return sum(items) / len(items) if items else None


def _share(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
