"""What every report reader hands back, and the metadata fields they share.

Readers are pure: decoded text in, :class:`Entry` records (or errors) out. The
driver in :mod:`mapper.read.reports` turns entries into :class:`~mapper.Report` objects,
so no reader needs to know about the others or about folders and ``index.csv``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

#: The metadata keys a front matter block, an HTML page or a table row may give.
METADATA_KEYS: tuple[str, ...] = ("published", "title", "url", "source")

#: Longest report text kept; longer texts are cut here with a warning, so one
#: hostile file cannot make extraction crawl. A long feature is ~60,000 characters.
MAX_TEXT_CHARS = 100_000

#: Month name or abbreviation -> number, shared with the date resolver.
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
#: Written date forms, each matched against the whole stripped value.
_DATE_FORMS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern)
    for pattern in (
        # 2020-11-18, 2020/11/18, 2020-11-18T21:30:00+03:00 (the date as written)
        r"(?P<year>\d{4})[-/](?P<mnum>\d{1,2})[-/](?P<day>\d{1,2})(?:[T ].*)?",
        r"(?P<year>\d{4})[-/](?P<mnum>\d{1,2})",
        # 18 November 2020, Wednesday 18 Nov. 2020
        rf"(?:[A-Za-z]+,?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})",
        # November 18, 2020, Wednesday, November 18th 2020
        rf"(?:[A-Za-z]+,?\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})",
        # November 2020
        rf"{_MONTH},?\s+(?P<year>\d{{4}})",
    )
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One report as a reader found it, before ids and folder metadata are settled.

    ``fields`` holds the raw metadata values (``published``, ``title``, ``url``,
    ``source``, ``id``) exactly as the file gave them; ``headline`` is the line a
    reader took out of ``text`` to use as the title, so it can be put back if an
    ``index.csv`` gives a different title.
    """

    text: str
    fields: Mapping[str, object]
    line: int | None = None
    headline: str | None = None


def parse_published(value: object) -> str | None:
    """Return a publication date as ``YYYY-MM-DD`` or ``YYYY-MM``.

    Parameters
    ----------
    value
        A :class:`datetime.date` or :class:`datetime.datetime` (as YAML gives them),
        or a string such as ``"2020-11-18"``, ``"2020-11-18T21:30:00Z"``,
        ``"18 November 2020"``, ``"November 18, 2020"``, ``"2020-11"`` or
        ``"November 2020"``. ``None`` and blank strings give ``None``.

    Raises
    ------
    ValueError
        When the value is not a date in one of those forms (or not a real day).

    Examples
    --------
    >>> parse_published("18 Nov 2020")
    '2020-11-18'
    >>> parse_published("November 2020")
    '2020-11'
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    if len(text) > 60:  # no date is written longer; the patterns need not see more
        raise ValueError(f"published date {text[:60]!r}... is too long to be a date")
    for form in _DATE_FORMS:
        found = form.fullmatch(text)
        if found is not None:
            return _date_string(found, text)
    raise ValueError(f"published date {text!r} is not a date like 2020-11-18 or November 2020")


def _date_string(found: re.Match[str], text: str) -> str:
    """Turn a matched date form into its ISO string, checking the day exists."""
    parts = found.groupdict()
    year = int(parts["year"])
    if parts.get("mnum") is not None:
        month = int(parts["mnum"])
    else:
        month = MONTHS.get(parts["month"].lower(), 0)
    if not 1 <= month <= 12:
        raise ValueError(f"published date {text!r} has no month between 1 and 12")
    if parts.get("day") is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, int(parts["day"])).isoformat()
    except ValueError:
        raise ValueError(f"published date {text!r} is not a real day") from None


def clean_field(value: object) -> str | None:
    """Return a metadata value as stripped text, or ``None`` when blank or missing."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
