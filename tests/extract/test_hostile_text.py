"""Hostile text (issue 14): each pathological input, built as the issue describes it, at
a size where quadratic work takes seconds to minutes, gives a sane answer for work that
grows with its length.

No test here reads a clock (the house rule): each counts the work that was quadratic,
through a counting stand-in for the function or pattern that did it, and bounds it by
the size of the input. ``benchmarks/bench_hostile.py`` shows the speed itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from mapper import Report, extract_report
from mapper.extract import (
    counts,
    incident,
    place_references,
    places,
    run_extraction,
    sentences,
    weapons,
)
from mapper.extract.counts import MAX_DIGITS
from mapper.extract.place_references import MAX_LOOK_BACKS
from mapper.extract.place_words import MAX_LISTED_PROVINCES
from mapper.extract.references import MAX_OPEN_INCIDENTS


def _report(text: str) -> Report:
    return Report("hostile", text, None, "2021-05-04")


class Counted:
    """A stand-in that counts the calls to *function* and passes them on."""

    def __init__(self, function: Callable[..., Any]) -> None:
        self.function, self.calls = function, 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        return self.function(*args, **kwargs)


class ScannedPattern:
    """A stand-in for a compiled pattern that adds up how much text its searches read
    (up to the match found, or to the end of the range when none is), and notes the
    length of each text it iterates over."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.scanned, self.read = pattern, 0, []  # type: ignore[var-annotated]

    def finditer(self, text: str, *args: int) -> Any:
        self.read.append(len(text))
        return self.pattern.finditer(text, *args)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        end = len(text) if endpos is None else endpos
        found = self.pattern.search(text, pos, end)
        self.scanned += (found.start() if found else end) - pos
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pattern, name)


#: One clause naming places thousands of times, as the issue lists them; two places
#: alternate, as every hit used to be held against every other hit of another place.
NAME_RUNS = {
    "Hit": ("Rockets hit " + "Hit Baghdad " * 12000 + ".", {"hit"}),
    "Baghdad, ": ("Rockets hit " + "Baghdad, Basra, " * 6000 + ".", {"baghdad", "basra"}),
    "Baghdad and ": (
        "Rockets hit " + "Baghdad and Basra and " * 4000 + "Kut.",
        {"baghdad", "basra", "kut"},
    ),
    "Arabic names": ("Rockets hit " + "بغداد البصرة " * 8000 + ".", {"baghdad"}),
    "(Baghdad) ": ("Rockets hit " + "(Baghdad) (Basra) " * 5000 + ".", {"baghdad"}),
}


@pytest.mark.parametrize("name", NAME_RUNS)
def test_a_clause_naming_places_thousands_of_times_compares_no_pairs(gaz, monkeypatch, name):
    text, place_ids = NAME_RUNS[name]
    contains = Counted(places._contains)
    monkeypatch.setattr(places, "_contains", contains)
    rows = extract_report(_report(text), gaz)
    assert {row["place_id"] for row in rows} == place_ids
    # Each hit was held against every hit of another place: 10**8 questions here.
    assert contains.calls <= 4 * len(text.split())


def test_the_issues_run_of_hit_is_a_heading_or_one_incident(gaz):
    text = "Rockets hit " + "Hit " * 24750  # 99 KB, no full stop: a heading
    assert extract_report(_report(text), gaz) == []
    assert [row["place_id"] for row in extract_report(_report(text + "."), gaz)] == ["hit"]


def test_a_list_that_provinces_closes_is_read_over_a_bounded_number_of_names(gaz):
    def governorate(listed: int) -> str:
        names = ", ".join(["Najaf"] * listed)
        return extract_report(_report(f"Rockets hit Karbala, {names} and Anbar provinces."), gaz)[
            0
        ]["place_id"]

    assert governorate(MAX_LISTED_PROVINCES - 2) == "gov-karbala"
    assert governorate(MAX_LISTED_PROVINCES + 5) != "gov-karbala"
    # 20,000 names, each read to the end of the list, was quadratic; now the names far
    # from "provinces" are the city, whatever follows.
    text = "Rockets hit " + "Karbala, " * 20000 + "Anbar provinces."
    assert [row["place_id"] for row in extract_report(_report(text), gaz)] == ["karbala"]


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("A rocket hit Baghdad. " + "3 killed and 4 wounded " * 4000 + ".", 3, 4),
        ("Rockets hit Baghdad. " + "3, " * 30000 + "3 were killed.", 3, None),
        ("Rockets hit Baghdad. " + "the commander Abu Mahdi, " * 4000 + "were killed.", 1, None),
    ],
    ids=["killed and wounded", "numbers listed", "names listed"],
)
def test_people_before_thousands_of_verbs_are_read_item_by_item(
    gaz, monkeypatch, text, killed, injured
):
    items = Counted(counts._count_item)
    monkeypatch.setattr(counts, "_count_item", items)
    [row] = extract_report(_report(text), gaz)
    assert (row["killed"], row["injured"]) == (killed, injured)
    # Every list opening before every verb was read anew: millions of items.
    assert items.calls <= 20 * len(text.split())


