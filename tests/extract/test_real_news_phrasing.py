"""Classes of phrasing that real outlets use and our first samples did not.

Each text is written for the test, in the manner of wire copy and translated local
news; docs/extraction.md gives each rule.
"""

from __future__ import annotations

from typing import Any

import pytest

from mapper import Report, extract_report


def incidents(gaz, text: str, published: str | None = "2022-03-14") -> list[dict[str, Any]]:
    report = Report("t", text, None, published, None, None, "t.md", None)
    return extract_report(report, gaz)


@pytest.mark.parametrize(
    "aside",
    [
        "stoking fears of unrest as the anniversary of the general's death nears",
        "and Washington blamed an Iran-aligned militia",
        "days before a delegation was due in Baghdad for talks",
    ],
)
def test_an_attack_keeps_its_date_when_a_later_clause_speaks_of_other_things(gaz, aside):
    [row] = incidents(gaz, f"Four rockets struck the Green Zone late Sunday, {aside}.")
    assert (row["date"], row["projectiles"]) == ("2022-03-13", 4)


def test_a_tally_in_a_later_clause_still_makes_a_summary(gaz):
    text = "Rockets hit Camp Taji, the latest of dozens of attacks on the base this year."
    assert incidents(gaz, text) == []


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Rockets hit Camp Taji on Sunday. Two U.S. soldiers and a British medic were killed.", 3),
        ("Rockets hit Camp Taji on Sunday; two Americans and a Briton died of their wounds.", 3),
        ("A mortar round hit a house in Tuz Khurmatu on Sunday and a child died.", 1),
        ("A car bomb hit a market in Sadr City on Sunday; 12 people lost their lives.", 12),
        ("Rockets hit Camp Taji on Sunday. Officials said two Americans and a Briton died.", 3),
    ],
)
def test_victims_named_by_nationality_and_initials_are_counted(gaz, text, killed):
    [row] = incidents(gaz, text)
    assert row["killed"] == killed


@pytest.mark.parametrize(
    "phrase",
    [
        "The attack did not result in any casualties.",
        "No coalition troops were injured, a spokesman said.",
        "No causalities were registered.",
        "It ended without loss of life.",
        "The strike caused no human casualties.",
        "No casualties were reported.",
    ],
)
def test_every_common_way_of_saying_nobody_was_hurt_gives_zero(gaz, phrase):
    [row] = incidents(gaz, f"Three rockets fell on Balad air base on Sunday. {phrase}")
    assert (row["killed"], row["injured"]) == (0, 0)


def test_no_more_than_five_is_a_figure_not_a_denial(gaz):
    [row] = incidents(
        gaz, "A drone hit Erbil airport on Sunday. No more than five people were hurt."
    )
    assert row["injured"] == 5


def test_an_attack_named_by_its_day_is_the_one_already_told(gaz):
    text = (
        "Three rockets hit Ain al-Asad air base on Wednesday. Wednesday's attack comes days "
        "before a planned papal visit to Baghdad and Najaf."
    )
    assert [row["place_id"] for row in incidents(gaz, text, "2021-03-03")] == ["ain-al-asad"]


def test_where_a_speaker_is_was_not_hit(gaz):
    text = (
        "Rockets struck Ain al-Asad air base on Wednesday. The coalition spokesman in Baghdad "
        "said 12 rockets had been fired at the base."
    )
    [row] = incidents(gaz, text, "2021-03-03")
    assert (row["place_id"], row["projectiles"]) == ("ain-al-asad", 12)


def test_a_base_named_for_its_town_is_the_base(gaz):
    [row] = incidents(gaz, "On Sunday night 17 rockets hit the Qayyarah base, officials said.")
    assert (row["place_id"], row["projectiles"]) == ("qayyarah-west", 17)


@pytest.mark.parametrize(
    "text",
    [
        "The security cell said on Friday (March 11) that a roadside bomb hit a convoy in Hilla.",
        "On March 11, a police officer in Babil said that a roadside bomb hit a convoy in Hilla.",
        "The ministry announced in a statement on March 11 that a bomb hit a convoy in Hilla.",
    ],
)
def test_the_date_of_a_statement_does_not_date_the_attack(gaz, text):
    [row] = incidents(gaz, text)
    assert (row["date"], row["date_precision"]) == (None, "unknown")


