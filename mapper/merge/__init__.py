"""Merging: incident mentions in, one row per attack out.

Mentions of the same attack (from one report or many) become one incident with the
most precise place and date any source gives, the highest figures, and every source
kept in ``sources``. It uses :mod:`mapper.table` and :mod:`gazetteer`:

* ``incidents``: :func:`merge_incidents`, the entry point: atoms, clusters, rows;
* ``places``: which places can name the same attack (nesting, layers, distance);
* ``dates``: incident dates as day intervals, and the publication-day rule;
* ``cluster``: mentions with the same date, place and weapon grouped into incidents;
* ``blocks``: the day atoms cut into blocks that cluster apart, with the same result;
* ``workers``: those blocks clustered on a Dask cluster's workers;
* ``undated``: undated incidents that join the one dated attack other reports tell;
* ``rows``: one merged row per group, with stable ``inc-<hash>`` ids.

docs/merging.md gives the rules and why.
"""

from mapper.merge.incidents import merge_incidents

__all__ = ["merge_incidents"]
