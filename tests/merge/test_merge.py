"""mapper.merge_incidents: one row per attack, every source kept, ids that stay put."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import pytest

import mapper
from gazetteer import Gazetteer, Place
from mapper.errors import IncidentTableError


def mention(report_id: str, n: int = 1, **fields: Any) -> dict[str, Any]:
    """One raw incident mention; a rocket attack on the Green Zone, 17 Nov 2020, by default."""
    row: dict[str, Any] = {
        "report_id": report_id,
        "incident_id": f"{report_id}-{n}",
        "date": "2020-11-17",
        "date_precision": "day",
        "place_id": "green-zone",
        "place": "Green Zone",
        "weapon": "rocket",
        "title": f"Title of {report_id}",
        "url": f"https://news.example/{report_id}",
        "source": f"Outlet {report_id}",
        "quote": f"quote from {report_id}",
    }
    row.update(fields)
    return row


def merge(*rows: dict[str, Any], **options: Any) -> pd.DataFrame:
    frame = mapper.incident_frame(rows)
    if "published" in frame.columns:  # typed as mapper.extract types it
        frame["published"] = frame["published"].astype("string")
    return mapper.merge_incidents(frame, **options)


def test_two_reports_of_one_attack_become_one_row_with_both_sources() -> None:
    merged = merge(mention("reuters-1118"), mention("afp-1117"))

    assert len(merged) == 1
    row = merged.iloc[0]
    assert row["report_id"] == "afp-1117;reuters-1118"
    assert row["title"] == "Title of afp-1117;Title of reuters-1118"
    assert row["url"] == "https://news.example/afp-1117;https://news.example/reuters-1118"
    assert row["source"] == "Outlet afp-1117;Outlet reuters-1118"
    assert row["n_reports"] == 2
    sources = json.loads(row["sources"])
    assert [s["incident_id"] for s in sources] == ["afp-1117-1", "reuters-1118-1"]
    assert list(sources[0]) == [
        "incident_id", "report_id", "title", "url", "source", "quote",
        "date", "killed", "injured", "projectiles", "weapon", "place",
    ]  # fmt: skip


def test_embassy_green_zone_and_baghdad_on_one_day_are_one_attack_at_the_embassy() -> None:
    merged = merge(
        mention("a", place_id="baghdad", place="Baghdad", geo_precision=2),
        mention("b", place_id="green-zone", place="Green Zone", geo_precision=1),
        mention("c", place_id="us-embassy-baghdad", place="US embassy", geo_precision=1),
    )

    assert len(merged) == 1
    assert merged.loc[0, "place_id"] == "us-embassy-baghdad"
    assert merged.loc[0, "place"] == "US embassy"
    assert merged.loc[0, "n_reports"] == 3


def test_the_same_place_on_different_days_stays_two_attacks() -> None:
    merged = merge(mention("a", date="2020-11-17"), mention("b", date="2020-11-24"))
    assert merged["date"].tolist() == ["2020-11-17", "2020-11-24"]


def test_consecutive_days_stay_apart_without_publication_dates() -> None:
    merged = merge(mention("a", date="2020-11-17"), mention("b", date="2020-11-18"))
    assert len(merged) == 2


def test_different_places_on_the_same_day_stay_two_attacks() -> None:
    merged = merge(
        mention("a", place_id="ain-al-asad", place="Ain al-Asad"),
        mention("b", place_id="erbil-air-base", place="Erbil air base"),
    )
    assert sorted(merged["place_id"]) == ["ain-al-asad", "erbil-air-base"]


def test_a_month_date_joins_a_day_in_that_month_and_keeps_the_day() -> None:
    merged = merge(
        mention("a", date="2020-11", date_precision="month"),
        mention("b", date="2020-11-17"),
    )
    assert len(merged) == 1
    assert merged.loc[0, ["date", "date_precision"]].tolist() == ["2020-11-17", "day"]


def test_a_month_date_reaches_one_day_past_its_month() -> None:
    assert len(merge(mention("a", date="2020-11", date_precision="month"),
                     mention("b", date="2020-12-01"))) == 1  # fmt: skip
    assert len(merge(mention("a", date="2020-11", date_precision="month"),
                     mention("b", date="2020-12-02"))) == 2  # fmt: skip


def test_two_consecutive_months_stay_two_attacks() -> None:
    # "In February a bombing in Sadr City ... In March one at a checkpoint in Baghdad".
    merged = merge(
        mention("a", 1, date="2016-02", date_precision="month", place_id="sadr-city"),
        mention("a", 2, date="2016-03", date_precision="month", place_id="baghdad", weapon=None),
    )
    assert sorted(merged["date"]) == ["2016-02", "2016-03"]


def test_a_month_a_report_recalls_beside_its_own_day_is_not_another_reports_attack_that_day() -> (
    None
):
    # Report a: a drone hit Erbil airport on the 25th, "days after" Ain al-Asad was hit
    # (January). Report b: a drone hit Ain al-Asad on the 25th. Two attacks on Ain al-Asad.
    merged = merge(
        mention("a", 1, date="2024-01-25", place_id="erbil-air-base", weapon="drone"),
        mention("a", 2, date="2024-01", date_precision="month", place_id="ain-al-asad",
                weapon=None),
        mention("b", 1, date="2024-01-25", place_id="ain-al-asad", weapon="drone"),
    )  # fmt: skip
    assert sorted(merged["report_id"]) == ["a", "a", "b"]
    # Without a day of its own, report a's January would join b's attack.
    merged = merge(
        mention("a", 2, date="2024-01", date_precision="month", place_id="ain-al-asad",
                weapon=None),
        mention("b", 1, date="2024-01-25", place_id="ain-al-asad", weapon="drone"),
    )  # fmt: skip
    assert sorted(merged["report_id"]) == ["a;b"]


def test_a_report_published_after_midnight_joins_the_attack_of_the_day_before() -> None:
    # 'tonight' in a report of 00:30 on the 18th; the follow-up of the 18th says the 17th.
    merged = merge(
        mention("flash", date="2020-11-18", published="2020-11-18"),
        mention("follow-up", date="2020-11-17", published="2020-11-18"),
    )
    assert len(merged) == 1
    assert merged.loc[0, "date"] == "2020-11-17"


def test_one_report_telling_two_days_tells_two_attacks() -> None:
    # "A car bomb hit the square on Tuesday ... On Monday, a bomber hit the same area."
    merged = merge(
        mention("story", date="2020-11-18", published="2020-11-18"),
        mention("story", n=2, date="2020-11-17", published="2020-11-18"),
    )
    assert merged["date"].tolist() == ["2020-11-17", "2020-11-18"]


def test_an_attack_reported_on_its_own_day_is_not_pulled_into_the_next_day() -> None:
    merged = merge(
        mention("mon", date="2020-11-16", published="2020-11-16"),
        mention("mon-follow-up", n=1, date="2020-11-16", published="2020-11-17"),
        mention("tue", date="2020-11-17", published="2020-11-17"),
    )
    assert merged["date"].tolist() == ["2020-11-16", "2020-11-17"]


def test_disagreeing_figures_take_the_highest_and_sources_keep_each() -> None:
    merged = merge(
        mention("a", killed=1, injured=5, projectiles=4),
        mention("b", killed=2, injured=None, projectiles=7),
    )
    row = merged.iloc[0]
    assert (row["killed"], row["injured"], row["projectiles"]) == (2, 5, 7)
    sources = json.loads(row["sources"])
    assert [(s["killed"], s["injured"], s["projectiles"]) for s in sources] == [
        (1, 5, 4),
        (2, None, 7),
    ]


def test_a_generic_weapon_joins_a_specific_one_and_rocket_matches_missile() -> None:
    merged = merge(
        mention("a", weapon="explosive"),
        mention("b", weapon="missile"),
        mention("c", weapon="rocket"),
        mention("d", weapon=None),
        mention("e", weapon="rocket"),
    )
    assert len(merged) == 1
    assert merged.loc[0, "weapon"] == "rocket"


def test_a_drone_and_a_rocket_attack_on_one_base_the_same_day_stay_apart() -> None:
    merged = merge(
        mention("a", place_id="ain-al-asad", weapon="drone"),
        mention("b", place_id="ain-al-asad", weapon="rocket"),
    )
    assert sorted(merged["weapon"]) == ["drone", "rocket"]


def test_a_vague_mention_that_fits_two_attacks_is_not_guessed() -> None:
    merged = merge(
        mention("a", place_id="us-embassy-baghdad"),
        mention("b", place_id="baghdad-airport", weapon="drone"),
        mention("c", place_id="gov-baghdad", weapon=None),
    )
    assert len(merged) == 3
    vague = merged[merged["place_id"] == "gov-baghdad"]
    assert vague["report_id"].tolist() == ["c"]


def test_an_undated_mention_joins_only_an_undated_one_of_its_own_report() -> None:
    # "A drone hit the base on Sunday" (in a report dated only by month) and "it
    # followed an attack on 8 May": two attacks, the first one undated.
    undated = {"date": None, "date_precision": "unknown"}
    merged = merge(
        mention("a", n=1, **undated),
        mention("a", n=2, date="2021-05-08"),
        mention("a", n=3, weapon=None, **undated),
        mention("b", n=1, **undated),
    )
    assert len(merged) == 3
    assert merged["date"].isna().tolist() == [False, True, True]
    undated_a = merged[merged["report_id"] == "a"].iloc[1]
    assert [s["incident_id"] for s in json.loads(undated_a["sources"])] == ["a-1", "a-3"]


def test_a_city_known_only_by_its_point_holds_the_air_base_beside_it() -> None:
    merged = merge(
        mention("a", place_id="erbil", place="Erbil"),
        mention("b", place_id="erbil-air-base", place="Erbil air base"),
    )
    assert merged["place_id"].tolist() == ["erbil-air-base"]
    assert merged["n_reports"].tolist() == [2]


def test_places_of_different_layers_meet_by_distance() -> None:
    # The user's own spelling of the Erbil air base, 1.5 km from the curated point.
    gazetteer = Gazetteer(
        [
            Place("erbil-air-base", "Erbil Air Base", "military base", 36.237, 43.963,
                  radius_km=3.0),
            Place("my-erbil-airport", "Hawler airport", "airport", 36.25, 43.96,
                  radius_km=1.0, layer="user"),
            Place("my-kirkuk", "Kirkuk K1", "military base", 35.51, 44.35,
                  radius_km=1.0, layer="user"),
        ]
    )  # fmt: skip
    merged = merge(
        mention("a", place_id="erbil-air-base"),
        mention("b", place_id="my-erbil-airport"),
        mention("c", place_id="my-kirkuk"),
        gazetteer=gazetteer,
    )
    assert sorted(merged["report_id"]) == ["a;b", "c"]


def test_ids_stay_when_reports_are_added_removed_or_reordered() -> None:
    taji = mention("c", place_id="camp-taji", date="2021-03-02")
    base = [mention("a"), mention("b", place_id="us-embassy-baghdad"), taji]
    ids = dict(zip(merge(*base)["report_id"], merge(*base)["incident_id"], strict=True))

    reordered = merge(*reversed(base))
    assert dict(zip(reordered["report_id"], reordered["incident_id"], strict=True)) == ids

    # b gave the most precise place (the embassy): without a, nothing the id hashes moves.
    without_a = merge(base[1], taji)
    assert without_a["incident_id"].tolist() == [ids["a;b"], ids["c"]]

    with_more = merge(*base, mention("d", place_id="gov-baghdad"), mention("e", date="2022-01-13"))
    assert ids["c"] in set(with_more["incident_id"])
    assert with_more.loc[with_more["report_id"] == "a;b;d", "incident_id"].item() == ids["a;b"]


def test_losing_the_most_precise_report_changes_the_id() -> None:
    both = merge(mention("a"), mention("b", place_id="us-embassy-baghdad"))
    only_green_zone = merge(mention("a"))
    assert both.loc[0, "incident_id"] != only_green_zone.loc[0, "incident_id"]


def test_groups_that_hash_alike_get_a_numbered_suffix() -> None:
    merged = merge(
        mention("a", date=None, date_precision="unknown"),
        mention("b", date=None, date_precision="unknown"),
    )
    first, second = merged["incident_id"]
    assert second == f"{first}-2"
    assert merged["report_id"].tolist() == ["a", "b"]


def test_rows_are_sorted_by_date_place_and_id() -> None:
    merged = merge(
        mention("z", date="2021-05-01", place_id="camp-taji", place="Camp Taji"),
        mention("y", date="2020-01-08", place_id="ain-al-asad", place="Ain al-Asad"),
        mention("x", date="2021-05-01", place_id="ain-al-asad", place="Ain al-Asad"),
    )
    assert merged["report_id"].tolist() == ["y", "x", "z"]


def test_merging_a_merged_table_changes_nothing() -> None:
    once = merge(mention("a"), mention("b", killed=3), mention("c", date="2021-01-01"))
    twice = mapper.merge_incidents(once)
    pd.testing.assert_frame_equal(twice, once)


def test_the_same_input_gives_the_same_bytes() -> None:
    rows = [mention("a", killed=1), mention("b", killed=2), mention("c", place_id="camp-taji")]
    first, second = merge(*rows), merge(*reversed(rows))
    assert first.to_csv(index=False) == second.to_csv(index=False)


def test_columns_and_types_follow_the_schema() -> None:
    merged = merge(mention("a"))
    assert list(merged.columns)[: len(mapper.INCIDENT_COLUMNS)] == list(mapper.INCIDENT_COLUMNS)
    assert merged["n_reports"].dtype == "Int64"
    assert merged["sources"].dtype == "string"
    empty = mapper.merge_incidents(mapper.incident_frame([]))
    assert empty.empty and {"n_reports", "sources"} <= set(empty.columns)


def test_repeated_incident_ids_are_refused() -> None:
    with pytest.raises(IncidentTableError, match="a-1"):
        merge(mention("a"), mention("a"))


def test_a_mention_without_a_place_is_never_merged() -> None:
    merged = merge(
        mention("flash", place_id=None, place=None, date="2020-11-18", published="2020-11-18"),
        mention("follow-up", date="2020-11-17", published="2020-11-18"),
        mention("other", place_id=None, place=None),
    )
    assert len(merged) == 3


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".geojson"])
def test_a_merged_table_survives_a_file_round_trip(tmp_path: Any, suffix: str) -> None:
    merged = merge(
        mention("a", killed=1, published="2020-11-17", latitude=33.3059, longitude=44.391),
        mention("b", killed=2, published="2020-11-18", latitude=33.3059, longitude=44.391),
    )
    path = tmp_path / f"incidents{suffix}"
    mapper.write_incidents(merged, path)
    back = mapper.read_incidents(path)
    pd.testing.assert_frame_equal(back, merged)
    pd.testing.assert_frame_equal(mapper.merge_incidents(back), merged)


def test_a_report_that_tells_its_attack_twice_gives_one_incident() -> None:
    merged = merge(mention("a", n=1), mention("a", n=2, place_id="us-embassy-baghdad"))
    assert len(merged) == 1
    assert merged.loc[0, "n_reports"] == 1
    assert merged.loc[0, "report_id"] == "a"
    assert [s["incident_id"] for s in json.loads(merged.loc[0, "sources"])] == ["a-1", "a-2"]
