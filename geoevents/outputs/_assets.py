"""Files the map inlines: our runtime, Leaflet from an installed wheel, the offline base map.

Nothing is fetched: Leaflet comes from the ``django-js-lib-leaflet`` wheel and the countries
from a trimmed Natural Earth copy shipped in ``geoevents/outputs/data``.
"""

from __future__ import annotations

import base64
import functools
import re
from importlib import resources

from ._errors import OutputError

__all__ = ["runtime_js", "runtime_css", "leaflet_js", "leaflet_css", "countries_json", "LEAFLET_VERSION"]

LEAFLET_VERSION = "1.9.4"
_LEAFLET_PACKAGE = "js_lib_leaflet"
_LEAFLET_DIR = "static/js_lib_leaflet"


def _read(package: str, *parts: str) -> str:
    try:
        node = resources.files(package)
        for part in parts:
            node = node / part
        return node.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise OutputError(
            f"map asset {'/'.join(parts)} is missing from package {package} ({exc}); reinstall it"
        ) from None


def _script_safe(text: str) -> str:
    # An inline <script>/<style> ends at the first "</script" / "</style" whatever the quoting.
    return re.sub(r"</(script|style)", r"<\\/\1", text, flags=re.IGNORECASE)


@functools.cache
def runtime_js() -> str:
    return _script_safe(_read(__package__ or "geoevents.outputs", "assets", "geoevents-map.js"))


@functools.cache
def runtime_css() -> str:
    return _script_safe(_read(__package__ or "geoevents.outputs", "assets", "geoevents-map.css"))


@functools.cache
def leaflet_js() -> str:
    return _script_safe(_read(_LEAFLET_PACKAGE, _LEAFLET_DIR, "leaflet.js"))


@functools.cache
def leaflet_css() -> str:
    """Leaflet's stylesheet with its images turned into data URIs (no file or network load)."""
    css = _read(_LEAFLET_PACKAGE, _LEAFLET_DIR, "leaflet.css")
    images = resources.files(_LEAFLET_PACKAGE) / _LEAFLET_DIR / "images"

    def inline(match: re.Match[str]) -> str:
        data = (images / match.group(1)).read_bytes()
        return f"url(data:image/png;base64,{base64.b64encode(data).decode('ascii')})"

    return _script_safe(re.sub(r"url\(images/([\w.-]+\.png)\)", inline, css))


@functools.cache
def countries_json() -> str:
    """Natural Earth 1:110m countries (name, ISO code; coordinates rounded to 0.01 degree)."""
    return _read(__package__ or "geoevents.outputs", "data", "ne_110m_admin_0_countries.json")
