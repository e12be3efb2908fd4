"""The map's fixed panels as HTML: the title box with its filters, and the legend.

Built here (not in the page script) so what they say is testable from Python; every
value that may come from a user (the title) goes through :func:`markupsafe.escape`.
The page script fills in the counts, which follow the filters.
"""

from __future__ import annotations

import re
from functools import cache

from markupsafe import Markup, escape

from mapper.render.inline import ASSETS
from mapper.render.payload import MapPayload
from mapper.render.symbols import CATEGORIES, COLOURS, label, pictogram

#: Casualty filter: option value -> what the reader picks.
HARM_CHOICES: dict[str, str] = {
    "all": "all incidents",
    "killed": "any killed",
    "injured": "any injured",
    "hurt": "anyone killed or injured",
    "none": "no casualties reported",
}
#: Time-slider steps the reader can pick.
STEPS: tuple[str, ...] = ("day", "week", "month")
#: An ISO date or month in running text.
_ISO_DATE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")


@cache
def panel_css() -> str:
    """Return ``assets/map.css``: markers, clusters, popups, panels and place labels."""
    return (ASSETS / "map.css").read_text(encoding="utf-8")


def _pin(colour: str, icon: str, extra: str = "", size: int = 18) -> str:
    style = f"background:{colour};width:{size}px;height:{size}px"
    return f'<span class="im-pin{extra}" style="{style}">{icon}</span>'


def _date_box(name: str, label_text: str, value: str) -> str:
    # Text, not type=date: a date field shows the browser's locale (11/17/2020), and the
    # summary, the popups and the table all write ISO dates.
    return (
        f'<label>{label_text} <input type="text" class="im-{name}" value="{value}" '
        f'data-bound="{value}" placeholder="YYYY-MM-DD" maxlength="10" inputmode="numeric" '
        f'spellcheck="false" autocomplete="off" aria-label="{label_text} date, YYYY-MM-DD">'
        "</label>"
    )


def _whole_dates(text: str) -> Markup:
    """*text* escaped, each ISO date in it kept on one line (browsers break after '-')."""
    escaped = str(escape(text))
    return Markup(_ISO_DATE.sub(lambda m: f'<span class="im-date">{m.group()}</span>', escaped))


def title_panel(title: str, payload: MapPayload) -> Markup:
    """The title box: title, summary, dates and time slider, casualty filter, counts."""
    date_range = payload.data["dateRange"] or ["", ""]
    low, high = (escape(d) for d in date_range)
    steps = "".join(
        f'<option value="{step}"{" selected" if step == "month" else ""}>by {step}</option>'
        for step in STEPS
    )
    harm = "".join(f'<option value="{key}">{text}</option>' for key, text in HARM_CHOICES.items())
    return Markup(
        '<div class="im-panel im-title">'
        f"<h1>{escape(title)}</h1>"
        f'<p class="im-summary">{_whole_dates(payload.summary)}</p>'
        '<details class="im-filters" open><summary>Dates and casualties</summary>'
        '<div class="im-dates">'
        f"{_date_box('from', 'From', low)}{_date_box('to', 'to', high)}"
        '<button type="button" class="im-reset">All dates</button>'
        "</div>"
        '<div class="im-time">'
        '<button type="button" class="im-play" aria-label="Play" title="Play">\u25b6</button>'
        '<input type="range" class="im-slider" min="0" max="0" value="0" step="1" '
        'aria-label="Step through time">'
        f'<select class="im-step" aria-label="Step">{steps}</select>'
        '<div class="im-step-label" aria-live="polite"></div>'
        "</div>"
        f'<label class="im-harm-box">Casualties <select class="im-harm">{harm}</select></label>'
        "</details>"
        '<div class="im-shown" aria-live="polite"></div>'
        "</div>"
    )


def _keys(payload: MapPayload) -> list[tuple[str, str]]:
    """The legend's symbol keys, only those the map draws."""
    grey = COLOURS["unknown"]
    ring = f"background:conic-gradient({COLOURS['rocket']} 0 60%, {COLOURS['drone']} 0 100%)"
    cluster = (
        f'<span class="im-cluster-ring" style="{ring}">'
        f'<span style="background:{COLOURS["rocket"]}">5</span></span>'
    )
    badge = (
        '<span style="position:relative;display:inline-block;width:18px;height:18px">'
        f'{_pin(grey, "")}<span class="im-badge">3</span></span>'
    )
    every = [
        ("killed", _pin(grey, "", " im-killed"), "people killed"),
        ("injured", _pin(grey, "", " im-injured"), "people injured (none killed)"),
        ("merged", badge, "reports merged into one incident"),
        ("cluster", cluster, "group: its most common weapon, ring shows the mix"),
        ("uncertain", _pin(grey, "", " im-uncertain"), "place known only roughly"),
        ("circle", '<span class="im-circle-key"></span>', "area the place may be in"),
        ("region", '<span class="im-circle-key im-region"></span>', "only the region is known"),
        ("area", '<span class="im-area-key"></span>', "named area (e.g. Green Zone)"),
    ]
    return [(symbol, text) for key, symbol, text in every if key in payload.keys]


def legend_panel(payload: MapPayload) -> Markup:
    """The legend: weapons on the map with their counts, then the symbols the map uses."""
    items = []
    for index, category in enumerate(CATEGORIES):
        count = payload.weapon_counts[category]
        if not count:
            continue
        items.append(
            f'<li data-weapon="{index}">{_pin(COLOURS[category], pictogram(category), size=18)} '
            f"{escape(label(category))} "
            f'<span class="im-count" data-count="weapon-{index}">{count:,}</span></li>'
        )
    weapons = f"<h2>Weapon</h2><ul>{''.join(items)}</ul>" if items else "<p>No incidents</p>"
    key_html = "".join(
        f'<div class="im-key">{symbol}<span>{escape(text)}</span></div>'
        for symbol, text in _keys(payload)
    )
    return Markup(
        '<details class="im-panel im-legend" open><summary>Legend</summary>'
        f"{weapons}{key_html}</details>"
    )
