"""What a geocoder answers: a :class:`Location`, and how it becomes a model :class:`Place`."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..model import Mention, Place

__all__ = ["Location", "normalise_query", "place_from_location"]

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Location:
    """One place a provider found for a query.

    Attributes
    ----------
    query : str
        The text that was looked up.
    name, lat, lon : str, float, float
        The place's name and WGS84 coordinates.
    feature : str
        Feature class in the gazetteer's vocabulary (city, country, admin1, airbase ...).
    country : str
        ISO 3166-1 alpha-2 code, upper case, or "" when unknown.
    provider : str
        Short provider name ("gazetteer", "nominatim" ...).
    provider_id : str
        The provider's own identifier (gazetteer id, "osm:R304934", "geonames:99237" ...).
    raw : dict or None
        The provider's reply for this place; not compared, not cached.
    cached : bool
        True when the answer came from the persistent cache; not compared.
    """

    query: str
    name: str
    lat: float
    lon: float
    feature: str
    country: str
    provider: str
    provider_id: str
    raw: dict[str, Any] | None = field(default=None, compare=False, repr=False)
    cached: bool = field(default=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready fields (no ``raw``)."""
        return {
            "query": self.query,
            "name": self.name,
            "lat": self.lat,
            "lon": self.lon,
            "feature": self.feature,
            "country": self.country,
            "provider": self.provider,
            "provider_id": self.provider_id,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, cached: bool = False) -> Location:
        return cls(
            query=str(data["query"]),
            name=str(data["name"]),
            lat=float(data["lat"]),
            lon=float(data["lon"]),
            feature=str(data["feature"]),
            country=str(data["country"]),
            provider=str(data["provider"]),
            provider_id=str(data["provider_id"]),
            cached=cached,
        )


def normalise_query(query: str) -> str:
    """The cache's view of a query: NFKC, case-folded, inner whitespace collapsed.

    >>> normalise_query("  Ain  al-Asad\\u00a0")
    'ain al-asad'
    """
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", query)).strip().casefold()


def place_from_location(mention: Mention, location: Location, *, score: float = 1.0) -> Place:
    """A model :class:`Place` for ``mention``, recording which provider resolved it.

    Online providers' ids carry their namespace ("osm:R304934"), so they serve as the place's
    ``gazetteer_id`` without clashing with the embedded gazetteer's ids.
    """
    return Place(
        mention=mention,
        gazetteer_id=location.provider_id,
        name=location.name,
        lat=location.lat,
        lon=location.lon,
        feature=location.feature,
        country=location.country,
        score=score,
        provider=location.provider,
    )
