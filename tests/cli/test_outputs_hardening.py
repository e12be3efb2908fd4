"""Outputs that survive what goes wrong: huge figures, kills, a full disk.

Issue 14, items 2 and 4. Every file the product writes (the incident table, the map)
is written atomically, so the old file stays whole whatever happens during the write;
a figure no incident can have is refused per report and the run goes on.
"""

from __future__ import annotations

import errno
import io
import os
import random
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import mapper
from mapper.cli.main import main
from mapper.table import FIGURE_CEILING

GOOD_REPORT = "---\npublished: 2020-11-18\n---\nA mortar shell hit Camp Taji on Monday.\n"
OLD_MAP = "<!DOCTYPE html><title>the map from yesterday</title>\n" * 1000


def huge_report(sentence: str) -> str:
    return (
        "---\npublished: 2020-11-18\ntitle: Rockets hit Baghdad\n---\n"
        f"Three rockets hit the Green Zone in Baghdad on Tuesday. {sentence}\n"
    )


def synthetic_incidents(n: int, seed: int = 20201117) -> pd.DataFrame:
    """*n* made-up incidents over Iraq, as benchmarks/bench_render.py makes them."""
    rng = random.Random(seed)
    weapons = mapper.WEAPONS
    rows = [
        {
            "report_id": f"bench-{i // 3:06d}",
            "incident_id": f"bench-{i // 3:06d}-{i % 3 + 1}",
            "date": f"{rng.randint(2019, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "date_precision": "day",
            "place": "Camp Taji",
            "place_id": "camp-taji",
            "latitude": round(rng.uniform(29.5, 37.0), 5),
            "longitude": round(rng.uniform(39.5, 48.0), 5),
            "geo_precision": 1,
            "weapon": rng.choice(weapons),
            "projectiles": rng.choice([None, 1, 2, 3]),
            "killed": rng.choice([None, None, 0, 1, 2]),
            "injured": rng.choice([None, None, 0, 1, 4]),
            "quote": f"Synthetic incident number {i}, made up for a test.",
            "title": f"Synthetic report {i // 3}",
            "url": f"https://news.example/{i // 3}",
            "source": "Example News",
        }
        for i in range(n)
    ]
    return mapper.incident_frame(rows)


# --- 2. a figure no incident can have -----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "column", "value"),
    [
        ("99999999999999999999 people were injured.", "injured", "99999999999999999999"),
        ("The blast killed 9223372036854775808 people.", "killed", "9223372036854775808"),
        ("100,001 people were injured.", "injured", "100001"),
    ],
)
def test_a_huge_figure_is_refused_for_its_report_and_the_run_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sentence: str, column: str, value: str
) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "huge.md").write_text(huge_report(sentence), encoding="utf-8")
    (reports / "taji.md").write_text(GOOD_REPORT, encoding="utf-8")
    table = tmp_path / "incidents.csv"
    assert main(["build", str(reports), "-o", str(tmp_path / "map.html"),
                 "--incidents", str(table), "--no-merge"]) == 0  # fmt: skip
    err = capsys.readouterr().err
    assert (
        f"{reports / 'huge.md'}: warning: incident huge-1: {column} {value} is over "
        f"{FIGURE_CEILING:,}, too many for one incident; left empty"
    ) in err
    incidents = mapper.read_incidents(table).set_index("incident_id")
    assert list(incidents.index) == ["huge-1", "taji-1"]
    assert incidents.loc["huge-1", column] is pd.NA
    assert incidents.loc["huge-1", "place"] == "Green Zone"  # the rest of the row is kept
    assert (tmp_path / "map.html").stat().st_size > 0


def test_a_figure_at_the_ceiling_is_kept(tmp_path: Path) -> None:
    (tmp_path / "many.md").write_text(
        huge_report(f"{FIGURE_CEILING} people were injured."), encoding="utf-8"
    )
    run = mapper.extract(tmp_path)
    assert run["injured"].tolist() == [FIGURE_CEILING]


# --- 4. every output written atomically ---------------------------------------------


