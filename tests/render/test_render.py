"""mapper.render: a standalone, deterministic, safe map of an incident table.

Each test renders a small table we write here and looks for the fragment it is about,
not a whole-file snapshot. What the page does with the data (markers, popups opening)
is checked in a real browser by tests/render/browser/.
"""

from __future__ import annotations

import json
import re
from typing import Any

import folium
import pandas as pd
import pytest
from shapely.geometry import box

import mapper
from gazetteer import Gazetteer, Place
from mapper.render.inline import ASSETS, PAGE_SCRIPTS
from mapper.render.payload import build_payload

HOSTILE = "<img src=x onerror=alert(1)> </script><script>alert(2)</script>"


@pytest.fixture(scope="module")
def places() -> Gazetteer:
    """The Green Zone with an outline, a base, and Anbar as a wide region."""
    return Gazetteer(
        [
            Place("iraq", "Iraq", "country", 33.0, 44.0, radius_km=400.0),
            Place(
                "green-zone",
                "Green Zone",
                "zone",
                33.305,
                44.385,
                radius_km=2.0,
                geometry=box(44.37, 33.29, 44.40, 33.32),
            ),
            Place("camp-taji", "Camp Taji", "military base", 33.53, 44.25, radius_km=3.0),
            Place("gov-anbar", "Anbar", "governorate", 33.4, 42.0, radius_km=200.0),
        ]
    )


def incident(**fields: Any) -> dict[str, Any]:
    """A rocket attack on the Green Zone on 17 November 2020 (the first seed report's facts)."""
    row = {
        "report_id": "seed-000",
        "incident_id": "seed-000-1",
        "date": "2020-11-17",
        "date_precision": "day",
        "place": "Green Zone",
        "place_id": "green-zone",
        "latitude": 33.305,
        "longitude": 44.385,
        "geo_precision": 1,
        "weapon": "rocket",
        "projectiles": 7,
        "killed": 1,
        "injured": 5,
        "target": "embassy",
        "quote": "Seven rockets were fired at the embassy; a child died.",
        "title": "Rockets fired at the US embassy",
        "url": "https://news.example/rockets",
        "source": "Wire service",
    }
    row.update(fields)
    return row


def html_of(table: pd.DataFrame, gazetteer: Gazetteer, **options: Any) -> str:
    return mapper.render(table, gazetteer=gazetteer, **options).get_root().render()


def embedded_data(html: str) -> dict[str, Any]:
    """The incident data the page embeds (the JSON element the layer's script parses)."""
    match = re.search(r'<script type="application/json" id="\w+_data">(.*?)</script>', html)
    assert match, "the incident data is missing"
    data: dict[str, Any] = json.loads(match.group(1))
    return data


def test_render_returns_a_folium_map_that_shows_in_notebooks(places: Gazetteer) -> None:
    fmap = mapper.render(mapper.incident_frame([incident()]), gazetteer=places)
    assert isinstance(fmap, folium.Map)
    assert "<iframe srcdoc=" in fmap._repr_html_()


def test_standalone_map_loads_nothing_from_the_network(places: Gazetteer) -> None:
    html = html_of(mapper.incident_frame([incident()]), places, heat=True)
    assert not re.search(r"<script[^>]*\bsrc=", html)
    assert not re.search(r"<link[^>]*\bhref=", html)
    assert "L.markerClusterGroup=" in html.replace(" ", "")  # markercluster inlined
    assert "Leaflet 1.9.3" in html  # leaflet inlined, with its licence header
    assert "bootstrap" not in html and "font-awesome" not in html.lower()


def test_cdn_map_links_the_libraries_and_is_smaller(places: Gazetteer) -> None:
    table = mapper.incident_frame([incident()])
    standalone = html_of(table, places)
    linked = html_of(table, places, cdn=True)
    assert re.search(r'<script src="https://[^"]+leaflet[^"]*\.js"></script>', linked)
    assert re.search(r'<script src="https://[^"]+markercluster[^"]*\.js"></script>', linked)
    assert len(linked) < len(standalone) / 3
    # The linked markercluster is the version a standalone map inlines.
    import xstatic.pkg.leaflet_markercluster as cluster

    assert linked.count(f"/leaflet.markercluster/{cluster.VERSION}/") == 3


