"""One entry point for every output format, chosen by name or by file suffix."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..records import MapFeature
from ._csv import write_csv
from ._errors import OutputError
from ._geojson import write_geojson
from ._gpkg import write_gpkg
from ._kml import write_kml
from ._map import write_map

__all__ = ["write", "FORMATS", "format_for"]

FORMATS: tuple[str, ...] = ("geojson", "gpkg", "csv", "kml", "html")
_SUFFIXES = {
    ".geojson": "geojson",
    ".json": "geojson",
    ".gpkg": "gpkg",
    ".csv": "csv",
    ".kml": "kml",
    ".html": "html",
    ".htm": "html",
}


# Keyword options each format's writer takes.
_OPTIONS: dict[str, frozenset[str]] = {
    "geojson": frozenset({"indent"}),
    "gpkg": frozenset(),
    "csv": frozenset(),
    "kml": frozenset({"title"}),
    "html": frozenset({"title", "sources", "tiles", "attr", "self_contained", "fragment", "height"}),
}


def format_for(path: str | os.PathLike[str]) -> str:
    """The format a file name implies (``.geojson``/``.json``, ``.gpkg``, ``.csv``, ``.kml``, ``.html``)."""
    suffix = Path(path).suffix.lower()
    try:
        return _SUFFIXES[suffix]
    except KeyError:
        raise OutputError(
            f"cannot tell the output format from {str(path)!r}; use one of "
            f"{', '.join(sorted(_SUFFIXES))} or give the format ({', '.join(FORMATS)})"
        ) from None


def write(
    features: Sequence[MapFeature],
    path: str | os.PathLike[str],
    format: str | None = None,  # noqa: A002 - the public name mirrors the CLI option
    **options: Any,
) -> Path | None:
    """Write ``features`` to ``path`` in ``format`` (or the format its suffix implies).

    ``"-"`` writes text formats (geojson, csv, kml, html) to standard output. ``options`` go to
    the format's writer (e.g. ``title``/``self_contained`` for html, ``title`` for kml).

    Returns
    -------
    pathlib.Path or None
        The written file, or ``None`` for standard output.
    """
    is_stdout = str(path) == "-"
    fmt = (format or ("geojson" if is_stdout else format_for(path))).lower()
    if fmt not in FORMATS:
        raise OutputError(f"unknown output format {format!r}; expected one of {', '.join(FORMATS)}")
    unknown = sorted(set(options) - _OPTIONS[fmt])
    if unknown:
        raise OutputError(
            f"option {', '.join(unknown)} does not apply to {fmt} output"
            + (f" (it takes {', '.join(sorted(_OPTIONS[fmt]))})" if _OPTIONS[fmt] else "")
        )
    if fmt == "geojson":
        return write_geojson(features, path, **options)
    if fmt == "csv":
        return write_csv(features, path, **options)
    if fmt == "kml":
        return write_kml(features, path, **options)
    if fmt == "html":
        if is_stdout:
            import sys

            from ._map import build_map, map_html

            fragment = options.pop("fragment", False)
            height = options.pop("height", "600px")
            sys.stdout.write(map_html(build_map(features, **options), fragment=fragment, height=height))
            sys.stdout.flush()
            return None
        return write_map(features, path, **options)
    if is_stdout:
        raise OutputError("a GeoPackage cannot be written to standard output; give a .gpkg path")
    return write_gpkg(features, path, **options)
