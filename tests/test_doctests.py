"""The examples in the docstrings are tests too (run over the real pipeline)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import gazetteer
import geoevents

SKIP = {"geoevents.__main__"}


def _modules() -> list[str]:
    names = []
    for package in (geoevents, gazetteer):
        names.append(package.__name__)
        for info in pkgutil.walk_packages(package.__path__, prefix=package.__name__ + "."):
            if info.name not in SKIP:
                names.append(info.name)
    return sorted(names)


MODULES = _modules()


def test_there_are_docstring_examples():
    total = 0
    for name in MODULES:
        finder = doctest.DocTestFinder(exclude_empty=True)
        total += sum(len(t.examples) for t in finder.find(importlib.import_module(name)))
    assert total >= 10


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"
