"""Fixtures for batch tests: generated feeds and a runner for the real `batch` command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import batch_generator  # noqa: E402


def _batch_argv() -> list[str]:
    """`python -m geoevents batch` once the command is wired in, else the module on its own."""
    from geoevents.cli import app

    names = {c.name for c in app.registered_commands}
    if "batch" in names:
        return [sys.executable, "-m", "geoevents", "batch"]
    return [sys.executable, "-m", "geoevents.cli.batch"]


def batch_cmd(*args: str) -> list[str]:
    return [*_batch_argv(), *args]


def run_batch_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None,
                  timeout: float = 600) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.setdefault("PYTHONIOENCODING", "utf-8")
    env["COLUMNS"] = "200"
    return subprocess.run(
        batch_cmd(*args), cwd=cwd, input=stdin.decode() if stdin is not None else None,
        capture_output=True, text=True, timeout=timeout, env=env,
    )


def geojson_of(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / "events.geojson").read_text(encoding="utf-8"))
    return data


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
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
        silence_logs=40,
    ) as cluster:
        yield cluster


@pytest.fixture(scope="session")
def gazetteer_ready() -> None:
    """Open (and on a fresh machine build) the gazetteer once before timing-free tests fork."""
    import geoevents

    geoevents.open_gazetteer(progress=False)