def test_a_dateline_dates_the_filing_not_the_attack(gaz):
    [row] = incidents(gaz, "Baghdad, Mar 14 (Xinhua) Two rockets hit Camp Taji on Sunday night.")
    assert row["date"] == "2022-03-13"
    [row] = incidents(gaz, "Baghdad, Mar 14 (Xinhua) Rockets hit Camp Taji, the army said.")
    assert row["date"] is None


def test_another_attack_is_another_incident_even_without_a_date(gaz):
    rows = incidents(
        gaz,
        "A roadside bomb hit a supply convoy in Dhi Qar on Sunday. Police said another "
        "roadside bomb exploded near a similar convoy near Nasiriyah.",
    )
    assert [(r["place_id"], r["date"]) for r in rows] == [
        ("gov-dhi-qar", "2022-03-13"),
        ("nasiriyah", None),
    ]


def test_the_attack_named_again_dates_the_one_told(gaz):
    [row] = incidents(
        gaz,
        "Two drones targeted Ain al-Asad air base, security sources told reporters. "
        "The attack in the early hours of Monday did not cause casualties.",
    )
    assert (row["date"], row["killed"], row["injured"]) == ("2022-03-14", 0, 0)


def test_an_agency_sign_off_and_a_photo_credit_are_not_the_story(gaz):
    text = (
        "A soldier stands guard at Camp Taji, Iraq, May 3, 2020. REUTERS/Jane Doe/File Photo\n"
        "BAGHDAD - Three rockets struck Balad air base on Sunday, officials said.\n\n"
        "On Saturday, two drones were downed near Erbil airport. REUTERS"
    )
    rows = incidents(gaz, text)
    assert [(r["place_id"], r["date"]) for r in rows] == [
        ("balad-air-base", "2022-03-13"),
        ("erbil-air-base", "2022-03-12"),
    ]


def test_where_the_fire_originates_is_not_where_it_fell(gaz):
    text = (
        "Rockets hit the Green Zone on Sunday. Commanders say the rocket fire originates "
        "from Sadr City, where troops have fought gunmen for a week."
    )
    assert [r["place_id"] for r in incidents(gaz, text)] == ["green-zone"]


def test_a_page_with_a_paragraph_a_line_is_read_line_by_line(gaz):
    text = (
        "Car bomb kills nine in Baghdad\n"
        "Teaser: a car bomb hit a market\n"
        "A car bomb killed nine people and wounded 20 in Sadr City on Sunday, police said.\n"
        "The blast left a crater outside a row of shops.\n"
        "On Saturday, a roadside bomb killed two soldiers in Tarmiyah.\n"
        "Related: more bombs elsewhere\n"
        "Another headline that the page cut off in the midd"
    )
    rows = incidents(gaz, text)
    assert [(r["place_id"], r["date"], r["killed"]) for r in rows] == [
        ("sadr-city", "2022-03-13", 9),
        ("tarmiyah", "2022-03-12", 2),
    ]


def test_a_wrapped_paragraph_is_still_one_paragraph(gaz):
    text = "Two rockets hit\nCamp Taji on Sunday\nnight, wounding a soldier.\n"
    [row] = incidents(gaz, text)
    assert (row["place_id"], row["injured"]) == ("camp-taji", 1)


def test_the_latest_of_a_series_is_this_attack_not_a_tally(gaz):
    text = (
        "A car bomb killed 12 people in the Iraqi capital on Sunday. The attack, which struck "
        "a market in Sadr City, was the latest of a number of deadly bombings this week."
    )
    [row] = incidents(gaz, text)
    assert (row["place_id"], row["killed"]) == ("sadr-city", 12)


