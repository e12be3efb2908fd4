"""The map as a notebook shows it: folium's inline frame in a 600 px output cell, in
Chromium with the network cut (issue 13: the layer control was cut off there).

Needs Debian's Chromium (/usr/bin/chromium); run ``pytest -m browser``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import mapper

pytestmark = pytest.mark.browser

SAMPLES = Path(__file__).resolve().parents[3] / "samples" / "reports"
CELL = 600
BOX = """(s) => { const b = document.querySelector(s).getBoundingClientRect();
                  return [b.left, b.top, b.right, b.bottom]; }"""


@pytest.fixture
def cell(browser: Any, tmp_path: Path) -> Iterator[tuple[Any, list[str], list[str]]]:
    """The notebook's ``m`` (``mapper.render(merged, title=...)``) shown in an output cell
    600 px wide; yields the map's frame, page errors and refused requests."""
    merged = mapper.merge_incidents(mapper.extract(SAMPLES, progress=False))
    shown = mapper.render(merged, title="Attacks in the sample reports")._repr_html_()
    page_file = tmp_path / "notebook.html"
    page_file.write_text(
        f'<!doctype html><meta charset="utf-8"><body style="margin:20px">'
        f'<div class="output" style="width:{CELL}px">{shown}</div>',
        encoding="utf-8",
    )
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    errors: list[str] = []
    refused: list[str] = []

    def route(route: Any) -> None:
        if route.request.url.startswith(("file://", "about:")):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page_file.resolve().as_uri())
    frame = page.frame_locator("iframe").first
    frame.locator(".leaflet-control-layers").wait_for()
    inner = next(f for f in page.frames if f is not page.main_frame)
    inner.wait_for_function("window.incidentMap !== undefined")
    page.wait_for_timeout(300)
    yield inner, errors, refused
    context.close()


def test_the_notebook_map_fits_its_cell_with_the_layer_control_folded(cell: Any) -> None:
    frame, errors, refused = cell
    width, height = frame.evaluate("() => [innerWidth, innerHeight]")
    assert width == CELL and height == CELL * 0.6  # folium's frame: 60 % as high as wide
    control = frame.locator(".leaflet-control-layers")
    assert "leaflet-control-layers-expanded" not in control.get_attribute("class")
    assert frame.locator(".im-legend").get_attribute("open") is None
    for selector in (".leaflet-control-layers", ".im-title", ".im-legend",
                     ".leaflet-control-scale", ".leaflet-control-attribution"):  # fmt: skip
        left, top, right, bottom = frame.evaluate(BOX, selector)  # in the frame's own pixels
        assert 0 <= left < right <= width and 0 <= top < bottom <= height, selector
    assert frame.evaluate(BOX, ".leaflet-control-layers")[3] < height / 2  # a button
    toggle = frame.locator(".leaflet-control-layers-toggle").bounding_box()  # page pixels
    frame.page.mouse.move(toggle["x"] + 10, toggle["y"] + 10)  # it opens on hover, as in Leaflet
    assert "leaflet-control-layers-expanded" in control.get_attribute("class")
    names = frame.evaluate(
        "() => Array.from(document.querySelectorAll('.im-place')).map(e => e.textContent)"
    )
    assert {"Baghdad", "Erbil", "Basra"} <= set(names)  # the tiles were refused: names show
    assert refused and errors == []
