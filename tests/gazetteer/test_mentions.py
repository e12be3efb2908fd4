"""Finding place names in running text without mistaking ordinary words for places."""

import re

from gazetteer import default_gazetteer


def mentions(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.place.id) for m in default_gazetteer().find_mentions(text)]


def test_names_found_with_offsets_in_text_order() -> None:
    text = "Rockets struck near the US embassy in the Green Zone of Baghdad."
    found = default_gazetteer().find_mentions(text)
    assert [(m.text, m.place.id) for m in found] == [
        ("US embassy", "us-embassy-baghdad"),
        ("Green Zone", "green-zone"),
        ("Baghdad", "baghdad"),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_transliteration_variants_in_text() -> None:
    found = mentions("Drones flew from al-Qa'im toward Ain al-Assad and Irbil.")
    ids = [pid for _, pid in found]
    assert ids[1:] == ["ain-al-asad", "erbil"]
    assert found[0][0] == "al-Qa'im"


def test_hit_the_verb_is_not_the_town() -> None:
    assert mentions("Two rockets hit the runway.") == []
    assert [pid for _, pid in mentions("A roadside bomb exploded in Hit on Monday.")] == ["hit"]


def test_a_generic_green_zone_is_not_the_baghdad_one() -> None:
    assert mentions("The city council planted a green zone beside the river.") == []


def test_weekdays_and_months_are_not_places() -> None:
    assert mentions("On Tuesday in May and on Sunday in March nothing happened.") == []


def test_person_named_after_a_place_is_not_a_place() -> None:
    ids = [pid for _, pid in mentions("Abu Mahdi al-Muhandis was killed with General Soleimani.")]
    assert ids == []


def test_longest_name_wins() -> None:
    found = mentions("Flights resumed at Baghdad International Airport.")
    assert found == [("Baghdad International Airport", "baghdad-airport")]


def test_hit_opening_a_sentence_as_the_verb_is_not_the_town() -> None:
    assert mentions("Hit by a rocket, the depot burned for hours.") == []
    assert [pid for _, pid in mentions("Hit was shelled again on Monday.")] == ["hit"]


def test_surname_with_al_after_a_given_name_is_a_person() -> None:
    assert mentions("Spokesman Khalid al-Obeidi said the roads were open.") == []
    assert [pid for _, pid in mentions("Rockets fell on Camp al-Taqaddum.")] == ["al-taqaddum"]


def test_a_town_is_offered_once_not_again_from_the_base_layer() -> None:
    candidates = default_gazetteer().lookup("Ramadi")
    assert [c.place.id for c in candidates if c.score == 100] == ["ramadi"]
    # Then the areas named after it, never the town again from GeoNames.
    assert [c.place.id for c in candidates] == ["ramadi", "gov-anbar", "dist-ramadi"]


def test_name_openings_are_found_where_the_regex_word_boundary_puts_them() -> None:
    # After each character of the Basic Multilingual Plane, a capital or an article opens
    # a name exactly when that character is no word character (\w).
    from gazetteer._mentions import _openings

    word = re.compile(r"\w")
    for code in range(0x10000):
        before = chr(code)
        opens = word.match(before) is None
        assert (1 in _openings(before + "Basra")) == opens, hex(code)
        assert (1 in _openings(before + "al-Qaim")) == opens, hex(code)


def test_a_possessive_place_is_found_unless_it_names_an_institution() -> None:
    assert mentions("A bomb went off in Mosul's old city.") == [("Mosul", "mosul")]
    assert mentions("Gunmen struck in Basra's Hayyaniya district.") == [("Basra", "basra")]
    assert mentions("No one was hurt, the Kurdistan Region's government said.") == []


def test_a_plural_kind_word_closes_the_second_of_two_names() -> None:
    assert mentions("Rockets hit Ain al-Asad and Balad air bases.") == [
        ("Ain al-Asad", "ain-al-asad"),
        ("Balad air bases", "balad-air-base"),
    ]


def test_a_possessive_before_an_institution_is_no_place() -> None:
    assert mentions("Turkey's military said it struck PKK positions.") == []
    assert mentions("Iraq's Prime Minister condemned the attack.") == []
    assert mentions("Baghdad's international airport was hit.") == [("Baghdad", "baghdad")]
