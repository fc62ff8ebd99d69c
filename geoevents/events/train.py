"""Train the learned steps of event extraction on the annotated event corpus.

Two linear scorers, each a logistic regression on sparse named features, written beside the
code as JSON (:mod:`._learned`). Held-out splits (``holdout3``-``holdout5``) are never used;
``C`` is chosen by 5-fold passage cross-validation; the shipped model is then fitted on every
training passage. Run::

    python -m geoevents.events.train [--corpus PATH] [--places PATH] [--only actor|place] [--write]

**Actor scorer** (``actor_model.json``, :mod:`._actor_choice`). Each passage goes through the
rules with places given (the corpus's place list, as :mod:`geoevents.events.scoring` does) and
the learned steps off (``extract_events(..., learned_actors=False, learned_places=False)``). Every predicted event matched to a gold
event (same place and role, as the scorer matches) is an example when its gold actor is
among its candidates (nobody, the actors the passage names, the rules' choice): each candidate
is a row labelled 1 when it is the gold actor. ``C`` maximises the share of events whose best
candidate is the gold one.

**Place scorer** (``place_model.json``, :mod:`._place_filter`). Every place mention of the
corpus's place list is a row, labelled 1 when an annotated event happened at that name (the
scorer's place match); classes are balanced; ``C`` minimises cross-validated log loss.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .._io import atomic_write
from ..errors import InputError
from ..model import Article, Place, Sentence
from ._actor_choice import candidate_features, candidates
from ._learned import LinearScorer
from ._place_filter import place_features
from .actors import ActorMention, find_actors
from .extract import extract_events
from .scoring import LexiconPlaces, Passage, event_record, load_corpus, match_events, names_match

__all__ = ["HELD_OUT", "Row", "actor_rows", "place_rows", "fit", "main"]

HELD_OUT = frozenset({"holdout3", "holdout4", "holdout5"})
FOLDS = 5
FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "events"
HERE = Path(__file__).parent


@dataclass(frozen=True, slots=True)
class Row:
    """One example: an actor candidate of an event, or a place mention."""

    passage: int
    group: tuple[str, int]  # the event (actor rows) or the mention (place rows)
    features: dict[str, float]
    label: int
    actor: str | None = None


def _prepared(passage: Passage, places: LexiconPlaces) -> tuple[list[Sentence], list[Place]]:
    from ..text import split_sentences

    sentences = list(split_sentences(passage.text))
    return sentences, places(passage.text, sentences)


def actor_rows(passages: Sequence[Passage], places: LexiconPlaces) -> list[Row]:
    """Candidate rows of every matched event whose gold actor is a candidate."""
    out: list[Row] = []
    for number, passage in enumerate(passages):
        sentences, found = _prepared(passage, places)
        article = Article(passage.text, id=passage.id, date=passage.date, lang=passage.lang)
        events = [
            e for e in extract_events(
                article, sentences, found, lang=passage.lang, learned_actors=False, learned_places=False
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
                out.append(Row(number, (passage.id, index), features, label, actor))
    return out


def place_rows(passages: Sequence[Passage], places: LexiconPlaces) -> list[Row]:
    """One row per place mention, labelled 1 when an annotated event happened at its name."""
    out: list[Row] = []
    for number, passage in enumerate(passages):
        sentences, found = _prepared(passage, places)
        gold = {str(e["place"]) for e in passage.events}
        cues: dict = {}
        for index, place in enumerate(found):
            label = int(any(names_match(g, place.mention.text) for g in gold))
            out.append(Row(number, (passage.id, index), place_features(sentences, found, place, passage.lang, cues), label))
    return out


def _same_actor(candidate: str | None, gold: object) -> bool:
    if candidate is None or gold is None:
        return candidate is None and gold is None
    return candidate.casefold() == str(gold).casefold()


def fit(data: Sequence[Row], c: float, *, balanced: bool = False) -> LinearScorer:
    """A logistic regression on the rows, as sparse named weights."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([r.features for r in data])
    regression = LogisticRegression(
        C=c, max_iter=5000, class_weight="balanced" if balanced else None
    ).fit(matrix, [r.label for r in data])
    weights = {
        name: round(float(w), 6)
        for name, w in zip(vectorizer.get_feature_names_out(), regression.coef_[0], strict=True)
        if abs(w) > 1e-9
    }
    return LinearScorer(weights, round(float(regression.intercept_[0]), 6))


