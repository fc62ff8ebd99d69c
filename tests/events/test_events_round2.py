"""Second-round rules: accusing governments, triggerless events, "the group", relative days,
shared triggers, battles' first side, incidents on different days, Arabic dates."""

from __future__ import annotations

import datetime as dt

import pytest

from geoevents.events.casualties import find_casualties
from geoevents.events.dates import find_dates
from geoevents.model import Role, Status


def _targets(events):
    return [e for e in events if e.role is Role.TARGET]


def test_capitals_accusing_each_other_are_not_targets(run):
    events = run("Des obus ont frappé mardi Erbil, Kiev et Moscou s'accusant mutuellement.", lang="fr")
    assert [e.place.name for e in _targets(events)] == ["Erbil"]
    assert _targets(events)[0].actor is None


def test_accused_country_is_not_a_target_but_can_be_blamed(run):
    events = run("Des drones ont frappé Odesa lundi. Washington accuse l'Iran de les avoir fournis.", lang="fr")
    assert [e.place.name for e in _targets(events)] == ["Odesa"]


def test_killed_by_falling_debris_is_an_event_of_the_barrage(run):
    text = "La Russie a tiré lundi des missiles sur Kyiv. Un homme a été tué à Odesa par la chute de débris."
    events = run(text, lang="fr")
    odesa = next(e for e in _targets(events) if e.place.name == "Odesa")
    assert odesa.fatalities == 1
    assert odesa.actor == "Russia"
    assert odesa.sub_event_type == "Shelling/artillery/missile attack"


def test_a_killing_weapon_without_trigger_word_is_the_trigger(run):
    events = run("A suicide bomber blew himself up in Kunduz on Monday, killing 12 people.", lang="en")
    (event,) = _targets(events)
    assert event.sub_event_type == "Suicide bomb"
    assert (event.fatalities, event.date) == (12, dt.date(2024, 1, 8))


def test_the_group_refers_to_the_last_armed_group(run):
    text = (
        "A car bomb exploded in Mogadishu on Saturday. Al-Shabaab said it targeted soldiers. "
        "Two days earlier, the group's fighters had attacked troops in Baidoa."
    )
    events = run(text, lang="en", date="2024-01-08")
    baidoa = next(e for e in _targets(events) if e.place.name == "Baidoa")
    assert baidoa.actor == "al-Shabaab"
    assert baidoa.date == dt.date(2024, 1, 4)


def test_coordinated_places_share_the_interception(run):
    text = "Air defences intercepted drones aimed at Odesa and Kharkiv, and vowed to strike back."
    events = run(text, lang="en")
    kinds = {e.place.name: (e.sub_event_type, e.status) for e in _targets(events)}
    assert kinds == {
        "Odesa": ("Disrupted weapons use", Status.ASSERTED),
        "Kharkiv": ("Disrupted weapons use", Status.ASSERTED),
    }


def test_battle_actor_is_the_first_side_after_opposed(run):
    text = "Des affrontements ont opposé samedi l'armée soudanaise aux paramilitaires à Omdurman."
    (event,) = _targets(run(text, lang="fr"))
    assert (event.event_type, event.actor) == ("Battles", "Sudan")


def test_french_demonym_after_the_trigger_noun(run):
    (event,) = _targets(run("Une frappe israélienne a touché samedi un immeuble à Damas.", lang="fr"))
    assert event.actor == "Israel"


def test_another_strike_on_another_day_is_another_event(run):
    text = (
        "An Israeli airstrike hit Jabalia on Monday, killing 20 people. "
        "Another strike hit the camp on Tuesday, wounding 40."
    )
    events = sorted(_targets(run(text, lang="en")), key=lambda e: e.date)
    assert [(e.date, e.fatalities, e.injuries) for e in events] == [
        (dt.date(2024, 1, 8), 20, None),
        (dt.date(2024, 1, 9), None, 40),
    ]


