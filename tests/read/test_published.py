"""Publication dates: a report's own date wins, a missing one is never filled unasked.

Issue 10 ("Dates": a user can supply the date, ``published=DATE`` for a run or a
file's modification time only when asked) and issue 14 (publication dates far in the
future are warned about). The clock is ``mapper.read.published.today``: every test
that needs "today" sets it, so none depends on the day it runs.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

import mapper
from mapper.read import given_publication_date, published

TODAY = dt.date(2026, 1, 10)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    """Make the mapper's one clock say :data:`TODAY`."""
    monkeypatch.setattr(published, "today", lambda: TODAY)
    return TODAY


def write(folder: Path, name: str, body: str, front: str = "") -> Path:
    path = folder / name
    path.write_text(f"---\n{front}---\n{body}\n" if front else f"{body}\n", encoding="utf-8")
    return path


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """A folder of reports with and without their own publication dates."""
    folder = tmp_path / "reports"
    folder.mkdir()
    write(folder, "undated.md", "Two rockets hit Camp Taji on Tuesday. Troops came in 2014.")
    write(folder, "dated.md", "A drone struck Erbil airport yesterday.", "published: 2021-05-04\n")
    write(folder, "month.md", "Rockets hit Balad on Sunday.", "published: May 2021\n")
    (folder / "wire.csv").write_text(
        "id,published,text\nw1,,Mortars hit Taji on Monday.\nw2,2019-11-08,Rockets hit Basra.\n",
        encoding="utf-8",
    )
    return folder


def dates(report_set: mapper.ReportSet) -> dict[str, str | None]:
    return {report.report_id: report.published for report in report_set}


def test_a_report_without_a_date_stays_undated_by_default(reports: Path, clock: dt.date) -> None:
    # Neither the year in its text nor the file's modification time fills it.
    os.utime(reports / "undated.md", (1_600_000_000, 1_600_000_000))
    read = mapper.read_reports([reports])
    assert dates(read) == {
        "dated": "2021-05-04",
        "month": "2021-05",
        "undated": None,
        "w1": None,
        "w2": "2019-11-08",
    }
    assert read.warnings == []


@pytest.mark.parametrize("given", ["2020-11-18", dt.date(2020, 11, 18), " 2020-11-18 "])
def test_published_dates_only_the_reports_without_their_own(
    reports: Path, clock: dt.date, given: str | dt.date
) -> None:
    read = mapper.read_reports([reports], published=given)
    # A report's own date always wins, even one that gives only the month.
    assert dates(read) == {
        "dated": "2021-05-04",
        "month": "2021-05",
        "undated": "2020-11-18",
        "w1": "2020-11-18",
        "w2": "2019-11-08",
    }


def test_published_may_give_only_a_month(reports: Path, clock: dt.date) -> None:
    assert dates(mapper.read_reports([reports], published="2020-11"))["undated"] == "2020-11"


def test_an_index_date_is_the_reports_own(tmp_path: Path, clock: dt.date) -> None:
    write(tmp_path, "a.txt", "Rockets hit Taji on Tuesday.")
    (tmp_path / "index.csv").write_text("file,published\na.txt,2019-03-02\n", encoding="utf-8")
    assert dates(mapper.read_reports([tmp_path], published="2020-11-18")) == {"a": "2019-03-02"}


def test_published_mtime_takes_each_files_modification_day_only_when_asked(
    reports: Path, clock: dt.date
) -> None:
    stamp = dt.datetime(2020, 11, 18, 12, 0, tzinfo=dt.timezone.utc).timestamp()
    for path in reports.iterdir():
        os.utime(path, (stamp, stamp))
    day = dt.date.fromtimestamp(stamp).isoformat()  # local time, as `ls -l` shows it
    read = mapper.read_reports([reports], published="mtime")
    assert dates(read) == {
        "dated": "2021-05-04",
        "month": "2021-05",
        "undated": day,
        "w1": day,
        "w2": "2019-11-08",
    }
    assert dates(mapper.read_reports([reports]))["undated"] is None


