"""`geoevents batch`: a feed of documents -> one merged map, GeoJSON, GeoPackage, GeoParquet."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import GeoeventsError, UsageError
from ..sources import MAX_ARTICLE_BYTES
from ._articles import DateOpt, EncodingOpt, GazetteerOpt, LangOpt, Language, MaxSizeOpt, _cli_date
from .geocode import CacheOpt, ConfigOpt, GeocoderOpt, GeocoderUrlOpt, UserAgentOpt

__all__ = ["batch_command", "app", "BatchInterrupted"]


class BatchInterrupted(GeoeventsError):
    """Ctrl-C during a batch: what is stored stays, a re-run resumes."""

    exit_code = 130


def batch_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Article files, folders, glob patterns, JSONL files ({id, text, date?, url?} "
            "per line), or '-' for standard input.",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option("--out", "-o", help="Batch folder: state, errors.jsonl and merged outputs."),
    ],
    workers: Annotated[
        int, typer.Option("--workers", "-w", help="Local worker processes.", min=1)
    ] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address (tcp://host:port): parse there."),
    ] = None,
    date: DateOpt = None,
    lang: LangOpt = Language.auto,
    gazetteer: GazetteerOpt = None,
    encoding: EncodingOpt = "utf-8",
    max_size: MaxSizeOpt = MAX_ARTICLE_BYTES // (1024 * 1024),
    chunk_size: Annotated[
        int | None,
        typer.Option("--chunk-size", help="Documents sent to a worker at a time (default 16; 64 on "
                     "Dask).", min=1, show_default=False),
    ] = None,
    retry_errors: Annotated[
        bool,
        typer.Option("--retry-errors/--skip-errors",
                     help="Parse again, or skip, documents whose parsing failed in a former run."),
    ] = True,
    title: Annotated[str | None, typer.Option("--title", help="Map title.")] = None,
    outputs: Annotated[
        bool,
        typer.Option("--outputs/--no-outputs",
                     help="Rebuild the merged map and exports at the end (--no-outputs: only "
                     "store results, e.g. between runs of a continuous feed)."),
    ] = True,
    geocoder: GeocoderOpt = None,
    geocoder_url: GeocoderUrlOpt = None,
    user_agent: UserAgentOpt = None,
    cache: CacheOpt = None,
    config: ConfigOpt = None,
    quiet: Annotated[
        bool, typer.Option("-q", "--quiet", help="No progress bar and no per-document warnings.")
    ] = False,
) -> None:
    """Parse many documents into one merged map and GIS exports; re-runs resume."""
    from rich.console import Console
    from rich.text import Text

    from ..batch import run_batch

    if workers > 1 and scheduler:
        raise UsageError("give --workers or --scheduler, not both")
    anchor = _cli_date(date)
    from .geocode import config_from_options

    # Offline unless options, the environment or the config file name an online geocoder.
    geocoding = config_from_options(
        geocoder=geocoder, geocoder_url=geocoder_url, user_agent=user_agent, cache=cache,
        config=config,
    )
    console = Console(stderr=True, highlight=False)

    def warn(message: str) -> None:
        if not quiet:  # Text, not markup: messages quote untrusted names
            console.print(Text(f"warning: {message}", style="yellow"), soft_wrap=True)

    options: dict[str, Any] = {
        "workers": workers,
        "scheduler": scheduler,
        "date": anchor,
        "lang": None if lang is Language.auto else lang.value,
        "gazetteer": gazetteer,
        "encoding": encoding,
        "max_bytes": max_size * 1024 * 1024,
        "chunk_size": chunk_size,
        "retry_errors": retry_errors,
        "title": title,
        "write": outputs,
        "warn": warn,
        "geocoder": geocoding,
    }
    try:
        if quiet:
            result = run_batch(inputs, out, **options)
        else:
            result = _with_progress(console, inputs, out, options)
    except KeyboardInterrupt:
        raise BatchInterrupted(
            f"interrupted; finished documents are stored in {out}, run the same command to resume"
        ) from None
    duplicates = f", {result.duplicates} duplicate(s)" if result.duplicates else ""
    summary = (
        f"{result.parsed} parsed, {result.skipped} already done{duplicates}, "
        f"{result.failed} failed "
        f"({result.stored} documents in the batch) -> {result.features} map records, "
        f"{result.strikes} strike(s)"
    )
    typer.echo(summary)
    for kind, path in result.outputs.items():
        typer.echo(f"  {kind}: {path}")
    if result.geocoded:
        typer.echo(f"  {result.geocoded} unique place name(s) sent to the online geocoder(s)")
    if result.failed:
        typer.echo(f"  errors: {out / 'errors.jsonl'}")


def _with_progress(console: Any, inputs: list[str], out: Path, options: dict[str, Any]) -> Any:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from ..batch import run_batch

    with Progress(
        TextColumn("Parsing documents"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as bar:
        task = bar.add_task("batch", total=None)

        def progress(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        def warn(message: str) -> None:
            options["warn"](message)

        return run_batch(inputs, out, **{**options, "progress": progress, "warn": warn})


app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
app.command("batch")(batch_command)


def main(argv: list[str] | None = None) -> None:
    """``python -m geoevents.cli.batch``: the command on its own, with one-line errors."""
    from gazetteer import GazetteerError

    from . import _fail

    try:
        app(args=argv, prog_name="geoevents batch", standalone_mode=True)
    except GeoeventsError as exc:
        _fail(str(exc), exc.exit_code)
    except GazetteerError as exc:
        _fail(str(exc), 1)


if __name__ == "__main__":
    main()
