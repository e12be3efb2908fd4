"""Reading news reports from files and folders into :class:`Report` objects.

One reader per format, chosen from :data:`READERS` by file extension; this module
reads the files :mod:`~mapper.read.walk` finds, as text :mod:`~mapper.read.decode`
gives, applies a folder's ``index.csv`` and settles report ids. Bad input never
stops a run: each unreadable file, folder or row becomes a
:class:`~mapper.ReportError` in :attr:`ReportSet.problems` and the rest is read.
"""

from __future__ import annotations

import datetime as dt
import io
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, TextIO

from mapper.errors import ReportError
from mapper.read.columnar import BINARY_READERS, binary_reader, expand_globs
from mapper.read.decode import UNDECODABLE, TableEncoding, decode_report, newlines, sniff_table
from mapper.read.fields import MAX_TEXT_CHARS, METADATA_KEYS, Entry, clean_field, parse_published
from mapper.read.html import read_html
from mapper.read.published import Dating, byline_date
from mapper.read.tables import bounded_lines, csv_records, is_index_header, read_csv, read_jsonl
from mapper.read.text import read_text
from mapper.read.walk import collect_files, resolved

#: Largest report file read whole (text, Markdown, HTML): 20 MiB.
MAX_FILE_BYTES = 20 * 2**20
#: Largest report table (CSV, JSON Lines), read row by row: 1 GiB.
MAX_TABLE_BYTES = 2**30
#: The index columns a report takes; others (notes, outlet kinds) are for people.
_INDEX_KEYS = frozenset({*METADATA_KEYS, "id"})
#: Metadata values taken as they are; lists and mappings are refused with a warning.
_SCALARS = (str, int, float, dt.date)
#: How much of a table is searched for NUL bytes before it is called binary.
_SNIFF_BYTES = 8192


@dataclass(frozen=True, slots=True)
class Report:
    """One news report, as plain text with its publication metadata.

    ``text`` has no front matter or markup, and does not repeat the headline when
    it is in ``title``. ``published`` is ``YYYY-MM-DD``, or ``YYYY-MM`` when only
    the month is known. ``line`` is the 1-based line of a CSV/JSONL row, else None.
    """

    report_id: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    path: str = ""
    line: int | None = None


@dataclass(slots=True)
class ReportSet:
    """Reports read from some inputs, and what could not be read.

    Attributes
    ----------
    reports
        In a deterministic order: sorted paths, then row order within a table.
    problems
        One :class:`~mapper.ReportError` per file, folder or row that gave no report.
    warnings
        Reports that were read but lost something (a date that is not a date,
        text cut at :data:`~mapper.read.fields.MAX_TEXT_CHARS`, an index row
        naming a missing file).
    """

    reports: list[Report] = field(default_factory=list)
    problems: list[ReportError] = field(default_factory=list)
    warnings: list[ReportError] = field(default_factory=list)

    def __iter__(self) -> Iterator[Report]:
        return iter(self.reports)

    def __len__(self) -> int:
        return len(self.reports)


class Format(NamedTuple):
    """How one file extension is read: its reader, and whether it is a streamed table.

    A table is handed to its reader a line at a time, each line bounded
    (:func:`~mapper.read.tables.bounded_lines`); ``newline`` is how its file is opened
    (``""`` keeps line ends as they are, as CSV needs; ``None`` unifies them).
    """

    read: Callable[[str, Iterable[str]], list[Entry | ReportError]]
    table: bool
    newline: str | None = ""


def _whole(reader: Callable[[str, str], list[Entry | ReportError]]) -> Format:
    """Wrap a reader of one whole decoded file."""
    return Format(lambda path, text: reader(path, "".join(text)), table=False)


#: File extension -> reader. Other extensions are noted as problems, not read.
READERS: dict[str, Format] = {
    ".csv": Format(read_csv, table=True),
    ".htm": _whole(read_html),
    ".html": _whole(read_html),
    # JSON has no raw line break inside a value, so its line ends may be unified first.
    ".jsonl": Format(read_jsonl, table=True, newline=None),
    ".md": _whole(read_text),
    ".txt": _whole(read_text),
}


