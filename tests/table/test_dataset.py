"""``-o DIR.parquet``: an incident table as a folder of Parquet parts, written part by
part (a streamed run, a part of the corpus a file) and read back whole."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import mapper
from mapper.cli import main
from mapper.table import dataset

pytest.importorskip("pyarrow")
ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "samples" / "reports"


def test_a_table_written_into_a_folder_reads_back_as_the_file_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    incidents = mapper.merge_incidents(mapper.extract(mapper.read_reports([REPORTS])))
    single = tmp_path / "one.parquet"
    mapper.write_incidents(incidents, single)
    folder = tmp_path / "many.parquet"
    folder.mkdir()
    (folder / "stale.parquet").write_bytes(single.read_bytes())  # replaced, not kept
    monkeypatch.setattr(dataset, "PART_ROWS", 25)
    mapper.write_incidents(incidents, folder)
    parts = sorted(p.name for p in folder.iterdir())
    assert parts == [f"part-{n:05d}.parquet" for n in range(-(-len(incidents) // 25))]
    pd.testing.assert_frame_equal(mapper.read_incidents(folder), mapper.read_incidents(single))
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_streamed_run_writes_a_part_per_part_of_the_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "incidents.parquet"
    out.mkdir()
    assert main(["extract", str(REPORTS), "--no-merge", "-o", str(out)]) == 0
    assert "wrote 99 incident rows" in capsys.readouterr().err
    whole = tmp_path / "whole.parquet"
    mapper.write_incidents(mapper.extract(mapper.read_reports([REPORTS]), progress=False), whole)
    pd.testing.assert_frame_equal(mapper.read_incidents(out), mapper.read_incidents(whole))
    assert len(list(out.glob("part-*.parquet"))) >= 1


def test_a_run_that_stops_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "incidents.parquet"
    out.mkdir()
    (out / "part-00000.parquet").write_bytes(b"old")
    bad = ROOT / "tests" / "fixtures" / "reports" / "malformed"
    assert main(["extract", str(bad), "--no-merge", "-o", str(out), "--strict"]) == 1
    assert [p.name for p in out.iterdir()] == ["part-00000.parquet"]
    assert (out / "part-00000.parquet").read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_empty_folder_is_no_table(tmp_path: Path) -> None:
    empty = tmp_path / "empty.parquet"
    empty.mkdir()
    with pytest.raises(mapper.IncidentTableError, match=r"no \.parquet part"):
        mapper.read_incidents(empty)
