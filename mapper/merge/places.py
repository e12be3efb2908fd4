"""Which places can name the same attack: nesting, layers and distance.

Two mentions can describe one attack when their places are the same, one lies
inside the other (the embassy inside the Green Zone inside Baghdad), or - when the
places come from different gazetteer layers, or one is not in the gazetteer at all -
when they lie within the coarser place's uncertainty radius of each other.
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
                # Within one layer the nesting is the truth (two bases 5 km apart are two
                # places), except that a city without an outline holds what lies within its
                # radius: the air base of "rockets hit Erbil" is 6 km from the city's point.
                coarse, fine = (pa, pb) if pa.radius_km >= pb.radius_km else (pb, pa)
                return coarse.settlement_without_outline and (
                    distance_km(coarse, fine) <= coarse.radius_km
                )
        return distance_km(pa, pb) <= max(pa.radius_km, pb.radius_km)
