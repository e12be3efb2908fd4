"""Reading gazetteer files into places, collecting every problem with its row.

Two file shapes: a places CSV (the schema in docs/gazetteer.md) and a GeoJSON
FeatureCollection. In GeoJSON, a feature whose id names a place given elsewhere adds
an area outline to it; a feature with a ``name`` and ``kind`` is a place of its own.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from gazetteer._countries import outside_country
from gazetteer._place import KINDS, Place

#: Columns every places CSV must have, in the documented order.
REQUIRED_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "kind",
    "country",
    "parent",
    "latitude",
    "longitude",
    "radius_km",
    "aliases",
    "source",
)

#: Rough (west, south, east, north) bounds of the countries the data may cover,
#: padded by about 10 km; enough to catch swapped or mistyped coordinates.
COUNTRY_BOUNDS: dict[str, tuple[float, float, float, float]] = {
    "IQ": (38.7, 29.0, 48.7, 37.5),
    "SY": (35.6, 32.2, 42.5, 37.4),
    "IR": (44.0, 25.0, 63.4, 39.9),
    "TR": (25.6, 35.8, 44.9, 42.2),
    "KW": (46.5, 28.5, 48.5, 30.2),
    "SA": (34.4, 16.3, 55.7, 32.3),
    "JO": (34.9, 29.1, 39.4, 33.5),
}


class Problems(list[str]):
    """``file:row: reason`` lines gathered while reading one file."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def add(self, row: int | None, reason: str) -> None:
        where = f"{self.path}:{row}" if row is not None else self.path
        self.append(f"{where}: {reason}")


def _float(value: str, name: str, row: int, problems: Problems) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        problems.add(row, f"{name} {value!r} is not a number")
        return None
    if not math.isfinite(number):
        problems.add(row, f"{name} {value!r} is not finite")
        return None
    return number


def place_from_record(
    record: Mapping[str, Any], row: int, problems: Problems, *, layer: str
) -> Place | None:
    """Build a place from one CSV row or GeoJSON properties; record problems instead of raising."""
    before = len(problems)
    place_id = str(record.get("id") or "").strip()
    name = str(record.get("name") or "").strip()
    kind = str(record.get("kind") or "").strip()
    country = str(record.get("country") or "IQ").strip().upper()
    if not place_id:
        problems.add(row, "id is empty")
    if not name:
        problems.add(row, "name is empty")
    if kind not in KINDS:
        problems.add(row, f"kind {kind!r} is not one of: {', '.join(KINDS)}")
    lat = _float(str(record.get("latitude", "")), "latitude", row, problems)
    lon = _float(str(record.get("longitude", "")), "longitude", row, problems)
    radius_text = str(record.get("radius_km") or "1")
    radius = _float(radius_text, "radius_km", row, problems)
    if radius is not None and radius <= 0:
        problems.add(row, f"radius_km {radius_text!r} must be positive")
    if lat is not None and not -90 <= lat <= 90:
        problems.add(row, f"latitude {lat} is out of range")
    elif lon is not None and not -180 <= lon <= 180:
        problems.add(row, f"longitude {lon} is out of range")
    elif lat is not None and lon is not None:
        bounds = COUNTRY_BOUNDS.get(country)
        if bounds is None and kind != "country":
            problems.add(row, f"country {country!r} is not covered ({', '.join(COUNTRY_BOUNDS)})")
        elif bounds and kind != "country":
            west, south, east, north = bounds
            if not (west <= lon <= east and south <= lat <= north):
                problems.add(row, f"({lat}, {lon}) lies outside {country}")
            elif outside_country(country, lat, lon):
                problems.add(row, f"({lat}, {lon}) lies outside {country}'s outline")
    if not str(record.get("source") or "").strip():
        problems.add(row, "source is empty: say where the coordinate comes from")
    if len(problems) > before or lat is None or lon is None:
        return None
    aliases_field = record.get("aliases") or ()
    if isinstance(aliases_field, str):
        aliases_field = aliases_field.split("|")
    aliases = tuple(dict.fromkeys(a.strip() for a in aliases_field if a and a.strip()))
    population = record.get("population") or 0
    return Place(
        id=place_id,
        name=name,
        kind=kind,
        latitude=lat,
        longitude=lon,
        country=country,
        parent=str(record.get("parent") or "").strip() or None,
        radius_km=radius or 1.0,
        aliases=aliases,
        source=str(record["source"]).strip(),
        layer=layer,
        population=int(float(population)) if str(population).strip() else 0,
    )


def read_places_csv(text: str, problems: Problems, *, layer: str) -> list[Place]:
    """Parse a places CSV; rows with problems are left out and recorded."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        problems.add(1, f"missing column(s): {', '.join(missing)}")
        return []
    places = []
    first_row: dict[str, int] = {}
    for record in reader:
        row = reader.line_num
        place = place_from_record(record, row, problems, layer=layer)
        if place is None:
            continue
        if place.id in first_row:
            problems.add(row, f"duplicate id {place.id!r} (first on row {first_row[place.id]})")
            continue
        first_row[place.id] = row
        places.append(place)
    return places


def read_geojson(
    text: str, problems: Problems, *, layer: str
) -> tuple[list[Place], dict[str, BaseGeometry]]:
    """Parse a FeatureCollection into new places and outlines keyed by place id."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        problems.add(error.lineno, f"not valid JSON: {error.msg}")
        return [], {}
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        problems.add(None, "not a GeoJSON FeatureCollection")
        return [], {}
    places: list[Place] = []
    outlines: dict[str, BaseGeometry] = {}
    for number, feature in enumerate(data.get("features") or [], start=1):
        where = f"feature {number}"
        props = feature.get("properties") or {}
        place_id = str(props.get("id") or "").strip()
        if not place_id:
            problems.append(f"{problems.path}: {where}: properties.id is empty")
            continue
        try:
            geometry = shape(feature["geometry"])
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            problems.append(f"{problems.path}: {where} ({place_id}): bad geometry: {error}")
            continue
        if not geometry.is_valid:
            problems.append(f"{problems.path}: {where} ({place_id}): geometry is not valid")
            continue
        if "name" in props and "kind" in props:
            centre = geometry.representative_point() if geometry.geom_type != "Point" else geometry
            record = {"latitude": centre.y, "longitude": centre.x, **props}
            place = place_from_record(record, number, problems, layer=layer)
            if place is not None:
                places.append(place)
        if geometry.geom_type != "Point":
            outlines[place_id] = geometry
    return places, outlines


class GazetteerFile(NamedTuple):
    """What one file gave: new places, outlines for places by id, and its problems."""

    places: list[Place]
    outlines: dict[str, BaseGeometry]
    problems: Problems


def read_file(path: str | Path, *, layer: str) -> GazetteerFile:
    """Read one gazetteer file (``.csv`` or ``.geojson``/``.json``) with its problems."""
    path = Path(path)
    problems = Problems(str(path))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        problems.add(None, f"cannot be read: {error}")
        return GazetteerFile([], {}, problems)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return GazetteerFile(read_places_csv(text, problems, layer=layer), {}, problems)
    if suffix in (".geojson", ".json"):
        places, outlines = read_geojson(text, problems, layer=layer)
        return GazetteerFile(places, outlines, problems)
    problems.add(None, "unknown file type: use .csv or .geojson")
    return GazetteerFile([], {}, problems)


def attach_outlines(places: Iterable[Place], outlines: Mapping[str, BaseGeometry]) -> list[Place]:
    """Return *places* with each outline set on the place of the same id."""
    return [replace(p, geometry=outlines[p.id]) if p.id in outlines else p for p in places]