def read_reports(
    paths: str | Path | Iterable[str | Path], *, published: str | dt.date | None = None
) -> ReportSet:
    """Read every report in some files and folders.

    Parameters
    ----------
    paths
        Files and folders, mixed. Folders are walked recursively in sorted order,
        skipping hidden files and folders and following links (each folder once; a
        loop is a warning). Extensions: ``.txt``/``.md`` (optional
        YAML front matter), ``.html``/``.htm``, ``.csv``/``.jsonl`` (one report a row).
        A CSV with a ``file`` column and no ``text`` column is a folder index: it
        gives ``published``, ``title``, ``url`` and ``source`` to the files it names.
    published
        The publication date of reports that give none of their own (a report's own
        date always wins, even a month): ``'YYYY-MM-DD'``, ``'YYYY-MM'`` or a
        :class:`datetime.date`; or ``'mtime'`` for each file's modification day. By
        default such reports stay undated: no date is ever taken from elsewhere.

    Returns
    -------
    ReportSet
        ``.reports`` in sorted path order, ``.problems`` naming file and line for
        every input that gave no report, ``.warnings`` for what a report lost (and
        for a publication date later than tomorrow, kept).

    Raises
    ------
    ValueError
        When *published* is not one of those forms, or in the future; nothing is
        read then.

    Examples
    --------
    >>> reports = read_reports(["samples/reports"])  # doctest: +SKIP
    >>> [problem.path for problem in reports.problems]  # doctest: +SKIP
    []
    >>> undated = read_reports(["wire/"], published="2020-11-18")  # doctest: +SKIP
    """
    dating = Dating.for_run(published)
    if isinstance(paths, str | Path):
        paths = [paths]
    result = ReportSet()
    files = collect_files(expand_globs(paths), result.problems, result.warnings)
    read_files(files, result, dating)
    return result


def read_files(
    files: Iterable[Path],
    result: ReportSet,
    dating: Dating,
    read_file: Callable[[Path, list[ReportError]], list[Entry | ReportError]] | None = None,
) -> None:
    """Read *files* in order into *result*: index metadata applied, ids settled once.

    *read_file* reads one file (:func:`_read_file` by default); a reader of a share of
    a file (some Parquet row groups) passes its own.
    """
    read_file = read_file or _read_file
    indexes = _FolderIndexes(result)
    seen: dict[str, Report] = {}
    for path in files:
        if indexes.is_index(path):
            continue
        index = indexes.metadata(path)  # once a file: a table holds many reports
        for item in read_file(path, result.warnings):
            if isinstance(item, ReportError):
                result.problems.append(item)
                continue
            report = _report(path, item, index, result.warnings, dating)
            first = seen.get(report.report_id)
            if first is not None:
                where = f"{first.path}:{first.line}" if first.line else first.path
                reason = (
                    f"duplicate report id {report.report_id!r} (first used by {where}); "
                    "not read: rename the file or give it its own id"
                )
                result.problems.append(ReportError(str(path), reason, line=item.line))
                continue
            seen[report.report_id] = report
            result.reports.append(report)


