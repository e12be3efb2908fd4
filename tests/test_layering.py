"""The house's layout: one package per stage, data flowing one way, no module too long.

Every import in ``mapper/`` (at the top of a module, inside a function or under
``TYPE_CHECKING``) is read with ``ast``; a stage may only use the stages listed for it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "mapper"

#: Stage -> what of ours it may import besides itself and ``mapper.errors``.
ALLOWED: dict[str, set[str]] = {
    "read": set(),
    "table": {"read"},
    "extract": {"gazetteer", "read", "table"},
    "merge": {"gazetteer", "table"},
    "render": {"gazetteer", "table"},
    "evaluate": {"gazetteer", "read", "extract", "merge", "table"},
    "scale": {"gazetteer", "read", "extract", "merge", "table"},
    "cli": {"gazetteer", "read", "table", "extract", "merge", "render", "evaluate", "scale"},
}
#: The only modules allowed at the top of the package.
TOP_MODULES = {"__init__.py", "__main__.py", "errors.py"}
MAX_LINES = 400


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module name ``path`` imports from, absolute, with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    ours = {"mapper", "gazetteer"}
    return sorted((line, name) for line, name in found if name.split(".")[0] in ours)


def _stage(path: Path, root: Path) -> str | None:
    parts = path.relative_to(root).parts
    return parts[0] if len(parts) > 1 else None


def _violations(path: Path, root: Path = PACKAGE) -> list[str]:
    stage = _stage(path, root)
    if stage is None:  # the top package assembles the public API from every stage
        return []
    bad = []
    for line, name in _imports(path):
        parts = name.split(".")
        where = f"{path.relative_to(root.parent)}:{line}: {name}"
        if parts[0] == "gazetteer":
            if "gazetteer" not in ALLOWED[stage]:
                bad.append(f"{where} (the {stage} stage may not use the gazetteer)")
            elif len(parts) > 1:
                bad.append(f"{where} (use the gazetteer's public names: 'from gazetteer import')")
            continue
        if len(parts) == 1:
            bad.append(f"{where} (a stage imports from a stage, not from the top package)")
            continue
        target = parts[1]
        if target in {"errors", stage}:
            continue
        if target not in ALLOWED[stage]:
            bad.append(f"{where} (the {stage} stage may not reach {target})")
        elif len(parts) > 2:
            bad.append(f"{where} (another stage's modules are internal: 'from mapper.{target}')")
    return bad


def test_no_stage_reaches_upstream_or_sideways() -> None:
    bad = [line for path in _modules() for line in _violations(path)]
    assert not bad, "\n".join(bad)


def test_the_directions_form_no_cycle() -> None:
    done: set[str] = set()

    def visit(stage: str, path: tuple[str, ...]) -> None:
        assert stage not in path, " -> ".join((*path, stage))
        if stage not in done:
            for upstream in ALLOWED.get(stage, set()):
                visit(upstream, (*path, stage))
            done.add(stage)

    for stage in ALLOWED:
        visit(stage, ())


def test_every_stage_is_a_package_with_a_map() -> None:
    stages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert stages == set(ALLOWED)
    for stage in stages:
        doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text()))
        assert doc and len(doc.splitlines()) >= 5, f"mapper/{stage}/__init__.py maps its stage"


def test_no_flat_private_modules_are_left() -> None:
    assert {p.name for p in PACKAGE.glob("*.py")} == TOP_MODULES


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_over_400_lines(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_the_check_catches_a_stage_reaching_upstream(tmp_path: Path) -> None:
    """The test itself can fail: a reader importing the extractor is refused."""
    fake = tmp_path / "mapper"
    (fake / "read").mkdir(parents=True)
    bad = fake / "read" / "html.py"
    bad.write_text(
        "from mapper.extract import extract_report\n"
        "def f():\n    from mapper.table.io import read_incidents\n"
        "from gazetteer._read import x\n"
    )
    found = _violations(bad, root=fake)
    assert [line.split(": ", 1)[0] for line in found] == [
        "mapper/read/html.py:1",
        "mapper/read/html.py:3",
        "mapper/read/html.py:4",
    ]
