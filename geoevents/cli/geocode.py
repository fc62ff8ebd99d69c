"""``geoevents geocode NAME...`` and ``geoevents cache info|clear``.

The geocoder options are declared once here as ``Annotated`` aliases (``GeocoderOpt`` ...)
so that other commands (``map``, ``geojson``) can take the same options and turn them into a
:class:`~geoevents.geocoding.GeocoderConfig` with :func:`config_from_options`.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from geoevents.errors import GeoeventsError

if TYPE_CHECKING:
    from geoevents.geocoding import CacheInfo, Chain, GeocoderConfig, Resolution

__all__ = [
    "app",
    "cache_app",
    "geocode_command",
    "config_from_options",
    "geocoder_from_options",
    "GeocoderOpt",
    "GeocoderUrlOpt",
    "UserAgentOpt",
    "CacheOpt",
    "NoCacheOpt",
    "ConfigOpt",
    "TimeoutOpt",
]

def _check_geocoders(values: list[str] | None) -> list[str] | None:
    from geoevents.geocoding import PROVIDERS

    for value in values or []:
        for name in value.split(","):
            name = name.strip().lower()
            if name and name != "gazetteer" and name not in PROVIDERS:
                raise typer.BadParameter(
                    f"unknown geocoder {name!r} (choose from: {', '.join(sorted(PROVIDERS))})"
                )
    return values


GeocoderOpt = Annotated[list[str] | None, typer.Option(
    "--geocoder", "-g", metavar="NAME", show_default=False, callback=_check_geocoders,
    help="Online geocoder asked after the gazetteer: nominatim, photon, pelias, geonames, arcgis "
         "(repeat for a chain). Default: none (offline), or $GEOEVENTS_GEOCODER.")]
GeocoderUrlOpt = Annotated[list[str] | None, typer.Option(
    "--geocoder-url", metavar="[NAME=]URL", show_default=False,
    help="Base URL of a self-hosted server, e.g. http://127.0.0.1:8080 (pairs with --geocoder "
         "in order, or NAME=URL).")]
UserAgentOpt = Annotated[str | None, typer.Option(
    "--user-agent", metavar="UA", show_default=False,
    help="HTTP User-Agent identifying you (required by the public Nominatim), "
         "e.g. 'myapp/1.0 (me@example.org)'.")]
CacheOpt = Annotated[Path | None, typer.Option(
    "--cache", metavar="PATH", dir_okay=False, show_default=False,
    help="Geocoding cache file (default: the per-user cache folder, or $GEOEVENTS_CACHE).")]
NoCacheOpt = Annotated[bool, typer.Option(
    "--no-cache", help="Neither read nor write the geocoding cache.")]
ConfigOpt = Annotated[Path | None, typer.Option(
    "--config", metavar="PATH", dir_okay=False, show_default=False,
    help="TOML configuration file (default: config.toml in the per-user config folder).")]
TimeoutOpt = Annotated[float | None, typer.Option(
    "--timeout", metavar="SECONDS", min=0.01, show_default=False,
    help="Seconds to wait for each geocoder request (default 5).")]


def config_from_options(
    geocoder: list[str] | None = None,
    geocoder_url: list[str] | None = None,
    user_agent: str | None = None,
    cache: Path | None = None,
    no_cache: bool = False,
    config: Path | None = None,
    timeout: float | None = None,
    no_gazetteer: bool = False,
) -> GeocoderConfig:
    """The configuration for these CLI options over the environment and the config file."""
    from geoevents.geocoding import GeocoderConfig

    return GeocoderConfig.from_env(
        config_file=config,
        geocoders=geocoder,
        geocoder_urls=geocoder_url,
        user_agent=user_agent,
        cache_path=cache,
        no_cache=no_cache,
        no_gazetteer=no_gazetteer,
        timeout=timeout,
    )


def geocoder_from_options(
    geocoder: list[str] | None = None,
    geocoder_url: list[str] | None = None,
    user_agent: str | None = None,
    cache: Path | None = None,
    no_cache: bool = False,
    config: Path | None = None,
    timeout: float | None = None,
) -> Chain | None:
    """For ``map``/``geojson``: the chain to pass as ``parse(..., geocoder=)``, or None offline.

    Raises :class:`~geoevents.geocoding.GeocoderError` (a ``GeoeventsError``) on bad settings.
    """
    from geoevents.geocoding import online_chain

    return online_chain(
        config_from_options(geocoder, geocoder_url, user_agent, cache, no_cache, config, timeout)
    )


def _fail(exc: GeoeventsError) -> NoReturn:
    sys.stderr.write(f"geoevents: error: {exc}\n")
    raise typer.Exit(exc.exit_code)


def _log_warnings_to_stderr() -> None:
    """Provider failures are warnings on stderr, one line each (unless logging is set up)."""
    logger = logging.getLogger("geoevents.geocoding")
    if logger.handlers or logging.getLogger().handlers:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("geoevents: warning: %(message)s"))
    handler.setLevel(logging.WARNING)
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)


app = typer.Typer(add_completion=False, no_args_is_help=True)
cache_app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="Inspect or empty the geocoding cache."
)
app.add_typer(cache_app, name="cache")


@app.command("geocode")
def geocode_command(
    names: Annotated[list[str], typer.Argument(
        metavar="NAME...", show_default=False,
        help="Place names to resolve; - reads one name per line from standard input.")],
    geocoder: GeocoderOpt = None,
    geocoder_url: GeocoderUrlOpt = None,
    user_agent: UserAgentOpt = None,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
    config: ConfigOpt = None,
    timeout: TimeoutOpt = None,
    country: Annotated[str | None, typer.Option(
        "--country", metavar="CC", show_default=False,
        help="Only places in this country (ISO 3166-1 alpha-2).")] = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", metavar="LL", show_default=False,
        help="Language of the names / of the answers (ISO 639-1).")] = None,
    no_gazetteer: Annotated[bool, typer.Option(
        "--no-gazetteer", help="Skip the embedded gazetteer; ask the online geocoders only.")] = False,
    json_output: Annotated[bool, typer.Option(
        "--json", help="One JSON object per name instead of a table.")] = False,
) -> None:
    """Resolve place names through the gazetteer and the configured geocoders, with the cache.

    Shows each name's place, coordinates, feature class and country, which provider answered
    and whether the cache did. Provider failures are warnings; the other providers go on.
    """
    from geoevents.geocoding import build_chain

    if country is not None and (len(country) != 2 or not country.isalpha()):
        raise typer.BadParameter(f"expected a two-letter country code, got {country!r}",
                                 param_hint="--country")
    names = _expand_stdin(names)
    _log_warnings_to_stderr()
    try:
        settings = config_from_options(
            geocoder, geocoder_url, user_agent, cache, no_cache, config, timeout, no_gazetteer
        )
        if not settings.use_gazetteer and settings.offline:
            raise GeoeventsError(
                "nothing to ask: --no-gazetteer needs at least one --geocoder"
            )
        with build_chain(settings) as chain:
            results = [chain.resolve(name, country=country, language=lang) for name in names]
    except GeoeventsError as exc:
        _fail(exc)
    if json_output:
        for result in results:
            typer.echo(json.dumps(_as_json(result), ensure_ascii=False))
    else:
        _print_table(results)


def _expand_stdin(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        if name == "-":
            out.extend(line.strip() for line in sys.stdin if line.strip())
        elif name.strip():
            out.append(name.strip())
    return out


def _as_json(result: Resolution) -> dict[str, object]:
    loc = result.location
    out: dict[str, object] = {"query": result.query, "found": loc is not None}
    if loc is not None:
        out.update(loc.to_dict())
        out["cached"] = loc.cached
    if result.failures:
        out["failures"] = [{"provider": f.provider, "error": f.error} for f in result.failures]
    return out


def _print_table(results: list[Resolution]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(show_edge=False, pad_edge=False)
    for column in ("query", "name", "lat", "lon", "feature", "country", "provider", "cached"):
        wrap = column in {"query", "name"}  # long names fold; the short columns stay whole
        table.add_column(column, justify="right" if column in {"lat", "lon"} else "left",
                         no_wrap=not wrap, overflow="fold" if wrap else "ellipsis",
                         min_width=None if wrap else len(column))
    for result in results:
        loc = result.location
        if loc is None:
            why = "failed" if result.failures else "not found"
            table.add_row(Text(result.query), Text(why, style="red" if result.failures else "dim"),
                          "", "", "", "", "", "")
            continue
        table.add_row(
            Text(result.query), Text(loc.name), f"{loc.lat:.5f}", f"{loc.lon:.5f}",
            Text(loc.feature), loc.country or "-", loc.provider,
            "yes" if loc.cached else ("no" if loc.provider != "gazetteer" else "-"),
        )
    Console(soft_wrap=True).print(table)


def _cache_settings(cache: Path | None, config: Path | None) -> GeocoderConfig:
    settings = config_from_options(cache=cache, config=config)
    if not settings.use_cache and cache is None:
        raise GeoeventsError("the geocoding cache is turned off ($GEOEVENTS_CACHE or config); "
                             "pass --cache PATH")
    return settings


@cache_app.command("info")
def cache_info_command(
    cache: CacheOpt = None,
    config: ConfigOpt = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Show the cache file, its size, entries and hits/misses by provider."""
    from geoevents.geocoding import GeocodeCache

    try:
        settings = _cache_settings(cache, config)
        with GeocodeCache(settings.cache_path) as store:
            info = store.info()
    except GeoeventsError as exc:
        _fail(exc)
    if json_output:
        typer.echo(json.dumps(_info_json(info), ensure_ascii=False))
        return
    _print_info(info)


