"""Where a clause says something happened: the most specific place, and how precise.

Pure, given the gazetteer. Candidates come from the report's mentions (found once
per report); launch sites, asides, foreign places and a sentence-opening "Hit by"
are passed over. Precision codes follow ACLED: 1 the place itself, 2 near it or a
part of it, 3 only a region or governorate.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from gazetteer import SPECIFICITY, distance_km
from mapper.extract.context import excluded_spans
from mapper.extract.place_words import (
    AIRPORT_WORD_RE,
    ALONG_RE,
    AWAY_RE,
    BASE_WORD_RE,
    DISTRICT_OF_RE,
    DISTRICT_WORD_RE,
    LANDMARK_RE,
    NEAR_KEY_RE,
    NEAR_RE,
    PROVINCE_OF_RE,
    PROVINCE_WORD_RE,
    VERB_OPENING_RE,
)
from mapper.extract.vocabulary import REGIONS
from mapper.extract.words import words_of

if TYPE_CHECKING:
    from gazetteer import Gazetteer, Mention, Place

#: The country whose places incidents are put at (others are launch sites, strikes abroad).
HOME = "IQ"
#: Kind -> precision code when the text names the place itself.
KIND_PRECISION: dict[str, int] = {"country": 3, "region": 3, "governorate": 3, "district": 2}

REGION_RE = re.compile(
    r"\b(?:in|across|from|to)\s+the\s+(?P<side>north|south|east|west|centre|center|north-west|"
    r"north-east|south-west|south-east)\s+of\s+(?:the\s+country|Iraq)\b"
    r"|\b(?P<adjective>northern|southern|eastern|western|central|north-western|north-eastern|"
    r"south-western|south-eastern)\s+Iraq\b",
)


class PlaceHit(NamedTuple):
    """A place a clause puts an event at; ``label`` is the name to show.

    ``landmark`` marks a place named only to locate another ("west of Kirkuk").
    """

    place: Place
    label: str
    precision: int
    position: int
    landmark: bool = False
    end: int = -1  # where the mention ends in the clause (-1: a region, no mention)


def place_hits(
    clause_text: str, clause_start: int, mentions: list[Mention], gazetteer: Gazetteer
) -> list[PlaceHit]:
    """Return the places *clause_text* may put an event at, in text order."""
    words = words_of(clause_text)
    excluded = _Spans(excluded_spans(clause_text))
    provinces = "rovince" in clause_text or "overnorate" in clause_text  # a cheap test first
    hits: list[PlaceHit] = []
    for mention in mentions:
        start, end = mention.start - clause_start, mention.end - clause_start
        if start in excluded:
            continue
        if start == 0 and VERB_OPENING_RE.match(clause_text, end):
            continue  # "Hit by three rockets, ..." opens with the verb
        place = _choose_candidate(mention, clause_text, end)
        if place is None:
            continue
        if place.kind != "military base" and BASE_WORD_RE.match(clause_text, end):
            place = _base_named_for(gazetteer, clause_text[start:end], place.id) or place
        elif place.kind != "governorate" and (
            (provinces and PROVINCE_WORD_RE.match(clause_text, end))
            or PROVINCE_OF_RE.search(clause_text, max(0, start - 30), start)
        ):
            place = _area_of(gazetteer, place.id, "governorate") or place
        elif place.kind not in ("district", "governorate") and (
            DISTRICT_WORD_RE.match(clause_text, end)
            or DISTRICT_OF_RE.search(clause_text, max(0, start - 30), start)
        ):
            place = _area_of(gazetteer, place.id, "district") or place
        before = clause_text[max(0, start - 60) : start]
        precision = KIND_PRECISION.get(place.kind, 1)
        landmark = False
        lowered = before.lower()
        if NEAR_KEY_RE.search(lowered):
            if precision < 2 and NEAR_RE.search(before):
                precision = 2
            landmark = bool(LANDMARK_RE.search(before))
        if precision < 2 and (
            clause_text[end : end + 2] in ("'s", "’s") or ALONG_RE.match(clause_text, end)
        ):
            precision = 2  # "in Mosul's old city", "on the Mosul road": part of it, near it
        hits.append(PlaceHit(place, place.name, precision, start, landmark, end))
    regions = REGION_RE.finditer(clause_text) if not words.isdisjoint(_REGION_KEYS) else ()
    region_hits: list[PlaceHit] = []
    region_spans: list[tuple[int, int]] = []
    for match in regions:
        if match.start() in excluded:
            continue
        side = (match.group("side") or match.group("adjective") or "").lower()
        side = side.removesuffix("ern").replace("center", "centre").replace("central", "centre")
        label, place_id = REGIONS.get(side, (f"{side} Iraq", "iraq"))
        if place_id in gazetteer:
            region_spans.append(match.span())
            region_hits.append(PlaceHit(gazetteer.get(place_id), label, 3, match.start()))
    if region_hits:
        # A region replaces the bare country mention it contains ("western Iraq").
        replaced = _Spans(region_spans)
        hits = [h for h in hits if h.position not in replaced] + region_hits
    if "capital" in words and CAPITAL_ID in gazetteer:
        named = {h.position for h in hits if h.place.id == CAPITAL_ID}
        for match in _CAPITAL_RE.finditer(clause_text):
            if match.start() in excluded or any(
                match.end() + shift in named for shift in range(-2, 3)
            ):
                continue  # "the capital Baghdad" names it once
            before = clause_text[max(0, match.start() - 60) : match.start()]
            landmark = bool(LANDMARK_RE.search(before))
            precision = 2 if landmark or NEAR_RE.search(before) else 1
            capital = gazetteer.get(CAPITAL_ID)
            hits.append(
                PlaceHit(capital, capital.name, precision, match.start(), landmark, match.end())
            )
    return sorted(hits, key=lambda h: h.position)


class _Spans:
    """Half-open character spans, merged, for ``position in spans`` in log time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            elif start < end:
                merged.append([start, end])
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def __contains__(self, position: int) -> bool:
        at = bisect_right(self._starts, position) - 1
        return at >= 0 and position < self._ends[at]


