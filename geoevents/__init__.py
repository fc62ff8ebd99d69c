"""geoevents: news reports of strikes and attacks -> places, events, maps and GIS exports.

>>> import geoevents
>>> report = geoevents.parse("Two drones struck Erbil airport on Tuesday.", date="2021-09-15")
>>> [(e.place.name, e.weapon, e.quantity) for e in report.events if e.place]  # doctest: +SKIP
[('Erbil International Airport', 'drone', 2)]

A report gives the records every output draws from, a GeoDataFrame and a folium map:

>>> geoevents.features(report)  # doctest: +SKIP
>>> geoevents.to_geodataframe([report])  # doctest: +SKIP
>>> geoevents.to_map([report])  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .errors import GeoeventsError, InputError
from .model import Article, Event, Evidence, Mention, Place, Report, Role, Sentence, Status
from .pipeline import open_gazetteer, parse, toponyms
from .records import MapFeature, features_from_reports
from .sources import read_article, read_jsonl

if TYPE_CHECKING:
    import folium
    import geopandas

__all__ = [
    "Article",
    "Event",
    "Evidence",
    "GeoeventsError",
    "InputError",
    "MapFeature",
    "Mention",
    "Place",
    "Report",
    "Role",
    "Sentence",
    "Status",
    "features",
    "open_gazetteer",
    "parse",
    "read_article",
    "read_jsonl",
    "to_geodataframe",
    "to_geojson",
    "to_map",
    "toponyms",
]

__version__ = "0.1.0"


def features(reports: Report | Iterable[Report]) -> list[MapFeature]:
    """Map records (strikes, bases, places) of one or several reports.

    Events reported by several articles are merged into one record listing every source.
    """
    if isinstance(reports, Report):
        reports = [reports]
    from .events import merge_events

    return features_from_reports(reports, merge_events=merge_events)


def to_geojson(reports: Report | Iterable[Report]) -> dict[str, Any]:
    """RFC 7946 FeatureCollection of the reports' findings."""
    from .outputs import to_geojson as _to_geojson

    return _to_geojson(features(reports))


def to_geodataframe(reports: Report | Iterable[Report]) -> geopandas.GeoDataFrame:
    """GeoDataFrame (EPSG:4326) with one row per map record."""
    from .outputs import to_geodataframe as _to_gdf

    return _to_gdf(features(reports))


def to_map(reports: Report | Iterable[Report], **options: Any) -> folium.Map:
    """A folium.Map of the reports' findings; ``options`` go to :func:`geoevents.outputs.build_map`."""
    from .outputs import build_map

    return build_map(features(reports), **options)
