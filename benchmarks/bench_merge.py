"""Time mapper.merge_incidents on synthetic mention tables; at scale, against a baseline.

The tables look like real coverage: each attack (one of ~40 places in the bundled
gazetteer, a day in 2021-2023) is told by 1 to ~10 reports; some name only the
city or governorate around the place, some say "explosion" instead of the weapon,
some give only the month. The merge is also scored against the known events.

Run: ``python benchmarks/bench_merge.py [N ...]`` (default 10,000 and 100,000).

``python benchmarks/bench_merge.py --scale [N ...]`` (default 100,000 and 1,000,000)
merges each table in a fresh process with this checkout and with a baseline revision
(``--baseline REV``, default the one-pass merge of issue 11's start), in turn on the
same table, ``--rounds`` times each (the fastest counts). It prints the time and the
peak resident memory of each, checks that the merged tables are identical, and gives
the growth exponents of time and memory from the smallest to the largest table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from revisions import export_revision

import mapper
from gazetteer import Gazetteer, default_gazetteer
from mapper.evaluate.merging import score_merge

SEED = 20240128
LEAF_KINDS = ("military base", "airport", "facility", "zone", "city", "town")
WEAPONS = np.array(["rocket", "drone", "mortar", "ied", "missile"])
FIRST_DAY = dt.date(2021, 1, 1).toordinal()


def pick_places(gazetteer: Gazetteer, count: int = 40) -> list[list[str]]:
    """Return *count* curated places, each as [place, parent, grandparent...] ids."""
    leaves = sorted(
        (p for p in gazetteer if p.layer == "curated" and p.kind in LEAF_KINDS),
        key=lambda p: (LEAF_KINDS.index(p.kind), p.id),
    )[:count]
    return [
        [p.id, *(a.id for a in gazetteer.ancestors(p.id) if a.kind != "country")] for p in leaves
    ]


def synthetic_mentions(n: int, gazetteer: Gazetteer, *, seed: int = SEED) -> pd.DataFrame:
    """Return about *n* raw mentions with a gold ``event`` column."""
    rng = np.random.default_rng(seed)
    chains = pick_places(gazetteer)
    n_events = max(1, n // 3)
    event_place = rng.integers(0, len(chains), n_events)
    event_day = FIRST_DAY + rng.integers(0, 3 * 365, n_events)
    event_weapon = WEAPONS[rng.integers(0, len(WEAPONS), n_events)]
    per_event = np.minimum(rng.geometric(0.22, n_events), 12)
    event = np.repeat(np.arange(n_events), per_event)[:n]
    m = len(event)
    # Where a mention puts the attack: the place itself, else its parent, else grandparent.
    level = rng.choice([0, 1, 2], m, p=[0.75, 0.18, 0.07])
    place = [
        chains[event_place[e]][min(lv, len(chains[event_place[e]]) - 1)]
        for e, lv in zip(event, level, strict=True)
    ]
    weapon = np.where(rng.random(m) < 0.12, "explosive", event_weapon[event]).astype(object)
    weapon[rng.random(m) < 0.05] = None
    day = event_day[event]
    iso = [dt.date.fromordinal(int(d)).isoformat() for d in day]
    monthly = rng.random(m) < 0.04
    date = [s[:7] if mo else s for s, mo in zip(iso, monthly, strict=True)]
    report = rng.integers(0, m // 2 + 1, m)
    order = np.argsort(report, kind="stable")
    incident_id = [""] * m
    counts: dict[int, int] = {}
    for i in order:
        counts[report[i]] = counts.get(report[i], 0) + 1
        incident_id[i] = f"r{report[i]:06d}-{counts[report[i]]}"
    frame = mapper.incident_frame(
        {
            "report_id": f"r{report[i]:06d}",
            "incident_id": incident_id[i],
            "date": date[i],
            "date_precision": "month" if monthly[i] else "day",
            "place_id": place[i],
            "weapon": weapon[i],
            "killed": int(rng.integers(0, 3)),
            "title": f"Attack report {report[i]}",
            "source": "Synthetic Wire",
        }
        for i in range(m)
    )
    frame["event"] = [f"E{e}" for e in event]
    return frame


def run(n: int, gazetteer: Gazetteer) -> None:
    """Time one merge of about *n* mentions and print the figures."""
    raw = synthetic_mentions(n, gazetteer)
    events = dict(zip(raw["incident_id"], raw["event"], strict=True))
    start = time.perf_counter()
    merged = mapper.merge_incidents(raw.drop(columns="event"), gazetteer=gazetteer)
    seconds = time.perf_counter() - start
    merged_of = {
        source["incident_id"]: row_id
        for row_id, sources in zip(merged["incident_id"], merged["sources"], strict=True)
        for source in json.loads(sources)
    }
    score = score_merge(events, merged_of)
    print(
        f"{len(raw):>7} mentions of {int(score['events']):>6} events -> "
        f"{len(merged):>6} incidents in {seconds:6.2f} s   "
        f"pairwise precision {score['precision']:.3f} recall {score['recall']:.3f}"
    )


#: The baseline revision: the one-pass merge, before blocks (issue 11).
BASELINE = "0176ae5"
ROOT = Path(__file__).resolve().parents[1]
#: Merges a pickled table with the code at argv[1]; prints time and memory as JSON. The
#: peak resident memory is reset once the table is loaded (Linux: /proc/self/clear_refs),
#: so that it is the merge's peak, not the unpickling's.
_MERGE = """
import gc, json, sys, time
sys.path.insert(0, sys.argv[1])
import pandas as pd
import mapper
from gazetteer import default_gazetteer

