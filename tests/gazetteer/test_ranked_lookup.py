"""Lookups that rank (issue 13, "Lookups and the geocoder"), from the API and the CLI.

A name offers the places named after it too, with kind and score; the start of a name
finds the longer names; a name far outside the gazetteer's region finds nothing.
"""

from __future__ import annotations

import json

import pytest

from gazetteer import GazetteerGeocoder, default_gazetteer
from mapper.cli.main import main


def lookup(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """``mapper gazetteer lookup ARGV...``: the exit status and what it printed."""
    status = main(["gazetteer", "lookup", *argv])
    return status, capsys.readouterr().out


def test_erbil_offers_the_city_then_the_governorate_district_and_air_base(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out = lookup(capsys, "Erbil", "--limit", "5", "--json")
    assert status == 0
    rows = [(r["id"], r["kind"], r["score"]) for r in json.loads(out)]
    assert rows == [
        ("erbil", "city", 100.0),
        ("gov-erbil", "governorate", 80.0),
        ("dist-erbil", "district", 80.0),
        # Erbil International Airport is the air base's site: one place, found by both.
        ("erbil-air-base", "military base", 80.0),
    ]


def test_the_table_puts_space_between_every_column(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = lookup(capsys, "Erbil", "--limit", "5")
    lines = out.splitlines()
    assert status == 0
    assert lines[0].split() == [
        "score", "id", "name", "kind", "latitude", "longitude", "parent", "source"
    ]  # fmt: skip
    assert lines[1].startswith("100.0  erbil           Erbil              city           ")
    assert "Erbil Governorate  governorate" in lines[2]
    status, out = lookup(capsys, "BIAP")
    assert "Baghdad International Airport  airport" in out


def test_taji_offers_camp_taji(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = lookup(capsys, "Taji", "--json")
    assert [(r["id"], r["score"]) for r in json.loads(out)][:2] == [
        ("taji", 100.0),
        ("camp-taji", 80.0),
    ]


@pytest.mark.parametrize("name", ["Erbil air", "erbil airp", "Irbil air"])
def test_the_start_of_a_name_finds_the_air_base_and_airport(name: str) -> None:
    candidates = default_gazetteer().lookup(name)
    assert [c.place.id for c in candidates] == ["erbil-air-base"]
    base = default_gazetteer().get("erbil-air-base")
    assert "Erbil International Airport" in base.aliases  # the airport is the same place
    assert 70 <= candidates[0].score < 100  # a longer name, or a near spelling of one


def test_a_name_far_outside_the_region_finds_nothing_in_the_api_geocoder_and_cli(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # "Paris" is 91 % like Pardis, a town in Iran in the broad GeoNames layer.
    assert default_gazetteer().lookup("Paris") == []
    assert GazetteerGeocoder().geocode("Paris") is None
    assert GazetteerGeocoder().geocode("Paris", exactly_one=False) is None
    assert lookup(capsys, "Paris") == (1, "no place matches 'Paris'\n")


def test_near_spellings_of_iraqi_places_are_still_found_with_their_score() -> None:
    geocoder = GazetteerGeocoder()
    location = geocoder.geocode("Erbl")
    assert location is not None and location.raw["id"] == "erbil"
    assert 85 <= location.raw["score"] < 100
    # A neighbour's town in the GeoNames layer: by its own name, never a near one.
    assert default_gazetteer().lookup("Pardis")[0].place.country == "IR"
    assert default_gazetteer().lookup("Pardys") == []


def test_a_query_of_kind_words_alone_finds_no_longer_name() -> None:
    assert default_gazetteer().lookup("airport") == []
    assert default_gazetteer().lookup("air base") == []


def test_exact_only_lookups_are_unchanged() -> None:
    gaz = default_gazetteer()
    assert [c.place.id for c in gaz.lookup("Erbil", fuzzy=False)] == ["erbil"]
    assert gaz.lookup("Erbil air", fuzzy=False) == []
