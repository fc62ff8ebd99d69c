"""KML 2.2: one Folder per category, typed ExtendedData, time spans for dated events.

Google Earth renders ``<description>`` as HTML, so the sentence goes there HTML-escaped;
the raw values travel in ``ExtendedData`` for GIS readers.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..records import CATEGORIES, MapFeature
from ._frame import COLUMN_TYPES, SOURCES_SEPARATOR, columns_for
from ._records import LAYERS, check_features
from ._text_output import write_text_output

__all__ = ["write_kml", "kml_text"]

# KML colours are aabbggrr.
_STYLES = {"strike": ("ff1f30d7", 1.2), "base": ("ff9c5108", 1.1), "place": ("ff636363", 0.8)}
_KML_TYPES = {"str": "string", "int": "int", "float": "double", "date": "string"}
# "name" is the Placemark <name> itself; a second field of that name would clash in readers.
_SCHEMA_COLUMNS = tuple(c for c in columns_for(["strike"]) if c not in ("name", "lat", "lon"))


# Characters XML 1.0 cannot carry at all (even escaped).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape(text: str) -> str:
    """XML-escape ``text`` (quotes too, so it also fits in attributes)."""
    return html.escape(_NOT_XML.sub("", text), quote=True)


def _value(feature: MapFeature, column: str) -> Any:
    if column == "sources":
        return SOURCES_SEPARATOR.join(feature.sources or (feature.source,)) if feature.is_event else None
    return getattr(feature, column)


def _placemark(f: MapFeature) -> Iterator[str]:
    yield "<Placemark>"
    yield f"<name>{escape(f.name)}</name>"
    yield f"<description>{escape(html.escape(f.source_text))}</description>"
    start, end = f.date_start or f.date, f.date_end or f.date
    if start and end and start != end:
        yield f"<TimeSpan><begin>{escape(start)}</begin><end>{escape(end)}</end></TimeSpan>"
    elif start:
        yield f"<TimeStamp><when>{escape(start)}</when></TimeStamp>"
    yield f"<styleUrl>#{f.category}</styleUrl>"
    yield '<ExtendedData><SchemaData schemaUrl="#geoevents">'
    for column in _SCHEMA_COLUMNS:
        value = _value(f, column)
        if value is not None:
            yield f'<SimpleData name="{column}">{escape(str(value))}</SimpleData>'
    yield "</SchemaData></ExtendedData>"
    yield f"<Point><coordinates>{float(f.lon)!r},{float(f.lat)!r}</coordinates></Point>"
    yield "</Placemark>"


def _document(items: Sequence[MapFeature], title: str | None) -> Iterator[str]:
    yield '<?xml version="1.0" encoding="UTF-8"?>'
    yield '<kml xmlns="http://www.opengis.net/kml/2.2">'
    yield "<Document>"
    yield f"<name>{escape(title or 'geoevents')}</name>"
    yield '<Schema name="geoevents" id="geoevents">'
    for column in _SCHEMA_COLUMNS:
        yield f'<SimpleField name="{column}" type="{_KML_TYPES[COLUMN_TYPES[column]]}"/>'
    yield "</Schema>"
    for category, (color, scale) in _STYLES.items():
        yield (
            f'<Style id="{category}"><IconStyle><color>{color}</color><scale>{scale}</scale>'
            "</IconStyle></Style>"
        )
    for category in CATEGORIES:
        yield f"<Folder><name>{LAYERS[category]}</name>"
        for feature in items:
            if feature.category == category:
                yield from _placemark(feature)
        yield "</Folder>"
    yield "</Document>"
    yield "</kml>"


def kml_text(features: Sequence[MapFeature], *, title: str | None = None) -> str:
    """The KML document as text."""
    return "\n".join(_document(check_features(features), title)) + "\n"


def write_kml(
    features: Sequence[MapFeature], path: str | os.PathLike[str], *, title: str | None = None
) -> Path | None:
    """Write the records as KML (atomically), or to standard output for ``"-"``.

    Folders ``strikes``, ``bases`` and ``places`` (GDAL's LIBKML driver reads each as a
    layer); dated events carry a TimeStamp or TimeSpan so Google Earth's time slider works.

    Returns
    -------
    pathlib.Path or None
        The written file, or ``None`` for standard output.
    """
    return write_text_output(kml_text(features, title=title), path, what="KML")
