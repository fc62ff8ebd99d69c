"""Faults injected by a real local server: each is survived, none is cached."""

from __future__ import annotations

import logging
import socket
import time
from pathlib import Path

import pytest
from geocoding_server import GeoServer

from geoevents.geocoding import (
    CachedProvider,
    Chain,
    CircuitBreaker,
    GeocodeCache,
    GeocoderParseError,
    GeocoderRateLimited,
    GeocoderTimeout,
    GeocoderUnavailable,
    NominatimProvider,
    PhotonProvider,
    RetryPolicy,
)

FAST = RetryPolicy(retries=2, backoff=0.05, max_wait=5.0)


def test_429_with_retry_after_is_waited_out_then_answered(server: GeoServer) -> None:
    server.fail("status", status=429, retry_after="1")
    provider = NominatimProvider(server.url, retry=FAST)
    started = time.monotonic()
    loc = provider.geocode("Erbil")
    elapsed = time.monotonic() - started
    assert loc is not None and loc.name == "Erbil"
    assert server.requests == 2
    assert elapsed >= 1.0  # the server's Retry-After, not the 0.05 s backoff


def test_retry_after_longer_than_we_wait_gives_up_at_once(server: GeoServer) -> None:
    server.fail("status", status=429, retry_after="3600")
    provider = NominatimProvider(server.url, retry=FAST)
    with pytest.raises(GeocoderRateLimited, match="429"):
        provider.geocode("Erbil")
    assert server.requests == 1


def test_a_500_is_retried_with_backoff(server: GeoServer) -> None:
    server.fail("status", status=500, times=2)
    provider = NominatimProvider(server.url, retry=FAST)
    loc = provider.geocode("Kirkuk")
    assert loc is not None and loc.name == "Kirkuk"
    assert server.requests == 3


def test_persistent_5xx_fails_after_the_retries(server: GeoServer) -> None:
    server.fail("status", status=503, times=10)
    provider = NominatimProvider(server.url, retry=FAST)
    with pytest.raises(GeocoderUnavailable, match="HTTP 503"):
        provider.geocode("Kirkuk")
    assert server.requests == 1 + FAST.retries


def test_a_hang_past_the_timeout_is_a_timeout(server: GeoServer) -> None:
    server.fail("hang", seconds=3.0, times=5)
    provider = NominatimProvider(server.url, timeout=0.3, retry=RetryPolicy(retries=0))
    started = time.monotonic()
    with pytest.raises(GeocoderTimeout, match="0.3 s"):
        provider.geocode("Erbil")
    assert time.monotonic() - started < 2.0


def test_malformed_json_is_a_parse_error_and_not_retried(server: GeoServer) -> None:
    server.fail("malformed")
    provider = NominatimProvider(server.url, retry=FAST)
    with pytest.raises(GeocoderParseError, match="not JSON"):
        provider.geocode("Erbil")
    assert server.requests == 1


@pytest.mark.filterwarnings("ignore:Latitude normalization:UserWarning")  # geopy, on bad input
@pytest.mark.parametrize(
    ("provider_cls", "body"),
    [
        (NominatimProvider, '{"unexpected": true}'),
        (NominatimProvider, '[{"lat": "north", "lon": "44.0", "osm_type": "node", "osm_id": 1}]'),
        (NominatimProvider, '[{"lat": "123.0", "lon": "44.0", "display_name": "X", "osm_id": 1}]'),
        (PhotonProvider, '{"type": "FeatureCollection"}'),
        (PhotonProvider, '{"features": [{"properties": {}, "geometry": {"coordinates": []}}]}'),
        (PhotonProvider, '[1, 2, 3]'),
    ],
)
def test_json_of_the_wrong_shape_is_a_parse_error(
    server: GeoServer, provider_cls: type[NominatimProvider], body: str
) -> None:
    server.fail("json", body=body)
    with pytest.raises(GeocoderParseError) as info:
        provider_cls(server.url, retry=FAST).geocode("Erbil")
    assert "\n" not in str(info.value)
    assert server.requests == 1


