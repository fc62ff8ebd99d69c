"""Mentions -> places: choose one gazetteer entry per mention, or none.

Each candidate gets a score from features that the geoparsing literature found to matter:
the kind of place (a country name most often means the country), its population, how well
the name matched (primary name vs. alternate), the article's own geography (countries and
regions it names, "Paris, Texas" patterns), the words around the mention ("base", "aéroport")
and one sense per document (the same name means the same place throughout an article).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import Mention, Place

if TYPE_CHECKING:
    from gazetteer import Candidate, Entry, Gazetteer

__all__ = ["resolve", "ResolutionWeights"]


@dataclass(frozen=True, slots=True)
class ResolutionWeights:
    """Weights of the candidate score; see :func:`score_candidate`."""

    country: float = 6.0
    admin1: float = 3.5
    installation: float = 4.0
    population: float = 1.0  # per decade of inhabitants
    primary_name: float = 1.0
    in_article_country: float = 3.0
    in_article_admin1: float = 2.5
    qualifier: float = 8.0  # "Paris, Texas"
    military_context: float = 5.0
    min_score: float = 0.0


_INSTALLATION_FEATURES = frozenset({"airbase", "base", "installation", "airport"})
_MILITARY_CONTEXT = re.compile(
    r"\b(?:bases?|air\s*base|airbase|aéroport|airport|aérodrome|airfield|camp|garrison|"
    r"garnison|installation|caserne|barracks|piste|runway|قاعدة|مطار)\b",
    re.IGNORECASE,
)


def _entry_prior(entry: Entry, weights: ResolutionWeights) -> float:
    feature = entry.feature
    score = 0.0
    if feature == "country":
        score += weights.country
    elif feature == "admin1":
        score += weights.admin1
    elif feature in _INSTALLATION_FEATURES and entry.source != "geonames":
        score += weights.installation if feature != "airport" else weights.installation / 4
    if entry.population > 0:
        score += weights.population * math.log10(entry.population)
    return score


def _context_countries(
    mentions: Sequence[Mention], candidates: dict[str, list[Candidate]]
) -> tuple[Counter[str], Counter[str]]:
    """Countries and (country, admin1) pairs the article names unambiguously."""
    countries: Counter[str] = Counter()
    regions: Counter[str] = Counter()
    for mention in mentions:
        for candidate in candidates.get(mention.key, ()):
            entry = candidate.entry
            if entry.feature == "country":
                countries[entry.country] += 1
                break
            if entry.feature == "admin1":
                regions[f"{entry.country}.{entry.admin1}"] += 1
                countries[entry.country] += 0  # known, but weaker than a country name
                break
    return countries, regions


def score_candidate(
    candidate: Candidate,
    *,
    mention: Mention,
    text: str,
    countries: Counter[str],
    regions: Counter[str],
    qualifier: Entry | None,
    weights: ResolutionWeights,
) -> float:
    entry = candidate.entry
    score = _entry_prior(entry, weights)
    if candidate.kind in ("primary", "curated", "ascii"):
        score += weights.primary_name
    if entry.feature != "country" and countries.get(entry.country):
        score += weights.in_article_country
    if entry.admin1 and regions.get(f"{entry.country}.{entry.admin1}"):
        score += weights.in_article_admin1
    if qualifier is not None and entry.id != qualifier.id:
        if entry.country == qualifier.country and (
            qualifier.feature == "country" or entry.admin1 == qualifier.admin1
        ):
            score += weights.qualifier
    if entry.feature in _INSTALLATION_FEATURES:
        window = text[max(0, mention.start - 40) : mention.end + 40]
        if _MILITARY_CONTEXT.search(window):
            score += weights.military_context
    return score


_QUALIFIER_GAP = re.compile(r"^\s*,\s*$")


def resolve(
    mentions: Sequence[Mention],
    *,
    gazetteer: Gazetteer,
    text: str,
    weights: ResolutionWeights | None = None,
) -> tuple[Place, ...]:
    """Resolve each mention to its best-scoring gazetteer entry.

    Mentions without candidates are dropped. One sense per document: every mention with the
    same normalised key gets the place chosen for the key's best-supported occurrence.
    """
    weights = weights or ResolutionWeights()
    candidates = {m.key: gazetteer.candidates(m.key) for m in mentions}
    countries, regions = _context_countries(mentions, candidates)

    best_by_key: dict[str, tuple[float, Candidate]] = {}
    for index, mention in enumerate(mentions):
        options = candidates.get(mention.key) or []
        if not options:
            continue
        qualifier = _qualifier(mentions, index, candidates, text)
        for candidate in options:
            score = score_candidate(
                candidate,
                mention=mention,
                text=text,
                countries=countries,
                regions=regions,
                qualifier=qualifier,
                weights=weights,
            )
            current = best_by_key.get(mention.key)
            if current is None or score > current[0]:
                best_by_key[mention.key] = (score, candidate)

    places: list[Place] = []
    for mention in mentions:
        chosen = best_by_key.get(mention.key)
        if chosen is None or chosen[0] < weights.min_score:
            continue
        score, candidate = chosen
        entry = candidate.entry
        places.append(
            Place(
                mention=mention,
                gazetteer_id=entry.id,
                name=entry.name,
                lat=entry.lat,
                lon=entry.lon,
                feature=entry.feature,
                country=entry.country,
                population=entry.population,
                score=round(score, 3),
                provider="gazetteer",
            )
        )
    return tuple(places)


def _qualifier(
    mentions: Sequence[Mention],
    index: int,
    candidates: dict[str, list[Candidate]],
    text: str,
) -> Entry | None:
    """The region or country in "Name, Region" right after a mention, if any."""
    if index + 1 >= len(mentions):
        return None
    here, after = mentions[index], mentions[index + 1]
    if not _QUALIFIER_GAP.match(text[here.end : after.start]):
        return None
    for candidate in candidates.get(after.key, ()):
        if candidate.entry.feature in ("country", "admin1"):
            return candidate.entry
    return None
