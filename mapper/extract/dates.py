"""Resolving the date a sentence gives, against the date its report was published.

Pure functions. News dates are mostly relative ("on Tuesday evening", "yesterday") or
lack a year ("On 11 March", "December 19"); both are pinned to the publication date,
never guessed when that date is missing or only a month. The rules are written out
in docs/extraction.md ("Date rules").
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple

from mapper.extract.statements import event_expressions
from mapper.extract.words import has_digit, key_words, words_of
from mapper.read import MONTHS

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
    "this dawn": 0,
    "earlier today": 0,
    "yesterday": 1,
    "last night": 1,
    "the day before yesterday": 2,
}

#: Capitalised month names and abbreviations -> number ("march" and "may" are words).
_MONTH_NAMES: dict[str, int] = {name.capitalize(): number for name, number in MONTHS.items()}
_MONTH_KEYS = frozenset(MONTHS)
_WEEKDAY_KEYS = frozenset(WEEKDAYS)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
#: Pieces matched at a known position around a month name or weekday found by ``find``.
_DAY_AFTER_MONTH_RE = re.compile(rf"\.? (?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!:)(?:,? {_YEAR}\b)?")
_YEAR_AFTER_MONTH_RE = re.compile(rf"\.?,? {_YEAR}\b")
_DAY_BEFORE_MONTH_RE = re.compile(r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?: of)? $")
_PREP_BEFORE_RE = re.compile(
    r"\b(?:in|since|during|until|by|last|this|early|mid|late|of|from)[- ]$"
)
_ISO_RE = re.compile(rf"\b{_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")
_BARE_YEAR_RE = re.compile(rf"\b{_YEAR}\b")
RELATIVE_RE = re.compile(
    r"\b(?P<relative>the day before yesterday|earlier today|yesterday|last night|"
    r"this morning|this afternoon|this evening|this dawn|tonight|today)\b",
    re.IGNORECASE,
)

_RELATIVE_KEYS = key_words(RELATIVE_DAYS) - {"the", "day", "before", "this", "earlier", "last"}
#: "last month", "earlier this month": a month counted from publication ("the last month"
#: and "the past month" are spans, not dates).
_RELATIVE_MONTH_RE = re.compile(r"(?<!the )\b(?P<which>last|this)\s+month\b", re.IGNORECASE)


class DateFound(NamedTuple):
    """A date expression found in a text and what it resolves to."""

    start: int
    end: int
    date: str | None
    precision: str


@lru_cache(maxsize=1024)
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


def _resolve(parts: dict[str, str], published: str | None) -> tuple[str | None, str]:
    pub_day, pub_year, pub_month = _published(published)
    if "relative" in parts:
        if pub_day is None:
            return None, "unknown"
        back = RELATIVE_DAYS[parts["relative"]]
        return (pub_day - dt.timedelta(days=back)).isoformat(), "day"
    if "weekday" in parts:
        if pub_day is None:
            return None, "unknown"
        back = (pub_day.weekday() - WEEKDAYS[parts["weekday"]]) % 7
        if "last" in parts and back == 0:
            back = 7
        return (pub_day - dt.timedelta(days=back)).isoformat(), "day"
    if "months_back" in parts:
        if pub_year is None or pub_month is None:
            return None, "unknown"
        months = pub_year * 12 + pub_month - 1 - int(parts["months_back"])
        return f"{months // 12:04d}-{months % 12 + 1:02d}", "month"
    month = int(parts.get("month") or parts.get("mnum") or 0) or None
    year = int(parts["year"]) if "year" in parts else None
    day = int(parts["day"]) if "day" in parts else None
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


class DateExpression(NamedTuple):
    """A date expression in a text, before resolution; ``rank`` 0 is the most specific.

    ``parts`` holds what was read: ``day``, ``month`` (a number), ``year``,
    ``weekday``, ``last`` ("last Monday"), ``relative`` ("yesterday"), ``prep``.
    """

    rank: int
    start: int
    end: int
    parts: dict[str, str]


def date_expressions(text: str) -> list[DateExpression]:
    """Return every date expression in *text*, ordered by position.

    Month names and weekdays are located with ``str.find`` and read with small
    patterns anchored there: much faster than scanning the text with each pattern.
    """
    words = words_of(text)
    found: list[DateExpression] = []
    for name in words & _MONTH_KEYS:
        found.extend(_month_expressions(text, name.capitalize()))
    weekdays = words & _WEEKDAY_KEYS
    if weekdays:
        lowered = text.lower()
        for name in weekdays:
            for at in _word_positions(lowered, name):
                end = at + len(name)
                if text.startswith("'s", end):
                    end += 2
                parts = {"weekday": name}
                if lowered[max(0, at - 5) : at] == "last ":
                    parts["last"] = "last"
                found.append(DateExpression(1, at, end, parts))
    if not words.isdisjoint(_RELATIVE_KEYS):
        found.extend(
            DateExpression(1, m.start(), m.end(), {"relative": m.group("relative").lower()})
            for m in RELATIVE_RE.finditer(text)
        )
    if "month" in words and not words.isdisjoint(("last", "this")):
        found.extend(
            DateExpression(
                3, m.start(), m.end(), {"months_back": "1" if m.group(1).lower() == "last" else "0"}
            )
            for m in _RELATIVE_MONTH_RE.finditer(text)
        )
    if has_digit(text):
        for year in _BARE_YEAR_RE.finditer(text):
            iso = _ISO_RE.match(text, year.start()) if "-" in text else None
            if iso is not None:
                parts = {k: v for k, v in iso.groupdict().items() if v}
                found.append(DateExpression(0, iso.start(), iso.end(), parts))
            found.append(DateExpression(4, year.start(), year.end(), {"year": year.group("year")}))
    return sorted(found, key=lambda e: (e.start, e.rank))


def _word_positions(text: str, word: str) -> list[int]:
    """Where *word* stands in *text* as a whole word."""
    positions = []
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        ):
            positions.append(at)
        at = text.find(word, end)
    return positions


def _month_expressions(text: str, name: str) -> list[DateExpression]:
    """The expressions built on each capitalised *name* ("March", "Dec") in *text*."""
    found = []
    month = str(MONTHS[name.lower()])
    abbreviation = len(name) <= 4 and name not in ("May", "June", "July")
    for at in _word_positions(text, name):
        end = at + len(name)
        parts = {"month": month}
        rank = 3
        before = _DAY_BEFORE_MONTH_RE.search(text, max(0, at - 12), at)
        after_day = _DAY_AFTER_MONTH_RE.match(text, end)
        start = at
        if before is not None:
            parts["day"] = before.group("day")
            start, rank = before.start(), 0
            year = _YEAR_AFTER_MONTH_RE.match(text, end)
            if year is not None:
                parts["year"], end = year.group("year"), year.end()
        elif after_day is not None:
            parts["day"], rank, end = after_day.group("day"), 0, after_day.end()
            if after_day.group("year"):
                parts["year"] = after_day.group("year")
        else:
            year = _YEAR_AFTER_MONTH_RE.match(text, end)
            if year is not None:
                parts["year"], rank, end = year.group("year"), 2, year.end()
        # A bare "May" is as likely the verb and a bare "Jan" a name.
        bare_may = name == "May" and not _PREP_BEFORE_RE.search(text, max(0, at - 7), at)
        if rank == 3 and (abbreviation or bare_may):
            continue
        found.append(DateExpression(rank, start, end, parts))
    return found


def best_expression(
    expressions: list[DateExpression], start: int = 0, end: int | None = None
) -> DateExpression | None:
    """The most specific (then earliest) expression lying in ``[start, end)``.

    A weekday outranks a relative word of the same rank: "tonight (Monday)" in a story
    filed on Tuesday is Monday.
    """
    inside = [e for e in expressions if e.start >= start and (end is None or e.end <= end)]
    return (
        min(inside, key=lambda e: (e.rank, "weekday" not in e.parts, e.start)) if inside else None
    )


def resolve_expression(expression: DateExpression, published: str | None) -> DateFound:
    """Resolve one expression against the publication date."""
    date, precision = _resolve(expression.parts, published)
    return DateFound(expression.start, expression.end, date, precision)


def find_date(text: str, published: str | None) -> DateFound | None:
    """Return the most specific date expression in *text*, or None if it has none.

    An expression that is present but cannot be pinned down (a weekday when the
    publication day is unknown) is returned with ``date=None``.
    """
    best = best_expression(date_expressions(text))
    return None if best is None else resolve_expression(best, published)


@lru_cache(maxsize=256)  # a clause is dated more than once on the walk
def find_event_date(text: str, published: str | None) -> DateFound | None:
    """Like :func:`find_date`, passing over the dates of statements ("said on Monday")
    and datelines ("Baghdad, Feb 16 (IANS)"); :mod:`mapper.extract.statements` tells."""
    expressions = date_expressions(text)
    if not expressions:
        return None
    best = best_expression(event_expressions(text, expressions))
    return None if best is None else resolve_expression(best, published)


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
