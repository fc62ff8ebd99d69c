"""The one interface every geocoder offers, in geopy's style."""

from __future__ import annotations

import abc
from types import TracebackType
from typing import TypeVar

from .location import Location

__all__ = ["Provider"]

P = TypeVar("P", bound="Provider")


class Provider(abc.ABC):
    """A geocoder: turns a place name into one :class:`Location`.

    Subclasses set :attr:`name` and implement :meth:`geocode`. Wrappers (cache, rate limit,
    chain) are providers too, so they compose like geopy's ``RateLimiter``.
    """

    #: Short name shown to users and stored in ``Place.provider``.
    name: str = "provider"

    @property
    def cache_key(self) -> str:
        """What identifies this provider's answers in the cache (name plus endpoint)."""
        return self.name

    @abc.abstractmethod
    def geocode(
        self, query: str, *, country: str | None = None, language: str | None = None
    ) -> Location | None:
        """Resolve ``query``.

        Parameters
        ----------
        query : str
            A place name as written.
        country : str, optional
            ISO 3166-1 alpha-2 code restricting the answer to one country.
        language : str, optional
            ISO 639-1 code of the query's language / preferred answer language.

        Returns
        -------
        Location or None
            ``None`` is a definite miss: the provider answered and knows no such place.

        Raises
        ------
        GeocoderError
            The provider could not answer (unreachable, timeout, bad reply, bad config).
        """

    def close(self) -> None:
        """Release files and connections (default: nothing to release)."""
        return None

    def __enter__(self: P) -> P:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.cache_key}>"
