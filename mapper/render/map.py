"""Render an incident table as an interactive folium map that works offline.

The map is one folium ``Map`` with its tile layers and a single
:class:`~mapper.render.layer.IncidentLayer` that embeds the incidents as data; see
docs/map.md for what it shows. Output is deterministic: element ids are derived from
the content instead of folium's random ones.
"""

from __future__ import annotations

import hashlib
import itertools
import os
from collections.abc import Callable, Iterable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import folium
import pandas as pd
from branca.element import Element

from gazetteer import default_gazetteer
from mapper.errors import IncidentTableError, MapperError
from mapper.render.inline import script_json
from mapper.render.labels import place_labels
from mapper.render.layer import IncidentLayer
from mapper.render.payload import build_payload
from mapper.table import collector_paused, conform_incidents, write_atomically

if TYPE_CHECKING:
    from gazetteer import Gazetteer, Place

#: Layer-control label -> tile provider name (as xyzservices knows it).
TILE_CHOICES: dict[str, str] = {
    "OpenStreetMap": "OpenStreetMap",
    "Humanitarian (OSM HOT)": "OpenStreetMap HOT",
    "Topographic (OpenTopoMap)": "OpenTopoMap",
    "Satellite (Esri)": "Esri WorldImagery",
}
#: Label of the tile-free background (the bundled country outline).
PLAIN = "Plain (no tiles)"
DEFAULT_TITLE = "Reported attacks"
MAX_ZOOM = 18


def _tile_label(tiles: str | None) -> str:
    """The layer-control label for a *tiles* argument; unknown names get their own entry."""
    if tiles is None or tiles.lower() in ("none", "plain", PLAIN.lower()):
        return PLAIN
    for label, provider in TILE_CHOICES.items():
        if tiles.lower() in (label.lower(), provider.lower()):
            return label
    return tiles


def _base_layers(tiles: str | None) -> tuple[list[tuple[str, folium.TileLayer | None]], str]:
    chosen = _tile_label(tiles)
    choices = dict(TILE_CHOICES)
    if chosen not in choices and chosen != PLAIN:
        choices = {chosen: chosen, **choices}
    layers: list[tuple[str, folium.TileLayer | None]] = []
    for label, provider in choices.items():
        try:
            layer = folium.TileLayer(provider, max_zoom=MAX_ZOOM, show=label == chosen)
        except ValueError:  # folium took the name for a tile URL, which needs an attribution
            known = ", ".join(repr(p) for p in TILE_CHOICES.values())
            raise MapperError(f"unknown tiles {tiles!r}: use {known} or None") from None
        layers.append((label, layer))
    layers.append((PLAIN, None))
    return layers, chosen


def _place_finder(
    gazetteer: Gazetteer | None,
) -> Callable[[Iterable[str]], dict[str, Place]]:
    """Return a function mapping place ids to Places, loading the gazetteer only if needed."""

    def find(place_ids: Iterable[str]) -> dict[str, Place]:
        wanted = list(place_ids)
        if not wanted:
            return {}
        gaz = gazetteer if gazetteer is not None else default_gazetteer()
        return {place_id: gaz.get(place_id) for place_id in wanted if place_id in gaz}

    return find


def _number_elements(root: Element, prefix: str) -> None:
    """Replace folium's random element ids with ``prefix`` + a counter, depth first."""
    counter = itertools.count()

    def visit(element: Element) -> None:
        element._id = f"{prefix}{next(counter)}"
        for child in element._children.values():
            visit(child)

    visit(root)


class IncidentMap(folium.Map):
    """A folium map whose ``save`` to a path is atomic, as every output (issue 14).

    The page goes to a temporary file in the same folder, synced, then renamed over
    the target (:func:`~mapper.table.write_atomically`): a kill or a full disk during
    the write leaves any old map whole. An open file is written as folium writes it.
    """

    def save(
        self, outfile: str | bytes | Path | BinaryIO, close_file: bool = True, **kwargs: Any
    ) -> None:
        """Write the map's standalone page to *outfile*, a path or an open binary file."""
        if isinstance(outfile, str | bytes | os.PathLike):
            write_atomically(os.fsdecode(outfile), self.get_root().render(**kwargs))
        else:
            super().save(outfile, close_file=close_file, **kwargs)


