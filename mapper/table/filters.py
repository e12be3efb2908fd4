"""Keeping the incidents of a time window and of some weapons.

A date in the table is cut to its precision (``2020-11-17``, ``2020-11``, ``2020``),
so it stands for a period: a day, a month or a year. An incident is kept when its
period overlaps the window: with ``since="2020-11-15"`` an incident of "November
2020" is kept (it may have been after the 15th), one of "October 2020" is not. An
incident without a date is left out whenever a window is given.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable

import pandas as pd

from mapper.table.schema import WEAPONS

_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_period(value: str | dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day a date cut to its precision stands for.

    Parameters
    ----------
    value
        ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, or a :class:`datetime.date`.

    Returns
    -------
    tuple of datetime.date
        The first and the last day of the day, month or year.

    Raises
    ------
    ValueError
        When *value* is not such a date, or not a real one.

    Examples
    --------
    >>> [str(day) for day in date_period("2020-02")]
    ['2020-02-01', '2020-02-29']
    """
    if isinstance(value, dt.date):
        return value, value
    found = _DATE_RE.fullmatch(value.strip())
    if found is None:
        raise ValueError(f"{value!r} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = (int(part) if part else None for part in found.groups())
    assert year is not None
    try:
        if day is not None and month is not None:
            first = dt.date(year, month, day)
            return first, first
        if month is not None:
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except (ValueError, calendar.IllegalMonthError):
        raise ValueError(f"{value!r} is not a real day, month or year") from None


def filter_incidents(
    incidents: pd.DataFrame,
    *,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    weapons: Iterable[str] = (),
) -> pd.DataFrame:
    """Keep the incidents that may fall in a time window and used one of some weapons.

    Parameters
    ----------
    incidents
        An incident table, raw or merged.
    since, until
        The window's first and last day, month or year (``YYYY-MM-DD``, ``YYYY-MM``,
        ``YYYY``), both included; a month or year runs from its first to its last day.
        An incident is kept when the period its date stands for overlaps the window;
        an undated one is left out once either is given.
    weapons
        Keep only incidents with one of these weapons (from
        :data:`~mapper.table.WEAPONS`); all when empty.

    Returns
    -------
    pandas.DataFrame
        The rows kept, in their order, with a fresh index.

    Raises
    ------
    ValueError
        For a date that is not one, a window that ends before it starts, or a weapon
        outside the vocabulary.

    Examples
    --------
    >>> from mapper.table import incident_frame
    >>> table = incident_frame([{"date": "2020-11", "weapon": "rocket"},
    ...                         {"date": "2020-10-31", "weapon": "rocket"},
    ...                         {"date": None, "weapon": "drone"}])
    >>> filter_incidents(table, since="2020-11-15")["date"].tolist()
    ['2020-11']
    >>> filter_incidents(table, weapons=["drone"])["weapon"].tolist()
    ['drone']
    """
    wanted = check_weapons(weapons)
    start = date_period(since)[0] if since is not None else None
    end = date_period(until)[1] if until is not None else None
    if start is not None and end is not None and end < start:
        raise ValueError(f"the window ends ({until}) before it starts ({since})")
    keep = pd.Series(True, index=incidents.index)
    if wanted:
        keep &= incidents["weapon"].isin(wanted).fillna(False).astype(bool)
    if start is not None or end is not None:
        keep &= incidents["date"].map(lambda d: _overlaps(d, start, end)).astype(bool)
    return incidents[keep].reset_index(drop=True)


def check_weapons(weapons: Iterable[str]) -> list[str]:
    """The weapons, each checked against :data:`~mapper.table.WEAPONS`.

    Raises
    ------
    ValueError
        Naming the first weapon outside the vocabulary, and the vocabulary.
    """
    wanted = [w.strip().lower() for w in weapons]
    for weapon in wanted:
        if weapon not in WEAPONS:
            raise ValueError(f"unknown weapon {weapon!r}: use {', '.join(WEAPONS)}")
    return wanted


def _overlaps(date: object, start: dt.date | None, end: dt.date | None) -> bool:
    if not isinstance(date, str) or not date:
        return False
    try:
        first, last = date_period(date)
    except ValueError:
        return False
    return (start is None or last >= start) and (end is None or first <= end)