def test_casualty_counts_with_a_day_word_and_without_a_noun():
    found = find_casualties("La frappe a tué dimanche au moins 43 personnes et en a blessé 55.")
    assert [(c.field, c.value) for c in found] == [("fatalities", 43), ("injuries", 55)]
    assert [(c.field, c.value) for c in find_casualties("An explosion hit a mosque, wounding 15.")] == [
        ("injuries", 15)
    ]
    assert [(c.field, c.value) for c in find_casualties("The blast killed 12 and wounded at least 30.")] == [
        ("fatalities", 12),
        ("injuries", 30),
    ]


@pytest.mark.parametrize(
    ("text", "narrative", "expected"),
    [
        ("la veille, des drones", dt.date(2024, 1, 6), dt.date(2024, 1, 5)),
        ("la veille, des drones", None, dt.date(2024, 1, 9)),
        ("le lendemain, des drones", dt.date(2024, 1, 6), dt.date(2024, 1, 7)),
        ("le lendemain, des drones", None, None),
        ("Two days later, rockets hit", dt.date(2024, 1, 2), dt.date(2024, 1, 4)),
        ("on Sunday, two days after the attack", None, dt.date(2024, 1, 5)),
        ("قصفت الطائرات مساء أمس", None, dt.date(2024, 1, 9)),
        ("في 3 مارس سقطت صواريخ", None, dt.date(2023, 3, 3)),
        ("يوم 5 كانون الثاني", None, dt.date(2024, 1, 5)),
        ("يوم الأربعاء الماضي", None, dt.date(2024, 1, 3)),
        ("خلال الليلة الماضية", None, dt.date(2024, 1, 9)),
    ],
)
def test_relative_and_arabic_dates(text, narrative, expected):
    spans = find_dates(text, dt.date(2024, 1, 10), lang="ar" if text[0] > "z" else "fr", narrative=narrative)
    assert spans[-1].date_start == expected


def test_fire_and_ready_to_be_launched_are_not_triggers(run):
    text = "L'aviation américaine a frappé dans la nuit quatre missiles prêts à être lancés près d'Aden."
    (event,) = _targets(run(text, lang="fr"))
    assert (event.status, event.weapon, event.quantity) == (Status.ASSERTED, "airstrike", None)
    text = "A tanker caught fire off Aden after being struck by a Houthi anti-ship missile on Friday."
    (event,) = _targets(run(text, lang="en"))
    assert (event.weapon, event.actor, event.sub_event_type) == (
        "missile", "Houthis", "Shelling/artillery/missile attack"
    )


def test_ground_offensive_is_a_battle_and_sponsors_are_not_agents(run):
    text = "Israël a appelé les civils à partir et pourrait lancer une offensive terrestre sur Rafah."
    (event,) = _targets(run(text, lang="fr"))
    assert (event.event_type, event.status) == ("Battles", Status.HYPOTHETICAL)
    events = run("Rebels backed by Rwanda entered Goma on Sunday after days of fighting.", lang="en")
    assert [e.place.name for e in _targets(events)] == ["Goma"]


def test_a_one_line_report_is_dated_by_its_article(run):
    (event,) = _targets(run("Explosions à Beyrouth : au moins 8 morts et 2 750 blessés.", lang="fr"))
    assert (event.date, event.fatalities, event.injuries) == (dt.date(2024, 1, 10), 8, 2750)


def test_a_mixed_barrage_gives_no_weapon_to_a_later_sentence(run):
    text = "Russia fired 50 missiles and 30 drones at Ukraine overnight. In Kyiv, a warehouse was destroyed."
    kyiv = next(e for e in _targets(run(text, lang="en")) if e.place.name == "Kyiv")
    assert (kyiv.weapon, kyiv.actor) == (None, "Russia")


def test_actor_in_a_partitive_or_members_phrase(run):
    text = "Une centaine d'avions israéliens ont frappé dimanche des lanceurs près de Tyr."
    (event,) = _targets(run(text, lang="fr"))
    assert event.actor == "Israel"
    text = "Gunmen from the Islamic State stormed a village near Maiduguri on Saturday, killing 37 farmers."
    (event,) = _targets(run(text, lang="en"))
    assert (event.actor, event.event_type) == ("Islamic State", "Violence against civilians")


def test_aircraft_destroyed_on_the_ground_are_the_target_not_the_weapon(run):
    text = "Ukraine said it destroyed four Russian military aircraft at Pskov in a drone attack on Wednesday."
    strike = next(e for e in _targets(run(text, lang="en")) if e.place.name == "Pskov")
    assert (strike.weapon, strike.actor) == ("drone", "Ukraine")


