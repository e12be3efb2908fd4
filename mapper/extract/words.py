"""The set of lower-case words of a short text: a cheap test before a costly pattern.

Python's regular expressions scan every character; asking first whether a clause
holds any of a pattern's key words skips most of them at C speed. The sets are
cached: the extractor asks about the same clause several times.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


def translation(changes: dict[str, str]) -> dict[int, str]:
    """A ``str.translate`` table making *changes* that also names every other ASCII
    character, as itself: each character a table lacks costs a failed lookup (a KeyError)
    in every text that holds it."""
    return str.maketrans({chr(c): chr(c) for c in range(128)} | changes)


# Apostrophes and hyphens become spaces too, so "Tuesday's" gives "tuesday".
_SEPARATORS = translation({c: " " for c in ".,;:!?()[]{}\"'“”‘’«»/|—–…*•<>=#-‐‑"})
#: The same for an ASCII text's bytes, lower-casing too: a byte table is read at C
#: speed, where each character of a ``str.translate`` is looked up in a dictionary.
_ASCII_SEPARATORS = bytes(ord(_SEPARATORS[c].lower()) if c < 128 else c for c in range(256))
_DIGIT_RE = re.compile(r"\d")
#: The digits an ASCII text can hold: a class the engine tests faster than ``\d``.
_ASCII_DIGIT_RE = re.compile("[0-9]")


@lru_cache(maxsize=8192)
def words_of(text: str) -> frozenset[str]:
    """Lower-case words of *text*; hyphens split words ("mid-October" gives "october")."""
    if text.isascii():
        return frozenset(text.encode().translate(_ASCII_SEPARATORS).decode().split())
    return frozenset(text.lower().translate(_SEPARATORS).split())


def has_digit(text: str) -> bool:
    """Whether *text* holds a digit."""
    return (_ASCII_DIGIT_RE if text.isascii() else _DIGIT_RE).search(text) is not None


def key_words(phrases: Iterable[str]) -> frozenset[str]:
    """Every word of every phrase, lower case: a phrase can only match where one is."""
    return frozenset(word for phrase in phrases for word in words_of(phrase))


def rare_words(phrases: Iterable[str], common: frozenset[str]) -> frozenset[str]:
    """One word of each phrase, not a *common* one where it has another.

    A phrase can only match where every one of its words is, so one word each is as
    sure a test as all of them, and far more selective when "us" or "car" is left out
    ("us strikes": "strikes").
    """
    keys = set()
    for phrase in phrases:
        words = sorted(words_of(phrase), key=lambda w: (w in common, -len(w), w))
        keys.add(words[0])
    return frozenset(keys)


def single_words(phrases: Iterable[str]) -> frozenset[str]:
    """The phrases that are one word: a word-set hit is already a match."""
    return frozenset(p.lower() for p in phrases if len(words_of(p)) == 1 and p.isalpha())


def alternation(phrases: Iterable[str]) -> str:
    """The *phrases* as one alternation, longest first, so "roadside bomb" is tried before
    "bomb"; the spaces in a phrase match any white space.

    The phrases are grouped by their first character, the groups in the order of their
    first phrase: where a word starts, the engine tries the one group that can match
    rather than every phrase. Phrases of two groups never match at one place, and a
    group keeps the order of its phrases, so the same phrase is found.
    """
    groups: dict[str, list[str]] = {}
    for phrase in sorted(phrases, key=lambda p: (-len(p), p)):
        groups.setdefault(phrase[0], []).append(re.escape(phrase[1:]).replace(r"\ ", r"\s+"))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


def word_openings(branches: Iterable[str]) -> str:
    r"""The regular-expression *branches*, each matching from the start of a word, as
    one pattern the engine searches fast: it opens on a character class, which is
    scanned for at C speed, where a leading ``\b`` made it try every branch at every
    character.

    Each branch is written without its ``\b`` and opens on its first character,
    literally or as ``\d``. After the class, a lookbehind asks whether that character
    opens a word, and the branches opening on it are tried, in their order; branches
    opening on another character cannot match at that place, so the same match is found.
    """
    groups: dict[str, list[str]] = {}
    for branch in branches:
        opener = branch[:2] if branch.startswith("\\") else branch[0]
        groups.setdefault(opener, []).append(branch[len(opener) :])
    tried = "|".join(f"(?<={opener})(?:{'|'.join(rests)})" for opener, rests in groups.items())
    return rf"[{''.join(groups)}](?<=\b\w)(?:{tried})"
