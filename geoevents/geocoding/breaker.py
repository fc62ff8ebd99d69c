"""Stop asking a provider that keeps failing, for a while (a circuit breaker).

Without it, a server that is down costs every remaining name of a run the full timeout and
retries. After ``max_failures`` failures in a row the provider is skipped for ``cooldown``
seconds (one warning), then tried again once; a success closes the breaker.
"""

from __future__ import annotations

import logging
import threading
import time

from .base import Provider
from .errors import GeocoderError, GeocoderQueryError, GeocoderSkipped
from .location import Location

__all__ = ["CircuitBreaker"]

log = logging.getLogger("geoevents.geocoding")


class CircuitBreaker(Provider):
    """Wrap ``provider``; raise :class:`GeocoderSkipped` at once while it is considered down.

    Put it inside :class:`~geoevents.geocoding.cache.CachedProvider`, so cached answers are
    still served while the service is skipped. Errors about one query (HTTP 400/404) do not
    count: they say nothing about the service's health.
    """

    def __init__(self, provider: Provider, *, max_failures: int = 3, cooldown: float = 60.0) -> None:
        self.provider = provider
        self.name = provider.name
        self.max_failures = max(1, max_failures)
        self.cooldown = cooldown
        self._lock = threading.Lock()
        self._failures = 0
        self._open_until = 0.0

    @property
    def cache_key(self) -> str:
        return self.provider.cache_key

    @property
    def is_open(self) -> bool:
        """True while the provider is being skipped."""
        return time.monotonic() < self._open_until

    def geocode(
        self, query: str, *, country: str | None = None, language: str | None = None
    ) -> Location | None:
        with self._lock:
            remaining = self._open_until - time.monotonic()
        if remaining > 0:
            raise GeocoderSkipped(
                f"{self.name}: skipped for {remaining:.0f} more s after "
                f"{self._failures} failures in a row"
            )
        try:
            location = self.provider.geocode(query, country=country, language=language)
        except GeocoderQueryError:
            raise
        except GeocoderError as error:
            with self._lock:
                self._failures += 1
                if self._failures >= self.max_failures:
                    self._open_until = time.monotonic() + self.cooldown
                    log.warning(
                        "geocoder %s failed %d times in a row (last: %s); not asking it for %g s",
                        self.name, self._failures, error, self.cooldown,
                    )
            raise
        with self._lock:
            self._failures = 0
            self._open_until = 0.0
        return location

    def close(self) -> None:
        self.provider.close()
