"""The folium map as HTML: layers, legend data, escaping, self-contained assets, fragments."""

from __future__ import annotations

import html
import json
import re

import folium
import pytest

from geoevents.outputs import OutputError, build_map, map_html, write_map
from geoevents.outputs._assets import runtime_js
from tests.outputs.outputs_samples import XSS_IMG, XSS_SCRIPT, hostile_records, sample_records

EXTERNAL_CODE = re.compile(
    r"<script[^>]+src=[\"']?(?:https?:)?//|<link[^>]+href=[\"']?(?:https?:)?//|@import|url\((?:[\"']?)(?:https?:)?//",
    re.IGNORECASE,
)

@pytest.fixture
def sample_features():
    return sample_records()


@pytest.fixture
def xss_features():
    return hostile_records()


# Left out of the page when the layer or another property implies them.
_IMPLIED = ("category", "provider", "date_start", "date_end", "sources")


def _layers(page: str) -> dict[str, list[dict]]:
    """category -> the records each overlay embeds, expanded as the runtime does."""
    shared = json.loads(re.search(r"var geoevents_shared_\w+ = (\{.*?\});\n", page).group(1))
    out = {}
    for match in re.finditer(r"geoevents\.layer\((\{.*?\}), \{category:\"(\w+)\"", page):
        records = []
        for feature in json.loads(match.group(1))["features"]:
            props = {}
            for key, value in feature["properties"].items():
                if key in shared["refs"]:
                    value = ([shared["strings"][i] for i in value] if isinstance(value, list)
                             else shared["strings"][value])
                props[shared["keys"][key]] = value
            records.append({"id": feature["id"], "lonlat": feature["geometry"]["coordinates"], **props})
        out[match.group(2)] = records
    return out


def test_build_map_returns_a_folium_map_with_one_overlay_per_category(sample_features):
    m = build_map(sample_features, title="Frappes")
    assert isinstance(m, folium.Map)
    page = m.get_root().render()
    layers = _layers(page)
    assert set(layers) == {"strike", "base", "place"}
    assert sum(len(records) for records in layers.values()) == len(sample_features)
    assert len(layers["strike"]) == 4
    # What the page carries is what the records say.
    for records in layers.values():
        for record in records:
            feature = sample_features[record["id"]]
            assert record["lonlat"] == [round(feature.lon, 5), round(feature.lat, 5)]
            for key, value in feature.properties().items():
                if key not in _IMPLIED and value not in (None, ""):
                    assert record[key] == value, key
            assert record.get("date_start", feature.date) == feature.date_start
            assert record.get("sources", [feature.source]) == list(feature.sources or (feature.source,))
    # GeoJSON data rather than one folium Marker per record.
    assert page.count("L.marker(") == runtime_js().count("L.marker(")
    # The layer control lists the overlays with their counts.
    assert '"Strikes (4)"' in page and '"Bases (1)"' in page and '"Other places (2)"' in page
    assert "L.control.layers" in page


def test_view_is_fitted_to_the_markers(sample_features):
    page = build_map(sample_features).get_root().render()
    fit = re.search(r"fitBounds\(\s*\[\[([-\d.]+),\s*([-\d.]+)\],\s*\[([-\d.]+),\s*([-\d.]+)\]\]", page)
    assert fit, "no fitBounds call"
    south, west, north, east = map(float, fit.groups())
    assert south == min(f.lat for f in sample_features) and north == max(f.lat for f in sample_features)
    assert west == min(f.lon for f in sample_features) and east == max(f.lon for f in sample_features)


def test_finish_config_carries_legend_and_time_slider(sample_features):
    page = build_map(sample_features, title="T", sources=["https://a.example/x"]).get_root().render()
    config = json.loads(re.search(r"geoevents\.finish\(\w+, \[[\w,]*\], (\{.*\})\);", page).group(1))
    assert config["days"] == ["2019-12-20", "2019-12-31", "2020-01-03", "2020-01-08"]
    assert config["present"] == {
        "strike": True, "base": True, "place": True, "eventTypes": ["Explosions/Remote violence"],
    }
    assert config["sources"] == ["https://a.example/x"]
    undated = [f for f in sample_features if not f.is_event]
    config = json.loads(
        re.search(r"geoevents\.finish\(\w+, \[[\w,]*\], (\{.*\})\);",
                  build_map(undated).get_root().render()).group(1)
    )
    assert config["days"] == []  # no slider without dates


