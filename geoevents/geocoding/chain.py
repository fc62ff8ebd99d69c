"""Ask providers in order; the first that answers wins, failures are logged and skipped."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from .base import Provider
from .errors import GeocoderConfigError, GeocoderError, GeocoderSkipped
from .location import Location

__all__ = ["Chain", "Resolution", "Failure"]

log = logging.getLogger("geoevents.geocoding")


@dataclass(frozen=True, slots=True)
class Failure:
    """A provider that could not answer one query."""

    provider: str
    error: str
    kind: str  # error class name, e.g. "GeocoderTimeout"


@dataclass(frozen=True, slots=True)
class Resolution:
    """What the chain made of one query: the location (or None) and who failed on the way."""

    query: str
    location: Location | None
    failures: tuple[Failure, ...] = ()

    @property
    def found(self) -> bool:
        return self.location is not None


class Chain(Provider):
    """Providers tried in order, e.g. ``Chain([gazetteer, CachedProvider(nominatim, cache)])``.

    A provider's :class:`GeocoderError` (timeout, 5xx after retries, malformed reply) is logged
    as a warning and the next provider is asked; nothing of a failure is cached, so a later
    run asks again. Configuration errors are not swallowed: they need the user.
    """

    name = "chain"

    def __init__(self, providers: Sequence[Provider]) -> None:
        self.providers: tuple[Provider, ...] = tuple(providers)

    @property
    def cache_key(self) -> str:
        return "chain(" + ",".join(p.cache_key for p in self.providers) + ")"

    def resolve(
        self, query: str, *, country: str | None = None, language: str | None = None
    ) -> Resolution:
        """Like :meth:`geocode`, but also report which providers failed."""
        failures: list[Failure] = []
        for provider in self.providers:
            try:
                location = provider.geocode(query, country=country, language=language)
            except GeocoderConfigError:
                raise
            except GeocoderError as error:
                # A skipped provider was reported once when its breaker opened.
                level = logging.DEBUG if isinstance(error, GeocoderSkipped) else logging.WARNING
                log.log(level, "geocoder %s failed for %r: %s; trying the next one",
                        provider.name, query, error)
                failures.append(Failure(provider.name, str(error), type(error).__name__))
                continue
            if location is not None:
                return Resolution(query, location, tuple(failures))
        return Resolution(query, None, tuple(failures))

    def geocode(
        self, query: str, *, country: str | None = None, language: str | None = None
    ) -> Location | None:
        return self.resolve(query, country=country, language=language).location

    def close(self) -> None:
        for provider in self.providers:
            provider.close()
