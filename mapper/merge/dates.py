"""Incident dates as day intervals, for deciding which mentions can be one attack."""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache
from typing import Any

#: Rank of each ``date_precision``: the lower, the more precise.
PRECISION_RANK: dict[str, int] = {"day": 0, "month": 1, "year": 2, "unknown": 3}

#: How a day-precision date relates to its report's publication date.
ON_PUBLICATION_DAY = "anchored"  # maybe only the day a post-midnight report went out
BEFORE_PUBLICATION = "late"  # a follow-up naming the day of an earlier attack

#: A coarse date (month or year) also fits this many days either side of its span,
#: because the report dating it may round across a boundary.
COARSE_SLACK_DAYS = 1


def infer_precision(date: str | None, precision: str | None) -> str:
    """Return *precision*, or the one the shape of *date* implies when it is missing."""
    if precision in PRECISION_RANK:
        return str(precision)
    if not date:
        return "unknown"
    return {10: "day", 7: "month", 4: "year"}.get(len(date), "unknown")


@lru_cache(maxsize=65536)
def day_interval(date: str | None, precision: str) -> tuple[int, int] | None:
    """Return the first and last day (proleptic ordinals) *date* can mean, or None.

    A day is ``(d, d)``; a month or a year spans its days plus
    :data:`COARSE_SLACK_DAYS` on each side. Unknown or malformed dates give None.

    Examples
    --------
    >>> lo, hi = day_interval("2020-11", "month")
    >>> dt.date.fromordinal(lo), dt.date.fromordinal(hi)
    (datetime.date(2020, 10, 31), datetime.date(2020, 12, 1))
    """
    if not date or precision == "unknown":
        return None
    try:
        if precision == "day":
            day = dt.date.fromisoformat(date[:10]).toordinal()
            return (day, day)
        year = int(date[:4])
        if precision == "month":
            month = int(date[5:7])
            first = dt.date(year, month, 1)
            last = dt.date(year, month, calendar.monthrange(year, month)[1])
        else:
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None
    return (first.toordinal() - COARSE_SLACK_DAYS, last.toordinal() + COARSE_SLACK_DAYS)


def publication_state(date: str | None, published: Any) -> str:
    """Return :data:`ON_PUBLICATION_DAY`, :data:`BEFORE_PUBLICATION` or "" for a day.

    "" when either date is missing or not a full day, or the date is after publication.
    """
    day = str(published)[:10] if published is not None else ""
    if not date or len(date) != 10 or len(day) < 10:
        return ""
    if date == day:
        return ON_PUBLICATION_DAY
    return BEFORE_PUBLICATION if date < day else ""
