"""The incident table: its schema, typed cells, and files in CSV, GeoJSON or JSON Lines.

Every later stage speaks this table. It takes in rows (from extraction, from merging,
or a file a user reviewed) and gives a ``pandas.DataFrame`` with the documented columns
and nullable types:

* ``schema``: the columns, their dtypes and the controlled vocabularies
  (:data:`INCIDENT_COLUMNS`, :data:`MERGE_COLUMNS`, :data:`WEAPONS`,
  :func:`incident_frame`, :func:`conform_incidents`), and the ceiling on an
  incident's figures (:data:`FIGURE_CEILING`, :func:`check_figures`);
* ``io``: :func:`write_incidents` and :func:`read_incidents`, the format chosen by
  extension (:data:`FORMATS`); CSV text cells guarded against spreadsheet formulas;
* ``atomic``: :func:`write_atomically`, how every output file is written (a temporary
  file beside it, synced, then renamed), the map's too;
* ``cells``: each cell of a table read from a file checked and typed, with the file,
  line and column of a bad value.

Of ours it uses :mod:`mapper.errors` and :mod:`mapper.read`'s CSV record numbering.
"""

from mapper.table.atomic import write_atomically
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

__all__ = [
    "FIGURE_CEILING",
    "FIGURE_COLUMNS",
    "FORMATS",
    "INCIDENT_COLUMNS",
    "MERGE_COLUMNS",
    "WEAPONS",
    "check_figures",
    "conform_incidents",
    "incident_frame",
    "read_incidents",
    "write_atomically",
    "write_incidents",
]
