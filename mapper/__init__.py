"""The incident mapper: news reports in, incidents table and interactive map out.

The pipeline, one public function a step::

    reports = mapper.read_reports(["samples/reports"])
    incidents = mapper.extract(reports)              # one row per incident mention
    incidents = mapper.merge_incidents(incidents)    # one row per incident
    m = mapper.render(incidents)                     # a folium.Map
    m.save("map.html")

Names are imported on first use, so ``import mapper`` stays cheap (folium is only
loaded when a map is rendered).
"""

from __future__ import annotations

import importlib
from typing import Any

from mapper._schema import INCIDENT_COLUMNS, MERGE_COLUMNS, WEAPONS, incident_frame
from mapper.errors import EvaluationError, IncidentTableError, MapperError, ReportError

#: Public name -> the private module that defines it.
_LAZY: dict[str, str] = {
    "Report": "mapper._reports",
    "ReportSet": "mapper._reports",
    "read_reports": "mapper._reports",
    "extract": "mapper._pipeline",
    "extract_report": "mapper._extract",
    "resolve_date": "mapper._dates",
    "merge_incidents": "mapper._merge",
    "render": "mapper._render",
    "read_incidents": "mapper._incident_io",
    "write_incidents": "mapper._incident_io",
    "evaluate": "mapper._evaluate",
}

__all__ = [
    "INCIDENT_COLUMNS",
    "MERGE_COLUMNS",
    "WEAPONS",
    "EvaluationError",
    "IncidentTableError",
    "MapperError",
    "ReportError",
    "incident_frame",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'mapper' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
