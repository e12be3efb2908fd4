"""Weapon, projectile count and target named in a piece of text.

Pure, driven by the tables in :mod:`mapper.extract.vocabulary`; the regular expressions
are compiled once at import.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mapper.extract.counts import (
    APPROXIMATE,
    MAX_DIGITS,
    NUMBER,
    choose_figure,
    parse_number,
)
from mapper.extract.vocabulary import (
    ATTACK_NOUNS,
    ATTACK_VERBS,
    NUMBER_WORDS,
    PROJECTILE_NOUNS,
    TARGET_PRIORITY,
    TARGET_TERMS,
    WEAPON_TERMS,
)
from mapper.extract.words import (
    alternation,
    has_digit,
    key_words,
    rare_words,
    single_words,
    words_of,
)

# Weapon, target and projectile patterns are lower case and run on lower-cased text:
# case-insensitive matching is several times slower in Python's engine.
WEAPON_RE = re.compile(rf"\b(?:{alternation(WEAPON_TERMS)})\b")
TARGET_RE = re.compile(rf"\b(?:{alternation(TARGET_TERMS)})\b")
#: Verbs only in lower case: a capitalised "Hit" is the town, not the verb.
ATTACK_VERB_RE = re.compile(rf"\b(?:{alternation(ATTACK_VERBS)})\b")

_NOUNS = alternation(PROJECTILE_NOUNS)
#: "a drone strike", "two rocket attacks": the noun names the act, not what was fired.
_NOT_ACT = (
    r"(?!\s+(?:strikes?|attacks?|fire|barrages?|launchers?|bases?|units?|programme|program)\b)"
    # "a rocket or mortar attack" names the act too.
    r"(?!\s+(?:or|and)\s+[\w-]+\s+(?:strikes?|attacks?|fire|barrages?)\b)"
)
#: A modifier between a number and its noun: "two Katyusha rockets"; never a number
#: or a preposition ("19 by two rockets" counts two, not 19).
_MODIFIER = (
    r"(?!(?:of|and|or|to|from|the|them|these|those|at|in|on|by|with|for)\b)"
    rf"(?!{NUMBER}\s)[\w'’-]+\s+"
)
_PROJECTILES_RE = re.compile(
    rf"\b(?:(?P<approx>{APPROXIMATE})\s+)?(?P<num>{NUMBER})\s+(?P<more>(?:more|other|further|"
    rf"additional|remaining)\s+)?(?P<mods>(?:{_MODIFIER}){{0,2}}?)(?P<noun>{_NOUNS})\b{_NOT_ACT}",
)
_SINGLE_RE = re.compile(
    # Not the carrier of what was dropped: "an explosive dropped from a drone".
    rf"(?<!from )(?<!by )\b(?:a|an|single)\s+(?P<mods>(?:{_MODIFIER}){{0,2}}?)(?:{_NOUNS})\b"
    rf"{_NOT_ACT}"
)
#: A bomb dropped from a drone: the drone is the weapon.
_DROPPED_FROM_RE = re.compile(r"\b(?:dropped|released) (?:from|by) (?:an? )?(?:[\w-]+ )?drones?\b")
_TARGET_RANK = {target: rank for rank, target in enumerate(TARGET_PRIORITY)}
#: Words too common to test a weapon phrase by ("us strikes", "car bomb").
_COMMON = frozenset("us u s car air fire dead off american coalition vehicle truck".split())  # noqa: SIM905
_WEAPON_KEYS = rare_words(WEAPON_TERMS, _COMMON)
_WEAPON_WORDS = single_words(WEAPON_TERMS)
_VERB_KEYS = key_words(ATTACK_VERBS)
_NOUN_WORDS = key_words(ATTACK_NOUNS)
_PROJECTILE_KEYS = key_words(PROJECTILE_NOUNS)
_TARGET_KEYS = key_words(TARGET_TERMS)
_NUMBER_KEYS = key_words(NUMBER_WORDS)
#: Words that make an attack noun an attack: someone was hurt in it, or it took place.
_HARM_WORDS = frozenset(["killed", "wounded", "injured", "dead", "took", "occurred", "happened"])
#: Words that make an attack verb an attack: what was fired, or who was hurt.
_VERB_CONTEXT = _PROJECTILE_KEYS | frozenset(
    """killing killed wounding wounded injuring injured dead casualties""".split()  # noqa: SIM905
    # ... or what only an attack aims at ("a convoy had been targeted"); not "base" or
    # "airport", where planes land, nor "embassy", which names a place ("summon the
    # Charge d'Affaires of the United States Embassy").
    + """convoy convoys patrol patrols checkpoint checkpoints""".split()  # noqa: SIM905
)


def find_weapon(text: str) -> str | None:
    """Return the weapon of the first weapon phrase in *text*, or None."""
    if words_of(text).isdisjoint(_WEAPON_KEYS):
        return None
    match = WEAPON_RE.search(text.lower())
    return None if match is None else WEAPON_TERMS[" ".join(match.group().split())]


def last_weapon_phrase(text: str) -> str:
    """*text* from its last weapon phrase on ("rocket attacks that targeted ..."), or ""."""
    matches = list(WEAPON_RE.finditer(text.lower()))
    return text[matches[-1].start() :] if matches else ""


#: Weapons that say only that something went off: a later "ballistic missiles" or
#: "car bomb" says with what.
GENERIC_WEAPONS = frozenset({"explosive", "other"})
#: "Shells thrown by the blast", "sending rockets flying into nearby fields": what an
#: explosion set off, not what caused it; "the blast was caused by a drone strike": a
#: cause someone gives, which the blast's own report does not confirm.
_SET_OFF_RE = re.compile(
    r"\bby the (?:blasts?|explosions?)\b"
    r"|\bsending\s+(?:\w+\s+)?(?:rockets|shells|missiles|mortars|projectiles|ammunition)\b"
    r"|\b(?:was|were) caused by\b"
)


def choose_weapon(texts: list[str]) -> str | None:
    """The weapon an incident told in *texts* was carried out with.

    The first weapon phrase that names a kind of weapon wins; a generic one
    ("explosions were heard", "a blast", "shelling") only when no text names a kind.
    """
    first: str | None = None
    if any("drone" in text and _DROPPED_FROM_RE.search(text.lower()) for text in texts[:1]):
        return "drone"  # "an explosive device dropped from a drone struck the field"
    for text in texts:
        if words_of(text).isdisjoint(_WEAPON_KEYS):
            continue
        lowered = text.lower()
        set_off: bool | None = None  # read once a text, not once a weapon phrase
        for match in WEAPON_RE.finditer(lowered):
            weapon = WEAPON_TERMS[" ".join(match.group().split())]
            if weapon not in GENERIC_WEAPONS:
                if set_off is None:
                    set_off = _SET_OFF_RE.search(lowered) is not None
                if not set_off:
                    return weapon
            first = first or weapon
    return first


def projectile_figures(text: str) -> list[tuple[int, str]]:
    """Return (count, qualifier) for each total count of projectiles, in text order.

    Partial counts ("two more rockets", "three of the rockets") are left out: they
    describe part of a salvo whose total is given elsewhere.
    """
    words = words_of(text)
    if words.isdisjoint(_PROJECTILE_KEYS) or (
        words.isdisjoint(_NUMBER_KEYS) and not has_digit(text)
    ):
        return []
    figures = []
    for match in _PROJECTILES_RE.finditer(_LONG_DIGITS_RE.sub(_one_count, text.lower())):
        if match.group("more"):
            continue
        value = parse_number(match.group("num"))
        if value is not None:
            figures.append((value, " ".join((match.group("approx") or "").split())))
    return figures


#: A run of digits and commas this long is cut down before the projectile pattern reads
#: it: the pattern tries every comma of it, each time reading on to its end (quadratic).
_LONG_DIGITS_RE = re.compile(r"[\d,]{40,}")


def _one_count(run: re.Match[str]) -> str:
    """The run as the projectile pattern can read it, short.

    Only a number reaching the run's end can be a count (a space must follow it): the
    first such tail is kept, the digits before it become "_" (word characters still, so
    no word boundary moves, but no number starts there), and a tail of more than
    :data:`MAX_DIGITS` digits, read as ``10 ** MAX_DIGITS`` anyway, is written so.
    """
    text, start = run.string, run.start()
    chunks = run.group().split(",")
    tail = len(chunks) - 1  # the last chunk alone, when it is digits
    for at in range(len(chunks) - 2, -1, -1):  # or a tail "1,234,567", from its left
        if len(chunks[at + 1]) != 3:
            break
        if 1 <= len(chunks[at]) <= 3 and (at > 0 or start == 0 or not _is_word(text[start - 1])):
            tail = at
    kept = ",".join(chunks[tail:])
    if not chunks[-1] or (tail == 0 and start > 0 and _is_word(text[start - 1])):
        kept = re.sub(r"\d", "_", kept)  # no tail is a count here
    elif len(kept) - kept.count(",") > MAX_DIGITS:
        kept = "1" + "0" * MAX_DIGITS
    return re.sub(r"\d", "_", ",".join(chunks[:tail])) + ("," if tail else "") + kept


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def single_projectile(text: str) -> bool:
    """Whether *text* names one projectile with an article ("a bomb-laden drone")."""
    if words_of(text).isdisjoint(_PROJECTILE_KEYS):
        return False
    return _SINGLE_RE.search(text.lower()) is not None


def count_projectiles(texts: list[str]) -> int | None:
    """The projectile count of an incident told in *texts*: the documented figure rule,
    else 1 when a single projectile is named with an article, else None."""
    figures: list[tuple[int, str]] = []
    for text in texts:
        figures.extend(projectile_figures(text))
        if figures and not figures[0][1]:
            break  # an exact first figure is final
    if figures:
        return choose_figure(figures)
    return 1 if any(single_projectile(text) for text in texts) else None


#: An armed drone, which fires munitions rather than being one: a Turkish or Israeli
#: drone, one that fired missiles, "a missile fired from a drone", a drone that struck a
#: car or a house (not "armed drones", which reporters also call one-way ones).
_ARMED_DRONE_RE = re.compile(
    r"\b(?:turkish|israeli)\s+(?:military\s+)?drones?\b"
    r"|\bdrones?\s+(?:was|were)\s+(?:turkish|israeli)\b"
    r"|\bdrones?\s+fired\s+(?:\w+\s+)?(?:missiles?|rockets?)\b"
    r"|\b(?:missiles?|rockets?)\s+fired\s+(?:from|by)\s+(?:a|an|the)\s+(?:\w+\s+)?drone\b"
    r"|\bdrone-fired\b"
    r"|\bdrones?\s+(?:strike\s+)?(?:struck|hit|targeted|destroyed)\s+(?:a|an|the|their|his)\s+"
    r"(?:\w+\s+)?(?:car|vehicle|pick-?up|truck|motorcycle|house|home)s?\b",
    re.IGNORECASE,
)


def armed_drone(texts: list[str]) -> bool:
    """Whether *texts* tell of an armed drone ("a Turkish drone struck their car"), whose
    missiles are not the projectiles of a one-way drone attack."""
    return any("drone" in text.lower() and _ARMED_DRONE_RE.search(text) for text in texts)


def find_targets(text: str) -> list[str]:
    """Return the targets named in *text*, in text order."""
    if words_of(text).isdisjoint(_TARGET_KEYS):
        return []
    return [TARGET_TERMS[" ".join(m.group().split())] for m in TARGET_RE.finditer(text.lower())]


def best_target(targets: list[str]) -> str | None:
    """The target ranked first in :data:`mapper.extract.vocabulary.TARGET_PRIORITY`."""
    return min(targets, key=_TARGET_RANK.__getitem__) if targets else None


#: ``attack_strength`` levels.
NO_ATTACK, ATTACK_VERB, ATTACK_NOUN, ATTACK = 0, 1, 2, 3


@lru_cache(maxsize=1024)
def attack_strength(text: str) -> int:
    """How surely *text* tells an attack.

    :data:`ATTACK` for a weapon, or an attack verb with an attack noun, a projectile
    or a casualty ("fired tear gas ..., killing two"); :data:`ATTACK_NOUN` for an
    attack noun alone ("the raid"); :data:`ATTACK_VERB` for a verb alone, which may
    be anything ("struck a deal", "landed at the airport"); else :data:`NO_ATTACK`.
    Cached: a sentence and its only clause are the same text.
    """
    words = words_of(text)
    if not words.isdisjoint(_WEAPON_WORDS):
        return ATTACK
    if not words.isdisjoint(_WEAPON_KEYS) and WEAPON_RE.search(text.lower()):
        return ATTACK
    noun = not words.isdisjoint(_NOUN_WORDS)
    # Verbs are matched as written: a capitalised "Hit" is the town.
    if not words.isdisjoint(_VERB_KEYS) and ATTACK_VERB_RE.search(text):
        if noun or not words.isdisjoint(_VERB_CONTEXT):
            return ATTACK
        return ATTACK_VERB
    if noun and not words.isdisjoint(_HARM_WORDS):
        # "four people were killed in a similar attack"; "the attack took place in ...".
        return ATTACK
    return ATTACK_NOUN if noun else NO_ATTACK
