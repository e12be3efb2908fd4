"""How every output is written (issue 14, item 4): all at once, or not at all."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pandas as pd
import pytest

import mapper
from mapper.errors import IncidentTableError
from mapper.table import FIGURE_CEILING, check_figures, write_atomically


def test_a_new_file_is_written_synced_and_nothing_else_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), fsync(fd))[1])
    target = tmp_path / "map.html"
    write_atomically(target, "<p>é\r\n</p>")
    assert target.read_bytes() == "<p>é\r\n</p>".encode()  # line endings as given
    assert len(synced) >= 1  # the file (and, where the system allows, the folder)
    assert list(tmp_path.iterdir()) == [target]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "map.html"
    target.write_text("old", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left on device"):
        write_atomically(target, "new" * 1000)
    assert target.read_text(encoding="utf-8") == "old"
    assert list(tmp_path.iterdir()) == [target]


def test_a_replaced_file_keeps_its_mode_and_a_link_is_followed(tmp_path: Path) -> None:
    real = tmp_path / "maps" / "map.html"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "latest.html"
    link.symlink_to(real)
    write_atomically(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in real.parent.iterdir()) == ["map.html"]


def test_a_device_is_written_straight_to() -> None:
    write_atomically("/dev/null", "a map nobody keeps")
    assert Path("/dev/null").is_char_device()


def test_a_folder_in_the_way_is_an_error_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        write_atomically(tmp_path, "x")
    assert not list(tmp_path.parent.glob(f".{tmp_path.name}.*.tmp"))


def test_a_table_that_cannot_be_written_says_so_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "incidents.jsonl"
    target.write_text("old\n", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    table = mapper.incident_frame([{"report_id": "r", "incident_id": "r-1"}])
    with pytest.raises(IncidentTableError) as raised:
        mapper.write_incidents(table, target)
    assert str(raised.value) == (
        f"{target}: cannot be written: No space left on device "
        "(any table already there is left as it was)"
    )
    assert target.read_text(encoding="utf-8") == "old\n"


# --- the ceiling on figures (issue 14, item 2) ----------------------------------------


def test_figures_over_the_ceiling_or_not_counts_are_emptied_with_a_reason() -> None:
    row = {"incident_id": "a-1", "projectiles": 2**63, "killed": -1, "injured": FIGURE_CEILING}
    checked, reasons = check_figures(row)
    assert checked == {**row, "projectiles": None, "killed": None}
    assert reasons == [
        f"projectiles {2**63} is over {FIGURE_CEILING:,}, too many for one incident; left empty",
        "killed -1 is not a count; left empty",
    ]
    assert row["projectiles"] == 2**63  # the row given is not changed
    assert check_figures({"killed": None, "injured": True}) == (
        {"killed": None, "injured": None},
        ["injured True is not a count; left empty"],
    )


def test_a_count_past_int64_is_a_table_error_naming_the_column() -> None:
    with pytest.raises(IncidentTableError, match="column 'injured' cannot be read as whole"):
        mapper.incident_frame([{"incident_id": "a-1", "injured": 99999999999999999999}])
    assert mapper.incident_frame([{"injured": 2**63 - 1}])["injured"].dtype == pd.Int64Dtype()
