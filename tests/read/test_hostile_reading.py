"""Issue 14, reading: links, loops, locked folders, odd encodings and huge lines.

Each test builds its input the way the issue describes it and checks what a user relies
on: the run ends, every input that gave nothing is named once, the rest is read.
"""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import stat
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

import mapper
from mapper import read_incidents, read_reports
from mapper.cli.main import main
from mapper.read.tables import MAX_LINE_CHARS, bounded_lines

OK_TEXT = "Two rockets struck the Green Zone in Baghdad on Tuesday."
LOOP = os.strerror(errno.ELOOP)  # "Too many levels of symbolic links" on Linux
NOBODY = 65534


def ids(reports: mapper.ReportSet) -> list[str]:
    return [report.report_id for report in reports]


def problems(reports: mapper.ReportSet) -> list[str]:
    return [str(problem) for problem in reports.problems]


def warnings(reports: mapper.ReportSet) -> list[str]:
    return [str(warning) for warning in reports.warnings]


def extract(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, list[str]]:
    """Run ``mapper extract``; return its exit status and stderr lines."""
    status = main(["extract", *map(str, argv), "--no-merge"])
    return status, capsys.readouterr().err.splitlines()


def file_loop(folder: Path) -> Path:
    """``a.txt -> b.txt -> a.txt`` in *folder*; returns ``a.txt``."""
    (folder / "a.txt").symlink_to("b.txt")
    (folder / "b.txt").symlink_to("a.txt")
    return folder / "a.txt"


# --- 1. a file link loop ---------------------------------------------------------------


def test_a_file_link_loop_is_one_unreadable_input_and_the_rest_is_read(tmp_path: Path):
    (tmp_path / "ok.txt").write_text(OK_TEXT, encoding="utf-8")
    a = file_loop(tmp_path)
    (tmp_path / "c.txt").symlink_to("a.txt")  # a third way into the same loop
    reports = read_reports(tmp_path)
    assert ids(reports) == ["ok"]
    assert problems(reports) == [f"{a}: cannot be read: {LOOP}"]


def test_a_file_link_loop_named_alone_is_a_loop_not_a_missing_file(tmp_path: Path):
    a = file_loop(tmp_path)
    assert problems(read_reports([a, tmp_path / "b.txt"])) == [f"{a}: cannot be read: {LOOP}"]


def test_mapper_extract_finishes_past_a_file_link_loop(fake_extract, tmp_path, capsys):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "ok.txt").write_text(OK_TEXT, encoding="utf-8")
    a = file_loop(reports)
    out = tmp_path / "incidents.csv"
    status, err = extract(capsys, reports, "-o", out)
    assert status == 0
    assert err[0] == "2 reports: 1 with incidents (1 incident), 0 with none, 1 unreadable"
    assert err[1] == f"{a}: unreadable: cannot be read: {LOOP}"
    assert read_incidents(out)["report_id"].tolist() == ["ok"]


# --- 6. folder links and folders that cannot be read -----------------------------------


def test_a_linked_folder_of_reports_is_read(tmp_path: Path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "ok.txt").write_text(OK_TEXT, encoding="utf-8")
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "story.txt").write_text(OK_TEXT, encoding="utf-8")
    (tmp_path / "reports" / "wire").symlink_to("../wire", target_is_directory=True)
    reports = read_reports(tmp_path / "reports")
    assert [(r.report_id, r.path) for r in reports] == [
        ("ok", str(tmp_path / "reports" / "ok.txt")),
        ("story", str(tmp_path / "reports" / "wire" / "story.txt")),
    ]
    assert problems(reports) == [] and warnings(reports) == []


def test_a_folder_reached_by_a_link_and_by_name_is_read_once_under_its_real_name(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "ok.txt").write_text(OK_TEXT, encoding="utf-8")
    (tmp_path / "alias").symlink_to("real")  # sorts first, yet the real path is kept
    reports = read_reports(tmp_path)
    assert [r.path for r in reports] == [str(tmp_path / "real" / "ok.txt")]
    assert problems(reports) == [] and warnings(reports) == []


def test_a_folder_link_back_to_an_ancestor_ends_and_is_reported_once(tmp_path: Path):
    (tmp_path / "ok.txt").write_text(OK_TEXT, encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    (deep / "story.md").write_text(OK_TEXT, encoding="utf-8")
    (deep / "top").symlink_to("../..")  # back to tmp_path
    (tmp_path / "a" / "self").symlink_to(".")  # a link to its own folder
    started = time.perf_counter()
    # Named twice, and once through a sub-folder: still one warning per loop.
    reports = read_reports([tmp_path, tmp_path / "a", tmp_path])
    assert time.perf_counter() - started < 2
    assert ids(reports) == ["story", "ok"]
    assert problems(reports) == []
    assert warnings(reports) == [  # in the order the walk meets them
        f"{tmp_path / 'a' / 'self'}: a folder link back to {tmp_path / 'a'}, which holds it: "
        "a loop, not followed",
        f"{deep / 'top'}: a folder link back to {tmp_path}, which holds it: a loop, not followed",
    ]


def test_an_unreadable_sub_folder_is_named_and_counted_in_the_summary(
    fake_extract, tmp_path, capsys, monkeypatch
):
    # chmod 000 means nothing to root, who runs the tests in CI, so the refusal an
    # ordinary user gets is raised here; the next test makes the real one.
    reports = tmp_path / "reports"
    (reports / "locked").mkdir(parents=True)
    (reports / "locked" / "lost.txt").write_text(OK_TEXT, encoding="utf-8")
    (reports / "ok.txt").write_text(OK_TEXT, encoding="utf-8")
    (reports / "empty.csv").write_text("id,text\n", encoding="utf-8")  # counted too
    scandir = os.scandir

    def refuse(path: str | os.PathLike[str] = ".") -> object:
        if Path(path) == reports / "locked":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    out = tmp_path / "incidents.csv"
    status, err = extract(capsys, reports, "-o", out)
    assert status == 0
    assert err[:3] == [
        "3 reports: 1 with incidents (1 incident), 0 with none, 2 unreadable",
        f"{reports / 'locked'}: unreadable: folder cannot be read: Permission denied",
        f"{reports / 'empty.csv'}: unreadable: empty table: a header and no rows",
    ]
    assert read_incidents(out)["report_id"].tolist() == ["ok"]


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder an ordinary user may enter (pytest's tmp_path is root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="mapper-read-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(stat.S_IRWXU)
    shutil.rmtree(folder)


def problems_as_ordinary_user(folder: Path) -> list[str]:
    """``read_reports(folder)``'s problems, read by someone whom file modes bind.

    Root reads whatever the mode, so as root a forked child drops to ``nobody`` first:
    no new interpreter is needed, and the modes are enforced for real.
    """
    if os.geteuid() != 0:
        return problems(read_reports(folder))
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer through the pipe, never return into pytest
        code = 0
        try:
            os.close(read_end)
            os.setegid(NOBODY)
            os.seteuid(NOBODY)
            answer: object = problems(read_reports(folder))
        except BaseException as error:
            answer, code = {"error": repr(error)}, 1
        with os.fdopen(write_end, "w") as pipe:
            json.dump(answer, pipe)
        os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        answer = json.load(pipe)
    os.waitpid(pid, 0)
    if isinstance(answer, dict):
        pytest.skip(f"could not read as an ordinary user: {answer['error']}")
    return answer


def test_a_sub_folder_without_permission_is_named(open_folder: Path):
    locked = open_folder / "locked"
    locked.mkdir()
    (locked / "lost.txt").write_text(OK_TEXT, encoding="utf-8")
    (open_folder / "ok.txt").write_text(OK_TEXT, encoding="utf-8")
    locked.chmod(0)
    assert problems_as_ordinary_user(open_folder) == [
        f"{locked}: folder cannot be read: Permission denied"
    ]


# --- encodings -------------------------------------------------------------------------


def test_a_utf16_table_with_a_byte_order_mark_is_read_and_a_nul_refuses_its_row(tmp_path):
    table = f"id,text\nle,{OK_TEXT}\nnul,Rockets\x00 hit.\n"
    (tmp_path / "le.csv").write_bytes(table.encode("utf-16"))  # the codec writes the mark
    (tmp_path / "be.csv").write_bytes(("\ufeff" + f"id,text\nbe,{OK_TEXT}\n").encode("utf-16-be"))
    line = json.dumps({"id": "jsonl", "text": "Roquettes à Erbil."})
    (tmp_path / "wire.jsonl").write_bytes(f"{line}\r\n".encode("utf-16"))
    reports = read_reports(tmp_path)
    assert [(r.report_id, r.text, r.line) for r in reports] == [
        ("be", OK_TEXT, 2),
        ("le", OK_TEXT, 2),
        ("jsonl", "Roquettes à Erbil.", 1),
    ]
    assert problems(reports) == [
        f"{tmp_path / 'le.csv'}:3: a NUL character in this row: binary data, not text"
    ]


def test_a_nul_in_a_utf16_text_file_refuses_it_naming_byte_and_line(tmp_path: Path):
    (tmp_path / "nul.txt").write_bytes(f"Headline\n{OK_TEXT}\x00more".encode("utf-16"))
    (tmp_path / "ok.txt").write_bytes(f"Headline\n{OK_TEXT}".encode("utf-16"))
    reports = read_reports(tmp_path)
    assert [(r.report_id, r.text) for r in reports] == [("ok", OK_TEXT)]
    byte = 2 + 2 * len(f"Headline\n{OK_TEXT}")
    assert problems(reports) == [
        f"{tmp_path / 'nul.txt'}:2: a binary file, not text (NUL character at byte {byte})"
    ]


def test_utf8_behind_the_bytes_of_a_utf16_mark_is_read_as_utf8_with_a_warning(tmp_path):
    text = f"{OK_TEXT} Erbil’s café."
    (tmp_path / "story.txt").write_bytes(b"\xff\xfe" + f"Headline\n{text}".encode())
    (tmp_path / "wire.csv").write_bytes(b"\xfe\xff" + f"id,text\nrow,{text}\n".encode())
    reports = read_reports(tmp_path)
    assert [(r.report_id, r.title, r.text) for r in reports] == [
        ("story", "Headline", text),
        ("row", None, text),
    ]
    assert problems(reports) == []
    reason = (
        "a UTF-16 byte order mark, but holds no UTF-16 text (not one ASCII character); "
        "read as UTF-8 without those two bytes"
    )
    assert warnings(reports) == [
        f"{tmp_path / 'story.txt'}:1: starts with the bytes FF FE, {reason}",
        f"{tmp_path / 'wire.csv'}:1: starts with the bytes FE FF, {reason}",
    ]


# --- tables ----------------------------------------------------------------------------


def test_a_csv_with_a_header_and_no_rows_is_a_problem(tmp_path: Path):
    (tmp_path / "empty.csv").write_text("id,text,title\n\n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text(OK_TEXT, encoding="utf-8")
    reports = read_reports(tmp_path)
    assert ids(reports) == ["ok"]
    assert problems(reports) == [f"{tmp_path / 'empty.csv'}: empty table: a header and no rows"]


def read_traced(path: Path) -> tuple[mapper.ReportSet, int]:
    """``read_reports(path)`` and the peak memory it allocated, in bytes."""
    tracemalloc.start()
    try:
        reports = read_reports(path)
        return reports, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_jsonl_line_of_50_mb_is_refused_without_holding_it_and_the_next_is_read(tmp_path):
    path = tmp_path / "wire.jsonl"
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"id": "long", "text": "a" * 200_000}) + "\r\n")
        out.write('{"id": "huge", "text": "' + "a" * 50_000_000 + '"}\r\n')
        out.write(json.dumps({"id": "after", "text": OK_TEXT}) + "\r\n")
    reports, peak = read_traced(path)
    assert peak < 25_000_000  # the line alone is 50 MB; whole, it peaked near three times that
    # A long but ordinary line is read and cut as before.
    assert [(r.report_id, r.line, len(r.text)) for r in reports] == [
        ("long", 1, 100_000),
        ("after", 3, len(OK_TEXT)),
    ]
    assert warnings(reports) == [f"{path}:1: text cut to its first 100,000 of 200,000 characters"]
    assert problems(reports) == [
        f"{path}:2: line too long: over 4,194,304 characters, and a report keeps 100,000; not read"
    ]


def test_a_csv_line_of_50_mb_is_refused_without_holding_it_and_the_next_is_read(tmp_path):
    # As for JSONL: a CSV row is a line, and a line is never held whole past the limit.
    path = tmp_path / "wire.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(f"id,text\r\nbefore,{OK_TEXT}\r\n")
        out.write('huge,"' + "a" * 50_000_000 + '"\r\n')
        out.write(f'after,"{OK_TEXT}\r\nA second line."\r\n')
    reports, peak = read_traced(path)
    assert peak < 25_000_000  # the line alone is 50 MB; whole, it peaked near three times that
    assert [(r.report_id, r.line, r.text) for r in reports] == [
        ("before", 2, OK_TEXT),
        ("after", 4, f"{OK_TEXT}\nA second line."),
    ]
    reason = "broken CSV row: field larger than field limit (131072)"
    assert problems(reports) == [f"{path}:3: {reason}"]


@pytest.mark.parametrize("newline", ["", None])
@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_lines_are_bounded_exactly_at_the_limit_whatever_their_ends(end: str, newline: str | None):
    limit = 8
    text = end.join(["x" * limit, "y" * (limit + 1), "z" * 3 * limit, "", "last"])
    stream = io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8", newline=newline)
    kept = "\n" if newline is None else end  # CSV's newline="" keeps each line end as it is
    assert list(bounded_lines(stream, limit)) == [
        "x" * limit + kept,  # a "\r\n" just past the limit is not split
        "y" * (limit + 1),
        "z" * (limit + 1),
        kept,
        "last",
    ]
    assert MAX_LINE_CHARS == 2**22
