"""Report tables: CSV and JSON Lines, one report per row, read as a stream.

A row needs a ``text``; ``id``, ``published``, ``title``, ``url`` and ``source`` are
optional and other columns are ignored. Each bad row becomes a :class:`ReportError`
naming its line, and the rows around it are still read.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from typing import TextIO

from mapper.errors import ReportError
from mapper.read.fields import MAX_TEXT_CHARS, Entry

#: A CSV whose header has this column and no ``text`` column describes sibling files.
INDEX_COLUMN = "file"
TEXT_COLUMN = "text"
#: Longest JSON line read: 4 Mi characters, forty times the text kept
#: (:data:`~mapper.read.fields.MAX_TEXT_CHARS`), so even a text cut there and written
#: all in ``\uXXXX`` escapes fits. A longer line is refused without being held whole.
MAX_LINE_CHARS = 2**22
#: How much of a refused line is read at a time while it is skipped.
_SKIP_CHARS = 2**16
#: What ends a line in a stream that keeps its line ends (CSV's ``newline=""``).
_LINE_ENDS = ("\n", "\r")


def is_index_header(header: Iterable[str]) -> bool:
    """Whether a CSV header is an index of sibling files rather than a report table."""
    names = {name.strip().lower() for name in header}
    return INDEX_COLUMN in names and TEXT_COLUMN not in names


def numbered_records(lines: Iterable[str]) -> Iterator[tuple[int, list[str] | csv.Error]]:
    """Yield each non-blank CSV record with the line it starts on, or the error it raised.

    ``csv.reader`` only counts the line a record ends on; a quoted field may span
    lines, so the start is one past the previous record's end.
    """
    reader = csv.reader(lines)
    end = 0
    while True:
        start = end + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            end = reader.line_num
            yield start, error
            continue
        end = reader.line_num
        if cells:
            yield start, cells


def bounded_lines(stream: TextIO, limit: int = MAX_LINE_CHARS) -> Iterator[str]:
    """Yield the lines of *stream*, cutting any over *limit* characters to ``limit + 1``.

    The rest of a long line is read in small pieces and dropped, so memory stays bounded
    whatever the file holds. *stream* may unify its line ends (``newline=None``, as for
    JSON) or keep them (``newline=""``, as CSV needs); a ``"\r\n"`` is never split.
    """
    while line := _readline(stream, limit + 1):
        if len(line) > limit and not line.endswith(_LINE_ENDS):
            while (rest := _readline(stream, _SKIP_CHARS)) and not rest.endswith(_LINE_ENDS):
                pass
        yield line


def _readline(stream: TextIO, size: int) -> str:
    """``stream.readline(size)``, taking the ``"\n"`` of a ``"\r\n"`` the size cut off."""
    line = stream.readline(size)
    if len(line) == size and line.endswith("\r") and stream.seekable():
        at = stream.tell()
        if stream.read(1) == "\n":
            return line + "\n"
        stream.seek(at)
    return line


def csv_records(path: str, lines: Iterable[str]) -> Iterator[tuple[int, list[str]] | ReportError]:
    """Yield ``(first line, cells)`` for each CSV record, or an error for a broken one."""
    for start, record in numbered_records(lines):
        if isinstance(record, csv.Error):
            yield ReportError(path, f"broken CSV row: {record}", line=start)
        else:
            yield start, record


def read_csv(path: str, lines: Iterable[str]) -> list[Entry | ReportError]:
    """Read a CSV report table: a header with a ``text`` column, then one row a report."""
    records = csv_records(path, lines)
    header: list[str] | None = None
    out: list[Entry | ReportError] = []
    for record in records:
        if isinstance(record, ReportError):
            out.append(record)
            continue
        line, cells = record
        if header is None:
            header = [name.strip().lower() for name in cells]
            if TEXT_COLUMN not in header:
                return [ReportError(path, "the header has no 'text' column", line=line)]
            continue
        if len(cells) != len(header):
            reason = f"broken CSV row: {len(cells)} fields where the header has {len(header)}"
            out.append(ReportError(path, reason, line=line))
            continue
        out.append(_row_entry(path, line, dict(zip(header, cells, strict=True))))
    if header is None:
        return [ReportError(path, "empty table: no header and no rows")]
    if not out:
        return [ReportError(path, "empty table: a header and no rows")]
    return out


def read_jsonl(path: str, lines: Iterable[str]) -> list[Entry | ReportError]:
    """Read a JSON Lines report table: one object with a ``"text"`` per line."""
    out: list[Entry | ReportError] = []
    for line, content in enumerate(lines, start=1):
        if len(content.rstrip("\r\n")) > MAX_LINE_CHARS:
            reason = (
                f"line too long: over {MAX_LINE_CHARS:,} characters, and a report keeps "
                f"{MAX_TEXT_CHARS:,}; not read"
            )
            out.append(ReportError(path, reason, line=line))
            continue
        if not content.strip():
            continue
        try:
            row = json.loads(content.strip())
        except json.JSONDecodeError as error:
            reason = f"broken JSON line: {error.msg.removesuffix(' at')} at column {error.colno}"
            out.append(ReportError(path, reason, line=line))
            continue
        except RecursionError:
            # json recurses once per bracket: a hostile line of nested arrays must not end the run.
            out.append(ReportError(path, "broken JSON line: nested too deeply", line=line))
            continue
        if not isinstance(row, dict):
            out.append(ReportError(path, "a JSON line must be an object", line=line))
            continue
        out.append(_row_entry(path, line, {str(k).lower(): v for k, v in row.items()}))
    if not out:
        return [ReportError(path, "empty table: no rows")]
    return out


def _row_entry(path: str, line: int, row: dict[str, object]) -> Entry | ReportError:
    """Turn one row into an entry; every cell was decoded with surrogateescape."""
    if any(isinstance(v, str) and _has_undecodable(v) for v in row.values()):
        return ReportError(path, "not UTF-8 text (save the file as UTF-8)", line=line)
    if any(isinstance(v, str) and "\x00" in v for v in row.values()):
        return ReportError(path, "a NUL character in this row: binary data, not text", line=line)
    text = row.get(TEXT_COLUMN)
    if not isinstance(text, str) or not text.strip():
        return ReportError(path, "no report text in the 'text' column", line=line)
    fields = {k: v for k, v in row.items() if k != TEXT_COLUMN}
    return Entry(text=text.strip(), fields=fields, line=line)


def _has_undecodable(text: str) -> bool:
    """Whether *text* holds bytes that were not UTF-8 (kept as lone surrogates)."""
    return not text.isascii() and _UNDECODABLE.search(text) is not None


#: A byte that was not UTF-8, as the surrogateescape-style handler keeps it.
_UNDECODABLE = re.compile("[\udc80-\udcff]")