def test_render_does_not_change_folium_defaults(places: Gazetteer) -> None:
    before = (list(folium.Map.default_js), list(folium.Map.default_css))
    mapper.render(mapper.incident_frame([incident()]), gazetteer=places, cdn=True)
    assert (folium.Map.default_js, folium.Map.default_css) == before


def test_same_input_gives_byte_identical_html(places: Gazetteer) -> None:
    rows = [incident(), incident(incident_id="seed-000-2", weapon="drone", killed=None)]
    first = html_of(mapper.incident_frame(rows), places, heat=True)
    second = html_of(mapper.incident_frame(rows), places, heat=True)
    assert first == second
    assert not re.search(r"[0-9a-f]{32}", first)  # no random folium ids left


def test_report_text_cannot_break_out_of_the_page(places: Gazetteer) -> None:
    row = incident(
        quote=HOSTILE, title=HOSTILE, place=HOSTILE, source=HOSTILE, url="javascript:alert(3)"
    )
    html = html_of(mapper.incident_frame([row]), places, title="<b>Attacks</b>")
    assert "<img src=x" not in html
    assert html.count("</script>") == html.count("<script>") + html.count("<script ")
    assert "\\u003c/script\\u003e" in html  # the text is there, escaped for the script
    assert "<title>&lt;b&gt;Attacks&lt;/b&gt;</title>" in html
    assert "<h1>&lt;b&gt;Attacks&lt;/b&gt;</h1>" in html
    # The page links only http(s) URLs and escapes through one function.
    script = (ASSETS / "popups.js").read_text(encoding="utf-8")
    assert "/^https?:\\/\\//i.test(url)" in script
    for name in PAGE_SCRIPTS:
        assert ".innerHTML" not in (ASSETS / name).read_text(encoding="utf-8"), name


def test_report_text_is_never_run_as_a_template(places: Gazetteer) -> None:
    row = incident(quote="a {{ 7*7 }} b", title="x {% if 1 %} y", place="{# z")
    html = html_of(mapper.incident_frame([row]), places, title="{{ 6*7 }}")
    assert "a {{ 7*7 }} b" in html and "x {% if 1 %} y" in html and "{# z" in html
    assert "<h1>{{ 6*7 }}</h1>" in html and "<h1>42</h1>" not in html and "a 49 b" not in html


def test_title_panel_has_summary_and_date_filter(places: Gazetteer) -> None:
    rows = [
        incident(),
        incident(report_id="seed-003", incident_id="seed-003-1", date="2020-03-26"),
        incident(report_id="seed-004", incident_id="seed-004-1", date="2022-01"),
        incident(report_id="seed-004", incident_id="seed-004-2", latitude=None, longitude=None),
    ]
    html = html_of(mapper.incident_frame(rows), places, title="Green Zone attacks")
    assert "<h1>Green Zone attacks</h1>" in html
    assert (
        '<p class="im-summary">3 incidents from 3 reports, <span class="im-date">2020-03-26'
        '</span> – <span class="im-date">2022-01</span> (1 without a location not shown)</p>'
    ) in html
    # Text boxes, not type=date: a date field would show the browser's locale.
    assert '<input type="text" class="im-from" value="2020-03-26"' in html
    assert '<input type="text" class="im-to" value="2022-01-31"' in html
    assert 'placeholder="YYYY-MM-DD"' in html and 'type="date"' not in html
    assert '<input type="range" class="im-slider"' in html and 'class="im-play"' in html


def test_legend_lists_weapons_present_with_counts(places: Gazetteer) -> None:
    rows = [incident(), incident(incident_id="b", weapon="rocket"), incident(incident_id="c")]
    rows[2]["weapon"] = "drone"
    html = html_of(mapper.incident_frame(rows), places)
    legend = html[html.index('<details class="im-panel im-legend"') :]
    legend = legend[: legend.index("</details>")]
    assert 'rocket <span class="im-count" data-count="weapon-0">2</span>' in legend
    assert 'drone <span class="im-count" data-count="weapon-3">1</span>' in legend
    assert "mortar" not in legend
    assert "<svg" in legend  # each weapon's pictogram, not a letter
    # Only the symbols this map draws: killed, a group; no merged badge, no rough place.
    assert "people killed" in legend and "most common weapon" in legend
    assert "reports merged into one incident" not in legend
    assert "place known only roughly" not in legend and "named area" in legend


