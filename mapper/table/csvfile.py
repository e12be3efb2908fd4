"""Incident tables as CSV: a header and one row per incident, missing values empty.

Text cells a spreadsheet would run as a formula are guarded
(:mod:`mapper.table.formulas`), and the guard is taken off on reading; numbers are
never touched. A lone carriage return inside a cell is quoted, so no reader splits
the row there.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Collection

from mapper.errors import IncidentTableError
from mapper.read import numbered_records
from mapper.table.cells import Cell, Row
from mapper.table.formulas import GUARDED_STARTS, guard_formula, unguard_formula
from mapper.table.schema import INCIDENT_COLUMNS, MERGE_COLUMNS

#: Columns read as numbers: their CSV cells are never guarded against formulas.
NUMERIC_COLUMNS = frozenset(
    c for c, dtype in {**INCIDENT_COLUMNS, **MERGE_COLUMNS}.items() if dtype != "string"
)


def write_csv(columns: list[str], rows: list[dict[str, Cell]]) -> str:
    """The CSV text of a table's rows (plain cells, None for missing)."""
    return "".join(csv_lines(columns, rows, header=True))


def csv_lines(columns: list[str], rows: list[dict[str, Cell]], *, header: bool) -> list[str]:
    """The CSV text of each row (after the header's, with *header*), each with its newline.

    A row's text does not depend on the others, so a table written a chunk of rows at a
    time, or with some rows left out, is the same rows' :func:`write_csv`.
    """
    lines = _csv_lines(columns, rows, header=header, cr_safe=False)
    # csv quotes a cell holding a character of its line terminator, "\n" here, but
    # not a lone CR, which spreadsheets and csv readers take for the end of a row (the
    # rest of the cell would start a row of its own). Rare: only then write it again.
    if any("\r" in line for line in lines):
        return _csv_lines(columns, rows, header=header, cr_safe=True)
    return lines


def _csv_lines(
    columns: list[str], rows: list[dict[str, Cell]], *, header: bool, cr_safe: bool
) -> list[str]:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    names: list[Cell] = [guard_formula(c) for c in columns]
    ends = []
    for cells in itertools.chain([names] if header else [], (_csv_row(r, columns) for r in rows)):
        if cr_safe and any(isinstance(cell, str) and "\r" in cell for cell in cells):
            line = io.StringIO()
            csv.writer(line, lineterminator="\r\n").writerow(cells)  # quotes every CR
            out.write(line.getvalue()[:-2] + "\n")
        else:
            writer.writerow(cells)
        ends.append(out.tell())
    text = out.getvalue()
    return [text[start:end] for start, end in zip([0, *ends], ends, strict=False)]


def _csv_row(row: dict[str, Cell], columns: list[str]) -> list[Cell]:
    """Missing as an empty cell, text guarded against formulas, numbers as they are."""
    starts = GUARDED_STARTS
    return [
        guard_formula(v) if v.__class__ is str and v[:1] in starts else "" if v is None else v
        for v in map(row.__getitem__, columns)
    ]


def read_csv(path: str, text: str, required: Collection[str]) -> tuple[list[str], list[Row]]:
    """The header and rows of a CSV table; the header must hold every *required* column."""
    header: list[str] | None = None
    rows: list[Row] = []
    for start, cells in numbered_records(io.StringIO(text, newline="")):
        if isinstance(cells, csv.Error):
            raise IncidentTableError(f"{path}:{start}: broken CSV row: {cells}")
        if header is None:
            header = check_header(path, start, [unguard_formula(name) for name in cells], required)
            continue
        if len(cells) != len(header):
            raise IncidentTableError(
                f"{path}:{start}: {len(cells)} fields where the header has {len(header)}"
            )
        values = {
            c: (None if v == "" else v if c in NUMERIC_COLUMNS else unguard_formula(v))
            for c, v in zip(header, cells, strict=True)
        }
        rows.append((f":{start}", values))
    if header is None:
        raise IncidentTableError(f"{path}: empty file: no header row")
    return header, rows


def check_header(path: str, line: int, cells: list[str], required: Collection[str]) -> list[str]:
    """*cells*, a header row, once no name is there twice and none *required* is missing."""
    seen: set[str] = set()
    for name in cells:
        if name in seen:
            raise IncidentTableError(f"{path}:{line}: column {name!r} appears twice in the header")
        seen.add(name)
    missing = [c for c in required if c not in seen]
    if missing:
        raise IncidentTableError(f"{path}:{line}: missing columns: {', '.join(missing)}")
    return cells
