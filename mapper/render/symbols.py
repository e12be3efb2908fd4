"""How each weapon looks on the map: a colour and a small white pictogram (inline SVG).

The pictograms are drawn for this project on a 24 x 24 grid (MIT, as the package; see
``assets/SOURCES.md``) and are our own constants, never report text, so the page puts
them into markers and the legend as they are.
"""

from __future__ import annotations

from mapper.table import WEAPONS

_ROUND = 'fill="none" stroke="#fff" stroke-linecap="round" stroke-linejoin="round"'

#: Weapon -> inner SVG markup on a 24 x 24 grid, white on the weapon's colour.
PICTOGRAMS: dict[str, str] = {
    # Three rockets of a salvo, flying up and to the right.
    "rocket": (
        '<path d="M21 3l-1.2 5.2-7.6 7.6-2.4-2.4 7.6-7.6z'
        "M13.5 10.5l-1.3 5.3-6.7 6.7-2.4-2.4 6.7-6.7z"
        'M20.5 12.5l-1.2 4.4-4.8 4.8-1.6-1.6 4.8-4.8z"/>'
    ),
    # A tube on its bipod and base plate.
    "mortar": (
        '<path d="M6.2 14.6L16.4 4.4l3.2 3.2L9.4 17.8z'
        'M13.6 10.8l1.6-.5 3.3 9.4h-1.7zM3 18.5h11V21H3z"/>'
    ),
    # A slim missile with tail fins.
    "missile": (
        '<path d="M21.5 2.5l-1.6 6.1-10.6 10.6-4.5-4.5L15.4 4.1z'
        'M6.4 12.6L1.6 13.4l2.8 2.8zM11.4 17.6l-.8 4.8-2.8-2.8z"/>'
    ),
    # A quadcopter seen from above.
    "drone": (
        f'<path d="M6 6l12 12M18 6L6 18" {_ROUND} stroke-width="2.4"/>'
        '<rect x="9" y="9" width="6" height="6" rx="1.5"/>'
        '<circle cx="5" cy="5" r="3.4"/><circle cx="19" cy="5" r="3.4"/>'
        '<circle cx="5" cy="19" r="3.4"/><circle cx="19" cy="19" r="3.4"/>'
    ),
    # A round bomb with a lit fuse.
    "ied": (
        '<circle cx="10" cy="14.5" r="7"/>'
        f'<path d="M14.5 9.5l2.5-2.5" {_ROUND} stroke-width="2.4"/>'
        '<path d="M19.5 1.5l.8 2.6 2.6.8-2.6.8-.8 2.6-.8-2.6-2.6-.8 2.6-.8z"/>'
    ),
    # Cross hairs.
    "gunfire": (
        f'<circle cx="12" cy="12" r="7.2" {_ROUND} stroke-width="2.4"/>'
        f'<path d="M12 1.5v6M12 16.5v6M1.5 12h6M16.5 12h6" {_ROUND} stroke-width="2.4"/>'
        '<circle cx="12" cy="12" r="1.8"/>'
    ),
    # An aircraft seen from above.
    "airstrike": (
        '<path d="M12 1.5c.9 0 1.6.8 1.6 1.7v5.9l8.4 5.1v2.3l-8.4-2.6v5.4l2.6 2v1.7L12 21.9'
        ' 7.8 23v-1.7l2.6-2v-5.4L2 16.5v-2.3l8.4-5.1V3.2c0-.9.7-1.7 1.6-1.7z"/>'
    ),
    # A burst.
    "explosive": (
        '<path d="M12 1.5L13.8 7.8L19.4 4.6L16.2 10.2L22.5 12L16.2 13.8L19.4 19.4L13.8 16.2'
        'L12 22.5L10.2 16.2L4.6 19.4L7.8 13.8L1.5 12L7.8 10.2L4.6 4.6L10.2 7.8z"/>'
    ),
    # Anything else: a plain dot.
    "other": '<circle cx="12" cy="12" r="5"/>',
    # Not stated: a question mark.
    "unknown": (
        f'<path d="M8.3 8.6a3.8 3.8 0 1 1 5.6 3.3c-1.3.7-1.9 1.5-1.9 2.9" {_ROUND}'
        ' stroke-width="2.8"/><circle cx="12" cy="19.6" r="1.9"/>'
    ),
}

#: Weapon -> marker colour; "unknown" is a missing weapon.
COLOURS: dict[str, str] = {
    "rocket": "#1f6fb4",
    "mortar": "#2e9a3a",
    "missile": "#8e5cc2",
    "drone": "#0f9fb0",
    "ied": "#8c564b",
    "gunfire": "#9a9a16",
    "airstrike": "#d4559f",
    "explosive": "#343c82",
    "other": "#5b5b5b",
    "unknown": "#a4a4a4",
}
#: Every category a marker can have, in legend order.
CATEGORIES: tuple[str, ...] = (*WEAPONS, "unknown")


def pictogram(category: str) -> str:
    """Return the category's pictogram as a complete inline ``<svg>`` element.

    Parameters
    ----------
    category
        A weapon from :data:`CATEGORIES`.

    Examples
    --------
    >>> pictogram("other")
    '<svg viewBox="0 0 24 24" fill="#fff" aria-hidden="true"><circle cx="12" cy="12" r="5"/></svg>'
    """
    return f'<svg viewBox="0 0 24 24" fill="#fff" aria-hidden="true">{PICTOGRAMS[category]}</svg>'


def label(category: str) -> str:
    """The category as a reader sees it: ``"not stated"`` for a missing weapon."""
    return "not stated" if category == "unknown" else category
