"""The incident table turned into the compact data a map page embeds once.

Rows become JSON arrays (field order in :data:`FIELDS`) so 100,000 incidents stay a few
megabytes; the page's script builds markers, popups and filters from them. Values where
merged sources disagree become ``[low, high]`` ranges here, so the page only formats.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd
from shapely.geometry import mapping

from mapper.errors import IncidentTableError
from mapper.table import WEAPONS

if TYPE_CHECKING:
    from gazetteer import Place

#: Weapon -> (colour, glyph) for markers and legend; "unknown" is a missing weapon.
WEAPON_STYLE: dict[str, tuple[str, str]] = {
    "rocket": ("#1f6fb4", "R"),
    "mortar": ("#2e9a3a", "M"),
    "missile": ("#8e5cc2", "Ms"),
    "drone": ("#0f9fb0", "D"),
    "ied": ("#8c564b", "I"),
    "gunfire": ("#9a9a16", "G"),
    "airstrike": ("#d4559f", "A"),
    "explosive": ("#343c82", "E"),
    "other": ("#5b5b5b", "O"),
    "unknown": ("#a4a4a4", "?"),
}
CATEGORIES: tuple[str, ...] = (*WEAPONS, "unknown")

#: Position of each value in a row array; the page script reads the same list.
FIELDS: tuple[str, ...] = (
    "lat",
    "lon",
    "weapon",  # index into CATEGORIES
    "date",  # str, or [first, last] when merged sources differ
    "date_precision",
    "place",
    "geo_precision",
    "circle",  # index into circles (uncertainty), or -1
    "projectiles",  # int, [low, high] or null
    "killed",
    "injured",
    "target",
    "sources",  # [[title, url, source, quote(, date, killed, injured, projectiles)], ...]
    "n_reports",
    "year",  # index into years
    "start",  # first day the date can mean, for the date filter
    "end",  # last day it can mean
    "incident_id",
    "weapons",  # other weapons named by merged sources, or null
)

#: A place this large (km) at geo precision 2 is drawn as a circle, not a pin.
LARGE_RADIUS_KM = 5.0
#: Radius used when the gazetteer does not know the place.
DEFAULT_RADIUS_KM: dict[int, float] = {3: 50.0, 2: 10.0}
#: View used when no incident has a location: Iraq.
IRAQ_BOUNDS = [[29.0, 38.8], [37.4, 48.6]]


@dataclass(frozen=True, slots=True)
class MapPayload:
    """Everything the page needs, plus the figures the legend and title show."""

    data: dict[str, Any]
    summary: str
    weapon_counts: dict[str, int]
    bounds: list[list[float]]


def _values(frame: pd.DataFrame, column: str) -> list[Any]:
    """Column as a list with ``None`` for missing values (never pd.NA or NaN)."""
    if column not in frame.columns:
        return [None] * len(frame)
    series = frame[column]
    return series.astype(object).where(series.notna(), None).tolist()


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


def span(values: Iterable[Any]) -> Any:
    """One value, or ``[low, high]`` when the given (non-null) values differ."""
    present = sorted({v for v in values if v is not None})
    if not present:
        return None
    return present[0] if len(present) == 1 else [present[0], present[-1]]


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _parse_sources(row: dict[str, Any]) -> list[dict[str, Any]]:
    """The merged row's ``sources`` JSON as a list of objects (empty for a raw row)."""
    if not row["sources"]:
        return []
    try:
        parsed = json.loads(row["sources"])
    except json.JSONDecodeError as error:
        raise IncidentTableError(
            f"incident {row['incident_id']}: its sources column is not JSON ({error.msg})"
        ) from None
    except RecursionError:  # json recurses once per bracket
        raise IncidentTableError(
            f"incident {row['incident_id']}: its sources column is nested too deeply"
        ) from None
    return [s for s in parsed if isinstance(s, dict)] if isinstance(parsed, list) else []


def _source_entries(row: dict[str, Any], merged: list[dict[str, Any]]) -> list[list[Any]]:
    """Each source's own fields; a raw incident is its own single source.

    A hand-edited ``sources`` value may hold anything JSON can: text fields must be
    text and counts whole numbers, or the incident is named as broken.
    """
    if not merged:
        # The row's own columns are typed already (the table is conformed).
        return [[row[key] for key in (*_SOURCE_TEXTS, *_SOURCE_COUNTS)]]
    return [
        [
            *(_source_text(row, s, key) for key in _SOURCE_TEXTS),
            *(_source_count(row, s.get(key)) for key in _SOURCE_COUNTS),
        ]
        for s in merged
    ]


