"""On-disk index layers: one SQLite file plus two marisa-trie sidecars per layer.

A layer is written to a temporary SQLite file, its tries to files named after a fresh build
id, and only then is the SQLite file renamed over the old one: that rename is the commit, so
an interrupted build leaves the previous layer intact. Readers open the SQLite file, read the
build id from ``meta`` and memory-map the matching tries; a replaced layer's old files stay
readable by processes that already opened them (POSIX unlink semantics).

Schema: ``entries`` (rid INTEGER PRIMARY KEY: the GeoNames id for GeoNames rows, so names
can point at it without a lookup; ``id`` is NULL for those and derived as ``geonames:<rid>``),
``names`` (normalised ``key`` -> rid, written name, kind, lang), ``sources`` and ``meta``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from ._errors import GazetteerError
from ._model import Candidate, Entry
from ._normalise import normalise_token

__all__ = ["LayerWriter", "Layer", "FORMAT_VERSION"]

FORMAT_VERSION = "2"
GEONAMES_RID_LIMIT = 10_000_000_000  # rids at or above this are not GeoNames ids

# Single-token names at least this frequent as common words (wordfreq zipf, en/fr/ar) are
# dropped unless some entry makes them "strong" (see LayerWriter.add); those at least
# ALT_ZIPF frequent are dropped when they are only ever an alternate name ("Orchard").
# Alternate names of cities of STRONG_POPULATION or more escape the second rule, and of
# BIG_POPULATION the first: French exonyms (Moscou, Londres, Téhéran, Alep, Mossoul) are
# frequent French words only because they are those cities' names.
DROP_ZIPF = 4.0
ALT_ZIPF = 3.0
# Kept single-token keys at least this frequent are flagged common (Match.common) unless
# they name a country or a place of a million people or more.
COMMON_ZIPF = 4.5
# Names at least this frequent need a country, a continent, or a place of LARGE_POPULATION.
VERY_COMMON_ZIPF = 5.0
SMALL_POPULATION = 20_000
STRONG_POPULATION = 100_000
LARGE_POPULATION = 300_000
BIG_POPULATION = 1_000_000
# Generic words that are never a place on their own, whatever region GeoNames names so.
GENERIC = frozenset(
    ["north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "northeast", "northwest", "southeast", "southwest", "centre", "center", "capital", "coast", "coastal", "island", "islands", "upper", "lower", "middle", "greater", "new", "city", "district", "region", "province", "state", "county", "river", "lake", "valley", "mountain", "mountains", "highlands", "lowlands", "plateau", "interior", "metropolitan", "border", "frontier"]
)

_SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE sources (name TEXT PRIMARY KEY, count INTEGER NOT NULL, built TEXT NOT NULL,
                      detail TEXT NOT NULL DEFAULT '');
CREATE TABLE entries (rid INTEGER PRIMARY KEY, id TEXT, name TEXT NOT NULL, lat REAL NOT NULL,
                      lon REAL NOT NULL, feature TEXT NOT NULL, feature_class TEXT NOT NULL,
                      feature_code TEXT NOT NULL, country TEXT NOT NULL, admin1 TEXT NOT NULL,
                      population INTEGER NOT NULL, source TEXT NOT NULL, priority INTEGER NOT NULL);
CREATE TABLE names (key TEXT NOT NULL, rid INTEGER NOT NULL, name TEXT NOT NULL,
                    kind TEXT NOT NULL, lang TEXT, strong INTEGER NOT NULL,
                    PRIMARY KEY (key, rid)) WITHOUT ROWID;
"""

_VAST = frozenset({"region", "sea", "ocean", "island", "river", "strait", "canal"})
_KIND_ORDER = {"primary": 0, "curated": 0, "user": 0, "ascii": 1, "variant": 2, "alternate": 3}
_STRONG_KINDS = frozenset({"primary", "ascii", "variant", "curated", "user"})


@lru_cache(maxsize=1)
def common_words() -> dict[str, float]:
    """Normalised single words of en/fr/ar with their highest wordfreq zipf (>= ALT_ZIPF)."""
    import wordfreq

    floor = 10 ** (ALT_ZIPF - 9)
    out: dict[str, float] = {}
    for lang in ("en", "fr", "ar"):
        for word, freq in wordfreq.get_frequency_dict(lang).items():
            if freq < floor or " " in word:
                continue
            key = normalise_token(word)
            zipf = math.log10(freq) + 9
            if zipf > out.get(key, 0.0):
                out[key] = zipf
    return out


