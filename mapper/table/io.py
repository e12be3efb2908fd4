"""Writing and reading incident tables as CSV, GeoJSON or JSON Lines.

The format follows the file extension (:data:`FORMATS`). Every format round-trips
exactly: what :func:`write_incidents` writes, :func:`read_incidents` reads back
with the same values and the dtypes of :mod:`mapper.table.schema`. Output is
deterministic, byte for byte, and written atomically (:mod:`mapper.table.atomic`) so
a failed write never leaves half a table behind. A CSV text cell that a spreadsheet
would run as a formula is written with a leading quote (:func:`guard_formula`),
which reading takes off again.

Two things a table does not keep: an empty string reads back as missing (CSV has
no way to tell them apart, so no format does), and columns beyond the documented
ones read back as text.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import math
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from mapper.errors import IncidentTableError
from mapper.read import numbered_records
from mapper.table.atomic import write_atomically
from mapper.table.cells import Cell, Row, dumps, typed_frame
from mapper.table.schema import INCIDENT_COLUMNS, MERGE_COLUMNS, conform_incidents

#: Columns every table must have.
REQUIRED_COLUMNS: tuple[str, ...] = tuple(INCIDENT_COLUMNS)
_COORDINATES = ("latitude", "longitude")
#: What a GeoJSON feature's properties must hold: a null geometry means no coordinates.
_PROPERTY_COLUMNS = tuple(c for c in REQUIRED_COLUMNS if c not in _COORDINATES)
#: Columns read as numbers: their CSV cells are never guarded against formulas.
_NUMERIC_COLUMNS = frozenset(
    c for c, dtype in {**INCIDENT_COLUMNS, **MERGE_COLUMNS}.items() if dtype != "string"
)


class Format(NamedTuple):
    """How one extension is written (rows -> text) and read (text -> rows)."""

    write: Callable[[list[str], list[dict[str, Cell]]], str]
    read: Callable[[str, str], tuple[list[str], list[Row]]]


def write_incidents(incidents: pd.DataFrame, path: str | Path) -> None:
    """Write an incident table; the format follows the extension.

    Parameters
    ----------
    incidents
        A raw or merged incident table (missing documented columns are added empty).
    path
        ``.csv``; ``.geojson`` (a FeatureCollection of Points, the other columns as
        properties, ``null`` geometry where there are no coordinates); or ``.jsonl``
        (one JSON object per row).

    Raises
    ------
    IncidentTableError
        For an unknown extension, a value JSON cannot hold (infinity), or a file
        that cannot be written (no such folder, no permission).
    """
    path = Path(path)
    table_format = _format(path)
    frame = conform_incidents(incidents)
    columns = [str(column) for column in frame.columns]
    rows = [
        {column: _plain(value) for column, value in zip(columns, values, strict=True)}
        for values in frame.itertuples(index=False, name=None)
    ]
    try:
        content = table_format.write(columns, rows)
    except ValueError as error:
        raise IncidentTableError(f"{path}: cannot be written: {error}") from None
    try:
        write_atomically(path, content)
    except OSError as error:
        raise IncidentTableError(
            f"{path}: cannot be written: {error.strerror or error}"
            " (any table already there is left as it was)"
        ) from None


def read_incidents(path: str | Path) -> pd.DataFrame:
    """Read an incident table written by :func:`write_incidents` (or by hand).

    Raises
    ------
    IncidentTableError
        Naming the file, and the line or feature: unknown extension, missing
        columns, broken rows, numbers that are not numbers, negative counts, dates that
        are not dates, values outside a column's vocabulary.
    """
    path = Path(path)
    table_format = _format(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise IncidentTableError(f"{path}: cannot be read: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise IncidentTableError(
            f"{path}:{line}: not UTF-8 text (byte 0x{raw[error.start]:02X}); save it as UTF-8"
        ) from None
    columns, rows = table_format.read(str(path), text)
    return typed_frame(str(path), columns, rows)


def _format(path: Path) -> Format:
    table_format = FORMATS.get(path.suffix.lower())
    if table_format is None:
        known = ", ".join(sorted(FORMATS))
        raise IncidentTableError(
            f"{path}: unknown incident table format {path.suffix or '(none)'!r} (use {known})"
        )
    return table_format


def _plain(value: Any) -> Cell:
    """A table cell as a plain Python value, None for missing."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return value or None  # CSV cannot tell "" from missing, so no format does
    if isinstance(value, int | float):
        return value
    return str(value)


