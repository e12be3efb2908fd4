"""Great-circle distance between two points, the one haversine of the project."""

from __future__ import annotations

import math

#: The IUGG mean earth radius R1.
EARTH_RADIUS_KM = 6371.0088


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two ``(latitude, longitude)`` points.

    Parameters
    ----------
    a, b : tuple of float
        WGS84 degrees.

    Examples
    --------
    >>> round(distance_km((33.3, 44.4), (36.2, 44.0)))
    324
    """
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return EARTH_RADIUS_KM * 2 * math.asin(math.sqrt(min(1.0, h)))
