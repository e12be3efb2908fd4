"""The gazetteer: places by id, ranked lookup by name, mentions in text, areas by point."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process
from shapely import STRtree
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from gazetteer._mentions import PLACE_WORDS, NameIndex, find_mentions
from gazetteer._normalize import normalize_name
from gazetteer._place import Candidate, Mention, Place
from gazetteer._ranking import LongerNames, may_be_near_spelling, rank_key
from gazetteer._read import GazetteerFile, Problems, attach_outlines, read_file
from gazetteer._validate import file_problems
from gazetteer.errors import GazetteerFileError, UnknownPlaceError

DATA_DIR = Path(__file__).with_name("data")

#: The bundled files, in layering order, with the layer each belongs to.
DEFAULT_FILES: tuple[tuple[str, str], ...] = (
    ("geonames.csv", "geonames"),
    ("places.csv", "curated"),
    ("areas.geojson", "curated"),
)

_LAYER_RANK = {"user": 0, "curated": 1, "geonames": 2}
#: Which kind wins when one name fits several places: a settlement before the
#: district or governorate named after it.
_KIND_RANK = {
    kind: rank
    for rank, kind in enumerate(
        (
            "city",
            "town",
            "military base",
            "airport",
            "facility",
            "zone",
            "neighbourhood",
            "district",
            "governorate",
            "country",
        )
    )
}


#: How alike (RapidFuzz ratio, 0-100) a near spelling must be.
_FUZZY_CUTOFF = 85
#: Words that name a kind of place rather than the place ("Erbil airport").
_KIND_WORDS = PLACE_WORDS | {"international", "airfield"}


def _names_alike(query: str, key: str) -> bool:
    """Whether every word of *key* that names the place, not its kind, is near a word of
    *query*: "Karbala airport" is not a near spelling of "Erbil airport"."""
    words = query.split()
    if all(
        any(fuzz.ratio(word, other) >= _FUZZY_CUTOFF for other in words)
        for word in key.split()
        if word not in _KIND_WORDS
    ):
        return True
    # Words run together or split apart: "Ain alAsad", "Ainal Asad".
    joined = ["".join(w for w in name.split() if w not in _KIND_WORDS) for name in (query, key)]
    return fuzz.ratio(*joined) >= _FUZZY_CUTOFF


class Gazetteer:
    """An immutable set of places with a name index.

    Build one with :func:`load_gazetteer`; later places replace earlier ones of the
    same id, so user files layered last override the bundled data.
    """

    def __init__(self, places: Iterable[Place], *, not_places: Iterable[str] = ()) -> None:
        self._places: dict[str, Place] = {}
        for place in places:
            self._places[place.id] = place
        self._index = NameIndex(self._rank_keys(), frozenset(not_places))
        self._fuzzy_keys = list(self._index.keys)
        self._longer: LongerNames | None = None  # built on the first lookup that needs it
        self._areas = [p for p in self._places.values() if p.geometry is not None]
        self._area_tree = STRtree([p.geometry for p in self._areas]) if self._areas else None

    def _rank_keys(self) -> dict[str, tuple[Place, ...]]:
        by_key: dict[str, dict[str, tuple[int, ...]]] = defaultdict(dict)
        for place in self._places.values():
            for is_alias, name in enumerate(place.names):
                key = normalize_name(name)
                if not key:
                    continue
                rank = (
                    _LAYER_RANK.get(place.layer, 1),
                    min(is_alias, 1),
                    _KIND_RANK.get(place.kind, 9),
                    -place.population,
                )
                seen = by_key[key].get(place.id)
                if seen is None or rank < seen:
                    by_key[key][place.id] = rank
        return {
            key: tuple(
                self._places[pid] for pid, _ in sorted(ranks.items(), key=lambda kv: (kv[1], kv[0]))
            )
            for key, ranks in by_key.items()
        }

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places.values())

    def __contains__(self, place_id: object) -> bool:
        return place_id in self._places

    def get(self, place_id: str) -> Place:
        """Return the place with *place_id*; raise :class:`UnknownPlaceError` if none."""
        try:
            return self._places[place_id]
        except KeyError:
            raise UnknownPlaceError(place_id) from None

    def lookup(self, name: str, *, fuzzy: bool = True, limit: int = 10) -> list[Candidate]:
        """Rank the places *name* may refer to.

        Parameters
        ----------
        name
            A place name in any spelling the data knows ("al-Qa'im", "Irbil", "BIAP").
        fuzzy
            Also offer near spellings when no name matches exactly, then the places
            of longer names: the name with kind words ("Erbil Governorate", "Camp
            Taji"), a name it begins ("Erbil air" -> "Erbil airport"), a name that
            holds it. False: exact names only.
        limit
            At most this many candidates.

        Returns
        -------
        list of Candidate
            Best first, each place once. Exact matches score 100, near spellings
            their similarity (85 and more; only for places in Iraq or in curated or
            user data), longer names 80, 70 and 60 (see ``gazetteer._ranking``).

        Examples
        --------
        >>> from gazetteer import default_gazetteer
        >>> [(c.place.id, c.score) for c in default_gazetteer().lookup("Taji", limit=2)]
        [('taji', 100.0), ('camp-taji', 80.0)]
        >>> default_gazetteer().lookup("Paris")
        []
        """
        key = normalize_name(name)
        exact = self._index.keys.get(key, ())
        if not fuzzy or not key:
            return [Candidate(place, 100.0) for place in exact[:limit]]
        candidates = {place.id: Candidate(place, 100.0) for place in exact}
        if not exact:
            for candidate in self._near_spellings(key, limit):
                candidates.setdefault(candidate.place.id, candidate)
        for candidate in self._longer_names(key):
            candidates.setdefault(candidate.place.id, candidate)
        return list(candidates.values())[:limit]

    def _near_spellings(self, key: str, limit: int) -> list[Candidate]:
        found = process.extract(
            key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF, limit=limit
        )
        candidates: list[Candidate] = []
        for other, score, _ in sorted(found, key=lambda hit: (-hit[1], hit[0])):
            if not _names_alike(key, other):
                continue
            for place in self._index.keys[other]:
                if may_be_near_spelling(place):
                    candidates.append(Candidate(place, round(float(score), 1)))
        return candidates

    def _longer_names(self, key: str) -> list[Candidate]:
        if self._longer is None:
            self._longer = LongerNames(self._index.keys, _KIND_WORDS)
        best: dict[str, tuple[float, Place]] = {}
        for score, place in self._longer.matches(key):
            if not may_be_near_spelling(place):
                continue  # a neighbour's GeoNames town: by its own name only
            if place.id not in best or score > best[place.id][0]:
                best[place.id] = (score, place)
        ranked = sorted(best.values(), key=lambda hit: rank_key(*hit))
        return [Candidate(place, score) for score, place in ranked]

    def find_mentions(self, text: str) -> list[Mention]:
        """Return every place name in *text* with its offsets and ranked candidates.

        Only capitalised (or Arabic-script) names count, the longest name wins, and
        weekdays, months and words on the not-places list are passed over.
        """
        return find_mentions(self._index, text)

    def ancestors(self, place_id: str) -> list[Place]:
        """Return the parent chain of *place_id*, nearest first."""
        chain: list[Place] = []
        seen = {place_id}
        parent = self.get(place_id).parent
        while parent and parent in self._places and parent not in seen:
            seen.add(parent)
            chain.append(self._places[parent])
            parent = self._places[parent].parent
        return chain

    def contains(self, outer_id: str, inner_id: str) -> bool:
        """True if *inner_id* is *outer_id*, lies below it, or inside its outline."""
        if outer_id == inner_id:
            return True
        if any(p.id == outer_id for p in self.ancestors(inner_id)):
            return True
        outer, inner = self.get(outer_id), self.get(inner_id)
        return outer.geometry is not None and outer.geometry.covers(
            Point(inner.longitude, inner.latitude)
        )

    def areas_containing(self, latitude: float, longitude: float) -> list[Place]:
        """Return the places whose outline holds the point, smallest area first."""
        if self._area_tree is None:
            return []
        point = Point(longitude, latitude)
        hits = self._area_tree.query(point, predicate="intersects")
        areas = [self._areas[int(i)] for i in hits]
        return sorted(areas, key=lambda p: (_area(p.geometry), p.id))


def _area(geometry: BaseGeometry | None) -> float:
    return 0.0 if geometry is None else float(geometry.area)


def _layer(files: Iterable[GazetteerFile]) -> list[Place]:
    """Merge files in order: later places replace earlier ones, outlines attach by id.

    A base-layer place that a curated one was taken from ("GeoNames 98717" in its
    source) is left out, so a town is not offered twice.
    """
    places: dict[str, Place] = {}
    outlines: dict[str, BaseGeometry] = {}
    for gazetteer_file in files:
        for place in gazetteer_file.places:
            places[place.id] = place
        outlines.update(gazetteer_file.outlines)
    taken = {
        f"gn:{number}"
        for place in places.values()
        if place.layer != "geonames"
        for number in _GEONAMES_REF.findall(place.source)
    }
    kept = (p for p in places.values() if p.id not in taken)
    return attach_outlines(kept, outlines)


_GEONAMES_REF = re.compile(r"GeoNames\s+(\d+)")


def _not_places() -> frozenset[str]:
    lines = (DATA_DIR / "not_places.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(
        normalize_name(line) for line in lines if line.strip() and not line.startswith("#")
    )


def _default_files() -> list[GazetteerFile]:
    files = []
    for name, layer in DEFAULT_FILES:
        path = DATA_DIR / name
        if path.exists():
            files.append(read_file(path, layer=layer))
    return files


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """Return the bundled gazetteer, loaded on first use and cached."""
    return Gazetteer(_layer(_default_files()), not_places=_not_places())


def load_gazetteer(*paths: str | Path) -> Gazetteer:
    """Load the bundled gazetteer with user files layered on top.

    Parameters
    ----------
    *paths
        Places CSV or GeoJSON files in the documented schema; each entry overrides a
        bundled place of the same id or adds a new one.

    Returns
    -------
    Gazetteer
        The bundled gazetteer itself (cached) when no path is given.

    Raises
    ------
    GazetteerFileError
        If any file has a problem; a bad file is refused whole, never half-loaded.
    """
    if not paths:
        return default_gazetteer()
    base = default_gazetteer()
    user_files = []
    for path in paths:
        user_file = read_file(path, layer="user")
        problems = [*user_file.problems, *file_problems(user_file, known_ids=base)]
        if problems:
            raise GazetteerFileError(str(path), problems)
        user_files.append(user_file)
    base_file = GazetteerFile(list(base), {}, Problems("bundled"))
    return Gazetteer(_layer([base_file, *user_files]), not_places=base._index.not_places)
