"""Extraction at scale: ``mapper extract --workers 2`` against one process, same run.

Builds a Parquet corpus of synthetic reports from the bundled samples (report i is
sample ``i % 90`` under the id ``syn-<i>``: deterministic) and runs ``mapper extract
--no-merge`` on it three times in fresh processes: in one process with a baseline
revision's code (``--baseline REV``, default the run before streaming; skipped with
``--no-baseline``), in one process with this checkout's (which streams), and on a
local Dask cluster of two worker processes. It checks that the tables are identical
byte for byte after sorting by ``incident_id`` (the streamed one also unsorted, against
the baseline's) and the summaries line for line, and prints the wall time, the
speed-up and the peak resident memory of each, side by side. With ``--rounds K`` each
runs K times, alternating, and the median time counts.

For reference (skipped with ``--no-ceiling``), the corpus is also cut into as many
files as there are workers, and that many single processes extract one each, side by
side, with no Dask at all: what this machine gives that many busy processes, which on
a shared machine is less than one process's speed times their number. The speed-up
of the workers is printed next to it.

    python benchmarks/bench_scale.py                  # 100,000 reports, a few minutes
    python benchmarks/bench_scale.py --reports 5000   # a quick look
    python benchmarks/bench_scale.py --no-baseline --rounds 3
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd
import psutil
import pyarrow as pa
import pyarrow.parquet as pq
from revisions import export_revision

import mapper

ROOT = Path(__file__).resolve().parents[1]
#: The baseline revision: the single-process run before streaming (issue 11).
BASELINE = "0176ae5"
#: Runs one ``mapper`` command and prints its own peak memory. The
#: peak is reset first (Linux: /proc/self/clear_refs): a process forked from this one,
#: which may hold a large corpus, would otherwise start with this one's peak.
_RUN = """
import json, resource, sys
sys.path.insert(0, sys.argv[1])
try:
    with open("/proc/self/clear_refs", "w") as reset:
        reset.write("5")
except OSError:
    pass
from mapper.cli import main
status = main(sys.argv[2:])
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    with open("/proc/self/status") as lines:
        peak = next(int(line.split()[1]) for line in lines if line.startswith("VmHWM:"))
except OSError:
    pass
print(json.dumps({"status": status, "peak_kb": peak}))
"""


def build_corpus(path: Path, count: int) -> None:
    """Write *count* synthetic reports, in row groups of 2,000, to *path*."""
    samples = mapper.read_reports([ROOT / "samples" / "reports"]).reports
    columns: dict[str, list[object]] = {
        k: [] for k in ("id", "published", "title", "url", "source", "text")
    }
    for i in range(count):
        report = samples[i % len(samples)]
        columns["id"].append(f"syn-{i:07d}")
        columns["published"].append(report.published)
        columns["title"].append(report.title)
        columns["url"].append(report.url)
        columns["source"].append(report.source)
        columns["text"].append(report.text)
    pq.write_table(pa.table(columns), path, row_group_size=2000)


def split_corpus(corpus: Path, count: int) -> list[Path]:
    """*corpus* cut into *count* Parquet files of consecutive reports, beside it."""
    table = pq.read_table(corpus)
    size = -(-table.num_rows // count)
    paths = []
    for index in range(count):
        path = corpus.with_name(f"{corpus.stem}-share-{index}.parquet")
        pq.write_table(table.slice(index * size, size), path, row_group_size=2000)
        paths.append(path)
    return paths


def run(argv: list[str], code: Path = ROOT) -> dict[str, Any]:
    """Run ``mapper`` (the one at *code*) with *argv* in a fresh interpreter; its time
    and peak memory."""
    return run_together([argv], code)


def run_together(argvs: list[list[str]], code: Path = ROOT) -> dict[str, Any]:
    """Run one ``mapper`` for each of *argvs* at the same time, each in a fresh
    interpreter; the time until the last ends, the highest peak and the summaries.
    Stops with the message of the first that fails."""
    started = time.perf_counter()
    children: list[subprocess.Popen[str]] = []
    try:
        for argv in argvs:
            children.append(
                subprocess.Popen(
                    [sys.executable, "-c", _RUN, str(code), *argv],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            )
        watches = [_Descendants(child.pid) for child in children]
        # A thread a child reads its output, so that no child waits on a full pipe.
        with ThreadPoolExecutor(len(children)) as pool:
            outputs = list(pool.map(lambda child: child.communicate(), children))
        seconds = time.perf_counter() - started
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
    for watch in watches:
        watch.stop()
    figures = []
    for child, (stdout, stderr) in zip(children, outputs, strict=True):
        figure = json.loads(stdout.strip().splitlines()[-1]) if child.returncode == 0 else {}
        if figure.get("status") != 0:
            raise SystemExit(f"mapper {' '.join(child.args[4:])} failed:\n{stderr}")
        figures.append(figure)
    summary = " + ".join(
        next(line for line in stderr.splitlines() if " reports: " in line) for _, stderr in outputs
    )
    return {
        "seconds": seconds,
        "peak_kb": max(f["peak_kb"] for f in figures),
        "summary": summary,
        "children_kb": max(watch.peak_kb() for watch in watches),
    }


class _Descendants(threading.Thread):
    """Reads the peak resident memory (VmHWM) of every process below *pid*, ten times a
    second, until stopped: the workers of a local cluster are not this process's
    children (a fork server starts them), so ``RUSAGE_CHILDREN`` misses them."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self._pid = pid
        self._peaks: dict[int, int] = {}
        self._done = threading.Event()
        self.start()

    def run(self) -> None:
        while not self._done.wait(0.1):
            try:
                below = psutil.Process(self._pid).children(recursive=True)
            except psutil.Error:
                continue
            for process in below:
                with contextlib.suppress(OSError, StopIteration):
                    with open(f"/proc/{process.pid}/status") as lines:
                        peak = next(int(ln.split()[1]) for ln in lines if ln.startswith("VmHWM:"))
                    self._peaks[process.pid] = max(peak, self._peaks.get(process.pid, 0))

    def stop(self) -> None:
        self._done.set()
        self.join()

    def peak_kb(self) -> int:
        """The largest peak of one process below (a worker's, on a cluster), in KiB."""
        return max(self._peaks.values(), default=0)


