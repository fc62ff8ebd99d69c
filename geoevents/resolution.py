"""Mentions -> places: choose one gazetteer entry per mention, or none.

Every candidate of a mention is described by features that the geoparsing literature found
to matter: the kind of place (a country name most often means the country), its population,
how the name matched (main name, alternate, abbreviation, demonym), the article's own
geography (the countries and regions it names, the places its other names most plausibly
are, "Paris, Texas" patterns) and the words around the mention ("base", "aéroport"). A small
linear model (:mod:`geoevents.ranking`, learned by cross-validation on the development
corpora) turns the features into a score; the best candidate wins, and one sense per
document gives every mention of the same name the place of its best-supported occurrence.
A second model decides from the mention's context and its best candidate whether the name is
a place at all ("Michael", "Lincoln" the person, "North" the direction).
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .matching import DEMONYM_PREFIX, TABLE_PREFIX
from .model import Mention, Place
from .ranking import Ranker, place_table, ranker

if TYPE_CHECKING:
    from gazetteer import Candidate, Entry, Gazetteer

__all__ = ["resolve", "candidates", "CandidateFeatures", "Resolution", "resolve_scored"]

_INSTALLATION_FEATURES = frozenset({"airbase", "base", "installation", "airport"})
_MILITARY_CONTEXT = re.compile(
    r"\b(?:bases?|air\s*base|airbase|aéroport|airport|aérodrome|airfield|camp|garrison|"
    r"garnison|installation|caserne|barracks|piste|runway|قاعدة|مطار)\b",
    re.IGNORECASE,
)
_QUALIFIER_GAP = re.compile(r"^\s*,\s*$")
_NEAR_KM = 150.0


def candidates(key: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Candidates of a mention key: the gazetteer's, or the place table's for table keys.

    Countries and first-order regions get the table's reference points (see
    ``benchmarks/build_place_tables.py``) in place of the gazetteer's.
    """
    from gazetteer import Candidate, Entry

    table = place_table()
    if key.startswith(TABLE_PREFIX):
        name = key[len(DEMONYM_PREFIX):] if key.startswith(DEMONYM_PREFIX) else key[1:]
        out: list[Candidate] = []
        for row in table.rows(name):
            if row.kind == "place":
                assert row.lat is not None and row.lon is not None
                entry: Entry | None = Entry(row.ref, row.name, row.lat, row.lon, row.feature,
                                            row.country, row.admin1, row.population, "table")
            elif row.ref in table.places:
                place = table.places[row.ref]
                assert place.lat is not None and place.lon is not None
                entry = Entry(place.ref, place.name, place.lat, place.lon, place.feature,
                              place.country, place.admin1, place.population, "table")
            else:
                entry = gazetteer.get(row.ref)
            if entry is not None:
                out.append(Candidate(_moved(entry), name, row.kind, "en", 1.0))
        return out
    return [dataclasses.replace(c, entry=_moved(c.entry)) if c.entry.id in table.points else c
            for c in gazetteer.candidates(key)]


def _moved(entry: Entry) -> Entry:
    point = place_table().points.get(entry.id)
    if point is None:
        return entry
    return dataclasses.replace(entry, lat=point[0], lon=point[1])


@dataclass(frozen=True, slots=True)
class CandidateFeatures:
    """Features of one candidate of one mention (the ranker's input, in this order)."""

    names: tuple[str, ...]
    values: tuple[float, ...]


FEATURES = (
    "country", "admin1", "admin2", "city", "region", "installation", "curated",
    "log_population", "population_share", "prior_rank", "alternate_name", "abbrev", "demonym",
    "n_candidates", "country_named", "admin1_named", "qualifier", "military_context",
    "near_share", "near_any", "log_min_km", "country_share", "admin1_share", "us_share",
)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True, slots=True)
class _Context:
    """What the article as a whole says about its geography."""

    countries: Counter[str]  # countries named as countries
    regions: Counter[str]  # admin1 codes named as regions
    anchors: dict[str, Entry]  # each key's most likely entry before context


def _context(mentions: Sequence[Mention], options: dict[str, list[Candidate]]) -> _Context:
    countries: Counter[str] = Counter()
    regions: Counter[str] = Counter()
    anchors: dict[str, Entry] = {}
    for mention in mentions:
        found = options.get(mention.key) or []
        if not found:
            continue
        anchors.setdefault(mention.key, found[0].entry)
        for candidate in found:
            entry = candidate.entry
            if entry.feature == "country":
                countries[entry.country] += 1
                break
            if entry.feature == "admin1":
                regions[entry.admin1] += 1
                break
    return _Context(countries, regions, anchors)


def features(
    candidate: Candidate,
    rank: int,
    options: Sequence[Candidate],
    *,
    mention: Mention,
    text: str,
    context: _Context,
    qualifier: Entry | None,
) -> tuple[float, ...]:
    """The feature values of ``candidate`` (see :data:`FEATURES`)."""
    entry = candidate.entry
    feature = entry.feature
    top_population = max((c.entry.population for c in options), default=0)
    others = [e for k, e in context.anchors.items() if k != mention.key]
    near = 0
    min_km = 20_000.0
    same_country = same_admin1 = us = 0
    for other in others:
        if other.id == entry.id:
            continue
        km = _km(entry.lat, entry.lon, other.lat, other.lon)
        if other.feature not in ("country", "continent", "region") and km <= _NEAR_KM:
            near += 1
        if other.feature not in ("country", "continent", "region", "admin1"):
            min_km = min(min_km, km)
        same_country += other.country == entry.country and bool(entry.country)
        same_admin1 += bool(entry.admin1) and other.admin1 == entry.admin1
        us += other.country == "US"
    n_others = max(1, len(others))
    qualified = 0.0
    if qualifier is not None and entry.id != qualifier.id and entry.country == qualifier.country:
        qualified = 1.0 if qualifier.feature == "country" or entry.admin1 == qualifier.admin1 else 0
    military = 0.0
    if feature in _INSTALLATION_FEATURES:
        window = text[max(0, mention.start - 40) : mention.end + 40]
        military = 1.0 if _MILITARY_CONTEXT.search(window) else 0.0
    return (
        float(feature == "country"),
        float(feature == "admin1"),
        float(feature == "admin2"),
        float(feature == "city"),
        float(feature in ("continent", "region")),
        float(feature in _INSTALLATION_FEATURES and entry.source != "curated"),
        float(entry.priority >= 2),
        math.log10(entry.population + 1) / 7,
        entry.population / top_population if top_population else 0.0,
        1.0 / (rank + 1),
        float(candidate.kind == "alternate"),
        float(candidate.kind == "abbrev"),
        float(candidate.kind == "demonym"),
        math.log10(len(options)) / 2,
        float(feature != "country" and context.countries.get(entry.country, 0) > 0),
        float(bool(entry.admin1) and feature != "admin1"
              and context.regions.get(entry.admin1, 0) > 0),
        qualified,
        military,
        near / n_others,
        float(near > 0),
        math.log10(1 + min_km) / 4.3,
        same_country / n_others,
        same_admin1 / n_others,
        (us / n_others) if entry.country == "US" else 0.0,
    )


@dataclass(frozen=True, slots=True)
class Resolution:
    """A mention's chosen candidate with its ranker score and the runner-up's."""

    mention: Mention
    candidate: Candidate
    score: float
    margin: float
    n_candidates: int


def resolve_scored(
    mentions: Sequence[Mention],
    *,
    gazetteer: Gazetteer,
    text: str,
    model: Ranker | None = None,
) -> list[Resolution]:
    """Score every candidate and choose one per mention key (one sense per document)."""
    model = model or ranker()
    options = {m.key: candidates(m.key, gazetteer) for m in mentions}
    context = _context(mentions, options)
    best: dict[str, tuple[float, float, Candidate]] = {}
    for index, mention in enumerate(mentions):
        found = options.get(mention.key) or []
        if not found:
            continue
        qualifier = _qualifier(mentions, index, options, text)
        scores = [
            model.score(features(c, rank, found, mention=mention, text=text, context=context,
                                 qualifier=qualifier))
            for rank, c in enumerate(found)
        ]
        order = sorted(range(len(found)), key=lambda i: -scores[i])
        top = scores[order[0]]
        margin = top - scores[order[1]] if len(order) > 1 else 1.0
        current = best.get(mention.key)
        if current is None or top > current[0]:
            best[mention.key] = (top, margin, found[order[0]])
    out = []
    for mention in mentions:
        chosen = best.get(mention.key)
        if chosen is not None:
            out.append(Resolution(mention, chosen[2], chosen[0], chosen[1],
                                  len(options[mention.key])))
    return out


def resolve(
    mentions: Sequence[Mention],
    *,
    gazetteer: Gazetteer,
    text: str,
    model: Ranker | None = None,
) -> tuple[Place, ...]:
    """Resolve each mention to its best-scoring gazetteer entry.

    Mentions without candidates are dropped. One sense per document: every mention with the
    same key gets the place chosen for the key's best-supported occurrence.
    """
    places = []
    for r in resolve_scored(mentions, gazetteer=gazetteer, text=text, model=model):
        entry = r.candidate.entry
        places.append(
            Place(
                mention=r.mention,
                gazetteer_id=entry.id,
                name=entry.name,
                lat=entry.lat,
                lon=entry.lon,
                feature=entry.feature,
                country=entry.country,
                population=entry.population,
                score=round(r.score, 3),
                provider="gazetteer",
            )
        )
    return tuple(places)


def _qualifier(
    mentions: Sequence[Mention],
    index: int,
    options: dict[str, list[Candidate]],
    text: str,
) -> Entry | None:
    """The region or country in "Name, Region" right after a mention, if any."""
    if index + 1 >= len(mentions):
        return None
    here, after = mentions[index], mentions[index + 1]
    if not _QUALIFIER_GAP.match(text[here.end : after.start]):
        return None
    for candidate in options.get(after.key, ()):
        if candidate.entry.feature in ("country", "admin1"):
            return candidate.entry
    return None
