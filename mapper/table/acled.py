"""Incident tables in ACLED's column layout, for analysts who work with ACLED data.

:data:`ACLED_COLUMNS` in ACLED's order; what the mapper does not extract (the actor)
stays empty, never invented. The mapping, column by column:

=================  ===========================================================
``event_id_cnty``  ``incident_id``
``event_date``     ``date`` as ISO (``2020-11-17``; ``2020-11`` or ``2020`` when
                   that is all that is known: no day is made up)
``year``           the date's year
``time_precision`` 1 for a day, 3 for a month (ACLED's codes); empty for a year
``event_type``     ``Explosions/Remote violence`` for every weapon but gunfire
                   and other, which leave it empty (a battle or an attack on
                   civilians cannot be told from the weapon)
``sub_event_type`` rocket, mortar, missile: ``Shelling/artillery/missile attack``;
                   drone, airstrike: ``Air/drone strike``; ied:
                   ``Remote explosive/landmine/IED``; otherwise empty
``actor1``         empty
``admin1``         the governorate of the place, from the gazetteer
``admin2``         the district of the place, from the gazetteer
``location``       ``place``
``latitude``       ``latitude``
``longitude``      ``longitude``
``geo_precision``  ``geo_precision`` (the mapper's codes are ACLED's)
``source``         ``source``
``notes``          ``quote``
``fatalities``     ``killed``; empty when the reports do not say
=================  ===========================================================
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from mapper.table.cells import Cell
from mapper.table.io import plain_rows, write_rows
from mapper.table.schema import conform_incidents

#: ACLED's columns, in ACLED's order.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
)
#: Weapon -> (event_type, sub_event_type).
ACLED_EVENT_TYPES: dict[str, tuple[str | None, str | None]] = {
    "rocket": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "mortar": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "missile": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "drone": ("Explosions/Remote violence", "Air/drone strike"),
    "airstrike": ("Explosions/Remote violence", "Air/drone strike"),
    "ied": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "explosive": ("Explosions/Remote violence", None),
}
_TIME_PRECISION = {"day": 1, "month": 3}

#: Place id -> (governorate, district) names, either None when not known.
AdminAreas = Callable[[str], tuple[str | None, str | None]]


def acled_rows(
    incidents: pd.DataFrame, *, admin: AdminAreas | None = None
) -> list[dict[str, Cell]]:
    """The incidents as rows of :data:`ACLED_COLUMNS`.

    Parameters
    ----------
    incidents
        An incident table, raw or merged.
    admin
        Gives the governorate and district names of a place id; ``admin1`` and
        ``admin2`` stay empty without it.

    Returns
    -------
    list of dict
        One row per incident, None where a value is not known.

    Examples
    --------
    >>> from mapper.table import incident_frame
    >>> row = acled_rows(incident_frame([{"date": "2020-11", "date_precision": "month",
    ...                                   "weapon": "drone", "killed": 2}]))[0]
    >>> row["event_date"], row["year"], row["time_precision"], row["sub_event_type"]
    ('2020-11', 2020, 3, 'Air/drone strike')
    """
    rows = []
    for row in plain_rows(conform_incidents(incidents)):
        date, place_id = row["date"], row["place_id"]
        kinds = ACLED_EVENT_TYPES.get(str(row["weapon"]), (None, None))
        areas = admin(place_id) if admin is not None and isinstance(place_id, str) else None
        admin1, admin2 = areas or (None, None)
        rows.append(
            {
                "event_id_cnty": row["incident_id"],
                "event_date": date,
                "year": int(date[:4]) if isinstance(date, str) and date[:4].isdigit() else None,
                "time_precision": _TIME_PRECISION.get(str(row["date_precision"])) if date else None,
                "event_type": kinds[0],
                "sub_event_type": kinds[1],
                "actor1": None,
                "admin1": admin1,
                "admin2": admin2,
                "location": row["place"],
                "latitude": row["latitude"],
                "longitude": row["longitude"],
                "geo_precision": row["geo_precision"],
                "source": row["source"],
                "notes": row["quote"],
                "fatalities": row["killed"],
            }
        )
    return rows


def write_acled(
    incidents: pd.DataFrame, path: str | Path, *, admin: AdminAreas | None = None
) -> None:
    """Write the incidents in ACLED's layout; ``.csv`` or ``.xlsx`` (or any table format).

    Text a spreadsheet would run as a formula is guarded as in every CSV and XLSX.

    Raises
    ------
    IncidentTableError
        For an unknown extension or a file that cannot be written.
    """
    write_rows(list(ACLED_COLUMNS), acled_rows(incidents, admin=admin), path)
