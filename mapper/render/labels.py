"""Place names for the plain background, taken from the gazetteer and ranked by importance.

When tiles cannot load (offline, or *Plain (no tiles)* chosen) the page draws these
names over the country outline; more appear as the reader zooms in, and the page drops
any that would overlap a more important one. Every name and position comes from the
gazetteer; nothing here is typed by hand. Ranks, each shown from :data:`MIN_ZOOM`:

0. the seat of each governorate (the city or town the governorate is named after, by
   name or by an alias such as "Ramadi province"; else its largest city) and every
   curated city of :data:`MAIN_CITY_KM` or more;
1. other curated cities, military bases and airports;
2. towns, zones and the GeoNames base layer's places in Iraq (not one that a curated
   place of the same name within :data:`SAME_PLACE_KM` already labels: GeoNames often
   has a town twice, "Al Khāliş" beside the curated "Khalis");
3. neighbourhoods and facilities (the embassy, an oil field).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from gazetteer import distance_km, normalize_name

if TYPE_CHECKING:
    from gazetteer import Gazetteer, Place

#: A city at least this large (radius, km) is a main city, labelled at every zoom.
MAIN_CITY_KM = 6.0
#: Rank -> the zoom level from which labels of that rank are drawn.
MIN_ZOOM: tuple[int, ...] = (0, 7, 9, 12)
#: Kind -> (rank, style) for places that are not governorate seats; style 0 is a
#: settlement, 1 a base or airport, 2 anything else.
_RANK_OF_KIND: dict[str, tuple[int, int]] = {
    "city": (1, 0),
    "military base": (1, 1),
    "airport": (1, 1),
    "town": (2, 0),
    "zone": (2, 2),
    "neighbourhood": (3, 2),
    "facility": (3, 2),
}
_SETTLEMENTS = ("city", "town")
#: A base-layer place this close (km) to a curated place sharing a name is that place.
SAME_PLACE_KM = 10.0


def _named_after(governorate: Place) -> set[str]:
    """Normalised names a governorate's seat may carry ("Ramadi province" -> "ramadi")."""
    names = set()
    for name in governorate.names:
        for suffix in (" Governorate", " governorate", " province", " Province"):
            name = name.removesuffix(suffix)
        names.add(normalize_name(name))
    return names


def _seats(gazetteer: Gazetteer) -> set[str]:
    """Ids of the governorate seats: each governorate's namesake, else its largest city."""
    inside: dict[str, list[Place]] = {}
    for place in gazetteer:
        if place.kind in _SETTLEMENTS and place.layer != "geonames":
            for ancestor in gazetteer.ancestors(place.id):
                if ancestor.kind == "governorate":
                    inside.setdefault(ancestor.id, []).append(place)
    seats = set()
    for governorate_id, settlements in sorted(inside.items()):
        governorate = gazetteer.get(governorate_id)
        wanted = _named_after(governorate)
        ranked = sorted(
            settlements,
            key=lambda p: (
                not any(normalize_name(name) in wanted for name in p.names),
                p.kind != "city",
                -p.radius_km,
                (p.latitude - governorate.latitude) ** 2
                + (p.longitude - governorate.longitude) ** 2,
                p.id,
            ),
        )
        seats.add(ranked[0].id)
    return seats


def _twins(gazetteer: Gazetteer) -> set[str]:
    """Ids of base-layer places that a curated place of the same name, close by, labels."""
    curated: dict[str, list[Place]] = {}
    for place in gazetteer:
        if place.layer != "geonames":
            for name in place.names:
                curated.setdefault(normalize_name(name), []).append(place)
    return {
        place.id
        for place in gazetteer
        if place.layer == "geonames"
        and any(
            distance_km(place.point, other.point) <= SAME_PLACE_KM
            for name in place.names
            for other in curated.get(normalize_name(name), [])
        )
    }


def _rank(place: Place, seats: set[str]) -> tuple[int, int] | None:
    """``(rank, style)`` of a place, or ``None`` when it gets no label."""
    if place.layer == "geonames" and place.country != "IQ":
        return None  # the base layer's neighbouring towns: the outline names the country
    main = place.kind == "city" and place.layer != "geonames" and place.radius_km >= MAIN_CITY_KM
    if place.id in seats or main:
        return 0, 0
    rank = _RANK_OF_KIND.get(place.kind)
    if rank is not None and place.layer == "geonames":
        return max(rank[0], 2), rank[1]  # the broad base layer after every curated place
    return rank


@lru_cache(maxsize=4)
def place_labels(gazetteer: Gazetteer) -> list[list[Any]]:
    """Return the labels for a map: ``[name, latitude, longitude, rank, style]`` rows.

    Parameters
    ----------
    gazetteer
        Where names and positions come from (the bundled gazetteer for a default map).

    Returns
    -------
    list of list
        Most important first (rank, then size, then name), so a page that drops
        overlapping labels keeps the important ones; the order is deterministic.

    Examples
    --------
    >>> from gazetteer import default_gazetteer
    >>> labels = place_labels(default_gazetteer())
    >>> [row[0] for row in labels if row[0] in ("Baghdad", "Ramadi")]
    ['Baghdad', 'Ramadi']
    """
    seats, twins = _seats(gazetteer), _twins(gazetteer)
    ranked = []
    for place in gazetteer:
        rank = None if place.id in twins else _rank(place, seats)
        if rank is not None:
            ranked.append((rank, place))
    ranked.sort(key=lambda item: (item[0][0], -item[1].radius_km, item[1].name, item[1].id))
    return [
        [place.name, round(place.latitude, 4), round(place.longitude, 4), rank, style]
        for (rank, style), place in ranked
    ]
