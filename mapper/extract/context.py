"""Why a sentence that names a place and a weapon still tells no incident.

Pure. A sentence about troop withdrawals, who is blamed, history, threats or a
tally of many attacks is not an incident report, whatever words it contains.
Within a sentence, a launch site ("fired from a neighbourhood in eastern Baghdad")
and a describing aside ("where the US embassy is located") name places that were
not hit; :func:`excluded_spans` marks them.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from mapper.extract.casualties import find_casualties
from mapper.extract.dates import date_expressions
from mapper.extract.weapons import ATTACK, attack_strength
from mapper.extract.words import alternation, word_openings, words_of

#: "Dozens of" a thing that is not people, "a series of" things that are not one barrage
#: ("a series of rockets" is one; "a series of attacks" a tally), "several attacks".
_MANY_OF = (
    r" of (?!(?:[\w-]+\s+)?(?:people|civilians|persons|soldiers|troops|policemen|police"
    r"|worshippers|fighters|militants|gunmen|members))"
)
_SERIES_OF = (
    r" of\b(?! (?:\w+ )?(?:rockets|mortars|shells|missiles|explosions|blasts"
    r"|projectiles|drones|katyushas)\b)"
)
_MANY_ATTACKS = r" (?:\w+\s+)?attacks\b"

#: Reason -> pattern; a sentence matching any of them tells no new incident. The
#: patterns are lower case and run on the lower-cased sentence.
SKIP_PATTERNS: dict[str, re.Pattern[str]] = {
    "summary": re.compile(
        word_openings(
            [
                *(word + _MANY_OF for word in ("dozens", "scores", "hundreds")),
                *(
                    word + _SERIES_OF
                    for word in ("series", "waves?", "spate", "string", "number", "succession")
                ),
                r"since the (?:\w+ )?attacks (?:began|started)\b",
                # "similar attacks against US interests ... since mid-October": over time.
                r"attacks\b[^.;]{0,80}\bsince (?:mid-|early |late )?(?:jan|feb|mar|apr|may"
                r"|jun|jul|aug|sep|oct|nov|dec|the start|the beginning)",
                r"\d\d*\s+(?:\w+\s+)?attacks\b",
                *(
                    word + _MANY_ATTACKS
                    for word in (
                        *("several", "many", "numerous", "such"),
                        *("recent", "repeated", "previous", "frequent"),
                    )
                ),
                r"repeated(?:ly)?\b",
                r"in recent (?:weeks|months|days)\b",
                r"attacks (?:have|had) (?:\w+\s+)?(?:targeted|hit|increased|intensified"
                r"|continued)\b",
                r"have (?:already |repeatedly )?(?:targeted|hit|struck)\b",
                r"systematically\b",
                r"each time\b",
                r"regularly\b",
                r"frequently\b",
                r"sometimes\b",
                r"so far this year\b",
                r"attacks (?:\w+ ){0,4}(?:fell|rose|dropped|declined|decreased|increased"
                r"|doubled)\b",
            ]
        )
    ),
    "withdrawal": re.compile(
        r"\b(?:withdr[ae]w\w*|pull(?:ed|ing|s)? out|pullout|redeploy\w*|reposition\w*|"
        r"hand(?:ed|ing|s)? (?:over|the\b)|handover|transferr?\w*|relocat\w*|repatriat\w*)",
    ),
    "blame": re.compile(
        r"\b(?:blam\w+|accus\w+|pointed the finger|claimed responsibility|denied)\b"
    ),
    # "An official refuted claims of a drone strike", "reports suggested an attack".
    "denial": re.compile(
        r"\b(?:refut\w*|baseless|rumou?rs?|false (?:claims|reports|news))\b"
        r"|\b(?:claims|reports)\b[^.;]{0,60}\bsuggest(?:ed|s|ing)\b"
    ),
    "history": re.compile(
        r"\b(?:invad\w+|invasion|anniversary|commemorat\w+|years? ago|decades?|remember\w*|"
        r"recall\w*)\b",
    ),
    "diplomacy": re.compile(
        r"\b(?:talks|summit|negotiat\w+|dialogue|delegations?|met with|agreement|deal)\b"
    ),
    "threat": re.compile(
        r"\b(?:threat\w*|vow\w*|promis\w*|warn\w*|pledg\w*|planned visit|plans? to"
        r"|(?:planning|planned|plotting|plotted|intending|intended) to)\b",
    ),
    # Weapons found before use: "found a cache of 12 rockets", "engineers defused a car
    # bomb", "dismantled two explosive devices", "seized launchers".
    "seizure": re.compile(
        r"\b(?:caches?|defus(?:e|ed|es|ing)|dismantl(?:e|ed|es|ing)|confiscat\w*)\b"
        # Not "IS seized most of Anbar": what was seized is a weapon.
        r"|\bseiz(?:e|ed|es|ing)\s+(?:[\w-]+\s+){0,4}?(?:rockets?|launchers?|weapons|arms"
        r"|explosives|ammunition|missiles?|drones?|mortars?|bombs?|devices?)\b"
        r"|\b(?:rockets|launchers|weapons|arms|explosives|ammunition|missiles|drones|mortars"
        r"|bombs|devices)\s+(?:[\w-]+\s+){0,3}?(?:were|was|had been|have been)\s+seized\b"
    ),
}

#: A launch site: the place after "fired from", up to the verb of the impact.
_LAUNCH_RE = re.compile(
    r"\b(?:fired|launched|shot|carried out|came|originat(?:es|ed|ing))\s+from\b"
    r".*?(?=\b(?:hit|struck|landed|fell|slammed|targeted|towards?|at)\b|[.;:]|$)",
    re.IGNORECASE,
)
#: A clause where every place is where launchers were found, not where rockets fell.
_LAUNCHER_RE = re.compile(
    r"\b(?:launchers?|launch (?:site|pad|point)s?|launchpads?|unfired|(?:was|were) found)\b",
    re.IGNORECASE,
)
_LAUNCHER_WORDS = frozenset(
    "launcher launchers launch launchpad launchpads unfired found".split()  # noqa: SIM905
)
#: Asides that describe a place rather than say where something happened.
_DESCRIPTIVE_RE = re.compile(
    # At most 200 characters from "where" to "is located": each "where" read to the next
    # comma, which in a long run of text without one was quadratic.
    r"\bwhere\b[^,.;]{0,200}?\b(?:is|are|were|was)\s+(?:located|based|stationed|housed)\b"
    r"|\b(?:which|that)\s+(?:hosts?|houses?|is home to|was home to)\b[^,.;]*",
    re.IGNORECASE,
)


#: Reason -> word beginnings one of which each of its patterns needs: a cheap test that
#: also says which patterns to run (no beginning is another reason's).
_REASON_PREFIXES: dict[str, tuple[str, ...]] = {
    reason: tuple(prefixes.split())
    for reason, prefixes in {
        "summary": """dozen score hundred series wave spate string number succession attacks
        several many numerous such recent repeated previous frequent have systematically
        each regularly sometimes far""",
        "withdrawal": "withdr pull redeploy reposition hand transfer relocat repatriat",
        "blame": "blam accus pointed claimed denied",
        "denial": "refut baseless rumor rumour false suggest",
        "history": "invad invasion anniversar commemorat years year decade remember recall",
        "diplomacy": "talks summit negotiat dialogue delegation met agreement deal",
        "threat": "threat vow promis warn pledg planned plan plott intend",
        "seizure": "seiz cache defus dismantl confiscat",
    }.items()
}


#: Word beginning -> its reason.
_REASON_OF = {
    prefix: reason for reason, prefixes in _REASON_PREFIXES.items() for prefix in prefixes
}
#: A beginning after a space: over a text's words joined by spaces, one scan finds the
#: beginning of each word that has one (no beginning begins one of another reason).
_BEGINNING_RE = re.compile(" (?:" + alternation(_REASON_OF) + ")")


#: An aside about another moment, after the main clause: "..., a day after the prime
#: minister blamed armed factions", "shortly after a visit by a delegation".
_ASIDE_RE = re.compile(
    r"\b(?:(?:shortly|just|only|hours|days|minutes|moments|weeks|a day|a week|the day"
    r"|(?:one|two|three|four|five|six|seven) (?:hours|days))\s+)?"
    r"(?:after|before|ahead of|amid|during)\b"
)


#: "The attack was the latest in a series of ...": the series is the context of this one.
_LATEST_RE = re.compile(
    r"\bthe (?:latest|last|newest|deadliest|worst) (?:\w+ )?(?:in|of) (?:a|an|the)\s*$"
)

_COUNTED_RE = re.compile(r"\s*(?:(?:at least|more than|over|some|about|nearly)\s+)?\d")

_ASIDE_WORDS = frozenset(("after", "before", "ahead", "amid", "during"))


#: One attack singled out of a tally: "..., including one that killed a contractor".
_SINGLED_OUT_RE = re.compile(r"\s*including\s+one\s+(?:that|which|in which|against|on|at|in)\b")


def singled_out(clause: str) -> bool:
    """Whether *clause* singles one attack out of the tally before it."""
    return "including" in clause and _SINGLED_OUT_RE.match(clause) is not None


@lru_cache(maxsize=1024)  # asked once per clause of a sentence
def told_after_colon(sentence: str) -> bool:
    """Whether what follows a colon tells an attack that no skip reason covers.

    "In March IS claimed responsibility for two attacks: a fuel tanker was blown up at a
    checkpoint ...": who claimed it is context; the attacks after the colon are told.
    """
    _head, colon, tail = sentence.partition(": ")
    return bool(colon) and attack_strength(tail) == ATTACK and skip_reason(tail) is None


def skip_reason(sentence: str) -> str | None:
    """Return why *sentence* tells no new incident ("withdrawal", ...), or None.

    Where several reasons apply, the one found first in the sentence is given. A reason
    that only an aside gives, about another moment ("Rockets hit the embassy on Saturday,
    a day after the prime minister blamed armed factions") or in a later clause after a
    comma ("..., sparking fears as the anniversary of ... draws near"), does not count
    when the words before it tell an attack. Tallies of attacks count wherever they stand.
    """
    reasons = _may_skip(words_of(sentence))
    if not reasons:
        return None
    lowered = sentence.lower()
    first = _first_reason(lowered, reasons)
    if first is None:
        return None
    reason, found = first
    if (
        reason == "summary"
        and _LATEST_RE.search(lowered, 0, found.start())
        and not _COUNTED_RE.match(lowered, found.end())
    ):
        # "..., was the latest of a number of deadly attacks": this one, not a tally,
        # unless the tally is counted ("the latest in a wave of at least 50 attacks").
        later = _first_reason(lowered, reasons, found.end())
        if later is None:
            return None
        reason, found = later
    if reason == "summary" or len(lowered) != len(sentence):  # offsets must hold
        return reason
    if reason == "blame" and _tells_the_blamed_attack(sentence[found.end() :]):
        return None
    aside = (
        None
        if words_of(sentence).isdisjoint(_ASIDE_WORDS)
        else _ASIDE_RE.search(lowered, 0, found.start())
    )
    # An aside is also any later clause after a comma: "..., sparking fears as the
    # anniversary of ... draws near", "..., and Washington blamed ...".
    start = aside.start() if aside is not None else lowered.rfind(",", 0, found.start())
    if start > 0 and attack_strength(sentence[:start]) == ATTACK:
        return None
    return reason


def _first_reason(
    lowered: str, reasons: tuple[str, ...], at: int = 0
) -> tuple[str, re.Match[str]] | None:
    """The first match from *at* of the patterns of *reasons* (the earlier reason where
    two start together), as one alternation of them all would find it."""
    first: tuple[str, re.Match[str]] | None = None
    for reason in reasons:
        match = SKIP_PATTERNS[reason].search(lowered, at)
        if match is not None and (first is None or match.start() < first[1].start()):
            first = (reason, match)
    return first


def _tells_the_blamed_attack(tail: str) -> bool:
    """Whether what a sentence blames someone for is an attack told in full: its own day
    and a casualty figure ("accused the group of a strike on Friday that killed a
    contractor and injured four soldiers near Kirkuk")."""
    return bool(date_expressions(tail)) and bool(find_casualties(tail))


@lru_cache(maxsize=4096)
def _may_skip(words: frozenset[str]) -> tuple[str, ...]:
    """The reasons whose patterns may match a text of *words*, in their order."""
    found = {_REASON_OF[m.group()[1:]] for m in _BEGINNING_RE.finditer(" " + " ".join(words))}
    return tuple(reason for reason in SKIP_PATTERNS if reason in found)


#: Where someone who speaks is: "the military spokesman in Baghdad", "officials in Erbil".
#: Only people: a ministry or an embassy "in Baghdad" may be what was hit.
_SPEAKER_PLACE_RE = re.compile(
    r"\b(?:spokes(?:man|woman|person)|officials?|sources?|correspondents?|reporters?"
    r"|diplomats?|analysts?|envoy|ambassador)"
    r"\s+(?:based\s+)?in\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
)
SPEAKER_WORDS = frozenset(
    """spokesman spokeswoman spokesperson official officials source sources correspondent
    correspondents reporter reporters diplomat diplomats analyst analysts envoy ambassador
    """.split()  # noqa: SIM905
)


#: "The drone attack comes days after the premier travelled to Baghdad for talks": the
#: places of what it came after were not attacked.
_COMES_AFTER_RE = re.compile(
    r"\b(?:comes?|came)\s+(?:\w+\s+){0,3}?(?:after|before|amid|as|ahead of)\b.*$", re.IGNORECASE
)


#: Where the wounded were taken: "the wounded were transferred to the Balad general
#: hospital", "taken to a hospital in Samarra".
_HOSPITAL_RE = re.compile(
    r"\b(?:taken|transferred|rushed|evacuated|transported|admitted|brought|moved|sent)"
    r"\s+(?:\w+\s+){0,2}?to\s+[^,.;]{0,60}?\bhospitals?\b(?:\s+in\s+[^,.;]{1,40})?",
    re.IGNORECASE,
)


#: A unit or body named for a place, which is not where anything happened: "Task Force
#: Baghdad", "the Nineveh Operations Command", "Basra Police Command".
_NAMED_BODY_RE = re.compile(
    r"\bTask\s+Force\s+[A-Z][\w'’-]*"
    r"|\b[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*){0,2}\s+(?:Operations|Police)\s+Command\b"
)


#: Every word one of the patterns of :func:`excluded_spans` needs ("come" is passed over:
#: "came" or "comes" stands in every aside the pattern has been asked about).
_EXCLUSION_WORDS = (
    SPEAKER_WORDS
    | _LAUNCHER_WORDS
    | frozenset("from where which that comes came command force hospital hospitals".split())  # noqa: SIM905
)


def excluded_spans(clause: str) -> list[tuple[int, int]]:
    """Character spans of *clause* whose places were not attacked."""
    # Each pattern needs one of its words: a cheap test before all, then before each.
    words = words_of(clause)
    if words.isdisjoint(_EXCLUSION_WORDS):
        return []
    if not words.isdisjoint(_LAUNCHER_WORDS) and _LAUNCHER_RE.search(clause):
        return [(0, len(clause))]
    spans = [m.span() for m in _LAUNCH_RE.finditer(clause)] if "from" in words else []
    if not words.isdisjoint(("where", "which", "that")):
        spans.extend(m.span() for m in _DESCRIPTIVE_RE.finditer(clause))
    if not words.isdisjoint(("comes", "came", "come")):
        spans.extend(
            m.span()
            for m in _COMES_AFTER_RE.finditer(clause)
            if attack_strength(m.group()) != ATTACK  # "came two days after jets bombed X"
        )
    if "command" in words or "force" in words:
        spans.extend(m.span() for m in _NAMED_BODY_RE.finditer(clause))
    if "hospital" in words or "hospitals" in words:
        spans.extend(m.span() for m in _HOSPITAL_RE.finditer(clause))
    if not words.isdisjoint(SPEAKER_WORDS) and attack_strength(clause):
        # Where the speaker is was not hit, unless the clause says so.
        spans.extend(m.span() for m in _SPEAKER_PLACE_RE.finditer(clause))
    return spans


#: Who says so, at the end of a clause: ", the Turkish defence ministry said."
_ATTRIBUTION_RE = re.compile(
    r",\s*(?:according to\b[^,.;]*|[^,.;]{0,60}?\b(?:said|says|told|reported|announced"
    r"|added|stated|confirmed)\b[^,.;]*)[.;]?\s*$"
)
_ATTRIBUTION_WORDS = frozenset(
    ("according", "said", "says", "told", "reported", "announced", "added", "stated", "confirmed")
)


def without_asides(clause: str) -> str:
    """*clause* with describing asides and the closing attribution blanked, for reading
    targets: "the Turkish defence ministry said" names no target."""
    words = words_of(clause)
    if not words.isdisjoint(_ATTRIBUTION_WORDS):
        clause = _ATTRIBUTION_RE.sub(lambda m: " " * len(m.group()), clause)
    if words.isdisjoint(("where", "which", "that")):
        return clause
    return _DESCRIPTIVE_RE.sub(lambda m: " " * len(m.group()), clause)


def is_history(date: str, precision: str, published: str | None) -> bool:
    """Whether an event dated *date* lies over a year before publication: background."""
    if published is None or len(published) < 10 or precision == "unknown":
        return False
    try:
        published_day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return False
    # The latest day the date can mean, so "in 2020" is not history in early 2021.
    year = int(date[:4])
    if precision == "year":
        latest = dt.date(year, 12, 31)
    elif precision == "month":
        month = int(date[5:7])
        latest = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    else:
        latest = dt.date.fromisoformat(date)
    return (published_day - latest).days > 365