def test_the_first_telling_may_name_the_attack_by_its_day(gaz):
    report = Report(
        "t",
        "The strike came after weeks of tension. Three members of the militia were killed "
        "in Wednesday's strike on eastern Baghdad, two officials said.",
        "Militia commander killed in drone strike in Baghdad",
        "2024-02-08",
        None,
        None,
        "t.md",
        None,
    )
    [row] = extract_report(report, gaz)
    assert (row["date"], row["geo_precision"], row["killed"]) == ("2024-02-07", 2, 3)
    assert row["weapon"] == "drone"  # from the headline, which names the same place


def test_a_counted_wave_stays_a_tally_after_the_latest(gaz):
    text = (
        "Rockets hit Ain al-Asad air base on Sunday. The attacks are the latest in a wave of "
        "at least 50 rocket and drone attacks this year."
    )
    [row] = incidents(gaz, text)
    assert row["projectiles"] is None


def test_a_total_over_several_bombings_is_not_one_bombings_toll(gaz):
    text = (
        "Three car bombings tore through Baghdad on Sunday, killing at least 70 people and "
        "wounding 150. The largest hit a market in Sadr City, killing at least 50. Two other "
        "bombings hit the Kadhimiya neighbourhood and the Jamiya neighbourhood, killing 20."
    )
    rows = incidents(gaz, text)
    assert [(r["place_id"], r["killed"], r["injured"]) for r in rows] == [
        ("sadr-city", 50, None),
        ("kadhimiya", 20, None),
        ("jamiya", None, None),  # the joint toll stays with the first place
    ]
    assert rows[0]["weapon"] == "ied"


def test_a_total_is_kept_when_the_incident_has_no_figure_of_its_own(gaz):
    [row] = incidents(gaz, "Three US air strikes near al-Qaim on Sunday killed 25 fighters.")
    assert row["killed"] == 25


def test_a_generic_blast_gives_way_to_the_weapon_named_later(gaz):
    text = (
        "Loud explosions shook Erbil late on Sunday. Officials said ballistic missiles "
        "struck a residential compound in the city, injuring two people."
    )
    [row] = incidents(gaz, text)
    assert row["weapon"] == "missile"


def test_what_a_blast_set_off_is_not_its_weapon(gaz):
    text = (
        "An explosion tore through an ammunition store at a base in Hilla on Sunday. "
        "Rockets thrown by the blast fell on nearby farms."
    )
    [row] = incidents(gaz, text)
    assert row["weapon"] == "explosive"


def test_a_page_that_lost_the_space_after_a_full_stop_still_splits_sentences(gaz):
    text = (
        "Gunmen attacked a checkpoint in Tarmiyah on Sunday.Two rockets later hit the "
        "airport in Basra, wounding a guard."
    )
    rows = incidents(gaz, text)
    assert [r["weapon"] for r in rows] == ["gunfire", "rocket"]
    assert rows[1]["injured"] == 1


def test_places_listed_as_provinces_are_the_governorates(gaz):
    text = "US strikes hit militia depots in Babil, Karbala and Anbar provinces on Friday."
    rows = incidents(gaz, text)
    assert [(r["place_id"], r["geo_precision"]) for r in rows] == [
        ("gov-babil", 3),
        ("gov-karbala", 3),
        ("gov-anbar", 3),
    ]
    assert {r["weapon"] for r in rows} == {"airstrike"}


def test_a_date_stamp_after_the_last_sentence_does_not_drop_the_paragraph(gaz):
    text = (
        "BAGHDAD (Wire) - A rocket fell on Wednesday near the Green Zone, a security "
        "source told the agency. 28.09.2022, Example International"
    )
    [row] = incidents(gaz, text, published="2022-09-28")
    assert (row["place_id"], row["date"], row["weapon"]) == ("green-zone", "2022-09-28", "rocket")


def test_a_caption_ending_in_a_bracketed_credit_is_not_an_incident(gaz):
    text = (
        "Missiles struck a house in Erbil late on Monday, killing four people.\n\n"
        "A strike in Kirkuk on January 2, 2024. (Screen capture/Example TV)"
    )
    rows = incidents(gaz, text, published="2024-01-16")
    assert [r["place_id"] for r in rows] == ["erbil"]


