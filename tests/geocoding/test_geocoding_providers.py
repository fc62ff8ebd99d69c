"""Each geopy provider against a real local server speaking its JSON API."""

from __future__ import annotations

import pytest
from geocoding_server import GEONAMES_USER, GeoServer

from geoevents.geocoding import (
    ArcGISProvider,
    GeocoderAccessDenied,
    GeocoderConfigError,
    GeoNamesProvider,
    Location,
    NominatimProvider,
    PeliasProvider,
    PhotonProvider,
    place_from_location,
)
from geoevents.model import Mention


def test_nominatim_finds_a_place_with_its_feature_and_country(server: GeoServer) -> None:
    provider = NominatimProvider(server.url, user_agent="geoevents-tests/1.0")
    loc = provider.geocode("Aïn al-Assad")
    assert loc is not None
    assert (loc.name, loc.lat, loc.lon) == ("Ain al-Asad Air Base", 33.7856, 42.4411)
    assert (loc.feature, loc.country) == ("airbase", "IQ")
    assert (loc.provider, loc.provider_id) == ("nominatim", "osm:W25438373")
    assert server.seen[0].path == "/search"
    assert server.seen[0].params["q"] == "Aïn al-Assad"
    assert server.seen[0].user_agent == "geoevents-tests/1.0"


def test_nominatim_maps_admin_levels(server: GeoServer) -> None:
    provider = NominatimProvider(server.url)
    iraq = provider.geocode("Irak")
    anbar = provider.geocode("Anbar")
    assert iraq is not None and anbar is not None
    assert (iraq.feature, iraq.provider_id) == ("country", "osm:R304934")
    assert anbar.feature == "admin1"
    # A self-hosted server gets the software's own agent; no personal one is needed.
    assert server.seen[0].user_agent.startswith("geoevents")


def test_nominatim_miss_is_none(server: GeoServer) -> None:
    assert NominatimProvider(server.url).geocode("Nowhereville") is None
    assert server.requests == 1


def test_nominatim_country_filter_is_sent_to_the_server(server: GeoServer) -> None:
    provider = NominatimProvider(server.url)
    lebanon = provider.geocode("Tripoli", country="lb")
    libya = provider.geocode("Tripoli")
    assert lebanon is not None and libya is not None
    assert lebanon.country == "LB" and lebanon.lat == pytest.approx(34.4367)
    assert libya.country == "LY"
    assert server.seen[0].params["countrycodes"] == "lb"


def test_photon_parses_geojson_and_filters_country_itself(server: GeoServer) -> None:
    provider = PhotonProvider(server.url)
    erbil = provider.geocode("Arbil")
    assert erbil is not None
    assert (erbil.name, erbil.feature, erbil.country, erbil.provider) == (
        "Erbil", "city", "IQ", "photon")
    assert erbil.provider_id == "osm:N274937383"
    lebanon = provider.geocode("Tripoli", country="LB")
    assert lebanon is not None and lebanon.country == "LB"
    assert provider.geocode("Tripoli", country="FR") is None
    assert server.seen[0].path == "/api"


def test_pelias_parses_layers_and_iso3_countries(server: GeoServer) -> None:
    provider = PeliasProvider(server.url)
    anbar = provider.geocode("al-Anbar")
    assert anbar is not None
    assert (anbar.feature, anbar.country, anbar.provider) == ("admin1", "IQ", "pelias")
    assert anbar.provider_id == "pelias:openstreetmap:region:3203483"
    assert server.seen[0].path == "/v1/search"


def test_geonames_web_service(server: GeoServer) -> None:
    provider = GeoNamesProvider(server.url, username=GEONAMES_USER)
    base = provider.geocode("Al Asad Airbase")
    assert base is not None
    assert (base.name, base.feature, base.country, base.provider) == (
        "Ain al-Asad Air Base", "airbase", "IQ", "geonames")
    assert base.provider_id.startswith("geonames:")
    lebanon = provider.geocode("Tripoli", country="LB")
    assert lebanon is not None and lebanon.country == "LB"
    assert server.seen[1].params["country"] == "LB"
    assert provider.geocode("Nowhereville") is None


def test_geonames_account_errors(server: GeoServer) -> None:
    with pytest.raises(GeocoderConfigError, match="account name"):
        GeoNamesProvider(server.url)
    with pytest.raises(GeocoderAccessDenied, match="user does not exist"):
        GeoNamesProvider(server.url, username="someone-else").geocode("Erbil")


def test_arcgis_candidates(server: GeoServer) -> None:
    provider = ArcGISProvider(server.url)
    base = provider.geocode("Al Asad Airbase")
    assert base is not None
    assert (base.name, base.feature, base.country, base.provider) == (
        "Ain al-Asad Air Base", "base", "IQ", "arcgis")
    assert (base.lat, base.lon) == (33.7856, 42.4411)
    lebanon = provider.geocode("Tripoli", country="LB")
    assert lebanon is not None and lebanon.country == "LB" and lebanon.feature == "city"
    assert server.seen[0].path.endswith("/GeocodeServer/findAddressCandidates")
    assert server.seen[0].params["outFields"] == "*"
    assert provider.geocode("Nowhereville") is None


def test_pelias_needs_a_url() -> None:
    with pytest.raises(GeocoderConfigError, match="--geocoder-url"):
        PeliasProvider()


def test_public_nominatim_without_user_agent_is_a_one_line_config_error() -> None:
    with pytest.raises(GeocoderConfigError) as info:
        NominatimProvider()  # construction only: nothing is sent
    message = str(info.value)
    assert "\n" not in message and "--user-agent" in message
    # With an identifying agent it is accepted and paced at one request per second.
    provider = NominatimProvider(user_agent="geoevents-tests/1.0 (tests@example.org)")
    assert provider.is_public and provider.polite_delay == 1.0


def test_bad_url_is_a_config_error() -> None:
    with pytest.raises(GeocoderConfigError, match="http"):
        NominatimProvider("ftp://example.org")


def test_location_becomes_a_place_that_names_its_provider(server: GeoServer) -> None:
    loc = NominatimProvider(server.url).geocode("Kirkouk")
    assert isinstance(loc, Location)
    mention = Mention(start=10, end=17, text="Kirkouk", key="kirkouk")
    place = place_from_location(mention, loc)
    assert place.provider == "nominatim"
    assert place.gazetteer_id == "osm:N274936999"
    assert place.geo_precision == 1
    assert (place.lat, place.lon) == (loc.lat, loc.lon)
