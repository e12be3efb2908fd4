"""Tables made by hand: only coordinates needed, the rest filled where it can be.

``mapper render`` reads a table through :func:`read_hand_made`. A table the mapper
wrote reads exactly as :func:`~mapper.table.read_incidents` reads it, with nothing
assumed. A table a user made needs ``latitude`` and ``longitude`` (or ``lat`` and
``lon``/``lng``/``long``); every other column is optional. What can be told from the
table is filled, and each assumption is said:

* column names are matched without regard to case and surrounding spaces, and the
  usual other names are renamed (:data:`ALIASES`: ``lat``, ``lon``, ACLED's
  ``event_date``, ``location``, ``fatalities``, ``notes``, ``event_id_cnty``);
* a date with a time (``2020-11-17T21:30``, ``2020-11-17 21:30:00``) is cut to its day;
* without a ``date_precision`` column, it follows the form of the date (day, month,
  year; ``unknown`` without one);
* without an ``incident_id`` column, it is ``<file stem>-<row>``; without a
  ``report_id`` column, it is the incident's id (each row counts as its own report);
* a column the table has is the user's: an empty cell in it stays empty;
* every other missing column stays empty: no weapon, place or figure is guessed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from mapper.errors import IncidentTableError
from mapper.table.cells import Row, typed_frame
from mapper.table.io import read_rows
from mapper.table.schema import INCIDENT_COLUMNS, MERGE_COLUMNS

#: Other names for the documented columns (lower case) -> the column.
ALIASES: dict[str, str] = {
    "lat": "latitude",
    "lon": "longitude",
    "lng": "longitude",
    "long": "longitude",
    "event_date": "date",
    "location": "place",
    "fatalities": "killed",
    "notes": "quote",
    "event_id_cnty": "incident_id",
}
_COORDINATES = ("latitude", "longitude")
_DATE_TIME_RE = re.compile(
    r"(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
)
_PRECISION_BY_LENGTH = {10: "day", 7: "month", 4: "year"}


class HandMadeTable(NamedTuple):
    """A table read by :func:`read_hand_made`: the incidents and what was assumed."""

    incidents: pd.DataFrame
    assumed: list[str]


def read_hand_made(path: str | Path) -> HandMadeTable:
    """Read an incident table that may lack every column but the coordinates.

    Parameters
    ----------
    path
        A ``.csv``, ``.geojson``, ``.jsonl`` or ``.xlsx`` table (or ``.parquet``, which
        must be complete) with ``latitude`` and ``longitude`` columns, or a GeoJSON
        file of Points.

    Returns
    -------
    HandMadeTable
        The table with every documented column and its dtype, and one sentence per
        assumption made (none for a table the mapper wrote).

    Raises
    ------
    IncidentTableError
        As :func:`~mapper.table.read_incidents`; for a table without coordinates,
        naming the columns it needs.
    """
    name = str(path)
    columns, rows = read_rows(path, required=())
    assumed: list[str] = []
    columns, rows = _renamed(name, columns, rows, assumed)
    missing = [c for c in _COORDINATES if c not in columns]
    if missing:
        raise IncidentTableError(
            f"{name}: missing columns: {', '.join(missing)} (a table needs at least latitude"
            " and longitude, or lat and lon; date and every other column are optional)"
        )
    absent_ids = [c for c in ("date_precision", "incident_id", "report_id") if c not in columns]
    _fill(Path(path).stem, rows, absent_ids, assumed)
    columns = list(dict.fromkeys([*columns, *absent_ids]))
    absent = [c for c in INCIDENT_COLUMNS if c not in columns and c != "date"]
    if "date" not in columns:
        assumed.append("no date column: every incident is undated")
    if absent:
        assumed.append(f"no {', '.join(absent)} column: left empty")
    return HandMadeTable(typed_frame(name, columns, rows), assumed)


def _renamed(
    name: str, columns: list[str], rows: list[Row], assumed: list[str]
) -> tuple[list[str], list[Row]]:
    """Columns under their documented names, when a table uses another."""
    known = {**INCIDENT_COLUMNS, **MERGE_COLUMNS}
    renames: dict[str, str] = {}
    for column in columns:
        if column in known:
            continue
        folded = column.strip().lower()
        target = folded if folded in known else ALIASES.get(folded)
        if target is not None and target not in columns and target not in renames.values():
            renames[column] = target
    if not renames:
        return columns, rows
    assumed.append("read " + ", ".join(f"{old!r} as {new!r}" for old, new in renames.items()))
    renamed = [(where, {renames.get(k, k): v for k, v in row.items()}) for where, row in rows]
    return [renames.get(c, c) for c in columns], renamed


def _fill(stem: str, rows: list[Row], absent: list[str], assumed: list[str]) -> None:
    """Cut dates with a time, and fill the *absent* columns of date precisions and ids,
    in place, noting what was done. A column the table has is the user's: an empty
    cell in it stays empty."""
    filled: dict[str, int] = {}

    def note(what: str) -> None:
        filled[what] = filled.get(what, 0) + 1

    for number, (_, row) in enumerate(rows, start=1):
        date = row.get("date")
        if isinstance(date, str) and (timed := _DATE_TIME_RE.fullmatch(date.strip())):
            row["date"] = date = timed.group(1)
            note("time")
        if "date_precision" in absent:
            row["date_precision"] = _precision(date)
            note("date_precision")
        if "incident_id" in absent:
            row["incident_id"] = f"{stem}-{number}"
            note("incident_id")
        if "report_id" in absent:
            row["report_id"] = row.get("incident_id")
            note("report_id")
    sentences = {
        "time": "dates with a time of day cut to the day",
        "date_precision": "date_precision taken from each date's form (day, month or year)",
        "incident_id": f"incident ids made up as '{stem}-<row>'",
        "report_id": "no report_id column: each row counted as a report of its own",
    }
    for what, sentence in sentences.items():
        if what in filled:
            assumed.append(f"{sentence} ({filled[what]} of {len(rows)} rows)")


def _precision(date: Any) -> str:
    if not isinstance(date, str):
        return "unknown"
    return _PRECISION_BY_LENGTH.get(len(date.strip()), "unknown")
