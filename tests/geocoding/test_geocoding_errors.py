"""HTTP statuses -> the error tree, Retry-After parsing, and the retry policy's decisions."""

from __future__ import annotations

import email.utils

import pytest
from geocoding_server import GeoServer

from geoevents.errors import GeoeventsError
from geoevents.geocoding import (
    GeocoderAccessDenied,
    GeocoderError,
    GeocoderQueryError,
    GeocoderRateLimited,
    GeocoderTimeout,
    GeocoderUnavailable,
    NominatimProvider,
    RetryPolicy,
)
from geoevents.geocoding.errors import error_for_status, parse_retry_after


@pytest.mark.parametrize(
    ("status", "cls", "retryable"),
    [
        (400, GeocoderQueryError, False),
        (401, GeocoderAccessDenied, False),
        (403, GeocoderAccessDenied, False),
        (404, GeocoderQueryError, False),
        (418, GeocoderQueryError, False),
        (408, GeocoderTimeout, True),
        (429, GeocoderRateLimited, True),
        (500, GeocoderUnavailable, True),
        (502, GeocoderUnavailable, True),
        (503, GeocoderUnavailable, True),
        (504, GeocoderTimeout, True),
        (599, GeocoderUnavailable, True),
    ],
)
def test_status_mapping(status: int, cls: type[GeocoderError], retryable: bool) -> None:
    error = error_for_status(status, provider="nominatim", url="http://h:1/search?q=secret")
    assert type(error) is cls
    assert isinstance(error, GeoeventsError)
    assert error.retryable is retryable
    assert f"HTTP {status}" in str(error) and "secret" not in str(error)


def test_retry_after_forms() -> None:
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    in_a_minute = email.utils.formatdate(1_000_060, usegmt=True)
    assert parse_retry_after(in_a_minute, now=1_000_000) == pytest.approx(60.0)
    past = email.utils.formatdate(999_000, usegmt=True)
    assert parse_retry_after(past, now=1_000_000) == 0.0
    error = error_for_status(503, provider="p", url="u", headers={"Retry-After": "7"})
    assert error.retry_after == 7.0 and "Retry-After 7 s" in str(error)
    lower = error_for_status(429, provider="p", url="u", headers={"retry-after": "2"})
    assert lower.retry_after == 2.0


def test_retry_policy_decisions() -> None:
    policy = RetryPolicy(retries=2, backoff=0.5, max_wait=10.0)
    busy = GeocoderUnavailable("x")
    assert [policy.wait_for(n, busy) for n in range(3)] == [0.5, 1.0, None]
    assert policy.wait_for(0, GeocoderRateLimited("x", retry_after=4.0)) == 4.0
    assert policy.wait_for(0, GeocoderRateLimited("x", retry_after=60.0)) is None
    assert policy.wait_for(0, GeocoderQueryError("x")) is None


def test_403_names_the_likely_cause_and_is_not_retried(server: GeoServer) -> None:
    server.fail("status", status=403)
    with pytest.raises(GeocoderAccessDenied, match="--user-agent"):
        NominatimProvider(server.url).geocode("Erbil")
    assert server.requests == 1
