"""The map's fixed panels as HTML: title with summary and date filter, and the legend.

Built here (not in the page script) so what they say is testable from Python; every
value that may come from a user (the title) goes through :func:`markupsafe.escape`.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from mapper.render.payload import CATEGORIES, WEAPON_STYLE, MapPayload

#: Stylesheet for markers, popups and panels (class prefix ``im-``).
PANEL_CSS = """
.folium-map { background: #c9d8e4; }
.im-panel { background: rgba(255,255,255,0.94); border-radius: 6px; padding: 8px 10px;
  box-shadow: 0 1px 5px rgba(0,0,0,0.35); font: 13px/1.35 system-ui, sans-serif; color: #222; }
.im-title h1 { font-size: 16px; margin: 0 0 2px; }
.im-title .im-summary { color: #444; margin: 0 0 6px; }
.im-title label { margin-right: 6px; }
.im-title input[type=date] { font: inherit; font-size: 12px; padding: 1px 2px; }
.im-title button { font: inherit; font-size: 12px; margin-left: 4px; }
.im-title .im-shown { color: #555; font-size: 12px; margin-top: 4px; }
.im-legend { max-width: 230px; }
.im-legend h2 { font-size: 13px; margin: 0 0 4px; }
.im-legend ul { list-style: none; margin: 0 0 6px; padding: 0; columns: 2; column-gap: 10px; }
.im-legend li { margin: 2px 0; white-space: nowrap; }
.im-legend .im-key { display: flex; align-items: center; gap: 6px; margin: 3px 0; }
.im-legend .im-pin { display: inline-flex; vertical-align: middle; flex: none; }
.im-legend .im-key > :first-child { margin-right: 9px; }
.im-legend .im-count { color: #777; }
.im-icon { background: none; border: none; }
.im-pin { box-sizing: border-box; width: 100%; height: 100%; border-radius: 50%;
  border: 2px solid #fff; color: #fff; font: bold 10px/1 system-ui, sans-serif;
  display: flex; align-items: center; justify-content: center;
  box-shadow: 0 0 2px rgba(0,0,0,0.6); }
.im-pin.im-killed { box-shadow: 0 0 0 3px #a50f15, 0 0 4px rgba(0,0,0,0.6); }
.im-pin.im-injured { box-shadow: 0 0 0 3px #f08c00, 0 0 4px rgba(0,0,0,0.6); }
.im-pin.im-uncertain { border: 2px dashed #222; opacity: 0.8; }
.im-badge { position: absolute; top: -7px; right: -9px; min-width: 15px; height: 15px;
  padding: 0 3px; box-sizing: border-box; border-radius: 8px; background: #222; color: #fff;
  font: bold 10px/15px system-ui, sans-serif; text-align: center; }
.im-swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%;
  margin-right: 3px; vertical-align: -1px; }
.im-area-key { display: inline-block; width: 16px; height: 11px; border: 2px dashed #6a3d9a;
  background: rgba(106,61,154,0.12); box-sizing: border-box; }
.im-circle-key { display: inline-block; width: 16px; height: 16px; border-radius: 50%;
  border: 1.5px dashed #333; background: rgba(0,0,0,0.05); box-sizing: border-box; }
.im-popup { font: 13px/1.4 system-ui, sans-serif; }
.im-popup h3 { font-size: 14px; margin: 0 0 4px; }
.im-popup table { border-collapse: collapse; margin: 0 0 6px; }
.im-popup th { text-align: left; color: #555; font-weight: normal; padding: 1px 8px 1px 0;
  vertical-align: top; white-space: nowrap; }
.im-popup td { padding: 1px 0; }
.im-popup .im-differ { color: #a15c00; }
.im-popup .im-sources { margin: 4px 0 0; padding: 0; list-style: none; }
.im-popup .im-sources li { border-top: 1px solid #ddd; padding: 4px 0; }
.im-popup blockquote { margin: 3px 0 0; padding: 2px 0 2px 8px; border-left: 3px solid #bbb;
  color: #333; font-style: italic; white-space: pre-wrap; }
.im-popup .im-meta { color: #666; font-size: 12px; }
.im-popup .im-id { color: #888; font-size: 11px; margin-top: 4px; }
.im-country { color: #6d6d6d; font: italic 13px system-ui, sans-serif; white-space: nowrap;
  text-shadow: 0 0 3px #fff; background: none; border: none; }
.leaflet-control-layers-overlays label.im-group { font-weight: bold; margin-top: 4px; }
"""


def _pin(colour: str, glyph: str, extra: str = "", size: int = 18) -> str:
    style = f"background:{colour};width:{size}px;height:{size}px"
    return f'<span class="im-pin{extra}" style="{style}">{escape(glyph)}</span>'


def title_panel(title: str, payload: MapPayload) -> Markup:
    """The title box: title, summary line and the date-range filter."""
    date_range = payload.data["dateRange"] or ["", ""]
    low, high = (escape(d) for d in date_range)
    return Markup(
        '<div class="im-panel im-title">'
        f"<h1>{escape(title)}</h1>"
        f'<p class="im-summary">{escape(payload.summary)}</p>'
        '<div class="im-dates">'
        f'<label>From <input type="date" class="im-from" value="{low}" min="{low}" max="{high}">'
        "</label>"
        f'<label>to <input type="date" class="im-to" value="{high}" min="{low}" max="{high}">'
        "</label>"
        '<button type="button" class="im-reset">All dates</button>'
        "</div>"
        '<div class="im-shown"></div>'
        "</div>"
    )


def legend_panel(payload: MapPayload) -> Markup:
    """The legend: weapon colours with counts, casualty rings, report badge, uncertainty."""
    items = []
    present = [c for c in CATEGORIES if payload.weapon_counts[c]]
    for category in present or CATEGORIES[:-1]:
        count = payload.weapon_counts[category]
        colour, glyph = WEAPON_STYLE[category]
        label = "not stated" if category == "unknown" else category
        items.append(
            f"<li>{_pin(colour, glyph, size=16)} {escape(label)} "
            f'<span class="im-count">{count:,}</span></li>'
        )
    grey = WEAPON_STYLE["unknown"][0]
    keys = [
        (_pin(grey, "", " im-killed"), "people killed"),
        (_pin(grey, "", " im-injured"), "people injured (none killed)"),
        (
            '<span style="position:relative;display:inline-block;width:18px;height:18px">'
            f'{_pin(grey, "")}<span class="im-badge">3</span></span>',
            "reports merged into one incident",
        ),
        (_pin(grey, "", " im-uncertain"), "place known only roughly"),
        ('<span class="im-circle-key"></span>', "area the place may be in"),
        ('<span class="im-area-key"></span>', "named area (e.g. Green Zone)"),
    ]
    key_html = "".join(
        f'<div class="im-key">{symbol}<span>{escape(text)}</span></div>' for symbol, text in keys
    )
    return Markup(
        f'<div class="im-panel im-legend"><h2>Weapon</h2><ul>{"".join(items)}</ul>{key_html}</div>'
    )
