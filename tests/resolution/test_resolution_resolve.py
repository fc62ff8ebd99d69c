"""Resolution: context, qualifiers, one sense per document, the mention filter, and a small
hand-annotated news set scored end to end."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from geoevents.evaluation import Document, Toponym, score
from geoevents.matching import find_mentions
from geoevents.pipeline import open_gazetteer, toponyms
from geoevents.ranking import load_models
from geoevents.resolution import FEATURES, MENTION_FEATURES, resolve
from geoevents.text import split_sentences

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "resolution" / "news.gold.jsonl"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def gz():
    return open_gazetteer(progress=False)


def places(text, gz, **kw):
    ms = find_mentions(text, split_sentences(text), gazetteer=gz)
    return resolve(ms, gazetteer=gz, text=text, **kw)


def test_state_named_in_the_article_picks_the_town(gz):
    # Springfield, Missouri is the biggest Springfield; Tennessee in the text says otherwise.
    text = "A Springfield man was arrested near Clarksville. Both towns are in Tennessee."
    got = {p.mention.text: p for p in places(text, gz)}
    assert got["Springfield"].country == "US"
    assert km(got["Springfield"].lat, got["Springfield"].lon, 36.51, -86.89) < 30


def test_without_context_the_biggest_place_wins(gz):
    got = {p.mention.text: p for p in places("Springfield residents voted on Tuesday.", gz)}
    assert km(got["Springfield"].lat, got["Springfield"].lon, 37.22, -93.30) < 30  # Missouri


def test_qualifier_after_a_comma(gz):
    got = places("Officials in Springfield, Ill., said the plant would close.", gz)
    first = got[0]
    assert first.mention.text == "Springfield"
    assert km(first.lat, first.lon, 39.80, -89.64) < 30


def test_one_sense_per_document(gz):
    text = ("Springfield, Ohio, police said. Springfield officers were praised. "
            "Later, Springfield residents met.")
    points = {(p.lat, p.lon) for p in places(text, gz) if p.mention.text == "Springfield"}
    assert len(points) == 1
    (lat, lon), = points
    assert km(lat, lon, 39.92, -83.81) < 30


def test_person_surname_is_filtered_but_places_stay(gz):
    text = ("Andrew Trapani is a film producer. Trapani said the film, shot in Connecticut, "
            "opens in Los Angeles on Friday.")
    names = {p.mention.text for p in places(text, gz)}
    assert "Trapani" not in names
    assert {"Connecticut", "Los Angeles"} <= names
    # Without the filter the surname is a town in Sicily: the filter does the work.
    assert "Trapani" in {p.mention.text for p in places(text, gz, filter_mentions=False)}


def test_filter_not_applied_to_other_languages(gz):
    text = "Des frappes aériennes ont touché Idleb, selon des témoins."
    assert [p.name for p in places(text, gz, lang="fr")] == ["Idlib"]


def test_models_match_the_feature_lists():
    models = load_models()
    assert models["candidates"].names == FEATURES
    assert models["mentions"].names == MENTION_FEATURES
    assert 0.0 < models["mentions"].threshold < 1.0


def test_small_news_set_end_to_end(gz):
    gold, pred = {}, {}
    for line in FIXTURE.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        doc = json.loads(line)
        gold[doc["id"]] = Document(doc["id"], tuple(
            Toponym(t["start"], t["end"], lat=t["lat"], lon=t["lon"]) for t in doc["toponyms"]))
        pred[doc["id"]] = Document(doc["id"], tuple(
            Toponym(t["start"], t["end"], lat=t["lat"], lon=t["lon"])
            for t in toponyms(doc["text"], gazetteer=gz)))
    s = score(gold, pred)
    assert s.gold == 44
    assert s.precision >= 0.85, s
    assert s.e2e161 >= 0.8, s


def test_namesake_city_in_place_of_its_region(gz):
    got = {p.mention.text: p for p in places("Rockets hit Basra and Nairobi overnight.", gz,
                                              filter_mentions=False)}
    assert (got["Basra"].feature, got["Basra"].country) == ("city", "IQ")
    assert km(got["Basra"].lat, got["Basra"].lon, 30.51, 47.81) < 20
    assert got["Nairobi"].feature == "city"
