"""Geocoder configuration from a TOML file, environment variables and command-line options.

Precedence, lowest first: defaults, config file, environment, explicit options. With no
configuration, only the embedded gazetteer is asked: nothing goes online.

Config file (``--config PATH``, ``$GEOEVENTS_CONFIG`` or ``config.toml`` in the per-user
config folder)::

    [geocoding]
    geocoders = ["nominatim", "photon"]
    user_agent = "myapp/1.0 (me@example.org)"
    cache = "/var/cache/geoevents/geocode.sqlite3"   # or false for no cache
    timeout = 5.0

    [geocoding.nominatim]
    url = "http://127.0.0.1:8080"
    min_delay = 0

Environment: ``GEOEVENTS_GEOCODER`` (comma-separated names), ``GEOEVENTS_GEOCODER_URL``
(``URL`` or ``name=URL``, comma-separated), ``GEOEVENTS_USER_AGENT``, ``GEOEVENTS_CACHE``
(a path, or ``off``), ``GEOEVENTS_CONFIG``, ``GEOEVENTS_GEONAMES_USERNAME``,
``GEOEVENTS_PELIAS_API_KEY``.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._http_defaults import DEFAULT_RETRIES, DEFAULT_TIMEOUT
from .base import Provider
from .breaker import CircuitBreaker
from .cache import DEFAULT_MISS_TTL, DEFAULT_TTL, CachedProvider, GeocodeCache
from .chain import Chain
from .errors import GeocoderConfigError
from .gazetteer import GazetteerProvider
from .ratelimit import RateLimited

if TYPE_CHECKING:
    from ._geopy import GeopyProvider

__all__ = [
    "GeocoderConfig",
    "build_chain",
    "online_chain",
    "PROVIDERS",
    "provider_class",
    "default_config_path",
]

#: Online providers by name: "module:Class" under this package. A new geocoder is one module
#: and one line here.
PROVIDERS: dict[str, str] = {
    "nominatim": "nominatim:NominatimProvider",
    "photon": "photon:PhotonProvider",
    "pelias": "pelias:PeliasProvider",
    "geonames": "geonames:GeoNamesProvider",
    "arcgis": "arcgis:ArcGISProvider",
}

_OFF = {"", "0", "off", "no", "none", "false"}


def provider_class(name: str) -> type[GeopyProvider]:
    """The provider class registered as ``name``."""
    try:
        module_name, cls_name = PROVIDERS[name.lower()].split(":")
    except KeyError:
        raise GeocoderConfigError(
            f"unknown geocoder {name!r} (choose from: {', '.join(sorted(PROVIDERS))})"
        ) from None
    module = importlib.import_module(f"{__package__}.{module_name}")
    cls: type[GeopyProvider] = getattr(module, cls_name)
    return cls


def default_config_path() -> Path:
    """``config.toml`` in the per-user config folder (platformdirs)."""
    import platformdirs

    return Path(platformdirs.user_config_dir("geoevents", appauthor=False)) / "config.toml"


@dataclass(frozen=True, slots=True)
class GeocoderConfig:
    """Everything :func:`build_chain` needs; fill it directly or with :meth:`from_env`.

    Attributes
    ----------
    geocoders : tuple of str
        Online providers after the gazetteer, in order (``()``: offline).
    urls : mapping
        Provider name -> base URL of a self-hosted or alternative server.
    user_agent : str or None
        HTTP User-Agent (required by the public Nominatim).
    cache_path : Path or None
        Cache file; None means the per-user cache folder.
    use_cache, use_gazetteer : bool
        Turn the persistent cache / the embedded gazetteer off.
    gazetteer_path : Path or None
        Gazetteer index to open (None: the packaged one).
    timeout, retries : float, int
        Per-request timeout in seconds; retries on 429, 5xx and timeouts.
    min_delay : float or None
        Seconds between requests to each provider (None: the service's policy).
    ttl_days, miss_ttl_days : float
        How long found places / misses stay in the cache.
    max_failures, cooldown : int, float
        After this many failures in a row a provider is skipped for ``cooldown`` seconds.
    provider_options : mapping
        Provider name -> extra keyword arguments (``api_key``, ``username``, ``min_delay``).
    """

    geocoders: tuple[str, ...] = ()
    urls: Mapping[str, str] = field(default_factory=dict)
    user_agent: str | None = None
    cache_path: Path | None = None
    use_cache: bool = True
    use_gazetteer: bool = True
    gazetteer_path: Path | None = None
    timeout: float = DEFAULT_TIMEOUT
    retries: int = DEFAULT_RETRIES
    min_delay: float | None = None
    ttl_days: float = DEFAULT_TTL / 86400
    miss_ttl_days: float = DEFAULT_MISS_TTL / 86400
    max_failures: int = 3
    cooldown: float = 60.0
    provider_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @property
    def offline(self) -> bool:
        return not self.geocoders

    @classmethod
    def from_env(
        cls,
        env: Mapping[str, str] | None = None,
        *,
        config_file: str | os.PathLike[str] | None = None,
        geocoders: Sequence[str] | None = None,
        geocoder_urls: Sequence[str] | None = None,
        user_agent: str | None = None,
        cache_path: str | os.PathLike[str] | None = None,
        no_cache: bool = False,
        no_gazetteer: bool = False,
        timeout: float | None = None,
        retries: int | None = None,
        min_delay: float | None = None,
    ) -> GeocoderConfig:
        """Defaults < config file < environment (``os.environ`` by default) < these arguments.

        ``geocoder_urls`` items are ``name=URL`` or a bare ``URL``; bare URLs pair with
        ``geocoders`` in order (the usual case: one ``--geocoder`` and one ``--geocoder-url``).
        """
        env = os.environ if env is None else env
        config = cls()
        path = config_file or env.get("GEOEVENTS_CONFIG")
        if path:
            config = config._merge_file(Path(path), required=True)
        else:
            config = config._merge_file(default_config_path(), required=False)
        config = config._merge_env(env)
        return config._merge_options(
            geocoders=geocoders,
            geocoder_urls=geocoder_urls,
            user_agent=user_agent,
            cache_path=cache_path,
            no_cache=no_cache,
            no_gazetteer=no_gazetteer,
            timeout=timeout,
            retries=retries,
            min_delay=min_delay,
        )

    def url_for(self, name: str) -> str | None:
        return self.urls.get(name)

    def _merge_file(self, path: Path, *, required: bool) -> GeocoderConfig:
        if not path.exists() and not required:
            return self
        tomllib = _toml()
        try:
            with open(path, "rb") as handle:
                data = tomllib.load(handle)
        except FileNotFoundError:
            if required:
                raise GeocoderConfigError(f"config file {path} does not exist") from None
            return self
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise GeocoderConfigError(f"config file {path}: {exc}") from None
        section = data.get("geocoding", {})
        if not isinstance(section, dict):
            raise GeocoderConfigError(f"config file {path}: [geocoding] must be a table")
        return self._merge_table(section, where=f"config file {path}")

    def _merge_table(self, section: Mapping[str, Any], *, where: str) -> GeocoderConfig:
        changes: dict[str, Any] = {}
        urls = dict(self.urls)
        options = {k: dict(v) for k, v in self.provider_options.items()}
        for key, value in section.items():
            try:
                if isinstance(value, dict):
                    provider_class(key)  # fails on an unknown provider name
                    sub = dict(value)
                    if "url" in sub:
                        urls[key] = str(sub.pop("url"))
                    options.setdefault(key, {}).update(sub)
                elif key == "geocoders":
                    changes["geocoders"] = _names(value if isinstance(value, list) else [value])
                elif key == "user_agent":
                    changes["user_agent"] = str(value)
                elif key == "cache":
                    if value is False or str(value).lower() in _OFF:
                        changes["use_cache"] = False
                    else:
                        changes["cache_path"] = Path(str(value)).expanduser()
                        changes["use_cache"] = True
                elif key == "gazetteer":
                    if value is False:
                        changes["use_gazetteer"] = False
                    elif value is not True:
                        changes["gazetteer_path"] = Path(str(value)).expanduser()
                elif key in {"timeout", "min_delay", "ttl_days", "miss_ttl_days", "cooldown"}:
                    changes[key] = _positive(key, value)
                elif key in {"retries", "max_failures"}:
                    changes[key] = int(_positive(key, value))
                else:
                    raise GeocoderConfigError(f"unknown key {key!r}")
            except (TypeError, ValueError, GeocoderConfigError) as exc:
                raise GeocoderConfigError(f"{where}: [geocoding] {exc}") from None
        return replace(self, urls=urls, provider_options=options, **changes)

    def _merge_env(self, env: Mapping[str, str]) -> GeocoderConfig:
        config = self
        if env.get("GEOEVENTS_GEOCODER"):
            config = replace(config, geocoders=_names(env["GEOEVENTS_GEOCODER"].split(",")))
        if env.get("GEOEVENTS_GEOCODER_URL"):
            config = config._with_urls(env["GEOEVENTS_GEOCODER_URL"].split(","))
        if env.get("GEOEVENTS_USER_AGENT"):
            config = replace(config, user_agent=env["GEOEVENTS_USER_AGENT"])
        if "GEOEVENTS_CACHE" in env:
            value = env["GEOEVENTS_CACHE"]
            if value.strip().lower() in _OFF:
                config = replace(config, use_cache=False)
            else:
                config = replace(config, cache_path=Path(value).expanduser(), use_cache=True)
        options = {k: dict(v) for k, v in config.provider_options.items()}
        for var, provider, key in (
            ("GEOEVENTS_GEONAMES_USERNAME", "geonames", "username"),
            ("GEOEVENTS_PELIAS_API_KEY", "pelias", "api_key"),
        ):
            if env.get(var):
                options.setdefault(provider, {})[key] = env[var]
        return replace(config, provider_options=options)

    def _merge_options(
        self,
        *,
        geocoders: Sequence[str] | None,
        geocoder_urls: Sequence[str] | None,
        user_agent: str | None,
        cache_path: str | os.PathLike[str] | None,
        no_cache: bool,
        no_gazetteer: bool,
        timeout: float | None,
        retries: int | None,
        min_delay: float | None,
    ) -> GeocoderConfig:
        config = self
        if geocoders:
            config = replace(config, geocoders=_names(geocoders))
        if geocoder_urls:
            config = config._with_urls(geocoder_urls)
        if user_agent:
            config = replace(config, user_agent=user_agent)
        if cache_path is not None:
            config = replace(config, cache_path=Path(cache_path).expanduser(), use_cache=True)
        if no_cache:
            config = replace(config, use_cache=False)
        if no_gazetteer:
            config = replace(config, use_gazetteer=False)
        if timeout is not None:
            config = replace(config, timeout=_positive("timeout", timeout))
        if retries is not None:
            config = replace(config, retries=max(0, int(retries)))
        if min_delay is not None:
            config = replace(config, min_delay=_positive("min_delay", min_delay))
        return config

    def _with_urls(self, items: Iterable[str]) -> GeocoderConfig:
        urls = dict(self.urls)
        bare: list[str] = []
        for item in (i.strip() for i in items):
            if not item:
                continue
            name, sep, url = item.partition("=")
            if sep and "://" not in name and "/" not in name:
                provider_class(name)
                urls[name.lower()] = url
            else:
                bare.append(item)
        if bare:
            if len(bare) > len(self.geocoders):
                raise GeocoderConfigError(
                    f"{len(bare)} geocoder URL(s) but {len(self.geocoders)} --geocoder: "
                    "name each one (--geocoder NAME), or write NAME=URL"
                )
            urls.update(zip(self.geocoders, bare, strict=False))
        return replace(self, urls=urls)

    def summary(self) -> dict[str, Any]:
        """The configuration as plain values (for logs and ``--json`` output)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = str(value) if isinstance(value, Path) else value
        out["urls"] = dict(self.urls)
        out["provider_options"] = {
            k: {kk: ("***" if kk in {"api_key", "username"} else vv) for kk, vv in v.items()}
            for k, v in self.provider_options.items()
        }
        return out


def _toml() -> Any:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        try:
            import tomli as tomllib  # type: ignore[no-redef]
        except ImportError:
            raise GeocoderConfigError(
                "reading the config file needs Python 3.11 or the tomli package"
            ) from None
    return tomllib


def _names(values: Iterable[Any]) -> tuple[str, ...]:
    names: list[str] = []
    for value in values:
        for part in str(value).split(","):
            name = part.strip().lower()
            if not name or name == "gazetteer":  # always first; see use_gazetteer
                continue
            provider_class(name)
            if name not in names:
                names.append(name)
    return tuple(names)


def _positive(key: str, value: Any) -> float:
    number = float(value)
    if not number >= 0:
        raise GeocoderConfigError(f"{key} must be a number >= 0, got {value!r}")
    return number


def build_chain(
    config: GeocoderConfig | None = None,
    *,
    gazetteer: Any = None,
    cache: GeocodeCache | None = None,
) -> Chain:
    """The provider chain for ``config``: the gazetteer, then each online geocoder.

    Each geocoder is wrapped as ``CachedProvider(CircuitBreaker(RateLimited(provider)))``:
    cache hits cost no request and never wait; the rate limit (booked in the cache file, so
    shared by processes) paces real requests; the breaker stops asking a provider that keeps
    failing.

    Parameters
    ----------
    config : GeocoderConfig, optional
        Default: ``GeocoderConfig()`` (offline: the gazetteer alone).
    gazetteer : gazetteer.Gazetteer, optional
        An already open gazetteer to reuse instead of opening ``config.gazetteer_path``.
    cache : GeocodeCache, optional
        A cache to share instead of opening ``config.cache_path``.

    Raises
    ------
    GeocoderConfigError
        Unknown provider, bad URL, missing user agent (public Nominatim) or key.
    GeocoderCacheError
        The cache file cannot be opened.
    """
    from ._geopy import GeopyProvider
    from ._http import RetryPolicy

    config = config or GeocoderConfig()
    providers: list[Provider] = []
    if config.use_gazetteer:
        providers.append(
            GazetteerProvider(gazetteer)
            if gazetteer is not None
            else GazetteerProvider.open(config.gazetteer_path)
        )
    if cache is None and config.use_cache and config.geocoders:
        cache = GeocodeCache(
            config.cache_path, ttl=config.ttl_days * 86400, miss_ttl=config.miss_ttl_days * 86400
        ).open()
    retry = RetryPolicy(retries=config.retries)
    for name in config.geocoders:
        options = dict(config.provider_options.get(name, {}))
        delay = options.pop("min_delay", None)
        provider: Provider = provider_class(name)(
            config.url_for(name),
            user_agent=config.user_agent,
            timeout=config.timeout,
            retry=retry,
            **options,
        )
        if delay is None:
            delay = config.min_delay
        if delay is None and isinstance(provider, GeopyProvider):
            delay = provider.polite_delay
        if delay:
            provider = RateLimited(provider, min_delay=float(delay), shared=cache)
        provider = CircuitBreaker(
            provider, max_failures=config.max_failures, cooldown=config.cooldown
        )
        if cache is not None:
            provider = CachedProvider(provider, cache)
        providers.append(provider)
    return Chain(providers)


def online_chain(config: GeocoderConfig | None, *, cache: GeocodeCache | None = None) -> Chain | None:
    """The chain for ``geoevents.parse(..., geocoder=...)``: online providers only, or None.

    The pipeline has asked the embedded gazetteer already, so the chain leaves it out; with no
    geocoder configured (the default) this returns None and the run stays offline.
    """
    if config is None or config.offline:
        return None
    return build_chain(replace(config, use_gazetteer=False), cache=cache)
