"""``mapper evaluate GOLD PATH...``: score extraction (and merging) against gold labels.

Prints incident precision, recall and F1, the share of matched incidents located
within 5 km, each attribute's accuracy and the merge figures; ``--details`` adds
every unmatched incident and attribute difference. Exit status 0, or 2 when the gold
cannot be read.
"""

from __future__ import annotations

import argparse
from typing import Any

from mapper.cli.gazetteer import add_gazetteer_option


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
    parser.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders")
    parser.add_argument(
        "--details", action="store_true", help="also list misses and attribute differences"
    )
    add_gazetteer_option(parser)
    parser.set_defaults(func=run_evaluate)


def run_evaluate(args: argparse.Namespace) -> int:
    """Run ``mapper evaluate``; return the exit status."""
    from gazetteer import load_gazetteer
    from mapper.evaluate import evaluate

    gazetteer = load_gazetteer(*args.gazetteer)
    result = evaluate(args.gold, args.paths, gazetteer=gazetteer)
    print(result.format(details=args.details))
    return 0
