"""Finding place names in running text, with character offsets.

Pure: works on a :class:`NameIndex` and a string. The rules that keep ordinary words
out ("hit" the verb, "a green zone", weekdays) live here, in one place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from gazetteer._normalize import TOKEN_RE, token_key
from gazetteer._place import Mention, Place

#: Words before a name that make it part of a person's name or title.
PERSON_MARKERS = frozenset(
    [
        "abu",
        "ibn",
        "bin",
        "bint",
        "umm",
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "general",
        "sheikh",
        "shaykh",
        "sayyid",
        "imam",
        "president",
        "minister",
        "commander",
        "colonel",
        "col",
        "lt",
        "lieutenant",
        "major",
        "maj",
        "ayatollah",
        "cleric",
        "brig",
    ]
)

#: Words that may stand capitalised before a name without making it part of a longer one.
FUNCTION_WORDS = frozenset(
    [
        "in",
        "at",
        "on",
        "near",
        "from",
        "to",
        "of",
        "and",
        "or",
        "the",
        "a",
        "an",
        "by",
        "for",
        "into",
        "outside",
        "inside",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "around",
        "towards",
        "toward",
        "across",
        "between",
        "while",
        "as",
        "after",
        "before",
        "since",
        "with",
        "without",
        "over",
        "under",
        "this",
        "that",
        "these",
        "those",
    ]
)

#: Words naming a kind of place: "Camp al-Taqaddum" is a place, "Khalid al-Obeidi" a man.
PLACE_WORDS = frozenset(
    {"camp", "base", "air", "airbase", "airport", "city", "district", "province", "town",
     "village", "governorate", "neighbourhood", "neighborhood", "street", "bridge", "square",
     "mount", "lake", "river", "dam", "gate", "fort", "forward", "operating", "station"}
)  # fmt: skip

#: Place names that are also English words, and the words that, after one opening a
#: sentence, show it is the English word ("Hit by a rocket..."), not the place.
WORD_NAMES: dict[str, frozenset[str]] = {
    "hit": frozenset({"by", "the", "a", "an", "back", "hard", "twice", "again", "with"}),
}


def _capitalised(token: str) -> bool:
    first = token[0]
    # Scripts without case (Arabic, Kurdish) count as capitalised.
    return first.isupper() or not (first.islower() or first.isdigit())


class NameIndex:
    """Folded name keys -> ranked candidate places, and the key prefixes to stop early."""

    def __init__(self, keys: Mapping[str, tuple[Place, ...]], not_places: frozenset[str]):
        self.keys = keys
        self.not_places = not_places
        prefixes: set[str] = set()
        for key in keys:
            parts = key.split(" ")
            for n in range(1, len(parts) + 1):
                prefixes.add(" ".join(parts[:n]))
        self.prefixes = frozenset(prefixes)


_TOKEN = TOKEN_RE.pattern
#: Where a name may open: at the start of a word, a capital or a letter of a script
#: without case, or the Arabic article before a separator ("al-", "el ", "ash-", "ul-").
#: The pattern begins with a character class, which the regex engine scans for at C
#: speed; only then does the lookbehind ask whether the character opens a word (a word
#: boundary before a word character). Lower-case accented letters pass too, and are
#: turned down by ``_capitalised``.
_OPENING_RE = re.compile(
    r"[A-Z\u00c0-\uffffaeu](?<=\b\w)"
    r"(?:(?<=[A-Z\u00c0-\uffff])|(?<=[ae])l[ \-‐‑]|(?<=a)(?:[dnrstz]|sh)[\-‐‑]|(?<=u)l[\-‐‑])"
)
#: The next word of the same name: only spaces and hyphens (or one line break) between.
_NEXT_RE = re.compile(rf"(?:[ \t\-‐‑–]{{1,3}}|[ \t]*\n[ \t]*)({_TOKEN})")
#: What may stand between two words of one longer name: spaces, hyphens, articles.
_JOINED = r"[ \t\-‐‑–]+(?:(?:al|el|ad|ar|as|ash|at|az|an)[ \t\-‐‑–]+)*"
_AFTER_RE = re.compile(rf"{_JOINED}({_TOKEN})", re.IGNORECASE)
#: The same, read backwards from a name's start over the reversed text.
_BEFORE_REVERSED_RE = re.compile(
    r"[ \t\-‐‑–]+(?:(?:la|le|da|ra|sa|hsa|ta|za|na)[ \t\-‐‑–]+)*"
    r"([^\W_]+(?:['’ʼʻ`ʿʾ][^\W_]+)*)",
    re.IGNORECASE,
)


class _Word(NamedTuple):
    start: int
    end: int
    word: str
    key: str  # "" for an article


def find_mentions(index: NameIndex, text: str) -> list[Mention]:
    """Return every place name in *text*, longest match first, in text order."""
    mentions: list[Mention] = []
    resume = 0
    for opening in _openings(text):
        if opening < resume:
            continue
        match = _longest_match(index, text, opening)
        if match is None:
            continue
        places, words = match
        start, stop = words[0].start, words[-1].end
        if _is_place_here(index, text, words, places):
            mentions.append(Mention(start, stop, text[start:stop], places))
        resume = stop
    return mentions


def _openings(text: str) -> list[int]:
    """Where a name may open in *text*, in order."""
    return [m.start() for m in _OPENING_RE.finditer(text)]


def _word_at(text: str, match: re.Match[str] | None, group: int = 0) -> _Word | None:
    if match is None:
        return None
    start, end = match.span(group)
    word = match.group(group)
    return _Word(start, end, word, token_key(word, text, end))


def _without_possessive(text: str, word: _Word) -> _Word | None:
    """*word* without a trailing possessive "'s" ("Mosul's" -> "Mosul"), or None.

    Only where a place word is one of the next two words: "Mosul's old city", "Basra's
    Hayyaniya district", "Baghdad's international airport"; not an institution ("the
    Kurdistan Region's government", "Turkey's military said").
    """
    if not _possessive(word.word):
        return None
    following = _NEXT_WORDS_RE.match(text, word.end)
    if following is None:
        return None
    first, second = following.group(1).lower(), (following.group(2) or "").lower()
    if first not in PLACE_PARTS and second not in PLACE_PARTS:
        return None
    stem, end = word.word[:-2], word.end - 2
    return _Word(word.start, end, stem, token_key(stem, text, end))


def _possessive(word: str) -> bool:
    """Whether *word* ends in a possessive "'s" after a stem of two letters or more."""
    return len(word) >= 4 and word[-1] == "s" and word[-2] in "'’"


#: The one or two words after a possessive.
_NEXT_WORDS_RE = re.compile(r"\s+([^\W\d_][\w'’-]*)(?:[ \t]+([^\W\d_][\w'’-]*))?")
#: Words after "X's" that make X a place: a part of it, or where in it.
PLACE_PARTS = PLACE_WORDS | frozenset(
    {"old", "area", "areas", "outskirts", "suburb", "suburbs", "centre", "center", "downtown",
     "north", "south", "east", "west", "northern", "southern", "eastern", "western",
     "central", "main", "busy", "neighbourhoods", "neighborhoods", "districts", "market"}
)  # fmt: skip


def _singular(text: str, word: _Word) -> _Word | None:
    """*word*, a plural kind word ("bases", "camps"), read as its singular, or None."""
    if word.word.lower() not in _PLURAL_KINDS:
        return None
    return word._replace(key=token_key(word.word[:-1], text, word.end))


#: Kind words whose plural may close a name listed with another: "Balad air bases".
_PLURAL_KINDS = frozenset({"bases", "airbases", "camps", "airports", "airfields"})


def _longest_match(
    index: NameIndex, text: str, at: int
) -> tuple[tuple[Place, ...], list[_Word]] | None:
    found = TOKEN_RE.match(text, at)
    if found is None:
        return None
    raw, end = found.group(), found.end()
    key = token_key(raw, text, end)
    if key:
        # Most capitalised words open no name: turned down before any other work.
        if not _capitalised(raw) or (key not in index.prefixes and not _possessive(raw)):
            return None
        first = _Word(found.start(), end, raw, key)
        stem = _without_possessive(text, first)
        if stem is not None and stem.key in index.prefixes:
            first = stem  # "Baghdad's international airport": Baghdad
        elif key not in index.prefixes:
            return None
        words = [first]
    else:
        # An Arabic article may open a name ("al-Qa'im"); "the" may not.
        if raw.casefold() == "the":
            return None
        named = _word_at(text, _NEXT_RE.match(text, end), 1)
        if named is None or not named.key or not _capitalised(named.word):
            return None
        words = [_Word(found.start(), end, raw, key), named]
    word: _Word | None = words[-1]
    key = ""
    best: tuple[tuple[Place, ...], list[_Word]] | None = None
    while word is not None:
        if word.key:
            longer = f"{key} {word.key}" if key else word.key
            if longer not in index.prefixes:
                # Tried in turn: "Basra's old city", the name ends before the possessive;
                # "Ain al-Asad and Balad air bases", a plural kind word ends the name.
                word = _without_possessive(text, word) or _singular(text, word)
                if word is None:
                    break
                longer = f"{key} {word.key}" if key else word.key
                if longer not in index.prefixes:
                    break
                words[-1] = word
            key = longer
            places = index.keys.get(key)
            if places:
                best = (places, list(words))
        word = _word_at(text, _NEXT_RE.match(text, word.end), 1)
        if word is not None:
            words.append(word)
    return best


def _is_place_here(
    index: NameIndex, text: str, words: list[_Word], places: tuple[Place, ...]
) -> bool:
    key_parts = [w.key for w in words if w.key]
    if len(key_parts) == 1 and key_parts[0] in index.not_places:
        return False
    before = _word_before(text, words[0].start)
    if before is not None and before.casefold() in PERSON_MARKERS:
        return False
    if len(key_parts) == 1 and _reads_as_a_word(text, words, key_parts[0]):
        return False
    if (
        before is not None
        and not words[0].key  # "Khalid al-Obeidi": a given name, then an al- surname
        and _capitalised(before)
        and before.casefold() not in FUNCTION_WORDS | PLACE_WORDS
    ):
        return False
    if places[0].layer != "geonames":
        return True
    # A base-layer name glued to other capitalised words is part of a longer name
    # (a person, an organisation), not a village that happens to share it.
    found = _AFTER_RE.match(text, words[-1].end)
    after = found.group(1) if found else None
    for word in (before, after):
        if word and _capitalised(word) and word.casefold() not in FUNCTION_WORDS:
            return False
    return True


def _word_before(text: str, at: int) -> str | None:
    """The word before *at*, skipping articles, if only spaces or hyphens separate them."""
    found = _BEFORE_REVERSED_RE.match(text[max(0, at - 80) : at][::-1])
    return found.group(1)[::-1] if found else None


def _reads_as_a_word(text: str, words: list[_Word], key: str) -> bool:
    """A name that is also an English word, opening a sentence as that word ("Hit by...")."""
    if key not in WORD_NAMES:
        return False
    following = TOKEN_RE.search(text, words[-1].end)
    at = words[0].start
    preceding = text[max(0, at - 40) : at].rstrip()
    opening = preceding[-1:] in (".", "!", "?", ":", '"', "'", "“") if preceding else at < 40
    return opening and following is not None and following.group() in WORD_NAMES[key]
