"""Helpers for batch tests: run the real `geoevents batch` command, read its GeoJSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

__all__ = ["batch_cmd", "run_batch_cli", "geojson_of"]


def _batch_argv() -> list[str]:
    """`python -m geoevents batch` once the command is wired in, else the module on its own."""
    from geoevents.cli import app

    names = {c.name for c in app.registered_commands}
    if "batch" in names:
        return [sys.executable, "-m", "geoevents", "batch"]
    return [sys.executable, "-m", "geoevents.cli.batch"]


def batch_cmd(*args: str) -> list[str]:
    return [*_batch_argv(), *args]


def run_batch_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None,
                  timeout: float = 600) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.setdefault("PYTHONIOENCODING", "utf-8")
    env["COLUMNS"] = "200"
    return subprocess.run(
        batch_cmd(*args), cwd=cwd, input=stdin.decode() if stdin is not None else None,
        capture_output=True, text=True, timeout=timeout, env=env,
    )


def geojson_of(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / "events.geojson").read_text(encoding="utf-8"))
    return data
