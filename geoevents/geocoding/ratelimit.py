"""Keep a minimum delay between requests to one provider (geopy's ``RateLimiter``, as a provider)."""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from .base import Provider
from .location import Location

if TYPE_CHECKING:
    from .cache import GeocodeCache

__all__ = ["RateLimited"]


class RateLimited(Provider):
    """Wrap ``provider`` so that calls start at least ``min_delay`` seconds apart.

    Put it inside :class:`~geoevents.geocoding.cache.CachedProvider` so that cache hits
    never wait. Thread-safe. With ``shared`` (a cache file), request slots are booked in that
    file, so all processes sharing it keep the pace together (parallel batch workers and one
    public server); without it the pace is per wrapper.
    """

    def __init__(
        self, provider: Provider, *, min_delay: float = 1.0, shared: GeocodeCache | None = None
    ) -> None:
        self.provider = provider
        self.min_delay = min_delay
        self.shared = shared
        self.name = provider.name
        self._lock = threading.Lock()
        self._last = float("-inf")

    @property
    def cache_key(self) -> str:
        return self.provider.cache_key

    def geocode(
        self, query: str, *, country: str | None = None, language: str | None = None
    ) -> Location | None:
        if self.shared is not None:
            wait = self.shared.reserve_slot(self.provider.cache_key, self.min_delay)
            if wait > 0:
                time.sleep(wait)
            return self.provider.geocode(query, country=country, language=language)
        with self._lock:
            wait = self._last + self.min_delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                return self.provider.geocode(query, country=country, language=language)
            finally:
                self._last = time.monotonic()

    def close(self) -> None:
        self.provider.close()
