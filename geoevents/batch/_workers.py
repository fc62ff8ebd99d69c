"""Where documents get parsed: in this process, in a process pool, or on a Dask cluster.

Every runner calls :func:`parse_chunk` on lists of documents (chunks amortise the cost of
sending work between processes) and hands back :class:`DocResult` lists. Workers only parse
and encode; the parent alone writes the state. The gazetteer is opened once per worker
process (``open_gazetteer`` is cached per process) and never sent over the wire.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import GeoeventsError, UsageError
from ._codec import encode_report
from ._state import DocResult

if TYPE_CHECKING:
    from ..geocoding import GeocoderConfig, Provider
    from ..model import Article

__all__ = [
    "Chunk",
    "Runner",
    "SerialRunner",
    "ProcessRunner",
    "DaskRunner",
    "WorkerError",
    "parse_chunk",
    "warm_up",
    "make_runner",
    "chunks_of",
]

Chunk = list[tuple[str, str, "Article"]]  # (content key, source, article)


class WorkerError(GeoeventsError):
    """A worker process or the cluster failed (not one document: the machinery)."""


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    name = type(exc).__name__
    if isinstance(exc, GeoeventsError) and text:
        return text
    return f"{name}: {text}" if text else name


def warm_up(gazetteer: str | None) -> None:
    """Open the gazetteer in this process so the first chunk does not pay for it."""
    from ..pipeline import open_gazetteer

    open_gazetteer(gazetteer, progress=False)


def _start_worker(gazetteer: str | None) -> None:
    """Pool worker start: Ctrl-C is the parent's to handle (it stops the pool cleanly)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up(gazetteer)


def parse_chunk(
    chunk: Chunk, gazetteer: str | None = None, geocoding: GeocoderConfig | None = None
) -> list[DocResult]:
    """Parse and encode every document of ``chunk``; one document's failure stays its own.

    With ``geocoding``, online providers answer from the shared cache only; a document with
    a name the cache does not know comes back with ``deferred`` names (see ``_geocode``).
    """
    from ..pipeline import open_gazetteer, parse

    gz = open_gazetteer(gazetteer, progress=False)
    geocoder: Provider | None = None
    pending: set[str] = set()
    if geocoding is not None:
        from ._geocode import worker_geocoder

        geocoder, pending = worker_geocoder(geocoding, gz)
    out: list[DocResult] = []
    for key, source, article in chunk:
        start = time.thread_time()  # CPU, not wall: the cost of a document on a busy machine too
        pending.clear()
        deferred: tuple[str, ...] = ()
        try:
            report = parse(article, gazetteer=gz, geocoder=geocoder)
            deferred = tuple(sorted(pending))
            payload = "" if deferred else encode_report(report)
            ok = not deferred
        except Exception as exc:  # noqa: BLE001 - any failure of one document is logged, not fatal
            payload, ok = _one_line(exc), False
        seconds = time.thread_time() - start
        out.append(DocResult(key, article.id, source, ok, payload, seconds, deferred))
    return out


class Runner(Protocol):
    """Submit chunks; collect results as they finish."""

    workers: int

    def submit(self, chunk: Chunk) -> None: ...

    def pending(self) -> int: ...

    def next_done(self) -> list[list[DocResult]]:
        """Block until at least one submitted chunk is finished; return the finished ones."""
        ...

    def close(self) -> None: ...


class SerialRunner:
    """Parse in this process, one chunk at a time."""

    workers = 1

    def __init__(self, gazetteer: str | None, geocoding: GeocoderConfig | None = None) -> None:
        self.gazetteer = gazetteer
        self.geocoding = geocoding
        self._done: list[list[DocResult]] = []

    def submit(self, chunk: Chunk) -> None:
        self._done.append(parse_chunk(chunk, self.gazetteer, self.geocoding))

    def pending(self) -> int:
        return len(self._done)

    def next_done(self) -> list[list[DocResult]]:
        done, self._done = self._done, []
        return done

    def close(self) -> None:
        pass


