"""Incident tables as Excel workbooks (``.xlsx``), written and read with openpyxl.

One sheet, ``incidents``: a header row (frozen, with filters) and one row per
incident; numbers are numbers, missing values empty cells. Text is guarded against
formulas as in CSV (:mod:`mapper.table.formulas`): a cell never holds a formula, and
text that a spreadsheet would take for one gets a leading quote, which reading takes
off again. Control characters XLSX cannot hold (all but tab, newline and carriage
return) are written as U+FFFD. The same table gives the same bytes: the workbook
and its zip entries carry one fixed date (1980-01-01), not the time of writing.

openpyxl is optional (``pip install "incident-mapper[xlsx]"``) and imported only here.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Collection
from typing import Any

from mapper.errors import IncidentTableError
from mapper.table.cells import Cell, Row
from mapper.table.csvfile import NUMERIC_COLUMNS, check_header
from mapper.table.formulas import guard_formula, unguard_formula

_INSTALL_HINT = 'XLSX tables need openpyxl: pip install "incident-mapper[xlsx]"'
#: What XML 1.0, and so a worksheet, cannot hold.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: The date every zip entry carries, so the same table gives the same bytes.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
SHEET = "incidents"


def write_xlsx(columns: list[str], rows: list[dict[str, Cell]]) -> bytes:
    """The ``.xlsx`` file of a table's rows (plain cells, None for missing).

    Raises
    ------
    IncidentTableError
        When openpyxl is not installed.
    """
    openpyxl = _openpyxl()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append([_text(column) for column in columns])
    for row in rows:
        sheet.append([_text(v) if isinstance(v, str) else v for v in map(row.get, columns)])
    for cells in sheet.iter_rows():
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula, whatever it starts with
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    workbook.properties.created = workbook.properties.modified = dt.datetime(*_ZIP_DATE)
    out = io.BytesIO()
    from openpyxl.writer.excel import ExcelWriter

    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return _fixed_dates(out.getvalue())


def _text(value: str) -> str:
    return guard_formula(_ILLEGAL.sub("\ufffd", value))


def _fixed_dates(content: bytes) -> bytes:
    """The same zip with every entry dated :data:`_ZIP_DATE`, in the same order."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(content)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()


def read_xlsx(path: str, raw: bytes, required: Collection[str]) -> tuple[list[str], list[Row]]:
    """The header and rows of the first sheet of an ``.xlsx`` table, each row named
    ``:N`` by its row number in the sheet.

    A date or time a user typed into a cell reads as its ISO date (``2020-11-17``).
    """
    openpyxl = _openpyxl()
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
        raise IncidentTableError(f"{path}: not a readable XLSX workbook: {error}") from None
    try:
        lines = workbook.worksheets[0].iter_rows(values_only=True)
        header: list[str] | None = None
        rows: list[Row] = []
        for number, values in enumerate(lines, start=1):
            cells = [_cell(value) for value in values]
            if header is None:
                names = [unguard_formula(str(c)) if c is not None else "" for c in cells]
                while names and names[-1] == "":
                    names.pop()
                header = check_header(path, number, names, required)
                continue
            if all(cell is None for cell in cells):
                continue
            cells = (cells + [None] * len(header))[: len(header)]
            row = {
                column: unguard_formula(cell)
                if isinstance(cell, str) and column not in NUMERIC_COLUMNS
                else cell
                for column, cell in zip(header, cells, strict=True)
            }
            rows.append((f":{number}", row))
    finally:
        workbook.close()
    if header is None:
        raise IncidentTableError(f"{path}: empty workbook: no header row")
    return header, rows


def _cell(value: Any) -> Cell:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | str):
        return value
    return str(value)


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise IncidentTableError(_INSTALL_HINT) from None
    return openpyxl
