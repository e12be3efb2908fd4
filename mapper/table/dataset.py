"""An incident table as a Parquet dataset: a folder of part files, written part by part.

``-o incidents.parquet`` names a file, unless a folder of that name is there: then
the table is written into it as ``part-00000.parquet``, ``part-00001.parquet``, ... (a
streamed run writes a part per part of the corpus as it goes; a table held whole is
cut every :data:`PART_ROWS` rows), and read back as the parts concatenated in name
order. The parts go to a new hidden folder beside the target, which replaces the old
folder only once every part is written and synced; a failed run leaves the old one.
The two folders trade places in one step where the system can (Linux's
``renameat2(RENAME_EXCHANGE)``), so a kill at any moment leaves one whole table there.
"""

from __future__ import annotations

import ctypes
import errno
import os
import secrets
import shutil
from pathlib import Path

from mapper.errors import IncidentTableError
from mapper.table.atomic import sync_folder
from mapper.table.cells import Cell, Row
from mapper.table.parquet import parquet_bytes, parquet_rows

#: Rows a part holds when a whole table is written as a dataset.
PART_ROWS = 100_000
#: ``renameat2`` arguments: paths relative to the working folder; swap the two.
_AT_FDCWD, _RENAME_EXCHANGE = -100, 2


def is_dataset(path: str | Path) -> bool:
    """Whether *path* names a Parquet dataset: a folder whose name ends in ``.parquet``."""
    path = Path(path)
    return path.suffix.lower() == ".parquet" and path.is_dir()


class DatasetWriter:
    """Part files written into a hidden folder beside *path*, swapped in on :meth:`commit`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        token = f"{os.getpid()}-{secrets.token_hex(4)}"
        self._folder = self.path.with_name(f".{self.path.name}.{token}.tmp")
        self._old = self.path.with_name(f".{self.path.name}.{token}.old")
        self.parts = 0
        try:
            self._folder.mkdir()
        except OSError as error:
            raise _unwritable(self.path, error) from None

    def write(self, columns: list[str], rows: list[dict[str, Cell]]) -> None:
        """Write one part file of *rows*."""
        part = self._folder / f"part-{self.parts:05d}.parquet"
        try:
            with open(part, "wb") as handle:
                handle.write(parquet_bytes(columns, rows))
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            self.abort()
            raise _unwritable(self.path, error) from None
        self.parts += 1

    def commit(self) -> None:
        """Put the new folder where the old one was, and remove the old one."""
        stale = self._old
        try:
            if not self.path.exists():
                os.replace(self._folder, self.path)
            elif exchange(self._folder, self.path):
                stale = self._folder  # the old table, now under the new one's hidden name
            else:  # two renames: a kill between them leaves the old table as ``self._old``
                os.replace(self.path, self._old)
                os.replace(self._folder, self.path)
        except OSError as error:
            self.abort()
            raise _unwritable(self.path, error) from None
        sync_folder(self.path.parent)
        shutil.rmtree(stale, ignore_errors=True)

    def abort(self) -> None:
        """Remove the parts written; the target stays as it was."""
        shutil.rmtree(self._folder, ignore_errors=True)


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths in one step; False where the system cannot.

    Linux's ``renameat2(..., RENAME_EXCHANGE)``: no moment has either name missing.

    Parameters
    ----------
    first, second
        The two paths, on the same file system.

    Returns
    -------
    bool
        Whether they were swapped; False, having changed nothing, where the C library
        or the file system has no such call.

    Raises
    ------
    OSError
        Any other failure of the call.
    """
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError, TypeError):  # no such call, or no C library to ask
        return False
    names = os.fsencode(first), os.fsencode(second)
    if renameat2(_AT_FDCWD, names[0], _AT_FDCWD, names[1], _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def write_dataset(path: str | Path, columns: list[str], rows: list[dict[str, Cell]]) -> None:
    """Write a whole table into the dataset folder *path*, :data:`PART_ROWS` rows a part."""
    writer = DatasetWriter(path)
    for start in range(0, max(1, len(rows)), PART_ROWS):
        writer.write(columns, rows[start : start + PART_ROWS])
    writer.commit()


def dataset_rows(path: str | Path) -> tuple[list[str], list[Row]]:
    """The columns and rows of every part of the dataset *path*, in name order."""
    parts = sorted(Path(path).glob("*.parquet"))
    if not parts:
        raise IncidentTableError(f"{path}: a folder with no .parquet part in it")
    columns: list[str] | None = None
    rows: list[Row] = []
    for part in parts:
        try:
            raw = part.read_bytes()
        except OSError as error:
            raise IncidentTableError(f"{part}: cannot be read: {error.strerror or error}") from None
        found, part_rows = parquet_rows(str(part), raw)
        if columns is None:
            columns = found
        elif found != columns:
            raise IncidentTableError(f"{part}: other columns than {parts[0].name}")
        rows += [(f"/{part.name}{where}", record) for where, record in part_rows]
    assert columns is not None
    return columns, rows


def _unwritable(path: Path, error: OSError) -> IncidentTableError:
    return IncidentTableError(
        f"{path}: cannot be written: {error.strerror or error}"
        " (any table already there is left as it was)"
    )
