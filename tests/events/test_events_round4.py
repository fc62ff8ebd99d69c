"""Fourth-round rules (holdout2 errors read and folded into development): places that are
not where anything happened, and interceptions credited to whoever fired the munitions."""

from __future__ import annotations

import datetime as dt

import pytest

from geoevents.events import extract_events
from geoevents.model import Article, Role
from geoevents.text import split_sentences

DISRUPTED = "Disrupted weapons use"


@pytest.fixture()
def run(make_places):
    def run(text, *, lang, date="2024-01-10"):
        sentences = split_sentences(text)
        article = Article(text, id="t", date=dt.date.fromisoformat(date), lang=lang)
        return extract_events(article, sentences, make_places(text, sentences), lang=lang)

    return run


def places_of(events):
    return sorted(e.place.mention.text for e in events if e.place is not None)


@pytest.mark.parametrize(
    ("text", "lang", "where"),
    [
        ("An air strike hit a village near Jilib, some 300 km north of Mogadishu, on Monday.", "en", ["Jilib"]),
        ("Israeli jets struck Syria's embassy compound in Beirut on Monday.", "en", ["Beirut"]),
        ("Four people were killed when a drone hit a house in Rafah, the Gaza health ministry said.", "en", ["Rafah"]),
        ("Ukraine said it shot down 20 Russian drones over Kharkiv on their way to Kyiv.", "en", ["Kharkiv"]),
        ("Hezbollah fired 40 rockets at Haifa overnight, with sirens sounding in Tel Aviv.", "en", ["Haifa"]),
        ("Des missiles ont frappé Dnipro lundi, tandis que les sirènes retentissaient à Lviv.", "fr", ["Dnipro"]),
    ],
)
def test_places_that_only_situate_or_speak_get_no_event(run, text, lang, where):
    assert places_of(run(text, lang=lang)) == where


@pytest.mark.parametrize(
    ("text", "lang", "actor"),
    [
        ("La défense aérienne russe a intercepté lundi 30 drones ukrainiens au-dessus de Belgorod.", "fr", "Ukraine"),
        ("Air defences shot down 12 Russian drones over Kyiv overnight, the air force said.", "en", "Russia"),
        (
            "Des navires américains ont abattu lundi quinze drones tirés par les Houthis "
            "au-dessus de la mer Rouge, au large de Hodeïda.",
            "fr",
            "Houthis",
        ),
    ],
)
def test_an_interception_belongs_to_whoever_fired(run, text, lang, actor):
    events = [e for e in run(text, lang=lang) if e.role is Role.TARGET]
    assert events
    assert all(e.sub_event_type == DISRUPTED and e.actor == actor for e in events)


def test_an_attack_said_to_be_intercepted_is_an_interception(run):
    text = "On Sunday the Houthis claimed a drone attack on Eilat, which Israel said was intercepted."
    (event,) = run(text, lang="en")
    assert (event.place.mention.text, event.sub_event_type, event.actor) == ("Eilat", DISRUPTED, "Houthis")


def test_a_strike_that_was_not_intercepted_stays_a_strike(run):
    text = "On Sunday a Houthi drone struck Eilat; Israel said it had failed to intercept it."
    events = [e for e in run(text, lang="en") if e.place and e.place.mention.text == "Eilat"]
    assert events and events[0].sub_event_type == "Air/drone strike"


def test_a_toll_given_place_by_place_goes_to_each_place(run):
    text = (
        "La Russie a lancé lundi 40 missiles contre l'Ukraine. Des immeubles ont été touchés à Kharkiv et à Dnipro. "
        "À Dnipro, trois personnes ont été tuées ; à Kharkiv, cinq ont été blessées."
    )
    events = {e.place.mention.text: e for e in run(text, lang="fr") if e.role is Role.TARGET}
    assert (events["Dnipro"].fatalities, events["Dnipro"].injuries) == (3, None)
    assert (events["Kharkiv"].fatalities, events["Kharkiv"].injuries) == (None, 5)
    # the hit verb takes its kind from the barrage of the sentence before
    assert events["Dnipro"].sub_event_type == "Shelling/artillery/missile attack"


