"""Killed and injured counts in a sentence, and the phrases that say there were none.

Pure. :func:`find_casualties` returns every figure with its position so the caller
can apply the documented rule (the first figure stated wins, an exact figure beats
an approximate one); docs/extraction.md ("Casualty rules") lists the patterns.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from mapper.extract.counts import (
    APPROXIMATE,
    NUMBER,
    PeopleLists,
    choose_figure,
    count_people,
    may_be_number,
    parse_number,
    qualifier_of,
)
from mapper.extract.vocabulary import NUMBER_WORDS, PERSON_NOUNS
from mapper.extract.words import translation, words_of

KILLED, INJURED = "killed", "injured"

#: Active verbs, followed by who was hit: "killing a girl and wounding five civilians".
# The patterns are lower case and run on an ASCII-lower-cased copy of the text (same
# length, so offsets hold); case-insensitive matching is several times slower.
_ACTIVE_RE = re.compile(
    r"\b(?:(?P<k>killing|killed|kills|shot dead|claimed the lives of|(?:the )?deaths? of"
    r"|(?:the )?martyrdom of)"
    r"|(?P<i>wounding(?: of)?|wounded|injuring(?: of)?|injured|injuries to))\s+"
)
#: Passive verbs, preceded by who was hit: "Three people ... were injured".
_PASSIVE_RE = re.compile(
    r"\b(?:(?P<k>killed|dead|died|lost (?:their|his|her) lives?|martyred|martyrs?)"
    r"|(?P<i>injured|wounded|hurt))\b"
    r"|\b(?:suffered|sustained)\s+(?:\w+\s+)?(?P<i2>injuries|wounds)\b"
)
#: What may stand between the people and a passive verb: "were", "was slightly".
_AUXILIARY_RE = re.compile(
    r"(?P<aux>\s+(?:were|was|have been|has been|had been|are|is))?"
    r"(?P<adverb>\s+(?:also|reportedly|slightly|lightly|seriously|critically|badly))?\s*$"
)
_TOLL_RE = re.compile(
    rf"\b(?P<k>death toll|toll)\s+(?:\w+\s+){{0,2}}?(?:at|to|of)\s+(?P<num>{NUMBER})"
)
#: "the wounded, which number more than 11", "the dead totalled 12": a group's size.
_GROUP_TOTAL_RE = re.compile(
    rf"\bthe (?:(?P<k>dead|killed)|wounded|injured)\b[^.;]{{0,40}}?\b(?:numbers?|numbered"
    rf"|totals?|totalled|totaled|stands? at|stood at)\s+(?:(?P<approx>{APPROXIMATE})\s+)?"
    rf"(?P<num>{NUMBER})"
)
_GROUP_WORDS = frozenset(
    "number numbers numbered total totals totalled totaled stands stood".split()  # noqa: SIM905
)
#: "Nobody was hurt", "without casualties", "neither dead nor injured": both zero.
_NONE_HARMED_RE = re.compile(
    r"\b(?:no(?:body| one|-one)?|none)\s+(?:\w+\s+){0,3}?(?:was|were|is|are|has been|had been)\s+"
    r"(?:\w+\s+)?(?:hurt|injured|wounded|harmed)\b"
    r"|\b(?:caused|causing|there (?:were|are|have been)|with|reported|inflicting|but|left"
    r"|leaving|resulted in)"
    r"\s+no\s+(?:\w+\s+(?:or\s+)?)?(?:casualties|causalities|injuries|victims)\b"
    r"|\b(?:did not|didn't|does not|failed to)\s+(?:\w+\s+)?(?:result in|cause|lead to|leave"
    r"|inflict|produce)\s+(?:any\s+)?(?:\w+\s+)?(?:casualties|causalities|injuries|victims)\b"
    r"|\bno\s+(?:\w+\s+)?(?:casualties|causalities|injuries)\s+(?:were|have been|had been)\s+"
    r"(?:reported|recorded|registered|caused)\b"
    r"|\bwithout\s+(?:any\s+)?(?:loss of life|casualties)\b"
    r"|\bno\s+(?:casualties|causalities|injuries)\s+(?:were\s+)?(?:reported|caused)?"
    r"|\bwithout\s+(?:causing\s+|inflicting\s+|any\s+)*(?:casualties|causalities|injuries|victims)\b"
    r"|\bwithout\s+(?:to\s+)?hurt(?:ing)?\b"
    # Translated Arabic press: "without causing human losses", "no human casualties".
    r"|\b(?:no|without)\s+(?:causing\s+|inflicting\s+|leaving\s+|any\s+)*human\s+"
    r"(?:losses|casualties|causalities)\b"
    r"|\bneither\s+dead\s+nor\s+(?:injured|wounded)\b"
    r"|\b(?:hurting|harming|injuring|wounding)\s+no(?:body| one|-one)\b"
    r"|^\s*no\s+(?:casualties|causalities|injuries)\b"
)
#: "No one was killed", "No deaths were reported": killed zero only.
_NONE_KILLED_RE = re.compile(
    r"\b(?:no(?:body| one|-one)|none)\s+(?:\w+\s+)?(?:was|were|has been|had been)\s+killed\b"
    r"|\bno\s+(?:deaths|fatalities|one\s+died)\b"
)
#: A cheap test that lets most sentences skip the patterns above.
_WORDS = frozenset(
    """kill killed killing kills dead died death deaths lives wounded wounding wounds injured
    injuring injuries injury hurt casualties casualty causalities toll victims harmed
    fatalities loss losses martyred martyr martyrs martyrdom unhurt unharmed uninjured
    unscathed hurting harming""".split()  # noqa: SIM905
)
_ACTIVE_WORDS = frozenset(
    """killing killed kills shot claimed death deaths wounding wounded injuring injured
    injuries martyrdom""".split()  # noqa: SIM905
)
#: A word; an opening quote or bracket is not part of it ("“Thirteen were killed").
_WORD_RE = re.compile(r"[^\s\"“‘(\[]\S*")
_ASCII_LOWER = translation({c: c.lower() for c in string.ascii_uppercase})
#: Words a list of people may open with, besides numbers and capitalised names.
_LIST_OPENERS = frozenset(
    (
        "a",
        "an",
        "one",
        "another",
        "the",
        "at",
        "more",
        "over",
        "about",
        "around",
        "some",
        "nearly",
        "almost",
        "up",
        "several",
    )
)
_NONE_WORDS = frozenset(("no", "nobody", "none", "without", "neither", "not", "didn't", "failed"))
_PASSIVE_WORDS = frozenset(
    """killed dead died lost injured wounded hurt suffered sustained martyred martyr
    martyrs""".split()  # noqa: SIM905
)
_PARENTHETICAL_RE = re.compile(
    r",\s*(?:including|among them|most of them|mostly)\b[^,.;]*,"
    # "six others including a soldier were wounded": the aside runs up to the verb.
    r"|(?<=\w)\s+including\s+[^,.;]{1,40}?(?=\s+(?:were|was|had been|have been)\s)"
)
#: Where a clause starts; the full stops of initials ("U.S.") end none.
_CLAUSE_START_RE = re.compile(
    r"[;:!?]|(?<!\b[A-Z])\.|,\s*(?=(?:while|but|and|as|though|although)\b)|\b(?:while|though|although)\b"
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
    words = words_of(text)
    if words.isdisjoint(_WORDS):
        return []
    lowered = text.translate(_ASCII_LOWER)
    found: list[Casualty] = []
    blanked = text
    if not words.isdisjoint(_RANGE_WORDS):
        blanked, lowered = _lower_bounds(blanked, lowered)
    if not words.isdisjoint(_NONE_WORDS):
        for pattern, kinds in ((_NONE_HARMED_RE, (KILLED, INJURED)), (_NONE_KILLED_RE, (KILLED,))):
            matches = list(pattern.finditer(lowered))
            for match in matches:
                found.extend(Casualty(match.start(), kind, 0, "") for kind in kinds)
            blanked, lowered = _blank(blanked, matches), _blank(lowered, matches)
    # "Three people, including two children, were injured": the aside is not a count.
    if "includ" in lowered or "among" in lowered or "most" in lowered:
        matches = list(_PARENTHETICAL_RE.finditer(lowered))
        blanked, lowered = _blank(blanked, matches), _blank(lowered, matches)
    actives = _ACTIVE_RE.finditer(lowered) if not words.isdisjoint(_ACTIVE_WORDS) else ()
    for match in actives:
        counted = count_people(blanked, start=match.end())
        if counted is not None:
            kind = KILLED if match.group("k") else INJURED
            qualifier = qualifier_of(blanked, match.end())
            found.append(Casualty(match.start(), kind, counted[0], qualifier))
    if not words.isdisjoint(_PASSIVE_WORDS):
        runs = [m.start() for m in _NON_SPACE_RE.finditer(lowered)]  # where words open
        lists: _Lists | None = None  # read once the first verb needs them
        for match in _PASSIVE_RE.finditer(lowered):
            auxiliary = _AUXILIARY_RE.search(lowered, max(0, match.start() - 40), match.start())
            end = auxiliary.start() if auxiliary is not None else match.start()
            bare = auxiliary is None or not (auxiliary.group("aux") or auxiliary.group("adverb"))
            last_word = runs[max(0, bisect_left(runs, end) - 1)] if runs else 0
            if bare and not _ends_with_people(lowered[last_word:end]):
                continue  # "an attack that killed a girl": active, read above
            lists = lists or _Lists(blanked)
            before = _count_before(lists, end)
            if before is not None:
                kind = KILLED if match.group("k") else INJURED
                found.append(Casualty(before[1], kind, before[0], before[2]))
    if "toll" in lowered:
        for match in _TOLL_RE.finditer(lowered):
            value = parse_number(match.group("num"))
            if value is not None:
                found.append(Casualty(match.start(), KILLED, value, ""))
    if "the " in lowered and not words.isdisjoint(_GROUP_WORDS):
        for match in _GROUP_TOTAL_RE.finditer(lowered):
            value = parse_number(match.group("num"))
            if value is not None:
                kind = KILLED if match.group("k") else INJURED
                found.append(Casualty(match.start(), kind, value, match.group("approx") or ""))
    if "of" in words and not words.isdisjoint(_DIED_LATER_WORDS):
        found = _died_later(found, lowered)
    if not words.isdisjoint(_UNHURT_WORDS) and not any(f.number for f in found):
        for match in _UNHURT_RE.finditer(lowered):
            found.extend(Casualty(match.start(), kind, 0, "") for kind in (KILLED, INJURED))
    return sorted(found)


#: "between five and seven", "two to three", "two or three" (people): the lower bound.
#: Found from the joining word (a literal the scan finds fast), then the numbers beside it.
_RANGE_JOIN_RE = re.compile(r" (?:to|or|and) ")
_RANGE_LOW_RE = re.compile(rf"(?:\bbetween\s+)?\b(?P<low>{NUMBER})$")
_RANGE_HIGH_RE = re.compile(rf"(?!a\b|one\b){NUMBER}\b")
_RANGE_WORDS = frozenset(("between", "to", "or"))


def _lower_bounds(text: str, lowered: str) -> tuple[str, str]:
    """*text* and *lowered* with each range of numbers written as its lower bound, "at
    least five" for "between five and seven" (same length: offsets hold)."""
    cuts: list[tuple[int, int, str]] = []  # (start, end, lower bound written out)
    for join in _RANGE_JOIN_RE.finditer(lowered):
        word = lowered[lowered.rfind(" ", 0, join.start()) + 1 : join.start()]
        if not may_be_number(word):
            continue  # the cheap test: a number must end right before the joining word
        low = _RANGE_LOW_RE.search(lowered, max(0, join.start() - 30), join.start())
        high = _RANGE_HIGH_RE.match(lowered, join.end())
        if low is None or high is None or (cuts and low.start() < cuts[-1][1]):
            continue
        if join.group() == " and " and not low.group().startswith("between"):
            continue  # "five and seven" alone is a list
        bound = f"at least {text[low.start('low') : low.end('low')]}"
        cuts.append((low.start(), high.end(), bound.ljust(high.end() - low.start())))
    if not cuts:
        return text, lowered
    written, lowered_parts, at = [], [], 0
    for start, end, bound in cuts:  # pieces joined once: a run of ranges stays linear
        written += [text[at:start], bound]
        lowered_parts += [lowered[at:start], bound.lower()]
        at = end
    return "".join([*written, text[at:]]), "".join([*lowered_parts, lowered[at:]])


