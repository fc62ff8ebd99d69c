"""Batch processing: a feed of documents -> one merged map and GIS exports, resumably.

Inputs are files, folders, globs, JSONL (``id``, ``text``, ``date``, ``url``) or stdin;
documents are parsed in this process, in local worker processes (``workers=N``) or on a Dask
cluster (``scheduler="tcp://host:port"``), with the gazetteer opened once per worker.

The batch folder ``OUT`` holds:

``state.sqlite``
    Every parsed document's report (JSON), keyed by the sha256 of its normalised text and
    date, committed a chunk at a time by the parent process alone. A re-run skips the keys
    stored; a run killed at any point resumes with no duplicate and no loss.
``errors.jsonl``
    One line per document that could not be read or parsed (``id``, ``source``,
    ``message``, ``kind``); such documents never stop the batch.
``map.html``, ``events.geojson``, ``events.gpkg``, ``events.parquet``
    Rebuilt from all stored reports at the end of each run (each written atomically), with
    events told by several articles merged into one record listing every source.

With online geocoders, each unknown place name is asked once per batch, by the parent,
through the shared geocoding cache (workers only read the cache).

Scripts that use ``workers > 1`` must guard their entry point with
``if __name__ == "__main__":`` (worker processes start with ``forkserver``).

>>> from geoevents.batch import run_batch
>>> result = run_batch(["feed.jsonl", "articles/"], "out/", workers=2)  # doctest: +SKIP
>>> result.parsed, result.failed, result.outputs["geojson"]  # doctest: +SKIP
(198, 2, PosixPath('out/events.geojson'))
"""

from __future__ import annotations

from ._codec import CodecError, decode_report, encode_report, report_from_dict, report_to_dict
from ._inputs import Document, ReadFailure, document_key, iter_documents
from ._outputs import OUTPUT_NAMES, write_geoparquet
from ._run import ERRORS_NAME, STATE_NAME, BatchResult, rebuild_outputs, run_batch
from ._state import BatchState, DocResult, StateError
from ._workers import WorkerError, parse_chunk

__all__ = [
    "BatchResult",
    "BatchState",
    "CodecError",
    "DocResult",
    "Document",
    "ERRORS_NAME",
    "OUTPUT_NAMES",
    "ReadFailure",
    "STATE_NAME",
    "StateError",
    "WorkerError",
    "decode_report",
    "document_key",
    "encode_report",
    "iter_documents",
    "parse_chunk",
    "rebuild_outputs",
    "report_from_dict",
    "report_to_dict",
    "run_batch",
    "write_geoparquet",
]
