"""The folium elements the map is made of: inline assets, base map, data, overlays, controls.

Defined on first use so that importing geoevents.outputs does not import folium.
"""

from __future__ import annotations

from typing import Any

from . import _assets
from ._folium import import_folium

__all__ = ["element_classes"]

_CLASSES: dict[str, type] = {}


def element_classes() -> dict[str, type]:
    """folium element classes, defined on first use so that importing this module stays cheap."""
    if _CLASSES:
        return _CLASSES
    import_folium()
    from branca.element import Element, MacroElement
    from folium.map import Layer
    from jinja2 import Template

    class Raw(Element):  # type: ignore[misc]
        """Text emitted verbatim (no template parsing of the content)."""

        _template = Template("{{ this.content }}")

        def __init__(self, content: str) -> None:
            super().__init__()
            self.content = content

    class Assets(MacroElement):  # type: ignore[misc]
        """Our stylesheet (after Leaflet's) and runtime (before any layer script)."""

        _template = Template(
            "{% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}"
            "{% macro script(this, kwargs) %}{{ this.js }}\n{% endmacro %}"
        )

        def __init__(self) -> None:
            super().__init__()
            self._name = "GeoeventsAssets"
            self.css = _assets.runtime_css()
            self.js = _assets.runtime_js()

    class Basemap(MacroElement):  # type: ignore[misc]
        """Natural Earth countries under the tiles: what shows when tiles cannot load."""

        _template = Template(
            "{% macro script(this, kwargs) %}"
            "var {{ this.get_name() }} = geoevents.basemap({{ this._parent.get_name() }}, "
            "{{ this.data }});\n"
            "{% if this.offline %}{{ this._parent.get_name() }}.getContainer()"
            ".classList.add('ge-offline');{% endif %}\n"
            "{% endmacro %}"
        )

        def __init__(self, offline: bool) -> None:
            super().__init__()
            self._name = "GeoeventsBasemap"
            self.data = _assets.countries_json()
            self.offline = offline

    class Shared(MacroElement):  # type: ignore[misc]
        """The string table and key names every layer of the page shares."""

        _template = Template(
            "{% macro script(this, kwargs) %}"
            "var {{ this.get_name() }} = {{ this.data }};\n"
            "{% endmacro %}"
        )

        def __init__(self, data: str) -> None:
            super().__init__()
            self._name = "GeoeventsShared"
            self.data = data

    class EventLayer(Layer):  # type: ignore[misc]
        """One category's features as a GeoJSON overlay in the layer control."""

        _template = Template(
            "{% macro script(this, kwargs) %}"
            "var {{ this.get_name() }} = geoevents.layer({{ this.data }}, {{ this.options }});\n"
            "{% endmacro %}"
        )

        def __init__(self, name: str, data: str, options: str) -> None:
            super().__init__(name=name, overlay=True, control=True, show=True)
            self._name = "GeoeventsLayer"
            self.data = data
            self.options = options

    class Finish(MacroElement):  # type: ignore[misc]
        """Title, sources, legend and time slider, once every layer exists."""

        _template = Template(
            "{% macro script(this, kwargs) %}"
            "geoevents.finish({{ this._parent.get_name() }}, "
            "[{% for l in this.layers %}{{ l.get_name() }}{% if not loop.last %},{% endif %}{% endfor %}], "
            "{{ this.config }});\n"
            "{% endmacro %}"
        )

        def __init__(self, layers: list[Any], config: str) -> None:
            super().__init__()
            self._name = "GeoeventsFinish"
            self.layers = layers
            self.config = config

    _CLASSES.update(
        Raw=Raw, Assets=Assets, Basemap=Basemap, Shared=Shared, EventLayer=EventLayer, Finish=Finish
    )
    return _CLASSES