def test_popup_data_carries_every_field_and_source(places: Gazetteer) -> None:
    data = embedded_data(html_of(mapper.incident_frame([incident()]), places))
    field = {name: i for i, name in enumerate(data["fields"])}
    (row,) = data["rows"]
    assert data["categories"][row[field["weapon"]]]["key"] == "rocket"
    assert row[field["date"]] == "2020-11-17"
    assert row[field["date_precision"]] == "day"
    assert (row[field["killed"]], row[field["injured"]], row[field["projectiles"]]) == (1, 5, 7)
    ((title, url, outlet, quote),) = row[field["sources"]]
    assert [data["strings"][i] for i in (title, url, outlet)] == [
        "Rockets fired at the US embassy",
        "https://news.example/rockets",
        "Wire service",
    ]
    assert quote == "Seven rockets were fired at the embassy; a child died."


def test_merged_incident_shows_ranges_and_all_sources(places: Gazetteer) -> None:
    sources = [
        {"incident_id": "a-1", "report_id": "a", "title": "First", "url": "https://a.example",
         "source": "A", "quote": "one dead", "date": "2020-11-17", "killed": 1, "injured": 5,
         "projectiles": 7, "weapon": "rocket", "place": "Green Zone"},
        {"incident_id": "b-1", "report_id": "b", "title": "Second", "url": None,
         "source": "B", "quote": "two dead", "date": "2020-11-18", "killed": 2, "injured": 5,
         "projectiles": None, "weapon": "missile", "place": "Baghdad"},
    ]  # fmt: skip
    row = incident(
        report_id="a;b", killed=2, n_reports=2, sources=json.dumps(sources), quote="one dead"
    )
    payload = build_payload(mapper.incident_frame([row]), lambda ids: {})
    field = {name: i for i, name in enumerate(payload.data["fields"])}
    (cells,) = payload.data["rows"]
    assert cells[field["killed"]] == [1, 2]  # the page shows "1–2 (sources differ)"
    assert cells[field["injured"]] == 5
    assert cells[field["projectiles"]] == 7
    assert cells[field["date"]] == ["2020-11-17", "2020-11-18"]
    assert cells[field["weapons"]] == ["missile"]
    assert cells[field["n_reports"]] == 2
    first, second = cells[field["sources"]]
    assert [payload.data["strings"][s[0]] for s in (first, second)] == ["First", "Second"]
    assert second[3:] == ["two dead", "2020-11-18", 2, 5, None]  # each source's own figures
    assert payload.summary.startswith("1 incident from 2 reports")


def test_a_reviewed_merged_incident_shows_its_edited_figures(places: Gazetteer) -> None:
    sources = [
        {"incident_id": "a-1", "report_id": "a", "date": "2024-02", "killed": 1, "injured": 4},
        {"incident_id": "b-1", "report_id": "b", "date": "2024-02-12", "killed": 2,
         "injured": 4},
    ]  # fmt: skip
    merged = incident(report_id="a;b", date="2024-02-12", n_reports=2, sources=json.dumps(sources))
    edited = {**merged, "killed": 5, "injured": None}
    payload = build_payload(
        mapper.incident_frame([{**merged, "killed": 2, "injured": 4}, edited]), lambda ids: {}
    )
    field = {name: i for i, name in enumerate(payload.data["fields"])}
    as_merged, as_edited = payload.data["rows"]
    assert as_merged[field["killed"]] == [1, 2]  # the sources differ: a range
    assert (as_edited[field["killed"]], as_edited[field["injured"]]) == (5, None)
    # A month-only round-up does not disagree with the day a later report gives.
    assert as_merged[field["date"]] == "2024-02-12"


def test_areas_come_from_the_gazetteer_outline(places: Gazetteer) -> None:
    data = embedded_data(html_of(mapper.incident_frame([incident()]), places))
    (area,) = data["areas"]["features"]
    assert area["properties"]["name"] == "Green Zone"
    assert area["geometry"]["type"] == "Polygon"


