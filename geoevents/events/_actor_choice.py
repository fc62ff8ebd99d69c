"""The actor of each event, chosen among the actors the article names by a learned scorer.

The rules (:mod:`._attribution`) propose an actor for each event. A logistic regression
trained on the annotated corpus (``actor_model.json``; ``python -m geoevents.events.train``)
then scores every candidate: each actor the article names, the rules' choice, and nobody. Its
features say where the candidate is named relative to the event (sentences away, before or
after the trigger and how far, before or after the place), the words around that mention
("par", "by", "claimed", "forces"), whether it is a state or an armed group, whether it is the
state the event happened in, and whether the rules chose it. The best-scoring candidate
becomes the actor, with its mention as evidence.

Why a learned step on top of the rules: on passages written blind (never read while the rules
were written), the rules alone name the right actor far less often than on the passages they
were tuned on; the scorer, trained on passages the rules had not seen, recovers part of that
(see benchmarks/results/events.md). Scoring is a sparse dot product in pure Python.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..model import Event, Evidence, Sentence
from ._context import trigger_span
from ._learned import LinearScorer, load_scorer
from .actors import STATE_COUNTRY, ActorMention, find_actors

__all__ = ["actor_model", "candidate_features", "choose_actors", "candidates"]

_WORD = re.compile(r"\w+")
_DEMONYM_ENDINGS = (
    "ian", "ien", "ienne", "ais", "aise", "i", "ese", "ish", "ain", "aine", "iens", "iennes", "es",
)


def actor_model() -> LinearScorer:
    """The shipped actor scorer (``actor_model.json`` beside this module)."""
    return load_scorer("actor_model.json")


def candidates(event: Event, mentions: Mapping[str, Sequence[ActorMention]]) -> list[str | None]:
    """Nobody, every actor named in the article, and the rules' choice (in a stable order)."""
    return [None, *sorted(set(mentions) | ({event.actor} if event.actor else set()))]


def _position(event: Event, sentences: Sequence[Sentence]) -> tuple[int, int]:
    """The event's sentence index and the offset its mentions are measured from (the trigger)."""
    index = next((i for i, s in enumerate(sentences) if s.start == event.sentence.start), 0)
    trigger = trigger_span(event)
    if trigger is not None:
        return index, trigger[0]
    return index, event.place.mention.start if event.place else event.sentence.start


def _nearest(
    mentions: Sequence[ActorMention], sentences: Sequence[Sentence], index: int, anchor: int
) -> tuple[ActorMention, int]:
    """The mention closest to the event: its own sentence first, then the ones before."""
    starts = [s.start for s in sentences]  # in order, not overlapping
    best: tuple[tuple[float, int], ActorMention, int] | None = None
    for mention in mentions:
        distance = max(0, bisect.bisect_right(starts, mention.start) - 1) - index
        key = (float(-distance) if distance <= 0 else distance + 0.5, abs(mention.start - anchor))
        if best is None or key < best[0]:
            best = (key, mention, distance)
    assert best is not None
    return best[1], best[2]


def candidate_features(
    text: str,
    sentences: Sequence[Sentence],
    event: Event,
    actor: str | None,
    mentions: Sequence[ActorMention],
) -> dict[str, float]:
    """The features of ``actor`` (None: nobody) as the actor of ``event``.

    ``mentions`` are the article's mentions of that actor (offsets into ``text``).
    """
    index, anchor = _position(event, sentences)
    sub, role = event.sub_event_type, event.role.value
    rules_chose = actor == event.actor
    features: dict[str, float] = {f"sub={sub}": 1, f"role={role}": 1}
    if actor is None:
        features.update({"NONE": 1, f"NONE_sub={sub}": 1, f"NONE_role={role}": 1})
        if rules_chose:
            features["RULE_PICK"] = 1
        return features
    kind = "state" if actor in STATE_COUNTRY else "group"
    features.update({f"kind={kind}": 1, f"kind_sub={kind}_{sub}": 1, f"kind_role={kind}_{role}": 1})
    if event.place is not None and kind == "state" and STATE_COUNTRY.get(actor) == event.place.country:
        features.update({"is_place_country": 1, f"is_place_country_sub={sub}": 1})
    if rules_chose:
        features["RULE_PICK"] = 1
    if not mentions:  # the rules' actor, not named ("the state it fights in")
        features["unmentioned"] = 1
        return features
    mention, distance = _nearest(mentions, sentences, index, anchor)
    features[f"sdist={max(min(distance, 2), -3)}"] = 1
    side = ""
    if distance == 0:
        side = "B" if mention.end <= anchor else "A"
        features[f"side={side}"] = 1
        features[f"cdist_{side}={min(abs(mention.start - anchor) // 20, 5)}"] = 1
        if event.place is not None:
            features["before_place" if mention.start < event.place.mention.start else "after_place"] = 1
    left = [w.lower() for w in _WORD.findall(text[max(0, mention.start - 40):mention.start])][-3:]
    right = [w.lower() for w in _WORD.findall(text[mention.end:mention.end + 40])][:3]
    for i, word in enumerate(reversed(left)):
        features[f"L{i}={word}"] = 1
    for i, word in enumerate(right):
        features[f"R{i}={word}"] = 1
    if left:
        features[f"L0_sub={left[-1]}_{sub[:12]}"] = 1
    if mention.text[:1].islower() or mention.text.lower().endswith(_DEMONYM_ENDINGS):
        features["demonym"] = 1
        features[f"demonym_side={'B' if side == 'B' else 'A'}"] = 1
    features["n_mentions"] = min(len(mentions), 4)
    return features


def choose_actors(
    events: Sequence[Event], text: str, sentences: Sequence[Sentence], *, model: LinearScorer | None = None
) -> tuple[Event, ...]:
    """``events`` with each actor replaced by the best-scoring candidate.

    >>> from geoevents.model import Event, Evidence, Role, Sentence
    >>> text = "Le Hamas a tiré des roquettes sur Sdérot."
    >>> event = Event("Explosions/Remote violence", "Shelling/artillery/missile attack", None,
    ...               Role.TARGET, Sentence(0, len(text), text), actor="Hamas",
    ...               evidence=(Evidence("event_type", 11, 15, "tiré"),))
    >>> [a for a in candidates(event, {"Hamas": find_actors(text)})]
    [None, 'Hamas']
    >>> choose_actors([event], text, [event.sentence])[0].actor
    'Hamas'
    """
    model = model or actor_model()
    by_actor: dict[str, list[ActorMention]] = {}
    for mention in find_actors(text):
        by_actor.setdefault(mention.actor, []).append(mention)
    out = []
    for event in events:
        options = candidates(event, by_actor)
        scores = [
            model.score(candidate_features(text, sentences, event, a, by_actor.get(a, ()) if a else ()))
            for a in options
        ]
        chosen = options[max(range(len(options)), key=scores.__getitem__)]
        out.append(event if chosen == event.actor else _with_actor(event, chosen, by_actor, sentences))
    return tuple(out)


def _with_actor(
    event: Event, actor: str | None, by_actor: Mapping[str, Sequence[ActorMention]], sentences: Sequence[Sentence]
) -> Event:
    evidence = [v for v in event.evidence if v.field != "actor"]
    if actor is not None and by_actor.get(actor):
        mention, _ = _nearest(by_actor[actor], sentences, *_position(event, sentences))
        evidence.append(Evidence("actor", mention.start, mention.end, mention.text))
    return replace(event, actor=actor, evidence=tuple(evidence))
