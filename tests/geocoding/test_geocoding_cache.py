"""The persistent SQLite cache: keys, expiry, statistics, clearing, bad files, many writers."""

from __future__ import annotations

import multiprocessing
import sqlite3
import time
from pathlib import Path

import pytest
from geocoding_server import GeoServer
from geocoding_workers import lookup_and_write, open_at_once, paced_lookups

from geoevents.geocoding import (
    CachedProvider,
    GeocodeCache,
    GeocoderCacheError,
    Location,
    NominatimProvider,
    default_cache_path,
)

ERBIL = Location("Erbil", "Erbil", 36.1912, 44.0092, "city", "IQ", "nominatim", "osm:N1")


def test_found_places_and_misses_are_both_kept(tmp_path: Path, server: GeoServer) -> None:
    cache = GeocodeCache(tmp_path / "c.sqlite3")
    provider = CachedProvider(NominatimProvider(server.url), cache)
    first = [provider.geocode(n) for n in ("Erbil", "Nowhereville", "Kirkuk")]
    assert server.requests == 3
    second = [provider.geocode(n) for n in ("Erbil", "Nowhereville", "Kirkuk")]
    assert server.requests == 3
    assert first == second
    assert first[1] is None
    assert not any(loc.cached for loc in first if loc) and all(loc.cached for loc in second if loc)
    provider.close()
    # A new process (here: a new cache object on the same file) sees the same answers.
    again = CachedProvider(NominatimProvider(server.url), GeocodeCache(tmp_path / "c.sqlite3"))
    assert again.geocode("Kirkuk") == first[2]
    assert server.requests == 3


def test_key_normalises_the_query_but_keeps_country_and_endpoint_apart(
    tmp_path: Path, server: GeoServer
) -> None:
    cache = GeocodeCache(tmp_path / "c.sqlite3")
    provider = CachedProvider(NominatimProvider(server.url), cache)
    assert provider.geocode("Tripoli") is not None
    hit = provider.geocode("  TRIPOLI ")
    assert hit is not None and hit.cached and hit.query == "  TRIPOLI "
    assert server.requests == 1
    lebanon = provider.geocode("Tripoli", country="LB")
    assert lebanon is not None and lebanon.country == "LB"
    assert server.requests == 2
    with GeoServer() as other:  # same provider name, other server: its own entries
        CachedProvider(NominatimProvider(other.url), cache).geocode("Tripoli")
        assert other.requests == 1


def test_expired_entries_are_asked_again(tmp_path: Path, server: GeoServer) -> None:
    cache = GeocodeCache(tmp_path / "c.sqlite3", ttl=3600, miss_ttl=0.2)
    provider = CachedProvider(NominatimProvider(server.url), cache)
    provider.geocode("Erbil")
    provider.geocode("Nowhereville")
    time.sleep(0.3)  # misses expire sooner than places
    provider.geocode("Erbil")
    provider.geocode("Nowhereville")
    assert [s.params["q"] for s in server.seen] == ["Erbil", "Nowhereville", "Nowhereville"]
    assert cache.info().expired == 0  # the miss was refreshed in place


def test_info_reports_entries_and_hits_by_provider(tmp_path: Path, server: GeoServer) -> None:
    path = tmp_path / "c.sqlite3"
    cache = GeocodeCache(path)
    provider = CachedProvider(NominatimProvider(server.url), cache)
    for name in ("Erbil", "Erbil", "Erbil", "Nowhereville", "Nowhereville"):
        provider.geocode(name)
    provider.close()
    info = GeocodeCache(path).info()
    assert info.exists and info.path == path and info.size_bytes > 0
    stats = info.providers["nominatim"]
    assert (stats.found, stats.not_found, stats.entries) == (1, 1, 2)
    assert (stats.hits, stats.misses) == (3, 2)
    assert info.entries == 2


def test_info_on_a_missing_file_does_not_create_it(tmp_path: Path) -> None:
    info = GeocodeCache(tmp_path / "none.sqlite3").info()
    assert not info.exists and info.entries == 0
    assert not (tmp_path / "none.sqlite3").exists()


def test_clear_by_provider_expired_or_all(tmp_path: Path) -> None:
    cache = GeocodeCache(tmp_path / "c.sqlite3", miss_ttl=0.0)
    cache.put("a", provider="nominatim", query="Erbil", location=ERBIL)
    cache.put("b", provider="photon", query="Erbil", location=ERBIL)
    cache.put("c", provider="photon", query="Nowhere", location=None)  # expires at once
    assert cache.clear(expired_only=True) == 1
    assert cache.clear(provider="photon") == 1
    assert cache.get("a") is not None and cache.get("b") is None
    assert cache.clear() == 1
    assert cache.info().entries == 0


