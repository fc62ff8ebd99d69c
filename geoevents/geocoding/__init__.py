"""Geocoding: one :class:`Provider` interface, a chain of providers, a persistent cache.

The embedded gazetteer answers first (offline); optional online or self-hosted geocoders
(Nominatim, Photon, Pelias, GeoNames, ArcGIS, through geopy) follow, each behind the SQLite cache
and a rate limit. Build the whole chain from options with :func:`build_chain`::

    from geoevents.geocoding import GeocoderConfig, build_chain
    chain = build_chain(GeocoderConfig.from_env(geocoders=["nominatim"],
                                                geocoder_urls=["http://127.0.0.1:8080"]))
    chain.geocode("Ain al-Asad")

The geopy-backed provider classes are imported on first use (geopy is not loaded otherwise).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .base import Provider
from .breaker import CircuitBreaker
from .cache import (
    CachedProvider,
    CacheEntry,
    CacheInfo,
    GeocodeCache,
    ProviderCacheStats,
    default_cache_path,
)
from .chain import Chain, Failure, Resolution
from .config import PROVIDERS, GeocoderConfig, build_chain, online_chain, provider_class
from .errors import (
    GeocoderAccessDenied,
    GeocoderCacheError,
    GeocoderConfigError,
    GeocoderError,
    GeocoderParseError,
    GeocoderQueryError,
    GeocoderRateLimited,
    GeocoderSkipped,
    GeocoderTimeout,
    GeocoderUnavailable,
)
from .gazetteer import GazetteerProvider
from .location import Location, normalise_query, place_from_location
from .ratelimit import RateLimited

if TYPE_CHECKING:
    from ._http import RetryPolicy
    from .arcgis import ArcGISProvider
    from .geonames import GeoNamesProvider
    from .nominatim import NominatimProvider
    from .pelias import PeliasProvider
    from .photon import PhotonProvider

__all__ = [
    "Provider",
    "Location",
    "Chain",
    "Resolution",
    "Failure",
    "GazetteerProvider",
    "NominatimProvider",
    "PhotonProvider",
    "PeliasProvider",
    "GeoNamesProvider",
    "ArcGISProvider",
    "CachedProvider",
    "GeocodeCache",
    "CacheEntry",
    "CacheInfo",
    "ProviderCacheStats",
    "RateLimited",
    "CircuitBreaker",
    "RetryPolicy",
    "GeocoderConfig",
    "build_chain",
    "online_chain",
    "provider_class",
    "PROVIDERS",
    "default_cache_path",
    "normalise_query",
    "place_from_location",
    "GeocoderError",
    "GeocoderConfigError",
    "GeocoderUnavailable",
    "GeocoderRateLimited",
    "GeocoderTimeout",
    "GeocoderParseError",
    "GeocoderQueryError",
    "GeocoderAccessDenied",
    "GeocoderCacheError",
    "GeocoderSkipped",
]

_LAZY = {
    "NominatimProvider": "nominatim",
    "PhotonProvider": "photon",
    "PeliasProvider": "pelias",
    "GeoNamesProvider": "geonames",
    "ArcGISProvider": "arcgis",
    "RetryPolicy": "_http",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module = importlib.import_module(f"{__name__}.{_LAZY[name]}")
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
