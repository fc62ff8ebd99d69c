"""One event per incident: the same place, event type, role and status within a date window.

Two reports of one strike (two articles, or a headline and a paragraph of one article) become
one event listing every source. Dates are compatible when the day ranges are at most one day
apart across articles and must overlap inside one article (there every date is resolved
against the same day, so two days are two incidents); an undated report joins a dated one
only inside one article (headline and body), as across articles that would guess. Missing fields are filled from the other reports; counts
keep the highest figure (tolls rise as reports come in); evidence is kept from the first
report across articles (its offsets point into that article) and pooled inside one article.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

from ..model import Event

__all__ = ["merge_events", "DATE_WINDOW_DAYS"]

DATE_WINDOW_DAYS = 1
_FILLABLE = ("actor", "target", "weapon", "origin")
_COUNTS = ("quantity", "fatalities", "injuries")


def _key(event: Event) -> tuple[str, str, str, str] | None:
    if event.place is None:
        return None
    return (event.place.gazetteer_id, event.event_type, event.role.value, event.status.value)


def _range(event: Event) -> tuple[dt.date, dt.date] | None:
    start = event.date_start or event.date
    if start is None:
        return None
    return start, event.date_end or start


def _compatible(a: Event, b: Event, *, within_article: bool) -> bool:
    ra, rb = _range(a), _range(b)
    if ra is None or rb is None:
        return within_article or (ra is None and rb is None)
    gap = max(ra[0], rb[0]) - min(ra[1], rb[1])
    # one article resolves every date against the same day: two different days are two
    # incidents ("Another strike hit the camp on Wednesday"); across articles, a day's slack
    return gap.days <= (0 if within_article else DATE_WINDOW_DAYS)


def _combine(a: Event, b: Event, *, within_article: bool) -> Event:
    changes: dict[str, object] = {}
    for name in _FILLABLE:
        if getattr(a, name) is None and getattr(b, name) is not None:
            changes[name] = getattr(b, name)
    for name in _COUNTS:
        va, vb = getattr(a, name), getattr(b, name)
        if vb is not None and (va is None or vb > va):
            changes[name] = vb
    if b.time_precision < a.time_precision:
        changes.update(
            date=b.date, date_start=b.date_start, date_end=b.date_end, time_precision=b.time_precision
        )
    sources = tuple(dict.fromkeys(a.sources + b.sources))
    if sources != a.sources:
        changes["sources"] = sources
    if within_article:
        changes["evidence"] = tuple(dict.fromkeys(a.evidence + b.evidence))
    return dataclasses.replace(a, **changes) if changes else a  # type: ignore[arg-type]


def merge_events(events_by_source: Iterable[Event], *, within_article: bool = False) -> tuple[Event, ...]:
    """Merge reports of the same incident; order of first appearance is kept.

    Parameters
    ----------
    events_by_source
        Events of one or several articles (each with its ``sources``).
    within_article
        All events come from one article: an undated mention may join a dated one.

    Returns
    -------
    tuple of Event
        One event per (place, event type, role, status, date window), ``sources`` the union.
    """
    out: list[Event] = []
    groups: dict[tuple[str, str, str, str], list[int]] = {}
    for event in events_by_source:
        key = _key(event)
        if key is None:
            out.append(event)
            continue
        for index in groups.get(key, ()):
            if _compatible(out[index], event, within_article=within_article):
                out[index] = _combine(out[index], event, within_article=within_article)
                break
        else:
            groups.setdefault(key, []).append(len(out))
            out.append(event)
    return tuple(out)
