"""200 generated articles give the same events serially, on 2 processes and on Dask."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from batch_helpers import geojson_of, run_batch_cli

from geoevents.batch import BatchResult, run_batch


def _events(folder: Path) -> list[tuple[Any, ...]]:
    return sorted(
        (p["gazetteer_id"], p["date"], p["quantity"], p["weapon"], p["fatalities"],
         tuple(p["sources"]))
        for p in (f["properties"] for f in geojson_of(folder)["features"])
        if p["category"] == "strike"
    )


@pytest.fixture(scope="module")
def serial(feed200: Path, tmp_path_factory: pytest.TempPathFactory,
           gazetteer_ready: None) -> tuple[BatchResult, Path]:
    out = tmp_path_factory.mktemp("serial")
    return run_batch([feed200], out, workers=1), out


def test_serial_batch_finds_merged_events_and_writes_every_output(
    serial: tuple[BatchResult, Path], feed200: Path
) -> None:
    import geopandas

    result, out = serial
    assert result.parsed == 200 and result.failed == 0 and result.stored == 200
    events = _events(out)
    assert len(events) == result.strikes
    # Retold stories are merged: fewer strike records than articles, several sources kept.
    assert 100 < len(events) < 200
    merged = [e for e in events if len(e[-1]) > 1]
    assert merged
    every_source = {s for e in events for s in e[-1]}
    ids = {json.loads(line)["id"] for line in feed200.read_text(encoding="utf-8").splitlines()}
    assert every_source == ids  # each article is a source of some strike; no source lost
    # Dates and counts survive storage and merging (a stray place match may lack them).
    assert sum(e[1] is not None and e[2] is not None for e in events) >= 0.9 * len(events)
    features = geojson_of(out)["features"]
    for name in ("events.gpkg", "events.parquet"):
        frame = (geopandas.read_parquet(out / name) if name.endswith("parquet")
                 else geopandas.read_file(out / name, layer="strikes"))
        assert frame.crs.to_epsg() == 4326
        strikes = frame if name.endswith("gpkg") else frame[frame["category"] == "strike"]
        assert len(strikes) == len(events)
        assert sorted(strikes["gazetteer_id"]) == sorted(e[0] for e in events)
    html = (out / "map.html").read_text(encoding="utf-8")
    assert "leaflet" in html.lower() and len(features) > 0
    assert (out / "errors.jsonl").read_text(encoding="utf-8") == ""


def test_two_processes_give_the_same_outputs(
    serial: tuple[BatchResult, Path], feed200: Path, tmp_path: Path
) -> None:
    result = run_batch([feed200], tmp_path, workers=2, chunk_size=8)
    assert result.parsed == 200 and result.workers == 2
    assert _events(tmp_path) == _events(serial[1])
    assert geojson_of(tmp_path) == geojson_of(serial[1])


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_outputs(
    serial: tuple[BatchResult, Path], feed200: Path, tmp_path: Path, dask_cluster: Any
) -> None:
    from distributed import Client

    result = run_batch([feed200], tmp_path, scheduler=dask_cluster.scheduler_address)
    assert result.parsed == 200 and result.workers == 2
    assert geojson_of(tmp_path) == geojson_of(serial[1])
    # The gazetteer was opened by the worker plugin, once in each worker process.
    with Client(dask_cluster.scheduler_address) as client:
        opened = client.run(_gazetteer_opens)
    assert len(opened) == 2 and all(n == 1 for n in opened.values())


def _gazetteer_opens() -> int:
    from geoevents.pipeline import _open_gazetteer

    info = _open_gazetteer.cache_info()
    return int(info.misses)


def test_state_has_one_row_per_document(serial: tuple[BatchResult, Path]) -> None:
    with sqlite3.connect(serial[1] / "state.sqlite") as conn:
        rows, distinct = conn.execute(
            "SELECT count(*), count(DISTINCT id) FROM documents"
        ).fetchone()
    assert rows == distinct == 200


def test_rerun_skips_everything_and_rebuilds_the_same(
    serial: tuple[BatchResult, Path], feed200: Path
) -> None:
    before = geojson_of(serial[1])
    again = run_batch([feed200], serial[1], workers=2)
    assert (again.parsed, again.skipped, again.failed, again.stored) == (0, 200, 0, 200)
    assert geojson_of(serial[1]) == before


@pytest.mark.slow
def test_command_line_on_dask(
    serial: tuple[BatchResult, Path], feed200: Path, tmp_path: Path, dask_cluster: Any
) -> None:
    result = run_batch_cli(str(feed200), "--out", str(tmp_path), "--scheduler",
                           dask_cluster.scheduler_address, "-q")
    assert result.returncode == 0, result.stderr
    assert "200 parsed, 0 already done, 0 failed" in result.stdout
    assert geojson_of(tmp_path) == geojson_of(serial[1])
