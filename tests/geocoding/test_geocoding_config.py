"""Configuration precedence and the chain that build_chain makes of it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from geocoding_server import GeoServer

from geoevents.geocoding import (
    CachedProvider,
    Chain,
    CircuitBreaker,
    GeocoderConfig,
    GeocoderConfigError,
    NominatimProvider,
    PhotonProvider,
    RateLimited,
    build_chain,
    online_chain,
)


def _config_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_offline_by_default() -> None:
    config = GeocoderConfig.from_env({})
    assert config.offline and config.use_gazetteer and config.use_cache


def test_file_then_environment_then_options(tmp_path: Path) -> None:
    path = _config_file(tmp_path, (
        '[geocoding]\ngeocoders = ["photon"]\nuser_agent = "file/1"\ntimeout = 9\n'
        '[geocoding.photon]\nurl = "http://file.example:2322"\n'
    ))
    from_file = GeocoderConfig.from_env({}, config_file=path)
    assert from_file.geocoders == ("photon",)
    assert (from_file.user_agent, from_file.timeout) == ("file/1", 9.0)
    assert from_file.url_for("photon") == "http://file.example:2322"

    env = {"GEOEVENTS_USER_AGENT": "env/2", "GEOEVENTS_GEOCODER": "nominatim,photon",
           "GEOEVENTS_CACHE": "off"}
    from_env = GeocoderConfig.from_env(env, config_file=path)
    assert from_env.geocoders == ("nominatim", "photon")
    assert from_env.user_agent == "env/2" and not from_env.use_cache
    assert from_env.url_for("photon") == "http://file.example:2322"

    final = GeocoderConfig.from_env(env, config_file=path, user_agent="cli/3",
                                    cache_path=tmp_path / "c.sqlite3", timeout=0.5)
    assert (final.user_agent, final.timeout, final.use_cache) == ("cli/3", 0.5, True)
    assert final.cache_path == tmp_path / "c.sqlite3"


def test_config_file_found_through_environment(tmp_path: Path) -> None:
    path = _config_file(tmp_path, '[geocoding]\ngeocoders = ["pelias"]\n')
    assert GeocoderConfig.from_env({"GEOEVENTS_CONFIG": str(path)}).geocoders == ("pelias",)


def test_default_config_file_in_user_config_folder(clean_env: Path) -> None:
    folder = clean_env / "xdg-config" / "geoevents"
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text('[geocoding]\ngeocoders = ["photon"]\n', "utf-8")
    assert GeocoderConfig.from_env().geocoders == ("photon",)


def test_bare_urls_pair_with_geocoders_in_order() -> None:
    config = GeocoderConfig.from_env(
        {}, geocoders=["nominatim", "photon"], geocoder_urls=["http://a:1", "http://b:2"])
    assert config.urls == {"nominatim": "http://a:1", "photon": "http://b:2"}
    named = GeocoderConfig.from_env({}, geocoder_urls=["photon=http://b:2"])
    assert named.urls == {"photon": "http://b:2"}
    with pytest.raises(GeocoderConfigError, match="NAME=URL"):
        GeocoderConfig.from_env({}, geocoder_urls=["http://a:1"])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[geocoding]\ncolour = "blue"\n', "unknown key 'colour'"),
        ('[geocoding]\ntimeout = -1\n', "timeout must be"),
        ('[geocoding]\ngeocoders = ["bing-maps"]\n', "unknown geocoder"),
        ('[geocoding.mapquest]\nurl = "http://x"\n', "unknown geocoder 'mapquest'"),
    ],
)
def test_config_file_mistakes_are_named(tmp_path: Path, text: str, message: str) -> None:
    path = _config_file(tmp_path, text)
    with pytest.raises(GeocoderConfigError, match=message) as info:
        GeocoderConfig.from_env({}, config_file=path)
    assert str(path) in str(info.value)


def test_build_chain_wraps_each_geocoder_in_cache_and_rate_limit(
    tmp_path: Path, server: GeoServer
) -> None:
    config = GeocoderConfig.from_env(
        {}, geocoders=["nominatim", "photon"],
        geocoder_urls=[server.url, server.url], cache_path=tmp_path / "c.sqlite3",
        no_gazetteer=True, min_delay=0.5,
    )
    chain = build_chain(config)
    assert isinstance(chain, Chain) and len(chain.providers) == 2
    for wrapped, cls in zip(chain.providers, (NominatimProvider, PhotonProvider), strict=True):
        assert isinstance(wrapped, CachedProvider)
        assert isinstance(wrapped.provider, CircuitBreaker)
        limited = wrapped.provider.provider
        assert isinstance(limited, RateLimited) and limited.shared is wrapped.cache
        assert isinstance(limited.provider, cls)
    # The rate limit spaces real requests; cache hits do not wait.
    for name in ("Erbil", "Kirkuk", "Iraq"):
        assert chain.geocode(name) is not None
    assert server.requests == 3
    started = time.monotonic()
    for name in ("Erbil", "Kirkuk", "Iraq"):
        assert chain.geocode(name) is not None
    # Paced, the three would take >= 2 x 0.5 s; from the cache, not even one interval.
    assert time.monotonic() - started < 0.5
    assert server.requests == 3
    chain.close()


def test_rate_limit_spaces_requests(server: GeoServer) -> None:
    limited = RateLimited(NominatimProvider(server.url), min_delay=0.25)
    started = time.monotonic()
    for name in ("Erbil", "Kirkuk", "Iraq"):
        limited.geocode(name)
    assert time.monotonic() - started >= 0.5
    assert server.requests == 3


def test_public_nominatim_is_paced_at_one_per_second(tmp_path: Path) -> None:
    config = GeocoderConfig.from_env({}, geocoders=["nominatim"], user_agent="t/1 (t@example.org)",
                                     no_gazetteer=True, no_cache=True)
    chain = build_chain(config)
    breaker = chain.providers[0]
    assert isinstance(breaker, CircuitBreaker)
    limited = breaker.provider
    assert isinstance(limited, RateLimited) and limited.min_delay == 1.0


def test_online_chain_for_the_pipeline(tmp_path: Path, server: GeoServer) -> None:
    assert online_chain(GeocoderConfig.from_env({})) is None  # offline by default
    config = GeocoderConfig.from_env({}, geocoders=["photon"], geocoder_urls=[server.url],
                                     cache_path=tmp_path / "c.sqlite3")
    chain = online_chain(config)
    assert chain is not None and [p.name for p in chain.providers] == ["photon"]
    erbil = chain.geocode("Erbil")
    assert erbil is not None and erbil.provider == "photon"
    chain.close()
