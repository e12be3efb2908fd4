"""Undated mentions that join the one dated attack other reports tell.

A report with no date word for its attack ("a car bomb tore through the market"), or
one that recalls an earlier attack in passing ("the base was hit last week too"),
gives an undated mention. :mod:`mapper.merge.cluster` keeps it apart from every dated
incident. Here, once the dated incidents are settled, an undated incident joins the
one dated attack it can only be, judged from its report's publication day:

* a report tells the news of its day: an undated attack is one of its publication day
  or the day before (a post-midnight report);
* when the report dates an attack only elsewhere, the undated one is the day's news or
  one it looks back on: one of the :data:`BACKGROUND_DAYS` days before publication;
* when the same report also dates another attack at a place that fits the undated
  one, the undated one is an earlier attack it recalls: one of the
  :data:`RECALL_DAYS` days before publication, and at least
  :data:`RECALL_GAP_DAYS` days before the attack the report dates there (a day off
  could be that same attack as another report dates it).

The dated attack must be told by other reports only (the report's own dated attacks
are other attacks), be dated to a day in that window, and fit every place and the
weapon; among those, one that already holds the undated incident's very place wins;
when more than one is left, nothing is guessed. Two undated incidents that chose one
attack join it only when they come from two reports and fit each other.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mapper.merge.cluster import Atom
from mapper.merge.places import PlaceMatcher

#: How many days before its report's publication a recalled undated attack may lie.
RECALL_DAYS = 7
#: ... and at least this many days before the attack its report dates at that place.
RECALL_GAP_DAYS = 2
#: An undated attack that is its report's news: its publication day or the day before.
NEWS_DAYS = 1
#: How far back an undated attack may lie when its report dates an attack elsewhere.
BACKGROUND_DAYS = 30


@dataclass(slots=True)
class _Group:
    """What the undated rule needs to know of one incident (all atoms of one label)."""

    places: list[str] = field(default_factory=list)
    family: str | None = None
    reports: set[str] = field(default_factory=set)
    day: int | None = None  # earliest day a day-precision atom names
    dated: bool = False  # some atom has a date


def publication_days(reports: Sequence[Any], published: Sequence[Any]) -> dict[str, int]:
    """Return each report's publication day (proleptic ordinal), where it is a full date.

    A report whose rows give no full date, or disagree, is left out.
    """
    days: dict[str, set[int | None]] = defaultdict(set)
    for report, when in zip(reports, published, strict=True):
        days[str(report)].add(_ordinal(when))
    single = {report: list(found) for report, found in days.items() if len(found) == 1}
    return {report: day for report, (day,) in single.items() if day is not None}


def _ordinal(when: Any) -> int | None:
    text = str(when)[:10] if when is not None else ""
    if len(text) < 10:
        return None
    try:
        return dt.date.fromisoformat(text).toordinal()
    except ValueError:
        return None


def join_undated(
    atoms: Sequence[Atom],
    labels: Sequence[int],
    matcher: PlaceMatcher,
    published: Mapping[str, int],
) -> list[int]:
    """Move undated incidents into the one dated attack of other reports they fit.

    Parameters
    ----------
    atoms
        The atoms that were clustered.
    labels
        ``labels[i]`` is the incident of ``atoms[i]`` (:func:`cluster_atoms`).
    matcher
        Place compatibility.
    published
        Report id -> publication day (proleptic ordinal), from
        :func:`publication_days`; an undated mention of a report not in it stays apart.

    Returns
    -------
    list of int
        The labels, with each joining undated incident's atoms given the label of the
        attack it joined.
    """
    if not published:
        return list(labels)
    groups: dict[int, _Group] = defaultdict(_Group)
    for atom, label in zip(atoms, labels, strict=True):
        group = groups[label]
        if atom.place is not None and atom.place not in group.places:
            group.places.append(atom.place)
        group.family = group.family or atom.family
        group.reports |= atom.reports
        if atom.lo is not None:
            group.dated = True
            if atom.lo == atom.hi and (group.day is None or atom.lo < group.day):
                group.day = atom.lo
    undated = [
        label
        for label, group in groups.items()
        if not group.dated
        and group.places
        and len(group.reports) == 1
        and next(iter(group.reports)) in published
    ]
    if not undated:
        return list(labels)
    choices = _Chooser(groups, matcher, published).choose(sorted(undated))
    return [choices.get(label, label) for label in labels]


class _Chooser:
    def __init__(
        self, groups: Mapping[int, _Group], matcher: PlaceMatcher, published: Mapping[str, int]
    ) -> None:
        self.groups = groups
        self.matcher = matcher
        self.published = published
        # (day, block key) -> incidents dated to that day with a place under that key
        self.by_day: dict[tuple[int, str], list[int]] = defaultdict(list)
        self.by_report: dict[str, list[int]] = defaultdict(list)
        self.wild: dict[int, list[int]] = defaultdict(list)  # day -> all its incidents
        for label, group in sorted(groups.items()):
            if not group.dated or not group.places:  # a placeless mention is never merged
                continue
            for report in group.reports:
                self.by_report[report].append(label)
            if group.day is None:
                continue
            self.wild[group.day].append(label)
            keys = {key for place in group.places for key in matcher.places[place].block_keys}
            for key in sorted(keys):
                self.by_day[group.day, key].append(label)

    def choose(self, undated: Sequence[int]) -> dict[int, int]:
        """Undated incident -> the dated incident it joins, for those that join one."""
        chosen: dict[int, list[int]] = defaultdict(list)
        for label in undated:
            target = self._target(label)
            if target is not None:
                chosen[target].append(label)
        moves = {}
        for target, joiners in chosen.items():
            # Two of one report are two attacks it tells apart: which one is it?
            if len(joiners) == 1 or all(
                not self.groups[a].reports & self.groups[b].reports
                and self._fits(self.groups[a], self.groups[b])
                for a in joiners
                for b in joiners
                if a < b
            ):
                moves.update(dict.fromkeys(joiners, target))
        return moves

    def _target(self, label: int) -> int | None:
        group = self.groups[label]
        (report,) = group.reports
        own = set(self.by_report.get(report, ()))
        first, last = self._window(group, report, sorted(own))
        keys = self.matcher.places[group.places[0]].block_keys
        found: list[int] = []
        for day in range(first, last + 1):
            if keys == ("*",):
                found += self.wild.get(day, ())
            else:
                for key in (*keys, "*"):
                    found += self.by_day.get((day, key), ())
        fitting = [
            n for n in dict.fromkeys(found) if n not in own and self._fits(group, self.groups[n])
        ]
        same_place = [n for n in fitting if any(p in self.groups[n].places for p in group.places)]
        tier = same_place or fitting
        return tier[0] if len(tier) == 1 else None

    def _window(self, group: _Group, report: str, own: list[int]) -> tuple[int, int]:
        """First and last day the undated attack of *report* can be on."""
        published = self.published[report]
        told = [self.groups[n] for n in own if self._places_fit(group, self.groups[n])]
        if not told and own:
            # Told beside an attack the report dates elsewhere: the day's news or one it
            # looks back on ("a spate of attacks, including one that killed ...").
            return published - BACKGROUND_DAYS, published
        if not told:
            return published - NEWS_DAYS, published
        # Recalled: earlier than the attack the report dates there, and not by one day
        # only (another report may date that very attack a day off).
        days = [other.day for other in told if other.day is not None]
        last = min([published, *(day - RECALL_GAP_DAYS for day in days)])
        return published - RECALL_DAYS, last

    def _fits(self, a: _Group, b: _Group) -> bool:
        """Compatible weapons, and every place of one fits every place of the other."""
        if a.family is not None and b.family is not None and a.family != b.family:
            return False
        return self._places_fit(a, b)

    def _places_fit(self, a: _Group, b: _Group) -> bool:
        compatible = self.matcher.compatible
        return all(compatible(p, q) for p in a.places for q in b.places)
