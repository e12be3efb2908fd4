"""How a clause speaks of attacks already told, or of another one.

Pure. Real reports name an attack again ("the attack", "Wednesday's attack", "the same
base"), speak of several at once ("in either attack") or of a different one ("another
roadside bomb"); :mod:`mapper.extract.report` reads these to join a clause to the
right incident.
"""

from __future__ import annotations

import re

from mapper.extract.words import words_of

_SAME_PLACE_RE = re.compile(
    r"\bthe same (?:base|airport|camp|place|area|site|compound|town|city|village)\b", re.IGNORECASE
)
#: A sentence about several of the attacks told so far: "in either attack", "in the three
#: incidents", "in all the attacks".
_SEVERAL_INCIDENTS_RE = re.compile(
    r"\b(?P<n>either|both|all|(?:the|these|those) (?:two|three|four|five))"
    r" (?:of the |the )?(?:attacks?|incidents?|strikes?)\b",
    re.IGNORECASE,
)
#: The attack already told, named again: "The attack in the early hours of Tuesday",
#: "The US carried out the strikes on Friday".
_THE_ATTACK_RE = re.compile(
    r"\b(?:the|this|that|(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday"
    r"|last night)['’]s)\s+"
    r"(?:[\w-]+\s+)?(?:attack|strike|raid|assault|barrage|bombing|explosion|blast|ambush"
    # "carried out the strikes on Friday"; not "the attacks", which may be a campaign.
    r"|strikes|airstrikes|raids|bombings|explosions|blasts)\b",
    re.IGNORECASE,
)
#: An attack named by its day, "Wednesday's attack": one already told, not a new one.
_NAMED_BY_DAY_RE = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|last night)['’]s\s+"
    r"(?:\w+\s+)?(?:attacks?|strikes?|raids?|assault|barrage|salvo|bombing|ambush)\b",
    re.IGNORECASE,
)
#: A clause telling another attack than the open one: "another explosive device exploded",
#: "a separate attack", "a similar convoy was hit". Without a date it is undated.
_ANOTHER_RE = re.compile(
    r"\b(?:another|an? (?:other|similar|separate|second|earlier|previous)|in a separate)\s+"
    r"(?:[\w-]+,?\s+){0,3}?(?:attacks?|strikes?|raids?|bomb(?:ing)?s?|devices?|rockets?|mortars?"
    r"|drones?|explosions?|blasts?|ied|convoys?|incidents?|ambush)\b"
    # "Two other bombings hit ...": other attacks; "two more rockets fell" is the barrage.
    r"|\b(?:two|three|four|five|several|\d+) (?:other|separate)\s+(?:[\w-]+\s+)?"
    r"(?:attacks|bombings|blasts|explosions|strikes|raids|incidents|car bombs)\b",
    re.IGNORECASE,
)
_HOW_MANY = {"either": 2, "both": 2, "two": 2, "three": 3, "four": 4, "five": 5}
_HOW_MANY_WORDS = frozenset({*_HOW_MANY, "all"})


#: A clause counting several attacks: "Three car bombings ... killed 96", "two blasts".
_SEVERAL_ATTACKS_RE = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|a series of|\d+)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:attacks|bombings|car bombs|blasts|explosions|strikes|airstrikes"
    r"|air strikes|raids|suicide bombings)\b",
    re.IGNORECASE,
)


#: Words one of which :data:`_SEVERAL_ATTACKS_RE` needs: a cheap test first.
_SEVERAL_KEYS = frozenset(
    "attacks bombings bombs blasts explosions strikes airstrikes raids".split()  # noqa: SIM905
)
#: Words one of which :data:`_THE_ATTACK_RE` needs.
_ATTACK_KEYS = frozenset(
    """attack strike raid assault barrage bombing explosion blast ambush strikes airstrikes
    raids bombings explosions blasts""".split()  # noqa: SIM905
)


def counts_several(text: str) -> bool:
    """Whether *text* counts several attacks: its casualties are a total."""
    if words_of(text).isdisjoint(_SEVERAL_KEYS):
        return False
    return _SEVERAL_ATTACKS_RE.search(text) is not None


def names_the_same_place(text: str) -> bool:
    """Whether *text* puts an event at "the same base" (or camp, town...)."""
    return _SAME_PLACE_RE.search(text) is not None


def names_the_attack(text: str) -> bool:
    """Whether *text* names an attack told before: "the attack", "yesterday's strike"."""
    if words_of(text).isdisjoint(_ATTACK_KEYS):
        return False
    return _THE_ATTACK_RE.search(text) is not None


#: A sentence that opens on the attack just told: "The attack took place in ...".
_OPENS_ON_THE_ATTACK_RE = re.compile(
    r"\s*[\"“]?(?:the|this|that)\s+(?:[\w-]+\s+)?(?:attack|strike|raid|assault|bombing"
    r"|explosion|blast|ambush)\s+(?:took place|occurred|happened|was carried out|came)\b",
    re.IGNORECASE,
)


def tells_where_the_attack_was(text: str) -> bool:
    """Whether *text* opens by saying where the attack just told took place."""
    return _OPENS_ON_THE_ATTACK_RE.match(text) is not None


def named_by_its_day(text: str) -> bool:
    """Whether *text*'s attack is named by its day ("Wednesday's attack"): one told."""
    return _NAMED_BY_DAY_RE.search(text) is not None


def tells_another(text: str) -> bool:
    """Whether *text* tells another attack than the open one ("another roadside bomb")."""
    return _ANOTHER_RE.search(text) is not None


def incidents_meant(text: str) -> int:
    """How many of the latest incidents a casualty sentence speaks of (1: the open one)."""
    if words_of(text).isdisjoint(_HOW_MANY_WORDS):
        return 1
    found = _SEVERAL_INCIDENTS_RE.search(text)
    if found is None:
        return 1
    word = found.group("n").lower().split()[-1]
    return MAX_OPEN_INCIDENTS if word == "all" else _HOW_MANY[word]


#: A clause may speak of one of the latest this many incidents of its report (news tells
#: a handful): "all the attacks" are these, and only these are looked through for the one
#: a clause adds to (looking through every one made a report of thousands quadratic).
MAX_OPEN_INCIDENTS = 32
