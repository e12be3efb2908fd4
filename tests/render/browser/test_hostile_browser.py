"""A map of hostile reports in Chromium: every popup, tooltip and panel opened, nothing runs.

Needs Debian's Chromium (/usr/bin/chromium); run ``pytest -m browser``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import mapper
from mapper.cli.main import main

pytestmark = pytest.mark.browser

#: Text that runs, breaks out of markup or reorders what follows it, when not escaped.
HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(2)</script>",
    "</script><script>alert(3)</script><!--",
    "]]> {{ 7*7 }} {% raw %} ${alert(4)} `alert(5)`",
    "Taji\u2028north\u2029of Baghdad",
    "\u202eKirkuk",
]
#: Addresses that must never become links, and the http ones that must stay one attribute.
NOT_LINKS = [
    "javascript:alert(6)",
    " JaVaScRiPt:alert(7)",
    "data:text/html,<script>alert(8)</script>",
    "vbscript:msgbox(9)",
    "//evil.example/x",
]
LINKS = ["http://a.example/x\"y'z", 'https://b.example/" onmouseover="alert(10)']
TITLE = "</title><script>alert(11)</script> {{ 7*7 }} <b>bold</b>"


def hostile_rows() -> list[dict[str, Any]]:
    rows = []
    urls = NOT_LINKS + LINKS
    for n, url in enumerate(urls):
        text = HOSTILE[n % len(HOSTILE)]
        rows.append(
            {
                "report_id": f"h{n}", "incident_id": f"{text}-{n}", "date": "2021-03-03",
                "date_precision": "day", "place": text, "place_id": None,
                "latitude": 33.0 + n * 0.4, "longitude": 44.0, "geo_precision": 3,
                "weapon": "rocket", "target": text, "quote": text * 2, "title": text,
                "url": url, "source": text, "killed": 1 if n % 2 else None,
            }
        )  # fmt: skip
    sources = [
        {"incident_id": f"s{n}", "report_id": f"s{n}", "title": text, "url": LINKS[n % 2],
         "source": text, "quote": text, "date": "2021-03-0" + str(1 + n % 2), "killed": n,
         "injured": None, "projectiles": None, "weapon": "<img src=x onerror=alert(12)>",
         "place": text}
        for n, text in enumerate(HOSTILE)
    ]  # fmt: skip
    rows.append(
        {"report_id": "m", "incident_id": "merged", "date": "<img src=x onerror=alert(13)>",
         "place": HOSTILE[0], "latitude": 36.0, "longitude": 43.0, "weapon": "drone",
         "n_reports": len(sources), "sources": json.dumps(sources)}
    )  # fmt: skip
    return rows


@pytest.fixture(scope="module")
def hostile_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The map as a user makes it: a table on disk, then ``mapper render --title``.

    ``mapper render`` refuses the merged row's date (not a date at all), so that row is
    drawn from Python, where a table is never checked against the vocabularies.
    """
    folder = tmp_path_factory.mktemp("hostile")
    rows = hostile_rows()
    table = folder / "incidents.jsonl"
    mapper.write_incidents(mapper.incident_frame(rows), table)
    out = folder / "map.html"
    assert main(["render", str(table), "-o", str(out), "--title", TITLE, "--tiles", "none"]) == 2
    mapper.write_incidents(mapper.incident_frame(rows[:-1]), table)
    assert main(["render", str(table), "-o", str(out), "--title", TITLE, "--tiles", "none"]) == 0
    mapper.render(mapper.incident_frame(rows), title=TITLE, tiles=None).save(str(out))
    return out


#: Opens every popup and tooltip (markers and circles) and the layer control, then
#: reports what the page built from report text.
OPEN_EVERYTHING = """() => {
  const im = window.incidentMap;
  const popups = [], tooltips = [];
  im.markers.forEach(m => {
    im.cluster.fire('click', {layer: m});
    im.cluster.fire('mouseover', {layer: m});
    m.getPopup().setLatLng(m.getLatLng()).openOn(im.map);
    const node = m.getPopup().getElement().querySelector('.leaflet-popup-content');
    popups.push({
      text: node.textContent,
      bdi: Array.from(node.querySelectorAll('bdi')).map(b => b.textContent),
      links: Array.from(node.querySelectorAll('a')).map(a => ({
        href: a.getAttribute('href'), attributes: a.getAttributeNames().sort()})),
    });
    tooltips.push(m.getTooltip().getContent());
  });
  im.circles.eachLayer(c => { c.openTooltip(c.getBounds().getCenter()); });
  document.querySelector('.leaflet-control-layers').classList.add('leaflet-control-layers-expanded');
  const handlers = Array.from(document.querySelectorAll('*')).filter(
    e => e.getAttributeNames().some(a => a.startsWith('on')));
  return {
    popups, tooltips,
    circleTips: Array.from(document.querySelectorAll('.leaflet-tooltip')).map(t => t.textContent),
    images: document.querySelectorAll('img').length,
    scripts: document.querySelectorAll('script').length,
    handlers: handlers.map(e => e.outerHTML.slice(0, 80)),
    title: document.title,
    heading: document.querySelector('.im-title h1').textContent,
    summary: document.querySelector('.im-summary').textContent,
    layers: document.querySelector('.leaflet-control-layers').textContent,
  };
}"""


def test_hostile_reports_show_as_text_everywhere_and_run_nothing(
    open_map: Any, hostile_map: Path
) -> None:
    opened = open_map(hostile_map)
    scripts_before = opened.evaluate("document.querySelectorAll('script').length")
    seen = opened.evaluate(OPEN_EVERYTHING)
    opened.page.wait_for_timeout(100)  # an onerror would fire on the next turn
    assert opened.dialogs == [] and opened.page_errors == []
    assert opened.blocked == []
    assert seen["images"] == 0 and seen["handlers"] == []
    assert seen["scripts"] == scripts_before
    assert seen["title"] == seen["heading"] == TITLE
    assert seen["summary"].startswith("8 incidents from 8 reports")
    # A "year" cut from a hostile date; each switch shows its count.
    assert seen["layers"].endswith("Year 2021 (7) <img (1)")
    for text in HOSTILE[:3]:  # targets are filters too, named as text
        assert text in seen["layers"]
    rows = hostile_rows()
    for row, popup, tooltip in zip(rows, seen["popups"], seen["tooltips"], strict=True):
        assert row["place"] in popup["text"]
        # Each report string sits in its own <bdi>: U+202E cannot reverse what follows.
        assert popup["bdi"][0] == row["place"]
        assert tooltip.startswith(f"<bdi>{_escaped(row['place'])}</bdi>, ")
    for row, popup in zip(rows[: len(NOT_LINKS)], seen["popups"], strict=False):
        assert popup["links"] == [], row["url"]
        assert row["title"] in popup["text"]  # the source is still named, as text
    linked = slice(len(NOT_LINKS), -1)
    for row, popup in zip(rows[linked], seen["popups"][linked], strict=True):
        assert popup["links"] == [{"href": row["url"], "attributes": ["href", "rel", "target"]}]
    merged = seen["popups"][-1]
    assert [link["href"] for link in merged["links"]] == [LINKS[n % 2] for n in range(6)]
    assert "<img src=x onerror=alert(12)>" in merged["text"]
    assert len(seen["circleTips"]) >= 7


def _escaped(text: str) -> str:
    replace = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
    return "".join(replace.get(char, char) for char in text)
