"""A learned second opinion on where events happened: drop events at places it rejects.

The rules (:mod:`._placing`) decide which places are event places. A logistic regression
trained on the annotated corpus (``place_model.json``; ``python -m geoevents.events.train``)
gives each place mention the probability that some annotated event happened there, from the
words around it, the gazetteer feature, the triggers and weapons of its sentence, the nearest
trigger (side, kind, distance), the sentence's position and its other places. Events whose
place gets less than :data:`THRESHOLD` at every mention of that name are dropped, except that
an article keeps the events at its likeliest place when all would go.

Measured on 240 blind passages the rules had not seen (dev9, benchmarks/results/events.md):
location precision 0.75 -> 0.79 for recall 0.705 -> 0.702. The filter only removes; places
the rules miss stay missed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Event, Place, Sentence
from ._learned import LinearScorer, load_scorer
from ._words import fold
from .triggers import Trigger, WeaponMention, find_triggers, find_weapons

__all__ = ["THRESHOLD", "place_model", "place_features", "place_probabilities", "drop_unlikely_places"]

THRESHOLD = 0.2
"""Chosen on the 240 dev8 passages (unseen by the rules), before dev9 confirmed it."""

_TOKEN = re.compile(r"\w+|[^\w\s]")


def place_model() -> LinearScorer:
    """The shipped place scorer (``place_model.json`` beside this module)."""
    return load_scorer("place_model.json")


def place_features(
    sentences: Sequence[Sentence],
    places: Sequence[Place],
    place: Place,
    lang: str,
    cues: dict[int, tuple[list[Trigger], list[WeaponMention]]],
) -> dict[str, float]:
    """The features of one place mention; ``cues`` caches each sentence's triggers and weapons."""
    index = place.mention.sentence
    sentence = sentences[index]
    text = sentence.text
    start, end = place.mention.start - sentence.start, place.mention.end - sentence.start
    left = [w.lower() for w in _TOKEN.findall(text[:start])][-4:]
    right = [w.lower() for w in _TOKEN.findall(text[end:])][:4]
    features: dict[str, float] = {f"lang={lang}": 1, f"feat={place.feature}": 1}
    for i, word in enumerate(reversed(left)):
        features[f"L{i}={word}"] = 1
        features[f"Lbag={word}"] = 1
    for i, word in enumerate(right):
        features[f"R{i}={word}"] = 1
        features[f"Rbag={word}"] = 1
    if len(left) >= 2:
        features[f"L01={left[-2]}_{left[-1]}"] = 1
    if index not in cues:
        weapons = find_weapons(text, lang)
        cues[index] = (find_triggers(text, lang, has_weapon=bool(weapons)), weapons)
    triggers, weapons = cues[index]
    features["ntrig"] = min(len(triggers), 3)
    features["nweap"] = min(len(weapons), 3)
    for trigger in triggers:
        features[f"kind={trigger.kind}"] = 1
    for weapon in weapons:
        features[f"weap={weapon.weapon}"] = 1
    if triggers:
        near = min(triggers, key=lambda t: min(abs(t.start - end), abs(t.end - start)))
        distance = min(abs(t.start - end) if t.start >= end else abs(start - t.end) for t in triggers)
        features[f"near={'R' if near.start >= end else 'L'}{near.kind}"] = 1
        features[f"dist={min(distance // 15, 6)}"] = 1
    else:
        features["notrig"] = 1
    features[f"sent={min(index, 4)}"] = 1
    same = [p for p in places if p.mention.sentence == index]
    features["nplaces"] = min(len(same), 5)
    if place.feature == "country" and any(p.country == place.country and p.feature != "country" for p in same):
        features["finer_same_country"] = 1
    return features


def place_probabilities(
    sentences: Sequence[Sentence], places: Sequence[Place], lang: str, *, model: LinearScorer | None = None
) -> dict[str, float]:
    """The best probability of each place name (folded) over its mentions."""
    model = model or place_model()
    cues: dict[int, tuple[list[Trigger], list[WeaponMention]]] = {}
    best: dict[str, float] = {}
    for place in places:
        probability = model.probability(place_features(sentences, places, place, lang, cues))
        name = fold(place.mention.text)
        best[name] = max(best.get(name, 0.0), probability)
    return best


def drop_unlikely_places(
    events: Sequence[Event],
    sentences: Sequence[Sentence],
    places: Sequence[Place],
    lang: str,
    *,
    model: LinearScorer | None = None,
    threshold: float = THRESHOLD,
) -> tuple[Event, ...]:
    """``events`` without those whose place the scorer rejects at every mention.

    >>> from geoevents.model import Event, Mention, Place, Role, Sentence
    >>> text = "Une frappe a visé Erbil, a déclaré un porte-parole à Paris."
    >>> sentence = Sentence(0, len(text), text)
    >>> def place(name, feature):
    ...     start = text.index(name)
    ...     return Place(Mention(start, start + len(name), name, name.lower(), 0), name, name, 0.0, 0.0, feature, "XX")
    >>> places = [place("Erbil", "city"), place("Paris", "country")]
    >>> events = [Event("Explosions/Remote violence", "Air/drone strike", p, Role.TARGET, sentence) for p in places]
    >>> wary_of_countries = LinearScorer({"feat=country": -10.0}, bias=2.0)
    >>> [e.place.name for e in drop_unlikely_places(events, [sentence], places, "fr", model=wary_of_countries)]
    ['Erbil']
    >>> [e.place.name for e in drop_unlikely_places(events[1:], [sentence], places, "fr", model=wary_of_countries)]
    ['Paris']
    """
    if not events:
        return ()
    probability = place_probabilities(sentences, places, lang, model=model)

    def score(event: Event) -> float:
        return 1.0 if event.place is None else probability.get(fold(event.place.mention.text), 1.0)

    kept = tuple(e for e in events if score(e) >= threshold)
    if not kept:  # a second opinion, not a veto: an article that reports events keeps its likeliest place
        best = max(score(e) for e in events)
        kept = tuple(e for e in events if score(e) == best)
    return kept
