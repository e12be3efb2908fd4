"""Place-like names in reports that the gazetteer does not know: curation candidates.

A name is place-like when it is one to three capitalised words right after a word
that introduces a place ("in", "near", "outside", "north of"...) or right before the
kind of place it is ("the Khor Mor gas field"), or when it starts with the Arabic
article ("al-Qaim", "Al Asad"). Names the gazetteer finds in the
text, weekdays, months, people's titles ("Prime Minister ..."), organisations
("... Brigades", "Islamic State") and all-capital acronyms ("AFP") are left out.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from gazetteer import normalize_name
from mapper.read import Report

if TYPE_CHECKING:
    from gazetteer import Gazetteer

_WORD = r"[A-Z][a-z]+(?:['’][a-z]+)?(?:-[A-Za-z][a-z]+)*"
_ARTICLE = r"(?:[Aa]l|[Ee]l|[Aa]sh|[Aa]d|[Aa]r|[Aa]z)[-\s](?=[A-Z])"
_TOKEN = rf"(?:{_ARTICLE})?{_WORD}"
_NAME = rf"{_TOKEN}(?:[ \t]{_TOKEN}){{0,2}}"
_DIRECTIONS = r"(?:north|south|east|west|northeast|northwest|southeast|southwest)"
_TRIGGER = (
    r"\b(?:in|near|at|from|outside|inside|around|towards?|into|across|"
    rf"{_DIRECTIONS}\s+of)\s+(?:the\s+)?"
)
#: A name introduced by a place word, and a name opened by the Arabic article where
#: no capitalised word comes just before it (that would make it a person's surname).
_AFTER_TRIGGER = re.compile(rf"(?i:{_TRIGGER})(?P<name>{_NAME})")
_ARTICLE_NAME = re.compile(rf"(?<![\w’'-])(?P<name>{_ARTICLE}{_WORD}(?:[ \t]{_TOKEN})?)")
#: A name followed by the kind of place it is: "the Khor Mor gas field", "Zanjili area".
_BEFORE_KIND = re.compile(
    rf"(?<![\w’'-])(?P<name>{_NAME})[ \t]+(?:gas field|oil field|oilfield|field|air ?base|base"
    r"|camp|airport|airfield|district|village|area|refinery|dam|bridge|checkpoint"
    r"|neighbourhood|neighborhood|town|city|province|governorate|crossing)\b"
)
#: A capitalised word just before an article name: "Moustafa al-Kazimi" is a person.
_GIVEN_NAME_BEFORE = re.compile(r"[A-Z][\w’'-]*[ \t]+$")
_POSSESSIVE = re.compile(r"['’]s\b.*$", re.DOTALL)

#: First words that make a name not a place.
NOT_PLACE_WORDS = frozenset(
    {
        # calendar
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
        # sentence openers and pronouns
        "the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "they",
        "we", "his", "her", "their", "its", "our", "there", "one", "two", "three",
        "some", "many", "most", "all", "no", "least", "first", "last", "dawn", "night",
        # people's titles
        "mr", "mrs", "ms", "dr", "president", "prime", "minister", "general", "gen",
        "colonel", "col", "major", "maj", "captain", "lieutenant", "sergeant", "sheikh",
        "spokesman", "spokeswoman", "spokesperson", "secretary", "ambassador", "commander",
        "senator", "officials", "official", "sources", "source", "you", "your", "i",
    }
)  # fmt: skip
#: Last words that make a name a body of people ("Hezbollah Brigades", "Islamic State").
ORGANISATION_WORDS = frozenset(
    {
        "army", "brigade", "brigades", "coalition", "command", "committee", "council",
        "forces", "front", "government", "group", "militia", "ministry", "movement",
        "office", "organisation", "organization", "parliament", "party", "state", "units",
    }
)  # fmt: skip
#: Words naming a people, a faith or a force: "a Shiite Muslim area" says who, not where.
GROUP_WORDS = frozenset(
    {
        "kurdish", "kurd", "kurds", "arab", "arabs", "turkmen", "yazidi", "christian",
        "assyrian", "shabak", "shiite", "shia", "shi'ite", "sunni", "muslim", "peshmerga",
        "iraqi", "iranian", "american", "syrian", "turkish", "british", "coalition",
    }
)  # fmt: skip
#: Names that are adjectives on their own ("fired at Iraqi forces"), though a longer
#: name may start with one ("Iraqi Kurdistan").
ADJECTIVES = frozenset(
    {
        "iraqi", "iranian", "american", "syrian", "kurdish", "turkish", "british",
        "french", "israeli", "saudi", "arab", "western", "eastern", "northern", "southern",
    }
)  # fmt: skip


def unmatched_names(
    reports: Iterable[Report], gazetteer: Gazetteer | None = None
) -> list[tuple[str, int]]:
    """Count place-like names in *reports* that *gazetteer* does not know.

    Parameters
    ----------
    reports
        A :class:`~mapper.ReportSet` or any iterable of reports; titles and text
        are both searched.
    gazetteer
        The places already known; the bundled gazetteer when None.

    Returns
    -------
    list of (str, int)
        Each name (its most frequent spelling; spellings that normalise alike are
        counted together) with its count, most frequent first, then by name.
    """
    if gazetteer is None:
        from gazetteer import default_gazetteer

        gazetteer = default_gazetteer()
    counts: Counter[str] = Counter()
    spellings: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for report in reports:
        for text in (report.title or "", report.text):
            for name in candidate_names(text, gazetteer):
                key = normalize_name(name)
                if key:
                    counts[key] += 1
                    spellings[key][name] += 1
    named = [(_best_spelling(spellings[key]), count) for key, count in counts.items()]
    return sorted(named, key=lambda item: (-item[1], item[0]))


def candidate_names(text: str, gazetteer: Gazetteer) -> list[str]:
    """Place-like names in *text* that overlap no place the gazetteer finds there."""
    known = [(mention.start, mention.end) for mention in gazetteer.find_mentions(text)]
    found: dict[int, str] = {}
    for pattern in (_AFTER_TRIGGER, _ARTICLE_NAME, _BEFORE_KIND):
        for match in pattern.finditer(text):
            start = match.start("name")
            name = _POSSESSIVE.sub("", match.group("name")).strip()
            end = start + len(name)
            if start in found or not _place_like(name):
                continue
            if pattern is _ARTICLE_NAME and _GIVEN_NAME_BEFORE.search(text, 0, start):
                continue
            if pattern is _BEFORE_KIND and not _lower_words(name).isdisjoint(GROUP_WORDS):
                continue  # "a Kurdish Peshmerga base", "a Sunni area": who, not where
            if any(start < known_end and known_start < end for known_start, known_end in known):
                continue
            if gazetteer.lookup(name, fuzzy=False, limit=1):
                continue
            found[start] = name
    return [found[start] for start in sorted(found)]


def _lower_words(name: str) -> frozenset[str]:
    return frozenset(name.replace("-", " ").lower().split())


def _place_like(name: str) -> bool:
    words = name.replace("-", " ").lower().split()
    if not words or words[0] in NOT_PLACE_WORDS or words[-1] in ORGANISATION_WORDS:
        return False
    return not (len(words) == 1 and words[0] in ADJECTIVES)


def _best_spelling(spellings: Counter[str]) -> str:
    return min(spellings.items(), key=lambda item: (-item[1], item[0]))[0]
