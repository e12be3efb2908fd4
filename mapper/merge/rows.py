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
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from mapper.merge.dates import (
    ON_PUBLICATION_DAY,
    PRECISION_RANK,
    infer_precision,
    publication_state,
)
from mapper.merge.places import PlaceInfo
from mapper.table import INCIDENT_COLUMNS, MERGE_COLUMNS, WEAPONS, conform_incidents

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
#: Encoder of ``sources`` values, and one ``sources`` object with its values left open.
_SOURCES_JSON = json.JSONEncoder(ensure_ascii=False)
_SOURCE_OBJECT = "{" + ", ".join(f'"{key}": %s' for key in SOURCE_KEYS) + "}"


def assemble_incidents(
    frame: pd.DataFrame, labels: Sequence[int], places: dict[str, PlaceInfo]
) -> pd.DataFrame:
    """Return the merged table: one row per label, sorted by date, place and id."""
    return finish_incidents([merged_columns(frame, labels, places)], frame)


#: Merged rows of some groups: their columns, and each one's first source.
MergedColumns = tuple[dict[str, list[Any]], list[tuple[str, str]]]


def merged_columns(
    frame: pd.DataFrame, labels: Sequence[int], places: dict[str, PlaceInfo]
) -> MergedColumns:
    """Return the merged rows of *frame*'s labels as columns, with unnumbered ids.

    Every row of a label must be in *frame*; :func:`finish_incidents` numbers the ids
    that hash alike and sorts the rows.
    """
    # Column lists and row numbers, not a dict per row: this runs once per mention.
    values = {c: python_values(frame[c]) for c in frame.columns}
    source_order = [
        (r or "", i) for r, i in zip(values["report_id"], values["incident_id"], strict=True)
    ]
    groups = _groups(labels, source_order)
    rank = _place_ranks(values["place_id"], values["geo_precision"], places)
    # Rows of a group are in source order, so min() breaks ties on the first source.
    best = [g[0] if len(g) == 1 else min(g, key=rank.__getitem__) for g in groups]
    columns = {c: [column[b] for b in best] for c, column in values.items()}
    columns["date"], columns["date_precision"] = _best_dates(groups, values)
    weapons = values["weapon"]
    # Every group, even of one, through _best_weapon: it hands back its own "explosive" or
    # "other" string, and a pickled table depends on which string objects it holds.
    columns["weapon"] = [_best_weapon([weapons[i] for i in g]) for g in groups]
    columns["target"] = _combine(groups, values["target"], _most_common)
    for figure in FIGURES:
        columns[figure] = _combine(groups, values[figure], _highest)
    for column in JOINED:
        columns[column] = _combine(groups, values[column], _joined)
    reports = values["report_id"]
    columns["n_reports"] = [len({reports[i] for i in g}) for g in groups]
    columns["sources"] = _sources(groups, values)
    return columns, [source_order[g[0]] for g in groups]


def finish_incidents(parts: Sequence[MergedColumns], frame: pd.DataFrame) -> pd.DataFrame:
    """Return the merged table of *parts*: ids numbered, rows sorted by date, place, id.

    *frame* is the raw table (or a slice of it): its columns and their types.
    """
    columns: dict[str, list[Any]] = {c: [] for c in [*frame.columns, *MERGE_COLUMNS]}
    firsts: list[tuple[str, str]] = []
    for part, part_firsts in parts:
        for name, column in part.items():
            columns[name].extend(column)
        firsts.extend(part_firsts)
    columns["incident_id"] = _incident_ids(columns, firsts)
    order = sorted(range(len(firsts)), key=_row_order(columns))
    extras = [c for c in frame.columns if c not in INCIDENT_COLUMNS]
    table = pd.DataFrame({c: [columns[c][r] for r in order] for c in columns})
    table = table[[*INCIDENT_COLUMNS, *MERGE_COLUMNS, *extras]]
    for column in extras:  # extra columns keep the type they came in with
        table[column] = table[column].astype(frame[column].dtype)
    return conform_incidents(table)


def assemble_in_chunks(
    frame: pd.DataFrame, labels: Sequence[int], places: dict[str, PlaceInfo], rows: int
) -> pd.DataFrame:
    """Return :func:`assemble_incidents`'s table, built about *rows* mentions at a time.

    Only one chunk's mentions are ever held as Python values, never the whole table's.
    """
    by_label = np.argsort(np.asarray(labels, dtype=np.int64), kind="stable")
    ordered = np.asarray(labels, dtype=np.int64)[by_label]
    # Cut only where the label changes, so that a group is never split.
    changes = np.flatnonzero(ordered[1:] != ordered[:-1]) + 1
    parts, start = [], 0
    while start < len(by_label):
        stop_at = np.searchsorted(changes, start + max(1, rows))
        stop = int(changes[stop_at]) if stop_at < len(changes) else len(by_label)
        chunk = by_label[start:stop]
        parts.append(merged_columns(frame.take(chunk), ordered[start:stop].tolist(), places))
        start = stop
    return finish_incidents(parts, frame)


def python_values(column: pd.Series) -> list[Any]:
    """The column as Python values (for JSON and fast loops), missing ones as None."""
    return column.to_numpy(dtype=object, na_value=None).tolist()


def _groups(labels: Sequence[int], source_order: list[tuple[str, str]]) -> list[list[int]]:
    """Row numbers of each label, in source order (``report_id``, then raw ``incident_id``)."""
    groups: dict[int, list[int]] = defaultdict(list)
    for row, label in enumerate(labels):
        groups[label].append(row)
    for rows in groups.values():
        rows.sort(key=source_order.__getitem__)
    return list(groups.values())


