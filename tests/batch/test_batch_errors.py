"""A bad document is reported and skipped; the rest of the batch goes on."""

from __future__ import annotations

import json
from pathlib import Path

import batch_generator
from batch_helpers import geojson_of, run_batch_cli

from geoevents.batch import BatchState, DocResult, parse_chunk
from geoevents.model import Article


def _errors(out: Path) -> list[dict[str, str]]:
    lines = (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_corrupt_documents_in_the_middle_are_reported_and_the_rest_processed(
    tmp_path: Path, gazetteer_ready: None
) -> None:
    folder = tmp_path / "in"
    paths = batch_generator.write_files(folder, 12, seed=5)
    (folder / "gen-00005b.txt").write_bytes(b"\x00\x00PK\x03\x04 zip bytes\x00" * 100)
    feed = tmp_path / "feed.jsonl"
    docs = [json.dumps(d) for d in batch_generator.generate(10, seed=6)]
    docs.insert(4, '{"id": "broken", "text": ')
    docs.insert(7, '{"id": "nodate", "text": "Strike on Homs.", "date": "31/12/2020"}')
    feed.write_text("\n".join(d.replace('"gen-', '"feed-') for d in docs) + "\n", encoding="utf-8")
    out = tmp_path / "out"

    result = run_batch_cli(str(folder), str(feed), "--out", str(out), "--date", "2020-06-01",
                           "--workers", "2")
    assert result.returncode == 0, result.stderr
    assert "22 parsed, 0 already done, 3 failed" in result.stdout
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 3
    assert any("gen-00005b.txt" in w and "binary" in w for w in warnings)
    errors = _errors(out)
    assert sorted(e["source"] for e in errors) == sorted(
        [str(folder / "gen-00005b.txt"), f"{feed}:5", f"{feed}:8"]
    )
    assert all("\n" not in e["message"] and e["kind"] == "read" for e in errors)
    sources = {s for f in geojson_of(out)["features"] for s in f["properties"].get("sources", [])}
    assert {str(p) for p in paths} <= sources
    assert {f"feed-{i:05d}" for i in range(10)} <= sources

    # A second run reads the bad inputs again and still reports them, without duplicates.
    again = run_batch_cli(str(folder), str(feed), "--out", str(out), "--date", "2020-06-01", "-q")
    assert again.returncode == 0, again.stderr
    assert "0 parsed, 22 already done, 3 failed" in again.stdout
    assert len(_errors(out)) == 3


def test_all_documents_bad_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00" * 64)
    result = run_batch_cli(str(bad), str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "o"))
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("geoevents: error: no document could be read and parsed: ")
    assert "and 1 more error(s); see" in last
    assert "Traceback" not in result.stderr
    assert len(_errors(tmp_path / "o")) == 2


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    feed = batch_generator.write_jsonl(tmp_path / "f.jsonl", 2)
    for args in (["--workers", "0"], ["--date", "2020/01/01"],
                 ["--workers", "2", "--scheduler", "tcp://127.0.0.1:1"]):
        result = run_batch_cli(str(feed), "--out", str(tmp_path / "o"), *args)
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr
    missing_out = run_batch_cli(str(feed))
    assert missing_out.returncode == 2 and "--out" in missing_out.stderr


def test_unreachable_scheduler_is_a_one_line_error(tmp_path: Path) -> None:
    feed = batch_generator.write_jsonl(tmp_path / "f.jsonl", 2)
    result = run_batch_cli(str(feed), "--out", str(tmp_path / "o"),
                           "--scheduler", "tcp://127.0.0.1:9", timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith(
        "geoevents: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9"
    )


def test_stdin_feed_and_no_outputs(tmp_path: Path, gazetteer_ready: None) -> None:
    lines = "".join(json.dumps(d) + "\n" for d in batch_generator.generate(5, seed=9))
    result = run_batch_cli("-", "--out", str(tmp_path / "o"), "-q", "--no-outputs",
                           stdin=lines.encode())
    assert result.returncode == 0, result.stderr
    assert "5 parsed" in result.stdout
    assert not (tmp_path / "o" / "events.geojson").exists()
    more = "".join(json.dumps(d) + "\n" for d in batch_generator.generate(8, seed=9))
    result = run_batch_cli("-", "--out", str(tmp_path / "o"), "-q", stdin=more.encode())
    assert "3 parsed, 5 already done" in result.stdout
    sources = {s for f in geojson_of(tmp_path / "o")["features"]
               for s in f["properties"].get("sources", [])}
    assert sources == {f"gen-{i:05d}" for i in range(8)}


def test_a_document_that_breaks_the_parser_stays_its_own_failure(
    tmp_path: Path, gazetteer_ready: None
) -> None:
    good = Article("Russia fired 5 missiles at Kharkiv.", id="good")
    broken = Article(None, id="broken")  # type: ignore[arg-type] - what a buggy caller sends
    results = parse_chunk([("k1", "s1", good), ("k2", "s2", broken), ("k3", "s3", good)])
    assert [r.ok for r in results] == [True, False, True]
    assert "\n" not in results[1].payload and results[1].payload

    with BatchState(tmp_path / "state.sqlite") as state:
        assert state.record(results) == (2, 1)
        assert state.is_done("k2")  # not tried again on a re-run...
        assert state.forget_parse_errors() == 1  # ...unless --retry-errors
        assert not state.is_done("k2")
        assert state.record([DocResult("k1", "good", "s1", True, results[0].payload)]) == (0, 0)
        assert state.count() == 2
        assert [r.article.id for r in state.reports()] == ["good", "good"]
