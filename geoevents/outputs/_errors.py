"""The one error the output writers raise."""

from __future__ import annotations

from ..errors import GeoeventsError

__all__ = ["OutputError"]


class OutputError(GeoeventsError):
    """A map or export cannot be written: bad records, unknown format, unwritable path."""
