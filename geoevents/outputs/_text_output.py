"""Text exports go to a file (atomically) or to standard output for ``"-"``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .._io import atomic_write
from ._errors import OutputError

__all__ = ["write_text_output"]


def write_text_output(
    text: str, path_or_dash: str | os.PathLike[str], *, what: str, newline: str | None = None
) -> Path | None:
    """Write ``text`` to ``path_or_dash``; ``None`` when it went to standard output."""
    if str(path_or_dash) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return None
    target = Path(path_or_dash)
    try:
        with atomic_write(target, newline=newline) as handle:
            handle.write(text)
    except OSError as exc:
        raise OutputError(f"cannot write {what} to {target}: {exc.strerror or exc}") from None
    return target
