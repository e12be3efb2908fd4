"""``--workers N`` and ``--scheduler ADDRESS``: extraction on a Dask cluster.

``mapper extract`` and ``mapper build`` take them. ``--workers N`` starts a local
cluster of N worker processes for the run; ``--scheduler tcp://host:8786`` joins a
cluster the user started (``dask scheduler`` and ``dask worker``, with the mapper
installed on every worker). The same code path serves both, and with neither flag
nothing of Dask is imported: the run is the single-process one of today.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import multiprocessing
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mapper.errors import MapperError

if TYPE_CHECKING:
    from mapper.scale import CorpusExtraction

_INSTALL_HINT = 'Dask is not installed: pip install "incident-mapper[dask]"'

#: What the fork server that starts a local cluster's workers imports once, so that
#: each worker is forked with it: Dask's own, and the mapper's extraction with the
#: bundled gazetteer loaded (``pandas``, ``pyarrow`` and the rest come with them).
_FORK_SERVER_IMPORTS = ["distributed", "pandas", "mapper.scale.forked"]

#: A local cluster's settings: no dashboard is started, so nothing its diagnostics feed
#: is shown. Without the worker profiler (a stack sample every 10 ms), with the event
#: loop's check every 500 ms (Dask's test suite's pace; 20 ms by default), the system's
#: every 5 s (500 ms) and the workers' memory every second (100 ms: a worker past its
#: memory limit is paused or restarted up to a second later), an idle two-worker
#: cluster spends 0.2 s of CPU in 10 s instead of 0.9 s, taken from the extraction on a
#: busy one.
_LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def add_scale_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--workers N`` and ``--scheduler ADDRESS`` (one or the other)."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--workers",
        type=_worker_count,
        metavar="N",
        help="extract on a local Dask cluster of N worker processes (needs the [dask] extra)",
    )
    group.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="extract on a running Dask cluster, e.g. tcp://scheduler-host:8786",
    )


def wants_cluster(args: argparse.Namespace) -> bool:
    """Whether the command was asked to run on a Dask cluster."""
    return bool(getattr(args, "workers", None) or getattr(args, "scheduler", None))


def extract_on_cluster(
    args: argparse.Namespace, client: Any, *, table: Path | None
) -> CorpusExtraction:
    """Extract ``args.paths`` on *client*'s cluster (:func:`open_client`); *table* is
    never read."""
    from mapper.scale import extract_corpus

    return extract_corpus(
        args.paths,
        client=client,
        gazetteer=args.gazetteer or None,
        published=args.published,
        exclude=() if table is None else (table,),
        progress=False if args.quiet else None,
    )


@contextlib.contextmanager
def open_client(*, workers: int | None = None, scheduler: str | None = None) -> Iterator[Any]:
    """A ``distributed.Client``: on a new local cluster of *workers* processes, or joined
    to the scheduler at *scheduler*; closed (and the local cluster stopped) on exit.

    Raises
    ------
    MapperError
        When Dask is not installed, or the scheduler cannot be reached.
    """
    try:
        from distributed import Client
    except ImportError as error:
        raise MapperError(f"{_INSTALL_HINT} ({error})") from None
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as error:
            raise MapperError(f"cannot reach the Dask scheduler {scheduler}: {error}") from None
        with client:
            yield client
        return
    with _forked_workers():
        yield from _local_client(workers or 1)


def _local_client(workers: int) -> Iterator[Any]:
    """A client of a new local cluster of *workers* processes, stopped when it ends."""
    import dask
    from distributed import Client, LocalCluster

    # One thread a process: extraction is pure Python, so threads would share one core.
    with (
        dask.config.set(_LOCAL_CLUSTER_CONFIG),
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=40,  # logging.ERROR: the run's summary is the output
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def start_early(argv: Sequence[str]) -> None:
    """Start the fork server of ``--workers N`` now, if the command asks for workers.

    Called before the command imports what it runs, so that the server imports the same
    meanwhile, on the other core: two workers are ready 1.2 s after the start instead of
    1.7 s. Where there is no fork server or no Dask, it does nothing.

    Parameters
    ----------
    argv
        The command's arguments; ``--workers N`` or ``--workers=N`` among them asks
        for workers (a shortened ``--work N`` starts the server later, with the cluster).
    """
    if any(arg == "--workers" or arg.startswith("--workers=") for arg in argv):
        _start_fork_server()


def _start_fork_server() -> bool:
    """Start the fork server local workers are forked from, with Dask and the mapper
    imported; whether the system has one (and Dask is installed)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return False
    if importlib.util.find_spec("distributed") is None:
        return False
    from multiprocessing import forkserver

    forkserver.set_forkserver_preload(_FORK_SERVER_IMPORTS)
    forkserver.ensure_running()  # once a process; the first worker would start it otherwise
    return True


@contextlib.contextmanager
def _forked_workers() -> Iterator[None]:
    """Start local workers from a fork server, where the system has one.

    Each worker is then forked with Dask and the mapper imported and the bundled
    gazetteer loaded, instead of being a fresh interpreter that does all three, and it
    ends without an interpreter's teardown: two workers were ready 1.7 s after the
    command started instead of 2.0-2.6 s (1.2 s when :func:`start_early` started the
    server), and gone in 0.05 s instead of 1.2 s.
    """
    if not _start_fork_server():
        yield
        return
    import dask

    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}):
        yield


def _worker_count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError(
            f"--workers takes a whole number of 1 or more, not {value!r}"
        )
    if count > 256:
        print(f"mapper: warning: {count} workers on one machine", file=sys.stderr)
    return count
