"""Extraction at scale: ``mapper extract --workers 2`` against one process, same run.

Builds a Parquet corpus of synthetic reports from the bundled samples (report i is
sample ``i % 90`` under the id ``syn-<i>``: deterministic), extracts it once in one
process and once on a local Dask cluster of two worker processes, checks that the
two tables are identical byte for byte after sorting by ``incident_id``, and prints
the wall time, the speed-up and the peak resident memory of each, side by side.

    python benchmarks/bench_scale.py                  # 100,000 reports, a few minutes
    python benchmarks/bench_scale.py --reports 5000   # a quick look
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

import mapper

ROOT = Path(__file__).resolve().parents[1]
#: Runs one ``mapper`` command and prints its own and its children's peak memory.
_RUN = """
import json, resource, sys
from mapper.cli import main
status = main(sys.argv[1:])
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"status": status, "peak_kb": peak, "children_kb": children}))
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


def run(argv: list[str]) -> dict[str, float]:
    """Run ``mapper`` with *argv* in a fresh interpreter; its time and peak memory."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _RUN, *argv], capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    summary = next(line for line in done.stderr.splitlines() if " reports: " in line)
    return {**figures, "seconds": seconds, "summary": summary}


def sorted_table(path: Path) -> str:
    table = mapper.read_incidents(path).sort_values("incident_id", kind="stable")
    return table.to_csv(index=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.parquet"
        started = time.perf_counter()
        build_corpus(corpus, args.reports)
        print(
            f"corpus: {args.reports:,} reports, {corpus.stat().st_size / 2**20:.1f} MiB "
            f"Parquet, built in {time.perf_counter() - started:.1f} s"
        )
        one, many = Path(folder) / "one.csv", Path(folder) / "many.csv"
        base = ["extract", str(corpus), "--no-merge"]
        single = run([*base, "-o", str(one)])
        spread = run([*base, "-o", str(many), "--workers", str(args.workers)])
        same = sorted_table(one) == sorted_table(many)
        rows = pd.DataFrame(
            [
                ("one process", single["seconds"], single["peak_kb"] / 1024, "-"),
                (
                    f"--workers {args.workers}",
                    spread["seconds"],
                    spread["peak_kb"] / 1024,
                    f"{spread['children_kb'] / 1024:.0f}",
                ),
            ],
            columns=["run", "seconds", "peak MiB (main)", "peak MiB (a worker)"],
        )
        print(rows.to_string(index=False, float_format=lambda v: f"{v:.1f}"))
        print(f"speed-up: {single['seconds'] / spread['seconds']:.2f}x")
        print(f"one process: {single['summary']}")
        print(f"--workers:   {spread['summary']}")
        print(f"same table after sorting, byte for byte: {same}")
        if not same or single["summary"] != spread["summary"]:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
