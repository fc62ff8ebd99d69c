"""Batch processing: a feed of documents -> one merged map and GIS exports, resumably.

Inputs are files, folders, globs, JSONL or stdin; documents are parsed in this process, in
local worker processes or on a Dask cluster; every result is stored by content hash in
``OUT/state.sqlite`` so that a re-run skips what is done and an interrupted run resumes
without duplicates; the merged outputs are rebuilt from all stored results.

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
