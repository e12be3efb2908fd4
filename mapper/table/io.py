"""Writing and reading incident tables: CSV, GeoJSON, JSON Lines, XLSX, KML, Parquet.

The format follows the file extension (:data:`FORMATS`). Every format but KML
round-trips exactly: what :func:`write_incidents` writes, :func:`read_incidents`
reads back with the same values and the dtypes of :mod:`mapper.table.schema`. KML,
for Google Earth, is written only. Output is deterministic, byte for byte, and
written atomically (:mod:`mapper.table.atomic`) so a failed write never leaves half a
table behind. A CSV or XLSX text cell that a spreadsheet would run as a formula is
written with a leading quote (:func:`guard_formula`), which reading takes off again.

Two things a table does not keep: an empty string reads back as missing (CSV has
no way to tell them apart, so no format does), and columns beyond the documented
ones read back as text.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from mapper.errors import IncidentTableError
from mapper.table.atomic import write_atomically
from mapper.table.cells import Cell, Row, dumps, typed_frame
from mapper.table.csvfile import read_csv, write_csv
from mapper.table.dataset import dataset_rows, is_dataset, write_dataset
from mapper.table.formulas import FORMULA_STARTS, guard_formula, unguard_formula
from mapper.table.kml import write_kml
from mapper.table.parquet import parquet_bytes, parquet_rows
from mapper.table.schema import INCIDENT_COLUMNS, conform_incidents
from mapper.table.xlsx import read_xlsx, write_xlsx

__all__ = [
    "FORMATS",
    "FORMULA_STARTS",
    "REQUIRED_COLUMNS",
    "Format",
    "guard_formula",
    "read_incidents",
    "read_rows",
    "unguard_formula",
    "write_incidents",
    "write_rows",
]

#: Columns every table must have.
REQUIRED_COLUMNS: tuple[str, ...] = tuple(INCIDENT_COLUMNS)
_COORDINATES = ("latitude", "longitude")
#: Rows as a format reads them: the file's path, its text (bytes for a binary format)
#: and the columns it must have -> the columns and the rows.
Reader = Callable[[str, Any, Collection[str]], tuple[list[str], list[Row]]]


class Format(NamedTuple):
    """How one extension is written (rows -> text) and read (text -> rows).

    A ``binary`` format writes bytes and reads the file's bytes, not its text; a
    format without ``read`` is written only.
    """

    write: Callable[[list[str], list[dict[str, Cell]]], Any]
    read: Reader | None
    binary: bool = False


def write_incidents(incidents: pd.DataFrame, path: str | Path) -> None:
    """Write an incident table; the format follows the extension.

    Parameters
    ----------
    incidents
        A raw or merged incident table (missing documented columns are added empty).
    path
        ``.csv``; ``.geojson`` (a FeatureCollection of Points, the other columns as
        properties, ``null`` geometry where there are no coordinates, ``sources`` a
        JSON array); ``.jsonl`` (one JSON object per row); ``.xlsx`` (one sheet, a
        header row; needs openpyxl); ``.kml`` (a Placemark per incident, for Google
        Earth; written only); or ``.parquet`` (needs pyarrow).

    Raises
    ------
    IncidentTableError
        For an unknown extension, a value JSON cannot hold (infinity), or a file
        that cannot be written (no such folder, no permission).
    """
    frame = conform_incidents(incidents)
    columns = [str(column) for column in frame.columns]
    write_rows(columns, plain_rows(frame), path)


def plain_rows(frame: pd.DataFrame) -> list[dict[str, Cell]]:
    """The rows of *frame* as plain Python cells, None for missing."""
    columns = [str(column) for column in frame.columns]
    cells = [_plain_column(frame.iloc[:, at]) for at in range(len(columns))]
    return [dict(zip(columns, values, strict=True)) for values in zip(*cells, strict=True)]


def _plain_column(column: pd.Series) -> list[Cell]:
    """:func:`_plain` of each cell of *column*, a column at a time for the table's dtypes."""
    values = column.tolist()
    dtype = column.dtype
    if isinstance(dtype, pd.StringDtype):
        return [v if v.__class__ is str and v else None for v in values]
    if isinstance(dtype, pd.Int64Dtype):
        return [None if v is pd.NA else v for v in values]
    if isinstance(dtype, pd.Float64Dtype):
        return [None if v is pd.NA or v != v else v for v in values]
    return [_plain(value) for value in values]


