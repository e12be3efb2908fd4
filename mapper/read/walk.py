"""Finding report files: folders walked in sorted order, links followed, loops named.

A folder link is followed once the real folders given have been walked, so a report
that can be reached both ways keeps its real path. Each folder is walked once however
many links lead to it; a link back to a folder that holds it is a loop, named in one
warning and not followed. A folder that cannot be listed, and a file link that never
reaches a file (``a.txt -> b.txt -> a.txt``), are problems: nothing under the inputs
is lost without a word, and nothing here raises.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from mapper.errors import ReportError

#: Links followed before a chain is taken for a loop (Linux gives up at 40 too).
_MAX_LINKS = 40


def collect_files(
    paths: Iterable[str | Path], problems: list[ReportError], warnings: list[ReportError]
) -> list[Path]:
    """Every file under *paths*, once each, in sorted order.

    Parameters
    ----------
    paths
        Files and folders. Folders are walked recursively, skipping names that start
        with ``.``; folder links are followed.
    problems, warnings
        Where a missing input or a folder that cannot be listed (problems), and a
        folder link loop (warnings), are recorded.

    Returns
    -------
    list of Path
        Each file once, however many paths or links reach it, in sorted order.
    """
    walker = _Walker(problems, warnings)
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files.extend(walker.walk(path))
        elif path.is_file() or link_loop(path) is not None:
            files.append(path)  # a loop is read, and refused with the reason the OS gives
        else:
            problems.append(ReportError(str(path), "no such file or folder"))
    files.extend(walker.walk_links())
    found: dict[Path, Path] = {}
    for file in files:
        found.setdefault(resolved(file), file)
    return sorted(found.values(), key=lambda p: p.as_posix())


def resolved(path: Path) -> Path:
    """*path* with links followed; every member of a link loop gives the same path."""
    try:
        return path.resolve()
    # RuntimeError: Python 3.11's "Symlink loop from ..."; ValueError: a NUL in the name.
    except (OSError, RuntimeError, ValueError):
        loop = link_loop(path)
        return loop if loop is not None else path.absolute()


def link_loop(path: Path) -> Path | None:
    """The first (in sorted order) link of the loop that *path*'s links run into, if any."""
    chain: list[str] = []
    try:
        current = _real_parent(os.path.abspath(path))
        for _ in range(_MAX_LINKS):
            if current in chain:
                return Path(min(chain[chain.index(current) :]))
            chain.append(current)
            current = _real_parent(os.path.join(os.path.dirname(current), os.readlink(current)))
    except (OSError, ValueError):  # not a link (the chain reached something), or a NUL
        return None
    return None


def _real_parent(path: str) -> str:
    """*path* with its folder's links followed and its own name kept."""
    folder, name = os.path.split(os.path.normpath(path))
    return os.path.join(os.path.realpath(folder), name)


class _Walker:
    """Walks folders, each real folder once, keeping folder links for later."""

    def __init__(self, problems: list[ReportError], warnings: list[ReportError]) -> None:
        self._problems = problems
        self._warnings = warnings
        self._walked: set[tuple[int, int]] = set()
        self._links: list[Path] = []

    def walk(self, top: Path) -> Iterator[Path]:
        """Files under *top* through real folders, in sorted order; links are kept."""
        pending = [top]
        while pending:
            folder = pending.pop()
            identity = _identity(folder)
            if identity in self._walked:
                continue
            if identity is not None:
                self._walked.add(identity)
            try:
                with os.scandir(folder) as listing:
                    entries = sorted(
                        (e for e in listing if not e.name.startswith(".")), key=lambda e: e.name
                    )
            except OSError as error:
                reason = f"folder cannot be read: {error.strerror or error}"
                self._problems.append(ReportError(str(folder), reason))
                continue
            folders = []
            for entry in entries:
                path = folder / entry.name
                if _is_folder(entry, follow=False):
                    folders.append(path)
                elif entry.is_symlink() and _is_folder(entry, follow=True):
                    self._links.append(path)
                else:
                    yield path  # a file, or something reading will name (a dangling link)
            pending.extend(reversed(folders))

    def walk_links(self) -> Iterator[Path]:
        """Files under the folder links found so far, and under links found in them."""
        while self._links:
            link = self._links.pop(0)
            if _identity(link) not in self._walked:
                yield from self.walk(link)
            elif _holds(link):
                target = os.path.realpath(link)
                reason = f"a folder link back to {target}, which holds it: a loop, not followed"
                self._warnings.append(ReportError(str(link), reason))
            # else: a second way into a folder already read; its files are read once


def _identity(folder: Path) -> tuple[int, int] | None:
    """The device and inode a folder (or the folder a link names) lives at."""
    try:
        status = folder.stat()
    except (OSError, ValueError):
        return None
    return status.st_dev, status.st_ino


def _is_folder(entry: os.DirEntry[str], *, follow: bool) -> bool:
    """Whether a listing entry is a folder; a link loop or a vanished entry is not."""
    try:
        return entry.is_dir(follow_symlinks=follow)
    except OSError:
        return False


def _holds(link: Path) -> bool:
    """Whether the folder *link* names holds the link itself (a loop)."""
    target = os.path.realpath(link)
    home = os.path.realpath(link.parent)
    return home == target or home.startswith(target.rstrip(os.sep) + os.sep)
