"""The incident table turned into the compact data a map page embeds once.

Rows become JSON arrays (field order in :data:`FIELDS`) so 100,000 incidents stay a few
megabytes; the page's script builds markers, popups and filters from them. Values where
merged sources disagree become ``[low, high]`` ranges here, so the page only formats.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import pandas as pd
from shapely.geometry import mapping

from mapper.errors import IncidentTableError
from mapper.render.sources import (
    Strings,
    compact,
    count,
    date_range,
    int_or_none,
    parse_sources,
    source_entries,
    source_text,
)
from mapper.render.symbols import CATEGORIES, COLOURS, pictogram
from mapper.table import WEAPONS

if TYPE_CHECKING:
    from gazetteer import Place

#: Position of each value in a row array; the page script reads the same list. The first
#: :data:`DRAWN_FIELDS` are what drawing, filters and the time slider need; the rest only
#: popups and tooltips (a big map keeps them as text until one opens: :func:`split_rows`).
FIELDS: tuple[str, ...] = (
    "lat",
    "lon",
    "weapon",  # index into CATEGORIES
    "geo_precision",
    "circle",  # index into circles (uncertainty), or -1
    "killed",  # int, [low, high] or null
    "injured",
    "target",
    "n_reports",
    "year",  # index into years
    "start",  # first day the date can mean, for the date filter
    "end",  # last day it can mean
    "date",  # str, or [first, last] when merged sources differ
    "date_precision",
    "place",
    "projectiles",
    "sources",  # [[title, url, source, quote(, date, killed, injured, projectiles)], ...]
    "incident_id",
    "weapons",  # other weapons named by merged sources, or null
)
DRAWN_FIELDS = FIELDS.index("date")

#: A place this large (km) at geo precision 2 is drawn as a circle, not a pin.
LARGE_RADIUS_KM = 5.0
#: Radius used when the gazetteer does not know the place.
DEFAULT_RADIUS_KM: dict[int, float] = {3: 50.0, 2: 10.0}
#: Targets offered as filters one by one; rarer ones are grouped as "other".
MAX_TARGETS = 12
#: View used when no incident has a location: Iraq.
IRAQ_BOUNDS = [[29.0, 38.8], [37.4, 48.6]]


@dataclass(frozen=True, slots=True)
class MapPayload:
    """Everything the page needs, plus the figures the legend and title show."""

    data: dict[str, Any]
    summary: str
    weapon_counts: dict[str, int]
    bounds: list[list[float]]
    #: Legend keys the map uses: "killed", "injured", "merged", "uncertain", "circle",
    #: "region", "area", "cluster".
    keys: frozenset[str] = frozenset()


def _values(frame: pd.DataFrame, column: str) -> list[Any]:
    """Column as a list with ``None`` for missing values (never pd.NA or NaN)."""
    if column not in frame.columns:
        return [None] * len(frame)
    series = frame[column]
    return series.astype(object).where(series.notna(), None).tolist()


@cache  # a big table has far fewer dates than incidents
def period(date: str | None) -> tuple[str | None, str | None]:
    """First and last day a cut date can mean: ``"2020-11"`` -> 2020-11-01, 2020-11-31.

    Day 31 stands for "end of month": the bounds are only compared as strings.
    """
    if not date:
        return None, None
    if len(date) == 4:
        return f"{date}-01-01", f"{date}-12-31"
    if len(date) == 7:
        return f"{date}-01", f"{date}-31"
    return date[:10], date[:10]


@cache
def _weapon_index(weapon: str | None) -> int:
    if weapon is None:
        return CATEGORIES.index("unknown")
    return CATEGORIES.index(weapon) if weapon in WEAPONS else CATEGORIES.index("other")


def _areas(places: dict[str, Place]) -> dict[str, Any]:
    features = []
    for place_id in sorted(places):
        place = places[place_id]
        if place.geometry is None or place.geometry.geom_type not in ("Polygon", "MultiPolygon"):
            continue
        geometry = json.loads(json.dumps(mapping(place.geometry)))
        features.append(
            {
                "type": "Feature",
                "properties": {"id": place.id, "name": place.name, "kind": place.kind},
                "geometry": geometry,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _radius_km(geo_precision: int | None, place: Place | None) -> float:
    """Uncertainty radius to draw, or 0 when a pin is honest."""
    if geo_precision not in (2, 3):
        return 0.0
    radius = place.radius_km if place is not None else DEFAULT_RADIUS_KM[geo_precision]
    if geo_precision == 2 and radius < LARGE_RADIUS_KM:
        return 0.0
    return float(radius)


def _bounds(rows: list[list[Any]], circles: list[list[Any]]) -> list[list[float]]:
    """South-west and north-east corners of every point and uncertainty circle."""
    lats = [row[0] for row in rows]
    lons = [row[1] for row in rows]
    for lat, lon, radius_m, *_ in circles:
        dlat = radius_m / 111_320
        dlon = dlat / max(math.cos(math.radians(lat)), 0.01)
        lats += [lat - dlat, lat + dlat]
        lons += [lon - dlon, lon + dlon]
    return [[round(min(lats), 5), round(min(lons), 5)], [round(max(lats), 5), round(max(lons), 5)]]


def _coordinates(row: dict[str, Any]) -> tuple[float, float]:
    """A row's rounded latitude and longitude, refused when they are not on the globe."""
    lat, lon = float(row["latitude"]), float(row["longitude"])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):  # also false for NaN
        raise IncidentTableError(
            f"incident {row['incident_id']}: latitude {lat} / longitude {lon} "
            "is not a place on Earth (-90 to 90, -180 to 180)"
        )
    return round(lat, 5), round(lon, 5)


