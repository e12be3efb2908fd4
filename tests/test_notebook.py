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


def test_notebook_saves_into_a_folder_of_its_own_not_over_the_readme_map(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the tests' override, the map goes to notebooks/output/, never to the
    repository root where the README's ``mapper build ... -o map.html`` writes."""
    monkeypatch.delenv("MAPPER_NOTEBOOK_OUT", raising=False)
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    setup = next(c.source for c in notebook.cells if c.cell_type == "code")
    root = NOTEBOOK.parent.parent
    for cwd in (root, NOTEBOOK.parent):
        monkeypatch.chdir(cwd)
        namespace: dict[str, object] = {}
        exec(compile(setup, "setup cell", "exec"), namespace)
        assert namespace["OUT"] == root / "notebooks" / "output"
    assert (root / "notebooks" / "output" / ".gitignore").read_text().splitlines()[1] == "*"
    save = [c.source for c in notebook.cells if "m.save(" in c.source]
    assert save == ['path = OUT / "map.html"\nm.save(str(path))\nprint(f"wrote {path}: '
                    '{path.stat().st_size / 1e3:.0f} kB")']  # fmt: skip
