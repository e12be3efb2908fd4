"""Finding place names in running text, with character offsets.

Pure: works on a :class:`NameIndex` and a string. The rules that keep ordinary words
out ("hit" the verb, "a green zone", weekdays) live here, in one place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from gazetteer._normalize import tokenize
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

#: Only spaces and hyphens may stand between the words of one name.
_GAP_RE = re.compile(r"[ \t\-‐‑–]{1,3}|[ \t]*\n[ \t]*")


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


def find_mentions(index: NameIndex, text: str) -> list[Mention]:
    """Return every place name in *text*, longest match first, in text order."""
    tokenized = tokenize(text)
    tokens = [(start, end, word) for start, end, word, _ in tokenized]
    folded = [key for *_, key in tokenized]
    mentions: list[Mention] = []
    i, count = 0, len(tokens)
    while i < count:
        match = _longest_match(index, text, tokens, folded, i)
        if match is None:
            i += 1
            continue
        end, places = match
        start = tokens[i][0]
        stop = tokens[end][1]
        if _is_place_here(index, text, tokens, folded, i, end, places):
            mentions.append(Mention(start, stop, text[start:stop], places))
        i = end + 1
    return mentions


def _longest_match(
    index: NameIndex,
    text: str,
    tokens: list[tuple[int, int, str]],
    folded: list[str],
    i: int,
) -> tuple[int, tuple[Place, ...]] | None:
    first = i
    if not folded[i]:
        # An Arabic article may open a name ("al-Qa'im"); "the" may not.
        if tokens[i][2].casefold() == "the":
            return None
        first = i + 1
    if first >= len(tokens) or not folded[first] or not _capitalised(tokens[first][2]):
        return None
    if first != i and not _GAP_RE.fullmatch(text[tokens[i][1] : tokens[first][0]]):
        return None
    key = ""
    best: tuple[int, tuple[Place, ...]] | None = None
    j = first
    while j < len(tokens):
        if j > first and not _GAP_RE.fullmatch(text[tokens[j - 1][1] : tokens[j][0]]):
            break
        if folded[j]:
            key = f"{key} {folded[j]}" if key else folded[j]
            if key not in index.prefixes:
                break
            places = index.keys.get(key)
            if places:
                best = (j, places)
        j += 1
    return best


def _is_place_here(
    index: NameIndex,
    text: str,
    tokens: list[tuple[int, int, str]],
    folded: list[str],
    start: int,
    end: int,
    places: tuple[Place, ...],
) -> bool:
    key_tokens = [f for f in folded[start : end + 1] if f]
    if len(key_tokens) == 1 and key_tokens[0] in index.not_places:
        return False
    before = _neighbour(text, tokens, folded, start, -1)
    if before is not None and before.casefold() in PERSON_MARKERS:
        return False
    if len(key_tokens) == 1 and _reads_as_a_word(text, tokens, start, end, key_tokens[0]):
        return False
    if (
        before is not None
        and not folded[start]  # "Khalid al-Obeidi": a given name, then an al- surname
        and _capitalised(before)
        and before.casefold() not in FUNCTION_WORDS | PLACE_WORDS
    ):
        return False
    if places[0].layer != "geonames":
        return True
    # A base-layer name glued to other capitalised words is part of a longer name
    # (a person, an organisation), not a village that happens to share it.
    after = _neighbour(text, tokens, folded, end, +1)
    for word in (before, after):
        if word and _capitalised(word) and word.casefold() not in FUNCTION_WORDS:
            return False
    return True


def _reads_as_a_word(
    text: str, tokens: list[tuple[int, int, str]], start: int, end: int, key: str
) -> bool:
    """A name that is also an English word, opening a sentence as that word ("Hit by...")."""
    if key not in WORD_NAMES or end + 1 >= len(tokens):
        return False
    at = tokens[start][0]
    preceding = text[max(0, at - 40) : at].rstrip()
    opening = preceding[-1:] in (".", "!", "?", ":", '"', "'", "“") if preceding else at < 40
    return opening and tokens[end + 1][2] in WORD_NAMES[key]


def _neighbour(
    text: str, tokens: list[tuple[int, int, str]], folded: list[str], at: int, step: int
) -> str | None:
    """The adjacent real word, skipping articles, when only spaces or hyphens separate it."""
    j = at + step
    while 0 <= j < len(tokens) and not folded[j]:
        j += step
    if not 0 <= j < len(tokens):
        return None
    left, right = (j, at) if step < 0 else (at, j)
    gap = text[tokens[left][1] : tokens[right][0]]
    return tokens[j][2] if _JOINED_RE.fullmatch(gap) else None


#: What may stand between two words of one longer name: spaces, hyphens, articles.
_JOINED_RE = re.compile(r"[ \t\-‐‑–]+(?:(?:al|el|ad|ar|as|ash|at|az|an)[ \t\-‐‑–]+)*", re.I)
