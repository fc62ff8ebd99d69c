"""Geocoding cache speed: one cached lookup <= 1 ms; 10,000 cached lookups <= 2 s.

Fills a fresh cache file with 10,000 answers (the first 200 through real requests to a local
Nominatim-speaking server, the rest written directly), then resolves all 10,000 names again
through ``CachedProvider(NominatimProvider(...))`` in shuffled order and checks that the server
saw no new request. Also times a cold start: a new cache object's first lookup.

Run: python benchmarks/bench_cache.py [--n 10000] [--no-write]
Writes benchmarks/results/cache.md (markdown table) unless --no-write; exits 1 if a target
is missed.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "geocoding"))  # the local test server

from geocoding_server import GeoServer  # noqa: E402

from geoevents._io import atomic_write  # noqa: E402
from geoevents.geocoding import (  # noqa: E402
    CachedProvider,
    GeocodeCache,
    Location,
    NominatimProvider,
)

LOOKUP_TARGET_MS = 1.0
BATCH_TARGET_S = 2.0
PARALLEL = 2  # processes reading the same file at once (the machine has 2 cores)


def _read_all(path: str, url: str, names: list[str]) -> tuple[float, int]:
    """In a child process: look every name up through the cache; (seconds, answers)."""
    provider = CachedProvider(NominatimProvider(url), GeocodeCache(path))
    started = time.perf_counter()
    answered = sum(provider.geocode(name) is not None for name in names)
    elapsed = time.perf_counter() - started
    provider.close()
    return elapsed, answered


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="cached entries and lookups")
    parser.add_argument("--no-write", action="store_true", help="only print the table")
    args = parser.parse_args()
    n = args.n
    rng = random.Random(7)

    with tempfile.TemporaryDirectory() as tmp, GeoServer() as server:
        path = Path(tmp) / "geocode.sqlite3"
        cache = GeocodeCache(path)
        provider = CachedProvider(NominatimProvider(server.url), cache)
        names = [f"Village {i}" for i in range(n - 5)]
        real = ["Erbil", "Kirkuk", "Iraq", "Anbar", "Tripoli"] + names[: 195]
        for name in real:
            provider.geocode(name)
        requests_after_fill = server.requests

        started = time.perf_counter()
        rest = names[195:]
        for i, name in enumerate(rest):
            loc = Location(name, name, 30 + i % 10 / 10, 40 + i % 7 / 10, "village", "IQ",
                           "nominatim", f"osm:N{i}")
            key = cache.make_key(provider.cache_key, name)
            cache.put(key, provider="nominatim", query=name, location=loc)
        put_s = time.perf_counter() - started
        all_names = real + rest

        order = all_names[:]
        rng.shuffle(order)
        timings: list[float] = []
        started = time.perf_counter()
        for name in order:
            t0 = time.perf_counter()
            provider.geocode(name)
            timings.append(time.perf_counter() - t0)
        batch_s = time.perf_counter() - started
        new_requests = server.requests - requests_after_fill
        provider.close()

        ctx = multiprocessing.get_context("spawn")
        with ctx.Pool(PARALLEL) as pool:
            parallel = pool.starmap(_read_all, [(str(path), server.url, order)] * PARALLEL)
        parallel_s = max(t for t, _ in parallel)
        parallel_requests = server.requests - requests_after_fill - new_requests

        t0 = time.perf_counter()
        cold = CachedProvider(NominatimProvider(server.url), GeocodeCache(path))
        cold_hit = cold.geocode("Erbil")
        cold_ms = (time.perf_counter() - t0) * 1000
        cold.close()
        size_mb = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 1e6

    timings.sort()
    median_ms = statistics.median(timings) * 1000
    p99_ms = timings[int(len(timings) * 0.99) - 1] * 1000
    mean_ms = batch_s / len(order) * 1000
    ok_lookup = mean_ms <= LOOKUP_TARGET_MS and p99_ms <= LOOKUP_TARGET_MS
    ok_batch = max(batch_s, parallel_s) <= BATCH_TARGET_S * n / 10_000
    ok_requests = (new_requests == 0 and parallel_requests == 0 and cold_hit is not None
                   and cold_hit.cached)
    rows = [
        ("entries in cache", f"{len(all_names):,}", ""),
        ("filled through HTTP / written directly", f"{len(real)} / {len(rest):,}",
         f"{put_s:.2f} s for the direct writes"),
        ("cached lookup, mean", f"{mean_ms:.3f} ms", f"<= {LOOKUP_TARGET_MS} ms"),
        ("cached lookup, median / p99", f"{median_ms:.3f} / {p99_ms:.3f} ms",
         f"<= {LOOKUP_TARGET_MS} ms"),
        (f"{len(order):,} cached lookups", f"{batch_s:.2f} s", f"<= {BATCH_TARGET_S} s"),
        (f"{PARALLEL} processes x {len(order):,} cached lookups at once",
         f"{parallel_s:.2f} s", f"<= {BATCH_TARGET_S} s each"),
        ("requests during the cached lookups", str(new_requests + parallel_requests), "0"),
        ("cold: open cache + first lookup", f"{cold_ms:.1f} ms", ""),
        ("cache file size", f"{size_mb:.1f} MB", ""),
    ]
    table = ["| measure | value | target |", "|---|---|---|"]
    table += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    verdict = "all targets met" if ok_lookup and ok_batch and ok_requests else "TARGET MISSED"
    text = (
        "# Geocoding cache benchmark\n\n"
        f"python {sys.version.split()[0]}, sqlite {__import__('sqlite3').sqlite_version}; "
        "`python benchmarks/bench_cache.py`\n\n" + "\n".join(table) + f"\n\n{verdict}\n"
    )
    print(text)
    if not args.no_write:
        out = ROOT / "benchmarks" / "results" / "cache.md"
        with atomic_write(out) as handle:
            handle.write(text)
    return 0 if verdict == "all targets met" else 1


if __name__ == "__main__":
    raise SystemExit(main())
