"""A persistent SQLite cache for geocoder answers, shared safely by several processes.

Answers are keyed by provider (name and endpoint), normalised query, country and language.
Misses are stored too, with their own shorter expiry; failures are never stored. The
database runs in WAL mode with a busy timeout, and writes retry when SQLite still reports
the file busy, so parallel workers can share one cache file.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
import weakref
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from .base import Provider
from .errors import GeocoderCacheError
from .location import Location, normalise_query

__all__ = [
    "GeocodeCache",
    "CachedProvider",
    "CacheEntry",
    "CacheInfo",
    "ProviderCacheStats",
    "default_cache_path",
    "DEFAULT_TTL",
    "DEFAULT_MISS_TTL",
]

log = logging.getLogger("geoevents.geocoding")

DEFAULT_TTL = 180 * 86400.0  # places rarely move
DEFAULT_MISS_TTL = 7 * 86400.0  # a miss may be a gap the service fills later
_APPLICATION_ID = 0x47454F45  # "GEOE": marks the file as ours
_SCHEMA_VERSION = 2
_FLUSH_EVERY = 1000
_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    key TEXT PRIMARY KEY,
    provider TEXT NOT NULL,
    query TEXT NOT NULL,
    found INTEGER NOT NULL,
    payload TEXT,
    created REAL NOT NULL,
    expires REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entries_provider ON entries (provider);
CREATE TABLE IF NOT EXISTS stats (
    provider TEXT NOT NULL,
    event TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (provider, event)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS slots (
    key TEXT PRIMARY KEY,
    next_at REAL NOT NULL
) WITHOUT ROWID;
"""

T = TypeVar("T")


def default_cache_path() -> Path:
    """``geocode.sqlite3`` in ``$GEOEVENTS_CACHE_DIR``, else in the per-user cache folder."""
    folder = os.environ.get("GEOEVENTS_CACHE_DIR")
    if folder:
        return Path(folder).expanduser() / "geocode.sqlite3"
    import platformdirs

    return Path(platformdirs.user_cache_dir("geoevents", appauthor=False)) / "geocode.sqlite3"


@dataclass(frozen=True, slots=True)
class CacheEntry:
    """A stored answer: a location, or ``None`` for a stored miss."""

    location: Location | None
    created: float
    expires: float


@dataclass(frozen=True, slots=True)
class ProviderCacheStats:
    """Per provider: stored answers (found / misses) and cache lookups (hits / misses)."""

    found: int = 0
    not_found: int = 0
    hits: int = 0
    misses: int = 0

    @property
    def entries(self) -> int:
        return self.found + self.not_found


@dataclass(frozen=True, slots=True)
class CacheInfo:
    """What ``geoevents cache info`` shows."""

    path: Path
    exists: bool
    size_bytes: int = 0
    entries: int = 0
    expired: int = 0
    providers: dict[str, ProviderCacheStats] = field(default_factory=dict)


def _retrying(action: Callable[[], T], *, attempts: int = 12) -> T:
    """Run ``action``, retrying while SQLite reports the database busy or locked."""
    delay = 0.01
    for attempt in range(attempts):
        try:
            return action()
        except sqlite3.OperationalError as exc:
            message = str(exc).lower()
            if ("locked" not in message and "busy" not in message) or attempt == attempts - 1:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 1.0)
    raise AssertionError("unreachable")


