"""Evaluation: gold incidents and report paths in, scores out.

It runs the pipeline (:mod:`mapper.read`, :mod:`mapper.extract`, :mod:`mapper.merge`)
and compares with hand-labelled gold in JSON Lines:

* ``incidents``: :func:`evaluate` (one-to-one greedy matching, precision, recall, F1,
  attribute accuracy) and :func:`read_gold`;
* ``merging``: :func:`score_merge`, pairwise precision and recall of a merge against
  gold events.

The README's "Scoring rules" section is the contract.
"""

from mapper.evaluate.gold import read_gold
from mapper.evaluate.incidents import EvaluationResult, evaluate, evaluate_parts
from mapper.evaluate.merging import score_merge

__all__ = ["EvaluationResult", "evaluate", "evaluate_parts", "read_gold", "score_merge"]
