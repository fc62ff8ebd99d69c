"""The GeoNames web service (needs a free GeoNames account name)."""

from __future__ import annotations

from typing import Any

from ._features import geonames_feature
from ._geopy import GeopyProvider
from .errors import GeocoderConfigError
from .location import Location

__all__ = ["GeoNamesProvider"]


class GeoNamesProvider(GeopyProvider):
    """GeoNames ``/searchJSON``; ``username`` is the GeoNames account (config or env)."""

    name = "geonames"
    default_url = "http://api.geonames.org"

    def __init__(self, url: str | None = None, *, username: str | None = None, **kwargs: Any) -> None:
        if not username:
            raise GeocoderConfigError(
                "geonames: needs a GeoNames account name: set username in the [geocoding.geonames] "
                "config section or GEOEVENTS_GEONAMES_USERNAME"
            )
        super().__init__(url, username=username, **kwargs)

    def _build(self, **kwargs: Any) -> Any:
        from geopy.geocoders import GeoNames

        return GeoNames(**kwargs)

    def _query(self, geocoder: Any, query: str, country: str | None, language: str | None) -> Any:
        return geocoder.geocode(query, exactly_one=False, country=country or None)

    def _location(self, query: str, raw: dict[str, Any]) -> Location:
        return Location(
            query=query,
            name=str(raw.get("name") or query),
            lat=float(raw["lat"]),
            lon=float(raw["lng"]),
            feature=geonames_feature(str(raw.get("fcl") or ""), str(raw.get("fcode") or "")),
            country=str(raw.get("countryCode") or "").upper(),
            provider=self.name,
            provider_id=f"geonames:{raw['geonameId']}",
            raw=raw,
        )