def _trie_paths(db: Path, build_id: str) -> tuple[Path, Path, Path]:
    return (db.with_name(f"{db.name}.{build_id}.keys"),
            db.with_name(f"{db.name}.{build_id}.common"),
            db.with_name(f"{db.name}.{build_id}.prefixes"))


def _prefixes(keys: Iterable[str]) -> Iterator[str]:
    """Every proper token prefix of multi-token keys ("new", "new york" for "new york city").

    ``keys`` come sorted, so the keys sharing a prefix are consecutive: a prefix is yielded
    once, which keeps the trie builder's key set small at the scale of a world import.
    """
    last: set[str] = set()
    for key in keys:
        current = set()
        pos = key.find(" ")
        while pos > 0:
            prefix = key[:pos]
            current.add(prefix)
            if prefix not in last:
                yield prefix
            pos = key.find(" ", pos + 1)
        last = current


def _level(key: str, strong_entry: bool, pop: int, freq: dict[str, float]) -> int:
    """-1: drop this name now; 0: keep; 1/2: keep if the key-level rule allows (at commit)."""
    if " " in key:
        return 0
    z = freq.get(key, 0.0)
    if key in GENERIC and not strong_entry:
        return -1
    if z >= VERY_COMMON_ZIPF and not strong_entry and pop < LARGE_POPULATION:
        return -1
    if z >= DROP_ZIPF or (len(key) < 3 and key.isascii()):
        return 2
    if z >= ALT_ZIPF and key.isascii():
        return 1
    return 0


def prepare(entry: Entry, names: Iterable[tuple[str, str, str | None]], rid: int,
            eid: str | None, keys: list[str] | None, freq: dict[str, float]
            ) -> tuple[tuple[object, ...], list[tuple[object, ...]],
                       list[tuple[str, int, bool, bool, bool]]]:
    """Rows for one entry: the entry row, its name rows and the frequent-word facts.

    Pure, so that import workers can run it; :meth:`LayerWriter.add_prepared` takes the
    result. Names are deduplicated per entry (best kind wins) and filtered by the per-name
    rules; ``stats`` holds (key, level, non-alternate, big, strong) for frequent single words.
    """
    entry_row = (rid, eid, entry.name, entry.lat, entry.lon, entry.feature,
                 entry.feature_class, entry.feature_code, entry.country, entry.admin1,
                 entry.population, entry.source, entry.priority)
    pop = entry.population
    strong_entry = entry.priority >= 2 or entry.feature in ("country", "continent")
    big = strong_entry and entry.priority < 2 or pop >= BIG_POPULATION
    multi = entry.priority < 2 and entry.feature not in ("country", "continent")
    seen: dict[str, int] = {}
    rows: list[tuple[object, ...]] = []
    stats: list[tuple[str, int, bool, bool, bool]] = []
    for i, (name, kind, lang) in enumerate([(entry.name, "primary", None), *names]):
        key = keys[i] if keys is not None else _key(name)
        if not key:
            continue
        order = _KIND_ORDER.get(kind, 3)
        if key in seen and seen[key] <= order:
            continue
        if multi and " " in key and pop < STRONG_POPULATION and (
                kind == "alternate" or pop < SMALL_POPULATION):
            # "The city", "La Base", "White House": every word is a common word (for the
            # main name of a small place, a very common one).
            floor = DROP_ZIPF if kind == "alternate" else COMMON_ZIPF
            if all(freq.get(t, 0.0) >= floor for t in key.split(" ")):
                continue
        level = _level(key, strong_entry, pop, freq)
        if level < 0:
            continue
        seen[key] = order
        # An Arabic-script name of a big place is strong whatever its kind: GeoNames
        # lists every Arabic name as an alternate.
        strong = strong_entry or (pop >= STRONG_POPULATION and (
            kind in _STRONG_KINDS or not key.isascii()))
        if pop >= BIG_POPULATION:
            strong = True
        if level:
            stats.append((key, level, kind != "alternate" or pop >= STRONG_POPULATION, big, strong))
        rows.append((key, rid, order, name, kind, lang, int(strong)))
    return entry_row, rows, stats


class _KeyStats:
    """What the frequent-word filter needs to know about one single-token key."""

    __slots__ = ("level", "strong", "named", "big")

    def __init__(self, level: int) -> None:
        self.level = level  # 2: needs a strong name; 1: needs a non-alternate name
        self.strong = False
        self.named = False
        self.big = False  # a country or a place of BIG_POPULATION: never "common"


