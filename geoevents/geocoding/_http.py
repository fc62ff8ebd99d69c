"""HTTP for the geopy providers: a geopy adapter with status mapping, timeouts and retries.

geopy builds the URL and parses the reply; this adapter fetches it. Failures become
:mod:`geoevents.geocoding.errors` (statuses through :func:`error_for_status`); retryable ones
(429, 5xx, timeouts, refused connections) are retried with exponential backoff, honouring a
server's ``Retry-After`` unless it asks for longer than ``RetryPolicy.max_wait``.
"""

from __future__ import annotations

import http.client
import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from geopy.adapters import BaseSyncAdapter

from ._http_defaults import DEFAULT_RETRIES
from .errors import (
    GeocoderError,
    GeocoderParseError,
    GeocoderTimeout,
    GeocoderUnavailable,
    error_for_status,
)

__all__ = ["RetryPolicy", "HttpAdapter"]

log = logging.getLogger("geoevents.geocoding")

_LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often and how long to retry a failed request.

    Attributes
    ----------
    retries : int
        Extra attempts after the first one.
    backoff : float
        First wait in seconds; doubled after each failed attempt.
    max_wait : float
        Longest single wait; a ``Retry-After`` beyond it gives up at once.
    """

    retries: int = DEFAULT_RETRIES
    backoff: float = 1.0
    max_wait: float = 30.0

    def wait_for(self, attempt: int, error: GeocoderError) -> float | None:
        """Seconds to sleep before attempt ``attempt + 1``, or None to give up."""
        if not error.retryable or attempt >= self.retries:
            return None
        wait = self.backoff * (2**attempt)
        if error.retry_after is not None:
            wait = max(wait, error.retry_after)
        return wait if wait <= self.max_wait else None


class HttpAdapter(BaseSyncAdapter):  # type: ignore[misc]
    """A geopy adapter on urllib that raises geoevents errors and retries."""

    def __init__(
        self,
        *,
        proxies: dict[str, str] | None = None,
        ssl_context: Any = None,
        provider: str = "geocoder",
        retry: RetryPolicy | None = None,
    ) -> None:
        super().__init__(proxies=proxies or {}, ssl_context=ssl_context)
        self.provider = provider
        self.retry = retry or RetryPolicy()
        self._proxies = proxies or {}
        self._ssl_context = ssl_context
        self.requests = 0  # attempts made, for logs and tests

    def get_json(self, url: str, *, timeout: float, headers: dict[str, str]) -> Any:
        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            snippet = text[:60].replace("\n", " ")
            raise GeocoderParseError(
                f"{self.provider}: reply is not JSON ({exc.msg}): {snippet!r}"
            ) from None

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        attempt = 0
        while True:
            try:
                return self._fetch(url, timeout=timeout, headers=headers)
            except GeocoderError as error:
                wait = self.retry.wait_for(attempt, error)
                if wait is None:
                    raise
                log.info("%s; retrying in %.1f s", error, wait)
                time.sleep(wait)
                attempt += 1

    def _opener(self, url: str) -> urllib.request.OpenerDirector:
        host = urllib.parse.urlsplit(url).hostname or ""
        # A local server must never go through a proxy taken from the environment.
        proxies = {} if host in _LOOPBACK else (self._proxies or urllib.request.getproxies())
        handlers: list[urllib.request.BaseHandler] = [urllib.request.ProxyHandler(proxies)]
        if self._ssl_context is not None:
            handlers.append(urllib.request.HTTPSHandler(context=self._ssl_context))
        return urllib.request.build_opener(*handlers)

    def _fetch(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        self.requests += 1
        request = urllib.request.Request(url, headers=headers)
        try:
            with self._opener(url).open(request, timeout=timeout) as reply:
                body: bytes = reply.read()
                charset = reply.headers.get_content_charset() or "utf-8"
        except urllib.error.HTTPError as exc:
            exc.close()
            raise error_for_status(
                exc.code, provider=self.provider, url=url, headers=dict((exc.headers or {}).items())
            ) from None
        except TimeoutError:
            raise GeocoderTimeout(
                f"{self.provider}: no answer within {timeout:g} s from {_base(url)}"
            ) from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise GeocoderTimeout(
                    f"{self.provider}: no answer within {timeout:g} s from {_base(url)}"
                ) from None
            raise GeocoderUnavailable(
                f"{self.provider}: cannot reach {_base(url)} ({exc.reason})"
            ) from None
        except (ConnectionError, OSError, http.client.HTTPException) as exc:
            raise GeocoderUnavailable(
                f"{self.provider}: connection to {_base(url)} failed ({exc})"
            ) from None
        try:
            return body.decode(charset, errors="replace")
        except LookupError:
            return body.decode("utf-8", errors="replace")


def _base(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"

