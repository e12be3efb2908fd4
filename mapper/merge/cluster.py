"""Group atoms (mentions with identical date, place and weapon) into incidents.

Atoms are visited most specific first (day before month before year, the smallest
place first). Each joins the one existing incident it is compatible with - same or
overlapping dates, same or nested places, compatible weapons with *every* member -
or starts a new one. A vague atom that fits two incidents ("Baghdad" on a day the
embassy and the airport were both hit) is not guessed: it stays its own incident.
Candidates come only from the atom's own days and blocks (governorate or grid cell),
so the work grows with the number of atoms, never with their square. The incidents
that already hold the atom's place are looked at first: when one of them fits, the
rest of the block need not be judged. An undated atom only meets the undated
incidents of its own report that hold its very place.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from mapper.merge.dates import BEFORE_PUBLICATION, COARSE_SLACK_DAYS, ON_PUBLICATION_DAY
from mapper.merge.places import PlaceMatcher

#: Bucket width in days for incidents whose date spans several days (month or year).
_PERIOD = 32
#: Block key of places too wide to block (a country), and the key every incident has.
_WILD = "*"
_ALL = "all"


def _periods(lo: int, hi: int) -> range:
    """Slot numbers of the periods a span of days touches (negative: never a day)."""
    return range(-1 - hi // _PERIOD, -(lo // _PERIOD))


def _meet(a_lo: int | None, a_hi: int | None, b_lo: int | None, b_hi: int | None) -> bool:
    """Whether two date spans share a day. Two coarse spans (months, years) must share
    one of their own days: the slack that lets "in March" meet a report of 1 April does
    not make February and March one month."""
    assert a_lo is not None and a_hi is not None and b_lo is not None and b_hi is not None
    if a_lo != a_hi and b_lo != b_hi:
        slack = COARSE_SLACK_DAYS
        a_lo, a_hi, b_lo, b_hi = a_lo + slack, a_hi - slack, b_lo + slack, b_hi - slack
    return a_lo <= b_hi and b_lo <= a_hi


@dataclass(frozen=True, slots=True)
class Atom:
    """Mentions that agree on everything the merge looks at."""

    lo: int | None  # first possible day (proleptic ordinal), None when the date is unknown
    hi: int | None  # last possible day
    place: str | None
    family: str | None  # weapon family; None for an unknown or generic weapon
    reports: frozenset[str]
    state: str = ""  # mapper.merge.dates.publication_state of its day


@dataclass(slots=True)
class _Incident:
    lo: int | None
    hi: int | None
    family: str | None
    places: list[str] = field(default_factory=list)
    place_set: frozenset[str] = frozenset()  # places as a key of _Clusterer.fits
    keys: set[str] = field(default_factory=lambda: {_ALL})  # block keys of its places
    reports: set[str] = field(default_factory=set)  # kept for undated incidents only
    states: set[str] = field(default_factory=set)


#: What one block gives back: each atom's incident number, and the incidents.
BlockResult = tuple[list[int], list["_Incident"]]


def cluster_atoms(atoms: Sequence[Atom], order: Sequence[int], matcher: PlaceMatcher) -> list[int]:
    """Return an incident number for each atom.

    Parameters
    ----------
    atoms
        The atoms to group.
    order
        Atom indices, most specific first; the result depends on this order only,
        never on the order of *atoms*.
    matcher
        Place compatibility.

    Returns
    -------
    list of int
        ``labels[i]`` is the incident of ``atoms[i]``; numbers follow *order*.
    """
    clusterer = _Clusterer(atoms, matcher)
    clusterer.visit(order)
    return clusterer.finish()


def cluster_in_blocks(
    atoms: Sequence[Atom],
    order: Sequence[int],
    matcher: PlaceMatcher,
    blocks: Sequence[Sequence[int]],
    run_blocks: Callable[[Iterable[list[Atom]], PlaceMatcher], Iterable[BlockResult]] | None = None,
) -> list[int]:
    """Return what :func:`cluster_atoms` returns, the day atoms clustered block by block.

    Parameters
    ----------
    atoms, order, matcher
        As for :func:`cluster_atoms`.
    blocks
        Indices of day atoms (:func:`mapper.merge.blocks.day_blocks`): no atom of one
        block can meet an incident of another while the day atoms are visited.
    run_blocks
        Clusters blocks of atoms (each in visiting order) with a matcher and yields one
        :data:`BlockResult` per block, in order; :func:`cluster_block` in this process
        when omitted (a Dask client can stand in).

    Returns
    -------
    list of int
        ``labels[i]`` is the incident of ``atoms[i]``.
    """
    rank = [0] * len(atoms)
    for position, index in enumerate(order):
        rank[index] = position
    ordered = [sorted(block, key=rank.__getitem__) for block in blocks]
    whole = _Clusterer(atoms, matcher)
    if run_blocks is None:
        results: Iterable[BlockResult] = (
            cluster_block([atoms[i] for i in block], matcher) for block in ordered
        )
    else:
        results = run_blocks(([atoms[i] for i in block] for block in ordered), matcher)
    seen = [False] * len(atoms)
    for block, (labels, incidents) in zip(ordered, results, strict=True):
        offset = len(whole.incidents)
        whole.incidents.extend(incidents)
        for number in range(offset, len(whole.incidents)):
            whole._index(number)
        for index, label in zip(block, labels, strict=True):
            whole.labels[index] = offset + label
            seen[index] = True
    whole.visit([index for index in order if not seen[index]])
    return whole.finish()


def cluster_block(atoms: list[Atom], matcher: PlaceMatcher) -> BlockResult:
    """Cluster the atoms of one block, visited in the order given."""
    clusterer = _Clusterer(atoms, matcher)
    clusterer.visit(range(len(atoms)))
    return clusterer.labels, clusterer.incidents


class _Clusterer:
    def __init__(self, atoms: Sequence[Atom], matcher: PlaceMatcher) -> None:
        self.atoms = atoms
        self.matcher = matcher
        self.keys = matcher.block_keys
        # Keys an atom of each place looks under: its blocks and the wide places, or all.
        self.lookup = {
            place: (_ALL,) if keys == (_WILD,) else (*keys, _WILD)
            for place, keys in self.keys.items()
        }
        # place -> incident place set -> does the place fit every place of the set; many
        # incidents share a place set, so each is judged once per place.
        self.fits: dict[str, dict[frozenset[str], bool]] = defaultdict(dict)
        self.incidents: list[_Incident] = []
        # report -> the days its day-precision mentions name: a month the same report
        # gives to another attack ("days earlier", "in January") is not one of them.
        self.news_days: dict[str, set[int]] = defaultdict(set)
        for atom in atoms:
            if atom.lo is not None and atom.lo == atom.hi:
                for report in atom.reports:
                    self.news_days[report].add(atom.lo)
        self.labels = [-1] * len(atoms)
        # (day or -1 - period, block key) -> incidents; periods hold incidents spanning days
        self.slots: dict[tuple[int, str], list[int]] = defaultdict(list)
        # (day or -1 - period, place) -> incidents holding the place
        self.homes: dict[tuple[int, str], list[int]] = defaultdict(list)
        self.by_report: dict[str, list[int]] = defaultdict(list)

    def visit(self, order: Iterable[int]) -> None:
        """Put each atom, in *order*, into an incident."""
        for index in order:
            atom = self.atoms[index]
            if atom.place is None:
                target = None  # nowhere to put it on a map: never merged
            elif atom.lo is None:
                target = self._choose(atom, self._same_report(atom))
            else:
                target = self._choose_dated(atom)
            self._add(index, atom, target)

    def finish(self) -> list[int]:
        """Join the overnight reports; the labels."""
        self._join_overnight_reports()
        return self.labels

    def _choose_dated(self, atom: Atom) -> int | None:
        """The one incident of the atom's days and blocks it fits, preferring its own place.

        Gives what :meth:`_choose` gives for all the incidents of those days and blocks,
        but finds the incidents that hold the very place first: when one of them fits, the
        rest of the block (a month meets every incident of its weeks) need not be judged.
        """
        lo, hi = atom.lo, atom.hi
        assert lo is not None and hi is not None and atom.place is not None
        slots = (*range(lo, hi + 1), *_periods(lo, hi))
        homes = self._fitting(
            atom,
            self._not_its_days(atom, self._overlapping(self.homes, slots, (atom.place,), atom)),
        )
        if not homes:
            block = self._overlapping(self.slots, slots, self.lookup[atom.place], atom)
            homes = self._fitting(atom, self._not_its_days(atom, block))
        return homes[0] if len(homes) == 1 else None

    def _not_its_days(self, atom: Atom, candidates: list[int]) -> list[int]:
        """Leave out, for a coarse atom, the one-day incidents on a day its own report
        dates another attack: "the attack comes days after Ain al-Asad was hit" (January)
        in a report of an attack on the 25th is not Ain al-Asad's attack of the 25th."""
        if atom.lo == atom.hi:
            return candidates
        days = set().union(*(self.news_days.get(report, ()) for report in atom.reports))
        if not days:
            return candidates
        incidents = self.incidents
        return [
            n
            for n in candidates
            if not (incidents[n].lo == incidents[n].hi and incidents[n].lo in days)
        ]

    def _overlapping(
        self,
        index: dict[tuple[int, str], list[int]],
        slots: Sequence[int],
        keys: Sequence[str],
        atom: Atom,
    ) -> list[int]:
        """Incidents filed under any of *slots* and *keys* whose dates overlap the atom's."""
        get = index.get
        found = [n for slot in slots for key in keys for n in get((slot, key), ())]
        incidents, lo, hi = self.incidents, atom.lo, atom.hi
        # Only dated incidents are filed, and they stay dated. Stale filings (an incident
        # whose dates narrowed since) fail the overlap test.
        return [n for n in dict.fromkeys(found) if _meet(incidents[n].lo, incidents[n].hi, lo, hi)]

    def _same_report(self, atom: Atom) -> list[int]:
        """Undated incidents of the atom's report naming its very place.

        A dated one may be another attack; so may one at a nested place ("near Anbar" and
        "at Ain al-Asad"): without dates, nothing but the nesting would join them.
        """
        found = [n for report in sorted(atom.reports) for n in self.by_report.get(report, ())]
        incidents = self.incidents
        return [
            n
            for n in dict.fromkeys(found)
            if incidents[n].lo is None and atom.place in incidents[n].place_set
        ]

    def _choose(self, atom: Atom, candidates: list[int]) -> int | None:
        fitting = self._fitting(atom, candidates)
        # An incident that already holds this very place is the natural home.
        same_place = [n for n in fitting if atom.place in self.incidents[n].place_set]
        tier = same_place or fitting
        return tier[0] if len(tier) == 1 else None

    def _fitting(self, atom: Atom, candidates: list[int]) -> list[int]:
        """The candidates whose weapon fits the atom's and whose every place fits its place."""
        place, family = atom.place, atom.family
        assert place is not None
        fits = self.fits[place]
        fitting = []
        for n in candidates:
            incident = self.incidents[n]
            if family is not None and incident.family not in (None, family):
                continue
            fit = fits.get(incident.place_set)
            if fit is None:
                compatible = self.matcher.compatible
                fit = fits[incident.place_set] = all(
                    compatible(place, other) for other in incident.place_set
                )
            if fit:
                fitting.append(n)
        return fitting

    def _add(self, index: int, atom: Atom, target: int | None) -> None:
        if target is None:
            target = len(self.incidents)
            self.incidents.append(_Incident(atom.lo, atom.hi, atom.family))
        incident = self.incidents[target]
        reindex = False
        if atom.lo is not None and atom.hi is not None and incident.lo is not None:
            assert incident.hi is not None
            narrowed = (max(incident.lo, atom.lo), min(incident.hi, atom.hi))
            reindex = narrowed != (incident.lo, incident.hi)
            incident.lo, incident.hi = narrowed
        incident.family = incident.family or atom.family
        if atom.place is not None:
            if atom.place not in incident.place_set:
                incident.places.append(atom.place)
                incident.place_set = frozenset(incident.places)
                incident.keys.update(self.keys[atom.place])
                reindex = True
            if incident.lo is None:  # only undated incidents are looked up by report
                for report in atom.reports - incident.reports:
                    self.by_report[report].append(target)
                incident.reports |= atom.reports
        incident.states.add(atom.state)
        self.labels[index] = target
        if reindex:
            self._index(target)

    def _index(self, number: int) -> None:
        """File the incident under its date slots and its places and their block keys."""
        incident = self.incidents[number]
        lo, hi = incident.lo, incident.hi
        if lo is None or hi is None:
            return
        slots = (lo,) if lo == hi else _periods(lo, hi)
        for index, names in ((self.slots, incident.keys), (self.homes, incident.places)):
            for slot in slots:
                for name in names:
                    filed = index[slot, name]
                    if not filed or filed[-1] != number:
                        filed.append(number)

    def _join_overnight_reports(self) -> None:
        """Join a day-P incident known only from day-P reports to a day P-1 one known later.

        A report published just after midnight that says "tonight" dates the attack to
        its publication day, one day late; the follow-ups published later name the real
        day. Joined only when each side has exactly one such partner, and never when one
        report tells both days.
        """
        pairs: list[tuple[int, int]] = []
        for number, incident in enumerate(self.incidents):
            if (
                incident.states != {ON_PUBLICATION_DAY}
                or not incident.places
                or incident.lo is None
                or incident.lo != incident.hi
            ):
                continue
            for earlier in dict.fromkeys(self.slots.get((incident.lo - 1, _ALL), ())):
                other = self.incidents[earlier]
                if (
                    other.states == {BEFORE_PUBLICATION}
                    and other.lo == other.hi
                    and self._joinable(incident, other)
                ):
                    pairs.append((number, earlier))
        if pairs:
            # One report that dates two attacks a day apart tells two attacks.
            reports: dict[int, set[str]] = defaultdict(set)
            wanted = {n for pair in pairs for n in pair}
            for atom, label in zip(self.atoms, self.labels, strict=True):
                if label in wanted:
                    reports[label] |= atom.reports
            pairs = [(late, early) for late, early in pairs if not reports[late] & reports[early]]
        late_count: dict[int, int] = defaultdict(int)
        early_count: dict[int, int] = defaultdict(int)
        for late, early in pairs:
            late_count[late] += 1
            early_count[early] += 1
        moved = {
            late: early
            for late, early in pairs
            if late_count[late] == 1 and early_count[early] == 1
        }
        self.labels = [moved.get(label, label) for label in self.labels]

    def _joinable(self, a: _Incident, b: _Incident) -> bool:
        if a.family is not None and b.family is not None and a.family != b.family:
            return False
        return all(self.matcher.compatible(p, q) for p in a.places for q in b.places)
