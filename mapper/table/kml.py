"""Incident tables as KML, for Google Earth and other GIS programs (written only).

One ``Placemark`` per incident: its ``name`` the place (or the incident id), a
``TimeStamp`` with the date as precise as it is known (``2020-11-17``, ``2020-11`` or
``2020``: KML takes all three), a ``Point`` at ``longitude,latitude`` (none when the
incident has no coordinates), every column in ``ExtendedData`` as plain text, and a
short ``description`` (date, weapon, casualties, the quote, the report's address).
Google Earth shows a description as HTML, so its text is HTML-escaped before the XML
escaping, and a balloon style shows the description alone: report text never becomes
markup. Characters XML cannot hold are written as U+FFFD.
"""

from __future__ import annotations

import re
from html import escape as html_escape
from xml.sax.saxutils import escape, quoteattr

from mapper.table.cells import Cell

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<kml xmlns="http://www.opengis.net/kml/2.2">\n'
    "<Document>\n"
    "<name>Incidents</name>\n"
    '<Style id="incident"><BalloonStyle><text>$[description]</text></BalloonStyle></Style>\n'
)
_TAIL = "</Document>\n</kml>\n"


def write_kml(columns: list[str], rows: list[dict[str, Cell]]) -> str:
    """The KML document of a table's rows (plain cells, None for missing)."""
    return _HEAD + "".join(_placemark(columns, row) for row in rows) + _TAIL


def _placemark(columns: list[str], row: dict[str, Cell]) -> str:
    name = row.get("place") or row.get("incident_id") or "incident"
    parts = [
        "<Placemark>",
        f"<name>{_xml(name)}</name>",
        "<styleUrl>#incident</styleUrl>",
        f"<description>{_xml(html_escape(_description(row)))}</description>",
    ]
    if row.get("date"):
        parts.append(f"<TimeStamp><when>{_xml(row['date'])}</when></TimeStamp>")
    data = "".join(
        f"<Data name={quoteattr(_clean(column))}><value>{_xml(value)}</value></Data>"
        for column in columns
        if (value := row.get(column)) is not None
    )
    parts.append(f"<ExtendedData>{data}</ExtendedData>")
    latitude, longitude = row.get("latitude"), row.get("longitude")
    if latitude is not None and longitude is not None:
        parts.append(f"<Point><coordinates>{longitude!r},{latitude!r}</coordinates></Point>")
    parts.append("</Placemark>\n")
    return "".join(parts)


def _description(row: dict[str, Cell]) -> str:
    """Date, weapon, casualties, the quote and the address, one per line."""
    facts = [
        str(row["date"]) if row.get("date") else "date unknown",
        str(row["weapon"]) if row.get("weapon") else "",
        *(f"{row[k]} {k}" for k in ("killed", "injured") if row.get(k) is not None),
    ]
    lines = [", ".join(fact for fact in facts if fact)]
    lines += [str(row[k]) for k in ("quote", "url") if row.get(k)]
    return "\n".join(lines)


def _clean(value: object) -> str:
    return _ILLEGAL.sub("\ufffd", str(value))


def _xml(value: object) -> str:
    return escape(_clean(value))
