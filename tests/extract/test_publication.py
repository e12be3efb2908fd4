"""What the publication date lets an incident say (``mapper/extract/publication.py``).

Issue 10 ("Dates"): a missing publication date is never filled from elsewhere, and the
run warns, per report, that its relative dates could not be resolved. Issue 14: no
incident is dated after its report's publication.
"""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import mapper
from mapper.extract import problem_lines, run_extraction
from mapper.extract.publication import check_date, unresolved_dates

HINT = "give the report one (front matter, index.csv) or pass --published DATE"


def run(tmp_path: Path, text: str, published: str | None = None, name: str = "r.md"):
    """Extract one report written to *name*; return its rows and the run's warning lines."""
    front = f"---\npublished: {published}\n---\n" if published else ""
    path = tmp_path / name
    path.write_text(f"{front}{text}\n", encoding="utf-8")
    extraction = run_extraction(mapper.read_reports([path]))
    rows = extraction.incidents[["place_id", "date", "date_precision"]].astype(object)
    table = list(rows.where(rows.notna(), None).itertuples(index=False, name=None))
    return table, problem_lines(extraction.outcomes, extraction.warnings), path


def test_a_report_without_a_date_warns_once_naming_its_relative_dates(tmp_path: Path) -> None:
    text = (
        "Two rockets hit Camp Taji on Tuesday, wounding one soldier. "
        "A drone struck Erbil airport yesterday. Mortars hit Balad air base on Tuesday."
    )
    rows, lines, path = run(tmp_path, text)
    assert rows == [
        ("camp-taji", None, "unknown"),
        ("erbil-air-base", None, "unknown"),
        ("balad-air-base", None, "unknown"),
    ]
    assert lines == [
        f"{path}: warning: no publication date: relative dates ('Tuesday', 'yesterday') "
        f"left unresolved; {HINT}"
    ]


def test_a_report_with_only_absolute_dates_needs_no_warning(tmp_path: Path) -> None:
    rows, lines, _ = run(tmp_path, "On 11 March 2020, two rockets hit Camp Taji.")
    assert rows == [("camp-taji", "2020-03-11", "day")]
    assert lines == []


def test_a_day_and_month_without_a_year_is_relative_too(tmp_path: Path) -> None:
    rows, lines, path = run(tmp_path, "On 11 March, two rockets hit Camp Taji.")
    assert rows == [("camp-taji", None, "unknown")]
    assert lines == [
        f"{path}: warning: no publication date: relative dates ('11 March') left unresolved; {HINT}"
    ]


def test_a_month_only_publication_fixes_the_year_but_not_the_weekday(tmp_path: Path) -> None:
    text = "Rockets struck Balad air base on Sunday.\n\nOn 2 June, a roadside bomb struck Taji."
    rows, lines, path = run(tmp_path, text, published="2021-06")
    assert rows == [("balad-air-base", None, "unknown"), ("taji", "2021-06-02", "day")]
    assert lines == [
        f"{path}: warning: publication date 2021-06 gives no day: relative dates ('Sunday') "
        "left unresolved"
    ]


def test_a_full_publication_date_resolves_them_without_a_warning(tmp_path: Path) -> None:
    rows, lines, _ = run(tmp_path, "Two rockets hit Camp Taji on Tuesday.", "2020-11-18")
    assert rows == [("camp-taji", "2020-11-17", "day")]
    assert lines == []


def test_a_year_from_another_sentence_never_dates_an_undated_reports_incident(
    tmp_path: Path,
) -> None:
    # The walk carries the narrative's date ("in 2014") to a clause whose own day it
    # cannot resolve; the incident's own "on Tuesday" says it is not that date.
    text = (
        "US troops were deployed to Camp Taji in 2014. "
        "Two rockets hit Camp Taji on Tuesday, wounding one soldier."
    )
    assert run(tmp_path, text)[0] == [("camp-taji", None, "unknown")]
    assert run(tmp_path, text, "2020-11-18")[0] == [("camp-taji", "2020-11-17", "day")]