def test_two_groups_of_victims_make_one_toll():
    found = find_casualties("Police said three civilians and two soldiers were killed.")
    assert [(c.field, c.value) for c in found] == [("fatalities", 5)]


def test_guided_bombs_are_air_strikes_and_aircraft_are_not_counted(run):
    text = "L'armée russe a frappé mardi Kharkiv avec des bombes aériennes guidées, tuant deux personnes."
    (event,) = _targets(run(text, lang="fr"))
    assert (event.sub_event_type, event.weapon, event.actor) == ("Air/drone strike", "airstrike", "Russia")
    text = "Deux avions de chasse américains ont frappé vendredi des installations près d'Abou Kamal."
    (event,) = _targets(run(text, lang="fr"))
    assert (event.actor, event.quantity) == ("United States", None)


def test_troops_sent_to_a_country_and_retaliation_targets(run):
    text = "The United States will send an additional 1,000 troops to Poland next month."
    (event,) = [e for e in run(text, lang="en") if e.role is Role.BASE]
    assert (event.place.name, event.status, event.actor) == ("Poland", Status.FUTURE, "United States")
    text = "Les Houthis ont tiré samedi des missiles sur Eilat, en représailles aux frappes israéliennes sur Hodeïda."
    hodeidah = next(e for e in _targets(run(text, lang="fr")) if e.place.name == "Al Hudaydah")
    assert (hodeidah.actor, hodeidah.date) == ("Israel", None)


def test_places_in_a_relative_clause_are_not_struck(run):
    text = "Une explosion a détruit samedi le pont de Kertch, qui relie la Crimée à la Russie."
    assert [e.place.name for e in _targets(run(text, lang="fr"))] == ["Kerch"]


def test_repelled_is_a_battle_without_the_defender_as_actor_and_its_own_clause(run):
    text = (
        "Hezbollah said its fighters had repelled an Israeli force near Kfar Kila on Tuesday "
        "and fired rockets at Metula, wounding one person."
    )
    events = {e.place.name: e for e in _targets(run(text, lang="en"))}
    assert (events["Kfar Kila"].event_type, events["Kfar Kila"].actor) == ("Battles", None)
    metula = events["Metula"]
    assert (metula.sub_event_type, metula.actor, metula.injuries) == (
        "Shelling/artillery/missile attack", "Hezbollah", 1
    )


def test_coordinated_subjects_and_linked_places(run):
    (event,) = _targets(run("U.S. and British forces struck Houthi targets in Sanaa on Saturday.", lang="en"))
    assert event.actor == "United States"
    text = "Two people were killed on Monday when the Kerch bridge linking Russia to Crimea was hit by drones."
    assert [e.place.name for e in _targets(run(text, lang="en"))] == ["Kerch"]


def test_a_later_sentence_takes_the_day_of_the_events_not_of_the_statement(run):
    text = (
        "Insurgents attacked police stations in Kalat overnight, officials said on Monday. "
        "In Musakhel, gunmen stopped trucks and shot dead 23 passengers."
    )
    musakhel = next(e for e in _targets(run(text, lang="en", date="2024-08-26")) if e.place.name == "Musa Khel Bazar")
    assert (musakhel.date, musakhel.fatalities) == (dt.date(2024, 8, 25), 23)


def test_a_named_commander_killed_is_one_death_and_no_count_inside_words():
    found = find_casualties("A U.S. drone strike near Baghdad airport killed Iranian general Qassem Soleimani.")
    assert [(c.field, c.value, c.text.split()[0]) for c in found] == [("fatalities", 1, "killed")]
    assert find_casualties("The drone strike near the airport damaged a hangar.") == []


