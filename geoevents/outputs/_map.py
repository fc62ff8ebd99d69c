"""The Leaflet map (folium): one GeoJSON overlay per category drawn by an inline runtime.

Features travel as GeoJSON inside the page and the runtime turns them into inline-SVG markers,
so 10,000 events stay one data blob rather than 10,000 folium objects. Article text only ever
reaches the page as JSON (with ``<``, ``>`` and ``&`` escaped) and is turned into HTML by the
runtime's escaping function or ``textContent``.
"""

from __future__ import annotations

import html
import json
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .._io import atomic_write
from ..records import CATEGORIES, MapFeature, bounds
from . import _assets
from ._elements import element_classes
from ._errors import OutputError
from ._folium import import_folium
from ._records import check_features

if TYPE_CHECKING:
    import folium

__all__ = ["build_map", "write_map", "map_html", "LAYER_TITLES"]

LAYER_TITLES: dict[str, str] = {"strike": "Strikes", "base": "Bases", "place": "Other places"}

_SINGLE_POINT_ZOOM = 9
_PADDING = (40, 40)


def _script_json(value: Any) -> str:
    """JSON that is safe inside an inline <script> whatever strings it carries."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


# Short keys for the properties embedded in the page (the runtime expands them back), and the
# properties whose values repeat across records and are stored once in a shared string table.
_SHORT_KEYS: dict[str, str] = {
    "name": "n",
    "mention": "m",
    "gazetteer_id": "g",
    "country": "c",
    "feature": "f",
    "geo_precision": "p",
    "source": "s",
    "source_text": "t",
    "event_type": "e",
    "sub_event_type": "u",
    "date": "d",
    "date_start": "ds",
    "date_end": "de",
    "time_precision": "tp",
    "actor": "a",
    "target": "tg",
    "weapon": "w",
    "quantity": "q",
    "fatalities": "k",
    "injuries": "i",
    "origin": "o",
    "sources": "ss",
}
_SHARED_VALUES = frozenset(
    {"source_text", "source", "sources", "country", "feature", "event_type", "sub_event_type",
     "actor", "target", "weapon", "origin"}
)


class _Strings:
    """Each distinct string once per page; records refer to it by index."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def ref(self, text: str) -> int:
        index = self._index.get(text)
        if index is None:
            index = self._index[text] = len(self.items)
            self.items.append(text)
        return index


def _map_properties(feature: MapFeature, strings: _Strings) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in feature.properties().items():
        if value is None or value == "" or key not in _SHORT_KEYS:
            continue  # category comes from the layer; provider is not shown
        if key in ("date_start", "date_end") and value == feature.date:
            continue
        if key == "sources":
            if value == [feature.source]:
                continue
            value = [strings.ref(v) for v in value]
        elif key in _SHARED_VALUES:
            value = strings.ref(value)
        out[_SHORT_KEYS[key]] = value
    return out


def _site(feature: MapFeature) -> tuple[float, float]:
    return (round(feature.lon, 5), round(feature.lat, 5))


def _collections(
    features: Sequence[MapFeature], strings: _Strings
) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    # Sites where a more important category (strike > base > place) has a record too: the
    # runtime draws such a base or place beside the site so both symbols stay visible.
    rank = {category: i for i, category in enumerate(CATEGORIES)}
    best: dict[tuple[float, float], int] = {}
    for feature in features:
        site = _site(feature)
        best[site] = min(best.get(site, 99), rank[feature.category])
    for fid, feature in enumerate(features):
        collection = out.setdefault(feature.category, {"type": "FeatureCollection", "features": []})
        properties = _map_properties(feature, strings)
        if best[_site(feature)] < rank[feature.category]:
            properties["x"] = 1
        collection["features"].append(
            {
                "type": "Feature",
                "id": fid,
                "geometry": {
                    "type": "Point",
                    "coordinates": list(_site(feature)),
                },
                "properties": properties,
            }
        )
    return out


def _days(features: Sequence[MapFeature]) -> list[str]:
    days = {
        day
        for f in features
        if f.is_event
        for day in (f.date, f.date_start, f.date_end)
        if day
    }
    return sorted(days)




