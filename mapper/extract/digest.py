"""Digests: a round-up with one paragraph per town, each headed by the town's name.

Pure, given the gazetteer. "RAMADI: Three mortar rounds struck the provincial
government compound on Monday" tells an attack in Ramadi although the sentence names no
place: in a digest, the heading is where the paragraph's news happened. A single
dateline ("BAGHDAD (Agency) - ...") places nothing: it says where the story was filed.
docs/extraction.md ("Lists and round-ups") gives the rule.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from mapper.extract.places import PlaceHit, best_place, place_hits

if TYPE_CHECKING:
    from gazetteer import Gazetteer
    from mapper.extract.sentences import Document

#: A story is a digest when at least this many of its paragraphs open on a place heading.
DIGEST_HEADINGS = 2


class DigestPlaces:
    """The heading place of each paragraph of a digest; nothing for other stories."""

    def __init__(self, document: Document, gazetteer: Gazetteer) -> None:
        self._spans: list[tuple[int, int, PlaceHit]] = []
        if len(document.headings) < DIGEST_HEADINGS:
            return
        for start, end, heading in document.headings:
            mentions = gazetteer.find_mentions(heading)
            hit = best_place(place_hits(heading, 0, mentions, gazetteer), gazetteer)
            if hit is not None:
                self._spans.append((start, end, hit._replace(position=0, end=-1)))
        if len(self._spans) < DIGEST_HEADINGS:
            self._spans = []
        self._starts = [start for start, _end, _hit in self._spans]

    def place_at(self, offset: int) -> PlaceHit | None:
        """The heading place of the paragraph holding *offset* of the cleaned text."""
        if not self._spans:
            return None
        index = bisect_right(self._starts, offset) - 1
        if index < 0 or offset >= self._spans[index][1]:
            return None
        return self._spans[index][2]
