"""Outputs: the Leaflet map and the GIS exports, all drawn from the same MapFeature records.

Heavy libraries (folium, geopandas, pyogrio) are imported inside the functions that need them.

Embedding the map in a report: ``build_map(...)`` returns a ``folium.Map`` (display it in a
notebook, add layers, or ``map_html(m, fragment=True)`` for an ``<iframe srcdoc>`` element);
``write_map(features, path, fragment=True)`` writes that element to a file.
"""

from __future__ import annotations

from ._csv import CSV_COLUMNS, csv_text, write_csv
from ._errors import OutputError
from ._frame import to_geodataframe
from ._geojson import geojson_text, to_geojson, write_geojson
from ._gpkg import write_gpkg
from ._kml import kml_text, write_kml
from ._map import LAYER_TITLES, build_map, map_html, write_map
from ._write import FORMATS, format_for, write

__all__ = [
    "OutputError",
    "build_map",
    "map_html",
    "write_map",
    "LAYER_TITLES",
    "to_geojson",
    "geojson_text",
    "write_geojson",
    "to_geodataframe",
    "write_gpkg",
    "write_csv",
    "csv_text",
    "CSV_COLUMNS",
    "write_kml",
    "kml_text",
    "write",
    "FORMATS",
    "format_for",
]