def choice_accuracy(model: LinearScorer, data: Sequence[Row]) -> float:
    """Share of groups (events) whose best-scoring row is labelled 1."""
    groups: dict[tuple[str, int], list[Row]] = {}
    for row in data:
        groups.setdefault(row.group, []).append(row)
    right = sum(max(rows, key=lambda r: model.score(r.features)).label for rows in groups.values())
    return right / len(groups) if groups else 0.0


def log_loss(model: LinearScorer, data: Sequence[Row]) -> float:
    """Mean negative log likelihood of the labels (lower is better)."""
    total = 0.0
    for row in data:
        p = min(max(model.probability(row.features), 1e-12), 1 - 1e-12)
        total -= math.log(p if row.label else 1 - p)
    return total / len(data) if data else 0.0


def _select(
    data: Sequence[Row], grid: Sequence[float], measure: Callable[[LinearScorer, Sequence[Row]], float],
    *, higher_is_better: bool, balanced: bool,
) -> tuple[float, float]:
    from sklearn.model_selection import GroupKFold

    groups = [r.passage for r in data]
    best: tuple[float, float] | None = None
    for c in grid:
        scores = [
            measure(fit([data[i] for i in train], c, balanced=balanced), [data[i] for i in test])
            for train, test in GroupKFold(FOLDS).split(data, groups=groups)
        ]
        mean = sum(scores) / len(scores)
        print(f"  C={c}: cross-validated {measure.__name__.replace('_', ' ')} {mean:.4f}")
        if best is None or (mean > best[0] if higher_is_better else mean < best[0]):
            best = (mean, c)
    assert best is not None
    return best


def _write(name: str, model: LinearScorer, info: dict[str, object]) -> None:
    with atomic_write(HERE / name) as out:
        out.write(json.dumps({"trained_on": info, "model": model.as_dict()}, ensure_ascii=False, indent=1) + "\n")
    print(f"wrote {HERE / name}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(FIXTURES / "corpus.jsonl"))
    parser.add_argument("--places", default=str(FIXTURES / "places.tsv"))
    parser.add_argument("--only", choices=("actor", "place"))
    parser.add_argument("--write", action="store_true", help="write actor_model.json / place_model.json")
    args = parser.parse_args(argv)

    try:
        passages = [p for p in load_corpus(args.corpus) if p.split not in HELD_OUT]
        places = LexiconPlaces(args.places)
    except (InputError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    info: dict[str, object] = {
        "passages": len(passages),
        "corpus_sha256": hashlib.sha256(Path(args.corpus).read_bytes()).hexdigest()[:16],
        "held_out": sorted(HELD_OUT),
    }
    if args.only in (None, "actor"):
        data = actor_rows(passages, places)
        print(f"actor scorer: {len({r.group for r in data})} events, {len(data)} candidate rows")
        score, c = _select(data, (0.03, 0.1, 0.3, 1.0), choice_accuracy, higher_is_better=True, balanced=False)
        model = fit(data, c)
        print(f"  chosen C={c}; {len(model.weights)} weights")
        if args.write:
            _write("actor_model.json", model, {**info, "C": c, "cv_event_accuracy": round(score, 4)})
    if args.only in (None, "place"):
        data = place_rows(passages, places)
        print(f"place scorer: {len(data)} place mentions, {sum(r.label for r in data)} event places")
        score, c = _select(data, (0.1, 0.3, 1.0), log_loss, higher_is_better=False, balanced=True)
        model = fit(data, c, balanced=True)
        print(f"  chosen C={c}; {len(model.weights)} weights")
        if args.write:
            _write("place_model.json", model, {**info, "C": c, "cv_log_loss": round(score, 4)})
    return 0


if __name__ == "__main__":
    sys.exit(main())
