"""Place labels from the gazetteer, weapon pictograms and the legend's keys, from Python.

What the page does with them (drawing, hiding under tiles, decluttering) is checked in
Chromium by tests/render/browser/test_map_features_browser.py.
"""

from __future__ import annotations

import re

import pytest

import mapper
from gazetteer import Gazetteer, Place, default_gazetteer
from mapper.render.labels import place_labels
from mapper.render.symbols import CATEGORIES, PICTOGRAMS, pictogram


def test_labels_come_from_the_gazetteer_with_the_seats_first() -> None:
    gazetteer = default_gazetteer()
    labels = place_labels(gazetteer)
    seats = [name for name, _, _, rank, _ in labels if rank == 0]
    for seat in ("Baghdad", "Ramadi", "Mosul", "Tikrit", "Baqubah", "Hillah", "Halabja"):
        assert seat in seats  # every governorate's seat, named after it or its largest city
    assert len(seats) < 25
    by_name = {row[0]: row for row in labels}
    baghdad = gazetteer.get("baghdad")
    assert by_name["Baghdad"][1:3] == [round(baghdad.latitude, 4), round(baghdad.longitude, 4)]
    assert by_name["Camp Taji"][3:] == [1, 1]  # a base, from zoom 7
    assert [row[3] for row in labels] == sorted(row[3] for row in labels)
    assert "Tehran" not in by_name  # the base layer's neighbours: the outline names them


def test_a_small_gazetteer_gives_its_own_labels() -> None:
    places = Gazetteer(
        [
            Place("gov-x", "X Governorate", "governorate", 33.0, 44.0, parent=None),
            Place("y", "Yville", "town", 33.1, 44.1, parent="gov-x"),
            Place("camp", "Camp Z", "military base", 33.2, 44.2, parent="gov-x"),
        ]
    )
    assert place_labels(places) == [["Yville", 33.1, 44.1, 0, 0], ["Camp Z", 33.2, 44.2, 1, 1]]


def test_a_base_layer_twin_of_a_curated_place_gets_no_second_label() -> None:
    """GeoNames has Khalis twice; the offline map showed "Al Khāliş" beside "Khalis"."""
    places = Gazetteer(
        [
            Place("gov-d", "D Governorate", "governorate", 33.8, 44.5, parent=None),
            Place("khalis", "Khalis", "town", 33.808, 44.533, parent="gov-d"),
            Place("gn:1", "Al Khāliş", "town", 33.851, 44.520, parent="gov-d", layer="geonames"),
            Place("gn:2", "Khalis", "town", 34.300, 44.533, parent="gov-d", layer="geonames"),
            Place("gn:3", "Other", "town", 33.810, 44.530, parent="gov-d", layer="geonames"),
        ]
    )  # fmt: skip
    names = [(row[0], row[1]) for row in place_labels(places)]
    assert names == [("Khalis", 33.808), ("Khalis", 34.3), ("Other", 33.81)]  # 55 km off: kept
    bundled = {row[0] for row in place_labels(default_gazetteer())}
    assert {"Khalis", "Akre", "Sumel"} <= bundled
    assert not {"Al Khāliş", "'Ākra", "Simele"} & bundled


def test_labels_are_embedded_and_can_be_left_out() -> None:
    table = mapper.incident_frame(
        [{"incident_id": "a", "latitude": 33.3, "longitude": 44.4, "date": "2020-11-17"}]
    )
    html = mapper.render(table, tiles=None).get_root().render()
    assert re.search(r'labels: \[\["Baghdad",33\.\d+,44\.\d+,0,0\]', html)
    assert html == mapper.render(table, tiles=None).get_root().render()  # deterministic
    bare = mapper.render(table, tiles=None, labels=False).get_root().render()
    assert "labels: []," in bare and len(bare) < len(html)


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_weapon_has_a_pictogram(category: str) -> None:
    svg = pictogram(category)
    assert svg.startswith('<svg viewBox="0 0 24 24"') and svg.endswith("</svg>")
    assert "<script" not in PICTOGRAMS[category] and " on" not in PICTOGRAMS[category]


def test_legend_lists_only_the_symbols_the_map_uses() -> None:
    plain = [{"incident_id": "a", "latitude": 33.3, "longitude": 44.4, "weapon": "drone"}]
    html = mapper.render(mapper.incident_frame(plain), tiles=None).get_root().render()
    legend = html[html.index('<details class="im-panel im-legend"') :]
    legend = legend[: legend.index("</details>")]
    assert "drone" in legend and "rocket" not in legend
    for key in ("people killed", "people injured", "reports merged", "group", "roughly"):
        assert key not in legend
    region = [{**plain[0], "geo_precision": 3, "place": "Anbar", "place_id": "gov-anbar",
               "killed": 2, "injured": 1, "n_reports": 2}]  # fmt: skip
    html = mapper.render(mapper.incident_frame(region), tiles=None).get_root().render()
    legend = html[html.index('<details class="im-panel im-legend"') :]
    assert "people killed" in legend and "people injured" not in legend  # ring: killed only
    assert "only the region is known" in legend and "area the place may be in" not in legend
