"""Commands that read articles: map, geojson, toponyms, export."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import UsageError
from ..sources import MAX_ARTICLE_BYTES
from .geocode import (
    CacheOpt,
    ConfigOpt,
    GeocoderOpt,
    GeocoderUrlOpt,
    NoCacheOpt,
    UserAgentOpt,
    geocoder_from_options,
)

if TYPE_CHECKING:
    import datetime as dt

    from ..model import Article, Report
    from ..records import MapFeature


class Language(str, Enum):
    auto = "auto"
    fr = "fr"
    en = "en"
    ar = "ar"


class ExportFormat(str, Enum):
    geojson = "geojson"
    gpkg = "gpkg"
    csv = "csv"
    kml = "kml"
    html = "html"


ArticlesArg = Annotated[
    list[str],
    typer.Argument(help="Article files (text or HTML); '-' reads standard input.", show_default=False),
]
DateOpt = Annotated[
    str | None,
    typer.Option("--date", help="Publication date YYYY-MM-DD: the anchor for relative dates."),
]
LangOpt = Annotated[Language, typer.Option("--lang", help="Article language.")]
GazetteerOpt = Annotated[
    Path | None,
    typer.Option(
        "--gazetteer",
        envvar="GEOEVENTS_GAZETTEER",
        help="Gazetteer index to use (default: the embedded one in the user data folder).",
    ),
]
EncodingOpt = Annotated[str, typer.Option("--encoding", help="Text encoding of the articles.")]
MaxSizeOpt = Annotated[
    int,
    typer.Option("--max-size", help="Largest article accepted, in MB.", min=1),
]


def _cli_date(value: str | None) -> dt.date | None:
    from ..errors import InputError
    from ..sources import parse_date

    try:
        return parse_date(value, what="--date")
    except InputError as exc:
        raise UsageError(str(exc)) from None


def read_articles(
    paths: Sequence[str],
    *,
    date: str | None,
    lang: Language,
    encoding: str = "utf-8",
    max_size_mb: int = MAX_ARTICLE_BYTES // (1024 * 1024),
) -> list[Article]:
    """Read every article first, so that a bad input fails before anything is written."""
    from ..sources import read_article

    anchor = _cli_date(date)
    language = None if lang is Language.auto else lang.value
    if list(paths).count("-") > 1:
        raise UsageError("standard input ('-') can be given only once")
    return [
        read_article(
            p, date=anchor, lang=language, encoding=encoding, max_bytes=max_size_mb * 1024 * 1024
        )
        for p in paths
    ]


def _parse_all(
    articles: Sequence[Article], gazetteer: Path | None, geocoding: dict[str, Any] | None = None
) -> list[Report]:
    from ..pipeline import open_gazetteer, parse

    gz = open_gazetteer(gazetteer)
    chain = geocoder_from_options(**geocoding) if geocoding else None
    if len(articles) < 4:
        return [parse(a, gazetteer=gz, geocoder=chain) for a in articles]
    from rich.progress import track

    return [
        parse(a, gazetteer=gz, geocoder=chain)
        for a in track(articles, description="Parsing articles", console=_stderr_console())
    ]


def _findings(
    articles: Sequence[str],
    *,
    date: str | None,
    lang: Language,
    encoding: str,
    max_size: int,
    gazetteer: Path | None,
    **geocoding: Any,
) -> tuple[list[Article], list[Report], list[MapFeature]]:
    """Read every article, parse them, and merge their findings into map records."""
    docs = read_articles(articles, date=date, lang=lang, encoding=encoding, max_size_mb=max_size)
    reports = _parse_all(docs, gazetteer, geocoding)
    return docs, reports, _features(reports)


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def _features(reports: Sequence[Report]) -> list[MapFeature]:
    from .. import features

    return features(reports)


def _default_output(articles: Sequence[Article], suffix: str) -> Path:
    if len(articles) == 1:
        stem = "stdin" if articles[0].id == "stdin" else Path(articles[0].id).name
        for ending in (".txt", ".html", ".htm", ".md"):
            if stem.lower().endswith(ending):
                stem = stem[: -len(ending)]
                break
    else:
        stem = "geoevents-map"
    return Path("output") / f"{stem}{suffix}"


def _print_summary(features: Sequence[MapFeature], reports: Sequence[Report], output: Path) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    # Piped output (logs, CI) gets a wide table rather than rich's 80-column default.
    console = Console(width=None if sys.stdout.isatty() else 160)
    table = Table(title=f"{len(reports)} article(s): what was found")
    for column in ("category", "place", "as written", "country", "date", "actor", "weapon",
                   "qty", "killed", "injured"):
        table.add_column(column, overflow="fold")
    order = {"strike": 0, "base": 1, "place": 2}

    def cell(value: object) -> Text:  # Text, not markup: article words are untrusted
        return Text("" if value is None else str(value))

    for f in sorted(features, key=lambda f: (order.get(f.category, 3), f.name)):
        table.add_row(*map(cell, (f.category, f.name, f.mention, f.country, f.date, f.actor,
                                  f.weapon, f.quantity, f.fatalities, f.injuries)))
    console.print(table)
    counts = {c: sum(1 for f in features if f.category == c) for c in ("strike", "base", "place")}
    console.print(
        f"{counts['strike']} strike(s), {counts['base']} base(s), {counts['place']} other place(s) "
        f"-> {output}",
        markup=False,
        highlight=False,
    )


def map_command(
    articles: ArticlesArg,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="HTML file (default: output/<article>.html).")
    ] = None,
    date: DateOpt = None,
    lang: LangOpt = Language.auto,
    title: Annotated[str | None, typer.Option("--title", help="Map title.")] = None,
    tiles: Annotated[
        str | None,
        typer.Option("--tiles", help="Base map: OpenStreetMap, CartoDB positron, none, or a URL template."),
    ] = None,
    self_contained: Annotated[
        bool,
        typer.Option("--self-contained", help="Inline Leaflet and assets: no network request for code."),
    ] = False,
    fragment: Annotated[
        bool, typer.Option("--fragment", help="Write an HTML fragment to embed in a report page.")
    ] = False,
    geocoder: GeocoderOpt = None,
    geocoder_url: GeocoderUrlOpt = None,
    user_agent: UserAgentOpt = None,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
    config: ConfigOpt = None,
    gazetteer: GazetteerOpt = None,
    encoding: EncodingOpt = "utf-8",
    max_size: MaxSizeOpt = MAX_ARTICLE_BYTES // (1024 * 1024),
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Do not print the summary table.")] = False,
) -> None:
    """Write a Leaflet map of the strikes, bases and places in ARTICLE(s)."""
    docs, reports, features = _findings(
        articles, date=date, lang=lang, encoding=encoding, max_size=max_size, gazetteer=gazetteer,
        geocoder=geocoder, geocoder_url=geocoder_url, user_agent=user_agent, cache=cache,
        no_cache=no_cache, config=config,
    )
    target = output or _default_output(docs, ".html")
    from ..outputs import write_map

    options: dict[str, Any] = {
        "title": title or _title(docs),
        "sources": [d.url or d.id for d in docs],
        "self_contained": self_contained,
        "fragment": fragment,
    }
    if tiles is not None:
        options["tiles"] = None if tiles.lower() == "none" else tiles
    write_map(features, target, **options)
    if not quiet:
        _print_summary(features, reports, target)


def _title(docs: Sequence[Article]) -> str:
    if len(docs) == 1:
        first_line = docs[0].text.strip().split("\n", 1)[0]
        return first_line if len(first_line) <= 90 else first_line[:87] + "…"
    return f"{len(docs)} articles"


def geojson_command(
    articles: ArticlesArg,
    output: Annotated[
        str, typer.Option("-o", "--output", help="GeoJSON file, or '-' for standard output.")
    ] = "-",
    date: DateOpt = None,
    lang: LangOpt = Language.auto,
    geocoder: GeocoderOpt = None,
    geocoder_url: GeocoderUrlOpt = None,
    user_agent: UserAgentOpt = None,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
    config: ConfigOpt = None,
    gazetteer: GazetteerOpt = None,
    encoding: EncodingOpt = "utf-8",
    max_size: MaxSizeOpt = MAX_ARTICLE_BYTES // (1024 * 1024),
) -> None:
    """Write the findings of ARTICLE(s) as an RFC 7946 GeoJSON FeatureCollection."""
    _, _, features = _findings(
        articles, date=date, lang=lang, encoding=encoding, max_size=max_size, gazetteer=gazetteer,
        geocoder=geocoder, geocoder_url=geocoder_url, user_agent=user_agent, cache=cache,
        no_cache=no_cache, config=config,
    )
    from ..outputs import write_geojson

    write_geojson(features, output)


def export_command(
    articles: ArticlesArg,
    format: Annotated[  # noqa: A002 - the option is called --format
        ExportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ExportFormat.geojson,
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="Output path ('-' = stdout for text formats).")
    ] = None,
    date: DateOpt = None,
    lang: LangOpt = Language.auto,
    geocoder: GeocoderOpt = None,
    geocoder_url: GeocoderUrlOpt = None,
    user_agent: UserAgentOpt = None,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
    config: ConfigOpt = None,
    gazetteer: GazetteerOpt = None,
    encoding: EncodingOpt = "utf-8",
    max_size: MaxSizeOpt = MAX_ARTICLE_BYTES // (1024 * 1024),
) -> None:
    """Export the findings of ARTICLE(s) as GeoJSON, GeoPackage, CSV, KML or HTML."""
    if output == "-" and format is ExportFormat.gpkg:
        raise UsageError("a GeoPackage cannot be written to standard output; give -o PATH")
    docs, _, features = _findings(
        articles, date=date, lang=lang, encoding=encoding, max_size=max_size, gazetteer=gazetteer,
        geocoder=geocoder, geocoder_url=geocoder_url, user_agent=user_agent, cache=cache,
        no_cache=no_cache, config=config,
    )
    target = output or str(_default_output(docs, f".{format.value}"))
    from ..outputs import write

    write(features, target, format=format.value)
    if target != "-":
        typer.echo(f"{len(features)} feature(s) -> {target}", err=True)


def _documents(
    articles: Sequence[str], jsonl: Path | None, *, date: str | None, lang: Language, encoding: str
) -> list[Article]:
    from ..sources import read_jsonl

    if jsonl is None and not articles:
        raise UsageError("give ARTICLE files or --jsonl DOCS.jsonl")
    docs: list[Article] = []
    if articles:
        docs.extend(read_articles(articles, date=date, lang=lang, encoding=encoding))
    if jsonl is not None:
        anchor = _cli_date(date)
        language = None if lang is Language.auto else lang.value
        docs.extend(read_jsonl(jsonl, date=anchor, lang=language))
    return docs


def toponyms_command(
    articles: Annotated[
        list[str] | None, typer.Argument(help="Article files; '-' reads standard input.")
    ] = None,
    jsonl: Annotated[
        Path | None,
        typer.Option("--jsonl", help="JSONL documents: one {\"id\", \"text\", \"date\"?} per line."),
    ] = None,
    output: Annotated[str, typer.Option("-o", "--output", help="JSONL output, '-' = stdout.")] = "-",
    date: DateOpt = None,
    lang: LangOpt = Language.auto,
    gazetteer: GazetteerOpt = None,
    encoding: EncodingOpt = "utf-8",
) -> None:
    """Print one JSON line per document with its toponyms (offsets, names, coordinates)."""
    docs = _documents(articles or [], jsonl, date=date, lang=lang, encoding=encoding)
    from ..pipeline import open_gazetteer, toponyms

    gz = open_gazetteer(gazetteer)

    def lines() -> Iterator[str]:
        for doc in docs:
            record = {"id": doc.id, "toponyms": toponyms(doc.text, gazetteer=gz)}
            yield json.dumps(record, ensure_ascii=False) + "\n"

    if output == "-":
        for line in lines():
            sys.stdout.write(line)
        sys.stdout.flush()
        return
    from .._io import atomic_write

    with atomic_write(output) as handle:
        handle.writelines(lines())
