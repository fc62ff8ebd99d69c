"""Geoparsing metrics: known answers by hand, and parity with the project's reference scorer."""

from __future__ import annotations

import importlib.util
import json
import math
import random
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from geopy.distance import great_circle

from geoevents.evaluation import (
    UNPLACED_KM,
    Document,
    Toponym,
    haversine_km,
    match_spans,
    outcomes,
    parse_documents,
    parse_predictions,
    read_gold,
    read_predictions,
    score,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "evaluation"
GOLD = FIXTURES / "gold_small.jsonl"
PRED = FIXTURES / "pred_small.jsonl"


def _reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "score_geoparse_reference", FIXTURES / "score_geoparse_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REF = _reference()


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return float(great_circle(a, b, radius=6371.0).km)


def _same(ours: dict, ref: dict) -> None:
    assert ref.keys() <= ours.keys()
    for key, expected in ref.items():
        got = ours[key]
        if isinstance(expected, float) and math.isnan(expected):
            assert math.isnan(got), key
        else:
            assert got == pytest.approx(expected, rel=1e-12, abs=1e-9), key


def test_known_answers_on_hand_made_files() -> None:
    gold = read_gold(GOLD)
    s = score(gold, read_predictions(PRED, gold))
    # gold: Paris, London, Tokyo, Kyiv, Lyon; predicted: Paris (exact, same point),
    # "London are" (overlaps London, placed at London, Ontario), "far" (spurious), Lyon (unplaced);
    # news/2 is absent from the predictions and so predicts nothing.
    london = _km((51.5074, -0.1278), (42.9849, -81.2453))
    errors = sorted([0.0, london, UNPLACED_KM])
    assert (s.docs, s.gold, s.pred, s.matched, s.within) == (4, 5, 4, 3, 1)
    assert s.precision == pytest.approx(3 / 4)
    assert s.recall == pytest.approx(3 / 5)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert s.acc161 == pytest.approx(1 / 3)
    assert s.e2e161 == pytest.approx(1 / 5)
    assert s.mean_km == pytest.approx(sum(errors) / 3, rel=1e-9)
    assert s.median_km == pytest.approx(london, rel=1e-9)
    auc = sum(math.log(e + 1) for e in errors) / (3 * math.log(UNPLACED_KM))
    assert s.auc == pytest.approx(auc, rel=1e-9)
    assert 5000 < london < 6500


def test_hand_made_files_agree_with_reference_scorer() -> None:
    gold = read_gold(GOLD)
    ours = score(gold, read_predictions(PRED, gold)).as_dict()
    _same(ours, REF.score(REF.load(str(GOLD)), REF.load(str(PRED))))


def test_perfect_prediction_scores_one() -> None:
    gold = read_gold(GOLD)
    s = score(gold, gold)
    assert (s.precision, s.recall, s.f1, s.acc161, s.e2e161) == (1.0, 1.0, 1.0, 1.0, 1.0)
    assert s.mean_km == 0.0 and s.median_km == 0.0 and s.auc == 0.0


def test_no_prediction_scores_zero_and_nan_errors() -> None:
    gold = read_gold(GOLD)
    s = score(gold, {})
    assert (s.pred, s.matched, s.precision, s.recall, s.f1, s.e2e161) == (0, 0, 0.0, 0.0, 0.0, 0.0)
    assert math.isnan(s.mean_km) and math.isnan(s.median_km) and math.isnan(s.auc)
    assert s.as_dict(json_safe=True)["meanKm"] is None
    json.dumps(s.as_dict(json_safe=True), allow_nan=False)


def test_exact_span_wins_over_an_earlier_overlap() -> None:
    gold = [Toponym(0, 10, 1.0, 1.0)]
    pred = [Toponym(0, 5, 1.0, 1.0), Toponym(0, 10, 1.0, 1.0)]
    assert match_spans(gold, pred) == [(0, 1)]


def test_each_prediction_matches_one_gold_greedily_in_gold_order() -> None:
    gold = [Toponym(0, 5, 0.0, 0.0), Toponym(3, 8, 0.0, 0.0)]
    pred = [Toponym(3, 8, 0.0, 0.0)]
    # the first gold toponym takes the overlapping prediction, as the reference does
    assert match_spans(gold, pred) == [(0, 0)]
    assert match_spans(gold, pred + [Toponym(4, 6, 0.0, 0.0)]) == [(0, 0), (1, 1)]


def test_touching_spans_do_not_overlap() -> None:
    assert match_spans([Toponym(0, 5, 0.0, 0.0)], [Toponym(5, 9, 0.0, 0.0)]) == []


def test_161_km_boundary_is_inclusive() -> None:
    # a point due north of the gold one by 161 km (a meridian arc on the 6371 km sphere) counts
    dlat = math.degrees(160.999 / 6371.0)
    gold = {"d": Document("d", (Toponym(0, 4, 10.0, 20.0),))}
    near = {"d": Document("d", (Toponym(0, 4, 10.0 + dlat, 20.0),))}
    far = {"d": Document("d", (Toponym(0, 4, 10.0 + dlat * 1.01, 20.0),))}
    assert score(gold, near).e2e161 == 1.0
    assert score(gold, far).e2e161 == 0.0


def test_haversine_matches_geopy_great_circle() -> None:
    pairs = [((48.8566, 2.3522), (35.6762, 139.6503)), ((-33.87, 151.21), (51.5, -0.13)),
             ((0.0, 0.0), (0.0, 180.0)), ((89.9, 0.0), (-89.9, 0.0))]
    for a, b in pairs:
        assert float(haversine_km(*a, *b)) == pytest.approx(_km(a, b), rel=1e-9)


def _random_corpus(rng: random.Random, n_docs: int) -> tuple[list[dict], list[dict]]:
    gold_docs, pred_docs = [], []
    for d in range(n_docs):
        text = "x" * rng.randint(50, 400)
        gold_t: list[dict[str, Any]] = []
        pred_t: list[dict[str, Any]] = []
        for _ in range(rng.randint(0, 12)):
            start = rng.randrange(0, len(text) - 12)
            end = start + rng.randint(1, 11)
            lat, lon = rng.uniform(-89, 89), rng.uniform(-180, 180)
            gold_t.append({"start": start, "end": end, "lat": lat, "lon": lon})
            roll = rng.random()
            if roll < 0.35:  # exact span, placed near or far
                step = rng.choice([0.0, 0.5, 1.4, 1.5, 20.0])
                pred_t.append({"start": start, "end": end, "lat": max(-90, min(90, lat + step)),
                               "lon": lon})
            elif roll < 0.55:  # overlapping span
                pred_t.append({"start": max(0, start - rng.randint(0, 3)), "end": end + rng.randint(1, 3),
                               "lat": lat, "lon": lon + rng.uniform(-3, 3)})
            elif roll < 0.65:  # found but unplaced
                pred_t.append({"start": start, "end": end, "lat": None, "lon": None})
        for _ in range(rng.randint(0, 4)):  # spurious, possibly overlapping something
            start = rng.randrange(0, len(text) - 12)
            pred_t.append({"start": start, "end": start + rng.randint(1, 11),
                           "lat": rng.uniform(-89, 89), "lon": rng.uniform(-180, 180)})
        rng.shuffle(pred_t)
        gold_docs.append({"id": f"doc/{d}", "text": text, "toponyms": gold_t})
        if rng.random() < 0.9:  # some documents are missing from the prediction
            pred_docs.append({"id": f"doc/{d}", "toponyms": pred_t})
    return gold_docs, pred_docs


@pytest.mark.parametrize("seed", range(8))
def test_random_corpora_agree_with_reference_scorer(tmp_path: Path, seed: int) -> None:
    gold_docs, pred_docs = _random_corpus(random.Random(seed), 60)
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_path.write_text("".join(json.dumps(d) + "\n" for d in gold_docs), encoding="utf-8")
    pred_path.write_text("".join(json.dumps(d) + "\n" for d in pred_docs), encoding="utf-8")
    gold = read_gold(gold_path)
    ours = score(gold, read_predictions(pred_path, gold))
    ref = REF.score(REF.load(str(gold_path)), REF.load(str(pred_path)))
    _same(ours.as_dict(), ref)
    assert 0 < ours.matched < ours.gold  # the corpus exercises both hits and misses


def test_outcomes_of_hand_made_files() -> None:
    gold = read_gold(GOLD)
    found = [(o.doc_id, o.kind, o.gold.text if o.gold else o.pred.text if o.pred else "")
             for o in outcomes(gold, read_predictions(PRED, gold))]
    assert found == [
        ("news/1", "correct", "Paris"), ("news/1", "far", "London"), ("news/1", "missed", "Tokyo"),
        ("news/1", "spurious", "far"), ("news/2", "missed", "Kyiv"), ("news/3", "unplaced", "Lyon"),
    ]


@pytest.mark.parametrize("seed", range(4))
def test_outcome_counts_add_up_to_the_scores(seed: int) -> None:
    gold_docs, pred_docs = _random_corpus(random.Random(100 + seed), 40)
    gold = parse_documents(enumerate(gold_docs, 1), "gold", role="gold")
    pred = parse_predictions(enumerate(pred_docs, 1), gold, "pred")
    s = score(gold, pred)
    kinds = Counter(o.kind for o in outcomes(gold, pred))
    assert kinds["correct"] == s.within
    assert kinds["correct"] + kinds["far"] + kinds["unplaced"] == s.matched
    assert kinds["missed"] == s.gold - s.matched
    assert kinds["spurious"] == s.pred - s.matched
