"""GeoPackage with one typed layer per category: strikes, bases, places."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from .._io import atomic_path
from ..records import CATEGORIES, MapFeature
from ._errors import OutputError
from ._frame import columns_for, to_geodataframe
from ._records import LAYERS, check_features

__all__ = ["write_gpkg"]


def write_gpkg(features: Sequence[MapFeature], path: str | os.PathLike[str]) -> Path:
    """Write the records to a GeoPackage (atomically), one layer per category.

    Every layer (``strikes``, ``bases``, ``places``) is created, empty when there is nothing
    of that kind, so that GIS projects can rely on them. Dates are DATE fields, counts
    INTEGER, coordinates WGS84 points.

    Returns
    -------
    pathlib.Path
        The written file.
    """
    import pyogrio

    items = check_features(features)
    target = Path(path)
    if target.suffix.lower() != ".gpkg":
        raise OutputError(f"a GeoPackage file name must end in .gpkg: {target}")
    try:
        with atomic_path(target, suffix=".tmp.gpkg") as tmp:
            for category in CATEGORIES:
                rows = [f for f in items if f.category == category]
                frame = to_geodataframe(rows, columns=columns_for([category]))
                pyogrio.write_dataframe(
                    frame,
                    tmp,
                    layer=LAYERS[category],
                    driver="GPKG",
                    geometry_type="Point",
                    use_arrow=True,
                    append=False,
                )
    except OSError as exc:
        raise OutputError(f"cannot write GeoPackage to {target}: {exc.strerror or exc}") from None
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise OutputError(f"cannot write GeoPackage to {target}: {first_line}") from None
    return target
