"""A geopy geocoder backed by the offline gazetteer.

It answers exactly as geopy's online geocoders do, so geopy code, geopy's
``RateLimiter`` and ``geopandas.tools.geocode(..., provider=GazetteerGeocoder)`` work
unchanged. Names the gazetteer lacks may be passed to a real geopy geocoder, but only
when one is given: nothing goes online by default.
"""

from __future__ import annotations

from typing import Any

from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from gazetteer._distance import distance_km
from gazetteer._gazetteer import Gazetteer, default_gazetteer
from gazetteer._place import SPECIFICITY, Place


class GazetteerGeocoder(Geocoder):
    """Geocode place names offline against the gazetteer.

    Parameters
    ----------
    gazetteer
        The gazetteer to answer from; the bundled one by default.
    fallback
        An online geopy geocoder (e.g. ``Nominatim(user_agent=...)``) asked, through
        geopy's ``RateLimiter`` and a local cache, for names the gazetteer lacks.
        Off (None) by default.
    min_delay_seconds
        The rate limit for *fallback*.
    **kwargs
        Accepted and ignored, as geopandas passes provider options through.

    Examples
    --------
    >>> GazetteerGeocoder().geocode("Irbil").address.startswith("Erbil")
    True
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        fallback: Geocoder | None = None,
        min_delay_seconds: float = 1.0,
        **kwargs: Any,
    ) -> None:
        super().__init__()
        self.gazetteer = gazetteer if gazetteer is not None else default_gazetteer()
        self.fallback = fallback
        self._fallback_geocode = (
            RateLimiter(fallback.geocode, min_delay_seconds=min_delay_seconds)
            if fallback is not None
            else None
        )
        self._cache: dict[tuple[str, bool], Any] = {}

    def geocode(
        self, query: str, *, exactly_one: bool = True, timeout: Any = None, limit: int = 10
    ) -> Location | list[Location] | None:
        """Return the best :class:`geopy.location.Location` for *query*.

        With ``exactly_one=False``, a ranked list of them; ``None`` when nothing
        matches (never an empty list), as geopy does. The candidates and their
        ``raw["score"]`` are :meth:`Gazetteer.lookup`'s: 100 for an exact name, 85 and
        more for a near spelling, 80, 70 or 60 for a longer name (docs/gazetteer.md,
        "Lookup scores"). A name far from the region is None, not a near spelling of a
        neighbour's town.

        Examples
        --------
        >>> GazetteerGeocoder().geocode("Paris") is None
        True
        """
        candidates = self.gazetteer.lookup(str(query), limit=1 if exactly_one else limit)
        if candidates:
            locations = [self._location(c.place, c.score) for c in candidates]
            return locations[0] if exactly_one else locations
        return self._geocode_online(str(query), exactly_one)

    def reverse(
        self,
        query: Any,
        *,
        exactly_one: bool = True,
        timeout: Any = None,
        limit: int = 10,
        max_distance_km: float = 25.0,
    ) -> Location | list[Location] | None:
        """Return the places at a point, the most specific first, then those nearby.

        A place is at the point when its outline holds it or, for a town or anything
        finer, the point lies within the place's radius; those come first, the most
        specific kind first (the embassy before the Green Zone, the city before its
        district), nearer before farther. Then come the other places within
        *max_distance_km*, nearest first. *query* is anything geopy accepts as a point:
        ``(lat, lon)``, ``"lat, lon"`` or a :class:`geopy.point.Point`.
        """
        point = Point(query)
        lat, lon = point.latitude, point.longitude
        outlined = {p.id for p in self.gazetteer.areas_containing(lat, lon)}
        ranked = []
        for place in self.gazetteer:
            distance = distance_km((lat, lon), place.point)
            # A wide place's radius is too rough to say the point is in it (Syria's
            # circle covers part of Iraq): towns and finer only, or an outline.
            fine = SPECIFICITY.get(place.kind, 0) >= SPECIFICITY["city"]
            here = place.id in outlined or (fine and distance <= place.radius_km)
            if here or (place.kind != "country" and distance <= max_distance_km):
                specificity = SPECIFICITY.get(place.kind, 0) if here else -1
                ranked.append((not here, -specificity, distance, place.id, place))
        places = [item[-1] for item in sorted(ranked)[:limit]]
        if not places:
            return None
        locations = [self._location(p, None) for p in places]
        return locations[0] if exactly_one else locations

    def _location(self, place: Place, score: float | None) -> Location:
        chain = [place, *self.gazetteer.ancestors(place.id)]
        address = ", ".join(dict.fromkeys(p.name for p in chain))
        raw = {
            "id": place.id,
            "name": place.name,
            "kind": place.kind,
            "parent": place.parent,
            "country": place.country,
            "radius_km": place.radius_km,
            "source": place.source,
            "layer": place.layer,
            "score": score,
        }
        return Location(address, Point(place.latitude, place.longitude), raw)

    def _geocode_online(self, query: str, exactly_one: bool) -> Any:
        if self._fallback_geocode is None:
            return None
        key = (query, exactly_one)
        if key not in self._cache:
            self._cache[key] = self._fallback_geocode(query, exactly_one=exactly_one)
        return self._cache[key]
