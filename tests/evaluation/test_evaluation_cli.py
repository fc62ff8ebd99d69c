"""`geoevents evaluate`: the typer command on real files, and on our real geoparser."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

import geoevents
from geoevents.cli.evaluate import app
from geoevents.evaluation import parse_predictions, read_gold, read_predictions, score

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "evaluation"
GOLD = FIXTURES / "gold_small.jsonl"
PRED = FIXTURES / "pred_small.jsonl"

runner = CliRunner()


def _run(*args: str | Path):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args])


def test_table_has_one_row_per_system(tmp_path: Path) -> None:
    other = tmp_path / "small.Perfect.jsonl"
    shutil.copy(GOLD, other)
    result = _run(GOLD, PRED, other)
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines()
            if line.split() and line.split()[0] in ("pred_small", "small.Perfect")}
    gold = read_gold(GOLD)
    s = score(gold, read_predictions(PRED, gold))
    assert rows["pred_small"][1:4] == [f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}"]
    assert rows["pred_small"][-1] == f"{s.e2e161:.3f}"
    assert rows["small.Perfect"][-1] == "1.000"
    assert "4 documents, 5 gold toponyms" in result.stdout


def test_json_gives_the_library_scores() -> None:
    result = _run(GOLD, PRED, "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    gold = read_gold(GOLD)
    expected = score(gold, read_predictions(PRED, gold)).as_dict(json_safe=True)
    [system] = payload["systems"]
    assert system.pop("system") == "pred_small"
    assert system.pop("seconds") is None
    assert system == expected


def test_json_is_strict_when_nothing_matches(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text('{"id": "news/1", "toponyms": []}\n', encoding="utf-8")
    result = _run(GOLD, empty, "--json")
    assert result.exit_code == 0, result.output
    system = json.loads(result.stdout, parse_constant=lambda c: 1 / 0)["systems"][0]
    assert system["meanKm"] is None and system["E2E161"] == 0.0


def test_broken_prediction_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "news/1", "toponyms": []}\n{"id": "news/2", "toponyms": [{"end": 3}]}\n',
                   encoding="utf-8")
    result = _run(GOLD, PRED, bad)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"geoevents: error: {bad}:2: toponym lacks key(s) start"]


def test_mismatched_ids_are_a_one_line_error(tmp_path: Path) -> None:
    other = tmp_path / "other.jsonl"
    other.write_text('{"id": "elsewhere/1", "toponyms": []}\n', encoding="utf-8")
    result = _run(GOLD, other)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"geoevents: error: {other}:1: document id 'elsewhere/1' is not in the gold file"


def test_missing_gold_file_is_a_user_error(tmp_path: Path) -> None:
    result = _run(tmp_path / "nope.jsonl", PRED)
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "nope.jsonl" in result.stderr


def test_usage_errors_exit_2() -> None:
    assert _run(GOLD, PRED, "--date", "yesterday").exit_code == 2
    assert _run(GOLD, PRED, "--no-such-option").exit_code == 2


def _ours_directly(gold_path: Path) -> dict:
    gold = read_gold(gold_path, require_text=True)
    records = [(i, {"id": d.id, "toponyms": geoevents.toponyms(d.text or "", date=d.date, lang="en")})
               for i, d in enumerate(gold.values(), 1)]
    return score(gold, parse_predictions(records, gold, "ours")).as_dict(json_safe=True)


def test_without_predictions_our_geoparser_is_scored() -> None:
    result = _run(GOLD, "--json")
    assert result.exit_code == 0, result.output
    [system] = json.loads(result.stdout)["systems"]
    assert system.pop("system") == "geoevents"
    assert system.pop("seconds") >= 0.0
    assert system == _ours_directly(GOLD)
    # big cities named plainly: the scores above must come from real, placed output
    assert system["matched"] >= 2 and system["within161"] >= 2


def test_ours_beside_predictions_and_saved(tmp_path: Path) -> None:
    saved = tmp_path / "out" / "ours.jsonl"
    result = _run(GOLD, PRED, "--ours", "--save-predictions", saved, "--json")
    assert result.exit_code == 0, result.output
    systems = json.loads(result.stdout)["systems"]
    assert [s["system"] for s in systems] == ["pred_small", "geoevents"]
    ours = systems[1]
    rescored = _run(GOLD, saved, "--json")
    assert rescored.exit_code == 0, rescored.output
    again = json.loads(rescored.stdout)["systems"][0]
    for key in ("P", "R", "F1", "acc161", "meanKm", "medKm", "AUC", "E2E161"):
        assert again[key] == ours[key], key


def test_details_and_limit(tmp_path: Path) -> None:
    details = tmp_path / "details.jsonl"
    result = _run(GOLD, PRED, GOLD, "--details", details, "--limit", "1", "--json")
    assert result.exit_code == 0, result.output
    systems = json.loads(result.stdout)["systems"]
    assert [(s["docs"], s["gold"]) for s in systems] == [(1, 3), (1, 3)]
    rows = [json.loads(line) for line in details.read_text(encoding="utf-8").splitlines()]
    assert [(r["system"], r["kind"], r["text"]) for r in rows] == [
        ("pred_small", "correct", "Paris"), ("pred_small", "far", "London"),
        ("pred_small", "missed", "Tokyo"), ("pred_small", "spurious", "far"),
        ("gold_small", "correct", "Paris"), ("gold_small", "correct", "London"),
        ("gold_small", "correct", "Tokyo"),
    ]
    assert rows[1]["gold"]["name"] == "London" and rows[1]["pred"]["name"] == "London, Ontario"
    assert rows[1]["km"] > 5000
    assert _run(GOLD, PRED, "--limit", "0").exit_code == 2


def _subprocess(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "geoevents", "evaluate", *map(str, args)],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_wired_command_in_a_real_process(tmp_path: Path) -> None:
    ok = _subprocess(GOLD, PRED, "--json")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["systems"][0]["system"] == "pred_small"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "news/1", "toponyms": [{"start": 0, "end": 5, "lat": "north"}]}\n',
                   encoding="utf-8")
    failed = _subprocess(GOLD, bad)
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    assert failed.stderr.strip().splitlines() == [
        f"geoevents: error: {bad}:1: toponym 'lat' must be a number or null, got 'north'"]
    assert _subprocess().returncode == 2


def test_prediction_from_standard_input() -> None:
    result = runner.invoke(app, [str(GOLD), "-", "--json"], input=PRED.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    [system] = json.loads(result.stdout)["systems"]
    gold = read_gold(GOLD)
    assert system["system"] == "stdin"
    assert system["E2E161"] == score(gold, read_predictions(PRED, gold)).e2e161
    broken = runner.invoke(app, [str(GOLD), "-"], input='{"id": "news/1"}\n')
    assert broken.exit_code == 1
    assert broken.stderr.strip() == "geoevents: error: <stdin>:1: document lacks key 'toponyms'"
    assert runner.invoke(app, ["-", "-"], input="").exit_code == 1


def test_toponyms_jsonl_piped_into_evaluate_scores_like_ours() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    produced = subprocess.run([sys.executable, "-m", "geoevents", "toponyms", "--jsonl", str(GOLD)],
                              capture_output=True, text=True, timeout=300, env=env)
    assert produced.returncode == 0, produced.stderr
    piped = subprocess.run([sys.executable, "-m", "geoevents", "evaluate", str(GOLD), "-",
                            "--ours", "--json"], input=produced.stdout, capture_output=True,
                           text=True, timeout=300, env=env)
    assert piped.returncode == 0, piped.stderr
    stdin_row, ours_row = json.loads(piped.stdout)["systems"]
    assert (stdin_row["system"], ours_row["system"]) == ("stdin", "geoevents")
    for key in ("pred", "matched", "within161", "P", "R", "F1", "E2E161", "meanKm", "AUC"):
        assert stdin_row[key] == ours_row[key], key


def test_details_of_ours_carry_feature_and_gazetteer_id(tmp_path: Path) -> None:
    details = tmp_path / "details.jsonl"
    result = _run(GOLD, "--details", details)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in details.read_text(encoding="utf-8").splitlines()]
    assert {r["system"] for r in rows} == {"geoevents"}
    placed = [r for r in rows if r["kind"] in ("correct", "far")]
    assert placed
    for r in placed:
        assert r["pred"]["feature"] and r["pred"]["gazetteer_id"]
        assert r["text"] == r["gold"]["text"]
        assert r["km"] is not None
