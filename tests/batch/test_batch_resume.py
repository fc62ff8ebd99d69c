"""A batch killed mid-run and run again gives the outputs of an uninterrupted run."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import batch_generator
import pytest
from batch_helpers import batch_cmd, geojson_of, run_batch_cli

from geoevents.batch import document_key
from geoevents.model import Article


def _stored(state: Path) -> int:
    if not state.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{state}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # schema not created yet
        return 0


def _unique(n: int, *, seed: int) -> int:
    """Distinct documents (content hashes) among ``n`` generated ones."""
    return len({
        document_key(Article(d["text"], date=dt.date.fromisoformat(d["date"])))
        for d in batch_generator.generate(n, seed=seed)
    })


@pytest.mark.slow
@pytest.mark.parametrize("workers", ["1", "2"])
def test_killed_run_resumes_without_duplicates_or_loss(
    tmp_path: Path, workers: str, gazetteer_ready: None
) -> None:
    n = 1500
    feed = batch_generator.write_jsonl(tmp_path / "feed.jsonl", n, seed=21)
    killed, whole = tmp_path / "killed", tmp_path / "whole"

    env = dict(os.environ, COLUMNS="200")
    proc = subprocess.Popen(
        batch_cmd(str(feed), "--out", str(killed), "--workers", workers, "--chunk-size", "4", "-q"),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, start_new_session=True,
    )
    state = killed / "state.sqlite"
    deadline = time.monotonic() + 120
    try:
        while _stored(state) < 60:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            assert time.monotonic() < deadline, "the batch never stored a document"
            time.sleep(0.01)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # the run and its worker processes, at once
        proc.wait(timeout=30)
    done_when_killed = _stored(state)
    assert 60 <= done_when_killed < n, "the run was not interrupted midway"
    assert not (killed / "events.geojson").exists()

    resumed = run_batch_cli(str(feed), "--out", str(killed), "--workers", workers, "-q")
    assert resumed.returncode == 0, resumed.stderr
    unique = _unique(n, seed=21)
    expected = f"{unique - done_when_killed} parsed, {done_when_killed} already done, 0 failed"
    assert expected in resumed.stdout, (resumed.stdout, resumed.stderr[-2000:])

    complete = run_batch_cli(str(feed), "--out", str(whole), "-q")
    assert complete.returncode == 0, complete.stderr

    with sqlite3.connect(state) as conn:
        rows, ids = conn.execute("SELECT count(*), count(DISTINCT id) FROM documents").fetchone()
    assert rows == ids == unique
    assert geojson_of(killed) == geojson_of(whole)
    leftovers = [p.name for p in killed.iterdir() if p.name.startswith(".")]
    assert leftovers == []


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_and_a_rerun_completes(tmp_path: Path, gazetteer_ready: None) -> None:
    n = 1500
    feed = batch_generator.write_jsonl(tmp_path / "feed.jsonl", n, seed=22)
    out = tmp_path / "out"
    proc = subprocess.Popen(
        batch_cmd(str(feed), "--out", str(out), "--workers", "2", "--chunk-size", "4", "-q"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        env=dict(os.environ, COLUMNS="200"),
    )
    deadline = time.monotonic() + 120
    while _stored(out / "state.sqlite") < 60 and proc.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends to the whole job
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert err.strip().splitlines()[-1].startswith("geoevents: error: interrupted; finished documents")
    assert "Traceback" not in err
    stored = _stored(out / "state.sqlite")
    assert 60 <= stored < n

    rerun = run_batch_cli(str(feed), "--out", str(out), "-q")
    assert rerun.returncode == 0, rerun.stderr
    assert f"{stored} already done" in rerun.stdout
    unique = _unique(n, seed=22)
    assert _stored(out / "state.sqlite") == unique
    assert f"({unique} documents in the batch)" in rerun.stdout
