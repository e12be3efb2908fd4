"""Time extract_report on one core over reports of about 3 KB each.

The reports are built deterministically by recombining the bundled dev set
(samples/reports, including the merge reports): report i is dev-set report i
followed by other dev-set reports drawn by a seeded generator until it is about
3 KB long; it keeps the title and publication date of the first. Loading the gazetteer and building
the reports is startup and is not timed.

Run: ``python benchmarks/bench_extract.py [N_REPORTS]`` (default 3000).
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

import mapper
from gazetteer import default_gazetteer
from mapper._context import _may_skip
from mapper._extract import extract_report
from mapper._words import words_of

#: Caches keyed by a clause or sentence text.
TEXT_CACHES = (words_of, _may_skip)
ROOT = Path(__file__).resolve().parents[1]
SEED = 20201117
TARGET_CHARS = 3000


def synthetic_reports(count: int, *, seed: int = SEED) -> list[mapper.Report]:
    """Return *count* reports of about 3 KB recombined from the dev set.

    Report i opens with one dev-set report (its title and publication date are
    kept) and goes on with whole other dev-set reports, drawn by a seeded generator,
    until it is about 3 KB long: a long wire story recounting earlier attacks.
    """
    sources = [r for r in mapper.read_reports(ROOT / "samples" / "reports").reports if r.text]
    rng = random.Random(seed)
    reports = []
    for i in range(count):
        first = sources[i % len(sources)]
        parts = [first.text]
        size = len(first.text)
        while size < TARGET_CHARS:
            other = sources[rng.randrange(len(sources))]
            parts.append(other.text)
            size += len(other.text) + 2
        reports.append(
            mapper.Report(
                report_id=f"bench-{i:05d}",
                text="\n\n".join(parts),
                title=first.title,
                published=first.published,
                url=None,
                source=None,
                path="bench",
                line=None,
            )
        )
    return reports


def main(count: int = 3000) -> None:
    """Print reports per second and MB per second for *count* synthetic reports."""
    gazetteer = default_gazetteer()
    reports = synthetic_reports(count)
    extract_report(reports[0], gazetteer)  # warm caches (compiled patterns, folds)
    size_mb = sum(len(r.text.encode("utf-8")) for r in reports) / 1e6
    incidents = 0
    start = time.perf_counter()
    for report in reports:
        # The reports reuse the same dev-set sentences: forget what earlier reports
        # taught the text-keyed caches, as real reports would not repeat them.
        for cache in TEXT_CACHES:
            cache.cache_clear()
        incidents += len(extract_report(report, gazetteer))
    elapsed = time.perf_counter() - start
    mean_kb = size_mb * 1e3 / count
    print(f"reports: {count}  mean size: {mean_kb:.1f} KB  incidents: {incidents}")
    print(
        f"time: {elapsed:.2f} s  ->  {count / elapsed:,.0f} reports/s  {size_mb / elapsed:.2f} MB/s"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3000)