def render(
    incidents: pd.DataFrame,
    *,
    title: str | None = None,
    tiles: str | None = "OpenStreetMap",
    heat: bool = False,
    cdn: bool = False,
    gazetteer: Gazetteer | None = None,
    labels: bool = True,
) -> folium.Map:
    """Draw incidents on an interactive map.

    Parameters
    ----------
    incidents
        An incident table (see :mod:`mapper.table.schema`), raw or merged; merged tables'
        ``sources`` and ``n_reports`` are shown. Rows without coordinates are counted
        in the summary but not drawn.
    title
        Title shown on the map and in the page's ``<title>``.
    tiles
        Base layer shown first: ``"OpenStreetMap"``, ``"OpenStreetMap HOT"``,
        ``"OpenTopoMap"``, ``"Esri WorldImagery"`` or ``None`` for the plain offline
        background. The others stay selectable in the layer control.
    heat
        Add a heat layer (toggle in the layer control).
    cdn
        Link Leaflet and its plugins from a CDN (smaller file, needs a network to view)
        instead of embedding them.
    gazetteer
        Source of area outlines, uncertainty radii and place names; the bundled one by
        default.
    labels
        Name the governorate seats, main cities and bases (more as one zooms in) on the
        plain background, seen when tiles cannot load or none are chosen.

    Returns
    -------
    folium.Map
        Shows itself in a notebook; ``.save("map.html")`` writes one standalone file,
        atomically (:class:`IncidentMap`).

    Raises
    ------
    IncidentTableError
        A column that cannot take its type, coordinates off the globe, or a
        ``sources`` value that is not JSON; the message names the incident.
    MapperError
        *tiles* is not a tile provider folium knows.

    Examples
    --------
    >>> import mapper
    >>> table = mapper.incident_frame([{"incident_id": "a-1", "latitude": 33.3,
    ...     "longitude": 44.4, "weapon": "rocket", "date": "2020-11-17"}])
    >>> m = mapper.render(table, title="One rocket", tiles=None)
    >>> "One rocket" in m.get_root().render()
    True
    """
    if not isinstance(incidents, pd.DataFrame):
        raise IncidentTableError(
            f"render() needs an incident DataFrame, not {type(incidents).__name__}"
        )
    try:
        table = conform_incidents(incidents)
    except (ValueError, TypeError, OverflowError) as error:
        raise IncidentTableError(f"the incident table has a malformed column: {error}") from error
    # A big map's data is millions of new lists in no cycle: Python's cycle collector
    # would walk them again and again while they are built (and JSON-encoded).
    with collector_paused():
        payload = build_payload(table, _place_finder(gazetteer))
        names = []
        if labels:
            names = place_labels(gazetteer if gazetteer is not None else default_gazetteer())
        title = title or DEFAULT_TITLE
        (south, west), (north, east) = payload.bounds
        fmap = IncidentMap(
            location=[(south + north) / 2, (west + east) / 2],
            zoom_start=6,
            tiles=None,
            control_scale=True,
        )
        # Without a tile layer Leaflet has no maxZoom, and markercluster refuses to work.
        fmap.options["max_zoom"] = MAX_ZOOM
        # Instance copies: folium's class-level lists are shared by every map in the process.
        fmap.default_js = []
        fmap.default_css = []
        base_layers, chosen = _base_layers(tiles)
        for _, layer in base_layers:
            if layer is not None:
                fmap.add_child(layer)
        incidents_layer = IncidentLayer(
            payload,
            title=title,
            base_layers=base_layers,
            shown_tiles=chosen,
            heat=heat,
            cdn=cdn,
            labels=names,
        )
    incidents_layer.add_to(fmap)
    figure = fmap.get_root()
    figure.title = escape(title)  # type: ignore[attr-defined]  # branca writes it unescaped
    digest = hashlib.sha1(
        script_json([title, chosen, heat, cdn, names]).encode("utf-8")
        + incidents_layer.data_json.encode("utf-8")
    ).hexdigest()[:8]
    _number_elements(figure, f"m{digest}_")
    return fmap
