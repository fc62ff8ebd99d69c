"""CSV with ACLED-like columns (one row per record), readable by GDAL as points."""

from __future__ import annotations

import csv
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .._io import atomic_write
from ..records import MapFeature
from ._errors import OutputError
from ._frame import SOURCES_SEPARATOR
from ._records import check_features

__all__ = ["write_csv", "csv_text", "CSV_COLUMNS"]

# ACLED's names first (event_date ... source), then what ACLED lacks but our records carry.
CSV_COLUMNS: tuple[str, ...] = (
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "notes",
    "source",
    "category",
    "iso2",
    "mention",
    "gazetteer_id",
    "feature",
    "date_start",
    "date_end",
    "target",
    "weapon",
    "quantity",
    "injuries",
    "origin",
    "article",
    "provider",
)


def _row(f: MapFeature) -> dict[str, Any]:
    day = f.date or f.date_start
    return {
        "event_date": day,
        "year": day[:4] if day else None,
        "time_precision": f.time_precision,
        "event_type": f.event_type,
        "sub_event_type": f.sub_event_type,
        "actor1": f.actor,
        "location": f.name,
        "latitude": repr(float(f.lat)),
        "longitude": repr(float(f.lon)),
        "geo_precision": f.geo_precision,
        "fatalities": f.fatalities,
        "notes": f.source_text,
        "source": SOURCES_SEPARATOR.join(f.sources or (f.source,)),
        "category": f.category,
        "iso2": f.country,
        "mention": f.mention,
        "gazetteer_id": f.gazetteer_id,
        "feature": f.feature,
        "date_start": f.date_start,
        "date_end": f.date_end,
        "target": f.target,
        "weapon": f.weapon,
        "quantity": f.quantity,
        "injuries": f.injuries,
        "origin": f.origin,
        "article": f.source,
        "provider": f.provider,
    }


def _write_rows(handle: Any, items: Sequence[MapFeature]) -> None:
    writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for feature in items:
        writer.writerow({k: ("" if v is None else v) for k, v in _row(feature).items()})


def csv_text(features: Sequence[MapFeature]) -> str:
    """The CSV document as text (header line first; empty cells for unknown values)."""
    buffer = io.StringIO()
    _write_rows(buffer, check_features(features))
    return buffer.getvalue()


def write_csv(features: Sequence[MapFeature], path: str | os.PathLike[str]) -> Path | None:
    """Write the records as CSV (UTF-8, atomically), or to standard output for ``"-"``.

    ``event_date`` is the ISO date (the start of a range), ``notes`` the supporting sentence,
    ``source`` every source joined with ``" | "``; ``latitude``/``longitude`` are WGS84.

    Returns
    -------
    pathlib.Path or None
        The written file, or ``None`` for standard output.
    """
    items = check_features(features)
    if str(path) == "-":
        _write_rows(sys.stdout, items)
        sys.stdout.flush()
        return None
    target = Path(path)
    try:
        with atomic_write(target, newline="") as handle:
            _write_rows(handle, items)
    except OSError as exc:
        raise OutputError(f"cannot write CSV to {target}: {exc.strerror or exc}") from None
    return target
