"""Merging in blocks gives the one-pass merge's table, byte for byte, on every corpus."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import mapper
from gazetteer import default_gazetteer
from mapper.merge.blocks import day_blocks
from mapper.merge.cluster import Atom

ROOT = Path(__file__).resolve().parents[2]


def same_as_one_pass(raw: pd.DataFrame, *sizes: int) -> None:
    """Merged in blocks of each size, *raw* gives the one-pass table (ids included)."""
    whole = mapper.merge_incidents(raw, block_size=None)
    for size in sizes:
        blocked = mapper.merge_incidents(raw, block_size=size)
        pd.testing.assert_frame_equal(blocked, whole)
        assert blocked["incident_id"].tolist() == whole["incident_id"].tolist()


@pytest.fixture(scope="module")
def corpora(seeds_dir: Path, realnews_parts: list[tuple[Path, Path]]) -> dict[str, pd.DataFrame]:
    """The raw mentions of every corpus the tests have, one table each."""
    folders = {
        "samples": ROOT / "samples" / "reports",
        "realstyle": ROOT / "samples" / "realstyle",
        "heldout": ROOT / "samples" / "heldout",
        "seeds": seeds_dir,
        **{f"realnews-{reports.parent.name}": reports for _, reports in realnews_parts},
    }
    return {
        name: mapper.extract(mapper.read_reports([folder]), progress=False)
        for name, folder in folders.items()
        if folder.is_dir()
    }


@pytest.mark.parametrize(
    "name", ["samples", "realstyle", "heldout", "seeds", "realnews-a", "realnews-b"]
)
def test_every_corpus_merges_alike_in_blocks(corpora: dict[str, pd.DataFrame], name: str) -> None:
    assert len(corpora[name]) > 0
    same_as_one_pass(corpora[name], 1, 7, 10_000)


def test_all_corpora_in_one_table_merge_alike_in_blocks(corpora: dict[str, pd.DataFrame]) -> None:
    frames = []
    for name, frame in corpora.items():  # ids are unique within a corpus only
        frame = frame.copy()
        frame["incident_id"] = name + "/" + frame["incident_id"]
        frame["report_id"] = name + "/" + frame["report_id"]
        frames.append(frame)
    same_as_one_pass(pd.concat(frames, ignore_index=True), 1, 25, 500)


PLACES = [
    "us-embassy-baghdad", "green-zone", "baghdad", "baghdad-airport", "camp-taji",
    "erbil", "erbil-air-base", "ain-al-asad", "anbar", "iraq", "syria", "sadr-city",
    None,
]  # fmt: skip


def random_mentions(seed: int, count: int) -> pd.DataFrame:
    """Mentions crowded on a few places and weeks: days, months, years, undated, no place,
    countries, publication days on and after the attack's, many per report."""
    rng = random.Random(seed)
    known = default_gazetteer()
    places = [p for p in PLACES if p is None or p in known]
    first = dt.date(2021, 3, 25).toordinal()
    rows: list[dict[str, Any]] = []
    for n in range(count):
        report = f"r{rng.randrange(count // 3 + 1):04d}"
        day = dt.date.fromordinal(first + rng.randrange(14))
        kind = rng.choices(["day", "month", "year", "unknown"], [70, 15, 3, 12])[0]
        date = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}
        published = dt.date.fromordinal(day.toordinal() + rng.choice([0, 0, 1, 2]))
        rows.append(
            {
                "report_id": report,
                "incident_id": f"{report}-{n}",
                "date": date.get(kind),
                "date_precision": kind,
                "place_id": rng.choice(places),
                "weapon": rng.choice(["rocket", "missile", "drone", "explosive", None]),
                "killed": rng.choice([None, 0, 1, 2]),
                "published": published.isoformat(),
            }
        )
    frame = mapper.incident_frame(rows)
    frame["published"] = frame["published"].astype("string")
    # A report has one publication day, as read.
    frame["published"] = frame.groupby("report_id")["published"].transform("first")
    return frame


@pytest.mark.parametrize("seed", range(6))
def test_crowded_random_tables_merge_alike_in_blocks(seed: int) -> None:
    same_as_one_pass(random_mentions(seed, 400), 1, 3, 40)


def test_day_atoms_that_share_no_key_or_day_are_blocked_apart() -> None:
    day = 738000
    atoms = [
        Atom(day, day, "a", None, frozenset({"r1"})),
        Atom(day, day, "c", None, frozenset({"r2"})),
        Atom(day, day, "b", None, frozenset({"r3"})),
        Atom(day + 1, day + 1, "a", None, frozenset({"r4"})),
        Atom(day, day + 30, "a", None, frozenset({"r5"})),  # a month: not a day atom
        Atom(day, day, None, None, frozenset({"r6"})),  # no place: never merged
    ]
    keys = {"a": ("x", "y"), "b": ("y",), "c": ("z",), "wide": ("*",)}
    assert day_blocks(atoms, keys, size=1) == [[0, 2], [1], [3]]
    assert day_blocks(atoms, keys, size=10) == [[0, 2, 1, 3]]
    wide = [*atoms, Atom(day, day, "wide", None, frozenset({"r7"}))]
    assert day_blocks(wide, keys, size=1) == [[0, 1, 2, 6], [3]]
