"""The command line as a new user meets it (issue 13, "The CLI says what it did").

``--version``; paths that are not there, URLs and ``-``; ``--strict``; outputs and
tiles checked before any work; what ``render`` and ``build`` say they wrote; one error
prefix; a description in every ``--help``; ``--since``/``--until``/``--weapon``; and
a table made by hand.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

import pytest

import mapper
from mapper.cli.main import build_parser, main

ROOT = Path(__file__).resolve().parents[2]


def run(*argv: str | Path) -> int:
    """``mapper ARGV...`` as the console script runs it; SystemExit's code when argparse stops."""
    try:
        return main([str(a) for a in argv])
    except SystemExit as stopped:
        return int(stopped.code or 0)


def last_error(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().err.strip().splitlines()[-1]


# --- the version ------------------------------------------------------------------


def test_version_comes_from_the_package_metadata_that_pyproject_sets(
    capsys: pytest.CaptureFixture[str],
) -> None:
    declared = re.search(
        r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M
    )
    assert declared is not None
    assert mapper.__version__ == importlib.metadata.version("incident-mapper")
    assert mapper.__version__ == declared.group(1)
    assert run("--version") == 0
    assert capsys.readouterr().out == f"mapper {mapper.__version__}\n"


def test_the_installed_console_script_prints_the_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mapper", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"mapper {mapper.__version__}\n"


# --- inputs -----------------------------------------------------------------------


@pytest.mark.parametrize("command", ["extract", "build"])
def test_a_path_that_is_not_there_is_an_error_with_status_2(
    command: str, report_fixtures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / ("i.csv" if command == "extract" else "m.html")
    missing = tmp_path / "reprots"  # a typo
    assert run(command, report_fixtures / "good", missing, "-o", out) == 2
    err = capsys.readouterr().err
    assert err == f"mapper {command}: error: {missing}: no such file or folder\n"
    assert not out.exists()


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("https://news.example.org/story", "a URL; mapper reads only local files"),
        ("-", "reports are not read from standard input; save them to a file"),
    ],
)
def test_a_url_or_standard_input_gets_a_clear_message(
    path: str, says: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("extract", path, "-o", tmp_path / "i.csv") == 2
    assert says in last_error(capsys)
    assert run("extract", "--help") == 0
    assert "not URLs, and not '-'" in capsys.readouterr().out


def test_strict_makes_an_unreadable_report_a_failure_that_writes_nothing(
    report_fixtures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "incidents.csv"
    # Without --strict the run lists the unreadable inputs and succeeds.
    assert run("extract", report_fixtures / "malformed", "-o", out, "--quiet") == 0
    assert out.exists()
    out.unlink()
    assert run("extract", report_fixtures / "malformed", "-o", out, "--strict") == 1
    assert last_error(capsys) == (
        "mapper extract: error: 7 inputs could not be used (--strict); nothing written"
    )
    assert not out.exists()
    # Every input readable: --strict changes nothing.
    assert run("extract", report_fixtures / "good", "-o", out, "--strict") == 0


def test_a_map_that_is_not_html_is_refused_with_the_extensions_that_work(
    report_fixtures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("build", report_fixtures / "good", "-o", tmp_path / "map.png") == 2
    assert last_error(capsys) == (
        f"mapper build: error: argument -o/--output: {tmp_path / 'map.png'}: the map is an "
        "HTML page: give a name ending in .html or .htm (an image such as .png is not written)"
    )


def test_tiles_are_checked_before_any_work_in_the_clis_own_spellings(
    fake_extract: list[str],
    report_fixtures: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "map.html"
    assert run("build", report_fixtures / "good", "-o", out, "--tiles", "Stamen Toner") == 2
    assert last_error(capsys) == (
        "mapper build: error: argument --tiles: unknown tiles 'Stamen Toner': use "
        "OpenStreetMap, 'OpenStreetMap HOT', OpenTopoMap, 'Esri WorldImagery', none"
    )
    assert fake_extract == []  # nothing was read
    assert run("build", report_fixtures / "good", "-o", out, "--tiles", "openstreetmap hot") == 0
    assert 'shownTiles: "Humanitarian (OSM HOT)"' in out.read_text(encoding="utf-8")


# --- what was written -------------------------------------------------------------


def test_render_and_build_say_what_they_wrote(
    report_fixtures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table, out = tmp_path / "incidents.csv", tmp_path / "map.html"
    assert run("build", report_fixtures / "good", "-o", out, "--incidents", table) == 0
    err = capsys.readouterr().err.splitlines()
    n = len(mapper.read_incidents(table))
    assert err[-2:] == [
        f"wrote {n} incident rows to {table}",
        f"wrote a map of {n} incidents to {out}",
    ]
    again = tmp_path / "again.html"
    assert run("render", table, "-o", again) == 0
    assert capsys.readouterr().err == f"wrote a map of {n} incidents to {again}\n"
    assert run("render", table, "-o", again, "--quiet") == 0
    assert capsys.readouterr().err == ""


def test_every_error_names_its_command_as_argparse_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("render", tmp_path / "gone.csv", "-o", tmp_path / "m.html") == 2
    gone = tmp_path / "gone.csv"
    assert last_error(capsys) == f"mapper render: error: {gone}: no such file or folder"
    assert run("gazetteer", "unmatched", tmp_path / "gone") == 2
    assert last_error(capsys).startswith("mapper gazetteer unmatched: error: ")
    # A report folder that is not there scored nothing, silently, with exit status 0.
    assert run("evaluate", ROOT / "samples" / "gold", tmp_path / "gone") == 2
    assert last_error(capsys) == (
        f"mapper evaluate: error: {tmp_path / 'gone'}: no such file or folder"
    )
    assert run("extract", tmp_path, "-o", tmp_path / "i.csv", "--since", "2020-13") == 2
    assert last_error(capsys) == (
        "mapper extract: error: argument --since: '2020-13' is not a real day, month or year"
    )


def test_every_command_and_action_has_a_description_in_its_help() -> None:
    def parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
        found = [parser]
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub in dict.fromkeys(action.choices.values()):
                    found += parsers(sub)
        return found

    every = parsers(build_parser())
    assert {p.prog for p in every} >= {"mapper gazetteer lookup", "mapper render"}
    assert [p.prog for p in every if not (p.description or "").strip()] == []


def test_no_labels_leaves_the_offline_place_names_out_of_build_and_render(
    report_fixtures: Path, tmp_path: Path
) -> None:
    table, named, bare = tmp_path / "t.csv", tmp_path / "named.html", tmp_path / "bare.html"
    assert run("build", report_fixtures / "good", "-o", named, "--incidents", table) == 0
    assert re.search(r'labels: \[\["Baghdad",', named.read_text(encoding="utf-8"))
    assert run("build", report_fixtures / "good", "-o", bare, "--no-labels") == 0
    assert "labels: []," in bare.read_text(encoding="utf-8")
    assert run("render", table, "-o", bare, "--tiles", "none", "--no-labels") == 0
    html = bare.read_text(encoding="utf-8")
    assert "labels: []," in html and len(html) < len(named.read_text(encoding="utf-8"))


# --- filters ----------------------------------------------------------------------


def test_since_until_and_weapon_filter_extract_build_and_render(
    report_fixtures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "all.csv"
    assert run("extract", report_fixtures / "good", "-o", table, "--no-merge") == 0
    every = mapper.read_incidents(table)
    assert len(every) == 7 and every["date"].isna().sum() == 4
    kept = tmp_path / "kept.csv"
    argv = ["--no-merge", "--since", "2021", "--until", "2021-03"]
    assert run("extract", report_fixtures / "good", "-o", kept, *argv) == 0
    assert mapper.read_incidents(kept)["incident_id"].tolist() == ["brief-a-1"]
    assert "kept 1 of 7 incidents (--since 2021 --until 2021-03; 4 undated left out)" in (
        capsys.readouterr().err
    )
    argv = ["--no-merge", "--weapon", "rocket,mortar", "--weapon", "drone"]
    assert run("extract", report_fixtures / "good", "-o", kept, *argv) == 0
    assert sorted(mapper.read_incidents(kept)["weapon"].unique()) == ["drone", "mortar", "rocket"]
    out = tmp_path / "map.html"
    assert run("build", report_fixtures / "good", "-o", out, "--weapon", "missile") == 0
    assert capsys.readouterr().err.splitlines()[-1] == f"wrote a map of 1 incident to {out}"
    assert run("render", table, "-o", out, "--since", "2021-04-14") == 0
    assert capsys.readouterr().err.splitlines() == [
        "kept 1 of 7 incidents (--since 2021-04-14; 4 undated left out)",
        f"wrote a map of 1 incident to {out}",
    ]
    assert run("render", table, "-o", out, "--weapon", "banana") == 2
    assert "argument --weapon: unknown weapon 'banana': use rocket, mortar" in last_error(capsys)


# --- a table made by hand ---------------------------------------------------------


def test_render_draws_a_minimal_hand_made_table_and_says_what_it_assumed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "my events.csv"
    table.write_text(
        "Date,Lat,Lon,weapon\n2020-11-17 21:30,33.30,44.39,rocket\n2021-02,36.19,44.01,\n",
        encoding="utf-8",
    )
    out = tmp_path / "map.html"
    assert run("render", table, "-o", out, "--tiles", "none") == 0
    assert capsys.readouterr().err.splitlines() == [
        f"{table}: assumed: read 'Date' as 'date', 'Lat' as 'latitude', 'Lon' as 'longitude'",
        f"{table}: assumed: dates with a time of day cut to the day (1 of 2 rows)",
        f"{table}: assumed: date_precision taken from each date's form (day, month or year)"
        " (2 of 2 rows)",
        f"{table}: assumed: incident ids made up as 'my events-<row>' (2 of 2 rows)",
        f"{table}: assumed: no report_id column: each row counted as a report of its own"
        " (2 of 2 rows)",
        f"{table}: assumed: no place, place_id, geo_precision, projectiles, killed, injured,"
        " target, quote, title, url, source column: left empty",
        f"wrote a map of 2 incidents to {out}",
    ]
    html = out.read_text(encoding="utf-8")
    assert (
        '2 incidents from 2 reports, <span class="im-date">2020-11-17</span> – '
        '<span class="im-date">2021-02</span>'
    ) in html
