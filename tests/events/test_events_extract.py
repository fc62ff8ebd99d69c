"""Extraction on hand-built passages: roles, status, event types, containers, coreference."""

from __future__ import annotations

import datetime as dt

import pytest

from geoevents.model import Role, Status


def _by(events, name, role=Role.TARGET):
    found = [e for e in events if e.place and e.place.name == name and e.role is role]
    assert len(found) == 1, (name, role, events)
    return found[0]


@pytest.mark.parametrize(
    ("text", "lang", "status"),
    [
        ("Aucune frappe n'a visé Erbil mardi.", "fr", Status.NEGATED),
        ("Erbil n'a pas été frappée par des missiles.", "fr", Status.NEGATED),
        ("No missiles hit Erbil on Tuesday.", "en", Status.NEGATED),
        ("L'Iran pourrait frapper Erbil avec des missiles.", "fr", Status.HYPOTHETICAL),
        ("Iran could strike Erbil with missiles.", "en", Status.HYPOTHETICAL),
        ("Iran threatened to strike Erbil.", "en", Status.HYPOTHETICAL),
        ("L'Iran va frapper Erbil, a-t-il annoncé.", "fr", Status.FUTURE),
        ("Iran will strike Erbil with drones.", "en", Status.FUTURE),
        ("L'Iran frappera Erbil.", "fr", Status.FUTURE),
        ("L'Iran a frappé Erbil mardi.", "fr", Status.ASSERTED),
        ("Iran struck Erbil on Tuesday.", "en", Status.ASSERTED),
        ("There was no claim of responsibility for the strike on Erbil.", "en", Status.ASSERTED),
    ],
)
def test_status(run, text, lang, status):
    event = _by(run(text, lang=lang), "Erbil")
    assert event.status is status
    if status is not Status.ASSERTED:
        assert any(e.field == "status" for e in event.evidence)
        assert event.date is None or status is Status.NEGATED


def test_several_targets_get_their_own_counts_and_share_actor_and_date(run):
    events = run(
        "Le Hezbollah a tiré une vingtaine de roquettes sur Kiryat Shmona et deux drones sur "
        "Ashkelon mardi, blessant trois personnes à Ashkelon.",
        lang="fr",
    )
    first, second = _by(events, "Kiryat Shmona"), _by(events, "Ashkelon")
    assert (first.quantity, first.weapon, second.quantity, second.weapon) == (20, "rocket", 2, "drone")
    assert first.actor == second.actor == "Hezbollah"
    assert first.date == second.date == dt.date(2024, 1, 9)
    assert second.injuries == 3 and first.injuries is None
    assert first.sub_event_type == "Shelling/artillery/missile attack"
    assert second.sub_event_type == "Air/drone strike"


def test_origin_is_its_own_event_and_the_strike_origin(run):
    events = run("Two drones launched from Yemen struck Eilat on Monday.", lang="en")
    strike = _by(events, "Eilat")
    origin = _by(events, "Yemen", Role.ORIGIN)
    assert strike.origin is not None and strike.origin.name == "Yemen"
    assert origin.event_type == strike.event_type and origin.date == strike.date
    assert strike.actor != "Yemen"


def test_country_level_event_keeps_country_precision(run):
    events = run("La Russie a tiré 30 missiles sur l'Ukraine lundi.", lang="fr")
    strike = _by(events, "Ukraine")
    assert strike.place.geo_precision == 4
    assert strike.actor == "Russia" and strike.quantity == 30
    assert not [e for e in events if e.place.name == "Russia"]


def test_container_country_and_region_are_dropped(run):
    events = run(
        "Des frappes aériennes ont visé Jabalia, dans le nord de la bande de Gaza, et "
        "Ashkelon en Israël.",
        lang="fr",
    )
    assert {e.place.name for e in events} == {"Jabalia", "Ashkelon"}


def test_coordinated_provinces_are_not_containers(run):
    events = run("US jets struck Sanaa and the province of Saada on Saturday.", lang="en")
    assert {e.place.name for e in events} == {"Sanaa", "Saada"}


def test_capital_as_metonym_and_sources_are_not_targets(run):
    events = run(
        "Moscow was hit by drones on Tuesday, the mayor said. Russia blamed Kyiv for the attack, "
        "according to officials in Washington.",
        lang="en",
    )
    assert [e.place.name for e in events] == ["Moscow"]
    assert events[0].actor == "Ukraine"


def test_dateline_is_not_an_event(run):
    events = run("BAGHDAD (Reuters) - Rockets hit Erbil on Monday.", lang="en")
    assert [e.place.name for e in events] == ["Erbil"]


def test_base_presence_and_future_deployment(run):
    events = run(
        "Quelque 900 soldats américains sont stationnés en Syrie. La France va déployer "
        "des renforts en Roumanie.",
        lang="fr",
    )
    base = _by(events, "Syria", Role.BASE)
    assert (base.event_type, base.sub_event_type, base.status) == (
        "Strategic developments", "Headquarters or base established", Status.ASSERTED,
    )
    assert base.actor == "United States"
    deploy = _by(events, "Romania", Role.BASE)
    assert (deploy.sub_event_type, deploy.status, deploy.actor) == ("Other", Status.FUTURE, "France")
    assert deploy.date is None


def test_casualties_in_the_next_sentence_and_claims(run):
    events = run(
        "Un attentat-suicide a frappé Kabul jeudi. Au moins 60 personnes ont été tuées. "
        "L'État islamique a revendiqué l'attaque.",
        lang="fr",
    )
    strike = _by(events, "Kabul")
    assert strike.sub_event_type == "Suicide bomb"
    assert strike.fatalities == 60
    assert strike.actor == "Islamic State"


