"""Each package's public surface is exactly its ``__all__``, and every name resolves."""

import importlib

import pytest


@pytest.mark.parametrize("package", ["mapper", "gazetteer"])
def test_all_names_resolve(package: str) -> None:
    module = importlib.import_module(package)
    for name in module.__all__:
        assert getattr(module, name) is not None, name


@pytest.mark.parametrize("package", ["mapper", "gazetteer"])
def test_public_names_are_listed_in_all(package: str) -> None:
    module = importlib.import_module(package)
    public = {n for n in vars(module) if not n.startswith("_")} - {
        "annotations",
        "importlib",
        "Any",
        "TYPE_CHECKING",
        "errors",
    }
    assert public <= set(module.__all__)
