"""Killed and injured counts in a sentence, and the phrases that say there were none.

Pure. :func:`find_casualties` returns every figure with its position so the caller
can apply the documented rule (the first figure stated wins, an exact figure beats
an approximate one); docs/extraction.md ("Casualty rules") lists the patterns.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from mapper._counts import NUMBER, choose_figure, count_people, parse_number, qualifier_of

KILLED, INJURED = "killed", "injured"

#: Active verbs, followed by who was hit: "killing a girl and wounding five civilians".
_ACTIVE_RE = re.compile(
    r"\b(?:(?P<k>killing|killed|kills|shot dead|claimed the lives of|(?:the )?deaths? of)"
    r"|(?P<i>wounding|wounded|injuring|injured|injuries to))\s+",
    re.IGNORECASE,
)
#: Passive verbs, preceded by who was hit: "Three people ... were injured".
_PASSIVE_RE = re.compile(
    r"\s+(?:(?:were|was|have been|has been|had been|are|is)\s+)?"
    r"(?:(?:also|reportedly|slightly|lightly|seriously|critically|badly)\s+)?"
    r"(?:(?P<k>killed|dead)|(?P<i>injured|wounded|hurt))\b"
    r"|\s+suffered\s+(?:\w+\s+)?(?P<i2>injuries|wounds)\b",
    re.IGNORECASE,
)
_TOLL_RE = re.compile(
    rf"\b(?P<k>death toll|toll)\s+(?:\w+\s+){{0,2}}?(?:at|to|of)\s+(?P<num>{NUMBER})",
    re.IGNORECASE,
)
#: "Nobody was hurt", "without casualties", "neither dead nor injured": both zero.
_NONE_HARMED_RE = re.compile(
    r"\b(?:no(?:body| one|-one)|none)\s+(?:\w+\s+)?(?:was|were|has been|had been)\s+"
    r"(?:\w+\s+)?(?:hurt|injured|wounded|harmed)\b"
    r"|\b(?:caused|causing|there were|with|reported|inflicting)\s+no\s+"
    r"(?:casualties|injuries|victims)\b"
    r"|\bno\s+(?:casualties|injuries)\s+(?:were\s+)?(?:reported|caused)?"
    r"|\bwithout\s+(?:causing\s+|inflicting\s+|any\s+)*(?:casualties|injuries|victims)\b"
    r"|\bwithout\s+(?:to\s+)?hurt(?:ing)?\b"
    r"|\bneither\s+dead\s+nor\s+(?:injured|wounded)\b"
    r"|^\s*no\s+(?:casualties|injuries)\b",
    re.IGNORECASE,
)
#: "No one was killed", "No deaths were reported": killed zero only.
_NONE_KILLED_RE = re.compile(
    r"\b(?:no(?:body| one|-one)|none)\s+(?:\w+\s+)?(?:was|were|has been|had been)\s+killed\b"
    r"|\bno\s+(?:deaths|fatalities|one\s+died)\b",
    re.IGNORECASE,
)
#: A cheap test that lets most sentences skip the patterns above.
_ANY_RE = re.compile(
    r"kill|dead|death|wound|injur|hurt|casualt|toll|victim|harmed|fatalit", re.IGNORECASE
)
_PARENTHETICAL_RE = re.compile(r",\s*(?:including|among them|most of them|mostly)\b[^,.;]*,")
_CLAUSE_START_RE = re.compile(
    r"[.;:!?]|,\s*(?=(?:while|but|and|as|though|although)\b)|\b(?:while|though|although)\b"
)


class Casualty(NamedTuple):
    """One figure: ``kind`` is "killed" or "injured"; ``qualifier`` as in "at least" 15."""

    position: int
    kind: str
    number: int
    qualifier: str


def find_casualties(text: str) -> list[Casualty]:
    """Return every killed/injured figure stated in *text*, in text order.

    Examples
    --------
    >>> [(c.kind, c.number) for c in find_casualties("killing a girl and wounding five civilians")]
    [('killed', 1), ('injured', 5)]
    """
    if not _ANY_RE.search(text):
        return []
    found: list[Casualty] = []
    blanked = text
    for pattern, kinds in ((_NONE_HARMED_RE, (KILLED, INJURED)), (_NONE_KILLED_RE, (KILLED,))):
        for match in pattern.finditer(blanked):
            found.extend(Casualty(match.start(), kind, 0, "") for kind in kinds)
            blanked = blanked[: match.start()] + " " * len(match.group()) + blanked[match.end() :]
    # "Three people, including two children, were injured": the aside is not a count.
    blanked = _PARENTHETICAL_RE.sub(lambda m: " " * len(m.group()), blanked)
    for match in _ACTIVE_RE.finditer(blanked):
        counted = count_people(blanked[match.end() :])
        if counted is not None:
            kind = KILLED if match.group("k") else INJURED
            qualifier = qualifier_of(blanked[match.end() :])
            found.append(Casualty(match.start(), kind, counted[0], qualifier))
    for match in _PASSIVE_RE.finditer(blanked):
        before = _count_before(blanked, match.start())
        if before is not None:
            kind = KILLED if match.group("k") else INJURED
            found.append(Casualty(before[1], kind, before[0], before[2]))
    for match in _TOLL_RE.finditer(blanked):
        value = parse_number(match.group("num"))
        if value is not None:
            found.append(Casualty(match.start(), KILLED, value, ""))
    return sorted(found)


def _count_before(text: str, end: int) -> tuple[int, int, str] | None:
    """The people list that ends right before a passive verb, with where it starts."""
    starts = [m.end() for m in _CLAUSE_START_RE.finditer(text, 0, end)]
    segment_start = starts[-1] if starts else 0
    segment = text[segment_start:end]
    for word in re.finditer(r"\S+", segment):
        counted = count_people(segment[word.start() :], whole=True)
        if counted is not None:
            qualifier = qualifier_of(segment[word.start() :])
            return counted[0], segment_start + word.start(), qualifier
    return None


def casualty_counts(findings: list[Casualty]) -> tuple[int | None, int | None]:
    """Per kind, the figure :func:`mapper._counts.choose_figure` keeps, or None."""
    killed = choose_figure([(f.number, f.qualifier) for f in findings if f.kind == KILLED])
    injured = choose_figure([(f.number, f.qualifier) for f in findings if f.kind == INJURED])
    return killed, injured
