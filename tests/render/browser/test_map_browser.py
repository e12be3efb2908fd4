"""The built map in a real browser with the network refused: what a reader sees and does.

Needs Debian's Chromium (/usr/bin/chromium); run ``pytest -m browser``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from shapely.geometry import box

import mapper
from gazetteer import Gazetteer, Place

pytestmark = pytest.mark.browser

HOSTILE_QUOTE = "Witnesses said <img src=x onerror=alert(1)> and </script><script>alert(2)</script>"

#: Markers on screen: single icons plus the counts written on cluster bubbles.
SHOWN = """() => {
  let n = document.querySelectorAll('.leaflet-marker-icon.im-icon').length;
  document.querySelectorAll('.marker-cluster span').forEach(s => { n += Number(s.textContent); });
  return n;
}"""
OPEN_POPUP = """(i) => new Promise(done => {
  const im = window.incidentMap;
  im.cluster.zoomToShowLayer(im.markers[i], () => setTimeout(done, 50));
})"""
ICON = "(i) => window.incidentMap.markers[i]._icon"


@pytest.fixture(scope="module")
def places() -> Gazetteer:
    return Gazetteer(
        [
            Place("green-zone", "Green Zone", "zone", 33.305, 44.385, radius_km=2.0,
                  geometry=box(44.37, 33.29, 44.40, 33.32)),
            Place("gov-anbar", "Anbar", "governorate", 33.4, 42.0, radius_km=150.0),
        ]
    )  # fmt: skip


def attack(n: int, **fields: Any) -> dict[str, Any]:
    """Incident *n* of a made-up series: most in Baghdad (they cluster), some elsewhere."""
    weapons = ["rocket", "drone", "mortar", "ied"]
    row = {
        "report_id": f"r{n:02d}",
        "incident_id": f"r{n:02d}-1",
        "date": f"{2020 + n % 3}-0{1 + n % 9}-1{n % 10}",
        "date_precision": "day",
        "place": "Green Zone" if n % 4 else "Erbil air base",
        "place_id": "green-zone" if n % 4 else None,
        "latitude": 33.305 + (n % 7) * 0.003 if n % 4 else 36.24 + n * 0.01,
        "longitude": 44.385 + (n % 5) * 0.003 if n % 4 else 43.96,
        "geo_precision": 1,
        "weapon": weapons[n % 4],
        "killed": 1 if n % 5 == 0 else None,
        "injured": 2 if n % 3 == 0 else None,
        "quote": f"Report {n} says a {weapons[n % 4]} struck.",
        "title": f"Attack report {n}",
        "url": f"https://news.example/{n}",
        "source": "Example News",
    }
    row.update(fields)
    return row


def special_rows() -> list[dict[str, Any]]:
    """A hostile report, a merged incident whose sources disagree, and a rough place."""
    sources = [
        {"incident_id": "m1-1", "report_id": "m1", "title": "First account",
         "url": "https://a.example/1", "source": "Agency A", "quote": "one person died",
         "date": "2021-03-03", "killed": 1, "injured": None, "projectiles": 3,
         "weapon": "rocket", "place": "Camp Taji"},
        {"incident_id": "m2-1", "report_id": "m2", "title": "Second account",
         "url": "https://b.example/2", "source": "Agency B", "quote": "two people died",
         "date": "2021-03-03", "killed": 2, "injured": None, "projectiles": 3,
         "weapon": "rocket", "place": "Camp Taji"},
    ]  # fmt: skip
    return [
        attack(90, incident_id="hostile-1", latitude=35.47, longitude=44.39,
               place="<img src=y onerror=alert(4)>Kirkuk",
               place_id=None, quote=HOSTILE_QUOTE, title="<b>bold</b> title",
               url="javascript:alert(3)"),
        attack(91, incident_id="merged-1", report_id="m1;m2", latitude=33.53, longitude=44.25,
               place="Camp Taji", place_id=None, date="2021-03-03", killed=2, projectiles=3,
               weapon="rocket", n_reports=2, sources=json.dumps(sources)),
        attack(92, incident_id="rough-1", latitude=33.4, longitude=42.0, place="Anbar",
               place_id="gov-anbar", geo_precision=3, date="2022-05"),
    ]  # fmt: skip


@pytest.fixture(scope="module")
def table() -> Any:
    return mapper.incident_frame([attack(n) for n in range(40)] + special_rows())


@pytest.fixture(scope="module")
def plain_map(tmp_path_factory: pytest.TempPathFactory, table: Any, places: Gazetteer) -> Path:
    path = tmp_path_factory.mktemp("maps") / "plain.html"
    mapper.render(table, title="Test attacks", tiles=None, gazetteer=places).save(str(path))
    return path


def row_index(table: Any, incident_id: str) -> int:
    return int(table.index[table["incident_id"] == incident_id][0])


def open_popup(opened: Any, index: int) -> Any:
    opened.evaluate(OPEN_POPUP, index)
    opened.page.evaluate_handle(ICON, index).as_element().click()
    return opened.page.wait_for_selector(".leaflet-popup-content")


def test_every_incident_is_on_the_map_without_errors(open_map: Any, plain_map: Path) -> None:
    opened = open_map(plain_map)
    assert opened.evaluate(SHOWN) == 43
    assert opened.page.locator(".marker-cluster").count() >= 1  # Baghdad's crowd clusters
    assert opened.page_errors == [] and opened.console_errors == []
    assert opened.blocked == []  # the plain map asks the network for nothing


def test_popup_shows_the_incident_and_its_linked_source(
    open_map: Any, plain_map: Path, table: Any
) -> None:
    opened = open_map(plain_map)
    popup = open_popup(opened, row_index(table, "r05-1"))
    text = popup.inner_text()
    for expected in ("2022-06-15", "(day)", "Green Zone", "exact place", "drone", "Killed", "1"):
        assert expected in text
    assert "Report 5 says a drone struck." in text
    link = popup.query_selector("a")
    assert link.inner_text() == "Attack report 5"
    assert link.get_attribute("href") == "https://news.example/5"


def test_hostile_report_is_shown_as_text_and_runs_nothing(
    open_map: Any, plain_map: Path, table: Any
) -> None:
    opened = open_map(plain_map)
    popup = open_popup(opened, row_index(table, "hostile-1"))
    text = popup.inner_text()
    assert "<img src=x onerror=alert(1)>" in text
    assert "</script><script>alert(2)</script>" in text
    assert "<b>bold</b> title" in text
    assert popup.query_selector("img") is None and popup.query_selector("script") is None
    assert popup.query_selector("a") is None  # a javascript: URL is never a link
    assert "<img src=y onerror=alert(4)>Kirkuk" in text
    opened.page.mouse.move(0, 0)
    opened.page.evaluate_handle(ICON, row_index(table, "hostile-1")).as_element().hover()
    tooltip = opened.page.wait_for_selector(".leaflet-tooltip")
    assert tooltip.inner_text().startswith("<img src=y onerror=alert(4)>Kirkuk, ")
    assert tooltip.query_selector("img") is None
    assert opened.dialogs == [] and opened.page_errors == []


def test_merged_incident_lists_all_sources_and_ranges(
    open_map: Any, plain_map: Path, table: Any
) -> None:
    opened = open_map(plain_map)
    index = row_index(table, "merged-1")
    popup = open_popup(opened, index)
    text = popup.inner_text()
    assert "1–2 (sources differ)" in text
    assert "2 reports" in text
    assert [a.inner_text() for a in popup.query_selector_all("a")] == [
        "First account",
        "Second account",
    ]
    badge = opened.page.evaluate_handle(ICON, index).as_element().query_selector(".im-badge")
    assert badge.inner_text() == "2"


def test_rough_place_is_drawn_as_a_circle(open_map: Any, plain_map: Path) -> None:
    opened = open_map(plain_map)
    radii = opened.evaluate(
        "() => window.incidentMap.circles.getLayers().map(c => Math.round(c.getRadius()))"
    )
    assert radii == [150_000]
    assert opened.page.locator("path.leaflet-interactive").count() >= 2  # circle + Green Zone


def test_legend_layer_control_and_filters_work(open_map: Any, plain_map: Path) -> None:
    opened = open_map(plain_map)
    page = opened.page
    assert page.locator(".im-legend").is_visible()
    assert page.locator(".im-title h1").inner_text() == "Test attacks"
    assert "43 incidents from 44 reports" in page.locator(".im-summary").inner_text()
    control = page.locator(".leaflet-control-layers")
    assert control.is_visible()
    for label in ("OpenStreetMap", "Plain (no tiles)", "rocket", "drone", "2021"):
        assert label in control.inner_text()
    drones = 10
    page.locator(".leaflet-control-layers-overlays label", has_text="drone").click()
    page.wait_for_timeout(100)
    assert opened.evaluate(SHOWN) == 43 - drones
    assert "Showing 33 of 43" in page.locator(".im-shown").inner_text()
    page.locator(".im-reset").click()
    page.fill(".im-from", "2022-01-01")
    page.dispatch_event(".im-from", "change")
    page.wait_for_timeout(100)
    shown = opened.evaluate(SHOWN)
    expected = opened.evaluate(
        """() => { const im = window.incidentMap, F = im.fields;
          return im.rows.filter(r => r[F.end] >= '2022-01-01' && r[F.weapon] !== 3).length; }"""
    )
    assert 0 < shown == expected < 33
    assert opened.page_errors == []


def test_tiles_that_cannot_load_leave_a_readable_map(
    open_map: Any, tmp_path: Path, table: Any, places: Gazetteer
) -> None:
    path = tmp_path / "osm.html"
    mapper.render(table, heat=True, gazetteer=places).save(str(path))
    opened = open_map(path)
    assert opened.evaluate(SHOWN) == 43
    assert opened.blocked and all(url.startswith("https://") for url in opened.blocked)
    assert all("Failed to load resource" in error for error in opened.console_errors)
    assert opened.page.locator(".leaflet-imOutline-pane path").count() > 10  # countries
    assert opened.page.locator("canvas.leaflet-heatmap-layer").count() == 1
    attribution = opened.page.locator(".leaflet-control-attribution").inner_text()
    assert "OpenStreetMap" in attribution and "GeoNames" in attribution
    assert "Natural Earth" in attribution
    assert opened.page_errors == []


def test_map_of_the_seed_reports(open_map: Any, tmp_path: Path, seeds_dir: Path) -> None:
    incidents = mapper.merge_incidents(mapper.extract(seeds_dir, progress=False))
    assert len(incidents) >= 2
    path = tmp_path / "seeds.html"
    mapper.render(incidents, tiles=None).save(str(path))
    opened = open_map(path)
    assert opened.evaluate(SHOWN) == int(incidents["latitude"].notna().sum())
    assert "Green Zone" in opened.page.locator(".leaflet-overlay-pane").inner_html() or (
        opened.evaluate("() => window.incidentMap.areas.getLayers().length") >= 1
    )
    assert opened.page_errors == [] and opened.console_errors == []
