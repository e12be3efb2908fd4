"""The scripts and stylesheets a map needs, inlined from installed packages or CDN-linked.

A standalone map carries Leaflet, Leaflet.markercluster (from the XStatic packages) and,
for a heat layer, the vendored ``assets/leaflet-heat.js`` inside the HTML file, so it
opens with no network. ``cdn=True`` links the same libraries at the addresses folium
itself uses instead. Also here: the bundled country outline and the one function that
turns data into JSON safe to place inside ``<script>``.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

ASSETS = Path(__file__).resolve().parent / "assets"

#: Characters that could end a <script> element or a JS string when JSON is embedded.
_SCRIPT_UNSAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_SCRIPT_UNSAFE_RE = re.compile("[<>&\u2028\u2029]")


def script_json(value: Any, *, ascii: bool = False) -> str:
    """Return *value* as compact JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c``-style escapes, so ``</script>`` or
    ``<!--`` in a report cannot end the script; U+2028/2029 are escaped for old parsers.
    With *ascii*, every other non-ASCII character is escaped too.
    """
    text = json.dumps(value, ensure_ascii=ascii, separators=(",", ":"), allow_nan=False)
    return _SCRIPT_UNSAFE_RE.sub(lambda match: _SCRIPT_UNSAFE[match.group()], text)


def script_json_lines(values: Iterable[Any]) -> str:
    """Return each value as ASCII JSON on a line of its own, safe inside ``<script>``.

    As :func:`script_json` with ``ascii=True``; a JSON text never holds a raw newline, so
    the page finds value *i* on line *i*.
    """
    encode = json.JSONEncoder(separators=(",", ":"), allow_nan=False).encode
    text = "\n".join(map(encode, values))
    return _SCRIPT_UNSAFE_RE.sub(lambda match: _SCRIPT_UNSAFE[match.group()], text)


@cache
def _xstatic_dirs() -> dict[str, Path]:
    """Data folders of the XStatic packages, imported only when a map is built."""
    import xstatic.pkg.leaflet
    import xstatic.pkg.leaflet_markercluster

    return {
        "leaflet": Path(xstatic.pkg.leaflet.BASE_DIR),
        "markercluster": Path(xstatic.pkg.leaflet_markercluster.BASE_DIR),
    }


def _data_uri(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def _inline_css_images(css: str, folder: Path) -> str:
    """Replace ``url(images/x.png)`` in a stylesheet with data URIs (no file beside the map)."""

    def replace(match: re.Match[str]) -> str:
        image = folder / match.group(1)
        return f"url({_data_uri(image)})" if image.is_file() else match.group(0)

    return re.sub(r"url\((images/[\w.-]+\.png)\)", replace, css)


def _checked_inline(code: str, name: str) -> str:
    # A library containing "</script" or "<!--" would cut the page; refuse rather than break.
    if "</script" in code.lower() or "<!--" in code:
        raise ValueError(f"{name} cannot be inlined in a <script> element")
    return code


@cache
def _inline_block(heat: bool) -> str:
    """Return the ``<style>``/``<script>`` elements of a standalone map (read once)."""
    dirs = _xstatic_dirs()
    leaflet, cluster = dirs["leaflet"], dirs["markercluster"]
    css = [
        _inline_css_images((leaflet / "leaflet.css").read_text(encoding="utf-8"), leaflet),
        (cluster / "MarkerCluster.css").read_text(encoding="utf-8"),
        (cluster / "MarkerCluster.Default.css").read_text(encoding="utf-8"),
    ]
    scripts = [
        ("leaflet", (leaflet / "leaflet.js").read_text(encoding="utf-8")),
        ("markercluster", (cluster / "leaflet.markercluster.js").read_text(encoding="utf-8")),
    ]
    if heat:
        scripts.append(("leaflet.heat", (ASSETS / "leaflet-heat.js").read_text(encoding="utf-8")))
    parts = [f"<style>\n{text}\n</style>" for text in css]
    parts += [f"<script>\n{_checked_inline(code, name)}\n</script>" for name, code in scripts]
    return "\n".join(parts)


def _cdn_block(heat: bool) -> str:
    """Return ``<link>``/``<script src>`` elements at the addresses folium uses.

    folium links an older markercluster than the one a standalone map inlines: its
    addresses are given the installed version, so both kinds of file run the same code.
    """
    import xstatic.pkg.leaflet_markercluster
    from folium.folium import _default_css, _default_js
    from folium.plugins.heat_map import HeatMap
    from folium.plugins.marker_cluster import MarkerCluster

    def cluster(url: str) -> str:
        return re.sub(r"/\d+\.\d+\.\d+/", f"/{xstatic.pkg.leaflet_markercluster.VERSION}/", url)

    js = [url for name, url in _default_js if name == "leaflet"]
    js += [cluster(url) for _, url in MarkerCluster.default_js]
    if heat:
        js += [url for _, url in HeatMap.default_js]
    css = [url for name, url in _default_css if name == "leaflet_css"]
    css += [cluster(url) for _, url in MarkerCluster.default_css]
    lines = [f'<link rel="stylesheet" href="{url}"/>' for url in css]
    lines += [f'<script src="{url}"></script>' for url in js]
    return "\n".join(lines)


def library_block(*, heat: bool, cdn: bool) -> str:
    """Return the HTML that loads Leaflet, markercluster and (if *heat*) leaflet.heat.

    Parameters
    ----------
    heat
        Include the heat-map library.
    cdn
        Link the libraries from a CDN (smaller file, needs a network to view) instead
        of inlining them.
    """
    return _cdn_block(heat) if cdn else _inline_block(heat)


#: The page scripts, in the order the page needs them; the last one is the entry point.
PAGE_SCRIPTS: tuple[str, ...] = (
    "place-labels.js",
    "popups.js",
    "clusters.js",
    "markers.js",
    "canvas-points.js",
    "timeline.js",
    "filters.js",
    "incident-layer.js",
)


@cache
def layer_script() -> str:
    """Return the page scripts that draw the incidents (:data:`PAGE_SCRIPTS`), joined."""
    return "\n".join(
        _checked_inline((ASSETS / name).read_text(encoding="utf-8"), name) for name in PAGE_SCRIPTS
    )
