"""Scale: the same per-report extraction over Dask partitions, for corpora of millions.

Extraction is pure, one report at a time, so it runs unchanged on Dask workers; this
stage only cuts the work up and puts the results back together, so that the table
and the summary equal the single-process run's. Dask (``distributed``) is an optional
extra, ``pip install "incident-mapper[dask]"``, imported only when a cluster is used:

* ``partition``: one partition of reports in, incident rows out —
  :func:`extract_partition` for ``ddf.map_partitions(extract_partition,
  meta=incident_meta())``, and :func:`extract_part`, a worker's share of a corpus
  with the outcome of every report; the gazetteer is loaded once per worker;
* ``combine``: part results put together in reading order — problems and warnings
  met by several parts kept once, a report id used again in a later part named with
  both places (:func:`combine_parts`, :class:`CorpusExtraction`);
* ``corpus``: a whole corpus given a ``distributed.Client`` — inputs walked once on
  the client, a task per part (a run of files, one table, some Parquet row groups),
  progress of the parts (:func:`extract_corpus`); or, with ``write=``, each part's
  rows handed on as they come, in one process or many, holding only the accounting.

It uses :mod:`mapper.read` (parts, frames), :mod:`mapper.extract` (the per-report
step and its accounting) and :mod:`gazetteer`. See ``docs/scale.md``.
"""

from mapper.scale.combine import CorpusExtraction, ExtractionResult, combine_parts
from mapper.scale.corpus import extract_corpus
from mapper.scale.partition import PartResult, extract_part, extract_partition, incident_meta

__all__ = [
    "CorpusExtraction",
    "ExtractionResult",
    "PartResult",
    "combine_parts",
    "extract_corpus",
    "extract_part",
    "extract_partition",
    "incident_meta",
]