#: "the capital" in a report on Iraq; not "the regional capital", "the capital of ...".
CAPITAL_ID = "baghdad"
_CAPITAL_RE = re.compile(
    r"(?<!regional )(?<!provincial )(?<!Kurdish )(?<!Kurdistan's )(?<!Kurdistan’s )"
    r"\bthe capital\b(?!\s+(?:of|city of)\b)(?!['’]s\s+(?:of))"
)


_REGION_KEYS = frozenset(
    """north south east west centre center central northern southern eastern
    western""".split()  # noqa: SIM905
)


def may_name_region(text: str) -> bool:
    """Whether *text* may name a vague region or "the capital", places no gazetteer
    mention gives (a cheap test before :data:`REGION_RE`)."""
    words = words_of(text)
    return not words.isdisjoint(_REGION_KEYS) or "capital" in words


def abroad(mentions: list[Mention]) -> bool:
    """Whether every place these mentions may be lies outside Iraq."""
    return all(p.country != HOME for mention in mentions for p in mention.candidates)


def _choose_candidate(mention: Mention, text: str, end: int) -> Place | None:
    """The mention's best Iraqi candidate; "Taji base" prefers the base named Taji."""
    local = [p for p in mention.candidates if p.country == HOME]
    if not local:
        return None
    if BASE_WORD_RE.match(text, end):
        for place in local:
            if place.kind == "military base":
                return place
    if AIRPORT_WORD_RE.match(text, end):
        for place in local:
            if place.kind in ("airport", "military base") and "airport" in place.name.lower():
                return place
    return local[0]


@lru_cache(maxsize=256)
def _area_of(gazetteer: Gazetteer, place_id: str, kind: str) -> Place | None:
    """The governorate or district a place lies in: "Karbala province" is not the city,
    "the district of Dibis" not the town."""
    return next((p for p in gazetteer.ancestors(place_id) if p.kind == kind), None)


#: A base named for a town ("Qayyarah base" for Qayyarah West Airfield) lies this close.
BASE_NEAR_TOWN_KM = 40.0


@lru_cache(maxsize=256)
def _base_named_for(gazetteer: Gazetteer, name: str, town_id: str) -> Place | None:
    """The military base that "<name> base" means, near the town *name* resolved to."""
    town = gazetteer.get(town_id)
    for candidate in gazetteer.lookup(f"{name} air base", limit=5):
        place = candidate.place
        if (
            place.kind == "military base"
            and candidate.score >= 85
            and distance_km(town.point, place.point) <= BASE_NEAR_TOWN_KM
        ):
            return place
    return None


_BETWEEN_RE = re.compile(r"\b(?:between|linking|connecting|from)\s+(?:the\s+)?$", re.IGNORECASE)
#: What may stand between two places one verb attacked: "Ain al-Asad and Balad", "the
#: Kadhimiya neighbourhood and the Jamiya neighbourhood".
_COORDINATION_RE = re.compile(
    r"\s*(?:(?:neighbou?rhood|district|area|town|village|city|camp|base|air base)\s*)?"
    r"(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?"
)


_AND_RE = re.compile(r"\s+and\s+(?:the\s+)?")