def test_rough_places_get_an_uncertainty_circle_not_an_exact_pin(places: Gazetteer) -> None:
    rows = [
        incident(incident_id="r", place="Anbar", place_id="gov-anbar", latitude=33.4,
                 longitude=42.0, geo_precision=3),
        incident(incident_id="t", place="Camp Taji", place_id="camp-taji", latitude=33.53,
                 longitude=44.25, geo_precision=2),
        incident(incident_id="u", place="Somewhere", place_id=None, latitude=34.0,
                 longitude=43.0, geo_precision=3),
    ]  # fmt: skip
    data = embedded_data(html_of(mapper.incident_frame(rows), places))
    field = {name: i for i, name in enumerate(data["fields"])}
    circle_of = {r[field["incident_id"]]: r[field["circle"]] for r in data["rows"]}
    assert circle_of["t"] == -1  # precision 2 at a 3 km base: a pin is honest
    assert data["circles"][circle_of["r"]][2:4] == [200_000, "Anbar"]  # the place's radius
    assert data["circles"][circle_of["u"]][2] == 50_000  # unknown place: default radius
    # The view takes in the whole circle, not only its centre.
    (south, west), (north, east) = data["bounds"]
    assert east == 44.25  # the pin at Camp Taji
    assert south < 33.4 - 1.7 and north > 33.53 and west < 42.0 - 2.0


def test_heat_layer_is_only_included_when_asked(places: Gazetteer) -> None:
    table = mapper.incident_frame([incident()])
    assert "simpleheat" not in html_of(table, places)
    with_heat = html_of(table, places, heat=True)
    assert "simpleheat" in with_heat and "heat: true" in with_heat


def test_plain_background_is_selectable_and_tiles_are_attributed(places: Gazetteer) -> None:
    html = html_of(mapper.incident_frame([incident()]), places, tiles=None)
    assert 'shownTiles: "Plain (no tiles)"' in html
    assert "openstreetmap.org/copyright" in html  # OSM stays a choice, with attribution
    map_options = html[html.index("= L.map(") :]
    assert '"maxZoom": 18' in map_options[: map_options.index("}")]
    assert '"name":"Iraq"' in html  # the bundled country outline


def test_empty_table_renders_a_map_of_iraq(places: Gazetteer) -> None:
    html = html_of(mapper.incident_frame([]), places)
    data = embedded_data(html)
    assert data["rows"] == [] and data["bounds"] == [[29.0, 38.8], [37.4, 48.6]]
    assert "0 incidents from 0 reports, dates unknown" in html


def test_malformed_sources_are_named(places: Gazetteer) -> None:
    row = incident(incident_id="bad-7", n_reports=2, sources="[{not json")
    with pytest.raises(mapper.IncidentTableError, match="incident bad-7: its sources column"):
        mapper.render(mapper.incident_frame([row]), gazetteer=places)
    row = incident(incident_id="bad-8", n_reports=2, sources='[{"killed": "two"}, {}]')
    with pytest.raises(mapper.IncidentTableError, match="incident bad-8: a source has a count"):
        mapper.render(mapper.incident_frame([row]), gazetteer=places)


def test_render_refuses_what_is_not_a_table() -> None:
    with pytest.raises(mapper.IncidentTableError, match="needs an incident DataFrame"):
        mapper.render([{"latitude": 1.0}])  # type: ignore[arg-type]


def test_big_map_parses_drawn_fields_first_and_keeps_details_for_last(
    places: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mapper.render import layer
    from mapper.render.payload import DRAWN_FIELDS, FIELDS

    hostile = "</script><script>alert(1)</script>\u2028"
    rows = [incident(), incident(incident_id="b", quote=hostile, place="Tall \u0639\u0641\u0631")]
    small = html_of(mapper.incident_frame(rows), places)
    assert small.endswith("</html>") and "details" not in embedded_data(small)
    monkeypatch.setattr(layer, "CANVAS_FROM", 2)
    html = html_of(mapper.incident_frame(rows), places)
    data = embedded_data(html)
    assert data["details"] is True and data["fields"] == list(FIELDS)
    assert [len(row) for row in data["rows"]] == [DRAWN_FIELDS, DRAWN_FIELDS]
    page, tail = html.split("</html>")
    assert tail.startswith('<script type="text/plain" id="') and tail.endswith("</script>\n")
    assert "canvas: true" in page and "canvas: false" not in page
    details = tail[tail.index(">") + 1 : -len("</script>\n")]
    assert details.isascii() and "</script" not in details and "\u2028" not in details
    lines = [json.loads(line) for line in details.split("\n")]
    assert [line[FIELDS.index("incident_id") - DRAWN_FIELDS] for line in lines] == [
        "seed-000-1",
        "b",
    ]
    assert lines[1][FIELDS.index("place") - DRAWN_FIELDS] == "Tall \u0639\u0641\u0631"
    assert hostile in json.dumps(lines[1], ensure_ascii=False)