def build_map(
    features: Sequence[MapFeature],
    *,
    title: str | None = None,
    sources: Sequence[str] = (),
    tiles: str | None = "OpenStreetMap",
    attr: str | None = None,
    self_contained: bool = False,
) -> folium.Map:
    """Build the Leaflet map of strikes, bases and other places.

    Parameters
    ----------
    features
        The records to draw (see :func:`geoevents.records.features_from_reports`).
    title
        Shown over the map and as the page title (plain text; escaped).
    sources
        Article identifiers or URLs listed under the title (http(s) URLs become links).
    tiles
        A folium tile name ("OpenStreetMap", "CartoDB positron", ...) or an XYZ URL template
        (then give ``attr``); ``None`` (or ``"none"``) draws the offline Natural Earth base
        map only.
    attr
        Attribution (HTML) for a custom tile URL; default: its host name.
    self_contained
        Inline Leaflet and every style so the page makes no request for code or styles, and
        draw the Natural Earth countries under the tiles as an offline fallback.

    Returns
    -------
    folium.Map
        Add to it, embed it (``_repr_html_``) or save it; :func:`write_map` writes it atomically.

    Raises
    ------
    OutputError
        Bad records or an unknown tile name.
    """
    folium = import_folium()

    if isinstance(tiles, str) and tiles.strip().lower() in ("", "none", "offline"):
        tiles = None
    items = check_features(features)
    if isinstance(sources, str):
        sources = (sources,)
    classes = element_classes()
    box = bounds(items)
    m = folium.Map(location=[20.0, 0.0] if box is None else None, zoom_start=2, tiles=None,
                   control_scale=True, prefer_canvas=False)
    figure: Any = m.get_root()  # a branca Figure (typed as Element)
    if title:
        figure.title = html.escape(title)
    if self_contained:
        # Nothing from a CDN: folium's defaults (jQuery, Bootstrap, awesome-markers) are not
        # used by this map, and Leaflet itself is inlined from the installed wheel.
        m.default_js = []
        m.default_css = []
        figure.header.add_child(
            classes["Raw"](f"<style>{_assets.leaflet_css()}</style>"), name="leaflet_css_inline"
        )
        figure.header.add_child(
            classes["Raw"](f"<script>{_assets.leaflet_js()}</script>"), name="leaflet_js_inline"
        )
    m.add_child(classes["Assets"]())
    if self_contained or tiles is None:
        m.add_child(classes["Basemap"](offline=tiles is None))
    if tiles is not None:
        m.add_child(_tile_layer(tiles, attr))

    strings = _Strings()
    collections = _collections(items, strings)
    shared = classes["Shared"](
        _script_json(
            {
                "strings": strings.items,
                "keys": {short: key for key, short in _SHORT_KEYS.items()},
                "refs": {_SHORT_KEYS[key]: 1 for key in _SHARED_VALUES},
            }
        )
    )
    m.add_child(shared)
    layers: list[Any] = []
    for category in CATEGORIES:
        collection = collections.get(category)
        if collection is None:
            continue
        layer = classes["EventLayer"](
            f"{LAYER_TITLES[category]} ({len(collection['features'])})",
            _script_json(collection),
            f"{{category:{_script_json(category)},shared:{shared.get_name()}}}",
        )
        m.add_child(layer)
        layers.append(layer)

    if layers or tiles is not None:
        folium.LayerControl(collapsed=False, position="topright").add_to(m)
    event_types = Counter(f.event_type for f in items if f.category == "strike" and f.event_type)
    config = {
        "title": title or None,
        "sources": [str(s) for s in sources],
        "present": {
            **{c: c in collections for c in CATEGORIES},
            "eventTypes": [t for t, _ in event_types.most_common()],
        },
        "days": _days(items),
    }
    m.add_child(classes["Finish"](layers, _script_json(config)))
    if box is not None:
        (south, west), (north, east) = box
        if south == north and west == east:
            m.fit_bounds([[south, west], [north, east]], max_zoom=_SINGLE_POINT_ZOOM)
        else:
            m.fit_bounds([[south, west], [north, east]], padding=_PADDING, max_zoom=12)
    return m


def _tile_layer(tiles: str, attr: str | None) -> Any:
    """folium's TileLayer for a provider name or an XYZ URL template (credited to its host)."""
    folium = import_folium()

    template = "{z}" in tiles or "{x}" in tiles
    if template and not attr:
        host = urlsplit(tiles).netloc or tiles.split("/", 1)[0]
        attr = f"Tiles: {html.escape(host)}"
    name = "Base map" if template else tiles
    try:
        layer = folium.TileLayer(tiles, attr=attr, name=name, overlay=False)
    except ValueError:
        layer = None  # folium took an unknown name for a URL without attribution
    # folium resolves provider names (xyzservices) to URL templates; anything else is unknown.
    if layer is None or "{z}" not in layer.tiles:
        raise OutputError(
            f"unknown tiles {tiles!r}: use a provider name such as OpenStreetMap, OpenTopoMap or "
            "CartoDB.Positron, an XYZ URL template with {z}/{x}/{y}, or none"
        )
    return layer


def map_html(m: folium.Map, *, fragment: bool = False, height: str = "600px") -> str:
    """The map as a full HTML document, or as an ``<iframe srcdoc>`` fragment for a report."""
    document: str = m.get_root().render()
    if not fragment:
        return document
    return (
        '<iframe class="geoevents-map" title="geoevents map" '
        f'style="width:100%;height:{html.escape(height)};border:none" '
        'sandbox="allow-scripts allow-popups" '
        f'srcdoc="{html.escape(document, quote=True)}"></iframe>\n'
    )


def write_map(
    features: Sequence[MapFeature],
    path: str | os.PathLike[str],
    *,
    fragment: bool = False,
    height: str = "600px",
    **build_map_kwargs: Any,
) -> Path:
    """Build the map and write it atomically to ``path``.

    Parameters
    ----------
    features
        The records to draw.
    path
        Target ``.html`` file; its directory is created when missing.
    fragment
        Write an ``<iframe srcdoc=...>`` element to paste into a report instead of a full page.
    height
        Height of the fragment's iframe (CSS length).
    **build_map_kwargs
        ``title``, ``sources``, ``tiles``, ``attr``, ``self_contained``: see :func:`build_map`.

    Returns
    -------
    pathlib.Path
        The written file.
    """
    m = build_map(features, **build_map_kwargs)
    text = map_html(m, fragment=fragment, height=height)
    target = Path(path)
    try:
        with atomic_write(target) as handle:
            handle.write(text)
    except OSError as exc:
        raise OutputError(f"cannot write map to {target}: {exc.strerror or exc}") from None
    return target