#: "wounding three soldiers, one of whom later died": one of the wounded is counted dead.
_DIED_LATER_RE = re.compile(
    rf"\b(?P<num>{NUMBER})\s+of\s+(?:whom|them)\s+(?:\w+\s+){{0,2}}?"
    r"(?:died|succumbed|passed away)\b"
)
_DIED_LATER_WORDS = frozenset(("died", "succumbed", "passed"))


def _died_later(found: list[Casualty], lowered: str) -> list[Casualty]:
    """*found* with the wounded who later died moved from the injured to the killed."""
    found = sorted(found)
    injured = [i for i, f in enumerate(found) if f.kind == INJURED]
    starts = [found[i].position for i in injured]
    killed = next((i for i, f in enumerate(found) if f.kind == KILLED), None)
    for match in _DIED_LATER_RE.finditer(lowered):
        died = parse_number(match.group("num"))
        before = bisect_left(starts, match.start()) - 1  # the figure the clause is about
        if died is None or before < 0 or found[injured[before]].number <= died:
            continue
        wounded = injured[before]
        found[wounded] = found[wounded]._replace(number=found[wounded].number - died)
        if killed is None:
            found.append(Casualty(match.start(), KILLED, died, ""))
            killed = len(found) - 1
        else:
            found[killed] = found[killed]._replace(number=found[killed].number + died)
    return found