def _place_ranks(
    place_ids: list[str | None], geo_precisions: list[int | None], places: dict[str, PlaceInfo]
) -> list[tuple[Any, ...]]:
    """Sort key of each row's place, the most precise first; computed once per distinct pair."""
    known: dict[tuple[str | None, int | None], tuple[Any, ...]] = {}
    ranks = []
    for pair in zip(place_ids, geo_precisions, strict=True):
        rank = known.get(pair)
        if rank is None:
            place_id, geo = pair
            place = places.get(place_id or "")
            specificity = place.specificity if place else (float("inf"), 0, "")
            rank = known[pair] = (specificity, geo if geo is not None else 9)
        ranks.append(rank)
    return ranks


def _combine(
    groups: list[list[int]], column: list[Any], choose: Callable[[list[Any]], Any]
) -> list[Any]:
    """*choose* over each group's values; a lone value is its own choice, no call needed."""
    return [column[g[0]] if len(g) == 1 else choose([column[i] for i in g]) for g in groups]


def _highest(values: list[int | None]) -> int | None:
    stated = [v for v in values if v is not None]
    return max(stated) if stated else None


def _joined(values: list[str | None]) -> str | None:
    seen: dict[Any, None] = dict.fromkeys(values)
    seen.pop(None, None)
    return ";".join(seen) if seen else None


def _best_dates(
    groups: list[list[int]], values: dict[str, list[Any]]
) -> tuple[list[str | None], list[str]]:
    """The merged date and its precision for each group."""
    dates, precisions = values["date"], values["date_precision"]
    published = values.get("published") or [None] * len(dates)
    chosen = [
        (dates[g[0]], infer_precision(dates[g[0]], None))
        if len(g) == 1
        else _best_date([(dates[i], precisions[i], published[i]) for i in g])
        for g in groups
    ]
    return [date for date, _ in chosen], [precision for _, precision in chosen]


def _sources(groups: list[list[int]], values: dict[str, list[Any]]) -> list[str]:
    """The ``sources`` JSON of each group: one object per mention, in source order.

    Gives what ``json.dumps`` of the list of dicts gives, but encodes each distinct
    value once and each mention once, instead of a dict per mention.
    """
    encoded = [_encoded(values[key]) for key in SOURCE_KEYS]
    mentions = [_SOURCE_OBJECT % fields for fields in zip(*encoded, strict=True)]
    return ["[" + ", ".join([mentions[i] for i in g]) + "]" for g in groups]


def _encoded(column: list[Any]) -> list[str]:
    """Each value (str, int or None, as conformed) as JSON, encoding each distinct one once."""
    text = {value: _SOURCES_JSON.encode(value) for value in dict.fromkeys(column)}
    return [text[value] for value in column]


def _row_order(columns: dict[str, list[Any]]) -> Callable[[int], tuple[Any, ...]]:
    """Sort key of a merged row: date, place, id; rows without a date or place last."""
    dates, names, ids = columns["date"], columns["place"], columns["incident_id"]

    def key(row: int) -> tuple[Any, ...]:
        date, place = dates[row], names[row]
        return (date is None, date or "", place is None, place or "", ids[row])

    return key


def _best_date(
    members: list[tuple[str | None, str | None, Any]],
) -> tuple[str | None, str]:
    """The most precise date of (date, date_precision, published) triples; then most frequent."""
    ranked = []
    for date, precision, published in members:
        if date is None:
            continue
        precision = infer_precision(date, precision)
        # A date that is only the report's own publication day may be one day late.
        state = publication_state(date, published)
        ranked.append(((PRECISION_RANK[precision], state == ON_PUBLICATION_DAY), date))
    if not ranked:
        return None, "unknown"
    best = min(rank for rank, _ in ranked)
    date = _most_frequent([date for rank, date in ranked if rank == best], lambda d: d)
    return date, infer_precision(date, None)


def _best_weapon(weapons: list[str | None]) -> str | None:
    specific = [w for w in weapons if w is not None and w not in _GENERIC_ORDER]
    if specific:
        return _most_frequent(specific, lambda w: (_WEAPON_RANK.get(w, 99), w))
    for generic in _GENERIC_ORDER:
        if generic in weapons:
            return generic
    return None


def _most_common(values: list[str | None]) -> str | None:
    stated = [v for v in values if v is not None]
    return _most_frequent(stated, lambda v: v) if stated else None


def _most_frequent(values: list[str], tie: Callable[[str], Any]) -> str:
    """The most frequent of *values* (at least one), ties broken by the smallest *tie*."""
    if values.count(values[0]) == len(values):  # all agree: the usual case, no counting
        return values[0]
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], tie(v)))


def _incident_ids(columns: dict[str, list[Any]], firsts: list[tuple[str, str]]) -> list[str]:
    """Content-derived ids; rows that hash alike are told apart by their first source."""
    ids = []
    by_base: dict[str, list[int]] = defaultdict(list)
    for row, fields in enumerate(
        zip(columns["date"], columns["place_id"], columns["weapon"], strict=True)
    ):
        key = "|".join(str(field or "") for field in fields)
        base = "inc-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
        by_base[base].append(row)
        ids.append(base)
    for base, rows in by_base.items():
        if len(rows) > 1:
            rows.sort(key=firsts.__getitem__)
            for number, row in enumerate(rows[1:], start=2):
                ids[row] = f"{base}-{number}"
    return ids
