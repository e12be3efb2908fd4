"""Incident tables on disk: CSV, GeoJSON and JSON Lines, read back exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from mapper import IncidentTableError, incident_frame, read_incidents, write_incidents
from mapper.table.schema import INCIDENT_COLUMNS

FORMATS = ["csv", "geojson", "jsonl", "xlsx"]


@pytest.fixture
def incidents() -> pd.DataFrame:
    """Two incidents, one without coordinates, with awkward text and a merged column."""
    frame = incident_frame(
        [
            {
                "report_id": "r1",
                "incident_id": "r1-1",
                "date": "2020-11-17",
                "date_precision": "day",
                "place": "Green Zone",
                "place_id": "green-zone",
                "latitude": 33.3128,
                "longitude": 44.3889,
                "geo_precision": 1,
                "weapon": "rocket",
                "projectiles": 7,
                "killed": 1,
                "injured": 5,
                "target": "embassy",
                "quote": 'Seven rockets, "four in the zone";\nthree nearby — à la ligne',
                "title": "Rockets, again",
                "url": "https://example.org/a?x=1&y=2",
                "source": "Example",
                "n_reports": 2,
                "sources": json.dumps([{"report_id": "r1"}, {"report_id": "r2"}]),
            },
            {
                "report_id": "r2",
                "incident_id": "r2-1",
                "date": "2020-11",
                "date_precision": "month",
                "weapon": "drone",
                "latitude": 0.1 + 0.2,  # a float whose shortest repr is long
                "killed": 0,
                "n_reports": 1,
            },
        ]
    )
    frame["published"] = pd.array(["2020-11-18", pd.NA], dtype="string")
    return frame


@pytest.mark.parametrize("extension", FORMATS)
def test_every_format_round_trips_values_and_dtypes_exactly(tmp_path, incidents, extension):
    path = tmp_path / f"incidents.{extension}"
    write_incidents(incidents, path)
    pd.testing.assert_frame_equal(read_incidents(path), incidents)


@pytest.mark.parametrize("extension", FORMATS)
def test_writing_is_deterministic_and_leaves_no_temporary_files(tmp_path, incidents, extension):
    first, second = tmp_path / f"a.{extension}", tmp_path / f"b.{extension}"
    write_incidents(incidents, first)
    write_incidents(incidents.copy(), second)
    assert first.read_bytes() == second.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == [first.name, second.name]


def test_a_written_table_is_as_readable_as_any_new_file(tmp_path, incidents):
    # Written through a private temporary file, the table still gets the usual mode.
    plain = tmp_path / "plain.txt"
    plain.write_text("x")
    fresh = tmp_path / "incidents.csv"
    write_incidents(incidents, fresh)
    assert fresh.stat().st_mode & 0o777 == plain.stat().st_mode & 0o777
    # Replacing a file keeps the mode its owner chose.
    fresh.chmod(0o640)
    write_incidents(incidents, fresh)
    assert fresh.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("extension", FORMATS)
def test_an_empty_table_round_trips(tmp_path, extension):
    path = tmp_path / f"empty.{extension}"
    write_incidents(incident_frame(), path)
    back = read_incidents(path)
    assert back.empty
    assert list(back.columns) == list(INCIDENT_COLUMNS)


def test_geojson_is_a_feature_collection_of_points_with_null_geometry_when_unplaced(
    tmp_path, incidents
):
    path = tmp_path / "incidents.geojson"
    write_incidents(incidents, path)
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    placed, unplaced = collection["features"]
    assert placed["geometry"] == {"type": "Point", "coordinates": [44.3889, 33.3128]}
    assert "latitude" not in placed["properties"]
    assert placed["properties"]["place_id"] == "green-zone"
    assert placed["properties"]["projectiles"] == 7
    assert unplaced["geometry"] is None
    assert unplaced["properties"]["latitude"] == 0.30000000000000004  # kept, not lost


def test_csv_missing_values_are_empty_cells_and_text_like_na_stays_text(tmp_path):
    frame = incident_frame([{"report_id": "NA", "incident_id": "None-1", "place": "N/A"}])
    path = tmp_path / "t.csv"
    write_incidents(frame, path)
    back = read_incidents(path)
    assert back.loc[0, "report_id"] == "NA" and back.loc[0, "place"] == "N/A"
    assert back["killed"].isna().all()


def test_unknown_extensions_are_refused_naming_the_file(tmp_path, incidents):
    with pytest.raises(IncidentTableError, match=r"t\.ods: unknown incident table format"):
        write_incidents(incidents, tmp_path / "t.ods")
    with pytest.raises(IncidentTableError, match=r"t\.txt: unknown incident table format"):
        read_incidents(tmp_path / "t.txt")


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def csv_table(*rows: dict[str, str]) -> str:
    header = ",".join(INCIDENT_COLUMNS)
    lines = [",".join(row.get(c, "") for c in INCIDENT_COLUMNS) for row in rows]
    return "\n".join([header, *lines]) + "\n"


def test_missing_columns_are_named(tmp_path):
    path = write(tmp_path / "t.csv", "report_id,incident_id,latitude\nr,r-1,33\n")
    with pytest.raises(IncidentTableError, match=r"t\.csv:1: missing columns: date, "):
        read_incidents(path)


def test_a_value_of_the_wrong_type_names_file_line_and_column(tmp_path):
    text = csv_table({"report_id": "a", "latitude": "33.1"}, {"report_id": "b", "latitude": "x"})
    path = write(tmp_path / "t.csv", text)
    with pytest.raises(IncidentTableError, match=r"t\.csv:3: column 'latitude': 'x' is not a"):
        read_incidents(path)


def test_counts_must_be_whole_numbers(tmp_path):
    row = {c: None for c in INCIDENT_COLUMNS} | {"killed": 2.5}
    path = write(tmp_path / "t.jsonl", json.dumps(row) + "\n")
    with pytest.raises(
        IncidentTableError, match=r"t\.jsonl:1: column 'killed': 2\.5 is not a whole"
    ):
        read_incidents(path)


def test_a_broken_jsonl_line_is_named(tmp_path):
    good = json.dumps(dict.fromkeys(INCIDENT_COLUMNS))
    path = write(tmp_path / "t.jsonl", f"{good}\n{{broken\n")
    with pytest.raises(IncidentTableError, match=r"t\.jsonl:2: not JSON"):
        read_incidents(path)


def test_a_jsonl_row_missing_keys_is_named(tmp_path):
    good = json.dumps(dict.fromkeys(INCIDENT_COLUMNS))
    path = write(tmp_path / "t.jsonl", f'{good}\n\n{{"report_id": "x"}}\n')
    with pytest.raises(IncidentTableError, match=r"t\.jsonl:3: missing columns: incident_id"):
        read_incidents(path)


def test_a_csv_row_with_too_many_fields_is_named(tmp_path):
    path = write(tmp_path / "t.csv", csv_table({"report_id": "a"}).rstrip("\n") + ",extra\n")
    with pytest.raises(IncidentTableError, match=r"t\.csv:2: 19 fields where the header has 18"):
        read_incidents(path)


def test_a_geojson_feature_that_is_not_a_point_is_named(tmp_path):
    properties = {c: None for c in INCIDENT_COLUMNS if c not in ("latitude", "longitude")}
    line = {"type": "LineString", "coordinates": [[44, 33], [45, 34]]}
    features = [
        {"type": "Feature", "geometry": None, "properties": properties},
        {"type": "Feature", "geometry": line, "properties": properties},
    ]
    path = write(
        tmp_path / "t.geojson", json.dumps({"type": "FeatureCollection", "features": features})
    )
    with pytest.raises(IncidentTableError, match=r"t\.geojson: feature 2: geometry is not a Point"):
        read_incidents(path)


def test_a_missing_file_is_an_incident_table_error(tmp_path):
    with pytest.raises(IncidentTableError, match=r"gone\.csv: cannot be read"):
        read_incidents(tmp_path / "gone.csv")


def test_rows_written_apart_are_the_table_without_the_rows_left_out(tmp_path: Path) -> None:
    # A streamed run writes each part's rows as the workers encoded them, leaving out the
    # rows of a report whose id an earlier part used: the file must be the table of the
    # rows kept, lone carriage returns quoted whichever rows are kept.
    from mapper.table import EncodedRows, TableStream
    from mapper.table.stream import encode_rows

    table = incident_frame(
        [
            {"report_id": "a", "incident_id": "a-1", "quote": "Line one\rline two"},
            {"report_id": "b", "incident_id": "b-1", "quote": '=SUM(1), "quoted"\nnext'},
            {"report_id": "c", "incident_id": "c-1", "killed": 2, "latitude": 33.3},
        ]
    )
    for suffix in (".csv", ".jsonl"):
        for left_out in ({"a"}, {"b"}, {"a", "c"}, set()):
            encoded = encode_rows(table, csv=suffix == ".csv")
            assert isinstance(encoded, EncodedRows) and len(encoded) == 3
            streamed, whole = tmp_path / f"s{suffix}", tmp_path / f"w{suffix}"
            with TableStream(streamed) as stream:
                stream.write(encoded.without(left_out))
                stream.commit()
            write_incidents(table[~table["report_id"].isin(left_out)], whole)
            assert streamed.read_bytes() == whole.read_bytes()
