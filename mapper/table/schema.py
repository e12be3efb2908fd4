"""The incident table: its columns, their types and the controlled vocabularies.

Every stage agrees on this one definition: the extractor produces it, the merger
keeps it (adding ``n_reports`` and ``sources``), the renderer and the CLI read it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from numbers import Integral
from typing import Any

import pandas as pd

from mapper.errors import IncidentTableError

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


#: Columns that count something: rockets and shells fired, people killed and injured.
FIGURE_COLUMNS: tuple[str, ...] = ("projectiles", "killed", "injured")

#: The largest figure one incident can plausibly have. More is a misreading (a
#: year, a running total, a typo), and a count past 2**63 would not fit the table.
FIGURE_CEILING = 100_000


def check_figures(row: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Empty the figures of *row* that are not plausible counts, saying why.

    Parameters
    ----------
    row
        One incident; its :data:`FIGURE_COLUMNS` are checked, missing ones skipped.

    Returns
    -------
    tuple
        A copy of *row* with each figure that is not a whole number from 0 to
        :data:`FIGURE_CEILING` set to None, and one reason per figure emptied.

    Examples
    --------
    >>> row, reasons = check_figures({"killed": 2, "injured": 10**20})
    >>> row
    {'killed': 2, 'injured': None}
    >>> print(*reasons)
    injured 100000000000000000000 is over 100,000, too many for one incident; left empty
    """
    checked = dict(row)
    reasons: list[str] = []
    for column in FIGURE_COLUMNS:
        value = checked.get(column)
        if value is None or value is pd.NA:
            continue
        if isinstance(value, bool) or not isinstance(value, Integral) or int(value) < 0:
            why = "is not a count"
        elif int(value) > FIGURE_CEILING:
            why = f"is over {FIGURE_CEILING:,}, too many for one incident"
        else:
            continue
        reasons.append(f"{column} {value!r} {why}; left empty")
        checked[column] = None
    return checked, reasons


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
    """Return *frame* with every documented column present, ordered and typed.

    Raises
    ------
    IncidentTableError
        A documented column whose values cannot take its type (text in a count, a
        count past 2**63), naming the column.
    """
    frame = frame.copy()
    known = {**INCIDENT_COLUMNS, **MERGE_COLUMNS}
    for column, dtype in INCIDENT_COLUMNS.items():
        if column not in frame.columns:
            frame[column] = pd.Series([pd.NA] * len(frame), dtype=dtype, index=frame.index)
    for column, dtype in known.items():
        if column in frame.columns:
            try:
                frame[column] = frame[column].astype(dtype)
            except (TypeError, ValueError, OverflowError) as error:
                raise IncidentTableError(
                    f"column {column!r} cannot be read as {_DTYPE_NAMES[dtype]}: {error}"
                ) from None
    extra = [c for c in frame.columns if c not in INCIDENT_COLUMNS]
    return frame[[*INCIDENT_COLUMNS, *extra]].reset_index(drop=True)


_DTYPE_NAMES = {"Int64": "whole numbers", "Float64": "numbers", "string": "text"}
