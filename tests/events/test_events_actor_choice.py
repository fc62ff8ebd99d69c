"""The learned actor scorer: what it may choose, the switch, and the training recipe."""

from __future__ import annotations

import json
from pathlib import Path

from geoevents.events import extract_events
from geoevents.events._actor_choice import actor_model, choose_actors
from geoevents.events._learned import LinearScorer
from geoevents.events.actors import find_actors
from geoevents.events.train import HELD_OUT, actor_rows, choice_accuracy, fit
from geoevents.model import Article
from geoevents.text import split_sentences


def test_the_shipped_model_was_trained_without_the_held_out_passages():
    data = json.loads((Path(__file__).resolve().parents[2] / "geoevents" / "events" / "actor_model.json").read_text())
    assert set(data["trained_on"]["held_out"]) == set(HELD_OUT)
    model = actor_model()
    assert len(model.weights) > 100
    assert model.weights["RULE_PICK"] > 0  # the rules' choice is evidence, not the answer


def test_chosen_actors_are_nobody_the_rules_choice_or_named_in_the_text(corpus, extract_passage):
    passages, places = corpus
    changed = 0
    for passage in passages[::7]:
        rules = extract_passage(passage, places, learned_actors=False, learned_places=False)
        learned = extract_passage(passage, places, learned_places=False)
        assert [(e.place, e.sub_event_type, e.date) for e in rules] == [
            (e.place, e.sub_event_type, e.date) for e in learned
        ]
        named = {m.actor for m in find_actors(passage.text)}
        for before, after in zip(rules, learned, strict=True):
            assert after.actor is None or after.actor == before.actor or after.actor in named
            if after.actor != before.actor:
                changed += 1
                proofs = [v for v in after.evidence if v.field == "actor"]
                if after.actor is None:
                    assert not proofs
                else:  # the evidence is a mention of the new actor
                    (proof,) = proofs
                    assert passage.text[proof.start:proof.end] == proof.text
                    assert any(m.actor == after.actor and m.text == proof.text for m in find_actors(passage.text))
    assert changed > 0


def test_learned_actors_can_be_switched_off(make_places):
    text = (
        "L'armée israélienne a lancé lundi une opération dans le camp de Jabalia. "
        "Des frappes de drones ont visé plusieurs bâtiments."
    )
    sentences = split_sentences(text)
    article = Article(text, id="t", date=None, lang="fr")
    places = make_places(text, sentences)
    rules = extract_events(article, sentences, places, lang="fr", learned_actors=False)
    learned = extract_events(article, sentences, places, lang="fr", learned_places=False)
    assert [e.actor for e in rules] == [None]
    assert [e.actor for e in learned] == ["Israel"]


def test_a_model_that_only_trusts_the_rules_changes_nothing(corpus, extract_passage):
    passages, places = corpus
    passage = next(p for p in passages if p.id.startswith("en-"))
    rules = extract_passage(passage, places, learned_actors=False, learned_places=False)
    sentences = split_sentences(passage.text)
    trusting = LinearScorer({"RULE_PICK": 10.0})
    assert choose_actors(rules, passage.text, sentences, model=trusting) == rules


def test_training_recipe_fits_a_model_that_beats_chance_on_unseen_passages(corpus):
    passages, places = corpus
    train = [p for p in passages if p.split == "dev"][:120]
    test = [p for p in passages if p.split == "holdout2"]
    model = fit(actor_rows(train, places), 1.0)
    again = LinearScorer.from_dict(json.loads(json.dumps(model.as_dict())))
    assert again == model
    test_rows = actor_rows(test, places)
    events = {}
    for row in test_rows:
        events.setdefault(row.group, []).append(row)
    chance = sum(1 / len(group) for group in events.values()) / len(events)
    assert len(events) > 50 and choice_accuracy(model, test_rows) > 2 * chance
