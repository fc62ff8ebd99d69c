"""The merged outputs of a batch, rebuilt from every stored result, each written atomically."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .._io import atomic_path

if TYPE_CHECKING:
    from ..records import MapFeature

__all__ = ["OUTPUT_NAMES", "write_outputs", "write_geoparquet"]

OUTPUT_NAMES = {
    "map": "map.html",
    "geojson": "events.geojson",
    "gpkg": "events.gpkg",
    "parquet": "events.parquet",
}


def write_geoparquet(features: Sequence[MapFeature], path: str | os.PathLike[str]) -> Path:
    """Write the records as GeoParquet (one row per record, EPSG:4326), atomically."""
    from ..outputs import to_geodataframe

    frame = to_geodataframe(features)
    target = Path(path)
    with atomic_path(target, suffix=".tmp.parquet") as tmp:
        frame.to_parquet(tmp, index=False)
    return target


def write_outputs(
    features: Sequence[MapFeature], out: Path, *, title: str, sources: Sequence[str] = ()
) -> dict[str, Path]:
    """Write the map, GeoJSON, GeoPackage and GeoParquet of ``features`` into ``out``."""
    from ..outputs import write_geojson, write_gpkg, write_map

    paths = {kind: out / name for kind, name in OUTPUT_NAMES.items()}
    write_map(features, paths["map"], title=title, sources=list(sources))
    write_geojson(features, paths["geojson"])
    write_gpkg(features, paths["gpkg"])
    write_geoparquet(features, paths["parquet"])
    return paths
