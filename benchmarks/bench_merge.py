"""Time mapper.merge_incidents on synthetic mention tables of 10,000 and 100,000 rows.

The tables look like real coverage: each attack (one of ~40 places in the bundled
gazetteer, a day in 2021-2023) is told by 1 to ~10 reports; some name only the
city or governorate around the place, some say "explosion" instead of the weapon,
some give only the month. The merge is also scored against the known events.

Run: ``python benchmarks/bench_merge.py [N ...]``
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

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


def main(argv: list[str]) -> int:
    """Run the benchmark for each size in *argv* (default 10,000 and 100,000)."""
    gazetteer = default_gazetteer()
    warm_up = synthetic_mentions(200, gazetteer).drop(columns="event")
    mapper.merge_incidents(warm_up, gazetteer=gazetteer)
    for n in [int(a) for a in argv] or [10_000, 100_000]:
        run(n, gazetteer)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