@pytest.mark.parametrize(
    "dateline",
    ["Baghdad, (XNA - Example News - 3rd Feb, 2024) ", "February 3, 2024: -"],
)
def test_a_dateline_with_the_filing_day_neither_dates_nor_places_the_attack(gaz, dateline):
    text = (
        f"{dateline}Drones struck a base in Ain al-Asad in the early hours of Thursday, "
        "the army said."
    )
    [row] = incidents(gaz, text, published="2024-02-03")
    assert (row["place_id"], row["date"]) == ("ain-al-asad", "2024-02-01")


def test_the_strikes_named_again_with_their_day_date_the_places_struck_together(gaz):
    text = (
        "US air strikes killed at least 16 people in the west of the country. The strikes "
        "hit positions in Rutba and Al-Qaim. The United States carried out the strikes on "
        "Friday in retaliation for a drone attack."
    )
    rows = incidents(gaz, text, published="2024-02-03")
    assert [(r["place_id"], r["date"], r["weapon"]) for r in rows] == [
        ("rutba", "2024-02-02", "airstrike"),
        ("al-qaim", "2024-02-02", "airstrike"),
    ]


def titled(gaz, title: str, text: str, published: str = "2020-08-14") -> list[dict[str, Any]]:
    report = Report("t", text, title, published, None, None, "t.md", None)
    return extract_report(report, gaz)


def test_the_base_the_headline_names_is_the_one_the_body_calls_the_air_base(gaz):
    rows = titled(
        gaz,
        "Two Rockets Hit Balad Air Base, No Casualties Reported",
        "Officials said two Katyusha rockets landed inside the air base on Thursday. "
        "An earlier rocket attack on the base in January wounded three soldiers.",
    )
    assert [(r["place_id"], r["date"], r["projectiles"]) for r in rows] == [
        ("balad-air-base", "2020-08-13", 2),
        ("balad-air-base", "2020-01", None),
    ]
    assert (rows[0]["killed"], rows[0]["injured"]) == (0, 0)  # from the headline
    assert rows[1]["injured"] == 3


def test_the_base_named_again_without_a_date_is_the_open_incident(gaz):
    rows = titled(
        gaz,
        "Drone hits Balad air base",
        "A drone struck a hangar at Balad air base on Thursday. A second drone was shot "
        "down by guards at the base.",
    )
    assert len(rows) == 1


def test_dozens_of_people_killed_is_a_toll_not_a_tally_of_attacks(gaz):
    text = "On Friday, a suicide car bomb claimed by militants killed dozens of people in Tarmiyah."
    [row] = incidents(gaz, text, published="2015-07-22")
    assert (row["place_id"], row["date"], row["weapon"]) == ("tarmiyah", "2015-07-17", "ied")


def test_people_killed_in_a_similar_attack_tell_another_incident(gaz):
    text = (
        "A car bomb killed 12 people in Kadhimiya on Tuesday. Another five people were "
        "killed and nine wounded in a similar attack in Adhamiya."
    )
    rows = incidents(gaz, text)
    assert [(r["place_id"], r["killed"], r["injured"]) for r in rows] == [
        ("kadhimiya", 12, None),
        ("adhamiya", 5, 9),
    ]


def test_the_attack_said_to_have_taken_place_somewhere_is_placed_there(gaz):
    text = (
        "Eight policemen were killed when clashes erupted with militants in western "
        "Kirkuk, officials said. The attack took place in Hawija overnight. "
        "\u201cEight were killed and two wounded,\u201d an officer said."
    )
    [row] = incidents(gaz, text)
    assert (row["place_id"], row["killed"], row["injured"]) == ("hawija", 8, 2)


def test_a_base_named_by_kind_near_a_town_is_the_named_base_told_later(gaz):
    text = (
        "KIRKUK: A contractor was killed in a rocket attack on an Iraqi military base near "
        "the city of Kirkuk on Friday, officials said. The army said that several rockets "
        "were launched into the K1 military base on Friday."
    )
    [row] = incidents(gaz, text, published="2019-12-28")
    assert (row["place_id"], row["date"], row["killed"]) == ("k1-base", "2019-12-27", 1)