#: "The drivers escaped unhurt": no one hurt, unless the text counts someone who was.
_UNHURT_RE = re.compile(
    r"\b(?:escaped|were|was|are|is|remained|survived)\s+(?:\w+\s+)?"
    r"(?:unhurt|unharmed|uninjured|unscathed)\b"
)
_UNHURT_WORDS = frozenset(("unhurt", "unharmed", "uninjured", "unscathed"))


def _ends_with_people(text: str) -> bool:
    """Whether *text* ends with a person noun or a number ("two soldiers", "15")."""
    last = text.rstrip().rsplit(None, 1)[-1:] or [""]
    word = last[0].strip(",")
    return word in PERSON_NOUNS or word.isdigit() or word in NUMBER_WORDS


def _blank(text: str, matches: list[re.Match[str]]) -> str:
    """*text* with the spans of *matches* (in order, not overlapping) replaced by spaces."""
    parts, at = [], 0
    for match in matches:
        parts += [text[at : match.start()], " " * (match.end() - match.start())]
        at = match.end()
    return "".join([*parts, text[at:]]) if matches else text


#: A list of people before a passive verb is read back at most this many characters
#: ("Two US soldiers, a British medic and an Iraqi interpreter were killed" takes 60);
#: unbounded, text without clause breaks was read again for every verb in it.
LIST_WINDOW = 240
_NON_SPACE_RE = re.compile(r"\S+")
_SPACE_RE = re.compile(r"\s")


