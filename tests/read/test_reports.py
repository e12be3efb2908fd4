"""Reading reports: every format, folder indexes, and bad input that never stops a run."""

from __future__ import annotations

from pathlib import Path

import pytest

import mapper
from mapper import Report, ReportError, read_reports
from mapper.read.fields import parse_published
from mapper.read.reports import decode_report


def by_id(reports: mapper.ReportSet) -> dict[str, Report]:
    return {report.report_id: report for report in reports}


# --- the good fixtures, one per format --------------------------------------------


@pytest.fixture(scope="module")
def good(report_fixtures: Path) -> mapper.ReportSet:
    return read_reports(report_fixtures / "good")


def test_a_folder_is_read_recursively_in_sorted_order_without_hidden_files(good):
    assert [r.report_id for r in good] == [
        "brief-a",  # briefs.jsonl
        "brief-b",
        "embassy-note",  # embassy-note.txt
        "erbil-drone",  # sub/erbil-drone.html
        "taji-rockets",  # taji-rockets.md
        "wire-1",  # wire.csv
        "wire-4",
    ]
    assert good.problems == []
    assert good.warnings == []


def test_markdown_front_matter_gives_metadata_and_the_headline_is_not_repeated(good):
    report = by_id(good)["taji-rockets"]
    assert report.title == "Rockets strike Camp Taji north of Baghdad"
    assert report.published == "2020-03-12"  # written "12 March 2020"
    assert report.url == "https://news.example.org/taji-rockets"
    assert report.source == "Example Wire"
    assert report.line is None
    assert report.path.endswith("taji-rockets.md")
    # The "# heading" repeating the title is gone; emphasis and link targets too.
    assert report.text.startswith("About fifteen rockets came down on Camp Taji")
    assert "**" not in report.text and "example.org/statement" not in report.text
    assert "in a statement." in report.text


def test_plain_text_takes_its_first_line_as_the_title(good):
    report = by_id(good)["embassy-note"]
    assert report.title == "Green Zone hit again"
    assert report.text.startswith("Two rockets landed inside the Green Zone")
    assert "hit again" not in report.text
    assert report.published is None


def test_html_gives_article_text_without_navigation_captions_or_scripts(good):
    report = by_id(good)["erbil-drone"]
    assert report.title == "Drone attack near Erbil airport"
    assert report.published == "2021-04-14"
    assert report.url == "https://daily.example.com/erbil-drone"
    assert report.source == "Example Daily"
    assert report.text.startswith("An explosive-laden drone struck a hangar")
    assert "said & no one was injured" in report.text  # entities decoded
    assert "quickly put out" in report.text
    for left_out in ("Mosul news", "Kirkuk", "Basra", "Copyright", "tracking", "color"):
        assert left_out not in report.text
    assert "Drone attack near Erbil airport" not in report.text


def test_csv_rows_are_reports_with_their_line_numbers_and_ids(good):
    first, second = by_id(good)["wire-1"], by_id(good)["wire-4"]
    assert first.line == 2
    assert first.text.endswith("no deaths, officials said.")  # a quoted two-line cell
    assert first.title == "Missiles hit Ain al-Asad"
    assert first.published == "2020-01-08"
    # No id: "<stem>-<line>", and the record starts on line 4 after the two-line cell.
    assert second.line == 4
    assert second.published == "2020-11"
    assert second.url is None and second.source is None


def test_jsonl_lines_are_reports_and_blank_lines_are_skipped(good):
    first, second = by_id(good)["brief-a"], by_id(good)["brief-b"]
    assert (first.line, first.title, first.published) == (1, "Rockets on Erbil", "2021-02-15")
    assert (second.line, second.title, second.published) == (3, None, "2019-11")


def test_files_and_folders_can_be_mixed_and_each_file_is_read_once(report_fixtures):
    good = report_fixtures / "good"
    reports = read_reports([good / "wire.csv", good, str(good / "embassy-note.txt")])
    assert len(reports) == 7
    assert reports.problems == []


def test_a_missing_path_is_a_problem_not_a_crash(tmp_path):
    reports = read_reports([tmp_path / "nowhere"])
    assert len(reports) == 0
    assert str(reports.problems[0]) == f"{tmp_path / 'nowhere'}: no such file or folder"


# --- folder index ------------------------------------------------------------------


def test_an_index_csv_gives_dates_and_titles_to_its_sibling_files(report_fixtures):
    reports = read_reports(report_fixtures / "indexed")
    alpha, beta = by_id(reports)["alpha"], by_id(reports)["beta"]
    assert [r.report_id for r in reports] == ["alpha", "beta"]  # index.csv is not a report
    assert alpha.published == "2020-03-14"
    assert alpha.title == "More rockets fall on Taji"  # no title in the index: first line
    assert beta.published == "2019-12-27"
    assert beta.title == "K1 base attacked near Kirkuk"
    # The index renamed it, so the file's own first line is body text again.
    assert beta.text.startswith("Rocket fire at a base near Kirkuk\n\nMore than thirty")
    [warning] = reports.warnings
    assert warning.line == 4 and "missing.txt" in warning.reason
    assert reports.problems == []


def test_an_index_applies_when_a_single_file_is_named(report_fixtures):
    [alpha] = read_reports(report_fixtures / "indexed" / "alpha.txt")
    assert alpha.published == "2020-03-14"


def test_the_seed_reports_are_read_with_their_index_dates(seeds_dir):
    reports = read_reports(seeds_dir)
    assert reports.problems == []
    assert {r.report_id: r.published for r in reports} == {
        "000_0375662f1f6ed7a3": "2020-11-18",
        "003_cd20d35cbccdd65e": "2020-03-26",
        "004_b423eb8bf770f927": "2022-01-13",
    }
    seven_rockets = by_id(reports)["000_0375662f1f6ed7a3"]
    assert seven_rockets.title == "Iraq: seven rockets target US embassy"
    assert "Green Zone" in seven_rockets.text
    assert seven_rockets.title not in seven_rockets.text


# --- malformed input ---------------------------------------------------------------


@pytest.fixture(scope="module")
def malformed(report_fixtures: Path) -> mapper.ReportSet:
    return read_reports(report_fixtures / "malformed")


def problem_for(reports: mapper.ReportSet, name: str) -> ReportError:
    [problem] = [p for p in reports.problems if Path(p.path).name == name]
    return problem


def test_good_reports_among_malformed_ones_are_all_read(malformed):
    assert [r.report_id for r in malformed] == ["ok-1", "ok-3", "good-j1", "good-j3", "fine"]
    assert len(malformed.problems) == 7


@pytest.mark.parametrize(
    ("name", "line", "reason"),
    [
        ("binary.txt", 1, "a binary file, not text (NUL byte at byte 12)"),
        ("latin1.txt", 3, "not UTF-8 text (byte 0xE9 at byte 35); save it as UTF-8"),
        ("broken.csv", 3, "broken CSV row: 4 fields where the header has 3"),
        ("broken.jsonl", 2, "broken JSON line: Expecting ',' delimiter at column 49"),
        ("unclosed.md", 1, "front matter opened on this line is never closed by '---'"),
        ("empty.md", 4, "no report text"),
        ("notes.docx", None, "unknown extension '.docx'"),
    ],
)
def test_each_malformed_input_is_named_with_its_file_line_and_reason(malformed, name, line, reason):
    problem = problem_for(malformed, name)
    assert problem.line == line
    assert problem.reason.startswith(reason)
    where = f"{problem.path}:{line}" if line else problem.path
    assert str(problem).startswith(f"{where}: {reason}")


def test_front_matter_that_is_not_yaml_names_the_line(tmp_path):
    (tmp_path / "bad.md").write_text("---\ntitle: ok\nurl: [unclosed\n---\nRockets fell.\n")
    [problem] = read_reports(tmp_path).problems
    assert problem.line == 3 and "front matter is not valid YAML" in problem.reason


def test_a_bad_published_date_is_a_warning_and_the_report_is_still_read(tmp_path):
    (tmp_path / "a.md").write_text("---\npublished: sometime soon\n---\nRockets fell.\n")
    reports = read_reports(tmp_path)
    [report] = reports
    assert report.published is None and report.text == "Rockets fell."
    [warning] = reports.warnings
    assert "'sometime soon' is not a date" in warning.reason


def test_duplicate_ids_are_reported_not_overwritten(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "same.txt").write_text("One rocket fell.\n")
    (tmp_path / "b" / "same.txt").write_text("Two rockets fell.\n")
    reports = read_reports(tmp_path)
    [report] = reports
    assert report.text == "One rocket fell."
    [problem] = reports.problems
    assert problem.path == str(tmp_path / "b" / "same.txt")
    assert "duplicate report id 'same'" in problem.reason
    assert str(tmp_path / "a" / "same.txt") in problem.reason


