"""The training recipe runs end to end on a small corpus and gives usable models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geoevents.pipeline import open_gazetteer
from geoevents.ranking import train
from geoevents.resolution import FEATURES, MENTION_FEATURES

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "resolution" / "news.gold.jsonl"


@pytest.fixture(scope="module")
def eval_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("eval")
    lines = [line for line in FIXTURE.read_text(encoding="utf-8").split("\n") if line.strip()]
    for corpus in train.CORPORA:
        with open(folder / f"{corpus}.gold.jsonl", "w", encoding="utf-8") as fh:
            for line in lines:
                doc = json.loads(line)
                doc["id"] = f"{corpus}/{doc['id']}"
                fh.write(json.dumps(doc) + "\n")
    return folder


def test_load_labels_candidates(eval_dir):
    gz = open_gazetteer(progress=False)
    examples = train.load(eval_dir, gz)
    assert len(examples) == 16
    labelled = [rows for ex in examples for g, rows in ex.candidates if g >= 0]
    assert labelled and all(len(v) == len(FEATURES) for rows in labelled for v, _ in rows)
    # Some mention has a right and a wrong candidate (Springfield): pairs exist.
    assert any({ok for _, ok in rows} == {True, False} for rows in labelled)
    ranker = train.fit_pairwise(examples, FEATURES)
    assert ranker.names == FEATURES and any(w != 0 for w in ranker.weights)


def test_cross_validation_scores_every_corpus(eval_dir):
    gz = open_gazetteer(progress=False)
    examples = train.load(eval_dir, gz)
    scores, rows = train.cross_validate(examples, gz)
    assert set(scores) == set(train.CORPORA)
    for s in scores.values():
        assert 0.5 <= s["E2E161"] <= 1.0
        assert 0.0 < s["P"] <= 1.0
    assert rows and all(len(v) == len(MENTION_FEATURES) for _, v, _ in rows)


def test_main_without_write_leaves_the_shipped_models(eval_dir, capsys):
    before = train.OUT.read_bytes()
    assert train.main(["--eval-dir", str(eval_dir), "--threshold", "0.45"]) == 0
    assert train.OUT.read_bytes() == before
    printed = capsys.readouterr().out
    assert "CV ranker only" in printed and "CV t=0.45" in printed
