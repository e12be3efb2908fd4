"""Incident tables as Parquet: typed columns, for tables too large for a spreadsheet.

Written with pyarrow (the ``[dask]`` extra): each documented column with its own type
(text, 64-bit integers, doubles), missing values as nulls, any other column as text;
the same table gives the same bytes. Reading checks every value as the text formats
do, naming the row of a bad one.
"""

from __future__ import annotations

import io
from typing import Any

from mapper.errors import IncidentTableError
from mapper.table.cells import Cell, Row
from mapper.table.schema import INCIDENT_COLUMNS, MERGE_COLUMNS

_ARROW_TYPES = {"string": "string", "Int64": "int64", "Float64": "float64"}
_INSTALL_HINT = 'Parquet tables need pyarrow: pip install "incident-mapper[dask]"'


def parquet_bytes(columns: list[str], rows: list[dict[str, Cell]]) -> bytes:
    """The Parquet file of a table's rows (plain cells, None for missing)."""
    pa, pq = _pyarrow()
    known = {**INCIDENT_COLUMNS, **MERGE_COLUMNS}
    arrays = []
    for column in columns:
        kind = _ARROW_TYPES.get(known.get(column, "string"), "string")
        values: list[Any] = [row[column] for row in rows]
        if kind == "string":
            values = [None if v is None else str(v) for v in values]
        arrays.append(pa.array(values, type=getattr(pa, kind)()))
    table = pa.Table.from_arrays(arrays, names=columns)
    out = io.BytesIO()
    pq.write_table(table, out, compression="zstd")
    return out.getvalue()


def parquet_rows(path: str, raw: bytes) -> tuple[list[str], list[Row]]:
    """The columns and rows of a Parquet incident table, each row named ``: row N``."""
    _, pq = _pyarrow()
    try:
        table = pq.read_table(io.BytesIO(raw))
    except (OSError, ValueError) as error:  # pyarrow's errors are both
        raise IncidentTableError(f"{path}: not a readable Parquet file: {error}") from None
    columns = [str(name) for name in table.column_names]
    missing = [c for c in INCIDENT_COLUMNS if c not in columns]
    if missing:
        raise IncidentTableError(f"{path}: missing columns: {', '.join(missing)}")
    rows: list[Row] = [
        (f": row {number}", record) for number, record in enumerate(table.to_pylist(), start=1)
    ]
    return columns, rows


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise IncidentTableError(_INSTALL_HINT) from None
    return pa, pq
