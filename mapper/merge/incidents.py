"""One row per attack: merge the incident mentions that describe the same event.

The rules (docs/merging.md has the reasoning):

* same or nested place (the embassy inside the Green Zone inside Baghdad), or, across
  gazetteer layers, within the coarser place's radius; a town without an outline
  holds what lies within its radius, and a base, airport or site within twice that;
* same day; a month or year fits every day it covers (plus one day of slack); a
  report dated on its own publication day may join an attack of the day before that
  only later reports name (it was published after midnight), when the table has a
  ``published`` column;
* compatible weapons: equal, the same family (rocket and missile), or one unknown,
  ``other`` or ``explosive``;
* a mention with no date joins an undated mention of its own report at the very same
  place, then, judged from its report's publication day, the one dated attack of
  other reports it can only be (:mod:`mapper.merge.undated`); one with no place is
  never merged.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

import pandas as pd

from mapper.errors import IncidentTableError
from mapper.merge.blocks import BLOCK_ATOMS, day_blocks
from mapper.merge.cluster import Atom, cluster_atoms, cluster_in_blocks
from mapper.merge.dates import day_interval, infer_precision, publication_state
from mapper.merge.places import PlaceInfo, PlaceMatcher, describe_place
from mapper.merge.rows import assemble_in_chunks, assemble_incidents, python_values
from mapper.merge.undated import join_undated, publication_days
from mapper.merge.workers import RunBlocks, blocks_on
from mapper.table import collector_paused, conform_incidents

if TYPE_CHECKING:
    from gazetteer import Gazetteer

#: Weapons that are one family: reports call the same Katyusha a rocket or a missile.
WEAPON_FAMILY: dict[str, str] = {"rocket": "rocket", "missile": "rocket"}

#: Weapons that say too little to tell two attacks apart.
GENERIC_WEAPONS: frozenset[str] = frozenset({"other", "explosive"})


def merge_incidents(
    incidents: pd.DataFrame,
    *,
    gazetteer: Gazetteer | None = None,
    block_size: int | None = BLOCK_ATOMS,
    client: Any = None,
) -> pd.DataFrame:
    """Merge incident mentions that describe the same attack into one row each.

    Parameters
    ----------
    incidents
        A raw incident table (one row per mention, ``mapper.extract`` output). A
        table that already has a ``sources`` column is returned unchanged.
    gazetteer
        Decides which places nest; the bundled one when omitted.
    block_size
        The day atoms are clustered in blocks of about this many atoms, and the rows
        are built that many mentions at a time (docs/merging.md, "Merging at scale");
        ``None`` merges the whole table in one pass. The result is the same.
    client
        A ``distributed.Client``: the blocks are clustered on its workers
        (:mod:`mapper.merge.workers`); by default, in this process.

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

    Notes
    -----
    Python's cyclic garbage collector is paused (for the whole process) while the merge
    runs, and restored as it was afterwards: the merge makes no reference cycles.

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
    with collector_paused():
        places = _describe_places(frame, gazetteer)
        run_blocks = None if client is None else blocks_on(client)
        row_labels = _row_labels(frame, places, gazetteer, block_size, run_blocks)
        if block_size is None:
            return assemble_incidents(frame, row_labels, places)
        return assemble_in_chunks(frame, row_labels, places, block_size)


def _row_labels(
    frame: pd.DataFrame,
    places: dict[str, PlaceInfo],
    gazetteer: Gazetteer,
    block_size: int | None,
    run_blocks: RunBlocks | None,
) -> list[int]:
    """The incident of each row. The atoms and the clusters are let go on return,
    before the rows are built: with them, a merge held both at once."""
    atoms, atom_of_row = _atoms(frame, block_size or len(frame))
    specificity = {key: place.specificity for key, place in places.items()}
    keys = [_specificity(atom, specificity) for atom in atoms]
    order = sorted(range(len(atoms)), key=keys.__getitem__)
    del keys
    matcher = PlaceMatcher(places, gazetteer)
    if block_size is None:
        labels = cluster_atoms(atoms, order, matcher)
    else:
        blocks = day_blocks(atoms, matcher.block_keys, block_size)
        labels = cluster_in_blocks(atoms, order, matcher, blocks, run_blocks)
    if "published" in frame:
        published = publication_days(
            python_values(frame["report_id"]), python_values(frame["published"])
        )
        labels = join_undated(atoms, labels, matcher, published)
    return [labels[a] for a in atom_of_row]


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


def _atoms(frame: pd.DataFrame, rows: int) -> tuple[list[Atom], list[int]]:
    """Group rows that agree on everything the merge looks at; return atoms and row -> atom.

    The table is read *rows* rows at a time, so that only those are Python values at once.
    """
    columns = ["report_id", "incident_id", "date", "date_precision", "place_id", "weapon"]
    # A table has far fewer distinct dates and weapons than rows: work those out once.
    intervals: dict[tuple[str | None, str | None], tuple[int, int] | None] = {}
    families: dict[str | None, str | None] = {}
    index: dict[Hashable, int] = {}
    keys: list[tuple[Any, ...]] = []
    reports_of: list[set[str]] = []
    atom_of_row: list[int] = []
    for start in range(0, len(frame), max(1, rows)):
        chunk = frame.iloc[start : start + max(1, rows)]
        values = [python_values(chunk[c]) for c in columns]
        values.append(
            python_values(chunk["published"]) if "published" in chunk else [None] * len(chunk)
        )
        for report, incident, date, precision, place, weapon, when in zip(*values, strict=True):
            if (date, precision) not in intervals:
                intervals[date, precision] = day_interval(date, infer_precision(date, precision))
            interval = intervals[date, precision]
            state = publication_state(date, when) if interval and interval[0] == interval[1] else ""
            # Undated mentions only ever meet their own report; placeless ones nothing.
            scope = incident if place is None else (report if interval is None else "")
            if weapon not in families:
                families[weapon] = _family(weapon)
            key = (interval, place, families[weapon], state, scope)
            number = index.get(key)
            if number is None:
                number = index[key] = len(keys)
                keys.append(key)
                reports_of.append(set())
            reports_of[number].add(str(report))
            atom_of_row.append(number)
    atoms = []
    for (interval, place, family, state, _), reports in zip(keys, reports_of, strict=True):
        lo, hi = interval or (None, None)
        atoms.append(Atom(lo, hi, place, family, frozenset(reports), state))
    return atoms, atom_of_row


def _family(weapon: str | None) -> str | None:
    """The weapon family an atom compares; None for an unknown or generic weapon."""
    if not weapon or weapon in GENERIC_WEAPONS:
        return None
    return WEAPON_FAMILY.get(weapon, weapon)


def _specificity(atom: Atom, places: dict[str, tuple[Any, ...]]) -> tuple[Any, ...]:
    """Sort key: dated before undated, narrow dates and small places first, then content.

    *places* holds each place's :attr:`PlaceInfo.specificity`.
    """
    span = (atom.hi - atom.lo) if atom.lo is not None and atom.hi is not None else 10**9
    place = places[atom.place] if atom.place else (float("inf"), 0, "")
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
