"""Each package's public surface is exactly its ``__all__``, and every name resolves."""

import importlib
import subprocess
import sys
import types

import pytest

#: The public API, and each stage's exports to the others.
STAGES = ("read", "table", "extract", "merge", "render", "evaluate", "scale", "cli")
PACKAGES = ["mapper", "gazetteer", *(f"mapper.{stage}" for stage in STAGES)]


@pytest.mark.parametrize("package", PACKAGES)
def test_all_names_resolve(package: str) -> None:
    module = importlib.import_module(package)
    for name in module.__all__:
        assert getattr(module, name) is not None, name


@pytest.mark.parametrize("package", PACKAGES)
def test_public_names_are_listed_in_all(package: str) -> None:
    module = importlib.import_module(package)
    # Subpackages and modules (the stages, ``errors``) are rooms, not names of the API.
    public = {
        name
        for name, value in vars(module).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    } - {"annotations", "Any", "TYPE_CHECKING"}
    assert public <= set(module.__all__)


def test_the_pipeline_functions_stay_functions_beside_their_stages() -> None:
    """``mapper.extract``, ``mapper.evaluate`` and ``mapper.render`` are the functions
    even after their stages' modules are imported first, in a fresh interpreter."""
    code = (
        "import mapper.render.map, mapper.extract.report, mapper.evaluate.incidents\n"
        "import mapper, inspect\n"
        "print(all(inspect.isfunction(getattr(mapper, n)) for n in "
        "('extract', 'evaluate', 'render')))\n"
    )
    assert in_a_fresh_interpreter(code) == "True"


def test_the_stages_are_reached_from_the_package() -> None:
    """``import mapper`` then ``mapper.table.filter_incidents(...)``, as the docs show."""
    code = (
        "import mapper, types\n"
        "print([isinstance(getattr(mapper, s), types.ModuleType) "
        "for s in ('read', 'table', 'merge', 'scale')])"
    )
    assert in_a_fresh_interpreter(code) == "[True, True, True, True]"


def test_every_name_of_the_api_has_a_home() -> None:
    import mapper

    errors = {"EvaluationError", "IncidentTableError", "MapperError", "ReportError"}
    assert set(mapper._HOMES) | errors == set(mapper.__all__)


def test_importing_mapper_does_not_load_folium() -> None:
    assert in_a_fresh_interpreter("import sys, mapper; print('folium' in sys.modules)") == "False"


def in_a_fresh_interpreter(code: str) -> str:
    """What *code* prints, run by a new Python (nothing of this one imported)."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()
