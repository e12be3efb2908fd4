"""Finding place-like names the gazetteer lacks, as candidates for curation."""

from __future__ import annotations

from mapper import Report, read_reports
from mapper.extract.unmatched import candidate_names, unmatched_names

TEXT = (
    "Rockets hit the Green Zone in Baghdad on Tuesday. Prime Minister Moustafa al-Kazimi "
    "condemned the attack. Others fell near Jurf al-Sakhar and outside Abu Ghraib, north "
    "of Tarmiyah. In March, drones were launched at al-Qaim, AFP said. The attack at "
    "Camp Taji followed one at al-Qaim's gate, according to sources in Iraqi security. "
    "A statement from the Hezbollah Brigades denied it."
)


def test_names_after_place_words_and_arabic_article_names_are_found(small_gazetteer):
    assert candidate_names(TEXT, small_gazetteer) == [
        "Jurf al-Sakhar",
        "Abu Ghraib",
        "Tarmiyah",
        "al-Qaim",
        "al-Qaim",  # the possessive "'s" is not part of the name
    ]


def test_known_places_in_any_spelling_are_left_out(small_gazetteer):
    names = candidate_names(
        "Drones struck near Irbil and at Taji, in the Green Zone.", small_gazetteer
    )
    assert names == []


def test_people_calendar_words_and_acronyms_are_left_out(small_gazetteer):
    names = candidate_names(TEXT, small_gazetteer)
    for not_a_place in ("Moustafa al-Kazimi", "al-Kazimi", "Prime Minister", "March", "AFP"):
        assert not_a_place not in names
    for not_a_place in ("Hezbollah Brigades", "Hezbollah"):
        assert not_a_place not in names
    assert "Iraqi" not in names  # an adjective on its own


def test_names_are_counted_across_reports_most_frequent_first(small_gazetteer):
    reports = [
        Report("a", TEXT, path="a.md"),
        Report("b", "Mortars fell on Al Qaim overnight.", title="Shelling near Abu Ghraib"),
    ]
    assert unmatched_names(reports, small_gazetteer) == [
        ("al-Qaim", 3),  # "Al Qaim" is the same name; the commoner spelling is shown
        ("Abu Ghraib", 2),
        ("Jurf al-Sakhar", 1),
        ("Tarmiyah", 1),
    ]


def test_the_seed_reports_give_names_the_small_gazetteer_lacks(seeds_dir, small_gazetteer):
    names = dict(unmatched_names(read_reports(seeds_dir), small_gazetteer))
    assert "Al-Qaim" in names  # "the Iraqi military base in Al-Qaim"
    assert "Baghdad" not in names and "Green Zone" not in names


def test_a_name_before_the_kind_of_place_it_is_is_a_candidate(small_gazetteer):
    text = "A drone struck the Khor Mor gas field on Monday; a bomb hit the Zanjili area."
    assert candidate_names(text, small_gazetteer) == ["Khor Mor", "Zanjili"]


def test_a_people_or_faith_before_a_place_word_is_no_candidate(small_gazetteer):
    text = "A Kurdish Peshmerga base was hit; a bomb exploded in a Shiite Muslim area."
    assert candidate_names(text, small_gazetteer) == []
