"""Pelias: a self-hosted server, or a hosted one with an API key."""

from __future__ import annotations

from typing import Any

from ._features import pelias_feature
from ._geopy import GeopyProvider
from .errors import GeocoderConfigError
from .location import Location

__all__ = ["PeliasProvider", "iso2_from_alpha3"]


class PeliasProvider(GeopyProvider):
    """Pelias's ``/v1/search`` (GeoJSON) API; pass ``url`` (there is no public default)."""

    name = "pelias"

    def __init__(self, url: str | None = None, *, api_key: str | None = None, **kwargs: Any) -> None:
        if not url:
            raise GeocoderConfigError(
                "pelias: no server URL: pass --geocoder-url http://host:port for pelias"
            )
        super().__init__(url, api_key=api_key, **kwargs)

    def _build(self, **kwargs: Any) -> Any:
        from geopy.geocoders import Pelias

        return Pelias(**kwargs)

    def _query(self, geocoder: Any, query: str, country: str | None, language: str | None) -> Any:
        return geocoder.geocode(
            query,
            exactly_one=False,
            countries=[country] if country else None,
            language=language or None,
        )

    def _location(self, query: str, raw: dict[str, Any]) -> Location:
        props = raw["properties"]
        lon, lat = raw["geometry"]["coordinates"][:2]
        return Location(
            query=query,
            name=str(props.get("name") or props.get("label") or query),
            lat=float(lat),
            lon=float(lon),
            feature=pelias_feature(str(props.get("layer") or "")),
            country=_iso2(props),
            provider=self.name,
            provider_id=f"pelias:{props.get('gid') or props.get('id', '')}",
            raw=raw,
        )


def _iso2(props: dict[str, Any]) -> str:
    code = str(props.get("country_code") or "")
    if len(code) == 2:
        return code.upper()
    return iso2_from_alpha3(str(props.get("country_a") or ""))


def iso2_from_alpha3(code: str) -> str:
    """ISO 3166-1 alpha-2 for an alpha-3 code (an alpha-2 passes through), or "".

    >>> iso2_from_alpha3("IRQ"), iso2_from_alpha3("lb"), iso2_from_alpha3("XYZ")
    ('IQ', 'LB', '')
    """
    code = code.strip().upper()
    if len(code) == 2 and code.isalpha():
        return code
    if len(code) != 3:
        return ""
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    return str(country.alpha_2) if country is not None else ""
