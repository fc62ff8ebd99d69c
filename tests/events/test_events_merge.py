"""The same event reported by several articles is one event listing every source."""

from __future__ import annotations

import datetime as dt

from geoevents.events import extract_events, merge_events
from geoevents.model import Article, Role
from geoevents.text import split_sentences


def _events(make_places, text, *, id, date, lang):
    sentences = split_sentences(text)
    article = Article(text, id=id, date=dt.date.fromisoformat(date), lang=lang)
    return extract_events(article, sentences, make_places(text, sentences), lang=lang)


def _targets(events, name):
    return [e for e in events if e.place.name == name and e.role is Role.TARGET]


def test_two_articles_one_strike(make_places):
    fr = _events(make_places, "L'Iran a lancé 11 missiles à Ain al-Assad le 8 janvier.",
                 id="fr", date="2020-01-09", lang="fr")
    en = _events(make_places, "Iran fired missiles at Ain al-Asad on Wednesday, killing no one.",
                 id="en", date="2020-01-09", lang="en")
    merged = merge_events([*fr, *en])
    strikes = _targets(merged, "Al Asad Air Base")
    assert len(strikes) == 1
    strike = strikes[0]
    assert strike.sources == ("fr", "en")
    assert strike.quantity == 11 and strike.fatalities == 0
    assert strike.date == dt.date(2020, 1, 8)
    # evidence offsets stay those of the first article
    assert all(e.text in "L'Iran a lancé 11 missiles à Ain al-Assad le 8 janvier." for e in strike.evidence)


def test_dates_further_apart_than_the_window_stay_apart(make_places):
    a = _events(make_places, "Rockets hit Erbil on 3 January.", id="a", date="2020-01-10", lang="en")
    b = _events(make_places, "Rockets hit Erbil on 8 January.", id="b", date="2020-01-10", lang="en")
    assert len(_targets(merge_events([*a, *b]), "Erbil")) == 2
    c = _events(make_places, "Rockets hit Erbil on 9 January.", id="c", date="2020-01-10", lang="en")
    merged = _targets(merge_events([*b, *c]), "Erbil")
    assert len(merged) == 1 and merged[0].sources == ("b", "c")


def test_undated_reports_join_only_inside_one_article(make_places):
    # two sentences, and a date that is not the strike's: an undated article would take its own day
    a = _events(make_places, "Rockets hit Erbil. Officials met on Monday to discuss them.", id="a",
                date="2020-01-10", lang="en")
    assert _targets(a, "Erbil")[0].date is None
    b = _events(make_places, "Rockets hit Erbil on 9 January.", id="b", date="2020-01-10", lang="en")
    assert len(_targets(merge_events([*a, *b]), "Erbil")) == 2
    one = _events(make_places, "Rockets hit Erbil. Later, rockets hit Erbil on 9 January.",
                  id="one", date="2020-01-10", lang="en")
    assert len(_targets(one, "Erbil")) == 1


def test_different_roles_or_status_are_different_events(make_places):
    events = _events(
        make_places,
        "Iran fired 11 missiles at Ain al-Asad on Tuesday. Iran could strike Erbil again.",
        id="x", date="2020-01-10", lang="en",
    )
    merged = merge_events(events)
    assert len(merged) == len(events)
    assert {e.role for e in merged if e.place.name == "Al Asad Air Base"} == {Role.TARGET, Role.BASE}


def test_merge_is_idempotent_and_keeps_order(make_places):
    events = _events(make_places, "Drones hit Erbil and Kyiv on Monday.", id="a",
                     date="2020-01-10", lang="en")
    once = merge_events(events)
    assert merge_events(once) == once
    assert [e.place.name for e in once] == ["Erbil", "Kyiv"]
