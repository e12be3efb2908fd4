"""Time extract_report on one core over reports of about 3 KB each.

The reports are built deterministically by recombining the bundled dev set
(samples/reports, including the merge reports): report i is dev-set report i
followed by text drawn by a seeded generator until it is about 3 KB long; it keeps
the title and publication date of the first. Loading the gazetteer and building
the reports is startup and is not timed.

Two mixes are timed: "dense" (whole dev-set reports one after another, ~11
incidents a report) and "news" (one dev-set report padded with paragraphs of the
dev-set reports that have no incident, 1-2 incidents a report, like the seeds).

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
from mapper.evaluate import read_gold
from mapper.extract.context import _may_skip
from mapper.extract.report import extract_report
from mapper.extract.weapons import attack_strength
from mapper.extract.words import words_of

#: Caches keyed by a clause or sentence text.
TEXT_CACHES = (words_of, _may_skip, attack_strength)
ROOT = Path(__file__).resolve().parents[1]
SEED = 20201117
TARGET_CHARS = 3000


def synthetic_reports(count: int, *, mix: str = "dense", seed: int = SEED) -> list[mapper.Report]:
    """Return *count* reports of about 3 KB recombined from the dev set.

    Report i opens with dev-set report i (its title and publication date are kept)
    and goes on with text drawn by a seeded generator until it is about 3 KB long:

    * ``"dense"``: whole other dev-set reports, so ~11 incidents per report, far
      more than real news;
    * ``"news"``: paragraphs of the dev-set reports that have no gold incident
      (withdrawals, diplomacy, history, blame), so ~2 incidents per report, like
      the seed reports (1-3 incidents in 3-4 KB).
    """
    sources = [r for r in mapper.read_reports(ROOT / "samples" / "reports").reports if r.text]
    if mix == "dense":
        fillers = [r.text for r in sources]
    else:
        with_gold = {row["report_id"] for row in read_gold(ROOT / "samples" / "gold")}
        fillers = [
            paragraph
            for r in sources
            if r.report_id not in with_gold
            for paragraph in r.text.split("\n\n")
            if paragraph.strip()
        ]
    rng = random.Random(seed)
    reports = []
    for i in range(count):
        first = sources[i % len(sources)]
        parts = [first.text]
        size = len(first.text)
        while size < TARGET_CHARS:
            filler = fillers[rng.randrange(len(fillers))]
            parts.append(filler)
            size += len(filler) + 2
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
    for mix in ("dense", "news"):
        reports = synthetic_reports(count, mix=mix)
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
        print(
            f"{mix:5s} mix: {count} reports, mean {mean_kb:.1f} KB, "
            f"{incidents / count:.1f} incidents/report"
        )
        print(
            f"  {elapsed:.2f} s  ->  {count / elapsed:,.0f} reports/s  {size_mb / elapsed:.2f} MB/s"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3000)
