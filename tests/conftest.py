"""Fixtures shared across the test suite."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pytest

from gazetteer import Gazetteer, Place, default_gazetteer

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The three real seed reports beside the repository (``../shared/seeds``).

    A missing folder fails the test: the seeds are part of the project's checks.
    """
    folder = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not (folder / "index.csv").is_file():
        pytest.fail(f"the seed reports are missing: expected {folder}/index.csv")
    return folder


@pytest.fixture(scope="session")
def realnews_parts() -> list[tuple[Path, Path]]:
    """The real-news corpus beside the repository (``../shared/realnews``): each part's
    ``gold.jsonl`` and ``reports/``. A missing corpus fails the test, as the seeds do."""
    root = Path(__file__).resolve().parents[2] / "shared" / "realnews"
    parts = sorted(p for p in root.glob("*") if (p / "gold.jsonl").is_file())
    if not parts:
        pytest.fail(f"the real-news corpus is missing: expected {root}/*/gold.jsonl")
    return [(part / "gold.jsonl", part / "reports") for part in parts]


@pytest.fixture(scope="session")
def report_fixtures() -> Path:
    """``tests/fixtures/reports``: good, malformed and indexed sample reports."""
    return FIXTURES / "reports"


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    """The bundled gazetteer, as a user running ``mapper`` gets it."""
    return default_gazetteer()


@pytest.fixture(scope="session")
def small_gazetteer() -> Gazetteer:
    """A handful of places, enough for tests that need names resolved."""
    # Coordinates rounded from OpenStreetMap.
    return Gazetteer(
        [
            Place("iraq", "Iraq", "country", 33.0, 44.0),
            Place("baghdad", "Baghdad", "city", 33.315, 44.366, parent="iraq"),
            Place("green-zone", "Green Zone", "zone", 33.305, 44.385, parent="baghdad"),
            Place("erbil", "Erbil", "city", 36.191, 44.009, aliases=("Irbil",)),
            Place("camp-taji", "Camp Taji", "military base", 33.53, 44.25, aliases=("Taji",)),
        ]
    )


@pytest.fixture
def fake_extract(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace ``mapper.extract.report`` with a stand-in: one rocket incident per sentence
    that says "rocket", and an error for any report whose text says "explode-me".

    Returns the report ids it was called with, in call order.
    """
    calls: list[str] = []

    def extract_report(report: Any, gazetteer: Gazetteer) -> list[dict[str, Any]]:
        calls.append(report.report_id)
        if "explode-me" in report.text:
            raise RuntimeError("stand-in extractor refused this text")
        sentences = [s.strip() for s in report.text.replace("\n", " ").split(".")]
        return [
            {"weapon": "rocket", "quote": s, "date": report.published}
            for s in sentences
            if "rocket" in s.lower()
        ]

    module = types.ModuleType("mapper.extract.report")
    module.extract_report = extract_report  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "mapper.extract.report", module)
    return calls
