"""Score a merge against gold events: pairwise precision, recall and F1.

Every pair of mentions from two different reports is a decision: merged together or
kept apart. A pair is truly together when the gold gives both the same ``event``; the
merge put it together when both mentions ended in the same merged incident. Two
mentions of one report are no merge decision (one strike on four provinces is four
rows by design) and are not counted. Counting pairs from the contingency tables keeps
this linear in the number of mentions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping


def score_merge(event_of: Mapping[str, str], merged_id_of: Mapping[str, str]) -> dict[str, float]:
    """Compare merged incidents with gold events, pair by pair.

    Parameters
    ----------
    event_of
        Raw incident id (``<report_id>-<n>``) -> gold event id, for mentions matched to
        the gold.
    merged_id_of
        Raw incident id -> id of the merged incident it ended in.

    Returns
    -------
    dict of str to float
        ``precision`` (merged pairs that are one event), ``recall`` (same-event pairs
        that were merged), ``f1``, ``exact`` (share of gold events whose mentions form
        exactly one merged incident, among the scored mentions), and the counts
        ``mentions``, ``events``, ``incidents``, ``true_pairs``, ``merged_pairs``,
        ``correct_pairs``. With no pair to judge, precision or recall is 1.0.

    Examples
    --------
    >>> score = score_merge({"a-1": "E1", "b-1": "E1", "c-1": "E2", "c-2": "E2"},
    ...                     {"a-1": "m1", "b-1": "m1", "c-1": "m1", "c-2": "m2"})
    >>> score["precision"], score["recall"]
    (0.3333333333333333, 1.0)
    """
    ids = sorted(set(event_of) & set(merged_id_of))
    events = [event_of[i] for i in ids]
    incidents = [merged_id_of[i] for i in ids]
    reports = [i.rsplit("-", 1)[0] for i in ids]  # raw ids are "<report_id>-<n>"
    correct = _cross_report_pairs(reports, events, incidents)
    true_pairs = _cross_report_pairs(reports, events)
    merged_pairs = _cross_report_pairs(reports, incidents)
    precision = correct / merged_pairs if merged_pairs else 1.0
    recall = correct / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "exact": _exact_share(events, incidents),
        "mentions": float(len(ids)),
        "events": float(len(set(events))),
        "incidents": float(len(set(incidents))),
        "true_pairs": float(true_pairs),
        "merged_pairs": float(merged_pairs),
        "correct_pairs": float(correct),
    }


def _pairs(sizes: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def _cross_report_pairs(reports: list[str], *keys: list[str]) -> int:
    """Pairs of mentions that agree on every key and come from two different reports."""
    together = Counter(zip(*keys, strict=True))
    within_a_report = Counter(zip(reports, *keys, strict=True))
    return _pairs(together.values()) - _pairs(within_a_report.values())


def _exact_share(events: list[str], incidents: list[str]) -> float:
    """Share of events whose mentions are exactly the mentions of one incident."""
    if not events:
        return 1.0
    members_of_event: dict[str, set[int]] = {}
    members_of_incident: dict[str, set[int]] = {}
    for position, (event, incident) in enumerate(zip(events, incidents, strict=True)):
        members_of_event.setdefault(event, set()).add(position)
        members_of_incident.setdefault(incident, set()).add(position)
    exact = sum(
        1
        for members in members_of_event.values()
        if members_of_incident[incidents[next(iter(members))]] == members
    )
    return exact / len(members_of_event)
