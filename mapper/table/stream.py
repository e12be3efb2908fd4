"""An incident table written a chunk of rows at a time: CSV, JSON Lines, Parquet folders.

A run that streams its reports writes each part's rows as they come, instead of
holding the whole table. The file gets the bytes :func:`~mapper.table.write_incidents`
gives for all the rows at once: the header once, then each row as that function writes
it (a CSV row does not depend on the others; a lone CR is quoted in any chunk that has
one, which changes no other row). It is written atomically: nothing replaces the target
unless :meth:`TableStream.commit` is reached. A Parquet folder
(:mod:`mapper.table.dataset`) gets a part file a chunk.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import pandas as pd

from mapper.errors import IncidentTableError
from mapper.table.atomic import atomic_file
from mapper.table.csvfile import write_csv
from mapper.table.dataset import DatasetWriter, is_dataset
from mapper.table.io import plain_rows, write_jsonl
from mapper.table.schema import conform_incidents

#: Extensions whose tables can be written a chunk at a time.
STREAMED_FORMATS: frozenset[str] = frozenset({".csv", ".jsonl"})


def streamable(path: str | Path) -> bool:
    """Whether a table at *path* can be written a chunk at a time."""
    return Path(path).suffix.lower() in STREAMED_FORMATS or is_dataset(path)


class _Abandoned(Exception):
    """Raised into the atomic file to leave the target untouched."""


class TableStream:
    """Write an incident table to a ``.csv`` or ``.jsonl`` file chunk by chunk.

    Use it as a context manager; the file replaces *path* only if :meth:`commit` is
    called inside the block.

    Examples
    --------
    >>> import mapper, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "incidents.csv"
    >>> with TableStream(path) as table:
    ...     table.write(mapper.incident_frame([{"report_id": "a", "incident_id": "a-1"}]))
    ...     table.commit()
    >>> path.read_text().splitlines()[1][:8]
    'a,a-1,,,'
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not streamable(self.path):
            raise IncidentTableError(
                f"{path}: only .csv and .jsonl tables and Parquet folders are written in chunks"
            )
        self._dataset = DatasetWriter(self.path) if is_dataset(self.path) else None
        self.rows = 0
        self._csv = self.path.suffix.lower() == ".csv"
        self._columns: list[str] | None = None
        self._handle: BinaryIO | None = None
        self._committed = False

    def __enter__(self) -> TableStream:
        if self._dataset is None:
            self._file = _opened(self.path)
            self._handle = self._file.__enter__()
        return self

    def write(self, incidents: pd.DataFrame) -> None:
        """Append the rows of *incidents* (a raw or merged incident table)."""
        frame = conform_incidents(incidents)
        columns = [str(column) for column in frame.columns]
        first = self._columns is None
        if first:
            self._columns = columns
        elif columns != self._columns:
            raise IncidentTableError(f"{self.path}: a chunk has other columns than the first")
        rows = plain_rows(frame)
        self.rows += len(rows)
        if self._dataset is not None:
            if rows:
                self._dataset.write(columns, rows)
            return
        assert self._handle is not None, "write inside the with block"
        if self._csv:
            text = write_csv(columns, rows)
            if not first:
                text = text[text.index("\n") + 1 :]  # the header is written once
        else:
            text = write_jsonl(columns, rows)
        self._handle.write(text.encode("utf-8"))

    def commit(self) -> None:
        """Keep the file: it replaces the target when the block ends."""
        self._committed = True

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._dataset is not None:
            if kind is None and self._committed:
                if self._dataset.parts == 0 and self._columns is not None:
                    self._dataset.write(self._columns, [])  # a table with no rows
                self._dataset.commit()
            else:
                self._dataset.abort()
            return
        if kind is None and not self._committed:
            kind, error = _Abandoned, _Abandoned()
        with contextlib.suppress(_Abandoned):
            self._file.__exit__(kind, error, trace)


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[BinaryIO]:
    try:
        with atomic_file(path) as handle:
            yield handle
    except OSError as error:
        raise IncidentTableError(
            f"{path}: cannot be written: {error.strerror or error}"
            " (any table already there is left as it was)"
        ) from None
