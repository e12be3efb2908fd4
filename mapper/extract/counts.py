"""Reading counts in text: "31", "twenty-five", "a dozen", and lists of people.

Shared by the projectile counter (``mapper.extract.weapons``) and the casualty reader
(``mapper.extract.casualties``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from typing import NamedTuple

from mapper.extract.vocabulary import COLLECTIVE_NOUNS, NUMBER_WORDS, PERSON_NOUNS

_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_WORDS = "|".join(sorted((w for w in NUMBER_WORDS if " " not in w), key=len, reverse=True))

#: One number, in digits or words.
NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_TENS})[- ](?:{_UNITS})\b|a dozen|a hundred"
    rf"|(?:{_WORDS})\b)"
)
NUMBER_RE = re.compile(NUMBER, re.IGNORECASE)

#: Words that make a figure approximate; an exact figure is preferred to these.
APPROXIMATE = r"(?:at least|more than|over|about|around|some|nearly|almost|up to|an estimated)"

_APPROX_RE = re.compile(rf"\s*({APPROXIMATE})\b", re.IGNORECASE)
_ITEM_RE = re.compile(
    rf"\s*(?:(?P<approx>{APPROXIMATE})\s+)?(?:(?:another\s+)?(?P<num>{NUMBER})"
    r"|(?P<article>a|an|one|another)\b"
    r"|(?P<definite>the|his|her|its|their)\b)",
    re.IGNORECASE,
)
#: A word of a noun phrase; initials count as one ("two U.S. soldiers").
_WORD_RE = re.compile(r"\s*((?:[A-Z]\.){2,}|[A-Za-z][\w'’-]*)")
_SEPARATOR_RE = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+)")
_CAP = r"(?:[A-Z][\w'’-]+|al-[A-Z][\w'’-]*)"
#: A named person: a title or two, then at least two capitalised words.
_NAME_RE = re.compile(
    rf"\s*(?:the\s+)?(?P<title>(?:[A-Za-z][a-z-]*\s+){{0,3}}){_CAP}(?:\s+(?:{_CAP}|bin|ibn)){{1,4}}"
)
_NOT_TITLE = frozenset(
    ["in", "at", "on", "near", "from", "and", "or", "of", "to", "by", "with", "while", "as"]
)
#: Whose people they were, after the list: "three members of the militia", "two of them".
#: The group holds no verb: in "A member of the police was killed and two others were
#: wounded" the list before "wounded" is "two others", not the member.
_GROUP_TEXT = r"(?:(?!\b(?:was|were|is|are|has|had|have)\b)[^,;:])"
_OF_GROUP_RE = re.compile(rf"\s+(?:of|from)\s+{_GROUP_TEXT}{{1,60}}?\s*")
_ORDINALS = frozenset(["second", "third", "fourth", "fifth"])


_LOWER_BOUNDS = frozenset({"at least", "more than", "over"})
_UPPER_BOUNDS = frozenset({"nearly", "almost", "up to"})


def choose_figure(figures: list[tuple[int, str]]) -> int | None:
    """Pick one figure from those stated, in text order, each with its qualifier.

    The first figure wins: sources that disagree keep the first one given. An
    approximate first figure ("more than 30") gives way to a later exact one that
    agrees with it ("31"), which is the same count told more precisely.
    """
    if not figures:
        return None
    value, qualifier = figures[0]
    if not qualifier:
        return value
    for later, later_qualifier in figures[1:]:
        if later_qualifier:
            continue
        if qualifier in _LOWER_BOUNDS:
            agrees = later >= value
        elif qualifier in _UPPER_BOUNDS:
            agrees = later <= value
        else:
            agrees = abs(later - value) <= max(1, value // 5)
        if agrees:
            return later
    return value


def qualifier_of(text: str, start: int = 0) -> str:
    """The approximation words *text* opens with at *start* ("at least"), or ``""``."""
    match = _APPROX_RE.match(text, start)
    return " ".join(match.group(1).lower().split()) if match else ""


#: A number of more digits is read as ``10 ** MAX_DIGITS``: no one counts so many, the
#: table refuses it anyway, and ``int`` refuses strings of over 4,300 digits.
MAX_DIGITS = 30


def parse_number(text: str) -> int | None:
    """Return the value of one number written in digits or words, or None."""
    value = text.strip().lower().replace(",", "")
    if value.isdigit():
        return int(value) if len(value) <= MAX_DIGITS else 10**MAX_DIGITS
    if value in NUMBER_WORDS:
        return NUMBER_WORDS[value]
    parts = re.split(r"[- ]", value)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def may_be_number(word: str) -> bool:
    """Whether a lower-case *word* may be a number ("31", "five", "twenty-five"): the
    cheap test before :func:`parse_number`."""
    return word[:1].isdigit() or word.split("-")[0] in NUMBER_WORDS


def count_people(text: str, *, whole: bool = False, start: int = 0) -> tuple[int, int] | None:
    """Count the people a list at the start of *text* (or at *start*) names.

    "two American troops and a British medic" -> 3; "eight others" -> 8;
    "Qassem Soleimani, the commander Abu Mahdi and eight other people" -> 10.

    Returns
    -------
    tuple of (int, int) or None
        The total and where in *text* the list ends; None if *text* does not open
        with a list of people (or, with *whole*, the list does not reach the end of
        *text*).
    """
    items: list[tuple[int, int, str]] = []  # (value, end, separator before it)
    position, separator_text = start, ""
    while True:
        value, end = _count_item(text, position)
        if value is None:
            break
        items.append((value, end, separator_text))
        separator = _SEPARATOR_RE.match(text, end)
        if separator is None:
            break
        separator_text, position = separator.group(), separator.end()
    # English lists end "..., B and C": items after a last bare comma belong to the
    # rest of the sentence ("15 people, a police source said").
    while len(items) > 1 and "and" not in items[-1][2]:
        items.pop()
    if not items:
        return None
    total, position = sum(item[0] for item in items), items[-1][1]
    if _restated(text, items):
        total = items[0][0]  # "two civilians, a woman and a child": two, not four
    if whole and not _runs_to_end(text, position):
        return None
    return total, position


#: Nouns a list may restate person by person: "two civilians, a woman and a child".
_GENERAL_NOUNS = frozenset(
    """people persons civilians residents bystanders passers-by passersby children
    citizens villagers individuals worshippers""".split()  # noqa: SIM905
)


def _restated(text: str, items: list[tuple[int, int, str]]) -> bool:
    """Whether the items after the first, set off by a comma, name the first one's people
    one by one: a count of a general noun they add up to."""
    if len(items) < 3 or items[0][0] < 2 or "and" in items[1][2]:
        return False
    noun = text[: items[0][1]].rsplit(None, 1)[-1].lower()
    return noun in _GENERAL_NOUNS and sum(item[0] for item in items[1:]) == items[0][0]


def _runs_to_end(text: str, position: int) -> bool:
    """Whether only commas, spaces or whose people they were follow *position*."""
    return bool(_REST_RE.fullmatch(text, position) or _OF_GROUP_RE.fullmatch(text, position))


_REST_RE = re.compile(r"[ ,]*")


class _Chain(NamedTuple):
    """The list of people read from one item on: the item's end; the total and end of
    the list as :func:`count_people` keeps it; the end of the last later item joined
    by "and" (-1: none)."""

    end: int
    total: int
    kept_end: int
    and_end: int


class PeopleLists:
    """The lists of people that end where verbs stand in one text ("Two soldiers and a
    medic were killed"), for :meth:`ending_at` at each verb in turn.

    ``ending_at`` tries the list openings before a verb in order, as
    ``count_people(text[start:end], whole=True, start=opening - start)`` would, but
    reads each item once: an item is read the same whatever follows it once
    :data:`HORIZON` runs of non-space characters lie between it and the verb, so the
    lists read that far from one verb serve every later one; the few items nearer are
    read again for each verb, and a list that what follows it already rules out is not
    tried again. Reading every opening anew was quadratic in a long list or a run of
    verbs.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._runs = [m.start() for m in _RUN_RE.finditer(text)]
        self._chains: dict[int, _Chain | None] = {}  # lists read far from any verb so far
        self._ended: set[int] = set()  # openings whose list can reach no later verb
        self._end = 0

    def ending_at(self, openings: Iterable[int], start: int, end: int) -> tuple[int, int] | None:
        """The first of *openings* (in order, within ``start:end``) where a list of
        people runs to *end*: its total and that opening, or None."""
        if end < self._end:  # kept for verbs later in the text only
            self._chains.clear()
            self._ended.clear()
        self._end = end
        at = bisect_left(self._runs, end) - HORIZON
        far = self._runs[at] if at >= 0 else -1  # an item opening here or before is far
        segment = self.text[start:end]
        near: dict[int, _Chain | None] = {}
        for opening in openings:
            if opening in self._ended:
                continue
            chain = self._chain(opening, segment, start, far, near)
            if chain is None:
                if opening in self._chains:
                    self._ended.add(opening)
            elif _runs_to_end(segment, chain.kept_end - start):
                return chain.total, opening
            elif opening in self._chains and not _MAY_RUN_ON_RE.fullmatch(
                self.text, chain.kept_end, end
            ):
                self._ended.add(opening)  # what follows the list already says no more
        return None

    def _chain(
        self, opening: int, segment: str, start: int, far: int, near: dict[int, _Chain | None]
    ) -> _Chain | None:
        """The list from *opening* on: items far from the verb read in the whole text and
        kept for later verbs, nearer ones in the verb's *segment* (from *start*)."""
        path: list[tuple[int, int, int, str | None]] = []  # (item start, value, end, separator)
        position = opening
        while True:
            if position in self._chains or position in near:
                far_tail = position in self._chains
                following = self._chains[position] if far_tail else near[position]
                break
            far_tail = position <= far
            text, offset = (self.text, 0) if far_tail else (segment, start)
            value, end = _count_item(text, position - offset)
            if value is None:
                (self._chains if far_tail else near)[position] = following = None
                break
            separator = _SEPARATOR_RE.match(text, end)
            if separator is None:
                path.append((position, value, end + offset, None))
                following = None
                break
            path.append((position, value, end + offset, separator.group()))
            position = separator.end() + offset
        # The list is kept for later verbs when it was read far from this one to its end.
        known = self._chains if far_tail else near
        for at, value, end, joined in reversed(path):
            if following is None:
                chain = _Chain(end, value, end, -1)
            elif following.and_end >= 0:  # a later "and" keeps the list up to it
                chain = _Chain(end, value + following.total, following.kept_end, following.and_end)
            elif joined is not None and "and" in joined:
                chain = _Chain(end, value + following.total, following.end, following.end)
            else:  # items after a bare comma are the sentence's, not the list's
                chain = _Chain(end, value, end, -1)
            known[at] = following = chain
        return following


_RUN_RE = re.compile(r"\S+")
#: What may start what :func:`_runs_to_end` accepts after a list: once the text after a
#: list's end fails this, the list reaches no later verb either.
_MAY_RUN_ON_RE = re.compile(
    rf"[ ,]*|\s+(?:o|of|f|fr|fro|from)?|\s+(?:of|from)\s+{_GROUP_TEXT}{{0,60}}\s*"
)
#: An item (a number, up to four words and a noun, or a name of up to nine words) and
#: the separator after it are read within 12 runs of non-space characters from where it
#: opens; this many leave a margin.
HORIZON = 16


def _count_item(text: str, position: int) -> tuple[int | None, int]:
    """One list item: a counted noun phrase or a capitalised name (one person)."""
    match = _ITEM_RE.match(text, position)
    if match is not None and match.group("definite"):
        named = _named_person(text, position)  # "the commander Abu Mahdi"
        if named is not None:
            return 1, named
    if match is not None:
        number = parse_number(match.group("num")) if match.group("num") else 1
        # "the driver", "her two children": a determiner counts one person, or the
        # number after it; "the soldiers" says no number.
        counted = not match.group("definite")
        end = match.end()
        for _ in range(4):  # up to three modifiers before the person noun
            word = _WORD_RE.match(text, end)
            if word is None:
                break
            lowered = word.group(1).lower()
            if lowered in PERSON_NOUNS or lowered in {"other", "others"}:
                end = word.end()
                if lowered == "other":
                    continue
                # A two-word noun: "service members", "police officers".
                more = _WORD_RE.match(text, end)
                if more and more.group(1).lower() in PERSON_NOUNS:
                    end, lowered = more.end(), more.group(1).lower()
                if not counted and (lowered.endswith("s") or lowered in COLLECTIVE_NOUNS):
                    break  # "the soldiers": how many is not said
                return number, end
            figure = parse_number(lowered) if may_be_number(lowered) else None
            if counted and figure is not None:
                break  # "one hour later five people": the first number counts no one
            if figure is not None:
                number, counted, end = figure, True, word.end()
                continue
            if match.group("article") and lowered in _ORDINALS:
                # "wounding a third", "a fourth soldier was injured"
                noun = _WORD_RE.match(text, word.end())
                if noun is not None and noun.group(1).lower() in PERSON_NOUNS:
                    return 1, noun.end()
                return 1, word.end()
            if lowered in {"and", "or", "of", "in", "at", "on", "with", "were", "was"}:
                break
            end = word.end()
        if match.group("num"):
            return number, match.end()  # "killing three"
        return None, position
    named = _named_person(text, position)
    return (1, named) if named is not None else (None, position)


def _named_person(text: str, position: int) -> int | None:
    """Where a named person ("Lt. Col. Ahmed Salim") starting at *position* ends, or None."""
    name = _NAME_RE.match(text, position)
    if name is None or any(
        word in _NOT_TITLE or word.endswith("ing") for word in name.group("title").lower().split()
    ):
        return None
    return name.end()
