"""Map/GeoJSON records: the flat view of reports that every output draws from.

One :class:`MapFeature` per point on the map. Its :meth:`MapFeature.properties` are the GeoJSON
properties promised in the design notes; the map, GeoJSON, GeoPackage, CSV and KML writers all
render from the same records so that they never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .model import Event, Place, Report, Role, Status

__all__ = ["MapFeature", "CATEGORIES", "features_from_reports", "EVENT_PROPERTIES", "BASE_PROPERTIES"]

CATEGORIES = ("strike", "base", "place")

BASE_PROPERTIES = (
    "category",
    "name",
    "mention",
    "gazetteer_id",
    "country",
    "feature",
    "geo_precision",
    "source",
    "source_text",
)
EVENT_PROPERTIES = (
    "event_type",
    "sub_event_type",
    "date",
    "date_start",
    "date_end",
    "time_precision",
    "actor",
    "target",
    "weapon",
    "quantity",
    "fatalities",
    "injuries",
)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True, slots=True)
class MapFeature:
    """One point: a strike, a base or a plain place mention."""

    category: str
    name: str
    mention: str
    gazetteer_id: str
    country: str
    feature: str
    geo_precision: int
    lat: float
    lon: float
    source: str
    source_text: str
    provider: str = "gazetteer"
    event_type: str | None = None
    sub_event_type: str | None = None
    date: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    time_precision: int | None = None
    actor: str | None = None
    target: str | None = None
    weapon: str | None = None
    quantity: int | None = None
    fatalities: int | None = None
    injuries: int | None = None
    sources: tuple[str, ...] = ()
    origin: str | None = None  # launch origin place name, when the text gives one

    @property
    def is_event(self) -> bool:
        return self.event_type is not None

    def properties(self) -> dict[str, Any]:
        """GeoJSON properties, in the order of the design notes."""
        props: dict[str, Any] = {k: getattr(self, k) for k in BASE_PROPERTIES}
        if self.is_event:
            props.update({k: getattr(self, k) for k in EVENT_PROPERTIES})
            props["sources"] = list(self.sources) or [self.source]
            if self.origin:
                props["origin"] = self.origin
        props["provider"] = self.provider
        return props

    @classmethod
    def from_place(cls, place: Place, *, category: str, source: str, source_text: str) -> MapFeature:
        return cls(
            category=category,
            name=place.name,
            mention=place.mention.text,
            gazetteer_id=place.gazetteer_id,
            country=place.country,
            feature=place.feature,
            geo_precision=place.geo_precision,
            lat=place.lat,
            lon=place.lon,
            source=source,
            source_text=source_text,
            provider=place.provider,
        )

    @classmethod
    def from_event(cls, event: Event, *, category: str, source: str) -> MapFeature:
        assert event.place is not None
        base = cls.from_place(
            event.place, category=category, source=source, source_text=event.sentence.text
        )
        return cls(
            **{
                **_asdict(base),
                "event_type": event.event_type,
                "sub_event_type": event.sub_event_type,
                "date": _iso(event.date),
                "date_start": _iso(event.date_start),
                "date_end": _iso(event.date_end),
                "time_precision": event.time_precision,
                "actor": event.actor,
                "target": event.target,
                "weapon": event.weapon,
                "quantity": event.quantity,
                "fatalities": event.fatalities,
                "injuries": event.injuries,
                "sources": event.sources or (source,),
                "origin": event.origin.name if event.origin else None,
            }
        )


def _asdict(feature: MapFeature) -> dict[str, Any]:
    return {name: getattr(feature, name) for name in MapFeature.__dataclass_fields__}


def _event_category(event: Event) -> str | None:
    if event.place is None or event.status is not Status.ASSERTED:
        return None
    if event.role is Role.TARGET and event.is_violent:
        return "strike"
    if event.role is Role.BASE and event.place.geo_precision <= 2:
        # "troops deployed in Iraq" says nothing about where a base is: a country or region
        # stays a plain place, not a base marker in its middle.
        return "base"
    return None


def _event_features(events: Iterable[Event], default_source: str) -> list[MapFeature]:
    out: list[MapFeature] = []
    seen_bases: set[tuple[str, str]] = set()
    for event in events:
        category = _event_category(event)
        if category is None or event.place is None:
            continue
        if category == "base":
            # A base is one point however many sentences say troops are there.
            key = (event.place.gazetteer_id, event.sub_event_type)
            if key in seen_bases:
                continue
            seen_bases.add(key)
        source = event.sources[0] if event.sources else default_source
        out.append(MapFeature.from_event(event, category=category, source=source))
    return out


def _place_features(report: Report, used: set[str]) -> list[MapFeature]:
    out: list[MapFeature] = []
    for place in report.places:
        if place.gazetteer_id in used:
            continue
        used.add(place.gazetteer_id)
        sentence = report.sentences[place.mention.sentence] if report.sentences else None
        out.append(
            MapFeature.from_place(
                place,
                category="place",
                source=report.article.id,
                source_text=sentence.text if sentence else "",
            )
        )
    return out


def features_from_report(report: Report) -> list[MapFeature]:
    """Strikes and bases from the report's events, then every other resolved place once."""
    return features_from_reports([report])


def features_from_reports(
    reports: Iterable[Report],
    *,
    merge_events: Callable[[Sequence[Event]], Sequence[Event]] | None = None,
) -> list[MapFeature]:
    """Records for several reports.

    With ``merge_events``, events of all reports go through it first (the same event told by
    several articles becomes one record listing every source). Places that carry an event are
    not repeated as plain places.
    """
    reports = list(reports)
    events: list[Event] = []
    for report in reports:
        events.extend(
            e if e.sources else replace(e, sources=(report.article.id,)) for e in report.events
        )
    if merge_events is not None and len(reports) > 1:
        events = list(merge_events(events))
    default_source = reports[0].article.id if reports else ""
    out = _event_features(events, default_source)
    used = {f.gazetteer_id for f in out}
    for report in reports:
        out.extend(_place_features(report, used))
    return out


def bounds(features: Sequence[MapFeature]) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """South-west and north-east corners as (lat, lon) pairs, or None when empty."""
    if not features:
        return None
    lats = [f.lat for f in features]
    lons = [f.lon for f in features]
    return (min(lats), min(lons)), (max(lats), max(lons))