def test_a_date_that_is_not_one_takes_the_given_date_with_a_warning(
    tmp_path: Path, clock: dt.date
) -> None:
    path = write(tmp_path, "odd.md", "Rockets hit Taji on Tuesday.", "published: soon\n")
    read = mapper.read_reports([path], published="2020-11-18")
    assert dates(read) == {"odd": "2020-11-18"}
    assert [str(w) for w in read.warnings] == [
        f"{path}: published date 'soon' is not a date like 2020-11-18 or November 2020; "
        "2020-11-18, given for undated reports, used instead"
    ]


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("2020-13-01", "publication date '2020-13-01' is not a real day or month"),
        ("2021-02-29", "publication date '2021-02-29' is not a real day or month"),
        ("18 Nov 2020", "publication date '18 Nov 2020' is not YYYY-MM-DD, YYYY-MM or 'mtime'"),
        ("2020", "publication date '2020' is not YYYY-MM-DD, YYYY-MM or 'mtime'"),
        ("yesterday", "publication date 'yesterday' is not YYYY-MM-DD, YYYY-MM or 'mtime'"),
        (
            "2026-01-12",
            "publication date '2026-01-12' is in the future (after tomorrow, 2026-01-11)",
        ),
        ("2099-01", "publication date '2099-01' is in the future (after tomorrow, 2026-01-11)"),
    ],
)
def test_a_bad_published_value_is_refused_before_anything_is_read(
    reports: Path, clock: dt.date, monkeypatch: pytest.MonkeyPatch, given: str, message: str
) -> None:
    def no_walk(*args: object) -> None:
        raise AssertionError("the folders were walked before the date was checked")

    monkeypatch.setattr("mapper.read.reports.collect_files", no_walk)
    with pytest.raises(ValueError) as refused:
        mapper.read_reports([reports], published=given)
    assert str(refused.value) == message


def test_tomorrow_is_a_valid_publication_date(clock: dt.date) -> None:
    # A paper's date runs up to a day ahead of the reader's clock across time zones.
    assert given_publication_date("2026-01-11") == "2026-01-11"
    assert given_publication_date("2026-01") == "2026-01"
    assert given_publication_date("MTIME") == "mtime"


def test_a_publication_date_in_the_future_is_kept_with_a_warning_naming_the_file(
    tmp_path: Path, clock: dt.date
) -> None:
    for name, when in [
        ("tomorrow", "2026-01-11"),
        ("in-two-days", "2026-01-12"),
        ("next-month", "2026-02"),
        ("this-month", "2026-01"),
        ("far", "2099-01-01"),
        ("farthest", "9999-12-31"),
    ]:
        write(tmp_path, f"{name}.md", "Rockets hit Taji.", f"published: {when}\n")
    read = mapper.read_reports([tmp_path])
    assert dates(read)["farthest"] == "9999-12-31"  # kept: the warning asks to check it
    assert sorted(str(w) for w in read.warnings) == [
        f"{tmp_path / name}.md: published date {when} is in the future (after tomorrow, "
        "2026-01-11); kept, but check it: relative dates count from it"
        for name, when in [
            ("far", "2099-01-01"),
            ("farthest", "9999-12-31"),
            ("in-two-days", "2026-01-12"),
            ("next-month", "2026-02"),
        ]
    ]


def test_the_clock_decides_what_is_the_future(tmp_path: Path, monkeypatch) -> None:
    write(tmp_path, "a.md", "Rockets hit Taji.", "published: 2030-06-01\n")
    monkeypatch.setattr(published, "today", lambda: dt.date(2030, 5, 1))
    assert len(mapper.read_reports([tmp_path]).warnings) == 1
    monkeypatch.setattr(published, "today", lambda: dt.date(2030, 6, 1))
    assert mapper.read_reports([tmp_path]).warnings == []


@pytest.mark.parametrize(
    ("byline", "day"),
    [
        ("By A. Writer | Published 3 July 2022, 17:25 GMT", "2022-07-03"),
        ("Staff | Posted on March 14, 2021", "2021-03-14"),
        ("First published: 2021-03-14", "2021-03-14"),
        ("Updated 4 July 2022, 09:00 GMT", None),  # a later day, not publication
        ("Monday, 4 July 2022", None),  # a date alone: a page header's, a trap
    ],
)
def test_a_byline_dates_a_report_without_its_own_date(tmp_path, clock, byline, day):
    write(tmp_path, "r.md", f"Drone hits car\n\n{byline}\n\nA drone struck a car on Sunday.")
    [report] = mapper.read_reports(tmp_path).reports
    assert report.published == day


def test_the_reports_own_date_wins_over_its_byline(tmp_path, clock):
    write(tmp_path, "r.md", "Published 3 July 2022\n\nText.", front="published: 2022-07-04\n")
    [report] = mapper.read_reports(tmp_path).reports
    assert report.published == "2022-07-04"