def test_one_line_reports(run):
    (event,) = _targets(run("Kharkiv : un missile S-300 a frappé un immeuble dans la nuit, 9 blessés", lang="fr"))
    assert (event.place.name, event.quantity, event.injuries, event.date) == ("Kharkiv", 1, 9, dt.date(2024, 1, 9))
    events = run("Des roquettes tirées depuis le sud du Liban sont tombées près de Safed, pas de blessés", lang="fr")
    assert {(e.place.name, e.role) for e in events} == {("Safed", Role.TARGET), ("Lebanon", Role.ORIGIN)}
    (event,) = _targets(run("Explosions signalées à Belgorod : la défense antiaérienne a abattu trois missiles", lang="fr"))
    assert (event.sub_event_type, event.weapon) == ("Disrupted weapons use", "missile")


def test_launchers_are_not_launches_and_a_day_after_dates_the_later_event(run):
    text = "Israeli warplanes strike Hodeidah port, a day after a Houthi drone hit Tel Aviv killing one"
    events = {e.place.name: e for e in _targets(run(text, lang="en"))}
    assert events["Al Hudaydah"].date == dt.date(2024, 1, 10)
    assert (events["Tel Aviv"].date, events["Tel Aviv"].actor) == (dt.date(2024, 1, 9), "Houthis")
    text = "IDF says it struck Hezbollah launchers near Nabatieh on Tuesday."
    (event,) = _targets(run(text, lang="en"))
    assert event.actor == "Israel"


def test_interceptions_keep_their_kind_and_the_interceptor_is_not_the_actor(run):
    text = "Trois roquettes tirées depuis la bande de Gaza ont été interceptées lundi au-dessus de Sderot."
    events = run(text, lang="fr")
    (sderot,) = _targets(events)
    assert (sderot.sub_event_type, sderot.quantity, sderot.actor) == ("Disrupted weapons use", 3, None)
    origin = next(e for e in events if e.role is Role.ORIGIN)
    assert origin.status is Status.ASSERTED
    text = "Ukraine's air force said it shot down 20 drones over Kyiv overnight."
    (kyiv,) = _targets(run(text, lang="en"))
    assert (kyiv.sub_event_type, kyiv.actor) == ("Disrupted weapons use", None)
    text = "Explosions were heard near Isfahan on Friday as air defences fired at small drones. Iran said there was no damage."
    assert [(e.place.name, e.sub_event_type) for e in _targets(run(text, lang="en"))] == [
        ("Isfahan", "Disrupted weapons use")
    ]


def test_a_toll_in_a_where_clause_goes_to_its_place(run):
    text = "L'armée a frappé lundi la banlieue de Beyrouth et Tyr, où au moins six personnes ont été tuées."
    events = {e.place.name: e for e in _targets(run(text, lang="fr"))}
    assert (events["Beirut"].fatalities, events["Tyre"].fatalities) == (None, 6)


def test_planted_is_not_planned_and_an_army_saying_it_struck_is_the_actor(run):
    text = "An improvised explosive device planted on a motorcycle exploded in Quetta on Thursday, killing four policemen."
    (event,) = _targets(run(text, lang="en"))
    assert (event.status, event.fatalities) == (Status.ASSERTED, 4)
    text = "The Ukrainian army said it had struck a Russian command post near Donetsk on Monday."
    (event,) = _targets(run(text, lang="en"))
    assert event.actor == "Ukraine"


def test_death_of_soldiers_in_a_drone_attack_of_a_group(run):
    text = (
        "L'armée a intensifié vendredi ses tirs d'artillerie sur Khiam, après la mort de deux soldats "
        "dans une attaque de drone du Hezbollah près de Metoula."
    )
    events = {e.place.name: e for e in _targets(run(text, lang="fr"))}
    metula = events["Metula"]
    assert (metula.actor, metula.fatalities, metula.date) == ("Hezbollah", 2, None)
    assert events["Khiam"].fatalities is None


def test_a_counter_attack_does_not_inherit_the_attackers(run):
    text = (
        "Des jihadistes de l'État islamique ont tendu lundi une embuscade près de Ménaka, tuant sept soldats. "
        "L'armée affirme avoir riposté par des frappes de drones dans la zone."
    )
    events = [e for e in _targets(run(text, lang="fr")) if e.sub_event_type == "Air/drone strike"]
    # not the jihadists; since round 4 the bare "l'armée" is the army of the country it fights in
    assert [(e.place.name, e.actor) for e in events] == [("Ménaka", "Mali")]
