"""RFC 7946 GeoJSON: structure, properties of the design notes, round-trip through GDAL."""

from __future__ import annotations

import json
import math

import pyogrio
import pytest

from geoevents.errors import GeoeventsError
from geoevents.outputs import OutputError, to_geojson, write_geojson
from geoevents.records import BASE_PROPERTIES, EVENT_PROPERTIES
from tests.outputs.outputs_samples import sample_records


@pytest.fixture
def sample_features():
    return sample_records()


def test_feature_collection_is_rfc7946(sample_features):
    fc = to_geojson(sample_features)
    assert fc["type"] == "FeatureCollection"
    assert "crs" not in fc
    assert len(fc["features"]) == len(sample_features)
    for feature, record in zip(fc["features"], sample_features, strict=True):
        assert feature["type"] == "Feature"
        assert feature["geometry"] == {"type": "Point", "coordinates": [record.lon, record.lat]}
        props = feature["properties"]
        assert set(BASE_PROPERTIES) <= set(props)
        if record.is_event:
            assert set(EVENT_PROPERTIES) <= set(props)
        else:
            assert not set(EVENT_PROPERTIES) & set(props)
    strike = fc["features"][0]["properties"]
    assert strike["date"] == "2020-01-08" and isinstance(strike["date"], str)
    assert strike["quantity"] == 11 and strike["injuries"] == 110 and strike["fatalities"] == 0
    assert strike["sources"] == ["article-1", "https://news.example.org/iran-strikes"]
    json.dumps(fc, allow_nan=False)  # plain JSON types only


def test_round_trip_through_gdal(sample_features, tmp_path):
    path = write_geojson(sample_features, tmp_path / "out.geojson")
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert "crs" not in raw
    frame = pyogrio.read_dataframe(path, DATE_AS_STRING="YES")
    assert len(frame) == len(sample_features)
    for (_, row), record in zip(frame.iterrows(), sample_features, strict=True):
        assert row["name"] == record.name
        assert row["category"] == record.category
        assert row["source_text"] == record.source_text
        assert math.isclose(row.geometry.x, record.lon) and math.isclose(row.geometry.y, record.lat)
        if record.date is not None:
            assert row["date"] == record.date
        if record.quantity is not None:
            assert int(row["quantity"]) == record.quantity


def test_dash_writes_to_stdout(sample_features, capsys):
    assert write_geojson(sample_features[:2], "-") is None
    out = json.loads(capsys.readouterr().out)
    assert [f["properties"]["name"] for f in out["features"]] == [f.name for f in sample_features[:2]]


def test_empty_collection(tmp_path):
    path = write_geojson([], tmp_path / "empty.geojson")
    assert json.loads(path.read_text()) == {"type": "FeatureCollection", "features": []}


@pytest.mark.parametrize(
    ("change", "message"),
    [({"lat": 91.0}, "latitude"), ({"lon": float("nan")}, "longitude"), ({"category": "x"}, "category")],
)
def test_bad_records_fail_cleanly_and_keep_the_old_file(sample_features, tmp_path, change, message):
    import dataclasses

    path = tmp_path / "out.geojson"
    path.write_text("previous")
    bad = [*sample_features, dataclasses.replace(sample_features[0], **change)]
    with pytest.raises(OutputError, match=message) as info:
        write_geojson(bad, path)
    assert isinstance(info.value, GeoeventsError)
    assert "\n" not in str(info.value)
    assert path.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.geojson"]  # no temp file left


def test_not_records_fail_cleanly():
    with pytest.raises(OutputError, match="not a MapFeature"):
        to_geojson([{"name": "x"}])  # type: ignore[list-item]
    with pytest.raises(OutputError, match="sequence"):
        to_geojson(5)  # type: ignore[arg-type]
