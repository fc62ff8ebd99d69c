"""Outputs: the Leaflet map and the GIS exports, all drawn from the same MapFeature records.

Heavy libraries (folium, geopandas) are imported inside the functions that need them.
"""

from __future__ import annotations

from ._errors import OutputError
from ._geojson import to_geojson, write_geojson
from ._map import build_map, map_html, write_map

__all__ = [
    "OutputError",
    "build_map",
    "map_html",
    "write_map",
    "to_geojson",
    "write_geojson",
]
