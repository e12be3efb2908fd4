"""Mutated report files never stop a read (issue 14, "no input stops the run").

Each example takes one bundled sample file (Markdown, HTML, CSV, JSON Lines) and
mutates its bytes: flipped, cut, repeated, or with what readers trip over put in
(NUL, CR, byte order marks, front matter fences, quotes, brackets, invalid UTF-8).
``read_reports`` must raise nothing, name the file of every problem, and hand the
extraction only reports it runs without failing. Derandomized, no example database.
"""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapper import read_reports
from mapper.extract import run_extraction

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "reports"
#: Bytes that readers trip over.
TRIPS = [b"\x00", b"\r", b"\r\n", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"---\n",
         b'"', b"{", b"[", b"<", b"\xc3", b"\xe9", b"\n\n", b",", b"\\u0000", b"&#0;"]  # fmt: skip


@lru_cache(maxsize=1)
def _samples() -> tuple[tuple[str, bytes], ...]:
    """One sample file of each format, name and bytes."""
    chosen: dict[str, Path] = {}
    for path in sorted(SAMPLES.iterdir()):
        chosen.setdefault(path.suffix, path)
    return tuple((path.name, path.read_bytes()) for path in chosen.values())


@st.composite
def mutated_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A sample file's name and its bytes, mutated a few times."""
    name, data = draw(st.sampled_from(_samples()))
    for _ in range(draw(st.integers(min_value=1, max_value=5))):
        at = draw(st.integers(min_value=0, max_value=len(data)))
        action = draw(st.sampled_from(["insert", "flip", "cut", "repeat", "truncate"]))
        if action == "insert":
            piece = draw(st.one_of(st.sampled_from(TRIPS), st.binary(min_size=1, max_size=8)))
            data = data[:at] + piece + data[at:]
        elif action == "flip" and at < len(data):
            data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
        elif action == "cut":
            data = data[:at] + data[at + draw(st.integers(min_value=1, max_value=200)) :]
        elif action == "repeat":
            data = data[:at] + data[at : at + 300] * draw(st.integers(2, 5)) + data[at:]
        elif action == "truncate":
            data = data[:at]
    return name, data


@settings(
    max_examples=120,
    deadline=5000,  # ms
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated=mutated_files())
def test_a_mutated_file_is_read_or_named_and_never_stops_the_run(
    mutated: tuple[str, bytes],
) -> None:
    name, data = mutated
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        reports = read_reports(path)
        assert all(problem.path == str(path) for problem in reports.problems)
        assert all(warning.path == str(path) for warning in reports.warnings)
        assert reports.reports or reports.problems
        run = run_extraction(reports, progress=False)
    assert [o.reason for o in run.outcomes if o.status == "failed"] == []
    for row in run.incidents.to_dict("records"):
        assert -90 <= row["latitude"] <= 90 and -180 <= row["longitude"] <= 180, row