def write_rows(columns: list[str], rows: list[dict[str, Cell]], path: str | Path) -> None:
    """Write rows of any columns in the format of *path*'s extension, atomically.

    Raises
    ------
    IncidentTableError
        As :func:`write_incidents`.
    """
    path = Path(path)
    if is_dataset(path):
        write_dataset(path, columns, rows)
        return
    table_format = _format(path)
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

    Parameters
    ----------
    path
        A ``.csv``, ``.geojson``, ``.jsonl``, ``.xlsx`` or ``.parquet`` table with
        every documented column (:func:`mapper.table.read_hand_made` takes less).

    Returns
    -------
    pandas.DataFrame
        The table with the documented dtypes: ``Int64`` counts, never NaN floats.

    Raises
    ------
    IncidentTableError
        Naming the file, and the line or feature: unknown extension, missing
        columns, broken rows, numbers that are not numbers, negative counts, dates that
        are not dates, values outside a column's vocabulary.
    """
    columns, rows = read_rows(path, REQUIRED_COLUMNS)
    return typed_frame(str(path), columns, rows)


def read_rows(path: str | Path, required: Collection[str]) -> tuple[list[str], list[Row]]:
    """The columns and untyped rows of a table file that must hold *required* columns.

    Raises
    ------
    IncidentTableError
        As :func:`read_incidents`, and for a format that is written only (KML).
    """
    path = Path(path)
    if is_dataset(path):
        return dataset_rows(path)  # Parquet holds every documented column
    table_format = _format(path)
    if table_format.read is None:
        readable = ", ".join(sorted(e for e, f in FORMATS.items() if f.read is not None))
        raise IncidentTableError(
            f"{path}: {path.suffix.lower()} is written for other programs, not read back;"
            f" keep a table in {readable}"
        )
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise IncidentTableError(f"{path}: cannot be read: {error.strerror or error}") from None
    try:
        text = "" if table_format.binary else raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise IncidentTableError(
            f"{path}:{line}: not UTF-8 text (byte 0x{raw[error.start]:02X}); save it as UTF-8"
        ) from None
    return table_format.read(str(path), raw if table_format.binary else text, required)


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


# --- JSON Lines ------------------------------------------------------------------


def write_jsonl(columns: list[str], rows: list[dict[str, Cell]]) -> str:
    """The JSON Lines text of a table's rows: one object a line."""
    return "".join(jsonl_lines(rows))


def jsonl_lines(rows: list[dict[str, Cell]]) -> list[str]:
    """Each row's JSON Lines text, with its newline."""
    return [dumps(row) + "\n" for row in rows]


def _read_jsonl(path: str, text: str, required: Collection[str]) -> tuple[list[str], list[Row]]:
    columns: dict[str, None] = {}
    rows: list[Row] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        row = _json_object(where, line)
        _require(where, row, required)
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
    sources = properties.get("sources")
    if isinstance(sources, str):
        properties["sources"] = _json_array(sources)
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def _json_array(text: str) -> Any:
    """``sources`` as the JSON array it holds, when reading it back gives the same text."""
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return text
    return value if isinstance(value, list) and dumps(value) == text else text


def _read_geojson(path: str, text: str, required: Collection[str]) -> tuple[list[str], list[Row]]:
    collection = _json_object(path, text)
    features = collection.get("features")
    if collection.get("type") != "FeatureCollection" or not isinstance(features, list):
        raise IncidentTableError(f"{path}: not a GeoJSON FeatureCollection")
    # A null geometry is an incident without coordinates: only the rest must be there.
    in_properties = [c for c in required if c not in _COORDINATES]
    columns: dict[str, None] = dict.fromkeys(required)
    rows: list[Row] = []
    for number, feature in enumerate(features, start=1):
        where = f": feature {number}"
        properties = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(properties, dict):
            raise IncidentTableError(f"{path}{where}: not a Feature with properties")
        row = {**properties, **_point(f"{path}{where}", feature.get("geometry"))}
        _require(f"{path}{where}", row, in_properties)
        columns.update(dict.fromkeys(row))
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


def _read_parquet(path: str, raw: bytes, required: Collection[str]) -> tuple[list[str], list[Row]]:
    return parquet_rows(path, raw)  # always every documented column


FORMATS: dict[str, Format] = {
    ".csv": Format(write_csv, read_csv),
    ".geojson": Format(_write_geojson, _read_geojson),
    ".jsonl": Format(write_jsonl, _read_jsonl),
    ".kml": Format(write_kml, None),
    ".parquet": Format(parquet_bytes, _read_parquet, binary=True),
    ".xlsx": Format(write_xlsx, read_xlsx, binary=True),
}
