"""Errors raised by the gazetteer.

::

    GazetteerError
    ├── GazetteerFileError (ValueError)   a data file is malformed; names file and row
    └── UnknownPlaceError (KeyError)      no place has that id
"""

from __future__ import annotations


class GazetteerError(Exception):
    """Root of every error the gazetteer raises on purpose."""


class GazetteerFileError(GazetteerError, ValueError):
    """A gazetteer file is refused; ``problems`` lists each ``file:row: reason``."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        shown = "\n  ".join(problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{path} refused ({len(problems)} problem(s)):\n  {shown}{more}")


class UnknownPlaceError(GazetteerError, KeyError):
    """No place in the gazetteer has the requested id."""

    def __str__(self) -> str:
        return f"no place with id {self.args[0]!r} in the gazetteer"