def test_a_later_sentences_month_never_dates_an_incident_told_by_its_weekday(
    tmp_path: Path,
) -> None:
    text = (
        "Three rockets struck Balad air base on Sunday night, a security source said.\n\n"
        "Lockheed Martin withdrew most of its staff from Balad in May.\n\n"
        "Security forces later found the launcher, with one unfired rocket, near Dujail."
    )
    assert run(tmp_path, text, "2021-06")[0] == [("balad-air-base", None, "unknown")]


def test_story_relative_dates_still_count_from_an_explicit_date(tmp_path: Path) -> None:
    text = (
        "On 11 March 2020, rockets hit Camp Taji. "
        "A day later, on Thursday, mortars hit Balad air base."
    )
    rows, lines, path = run(tmp_path, text)
    assert rows == [("camp-taji", "2020-03-11", "day"), ("balad-air-base", "2020-03-12", "day")]
    assert lines == [
        f"{path}: warning: no publication date: relative dates ('Thursday') left unresolved; {HINT}"
    ]


def test_an_incident_is_never_dated_after_its_report(tmp_path: Path) -> None:
    rows, lines, path = run(tmp_path, "On 11 March 2021, rockets hit Camp Taji.", "2020-11-18")
    assert rows == [("camp-taji", None, "unknown")]
    assert lines == [
        f"{path}: warning: incident r-1: date 2021-03-11 is after the report's publication "
        "(2020-11-18); left unknown"
    ]


def test_only_a_date_that_must_lie_after_publication_is_dropped(tmp_path: Path) -> None:
    assert run(tmp_path, "Rockets hit Camp Taji in 2021.", "2020-11-18")[0] == [
        ("camp-taji", None, "unknown")
    ]
    assert run(tmp_path, "Rockets hit Camp Taji in 2020.", "2020-11-18")[0] == [
        ("camp-taji", "2020", "year")
    ]
    assert run(tmp_path, "Rockets hit Camp Taji on 25 November.", "2020-11")[0] == [
        ("camp-taji", "2020-11-25", "day")
    ]


def test_a_far_future_publication_still_dates_relative_days(tmp_path: Path) -> None:
    # Reading warns about the date itself (tests/read/test_published.py); it is kept.
    rows, _, _ = run(tmp_path, "Rockets hit Camp Taji yesterday.", "2099-01-01")
    assert rows == [("camp-taji", "2098-12-31", "day")]


def test_unresolved_dates_are_those_publication_would_resolve() -> None:
    text = "On Tuesday, yesterday, on 11 March, in March, on 31 February and on 5 May 2020."
    assert unresolved_dates(text, None) == ["Tuesday", "yesterday", "11 March", "March"]
    assert unresolved_dates(text, "2020-06") == ["Tuesday", "yesterday"]
    assert unresolved_dates(text, "2020-06-15") == []


def _first_day(date: str) -> dt.date:
    year, month, day = (int(part) for part in (*date.split("-"), "1", "1")[:3])
    return dt.date(year, month, day)


def _last_day(date: str) -> dt.date:
    parts = [int(part) for part in date.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return dt.date(*parts)


_DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))
_PRECISIONS = st.sampled_from([("day", 10), ("month", 7), ("year", 4)])


@given(day=_DAYS, precision=_PRECISIONS, published=_DAYS, month_only=st.booleans())
def test_no_row_is_left_dated_after_publication(
    day: dt.date, precision: tuple[str, int], published: dt.date, month_only: bool
) -> None:
    date = day.isoformat()[: precision[1]]
    pub = published.isoformat()[: 7 if month_only else 10]
    row = {"date": date, "date_precision": precision[0], "quote": "Rockets hit Taji."}
    checked, warnings = check_date(row, pub)
    if _first_day(date) > _last_day(pub):
        assert (checked["date"], checked["date_precision"]) == (None, "unknown")
        assert warnings == [f"date {date} is after the report's publication ({pub}); left unknown"]
    else:
        assert checked == row
        assert warnings == []
