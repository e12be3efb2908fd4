"""Errors raised by the mapper.

::

    MapperError
    ├── ReportError (ValueError)      a report file or row cannot be read
    ├── IncidentTableError (ValueError)  an incident table is missing columns or malformed
    └── EvaluationError (ValueError)  a gold file cannot be read
"""

from __future__ import annotations


class MapperError(Exception):
    """Root of every error the mapper raises on purpose."""


class ReportError(MapperError, ValueError):
    """A report cannot be read; the message names the file and, where known, the line."""

    def __init__(self, path: str, reason: str, *, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class IncidentTableError(MapperError, ValueError):
    """An incident table (CSV, GeoJSON, JSONL) cannot be used."""


class EvaluationError(MapperError, ValueError):
    """A gold file for ``mapper evaluate`` cannot be read."""
