"""The values that flow through the pipeline: Article -> Mention -> Place -> Event -> Report.

Every value is a frozen dataclass: stages return new values and never mutate what they got.
Offsets (``start``/``end``) are Python string offsets into ``Article.text``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

__all__ = [
    "Article",
    "Sentence",
    "Mention",
    "Place",
    "Role",
    "Status",
    "Evidence",
    "Event",
    "Report",
    "GEO_PRECISION",
    "geo_precision_for",
]


class Role(str, Enum):
    """What a place is to an event."""

    TARGET = "target"  # where the strike/attack landed
    BASE = "base"  # base or installation where troops are stationed
    ORIGIN = "origin"  # launch origin ("tirés depuis l'Iran")
    OTHER = "other"


class Status(str, Enum):
    """Whether the text asserts that the event happened."""

    ASSERTED = "asserted"
    NEGATED = "negated"  # "aucune frappe", "no strike"
    HYPOTHETICAL = "hypothetical"  # "pourrait frapper", "could strike"
    FUTURE = "future"  # "will deploy", "doit déployer"


# ACLED-like geo_precision by gazetteer feature class: 1 exact site or town,
# 2 near a town or small area, 3 region, 4 country.
GEO_PRECISION: dict[str, int] = {
    "country": 4,
    "admin1": 3,
    "region": 3,
    "admin2": 2,
    "city": 1,
    "town": 1,
    "village": 1,
    "airport": 1,
    "airbase": 1,
    "base": 1,
    "installation": 1,
    "checkpoint": 1,
    "site": 1,
}


def geo_precision_for(feature: str) -> int:
    """ACLED-like geo_precision (1..4) for a gazetteer feature class.

    >>> geo_precision_for("country"), geo_precision_for("airbase"), geo_precision_for("lake")
    (4, 1, 2)
    """
    return GEO_PRECISION.get(feature, 2)


@dataclass(frozen=True, slots=True)
class Article:
    """One document to parse.

    ``date`` is the publication date: the anchor for relative dates ("hier", "last Tuesday").
    ``lang`` is an ISO 639-1 code or ``None`` to detect it.
    """

    text: str
    id: str = "article"
    date: dt.date | None = None
    lang: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the text that matched a gazetteer name."""

    start: int
    end: int
    text: str  # as written in the article
    key: str  # normalised form looked up in the gazetteer
    sentence: int = 0  # index into Report.sentences


@dataclass(frozen=True, slots=True)
class Place:
    """A mention resolved to one real place."""

    mention: Mention
    gazetteer_id: str
    name: str
    lat: float
    lon: float
    feature: str
    country: str  # ISO 3166-1 alpha-2, "" when unknown
    population: int = 0
    score: float = 1.0
    provider: str = "gazetteer"

    @property
    def geo_precision(self) -> int:
        return geo_precision_for(self.feature)


@dataclass(frozen=True, slots=True)
class Evidence:
    """The words that support one field of an event."""

    field: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    """An incident or development with ACLED-style metadata.

    Counts are ``None`` when the text says nothing and ``0`` when it says none.
    ``time_precision``: 1 day, 2 week, 3 month, 4 unknown.
    """

    event_type: str
    sub_event_type: str
    place: Place | None
    role: Role
    sentence: Sentence
    status: Status = Status.ASSERTED
    date: dt.date | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    time_precision: int = 4
    actor: str | None = None
    target: str | None = None
    weapon: str | None = None
    quantity: int | None = None
    fatalities: int | None = None
    injuries: int | None = None
    origin: Place | None = None
    evidence: tuple[Evidence, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def is_violent(self) -> bool:
        return self.event_type in VIOLENT_EVENT_TYPES


VIOLENT_EVENT_TYPES = frozenset(
    {"Explosions/Remote violence", "Battles", "Violence against civilians"}
)


@dataclass(frozen=True, slots=True)
class Report:
    """Everything found in one article."""

    article: Article
    lang: str
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
