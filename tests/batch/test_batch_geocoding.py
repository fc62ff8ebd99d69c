"""With an online geocoder, each unknown place name is asked once per batch, whatever the workers."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from batch_helpers import geojson_of, run_batch_cli
from batch_nominatim import Nominatim

from geoevents.batch import run_batch
from geoevents.geocoding import GeocoderConfig

# Made-up villages: no gazetteer knows them, only the test server.
VILLAGES = {
    "Tell Qarmuzan": (36.41, 43.12, "iq"),
    "Umm Zubaydiyat": (34.05, 42.77, "iq"),
    "Kafr Saydunah": (35.51, 36.82, "sy"),
    "Tell Wardiyat": (36.22, 38.91, "sy"),
}
UNKNOWN = "Khirbat Jiddayn"  # the server does not know it either: asked once, then a cached miss


def _feed(path: Path, n: int) -> Path:
    rng = random.Random(4)
    names = [*VILLAGES, UNKNOWN]
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            village = names[i % len(names)]
            text = (f"Russia fired {rng.randint(2, 9)} missiles at Kharkiv on March 3. "
                    f"Residents fled to camps near {village} overnight, officials said (report {i}).")
            handle.write(json.dumps({"id": f"g{i:03d}", "text": text, "date": "2022-03-04"}) + "\n")
    return path


def _places(out: Path) -> dict[str, tuple[float, float]]:
    return {
        f["properties"]["mention"]: tuple(f["geometry"]["coordinates"])
        for f in geojson_of(out)["features"] if f["properties"]["provider"] != "gazetteer"
    }


@pytest.mark.parametrize("workers", [1, 2, "dask"])
def test_each_unknown_name_is_geocoded_once_per_batch(
    tmp_path: Path, workers: int | str, gazetteer_ready: None, request: pytest.FixtureRequest
) -> None:
    feed = _feed(tmp_path / "feed.jsonl", 60)
    options: dict[str, Any] = {"workers": workers}
    if workers == "dask":
        options = {"scheduler": request.getfixturevalue("dask_cluster").scheduler_address}
    with Nominatim(VILLAGES) as server:
        config = GeocoderConfig(geocoders=("nominatim",), urls={"nominatim": server.url},
                                cache_path=tmp_path / "geocode.sqlite3")
        result = run_batch([feed], tmp_path / "out", geocoder=config, chunk_size=4, **options)
        assert result.parsed == 60 and result.failed == 0
        assert dict(server.requests) == {name: 1 for name in [*VILLAGES, UNKNOWN]}
        assert result.geocoded == 5
        places = _places(tmp_path / "out")
        assert places == {name: (lon, lat) for name, (lat, lon, _) in VILLAGES.items()}

        # Another batch on the same cache asks nothing.
        again = run_batch([feed], tmp_path / "out2", geocoder=config, **options)
        assert again.parsed == 60
        assert sum(server.requests.values()) == 5
        assert geojson_of(tmp_path / "out2") == geojson_of(tmp_path / "out")


def test_geocoder_options_of_the_command(tmp_path: Path, gazetteer_ready: None) -> None:
    feed = _feed(tmp_path / "feed.jsonl", 20)
    with Nominatim(VILLAGES) as server:
        result = run_batch_cli(
            str(feed), "--out", str(tmp_path / "out"), "--workers", "2", "-q",
            "--geocoder", "nominatim", "--geocoder-url", server.url,
            "--cache", str(tmp_path / "cache.sqlite3"),
        )
        assert result.returncode == 0, result.stderr
        assert "5 unique place name(s) sent to the online geocoder(s)" in result.stdout
        assert max(server.requests.values()) == 1 and len(server.requests) == 5
    assert set(_places(tmp_path / "out")) == set(VILLAGES)


def test_offline_batch_does_not_know_the_villages(tmp_path: Path, gazetteer_ready: None) -> None:
    feed = _feed(tmp_path / "feed.jsonl", 10)
    run_batch([feed], tmp_path / "out")
    mentions = {f["properties"]["mention"] for f in geojson_of(tmp_path / "out")["features"]}
    assert not mentions & {*VILLAGES, UNKNOWN}
