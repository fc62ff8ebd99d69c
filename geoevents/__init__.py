"""geoevents: news reports of strikes and attacks -> places, events, maps and GIS exports."""

from __future__ import annotations

__all__: list[str] = []
