"""Dates in report text, resolved against the publication date (docs/extraction.md)."""

from __future__ import annotations

import pytest

import mapper
from mapper.extract.dates import resolve_date
from mapper.extract.narrative import narrative_date


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        # A weekday is the most recent such day on or before publication...
        ("on Tuesday evening", "2020-11-18", ("2020-11-17", "day")),
        ("Tuesday night's attack", "2020-11-18", ("2020-11-17", "day")),
        ("on Sunday", "2020-01-04", ("2019-12-29", "day")),
        # ...the publication day itself when it is that weekday.
        ("On Thursday at dawn", "2020-03-26", ("2020-03-26", "day")),
        ("last Monday", "2020-11-16", ("2020-11-09", "day")),
        ("yesterday", "2020-01-04", ("2020-01-03", "day")),
        ("last night", "2020-01-01", ("2019-12-31", "day")),
        ("the day before yesterday", "2020-03-02", ("2020-02-29", "day")),
        ("earlier today", "2021-07-05", ("2021-07-05", "day")),
        # Day and month without a year: the year that keeps it on or before publication.
        ("On 11 March, a raid", "2020-03-26", ("2020-03-11", "day")),
        ("dates back to January 5.", "2022-01-13", ("2022-01-05", "day")),
        ("on December 19 by two rockets", "2022-01-13", ("2021-12-19", "day")),
        ("the 3rd of May", "2021-06-01", ("2021-05-03", "day")),
        ("killed on January 3, 2020", "2022-01-13", ("2020-01-03", "day")),
        ("2021-06-01", None, ("2021-06-01", "day")),
        ("in mid-October", "2020-11-18", ("2020-10", "month")),
        ("in March 2003", None, ("2003-03", "month")),
        ("invaded in 2003", "2020-11-18", ("2003", "year")),
        ("appointed in May", "2020-11-18", ("2020-05", "month")),
    ],
)
def test_dates_resolve_against_the_publication_date(expression, published, expected):
    assert resolve_date(expression, published) == expected


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        # No publication date, or only its month: relative dates stay unknown.
        ("yesterday", None, (None, "unknown")),
        ("on Tuesday", "2020-11", (None, "unknown")),
        ("on Sunday", None, (None, "unknown")),
        ("On 11 March", None, (None, "unknown")),
        # A month-only publication still fixes the year of a day or a bare month.
        ("On 11 March", "2020-03", ("2020-03-11", "day")),
        ("In March, two drones", "2023-04", ("2023-03", "month")),
        ("in December", "2023-04", ("2022-12", "month")),
        # No date at all, or "may" the verb.
        ("Rockets hit the base, police said.", "2020-01-01", (None, "unknown")),
        ("Officials said it may take weeks.", "2020-01-01", (None, "unknown")),
    ],
)
def test_nothing_is_invented_when_the_date_is_unknown(expression, published, expected):
    assert resolve_date(expression, published) == expected


def test_the_most_specific_expression_in_a_sentence_wins():
    sentence = "In March, officials said rockets had hit the base on Tuesday."
    assert resolve_date(sentence, "2021-03-18") == ("2021-03-16", "day")


def test_resolve_date_is_public():
    assert mapper.resolve_date("yesterday", "2020-01-04") == ("2020-01-03", "day")


def test_story_relative_dates_shift_from_the_narrative_day():
    assert narrative_date("A day earlier, mortars hit the camp.", "2021-05-23") == (
        "2021-05-22",
        "day",
    )
    assert narrative_date("Hours later, rockets fell.", "2023-01-09") == ("2023-01-09", "day")
    assert narrative_date("Earlier in the week, an IED hit a convoy.", "2021-09-11") == (
        None,
        "unknown",
    )
    assert narrative_date("A day earlier, mortars hit the camp.", None) == (None, "unknown")
    assert narrative_date("Rockets hit the camp.", "2021-05-23") is None


def test_an_event_date_passes_over_the_date_of_a_statement():
    from mapper.extract.dates import find_event_date

    found = find_event_date("Rockets hit Taji on Monday, the army said on Tuesday.", "2021-05-05")
    assert found is not None and found.date == "2021-05-03"
    assert (
        find_event_date("The army said on Tuesday that it was investigating.", "2021-05-05") is None
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Last month, a drone struck a car in Sinjar.", ("2023-04", "month")),
        ("Earlier this month, rockets hit Balad air base.", ("2023-05", "month")),
        ("Rockets hit Balad air base in January. Last month a drone hit it.", ("2023-01", "month")),
    ],
)
def test_last_month_and_this_month_count_from_publication(text, want):
    from mapper.extract.dates import find_event_date

    found = find_event_date(text, "2023-05-20")
    assert (found.date, found.precision) == want


def test_the_last_month_is_a_span_not_a_date():
    from mapper.extract.dates import find_event_date

    assert (
        find_event_date("Troops cracked down on cells during the last month.", "2023-05-20") is None
    )
