"""The publication date a report gets, and the one clock the mapper reads.

A report's own date (front matter, page metadata, table column, ``index.csv``) always
wins; without one, its byline's ("By A. Writer | Published 3 July 2022, 17:25 GMT",
"Posted on March 14, 2021") in the first lines of the text (:func:`byline_date`). A
report without either stays undated unless the user gives a date for such reports
(``read_reports(published=...)``, ``--published``): a day, a month, or ``"mtime"`` for
each file's modification day. Nothing else ever fills it: not a year in the text, not a
page header, not the file's time unless asked.

:func:`today` is the only place the real date is read; tests replace it, so none
depends on the day it runs.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import NamedTuple

#: ``published="mtime"``: each file's modification day, taken only when asked.
MTIME = "mtime"
#: A publication date this many days after :func:`today` is warned about (time zones
#: put a paper's date up to a day ahead of the reader's clock).
FUTURE_DAYS = 1

_GIVEN_RE = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?")


def today() -> dt.date:
    """Return today's date: the mapper's one clock, replaced in tests."""
    return dt.date.today()


def given_publication_date(value: str | dt.date) -> str:
    """Check a publication date given for reports that have none of their own.

    Parameters
    ----------
    value
        ``'YYYY-MM-DD'``, ``'YYYY-MM'``, a :class:`datetime.date`, or ``'mtime'`` for
        each file's modification day.

    Returns
    -------
    str
        The date as ``'YYYY-MM-DD'`` or ``'YYYY-MM'``, or ``'mtime'``.

    Raises
    ------
    ValueError
        When the value is none of those, not a real day or month, or later than
        tomorrow (:func:`today` plus :data:`FUTURE_DAYS`).

    Examples
    --------
    >>> given_publication_date("2020-11-18")
    '2020-11-18'
    >>> given_publication_date("2020-11")
    '2020-11'
    >>> given_publication_date("18 Nov 2020")
    Traceback (most recent call last):
    ...
    ValueError: publication date '18 Nov 2020' is not YYYY-MM-DD, YYYY-MM or 'mtime'
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        text = value.isoformat()
    elif isinstance(value, str):
        text = value.strip()
        if text.lower() == MTIME:
            return MTIME
    else:
        raise ValueError(f"publication date {value!r} is not YYYY-MM-DD, YYYY-MM or 'mtime'")
    found = _GIVEN_RE.fullmatch(text)
    if found is None:
        raise ValueError(f"publication date {text!r} is not YYYY-MM-DD, YYYY-MM or 'mtime'")
    year, month, day = found.group("year", "month", "day")
    try:
        first = dt.date(int(year), int(month), int(day or 1))
    except ValueError:
        raise ValueError(f"publication date {text!r} is not a real day or month") from None
    latest = latest_published()
    if first > latest:
        raise ValueError(f"publication date {text!r} is in the future (after tomorrow, {latest})")
    return text


class Dating(NamedTuple):
    """A run's publication rules: the date given for undated reports (or ``'mtime'``),
    and the last day a publication date may begin on without a warning."""

    given: str | None
    latest: dt.date

    @classmethod
    def for_run(cls, published: str | dt.date | None) -> Dating:
        """Check the given date (see :func:`given_publication_date`) and read the clock once."""
        given = None if published is None else given_publication_date(published)
        return cls(given, latest_published())

    def settle(self, own: str | None, path: Path) -> tuple[str | None, str | None]:
        """A report's publication date and, when it lies in the future, a warning.

        Its *own* date wins; else the given one, or *path*'s modification day in local
        time (as ``ls -l`` shows it) for ``'mtime'``, None when that cannot be read.
        """
        published = own
        if own is None and self.given == MTIME:
            try:
                published = dt.date.fromtimestamp(path.stat().st_mtime).isoformat()
            except (OSError, OverflowError, ValueError):
                published = None
        elif own is None:
            published = self.given
        if published is None or _first_day(published) <= self.latest:
            return published, None
        return published, (
            f"published date {published} is in the future (after tomorrow, {self.latest}); "
            "kept, but check it: relative dates count from it"
        )

    def instead(self) -> str:
        """What a report whose own date is not a date is given instead."""
        if self.given is None:
            return "published left empty"
        if self.given == MTIME:
            return "its file's modification day used instead"
        return f"{self.given}, given for undated reports, used instead"


def latest_published() -> dt.date:
    """The last day a publication date may begin on without a warning: tomorrow."""
    return today() + dt.timedelta(days=FUTURE_DAYS)


def _first_day(published: str) -> dt.date:
    """The first day a ``YYYY-MM-DD`` or ``YYYY-MM`` date covers."""
    return dt.date(int(published[:4]), int(published[5:7]), int(published[8:10] or 1))


#: A byline that says when the page was published, in its first lines: "Published 3 July
#: 2022, 17:25 GMT", "By A. Writer | Posted on March 14, 2021", "First published:
#: 2021-03-14". Not "Updated" (a later day) nor a date alone (a page header's, a trap).
_BYLINE_RE = re.compile(
    r"^[^\n]{0,80}?\b(?:first\s+)?(?:published|posted)(?:\s+on)?\s*:?\s+"
    r"(?P<date>\d{1,2}\s+[a-z]{3,9}\.?,?\s+\d{4}|[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})\b",
    re.IGNORECASE | re.MULTILINE,
)
#: How far into the text a byline may stand (a headline and a line or two before it).
BYLINE_CHARS = 600


def byline_date(text: str) -> str | None:
    """The publication day a byline in the first lines of *text* gives, or None.

    Examples
    --------
    >>> byline_date("Drone hits car\\n\\nBy A. Writer | Published 3 July 2022, 17:25 GMT\\n")
    '2022-07-03'
    >>> byline_date("Updated 4 July 2022") is None
    True
    """
    from mapper.read.fields import parse_published

    found = _BYLINE_RE.search(text[:BYLINE_CHARS])
    if found is None:
        return None
    try:
        return parse_published(found.group("date"))
    except ValueError:
        return None