def _info_json(info: CacheInfo) -> dict[str, object]:
    return {
        "path": str(info.path),
        "exists": info.exists,
        "size_bytes": info.size_bytes,
        "entries": info.entries,
        "expired": info.expired,
        "providers": {
            name: {"entries": s.entries, "found": s.found, "not_found": s.not_found,
                   "hits": s.hits, "misses": s.misses}
            for name, s in info.providers.items()
        },
    }


def _print_info(info: CacheInfo) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=True)
    console.print(f"path: {info.path}", markup=False, highlight=False)
    if not info.exists:
        console.print("empty (no cache file yet)")
        return
    console.print(f"size: {_human(info.size_bytes)}  entries: {info.entries}  "
                  f"expired: {info.expired}", highlight=False)
    if not info.providers:
        return
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("provider")
    for column in ("entries", "found", "not found", "hits", "misses"):
        table.add_column(column, justify="right")
    for name, s in info.providers.items():
        table.add_row(name, str(s.entries), str(s.found), str(s.not_found), str(s.hits),
                      str(s.misses))
    console.print(table)


def _human(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


@cache_app.command("clear")
def cache_clear_command(
    cache: CacheOpt = None,
    config: ConfigOpt = None,
    provider: Annotated[str | None, typer.Option(
        "--provider", metavar="NAME", show_default=False,
        help="Only this provider's entries.")] = None,
    expired: Annotated[bool, typer.Option(
        "--expired", help="Only entries past their expiry.")] = False,
) -> None:
    """Delete cached answers (all of them by default)."""
    from geoevents.geocoding import GeocodeCache

    try:
        settings = _cache_settings(cache, config)
        with GeocodeCache(settings.cache_path) as store:
            deleted = store.clear(provider=provider, expired_only=expired)
            path = store.path
    except GeoeventsError as exc:
        _fail(exc)
    typer.echo(f"removed {deleted} entr{'y' if deleted == 1 else 'ies'} from {path}")
