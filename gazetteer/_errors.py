"""Errors a user can act on; their message is one line."""

from __future__ import annotations

import os

__all__ = ["GazetteerError", "GazetteerInputError"]


class GazetteerError(Exception):
    """Base class of every gazetteer error (bad input file, unusable index)."""


class GazetteerInputError(GazetteerError):
    """An input file cannot be read; the message names the file and, when known, the line."""

    def __init__(self, path: str | os.PathLike[str], message: str, line: int | None = None):
        self.path = os.fspath(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[object, ...]:  # crosses process boundaries intact
        return (type(self), (self.path, self.message, self.line))
