"""notebooks/quickstart.ipynb runs from start to end and saves its map."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "quickstart.ipynb"


def test_notebook_is_saved_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("where", ["notebooks", "repository root"])
def test_notebook_runs_and_writes_the_map(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAPPER_NOTEBOOK_OUT", str(tmp_path))
    cwd = NOTEBOOK.parent if where == "notebooks" else NOTEBOOK.parent.parent
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        notebook, kernel_name="python3", timeout=120, resources={"metadata": {"path": str(cwd)}}
    ).execute()
    html = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert "mapperIncidentLayer(" in html and "Attacks in the sample reports" in html
    shown = [o for c in notebook.cells for o in c.get("outputs", []) if o.get("data")]
    assert any("<iframe srcdoc=" in o["data"].get("text/html", "") for o in shown)
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == []
