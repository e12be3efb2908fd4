"""Each package's public surface is exactly its ``__all__``, and every name resolves."""

import importlib
import types

import pytest

#: The public API, and each stage's exports to the others.
PACKAGES = ["mapper", "gazetteer"] + [
    f"mapper.{stage}" for stage in ("read", "table", "extract", "merge", "render", "evaluate", "cli")
]


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
