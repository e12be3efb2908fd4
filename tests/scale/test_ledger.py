"""What a streamed run keeps of every report (counts; ids and warnings on disk), and the
memory it hands back between parts."""

from __future__ import annotations

import subprocess
import sys

from mapper.errors import ReportError
from mapper.extract import Tally, format_summary, problem_lines
from mapper.extract.pipeline import Outcome
from mapper.scale.ledger import Ledger

OUTCOMES = [
    Outcome(None, "gone.csv", 4, "unreadable", 0, "no report text"),
    Outcome("a", "a.md", None, "incidents", 2, warnings=("odd date",)),
    Outcome("b", "b.md", None, "none"),
    Outcome("c", "c.md", None, "failed", 0, "extraction failed: ValueError: x"),
]


def test_a_tally_summarises_as_the_outcomes_do() -> None:
    tally = Tally.of(OUTCOMES[:2])
    tally.extend(Tally.of(OUTCOMES[2:]))
    warnings = [ReportError("a.md", "odd date")]
    assert format_summary(tally, warnings) == format_summary(OUTCOMES, warnings)
    assert problem_lines(tally) == problem_lines(OUTCOMES)
    assert (len(tally), tally.n_reports, tally.incidents) == (4, 3, 2)
    assert [o.report_id for o in tally.named] == [None, "c"]


def test_the_ledger_finds_first_uses_and_gives_warnings_back_in_order() -> None:
    ledger = Ledger()
    ledger.use((f"id-{i}", f"big.parquet:{i + 1}") for i in range(1200))
    asked = {"id-0", "id-777", "id-1199", "new"}
    assert ledger.first_uses(asked) == {
        "id-0": "big.parquet:1",
        "id-777": "big.parquet:778",
        "id-1199": "big.parquet:1200",
    }
    ledger.warn([ReportError("a.md", "one"), ReportError("b.csv", "two", line=3)])
    ledger.warn([ReportError("c.md", "three")])
    warnings = ledger.warnings([ReportError("index.csv", "first", line=1)])
    assert len(warnings) == 4
    read = [(w.path, w.reason, w.line) for w in warnings]
    assert read == [
        ("index.csv", "first", 1),
        ("a.md", "one", None),
        ("b.csv", "two", 3),
        ("c.md", "three", None),
    ]
    assert [w.reason for w in warnings] == ["first", "one", "two", "three"]  # again


def test_handing_memory_back_runs_no_other_program() -> None:
    # Between the parts of a streamed run, freed memory goes back to the system; finding
    # glibc's malloc_trim must not start a program (ldconfig) when mapper.scale loads.
    code = (
        "import subprocess\nstarted = []\n"
        "subprocess.Popen.__init__ = lambda self, *a, **k: started.append(a)\n"
        "from mapper.scale.trim import trim_memory\ntrim_memory()\nprint(started)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr
