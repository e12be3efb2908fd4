"""``mapper extract --no-merge`` to a CSV or JSON Lines table streams, a part of the
corpus at a time, and writes the bytes and the summary of the run that holds it all."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import mapper
from mapper.cli import main
from mapper.extract import format_summary, run_extraction

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Three rockets struck the Green Zone in Baghdad on Tuesday, police said."


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> list[Path]:
    """Samples, seeds and a Parquet file in small row groups: a row with no text, ids
    used again, a lone CR in a title."""
    folder = tmp_path_factory.mktemp("corpus")
    rows = [
        {"id": f"pq-{i}", "published": "2020-11-18", "title": f"Brief {i}", "text": TEXT}
        for i in range(30)
    ]
    rows[3]["text"] = None
    rows[12]["id"] = rows[20]["id"] = "pq-1"
    rows[7]["title"] = "Line one\rline two"
    pq.write_table(pa.Table.from_pylist(rows), folder / "archive.parquet", row_group_size=4)
    return [ROOT / "samples" / "reports", seeds_dir, folder / "archive.parquet"]


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_a_streamed_table_and_summary_are_the_whole_runs(
    corpus: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    out = tmp_path / f"incidents{suffix}"
    assert main(["extract", *map(str, corpus), "--no-merge", "-o", str(out)]) == 0
    summary = capsys.readouterr().err.splitlines()
    whole = run_extraction(mapper.read_reports(corpus), progress=False)
    expected = tmp_path / f"whole{suffix}"
    mapper.write_incidents(whole.incidents, expected)
    assert out.read_bytes() == expected.read_bytes()
    assert summary[:-1] == format_summary(whole.outcomes, whole.warnings).splitlines()
    assert summary[-1] == f"wrote {len(whole.incidents)} incident rows to {out}"
    assert any("duplicate report id 'pq-1'" in line for line in summary)


def test_a_streamed_run_that_must_stop_writes_nothing(
    corpus: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "incidents.csv"
    out.write_text("kept\n")
    strict = ["extract", str(corpus[2]), "--no-merge", "-o", str(out), "--strict"]
    assert main(strict) == 1
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["extract", str(empty), "--no-merge", "-o", str(out)]) == 2
    assert "no report could be read; nothing written" in capsys.readouterr().err
    assert out.read_text() == "kept\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("merge", [[], ["--no-merge"]])
def test_a_parquet_folder_named_with_a_slash_is_made_when_it_is_not_there(
    corpus: list[Path], tmp_path: Path, merge: list[str]
) -> None:
    folder, table = tmp_path / "incidents.parquet", tmp_path / "incidents.csv"
    assert main(["extract", str(corpus[2]), *merge, "-o", f"{folder}/", "--quiet"]) == 0
    assert main(["extract", str(corpus[2]), *merge, "-o", str(table), "--quiet"]) == 0
    assert [p.name for p in folder.iterdir()] == ["part-00000.parquet"]
    assert mapper.read_incidents(folder).equals(mapper.read_incidents(table))
    if not merge:  # build's --incidents too
        built, html = tmp_path / "built.parquet", str(tmp_path / "map.html")
        assert (
            main(["build", str(corpus[2]), "-o", html, "--incidents", f"{built}/", "--quiet"]) == 0
        )
        assert mapper.read_incidents(built).equals(mapper.read_incidents(table))


def test_a_parquet_folder_asked_for_is_not_left_behind_by_a_failed_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty, folder = tmp_path / "empty", tmp_path / "incidents.parquet"
    empty.mkdir()
    assert main(["extract", str(empty), "--no-merge", "-o", f"{folder}/"]) == 2
    assert (
        main(["build", str(empty), "-o", str(tmp_path / "map.html"), "--incidents", f"{folder}/"])
        == 2
    )
    assert "no report could be read" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty"]
