"""What a local cluster's fork server holds before it forks a worker.

Only the fork server of ``--workers N`` (:mod:`mapper.cli.scale_options`) imports this
module, and nothing else should: importing it imports the extraction and loads the
bundled gazetteer, so that every worker forked from the server has both from its first
moment, instead of each spending its first part on them (0.8 s of imports, 0.14 s of
gazetteer). All of it lives as long as a worker, so it is frozen (``gc.freeze``): the
cycle collector never scans it again, where it would spend about 70 % more time on a
worker than in a single process, Dask's objects beside the mapper's. The server is a
fresh interpreter, so it imports the ``mapper`` that ``python`` finds by itself (the
installed one), as a ``dask worker`` does.
"""

import contextlib
import gc

from mapper.scale.partition import worker_gazetteer

# An error here would stop the fork server and leave only an unexplained failure to
# start a worker; a worker that finds no gazetteer loaded loads it, and says why not.
with contextlib.suppress(Exception):
    worker_gazetteer(None)
gc.freeze()