def coordinated(
    hits: list[PlaceHit], best: PlaceHit, clause: str, gazetteer: Gazetteer
) -> list[PlaceHit]:
    """The other places named together with *best* as attacked alike, in text order.

    "Rockets hit Ain al-Asad and Balad air bases": places of the same level of
    specificity (towns and finer, or governorates: "strikes in Babil, Karbala and Anbar
    provinces"), joined by "and" or a comma only, none a landmark. Places of different
    levels are joined by a plain "and" only, and neither holds the other, nor lies in
    its radius ("near Anbar and Jurf al-Sakhar"; not "Erbil and the Kurdistan Region").
    """
    level = SPECIFICITY.get(best.place.kind, 0)
    listed = level >= SPECIFICITY["city"] or best.place.kind == "governorate"
    if best not in hits or not listed or best.landmark or best.end < 0:
        return []
    if _BETWEEN_RE.search(clause, 0, min(h.position for h in hits)):
        return []  # "on the road between Hit and Haditha": one place between two
    chain = sorted(hits, key=lambda h: h.position)
    index = chain.index(best)
    joined, seen = [best], {best.place.id}
    for step in (-1, 1):
        at = index
        while 0 <= at + step < len(chain):
            left, right = chain[min(at, at + step)], chain[max(at, at + step)]
            other = chain[at + step]
            same_level = SPECIFICITY.get(other.place.kind, 0) == level
            if (
                other.landmark
                or other.end < 0
                or _COORDINATION_RE.fullmatch(clause, left.end, right.position) is None
                or (
                    not same_level
                    and (
                        SPECIFICITY.get(other.place.kind, 0) < SPECIFICITY["governorate"]
                        or _AND_RE.fullmatch(clause, left.end, right.position) is None
                        or compatible(gazetteer, other.place, best.place)
                    )
                )
            ):
                break
            if other.place.id not in seen:  # "Balad, Balad and Taji": once each
                seen.add(other.place.id)
                joined.append(other)
            at += step
    return sorted((h for h in joined if h is not best), key=lambda h: h.position)


def best_place(hits: list[PlaceHit], gazetteer: Gazetteer) -> PlaceHit | None:
    """The most specific hit: one no other hit lies inside, of the most specific kind.

    A region label or a bare country is only used when nothing better is named.
    """
    if not hits:
        return None
    ids = {h.place.id for h in hits}
    # The hits another hit lies in, from each distinct place's enclosing places: linear
    # in the hits, where asking every pair was quadratic (issue 14).
    holding = {outer for place_id in ids for outer in _enclosing(gazetteer, place_id) & ids}
    inner = [h for h in hits if h.place.id not in holding]
    pool = inner or hits
    return max(pool, key=lambda h: (not h.landmark, _rank(h), -h.position))


@lru_cache(maxsize=4096)
def _enclosing(gazetteer: Gazetteer, place_id: str) -> frozenset[str]:
    """The other places :meth:`Gazetteer.contains` puts *place_id* in: its parent chain
    and the outlines covering its point."""
    place = gazetteer.get(place_id)
    outlines = gazetteer.areas_containing(place.latitude, place.longitude)
    return frozenset(p.id for p in (*gazetteer.ancestors(place_id), *outlines)) - {place_id}


def _rank(hit: PlaceHit) -> float:
    region_label = (
        hit.precision == 3 and hit.place.kind == "country" and hit.label != hit.place.name
    )
    if region_label or hit.place.kind == "region":
        return 0.5  # a region: better than the bare country, vaguer than a governorate
    return SPECIFICITY.get(hit.place.kind, 3)


def is_vague(hit: PlaceHit) -> bool:
    """Whether *hit* is the bare country: too vague to open an incident on its own."""
    return hit.place.kind == "country" and hit.label == hit.place.name


def compatible(gazetteer: Gazetteer, first: Place, second: Place) -> bool:
    """Whether two places can be one incident's: one lies within the other."""
    return within(gazetteer, first, second) or within(gazetteer, second, first)


def nested(gazetteer: Gazetteer, first: Place, second: Place) -> bool:
    """Whether two places are one, or one is part of the other (no radius)."""
    return (
        first.id == second.id
        or _contains(gazetteer, first.id, second.id)
        or _contains(gazetteer, second.id, first.id)
    )


def within(gazetteer: Gazetteer, outer: Place, inner: Place) -> bool:
    """Whether *inner* is *outer*, nested in it, or inside its radius (at least 3 km)."""
    if outer.id == inner.id or _contains(gazetteer, outer.id, inner.id):
        return True
    reach = max(outer.radius_km, 3.0)
    if abs(outer.latitude - inner.latitude) * _KM_PER_DEGREE > reach + 1e-6:
        return False  # farther apart north to south alone: no need for the haversine
    return distance_km(outer.point, inner.point) <= reach


_KM_PER_DEGREE = distance_km((0.0, 0.0), (1.0, 0.0))


@lru_cache(maxsize=65536)
def _contains(gazetteer: Gazetteer, outer_id: str, inner_id: str) -> bool:
    """:meth:`Gazetteer.contains`, remembered: the same few pairs come up again and again."""
    return gazetteer.contains(outer_id, inner_id)


def refines(clause_text: str) -> bool:
    """Whether a later clause may narrow an incident's place (not "landed 300 m away")."""
    return not AWAY_RE.search(clause_text)
