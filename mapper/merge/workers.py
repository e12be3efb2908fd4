"""The blocks of day atoms clustered on a Dask cluster.

:func:`blocks_on` gives :func:`mapper.merge.cluster.cluster_in_blocks` a way to run
its blocks on the workers of a ``distributed.Client``: the place matcher (places and
gazetteer) goes to every worker once, each block is one task, and the results come
back in block order, a few blocks ahead, so that the calling process never holds
every block's atoms in flight. Nothing of Dask is imported here: the client is used
as it is given.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from mapper.merge.cluster import Atom, BlockResult, cluster_block
from mapper.merge.places import PlaceMatcher

#: Runs blocks of atoms with a matcher, one result per block, in order.
RunBlocks = Callable[[Iterable[list[Atom]], PlaceMatcher], Iterator[BlockResult]]


def blocks_on(client: Any) -> RunBlocks:
    """Return a block runner that clusters each block as a task on *client*'s workers.

    Parameters
    ----------
    client
        A ``distributed.Client``.

    Returns
    -------
    callable
        ``run(blocks, matcher)``, yielding each block's result in the order given.
    """

    def run(blocks: Iterable[list[Atom]], matcher: PlaceMatcher) -> Iterator[BlockResult]:
        ahead = 2 * max(1, len(client.scheduler_info().get("workers", {})))
        shared = client.scatter(matcher, broadcast=True, hash=False)
        pending: deque[Any] = deque()
        for block in blocks:
            pending.append(client.submit(cluster_block, block, shared, pure=False))
            if len(pending) >= ahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    return run
