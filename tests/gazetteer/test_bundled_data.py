"""The bundled data files are whole and honest: read here as plain CSV/GeoJSON, not through
the gazetteer, so a loader bug cannot hide a data bug (nor the other way round)."""

from __future__ import annotations

import csv
import filecmp
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from shapely.geometry import Point, shape

from gazetteer import KINDS, check_file
from gazetteer._read import COUNTRY_BOUNDS

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "gazetteer" / "data"
COLUMNS = ["id", "name", "kind", "country", "parent", "latitude", "longitude", "radius_km",
           "aliases", "source"]  # fmt: skip

#: Ids the code, the samples and users refer to.
PROMISED_IDS = [
    "iraq", "syria", "kuwait", "iran", "turkey", "saudi-arabia", "jordan", "gov-baghdad",
    "gov-anbar", "gov-erbil", "gov-kirkuk", "gov-nineveh", "gov-salahuddin", "gov-basra",
    "baghdad", "erbil", "kirkuk", "mosul", "basra", "fallujah", "ramadi", "green-zone",
    "us-embassy-baghdad", "baghdad-airport", "camp-taji", "ain-al-asad", "al-qaim",
    "qayyarah-west", "erbil-air-base", "balad-air-base", "k1-base", "camp-speicher",
    "al-taqaddum", "harir-base", "union-iii",
]  # fmt: skip


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def curated() -> list[dict[str, str]]:
    return _rows("places.csv")


@pytest.fixture(scope="module")
def geonames() -> list[dict[str, str]]:
    return _rows("geonames.csv")


def test_places_csv_has_the_documented_columns_in_order() -> None:
    with (DATA / "places.csv").open(encoding="utf-8") as handle:
        assert handle.readline().strip().split(",") == COLUMNS
    with (DATA / "geonames.csv").open(encoding="utf-8") as handle:
        assert handle.readline().strip().split(",") == [*COLUMNS, "population"]


def test_ids_are_unique_across_both_layers(
    curated: list[dict[str, str]], geonames: list[dict[str, str]]
) -> None:
    counts = Counter(row["id"] for row in curated + geonames)
    assert [place_id for place_id, n in counts.items() if n > 1] == []
    assert all(row["id"].startswith("gn:") for row in geonames)
    assert not any(row["id"].startswith("gn:") for row in curated)


def test_promised_ids_exist(curated: list[dict[str, str]]) -> None:
    ids = {row["id"] for row in curated}
    assert [place_id for place_id in PROMISED_IDS if place_id not in ids] == []


def test_every_parent_is_a_curated_place_and_chains_end_at_a_country(
    curated: list[dict[str, str]], geonames: list[dict[str, str]]
) -> None:
    parent_of = {row["id"]: row["parent"] for row in curated}
    for row in curated + geonames:
        assert not row["parent"] or row["parent"] in parent_of, row["id"]
    for place_id in parent_of:
        seen = [place_id]
        while parent_of[seen[-1]]:
            seen.append(parent_of[seen[-1]])
            assert len(seen) < 10, f"parent cycle through {seen}"
        top = next(row for row in curated if row["id"] == seen[-1])
        assert top["kind"] == "country", f"{place_id} chains up to {seen[-1]}"


def test_kinds_are_from_the_vocabulary(
    curated: list[dict[str, str]], geonames: list[dict[str, str]]
) -> None:
    assert {row["kind"] for row in curated} <= set(KINDS)
    assert {row["kind"] for row in geonames} <= {"city", "town"}


@pytest.mark.parametrize("layer", ["places.csv", "geonames.csv"])
def test_coordinates_lie_in_the_stated_country_with_5_decimals_at_most(layer: str) -> None:
    for row in _rows(layer):
        if row["kind"] == "country":
            continue
        west, south, east, north = COUNTRY_BOUNDS[row["country"]]
        lat, lon = float(row["latitude"]), float(row["longitude"])
        assert south <= lat <= north and west <= lon <= east, row["id"]
        for text in (row["latitude"], row["longitude"]):
            assert len(text.partition(".")[2]) <= 5, row["id"]
        assert float(row["radius_km"]) > 0, row["id"]


@pytest.mark.parametrize("layer", ["places.csv", "geonames.csv"])
def test_every_row_says_where_its_coordinate_comes_from(layer: str) -> None:
    for row in _rows(layer):
        assert row["source"].strip(), row["id"]
        if layer == "geonames.csv":
            assert row["source"] == f"GeoNames {row['id'][3:]} (CC BY 4.0)"


def test_all_governorates_are_there_each_with_districts(curated: list[dict[str, str]]) -> None:
    governorates = {row["id"] for row in curated if row["kind"] == "governorate"}
    governorates.discard("kurdistan-region")
    assert len(governorates) == 19  # 18 governorates and Halabja
    districts = Counter(row["parent"] for row in curated if row["kind"] == "district")
    assert [gov for gov in sorted(governorates) if districts[gov] == 0] == []
    assert sum(districts[gov] for gov in governorates) >= 100


def test_aliases_are_clean(curated: list[dict[str, str]]) -> None:
    for row in curated:
        aliases = row["aliases"].split("|") if row["aliases"] else []
        assert all(alias == alias.strip() and alias for alias in aliases), row["id"]
        assert len(aliases) == len(set(aliases)), row["id"]


def test_the_loader_finds_no_problem_in_the_bundled_files() -> None:
    # Includes names shared by two places neither of which contains the other.
    assert check_file() == []


def test_green_zone_outline_is_a_plausible_polygon() -> None:
    collection = json.loads((DATA / "areas.geojson").read_text(encoding="utf-8"))
    features = {f["properties"]["id"]: f for f in collection["features"]}
    assert all(f["properties"].get("source") for f in features.values())
    zone = shape(features["green-zone"]["geometry"])
    assert zone.is_valid and 8 <= len(zone.exterior.coords) - 1 <= 20
    # About 10 km² between the Tigris and Kindi Street (1° lat ~ 111 km, lon ~ 93 km here).
    assert 5 < zone.area * 111 * 93 < 15
    # Inside: the embassy, the Republican Palace, the Al-Rasheed Hotel (Wikipedia points).
    for lat, lon in ((33.299, 44.396), (33.30417, 44.40861), (33.31611, 44.38917)):
        assert zone.contains(Point(lon, lat))
    # Outside: Karrada across the river, Mansour to the west.
    assert not zone.contains(Point(44.428, 33.303))
    assert not zone.contains(Point(44.348, 33.316))
    assert shape(features["baghdad"]["geometry"]).contains(zone)


def test_geonames_layer_is_exactly_what_the_script_builds(tmp_path: Path) -> None:
    output = tmp_path / "geonames.csv"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_geonames_layer.py"), "-o", str(output)],
        check=True,
        capture_output=True,
    )
    assert filecmp.cmp(output, DATA / "geonames.csv", shallow=False)
