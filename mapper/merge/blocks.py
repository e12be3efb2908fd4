"""Blocks of day atoms that cluster independently, with the same result as one pass.

:func:`mapper.merge.cluster.cluster_atoms` visits atoms in one global order: every
atom dated to a single day comes before any atom with a coarser date (its sort key
opens with the span of days) and before any undated one. While the day atoms are
visited, every incident is therefore dated to one day, and a day atom only meets the
incidents filed under its own day and under a block key of its place (or all of that
day's incidents, for a place too wide to block). So the day atoms split into
*blocks*: the atoms of one day whose places share a block key, chained, with every
atom of a day that has a wide place in one block. An atom of one block never meets
an incident of another, so clustering each block apart, in the global order, gives
the incidents the one pass gives. The coarse, undated and placeless atoms then
continue in one pass over those incidents, exactly as before; docs/merging.md
("Merging at scale") gives the whole argument.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from mapper.merge.cluster import Atom

#: Most atoms a block holds by default; blocks of several days are packed up to it.
BLOCK_ATOMS = 50_000
_WIDE = ("*",)


def day_blocks(
    atoms: Sequence[Atom], block_keys: Mapping[str, tuple[str, ...]], size: int = BLOCK_ATOMS
) -> list[list[int]]:
    """Return blocks of atom indices: the day atoms, cut where no two can meet.

    Parameters
    ----------
    atoms
        The atoms of a table.
    block_keys
        Each place's :attr:`mapper.merge.places.PlaceInfo.block_keys`.
    size
        Blocks are packed, day after day, up to this many atoms; a group of atoms
        that can meet is never cut, so a block may exceed it.

    Returns
    -------
    list of list of int
        Indices of the atoms with a place and a single day, each in exactly one block;
        other atoms are in none.

    Examples
    --------
    >>> day = 738000
    >>> atoms = [Atom(day, day, "a", None, frozenset({"r1"})),
    ...          Atom(day, day, "b", None, frozenset({"r2"})),
    ...          Atom(day + 1, day + 1, "a", None, frozenset({"r3"})),
    ...          Atom(None, None, "a", None, frozenset({"r4"}))]
    >>> day_blocks(atoms, {"a": ("x",), "b": ("y",)}, size=1)
    [[0], [1], [2]]
    """
    by_day: dict[int, list[int]] = defaultdict(list)
    for index, atom in enumerate(atoms):
        if atom.place is not None and atom.lo is not None and atom.lo == atom.hi:
            by_day[atom.lo].append(index)
    blocks: list[list[int]] = []
    current: list[int] = []
    for day in sorted(by_day):
        for group in _linked(by_day[day], atoms, block_keys):
            if current and len(current) + len(group) > size:
                blocks.append(current)
                current = []
            current.extend(group)
    if current:
        blocks.append(current)
    return blocks


def _linked(
    indices: list[int], atoms: Sequence[Atom], block_keys: Mapping[str, tuple[str, ...]]
) -> list[list[int]]:
    """The atoms of one day in groups that share no block key, chained; in index order."""
    keys = [block_keys[str(atoms[i].place)] for i in indices]
    if any(k == _WIDE for k in keys):
        return [indices]  # a wide place meets every incident of its day
    parent = list(range(len(indices)))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    first_with: dict[str, int] = {}
    for node, names in enumerate(keys):
        for name in names:
            other = first_with.setdefault(name, node)
            a, b = root(node), root(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for node, index in enumerate(indices):
        groups[root(node)].append(index)
    return list(groups.values())
