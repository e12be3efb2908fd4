"""One row per attack: merge the incident mentions that describe the same event.

The rules (docs/merging.md has the reasoning):

* same or nested place (the embassy inside the Green Zone inside Baghdad), or, across
  gazetteer layers, within the coarser place's radius;
* same day; a month or year fits every day it covers (plus one day of slack); a
  report dated on its own publication day may join an attack of the day before that
  only later reports name (it was published after midnight), when the table has a
  ``published`` column;
* compatible weapons: equal, the same family (rocket and missile), or one unknown,
  ``other`` or ``explosive``;
* a mention with no date joins only another undated mention of its own report; one
  with no place is never merged.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

import pandas as pd

from mapper._merge_cluster import Atom, cluster_atoms
from mapper._merge_dates import day_interval, infer_precision, publication_state
from mapper._merge_place import PlaceInfo, PlaceMatcher, describe_place
from mapper._merge_rows import assemble_incidents, python_values
from mapper._schema import conform_incidents
from mapper.errors import IncidentTableError

if TYPE_CHECKING:
    from gazetteer import Gazetteer

#: Weapons that are one family: reports call the same Katyusha a rocket or a missile.
WEAPON_FAMILY: dict[str, str] = {"rocket": "rocket", "missile": "rocket"}

#: Weapons that say too little to tell two attacks apart.
GENERIC_WEAPONS: frozenset[str] = frozenset({"other", "explosive"})


def merge_incidents(incidents: pd.DataFrame, *, gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """Merge incident mentions that describe the same attack into one row each.

    Parameters
    ----------
    incidents
        A raw incident table (one row per mention, ``mapper.extract`` output). A
        table that already has a ``sources`` column is returned unchanged.
    gazetteer
        Decides which places nest; the bundled one when omitted.

    Returns
    -------
    pandas.DataFrame
        The same columns plus ``n_reports`` and ``sources`` (a JSON list with each
        mention's own fields), sorted by date, place and ``incident_id``. Merged
        ids are hashes of the merged date, place and weapon, so they survive
        adding, removing or reordering reports.

    Raises
    ------
    IncidentTableError
        If a row has no ``incident_id`` or two rows share one.

    Examples
    --------
    >>> import mapper
    >>> raw = mapper.incident_frame([
    ...     {"report_id": "afp", "incident_id": "afp-1", "date": "2020-11-17",
    ...      "date_precision": "day", "place_id": "us-embassy-baghdad", "weapon": "rocket"},
    ...     {"report_id": "ap", "incident_id": "ap-1", "date": "2020-11-17",
    ...      "date_precision": "day", "place_id": "green-zone", "weapon": "rocket"},
    ... ])
    >>> merged = mapper.merge_incidents(raw)
    >>> merged.loc[0, ["report_id", "place_id"]].tolist(), int(merged.loc[0, "n_reports"])
    (['afp;ap', 'us-embassy-baghdad'], 2)
    """
    if "sources" in incidents.columns:
        return incidents.copy()
    frame = conform_incidents(incidents)
    _check_ids(frame)
    if gazetteer is None:
        from gazetteer import default_gazetteer

        gazetteer = default_gazetteer()
    if frame.empty:
        return assemble_incidents(frame, [], {})
    places = _describe_places(frame, gazetteer)
    atoms, atom_of_row = _atoms(frame)
    order = sorted(range(len(atoms)), key=lambda i: _specificity(atoms[i], places))
    labels = cluster_atoms(atoms, order, PlaceMatcher(places, gazetteer))
    return assemble_incidents(frame, [labels[a] for a in atom_of_row], places)


def _check_ids(frame: pd.DataFrame) -> None:
    ids = frame["incident_id"]
    if ids.isna().any():
        rows = [int(i) + 1 for i in ids.index[ids.isna()][:5]]
        raise IncidentTableError(f"incident table rows {rows} have no incident_id")
    repeated = sorted(ids[ids.duplicated()].unique())
    if repeated:
        raise IncidentTableError(f"incident ids used more than once: {', '.join(repeated[:5])}")


def _describe_places(frame: pd.DataFrame, gazetteer: Gazetteer) -> dict[str, PlaceInfo]:
    firsts = frame.dropna(subset=["place_id"]).drop_duplicates("place_id")
    columns = ["place_id", "latitude", "longitude", "geo_precision"]
    return {
        place_id: describe_place(place_id, latitude, longitude, geo_precision, gazetteer)
        for place_id, latitude, longitude, geo_precision in zip(
            *(python_values(firsts[c]) for c in columns), strict=True
        )
    }


def _atoms(frame: pd.DataFrame) -> tuple[list[Atom], list[int]]:
    """Group rows that agree on everything the merge looks at; return atoms and row -> atom."""
    columns = ["report_id", "incident_id", "date", "date_precision", "place_id", "weapon"]
    values = [python_values(frame[c]) for c in columns]
    values.append(
        python_values(frame["published"]) if "published" in frame else [None] * len(frame)
    )
    index: dict[Hashable, int] = {}
    atoms: list[Atom] = []
    reports_of: list[set[str]] = []
    atom_of_row: list[int] = []
    for report, incident, date, precision, place, weapon, when in zip(*values, strict=True):
        interval = day_interval(date, infer_precision(date, precision))
        state = publication_state(date, when) if interval and interval[0] == interval[1] else ""
        family = None if weapon is None or weapon in GENERIC_WEAPONS else weapon
        family = WEAPON_FAMILY.get(family, family) if family else None
        # Undated mentions only ever meet their own report; placeless ones nothing.
        scope = incident if place is None else (report if interval is None else "")
        key = (interval, place, family, state, scope)
        number = index.get(key)
        if number is None:
            number = index[key] = len(atoms)
            lo, hi = interval if interval else (None, None)
            atoms.append(Atom(lo, hi, place, family, frozenset(), state))
            reports_of.append(set())
        reports_of[number].add(str(report))
        atom_of_row.append(number)
    atoms = [
        Atom(a.lo, a.hi, a.place, a.family, frozenset(reports), a.state)
        for a, reports in zip(atoms, reports_of, strict=True)
    ]
    return atoms, atom_of_row


def _specificity(atom: Atom, places: dict[str, PlaceInfo]) -> tuple[Any, ...]:
    """Sort key: dated before undated, narrow dates and small places first, then content."""
    span = (atom.hi - atom.lo) if atom.lo is not None and atom.hi is not None else 10**9
    place = places[atom.place].specificity if atom.place else (float("inf"), 0, "")
    return (
        span > 0,
        span,
        place,
        atom.lo if atom.lo is not None else 0,
        atom.family is None,
        atom.family or "",
        atom.state,
        sorted(atom.reports),
    )