def test_relative_days_count_from_the_day_the_dateline_says_the_story_was_filed(gaz):
    text = (
        "Baghdad, Feb 16 (XNA) A contractor was killed and six others including a soldier "
        "were wounded when rockets landed at Erbil airport tonight (Monday), officials said."
    )
    [row] = incidents(gaz, text, published="2021-02-17")
    assert (row["date"], row["killed"], row["injured"]) == ("2021-02-15", 1, 6)


def test_a_filing_date_long_before_publication_is_not_taken(gaz):
    from mapper.extract.statements import filing_date

    assert filing_date("Baghdad, Feb 16 (XNA) Rockets fell.", "2021-02-17") == "2021-02-16"
    assert filing_date("Baghdad, Feb 6 (XNA) Rockets fell.", "2021-02-17") is None
    assert filing_date("Rockets hit Baghdad, Feb 16 - none.", "2021-02-17") is None


def test_a_convoy_said_to_have_been_targeted_is_an_attack(gaz):
    text = (
        "A security source reported today that a logistics convoy had been targeted in "
        "Diwaniyah. No causalities were registered."
    )
    [row] = incidents(gaz, text)
    assert (row["place_id"], row["target"], row["killed"], row["injured"]) == (
        "diwaniyah",
        "convoy",
        0,
        0,
    )


def test_a_series_of_rockets_is_one_barrage_not_a_tally(gaz):
    text = (
        "A series of rockets or mortars were fired toward the Green Zone early Saturday. "
        "A spokesman confirmed it was hit by indirect fire, the term for a rocket or mortar "
        "attack."
    )
    [row] = incidents(gaz, text, published="2008-02-23")
    assert (row["place_id"], row["date"], row["projectiles"]) == ("green-zone", "2008-02-23", None)


@pytest.mark.parametrize(
    "aside",
    [
        "sending rockets flying into nearby fields",
        "and officials said the blast was caused by a drone strike",
    ],
)
def test_what_a_depot_blast_set_off_or_is_said_to_come_from_is_not_its_weapon(gaz, aside):
    text = f"A series of explosions tore through an arms depot in Hilla late on Tuesday, {aside}."
    [row] = incidents(gaz, text)
    assert row["weapon"] == "explosive"


@pytest.mark.parametrize("named", ["the district of Dibis", "Dibis district"])
def test_a_town_named_as_a_district_is_the_district(gaz, named):
    [row] = incidents(gaz, f"Gunmen attacked an army post in {named} on Saturday, killing two.")
    assert (row["place_id"], row["geo_precision"]) == ("dist-dibis", 2)


def test_the_day_a_statement_was_made_in_a_statement_is_not_the_attack_day(gaz):
    text = (
        "Militants attacked an army post in Tarmiyah, killing two soldiers, the army said "
        "in a statement Sunday."
    )
    [row] = incidents(gaz, text)
    assert row["date"] is None


def test_places_of_different_levels_joined_by_and_are_each_struck(gaz):
    text = "US jets struck militia sites near Anbar and Jurf al-Sakhar on Tuesday."
    rows = incidents(gaz, text)
    assert sorted(r["place_id"] for r in rows) == ["gov-anbar", "jurf-al-sakhar"]
    assert {r["date"] for r in rows} == {"2022-03-08"}


def test_a_town_and_the_region_it_lies_in_are_one_place(gaz):
    [row] = incidents(gaz, "Drones struck Erbil and the Kurdistan Region on Tuesday.")
    assert row["place_id"] == "erbil"


def test_a_village_said_to_belong_to_a_town_is_placed_near_the_town(gaz):
    text = (
        "Militants attacked a village in Diyala province on Tuesday evening, killing 11 "
        "people. The attack took place in the village of Umm Nakhla, which belongs to the "
        "town of Muqdadiya. The attack took place between two villages northeast of Baquba."
    )
    [row] = incidents(gaz, text)
    assert (row["place_id"], row["geo_precision"], row["killed"]) == ("muqdadiya", 2, 11)


