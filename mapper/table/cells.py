"""Typed cells of an incident table read from a file: each value is converted to its
column's type and checked against the column's form or vocabulary, and a bad one is
named with its file, line and column.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable, Iterator
from typing import Any

import pandas as pd

from mapper.errors import IncidentTableError
from mapper.table.schema import (
    DATE_PRECISIONS,
    GEO_PRECISIONS,
    INCIDENT_COLUMNS,
    MERGE_COLUMNS,
    WEAPONS,
    conform_incidents,
)

#: A cell as written: text, a number, or missing.
Cell = str | int | float | None
#: One row as a file gave it, and where it was, as a suffix to the path: ``":4"``,
#: ``": feature 2"``.
Row = tuple[str, dict[str, Any]]
_KNOWN_TYPES = {**INCIDENT_COLUMNS, **MERGE_COLUMNS}


def dumps(value: object) -> str:
    """One JSON value as the tables write it: UTF-8 text, no NaN."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def typed_frame(path: str, columns: list[str], rows: list[Row]) -> pd.DataFrame:
    """Build the typed table, checking every value against its column's type."""
    data = {
        column: pd.array(
            list(_typed(path, column, _KNOWN_TYPES.get(column, "string"), rows)),
            dtype=_KNOWN_TYPES.get(column, "string"),
        )
        for column in columns
    }
    return conform_incidents(pd.DataFrame(data, columns=columns))


def _typed(path: str, column: str, dtype: str, rows: list[Row]) -> Iterator[Cell]:
    convert = _CONVERTERS[dtype]
    limit = _COORDINATE_LIMITS.get(column)
    allowed = _ALLOWED_VALUES.get(column)
    text = dtype == "string"
    for where, row in rows:
        value = row.get(column)
        if value is None:
            yield None
            continue
        try:
            # Most text is text already (all of a CSV): no conversion.
            cell = value if text and type(value) is str else convert(value)
        except (TypeError, ValueError):
            expected = {"Int64": "a whole number", "Float64": "a number"}.get(dtype, "text")
            raise IncidentTableError(
                f"{path}{where}: column {column!r}: {value!r} is not {expected}"
            ) from None
        except OverflowError:
            raise IncidentTableError(
                f"{path}{where}: column {column!r}: {value!r} is too large a number"
            ) from None
        if limit is not None and not -limit <= cell <= limit:  # type: ignore[operator]
            raise IncidentTableError(
                f"{path}{where}: column {column!r}: {value!r} is outside -{limit} to {limit}"
            )
        if allowed is not None and not allowed[0](cell):
            raise IncidentTableError(
                f"{path}{where}: column {column!r}: {value!r} is not {allowed[1]}"
            )
        yield cell


def _is_cut_date(value: Any) -> bool:
    """Whether *value* is an ISO date cut to its precision: 2020-11-17, 2020-11 or 2020."""
    if not isinstance(value, str) or not _CUT_DATE_RE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat((value + "-01-01")[:10])
    except ValueError:
        return False
    return True


_CUT_DATE_RE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
#: Columns whose values come from a vocabulary or a form: the test, and what it asks.
_ALLOWED_VALUES: dict[str, tuple[Callable[[Any], bool], str]] = {
    "date": (_is_cut_date, "a date (YYYY-MM-DD, YYYY-MM or YYYY)"),
    "date_precision": (DATE_PRECISIONS.__contains__, f"one of {', '.join(DATE_PRECISIONS)}"),
    "weapon": (WEAPONS.__contains__, f"one of {', '.join(WEAPONS)}"),
    "geo_precision": (GEO_PRECISIONS.__contains__, "1, 2 or 3"),
    **dict.fromkeys(
        ("projectiles", "killed", "injured", "n_reports"),
        (lambda count: count >= 0, "a count (0 or more)"),
    ),
}
#: Largest absolute latitude and longitude (WGS84 degrees).
_COORDINATE_LIMITS: dict[str, int] = {"latitude": 90, "longitude": 180}
#: Largest count an Int64 column holds.
_MAX_INT = 2**63 - 1


def _to_float(value: Any) -> float:
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError("not finite")
    return number


def _to_int(value: Any) -> int:
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, str) and value.strip().lstrip("+-").isdigit():
        value = int(value)
    if not isinstance(value, int):
        number = float(value)
        if not number.is_integer():
            raise ValueError("not a whole number")
        value = int(number)
    if abs(value) > _MAX_INT:
        raise OverflowError("too large for Int64")
    return value


def _to_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict | list):
        return dumps(value)
    return str(value)


_CONVERTERS: dict[str, Callable[[Any], Cell]] = {
    "Float64": _to_float,
    "Int64": _to_int,
    "string": _to_text,
}
