"""Errors a user can act on. The CLI prints their message on one line and exits 1."""

from __future__ import annotations

__all__ = ["GeoeventsError", "InputError"]


class GeoeventsError(Exception):
    """Base class: anything the user can fix (bad input, bad option, unreachable service)."""


class InputError(GeoeventsError):
    """An input file or document cannot be read as an article."""
