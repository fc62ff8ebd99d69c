"""Geocoding errors, and the one place where HTTP statuses become errors.

Every error is a :class:`geoevents.errors.GeoeventsError`, so the CLI prints it on one line.
``retryable`` tells the retry loop whether asking again can help; ``retry_after`` carries a
server's ``Retry-After`` in seconds.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Mapping

from ..errors import GeoeventsError

__all__ = [
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
    "error_for_status",
    "parse_retry_after",
]


class GeocoderError(GeoeventsError):
    """A geocoding provider could not answer."""

    retryable: bool = False

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class GeocoderConfigError(GeocoderError):
    """A provider is misconfigured (unknown name, bad URL, missing user agent or key)."""


class GeocoderUnavailable(GeocoderError):
    """The service cannot be reached or answered with a server error (5xx)."""

    retryable = True


class GeocoderRateLimited(GeocoderUnavailable):
    """The service asked us to slow down (HTTP 429)."""


class GeocoderTimeout(GeocoderUnavailable):
    """The service did not answer within the timeout."""


class GeocoderSkipped(GeocoderUnavailable):
    """Not asked: the provider failed several times in a row and is resting (circuit breaker)."""

    retryable = False


class GeocoderParseError(GeocoderError):
    """The service answered something that is not the JSON its API promises."""


class GeocoderQueryError(GeocoderError):
    """The service rejected the request itself (HTTP 400, 404 ...)."""


class GeocoderAccessDenied(GeocoderError):
    """The service refused us (HTTP 401/403): check the user agent or API key."""


class GeocoderCacheError(GeocoderError):
    """The geocoding cache file cannot be opened or is not a geoevents cache."""


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delay-seconds or HTTP-date), or None.

    >>> parse_retry_after("3")
    3.0
    >>> parse_retry_after("soon") is None
    True
    """
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


_STATUS_ERRORS: dict[int, type[GeocoderError]] = {
    400: GeocoderQueryError,
    401: GeocoderAccessDenied,
    403: GeocoderAccessDenied,
    404: GeocoderQueryError,
    407: GeocoderAccessDenied,
    408: GeocoderTimeout,
    413: GeocoderQueryError,
    414: GeocoderQueryError,
    429: GeocoderRateLimited,
    500: GeocoderUnavailable,
    502: GeocoderUnavailable,
    503: GeocoderUnavailable,
    504: GeocoderTimeout,
}


def error_for_status(
    status: int, *, provider: str, url: str, headers: Mapping[str, str] | None = None
) -> GeocoderError:
    """The error for a non-2xx HTTP status (unlisted 4xx: query error; other 5xx: unavailable).

    >>> type(error_for_status(429, provider="nominatim", url="http://x")).__name__
    'GeocoderRateLimited'
    """
    cls = _STATUS_ERRORS.get(status)
    if cls is None:
        cls = GeocoderQueryError if 400 <= status < 500 else GeocoderUnavailable
    retry_after = parse_retry_after(
        next((v for k, v in (headers or {}).items() if k.lower() == "retry-after"), None)
    )
    hint = ""
    if cls is GeocoderAccessDenied:
        hint = " (check --user-agent and API keys)"
    elif retry_after is not None:
        hint = f" (Retry-After {retry_after:g} s)"
    return cls(f"{provider}: HTTP {status} from {_short(url)}{hint}", retry_after=retry_after)


def _short(url: str) -> str:
    return url.split("?", 1)[0]
