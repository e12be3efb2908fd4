"""The gazetteer's small read-only value types."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from shapely.geometry.base import BaseGeometry

#: Allowed ``kind`` values, broadest first; the order ranks specificity.
KINDS: tuple[str, ...] = (
    "country",
    "region",
    "governorate",
    "district",
    "city",
    "town",
    "zone",
    "neighbourhood",
    "military base",
    "airport",
    "facility",
)
#: How specific each kind is: a place of a higher rank can lie inside one of a lower.
SPECIFICITY: dict[str, int] = {
    "country": 0,
    "region": 0,  # a vague part of a country ("northern Iraq"), holding no place by parent
    "governorate": 1,
    "district": 2,
    "city": 3,
    "town": 3,
    "zone": 4,
    "neighbourhood": 5,
    "military base": 6,
    "airport": 6,
    "facility": 6,
}


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    ``layer`` says where it came from: ``"curated"`` (hand-checked), ``"geonames"``
    (the broad base layer) or ``"user"`` (a file layered on top).
    """

    id: str
    name: str
    kind: str
    latitude: float
    longitude: float
    country: str = "IQ"
    parent: str | None = None
    radius_km: float = 1.0
    aliases: tuple[str, ...] = ()
    source: str = ""
    layer: str = "curated"
    population: int = 0
    geometry: BaseGeometry | None = field(default=None, compare=False, repr=False)

    @property
    def point(self) -> tuple[float, float]:
        """``(latitude, longitude)``."""
        return (self.latitude, self.longitude)

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)


class Candidate(NamedTuple):
    """A place matched by a lookup, with a score from 0 to 100 (100 is exact)."""

    place: Place
    score: float


class Mention(NamedTuple):
    """A place name found in a text at ``text[start:end]``, candidates best first."""

    start: int
    end: int
    text: str
    candidates: tuple[Place, ...]

    @property
    def place(self) -> Place:
        """The best candidate."""
        return self.candidates[0]
