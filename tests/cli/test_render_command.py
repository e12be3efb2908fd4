"""``mapper build`` and ``mapper render``: the map from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

import mapper
from mapper.cli.main import main


def green_zone_table() -> object:
    """Two attacks on the Green Zone (facts of the seed reports of March 2020 and Jan 2022)."""
    return mapper.incident_frame(
        [
            {"report_id": "s3", "incident_id": "s3-1", "date": "2020-03-26", "place": "Green Zone",
             "place_id": "green-zone", "latitude": 33.305, "longitude": 44.385,
             "geo_precision": 1, "weapon": "rocket", "projectiles": 2,
             "quote": "Two rockets came down in an empty square.", "url": "https://a.example/3"},
            {"report_id": "s4", "incident_id": "s4-1", "date": "2022-01-13", "place": "Green Zone",
             "place_id": "green-zone", "latitude": 33.3, "longitude": 44.39, "geo_precision": 1,
             "weapon": "rocket", "projectiles": 3, "injured": 3,
             "quote": "A school was hit; three people were hurt.", "url": "https://a.example/4"},
        ]
    )  # fmt: skip


def test_render_draws_a_reviewed_table_the_same_from_any_format(tmp_path: Path) -> None:
    maps = []
    for suffix in (".csv", ".geojson", ".jsonl"):
        table = tmp_path / f"incidents{suffix}"
        mapper.write_incidents(green_zone_table(), table)
        out = tmp_path / f"map{suffix}.html"
        assert main(["render", str(table), "-o", str(out), "--title", "Green Zone"]) == 0
        maps.append(out.read_text(encoding="utf-8"))
    assert "<h1>Green Zone</h1>" in maps[0]
    assert (
        '2 incidents from 2 reports, <span class="im-date">2020-03-26</span> – '
        '<span class="im-date">2022-01-13</span>'
    ) in maps[0]
    assert maps[0] == maps[1] == maps[2]


def test_render_options_reach_the_map(tmp_path: Path) -> None:
    table = tmp_path / "incidents.csv"
    mapper.write_incidents(green_zone_table(), table)
    out = tmp_path / "map.html"
    assert main(["render", str(table), "-o", str(out), "--heat", "--cdn", "--tiles", "none"]) == 0
    html = out.read_text(encoding="utf-8")
    assert "simpleheat" not in html and "heat: true" in html  # heat linked, not inlined
    assert '<script src="https://' in html
    assert 'shownTiles: "Plain (no tiles)"' in html


def test_render_names_a_table_it_cannot_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.csv"
    assert main(["render", str(missing), "-o", str(tmp_path / "map.html")]) == 2
    assert "nowhere.csv" in capsys.readouterr().err
    assert not (tmp_path / "map.html").exists()


def test_build_goes_from_reports_to_map_and_table(
    tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, table = tmp_path / "map.html", tmp_path / "incidents.csv"
    assert main(["build", str(seeds_dir), "-o", str(out), "--incidents", str(table)]) == 0
    err = capsys.readouterr().err
    assert "3 reports" in err and f"to {out}" in err
    incidents = mapper.read_incidents(table)
    assert len(incidents) >= 2
    html = out.read_text(encoding="utf-8")
    assert f"{len(incidents)} incident" in html and "Green Zone" in html
    # The reviewed table renders to the very same map.
    again = tmp_path / "again.html"
    assert main(["render", str(table), "-o", str(again)]) == 0
    assert again.read_text(encoding="utf-8") == html


def test_build_quiet_prints_nothing_when_all_went_well(
    tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", str(seeds_dir), "-o", str(tmp_path / "m.html"), "--quiet"]) == 0
    assert capsys.readouterr().err == ""
