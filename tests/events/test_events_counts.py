"""Numbers, munition counts and casualty counts."""

from __future__ import annotations

import pytest

from geoevents.events.casualties import find_casualties
from geoevents.events.quantities import find_quantities, parse_number
from geoevents.events.triggers import find_weapons


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("11", 11), ("5 200", 5200), ("5,200", 5200), ("onze", 11), ("vingt-deux", 22),
        ("trente et un", 31), ("quatre-vingts", 80), ("two hundred and five", 205),
        ("une douzaine", 12), ("des dizaines", 20), ("dozens", 24), ("des centaines", 200),
        ("plusieurs", 3), ("a few", 3), ("missile", None), ("", None),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


def _quantities(text, lang):
    return [(q.value, q.weapon) for q in find_quantities(text, find_weapons(text, lang))]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("L'Iran a lancé 11 missiles à Ain al-Assad et un autre à Erbil", "fr", [(11, "missile"), (1, None)]),
        ("une douzaine de roquettes Katioucha", "fr", [(12, "rocket")]),
        ("11 missiles balistiques", "fr", [(11, "missile")]),
        ("two armed drones and a ballistic missile", "en", [(2, "drone"), (1, "missile")]),
        ("dozens of rockets", "en", [(24, "rocket")]),
        ("Two car bombs exploded", "en", [(2, "car bomb")]),
        ("a drone attack on the base", "en", []),
        ("une attaque de drone contre la base", "fr", []),
        ("une salve de roquettes", "fr", []),
        ("Un attentat-suicide", "fr", []),
        ("the 5200 troops and missiles", "en", []),
        ("des missiles", "fr", []),
    ],
)
def test_munition_counts(text, lang, expected):
    assert _quantities(text, lang) == expected


def _casualties(text):
    return [(c.field, c.value) for c in find_casualties(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aucune troupe américaine n'a été tuée, mais des dizaines ont subi des traumatismes",
         [("fatalities", 0), ("injuries", 20)]),
        ("Trois civils ont été tués et 12 blessés.", [("fatalities", 3), ("injuries", 12)]),
        ("Le bombardement a fait 7 morts et une vingtaine de blessés.",
         [("fatalities", 7), ("injuries", 20)]),
        ("The blast killed 12 people and wounded at least 30.", [("fatalities", 12), ("injuries", 30)]),
        ("killing at least 60 Afghans and 13 U.S. troops, officials said.", [("fatalities", 73)]),
        ("Three U.S. service members were killed and at least 34 injured",
         [("fatalities", 3), ("injuries", 34)]),
        ("tuant cinq soldats", [("fatalities", 5)]),
        ("killing a woman in the suburb", [("fatalities", 1)]),
        ("No one was hurt.", [("injuries", 0)]),
        ("sans faire de victimes", [("fatalities", 0), ("injuries", 0)]),
        ("Aucune victime n'a été signalée.", [("fatalities", 0), ("injuries", 0)]),
        ("There were no immediate reports of casualties.", []),
        ("une personne a été tuée et quatre autres blessées", [("fatalities", 1), ("injuries", 4)]),
        ("Iran fired 11 missiles that killed 3 soldiers", [("fatalities", 3)]),
        ("Des dizaines de personnes sont portées disparues.", []),
    ],
)
def test_casualties(text, expected):
    assert _casualties(text) == expected


def test_casualty_evidence_is_the_words():
    found = find_casualties("mais des dizaines ont subi des traumatismes crâniens")
    assert found[0].text == "des dizaines ont subi des traumatismes"
