"""Dates that date no event: those of statements ("said on Monday") and datelines.

Pure. Wire copy dates what a spokesman said and when the story was filed as readily as
when the rockets fell; docs/extraction.md gives the forms.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from mapper.extract.words import words_of

if TYPE_CHECKING:
    from mapper.extract.dates import DateExpression, DateFound
    from mapper.extract.sentences import Document

#: A reporting verb right before a date: the date of the statement, not the event
#: ("the coalition said on Tuesday", "the ministry said in a statement Sunday").
_REPORTED_ON_RE = re.compile(
    r"\b(?:said|says|told\s+\w+|announced|reported|added|confirmed|stated|disclosed|declared"
    r"|claimed)\s+(?:in\s+an?\s+(?:\w+\s+)?(?:statement|commentary|tweet|post|interview"
    r"|press conference|briefing)\s+)?(?:late\s+|early\s+)?(?:on\s+)?$"
)
#: A decision's date: "ordered three days of mourning Saturday", "declared a curfew on".
_DECIDED_BEFORE_RE = re.compile(
    r"\b(?:ordered|decreed|declared)\s+(?:[\w'’-]+\s+){0,5}?(?:on\s+)?$"
)
#: Verbs of an attack: a clause with one of them tells the event, not a statement.
_ATTACK_VERBS = (
    r"hit|hits|struck|strikes|fired|launched|targeted|attacked|killed|wounded|injured"
    r"|exploded|detonated|landed|fell|bombed|shelled|stormed|ambushed|rocked"
)
_REPORTING = r"(?:said|says|announced|reported|told|stated|confirmed|claimed|disclosed|declared)"
#: A reporting verb a few words before a date that a "that" clause follows: "announced in
#: a statement on Sept. 29 that ...".
_REPORTED_THAT_BEFORE_RE = re.compile(rf"\b{_REPORTING}\s+(?:[\w'’-]+\s+){{0,5}}?(?:on\s+)?$")
_THAT_AFTER_RE = re.compile(
    r"\s*(?:(?:morning|afternoon|evening|night)\s*)?(?:\([^)]{0,30}\)\s*)?,?\s*that\b"
)
#: What follows a date that opens a sentence whose verb is a reporting one: "On August 4,
#: an officer of the police said ...".
_SAID_AFTER_RE = re.compile(
    rf"\s*(?:\([^)]{{0,30}}\)\s*)?(?:night|morning|evening|afternoon)?\s*,\s*"
    rf"(?:(?!(?:{_ATTACK_VERBS})\b)[\w.'’-]+\s+){{1,8}}?{_REPORTING}\b(?!\s+by\b)"
)
#: A reporting verb right after a date: "The ministry on Tuesday said ...", "The US on
#: Saturday accused the militia of ...".
_REPORTING_AFTER_RE = re.compile(
    r"\s+(?:(?:morning|afternoon|evening|night)\s+)?(?:said|says|announced|reported|told"
    r"|stated|confirmed|disclosed|declared|accused|blamed)\b"
)
#: A dateline opening a story: "Baghdad, Feb 16 (IANS)", "ERBIL, Iraq, March 3 -".
_DATELINE_RE = re.compile(
    r"\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2},(?:\s+[A-Z][a-z]+,)?\s+[A-Z][a-z]{2,8}\.?"
    r"\s+\d{1,2}(?:,\s+\d{4})?\s*(?:\([A-Za-z][\w .&-]{0,30}\)|[-–—:])"
)
#: A filing date at the head of a story: a dateline's ("Baghdad, Feb 16 (IANS)",
#: "BAGHDAD, Feb. 16 (Reuters) -") or a date alone before the first sentence
#: ("March 15, 2022: -").
_FILED_RE = re.compile(
    r"^\s*(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2},(?:\s+[A-Z][a-z]+,)?\s+)?"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?)\s*(?:\([A-Za-z][\w .&-]{0,30}\)|[-–—:])"
)
#: A filing date this many days before publication or fewer dates the story.
FILED_WITHIN_DAYS = 3
#: A quotation mark, straight or curly.
_QUOTE_RE = re.compile('["“”]')
#: How far into a story its dateline may stand (after a headline line or two).
_HEAD_CHARS = 400

#: The words the statement patterns need, one of them at least: a cheap test first.
_REPORTING_WORDS = frozenset(
    """said says announced reported told stated confirmed claimed disclosed declared added
    revealed indicated explained
    ordered decreed accused blamed""".split()  # noqa: SIM905
)


def filing_date(text: str, published: str | None) -> str | None:
    """The day a story was filed, from its dateline, when it differs from *published*.

    Wire copy carried a day later ("Baghdad, Feb 16 (IANS)" on a page of 17 February)
    tells "tonight" and "on Monday" from the day it was filed. Only a full day at most
    :data:`FILED_WITHIN_DAYS` before publication is taken; otherwise None.
    """
    from mapper.extract.dates import resolve_date

    if published is None or len(published) != 10:
        return None
    for line in text[:_HEAD_CHARS].splitlines():
        found = _FILED_RE.match(line)
        if found is None:
            continue
        filed, precision = resolve_date(found.group("date"), published)
        if filed is None or precision != "day":
            return None
        days = (dt.date.fromisoformat(published) - dt.date.fromisoformat(filed)).days
        return filed if 0 < days <= FILED_WITHIN_DAYS else None
    return None


#: Translated local copy: "A source revealed, today, Wednesday, that the car bomb that
#: struck ... yesterday, Tuesday, ...": the day between commas before "that" is the
#: statement's when the event has a day of its own after it.
_DAY_NAMED_BEFORE_RE = re.compile(
    rf"\b(?:{_REPORTING}|revealed|indicated|explained),\s+"
    r"(?:(?:today|tonight|yesterday|this \w+)\s*,\s*)?$"
)
_DAY_NAMED_AFTER_RE = re.compile(
    r"\s*,\s*(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,\s*)?that\b",
    re.IGNORECASE,
)


def _is_statement_date(text: str, e: DateExpression, dropped_end: int, last: int) -> bool:
    """Whether *e* dates a statement; *last* is where the text's last expression starts."""
    if _REPORTED_ON_RE.search(text, max(0, e.start - 30), e.start):
        return True
    if _REPORTING_AFTER_RE.match(text, e.end):
        return True  # "The group on Thursday accused the US of a strike on Wednesday"
    if _DECIDED_BEFORE_RE.search(text, max(0, e.start - 60), e.start):
        return True  # "the premier ordered three days of mourning Saturday for ..."
    if dropped_end >= 0 and re.fullmatch(r"\s*\(\s*", text[dropped_end : e.start]):
        return True  # "said on Friday (August 14)"
    if _THAT_AFTER_RE.match(text, e.end) and _REPORTED_THAT_BEFORE_RE.search(
        text, max(0, e.start - 60), e.start
    ):
        return True
    if (
        last > e.end
        and _DAY_NAMED_AFTER_RE.match(text, e.end)
        and _DAY_NAMED_BEFORE_RE.search(text, max(0, e.start - 40), e.start)
    ):
        return True  # "revealed, today, Wednesday, that ... struck yesterday, Tuesday"
    opening = text[: e.start].strip().lower() in ("", "on", "late on", "early on")
    return opening and _SAID_AFTER_RE.match(text, e.end) is not None