class LayerWriter:
    """Write one layer. Use as a context manager; the layer is committed on a clean exit.

    Names are staged unsorted in a side database, then copied once, sorted by key, into a
    clustered ``WITHOUT ROWID`` table: appends only while importing, and a lookup reads one
    or two pages. Duplicate (key, entry) pairs collapse to the best name kind there.
    """

    def __init__(self, path: str | os.PathLike[str], *, layer: str) -> None:
        self.path = Path(path)
        self.layer = layer
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.build_id = uuid.uuid4().hex[:12]
        self.tmp = self.path.with_name(f".{self.path.name}.{self.build_id}.tmp")
        self._staging = self.tmp.with_name(self.tmp.name + ".stage")
        self.conn = sqlite3.connect(self.tmp, isolation_level=None)
        self.conn.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=FILE;"
            "PRAGMA cache_size=-200000;" + _SCHEMA
        )
        self.conn.execute("ATTACH DATABASE ? AS stage", (os.fspath(self._staging),))
        self.conn.executescript(
            "PRAGMA stage.journal_mode=OFF; PRAGMA stage.synchronous=OFF;"
            "CREATE TABLE stage.raw (key TEXT NOT NULL, rid INTEGER NOT NULL, ord INTEGER NOT NULL,"
            " name TEXT NOT NULL, kind TEXT NOT NULL, lang TEXT, strong INTEGER NOT NULL);"
            "CREATE TABLE stage.alts (rid INTEGER NOT NULL, name TEXT NOT NULL, lang TEXT);"
        )
        self.conn.execute("BEGIN")
        self._next_rid = GEONAMES_RID_LIMIT
        self._entries: list[tuple[object, ...]] = []
        self._names: list[tuple[object, ...]] = []
        self._sources: dict[str, list[object]] = {}
        self._alts: list[tuple[int, str, str | None]] = []
        self._has_alts = False
        self._freq = common_words()
        self._stats: dict[str, _KeyStats] = {}
        self.count = 0

    def __enter__(self) -> LayerWriter:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            try:
                self.commit()
            except BaseException:
                self.abort()
                raise
        else:
            self.abort()

    def add(self, entry: Entry, names: Iterable[tuple[str, str, str | None]],
            *, geonameid: int | None = None, keys: list[str] | None = None) -> None:
        """Add one entry with its ``(name, kind, lang)`` names (the entry's name is added).

        ``keys`` are the normalised names (entry name first) when the caller has them.
        """
        if geonameid is not None:
            rid, eid = geonameid, None
        else:
            rid, eid = self._next_rid, entry.id
            self._next_rid += 1
        self.add_prepared(*prepare(entry, names, rid, eid, keys, self._freq))

    def add_prepared(self, entry_row: tuple[object, ...], name_rows: list[tuple[object, ...]],
                     stats: list[tuple[str, int, bool, bool, bool]]) -> None:
        """Add rows made by :func:`prepare` (possibly in another process)."""
        self._entries.append(entry_row)
        self._names.extend(name_rows)
        for key, level, named, big, strong in stats:
            st = self._stats.get(key)
            if st is None:
                st = self._stats[key] = _KeyStats(level)
            st.named = st.named or named
            st.big = st.big or big
            st.strong = st.strong or strong
        self.count += 1
        src = self._sources.setdefault(str(entry_row[11]), [0, ""])
        src[0] = int(src[0]) + 1  # type: ignore[call-overload]
        if len(self._names) >= 50_000:
            self._flush()

    def add_alternate(self, rid: int, name: str, lang: str | None) -> None:
        """Add a name to the entry ``rid`` (a GeoNames id) that may come in another file.

        Staged and joined to the entries at commit; names of ids that no imported file
        defines are dropped then.
        """
        self._alts.append((rid, name, lang))
        self._has_alts = True
        if len(self._alts) >= 50_000:
            self._flush()

    def _merge_alternates(self) -> None:
        if not self._has_alts:
            return
        c = self.conn
        c.execute("CREATE INDEX stage.alts_rid ON alts(rid)")
        rows = c.execute("SELECT a.rid, a.name, a.lang, e.feature, e.population, e.priority "
                         "FROM stage.alts a JOIN entries e ON e.rid = a.rid ORDER BY a.rid")
        for rid, name, lang, feature, pop, priority in rows:
            key = _key(name)
            if not key:
                continue
            strong_entry = priority >= 2 or feature in ("country", "continent")
            big = strong_entry and priority < 2 or pop >= BIG_POPULATION
            level = _level(key, strong_entry, pop, self._freq)
            if level < 0:
                continue
            strong = strong_entry or pop >= BIG_POPULATION or (
                pop >= STRONG_POPULATION and not key.isascii())
            if level:
                st = self._stats.get(key)
                if st is None:
                    st = self._stats[key] = _KeyStats(level)
                st.big = st.big or big
                st.strong = st.strong or strong
                st.named = st.named or pop >= STRONG_POPULATION
            self._names.append((key, rid, 3, name, "alternate", lang, int(strong)))
            if len(self._names) >= 50_000:
                self._flush_names()
        self._flush_names()

    def describe_source(self, source: str, detail: str) -> None:
        self._sources.setdefault(source, [0, ""])[1] = detail

    def _flush_names(self) -> None:
        self.conn.executemany("INSERT INTO stage.raw VALUES (?,?,?,?,?,?,?)", self._names)
        self._names.clear()

    def _flush(self) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", self._entries
        )
        self._flush_names()
        if self._alts:
            self.conn.executemany("INSERT INTO stage.alts VALUES (?,?,?)", self._alts)
        self._entries.clear()
        self._alts.clear()

    def commit(self) -> None:
        import marisa_trie

        self._flush()
        self._merge_alternates()
        c = self.conn
        # Frequent single words survive only through a strong name, less frequent ones
        # through any non-alternate name; too-short Latin keys need a strong name too.
        drop = [k for k, st in self._stats.items()
                if (st.level == 2 and not st.strong) or (st.level == 1 and not st.named)]
        common = sorted(k for k, st in self._stats.items()
                        if k not in drop and not st.big and self._freq.get(k, 0.0) >= COMMON_ZIPF)
        c.execute("CREATE TEMP TABLE dropped (key TEXT PRIMARY KEY)")
        c.executemany("INSERT INTO temp.dropped VALUES (?)", ((k,) for k in drop))
        c.execute("INSERT OR IGNORE INTO names SELECT key, rid, name, kind, lang, strong "
                  "FROM stage.raw WHERE key NOT IN (SELECT key FROM temp.dropped) "
                  "ORDER BY key, rid, ord")
        c.execute("CREATE INDEX entries_id ON entries(id) WHERE id IS NOT NULL")
        now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
        c.executemany("INSERT INTO sources VALUES (?,?,?,?)",
                      [(s, n, now, d) for s, (n, d) in self._sources.items()])
        c.executemany("INSERT INTO meta VALUES (?,?)", [
            ("format_version", FORMAT_VERSION), ("layer", self.layer),
            ("build_id", self.build_id), ("built", now), ("entries", str(self.count)),
        ])
        c.execute("COMMIT")
        c.execute("DETACH DATABASE stage")
        self._staging.unlink()
        keys_path, common_path, prefixes_path = _trie_paths(self.path, self.build_id)
        keys = (k for (k,) in c.execute("SELECT DISTINCT key FROM names ORDER BY key"))
        marisa_trie.Trie(keys).save(os.fspath(keys_path))
        marisa_trie.Trie(common).save(os.fspath(common_path))
        multi = (k for (k,) in c.execute("SELECT DISTINCT key FROM names WHERE instr(key, ' ') > 0 ORDER BY key"))
        marisa_trie.Trie(_prefixes(multi)).save(os.fspath(prefixes_path))
        c.close()
        os.replace(self.tmp, self.path)
        _remove_stale(self.path, self.build_id)

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.close()
        for p in (self.tmp, self._staging, *_trie_paths(self.path, self.build_id)):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()


