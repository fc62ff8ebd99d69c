"""Fixtures for batch tests: a generated feed, a Dask LocalCluster, an open gazetteer."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import batch_generator  # noqa: E402


@pytest.fixture(scope="session")
def feed200(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200 generated articles as one JSONL feed."""
    folder = tmp_path_factory.mktemp("feed200")
    return batch_generator.write_jsonl(folder / "feed.jsonl", 200)


@pytest.fixture(scope="session")
def dask_cluster() -> Iterator[Any]:
    """A 2-worker Dask LocalCluster (one process and one thread per worker)."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
        silence_logs=40,
    ) as cluster:
        yield cluster


@pytest.fixture(scope="session")
def gazetteer_ready() -> None:
    """Open (and on a fresh machine build) the gazetteer once before timing-free tests fork."""
    import geoevents

    geoevents.open_gazetteer(progress=False)
