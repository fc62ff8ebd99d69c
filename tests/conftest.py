"""Shared fixtures: the example article and a subprocess runner for the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = FIXTURES / "iran-strikes-2020-01.fr.txt"


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def run_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None,
            timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run ``python -m geoevents`` in a fresh process, as a user would."""
    env = dict(os.environ)
    env.setdefault("PYTHONIOENCODING", "utf-8")
    env["COLUMNS"] = "200"
    return subprocess.run(
        [sys.executable, "-m", "geoevents", *args],
        cwd=cwd,
        input=stdin.decode("utf-8", "replace") if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )
