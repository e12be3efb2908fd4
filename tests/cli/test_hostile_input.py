"""Input the internet will send: every bad file or row is named, the rest still read.

Readers, incident tables, the command line and the rendered page, each fed what an
attacker or a broken exporter writes. All text here is made up.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest

import mapper
from mapper import IncidentTableError, read_reports
from mapper.cli.main import main
from mapper.errors import MapperError

OK_TEXT = "Two rockets struck the Green Zone in Baghdad on Tuesday."

#: Strings that break HTML, Jinja, JavaScript or the reading order when not escaped.
HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(2)</script>",
    "</script><script>alert(3)</script>",
    "<!-- ]]> {{ 7*7 }} {% raw %} ${alert(4)} `alert(5)`",
    "line\u2028sep\u2029para \u202eevil \x00nul",
]


def ids(reports: mapper.ReportSet) -> list[str]:
    return [report.report_id for report in reports]


def problems(reports: mapper.ReportSet) -> list[str]:
    return [str(problem) for problem in reports.problems]


# --- readers ---------------------------------------------------------------------------


def test_a_yaml_alias_bomb_in_front_matter_is_refused_without_expanding_it(tmp_path: Path):
    # Nine levels of nine aliases: 387 million strings if anything turns it into text.
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 9)]
    front = "\n".join([*levels, "title: *a8", "source: *a8"])
    (tmp_path / "bomb.md").write_text(f"---\n{front}\n---\n{OK_TEXT}\n", encoding="utf-8")
    started = time.perf_counter()
    reports = read_reports(tmp_path)
    assert time.perf_counter() - started < 2
    assert ids(reports) == ["bomb"]
    assert reports.reports[0].title is None and reports.reports[0].source is None
    assert [str(w) for w in reports.warnings] == [
        f"{tmp_path / 'bomb.md'}: 'title' is a list, not a single value; left empty",
        f"{tmp_path / 'bomb.md'}: 'source' is a list, not a single value; left empty",
    ]


def test_python_tags_in_front_matter_are_never_run(tmp_path: Path):
    marker = tmp_path / "ran"
    tag = f'!!python/object/apply:os.system ["touch {marker}"]'
    (tmp_path / "tag.md").write_text(f"---\ntitle: {tag}\n---\n{OK_TEXT}\n", encoding="utf-8")
    (tmp_path / "ok.md").write_text(f"---\ntitle: Fine\n---\n{OK_TEXT}\n", encoding="utf-8")
    reports = read_reports(tmp_path)
    assert not marker.exists()
    assert ids(reports) == ["ok"]
    assert problems(reports) == [
        f"{tmp_path / 'tag.md'}:2: front matter is not valid YAML: could not determine a "
        "constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'"
    ]


def test_front_matter_values_yaml_cannot_build_are_named_and_the_rest_read(tmp_path: Path):
    def report(name: str, front: str) -> None:
        (tmp_path / name).write_text(f"---\n{front}\n---\n{OK_TEXT}\n", encoding="utf-8")

    report("typo.md", "published: 2020-13-45\ntitle: A typo in the date")
    report("float.md", 'title: Fine\nweight: !!float "heavy"')
    report("deep.md", "title: " + "[" * 5_000)
    report("ok.md", "published: 2020-11-18\ntitle: Fine")
    reports = read_reports(tmp_path)
    assert ids(reports) == ["ok", "typo"]
    assert reports.reports[1].title == "A typo in the date"
    assert problems(reports) == [
        f"{tmp_path / 'deep.md'}:1: front matter is not valid YAML: nested too deeply",
        f"{tmp_path / 'float.md'}:1: front matter has a value YAML cannot build: "
        "could not convert string to float: 'heavy'",
    ]
    assert [str(w) for w in reports.warnings] == [
        f"{tmp_path / 'typo.md'}: published date '2020-13-45' has no month between 1 and 12; "
        "published left empty"
    ]


def test_a_jsonl_line_nested_too_deeply_is_one_problem_and_the_next_line_is_read(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    rows = [
        f'{{"id": "deep", "text": "x", "extra": {deep}}}',
        "[1, 2]",
        "42",
        json.dumps({"id": "after", "text": OK_TEXT, "url": ["not", "one", "url"]}),
    ]
    (tmp_path / "wire.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    reports = read_reports(tmp_path)
    path = tmp_path / "wire.jsonl"
    assert ids(reports) == ["after"]
    assert problems(reports) == [
        f"{path}:1: broken JSON line: nested too deeply",
        f"{path}:2: a JSON line must be an object",
        f"{path}:3: a JSON line must be an object",
    ]
    # A list where one value belongs is not dropped silently.
    assert [str(w) for w in reports.warnings] == [
        f"{path}:4: 'url' is a list, not a single value; left empty"
    ]


def test_a_nul_byte_in_a_table_row_refuses_that_row_only(tmp_path: Path):
    (tmp_path / "wire.csv").write_bytes(
        b"id,text\na,Rockets hit\x00 the base.\nb," + OK_TEXT.encode() + b"\n"
    )
    lines = [
        json.dumps({"id": "c", "text": "bad \u0000 text"}),
        '{"id": "raw", "text": "a raw \t tab"}',
        json.dumps({"id": "d", "text": OK_TEXT}),
    ]
    (tmp_path / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    reports = read_reports(tmp_path)
    assert ids(reports) == ["b", "d"]
    reason = "a NUL character in this row: binary data, not text"
    assert problems(reports) == [
        f"{tmp_path / 'wire.csv'}:2: {reason}",
        f"{tmp_path / 'wire.jsonl'}:1: {reason}",
        f"{tmp_path / 'wire.jsonl'}:2: broken JSON line: Invalid control character at column 30",
    ]


def test_a_binary_file_named_like_a_table_is_refused_whole(tmp_path: Path):
    (tmp_path / "sheet.csv").write_bytes(b"PK\x03\x04" + b"\x00" * 40 + b"text\n")
    (tmp_path / "utf16.csv").write_bytes("id,text\nu,hello\n".encode("utf-16-le"))
    reports = read_reports(tmp_path)
    assert ids(reports) == []
    assert problems(reports) == [
        f"{tmp_path / 'sheet.csv'}:1: a binary file, not text (NUL byte at byte 4)",
        f"{tmp_path / 'utf16.csv'}:1: a binary file, not text (NUL byte at byte 1)",
    ]


def test_a_10_mb_csv_field_refuses_its_row_and_the_next_row_is_read(tmp_path: Path):
    big = "x" * 10_000_000
    csv_text = f'id,text\nbig,"{big}"\r\nok,{OK_TEXT}\r\n'
    (tmp_path / "wire.csv").write_bytes(b"\xef\xbb\xbf" + csv_text.encode())
    reports = read_reports(tmp_path)
    assert ids(reports) == ["ok"]
    assert reports.reports[0].line == 3
    assert problems(reports) == [
        f"{tmp_path / 'wire.csv'}:2: broken CSV row: field larger than field limit (131072)"
    ]


def test_a_huge_line_and_deeply_nested_html_are_read_quickly(tmp_path: Path):
    (tmp_path / "long.txt").write_text("Headline\n" + "A" * 3_000_000 + "\n", encoding="utf-8")
    nested = "<div>" * 100_000 + OK_TEXT + "</div>" * 100_000
    (tmp_path / "deep.html").write_text(f"<html><body>{nested}</body></html>", encoding="utf-8")
    started = time.perf_counter()
    reports = read_reports(tmp_path)
    assert time.perf_counter() - started < 5
    assert ids(reports) == ["deep", "long"]
    assert reports.reports[0].text == OK_TEXT
    assert len(reports.reports[1].text) == 100_000
    assert [str(w) for w in reports.warnings] == [
        f"{tmp_path / 'long.txt'}: text cut to its first 100,000 of 3,000,000 characters"
    ]


def test_pathological_markdown_and_huge_front_matter_are_bounded(tmp_path: Path):
    # Each "[" or "*" costs the Markdown patterns up to 500 steps: 3 MB of them took 15 s.
    (tmp_path / "brackets.md").write_text("Headline\n" + "[" * 3_000_000, encoding="utf-8")
    (tmp_path / "stars.md").write_text("Headline\n" + "*a " * 1_000_000, encoding="utf-8")
    # YAML parses about half a megabyte a second: a 5 MB front matter held a run 10 s.
    keys = "".join(f"key{n}: value {n}\n" for n in range(300_000))
    (tmp_path / "yaml.md").write_text(f"---\n{keys}---\n{OK_TEXT}\n", encoding="utf-8")
    started = time.perf_counter()
    reports = read_reports(tmp_path)
    assert time.perf_counter() - started < 5
    assert ids(reports) == ["brackets", "stars"]
    assert all(len(report.text) == 100_000 for report in reports)
    assert problems(reports) == [
        f"{tmp_path / 'yaml.md'}:1: front matter too large: {len(keys) - 1:,} characters is "
        "over the 65,536-character limit"
    ]


def test_folders_with_symlink_loops_and_report_named_folders_end(tmp_path: Path):
    (tmp_path / "a.md").write_text(OK_TEXT, encoding="utf-8")
    (tmp_path / "loop").mkdir()
    (tmp_path / "loop" / "up").symlink_to("..")
    (tmp_path / "self.md").symlink_to("self.md")  # a link to itself
    (tmp_path / "folder.md").mkdir()
    (tmp_path / "folder.md" / "b.txt").write_text(OK_TEXT, encoding="utf-8")
    reports = read_reports([tmp_path, tmp_path / "missing.md"])
    assert ids(reports) == ["a", "b"]
    assert problems(reports) == [
        f"{tmp_path / 'missing.md'}: no such file or folder",
        f"{tmp_path / 'self.md'}: cannot be read: Too many levels of symbolic links",
    ]


def test_pipes_and_links_to_devices_are_named_not_read(tmp_path: Path):
    # An archive can carry "report.txt -> /dev/zero"; reading it would never end.
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "random.csv").symlink_to("/dev/urandom")
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "ok.md").write_text(OK_TEXT, encoding="utf-8")
    reports = read_reports(tmp_path)
    assert ids(reports) == ["ok"]
    reason = "not a regular file (a pipe, device or socket)"
    assert problems(reports) == [
        f"{tmp_path / name}: {reason}" for name in ("pipe.md", "random.csv", "zero.txt")
    ]


def test_a_folder_index_names_only_its_own_files(tmp_path: Path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "outside.md").write_text(OK_TEXT, encoding="utf-8")
    (tmp_path / "reports" / "ok.txt").write_text(f"Headline\n{OK_TEXT}\n", encoding="utf-8")
    index = tmp_path / "reports" / "index.csv"
    index.write_text(
        'file,title\n"nul\x00.txt",Nul\n../outside.md,Claimed\nok.txt,Given by the index\n',
        encoding="utf-8",
    )
    reports = read_reports([tmp_path / "reports", tmp_path / "outside.md"])
    assert [(r.report_id, r.title) for r in reports] == [
        ("outside", None),
        ("ok", "Given by the index"),
    ]
    assert [str(w) for w in reports.warnings] == [
        f"{index}:2: index row names 'nul\\x00.txt', which is not a file in this folder",
        f"{index}:3: index row names '../outside.md', which is not a file in this folder",
    ]


def test_an_unreadable_file_is_named_and_the_others_are_read(tmp_path, monkeypatch):
    # chmod 000 means nothing to root, who runs the tests in CI, so the refusal the
    # operating system gives an ordinary user is raised here instead.
    (tmp_path / "locked.md").write_text(OK_TEXT, encoding="utf-8")
    (tmp_path / "open.md").write_text(OK_TEXT, encoding="utf-8")
    read_bytes = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "locked.md":
            raise PermissionError(13, "Permission denied", str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    reports = read_reports(tmp_path)
    assert ids(reports) == ["open"]
    assert problems(reports) == [f"{tmp_path / 'locked.md'}: cannot be read: Permission denied"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_a_file_without_read_permission_is_named(tmp_path: Path):
    locked = tmp_path / "locked.md"
    locked.write_text(OK_TEXT, encoding="utf-8")
    locked.chmod(0)
    reports = read_reports(tmp_path)
    assert problems(reports) == [f"{locked}: cannot be read: Permission denied"]


# --- incident tables on the command line -----------------------------------------------

GOOD_ROW = {
    "report_id": "r", "incident_id": "r-1", "date": "2020-11-17", "date_precision": "day",
    "place": "Green Zone", "place_id": "green-zone", "latitude": "33.305",
    "longitude": "44.385", "geo_precision": "1", "weapon": "rocket", "projectiles": "3",
    "killed": "0", "injured": "1", "target": "embassy", "quote": "Three rockets hit.",
    "title": "Rockets", "url": "https://news.example.org/a", "source": "Example News",
}  # fmt: skip


def write_csv(path: Path, **changes: str) -> Path:
    row = {**GOOD_ROW, **changes}
    cells = ['"' + value.replace('"', '""') + '"' for value in row.values()]
    path.write_text(",".join(row) + "\n" + ",".join(cells) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"latitude": "999"}, ":2: column 'latitude': '999' is outside -90 to 90"),
        ({"longitude": "-181"}, ":2: column 'longitude': '-181' is outside -180 to 180"),
        ({"latitude": "NaN"}, ":2: column 'latitude': 'NaN' is not a number"),
        ({"longitude": "inf"}, ":2: column 'longitude': 'inf' is not a number"),
        ({"killed": "two"}, ":2: column 'killed': 'two' is not a whole number"),
        ({"projectiles": "3.5"}, ":2: column 'projectiles': '3.5' is not a whole number"),
        ({"injured": "9" * 30}, f":2: column 'injured': '{'9' * 30}' is too large a number"),
        ({"killed": "-1"}, ":2: column 'killed': '-1' is not a count (0 or more)"),
        ({"geo_precision": "7"}, ":2: column 'geo_precision': '7' is not 1, 2 or 3"),
        (
            {"date": "2020-13-45"},
            ":2: column 'date': '2020-13-45' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)",
        ),
        (
            {"date_precision": "<i>week</i>"},
            ":2: column 'date_precision': '<i>week</i>' is not one of day, month, year, unknown",
        ),
        (
            {"weapon": "banana"},
            ":2: column 'weapon': 'banana' is not one of rocket, mortar, "
            "missile, drone, ied, gunfire, airstrike, explosive, other",
        ),
    ],
)
def test_render_names_the_file_line_and_column_of_a_bad_value(tmp_path, capsys, changes, message):
    table = write_csv(tmp_path / "incidents.csv", **changes)
    assert main(["render", str(table), "-o", str(tmp_path / "map.html")]) == 2
    err = capsys.readouterr().err
    assert err == f"mapper render: error: {table}{message}\n"
    assert not (tmp_path / "map.html").exists()


def test_render_names_a_text_value_json_cannot_hold(tmp_path, capsys):
    table = tmp_path / "incidents.jsonl"
    row = json.dumps({**GOOD_ROW, "title": [float("nan")]})  # NaN: not JSON, not text
    table.write_text(row + "\n", encoding="utf-8")
    assert main(["render", str(table), "-o", str(tmp_path / "map.html")]) == 2
    assert (
        capsys.readouterr().err
        == f"mapper render: error: {table}:1: column 'title': [nan] is not text\n"
    )


def test_render_names_missing_columns_deep_json_and_bad_bytes(tmp_path: Path, capsys):
    short = tmp_path / "short.csv"
    short.write_text("report_id,incident_id\nr,r-1\n", encoding="utf-8")
    deep = tmp_path / "deep.jsonl"
    deep.write_text('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}\n", encoding="utf-8")
    latin = tmp_path / "latin.csv"
    latin.write_bytes(write_csv(tmp_path / "x.csv", quote="caf\xe9").read_text().encode("cp1252"))
    expected = [
        f"{short}: missing columns: latitude, longitude (a table needs at least latitude and"
        " longitude, or lat and lon; date and every other column are optional)",
        f"{deep}:1: not JSON: nested too deeply",
        f"{latin}:2: not UTF-8 text (byte 0xE9); save it as UTF-8",
    ]
    for table, message in zip((short, deep, latin), expected, strict=True):
        assert main(["render", str(table), "-o", str(tmp_path / "map.html")]) == 2
        assert capsys.readouterr().err == f"mapper render: error: {message}\n"


@pytest.mark.parametrize("geometry", ["here", [44.4, 33.3], {"type": "Point"}])
def test_render_names_a_geojson_feature_whose_geometry_is_not_a_point(tmp_path, capsys, geometry):
    table = tmp_path / "incidents.geojson"
    feature = {"type": "Feature", "geometry": geometry, "properties": GOOD_ROW}
    table.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    assert main(["render", str(table), "-o", str(tmp_path / "map.html")]) == 2
    assert capsys.readouterr().err == (
        f"mapper render: error: {table}: feature 1: "
        "geometry is not a Point with [longitude, latitude]\n"
    )


def test_render_names_the_table_when_a_merged_source_is_broken(tmp_path: Path, capsys):
    table = tmp_path / "merged.jsonl"
    row = {**GOOD_ROW, "n_reports": 2, "sources": json.dumps([{"killed": "many"}])}
    table.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert main(["render", str(table), "-o", str(tmp_path / "map.html")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"mapper render: error: {table}: incident r-1: a source has a count")


def test_unknown_tiles_and_unwritable_outputs_are_clear_errors(tmp_path: Path, capsys):
    table = write_csv(tmp_path / "incidents.csv")
    out = str(tmp_path / "map.html")
    with pytest.raises(SystemExit) as stopped:  # refused when the arguments are parsed
        main(["render", str(table), "-o", out, "--tiles", "<img src=x>"])
    assert stopped.value.code == 2
    last = capsys.readouterr().err.splitlines()[-1]
    assert last.startswith("mapper render: error: argument --tiles: unknown tiles '<img src=x>'")
    folder = tmp_path / "folder.html"
    folder.mkdir()
    for target in (tmp_path / "no" / "map.html", folder):
        assert main(["render", str(table), "-o", str(target)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"mapper render: error: {target}: cannot write the map")


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ({"title": {"text": "x"}}, "a source's title is not text: {'text': 'x'}"),
        ({"date": 2020}, "a source's date is not text: 2020"),
        ({"weapon": ["rocket"]}, "a source's weapon is not text: ['rocket']"),
        ({"killed": 1.5}, "a source has a count that is not a number (1.5)"),
    ],
)
def test_render_names_a_merged_source_with_values_of_the_wrong_kind(source, message):
    row = {"incident_id": "m-1", "latitude": 33.3, "longitude": 44.4, "n_reports": 2}
    row["sources"] = json.dumps([source, {"title": "Other account", "killed": 2}])
    with pytest.raises(IncidentTableError, match=re.escape(f"incident m-1: {message}")):
        mapper.render(mapper.incident_frame([row]), tiles=None)


def test_render_refuses_coordinates_off_the_globe_and_deep_sources():
    base = {"incident_id": "r-1", "latitude": 33.3, "longitude": 44.4, "weapon": "rocket"}
    cases = [
        ({"latitude": 999.0}, "incident r-1: latitude 999.0 / longitude 44.4 is not a place"),
        ({"longitude": float("inf")}, "incident r-1: latitude 33.3 / longitude inf is not"),
        ({"sources": "[" * 100_000 + "]" * 100_000}, "incident r-1: its sources column is nest"),
    ]
    for changes, message in cases:
        with pytest.raises(IncidentTableError, match=re.escape(message)):
            mapper.render(mapper.incident_frame([{**base, **changes}]), tiles=None)
    with pytest.raises(MapperError, match="unknown tiles 'nowhere'"):
        mapper.render(mapper.incident_frame([base]), tiles="nowhere")


# --- the page --------------------------------------------------------------------------


def hostile_table() -> object:
    rows = []
    for n, text in enumerate(HOSTILE):
        rows.append(
            {
                "report_id": f"r{n}", "incident_id": f"{text}-{n}", "date": "2020-11-17",
                "date_precision": "day", "place": text, "place_id": text,
                "latitude": 33.3 + n / 100, "longitude": 44.4, "geo_precision": 3,
                "weapon": "rocket", "target": text, "quote": text, "title": text,
                "url": f'https://x.example/{n}" onmouseover="alert({n})', "source": text,
            }
        )  # fmt: skip
    return mapper.incident_frame(rows)


def embedded_data(html: str) -> dict:
    """The data the page script receives, decoded as the browser would."""
    found = re.search(r'<script type="application/json" id="\w+_data">(.*?)</script>', html)
    assert found is not None
    return json.loads(found.group(1))


def test_hostile_text_cannot_leave_the_data_or_run_as_a_template():
    title = "</title><script>alert(9)</script> {{ 7*7 }} {% raw %}"
    html = mapper.render(hostile_table(), title=title, tiles=None).get_root().render()
    plain = mapper.render(mapper.incident_frame([]), tiles=None).get_root().render()
    # Every <script> the page has is one we wrote: none opened or closed by a report.
    for tag in ("<script", "</script", "<img", "<!--"):
        assert html.count(tag) == plain.count(tag), tag
    for raw in ("<img src=x", "<!--", "\u2028", "\u2029", "\x00", 'onmouseover="alert'):
        assert raw not in html
    escaped_title = "&lt;/title&gt;&lt;script&gt;alert(9)&lt;/script&gt; {{ 7*7 }} {% raw %}"
    assert f"<title>{escaped_title}</title>" in html
    assert f"<h1>{escaped_title}</h1>" in html
    # ... and the page receives every string exactly as the report wrote it.
    data = embedded_data(html)
    assert [row[data["fields"].index("place")] for row in data["rows"]] == HOSTILE
    assert set(HOSTILE) <= set(data["strings"])


def test_a_one_megabyte_quote_renders_quickly():
    quote = "Rockets fell near the embassy. " * 35_000
    table = mapper.incident_frame(
        [{"incident_id": "big-1", "latitude": 33.3, "longitude": 44.4, "quote": quote}]
    )
    started = time.perf_counter()
    html = mapper.render(table, tiles=None).get_root().render()
    assert time.perf_counter() - started < 3
    data = embedded_data(html)
    assert quote.strip() in data["rows"][0][data["fields"].index("sources")][0][3]


# --- determinism -----------------------------------------------------------------------


def test_the_same_reports_in_any_order_give_the_same_table_and_map(tmp_path, report_fixtures):
    good = sorted((report_fixtures / "good").rglob("*.*"))
    outputs = []
    for n, paths in enumerate((good, good, good[::-1])):
        table, page = tmp_path / f"i{n}.csv", tmp_path / f"m{n}.html"
        argv = ["build", *map(str, paths), "-o", str(page), "--incidents", str(table), "--quiet"]
        assert main(argv) == 0
        outputs.append((table.read_bytes(), page.read_bytes()))
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0][0].count(b"\n") > 1  # the fixtures do describe attacks
