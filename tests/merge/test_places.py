"""Which places name one attack: a base, airport or other site and the town it lies beside."""

from __future__ import annotations

from typing import Any

import pandas as pd

import mapper


def mention(report_id: str, place_id: str, **fields: Any) -> dict[str, Any]:
    """A rocket attack on 27 Dec 2019 at *place_id*."""
    row: dict[str, Any] = {
        "report_id": report_id,
        "incident_id": f"{report_id}-1",
        "date": "2019-12-27",
        "date_precision": "day",
        "place_id": place_id,
        "weapon": "rocket",
    }
    row.update(fields)
    return row


def merge(*rows: dict[str, Any]) -> pd.DataFrame:
    return mapper.merge_incidents(mapper.incident_frame(rows))


def test_rockets_near_a_town_and_on_the_base_beside_it_are_one_attack_at_the_base() -> None:
    # "Rockets hit near Kirkuk" and "rockets hit the K1 base", 11 km from the city's point.
    merged = merge(mention("wire", "kirkuk"), mention("local", "k1-base"))
    assert merged["place_id"].tolist() == ["k1-base"]
    assert merged["n_reports"].tolist() == [2]


def test_a_base_named_for_a_town_and_the_town_are_one_attack() -> None:
    merged = merge(mention("wire", "taji"), mention("local", "camp-taji"))
    assert merged["place_id"].tolist() == ["camp-taji"]


def test_the_town_and_its_base_on_different_days_stay_two_attacks() -> None:
    merged = merge(mention("wire", "kirkuk"), mention("local", "k1-base", date="2019-12-28"))
    assert len(merged) == 2


def test_the_town_does_not_hold_a_base_by_another_town() -> None:
    # Ain al-Asad lies 12 km from Baghdadi (radius 4 km): "Baghdadi" is not the base.
    merged = merge(mention("wire", "baghdadi"), mention("local", "ain-al-asad"))
    assert len(merged) == 2


def test_a_town_beside_two_hit_sites_is_not_guessed() -> None:
    # K1 and Kirkuk airport both hit that day: a third report says only "Kirkuk".
    merged = merge(
        mention("a", "k1-base"),
        mention("b", "kirkuk-airport"),
        mention("c", "kirkuk"),
    )
    assert len(merged) == 3


def test_two_bases_beside_one_town_stay_two_attacks() -> None:
    merged = merge(mention("a", "k1-base"), mention("b", "kirkuk-airport"))
    assert len(merged) == 2
