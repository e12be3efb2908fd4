"""The incident layer: one folium element that embeds the data and builds the map client-side.

Markers are not folium elements: the table is embedded once as JSON and the page
scripts (``assets/*.js``, joined by :func:`mapper.render.inline.layer_script`) draw it.
Below :data:`CANVAS_FROM` incidents each one is a Leaflet marker in Leaflet.markercluster
(``markers.js``); from there on, all are drawn on one canvas, grouped per view in a
single pass (``canvas-points.js``). Either way popups and tooltips are built only when
opened, and every report string reaches the page through ``popups.js``'s one ``esc``
function; links are made only for ``http(s)`` URLs.
"""

from __future__ import annotations

from typing import Any

from branca.element import Element, Figure, MacroElement
from folium.template import Template
from markupsafe import Markup

from gazetteer import country_outlines
from mapper.render.inline import layer_script, library_block, script_json, script_json_lines
from mapper.render.labels import MIN_ZOOM
from mapper.render.panels import legend_panel, panel_css, title_panel
from mapper.render.payload import MapPayload, split_rows

#: From this many incidents on, the map draws them on a canvas instead of as markers.
CANVAS_FROM = 20_000

_TEMPLATE = (
    "{% macro header(this, kwargs) %}"
    "{{ this.libraries }}\n<style>{{ this.css }}</style>\n<script>\n{{ this.layer_js }}</script>\n"
    "{% endmacro %}"
    "{% macro html(this, kwargs) %}"
    '<div id="{{ this.panels_id }}" hidden>{{ this.title_html }}{{ this.legend_html }}</div>\n'
    '<script type="application/json" id="{{ this.data_id }}">{{ this.data_json }}</script>'
    "{% endmacro %}"
    "{% macro script(this, kwargs) %}"
    "mapperIncidentLayer({map: {{ this._parent.get_name() }}, data: {{ this.data_id|tojson }}, "
    "outline: {{ this.outline_json }}, labels: {{ this.labels_json }}, "
    "labelZooms: {{ this.label_zooms|tojson }}, panels: {{ this.panels_id|tojson }}, "
    "heat: {{ this.heat|tojson }}, canvas: {{ this.canvas|tojson }}, "
    "collapsed: {{ this.collapsed|tojson }}, "
    "shownTiles: {{ this.shown_tiles|tojson }}, tiles: ["
    "{% for label, layer in this.base_layers %}"
    "[{{ label|tojson }}, {{ layer.get_name() if layer else 'null' }}],"
    "{% endfor %}]});\n"
    "{% endmacro %}"
)


class _Rendered(Element):
    """Text already rendered: put into the page as it is, never parsed as a template."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def render(self, **kwargs: Any) -> str:
        return self._text


class _PageThenTail:
    """Branca's page template followed by text after the page's closing ``</html>``."""

    def __init__(self, page: Any, tail: str) -> None:
        self._page = page
        self._tail = tail

    def render(self, **kwargs: Any) -> str:
        return str(self._page.render(**kwargs)) + self._tail


class IncidentLayer(MacroElement):
    """Markers, popups, areas, filters, legend and layer control for one incident table.

    Parameters
    ----------
    payload
        The table as built by :func:`mapper.render.payload.build_payload`.
    title
        Shown in the title panel.
    base_layers
        ``(label, TileLayer)`` pairs for the layer control; a ``None`` layer is the
        plain background (country outline only).
    shown_tiles
        Label of the base layer shown first.
    heat, cdn
        Add a heat layer; link libraries from a CDN instead of inlining them.
    labels
        Place names for the plain background, as :func:`mapper.render.labels.place_labels`
        gives them (empty for none).
    """

    _template = Template(_TEMPLATE)

    def __init__(
        self,
        payload: MapPayload,
        *,
        title: str,
        base_layers: list[tuple[str, Any]],
        shown_tiles: str,
        heat: bool = False,
        cdn: bool = False,
        labels: list[list[Any]] | None = None,
    ) -> None:
        super().__init__()
        self._name = "IncidentLayer"
        self.payload = payload
        self.base_layers = base_layers
        self.shown_tiles = shown_tiles
        self.heat = heat
        self.canvas = len(payload.data["rows"]) >= CANVAS_FROM
        self.collapsed = len(payload.data["years"]) > 12
        self.libraries = Markup(library_block(heat=heat, cdn=cdn))
        self.layer_js = Markup(layer_script())
        self.css = Markup(panel_css())
        self.title_html = title_panel(title, payload)
        self.legend_html = legend_panel(payload)
        data, self.details = payload.data, Markup("")
        if self.canvas:
            data, details = split_rows(data)
            self.details = Markup(script_json_lines(details))
        # ASCII only: the browser then holds the text, and parses it, one byte a character.
        self.data_json = Markup(script_json(data, ascii=True))
        self.outline_json = Markup(script_json(country_outlines()))
        self.labels_json = Markup(script_json(labels or []))
        self.label_zooms = list(MIN_ZOOM)

    def render(self, **kwargs: Any) -> str:
        """Add this layer's header, HTML and script to the figure; return ``""``.

        Unlike ``MacroElement.render``, the macros' output is not wrapped in a new
        template: report text such as ``{{ ... }}`` or ``{%`` would be run as Jinja, and
        compiling megabytes of data as a template is slow.
        """
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError("an IncidentLayer renders only inside a folium Map")
        macros = self._template.module.__dict__
        for part in ("header", "html", "script"):
            getattr(figure, part).add_child(
                _Rendered(str(macros[part](self, kwargs))), name=self.get_name()
            )
        if self.canvas:
            # A big map's row details come last, after </html> (HTML appends them to the
            # body): the browser draws the map before it has read them.
            element = (
                f'<script type="text/plain" id="{self.data_id}_details">{self.details}</script>\n'
            )
            figure._template = _PageThenTail(type(figure)._template, element)
        return ""

    @property
    def data_id(self) -> str:
        """HTML id of the JSON element holding the data, parsed once by the page."""
        return self.get_name() + "_data"

    @property
    def panels_id(self) -> str:
        """HTML id of the hidden container the panels start in."""
        return self.get_name() + "_panels"
