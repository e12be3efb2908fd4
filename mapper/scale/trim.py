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
import ctypes.util
from collections.abc import Callable


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where the C library has none."""
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        return ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return None


_TRIM = _malloc_trim()


def trim_memory() -> None:
    """Hand the memory this process has freed back to the system, where it can."""
    if _TRIM is not None:
        _TRIM(0)
