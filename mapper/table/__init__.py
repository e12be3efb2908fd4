"""The incident table: its schema, typed cells, and its files (CSV, GeoJSON, JSON Lines,
XLSX, KML, Parquet; ACLED's layout).

Every later stage speaks this table. It takes in rows (from extraction, from merging,
or a file a user reviewed) and gives a ``pandas.DataFrame`` with the documented columns
and nullable types:

* ``schema``: the columns, their dtypes and the controlled vocabularies
  (:data:`INCIDENT_COLUMNS`, :data:`MERGE_COLUMNS`, :data:`WEAPONS`,
  :func:`incident_frame`, :func:`conform_incidents`), and the ceiling on an
  incident's figures (:data:`FIGURE_CEILING`, :func:`check_figures`);
* ``io``: :func:`write_incidents` and :func:`read_incidents`, the format chosen by
  extension (:data:`FORMATS`); one module a format besides: ``csvfile``, ``xlsx``
  (openpyxl), ``kml`` (written only), ``parquet`` (pyarrow);
* ``formulas``: CSV and XLSX text cells guarded against spreadsheet formulas;
* ``hand``: :func:`read_hand_made`, a table made by hand, only coordinates needed,
  with what was assumed;
* ``acled``: :func:`write_acled`, the incidents in ACLED's column layout;
* ``filters``: :func:`filter_incidents`, a time window and weapons;
* ``collector``: :func:`collector_paused`, the cycle collector paused while a big table
  or a map's data is built;
* ``atomic``: :func:`write_atomically`, how every output file is written (a temporary
  file beside it, synced, then renamed), the map's too;
* ``stream``: :class:`TableStream`, a CSV or JSON Lines table written a chunk of rows
  at a time, with the bytes of the whole, or a Parquet folder a part a chunk;
* ``dataset``: a table as a Parquet folder of part files (``-o DIR.parquet`` when the
  folder is there), written part by part and read back whole;
* ``cells``: each cell of a table read from a file checked and typed, with the file,
  line and column of a bad value.

Of ours it uses :mod:`mapper.errors` and :mod:`mapper.read`'s CSV record numbering.
"""

from mapper.table.acled import ACLED_COLUMNS, write_acled
from mapper.table.atomic import write_atomically
from mapper.table.collector import collector_paused
from mapper.table.filters import date_period, filter_incidents
from mapper.table.hand import HandMadeTable, read_hand_made
from mapper.table.io import FORMATS, read_incidents, write_incidents
from mapper.table.schema import (
    FIGURE_CEILING,
    FIGURE_COLUMNS,
    INCIDENT_COLUMNS,
    MERGE_COLUMNS,
    WEAPONS,
    check_figures,
    conform_incidents,
    incident_frame,
)
from mapper.table.stream import STREAMED_FORMATS, EncodedRows, TableStream, streamable

__all__ = [
    "ACLED_COLUMNS",
    "FIGURE_CEILING",
    "FIGURE_COLUMNS",
    "FORMATS",
    "INCIDENT_COLUMNS",
    "MERGE_COLUMNS",
    "STREAMED_FORMATS",
    "WEAPONS",
    "EncodedRows",
    "HandMadeTable",
    "TableStream",
    "check_figures",
    "collector_paused",
    "conform_incidents",
    "date_period",
    "filter_incidents",
    "incident_frame",
    "read_hand_made",
    "read_incidents",
    "streamable",
    "write_acled",
    "write_atomically",
    "write_incidents",
]