@lru_cache(maxsize=1 << 19)
def _key(name: str) -> str:
    from ._normalise import normalise

    return normalise(name)


def _remove_stale(db: Path, build_id: str) -> None:
    keep = {p.name for p in _trie_paths(db, build_id)}
    for p in db.parent.glob(f"{db.name}.*"):
        if p.name not in keep and p.suffix in (".keys", ".common", ".prefixes"):
            with contextlib.suppress(OSError):
                p.unlink()


def _kind_weight(kind: str) -> float:
    return {"primary": 1.0, "curated": 1.0, "user": 1.0, "ascii": 0.95, "variant": 0.95}.get(
        kind, 0.8
    )


def score(entry: Entry, kind: str) -> float:
    """Prior of a candidate (0..1) from name kind, population, feature class and source."""
    from ._model import FEATURE_RANK

    pop = min(1.0, math.log10(entry.population + 1) / 7)
    if not entry.population and entry.priority >= 2 and entry.feature in _VAST:
        pop = 0.8  # a curated sea or region has no population but is widely known
    feat = FEATURE_RANK.get(entry.feature, 0.3)
    return round(0.35 * _kind_weight(kind) + 0.3 * pop + 0.2 * feat + 0.15 * entry.priority / 3, 4)


_SELECT = ("SELECT e.rid, e.id, e.name, e.lat, e.lon, e.feature, e.country, e.admin1, "
           "e.population, e.source, e.feature_class, e.feature_code, e.priority")