def status(field):
    with open("/proc/self/status") as lines:
        return next(int(line.split()[1]) for line in lines if line.startswith(field))

gazetteer = default_gazetteer()
raw = pd.read_pickle(sys.argv[2])
gc.collect()
loaded = status("VmRSS:")
with open("/proc/self/clear_refs", "w") as reset:
    reset.write("5")
started = time.perf_counter()
merged = mapper.merge_incidents(raw, gazetteer=gazetteer)
seconds = time.perf_counter() - started
peak = status("VmHWM:")
merged.to_csv(sys.argv[3], index=False)
print(json.dumps({"seconds": seconds, "peak_kb": peak, "loaded_kb": loaded, "rows": len(merged)}))
"""


def merge_in_fresh_process(code: Path, table: Path, out: Path) -> dict[str, float]:
    """Merge the pickled *table* with the mapper at *code*; time, memory and row count."""
    done = subprocess.run(
        [sys.executable, "-c", _MERGE, str(code), str(table), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def exponent(small: float, large: float, n_small: int, n_large: int) -> float:
    """Growth exponent k of y ~ n**k between two sizes."""
    return math.log(large / small) / math.log(n_large / n_small)


def _added(run: dict[str, float]) -> float:
    """Memory the merge adds to the loaded table (its peak less the table's), in kB."""
    return max(1.0, run["peak_kb"] - run["loaded_kb"])


def scale(sizes: list[int], baseline: str, rounds: int = 2) -> int:
    """Merge each size with this checkout and the baseline; print the figures side by side."""
    gazetteer = default_gazetteer()
    figures: dict[tuple[str, int], dict[str, float]] = {}
    same = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        codes = {"this checkout": ROOT, f"baseline {baseline}": export_revision(baseline, folder)}
        for n in sizes:
            table = folder / f"mentions-{n}.pkl"
            synthetic_mentions(n, gazetteer).drop(columns="event").to_pickle(table)
            outputs: dict[str, bytes] = {}
            for _ in range(rounds):  # in turn, so that both meet the machine's load alike
                for number, (name, code) in enumerate(codes.items()):
                    out = folder / f"merged-{n}-{number}.csv"
                    run = merge_in_fresh_process(code, table, out)
                    outputs[name] = out.read_bytes()
                    best = figures.setdefault((name, n), run)
                    if run["seconds"] < best["seconds"]:
                        figures[name, n] = run
                    print(
                        f"{n:>9,} mentions  {name:<18} {run['rows']:>8,.0f} incidents "
                        f"{run['seconds']:7.1f} s  peak {run['peak_kb'] / 1024:7.0f} MiB "
                        f"(table loaded: {run['loaded_kb'] / 1024:5.0f} MiB)",
                        flush=True,
                    )
            alike = len(set(outputs.values())) == 1
            same = same and alike
            print(f"{n:>9,} mentions  same merged table, byte for byte: {alike}")
    print(f"(the fastest of {rounds} runs each below)")
    if len(sizes) > 1:
        small, large = min(sizes), max(sizes)
        for name in codes:
            a, b = figures[name, small], figures[name, large]
            print(
                f"growth {small:,} -> {large:,}, {name}: time exponent "
                f"{exponent(a['seconds'], b['seconds'], small, large):.2f}, peak memory "
                f"{exponent(a['peak_kb'], b['peak_kb'], small, large):.2f}, memory the merge "
                f"adds {exponent(_added(a), _added(b), small, large):.2f}"
            )
        this, base = (figures[name, large] for name in codes)
        print(
            f"at {large:,}: time {this['seconds'] / base['seconds']:.2f}x, peak memory "
            f"{this['peak_kb'] / base['peak_kb']:.2f}x, memory the merge adds "
            f"{_added(this) / _added(base):.2f}x the baseline's"
        )
    return 0 if same else 1


def main(argv: list[str]) -> int:
    """Run the benchmark for each size in *argv*; ``--scale`` compares with the baseline."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int)
    parser.add_argument("--scale", action="store_true")
    parser.add_argument("--baseline", default=BASELINE, metavar="REV")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each, in turn")
    args = parser.parse_args(argv)
    if args.scale:
        return scale(args.sizes or [100_000, 1_000_000], args.baseline, args.rounds)
    gazetteer = default_gazetteer()
    warm_up = synthetic_mentions(200, gazetteer).drop(columns="event")
    mapper.merge_incidents(warm_up, gazetteer=gazetteer)
    for n in args.sizes or [10_000, 100_000]:
        run(n, gazetteer)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
