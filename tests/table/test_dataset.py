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


def _folder_with(path: Path, text: str) -> Path:
    path.mkdir()
    (path / "part-00000.parquet").write_text(text, encoding="utf-8")
    return path


def test_exchange_swaps_two_folders_in_one_step(tmp_path: Path) -> None:
    first, second = _folder_with(tmp_path / "a", "a"), _folder_with(tmp_path / "b", "b")
    if not dataset.exchange(first, second):
        pytest.skip("this system cannot swap two paths in one step (renameat2)")
    assert (first / "part-00000.parquet").read_text(encoding="utf-8") == "b"
    assert (second / "part-00000.parquet").read_text(encoding="utf-8") == "a"
    with pytest.raises(FileNotFoundError):
        dataset.exchange(first, tmp_path / "missing")


def test_the_new_folder_takes_the_old_ones_place_with_no_moment_without_a_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 14 item 4: a kill at any moment of the commit leaves one whole table there.
    out = _folder_with(tmp_path / "incidents.parquet", "old")
    if not dataset.exchange(_folder_with(tmp_path / "x", "x"), _folder_with(tmp_path / "y", "y")):
        pytest.skip("this system cannot swap two paths in one step (renameat2)")
    seen: list[str] = []
    replace, rmtree = dataset.os.replace, dataset.shutil.rmtree

    def spy_replace(source: Path, target: Path) -> None:
        seen.append(f"replace {Path(target).name}")
        replace(source, target)

    def spy_rmtree(path: Path, ignore_errors: bool = False) -> None:
        seen.append(f"remove {(Path(path) / 'part-00000.parquet').read_text(encoding='utf-8')}")
        assert (out / "part-00000.parquet").read_text(encoding="utf-8") == "new"
        rmtree(path, ignore_errors=ignore_errors)

    monkeypatch.setattr(dataset.os, "replace", spy_replace)
    monkeypatch.setattr(dataset.shutil, "rmtree", spy_rmtree)
    writer = dataset.DatasetWriter(out)
    (writer._folder / "part-00000.parquet").write_text("new", encoding="utf-8")
    writer.commit()
    assert seen == ["remove old"]  # swapped, never renamed away
    assert sorted(p.name for p in tmp_path.iterdir()) == ["incidents.parquet", "x", "y"]


def test_where_folders_cannot_be_swapped_two_renames_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _folder_with(tmp_path / "incidents.parquet", "old")
    monkeypatch.setattr(dataset, "exchange", lambda first, second: False)
    writer = dataset.DatasetWriter(out)
    (writer._folder / "part-00000.parquet").write_text("new", encoding="utf-8")
    writer.commit()
    assert (out / "part-00000.parquet").read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["incidents.parquet"]
