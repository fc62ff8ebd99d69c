"""Third-round rules: bare bombardments are shelling, civilian facilities are not bases,
shares of intercepted munitions."""

from __future__ import annotations

import pytest

from geoevents.model import Role


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Des bombardements ont frappé lundi la ville de Kharkiv, faisant deux morts.", "fr"),
        ("Un homme a été tué dans le bombardement d'un marché à Kherson lundi.", "fr"),
        ("A bombardment hit Kharkiv on Monday, killing two people.", "en"),
    ],
)
def test_a_bare_bombardment_is_shelling(run, text, lang):
    (event,) = [e for e in run(text, lang=lang) if e.role is Role.TARGET]
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.weapon == "artillery"


def test_an_aerial_bombardment_stays_an_air_strike(run):
    (event,) = run("Des bombardements aériens ont frappé lundi Kharkiv.", lang="fr")
    assert event.sub_event_type == "Air/drone strike"


@pytest.mark.parametrize("kind", ["energy", "port", "oil"])
def test_a_civilian_facility_hit_is_a_target_not_a_base(run, kind):
    events = run(f"Two drones struck an {kind} facility in Poltava on Sunday.", lang="en")
    assert [e.role for e in events] == [Role.TARGET]


def test_a_facility_housing_troops_is_still_a_base(run):
    text = "Missiles targeted a facility in Erbil housing U.S. troops on Wednesday."
    roles = {e.role for e in run(text, lang="en")}
    assert Role.BASE in roles and Role.TARGET in roles


@pytest.mark.parametrize(
    ("text", "lang", "shot_down"),
    [
        ("Air defences shot down 29 of 31 drones over Kyiv on Sunday.", "en", 29),
        ("Russia fired 20 missiles; air defences downed 18 of them over Odesa on Friday.", "en", 18),
        ("Les défenses ukrainiennes ont intercepté lundi 15 des 17 missiles au-dessus de Kiev.", "fr", 15),
    ],
)
def test_an_interception_counts_its_share_of_the_salvo(run, text, lang, shot_down):
    (event,) = [e for e in run(text, lang=lang) if e.sub_event_type == "Disrupted weapons use"]
    assert event.quantity == shot_down


def test_a_strike_counts_the_whole_salvo_not_the_share(run):
    text = "Ukrainian drones attacked Novorossiysk on Tuesday, officials said, adding that 12 of the 14 drones were downed."
    events = [e for e in run(text, lang="en") if e.role is Role.TARGET]
    assert [(e.sub_event_type, e.quantity) for e in events] == [
        ("Air/drone strike", 14), ("Disrupted weapons use", 12)  # the share is the interception's
    ]


@pytest.mark.parametrize("speaker", ["civil defence", "health ministry", "governor"])
def test_a_possessive_source_is_not_a_place_of_the_event(run, speaker):
    text = f"Israeli jets struck Khan Younis on Tuesday, killing 12 people, Gaza's {speaker} said."
    events = run(text, lang="en")
    assert [(e.place.name, e.fatalities) for e in events] == [("Khan Yunis", 12)]
