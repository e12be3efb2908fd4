"""The pipeline driver: incidents from many reports, and an account of every report."""

from __future__ import annotations

import pandas as pd
import pytest

import mapper
from mapper import Report, ReportSet, read_reports
from mapper.extract.pipeline import Outcome, extract_one, format_summary, run_extraction
from mapper.table.schema import INCIDENT_COLUMNS


def test_extract_numbers_incidents_per_report_and_copies_report_fields(
    fake_extract, small_gazetteer
):
    report = Report(
        "r1",
        "A rocket hit the base. Then nothing. Two more rockets fell later.",
        title="Rockets on the base",
        published="2020-11-18",
        url="https://example.org/r1",
        source="Example",
        path="r1.md",
    )
    incidents = mapper.extract([report], gazetteer=small_gazetteer, progress=False)
    assert list(incidents.columns[: len(INCIDENT_COLUMNS)]) == list(INCIDENT_COLUMNS)
    assert incidents["incident_id"].tolist() == ["r1-1", "r1-2"]
    assert incidents["quote"].tolist() == ["A rocket hit the base", "Two more rockets fell later"]
    assert set(incidents["title"]) == {"Rockets on the base"}
    assert set(incidents["url"]) == {"https://example.org/r1"}
    assert set(incidents["source"]) == {"Example"}
    assert set(incidents["published"]) == {"2020-11-18"}
    assert incidents["killed"].dtype == "Int64"


def test_every_input_gets_an_outcome_and_good_reports_survive_bad_ones(
    fake_extract, small_gazetteer, report_fixtures
):
    run = run_extraction(report_fixtures / "malformed", gazetteer=small_gazetteer, progress=False)
    statuses = {(o.report_id, o.status, o.n_incidents) for o in run.outcomes if o.report_id}
    assert statuses == {
        ("ok-1", "incidents", 1),
        ("ok-3", "none", 0),
        ("good-j1", "incidents", 1),
        ("good-j3", "none", 0),
        ("fine", "incidents", 1),
    }
    unreadable = [o for o in run.outcomes if o.status == "unreadable"]
    assert len(unreadable) == 7
    assert run.incidents["report_id"].tolist() == ["ok-1", "good-j1", "fine"]
    assert run.n_reports == 5


def test_a_report_the_extractor_fails_on_is_recorded_and_the_run_goes_on(
    fake_extract, small_gazetteer
):
    reports = [
        Report("bad", "explode-me with a rocket.", path="bad.md"),
        Report("good", "A rocket hit.", path="good.md"),
    ]
    run = run_extraction(reports, gazetteer=small_gazetteer, progress=False)
    assert run.incidents["report_id"].tolist() == ["good"]
    failed = run.outcomes[0]
    assert failed.status == "failed"
    assert failed.reason == "extraction failed: RuntimeError: stand-in extractor refused this text"
    assert fake_extract == ["bad", "good"]


def test_no_incidents_still_gives_the_documented_columns(fake_extract, small_gazetteer):
    run = run_extraction(
        ReportSet([Report("quiet", "Nothing happened.", path="q.md")]),
        gazetteer=small_gazetteer,
        progress=False,
    )
    assert run.incidents.empty
    assert list(run.incidents.columns[: len(INCIDENT_COLUMNS)]) == list(INCIDENT_COLUMNS)
    assert run.outcomes == [Outcome("quiet", "q.md", None, "none", 0)]


def test_extract_one_is_pure_and_repeatable(fake_extract, small_gazetteer):
    report = Report("r", "A rocket hit. Another rocket hit.", path="r.md")
    assert extract_one(report, small_gazetteer) == extract_one(report, small_gazetteer)


def test_paths_are_read_and_the_seeds_keep_their_dates(fake_extract, small_gazetteer, seeds_dir):
    run = run_extraction([seeds_dir], gazetteer=small_gazetteer, progress=False)
    assert {o.status for o in run.outcomes} == {"incidents"}
    by_report = run.incidents.groupby("report_id")["published"].first().to_dict()
    assert by_report == {
        "000_0375662f1f6ed7a3": "2020-11-18",
        "003_cd20d35cbccdd65e": "2020-03-26",
        "004_b423eb8bf770f927": "2022-01-13",
    }


def test_the_summary_counts_outcomes_and_lists_what_gave_nothing():
    outcomes = [
        Outcome("a", "a.md", None, "incidents", 2),
        Outcome("b", "b.md", None, "incidents", 1),
        Outcome("c", "t.csv", 3, "none", 0),
        Outcome(None, "t.csv", 4, "unreadable", 0, "broken CSV row: 4 fields"),
        Outcome("d", "d.md", None, "failed", 0, "extraction failed: KeyError: 'x'"),
    ]
    warning = mapper.ReportError("index.csv", "index row names 'gone.txt'", line=5)
    assert format_summary(outcomes, [warning]).split("\n") == [
        "5 reports: 2 with incidents (3 incidents), 1 with none, 1 unreadable, 1 failed",
        "t.csv:4: unreadable: broken CSV row: 4 fields",
        "d.md: failed: extraction failed: KeyError: 'x'",
        "index.csv:5: warning: index row names 'gone.txt'",
    ]


def test_the_summary_escapes_control_characters_from_file_names():
    outcomes = [Outcome(None, "evil\x1b[31m.txt", None, "unreadable", 0, "bad")]
    assert format_summary(outcomes).split("\n")[1] == "evil\\x1b[31m.txt: unreadable: bad"


def test_progress_is_shown_when_asked_and_silent_otherwise(fake_extract, small_gazetteer, capsys):
    reports = read_reports([])  # nothing to read is fine for the driver
    run_extraction(reports, gazetteer=small_gazetteer, progress=False)
    assert capsys.readouterr().err == ""
    run_extraction(
        [Report("r", "A rocket hit.", path="r.md")], gazetteer=small_gazetteer, progress=True
    )
    err = capsys.readouterr().err
    assert "1/1" in err and "incidents=1" in err


def test_something_that_is_not_reports_is_refused(small_gazetteer):
    with pytest.raises(TypeError, match="ReportSet, Reports, or file and folder paths"):
        run_extraction([1, 2], gazetteer=small_gazetteer)  # type: ignore[list-item]


def test_extract_returns_a_plain_dataframe(fake_extract, small_gazetteer):
    frame = mapper.extract([Report("r", "A rocket.", path="r.md")], gazetteer=small_gazetteer)
    assert isinstance(frame, pd.DataFrame)


def test_an_outcome_travels_to_another_process_whole() -> None:
    # Workers send each report's outcome back pickled; every field must come back.
    import pickle

    from mapper.extract.pipeline import Outcome

    outcome = Outcome("r1", "a.csv", 4, "incidents", 2, None, ("'yesterday' left unresolved",))
    assert pickle.loads(pickle.dumps(outcome)) == outcome
