"""Places a clause names without their name: by their kind, or by a town near them.

Pure, given the gazetteer. "Three rockets landed inside the air base" under a headline
naming Balad Air Base means that base; "an attack on an Iraqi military base near
Kirkuk" is the named base a later clause gives (K1).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from gazetteer import SPECIFICITY
from mapper.extract.places import PlaceHit, place_hits

if TYPE_CHECKING:
    from gazetteer import Gazetteer, Place


#: A place named by its kind alone: "three rockets landed inside the air base".
_DEFINITE_KIND_RE = re.compile(
    r"\bthe\s+(?:[\w-]+\s+)?(?P<kind>air\s*base|airfield|base|camp|airport|embassy"
    r"|consulate|(?:oil|gas)\s*field|field|refinery|dam)\b",
    re.IGNORECASE,
)


def _kind_fits(place: Place, kind: str) -> bool:
    """Whether *place* is one that "the <kind>" may mean."""
    name = place.name.lower()
    if kind in ("base", "camp", "air base", "airbase"):
        return place.kind == "military base" or "air base" in name
    if kind == "airport":
        return place.kind == "airport" or "airport" in name
    if kind == "airfield":  # a military airfield or an airport
        return place.kind in ("military base", "airport") or "airfield" in name
    return kind.replace("field", " field").replace("  ", " ") in name


def may_name_by_kind(clause_text: str) -> bool:
    """Whether *clause_text* names a place by its kind alone ("the air base")."""
    return _DEFINITE_KIND_RE.search(clause_text) is not None


def named_by_kind(clause_text: str, headline: PlaceHit | None) -> PlaceHit | None:
    """The headline's place when *clause_text* names it by its kind alone.

    "Three Rockets Strike Balad Air Base" over "three rockets landed inside the air
    base": the base is Balad's. Only a base, airport or facility is meant so.
    """
    if headline is None:
        return None
    for match in _DEFINITE_KIND_RE.finditer(clause_text):
        kind = " ".join(match.group("kind").lower().split())
        if _kind_fits(headline.place, kind):
            return headline._replace(position=match.start(), end=-1)
    return None


#: A place named by its kind and a town near it: "an Iraqi military base near Kirkuk".
_UNNAMED_NEAR_RE = re.compile(
    r"\ban?\s+(?:[\w-]+\s+){0,3}?(?P<kind>air\s*base|base|camp|airport)\s+"
    r"(?:near|outside|close to|north|south|east|west)\b",
    re.IGNORECASE,
)


def names_it_later(opening: str, hit: PlaceHit) -> bool:
    """Whether *hit* may be the base that *opening* named by kind near a town.

    "A rocket attack on an Iraqi military base near Kirkuk ... rockets were launched
    into the K1 military base": the base is K1.
    """
    match = _UNNAMED_NEAR_RE.search(opening)
    if match is None:
        return False
    return _kind_fits(hit.place, " ".join(match.group("kind").lower().split()))


#: How far back "the base" may look for the base it means, and how many times a report
#: may look (each look reads that far: a report of a thousand "the base" read each anew).
LOOK_BACK_CHARS = 3000
MAX_LOOK_BACKS = 16


def last_named_site(text: str, gazetteer: Gazetteer) -> PlaceHit | None:
    """The base, airport or facility named last in *text* (the story so far).

    "Since 2017, the K1 air base has hosted coalition forces. A rocket attack on the
    base in December killed a contractor": the base is K1.
    """
    text = text[-LOOK_BACK_CHARS:]
    hits = place_hits(text, 0, gazetteer.find_mentions(text), gazetteer)
    sites = [h for h in hits if SPECIFICITY.get(h.place.kind, 0) >= SPECIFICITY["airport"]]
    return sites[-1] if sites else None


class NamedSites:
    """The sites a story names, for "the base": :func:`last_named_site` over the story
    before a point, asked at most :data:`MAX_LOOK_BACKS` times (then None)."""

    def __init__(self, story: str, gazetteer: Gazetteer) -> None:
        self.story, self.gazetteer, self.looks = story, gazetteer, 0

    def last_before(self, end: int) -> PlaceHit | None:
        """The site named last in the :data:`LOOK_BACK_CHARS` before *end*."""
        self.looks += 1
        if self.looks > MAX_LOOK_BACKS:
            return None
        return last_named_site(self.story[max(0, end - LOOK_BACK_CHARS) : end], self.gazetteer)
