"""Where and how the commands write a table: ``--format table|acled``, Parquet folders.

``table`` (the default) writes the incident table itself; ``acled`` writes the same
incidents in ACLED's column layout (:func:`mapper.table.write_acled`), with the
governorate and district of each place taken from the gazetteer.

A table path ending in ``.parquet/`` (:func:`table_path`) names a Parquet folder
(:mod:`mapper.table.dataset`), which :func:`dataset_folder` makes when it is not there.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mapper.table import write_acled, write_incidents

if TYPE_CHECKING:
    from gazetteer import Gazetteer

#: ``--format`` values.
LAYOUTS = ("table", "acled")
#: What a gazetteer name adds to the area's own name ("Erbil Governorate").
_AREA_WORDS = (" Governorate", " District")


def add_format_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--format table|acled``."""
    parser.add_argument(
        "--format",
        choices=LAYOUTS,
        default="table",
        help="the columns to write: the incident table (default) or ACLED's layout "
        "(event_id_cnty, event_date, ... fatalities; see docs/reports.md for the mapping)",
    )


class FolderPath(type(Path())):  # type: ignore[misc]
    """A table path given with a trailing slash: a folder is meant."""


def table_path(value: str) -> Path:
    """The table path *value* names; ``name.parquet/`` gives a :class:`FolderPath`."""
    if value.endswith(("/", os.sep)) and Path(value).suffix.lower() == ".parquet":
        return FolderPath(value)
    return Path(value)


@contextlib.contextmanager
def dataset_folder(path: Path | None) -> Iterator[None]:
    """Make the Parquet folder *path* asks for (``name.parquet/``) if nothing is there,
    so that the table is written into it; removed again if the run leaves it empty."""
    if not isinstance(path, FolderPath) or os.path.lexists(path):
        yield
        return
    try:
        path.mkdir()
    except OSError:  # the writer says why it cannot write there
        yield
        return
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            path.rmdir()  # only when empty: a written table has a part file at least


def write_table(incidents: Any, path: Path, layout: str, gazetteer: Gazetteer) -> None:
    """Write *incidents* to *path* in the *layout* ``--format`` names."""
    if layout == "acled":
        write_acled(incidents, path, admin=lambda place_id: admin_areas(gazetteer, place_id))
    else:
        write_incidents(incidents, path)


def admin_areas(gazetteer: Gazetteer, place_id: str) -> tuple[str | None, str | None]:
    """The names of the governorate and district *place_id* lies in (or is), if known.

    Examples
    --------
    >>> from gazetteer import default_gazetteer
    >>> admin_areas(default_gazetteer(), "erbil-air-base")
    ('Erbil', 'Erbil')
    """
    if place_id not in gazetteer:
        return None, None
    chain = [gazetteer.get(place_id), *gazetteer.ancestors(place_id)]
    names = {place.kind: _bare(place.name) for place in reversed(chain)}
    return names.get("governorate"), names.get("district")


def _bare(name: str) -> str:
    for words in _AREA_WORDS:
        name = name.removesuffix(words)
    return name
