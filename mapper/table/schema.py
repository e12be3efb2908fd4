"""The incident table: its columns, their types and the controlled vocabularies.

Every stage agrees on this one definition: the extractor produces it, the merger
keeps it (adding ``n_reports`` and ``sources``), the renderer and the CLI read it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

#: Weapon vocabulary, in the order a legend lists it.
WEAPONS: tuple[str, ...] = (
    "rocket",
    "mortar",
    "missile",
    "drone",
    "ied",
    "gunfire",
    "airstrike",
    "explosive",
    "other",
)

#: ``date_precision`` values, most precise first.
DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "year", "unknown")

#: ``geo_precision`` codes (after ACLED): 1 the exact place, 2 near or part of a
#: named place, 3 only a region or governorate.
GEO_PRECISIONS: tuple[int, ...] = (1, 2, 3)

#: Column name -> pandas dtype, in table order.
INCIDENT_COLUMNS: dict[str, str] = {
    "report_id": "string",
    "incident_id": "string",
    "date": "string",  # ISO 8601 cut to its precision: 2020-11-17, 2020-11 or 2020
    "date_precision": "string",
    "place": "string",
    "place_id": "string",
    "latitude": "Float64",
    "longitude": "Float64",
    "geo_precision": "Int64",
    "weapon": "string",
    "projectiles": "Int64",
    "killed": "Int64",
    "injured": "Int64",
    "target": "string",
    "quote": "string",
    "title": "string",
    "url": "string",
    "source": "string",
}

#: Columns the merge step adds: how many reports stand behind an incident, and a
#: JSON list with each source's own fields (report_id, title, url, source, quote,
#: date, killed, injured, projectiles).
MERGE_COLUMNS: dict[str, str] = {
    "n_reports": "Int64",
    "sources": "string",
}


def incident_frame(rows: Iterable[Mapping[str, Any]] = ()) -> pd.DataFrame:
    """Build an incident table with the documented columns and dtypes.

    Parameters
    ----------
    rows
        Mappings keyed by column name; missing keys become ``<NA>`` and keys that
        are not columns are kept after the documented ones.

    Returns
    -------
    pandas.DataFrame
        Nullable dtypes throughout: ``Int64`` counts, never NaN floats.
    """
    frame = pd.DataFrame(list(rows))
    return conform_incidents(frame)


def conform_incidents(frame: pd.DataFrame) -> pd.DataFrame:
    """Return *frame* with every documented column present, ordered and typed."""
    frame = frame.copy()
    known = {**INCIDENT_COLUMNS, **MERGE_COLUMNS}
    for column, dtype in INCIDENT_COLUMNS.items():
        if column not in frame.columns:
            frame[column] = pd.Series([pd.NA] * len(frame), dtype=dtype, index=frame.index)
    for column, dtype in known.items():
        if column in frame.columns:
            frame[column] = frame[column].astype(dtype)
    extra = [c for c in frame.columns if c not in INCIDENT_COLUMNS]
    return frame[[*INCIDENT_COLUMNS, *extra]].reset_index(drop=True)
