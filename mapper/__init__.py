"""The incident mapper: news reports in, incidents table and interactive map out.

The pipeline, one public function a step::

    reports = mapper.read_reports(["samples/reports"])
    incidents = mapper.extract(reports)              # one row per incident mention
    incidents = mapper.merge_incidents(incidents)    # one row per incident
    m = mapper.render(incidents)                     # a folium.Map
    m.save("map.html")

One subpackage per stage, data flowing one way (``tests/test_layering.py`` holds them
to it)::

    read/      files -> Report objects, a reader per format
    extract/   report text -> incident mentions (places, dates, weapons, casualties)
    table/     the incident schema, typed cells, CSV/GeoJSON/JSONL files
    merge/     mentions -> one row per attack
    render/    incident table -> folium map (with its assets/)
    evaluate/  scores against hand-labelled gold
    scale/     the same extraction over Dask partitions (Dask only when a cluster is used)
    cli/       the ``mapper`` command, a module per command

A stage's modules are internal; its ``__init__`` exports its few public names, and this
package the user's. Folium is only loaded when a map is rendered.
"""

from __future__ import annotations

import importlib
import importlib.metadata
from typing import Any

from mapper.errors import EvaluationError, IncidentTableError, MapperError, ReportError
from mapper.evaluate import evaluate
from mapper.extract import extract, extract_report, resolve_date
from mapper.merge import merge_incidents
from mapper.read import Report, ReportSet, read_reports
from mapper.scale import extract_corpus, extract_partition, incident_meta
from mapper.table import (
    INCIDENT_COLUMNS,
    MERGE_COLUMNS,
    WEAPONS,
    incident_frame,
    read_incidents,
    write_incidents,
)

try:  # one source of truth: pyproject.toml's version, as installed
    __version__ = importlib.metadata.version("incident-mapper")
except importlib.metadata.PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0+unknown"

# ``mapper.render`` is the function. Its stage's package is imported here, once, so that
# no later ``import mapper.render...`` binds the package over the function's name.
importlib.import_module("mapper.render")
del globals()["render"]


def __getattr__(name: str) -> Any:
    # Folium is imported only when the first map is rendered.
    if name == "render":
        from mapper.render import render

        globals()["render"] = render
        return render
    raise AttributeError(f"module 'mapper' has no attribute {name!r}")


__all__ = [
    "INCIDENT_COLUMNS",
    "MERGE_COLUMNS",
    "WEAPONS",
    "EvaluationError",
    "IncidentTableError",
    "MapperError",
    "Report",
    "ReportError",
    "ReportSet",
    "evaluate",
    "extract",
    "extract_corpus",
    "extract_partition",
    "extract_report",
    "incident_frame",
    "incident_meta",
    "merge_incidents",
    "read_incidents",
    "read_reports",
    "render",
    "resolve_date",
    "write_incidents",
]


def __dir__() -> list[str]:
    return __all__
