"""Arabic trigger words: a strike, its weapon, count, actor, date and casualties."""

from __future__ import annotations

import datetime as dt

from geoevents.events import extract_events
from geoevents.events.casualties import find_casualties
from geoevents.model import Article, Role, Status
from geoevents.text import split_sentences


def _run(make_places, text):
    sentences = split_sentences(text)
    article = Article(text, id="ar", date=dt.date(2020, 1, 9), lang="ar")
    return extract_events(article, sentences, make_places(text, sentences), lang="ar")


def test_arabic_missile_strike(make_places):
    events = _run(make_places, "أطلقت إيران 11 صاروخا على قاعدة عين الأسد يوم الأربعاء دون وقوع قتلى.")
    strike = next(e for e in events if e.role is Role.TARGET)
    assert strike.place.name == "Ain al-Assad (ar)"
    assert (strike.actor, strike.weapon, strike.quantity) == ("Iran", "missile", 11)
    assert strike.sub_event_type == "Shelling/artillery/missile attack"
    assert strike.date == dt.date(2020, 1, 8)
    assert strike.fatalities == 0
    assert any(e.role is Role.BASE for e in events)


def test_arabic_negation_and_counts(make_places):
    events = _run(make_places, "لم تستهدف أي صواريخ أربيل.")
    assert [e.status for e in events] == [Status.NEGATED]
    found = [(c.field, c.value) for c in find_casualties("أسفر القصف عن مقتل 5 أشخاص وإصابة 12 آخرين")]
    assert found == [("fatalities", 5), ("injuries", 12)]
