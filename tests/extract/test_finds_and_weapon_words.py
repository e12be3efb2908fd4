"""Weapons found before use are no attack; weapon words of translated and wire copy
(docs/extraction.md, "Real news"). Each text is written for the test."""

from __future__ import annotations

import pytest

from gazetteer import default_gazetteer
from mapper import Report, extract_report


def rows(gaz, text: str) -> list[dict]:
    return extract_report(Report("t", text, None, "2020-03-15", None, None, "t.md", None), gaz)


@pytest.mark.parametrize(
    "text",
    [
        "Security forces found a cache of 12 Katyusha rockets and two launchers near Tarmiyah.",
        "Engineers defused a car bomb left near a petrol station in Mosul on Sunday.",
        "A bomb squad dismantled two explosive devices in the Rutba area on Sunday.",
        "Police seized rockets and launchers in orchards near Balad on Sunday.",
        "The find followed intelligence about a cell planning to fire rockets at Baghdad airport.",
    ],
)
def test_weapons_found_seized_or_planned_make_no_incident(gaz, text):
    assert rows(gaz, text) == []


def test_a_town_seized_by_militants_is_not_a_weapons_find(gaz):
    text = (
        "A suicide bomber struck a checkpoint in Tarmiyah on Sunday, killing two soldiers. "
        "The militants seized most of Anbar in 2014."
    )
    assert [(r["place_id"], r["date"]) for r in rows(gaz, text)] == [("tarmiyah", "2020-03-15")]


@pytest.mark.parametrize(
    ("text", "weapon"),
    [
        (
            "U.S. aircraft hit a militia base at Jurf al-Sakhar on Sunday, killing eight.",
            "airstrike",
        ),
        ("Aircraft struck a base at Jurf al-Sakhar early on Sunday.", "airstrike"),
        (
            "Militants attacked a post near Muqdadiya on Sunday with light and medium weapons.",
            "gunfire",
        ),
    ],
)
def test_weapon_words_of_wire_and_translated_copy(gaz, text, weapon):
    [row] = rows(gaz, text)
    assert row["weapon"] == weapon


def test_the_field_and_the_airfield_are_the_sites_the_story_named():
    gaz = default_gazetteer()
    text = (
        "The Khor Mor gas field supplies most of the region's gas. Its operator asked for "
        "better protection.\n\n"
        "May 3 - A single rocket hits an empty plot inside the field's fence.\n\n"
        "The nearby airfield, known as Qayyarah West, is a reminder of the war. Last October, "
        "three rockets struck inside the airfield, damaging a hangar."
    )
    got = [(r["place_id"], r["date"], r["target"]) for r in rows(gaz, text)]
    assert got == [
        ("khor-mor-gas-field", "2019-05-03", "energy"),  # May 3 before 15 March 2020
        ("qayyarah-west", "2019-10", "base"),
    ]


def test_the_hospital_the_wounded_were_taken_to_was_not_attacked():
    gaz = default_gazetteer()
    text = (
        "A suicide bomber struck an army checkpoint in Tarmiyah on Sunday, killing four "
        "soldiers, and the wounded were transferred to the Balad general hospital."
    )
    assert [r["place_id"] for r in rows(gaz, text)] == ["tarmiyah"]


@pytest.mark.parametrize(
    "where",
    [
        "at the northern entrance of Tarmiyah",
        "at the gates of Tarmiyah",
        "in the Makhmour refugee camp",
    ],
)
def test_an_entrance_or_a_camp_named_for_a_town_is_near_it(where):
    gaz = default_gazetteer()
    [row] = rows(gaz, f"A suicide bomber blew himself up {where} on Sunday, killing four.")
    assert row["geo_precision"] == 2


def test_a_bomb_or_gunfire_incident_counts_no_projectiles():
    gaz = default_gazetteer()
    text = (
        "A roadside bomb exploded beside a convoy near Diwaniyah on Sunday. "
        "Three rockets were later launched towards the airport."
    )
    assert [(r["weapon"], r["projectiles"]) for r in rows(gaz, text)] == [("ied", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Two one-way attack UAS targeted Ain al-Asad Air Base on Sunday, officials said.",
        "Unmanned aerial systems attacked Erbil air base on Sunday.",
        "A missile fired from a drone hit near Sulaimaniyah airport on Sunday.",
    ],
)
def test_military_release_and_wire_words_for_drones(text):
    [row] = rows(default_gazetteer(), text)
    assert row["weapon"] == "drone"


@pytest.mark.parametrize(
    ("text", "projectiles"),
    [
        ("A Turkish drone struck a car in Sinjar on Sunday, killing two fighters.", None),
        ("A drone struck a house in Makhmour on Sunday. The drone fired two missiles.", None),
        ("A drone carrying explosives hit Erbil air base on Sunday.", 1),
        ("Two armed drones were shot down near Ain al-Asad air base on Sunday.", 2),
    ],
)
def test_an_armed_drones_missiles_are_not_counted_a_one_way_drone_is(text, projectiles):
    [row] = rows(default_gazetteer(), text)
    assert (row["weapon"], row["projectiles"]) == ("drone", projectiles)


def test_a_headquarters_is_a_base_and_sustained_injuries_are_injuries():
    text = (
        "Aircraft struck a brigade headquarters near al-Qaim on Sunday. Two guards "
        "sustained minor injuries."
    )
    [row] = rows(default_gazetteer(), text)
    assert (row["target"], row["injured"]) == ("base", 2)


def test_one_way_attack_uas_are_counted():
    text = "Two one-way attack UAS targeted Ain al-Asad Air Base on Sunday, officials said."
    [row] = rows(default_gazetteer(), text)
    assert row["projectiles"] == 2


def test_a_translated_statement_day_gives_way_to_the_attacks_own_day():
    gaz = default_gazetteer()
    told = (
        "A medical source revealed, today, Wednesday, that the toll of the car bomb that "
        "struck a market in Baghdad al-Jadida yesterday, Tuesday, has risen to 31."
    )
    only = "A local source reported, tonight, Wednesday, that three rockets fell on Balad."
    published = "2016-04-13"
    dates = [
        r["date"]
        for text in (told, only)
        for r in extract_report(Report("t", text, None, published, None, None, "t.md", None), gaz)
    ]
    assert dates == ["2016-04-12", "2016-04-13"]


@pytest.mark.parametrize(
    "unit", ["One Task Force Baghdad soldier", "A soldier of the Baghdad Operations Command"]
)
def test_a_unit_named_for_a_place_does_not_place_the_attack(unit):
    text = f"{unit} was killed when a roadside bomb struck a convoy near Iskandariyah on Monday."
    [row] = rows(default_gazetteer(), text)
    assert (row["place_id"], row["geo_precision"]) == ("iskandariya", 2)
