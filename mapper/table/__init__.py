"""The incident table: its schema, typed cells, and files in CSV, GeoJSON or JSON Lines.

Every later stage speaks this table. It takes in rows (from extraction, from merging,
or a file a user reviewed) and gives a ``pandas.DataFrame`` with the documented columns
and nullable types:

* ``schema``: the columns, their dtypes and the controlled vocabularies
  (:data:`INCIDENT_COLUMNS`, :data:`MERGE_COLUMNS`, :data:`WEAPONS`,
  :func:`incident_frame`, :func:`conform_incidents`);
* ``io``: :func:`write_incidents` and :func:`read_incidents`, the format chosen by
  extension (:data:`FORMATS`), written atomically;
* ``cells``: each cell of a table read from a file checked and typed, with the file,
  line and column of a bad value.

Of ours it uses :mod:`mapper.errors` and :mod:`mapper.read`'s CSV record numbering.
"""

from mapper.table.io import FORMATS, read_incidents, write_incidents
from mapper.table.schema import (
    INCIDENT_COLUMNS,
    MERGE_COLUMNS,
    WEAPONS,
    conform_incidents,
    incident_frame,
)

__all__ = [
    "FORMATS",
    "INCIDENT_COLUMNS",
    "MERGE_COLUMNS",
    "WEAPONS",
    "conform_incidents",
    "incident_frame",
    "read_incidents",
    "write_incidents",
]