class ProcessRunner:
    """A local :class:`~concurrent.futures.ProcessPoolExecutor` of ``workers`` processes.

    Workers start with the ``forkserver`` method (no inherited threads or locks) and open the
    gazetteer in their initializer.
    """

    def __init__(
        self, workers: int, gazetteer: str | None, geocoding: GeocoderConfig | None = None
    ) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        self.gazetteer = gazetteer
        self.geocoding = geocoding
        context: Any
        if "forkserver" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("forkserver")
            # Workers fork from a server that has imported the pipeline once already.
            context.set_forkserver_preload(
                ["geoevents.batch._workers", "geoevents.pipeline", "geoevents.events"]
            )
        else:
            context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(gazetteer,),
        )
        self._futures: set[Any] = set()

    def submit(self, chunk: Chunk) -> None:
        self._futures.add(self._pool.submit(parse_chunk, chunk, self.gazetteer, self.geocoding))

    def pending(self) -> int:
        return len(self._futures)

    def next_done(self) -> list[list[DocResult]]:
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        if not self._futures:
            return []
        done, self._futures = wait(self._futures, return_when=FIRST_COMPLETED)
        try:
            return [f.result() for f in done]
        except BrokenProcessPool:
            raise WorkerError(
                "a worker process died (out of memory?); finished documents are kept, "
                "run the same command again to resume"
            ) from None

    def close(self) -> None:
        for future in self._futures:
            future.cancel()
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskRunner:
    """A Dask distributed cluster: ``scheduler`` is an address or a ``distributed.Client``.

    A worker plugin opens the gazetteer once in every worker process (also in workers that
    join later); chunks go out with ``Client.submit`` and come back through ``as_completed``.
    """

    def __init__(
        self, scheduler: Any, gazetteer: str | None, geocoding: GeocoderConfig | None = None
    ) -> None:
        self.geocoding = geocoding
        try:
            from distributed import Client
        except ImportError:
            raise UsageError(
                "--scheduler needs Dask distributed: pip install 'geoevents[dask]'"
            ) from None
        self.gazetteer = gazetteer
        if isinstance(scheduler, Client):
            self._client, self._own = scheduler, False
        else:
            try:
                self._client = Client(str(scheduler), timeout="10s")
            except (OSError, TimeoutError) as exc:
                raise WorkerError(
                    f"cannot reach the Dask scheduler at {scheduler} ({_one_line(exc)})"
                ) from None
            self._own = True
        try:
            from ._dask_plugin import GazetteerPlugin

            self._client.register_plugin(GazetteerPlugin(gazetteer), name="geoevents-gazetteer")
        except Exception as exc:  # noqa: BLE001 - a worker that cannot open the gazetteer
            raise WorkerError(f"Dask workers cannot open the gazetteer ({_one_line(exc)})") from None
        self.workers = max(1, sum(
            w.get("nthreads", 1) for w in self._client.scheduler_info()["workers"].values()
        ))
        from distributed import as_completed

        self._completed = as_completed(with_results=False)
        self._count = 0

    def submit(self, chunk: Chunk) -> None:
        future = self._client.submit(
            parse_chunk, chunk, self.gazetteer, self.geocoding, pure=False
        )
        self._completed.add(future)
        self._count += 1

    def pending(self) -> int:
        return self._count

    def next_done(self) -> list[list[DocResult]]:
        if not self._count:
            return []
        out: list[list[DocResult]] = []
        for batch in self._completed.next_batch(block=True):
            self._count -= 1
            try:
                out.append(batch.result())
            except Exception as exc:  # noqa: BLE001 - the cluster, not one document, failed
                raise WorkerError(
                    f"Dask task failed ({_one_line(exc)}); finished documents are kept, "
                    "run the same command again to resume"
                ) from None
        return out

    def close(self) -> None:
        self._completed.clear()
        if self._own:
            self._client.close()


def make_runner(
    workers: int, scheduler: Any, gazetteer: str | None, geocoding: GeocoderConfig | None = None
) -> Runner:
    """The runner for the options: Dask when ``scheduler`` is given, else processes or serial."""
    if scheduler is not None:
        return DaskRunner(scheduler, gazetteer, geocoding)
    if workers < 1:
        raise UsageError(f"--workers must be at least 1, not {workers}")
    if workers == 1:
        return SerialRunner(gazetteer, geocoding)
    return ProcessRunner(workers, gazetteer, geocoding)


def chunks_of(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
