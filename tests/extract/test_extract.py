"""extract_report: one report in, the incidents a reader would list out.

Every text here is written for the test; rules are in docs/extraction.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mapper import Report, extract_report, read_reports
from mapper.table.schema import WEAPONS

KEYS = [
    "date",
    "date_precision",
    "place",
    "place_id",
    "latitude",
    "longitude",
    "geo_precision",
    "weapon",
    "projectiles",
    "killed",
    "injured",
    "target",
    "quote",
]


def incidents(
    gaz, text: str, published: str | None = "2021-05-04", title: str | None = None
) -> list[dict[str, Any]]:
    report = Report(
        report_id="t",
        text=text,
        title=title,
        published=published,
        url=None,
        source=None,
        path="t.md",
        line=None,
    )
    return extract_report(report, gaz)


def places(rows: list[dict[str, Any]]) -> list[str]:
    return [row["place_id"] for row in rows]


def test_an_incident_row_has_the_documented_keys(gaz):
    [row] = incidents(gaz, "Two rockets hit Camp Taji on Monday, wounding one soldier.")
    assert list(row) == KEYS
    assert row["place_id"] == "camp-taji"
    assert row["date"] == "2021-05-03"
    assert (row["weapon"], row["projectiles"], row["killed"], row["injured"]) == (
        "rocket",
        2,
        None,
        1,
    )
    assert row["quote"] == "Two rockets hit Camp Taji on Monday, wounding one soldier."


def test_hit_the_town_is_a_place_and_hit_the_verb_is_not(gaz):
    rows = incidents(
        gaz,
        "A roadside bomb hit a patrol in Hit on Sunday, killing a soldier.\n\n"
        "Hit hard by the floods, the town has few checkpoints left.",
    )
    assert places(rows) == ["hit"]
    assert rows[0]["weapon"] == "ied"
    assert incidents(gaz, "Rockets hit the area on Sunday, police said.") == []
    # A sentence opening with the verb stays the verb after one that tells no incident
    # (a withdrawal), however long that one is.
    after_a_withdrawal = (
        "American troops withdrew from the base after rockets struck it in March. "
        "Hit again by two rockets on Monday, a supply convoy burned on the road."
    )
    assert "hit" not in places(incidents(gaz, after_a_withdrawal))


def test_balad_air_base_and_balad_town_are_different_places(gaz):
    base = incidents(gaz, "Three rockets landed inside Balad air base on Sunday.")
    town = incidents(gaz, "Gunmen opened fire on a checkpoint in Balad on Sunday.")
    assert places(base) == ["balad-air-base"]
    assert places(town) == ["balad"]
    assert town[0]["weapon"] == "gunfire"
    assert town[0]["target"] == "checkpoint"


def test_a_generic_green_zone_is_not_baghdads(gaz):
    rows = incidents(
        gaz, "A bomb went off in a green zone of orchards near Baqubah on Monday, killing a farmer."
    )
    assert places(rows) == ["baqubah"]
    assert rows[0]["geo_precision"] == 2


def test_a_person_named_after_a_place_is_not_a_place(gaz):
    rows = incidents(
        gaz,
        "A drone strike near Baghdad airport on Monday killed Abu Mahdi al-Muhandis "
        "and four other people.",
    )
    assert places(rows) == ["baghdad-airport"]
    assert rows[0]["killed"] == 5
    assert rows[0]["weapon"] == "drone"


@pytest.mark.parametrize(
    "text",
    [
        "About 300 coalition soldiers have withdrawn from the base at al-Qa'im, near Syria.",
        "Troops were redeployed from Camp Taji to Ain al-Asad on Sunday.",
        "Washington blamed Kataib Hezbollah for the rocket attack on Erbil.",
        "American forces invaded Iraq in 2003 and bombed Baghdad for weeks.",
        "Dozens of rockets have already targeted the Green Zone this year.",
        "Iraq's foreign minister held talks in Kuwait on Tuesday.",
    ],
)
def test_places_named_for_other_reasons_are_not_incidents(gaz, text):
    assert incidents(gaz, text) == []


def test_read_also_links_captions_and_updated_lines_are_not_incidents(gaz):
    text = (
        "Updated 6:27pm\n\n"
        "Photo: soldiers at Camp Taji in 2019 (Example Wire)\n\n"
        "Two rockets struck Ain al-Asad air base on Monday, causing no casualties.\n\n"
        "Read also:\n\n- Rockets hit Balad air base\n- Drone attack on Erbil airport\n"
    )
    rows = incidents(gaz, text)
    assert places(rows) == ["ain-al-asad"]
    assert (rows[0]["killed"], rows[0]["injured"]) == (0, 0)


def test_a_dateline_is_where_the_story_was_filed(gaz):
    for dateline in ("ERBIL, Kurdistan Region — ", "(Baghdad) ", "BAGHDAD (Example Wire) — "):
        rows = incidents(gaz, dateline + "Five rockets hit Ain al-Asad air base on Monday.")
        assert places(rows) == ["ain-al-asad"], dateline


def test_a_launch_site_is_not_where_the_attack_was(gaz):
    rows = incidents(
        gaz,
        "Three rockets struck the Green Zone on Sunday night. The rockets were fired from "
        "Abu Ghraib, west of the capital, and a launcher was found in Dujail.",
    )
    assert places(rows) == ["green-zone"]


def test_retaliation_strikes_in_another_country_are_not_iraqi_incidents(gaz):
    rows = incidents(
        gaz,
        "US jets bombed militia depots in Syria on Thursday in response to the rocket "
        "attack on Erbil on February 15 that killed a contractor.",
        published="2021-02-26",
    )
    assert places(rows) == ["erbil"]
    assert rows[0]["date"] == "2021-02-15"


def test_a_report_can_tell_several_incidents_with_their_own_dates(gaz):
    rows = incidents(
        gaz,
        "On Tuesday, two drones struck Ain al-Asad air base.\n\n"
        "On Wednesday, three rockets landed near Harir base; nobody was injured.\n\n"
        "A day earlier, mortar shells fell on Camp Taji.",
        published="2023-10-28",
    )
    assert [(r["place_id"], r["date"], r["weapon"]) for r in rows] == [
        ("ain-al-asad", "2023-10-24", "drone"),
        ("harir-base", "2023-10-25", "rocket"),
        ("camp-taji", "2023-10-24", "mortar"),
    ]
    assert rows[1]["geo_precision"] == 2


def test_headline_and_body_telling_one_attack_are_one_incident(gaz):
    rows = incidents(
        gaz,
        "Seven rockets hit the US embassy in Baghdad on Tuesday. Four fell inside the Green "
        "Zone, the army said.",
        title="Seven rockets target US embassy in Baghdad",
    )
    assert places(rows) == ["us-embassy-baghdad"]


def test_the_headline_is_read_when_the_body_names_no_place(gaz):
    rows = incidents(
        gaz, "The attack caused no casualties, officials said.", title="Rockets hit Camp Taji"
    )
    assert places(rows) == ["camp-taji"]


def test_a_vague_region_is_kept_at_low_precision(gaz):
    [row] = incidents(
        gaz, "Four rockets were fired on Sunday at a base in the west of the country."
    )
    assert (row["place"], row["place_id"], row["geo_precision"]) == ("western Iraq", "gov-anbar", 3)
    [north] = incidents(gaz, "A drone attacked a military base in northern Iraq on Sunday.")
    assert (north["place"], north["place_id"], north["geo_precision"]) == (
        "northern Iraq",
        "region-north",
        3,
    )
    assert north["latitude"] > 35  # drawn in the north, not at the country's centre
    # A named place still wins over the region around it.
    [mosul] = incidents(gaz, "In northern Iraq, a drone struck a base near Mosul on Sunday.")
    assert mosul["place_id"] == "mosul"


def test_the_most_specific_place_is_kept(gaz):
    [row] = incidents(
        gaz, "A rocket hit the Green Zone in Baghdad on Monday. It fell inside the US Embassy."
    )
    assert row["place_id"] == "us-embassy-baghdad"
    [near] = incidents(gaz, "Three rockets fell near Baghdad airport on Monday.")
    assert (near["place_id"], near["geo_precision"]) == ("baghdad-airport", 2)
    [landmark] = incidents(
        gaz, "Gunmen attacked an army post in Tarmiyah, north of Baghdad, on Monday."
    )
    assert landmark["place_id"] == "tarmiyah"


def test_spelling_variants_resolve_to_one_place(gaz):
    for name, place_id in (("al-Qa'im", "al-qaim"), ("Irbil", "erbil"), ("Falluja", "fallujah")):
        rows = incidents(gaz, f"A roadside bomb exploded in {name} on Monday.")
        assert places(rows) == [place_id], name


@pytest.mark.parametrize(
    ("phrase", "weapon"),
    [
        ("Two Katyusha rockets landed", "rocket"),
        ("Four mortar rounds fell", "mortar"),
        ("Twelve ballistic missiles struck", "missile"),
        ("An explosives-laden drone struck", "drone"),
        ("A roadside bomb exploded", "ied"),
        ("A car bomb exploded", "ied"),
        ("Gunmen opened fire", "gunfire"),
        ("Air strikes hit", "airstrike"),
        ("An explosion tore through a depot", "explosive"),
        ("Heavy shelling hit", "other"),
    ],
)
def test_weapons_come_from_the_vocabulary(gaz, phrase, weapon):
    [row] = incidents(gaz, f"{phrase} in Ramadi on Monday.")
    assert row["weapon"] == weapon
    assert row["weapon"] in WEAPONS


@pytest.mark.parametrize(
    ("sentence", "projectiles", "killed", "injured"),
    [
        ("Seven rockets hit Camp Taji, killing a girl and wounding five civilians.", 7, 1, 5),
        (
            "Three people, including two children, were injured when a rocket hit Camp Taji.",
            1,
            None,
            3,
        ),
        (
            "A rocket hit Camp Taji, leading to the deaths of two US soldiers and a British medic.",
            1,
            3,
            None,
        ),
        ("Twenty-five rockets struck Camp Taji. No one was hurt.", 25, 0, 0),
        ("Three rockets struck Camp Taji, but there were neither dead nor injured.", 3, 0, 0),
        ("More than thirty rockets hit Camp Taji. Officials counted 31 rockets.", 31, None, None),
        (
            "A car bomb hit Camp Taji, killing at least 15 people. Others put the toll at 12.",
            None,
            15,
            None,
        ),
        ("Two rockets hit Camp Taji, without reporting casualties.", 2, None, None),
        (
            "Two rockets hit Camp Taji; two more rockets fell nearby and two of them exploded.",
            2,
            None,
            None,
        ),
        (
            "Rockets hit Camp Taji. No one was killed, though one contractor was slightly wounded.",
            None,
            0,
            1,
        ),
    ],
)
def test_counts_follow_the_documented_rules(gaz, sentence, projectiles, killed, injured):
    [row] = incidents(gaz, sentence.replace("Camp Taji", "Camp Taji on Monday", 1))
    assert (row["projectiles"], row["killed"], row["injured"]) == (projectiles, killed, injured)


def test_an_unknown_or_month_only_publication_date_leaves_relative_dates_unknown(gaz):
    for published in (None, "2021-05"):
        [row] = incidents(gaz, "Two rockets hit Camp Taji on Sunday.", published=published)
        assert (row["date"], row["date_precision"]) == (None, "unknown")
    [month] = incidents(gaz, "In March, two drones hit Harir base.", published="2023-04")
    assert (month["date"], month["date_precision"]) == ("2023-03", "month")


def test_background_from_years_ago_is_not_an_incident(gaz):
    rows = incidents(
        gaz,
        "Rockets hit Camp Taji on Monday.\n\nIn January 2020 a US drone strike at Baghdad "
        "airport killed two commanders.",
    )
    assert places(rows) == ["camp-taji"]


def test_extraction_is_deterministic(gaz):
    text = "Two rockets hit Camp Taji on Monday. Gunmen attacked a checkpoint in Balad on Sunday."
    assert incidents(gaz, text) == incidents(gaz, text)


def test_the_weapon_and_target_tables_use_the_schema_vocabulary():
    from mapper.extract.vocabulary import TARGET_PRIORITY, TARGET_TERMS, WEAPON_TERMS

    assert set(WEAPON_TERMS.values()) <= set(WEAPONS)
    assert set(TARGET_TERMS.values()) == set(TARGET_PRIORITY)


def test_hostile_text_is_quoted_verbatim_for_the_renderer_to_escape(gaz):
    root = Path(__file__).resolve().parents[2]
    [report] = read_reports(root / "samples" / "reports" / "x01-hostile.md").reports
    [row] = extract_report(report, gaz)
    assert row["place_id"] == "union-iii"
    assert "<script>alert(1)</script>" in row["quote"]


@pytest.mark.parametrize(
    "text",
    [
        "Iraqi forces launched a military operation in Anbar on Sunday.",
        "The prime minister fired the police chief of Basra on Monday.",
        "Baghdad and Erbil struck a deal on oil exports on Tuesday.",
        "A US delegation landed at Baghdad airport on Thursday for talks.",
        "Rocket attacks on the base fell sharply after the Baghdad talks in March.",
    ],
)
def test_attack_verbs_in_ordinary_news_are_not_incidents(gaz, text):
    assert incidents(gaz, text) == []


def test_the_date_of_a_statement_is_not_the_date_of_the_attack(gaz):
    rows = incidents(
        gaz,
        "Rockets struck Ain al-Asad air base on Monday. The attack on Ain al-Asad caused "
        "no casualties, the coalition said on Tuesday.",
        published="2021-05-05",
    )
    assert [(r["place_id"], r["date"], r["killed"]) for r in rows] == [
        ("ain-al-asad", "2021-05-03", 0)
    ]


def test_one_sentence_can_tell_two_attacks_joined_by_and(gaz):
    rows = incidents(
        gaz,
        "Two rockets hit Ain al-Asad on Monday and a drone struck Erbil airport on Tuesday.",
        published="2021-05-05",
    )
    assert [(r["place_id"], r["date"], r["weapon"]) for r in rows] == [
        ("ain-al-asad", "2021-05-03", "rocket"),
        ("erbil-air-base", "2021-05-04", "drone"),
    ]
    [both] = incidents(
        gaz, "Two people were killed and four wounded when rockets hit Camp Taji on Monday."
    )
    assert (both["killed"], both["injured"]) == (2, 4)


def test_an_aside_about_blame_or_talks_does_not_hide_the_attack_before_it(gaz):
    embassy = incidents(
        gaz,
        "Three rockets struck the US embassy on Saturday, a day after the prime minister "
        "blamed armed factions for earlier attacks.",
    )
    zone = incidents(
        gaz,
        "Rockets hit the Green Zone on Tuesday, shortly after a visit by a delegation of "
        "European diplomats.",
    )
    assert places(embassy) == ["us-embassy-baghdad"] and embassy[0]["projectiles"] == 3
    assert places(zone) == ["green-zone"] and zone[0]["date"] == "2021-05-04"
    # Blame or a withdrawal in the main clause still tells no new incident.
    blame = "The US blamed Kataib Hezbollah for the rocket attack on Camp Taji on Monday."
    withdrawal = "US troops withdrew from the Al-Qaim base on Tuesday, a day after rockets hit it."
    assert incidents(gaz, blame) == [] and incidents(gaz, withdrawal) == []


def test_last_week_is_another_time_not_the_day_before(gaz):
    rows = incidents(
        gaz, "A drone struck Harir base on Thursday, officials said. Last week, a drone hit K1."
    )
    assert [(r["place_id"], r["date"]) for r in rows] == [
        ("harir-base", "2021-04-29"),
        ("k1-base", None),
    ]


def test_one_named_victim_and_but_no_casualties_are_counted(gaz):
    [owner] = incidents(gaz, "Gunmen shot at a shop in Karrada on Friday, killing the owner.")
    [driver] = incidents(
        gaz, "A roadside bomb struck a convoy near Diwaniyah on Monday, wounding the Iraqi driver."
    )
    [family] = incidents(
        gaz,
        "A mortar shell hit a house in Tuz Khurmatu on Monday, killing a woman and her two sons.",
    )
    [none] = incidents(
        gaz, "A drone hit the Green Zone on Monday, causing a fire but no casualties."
    )
    assert (owner["killed"], driver["injured"], family["killed"]) == (1, 1, 3)
    assert (none["killed"], none["injured"]) == (0, 0)
    [soldiers] = incidents(gaz, "A bomb hit a patrol in Tarmiyah on Monday, wounding the soldiers.")
    assert soldiers["injured"] is None  # how many is not said


def test_a_part_of_a_city_named_with_a_possessive_is_near_the_city(gaz):
    [row] = incidents(gaz, "A roadside bomb hit a patrol in Mosul's Zanjili area on Sunday.")
    assert (row["place_id"], row["geo_precision"], row["weapon"]) == ("mosul", 2, "ied")


def test_around_a_count_is_not_around_the_place(gaz):
    [row] = incidents(gaz, "Around 18 Katyusha rockets hit Camp Taji, north of Baghdad, on Monday.")
    assert (row["place_id"], row["geo_precision"], row["projectiles"]) == ("camp-taji", 1, 18)


def test_a_strike_abroad_lends_nothing_to_the_attack_in_iraq(gaz):
    [row] = incidents(
        gaz,
        "Rockets hit Ain al-Asad air base on Monday. In response, US jets struck militia "
        "positions in Syria, killing five fighters.",
    )
    assert (row["place_id"], row["date"], row["killed"]) == ("ain-al-asad", "2021-05-03", None)
    assert "Syria" not in row["quote"]


def test_who_says_so_is_not_the_target(gaz):
    said = "Warplanes bombed hideouts near Amadiya on Monday, the Turkish defence ministry said."
    hit = "Rockets hit the defence ministry in Baghdad on Monday, officials said."
    assert [row["target"] for row in incidents(gaz, said)] == [None]
    assert [row["target"] for row in incidents(gaz, hit)] == ["government"]


def test_nobody_hurt_in_either_attack_tells_both_attacks(gaz):
    rows = incidents(
        gaz,
        "Rockets hit K1 on Sunday. Rockets hit Camp Taji on Monday. A drone struck Balad air "
        "base on Monday. Nobody was hurt in either attack.",
    )
    assert [(r["place_id"], r["killed"], r["injured"]) for r in rows] == [
        ("k1-base", None, None),  # not one of the two
        ("camp-taji", 0, 0),
        ("balad-air-base", 0, 0),
    ]


def test_a_sentence_that_only_talks_about_attacks_stays_out_of_the_quote(gaz):
    [row] = incidents(
        gaz,
        "A roadside bomb hit a supply convoy near Nasiriyah on Sunday, damaging one truck. "
        "Drivers say the attacks have made the southern routes dangerous.",
    )
    assert row["quote"] == (
        "A roadside bomb hit a supply convoy near Nasiriyah on Sunday, damaging one truck."
    )


def test_one_verb_two_bases_is_two_incidents(gaz):
    rows = incidents(gaz, "Drones targeted Erbil airport, Harir base and Ain al-Asad on Monday.")
    assert [(r["place_id"], r["date"], r["weapon"]) for r in rows] == [
        ("erbil-air-base", "2021-05-03", "drone"),
        ("harir-base", "2021-05-03", "drone"),
        ("ain-al-asad", "2021-05-03", "drone"),
    ]
    plural = incidents(gaz, "Rockets hit Ain al-Asad and Balad air bases on Monday.")
    assert places(plural) == ["ain-al-asad", "balad-air-base"]
    # One place between two others is one incident.
    road = incidents(gaz, "A roadside bomb hit a convoy on the road between Hit and Haditha.")
    assert len(road) == 1


def test_figures_of_places_attacked_together_are_not_counted_twice(gaz):
    together = incidents(gaz, "Militants attacked Mosul and Kirkuk on Monday, killing ten people.")
    assert [(r["place_id"], r["killed"]) for r in together] == [("mosul", 10), ("kirkuk", None)]
    rows = incidents(
        gaz,
        "A rocket hit Mosul on Monday. A bomb exploded in Basra on Monday. Another rocket hit "
        "Mosul on Monday. Two people were killed.",
    )
    assert [(r["place_id"], r["killed"]) for r in rows] == [("mosul", 2), ("basra", None)]
    repeated = incidents(gaz, "Rockets hit Balad, Balad and Taji on Monday.")
    assert places(repeated) == ["balad", "taji"]


def test_the_skip_reasons_a_text_may_give_are_found_word_by_word() -> None:
    from mapper.extract.context import _REASON_PREFIXES, _may_skip
    from mapper.extract.words import words_of

    words = words_of("Troops withdrew after talks and repeated warnings, officials recalled.")
    assert _may_skip(words) == ("summary", "withdrawal", "history", "diplomacy", "threat")
    # One beginning is found per word: none may begin a beginning of another reason.
    for reason, beginnings in _REASON_PREFIXES.items():
        for other, others in _REASON_PREFIXES.items():
            clashes = [(b, o) for b in beginnings for o in others if b.startswith(o)]
            assert reason == other or not clashes, (reason, other, clashes)
