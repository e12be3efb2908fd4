"""The three real seed reports, read as a user would: exactly the attacks they describe.

The facts asserted here come from reading the seeds (../shared/seeds); the texts are
read at test time and never copied into the project.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import mapper
from gazetteer import default_gazetteer
from mapper.extract.report import extract_report


@pytest.fixture(scope="module")
def seed_incidents(seeds_dir: Path) -> dict[str, list[dict[str, Any]]]:
    reports = mapper.read_reports(seeds_dir)
    assert not reports.problems
    gazetteer = default_gazetteer()
    return {r.report_id[:3]: extract_report(r, gazetteer) for r in reports.reports}


def _summary(incident: dict[str, Any]) -> tuple[Any, ...]:
    keys = ("date", "date_precision", "weapon", "projectiles", "killed", "injured")
    return tuple(incident[key] for key in keys)


def test_000_is_one_seven_rocket_attack_on_the_embassy(seed_incidents):
    # Read-also links, the yearly tally and the launch site in eastern Baghdad add nothing.
    [attack] = seed_incidents["000"]
    assert _summary(attack) == ("2020-11-17", "day", "rocket", 7, 1, 5)
    assert attack["place_id"] in {"us-embassy-baghdad", "green-zone"}
    assert attack["geo_precision"] == 1
    assert attack["target"] == "embassy"
    assert "Seven rockets" in attack["quote"]


def test_003_is_the_green_zone_rockets_and_the_taji_raid_not_the_withdrawals(seed_incidents):
    green_zone, taji = seed_incidents["003"]
    assert _summary(green_zone) == ("2020-03-26", "day", "rocket", 2, None, None)
    assert green_zone["place_id"] == "green-zone"
    assert taji["date"] == "2020-03-11"
    assert taji["place_id"] == "camp-taji"
    assert (taji["killed"], taji["injured"]) == (3, None)
    places = {incident["place_id"] for incident in seed_incidents["003"]}
    assert not places & {"al-qaim", "qayyarah", "qayyarah-west", "kirkuk", "syria", "kuwait"}


def test_004_is_three_attacks_and_not_the_soleimani_anniversary(seed_incidents):
    thursday, january_5, december_19 = seed_incidents["004"]
    assert _summary(thursday) == ("2022-01-13", "day", "rocket", 3, 0, 3)
    assert thursday["place_id"] in {"us-embassy-baghdad", "green-zone"}

    # "a base in the west of the country": kept, but only as a region.
    assert _summary(january_5)[:4] == ("2022-01-05", "day", "rocket", 5)
    assert january_5["geo_precision"] == 3
    assert january_5["place"] == "western Iraq"
    assert january_5["place_id"] == "gov-anbar"

    assert _summary(december_19)[:4] == ("2021-12-19", "day", "rocket", 2)
    assert december_19["place_id"] == "green-zone"
    assert all(incident["date"] != "2020-01-03" for incident in seed_incidents["004"])


def test_seed_quotes_are_verbatim_report_sentences(seeds_dir, seed_incidents):
    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in seeds_dir.glob("0*.txt")}
    for key, incidents in seed_incidents.items():
        for incident in incidents:
            for sentence in incident["quote"].split(". "):
                assert sentence.strip(". ") in texts[key]
