"""Keep a minimum delay between requests to one provider (geopy's ``RateLimiter``, as a provider)."""

from __future__ import annotations

import threading
import time

from .base import Provider
from .location import Location

__all__ = ["RateLimited"]


class RateLimited(Provider):
    """Wrap ``provider`` so that calls start at least ``min_delay`` seconds apart.

    Put it inside :class:`~geoevents.geocoding.cache.CachedProvider` so that cache hits
    never wait. Thread-safe; the delay is per wrapper (per process).
    """

    def __init__(self, provider: Provider, *, min_delay: float = 1.0) -> None:
        self.provider = provider
        self.min_delay = min_delay
        self.name = provider.name
        self._lock = threading.Lock()
        self._last = float("-inf")

    @property
    def cache_key(self) -> str:
        return self.provider.cache_key

    def geocode(
        self, query: str, *, country: str | None = None, language: str | None = None
    ) -> Location | None:
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
