"""What a report's headline adds to its body: the site it names, and what the body omits.

Pure, given the gazetteer. The body is read first; the headline only names the base
that the body calls "the air base" (:func:`headline_place`), and gives the first
incident a weapon or casualties the body does not (:func:`fill_from_headline`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from gazetteer import SPECIFICITY
from mapper.extract.casualties import casualties_told, may_tell_casualties
from mapper.extract.places import PlaceHit, best_place, compatible, place_hits
from mapper.extract.weapons import find_weapon

if TYPE_CHECKING:
    from gazetteer import Gazetteer, Place


@lru_cache(maxsize=1024)
def headline_place(title: str | None, gazetteer: Gazetteer) -> PlaceHit | None:
    """The base, airport or facility a headline names, for :func:`named_by_kind`."""
    if not title:
        return None
    hit = best_place(place_hits(title, 0, gazetteer.find_mentions(title), gazetteer), gazetteer)
    specific = hit is not None and SPECIFICITY.get(hit.place.kind, 0) >= SPECIFICITY["airport"]
    return hit if specific else None


def fill_from_headline(row: dict[str, Any], first: Place, title: str, gazetteer: Gazetteer) -> None:
    """Fill in what the headline says of the first incident and its body leaves out.

    "... were killed in Wednesday's strike" under "Drone Strike Kills Two": the weapon;
    under "Three Rockets Strike Balad Air Base, No Casualties Reported": no one was
    hurt. Only when the headline names the same place or none.
    """
    weapon = find_weapon(title) if row["weapon"] is None else None
    told = row["killed"] is None and row["injured"] is None and may_tell_casualties(title)
    if weapon is None and not told:
        return
    places = [c for m in gazetteer.find_mentions(title) for c in m.candidates]
    if places and not any(compatible(gazetteer, first, p) for p in places):
        return
    if weapon is not None:
        row["weapon"] = weapon
    if told:
        row["killed"], row["injured"] = casualties_told([title])
