"""The embedded gazetteer as first provider, and the chain inside the article pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from geocoding_server import GeoServer

import geoevents
from geoevents.geocoding import (
    GazetteerProvider,
    GeocoderConfig,
    build_chain,
)
from geoevents.pipeline import open_gazetteer

ARTICLE = (
    "Rockets fell near Zummar on Monday night. A drone later struck a position near "
    "Bashiqa, officials in Erbil said."
)


@pytest.fixture(scope="module")
def gazetteer_provider() -> GazetteerProvider:
    return GazetteerProvider(open_gazetteer(progress=False))


def test_gazetteer_provider_answers_offline(gazetteer_provider: GazetteerProvider) -> None:
    erbil = gazetteer_provider.geocode("Erbil")
    assert erbil is not None
    assert (erbil.provider, erbil.country, erbil.feature) == ("gazetteer", "IQ", "city")
    assert erbil.provider_id.startswith("geonames:")
    assert abs(erbil.lat - 36.19) < 0.1 and abs(erbil.lon - 44.01) < 0.1
    base = gazetteer_provider.geocode("Aïn al-Assad")
    assert base is not None and base.feature == "airbase"
    assert gazetteer_provider.geocode("Zzyzxqvillé") is None


def test_gazetteer_provider_country_filter(gazetteer_provider: GazetteerProvider) -> None:
    lebanon = gazetteer_provider.geocode("Tripoli", country="lb")
    libya = gazetteer_provider.geocode("Tripoli", country="LY")
    assert lebanon is not None and lebanon.country == "LB"
    assert libya is not None and libya.country == "LY"
    assert lebanon.provider_id != libya.provider_id


def test_gazetteer_provider_open_reports_a_bad_path(tmp_path: Path) -> None:
    from geoevents.geocoding import GeocoderConfigError

    not_a_folder = tmp_path / "index"
    not_a_folder.write_text("x")
    with pytest.raises(GeocoderConfigError, match="gazetteer: cannot open"):
        GazetteerProvider.open(not_a_folder)


def test_chain_asks_online_only_for_what_the_gazetteer_lacks(
    tmp_path: Path, server: GeoServer, gazetteer_provider: GazetteerProvider
) -> None:
    config = GeocoderConfig.from_env(
        {}, geocoders=["nominatim"], geocoder_urls=[server.url], cache_path=tmp_path / "c.sqlite3")
    with build_chain(config, gazetteer=gazetteer_provider.gazetteer) as chain:
        erbil = chain.geocode("Erbil")
        crossing = chain.geocode("Al Qaim crossing")
    assert erbil is not None and erbil.provider == "gazetteer"
    assert crossing is not None and crossing.provider == "nominatim"
    assert crossing.feature == "checkpoint"
    assert [s.params["q"] for s in server.seen] == ["Al Qaim crossing"]


def test_second_run_of_the_same_article_makes_no_request(
    tmp_path: Path, server: GeoServer, gazetteer_provider: GazetteerProvider
) -> None:
    config = GeocoderConfig.from_env(
        {}, geocoders=["nominatim"], geocoder_urls=[server.url], cache_path=tmp_path / "c.sqlite3")
    gz = gazetteer_provider.gazetteer

    def run() -> list[tuple[str, str, float, float]]:
        # A fresh chain and cache object each run, as in a new process.
        with build_chain(config, gazetteer=gz) as chain:
            report = geoevents.parse(ARTICLE, date="2024-01-09", lang="en", gazetteer=gz,
                                     geocoder=chain)
        return [(p.name, p.provider, p.lat, p.lon) for p in report.places]

    first = run()
    asked = server.requests
    assert sorted(s.params["q"] for s in server.seen) == ["Bashiqa", "Zummar"]
    online = {name: provider for name, provider, _, _ in first if provider != "gazetteer"}
    assert online == {"Zummar": "nominatim", "Bashiqa": "nominatim"}
    assert {p for _, p, _, _ in first} <= {"gazetteer", "nominatim"}

    second = run()
    assert server.requests == asked
    assert second == first