class _Lists:
    """What every passive verb of one text reads its list of people from, found once:
    where clauses start, where words that may open a list stand, the lists themselves."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.clause_ends = [m.end() for m in _CLAUSE_START_RE.finditer(text)]
        self.openings = [w.start() for w in _WORD_RE.finditer(text) if _may_open_list(w.group())]
        self.people = PeopleLists(text)


def _count_before(lists: _Lists, end: int) -> tuple[int, int, str] | None:
    """The people list that ends right before a passive verb, with where it starts."""
    text = lists.text
    at = bisect_right(lists.clause_ends, end) - 1
    segment_start = lists.clause_ends[at] if at >= 0 else 0
    if end - segment_start > LIST_WINDOW:
        # Cut at white space, where words start as they do in the whole segment.
        space = _SPACE_RE.search(text, end - LIST_WINDOW, end)
        segment_start = space.start() if space is not None else end
    first = _WORD_RE.search(text, segment_start, end)  # may be cut short by a clause start
    if first is None:
        return None
    openings = [first.start()] if _may_open_list(first.group()) else []
    openings += lists.openings[
        bisect_left(lists.openings, first.end()) : bisect_left(lists.openings, end)
    ]
    counted = lists.people.ending_at(openings, segment_start, end)
    if counted is None:
        return None
    return counted[0], counted[1], qualifier_of(text[counted[1] : end])


def _may_open_list(word: str) -> bool:
    """Whether a list of people can start with *word*: a number, an article, a name."""
    lowered = word.lower()
    return word[0].isupper() or lowered in _LIST_OPENERS or may_be_number(lowered)


def may_tell_casualties(text: str) -> bool:
    """Whether *text* has a word about casualties (a cheap test)."""
    return not words_of(text).isdisjoint(_WORDS)


def casualties_told(texts: list[str]) -> tuple[int | None, int | None]:
    """Killed and injured over the texts telling one incident, in order.

    The texts are read one by one and reading stops once both figures are settled
    (an exact first figure cannot be overruled), so long incidents cost little.
    """
    findings: list[Casualty] = []
    for text in texts:
        findings.extend(find_casualties(text))
        if _settled(findings, KILLED) and _settled(findings, INJURED):
            break
    return casualty_counts(findings)


def _settled(findings: list[Casualty], kind: str) -> bool:
    first = next((f for f in findings if f.kind == kind), None)
    return first is not None and not first.qualifier


def casualty_counts(findings: list[Casualty]) -> tuple[int | None, int | None]:
    """Per kind, the figure :func:`mapper.extract.counts.choose_figure` keeps, or None."""
    killed = choose_figure([(f.number, f.qualifier) for f in findings if f.kind == KILLED])
    injured = choose_figure([(f.number, f.qualifier) for f in findings if f.kind == INJURED])
    return killed, injured
