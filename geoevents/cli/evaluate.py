"""``geoevents evaluate GOLD.jsonl [PRED.jsonl...]``: geoparsing metrics, one row per system."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from geoevents.errors import GeoeventsError

if TYPE_CHECKING:
    from rich.table import Table

    from geoevents.evaluation import SystemResult

__all__ = ["app", "evaluate_command"]

app = typer.Typer(add_completion=False, no_args_is_help=True)


def _check_date(value: str | None) -> str | None:
    if value is None:
        return value
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from None
    return value


@app.command("evaluate")
def evaluate_command(
    gold: Annotated[Path, typer.Argument(metavar="GOLD.jsonl", help="Gold toponyms (JSONL).",
                                         show_default=False)],
    predictions: Annotated[list[Path] | None, typer.Argument(
        metavar="PRED.jsonl", show_default=False,
        help="Systems' outputs to score ('-': standard input). Without any, our geoparser is "
             "run and scored.")] = None,
    ours: Annotated[bool, typer.Option(
        "--ours", help="Also run and score our geoparser beside the PRED files.")] = False,
    json_output: Annotated[bool, typer.Option(
        "--json", help="Print machine-readable results instead of a table.")] = False,
    date: Annotated[str | None, typer.Option(
        "--date", callback=_check_date, metavar="YYYY-MM-DD",
        help="Publication date for documents that carry none.")] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of the gold texts.")] = "en",
    save_predictions: Annotated[Path | None, typer.Option(
        "--save-predictions", metavar="OUT.jsonl",
        help="Write our geoparser's output there (implies --ours).")] = None,
    details: Annotated[Path | None, typer.Option(
        "--details", metavar="OUT.jsonl",
        help="Write each toponym's outcome (correct, far, unplaced, missed, spurious) per "
             "system, for error analysis.")] = None,
    limit: Annotated[int | None, typer.Option(
        "--limit", min=1, metavar="N", help="Score only the first N gold documents.")] = None,
) -> None:
    """Score geoparsers against gold toponyms: P/R/F1, acc161, error km, AUC and E2E161.

    Spans match when they overlap; E2E161 is the share of all gold toponyms found and placed
    within 161 km (the headline figure). Same metrics as the project's reference scorer.
    """
    from rich.console import Console

    from geoevents.evaluation import evaluate

    preds = list(predictions or [])
    err = Console(stderr=True)
    try:
        if ours or not preds or save_predictions is not None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

            with Progress("geoparsing", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                          console=err, transient=True, disable=not err.is_terminal) as bar:
                total = _count_lines(gold)
                task = bar.add_task("geoparse", total=min(total, limit or total) if total else None)
                results = evaluate(gold, preds, ours=True, date=date, lang=lang,
                                   save_predictions=save_predictions, details=details,
                                   limit=limit, progress=lambda n: bar.advance(task, n))
        else:
            results = evaluate(gold, preds, details=details, limit=limit)
    except GeoeventsError as exc:
        typer.echo(f"geoevents: error: {exc}", err=True)
        raise typer.Exit(1) from None

    if json_output:
        payload = {
            "gold": str(gold),
            "systems": [
                {"system": r.system, "seconds": r.seconds, **r.scores.as_dict(json_safe=True)}
                for r in results
            ],
        }
        typer.echo(json.dumps(payload, indent=None))
        return
    out = Console()
    if not out.is_terminal:
        out = Console(width=max(out.width, 120))  # a file or pipe gets the whole table
    out.print(_table(gold, results))


def _count_lines(path: Path) -> int | None:
    if str(path) == "-":
        return None  # counting would consume standard input
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return None


def _table(gold: Path, results: list[SystemResult]) -> Table:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    first = results[0].scores if results else None
    caption = (f"{first.docs} documents, {first.gold} gold toponyms" if first else None)
    table = Table(title=Text(f"Geoparsing: {gold.name}"), caption=caption,
                  box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, collapse_padding=True)
    table.add_column("system", no_wrap=True)
    timed = any(r.seconds is not None for r in results)
    columns = ("P", "R", "F1", "acc161", "meanKm", "medKm", "AUC", "E2E161")
    for col in columns + (("time s",) if timed else ()):
        table.add_column(col, justify="right", no_wrap=True, min_width=len(col))
    best = max((r.scores.e2e161 for r in results), default=math.nan)
    for r in results:
        s = r.scores
        e2e = Text(f"{s.e2e161:.3f}",
                   style="bold" if len(results) > 1 and s.e2e161 == best else "")
        row: list[str | Text] = [
            Text(r.system), f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
            f"{s.acc161:.3f}", _km(s.mean_km), _km(s.median_km), _fmt(s.auc), e2e,
        ]
        if timed:
            row.append(f"{r.seconds:.1f}" if r.seconds is not None else "")
        table.add_row(*row)
    return table


def _km(value: float) -> str:
    if math.isnan(value):
        return "-"
    return f"{value:,.0f}" if value >= 10 else f"{value:.1f}"


def _fmt(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.3f}"