def test_article_text_never_lands_raw_in_the_page(xss_features):
    page = build_map(xss_features, title=XSS_SCRIPT, sources=[XSS_IMG]).get_root().render()
    for needle in ("<script>alert", "<img src=x", "onerror=alert(1)>"):
        assert needle not in page
    assert f"<title>{html.escape(XSS_SCRIPT)}</title>" in page
    # The data still carries the exact text, for the runtime to escape when drawing.
    layers = _layers(page)
    assert layers["strike"][0]["name"] == f"Mosul{XSS_SCRIPT}"
    assert layers["strike"][0]["source_text"] == xss_features[0].source_text


def test_self_contained_page_loads_no_code_or_style_from_the_network(sample_features):
    page = build_map(sample_features, self_contained=True).get_root().render()
    assert not EXTERNAL_CODE.search(page), EXTERNAL_CODE.search(page).group(0)
    assert "Leaflet 1.9.4" in page or "leafletjs.com" in page  # Leaflet inlined from the wheel
    assert "geoevents.basemap(" in page  # offline fallback under the tiles
    assert "tile.openstreetmap.org" in page  # tiles still requested when online


def test_default_page_uses_cdn_assets(sample_features):
    page = build_map(sample_features).get_root().render()
    assert EXTERNAL_CODE.search(page)
    assert "geoevents.basemap(" not in page


def test_no_tiles_draws_the_offline_basemap_only(sample_features):
    page = build_map(sample_features, tiles=None, self_contained=True).get_root().render()
    assert "L.tileLayer" not in page
    assert "ge-offline" in page and "geoevents.basemap(" in page
    assert '"Iraq"' in page  # Natural Earth country names travel with the page


def test_tiles_choice(sample_features):
    page = build_map(sample_features, tiles="OpenTopoMap").get_root().render()
    assert "tile.opentopomap.org" in page and "tile.openstreetmap.org" not in page
    page = build_map(
        sample_features, tiles="http://127.0.0.1:8080/{z}/{x}/{y}.png", attr="local tiles"
    ).get_root().render()
    assert "127.0.0.1:8080/{z}/{x}/{y}.png" in page
    page = build_map(sample_features, tiles="http://127.0.0.1:8080/{z}/{x}/{y}.png").get_root().render()
    assert "Tiles: 127.0.0.1:8080" in page  # credited to its host when no attribution is given
    with pytest.raises(OutputError, match="unknown tiles"):
        build_map(sample_features, tiles="no such provider")


def test_empty_map_is_still_a_page(tmp_path):
    path = write_map([], tmp_path / "empty.html", self_contained=True, tiles=None)
    page = path.read_text(encoding="utf-8")
    assert "geoevents.layer(" not in page and "geoevents.finish(" in page


def test_fragment_is_an_iframe_of_the_same_page(sample_features, tmp_path):
    m = build_map(sample_features, self_contained=True)
    fragment = map_html(m, fragment=True, height="420px")
    assert fragment.startswith('<iframe class="geoevents-map"') and "height:420px" in fragment
    srcdoc = html.unescape(re.search(r'srcdoc="([^"]*)"', fragment).group(1))
    assert srcdoc.startswith("<!DOCTYPE html>") and srcdoc.rstrip().endswith("</html>")
    assert _layers(srcdoc) == _layers(m.get_root().render())
    assert not EXTERNAL_CODE.search(srcdoc)
    path = write_map(sample_features, tmp_path / "frag.html", fragment=True, self_contained=True)
    assert path.read_text(encoding="utf-8").startswith("<iframe")


def test_write_map_is_atomic(sample_features, tmp_path):
    import dataclasses

    path = tmp_path / "sub" / "map.html"
    assert write_map(sample_features, path) == path
    before = path.read_text(encoding="utf-8")
    with pytest.raises(OutputError):
        write_map([dataclasses.replace(sample_features[0], lat=-100.0)], path)
    assert path.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["map.html"]


def test_notebook_display_is_an_iframe(sample_features):
    shown = build_map(sample_features, self_contained=True)._repr_html_()
    assert "<iframe" in shown and "geoevents.layer(" in html.unescape(shown)