def _read_file(path: Path, warnings: list[ReportError]) -> list[Entry | ReportError]:
    """Read one file with the reader its extension names; decoding warnings go to *warnings*."""
    label = str(path)
    binary = binary_reader(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None and binary is None:
        known = ", ".join(sorted([*READERS, *BINARY_READERS]))
        reason = f"unknown extension {path.suffix or '(none)'!r} (known: {known})"
        return [ReportError(label, reason)]
    limit = MAX_TABLE_BYTES if reader is None or reader.table else MAX_FILE_BYTES
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            # A pipe or a link to /dev/zero (easy to put in an archive) would block or
            # never end: only regular files are read.
            return [ReportError(label, "not a regular file (a pipe, device or socket)")]
        size = status.st_size
        if size > limit:
            reason = f"too large: {size:,} bytes is over the {limit:,}-byte limit"
            return [ReportError(label, reason)]
        if reader is None:  # a binary table: Parquet, gzip
            return binary(path, warnings) if binary is not None else []
        if reader.table:
            return _read_table_file(path, reader, warnings)
        text = decode_report(label, path.read_bytes(), warnings)
    except OSError as error:
        return [ReportError(label, f"cannot be read: {error.strerror or error}")]
    if isinstance(text, ReportError):
        return [text]
    return reader.read(label, [text])


def _read_table_file(
    path: Path, reader: Format, warnings: list[ReportError]
) -> list[Entry | ReportError]:
    """Stream a table; undecodable bytes are kept as surrogates for its rows to refuse."""
    encoding = _table_encoding(path)
    if isinstance(encoding, ReportError):
        return [encoding]
    if encoding.warning is not None:
        warnings.append(encoding.warning)
    with _open_table(path, encoding, newline=reader.newline) as stream:
        return reader.read(str(path), bounded_lines(stream))


def _table_encoding(path: Path) -> TableEncoding | ReportError:
    """How a table file is decoded, from its first bytes."""
    with path.open("rb") as stream:
        return sniff_table(str(path), stream.read(_SNIFF_BYTES))


def _open_table(path: Path, encoding: TableEncoding, *, newline: str | None = "") -> TextIO:
    """Open a table as text in *encoding*, past any stray bytes before it."""
    stream = path.open("rb")
    stream.seek(encoding.skip)
    return io.TextIOWrapper(stream, encoding=encoding.codec, errors=UNDECODABLE, newline=newline)


def _report(
    path: Path,
    entry: Entry,
    index: dict[str, object],
    warnings: list[ReportError],
    dating: Dating,
) -> Report:
    """Settle a reader's entry into a report: id, metadata with index overrides, text cap."""
    label = str(path)
    fields = dict(entry.fields)
    for key in (*METADATA_KEYS, "id", "date"):
        value = fields.get(key)
        if value is not None and not isinstance(value, _SCALARS):
            # Never str() it: a YAML alias bomb is tiny as a tree and gigabytes as text.
            reason = f"{key!r} is a {type(value).__name__}, not a single value; left empty"
            warnings.append(ReportError(label, reason, line=entry.line))
            fields[key] = None
    if fields.get("published") in (None, "") and "date" in fields:
        fields["published"] = fields["date"]  # the key static-site generators use
    fields.update({key: value for key, value in index.items() if clean_field(value)})
    text = newlines(entry.text)
    title = clean_field(fields.get("title"))
    if entry.headline is not None and title is not None and title != entry.headline:
        text = f"{entry.headline}\n\n{text}"  # the index renamed it: the line is body text
    if len(text) > MAX_TEXT_CHARS:
        reason = f"text cut to its first {MAX_TEXT_CHARS:,} of {len(text):,} characters"
        warnings.append(ReportError(label, reason, line=entry.line))
        text = text[:MAX_TEXT_CHARS]
    if fields.get("published") in (None, ""):
        fields["published"] = byline_date(text)  # "By A. Writer | Published 3 July 2022"
    try:
        published = parse_published(fields.get("published"))
    except ValueError as error:
        warnings.append(ReportError(label, f"{error}; {dating.instead()}", line=entry.line))
        published = None
    published, future = dating.settle(published, path)
    if future is not None:
        warnings.append(ReportError(label, future, line=entry.line))
    report_id = clean_field(fields.get("id"))
    if report_id is None:
        report_id = path.stem if entry.line is None else f"{path.stem}-{entry.line}"
    return Report(
        report_id=report_id,
        text=text,
        title=title if title is not None else entry.headline,
        published=published,
        url=clean_field(fields.get("url")),
        source=clean_field(fields.get("source")),
        path=label,
        line=entry.line,
    )


class _FolderIndexes:
    """The ``index.csv``-style metadata of each folder, loaded on first need."""

    def __init__(self, result: ReportSet) -> None:
        self._result = result
        self._folders: dict[Path, dict[Path, dict[str, object]]] = {}
        self._index_files: set[Path] = set()

    def metadata(self, path: Path) -> dict[str, object]:
        """Fields the folder's index gives *path* (empty when none)."""
        return self._load(path.parent).get(resolved(path), {})

    def is_index(self, path: Path) -> bool:
        """Whether *path* is a folder index (metadata, not reports)."""
        self._load(path.parent)
        return resolved(path) in self._index_files

    def _load(self, folder: Path) -> dict[Path, dict[str, object]]:
        key = resolved(folder)
        if key not in self._folders:
            self._folders[key] = {}
            for csv_path in sorted(folder.glob("*.csv"), key=lambda p: p.name):
                if not csv_path.name.startswith(".") and _has_index_header(csv_path):
                    self._index_files.add(resolved(csv_path))
                    self._read_index(csv_path, self._folders[key])
        return self._folders[key]

    def _read_index(self, csv_path: Path, into: dict[Path, dict[str, object]]) -> None:
        label = str(csv_path)
        encoding = _table_encoding(csv_path)
        if isinstance(encoding, ReportError):  # not after _has_index_header read its header
            return
        if encoding.warning is not None:
            self._result.warnings.append(encoding.warning)
        with _open_table(csv_path, encoding) as stream:
            records = csv_records(label, bounded_lines(stream))
            header: list[str] | None = None
            for record in records:
                if isinstance(record, ReportError):
                    self._result.problems.append(record)
                    continue
                line, cells = record
                if header is None:
                    header = [name.strip().lower() for name in cells]
                    continue
                row = dict(zip(header, cells, strict=False))
                name = row.pop("file", "").strip()
                target = resolved(csv_path.parent / name)
                # Siblings only: "../../elsewhere" is not a file of this folder.
                if not name or Path(name).name != name or not target.is_file():
                    reason = f"index row names {name!r}, which is not a file in this folder"
                    self._result.warnings.append(ReportError(label, reason, line=line))
                    continue
                into.setdefault(target, {k: v for k, v in row.items() if k in _INDEX_KEYS})


def _has_index_header(csv_path: Path) -> bool:
    """Whether a CSV's first record is an index header (``file``, no ``text``)."""
    if not csv_path.is_file():  # a pipe or device named *.csv: reading it would not end
        return False
    try:
        encoding = _table_encoding(csv_path)
        if isinstance(encoding, ReportError):
            return False
        with _open_table(csv_path, encoding) as stream:
            first = next(iter(csv_records(str(csv_path), bounded_lines(stream))), None)
    except OSError:
        return False
    return isinstance(first, tuple) and is_index_header(first[1])
