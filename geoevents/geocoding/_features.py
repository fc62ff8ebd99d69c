"""Provider feature tags -> the gazetteer's feature classes (city, admin1, airbase ...)."""

from __future__ import annotations

__all__ = ["osm_feature", "pelias_feature", "geonames_feature", "arcgis_feature"]

_OSM_PLACE = {
    "country": "country",
    "state": "admin1",
    "province": "admin1",
    "region": "region",
    "county": "admin2",
    "district": "admin2",
    "state_district": "admin2",
    "municipality": "admin2",
    "city": "city",
    "town": "town",
    "village": "village",
    "hamlet": "village",
    "suburb": "site",
    "quarter": "site",
    "neighbourhood": "site",
    "locality": "site",
    "island": "island",
}

_OSM_MILITARY = {
    "airfield": "airbase",
    "base": "base",
    "barracks": "base",
    "naval_base": "base",
    "checkpoint": "checkpoint",
}

_OSM_SITE_KEYS = {"amenity", "building", "office", "shop", "tourism", "historic", "man_made"}


def osm_feature(key: str, value: str, kind: str = "") -> str:
    """Feature class for an OSM ``key=value`` tag; ``kind`` is Nominatim's addresstype.

    >>> osm_feature("boundary", "administrative", "state"), osm_feature("military", "airfield")
    ('admin1', 'airbase')
    >>> osm_feature("barrier", "border_control"), osm_feature("natural", "peak")
    ('checkpoint', 'peak')
    """
    key, value, kind = key.lower(), value.lower(), kind.lower()
    if key == "military":
        return _OSM_MILITARY.get(value, "installation")
    if key == "landuse" and value == "military":
        return "installation"
    if key == "aeroway" and value in {"aerodrome", "airport", "airstrip"}:
        return "airport"
    if key == "barrier" and value == "border_control":
        return "checkpoint"
    if key in _OSM_SITE_KEYS:
        return "site"
    if key == "place":
        return _OSM_PLACE.get(value, "site")
    if key == "boundary" or kind in _OSM_PLACE:
        return _OSM_PLACE.get(kind, "region")
    return value or "site"


_PELIAS_LAYER = {
    "country": "country",
    "dependency": "country",
    "macroregion": "region",
    "region": "admin1",
    "macrocounty": "admin2",
    "county": "admin2",
    "localadmin": "admin2",
    "locality": "city",
    "borough": "site",
    "neighbourhood": "site",
    "venue": "site",
    "address": "site",
    "street": "site",
}


def pelias_feature(layer: str) -> str:
    """Feature class for a Pelias ``layer``.

    >>> pelias_feature("locality"), pelias_feature("region")
    ('city', 'admin1')
    """
    return _PELIAS_LAYER.get(layer.lower(), "site")


_GEONAMES_CODE = {
    "ADM1": "admin1",
    "ADM2": "admin2",
    "ADM3": "admin2",
    "RGN": "region",
    "AIRB": "airbase",
    "AIRF": "airbase",
    "AIRP": "airport",
    "MILB": "base",
    "INSM": "installation",
    "CSTN": "checkpoint",
}


def geonames_feature(fcl: str, fcode: str) -> str:
    """Feature class for a GeoNames feature class and code.

    >>> geonames_feature("A", "PCLI"), geonames_feature("P", "PPLA"), geonames_feature("S", "AIRB")
    ('country', 'city', 'airbase')
    """
    fcode = fcode.upper()
    if fcode.startswith("PCL"):
        return "country"
    if fcode in _GEONAMES_CODE:
        return _GEONAMES_CODE[fcode]
    if fcl.upper() == "P":
        return "city"
    if fcl.upper() == "A":
        return "region"
    return "site"


_ARCGIS_ADDR = {
    "country": "country",
    "region": "admin1",
    "subregion": "admin2",
    "zone": "region",
    "locality": "city",
    "postal": "site",
    "pointaddress": "site",
    "streetaddress": "site",
}
_ARCGIS_TYPE = {
    "city": "city",
    "town": "town",
    "village": "village",
    "airport": "airport",
    "military base": "base",
    "border crossing": "checkpoint",
}


def arcgis_feature(addr_type: str, place_type: str = "") -> str:
    """Feature class for ArcGIS ``Addr_type`` and ``Type`` attributes.

    >>> arcgis_feature("Locality", "City"), arcgis_feature("POI", "Military Base")
    ('city', 'base')
    >>> arcgis_feature("Region"), arcgis_feature("POI", "Museum")
    ('admin1', 'site')
    """
    kind = place_type.strip().lower()
    if kind in _ARCGIS_TYPE:
        return _ARCGIS_TYPE[kind]
    return _ARCGIS_ADDR.get(addr_type.strip().lower(), "site")
