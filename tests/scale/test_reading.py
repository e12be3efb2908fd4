"""Corpora as archives keep them: Parquet files and datasets, globs, ``.jsonl.gz``,
cut into parts by file and row group and read back exactly as one run reads them."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import mapper
from mapper.read import plan_parts, read_part, read_reports

TEXT = "Three rockets struck the Green Zone in Baghdad on Tuesday, police said."


def _rows(n: int, prefix: str = "p") -> list[dict[str, object]]:
    return [
        {
            "id": f"{prefix}{i}",
            "published": "2020-11-18",
            "title": f"Report {i}",
            "url": f"https://news.example.org/{i}",
            "source": "Example News",
            "text": TEXT,
        }
        for i in range(n)
    ]


def _parquet(path: Path, rows: list[dict[str, object]], row_group_size: int = 4) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=row_group_size)
    return path


def test_a_parquet_file_gives_one_report_a_row(tmp_path: Path) -> None:
    rows = _rows(3)
    rows[1]["id"] = None  # no id: <stem>-<row>
    for row in rows:  # a date column, as archives often type it
        row["published"] = dt.date(2021, 3, 4)
    reports = read_reports(_parquet(tmp_path / "wire.parquet", rows))
    assert [r.report_id for r in reports] == ["p0", "wire-2", "p2"]
    assert [r.line for r in reports] == [1, 2, 3]
    assert reports.reports[2].published == "2021-03-04"
    assert reports.reports[0].title == "Report 0" and reports.reports[0].text == TEXT


def test_bad_parquet_inputs_are_problems_not_crashes(tmp_path: Path) -> None:
    (tmp_path / "junk.parquet").write_bytes(b"not parquet at all")
    pq.write_table(pa.table({"body": ["x"]}), tmp_path / "notext.parquet")
    _parquet(tmp_path / "rows.parquet", [{"id": "a", "text": ""}, {"id": "b", "text": TEXT}])
    reports = read_reports(tmp_path)
    assert [r.report_id for r in reports] == ["b"]
    reasons = {(Path(p.path).name, p.line): p.reason for p in reports.problems}
    assert reasons[("junk.parquet", None)].startswith("not a readable Parquet file")
    assert reasons[("notext.parquet", None)] == "the Parquet schema has no 'text' column"
    assert reasons[("rows.parquet", 1)] == "no report text in the 'text' column"


def test_globs_and_partitioned_datasets(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    _parquet(archive / "2021-01.parquet", _rows(2, "a"))
    _parquet(archive / "2021-02.parquet", _rows(2, "b"))
    _parquet(archive / "2022-01.parquet", _rows(2, "c"))
    dataset = tmp_path / "dataset"
    _parquet(dataset / "year=2020" / "part-0.parquet", _rows(2, "d"))
    _parquet(dataset / "year=2021" / "part-0.parquet", _rows(2, "e"))
    ids = [r.report_id for r in read_reports([str(archive / "2021-*.parquet"), dataset])]
    assert ids == ["a0", "a1", "b0", "b1", "d0", "d1", "e0", "e1"]
    missing = read_reports([str(tmp_path / "none-*.parquet")])
    assert [p.reason for p in missing.problems] == ["no such file or folder"]


def test_jsonl_gz_reads_like_jsonl(tmp_path: Path) -> None:
    lines = "".join(json.dumps(row) + "\n" for row in _rows(3))
    (tmp_path / "a.jsonl").write_text(lines, encoding="utf-8")
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(lines.replace('"p', '"q').encode()))
    (tmp_path / "bad.jsonl.gz").write_bytes(b"\x1f\x8b broken")
    reports = read_reports(tmp_path)
    assert [r.report_id for r in reports] == ["p0", "p1", "p2", "q0", "q1", "q2"]
    assert [(Path(p.path).name, p.reason[:26]) for p in reports.problems] == [
        ("bad.jsonl.gz", "not a readable gzip file: ")
    ]


def test_parts_cut_by_row_group_read_back_the_whole(tmp_path: Path) -> None:
    _parquet(tmp_path / "big.parquet", _rows(10), row_group_size=3)  # groups of 3, 3, 3, 1
    (tmp_path / "note.md").write_text(f"---\nid: note\n---\n{TEXT}\n", encoding="utf-8")
    plan = plan_parts(tmp_path, part_reports=5)
    assert [(Path(p.files[0]).name, p.row_groups) for p in plan.parts] == [
        ("big.parquet", (0, 1)),
        ("big.parquet", (2, 3)),
        ("note.md", None),
    ]
    parts = [read_part(part) for part in plan.parts]
    whole = read_reports(tmp_path)
    assert [r for part in parts for r in part.reports] == whole.reports


def test_incident_tables_write_and_read_parquet(tmp_path: Path) -> None:
    incidents = mapper.merge_incidents(mapper.extract(mapper.read_reports(["samples/reports"])))
    mapper.write_incidents(incidents, tmp_path / "a.parquet")
    mapper.write_incidents(incidents, tmp_path / "b.parquet")
    assert (tmp_path / "a.parquet").read_bytes() == (tmp_path / "b.parquet").read_bytes()
    mapper.write_incidents(incidents, tmp_path / "a.csv")
    back = mapper.read_incidents(tmp_path / "a.parquet")
    assert back.equals(mapper.read_incidents(tmp_path / "a.csv"))
    with pytest.raises(mapper.IncidentTableError, match="not a readable Parquet"):
        (tmp_path / "c.parquet").write_bytes(b"nope")
        mapper.read_incidents(tmp_path / "c.parquet")


@pytest.mark.parametrize("part_reports", [1, 2, 3, 10])
def test_every_later_use_of_an_id_names_its_first_use_in_the_run(
    tmp_path: Path, part_reports: int
) -> None:
    from mapper.extract import format_summary, run_extraction
    from mapper.scale import extract_corpus

    first, later = _rows(2, "a"), _rows(3, "b")
    later[1]["id"] = later[2]["id"] = "a0"  # used twice more, in one part or two
    _parquet(tmp_path / "a.parquet", first, row_group_size=1)
    _parquet(tmp_path / "b.parquet", later, row_group_size=1)
    alone = run_extraction([tmp_path], progress=False)
    spread = extract_corpus([tmp_path], part_reports=part_reports, progress=False)
    summary = format_summary(spread.outcomes, spread.warnings)
    assert summary == format_summary(alone.outcomes, alone.warnings)
    streamed = extract_corpus(  # counts, ids and warnings on disk: the same summary
        [tmp_path], part_reports=part_reports, progress=False, write=lambda rows: None
    )
    assert format_summary(streamed.outcomes, streamed.warnings) == summary
    assert streamed.n_reports == alone.n_reports
    duplicates = [line for line in summary.splitlines() if "duplicate report id 'a0'" in line]
    assert len(duplicates) == 2
    assert all(f"(first used by {tmp_path / 'a.parquet'}:1)" in line for line in duplicates)
