"""Undated mentions: which dated attack of other reports they join, and when they stay apart."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

import mapper

UNDATED = {"date": None, "date_precision": "unknown"}


def mention(report_id: str, n: int = 1, **fields: Any) -> dict[str, Any]:
    """A car bomb in Sadr City on 11 May 2016, in a report published that day, by default."""
    row: dict[str, Any] = {
        "report_id": report_id,
        "incident_id": f"{report_id}-{n}",
        "date": "2016-05-11",
        "date_precision": "day",
        "place_id": "sadr-city",
        "place": "Sadr City",
        "weapon": "ied",
        "published": "2016-05-11",
    }
    row.update(fields)
    return row


def merge(*rows: dict[str, Any]) -> pd.DataFrame:
    frame = mapper.incident_frame(rows)
    frame["published"] = frame["published"].astype("string")  # as mapper.extract types it
    return mapper.merge_incidents(frame)


def reports_of(merged: pd.DataFrame) -> list[str]:
    return sorted(merged["report_id"])


def test_a_brief_with_no_date_word_joins_the_attack_dated_on_its_publication_day() -> None:
    # "A car bomb tore through a market in Sadr City" in a brief of 11 May, no day named.
    merged = merge(mention("brief", **UNDATED), mention("wire"))

    assert reports_of(merged) == ["brief;wire"]
    assert merged.loc[0, ["date", "date_precision"]].tolist() == ["2016-05-11", "day"]


def test_a_brief_with_no_date_word_joins_the_attack_of_the_night_before() -> None:
    merged = merge(
        mention("brief", published="2016-05-12", **UNDATED),
        mention("wire", published="2016-05-12"),
    )
    assert reports_of(merged) == ["brief;wire"]


def test_an_undated_brief_does_not_join_an_attack_days_before_it_was_published() -> None:
    # The same market is bombed again; the brief of the 15th tells the new attack.
    merged = merge(mention("brief", published="2016-05-15", **UNDATED), mention("wire"))
    assert reports_of(merged) == ["brief", "wire"]


def test_an_attack_recalled_beside_a_newer_one_joins_the_earlier_attack_that_week() -> None:
    # "Rockets hit Camp Taji on Saturday ... three days after the rocket attack that
    # killed three": the report dates the new attack and recalls the earlier one undated.
    taji = {"place_id": "camp-taji", "place": "Camp Taji", "weapon": "rocket"}
    merged = merge(
        mention("first", date="2020-03-11", published="2020-03-11", **taji),
        mention("second", n=1, date="2020-03-14", published="2020-03-15", **taji),
        mention("second", n=2, published="2020-03-15", **{**taji, **UNDATED}),
    )

    assert merged["date"].tolist() == ["2020-03-11", "2020-03-14"]
    earlier = json.loads(merged.loc[0, "sources"])
    assert [s["incident_id"] for s in earlier] == ["first-1", "second-2"]


def test_an_attack_recalled_from_more_than_a_week_before_stays_apart() -> None:
    taji = {"place_id": "camp-taji", "place": "Camp Taji", "weapon": "rocket"}
    merged = merge(
        mention("first", date="2020-03-01", published="2020-03-01", **taji),
        mention("second", n=1, date="2020-03-14", published="2020-03-15", **taji),
        mention("second", n=2, published="2020-03-15", **{**taji, **UNDATED}),
    )
    assert len(merged) == 3


def test_a_recalled_attack_does_not_join_the_reports_own_attack_dated_a_day_off() -> None:
    # The analysis dates the missile strike on the 15th and recalls an older strike on
    # the city; a wire dates the same new strike to the 14th.
    erbil = {"place_id": "erbil", "place": "Erbil", "weapon": "missile"}
    merged = merge(
        mention("analysis", n=1, date="2024-01-15", published="2024-01-17", **erbil),
        mention("analysis", n=2, published="2024-01-17", **{**erbil, **UNDATED}),
        mention("wire", date="2024-01-14", published="2024-01-15", **erbil),
    )
    assert merged["date"].isna().sum() == 1
    assert "analysis" in set(merged["report_id"])


def test_an_undated_mention_that_fits_two_attacks_is_not_guessed() -> None:
    # Car bombs in Sadr City on the 11th and on the 12th, each told on its day: which one?
    merged = merge(
        mention("brief", published="2016-05-12", **UNDATED),
        mention("wire-a", date="2016-05-11", published="2016-05-11"),
        mention("wire-b", date="2016-05-12", published="2016-05-12"),
    )
    assert reports_of(merged) == ["brief", "wire-a", "wire-b"]


def test_an_undated_mention_does_not_join_another_place_or_weapon() -> None:
    merged = merge(
        mention("brief", **UNDATED),
        mention("wire", place_id="kadhimiya", place="Kadhimiya"),
        mention("radio", weapon="rocket"),
    )
    assert len(merged) == 3


def test_two_undated_places_of_one_report_do_not_both_join_one_vague_attack() -> None:
    # "Bombs hit Sadr City and Kadhimiya" (no day) and a wire's "a bombing in Baghdad".
    merged = merge(
        mention("brief", n=1, **UNDATED),
        mention("brief", n=2, place_id="kadhimiya", place="Kadhimiya", **UNDATED),
        mention("wire", place_id="baghdad", place="Baghdad"),
    )
    assert len(merged) == 3


def test_an_undated_region_and_an_undated_base_in_it_of_one_report_stay_two_attacks() -> None:
    # "Jets struck near Anbar" and "militants fired missiles at Ain al-Asad", no days.
    anbar = {"place_id": "gov-anbar", "place": "Anbar", "weapon": "missile"}
    asad = {"place_id": "ain-al-asad", "place": "Ain al-Asad", "weapon": "missile"}
    merged = merge(
        mention("analysis", n=1, published=None, **{**anbar, **UNDATED}),
        mention("analysis", n=2, published=None, **{**asad, **UNDATED}),
    )
    assert len(merged) == 2
    # Both fit the wire's dated attack on the base: which one is it? Neither is guessed.
    merged = merge(
        mention("brief", n=1, **{**anbar, **UNDATED}),
        mention("brief", n=2, **{**asad, **UNDATED}),
        mention("wire", **asad),
    )
    assert len(merged) == 3


def test_undated_mentions_of_two_reports_can_join_one_attack() -> None:
    merged = merge(mention("brief", **UNDATED), mention("radio", **UNDATED), mention("wire"))
    assert reports_of(merged) == ["brief;radio;wire"]


def test_without_a_publication_date_an_undated_mention_stays_apart() -> None:
    merged = merge(mention("analysis", published=None, **UNDATED), mention("wire"))
    assert reports_of(merged) == ["analysis", "wire"]


def test_an_attack_recalled_in_a_report_of_an_attack_elsewhere_joins_the_one_dated_that_month() -> (
    None
):
    # "Rockets hit Ain al-Asad today ... a spate of attacks, including one that killed a
    # contractor at Erbil airport": that Erbil attack, dated by another report weeks ago.
    merged = merge(
        mention("asad", 1, place_id="ain-al-asad", place="Ain al-Asad", weapon="rocket",
                date="2021-03-03", published="2021-03-03"),
        mention("asad", 2, place_id="erbil-air-base", place="Erbil air base", weapon="rocket",
                published="2021-03-03", **UNDATED),
        mention("erbil", place_id="erbil-air-base", place="Erbil air base", weapon="rocket",
                date="2021-02-15", published="2021-02-16"),
    )  # fmt: skip
    assert reports_of(merged) == ["asad", "asad;erbil"]


def test_a_recalled_attack_joins_nothing_when_two_attacks_there_that_month_fit() -> None:
    erbil = {"place_id": "erbil-air-base", "place": "Erbil air base", "weapon": "rocket"}
    merged = merge(
        mention("asad", 1, place_id="ain-al-asad", place="Ain al-Asad", weapon="rocket",
                date="2021-03-03", published="2021-03-03"),
        mention("asad", 2, published="2021-03-03", **erbil, **UNDATED),
        mention("first", date="2021-02-15", published="2021-02-16", **erbil),
        mention("second", date="2021-02-24", published="2021-02-24", **erbil),
    )  # fmt: skip
    assert reports_of(merged) == ["asad", "asad", "first", "second"]
