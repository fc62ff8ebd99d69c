"""The embedded gazetteer as a provider: offline, always first in the chain."""

from __future__ import annotations

import os
from typing import Any

from .base import Provider
from .errors import GeocoderConfigError
from .location import Location

__all__ = ["GazetteerProvider"]


class GazetteerProvider(Provider):
    """Look names up in a :class:`gazetteer.Gazetteer` (anything with ``lookup(name, limit=)``).

    The best-ranked candidate wins; with ``country``, the best one in that country.
    :meth:`close` closes the gazetteer only if :meth:`open` opened it (a shared one stays open).
    """

    name = "gazetteer"

    def __init__(self, gazetteer: Any, *, limit: int = 10, owned: bool = False) -> None:
        self.gazetteer = gazetteer
        self.limit = limit
        self._owned = owned

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, **kwargs: Any) -> GazetteerProvider:
        """Open the gazetteer index at ``path`` (default: the one shipped with the package)."""
        try:
            from gazetteer import Gazetteer
        except ImportError as exc:
            raise GeocoderConfigError(f"gazetteer: package not available ({exc})") from None
        try:
            gz = Gazetteer.open(path)
        except Exception as exc:  # the gazetteer has its own error base; report it in one line
            raise GeocoderConfigError(
                f"gazetteer: cannot open {path or 'the default index'}: {exc}"
            ) from None
        return cls(gz, owned=True, **kwargs)

    def geocode(
        self, query: str, *, country: str | None = None, language: str | None = None
    ) -> Location | None:
        wanted = country.upper() if country else None
        for candidate in self.gazetteer.lookup(query, limit=self.limit):
            entry = getattr(candidate, "entry", candidate)
            code = str(entry.country or "").upper()
            if wanted and code != wanted:
                continue
            return Location(
                query=query,
                name=str(entry.name),
                lat=float(entry.lat),
                lon=float(entry.lon),
                feature=str(entry.feature),
                country=code,
                provider=self.name,
                provider_id=str(entry.id),
            )
        return None

    def close(self) -> None:
        close = getattr(self.gazetteer, "close", None)
        if self._owned and callable(close):
            close()
