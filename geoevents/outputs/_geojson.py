"""RFC 7946 GeoJSON: [lon, lat] WGS84 points, no ``crs`` member, dates as ISO strings."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .._io import atomic_write
from ..records import MapFeature
from ._errors import OutputError
from ._records import check_features

__all__ = ["to_geojson", "write_geojson", "geojson_text"]


def to_geojson(features: Sequence[MapFeature]) -> dict[str, Any]:
    """The records as an RFC 7946 FeatureCollection.

    Properties are :meth:`MapFeature.properties` (the design notes' list); coordinates are
    ``[lon, lat]``.

    >>> to_geojson([])
    {'type': 'FeatureCollection', 'features': []}
    """
    items = check_features(features)
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [f.lon, f.lat]},
                "properties": f.properties(),
            }
            for f in items
        ],
    }


def geojson_text(features: Sequence[MapFeature], *, indent: int | None = None) -> str:
    """The FeatureCollection serialised as UTF-8 JSON text (ending with a newline)."""
    return json.dumps(to_geojson(features), ensure_ascii=False, indent=indent, allow_nan=False) + "\n"


def write_geojson(
    features: Sequence[MapFeature], path_or_dash: str | os.PathLike[str], *, indent: int | None = None
) -> Path | None:
    """Write the FeatureCollection to a file (atomically) or to standard output for ``"-"``.

    Returns
    -------
    pathlib.Path or None
        The written file, or ``None`` when written to standard output.
    """
    text = geojson_text(features, indent=indent)
    if str(path_or_dash) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return None
    target = Path(path_or_dash)
    try:
        with atomic_write(target) as handle:
            handle.write(text)
    except OSError as exc:
        raise OutputError(f"cannot write GeoJSON to {target}: {exc.strerror or exc}") from None
    return target
