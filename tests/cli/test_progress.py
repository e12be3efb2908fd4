"""Progress on a terminal: every phase with its count and rate; nothing when piped or
``--quiet``. The terminal is a real pseudo-terminal (:mod:`pty`)."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REPORTS = str(ROOT / "samples" / "reports")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


def on_a_terminal(*argv: str) -> str:
    """Run ``mapper`` with stderr on a pseudo-terminal; what the terminal showed."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "mapper", *argv],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=follower,
        cwd=ROOT,
    )
    os.close(follower)
    shown = bytearray()
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed its end (EIO on Linux)
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert process.wait(timeout=120) == 0, shown.decode(errors="replace")
    return shown.decode("utf-8", errors="replace")


def test_every_phase_shows_its_count_and_rate_on_a_terminal(tmp_path: Path) -> None:
    shown = on_a_terminal("extract", REPORTS, "-o", str(tmp_path / "incidents.csv"))
    assert "read 90 reports in " in shown
    assert "reports/s)" in shown
    assert "extracted 90 reports in " in shown
    assert "merged " in shown and " mentions/s)" in shown
    assert "wrote " in shown and " rows/s)" in shown
    assert "90 reports: 83 with incidents" in shown


def test_a_build_shows_rendering_and_a_streamed_run_its_parts(tmp_path: Path) -> None:
    shown = on_a_terminal("build", REPORTS, "-o", str(tmp_path / "map.html"))
    assert "rendered " in shown and " incidents/s)" in shown
    streamed = on_a_terminal("extract", REPORTS, "--no-merge", "-o", str(tmp_path / "x.csv"))
    assert "extracted 90 reports in " in streamed and " reports/s)" in streamed


def test_quiet_or_piped_runs_show_no_progress(tmp_path: Path) -> None:
    quiet = on_a_terminal("extract", REPORTS, "-o", str(tmp_path / "a.csv"), "--quiet")
    assert "/s)" not in quiet and "reports:" not in quiet
    piped = subprocess.run(
        [sys.executable, "-m", "mapper", "extract", REPORTS, "-o", str(tmp_path / "b.csv")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert "/s)" not in piped.stderr and "\r" not in piped.stderr
    assert piped.stderr.splitlines()[0].startswith("90 reports: 83 with incidents")
