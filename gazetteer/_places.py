"""A user's own places from CSV or GeoJSON: ``name, aliases, lat, lon, kind, country``."""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ._errors import GazetteerInputError
from ._model import Entry

__all__ = ["read_places", "REQUIRED"]

REQUIRED = ("name", "lat", "lon")
Record = tuple[Entry, list[tuple[str, str, str | None]]]


def _slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", name.lower()).strip("-") or "place"


def _record(path: Path, where: int | None, props: dict[str, Any], lat: Any, lon: Any,
            prefix: str = "") -> Record:
    name = str(props.get("name") or "").strip()
    if not name:
        raise GazetteerInputError(path, prefix + "empty name", where)
    try:
        la, lo = float(lat), float(lon)
    except (TypeError, ValueError):
        raise GazetteerInputError(path, prefix + f"bad coordinates {lat!r}, {lon!r}", where) from None
    if not (-90 <= la <= 90 and -180 <= lo <= 180):
        raise GazetteerInputError(path, prefix + f"coordinates out of range {la}, {lo}", where)
    aliases = props.get("aliases") or ""
    if isinstance(aliases, list):
        alias_list = [str(a).strip() for a in aliases]
    else:
        alias_list = [a.strip() for a in str(aliases).split("|")]
    country = str(props.get("country") or "").strip().upper()
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        raise GazetteerInputError(path, prefix + f"country must be an ISO alpha-2 code, not {country!r}",
                                  where)
    kind = str(props.get("kind") or "place").strip().lower()
    entry = Entry(f"user:{_slug(name)}", name, la, lo, kind, country, "", 0,
                  f"user:{path.name}", "", "", 3)
    return entry, [(a, "user", None) for a in alias_list if a]


def _csv(path: Path) -> Iterator[Record]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            fields = [f.strip().lower() for f in reader.fieldnames or []]
            missing = [f for f in REQUIRED if f not in fields]
            if missing:
                raise GazetteerInputError(path, f"CSV header lacks {', '.join(missing)} "
                                          "(expected name,aliases,lat,lon,kind,country)", 1)
            for row in reader:
                props = {(k or "").strip().lower(): (v or "") for k, v in row.items()}
                if None in row:
                    raise GazetteerInputError(path, "more fields than the header", reader.line_num)
                yield _record(path, reader.line_num, props, props.get("lat"), props.get("lon"))
    except UnicodeDecodeError as exc:
        raise GazetteerInputError(path, f"not UTF-8 text (byte {exc.start})") from None
    except csv.Error as exc:
        raise GazetteerInputError(path, f"bad CSV ({exc})") from None


def _geojson(path: Path) -> Iterator[Record]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise GazetteerInputError(path, f"not UTF-8 text (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise GazetteerInputError(path, f"bad JSON ({exc.msg})", exc.lineno) from None
    feats = data.get("features") if isinstance(data, dict) else None
    if not isinstance(feats, list):
        raise GazetteerInputError(path, "not a GeoJSON FeatureCollection")
    for n, f in enumerate(feats, 1):
        geom = (f or {}).get("geometry") or {}
        if geom.get("type") != "Point" or not isinstance(geom.get("coordinates"), list) \
                or len(geom["coordinates"]) < 2:
            raise GazetteerInputError(path, f"feature {n} is not a Point")
        lon, lat = geom["coordinates"][:2]
        yield _record(path, None, f.get("properties") or {}, lat, lon, f"feature {n}: ")


def read_places(path: str | os.PathLike[str]) -> list[Record]:
    """Read a CSV or GeoJSON file of places; errors name the file and line (or feature)."""
    p = Path(path)
    if not p.is_file():
        raise GazetteerInputError(p, "no such file")
    if p.suffix.lower() in (".geojson", ".json"):
        return list(_geojson(p))
    return list(_csv(p))
