"""Command line: a thin typer layer over the public API.

Heavy libraries (folium, geopandas, dateparser) are imported inside commands so that
``--help`` and start-up stay fast.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

import typer

from ._articles import export_command, geojson_command, map_command, toponyms_command

__all__ = ["app", "main"]

app = typer.Typer(
    name="geoevents",
    help="Turn news reports of strikes and attacks into maps and GIS data, offline.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

app.command("map")(map_command)
app.command("geojson")(geojson_command)
app.command("toponyms")(toponyms_command)
app.command("export")(export_command)

# Sub-commands implemented in their own modules (each importable without heavy dependencies).
from .batch import batch_command  # noqa: E402
from .evaluate import evaluate_command  # noqa: E402
from .gazetteer import app as gazetteer_app  # noqa: E402
from .geocode import cache_app, geocode_command  # noqa: E402

app.command("geocode")(geocode_command)
app.add_typer(cache_app, name="cache")
app.add_typer(gazetteer_app, name="gazetteer")
app.command("evaluate")(evaluate_command)
app.command("batch")(batch_command)


def _fail(message: str, code: int) -> NoReturn:
    sys.stderr.write(f"geoevents: error: {message}\n")
    raise SystemExit(code)


def main(argv: list[str] | None = None) -> None:
    """Entry point of ``geoevents`` and ``python -m geoevents``: one-line errors, no tracebacks."""
    from gazetteer import GazetteerError

    from ..errors import GeoeventsError

    try:
        app(args=argv, prog_name="geoevents", standalone_mode=True)
    except GeoeventsError as exc:
        _fail(str(exc), exc.exit_code)
    except GazetteerError as exc:
        _fail(str(exc), 1)
    except KeyboardInterrupt:
        _fail("interrupted; no output was written", 130)
    except BrokenPipeError:
        sys.stderr.close()
        raise SystemExit(1) from None
    except MemoryError:
        _fail("out of memory; try a smaller input", 1)
    except Exception as exc:  # a bug, not a user error: still one line unless debugging
        if os.environ.get("GEOEVENTS_DEBUG"):
            raise
        _fail(
            f"internal error: {type(exc).__name__}: {exc} "
            "(set GEOEVENTS_DEBUG=1 for the traceback and report it)",
            1,
        )