def test_denied_claim_names_no_actor(run):
    events = run(
        "A rocket struck Majdal Shams on Saturday. Israel blamed Hezbollah, which denied it.",
        lang="en",
    )
    assert _by(events, "Majdal Shams").actor is None


def test_anaphoric_base(run):
    events = run(
        "Environ 900 soldats américains sont stationnés sur la base d'Al-Tanf. "
        "Des drones ont visé cette base la semaine dernière, sans faire de blessés.",
        lang="fr",
    )
    strike = _by(events, "Al-Tanf garrison")
    assert strike.weapon == "drone" and strike.injuries == 0 and strike.time_precision == 2


def test_battles_and_attacks_on_civilians(run):
    events = run("Des affrontements ont opposé l'armée aux rebelles à Omdurman samedi.", lang="fr")
    assert _by(events, "Omdurman").event_type == "Battles"
    events = run("Gunmen attacked villagers near Bankass, killing 30 civilians.", lang="en")
    attack = _by(events, "Bankass")
    assert (attack.event_type, attack.sub_event_type) == ("Violence against civilians", "Attack")


def test_evidence_offsets_point_into_the_article(run):
    text = "L'Iran a lancé 11 missiles sur Erbil le 8 janvier, tuant deux soldats."
    events = run(text, lang="fr", date="2020-01-31")
    strike = _by(events, "Erbil")
    fields = {e.field for e in strike.evidence}
    assert {"place", "event_type", "quantity", "weapon", "actor", "date", "fatalities"} <= fields
    for evidence in strike.evidence:
        assert text[evidence.start:evidence.end] == evidence.text


def test_no_trigger_no_event(run):
    assert run("Le ministre s'est rendu à Erbil puis à Bagdad mardi.", lang="fr") == ()
    assert run("", lang="en") == ()


def test_without_article_date(run):
    strike = _by(run("L'Iran a frappé Erbil le 8 janvier.", lang="fr", date=None), "Erbil")
    assert strike.date is None and strike.time_precision == 4
    assert [e.text for e in strike.evidence if e.field == "date"] == ["le 8 janvier"]


def test_region_coordinated_with_a_city_is_a_second_target(run):
    events = run(
        "Des frappes ont visé des infrastructures à Kharkiv et dans la région de Lviv lundi.",
        lang="fr",
    )
    assert {e.place.name for e in events} == {"Kharkiv", "Lviv"}


def test_mentions_that_cannot_be_event_places(run):
    events = run("Iran-backed militias fired rockets at Erbil on Monday.", lang="en")
    assert {e.place.name for e in events} == {"Erbil"}
    events = run(
        "La défense antiaérienne a abattu des drones au-dessus de Kyiv. "
        "Les roquettes ont visé Kharkiv mardi.",
        lang="fr",
    )
    assert {e.place.name for e in events} == {"Kyiv", "Kharkiv"}


def test_withdrawal_is_a_development_but_not_a_base(run):
    events = run("Russian troops withdrew from Kherson on Friday.", lang="en")
    assert [(e.role, e.event_type, e.sub_event_type) for e in events] == [
        (Role.OTHER, "Strategic developments", "Other")
    ]
    assert events[0].date == dt.date(2024, 1, 5)


def test_place_names_with_generic_heads_are_still_places(run):
    events = run("Rockets hit the Ain al-Asad air base on Monday.", lang="en")
    assert {(e.place.name, e.role) for e in events} == {
        ("Al Asad Air Base", Role.TARGET), ("Al Asad Air Base", Role.BASE)
    }


def test_locators_and_appositions_are_not_second_targets(run):
    events = run("At least 15 rockets hit Camp Taji, north of Baghdad, on Wednesday.", lang="en")
    assert {e.place.name for e in events} == {"Camp Taji"}
    events = run("A gunman killed 22 people in El Paso, Texas, on Saturday.", lang="en")
    assert [(e.place.name, e.event_type, e.fatalities) for e in events] == [
        ("El Paso", "Violence against civilians", 22)
    ]


def test_death_toll_and_possessive_date_belong_to_their_strike(run):
    events = run(
        "In Bakhmut, Ukrainian troops repelled several assaults on Saturday, and the death toll "
        "from Friday's missile strike on Dnipro rose to 45.",
        lang="en",
    )
    battle, strike = _by(events, "Bakhmut"), _by(events, "Dnipro")
    assert (battle.event_type, battle.actor, battle.fatalities, battle.weapon) == ("Battles", None, None, None)
    assert (strike.fatalities, strike.weapon, strike.date) == (45, "missile", dt.date(2024, 1, 5))


def test_partitive_count(run):
    events = run(
        "Islamic Jihad fired more than 400 rockets on Wednesday, one of which killed a man in Rehovot.",
        lang="en",
    )
    strike = _by(events, "Rehovot")
    assert (strike.quantity, strike.weapon, strike.fatalities) == (1, "rocket", 1)


def test_dateline_with_region(run):
    events = run("KYIV, Ukraine (AP) — Russian missiles hit Kharkiv on Tuesday.", lang="en")
    assert [e.place.name for e in events] == ["Kharkiv"]


def test_country_as_noun_modifier_and_named_installation(run):
    events = run(
        "Three rockets slammed into the US embassy compound in Baghdad on Sunday. "
        "Roughly 200 US troops will remain stationed at Al-Tanf in southern Syria.",
        lang="en",
    )
    strike = _by(events, "Baghdad")
    assert strike.quantity == 3 and strike.weapon == "rocket"
    assert not [e for e in events if e.place.name == "United States"]
    assert _by(events, "Al-Tanf garrison", Role.BASE).status is Status.ASSERTED
