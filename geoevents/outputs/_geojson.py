"""RFC 7946 GeoJSON: [lon, lat] WGS84 points, no ``crs`` member, dates as ISO strings."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..records import MapFeature
from ._records import check_features
from ._text_output import write_text_output

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
    return write_text_output(geojson_text(features, indent=indent), path_or_dash, what="GeoJSON")
