"""Values the gazetteer hands out: entries, candidate names for a key, and text matches."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Entry", "Candidate", "Match", "FEATURE_RANK"]

# How much a feature class counts when ranking candidates of the same name.
FEATURE_RANK: dict[str, float] = {
    "continent": 1.0,
    "country": 1.0,
    "admin1": 0.55,
    "airbase": 0.7,
    "base": 0.7,
    "installation": 0.7,
    "city": 0.65,
    "admin2": 0.5,
    "airport": 0.5,
    "town": 0.5,
    "village": 0.4,
    "region": 0.6,
    "sea": 0.6,
    "ocean": 0.6,
    "island": 0.6,
    "river": 0.5,
    "strait": 0.6,
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One real place.

    ``id`` is ``"<source>:<code>"`` (``geonames:99072``, ``country:IQ``, ``admin1:IQ.11``,
    ``icao:ORAA``, ``curated:al-asad-air-base``, ``user:...``); ``country`` is ISO 3166-1
    alpha-2 (``""`` when unknown); ``feature`` is our class (country, admin1, admin2, city,
    airport, airbase, base, ...); ``feature_class``/``feature_code`` keep GeoNames' raw codes
    where known; ``priority`` orders sources on ties (user 3 > curated 2 > data sets 1).
    """

    id: str
    name: str
    lat: float
    lon: float
    feature: str
    country: str
    admin1: str
    population: int
    source: str
    feature_class: str = ""
    feature_code: str = ""
    priority: int = 1


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entry reachable from a normalised key through one of its names.

    ``kind`` is how the name relates to the entry: ``primary`` (its main name), ``ascii``,
    ``alternate``, ``variant`` (curated country variant) or ``curated``/``user`` aliases.
    ``score`` (0..1) is filled by :meth:`Gazetteer.lookup` and :meth:`Gazetteer.candidates`.
    """

    entry: Entry
    name: str
    kind: str
    lang: str | None
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Match:
    """A span of the text whose normalised form is a gazetteer key.

    ``text == original[start:end]``. ``common`` is true when the key is also a frequent
    common word (e.g. "Nice", "Mobile"), so a ranker should demand more context.
    """

    start: int
    end: int
    text: str
    key: str
    common: bool = False