def test_a_front_matter_id_names_the_report(tmp_path):
    (tmp_path / "x.md").write_text("---\nid: custom-7\n---\nRockets fell.\n")
    assert [r.report_id for r in read_reports(tmp_path)] == ["custom-7"]


def test_files_over_the_size_limit_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr("mapper.read.reports.MAX_FILE_BYTES", 10)
    (tmp_path / "big.txt").write_text("Rockets fell on the base at night.\n")
    [problem] = read_reports(tmp_path).problems
    assert problem.reason.startswith("too large: 35 bytes is over the 10-byte limit")


def test_long_texts_are_cut_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.setattr("mapper.read.reports.MAX_TEXT_CHARS", 12)
    (tmp_path / "long.md").write_text("---\ntitle: T\n---\nRockets fell on the base.\n")
    reports = read_reports(tmp_path)
    assert reports.reports[0].text == "Rockets fell"
    assert "text cut to its first 12 of 25 characters" in reports.warnings[0].reason


def test_a_csv_without_a_text_column_is_refused(tmp_path):
    (tmp_path / "t.csv").write_text("id,title\n1,A\n")
    [problem] = read_reports(tmp_path).problems
    assert (problem.line, problem.reason) == (1, "the header has no 'text' column")


def test_undecodable_bytes_refuse_only_their_own_csv_row(tmp_path):
    (tmp_path / "t.csv").write_bytes(b"id,text\na,Rockets fell.\nb,Caf\xe9 hit.\nc,Mortars.\n")
    reports = read_reports(tmp_path)
    assert [r.report_id for r in reports] == ["a", "c"]
    [problem] = reports.problems
    assert problem.line == 3 and problem.reason.startswith("not UTF-8")


# --- decoding and dates ------------------------------------------------------------


def test_utf8_with_a_byte_order_mark_and_utf16_are_decoded():
    assert decode_report("a.txt", "\ufeffRockets\r\nfell".encode()) == "Rockets\nfell"
    assert decode_report("a.txt", "Roquettes à Erbil".encode("utf-16")) == "Roquettes à Erbil"


def test_html_in_a_declared_charset_is_decoded(tmp_path):
    page = '<meta charset="windows-1252"><title>Caf\xe9</title><p>Rockets hit a caf\xe9.</p>'
    (tmp_path / "p.html").write_bytes(page.encode("cp1252"))
    [report] = read_reports(tmp_path)
    assert report.text == "Rockets hit a café."


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-11-18", "2020-11-18"),
        ("2020-11-18T21:30:00+03:00", "2020-11-18"),
        ("18 November 2020", "2020-11-18"),
        ("Wednesday, 18 Nov. 2020", "2020-11-18"),
        ("November 18, 2020", "2020-11-18"),
        ("2020-11", "2020-11"),
        ("November 2020", "2020-11"),
        ("", None),
        (None, None),
    ],
)
def test_published_dates_in_the_usual_forms(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["2020-02-30", "Smarch 2020", "last week", "2020"])
def test_published_values_that_are_not_dates_are_refused(value):
    with pytest.raises(ValueError, match="published date"):
        parse_published(value)


def test_yaml_dates_are_accepted(tmp_path):
    (tmp_path / "a.md").write_text("---\npublished: 2020-11-18 21:30:00\n---\nRockets.\n")
    assert read_reports(tmp_path).reports[0].published == "2020-11-18"


def test_hostile_nesting_and_markup_are_read_in_linear_time(tmp_path):
    # Quadratic parsing would take minutes on these; linear takes well under a second.
    (tmp_path / "deep.html").write_text("<article>" + "<div>rocket " * 50_000 + "</p>" * 50_000)
    (tmp_path / "stars.md").write_text("Headline\n\n" + "*a [" * 100_000)
    reports = read_reports(tmp_path)
    assert [r.report_id for r in reports] == ["deep", "stars"]
    assert reports.reports[0].text.startswith("rocket\n\nrocket")
    assert len(reports.warnings) == 2  # both cut at the text limit


def test_an_html_dateline_is_left_out_but_a_date_inside_a_sentence_is_kept(tmp_path):
    page = (
        "<main><h1>Rockets at dawn</h1><time datetime='2020-01-02'>2 January 2020</time>"
        "<p>On <time datetime='2020-01-01'>New Year's Day</time> rockets fell.</p></main>"
    )
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    [report] = read_reports(tmp_path)
    assert report.text == "On New Year's Day rockets fell."
    assert report.published == "2020-01-02"
