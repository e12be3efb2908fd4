"""What a long command is doing, on a terminal: each phase with its count and rate.

Reading, merging, writing and rendering each say what they are doing while they run
and, when they end, how many items they handled, how long it took and the rate
(``merged 1,000,000 mentions in 41.8 s (23,900 mentions/s)``). Extraction has its
own progress bar (a report at a time, or the parts of a corpus as a Dask cluster
finishes them). All of it goes to stderr, and only when stderr is a terminal and the
command is not ``--quiet``: a piped or logged run prints its summary and nothing else.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO


class Phase:
    """A phase under way: set :attr:`count` to what it handled, if not known at start."""

    def __init__(self, count: int | None) -> None:
        self.count = count


def counted(count: int, noun: str) -> str:
    """*count* and *noun*, plural unless one.

    Examples
    --------
    >>> counted(1, "incident"), counted(2, "incident row")
    ('1 incident', '2 incident rows')
    """
    return f"{count} {noun}{'' if count == 1 else 's'}"


def shows_progress(args: argparse.Namespace, stream: TextIO | None = None) -> bool:
    """Whether a command with *args* shows its progress: a terminal, not ``--quiet``."""
    stream = stream or sys.stderr
    return not getattr(args, "quiet", False) and stream.isatty()


@contextmanager
def phase(
    args: argparse.Namespace,
    doing: str,
    done: str,
    unit: str,
    count: int | None = None,
    *,
    clock: Callable[[], float] = time.perf_counter,
) -> Iterator[Phase]:
    """Show *doing* while the block runs, then *done*, the count of *unit*, time and rate.

    Examples
    --------
    >>> import argparse
    >>> with phase(argparse.Namespace(quiet=True), "merging", "merged", "mentions", 10):
    ...     pass  # quiet (or not a terminal): nothing is shown
    """
    shown = Phase(count)
    if not shows_progress(args):
        yield shown
        return
    stream = sys.stderr
    what = f" {shown.count:,} {unit}" if shown.count is not None else ""
    stream.write(f"{doing}{what} ...")
    stream.flush()
    started = clock()
    try:
        yield shown
    finally:
        seconds = max(clock() - started, 1e-9)
        counted = shown.count or 0
        rate = f" ({counted / seconds:,.0f} {unit}/s)" if shown.count is not None else ""
        stream.write(f"\r\033[K{done} {counted:,} {unit} in {seconds:.1f} s{rate}\n")
        stream.flush()
