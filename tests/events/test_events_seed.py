"""The seed expectation of issue 2 on the example article (places built by hand)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from geoevents.events import extract_events
from geoevents.model import Article, Role, Status
from geoevents.text import split_sentences

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "events"


def _events(make_places):
    text = (FIXTURES / "iran-strikes-2020-01.fr.txt").read_text(encoding="utf-8")
    sentences = split_sentences(text)
    article = Article(text, id="iran-fr", date=dt.date(2020, 1, 31), lang="fr")
    return text, extract_events(article, sentences, make_places(text, sentences), lang="fr")


def _one(events, name, role):
    found = [e for e in events if e.place and e.place.name == name and e.role is role]
    assert len(found) == 1, (name, role, found)
    return found[0]


def test_strike_at_ain_al_assad(make_places):
    text, events = _events(make_places)
    strike = _one(events, "Al Asad Air Base", Role.TARGET)
    assert strike.status is Status.ASSERTED
    assert (strike.event_type, strike.sub_event_type) == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack"
    )
    assert (strike.actor, strike.weapon, strike.quantity) == ("Iran", "missile", 11)
    assert strike.date == dt.date(2020, 1, 8) and strike.time_precision == 1
    assert strike.fatalities == 0
    assert strike.injuries == 20
    injuries = [e for e in strike.evidence if e.field == "injuries"]
    assert injuries and "des dizaines" in injuries[0].text
    for evidence in strike.evidence:
        assert text[evidence.start:evidence.end] == evidence.text
    assert "11 missiles" in strike.sentence.text
    assert strike.sources == ("iran-fr",)


def test_second_strike_at_erbil_is_one_missile_same_actor_and_date(make_places):
    _, events = _events(make_places)
    strike = _one(events, "Erbil", Role.TARGET)
    assert (strike.actor, strike.weapon, strike.quantity) == ("Iran", "missile", 1)
    assert strike.date == dt.date(2020, 1, 8)
    assert strike.status is Status.ASSERTED


def test_ain_al_assad_is_also_a_base(make_places):
    _, events = _events(make_places)
    base = _one(events, "Al Asad Air Base", Role.BASE)
    assert base.event_type == "Strategic developments"
    assert base.status is Status.ASSERTED


def test_patriot_deployment_is_not_a_strike(make_places):
    _, events = _events(make_places)
    future = [e for e in events if e.status is Status.FUTURE]
    assert future and all(e.event_type == "Strategic developments" for e in future)
    assert all(e.place.name == "Iraq" for e in future)
    assert not any(e.place.name in ("United States", "Iran") for e in events)
