"""The map pipeline shares matching and resolution: demonyms stay off the map, strike sites
with modest evidence stay on it."""

from __future__ import annotations

import geoevents


def test_demonyms_do_not_become_map_places():
    report = geoevents.parse("Iraqi forces and Russian advisers left Mosul on Monday.",
                             date="2020-01-10", lang="en")
    assert [p.mention.text for p in report.places] == ["Mosul"]
    assert all(p.country == "IQ" for p in report.places)


def test_map_keeps_strike_sites_the_corpus_filter_would_doubt():
    text = "Houthi missiles targeted Marib on Tuesday, while Saudi jets struck Saada."
    names = {p.mention.text for p in geoevents.parse(text, date="2021-02-10", lang="en").places}
    assert {"Marib", "Saada"} <= names
    corpus = {t["text"] for t in geoevents.toponyms(text, lang="en")}
    assert corpus <= names  # the geoparsing output is the stricter of the two


def test_french_text_is_not_filtered_by_the_english_model():
    text = "Des frappes aériennes russes ont touché Idleb, faisant 12 morts."
    places = geoevents.parse(text, date="2020-02-05").places
    assert [p.name for p in places] == ["Idlib"]
