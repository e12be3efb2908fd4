"""An incident as the clause walk assembles it, and the table row it becomes.

Pure. :mod:`mapper.extract.report` adds clauses to an :class:`Incident`; its figures,
weapon, target and quote are read only when the row is built, from the texts kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mapper.extract.casualties import casualties_told
from mapper.extract.context import without_asides
from mapper.extract.places import SPECIFICITY, compatible, refines, within
from mapper.extract.references import MAX_OPEN_INCIDENTS, counts_several
from mapper.extract.weapons import (
    GENERIC_WEAPONS,
    armed_drone,
    best_target,
    choose_weapon,
    count_projectiles,
    find_targets,
)

if TYPE_CHECKING:
    from gazetteer import Gazetteer
    from mapper.extract.places import PlaceHit
    from mapper.extract.sentences import Clause, Document

#: At most this many sentences are quoted for one incident.
MAX_QUOTED_SENTENCES = 3

Dated = tuple[str, str]  # (date, precision)


@dataclass
class Incident:
    """An incident being assembled from the clauses that tell it."""

    hit: PlaceHit
    dated: Dated | None
    sentences: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    # Read only when rows are built: the texts whose figures are this incident's own.
    figure_texts: list[str] = field(default_factory=list)
    casualty_texts: list[str] = field(default_factory=list)
    # Casualties of a clause that counts several attacks ("three bombings killed 96"):
    # a total, read only when no text of the incident's own gives a figure.
    total_texts: list[str] = field(default_factory=list)
    # The incidents at the places one clause named as attacked together with this one.
    together: list[Incident] = field(default_factory=list)
    # The sentences as a set: asking the list was quadratic in a long incident.
    _told: set[int] = field(default_factory=set, repr=False, compare=False)

    def add_lede(self, clause: Clause) -> None:
        """Put first the lede that told this attack before naming its place."""
        self.sentences.insert(0, clause.sentence)
        self._told.add(clause.sentence)
        self.texts.insert(0, clause.text)
        if counts_several(clause.text):
            self.total_texts.insert(0, clause.text)
        else:
            self.figure_texts.insert(0, clause.text)
            self.casualty_texts.insert(0, clause.text)

    def add(self, clause: Clause, *, figures: bool = True) -> None:
        """Add a clause; *figures* False when its counts belong to several places."""
        if clause.sentence not in self._told:
            self.sentences.append(clause.sentence)
            self._told.add(clause.sentence)
        self.texts.append(clause.text)
        if figures and counts_several(clause.text):
            self.total_texts.append(clause.text)
        elif figures:
            self.figure_texts.append(clause.text)
            self.casualty_texts.append(clause.text)


def matching_incident(
    incidents: list[Incident],
    current: Incident | None,
    hit: PlaceHit | None,
    dated: Dated | None,
    undated: bool,
    gazetteer: Gazetteer,
) -> Incident | None:
    """The open incident a clause adds to, if its place and date allow; None otherwise.

    A clause without a date of its own, or one that names the attack again ("in
    Wednesday's strike on eastern Baghdad"), may also add to an open incident that has
    no date. Only the latest :data:`MAX_OPEN_INCIDENTS` incidents are looked at.
    """
    if hit is None:
        if current is not None and (dated is None or current.dated in (None, dated)):
            return current
        return None
    order = [current] if current is not None else []
    order.extend(i for i in reversed(incidents[-MAX_OPEN_INCIDENTS:]) if i is not current)
    for incident in order:
        same_day = dated is None or incident.dated == dated
        if incident is current and incident.dated is None and undated:
            same_day = True
        if same_day and compatible(gazetteer, incident.hit.place, hit.place):
            return incident
    return None


def enrich(
    incident: Incident,
    clause: Clause,
    hit: PlaceHit | None,
    dated: Dated | None,
    gazetteer: Gazetteer,
) -> None:
    """Add *clause* to *incident*: its date if it had none, a narrower place if given."""
    incident.add(clause)
    if incident.dated is None and dated is not None:
        incident.dated = dated
    if (
        hit is not None
        and hit.place.id != incident.hit.place.id
        and SPECIFICITY.get(hit.place.kind, 0) > SPECIFICITY.get(incident.hit.place.kind, 0)
        and within(gazetteer, incident.hit.place, hit.place)
        and refines(clause.text)
    ):
        incident.hit = hit


def incident_rows(incidents: list[Incident], document: Document) -> list[dict[str, Any]]:
    """The table rows of *incidents*, told in *document*, in the same order."""
    rows = [_row(incident, document) for incident in incidents]
    row_of = {id(incident): row for incident, row in zip(incidents, rows, strict=True)}
    for incident, row in zip(incidents, rows, strict=True):
        for other in incident.together:
            # Places attacked together were attacked with the same weapon.
            if row_of[id(other)]["weapon"] is None:
                row_of[id(other)]["weapon"] = row["weapon"]
    for at in range(1, len(rows)):
        # "Three car bombings ... Two other bombings hit Kadhimiya", "Another struck Camp
        # Victory": the kind of weapon of the attack told before.
        row, before = rows[at], rows[at - 1]["weapon"]
        if (
            row["weapon"] in (None, *GENERIC_WEAPONS)
            and before not in (None, *GENERIC_WEAPONS)
            and _ANOTHER_OF_THE_KIND_RE.search(incidents[at].texts[0])
            and "suicide" not in incidents[at].texts[0].lower()  # "this one a suicide bombing"
        ):
            row["weapon"] = before
    return rows


#: An attack told as one more of the kind just told.
_ANOTHER_OF_THE_KIND_RE = re.compile(
    r"^\W*another\b|\b(?:other|another|second|third)\s+(?:[\w-]+\s+)?(?:bombings?|blasts?"
    r"|explosions?|attacks?|strikes?)\b",
    re.IGNORECASE,
)


_NOT_FIRED = frozenset(("ied", "gunfire"))


def _projectiles(incident: Incident, weapon: str | None) -> int | None:
    """The projectile count; none for bombs and guns (a count near them is another's),
    nor for an armed drone's missiles (docs/extraction.md, "Projectiles")."""
    if weapon in _NOT_FIRED or (weapon == "drone" and armed_drone(incident.texts)):
        return None
    return count_projectiles(incident.figure_texts)


def _row(incident: Incident, document: Document) -> dict[str, Any]:
    place = incident.hit.place
    texts = incident.texts
    weapon = choose_weapon(texts)
    targets = [t for text in texts for t in find_targets(without_asides(text))]
    killed, injured = casualties_told(incident.casualty_texts)
    if incident.total_texts and killed is None and injured is None:
        killed, injured = casualties_told(incident.total_texts)
    quoted = sorted(incident.sentences)[:MAX_QUOTED_SENTENCES]
    date, precision = incident.dated if incident.dated else (None, "unknown")
    return {
        "date": date,
        "date_precision": precision,
        "place": incident.hit.label,
        "place_id": place.id,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "geo_precision": incident.hit.precision,
        "weapon": weapon,
        "projectiles": _projectiles(incident, weapon),
        "killed": killed,
        "injured": injured,
        "target": best_target(targets) or best_target(find_targets(place.name)),
        # A page that repeats a paragraph quotes it once.
        "quote": " ".join(dict.fromkeys(document.sentences[i].text for i in quoted)),
    }