#: A source entry's fields, in order: its texts, then its counts.
_SOURCE_TEXTS = ("title", "url", "source", "quote", "date")
_SOURCE_COUNTS = ("killed", "injured", "projectiles")


def _source_text(row: dict[str, Any], source: dict[str, Any], key: str) -> str | None:
    value = source.get(key)
    if value is None or isinstance(value, str):
        return value
    raise IncidentTableError(
        f"incident {row['incident_id']}: a source's {key} is not text: {value!r:.60}"
    )


def _source_count(row: dict[str, Any], value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    raise IncidentTableError(
        f"incident {row['incident_id']}: a source has a count that is not a number ({value!r})"
    )


class _Strings:
    """Repeated strings (titles, URLs, outlet names) stored once; rows hold their index."""

    def __init__(self) -> None:
        self.values: list[str] = []
        self._index: dict[str, int] = {}

    def index(self, value: str | None) -> int:
        if value is None:
            return -1
        if value not in self._index:
            self._index[value] = len(self.values)
            self.values.append(value)
        return self._index[value]


def _compact(entries: list[list[Any]], strings: _Strings) -> list[list[Any]]:
    """Source entries for the page: strings by index; a lone source needs no own figures."""
    keep = 8 if len(entries) > 1 else 4
    index = strings.index
    return [[index(e[0]), index(e[1]), index(e[2]), *e[3:keep]] for e in entries]


def _count(row_value: Any, entries: list[list[Any]], index: int) -> Any:
    """The row's figure, or its sources' range where they differ and the row keeps the
    merged (highest) figure: a figure edited in the table is shown as edited."""
    value = _int(row_value)
    if len(entries) > 1:
        ranged = span(e[index] for e in entries)
        if isinstance(ranged, list) and value == ranged[1]:
            return ranged
    return value


def _date_range(row_date: str | None, entries: list[list[Any]]) -> list[str] | None:
    """The first and last of the sources' dates where they differ and the row keeps one
    of them; a coarser date that a finer one falls in (a month-only round-up) agrees."""
    at = _SOURCE_TEXTS.index("date")
    dates = {e[at] for e in entries if e[at]}
    finest = sorted(d for d in dates if not any(o != d and o.startswith(d) for o in dates))
    if len(finest) > 1 and row_date in finest:
        return [finest[0], finest[-1]]
    return None


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
    strings = _Strings()
    rows = []
    for r in located:
        place = known.get(r["place_id"]) if r["place_id"] else None
        lat, lon = _coordinates(r)
        radius = _radius_km(_int(r["geo_precision"]), place)
        circle = -1
        if radius:
            # One circle per place: its incidents all share the place's centre and radius.
            key = (r["place_id"],) if r["place_id"] else (lat, lon, radius)
            if key not in circle_index:
                circle_index[key] = len(circles)
                circles.append([lat, lon, round(radius * 1000), r["place"] or "", 0])
            circle = circle_index[key]
            circles[circle][4] += 1
        merged = _parse_sources(r)
        entries = _source_entries(r, merged)
        weapon = _weapon_index(r["weapon"])
        counts[CATEGORIES[weapon]] += 1
        named = {_source_text(r, s, "weapon") for s in merged} - {None, "", r["weapon"]}
        other_weapons = sorted(str(w) for w in named) or None
        date = _date_range(r["date"], entries) if len(entries) > 1 else None
        start, end = period(r["date"])
        rows.append(
            [
                lat,
                lon,
                weapon,
                date or r["date"],
                r["date_precision"],
                r["place"],
                _int(r["geo_precision"]),
                circle,
                _count(r["projectiles"], entries, 7),
                _count(r["killed"], entries, 5),
                _count(r["injured"], entries, 6),
                r["target"],
                _compact(entries, strings),
                _int(r["n_reports"]) or len(entries),
                year_index[r["date"][:4]] if r["date"] else -1,
                start,
                end,
                r["incident_id"],
                other_weapons,
            ]
        )
    bounds = _bounds(rows, circles) if located else IRAQ_BOUNDS
    dated = [r["date"] for r in located if r["date"]]
    data = {
        "fields": list(FIELDS),
        "categories": [
            {
                "key": c,
                "colour": WEAPON_STYLE[c][0],
                "glyph": WEAPON_STYLE[c][1],
                "count": counts[c],
            }
            for c in CATEGORIES
        ],
        "years": years,
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
    return MapPayload(data=data, summary=summary, weapon_counts=counts, bounds=bounds)
