"""``--published DATE|mtime`` on ``mapper extract`` and ``mapper build``, and the date
warnings every run prints (issue 10 "Dates", issue 14 "Should fix").

The clock is ``mapper.read.published.today``; tests that need "today" set it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from mapper import read_incidents
from mapper.cli.main import main
from mapper.read import published

HINT = "give the report one (front matter, index.csv) or pass --published DATE"


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    today = dt.date(2026, 1, 10)
    monkeypatch.setattr(published, "today", lambda: today)
    return today


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """One report without a publication date, one with its own."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "undated.md").write_text(
        "Two rockets hit Camp Taji on Tuesday, wounding one soldier.\n", encoding="utf-8"
    )
    (folder / "dated.md").write_text(
        "---\npublished: 2021-05-04\n---\nA drone struck Erbil airport yesterday.\n",
        encoding="utf-8",
    )
    return folder


def dates(table: Path) -> dict[str, tuple[object, object]]:
    """report_id -> (date, published) of a raw incident table."""
    frame = read_incidents(table).astype(object)
    frame = frame.where(frame.notna(), None)
    return {row.report_id: (row.date, row.published) for row in frame.itertuples()}


def test_extract_warns_about_relative_dates_a_missing_date_leaves_unresolved(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], clock: dt.date
) -> None:
    out = tmp_path / "incidents.csv"
    assert main(["extract", str(reports), "-o", str(out), "--no-merge"]) == 0
    assert capsys.readouterr().err.splitlines() == [
        "2 reports: 2 with incidents (2 incidents), 0 with none, 0 unreadable",
        f"{reports / 'undated.md'}: warning: no publication date: relative dates ('Tuesday') "
        f"left unresolved; {HINT}",
        f"wrote 2 incident rows to {out}",
    ]
    assert dates(out) == {"dated": ("2021-05-03", "2021-05-04"), "undated": (None, None)}


def test_quiet_still_prints_the_date_warnings(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], clock: dt.date
) -> None:
    out = tmp_path / "incidents.csv"
    assert main(["extract", str(reports), "-o", str(out), "--quiet"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{reports / 'undated.md'}: warning: no publication date: relative dates "
        f"('Tuesday') left unresolved; {HINT}"
    ]


def test_published_dates_the_reports_without_their_own(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], clock: dt.date
) -> None:
    out = tmp_path / "incidents.csv"
    argv = ["extract", str(reports), "-o", str(out), "--no-merge", "--published", "2020-11-18"]
    assert main(argv) == 0
    assert "warning" not in capsys.readouterr().err
    # The report's own date wins: only the undated one counts from 2020-11-18.
    assert dates(out) == {
        "dated": ("2021-05-03", "2021-05-04"),
        "undated": ("2020-11-17", "2020-11-18"),
    }


def test_published_mtime_takes_the_files_modification_day_only_when_asked(
    reports: Path, tmp_path: Path, clock: dt.date
) -> None:
    stamp = dt.datetime(2020, 11, 18, 12, 0, tzinfo=dt.timezone.utc).timestamp()
    os.utime(reports / "undated.md", (stamp, stamp))
    day = dt.date.fromtimestamp(stamp)  # local time, as `ls -l` shows it
    out = tmp_path / "incidents.csv"
    assert (
        main(["extract", str(reports), "-o", str(out), "--no-merge", "--published", "mtime"]) == 0
    )
    tuesday = day - dt.timedelta(days=(day.weekday() - 1) % 7)
    assert dates(out)["undated"] == (tuesday.isoformat(), day.isoformat())
    assert main(["extract", str(reports), "-o", str(out), "--no-merge"]) == 0
    assert dates(out)["undated"] == (None, None)


def test_build_takes_published_too(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], clock: dt.date
) -> None:
    table, page = tmp_path / "incidents.csv", tmp_path / "map.html"
    argv = ["build", str(reports), "-o", str(page), "--incidents", str(table), "--no-merge"]
    assert main([*argv, "--published", "2020-11"]) == 0
    # A month pins "11 March" but not "Tuesday": the warning says so.
    assert capsys.readouterr().err.splitlines()[1] == (
        f"{reports / 'undated.md'}: warning: publication date 2020-11 gives no day: relative "
        "dates ('Tuesday') left unresolved"
    )
    assert dates(table)["undated"] == (None, "2020-11")
    assert page.is_file()


@pytest.mark.parametrize("command", ["extract", "build"])
@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2020-13-01", "publication date '2020-13-01' is not a real day or month"),
        ("18/11/2020", "publication date '18/11/2020' is not YYYY-MM-DD, YYYY-MM or 'mtime'"),
        (
            "2099-01-01",
            "publication date '2099-01-01' is in the future (after tomorrow, 2026-01-11)",
        ),
    ],
)
def test_a_bad_published_value_is_a_usage_error_before_any_work(
    reports: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    clock: dt.date,
    fake_extract: list[str],
    command: str,
    value: str,
    reason: str,
) -> None:
    out = tmp_path / ("incidents.csv" if command == "extract" else "map.html")
    with pytest.raises(SystemExit) as stopped:
        main([command, str(reports), "-o", str(out), "--published", value])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"mapper {command}: error: argument --published: {reason}"
    )
    assert fake_extract == []  # nothing was read or extracted
    assert not out.exists()


def test_an_incident_dated_after_its_report_is_left_undated_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], clock: dt.date
) -> None:
    report = tmp_path / "k9.md"
    report.write_text(
        "---\npublished: 2020-11-18\n---\nOn 11 March 2021, two rockets hit Camp Taji.\n",
        encoding="utf-8",
    )
    out = tmp_path / "incidents.csv"
    assert main(["extract", str(report), "-o", str(out), "--no-merge"]) == 0
    assert capsys.readouterr().err.splitlines()[1] == (
        f"{report}: warning: incident k9-1: date 2021-03-11 is after the report's publication "
        "(2020-11-18); left unknown"
    )
    assert dates(out) == {"k9": (None, "2020-11-18")}


def test_a_publication_date_far_in_the_future_is_kept_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], clock: dt.date
) -> None:
    report = tmp_path / "far.md"
    report.write_text(
        "---\npublished: 9999-12-31\n---\nTwo rockets hit Camp Taji.\n", encoding="utf-8"
    )
    out = tmp_path / "incidents.csv"
    assert main(["extract", str(report), "-o", str(out), "--no-merge"]) == 0
    assert capsys.readouterr().err.splitlines()[1] == (
        f"{report}: warning: published date 9999-12-31 is in the future (after tomorrow, "
        "2026-01-11); kept, but check it: relative dates count from it"
    )
    assert dates(out) == {"far": (None, "9999-12-31")}


@pytest.mark.parametrize("command", ["extract", "build"])
def test_help_explains_published(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "--published DATE publication date for reports that give none of their own" in text
    assert "'mtime' for each such file's modification day" in text
