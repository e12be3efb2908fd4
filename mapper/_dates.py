"""Resolving the date a sentence gives, against the date its report was published.

Pure functions. News dates are mostly relative ("on Tuesday evening", "yesterday") or
lack a year ("On 11 March", "December 19"); both are pinned to the publication date,
never guessed when that date is missing or only a month. The rules are written out
in docs/extraction.md ("Date rules").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from mapper._read_fields import _MONTHS

#: Month name or abbreviation -> number; the readers' table, shared.
MONTHS: dict[str, int] = _MONTHS
WEEKDAYS: dict[str, int] = {
    name: number
    for number, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
#: Relative words -> days before publication.
RELATIVE_DAYS: dict[str, int] = {
    "today": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tonight": 0,
    "earlier today": 0,
    "yesterday": 1,
    "last night": 1,
    "the day before yesterday": 2,
}

# Month names are matched capitalised only: "march" and "may" are ordinary words.
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = (
    r"(?P<weekday>[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)"
)

#: (pattern, precision rank) — a lower rank is a more specific expression.
_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(rf"\b{_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"), 0),
    (re.compile(rf"\b{_DAY}(?: of)? {_MONTH}(?:,? {_YEAR})?\b"), 0),
    (re.compile(rf"\b{_MONTH} {_DAY}\b(?!:)(?:,? {_YEAR}\b)?"), 0),
    (
        re.compile(
            rf"\b(?P<last>last )?{_WEEKDAY}(?:'s)?\b",
        ),
        1,
    ),
    (
        re.compile(
            r"\b(?P<relative>the day before yesterday|earlier today|yesterday|last night|"
            r"this morning|this afternoon|this evening|tonight|today)\b",
            re.IGNORECASE,
        ),
        1,
    ),
    (re.compile(rf"\b(?:(?:early|mid|late)[- ])?{_MONTH},? {_YEAR}\b"), 2),
    (
        re.compile(
            rf"(?:\b(?P<prep>in|since|during|until|by|last|this|early|mid|late|of|from)[- ])?"
            rf"\b{_MONTH}\b"
        ),
        3,
    ),
    (re.compile(rf"\b{_YEAR}\b"), 4),
)


class DateFound(NamedTuple):
    """A date expression found in a text and what it resolves to."""

    start: int
    end: int
    date: str | None
    precision: str


def _published(published: str | None) -> tuple[dt.date | None, int | None, int | None]:
    """Return (full date or None, year, month) of a publication date string."""
    if not published:
        return None, None, None
    text = published.strip()
    match = re.match(r"((?:19|20)\d\d)(?:-([01]\d)(?:-([0-3]\d))?)?", text)
    if not match:
        return None, None, None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    if month is not None and match.group(3):
        try:
            return dt.date(year, month, int(match.group(3))), year, month
        except ValueError:
            return None, year, month
    return None, year, month


def _year_on_or_before(
    month: int, day: int | None, year: int, pub_month: int | None, pub_day: dt.date | None
) -> int:
    """The year that puts (month, day) on or before the publication date."""
    if pub_day is not None and day is not None:
        try:
            return year if dt.date(year, month, day) <= pub_day else year - 1
        except ValueError:
            return year
    if pub_month is None:
        return year
    return year if month <= pub_month else year - 1


def _resolve(match: re.Match[str], published: str | None) -> tuple[str | None, str]:
    groups = match.groupdict()
    pub_day, pub_year, pub_month = _published(published)
    if groups.get("relative"):
        if pub_day is None:
            return None, "unknown"
        back = RELATIVE_DAYS[groups["relative"].lower()]
        return (pub_day - dt.timedelta(days=back)).isoformat(), "day"
    if groups.get("weekday"):
        if pub_day is None:
            return None, "unknown"
        back = (pub_day.weekday() - WEEKDAYS[groups["weekday"].lower()]) % 7
        if groups.get("last") and back == 0:
            back = 7
        return (pub_day - dt.timedelta(days=back)).isoformat(), "day"
    month_name = groups.get("month")
    month = int(groups["mnum"]) if groups.get("mnum") else None
    if month_name:
        if month_name == "May" and not (
            groups.get("day") or groups.get("year") or groups.get("prep")
        ):
            return None, "unknown"  # "May" alone is as likely the verb
        month = MONTHS[month_name.lower().rstrip(".")]
    year = int(groups["year"]) if groups.get("year") else None
    day = int(groups["day"]) if groups.get("day") else None
    if month is None:  # a bare year
        return (str(year), "year") if year else (None, "unknown")
    if year is None:
        if pub_year is None:
            return None, "unknown"
        year = _year_on_or_before(month, day, pub_year, pub_month, pub_day)
    if day is None:
        return f"{year:04d}-{month:02d}", "month"
    try:
        return dt.date(year, month, day).isoformat(), "day"
    except ValueError:
        return None, "unknown"


def find_date(text: str, published: str | None) -> DateFound | None:
    """Return the most specific date expression in *text*, or None if it has none.

    An expression that is present but cannot be pinned down (a weekday when the
    publication day is unknown) is returned with ``date=None``.
    """
    best: tuple[int, int, re.Match[str]] | None = None
    for pattern, rank in _PATTERNS:
        for match in pattern.finditer(text):
            key = (rank, match.start())
            if best is None or key < best[:2]:
                best = (rank, match.start(), match)
            break  # the first match of a pattern is the earliest in the text
    if best is None:
        return None
    match = best[2]
    date, precision = _resolve(match, published)
    if best[0] == 3 and date is None and match.group("month") == "May":
        return None
    return DateFound(match.start(), match.end(), date, precision)


def resolve_date(expression: str, published: str | None) -> tuple[str | None, str]:
    """Resolve a date expression (or the first one in a sentence) against a publication date.

    Parameters
    ----------
    expression
        A date expression ("Tuesday evening", "On 11 March", "yesterday") or a whole
        sentence holding one.
    published
        The report's publication date: ``'YYYY-MM-DD'``, ``'YYYY-MM'`` or None.

    Returns
    -------
    tuple of (str or None, str)
        The date cut to its precision ('2020-11-17', '2020-03' or '2020') and the
        precision: 'day', 'month', 'year' or 'unknown' (then the date is None).

    Examples
    --------
    >>> resolve_date("on Tuesday evening", "2020-11-18")
    ('2020-11-17', 'day')
    >>> resolve_date("On 11 March", "2020-03-26")
    ('2020-03-11', 'day')
    >>> resolve_date("December 19", "2022-01-13")
    ('2021-12-19', 'day')
    >>> resolve_date("yesterday", None)
    (None, 'unknown')
    """
    found = find_date(expression, published)
    if found is None:
        return None, "unknown"
    return found.date, found.precision


#: Dated from the story's own timeline, not from publication: days after (+) or
#: before (-) the date the narrative is at ("A day earlier, mortars hit Taji").
NARRATIVE_SHIFTS: dict[str, int] = {
    "a day earlier": -1,
    "a day before": -1,
    "the day before": -1,
    "the previous day": -1,
    "the previous night": -1,
    "two days earlier": -2,
    "a day later": 1,
    "the next day": 1,
    "the following day": 1,
    "the next morning": 1,
    "two days later": 2,
    "hours later": 0,
    "hours earlier": 0,
    "minutes later": 0,
    "later that day": 0,
    "earlier that day": 0,
    "the same day": 0,
}
_NARRATIVE_RE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(k) for k in sorted(NARRATIVE_SHIFTS, key=len, reverse=True))
    + r")\b(?! yesterday)",
    re.IGNORECASE,
)
#: Another time that cannot be pinned down: it still says "not the same day".
_OTHER_TIME_RE = re.compile(
    r"\b(?:earlier|later) (?:in|this|that|last) (?:the )?(?:week|month|year)\b"
    r"|\b(?:last|previous|the previous) (?:week|month|year)\b"
    r"|\b(?:\w+ )?(?:days|weeks|months) (?:earlier|before|ago|later)\b"
    r"|\b(?:a|one) (?:week|month) (?:earlier|before|ago|later)\b",
    re.IGNORECASE,
)


def narrative_date(text: str, anchor: str | None) -> tuple[str | None, str] | None:
    """Resolve a time given relative to the story ("a day earlier") against *anchor*.

    Parameters
    ----------
    text
        A sentence or clause without a date expression of its own.
    anchor
        The day ('YYYY-MM-DD') the narrative is at, or None.

    Returns
    -------
    tuple of (str or None, str) or None
        None when *text* has no such expression; ``(date, "day")`` when it shifts a
        known day; ``(None, "unknown")`` when it names another, unknowable time
        ("earlier in the week") or there is no day to shift from.
    """
    match = _NARRATIVE_RE.search(text)
    if match is not None:
        if anchor is None or len(anchor) != 10:
            return None, "unknown"
        shift = NARRATIVE_SHIFTS[match.group().lower()]
        return (dt.date.fromisoformat(anchor) + dt.timedelta(days=shift)).isoformat(), "day"
    if _OTHER_TIME_RE.search(text):
        return None, "unknown"
    return None
