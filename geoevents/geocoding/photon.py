"""Photon (komoot's OpenStreetMap geocoder): the public server or a self-hosted one."""

from __future__ import annotations

from typing import Any

from ._features import osm_feature
from ._geopy import GeopyProvider
from .location import Location

__all__ = ["PhotonProvider"]


class PhotonProvider(GeopyProvider):
    """Photon's ``/api`` (GeoJSON) API. It has no country filter: results are filtered here."""

    name = "photon"
    default_url = "https://photon.komoot.io"

    def _build(self, **kwargs: Any) -> Any:
        from geopy.geocoders import Photon

        return Photon(**kwargs)

    def _query(self, geocoder: Any, query: str, country: str | None, language: str | None) -> Any:
        # Photon only knows a few languages; an unknown one is an HTTP 400, so send only these.
        lang = language if language in {"en", "de", "fr", "it"} else False
        return geocoder.geocode(query, exactly_one=False, limit=self.limit, language=lang)

    def _location(self, query: str, raw: dict[str, Any]) -> Location:
        props = raw["properties"]
        lon, lat = raw["geometry"]["coordinates"][:2]
        osm_type = str(props.get("osm_type") or "").upper()[:1]
        return Location(
            query=query,
            name=str(props.get("name") or query),
            lat=float(lat),
            lon=float(lon),
            feature=osm_feature(
                str(props.get("osm_key") or ""),
                str(props.get("osm_value") or ""),
                str(props.get("type") or ""),
            ),
            country=str(props.get("countrycode") or "").upper(),
            provider=self.name,
            provider_id=f"osm:{osm_type}{props.get('osm_id', '')}",
            raw=raw,
        )
