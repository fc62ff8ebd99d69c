"""Request defaults shared by the providers and the configuration (no imports: cheap)."""

from __future__ import annotations

__all__ = ["DEFAULT_TIMEOUT", "DEFAULT_RETRIES"]

DEFAULT_TIMEOUT = 5.0  # seconds per request; geopy's own default (1 s) is short for public servers
DEFAULT_RETRIES = 2
