"""Gold incidents: the hand-labelled JSON Lines that extraction is scored against.

One object a line, with at least :data:`GOLD_KEYS`; a line with ``"optional": true`` is
borderline (a background attack, a drone only spotted): it absorbs a matching
prediction and is never counted either way. Other keys (``evidence``...) are ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mapper.errors import EvaluationError

#: Keys every gold line must have (the others may be missing, meaning unknown).
GOLD_KEYS: tuple[str, ...] = ("report_id", "event", "date", "place_id", "latitude", "longitude")


def is_optional(row: dict[str, Any]) -> bool:
    """Whether a gold line is borderline: it absorbs a prediction, never counts."""
    return row.get("optional") is True


def read_gold(gold_path: str | Path) -> list[dict[str, Any]]:
    """Read gold incidents from a ``.jsonl`` file or every ``.jsonl`` in a folder."""
    path = Path(gold_path)
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
        if not files:
            raise EvaluationError(f"{path}: no .jsonl gold file in this folder")
    elif path.is_file():
        files = [path]
    else:
        raise EvaluationError(f"{path}: no such gold file or folder")
    return [row for file in files for row in _read_gold_file(file)]


def _read_gold_file(path: Path) -> Iterator[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationError(f"{path}: cannot read gold file ({error})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise EvaluationError(f"{path}:{number}: not JSON ({error.msg})") from None
        if not isinstance(row, dict):
            raise EvaluationError(f"{path}:{number}: a gold line must be a JSON object")
        missing = [key for key in GOLD_KEYS if key not in row]
        if missing:
            raise EvaluationError(f"{path}:{number}: missing key(s) {', '.join(missing)}")
        yield row
