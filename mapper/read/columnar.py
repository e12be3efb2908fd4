"""Report tables as archives keep them: Parquet, gzipped JSON Lines, data frames, globs.

A Parquet file (``.parquet``) holds one report per row, with the columns ``id``,
``published``, ``title``, ``url``, ``source`` and ``text`` (only ``text`` is
required; other columns are ignored). It is read with pyarrow, an optional
dependency (``pip install "incident-mapper[dask]"``), a batch at a time, and may be
read a few row groups at a time (``row_groups=``), so a worker never loads a whole
archive to take its share. A row's ``line`` is its 1-based row number in the file.

A ``.jsonl.gz`` file is JSON Lines behind gzip, streamed like a ``.jsonl``.
:func:`frame_entries` reads the rows of a pandas DataFrame with the same columns,
and :func:`expand_globs` turns ``archive/2021-*.parquet`` into the files it names.
"""

from __future__ import annotations

import glob
import gzip
import io
import math
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mapper.errors import ReportError
from mapper.read.decode import UNDECODABLE, sniff_table
from mapper.read.fields import Entry
from mapper.read.tables import TEXT_COLUMN, _row_entry, bounded_lines, read_jsonl

if TYPE_CHECKING:
    import pandas as pd

#: The columns a report table (Parquet, a data frame) is read from.
REPORT_TABLE_COLUMNS: tuple[str, ...] = ("id", "published", "title", "url", "source", "text")
#: Rows converted to Python objects at a time, so a large row group is never held twice.
_BATCH_ROWS = 1024
_SNIFF_BYTES = 8192
_GLOB_CHARACTERS = frozenset("*?[")
_INSTALL_HINT = 'reading Parquet needs pyarrow: pip install "incident-mapper[dask]"'


def expand_globs(paths: Iterable[str | Path]) -> list[str | Path]:
    """Replace each path that holds ``*``, ``?`` or ``[`` and names nothing by its matches.

    A path that exists as written is kept as it is, and so is a pattern that matches
    nothing (the reader then names it as missing). Matches come in sorted order.

    Examples
    --------
    >>> expand_globs(["no/such/*.parquet"])
    ['no/such/*.parquet']
    """
    out: list[str | Path] = []
    for given in paths:
        text = str(given)
        if _GLOB_CHARACTERS.isdisjoint(text) or Path(text).exists():
            out.append(given)
            continue
        matches = sorted(glob.glob(text, recursive=True))
        out.extend(matches if matches else [given])
    return out


def parquet_row_counts(path: str | Path) -> list[int] | ReportError:
    """The number of rows in each row group of a Parquet file, from its footer alone."""
    try:
        parquet = _parquet_file(path)
    except ReportError as error:
        return error
    metadata = parquet.metadata
    return [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)]


def read_parquet(
    path: str | Path, row_groups: Sequence[int] | None = None
) -> list[Entry | ReportError]:
    """Read the reports of a Parquet file, or of some of its row groups.

    Parameters
    ----------
    path
        The file; its rows need a ``text`` column.
    row_groups
        The row groups to read, in order; all of them when None. Row numbers
        (``Entry.line``) count from the file's first row whatever is read.

    Returns
    -------
    list of Entry or ReportError
        One per row; a file pyarrow cannot read, or one without a ``text`` column, is
        a single error.
    """
    label = str(path)
    try:
        parquet = _parquet_file(path)
        names = {name.lower(): name for name in parquet.schema_arrow.names}
        if TEXT_COLUMN not in names:
            return [ReportError(label, "the Parquet schema has no 'text' column")]
        columns = [names[c] for c in REPORT_TABLE_COLUMNS if c in names]
        metadata = parquet.metadata
        counts = [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)]
        groups = list(range(len(counts))) if row_groups is None else list(row_groups)
        out: list[Entry | ReportError] = []
        for group in groups:
            row = sum(counts[:group])
            for batch in parquet.iter_batches(
                batch_size=_BATCH_ROWS, row_groups=[group], columns=columns
            ):
                for record in batch.to_pylist():
                    row += 1
                    fields = {str(k).lower(): _cell(v) for k, v in record.items()}
                    out.append(_row_entry(label, row, fields))
    except ReportError as error:
        return [error]
    except (OSError, ValueError) as error:  # pyarrow's errors are both
        return [ReportError(label, f"not a readable Parquet file: {error}")]
    if row_groups is None and not out:
        return [ReportError(label, "empty table: no rows")]
    return out


def read_jsonl_gz(path: Path, warnings: list[ReportError]) -> list[Entry | ReportError]:
    """Read a gzipped JSON Lines report table as a stream, like a ``.jsonl``."""
    label = str(path)
    try:
        with gzip.open(path, "rb") as stream:
            encoding = sniff_table(label, stream.read(_SNIFF_BYTES))
        if isinstance(encoding, ReportError):
            return [encoding]
        if encoding.warning is not None:
            warnings.append(encoding.warning)
        with gzip.open(path, "rb") as raw:
            raw.seek(encoding.skip)
            text = io.TextIOWrapper(raw, encoding=encoding.codec, errors=UNDECODABLE)
            return read_jsonl(label, bounded_lines(text))
    except (OSError, EOFError, zlib.error) as error:
        return [ReportError(label, f"not a readable gzip file: {error}")]


def frame_entries(label: str, frame: pd.DataFrame) -> Iterator[Entry | ReportError]:
    """Read the rows of a report data frame, numbered from 1 in frame order.

    The frame needs a ``text`` column; ``id``, ``published``, ``title``, ``url`` and
    ``source`` are taken when present and other columns are ignored.
    """
    names = {str(name).lower(): name for name in frame.columns}
    if TEXT_COLUMN not in names:
        yield ReportError(label, "the frame has no 'text' column")
        return
    present = [c for c in REPORT_TABLE_COLUMNS if c in names]
    columns = [frame[names[c]].tolist() for c in present]
    for number, values in enumerate(zip(*columns, strict=True), start=1):
        fields = {c: _cell(v) for c, v in zip(present, values, strict=True)}
        yield _row_entry(label, number, fields)


def _cell(value: Any) -> Any:
    """A table cell as a plain value: pandas' and pyarrow's missing values as None."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if type(value).__name__ in {"NAType", "NaTType"}:
        return None
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return value.item()
    return value


def _parquet_file(path: str | Path) -> Any:
    """Open a Parquet file's footer; pyarrow is imported here, only when needed."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ReportError(str(path), _INSTALL_HINT) from None
    try:
        return pq.ParquetFile(path)
    except (OSError, ValueError) as error:
        raise ReportError(str(path), f"not a readable Parquet file: {error}") from None


#: File endings read by a reader of their own (binary files), longest first.
BINARY_READERS: dict[str, Callable[[Path, list[ReportError]], list[Entry | ReportError]]] = {
    ".jsonl.gz": read_jsonl_gz,
    ".parquet": lambda path, warnings: read_parquet(path),
}


def binary_reader(
    path: Path,
) -> Callable[[Path, list[ReportError]], list[Entry | ReportError]] | None:
    """The binary reader *path*'s ending names, or None."""
    name = path.name.lower()
    return next((read for end, read in BINARY_READERS.items() if name.endswith(end)), None)
