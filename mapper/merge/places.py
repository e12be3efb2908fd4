"""Which places can name the same attack: nesting, layers and distance.

Two mentions can describe one attack when their places are the same, one lies
inside the other (the embassy inside the Green Zone inside Baghdad), or - when the
places come from different gazetteer layers, or one is not in the gazetteer at all -
when they lie within the coarser place's uncertainty radius of each other. Within
one layer, a city or town that has no outline also holds what lies within its radius,
and a base, airport or facility within :data:`SITE_REACH` times its radius.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gazetteer import KINDS
from gazetteer import distance_km as great_circle_km

if TYPE_CHECKING:
    from gazetteer import Gazetteer

#: Uncertainty radius for a place the gazetteer does not know, by ``geo_precision``.
FALLBACK_RADIUS_KM: dict[int, float] = {1: 2.0, 2: 10.0, 3: 75.0}

#: Grid cell size (degrees) for blocking: places only meet candidates in shared cells.
CELL_DEGREES = 1.0

#: A place wider than this (a country) may hold anything: it is compared with all.
WILDCARD_RADIUS_KM = 200.0

#: Kinds whose point and radius stand for an outline the gazetteer does not have.
SETTLEMENT_KINDS: frozenset[str] = frozenset({"city", "town"})

#: Kinds of sites that news names by the town they lie beside ("a base near Kirkuk").
SITE_KINDS: frozenset[str] = frozenset({"military base", "airport", "facility"})

#: A town without an outline holds a site this many times its radius from its point.
SITE_REACH = 2.0


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    """What the merge needs to know about one ``place_id`` of the table."""

    key: str
    latitude: float | None
    longitude: float | None
    radius_km: float
    kind_rank: int
    layer: str
    known: bool
    region: str | None = None  # highest ancestor below the country, for blocking
    settlement_without_outline: bool = False  # a city or town known only by point and radius
    site: bool = False  # a base, airport or facility (:data:`SITE_KINDS`)

    @property
    def block_keys(self) -> tuple[str, ...]:
        """Keys any compatible place shares with this one; ``("*",)`` when it is too wide.

        The region (governorate) catches nesting, the grid cells under the place's radius
        catch nearby places of other layers.
        """
        if self.radius_km > WILDCARD_RADIUS_KM or self.latitude is None or self.longitude is None:
            return ("*",)
        dlat = self.radius_km / 111.0
        dlon = dlat / max(0.1, math.cos(math.radians(self.latitude)))
        rows = range(
            math.floor((self.latitude - dlat) / CELL_DEGREES),
            math.floor((self.latitude + dlat) / CELL_DEGREES) + 1,
        )
        cols = range(
            math.floor((self.longitude - dlon) / CELL_DEGREES),
            math.floor((self.longitude + dlon) / CELL_DEGREES) + 1,
        )
        cells = tuple(f"{r}:{c}" for r in rows for c in cols)
        return (self.region, *cells) if self.region else cells

    @property
    def specificity(self) -> tuple[float, int, str]:
        """Sort key: the most precise place sorts first."""
        return (self.radius_km, -self.kind_rank, self.key)


def describe_place(
    place_id: str,
    latitude: float | None,
    longitude: float | None,
    geo_precision: int | None,
    gazetteer: Gazetteer | None,
) -> PlaceInfo:
    """Return a :class:`PlaceInfo` from the gazetteer, or from the row when it is unknown."""
    if gazetteer is not None and place_id in gazetteer:
        place = gazetteer.get(place_id)
        rank = KINDS.index(place.kind) if place.kind in KINDS else 0  # later is finer
        chain = [place, *gazetteer.ancestors(place_id)]
        below_country = [p.id for p in chain if p.kind != "country"]
        region = below_country[-1] if below_country else None
        return PlaceInfo(
            place_id,
            place.latitude,
            place.longitude,
            place.radius_km,
            rank,
            place.layer,
            True,
            region,
            place.kind in SETTLEMENT_KINDS and place.geometry is None,
            place.kind in SITE_KINDS,
        )
    radius = FALLBACK_RADIUS_KM.get(int(geo_precision or 2), 10.0)
    return PlaceInfo(place_id, latitude, longitude, radius, 0, "unknown", False)


def distance_km(a: PlaceInfo, b: PlaceInfo) -> float:
    """Great-circle distance between two places (infinite when either has no point)."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return math.inf
    return great_circle_km((a.latitude, a.longitude), (b.latitude, b.longitude))


class PlaceMatcher:
    """Answer "can these two places name one attack?", each pair computed once."""

    def __init__(self, places: dict[str, PlaceInfo], gazetteer: Gazetteer | None) -> None:
        self.places = places
        #: Each place's :attr:`PlaceInfo.block_keys`, worked out once.
        self.block_keys = {key: info.block_keys for key, info in places.items()}
        self._gazetteer = gazetteer
        self._cache: dict[tuple[str, str], bool] = {}

    def compatible(self, a: str, b: str) -> bool:
        """True if *a* and *b* are the same place, nested, or close across layers."""
        if a == b:
            return True
        pair = (a, b) if a < b else (b, a)
        found = self._cache.get(pair)
        if found is None:
            found = self._cache[pair] = self._compute(*pair)
        return found

    def _compute(self, a: str, b: str) -> bool:
        pa, pb = self.places[a], self.places[b]
        gaz = self._gazetteer
        if gaz is not None and pa.known and pb.known:
            if gaz.contains(a, b) or gaz.contains(b, a):
                return True
            if pa.layer == pb.layer:
                return _town_holds(pa, pb) or _town_holds(pb, pa)
        return distance_km(pa, pb) <= max(pa.radius_km, pb.radius_km)


def _town_holds(town: PlaceInfo, other: PlaceInfo) -> bool:
    """Within one layer: does a city or town without an outline stand for *other*?

    Within one layer the nesting is the truth (two bases 5 km apart are two places),
    except that a town known only by its point holds what lies within its radius (the
    air base of "rockets hit Erbil" is 6 km from the city's point), and a base, airport
    or facility up to :data:`SITE_REACH` times that far: news names a site by the town
    it lies beside ("rockets hit a base near Kirkuk" is K1, 11 km out).
    """
    if not town.settlement_without_outline:
        return False
    if other.site:
        return distance_km(town, other) <= SITE_REACH * town.radius_km
    return town.radius_km >= other.radius_km and distance_km(town, other) <= town.radius_km
