"""Predicted incidents matched to gold ones, report by report, one to one.

A prediction may match a gold line of its own report whose place is the same, nested
in it either way, or within :data:`MATCH_RADIUS_KM`. Eligible pairs are sorted by
(dates differ, distance, gold order, predicted order) and taken greedily while both
sides are free: scored gold lines first, then the optional ones take what is left.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from gazetteer import distance_km
from mapper.evaluate.gold import is_optional

if TYPE_CHECKING:
    from gazetteer import Gazetteer

#: A prediction this close to a gold incident of the same report may match it.
MATCH_RADIUS_KM = 25.0

Row = dict[str, Any]


class Match(NamedTuple):
    """A gold line, the prediction matched to it, and how far apart they are (km)."""

    gold: Row
    predicted: Row
    distance: float


@dataclass
class Matching:
    """What matching made of one report's (or a corpus's) gold lines and predictions."""

    matches: list[Match] = field(default_factory=list)
    #: Predictions taken by optional gold lines: counted neither way.
    absorbed: list[Match] = field(default_factory=list)
    #: Scored gold lines no prediction matched.
    missed: list[Row] = field(default_factory=list)
    #: Predictions that matched no gold line, each with the gold lines it was eligible
    #: for but found taken.
    extra: list[tuple[Row, list[Row]]] = field(default_factory=list)

    def extend(self, other: Matching) -> None:
        """Add another report's matching to this one."""
        self.matches += other.matches
        self.absorbed += other.absorbed
        self.missed += other.missed
        self.extra += other.extra


def match_all(gold: list[Row], predicted: list[Row], gazetteer: Gazetteer) -> Matching:
    """Match predictions to gold lines within each report, in report id order."""
    by_report: dict[str, tuple[list[Row], list[Row]]] = {}
    for row in gold:
        by_report.setdefault(row["report_id"], ([], []))[0].append(row)
    for row in predicted:
        by_report.setdefault(row["report_id"], ([], []))[1].append(row)
    matching = Matching()
    for report_id in sorted(by_report):
        matching.extend(_match_report(*by_report[report_id], gazetteer))
    return matching


def _match_report(golds: list[Row], preds: list[Row], gazetteer: Gazetteer) -> Matching:
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            distance = _distance(g, p)
            if _same_place(g, p, distance, gazetteer):
                pairs.append((g.get("date") != p.get("date"), distance, gi, pi))
    pairs.sort()
    taken_by: dict[int, int] = {}  # prediction -> gold
    used_gold: set[int] = set()
    matching = Matching()
    for optional in (False, True):
        for _, distance, gi, pi in pairs:
            if is_optional(golds[gi]) != optional or gi in used_gold or pi in taken_by:
                continue
            used_gold.add(gi)
            taken_by[pi] = gi
            found = matching.absorbed if optional else matching.matches
            found.append(Match(golds[gi], preds[pi], distance))
    matching.missed = [
        g for gi, g in enumerate(golds) if gi not in used_gold and not is_optional(g)
    ]
    eligible: dict[int, list[Row]] = {}
    for _, _, gi, pi in pairs:
        eligible.setdefault(pi, []).append(golds[gi])
    matching.extra = [(p, eligible.get(pi, [])) for pi, p in enumerate(preds) if pi not in taken_by]
    return matching


def _same_place(g: Row, p: Row, distance: float, gazetteer: Gazetteer) -> bool:
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


def _distance(g: Row, p: Row) -> float:
    try:
        return distance_km(
            (float(g["latitude"]), float(g["longitude"])),
            (float(p["latitude"]), float(p["longitude"])),
        )
    except (TypeError, ValueError, KeyError):
        return math.inf