# --- CSV -------------------------------------------------------------------------


#: What makes a spreadsheet read a cell as a formula, when it comes first (OWASP, CSV
#: Injection): ``=``, ``+``, ``-``, ``@``, tab and carriage return.
FORMULA_STARTS = frozenset("=+-@\t\r")


def guard_formula(value: str) -> str:
    """Text for a CSV cell that no spreadsheet runs as a formula.

    A value that starts with a character of :data:`FORMULA_STARTS`, after any single
    quotes, gets one more quote in front (OWASP's advice); :func:`unguard_formula`
    takes exactly that quote off again, so every value reads back as it was.

    Examples
    --------
    >>> print(guard_formula('=HYPERLINK("http://evil.example/")'))
    '=HYPERLINK("http://evil.example/")
    >>> print(guard_formula("'Twas a rocket"), guard_formula("'-1"), guard_formula("2020"))
    'Twas a rocket ''-1 2020
    """
    if value[:1] in FORMULA_STARTS or (value[:1] == "'" and _after_quotes(value)):
        return "'" + value
    return value


def unguard_formula(value: str) -> str:
    """The value :func:`guard_formula` was given (other text is returned unchanged)."""
    if value[:1] == "'" and _after_quotes(value):
        return value[1:]
    return value


#: First characters of the text that :func:`guard_formula` may change.
_GUARDED_STARTS = FORMULA_STARTS | {"'"}


def _after_quotes(value: str) -> bool:
    """Whether a formula character follows the leading quotes."""
    first = value.lstrip("'")[:1]
    return first != "" and first in FORMULA_STARTS


def _write_csv(columns: list[str], rows: list[dict[str, Cell]]) -> str:
    text = _csv_text(columns, rows, cr_safe=False)
    # csv quotes a cell holding a character of its line terminator, "\n" here, but
    # not a lone CR, which spreadsheets and csv readers take for the end of a row (the
    # rest of the cell would start a row of its own). Rare: only then write it again.
    return _csv_text(columns, rows, cr_safe=True) if "\r" in text else text


def _csv_text(columns: list[str], rows: list[dict[str, Cell]], *, cr_safe: bool) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header: list[Cell] = [guard_formula(c) for c in columns]
    for cells in itertools.chain([header], (_csv_row(row, columns) for row in rows)):
        if cr_safe and any(isinstance(cell, str) and "\r" in cell for cell in cells):
            line = io.StringIO()
            csv.writer(line, lineterminator="\r\n").writerow(cells)  # quotes every CR
            out.write(line.getvalue()[:-2] + "\n")
        else:
            writer.writerow(cells)
    return out.getvalue()


def _csv_row(row: dict[str, Cell], columns: list[str]) -> list[Cell]:
    """Missing as an empty cell, text guarded against formulas, numbers as they are."""
    starts = _GUARDED_STARTS
    return [
        guard_formula(v) if v.__class__ is str and v[:1] in starts else "" if v is None else v
        for v in map(row.__getitem__, columns)
    ]


def _read_csv(path: str, text: str) -> tuple[list[str], list[Row]]:
    header: list[str] | None = None
    rows: list[Row] = []
    for start, cells in numbered_records(io.StringIO(text, newline="")):
        if isinstance(cells, csv.Error):
            raise IncidentTableError(f"{path}:{start}: broken CSV row: {cells}")
        if header is None:
            header = _header(path, start, [unguard_formula(name) for name in cells])
            continue
        if len(cells) != len(header):
            raise IncidentTableError(
                f"{path}:{start}: {len(cells)} fields where the header has {len(header)}"
            )
        values = {
            c: (None if v == "" else v if c in _NUMERIC_COLUMNS else unguard_formula(v))
            for c, v in zip(header, cells, strict=True)
        }
        rows.append((f":{start}", values))
    if header is None:
        raise IncidentTableError(f"{path}: empty file: no header row")
    return header, rows


