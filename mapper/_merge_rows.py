"""Build one merged row per group of mentions: the most precise facts, every source kept.

* place, coordinates, ``geo_precision``: from the mention with the most precise place;
* date: the most precise one any mention gives (a day before a month; a date named by
  a later report before one that is only its report's publication day);
* weapon: the most named specific weapon (ties in legend order), else the generic one;
* projectiles, killed, injured: the highest figure any source gives (docs/merging.md
  says why); each source's own figures stay in ``sources``;
* ``incident_id``: ``inc-`` and ten hex digits of a hash of the merged date, place and
  weapon, with ``-2``, ``-3``... for groups that hash alike.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

import pandas as pd

from mapper._merge_dates import (
    ON_PUBLICATION_DAY,
    PRECISION_RANK,
    infer_precision,
    publication_state,
)
from mapper._merge_place import PlaceInfo
from mapper._schema import INCIDENT_COLUMNS, MERGE_COLUMNS, WEAPONS, conform_incidents

#: Keys of each ``sources`` entry, in the order written (mapper contracts).
SOURCE_KEYS: tuple[str, ...] = (
    "incident_id",
    "report_id",
    "title",
    "url",
    "source",
    "quote",
    "date",
    "killed",
    "injured",
    "projectiles",
    "weapon",
    "place",
)
FIGURES: tuple[str, ...] = ("projectiles", "killed", "injured")
JOINED: tuple[str, ...] = ("report_id", "title", "url", "source")
_WEAPON_RANK = {weapon: rank for rank, weapon in enumerate(WEAPONS)}
_GENERIC_ORDER: tuple[str, ...] = ("explosive", "other")


def assemble_incidents(
    frame: pd.DataFrame, labels: Sequence[int], places: dict[str, PlaceInfo]
) -> pd.DataFrame:
    """Return the merged table: one row per label, sorted by date, place and id."""
    columns = {c: python_values(frame[c]) for c in frame.columns}
    records = [
        dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)
    ]
    groups: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for label, record in zip(labels, records, strict=True):
        groups[label].append(record)
    extras = [c for c in frame.columns if c not in INCIDENT_COLUMNS]
    rows = [_merged_row(members, places, extras) for members in groups.values()]
    _assign_ids(rows)
    rows.sort(key=_row_order)
    for row in rows:
        del row["_first"]
    table = pd.DataFrame(rows, columns=[*INCIDENT_COLUMNS, *MERGE_COLUMNS, *extras])
    for column in extras:  # extra columns keep the type they came in with
        table[column] = table[column].astype(frame[column].dtype)
    return conform_incidents(table)


def python_values(column: pd.Series) -> list[Any]:
    """The column as Python values (for JSON and fast loops), missing ones as None."""
    return column.to_numpy(dtype=object, na_value=None).tolist()


def _row_order(row: dict[str, Any]) -> tuple[Any, ...]:
    """Date, place, id; rows without a date or place last."""
    date, place = row["date"], row["place"]
    return (date is None, date or "", place is None, place or "", row["incident_id"])


def _merged_row(
    members: list[dict[str, Any]], places: dict[str, PlaceInfo], extras: list[str]
) -> dict[str, Any]:
    members.sort(key=lambda m: (m["report_id"] or "", m["incident_id"]))
    best_place = min(members, key=lambda m: _place_rank(m, places))
    row: dict[str, Any] = {column: best_place[column] for column in INCIDENT_COLUMNS}
    row.update({column: best_place[column] for column in extras})
    row["date"], row["date_precision"] = _best_date(members)
    row["weapon"] = _best_weapon([m["weapon"] for m in members])
    row["target"] = _most_common([m["target"] for m in members])
    for figure in FIGURES:
        stated = [m[figure] for m in members if m[figure] is not None]
        row[figure] = max(stated) if stated else None
    for column in JOINED:
        seen = dict.fromkeys(m[column] for m in members if m[column] is not None)
        row[column] = ";".join(seen) if seen else None
    row["n_reports"] = len({m["report_id"] for m in members})
    row["sources"] = json.dumps(
        [{key: m[key] for key in SOURCE_KEYS} for m in members], ensure_ascii=False
    )
    row["_first"] = (members[0]["report_id"] or "", members[0]["incident_id"])
    return row


def _place_rank(member: dict[str, Any], places: dict[str, PlaceInfo]) -> tuple[Any, ...]:
    place = places.get(member["place_id"] or "")
    specificity = place.specificity if place else (float("inf"), 0, "")
    geo = member["geo_precision"] if member["geo_precision"] is not None else 9
    return (specificity, geo, member["report_id"] or "", member["incident_id"])


def _best_date(members: list[dict[str, Any]]) -> tuple[str | None, str | None]:
    ranked = []
    for member in members:
        date = member["date"]
        if date is None:
            continue
        precision = infer_precision(date, member["date_precision"])
        # A date that is only the report's own publication day may be one day late.
        state = publication_state(date, member.get("published"))
        ranked.append(((PRECISION_RANK[precision], state == ON_PUBLICATION_DAY), date))
    if not ranked:
        return None, "unknown"
    best = min(rank for rank, _ in ranked)
    counts = Counter(date for rank, date in ranked if rank == best)
    date = min(counts, key=lambda d: (-counts[d], d))
    return date, infer_precision(date, None)


def _best_weapon(weapons: list[str | None]) -> str | None:
    specific = [w for w in weapons if w is not None and w not in _GENERIC_ORDER]
    if specific:
        counts = Counter(specific)
        return min(counts, key=lambda w: (-counts[w], _WEAPON_RANK.get(w, 99), w))
    for generic in _GENERIC_ORDER:
        if generic in weapons:
            return generic
    return None


def _most_common(values: list[str | None]) -> str | None:
    counts = Counter(v for v in values if v is not None)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _assign_ids(rows: list[dict[str, Any]]) -> None:
    """Give each row a content-derived id; colliding rows are told apart by first source."""
    by_base: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        key = "|".join(str(row[c] or "") for c in ("date", "place_id", "weapon"))
        by_base["inc-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]].append(row)
    for base, same in by_base.items():
        same.sort(key=lambda r: r["_first"])
        for number, row in enumerate(same, start=1):
            row["incident_id"] = base if number == 1 else f"{base}-{number}"