def test_refused_connection_is_unavailable() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    provider = NominatimProvider(f"http://127.0.0.1:{port}", retry=RetryPolicy(retries=0))
    with pytest.raises(GeocoderUnavailable, match="cannot reach"):
        provider.geocode("Erbil")


@pytest.mark.parametrize(
    ("kind", "kwargs"),
    [
        ("status", {"status": 500, "times": 3}),
        ("status", {"status": 429, "retry_after": "120"}),
        ("hang", {"seconds": 3.0, "times": 3}),
        ("malformed", {}),
    ],
)
def test_chain_survives_each_fault_and_caches_nothing_of_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, kind: str, kwargs: dict[str, object]
) -> None:
    with GeoServer() as broken, GeoServer() as backup:
        broken.fail(kind, **kwargs)  # type: ignore[arg-type]
        cache = GeocodeCache(tmp_path / "cache.sqlite3")
        retry = RetryPolicy(retries=2, backoff=0.01, max_wait=5.0)
        # The timeout leaves room for a loaded machine; the hang is longer still.
        nominatim = NominatimProvider(broken.url, timeout=1.0, retry=retry)
        photon = PhotonProvider(backup.url)
        chain = Chain([CachedProvider(nominatim, cache), CachedProvider(photon, cache)])
        with caplog.at_level(logging.WARNING, logger="geoevents.geocoding"):
            result = chain.resolve("Erbil")
        assert result.location is not None
        assert result.location.provider == "photon"
        assert [f.provider for f in result.failures] == ["nominatim"]
        warning = [r for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warning) == 1 and "nominatim" in warning[0].getMessage()
        assert "\n" not in warning[0].getMessage()
        # The failure was not cached: the next run asks nominatim again (now healthy) and
        # it answers; photon's answer came from the cache of the first run.
        asked_before = broken.requests
        second = chain.resolve("Erbil")
        assert second.location is not None and second.location.provider == "nominatim"
        assert broken.requests == asked_before + 1
        assert backup.requests == 1
        third = chain.resolve("Erbil")
        assert third.location is not None and third.location.cached
        assert broken.requests == asked_before + 1
        chain.close()


def test_chain_of_failures_only_returns_none_with_every_failure(tmp_path: Path) -> None:
    with GeoServer() as a, GeoServer() as b:
        a.fail("malformed")
        b.fail("status", status=500, times=3)
        chain = Chain([
            NominatimProvider(a.url, retry=RetryPolicy(retries=0)),
            PhotonProvider(b.url, retry=RetryPolicy(retries=0)),
        ])
        result = chain.resolve("Erbil")
        assert result.location is None and not result.found
        assert [(f.provider, f.kind) for f in result.failures] == [
            ("nominatim", "GeocoderParseError"), ("photon", "GeocoderUnavailable")]


def test_breaker_stops_asking_a_failing_provider_but_cache_still_answers(
    tmp_path: Path, server: GeoServer, caplog: pytest.LogCaptureFixture
) -> None:
    cache = GeocodeCache(tmp_path / "c.sqlite3")
    nominatim = NominatimProvider(server.url, retry=RetryPolicy(retries=0))
    chain = Chain([CachedProvider(CircuitBreaker(nominatim, max_failures=2, cooldown=1.5), cache)])
    assert chain.geocode("Erbil") is not None  # healthy: cached
    server.fail("status", status=502, times=100)
    with caplog.at_level(logging.WARNING, logger="geoevents.geocoding"):
        results = [chain.resolve(name) for name in ("Kirkuk", "Iraq", "Anbar", "Tripoli")]
    assert server.requests == 1 + 2  # the two failures that opened the breaker, then nothing
    assert [r.failures[0].kind for r in results] == [
        "GeocoderUnavailable", "GeocoderUnavailable", "GeocoderSkipped", "GeocoderSkipped"]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 3 and sum("not asking it for 1.5 s" in w for w in warnings) == 1
    erbil = chain.geocode("Erbil")
    assert erbil is not None and erbil.cached  # cached answers are still served
    time.sleep(1.6)
    server.faults.clear()
    assert chain.geocode("Kirkuk") is not None  # after the cooldown it is asked again
    assert server.requests == 4
