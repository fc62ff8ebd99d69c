"""Fixtures for the geocoding tests: a live local geocoding server and a clean environment."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from geocoding_server import GeoServer


@pytest.fixture
def server() -> Iterator[GeoServer]:
    with GeoServer() as srv:
        yield srv


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No GEOEVENTS_* settings from the developer's shell; per-user folders inside tmp_path."""
    import os

    for name in list(os.environ):
        if name.startswith("GEOEVENTS_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    return tmp_path
