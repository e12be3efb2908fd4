"""Properties every extraction keeps, whatever the text: mutated sample reports.

Each example starts from one bundled report (``samples/reports``) and mutates it:
sentences deleted, duplicated, shuffled; random Unicode, digits, huge numbers, place
names and weapon or casualty words put in; the publication date changed or dropped.
The whole pipeline (:func:`mapper.extract.run_extraction`) must then fail on none
(it records an exception as a failed report) and give rows with coordinates on the
globe, no negative figure and no date after the report's publication (a 5,000-digit
figure made the old code raise). Derandomized, with no example database: the same
examples on every run, in a few seconds.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mapper
from mapper.extract import run_extraction
from mapper.extract.vocabulary import WEAPON_TERMS

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "reports"
#: Names of places in several spellings and scripts, a town that is also a verb, and
#: places abroad.
PLACES = ["Baghdad", "Erbil", "Irbil", "Hit", "al-Qa'im", "Ain al-Asad", "Camp Taji",
          "the Green Zone", "بغداد", "أربيل", "Kirkuk province", "K1", "Syria", "Tehran",
          "northern Iraq", "the capital", "Balad Air Base", "Mosul's old city"]  # fmt: skip
FIGURES = ["killed", "wounded", "were killed", "were injured", "killing", "wounding",
           "dead", "nobody was hurt", "the death toll rose to", "people", "soldiers",
           "rockets", "at least", "about", "and", ",", ";", ".", ":", " while "]  # fmt: skip
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+")


@lru_cache(maxsize=1)
def _sample_reports() -> tuple[mapper.Report, ...]:
    return tuple(r for r in mapper.read_reports(SAMPLES).reports if r.text)


def _huge_number(value: int, commas: bool) -> str:
    return f"{value:,}" if commas else str(value)


#: Numbers, small, past 2**63, and past the 4,300 digits ``int`` reads.
NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**6).map(str),
    st.builds(_huge_number, st.integers(min_value=10**15, max_value=10**60), st.booleans()),
    st.integers(min_value=4301, max_value=6000).map(lambda n: "9" * n),
)
#: A figure in the words that read it: "killing 99999999999999999999 people".
COUNTED = st.builds(
    "{} {} {}".format,
    st.sampled_from(["killing", "wounding", "firing", "at least", "", "Rockets hit Baghdad,"]),
    NUMBERS,
    st.sampled_from(["people", "soldiers", "rockets", "were killed", "were injured", "drones"]),
)
#: Something to put into a report: what readers trip over.
INSERTS = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(categories=["Nd", "No", "Zs", "Pd", "Ps", "Pe"]), max_size=20),
    NUMBERS,
    COUNTED,
    st.sampled_from(PLACES),
    st.sampled_from(sorted(WEAPON_TERMS)),
    st.sampled_from(FIGURES),
    st.lists(st.sampled_from(PLACES + FIGURES), min_size=2, max_size=30).map(" ".join),
)
PUBLISHED = st.one_of(
    st.none(),
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.isoformat()[:7]),
)


@st.composite
def mutated_reports(draw: st.DrawFn) -> mapper.Report:
    """One bundled report with its sentences mutated."""
    report = draw(st.sampled_from(_sample_reports()))
    sentences = _SENTENCE_RE.split(report.text)
    for _ in range(draw(st.integers(min_value=0, max_value=6))):
        at = draw(st.integers(min_value=0, max_value=max(0, len(sentences) - 1)))
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "splice", "shuffle"]))
        if action == "delete" and len(sentences) > 1:
            del sentences[at]
        elif action == "duplicate":
            sentences.insert(at, sentences[at])
        elif action == "insert":
            sentences.insert(at, draw(INSERTS))
        elif action == "splice":  # within a sentence, where words are
            words = sentences[at].split(" ")
            cut = draw(st.integers(min_value=0, max_value=len(words)))
            sentences[at] = " ".join([*words[:cut], draw(INSERTS), *words[cut:]])
        elif action == "shuffle":
            sentences = draw(st.permutations(sentences))
    separator = draw(st.sampled_from([" ", "\n", "\n\n"]))
    published = draw(st.one_of(st.just(report.published), PUBLISHED))
    return replace(report, text=separator.join(sentences), published=published)


@settings(
    max_examples=150,
    deadline=5000,  # ms; a DoS regression shows as a miss, not as a slow CI run
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(report=mutated_reports())
def test_mutated_reports_give_sane_rows(report: mapper.Report) -> None:
    run = run_extraction([report], progress=False)
    # The pipeline records an exception as a "failed" report rather than raise it.
    assert [o.reason for o in run.outcomes if o.status == "failed"] == []
    for row in run.incidents.to_dict("records"):
        assert -90 <= row["latitude"] <= 90, row
        assert -180 <= row["longitude"] <= 180, row
        for column in ("projectiles", "killed", "injured"):
            assert pd.isna(row[column]) or row[column] >= 0, (column, row)
        if not pd.isna(row["date"]) and report.published is not None:
            shared = min(len(row["date"]), len(report.published))
            assert row["date"][:shared] <= report.published[:shared], row