def test_default_path_is_in_the_user_cache_folder(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert default_cache_path().is_relative_to(clean_env / "xdg-cache")
    assert GeocodeCache().path == default_cache_path()
    monkeypatch.setenv("GEOEVENTS_CACHE_DIR", str(clean_env / "ci-cache"))
    assert default_cache_path() == clean_env / "ci-cache" / "geocode.sqlite3"


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"this is not sqlite " * 100)
    with pytest.raises(GeocoderCacheError, match="not usable") as info:
        GeocodeCache(path).open()
    assert "\n" not in str(info.value) and "--cache" in str(info.value)


def test_someone_elses_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(GeocoderCacheError, match="not a geoevents geocoding cache"):
        GeocodeCache(path).open()
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master")]
    assert tables == ["invoices"]


def test_unwritable_cache_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(GeocoderCacheError, match="cannot create"):
        GeocodeCache(blocker / "sub" / "c.sqlite3").open()


@pytest.mark.slow
def test_several_processes_writing_at_once_lose_nothing(tmp_path: Path, server: GeoServer) -> None:
    path = tmp_path / "shared.sqlite3"
    known = ["Erbil", "Kirkuk", "Iraq", "Anbar", "Tripoli", "Taqaddum", "Ain al-Asad"]
    workers, extra = 4, 300
    jobs = []
    for w in range(workers):
        names = known + [f"Unknown {w}-{i}" for i in range(25)]
        jobs.append((str(path), server.url, w, names, extra))
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers) as pool:
        found = pool.starmap(lookup_and_write, jobs)
    assert found == [len(known)] * workers
    cache = GeocodeCache(path)
    assert cache.integrity_check() == "ok"
    info = cache.info()
    assert info.providers["bulk"].found == workers * extra
    nominatim = info.providers["nominatim"]
    assert nominatim.found == len(known)
    assert nominatim.not_found == workers * 25
    # Every lookup was counted once, as a hit or a miss, across all processes.
    assert nominatim.hits + nominatim.misses == workers * (len(known) + 25)
    for w in range(workers):
        for i in range(extra):
            entry = cache.get(cache.make_key("bulk", f"w{w}-{i}"))
            assert entry is not None and entry.location is not None
            assert entry.location.provider_id == f"bulk:{w}:{i}"
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.slow
def test_rate_limit_is_shared_by_processes_through_the_cache_file(
    tmp_path: Path, server: GeoServer
) -> None:
    path = str(tmp_path / "shared.sqlite3")
    GeocodeCache(path).open().close()  # created once, so the workers race only on slots
    delay = 0.3
    jobs = [(path, server.url, ["Erbil", "Kirkuk"], delay) for _ in range(3)]
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(3) as pool:
        assert pool.starmap(paced_lookups, jobs) == [2, 2, 2]
    times = sorted(seen.at for seen in server.seen)
    assert len(times) == 6
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    # Slots start exactly `delay` apart; arrival times jitter with machine load. Without the
    # shared booking the three processes would send together: a span near 1 x delay, not 5.
    assert times[-1] - times[0] >= 5 * delay - 0.1, gaps
    assert min(gaps) >= delay / 2, gaps


@pytest.mark.slow
def test_processes_creating_a_new_cache_at_the_same_moment(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    workers = 4
    for round_ in range(3):
        path = str(tmp_path / f"new-{round_}.sqlite3")
        barrier = ctx.Barrier(workers)
        results = ctx.Queue()
        procs = [ctx.Process(target=open_at_once, args=(path, barrier, results, w))
                 for w in range(workers)]
        for proc in procs:
            proc.start()
        outcomes = dict(results.get(timeout=120) for _ in range(workers))
        for proc in procs:
            proc.join(timeout=60)
        assert outcomes == {w: "ok" for w in range(workers)}
        cache = GeocodeCache(path)
        assert cache.integrity_check() == "ok"
        assert cache.info().providers["bulk"].found == workers


def test_a_damaged_entry_is_asked_again_and_repaired(tmp_path: Path, server: GeoServer) -> None:
    path = tmp_path / "c.sqlite3"
    provider = CachedProvider(NominatimProvider(server.url), GeocodeCache(path))
    assert provider.geocode("Erbil") is not None
    provider.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE entries SET payload = '{\"lat\": ' WHERE found = 1")
    again = CachedProvider(NominatimProvider(server.url), GeocodeCache(path))
    erbil = again.geocode("Erbil")
    assert erbil is not None and not erbil.cached and server.requests == 2
    repaired = again.geocode("Erbil")
    assert repaired is not None and repaired.cached and server.requests == 2
