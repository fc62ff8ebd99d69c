"""Reading gold and prediction JSONL: every defect is one line naming the file and line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from geoevents.errors import GeoeventsError
from geoevents.evaluation import (
    EvaluationError,
    evaluate,
    read_gold,
    read_predictions,
    score,
    system_name,
    write_predictions,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "evaluation"
GOLD = FIXTURES / "gold_small.jsonl"

GOOD_GOLD = {"id": "a", "text": "Snow in Oslo.",
             "toponyms": [{"start": 8, "end": 12, "text": "Oslo", "lat": 59.91, "lon": 10.75}]}


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _error(fn, *args) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(EvaluationError) as info:
        fn(*args)
    message = str(info.value)
    assert "\n" not in message
    assert isinstance(info.value, GeoeventsError)
    return message


def test_reads_ids_texts_dates_and_spans_in_order() -> None:
    gold = read_gold(GOLD)
    assert list(gold) == ["news/1", "news/2", "news/3", "news/4"]
    doc = gold["news/1"]
    assert doc.date == "2024-03-01" and doc.text is not None
    assert [doc.text[t.start:t.end] for t in doc.toponyms] == ["Paris", "London", "Tokyo"]
    assert gold["news/4"].toponyms == ()


def test_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = _write(tmp_path / "g.jsonl", ["", json.dumps(GOOD_GOLD), "   "])
    assert list(read_gold(path)) == ["a"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{"id": "b", "text": "x", "toponyms": [}', "not valid JSON"),
        ('["not", "an", "object"]', "JSON object"),
        ('{"text": "Oslo", "toponyms": []}', "lacks key 'id'"),
        ('{"id": "b", "text": "Oslo"}', "lacks key 'toponyms'"),
        ('{"id": "b", "text": "Oslo", "toponyms": {}}', "must be a list"),
        ('{"id": ["b"], "text": "Oslo", "toponyms": []}', "string or integer"),
        ('{"id": "b", "text": "Oslo", "toponyms": [{"start": 0, "end": 4, "lat": 1.0}]}',
         "lacks key(s) lon"),
        ('{"id": "b", "text": "Oslo", "toponyms": [{"start": 0, "end": 4, "lat": null, "lon": 1}]}',
         "'lat' must be a number"),
        ('{"id": "b", "text": "Oslo", "toponyms": [{"start": "0", "end": 4, "lat": 1, "lon": 1}]}',
         "'start' must be an integer"),
        ('{"id": "b", "text": "Oslo", "toponyms": [{"start": 3, "end": 3, "lat": 1, "lon": 1}]}',
         "empty or negative"),
        ('{"id": "b", "text": "Oslo", "toponyms": [{"start": 0, "end": 9, "lat": 1, "lon": 1}]}',
         "runs past the text"),
        ('{"id": "b", "text": "Oslo", "toponyms": [{"start": 0, "end": 4, "lat": 95, "lon": 1}]}',
         "outside -90..90"),
        ('{"id": "b", "text": "Oslo", "toponyms": [{"start": 0, "end": 4, "lat": NaN, "lon": 1}]}',
         "finite"),
        ('{"id": "a", "text": "Snow in Oslo.", "toponyms": []}', "duplicate document id 'a'"),
    ],
)
def test_bad_gold_line_names_file_and_line(tmp_path: Path, line: str, expected: str) -> None:
    path = _write(tmp_path / "gold.jsonl", [json.dumps(GOOD_GOLD), "", line])
    message = _error(read_gold, path)
    assert message.startswith(f"{path}:3: ")
    assert expected in message


def test_missing_file_is_one_line(tmp_path: Path) -> None:
    message = _error(read_gold, tmp_path / "absent.jsonl")
    assert "absent.jsonl" in message and "cannot read" in message


def test_non_utf8_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(json.dumps(GOOD_GOLD).encode() + b"\n" + b'{"id": "\xe9"}\n')
    assert _error(read_gold, path) == f"{path}:2: not UTF-8 text"


def test_gold_text_required_only_to_run_a_geoparser(tmp_path: Path) -> None:
    path = _write(tmp_path / "g.jsonl", [json.dumps({"id": 1, "toponyms": []})])
    assert list(read_gold(path)) == [1]
    assert "lacks key 'text'" in _error(lambda: read_gold(path, require_text=True))


def test_prediction_with_unknown_id_is_refused(tmp_path: Path) -> None:
    gold = read_gold(GOLD)
    path = _write(tmp_path / "p.jsonl", ['{"id": "news/1", "toponyms": []}',
                                        '{"id": "news/99", "toponyms": []}'])
    assert _error(read_predictions, path, gold) == (
        f"{path}:2: document id 'news/99' is not in the gold file")


def test_integer_and_string_ids_are_not_confused(tmp_path: Path) -> None:
    gold_path = _write(tmp_path / "g.jsonl", [json.dumps({**GOOD_GOLD, "id": 7})])
    pred_path = _write(tmp_path / "p.jsonl", ['{"id": "7", "toponyms": []}'])
    assert "is not in the gold file" in _error(read_predictions, pred_path, read_gold(gold_path))


def test_prediction_with_other_text_is_refused(tmp_path: Path) -> None:
    gold = read_gold(GOLD)
    path = _write(tmp_path / "p.jsonl", ['{"id": "news/3", "text": "Rain in Lyon!", "toponyms": []}'])
    assert "differs from the gold text" in _error(read_predictions, path, gold)


def test_prediction_spans_are_checked_against_the_gold_text(tmp_path: Path) -> None:
    gold = read_gold(GOLD)
    line = '{"id": "news/3", "toponyms": [{"start": 8, "end": 40, "lat": 1, "lon": 1}]}'
    path = _write(tmp_path / "p.jsonl", [line])
    assert "runs past the text (13 characters)" in _error(read_predictions, path, gold)


def test_unplaced_predictions_are_allowed_and_cost_the_maximum(tmp_path: Path) -> None:
    gold = read_gold(GOLD)
    path = _write(tmp_path / "p.jsonl", [
        '{"id": "news/2", "toponyms": [{"start": 14, "end": 18, "lat": null, "lon": null}]}',
        '{"id": "news/3", "toponyms": [{"start": 8, "end": 12}]}'])
    s = score(gold, read_predictions(path, gold))
    assert s.matched == 2 and s.within == 0 and s.mean_km == 20039.0


def test_write_predictions_round_trips(tmp_path: Path) -> None:
    records = [{"id": "news/1", "toponyms": [
        {"start": 0, "end": 5, "text": "Paris", "name": "Paris", "lat": 48.85, "lon": 2.35,
         "gazetteer_id": "geonames:2988507", "feature": "city", "country": "FR", "score": 0.9}]}]
    out = tmp_path / "sub" / "ours.jsonl"
    write_predictions(out, records)
    assert [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] == records
    assert not [p for p in out.parent.iterdir() if p.name != "ours.jsonl"]  # no temp file left
    gold = read_gold(GOLD)
    assert score(gold, read_predictions(out, gold)).matched == 1


def test_system_names_drop_the_corpus_prefix() -> None:
    assert system_name("baselines/LGL.CLAVIN.jsonl", "eval/LGL.gold.jsonl") == "CLAVIN"
    assert system_name("runs/ours.jsonl", "eval/LGL.gold.jsonl") == "ours"
    assert system_name("LGL.jsonl", "LGL.gold.jsonl") == "LGL"
    assert system_name("GeoVirus.Yahoo.jsonl") == "GeoVirus.Yahoo"


def test_files_with_one_stem_keep_distinct_names(tmp_path: Path) -> None:
    for run in ("a", "b"):
        (tmp_path / run).mkdir()
        shutil.copy(FIXTURES / "pred_small.jsonl", tmp_path / run / "LGL.sys.jsonl")
    results = evaluate(GOLD, [tmp_path / "a" / "LGL.sys.jsonl", tmp_path / "b" / "LGL.sys.jsonl",
                              FIXTURES / "pred_small.jsonl"])
    assert [r.system for r in results] == [str(tmp_path / "a" / "LGL.sys.jsonl"),
                                           str(tmp_path / "b" / "LGL.sys.jsonl"), "pred_small"]
    assert results[0].scores == results[1].scores == results[2].scores
