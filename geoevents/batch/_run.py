"""One batch run: read inputs, skip what is done, parse the rest in parallel, merge the outputs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import GeoeventsError, UsageError
from ..sources import MAX_ARTICLE_BYTES
from ._inputs import ReadFailure, iter_documents
from ._state import BatchState, DocResult
from ._workers import Chunk, Runner, SerialRunner, chunks_of, make_runner, warm_up

if TYPE_CHECKING:
    from ..geocoding import GeocoderConfig
    from ._geocode import ParentGeocoder

__all__ = ["BatchResult", "run_batch", "rebuild_outputs", "STATE_NAME", "ERRORS_NAME"]

STATE_NAME = "state.sqlite"
ERRORS_NAME = "errors.jsonl"

ProgressCallback = Callable[[int, "int | None"], None]
"""Called with (documents handled so far, total or None while the inputs are still read)."""

WarningCallback = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What a batch run did.

    ``parsed``, ``skipped`` (done in an earlier run), ``duplicates`` (same content as another
    document of this run) and ``failed`` count this run's documents; ``stored`` is every
    document of the batch so far (this run and earlier ones).
    """

    out: Path
    parsed: int
    skipped: int
    failed: int
    duplicates: int
    stored: int
    features: int
    strikes: int
    seconds: float
    workers: int
    geocoded: int = 0  # unique place names sent to the online geocoders (cache hits included)
    outputs: dict[str, Path] = field(default_factory=dict)

    @property
    def documents_per_second(self) -> float:
        return self.parsed / self.seconds if self.seconds > 0 else 0.0


class _Tally:
    def __init__(self, progress: ProgressCallback | None, warn: WarningCallback | None) -> None:
        self.handled = self.parsed = self.skipped = self.failed = self.duplicates = 0
        self.total: int | None = None
        self._progress = progress
        self._warn = warn

    def tick(self, n: int = 1) -> None:
        self.handled += n
        if self._progress is not None:
            self._progress(self.handled, self.total)

    def warn(self, message: str) -> None:
        if self._warn is not None:
            self._warn(message)


def _pending(
    items: Iterator[Any], state: BatchState, tally: _Tally
) -> Iterator[tuple[str, str, Any]]:
    """Documents still to parse; read failures and documents already done are counted here."""
    seen: set[str] = set()
    count = 0
    for item in items:
        count += 1
        if isinstance(item, ReadFailure):
            state.record_read_failure(item.source, item.message, item.id)
            tally.failed += 1
            tally.warn(item.message)
            tally.tick()
            continue
        if item.key in seen:
            tally.duplicates += 1
            tally.tick()
            continue
        if state.is_done(item.key):
            tally.skipped += 1
            tally.tick()
            continue
        seen.add(item.key)
        yield item.key, item.source, item.article
    tally.total = count
    tally.tick(0)


