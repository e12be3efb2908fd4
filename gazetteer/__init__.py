"""An offline gazetteer of Iraq for conflict reporting.

Curated places (bases, the Green Zone, the embassy, every governorate and district)
layered over a compact GeoNames base layer, with the spellings news uses::

    from gazetteer import load_gazetteer, GazetteerGeocoder

    gaz = load_gazetteer()                 # the bundled data, loaded once
    gaz.lookup("al-Qa'im")[0].place.id     # ranked candidates with a score
    gaz.find_mentions(text)                # every place name with its offsets
    GazetteerGeocoder().geocode("Irbil")   # a geopy Location, as geopy gives it
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gazetteer._countries import country_outlines
from gazetteer._distance import distance_km
from gazetteer._gazetteer import Gazetteer, default_gazetteer, load_gazetteer
from gazetteer._normalize import normalize_name
from gazetteer._place import KINDS, SPECIFICITY, Candidate, Mention, Place
from gazetteer._validate import check_file, shared_names
from gazetteer.errors import GazetteerError, GazetteerFileError, UnknownPlaceError

if TYPE_CHECKING:
    from gazetteer._geocoder import GazetteerGeocoder


def __getattr__(name: str) -> Any:
    # Importing geopy takes longer than loading the whole gazetteer: only on first use.
    if name == "GazetteerGeocoder":
        from gazetteer._geocoder import GazetteerGeocoder

        return GazetteerGeocoder
    raise AttributeError(f"module 'gazetteer' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "KINDS",
    "SPECIFICITY",
    "Candidate",
    "Gazetteer",
    "GazetteerError",
    "GazetteerFileError",
    "GazetteerGeocoder",
    "Mention",
    "Place",
    "UnknownPlaceError",
    "check_file",
    "country_outlines",
    "default_gazetteer",
    "distance_km",
    "load_gazetteer",
    "normalize_name",
    "shared_names",
]
