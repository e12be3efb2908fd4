"""Casualty phrasings of wire copy and translated local news (docs/extraction.md,
"Casualty rules"): each text is written for the test, in those outlets' manner."""

from __future__ import annotations

import pytest

from mapper import Report, extract_report


def figures(gaz, text: str) -> tuple[int | None, int | None]:
    report = Report("t", text, None, "2021-04-05", None, None, "t.md", None)
    [row] = extract_report(report, gaz)
    return row["killed"], row["injured"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Translated Arabic press: a martyr is someone killed.
        (
            "A soldier was martyred and two others were wounded in an attack on a post near "
            "Muqdadiya on Sunday.",
            (1, 2),
        ),
        (
            "A bombing at a checkpoint in Tarmiyah on Sunday led to the martyrdom of three "
            "soldiers and the wounding of five others.",
            (3, 5),
        ),
        (
            "Two martyrs and four wounded as a car bomb hit a market in Tuz Khurmatu on Sunday.",
            (2, 4),
        ),
        # A member "of" a group is not the list before a later verb.
        (
            "A member of the federal police was killed and three others were wounded when a "
            "bomb went off in Baquba on Sunday.",
            (1, 3),
        ),
    ],
)
def test_martyrs_and_members_of_a_group_are_counted(gaz, text, want):
    assert figures(gaz, text) == want


@pytest.mark.parametrize(
    "phrase",
    [
        "without causing human losses",
        "and there were no human casualties",
    ],
)
def test_no_human_losses_is_nobody_hurt(gaz, phrase):
    text = f"Two mortar shells fell on orchards outside Tuz Khurmatu on Sunday evening, {phrase}."
    assert figures(gaz, text) == (0, 0)


def test_nobody_is_hurt_in_the_present_tense_of_a_timeline(gaz):
    assert figures(gaz, "April 4 - Three rockets land near Balad air base. Nobody is hurt.") == (
        0,
        0,
    )


def test_escaped_unhurt_is_nobody_hurt_unless_someone_is_counted(gaz):
    base = "A roadside bomb exploded beside a convoy near Diwaniyah on Sunday."
    assert figures(gaz, f"{base} The drivers escaped unhurt.") == (0, 0)
    text = f"{base} The drivers escaped unhurt but two passers-by were wounded."
    assert figures(gaz, text) == (None, 2)


def test_a_wounded_man_who_later_died_is_counted_once_as_killed(gaz):
    text = (
        "Gunmen attacked an army post west of Makhmour late on Sunday, wounding three "
        "soldiers, one of whom later died of his wounds in hospital."
    )
    assert figures(gaz, text) == (1, 2)


@pytest.mark.parametrize(
    ("phrase", "injured"),
    [("Between four and six soldiers were wounded", 4), ("two or three soldiers were wounded", 2)],
)
def test_a_range_of_people_is_its_lower_bound(gaz, phrase, injured):
    text = f"A suicide bomber struck a checkpoint in Tarmiyah on Sunday. {phrase}, sources said."
    assert figures(gaz, text) == (None, injured)


def test_a_count_restated_person_by_person_is_counted_once(gaz):
    text = (
        "Katyusha rockets fell on a village near Balad on Sunday, wounding two civilians, "
        "a woman and a child. A second salvo killed two soldiers, a policeman and a boy in Samarra."
    )
    report = Report("t", text, None, "2021-04-05", None, None, "t.md", None)
    rows = extract_report(report, gaz)
    assert [(r["killed"], r["injured"]) for r in rows] == [(None, 2), (4, None)]


def test_a_number_before_another_counts_no_one(gaz):
    text = "Rockets hit Balad air base on Sunday. One hour later five people were killed there."
    assert figures(gaz, text)[0] == 5


@pytest.mark.parametrize(
    "phrase", ["damaging a hangar but hurting no one", "damaging a hangar. There are no casualties"]
)
def test_hurting_no_one_and_there_are_no_casualties_are_nobody_hurt(gaz, phrase):
    assert figures(gaz, f"Three rockets struck Balad air base on Sunday, {phrase}.") == (0, 0)
