"""Ranked lookup beyond the exact name: longer names, and who may be a near spelling.

A lookup's candidates carry a score that says how the name matched (not a
probability); each place is offered once, under its best-matching name:

======  ==============================================================================
score   how the name matched
======  ==============================================================================
100     exactly, after :func:`~gazetteer.normalize_name` ("Irbil" is Erbil)
85-99.9 a near spelling, the RapidFuzz ratio of the folded names ("Qayarrah"), only
        when no name matches exactly, and only of a place in Iraq or one a curated or
        user file holds: a near spelling of a neighbour's town from the broad GeoNames
        layer is more likely a place the gazetteer lacks ("Paris" is not Pardis)
80      the name and words naming a kind of place ("Erbil Governorate", "Erbil Air
        Base", "Camp Taji" for "Taji")
70      a longer name the query begins, its last word cut short ("Erbil air" finds
        "Erbil airport"); a query of two words or more
60      a longer name that holds the query's words ("Baghdad Diplomatic Support Center")
======  ==============================================================================

Longer names, like near spellings, are only offered for places in Iraq or in curated
or user data: a neighbour's town from the GeoNames layer is found by its own names.
Within a score, places rank by layer (user, curated, GeoNames), then the broader
kind first (the governorate named after a city before the air base at it), then
population and id. A query made only of kind words ("airport") finds no longer name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from gazetteer._place import SPECIFICITY, Place

#: Scores of the longer-name matches, all below the near-spelling threshold.
KIND_SCORE = 80.0
PREFIX_SCORE = 70.0
WORDS_SCORE = 60.0
#: Layers whose places may be offered for a near spelling wherever they are.
_NEAR_SPELLING_LAYERS = frozenset({"curated", "user"})
_LAYER_RANK = {"user": 0, "curated": 1, "geonames": 2}


def may_be_near_spelling(place: Place) -> bool:
    """Whether a near spelling may stand for *place*: in Iraq, or curated or user data."""
    return place.country == "IQ" or place.layer in _NEAR_SPELLING_LAYERS


def rank_key(score: float, place: Place) -> tuple[float, int, int, int, str]:
    """Sort key of a candidate: score, layer, broader kind, population, id."""
    return (
        -score,
        _LAYER_RANK.get(place.layer, 1),
        SPECIFICITY.get(place.kind, 9),
        -place.population,
        place.id,
    )


class LongerNames:
    """The names that hold a query's words, found through an index of their words.

    Parameters
    ----------
    keys
        Folded name -> the places of that name, as the name index holds them.
    kind_words
        Words that name a kind of place rather than the place ("base", "airport").
    """

    def __init__(self, keys: Mapping[str, tuple[Place, ...]], kind_words: frozenset[str]):
        self._keys = keys
        self._kind_words = kind_words
        self._by_word: dict[str, list[str]] = defaultdict(list)
        for key in keys:
            for word in dict.fromkeys(key.split()):
                self._by_word[word].append(key)

    def matches(self, key: str) -> Iterable[tuple[float, Place]]:
        """Each (score, place) of a longer name for the folded query *key*."""
        words = key.split()
        if not words or all(word in self._kind_words for word in words):
            return []
        found: list[tuple[float, Place]] = []
        # Every longer name holds the query's first word whole (a cut last word aside).
        for other in self._by_word.get(words[0], ()):
            if other == key:
                continue
            score = self._score(words, other)
            if score is not None:
                found += [(score, place) for place in self._keys[other]]
        return found

    def _score(self, words: list[str], other: str) -> float | None:
        names = other.split()
        n = len(words)
        for start in range(len(names) - n + 1):
            if names[start : start + n] == words:
                rest = names[:start] + names[start + n :]
                kinds = all(word in self._kind_words for word in rest)
                return KIND_SCORE if kinds else WORDS_SCORE
        cut = n >= 2 and len(words[-1]) >= 2 and len(names) >= n
        if cut and names[: n - 1] == words[:-1] and names[n - 1].startswith(words[-1]):
            return PREFIX_SCORE
        return None
