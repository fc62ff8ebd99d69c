"""Errors a user can act on. The CLI prints their message on one line and exits 1."""

from __future__ import annotations

__all__ = ["GeoeventsError", "InputError", "UsageError"]


class GeoeventsError(Exception):
    """Base class: anything the user can fix (bad input, bad option, unreachable service).

    ``exit_code`` is the command line's exit status for it.
    """

    exit_code: int = 1


class InputError(GeoeventsError):
    """An input file or document cannot be read as an article."""


class UsageError(GeoeventsError):
    """A command-line option has a value the command cannot use (exit status 2)."""

    exit_code = 2
