"""Rendering: an incident table in, a folium map out, standalone and offline.

It uses :mod:`mapper.table` and :mod:`gazetteer` (outlines, areas), never report text
parsing:

* ``map``: :func:`render`, the entry point: the folium ``Map``, its tile layers and
  deterministic element ids;
* ``payload``: the table turned into the compact data the page embeds once, every
  value escaped on the way in; ``sources``: a row's sources, their figures and ranges;
* ``symbols``: each weapon's colour and inline SVG pictogram;
* ``labels``: place names for the plain background, ranked, from the gazetteer;
* ``layer``: the one folium element that embeds the data and builds markers, clusters,
  popups, filters, the time slider and place names in the browser (``assets/*.js``);
  from ``CANVAS_FROM`` incidents on, it draws them on one canvas instead of markers;
* ``panels``: the title, summary, filters and legend as HTML (styles in
  ``assets/map.css``);
* ``inline``: Leaflet, markercluster and Leaflet.heat inlined from installed packages
  (or linked with ``cdn=True``), and JSON safe inside ``<script>``.

Names load on first use, so importing the package does not import folium.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mapper.render.map import render


def __getattr__(name: str) -> Any:
    if name == "render":
        from mapper.render.map import render

        return render
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["render"]
