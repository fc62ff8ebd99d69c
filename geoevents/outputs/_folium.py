"""Import folium without pandas when pandas is not loaded yet.

folium imports pandas only to accept DataFrames as locations, which this package never
passes; pandas costs a quarter of the 2 s cold-start budget of ``geoevents map``.
"""

from __future__ import annotations

import sys
from types import ModuleType

__all__ = ["import_folium"]


def import_folium() -> ModuleType:
    """The folium module (imported once, pandas left out if nothing has loaded it)."""
    loaded = sys.modules.get("folium")
    if loaded is not None:
        return loaded
    block = "pandas" not in sys.modules
    if block:
        sys.modules["pandas"] = None  # type: ignore[assignment]  # makes `import pandas` fail
    try:
        import folium
    finally:
        if block:
            del sys.modules["pandas"]
    return folium
