"""Train the actor scorer (``actor_model.json``) on the annotated event corpus.

Each passage goes through the rules with places given (the corpus's place list, as the
scorer in :mod:`geoevents.events.scoring` does) and the rules' actors kept
(``extract_events(..., learned_actors=False)``). Every predicted event matched to a gold
event (same place and role, as the scorer matches) is an example when its gold actor is
among its candidates (nobody, the actors the passage names, the rules' choice): each candidate
is a row labelled 1 when it is the gold actor. Held-out splits (``holdout3``-``holdout5``) are
never used. ``C`` is chosen by 5-fold passage cross-validation (share of events whose best
candidate is the gold one); the shipped model is then fitted on every training passage. Run::

    python -m geoevents.events.train_actor [--corpus PATH] [--places PATH] [--write]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .._io import atomic_write
from ..model import Article
from ._actor_choice import ActorModel, candidate_features, candidates
from .actors import ActorMention, find_actors
from .extract import extract_events
from .scoring import LexiconPlaces, Passage, event_record, load_corpus, match_events

__all__ = ["HELD_OUT", "Row", "rows", "fit", "main"]

HELD_OUT = frozenset({"holdout3", "holdout4", "holdout5"})
C_GRID = (0.03, 0.1, 0.3, 1.0)
FOLDS = 5
FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "events"
OUT = Path(__file__).with_name("actor_model.json")


@dataclass(frozen=True, slots=True)
class Row:
    """One candidate actor of one event."""

    passage: int
    event: tuple[str, int]
    actor: str | None
    features: dict[str, float]
    label: int


def rows(passages: Sequence[Passage], places: LexiconPlaces) -> list[Row]:
    """Candidate rows of every matched event whose gold actor is a candidate."""
    from ..text import split_sentences

    out: list[Row] = []
    for number, passage in enumerate(passages):
        sentences = split_sentences(passage.text)
        article = Article(passage.text, id=passage.id, date=passage.date, lang=passage.lang)
        events = [
            e for e in extract_events(
                article, sentences, places(passage.text, sentences), lang=passage.lang, learned_actors=False
            )
            if e.place is not None
        ]
        by_actor: dict[str, list[ActorMention]] = {}
        for mention in find_actors(passage.text):
            by_actor.setdefault(mention.actor, []).append(mention)
        gold_of = match_events(passage.events, [event_record(e) for e in events])
        for index, event in enumerate(events):
            gold = gold_of.get(index)
            if gold is None:
                continue
            options = candidates(event, by_actor)
            labels = [int(_same_actor(a, gold.get("actor"))) for a in options]
            if not any(labels):
                continue
            for actor, label in zip(options, labels, strict=True):
                mentions = by_actor.get(actor, []) if actor else []
                features = candidate_features(passage.text, sentences, event, actor, mentions)
                out.append(Row(number, (passage.id, index), actor, features, label))
    return out


def _same_actor(candidate: str | None, gold: object) -> bool:
    if candidate is None or gold is None:
        return candidate is None and gold is None
    return candidate.casefold() == str(gold).casefold()


def _accuracy(model: ActorModel, data: Sequence[Row]) -> float:
    by_event: dict[tuple[str, int], list[Row]] = {}
    for row in data:
        by_event.setdefault(row.event, []).append(row)
    right = sum(max(group, key=lambda r: model.score(r.features)).label for group in by_event.values())
    return right / len(by_event) if by_event else 0.0


def fit(data: Sequence[Row], c: float) -> ActorModel:
    """A logistic regression on the candidate rows, as sparse named weights."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([r.features for r in data])
    regression = LogisticRegression(C=c, max_iter=5000).fit(matrix, [r.label for r in data])
    weights = {
        name: round(float(w), 6)
        for name, w in zip(vectorizer.get_feature_names_out(), regression.coef_[0], strict=True)
        if abs(w) > 1e-9
    }
    return ActorModel(weights, round(float(regression.intercept_[0]), 6))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(FIXTURES / "corpus.jsonl"))
    parser.add_argument("--places", default=str(FIXTURES / "places.tsv"))
    parser.add_argument("--write", action="store_true", help=f"write {OUT.name}")
    args = parser.parse_args(argv)

    from sklearn.model_selection import GroupKFold

    passages = [p for p in load_corpus(args.corpus) if p.split not in HELD_OUT]
    data = rows(passages, LexiconPlaces(args.places))
    groups = [r.passage for r in data]
    print(f"{len(passages)} passages, {len({r.event for r in data})} events, {len(data)} candidate rows")
    best: tuple[float, float] | None = None
    for c in C_GRID:
        scores = []
        for train, test in GroupKFold(FOLDS).split(data, groups=groups):
            model = fit([data[i] for i in train], c)
            scores.append(_accuracy(model, [data[i] for i in test]))
        mean = sum(scores) / len(scores)
        print(f"C={c}: cross-validated event accuracy {mean:.3f}")
        if best is None or mean > best[0]:
            best = (mean, c)
    assert best is not None
    model = fit(data, best[1])
    print(f"chosen C={best[1]}; {len(model.weights)} weights")
    if args.write:
        corpus_hash = hashlib.sha256(Path(args.corpus).read_bytes()).hexdigest()[:16]
        payload = {
            "trained_on": {"passages": len(passages), "events": len({r.event for r in data}),
                           "corpus_sha256": corpus_hash, "held_out": sorted(HELD_OUT),
                           "C": best[1], "cv_event_accuracy": round(best[0], 4)},
            "model": model.as_dict(),
        }
        with atomic_write(OUT) as out:
            out.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
