"""GeoPackage, CSV and KML: each written, read back with GDAL (pyogrio) and compared."""

from __future__ import annotations

import csv
import datetime as dt
import math

import pandas as pd
import pyogrio
import pytest

from geoevents.outputs import (
    CSV_COLUMNS,
    OutputError,
    to_geodataframe,
    write,
    write_csv,
    write_gpkg,
    write_kml,
)
from tests.outputs.outputs_samples import hostile_records, sample_records


@pytest.fixture
def sample_features():
    return sample_records()


@pytest.fixture
def xss_features():
    return hostile_records()

LAYERS = {"strike": "strikes", "base": "bases", "place": "places"}


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def test_geodataframe_is_typed_and_in_wgs84(sample_features):
    frame = to_geodataframe(sample_features)
    assert frame.crs.to_epsg() == 4326
    assert len(frame) == len(sample_features)
    assert str(frame["quantity"].dtype) == "Int32"
    assert str(frame["geo_precision"].dtype) == "Int32"
    assert "date32" in str(frame["date"].dtype)
    assert frame.loc[0, "date"] == dt.date(2020, 1, 8)
    assert frame.loc[0, "sources"] == "article-1 | https://news.example.org/iran-strikes"
    assert frame["quantity"].isna().tolist() == [f.quantity is None for f in sample_features]
    assert frame.geometry.x.tolist() == [f.lon for f in sample_features]


def test_gpkg_typed_layers_round_trip(sample_features, tmp_path):
    path = write_gpkg(sample_features, tmp_path / "events.gpkg")
    assert sorted(name for name, _ in pyogrio.list_layers(path)) == ["bases", "places", "strikes"]
    strikes = pyogrio.read_info(path, layer="strikes")
    types = dict(zip(strikes["fields"], strikes["ogr_types"], strict=True))
    assert types["date"] == "OFTDate"
    assert types["quantity"] == "OFTInteger"
    assert types["source_text"] == "OFTString"
    assert strikes["crs"] == "EPSG:4326"
    for category, layer in LAYERS.items():
        expected = [f for f in sample_features if f.category == category]
        frame = pyogrio.read_dataframe(path, layer=layer, use_arrow=True)
        assert len(frame) == len(expected)
        for (_, row), record in zip(frame.iterrows(), expected, strict=True):
            assert row["name"] == record.name and row["mention"] == record.mention
            assert row["source_text"] == record.source_text
            assert (row.geometry.x, row.geometry.y) == (record.lon, record.lat)
            if category != "place":
                got = row["date"]
                assert (got.isoformat() if got is not None else None) == record.date
                assert (None if _missing(row["quantity"]) else int(row["quantity"])) == record.quantity
                assert (None if _missing(row["fatalities"]) else int(row["fatalities"])) == record.fatalities


def test_gpkg_with_nothing_has_empty_layers(tmp_path):
    path = write_gpkg([], tmp_path / "empty.gpkg")
    assert {name for name, _ in pyogrio.list_layers(path)} == {"strikes", "bases", "places"}
    assert pyogrio.read_info(path, layer="strikes")["features"] == 0


def test_gpkg_needs_the_suffix(sample_features, tmp_path):
    with pytest.raises(OutputError, match=r"\.gpkg"):
        write_gpkg(sample_features, tmp_path / "events.sqlite")


def test_csv_has_acled_columns_and_round_trips(sample_features, tmp_path):
    path = write_csv(sample_features, tmp_path / "events.csv")
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    for acled in ("event_date", "event_type", "sub_event_type", "actor1", "location", "latitude",
                  "longitude", "geo_precision", "time_precision", "fatalities", "notes", "source"):
        assert acled in CSV_COLUMNS
    first = rows[0]
    assert first["event_date"] == "2020-01-08" and first["year"] == "2020"
    assert first["notes"] == sample_features[0].source_text
    assert first["source"] == "article-1 | https://news.example.org/iran-strikes"
    assert rows[3]["event_date"] == "2019-12-20"  # a range: its start, with the range beside it
    assert rows[3]["date_end"] == "2019-12-31" and rows[3]["time_precision"] == "2"

    frame = pyogrio.read_dataframe(
        path, X_POSSIBLE_NAMES="longitude", Y_POSSIBLE_NAMES="latitude", KEEP_GEOM_COLUMNS="NO"
    )
    assert len(frame) == len(sample_features)
    for (_, row), record in zip(frame.iterrows(), sample_features, strict=True):
        assert row["location"] == record.name
        assert row["notes"] == record.source_text
        assert math.isclose(row.geometry.x, record.lon) and math.isclose(row.geometry.y, record.lat)
        assert (row["fatalities"] or None) == (str(record.fatalities) if record.fatalities is not None else None)


