"""Functions run in child processes by the concurrency tests (importable by name under spawn)."""

from __future__ import annotations

from typing import Any

from geoevents.geocoding import (
    CachedProvider,
    GeocodeCache,
    Location,
    NominatimProvider,
    RateLimited,
)


def lookup_and_write(path: str, url: str, worker: int, names: list[str], extra: int) -> int:
    """Resolve ``names`` through a cached Nominatim, then store ``extra`` synthetic entries."""
    cache = GeocodeCache(path)
    provider = CachedProvider(NominatimProvider(url), cache)
    found = sum(provider.geocode(name) is not None for name in names)
    for i in range(extra):
        location = Location(
            query=f"w{worker}-{i}", name=f"Place {worker}-{i}", lat=i / 100.0, lon=worker + 0.5,
            feature="city", country="IQ", provider="bulk", provider_id=f"bulk:{worker}:{i}",
        )
        key = cache.make_key("bulk", location.query)
        cache.put(key, provider="bulk", query=location.query, location=location)
    provider.close()
    return found


def paced_lookups(path: str, url: str, names: list[str], min_delay: float) -> int:
    """Resolve ``names`` through a rate limit whose slots are booked in the shared file."""
    cache = GeocodeCache(path)
    limited = RateLimited(NominatimProvider(url), min_delay=min_delay, shared=cache)
    found = sum(limited.geocode(name) is not None for name in names)
    cache.close()
    return found


def open_at_once(path: str, barrier: Any, results: Any, worker: int) -> None:
    """Wait for the others, then create/open the cache and write one entry; report the outcome."""
    try:
        barrier.wait(timeout=60)
        cache = GeocodeCache(path).open()
        location = Location(f"q{worker}", f"P{worker}", 1.0, 2.0, "city", "", "bulk", f"b:{worker}")
        cache.put(cache.make_key("bulk", location.query), provider="bulk", query=location.query,
                  location=location)
        cache.close()
        results.put((worker, "ok"))
    except Exception as exc:  # reported to the parent, which fails the test with it
        results.put((worker, f"{type(exc).__name__}: {exc}"))
