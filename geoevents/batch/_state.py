"""The batch state: one SQLite file in the output folder, written by the parent process only.

Each finished chunk of documents is committed in one transaction (WAL, ``synchronous=FULL``):
a run killed at any moment leaves every committed document intact and nothing half-written,
and the primary key on the content hash makes a document impossible to store twice.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import GeoeventsError
from ..model import Report
from ._codec import decode_report

__all__ = ["BatchState", "DocResult", "StateError", "SCHEMA_VERSION"]

SCHEMA_VERSION = 1


class StateError(GeoeventsError):
    """The batch state file cannot be opened or is not a geoevents batch state."""


@dataclass(frozen=True, slots=True)
class DocResult:
    """What a worker sends back for one document.

    ``payload`` is the report encoded by :func:`~geoevents.batch.encode_report` when ``ok``,
    else the one-line error message. ``seconds`` is the CPU time spent parsing and encoding
    it. ``deferred`` lists place names the worker left to the
    parent to geocode: such a result is not stored, the document is parsed again.
    """

    key: str
    id: str
    source: str
    ok: bool
    payload: str
    seconds: float = 0.0
    deferred: tuple[str, ...] = ()


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    key TEXT PRIMARY KEY,
    id TEXT NOT NULL,
    source TEXT NOT NULL,
    report TEXT NOT NULL,
    seconds REAL NOT NULL,
    done_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS errors (
    key TEXT PRIMARY KEY,
    id TEXT,
    source TEXT NOT NULL,
    message TEXT NOT NULL,
    kind TEXT NOT NULL,
    at REAL NOT NULL
);
"""


class BatchState:
    """Results of a batch, keyed by document content hash.

    Parameters
    ----------
    path
        The SQLite file (created with its folder when missing).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=FULL")
            self._conn.executescript(_SCHEMA)
            self._check_version()
        except sqlite3.DatabaseError as exc:
            raise StateError(f"{self.path}: not a usable batch state ({exc})") from None
        except OSError as exc:
            raise StateError(f"{self.path}: cannot create ({exc.strerror or exc})") from None

    def _check_version(self) -> None:
        row = self._conn.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
        if row is None:
            self._conn.execute(
                "INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),)
            )
        elif row[0] != str(SCHEMA_VERSION):
            raise StateError(
                f"{self.path}: batch state version {row[0]}, this geoevents writes "
                f"{SCHEMA_VERSION}; use another --out folder"
            )

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> BatchState:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def is_done(self, key: str) -> bool:
        """Whether the document with content hash ``key`` was parsed, or failed to parse."""
        return (
            self._conn.execute("SELECT 1 FROM documents WHERE key = ?", (key,)).fetchone()
            is not None
            or self._conn.execute(
                "SELECT 1 FROM errors WHERE key = ? AND kind = 'parse'", (key,)
            ).fetchone()
            is not None
        )

    def record(self, results: Iterable[DocResult]) -> tuple[int, int]:
        """Store a chunk's results in one transaction; returns (new documents, new errors).

        A result whose key is already stored is ignored, never duplicated.
        """
        now = time.time()
        done = failed = 0
        with self._transaction() as conn:
            for r in results:
                if r.ok:
                    cur = conn.execute(
                        "INSERT OR IGNORE INTO documents VALUES (?, ?, ?, ?, ?, ?)",
                        (r.key, r.id, r.source, r.payload, r.seconds, now),
                    )
                    if cur.rowcount:
                        done += 1
                        conn.execute("DELETE FROM errors WHERE key = ?", (r.key,))
                else:
                    cur = conn.execute(
                        "INSERT OR REPLACE INTO errors VALUES (?, ?, ?, ?, 'parse', ?)",
                        (r.key, r.id, r.source, r.payload, now),
                    )
                    failed += 1
        return done, failed

    def record_read_failure(self, source: str, message: str, id: str | None = None) -> None:  # noqa: A002
        """Remember an input that could not be read (replaced when it fails again)."""
        import hashlib

        key = "read:" + hashlib.sha256(source.encode("utf-8", "replace")).hexdigest()
        with self._transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO errors VALUES (?, ?, ?, ?, 'read', ?)",
                (key, id, source, message, time.time()),
            )

    def forget_read_failures(self) -> None:
        """Drop remembered read failures (a new run reads every input again)."""
        with self._transaction() as conn:
            conn.execute("DELETE FROM errors WHERE kind = 'read'")

    def forget_parse_errors(self) -> int:
        """Drop stored parse errors so that those documents are tried again."""
        with self._transaction() as conn:
            return conn.execute("DELETE FROM errors WHERE kind = 'parse'").rowcount

    def count(self) -> int:
        """Number of documents parsed successfully."""
        row = self._conn.execute("SELECT count(*) FROM documents").fetchone()
        return int(row[0])

    def keys(self) -> set[str]:
        return {k for (k,) in self._conn.execute("SELECT key FROM documents")}

    def reports(self, *, lean: bool = False) -> Iterator[Report]:
        """Every stored report, in a stable order (document id, then content hash).

        ``lean``: without article texts and mentions (see :func:`decode_report`).
        """
        query = "SELECT report FROM documents ORDER BY id, key"
        for (payload,) in self._conn.execute(query):
            yield decode_report(payload, lean=lean)

    def errors(self) -> list[dict[str, Any]]:
        """Stored errors as ``{"id", "source", "message", "kind"}`` dicts, oldest first."""
        rows = self._conn.execute(
            "SELECT id, source, message, kind FROM errors ORDER BY at, source"
        ).fetchall()
        return [{"id": i, "source": s, "message": m, "kind": k} for i, s, m, k in rows]

    def seconds(self) -> list[float]:
        """CPU seconds spent parsing and encoding each stored document (in its worker)."""
        return [s for (s,) in self._conn.execute("SELECT seconds FROM documents")]

    def write_errors_jsonl(self, path: str | os.PathLike[str]) -> int:
        """Write every stored error as one JSON line, atomically; returns the count."""
        from .._io import atomic_write

        errors = self.errors()
        with atomic_write(path) as handle:
            for e in errors:
                handle.write(json.dumps(e, ensure_ascii=False) + "\n")
        return len(errors)
