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


# The geocoding settings a shell may carry; the gazetteer's own (GEOEVENTS_DATA_DIR ...) stay.
GEOCODING_VARS = (
    "GEOEVENTS_GEOCODER", "GEOEVENTS_GEOCODER_URL", "GEOEVENTS_USER_AGENT", "GEOEVENTS_CACHE",
    "GEOEVENTS_CACHE_DIR", "GEOEVENTS_CONFIG", "GEOEVENTS_GEONAMES_USERNAME",
    "GEOEVENTS_PELIAS_API_KEY",
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No geocoding settings from the developer's shell; per-user folders inside tmp_path."""
    for name in GEOCODING_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    return tmp_path