def event_expressions(text: str, expressions: list[DateExpression]) -> list[DateExpression]:
    """The date expressions of *text* that may date an event, in order.

    A statement's date is one right after a reporting verb ("said on Monday", with the
    day in brackets after it too: "said on Friday (August 14)"), one a few words after
    it when a "that" clause follows ("announced in a statement on Sept. 29 that ..."),
    and one opening a sentence whose verb is a reporting one ("On August 4, an officer
    said ..."). A dateline ("Baghdad, Feb 16 (IANS)") dates the filing.
    """
    return _partition(text, expressions)[0]


def _partition(
    text: str, expressions: list[DateExpression]
) -> tuple[list[DateExpression], list[DateExpression]]:
    """The expressions that may date an event, and those that date a statement."""
    dateline = _DATELINE_RE.match(text)
    reporting = not words_of(text).isdisjoint(_REPORTING_WORDS)
    kept: list[DateExpression] = []
    stated: list[DateExpression] = []
    dropped_end = -1
    for e in expressions:
        if dateline is not None and e.end <= dateline.end():
            continue
        if reporting and _is_statement_date(text, e, dropped_end, expressions[-1].start):
            dropped_end = e.end
            stated.append(e)
            continue
        kept.append(e)
    return kept, stated


def statement_day(document: Document, published: str | None) -> str | None:
    """The day a report's statements were made, when the report dates them before *published*.

    "State media reported late on Monday" in a Tuesday paper: "late tonight" in the
    statement it quotes is Monday. None unless the report quotes a relative day and
    its dated statements all give one full day before publication.
    """
    from mapper.extract.dates import RELATIVE_RE, date_expressions, resolve_expression

    text = document.text
    if published is None or len(published) != 10 or not ('"' in text or "“" in text):
        return None
    if RELATIVE_RE.search(text) is None:
        return None
    days = set()
    for sentence in document.sentences:
        if words_of(sentence.text).isdisjoint(_REPORTING_WORDS):
            continue
        for e in _partition(sentence.text, date_expressions(sentence.text))[1]:
            found = resolve_expression(e, published)
            days.add(found.date if found.precision == "day" else None)
    day = days.pop() if len(days) == 1 else None
    return day if day is not None and day < published else None


def quoted_relative_day(text: str, found: DateFound) -> bool:
    """Whether *found* is a relative day ("tonight", "yesterday") inside a quotation."""
    from mapper.extract.dates import RELATIVE_RE

    if RELATIVE_RE.fullmatch(text, found.start, found.end) is None:
        return False
    before = text[: found.start]
    if before.count('"') % 2 or before.rfind("“") > before.rfind("”"):
        return True
    # A clause cut from inside a quotation: the next mark closes it.
    mark = _QUOTE_RE.search(text, found.end)
    return mark is not None and mark.group() == "”" and "“" not in before
