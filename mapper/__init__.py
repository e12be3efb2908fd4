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
import sys
import types
from typing import TYPE_CHECKING, Any

from mapper.errors import EvaluationError, IncidentTableError, MapperError, ReportError

if TYPE_CHECKING:
    from mapper.evaluate import evaluate
    from mapper.extract import extract, extract_report, resolve_date
    from mapper.merge import merge_incidents
    from mapper.read import Report, ReportSet, read_reports
    from mapper.render import render
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

#: Where each name of the API lives. A name is imported on first use, so that ``import
#: mapper`` is quick (``mapper extract --workers N`` starts its workers' fork server
#: first, and the imports of both then run side by side) and folium waits for the first
#: map.
_HOMES = {
    "evaluate": "mapper.evaluate",
    **dict.fromkeys(("extract", "extract_report", "resolve_date"), "mapper.extract"),
    "merge_incidents": "mapper.merge",
    **dict.fromkeys(("Report", "ReportSet", "read_reports"), "mapper.read"),
    "render": "mapper.render",
    **dict.fromkeys(("extract_corpus", "extract_partition", "incident_meta"), "mapper.scale"),
    **dict.fromkeys(
        (
            "INCIDENT_COLUMNS",
            "MERGE_COLUMNS",
            "WEAPONS",
            "incident_frame",
            "read_incidents",
            "write_incidents",
        ),
        "mapper.table",
    ),
}


#: The stages' packages that are not also a function's name: ``mapper.table.…`` works
#: after ``import mapper``, as it did when this package imported them all.
_STAGES = ("read", "table", "merge", "scale")


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is not None:
        value = getattr(importlib.import_module(home), name)
    elif name in _STAGES:
        value = importlib.import_module(f"mapper.{name}")
    else:
        raise AttributeError(f"module 'mapper' has no attribute {name!r}")
    globals()[name] = value
    return value


class _Package(types.ModuleType):
    """``mapper.extract``, ``mapper.evaluate`` and ``mapper.render`` are the pipeline's
    functions, although each also names a stage's package: the import of that package,
    which binds its name on this one, leaves the name to the function."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and _HOMES.get(name) == value.__name__:
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

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
