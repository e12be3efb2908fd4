"""Reading: files and folders in, :class:`Report` objects out.

The first stage. It knows nothing of places or incidents; of ours it uses only
:mod:`mapper.errors`. A reader per format, chosen from a table in ``reports``:

* ``reports``: pick each file's reader, apply folder indexes, give ids, and gather
  the run's problems and warnings (:func:`read_reports`, :class:`ReportSet`);
* ``walk``: the files under the paths, folder links followed, loops and folders that
  cannot be listed named;
* ``decode``: bytes to text (UTF-8, UTF-16 with its mark), refusing rather than guessing;
* ``text``: plain text and Markdown, with optional YAML front matter;
* ``html``: a page's article text and metadata, with the stdlib parser;
* ``tables``: CSV and JSON Lines, one report per row, with the line each starts on;
* ``columnar``: Parquet (by row group, with pyarrow), ``.jsonl.gz``, data frames, and
  globs (``archive/2021-*.parquet``);
* ``parts``: a corpus cut into parts read apart, for workers or a chunk at a time
  (:func:`plan_parts`, :func:`read_part`, :func:`read_frame`);
* ``fields``: what every reader hands back, and the metadata fields they share;
* ``published``: the publication date a report gets (its own, else one the user
  gives, or its file's modification day when asked), checked against the one clock
  (``published.today``, which tests replace).

A bad file is a :class:`~mapper.errors.ReportError` naming the file and line, never an
exception that stops the run.
"""

from mapper.read.columnar import REPORT_TABLE_COLUMNS
from mapper.read.fields import MONTHS
from mapper.read.parts import CorpusPlan, ReportPart, plan_parts, read_frame, read_part
from mapper.read.published import given_publication_date
from mapper.read.reports import Report, ReportSet, read_reports
from mapper.read.tables import numbered_records

__all__ = [
    "MONTHS",
    "REPORT_TABLE_COLUMNS",
    "CorpusPlan",
    "Report",
    "ReportPart",
    "ReportSet",
    "given_publication_date",
    "numbered_records",
    "plan_parts",
    "read_frame",
    "read_part",
    "read_reports",
]
