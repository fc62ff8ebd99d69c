"""French news names big cities by their French names: the map must find them."""

from __future__ import annotations

import pytest

import geoevents


@pytest.mark.parametrize(
    ("written", "country"),
    [("Moscou", "RU"), ("Damas", "SY"), ("Téhéran", "IR"), ("Alep", "SY"), ("Kaboul", "AF"),
     ("Mossoul", "IQ"), ("Londres", "GB"), ("Varsovie", "PL"), ("Bagdad", "IQ")],
)
def test_french_exonym_of_a_big_city(written, country):
    report = geoevents.parse(f"Des frappes ont visé {written} dans la nuit, selon l'armée.")
    places = [(p.mention.text, p.country, p.feature) for p in report.places]
    assert (written, country, "city") in places, places


def test_frequent_french_word_stays_out():
    report = geoevents.parse("Le chef du Pentagone a parlé. Une source a confirmé la reprise.")
    assert report.places == ()