def test_a_figure_of_thousands_of_digits_is_refused_not_a_crash(gaz):
    text = "Rockets hit Baghdad, killing " + "9" * 5000 + " people."
    [row] = extract_report(_report(text), gaz)
    assert row["killed"] == 10**MAX_DIGITS  # int() refuses to read 5,000 digits
    run = run_extraction([_report(text)], progress=False)
    assert [o.status for o in run.outcomes] == ["incidents"]
    assert run.incidents["killed"].isna().all()
    assert any("killed" in warning for o in run.outcomes for warning in o.warnings)


def test_a_number_of_thousands_of_comma_groups_is_read_once(monkeypatch):
    pattern = ScannedPattern(weapons._PROJECTILES_RE)
    monkeypatch.setattr(weapons, "_PROJECTILES_RE", pattern)
    text = "Two rockets hit Baghdad, firing 1" + ",000" * 20000 + " rockets."
    assert weapons.projectile_figures(text) == [(2, ""), (10**MAX_DIGITS, "")]
    # The pattern tried every comma of the number, each time reading on to its end.
    assert max(pattern.read) < 200


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers" + " and a soldier" * 8000 + " hit Balad.",
        "Rockets hit Baghdad" + " and a rocket hit Balad" * 4000 + ".",
        "Rockets hit Baghdad" + " and two rockets hit Balad, and a drone" * 2500 + ".",
    ],
    ids=["no verb before", "a verb each", "commas between"],
)
def test_a_sentence_of_thousands_of_ands_is_read_once_for_its_verbs(monkeypatch, text):
    verbs = ScannedPattern(sentences._ATTACK_VERB_RE)
    stops = ScannedPattern(sentences._PUNCTUATION_RE)
    monkeypatch.setattr(sentences, "_ATTACK_VERB_RE", verbs)
    monkeypatch.setattr(sentences, "_PUNCTUATION_RE", stops)
    document = sentences.split_document(text)
    assert document.clauses[0].text.startswith(text[:8])
    # Each "and" looked for a verb from the clause's start and on to the next one.
    assert verbs.scanned + stops.scanned <= 4 * len(text)


def _towns(gaz) -> list[str]:
    """Iraqi towns each found alone as that town, farther apart than any radius."""
    towns = []
    for place in sorted(gaz, key=lambda p: p.id):
        if place.country == "IQ" and place.kind in ("city", "town", "village"):
            found = gaz.find_mentions(f"Rockets hit {place.name}.")
            if len(found) == 1 and found[0].candidates[0].id == place.id:
                towns.append(place)
    return towns


def test_a_report_of_hundreds_of_incidents_looks_back_at_a_few(gaz, monkeypatch):
    towns = _towns(gaz)
    text = " ".join(f"A rocket hit {town.name}." for town in towns)
    compatible = Counted(incident.compatible)
    monkeypatch.setattr(incident, "compatible", compatible)
    rows = extract_report(_report(text), gaz)
    assert len(rows) > 100  # towns within a town's radius join its incident
    assert {row["place_id"] for row in rows} <= {town.id for town in towns}
    # Every clause was held against every incident before it.
    assert compatible.calls <= (MAX_OPEN_INCIDENTS + 1) * len(towns)


def test_thousands_of_the_base_look_back_a_bounded_number_of_times(gaz, monkeypatch):
    looks = Counted(place_references.last_named_site)
    monkeypatch.setattr(place_references, "last_named_site", looks)
    assert extract_report(_report("Rockets hit the base. " * 4000), gaz) == []
    # Each read the 3,000 characters before it for a base the story named.
    assert looks.calls == MAX_LOOK_BACKS


def test_clauses_of_one_long_sentence_ask_about_it_once(gaz):
    sentences.first_colon.cache_clear()
    text = "Officials blamed militias: " + "a rocket hit Baghdad; " * 4000 + "none was hurt."
    extract_report(_report(text), gaz)
    # Where its colon is, and what follows it, were read again for every clause.
    assert sentences.first_colon.cache_info().misses <= 2
