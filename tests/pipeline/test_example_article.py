"""The seed expectations of the product, on the article it was designed from (real pipeline)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import geoevents
from tests.conftest import EXAMPLE, run_cli

AIN_AL_ASAD = (33.786, 42.441)
ERBIL = (36.19, 44.01)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def near(features, point, radius_km, category=None):
    return [
        f for f in features
        if km(f.lat, f.lon, *point) <= radius_km and (category is None or f.category == category)
    ]


@pytest.fixture(scope="module")
def report(example_text):
    return geoevents.parse(example_text, date="2020-01-31", id="iran-strikes")


@pytest.fixture(scope="module")
def features(report):
    return geoevents.features(report)


def test_language_and_sentences(report):
    assert report.lang == "fr"
    assert len(report.sentences) > 10


def test_strike_at_ain_al_asad(features):
    strikes = near(features, AIN_AL_ASAD, 10, "strike")
    assert len(strikes) == 1, [(f.name, f.category) for f in features]
    strike = strikes[0]
    assert strike.mention == "Ain al-Assad"
    assert strike.actor and "Iran" in strike.actor
    assert strike.weapon and "missile" in strike.weapon
    assert strike.quantity == 11
    assert strike.date == "2020-01-08"
    assert strike.time_precision == 1
    assert strike.fatalities == 0
    assert strike.injuries is not None and strike.injuries >= 10  # "des dizaines"
    assert "11 missiles à Ain al-Assad" in strike.source_text
    assert strike.event_type == "Explosions/Remote violence"
    assert strike.geo_precision == 1


def test_strike_at_erbil_base(features):
    strikes = near(features, ERBIL, 40, "strike")
    assert len(strikes) == 1, [(f.name, f.category, f.lat, f.lon) for f in features]
    strike = strikes[0]
    assert strike.mention == "Erbil"
    assert strike.quantity == 1  # "un autre"
    assert strike.date == "2020-01-08"
    assert strike.actor and "Iran" in strike.actor
    assert strike.weapon and "missile" in strike.weapon


def test_ain_al_asad_is_a_base(features):
    assert near(features, AIN_AL_ASAD, 10, "base")


def test_countries_are_plain_places(features):
    places = {(f.country, f.feature) for f in features if f.category == "place"}
    assert ("IQ", "country") in places
    assert ("IR", "country") in places
    strikes = [f for f in features if f.category == "strike"]
    assert all(f.feature != "country" for f in strikes)


def test_no_place_from_people_or_organisations(report, example_text):
    org = example_text.index("l'État islamique en Irak et en Syrie")
    org_end = org + len("l'État islamique en Irak et en Syrie")
    for place in report.places:
        assert not (org <= place.mention.start < org_end), place
        assert place.mention.text not in {"Pentagone", "Esper", "Milley", "Caggins", "Soleimani"}
    assert all(p.country != "SY" for p in report.places)  # Syria is only in the group's name


def test_patriot_deployment_is_not_a_strike(features):
    for f in features:
        if f.category == "strike":
            assert "Patriot" not in f.source_text


def test_map_command_writes_map_and_prints_summary(tmp_path: Path):
    result = run_cli("map", str(EXAMPLE), "--date", "2020-01-31", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "output" / "iran-strikes-2020-01.fr.html"
    html = out.read_text(encoding="utf-8")
    assert "leaflet" in html.lower()
    assert "Ain al-Assad" in html
    assert "strike" in result.stdout and "Ain al-Assad" in result.stdout
    assert "2 strike(s)" in result.stdout


def test_geojson_command_is_rfc7946(tmp_path: Path):
    out = tmp_path / "a.geojson"
    result = run_cli("geojson", str(EXAMPLE), "--date", "2020-01-31", "-o", str(out))
    assert result.returncode == 0, result.stderr
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection
    strikes = [f for f in collection["features"] if f["properties"]["category"] == "strike"]
    assert len(strikes) == 2
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        props = feature["properties"]
        for key in ("category", "name", "mention", "gazetteer_id", "country", "feature",
                    "geo_precision", "source", "source_text"):
            assert key in props, key
    ain = min(strikes, key=lambda f: km(f["geometry"]["coordinates"][1],
                                        f["geometry"]["coordinates"][0], *AIN_AL_ASAD))
    lon, lat = ain["geometry"]["coordinates"]
    assert km(lat, lon, *AIN_AL_ASAD) < 10
    props = ain["properties"]
    for key in ("event_type", "sub_event_type", "date", "date_start", "date_end",
                "time_precision", "actor", "target", "weapon", "quantity", "fatalities",
                "injuries"):
        assert key in props, key
    assert props["date"] == "2020-01-08" and props["quantity"] == 11 and props["fatalities"] == 0


def test_toponyms_command_jsonl_shape():
    result = run_cli("toponyms", str(EXAMPLE))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    text = EXAMPLE.read_text(encoding="utf-8")
    assert record["toponyms"]
    for t in record["toponyms"]:
        assert set(t) >= {"start", "end", "text", "name", "lat", "lon", "gazetteer_id",
                          "feature", "country", "score"}
        assert text[t["start"]:t["end"]] == t["text"]
    assert any(t["text"] == "Erbil" for t in record["toponyms"])


def test_without_date_dates_keep_only_what_text_gives(example_text):
    report = geoevents.parse(example_text)
    strikes = [f for f in geoevents.features(report) if f.category == "strike"]
    assert strikes
    for strike in strikes:
        assert strike.date is None  # "le 8 janvier" has no year
        assert strike.time_precision != 1