def test_a_toll_at_a_place_not_named_before_reports_the_strike_there(run):
    text = "A Russian missile struck Kyiv on Monday, killing four people. In Odesa, two more people died."
    events = {e.place.mention.text: e for e in run(text, lang="en") if e.role is Role.TARGET}
    odesa = events["Odesa"]
    assert (odesa.actor, odesa.fatalities, odesa.date) == ("Russia", 2, dt.date(2024, 1, 8))
    assert odesa.quantity is None and events["Kyiv"].fatalities == 4


def test_a_toll_with_no_strike_before_makes_no_event(run):
    text = "In Odesa, two people died in a fire on Monday."
    assert [e for e in run(text, lang="en") if e.role is Role.TARGET] == []


@pytest.mark.parametrize(
    ("text", "lang", "weapon"),
    [
        ("Des avions russes ont frappé Idleb dimanche.", "fr", "airstrike"),
        ("Un civil a été tué à Kharkiv par un éclat d'intercepteur lundi.", "fr", None),
    ],
)
def test_aircraft_and_interceptor_fragments(run, text, lang, weapon):
    (event,) = run(text, lang=lang)
    assert event.event_type == "Explosions/Remote violence"
    assert event.weapon == weapon


@pytest.mark.parametrize(
    ("text", "lang", "actor"),
    [
        ("A bomb exploded at a market in Peshawar on Monday. The Arakan Rohingya Salvation Army claimed the attack.", "en", "Arakan Rohingya Salvation Army"),
        ("Une bombe a explosé lundi à Ménaka. Le Front de libération du Macina a revendiqué l'attaque.", "fr", "Front de libération du Macina"),
        ("Gunmen attacked a police station in Peshawar on Monday. The Pakistani Taliban claimed the attack.", "en", "Tehrik-e-Taliban Pakistan"),
        ("Rockets hit Sderot on Monday. The Qassam Brigades claimed the attack.", "en", "Hamas"),
    ],
)
def test_claims_name_groups_the_lexicon_does_not_list(run, text, lang, actor):
    (event,) = [e for e in run(text, lang=lang) if e.role is Role.TARGET]
    assert event.actor == actor


def test_a_state_force_name_is_the_state_not_a_new_group():
    from geoevents.events.actors import find_actors

    assert [a.actor for a in find_actors("Israel Defense Forces said the Armée de libération du Baloutchistan")] == [
        "Israel", "Balochistan Liberation Army"
    ]
    assert find_actors("Forces loyal to the government attacked.") == []


@pytest.mark.parametrize(
    ("text", "lang", "fields"),
    [
        ("Two rockets struck Erbil on Tuesday without causing casualties.", "en", (0, 0, 2, "rocket")),
        ("Un double attentat-suicide a frappé jeudi Kandahar, faisant 12 morts.", "fr", (12, None, 2, "suicide bomb")),
        ("Militants rammed two explosive-laden trucks into a checkpoint in Peshawar on Monday.", "en", (None, None, 2, "car bomb")),
        ("Une mine artisanale a explosé lundi près de Ménaka, blessant trois civils.", "fr", (None, 3, 1, "IED")),
    ],
)
def test_counts_and_weapons_of_round_four(run, text, lang, fields):
    (event,) = [e for e in run(text, lang=lang) if e.role is Role.TARGET]
    assert (event.fatalities, event.injuries, event.quantity, event.weapon) == fields


def test_an_article_without_any_date_reports_its_own_day(run):
    text = "Une frappe de missile a touché la gare de Kramatorsk. Au moins dix personnes ont été tuées."
    (event,) = run(text, lang="fr", date="2022-04-08")
    assert event.date == dt.date(2022, 4, 8)


def test_an_article_with_dates_does_not_default_an_undated_event_to_its_day(run):
    text = "Lundi, des drones ont frappé Kharkiv. Par ailleurs, une frappe de missile a touché Kramatorsk selon des sources locales non datées."
    events = {e.place.mention.text: e for e in run(text, lang="fr", date="2022-04-08")}
    assert events["Kharkiv"].date == dt.date(2022, 4, 4)