@pytest.fixture(scope="module")
def big_table(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20,000 synthetic incidents as a CSV: a map of about 6 MB."""
    path = tmp_path_factory.mktemp("big") / "incidents.csv"
    mapper.write_incidents(synthetic_incidents(20_000), path)
    return path


_KILLED_MID_WRITE = """
import resource, signal, sys
from mapper.cli.main import main
# Python ignores SIGXFSZ; the default action kills the process inside write(2) as soon
# as it writes past RLIMIT_FSIZE: a kill in the middle of writing the map.
signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), resource.RLIM_INFINITY))
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="needs POSIX file size limits")
def test_a_kill_while_writing_the_map_leaves_the_old_map_intact(
    tmp_path: Path, big_table: Path
) -> None:
    out = tmp_path / "map.html"
    out.write_text(OLD_MAP, encoding="utf-8")
    limit = 1 << 20
    done = subprocess.run(
        [sys.executable, "-c", _KILLED_MID_WRITE, str(limit), "render", str(big_table),
         "-o", str(out), "--tiles", "none"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == -signal.SIGXFSZ, done.stderr
    assert out.read_text(encoding="utf-8") == OLD_MAP
    # Killed halfway: the half-written temporary file is all that is left of the new map.
    (leftover,) = [p for p in tmp_path.iterdir() if p != out]
    assert leftover.name.startswith(".map.html.") and leftover.name.endswith(".tmp")
    assert leftover.stat().st_size == limit


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 512 KiB tmpfs, mounted for the test; skipped where mounting is not allowed."""
    disk = tmp_path / "disk"
    disk.mkdir()
    try:
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(disk)],
            capture_output=True, text=True, timeout=30,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError) as error:
        pytest.skip(f"cannot mount a small tmpfs to fill: {error}")
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs to fill (needs root): {mounted.stderr.strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True, check=False)


def test_a_full_disk_leaves_the_old_map_and_table_intact_with_a_clear_error(
    tmp_path: Path, full_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "incidents.csv"
    mapper.write_incidents(synthetic_incidents(3_000), table)  # a map of about 1.1 MB
    old_map, old_table = full_disk / "map.html", full_disk / "incidents.csv"
    old_map.write_text(OLD_MAP, encoding="utf-8")
    old_table.write_text("the table from yesterday\n", encoding="utf-8")

    assert main(["render", str(table), "-o", str(old_map)]) == 2
    assert capsys.readouterr().err == (
        f"mapper render: error: {old_map}: cannot write the map: No space left on device "
        "(any map already there is left as it was)\n"
    )
    assert old_map.read_text(encoding="utf-8") == OLD_MAP

    with pytest.raises(mapper.IncidentTableError, match="No space left on device"):
        mapper.write_incidents(synthetic_incidents(3_000), old_table)
    assert old_table.read_text(encoding="utf-8") == "the table from yesterday\n"
    assert sorted(p.name for p in full_disk.iterdir()) == ["incidents.csv", "map.html"]


def test_build_writes_the_table_and_the_map_through_one_atomic_rename_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "taji.md").write_text(GOOD_REPORT, encoding="utf-8")
    renamed: list[tuple[str, str]] = []
    replace = os.replace

    def spy(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        renamed.append((Path(source).name, Path(target).name))
        replace(source, target)

    monkeypatch.setattr(os, "replace", spy)
    out = tmp_path / "out"
    out.mkdir()
    for name in ("map.html", "incidents.geojson"):  # an old file of each to replace
        (out / name).write_text("old", encoding="utf-8")
    assert main(["build", str(tmp_path / "taji.md"), "-o", str(out / "map.html"),
                 "--incidents", str(out / "incidents.geojson"), "--quiet"]) == 0  # fmt: skip
    assert [target for _, target in renamed] == ["incidents.geojson", "map.html"]
    assert all(source.startswith(f".{target}.") for source, target in renamed)
    assert sorted(p.name for p in out.iterdir()) == ["incidents.geojson", "map.html"]


def test_the_apis_map_save_is_atomic_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # mapper.render(...).save("map.html"), as the package docstring shows it.
    fmap = mapper.render(synthetic_incidents(30), tiles=None)
    page = fmap.get_root().render().encode("utf-8")
    out = tmp_path / "map.html"
    out.write_text(OLD_MAP, encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", disk_full)
        with pytest.raises(OSError, match="No space left on device"):
            fmap.save(out)
    assert out.read_text(encoding="utf-8") == OLD_MAP
    assert list(tmp_path.iterdir()) == [out]
    fmap.save(str(out))
    assert out.read_bytes() == page
    handle = io.BytesIO()
    fmap.save(handle, close_file=False)  # an open file is written as folium writes it
    assert handle.getvalue() == page
