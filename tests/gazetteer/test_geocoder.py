"""GazetteerGeocoder behaves exactly like a geopy geocoder, offline."""

import geopandas
import pytest
from geopy.distance import geodesic
from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location

from gazetteer import GazetteerGeocoder, default_gazetteer


@pytest.fixture(scope="module")
def geocoder() -> GazetteerGeocoder:
    return GazetteerGeocoder()


def test_geocode_returns_a_geopy_location(geocoder: GazetteerGeocoder) -> None:
    location = geocoder.geocode("Irbil")
    assert isinstance(location, Location)
    address, (lat, lon) = location
    assert address.startswith("Erbil")
    assert location.raw["id"] == "erbil"
    assert geodesic((lat, lon), (36.19, 44.01)).km < 5


def test_geocode_many_is_a_ranked_list(geocoder: GazetteerGeocoder) -> None:
    locations = geocoder.geocode("Baghdad", exactly_one=False)
    assert isinstance(locations, list)
    assert locations and all(isinstance(loc, Location) for loc in locations)
    assert locations[0].raw["id"] == "baghdad"


def test_geocode_unknown_is_none_never_an_empty_list(geocoder: GazetteerGeocoder) -> None:
    assert geocoder.geocode("Xyzzyville Qwerty") is None
    assert geocoder.geocode("Xyzzyville Qwerty", exactly_one=False) is None


def test_reverse_names_the_most_specific_place(geocoder: GazetteerGeocoder) -> None:
    embassy = default_gazetteer().get("us-embassy-baghdad")
    location = geocoder.reverse((embassy.latitude, embassy.longitude))
    assert isinstance(location, Location)
    assert location.raw["id"] == "us-embassy-baghdad"  # not the Green Zone around it
    # A city before the district that shares its point.
    assert geocoder.reverse((36.19, 44.01)).raw["id"] == "erbil"
    assert geocoder.reverse("0, 0") is None
    # Inside Iraq, far from any place: not Syria, whose rough circle reaches there.
    assert geocoder.reverse((35.2, 41.5)) is None
    many = geocoder.reverse(f"{embassy.latitude}, {embassy.longitude}", exactly_one=False)
    assert isinstance(many, list) and len(many) > 1


def test_works_behind_geopy_rate_limiter(geocoder: GazetteerGeocoder) -> None:
    geocode = RateLimiter(geocoder.geocode, min_delay_seconds=0)
    assert geocode("Green Zone").raw["id"] == "green-zone"


def test_works_as_a_geopandas_provider() -> None:
    frame = geopandas.tools.geocode(
        ["Green Zone", "Ain al-Asad", "Xyzzyville"], provider=GazetteerGeocoder
    )
    assert frame.loc[0, "address"].startswith("Green Zone")
    assert geodesic((frame.geometry[1].y, frame.geometry[1].x), (33.80, 42.44)).km < 5
    assert frame.geometry[2] is None or frame.geometry[2].is_empty


def test_online_fallback_is_off_by_default(geocoder: GazetteerGeocoder) -> None:
    assert geocoder.fallback is None


def test_online_fallback_is_asked_once_per_name_when_given() -> None:
    class Recorder:
        def __init__(self) -> None:
            self.calls: list[str] = []

        def geocode(self, query: str, *, exactly_one: bool = True) -> None:
            self.calls.append(query)
            return None

    recorder = Recorder()
    geocoder = GazetteerGeocoder(fallback=recorder, min_delay_seconds=0)  # type: ignore[arg-type]
    assert geocoder.geocode("Xyzzyville Qwerty") is None
    assert geocoder.geocode("Xyzzyville Qwerty") is None
    assert geocoder.geocode("Erbil") is not None
    assert recorder.calls == ["Xyzzyville Qwerty"]