class _State:
    """The connection and unflushed counters; outlives nothing but the cache object."""

    def __init__(self, path: Path, busy_timeout: float) -> None:
        self.path = path
        self.busy_timeout = busy_timeout
        self.lock = threading.RLock()
        self.conn: sqlite3.Connection | None = None
        self.pid = 0
        self.counts: Counter[tuple[str, str]] = Counter()
        self.pending = 0

    def connection(self) -> sqlite3.Connection:
        if self.conn is None or self.pid != os.getpid():
            # After fork the parent's connection must not be used; open our own.
            self.conn = _open(self.path, self.busy_timeout)
            self.pid = os.getpid()
        return self.conn

    def flush(self) -> None:
        with self.lock:
            if not self.counts:
                return
            rows = [(p, e, n) for (p, e), n in self.counts.items()]
            conn = self.connection()

            def write() -> None:
                with _transaction(conn):
                    conn.executemany(
                        "INSERT INTO stats (provider, event, count) VALUES (?, ?, ?) "
                        "ON CONFLICT (provider, event) DO UPDATE SET count = count + excluded.count",
                        rows,
                    )

            try:
                _retrying(write)
            except sqlite3.Error as exc:
                log.warning("geocoding cache %s: could not save statistics (%s)", self.path, exc)
            self.counts.clear()
            self.pending = 0

    def close(self) -> None:
        with self.lock:
            if self.conn is not None and self.pid == os.getpid():
                self.flush()
                self.conn.close()
            self.conn = None


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _open(path: Path, busy_timeout: float) -> sqlite3.Connection:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GeocoderCacheError(f"geocoding cache: cannot create {path.parent} ({exc})") from None
    try:
        conn = sqlite3.connect(
            path, timeout=busy_timeout, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise GeocoderCacheError(f"geocoding cache: cannot open {path} ({exc})") from None
    try:
        _retrying(lambda: _init(conn))
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise GeocoderCacheError(
            f"geocoding cache: {path} is not usable ({exc}); delete it or pass --cache PATH"
        ) from None
    return conn


def _init(conn: sqlite3.Connection) -> None:
    # One read transaction, so that another process creating the schema between the two
    # reads cannot make a fresh cache look like someone else's file.
    conn.execute("BEGIN")
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")
    if has_tables and app_id != _APPLICATION_ID:
        raise sqlite3.DatabaseError("it is an SQLite file, but not a geoevents geocoding cache")
    if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    if has_tables and version == _SCHEMA_VERSION:
        return
    with _transaction(conn):  # executescript would commit on its own: one statement at a time
        for statement in filter(None, (s.strip() for s in _SCHEMA.split(";"))):
            conn.execute(statement)
        conn.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")


class GeocodeCache:
    """Geocoder answers in an SQLite file.

    Parameters
    ----------
    path : path-like, optional
        The database file (created with its folder); default :func:`default_cache_path`.
    ttl, miss_ttl : float
        Seconds a found place / a miss stays valid.
    busy_timeout : float
        Seconds to wait for another process's write lock.

    Lookup counters (hits and misses per provider) are kept in memory and written on
    :meth:`close`, every 1,000 lookups, and at interpreter exit.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        ttl: float = DEFAULT_TTL,
        miss_ttl: float = DEFAULT_MISS_TTL,
        busy_timeout: float = 30.0,
    ) -> None:
        self.path = Path(path) if path is not None else default_cache_path()
        self.ttl = ttl
        self.miss_ttl = miss_ttl
        self._state = _State(self.path, busy_timeout)
        self._finalizer = weakref.finalize(self, self._state.close)

    def open(self) -> GeocodeCache:
        """Open (and create) the file now, so that a bad path fails early and clearly."""
        with self._state.lock:
            self._state.connection()
        return self

    @staticmethod
    def make_key(
        provider_key: str, query: str, *, country: str | None = None, language: str | None = None
    ) -> str:
        """The cache key: provider identity, normalised query, country, language."""
        return "\x1f".join(
            (provider_key, normalise_query(query), (country or "").upper(), (language or "").lower())
        )

    def get(self, key: str) -> CacheEntry | None:
        """The unexpired entry for ``key``, or None when there is none."""
        with self._state.lock:
            conn = self._state.connection()
            row = _retrying(
                lambda: conn.execute(
                    "SELECT payload, created, expires FROM entries WHERE key = ? AND expires > ?",
                    (key, time.time()),
                ).fetchone()
            )
        if row is None:
            return None
        payload, created, expires = row
        try:
            location = Location.from_dict(json.loads(payload), cached=True) if payload else None
        except (ValueError, KeyError, TypeError):
            log.debug("geocoding cache %s: unreadable entry %r ignored", self.path, key)
            return None  # asked again, and overwritten with a good answer
        return CacheEntry(location, created, expires)

    def put(self, key: str, *, provider: str, query: str, location: Location | None) -> None:
        """Store an answer (``None`` stores a miss, with the miss expiry)."""
        now = time.time()
        payload = json.dumps(location.to_dict(), ensure_ascii=False) if location else None
        expires = now + (self.ttl if location is not None else self.miss_ttl)
        row = (key, provider, normalise_query(query), int(location is not None), payload, now, expires)
        with self._state.lock:
            conn = self._state.connection()
            _retrying(
                lambda: conn.execute(
                    "INSERT OR REPLACE INTO entries "
                    "(key, provider, query, found, payload, created, expires) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    row,
                )
            )

    def count(self, provider: str, *, hit: bool) -> None:
        """Count one lookup as a cache hit or miss for ``provider``."""
        state = self._state
        with state.lock:
            state.counts[(provider, "hit" if hit else "miss")] += 1
            state.pending += 1
            if state.pending >= _FLUSH_EVERY:
                state.flush()

    def flush(self) -> None:
        """Write the in-memory lookup counters."""
        self._state.flush()

    def info(self) -> CacheInfo:
        """Path, size, entries and per-provider statistics (without creating the file)."""
        self.flush()
        if not self.path.exists():
            return CacheInfo(self.path, exists=False)
        size = sum(
            p.stat().st_size
            for p in (self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm"))
            if p.exists()
        )
        now = time.time()
        with self._state.lock:
            conn = self._state.connection()
            stored = _retrying(
                lambda: conn.execute(
                    "SELECT provider, found, count(*) FROM entries WHERE expires > ? "
                    "GROUP BY provider, found",
                    (now,),
                ).fetchall()
            )
            expired = _retrying(
                lambda: conn.execute(
                    "SELECT count(*) FROM entries WHERE expires <= ?", (now,)
                ).fetchone()[0]
            )
            lookups = _retrying(lambda: conn.execute("SELECT provider, event, count FROM stats").fetchall())
        per: dict[str, dict[str, int]] = {}
        for provider, found, n in stored:
            per.setdefault(provider, {})["found" if found else "not_found"] = n
        for provider, event, n in lookups:
            per.setdefault(provider, {})["hits" if event == "hit" else "misses"] = n
        providers = {name: ProviderCacheStats(**values) for name, values in sorted(per.items())}
        entries = sum(p.entries for p in providers.values())
        return CacheInfo(self.path, True, size, entries, expired, providers)

    def clear(self, *, provider: str | None = None, expired_only: bool = False) -> int:
        """Delete entries (all, one provider's, or only expired ones); returns how many."""
        if not self.path.exists():
            return 0
        clauses: list[str] = []
        params: list[object] = []
        if provider:
            clauses.append("provider = ?")
            params.append(provider)
        if expired_only:
            clauses.append("expires <= ?")
            params.append(time.time())
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        with self._state.lock:
            self._state.counts.clear()
            conn = self._state.connection()

            def delete() -> int:
                with _transaction(conn):
                    deleted = conn.execute("DELETE FROM entries" + where, params).rowcount
                    if not expired_only:
                        conn.execute(
                            "DELETE FROM stats" + (" WHERE provider = ?" if provider else ""),
                            [provider] if provider else [],
                        )
                return int(deleted)

            deleted = _retrying(delete)
            try:  # give the space back; skip quietly when another process holds the file
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                if not clauses:
                    conn.execute("VACUUM")
            except sqlite3.OperationalError:
                pass
        return deleted

    def reserve_slot(self, key: str, min_delay: float) -> float:
        """Book the next request slot for ``key``; seconds to wait until it starts.

        Every process using this file books from the same table, so together they keep
        ``min_delay`` seconds between requests (a public server's limit is per client).
        """
        with self._state.lock:
            conn = self._state.connection()

            def book() -> float:
                with _transaction(conn):
                    now = time.time()
                    row = conn.execute("SELECT next_at FROM slots WHERE key = ?", (key,)).fetchone()
                    # A clock set back must not leave a slot far in the future.
                    start = now if row is None or row[0] > now + 2 * min_delay + 1 else max(now, row[0])
                    conn.execute(
                        "INSERT OR REPLACE INTO slots (key, next_at) VALUES (?, ?)",
                        (key, start + min_delay),
                    )
                return start - now

            return _retrying(book)

    def integrity_check(self) -> str:
        """SQLite's ``PRAGMA integrity_check`` answer ("ok" when healthy)."""
        with self._state.lock:
            conn = self._state.connection()
            return str(_retrying(lambda: conn.execute("PRAGMA integrity_check").fetchone()[0]))

    def close(self) -> None:
        """Write counters and close the connection; the cache reopens on next use."""
        self._state.close()

    def __enter__(self) -> GeocodeCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<GeocodeCache {self.path}>"


class CachedProvider(Provider):
    """Wrap ``provider`` with a :class:`GeocodeCache` (like geopy's ``RateLimiter``, from outside).

    Answers, found or not, are stored; errors pass through and store nothing. Locations that
    came from the cache have ``cached=True``.
    """

    def __init__(self, provider: Provider, cache: GeocodeCache) -> None:
        self.provider = provider
        self.cache = cache
        self.name = provider.name

    @property
    def cache_key(self) -> str:
        return self.provider.cache_key

    def geocode(
        self, query: str, *, country: str | None = None, language: str | None = None
    ) -> Location | None:
        key = self.cache.make_key(self.provider.cache_key, query, country=country, language=language)
        try:
            entry = self.cache.get(key)
        except sqlite3.Error as exc:
            log.warning("geocoding cache %s unreadable (%s); asking %s", self.cache.path, exc, self.name)
            entry = None
        if entry is not None:
            self.cache.count(self.name, hit=True)
            return replace(entry.location, query=query) if entry.location is not None else None
        self.cache.count(self.name, hit=False)
        location = self.provider.geocode(query, country=country, language=language)
        try:
            self.cache.put(key, provider=self.name, query=query, location=location)
        except sqlite3.Error as exc:
            log.warning("geocoding cache %s: could not store %r (%s)", self.cache.path, query, exc)
        return location

    def close(self) -> None:
        self.provider.close()
        self.cache.close()
