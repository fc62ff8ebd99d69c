"""The records as a typed table (GeoDataFrame), shared by the GeoPackage writer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..records import BASE_PROPERTIES, EVENT_PROPERTIES, MapFeature
from ._records import check_features

if TYPE_CHECKING:
    import geopandas

__all__ = ["to_geodataframe", "COLUMN_TYPES", "columns_for", "SOURCES_SEPARATOR"]

SOURCES_SEPARATOR = " | "

# Column -> type; "date" columns are real dates (GeoPackage DATE), "int" nullable integers.
COLUMN_TYPES: dict[str, str] = {
    **{name: "str" for name in BASE_PROPERTIES},
    "geo_precision": "int",
    **{name: "str" for name in EVENT_PROPERTIES},
    "date": "date",
    "date_start": "date",
    "date_end": "date",
    "time_precision": "int",
    "quantity": "int",
    "fatalities": "int",
    "injuries": "int",
    "sources": "str",
    "origin": "str",
    "provider": "str",
    "lat": "float",
    "lon": "float",
}
_PLACE_COLUMNS = (*BASE_PROPERTIES, "provider", "lat", "lon")
_EVENT_COLUMNS = (*BASE_PROPERTIES, *EVENT_PROPERTIES, "sources", "origin", "provider", "lat", "lon")


def columns_for(categories: Sequence[str]) -> tuple[str, ...]:
    """Columns a table needs: event columns only when it may hold strikes or bases."""
    return _EVENT_COLUMNS if any(c != "place" for c in categories) else _PLACE_COLUMNS


def _value(feature: MapFeature, column: str) -> Any:
    if column == "sources":
        return SOURCES_SEPARATOR.join(feature.sources or (feature.source,)) if feature.is_event else None
    value = getattr(feature, column)
    if COLUMN_TYPES[column] == "date" and value is not None:
        return dt.date.fromisoformat(value)
    return value


def to_geodataframe(
    features: Sequence[MapFeature], *, columns: Sequence[str] | None = None
) -> geopandas.GeoDataFrame:
    """The records as a GeoDataFrame in EPSG:4326, one row per record, with typed columns.

    Integers are nullable ``Int32``, dates ``date32[pyarrow]``, text ``string``; the
    ``sources`` list is joined with ``" | "``.

    Parameters
    ----------
    features
        The records.
    columns
        Columns to keep (default: every property of the design notes plus ``lat``/``lon``).
    """
    import geopandas
    import pandas as pd
    import pyarrow as pa

    items = check_features(features)
    names = tuple(columns) if columns is not None else _EVENT_COLUMNS
    dtypes = {
        "str": "string",
        "int": "Int32",
        "float": "float64",
        "date": pd.ArrowDtype(pa.date32()),
    }
    data = {
        name: pd.array([_value(f, name) for f in items], dtype=dtypes[COLUMN_TYPES[name]])
        for name in names
    }
    geometry = geopandas.points_from_xy([f.lon for f in items], [f.lat for f in items], crs="EPSG:4326")
    return geopandas.GeoDataFrame(data, geometry=geometry, crs="EPSG:4326")