@pytest.mark.parametrize("side", ["northeast", "north-east", "southwest"])
def test_a_compass_point_of_a_town_makes_it_a_landmark(gaz, side):
    [row] = incidents(gaz, f"A roadside bomb hit a patrol 20 km {side} of Baquba on Monday.")
    assert row["geo_precision"] == 2


def test_dozens_of_militants_attacking_is_one_attack_not_a_tally(gaz):
    text = (
        "A fierce clash erupted in the morning when dozens of IS militants attacked police "
        "positions outside the town of Tarmiyah, leaving five policemen dead."
    )
    [row] = incidents(gaz, text)
    assert (row["place_id"], row["geo_precision"], row["killed"]) == ("tarmiyah", 2, 5)


def test_an_attack_some_days_before_is_dated_to_the_month(gaz):
    text = (
        "A drone was fired at the coalition base at Erbil airport late on Thursday. The "
        "attack comes days after the group targeted the Ain al-Asad base, injuring one "
        "soldier. The group has claimed most similar attacks in Iraq since mid-October."
    )
    rows = incidents(gaz, text, published="2024-01-26")
    assert [(r["place_id"], r["date"], r["date_precision"]) for r in rows] == [
        ("erbil-air-base", "2024-01-25", "day"),
        ("ain-al-asad", "2024-01", "month"),
    ]


def test_an_announcement_on_a_day_that_something_happened_dates_the_announcement(gaz):
    text = (
        "A news network announced in a breaking news piece on Sunday afternoon that the "
        "Harir base was targeted by a drone attack."
    )
    [row] = incidents(gaz, text, published="2024-01-28")
    assert (row["place_id"], row["date"]) == ("harir-base", None)


def test_the_base_without_a_headline_is_the_base_the_story_named_last(gaz):
    text = (
        "The coalition handed over the K1 air base to Iraqi forces, it said. Since 2017, "
        "the K1 air base has hosted coalition trainers.\n\n"
        "A rocket attack on the base in December killed a US civilian contractor."
    )
    [row] = incidents(gaz, text, published="2020-03-29")
    assert (row["place_id"], row["date"], row["killed"]) == ("k1-base", "2019-12", 1)


def test_an_attack_singled_out_of_a_tally_is_an_incident_with_the_tally_weapon(gaz):
    text = (
        "The US strike had been a response to a spate of rocket attacks on US forces, "
        "including one that killed a contractor outside Erbil airport."
    )
    [row] = incidents(gaz, text, published="2021-03-03")
    assert (row["place_id"], row["weapon"], row["killed"], row["date"]) == (
        "erbil-air-base",
        "rocket",
        1,
        None,
    )


def test_attacks_told_after_a_colon_are_incidents_though_a_claim_opens_the_sentence(gaz):
    text = (
        "A car bomb killed 60 people in Sadr City on Wednesday. In March the group claimed "
        "responsibility for two attacks: a tanker was blown up at a checkpoint, killing at "
        "least 40, and a suicide bomber killed at least 30 at a football match in Iskandariya."
    )
    rows = incidents(gaz, text, published="2016-05-11")
    assert [(r["place_id"], r["date"], r["killed"]) for r in rows] == [
        ("sadr-city", "2016-05-11", 60),
        ("iskandariya", "2016-03", 30),
    ]


def test_other_bombings_and_another_attack_are_of_the_kind_told_before(gaz):
    text = (
        "A car bomb tore through a market in Sadr City on Sunday, killing 40 people. Two "
        "other bombings hit Kadhimiya on Sunday afternoon, killing 12.\n\n"
        "Rockets hit the Green Zone on Monday. Another struck Camp Victory on Tuesday, "
        "killing five."
    )
    rows = incidents(gaz, text, published="2016-05-17")
    assert [(r["place_id"], r["weapon"]) for r in rows] == [
        ("sadr-city", "ied"),
        ("kadhimiya", "ied"),
        ("green-zone", "rocket"),
        ("victory-base-complex", "rocket"),
    ]


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("Medics are treating the wounded, who number more than 11.", (None, 11)),
        ("The dead numbered 12 and the wounded totalled 30.", (12, 30)),
        ("A fourth soldier was injured in the same attack.", (None, 1)),
    ],
)
def test_how_many_the_wounded_number_is_their_count(sentence, figures):
    from mapper.extract.casualties import casualties_told

    assert casualties_told([sentence]) == figures


