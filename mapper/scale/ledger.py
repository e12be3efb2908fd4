"""What a run must remember of every report, kept on disk: first uses of ids, warnings.

A report id used again in a later part is named with its first use, so the place of
every id of the run has to be remembered; and a streamed run's warnings are printed
after the counts, at its end. Both grow with the number of reports. They go to a
private temporary SQLite database (``sqlite3.connect("")``): a file on disk, deleted
when the connection closes, read through a page cache of a fixed size (2 MiB). The
memory a run holds for them does not grow with its reports; the disk does, by the
length of an id and its place (``path:line``) a report, and of each warning's text.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Iterator

from mapper.errors import ReportError

#: Ids asked at once (SQLite allows 999 parameters a statement in old versions).
_BATCH = 500


class Ledger:
    """First uses of report ids, and warnings in the order they come, on disk."""

    def __init__(self) -> None:
        # check_same_thread: the summary may be printed from another thread than the one
        # that combined the parts; the ledger is never used by two at once.
        self._db = sqlite3.connect("", check_same_thread=False)
        self._db.execute("PRAGMA cache_size = -2048")
        self._db.execute("CREATE TABLE first_use (id TEXT PRIMARY KEY, place TEXT) WITHOUT ROWID")
        self._db.execute("CREATE TABLE warning (path TEXT, line INTEGER, reason TEXT)")

    def first_uses(self, ids: Collection[str]) -> dict[str, str]:
        """The place (``path:line``) of the first use of each of *ids* already used."""
        listed = list(ids)
        found: dict[str, str] = {}
        for start in range(0, len(listed), _BATCH):
            batch = listed[start : start + _BATCH]
            marks = ",".join("?" * len(batch))
            query = f"SELECT id, place FROM first_use WHERE id IN ({marks})"
            found.update(self._db.execute(query, batch))
        return found

    def use(self, uses: Iterable[tuple[str, str]]) -> None:
        """Record first uses, ``(id, place)``, of ids not used before."""
        self._db.executemany("INSERT INTO first_use VALUES (?, ?)", uses)

    def warn(self, warnings: Iterable[ReportError]) -> None:
        """Append *warnings*."""
        rows = ((w.path, w.line, w.reason) for w in warnings)
        self._db.executemany("INSERT INTO warning VALUES (?, ?, ?)", rows)

    def warnings(self, first: Iterable[ReportError] = ()) -> SpooledWarnings:
        """The warnings appended, after *first*; the ids are no longer needed."""
        self._db.execute("DELETE FROM first_use")
        return SpooledWarnings(list(first), self._db)


class SpooledWarnings:
    """Warnings read back from a :class:`Ledger` in the order they came, after some held
    in memory; iterable again and again, with a length."""

    def __init__(self, first: list[ReportError], db: sqlite3.Connection) -> None:
        self._first = first
        self._db = db

    def __iter__(self) -> Iterator[ReportError]:
        yield from self._first
        rows = self._db.execute("SELECT path, line, reason FROM warning ORDER BY rowid")
        for path, line, reason in rows:
            yield ReportError(path, reason, line=line)

    def __len__(self) -> int:
        (count,) = self._db.execute("SELECT count(*) FROM warning").fetchone()
        return len(self._first) + int(count)
