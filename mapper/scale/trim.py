"""Freed memory handed back to the system between the parts of a streamed run.

A part's reports, rows and text are freed once the part is written, but glibc's
``malloc`` keeps much of what was freed for later use, in a heap that parts leave
gaps in. How much it keeps varies from part to part, so the peak of a long run crept
up with its length (by a few bytes a report) although nothing was kept.
:func:`trim_memory`, called after each part, returns the free memory at once (half a
millisecond a part). Where the C library has no ``malloc_trim`` it does nothing.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from functools import cache


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where the C library has none. Looked up among the
    symbols this process already has loaded (no search for the library's file, which
    would run ``ldconfig``), on first use rather than on import."""
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):  # TypeError: Windows needs a name
        return None


def trim_memory() -> None:
    """Hand the memory this process has freed back to the system, where it can."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
