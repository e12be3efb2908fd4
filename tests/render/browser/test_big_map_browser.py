"""A map of 100,000 incidents in Chromium with the network cut: drawn on one canvas,
grouped per view, popups from the table on click, filters redraw, reports run nothing.

Needs Debian's Chromium (/usr/bin/chromium); run ``pytest -m browser``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import mapper
from mapper.render.layer import CANVAS_FROM

pytestmark = pytest.mark.browser

N = 100_000
WEAPONS = ["rocket", "drone", "mortar", "ied", "missile"]
HOSTILE = "<img src=x onerror=alert(1)>Kirkuk"
#: Alone on the map's western edge: a pin of its own from zoom 12 on.
LONE = (30.0, 39.0)
#: Three reports of one spot: a bubble that no zoom separates.
SPOT = (29.5, 39.2)


def big_table() -> pd.DataFrame:
    """*N* incidents spread over Iraq by arithmetic (no randomness), and four special ones."""
    rows = [
        {
            "report_id": f"b{i}",
            "incident_id": f"b{i}-1",
            "date": f"{2019 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "date_precision": "day",
            "place": "Somewhere",
            "latitude": 30.0 + (i * 7919 % 7000) / 1000,
            "longitude": 39.5 + (i * 104729 % 8500) / 1000,
            "geo_precision": 1,
            "weapon": WEAPONS[i % 5],
            "killed": 1 if i % 7 == 0 else None,
            "quote": f"Report {i}.",
            "title": f"Report {i}",
            "url": f"https://news.example/{i}",
            "source": "Example News",
        }
        for i in range(N - 4)
    ]
    rows.append(
        {"report_id": "lone", "incident_id": "lone-1", "date": "2021-06-15",
         "date_precision": "day", "place": HOSTILE, "latitude": LONE[0], "longitude": LONE[1],
         "geo_precision": 1, "weapon": "drone", "killed": 3, "target": "convoy",
         "quote": "Witnesses said <script>alert(2)</script> a drone struck.",
         "title": "<b>Drone</b> strike", "url": "https://news.example/lone",
         "source": "Example News"}
    )  # fmt: skip
    rows += [
        {"report_id": f"spot{k}", "incident_id": f"spot{k}-1", "date": "2022-01-0" + str(k + 1),
         "date_precision": "day", "place": HOSTILE, "latitude": SPOT[0], "longitude": SPOT[1],
         "geo_precision": 1, "weapon": "rocket", "quote": f"<img src=y onerror=alert({k})>",
         "title": f"Spot report {k}", "url": "javascript:alert(5)", "source": "Wire"}
        for k in range(3)
    ]  # fmt: skip
    return mapper.incident_frame(rows)


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return big_table()


@pytest.fixture(scope="module")
def big_map(tmp_path_factory: pytest.TempPathFactory, table: pd.DataFrame) -> Path:
    assert len(table) >= CANVAS_FROM
    path = tmp_path_factory.mktemp("big") / "big.html"
    mapper.render(table, title="Big map", tiles=None).save(str(path))
    return path


DRAWN = "() => window.incidentMap.points.drawn()"
PAINTED = """() => { const c = window.incidentMap.points.canvas;
  const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0; for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) { n += 1; } }
  return n; }"""


def go_to(opened: Any, where: tuple[float, float], zoom: int) -> list[dict[str, Any]]:
    script = "([lat, lon, z]) => window.incidentMap.map.setView([lat, lon], z, {animate: false})"
    opened.evaluate(script, [where[0], where[1], zoom])
    drawn: list[dict[str, Any]] = opened.evaluate(DRAWN)
    return drawn


def click(opened: Any, item: dict[str, Any]) -> Any:
    box = opened.page.locator(".folium-map").bounding_box()
    opened.page.mouse.click(box["x"] + item["x"], box["y"] + item["y"])
    return opened.page.wait_for_selector(".leaflet-popup-content")


def test_every_incident_is_drawn_on_one_canvas(open_map: Any, big_map: Path) -> None:
    opened = open_map(big_map)
    drawn = opened.evaluate(DRAWN)
    assert sum(item["count"] for item in drawn) == N  # the first view shows them all
    assert all(item["count"] > 1 for item in drawn)  # as bubbles at this zoom
    assert opened.evaluate(PAINTED) > 10_000
    assert opened.page.locator(".leaflet-marker-icon.im-icon").count() == 0  # no DOM markers
    assert opened.evaluate("() => window.incidentMap.markers") is None
    assert "Showing all 100,000" in opened.page.locator(".im-shown").inner_text()
    bubble = max(drawn, key=lambda item: item["count"])
    assert bubble["title"].startswith(f"{bubble['count']} incidents: ")
    assert opened.page_errors == [] and opened.console_errors == [] and opened.blocked == []


def test_a_pin_opens_a_popup_with_the_incident_and_runs_nothing(
    open_map: Any, big_map: Path, table: pd.DataFrame
) -> None:
    opened = open_map(big_map)
    lone = int(table.index[table["incident_id"] == "lone-1"][0])
    (pin,) = [item for item in go_to(opened, LONE, 13) if item["row"] == lone]
    assert pin["count"] == 1
    popup = click(opened, pin)
    text = popup.inner_text()
    for expected in ("2021-06-15", HOSTILE, "exact place", "drone", "Killed", "3", "convoy"):
        assert expected in text
    assert "Witnesses said <script>alert(2)</script> a drone struck." in text
    assert popup.query_selector("a").inner_text() == "<b>Drone</b> strike"
    assert popup.query_selector("img") is None and popup.query_selector("script") is None
    box = opened.page.locator(".folium-map").bounding_box()
    opened.page.mouse.move(box["x"] + pin["x"], box["y"] + pin["y"] + 2)
    tooltip = opened.page.wait_for_selector(".leaflet-tooltip")
    assert tooltip.inner_text() == f"{HOSTILE}, 2021-06-15"
    assert tooltip.query_selector("img") is None
    opened.page.wait_for_timeout(100)  # an onerror would fire on the next turn
    assert opened.dialogs == [] and opened.page_errors == []


def test_incidents_at_one_spot_are_listed_in_one_popup(open_map: Any, big_map: Path) -> None:
    opened = open_map(big_map)
    (spot,) = [item for item in go_to(opened, SPOT, 18) if item["spot"]]
    assert spot["count"] == 3
    popup = click(opened, spot)
    assert len(popup.query_selector_all(".im-popup")) == 3
    text = popup.inner_text()
    assert all(f"<img src=y onerror=alert({k})>" in text for k in range(3))
    assert popup.query_selector("img") is None and popup.query_selector("a") is None
    opened.page.wait_for_timeout(100)
    assert opened.dialogs == [] and opened.page_errors == []


def test_filters_change_what_is_drawn(open_map: Any, big_map: Path, table: pd.DataFrame) -> None:
    opened = open_map(big_map)
    page = opened.page
    page.locator(".leaflet-control-layers-overlays label", has_text="drone").first.click()
    page.wait_for_timeout(100)
    not_drones = int((table["weapon"] != "drone").sum())
    assert sum(item["count"] for item in opened.evaluate(DRAWN)) == not_drones
    assert f"Showing {not_drones:,} of 100,000" in page.locator(".im-shown").inner_text()
    page.fill(".im-from", "2023-01-01")
    page.dispatch_event(".im-from", "change")
    page.wait_for_timeout(100)
    expected = int(((table["weapon"] != "drone") & (table["date"] >= "2023-01-01")).sum())
    assert 0 < expected < not_drones
    assert sum(item["count"] for item in opened.evaluate(DRAWN)) == expected
    assert opened.page_errors == []
