"""Dates told against the story's own timeline: "a day earlier", "the next day".

Pure. A clause without a date of its own may still shift the day the narrative is at
("A day earlier, mortars hit Taji") or say it is another time ("earlier in the week");
docs/extraction.md ("Date rules") gives the forms.
"""

from __future__ import annotations

import datetime as dt
import re

from mapper.extract.vocabulary import NUMBER_WORDS
from mapper.extract.words import words_of

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
NARRATIVE_RE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(k) for k in sorted(NARRATIVE_SHIFTS, key=len, reverse=True))
    + r")\b(?! yesterday)",
    re.IGNORECASE,
)
_NARRATIVE_KEYS = frozenset(
    ("earlier", "later", "before", "previous", "next", "following", "same", "ago", "last", "after")
)
#: Another time that cannot be pinned down: it still says "not the same day".
OTHER_TIME_RE = re.compile(
    r"\b(?:earlier|later) (?:in|this|that|last) (?:the )?(?:week|month|year)\b"
    r"|\b(?:last|previous|the previous) (?:week|month|year)\b"
    r"|\b(?:\w+ )?(?:days|weeks|months) (?:earlier|before|ago|later|after)\b"
    r"|\b(?:a|one) (?:week|month) (?:earlier|before|ago|later)\b",
    re.IGNORECASE,
)


#: "days ago", "a few days earlier", "days after": some days off the narrative's day.
DAYS_AGO_RE = re.compile(
    r"\b(?:a few |several |some )?days (?:earlier|before|ago|after)\b", re.IGNORECASE
)
#: A day of the month after which "days ago" still lies in the same month.
DAYS_AGO_SAME_MONTH = 7


def _some_days_off(text: str) -> bool:
    """Whether *text* says "days ago" without a count ("five days earlier" says how many)."""
    for match in DAYS_AGO_RE.finditer(text):
        before = text[: match.start()].split()[-1:]
        if not before or not (before[0].isdigit() or before[0].lower() in NUMBER_WORDS):
            return True
    return False


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
    words = words_of(text)
    if words.isdisjoint(_NARRATIVE_KEYS):
        return None
    match = NARRATIVE_RE.search(text)
    if match is not None:
        if anchor is None or len(anchor) != 10:
            return None, "unknown"
        shift = NARRATIVE_SHIFTS[match.group().lower()]
        return (dt.date.fromisoformat(anchor) + dt.timedelta(days=shift)).isoformat(), "day"
    if _some_days_off(text):
        # "The attack comes days after the group targeted Ain al-Asad": a few days off,
        # in the anchor's month unless the anchor is early in its month.
        if anchor is None or len(anchor) != 10 or int(anchor[8:]) <= DAYS_AGO_SAME_MONTH:
            return None, "unknown"
        return anchor[:7], "month"
    if OTHER_TIME_RE.search(text):
        return None, "unknown"
    return None
