"""Checks and flat rows shared by every writer, so that all outputs agree on the records."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from ..records import CATEGORIES, MapFeature
from ._errors import OutputError

__all__ = ["check_features", "LAYERS"]

# Category -> GeoPackage/KML layer name (plural, as GIS users expect).
LAYERS: dict[str, str] = {"strike": "strikes", "base": "bases", "place": "places"}


def check_features(features: Iterable[MapFeature]) -> Sequence[MapFeature]:
    """Return ``features`` as a sequence after checking every record can be drawn.

    Raises
    ------
    OutputError
        A record is not a MapFeature, has an unknown category or impossible coordinates.
    """
    if isinstance(features, MapFeature):
        raise OutputError("expected a sequence of MapFeature records, got a single MapFeature")
    try:
        items = list(features)
    except TypeError:
        raise OutputError(
            f"expected a sequence of MapFeature records, got {type(features).__name__}"
        ) from None
    for i, feature in enumerate(items):
        if not isinstance(feature, MapFeature):
            raise OutputError(f"record {i} is a {type(feature).__name__}, not a MapFeature")
        if feature.category not in CATEGORIES:
            raise OutputError(
                f"record {i} ({feature.name!r}) has unknown category {feature.category!r}; "
                f"expected one of {', '.join(CATEGORIES)}"
            )
        if not (_finite(feature.lat) and -90.0 <= feature.lat <= 90.0):
            raise OutputError(f"record {i} ({feature.name!r}) has latitude {feature.lat!r} outside -90..90")
        if not (_finite(feature.lon) and -180.0 <= feature.lon <= 180.0):
            raise OutputError(f"record {i} ({feature.name!r}) has longitude {feature.lon!r} outside -180..180")
    return items


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
