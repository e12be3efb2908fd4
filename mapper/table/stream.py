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
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import pandas as pd

from mapper.errors import IncidentTableError
from mapper.table.atomic import atomic_file
from mapper.table.csvfile import csv_lines
from mapper.table.dataset import DatasetWriter, is_dataset
from mapper.table.io import jsonl_lines, plain_rows
from mapper.table.schema import conform_incidents

#: Extensions whose tables can be written a chunk at a time.
STREAMED_FORMATS: frozenset[str] = frozenset({".csv", ".jsonl"})


def streamable(path: str | Path) -> bool:
    """Whether a table at *path* can be written a chunk at a time."""
    return Path(path).suffix.lower() in STREAMED_FORMATS or is_dataset(path)


@dataclass(frozen=True, slots=True)
class EncodedRows:
    """Rows already written in a stream's format, each with its report id.

    What :meth:`TableStream.encoder` makes of a part's rows where they were extracted
    (on a worker), so that the process writing the table only joins text; ``without``
    leaves out the rows of some reports (a report id an earlier part used).
    """

    columns: tuple[str, ...]
    report_ids: tuple[str, ...]
    texts: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.texts)

    def without(self, report_ids: Collection[str]) -> EncodedRows:
        """These rows but those of *report_ids*."""
        kept = [at for at, rid in enumerate(self.report_ids) if rid not in report_ids]
        return EncodedRows(
            self.columns,
            tuple(self.report_ids[at] for at in kept),
            tuple(self.texts[at] for at in kept),
        )


def encode_rows(incidents: pd.DataFrame, *, csv: bool) -> EncodedRows:
    """The rows of *incidents* (a raw or merged incident table) as CSV or JSON Lines."""
    frame = conform_incidents(incidents)
    columns = [str(column) for column in frame.columns]
    rows = plain_rows(frame)
    texts = csv_lines(columns, rows, header=False) if csv else jsonl_lines(rows)
    ids = tuple(str(row["report_id"]) for row in rows)
    return EncodedRows(tuple(columns), ids, tuple(texts))


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

    @property
    def encoder(self) -> Callable[[pd.DataFrame], EncodedRows] | None:
        """What turns rows into text this stream writes as it is (:meth:`write`), where
        they are extracted; None for a Parquet folder, which is given tables."""
        return None if self._dataset is not None else partial(encode_rows, csv=self._csv)

    def write(self, incidents: pd.DataFrame | EncodedRows) -> None:
        """Append the rows of *incidents*: a raw or merged incident table, or (not to a
        Parquet folder) rows that :attr:`encoder` wrote."""
        if self._dataset is None:
            chunk = (
                incidents
                if isinstance(incidents, EncodedRows)
                else encode_rows(incidents, csv=self._csv)
            )
            self._check_columns(list(chunk.columns))
            self._write_text("".join(chunk.texts), len(chunk))
            return
        if isinstance(incidents, EncodedRows):
            raise TypeError(f"{self.path}: a Parquet folder is written from tables, not text")
        frame = conform_incidents(incidents)
        columns = [str(column) for column in frame.columns]
        self._check_columns(columns)
        rows = plain_rows(frame)
        self.rows += len(rows)
        if rows:
            self._dataset.write(columns, rows)

    def _check_columns(self, columns: list[str]) -> None:
        """Keep the first chunk's columns; a later chunk must have the same."""
        if self._columns is None:
            self._columns = columns
            if self._csv and self._dataset is None:
                self._write_text("".join(csv_lines(columns, [], header=True)), 0)
        elif columns != self._columns:
            raise IncidentTableError(f"{self.path}: a chunk has other columns than the first")

    def _write_text(self, text: str, rows: int) -> None:
        assert self._handle is not None, "write inside the with block"
        self._handle.write(text.encode("utf-8"))
        self.rows += rows

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
