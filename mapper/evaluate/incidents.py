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
* Merge figures: predictions are merged with :func:`mapper.merge_incidents`; each
  matched raw incident carries its gold ``event`` and the merged incident it ended
  in (via ``sources``), scored by ``mapper.evaluate.merging.score_merge``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from gazetteer import distance_km
from mapper.errors import EvaluationError
from mapper.extract import run_extraction
from mapper.read import read_reports

if TYPE_CHECKING:
    from gazetteer import Gazetteer

#: Gold keys every line must have.
GOLD_KEYS: tuple[str, ...] = ("report_id", "event", "date", "place_id", "latitude", "longitude")
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
#: A prediction this close to a gold incident of the same report may match it.
MATCH_RADIUS_KM = 25.0
#: "Located" means within this distance of the gold point.
NEAR_KM = 5.0


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
        """The figures as text, one per line; with *details*, every miss too."""
        lines = [
            f"reports: {self.n_reports}   gold incidents: {self.n_gold}   "
            f"predicted: {self.n_predicted}   matched: {self.n_matched}",
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
        if details and self.misses:
            lines.append("unmatched:")
            lines.extend(f"  {miss}" for miss in self.misses)
        if details and self.mismatches:
            lines.append("attribute differences (gold -> predicted):")
            lines.extend(f"  {line}" for line in self.mismatches)
        return "\n".join(lines)


def evaluate(
    gold_path: str | Path,
    paths: str | Path | Iterable[str | Path],
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
    matches, misses = _match_all(gold, predicted, gazetteer)
    accuracy = {
        name: _mean(_same(g.get(name), p.get(name)) for g, p, _ in matches) for name in ATTRIBUTES
    }
    within = _mean(distance <= NEAR_KM for _, _, distance in matches)
    mismatches = [
        f"{g['report_id']} {g['event']}: {name} {g.get(name)!r} -> {p.get(name)!r}"
        for g, p, _ in matches
        for name in ATTRIBUTES
        if not _same(g.get(name), p.get(name))
    ]
    merge, note = _merge_scores(matches, incidents, gazetteer)
    return EvaluationResult(
        n_reports=len(report_ids),
        n_gold=len(gold),
        n_predicted=len(predicted),
        n_matched=len(matches),
        within_5km=within,
        accuracy=accuracy,
        merge=merge,
        merge_note=note,
        misses=misses,
        mismatches=mismatches,
    )


def read_gold(gold_path: str | Path) -> list[dict[str, Any]]:
    """Read gold incidents from a ``.jsonl`` file or every ``.jsonl`` in a folder."""
    path = Path(gold_path)
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
        if not files:
            raise EvaluationError(f"{path}: no .jsonl gold file in this folder")
    elif path.is_file():
        files = [path]
    else:
        raise EvaluationError(f"{path}: no such gold file or folder")
    return [row for file in files for row in _read_gold_file(file)]


def _read_gold_file(path: Path) -> Iterator[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationError(f"{path}: cannot read gold file ({error})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise EvaluationError(f"{path}:{number}: not JSON ({error.msg})") from None
        if not isinstance(row, dict):
            raise EvaluationError(f"{path}:{number}: a gold line must be a JSON object")
        missing = [key for key in GOLD_KEYS if key not in row]
        if missing:
            raise EvaluationError(f"{path}:{number}: missing key(s) {', '.join(missing)}")
        yield row


def _match_all(
    gold: list[dict[str, Any]], predicted: list[dict[str, Any]], gazetteer: Gazetteer
) -> tuple[list[tuple[dict[str, Any], dict[str, Any], float]], list[str]]:
    """One-to-one greedy matching within each report; returns matches and misses."""
    by_report: dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]]]] = {}
    for row in gold:
        by_report.setdefault(row["report_id"], ([], []))[0].append(row)
    for row in predicted:
        by_report.setdefault(row["report_id"], ([], []))[1].append(row)
    matches: list[tuple[dict[str, Any], dict[str, Any], float]] = []
    misses: list[str] = []
    for report_id in sorted(by_report):
        golds, preds = by_report[report_id]
        pairs = []
        for gi, g in enumerate(golds):
            for pi, p in enumerate(preds):
                distance = _distance(g, p)
                if _same_place(g, p, distance, gazetteer):
                    pairs.append((g.get("date") != p.get("date"), distance, gi, pi))
        pairs.sort()
        used_gold: set[int] = set()
        used_pred: set[int] = set()
        for _, distance, gi, pi in pairs:
            if gi in used_gold or pi in used_pred:
                continue
            used_gold.add(gi)
            used_pred.add(pi)
            matches.append((golds[gi], preds[pi], distance))
        misses.extend(
            f"{report_id}: missed gold {_describe(g)}"
            for i, g in enumerate(golds)
            if i not in used_gold
        )
        misses.extend(
            f"{report_id}: spurious {_describe(p)}"
            for i, p in enumerate(preds)
            if i not in used_pred
        )
    return matches, misses


def _same_place(
    g: dict[str, Any], p: dict[str, Any], distance: float, gazetteer: Gazetteer
) -> bool:
    gold_id, pred_id = str(g.get("place_id")), str(p.get("place_id"))
    if gold_id == pred_id:
        return True
    if (
        gold_id in gazetteer
        and pred_id in gazetteer
        and (gazetteer.contains(gold_id, pred_id) or gazetteer.contains(pred_id, gold_id))
    ):
        return True
    return distance <= MATCH_RADIUS_KM


def _distance(g: dict[str, Any], p: dict[str, Any]) -> float:
    try:
        return distance_km(
            (float(g["latitude"]), float(g["longitude"])),
            (float(p["latitude"]), float(p["longitude"])),
        )
    except (TypeError, ValueError, KeyError):
        return math.inf


def _merge_scores(
    matches: list[tuple[dict[str, Any], dict[str, Any], float]],
    incidents: pd.DataFrame,
    gazetteer: Gazetteer,
) -> tuple[dict[str, float] | None, str | None]:
    try:
        from mapper.evaluate.merging import score_merge
        from mapper.merge import merge_incidents
    except ImportError as error:
        return None, f"not scored: the merge step is not available ({error})"
    if not matches:
        return None, "not scored: no matched incident"
    merged = merge_incidents(incidents, gazetteer=gazetteer)
    merged_id_of: dict[str, str] = {}
    for merged_id, sources in zip(merged["incident_id"], merged["sources"], strict=True):
        for source in json.loads(str(sources)):
            merged_id_of[str(source["incident_id"])] = str(merged_id)
    event_of = {str(p["incident_id"]): str(g["event"]) for g, p, _ in matches}
    return score_merge(event_of, merged_id_of), None


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


def _describe(row: dict[str, Any]) -> str:
    fields = ("date", "place_id", "weapon", "projectiles", "killed", "injured")
    return " ".join(f"{name}={row.get(name)}" for name in fields)
