"""``geoevents gazetteer import|add|info|lookup``: manage and query the offline gazetteer.

The sub-app object is :data:`app`; every command takes ``--gazetteer PATH`` (or
``$GEOEVENTS_GAZETTEER``) to pick the index folder. Errors print one line and exit 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from gazetteer import Gazetteer

__all__ = ["app"]

app = typer.Typer(
    name="gazetteer",
    help="Offline gazetteer: import GeoNames dumps, add your own places, inspect, look up.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

GazetteerOpt = Annotated[Path | None, typer.Option(
    "--gazetteer", envvar="GEOEVENTS_GAZETTEER", metavar="PATH", show_default=False,
    help="Index folder (default: $GEOEVENTS_GAZETTEER or the per-user data folder).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]


@contextmanager
def _errors() -> Iterator[None]:
    from gazetteer import GazetteerError

    try:
        yield
    except GazetteerError as exc:
        typer.echo(f"geoevents: error: {exc}", err=True)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        typer.echo("geoevents: error: interrupted; the previous index is unchanged", err=True)
        raise typer.Exit(130) from None


def _open(path: Path | None, quiet: bool = False) -> Gazetteer:
    from gazetteer import Gazetteer

    return Gazetteer.open(path, progress=not quiet and sys.stderr.isatty())


def _console() -> Any:
    from rich.console import Console

    # Piped output keeps whole rows rather than folding them to 80 columns.
    return Console(width=None if sys.stdout.isatty() else 200)


def _command(name: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return app.command(name)


@_command("import")
def import_command(
    paths: Annotated[list[Path], typer.Argument(
        help="GeoNames files, zipped or plain: allCountries, a country file (IQ.zip), "
             "cities500/1000/5000/15000, alternateNamesV2, admin1CodesASCII.txt, countryInfo.txt.",
        show_default=False)],
    gazetteer: GazetteerOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Import GeoNames dumps into the index (replaces the previous GeoNames import)."""
    import time

    with _errors():
        gz = _open(gazetteer, quiet)
        start = time.perf_counter()
        counts = gz.import_geonames(paths, progress=not quiet and sys.stderr.isatty())
        took = time.perf_counter() - start
        info = gz.info()
        layer = next(x for x in info["layers"] if x["layer"] == "geonames")
    for name, n in counts.items():
        typer.echo(f"{name}: {n:,} rows")
    typer.echo(f"imported {layer['entries']:,} places, {layer['keys']:,} names in {took:.1f} s "
               f"({layer['bytes'] / 1e6:,.1f} MB) into {gz.path}")


@_command("add")
def add_command(
    file: Annotated[Path, typer.Argument(
        help="CSV with header name,aliases,lat,lon,kind,country (aliases separated by |), "
             "or GeoJSON points with those properties.", show_default=False)],
    gazetteer: GazetteerOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Add your own places (bases, checkpoints...); they win over other sources on ties."""
    with _errors():
        gz = _open(gazetteer, quiet)
        n = gz.add_places(file)
    typer.echo(f"added {n} place{'s' if n != 1 else ''} from {file} to {gz.path}")


@_command("info")
def info_command(gazetteer: GazetteerOpt = None, as_json: JsonOpt = False,
                 quiet: QuietOpt = False) -> None:
    """Show the index folder, its layers and sources with counts and build dates."""
    with _errors():
        info = _open(gazetteer, quiet).info()
    if as_json:
        typer.echo(json.dumps(info, ensure_ascii=False, indent=1))
        return
    from rich.table import Table

    console = _console()
    console.print(f"gazetteer: {info['path']}")
    layers = Table("layer", "entries", "names", "size MB", "built")
    for x in info["layers"]:
        layers.add_row(x["layer"], f"{x['entries']:,}", f"{x['keys']:,}",
                       f"{x['bytes'] / 1e6:,.1f}", x["built"])
    console.print(layers)
    sources = Table("source", "layer", "entries", "built", "detail")
    for s in info["sources"]:
        sources.add_row(str(s["name"]), str(s["layer"]), f"{s['count']:,}", str(s["built"]),
                        str(s["detail"]))
    console.print(sources)


@_command("lookup")
def lookup_command(
    name: Annotated[list[str], typer.Argument(help="Place name (words are joined).",
                                              show_default=False)],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Most candidates.")] = 10,
    gazetteer: GazetteerOpt = None,
    as_json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Look a name up: candidates with their prior score, best first."""
    from gazetteer import normalise

    text = " ".join(name)
    with _errors():
        found = _open(gazetteer, quiet).lookup(text, limit=limit)
    rows: list[dict[str, Any]] = [{"score": c.score, "id": c.entry.id, "name": c.entry.name, "matched": c.name,
             "kind": c.kind, "lang": c.lang, "feature": c.entry.feature,
             "country": c.entry.country, "admin1": c.entry.admin1,
             "population": c.entry.population, "lat": c.entry.lat, "lon": c.entry.lon,
             "source": c.entry.source} for c in found]
    if as_json:
        typer.echo(json.dumps({"query": text, "key": normalise(text), "candidates": rows},
                              ensure_ascii=False))
        return
    if not rows:
        typer.echo(f"no gazetteer entry for {text!r} (key {normalise(text)!r})")
        raise typer.Exit(0)
    from rich.table import Table

    table = Table("score", "id", "name", "matched", "feature", "country", "population",
                  "lat", "lon", "source")
    for r in rows:
        table.add_row(f"{r['score']:.3f}", r["id"], r["name"], f"{r['matched']} ({r['kind']})",
                      r["feature"], r["country"], f"{r['population']:,}", f"{r['lat']:.4f}",
                      f"{r['lon']:.4f}", r["source"])
    _console().print(table)
