"""Shared machinery for providers built on a geopy geocoder.

A provider module only says how to build its geopy geocoder, which parameters a query takes,
and how one raw result becomes a :class:`Location`. Fetching, retrying and mapping failures to
:mod:`geoevents.geocoding.errors` happen here and in :mod:`._http`, once for all of them.
"""

from __future__ import annotations

import abc
import math
import urllib.parse
from typing import Any

from ._http import HttpAdapter, RetryPolicy
from ._http_defaults import DEFAULT_TIMEOUT
from .base import Provider
from .errors import (
    GeocoderAccessDenied,
    GeocoderConfigError,
    GeocoderError,
    GeocoderParseError,
    GeocoderQueryError,
    GeocoderRateLimited,
    GeocoderTimeout,
    GeocoderUnavailable,
)
from .location import Location

__all__ = ["GeopyProvider", "DEFAULT_TIMEOUT", "default_user_agent", "split_url"]

_package = "geoevents"



def default_user_agent() -> str:
    """``geoevents/<version>``: identifies the software, not the person running it."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{_package}/{version(_package)}"
    except PackageNotFoundError:
        return _package


def split_url(url: str) -> tuple[str, str]:
    """``(scheme, domain-with-path)`` as geopy wants them from a base URL.

    >>> split_url("http://127.0.0.1:8080/nominatim/")
    ('http', '127.0.0.1:8080/nominatim')
    >>> split_url("photon.example.org")
    ('https', 'photon.example.org')
    """
    url = url.strip()
    if "://" not in url:
        url = "https://" + url
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise GeocoderConfigError(f"geocoder URL must be http(s)://host[:port][/path], got {url!r}")
    return parts.scheme, (parts.netloc + parts.path).rstrip("/")


class GeopyProvider(Provider):
    """A provider that asks a web service through a geopy geocoder.

    Parameters
    ----------
    url : str, optional
        Base URL of the service (``http://127.0.0.1:8080`` for a self-hosted one);
        defaults to the public service.
    user_agent : str, optional
        HTTP User-Agent; defaults to ``geoevents/<version>``.
    timeout : float
        Seconds to wait for each request.
    retry : RetryPolicy, optional
        Retries on 429, 5xx and timeouts.
    limit : int
        Results to ask for (the first one in the wanted country wins).
    """

    default_url: str = ""

    def __init__(
        self,
        url: str | None = None,
        *,
        user_agent: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        limit: int = 5,
        **options: Any,
    ) -> None:
        self.url = (url or self.default_url).rstrip("/")
        scheme, domain = split_url(self.url)
        self.url = f"{scheme}://{domain}"
        self.timeout = timeout
        self.limit = limit
        self.adapter = HttpAdapter(provider=self.name, retry=retry)
        from geopy.exc import ConfigurationError

        try:
            self._geocoder = self._build(
                scheme=scheme,
                domain=domain,
                user_agent=self._user_agent(user_agent),
                timeout=timeout,
                adapter_factory=lambda proxies, ssl_context: self.adapter,
                **options,
            )
        except ConfigurationError as exc:
            raise GeocoderConfigError(self._config_message(exc)) from None
        except TypeError as exc:
            raise GeocoderConfigError(f"{self.name}: bad option ({exc})") from None

    @property
    def cache_key(self) -> str:
        return f"{self.name}@{self.url}"

    @property
    def requests(self) -> int:
        """HTTP requests sent so far (retries included)."""
        return self.adapter.requests

    @property
    def polite_delay(self) -> float:
        """Default seconds between requests (the service's usage policy; 0 when it has none)."""
        return 0.0

    def _user_agent(self, user_agent: str | None) -> str | None:
        return user_agent or default_user_agent()

    def _config_message(self, exc: Exception) -> str:
        return f"{self.name}: {str(exc).splitlines()[0]}"

    @abc.abstractmethod
    def _build(self, **kwargs: Any) -> Any:
        """The geopy geocoder for these ``scheme``/``domain``/``user_agent``/... arguments."""

    @abc.abstractmethod
    def _query(
        self, geocoder: Any, query: str, country: str | None, language: str | None
    ) -> Any:
        """Call geopy's ``geocode(..., exactly_one=False)``; a list of geopy locations or None."""

    @abc.abstractmethod
    def _location(self, query: str, raw: dict[str, Any]) -> Location:
        """One raw result (geopy ``Location.raw``) as a :class:`Location`."""

    def geocode(
        self, query: str, *, country: str | None = None, language: str | None = None
    ) -> Location | None:
        import geopy.exc as gexc

        country = country.upper() if country else None
        try:
            results = self._query(self._geocoder, query, country, language)
            if not results:
                return None
            for result in results:
                location = self._location(query, result.raw)
                _check_coordinates(self.name, location)
                if country is None or location.country in ("", country):
                    return location
            return None
        except GeocoderError:
            raise
        except gexc.GeocoderRateLimited as exc:
            raise GeocoderRateLimited(
                f"{self.name}: rate limited", retry_after=exc.retry_after
            ) from None
        except gexc.GeocoderTimedOut:
            raise GeocoderTimeout(f"{self.name}: timed out") from None
        except (gexc.GeocoderAuthenticationFailure, gexc.GeocoderInsufficientPrivileges) as exc:
            raise GeocoderAccessDenied(f"{self.name}: access denied ({_one_line(exc)})") from None
        except (gexc.GeocoderQueryError, gexc.GeocoderQuotaExceeded) as exc:
            raise GeocoderQueryError(f"{self.name}: {_one_line(exc)}") from None
        except gexc.GeocoderParseError as exc:
            raise GeocoderParseError(f"{self.name}: {_one_line(exc)}") from None
        except gexc.ConfigurationError as exc:
            raise GeocoderConfigError(self._config_message(exc)) from None
        except gexc.GeopyError as exc:
            raise GeocoderUnavailable(f"{self.name}: {_one_line(exc)}") from None
        except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
            raise GeocoderParseError(
                f"{self.name}: unexpected reply from {self.url} ({type(exc).__name__}: {exc})"
            ) from None


def _check_coordinates(provider: str, location: Location) -> None:
    lat, lon = location.lat, location.lon
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise GeocoderParseError(f"{provider}: coordinates out of range ({lat}, {lon})")


def _one_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
