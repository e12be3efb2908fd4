"""Writing an output file all at once or not at all.

Every file the product writes (the incident table in each format, the map) goes
through :func:`write_atomically`: the content goes to a new hidden file in the same
folder, is flushed and synced to disk, and only then renamed over the target. A
kill, a full disk or a crash during the write leaves the old file as it was and, at
worst, a ``.<name>.<pid>-<random>.tmp`` file beside it (removed whenever the
process lives to see the error).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


def write_atomically(path: str | Path, content: str | bytes) -> None:
    """Write *content* as UTF-8 to *path*, replacing any file there in one step.

    Parameters
    ----------
    path
        The file to write. A symbolic link is followed: the file it points to is
        replaced. A file that is replaced keeps its permissions; a new one is
        created like any other (the umask applies), not private as a ``tempfile``
        one would be. A device or pipe (``/dev/stdout``) is written straight to.
    content
        The whole text, written as UTF-8 with line endings as they are; or bytes.

    Raises
    ------
    OSError
        When the folder cannot be written or the disk fills up; *path* is then
        untouched and the temporary file removed.
    """
    with atomic_file(path) as handle:
        handle.write(_encoded(content))


@contextlib.contextmanager
def atomic_file(path: str | Path) -> Iterator[BinaryIO]:
    """A binary file that replaces *path* when the block ends without an error.

    What :func:`write_atomically` writes through, for content written a piece at a
    time. On an error in the block, *path* is left as it was and the temporary file is
    removed; the error propagates.
    """
    if _is_device(path):  # /dev/stdout, a pipe: nothing to replace, no folder to use
        with open(path, "wb") as device:
            yield device
        return
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    temporary = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    created = False
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        created = True
        with open(descriptor, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if target.is_file():
            os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))
        os.replace(temporary, target)
    except BaseException:
        if created:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
        raise
    sync_folder(target.parent)


def _encoded(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def _is_device(path: str | Path) -> bool:
    """Whether *path* (followed) is there and neither a file nor a folder."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def sync_folder(folder: Path) -> None:
    """Make a rename in *folder* durable; best effort, as not every system can.

    Parameters
    ----------
    folder
        The folder whose entries changed.
    """
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)
