"""``mapper gazetteer check`` and ``lookup`` as a user runs them."""

import json
from pathlib import Path

import pytest

from mapper.cli.main import main

FIXTURES = Path(__file__).parents[1] / "fixtures" / "gazetteer"


def test_bundled_data_passes_its_own_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gazetteer", "check"]) == 0
    assert capsys.readouterr().out.strip().endswith("ok")


def test_check_lists_every_problem_with_file_and_row(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "bad_user_places.csv"
    assert main(["gazetteer", "check", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:2: latitude 133.4 is out of range" in out
    assert "7 problem(s)" in out or "problem(s)" in out


def test_check_accepts_a_good_user_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gazetteer", "check", str(FIXTURES / "good_user_places.csv")]) == 0


def test_lookup_prints_ranked_candidates_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gazetteer", "lookup", "Q-West", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["id"] == "qayyarah-west"
    assert {"kind", "latitude", "longitude", "parent", "source", "score"} <= set(rows[0])


def test_lookup_of_unknown_name_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gazetteer", "lookup", "Xyzzyville Qwerty"]) == 1
    assert "no place matches" in capsys.readouterr().out


def test_lookup_with_a_bad_user_file_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "bad_user_places.csv"
    assert main(["gazetteer", "lookup", "Erbil", "--gazetteer", str(path)]) == 2
    assert f"{path} refused" in capsys.readouterr().err


def test_check_refuses_an_iraqi_place_outside_iraq(tmp_path: Path, capsys) -> None:
    # Kuwait City and Ilam (Iran) lie inside Iraq's bounding box, not inside Iraq.
    path = tmp_path / "places.csv"
    path.write_text(
        "id,name,kind,country,parent,latitude,longitude,radius_km,aliases,source\n"
        "kuwait-city,Kuwait City,city,IQ,,29.37,47.98,10,,test\n"
        "ilam,Ilam,city,IQ,,33.64,46.42,10,,test\n"
        "karbala-test,Karbala test,city,IQ,,32.6,44.02,10,,test\n",
        encoding="utf-8",
    )
    assert main(["gazetteer", "check", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:2: (29.37, 47.98) lies outside IQ's outline" in out
    assert f"{path}:3: (33.64, 46.42) lies outside IQ's outline" in out
    assert ":4:" not in out


def test_check_notes_a_name_a_user_place_shares_with_another_place(tmp_path: Path, capsys) -> None:
    path = tmp_path / "places.csv"
    path.write_text(
        "id,name,kind,country,parent,latitude,longitude,radius_km,aliases,source\n"
        "new-town,New Town,town,IQ,gov-anbar,33.4,43.3,3,Arbil,test\n",
        encoding="utf-8",
    )
    assert main(["gazetteer", "check", str(path)]) == 0  # a note, not an error
    out = capsys.readouterr().out
    assert f"note: {path}: 'Arbil' (new-town) also names erbil (Erbil, city)" in out