class _Dispatcher:
    """Sends chunks to the runner, stores what comes back, and re-sends deferred documents.

    Documents a worker sent back *deferred* (names to geocode) wait here; :meth:`flush`
    geocodes their names in this process, once each, and sends them again. A document
    deferred a second time (a cache the workers cannot see) is parsed here.
    """

    def __init__(
        self, runner: Runner, state: BatchState, tally: _Tally, chunk_size: int,
        geocoder: ParentGeocoder | None, gazetteer: str | None,
    ) -> None:
        self.runner, self.state, self.tally = runner, state, tally
        self.chunk_size = chunk_size
        self.geocoder = geocoder
        self.gazetteer = gazetteer
        self.in_flight = 1 if isinstance(runner, SerialRunner) else max(2, runner.workers * 3)
        self.sent: dict[str, tuple[str, str, Any]] = {}
        self.deferred: list[tuple[str, str, Any]] = []
        self.names: set[str] = set()
        self.resent: set[str] = set()

    def submit(self, chunk: Chunk) -> None:
        if self.geocoder is not None:
            self.sent.update((doc[0], doc) for doc in chunk)
        self.runner.submit(chunk)
        while self.runner.pending() >= self.in_flight:
            self._store(self.runner.next_done())

    def drain(self) -> None:
        while True:
            while self.runner.pending():
                self._store(self.runner.next_done())
            if not self.deferred:
                return
            self.flush()

    def flush(self) -> None:
        """Geocode the waiting names once each, then send their documents again."""
        assert self.geocoder is not None
        self.geocoder.geocode_all(self.names)
        self.names.clear()
        again: list[tuple[str, str, Any]] = []
        here: list[tuple[str, str, Any]] = []
        for doc in self.deferred:
            (here if doc[0] in self.resent else again).append(doc)
            self.resent.add(doc[0])
        self.deferred = []
        if here:
            self._store([self._parse_here(here)])
        for chunk in chunks_of(iter(again), self.chunk_size):
            self.submit(chunk)

    def _parse_here(self, docs: list[tuple[str, str, Any]]) -> list[DocResult]:
        from ..pipeline import open_gazetteer, parse
        from ._codec import encode_report

        assert self.geocoder is not None
        gz = open_gazetteer(self.gazetteer, progress=False)
        provider = self.geocoder.provider()
        out = []
        for key, source, article in docs:
            start = time.thread_time()
            try:
                payload, ok = encode_report(parse(article, gazetteer=gz, geocoder=provider)), True
            except Exception as exc:  # noqa: BLE001 - one document's failure stays its own
                payload, ok = " ".join(f"{type(exc).__name__}: {exc}".split()), False
            out.append(DocResult(key, article.id, source, ok, payload,
                                 time.thread_time() - start))
        return out

    def _store(self, finished: Iterable[list[DocResult]]) -> None:
        tally = self.tally
        for results in finished:
            done = []
            for r in results:
                if r.deferred:
                    self.deferred.append(self.sent.pop(r.key))
                    self.names.update(r.deferred)
                    continue
                self.sent.pop(r.key, None)
                done.append(r)
                if r.ok:
                    tally.parsed += 1
                else:
                    tally.failed += 1
                    tally.warn(f"{r.source}: {r.payload}")
            self.state.record(done)
            tally.tick(len(done))
        if len(self.deferred) >= _MAX_DEFERRED:
            self.flush()


_MAX_DEFERRED = 256
"""Deferred documents kept in memory before their names are geocoded and they are re-sent."""