def test_a_lede_that_names_only_the_country_gives_its_figures_to_the_attack_placed_next(gaz):
    text = (
        "At least 25 fighters were killed and 55 wounded in US air strikes in Iraq on "
        "Sunday, militia sources said. One of the strikes targeted a headquarters near "
        "Qaim on the border with Syria."
    )
    [row] = incidents(gaz, text, published="2019-12-30")
    assert (row["place_id"], row["date"], row["killed"], row["injured"]) == (
        "al-qaim",
        "2019-12-29",
        25,
        55,
    )


def test_saladin_listed_with_provinces_is_the_governorate(gaz):
    rows = incidents(gaz, "US strikes hit depots in Babil, Saladin and Anbar provinces on Friday.")
    assert [r["place_id"] for r in rows] == ["gov-babil", "gov-salahuddin", "gov-anbar"]


def test_a_retaliation_told_in_a_to_which_clause_is_its_own_attack(gaz):
    text = (
        "Militants targeted the Ain al-Asad base on Saturday, injuring one soldier, to "
        "which the US responded with air strikes near Jurf al-Sakhar."
    )
    rows = incidents(gaz, text, published="2024-01-22")
    assert [(r["place_id"], r["weapon"], r["injured"]) for r in rows] == [
        ("ain-al-asad", None, 1),
        ("jurf-al-sakhar", "airstrike", None),
    ]


@pytest.mark.parametrize(
    ("text", "place", "precision"),
    [
        ("A bomb hit a checkpoint south of the capital on Monday, killing four.", "baghdad", 2),
        ("A car bomb went off in the capital on Monday, killing four.", "baghdad", 1),
        ("Drones struck Erbil, the capital of the Kurdistan Region, on Monday.", "erbil", 1),
        ("Drones struck the regional capital Erbil on Monday.", "erbil", 1),
    ],
)
def test_the_capital_is_baghdad_unless_it_is_another_capital(gaz, text, place, precision):
    [row] = incidents(gaz, text)
    assert (row["place_id"], row["geo_precision"]) == (place, precision)


def test_a_bomb_dropped_from_a_drone_is_a_drone_attack_without_a_projectile_count(gaz):
    text = (
        "An explosive device dropped from a drone struck the Khor Mor gas field on Friday "
        "but caused no damage or casualties, officials said."
    )
    [row] = incidents(gaz, text, published="2023-01-14")
    assert (row["weapon"], row["projectiles"], row["killed"], row["injured"]) == (
        "drone",
        None,
        0,
        0,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "A local official refuted claims of a drone strike on the Khor Mor gas field on Sunday.",
        "Reports circulated online suggested a drone attack on the Khor Mor field on Sunday.",
    ],
)
def test_a_denied_or_rumoured_attack_is_no_incident(gaz, sentence):
    assert incidents(gaz, sentence, published="2024-05-13") == []


def test_where_someone_travelled_before_an_attack_was_not_attacked(gaz):
    text = (
        "A drone struck the Khor Mor gas field on Friday. The drone attack comes days after "
        "the premier travelled to Baghdad for talks on the budget."
    )
    rows = incidents(gaz, text, published="2023-01-14")
    assert [r["place_id"] for r in rows] == ["khor-mor-gas-field"]


def test_the_day_a_mourning_was_ordered_is_not_the_strike_day(gaz):
    text = (
        "The prime minister ordered three days of mourning Saturday for the fighters killed "
        "by US air strikes near Qaim. The US carried out the strikes on Friday."
    )
    [row] = incidents(gaz, text, published="2024-02-04")
    assert row["date"] == "2024-02-02"


