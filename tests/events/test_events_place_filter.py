"""The learned place filter: it only removes, it is switchable, and its recipe learns."""

from __future__ import annotations

import json
from pathlib import Path

from geoevents.events import extract_events
from geoevents.events._learned import LinearScorer
from geoevents.events._place_filter import THRESHOLD, drop_unlikely_places, place_model
from geoevents.events.train import HELD_OUT, fit, place_rows
from geoevents.model import Article
from geoevents.text import split_sentences


def test_the_shipped_model_was_trained_without_the_held_out_passages():
    data = json.loads((Path(__file__).resolve().parents[2] / "geoevents" / "events" / "place_model.json").read_text())
    assert set(data["trained_on"]["held_out"]) == set(HELD_OUT)
    assert len(place_model().weights) > 100 and 0 < THRESHOLD < 0.5


def test_the_filter_only_removes_events_and_keeps_their_order(corpus, extract_passage):
    passages, places = corpus
    dropped = kept = 0
    for passage in passages[::5]:
        everything = extract_passage(passage, places, learned_places=False)
        filtered = extract_passage(passage, places)
        assert [e for e in everything if e in filtered] == list(filtered)
        dropped += len(everything) - len(filtered)
        kept += len(filtered)
    assert 0 < dropped < kept / 5


def test_a_model_that_accepts_everything_drops_nothing(corpus):
    passages, places = corpus
    passage = next(p for p in passages if p.id.startswith("en-"))
    sentences = split_sentences(passage.text)
    found = places(passage.text, sentences)
    article = Article(passage.text, id=passage.id, date=passage.date, lang=passage.lang)
    events = extract_events(article, sentences, found, lang="en", learned_places=False)
    accepting = LinearScorer({}, bias=10.0)
    assert drop_unlikely_places(events, sentences, found, "en", model=accepting) == events
    rejecting = LinearScorer({}, bias=-10.0)  # a second opinion, not a veto: the likeliest places stay
    assert drop_unlikely_places(events, sentences, found, "en", model=rejecting) == events
    kinds = {e.place.feature for e in events if e.place is not None}
    for kind in kinds:  # rejecting one kind of place removes exactly those events, if others remain
        picky = LinearScorer({f"feat={kind}": -20.0}, bias=10.0)
        left = drop_unlikely_places(events, sentences, found, "en", model=picky)
        others = [e for e in events if e.place is None or e.place.feature != kind]
        assert list(left) == (others or list(events))


def test_training_recipe_ranks_event_places_above_other_places(corpus):
    passages, places = corpus
    train = [p for p in passages if p.split == "dev"][:150]
    test = place_rows([p for p in passages if p.split == "holdout2"], places)
    model = fit(place_rows(train, places), 0.3, balanced=True)
    positive = [model.probability(r.features) for r in test if r.label]
    negative = [model.probability(r.features) for r in test if not r.label]
    assert len(positive) > 30 and len(negative) > 30
    assert sum(positive) / len(positive) > sum(negative) / len(negative) + 0.2


def test_training_on_a_missing_or_binary_corpus_is_a_one_line_error(tmp_path, capsys):
    from geoevents.events.train import main

    assert main(["--corpus", str(tmp_path / "missing.jsonl")]) == 1
    binary = tmp_path / "corpus.jsonl"
    binary.write_bytes(b"\xff\xfe\x00binary")
    assert main(["--corpus", str(binary)]) == 1
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 2 and all(e.startswith("error: ") and "Traceback" not in e for e in errors)