def test_csv_keeps_awkward_text(sample_features, tmp_path):
    import dataclasses

    text = 'Il a dit "frappe", puis;\nune autre ligne, avec virgule'
    record = dataclasses.replace(sample_features[0], source_text=text)
    path = write_csv([record], tmp_path / "one.csv")
    with open(path, encoding="utf-8", newline="") as handle:
        assert next(csv.DictReader(handle))["notes"] == text


def test_kml_folders_round_trip(sample_features, tmp_path):
    path = write_kml(sample_features, tmp_path / "events.kml", title="Test <map>")
    text = path.read_text(encoding="utf-8")
    assert "<name>Test &lt;map&gt;</name>" in text
    assert "<TimeSpan><begin>2019-12-20</begin><end>2019-12-31</end></TimeSpan>" in text
    assert {name for name, _ in pyogrio.list_layers(path)} == set(LAYERS.values())
    for category, layer in LAYERS.items():
        expected = [f for f in sample_features if f.category == category]
        frame = pyogrio.read_dataframe(path, layer=layer)
        assert len(frame) == len(expected)
        for (_, row), record in zip(frame.iterrows(), expected, strict=True):
            assert row["Name"] == record.name
            assert row["source_text"] == record.source_text
            assert math.isclose(row.geometry.x, record.lon) and math.isclose(row.geometry.y, record.lat)
            if record.quantity is not None:
                assert int(row["quantity"]) == record.quantity


def test_kml_description_is_html_escaped(xss_features, tmp_path):
    path = write_kml(xss_features, tmp_path / "x.kml")
    text = path.read_text(encoding="utf-8")
    assert "<script" not in text and "<img" not in text
    frame = pyogrio.read_dataframe(path, layer="strikes")
    assert "<script>" not in frame.loc[0, "description"]  # shown as text by Google Earth
    assert frame.loc[0, "source_text"] == xss_features[0].source_text  # data kept exactly


@pytest.mark.parametrize(
    ("name", "fmt", "check"),
    [
        ("a.geojson", None, lambda p: p.read_text().startswith('{"type": "FeatureCollection"')),
        ("a.gpkg", None, lambda p: p.read_bytes()[:16] == b"SQLite format 3\x00"),
        ("a.csv", None, lambda p: p.read_text().startswith("event_date,")),
        ("a.kml", None, lambda p: "<kml" in p.read_text()),
        ("a.html", None, lambda p: "geoevents.layer(" in p.read_text()),
        ("a.out", "csv", lambda p: p.read_text().startswith("event_date,")),
    ],
)
def test_write_dispatches_by_format_or_suffix(sample_features, tmp_path, name, fmt, check):
    path = write(sample_features, tmp_path / name, format=fmt)
    assert path is not None and check(path)


def test_write_rejects_unknown_formats(sample_features, tmp_path):
    with pytest.raises(OutputError, match="output format"):
        write(sample_features, tmp_path / "a.xyz")
    with pytest.raises(OutputError, match="unknown output format"):
        write(sample_features, tmp_path / "a.csv", format="shp")
    with pytest.raises(OutputError, match="standard output"):
        write(sample_features, "-", format="gpkg")
    with pytest.raises(OutputError, match="does not apply to gpkg"):
        write(sample_features, tmp_path / "a.gpkg", title="T")


def test_write_passes_format_options(sample_features, tmp_path, capsys):
    path = write(sample_features, tmp_path / "a.kml", title="Frappes")
    assert "<name>Frappes</name>" in path.read_text(encoding="utf-8")
    path = write(sample_features, tmp_path / "a.html", title="Carte", tiles=None, self_contained=True)
    assert "<title>Carte</title>" in path.read_text(encoding="utf-8")
    assert write(sample_features, "-", format="html", fragment=True) is None
    assert capsys.readouterr().out.startswith("<iframe")


def test_unwritable_target_is_a_clean_error(sample_features, tmp_path):
    (tmp_path / "dir.csv").mkdir()
    with pytest.raises(OutputError, match="cannot write CSV"):
        write_csv(sample_features, tmp_path / "dir.csv")


def test_gpkg_into_a_directory_path_is_a_clean_error(sample_features, tmp_path):
    (tmp_path / "dir.gpkg").mkdir()
    with pytest.raises(OutputError, match="cannot write GeoPackage") as info:
        write_gpkg(sample_features, tmp_path / "dir.gpkg")
    assert "\n" not in str(info.value)
    assert (tmp_path / "dir.gpkg").is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir.gpkg"]  # no temp file left
