"""Esri's ArcGIS World Geocoding Service (or an ArcGIS Enterprise geocode server)."""

from __future__ import annotations

from typing import Any

from ._features import arcgis_feature
from ._geopy import GeopyProvider
from .location import Location
from .pelias import iso2_from_alpha3

__all__ = ["ArcGISProvider"]


class ArcGISProvider(GeopyProvider):
    """ArcGIS ``findAddressCandidates``; it has no country filter, so results are filtered here.

    ``username``/``password`` (config file) give an authenticated session; anonymous use
    is allowed for geocoding that is not stored, see Esri's terms.
    """

    name = "arcgis"
    default_url = "https://geocode.arcgis.com"

    def _build(self, **kwargs: Any) -> Any:
        from geopy.geocoders import ArcGIS

        return ArcGIS(**kwargs)

    def _query(self, geocoder: Any, query: str, country: str | None, language: str | None) -> Any:
        return geocoder.geocode(query, exactly_one=False, out_fields="*")

    def _location(self, query: str, raw: dict[str, Any]) -> Location:
        attributes = raw.get("attributes") or {}
        lat, lon = float(raw["location"]["y"]), float(raw["location"]["x"])
        name = str(attributes.get("PlaceName") or raw.get("address") or query).strip()
        return Location(
            query=query,
            name=name or query,
            lat=lat,
            lon=lon,
            feature=arcgis_feature(str(attributes.get("Addr_type") or ""),
                                   str(attributes.get("Type") or "")),
            country=iso2_from_alpha3(str(attributes.get("Country") or attributes.get("CntryName") or "")),
            provider=self.name,
            provider_id=f"arcgis:{lat:.5f},{lon:.5f}",
            raw=raw,
        )