def _header(path: str, line: int, cells: list[str]) -> list[str]:
    seen: set[str] = set()
    for name in cells:
        if name in seen:
            raise IncidentTableError(f"{path}:{line}: column {name!r} appears twice in the header")
        seen.add(name)
    missing = [c for c in REQUIRED_COLUMNS if c not in seen]
    if missing:
        raise IncidentTableError(f"{path}:{line}: missing columns: {', '.join(missing)}")
    return cells


# --- JSON Lines ------------------------------------------------------------------


def _write_jsonl(columns: list[str], rows: list[dict[str, Cell]]) -> str:
    return "".join(dumps(row) + "\n" for row in rows)


def _read_jsonl(path: str, text: str) -> tuple[list[str], list[Row]]:
    columns: dict[str, None] = {}
    rows: list[Row] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        row = _json_object(where, line)
        _require(where, row, REQUIRED_COLUMNS)
        columns.update(dict.fromkeys(row))
        rows.append((f":{number}", row))
    return list(columns), rows


def _json_object(where: str, text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise IncidentTableError(
            f"{where}: not JSON: {error.msg.removesuffix(' at')} at column {error.colno}"
        ) from None
    except RecursionError:  # json recurses once per bracket
        raise IncidentTableError(f"{where}: not JSON: nested too deeply") from None
    if not isinstance(value, dict):
        raise IncidentTableError(f"{where}: expected a JSON object")
    return value


def _require(where: str, row: dict[str, Any], columns: Iterable[str]) -> None:
    missing = [c for c in columns if c not in row]
    if missing:
        raise IncidentTableError(f"{where}: missing columns: {', '.join(missing)}")


# --- GeoJSON ---------------------------------------------------------------------


def _write_geojson(columns: list[str], rows: list[dict[str, Cell]]) -> str:
    features = [dumps(_feature(row)) for row in rows]
    body = ",\n".join(features)
    return '{"type": "FeatureCollection", "features": [\n' + body + ("\n" if body else "") + "]}\n"


def _feature(row: dict[str, Cell]) -> dict[str, Any]:
    latitude, longitude = row["latitude"], row["longitude"]
    if latitude is not None and longitude is not None:
        geometry: dict[str, Any] | None = {"type": "Point", "coordinates": [longitude, latitude]}
        properties = {k: v for k, v in row.items() if k not in _COORDINATES}
    else:
        geometry, properties = None, dict(row)  # a lone coordinate stays a property
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def _read_geojson(path: str, text: str) -> tuple[list[str], list[Row]]:
    collection = _json_object(path, text)
    features = collection.get("features")
    if collection.get("type") != "FeatureCollection" or not isinstance(features, list):
        raise IncidentTableError(f"{path}: not a GeoJSON FeatureCollection")
    columns: dict[str, None] = dict.fromkeys(REQUIRED_COLUMNS)
    rows: list[Row] = []
    for number, feature in enumerate(features, start=1):
        where = f": feature {number}"
        properties = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(properties, dict):
            raise IncidentTableError(f"{path}{where}: not a Feature with properties")
        row = {**properties, **_point(f"{path}{where}", feature.get("geometry"))}
        _require(f"{path}{where}", row, _PROPERTY_COLUMNS)
        columns.update(dict.fromkeys(properties))
        rows.append((where, row))
    return list(columns), rows


def _point(where: str, geometry: Any) -> dict[str, Any]:
    """``latitude``/``longitude`` from a Point geometry; nothing for a null one."""
    if geometry is None:
        return {}
    if not isinstance(geometry, dict):
        raise IncidentTableError(f"{where}: geometry is not a Point with [longitude, latitude]")
    coordinates = geometry.get("coordinates")
    if geometry.get("type") != "Point" or not isinstance(coordinates, list) or len(coordinates) < 2:
        raise IncidentTableError(f"{where}: geometry is not a Point with [longitude, latitude]")
    return {"longitude": coordinates[0], "latitude": coordinates[1]}


FORMATS: dict[str, Format] = {
    ".csv": Format(_write_csv, _read_csv),
    ".geojson": Format(_write_geojson, _read_geojson),
    ".jsonl": Format(_write_jsonl, _read_jsonl),
}
