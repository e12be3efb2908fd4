"""mapper evaluate: extraction scored against gold, one-to-one, as docs/extraction.md says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mapper import EvaluationError, evaluate
from mapper.cli.main import main
from mapper.evaluate import evaluate_parts
from mapper.evaluate.details import error_lines
from mapper.evaluate.matching import Match, Matching


def _gold(**fields):
    row = {
        "report_id": "a",
        "event": "E1",
        "date": "2021-05-03",
        "date_precision": "day",
        "place_id": "camp-taji",
        "latitude": 33.52,
        "longitude": 44.26,
        "geo_precision": 1,
        "weapon": "rocket",
        "projectiles": 2,
        "killed": None,
        "injured": 1,
        "target": "base",
    }
    row.update(fields)
    return row


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.md").write_text(
        "---\npublished: 2021-05-04\n---\n"
        "Two rockets hit Camp Taji on Monday, wounding one soldier.\n",
        encoding="utf-8",
    )
    (reports / "b.md").write_text(
        "---\npublished: 2021-05-04\n---\nCoalition troops withdrew from Camp Taji on Monday.\n",
        encoding="utf-8",
    )
    return tmp_path


def _write(path: Path, rows) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_a_perfect_extraction_scores_one(corpus):
    gold = _write(corpus / "gold.jsonl", [_gold()])
    result = evaluate(gold, corpus / "reports")
    assert (result.n_reports, result.n_gold, result.n_predicted, result.n_matched) == (2, 1, 1, 1)
    assert result.f1 == 1.0
    assert result.within_5km == 1.0
    assert set(result.accuracy.values()) == {1.0}


def test_matching_is_one_to_one_and_prefers_the_same_date(corpus):
    # Two gold incidents at the same camp: the prediction can only match one, the
    # one with its date, so the other is a miss and the date accuracy stays perfect.
    gold = _write(
        corpus / "gold.jsonl",
        [_gold(event="E0", date="2021-04-01"), _gold(event="E1")],
    )
    result = evaluate(gold, corpus / "reports")
    assert (result.n_matched, result.recall, result.precision) == (1, 0.5, 1.0)
    assert result.accuracy["date"] == 1.0
    assert any("missed gold date=2021-04-01" in miss for miss in result.misses)


def test_wrong_attributes_lower_their_accuracy_only(corpus):
    gold = _write(corpus / "gold.jsonl", [_gold(projectiles=3, weapon="mortar")])
    result = evaluate(gold, corpus / "reports")
    assert result.f1 == 1.0
    assert result.accuracy["projectiles"] == 0.0
    assert result.accuracy["weapon"] == 0.0
    assert result.accuracy["injured"] == 1.0


def test_a_far_away_gold_place_does_not_match(corpus):
    gold = _write(
        corpus / "gold.jsonl",
        [_gold(place_id="ain-al-asad", latitude=33.79, longitude=42.44)],
    )
    result = evaluate(gold, corpus / "reports")
    assert (result.n_matched, result.f1) == (0, 0.0)


def test_a_prediction_in_a_report_without_gold_is_a_false_positive(corpus):
    gold = _write(corpus / "gold.jsonl", [])
    (corpus / "reports" / "b.md").unlink()
    result = evaluate(gold, corpus / "reports")
    assert (result.n_gold, result.n_predicted, result.precision) == (0, 1, 0.0)


def test_gold_lines_of_reports_outside_the_paths_are_ignored(corpus):
    gold = _write(corpus / "gold.jsonl", [_gold(), _gold(report_id="elsewhere")])
    assert evaluate(gold, corpus / "reports").n_gold == 1


def test_a_bad_gold_line_is_named(corpus):
    gold = corpus / "gold.jsonl"
    gold.write_text(json.dumps(_gold()) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"gold\.jsonl:2: not JSON"):
        evaluate(gold, corpus / "reports")
    _write(gold, [{"report_id": "a"}])
    with pytest.raises(EvaluationError, match=r"gold\.jsonl:1: missing key"):
        evaluate(gold, corpus / "reports")


def test_merge_figures_are_reported(corpus):
    (corpus / "reports" / "c.md").write_text(
        "---\npublished: 2021-05-04\n---\nRockets struck Camp Taji on Monday, officials said.\n",
        encoding="utf-8",
    )
    gold = _write(
        corpus / "gold.jsonl",
        [_gold(), _gold(report_id="c", projectiles=None, injured=None)],
    )
    result = evaluate(gold, corpus / "reports")
    assert result.merge is not None
    assert result.merge["recall"] == 1.0
    assert "merge: precision" in result.format()


def test_the_command_prints_the_figures(corpus, capsys):
    gold = _write(corpus / "gold.jsonl", [_gold()])
    assert main(["evaluate", str(gold), str(corpus / "reports"), "--details"]) == 0
    out = capsys.readouterr().out
    assert "incidents: precision 1.000  recall 1.000  F1 1.000" in out
    assert "weapon accuracy: 1.000" in out
    assert main(["evaluate", str(corpus / "missing.jsonl"), str(corpus / "reports")]) == 2
    assert "no such gold file" in capsys.readouterr().err


def test_the_bundled_dev_set_meets_its_targets():
    root = Path(__file__).resolve().parents[2]
    result = evaluate(root / "samples" / "gold", root / "samples" / "reports")
    assert result.n_reports >= 45
    assert result.f1 >= 0.9
    for name in ("weapon", "projectiles", "killed", "injured", "date"):
        assert result.accuracy[name] is not None and result.accuracy[name] >= 0.9, name


def test_an_optional_gold_line_absorbs_its_prediction_and_never_counts(corpus):
    # b.md has a prediction only if extraction reads one; a.md's is absorbed here.
    gold = _write(corpus / "gold.jsonl", [_gold(optional=True, evidence="borderline")])
    result = evaluate(gold, corpus / "reports")
    assert (result.n_gold, result.n_predicted, result.n_matched) == (0, 0, 0)
    assert (result.n_optional, result.n_absorbed) == (1, 1)
    assert result.f1 == 1.0
    assert "optional gold: 1, absorbing 1 prediction(s)" in result.format()


def test_a_missed_optional_line_costs_nothing_and_scored_lines_match_first(corpus):
    # Both lines fit the one prediction; the scored line takes it even though the
    # optional line comes first and has the prediction's date.
    gold = _write(
        corpus / "gold.jsonl",
        [_gold(event="E0", optional=True), _gold(event="E1", date="2021-05-02")],
    )
    result = evaluate(gold, corpus / "reports")
    assert (result.n_gold, result.n_matched, result.n_absorbed) == (1, 1, 0)
    assert (result.precision, result.recall) == (1.0, 1.0)
    assert result.accuracy["date"] == 0.0


def test_parts_are_scored_alone_and_pooled(corpus, tmp_path):
    second = tmp_path / "second"
    (second / "reports").mkdir(parents=True)
    (second / "reports" / "a.md").write_text(  # the same id as the first part's report
        "---\npublished: 2021-05-04\n---\nThree mortar shells hit Camp Taji on Monday.\n",
        encoding="utf-8",
    )
    first_gold = _write(corpus / "gold.jsonl", [_gold()])
    second_gold = _write(
        second / "gold.jsonl",
        [
            _gold(weapon="mortar", projectiles=3),
            _gold(event="E2", place_id="ain-al-asad", latitude=33.79, longitude=42.44),
        ],
    )
    [one, two], pooled = evaluate_parts(
        [(first_gold, corpus / "reports"), (second_gold, [second / "reports"])]
    )
    assert (one.n_gold, one.n_matched, two.n_gold, two.n_matched) == (1, 1, 2, 1)
    assert (pooled.n_reports, pooled.n_gold, pooled.n_predicted, pooled.n_matched) == (3, 3, 2, 2)
    assert pooled.recall == 2 / 3
    assert pooled.accuracy["weapon"] == 1.0
    assert pooled.merge is not None and pooled.merge["mentions"] == 2.0
    # Each part is merged alone: the same event id or merged id in two parts is no pair.
    assert (pooled.merge["true_pairs"], pooled.merge["merged_pairs"]) == (0.0, 0.0)


def test_details_group_errors_by_kind_and_cause(corpus):
    (corpus / "reports" / "c.md").write_text(
        "---\npublished: 2021-05-04\n---\nTwo rockets hit Camp Taji on Monday.\n",
        encoding="utf-8",
    )
    gold = _write(
        corpus / "gold.jsonl",
        [
            _gold(projectiles=3),
            _gold(report_id="c", injured=None),
            _gold(
                report_id="c", event="E9", place_id="nowhere-known", latitude=30.0, longitude=47.0
            ),
        ],
    )
    text = evaluate(gold, corpus / "reports").format(details=True)
    assert "missed gold incidents: 1\n  place not in the gazetteer: 1\n    c: " in text
    assert "wrong values (got -> want): 1\n  projectiles: 1\n    a E1: 2 -> 3" in text


def test_the_command_scores_several_parts(corpus, tmp_path, capsys):
    gold = _write(corpus / "gold.jsonl", [_gold()])
    argv = ["evaluate", str(gold), str(corpus / "reports"), "--part", str(gold)]
    assert main([*argv, str(corpus / "reports")]) == 0
    out = capsys.readouterr().out
    assert out.count("incidents: precision 1.000  recall 1.000  F1 1.000") == 3
    assert "== pooled: 2 parts\nreports: 4" in out
    assert main(argv) == 2
    assert "give the gold and at least one PATH" in capsys.readouterr().err


def test_extra_predictions_are_told_apart_by_their_likely_cause(small_gazetteer):
    gold = _gold(report_id="r")
    found = {"report_id": "r", "date": "2021-05-03", "published": "2021-05-04"}
    matching = Matching(
        matches=[Match(gold, found, 0.0)],
        extra=[
            ({**found, "place_id": "camp-taji"}, [gold]),
            ({**found, "date": "2021-03", "place_id": "erbil"}, []),
            ({**found, "date": "2021-04", "place_id": "erbil"}, []),
        ],
    )
    text = "\n".join(error_lines(matching, (), small_gazetteer, same=lambda a, b: a == b))
    assert text.startswith("extra predictions: 3\n  duplicate of one already found: 1\n")
    assert "(gold E1 taken)\n  background event: 1\n    r: date=2021-03 " in text
    assert "  place only mentioned: 1\n    r: date=2021-04 " in text
