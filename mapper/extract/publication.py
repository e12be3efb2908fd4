"""What a report's publication date lets its incidents say, checked once per report.

Pure. The per-report step (:func:`~mapper.extract.pipeline.extract_one`) runs these on
the rows :func:`~mapper.extract.report.extract_report` gives, with the public functions
of :mod:`mapper.extract.dates` only:

* the relative dates ("on Tuesday", "yesterday", "11 March") that a missing, month-only
  or out-of-range publication date leaves unresolved are named in one warning per
  report (:func:`unresolved_warning`);
* an incident whose first sentence gives such a day stays undated: the date of another
  sentence (a year in a background sentence) is never taken instead;
* an incident dated after its report's publication (an explicit later year) is left
  undated, with a warning (:func:`check_date`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from mapper.extract.dates import (
    date_expressions,
    find_event_date,
    resolve_date,
    resolve_expression,
)
from mapper.extract.narrative import narrative_date
from mapper.extract.posts import day_posted
from mapper.extract.sentences import clean_paragraphs, split_document

#: A publication day that pins every relative date: an expression it resolves and the
#: report's own publication date does not is one that the missing day leaves open.
_ANY_DAY = "2000-06-15"
#: At most this many unresolved expressions are named in a warning.
_SHOWN = 3


@lru_cache(maxsize=256)
def pins_days(published: str | None) -> bool:
    """Whether *published* is a full publication day that relative dates count from.

    Examples
    --------
    >>> pins_days("2020-11-18"), pins_days("2020-11"), pins_days(None)
    (True, False, False)
    """
    return resolve_date("yesterday", published)[0] is not None


def unresolved_dates(text: str, published: str | None) -> list[str]:
    """The relative dates in *text* that *published* cannot resolve, as written.

    A relative date is a weekday, a word such as "yesterday" or "tonight", or a day and
    month without a year: each counts from the publication date. A full publication day
    resolves them all, so the list is empty then.

    Examples
    --------
    >>> unresolved_dates("Rockets hit Taji on Tuesday and on 11 March 2020.", None)
    ['Tuesday']
    >>> unresolved_dates("Rockets hit Taji on Tuesday.", "2020-11-18")
    []
    """
    if pins_days(published):
        return []
    return [
        text[e.start : e.end]
        for e in date_expressions(text)
        if resolve_expression(e, published).date is None
        and resolve_expression(e, _ANY_DAY).date is not None
    ]


def unresolved_warning(text: str, title: str | None, published: str | None) -> str | None:
    """One warning naming the relative dates of a report that stayed unresolved, or None.

    *text* is the report's body (its page furniture is left out, as extraction does),
    *title* its headline.
    """
    if pins_days(published):
        return None
    cleaned = "\n\n".join(clean_paragraphs(text))
    found = list(dict.fromkeys(unresolved_dates(f"{title or ''}\n\n{cleaned}", published)))
    if not found:
        return None
    shown = ", ".join(f"'{expression}'" for expression in found[:_SHOWN])
    if len(found) > _SHOWN:
        shown += f" and {len(found) - _SHOWN} more"
    if published is None:
        return (
            f"no publication date: relative dates ({shown}) left unresolved; give the report "
            "one (front matter, index.csv) or pass --published DATE"
        )
    if len(published) == 7:
        return (
            f"publication date {published} gives no day: relative dates ({shown}) left unresolved"
        )
    return f"publication date {published} is out of range: relative dates ({shown}) left unresolved"


def check_date(
    row: dict[str, Any], published: str | None, posts: list[tuple[str, str]] | None = None
) -> tuple[dict[str, Any], list[str]]:
    """Leave a row's date unknown when its report's publication rules it out.

    Parameters
    ----------
    row
        One incident row, with ``date``, ``date_precision`` and ``quote``.
    published
        Its report's publication date, ``'YYYY-MM-DD'``, ``'YYYY-MM'`` or None.
    posts
        The posts its report embeds (:func:`mapper.extract.posts.signed_posts`): a post
        dates the days it names whatever the publication date.

    Returns
    -------
    tuple of (dict, list of str)
        The row (a copy, when changed) and a warning for a date after publication,
        which is never kept, not even the part that could hold ("11 March 2021" in a
        report of 2020-11-18 is not read as 2020-03-11). A date taken from another
        sentence while the incident's own day stays unresolved is dropped without a
        warning of its own: the report's :func:`unresolved_warning` names that day.

    Examples
    --------
    >>> row = {"date": "2021", "date_precision": "year", "quote": "Rockets hit Taji in 2021."}
    >>> check_date(row, "2020-11-18")
    ({'date': None, 'date_precision': 'unknown', 'quote': 'Rockets hit Taji in 2021.'}, \
["date 2021 is after the report's publication (2020-11-18); left unknown"])
    """
    date = row.get("date")
    if date is None:
        return row, []
    if published is not None and _after(str(date), published):
        warning = f"date {date} is after the report's publication ({published}); left unknown"
        return _undated(row), [warning]
    if not pins_days(published) and _own_day_unresolved(
        row.get("quote"), str(date), published, posts
    ):
        return _undated(row), []
    return row, []


def _undated(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "date": None, "date_precision": "unknown"}


def _after(date: str, published: str) -> bool:
    """Whether every day *date* may mean lies after every day *published* may mean.

    ISO strings compare as dates when cut to the coarser of the two precisions.
    """
    shared = min(len(date), len(published))
    return date[:shared] > published[:shared]


def _own_day_unresolved(
    quote: object, date: str, published: str | None, posts: list[tuple[str, str]] | None
) -> bool:
    """Whether the first sentence of an incident's quote gives a day that *published*
    cannot resolve, so *date* came from another sentence.

    Story-relative expressions ("a day earlier") and any expression of the sentence
    that gives *date* itself keep the date.
    """
    if not isinstance(quote, str) or not quote:
        return False
    sentences = split_document(quote).sentences
    first = sentences[0].text if sentences else quote
    if posts and day_posted(first, posts) is not None:
        return False  # the post it is part of pins its days
    own = find_event_date(first, published)
    if own is None or own.date is not None or narrative_date(first, None) is not None:
        return False
    pinned = find_event_date(first, _ANY_DAY)
    if pinned is None or pinned.date is None:  # not a relative date: "31 February"
        return False
    # "On Monday morning" keeps the day a post gives when, counted from the post's day,
    # it is that day: the post pins the week the sentence leaves open.
    days = [published, *(day for _text, day in posts or ())]
    given = (resolve_expression(e, day).date for e in date_expressions(first) for day in days)
    return date not in given
