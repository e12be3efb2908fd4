"""Time extract_report on one core over reports of about 3 KB each.

The reports are built deterministically by recombining the bundled dev set
(samples/reports, including the merge reports): report i is dev-set report i
followed by text drawn by a seeded generator until it is about 3 KB long; it keeps
the title and publication date of the first. Loading the gazetteer and building
the reports is startup and is not timed.

Two mixes are timed: "dense" (whole dev-set reports one after another, ~11
incidents a report) and "news" (one dev-set report padded with paragraphs of the
dev-set reports that have no incident, 1-2 incidents a report, like the seeds).

Each mix is timed for the checkout and for a baseline revision (``--baseline REV``,
default :data:`BASELINE`, the code before the real-news rules of December 2026) on the
same reports, each in a fresh process, alternating, so that the machine's changing
speed falls on both alike; the ratio is the figure to read.

Run: ``python benchmarks/bench_extract.py [N_REPORTS] [--baseline REV | --no-baseline]
[--rounds K]`` (default 3000 reports, 2 rounds).
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# The code measured: this checkout, or (``--code DIR``, in a child process) another one.
sys.path.insert(
    0,
    sys.argv[sys.argv.index("--code") + 1]
    if "--code" in sys.argv
    else str(Path(__file__).resolve().parents[1]),
)

import mapper
from gazetteer import default_gazetteer
from mapper.evaluate import read_gold
from mapper.extract.report import extract_report

#: Caches keyed by a text (a clause, a sentence, a title), cleared before each report:
#: the synthetic reports reuse the dev set's sentences and titles, real ones do not. Each
#: is looked up in the code measured, which may not have it (the baseline).
TEXT_CACHED = (
    "mapper.extract.words:words_of",
    "mapper.extract.context:_may_skip",
    "mapper.extract.context:told_after_colon",
    "mapper.extract.weapons:attack_strength",
    "mapper.extract.sentences:first_colon",
    "mapper.extract.headline:headline_place",
    "mapper.extract.dates:find_event_date",
)


def _text_caches() -> list[Any]:
    caches = []
    for spec in TEXT_CACHED:
        module_name, name = spec.split(":")
        try:
            function = getattr(importlib.import_module(module_name), name, None)
        except ImportError:
            continue
        if hasattr(function, "cache_clear"):
            caches.append(function)
    return caches


TEXT_CACHES = _text_caches()
ROOT = Path(__file__).resolve().parents[1]
SEED = 20201117
#: The baseline revision: the code before the real-news rules of December 2026.
BASELINE = "3b686d8"
MIXES = ("dense", "news")
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


def measure(count: int, mix: str) -> dict[str, float]:
    """Time :func:`extract_report` over *count* reports of *mix*, in this process."""
    gazetteer = default_gazetteer()
    reports = synthetic_reports(count, mix=mix)
    extract_report(reports[0], gazetteer)  # warm caches (compiled patterns, folds)
    incidents = 0
    start = time.perf_counter()
    for report in reports:
        # The reports reuse the same dev-set sentences: forget what earlier reports
        # taught the text-keyed caches, as real reports would not repeat them.
        for cache in TEXT_CACHES:
            cache.cache_clear()
        incidents += len(extract_report(report, gazetteer))
    elapsed = time.perf_counter() - start
    size_mb = sum(len(r.text.encode("utf-8")) for r in reports) / 1e6
    return {"seconds": elapsed, "incidents": incidents, "mb": size_mb}


def _child(code: Path, count: int, mix: str) -> dict[str, float]:
    """Run :func:`measure` for the code in *code* in a fresh process."""
    args = [sys.executable, __file__, str(count), "--code", str(code), "--mix", mix]
    done = subprocess.run(args, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.splitlines()[-1])


def _baseline_checkout(revision: str, folder: Path) -> Path | None:
    """Check *revision* out into *folder* (a git worktree); None when it cannot be."""
    done = subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(folder), revision],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        print(f"no baseline: git could not check out {revision}: {done.stderr.strip()}")
        return None
    return folder


def main(argv: list[str] | None = None) -> None:
    """Print reports per second for this checkout and the baseline, mix by mix."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=3000)
    parser.add_argument("--baseline", default=BASELINE, metavar="REV")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--code", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--mix", choices=MIXES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.mix:  # a child: one measurement, as JSON
        print(json.dumps(measure(args.count, args.mix)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "baseline"
        base = None if args.no_baseline else _baseline_checkout(args.baseline, folder)
        try:
            codes = {"this checkout": ROOT, **({f"baseline {args.baseline}": base} if base else {})}
            for mix in MIXES:
                runs: dict[str, list[dict[str, float]]] = {name: [] for name in codes}
                for _ in range(args.rounds):
                    for name, code in codes.items():
                        runs[name].append(_child(code, args.count, mix))
                first = runs["this checkout"][0]
                print(
                    f"{mix:5s} mix: {args.count} reports, mean "
                    f"{first['mb'] * 1e3 / args.count:.1f} KB, "
                    f"{first['incidents'] / args.count:.1f} incidents/report"
                )
                rates = {}
                for name, measured in runs.items():
                    seconds = statistics.median(m["seconds"] for m in measured)
                    rates[name] = args.count / seconds
                    print(
                        f"  {name:22s} {seconds:6.2f} s  ->  {rates[name]:,.0f} reports/s  "
                        f"{first['mb'] / seconds:.2f} MB/s  (median of {args.rounds})"
                    )
                if len(rates) == 2:
                    ratio = rates["this checkout"] / rates[f"baseline {args.baseline}"]
                    print(f"  speed against the baseline: {ratio:.2f}x")
        finally:
            if base is not None:
                subprocess.run(
                    ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)],
                    capture_output=True,
                )


if __name__ == "__main__":
    main()
