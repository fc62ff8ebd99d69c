from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import Gazetteer

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "gazetteer"


@pytest.fixture(scope="session")
def gz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index folder with the embedded layer built once for the whole session."""
    path = tmp_path_factory.mktemp("gazetteer")
    Gazetteer.open(path, progress=False).close()
    return path


@pytest.fixture(scope="session")
def gz(gz_dir: Path) -> Gazetteer:
    return Gazetteer.open(gz_dir, progress=False)


@pytest.fixture()
def fixtures() -> Path:
    return FIXTURES
