"""``mapper evaluate GOLD PATH... [--part GOLD PATH...]``: score extraction against gold.

Prints incident precision, recall and F1, the share of matched incidents located
within 5 km, each attribute's accuracy and the merge figures; ``--details`` adds every
error, grouped by kind and likely cause. With ``--part``, each part (a gold file and
its reports) is printed alone and then pooled. Exit status 0, or 2 when the gold
cannot be read or a report path is not there (checked before any work).
"""

from __future__ import annotations

import argparse
from typing import Any

from mapper.cli.gazetteer import add_gazetteer_option
from mapper.cli.inputs import PATHS_HELP, check_paths


def register(subparsers: Any) -> None:
    """Add the ``evaluate`` command."""
    parser = subparsers.add_parser(
        "evaluate",
        help="score extracted incidents against gold labels",
        description=(
            "Extract incidents from the reports under PATH and compare them with the gold "
            "incidents (a .jsonl file, or a folder of them). Scoring rules: docs/extraction.md."
        ),
    )
    parser.add_argument("gold", metavar="GOLD", help="gold .jsonl file or folder")
    parser.add_argument("paths", nargs="+", metavar="PATH", help=PATHS_HELP)
    parser.add_argument(
        "--part",
        action="append",
        nargs="+",
        default=[],
        metavar="GOLD PATH",
        help="one more gold file or folder and its report paths, scored alone and pooled "
        "with the others (repeatable)",
    )
    parser.add_argument(
        "--details",
        action="store_true",
        help="also list every error: missed, extra, and wrong values, grouped by cause",
    )
    add_gazetteer_option(parser)
    parser.set_defaults(func=run_evaluate)


def run_evaluate(args: argparse.Namespace) -> int:
    """Run ``mapper evaluate``; return the exit status."""
    from gazetteer import load_gazetteer
    from mapper.errors import EvaluationError
    from mapper.evaluate import evaluate, evaluate_parts

    # The report paths; a missing gold file is the evaluator's to name ("no such gold file").
    check_paths([*args.paths, *(path for part in args.part for path in part[1:])])
    gazetteer = load_gazetteer(*args.gazetteer)
    if not args.part:
        result = evaluate(args.gold, args.paths, gazetteer=gazetteer)
        print(result.format(details=args.details))
        return 0
    parts = [(args.gold, args.paths)]
    for part in args.part:
        if len(part) < 2:
            raise EvaluationError(f"--part {part[0]}: give the gold and at least one PATH")
        parts.append((part[0], part[1:]))
    results, pooled = evaluate_parts(parts, gazetteer=gazetteer)
    for (gold, paths), result in zip(parts, results, strict=True):
        print(f"== {gold} ({' '.join(map(str, paths))})")
        print(result.format(details=args.details))
        print()
    print(f"== pooled: {len(parts)} parts")
    print(pooled.format())
    return 0