def _report_count(report_ids: Iterable[str | None]) -> int:
    ids = {part for value in report_ids if value for part in value.split(";") if part}
    return len(ids)


def _summary(n_incidents: int, n_reports: int, dates: list[str], n_unplaced: int) -> str:
    noun = "incident" if n_incidents == 1 else "incidents"
    reports = "report" if n_reports == 1 else "reports"
    text = f"{n_incidents:,} {noun} from {n_reports:,} {reports}"
    text += f", {min(dates)} – {max(dates)}" if dates else ", dates unknown"
    if n_unplaced:
        text += f" ({n_unplaced:,} without a location not shown)"
    return text


#: Table columns the payload reads.
_COLUMNS: tuple[str, ...] = (
    *("latitude", "longitude", "weapon", "date", "date_precision", "place", "place_id"),
    *("geo_precision", "projectiles", "killed", "injured", "target", "quote", "title"),
    *("url", "source", "report_id", "incident_id", "n_reports", "sources"),
)


def build_payload(
    incidents: pd.DataFrame, places: Callable[[Iterable[str]], dict[str, Place]]
) -> MapPayload:
    """Turn an incident table into the page's data, its summary line and its bounds.

    Parameters
    ----------
    incidents
        A conformed incident table, raw or merged.
    places
        Called once with the distinct place ids; returns the gazetteer places it knows.
    """
    columns = [*_COLUMNS]
    table = {name: _values(incidents, name) for name in columns}
    known = places(sorted({p for p in table["place_id"] if p}))
    all_rows = [
        dict(zip(columns, values, strict=True)) for values in zip(*table.values(), strict=True)
    ]
    located = [r for r in all_rows if r["latitude"] is not None and r["longitude"] is not None]

    years = sorted({r["date"][:4] for r in located if r["date"]})
    year_index = {year: i for i, year in enumerate(years)}
    circles: list[list[Any]] = []
    circle_index: dict[tuple[Any, ...], int] = {}
    counts = dict.fromkeys(CATEGORIES, 0)
    strings = Strings()
    rows = []
    for r in located:
        place = known.get(r["place_id"]) if r["place_id"] else None
        lat, lon = _coordinates(r)
        precision = int_or_none(r["geo_precision"])
        radius = _radius_km(precision, place)
        circle = -1
        if radius:
            # One circle per place: its incidents all share the place's centre and radius.
            key = (r["place_id"],) if r["place_id"] else (lat, lon, radius)
            if key not in circle_index:
                circle_index[key] = len(circles)
                circles.append([lat, lon, round(radius * 1000), r["place"] or "", 0, 3])
            circle = circle_index[key]
            circles[circle][4] += 1
            # Drawn as a region (lighter) only while no incident knows better than that.
            circles[circle][5] = min(circles[circle][5], precision or 3)
        merged = parse_sources(r)
        entries = source_entries(r, merged)
        weapon = _weapon_index(r["weapon"])
        counts[CATEGORIES[weapon]] += 1
        other_weapons = None
        if merged:
            named = {source_text(r, s, "weapon") for s in merged} - {None, "", r["weapon"]}
            other_weapons = sorted(str(w) for w in named) or None
        date = date_range(r["date"], entries) if len(entries) > 1 else None
        start, end = period(r["date"])
        rows.append(
            [
                lat,
                lon,
                weapon,
                precision,
                circle,
                count(r["killed"], entries, 5),
                count(r["injured"], entries, 6),
                r["target"],
                int_or_none(r["n_reports"]) or len(entries),
                year_index[r["date"][:4]] if r["date"] else -1,
                start,
                end,
                date or r["date"],
                r["date_precision"],
                r["place"],
                count(r["projectiles"], entries, 7),
                compact(entries, strings),
                r["incident_id"],
                other_weapons,
            ]
        )
    bounds = _bounds(rows, circles) if located else IRAQ_BOUNDS
    dated = [r["date"] for r in located if r["date"]]
    data: dict[str, Any] = {
        "fields": list(FIELDS),
        "categories": [
            {"key": c, "colour": COLOURS[c], "icon": pictogram(c), "count": counts[c]}
            for c in CATEGORIES
        ],
        "years": years,
        "targets": _common_targets(located),
        "undated": sum(1 for r in located if not r["date"]),
        "strings": strings.values,
        "rows": rows,
        "circles": circles,
        "areas": _areas(known),
        "bounds": bounds,
        "dateRange": [period(min(dated))[0], period(max(dated))[1]] if dated else None,
    }
    summary = _summary(
        len(located), _report_count(table["report_id"]), dated, len(all_rows) - len(located)
    )
    return MapPayload(
        data=data,
        summary=summary,
        weapon_counts=counts,
        bounds=bounds,
        keys=_legend_keys(rows, circles, data["areas"]),
    )


def split_rows(data: dict[str, Any]) -> tuple[dict[str, Any], list[list[Any]]]:
    """The page data with each row cut to its :data:`DRAWN_FIELDS`, and the rest of each row.

    A big map parses the first up front and each of the second only when its incident's
    popup or tooltip opens (``"details": true`` tells the page).
    """
    rows = data["rows"]
    drawn = {**data, "rows": [row[:DRAWN_FIELDS] for row in rows], "details": True}
    return drawn, [row[DRAWN_FIELDS:] for row in rows]


def _common_targets(rows: list[dict[str, Any]]) -> list[str]:
    """The targets offered one by one as filters: the most frequent first."""
    counts = Counter(r["target"] for r in rows if r["target"])
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [target for target, _ in ranked[:MAX_TARGETS]]


def _highest(value: Any) -> int:
    """The highest figure of a value, a ``[low, high]`` range or ``None`` (as 0)."""
    if isinstance(value, list):
        return int(value[1])
    return int(value or 0)


def _legend_keys(
    rows: list[list[Any]], circles: list[list[Any]], areas: dict[str, Any]
) -> frozenset[str]:
    """Which symbols besides the weapons the map draws, so the legend lists only those."""
    at = {name: i for i, name in enumerate(FIELDS)}
    keys = set()
    for row in rows:
        killed = _highest(row[at["killed"]]) > 0
        keys.add("killed" if killed else "")
        keys.add("injured" if not killed and _highest(row[at["injured"]]) > 0 else "")
        keys.add("merged" if (row[at["n_reports"]] or 0) > 1 else "")
        keys.add("uncertain" if row[at["circle"]] >= 0 else "")
        if len(keys) == 5:  # all four, and "": the rest of a big table cannot add one
            break
    keys |= {"region" if circle[5] == 3 else "circle" for circle in circles}
    keys.add("area" if areas["features"] else "")
    keys.add("cluster" if len(rows) > 1 else "")
    return frozenset(keys - {""})
