"""Checks across a whole gazetteer file: references, collisions, outlines.

Row-level checks (schema, numbers, bounds) happen while reading, in ``_read``; this
module adds what needs the whole file, and :func:`check_file` reports both.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container
from pathlib import Path

from gazetteer._normalize import normalize_name
from gazetteer._place import Place
from gazetteer._read import GazetteerFile, read_file


def file_problems(gazetteer_file: GazetteerFile, *, known_ids: Container[str]) -> list[str]:
    """Problems that need the whole file: unknown parents and outline ids, alias collisions.

    Parameters
    ----------
    gazetteer_file
        What :func:`gazetteer._read.read_file` returned.
    known_ids
        Ids defined elsewhere (the bundled data) that the file may refer to.
    """
    path = gazetteer_file.problems.path
    by_id = {p.id: p for p in gazetteer_file.places}
    problems = []
    for place in gazetteer_file.places:
        if place.parent and place.parent not in by_id and place.parent not in known_ids:
            problems.append(f"{path}: {place.id}: parent {place.parent!r} is not a known place")
    for place_id in sorted(gazetteer_file.outlines):
        if place_id not in by_id and place_id not in known_ids:
            problems.append(f"{path}: outline for unknown place {place_id!r}")
    if all(p.layer == "geonames" for p in gazetteer_file.places):
        return problems  # the base layer shares names by nature; ranking sorts it out
    problems.extend(_collisions(path, by_id))
    return problems


def _collisions(path: str, by_id: dict[str, Place]) -> list[str]:
    """Names given to two places neither of which contains the other."""
    owners: dict[str, set[str]] = defaultdict(set)
    for place in by_id.values():
        for name in place.names:
            if key := normalize_name(name):
                owners[key].add(place.id)
    problems = []
    for key, ids in sorted(owners.items()):
        ordered = sorted(ids)
        for n, first in enumerate(ordered):
            for second in ordered[n + 1 :]:
                if not (_nested(by_id, first, second) or _nested(by_id, second, first)):
                    problems.append(
                        f"{path}: name {key!r} is given to both {first!r} and {second!r}"
                    )
    return problems


def _nested(by_id: dict[str, Place], outer: str, inner: str) -> bool:
    parent, seen = by_id[inner].parent, set()
    while parent and parent not in seen:
        if parent == outer:
            return True
        seen.add(parent)
        parent = by_id[parent].parent if parent in by_id else None
    return False


def check_file(path: str | Path | None = None) -> list[str]:
    """Validate a gazetteer file, or every bundled file when *path* is None.

    Parameters
    ----------
    path
        A places CSV or a GeoJSON file.

    Returns
    -------
    list of str
        One ``file:row: reason`` line per problem; empty when the file is good.
    """
    from gazetteer._gazetteer import DATA_DIR, DEFAULT_FILES

    if path is not None:
        known = {p.id for p in _bundled_places()}
        checked = read_file(path, layer="user")
        return [*checked.problems, *file_problems(checked, known_ids=known)]
    files = [
        read_file(DATA_DIR / name, layer=layer)
        for name, layer in DEFAULT_FILES
        if (DATA_DIR / name).exists()
    ]
    known = {p.id for f in files for p in f.places}
    problems: list[str] = []
    for checked in files:
        problems.extend(checked.problems)
        problems.extend(file_problems(checked, known_ids=known))
    return problems


def shared_names(path: str | Path) -> list[str]:
    """Names a good user file gives its places that the bundled gazetteer gives to others.

    Not errors (two villages may share a name), but worth a look: "Arbil" added to a
    town in Anbar would compete with Erbil wherever a report says "Arbil". Places that
    contain one another (a district and its town) are not reported.

    Returns
    -------
    list of str
        One ``file: 'name' (id) also names other-id (Name, kind)`` line per pair.
    """
    from gazetteer._gazetteer import default_gazetteer, load_gazetteer

    bundled, combined = default_gazetteer(), load_gazetteer(path)
    lines = []
    for place in read_file(path, layer="user").places:
        for name in dict.fromkeys((place.name, *place.aliases)):
            for candidate in bundled.lookup(name, fuzzy=False):
                other = candidate.place
                if other.id == place.id or combined.contains(place.id, other.id):
                    continue  # the same place, or one inside the other: no competition
                if combined.contains(other.id, place.id):
                    continue
                lines.append(
                    f"{path}: {name!r} ({place.id}) also names {other.id} "
                    f"({other.name}, {other.kind})"
                )
    return lines


def _bundled_places() -> list[Place]:
    from gazetteer._gazetteer import default_gazetteer

    return list(default_gazetteer())
