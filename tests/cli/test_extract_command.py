"""``mapper extract``: reports in, a table out, and a summary of what was read."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from mapper import read_incidents
from mapper.cli.extract import register


def run(*argv: str | Path) -> int:
    """Run ``mapper extract`` with only this command registered."""
    parser = argparse.ArgumentParser(prog="mapper")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["extract", *map(str, argv)])
    return int(args.func(args))


def test_extract_writes_raw_mentions_and_summarises_to_stderr(
    fake_extract, report_fixtures, tmp_path, capsys
):
    out = tmp_path / "incidents.csv"
    assert run(report_fixtures / "good", "-o", out, "--no-merge") == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines[0] == "7 reports: 4 with incidents (4 incidents), 3 with none, 0 unreadable"
    assert lines[-1] == f"wrote 4 incident rows to {out}"
    incidents = read_incidents(out)
    assert incidents["incident_id"].tolist() == [
        "brief-a-1",
        "embassy-note-1",
        "taji-rockets-1",
        "wire-4-1",
    ]
    assert "n_reports" not in incidents.columns


def test_unreadable_inputs_are_listed_and_the_run_still_succeeds(
    fake_extract, report_fixtures, tmp_path, capsys
):
    out = tmp_path / "incidents.jsonl"
    assert run(report_fixtures / "malformed", "-o", out, "--no-merge") == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "12 reports: 3 with incidents (3 incidents), 2 with none, 7 unreadable"
    broken_csv = str(report_fixtures / "malformed" / "broken.csv")
    assert f"{broken_csv}:3: unreadable: broken CSV row: 4 fields where the header has 3" in err
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["report_id"] for row in rows] == ["ok-1", "good-j1", "fine"]


def test_quiet_drops_counts_but_still_lists_unreadable_inputs(
    fake_extract, report_fixtures, tmp_path, capsys
):
    out = tmp_path / "incidents.geojson"
    assert run(report_fixtures / "malformed", "-o", out, "--no-merge", "--quiet") == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 8
    assert all(": unreadable: " in line for line in err[:7])
    # Warnings stay too: this row has no publication date to pin its "Sunday" to.
    assert err[7].startswith(f"{report_fixtures / 'malformed' / 'broken.jsonl'}:1: warning: ")
    assert json.loads(out.read_text(encoding="utf-8"))["type"] == "FeatureCollection"


def test_merging_is_on_by_default(fake_extract, report_fixtures, tmp_path, capsys):
    out = tmp_path / "merged.csv"
    assert run(report_fixtures / "good", "-o", out) == 0
    merged = read_incidents(out)
    assert "n_reports" in merged.columns and "sources" in merged.columns
    assert merged["n_reports"].sum() == 4  # every raw mention is behind some row


def test_nothing_readable_exits_2_and_writes_nothing(fake_extract, tmp_path, capsys):
    (tmp_path / "only.bin").write_bytes(b"\x00\x01")
    out = tmp_path / "incidents.csv"
    assert run(tmp_path / "only.bin", "-o", out, "--no-merge") == 2
    err = capsys.readouterr().err
    assert "no report could be read; nothing written" in err
    assert not out.exists()


def test_an_unknown_output_format_is_a_usage_error(fake_extract, report_fixtures, tmp_path, capsys):
    out = tmp_path / "incidents.ods"
    assert run(report_fixtures / "good", "-o", out) == 2
    assert (
        "incidents.ods: an incident table must end in .csv, .geojson, .jsonl, .kml, "
        ".parquet, .xlsx" in capsys.readouterr().err
    )
    assert fake_extract == []  # refused before any work


def test_output_is_required():
    with pytest.raises(SystemExit) as raised:
        run("reports")
    assert raised.value.code == 2


def test_a_user_gazetteer_file_is_layered_on(fake_extract, report_fixtures, tmp_path, capsys):
    places = tmp_path / "places.csv"
    bad = "id,name,kind,latitude,longitude\nnew-place,New Place,town,not-a-number,44.0\n"
    places.write_text(bad, encoding="utf-8")
    from gazetteer import GazetteerError

    with pytest.raises(GazetteerError):  # the CLI turns this into "mapper extract: error:", exit 2
        run(report_fixtures / "good", "-o", tmp_path / "i.csv", "--gazetteer", places)


def test_a_rerun_into_the_report_folder_does_not_read_its_own_output(
    fake_extract, tmp_path, capsys
):
    (tmp_path / "a.txt").write_text("Headline\n\nA rocket fell on the base.\n")
    out = tmp_path / "incidents.csv"
    assert run(tmp_path, "-o", out, "--no-merge") == 0
    assert run(tmp_path, "-o", out, "--no-merge") == 0
    summary = capsys.readouterr().err.splitlines()
    assert summary.count("1 report: 1 with incidents (1 incident), 0 with none, 0 unreadable") == 2


def test_an_output_folder_that_does_not_exist_is_an_error_naming_it(
    fake_extract, report_fixtures, tmp_path
):
    from mapper import IncidentTableError

    out = tmp_path / "no" / "such" / "incidents.csv"
    with pytest.raises(IncidentTableError, match=r"incidents\.csv: cannot be written"):
        run(report_fixtures / "good", "-o", out, "--no-merge")


def test_the_seed_reports_end_to_end(seeds_dir, tmp_path, capsys):
    # The real extractor and gazetteer: the November 2020 embassy attack, read with
    # the publication date the seed folder's index.csv gives (18 November 2020).
    out = tmp_path / "seeds.jsonl"
    assert run(seeds_dir, "-o", out, "--no-merge", "--quiet") == 0
    assert capsys.readouterr().err == ""
    incidents = read_incidents(out)
    embassy = incidents[incidents["report_id"] == "000_0375662f1f6ed7a3"].iloc[0]
    assert embassy["date"] == "2020-11-17"  # "on Tuesday evening", the day before
    assert embassy["weapon"] == "rocket"
    assert embassy["killed"] == 1
    assert embassy["place_id"] in {"us-embassy-baghdad", "green-zone"}
    assert embassy["published"] == "2020-11-18"