def _median(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """One figure for a run repeated: the median time, the highest peaks, the summary
    (or every different one, which the check below then fails on)."""
    return {
        "seconds": statistics.median(r["seconds"] for r in runs),
        "peak_kb": max(r["peak_kb"] for r in runs),
        "children_kb": max(r["children_kb"] for r in runs),
        "summary": " | ".join(dict.fromkeys(r["summary"] for r in runs)),
    }


def sorted_table(path: Path) -> str:
    table = mapper.read_incidents(path).sort_values("incident_id", kind="stable")
    return table.to_csv(index=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--baseline", default=BASELINE, metavar="REV")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--no-workers", action="store_true", help="the single process only")
    parser.add_argument("--rounds", type=int, default=1, help="runs of each, alternating")
    parser.add_argument(
        "--no-ceiling",
        action="store_true",
        help="without the reference run of N processes side by side, a share of the corpus each",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.parquet"
        started = time.perf_counter()
        build_corpus(corpus, args.reports)
        print(
            f"corpus: {args.reports:,} reports, {corpus.stat().st_size / 2**20:.1f} MiB "
            f"Parquet, built in {time.perf_counter() - started:.1f} s",
            flush=True,
        )
        base = ["extract", str(corpus), "--no-merge"]
        commands: dict[str, tuple[list[str], Path]] = {}
        tables: dict[str, Path] = {}
        if not args.no_baseline:
            label = f"one process, {args.baseline}"
            tables[label] = Path(folder) / "baseline.csv"
            code = export_revision(args.baseline, Path(folder))
            commands[label] = ([*base, "-o", str(tables[label])], code)
        streams = "one process (streams)"
        tables[streams] = Path(folder) / "one.csv"
        commands[streams] = ([*base, "-o", str(tables[streams])], ROOT)
        name = f"--workers {args.workers}"
        if not args.no_workers:
            tables[name] = Path(folder) / "many.csv"
            workers = ["--workers", str(args.workers)]
            commands[name] = ([*base, "-o", str(tables[name]), *workers], ROOT)
        ceiling = f"{args.workers} processes, a share each"
        shares: list[list[str]] = []
        if not args.no_workers and not args.no_ceiling:
            for index, share in enumerate(split_corpus(corpus, args.workers)):
                out = Path(folder) / f"share-{index}.csv"
                shares.append(["extract", str(share), "--no-merge", "-o", str(out)])
        # Rounds alternate the runs, so that the machine's changing speed falls on each.
        rounds: dict[str, list[dict[str, Any]]] = {label: [] for label in commands}
        if shares:
            rounds[ceiling] = []
        for _ in range(args.rounds):
            for label, (argv, code) in commands.items():
                rounds[label].append(run(argv, code))
            if shares:
                rounds[ceiling].append(run_together(shares))
        reference = rounds.pop(ceiling, [])
        runs = {label: _median(figures) for label, figures in rounds.items()}
        if args.rounds > 1 and not args.no_workers:
            each = [
                f"{one['seconds'] / many['seconds']:.2f}x"
                for one, many in zip(rounds[streams], rounds[name], strict=True)
            ]
            print(f"speed-up in each round: {', '.join(each)}")
        rows = pd.DataFrame(
            [
                (
                    label,
                    figures["seconds"],
                    figures["peak_kb"] / 1024,
                    f"{figures['children_kb'] / 1024:.0f}" if label == name else "-",
                )
                for label, figures in runs.items()
            ],
            columns=["run", "seconds", "peak MiB (main)", "peak MiB (a worker)"],
        )
        if args.rounds > 1:
            print(f"median time of {args.rounds} rounds; highest peaks")
        print(rows.to_string(index=False, float_format=lambda v: f"{v:.1f}"))
        single = runs["one process (streams)"]
        if not args.no_workers:
            speed_up = single["seconds"] / runs[name]["seconds"]
            print(f"speed-up of {name} over one process: {speed_up:.2f}x")
        if reference:
            most = single["seconds"] / statistics.median(r["seconds"] for r in reference)
            each = [
                f"{one['seconds'] / side['seconds']:.2f}x"
                for one, side in zip(rounds[streams], reference, strict=True)
            ]
            print(
                f"{ceiling}, no Dask (what this machine gives {args.workers} busy processes): "
                f"{most:.2f}x one process ({', '.join(each)}); {name} reaches "
                f"{speed_up / most:.0%} of it"
            )
        if not args.no_baseline:
            before = runs[f"one process, {args.baseline}"]
            print(
                f"one process, peak memory: {single['peak_kb'] / before['peak_kb']:.2f}x "
                f"the baseline's; time {single['seconds'] / before['seconds']:.2f}x"
            )
        for label, figures in runs.items():
            print(f"{label}: {figures['summary']}")
        texts = {label: sorted_table(path) for label, path in tables.items()}
        same = len(set(texts.values())) == 1
        print(f"same table after sorting, byte for byte: {same}")
        streamed_same = (
            tables["one process (streams)"].read_bytes() == next(iter(tables.values())).read_bytes()
        )
        if not args.no_baseline:
            print(f"the streamed table is the baseline's, unsorted, byte for byte: {streamed_same}")
        if not same or not streamed_same or len({f["summary"] for f in runs.values()}) != 1:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
