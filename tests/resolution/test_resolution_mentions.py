"""Mentions: demonyms only on request, longest match, short words, people."""

from __future__ import annotations

import pytest

from geoevents.matching import DEMONYM_PREFIX, TABLE_PREFIX, find_mentions
from geoevents.pipeline import open_gazetteer
from geoevents.text import split_sentences


@pytest.fixture(scope="module")
def gz():
    return open_gazetteer(progress=False)


def mentions(text, gz, **kw):
    return find_mentions(text, split_sentences(text), gazetteer=gz, **kw)


def test_demonyms_are_mentions_only_on_request(gz):
    text = "Iraqi forces and Russian advisers left Baghdad."
    plain = [m.text for m in mentions(text, gz)]
    assert plain == ["Baghdad"]  # no "Russian" read as some place named Russian
    found = {m.text: m.key for m in mentions(text, gz, demonyms=True)}
    assert found["Iraqi"].startswith(DEMONYM_PREFIX)
    assert found["Russian"].startswith(DEMONYM_PREFIX)
    assert "Baghdad" in found


def test_demonyms_resolve_to_their_country(gz):
    from geoevents.resolution import resolve

    text = "Officials said Iraqi and Palestinian envoys met in Cairo."
    found = mentions(text, gz, demonyms=True)
    out = {p.mention.text: p for p in resolve(found, gazetteer=gz, text=text,
                                               filter_mentions=False)}
    assert (out["Iraqi"].country, out["Iraqi"].feature) == ("IQ", "country")
    assert out["Palestinian"].country == "PS"
    assert out["Cairo"].country == "EG"


def test_longest_match_wins_and_table_keys(gz):
    found = mentions("Laurel County deputies searched the area.", gz)
    assert [(m.text, m.key) for m in found] == [("Laurel County", TABLE_PREFIX + "Laurel County")]


def test_abbreviation_beats_a_gazetteer_name(gz):
    found = [m.text for m in mentions("He lives in Topeka, Kan., with his family.", gz)]
    assert "Kan." in found


def test_two_letter_mixed_case_words_are_not_places(gz):
    text = "Il a été tué à Erbil. On ne sait pas qui."
    assert [m.text for m in mentions(text, gz)] == ["Erbil"]


def test_names_inside_hyphenated_compounds(gz):
    found = [m.text for m in mentions("Egyptian-US relations and the Arab-Israeli conflict.",
                                      gz, demonyms=True)]
    assert found == ["Egyptian", "Israeli"]


def test_party_district_notation(gz):
    text = "State Sen. Robert Ford, D-Charleston, and Rep. Ken Cuccinelli, R-Fairfax, voted no."
    found = [m.text for m in mentions(text, gz)]
    assert "Charleston" in found and "Fairfax" in found
    assert not any(m.startswith(("D-", "R-")) for m in found)


def test_currency_codes_are_not_places(gz):
    found = [m.text for m in mentions("A US$460 million settlement was paid in Libya.", gz)]
    assert found == ["Libya"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Hamas" is an alternate name of Hamm (Germany), "Shabaab" a village in Iran
        ("Hamas fired rockets at Sderot, the army said.", ["Sderot"]),
        ("Al-Shabaab fighters attacked a base near Mogadishu.", ["Mogadishu"]),
        ("Boko Haram a attaqué Baga.", ["Baga"]),
        # agencies as acronyms: SANA is not Sanaa, TASS not Tashkent, IRNA not Salerno
        ("The strike hit Homs, SANA reported, citing TASS and IRNA.", ["Homs"]),
        # weapon systems beside a weapon word or a model number
        ("Des missiles Iskander et des roquettes Grad ont frappé Kharkiv.", ["Kharkiv"]),
        ("Tomahawk missiles hit Shayrat air base; Mirage 2000 jets struck Mosul.", ["Shayrat air base", "Mosul"]),
        # ships: neither the prefix nor the name
        ("The USS Carney shot down drones over the Red Sea.", ["Red Sea"]),
        ("la force Al-Qods a frappé Erbil", ["Erbil"]),
    ],
)
def test_groups_agencies_weapons_and_ships_are_not_places(gz, text, expected):
    assert [m.text for m in mentions(text, gz)] == expected


def test_weapon_names_stay_places_without_a_weapon_word(gz):
    found = [m.text for m in mentions("A storm hit Tomahawk, Wisconsin, and Apache, Oklahoma.", gz)]
    assert found[:2] == ["Tomahawk", "Wisconsin"] and "Apache" in found
    assert [m.text for m in mentions("Sana, the capital, was calm.", gz)] == ["Sana"]