def test_an_attack_singled_out_against_a_place_is_another_attack(gaz):
    text = (
        "Rockets hit the Green Zone early Saturday. The military blamed militias for a "
        "series of rocket attacks in Baghdad earlier this week, including one against US "
        "outposts in Baghdad that wounded three soldiers."
    )
    rows = incidents(gaz, text, published="2008-02-23")
    assert [(r["place_id"], r["date"], r["injured"]) for r in rows] == [
        ("green-zone", "2008-02-23", None),
        ("baghdad", None, 3),
    ]


def test_a_clause_opening_on_a_statements_date_does_not_take_the_narratives_day(gaz):
    text = (
        "Two soldiers were killed in an attack on a post near Muqdadiya on Monday night. "
        "On Monday night, the security cell said that militants attacked a police "
        "detachment in Tuz Khurmatu, which left four policemen dead."
    )
    rows = incidents(gaz, text, published="2020-08-25")
    assert [r["date"] for r in rows] == ["2020-08-24", None]


def test_an_attribution_at_the_end_keeps_the_narratives_day(gaz):
    text = (
        "US jets struck more than 80 targets on Friday, the military said. In Iraq, air "
        "strikes hit sites near Qaim, killing 16 people, a spokesman said on Saturday."
    )
    [row] = incidents(gaz, text, published="2024-02-03")
    assert (row["place_id"], row["date"]) == ("al-qaim", "2024-02-02")


def test_a_town_followed_by_the_province_in_another_phrase_stays_the_town(gaz):
    [row] = incidents(gaz, "Rockets hit Karbala and the province's governor condemned it.")
    assert row["place_id"] == "karbala"


def test_an_attack_told_in_full_inside_an_accusation_is_an_incident(gaz):
    text = (
        "Washington accused the militia of a rocket strike on Tuesday that killed a "
        "contractor and wounded three soldiers at Camp Taji."
    )
    [row] = incidents(gaz, text)
    assert (row["place_id"], row["date"], row["killed"], row["injured"]) == (
        "camp-taji",
        "2022-03-08",
        1,
        3,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Washington blamed the militia for the rocket attack on Camp Taji.",
        "Washington accused the militia of attacking Camp Taji on Tuesday.",
        "Officials accused the militia of a rocket attack that killed a contractor at Camp Taji.",
    ],
)
def test_an_accusation_without_the_attack_s_day_and_toll_tells_none(gaz, text):
    assert incidents(gaz, text) == []


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("A roadside bomb hit a supply convoy on the Diwaniyah highway on Sunday.", "diwaniyah"),
        ("Gunmen ambushed an army patrol on the Samarra-Tikrit road on Sunday.", "samarra"),
        ("Drones struck militia sites in the Rutba and Qaim areas on Sunday.", "rutba"),
        ("A mortar round landed in the Baiji area on Sunday, wounding two soldiers.", "baiji"),
    ],
)
def test_a_road_or_area_named_for_a_town_is_near_it(gaz, text, place_id):
    row = incidents(gaz, text)[0]
    assert (row["place_id"], row["geo_precision"]) == (place_id, 2)


def test_a_town_named_as_the_place_itself_stays_exact(gaz):
    [row] = incidents(gaz, "A roadside bomb hit a supply convoy in Diwaniyah on Sunday.")
    assert (row["place_id"], row["geo_precision"]) == ("diwaniyah", 1)


DIGEST = (
    "Security notes from the north, town by town.\n\n"
    "KIRKUK: A roadside bomb hit a police patrol on Sunday, wounding three officers.\n\n"
    "BAIJI - Gunmen shot dead a shop owner outside his home on Saturday night.\n\n"
    "TIKRIT: The city was calm and the market reopened, the mayor said.\n"
)


def test_a_digest_s_town_headings_place_the_news_under_them(gaz):
    rows = incidents(gaz, DIGEST)
    assert [(r["place_id"], r["date"], r["killed"], r["injured"]) for r in rows] == [
        ("kirkuk", "2022-03-13", None, 3),
        ("baiji", "2022-03-12", 1, None),
    ]


def test_a_single_dateline_places_nothing(gaz):
    text = "BAGHDAD: Rockets hit a military base on Sunday, wounding two soldiers, officials said."
    assert incidents(gaz, text) == []
