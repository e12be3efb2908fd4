"""What a reader meets on the map beyond markers, in Chromium with the network cut:
place names offline, counts that follow the filters, the analysts' filters, the time
slider, clusters, region-only circles, pictograms and the narrow layout.

Needs Debian's Chromium (/usr/bin/chromium); run ``pytest -m browser``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import mapper
from mapper.render.symbols import COLOURS

pytestmark = pytest.mark.browser

WEAPONS = ["rocket", "rocket", "drone", "mortar"]
TARGETS = ["base", "embassy", None, "convoy"]
ERBIL = (36.2375, 43.96306)
SAMPLES = Path(__file__).resolve().parents[3] / "samples" / "reports"


def row(n: int, **fields: Any) -> dict[str, Any]:
    """Incident *n*: mostly rockets around Baghdad in 2021, with varied harm and targets."""
    precision = 3 if n % 11 == 0 else (2 if n % 7 == 0 else 1)
    values = {
        "report_id": f"f{n:02d}",
        "incident_id": f"f{n:02d}-1",
        "date": f"2021-{1 + n % 12:02d}-{1 + n % 27:02d}",
        "date_precision": "day",
        "place": "Anbar" if precision == 3 else "Baghdad",
        "place_id": "gov-anbar" if precision == 3 else None,
        "latitude": 33.3 + (n % 5) * 0.01,
        "longitude": 44.4 + (n % 4) * 0.01,
        "geo_precision": precision,
        "weapon": WEAPONS[n % 4],
        "target": TARGETS[n % 4],
        "killed": 1 if n % 5 == 0 else None,
        "injured": 2 if n % 3 == 0 else None,
        "quote": f"Report {n}.",
        "title": f"Report {n}",
        "url": f"https://news.example/{n}",
        "source": "Example News",
    }
    if precision == 3:
        values["latitude"], values["longitude"] = 32.9, 41.9
    values.update(fields)
    return values


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    rows = [row(n) for n in range(1, 25)]
    rows += [  # three reports of one spot that never separate, and two undated
        row(n, place="Erbil Air Base", latitude=ERBIL[0], longitude=ERBIL[1], weapon="drone",
            geo_precision=1, place_id=None)
        for n in range(25, 28)
    ]  # fmt: skip
    rows += [row(n, date=None, date_precision="unknown") for n in (28, 29)]
    return mapper.incident_frame(rows)


@pytest.fixture(scope="module")
def plain_map(tmp_path_factory: pytest.TempPathFactory, table: pd.DataFrame) -> Path:
    path = tmp_path_factory.mktemp("features") / "plain.html"
    mapper.render(table, tiles=None).save(str(path))
    return path


@pytest.fixture(scope="module")
def osm_map(tmp_path_factory: pytest.TempPathFactory, table: pd.DataFrame) -> Path:
    path = tmp_path_factory.mktemp("features") / "osm.html"
    mapper.render(table).save(str(path))
    return path


LABELS = """() => Array.from(document.querySelectorAll('.leaflet-imLabels-pane .im-place'))
  .map(e => { const b = e.firstChild.getBoundingClientRect();
              return {text: e.textContent, box: [b.left, b.top, b.right, b.bottom]}; })"""
LABELS_SHOWN = "() => getComputedStyle(window.incidentMap.labels.pane).display !== 'none'"
#: Incidents on screen: single markers plus the counts on cluster bubbles.
SHOWN = """() => {
  let n = document.querySelectorAll('.leaflet-marker-icon.im-icon').length;
  document.querySelectorAll('.marker-cluster span').forEach(s => { n += Number(s.textContent); });
  return n;
}"""


def shown_header(page: Any) -> str:
    return str(page.locator(".im-shown").inner_text())


def click_switch(page: Any, text: str) -> None:
    page.locator(".leaflet-control-layers-overlays label", has_text=text).first.click()
    page.wait_for_timeout(100)


def test_offline_map_names_places_more_as_you_zoom(open_map: Any, plain_map: Path) -> None:
    opened = open_map(plain_map)
    assert opened.evaluate(LABELS_SHOWN)
    first = opened.evaluate(LABELS)
    names = {label["text"] for label in first}
    assert {"Baghdad", "Erbil", "Basra", "Mosul", "Kirkuk"} <= names  # governorate seats
    for a in first:  # none drawn over another
        for b in first:
            if a is not b:
                assert not (
                    a["box"][0] < b["box"][2] - 1
                    and b["box"][0] < a["box"][2] - 1
                    and a["box"][1] < b["box"][3] - 1
                    and b["box"][1] < a["box"][3] - 1
                )
    opened.evaluate("() => window.incidentMap.map.setView([33.35, 44.3], 10, {animate: false})")
    opened.page.wait_for_timeout(200)
    closer = {label["text"] for label in opened.evaluate(LABELS)}
    assert {"Camp Taji", "Baghdad International Airport"} & closer  # bases appear
    assert opened.blocked == [] and opened.page_errors == []


def test_names_hide_once_tiles_load_and_return_without_them(open_map: Any, osm_map: Path) -> None:
    online = open_map(osm_map, tiles=True)
    online.page.wait_for_function(f"!({LABELS_SHOWN})()")
    assert online.page.locator(".leaflet-tile-loaded").count() > 0
    online.page.locator(".leaflet-control-layers-base label", has_text="Plain").click()
    online.page.wait_for_function(LABELS_SHOWN)
    offline = open_map(osm_map)  # tiles refused: the names stay
    offline.page.wait_for_timeout(300)
    assert offline.evaluate(LABELS_SHOWN)
    assert "Baghdad" in {label["text"] for label in offline.evaluate(LABELS)}
    assert online.page_errors == [] and offline.page_errors == []


def test_the_readme_build_opened_offline_names_places_unless_no_labels(
    open_map: Any, tmp_path: Path
) -> None:
    """``mapper build samples/reports -o map.html`` as the README runs it (OpenStreetMap
    first), opened with the network cut: the tiles fail and the names show; a map built
    with ``--no-labels`` keeps only the country outlines and their names."""
    from mapper.cli.main import main

    named, bare = tmp_path / "map.html", tmp_path / "bare.html"
    assert main(["build", str(SAMPLES), "-o", str(named), "--quiet"]) == 0
    opened = open_map(named)
    opened.page.wait_for_function(LABELS_SHOWN)
    names = {label["text"] for label in opened.evaluate(LABELS)}
    assert {"Baghdad", "Erbil", "Basra", "Kirkuk", "Najaf"} <= names
    assert opened.blocked and opened.page_errors == []  # the tiles were asked for, and refused
    assert main(["build", str(SAMPLES), "-o", str(bare), "--quiet", "--no-labels"]) == 0
    without = open_map(bare)
    without.page.wait_for_timeout(300)
    assert without.evaluate(LABELS) == []
    assert "Iraq" in without.page.locator(".im-country").all_inner_texts()
    assert without.page_errors == []


def weapon_counts(page: Any, where: str) -> dict[str, int]:
    counts = page.evaluate(
        """(where) => Object.fromEntries(Array.from(document.querySelectorAll(
             where + ' [data-count^="weapon-"]')).map(e => [e.getAttribute('data-count'),
             Number(e.textContent.replace(/[(),]/g, ''))]))""",
        where,
    )
    return {key: int(value) for key, value in counts.items()}


def test_counts_in_header_legend_and_layer_control_agree(
    open_map: Any, plain_map: Path, table: pd.DataFrame
) -> None:
    opened = open_map(plain_map)
    page = opened.page
    assert shown_header(page) == "Showing all 29 (2 undated)"
    click_switch(page, "drone")
    page.select_option(".im-harm", "injured")
    page.wait_for_timeout(100)
    expected = table[(table["weapon"] != "drone") & (table["injured"].fillna(0) > 0)]
    undated = int(expected["date"].isna().sum())
    assert shown_header(page) == f"Showing {len(expected)} of 29 ({undated} undated)"
    assert opened.evaluate(SHOWN) == len(expected)
    legend = weapon_counts(page, ".im-legend")
    control = weapon_counts(page, ".leaflet-control-layers")
    assert legend == control
    drone = "weapon-3"
    assert sum(n for key, n in legend.items() if key != drone) == len(expected)
    # A switched-off weapon shows what it would add, struck through in the legend.
    would_add = table[(table["weapon"] == "drone") & (table["injured"].fillna(0) > 0)]
    assert legend[drone] == len(would_add)
    assert "im-off" in page.locator('.im-legend li[data-weapon="3"]').get_attribute("class")
    harm = page.locator(".im-harm option[value=injured]").inner_text()
    assert harm == f"any injured ({len(expected)})"
    years = page.evaluate(
        """() => Array.from(document.querySelectorAll('[data-count^="year-"]'))
             .map(e => Number(e.textContent.replace(/[()]/g, '')))"""
    )
    assert sum(years) == len(expected)


def test_filters_by_target_casualties_and_precision_combine(
    open_map: Any, plain_map: Path, table: pd.DataFrame
) -> None:
    opened = open_map(plain_map)
    page = opened.page
    control = page.locator(".leaflet-control-layers-overlays").inner_text()
    for heading in ("Target", "Place known", "embassy", "region only", "target not stated"):
        assert heading in control
    click_switch(page, "embassy")
    click_switch(page, "region only")
    page.select_option(".im-harm", "killed")
    page.fill(".im-from", "2021-03-01")
    page.dispatch_event(".im-from", "change")
    page.wait_for_timeout(100)
    dated = table["date"].isna() | (table["date"].fillna("") >= "2021-03-01")
    expected = table[
        (table["target"].fillna("") != "embassy")
        & (table["geo_precision"] != 3)
        & (table["killed"].fillna(0) > 0)
        & dated
    ]
    assert 0 < len(expected) < 10
    assert opened.evaluate(SHOWN) == len(expected)
    assert shown_header(page).startswith(f"Showing {len(expected)} of 29")
    assert opened.page_errors == []


def test_time_slider_steps_through_months_and_shares_the_date_boxes(
    open_map: Any, plain_map: Path, table: pd.DataFrame
) -> None:
    opened = open_map(plain_map, locale="de-DE")
    page = opened.page
    assert page.input_value(".im-from") == table["date"].min() == "2021-01-13"  # not 13.01.2021
    page.select_option(".im-step", "month")
    page.locator(".im-slider").fill("2")  # the third month with incidents
    page.wait_for_timeout(100)
    assert (page.input_value(".im-from"), page.input_value(".im-to")) == (
        "2021-03-01",
        "2021-03-31",
    )
    assert page.locator(".im-step-label").inner_text() == "2021-03 (3 of 12)"
    in_march = table["date"].fillna("").str.startswith("2021-03") | table["date"].isna()
    assert opened.evaluate(SHOWN) == int(in_march.sum())
    page.fill(".im-to", "2021-06")  # a month means its last day
    page.dispatch_event(".im-to", "change")
    page.wait_for_timeout(100)
    assert page.input_value(".im-to") == "2021-06-30"
    assert page.locator(".im-step-label").inner_text() == "2021-03-01 – 2021-06-30"
    page.fill(".im-from", "17.11.2020")  # refused, said so, nothing changes
    page.dispatch_event(".im-from", "change")
    assert "im-invalid" in page.locator(".im-from").get_attribute("class")
    page.locator(".im-play").click()
    page.wait_for_function("document.querySelector('.im-from').value === '2021-01-01'")
    page.wait_for_function("document.querySelector('.im-from').value === '2021-02-01'")
    assert page.locator(".im-play").get_attribute("aria-label") == "Pause"
    page.locator(".im-play").click()
    assert not opened.evaluate("() => window.incidentMap.timeline.playing()")
    page.locator(".im-reset").click()
    assert page.locator(".im-step-label").inner_text() == "all dates"
    assert shown_header(page) == "Showing all 29 (2 undated)"
    assert opened.page_errors == []


def test_time_slider_steps_by_week_from_monday_and_by_day(
    open_map: Any, plain_map: Path, table: pd.DataFrame
) -> None:
    opened = open_map(plain_map)
    page = opened.page
    dates = table["date"].dropna()
    first, monday = dates.min(), "2021-01-11"  # the first date is a Wednesday, 2021-01-13
    weeks = {str(d - pd.Timedelta(days=d.weekday()))[:10] for d in pd.to_datetime(dates)}
    expected = {
        "week": (monday, "2021-01-17", f"week of {monday} (1 of {len(weeks)})"),
        "day": (first, first, f"{first} (1 of {dates.nunique()})"),
    }
    for step, (low, high, label) in expected.items():
        page.select_option(".im-step", step)
        page.locator(".im-slider").fill("0")
        page.wait_for_timeout(100)
        assert (page.input_value(".im-from"), page.input_value(".im-to")) == (low, high)
        assert page.locator(".im-step-label").inner_text() == label
        inside = table["date"].isna() | table["date"].between(low, high)  # undated: switched on
        assert opened.evaluate(SHOWN) == int(inside.sum())
    assert opened.page_errors == []


def test_clusters_show_their_main_weapon_and_identical_places_spread(
    open_map: Any, plain_map: Path
) -> None:
    opened = open_map(plain_map)
    page = opened.page
    sizes = [int(text) for text in page.locator(".im-cluster span").all_inner_texts()]
    bubble = page.locator(".im-cluster", has_text=str(max(sizes))).first  # Baghdad's crowd
    assert COLOURS["rocket"] in bubble.locator("span").get_attribute("style").replace(" ", "")
    title = bubble.locator(".im-cluster-ring").get_attribute("title")
    assert title.startswith(f"{max(sizes)} incidents: 14 rocket, 5 mortar, 5 drone")
    assert page.locator(".marker-cluster-small, .marker-cluster-medium").count() == 0
    opened.evaluate(
        "() => window.incidentMap.map.setView([36.2375, 43.96306], 12, {animate: false})"
    )
    page.wait_for_timeout(300)
    spot = page.locator(".im-cluster", has_text="3")
    assert spot.count() == 1
    spot.click()
    page.wait_for_timeout(500)
    assert page.locator(".leaflet-marker-icon.im-icon").count() == 3  # spread out, one click
    assert opened.evaluate("() => window.incidentMap.map.getZoom()") == 12
    assert opened.page_errors == []


def test_region_only_circles_are_lighter_under_markers_and_switchable(
    open_map: Any, plain_map: Path
) -> None:
    opened = open_map(plain_map)
    styles = opened.evaluate(
        """() => window.incidentMap.circles.getLayers().map(c => [Math.round(c.getRadius()),
             c.options.opacity, c.options.fillOpacity, c.options.pane])"""
    )
    region = [s for s in styles if s[0] == 200_000]
    near = [s for s in styles if s[0] == 10_000]
    assert region and near
    assert region[0][1] < near[0][1] and region[0][2] < near[0][2]
    assert all(s[3] == "imCircles" for s in styles)
    z = opened.evaluate(
        """() => [getComputedStyle(window.incidentMap.map.getPane('imCircles')).zIndex,
                  getComputedStyle(window.incidentMap.map.getPane('markerPane')).zIndex]"""
    )
    assert int(z[0]) < int(z[1])
    click_switch(opened.page, "Uncertainty circles")
    im = "window.incidentMap"
    assert opened.evaluate(f"() => {im}.map.hasLayer({im}.circles)") is False


def test_markers_and_legend_show_weapon_pictograms(open_map: Any, plain_map: Path) -> None:
    opened = open_map(plain_map)
    opened.evaluate("() => window.incidentMap.map.setView([33.32, 44.415], 14, {animate: false})")
    opened.page.wait_for_timeout(300)
    pin = opened.page.locator(".leaflet-marker-icon.im-icon .im-pin").first
    assert pin.locator("svg").count() == 1 and pin.inner_text().strip() == ""
    assert opened.page.locator(".im-legend li svg").count() == 3  # rocket, mortar, drone


def test_the_summary_never_breaks_a_date_across_lines(
    open_map: Any, plain_map: Path, table: pd.DataFrame
) -> None:
    opened = open_map(plain_map)
    summary = opened.page.locator(".im-summary").inner_text()
    assert summary.endswith(f"{table['date'].min()} – {table['date'].max()}")
    lines = opened.evaluate(
        """() => { const box = document.querySelector('.im-title'), seen = [];
          for (let w = 180; w <= 360; w += 5) {
            box.style.maxWidth = w + 'px';
            document.querySelectorAll('.im-summary .im-date').forEach(
              d => seen.push(d.getClientRects().length));
          }
          box.style.maxWidth = ''; return seen; }"""
    )
    assert len(lines) == 2 * 37 and set(lines) == {1}  # each date on one line at every width


@pytest.mark.parametrize("width", [390, 600])
def test_narrow_screens_fold_the_layer_control_into_a_button(
    open_map: Any, plain_map: Path, width: int
) -> None:
    opened = open_map(plain_map, width=width, height=700)
    page = opened.page
    control = page.locator(".leaflet-control-layers")
    assert "leaflet-control-layers-expanded" not in control.get_attribute("class")
    assert page.locator(".leaflet-control-layers-toggle").is_visible()
    assert page.locator(".im-legend").get_attribute("open") is None
    box = page.locator(".im-title").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width and box["height"] < 150
    toggle = page.locator(".leaflet-control-layers-toggle").bounding_box()
    page.mouse.move(toggle["x"] + 10, toggle["y"] + 10)
    assert "leaflet-control-layers-expanded" in control.get_attribute("class")
    page.set_viewport_size({"width": 1200, "height": 800})  # wide again: the list returns
    page.wait_for_timeout(200)
    assert "leaflet-control-layers-expanded" in control.get_attribute("class")
    assert opened.page_errors == []


@pytest.mark.parametrize("width", [390, 600, 760, 1200])
def test_the_attribution_never_covers_the_scale_or_the_legend(
    open_map: Any, osm_map: Path, width: int
) -> None:
    opened = open_map(osm_map, width=width, height=700)  # the longest attribution
    boxes = opened.evaluate(
        """() => ['.leaflet-control-attribution', '.leaflet-control-scale', '.im-legend']
             .map(s => { const b = document.querySelector(s).getBoundingClientRect();
                         return [b.left, b.top, b.right, b.bottom]; })"""
    )
    attribution, *others = boxes
    assert attribution[2] <= width and attribution[3] <= 700
    for other in others:
        assert not (
            attribution[0] < other[2]
            and other[0] < attribution[2]
            and attribution[1] < other[3]
            and other[1] < attribution[3]
        ), (attribution, other)
