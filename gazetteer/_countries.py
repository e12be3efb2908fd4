"""Country outlines (Natural Earth): drawn under a map's tiles, and used to check that a
place lies in the country its row states."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from shapely.geometry import Point, shape
from shapely.prepared import PreparedGeometry, prep

OUTLINE_FILE = Path(__file__).with_name("data") / "outline.geojson"
#: The outlines cover this box only (west, south, east, north), clipped to it.
CLIP_BOX: tuple[float, float, float, float] = (30.0, 24.0, 56.0, 42.0)
#: How far outside a simplified outline a place may lie: about 5 km, for coasts and borders.
TOLERANCE_DEG = 0.05
#: Countries whose places are checked against their outline: ISO 3166 two-letter code ->
#: the numeric code the outlines carry. Only Iraq: the neighbours' outlines are clipped and
#: leave out small islands (Kish) and disputed ground (Quneitra), where GeoNames has towns;
#: their places are checked against a bounding box only.
ISO_NUMERIC: dict[str, str] = {"IQ": "368"}


@cache
def country_outlines() -> dict[str, Any]:
    """Return the outlines of Iraq and its neighbours as a GeoJSON FeatureCollection.

    Each feature's properties give the country's ``name``, its numeric ISO code
    ``iso_n3`` and a ``label`` point ``[lat, lon]``. Provenance: ``data/SOURCES.md``.
    """
    data: dict[str, Any] = json.loads(OUTLINE_FILE.read_text(encoding="utf-8"))
    return data


@cache
def _prepared() -> dict[str, PreparedGeometry]:
    return {
        feature["properties"]["iso_n3"]: prep(shape(feature["geometry"]).buffer(TOLERANCE_DEG))
        for feature in country_outlines()["features"]
    }


def outside_country(country: str, latitude: float, longitude: float) -> bool:
    """Whether the point lies clearly outside *country*'s outline.

    False where the outlines cannot tell: a country they do not draw, or a point beyond
    the box they are clipped to.
    """
    west, south, east, north = CLIP_BOX
    outline = _prepared().get(ISO_NUMERIC.get(country, ""))
    if outline is None or not (west <= longitude <= east and south <= latitude <= north):
        return False
    return not outline.contains(Point(longitude, latitude))
