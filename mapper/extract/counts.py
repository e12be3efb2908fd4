"""Reading counts in text: "31", "twenty-five", "a dozen", and lists of people.

Shared by the projectile counter (``mapper.extract.weapons``) and the casualty reader
(``mapper.extract.casualties``).
"""

from __future__ import annotations

import re

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
_OF_GROUP_RE = re.compile(r"\s+(?:of|from)\s+[^,;:]{1,60}?\s*")
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


def qualifier_of(text: str) -> str:
    """The approximation words *text* opens with ("at least"), or ``""``."""
    match = _APPROX_RE.match(text)
    return " ".join(match.group(1).lower().split()) if match else ""


def parse_number(text: str) -> int | None:
    """Return the value of one number written in digits or words, or None."""
    value = text.strip().lower().replace(",", "")
    if value.isdigit():
        return int(value)
    if value in NUMBER_WORDS:
        return NUMBER_WORDS[value]
    parts = re.split(r"[- ]", value)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def count_people(text: str, *, whole: bool = False) -> tuple[int, int] | None:
    """Count the people a list at the start of *text* names.

    "two American troops and a British medic" -> 3; "eight others" -> 8;
    "Qassem Soleimani, the commander Abu Mahdi and eight other people" -> 10.

    Returns
    -------
    tuple of (int, int) or None
        The total and how many characters of *text* the list used; None if *text*
        does not open with a list of people (or, with *whole*, the list does not
        reach the end of *text*).
    """
    items: list[tuple[int, int, str]] = []  # (value, end, separator before it)
    position, separator_text = 0, ""
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
    if whole and text[position:].strip(" ,") and not _OF_GROUP_RE.fullmatch(text, position):
        return None
    return total, position


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
            figure = None if counted else parse_number(lowered)
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