def run_batch(
    inputs: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    workers: int = 1,
    scheduler: Any = None,
    date: str | dt.date | None = None,
    lang: str | None = None,
    gazetteer: str | os.PathLike[str] | None = None,
    encoding: str = "utf-8",
    max_bytes: int = MAX_ARTICLE_BYTES,
    chunk_size: int | None = None,
    retry_errors: bool = True,
    write: bool = True,
    title: str | None = None,
    progress: ProgressCallback | None = None,
    warn: WarningCallback | None = None,
    stdin: IO[bytes] | None = None,
    geocoder: GeocoderConfig | None = None,
) -> BatchResult:
    """Parse a feed of documents into one merged set of outputs in ``out``, resumably.

    Parameters
    ----------
    inputs
        Files, folders, glob patterns, JSONL files (``id``, ``text``, ``date``, ``url``) and
        ``"-"`` for standard input: see :func:`~geoevents.batch.iter_documents`.
    out
        The batch folder: ``state.sqlite`` (every result, keyed by content hash),
        ``errors.jsonl`` and the merged ``map.html``, ``events.geojson``, ``events.gpkg``,
        ``events.parquet``. Running again with the same folder skips documents already done.
    workers
        Local worker processes (1: parse in this process).
    scheduler
        A Dask scheduler address (``tcp://host:port``) or a ``distributed.Client``: parse on
        that cluster instead of local processes.
    date, lang
        Defaults for documents that carry no date or language.
    gazetteer
        Gazetteer index path (default: the embedded one), opened once per worker process.
    chunk_size
        Documents sent to a worker at a time (default 16 locally, 64 on Dask, where each task
        costs more to schedule).
    retry_errors
        Parse again documents whose parsing failed in an earlier run (``False``: skip them
        like the documents done).
    write
        Rebuild the merged outputs at the end (``False``: only store per-document results).
    geocoder
        Online geocoders asked about place names the gazetteer does not know (see
        :func:`geoevents.geocoding.build_chain`). Each unique name is asked once per batch, by
        this process, through the shared cache; workers only read the cache.
    progress, warn
        Callbacks: ``progress(handled, total_or_None)`` and ``warn(one_line_message)`` for
        each document that could not be read or parsed.

    Returns
    -------
    BatchResult

    Raises
    ------
    GeoeventsError
        When nothing could be read at all, the state is unusable, or the workers failed.
        A bad document never raises: it is logged to ``errors.jsonl`` and skipped.
    """
    from ..sources import parse_date

    if chunk_size is None:
        chunk_size = 16 if scheduler is None else 64
    if chunk_size < 1:
        raise UsageError(f"chunk size must be at least 1, not {chunk_size}")
    anchor = parse_date(date, what="--date") if not isinstance(date, dt.date) else date
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--out {folder}: exists and is not a folder")
    gz = os.fspath(gazetteer) if gazetteer is not None else None
    started = time.perf_counter()
    tally = _Tally(progress, warn)
    with BatchState(folder / STATE_NAME) as state:
        if retry_errors:
            state.forget_parse_errors()
        state.forget_read_failures()
        items = iter_documents(
            inputs, date=anchor, lang=lang, encoding=encoding, max_bytes=max_bytes,
            skip=folder, stdin=stdin,
        )
        if workers > 1 or scheduler is not None:
            # Build or check the index here once, so workers never race to create it.
            warm_up(gz)
        parent = config = None
        if geocoder is not None and not geocoder.offline:
            from ..geocoding import default_cache_path
            from ..pipeline import open_gazetteer
            from ._geocode import ParentGeocoder

            # Workers must read the very cache file the parent writes.
            config = dataclasses.replace(
                geocoder, cache_path=geocoder.cache_path or default_cache_path()
            )
            parent = ParentGeocoder(config, open_gazetteer(gz, progress=False))
        runner = make_runner(workers, scheduler, gz, config)
        dispatcher = _Dispatcher(runner, state, tally, chunk_size, parent, gz)
        try:
            for chunk in chunks_of(_pending(items, state, tally), chunk_size):
                dispatcher.submit(chunk)
            dispatcher.drain()
        finally:
            runner.close()
            if parent is not None:
                parent.close()
        geocoded = len(parent.answers) if parent is not None else 0
        elapsed = time.perf_counter() - started
        stored = state.count()
        if stored == 0:
            state.write_errors_jsonl(folder / ERRORS_NAME)
            if tally.handled == 0:
                raise GeoeventsError("no document found in the inputs")
            errors = state.errors()
            first = errors[0]["message"] if errors else "nothing to parse"
            more = f" and {len(errors) - 1} more error(s)" if len(errors) > 1 else ""
            raise GeoeventsError(
                f"no document could be read and parsed: {first}{more}; "
                f"see {folder / ERRORS_NAME}"
            )
        state.write_errors_jsonl(folder / ERRORS_NAME)
        paths: dict[str, Path] = {}
        n_features = n_strikes = 0
        if write:
            paths, n_features, n_strikes = _rebuild(state, folder, title)
    return BatchResult(
        out=folder,
        parsed=tally.parsed,
        skipped=tally.skipped,
        failed=tally.failed,
        duplicates=tally.duplicates,
        stored=stored,
        features=n_features,
        strikes=n_strikes,
        seconds=elapsed,
        workers=runner.workers,
        geocoded=geocoded,
        outputs=paths,
    )


def _rebuild(state: BatchState, folder: Path, title: str | None) -> tuple[dict[str, Path], int, int]:
    from .. import features as merged_features
    from ._outputs import write_outputs
    from ._slim import slim_reports

    reports = slim_reports(state.reports(lean=True))
    feats = merged_features(reports) if reports else []
    paths = write_outputs(
        feats, folder, title=title or f"{len(reports)} articles",
        sources=[] if len(reports) > 50 else [r.article.url or r.article.id for r in reports],
    )
    return paths, len(feats), sum(1 for f in feats if f.category == "strike")


def rebuild_outputs(out: str | os.PathLike[str], *, title: str | None = None) -> dict[str, Path]:
    """Rebuild the merged outputs of the batch folder ``out`` from its stored results."""
    folder = Path(out)
    if not (folder / STATE_NAME).is_file():
        raise GeoeventsError(f"{folder}: no batch state here ({STATE_NAME} missing)")
    with BatchState(folder / STATE_NAME) as state:
        state.write_errors_jsonl(folder / ERRORS_NAME)
        return _rebuild(state, folder, title)[0]
