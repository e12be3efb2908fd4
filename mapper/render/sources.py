"""A row's sources, as the page shows them: each one's own text and figures, and ranges.

A merged incident's ``sources`` column is JSON that a reviewer may have edited: text
fields must be text and counts whole numbers, or the incident is named as broken.
Repeated titles, URLs and outlets are stored once (:class:`Strings`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from mapper.errors import IncidentTableError


def int_or_none(value: Any) -> int | None:
    """``None`` stays ``None``; anything else becomes an ``int``."""
    return None if value is None else int(value)


def span(values: Iterable[Any]) -> Any:
    """One value, or ``[low, high]`` when the given (non-null) values differ."""
    present = sorted({v for v in values if v is not None})
    if not present:
        return None
    return present[0] if len(present) == 1 else [present[0], present[-1]]


def parse_sources(row: dict[str, Any]) -> list[dict[str, Any]]:
    """The merged row's ``sources`` JSON as a list of objects (empty for a raw row)."""
    if not row["sources"]:
        return []
    try:
        parsed = json.loads(row["sources"])
    except json.JSONDecodeError as error:
        raise IncidentTableError(
            f"incident {row['incident_id']}: its sources column is not JSON ({error.msg})"
        ) from None
    except RecursionError:  # json recurses once per bracket
        raise IncidentTableError(
            f"incident {row['incident_id']}: its sources column is nested too deeply"
        ) from None
    return [s for s in parsed if isinstance(s, dict)] if isinstance(parsed, list) else []


def source_entries(row: dict[str, Any], merged: list[dict[str, Any]]) -> list[list[Any]]:
    """Each source's own fields; a raw incident is its own single source.

    A hand-edited ``sources`` value may hold anything JSON can: text fields must be
    text and counts whole numbers, or the incident is named as broken.
    """
    if not merged:
        # The row's own columns are typed already (the table is conformed).
        return [[row[key] for key in (*SOURCE_TEXTS, *SOURCE_COUNTS)]]
    return [
        [
            *(source_text(row, s, key) for key in SOURCE_TEXTS),
            *(_source_count(row, s.get(key)) for key in SOURCE_COUNTS),
        ]
        for s in merged
    ]


#: A source entry's fields, in order: its texts, then its counts.
SOURCE_TEXTS = ("title", "url", "source", "quote", "date")
SOURCE_COUNTS = ("killed", "injured", "projectiles")


def source_text(row: dict[str, Any], source: dict[str, Any], key: str) -> str | None:
    value = source.get(key)
    if value is None or isinstance(value, str):
        return value
    raise IncidentTableError(
        f"incident {row['incident_id']}: a source's {key} is not text: {value!r:.60}"
    )


def _source_count(row: dict[str, Any], value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    raise IncidentTableError(
        f"incident {row['incident_id']}: a source has a count that is not a number ({value!r})"
    )


class Strings:
    """Repeated strings (titles, URLs, outlet names) stored once; rows hold their index."""

    def __init__(self) -> None:
        self.values: list[str] = []
        self._index: dict[str | None, int] = {None: -1}

    def index(self, value: str | None) -> int:
        found = self._index.get(value)
        if found is None:
            found = self._index[value] = len(self.values)
            self.values.append(value)  # type: ignore[arg-type]  # None is in _index already
        return found


def compact(entries: list[list[Any]], strings: Strings) -> list[list[Any]]:
    """Source entries for the page: strings by index; a lone source needs no own figures."""
    keep = 8 if len(entries) > 1 else 4
    index = strings.index
    return [[index(e[0]), index(e[1]), index(e[2]), *e[3:keep]] for e in entries]


def count(row_value: Any, entries: list[list[Any]], index: int) -> Any:
    """The row's figure, or its sources' range where they differ and the row keeps the
    merged (highest) figure: a figure edited in the table is shown as edited."""
    value = int_or_none(row_value)
    if len(entries) > 1:
        ranged = span(e[index] for e in entries)
        if isinstance(ranged, list) and value == ranged[1]:
            return ranged
    return value


def date_range(row_date: str | None, entries: list[list[Any]]) -> list[str] | None:
    """The first and last of the sources' dates where they differ and the row keeps one
    of them; a coarser date that a finer one falls in (a month-only round-up) agrees."""
    at = SOURCE_TEXTS.index("date")
    dates = {e[at] for e in entries if e[at]}
    finest = sorted(d for d in dates if not any(o != d and o.startswith(d) for o in dates))
    if len(finest) > 1 and row_date in finest:
        return [finest[0], finest[-1]]
    return None
