"""Loading, lookup, nesting and areas on the bundled gazetteer."""

from pathlib import Path

import pytest

from gazetteer import (
    GazetteerFileError,
    UnknownPlaceError,
    default_gazetteer,
    load_gazetteer,
)

FIXTURES = Path(__file__).parents[1] / "fixtures" / "gazetteer"


def test_default_gazetteer_is_loaded_once() -> None:
    assert default_gazetteer() is default_gazetteer()
    assert load_gazetteer() is default_gazetteer()


def test_bundled_data_has_curated_and_base_layers() -> None:
    layers = {p.layer for p in default_gazetteer()}
    assert {"curated", "geonames"} <= layers
    assert len(default_gazetteer()) > 1000


def test_exact_lookup_ranks_curated_place_first_with_full_score() -> None:
    best = default_gazetteer().lookup("al-Qa'im")[0]
    assert best.score == 100
    assert best.place.layer == "curated"
    assert best.place.id in {"al-qaim", "al-qaim-town"} or "qaim" in best.place.id


def test_fuzzy_lookup_offers_near_spellings_with_lower_score() -> None:
    candidates = default_gazetteer().lookup("Qayarrah")
    assert candidates, "a one-letter slip should still find Qayyarah"
    assert candidates[0].score < 100
    assert "qayyar" in candidates[0].place.name.casefold()


def test_fuzzy_can_be_turned_off() -> None:
    assert default_gazetteer().lookup("Qayarrah", fuzzy=False) == []


def test_arbil_is_erbil_not_karbala() -> None:
    assert default_gazetteer().lookup("Arbil")[0].place.id == "erbil"
    assert default_gazetteer().lookup("Karbala")[0].place.id == "karbala"


def test_unknown_id_raises_a_key_error_that_names_it() -> None:
    with pytest.raises(UnknownPlaceError, match="atlantis") as caught:
        default_gazetteer().get("atlantis")
    assert isinstance(caught.value, KeyError)


def test_embassy_nests_in_green_zone_in_baghdad() -> None:
    gaz = default_gazetteer()
    chain = [p.id for p in gaz.ancestors("us-embassy-baghdad")]
    assert chain[:2] == ["green-zone", "baghdad"]
    assert gaz.contains("baghdad", "us-embassy-baghdad")
    assert gaz.contains("green-zone", "us-embassy-baghdad")
    assert not gaz.contains("us-embassy-baghdad", "green-zone")
    assert not gaz.contains("erbil", "us-embassy-baghdad")


def test_point_in_green_zone_lies_in_its_outline() -> None:
    gaz = default_gazetteer()
    embassy = gaz.get("us-embassy-baghdad")
    assert gaz.get("green-zone").geometry is not None
    areas = [p.id for p in gaz.areas_containing(embassy.latitude, embassy.longitude)]
    assert "green-zone" in areas
    erbil = gaz.get("erbil")
    assert "green-zone" not in [p.id for p in gaz.areas_containing(erbil.latitude, erbil.longitude)]


def test_user_file_extends_and_overrides_the_bundled_data() -> None:
    gaz = load_gazetteer(FIXTURES / "good_user_places.csv")
    assert gaz.lookup("Alpha base")[0].place.id == "camp-test-alpha"
    assert gaz.get("camp-test-alpha").layer == "user"
    assert "us-embassy-baghdad" in gaz  # the bundled data is still there
    assert "camp-test-alpha" not in default_gazetteer()  # and was not changed


def test_bad_user_file_is_refused_whole_naming_file_and_rows() -> None:
    path = FIXTURES / "bad_user_places.csv"
    with pytest.raises(GazetteerFileError) as caught:
        load_gazetteer(path)
    message = str(caught.value)
    assert str(path) in message
    assert f"{path}:2: latitude 133.4 is out of range" in message
    assert f"{path}:3: kind 'fortress'" in message
    assert "parent 'nowhere-land' is not a known place" in message
    assert f"{path}:5: (40.7, -74.0) lies outside IQ" in message
    assert f"{path}:6: source is empty" in message
    assert "name 'shared name' is given to both 'camp-bad-seven' and 'camp-bad-six'" in message
    assert f"{path}:9: duplicate id 'camp-bad-six'" in message


@pytest.mark.parametrize(
    "name",
    ["Karbala airport", "Karbala International Airport", "Kut airbase", "Balad airport",
     "Shatt al-Arab District"],
)  # fmt: skip
def test_a_near_spelling_must_be_near_in_the_name_not_only_in_the_kind(name: str) -> None:
    # "airport" and "air base" alone must not carry an unknown place to a far-away one.
    assert default_gazetteer().lookup(name) == []


def test_a_slip_in_the_kind_word_still_finds_the_place() -> None:
    gaz = default_gazetteer()
    assert gaz.lookup("Erbil airprot")[0].place.id == "erbil-air-base"
    assert gaz.lookup("Baghdad Internationl Airport")[0].place.id == "baghdad-airport"


def test_words_run_together_are_still_a_near_spelling() -> None:
    assert default_gazetteer().lookup("Ain alAsad")[0].place.id == "ain-al-asad"