class Layer:
    """A read-only view of one committed layer file."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        import marisa_trie

        self.path = Path(path)
        try:
            self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                        check_same_thread=False)
            meta = dict(self.conn.execute("SELECT k, v FROM meta").fetchall())
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"{self.path}: not a gazetteer index ({exc})") from None
        if meta.get("format_version") != FORMAT_VERSION:
            raise GazetteerError(f"{self.path}: index format {meta.get('format_version')!r}, "
                                 f"expected {FORMAT_VERSION}; rebuild it")
        self.meta = meta
        keys_path, common_path, prefixes_path = _trie_paths(self.path, meta["build_id"])
        self.keys = marisa_trie.Trie()
        self.common = marisa_trie.Trie()
        self.prefixes = marisa_trie.Trie()
        try:
            self.keys.mmap(os.fspath(keys_path))
            self.common.mmap(os.fspath(common_path))
            self.prefixes.mmap(os.fspath(prefixes_path))
        except Exception:
            raise GazetteerError(f"{self.path}: its key files are missing; rebuild it") from None

    def __contains__(self, key: str) -> bool:
        return key in self.keys

    def rows(self, key: str) -> Iterator[tuple[Entry, str, str, str | None]]:
        sql = f"{_SELECT}, n.name, n.kind, n.lang FROM names n JOIN entries e ON e.rid = n.rid WHERE n.key = ?"
        for row in self.conn.execute(sql, (key,)):
            yield _entry(row), row[13], row[14], row[15]

    def get(self, entry_id: str) -> Entry | None:
        if entry_id.startswith("geonames:") and entry_id[9:].isdigit():
            row = self.conn.execute(f"{_SELECT} FROM entries e WHERE e.rid = ?",
                                    (int(entry_id[9:]),)).fetchone()
        else:
            row = self.conn.execute(f"{_SELECT} FROM entries e WHERE e.id = ?",
                                    (entry_id,)).fetchone()
        return _entry(row) if row else None

    def dump(self) -> dict[str, tuple[Entry, list[tuple[str, str, str | None]]]]:
        """Every entry with its non-primary names (to rebuild a small layer)."""
        out: dict[str, tuple[Entry, list[tuple[str, str, str | None]]]] = {}
        by_rid: dict[int, str] = {}
        for row in self.conn.execute(f"{_SELECT} FROM entries e"):
            entry = _entry(row)
            out[entry.id] = (entry, [])
            by_rid[int(row[0])] = entry.id  # type: ignore[call-overload]
        for rid, name, kind, lang in self.conn.execute(
                "SELECT rid, name, kind, lang FROM names WHERE kind != 'primary'"):
            out[by_rid[rid]][1].append((name, kind, lang))
        return out

    def sources(self) -> list[dict[str, object]]:
        return [{"name": n, "count": c, "built": b, "detail": d, "layer": self.meta["layer"]}
                for n, c, b, d in self.conn.execute("SELECT * FROM sources ORDER BY name")]

    def close(self) -> None:
        self.conn.close()


def _entry(row: tuple[object, ...]) -> Entry:
    rid, eid = row[0], row[1]
    return Entry(
        id=str(eid) if eid is not None else f"geonames:{rid}", name=str(row[2]),
        lat=float(row[3]), lon=float(row[4]),  # type: ignore[arg-type]
        feature=str(row[5]), country=str(row[6]), admin1=str(row[7]),
        population=int(row[8]), source=str(row[9]),  # type: ignore[call-overload]
        feature_class=str(row[10]), feature_code=str(row[11]), priority=int(row[12]),  # type: ignore[call-overload]
    )


def to_candidates(rows: Iterable[tuple[Entry, str, str, str | None]]) -> list[Candidate]:
    """Deduplicate rows by entry id (first seen wins) and sort best first."""
    best: dict[str, Candidate] = {}
    for entry, name, kind, lang in rows:
        if entry.id in best:
            continue
        best[entry.id] = Candidate(entry, name, kind, lang, score(entry, kind))
    # A user's own places come first: they are what the user means by that name.
    return sorted(best.values(),
                  key=lambda c: (c.entry.priority < 3, -c.score, -c.entry.priority, c.entry.id))
