"""score_merge: pairwise precision and recall of a merge against gold events."""

from __future__ import annotations

import pytest

from mapper.evaluate.merging import score_merge

GOLD = {"afp-1": "E1", "ap-1": "E1", "rtr-1": "E1", "afp-2": "E2", "ina-1": "E2", "kur-1": "E3"}


def test_a_perfect_merge_scores_one_everywhere() -> None:
    merged = {
        "afp-1": "m1",
        "ap-1": "m1",
        "rtr-1": "m1",
        "afp-2": "m2",
        "ina-1": "m2",
        "kur-1": "m3",
    }
    score = score_merge(GOLD, merged)
    assert (score["precision"], score["recall"], score["f1"], score["exact"]) == (1, 1, 1, 1)
    assert (score["true_pairs"], score["merged_pairs"], score["correct_pairs"]) == (4, 4, 4)
    assert (score["mentions"], score["events"], score["incidents"]) == (6, 3, 3)


def test_merging_two_events_costs_precision_not_recall() -> None:
    merged = {
        "afp-1": "m1",
        "ap-1": "m1",
        "rtr-1": "m1",
        "afp-2": "m1",
        "ina-1": "m1",
        "kur-1": "m3",
    }
    score = score_merge(GOLD, merged)
    assert score["recall"] == 1.0
    # 5 mentions -> 10 pairs, less afp-1/afp-2 of one report: 9 judged, 4 right.
    assert score["precision"] == pytest.approx(4 / 9)
    assert score["exact"] == pytest.approx(1 / 3)


def test_a_missed_duplicate_costs_recall_not_precision() -> None:
    merged = {
        "afp-1": "m1",
        "ap-1": "m1",
        "rtr-1": "m9",
        "afp-2": "m2",
        "ina-1": "m2",
        "kur-1": "m3",
    }
    score = score_merge(GOLD, merged)
    assert score["precision"] == 1.0
    assert score["recall"] == pytest.approx(2 / 4)  # of E1's 3 pairs only afp-1/ap-1 kept
    assert score["f1"] == pytest.approx(2 * 1.0 * 0.5 / 1.5)


def test_mentions_missing_on_either_side_are_not_scored() -> None:
    score = score_merge({**GOLD, "lost-1": "E1"}, {"afp-1": "m1", "ap-1": "m1", "extra-1": "m1"})
    assert score["mentions"] == 2
    assert (score["precision"], score["recall"]) == (1.0, 1.0)


def test_no_pairs_at_all_is_perfect_not_a_division_by_zero() -> None:
    score = score_merge({"a-1": "E1", "b-1": "E2"}, {"a-1": "m1", "b-1": "m2"})
    assert (score["precision"], score["recall"], score["f1"]) == (1.0, 1.0, 1.0)
    assert score_merge({}, {})["mentions"] == 0


def test_two_mentions_of_one_report_are_no_merge_decision() -> None:
    # One strike on two provinces, told in one report: two rows by design, one event.
    score = score_merge({"r-1": "E1", "r-2": "E1"}, {"r-1": "m1", "r-2": "m2"})
    assert (score["true_pairs"], score["merged_pairs"], score["recall"]) == (0.0, 0.0, 1.0)
