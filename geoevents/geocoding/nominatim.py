"""Nominatim (OpenStreetMap): the public server or a self-hosted one."""

from __future__ import annotations

from typing import Any

from ._features import osm_feature
from ._geopy import GeopyProvider, default_user_agent
from .location import Location

__all__ = ["NominatimProvider", "PUBLIC_NOMINATIM"]

PUBLIC_NOMINATIM = "https://nominatim.openstreetmap.org"

_OSM_TYPES = {"node": "N", "way": "W", "relation": "R", "n": "N", "w": "W", "r": "R"}


class NominatimProvider(GeopyProvider):
    """Nominatim's ``/search`` API.

    The public server allows one request per second and requires a user agent that
    identifies you (``--user-agent 'myapp/1.0 (me@example.org)'``); a self-hosted server
    (``url="http://127.0.0.1:8080"``) needs neither.
    """

    name = "nominatim"
    default_url = PUBLIC_NOMINATIM

    @property
    def is_public(self) -> bool:
        return self.url.rstrip("/") == PUBLIC_NOMINATIM

    @property
    def polite_delay(self) -> float:
        # The public server's usage policy: at most one request per second.
        return 1.0 if self.is_public else 0.0

    def _user_agent(self, user_agent: str | None) -> str | None:
        if user_agent:
            return user_agent
        # None lets geopy refuse its own default agent on the public server.
        return None if self.is_public else default_user_agent()

    def _config_message(self, exc: Exception) -> str:
        if self.is_public and "user_agent" in str(exc):
            return (
                "nominatim: the public Nominatim server needs a user agent that identifies you: "
                "pass --user-agent 'myapp/1.0 (me@example.org)' or set GEOEVENTS_USER_AGENT"
            )
        return super()._config_message(exc)

    def _build(self, **kwargs: Any) -> Any:
        from geopy.geocoders import Nominatim

        return Nominatim(**kwargs)

    def _query(self, geocoder: Any, query: str, country: str | None, language: str | None) -> Any:
        return geocoder.geocode(
            query,
            exactly_one=False,
            limit=self.limit,
            addressdetails=True,
            language=language or False,
            country_codes=country.lower() if country else None,
        )

    def _location(self, query: str, raw: dict[str, Any]) -> Location:
        display = str(raw.get("display_name") or "")
        name = str(raw.get("name") or display.split(",")[0]).strip()
        address = raw.get("address") or {}
        osm_type = _OSM_TYPES.get(str(raw.get("osm_type", "")).lower())
        provider_id = (
            f"osm:{osm_type}{raw['osm_id']}"
            if osm_type and raw.get("osm_id") is not None
            else f"nominatim:{raw.get('place_id', '')}"
        )
        return Location(
            query=query,
            name=name or query,
            lat=float(raw["lat"]),
            lon=float(raw["lon"]),
            feature=osm_feature(
                str(raw.get("class") or raw.get("category") or ""),
                str(raw.get("type") or ""),
                str(raw.get("addresstype") or ""),
            ),
            country=str(address.get("country_code") or "").upper(),
            provider=self.name,
            provider_id=provider_id,
            raw=raw,
        )
